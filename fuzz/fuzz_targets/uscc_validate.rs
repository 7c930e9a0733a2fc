//! USCC validation with every option combination: `isValid == validate().valid`,
//! valid ⇔ no errors, suggestions are valid codes, pilot acceptance only widens.
#![no_main]
use libfuzzer_sys::fuzz_target;
use xinyong::{uscc, ValidateOptions, WarningKind};

include!("common.rs");

fuzz_target!(|data: &[u8]| {
    let Some((&byte, rest)) = data.split_first() else { return };
    let input = String::from_utf8_lossy(rest);
    let options = options_from(byte);
    let v = uscc::validate_with(&input, &options);
    check_validation(&input, &v, &options);

    let default =
        uscc::validate_with(&input, &ValidateOptions { suggestions: false, ..ValidateOptions::default() });
    assert_eq!(uscc::is_valid(&input), default.valid, "isValid == validate().valid: {input:?}");
    assert_eq!(uscc::is_valid(&v.normalized), default.valid, "{input:?}");
    // Options other than acceptPilotCodes never change validity or errors.
    let pilot = v.warnings.iter().any(|w| w.kind == WarningKind::PilotEraAccepted);
    if options.accept_pilot_codes {
        assert!(!default.valid || v.valid, "acceptPilotCodes only widens: {input:?}");
        assert_eq!(v.valid, default.valid || pilot, "{input:?}");
    } else {
        assert_eq!(v.errors, default.errors, "{input:?}");
        assert!(!pilot);
    }
    if v.valid {
        assert_eq!(v.normalized.len(), uscc::LENGTH, "{input:?}");
        assert!(v.parts.authority.is_some() && v.parts.entity_type.is_some(), "{input:?}");
        assert!(v.parts.division_code.is_some() && v.parts.org_code.is_some(), "{input:?}");
        if !pilot {
            let first17: String = v.normalized.chars().take(17).collect();
            let check = uscc::check_char(&first17).expect("check char of a valid code");
            assert_eq!(v.normalized.chars().last(), Some(check), "{input:?}");
        }
    }
    for s in &v.suggestions {
        assert!(uscc::is_valid(&s.code), "suggestion {s:?} for {input:?} is not valid");
    }
    // Diagnoses' candidates (float truncation) are valid codes too.
    for d in &v.diagnoses {
        if d.kind == xinyong::DiagnosisKind::FloatTruncation {
            assert!(d.candidates.iter().all(|c| uscc::is_valid(c)), "{d:?}");
        }
    }
    // check_char and generate never panic.
    let _ = uscc::check_char(&input);
});

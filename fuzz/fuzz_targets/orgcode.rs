//! Organization code (GB 11714): `isValid == validate().valid`, valid ⇔ no
//! errors, suggestions are valid codes, the check character agrees.
#![no_main]
use libfuzzer_sys::fuzz_target;
use xinyong::orgcode;

include!("common.rs");

fuzz_target!(|data: &[u8]| {
    let Some((&byte, rest)) = data.split_first() else { return };
    let input = String::from_utf8_lossy(rest);
    let options = options_from(byte);
    let v = orgcode::validate_with(&input, &options);
    check_validation(&input, &v, &options);
    let default = orgcode::validate_with(
        &input,
        &xinyong::ValidateOptions { suggestions: false, ..Default::default() },
    );
    assert_eq!(orgcode::is_valid(&input), default.valid, "isValid == validate().valid: {input:?}");
    assert_eq!(v.valid, default.valid, "options never change validity: {input:?}");
    assert_eq!(v.errors, default.errors);
    for s in &v.suggestions {
        assert!(orgcode::is_valid(&s.code), "{s:?} for {input:?}");
    }
    if v.valid {
        let body: String = v.normalized.chars().take(8).collect();
        assert_eq!(orgcode::check_char(&body).ok(), v.normalized.chars().nth(8), "{input:?}");
    }
    if let Ok(c) = orgcode::check_char(&input) {
        let code = format!("{}{c}", xinyong::normalize::normalize(&input).value);
        assert!(orgcode::is_valid(&code), "{code:?}");
    }
});

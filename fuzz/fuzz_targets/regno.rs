//! 15-digit registration number (GS15): `isValid == validate().valid`, valid ⇔
//! no errors, suggestions are valid numbers, the check digit agrees.
#![no_main]
use libfuzzer_sys::fuzz_target;
use xinyong::regno;

include!("common.rs");

fuzz_target!(|data: &[u8]| {
    let Some((&byte, rest)) = data.split_first() else { return };
    let input = String::from_utf8_lossy(rest);
    let options = options_from(byte);
    let v = regno::validate_with(&input, &options);
    check_validation(&input, &v, &options);
    let default =
        regno::validate_with(&input, &xinyong::ValidateOptions { suggestions: false, ..Default::default() });
    assert_eq!(regno::is_valid(&input), default.valid, "isValid == validate().valid: {input:?}");
    assert_eq!(v.valid, default.valid, "options never change validity: {input:?}");
    assert_eq!(v.errors, default.errors);
    for s in &v.suggestions {
        assert!(regno::is_valid(&s.code), "{s:?} for {input:?}");
    }
    if v.valid {
        let first: String = v.normalized.chars().take(14).collect();
        assert_eq!(regno::check_digit(&first).ok(), v.normalized.chars().nth(14), "{input:?}");
    }
    if let Ok(c) = regno::check_digit(&input) {
        let code = format!("{}{c}", xinyong::normalize::normalize(&input).value);
        assert!(regno::is_valid(&code), "{code:?}");
    }
    let _ = xinyong::divisions::division_code_of(&input);
});

//! Resident identity number (GB 11643): `isValid == validate().valid`, valid ⇔
//! no errors, suggestions are valid numbers, the check character agrees, a
//! legacy upgrade is valid, masking keeps the length and hides the middle.
#![no_main]
use libfuzzer_sys::fuzz_target;
use xinyong::resident_id;

include!("common.rs");

fuzz_target!(|data: &[u8]| {
    let Some((&byte, rest)) = data.split_first() else { return };
    let input = String::from_utf8_lossy(rest);
    let options = options_from(byte);
    let v = resident_id::validate_with(&input, &options);
    check_validation(&input, &v, &options);
    let default = resident_id::validate_with(
        &input,
        &xinyong::ValidateOptions { suggestions: false, ..Default::default() },
    );
    assert_eq!(resident_id::is_valid(&input), default.valid, "isValid == validate().valid: {input:?}");
    assert_eq!(v.valid, default.valid, "options never change validity: {input:?}");
    assert_eq!(v.errors, default.errors);
    for s in &v.suggestions {
        assert!(resident_id::is_valid(&s.code), "{s:?} for {input:?}");
    }
    if v.valid {
        let first: String = v.normalized.chars().take(17).collect();
        assert_eq!(resident_id::check_char(&first).ok(), v.normalized.chars().nth(17), "{input:?}");
    }
    for d in &v.diagnoses {
        for c in &d.candidates {
            assert!(resident_id::is_valid(c), "{c:?} for {input:?}");
        }
    }
    if let Ok(up) = resident_id::upgrade15(&input) {
        assert!(resident_id::is_valid(&up), "{up:?} from {input:?}");
    }
    if let Ok(c) = resident_id::check_char(&input) {
        let code = format!("{}{c}", xinyong::normalize::normalize(&input).value);
        let r = resident_id::validate(&code);
        assert!(r.errors.iter().all(|e| e.kind == xinyong::ErrorKind::BirthDate), "{code:?}");
    }
    let (start, end) = (usize::from(byte & 0x0f), usize::from(byte >> 4));
    let masked = resident_id::mask(&input, start, end);
    let n = v.normalized.chars().count();
    assert_eq!(masked.chars().count(), n, "{input:?}");
    let shown = masked.chars().filter(|&c| c != '*').count();
    assert!(shown <= start + end, "mask shows at most the kept characters: {input:?}");
    if start + end >= n {
        assert!(masked.chars().all(|c| c == '*'), "too short to keep any: {input:?}");
    } else {
        let middle = masked.chars().skip(start).take(n - start - end);
        assert!(middle.into_iter().all(|c| c == '*'), "the middle is hidden: {input:?}");
    }
});

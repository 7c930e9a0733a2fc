// Shared by the fuzz targets (included with `include!`).

/// Options from one byte: bit 0 `acceptPilotCodes`, bit 1 `suggestions`,
/// bits 2-7 `maxSuggestions` (0-62, 63 = unlimited).
#[allow(dead_code)]
fn options_from(byte: u8) -> xinyong::ValidateOptions {
    let max = usize::from(byte >> 2);
    xinyong::ValidateOptions {
        accept_pilot_codes: byte & 1 != 0,
        suggestions: byte & 2 != 0,
        max_suggestions: if max == 63 { usize::MAX } else { max },
    }
}

/// Invariants every `Validation` keeps, whatever the identifier.
#[allow(dead_code)]
fn check_validation(input: &str, v: &xinyong::Validation, options: &xinyong::ValidateOptions) {
    assert_eq!(v.valid, v.errors.is_empty(), "valid iff no errors: {input:?} {v:?}");
    let normalized = xinyong::normalize::normalize(input);
    assert_eq!(v.normalized, normalized.value, "{input:?}");
    let again = xinyong::normalize::normalize(&v.normalized);
    assert_eq!(again.value, v.normalized, "normalize is idempotent: {input:?}");
    assert!(again.notes.is_empty(), "a normalized value needs no notes: {input:?}");
    let len = v.normalized.chars().count();
    for e in &v.errors {
        if let Some(p) = e.position {
            assert!(p >= 1 && p <= len, "error position {p} outside 1..={len}: {input:?} {e:?}");
        }
        assert!(!e.message.en.is_empty() && !e.message.zh_hans.is_empty() && !e.message.zh_hant.is_empty());
    }
    if v.valid || !options.suggestions {
        assert!(v.suggestions.is_empty(), "no suggestions for a valid code or when off: {input:?}");
    }
    assert!(v.suggestions.len() <= options.max_suggestions, "{input:?}");
    for (i, s) in v.suggestions.iter().enumerate() {
        assert!(v.suggestions[..i].iter().all(|t| t.code != s.code), "duplicate suggestion {s:?}");
        assert_ne!(s.code, v.normalized, "a suggestion differs from the input");
        // Positions are in the corrected code; a deletion's is in the input.
        let slen = if s.edit == xinyong::EditKind::Deletion { len } else { s.code.chars().count() };
        assert!(!s.positions.is_empty() && s.positions.iter().all(|&p| p >= 1 && p <= slen), "{s:?}");
    }
    serde_json::to_string(v).expect("a result serializes");
}

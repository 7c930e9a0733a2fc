//! 15-digit business registration number (工商注册号), GS15-2006.
//!
//! Positions 1-6 are the registering authority's division code; the check
//! digit follows ISO 7064 MOD 11,10: starting from `P = 10`, for each of the
//! first 14 digits `d`: `S = (P + d) mod 10` (0 read as 10), `P = 2S mod 11`;
//! the check digit `c` satisfies `(P + c) mod 10 = 1`. Superseded by the USCC
//! from 2015, still found in older records.
//!
//! ```
//! use xinyong::regno;
//! assert!(regno::is_valid("310115600985533"));
//! assert_eq!(regno::check_digit("31011560098553"), Ok('3'));
//! ```

use crate::error::{ErrorKind, IdError};
use crate::i18n::Text;
use crate::normalize::normalize;
use crate::result::{IdKind, Parts, ValidateOptions, Validation};
use crate::suggest;
use crate::uscc::{digit_body_check, digit_error, empty_error, length_error};

/// Length of a registration number.
pub const LENGTH: usize = 15;

fn check_for(first14: &[u8]) -> Option<u8> {
    let mut p = 10u32;
    for &b in first14 {
        if !b.is_ascii_digit() {
            return None;
        }
        let s = match (p + u32::from(b - b'0')) % 10 {
            0 => 10,
            s => s,
        };
        p = (2 * s) % 11;
    }
    Some(b'0' + ((11 - p) % 10) as u8)
}

/// The check on exactly 15 bytes.
pub(crate) fn kernel(code: &[u8]) -> bool {
    let Ok([first @ .., check]) = <&[u8; LENGTH]>::try_from(code) else { return false };
    check_for(first) == Some(*check)
}

/// Whether `input` is a valid registration number (after normalization).
///
/// ```
/// assert!(xinyong::regno::is_valid("110108 000000016"));
/// assert!(!xinyong::regno::is_valid("110108000000017"));
/// ```
pub fn is_valid(input: &str) -> bool {
    match input.len() {
        LENGTH => kernel(input.as_bytes()),
        0..LENGTH => false,
        _ => kernel(normalize(input).value.as_bytes()),
    }
}

/// The check digit for the first 14 digits (normalized first).
///
/// ```
/// assert_eq!(xinyong::regno::check_digit("11010800000001"), Ok('6'));
/// ```
///
/// # Errors
/// `length` unless there are 14 characters; `character` for a non-digit.
pub fn check_digit(first14: &str) -> Result<char, IdError> {
    digit_body_check(first14, LENGTH - 1, check_for)
}

/// Validates a registration number under default options. See [`validate_with`].
pub fn validate(input: &str) -> Validation {
    validate_with(input, &ValidateOptions::default())
}

/// Validates a 15-digit registration number, with the same result shape as
/// a USCC (`parts.divisionCode` is positions 1-6).
///
/// ```
/// let r = xinyong::regno::validate("310115600985534");
/// assert!(!r.valid);
/// assert_eq!(r.errors[0].expected.as_deref(), Some("3"));
/// assert!(r.suggestions.iter().any(|s| s.code == "310115600985533"));
/// ```
pub fn validate_with(input: &str, options: &ValidateOptions) -> Validation {
    let normalized = normalize(input);
    let chars: Vec<char> = normalized.value.chars().collect();
    let mut errors = Vec::new();
    let mut parts = Parts::default();
    if chars.is_empty() {
        errors.push(empty_error());
    } else if chars.len() != LENGTH {
        errors.push(length_error(LENGTH, chars.len()));
    }
    for (i, &c) in chars.iter().enumerate().take(2 * LENGTH) {
        if !c.is_ascii_digit() {
            errors.push(digit_error(i + 1, c));
        }
    }
    if let Some(division) = chars.get(..6).filter(|d| d.iter().all(char::is_ascii_digit)) {
        parts.division_code = Some(division.iter().collect());
    }
    if chars.len() == LENGTH && chars.iter().all(char::is_ascii_digit) {
        let found = chars.get(14).copied().unwrap_or_default();
        parts.check_char = Some(found.to_string());
        let first: String = chars.iter().take(14).collect();
        if let Ok(expected) = check_digit(&first) {
            if expected != found {
                errors.push(check_error(expected, found));
            }
        }
    }
    let mut warnings = Vec::new();
    crate::divisions::attach(&mut parts, &mut warnings);
    let valid = errors.is_empty();
    let suggestions = if !valid && options.suggestions {
        suggest::corrections(&normalized.value, &suggest::REGISTRATION_NUMBER, options.max_suggestions)
    } else {
        Vec::new()
    };
    Validation {
        kind: IdKind::RegistrationNumber,
        valid,
        normalized: normalized.value,
        notes: normalized.notes,
        parts,
        errors,
        warnings,
        diagnoses: Vec::new(),
        suggestions,
    }
}

fn check_error(expected: char, found: char) -> IdError {
    IdError {
        kind: ErrorKind::CheckChar,
        position: Some(LENGTH),
        expected: Some(expected.to_string()),
        found: Some(found.to_string()),
        message: Text::new(
            format!("第 15 位校验位应为 {expected}，实为 {found}"),
            format!("第 15 位校驗位應為 {expected}，實為 {found}"),
            format!("position 15: check digit should be {expected}, found {found}"),
        ),
    }
}

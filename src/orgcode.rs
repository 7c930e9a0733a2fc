//! Organization code (组织机构代码), GB 11714-1997: 8 body characters
//! `[0-9A-Z]` and a check character, often printed `D2143569-X`.
//!
//! Value of a body character: the digit, or `A`=10 … `Z`=35. Weights
//! `3 7 9 10 5 8 4 2`; check `11 - (sum mod 11)`, with 10 written `X` and 11
//! written `0`. In a USCC it is positions 9-17, which lets a portal link old
//! records to the new code.
//!
//! ```
//! use xinyong::orgcode;
//! assert!(orgcode::is_valid("D2143569-X"));
//! assert_eq!(orgcode::check_char("D2143569"), Ok('X'));
//! assert_eq!(orgcode::validate("D21435690").errors[0].kind, xinyong::ErrorKind::CheckChar);
//! ```

use crate::error::{ErrorKind, IdError};
use crate::i18n::Text;
use crate::normalize::normalize;
use crate::result::{Diagnosis, DiagnosisKind, IdKind, Parts, ValidateOptions, Validation};
use crate::suggest;
use crate::uscc::{character_error, empty_error, length_error, printable};

/// Length of an organization code, without the hyphen.
pub const LENGTH: usize = 9;

/// The weights of the 8 body characters.
pub const WEIGHTS: [u32; 8] = [3, 7, 9, 10, 5, 8, 4, 2];

/// Marks a byte that is no GB 11714 character in [`VALUE`].
const INVALID: u8 = u8::MAX;

/// Byte → GB 11714 value (`0`-`9` → 0-9, `A`-`Z` and `a`-`z` → 10-35), or `INVALID`.
// Indexing in a constant initializer is evaluated by the compiler: an index
// out of bounds is a build error, never a run-time panic.
#[allow(clippy::indexing_slicing)]
static VALUE: [u8; 256] = {
    let mut table = [INVALID; 256];
    let mut i = 0;
    while i < 36 {
        let c = if i < 10 { b'0' + i } else { b'A' + i - 10 };
        table[c as usize] = i;
        table[c.to_ascii_lowercase() as usize] = i;
        i += 1;
    }
    table
};

/// The check character for 8 body bytes, or `None` when one is not
/// alphanumeric. Branch-free over the body (it is the inner loop of batch
/// checking): invalid bytes are collected in one OR and tested once.
fn check_for(body: &[u8]) -> Option<u8> {
    let mut sum = 0;
    let mut seen = 0;
    for (&b, w) in body.iter().zip(WEIGHTS) {
        let v = VALUE.get(usize::from(b)).copied().unwrap_or(INVALID);
        seen |= v;
        sum += u32::from(v) * w;
    }
    if seen == INVALID || body.len() != WEIGHTS.len() {
        return None;
    }
    Some(check_of_sum(sum))
}

/// The check character of a weighted body sum: `11 - sum mod 11`, with 10
/// written `X` and 11 written `0`.
pub(crate) fn check_of_sum(sum: u32) -> u8 {
    match 11 - sum % 11 {
        10 => b'X',
        11 => b'0',
        d => b'0' + d as u8,
    }
}

/// The check on exactly 9 bytes (upper or lower case, no hyphen).
pub(crate) fn kernel(code: &[u8]) -> bool {
    let Ok([body @ .., check]) = <&[u8; LENGTH]>::try_from(code) else { return false };
    check_for(body) == Some(check.to_ascii_uppercase())
}

/// Whether `input` is a valid organization code (hyphen and the usual
/// normalization allowed).
///
/// ```
/// assert!(xinyong::orgcode::is_valid("768225469"));
/// assert!(!xinyong::orgcode::is_valid("768225460"));
/// ```
pub fn is_valid(input: &str) -> bool {
    match input.len() {
        LENGTH => kernel(input.as_bytes()),
        0..LENGTH => false,
        _ => kernel(normalize(input).value.as_bytes()),
    }
}

/// The check character for 8 body characters (normalized first).
///
/// ```
/// assert_eq!(xinyong::orgcode::check_char("MA1FL0LY"), Ok('9'));
/// ```
///
/// # Errors
/// `length` unless there are 8 characters; `character` for one outside `[0-9A-Z]`.
pub fn check_char(body: &str) -> Result<char, IdError> {
    let n = normalize(body);
    let count = n.value.chars().count();
    if count != LENGTH - 1 {
        return Err(length_error(LENGTH - 1, count));
    }
    if let Some((i, c)) = n.value.chars().enumerate().find(|(_, c)| !c.is_ascii_alphanumeric()) {
        return Err(body_character_error(i + 1, c));
    }
    check_for(n.value.as_bytes()).map(char::from).ok_or_else(|| length_error(LENGTH - 1, count))
}

/// Validates an organization code under default options. See [`validate_with`].
pub fn validate(input: &str) -> Validation {
    validate_with(input, &ValidateOptions::default())
}

/// Validates an organization code, with the same result shape as a USCC:
/// `parts.orgCode` is the code written `XXXXXXXX-X`, and a valid USCC given
/// here gets a `uscc` diagnosis (its positions 9-17 are the organization code).
///
/// ```
/// let r = xinyong::orgcode::validate("d2143569-x");
/// assert!(r.valid);
/// assert_eq!(r.parts.org_code.as_deref(), Some("D2143569-X"));
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
        let check_position = i + 1 == LENGTH;
        if check_position && !(c.is_ascii_digit() || c == 'X') {
            let expected = chars.get(..8).and_then(|b| check_char(&b.iter().collect::<String>()).ok());
            let mut e = character_error(i + 1, c, expected);
            e.message = check_character_message(c);
            errors.push(e);
        } else if !c.is_ascii_alphanumeric() {
            errors.push(body_character_error(i + 1, c));
        }
    }
    if chars.len() == LENGTH && chars.iter().all(char::is_ascii_alphanumeric) {
        let body: String = chars.iter().take(8).collect();
        let found = chars.get(8).copied().unwrap_or_default();
        parts.org_code = Some(format!("{body}-{found}"));
        parts.check_char = Some(found.to_string());
        if let Ok(expected) = check_char(&body) {
            if found != expected && (found.is_ascii_digit() || found == 'X') {
                errors.push(check_error(expected, found));
            }
        }
    }
    let valid = errors.is_empty();
    let mut diagnoses = Vec::new();
    if !valid && chars.len() == crate::uscc::LENGTH && crate::uscc::is_valid(&normalized.value) {
        let org: String = chars.get(8..17).map(|o| o.iter().collect()).unwrap_or_default();
        diagnoses.push(Diagnosis {
            kind: DiagnosisKind::Uscc,
            message: Text::new(
                format!("这是统一社会信用代码，其中第 9-17 位是组织机构代码 {org}"),
                format!("這是統一社會信用代碼，其中第 9-17 位是組織機構代碼 {org}"),
                format!("this is a USCC; its positions 9-17 are the organization code {org}"),
            ),
            candidates: vec![org],
        });
    }
    let suggestions = if !valid && options.suggestions {
        suggest::corrections(&normalized.value, &suggest::ORG_CODE, options.max_suggestions)
    } else {
        Vec::new()
    };
    Validation {
        kind: IdKind::OrgCode,
        valid,
        normalized: normalized.value,
        notes: normalized.notes,
        parts,
        errors,
        warnings: Vec::new(),
        diagnoses,
        suggestions,
    }
}

fn body_character_error(position: usize, found: char) -> IdError {
    let shown = printable(found);
    IdError {
        kind: ErrorKind::Character,
        position: Some(position),
        expected: Some("0-9 A-Z".into()),
        found: Some(found.to_string()),
        message: Text::new(
            format!("第 {position} 位的“{shown}”不是合法字符：只能是数字或大写字母"),
            format!("第 {position} 位的「{shown}」不是合法字元：只能是數字或大寫字母"),
            format!("position {position}: '{shown}' is not allowed (only digits and letters)"),
        ),
    }
}

fn check_character_message(found: char) -> Text {
    let shown = printable(found);
    Text::new(
        format!("第 9 位校验码“{shown}”不是合法字符：只能是数字或 X"),
        format!("第 9 位校驗碼「{shown}」不是合法字元：只能是數字或 X"),
        format!("position 9: check character '{shown}' is not allowed (only a digit or X)"),
    )
}

fn check_error(expected: char, found: char) -> IdError {
    IdError {
        kind: ErrorKind::CheckChar,
        position: Some(LENGTH),
        expected: Some(expected.to_string()),
        found: Some(found.to_string()),
        message: Text::new(
            format!("第 9 位校验码应为 {expected}，实为 {found}"),
            format!("第 9 位校驗碼應為 {expected}，實為 {found}"),
            format!("position 9: check character should be {expected}, found {found}"),
        ),
    }
}

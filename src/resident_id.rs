//! Resident identity number (公民身份号码), GB 11643-1999: 18 characters.
//!
//! Positions 1-6 are the GB/T 2260 address code, 7-14 the birth date
//! `YYYYMMDD`, 15-17 a sequence number (odd for men, even for women), and 18
//! the ISO 7064 MOD 11-2 check character: the 17 digits weighted
//! `7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2`, the sum mod 11 mapped through
//! `1 0 X 9 8 7 6 5 4 3 2`. A lower-case `x` is the same as `X`. Legacy
//! 15-digit numbers (first-generation cards) are address, `YYMMDD` and
//! sequence, with no check character; [`upgrade15`] makes the 18-digit form.
//!
//! # Privacy
//!
//! A resident identity number is personal data. Results carry the full
//! number (`normalized`, `parts`, suggestion and diagnosis candidates): mask
//! it with [`mask`] (first 6 and last 4 kept by default) before it is
//! displayed or written to a log.
//!
//! ```
//! use xinyong::resident_id;
//! assert!(resident_id::is_valid("11010519491231002X"));
//! assert_eq!(resident_id::check_char("11010519491231002"), Ok('X'));
//! assert_eq!(resident_id::mask("11010519491231002X", 6, 4), "110105********002X");
//! ```

use crate::error::{ErrorKind, IdError};
use crate::i18n::Text;
use crate::normalize::normalize;
use crate::result::{Diagnosis, DiagnosisKind, IdKind, Parts, ValidateOptions, Validation};
use crate::suggest;
use crate::uscc::{digit_body_check, digit_error, empty_error, length_error, printable};

/// Length of a resident identity number.
pub const LENGTH: usize = 18;

/// Length of a legacy (first-generation) number.
pub const LEGACY_LENGTH: usize = 15;

/// The weights of the first 17 digits (ISO 7064 MOD 11-2).
pub const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/// Check character by weighted sum mod 11.
const CHECK: &[u8; 11] = b"10X98765432";

/// Earliest birth year accepted (the standard gives none; a year before this
/// is taken as a typo).
pub const MIN_YEAR: u32 = 1800;

/// The check character for 17 ASCII digits, or `None` for anything else.
fn check_for(first17: &[u8]) -> Option<u8> {
    if first17.len() != WEIGHTS.len() {
        return None;
    }
    let mut sum = 0u32;
    for (&b, w) in first17.iter().zip(WEIGHTS) {
        if !b.is_ascii_digit() {
            return None;
        }
        sum += u32::from(b - b'0') * w;
    }
    CHECK.get((sum % 11) as usize).copied()
}

/// A number of ASCII digits, or `None`.
fn number(digits: &[u8]) -> Option<u32> {
    digits.iter().try_fold(0u32, |n, &b| {
        if b.is_ascii_digit() {
            n.checked_mul(10)?.checked_add(u32::from(b - b'0'))
        } else {
            None
        }
    })
}

/// What is wrong with a birth date, if anything: the 0-based offset of the
/// field (year 0, month 4, day 6 in `YYYYMMDD`) and a description. The
/// description leaves the date out: messages end up in logs.
fn date_problem(year: u32, month: u32, day: u32) -> Option<(usize, Text)> {
    if year < MIN_YEAR {
        return Some((
            0,
            Text::new(
                format!("出生年份早于 {MIN_YEAR} 年"),
                format!("出生年份早於 {MIN_YEAR} 年"),
                format!("the birth year is before {MIN_YEAR}"),
            ),
        ));
    }
    if !(1..=12).contains(&month) {
        return Some((4, Text::new("月份不在 01-12 之间", "月份不在 01-12 之間", "the month is not 01-12")));
    }
    let real = i32::try_from(year).ok().and_then(|y| chrono::NaiveDate::from_ymd_opt(y, month, day));
    if real.is_none() {
        return Some((
            6,
            Text::new(
                "该月没有这一天（含闰年规则）",
                "該月沒有這一天（含閏年規則）",
                "that month has no such day (leap years included)",
            ),
        ));
    }
    None
}

/// The birth date in 18 bytes, when it is 8 digits.
fn birth_date(code: &[u8]) -> Option<(u32, u32, u32)> {
    Some((number(code.get(6..10)?)?, number(code.get(10..12)?)?, number(code.get(12..14)?)?))
}

/// The full check on exactly 18 upper-case bytes: digits, a real birth date,
/// the check character.
pub(crate) fn kernel(code: &[u8]) -> bool {
    let Ok([first @ .., check]) = <&[u8; LENGTH]>::try_from(code) else { return false };
    check_for(first) == Some(*check)
        && birth_date(code).is_some_and(|(y, m, d)| date_problem(y, m, d).is_none())
}

/// The typo search for resident identity numbers.
pub(crate) static SPEC: suggest::Spec = suggest::Spec {
    length: LENGTH,
    alphabet: b"0123456789X",
    check: kernel,
    division: Some(0..6),
    solve: None,
    prior: None,
};

/// Whether `input` is a valid 18-character resident identity number (after
/// normalization: spaces, full-width digits and a lower-case `x` are fine).
/// A legacy 15-digit number is not valid here; see [`upgrade15`].
///
/// ```
/// assert!(xinyong::resident_id::is_valid("11010519491231002x"));
/// assert!(!xinyong::resident_id::is_valid("110105194912310021"));
/// ```
pub fn is_valid(input: &str) -> bool {
    match input.len() {
        LENGTH => kernel(input.as_bytes()) || kernel(normalize(input).value.as_bytes()),
        0..LENGTH => false,
        _ => kernel(normalize(input).value.as_bytes()),
    }
}

/// The check character for the first 17 digits (normalized first).
///
/// ```
/// assert_eq!(xinyong::resident_id::check_char("11010519491231002"), Ok('X'));
/// ```
///
/// # Errors
/// `length` unless there are 17 characters; `character` for a non-digit.
pub fn check_char(first17: &str) -> Result<char, IdError> {
    digit_body_check(first17, LENGTH - 1, check_for)
}

/// Upgrades a legacy 15-digit number to 18 characters: `19` inserted before
/// the two-digit year, and the check character appended.
///
/// ```
/// assert_eq!(xinyong::resident_id::upgrade15("110105491231002"), Ok("11010519491231002X".into()));
/// ```
///
/// # Errors
/// `length` unless there are 15 characters; `character` for a non-digit;
/// `birth_date` when positions 7-12 are no real date in 19YY.
pub fn upgrade15(input: &str) -> Result<String, IdError> {
    let n = normalize(input);
    let count = n.value.chars().count();
    if count != LEGACY_LENGTH {
        return Err(length_error(LEGACY_LENGTH, count));
    }
    if let Some((i, c)) = n.value.chars().enumerate().find(|(_, c)| !c.is_ascii_digit()) {
        return Err(digit_error(i + 1, c));
    }
    if let Some(e) = legacy_date_error(n.value.as_bytes()) {
        return Err(e);
    }
    let (address, rest) = n.value.split_at_checked(6).ok_or_else(|| length_error(LEGACY_LENGTH, count))?;
    let first17 = format!("{address}19{rest}");
    let check = check_for(first17.as_bytes()).ok_or_else(|| length_error(LEGACY_LENGTH, count))?;
    Ok(format!("{first17}{}", char::from(check)))
}

/// The birth-date error of 15 legacy digits (positions in the 15-digit layout).
fn legacy_date_error(code: &[u8]) -> Option<IdError> {
    let year = 1900 + number(code.get(6..8)?)?;
    let (month, day) = (number(code.get(8..10)?)?, number(code.get(10..12)?)?);
    let (offset, text) = date_problem(year, month, day)?;
    // The legacy year has two digits: month and day sit two places earlier.
    let position = 7 + offset.saturating_sub(2);
    Some(date_error(position, code, text))
}

/// Validates a resident identity number under default options. See [`validate_with`].
pub fn validate(input: &str) -> Validation {
    validate_with(input, &ValidateOptions::default())
}

/// Validates a resident identity number: every error with its 1-based
/// position (length, a non-digit, a birth date that is no real day, the
/// check character), `parts.divisionCode` (positions 1-6, looked up in the
/// division table as a warning only), `parts.birthDate` (`YYYY-MM-DD`) and
/// `parts.checkChar`. A legacy 15-digit number is invalid (length) with a
/// `legacy_resident_id` diagnosis whose candidate is the upgraded number.
///
/// The result holds the full number: mask it with [`mask`] before display
/// or logging.
///
/// ```
/// let r = xinyong::resident_id::validate("110105194912310021");
/// assert!(!r.valid);
/// assert_eq!(r.errors[0].kind, xinyong::ErrorKind::CheckChar);
/// assert_eq!(r.errors[0].expected.as_deref(), Some("X"));
/// assert_eq!(r.parts.birth_date.as_deref(), Some("1949-12-31"));
///
/// let r = xinyong::resident_id::validate("110105491231002");
/// assert_eq!(r.diagnoses[0].candidates, ["11010519491231002X"]);
/// ```
pub fn validate_with(input: &str, options: &ValidateOptions) -> Validation {
    let normalized = normalize(input);
    let chars: Vec<char> = normalized.value.chars().collect();
    let bytes = normalized.value.as_bytes();
    let mut errors = Vec::new();
    let mut parts = Parts::default();
    let mut diagnoses = Vec::new();
    if chars.is_empty() {
        errors.push(empty_error());
    } else if chars.len() != LENGTH {
        errors.push(length_error(LENGTH, chars.len()));
    }
    for (i, &c) in chars.iter().enumerate().take(2 * LENGTH) {
        let check_position = i + 1 == LENGTH;
        if check_position && !(c.is_ascii_digit() || c == 'X') {
            errors.push(check_character_error(c));
        } else if !check_position && !c.is_ascii_digit() {
            errors.push(digit_error(i + 1, c));
        }
    }
    if let Some(division) = chars.get(..6).filter(|d| d.iter().all(char::is_ascii_digit)) {
        parts.division_code = Some(division.iter().collect());
    }
    let all_digits = |n: usize| bytes.len() == n && bytes.iter().all(u8::is_ascii_digit);
    if chars.len() == LENGTH && bytes.get(..17).is_some_and(|b| b.iter().all(u8::is_ascii_digit)) {
        if let Some((y, m, d)) = birth_date(bytes) {
            match date_problem(y, m, d) {
                Some((offset, text)) => errors.push(date_error(7 + offset, bytes, text)),
                None => parts.birth_date = Some(format!("{y:04}-{m:02}-{d:02}")),
            }
        }
        let found = chars.get(17).copied().unwrap_or_default();
        parts.check_char = Some(found.to_string());
        if let Some(expected) = bytes.get(..17).and_then(check_for).map(char::from) {
            if found != expected && (found.is_ascii_digit() || found == 'X') {
                errors.push(check_error(expected, found));
            }
        }
    } else if all_digits(LEGACY_LENGTH) {
        match legacy_date_error(bytes) {
            Some(e) => errors.push(e),
            None => {
                if let Ok(upgraded) = upgrade15(&normalized.value) {
                    parts.birth_date =
                        birth_date(upgraded.as_bytes()).map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"));
                    diagnoses.push(legacy_diagnosis(upgraded));
                }
            }
        }
    }
    let mut warnings = Vec::new();
    crate::divisions::attach(&mut parts, &mut warnings);
    let valid = errors.is_empty();
    let suggestions = if !valid && options.suggestions && diagnoses.is_empty() {
        suggest::corrections(&normalized.value, &SPEC, options.max_suggestions)
    } else {
        Vec::new()
    };
    Validation {
        kind: IdKind::ResidentId,
        valid,
        normalized: normalized.value,
        notes: normalized.notes,
        parts,
        errors,
        warnings,
        diagnoses,
        suggestions,
    }
}

/// Masks a resident identity number for display or logging: the input is
/// normalized (spaces and hyphens removed, full-width mapped, upper-cased),
/// then every character but the first `keep_start` and the last `keep_end`
/// is replaced by `*`. When that would leave nothing hidden (an input no
/// longer than `keep_start + keep_end`), every character is masked. Never
/// panics; works on any text (characters, not bytes, are counted).
///
/// ```
/// use xinyong::resident_id::mask;
/// assert_eq!(mask("11010519491231002x", 6, 4), "110105********002X");
/// assert_eq!(mask("11010519491231002X", 1, 2), "1***************2X");
/// assert_eq!(mask("1234", 6, 4), "****");
/// ```
pub fn mask(id: &str, keep_start: usize, keep_end: usize) -> String {
    let value = normalize(id).value;
    let count = value.chars().count();
    if keep_start.saturating_add(keep_end) >= count {
        return "*".repeat(count);
    }
    let end_from = count - keep_end;
    value.chars().enumerate().map(|(i, c)| if i < keep_start || i >= end_from { c } else { '*' }).collect()
}

/// The default masking: the first 6 and the last 4 characters kept
/// (`110105********002X`).
///
/// ```
/// assert_eq!(xinyong::resident_id::mask_default("11010519491231002X"), "110105********002X");
/// ```
pub fn mask_default(id: &str) -> String {
    mask(id, 6, 4)
}

fn legacy_diagnosis(upgraded: String) -> Diagnosis {
    // The message leaves the number out (messages end up in logs); the
    // candidate carries it.
    Diagnosis {
        kind: DiagnosisKind::LegacyResidentId,
        message: Text::new(
            "这是 15 位第一代居民身份证号码；升级后的 18 位号码（出生年份前加 19，末位补校验码）见候选项",
            "這是 15 位第一代居民身分證號碼；升級後的 18 位號碼（出生年份前加 19，末位補校驗碼）見候選項",
            "this is a legacy 15-digit resident identity number; the candidate is its 18-character form (19 inserted before the year, check character appended)",
        ),
        candidates: vec![upgraded],
    }
}

fn check_character_error(found: char) -> IdError {
    let shown = printable(found);
    IdError {
        kind: ErrorKind::Character,
        position: Some(LENGTH),
        expected: Some("0-9 X".into()),
        found: Some(found.to_string()),
        message: Text::new(
            format!("第 18 位校验码“{shown}”不是合法字符：只能是数字或 X"),
            format!("第 18 位校驗碼「{shown}」不是合法字元：只能是數字或 X"),
            format!("position 18: check character '{shown}' is not allowed (only a digit or X)"),
        ),
    }
}

/// A birth-date error at a 1-based position; `found` is the date's digits.
fn date_error(position: usize, code: &[u8], text: Text) -> IdError {
    let date_len = if code.len() == LEGACY_LENGTH { 6 } else { 8 };
    let found = code.get(6..6 + date_len).map(|d| String::from_utf8_lossy(d).into_owned());
    IdError {
        kind: ErrorKind::BirthDate,
        position: Some(position),
        expected: None,
        found,
        message: Text::new(
            format!("第 {position} 位起的出生日期不是真实日期：{}", text.zh_hans),
            format!("第 {position} 位起的出生日期不是真實日期：{}", text.zh_hant),
            format!("position {position}: the birth date is not a real date: {}", text.en),
        ),
    }
}

fn check_error(expected: char, found: char) -> IdError {
    IdError {
        kind: ErrorKind::CheckChar,
        position: Some(LENGTH),
        expected: Some(expected.to_string()),
        found: Some(found.to_string()),
        message: Text::new(
            format!("第 18 位校验码应为 {expected}，实为 {found}"),
            format!("第 18 位校驗碼應為 {expected}，實為 {found}"),
            format!("position 18: check character should be {expected}, found {found}"),
        ),
    }
}

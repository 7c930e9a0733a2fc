//! Unified Social Credit Code (统一社会信用代码), GB 32100-2015.
//!
//! | positions | meaning |
//! |---|---|
//! | 1 | registration authority (登记管理部门码) |
//! | 2 | entity type (机构类别码), defined per authority |
//! | 3-8 | GB/T 2260 division code of the registering authority |
//! | 9-17 | GB 11714 organization code (8 body characters + its check) |
//! | 18 | check character |
//!
//! Alphabet (value = index, 31 characters, never I, O, S, V, Z):
//! `0123456789ABCDEFGHJKLMNPQRTUWXY`. Weights for positions 1-17 are
//! `3^(i-1) mod 31`; the check is `(31 - sum mod 31) mod 31`, so a result of
//! 31 is written `0` — a case several popular validators get wrong.
//!
//! ```
//! use xinyong::uscc;
//! assert!(uscc::is_valid("91350100M000100Y43"));
//! let r = uscc::validate("91350100M0001OOY43");
//! assert!(!r.valid);
//! assert_eq!(r.errors.len(), 2); // the O at positions 14 and 15
//! let r = uscc::validate("9135010OM000100Y43");
//! assert_eq!(r.suggestions[0].code, "91350100M000100Y43");
//! assert_eq!(uscc::check_char("91350100M000100Y4"), Ok('3'));
//! ```

use crate::error::{ErrorKind, IdError};
use crate::i18n::Text;
use crate::normalize::normalize;
use crate::orgcode;
use crate::result::{
    Diagnosis, DiagnosisKind, IdKind, Named, Parts, ValidateOptions, Validation, Warning, WarningKind,
};
use crate::suggest;
use crate::tables::{self, Names};

/// The 31 characters a USCC is written in; a character's value is its index.
pub const ALPHABET: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";

/// The weights of positions 1-17: `3^(i-1) mod 31`.
pub const WEIGHTS: [u32; 17] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/// Length of a USCC.
pub const LENGTH: usize = 18;

pub(crate) const INVALID: u8 = u8::MAX;

/// Byte → alphabet value, or `INVALID`. Lower-case letters map like upper
/// case so the fast path needs no normalization pass.
// Indexing in a constant initializer is evaluated by the compiler: an index
// out of bounds is a build error, never a run-time panic.
#[allow(clippy::indexing_slicing)]
static VALUE: [u8; 256] = {
    let mut table = [INVALID; 256];
    let mut i = 0;
    while i < ALPHABET.len() {
        table[ALPHABET[i] as usize] = i as u8;
        let lower = ALPHABET[i].to_ascii_lowercase();
        table[lower as usize] = i as u8;
        i += 1;
    }
    table
};

/// [`VALUE`] of a byte (`INVALID` for none). A `u8` always indexes a
/// 256-entry table, so the fallback is never taken and the bounds check is
/// optimized away.
#[inline]
pub(crate) fn raw_value(byte: u8) -> u8 {
    VALUE.get(usize::from(byte)).copied().unwrap_or(INVALID)
}

fn value(byte: u8) -> Option<u8> {
    let v = raw_value(byte);
    (v != INVALID).then_some(v)
}

/// The alphabet character of a value below 31 (as [`check_value`] returns).
fn alphabet_char(value: u8) -> char {
    ALPHABET.get(usize::from(value)).map_or('0', |&b| char::from(b))
}

fn char_value(c: char) -> Option<u8> {
    u8::try_from(c).ok().and_then(value)
}

/// The check value over the values of positions 1-17.
fn check_value(values: impl Iterator<Item = u8>) -> u8 {
    let sum: u32 = values.zip(WEIGHTS).map(|(v, w)| u32::from(v) * w).sum();
    ((31 - sum % 31) % 31) as u8
}

/// The multiplicative inverses modulo 31 (index 0 unused): `w * INVERSE[w] ≡ 1`.
// Evaluated at compile time: an out-of-bounds index would fail the build.
#[allow(clippy::indexing_slicing)]
const INVERSE: [u32; 31] = {
    let mut table = [0u32; 31];
    let mut w = 1;
    while w < 31 {
        let mut x = 1;
        while (w * x) % 31 != 1 {
            x += 1;
        }
        table[w as usize] = x;
        w += 1;
    }
    table
};

/// The one character at `position` (0-based) that makes the mod-31 check of
/// an 18-character code hold, given the other 17; `None` when another
/// character is outside the alphabet. Because 31 is prime there is exactly
/// one, so the suggestion search tries 18 candidates instead of 540.
pub(crate) fn solve_check(code: &[u8], position: usize) -> Option<u8> {
    let weight = |j: usize| WEIGHTS.get(j).copied().unwrap_or(1);
    let mut total = 0u32;
    for (j, &b) in code.iter().enumerate().take(LENGTH) {
        if j != position {
            total += u32::from(value(b)?) * weight(j);
        }
    }
    let w = weight(position);
    let x = (31 - total % 31) % 31 * INVERSE.get(w as usize).copied()? % 31;
    ALPHABET.get(x as usize).copied()
}

/// The structural check on exactly 18 bytes, upper or lower case, nothing
/// else. The kernel behind [`is_valid`] and the suggestion search: 16 lanes
/// at once where the target always has 128-bit SIMD (`crate::simd`), else
/// [`kernel_scalar`].
#[inline]
pub(crate) fn kernel(code: &[u8]) -> bool {
    let Ok(code) = <&[u8; LENGTH]>::try_from(code) else { return false };
    #[cfg(simd_kernel)]
    return crate::simd::kernel(code);
    #[cfg(not(simd_kernel))]
    return kernel_scalar(code);
}

/// [`kernel`] one character at a time: the kernel of targets without SIMD
/// (browser wasm) and the reference the SIMD kernel is tested against.
#[cfg_attr(simd_kernel, allow(dead_code))]
pub(crate) fn kernel_scalar(code: &[u8; LENGTH]) -> bool {
    let [a, e, rest @ ..] = code;
    let [d1, d2, d3, d4, d5, d6, org @ .., check] = rest;
    // Branch-free over the 17 characters (the inner loop of batch checking):
    // an invalid byte's value (`INVALID`, 255) shows in the OR, which valid
    // values (at most 30, five bits) never reach.
    let mut sum = 0u32;
    let mut seen = 0u8;
    for (&b, w) in code.iter().zip(WEIGHTS) {
        let v = raw_value(b);
        seen |= v;
        sum += u32::from(v) * w;
    }
    let digits = [d1, d2, d3, d4, d5, d6].iter().fold(true, |all, d| all & d.is_ascii_digit());
    seen != INVALID
        && u32::from(raw_value(*check)) == (31 - sum % 31) % 31
        && digits
        && tables::pair_defined(a.to_ascii_uppercase(), *e)
        && orgcode::kernel(org)
}

/// Whether `input` is a valid USCC under default options: the boolean of
/// [`validate`], without building the result. Accepts what [`normalize`]
/// accepts (full-width, spaces, lower case).
///
/// ```
/// assert!(xinyong::uscc::is_valid("91350100m000100y43"));
/// assert!(xinyong::uscc::is_valid("９１３５０１００Ｍ０００１００Ｙ４３"));
/// assert!(!xinyong::uscc::is_valid("91350100M000100Y4A"));
/// ```
pub fn is_valid(input: &str) -> bool {
    let bytes = input.as_bytes();
    match bytes.len() {
        // Normalization never adds characters, so shorter input is invalid,
        // and 18 bytes that are not all alphabet characters stay invalid
        // (removing anything makes the code too short).
        0..=17 => false,
        LENGTH => kernel(bytes),
        _ => kernel(normalize(input).value.as_bytes()),
    }
}

/// [`is_valid`] of UTF-8 bytes (false when they are not UTF-8), for callers
/// that hold bytes: 18 bytes go straight to the check, which rejects every
/// byte outside the alphabet (so no UTF-8 check is needed); other lengths are
/// normalized first.
///
/// ```
/// assert!(xinyong::uscc::is_valid_bytes(b"91350100m000100y43"));
/// assert!(xinyong::uscc::is_valid_bytes(b"9135 0100 M000 100Y 43"));
/// assert!(!xinyong::uscc::is_valid_bytes(b"91350100M000100Y4"));
/// assert!(!xinyong::uscc::is_valid_bytes(b"91350100M000100Y4\xff"));
/// ```
pub fn is_valid_bytes(bytes: &[u8]) -> bool {
    match bytes.len() {
        LENGTH => kernel(bytes),
        0..LENGTH => false,
        _ => std::str::from_utf8(bytes).is_ok_and(is_valid),
    }
}

/// For each line of `text` (`\n` or `\r\n` line ends; a last line without
/// one counts), whether it is a valid USCC ([`is_valid`]): one byte per line,
/// 1 valid, 0 not (also for a line that is not UTF-8).
///
/// ```
/// let r = xinyong::uscc::is_valid_lines(b"91350100M000100Y43\r\nnope\n\n91350100M000100Y43");
/// assert_eq!(r, [1, 0, 0, 1]);
/// ```
pub fn is_valid_lines(text: &[u8]) -> Vec<u8> {
    if text.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::with_capacity(text.len() / (LENGTH + 1) + 1);
    let mut rest = text.strip_suffix(b"\n").unwrap_or(text);
    loop {
        // Most lines are a canonical code: when byte 19 ends the line and the
        // kernel accepts the 18 before it (no line end among them, since the
        // kernel rejects every byte outside the alphabet), no scan is needed.
        let (line, valid) = match rest.get(..=LENGTH) {
            Some([code @ .., b'\n']) if kernel(code) => (code, true),
            _ => {
                let end = rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
                let line = rest.get(..end).unwrap_or_default();
                (line, is_valid_bytes(line.strip_suffix(b"\r").unwrap_or(line)))
            }
        };
        out.push(u8::from(valid));
        match rest.get(line.len() + 1..) {
            Some(next) => rest = next,
            None => return out,
        }
    }
}

/// Validates a USCC under default options. See [`validate_with`].
///
/// ```
/// let r = xinyong::uscc::validate("91350100M000100Y43");
/// assert!(r.valid);
/// assert_eq!(r.parts.org_code.as_deref(), Some("M000100Y-4"));
/// ```
pub fn validate(input: &str) -> Validation {
    validate_with(input, &ValidateOptions::default())
}

/// Validates a USCC: normalizes the input, collects every error, reads the
/// parts, diagnoses known real-world shapes and, when the code is invalid,
/// ranks corrections that would make it valid.
///
/// `valid` is true exactly when the normalized code has 18 characters of the
/// alphabet, a defined authority and entity type, digits in positions 3-8, a
/// valid GB 11714 organization code in positions 9-17 and the right check
/// character — or, with `accept_pilot_codes`, is a pilot-era code (then with
/// a warning).
///
/// ```
/// let r = xinyong::uscc::validate("9111000060003IOZSV");
/// let positions: Vec<_> = r.errors.iter().filter_map(|e| e.position).collect();
/// assert_eq!(positions, [14, 15, 16, 17, 18]);
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
    let values: Vec<Option<u8>> = chars.iter().take(LENGTH).map(|&c| char_value(c)).collect();
    let expected_check = (values.len() == LENGTH)
        .then(|| values.iter().take(17).copied().collect::<Option<Vec<u8>>>())
        .flatten()
        .map(|v| alphabet_char(check_value(v.into_iter())));

    // One error at most per position: an illegal character first.
    for (index, &c) in chars.iter().enumerate().take(MAX_CHARACTER_ERRORS) {
        let position = index + 1;
        let in_alphabet = char_value(c).is_some();
        if (3..=8).contains(&position) && !c.is_ascii_digit() {
            errors.push(division_error(position, c));
        } else if !in_alphabet {
            let expected = (position == LENGTH).then_some(expected_check).flatten();
            errors.push(character_error(position, c, expected));
        } else if position == 1 {
            match tables::authority(c as u8) {
                Some(a) => parts.authority = Some(named(c, a.names)),
                None => errors.push(authority_error(c)),
            }
        } else if position == 2 {
            if let Some(a) = chars.first().and_then(|&c| u8::try_from(c).ok()).and_then(tables::authority) {
                match tables::entity_type(a, c as u8) {
                    Some(names) => parts.entity_type = Some(named(c, names)),
                    None => errors.push(entity_type_error(c, a)),
                }
            }
        }
    }

    if let Some(division) = chars.get(2..8).filter(|d| d.iter().all(char::is_ascii_digit)) {
        parts.division_code = Some(division.iter().collect());
    }
    if let Some([body @ .., found]) = chars.get(8..17).filter(|o| o.iter().all(|&c| char_value(c).is_some()))
    {
        let body: String = body.iter().collect();
        if let Ok(expected) = orgcode::check_char(&body) {
            if *found != expected {
                errors.push(org_code_check_error(expected, *found));
            }
        }
        parts.org_code = Some(format!("{body}-{found}"));
    }
    if chars.len() == LENGTH {
        parts.check_char = chars.get(17).map(char::to_string);
        if let (Some(expected), Some(&found)) = (expected_check, chars.get(17)) {
            if char_value(found).is_some() && found != expected {
                errors.push(check_char_error(expected, found));
            }
        }
    }

    let mut warnings = Vec::new();
    crate::divisions::attach(&mut parts, &mut warnings);
    let mut diagnoses = Vec::new();
    if !errors.is_empty() {
        diagnose(&normalized.value, &chars, &errors, &mut diagnoses);
        let pilot = diagnoses.iter().any(|d| d.kind == DiagnosisKind::PilotEra);
        if pilot && options.accept_pilot_codes {
            errors.clear();
            warnings.push(Warning { kind: WarningKind::PilotEraAccepted, message: pilot_accepted_message() });
        }
    }
    let valid = errors.is_empty();
    let suggestions = if !valid && options.suggestions {
        suggest::corrections(&normalized.value, &suggest::USCC, options.max_suggestions)
    } else {
        Vec::new()
    };
    Validation {
        kind: IdKind::Uscc,
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

/// Character errors are reported for at most this many positions; a longer
/// input gets its length error and no more.
const MAX_CHARACTER_ERRORS: usize = 2 * LENGTH;

/// The check character for the first 17 characters of a USCC (normalized
/// first). Only the characters are checked, not the structure: use
/// [`generate`] to build a code from checked parts.
///
/// ```
/// assert_eq!(xinyong::uscc::check_char("91350100M000100Y4"), Ok('3'));
/// // 31 is written 0:
/// assert_eq!(xinyong::uscc::check_char("53100000500016009"), Ok('0'));
/// assert!(xinyong::uscc::check_char("9135").is_err());
/// ```
///
/// # Errors
/// A `length` error unless there are 17 characters, a `character` error for
/// the first character outside the alphabet.
pub fn check_char(first17: &str) -> Result<char, IdError> {
    let n = normalize(first17);
    let chars: Vec<char> = n.value.chars().collect();
    if chars.len() != LENGTH - 1 {
        return Err(length_error(LENGTH - 1, chars.len()));
    }
    let mut values = Vec::with_capacity(LENGTH - 1);
    for (i, &c) in chars.iter().enumerate() {
        values.push(char_value(c).ok_or_else(|| character_error(i + 1, c, None))?);
    }
    Ok(alphabet_char(check_value(values.into_iter())))
}

/// The parts to build a USCC from, for [`generate`].
///
/// In JSON/JS: `{ "authority": "9", "entityType": "1", "division": "350100", "orgBody": "M000100Y" }`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UsccParts {
    /// Position 1, a defined registration authority (`9`).
    pub authority: String,
    /// Position 2, an entity type defined for it (`1`).
    pub entity_type: String,
    /// Positions 3-8, six digits (`350100`).
    pub division: String,
    /// Positions 9-16, the eight organization-code body characters, from the
    /// USCC alphabet (`M000100Y`).
    pub org_body: String,
}

/// Builds a valid USCC from its parts, computing the organization-code check
/// (position 17) and the check character (position 18). For tests and demo data.
///
/// ```
/// use xinyong::uscc::{generate, UsccParts};
/// let parts = UsccParts { authority: "9".into(), entity_type: "1".into(),
///                         division: "350100".into(), org_body: "M000100Y".into() };
/// assert_eq!(generate(&parts).unwrap(), "91350100M000100Y43");
/// ```
///
/// # Errors
/// The first part that is not allowed, as the error validation would report.
pub fn generate(parts: &UsccParts) -> Result<String, IdError> {
    let authority = normalize(&parts.authority).value;
    let entity = normalize(&parts.entity_type).value;
    let division = normalize(&parts.division).value;
    let body = normalize(&parts.org_body).value;
    let [a] = authority.as_bytes() else { return Err(length_error(1, authority.chars().count())) };
    let [e] = entity.as_bytes() else { return Err(length_error(1, entity.chars().count())) };
    let auth = tables::authority(*a).ok_or_else(|| authority_error(*a as char))?;
    tables::entity_type(auth, *e).ok_or_else(|| entity_type_error(*e as char, auth))?;
    if division.chars().count() != 6 {
        return Err(length_error(6, division.chars().count()));
    }
    if let Some((i, c)) = division.chars().enumerate().find(|(_, c)| !c.is_ascii_digit()) {
        return Err(division_error(i + 3, c));
    }
    if body.chars().count() != 8 {
        return Err(length_error(8, body.chars().count()));
    }
    if let Some((i, c)) = body.chars().enumerate().find(|(_, c)| char_value(*c).is_none()) {
        return Err(character_error(i + 9, c, None));
    }
    let org_check = orgcode::check_char(&body)?;
    let first17 = format!("{authority}{entity}{division}{body}{org_check}");
    let check = check_char(&first17)?;
    Ok(format!("{first17}{check}"))
}

fn named(c: char, (hans, hant, en): Names) -> Named {
    Named { code: c.to_string(), name: Text::new(hans, hant, en) }
}

// ---------------------------------------------------------------------------
// Diagnoses

fn diagnose(value: &str, chars: &[char], errors: &[IdError], out: &mut Vec<Diagnosis>) {
    if let Some(d) = float_truncation(value) {
        out.push(d);
    } else if let Some(d) = scientific_notation(value) {
        out.push(d);
    }
    if let Some(d) = resident_id(chars) {
        out.push(d);
    }
    if is_pilot_era(chars, errors) {
        out.push(Diagnosis {
            kind: DiagnosisKind::PilotEra,
            message: pilot_message(),
            candidates: Vec::new(),
        });
    }
    if chars.len() == orgcode::LENGTH && orgcode::is_valid(value) {
        out.push(Diagnosis {
            kind: DiagnosisKind::OrgCode,
            message: Text::new(
                "这是 9 位组织机构代码，不是 18 位统一社会信用代码",
                "這是 9 位組織機構代碼，不是 18 位統一社會信用代碼",
                "this is a 9-character organization code, not an 18-character USCC",
            ),
            candidates: Vec::new(),
        });
    }
    if chars.len() == crate::regno::LENGTH && crate::regno::is_valid(value) {
        out.push(Diagnosis {
            kind: DiagnosisKind::RegistrationNumber,
            message: Text::new(
                "这是 15 位工商注册号（2015 年前的旧号码），不是统一社会信用代码",
                "這是 15 位工商註冊號（2015 年前的舊號碼），不是統一社會信用代碼",
                "this is a 15-digit business registration number (issued before 2015), not a USCC",
            ),
            candidates: Vec::new(),
        });
    }
}

/// An 18-digit code kept as a double in a spreadsheet is rounded to 15
/// significant digits (Excel) or 17 (JavaScript), so it ends in zeros.
/// Rule: all digits, 18 long, ending in two to four zeros (the code being
/// invalid is checked by the caller). Candidates: every valid code that
/// rounds to the value at the precision the zeros show.
fn float_truncation(value: &str) -> Option<Diagnosis> {
    if value.len() != LENGTH || !value.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let zeros = value.bytes().rev().take_while(|&b| b == b'0').count();
    if !(2..=4).contains(&zeros) {
        return None;
    }
    let rounded: u64 = value.parse().ok()?;
    let step = 10u64.pow(zeros as u32);
    let low = rounded.checked_sub(step / 2)?;
    Some(Diagnosis {
        kind: DiagnosisKind::FloatTruncation,
        message: float_truncation_message(zeros),
        candidates: codes_in_range(low, low + step, 20),
    })
}

/// The first `max` valid all-digit codes in `low..high` (18-digit numbers),
/// ascending. Only the first 17 digits are enumerated: each fixes its check
/// character, so a range of up to 10,000 numbers costs about 1,000 sums.
fn codes_in_range(low: u64, high: u64, max: usize) -> Vec<String> {
    let mut found = Vec::new();
    for prefix in low / 10..high.div_ceil(10) {
        let mut buffer = [b'0'; LENGTH];
        let mut n = prefix;
        for slot in buffer.iter_mut().rev().skip(1) {
            *slot = b'0' + (n % 10) as u8;
            n /= 10;
        }
        let check = check_value(buffer.iter().map(|b| b.wrapping_sub(b'0')));
        let code = prefix * 10 + u64::from(check);
        if check >= 10 || code < low || code >= high {
            continue;
        }
        if let Some(last) = buffer.last_mut() {
            *last = b'0' + check;
        }
        if kernel(&buffer) {
            found.push(buffer.iter().map(|&b| char::from(b)).collect());
            if found.len() == max {
                break;
            }
        }
    }
    found
}

fn float_truncation_message(zeros: usize) -> Text {
    Text::new(
        format!("代码以 {zeros} 个 0 结尾且校验不通过：很可能在电子表格中被存成数字，末尾几位已丢失。请把该列设为文本格式后重新录入"),
        format!("代碼以 {zeros} 個 0 結尾且校驗不通過：很可能在試算表中被存成數字，末尾幾位已遺失。請把該欄設為文字格式後重新輸入"),
        format!("the code ends in {zeros} zeros and fails its checks: it was probably stored as a number in a spreadsheet and lost its last digits. Format the column as text and enter it again"),
    )
}

/// `9.16201055811843E+17` (a spreadsheet's display of a number).
fn scientific_notation(value: &str) -> Option<Diagnosis> {
    let (mantissa, exponent) = value.split_once('E')?;
    let exponent = exponent.strip_prefix('+').unwrap_or(exponent);
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let numeric = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if int.len() != 1 || !numeric(int) || !numeric(frac) || exponent.is_empty() || !numeric(exponent) {
        return None;
    }
    Some(Diagnosis {
        kind: DiagnosisKind::ScientificNotation,
        message: Text::new(
            "这是电子表格的科学计数法显示，代码已被当作数字处理并丢失了位数。请把该列设为文本格式后重新录入",
            "這是試算表的科學記號顯示，代碼已被當作數字處理並遺失了位數。請把該欄設為文字格式後重新輸入",
            "this is a spreadsheet's scientific notation: the code was treated as a number and lost digits. Format the column as text and enter it again",
        ),
        candidates: Vec::new(),
    })
}

const RESIDENT_ID_WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/// A resident identity card number (GB 11643): 17 digits, a birth date in
/// positions 7-14, and an ISO 7064 MOD 11-2 check digit (`X` for 10).
fn resident_id(chars: &[char]) -> Option<Diagnosis> {
    if chars.len() != LENGTH {
        return None;
    }
    let digits: Vec<u32> = chars.iter().take(17).map(|c| c.to_digit(10)).collect::<Option<_>>()?;
    let sum: u32 = digits.iter().zip(RESIDENT_ID_WEIGHTS).map(|(d, w)| d * w).sum();
    let expected = char::from(*b"10X98765432".get((sum % 11) as usize)?);
    if chars.get(17) != Some(&expected) {
        return None;
    }
    let number =
        |range: std::ops::Range<usize>| digits.get(range)?.iter().try_fold(0u32, |n, d| Some(n * 10 + d));
    let (year, month, day) = (number(6..10)?, number(10..12)?, number(12..14)?);
    if !(1900..=2100).contains(&year) {
        return None;
    }
    chrono::NaiveDate::from_ymd_opt(year as i32, month, day)?;
    Some(Diagnosis {
        kind: DiagnosisKind::ResidentId,
        message: Text::new(
            format!("这看起来是居民身份证号码（出生日期 {year}-{month:02}-{day:02}），不是统一社会信用代码"),
            format!("這看起來是居民身分證號碼（出生日期 {year}-{month:02}-{day:02}），不是統一社會信用代碼"),
            format!("this looks like a resident identity card number (born {year}-{month:02}-{day:02}), not a USCC"),
        ),
        candidates: Vec::new(),
    })
}

/// Fujian/Xiamen pilot-era codes, issued before GB 32100-2015 took effect.
///
/// Rule: the only error is the check character (so the organization code in
/// positions 9-17 passes GB 11714), the division is in Fujian (`35`), and the
/// organization code is of the pilot's `M000` series (positions 9-12).
///
/// Evidence: three real codes in use (91350211M0000XUF46, 91350100M0001TGQXM,
/// 91350203M0001FUE2P; sources in tests/vectors/uscc-invalid.tsv) have this
/// shape, and no check variant we tried (other alphabets, ISO 7064 hybrids,
/// reversed weights) reproduces their check characters, so the pilot's rule
/// is unknown and cannot be verified. Codes issued under the standard by
/// market regulators use the `MA` series (e.g. 91310115MA1K3BTP2B). The
/// standard's own worked example (91350100M000100Y43) is of the `M000` series
/// and does follow the formula, so a check-character typo in such a code gets
/// this diagnosis too: it is a flag for the portal to act on, not proof.
fn is_pilot_era(chars: &[char], errors: &[IdError]) -> bool {
    matches!(errors, [e] if e.kind == ErrorKind::CheckChar)
        && chars.get(2..4) == Some(&['3', '5'])
        && chars.get(8..12) == Some(&['M', '0', '0', '0'])
}

fn pilot_message() -> Text {
    Text::new(
        "这可能是福建（厦门）试点期间、国家标准 GB 32100-2015 实施前发放的代码：组织机构代码部分有效，但第 18 位校验码不符合国标。请向登记机关核实，不要当作录入错误直接更正",
        "這可能是福建（廈門）試點期間、國家標準 GB 32100-2015 實施前發放的代碼：組織機構代碼部分有效，但第 18 位校驗碼不符合國標。請向登記機關核實，不要當作輸入錯誤直接更正",
        "this may be a code issued in the Fujian/Xiamen pilot before GB 32100-2015: its organization code is valid, but the check character does not follow the standard. Verify it with the registration authority rather than correcting it as a typo",
    )
}

fn pilot_accepted_message() -> Text {
    Text::new(
        "已按试点期代码接受：校验码不符合 GB 32100-2015",
        "已按試點期代碼接受：校驗碼不符合 GB 32100-2015",
        "accepted as a pilot-era code: the check character does not follow GB 32100-2015",
    )
}

// ---------------------------------------------------------------------------
// Error constructors (shared with the other identifiers where they fit)

pub(crate) fn empty_error() -> IdError {
    IdError {
        kind: ErrorKind::Empty,
        position: None,
        expected: None,
        found: None,
        message: Text::new("未输入代码", "未輸入代碼", "no code entered"),
    }
}

pub(crate) fn length_error(expected: usize, found: usize) -> IdError {
    IdError {
        kind: ErrorKind::Length,
        position: None,
        expected: Some(expected.to_string()),
        found: Some(found.to_string()),
        message: Text::new(
            format!("应为 {expected} 位，实际 {found} 位"),
            format!("應為 {expected} 位，實際 {found} 位"),
            format!("expected {expected} characters, found {found}"),
        ),
    }
}

/// A non-digit where a digit belongs (the digit-only identifiers: the
/// registration number and the resident identity number).
pub(crate) fn digit_error(position: usize, found: char) -> IdError {
    let shown = printable(found);
    IdError {
        kind: ErrorKind::Character,
        position: Some(position),
        expected: Some("0-9".into()),
        found: Some(found.to_string()),
        message: Text::new(
            format!("第 {position} 位应为数字，实为“{shown}”"),
            format!("第 {position} 位應為數字，實為「{shown}」"),
            format!("position {position}: expected a digit, found '{shown}'"),
        ),
    }
}

/// The check character of a digit-only identifier's first `length` digits
/// (normalized first), computed by `check_for`: `regno::check_digit` and
/// `resident_id::check_char`.
pub(crate) fn digit_body_check(
    body: &str,
    length: usize,
    check_for: fn(&[u8]) -> Option<u8>,
) -> Result<char, IdError> {
    let n = normalize(body);
    let count = n.value.chars().count();
    if count != length {
        return Err(length_error(length, count));
    }
    if let Some((i, c)) = n.value.chars().enumerate().find(|(_, c)| !c.is_ascii_digit()) {
        return Err(digit_error(i + 1, c));
    }
    check_for(n.value.as_bytes()).map(char::from).ok_or_else(|| length_error(length, count))
}

/// The characters of the alphabet, as an `expected` value.
const ALPHABET_RANGES: &str = "0-9 A-H J-N P-R T U W-Y";

pub(crate) fn character_error(position: usize, found: char, expected: Option<char>) -> IdError {
    let never = matches!(found, 'I' | 'O' | 'S' | 'V' | 'Z');
    let shown = printable(found);
    let message = if never {
        Text::new(
            format!("第 {position} 位的“{shown}”不是合法字符：统一社会信用代码不使用 I、O、S、V、Z"),
            format!("第 {position} 位的「{shown}」不是合法字元：統一社會信用代碼不使用 I、O、S、V、Z"),
            format!("position {position}: '{shown}' is not allowed (a USCC never uses I, O, S, V or Z)"),
        )
    } else {
        Text::new(
            format!("第 {position} 位的“{shown}”不是合法字符：只能是数字或 {ALPHABET_RANGES} 中的大写字母"),
            format!("第 {position} 位的「{shown}」不是合法字元：只能是數字或 {ALPHABET_RANGES} 中的大寫字母"),
            format!("position {position}: '{shown}' is not allowed (only digits and the letters {ALPHABET_RANGES})"),
        )
    };
    IdError {
        kind: ErrorKind::Character,
        position: Some(position),
        expected: Some(expected.map_or_else(|| ALPHABET_RANGES.to_owned(), String::from)),
        found: Some(found.to_string()),
        message,
    }
}

/// Control and other invisible characters are shown as `U+XXXX`.
pub(crate) fn printable(c: char) -> String {
    if c.is_control() || c.is_whitespace() {
        format!("U+{:04X}", c as u32)
    } else {
        c.to_string()
    }
}

fn authority_error(found: char) -> IdError {
    let list: Vec<String> = tables::AUTHORITIES.iter().map(|a| (a.code as char).to_string()).collect();
    let list = list.join(" ");
    let shown = printable(found);
    IdError {
        kind: ErrorKind::Authority,
        position: Some(1),
        expected: Some(list.clone()),
        found: Some(found.to_string()),
        message: Text::new(
            format!("第 1 位登记管理部门码“{shown}”未定义（应为 {list} 之一）"),
            format!("第 1 位登記管理部門碼「{shown}」未定義（應為 {list} 之一）"),
            format!("position 1: registration authority '{shown}' is not defined (one of {list})"),
        ),
    }
}

fn entity_type_error(found: char, authority: &tables::Authority) -> IdError {
    let list: Vec<String> = authority.types.iter().map(|(c, _)| (*c as char).to_string()).collect();
    let list = list.join(" ");
    let (hans, hant, en) = authority.names;
    let a = authority.code as char;
    let shown = printable(found);
    IdError {
        kind: ErrorKind::EntityType,
        position: Some(2),
        expected: Some(list.clone()),
        found: Some(found.to_string()),
        message: Text::new(
            format!("第 2 位机构类别码“{shown}”对登记管理部门 {a}（{hans}）未定义（应为 {list} 之一）"),
            format!("第 2 位機構類別碼「{shown}」對登記管理部門 {a}（{hant}）未定義（應為 {list} 之一）"),
            format!("position 2: entity type '{shown}' is not defined for authority {a} ({en}); expected one of {list}"),
        ),
    }
}

fn division_error(position: usize, found: char) -> IdError {
    let shown = printable(found);
    IdError {
        kind: ErrorKind::DivisionFormat,
        position: Some(position),
        expected: Some("0-9".into()),
        found: Some(found.to_string()),
        message: Text::new(
            format!("第 {position} 位应为数字（第 3-8 位是行政区划代码），实为“{shown}”"),
            format!("第 {position} 位應為數字（第 3-8 位是行政區劃代碼），實為「{shown}」"),
            format!("position {position}: expected a digit (positions 3-8 are the division code), found '{shown}'"),
        ),
    }
}

fn org_code_check_error(expected: char, found: char) -> IdError {
    IdError {
        kind: ErrorKind::OrgCodeCheck,
        position: Some(17),
        expected: Some(expected.to_string()),
        found: Some(found.to_string()),
        message: Text::new(
            format!("第 9-17 位的组织机构代码校验不通过：第 17 位应为 {expected}，实为 {found}"),
            format!("第 9-17 位的組織機構代碼校驗不通過：第 17 位應為 {expected}，實為 {found}"),
            format!("positions 9-17 fail the organization-code check: position 17 should be {expected}, found {found}"),
        ),
    }
}

fn check_char_error(expected: char, found: char) -> IdError {
    IdError {
        kind: ErrorKind::CheckChar,
        position: Some(18),
        expected: Some(expected.to_string()),
        found: Some(found.to_string()),
        message: Text::new(
            format!("第 18 位校验码应为 {expected}，实为 {found}"),
            format!("第 18 位校驗碼應為 {expected}，實為 {found}"),
            format!("position 18: check character should be {expected}, found {found}"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn worked_example_of_the_standard() {
        assert_eq!(check_char("91350100M000100Y4"), Ok('3'));
    }

    #[test]
    fn thirty_one_is_written_zero() {
        assert!(is_valid("531000005000160090"));
        assert!(is_valid("913502006120495420"));
    }

    #[test]
    fn letter_authorities_are_valid() {
        for (a, e) in [("A", "1"), ("N", "2"), ("Y", "1")] {
            let parts = UsccParts {
                authority: a.into(),
                entity_type: e.into(),
                division: "110105".into(),
                org_body: "MA1FL0LY".into(),
            };
            let code = generate(&parts).unwrap();
            assert!(is_valid(&code), "{code}");
        }
    }

    #[test]
    fn generate_rejects_undefined_pairs() {
        let parts = UsccParts {
            authority: "9".into(),
            entity_type: "9".into(),
            division: "110105".into(),
            org_body: "MA1FL0LY".into(),
        };
        assert_eq!(generate(&parts).unwrap_err().kind, ErrorKind::EntityType);
    }

    #[test]
    fn solve_check_finds_the_only_fix_at_each_position() {
        let code = b"91350100M000100Y43";
        for position in 0..LENGTH {
            let brute: Vec<u8> = ALPHABET
                .iter()
                .copied()
                .filter(|&c| {
                    let mut x = *code;
                    x[position] = c;
                    let values: Vec<u8> = x.iter().map(|&b| value(b).unwrap()).collect();
                    check_value(values[..17].iter().copied()) == values[17]
                })
                .collect();
            assert_eq!(brute, [code[position]], "position {position}");
            assert_eq!(solve_check(code, position), Some(code[position]));
        }
    }

    #[test]
    fn codes_in_range_equals_checking_every_number() {
        let brute = |low: u64, high: u64| -> Vec<String> {
            (low..high).map(|n| format!("{n:018}")).filter(|c| kernel(c.as_bytes())).take(20).collect()
        };
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut ranges =
            vec![(916201055811842500, 916201055811843500), (916201056654015000, 916201056654025000)];
        for _ in 0..40 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let low = 910_000_000_000_000_000 + seed % 10_000_000_000_000_000;
            ranges.push((low, low + [100, 1000, 10_000][(seed % 3) as usize]));
        }
        for (low, high) in ranges {
            assert_eq!(codes_in_range(low, high, 20), brute(low, high), "{low}..{high}");
        }
    }

    #[test]
    fn float_truncation_candidates_round_to_the_value() {
        let d = float_truncation("916201055811843000").unwrap();
        assert!(!d.candidates.is_empty());
        for c in &d.candidates {
            let n: u64 = c.parse().unwrap();
            assert_eq!((n + 500) / 1000 * 1000, 916201055811843000, "{c}");
            assert!(is_valid(c));
        }
    }
}

//! Identity documents of natural persons and legal representatives:
//! 证件类型 and 证件号码.
//!
//! 证件类型 code list (notes: B): `01` 身份证, `02` 护照, `03`
//! 港澳居民来往内地通行证, `04` 台湾居民来往大陆通行证, `05` 外国人永久居留身份证,
//! and `其他-<name>`; a value may be the code or the name.
//!
//! Resident identity numbers are checked in full (GB 11643, through
//! [`crate::resident_id`]). The other documents are checked for shape only;
//! the shapes are the project's own reading of the document formats
//! (confidence C: from the public descriptions of the cards, not from a
//! standard text), kept loose so that a real number is not refused:
//!
//! | document | shape accepted |
//! |---|---|
//! | 护照 | 5-17 letters or digits (ICAO 9303 gives the document number 9 characters; Chinese passports `E`/`G` + 8, or `E` + letter + 7) |
//! | 港澳居民来往内地通行证 | `H` or `M` + 8 digits (card since 2013) or + 10 digits (older booklet) |
//! | 台湾居民来往大陆通行证 | 8 digits (card since 2015) or 10 digits (older) |
//! | 外国人永久居留身份证 | 3 letters + 12 digits (2004 card) or 18 characters starting `9`: 17 digits + digit or `X` (2017 and 2023 cards) |
//!
//! No message carries a number or a birth date.

use super::dates::parse_date;
use super::{Finding, FindingKind, Severity};
use crate::i18n::Text;
use crate::normalize::normalize;
use crate::ValidateOptions;
use chrono::NaiveDate;

/// A 证件类型.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DocType {
    ResidentId,
    Passport,
    HkMacaoPermit,
    TaiwanPermit,
    ForeignPermanentResident,
    Other,
}

/// The built-in 证件类型 names and codes.
pub(crate) const DOC_TYPES: [(&str, &str, DocType); 5] = [
    ("01", "身份证", DocType::ResidentId),
    ("02", "护照", DocType::Passport),
    ("03", "港澳居民来往内地通行证", DocType::HkMacaoPermit),
    ("04", "台湾居民来往大陆通行证", DocType::TaiwanPermit),
    ("05", "外国人永久居留身份证", DocType::ForeignPermanentResident),
];

/// Parses a 证件类型 value: a code, a name (also `居民身份证`), or `其他-…`
/// (`Other`); `None` for anything else, `Some(Err(()))` for a bare `其他`.
pub(crate) fn parse_doc_type(value: &str) -> Option<Result<DocType, ()>> {
    let v = value.trim();
    if let Some(&(_, _, t)) = DOC_TYPES.iter().find(|(code, name, _)| *code == v || *name == v) {
        return Some(Ok(t));
    }
    match v {
        "1" | "居民身份证" | "身份證" | "居民身份證" => return Some(Ok(DocType::ResidentId)),
        "2" | "護照" => return Some(Ok(DocType::Passport)),
        "3" => return Some(Ok(DocType::HkMacaoPermit)),
        "4" => return Some(Ok(DocType::TaiwanPermit)),
        "5" => return Some(Ok(DocType::ForeignPermanentResident)),
        _ => {}
    }
    match super::checks::other_named(v) {
        Some(true) => Some(Ok(DocType::Other)),
        Some(false) => Some(Err(())),
        None => None,
    }
}

fn finding(
    field: &str,
    kind: FindingKind,
    severity: Severity,
    position: Option<usize>,
    message: Text,
) -> Finding {
    Finding { field: field.to_string(), kind, severity, position, error_kind: None, message }
}

/// Checks an ID-document number of type `doc` (None: unknown type, then a
/// number that looks like a resident identity number is checked as one).
pub(crate) fn check_id_number(
    field: &str,
    value: &str,
    doc: Option<DocType>,
    decided: Option<NaiveDate>,
    out: &mut Vec<Finding>,
) {
    let n = normalize(value).value;
    let looks_resident = (n.len() == 18 || n.len() == 15) && n.bytes().take(15).all(|b| b.is_ascii_digit());
    match doc {
        Some(DocType::ResidentId) => resident(field, &n, decided, out),
        None if looks_resident => resident(field, &n, decided, out),
        Some(DocType::Other) | None => {}
        Some(other) => {
            if !shape_ok(other, &n) {
                let (zh, hant, en) = shape_text(other);
                out.push(finding(
                    field,
                    FindingKind::IdShape,
                    Severity::Error,
                    None,
                    Text::new(
                        format!("{field}：号码不符合{zh}的格式"),
                        format!("{field}：號碼不符合{hant}的格式"),
                        format!("{field}: the number does not have the shape of {en}"),
                    ),
                ));
            }
        }
    }
}

fn shape_ok(doc: DocType, n: &str) -> bool {
    let b = n.as_bytes();
    let digits = |s: &[u8]| !s.is_empty() && s.iter().all(u8::is_ascii_digit);
    match doc {
        DocType::Passport => (5..=17).contains(&b.len()) && b.iter().all(u8::is_ascii_alphanumeric),
        DocType::HkMacaoPermit => {
            matches!(b.first(), Some(b'H' | b'M'))
                && (b.len() == 9 || b.len() == 11)
                && digits(b.get(1..).unwrap_or_default())
        }
        DocType::TaiwanPermit => (b.len() == 8 || b.len() == 10) && digits(b),
        DocType::ForeignPermanentResident => match b.len() {
            15 => {
                b.get(..3).is_some_and(|p| p.iter().all(u8::is_ascii_uppercase))
                    && digits(b.get(3..).unwrap_or_default())
            }
            18 => {
                b.first() == Some(&b'9')
                    && digits(b.get(..17).unwrap_or_default())
                    && b.get(17).is_some_and(|c| c.is_ascii_digit() || *c == b'X')
            }
            _ => false,
        },
        DocType::ResidentId | DocType::Other => true,
    }
}

fn shape_text(doc: DocType) -> (&'static str, &'static str, &'static str) {
    match doc {
        DocType::Passport => ("护照号码（5-17 位字母或数字）", "護照號碼（5-17 位字母或數字）", "a passport number (5-17 letters or digits)"),
        DocType::HkMacaoPermit => (
            "港澳居民来往内地通行证号码（H 或 M 加 8 或 10 位数字）",
            "港澳居民來往內地通行證號碼（H 或 M 加 8 或 10 位數字）",
            "a Mainland Travel Permit for Hong Kong and Macao Residents (H or M and 8 or 10 digits)",
        ),
        DocType::TaiwanPermit => (
            "台湾居民来往大陆通行证号码（8 或 10 位数字）",
            "台灣居民來往大陸通行證號碼（8 或 10 位數字）",
            "a Mainland Travel Permit for Taiwan Residents (8 or 10 digits)",
        ),
        DocType::ForeignPermanentResident => (
            "外国人永久居留身份证号码（3 位字母加 12 位数字，或以 9 开头的 18 位）",
            "外國人永久居留身分證號碼（3 位字母加 12 位數字，或以 9 開頭的 18 位）",
            "a Foreign Permanent Resident ID Card (3 letters and 12 digits, or 18 characters starting with 9)",
        ),
        DocType::ResidentId | DocType::Other => ("证件号码", "證件號碼", "an ID number"),
    }
}

fn resident(field: &str, n: &str, decided: Option<NaiveDate>, out: &mut Vec<Finding>) {
    let birth = if n.len() == crate::resident_id::LEGACY_LENGTH && n.bytes().all(|b| b.is_ascii_digit()) {
        match crate::resident_id::upgrade15(n) {
            Ok(upgraded) => {
                let masked = crate::resident_id::mask_default(&upgraded);
                out.push(finding(
                    field,
                    FindingKind::LegacyIdNumber,
                    Severity::Warning,
                    None,
                    Text::new(
                        format!("{field}：这是 15 位第一代居民身份证号码，应升级为 18 位（{masked}）"),
                        format!("{field}：這是 15 位第一代居民身分證號碼，應升級為 18 位（{masked}）"),
                        format!("{field}: a legacy 15-digit resident identity number; its 18-character form is {masked}"),
                    ),
                ));
                upgraded.get(6..14).and_then(parse_date).map(|(d, _)| d)
            }
            Err(e) => {
                out.push(id_error(field, &e));
                return;
            }
        }
    } else if crate::resident_id::is_valid(n) {
        // The fast path: digits are checked, the division looked up without building names.
        let unknown = n.get(..6).is_some_and(|d| {
            crate::divisions::table_available_for(d)
                && crate::divisions::division_status(d) == crate::divisions::Status::Unknown
        });
        if unknown {
            out.push(division_unknown(field));
        }
        n.get(6..14).and_then(parse_date).map(|(d, _)| d)
    } else {
        let v = crate::resident_id::validate_with(
            n,
            &ValidateOptions { accept_pilot_codes: false, suggestions: false, max_suggestions: 0 },
        );
        if let Some(e) = v.errors.first() {
            out.push(id_error(field, e));
            return;
        }
        if v.warnings.iter().any(|w| w.kind == crate::WarningKind::DivisionUnknown) {
            out.push(division_unknown(field));
        }
        v.parts.birth_date.as_deref().and_then(parse_date).map(|(d, _)| d)
    };
    if let (Some(b), Some(d)) = (birth, decided) {
        if b > d {
            out.push(finding(
                field,
                FindingKind::BirthAfterDecision,
                Severity::Error,
                Some(7),
                Text::new(
                    format!("{field}：出生日期（第 7-14 位）晚于决定日期"),
                    format!("{field}：出生日期（第 7-14 位）晚於決定日期"),
                    format!("{field}: the birth date (positions 7-14) is after the decision date"),
                ),
            ));
        }
    }
}

fn division_unknown(field: &str) -> Finding {
    finding(
        field,
        FindingKind::IdDivisionUnknown,
        Severity::Warning,
        Some(1),
        Text::new(
            format!("{field}：第 1-6 位行政区划代码不在 GB/T 2260 代码表中（号码仍可能真实）"),
            format!("{field}：第 1-6 位行政區劃代碼不在 GB/T 2260 代碼表中（號碼仍可能真實）"),
            format!("{field}: positions 1-6 are not a division code in the GB/T 2260 table (the number may still be real)"),
        ),
    )
}

fn id_error(field: &str, e: &crate::IdError) -> Finding {
    Finding {
        field: field.to_string(),
        kind: FindingKind::InvalidIdNumber,
        severity: Severity::Error,
        position: e.position,
        error_kind: Some(e.kind),
        message: Text::new(
            format!("{field}：居民身份证号码无效：{}", e.message.zh_hans),
            format!("{field}：居民身分證號碼無效：{}", e.message.zh_hant),
            format!("{field}: invalid resident identity number: {}", e.message.en),
        ),
    }
}

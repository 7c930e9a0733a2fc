//! 双公示 records: checks of administrative licensing (行政许可) and penalty
//! (行政处罚) publicity records before they are uploaded to the credit
//! platform — field by field, offline, with the publication deadline.
//!
//! A record is a list of `(column header, value)` pairs; headers are field
//! codes (`CF_XDR_MC`, case ignored, older lower-case keys such as `cf_wsh`
//! too) or Chinese names (`行政相对人名称`). The field set is the built-in
//! national one ([`builtin_schema`], provenance in [`schema`]) or a portal's
//! variant ([`parse_schema`]). Every problem is a [`Finding`]: the field code,
//! a stable kind, error or warning, a 1-based position where one applies and
//! a message in zh-Hans, zh-Hant and en. Identity-document numbers are masked
//! in every output unless the caller asks otherwise ([`Options::reveal_ids`]);
//! messages never contain one, nor a birth date. Nothing here reads a clock:
//! `as_of` is a parameter. See `docs/records.md` for the reference of checks.
//!
//! ```
//! use chrono::NaiveDate;
//! use xinyong::records::{validate_record, Options, PublicationStatus};
//! let as_of = NaiveDate::from_ymd_opt(2026, 1, 20).unwrap();
//! let record: Vec<(String, String)> = [
//!     ("CF_XDR_MC", "张三"), ("CF_XDR_LB", "自然人"), ("CF_XDR_ZJLX", "身份证"),
//!     ("CF_XDR_ZJHM", "11010519491231002x"), ("CF_WSH", "闽榕市监罚〔2026〕1号"),
//!     ("CF_WFXW", "无照经营"), ("CF_SY", "……"), ("CF_YJ", "《无证无照经营查处办法》第十三条"),
//!     ("CF_CFLB", "警告；罚款"), ("CF_NR", "罚款 2000 元"), ("CF_NR_FK", "0.2"),
//!     ("CF_JDRQ", "2026/1/5"), ("CF_YXQ", "2027-01-05"), ("CF_CFJG", "某市市场监督管理局"),
//!     ("CF_CFJGDM", "91350100M000100Y43"), ("CF_SJLY", "某市市场监督管理局"),
//!     ("CF_SJLYDM", "91350100M000100Y43"),
//! ].into_iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
//! let report = validate_record(&record, &Options::new(as_of)).unwrap();
//! assert!(report.valid, "{:?}", report.findings);
//! assert_eq!(report.fields[3].1, "110105********002X"); // masked
//! let p = report.publication.unwrap();
//! assert_eq!(p.status, PublicationStatus::Overdue);
//! ```

mod checks;
pub mod dates;
mod ids;
pub mod schema;

use crate::i18n::Text;
#[cfg(feature = "workdays")]
use crate::workdays::Calendar;
use chrono::{Datelike, NaiveDate};
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use std::collections::{BTreeMap, HashSet};

pub use schema::{builtin_schema, parse_schema, FieldSpec, FieldType, Required, Role, Schema};

/// Penalty or licence record. Serialized `"penalty"` / `"licence"`.
///
/// ```
/// use xinyong::records::RecordKind;
/// assert_eq!(serde_json::to_string(&RecordKind::Licence).unwrap(), "\"licence\"");
/// assert_eq!(RecordKind::from_id("penalty"), Some(RecordKind::Penalty));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    /// 行政处罚 (field codes `CF_*`).
    Penalty,
    /// 行政许可 (field codes `XK_*`).
    Licence,
}

impl RecordKind {
    /// `penalty` or `licence`.
    pub fn id(self) -> &'static str {
        match self {
            RecordKind::Penalty => "penalty",
            RecordKind::Licence => "licence",
        }
    }

    /// Parses `penalty` / `licence` (also `license`).
    pub fn from_id(id: &str) -> Option<RecordKind> {
        match id.trim() {
            "penalty" => Some(RecordKind::Penalty),
            "licence" | "license" => Some(RecordKind::Licence),
            _ => None,
        }
    }
}

/// 行政相对人类别: the kind of subject a record is about.
///
/// Written as a name (`法人及非法人组织`, `自然人`, `个体工商户`; also `法人`,
/// `非法人组织`) or as one platform's numeric codes (`01` 自然人, `02` 法人,
/// `03` 非法人组织, `04` 个体工商户; notes: B). Traditional spellings are accepted too.
///
/// ```
/// use xinyong::records::Subject;
/// assert_eq!(Subject::parse("04"), Some(Subject::SoleTrader));
/// assert_eq!(Subject::parse(" 法人及非法人组织 "), Some(Subject::LegalPerson));
/// assert_eq!(Subject::parse("05"), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Subject {
    /// 法人及非法人组织.
    LegalPerson,
    /// 自然人.
    NaturalPerson,
    /// 个体工商户.
    SoleTrader,
}

impl Subject {
    /// Parses a name or numeric code.
    pub fn parse(value: &str) -> Option<Subject> {
        match value.trim() {
            "法人及非法人组织"
            | "法人"
            | "非法人组织"
            | "法人和非法人组织"
            | "法人及非法人組織"
            | "非法人組織"
            | "02"
            | "03"
            | "2"
            | "3" => Some(Subject::LegalPerson),
            "自然人" | "01" | "1" => Some(Subject::NaturalPerson),
            "个体工商户" | "個體工商戶" | "04" | "4" => Some(Subject::SoleTrader),
            _ => None,
        }
    }

    /// The Chinese name.
    pub fn name(self) -> &'static str {
        match self {
            Subject::LegalPerson => "法人及非法人组织",
            Subject::NaturalPerson => "自然人",
            Subject::SoleTrader => "个体工商户",
        }
    }
}

/// Error or warning. Serialized `"error"` / `"warning"`.
///
/// ```
/// use xinyong::records::Severity;
/// assert_eq!(serde_json::to_string(&Severity::Warning).unwrap(), "\"warning\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The platform would reject the record (or it breaks a rule).
    Error,
    /// Worth a look; the record may still be right.
    Warning,
}

/// How ID-document numbers are masked: the first `keep_first` and the last
/// `keep_last` characters kept (default 6 + 4: `110105********002X`).
///
/// ```
/// let m = xinyong::records::Mask::default();
/// assert_eq!((m.keep_first, m.keep_last), (6, 4));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Mask {
    /// Characters kept at the start.
    pub keep_first: usize,
    /// Characters kept at the end.
    pub keep_last: usize,
}

impl Default for Mask {
    fn default() -> Self {
        Mask { keep_first: 6, keep_last: 4 }
    }
}

impl Mask {
    /// Masks `value` (characters counted; a value no longer than the kept
    /// parts is masked whole).
    ///
    /// ```
    /// let m = xinyong::records::Mask { keep_first: 1, keep_last: 2 };
    /// assert_eq!(m.apply("E12345678"), "E******78");
    /// ```
    pub fn apply(&self, value: &str) -> String {
        crate::resident_id::mask(value, self.keep_first, self.keep_last)
    }
}

/// Options of a check.
///
/// ```
/// use chrono::NaiveDate;
/// use xinyong::records::{Options, RecordKind};
/// let mut o = Options::new(NaiveDate::from_ymd_opt(2026, 1, 20).unwrap());
/// o.kind = Some(RecordKind::Penalty);
/// assert!(!o.reveal_ids);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// Penalty or licence; `None`: inferred from the headers (`CF_` / `XK_`
    /// codes, or which schema's Chinese names match more columns).
    pub kind: Option<RecordKind>,
    /// The day of the check (decision dates after it are errors; the
    /// publication status is on this day).
    pub as_of: NaiveDate,
    /// A portal's schema instead of the built-in one (its kind wins).
    pub schema: Option<Schema>,
    /// How ID-document numbers are masked in [`RecordReport::fields`].
    pub mask: Mask,
    /// Show ID-document numbers in full (default false).
    pub reveal_ids: bool,
    /// The working-day calendar; `None`: the process-wide one
    /// ([`Calendar::current`], with years added by `--calendar` / `addHolidayYears`).
    #[cfg(feature = "workdays")]
    pub calendar: Option<Calendar>,
}

impl Options {
    /// Default options on `as_of`: kind inferred, built-in schema, masked IDs.
    pub fn new(as_of: NaiveDate) -> Options {
        Options {
            kind: None,
            as_of,
            schema: None,
            mask: Mask::default(),
            reveal_ids: false,
            #[cfg(feature = "workdays")]
            calendar: None,
        }
    }
}

/// The kind of a finding. Serialized in snake_case; see `docs/records.md`
/// for each kind's severity and source.
///
/// ```
/// use xinyong::records::FindingKind;
/// assert_eq!(FindingKind::AmountLooksLikeYuan.as_str(), "amount_looks_like_yuan");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum FindingKind {
    /// A column the schema does not know (warning).
    UnknownField,
    /// A required field is empty or missing.
    Required,
    /// Longer than the schema allows.
    TooLong,
    /// Not in the field's code list.
    NotInCodeList,
    /// `其他` without the category named (`其他-…`).
    OtherUnnamed,
    /// A USCC that does not validate (`errorKind` says why).
    InvalidUscc,
    /// The `00000000000000000X` placeholder where it is not allowed (error) or
    /// in an authority's code (warning).
    PlaceholderUscc,
    /// An organization code that does not validate.
    InvalidOrgCode,
    /// A registration number that does not validate.
    InvalidRegNo,
    /// A resident identity number that does not validate (`errorKind` says why).
    InvalidIdNumber,
    /// A 15-digit first-generation resident identity number (warning).
    LegacyIdNumber,
    /// The birth date of an ID number is after the decision date.
    BirthAfterDecision,
    /// The division code of an ID number is not in the GB/T 2260 table (warning).
    IdDivisionUnknown,
    /// A passport / permit / residence-card number of the wrong shape.
    IdShape,
    /// Not a date.
    InvalidDate,
    /// A date written other than `YYYY-MM-DD` (warning: the platform expects that form).
    DateFormat,
    /// The decision date is after `as_of`.
    DecisionInFuture,
    /// A validity end before the decision date (or 有效期自 after 有效期至).
    ValidityBeforeDecision,
    /// 公示截止期 differs from the publication period of the rule set in force (warning).
    PublicationEndMismatch,
    /// Not a number (amounts in 万元).
    InvalidAmount,
    /// An amount that looks like yuan, not 万元 (warning).
    AmountLooksLikeYuan,
    /// The same 决定书文号 earlier in the file (warning).
    DuplicateDecisionNumber,
    /// A value that starts like a spreadsheet formula (warning).
    FormulaValue,
}

impl FindingKind {
    /// The stable snake_case name, as serialized.
    pub fn as_str(self) -> &'static str {
        match self {
            FindingKind::UnknownField => "unknown_field",
            FindingKind::Required => "required",
            FindingKind::TooLong => "too_long",
            FindingKind::NotInCodeList => "not_in_code_list",
            FindingKind::OtherUnnamed => "other_unnamed",
            FindingKind::InvalidUscc => "invalid_uscc",
            FindingKind::PlaceholderUscc => "placeholder_uscc",
            FindingKind::InvalidOrgCode => "invalid_org_code",
            FindingKind::InvalidRegNo => "invalid_reg_no",
            FindingKind::InvalidIdNumber => "invalid_id_number",
            FindingKind::LegacyIdNumber => "legacy_id_number",
            FindingKind::BirthAfterDecision => "birth_after_decision",
            FindingKind::IdDivisionUnknown => "id_division_unknown",
            FindingKind::IdShape => "id_shape",
            FindingKind::InvalidDate => "invalid_date",
            FindingKind::DateFormat => "date_format",
            FindingKind::DecisionInFuture => "decision_in_future",
            FindingKind::ValidityBeforeDecision => "validity_before_decision",
            FindingKind::PublicationEndMismatch => "publication_end_mismatch",
            FindingKind::InvalidAmount => "invalid_amount",
            FindingKind::AmountLooksLikeYuan => "amount_looks_like_yuan",
            FindingKind::DuplicateDecisionNumber => "duplicate_decision_number",
            FindingKind::FormulaValue => "formula_value",
        }
    }
}

impl std::fmt::Display for FindingKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem with a record.
///
/// ```
/// use xinyong::records::{Finding, FindingKind, Severity};
/// use xinyong::Text;
/// let f = Finding { field: "CF_WSH".into(), kind: FindingKind::Required, severity: Severity::Error,
///                   position: None, error_kind: None, message: Text::new("必填", "必填", "required") };
/// let json = serde_json::to_value(&f).unwrap();
/// assert_eq!(json["kind"], "required");
/// assert!(json.get("position").is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    /// The field code (`CF_XDR_SHXYM`); empty for the record as a whole.
    pub field: String,
    /// What is wrong.
    pub kind: FindingKind,
    /// Error or warning.
    pub severity: Severity,
    /// 1-based character position inside the value, where one applies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub position: Option<usize>,
    /// For identifier findings: the identifier's own error kind (`check_char`, …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error_kind: Option<crate::ErrorKind>,
    /// Localized message (never an ID number or birth date).
    pub message: Text,
}

/// Whether the record was published in time, on `as_of`. Serialized
/// `"due"` / `"overdue"` / `"uncovered"`.
///
/// ```
/// use xinyong::records::PublicationStatus;
/// assert_eq!(serde_json::to_string(&PublicationStatus::Uncovered).unwrap(), "\"uncovered\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum PublicationStatus {
    /// `as_of` is on or before the due date.
    Due,
    /// `as_of` is after the due date.
    Overdue,
    /// The working-day calendar does not cover the years needed.
    Uncovered,
}

/// The publication deadline of a record: decision date + 7 working days
/// (`double-publicity-7wd`).
///
/// ```
/// use chrono::NaiveDate;
/// use xinyong::records::{validate_record, Options, PublicationStatus};
/// let record = [("XK_JDRQ".to_string(), "2026-01-05".to_string())];
/// let r = validate_record(&record, &Options::new(NaiveDate::from_ymd_opt(2026, 1, 14).unwrap())).unwrap();
/// let p = r.publication.unwrap();
/// assert_eq!((p.due, p.status), (NaiveDate::from_ymd_opt(2026, 1, 14), PublicationStatus::Due));
/// let json = serde_json::to_value(&p).unwrap();
/// assert_eq!(json["due"], "2026-01-14");
/// assert!(json.get("workingDaysLate").is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields, rename = "RecordPublication"))]
#[serde(rename_all = "camelCase")]
pub struct Publication {
    /// The last day to publish (`null` when the calendar does not cover it).
    #[serde(serialize_with = "ser_opt_date")]
    #[cfg_attr(feature = "ts", ts(as = "Option<String>", optional = false))]
    pub due: Option<NaiveDate>,
    /// Due, overdue or uncovered.
    pub status: PublicationStatus,
    /// Working days after the due date up to and including `as_of` (overdue
    /// only; 0 when `as_of` is a day off right after the due date).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub working_days_late: Option<u32>,
}

fn ser_opt_date<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.serialize_str(&format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())),
        None => s.serialize_none(),
    }
}

fn ser_fields<S: Serializer>(fields: &[(String, String)], s: S) -> Result<S::Ok, S::Error> {
    let mut map = s.serialize_map(Some(fields.len()))?;
    for (k, v) in fields {
        map.serialize_entry(k, v)?;
    }
    map.end()
}

/// The result of checking one record.
///
/// JSON (camelCase): `{"fields": {header: value, …}, "valid", "findings",
/// "publication"}`; `fields` keeps the order of the input.
///
/// ```
/// use chrono::NaiveDate;
/// use xinyong::records::{validate_record, Options};
/// let record = [("CF_XDR_ZJHM".to_string(), "11010519491231002X".to_string()), ("BZ".to_string(), "x".to_string())];
/// let r = validate_record(&record, &Options::new(NaiveDate::from_ymd_opt(2026, 1, 20).unwrap())).unwrap();
/// let json = serde_json::to_value(&r).unwrap();
/// assert_eq!(json["fields"], serde_json::json!({"CF_XDR_ZJHM": "110105********002X", "BZ": "x"}));
/// assert_eq!(json["valid"], false); // required fields are missing
/// assert!(json["publication"].is_null());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct RecordReport {
    /// Header as given → value; ID-document numbers masked unless `reveal_ids`.
    #[serde(serialize_with = "ser_fields")]
    #[cfg_attr(feature = "ts", ts(as = "std::collections::HashMap<String, String>"))]
    pub fields: Vec<(String, String)>,
    /// True when there is no error finding.
    pub valid: bool,
    /// Every finding, in field order.
    pub findings: Vec<Finding>,
    /// The publication deadline, when the decision date is known.
    pub publication: Option<Publication>,
}

/// Counts over the rows a [`Checker`] has seen.
///
/// ```
/// let s = xinyong::records::Summary::default();
/// assert_eq!(serde_json::to_value(&s).unwrap()["byKind"], serde_json::json!({}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "RecordsSummary"))]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    /// Rows checked.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub rows: u64,
    /// Rows without an error finding.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub valid: u64,
    /// Rows with an error finding.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub invalid: u64,
    /// Error findings.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub errors: u64,
    /// Warning findings.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub warnings: u64,
    /// Findings by kind.
    #[cfg_attr(feature = "ts", ts(type = "Record<string, number>"))]
    pub by_kind: BTreeMap<String, u64>,
    /// Rows whose publication is not yet overdue.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub due: u64,
    /// Rows overdue.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub overdue: u64,
    /// Rows the calendar does not cover.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub uncovered: u64,
}

impl Summary {
    fn add(&mut self, report: &RecordReport) {
        self.rows += 1;
        if report.valid {
            self.valid += 1;
        } else {
            self.invalid += 1;
        }
        for f in &report.findings {
            match f.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
            }
            *self.by_kind.entry(f.kind.as_str().to_string()).or_insert(0) += 1;
        }
        match report.publication.as_ref().map(|p| p.status) {
            Some(PublicationStatus::Due) => self.due += 1,
            Some(PublicationStatus::Overdue) => self.overdue += 1,
            Some(PublicationStatus::Uncovered) => self.uncovered += 1,
            None => {}
        }
    }
}

/// What was wrong with the inputs themselves. Serialized in snake_case.
///
/// ```
/// assert_eq!(xinyong::records::RecordsErrorKind::UnknownKind.as_str(), "unknown_kind");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RecordsErrorKind {
    /// Text that is not JSON.
    InvalidJson,
    /// A schema that does not validate (`field` names the path).
    InvalidSchema,
    /// Bad options (`field` names the option).
    InvalidOptions,
    /// Penalty or licence could not be told from the headers.
    UnknownKind,
    /// No column maps to a field of the schema.
    NoKnownColumns,
    /// Two columns map to the same field.
    DuplicateColumn,
}

impl RecordsErrorKind {
    /// The stable snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            RecordsErrorKind::InvalidJson => "invalid_json",
            RecordsErrorKind::InvalidSchema => "invalid_schema",
            RecordsErrorKind::InvalidOptions => "invalid_options",
            RecordsErrorKind::UnknownKind => "unknown_kind",
            RecordsErrorKind::NoKnownColumns => "no_known_columns",
            RecordsErrorKind::DuplicateColumn => "duplicate_column",
        }
    }
}

/// An unusable input: bad options, a schema that does not validate, headers
/// that fit no record kind.
///
/// ```
/// use chrono::NaiveDate;
/// use xinyong::records::{validate_record, Options, RecordsErrorKind};
/// let e = validate_record(&[("地区".into(), "福州".into())], &Options::new(NaiveDate::MIN)).unwrap_err();
/// assert_eq!(e.kind, RecordsErrorKind::UnknownKind);
/// assert!(!e.message.zh_hant.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
#[serde(rename_all = "camelCase")]
pub struct RecordsError {
    /// What went wrong.
    pub kind: RecordsErrorKind,
    /// The path or column concerned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// Localized message.
    pub message: Text,
}

impl RecordsError {
    pub(crate) fn new(kind: RecordsErrorKind, field: Option<String>, message: Text) -> Self {
        RecordsError { kind, field, message }
    }
}

impl std::fmt::Display for RecordsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message.en)
    }
}

impl std::error::Error for RecordsError {}

/// The most 决定书文号 hashes a [`Checker`] remembers for the duplicate check
/// (8 bytes each: 40 MB at the cap); later rows are not compared.
pub const DUPLICATE_LIMIT: usize = 5_000_000;

/// A streaming checker for a file: the header is mapped once, then each row
/// is checked; memory stays constant apart from the set of 决定书文号 hashes
/// (bounded by [`DUPLICATE_LIMIT`]).
///
/// ```
/// use chrono::NaiveDate;
/// use xinyong::records::{Checker, Options};
/// let header: Vec<String> = ["CF_WSH", "CF_JDRQ"].iter().map(|s| s.to_string()).collect();
/// let mut c = Checker::new(&header, Options::new(NaiveDate::from_ymd_opt(2026, 1, 20).unwrap())).unwrap();
/// let r1 = c.check_row(&["文号1".into(), "2026-01-05".into()]);
/// let r2 = c.check_row(&["文号1".into(), "2026-01-06".into()]);
/// assert!(!r1.findings.iter().any(|f| f.kind.as_str() == "duplicate_decision_number"));
/// assert!(r2.findings.iter().any(|f| f.kind.as_str() == "duplicate_decision_number"));
/// assert_eq!(c.summary().rows, 2);
/// ```
#[derive(Debug)]
pub struct Checker {
    plan: checks::Plan,
    seen: HashSet<u64>,
    seen_full: bool,
    summary: Summary,
}

impl Checker {
    /// Maps `header` onto the schema (the kind inferred unless given).
    ///
    /// # Errors
    /// `unknown_kind` when neither kind fits the headers, `no_known_columns`
    /// when no column maps to a field, `duplicate_column` when two columns
    /// map to the same field.
    pub fn new(header: &[String], options: Options) -> Result<Checker, RecordsError> {
        Ok(Checker {
            plan: checks::Plan::new(header, options)?,
            seen: HashSet::new(),
            seen_full: false,
            summary: Summary::default(),
        })
    }

    /// Findings about the header itself (unknown columns, as warnings); they
    /// are also in the first row's report.
    pub fn header_findings(&self) -> &[Finding] {
        self.plan.header_findings()
    }

    /// The record kind in use.
    pub fn kind(&self) -> RecordKind {
        self.plan.kind()
    }

    /// Checks one row (cells in header order; missing cells are empty,
    /// extra cells ignored).
    pub fn check_row(&mut self, row: &[String]) -> RecordReport {
        let first = self.summary.rows == 0;
        let mut report = self.plan.check(row, first);
        if let Some(number) = self.plan.decision_number(row) {
            let hash = checks::hash64(&number);
            if self.seen.contains(&hash) {
                report.findings.push(checks::duplicate_finding(self.plan.decision_number_code()));
            } else if self.seen.len() < DUPLICATE_LIMIT {
                self.seen.insert(hash);
            } else {
                self.seen_full = true;
            }
        }
        self.summary.add(&report);
        report
    }

    /// Checks one row whose cells the table reader marked as formulas
    /// (`formula[c]` true for column `c`, e.g. an .xlsx cell holding a formula
    /// and its cached value): each such non-empty cell also gets a
    /// `formula_value` warning (the platform takes plain values).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use xinyong::records::{Checker, FindingKind, Options};
    /// let header: Vec<String> = ["CF_WSH", "CF_NR_FK"].iter().map(|s| s.to_string()).collect();
    /// let mut c = Checker::new(&header, Options::new(NaiveDate::from_ymd_opt(2026, 1, 20).unwrap())).unwrap();
    /// let r = c.check_row_marked(&["文号1".into(), "0.2".into()], &[false, true]);
    /// assert!(r.findings.iter().any(|f| f.kind == FindingKind::FormulaValue && f.field == "CF_NR_FK"));
    /// ```
    pub fn check_row_marked(&mut self, row: &[String], formula: &[bool]) -> RecordReport {
        let mut report = self.check_row(row);
        let before = report.findings.len();
        for (c, _) in formula.iter().enumerate().filter(|(_, &f)| f) {
            if row.get(c).is_some_and(|v| !v.trim().is_empty()) {
                report.findings.push(self.plan.formula_finding(c));
            }
        }
        for f in report.findings.get(before..).unwrap_or_default() {
            self.summary.warnings += 1;
            *self.summary.by_kind.entry(f.kind.as_str().to_string()).or_insert(0) += 1;
        }
        report
    }

    /// Counts so far.
    pub fn summary(&self) -> &Summary {
        &self.summary
    }

    /// True once the duplicate set reached [`DUPLICATE_LIMIT`] (later rows
    /// were not compared).
    pub fn duplicates_truncated(&self) -> bool {
        self.seen_full
    }
}

/// Checks one record: `(header, value)` pairs.
///
/// # Errors
/// As [`Checker::new`] (kind, columns).
pub fn validate_record(fields: &[(String, String)], options: &Options) -> Result<RecordReport, RecordsError> {
    let header: Vec<String> = fields.iter().map(|(k, _)| k.clone()).collect();
    let row: Vec<String> = fields.iter().map(|(_, v)| v.clone()).collect();
    let plan = checks::Plan::new(&header, options.clone())?;
    Ok(plan.check(&row, true))
}

/// Parses options from JSON, as the JS and command-line boundaries give them:
/// `{"asOf": "YYYY-MM-DD", "kind"?: "penalty"|"licence", "schema"?: object|string,
/// "mask"?: {"keepFirst", "keepLast"}, "revealIds"?: bool}`.
///
/// ```
/// use xinyong::records::{parse_options_json, RecordKind};
/// let o = parse_options_json(r#"{"asOf":"2026-01-20","kind":"licence","mask":{"keepFirst":1,"keepLast":2}}"#).unwrap();
/// assert_eq!(o.kind, Some(RecordKind::Licence));
/// assert_eq!(o.mask.keep_last, 2);
/// let e = parse_options_json(r#"{"kind":"penalty"}"#).unwrap_err();
/// assert_eq!(e.field.as_deref(), Some("asOf"));
/// ```
///
/// # Errors
/// `invalid_options` naming the option; `invalid_schema` for a bad schema.
pub fn parse_options_json(json: &str) -> Result<Options, RecordsError> {
    use serde_json::Value;
    let bad = |field: &str, en: &str, zh: &str| {
        RecordsError::new(
            RecordsErrorKind::InvalidOptions,
            Some(field.to_string()),
            Text::new(
                format!("{field}：{zh}"),
                format!("{field}：{}", schema::to_hant(zh)),
                format!("{field}: {en}"),
            ),
        )
    };
    let value: Value =
        serde_json::from_str(json).map_err(|_| bad("(root)", "not valid JSON", "不是有效的 JSON"))?;
    let obj = value.as_object().ok_or_else(|| bad("(root)", "must be an object", "必须是对象"))?;
    let as_of = obj
        .get("asOf")
        .and_then(Value::as_str)
        .and_then(|s| crate::workdays::parse_date(s, "asOf").ok())
        .ok_or_else(|| {
            bad("asOf", "required, a date written YYYY-MM-DD", "必填，格式为 YYYY-MM-DD 的日期")
        })?;
    let mut options = Options::new(as_of);
    for (key, v) in obj {
        if v.is_null() {
            continue;
        }
        match key.as_str() {
            "asOf" => {}
            "kind" => {
                options.kind = Some(v.as_str().and_then(RecordKind::from_id).ok_or_else(|| {
                    bad("kind", "must be \"penalty\" or \"licence\"", "必须是 \"penalty\" 或 \"licence\"")
                })?)
            }
            "schema" => {
                options.schema = Some(match v.as_str() {
                    Some(text) => parse_schema(text)?,
                    None => schema::schema_from_value(v)?,
                })
            }
            "mask" => {
                let m = v.as_object().ok_or_else(|| bad("mask", "must be an object", "必须是对象"))?;
                if let Some(k) = m.keys().find(|k| !["keepFirst", "keepLast"].contains(&k.as_str())) {
                    return Err(bad(
                        &format!("mask.{k}"),
                        "unknown key (known: keepFirst, keepLast)",
                        "未知的键（可用：keepFirst、keepLast）",
                    ));
                }
                let n = |k: &str, default: usize| match m.get(k) {
                    None | Some(Value::Null) => Ok(default),
                    Some(x) => {
                        x.as_u64().filter(|&n| n <= 64).and_then(|n| usize::try_from(n).ok()).ok_or_else(
                            || {
                                bad(
                                    &format!("mask.{k}"),
                                    "must be a whole number from 0 to 64",
                                    "必须是 0 到 64 的整数",
                                )
                            },
                        )
                    }
                };
                options.mask = Mask { keep_first: n("keepFirst", 6)?, keep_last: n("keepLast", 4)? };
            }
            "revealIds" => {
                options.reveal_ids = v
                    .as_bool()
                    .ok_or_else(|| bad("revealIds", "must be true or false", "必须是 true 或 false"))?
            }
            other => {
                return Err(bad(
                    other,
                    "unknown option (known: asOf, kind, schema, mask, revealIds)",
                    "未知选项（可用：asOf、kind、schema、mask、revealIds）",
                ))
            }
        }
    }
    Ok(options)
}

/// A report with its row number, as the batch and file front-ends write it:
/// `{"row": N, "fields": …, "valid", "findings", "publication"}`.
///
/// ```
/// use chrono::NaiveDate;
/// use xinyong::records::{validate_record, Options, RowReport};
/// let r = validate_record(&[("CF_WSH".into(), "文号1".into())], &Options::new(NaiveDate::MIN)).unwrap();
/// let json = serde_json::to_value(RowReport { row: 2, report: r }).unwrap();
/// assert_eq!(json["row"], 2);
/// assert_eq!(json["fields"]["CF_WSH"], "文号1");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RowReport {
    /// 1-based row number (in a file: the data row after the header).
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub row: u64,
    /// The report.
    #[serde(flatten)]
    #[cfg_attr(feature = "ts", ts(flatten))]
    pub report: RecordReport,
}

/// The result of [`validate_records`]: `{"records": [RowReport…], "summary": Summary}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RecordsReport {
    /// One report per record, numbered from 1.
    pub records: Vec<RowReport>,
    /// Counts.
    pub summary: Summary,
}

/// Checks several records as one file (duplicate 决定书文号 across them): the
/// columns are the union of the records' keys in order of first appearance;
/// each report's `fields` lists only the record's own keys.
///
/// ```
/// use chrono::NaiveDate;
/// use xinyong::records::{validate_records, Options};
/// let rows = vec![
///     vec![("CF_WSH".to_string(), "文号1".to_string())],
///     vec![("CF_WSH".to_string(), "文号1".to_string()), ("BZ".to_string(), "x".to_string())],
/// ];
/// let r = validate_records(&rows, &Options::new(NaiveDate::from_ymd_opt(2026, 1, 20).unwrap())).unwrap();
/// assert_eq!(r.records[1].row, 2);
/// assert_eq!(r.summary.by_kind["duplicate_decision_number"], 1);
/// assert_eq!(r.records[0].report.fields.len(), 1);
/// ```
///
/// # Errors
/// As [`Checker::new`].
pub fn validate_records(
    rows: &[Vec<(String, String)>],
    options: &Options,
) -> Result<RecordsReport, RecordsError> {
    let mut header: Vec<String> = Vec::new();
    let mut index: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (k, _) in rows.iter().flatten() {
        if !index.contains_key(k.as_str()) {
            index.insert(k, header.len());
            header.push(k.clone());
        }
    }
    let mut checker = Checker::new(&header, options.clone())?;
    let mut records = Vec::with_capacity(rows.len());
    for (i, fields) in rows.iter().enumerate() {
        let mut cells = vec![String::new(); header.len()];
        for (k, v) in fields {
            if let Some(cell) = index.get(k.as_str()).and_then(|&c| cells.get_mut(c)) {
                cell.clone_from(v);
            }
        }
        let mut report = checker.check_row(&cells);
        report.fields.retain(|(k, _)| fields.iter().any(|(f, _)| f == k));
        records.push(RowReport { row: i as u64 + 1, report });
    }
    Ok(RecordsReport { records, summary: checker.summary().clone() })
}

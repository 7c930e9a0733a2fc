//! The one error type of the repair module: a stable kind, the field path it
//! concerns, and a localized message.

use crate::i18n::Text;
use serde::{Deserialize, Serialize};

/// What went wrong with a repair case or a rule set. Serialized in snake_case.
///
/// New kinds may be added; match with a wildcard arm.
///
/// ```
/// use xinyong::repair::RepairErrorKind;
/// assert_eq!(RepairErrorKind::InvalidDate.as_str(), "invalid_date");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RepairErrorKind {
    /// The text is not JSON, or not a JSON object where one is required.
    InvalidJson,
    /// A required field is absent or null.
    MissingField,
    /// A field has the wrong type or a value outside the allowed set or range.
    InvalidValue,
    /// A date is not a valid `YYYY-MM-DD` civil date between 0001-01-01 and 9999-12-31.
    InvalidDate,
    /// Date arithmetic left the supported range (after 9999-12-31).
    DateOutOfRange,
    /// Dates in the record contradict each other (e.g. decided after published).
    InconsistentDates,
    /// `ruleSet` names no built-in rule set and no supplied custom one.
    UnknownRuleSet,
    /// `ruleSet: "auto"` found no rule set of the record's track in force on `asOf`.
    NoRuleSetInForce,
    /// The chosen rule set belongs to another track than the record.
    TrackMismatch,
    /// No row of the rule set covers the record (its kind, severity or a measure).
    NoRuleForRecord,
    /// A custom rule set failed validation.
    InvalidRuleSet,
}

impl RepairErrorKind {
    /// The stable snake_case name, as serialized.
    ///
    /// ```
    /// use xinyong::repair::RepairErrorKind;
    /// assert_eq!(RepairErrorKind::NoRuleForRecord.as_str(), "no_rule_for_record");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            RepairErrorKind::InvalidJson => "invalid_json",
            RepairErrorKind::MissingField => "missing_field",
            RepairErrorKind::InvalidValue => "invalid_value",
            RepairErrorKind::InvalidDate => "invalid_date",
            RepairErrorKind::DateOutOfRange => "date_out_of_range",
            RepairErrorKind::InconsistentDates => "inconsistent_dates",
            RepairErrorKind::UnknownRuleSet => "unknown_rule_set",
            RepairErrorKind::NoRuleSetInForce => "no_rule_set_in_force",
            RepairErrorKind::TrackMismatch => "track_mismatch",
            RepairErrorKind::NoRuleForRecord => "no_rule_for_record",
            RepairErrorKind::InvalidRuleSet => "invalid_rule_set",
        }
    }
}

impl std::fmt::Display for RepairErrorKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A typed error: `kind`, the JSON `field` path it concerns (e.g.
/// `record.publishedOn`, `customRuleSets[0].rows[2].earliest`; empty for the
/// whole document) and a localized `message`.
///
/// ```
/// use xinyong::repair::{parse_case_json, RepairErrorKind};
/// let e = parse_case_json(r#"{"asOf":"2026-02-30","record":{}}"#).unwrap_err();
/// assert_eq!(e.kind, RepairErrorKind::InvalidDate);
/// assert_eq!(e.field, "asOf");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct RepairError {
    /// What went wrong.
    pub kind: RepairErrorKind,
    /// The JSON path of the field concerned, in the input's camelCase spelling.
    pub field: String,
    /// A localized, human-readable message.
    pub message: Text,
}

impl RepairError {
    /// Builds an error; `detail_*` are appended to a kind-specific lead-in.
    ///
    /// ```
    /// use xinyong::repair::{RepairError, RepairErrorKind};
    /// let e = RepairError::new(RepairErrorKind::MissingField, "asOf", "", "", "");
    /// assert!(e.message.en.contains("asOf"));
    /// ```
    pub fn new(
        kind: RepairErrorKind,
        field: impl Into<String>,
        detail_hans: &str,
        detail_hant: &str,
        detail_en: &str,
    ) -> Self {
        let field = field.into();
        let (hans, hant, en) = match kind {
            RepairErrorKind::InvalidJson => ("JSON 无效", "JSON 無效", "invalid JSON"),
            RepairErrorKind::MissingField => ("缺少字段", "缺少欄位", "missing field"),
            RepairErrorKind::InvalidValue => ("字段值无效", "欄位值無效", "invalid value"),
            RepairErrorKind::InvalidDate => (
                "日期无效（应为 0001-01-01 至 9999-12-31 之间的 YYYY-MM-DD）",
                "日期無效（應為 0001-01-01 至 9999-12-31 之間的 YYYY-MM-DD）",
                "invalid date (expected YYYY-MM-DD between 0001-01-01 and 9999-12-31)",
            ),
            RepairErrorKind::DateOutOfRange => {
                ("日期计算超出 9999-12-31", "日期計算超出 9999-12-31", "date arithmetic goes past 9999-12-31")
            }
            RepairErrorKind::InconsistentDates => {
                ("日期相互矛盾", "日期相互矛盾", "dates contradict each other")
            }
            RepairErrorKind::UnknownRuleSet => ("未知的规则集", "未知的規則集", "unknown rule set"),
            RepairErrorKind::NoRuleSetInForce => (
                "该日期没有适用于此类记录的有效规则集",
                "該日期沒有適用於此類記錄的有效規則集",
                "no rule set of this track is in force on that date",
            ),
            RepairErrorKind::TrackMismatch => (
                "规则集与记录所属领域不一致",
                "規則集與記錄所屬領域不一致",
                "the rule set belongs to another track than the record",
            ),
            RepairErrorKind::NoRuleForRecord => (
                "规则集中没有适用于该记录的规则",
                "規則集中沒有適用於該記錄的規則",
                "no rule of the rule set covers this record",
            ),
            RepairErrorKind::InvalidRuleSet => ("规则集无效", "規則集無效", "invalid rule set"),
        };
        let join = |lead: &str, sep: &str, detail: &str| {
            if detail.is_empty() {
                format!("{lead}: {field}")
            } else {
                format!("{lead}: {field}{sep}{detail}")
            }
        };
        let join_zh = |lead: &str, detail: &str| {
            if detail.is_empty() {
                format!("{lead}：{field}")
            } else {
                format!("{lead}：{field}（{detail}）")
            }
        };
        RepairError {
            kind,
            message: Text::new(
                join_zh(hans, detail_hans),
                join_zh(hant, detail_hant),
                join(en, ": ", detail_en),
            ),
            field,
        }
    }

    /// Same as [`RepairError::new`] with one detail string used in all three languages
    /// (for machine text such as a serde message or an allowed-values list).
    ///
    /// ```
    /// use xinyong::repair::{RepairError, RepairErrorKind};
    /// let e = RepairError::plain(RepairErrorKind::InvalidValue, "record.kind", "expected one of …");
    /// assert_eq!(e.field, "record.kind");
    /// ```
    pub fn plain(kind: RepairErrorKind, field: impl Into<String>, detail: &str) -> Self {
        RepairError::new(kind, field, detail, detail, detail)
    }
}

impl std::fmt::Display for RepairError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message.en)
    }
}

impl std::error::Error for RepairError {}

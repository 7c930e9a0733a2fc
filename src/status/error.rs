//! The one error type of the status module: a stable kind, the field path it
//! concerns, and a localized message.

use crate::i18n::Text;
use serde::{Deserialize, Serialize};

/// What is wrong with an entity record. Serialized in snake_case.
///
/// ```
/// use xinyong::status::StatusErrorKind;
/// assert_eq!(StatusErrorKind::InconsistentDates.as_str(), "inconsistent_dates");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum StatusErrorKind {
    /// The text is not JSON, or the record is not a JSON object.
    InvalidJson,
    /// A required field is absent or null.
    MissingField,
    /// A field has the wrong type or a value outside the allowed set.
    InvalidValue,
    /// A date is not a real `YYYY-MM-DD` civil date.
    InvalidDate,
    /// Dates of an entry contradict each other (e.g. exited before listed).
    InconsistentDates,
}

impl StatusErrorKind {
    /// The stable snake_case name, as serialized.
    ///
    /// ```
    /// use xinyong::status::StatusErrorKind;
    /// assert_eq!(StatusErrorKind::MissingField.as_str(), "missing_field");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            StatusErrorKind::InvalidJson => "invalid_json",
            StatusErrorKind::MissingField => "missing_field",
            StatusErrorKind::InvalidValue => "invalid_value",
            StatusErrorKind::InvalidDate => "invalid_date",
            StatusErrorKind::InconsistentDates => "inconsistent_dates",
        }
    }
}

/// A typed error: `kind`, the JSON `field` path it concerns (e.g.
/// `entries[1].objection.filedOn`; empty for the whole document) and a
/// localized `message`.
///
/// ```
/// use xinyong::status::{parse_entity_json, StatusErrorKind};
/// let e = parse_entity_json(r#"{"code": "91350100M000100Y43", "name": "x", "entries": [{}]}"#).unwrap_err();
/// assert_eq!(e.kind, StatusErrorKind::MissingField);
/// assert_eq!(e.field, "entries[0].list");
/// assert_eq!(e.message.en, "missing field: entries[0].list");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct StatusError {
    /// What went wrong.
    pub kind: StatusErrorKind,
    /// The JSON path of the field concerned (`""` for the whole document).
    pub field: String,
    /// The message in zh-Hans, zh-Hant and en; it names the field.
    pub message: Text,
}

impl StatusError {
    /// Builds an error; the message is the kind's lead text, the field and,
    /// when not empty, the detail in each language.
    ///
    /// ```
    /// use xinyong::status::{StatusError, StatusErrorKind};
    /// let e = StatusError::new(StatusErrorKind::InvalidValue, "entries[0].list", "", "", "");
    /// assert_eq!(e.message.zh_hans, "字段值无效：entries[0].list");
    /// ```
    pub fn new(kind: StatusErrorKind, field: impl Into<String>, hans: &str, hant: &str, en: &str) -> Self {
        let field = field.into();
        let (lh, lt, le) = match kind {
            StatusErrorKind::InvalidJson => ("JSON 无效", "JSON 無效", "invalid JSON"),
            StatusErrorKind::MissingField => ("缺少字段", "缺少欄位", "missing field"),
            StatusErrorKind::InvalidValue => ("字段值无效", "欄位值無效", "invalid value"),
            StatusErrorKind::InvalidDate => (
                "日期无效（应为 YYYY-MM-DD）",
                "日期無效（應為 YYYY-MM-DD）",
                "invalid date (expected YYYY-MM-DD)",
            ),
            StatusErrorKind::InconsistentDates => {
                ("日期相互矛盾", "日期相互矛盾", "dates contradict each other")
            }
        };
        let zh = |lead: &str, detail: &str| {
            if detail.is_empty() {
                format!("{lead}：{field}")
            } else {
                format!("{lead}：{field}（{detail}）")
            }
        };
        let en_text = if en.is_empty() { format!("{le}: {field}") } else { format!("{le}: {field}: {en}") };
        StatusError { kind, message: Text::new(zh(lh, hans), zh(lt, hant), en_text), field }
    }
}

impl std::fmt::Display for StatusError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message.en)
    }
}

impl std::error::Error for StatusError {}

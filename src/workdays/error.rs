//! The one error type of the working-day module.

use crate::i18n::Text;
use serde::{Deserialize, Serialize};

/// The kind of a [`WorkdayError`]. Serialized in snake_case (`year_not_covered`).
///
/// New kinds may be added; match with a wildcard arm.
///
/// ```
/// use xinyong::workdays::WorkdayErrorKind;
/// assert_eq!(WorkdayErrorKind::YearNotCovered.as_str(), "year_not_covered");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum WorkdayErrorKind {
    /// The date lies in a year whose holiday notice the calendar does not hold:
    /// the answer would be a guess, so none is given.
    YearNotCovered,
    /// Portal-supplied calendar JSON is not valid JSON or not of the expected shape.
    InvalidJson,
    /// A year key is not a four-digit year (`"2027"`).
    InvalidYear,
    /// A date is not a real calendar date written `YYYY-MM-DD`.
    InvalidDate,
    /// A date does not belong to the year it is listed under.
    DateOutsideYear,
    /// A date is listed twice in the same list.
    DuplicateDate,
    /// A date is listed both as a holiday and as a make-up working day.
    ConflictingDate,
    /// A make-up working day is not a Saturday or Sunday.
    NotAWeekend,
    /// A Saturday or Sunday is listed as a holiday outside any holiday period (a
    /// run of consecutive listed days with a weekday in it): weekends are days off
    /// anyway, so such a date is a mistake (a wrong year, a typo).
    WeekendHoliday,
    /// A year lists no holidays at all (every year has statutory holidays).
    EmptyHolidays,
    /// A portal-supplied year is already covered (built in, or given twice).
    YearAlreadyCovered,
    /// Date arithmetic left the range of representable dates.
    OutOfRange,
}

impl WorkdayErrorKind {
    /// The stable snake_case name, as serialized.
    ///
    /// ```
    /// use xinyong::workdays::WorkdayErrorKind;
    /// assert_eq!(WorkdayErrorKind::NotAWeekend.as_str(), "not_a_weekend");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            WorkdayErrorKind::YearNotCovered => "year_not_covered",
            WorkdayErrorKind::InvalidJson => "invalid_json",
            WorkdayErrorKind::InvalidYear => "invalid_year",
            WorkdayErrorKind::InvalidDate => "invalid_date",
            WorkdayErrorKind::DateOutsideYear => "date_outside_year",
            WorkdayErrorKind::DuplicateDate => "duplicate_date",
            WorkdayErrorKind::ConflictingDate => "conflicting_date",
            WorkdayErrorKind::NotAWeekend => "not_a_weekend",
            WorkdayErrorKind::WeekendHoliday => "weekend_holiday",
            WorkdayErrorKind::EmptyHolidays => "empty_holidays",
            WorkdayErrorKind::YearAlreadyCovered => "year_already_covered",
            WorkdayErrorKind::OutOfRange => "out_of_range",
        }
    }
}

impl std::fmt::Display for WorkdayErrorKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What went wrong in a working-day computation or in portal-supplied calendar JSON.
///
/// ```
/// use chrono::NaiveDate;
/// use xinyong::workdays::{is_working_day, WorkdayErrorKind};
/// let d = NaiveDate::from_ymd_opt(2027, 3, 1).unwrap();
/// let e = is_working_day(d).unwrap_err();
/// assert_eq!(e.kind, WorkdayErrorKind::YearNotCovered);
/// assert_eq!(e.year, Some(2027));
/// assert_eq!(e.message.en, "the 2027 holiday calendar is not available");
/// assert_eq!(e.message.zh_hans, "2027 年的节假日安排尚未收录");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
#[serde(rename_all = "camelCase")]
pub struct WorkdayError {
    /// What went wrong (stable, machine-readable).
    pub kind: WorkdayErrorKind,
    /// For portal JSON: the path of the offending value, e.g. `2027.holidays[3]`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// The year concerned, where there is one (always set for `year_not_covered`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// A human-readable message in three languages.
    pub message: Text,
}

impl WorkdayError {
    /// Builds an error from its parts.
    ///
    /// ```
    /// use xinyong::i18n::Text;
    /// use xinyong::workdays::{WorkdayError, WorkdayErrorKind};
    /// let e = WorkdayError::new(WorkdayErrorKind::OutOfRange, None, None, Text::new("a", "a", "a"));
    /// assert_eq!(e.kind.as_str(), "out_of_range");
    /// ```
    pub fn new(kind: WorkdayErrorKind, field: Option<String>, year: Option<i32>, message: Text) -> Self {
        WorkdayError { kind, field, year, message }
    }

    /// The error for a date in a year the calendar does not cover.
    ///
    /// ```
    /// use xinyong::workdays::WorkdayError;
    /// let e = WorkdayError::year_not_covered(2003);
    /// assert_eq!(e.message.zh_hant, "2003 年的節假日安排尚未收錄");
    /// ```
    pub fn year_not_covered(year: i32) -> Self {
        WorkdayError::new(
            WorkdayErrorKind::YearNotCovered,
            None,
            Some(year),
            Text::new(
                format!("{year} 年的节假日安排尚未收录"),
                format!("{year} 年的節假日安排尚未收錄"),
                format!("the {year} holiday calendar is not available"),
            ),
        )
    }

    pub(crate) fn out_of_range() -> Self {
        WorkdayError::new(
            WorkdayErrorKind::OutOfRange,
            None,
            None,
            Text::new("日期超出可表示范围", "日期超出可表示範圍", "date out of the representable range"),
        )
    }

    /// A validation error in portal JSON at `field`.
    pub(crate) fn at(kind: WorkdayErrorKind, field: &str, year: Option<i32>, detail: Text) -> Self {
        let (hans, hant, en) = match kind {
            WorkdayErrorKind::InvalidJson => ("JSON 无效", "JSON 無效", "invalid JSON"),
            WorkdayErrorKind::InvalidYear => (
                "年份无效（应为四位数字，如 \"2027\"）",
                "年份無效（應為四位數字，如 \"2027\"）",
                "invalid year (expected four digits, e.g. \"2027\")",
            ),
            WorkdayErrorKind::InvalidDate => (
                "日期无效（应为 YYYY-MM-DD）",
                "日期無效（應為 YYYY-MM-DD）",
                "invalid date (expected YYYY-MM-DD)",
            ),
            WorkdayErrorKind::DateOutsideYear => (
                "日期不属于所列年份",
                "日期不屬於所列年份",
                "date does not belong to the year it is listed under",
            ),
            WorkdayErrorKind::DuplicateDate => ("日期重复", "日期重複", "date listed twice"),
            WorkdayErrorKind::ConflictingDate => (
                "同一日期既列为假日又列为调休上班日",
                "同一日期既列為假日又列為調休上班日",
                "date listed both as a holiday and as a make-up working day",
            ),
            WorkdayErrorKind::NotAWeekend => (
                "调休上班日应为星期六或星期日",
                "調休上班日應為星期六或星期日",
                "a make-up working day must be a Saturday or Sunday",
            ),
            WorkdayErrorKind::WeekendHoliday => (
                "周末日期列为假日，但不在任何假期之内（周末本来就休息）",
                "週末日期列為假日，但不在任何假期之內（週末本來就休息）",
                "a Saturday or Sunday is listed as a holiday outside any holiday period (weekends are off anyway)",
            ),
            WorkdayErrorKind::EmptyHolidays => (
                "假日列表为空（每年都有法定节假日）",
                "假日列表為空（每年都有法定節假日）",
                "no holidays listed (every year has statutory holidays)",
            ),
            WorkdayErrorKind::YearAlreadyCovered => (
                "该年份已收录，不能重复提供",
                "該年份已收錄，不能重複提供",
                "this year is already covered and cannot be supplied again",
            ),
            WorkdayErrorKind::YearNotCovered => ("年份未收录", "年份未收錄", "year not covered"),
            WorkdayErrorKind::OutOfRange => ("超出范围", "超出範圍", "out of range"),
        };
        let compose = |lead: &str, detail: &str, colon: &str, sep: &str| {
            let tail: Vec<&str> = [field, detail].into_iter().filter(|s| !s.is_empty()).collect();
            if tail.is_empty() {
                lead.to_string()
            } else {
                format!("{lead}{colon}{}", crate::json::read::join(&tail, sep))
            }
        };
        let message = Text::new(
            compose(hans, &detail.zh_hans, "：", "，"),
            compose(hant, &detail.zh_hant, "：", "，"),
            compose(en, &detail.en, ": ", ", "),
        );
        let field = (!field.is_empty()).then(|| field.to_string());
        WorkdayError::new(kind, field, year, message)
    }
}

impl std::fmt::Display for WorkdayError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message.en)
    }
}

impl std::error::Error for WorkdayError {}

//! Working days in mainland China and publication deadlines counted in them.
//!
//! A working day is Monday to Friday, except the days off in the State Council's
//! yearly holiday notice (国务院办公厅关于某年部分节假日安排的通知), plus the weekend days
//! that notice makes working days (调休). The built-in calendar covers 2004-2026; it is
//! generated from the PyPI package `chinesecalendar` (MIT) by `tools/gen_workdays.py`
//! into `data/holidays.tsv` and checked for every date against the npm package
//! `chinese-days` (MIT) by `tests/cross_check.rs`.
//!
//! **Fail closed.** A date in a year the calendar does not cover is an error
//! (`year_not_covered`: "the 2027 holiday calendar is not available"), never a guess.
//! Nothing here reads a clock.
//!
//! **Counting.** The day of the decision does not count (Civil Code Art 201): the
//! 7-working-day period of a decision taken on Friday 2024-02-09 (before the Spring
//! Festival days off 02-10..17) is 02-18 (a make-up Sunday), 02-19 .. 02-23, 02-26, so
//! the deadline is 2024-02-26. The result is always a working day, so Art 203 (a
//! deadline ending on a holiday moves to the next working day) never applies.
//!
//! **Adding a year.** When the State Council publishes the next notice (usually in
//! November or December), either
//! 1. a portal supplies it as JSON to [`add_holiday_years`] (process-wide: every
//!    deadline, status and repair answer then uses it; JS `addHolidayYears`, command
//!    line `--calendar FILE`) or to [`Calendar::with_extra_years_json`] (a separate
//!    calendar value), e.g.
//!    `{"2027": {"holidays": ["2027-01-01", …], "workdays": ["2027-02-06", …],
//!    "source": "国办发明电〔2026〕N号"}}` listing every day off of the notice (the
//!    weekend days inside a holiday period may be listed too) and every make-up working
//!    day; or
//! 2. once the npm package `chinese-days` has released the year: `npm run
//!    update-holidays` rewrites `data/holidays.tsv` from its newest version (see
//!    `tools/update_holidays.mjs`); check the new year by hand against the notice,
//!    re-export the cross-check vectors and update the year bounds in the tests.
//!
//! A notice can also change the end of the year before: the 2019 notice made
//! 2018-12-29 a working day and 2018-12-31 a day off. So the last days of December of
//! the last covered year are only final once the next notice is out; the JSON form
//! accepts such December dates under the new year's key.
//!
//! ```
//! use chrono::NaiveDate;
//! use xinyong::workdays::{add_working_days, is_working_day, WorkdayErrorKind};
//! let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
//! assert_eq!(is_working_day(d(2024, 2, 18)), Ok(true)); // Sunday, worked (调休)
//! assert_eq!(add_working_days(d(2024, 2, 9), 7), Ok(d(2024, 2, 26)));
//! let e = add_working_days(d(2026, 12, 25), 7).unwrap_err();
//! assert_eq!(e.kind, WorkdayErrorKind::YearNotCovered);
//! assert_eq!(e.year, Some(2027));
//! ```

mod calendar;
mod error;
mod rules;

#[cfg(all(target_arch = "wasm32", not(card_module)))]
pub(crate) use calendar::format_iso_date;
pub use calendar::Calendar;
pub use error::{WorkdayError, WorkdayErrorKind};
pub use rules::{Deadline, DeadlineRule};

use calendar::with_current;
use chrono::NaiveDate;

/// Whether `date` is a working day in the built-in calendar
/// (see [`Calendar::is_working_day`]).
///
/// ```
/// use chrono::NaiveDate;
/// use xinyong::workdays::is_working_day;
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// assert_eq!(is_working_day(d(2024, 2, 4)), Ok(true)); // Sunday, worked
/// assert_eq!(is_working_day(d(2024, 2, 15)), Ok(false)); // Thursday, Spring Festival
/// assert!(is_working_day(d(2003, 12, 31)).is_err());
/// ```
pub fn is_working_day(date: NaiveDate) -> Result<bool, WorkdayError> {
    with_current(|cal| cal.is_working_day(date))
}

/// The `n`-th working day after `date` in the built-in calendar; `date` does not
/// count and `n = 0` returns `date` (see [`Calendar::add_working_days`]).
///
/// ```
/// use chrono::NaiveDate;
/// use xinyong::workdays::{add_working_days, WorkdayErrorKind};
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// assert_eq!(add_working_days(d(2024, 12, 27), 3), Ok(d(2025, 1, 2))); // over New Year
/// let e = add_working_days(NaiveDate::MAX, 5).unwrap_err();
/// assert_eq!(e.kind, WorkdayErrorKind::YearNotCovered);
/// ```
pub fn add_working_days(date: NaiveDate, n: u32) -> Result<NaiveDate, WorkdayError> {
    with_current(|cal| cal.add_working_days(date, n))
}

/// The working days in `(a, b]` in the built-in calendar, negative when `b < a`
/// (see [`Calendar::working_days_between`]).
///
/// ```
/// use chrono::NaiveDate;
/// use xinyong::workdays::working_days_between;
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// assert_eq!(working_days_between(d(2024, 9, 30), d(2024, 10, 8)), Ok(1));
/// ```
pub fn working_days_between(a: NaiveDate, b: NaiveDate) -> Result<i64, WorkdayError> {
    with_current(|cal| cal.working_days_between(a, b))
}

/// The publication deadline of a decision under a built-in rule, in the built-in
/// calendar (see [`Calendar::publication_deadline`]).
///
/// ```
/// use chrono::NaiveDate;
/// use xinyong::workdays::{publication_deadline, DeadlineRule};
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let dl = publication_deadline(d(2025, 9, 26), DeadlineRule::Samr20wd).unwrap();
/// assert_eq!(dl.working_days, 20);
/// assert_eq!(dl.due, d(2025, 10, 30)); // 10-01..08 off; 09-28 and 10-11 worked
/// ```
pub fn publication_deadline(decided_on: NaiveDate, rule: DeadlineRule) -> Result<Deadline, WorkdayError> {
    with_current(|cal| cal.publication_deadline(decided_on, rule))
}

/// Adds the years of a State Council holiday notice to the process-wide
/// calendar, which every deadline, status and repair answer uses from then on
/// (JS `addHolidayYears`, command line `--calendar FILE`). The JSON is that of
/// [`Calendar::with_extra_years_json`], validated the same way; on any error
/// nothing is added. Returns the years added. Nothing here reads a clock.
///
/// ```
/// use chrono::NaiveDate;
/// use xinyong::workdays::{add_holiday_years, is_working_day, WorkdayErrorKind};
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// assert!(is_working_day(d(2031, 1, 1)).is_err()); // not covered: fails closed
/// // A weekend day outside any holiday period is refused, and nothing is added.
/// let e = add_holiday_years(r#"{"2031": {"holidays": ["2031-01-01", "2031-03-08"]}}"#).unwrap_err();
/// assert_eq!((e.kind, e.field.as_deref()), (WorkdayErrorKind::WeekendHoliday, Some("2031.holidays[1]")));
/// assert!(is_working_day(d(2031, 1, 1)).is_err());
/// assert_eq!(add_holiday_years(r#"{"2031": {"holidays": ["2031-01-01"]}}"#), Ok(vec![2031]));
/// assert_eq!(is_working_day(d(2031, 1, 1)), Ok(false));
/// let e = add_holiday_years(r#"{"2031": {"holidays": ["2031-01-01"]}}"#).unwrap_err();
/// assert_eq!(e.kind, WorkdayErrorKind::YearAlreadyCovered);
/// ```
///
/// # Errors
/// A [`WorkdayError`] naming the offending field, as [`Calendar::with_extra_years_json`].
pub fn add_holiday_years(json: &str) -> Result<Vec<i32>, WorkdayError> {
    calendar::add_to_current(json)
}

/// The years the process-wide calendar covers, ascending (2004-2026 built in,
/// plus any added with [`add_holiday_years`]).
///
/// ```
/// assert_eq!(xinyong::workdays::covered_years().first(), Some(&2004));
/// ```
pub fn covered_years() -> Vec<i32> {
    with_current(Calendar::covered_years)
}

/// Parses a `YYYY-MM-DD` date given in `field`, for the JS and command-line
/// boundaries.
///
/// ```
/// use xinyong::workdays::{parse_date, WorkdayErrorKind};
/// assert!(parse_date("2024-02-29", "date").is_ok());
/// let e = parse_date("2023-02-29", "decidedOn").unwrap_err();
/// assert_eq!(e.kind, WorkdayErrorKind::InvalidDate);
/// assert_eq!(e.field.as_deref(), Some("decidedOn"));
/// ```
///
/// # Errors
/// `invalid_date` naming `field` unless `text` is a real date written `YYYY-MM-DD`.
pub fn parse_date(text: &str, field: &str) -> Result<NaiveDate, WorkdayError> {
    calendar::parse_iso_date(text.trim()).ok_or_else(|| {
        WorkdayError::new(
            WorkdayErrorKind::InvalidDate,
            Some(field.to_owned()),
            None,
            crate::i18n::Text::new(
                format!("{field}：“{text}”不是 YYYY-MM-DD 格式的有效日期"),
                format!("{field}：「{text}」不是 YYYY-MM-DD 格式的有效日期"),
                format!("{field}: '{text}' is not a valid date written YYYY-MM-DD"),
            ),
        )
    })
}

//! Civil-date arithmetic after the Civil Code (民法典) Arts 201-203.
//!
//! Every date is a civil date in Asia/Shanghai (UTC+8, no daylight saving since
//! 1991) held as a [`chrono::NaiveDate`]; nothing here reads a clock or a time
//! zone. Dates are accepted and produced only as `YYYY-MM-DD` between
//! 0001-01-01 and 9999-12-31; arithmetic that would leave that range returns
//! `None` (the caller turns it into a typed error), it never panics.
//!
//! Semantics of a period of N years / months / days counted from an event day E
//! ([`period_last_day`]):
//! - the day of the event does not count: the period starts on E + 1 day (Art 201);
//! - a period in months or years ends on the day of the last month that
//!   corresponds to E's day of month (Art 202): 2026-05-10 + 3 months ends on
//!   2026-08-10;
//! - where that month has no such day, its last day ends the period:
//!   2025-11-30 + 3 months ends on 2026-02-28, 2024-01-31 + 1 month on
//!   2024-02-29, 2024-02-29 + 1 year on 2025-02-28 (+ 4 years: 2028-02-29);
//! - a period in days of N ends on E + N days (2026-01-31 + 30 days ends on 2026-03-02);
//! - a mixed period adds its years and months together first (as 12 × years + months)
//!   and then its days;
//! - the day after the last day is the first day on which something that waits for the
//!   period may be done ([`first_day_after`]).
//!
//! Art 203 (a deadline whose last day is a statutory holiday runs to the next
//! working day) is NOT applied: every period in this module is a publication or
//! waiting period, not a deadline for an act, and the module has no holiday calendar.

use chrono::{Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// A length of time in whole years, months and days (all default to 0).
///
/// Serialized as `{"years": 1, "months": 0, "days": 0}`; missing parts are 0.
///
/// ```
/// use xinyong::repair::dates::Period;
/// let p: Period = serde_json::from_str(r#"{"months": 3}"#).unwrap();
/// assert_eq!(p, Period::months(3));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct Period {
    /// Whole years.
    pub years: u32,
    /// Whole months.
    pub months: u32,
    /// Whole days.
    pub days: u32,
}

impl Period {
    /// Largest years a rule-set period may have (validation bound).
    pub const MAX_YEARS: u32 = 200;

    /// A period of `n` years.
    ///
    /// ```
    /// use xinyong::repair::dates::Period;
    /// assert_eq!(Period::years(3).years, 3);
    /// ```
    pub fn years(n: u32) -> Self {
        Period { years: n, months: 0, days: 0 }
    }

    /// A period of `n` months.
    ///
    /// ```
    /// use xinyong::repair::dates::Period;
    /// assert_eq!(Period::months(6).months, 6);
    /// ```
    pub fn months(n: u32) -> Self {
        Period { years: 0, months: n, days: 0 }
    }

    /// A period of `n` days.
    ///
    /// ```
    /// use xinyong::repair::dates::Period;
    /// assert_eq!(Period::days(30).days, 30);
    /// ```
    pub fn days(n: u32) -> Self {
        Period { years: 0, months: 0, days: n }
    }

    /// True when every part is 0.
    ///
    /// ```
    /// use xinyong::repair::dates::Period;
    /// assert!(Period::default().is_zero());
    /// ```
    pub fn is_zero(&self) -> bool {
        self.years == 0 && self.months == 0 && self.days == 0
    }

    /// True when each part is within the bounds a rule set may use
    /// (≤ 200 years, ≤ 2400 months, ≤ 73000 days).
    ///
    /// ```
    /// use xinyong::repair::dates::Period;
    /// assert!(Period::years(3).is_bounded());
    /// assert!(!Period::years(4_000_000_000).is_bounded());
    /// ```
    pub fn is_bounded(&self) -> bool {
        self.years <= Self::MAX_YEARS && self.months <= 2400 && self.days <= 73_000
    }

    /// This period plus `n` more years, or `None` on overflow.
    ///
    /// ```
    /// use xinyong::repair::dates::Period;
    /// assert_eq!(Period::years(2).plus_years(1), Some(Period::years(3)));
    /// ```
    pub fn plus_years(&self, n: u32) -> Option<Period> {
        Some(Period { years: self.years.checked_add(n)?, ..*self })
    }
}

/// The earliest date accepted or produced: 0001-01-01.
///
/// ```
/// use xinyong::repair::dates::{min_date, format_date};
/// assert_eq!(format_date(min_date()), "0001-01-01");
/// ```
pub fn min_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(1, 1, 1).unwrap_or(NaiveDate::MIN)
}

/// The latest date accepted or produced: 9999-12-31.
///
/// ```
/// use xinyong::repair::dates::{max_date, format_date};
/// assert_eq!(format_date(max_date()), "9999-12-31");
/// ```
pub fn max_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(9999, 12, 31).unwrap_or(NaiveDate::MAX)
}

fn in_range(d: NaiveDate) -> Option<NaiveDate> {
    if d < min_date() || d > max_date() {
        None
    } else {
        Some(d)
    }
}

/// Parses a strict `YYYY-MM-DD` civil date (exactly 10 ASCII characters, a real
/// calendar day, year 0001-9999). Returns `None` for anything else, including
/// `2026-02-29`, `0000-01-01`, `2026-1-5` or a date with a time.
///
/// ```
/// use xinyong::repair::dates::parse_date;
/// assert!(parse_date("2024-02-29").is_some());
/// assert!(parse_date("2026-02-29").is_none());
/// assert!(parse_date("0000-01-01").is_none());
/// ```
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    crate::civil_date::parse_iso_date(s).and_then(in_range)
}

/// Formats a date as `YYYY-MM-DD` (four-digit year, zero-padded).
///
/// ```
/// use chrono::NaiveDate;
/// use xinyong::repair::dates::format_date;
/// let d = NaiveDate::from_ymd_opt(2026, 8, 11).unwrap();
/// assert_eq!(format_date(d), "2026-08-11");
/// ```
pub fn format_date(d: NaiveDate) -> String {
    crate::civil_date::format_iso_date(d)
}

/// The last day of a period of `p` counted from the event day `event`
/// (Civil Code Arts 201-202; see the module docs). A zero period ends on the
/// event day itself. `None` if the result would pass 9999-12-31.
///
/// ```
/// use xinyong::repair::dates::{parse_date, period_last_day, Period};
/// let d = |s| parse_date(s).unwrap();
/// assert_eq!(period_last_day(d("2026-05-10"), Period::months(3)), Some(d("2026-08-10")));
/// assert_eq!(period_last_day(d("2025-11-30"), Period::months(3)), Some(d("2026-02-28")));
/// assert_eq!(period_last_day(d("2024-01-31"), Period::months(1)), Some(d("2024-02-29")));
/// assert_eq!(period_last_day(d("2024-02-29"), Period::years(1)), Some(d("2025-02-28")));
/// assert_eq!(period_last_day(d("9999-12-31"), Period::months(3)), None);
/// ```
pub fn period_last_day(event: NaiveDate, p: Period) -> Option<NaiveDate> {
    let months = p.years.checked_mul(12)?.checked_add(p.months)?;
    let after_months = event.checked_add_months(Months::new(months))?;
    let last = after_months.checked_add_days(Days::new(u64::from(p.days)))?;
    in_range(last)
}

/// The day after `d`, or `None` after 9999-12-31.
///
/// ```
/// use xinyong::repair::dates::{day_after, parse_date};
/// assert_eq!(day_after(parse_date("2024-02-28").unwrap()), parse_date("2024-02-29"));
/// assert_eq!(day_after(parse_date("9999-12-31").unwrap()), None);
/// ```
pub fn day_after(d: NaiveDate) -> Option<NaiveDate> {
    in_range(d.checked_add_days(Days::new(1))?)
}

/// The first day after a period of `p` counted from `event`: the day after
/// [`period_last_day`]. For published 2026-05-10 and 3 months this is
/// 2026-08-11, the first day on which repair may be applied for.
///
/// ```
/// use xinyong::repair::dates::{first_day_after, parse_date, Period};
/// let d = |s| parse_date(s).unwrap();
/// assert_eq!(first_day_after(d("2026-05-10"), Period::months(3)), Some(d("2026-08-11")));
/// assert_eq!(first_day_after(d("2025-11-30"), Period::months(3)), Some(d("2026-03-01")));
/// ```
pub fn first_day_after(event: NaiveDate, p: Period) -> Option<NaiveDate> {
    day_after(period_last_day(event, p)?)
}

/// True when, for every event day in 2020-01-01..=2023-12-31 (every
/// combination of month length and leap year), a period of `shorter` ends
/// strictly before a period of `longer`. Used to validate rule sets whose
/// minimum must end before their maximum.
///
/// ```
/// use xinyong::repair::dates::{ends_strictly_before, Period};
/// assert!(ends_strictly_before(Period::months(3), Period::years(1)));
/// assert!(!ends_strictly_before(Period::months(1), Period::days(28)));
/// ```
pub fn ends_strictly_before(shorter: Period, longer: Period) -> bool {
    let (Some(mut day), Some(end)) =
        (NaiveDate::from_ymd_opt(2020, 1, 1), NaiveDate::from_ymd_opt(2023, 12, 31))
    else {
        return false;
    };
    while day <= end {
        match (period_last_day(day, shorter), period_last_day(day, longer)) {
            (Some(a), Some(b)) if a < b => {}
            _ => return false,
        }
        match day.checked_add_days(Days::new(1)) {
            Some(next) => day = next,
            None => return false,
        }
    }
    true
}

/// serde helpers: a `NaiveDate` as a strict `YYYY-MM-DD` string.
pub(crate) mod serde_date {
    use super::{format_date, parse_date};
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format_date(*d))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(de: D) -> Result<NaiveDate, D::Error> {
        let s = String::deserialize(de)?;
        parse_date(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("invalid date '{s}': expected YYYY-MM-DD")))
    }
}

/// serde helpers: an `Option<NaiveDate>` as a `YYYY-MM-DD` string or null.
pub(crate) mod serde_opt_date {
    use super::{format_date, parse_date};
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.serialize_str(&format_date(*d)),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(de: D) -> Result<Option<NaiveDate>, D::Error> {
        match Option::<String>::deserialize(de)? {
            None => Ok(None),
            Some(s) => parse_date(&s)
                .map(Some)
                .ok_or_else(|| serde::de::Error::custom(format!("invalid date '{s}': expected YYYY-MM-DD"))),
        }
    }
}

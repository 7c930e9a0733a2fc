//! Hand-derived cases from the State Council holiday notices.
#![cfg(feature = "workdays")]

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use chrono::NaiveDate;
use xinyong::workdays::{
    add_working_days, is_working_day, publication_deadline, working_days_between, Calendar, DeadlineRule,
    WorkdayErrorKind,
};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// Asserts a notice: `off` days (inclusive range) are days off, `worked` are working days.
fn notice(off: (NaiveDate, NaiveDate), worked: &[NaiveDate]) {
    let mut day = off.0;
    while day <= off.1 {
        assert_eq!(is_working_day(day), Ok(false), "{day} should be a day off");
        day = day.succ_opt().unwrap();
    }
    // The day before the period is covered too.
    assert!(is_working_day(off.0.pred_opt().unwrap()).is_ok());
    for w in worked {
        assert_eq!(is_working_day(*w), Ok(true), "{w} should be a make-up working day");
        assert!(matches!(chrono::Datelike::weekday(w), chrono::Weekday::Sat | chrono::Weekday::Sun));
    }
}

#[test]
fn spring_festival_weeks() {
    // 2019: 02-04..10 off; Sat 02-02, Sun 02-03 worked.
    notice((d(2019, 2, 4), d(2019, 2, 10)), &[d(2019, 2, 2), d(2019, 2, 3)]);
    // 2020: 01-24..02-02 off (extended from 01-30 by the State Council); Sun 01-19 worked;
    // Sat 02-01, a make-up day in the original notice, became a day off.
    notice((d(2020, 1, 24), d(2020, 2, 2)), &[d(2020, 1, 19)]);
    assert_eq!(is_working_day(d(2020, 2, 3)), Ok(true));
    // 2023: 01-21..27 off; Sat 01-28, Sun 01-29 worked.
    notice((d(2023, 1, 21), d(2023, 1, 27)), &[d(2023, 1, 28), d(2023, 1, 29)]);
    // 2024: 02-10..17 off; Sun 02-04, Sun 02-18 worked; Friday 02-09 (除夕) is a working day.
    notice((d(2024, 2, 10), d(2024, 2, 17)), &[d(2024, 2, 4), d(2024, 2, 18)]);
    assert_eq!(is_working_day(d(2024, 2, 9)), Ok(true));
    // 2025: 01-28..02-04 off; Sun 01-26, Sat 02-08 worked.
    notice((d(2025, 1, 28), d(2025, 2, 4)), &[d(2025, 1, 26), d(2025, 2, 8)]);
    // 2026: 02-15..23 off; Sat 02-14, Sat 02-28 worked.
    notice((d(2026, 2, 15), d(2026, 2, 23)), &[d(2026, 2, 14), d(2026, 2, 28)]);
}

#[test]
fn national_day_weeks() {
    // 2019: 10-01..07 off; Sun 09-29, Sat 10-12 worked.
    notice((d(2019, 10, 1), d(2019, 10, 7)), &[d(2019, 9, 29), d(2019, 10, 12)]);
    // 2020 (with Mid-autumn): 10-01..08 off; Sun 09-27, Sat 10-10 worked.
    notice((d(2020, 10, 1), d(2020, 10, 8)), &[d(2020, 9, 27), d(2020, 10, 10)]);
    // 2023 (with Mid-autumn): 09-29..10-06 off; Sat 10-07, Sun 10-08 worked.
    notice((d(2023, 9, 29), d(2023, 10, 6)), &[d(2023, 10, 7), d(2023, 10, 8)]);
    // 2024: 10-01..07 off; Sun 09-29, Sat 10-12 worked.
    notice((d(2024, 10, 1), d(2024, 10, 7)), &[d(2024, 9, 29), d(2024, 10, 12)]);
    // 2025 (with Mid-autumn): 10-01..08 off; Sun 09-28, Sat 10-11 worked.
    notice((d(2025, 10, 1), d(2025, 10, 8)), &[d(2025, 9, 28), d(2025, 10, 11)]);
    // 2026: 10-01..07 off; Sun 09-20, Sat 10-10 worked.
    notice((d(2026, 10, 1), d(2026, 10, 7)), &[d(2026, 9, 20), d(2026, 10, 10)]);
}

#[test]
fn special_days() {
    // 2015 victory anniversary: Thu 09-03 and Fri 09-04 off, Sun 09-06 worked.
    notice((d(2015, 9, 3), d(2015, 9, 5)), &[d(2015, 9, 6)]);
    // The 2019 notice changed the end of 2018: Sat 12-29 worked, Mon 12-31 off.
    assert_eq!(is_working_day(d(2018, 12, 29)), Ok(true));
    assert_eq!(is_working_day(d(2018, 12, 31)), Ok(false));
    // Ordinary days.
    assert_eq!(is_working_day(d(2024, 3, 6)), Ok(true)); // Wednesday
    assert_eq!(is_working_day(d(2024, 3, 9)), Ok(false)); // Saturday
}

#[test]
fn deadlines_within_holiday_weeks() {
    // Friday before the 2024 Spring Festival: 02-18 (Sun, worked), 02-19..23, 02-26.
    assert_eq!(add_working_days(d(2024, 2, 9), 7), Ok(d(2024, 2, 26)));
    // 2024-02-03 (Sat) + 1: Sun 02-04 is worked.
    assert_eq!(add_working_days(d(2024, 2, 3), 1), Ok(d(2024, 2, 4)));
    // National Day 2024: 09-29 (Sun), 09-30, 10-08..11, 10-12 (Sat).
    let dl = publication_deadline(d(2024, 9, 27), DeadlineRule::DoublePublicity7wd).unwrap();
    assert_eq!(dl.due, d(2024, 10, 12));
    assert_eq!(dl.working_days, 7);
    assert_eq!(dl.decided_on, d(2024, 9, 27));
    // SAMR 20 working days from 2025-09-26: 09-28, 09-29, 09-30, 10-09, 10-10, 10-11,
    // 10-13..17, 10-20..24, 10-27..30.
    let dl = publication_deadline(d(2025, 9, 26), DeadlineRule::Samr20wd).unwrap();
    assert_eq!(dl.due, d(2025, 10, 30));
    assert_eq!(working_days_between(d(2025, 9, 26), d(2025, 10, 30)), Ok(20));
}

#[test]
fn deadlines_spanning_the_new_year() {
    // 2025-12-26 (Fri): 12-29, 12-30, 12-31, [2026-01-01..03 off], 01-04 (Sun, worked),
    // 01-05, 01-06, 01-07.
    let dl = publication_deadline(d(2025, 12, 26), DeadlineRule::DoublePublicity7wd).unwrap();
    assert_eq!(dl.due, d(2026, 1, 7));
    // 2018-12-25 (Tue): 12-26, 12-27, 12-28, 12-29 (Sat, worked), [12-30..2019-01-01 off],
    // 01-02, 01-03, 01-04.
    assert_eq!(add_working_days(d(2018, 12, 25), 7), Ok(d(2019, 1, 4)));
    assert_eq!(working_days_between(d(2018, 12, 25), d(2019, 1, 4)), Ok(7));
    assert_eq!(add_working_days(d(2024, 12, 27), 3), Ok(d(2025, 1, 2)));
}

#[test]
fn conventions() {
    // n = 0 returns the date itself, even a day off.
    assert_eq!(add_working_days(d(2024, 2, 12), 0), Ok(d(2024, 2, 12)));
    // (a, b]: a does not count, b does.
    assert_eq!(working_days_between(d(2024, 3, 4), d(2024, 3, 4)), Ok(0));
    assert_eq!(working_days_between(d(2024, 3, 4), d(2024, 3, 5)), Ok(1));
    assert_eq!(working_days_between(d(2024, 3, 5), d(2024, 3, 4)), Ok(-1));
    assert_eq!(working_days_between(d(2024, 3, 8), d(2024, 3, 10)), Ok(0));
}

#[test]
fn last_covered_and_first_uncovered_day() {
    assert_eq!(is_working_day(d(2026, 12, 31)), Ok(true)); // Thursday
    assert_eq!(add_working_days(d(2026, 12, 30), 1), Ok(d(2026, 12, 31)));
    let e = is_working_day(d(2027, 1, 1)).unwrap_err();
    assert_eq!(e.kind, WorkdayErrorKind::YearNotCovered);
    assert_eq!(e.year, Some(2027));
    assert_eq!(e.field, None);
    assert_eq!(e.message.zh_hans, "2027 年的节假日安排尚未收录");
    assert_eq!(e.message.zh_hant, "2027 年的節假日安排尚未收錄");
    assert_eq!(e.message.en, "the 2027 holiday calendar is not available");
    assert_eq!(e.to_string(), "the 2027 holiday calendar is not available");
    // A count that would need 2027 fails instead of guessing.
    let e = add_working_days(d(2026, 12, 30), 2).unwrap_err();
    assert_eq!((e.kind, e.year), (WorkdayErrorKind::YearNotCovered, Some(2027)));
    let e = publication_deadline(d(2026, 12, 28), DeadlineRule::DoublePublicity7wd).unwrap_err();
    assert_eq!(e.year, Some(2027));
    // The first covered day, and the day before it.
    assert_eq!(is_working_day(d(2004, 1, 1)), Ok(false)); // New Year's Day
    let e = is_working_day(d(2003, 12, 31)).unwrap_err();
    assert_eq!((e.kind, e.year), (WorkdayErrorKind::YearNotCovered, Some(2003)));
    // The start day's year must be covered too, in both directions.
    assert_eq!(working_days_between(d(2003, 12, 31), d(2004, 1, 5)).unwrap_err().year, Some(2003));
    assert_eq!(working_days_between(d(2004, 1, 5), d(2003, 12, 31)).unwrap_err().year, Some(2003));
    assert_eq!(working_days_between(d(2026, 12, 1), d(2027, 1, 5)).unwrap_err().year, Some(2027));
}

#[test]
fn extreme_dates_give_typed_errors() {
    let e = add_working_days(d(9999, 12, 31), 5).unwrap_err();
    assert_eq!((e.kind, e.year), (WorkdayErrorKind::YearNotCovered, Some(9999)));
    for date in [NaiveDate::MIN, NaiveDate::MAX] {
        assert!(is_working_day(date).is_err());
        assert!(add_working_days(date, u32::MAX).is_err());
        assert!(working_days_between(NaiveDate::MIN, NaiveDate::MAX).is_err());
        for rule in DeadlineRule::ALL {
            assert!(publication_deadline(date, rule).is_err());
        }
    }
    // A huge n stops at the first uncovered year, quickly.
    let e = add_working_days(d(2004, 1, 1), u32::MAX).unwrap_err();
    assert_eq!(e.year, Some(2027));
    // A portal year 9999: walking past its end reaches year 10000, not covered.
    let cal = Calendar::with_extra_years_json(r#"{"9999": {"holidays": ["9999-01-01"]}}"#).unwrap();
    let e = cal.add_working_days(d(9999, 12, 31), 5).unwrap_err();
    assert_eq!((e.kind, e.year), (WorkdayErrorKind::YearNotCovered, Some(10000)));
}

#[test]
fn deadline_serializes_in_camel_case() {
    let dl = publication_deadline(d(2024, 2, 9), DeadlineRule::DoublePublicity7wd).unwrap();
    let v = serde_json::to_value(&dl).unwrap();
    assert_eq!(v["decidedOn"], "2024-02-09");
    assert_eq!(v["due"], "2024-02-26");
    assert_eq!(v["rule"], "double-publicity-7wd");
    assert_eq!(v["workingDays"], 7);
    assert_eq!(v["confidence"], "C");
    assert!(v["citation"].as_str().unwrap().contains("7 个工作日"));
    assert!(v["note"]["zh-Hans"].as_str().unwrap().contains("2024-02-26"));
    assert!(v["note"]["en"].as_str().unwrap().contains("2024-02-26"));
    let v =
        serde_json::to_value(publication_deadline(d(2024, 2, 9), DeadlineRule::Samr20wd).unwrap()).unwrap();
    assert_eq!(v["rule"], "samr-20wd");
    assert_eq!(v["confidence"], "A");
    let e = serde_json::to_value(is_working_day(d(2027, 5, 1)).unwrap_err()).unwrap();
    assert_eq!(e["kind"], "year_not_covered");
    assert_eq!(e["year"], 2027);
    assert!(e.get("field").is_none());
    assert_eq!(e["message"]["en"], "the 2027 holiday calendar is not available");
}

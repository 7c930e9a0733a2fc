//! Working-day portal JSON (`Calendar::with_extra_years_json`): never panics;
//! an accepted calendar keeps every built-in year and answers for every
//! covered year; adding and counting working days agree.
#![no_main]
use chrono::{Datelike, NaiveDate};
use libfuzzer_sys::fuzz_target;
use xinyong::workdays::Calendar;

fuzz_target!(|data: &[u8]| {
    let Some((&n, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let Ok(cal) = Calendar::with_extra_years_json(text) else { return };
    let builtin = Calendar::builtin().covered_years();
    let years = cal.covered_years();
    assert!(builtin.iter().all(|y| years.contains(y)), "built-in years kept");
    // Every day of the added years (and of the year before each, which a
    // notice's New Year period may change); the built-in years are tested elsewhere.
    let mut check: Vec<i32> =
        years.iter().filter(|y| !builtin.contains(y)).flat_map(|&y| [y - 1, y]).collect();
    check.retain(|y| years.contains(y));
    check.dedup();
    for &year in &check {
        assert!(cal.covers_year(year));
        let start = NaiveDate::from_ymd_opt(year, 1, 1).expect("1 January");
        let mut working = 0u32;
        let mut day = start;
        while day.year() == year {
            if cal.is_working_day(day).expect("a covered year answers") {
                working += 1;
            }
            day = day.succ_opt().expect("next day");
        }
        assert!(working > 0 && working < 366, "{year}: {working} working days");
        // add_working_days(start, k) lands on a working day k working days later.
        let k = u32::from(n % 32) + 1;
        if let Ok(due) = cal.add_working_days(start, k) {
            assert!(cal.is_working_day(due).unwrap_or(true));
            assert_eq!(cal.working_days_between(start, due), Ok(i64::from(k)), "{year} +{k}");
        }
    }
});

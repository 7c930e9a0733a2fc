//! Every date 2004-01-01..2026-12-31: the embedded table (from PyPI chinesecalendar)
//! against the export of the independent npm package chinese-days.
#![cfg(feature = "workdays")]

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use chrono::NaiveDate;
use xinyong::workdays::{is_working_day, working_days_between};

const VECTORS: &str = include_str!("vectors/workdays-2004-2026.txt");

#[test]
fn every_date_agrees_with_chinese_days() {
    let mut dates = 0;
    let mut working = 0i64;
    let mut years = Vec::new();
    for line in VECTORS.lines().filter(|l| !l.starts_with('#') && !l.is_empty()) {
        let (year, bits) = line.split_once('\t').unwrap();
        let year: i32 = year.parse().unwrap();
        years.push(year);
        let mut day = NaiveDate::from_ymd_opt(year, 1, 1).unwrap();
        for ch in bits.chars() {
            let expected = match ch {
                'W' => true,
                'H' => false,
                other => panic!("unexpected {other:?}"),
            };
            assert_eq!(is_working_day(day), Ok(expected), "{day}");
            dates += 1;
            working += i64::from(expected);
            day = day.succ_opt().unwrap();
        }
        assert_eq!(chrono::Datelike::year(&day), year + 1, "line {year} has one char per day");
    }
    assert_eq!(years, (2004..=2026).collect::<Vec<_>>());
    assert_eq!(dates, 8401);
    // 2004-01-01 is a day off, so (2004-01-01, 2026-12-31] holds every working day.
    let first = NaiveDate::from_ymd_opt(2004, 1, 1).unwrap();
    let last = NaiveDate::from_ymd_opt(2026, 12, 31).unwrap();
    assert_eq!(working_days_between(first, last), Ok(working));
}

#[test]
fn embedded_table_is_small() {
    let tsv = include_str!("../data/holidays.tsv");
    assert!(tsv.len() < 6 * 1024, "data/holidays.tsv is {} bytes", tsv.len());
    assert!(tsv.contains("0 disagreements"), "the generator's cross-check found disagreements");
}

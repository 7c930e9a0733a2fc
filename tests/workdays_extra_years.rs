//! Portal-supplied years as JSON: accepted shapes and every validation error.
#![cfg(feature = "workdays")]

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use chrono::NaiveDate;
use xinyong::workdays::{Calendar, DeadlineRule, WorkdayErrorKind};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// A made-up 2027 in the shape of a notice (not the real 2027 notice).
const Y2027: &str = r#"{"2027": {
    "holidays": ["2027-01-01", "2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09",
                 "2027-02-10", "2027-02-11", "2027-02-12", "2027-02-13"],
    "workdays": ["2027-01-31", "2027-02-20"],
    "source": "example only"
}}"#;

#[test]
fn a_supplied_year_is_used() {
    let cal = Calendar::with_extra_years_json(Y2027).unwrap();
    assert!(cal.covers_year(2027));
    assert_eq!(cal.covered_years().len(), 24);
    assert_eq!(cal.is_working_day(d(2027, 1, 1)), Ok(false));
    assert_eq!(cal.is_working_day(d(2027, 1, 31)), Ok(true)); // Sunday, worked
    assert_eq!(cal.is_working_day(d(2027, 2, 8)), Ok(false));
    assert_eq!(cal.is_working_day(d(2027, 2, 15)), Ok(true));
    // Now a deadline over the New Year works: 12-29, 12-30, 12-31, 01-04..07.
    let dl = cal.publication_deadline(d(2026, 12, 28), DeadlineRule::DoublePublicity7wd).unwrap();
    assert_eq!(dl.due, d(2027, 1, 7));
    // 2028 is still not covered.
    assert_eq!(cal.is_working_day(d(2028, 1, 3)).unwrap_err().year, Some(2028));
    // The built-in calendar is unchanged.
    assert!(!Calendar::builtin().covers_year(2027));
}

#[test]
fn previous_december_dates_update_the_year_before() {
    // Like the 2019 notice, which made 2018-12-29 (Sat) worked and 2018-12-31 (Mon) off.
    let cal = Calendar::with_extra_years_json(
        r#"{"2027": {"holidays": ["2026-12-31", "2027-01-01"], "workdays": ["2026-12-26"]}}"#,
    )
    .unwrap();
    assert_eq!(cal.is_working_day(d(2026, 12, 31)), Ok(false));
    assert_eq!(cal.is_working_day(d(2026, 12, 26)), Ok(true));
    assert_eq!(Calendar::builtin().is_working_day(d(2026, 12, 31)), Ok(true));
    // Two years in one object; the December dates of 2029 apply to a year not covered
    // and change nothing.
    let cal = Calendar::with_extra_years_json(
        r#"{"2028": {"holidays": ["2028-01-03"]}, "2030": {"holidays": ["2029-12-31", "2030-01-01"]}}"#,
    )
    .unwrap();
    assert_eq!(cal.is_working_day(d(2028, 1, 3)), Ok(false));
    assert_eq!(cal.is_working_day(d(2029, 12, 31)).unwrap_err().year, Some(2029));
    assert_eq!(cal.is_working_day(d(2030, 1, 1)), Ok(false));
}

#[test]
fn weekend_holidays_are_accepted() {
    // A notice's holiday period includes its weekend days; listing them changes nothing.
    let cal =
        Calendar::with_extra_years_json(r#"{"2027": {"holidays": ["2027-01-01", "2027-01-02"]}}"#).unwrap();
    assert_eq!(cal.is_working_day(d(2027, 1, 2)), Ok(false));
}

fn err(json: &str) -> (WorkdayErrorKind, Option<String>) {
    let e = Calendar::with_extra_years_json(json).unwrap_err();
    assert!(!e.message.en.is_empty() && !e.message.zh_hans.is_empty() && !e.message.zh_hant.is_empty());
    (e.kind, e.field)
}

#[test]
fn validation_errors_name_the_field() {
    use WorkdayErrorKind::*;
    let f = |s: &str| Some(s.to_string());
    assert_eq!(err("{"), (InvalidJson, None));
    assert_eq!(err("[]"), (InvalidJson, None));
    assert_eq!(err(r#"{"2027": {"holidays": "2027-01-01"}}"#), (InvalidJson, None));
    assert_eq!(err(r#"{"2027": {"workdays": []}}"#), (InvalidJson, None));
    assert_eq!(err(r#"{"2027": {"holidays": ["2027-01-01"], "extra": 1}}"#), (InvalidJson, None));
    assert_eq!(err(r#"{"27": {"holidays": ["2027-01-01"]}}"#), (InvalidYear, f("27")));
    assert_eq!(err(r#"{"0000": {"holidays": ["2027-01-01"]}}"#), (InvalidYear, f("0000")));
    assert_eq!(err(r#"{" 2027": {"holidays": ["2027-01-01"]}}"#), (InvalidYear, f(" 2027")));
    assert_eq!(err(r#"{"2026": {"holidays": ["2026-01-01"]}}"#), (YearAlreadyCovered, f("2026")));
    assert_eq!(
        err(r#"{"2027": {"holidays": ["2027-01-01"]}, "2027": {"holidays": ["2027-01-01"]}}"#),
        (YearAlreadyCovered, f("2027"))
    );
    assert_eq!(err(r#"{"2027": {"holidays": []}}"#), (EmptyHolidays, f("2027.holidays")));
    assert_eq!(
        err(r#"{"2027": {"holidays": ["2027-01-01", "2027-02-30"]}}"#),
        (InvalidDate, f("2027.holidays[1]"))
    );
    assert_eq!(err(r#"{"2027": {"holidays": ["2027-1-1"]}}"#), (InvalidDate, f("2027.holidays[0]")));
    assert_eq!(err(r#"{"2027": {"holidays": ["2028-01-01"]}}"#), (DateOutsideYear, f("2027.holidays[0]")));
    assert_eq!(err(r#"{"2027": {"holidays": ["2026-11-30"]}}"#), (DateOutsideYear, f("2027.holidays[0]")));
    assert_eq!(
        err(r#"{"2027": {"holidays": ["2027-01-01", "2027-01-01"]}}"#),
        (DuplicateDate, f("2027.holidays[1]"))
    );
    assert_eq!(
        err(r#"{"2027": {"holidays": ["2027-01-01"], "workdays": ["2027-02-06", "2027-02-06"]}}"#),
        (DuplicateDate, f("2027.workdays[1]"))
    );
    assert_eq!(
        err(r#"{"2027": {"holidays": ["2027-02-06"], "workdays": ["2027-02-06"]}}"#),
        (ConflictingDate, f("2027.workdays[0]"))
    );
    assert_eq!(
        err(r#"{"2027": {"holidays": ["2027-01-01"], "workdays": ["2027-02-08"]}}"#),
        (NotAWeekend, f("2027.workdays[0]"))
    );
}

#[test]
fn error_messages_are_readable() {
    let e = Calendar::with_extra_years_json(
        r#"{"2027": {"holidays": ["2027-01-01"], "workdays": ["2027-02-08"]}}"#,
    )
    .unwrap_err();
    assert_eq!(
        e.message.en,
        "a make-up working day must be a Saturday or Sunday: 2027.workdays[0], 2027-02-08"
    );
    assert_eq!(e.message.zh_hans, "调休上班日应为星期六或星期日：2027.workdays[0]，2027-02-08");
    assert_eq!(e.year, Some(2027));
    let v = serde_json::to_value(&e).unwrap();
    assert_eq!(v["kind"], "not_a_weekend");
    assert_eq!(v["field"], "2027.workdays[0]");
    let e = Calendar::with_extra_years_json("{").unwrap_err();
    assert!(e.message.en.starts_with("invalid JSON: "), "{}", e.message.en);
}

/// The hand-written vectors of `tests/vectors/holiday-years.json`, added one
/// after another to the process-wide calendar (as `addHolidayYears` and
/// `--calendar` do): ok cases add their years and give the stated working days
/// and deadlines; error cases name the kind and field and add nothing. (The only
/// test here that touches the process-wide calendar.)
#[test]
fn holiday_year_vectors_process_wide() {
    use xinyong::workdays::{
        add_holiday_years, covered_years, is_working_day, parse_date, publication_deadline,
    };
    let vectors: serde_json::Value =
        serde_json::from_str(include_str!("vectors/holiday-years.json")).unwrap();
    let cases = vectors["cases"].as_array().unwrap();
    assert!(cases.len() >= 14);
    for case in cases {
        let name = case["name"].as_str().unwrap();
        assert!(!case["source"].as_str().unwrap().is_empty(), "{name}: cite a source");
        let json = match &case["calendar"] {
            serde_json::Value::String(text) => text.clone(),
            other => other.to_string(),
        };
        let before = covered_years();
        if let Some(error) = case.get("error") {
            let e = add_holiday_years(&json).unwrap_err();
            assert_eq!(e.kind.as_str(), error["kind"].as_str().unwrap(), "{name}");
            assert_eq!(e.field.as_deref(), error["field"].as_str(), "{name}");
            // The same validation as a separate calendar value.
            assert_eq!(Calendar::with_extra_years_json(&json).unwrap_err().kind, e.kind, "{name}");
            assert_eq!(covered_years(), before, "{name}: nothing half-applied");
            if let Some(day) = case["stillNotCovered"].as_str() {
                let e = is_working_day(parse_date(day, "day").unwrap()).unwrap_err();
                assert_eq!(e.kind, WorkdayErrorKind::YearNotCovered, "{name}");
            }
            continue;
        }
        let added = add_holiday_years(&json).unwrap_or_else(|e| panic!("{name}: {e}"));
        let expected: Vec<i32> =
            case["added"].as_array().unwrap().iter().map(|y| y.as_i64().unwrap() as i32).collect();
        assert_eq!(added, expected, "{name}");
        for (day, working) in case["working"].as_object().unwrap() {
            let date = parse_date(day, "day").unwrap();
            assert_eq!(is_working_day(date), Ok(working.as_bool().unwrap()), "{name}: {day}");
        }
        for dl in case["deadlines"].as_array().unwrap() {
            let decided = parse_date(dl["decidedOn"].as_str().unwrap(), "decidedOn").unwrap();
            let rule = DeadlineRule::from_id(dl["rule"].as_str().unwrap()).unwrap();
            let due = publication_deadline(decided, rule).unwrap().due;
            assert_eq!(due.to_string(), dl["due"].as_str().unwrap(), "{name}: {}", dl["why"]);
        }
    }
    // Repair answers use the added years: 22号 feedback 10 working days after
    // 2026-12-24 is 2027-01-08 (12-25, 12-28..31, 01-01..03 off, 01-04..08).
    #[cfg(feature = "repair")]
    {
        use xinyong::repair::{parse_case_json, repair_eligibility};
        let case = parse_case_json(
            r#"{"asOf":"2026-11-30","appliedOn":"2026-12-24","record":{"kind":"administrative_penalty",
            "track":"ndrc","severity":"general","publishedOn":"2026-05-10"}}"#,
        )
        .unwrap();
        let a = repair_eligibility(&case).unwrap();
        assert_eq!(a.procedure_deadlines[0].due.map(|d| d.to_string()).as_deref(), Some("2027-01-08"));
    }
    // Adding a year again is refused like a built-in one.
    let e = add_holiday_years(r#"{"2027": {"holidays": ["2027-01-01"]}}"#).unwrap_err();
    assert_eq!(e.kind, WorkdayErrorKind::YearAlreadyCovered);
}

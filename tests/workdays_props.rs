//! Property tests over the built-in calendar (not built for wasm32).
#![cfg(all(feature = "workdays", not(target_arch = "wasm32")))]

use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use xinyong::workdays::{add_working_days, is_working_day, working_days_between, WorkdayErrorKind};

fn covered_date() -> impl Strategy<Value = NaiveDate> {
    let first = NaiveDate::from_ymd_opt(2004, 1, 1).unwrap();
    (0u64..8401).prop_map(move |i| first.checked_add_days(Days::new(i)).unwrap())
}

proptest! {
    #[test]
    fn added_days_are_working_days_and_round_trip(d in covered_date(), n in 0u32..400) {
        match add_working_days(d, n) {
            Ok(end) => {
                if n > 0 {
                    prop_assert!(end > d);
                    prop_assert_eq!(is_working_day(end), Ok(true));
                } else {
                    prop_assert_eq!(end, d);
                }
                prop_assert_eq!(working_days_between(d, end), Ok(i64::from(n)));
                prop_assert_eq!(working_days_between(end, d), Ok(-i64::from(n)));
            }
            Err(e) => {
                prop_assert_eq!(e.kind, WorkdayErrorKind::YearNotCovered);
                prop_assert_eq!(e.year, Some(2027));
            }
        }
    }

    #[test]
    fn monotonic_in_n(d in covered_date(), n in 0u32..300) {
        if let (Ok(a), Ok(b)) = (add_working_days(d, n), add_working_days(d, n + 1)) {
            prop_assert!(a < b);
            // Nothing between a and b is a working day.
            prop_assert_eq!(working_days_between(a, b), Ok(1));
        }
    }

    #[test]
    fn between_is_additive(a in covered_date(), b in covered_date(), c in covered_date()) {
        let ab = working_days_between(a, b).unwrap();
        let bc = working_days_between(b, c).unwrap();
        prop_assert_eq!(working_days_between(a, c), Ok(ab + bc));
    }

    #[test]
    fn any_date_gives_an_answer_or_a_typed_error(days in -5_000_000i64..5_000_000, n in any::<u32>()) {
        let base = NaiveDate::from_ymd_opt(2015, 6, 15).unwrap();
        let d = if days >= 0 {
            base.checked_add_days(Days::new(days.unsigned_abs()))
        } else {
            base.checked_sub_days(Days::new(days.unsigned_abs()))
        };
        if let Some(d) = d {
            let covered = (2004..=2026).contains(&chrono::Datelike::year(&d));
            prop_assert_eq!(is_working_day(d).is_ok(), covered);
            let _ = add_working_days(d, n);
        }
    }
}

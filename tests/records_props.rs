//! Property tests of the 双公示 record checks: date parsing in every accepted
//! form, Excel serial numbers, masking of ID numbers (not built for wasm32).
#![cfg(all(feature = "records", not(target_arch = "wasm32")))]

use chrono::{Datelike, Days, NaiveDate};
use proptest::prelude::*;
use xinyong::records::dates::{excel_serial_date, parse_date, DateForm};
use xinyong::records::{validate_record, Mask, Options};

fn date() -> impl Strategy<Value = NaiveDate> {
    let first = NaiveDate::from_ymd_opt(1000, 1, 1).unwrap();
    (0u64..3_287_181).prop_map(move |i| first.checked_add_days(Days::new(i)).unwrap())
}

fn check_char(first17: &str) -> char {
    const W: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = first17.bytes().zip(W).map(|(b, w)| u32::from(b - b'0') * w).sum();
    b"10X98765432"[(sum % 11) as usize] as char
}

proptest! {
    #[test]
    fn every_written_form_parses_to_the_same_day(d in date(), time in prop::option::of((0u32..24, 0u32..60))) {
        let suffix = time.map(|(h, m)| format!(" {h}:{m:02}")).unwrap_or_default();
        let (y, m, dd) = (d.year(), d.month(), d.day());
        prop_assert_eq!(parse_date(&format!("{y:04}-{m:02}-{dd:02}{suffix}")), Some((d, DateForm::Iso)));
        for text in [
            format!("{y}/{m}/{dd}{suffix}"),
            format!("{y}.{m}.{dd}"),
            format!("{y}年{m}月{dd}日{suffix}"),
            format!("{y:04}{m:02}{dd:02}"),
            format!(" {y}/{m:02}/{dd:02}T08:00:00 "),
        ] {
            prop_assert_eq!(parse_date(&text), Some((d, DateForm::Other)), "{}", text);
        }
        // Unpadded with hyphens: ISO exactly when month and day have two digits.
        let form = if m >= 10 && dd >= 10 { DateForm::Iso } else { DateForm::Other };
        prop_assert_eq!(parse_date(&format!("{y}-{m}-{dd}")), Some((d, form)));
    }

    #[test]
    fn excel_serials_count_days_from_1899_12_30_after_february_1900(d in date(), fraction in 0u32..1000) {
        let epoch = NaiveDate::from_ymd_opt(1899, 12, 30).unwrap();
        let march_1900 = NaiveDate::from_ymd_opt(1900, 3, 1).unwrap();
        prop_assume!(d >= march_1900);
        let serial = u32::try_from(d.signed_duration_since(epoch).num_days()).unwrap();
        prop_assert_eq!(excel_serial_date(serial), Some(d));
        let text = if fraction == 0 { serial.to_string() } else { format!("{serial}.{fraction}") };
        let expected = if serial.to_string().len() == 8 { None } else { Some((d, DateForm::ExcelSerial)) };
        prop_assert_eq!(parse_date(&text), expected);
    }

    #[test]
    fn parse_date_never_panics_and_only_gives_real_days(s in "\\PC{0,24}") {
        if let Some((d, _)) = parse_date(&s) {
            prop_assert!(d.year() >= 1 && d.year() <= 9999);
        }
    }

    #[test]
    fn id_numbers_are_masked_in_fields_and_absent_from_messages(
        body in "[0-9]{17}",
        keep in (0usize..10, 0usize..10),
        lower in any::<bool>(),
        reveal in any::<bool>(),
    ) {
        let c = check_char(&body);
        let raw = format!("{body}{}", if lower { c.to_ascii_lowercase() } else { c });
        let record: Vec<(String, String)> = [
            ("CF_XDR_MC", "李四"), ("CF_XDR_LB", "自然人"), ("CF_XDR_ZJLX", "身份证"),
            ("CF_XDR_ZJHM", raw.as_str()), ("CF_JDRQ", "2026-01-05"),
        ].iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        let mut options = Options::new(NaiveDate::from_ymd_opt(2026, 1, 20).unwrap());
        options.mask = Mask { keep_first: keep.0, keep_last: keep.1 };
        options.reveal_ids = reveal;
        let report = validate_record(&record, &options).unwrap();
        let shown = &report.fields[3].1;
        if reveal {
            prop_assert_eq!(shown, &raw);
        } else {
            let upper = raw.to_ascii_uppercase();
            prop_assert_eq!(shown.chars().count(), 18);
            let kept = if keep.0 + keep.1 >= 18 { 0 } else { keep.0 + keep.1 };
            prop_assert_eq!(shown.chars().filter(|&ch| ch == '*').count(), 18 - kept);
            for (i, (s, u)) in shown.chars().zip(upper.chars()).enumerate() {
                prop_assert!(s == '*' || (s == u && (i < keep.0 || i >= 18 - keep.1)), "{} at {}", shown, i);
            }
        }
        let messages = serde_json::to_string(&report.findings).unwrap().to_ascii_uppercase();
        prop_assert!(!messages.contains(&raw.to_ascii_uppercase()));
        prop_assert!(!messages.contains(&body[6..14]), "birth date digits in {}", messages);
    }
}

//! 双公示 records: a tab-separated table (first line the header), optionally
//! preceded by a schema JSON and a NUL byte, checked on a day taken from the
//! input. Never panics; headers that fit no record kind give an error with
//! a message in three languages; otherwise every row gets a report whose
//! `valid` is "no error finding", whose findings have messages in three
//! languages and 1-based positions, whose publication status agrees with its
//! due date, and whose messages never contain a masked ID number; the summary
//! adds up; reports serialize.
#![no_main]
use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use xinyong::records::{parse_schema, Checker, Options, PublicationStatus, Severity};

/// `as_of` from two bytes: days after 2000-01-01 (up to about 2179).
fn as_of_from(b: [u8; 2]) -> NaiveDate {
    let base = NaiveDate::from_ymd_opt(2000, 1, 1).expect("2000-01-01");
    base + chrono::Days::new(u64::from(u16::from_le_bytes(b)))
}

fn three(t: &xinyong::Text) -> bool {
    !t.zh_hans.is_empty() && !t.zh_hant.is_empty() && !t.en.is_empty()
}

fuzz_target!(|data: &[u8]| {
    let Some((day, rest)) = data.split_first_chunk::<2>() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let mut options = Options::new(as_of_from(*day));
    let table = match text.split_once('\0') {
        Some((schema, table)) => {
            match parse_schema(schema) {
                Ok(s) => options.schema = Some(s),
                Err(e) => {
                    assert!(three(&e.message), "{e:?}");
                    serde_json::to_string(&e).expect("an error serializes");
                }
            }
            table
        }
        None => text,
    };
    options.mask.keep_first = usize::from(day[0] % 8);
    options.mask.keep_last = usize::from(day[1] % 8);
    let mut lines = table.split('\n');
    let header: Vec<String> = lines.next().unwrap_or_default().split('\t').map(str::to_string).collect();
    let mut checker = match Checker::new(&header, options.clone()) {
        Ok(c) => c,
        Err(e) => {
            assert!(three(&e.message), "{e:?}");
            return;
        }
    };
    let (mut errors, mut warnings, mut valid) = (0u64, 0u64, 0u64);
    let mut rows = 0u64;
    for line in lines.take(200) {
        let row: Vec<String> = line.split('\t').map(str::to_string).collect();
        let report = checker.check_row(&row);
        rows += 1;
        assert_eq!(report.fields.len(), header.len());
        let has_error = report.findings.iter().any(|f| f.severity == Severity::Error);
        assert_eq!(report.valid, !has_error);
        valid += u64::from(report.valid);
        for f in &report.findings {
            assert!(three(&f.message), "{f:?}");
            assert!(f.position.is_none_or(|p| p >= 1), "{f:?}");
            match f.severity {
                Severity::Error => errors += 1,
                Severity::Warning => warnings += 1,
            }
        }
        if let Some(p) = &report.publication {
            match (p.status, p.due) {
                (PublicationStatus::Due, Some(due)) => assert!(options.as_of <= due, "{p:?}"),
                (PublicationStatus::Overdue, Some(due)) => assert!(options.as_of > due, "{p:?}"),
                (PublicationStatus::Uncovered, _) => assert!(p.working_days_late.is_none()),
                _ => panic!("status without a due date: {p:?}"),
            }
        }
        // A masked value's raw text (15 or more characters) is in no message.
        let messages = serde_json::to_string(&report.findings).expect("findings serialize");
        for ((_, shown), raw) in report.fields.iter().zip(&row) {
            // (Headers are shown in messages: a value that is also a header is skipped.)
            let in_header = header.iter().any(|h| h.contains(raw.trim()));
            if shown != raw && shown.contains('*') && raw.trim().chars().count() >= 15 && !in_header {
                assert!(!messages.contains(raw.trim()), "{raw} in {messages}");
            }
        }
        serde_json::to_string(&report).expect("a report serializes");
    }
    let s = checker.summary();
    assert_eq!((s.rows, s.valid, s.invalid), (rows, valid, rows - valid));
    assert_eq!((s.errors, s.warnings), (errors, warnings));
    assert_eq!(s.by_kind.values().sum::<u64>(), errors + warnings);
    assert!(s.due + s.overdue + s.uncovered <= rows);
});

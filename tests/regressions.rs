//! Inputs the fuzz targets once failed on (`tests/vectors/fuzz-regressions.txt`),
//! checked with the same invariants as the targets, natively.
#![cfg(not(target_arch = "wasm32"))]

use xinyong::{orgcode, regno, suggest, uscc, EditKind, ValidateOptions, Validation};

fn hex(s: &str) -> Vec<u8> {
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap()).collect()
}

/// The fuzz targets' option byte.
fn options_from(byte: u8) -> ValidateOptions {
    let max = usize::from(byte >> 2);
    ValidateOptions {
        accept_pilot_codes: byte & 1 != 0,
        suggestions: byte & 2 != 0,
        max_suggestions: if max == 63 { usize::MAX } else { max },
    }
}

fn check(v: &Validation, valid: bool, is_code: fn(&str) -> bool) {
    assert_eq!(v.valid, v.errors.is_empty());
    assert_eq!(v.valid, valid);
    let len = v.normalized.chars().count();
    for s in &v.suggestions {
        assert!(is_code(&s.code), "{s:?}");
        let max = if s.edit == EditKind::Deletion { len } else { s.code.chars().count() };
        assert!(s.positions.iter().all(|&p| (1..=max).contains(&p)), "{s:?}");
    }
}

#[test]
fn fuzz_regressions() {
    let text = std::fs::read_to_string("tests/vectors/fuzz-regressions.txt").unwrap();
    let rows: Vec<_> =
        text.lines().filter(|l| !l.starts_with('#')).skip(1).filter(|l| !l.is_empty()).collect();
    assert!(!rows.is_empty());
    for row in rows {
        let mut cols = row.split('\t');
        let (target, data) = (cols.next().unwrap(), hex(cols.next().unwrap()));
        let (options, rest) = match data.split_first() {
            Some((&b, rest)) => (options_from(b), rest),
            None => (ValidateOptions::default(), &data[..]),
        };
        let input = String::from_utf8_lossy(rest);
        let whole = String::from_utf8_lossy(&data);
        match target {
            "uscc_validate" => {
                check(&uscc::validate_with(&input, &options), uscc::is_valid(&input), uscc::is_valid)
            }
            "orgcode" => {
                check(&orgcode::validate_with(&input, &options), orgcode::is_valid(&input), orgcode::is_valid)
            }
            "regno" => {
                check(&regno::validate_with(&input, &options), regno::is_valid(&input), regno::is_valid)
            }
            "suggest" => assert!(suggest::suggest_uscc(&whole).iter().all(|s| uscc::is_valid(&s.code))),
            "divisions" => assert_eq!(
                xinyong::divisions::division(&whole).status,
                xinyong::divisions::division_status(&whole)
            ),
            #[cfg(feature = "repair")]
            "repair_case" => {
                if let Ok(case) = xinyong::repair::parse_case_json(&whole) {
                    let _ = xinyong::repair::repair_eligibility(&case);
                }
            }
            #[cfg(feature = "repair")]
            "repair_ruleset" => {
                let _ = xinyong::repair::parse_rule_set_json(&whole);
            }
            #[cfg(feature = "workdays")]
            "workdays_json" => {
                let _ = xinyong::workdays::Calendar::with_extra_years_json(&String::from_utf8_lossy(rest));
            }
            #[cfg(feature = "status")]
            "status_entity" => {
                // As fuzz/fuzz_targets/status_entity.rs reads it: a signed 24-bit little-endian
                // day offset from 2000-01-01, then the entity JSON.
                let (day, json) = data.split_at(3.min(data.len()));
                let mut offset = [0u8; 4];
                offset[..day.len()].copy_from_slice(day);
                let days = (i32::from_le_bytes(offset) << 8) >> 8;
                let as_of = chrono::NaiveDate::from_ymd_opt(2000, 1, 1).unwrap()
                    + chrono::Duration::days(i64::from(days));
                if let Ok(entity) = xinyong::status::parse_entity_json(&String::from_utf8_lossy(json)) {
                    let _ = xinyong::status::resolve_status(&entity, as_of);
                }
            }
            other => panic!("unknown target {other}"),
        }
    }
}

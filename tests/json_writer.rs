//! `xinyong::json` (the serializer the WASM boundary uses) must
//! write exactly what `serde_json` writes from the `Serialize` derives: same
//! fields, order, skipped `None`s and escapes. Checked on every vector, every
//! division code in data/divisions.tsv, and generated hostile strings (native
//! only: proptest does not build for wasm32).
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use xinyong::json::{to_string, ToJson};
use xinyong::{orgcode, regno, uscc, ValidateOptions};

fn same<T: ToJson + serde::Serialize + ?Sized>(value: &T) {
    let ours = to_string(value);
    let serde = serde_json::to_string(value).expect("serializes");
    assert_eq!(ours, serde);
}

fn first_column(text: &str) -> Vec<&str> {
    text.lines().filter(|l| !l.starts_with('#')).skip(1).filter_map(|l| l.split('\t').next()).collect()
}

fn all_inputs() -> Vec<String> {
    let mut inputs: Vec<String> = [
        include_str!("vectors/uscc-valid.tsv"),
        include_str!("vectors/uscc-invalid.tsv"),
        include_str!("vectors/orgcode.tsv"),
        include_str!("vectors/regno15.tsv"),
    ]
    .iter()
    .flat_map(|t| first_column(t))
    .map(str::to_owned)
    .collect();
    inputs.extend(
        [
            "",
            "９１３５０１００Ｍ０００１００Ｙ４Ａ",
            "9135 0100-m000100y43\u{200b}",
            "9.16201E+17",
            "916201000000000000",
            "\"\\\u{1}\u{1f}\n\r\t\u{8}\u{c}\u{7f}\u{2028}",
            "91350211M0000XUF46",
            "110101199003074477",
        ]
        .map(str::to_owned),
    );
    inputs
}

#[test]
fn validations_match_serde_on_every_vector() {
    let options = [
        ValidateOptions::default(),
        ValidateOptions { accept_pilot_codes: true, ..Default::default() },
        ValidateOptions { suggestions: false, ..Default::default() },
    ];
    for input in all_inputs() {
        for o in &options {
            same(&uscc::validate_with(&input, o));
            same(&orgcode::validate_with(&input, o));
            same(&regno::validate_with(&input, o));
        }
        same(&xinyong::suggest::suggest_uscc(&input));
        same(&xinyong::normalize::normalize(&input));
    }
    let all: Vec<_> = all_inputs().iter().map(|i| uscc::validate(i)).collect();
    same(&all);
}

#[test]
fn divisions_match_serde_for_every_code() {
    let tsv = include_str!("../data/divisions.tsv");
    let mut checked = 0;
    for code in first_column(tsv) {
        same(&xinyong::divisions::division(code));
        checked += 1;
    }
    assert!(checked > 6_000, "{checked}");
    for code in ["", "12345", "999999", "100000", "330201", "45110", " 451102 "] {
        same(&xinyong::divisions::division(code));
    }
}

proptest! {
    #[test]
    fn arbitrary_strings_match_serde(s in "\\PC{0,24}|[\\x00-\\x7f]{0,24}") {
        same(&uscc::validate(&s));
        same(&xinyong::normalize::normalize(&s));
        same(s.as_str());
    }

    #[test]
    fn numbers_match_serde(n in any::<u64>(), m in any::<u16>()) {
        same(&(n as usize));
        same(&m);
    }
}

proptest! {
    /// Strings with escapes at every offset of the eight-byte fast path.
    #[test]
    fn escapes_anywhere_match_serde(prefix in "[a-z中]{0,17}", special in "[\\x00-\\x1f\"\\\\]", suffix in "[a-z文]{0,17}") {
        same(format!("{prefix}{special}{suffix}").as_str());
    }
}

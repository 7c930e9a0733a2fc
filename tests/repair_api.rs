//! API-level tests: built-in tables, custom rule-set validation, error and
//! answer shapes, hostile input.
#![cfg(feature = "repair")]

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use chrono::NaiveDate;
use serde_json::{json, Value};
use xinyong::repair::*;

fn eval(v: Value) -> Result<RepairAnswer, RepairError> {
    parse_case_json(&v.to_string()).and_then(|c| repair_eligibility(&c))
}

fn err(v: Value) -> (String, String) {
    let e = eval(v).expect_err("expected an error");
    (e.kind.as_str().to_string(), e.field)
}

#[test]
fn builtins_load_validate_and_carry_only_a_and_b() {
    let all = builtin_rule_sets().unwrap();
    assert_eq!(all.len(), 6);
    for (rs, id) in all.iter().zip(BuiltinRuleSet::ALL) {
        assert_eq!(rs.id, id.id());
        assert!(!rs.citation.is_empty());
        for row in &rs.rows {
            assert!(row.confidence != Confidence::C, "{}/{}", rs.id, row.id);
            assert!(!row.citation.is_empty());
        }
        // serde derive and the path-aware reader agree.
        let text = serde_json::to_string(rs).unwrap();
        let derived: RuleSet = serde_json::from_str(&text).unwrap();
        assert_eq!(&derived, rs);
        // The same JSON is accepted as a custom set once renamed.
        let mut v: Value = serde_json::from_str(&text).unwrap();
        v["id"] = json!(format!("custom-{}", rs.id));
        assert!(parse_rule_set_json(&v.to_string()).is_ok());
    }
}

/// The build embeds the tables without whitespace (build/rulesets.rs): the
/// loaded sets are still exactly what the source files say.
#[test]
fn builtins_are_the_source_files() {
    let sources = [
        (BuiltinRuleSet::Ndrc2019, include_str!("../src/repair/rulesets/ndrc-2019.json")),
        (BuiltinRuleSet::Ndrc2023, include_str!("../src/repair/rulesets/ndrc-2023.json")),
        (BuiltinRuleSet::Ndrc2026, include_str!("../src/repair/rulesets/ndrc-2026.json")),
        (BuiltinRuleSet::Samr2021, include_str!("../src/repair/rulesets/samr-2021.json")),
        (BuiltinRuleSet::Samr2025, include_str!("../src/repair/rulesets/samr-2025.json")),
        (BuiltinRuleSet::Spc2017, include_str!("../src/repair/rulesets/spc-2017.json")),
    ];
    assert_eq!(sources.len(), BuiltinRuleSet::ALL.len());
    for (id, text) in sources {
        let source: RuleSet = serde_json::from_str(text).unwrap();
        assert_eq!(builtin_rule_set(id).unwrap(), &source, "{}", id.id());
    }
}

#[test]
fn effective_ranges_do_not_overlap_within_a_track() {
    let all = builtin_rule_sets().unwrap();
    for a in all {
        for b in all {
            if a.id != b.id && a.track == b.track {
                let a_until = a.effective_until.unwrap_or(NaiveDate::MAX);
                assert!(
                    a_until < b.effective_from
                        || b.effective_until.unwrap_or(NaiveDate::MAX) < a.effective_from
                );
            }
        }
    }
}

#[test]
fn builtin_id_is_refused_for_custom_sets() {
    let text = serde_json::to_string(builtin_rule_set(BuiltinRuleSet::Spc2017).unwrap()).unwrap();
    let e = parse_rule_set_json(&text).unwrap_err();
    assert_eq!((e.kind, e.field.as_str()), (RepairErrorKind::InvalidRuleSet, "id"));
}

fn custom_set() -> Value {
    json!({"id": "city-x", "track": "ndrc", "citation": "portal rule", "effectiveFrom": "2026-04-01",
           "rows": [{"id": "general", "kinds": ["administrative_penalty"], "anchor": "publication",
                     "earliest": {"after": {"months": 1}}, "publication": {"fixed": {"months": 6}},
                     "citation": "local", "confidence": "C"}]})
}

fn ndrc_case() -> Value {
    json!({"asOf": "2026-11-26", "record": {"kind": "administrative_penalty", "track": "ndrc",
           "severity": "general", "publishedOn": "2026-05-10", "obligationsPerformed": true,
           "corrected": true, "commitmentSigned": true}})
}

#[test]
fn custom_set_wins_a_tie_in_auto_and_may_carry_c_rows() {
    let mut c = ndrc_case();
    c["customRuleSets"] = json!([custom_set()]);
    let a = eval(c).unwrap();
    assert_eq!(a.rule_set, "city-x");
    assert_eq!(a.rules[0].confidence, Confidence::C);
    // 2026-05-10 + 1 month -> 2026-06-10, from 2026-06-11; + 6 months -> 2026-11-10: already over.
    assert_eq!(a.earliest_apply_date, NaiveDate::from_ymd_opt(2026, 6, 11));
    assert_eq!(a.publication_ends, NaiveDate::from_ymd_opt(2026, 11, 10));
    assert_eq!(a.unmet[0].kind, UnmetKind::PublicationEnded);
}

#[test]
fn custom_set_errors_name_the_path() {
    let mut set = custom_set();
    set["rows"][0]["colour"] = json!("red");
    let mut c = ndrc_case();
    c["customRuleSets"] = json!([set]);
    assert_eq!(err(c), ("invalid_value".into(), "customRuleSets[0].rows[0].colour".into()));

    let mut set = custom_set();
    set["rows"][0]["confidence"] = json!("D");
    let mut c = ndrc_case();
    c["customRuleSets"] = json!([set]);
    assert_eq!(err(c), ("invalid_value".into(), "customRuleSets[0].rows[0].confidence".into()));

    let mut c = ndrc_case();
    c["customRuleSets"] = json!([custom_set(), custom_set()]);
    assert_eq!(err(c), ("invalid_rule_set".into(), "customRuleSets[1].id".into()));

    let mut set = custom_set();
    set["rows"][0]["kinds"] = json!(["dishonest_judgment_debtor"]);
    let e = parse_rule_set_json(&set.to_string()).unwrap_err();
    assert_eq!(e.field, "rows[0].kinds[0]");

    let mut set = custom_set();
    set["effectiveUntil"] = json!("2026-01-01");
    assert_eq!(parse_rule_set_json(&set.to_string()).unwrap_err().field, "effectiveUntil");

    let mut set = custom_set();
    set["rows"][0]["earliest"] = json!({"after": {"months": 4294967295u32}});
    assert_eq!(parse_rule_set_json(&set.to_string()).unwrap_err().field, "rows[0].earliest");

    let mut set = custom_set();
    set["rows"][0]["earliest"] = json!({"after": {"months": 1, "weeks": 2}});
    assert_eq!(parse_rule_set_json(&set.to_string()).unwrap_err().field, "rows[0].earliest");

    let mut set = custom_set();
    set.as_object_mut().unwrap().remove("rows");
    assert_eq!(parse_rule_set_json(&set.to_string()).unwrap_err().kind, RepairErrorKind::MissingField);
}

#[test]
fn selector_rejects_malformed_ids() {
    let mut c = ndrc_case();
    c["ruleSet"] = json!("NDRC 2026!");
    assert_eq!(err(c), ("invalid_value".into(), "ruleSet".into()));
}

#[test]
fn shapes_are_camel_case_and_localized() {
    let a = serde_json::to_value(eval(ndrc_case()).unwrap()).unwrap();
    for key in [
        "eligible",
        "determined",
        "earliestApplyDate",
        "publicationEnds",
        "neverEarly",
        "ruleSet",
        "rules",
        "unmet",
    ] {
        assert!(a.get(key).is_some(), "missing {key}");
    }
    assert_eq!(a["rules"][0]["id"], "ndrc-2026/penalty-general");
    let e = serde_json::to_value(eval(json!({"asOf": "2026-13-01", "record": {}})).unwrap_err()).unwrap();
    assert_eq!(e["kind"], "invalid_date");
    assert_eq!(e["field"], "asOf");
    for lang in ["zh-Hans", "zh-Hant", "en"] {
        assert!(e["message"][lang].as_str().unwrap().contains("asOf"));
    }
}

#[test]
fn unmet_conditions_carry_field_status_and_citation() {
    let mut c = ndrc_case();
    c["record"]["corrected"] = json!(false);
    c["record"].as_object_mut().unwrap().remove("commitmentSigned");
    let a = eval(c).unwrap();
    let kinds: Vec<_> = a.unmet.iter().map(|u| (u.kind, u.status, u.field.clone())).collect();
    assert_eq!(
        kinds,
        vec![
            (UnmetKind::Corrected, Some(ConditionStatus::NotMet), Some("record.corrected".into())),
            (
                UnmetKind::CommitmentSigned,
                Some(ConditionStatus::NotStated),
                Some("record.commitmentSigned".into())
            ),
        ]
    );
    assert!(a.unmet.iter().all(|u| u.citation.as_deref().is_some_and(|c| c.contains("第36号"))));
}

#[test]
fn hostile_input_is_a_typed_error() {
    let deep = "[".repeat(100_000);
    assert_eq!(parse_case_json(&deep).unwrap_err().kind, RepairErrorKind::InvalidJson);
    let deep_obj = format!("{{\"asOf\":\"2026-01-01\",\"record\":{}}}", "{\"a\":".repeat(50_000));
    assert_eq!(parse_case_json(&deep_obj).unwrap_err().kind, RepairErrorKind::InvalidJson);
    assert_eq!(parse_case_json("").unwrap_err().kind, RepairErrorKind::InvalidJson);
    assert_eq!(parse_case_json("1e400").unwrap_err().kind, RepairErrorKind::InvalidJson);
    for bad in
        ["+2026-01-01", "2026-01-01T00:00", "２０２６-01-01", "2026-00-10", "99999-01-01", "-001-01-01"]
    {
        let e = eval(json!({"asOf": bad, "record": {}})).unwrap_err();
        assert_eq!((e.kind, e.field.as_str()), (RepairErrorKind::InvalidDate, "asOf"), "{bad}");
    }
    let e = eval(json!({"asOf": 20260101, "record": {}})).unwrap_err();
    assert_eq!(e.kind, RepairErrorKind::InvalidDate);
    let mut c = ndrc_case();
    c["record"]["fineAmountYuan"] = json!(-1);
    assert_eq!(err(c), ("invalid_value".into(), "record.fineAmountYuan".into()));
    let mut c = ndrc_case();
    c["params"] = json!({"falseMaterialsBanYears": 1_000_000});
    assert_eq!(err(c), ("invalid_value".into(), "params.falseMaterialsBanYears".into()));
    let e = eval(json!({"asOf": "2026-01-01"})).unwrap_err();
    assert_eq!((e.kind, e.field.as_str()), (RepairErrorKind::MissingField, "record"));
    let e = eval(json!({"asOf": "2026-01-01", "record": []})).unwrap_err();
    assert_eq!((e.kind, e.field.as_str()), (RepairErrorKind::InvalidValue, "record"));
}

#[test]
fn cases_built_in_rust_are_validated_too() {
    let mut case = parse_case_json(&ndrc_case().to_string()).unwrap();
    case.as_of = NaiveDate::from_ymd_opt(0, 1, 1).unwrap();
    assert_eq!(repair_eligibility(&case).unwrap_err().kind, RepairErrorKind::InvalidDate);
    case.as_of = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    case.record.published_on = NaiveDate::from_ymd_opt(200_000, 1, 1);
    assert_eq!(repair_eligibility(&case).unwrap_err().field, "record.publishedOn");
    case.record.published_on = NaiveDate::from_ymd_opt(2026, 5, 10);
    case.record.fine_amount_yuan = Some(f64::NAN);
    assert_eq!(repair_eligibility(&case).unwrap_err().field, "record.fineAmountYuan");
}

#[test]
fn publication_on_9999_without_arithmetic_is_fine_but_arithmetic_is_checked() {
    // SAMR warning: nothing to compute, so a far date is accepted.
    let a = eval(json!({"asOf": "9999-12-31", "record": {"kind": "administrative_penalty", "track": "samr",
        "measures": ["warning"], "publishedOn": "9999-12-31"}}))
    .unwrap();
    assert_eq!(a.unmet[0].kind, UnmetKind::RepairNotNeeded);
    let e = eval(json!({"asOf": "9999-12-31", "record": {"kind": "serious_violation_list", "track": "samr",
        "listedOn": "9999-01-01"}}))
    .unwrap_err();
    assert_eq!((e.kind, e.field.as_str()), (RepairErrorKind::DateOutOfRange, "record.listedOn"));
}

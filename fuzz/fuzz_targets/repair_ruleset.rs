//! Custom rule-set JSON: parsing never panics; an accepted rule set
//! round-trips through its own serialization and can be used in a case.
#![no_main]
use libfuzzer_sys::fuzz_target;
use xinyong::repair::{parse_case_json, parse_rule_set_json, repair_eligibility};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(rs) = parse_rule_set_json(text) else { return };
    rs.validate("").expect("an accepted rule set validates");
    let json = serde_json::to_string(&rs).expect("a rule set serializes");
    let again = parse_rule_set_json(&json).expect("a serialized rule set parses");
    assert_eq!(again, rs, "round trip");
    // Evaluate a case under it for each kind the rule set names.
    let track = serde_json::to_value(rs.track).expect("track");
    for row in &rs.rows {
        for kind in &row.kinds {
            let case = serde_json::json!({
                "asOf": "2030-01-01", "ruleSet": rs.id, "customRuleSets": [serde_json::from_str::<serde_json::Value>(&json).expect("json")],
                "record": {"kind": kind, "track": track, "severity": "general", "measures": ["fine"],
                           "publishedOn": "2026-05-10", "decidedOn": "2026-05-01", "listedOn": "2026-05-10"}
            });
            if let Ok(case) = parse_case_json(&case.to_string()) {
                if let Ok(a) = repair_eligibility(&case) {
                    assert!(!a.eligible || a.unmet.is_empty());
                }
            }
        }
    }
});

//! Runs every case of tests/vectors/repair-cases.json (expected values derived by hand).
#![cfg(feature = "repair")]

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use serde_json::Value;
use xinyong::repair::{parse_case_json, repair_eligibility};

const VECTORS: &str = include_str!("vectors/repair-cases.json");

fn check_case(case: &Value) -> Result<(), String> {
    let name = case["name"].as_str().ok_or("case without name")?;
    if case["source"].as_str().is_none_or(str::is_empty) {
        return Err(format!("{name}: no source"));
    }
    let text = match case.get("inputText") {
        Some(Value::String(s)) => s.clone(),
        _ => serde_json::to_string(&case["input"]).map_err(|e| e.to_string())?,
    };
    let result = parse_case_json(&text).and_then(|c| repair_eligibility(&c));
    match (case.get("expect"), case.get("expectError"), result) {
        (Some(expect), None, Ok(answer)) => {
            let got = serde_json::to_value(&answer).map_err(|e| e.to_string())?;
            let obj = expect.as_object().ok_or("expect is not an object")?;
            for (key, want) in obj {
                match key.as_str() {
                    "unmet" => {
                        let mut want: Vec<&str> =
                            want.as_array().ok_or("unmet")?.iter().filter_map(Value::as_str).collect();
                        let mut have: Vec<&str> = got["unmet"]
                            .as_array()
                            .ok_or("no unmet")?
                            .iter()
                            .filter_map(|u| u["kind"].as_str())
                            .collect();
                        want.sort_unstable();
                        have.sort_unstable();
                        if want != have {
                            return Err(format!("{name}: unmet {have:?}, expected {want:?}\n{got:#}"));
                        }
                    }
                    // Procedure due dates by id: a date, null, or {"error": kind} (fail closed).
                    "dues" => {
                        let have = got["procedureDeadlines"].as_array().cloned().unwrap_or_default();
                        let want = want.as_object().ok_or("dues")?;
                        if have.len() != want.len() {
                            return Err(format!(
                                "{name}: {} procedure deadlines, expected {}",
                                have.len(),
                                want.len()
                            ));
                        }
                        for (id, due) in want {
                            let d = have.iter().find(|d| d["id"] == *id).ok_or(format!("{name}: no {id}"))?;
                            let ok = match due.get("error") {
                                Some(kind) => d["due"].is_null() && d["unavailable"]["kind"] == *kind,
                                None => {
                                    d["due"] == *due && d["citation"].as_str().is_some_and(|c| !c.is_empty())
                                }
                            };
                            if !ok {
                                return Err(format!("{name}: {id} = {d}, expected {due}"));
                            }
                        }
                    }
                    "warnings" => {
                        let have: Vec<Value> = got["warnings"]
                            .as_array()
                            .map(|w| w.iter().map(|x| x["kind"].clone()).collect())
                            .unwrap_or_default();
                        if &Value::Array(have.clone()) != want {
                            return Err(format!("{name}: warnings {have:?}, expected {want}"));
                        }
                    }
                    "rules" => {
                        let want: Vec<&str> =
                            want.as_array().ok_or("rules")?.iter().filter_map(Value::as_str).collect();
                        let have: Vec<&str> = got["rules"]
                            .as_array()
                            .ok_or("no rules")?
                            .iter()
                            .filter_map(|r| r["id"].as_str())
                            .collect();
                        if want != have {
                            return Err(format!("{name}: rules {have:?}, expected {want:?}"));
                        }
                    }
                    _ => {
                        if &got[key] != want {
                            return Err(format!("{name}: {key} = {}, expected {want}\n{got:#}", got[key]));
                        }
                    }
                }
            }
            // Every answer carries citations and localized messages.
            for u in got["unmet"].as_array().ok_or("unmet")? {
                for lang in ["zh-Hans", "zh-Hant", "en"] {
                    if u["message"][lang].as_str().is_none_or(str::is_empty) {
                        return Err(format!("{name}: unmet message without {lang}"));
                    }
                }
            }
            for r in got["rules"].as_array().ok_or("rules")? {
                if r["citation"].as_str().is_none_or(str::is_empty) {
                    return Err(format!("{name}: rule without citation"));
                }
            }
            Ok(())
        }
        (None, Some(err), Err(e)) => {
            if err["kind"].as_str() != Some(e.kind.as_str())
                || err["field"].as_str() != Some(e.field.as_str())
            {
                return Err(format!(
                    "{name}: error {} at '{}', expected {err}: {}",
                    e.kind, e.field, e.message.en
                ));
            }
            if e.message.zh_hans.is_empty() || e.message.zh_hant.is_empty() || e.message.en.is_empty() {
                return Err(format!("{name}: error message incomplete"));
            }
            Ok(())
        }
        (Some(_), None, Err(e)) => {
            Err(format!("{name}: unexpected error {} at '{}': {}", e.kind, e.field, e.message.en))
        }
        (None, Some(err), Ok(a)) => Err(format!("{name}: expected error {err}, got {a:?}")),
        _ => Err(format!("{name}: needs exactly one of expect / expectError")),
    }
}

#[test]
fn every_vector_case_passes() {
    let doc: Value = serde_json::from_str(VECTORS).expect("vectors parse");
    let cases = doc["cases"].as_array().expect("cases array");
    assert!(cases.len() >= 60, "too few cases: {}", cases.len());
    let failures: Vec<String> = cases.iter().filter_map(|c| check_case(c).err()).collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}

#[test]
fn vector_names_are_unique() {
    let doc: Value = serde_json::from_str(VECTORS).expect("vectors parse");
    let mut names: Vec<&str> =
        doc["cases"].as_array().expect("cases").iter().filter_map(|c| c["name"].as_str()).collect();
    let n = names.len();
    names.sort_unstable();
    names.dedup();
    assert_eq!(n, names.len());
}

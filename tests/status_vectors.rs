//! Runs every case of tests/vectors/status-cases.json (expected values written
//! by hand from the rules in src/status/mod.rs), natively and under wasm.
#![cfg(feature = "status")]

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use serde_json::Value;
use xinyong::status::{parse_date, parse_entity_json, resolve_status};

const VECTORS: &str = include_str!("vectors/status-cases.json");

/// `want` matches `got` when every key of an expected object matches (null
/// matches an absent key), arrays have the same length and match element-wise.
fn matches(want: &Value, got: &Value, path: &str) -> Result<(), String> {
    match (want, got) {
        (Value::Object(w), _) => {
            for (k, wv) in w {
                let gv = got.get(k).unwrap_or(&Value::Null);
                matches(wv, gv, &format!("{path}.{k}"))?;
            }
            Ok(())
        }
        (Value::Array(w), Value::Array(g)) if w.len() == g.len() => {
            w.iter().zip(g).enumerate().try_for_each(|(i, (a, b))| matches(a, b, &format!("{path}[{i}]")))
        }
        _ if want == got => Ok(()),
        _ => Err(format!("{path}: got {got}, expected {want}")),
    }
}

fn enabled(case: &Value) -> bool {
    case["features"].as_array().is_none_or(|fs| {
        fs.iter().all(|f| {
            (f == "repair" && cfg!(feature = "repair")) || (f == "workdays" && cfg!(feature = "workdays"))
        })
    })
}

fn check_case(case: &Value) -> Result<(), String> {
    let name = case["name"].as_str().ok_or("case without name")?;
    if case["source"].as_str().is_none_or(str::is_empty) {
        return Err(format!("{name}: no source"));
    }
    let text = match case.get("entityText") {
        Some(Value::String(s)) => s.clone(),
        _ => serde_json::to_string(&case["entity"]).map_err(|e| e.to_string())?,
    };
    let as_of = case["asOf"].as_str().ok_or("asOf")?;
    let result = parse_entity_json(&text).and_then(|e| Ok(resolve_status(&e, parse_date(as_of, "asOf")?)));
    match (case.get("expect"), case.get("expectError"), result) {
        (Some(expect), None, Ok(report)) => {
            let got = serde_json::to_value(&report).map_err(|e| e.to_string())?;
            matches(expect, &got, "").map_err(|e| format!("{name}: {e}\n{got:#}"))?;
            // Every rule has a source and a text in three languages.
            let rules = std::iter::once(&got["rule"])
                .chain(got["entries"].as_array().into_iter().flatten().map(|e| &e["rule"]));
            for rule in rules {
                if rule["source"].as_str().is_none_or(str::is_empty) {
                    return Err(format!("{name}: rule {} without source", rule["id"]));
                }
                for lang in ["zh-Hans", "zh-Hant", "en"] {
                    if rule["text"][lang].as_str().is_none_or(str::is_empty) {
                        return Err(format!("{name}: rule {} without {lang} text", rule["id"]));
                    }
                }
            }
            Ok(())
        }
        (None, Some(err), Err(e)) => {
            if err["kind"].as_str() != Some(e.kind.as_str())
                || err["field"].as_str() != Some(e.field.as_str())
            {
                return Err(format!("{name}: got {} at '{}', expected {err}", e.kind.as_str(), e.field));
            }
            if !e.message.en.contains(&e.field)
                || e.message.zh_hans.is_empty()
                || e.message.zh_hant.is_empty()
            {
                return Err(format!("{name}: message does not name the field: {:?}", e.message));
            }
            Ok(())
        }
        (Some(_), _, Err(e)) => Err(format!("{name}: unexpected error {e}")),
        (_, Some(_), Ok(_)) => Err(format!("{name}: expected an error")),
        _ => Err(format!("{name}: needs expect or expectError")),
    }
}

#[test]
fn status_cases() {
    let doc: Value = serde_json::from_str(VECTORS).expect("status-cases.json parses");
    let cases = doc["cases"].as_array().expect("cases");
    assert!(cases.len() >= 30);
    let failures: Vec<String> =
        cases.iter().filter(|c| enabled(c)).filter_map(|c| check_case(c).err()).collect();
    assert!(failures.is_empty(), "{} failing:\n{}", failures.len(), failures.join("\n\n"));
}

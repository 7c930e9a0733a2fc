//! Runs every case of tests/vectors/records.json (expected findings written by
//! hand from the rules each case cites), natively and under wasm.
#![cfg(feature = "records")]

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use serde_json::{Map, Value};
use xinyong::records::{parse_options_json, validate_record, validate_records};

const VECTORS: &str = include_str!("vectors/records.json");

fn vectors() -> Value {
    serde_json::from_str(VECTORS).expect("records.json is JSON")
}

/// A cell value: a string, or `{"repeat": s, "times": n}`.
fn cell(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Object(o) => {
            o["repeat"].as_str().unwrap_or_default().repeat(o["times"].as_u64().unwrap_or(0) as usize)
        }
        other => panic!("bad cell {other}"),
    }
}

/// The record of a case (or file row): a base with `set` / `unset`, or `record`.
fn record(all: &Value, case: &Value, set: Option<&Value>) -> Vec<(String, String)> {
    let mut fields: Vec<(String, String)> = match case.get("record") {
        Some(Value::Object(r)) => r.iter().map(|(k, v)| (k.clone(), cell(v))).collect(),
        _ => {
            let base = case["base"].as_str().expect("base or record");
            all["base"][base]
                .as_object()
                .expect("base record")
                .iter()
                .map(|(k, v)| (k.clone(), cell(v)))
                .collect()
        }
    };
    for (k, v) in set.or(case.get("set")).and_then(Value::as_object).into_iter().flatten() {
        match fields.iter_mut().find(|(f, _)| f == k) {
            Some(slot) => slot.1 = cell(v),
            None => fields.push((k.clone(), cell(v))),
        }
    }
    for k in case["unset"].as_array().into_iter().flatten() {
        fields.retain(|(f, _)| Some(f.as_str()) != k.as_str());
    }
    fields
}

fn options_json(all: &Value, case: &Value) -> String {
    let mut o: Map<String, Value> = case["options"].as_object().cloned().unwrap_or_default();
    o.insert("asOf".into(), case.get("asOf").unwrap_or(&all["asOf"]).clone());
    Value::Object(o).to_string()
}

/// Every expected finding matches a distinct actual one (field and kind, plus
/// severity / position / errorKind when given) and there are no others.
fn findings_match(want: &[Value], got: &[Value]) -> Result<(), String> {
    if want.len() != got.len() {
        return Err(format!("{} findings expected, got {}", want.len(), got.len()));
    }
    let mut used = vec![false; got.len()];
    for w in want {
        let hit = got.iter().enumerate().find(|(i, g)| {
            !used[*i]
                && w.as_object().unwrap().iter().all(|(k, wv)| match g.get(k) {
                    Some(gv) => gv == wv,
                    None => wv.is_null(),
                })
        });
        match hit {
            Some((i, _)) => used[i] = true,
            None => return Err(format!("no finding matches {w}")),
        }
    }
    Ok(())
}

/// `want` matches `got` when every key of an expected object matches (null
/// matches an absent key).
fn subset(want: &Value, got: &Value, path: &str) -> Result<(), String> {
    match (want, got) {
        (Value::Object(w), _) => w.iter().try_for_each(|(k, wv)| {
            let gv = got.get(k).unwrap_or(&Value::Null);
            subset(wv, gv, &format!("{path}.{k}"))
        }),
        _ if want == got => Ok(()),
        _ => Err(format!("{path}: got {got}, expected {want}")),
    }
}

fn check_report(expect: &Value, got: &Value, input: &[(String, String)]) -> Result<(), String> {
    for key in ["valid", "publication", "fields", "row"] {
        if let Some(w) = expect.get(key) {
            subset(w, &got[key], key)?;
        }
    }
    if let Some(w) = expect["findings"].as_array() {
        findings_match(w, got["findings"].as_array().ok_or("no findings")?)?;
    }
    if let Some(s) = expect["messagesContain"].as_str() {
        if !got["findings"].to_string().contains(s) {
            return Err(format!("no message contains {s}"));
        }
    }
    // Privacy: no message carries a masked ID number, its upgrade or its birth date.
    let messages = got["findings"].to_string().to_ascii_uppercase();
    for (k, raw) in input {
        let shown = got["fields"][k].as_str().unwrap_or_default();
        if !shown.contains('*') || raw.trim().len() < 8 {
            continue;
        }
        let id = raw.trim().to_ascii_uppercase();
        let mut secrets = vec![id.clone()];
        if id.len() == 18 {
            secrets.extend(id.get(6..14).map(str::to_string));
            secrets.extend(id.get(6..14).map(|d| format!("{}-{}-{}", &d[..4], &d[4..6], &d[6..])));
        }
        if let Ok(up) = xinyong::resident_id::upgrade15(&id) {
            secrets.push(up);
        }
        if let Some(s) = secrets.iter().find(|s| messages.contains(s.as_str())) {
            return Err(format!("a message of {k} contains {s}"));
        }
    }
    Ok(())
}

fn run_case(all: &Value, case: &Value) -> Result<(), String> {
    let name = case["name"].as_str().ok_or("case without name")?;
    if case["source"].as_str().is_none_or(str::is_empty) {
        return Err(format!("{name}: no source"));
    }
    let fields = record(all, case, None);
    let result = parse_options_json(&options_json(all, case)).and_then(|o| validate_record(&fields, &o));
    match (case.get("expect"), case.get("expectError"), result) {
        (Some(expect), None, Ok(report)) => {
            let got = serde_json::to_value(&report).map_err(|e| e.to_string())?;
            check_report(expect, &got, &fields).map_err(|e| format!("{name}: {e}\n{got:#}"))
        }
        (None, Some(want), Err(e)) => {
            let got = serde_json::to_value(&e).map_err(|e| e.to_string())?;
            subset(want, &got, "").map_err(|m| format!("{name}: {m}\n{got:#}"))
        }
        (_, _, Ok(report)) => Err(format!("{name}: expected an error, got {report:?}")),
        (_, _, Err(e)) => Err(format!("{name}: unexpected error {e:?}")),
    }
}

fn run_file(all: &Value, file: &Value) -> Result<(), String> {
    let name = file["name"].as_str().ok_or("file without name")?;
    let rows: Vec<Vec<(String, String)>> =
        file["rows"].as_array().ok_or("rows")?.iter().map(|set| record(all, file, Some(set))).collect();
    let options = parse_options_json(&options_json(all, file)).map_err(|e| format!("{name}: {e}"))?;
    let report = validate_records(&rows, &options).map_err(|e| format!("{name}: {e}"))?;
    let got = serde_json::to_value(&report).map_err(|e| e.to_string())?;
    let want = &file["expect"];
    let records = want["records"].as_array().ok_or("records")?;
    for (i, w) in records.iter().enumerate() {
        check_report(w, &got["records"][i], &rows[i])
            .map_err(|e| format!("{name} row {}: {e}\n{:#}", i + 1, got["records"][i]))?;
    }
    subset(&want["summary"], &got["summary"], "summary").map_err(|e| format!("{name}: {e}"))?;
    let by_kind = got["summary"]["byKind"].as_object().map_or(0, Map::len);
    let want_kinds = want["summary"]["byKind"].as_object().map_or(0, Map::len);
    if by_kind != want_kinds {
        return Err(format!("{name}: byKind has {by_kind} kinds, expected {want_kinds}"));
    }
    Ok(())
}

#[test]
fn record_vectors() {
    let all = vectors();
    let failures: Vec<String> = all["cases"]
        .as_array()
        .expect("cases")
        .iter()
        .filter_map(|c| run_case(&all, c).err())
        .chain(all["files"].as_array().expect("files").iter().filter_map(|f| run_file(&all, f).err()))
        .collect();
    assert!(failures.is_empty(), "{} failing:\n{}", failures.len(), failures.join("\n\n"));
}

/// A portal-supplied calendar year (the shape of `--calendar FILE`) covers a
/// deadline the built-in calendar cannot: decided Mon 2026-12-28 → 29, 30, 31,
/// (2027-01-01 Fri off, 02-03 weekend) 01-04, 05, 06, 07 → due 2027-01-07.
#[test]
fn a_supplied_calendar_covers_the_next_year() {
    use chrono::NaiveDate;
    use xinyong::records::{Options, PublicationStatus};
    use xinyong::workdays::Calendar;
    let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    let record = vec![("CF_JDRQ".to_string(), "2026-12-28".to_string())];
    let mut options = Options::new(d(2027, 1, 11));
    let report = validate_record(&record, &options).unwrap();
    assert_eq!(report.publication.unwrap().status, PublicationStatus::Uncovered);
    options.calendar =
        Some(Calendar::with_extra_years_json(r#"{"2027": {"holidays": ["2027-01-01"]}}"#).unwrap());
    let p = validate_record(&record, &options).unwrap().publication.unwrap();
    assert_eq!(
        (p.due, p.status, p.working_days_late),
        (Some(d(2027, 1, 7)), PublicationStatus::Overdue, Some(2))
    );
}

/// Cells the table reader marks as formulas get a warning each, counted in the summary.
#[test]
fn formula_cells_are_warned_and_counted() {
    use chrono::NaiveDate;
    use xinyong::records::{Checker, Options};
    let header: Vec<String> = ["CF_WSH", "CF_NR_FK", "备用"].iter().map(|s| s.to_string()).collect();
    let mut c = Checker::new(&header, Options::new(NaiveDate::from_ymd_opt(2026, 1, 20).unwrap())).unwrap();
    let row: Vec<String> = ["文号1", "0.2", "x"].iter().map(|s| s.to_string()).collect();
    let r = c.check_row_marked(&row, &[false, true, true]);
    let formulas: Vec<&str> =
        r.findings.iter().filter(|f| f.kind.as_str() == "formula_value").map(|f| f.field.as_str()).collect();
    assert_eq!(formulas, ["CF_NR_FK", "备用"]);
    let s = c.summary();
    assert_eq!(s.by_kind.get("formula_value"), Some(&2));
    assert_eq!(s.warnings, s.by_kind.values().sum::<u64>() - s.errors);
}

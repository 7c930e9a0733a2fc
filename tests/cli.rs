//! The `xinyong` binary: arguments, stdin streaming, JSON lines, exit status.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Stdio};

fn xinyong(args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_xinyong"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let stdin = stdin.to_owned();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(stdin.as_bytes());
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn all_valid_arguments_exit_zero() {
    let (code, out, _) = xinyong(&["check", "91350100M000100Y43", "121200004013590816"], "");
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), 2);
    assert!(out.contains("有效"));
}

#[test]
fn any_invalid_exits_one_with_message_and_suggestion() {
    let (code, out, _) = xinyong(&["check", "--lang", "en", "91350100M000100Y43", "9135010OM000100Y43"], "");
    assert_eq!(code, 1);
    let second = out.lines().nth(1).unwrap();
    assert!(second.contains("INVALID"), "{second}");
    assert!(second.contains("did you mean 91350100M000100Y43"), "{second}");
}

#[test]
fn usage_errors_exit_two() {
    assert_eq!(xinyong(&["check", "--no-such-flag"], "").0, 2);
    assert_eq!(xinyong(&["check", "--lang", "fr", "x"], "").0, 2);
    assert_eq!(xinyong(&[], "").0, 2);
}

#[test]
fn stdin_json_lines_have_input_and_result_fields() {
    let (code, out, _) = xinyong(&["check", "--json"], "91350100M000100Y43\r\n 9135 0100 m000 100y4a\n\n");
    assert_eq!(code, 1);
    let lines: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["input"], "91350100M000100Y43");
    assert_eq!(lines[0]["valid"], true);
    assert_eq!(lines[0]["parts"]["orgCode"], "M000100Y-4");
    assert_eq!(lines[1]["normalized"], "91350100M000100Y4A");
    assert_eq!(lines[1]["errors"][0]["kind"], "check_char");
    assert_eq!(lines[1]["errors"][0]["position"], 18);
    assert_eq!(lines[1]["errors"][0]["message"]["zh-Hant"], "第 18 位校驗碼應為 3，實為 A");
    assert_eq!(lines[2]["errors"][0]["kind"], "empty");
}

#[test]
fn other_identifier_kinds() {
    assert_eq!(xinyong(&["check", "--kind", "org", "D2143569-X"], "").0, 0);
    assert_eq!(xinyong(&["check", "--kind", "regno", "310115600985533"], "").0, 0);
    assert_eq!(xinyong(&["check", "--kind", "regno", "310115600985535"], "").0, 1);
}

#[test]
fn streams_many_lines() {
    let input = "91350100M000100Y43\n".repeat(50_000);
    let (code, out, _) = xinyong(&["check", "--json"], &input);
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), 50_000);
}

#[cfg(feature = "repair")]
#[test]
fn repair_reads_one_case_or_json_lines_and_names_bad_fields() {
    let case = r#"{"asOf":"2026-11-26","ruleSet":"auto","record":{"kind":"administrative_penalty","track":"ndrc","severity":"general","measures":["fine"],"publishedOn":"2026-05-10","obligationsPerformed":true,"corrected":true,"commitmentSigned":true,"harmRemoved":true}}"#;
    let (code, out, _) = xinyong(&["repair", "--json"], &format!("{case}\n{case}\n"));
    assert_eq!(code, 0);
    let answers: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(answers.len(), 2);
    // Order 36: a general penalty published 2026-05-10 may be repaired after 3 months, publication ends after 1 year.
    assert_eq!(answers[0]["eligible"], true);
    assert_eq!(answers[0]["earliestApplyDate"], "2026-08-11");
    assert_eq!(answers[0]["publicationEnds"], "2027-05-10");
    assert_eq!(answers[0]["ruleSet"], "ndrc-2026");

    let (code, out, _) = xinyong(&["repair", "--json", "-"], r#"{"asOf":"2026-02-30","record":{}}"#);
    assert_eq!(code, 2);
    let error: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(error["error"]["field"], "asOf");

    let (code, _, err) = xinyong(&["repair"], "{not json");
    assert_eq!(code, 2);
    assert!(err.contains("case 1"), "{err}");
}

#[cfg(feature = "workdays")]
#[test]
fn deadline_counts_working_days_and_fails_closed() {
    // 2025-12-26 (Fri) + 7 working days: 12-29, 30, 31, (01-01..03 New Year off), 01-04 (Sun, make-up), 05, 06, 07.
    let (code, out, _) = xinyong(&["deadline", "2025-12-26", "--rule", "double-publicity-7wd"], "");
    assert_eq!(code, 0);
    assert_eq!(out.lines().next(), Some("2026-01-07"));
    let (code, out, _) = xinyong(&["deadline", "2024-02-08", "--rule", "samr-20wd", "--json"], "");
    assert_eq!(code, 0);
    let d: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(d["due"], "2024-03-13");
    assert_eq!(d["workingDays"], 20);
    let (code, _, err) = xinyong(&["deadline", "2027-03-01", "--lang", "en"], "");
    assert_eq!(code, 2);
    assert!(err.contains("2027"), "{err}");
    assert_eq!(xinyong(&["deadline", "2024-02-30"], "").0, 2);
    assert_eq!(xinyong(&["deadline", "2024-02-08", "--rule", "nope"], "").0, 2);
}

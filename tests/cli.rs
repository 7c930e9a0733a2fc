//! The `xinyong` binary: arguments, files, stdin streaming, CSV and JSON lines, exit status.
//! (tests/node/cli-parity.test.mjs compares its `check` with the Node CLI's.)
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
    assert_eq!(out.lines().count(), 3, "{out}"); // the header and two rows
    assert_eq!(
        out.lines().next(),
        Some("input,valid,normalized,error_kind,error_position,message,suggestion,division,region,duplicate_of")
    );
    // Region names come with the division table (the `divisions` feature).
    let fuzhou = if cfg!(feature = "divisions") { "福建省福州市" } else { "" };
    let expected = format!("91350100M000100Y43,true,91350100M000100Y43,,,,,350100,{fuzhou},");
    assert_eq!(out.lines().nth(1), Some(expected.as_str()));
}

#[test]
fn any_invalid_exits_one_with_message_and_suggestion() {
    let (code, out, err) =
        xinyong(&["check", "--lang", "en", "91350100M000100Y43", "9135010OM000100Y43"], "");
    assert_eq!(code, 1);
    let second = out.lines().nth(2).unwrap();
    assert!(second.starts_with("9135010OM000100Y43,false,9135010OM000100Y43,division_format,8,"), "{second}");
    assert!(second.ends_with(",91350100M000100Y43,,,"), "{second}");
    assert!(err.contains("2 rows: 1 valid, 1 invalid"), "{err}");
}

#[test]
fn usage_errors_exit_two() {
    assert_eq!(xinyong(&["check", "--no-such-flag"], "").0, 2);
    assert_eq!(xinyong(&["check", "--lang", "fr", "x"], "").0, 2);
    assert_eq!(xinyong(&["check", "--encoding", "latin1", "x"], "").0, 2);
    assert_eq!(xinyong(&[], "").0, 2);
}

#[test]
fn stdin_json_lines_have_row_input_and_result_fields() {
    let (code, out, _) = xinyong(&["check", "--json"], "91350100M000100Y43\r\n 9135 0100 m000 100y4a\n\n");
    assert_eq!(code, 1);
    let lines: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2); // empty lines are skipped
    assert_eq!(lines[0]["row"], 1);
    assert_eq!(lines[0]["input"], "91350100M000100Y43");
    assert_eq!(lines[0]["valid"], true);
    assert_eq!(lines[0]["parts"]["orgCode"], "M000100Y-4");
    assert_eq!(lines[0]["duplicateOf"], serde_json::Value::Null);
    assert_eq!(lines[1]["normalized"], "91350100M000100Y4A");
    assert_eq!(lines[1]["errors"][0]["kind"], "check_char");
    assert_eq!(lines[1]["errors"][0]["position"], 18);
    assert_eq!(lines[1]["errors"][0]["message"]["zh-Hant"], "第 18 位校驗碼應為 3，實為 A");
    // An empty argument is a code, and empty.
    let (_, out, _) = xinyong(&["check", "--json", ""], "");
    let line: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(line["errors"][0]["kind"], "empty");
}

#[test]
fn csv_files_and_unreadable_inputs() {
    let dir = std::env::temp_dir().join(format!("xinyong-cli-rs-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let csv = dir.join("data.csv");
    std::fs::write(&csv, "名称,统一社会信用代码\n\"甲, 乙\",91350200MA31F7KX1J\n丙,91350200MA31F7KX1J\n")
        .unwrap();
    let (code, out, _) = xinyong(&["check", "--lang", "zh-Hant", csv.to_str().unwrap()], "");
    assert_eq!(code, 0);
    let rows: Vec<&str> = out.lines().collect();
    assert_eq!(rows[0], "名称,统一社会信用代码,valid,normalized,error_kind,error_position,message,suggestion,division,region,duplicate_of");
    let xiamen = if cfg!(feature = "divisions") { "福建省廈門市" } else { "" };
    assert_eq!(
        rows[1],
        format!("\"甲, 乙\",91350200MA31F7KX1J,true,91350200MA31F7KX1J,,,,,350200,{xiamen},")
    );
    assert_eq!(rows[2], format!("丙,91350200MA31F7KX1J,true,91350200MA31F7KX1J,,,,,350200,{xiamen},1"));
    let xlsx = dir.join("data.xlsx");
    std::fs::write(&xlsx, b"PK\x03\x04\x14\x00\x06\x00").unwrap();
    let gbk = dir.join("gbk.txt");
    std::fs::write(&gbk, b"\xb5\xa5\xce\xbb,91350100M000100Y43\n").unwrap(); // 单位 in GBK
    let (code, out, err) = xinyong(&["check", gbk.to_str().unwrap()], "");
    if cfg!(feature = "gbk") {
        assert_eq!(code, 0, "{err}");
        assert!(out.lines().nth(1).unwrap().starts_with("单位,91350100M000100Y43,true,"), "{out}");
        assert!(err.contains("CSV, gbk, "), "{err}");
    } else {
        assert_eq!(code, 2, "{err}");
        assert!(err.contains("the input is GBK, and this build reads UTF-8 and UTF-16 only"), "{err}");
    }
    let utf8_then_not = dir.join("mixed.txt");
    // UTF-8 first; a GBK line past the first chunks (which decide) is an error.
    let mut mixed = b"\xe5\x8d\x95,91350100M000100Y43\n".to_vec();
    mixed.extend(b"a,91350100M000100Y43\n".repeat(30_000));
    mixed.extend(b"\xb5\xa5,x\n");
    std::fs::write(&utf8_then_not, mixed).unwrap();
    let (code, _, err) = xinyong(&["check", utf8_then_not.to_str().unwrap()], "");
    assert_eq!(code, 2, "{err}");
    assert!(err.starts_with("xinyong: the input is not valid UTF-8"), "{err}");
    for (path, message) in [(&xlsx, "zip archive"), (&dir, "is a directory")] {
        let (code, out, err) = xinyong(&["check", path.to_str().unwrap()], "");
        assert_eq!(code, 2, "{err}");
        assert_eq!(out, "");
        assert!(err.starts_with("xinyong: ") && err.contains(message), "{err}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
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
    let (code, out, _) = xinyong(&["check"], &input);
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), 50_001); // the header, then every row
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

/// `xinyong records` on the demo's sample file (www/data/records-sample.csv:
/// five penalty records; 2 has a wrong USCC check character, 3 was decided
/// 2026-10-09 and is overdue on 2026-11-30, 4 has 2000 in the 万元 column,
/// 5 a formula-like 处罚内容 and a wrong ID-number check character).
#[cfg(feature = "records")]
#[test]
fn records_checks_a_file_masks_ids_and_exits_by_errors() {
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/www/data/records-sample.csv");
    let (code, out, err) = xinyong(&["records", "--as-of", "2026-11-30", "--lang", "en", sample], "");
    assert_eq!(code, 1, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 6, "{out}");
    assert!(lines[0].ends_with(",valid,findings,publication_due,publication_status,working_days_late"));
    assert!(lines[1].contains(",110105********002X,"), "masked: {}", lines[1]);
    assert!(!out.contains("11010519491231002X"), "no full ID number");
    assert!(lines[1].ends_with(",true,,2026-12-04,due,"), "{}", lines[1]);
    assert!(lines[2].contains(",false,\"error: CF_XDR_SHXYM"), "{}", lines[2]);
    assert!(lines[3].ends_with(",overdue,30"), "{}", lines[3]);
    assert!(lines[5].contains("\"'=HYPERLINK("), "formula escaped: {}", lines[5]);
    assert!(err.starts_with("xinyong: 5 records: 3 valid, 2 with errors\n"), "{err}");
    assert!(err.contains("invalid_uscc"), "{err}");

    let (code, out, _) = xinyong(
        &["records", "--as-of", "2026-11-30", "--json", "--reveal-ids", "-"],
        &std::fs::read_to_string(sample).unwrap(),
    );
    assert_eq!(code, 1);
    let rows: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(rows.iter().map(|r| r["row"].as_u64().unwrap()).collect::<Vec<_>>(), [1, 2, 3, 4, 5]);
    assert_eq!(
        rows.iter().map(|r| r["valid"].as_bool().unwrap()).collect::<Vec<_>>(),
        [true, false, true, true, false]
    );
    assert_eq!(rows[0]["fields"]["CF_FR_ZJHM"], "11010519491231002X");
    assert_eq!(rows[2]["publication"]["status"], "overdue");

    // The clean first record alone: exit 0; --invalid-only writes the header only.
    let clean: String =
        std::fs::read_to_string(sample).unwrap().lines().take(2).map(|l| format!("{l}\n")).collect();
    let (code, out, _) = xinyong(&["records", "--as-of", "2026-11-30", "--invalid-only", "-q", "-"], &clean);
    assert_eq!((code, out.lines().count()), (0, 1), "{out}");
    // Without --as-of: today (in China), still a result.
    assert!([0, 1].contains(&xinyong(&["records", "-q", "-"], &clean).0));
}

#[cfg(feature = "records")]
#[test]
fn records_refuses_unusable_input_with_exit_two() {
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/www/data/records-sample.csv");
    assert_eq!(xinyong(&["records", "--as-of", "2026-13-01", sample], "").0, 2);
    assert_eq!(xinyong(&["records", "--kind", "tax", sample], "").0, 2);
    assert_eq!(xinyong(&["records", "--as-of", "2026-11-30", "no-such-file.csv"], "").0, 2);
    let (code, out, err) = xinyong(&["records", "--as-of", "2026-11-30", "-"], "甲,乙\n1,2\n");
    assert_eq!((code, out.as_str()), (2, ""), "{err}");
    assert!(err.starts_with("xinyong: stdin: "), "{err}");
}

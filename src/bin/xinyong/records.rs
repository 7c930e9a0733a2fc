//! `xinyong records FILE`: checks every 双公示 record (行政处罚 / 行政许可) of
//! a CSV, TSV or XLSX file, streaming (`table::open_reader` and
//! `records::Checker`: constant memory on CSV/TSV but for the bounded
//! duplicate-文号 set). The same options, output and exit status as the Node
//! CLI's (`npx xinyong records`, npm/cli-records.mjs and npm/records-lib.mjs);
//! tests/node/cli-parity.test.mjs runs both on the same files and compares.

use super::check;
use chrono::NaiveDate;
use serde::Serialize;
use std::fs::File;
use std::io::{self, BufWriter, Read, Write};
use std::path::PathBuf;
use xinyong::records::{self, Checker, Finding, RecordKind, RecordReport, Severity, Summary};
use xinyong::table::{self, Format};
use xinyong::Lang;

/// The columns appended to every row (as records-lib.mjs's ANNOTATION_COLUMNS).
pub const ANNOTATION_COLUMNS: [&str; 5] =
    ["valid", "findings", "publication_due", "publication_status", "working_days_late"];

/// The options of `records`, as parsed by clap in the binary's main module.
pub struct Options {
    pub file: String,
    pub kind: Option<RecordKind>,
    pub as_of: Option<String>,
    pub json: bool,
    pub invalid_only: bool,
    pub lang: Lang,
    pub schema: Option<PathBuf>,
    pub reveal_ids: bool,
    pub bom: bool,
    pub output: Option<PathBuf>,
    pub quiet: bool,
}

/// An error that exits with status 2 (usage or input).
fn input_error(message: impl Into<String>) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, message.into())
}

/// Today's date in China (UTC+8): the default `--as-of` (the core never reads a clock).
pub fn today_in_china() -> NaiveDate {
    let seconds =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs())
            + 8 * 3600;
    let days = i32::try_from(seconds / 86_400).unwrap_or(0);
    // 719_163: days from 0001-01-01 (day 1) to 1970-01-01.
    NaiveDate::from_num_days_from_ce_opt(719_163 + days).unwrap_or_default()
}

fn severity_word(s: Severity, lang: Lang) -> &'static str {
    match (s, lang) {
        (Severity::Error, Lang::ZhHans) => "错误",
        (Severity::Error, Lang::ZhHant) => "錯誤",
        (Severity::Error, Lang::En) => "error",
        (Severity::Warning, Lang::En) => "warning",
        (Severity::Warning, _) => "警告",
    }
}

/// One finding as text (records-lib.mjs's findingText): `错误 CF_XDR_SHXYM: message`,
/// or `错误: message` when the message names its field already (or there is none).
fn finding_text(f: &Finding, lang: Lang) -> String {
    let severity = severity_word(f.severity, lang);
    let message = f.message.get(lang);
    if f.field.is_empty() || message.starts_with(f.field.as_str()) {
        format!("{severity}: {message}")
    } else {
        format!("{severity} {}: {message}", f.field)
    }
}

/// The publication status as its JSON name.
fn status_name(p: &records::PublicationStatus) -> &'static str {
    match p {
        records::PublicationStatus::Due => "due",
        records::PublicationStatus::Overdue => "overdue",
        records::PublicationStatus::Uncovered => "uncovered",
    }
}

/// The appended cells of one report (records-lib.mjs's annotationCells).
fn annotation_cells(r: &RecordReport, lang: Lang) -> [String; 5] {
    let findings: Vec<String> = r.findings.iter().map(|f| finding_text(f, lang)).collect();
    let p = r.publication.as_ref();
    [
        r.valid.to_string(),
        findings.join(" | "),
        p.and_then(|p| p.due).map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default(),
        p.map(|p| status_name(&p.status).to_owned()).unwrap_or_default(),
        p.and_then(|p| p.working_days_late).map(|n| n.to_string()).unwrap_or_default(),
    ]
}

/// The value a report has for a header name (the last one, for a repeated name, as a JS object).
fn value_of<'a>(r: &'a RecordReport, name: &str) -> &'a str {
    r.fields.iter().rev().find(|(k, _)| k == name).map_or("", |(_, v)| v.as_str())
}

fn csv_line(cells: impl IntoIterator<Item = impl AsRef<str>>) -> String {
    let mut line =
        cells.into_iter().map(|c| check::field(c.as_ref(), ',', true)).collect::<Vec<_>>().join(",");
    line.push('\n');
    line
}

#[derive(Serialize)]
struct Line<'a> {
    row: u64,
    #[serde(flatten)]
    report: &'a RecordReport,
}

fn thousands(x: u64) -> String {
    let digits = x.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn format_name(f: Format) -> &'static str {
    match f {
        Format::Csv => "CSV",
        Format::Tsv => "TSV",
        Format::Xlsx => "XLSX",
    }
}

/// The summary on stderr (records-lib.mjs's summaryText).
fn summary_text(s: &Summary, format: Format, encoding: &str, sheet: Option<&str>, lang: Lang) -> String {
    let n = thousands;
    let mut lines = vec![match lang {
        Lang::En => format!(
            "xinyong: {} {}: {} valid, {} with errors",
            n(s.rows),
            if s.rows == 1 { "record" } else { "records" },
            n(s.valid),
            n(s.invalid)
        ),
        Lang::ZhHans => {
            format!("xinyong: 共 {} 条记录：通过 {}，有错误 {}", n(s.rows), n(s.valid), n(s.invalid))
        }
        Lang::ZhHant => {
            format!("xinyong: 共 {} 筆記錄：通過 {}，有錯誤 {}", n(s.rows), n(s.valid), n(s.invalid))
        }
    }];
    lines.push(match lang {
        Lang::En => format!(
            "  findings: {} {}, {} {}",
            n(s.errors),
            if s.errors == 1 { "error" } else { "errors" },
            n(s.warnings),
            if s.warnings == 1 { "warning" } else { "warnings" }
        ),
        Lang::ZhHans => format!("  问题：错误 {} 个，警告 {} 个", n(s.errors), n(s.warnings)),
        Lang::ZhHant => format!("  問題：錯誤 {} 個，警告 {} 個", n(s.errors), n(s.warnings)),
    });
    let mut kinds: Vec<(&String, &u64)> = s.by_kind.iter().collect();
    kinds.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    if !kinds.is_empty() {
        lines.push(
            match lang {
                Lang::En => "  by kind:",
                Lang::ZhHans => "  按类型：",
                Lang::ZhHant => "  按類型：",
            }
            .to_owned(),
        );
        for (kind, count) in kinds {
            lines.push(format!("    {kind:<28} {}", n(*count)));
        }
    }
    lines.push(match lang {
        Lang::En => format!(
            "  publication: {} due, {} overdue, {} not covered by the calendar",
            n(s.due),
            n(s.overdue),
            n(s.uncovered)
        ),
        Lang::ZhHans => {
            format!("  公示期限：未到期 {}，已逾期 {}，日历未覆盖 {}", n(s.due), n(s.overdue), n(s.uncovered))
        }
        Lang::ZhHant => {
            format!("  公示期限：未到期 {}，已逾期 {}，日曆未涵蓋 {}", n(s.due), n(s.overdue), n(s.uncovered))
        }
    });
    let input = match lang {
        Lang::En => "input: ",
        Lang::ZhHans => "输入：",
        Lang::ZhHant => "輸入：",
    };
    let sheet = sheet.map(|s| format!(", sheet \"{s}\"")).unwrap_or_default();
    lines.push(format!("  {input}{}, {encoding}{sheet}", format_name(format)));
    let mut text = lines.join("\n");
    text.push('\n');
    text
}

/// Runs `records`; Ok(true) when no record has an error finding. Input and
/// usage problems are errors of kind InvalidData (exit 2).
pub fn run(o: &Options) -> io::Result<bool> {
    let lang = o.lang;
    let as_of = match &o.as_of {
        Some(text) => NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map_err(|_| input_error(format!("--as-of {text}: expected a date YYYY-MM-DD")))?,
        None => today_in_china(),
    };
    let schema =
        match &o.schema {
            Some(path) => {
                let text = std::fs::read_to_string(path)
                    .map_err(|e| input_error(format!("--schema {}: {e}", path.display())))?;
                Some(records::parse_schema(&text).map_err(|e| {
                    input_error(format!("--schema {}: {}", path.display(), e.message.get(lang)))
                })?)
            }
            None => None,
        };
    let mut options = records::Options::new(as_of);
    options.kind = o.kind;
    options.schema = schema;
    options.reveal_ids = o.reveal_ids;
    let stdin = o.file == "-";
    let what = if stdin { "stdin" } else { o.file.as_str() };
    let reader: Box<dyn Read> = if stdin {
        Box::new(io::stdin())
    } else {
        let meta = std::fs::metadata(&o.file).map_err(|e| {
            input_error(if e.kind() == io::ErrorKind::NotFound {
                format!("{}: no such file", o.file)
            } else {
                format!("{}: {e}", o.file)
            })
        })?;
        if meta.is_dir() {
            return Err(input_error(format!("{}: is a directory", o.file)));
        }
        Box::new(File::open(&o.file).map_err(|e| input_error(format!("{}: {e}", o.file)))?)
    };
    let name = if stdin { None } else { Some(o.file.as_str()) };
    let mut table = table::open_reader(reader, name)
        .map_err(|e| input_error(format!("{what}: {}", e.message.get(lang))))?;
    let header = table.header.clone();
    let (format, sheet) = (table.format, table.sheet.clone());
    let mut checker = Checker::new(&header, options)
        .map_err(|e| input_error(format!("{what}: {}", e.message.get(lang))))?;

    let out: Box<dyn Write> = match &o.output {
        Some(path) => {
            Box::new(File::create(path).map_err(|e| input_error(format!("-o {}: {e}", path.display())))?)
        }
        None => Box::new(io::stdout().lock()),
    };
    let mut out = BufWriter::with_capacity(256 * 1024, out);
    if o.bom && !o.json {
        out.write_all("\u{FEFF}".as_bytes())?;
    }
    if !o.json {
        out.write_all(csv_line(header.iter().map(String::as_str).chain(ANNOTATION_COLUMNS)).as_bytes())?;
    }
    let mut formula = Vec::new();
    for (number, row) in (1u64..).zip(table.rows_with_info()) {
        let row = match row {
            Ok(row) => row,
            Err(e) => {
                out.flush()?;
                return Err(input_error(format!("{what}: {}", e.message.get(lang))));
            }
        };
        // Cells that held a formula (in an .xlsx) get a `formula_value` warning.
        let report = if row.formulas.is_empty() {
            checker.check_row(&row.cells)
        } else {
            formula.clear();
            formula.resize(row.cells.len(), false);
            for &c in &row.formulas {
                if let Some(f) = formula.get_mut(c) {
                    *f = true;
                }
            }
            checker.check_row_marked(&row.cells, &formula)
        };
        if o.invalid_only && report.valid {
            continue;
        }
        if o.json {
            serde_json::to_writer(&mut out, &Line { row: number, report: &report })?;
            out.write_all(b"\n")?;
        } else {
            let cells =
                header.iter().map(|h| value_of(&report, h).to_owned()).chain(annotation_cells(&report, lang));
            out.write_all(csv_line(cells).as_bytes())?;
        }
    }
    out.flush()?;
    // The encoding as decided by the whole input (ASCII at first may turn out UTF-8 or GBK).
    let encoding = table.detected_encoding();
    let summary = checker.summary();
    if !o.quiet {
        eprint!("{}", summary_text(summary, format, &encoding, sheet.as_deref(), lang));
    }
    Ok(summary.invalid == 0)
}

//! `xinyong check`: the same command as the Node CLI's (`npx xinyong check`,
//! npm/cli.mjs and npm/cli-lib.mjs), with the same options, input detection
//! (text, CSV, TSV; header; code column), result columns and JSON fields.
//! tests/node/cli-parity.test.mjs runs both on the same inputs and compares.
//!
//! Files are read by the library's table reader (`xinyong::table`), as the
//! Node CLI reads them through the same code compiled to wasm (`readTable`)
//! or its own decoder for streamed text: UTF-8, GBK/GB18030 and UTF-16
//! (with a BOM) text, and `.xlsx` workbooks (the first sheet). An Excel
//! 97-2003 `.xls`, another kind of zip (a .docx, an .ods) or binary data is
//! refused with exit 2 and a clear message.

use clap::ValueEnum;
use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};
use std::collections::hash_map::DefaultHasher;
use std::collections::HashMap;
use std::fs::File;
use std::hash::{Hash, Hasher};
use std::io::{self, BufRead, BufReader, BufWriter, Cursor, Read, Write};
use std::path::Path;
use xinyong::table::{self, TableError, TableErrorKind, TextEncoding};
use xinyong::{orgcode, regno, uscc, Lang, ValidateOptions, Validation};

/// The result columns appended to every row (as the Node CLI's RESULT_COLUMNS).
pub const RESULT_COLUMNS: [&str; 9] = [
    "valid",
    "normalized",
    "error_kind",
    "error_position",
    "message",
    "suggestion",
    "division",
    "region",
    "duplicate_of",
];

/// Distinct codes tracked for duplicates (as the Node CLI).
const DUPLICATE_LIMIT: usize = 5_000_000;
/// Repeated codes counted by name, for the summary's examples.
const DUPLICATE_EXAMPLES: usize = 10_000;
/// Bytes looked at to recognize binary input and the format.
const SNIFF: usize = 64 * 1024;

/// Which identifier the codes are.
#[derive(Clone, Copy, ValueEnum)]
pub enum Kind {
    /// Unified Social Credit Code, 18 characters.
    Uscc,
    /// Organization code, 9 characters.
    Org,
    /// Business registration number, 15 digits.
    Regno,
}

/// The options of `check`, as parsed by clap in the binary's main module.
pub struct Options {
    pub inputs: Vec<String>,
    pub column: Option<String>,
    pub header: Option<bool>,
    pub delimiter: Option<String>,
    pub encoding: String,
    pub json: bool,
    pub invalid_only: bool,
    pub lang: Lang,
    pub kind: Kind,
    pub accept_pilot_codes: bool,
    pub no_suggestions: bool,
    pub bom: bool,
    pub formula_guard: bool,
    pub quiet: bool,
}

/// An error that exits with status 2 (usage or input).
fn input_error(message: impl Into<String>) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, message.into())
}

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Text,
    Csv,
    Tsv,
    Xlsx,
}

/// Whether a lone argument names a file (or stdin) rather than a code: `-`,
/// anything that exists, or anything with a path separator or an extension
/// (codes have neither, so a mistyped file name is "no such file", not an invalid code).
pub fn is_file_argument(arg: &str) -> bool {
    arg == "-" || Path::new(arg).exists() || arg.contains(['/', '\\', '.'])
}

/// An error of the table reader as an input error (exit 2): file-level
/// problems are prefixed with the file name (`stdin` for standard input).
fn table_error(e: &TableError, what: &str) -> io::Error {
    match e.kind {
        TableErrorKind::Encoding | TableErrorKind::CsvInvalid | TableErrorKind::Io => {
            input_error(e.message.en.clone())
        }
        _ => input_error(format!("{what}: {}", e.message.en)),
    }
}

/// An I/O error of the decoding reader: its table error, or the I/O error.
fn read_error(e: io::Error, what: &str) -> io::Error {
    match e.get_ref().and_then(|inner| inner.downcast_ref::<TableError>()) {
        Some(t) => table_error(t, what),
        None => e,
    }
}

/// The `--delimiter` value as one character (`tab`, `comma`, `semicolon`, `pipe` by name).
fn parse_delimiter(value: &str) -> Option<char> {
    let named = match value.to_ascii_lowercase().as_str() {
        "tab" | "\\t" => "\t".to_owned(),
        "comma" => ",".to_owned(),
        "semicolon" => ";".to_owned(),
        "pipe" => "|".to_owned(),
        _ => value.to_owned(),
    };
    let mut chars = named.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if !matches!(c, '"' | '\n' | '\r') => Some(c),
        _ => None,
    }
}

fn detect_format(first_line: &str, file: Option<&str>) -> Format {
    let lower = file.unwrap_or("").to_ascii_lowercase();
    if first_line.contains('\t') {
        Format::Tsv
    } else if first_line.contains(',') {
        Format::Csv
    } else if lower.ends_with(".tsv") || lower.ends_with(".tab") {
        Format::Tsv
    } else if lower.ends_with(".csv") {
        Format::Csv
    } else {
        Format::Text
    }
}

/// Full-width ASCII to ASCII, without spaces, hyphens, underscores and zero-width characters.
fn squeeze(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .filter(|&c| {
            !(c.is_whitespace()
                || matches!(
                    c,
                    '\u{3000}' | '\u{200B}'..='\u{200D}' | '\u{FEFF}' | '-' | '‐' | '‑' | '–' | '—' | '_'
                ))
        })
        .collect()
}

/// Looks like an identifier, valid or not: 8 to 20 letters and digits, at least half digits.
fn looks_like_code(cell: &str) -> bool {
    let s = squeeze(cell);
    let n = s.chars().count();
    if !(8..=20).contains(&n) || !s.chars().all(|c| c.is_ascii_alphanumeric()) {
        return false;
    }
    s.chars().filter(char::is_ascii_digit).count() * 2 >= n
}

fn clean_header(cell: &str) -> String {
    cell.strip_prefix('\u{FEFF}').unwrap_or(cell).trim().to_owned()
}

/// `word` + optional spaces, `_` or `-` + one of `tails`, anywhere in `s` (lower case).
fn joined(s: &str, word: &str, tails: &[&str]) -> bool {
    s.match_indices(word).any(|(i, _)| {
        let rest =
            s[i + word.len()..].trim_start_matches(|c: char| c.is_whitespace() || c == '_' || c == '-');
        tails.iter().any(|t| rest.starts_with(t))
    })
}

/// Header names of a code column, most specific first (the Node CLI's HEADER_PATTERNS).
fn header_rank(cell: &str) -> Option<usize> {
    let h = clean_header(cell);
    let l = h.to_lowercase();
    let any = |words: &[&str]| words.iter().any(|w| h.contains(w));
    let word_uscc = l.match_indices("uscc").any(|(i, _)| {
        let before = l[..i].chars().next_back().is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
        let after = l[i + 4..].chars().next().is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
        before && after
    });
    if any(&["统一社会信用代码", "統一社會信用代碼"]) {
        Some(0)
    } else if any(&["社会信用代码", "社會信用代碼", "信用代码", "信用代碼"]) {
        Some(1)
    } else if word_uscc || joined(&l, "credit", &["code"]) || l.contains("tyshxydm") || l.contains("shxydm") {
        Some(2)
    } else if any(&["组织机构代码", "組織機構代碼"])
        || joined(&l, "org", &["code"])
        || joined(&l, "organization", &["code"])
    {
        Some(3)
    } else if any(&["注册号", "註冊號"]) || joined(&l, "registration", &["number", "no"]) {
        Some(4)
    } else if ["代码", "代碼", "编码", "code"].contains(&l.as_str()) {
        Some(5)
    } else {
        None
    }
}

/// 0-based index of the column whose header names a code.
fn code_column_by_header(header: &[String]) -> Option<usize> {
    (0..6).find_map(|rank| header.iter().position(|h| header_rank(h) == Some(rank)))
}

/// Whether the first row is a header, and the 0-based code column (the Node CLI's chooseColumn).
fn choose_column(
    rows: &[Vec<String>],
    column: Option<&str>,
    header: Option<bool>,
    format: Format,
) -> io::Result<(bool, usize)> {
    let empty = Vec::new();
    let first = rows.first().unwrap_or(&empty);
    let names = || {
        first
            .iter()
            .enumerate()
            .map(|(i, h)| format!("{} \"{}\"", i + 1, clean_header(h)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if let Some(column) = column {
        if !column.chars().all(|c| c.is_ascii_digit()) || column.is_empty() {
            if header == Some(false) {
                return Err(input_error(
                    "--column NAME needs a header row; give a column number with --no-header",
                ));
            }
            let want = clean_header(column);
            let index = first
                .iter()
                .position(|h| clean_header(h) == want)
                .or_else(|| first.iter().position(|h| clean_header(h).to_lowercase() == want.to_lowercase()));
            return match index {
                Some(i) => Ok((true, i)),
                None => Err(input_error(format!("no column named \"{want}\"; the columns are: {}", names()))),
            };
        }
        let n: usize = column.parse().unwrap_or(usize::MAX);
        if n == 0 {
            return Err(input_error("--column numbers start at 1"));
        }
        let index = n - 1;
        let width = rows.iter().take(100).map(Vec::len).max().unwrap_or(0);
        if !rows.is_empty() && index >= width {
            return Err(input_error(format!(
                "there is no column {column}: the input has {width} column(s): {}",
                names()
            )));
        }
        let cell = clean_header(first.get(index).map_or("", String::as_str));
        let is_header = header.unwrap_or(if format == Format::Text {
            header_rank(&cell).is_some()
        } else {
            !cell.is_empty() && !looks_like_code(&cell)
        });
        return Ok((is_header, index));
    }
    if format == Format::Text {
        let detected = first.first().is_some_and(|c| header_rank(c).is_some());
        return Ok((header.unwrap_or(detected), 0));
    }
    let by_name = code_column_by_header(first);
    let is_header = header.unwrap_or(
        by_name.is_some()
            || (first.iter().any(|c| !clean_header(c).is_empty())
                && !first.iter().any(|c| looks_like_code(c))),
    );
    if is_header {
        if let Some(i) = by_name {
            return Ok((true, i));
        }
    }
    let data = if is_header { &rows[rows.len().min(1)..] } else { rows };
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    let (mut best, mut best_count) = (0, 0);
    for i in 0..width {
        let count = data.iter().filter(|r| r.get(i).is_some_and(|c| looks_like_code(c))).count();
        if count > best_count {
            (best, best_count) = (i, count);
        }
    }
    Ok((is_header, best))
}

/// Whether a spreadsheet would run `cell` as a formula (the Node CLI's looksLikeFormula).
fn looks_like_formula(cell: &str) -> bool {
    let starts = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    starts && cell != "-" && cell != "+" && !is_plain_number(cell)
}

/// `[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?`, case-insensitive.
fn is_plain_number(s: &str) -> bool {
    let s = s.strip_prefix(['+', '-']).unwrap_or(s);
    let (mantissa, exponent) = match s.find(['e', 'E']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = match mantissa.split_once('.') {
        None => digits(mantissa),
        Some((a, b)) => (digits(a) && (b.is_empty() || digits(b))) || (a.is_empty() && digits(b)),
    };
    mantissa_ok && exponent.is_none_or(|e| digits(e.strip_prefix(['+', '-']).unwrap_or(e)))
}

/// One CSV/TSV field: formula-guarded, quoted when it holds the delimiter, a quote or a line break.
pub fn field(value: &str, delimiter: char, formula_guard: bool) -> String {
    let guarded;
    let s = if formula_guard && looks_like_formula(value) {
        guarded = format!("'{value}");
        guarded.as_str()
    } else {
        value
    };
    if s.contains(['"', '\r', '\n', delimiter]) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

/// The region name of a result in `lang` (the division table has Chinese names
/// only: `en` gets the Simplified Chinese name).
fn region_of(r: &Validation, lang: Lang) -> String {
    r.parts
        .division
        .as_ref()
        .and_then(|d| d.full_name.as_ref())
        .map(|n| if lang == Lang::ZhHant { n.zh_hant.clone() } else { n.zh_hans.clone() })
        .unwrap_or_default()
}

/// The result columns of one result, but `duplicate_of` (the Node CLI's resultColumns).
fn result_columns(r: &Validation, lang: Lang) -> [String; 8] {
    let e = r.errors.first();
    let mut message = e
        .map(|e| e.message.get(lang).to_owned())
        .or_else(|| r.warnings.first().map(|w| w.message.get(lang).to_owned()))
        .unwrap_or_default();
    if e.is_some() && r.errors.len() > 1 {
        let more = r.errors.len() - 1;
        message.push_str(&if lang == Lang::En {
            format!(" (+{more} more)")
        } else {
            format!("（另有 {more} 处）")
        });
    }
    if let Some(d) = r.diagnoses.first() {
        let d = d.message.get(lang);
        if !d.is_empty() {
            message = if message.is_empty() { d.to_owned() } else { format!("{message} | {d}") };
        }
    }
    [
        r.valid.to_string(),
        r.normalized.clone(),
        e.map(|e| e.kind.as_str().to_owned()).unwrap_or_default(),
        e.and_then(|e| e.position).map(|p| p.to_string()).unwrap_or_default(),
        message,
        r.suggestions.first().map(|s| s.code.clone()).unwrap_or_default(),
        r.parts.division_code.clone().unwrap_or_default(),
        region_of(r, lang),
    ]
}

/// The `fields` of a JSON line: by header name (in header order), or the row as an array.
enum Fields<'a> {
    Named(&'a [String], &'a [String]),
    Row(&'a [String]),
}

impl Serialize for Fields<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Fields::Named(names, row) => {
                let mut map = s.serialize_map(None)?;
                let mut seen = std::collections::HashSet::new();
                for (k, name) in names.iter().enumerate() {
                    // A repeated header name keeps its last value (as Object.fromEntries).
                    if seen.insert(name) {
                        let last = names.iter().rposition(|n| n == name).unwrap_or(k);
                        map.serialize_entry(name, row.get(last).map_or("", String::as_str))?;
                    }
                }
                map.end()
            }
            Fields::Row(row) => {
                let mut seq = s.serialize_seq(Some(row.len()))?;
                for cell in row.iter() {
                    seq.serialize_element(cell)?;
                }
                seq.end()
            }
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Line<'a> {
    row: u64,
    input: &'a str,
    #[serde(flatten)]
    result: &'a Validation,
    duplicate_of: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fields: Option<Fields<'a>>,
}

/// Normalized code (as a 64-bit hash) → first row and whether it was seen again.
#[derive(Default)]
struct Seen {
    rows: HashMap<u64, (u64, bool)>,
    repeated_codes: u64,
    extra_rows: u64,
    full: bool,
}

impl Seen {
    fn visit(&mut self, code: &str, row: u64) -> Option<u64> {
        let mut h = DefaultHasher::new();
        code.hash(&mut h);
        let key = h.finish();
        if let Some((first, again)) = self.rows.get_mut(&key) {
            if !*again {
                *again = true;
                self.repeated_codes += 1;
            }
            self.extra_rows += 1;
            return Some(*first);
        }
        if self.rows.len() >= DUPLICATE_LIMIT {
            self.full = true;
        } else {
            self.rows.insert(key, (row, false));
        }
        None
    }
}

type Rows = Box<dyn Iterator<Item = io::Result<Vec<String>>>>;

/// Splits text into lines (`\n` or `\r\n`), skipping empty ones; a line that is
/// one double-quoted field loses its quotes (the Node CLI's textRows).
fn text_rows(reader: impl Read + 'static) -> Rows {
    let mut lines = BufReader::with_capacity(256 * 1024, reader).split(b'\n');
    let mut number = 0u64;
    Box::new(std::iter::from_fn(move || loop {
        let bytes = match lines.next()? {
            Ok(b) => b,
            Err(e) => return Some(Err(read_error(e, "stdin"))),
        };
        number += 1;
        let mut line = match String::from_utf8(bytes) {
            Ok(s) => s,
            // The decoding reader hands out UTF-8 only.
            Err(_) => return Some(Err(input_error(format!("line {number} is not valid UTF-8")))),
        };
        if line.ends_with('\r') {
            line.pop();
        }
        if line.is_empty() {
            continue;
        }
        if line.len() > 1 && line.starts_with('"') && line.ends_with('"') {
            line = line[1..line.len() - 1].replace("\"\"", "\"");
        }
        return Some(Ok(vec![line]));
    }))
}

/// The rows of a table: its first row, then the others.
fn table_rows(mut t: table::Table, what: String) -> Rows {
    let header = (t.header_row > 0).then(|| std::mem::take(&mut t.header));
    let rest =
        std::iter::from_fn(move || t.rows().next()).map(move |r| r.map_err(|e| table_error(&e, &what)));
    Box::new(header.map(Ok).into_iter().chain(rest))
}

/// Reads up to `SNIFF` bytes (fewer at the end of the input).
fn read_head(reader: &mut dyn Read) -> io::Result<Vec<u8>> {
    let mut head = Vec::with_capacity(SNIFF);
    reader.take(SNIFF as u64).read_to_end(&mut head)?;
    Ok(head)
}

struct Summary {
    rows: u64,
    valid: u64,
    kinds: Vec<(String, u64)>,
    duplicates: HashMap<String, u64>,
    format: Format,
    delimiter: char,
    encoding: String,
    sheet: String,
    bom: bool,
    header: bool,
    index: usize,
    column_name: String,
}

fn print_summary(s: &Summary, seen: &Seen, lang: Lang) {
    let n = |x: u64| {
        let digits = x.to_string();
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        out
    };
    let (rows, valid, invalid) = (n(s.rows), n(s.valid), n(s.rows - s.valid));
    let mut lines = vec![match lang {
        Lang::En => format!(
            "xinyong: {rows} {}: {valid} valid, {invalid} invalid",
            if s.rows == 1 { "row" } else { "rows" }
        ),
        Lang::ZhHans => format!("xinyong: 共 {rows} 行：有效 {valid}，无效 {invalid}"),
        Lang::ZhHant => format!("xinyong: 共 {rows} 行：有效 {valid}，無效 {invalid}"),
    }];
    let mut kinds = s.kinds.clone();
    kinds.sort_by_key(|k| std::cmp::Reverse(k.1));
    if !kinds.is_empty() {
        lines.push(
            match lang {
                Lang::En => "  invalid by first error:",
                Lang::ZhHans => "  无效原因（首个错误）：",
                Lang::ZhHant => "  無效原因（首個錯誤）：",
            }
            .to_owned(),
        );
        for (kind, count) in &kinds {
            lines.push(format!("    {kind:<16} {}", n(*count)));
        }
    }
    if seen.repeated_codes > 0 {
        let (c, e) = (n(seen.repeated_codes), n(seen.extra_rows));
        lines.push(match lang {
            Lang::En => format!(
                "  duplicates: {c} {} more than once ({e} extra {})",
                if seen.repeated_codes == 1 { "code appears" } else { "codes appear" },
                if seen.extra_rows == 1 { "row" } else { "rows" }
            ),
            Lang::ZhHans => format!("  重复：{c} 个代码出现不止一次（多出 {e} 行）"),
            Lang::ZhHant => format!("  重複：{c} 個代碼出現不止一次（多出 {e} 行）"),
        });
        let mut top: Vec<_> = s.duplicates.iter().collect();
        top.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let top: Vec<String> = top.iter().take(5).map(|(code, c)| format!("{code} ×{c}")).collect();
        let label = match lang {
            Lang::En => "most repeated:",
            Lang::ZhHans => "重复最多：",
            Lang::ZhHant => "重複最多：",
        };
        lines.push(format!("    {label} {}", top.join(", ")));
    }
    let format = match s.format {
        Format::Text => "text".to_owned(),
        Format::Tsv => "TSV".to_owned(),
        Format::Csv if s.delimiter == ',' => "CSV".to_owned(),
        Format::Csv => format!("CSV ({})", s.delimiter),
        Format::Xlsx => format!("XLSX (sheet \"{}\")", s.sheet),
    };
    let (input, header, column, yes, no) = match lang {
        Lang::En => ("input: ", "header", "column", "yes", "no"),
        Lang::ZhHans => ("输入：", "表头", "列", "有", "无"),
        Lang::ZhHant => ("輸入：", "表頭", "欄", "有", "無"),
    };
    let column = if s.format == Format::Text {
        String::new()
    } else if s.header {
        format!(", {column} {} \"{}\"", s.index + 1, s.column_name)
    } else {
        format!(", {column} {}", s.index + 1)
    };
    let encoding = if s.format == Format::Xlsx {
        String::new()
    } else {
        format!(", {}{}", s.encoding, if s.bom { " (BOM)" } else { "" })
    };
    lines.push(format!("  {input}{format}{encoding}, {header} {}{column}", if s.header { yes } else { no }));
    eprintln!("{}", lines.join("\n"));
}

/// Runs `check`; Ok(true) when every code is valid. Input and usage problems are
/// errors of kind InvalidData (exit 2).
pub fn run(o: &Options) -> io::Result<bool> {
    let encoding = match o.encoding.to_ascii_lowercase().as_str() {
        "auto" => TextEncoding::Auto,
        "utf8" | "utf-8" => TextEncoding::Utf8,
        "gbk" | "gb18030" => TextEncoding::Gbk,
        _ => return Err(input_error("--encoding is auto, utf8 or gbk")),
    };
    let delimiter = match &o.delimiter {
        Some(d) => {
            Some(parse_delimiter(d).ok_or_else(|| input_error("--delimiter is one character, or tab"))?)
        }
        None => None,
    };
    let file_input = o.inputs.len() == 1 && is_file_argument(&o.inputs[0]);
    if o.inputs.len() > 1 && o.inputs.iter().any(|a| a == "-" || Path::new(a).is_file()) {
        return Err(input_error(format!(
            "one input at a time: codes, or one FILE (got {} arguments)",
            o.inputs.len()
        )));
    }
    let mut bom = false;
    let mut sheet = String::new();
    let mut watch = None;
    let (format, mut rows): (Format, Rows) = if o.inputs.is_empty() || file_input {
        let name = o.inputs.first().map(String::as_str).filter(|n| *n != "-");
        let mut reader: Box<dyn Read> = match name {
            Some(path) => {
                let meta = std::fs::metadata(path).map_err(|e| {
                    input_error(if e.kind() == io::ErrorKind::NotFound {
                        format!("{path}: no such file")
                    } else {
                        format!("{path}: {e}")
                    })
                })?;
                if meta.is_dir() {
                    return Err(input_error(format!("{path}: is a directory")));
                }
                Box::new(File::open(path).map_err(|e| input_error(format!("{path}: {e}")))?)
            }
            None => Box::new(io::stdin()),
        };
        let head = read_head(&mut reader)?;
        let what = name.unwrap_or("stdin").to_owned();
        let options =
            table::OpenOptions { name: name.map(str::to_owned), encoding, ..table::OpenOptions::default() };
        let workbook = head.starts_with(b"PK\x03\x04")
            || head.starts_with(b"PK\x05\x06")
            || head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]);
        let input = Cursor::new(head).chain(reader);
        if workbook {
            let t = table::open_reader_with(input, &options).map_err(|e| table_error(&e, &what))?;
            sheet = t.sheet.clone().unwrap_or_default();
            (Format::Xlsx, table_rows(t, what))
        } else {
            let text = table::open_text(input, &options).map_err(|e| table_error(&e, &what))?;
            bom = text.bom;
            watch = Some(text.reader.encoding_watch());
            let format = match delimiter {
                Some('\t') => Format::Tsv,
                Some(_) => Format::Csv,
                None => detect_format(&text.first_line, name),
            };
            let rows = match format {
                Format::Text | Format::Xlsx => text_rows(text.reader),
                Format::Csv | Format::Tsv => {
                    let d = if format == Format::Tsv { '\t' } else { delimiter.unwrap_or(',') };
                    let byte = u8::try_from(d as u32).ok().filter(u8::is_ascii).ok_or_else(|| {
                        input_error("--delimiter must be an ASCII character in the native CLI")
                    })?;
                    let kind = if format == Format::Tsv { table::Format::Tsv } else { table::Format::Csv };
                    table_rows(text.into_table(kind, byte, &options.limits), what)
                }
            };
            (format, rows)
        }
    } else {
        let codes: Vec<io::Result<Vec<String>>> = o.inputs.iter().map(|c| Ok(vec![c.clone()])).collect();
        (Format::Text, Box::new(codes.into_iter()))
    };
    let delimiter = delimiter.unwrap_or(if format == Format::Tsv { '\t' } else { ',' });

    // The first rows decide the header and the column.
    let want = if o.column.is_none() && format != Format::Text { 100 } else { 1 };
    let mut head = Vec::new();
    while head.len() < want {
        match rows.next() {
            Some(row) => head.push(row?),
            None => break,
        }
    }
    let forced_header = if o.inputs.len() > 1 || (!o.inputs.is_empty() && !file_input) {
        Some(o.header.unwrap_or(false)) // codes given as arguments have no header
    } else {
        o.header
    };
    let (header, index) = choose_column(&head, o.column.as_deref(), forced_header, format)?;
    let width =
        if header { head.first().map_or(0, Vec::len) } else { head.iter().map(Vec::len).max().unwrap_or(0) };
    let names: Vec<String> = if header {
        head[0].iter().map(|h| clean_header(h)).collect()
    } else if format == Format::Text {
        vec!["input".to_owned()]
    } else {
        (1..=width).map(|i| format!("column{i}")).collect()
    };

    let options = ValidateOptions {
        accept_pilot_codes: o.accept_pilot_codes,
        suggestions: !o.no_suggestions,
        max_suggestions: if o.json { 3 } else { 1 },
    };
    let validate = |input: &str| match o.kind {
        Kind::Uscc => uscc::validate_with(input, &options),
        Kind::Org => orgcode::validate_with(input, &options),
        Kind::Regno => regno::validate_with(input, &options),
    };
    let mut out = BufWriter::with_capacity(256 * 1024, io::stdout().lock());
    if o.bom && !o.json {
        out.write_all("\u{FEFF}".as_bytes())?;
    }
    let f = |v: &str| field(v, delimiter, o.formula_guard);
    if !o.json && !head.is_empty() {
        let cells: Vec<String> = names.iter().map(String::as_str).chain(RESULT_COLUMNS).map(f).collect();
        writeln!(out, "{}", cells.join(&delimiter.to_string()))?;
    }
    let mut s = Summary {
        rows: 0,
        valid: 0,
        kinds: Vec::new(),
        duplicates: HashMap::new(),
        format,
        delimiter,
        encoding: String::new(),
        sheet,
        bom,
        header,
        index,
        column_name: if header { names[index].clone() } else { String::new() },
    };
    let mut seen = Seen::default();
    let first_data = if header { head.len().min(1) } else { 0 };
    let data = head.into_iter().skip(first_data).map(Ok).chain(rows);
    let d = delimiter.to_string();
    for row in data {
        let row = row?;
        let input = row.get(index).map_or("", String::as_str);
        let r = validate(input);
        s.rows += 1;
        let number = s.rows;
        if r.valid {
            s.valid += 1;
        } else {
            let kind = r.errors.first().map_or("invalid", |e| e.kind.as_str());
            match s.kinds.iter_mut().find(|(k, _)| k == kind) {
                Some((_, c)) => *c += 1,
                None => s.kinds.push((kind.to_owned(), 1)),
            }
        }
        let mut duplicate_of = None;
        if !r.normalized.is_empty() {
            duplicate_of = seen.visit(&r.normalized, number);
            if duplicate_of.is_some() {
                let known = s.duplicates.contains_key(&r.normalized);
                if known || s.duplicates.len() < DUPLICATE_EXAMPLES {
                    *s.duplicates.entry(r.normalized.clone()).or_insert(1) += 1;
                }
            }
        }
        if o.invalid_only && r.valid {
            continue;
        }
        if o.json {
            let fields = match (format, header) {
                (Format::Text, _) => None,
                (_, true) => Some(Fields::Named(&names, &row)),
                (_, false) => Some(Fields::Row(&row)),
            };
            let line = Line { row: number, input, result: &r, duplicate_of, fields };
            serde_json::to_writer(&mut out, &line)?;
            out.write_all(b"\n")?;
        } else {
            let mut line = String::new();
            for cell in &row {
                line.push_str(&f(cell));
                line.push_str(&d);
            }
            for _ in row.len()..width {
                line.push_str(&d);
            }
            for cell in result_columns(&r, o.lang) {
                line.push_str(&f(&cell));
                line.push_str(&d);
            }
            if let Some(first) = duplicate_of {
                line.push_str(&first.to_string());
            }
            line.push('\n');
            out.write_all(line.as_bytes())?;
        }
    }
    out.flush()?;
    s.encoding = watch.map_or_else(|| "utf8".to_owned(), |w: table::EncodingWatch| w.get().to_owned());
    if !o.quiet {
        print_summary(&s, &seen, o.lang);
    }
    Ok(s.valid == s.rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_numbers_and_formulas() {
        for s in ["-5", "+86", "1e5", "-.5", "3.", "+1E-3"] {
            assert!(is_plain_number(s), "{s}");
        }
        for s in ["=1", "-2+3", "@SUM(A1)", "\t=1", "+-1"] {
            assert!(looks_like_formula(s), "{s}");
        }
        assert!(!looks_like_formula("-") && !looks_like_formula("a=b"));
    }

    #[test]
    fn headers_and_code_likeness() {
        assert_eq!(header_rank("USCC"), Some(2));
        assert_eq!(header_rank("credit_code"), Some(2));
        assert_eq!(header_rank("Registration No."), Some(4));
        assert_eq!(header_rank("名称"), None);
        assert!(looks_like_code("9135 0100 M000 100Y 43"));
        assert!(!looks_like_code("统一社会信用代码"));
    }

    #[test]
    fn table_errors_name_the_file() {
        let e = table::open_bytes(b"a\x00b", None).unwrap_err();
        assert_eq!(table_error(&e, "x.bin").to_string(), format!("x.bin: {}", e.message.en));
    }
}

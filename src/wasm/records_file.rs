//! The file front-end of the 双公示 record checks at the WebAssembly boundary:
//! `validateRecordsFile(bytes, options)` (a whole CSV/TSV/XLSX file in
//! memory) and `RecordsStream` (the same, pulling the bytes through a JS
//! function a chunk at a time: the Node CLI streams a file with it, the demo
//! page's worker reports progress). The file is read by [`crate::table`] and
//! each row checked by [`crate::records::Checker`]; this module only converts.

use super::js_error;
use crate::records::{self, Checker, RecordReport, RecordsError};
use crate::table::{self, Table, TableError};
use serde::Serialize;
use std::io::{self, Read};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(typescript_custom_section)]
const RECORDS_FILE_TYPES: &str = r#"
/** What `validateRecordsFile` and `RecordsStream.info()` say about the file read. */
export interface RecordsFileInfo {
  /** "csv", "tsv" or "xlsx". */
  format: "csv" | "tsv" | "xlsx";
  /** "ascii", "utf8", "gbk", "utf16le", "utf16be", or "xlsx". */
  encoding: string;
  /** The sheet read, for a workbook. */
  sheet?: string;
  /** The first row, as the column names. */
  header: string[];
}
/** One record's report, with its 1-based data row number. */
export type RecordsFileRow = RecordReport & { row: number };
/** The result of `validateRecordsFile`. */
export interface RecordsFileResult extends RecordsFileInfo {
  records: RecordsFileRow[];
  summary: RecordsSummary;
}
/**
 * A CSV, TSV or XLSX file checked a chunk of records at a time, its bytes
 * pulled through `read(n)` (a `Uint8Array` of at most `n` bytes, empty at the
 * end). Call `free()` when done.
 */
export class RecordsStream {
  /** Opens the file and maps its header; throws a `XinyongError` for an unreadable file or bad options. */
  constructor(read: (n: number) => Uint8Array, options: RecordsFileOptions);
  /** `{ format, encoding, sheet?, header }` of the file. */
  info(): RecordsFileInfo;
  /** The reports of up to `max` more records, each with its `row`; `[]` at the end. */
  next(max: number): RecordsFileRow[];
  /** The counts so far. */
  summary(): RecordsSummary;
  /** Releases the reader and the checker. */
  free(): void;
}
/** Options of `validateRecordsFile` and `RecordsStream`: the record options plus the file name. */
export type RecordsFileOptions = {
  asOf: string;
  kind?: "penalty" | "licence";
  schema?: object | string;
  mask?: { keepFirst?: number; keepLast?: number };
  revealIds?: boolean;
  /** The file name: its extension helps where the content does not tell (.tsv). */
  name?: string;
};
"#;

fn records_error(e: &RecordsError) -> JsValue {
    let error = js_error(e.kind.as_str(), &e.message.en, Some(&e.message));
    if let Some(field) = &e.field {
        let _ = js_sys::Reflect::set(&error, &"field".into(), &field.as_str().into());
    }
    error
}

fn table_error(e: &TableError) -> JsValue {
    let error = js_error(e.kind.as_str(), &e.message.en, Some(&e.message));
    if let Some(row) = e.row {
        let _ = js_sys::Reflect::set(&error, &"row".into(), &(row as f64).into());
    }
    error
}

/// The record options (as `validateRecord` takes them) and the file name.
fn file_options(options: &JsValue) -> Result<(records::Options, Option<String>), JsValue> {
    let invalid = |why: &str| js_error("invalid_options", &format!("invalid options: {why}"), None);
    if !options.is_object() || js_sys::Array::is_array(options) {
        return Err(invalid("expected an object with at least asOf"));
    }
    let text = js_sys::JSON::stringify(options)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| invalid("could not be converted to JSON"))?;
    let mut value: serde_json::Value = serde_json::from_str(&text).map_err(|_| invalid("not JSON"))?;
    let name = match value.as_object_mut().and_then(|o| o.remove("name")) {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) => Some(s),
        Some(_) => return Err(invalid("`name` must be a string")),
    };
    let options = records::parse_options_json(&value.to_string()).map_err(|e| records_error(&e))?;
    Ok((options, name))
}

fn file_info(table: &Table) -> Info<'_> {
    Info {
        format: table.format.as_str(),
        encoding: table.detected_encoding(),
        sheet: table.sheet.as_deref(),
        header: &table.header,
    }
}

#[derive(Serialize)]
struct Info<'a> {
    format: &'static str,
    encoding: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    sheet: Option<&'a str>,
    header: &'a [String],
}

/// Checks one row read by the table reader; cells that held a formula (in
/// an .xlsx) get the `formula_value` warning.
fn check_row(checker: &mut Checker, row: table::Row) -> RecordReport {
    if row.formulas.is_empty() {
        return checker.check_row(&row.cells);
    }
    let mut formula = vec![false; row.cells.len()];
    for &c in &row.formulas {
        if let Some(f) = formula.get_mut(c) {
            *f = true;
        }
    }
    checker.check_row_marked(&row.cells, &formula)
}

#[derive(Serialize)]
struct Row<'a> {
    row: u64,
    #[serde(flatten)]
    report: &'a RecordReport,
}

#[derive(Serialize)]
struct FileResult<'a> {
    #[serde(flatten)]
    info: Info<'a>,
    records: &'a [Row<'a>],
    summary: &'a records::Summary,
}

fn json<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(value).map_err(|e| js_error("json", &e.to_string(), None))?;
    js_sys::JSON::parse(&text)
}

/// Reads a whole CSV, TSV or XLSX file (`bytes`: a `Uint8Array`) and checks
/// every record: `{ format, encoding, sheet?, header, records, summary }`,
/// each record `{ row, fields, valid, findings, publication }` (identity
/// numbers masked unless `revealIds`). An unreadable file (an `.xls`, a zip
/// that is no workbook or too large unpacked, binary data) or unusable
/// options throw a `XinyongError` whose `kind` and `messages` say why. The
/// browser's records module is built without the `gbk` feature: there, GBK
/// text is an `encoding` error, and the page decodes it with
/// `new TextDecoder('gb18030')` and passes the UTF-8 (the demo's worker does).
///
/// ```js
/// const bytes = new Uint8Array(await file.arrayBuffer());
/// const { summary, records } = validateRecordsFile(bytes, { asOf: '2026-11-30', name: file.name });
/// summary.invalid; // records with an error finding
/// ```
#[wasm_bindgen(js_name = validateRecordsFile, unchecked_return_type = "RecordsFileResult")]
pub fn validate_records_file(
    bytes: &[u8],
    #[wasm_bindgen(unchecked_param_type = "RecordsFileOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let (options, name) = file_options(&options)?;
    let mut table = table::open_bytes(bytes, name.as_deref()).map_err(|e| table_error(&e))?;
    let mut checker = Checker::new(&table.header, options).map_err(|e| records_error(&e))?;
    let mut reports = Vec::new();
    for row in table.rows_with_info() {
        reports.push(check_row(&mut checker, row.map_err(|e| table_error(&e))?));
    }
    let rows: Vec<Row> = reports.iter().zip(1u64..).map(|(report, row)| Row { row, report }).collect();
    json(&FileResult { info: file_info(&table), records: &rows, summary: checker.summary() })
}

/// The bytes of a file, pulled through a JS function `read(n)` that returns
/// a `Uint8Array` of at most `n` bytes (empty at the end).
struct JsReader {
    read: js_sys::Function,
    rest: Vec<u8>,
}

impl Read for JsReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.rest.is_empty() {
            let want = u32::try_from(buf.len()).unwrap_or(u32::MAX);
            let chunk = self.read.call1(&JsValue::NULL, &want.into()).map_err(|e| {
                let message = js_sys::Reflect::get(&e, &"message".into()).ok().and_then(|m| m.as_string());
                io::Error::other(message.unwrap_or_else(|| "the read function threw".to_owned()))
            })?;
            let array = chunk
                .dyn_into::<js_sys::Uint8Array>()
                .map_err(|_| io::Error::other("the read function must return a Uint8Array"))?;
            self.rest = array.to_vec();
            if self.rest.is_empty() {
                return Ok(0);
            }
        }
        let n = buf.len().min(self.rest.len());
        if let (Some(to), Some(from)) = (buf.get_mut(..n), self.rest.get(..n)) {
            to.copy_from_slice(from);
        }
        self.rest.drain(..n);
        Ok(n)
    }
}

/// A CSV, TSV or XLSX file checked a chunk of records at a time, its bytes
/// pulled through `read(n)` (a function returning a `Uint8Array` of at most
/// `n` bytes, empty at the end): constant memory on CSV/TSV (an XLSX is read
/// whole first). The Node CLI (`npx xinyong records`) reads files with it
/// through `fs.readSync`; a page's worker reports progress between chunks.
///
/// ```js
/// const fd = fs.openSync('处罚.csv');
/// const buffer = Buffer.alloc(1 << 16);
/// const stream = new RecordsStream((n) => buffer.subarray(0, fs.readSync(fd, buffer, 0, Math.min(n, buffer.length))), { asOf: '2026-11-30' });
/// stream.info().header;                 // the column names
/// for (let batch; (batch = stream.next(1000)).length;) { … } // reports with their row
/// stream.summary().invalid;
/// stream.free();
/// ```
#[wasm_bindgen(skip_typescript)]
pub struct RecordsStream {
    table: Table,
    checker: Checker,
    rows: u64,
}

#[wasm_bindgen]
impl RecordsStream {
    /// Opens the file and maps its header (throws a `XinyongError` for an
    /// unreadable file or unusable options, as `validateRecordsFile`).
    #[wasm_bindgen(constructor, skip_typescript)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "(n: number) => Uint8Array")] read: JsValue,
        #[wasm_bindgen(unchecked_param_type = "RecordsFileOptions")] options: JsValue,
    ) -> Result<RecordsStream, JsValue> {
        let read = read
            .dyn_into::<js_sys::Function>()
            .map_err(|_| js_error("type", "read must be a function", None))?;
        let (options, name) = file_options(&options)?;
        let table = table::open_reader(JsReader { read, rest: Vec::new() }, name.as_deref())
            .map_err(|e| table_error(&e))?;
        let checker = Checker::new(&table.header, options).map_err(|e| records_error(&e))?;
        Ok(RecordsStream { table, checker, rows: 0 })
    }

    /// `{ format, encoding, sheet?, header }` of the file.
    #[wasm_bindgen(skip_typescript)]
    pub fn info(&self) -> Result<JsValue, JsValue> {
        json(&file_info(&self.table))
    }

    /// The reports of up to `max` more records (each with its `row`); an
    /// empty array at the end. A file that breaks off (a row too large, bad
    /// bytes) throws a `XinyongError`.
    #[wasm_bindgen(skip_typescript)]
    pub fn next(&mut self, max: u32) -> Result<JsValue, JsValue> {
        let mut reports = Vec::new();
        for row in self.table.rows_with_info().take(max as usize) {
            reports.push(check_row(&mut self.checker, row.map_err(|e| table_error(&e))?));
        }
        let first = self.rows + 1;
        self.rows += reports.len() as u64;
        let rows: Vec<Row> = reports.iter().zip(first..).map(|(report, row)| Row { row, report }).collect();
        json(&rows)
    }

    /// The counts so far (all of them after the last `next`).
    #[wasm_bindgen(skip_typescript)]
    pub fn summary(&self) -> Result<JsValue, JsValue> {
        json(self.checker.summary())
    }
}

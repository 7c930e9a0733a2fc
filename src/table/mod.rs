//! Reading tabular files: CSV and TSV in the encodings departments' tools
//! write (UTF-8 with or without a BOM, GBK/GB18030, UTF-16 with a BOM), and
//! Excel `.xlsx` workbooks, with limits against hostile files.
//!
//! The same code runs natively (the `xinyong` CLI), in the Node build and in
//! the browser: nothing here touches the file system or a clock. A file is
//! given as bytes ([`open_bytes`]) or as a reader ([`open_reader`]; CSV and
//! TSV are then streamed with constant memory, an `.xlsx` is read whole,
//! within [`Limits::max_xlsx_bytes`]).
//!
//! What comes out is a [`Table`]: the format, the encoding, the sheet, the
//! first row ([`Table::header`]) and an iterator over the other rows, every
//! cell a string. Empty lines and empty rows are skipped.
//!
//! ```
//! use xinyong::table::{open_bytes, Format};
//!
//! let mut t = open_bytes("名称,统一社会信用代码\n甲,91350100M000100Y43\n".as_bytes(), Some("a.csv")).unwrap();
//! assert_eq!(t.format, Format::Csv);
//! assert_eq!(t.header, ["名称", "统一社会信用代码"]);
//! let rows: Vec<Vec<String>> = t.rows().collect::<Result<_, _>>().unwrap();
//! assert_eq!(rows, [["甲", "91350100M000100Y43"]]);
//!
//! // An Excel 97-2003 workbook is refused with a clear message.
//! let e = open_bytes(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0], Some("a.xls")).unwrap_err();
//! assert_eq!(e.kind.as_str(), "xls_unsupported");
//! assert!(e.message.en.contains("save as .xlsx or CSV"));
//! ```
//!
//! Errors are [`TableError`]s: a [`TableErrorKind`], a message in three
//! languages and, where it applies, the 1-based row. No input makes the
//! reader panic or allocate past the limits (tests/table.rs, the `table`
//! fuzz target).

use crate::i18n::Text;
use serde::Serialize;
use std::io::{self, Read};

mod decode;
mod text;
pub(crate) mod xlsx;

pub use text::{open_text, sniff_binary, DecodeReader, EncodingWatch, TextEncoding, TextInput};

/// The format of a table.
///
/// ```
/// use xinyong::table::Format;
/// assert_eq!(Format::Xlsx.as_str(), "xlsx");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Comma-separated values (or another one-character delimiter, see [`Table::delimiter`]).
    Csv,
    /// Tab-separated values.
    Tsv,
    /// An Office Open XML workbook (Excel 2007 and later).
    Xlsx,
}

impl Format {
    /// `csv`, `tsv` or `xlsx`.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Tsv => "tsv",
            Format::Xlsx => "xlsx",
        }
    }
}

/// What went wrong reading a table (serialized in snake_case, e.g. `xls_unsupported`).
///
/// ```
/// use xinyong::table::TableErrorKind;
/// assert_eq!(TableErrorKind::XlsxTooLarge.as_str(), "xlsx_too_large");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TableErrorKind {
    /// Reading the input failed (an I/O error of the reader).
    Io,
    /// Not a table: binary data, another kind of document (.docx, .ods, …), an image.
    NotATable,
    /// An Excel 97-2003 workbook (.xls, OLE2): save it as .xlsx or CSV.
    XlsUnsupported,
    /// A damaged or incomplete .xlsx (a corrupt zip, missing or malformed parts).
    XlsxInvalid,
    /// An .xlsx past the size limits (a zip bomb, or a part too large to read).
    XlsxTooLarge,
    /// The text is not in the encoding it was read in.
    Encoding,
    /// A CSV/TSV that cannot be parsed (a record past the size limit).
    CsvInvalid,
    /// One cell longer than [`Limits::max_cell_chars`].
    CellTooLarge,
    /// More rows than [`Limits::max_rows`].
    TooManyRows,
    /// More columns than [`Limits::max_columns`].
    TooManyColumns,
    /// The sheet asked for is not in the workbook.
    SheetNotFound,
}

impl TableErrorKind {
    /// The snake_case name, as serialized.
    pub fn as_str(self) -> &'static str {
        match self {
            TableErrorKind::Io => "io",
            TableErrorKind::NotATable => "not_a_table",
            TableErrorKind::XlsUnsupported => "xls_unsupported",
            TableErrorKind::XlsxInvalid => "xlsx_invalid",
            TableErrorKind::XlsxTooLarge => "xlsx_too_large",
            TableErrorKind::Encoding => "encoding",
            TableErrorKind::CsvInvalid => "csv_invalid",
            TableErrorKind::CellTooLarge => "cell_too_large",
            TableErrorKind::TooManyRows => "too_many_rows",
            TableErrorKind::TooManyColumns => "too_many_columns",
            TableErrorKind::SheetNotFound => "sheet_not_found",
        }
    }
}

/// An input that cannot be read as a table, or a row that cannot be read.
///
/// ```
/// use xinyong::table::open_bytes;
/// let e = open_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", None).unwrap_err();
/// assert_eq!(e.kind.as_str(), "not_a_table");
/// assert_eq!(e.message.en, "this is binary data, not text (one code a line, CSV or TSV)");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TableError {
    /// What went wrong.
    pub kind: TableErrorKind,
    /// The 1-based row (line of a CSV, row number of a sheet) where it applies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<u64>,
    /// The message in zh-Hans, zh-Hant and en.
    pub message: Text,
}

impl TableError {
    pub(crate) fn new(
        kind: TableErrorKind,
        zh_hans: impl Into<String>,
        zh_hant: impl Into<String>,
        en: impl Into<String>,
    ) -> Self {
        TableError { kind, row: None, message: Text::new(zh_hans, zh_hant, en) }
    }

    pub(crate) fn at(mut self, row: u64) -> Self {
        self.row = Some(row);
        self
    }

    pub(crate) fn io(e: &io::Error) -> Self {
        TableError::new(
            TableErrorKind::Io,
            format!("读取输入失败：{e}"),
            format!("讀取輸入失敗：{e}"),
            format!("cannot read the input: {e}"),
        )
    }

    /// An input larger than `limit` bytes (a workbook read whole).
    ///
    /// ```
    /// let e = xinyong::table::TableError::file_too_large(256 << 20);
    /// assert_eq!(e.kind.as_str(), "xlsx_too_large");
    /// ```
    pub fn file_too_large(limit: u64) -> Self {
        xlsx::too_large_file(limit)
    }

    pub(crate) fn xls() -> Self {
        TableError::new(
            TableErrorKind::XlsUnsupported,
            "这是 Excel 97-2003 工作簿（.xls），无法读取：请另存为 .xlsx 或 CSV",
            "這是 Excel 97-2003 活頁簿（.xls），無法讀取：請另存為 .xlsx 或 CSV",
            "this is an Excel 97-2003 workbook (.xls), which cannot be read: save as .xlsx or CSV",
        )
    }
}

impl std::fmt::Display for TableError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message.en)
    }
}

impl std::error::Error for TableError {}

/// Limits against hostile files. The defaults ([`Limits::default`]) are
/// Excel's own sheet limits for rows, columns and cell length, and sizes
/// well above any real workbook of records.
///
/// ```
/// use xinyong::table::Limits;
/// let l = Limits::default();
/// assert_eq!((l.max_rows, l.max_columns, l.max_cell_chars), (1_048_576, 16_384, 32_767));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Rows of a sheet (1,048,576, Excel's limit). CSV/TSV rows are not limited (they stream).
    pub max_rows: u64,
    /// Columns of a row (16,384, Excel's limit: column XFD), CSV/TSV too.
    pub max_columns: usize,
    /// Characters in one cell of a sheet (32,767, Excel's limit).
    pub max_cell_chars: usize,
    /// Bytes of one CSV/TSV record, or of one sheet row as text (16 MiB).
    pub max_record_bytes: usize,
    /// Bytes of an .xlsx file read by [`open_reader`] (256 MiB).
    pub max_xlsx_bytes: u64,
    /// Entries in an .xlsx zip (10,000).
    pub max_zip_entries: usize,
    /// Decompressed bytes of one part of an .xlsx (the worksheet, the shared strings…; 512 MiB).
    pub max_part_bytes: u64,
    /// Decompressed bytes of all the parts read (1 GiB).
    pub max_total_bytes: u64,
    /// Decompressed bytes per compressed byte of a part larger than 1 MiB (200).
    pub max_ratio: u64,
    /// Bytes of the shared-string table kept in memory (128 MiB of text).
    pub max_shared_string_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_rows: 1_048_576,
            max_columns: 16_384,
            max_cell_chars: 32_767,
            max_record_bytes: 16 << 20,
            max_xlsx_bytes: 256 << 20,
            max_zip_entries: 10_000,
            max_part_bytes: 512 << 20,
            max_total_bytes: 1 << 30,
            max_ratio: 200,
            max_shared_string_bytes: 128 << 20,
        }
    }
}

/// How to read a file: [`open_bytes_with`], [`open_reader_with`].
///
/// ```
/// use xinyong::table::{open_bytes_with, OpenOptions, TextEncoding};
/// let gbk = b"\xc3\xfb\xb3\xc6\n\xbc\xd7\n"; // 名称 / 甲 in GBK
/// let o = OpenOptions { encoding: TextEncoding::Gbk, ..OpenOptions::default() };
/// let t = open_bytes_with(gbk, &o).unwrap();
/// assert_eq!((t.encoding.as_str(), t.header[0].as_str()), ("gbk", "名称"));
/// ```
#[derive(Debug, Clone, Default)]
pub struct OpenOptions {
    /// The file name, for the format when the content does not tell (`.tsv`, `.csv`).
    pub name: Option<String>,
    /// The text encoding of a CSV/TSV (default: detected).
    pub encoding: TextEncoding,
    /// The delimiter of a CSV (default: tab when the first line has one, else comma).
    pub delimiter: Option<u8>,
    /// The sheet of a workbook, by name (default: the first sheet).
    pub sheet: Option<String>,
    /// Limits against hostile files.
    pub limits: Limits,
}

/// One row with what the reader knows about its cells.
///
/// ```
/// use xinyong::table::open_bytes;
/// let mut t = open_bytes(b"a,b\n1,2\n", None).unwrap();
/// let row = t.rows_with_info().next().unwrap().unwrap();
/// assert_eq!((row.number, row.cells.len(), row.formulas.len()), (2, 2, 0));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Row {
    /// The 1-based row number in the sheet, or the 1-based line of the CSV where the row starts.
    pub number: u64,
    /// The cells, as strings.
    pub cells: Vec<String>,
    /// The 0-based columns of the cells that held a formula (their value is
    /// the cached result the spreadsheet saved). Empty for CSV/TSV.
    pub formulas: Vec<usize>,
}

type Rows = Box<dyn Iterator<Item = Result<Row, TableError>>>;

/// A table being read: what it is, its first row, then its other rows.
///
/// ```
/// use xinyong::table::{open_reader, Format};
/// let input = std::io::Cursor::new(b"USCC\tname\n91350100M000100Y43\t\xe7\x94\xb2\n".to_vec());
/// let mut t = open_reader(input, None).unwrap();
/// assert_eq!((t.format, t.encoding.as_str()), (Format::Tsv, "utf8"));
/// assert_eq!(t.rows().next().unwrap().unwrap(), ["91350100M000100Y43", "甲"]);
/// ```
pub struct Table {
    /// CSV, TSV or XLSX.
    pub format: Format,
    /// `ascii` (nothing but ASCII so far: UTF-8 and GBK read the same), `utf8`,
    /// `gbk` (GB18030, a superset), `utf16le`, `utf16be`; `xlsx` for a workbook.
    /// A CSV/TSV read by [`open_reader`] is decided from its first 64 KiB; see
    /// [`Table::detected_encoding`] for the final word.
    pub encoding: String,
    /// The input began with a byte-order mark (dropped).
    pub bom: bool,
    /// The sheet read, for a workbook.
    pub sheet: Option<String>,
    /// The delimiter of a CSV/TSV.
    pub delimiter: Option<u8>,
    /// The first row (empty when the table has no rows).
    pub header: Vec<String>,
    /// The 1-based row number of the header.
    pub header_row: u64,
    /// The columns of the header that held a formula.
    pub header_formulas: Vec<usize>,
    encoding_now: Option<text::EncodingCell>,
    rows: Rows,
}

impl std::fmt::Debug for Table {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Table")
            .field("format", &self.format)
            .field("encoding", &self.encoding)
            .field("sheet", &self.sheet)
            .field("header", &self.header)
            .finish_non_exhaustive()
    }
}

impl Table {
    /// The rows after the first, as cells. After an error, the iterator ends.
    ///
    /// ```
    /// let mut t = xinyong::table::open_bytes(b"a\n1\n2\n", Some("x.csv")).unwrap();
    /// assert_eq!(t.rows().count(), 2);
    /// ```
    pub fn rows(&mut self) -> impl Iterator<Item = Result<Vec<String>, TableError>> + '_ {
        self.rows_with_info().map(|r| r.map(|r| r.cells))
    }

    /// The rows after the first, with their row numbers and formula cells.
    ///
    /// ```
    /// let mut t = xinyong::table::open_bytes(b"a\n1\n", Some("x.csv")).unwrap();
    /// assert_eq!(t.rows_with_info().next().unwrap().unwrap().number, 2);
    /// ```
    pub fn rows_with_info(&mut self) -> impl Iterator<Item = Result<Row, TableError>> + '_ {
        &mut self.rows
    }

    /// The encoding as known now: for a CSV/TSV read by [`open_reader`] whose
    /// first 64 KiB are ASCII, the first non-ASCII bytes later decide
    /// (`utf8` or `gbk`), as in the Node CLI.
    ///
    /// ```
    /// let mut t = xinyong::table::open_bytes(b"a\n1\n", None).unwrap();
    /// assert_eq!(t.detected_encoding(), "ascii");
    /// ```
    pub fn detected_encoding(&self) -> String {
        match &self.encoding_now {
            Some(cell) => cell.get().to_owned(),
            None => self.encoding.clone(),
        }
    }

    /// The whole table: the header, then every row (reads to the end).
    ///
    /// ```
    /// let t = xinyong::table::open_bytes(b"a,b\n1,2\n", None).unwrap();
    /// assert_eq!(t.into_rows().unwrap(), [vec!["a", "b"], vec!["1", "2"]]);
    /// ```
    pub fn into_rows(mut self) -> Result<Vec<Vec<String>>, TableError> {
        let mut all = Vec::new();
        if self.header_row > 0 {
            all.push(std::mem::take(&mut self.header));
        }
        for row in self.rows() {
            all.push(row?);
        }
        Ok(all)
    }
}

/// What the first bytes of an input say it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Magic {
    Zip,
    Ole2,
    Other,
}

fn magic(head: &[u8]) -> Magic {
    if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
        Magic::Zip
    } else if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        Magic::Ole2
    } else {
        Magic::Other
    }
}

/// Reads a whole file given as bytes: CSV, TSV (any of the encodings above) or .xlsx.
/// `name` (the file name) helps only where the content does not tell.
///
/// ```
/// let t = xinyong::table::open_bytes(b"a;b\n", Some("x.csv")).unwrap();
/// assert_eq!(t.header, ["a;b"]); // the delimiter is a comma unless told (OpenOptions::delimiter)
/// ```
pub fn open_bytes(bytes: &[u8], name: Option<&str>) -> Result<Table, TableError> {
    open_bytes_with(bytes, &OpenOptions { name: name.map(str::to_owned), ..OpenOptions::default() })
}

/// [`open_bytes`] with options: encoding, delimiter, sheet, limits.
///
/// ```
/// use xinyong::table::{open_bytes_with, OpenOptions};
/// let o = OpenOptions { delimiter: Some(b';'), ..OpenOptions::default() };
/// assert_eq!(open_bytes_with(b"a;b\n", &o).unwrap().header, ["a", "b"]);
/// ```
pub fn open_bytes_with(bytes: &[u8], options: &OpenOptions) -> Result<Table, TableError> {
    match magic(bytes) {
        Magic::Zip => xlsx::open(bytes.to_vec(), options),
        Magic::Ole2 => Err(TableError::xls()),
        Magic::Other => text::open(io::Cursor::new(bytes.to_vec()), options),
    }
}

/// Reads a file from a reader: CSV and TSV stream (constant memory: one
/// record at a time, within [`Limits::max_record_bytes`]); an .xlsx is read
/// whole first (at most [`Limits::max_xlsx_bytes`]).
///
/// ```
/// let input = std::io::Cursor::new(b"\xef\xbb\xbfa,b\n1,2\n".to_vec());
/// let t = xinyong::table::open_reader(input, None).unwrap();
/// assert!(t.bom);
/// assert_eq!(t.header, ["a", "b"]);
/// ```
pub fn open_reader<R: Read + 'static>(reader: R, name: Option<&str>) -> Result<Table, TableError> {
    open_reader_with(reader, &OpenOptions { name: name.map(str::to_owned), ..OpenOptions::default() })
}

/// [`open_reader`] with options.
///
/// ```
/// use xinyong::table::{open_reader_with, OpenOptions};
/// let o = OpenOptions { name: Some("x.tsv".into()), ..OpenOptions::default() };
/// let t = open_reader_with(std::io::Cursor::new(b"a\n".to_vec()), &o).unwrap();
/// assert_eq!(t.format, xinyong::table::Format::Tsv);
/// ```
pub fn open_reader_with<R: Read + 'static>(
    mut reader: R,
    options: &OpenOptions,
) -> Result<Table, TableError> {
    let head = text::read_head(&mut reader, text::SNIFF).map_err(|e| TableError::io(&e))?;
    match magic(&head) {
        Magic::Zip => {
            let limit = options.limits.max_xlsx_bytes;
            let mut all = head;
            (&mut reader)
                .take(limit.saturating_add(1))
                .read_to_end(&mut all)
                .map_err(|e| TableError::io(&e))?;
            if all.len() as u64 > limit {
                return Err(TableError::file_too_large(limit));
            }
            xlsx::open(all, options)
        }
        Magic::Ole2 => Err(TableError::xls()),
        Magic::Other => text::open(io::Cursor::new(head).chain(reader), options),
    }
}

//! CSV/TSV: byte-order marks, the encoding (UTF-8, GBK/GB18030, UTF-16),
//! binary refusal, the delimiter, and records streamed with constant memory.

use super::decode::Dec;
use super::{Format, Limits, OpenOptions, Row, Rows, Table, TableError, TableErrorKind};
use std::cell::Cell;
use std::io::{self, Read};
use std::rc::Rc;

/// Bytes looked at to recognize binary input, the encoding and the format.
pub(crate) const SNIFF: usize = 64 * 1024;
/// Raw bytes read from the input at a time (as the Node CLI's file stream:
/// the first chunk with a non-ASCII byte decides between UTF-8 and GBK).
const CHUNK: usize = 256 * 1024;

pub(crate) type EncodingCell = Rc<Cell<&'static str>>;

/// A byte-order mark, its decoder and the encoding's name.
type Bom = (&'static [u8], fn() -> Dec, &'static str);

/// The encoding a [`DecodeReader`] has decided on, as known now (see [`DecodeReader::encoding_watch`]).
///
/// ```
/// use std::io::Read;
/// use xinyong::table::{DecodeReader, TextEncoding};
/// let mut r = DecodeReader::new(std::io::Cursor::new("a甲".as_bytes().to_vec()), TextEncoding::Auto);
/// let watch = r.encoding_watch();
/// assert_eq!(watch.get(), "ascii");
/// r.read_to_end(&mut Vec::new()).unwrap();
/// assert_eq!(watch.get(), "utf8");
/// ```
#[derive(Debug, Clone)]
pub struct EncodingWatch(EncodingCell);

impl EncodingWatch {
    /// `ascii`, `utf8`, `gbk`, `utf16le` or `utf16be`.
    pub fn get(&self) -> &'static str {
        self.0.get()
    }
}

/// The encoding to read a CSV/TSV in. A byte-order mark overrides it.
///
/// ```
/// use xinyong::table::TextEncoding;
/// assert_eq!("GB18030".parse::<TextEncoding>(), Ok(TextEncoding::Gbk));
/// assert_eq!(TextEncoding::default(), TextEncoding::Auto);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TextEncoding {
    /// Detected: ASCII reads the same in both; the first non-ASCII bytes
    /// decide: UTF-8 when they are valid UTF-8 (and later invalid UTF-8 is an
    /// error), else GBK (GB18030).
    #[default]
    Auto,
    /// UTF-8 (invalid bytes become U+FFFD).
    Utf8,
    /// GBK, read as GB18030, its superset (what Excel saves as "CSV" on a Chinese Windows).
    Gbk,
}

impl std::str::FromStr for TextEncoding {
    type Err = String;

    /// `auto`, `utf8`/`utf-8`, `gbk`/`gb18030`/`gb2312`/`cp936` (case-insensitive).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "auto" => Ok(TextEncoding::Auto),
            "utf8" | "utf-8" => Ok(TextEncoding::Utf8),
            "gbk" | "gb18030" | "gb2312" | "cp936" => Ok(TextEncoding::Gbk),
            _ => Err(format!("unknown encoding '{s}': auto, utf8 or gbk")),
        }
    }
}

/// Why the first bytes of an input (after a UTF-8 byte-order mark) cannot be
/// text: control bytes that text never holds. `None` when it may be text.
/// (Zip and OLE2 signatures are recognized before, as workbooks.)
///
/// ```
/// use xinyong::table::sniff_binary;
/// assert!(sniff_binary(b"a\x00b").is_some());
/// assert!(sniff_binary(b"91350100M000100Y43\r\n").is_none());
/// ```
pub fn sniff_binary(head: &[u8]) -> Option<TableError> {
    let control = |b: u8| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0B | 0x0C | 0x1A);
    head.iter().any(|&b| control(b)).then(|| {
        TableError::new(
            TableErrorKind::NotATable,
            "这是二进制数据，不是文本（每行一个代码、CSV 或 TSV）",
            "這是二進位資料，不是文字（每行一個代碼、CSV 或 TSV）",
            "this is binary data, not text (one code a line, CSV or TSV)",
        )
    })
}

/// Reads up to `n` bytes (fewer at the end of the input).
pub(crate) fn read_head(reader: &mut dyn Read, n: usize) -> io::Result<Vec<u8>> {
    let mut head = Vec::with_capacity(n.min(SNIFF));
    reader.take(n as u64).read_to_end(&mut head)?;
    Ok(head)
}

enum Mode {
    /// Nothing but ASCII so far.
    Undecided,
    /// UTF-8, validated as it passes (an error at the first invalid byte).
    Strict,
    /// Decoded (with U+FFFD for invalid bytes).
    Decode(Dec),
}

/// A reader that turns the input into UTF-8 (see [`TextEncoding`]), with a
/// cap on the bytes between two marks (a CSV record) so that no input makes
/// the reader hold more than that.
///
/// ```
/// use std::io::Read;
/// use xinyong::table::{DecodeReader, TextEncoding};
/// let mut r = DecodeReader::new(std::io::Cursor::new(b"\xbc\xd7".to_vec()), TextEncoding::Gbk);
/// let mut s = String::new();
/// r.read_to_string(&mut s).unwrap();
/// assert_eq!((s.as_str(), r.encoding()), ("甲", "gbk"));
/// ```
pub struct DecodeReader<R> {
    inner: R,
    /// The buffer the input is read into.
    chunk: Vec<u8>,
    raw: Vec<u8>,
    raw_pos: usize,
    eof: bool,
    finished: bool,
    mode: Mode,
    out: Vec<u8>,
    out_pos: usize,
    encoding: EncodingCell,
    /// Raw bytes consumed before `raw`.
    consumed: u64,
    /// Bytes handed out.
    produced: u64,
    mark: Rc<Cell<u64>>,
    cap: u64,
}

impl<R: Read> DecodeReader<R> {
    /// A reader of `inner` (without a byte-order mark: see [`open_text`]) in `encoding`.
    pub fn new(inner: R, encoding: TextEncoding) -> Self {
        let (mode, name) = match encoding {
            TextEncoding::Auto => (Mode::Undecided, "ascii"),
            TextEncoding::Utf8 => (Mode::Decode(Dec::utf8()), "utf8"),
            TextEncoding::Gbk => (Mode::Decode(Dec::gbk()), "gbk"),
        };
        Self::with_mode(inner, mode, name)
    }

    fn with_mode(inner: R, mode: Mode, name: &'static str) -> Self {
        DecodeReader {
            inner,
            chunk: Vec::new(),
            raw: Vec::new(),
            raw_pos: 0,
            eof: false,
            finished: false,
            mode,
            out: Vec::new(),
            out_pos: 0,
            encoding: Rc::new(Cell::new(name)),
            consumed: 0,
            produced: 0,
            mark: Rc::new(Cell::new(0)),
            cap: u64::MAX,
        }
    }

    /// The encoding as known now: `ascii` (undecided), `utf8`, `gbk`, `utf16le`, `utf16be`.
    pub fn encoding(&self) -> &'static str {
        self.encoding.get()
    }

    /// A handle that tells the encoding later, after the reader was given away.
    pub fn encoding_watch(&self) -> EncodingWatch {
        EncodingWatch(self.encoding.clone())
    }

    /// Reads more input and appends its UTF-8 to `out`; false at the end.
    fn pump(&mut self) -> io::Result<bool> {
        loop {
            let start = self.out.len();
            if self.raw_pos < self.raw.len() {
                self.convert()?;
                if self.out.len() > start {
                    return Ok(true);
                }
            }
            if self.eof {
                return self.finish();
            }
            self.refill()?;
        }
    }

    fn refill(&mut self) -> io::Result<()> {
        self.consumed += self.raw_pos as u64;
        self.raw.drain(..self.raw_pos.min(self.raw.len()));
        self.raw_pos = 0;
        if self.chunk.is_empty() {
            self.chunk = vec![0; CHUNK];
        }
        let n = loop {
            match self.inner.read(&mut self.chunk) {
                Ok(n) => break n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
        };
        self.raw.extend_from_slice(self.chunk.get(..n).unwrap_or_default());
        if n == 0 {
            self.eof = true;
        }
        Ok(())
    }

    /// At the end of the input: what a decoder still holds. True when that was something.
    fn finish(&mut self) -> io::Result<bool> {
        if self.finished {
            return Ok(false);
        }
        self.finished = true;
        if let Mode::Decode(d) = &mut self.mode {
            let start = self.out.len();
            d.decode(&[], &mut self.out, true)?;
            return Ok(self.out.len() > start);
        }
        Ok(false)
    }

    /// Converts the pending raw bytes.
    fn convert(&mut self) -> io::Result<()> {
        let pending = self.raw.get(self.raw_pos..).unwrap_or_default();
        match &mut self.mode {
            Mode::Undecided => {
                let ascii = pending.iter().position(|&b| b >= 0x80).unwrap_or(pending.len());
                self.out.extend_from_slice(pending.get(..ascii).unwrap_or_default());
                self.raw_pos += ascii;
                let rest = self.raw.get(self.raw_pos..).unwrap_or_default();
                if !rest.is_empty() {
                    let utf8 = match std::str::from_utf8(rest) {
                        Ok(_) => true,
                        // The first character is cut at the end of what was read: wait for more.
                        Err(e) if e.error_len().is_none() && e.valid_up_to() == 0 && !self.eof => {
                            return Ok(())
                        }
                        Err(e) => e.error_len().is_none(),
                    };
                    if utf8 {
                        self.mode = Mode::Strict;
                        self.encoding.set("utf8");
                    } else {
                        self.mode = Mode::Decode(Dec::gbk());
                        self.encoding.set("gbk");
                    }
                    return self.convert();
                }
            }
            Mode::Strict => match std::str::from_utf8(pending) {
                Ok(_) => {
                    self.out.extend_from_slice(pending);
                    self.raw_pos = self.raw.len();
                }
                Err(e) => {
                    let valid = e.valid_up_to();
                    self.out.extend_from_slice(pending.get(..valid).unwrap_or_default());
                    self.raw_pos += valid;
                    if e.error_len().is_some() || self.eof {
                        let at = self.consumed + self.raw_pos as u64;
                        return Err(io::Error::other(not_utf8(at)));
                    }
                }
            },
            Mode::Decode(d) => {
                let last = self.eof;
                let read = d.decode(pending, &mut self.out, last)?;
                self.raw_pos += read;
                if last && self.raw_pos >= self.raw.len() {
                    // The decoder is spent (encoding_rs panics if it is used after `last`).
                    self.mode = Mode::Strict;
                    self.finished = true;
                }
            }
        }
        Ok(())
    }

    /// Makes sure the unread output holds a line break (or `SNIFF` bytes, or
    /// all that there is) and returns the first line of it (without `\r\n`).
    fn peek_line(&mut self) -> io::Result<String> {
        loop {
            let unread = self.out.get(self.out_pos..).unwrap_or_default();
            if unread.contains(&b'\n') || unread.len() >= SNIFF || !self.pump()? {
                break;
            }
        }
        let unread = self.out.get(self.out_pos..).unwrap_or_default();
        let end = unread.iter().position(|&b| b == b'\n').unwrap_or(unread.len());
        let line = String::from_utf8_lossy(unread.get(..end).unwrap_or_default());
        Ok(line.trim_end_matches('\r').to_owned())
    }
}

fn not_utf8(at: u64) -> TableError {
    TableError::new(
        TableErrorKind::Encoding,
        format!("输入不是有效的 UTF-8（约第 {at} 字节处），而开头是 UTF-8：请指定编码 gbk 或 utf8"),
        format!("輸入不是有效的 UTF-8（約第 {at} 位元組處），而開頭是 UTF-8：請指定編碼 gbk 或 utf8"),
        format!("the input is not valid UTF-8 (near byte {at}); it started as UTF-8. Give --encoding gbk or --encoding utf8"),
    )
}

impl<R: Read> Read for DecodeReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        while self.out_pos >= self.out.len() {
            self.out.clear();
            self.out_pos = 0;
            if !self.pump()? && self.out.is_empty() {
                return Ok(0);
            }
        }
        let unread = self.out.get(self.out_pos..).unwrap_or_default();
        let n = unread.len().min(buf.len());
        if let (Some(dst), Some(src)) = (buf.get_mut(..n), unread.get(..n)) {
            dst.copy_from_slice(src);
        }
        self.out_pos += n;
        self.produced += n as u64;
        if self.produced.saturating_sub(self.mark.get()) > self.cap {
            return Err(io::Error::other(record_too_large(self.cap)));
        }
        Ok(n)
    }
}

fn record_too_large(cap: u64) -> TableError {
    let mib = cap >> 20;
    TableError::new(
        TableErrorKind::CsvInvalid,
        format!("一条记录超过 {mib} MiB（引号未闭合？）"),
        format!("一筆記錄超過 {mib} MiB（引號未閉合？）"),
        format!("a record is longer than {mib} MiB (an unclosed quote?)"),
    )
}

/// A CSV/TSV input after its first bytes were looked at: the byte-order
/// mark, the encoding, the first line. [`TextInput::into_table`] reads it as
/// records; `reader` gives its UTF-8 for other uses (one code a line).
///
/// ```
/// use xinyong::table::{open_text, Format, OpenOptions};
/// let input = open_text(std::io::Cursor::new(b"\xff\xfea\x00,\x00b\x00".to_vec()), &OpenOptions::default()).unwrap();
/// assert_eq!((input.first_line.as_str(), input.bom, input.reader.encoding()), ("a,b", true, "utf16le"));
/// let t = input.into_table(Format::Csv, b',', &Default::default());
/// assert_eq!(t.header, ["a", "b"]);
/// ```
pub struct TextInput {
    /// The input as UTF-8.
    pub reader: DecodeReader<Box<dyn Read>>,
    /// The input began with a byte-order mark (dropped).
    pub bom: bool,
    /// The first line, without its line break (lossy where it was cut inside a character).
    pub first_line: String,
}

/// Looks at the first bytes of a text input: a byte-order mark (UTF-8,
/// UTF-16LE, UTF-16BE: dropped, and it decides the encoding), binary data
/// (an error), then the first line. Zip and OLE2 inputs are not text: see
/// [`super::open_reader`].
///
/// ```
/// use xinyong::table::{open_text, OpenOptions};
/// let e = open_text(std::io::Cursor::new(b"ab\x00\x01".to_vec()), &OpenOptions::default()).err().unwrap();
/// assert_eq!(e.kind.as_str(), "not_a_table");
/// ```
pub fn open_text<R: Read + 'static>(mut reader: R, options: &OpenOptions) -> Result<TextInput, TableError> {
    let mut head = read_head(&mut reader, 4).map_err(|e| TableError::io(&e))?;
    let boms: [Bom; 3] = [
        (&[0xEF, 0xBB, 0xBF], Dec::utf8, "utf8"),
        (&[0xFF, 0xFE], || Dec::utf16(true), "utf16le"),
        (&[0xFE, 0xFF], || Dec::utf16(false), "utf16be"),
    ];
    let bom = boms.iter().find(|(b, _, _)| head.starts_with(b));
    if let Some((b, _, _)) = bom {
        head.drain(..b.len());
    }
    let input: Box<dyn Read> = Box::new(io::Cursor::new(head).chain(reader));
    let mut decoder = match bom {
        Some((_, encoding, name)) => DecodeReader::with_mode(input, Mode::Decode(encoding()), name),
        None => DecodeReader::new(input, options.encoding),
    };
    if bom.is_none_or(|(_, _, name)| *name == "utf8") {
        // The raw bytes, before any decoding, must not be binary.
        while decoder.raw.len() < SNIFF && !decoder.eof {
            decoder.refill().map_err(|e| TableError::io(&e))?;
        }
        if let Some(e) = sniff_binary(decoder.raw.get(..SNIFF.min(decoder.raw.len())).unwrap_or_default()) {
            return Err(e);
        }
    }
    let first_line = decoder.peek_line().map_err(|e| from_io(&e))?;
    Ok(TextInput { reader: decoder, bom: bom.is_some(), first_line })
}

/// An io::Error from the decode reader: its TableError, or an I/O error.
pub(crate) fn from_io(e: &io::Error) -> TableError {
    match e.get_ref().and_then(|inner| inner.downcast_ref::<TableError>()) {
        Some(t) => t.clone(),
        None => TableError::io(e),
    }
}

/// The format from the first line and the file name: TSV when the line has
/// a tab, CSV when it has a comma, else by extension (`.tsv`/`.tab`), else CSV.
pub(crate) fn detect_format(first_line: &str, name: Option<&str>) -> Format {
    let lower = name.unwrap_or("").to_ascii_lowercase();
    if first_line.contains('\t') {
        Format::Tsv
    } else if first_line.contains(',') {
        Format::Csv
    } else if lower.ends_with(".tsv") || lower.ends_with(".tab") {
        Format::Tsv
    } else {
        Format::Csv
    }
}

impl TextInput {
    /// Reads the input as CSV (with `delimiter`) or TSV records.
    pub fn into_table(self, format: Format, delimiter: u8, limits: &Limits) -> Table {
        let mut decoder = self.reader;
        // One record at most this long: the bytes between two records are capped.
        decoder.cap = limits.max_record_bytes as u64;
        let encoding = decoder.encoding.clone();
        let mark = decoder.mark.clone();
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .buffer_capacity(256 * 1024)
            .from_reader(decoder);
        let max_columns = limits.max_columns;
        let mut record = csv::StringRecord::new();
        let mut done = false;
        let mut rows: Rows = Box::new(std::iter::from_fn(move || {
            if done {
                return None;
            }
            let result = reader.read_record(&mut record);
            mark.set(reader.position().byte());
            let line = record.position().map_or(0, csv::Position::line);
            match result {
                Ok(false) => {
                    done = true;
                    None
                }
                Ok(true) if record.len() > max_columns => {
                    done = true;
                    Some(Err(too_many_columns(max_columns).at(line)))
                }
                Ok(true) => Some(Ok(Row {
                    number: line,
                    cells: record.iter().map(str::to_owned).collect(),
                    formulas: Vec::new(),
                })),
                Err(e) => {
                    done = true;
                    Some(Err(csv_error(e)))
                }
            }
        }));
        let (header, header_row) = match rows.next() {
            Some(Ok(row)) => (row.cells, row.number),
            Some(Err(e)) => {
                let mut once = Some(e);
                rows = Box::new(std::iter::from_fn(move || once.take().map(Err)));
                (Vec::new(), 0)
            }
            None => (Vec::new(), 0),
        };
        Table {
            format,
            encoding: encoding.get().to_owned(),
            bom: self.bom,
            sheet: None,
            delimiter: Some(delimiter),
            header,
            header_row,
            header_formulas: Vec::new(),
            encoding_now: Some(encoding),
            rows,
        }
    }
}

pub(crate) fn too_many_columns(max: usize) -> TableError {
    TableError::new(
        TableErrorKind::TooManyColumns,
        format!("一行超过 {max} 列"),
        format!("一列超過 {max} 欄"),
        format!("a row has more than {max} columns"),
    )
}

fn csv_error(e: csv::Error) -> TableError {
    let line = e.position().map(csv::Position::line);
    let error = match e.into_kind() {
        csv::ErrorKind::Io(io) => from_io(&io),
        csv::ErrorKind::Utf8 { .. } => not_utf8(0),
        other => {
            let what = format!("{other:?}");
            TableError::new(
                TableErrorKind::CsvInvalid,
                format!("无法解析输入：{what}"),
                format!("無法解析輸入：{what}"),
                format!("cannot parse the input: {what}"),
            )
        }
    };
    match line {
        Some(l) if error.row.is_none() => error.at(l),
        _ => error,
    }
}

/// A CSV/TSV from a reader: see [`super::open_reader`].
pub(crate) fn open<R: Read + 'static>(reader: R, options: &OpenOptions) -> Result<Table, TableError> {
    let input = open_text(reader, options)?;
    let (format, delimiter) = match options.delimiter {
        Some(b'\t') => (Format::Tsv, b'\t'),
        Some(d) => (Format::Csv, d),
        None => match detect_format(&input.first_line, options.name.as_deref()) {
            Format::Tsv => (Format::Tsv, b'\t'),
            _ => (Format::Csv, b','),
        },
    };
    Ok(input.into_table(format, delimiter, &options.limits))
}

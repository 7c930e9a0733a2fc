//! .xlsx workbooks (Office Open XML, ECMA-376): the zip container is read
//! with the `zip` crate (central directory, declared sizes), the XML parts
//! with `quick-xml`; the worksheet is inflated (flate2) and parsed as a
//! stream, one row at a time. The shared strings and the styles are read
//! whole, within the limits.
//!
//! Against hostile files (zip bombs, huge cells, endless rows) every part
//! is checked twice: its declared size and compression ratio before it is
//! opened, and the bytes actually inflated while it is read (a part that
//! lies about its size is stopped at the limit), plus a cap on the bytes
//! between two `<` (one text node or tag), so that no single XML event can
//! be large.

use super::{Limits, OpenOptions, Row, Rows, Table, TableError, TableErrorKind};
use chrono::{Datelike, NaiveDate, Timelike};
use quick_xml::events::{BytesRef, BytesStart, Event};
use std::cell::Cell;
use std::io::{self, BufReader, Cursor, Read};
use std::rc::Rc;

/// Bytes between two `<` in a part: one text node or one tag.
const MAX_RUN: usize = 1 << 20;
/// Parts smaller than this are not held to the compression ratio.
const RATIO_FLOOR: u64 = 1 << 20;
/// Bytes of the workbook, relationships, styles and content-type parts.
const SMALL_PART: u64 = 32 << 20;
/// Shared strings kept at most.
const MAX_SHARED_STRINGS: usize = 1 << 24;

fn err(kind: TableErrorKind, zh_hans: String, zh_hant: String, en: String) -> TableError {
    TableError::new(kind, zh_hans, zh_hant, en)
}

pub(crate) fn too_large_file(limit: u64) -> TableError {
    let mib = limit >> 20;
    err(
        TableErrorKind::XlsxTooLarge,
        format!("工作簿超过 {mib} MiB，无法读取：请另存为 CSV"),
        format!("活頁簿超過 {mib} MiB，無法讀取：請另存為 CSV"),
        format!("the workbook is larger than {mib} MiB and cannot be read: save the sheet as CSV"),
    )
}

fn invalid(detail: &str) -> TableError {
    err(
        TableErrorKind::XlsxInvalid,
        format!("这是 zip 压缩包（.xlsx 工作簿？），但已损坏或不完整，无法读取（{detail}）：请用 Excel 重新保存为 .xlsx 或 CSV"),
        format!("這是 zip 壓縮檔（.xlsx 活頁簿？），但已損壞或不完整，無法讀取（{detail}）：請用 Excel 重新儲存為 .xlsx 或 CSV"),
        format!("this is a zip archive (an .xlsx workbook?) that is damaged or incomplete ({detail}): save it again as .xlsx or CSV"),
    )
}

fn bomb(part: &str, why: &str) -> TableError {
    err(
        TableErrorKind::XlsxTooLarge,
        format!("工作簿的 {part} 解压后过大（{why}），可能是恶意构造的文件：已停止读取"),
        format!("活頁簿的 {part} 解壓後過大（{why}），可能是惡意構造的檔案：已停止讀取"),
        format!("the workbook's {part} is too large when decompressed ({why}), which looks like a zip bomb: reading stopped"),
    )
}

fn cell_too_large(limit: usize) -> TableError {
    err(
        TableErrorKind::CellTooLarge,
        format!("一个单元格超过 {limit} 个字符（Excel 的上限）"),
        format!("一個儲存格超過 {limit} 個字元（Excel 的上限）"),
        format!("a cell is longer than {limit} characters (Excel's limit)"),
    )
}

fn too_many_rows(limit: u64) -> TableError {
    err(
        TableErrorKind::TooManyRows,
        format!("工作表超过 {limit} 行（Excel 的上限）"),
        format!("工作表超過 {limit} 列（Excel 的上限）"),
        format!("the sheet has more than {limit} rows (Excel's limit)"),
    )
}

/// A zip that is not an .xlsx: what it is.
fn not_xlsx(what_zh_hans: &str, what_zh_hant: &str, what_en: &str) -> TableError {
    err(
        TableErrorKind::NotATable,
        format!("这是{what_zh_hans}，不是 .xlsx 工作簿：请另存为 .xlsx 或 CSV"),
        format!("這是{what_zh_hant}，不是 .xlsx 活頁簿：請另存為 .xlsx 或 CSV"),
        format!("this is {what_en}, not an .xlsx workbook: save as .xlsx or CSV"),
    )
}

/// The input bytes, shared by the archive and the worksheet stream.
#[derive(Clone)]
struct Shared(Rc<[u8]>);

impl AsRef<[u8]> for Shared {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

/// A reader of `data[pos..end]`.
struct Slice {
    data: Shared,
    pos: usize,
    end: usize,
}

impl Read for Slice {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let rest = self.data.0.get(self.pos..self.end).unwrap_or_default();
        let n = rest.len().min(buf.len());
        if let (Some(dst), Some(src)) = (buf.get_mut(..n), rest.get(..n)) {
            dst.copy_from_slice(src);
        }
        self.pos += n;
        Ok(n)
    }
}

/// Counts what is inflated: the part's limit, the ratio, the total budget,
/// and the bytes between two `<`.
struct Guard<R> {
    inner: R,
    part: String,
    read: u64,
    cap: u64,
    compressed: u64,
    ratio: u64,
    budget: Rc<Cell<u64>>,
    run: usize,
}

impl<R: Read> Read for Guard<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        let left = self.budget.get();
        if n as u64 > left {
            return Err(io::Error::other(bomb(&self.part, "all the parts together are past the limit")));
        }
        self.budget.set(left - n as u64);
        if self.read > self.cap {
            return Err(io::Error::other(bomb(&self.part, &format!("more than {} MiB", self.cap >> 20))));
        }
        if self.read > RATIO_FLOOR && self.read > self.ratio.saturating_mul(self.compressed.max(1)) {
            return Err(io::Error::other(bomb(
                &self.part,
                &format!("more than {} times its compressed size", self.ratio),
            )));
        }
        let chunk = buf.get(..n).unwrap_or_default();
        match chunk.iter().rposition(|&b| b == b'<') {
            Some(i) => self.run = n - i - 1,
            None => self.run += n,
        }
        if self.run > MAX_RUN {
            return Err(io::Error::other(err(
                TableErrorKind::CellTooLarge,
                format!("{} 中有一段超过 1 MiB 的文本或标记（单元格过大）", self.part),
                format!("{} 中有一段超過 1 MiB 的文字或標記（儲存格過大）", self.part),
                format!("the {} holds a text or tag longer than 1 MiB (a cell too large)", self.part),
            )));
        }
        Ok(n)
    }
}

type PartReader = quick_xml::Reader<BufReader<Guard<Box<dyn Read>>>>;

/// Elements open at once, at most (a workbook's parts nest a few levels;
/// the XML reader keeps every open element's name, so deep nesting is memory).
const MAX_DEPTH: usize = 64;

/// The next XML event of a part, with the nesting depth kept within [`MAX_DEPTH`].
fn event<'b>(
    r: &mut PartReader,
    buf: &'b mut Vec<u8>,
    depth: &mut usize,
    part: &str,
) -> Result<Event<'b>, TableError> {
    let e = r.read_event_into(buf).map_err(|e| xml_error(part, &e))?;
    match &e {
        Event::Start(_) => {
            *depth += 1;
            if *depth > MAX_DEPTH {
                return Err(invalid(&format!("{part}: elements nested more than {MAX_DEPTH} deep")));
            }
        }
        Event::End(_) => *depth = depth.saturating_sub(1),
        _ => {}
    }
    Ok(e)
}

struct Book {
    zip: zip::ZipArchive<Cursor<Shared>>,
    data: Shared,
    limits: Limits,
    budget: Rc<Cell<u64>>,
}

fn io_to_table(e: &io::Error) -> TableError {
    super::text::from_io(e)
}

fn xml_error(part: &str, e: &quick_xml::Error) -> TableError {
    if let quick_xml::Error::Io(io) = e {
        return io_to_table(io);
    }
    invalid(&format!("{part}: {e}"))
}

impl Book {
    /// An XML reader of a part, with its limits; None when there is no such part.
    fn part(&mut self, name: &str, cap: u64) -> Result<Option<PartReader>, TableError> {
        let Some(index) = self.zip.index_for_name(name) else {
            return Ok(None);
        };
        let (size, compressed, method, start) = {
            let file = self.zip.by_index_raw(index).map_err(|e| invalid(&format!("{name}: {e}")))?;
            (file.size(), file.compressed_size(), file.compression(), file.data_start())
        };
        let cap = cap.min(self.limits.max_part_bytes);
        if size > cap {
            return Err(bomb(name, &format!("{} MiB declared, the limit is {} MiB", size >> 20, cap >> 20)));
        }
        if size > RATIO_FLOOR && size > self.limits.max_ratio.saturating_mul(compressed.max(1)) {
            return Err(bomb(name, &format!("{size} bytes declared from {compressed} compressed")));
        }
        let start = usize::try_from(start).map_err(|_| invalid(name))?;
        let end = usize::try_from(compressed)
            .ok()
            .and_then(|c| start.checked_add(c))
            .ok_or_else(|| invalid(name))?;
        if end > self.data.0.len() {
            return Err(invalid(&format!("{name}: truncated")));
        }
        let raw = Slice { data: self.data.clone(), pos: start, end };
        let inflated: Box<dyn Read> = match method {
            zip::CompressionMethod::Stored => Box::new(raw),
            zip::CompressionMethod::Deflated => Box::new(flate2::read::DeflateDecoder::new(raw)),
            other => return Err(invalid(&format!("{name}: compression {other} is not supported"))),
        };
        let guard = Guard {
            inner: inflated,
            part: name.to_owned(),
            read: 0,
            cap,
            compressed,
            ratio: self.limits.max_ratio,
            budget: self.budget.clone(),
            run: 0,
        };
        let mut reader = quick_xml::Reader::from_reader(BufReader::with_capacity(64 * 1024, guard));
        reader.config_mut().expand_empty_elements = false;
        Ok(Some(reader))
    }
}

/// The value of attribute `key` (local name) of `e`.
fn attr(e: &BytesStart<'_>, key: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == key)
        .and_then(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok().map(|v| v.into_owned()))
}

/// The text of a reference such as `&amp;` or `&#x4E2D;`.
fn entity(r: &BytesRef<'_>, out: &mut String) {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        out.push(c);
        return;
    }
    match r.as_ref() {
        b"amp" => out.push('&'),
        b"lt" => out.push('<'),
        b"gt" => out.push('>'),
        b"quot" => out.push('"'),
        b"apos" => out.push('\''),
        _ => {}
    }
}

/// ST_Xstring escapes: `_x000D_` is a carriage return, `_x005F_` an underscore.
fn unescape_x(s: String) -> String {
    if !s.contains("_x") {
        return s;
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s.as_str();
    while let Some(i) = rest.find("_x") {
        let (before, at) = rest.split_at(i);
        out.push_str(before);
        let hex = at.get(2..6).filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()));
        match (hex, at.get(6..7)) {
            (Some(h), Some("_")) => {
                if let Some(c) = u32::from_str_radix(h, 16).ok().and_then(char::from_u32) {
                    out.push(c);
                }
                rest = at.get(7..).unwrap_or_default();
            }
            _ => {
                out.push_str("_x");
                rest = at.get(2..).unwrap_or_default();
            }
        }
    }
    out.push_str(rest);
    out
}

struct Sheet {
    name: String,
    rel: String,
    hidden: bool,
}

/// Reads workbook.xml: the sheets in order and the 1904 date system.
fn workbook(book: &mut Book) -> Result<(Vec<Sheet>, bool), TableError> {
    let part = "xl/workbook.xml";
    let mut r = book.part(part, SMALL_PART)?.ok_or_else(|| invalid(part))?;
    let mut buf = Vec::new();
    let mut depth = 0usize;
    let mut sheets = Vec::new();
    let mut date1904 = false;
    loop {
        match event(&mut r, &mut buf, &mut depth, part) {
            Ok(Event::Start(e) | Event::Empty(e)) => match e.local_name().as_ref() {
                b"sheet" => {
                    let name = attr(&e, b"name").unwrap_or_default();
                    let rel = attr(&e, b"id").unwrap_or_default();
                    let hidden = attr(&e, b"state").is_some_and(|s| s != "visible");
                    sheets.push(Sheet { name, rel, hidden });
                }
                b"workbookPr" => {
                    date1904 = attr(&e, b"date1904").is_some_and(|v| v == "1" || v == "true");
                }
                _ => {}
            },
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => return Err(e),
        }
        buf.clear();
    }
    Ok((sheets, date1904))
}

/// Reads the workbook's relationships: id → (type, part name).
fn relationships(book: &mut Book) -> Result<Vec<(String, String, String)>, TableError> {
    let part = "xl/_rels/workbook.xml.rels";
    let Some(mut r) = book.part(part, SMALL_PART)? else {
        return Ok(Vec::new());
    };
    let mut buf = Vec::new();
    let mut depth = 0usize;
    let mut rels = Vec::new();
    loop {
        match event(&mut r, &mut buf, &mut depth, part) {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == b"Relationship" => {
                let target = attr(&e, b"Target").unwrap_or_default();
                let path = match target.strip_prefix('/') {
                    Some(absolute) => absolute.to_owned(),
                    None => format!("xl/{}", target.trim_start_matches("./")),
                };
                rels.push((attr(&e, b"Id").unwrap_or_default(), attr(&e, b"Type").unwrap_or_default(), path));
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => return Err(e),
        }
        buf.clear();
    }
    Ok(rels)
}

/// How a number with a style shows.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Shown {
    Number,
    Date,
    DateTime,
    Time,
}

fn builtin_format(id: u32) -> Shown {
    match id {
        14..=17 | 27..=31 | 36 | 50..=58 => Shown::Date,
        22 => Shown::DateTime,
        18..=21 | 32..=35 | 45..=47 => Shown::Time,
        _ => Shown::Number,
    }
}

/// A custom number format: a date, a time or a number, from its codes
/// outside quoted text, escapes and brackets (`[h]` elapsed hours count as time).
fn custom_format(code: &str) -> Shown {
    let mut plain = String::new();
    let mut chars = code.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                for q in chars.by_ref() {
                    if q == '"' {
                        break;
                    }
                }
            }
            '\\' | '_' | '*' => {
                chars.next();
            }
            '[' => {
                let mut inside = String::new();
                for q in chars.by_ref() {
                    if q == ']' {
                        break;
                    }
                    inside.push(q);
                }
                let l = inside.to_ascii_lowercase();
                if !l.is_empty() && l.chars().all(|c| matches!(c, 'h' | 'm' | 's')) {
                    plain.push('h');
                }
            }
            _ => plain.push(c.to_ascii_lowercase()),
        }
    }
    let date = plain.contains(['y', 'd']) || (plain.contains('m') && !plain.contains(['h', 's']));
    let time = plain.contains(['h', 's']);
    match (date, time) {
        (true, true) => Shown::DateTime,
        (true, false) => Shown::Date,
        (false, true) => Shown::Time,
        (false, false) => Shown::Number,
    }
}

/// Reads styles.xml: how each cell style (`s`, an index into cellXfs) shows a number.
fn styles(book: &mut Book, path: &str) -> Result<Vec<Shown>, TableError> {
    let Some(mut r) = book.part(path, SMALL_PART)? else {
        return Ok(Vec::new());
    };
    let mut buf = Vec::new();
    let mut depth = 0usize;
    let mut custom: Vec<(u32, Shown)> = Vec::new();
    let mut xfs: Vec<u32> = Vec::new();
    let mut in_xfs = false;
    loop {
        match event(&mut r, &mut buf, &mut depth, path) {
            Ok(Event::Start(e)) if e.local_name().as_ref() == b"cellXfs" => in_xfs = true,
            Ok(Event::End(e)) if e.local_name().as_ref() == b"cellXfs" => in_xfs = false,
            Ok(Event::Start(e) | Event::Empty(e)) => match e.local_name().as_ref() {
                b"numFmt" => {
                    let id = attr(&e, b"numFmtId").and_then(|v| v.parse().ok()).unwrap_or(0);
                    custom.push((id, custom_format(&attr(&e, b"formatCode").unwrap_or_default())));
                }
                b"xf" if in_xfs && xfs.len() < 1 << 20 => {
                    xfs.push(attr(&e, b"numFmtId").and_then(|v| v.parse().ok()).unwrap_or(0));
                }
                _ => {}
            },
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => return Err(e),
        }
        buf.clear();
    }
    Ok(xfs
        .into_iter()
        .map(|id| custom.iter().find(|(c, _)| *c == id).map_or_else(|| builtin_format(id), |(_, s)| *s))
        .collect())
}

/// The shared strings, as one text and the end of each.
#[derive(Default)]
struct Strings {
    text: String,
    ends: Vec<u32>,
}

impl Strings {
    fn get(&self, i: usize) -> Option<&str> {
        let end = *self.ends.get(i)? as usize;
        let start = match i.checked_sub(1) {
            Some(p) => *self.ends.get(p)? as usize,
            None => 0,
        };
        self.text.get(start..end)
    }
}

fn shared_strings(book: &mut Book, path: &str) -> Result<Strings, TableError> {
    let mut strings = Strings::default();
    let Some(mut r) = book.part(path, book.limits.max_part_bytes)? else {
        return Ok(strings);
    };
    let max_bytes = book.limits.max_shared_string_bytes.min(u64::from(u32::MAX)) as usize;
    let mut buf = Vec::new();
    let mut depth = 0usize;
    let mut depth_rph = 0usize;
    let mut in_t = false;
    let mut current = String::new();
    loop {
        match event(&mut r, &mut buf, &mut depth, path) {
            Ok(Event::Start(e)) => match e.local_name().as_ref() {
                b"si" => current.clear(),
                b"rPh" => depth_rph += 1,
                b"t" if depth_rph == 0 => in_t = true,
                _ => {}
            },
            Ok(Event::End(e)) => match e.local_name().as_ref() {
                b"si" => {
                    let s = unescape_x(std::mem::take(&mut current));
                    if strings.text.len() + s.len() > max_bytes || strings.ends.len() >= MAX_SHARED_STRINGS {
                        return Err(bomb(path, "too much text"));
                    }
                    strings.text.push_str(&s);
                    strings.ends.push(strings.text.len() as u32);
                }
                b"rPh" => depth_rph = depth_rph.saturating_sub(1),
                b"t" => in_t = false,
                _ => {}
            },
            Ok(Event::Text(t)) if in_t => {
                current.push_str(&t.decode().map_err(|e| invalid(&format!("{path}: {e}")))?)
            }
            Ok(Event::CData(t)) if in_t => current.push_str(&String::from_utf8_lossy(&t)),
            Ok(Event::GeneralRef(g)) if in_t => entity(&g, &mut current),
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => return Err(e),
        }
        if current.len() > max_bytes {
            return Err(bomb(path, "too much text"));
        }
        buf.clear();
    }
    Ok(strings)
}

/// What a zip that is not an .xlsx holds.
fn identify(book: &mut Book) -> TableError {
    let has = |name: &str| book.zip.index_for_name(name).is_some();
    if has("word/document.xml") {
        return not_xlsx("一个 Word 文档（.docx）", "一個 Word 文件（.docx）", "a Word document (.docx)");
    }
    if has("ppt/presentation.xml") {
        return not_xlsx(
            "一个 PowerPoint 演示文稿（.pptx）",
            "一個 PowerPoint 簡報（.pptx）",
            "a PowerPoint presentation (.pptx)",
        );
    }
    if has("xl/workbook.bin") {
        return not_xlsx(
            "一个 Excel 二进制工作簿（.xlsb）",
            "一個 Excel 二進位活頁簿（.xlsb）",
            "an Excel binary workbook (.xlsb)",
        );
    }
    if has("mimetype") {
        let mut mime = String::new();
        if let Ok(Some(mut r)) = book.part("mimetype", 4096) {
            let mut buf = Vec::new();
            if let Ok(Event::Text(t)) = r.read_event_into(&mut buf) {
                mime = String::from_utf8_lossy(&t).into_owned();
            }
        }
        if mime.contains("opendocument.spreadsheet") {
            return not_xlsx(
                "一个 OpenDocument 电子表格（.ods）",
                "一個 OpenDocument 試算表（.ods）",
                "an OpenDocument spreadsheet (.ods)",
            );
        }
        return not_xlsx("一个 OpenDocument 文档", "一個 OpenDocument 文件", "an OpenDocument file");
    }
    not_xlsx("一个 zip 压缩包", "一個 zip 壓縮檔", "a zip archive")
}

/// Opens a workbook from its bytes.
pub(crate) fn open(bytes: Vec<u8>, options: &OpenOptions) -> Result<Table, TableError> {
    let limits = options.limits;
    let data = Shared(Rc::from(bytes));
    let zip = zip::ZipArchive::new(Cursor::new(data.clone())).map_err(|e| invalid(&e.to_string()))?;
    if zip.len() > limits.max_zip_entries {
        return Err(bomb("archive", &format!("{} entries", zip.len())));
    }
    let mut book = Book { zip, data, limits, budget: Rc::new(Cell::new(limits.max_total_bytes)) };
    let mut declared = 0u64;
    for i in 0..book.zip.len() {
        let file = book.zip.by_index_raw(i).map_err(|e| invalid(&e.to_string()))?;
        declared = declared.saturating_add(file.size());
    }
    if book.zip.index_for_name("xl/workbook.xml").is_none() {
        return Err(identify(&mut book));
    }
    if declared > limits.max_total_bytes {
        return Err(bomb("archive", &format!("{} MiB declared in all", declared >> 20)));
    }
    let (sheets, date1904) = workbook(&mut book)?;
    let rels = relationships(&mut book)?;
    let by_type = |suffix: &str| rels.iter().find(|(_, t, _)| t.ends_with(suffix)).map(|(_, _, p)| p.clone());
    let sheet = match &options.sheet {
        Some(want) => sheets
            .iter()
            .find(|s| &s.name == want)
            .or_else(|| sheets.iter().find(|s| s.name.to_lowercase() == want.to_lowercase()))
            .ok_or_else(|| {
                let names = sheets.iter().map(|s| format!("\"{}\"", s.name)).collect::<Vec<_>>().join(", ");
                err(
                    TableErrorKind::SheetNotFound,
                    format!("工作簿中没有名为“{want}”的工作表；工作表有：{names}"),
                    format!("活頁簿中沒有名為「{want}」的工作表；工作表有：{names}"),
                    format!("the workbook has no sheet named \"{want}\"; its sheets are: {names}"),
                )
            })?,
        None => sheets
            .iter()
            .find(|s| !s.hidden)
            .or_else(|| sheets.first())
            .ok_or_else(|| invalid("the workbook has no sheet"))?,
    };
    let sheet_path = rels
        .iter()
        .find(|(id, _, _)| *id == sheet.rel)
        .map(|(_, _, p)| p.clone())
        .unwrap_or_else(|| "xl/worksheets/sheet1.xml".to_owned());
    let sheet_name = sheet.name.clone();
    let shown = styles(&mut book, &by_type("/styles").unwrap_or_else(|| "xl/styles.xml".to_owned()))?;
    let strings = shared_strings(
        &mut book,
        &by_type("/sharedStrings").unwrap_or_else(|| "xl/sharedStrings.xml".to_owned()),
    )?;
    let reader = book
        .part(&sheet_path, limits.max_part_bytes)?
        .ok_or_else(|| invalid(&format!("the sheet {sheet_path} is missing")))?;
    let mut rows = SheetRows {
        reader,
        part: sheet_path,
        buf: Vec::new(),
        strings,
        shown,
        date1904,
        limits,
        done: false,
        last_row: 0,
        emitted: 0,
        depth: 0,
    };
    let first = rows.next_row();
    let (header, header_row, header_formulas, rest): (_, _, _, Rows) = match first {
        Some(Ok(row)) => {
            (row.cells, row.number, row.formulas, Box::new(std::iter::from_fn(move || rows.next_row())))
        }
        Some(Err(e)) => return Err(e),
        None => (Vec::new(), 0, Vec::new(), Box::new(std::iter::empty())),
    };
    Ok(Table {
        format: super::Format::Xlsx,
        encoding: "xlsx".to_owned(),
        bom: false,
        sheet: Some(sheet_name),
        delimiter: None,
        header,
        header_row,
        header_formulas,
        encoding_now: None,
        rows: rest,
    })
}

/// The worksheet, row by row.
struct SheetRows {
    reader: PartReader,
    part: String,
    buf: Vec<u8>,
    strings: Strings,
    shown: Vec<Shown>,
    date1904: bool,
    limits: Limits,
    done: bool,
    last_row: u64,
    emitted: u64,
    depth: usize,
}

/// One cell being read.
#[derive(Default)]
struct Cell0 {
    column: usize,
    kind: String,
    style: usize,
    formula: bool,
    value: String,
    inline: String,
}

/// `A` → 0, `AB` → 27, from a reference such as `AB12`; None past 3 letters.
fn column_of(reference: &str) -> Option<usize> {
    let letters: Vec<u8> = reference.bytes().take_while(u8::is_ascii_alphabetic).collect();
    if letters.is_empty() || letters.len() > 3 {
        return None;
    }
    let n = letters.iter().fold(0usize, |n, b| n * 26 + usize::from(b.to_ascii_uppercase() - b'A' + 1));
    n.checked_sub(1)
}

/// A number in the shortest decimal form, to Excel's 15 significant digits
/// (`2000`, `0.2`, `0.3` for 0.1 + 0.2).
fn number(v: f64) -> String {
    if !v.is_finite() {
        return v.to_string();
    }
    if v == 0.0 {
        return "0".to_owned();
    }
    let rounded: f64 = format!("{v:.14e}").parse().unwrap_or(v);
    format!("{rounded}")
}

/// The largest Excel serial day number (9999-12-31).
pub(crate) const MAX_EXCEL_SERIAL: u32 = 2_958_465;

/// The day of an Excel serial number in the 1900 date system, which counts
/// Lotus 1-2-3's nonexistent 1900-02-29 as day 60: `None` for 0, 60 and past
/// [`MAX_EXCEL_SERIAL`]. Shared by the `.xlsx` reader (date-formatted cells)
/// and the records' date parser (serials typed as text).
pub(crate) fn excel_1900_serial_date(serial: u32) -> Option<NaiveDate> {
    let base = NaiveDate::from_ymd_opt(1899, 12, 31)?;
    match serial {
        1..=59 => base.checked_add_days(chrono::Days::new(u64::from(serial))),
        61..=MAX_EXCEL_SERIAL => base.checked_add_days(chrono::Days::new(u64::from(serial) - 1)),
        _ => None,
    }
}

/// An Excel serial day number as a date (and time), in the 1900 or 1904 system.
fn serial_date(v: f64, date1904: bool, shown: Shown) -> Option<String> {
    if !(0.0..2_958_466.0).contains(&v) {
        return None;
    }
    let mut days = v.trunc() as i64;
    let mut seconds = ((v - v.trunc()) * 86_400.0).round() as i64;
    if seconds >= 86_400 {
        days += 1;
        seconds -= 86_400;
    }
    let date = if date1904 {
        NaiveDate::from_ymd_opt(1904, 1, 1)?.checked_add_days(chrono::Days::new(days as u64))?
    } else if days == 60 {
        // Lotus 1-2-3's 29 February 1900, which Excel keeps.
        return Some("1900-02-29".to_owned());
    } else if days == 0 {
        NaiveDate::from_ymd_opt(1899, 12, 31)? // a time of day alone
    } else {
        excel_1900_serial_date(u32::try_from(days).ok()?)?
    };
    let time = chrono::NaiveTime::from_num_seconds_from_midnight_opt(seconds as u32, 0)?;
    let d = format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day());
    let t = format!("{:02}:{:02}:{:02}", time.hour(), time.minute(), time.second());
    Some(match shown {
        Shown::Time => t,
        Shown::DateTime if seconds != 0 => format!("{d} {t}"),
        _ => d,
    })
}

impl SheetRows {
    fn fail(&mut self, e: TableError) -> Option<Result<Row, TableError>> {
        self.done = true;
        Some(Err(e))
    }

    fn value(&self, c: &mut Cell0) -> Result<String, TableError> {
        let v = std::mem::take(&mut c.value);
        Ok(match c.kind.as_str() {
            "s" => {
                let i: usize = v.trim().parse().map_err(|_| invalid(&format!("shared string index {v}")))?;
                self.strings
                    .get(i)
                    .ok_or_else(|| invalid(&format!("shared string {i} is missing")))?
                    .to_owned()
            }
            "inlineStr" => unescape_x(std::mem::take(&mut c.inline)),
            "str" => unescape_x(v),
            "b" => (if v.trim() == "1" { "TRUE" } else { "FALSE" }).to_owned(),
            "e" => v,
            "d" => match v.split_once('T') {
                Some((date, time))
                    if time.trim_end_matches('Z').trim_start_matches(['0', ':', '.']).is_empty() =>
                {
                    date.to_owned()
                }
                _ => v,
            },
            _ => match v.trim().parse::<f64>() {
                Ok(n) => {
                    let shown = self.shown.get(c.style).copied().unwrap_or(Shown::Number);
                    if shown == Shown::Number {
                        number(n)
                    } else {
                        serial_date(n, self.date1904, shown).unwrap_or_else(|| number(n))
                    }
                }
                Err(_) => v,
            },
        })
    }

    fn next_row(&mut self) -> Option<Result<Row, TableError>> {
        if self.done {
            return None;
        }
        let max_cell_bytes = self.limits.max_cell_chars.saturating_mul(4);
        let mut row: Option<Row> = None;
        let mut row_bytes = 0usize;
        let mut cell: Option<Cell0> = None;
        let mut next_column = 0usize;
        // Where text goes: 1 = <v>, 2 = <t> of an inline string.
        let mut target = 0u8;
        let mut rph = 0usize;
        loop {
            self.buf.clear();
            let event = match event(&mut self.reader, &mut self.buf, &mut self.depth, &self.part) {
                Ok(e) => e,
                Err(e) => return self.fail(e),
            };
            let empty = matches!(event, Event::Empty(_));
            match event {
                Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"row" => {
                    let number = match attr(&e, b"r").map(|r| r.trim().parse::<u64>()) {
                        Some(Ok(n)) => n,
                        Some(Err(_)) => return self.fail(invalid("a row number is not a number")),
                        None => self.last_row + 1,
                    };
                    self.last_row = number;
                    if number > self.limits.max_rows || self.emitted >= self.limits.max_rows {
                        let e = too_many_rows(self.limits.max_rows).at(number);
                        return self.fail(e);
                    }
                    next_column = 0;
                    if !empty {
                        row = Some(Row { number, cells: Vec::new(), formulas: Vec::new() });
                    }
                }
                Event::Start(e) if e.local_name().as_ref() == b"c" => {
                    let column = match attr(&e, b"r") {
                        Some(r) => match column_of(&r) {
                            Some(c) => c,
                            None => return self.fail(super::text::too_many_columns(self.limits.max_columns)),
                        },
                        None => next_column,
                    };
                    if column >= self.limits.max_columns {
                        let e = super::text::too_many_columns(self.limits.max_columns).at(self.last_row);
                        return self.fail(e);
                    }
                    next_column = column + 1;
                    cell = Some(Cell0 {
                        column,
                        kind: attr(&e, b"t").unwrap_or_default(),
                        style: attr(&e, b"s").and_then(|s| s.parse().ok()).unwrap_or(0),
                        ..Cell0::default()
                    });
                }
                Event::Empty(e) if e.local_name().as_ref() == b"c" => {
                    // A cell with a style and no value: nothing to read.
                    if let Some(c) = attr(&e, b"r").and_then(|r| column_of(&r)) {
                        next_column = c + 1;
                    } else {
                        next_column += 1;
                    }
                }
                Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"f" => {
                    if let Some(c) = cell.as_mut() {
                        c.formula = true;
                    }
                    target = 0;
                }
                Event::Start(e) => match e.local_name().as_ref() {
                    b"v" => target = 1,
                    b"t" if rph == 0 => target = 2,
                    b"rPh" => rph += 1,
                    _ => {}
                },
                Event::End(e) => match e.local_name().as_ref() {
                    b"v" | b"t" => target = 0,
                    b"rPh" => rph = rph.saturating_sub(1),
                    b"c" => {
                        let (Some(mut c), Some(r)) = (cell.take(), row.as_mut()) else {
                            continue;
                        };
                        let value = match self.value(&mut c) {
                            Ok(v) => v,
                            Err(e) => {
                                let number = r.number;
                                return self.fail(e.at(number));
                            }
                        };
                        if value.chars().count() > self.limits.max_cell_chars {
                            let number = r.number;
                            return self.fail(cell_too_large(self.limits.max_cell_chars).at(number));
                        }
                        row_bytes += value.len();
                        if row_bytes > self.limits.max_record_bytes {
                            let number = r.number;
                            return self.fail(cell_too_large(self.limits.max_cell_chars).at(number));
                        }
                        if c.formula {
                            r.formulas.push(c.column);
                        }
                        if !value.is_empty() {
                            if r.cells.len() <= c.column {
                                r.cells.resize(c.column + 1, String::new());
                            }
                            if let Some(slot) = r.cells.get_mut(c.column) {
                                *slot = value;
                            }
                        }
                    }
                    b"row" => {
                        if let Some(r) = row.take() {
                            if !r.cells.is_empty() {
                                self.emitted += 1;
                                return Some(Ok(r));
                            }
                        }
                    }
                    b"sheetData" => {
                        self.done = true;
                        return None;
                    }
                    _ => {}
                },
                Event::Text(t) if target > 0 => {
                    let Some(c) = cell.as_mut() else { continue };
                    let s = match t.decode() {
                        Ok(s) => s,
                        Err(e) => {
                            let e = invalid(&format!("{}: {e}", self.part));
                            return self.fail(e);
                        }
                    };
                    if target == 1 { &mut c.value } else { &mut c.inline }.push_str(&s);
                }
                Event::CData(t) if target > 0 => {
                    if let Some(c) = cell.as_mut() {
                        let s = String::from_utf8_lossy(&t).into_owned();
                        if target == 1 { &mut c.value } else { &mut c.inline }.push_str(&s);
                    }
                }
                Event::GeneralRef(g) if target > 0 => {
                    if let Some(c) = cell.as_mut() {
                        entity(&g, if target == 1 { &mut c.value } else { &mut c.inline });
                    }
                }
                Event::Eof => {
                    self.done = true;
                    return None;
                }
                _ => {}
            }
            if let Some(c) = &cell {
                if c.value.len() > max_cell_bytes || c.inline.len() > max_cell_bytes {
                    let number = self.last_row;
                    return self.fail(cell_too_large(self.limits.max_cell_chars).at(number));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_shortest_form() {
        assert_eq!(number(2000.0), "2000");
        assert_eq!(number(0.2), "0.2");
        assert_eq!(number(0.1 + 0.2), "0.3");
        assert_eq!(number(-0.0), "0");
        assert_eq!(number(1.5e-7), "0.00000015");
        assert_eq!(number(123_456_789_012_345_680.0), "123456789012346000");
    }

    #[test]
    fn serial_dates() {
        assert_eq!(serial_date(46027.0, false, Shown::Date).as_deref(), Some("2026-01-05"));
        assert_eq!(serial_date(1.0, false, Shown::Date).as_deref(), Some("1900-01-01"));
        assert_eq!(serial_date(61.0, false, Shown::Date).as_deref(), Some("1900-03-01"));
        assert_eq!(serial_date(0.0, true, Shown::Date).as_deref(), Some("1904-01-01"));
        assert_eq!(serial_date(46027.5, false, Shown::DateTime).as_deref(), Some("2026-01-05 12:00:00"));
        assert_eq!(serial_date(0.25, false, Shown::Time).as_deref(), Some("06:00:00"));
        assert_eq!(serial_date(-1.0, false, Shown::Date), None);
    }

    #[test]
    fn format_codes() {
        assert_eq!(custom_format("yyyy/m/d"), Shown::Date);
        assert_eq!(custom_format("yyyy\"年\"m\"月\"d\"日\""), Shown::Date);
        assert_eq!(custom_format("[$-F800]dddd, mmmm dd, yyyy"), Shown::Date);
        assert_eq!(custom_format("h:mm"), Shown::Time);
        assert_eq!(custom_format("[h]:mm:ss"), Shown::Time);
        assert_eq!(custom_format("yyyy-mm-dd hh:mm"), Shown::DateTime);
        assert_eq!(custom_format("#,##0.00"), Shown::Number);
        assert_eq!(custom_format("[Red]0.00;\"day\""), Shown::Number);
        assert_eq!(custom_format("0.00E+00"), Shown::Number);
        assert_eq!(custom_format("General"), Shown::Number);
    }

    #[test]
    fn columns_and_escapes() {
        assert_eq!(column_of("A1"), Some(0));
        assert_eq!(column_of("AB12"), Some(27));
        assert_eq!(column_of("XFD1"), Some(16_383));
        assert_eq!(column_of("ABCD1"), None);
        assert_eq!(unescape_x("a_x000D_b_x005F_x".to_owned()), "a\rb_x");
        assert_eq!(unescape_x("_x12".to_owned()), "_x12");
    }
}

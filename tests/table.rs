//! `xinyong::table` on files made by spreadsheet and archive libraries at
//! test time: .xlsx workbooks written by rust_xlsxwriter, hostile zips
//! written with the `zip` crate's writer (a zip bomb, one that lies about its
//! sizes, a huge cell, a Word document, an OpenDocument spreadsheet), GBK and
//! UTF-16 CSV encoded with encoding_rs. The expected values are written here
//! by hand from what the files were made to hold.
#![cfg(not(target_arch = "wasm32"))] // native only: proptest and the writers do not build for wasm32

use proptest::prelude::*;
use rust_xlsxwriter::{ExcelDateTime, Format as XFormat, Formula, Workbook};
use std::io::{Cursor, Read, Write};
use xinyong::table::{
    open_bytes, open_bytes_with, open_reader, open_reader_with, Format, Limits, OpenOptions, TableErrorKind,
};

/// A workbook of two sheets: 处罚 (the records) and Sheet2.
fn records_workbook() -> Vec<u8> {
    let mut wb = Workbook::new();
    let date = XFormat::new().set_num_format("yyyy-mm-dd");
    let cn_date = XFormat::new().set_num_format("yyyy\"年\"m\"月\"d\"日\"");
    let ws = wb.add_worksheet();
    ws.set_name("处罚").unwrap();
    for (c, h) in
        ["CF_XDR_MC", "CF_XDR_SHXYM", "CF_NR_FK", "CF_JDRQ", "倍数", "BZ", "比例", "日期2"].iter().enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    ws.write_string(1, 0, "福州市某某科技有限公司").unwrap();
    ws.write_string(1, 1, "91350100M000100Y43").unwrap();
    ws.write_number(1, 2, 2000.0).unwrap();
    ws.write_datetime_with_format(1, 3, ExcelDateTime::from_ymd(2026, 1, 5).unwrap(), &date).unwrap();
    ws.write_formula(1, 4, Formula::new("=C2*2").set_result("4000")).unwrap();
    // F2 left empty.
    ws.write_number(1, 6, 0.2).unwrap();
    ws.write_datetime_with_format(1, 7, ExcelDateTime::from_ymd(2025, 12, 26).unwrap(), &cn_date).unwrap();
    ws.write_string(3, 0, "臺灣 & <測試> \"引號\"").unwrap(); // row 3 empty, row 4 with one cell
    ws.write_number(3, 2, 0.1 + 0.2).unwrap();
    ws.write_formula(3, 4, Formula::new("=\"a\"&\"b\"").set_result("ab")).unwrap();
    let ws2 = wb.add_worksheet();
    ws2.set_name("Sheet2").unwrap();
    ws2.write_string(0, 0, "second").unwrap();
    wb.save_to_buffer().unwrap()
}

#[test]
fn xlsx_from_rust_xlsxwriter_strings_numbers_dates_formulas() {
    let bytes = records_workbook();
    let mut t = open_bytes(&bytes, Some("处罚.xlsx")).unwrap();
    assert_eq!(t.format, Format::Xlsx);
    assert_eq!(t.encoding, "xlsx");
    assert_eq!(t.sheet.as_deref(), Some("处罚"));
    assert_eq!(t.header, ["CF_XDR_MC", "CF_XDR_SHXYM", "CF_NR_FK", "CF_JDRQ", "倍数", "BZ", "比例", "日期2"]);
    let rows: Vec<_> = t.rows_with_info().collect::<Result<_, _>>().unwrap();
    assert_eq!(rows.len(), 2, "the empty row 3 is skipped");
    assert_eq!(rows[0].number, 2);
    assert_eq!(
        rows[0].cells,
        [
            "福州市某某科技有限公司",
            "91350100M000100Y43",
            "2000",
            "2026-01-05",
            "4000",
            "",
            "0.2",
            "2025-12-26"
        ]
    );
    assert_eq!(rows[0].formulas, [4]);
    assert_eq!(rows[1].number, 4);
    assert_eq!(rows[1].cells, ["臺灣 & <測試> \"引號\"", "", "0.3", "", "ab"]);
    assert_eq!(rows[1].formulas, [4]);
}

#[test]
fn xlsx_named_sheet_and_reader() {
    let bytes = records_workbook();
    let o = OpenOptions { sheet: Some("sheet2".into()), ..OpenOptions::default() };
    let t = open_bytes_with(&bytes, &o).unwrap();
    assert_eq!((t.sheet.as_deref(), t.header.as_slice()), (Some("Sheet2"), ["second".to_owned()].as_slice()));
    let o = OpenOptions { sheet: Some("无".into()), ..OpenOptions::default() };
    let e = open_bytes_with(&bytes, &o).unwrap_err();
    assert_eq!(e.kind, TableErrorKind::SheetNotFound);
    assert!(e.message.en.contains("\"处罚\", \"Sheet2\""), "{}", e.message.en);
    // From a reader: read whole, the same table.
    let t = open_reader(Cursor::new(bytes), None).unwrap();
    assert_eq!(t.into_rows().unwrap().len(), 3);
}

#[test]
fn xlsx_inline_strings_constant_memory_writer() {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet_with_constant_memory();
    ws.write_string(0, 0, "名称").unwrap();
    ws.write_string(0, 1, "代码").unwrap();
    for r in 1..=1000u32 {
        ws.write_string(r, 0, format!("单位{r}")).unwrap();
        ws.write_number(r, 1, f64::from(r) * 1.5).unwrap();
    }
    let bytes = wb.save_to_buffer().unwrap();
    let text = sheet_xml(&bytes);
    assert!(text.contains("inlineStr"), "the writer used inline strings");
    let mut t = open_bytes(&bytes, None).unwrap();
    assert_eq!(t.header, ["名称", "代码"]);
    let rows: Vec<Vec<String>> = t.rows().collect::<Result<_, _>>().unwrap();
    assert_eq!(rows.len(), 1000);
    assert_eq!(rows[0], ["单位1", "1.5"]);
    assert_eq!(rows[999], ["单位1000", "1500"]);
}

fn sheet_xml(xlsx: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(xlsx)).unwrap();
    let mut s = String::new();
    zip.by_name("xl/worksheets/sheet1.xml").unwrap().read_to_string(&mut s).unwrap();
    s
}

/// A zip written by the zip crate with the given entries (deflated).
fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let o = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(9));
    for (name, data) in entries {
        w.start_file(*name, o).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

const WORKBOOK: &[u8] = br#"<?xml version="1.0" encoding="UTF-8"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
const RELS: &[u8] = br#"<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#;

fn workbook_with_sheet(sheet: &[u8]) -> Vec<u8> {
    zip_of(&[
        ("[Content_Types].xml", b"<Types/>"),
        ("xl/workbook.xml", WORKBOOK),
        ("xl/_rels/workbook.xml.rels", RELS),
        ("xl/worksheets/sheet1.xml", sheet),
    ])
}

/// A worksheet of `n` rows of one cell (very compressible).
fn bomb_sheet(n: usize) -> Vec<u8> {
    let mut s = b"<worksheet><sheetData>".to_vec();
    for _ in 0..n {
        s.extend_from_slice(b"<row><c t=\"inlineStr\"><is><t>");
        s.extend_from_slice(&[b'a'; 400]);
        s.extend_from_slice(b"</t></is></c></row>");
    }
    s.extend_from_slice(b"</sheetData></worksheet>");
    s
}

#[test]
fn zip_bomb_is_refused_by_its_declared_ratio() {
    let sheet = bomb_sheet(100_000); // 44 MB of XML, deflated to well under 0.5%
    let bytes = workbook_with_sheet(&sheet);
    assert!(
        bytes.len() * 200 < sheet.len(),
        "the fixture is bomb-shaped: {} from {}",
        bytes.len(),
        sheet.len()
    );
    let e = open_bytes(&bytes, None).unwrap_err();
    assert_eq!(e.kind, TableErrorKind::XlsxTooLarge, "{e}");
    assert!(e.message.en.contains("zip bomb"), "{}", e.message.en);
    assert!(e.message.zh_hans.contains("解压后过大"));
}

/// Rewrites the uncompressed size of every entry, in the local headers and
/// the central directory, to `size`: a zip that lies about what it holds.
fn lie_about_sizes(mut zip: Vec<u8>, size: u32) -> Vec<u8> {
    let mut i = 0;
    while i + 46 <= zip.len() {
        if zip[i..].starts_with(b"PK\x03\x04") {
            zip[i + 22..i + 26].copy_from_slice(&size.to_le_bytes());
        } else if zip[i..].starts_with(b"PK\x01\x02") {
            zip[i + 24..i + 28].copy_from_slice(&size.to_le_bytes());
        }
        i += 1;
    }
    zip
}

#[test]
fn zip_bomb_that_lies_about_its_size_is_stopped_while_inflating() {
    let sheet = bomb_sheet(100_000);
    let bytes = lie_about_sizes(workbook_with_sheet(&sheet), 1000);
    let check = zip::ZipArchive::new(Cursor::new(&bytes))
        .unwrap()
        .by_name("xl/worksheets/sheet1.xml")
        .unwrap()
        .size();
    assert_eq!(check, 1000, "the declared size is a lie");
    let e = first_error(&bytes, &OpenOptions::default());
    assert_eq!(e.kind, TableErrorKind::XlsxTooLarge, "{e}");
    assert!(e.message.en.contains("times its compressed size"), "{e}");
}

/// The error of opening, or else of the first row that fails.
fn first_error(bytes: &[u8], options: &OpenOptions) -> xinyong::table::TableError {
    match open_bytes_with(bytes, options) {
        Ok(mut t) => t.rows().find_map(Result::err).expect("an error"),
        Err(e) => e,
    }
}

#[test]
fn part_and_total_limits_are_enforced() {
    let sheet = bomb_sheet(5_000); // 2.2 MB
    let bytes = workbook_with_sheet(&sheet);
    let small = Limits { max_part_bytes: 1 << 20, max_ratio: 1_000_000, ..Limits::default() };
    let o = OpenOptions { limits: small, ..OpenOptions::default() };
    let e = first_error(&bytes, &o);
    assert_eq!(e.kind, TableErrorKind::XlsxTooLarge);
    assert!(e.message.en.contains("declared"), "{e}");
    let e = first_error(&lie_about_sizes(bytes.clone(), 10), &o);
    assert_eq!(e.kind, TableErrorKind::XlsxTooLarge, "{e}");
    assert!(e.message.en.contains("more than 1 MiB"), "{e}");
    let few = Limits { max_total_bytes: 100_000, max_ratio: 1_000_000, ..Limits::default() };
    let e = first_error(&lie_about_sizes(bytes, 10), &OpenOptions { limits: few, ..OpenOptions::default() });
    assert_eq!(e.kind, TableErrorKind::XlsxTooLarge);
    assert!(e.message.en.contains("all the parts together"), "{e}");
}

#[test]
fn huge_cells_rows_and_columns_are_refused() {
    let huge = format!(
        "<worksheet><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>{}</t></is></c></row></sheetData></worksheet>",
        "字".repeat(40_000)
    );
    let e = open_bytes(&workbook_with_sheet(huge.as_bytes()), None).unwrap_err();
    assert_eq!(e.kind, TableErrorKind::CellTooLarge, "{e}");
    assert_eq!(e.row, Some(1));
    // 2 MB in one text node: stopped before it is held whole.
    let node = format!("<worksheet><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>{}</t></is></c></row></sheetData></worksheet>", "a".repeat(2 << 20));
    let lax = OpenOptions {
        limits: Limits { max_ratio: 1_000_000, ..Limits::default() },
        ..OpenOptions::default()
    };
    let e = first_error(&workbook_with_sheet(node.as_bytes()), &lax);
    assert_eq!(e.kind, TableErrorKind::CellTooLarge, "{e}");
    assert!(e.message.en.contains("longer than 1 MiB"), "{e}");
    let far = b"<worksheet><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"2000000\"><c r=\"A2000000\"><v>1</v></c></row></sheetData></worksheet>";
    let mut t = open_bytes(&workbook_with_sheet(far), None).unwrap();
    let e = t.rows().find_map(Result::err).unwrap();
    assert_eq!(e.kind, TableErrorKind::TooManyRows);
    let wide = b"<worksheet><sheetData><row r=\"1\"><c r=\"ZZZ1\"><v>1</v></c></row></sheetData></worksheet>";
    let e = open_bytes(&workbook_with_sheet(wide), None).unwrap_err();
    assert_eq!(e.kind, TableErrorKind::TooManyColumns);
}

#[test]
fn deep_nesting_is_refused_before_it_costs_memory() {
    // The XML reader keeps the name of every open element: 3 bytes of
    // `<a>` would cost 9 bytes of memory each, 5 MB of them deflated to a few KB.
    let deep = format!("<worksheet><sheetData><row r=\"1\">{}", "<a>".repeat(5_000_000));
    let lax = OpenOptions {
        limits: Limits { max_ratio: 1_000_000, ..Limits::default() },
        ..OpenOptions::default()
    };
    let e = first_error(&workbook_with_sheet(deep.as_bytes()), &lax);
    assert_eq!(e.kind, TableErrorKind::XlsxInvalid, "{e}");
    assert!(e.message.en.contains("nested more than 64 deep"), "{e}");
}

#[test]
fn zips_that_are_not_xlsx_say_what_they_are() {
    let docx = zip_of(&[("[Content_Types].xml", b"<Types/>"), ("word/document.xml", b"<w:document/>")]);
    let e = open_bytes(&docx, Some("a.docx")).unwrap_err();
    assert_eq!(e.kind, TableErrorKind::NotATable);
    assert!(e.message.en.contains("Word document (.docx)"), "{}", e.message.en);
    let ods =
        zip_of(&[("mimetype", b"application/vnd.oasis.opendocument.spreadsheet"), ("content.xml", b"<x/>")]);
    let e = open_bytes(&ods, Some("a.ods")).unwrap_err();
    assert!(e.message.en.contains("OpenDocument spreadsheet (.ods)"), "{}", e.message.en);
    assert!(e.message.zh_hant.contains("請另存為 .xlsx 或 CSV"));
    let other = zip_of(&[("readme.txt", b"hello")]);
    assert!(open_bytes(&other, None)
        .unwrap_err()
        .message
        .en
        .contains("a zip archive, not an .xlsx workbook"));
}

#[test]
fn corrupt_and_truncated_xlsx() {
    let bytes = records_workbook();
    for cut in [4, 30, bytes.len() / 2, bytes.len() - 10] {
        let e = open_bytes(&bytes[..cut], None).unwrap_err();
        assert_eq!(e.kind, TableErrorKind::XlsxInvalid, "cut at {cut}: {e}");
        assert!(e.message.en.starts_with("this is a zip archive (an .xlsx workbook?)"));
    }
    let bad_xml =
        workbook_with_sheet(b"<worksheet><sheetData><row r=\"1\"><c><v>1</v></c></row><row r=\"x\">");
    let mut t = open_bytes(&bad_xml, None).unwrap();
    let e = t.rows().find_map(Result::err).unwrap();
    assert_eq!(e.kind, TableErrorKind::XlsxInvalid);
}

#[test]
fn xls_is_refused_in_three_languages() {
    let mut xls = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    xls.extend_from_slice(&[0; 504]);
    for e in [
        open_bytes(&xls, Some("a.xls")).unwrap_err(),
        open_reader(Cursor::new(xls.clone()), None).unwrap_err(),
    ] {
        assert_eq!(e.kind, TableErrorKind::XlsUnsupported);
        assert!(e.message.en.contains("save as .xlsx or CSV"));
        assert!(e.message.zh_hans.contains("另存为 .xlsx 或 CSV"));
        assert!(e.message.zh_hant.contains("另存為 .xlsx 或 CSV"));
        assert_eq!(serde_json::to_value(&e).unwrap()["kind"], "xls_unsupported");
    }
}

#[cfg(feature = "gbk")]
#[test]
fn gbk_csv_round_trip() {
    let text = "名称,统一社会信用代码,备注\n福州市某某科技有限公司,91350100M000100Y43,\"逗号, 在内\"\n鑫源商贸,91350200MA31F7KX1J,\n";
    let (gbk, _, lossy) = encoding_rs::GBK.encode(text);
    assert!(!lossy);
    assert!(std::str::from_utf8(&gbk).is_err(), "the fixture is not UTF-8");
    for mut t in
        [open_bytes(&gbk, Some("a.csv")).unwrap(), open_reader(Cursor::new(gbk.to_vec()), None).unwrap()]
    {
        assert_eq!((t.format, t.encoding.as_str()), (Format::Csv, "gbk"));
        assert_eq!(t.header, ["名称", "统一社会信用代码", "备注"]);
        let rows: Vec<Vec<String>> = t.rows().collect::<Result<_, _>>().unwrap();
        assert_eq!(rows[0], ["福州市某某科技有限公司", "91350100M000100Y43", "逗号, 在内"]);
        assert_eq!(rows[1][0], "鑫源商贸");
    }
}

#[test]
fn utf16_and_bom_and_tsv() {
    let text = "名称\tUSCC\n甲\t91350100M000100Y43\n";
    let mut le = vec![0xFF, 0xFE];
    le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let mut t = open_bytes(&le, None).unwrap();
    assert_eq!((t.format, t.encoding.as_str(), t.bom), (Format::Tsv, "utf16le", true));
    assert_eq!(t.rows().next().unwrap().unwrap(), ["甲", "91350100M000100Y43"]);
    let mut be = vec![0xFE, 0xFF];
    be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    assert_eq!(open_bytes(&be, None).unwrap().encoding, "utf16be");
    let t = open_bytes("\u{FEFF}a,b\n".as_bytes(), None).unwrap();
    assert_eq!(
        (t.encoding.as_str(), t.bom, t.header.as_slice()),
        ("utf8", true, ["a".to_owned(), "b".to_owned()].as_slice())
    );
}

#[cfg(feature = "gbk")]
#[test]
fn ascii_then_gbk_later_decides_late_and_invalid_utf8_later_is_an_error() {
    let mut input = b"a,b\n".repeat(40_000); // 160 KB of ASCII, past the first 64 KiB
    input.extend_from_slice(&encoding_rs::GBK.encode("甲,乙\n").0);
    let mut t = open_reader(Cursor::new(input.clone()), None).unwrap();
    assert_eq!(t.encoding, "ascii");
    let last = t.rows().last().unwrap().unwrap();
    assert_eq!(last, ["甲", "乙"]);
    assert_eq!(t.detected_encoding(), "gbk");
    let mut utf8_then_gbk = "甲,乙\n".as_bytes().repeat(20_000);
    utf8_then_gbk.extend_from_slice(&encoding_rs::GBK.encode("甲,乙\n").0);
    let mut t = open_reader(Cursor::new(utf8_then_gbk), None).unwrap();
    assert_eq!(t.encoding, "utf8");
    let e = t.rows().find_map(Result::err).unwrap();
    assert_eq!(e.kind, TableErrorKind::Encoding);
    assert!(e.message.en.contains("Give --encoding gbk"), "{}", e.message.en);
}

#[test]
fn binary_is_not_a_table_and_unclosed_quotes_stop_at_the_record_limit() {
    let e = open_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", Some("a.png")).unwrap_err();
    assert_eq!(e.kind, TableErrorKind::NotATable);
    let mut input = b"a,\"b\n".to_vec();
    input.extend(std::iter::repeat_n(b'x', 3 << 20));
    let limits = Limits { max_record_bytes: 1 << 20, ..Limits::default() };
    let mut t =
        open_reader_with(Cursor::new(input), &OpenOptions { limits, ..OpenOptions::default() }).unwrap();
    let e = t.rows().find_map(Result::err).unwrap();
    assert_eq!(e.kind, TableErrorKind::CsvInvalid, "{e}");
}

#[test]
fn open_reader_streams_many_rows() {
    struct Gen(u64, Vec<u8>);
    impl Read for Gen {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            if self.1.is_empty() {
                if self.0 == 0 {
                    return Ok(0);
                }
                self.0 -= 1;
                self.1 = format!("单位{},91350100M000100Y43\n", self.0).into_bytes();
            }
            let n = self.1.len().min(buf.len());
            buf[..n].copy_from_slice(&self.1[..n]);
            self.1.drain(..n);
            Ok(n)
        }
    }
    let mut t = open_reader(Gen(300_000, b"name,code\n".to_vec()), None).unwrap();
    assert_eq!(t.encoding, "utf8");
    assert_eq!(t.rows().filter(Result::is_ok).count(), 300_000);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn any_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        if let Ok(mut t) = open_bytes(&bytes, None) {
            for row in t.rows().take(10_000) {
                let _ = row;
            }
        }
    }

    #[test]
    fn damaged_workbooks_never_panic(seed in any::<u64>(), flips in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..8)) {
        let mut bytes = small_workbook();
        let _ = seed;
        for (at, byte) in flips {
            let i = at % bytes.len();
            bytes[i] = byte;
        }
        if let Ok(mut t) = open_bytes(&bytes, None) {
            for row in t.rows().take(10_000) {
                let _ = row;
            }
        }
    }
}

fn small_workbook() -> Vec<u8> {
    use std::sync::OnceLock;
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    BYTES
        .get_or_init(|| {
            let mut wb = Workbook::new();
            let ws = wb.add_worksheet();
            ws.write_string(0, 0, "名称").unwrap();
            ws.write_number(1, 0, 1.5).unwrap();
            ws.write_formula(1, 1, Formula::new("=A2*2").set_result("3")).unwrap();
            wb.save_to_buffer().unwrap()
        })
        .clone()
}

#[test]
fn the_record_limit_is_per_record_not_per_input() {
    let input = b"a,91350100M000100Y43\n".repeat(150_000); // 3 MB
    let limits = Limits { max_record_bytes: 1 << 20, ..Limits::default() };
    let o = OpenOptions { limits, ..OpenOptions::default() };
    let mut t = open_reader_with(Cursor::new(input.clone()), &o).unwrap();
    assert_eq!(t.rows().filter(Result::is_ok).count(), 149_999);
    let mut text = xinyong::table::open_text(Cursor::new(input.clone()), &o).unwrap();
    let mut all = Vec::new();
    text.reader.read_to_end(&mut all).unwrap();
    assert_eq!(all, input);
}

#[cfg(feature = "gbk")]
#[test]
fn a_character_cut_between_two_reads_is_decided_whole() {
    // Past the first 64 KiB (read before anything is decided), the pieces cut characters.
    let text = format!("{}中文,91350100M000100Y43\n", "x,y\n".repeat(20_000));
    let gbk = encoding_rs::GBK.encode(&text).0.into_owned();
    for n in 1..8 {
        let mut t = open_reader(Pieces(gbk.clone(), n), None).unwrap();
        assert_eq!(t.encoding, "ascii");
        assert_eq!(t.rows().last().unwrap().unwrap()[0], "中文", "pieces of {n}");
        assert_eq!(t.detected_encoding(), "gbk", "pieces of {n}");
        let mut t = open_reader(Pieces(text.clone().into_bytes(), n), None).unwrap();
        assert_eq!(t.rows().last().unwrap().unwrap()[0], "中文", "pieces of {n}");
        assert_eq!(t.detected_encoding(), "utf8", "pieces of {n}");
    }
}

#[cfg(not(feature = "gbk"))]
#[test]
fn without_the_gbk_feature_gbk_is_a_clear_error_and_utf16_still_reads() {
    let gbk = encoding_rs::GBK.encode("名称,代码\n甲,91350100M000100Y43\n").0.into_owned();
    let e = open_bytes(&gbk, None).unwrap_err();
    assert_eq!(e.kind, TableErrorKind::Encoding);
    assert!(e.message.en.contains("convert it to UTF-8 first"));
    // UTF-16 with a surrogate pair and a lone surrogate, UTF-8 with an invalid byte (explicit utf8).
    let mut le = vec![0xFF, 0xFE];
    le.extend("a,𠀀\n".encode_utf16().flat_map(u16::to_le_bytes));
    le.extend([0x00, 0xD8, b'\n', 0]);
    let t = open_reader(Pieces(le, 3), None).unwrap();
    assert_eq!(t.into_rows().unwrap(), [vec!["a", "𠀀"], vec!["\u{FFFD}"]]);
    let o = OpenOptions { encoding: xinyong::table::TextEncoding::Utf8, ..OpenOptions::default() };
    let t = open_bytes_with(b"a\xff,\xe4\xb8\xad\n", &o).unwrap();
    assert_eq!(t.header, ["a\u{FFFD}", "中"]);
}

/// Hands out the input in pieces of `n` bytes.
#[allow(dead_code)]
struct Pieces(Vec<u8>, usize);

impl Read for Pieces {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.1.min(buf.len()).min(self.0.len());
        buf[..n].copy_from_slice(&self.0[..n]);
        self.0.drain(..n);
        Ok(n)
    }
}

//! The table reader (`xinyong::table`) on any bytes: never a panic, every
//! error has a kind and a message in three languages, an .xlsx cell is at
//! most the cell limit, no row is wider than the column limit, and reading
//! the bytes whole (`open_bytes`) and streamed (`open_reader`) gives the
//! same table. Seeds (fuzz/seed.mjs): CSV/TSV in UTF-8, GBK and UTF-16, and
//! .xlsx workbooks written by exceljs.
#![no_main]
use libfuzzer_sys::fuzz_target;
use xinyong::table::{open_bytes, open_reader, Limits, Table, TableError};

fn error_ok(e: &TableError) {
    assert!(!e.kind.as_str().is_empty());
    assert!(!e.message.zh_hans.is_empty() && !e.message.zh_hant.is_empty() && !e.message.en.is_empty(), "{e:?}");
}

/// Header and up to 5,000 rows, or the first error.
fn read(t: Result<Table, TableError>) -> Result<(Vec<String>, Vec<Vec<String>>), TableError> {
    let limits = Limits::default();
    let mut t = t?;
    let xlsx = t.format == xinyong::table::Format::Xlsx;
    let mut rows = Vec::new();
    for row in t.rows_with_info().take(5_000) {
        let row = row?;
        assert!(row.cells.len() <= limits.max_columns);
        if xlsx {
            assert!(row.cells.iter().all(|c| c.chars().count() <= limits.max_cell_chars));
            assert!(row.formulas.iter().all(|&c| c < limits.max_columns));
        }
        rows.push(row.cells);
    }
    Ok((t.header, rows))
}

fuzz_target!(|data: &[u8]| {
    let whole = read(open_bytes(data, None));
    let streamed = read(open_reader(std::io::Cursor::new(data.to_vec()), None));
    match (&whole, &streamed) {
        (Ok(a), Ok(b)) => assert_eq!(a, b, "open_bytes and open_reader differ"),
        (Err(a), Err(b)) => {
            error_ok(a);
            assert_eq!(a.kind, b.kind, "{a:?} vs {b:?}");
        }
        _ => panic!("one reader failed, the other not: {whole:?} vs {streamed:?}"),
    }
});

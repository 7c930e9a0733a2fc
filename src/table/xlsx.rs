//! .xlsx workbooks (placeholder: being written).

use super::{OpenOptions, Table, TableError, TableErrorKind};

pub(crate) fn too_large_file(limit: u64) -> TableError {
    let mib = limit >> 20;
    TableError::new(
        TableErrorKind::XlsxTooLarge,
        format!("工作簿超过 {mib} MiB"),
        format!("活頁簿超過 {mib} MiB"),
        format!("the workbook is larger than {mib} MiB"),
    )
}

pub(crate) fn open(_bytes: Vec<u8>, _options: &OpenOptions) -> Result<Table, TableError> {
    Err(TableError::new(
        TableErrorKind::XlsxInvalid,
        "这是 zip 压缩包（.xlsx 工作簿？），暂时无法读取",
        "這是 zip 壓縮檔（.xlsx 活頁簿？），暫時無法讀取",
        "this is a zip archive (an .xlsx or .ods workbook?), not text: save the sheet as CSV (UTF-8) and check that",
    ))
}

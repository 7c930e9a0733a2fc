// readTable (the Rust table reader in the Node build) on files made by
// spreadsheet and zip libraries at test time: an .xlsx written by exceljs,
// hostile zips written by JSZip (a zip bomb, a huge cell, a .docx), an .xls
// signature, GBK and UTF-16 text. Expected values are written by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import iconv from 'iconv-lite';

const require = createRequire(import.meta.url);
const { readTable, XinyongError } = require('xinyong');

async function zipOf(entries) {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(entries)) zip.file(name, text);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

const WORKBOOK = '<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>';
const RELS = '<Relationships><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>';
const withSheet = (sheet) => zipOf({
  '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': WORKBOOK, 'xl/_rels/workbook.xml.rels': RELS, 'xl/worksheets/sheet1.xml': sheet,
});

function throwsKind(fn, kind, en) {
  assert.throws(fn, (e) => {
    assert.ok(e instanceof XinyongError, String(e));
    assert.equal(e.kind, kind);
    if (en) assert.match(e.messages.en, en);
    if (en) assert.ok(e.messages['zh-Hans'] && e.messages['zh-Hant']);
    return true;
  });
}

test('an .xlsx written by exceljs: strings, numbers, dates, formulas, empty cells', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('处罚');
  ws.addRow(['CF_XDR_MC', 'CF_XDR_SHXYM', 'CF_NR_FK', 'CF_JDRQ', '倍数']);
  ws.addRow(['福州市某某科技有限公司', '91350100M000100Y43', 2000, new Date(Date.UTC(2026, 0, 5)), { formula: 'C2*2', result: 4000 }]);
  ws.addRow([]);
  ws.addRow(['臺灣 & <測試>', null, 0.2]);
  ws.getColumn(4).numFmt = 'yyyy-mm-dd';
  wb.addWorksheet('第二').addRow(['second']);
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  const t = readTable(bytes, { name: '处罚.xlsx' });
  assert.equal(t.format, 'xlsx');
  assert.equal(t.encoding, 'xlsx');
  assert.equal(t.sheet, '处罚');
  assert.deepEqual(t.header, ['CF_XDR_MC', 'CF_XDR_SHXYM', 'CF_NR_FK', 'CF_JDRQ', '倍数']);
  assert.deepEqual(t.rows, [
    ['福州市某某科技有限公司', '91350100M000100Y43', '2000', '2026-01-05', '4000'],
    ['臺灣 & <測試>', '', '0.2'],
  ]);
  assert.deepEqual(t.rowNumbers, [1, 2, 4]);
  assert.deepEqual(t.formulas, [{ row: 2, column: 5 }]);
  assert.deepEqual(readTable(bytes, { sheet: '第二' }).header, ['second']);
  assert.deepEqual(readTable(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length)).sheet, '处罚');
  throwsKind(() => readTable(bytes, { sheet: 'nope' }), 'sheet_not_found', /"处罚", "第二"/);
});

test('.xls, other zips, zip bombs, huge cells, damaged files: XinyongError with a kind, never a trap', async () => {
  throwsKind(() => readTable(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])), 'xls_unsupported', /save as \.xlsx or CSV/);
  const docx = await zipOf({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' });
  throwsKind(() => readTable(docx), 'not_a_table', /Word document \(\.docx\)/);
  const row = `<row><c t="inlineStr"><is><t>${'a'.repeat(400)}</t></is></c></row>`;
  const bomb = await withSheet(`<worksheet><sheetData>${row.repeat(100_000)}</sheetData></worksheet>`);
  assert.ok(bomb.length * 200 < row.length * 100_000, 'bomb-shaped');
  throwsKind(() => readTable(bomb), 'xlsx_too_large', /zip bomb/);
  const huge = await withSheet(`<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>${'字'.repeat(40_000)}</t></is></c></row></sheetData></worksheet>`);
  assert.throws(() => readTable(huge), (e) => e.kind === 'cell_too_large' && e.row === 1);
  throwsKind(() => readTable(docx.subarray(0, docx.length >> 1)), 'xlsx_invalid', /damaged or incomplete/);
  throwsKind(() => readTable(Buffer.from('a\0b')), 'not_a_table', /binary data/);
  // The module still works after all of these.
  assert.deepEqual(readTable(Buffer.from('a,b\n1,2\n')).rows, [['1', '2']]);
});

test('text: GBK, UTF-16, delimiter and encoding options; bad arguments', () => {
  const gbk = iconv.encode('名称,代码\n甲,91350100M000100Y43\n', 'gb18030');
  const t = readTable(gbk);
  assert.equal(t.encoding, 'gbk');
  assert.deepEqual(t.rows, [['甲', '91350100M000100Y43']]);
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('名称\t代码\n甲\t1\n', 'utf16le')]);
  const u = readTable(utf16);
  assert.deepEqual([u.format, u.encoding, u.bom, u.header], ['tsv', 'utf16le', true, ['名称', '代码']]);
  assert.deepEqual(readTable(Buffer.from('a;b\n'), { delimiter: ';' }).header, ['a', 'b']);
  assert.equal(readTable(Buffer.from('a\n'), { name: 'x.tsv' }).format, 'tsv');
  throwsKind(() => readTable('a,b'), 'type');
  throwsKind(() => readTable(Buffer.from('a'), { nope: 1 }), 'options');
  throwsKind(() => readTable(Buffer.from('a'), { delimiter: 'ab' }), 'options');
  throwsKind(() => readTable(Buffer.from('a'), { encoding: 'latin1' }), 'options');
});

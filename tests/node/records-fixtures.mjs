// 双公示 record files for the tests of the records page and the records CLIs,
// made at test time: penalty rows with known defects (each defect's rule is
// named next to it; docs/records.md has the checks), written as UTF-8 CSV,
// GBK CSV (iconv-lite), .xlsx (exceljs, a spreadsheet library, not this
// package), and hostile files (formula cells, a huge cell, many rows, a
// zip-bomb-shaped workbook).
import { deflateRawSync, crc32 } from 'node:zlib';
import iconv from 'iconv-lite';

/** A USCC with its check character (GB 32100), from its first 17 characters (check-character table as in tests/vectors). */
export function uscc(first17) {
  const CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARS.indexOf(first17[i]) * W[i];
  return first17 + CHARS[(31 - (sum % 31)) % 31];
}

export const AS_OF = '2026-11-30';
export const HEADER = ['CF_XDR_MC', 'CF_XDR_LB', 'CF_XDR_SHXYM', 'CF_FRDB', 'CF_FR_ZJLX', 'CF_FR_ZJHM', 'CF_WSH', 'CF_WFXW',
  'CF_SY', 'CF_YJ', 'CF_CFLB', 'CF_NR', 'CF_NR_FK', 'CF_JDRQ', 'CF_YXQ', 'CF_CFJG', 'CF_CFJGDM', 'CF_SJLY', 'CF_SJLYDM'];

export const ENTITY = '91350100M000100Y43';
export const AUTHORITY = uscc('11350100MB0000000'); // organization code MB000000-0
/** GB 11643's example number (check character X): a valid resident identity number. */
export const ID_NUMBER = '11010519491231002X';

/** A penalty record (object by field code) decided on `decided`, without defects. */
export function penalty(n, decided = '2026-11-25', over = {}) {
  return {
    CF_XDR_MC: `福州某某科技有限公司${n}`, CF_XDR_LB: '法人及非法人组织', CF_XDR_SHXYM: ENTITY, CF_FRDB: '张三',
    CF_FR_ZJLX: '身份证', CF_FR_ZJHM: ID_NUMBER, CF_WSH: `榕市监罚〔2026〕${n}号`, CF_WFXW: '虚假宣传',
    CF_SY: '在商品详情页作虚假宣传', CF_YJ: '《中华人民共和国反不正当竞争法》第二十条', CF_CFLB: '罚款',
    CF_NR: '罚款人民币五千元', CF_NR_FK: '0.5', CF_JDRQ: decided, CF_YXQ: '2027-11-25',
    CF_CFJG: '福州市市场监督管理局', CF_CFJGDM: AUTHORITY, CF_SJLY: '福州市市场监督管理局', CF_SJLYDM: AUTHORITY,
    ...over,
  };
}

/**
 * The sample file: five records.
 *  1. clean, decided 2026-11-25: due (7 working days later is after 2026-11-30);
 *  2. a wrong USCC check character (GB 32100): an error on CF_XDR_SHXYM;
 *  3. decided 2026-10-09: overdue on 2026-11-30 (7 working days, double-publicity-7wd);
 *  4. 罚款 2000 in the 万元 column: the amount looks like yuan (a warning);
 *  5. a formula in 处罚内容 and a wrong resident ID check character (GB 11643 MOD 11-2).
 */
export function sampleRecords() {
  return [
    penalty(101),
    penalty(102, '2026-11-25', { CF_XDR_SHXYM: '91350100M000100Y4A' }),
    penalty(103, '2026-10-09'),
    penalty(104, '2026-11-25', { CF_NR_FK: '2000' }),
    penalty(105, '2026-11-25', { CF_NR: '=HYPERLINK("http://evil.example","x")', CF_FR_ZJHM: '110105194912310021' }),
  ];
}

function csvCell(v) {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** CSV text of records (objects by field code) under `header`. */
export function csvText(records, header = HEADER) {
  return [header, ...records.map((r) => header.map((h) => r[h] ?? ''))].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** The same CSV in GBK (GB18030), as Excel saves it on a Chinese Windows. */
export function gbkCsv(records, header = HEADER) {
  return iconv.encode(csvText(records, header), 'gb18030');
}

/** An .xlsx made by exceljs; `formulas` maps a field code to a formula written (with its cached result) into every row. */
export async function xlsx(records, { header = HEADER, formulas = {}, sheet = '处罚' } = {}) {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.addRow(header);
  for (const r of records) {
    ws.addRow(header.map((h) => (formulas[h] ? { formula: formulas[h], result: r[h] ?? '' } : r[h] ?? '')));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A zip archive of `files` ({ name: Buffer }), deflated; `claimed` overrides a file's uncompressed size in the headers. */
export function zip(files) {
  const locals = [];
  const central = [];
  let offset = 0;
  for (const [name, data] of Object.entries(files)) {
    const nameBytes = Buffer.from(name);
    const packed = deflateRawSync(data, { level: 9 });
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    central.push(entry, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/**
 * A zip bomb shaped as a workbook: a sheet of 400 MB (spaces inside a cell:
 * well-formed XML) that deflates to about 400 KB. A reader that inflated it
 * whole would take 400 MB; a careful one refuses it from the sizes and ratio.
 */
export function zipBombXlsx() {
  const xml = (s) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${s}`);
  const sheetStart = Buffer.from('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>');
  const sheetEnd = Buffer.from('</t></is></c></row></sheetData></worksheet>');
  const sheet = Buffer.concat([sheetStart, Buffer.alloc(400 * 1024 * 1024, 0x20), sheetEnd]);
  return zip({
    '[Content_Types].xml': xml('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'),
    '_rels/.rels': xml('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
    'xl/workbook.xml': xml('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    'xl/_rels/workbook.xml.rels': xml('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
    'xl/worksheets/sheet1.xml': sheet,
  });
}

/** `n` penalty records as CSV, every 10th with a wrong USCC check character, every 7th overdue. */
export function manyRecordsCsv(n) {
  const lines = [HEADER.join(',')];
  for (let i = 1; i <= n; i++) {
    const r = penalty(i, i % 7 === 0 ? '2026-10-09' : '2026-11-25', i % 10 === 0 ? { CF_XDR_SHXYM: '91350100M000100Y4A' } : {});
    lines.push(HEADER.map((h) => csvCell(r[h])).join(','));
  }
  return Buffer.from(lines.join('\n') + '\n');
}

// Seeds fuzz/corpus/<target>/ from tests/vectors (and the built-in rule sets).
// Run from anywhere: node fuzz/seed.mjs. Idempotent; existing corpus files stay.
import { readFileSync, writeFileSync, mkdirSync, readdirSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const vectors = join(root, 'tests', 'vectors');

function put(target, data) {
  const dir = join(root, 'fuzz', 'corpus', target);
  mkdirSync(dir, { recursive: true });
  const bytes = Buffer.isBuffer(data) ? data : Buffer.from(data, 'utf8');
  writeFileSync(join(dir, 'seed-' + createHash('sha1').update(bytes).digest('hex').slice(0, 16)), bytes);
}

/** First column of every data row of a TSV vector file (comments and header skipped). */
function column(file) {
  const rows = readFileSync(join(vectors, file), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
  return rows.slice(1).map((l) => l.split('\t')[0]);
}

// The identifier targets take one option byte first: 0x2a = suggestions on,
// at most 10; 0x03 = pilot codes accepted, suggestions off; 0xff = everything.
const withOptions = (s) => [0x2a, 0x03, 0xff].map((b) => Buffer.concat([Buffer.from([b]), Buffer.from(s)]));
const uscc = [...column('uscc-valid.tsv'), ...column('uscc-invalid.tsv'), '９１３５０１００Ｍ０００１００Ｙ４Ａ', '9135 0100-m000100y43\u200b'];
for (const s of uscc) {
  for (const b of withOptions(s)) put('uscc_validate', b);
  put('suggest', s);
}
for (const s of column('orgcode.tsv')) for (const b of withOptions(s)) put('orgcode', b);
for (const s of column('regno15.tsv')) for (const b of withOptions(s)) put('regno', b);
for (const s of column('resident-id.tsv')) for (const b of withOptions(s)) put('resident_id', b);
for (const s of column('divisions.tsv')) put('divisions', s);

const cases = JSON.parse(readFileSync(join(vectors, 'repair-cases.json'), 'utf8')).cases;
for (const c of cases) {
  put('repair_case', c.inputText ?? JSON.stringify(c.input));
  for (const rs of c.input?.customRuleSets ?? []) put('repair_ruleset', JSON.stringify(rs));
}
const rulesets = join(root, 'src', 'repair', 'rulesets');
for (const f of readdirSync(rulesets)) {
  const rs = JSON.parse(readFileSync(join(rulesets, f), 'utf8'));
  rs.id = 'custom-' + rs.id; // built-in ids are refused for custom rule sets
  put('repair_ruleset', JSON.stringify(rs));
}

const years = [
  '{"2027": {"holidays": ["2027-01-01", "2027-02-10", "2027-02-11"], "workdays": ["2027-02-06"], "source": "notice"}}',
  '{"2027": {"holidays": ["2026-12-31", "2027-01-01"], "workdays": ["2026-12-26"]}}',
  '{"2028": {"holidays": ["2028-01-03"]}, "2030": {"holidays": ["2029-12-31", "2030-01-01"]}}',
  '{"2027": {"holidays": ["2027-01-01"], "extra": 1}}',
];
for (const y of years) for (const n of [1, 7, 20]) put('workdays_json', Buffer.concat([Buffer.from([n]), Buffer.from(y)]));

// status_entity takes the as-of day first: a signed 24-bit day offset from
// 2000-01-01, little endian (an impossible date such as 2026-02-30 rolls over).
function day(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  const v = Math.round((Date.UTC(y, m - 1, d) - Date.UTC(2000, 0, 1)) / 86400000) & 0xffffff;
  return Buffer.from([v & 0xff, (v >> 8) & 0xff, v >> 16]);
}
const status = JSON.parse(readFileSync(join(vectors, 'status-cases.json'), 'utf8')).cases;
for (const c of status) {
  put('status_entity', Buffer.concat([day(c.asOf), Buffer.from(c.entityText ?? JSON.stringify(c.entity))]));
}
const data = join(root, 'www', 'data');
const portalAsOf = JSON.parse(readFileSync(join(data, 'index.json'), 'utf8')).asOf;
for (const f of readdirSync(join(data, 'entities'))) {
  const text = readFileSync(join(data, 'entities', f), 'utf8');
  for (const asOf of [portalAsOf, '2030-01-01']) put('status_entity', Buffer.concat([day(asOf), Buffer.from(text)]));
}

// divisions_blob: mode byte 1 = patches (offset u16 LE, XOR byte) on the real
// blob; mode 0 = the bytes as a blob.
put('divisions_blob', Buffer.from([1]));
put('divisions_blob', Buffer.from([1, 0, 0, 0xff, 0x10, 0x00, 0x01]));
put('divisions_blob', Buffer.concat([Buffer.from([0]), Buffer.from('XYDV\x02', 'latin1')]));
// Province blobs as mode 0, when the package is built (scripts/build.sh copies them to pkg/web/divisions/).
const provinceBlobs = join(root, 'pkg', 'web', 'divisions');
if (existsSync(provinceBlobs)) {
  for (const f of ['10.bin', '11.bin', '35.bin', '51.bin', '71.bin']) {
    if (existsSync(join(provinceBlobs, f))) put('divisions_blob', Buffer.concat([Buffer.from([0]), readFileSync(join(provinceBlobs, f))]));
  }
}

// records: the as-of day (u16 LE days after 2000-01-01), then a tab-separated
// table (header line first), optionally preceded by a schema JSON and a NUL.
{
  const doc = JSON.parse(readFileSync(join(vectors, 'records.json'), 'utf8'));
  const day16 = (iso) => {
    const [y, m, d] = iso.split('-').map(Number);
    const v = Math.round((Date.UTC(y, m - 1, d) - Date.UTC(2000, 0, 1)) / 86400000) & 0xffff;
    return Buffer.from([v & 0xff, v >> 8]);
  };
  const cell = (v) => (typeof v === 'string' ? v : v.repeat.repeat(v.times));
  const record = (c, set = c.set) => {
    const out = {};
    for (const [k, v] of Object.entries(c.record ?? doc.base[c.base])) out[k] = cell(v);
    for (const [k, v] of Object.entries(set ?? {})) out[k] = cell(v);
    for (const k of c.unset ?? []) delete out[k];
    return out;
  };
  const table = (recs) => {
    const header = [...new Set(recs.flatMap((r) => Object.keys(r)))];
    return [header.join('\t'), ...recs.map((r) => header.map((h) => r[h] ?? '').join('\t'))].join('\n');
  };
  for (const c of [...doc.cases, ...doc.files]) {
    const recs = c.rows ? c.rows.map((set) => record(c, set)) : [record(c)];
    const schema = c.options?.schema ? JSON.stringify(c.options.schema) + '\0' : '';
    put('records', Buffer.concat([day16(c.asOf ?? doc.asOf), Buffer.from(schema + table(recs))]));
  }
}

// table: CSV/TSV in UTF-8 (with and without a BOM), GBK (encoded by
// iconv-lite) and UTF-16LE, and .xlsx workbooks written by exceljs (shared
// strings, numbers, a date, a formula with its cached value, an empty cell).
{
  const { default: iconv } = await import('iconv-lite');
  const { default: ExcelJS } = await import('exceljs');
  const csv = '名称,统一社会信用代码,罚款\n福州市某某科技有限公司,91350100M000100Y43,0.2\n"甲, 乙",9135010OM000100Y43,2000\n';
  put('table', csv);
  put('table', '\uFEFF' + csv);
  put('table', csv.replaceAll(',', '\t'));
  put('table', iconv.encode(csv, 'gb18030'));
  put('table', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, 'utf16le')]));
  put('table', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('处罚');
  ws.addRow(['CF_XDR_MC', 'CF_XDR_SHXYM', 'CF_NR_FK', 'CF_JDRQ', '倍数']);
  ws.addRow(['福州市某某科技有限公司', '91350100M000100Y43', 2000, new Date(Date.UTC(2026, 0, 5)), { formula: 'C2*2', result: 4000 }]);
  ws.addRow(['甲', null, 0.2]);
  ws.getCell('D2').numFmt = 'yyyy-mm-dd';
  put('table', Buffer.from(await wb.xlsx.writeBuffer()));
  const small = new ExcelJS.Workbook();
  small.addWorksheet('S').addRow(['a', 1]);
  put('table', Buffer.from(await small.xlsx.writeBuffer()));
}

// The two command-line tools side by side: the native one
// (target/release/xinyong, built by `cargo build --release --bin xinyong`,
// which scripts/test.sh runs before the Node tests; this test builds nothing)
// and the npm package's (`node pkg/cli.mjs`). On the same inputs (codes as
// arguments, a text file, CSV and TSV files, stdin; with --json, each --lang,
// and the options they share) they must write the same bytes (CSV) or the same
// objects (JSON lines) and exit with the same status; an unreadable input is
// the same clear error with exit 2 in both. The expected values below are
// written by hand; the comparison between the two is the rest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync, mkdirSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

import iconv from 'iconv-lite';
import JSZip from 'jszip';

/** A zip of the given text entries (written by JSZip, deflated). */
async function zipOf(entries) {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(entries)) zip.file(name, text);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const root = fileURLToPath(new URL('../..', import.meta.url));
const native = join(root, 'target', 'release', 'xinyong');
const nodeCli = join(root, 'pkg', 'cli.mjs');
const dir = mkdtempSync(join(tmpdir(), 'xinyong-parity-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

const VALID = '91350100M000100Y43';
const TYPO = '9135010OM000100Y43'; // O for 0 in the division code
const CHECK = '91350100M000100Y4A'; // wrong check character
const FLOAT = '916201055811843000'; // a spreadsheet float: last digits lost
const LANGS = ['zh-Hans', 'zh-Hant', 'en'];

function file(name, content) {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function runNative(args, input = '') {
  const r = spawnSync(native, args, { input, maxBuffer: 64 << 20, cwd: dir });
  return { status: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8') };
}

function runNode(args, input = '') {
  const r = spawnSync(process.execPath, [nodeCli, ...args], { input, maxBuffer: 64 << 20, cwd: dir });
  return { status: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8') };
}

/** Runs both; asserts the same status and the same stdout (parsed when JSON). Returns the native run. */
function same(args, input = '') {
  const a = runNative(args, input);
  const b = runNode(args, input);
  const what = `xinyong ${args.join(' ')}`;
  assert.equal(a.status, b.status, `${what}: exit ${a.status} (native) vs ${b.status} (node)\n${a.stderr}\n${b.stderr}`);
  if (args.includes('--json')) {
    const lines = (s) => s.trimEnd().split('\n').filter(Boolean).map((l) => JSON.parse(l));
    assert.deepEqual(lines(a.stdout), lines(b.stdout), what);
  } else {
    assert.equal(a.stdout, b.stdout, what);
  }
  return a;
}

test('the native CLI is built (cargo build --release --bin xinyong) and the package assembled', () => {
  assert.ok(existsSync(native), `${native} is missing: run cargo build --release --bin xinyong`);
  assert.ok(existsSync(nodeCli), `${nodeCli} is missing: run scripts/build.sh`);
});

test('codes as arguments: the same rows in every language, division code and region name', () => {
  const codes = [VALID, TYPO, CHECK, FLOAT, ' ９１３５０１００ｍ０００１００ｙ４３ ', '91350200MA31F7KX1J', 'x'];
  for (const lang of LANGS) {
    const r = same(['check', '--lang', lang, ...codes]);
    assert.equal(r.status, 1);
    const rows = parse(r.stdout, { relax_column_count: true });
    assert.deepEqual(rows[0], ['input', 'valid', 'normalized', 'error_kind', 'error_position', 'message', 'suggestion',
      'division', 'region', 'duplicate_of']);
    // division is the code in every language; region the name (Chinese names only: en gets zh-Hans).
    assert.deepEqual(rows[1].slice(7), ['350100', '福建省福州市', '']);
    assert.deepEqual(rows[6].slice(7, 9), ['350200', lang === 'zh-Hant' ? '福建省廈門市' : '福建省厦门市']);
    assert.deepEqual(rows[5].slice(1, 3), ['true', VALID]);
    assert.equal(rows[5][9], '1'); // the same normalized code as row 1
    assert.equal(rows[2][7], ''); // 35010O is not a division code
    same(['check', '--json', '--lang', lang, ...codes]);
  }
  assert.equal(same(['check', VALID]).status, 0);
  for (const args of [['--kind', 'org', 'D2143569-X', 'D2143569-0'], ['--kind', 'regno', '310115600985533'],
    ['--no-suggestions', TYPO], ['--accept-pilot-codes', VALID], ['--quiet', VALID], ['--invalid-only', VALID, TYPO]]) {
    same(['check', ...args]);
    same(['check', '--json', ...args]);
  }
});

test('a CSV file: header and column detected or given, quoted fields, duplicates, formula guard', () => {
  const csv = file('归集.csv', [
    '序号,单位名称,统一社会信用代码,备注',
    `1,"福建某某科技有限公司, 福州分公司",${VALID},张三`,
    `2,厦门某某贸易有限公司,${TYPO},"说""好""的"`,
    `3,某某商行,${FLOAT}`,
    `4,福建某某科技有限公司,９１３５０１００Ｍ０００１００Ｙ４３,"第一行\n第二行"`,
    `5,@SUM(A1:A9),${CHECK},-2+3`,
    '',
  ].join('\n'));
  for (const lang of LANGS) {
    for (const extra of [[], ['--json'], ['--invalid-only'], ['--column', '统一社会信用代码'], ['-c', '3'], ['--bom'],
      ['--no-formula-guard'], ['--no-suggestions', '--json'], ['--header']]) {
      const r = same(['check', '--lang', lang, ...extra, csv]);
      assert.equal(r.status, 1);
    }
  }
  const rows = parse(runNative(['check', csv]).stdout, { relax_column_count: true });
  assert.deepEqual(rows[1].slice(-3), ['350100', '福建省福州市', '']);
  assert.equal(rows[4].at(-1), '1');
  assert.equal(rows[5][1], "'@SUM(A1:A9)");
  // No header: the column of code-like values; a semicolon; a short row padded.
  same(['check', file('bare.csv', `甲,${VALID},x\n乙,${CHECK}\n丙,91350200MA31F7KX1J,z\n`)]);
  same(['check', '--json', file('bare2.csv', `甲,${VALID},x\n乙,${CHECK}\n`)]);
  same(['check', '--delimiter', ';', '--lang', 'en', file('semi.txt', `name;code\nx;${VALID}\ny;${TYPO}\n`)]);
  same(['check', '--no-header', '-c', '2', file('nohead.csv', `名称,代码\n甲,${VALID}\n`)]);
});

test('a TSV file, a text file and stdin', () => {
  const tsv = file('data.tsv', `名称\tUSCC\n甲, 乙\t${VALID}\n丙\t${TYPO}\n`);
  for (const lang of LANGS) {
    same(['check', '--lang', lang, tsv]);
    same(['check', '--lang', lang, '--json', tsv]);
  }
  const text = `\uFEFF${VALID}\r\n\r\n"${TYPO}"\n${FLOAT}\n${VALID}`;
  const txt = file('codes.txt', text);
  for (const lang of LANGS) {
    same(['check', '--lang', lang, txt]);
    same(['check', '--lang', lang, '--json', txt]);
    same(['check', '--lang', lang], text);
    same(['check', '--lang', lang, '-'], text);
  }
  same(['check', file('header.txt', `统一社会信用代码\n${VALID}\n`)]);
  for (const content of ['', '\n\n', '\uFEFF']) assert.equal(same(['check', file('empty.csv', content)]).status, 0);
});

test('unreadable inputs: the same clear error, exit 2, nothing on stdout', () => {
  mkdirSync(join(dir, 'folder'), { recursive: true });
  const zip = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.from([0x14, 0, 6, 0, 8, 0, 0, 0]),
    Buffer.from('[Content_Types].xml')]);
  const cases = {
    directory: [join(dir, 'folder'), /is a directory/],
    xlsx: [file('归集.xlsx', zip), /zip archive \(an \.xlsx/],
    xls: [file('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])), /Excel 97-2003 workbook \(\.xls\), which cannot be read: save as \.xlsx or CSV/],
    binary: [file('image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])), /binary data/],
    missing: [join(dir, 'nope.csv'), /no such file/],
  };
  for (const [name, [path, message]] of Object.entries(cases)) {
    for (const run of [runNative, runNode]) {
      const r = run(['check', path]);
      assert.equal(r.status, 2, `${name} (${run.name}): ${r.stderr}`);
      assert.equal(r.stdout, '', `${name} (${run.name})`);
      assert.match(r.stderr, /^xinyong: /, `${name} (${run.name})`);
      assert.match(r.stderr, message, `${name} (${run.name})`);
    }
    assert.equal(runNative(['check', path]).stderr, runNode(['check', path]).stderr, name);
  }
  // Piped in: the same.
  for (const run of [runNative, runNode]) {
    const r = run(['check'], zip);
    assert.equal(r.status, 2, run.name);
    assert.match(r.stderr, /^xinyong: stdin: this is a zip archive/);
  }
  // Usage errors: exit 2 in both.
  for (const args of [['check', '--lang', 'fr', VALID], ['check', '--nope'], ['frob'], [],
    ['check', cases.xlsx[0], VALID], ['check', '--delimiter', 'ab']]) {
    assert.equal(runNative(args).status, 2, `native ${args}`);
    assert.equal(runNode(args).status, 2, `node ${args}`);
  }
});

/** An .xlsx written by exceljs (pinned in package.json): strings, a number, a date, a formula, an empty cell. */
async function workbook() {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('处罚');
  ws.addRow(['名称', '统一社会信用代码', '罚款', '决定日期', '倍数']);
  ws.addRow(['福州市某某科技有限公司', VALID, 2000, new Date(Date.UTC(2026, 0, 5)), { formula: 'C2*2', result: 4000 }]);
  ws.addRow(['厦门某某贸易有限公司', TYPO, 0.2, null, { formula: 'C3*2', result: 0.4 }]);
  ws.addRow([]);
  ws.addRow(['臺灣, "引號"', FLOAT]);
  ws.getColumn(4).numFmt = 'yyyy-mm-dd';
  wb.addWorksheet('Sheet2').addRow(['other']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test('an .xlsx written by exceljs: both CLIs read its first sheet alike', async () => {
  const xlsx = file('归集.xlsx', await workbook());
  for (const lang of LANGS) {
    same(['check', '--lang', lang, xlsx]);
    same(['check', '--lang', lang, '--json', xlsx]);
  }
  same(['check', '--invalid-only', '--column', '2', xlsx]);
  const r = same(['check', '--lang', 'en', xlsx]);
  assert.equal(r.status, 1);
  const rows = parse(r.stdout, { relax_column_count: true });
  assert.deepEqual(rows[0].slice(0, 6), ['名称', '统一社会信用代码', '罚款', '决定日期', '倍数', 'valid']);
  assert.deepEqual(rows[1].slice(0, 6), ['福州市某某科技有限公司', VALID, '2000', '2026-01-05', '4000', 'true']);
  assert.deepEqual(rows[2].slice(0, 6), ['厦门某某贸易有限公司', TYPO, '0.2', '', '0.4', 'false']);
  assert.deepEqual(rows[3].slice(0, 2), ['臺灣, "引號"', FLOAT]);
  assert.equal(rows.length, 4); // the empty row is skipped
  assert.match(r.stderr, /input: XLSX \(sheet "处罚"\), header yes, column 2 "统一社会信用代码"/);
  assert.match(runNode(['check', '--lang', 'en', xlsx]).stderr, /input: XLSX \(sheet "处罚"\), header yes, column 2/);
  // Piped in: the same rows.
  const piped = [runNative(['check', '-'], readFileSync(xlsx)), runNode(['check', '-'], readFileSync(xlsx))];
  assert.equal(piped[0].stdout, piped[1].stdout);
  assert.equal(piped[0].stdout, runNative(['check', xlsx]).stdout);
  // A GBK CSV of the same rows: both decode it.
  const gbk = file('gbk.csv', iconv.encode(`名称,统一社会信用代码\n福州市某某科技有限公司,${VALID}\n`, 'gb18030'));
  const g = same(['check', '--lang', 'en', gbk]);
  assert.equal(g.status, 0);
  assert.match(g.stdout, /^名称,统一社会信用代码,valid/);
  assert.match(g.stderr, /input: CSV, gbk, header yes/);
});

test('GBK (also after a long ASCII prefix) and UTF-16: both CLIs decode alike', () => {
  const ascii = Array.from({ length: 30000 }, () => `x,${VALID}`).join('\n');
  const late = file('late-gbk.csv', iconv.encode(`${ascii}\n中文,${VALID}\n`, 'gbk'));
  const r = same(['check', '--no-header', late]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /\n中文,91350100M000100Y43,true,/);
  for (const encoding of ['gbk', 'utf8']) same(['check', '--encoding', encoding, late]);
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`名称\t代码\n甲\t${VALID}\n`, 'utf16le')]);
  const u = same(['check', '-c', '代码', file('unicode.txt', utf16)]);
  assert.equal(u.status, 0, u.stderr);
  assert.match(u.stderr, /utf16le \(BOM\)/);
  const mixed = Buffer.concat([Buffer.from(`名称,代码\n甲,${VALID}\n${ascii}\n`), iconv.encode('乙', 'gbk'), Buffer.from(`,${VALID}\n`)]);
  for (const run of [runNative, runNode]) {
    const bad = run(['check', file('mixed.csv', mixed)]);
    assert.equal(bad.status, 2, bad.stderr);
    assert.match(bad.stderr, /not valid UTF-8 .*--encoding gbk/);
  }
});

test('zips that are not workbooks and damaged workbooks: the same clear error, exit 2', async () => {
  const good = await workbook();
  const docx = new ExcelJS.Workbook(); // not a docx: an xlsx renamed is still read as an xlsx
  docx.addWorksheet('a').addRow([TYPO]);
  const cases = {
    truncated: [file('cut.xlsx', good.subarray(0, good.length >> 1)), /damaged or incomplete/],
    word: [file('a.docx', await zipOf({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' })), /Word document \(\.docx\)/],
    ods: [file('a.ods', await zipOf({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<x/>' })), /OpenDocument spreadsheet/],
  };
  for (const [name, [path, message]] of Object.entries(cases)) {
    const a = runNative(['check', path]);
    const b = runNode(['check', path]);
    for (const r of [a, b]) {
      assert.equal(r.status, 2, `${name}: ${r.stderr}`);
      assert.equal(r.stdout, '', name);
      assert.match(r.stderr, message, name);
    }
    assert.equal(a.stderr, b.stderr, name);
  }
  assert.equal(same(['check', file('renamed.docx', Buffer.from(await docx.xlsx.writeBuffer()))]).status, 1);
});

test('--help: an example for every subcommand, in both', () => {
  const top = runNative(['--help']);
  assert.equal(top.status, 0);
  for (const sub of ['check', 'repair', 'deadline']) {
    assert.match(top.stdout, new RegExp(`^  xinyong ${sub} `, 'm'), `top-level example of ${sub}`);
    const r = runNative([sub, '--help']);
    assert.equal(r.status, 0, sub);
    assert.match(r.stdout, new RegExp(`Examples:\\n {2}xinyong ${sub} `), sub);
  }
  const node = runNode(['--help']);
  assert.equal(node.status, 0);
  assert.match(node.stdout, /Usage: xinyong check/);
  assert.match(node.stdout, /Examples:\n {2}npx xinyong check 91350100M000100Y43/);
  // The options of `check` are the same in both (the native --help lists each long option of Node's).
  const nativeCheck = runNative(['check', '--help']).stdout;
  const options = [...node.stdout.matchAll(/^ {2}(?:-\w, | {4})(--[a-z-]+)/gm)].map((m) => m[1]);
  assert.ok(options.length >= 15, options.join(' '));
  for (const option of options.filter((o) => o !== '--version')) {
    assert.ok(nativeCheck.includes(option), `native check --help lacks ${option}`);
  }
});

// ------------------------------------------------------------------ records

test('records: the same rows, findings, summary and exit status on CSV, GBK CSV and XLSX files', async () => {
  const { AS_OF, HEADER, ID_NUMBER, sampleRecords, penalty, csvText, gbkCsv, xlsx } = await import('./records-fixtures.mjs');
  const sample = file('处罚.csv', csvText(sampleRecords()));
  const gbk = file('处罚-gbk.csv', gbkCsv(sampleRecords()));
  const workbook = file('处罚.xlsx', await xlsx(sampleRecords(), { formulas: { CF_NR_FK: '0.25*2' } }));
  const clean = file('clean.csv', csvText([penalty(1), penalty(2)]));
  const tsv = file('处罚.tsv', csvText(sampleRecords()).replaceAll(',', '\t'));
  const bothStderr = (args) => {
    const a = runNative(args);
    const b = runNode(args);
    assert.equal(a.stderr, b.stderr, `xinyong ${args.join(' ')}: the summaries differ`);
    return a;
  };
  for (const path of [sample, gbk, workbook, tsv]) {
    for (const lang of LANGS) {
      for (const extra of [[], ['--json'], ['--invalid-only'], ['--kind', 'penalty'], ['--bom'], ['--quiet'], ['--json', '--reveal-ids']]) {
        const args = ['records', '--as-of', AS_OF, '--lang', lang, ...extra, path];
        assert.equal(same(args).status, 1, args.join(' '));
        if (!extra.includes('--quiet')) bothStderr(args);
      }
    }
  }
  assert.equal(same(['records', '--as-of', AS_OF, clean]).status, 0);

  // What the rows say (written by hand from the fixtures: see records-fixtures.mjs).
  const r = runNative(['records', '--as-of', AS_OF, sample]);
  const rows = parse(r.stdout);
  assert.deepEqual(rows[0], [...HEADER, 'valid', 'findings', 'publication_due', 'publication_status', 'working_days_late']);
  const col = (name) => rows[0].indexOf(name);
  assert.deepEqual(rows.slice(1).map((row) => row[col('valid')]), ['true', 'false', 'true', 'true', 'false']);
  assert.match(rows[2][col('findings')], /^错误.*CF_XDR_SHXYM/);
  assert.equal(rows[3][col('publication_status')], 'overdue');
  assert.equal(rows[1][col('publication_status')], 'due');
  assert.match(rows[1][col('CF_FR_ZJHM')], /^110105\*{8}002X$/);
  assert.ok(!r.stdout.includes(ID_NUMBER), 'masked by default');
  assert.equal(rows[5][col('CF_NR')], `'=HYPERLINK("http://evil.example","x")`, 'formula cells escaped');
  assert.match(r.stderr, /^xinyong: 共 5 条记录：通过 3，有错误 2\n/);
  assert.match(r.stderr, /amount_looks_like_yuan +1/);
  const json = runNative(['records', '--as-of', AS_OF, '--json', '--reveal-ids', sample]).stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(json.map((j) => j.row), [1, 2, 3, 4, 5]);
  assert.equal(json[0].fields.CF_FR_ZJHM, ID_NUMBER, '--reveal-ids');
  assert.equal(json[2].publication.status, 'overdue');
  assert.ok(json[2].publication.workingDaysLate > 0);
  assert.ok(json[1].findings.some((f) => f.field === 'CF_XDR_SHXYM' && f.severity === 'error' && f.message.en));

  // -o FILE: the same bytes in both.
  const outNative = join(dir, 'out-native.csv');
  const outNode = join(dir, 'out-node.csv');
  assert.equal(runNative(['records', '--as-of', AS_OF, '-q', '-o', outNative, sample]).status, 1);
  assert.equal(runNode(['records', '--as-of', AS_OF, '-q', '-o', outNode, sample]).status, 1);
  assert.equal(readFileSync(outNative, 'utf8'), readFileSync(outNode, 'utf8'));
  assert.equal(readFileSync(outNative, 'utf8'), r.stdout);
  // stdin.
  same(['records', '--as-of', AS_OF, '-'], csvText(sampleRecords()));
});

test('records: unusable inputs and options exit 2 in both, with the same message', async () => {
  const { AS_OF, sampleRecords, csvText, zipBombXlsx } = await import('./records-fixtures.mjs');
  const sample = file('sample-records.csv', csvText(sampleRecords()));
  const cases = [
    ['records', '--as-of', AS_OF, file('old-records.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))],
    ['records', '--as-of', AS_OF, file('bomb.xlsx', zipBombXlsx())],
    ['records', '--as-of', AS_OF, join(dir, 'missing.csv')],
    ['records', '--as-of', AS_OF, file('not-records.csv', '甲,乙\n1,2\n')],
    ['records', '--as-of', AS_OF, '--schema', file('bad-schema.json', '{"kind": 5}'), sample],
  ];
  for (const args of cases) {
    const a = runNative(args);
    const b = runNode(args);
    assert.equal(a.status, 2, `native ${args.join(' ')}: ${a.stderr}`);
    assert.equal(b.status, 2, `node ${args.join(' ')}: ${b.stderr}`);
    assert.equal(a.stdout, '');
    assert.equal(b.stdout, '');
    assert.match(a.stderr, /^xinyong: /);
    assert.equal(a.stderr, b.stderr, args.join(' '));
  }
  for (const args of [['records'], ['records', '--kind', 'tax', sample], ['records', '--as-of', '2026-13-01', sample],
    ['records', '--lang', 'fr', sample], ['records', sample, sample]]) {
    assert.equal(runNative(args).status, 2, `native ${args}`);
    assert.equal(runNode(args).status, 2, `node ${args}`);
  }
});

test('records --help: the same options in both, and an example', () => {
  const native = runNative(['records', '--help']);
  const node = runNode(['records', '--help']);
  assert.equal(native.status, 0);
  assert.equal(node.status, 0);
  assert.match(native.stdout, /Examples:\n {2}xinyong records /);
  assert.match(node.stdout, /Examples:\n {2}npx xinyong records /);
  assert.match(runNative(['--help']).stdout, /^ {2}xinyong records /m, 'a top-level example');
  const longOptions = (text) => new Set([...text.matchAll(/^ {2}(?:-\w, | {4})(--[a-z-]+)/gm)].map((m) => m[1]));
  const fromNode = longOptions(node.stdout);
  assert.ok(fromNode.size >= 11, [...fromNode].join(' '));
  for (const option of fromNode) assert.ok(native.stdout.includes(option), `native records --help lacks ${option}`);
  for (const option of longOptions(native.stdout)) {
    if (option !== '--version') assert.ok(fromNode.has(option), `node records --help lacks ${option}`);
  }
});

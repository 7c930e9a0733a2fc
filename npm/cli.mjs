#!/usr/bin/env node
// `xinyong check`: checks the codes given as arguments, or in a text, CSV or
// TSV file (or stdin), on the package's own WebAssembly build, streaming, and
// writes the rows back with result columns appended (CSV, or JSON lines), a
// summary on stderr. The native CLI (src/bin/xinyong.rs) has the same options,
// columns and JSON fields (tests/node/cli-parity.test.mjs compares them).
// Exit status: 0 when every code is valid, 1 when any is invalid, 2 on a usage
// or input error. `xinyong check --help` says more.
import { createRequire } from 'node:module';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse';
import {
  decode, textRows, detectFormat, parseDelimiter, chooseColumn, cleanHeader,
  resultColumns, regionOf, RESULT_COLUMNS, inputError, usageError, fieldWriter, CodeTable,
  peekBytes, isWorkbook, readWorkbook,
} from './cli-lib.mjs';
import { runDeadline, runRepair, rulesText } from './cli-rules.mjs';
import { runRecords } from './cli-records.mjs';

const require = createRequire(import.meta.url);
const xinyong = require('./node/index.cjs'); // the package entry, with the isValid/isValidMany fast paths
const { version } = require('./package.json');

const BATCH = 4096; // rows per validateMany call
const DUPLICATE_LIMIT = 5_000_000; // distinct codes tracked for duplicates (CodeTable: <= ~100 MiB)
const DUPLICATE_EXAMPLES = 10_000; // repeated codes counted by name, for the summary's examples
const LANGS = ['zh-Hans', 'zh-Hant', 'en'];

const USAGE = `Usage: xinyong check [options] [CODE...|FILE|-]
       xinyong deadline [--rule R] [--calendar FILE] [--json] DATE
       xinyong repair [--calendar FILE] [--json] [FILE|-]
       xinyong records [--kind penalty|licence] [--as-of DATE] [--json] FILE

Checks Unified Social Credit Codes (统一社会信用代码) given as arguments, or in
a text file (one code a line), a CSV or a TSV file (UTF-8, GBK/GB18030 or
UTF-16), an .xlsx workbook (its first sheet), or stdin (no FILE, or -).
One argument that is an existing path, or has a / or an extension, is a FILE.
Writes every row with result columns appended to stdout:
  ${RESULT_COLUMNS.join(',')}
(division: the six-digit division code; region: its name, in Chinese) and a
summary to stderr (counts by error kind, duplicate codes).
Exit status: 0 when all codes are valid, 1 when any is invalid, 2 on a usage
or input error (an unreadable input: a directory, an Excel 97-2003 .xls (save
as .xlsx or CSV), another kind of zip, a damaged or oversized workbook, binary data).

Options:
  -c, --column NAME|N     the code column, by header name or 1-based number
                          (default: the column whose header reads like
                          统一社会信用代码/信用代码/USCC/credit code, else the first
                          column of code-like values)
      --header            the first row is a header (default: detected)
      --no-header         the first row is data
  -d, --delimiter C       field delimiter: , ; | tab (default: a tab in the
                          first line means TSV, a comma CSV; else the file
                          extension; else one code a line)
  -e, --encoding E        auto, utf8 or gbk (default auto: a BOM decides, else
                          UTF-8 when the first non-ASCII bytes are UTF-8, else
                          GBK/GB18030 as Excel saves on Chinese Windows)
      --json              one JSON object a row: the library's full result plus
                          row, input, duplicateOf and the row's fields
      --invalid-only      write only the rows whose code is invalid
  -l, --lang L            zh-Hans, zh-Hant or en (default zh-Hans)
  -k, --kind K            uscc, org (组织机构代码) or regno (15-digit 注册号)
      --accept-pilot-codes  accept Fujian/Xiamen pilot-era codes (with a warning)
      --no-suggestions    skip the typo-suggestion search (much faster on
                          dirty data)
      --bom               start the output with a UTF-8 BOM (for Excel)
      --no-formula-guard  write cells that start with = + - @ as they are (by
                          default they get a leading ' so that a spreadsheet
                          shows them as text instead of running them)
      --no-progress       no progress bar (shown only when stderr is a terminal)
  -q, --quiet             no summary
  -h, --help              this text
  -V, --version           the version

Examples:
  npx xinyong check 91350100M000100Y43 9135010OM000100Y43
  npx xinyong check codes.txt
  npx xinyong check --column 统一社会信用代码 归集.csv > 结果.csv
  npx xinyong check --column 3 --encoding gbk --bom 部门报送.csv > 结果.csv
  npx xinyong check 归集.xlsx > 结果.csv
  npx xinyong check --invalid-only --lang en data.tsv > invalid.tsv
  cut -f2 data.tsv | npx xinyong check --json - > results.jsonl

deadline, repair and records (双公示 records in CSV, TSV or XLSX files):
xinyong deadline --help, xinyong repair --help, xinyong records --help (the
same as the native CLI's).
`;

const OPTIONS = {
  column: { type: 'string', short: 'c' },
  header: { type: 'boolean' },
  'no-header': { type: 'boolean' },
  delimiter: { type: 'string', short: 'd' },
  encoding: { type: 'string', short: 'e', default: 'auto' },
  json: { type: 'boolean' },
  'invalid-only': { type: 'boolean' },
  lang: { type: 'string', short: 'l', default: 'zh-Hans' },
  kind: { type: 'string', short: 'k', default: 'uscc' },
  'accept-pilot-codes': { type: 'boolean' },
  'no-suggestions': { type: 'boolean' },
  bom: { type: 'boolean' },
  'no-formula-guard': { type: 'boolean' },
  'no-progress': { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
};

function parseCommandLine(argv) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw usageError(e.message);
  }
  const { values: o, positionals } = parsed;
  if (o.help || o.version) return o;
  const [command, ...inputs] = positionals;
  if (command !== 'check') throw usageError(command ? `unknown command "${command}" (check, deadline, repair or records)` : 'missing command: check, deadline, repair or records');
  // One argument naming a file (or -) is the input; otherwise the arguments are codes.
  const isFile = (a) => a === '-' || existsSync(a) || /[/\\.]/.test(a);
  if (inputs.length > 1 && inputs.some((a) => a === '-' || (existsSync(a) && statSync(a).isFile()))) {
    throw usageError(`one input at a time: codes, or one FILE (got ${inputs.length} arguments)`);
  }
  if (!LANGS.includes(o.lang)) throw usageError(`--lang is one of ${LANGS.join(', ')}`);
  if (!['auto', 'utf8', 'utf-8', 'gbk', 'gb18030'].includes(o.encoding.toLowerCase())) {
    throw usageError('--encoding is auto, utf8 or gbk');
  }
  o.encoding = { 'utf-8': 'utf8', gb18030: 'gbk' }[o.encoding.toLowerCase()] ?? o.encoding.toLowerCase();
  if (!['uscc', 'org', 'regno'].includes(o.kind)) throw usageError('--kind is uscc, org or regno');
  if (o.header && o['no-header']) throw usageError('--header or --no-header, not both');
  if (o.delimiter !== undefined) {
    o.delimiterChar = parseDelimiter(o.delimiter);
    if (!o.delimiterChar) throw usageError('--delimiter is one character, or tab');
  }
  if (inputs.length === 1 && isFile(inputs[0])) o.file = inputs[0];
  else if (inputs.length) o.codes = inputs;
  else o.file = '-';
  return o;
}

// ---------------------------------------------------------------- validating

/** Validates a batch; returns for each input { valid, columns, result? }. */
function makeChecker(o) {
  // Three suggestions in the JSON (as the native CLI); the CSV shows the first.
  const options = { acceptPilotCodes: !!o['accept-pilot-codes'], suggestions: !o['no-suggestions'], maxSuggestions: o.json ? 3 : 1 };
  const lang = o.lang;
  const one = { org: xinyong.validateOrgCode, regno: xinyong.validateRegistrationNumber }[o.kind];
  const regionNames = new Map(); // division code -> region name, for the fast path
  const canonical = /^[0-9A-Z]{18}$/;
  return (inputs) => {
    if (one) return inputs.map((s) => full(one(s, options)));
    if (o.json) return xinyong.validateMany(inputs, options).map(full);
    // Fast path: a valid code already in canonical form is its own normalized
    // form and has nothing to report; only its division name is looked up
    // (once per division). Everything else gets the full result.
    const flags = xinyong.isValidMany(inputs);
    const out = new Array(inputs.length);
    const slow = [];
    for (let i = 0; i < inputs.length; i++) {
      const s = inputs[i];
      if (flags[i] && canonical.test(s)) {
        const code = s.slice(2, 8);
        let name = regionNames.get(code);
        if (name === undefined) {
          name = regionOf(xinyong.validate(s, { suggestions: false }), lang);
          regionNames.set(code, name);
        }
        out[i] = { valid: true, normalized: s, columns: ['true', s, '', '', '', '', code, name] };
      } else slow.push(i);
    }
    if (slow.length) {
      const results = xinyong.validateMany(slow.map((i) => inputs[i]), options);
      slow.forEach((i, k) => (out[i] = full(results[k])));
    }
    return out;
  };
  function full(r) {
    return { valid: r.valid, normalized: r.normalized, columns: resultColumns(r, lang), result: r };
  }
}

// ------------------------------------------------------------------ progress

function makeProgress(enabled, total, info) {
  if (!enabled) return { update() {}, done() {} };
  const start = Date.now();
  let rows = 0;
  let shown = false;
  const draw = () => {
    const seconds = (Date.now() - start) / 1000;
    if (seconds < 0.5) return;
    const rate = Math.round(rows / seconds).toLocaleString('en');
    let line = `${rows.toLocaleString('en')} rows  ${rate} rows/s`;
    if (total > 0) {
      const f = Math.min(1, info.bytes / total);
      const width = 30;
      const n = Math.round(f * width);
      line = `[${'#'.repeat(n)}${'.'.repeat(width - n)}] ${(f * 100).toFixed(0).padStart(3)}%  ${line}`;
    }
    process.stderr.write(`\r${line}\x1b[K`);
    shown = true;
  };
  const timer = setInterval(draw, 200);
  timer.unref();
  return {
    update(n) { rows = n; },
    done() {
      clearInterval(timer);
      if (shown) process.stderr.write('\r\x1b[K');
    },
  };
}

// ------------------------------------------------------------------- summary

const T = {
  en: {
    rows: (n, v, i) => `${n} ${n === '1' ? 'row' : 'rows'}: ${v} valid, ${i} invalid`,
    kinds: 'invalid by first error:',
    dups: (c, e) => `duplicates: ${c} ${c === '1' ? 'code appears' : 'codes appear'} more than once (${e} extra ${e === '1' ? 'row' : 'rows'})`,
    top: 'most repeated:',
    limit: (n) => `(duplicates tracked for the first ${n} distinct codes only)`,
    input: 'input: ',
    header: 'header',
    column: 'column',
    yes: 'yes',
    no: 'no',
    took: (s, r, m) => `${s} s, ${r} rows/s, peak memory ${m} MiB`,
  },
  'zh-Hans': {
    rows: (n, v, i) => `共 ${n} 行：有效 ${v}，无效 ${i}`,
    kinds: '无效原因（首个错误）：',
    dups: (c, e) => `重复：${c} 个代码出现不止一次（多出 ${e} 行）`,
    top: '重复最多：',
    limit: (n) => `（只对前 ${n} 个不同代码统计重复）`,
    input: '输入：',
    header: '表头',
    column: '列',
    yes: '有',
    no: '无',
    took: (s, r, m) => `用时 ${s} 秒，每秒 ${r} 行，内存峰值 ${m} MiB`,
  },
  'zh-Hant': {
    rows: (n, v, i) => `共 ${n} 行：有效 ${v}，無效 ${i}`,
    kinds: '無效原因（首個錯誤）：',
    dups: (c, e) => `重複：${c} 個代碼出現不止一次（多出 ${e} 行）`,
    top: '重複最多：',
    limit: (n) => `（只對前 ${n} 個不同代碼統計重複）`,
    input: '輸入：',
    header: '表頭',
    column: '欄',
    yes: '有',
    no: '無',
    took: (s, r, m) => `用時 ${s} 秒，每秒 ${r} 行，記憶體峰值 ${m} MiB`,
  },
};

function printSummary(s, o, lang) {
  const t = T[lang];
  const n = (x) => x.toLocaleString('en');
  const lines = [`xinyong: ${t.rows(n(s.rows), n(s.valid), n(s.rows - s.valid))}`];
  const kinds = [...s.kinds].sort((a, b) => b[1] - a[1]);
  if (kinds.length) {
    lines.push(`  ${t.kinds}`);
    for (const [kind, count] of kinds) lines.push(`    ${kind.padEnd(16)} ${n(count)}`);
  }
  if (s.seen.repeatedCodes) {
    lines.push(`  ${t.dups(n(s.seen.repeatedCodes), n(s.seen.extraRows))}`);
    const top = [...s.duplicates].sort((a, b) => b[1] - a[1]).slice(0, 5);
    lines.push(`    ${t.top} ${top.map(([code, c]) => `${code} ×${c}`).join(', ')}`);
  }
  if (s.seen.full) lines.push(`  ${t.limit(n(DUPLICATE_LIMIT))}`);
  const format = s.format === 'text' ? 'text' : s.format === 'xlsx' ? `XLSX (sheet "${s.sheet}")`
    : s.format === 'tsv' ? 'TSV' : s.delimiter === ',' ? 'CSV' : `CSV (${s.delimiter})`;
  const column = s.format === 'text' ? '' : `, ${t.column} ${s.index + 1}${s.header ? ` "${s.columnName}"` : ''}`;
  const encoding = s.format === 'xlsx' ? '' : `, ${s.encoding}${s.bom ? ' (BOM)' : ''}`;
  lines.push(`  ${t.input}${format}${encoding}, ${t.header} ${s.header ? t.yes : t.no}${column}`);
  const seconds = (performance.now() - s.start) / 1000;
  const rss = Math.round(process.resourceUsage().maxRSS / 1024);
  lines.push(`  ${t.took(seconds.toFixed(1), n(Math.round(s.rows / Math.max(seconds, 1e-3))), rss)}`);
  process.stderr.write(lines.join('\n') + '\n');
}

// ---------------------------------------------------------------------- main

async function run(o) {
  const start = performance.now();
  let total = 0;
  let byteStream;
  if (o.codes) {
    byteStream = null;
  } else if (o.file === '-') {
    byteStream = process.stdin;
  } else {
    let stat;
    try {
      stat = statSync(o.file);
    } catch (e) {
      throw inputError(`${o.file}: ${e.code === 'ENOENT' ? 'no such file' : e.message}`);
    }
    if (stat.isDirectory()) throw inputError(`${o.file}: is a directory`);
    if (stat.isFile()) total = stat.size;
    byteStream = createReadStream(o.file, { highWaterMark: 256 * 1024 });
  }
  const info = { name: o.file === '-' ? 'stdin' : o.file };
  // A workbook (an .xlsx; an .xls or another zip to refuse) is read whole by
  // the wasm table reader (readTable), as the native CLI reads it (src/table).
  let workbook = null;
  if (byteStream) {
    const peeked = await peekBytes(byteStream, 8);
    byteStream = peeked.stream;
    if (isWorkbook(peeked.head)) workbook = await readWorkbook(xinyong, byteStream, info.name, o.file === '-' ? undefined : o.file);
  }
  const strings = workbook ? (async function* () {})()[Symbol.asyncIterator]() : o.codes
    ? (async function* () { info.encoding = 'utf8'; })()[Symbol.asyncIterator]()
    : decode(byteStream, o.encoding, info)[Symbol.asyncIterator]();

  // Read until the first line is complete, to choose the format.
  const early = [];
  let firstLine = '';
  for (;;) {
    const { value, done } = await strings.next();
    if (done) break;
    early.push(value);
    firstLine += value;
    const nl = firstLine.indexOf('\n');
    if (nl >= 0) {
      firstLine = firstLine.slice(0, nl);
      break;
    }
  }
  const text = (async function* () {
    yield* early;
    for (;;) {
      const { value, done } = await strings.next();
      if (done) return;
      yield value;
    }
  })();
  const format = o.codes ? 'text' : workbook ? 'xlsx'
    : o.delimiterChar ? (o.delimiterChar === '\t' ? 'tsv' : 'csv') : detectFormat(firstLine, o.file);
  const delimiter = o.delimiterChar ?? (format === 'tsv' ? '\t' : ',');
  let rows;
  if (o.codes) rows = (async function* () { for (const code of o.codes) yield [code]; })(); // arguments: kept as given
  else if (workbook) {
    rows = (async function* () {
      if (workbook.rowNumbers.length) yield workbook.header;
      yield* workbook.rows;
    })();
  } else if (format === 'text') rows = textRows(text);
  else {
    const parser = parse({
      delimiter,
      bom: true,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
    });
    Readable.from(text).on('error', (e) => parser.destroy(e)).pipe(parser);
    rows = parser;
  }
  rows = rows[Symbol.asyncIterator]();

  // The first rows decide the header and the column.
  const head = [];
  const want = o.column === undefined && format !== 'text' ? 100 : 1;
  try {
    while (head.length < want) {
      const { value, done } = await rows.next();
      if (done) break;
      head.push(value);
    }
  } catch (e) {
    throw e.exitCode ? e : inputError(`cannot parse the input: ${e.message}`);
  }
  const header = o.header ? true : o['no-header'] || o.codes ? false : undefined;
  const choice = chooseColumn(head, { column: o.column, header, format });
  const index = choice.index;
  const width = head.length ? (choice.header ? head[0].length : Math.max(...head.map((r) => r.length))) : 0;

  const s = {
    start, rows: 0, valid: 0, kinds: new Map(), duplicates: new Map(), seen: new CodeTable(DUPLICATE_LIMIT),
    format, delimiter, encoding: info.encoding, bom: info.bom, header: choice.header, index, sheet: workbook?.sheet ?? '',
    columnName: choice.header ? cleanHeader(head[0][index]) : '',
  };
  const out = process.stdout;
  const outDelimiter = format === 'tsv' ? '\t' : delimiter;
  const write = async (str) => {
    if (!out.write(str)) await once(out, 'drain');
  };
  if (o.bom && !o.json) await write('\uFEFF');
  const names = choice.header
    ? head[0].map(cleanHeader)
    : format === 'text' ? ['input'] : Array.from({ length: width }, (_, i) => `column${i + 1}`);
  const field = fieldWriter(outDelimiter, { formulaGuard: !o['no-formula-guard'] });
  const csvLine = (cells) => cells.map(field).join(outDelimiter) + '\n';
  if (!o.json && head.length) await write(csvLine([...names, ...RESULT_COLUMNS]));

  const check = makeChecker(o);
  const progress = makeProgress(process.stderr.isTTY && !o['no-progress'] && !o.quiet, total, info);
  let batch = [];
  let rowNumber = 0;
  const flush = async () => {
    const inputs = batch.map((r) => r[index] ?? '');
    const checked = check(inputs);
    const lines = [];
    for (let i = 0; i < batch.length; i++) {
      const c = checked[i];
      const row = ++rowNumber;
      s.rows++;
      if (c.valid) s.valid++;
      else {
        const kind = c.result?.errors[0]?.kind ?? 'invalid';
        s.kinds.set(kind, (s.kinds.get(kind) ?? 0) + 1);
      }
      let duplicateOf = '';
      if (c.normalized) {
        const first = s.seen.visit(c.normalized, row);
        if (first) {
          duplicateOf = first;
          const count = s.duplicates.get(c.normalized);
          if (count || s.duplicates.size < DUPLICATE_EXAMPLES) s.duplicates.set(c.normalized, (count ?? 1) + 1);
        }
      }
      if (o['invalid-only'] && c.valid) continue;
      if (o.json) {
        const fields = choice.header
          ? Object.fromEntries(names.map((name, k) => [name, batch[i][k] ?? '']))
          : batch[i];
        const line = { row, input: inputs[i], ...c.result, duplicateOf: duplicateOf || null };
        if (format !== 'text') line.fields = fields;
        lines.push(JSON.stringify(line) + '\n');
      } else {
        const fields = batch[i];
        let line = '';
        for (let k = 0; k < fields.length; k++) line += field(fields[k]) + outDelimiter;
        for (let k = fields.length; k < width; k++) line += outDelimiter; // a short row, padded
        for (const cell of c.columns) line += field(cell) + outDelimiter;
        lines.push(line + duplicateOf + '\n');
      }
    }
    batch = [];
    progress.update(s.rows);
    if (lines.length) await write(lines.join(''));
  };

  for (const row of choice.header ? head.slice(1) : head) batch.push(row);
  try {
    for (;;) {
      if (batch.length >= BATCH) await flush();
      const { value, done } = await rows.next();
      if (done) break;
      batch.push(value);
    }
  } catch (e) {
    progress.done();
    throw e.exitCode ? e : inputError(`cannot parse the input after row ${rowNumber + batch.length}: ${e.message}`);
  }
  await flush();
  progress.done();
  s.encoding = info.encoding;
  if (!o.quiet) printSummary(s, o, o.lang);
  return s.valid === s.rows ? 0 : 1;
}

async function main() {
  // A closed pipe (`| head`) is the reader's choice, as in the native CLI.
  process.stdout.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  let o;
  const argv = process.argv.slice(2);
  try {
    // deadline and repair: as the native binary (npm/cli-rules.mjs).
    const write = (stream) => (text) => stream.write(text);
    if (argv[0] === 'deadline') return runDeadline(xinyong, argv.slice(1), write(process.stdout), write(process.stderr));
    if (argv[0] === 'records') return runRecords(xinyong, argv.slice(1), write(process.stderr));
    if (argv[0] === 'repair') {
      return runRepair(xinyong, argv.slice(1), write(process.stdout), write(process.stderr), () => readFileSync(0, 'utf8'));
    }
    o = parseCommandLine(argv);
    if (o.help) {
      process.stdout.write(USAGE);
      return 0;
    }
    if (o.version) {
      // As the native binary: -V the version, --version also the rules and the calendar.
      const long = argv.includes('--version') && typeof xinyong.rulesInfo === 'function';
      process.stdout.write(`xinyong ${version}\n${long ? `${rulesText(xinyong.rulesInfo())}\n` : ''}`);
      return 0;
    }
    return await run(o);
  } catch (e) {
    if (!e.exitCode) throw e;
    process.stderr.write(`xinyong: ${e.message}\n`);
    if (e.usage) process.stderr.write(`Try: xinyong ${['deadline', 'repair', 'records'].includes(argv[0]) ? argv[0] : 'check'} --help\n`);
    return e.exitCode;
  }
}

process.exitCode = await main();

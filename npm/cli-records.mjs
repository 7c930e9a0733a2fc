// `xinyong records FILE` for the Node command-line tool: checks every 双公示
// record (行政许可 / 行政处罚) of a CSV, TSV or XLSX file on the package's
// WebAssembly (the file is read in Rust, as the native CLI reads it:
// RecordsStream pulls the bytes through a synchronous read, so memory stays
// constant on CSV). The same options, output and exit status as the native
// binary (src/bin/xinyong/records.rs); tests/node/cli-parity.test.mjs compares.
import { closeSync, openSync, readFileSync, readSync, statSync, writeSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { usageError, inputError } from './cli-lib.mjs';
import { annotatedHeader, annotatedRow, csvLine, summaryText } from './records-lib.mjs';

const LANGS = ['zh-Hans', 'zh-Hant', 'en'];
/** Records checked per call into the module. */
const BATCH = 1024;
/** Bytes read per pull. */
const READ = 256 * 1024;

export const RECORDS_USAGE = `Usage: xinyong records [options] FILE

Checks every 双公示 record (行政处罚 penalty / 行政许可 licence) of a CSV, TSV or
XLSX file (- for stdin) against the national field set: required fields,
codes (USCC, organization code, registration number, resident identity
number), dates, code lists, amounts in 万元, duplicated 决定书文号, and the
publication deadline (7 working days after the decision) on --as-of.
Writes every row with its findings appended (CSV: valid, findings,
publication_due, publication_status, working_days_late; identity numbers
masked), or one JSON object a row with --json, and a summary by finding kind
to stderr.
Exit status: 0 when no record has an error, 1 when some record has one, 2 on
a usage or input error (an unreadable file, a bad schema).

Options:
  -k, --kind K          penalty or licence (default: from the column names, CF_/XK_)
      --as-of DATE      the day the deadlines are judged on, YYYY-MM-DD
                        (default: today in China, UTC+8)
      --json            one JSON object a row: row, fields, valid, findings, publication
      --invalid-only    write only the records with an error
  -l, --lang L          zh-Hans, zh-Hant or en (default zh-Hans)
      --calendar FILE   a holiday notice as JSON, added to the built-in calendar
      --schema FILE     a provincial variant of the field set (JSON)
      --reveal-ids      write identity numbers in full (masked by default)
      --bom             start the output with a UTF-8 BOM (for Excel)
  -o, --output FILE     write to FILE instead of stdout
  -q, --quiet           no summary
  -h, --help            this text

Examples:
  npx xinyong records 处罚.xlsx --as-of 2026-11-30
  npx xinyong records --kind licence --json 许可.csv > 结果.jsonl
  npx xinyong records --invalid-only --lang en -o problems.csv penalties.csv
`;

const OPTIONS = {
  kind: { type: 'string', short: 'k' },
  'as-of': { type: 'string' },
  json: { type: 'boolean' },
  'invalid-only': { type: 'boolean' },
  lang: { type: 'string', short: 'l', default: 'zh-Hans' },
  calendar: { type: 'string' },
  schema: { type: 'string' },
  'reveal-ids': { type: 'boolean' },
  bom: { type: 'boolean' },
  output: { type: 'string', short: 'o' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
};

/** Today's date in China (UTC+8), YYYY-MM-DD: the CLIs' default --as-of (the core never reads a clock). */
export function todayInChina(now = Date.now()) {
  return new Date(now + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

/** A synchronous writer with a buffer (stdout or a file): constant memory, no backpressure to await. */
function writer(fd) {
  let buffer = '';
  const flush = () => {
    const bytes = Buffer.from(buffer);
    buffer = '';
    let offset = 0;
    while (offset < bytes.length) {
      try {
        offset += writeSync(fd, bytes, offset);
      } catch (e) {
        if (e.code !== 'EAGAIN') throw e;
      }
    }
  };
  return {
    write(s) {
      buffer += s;
      if (buffer.length >= 1 << 16) flush();
    },
    flush,
  };
}

const message = (e, lang) => e.messages?.[lang] ?? e.message;

/** `xinyong records`: returns the exit status. */
export function runRecords(xinyong, argv, err) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw usageError(e.message);
  }
  const { values: o, positionals } = parsed;
  if (o.help) {
    process.stdout.write(RECORDS_USAGE);
    return 0;
  }
  if (!LANGS.includes(o.lang)) throw usageError(`--lang is one of ${LANGS.join(', ')}`);
  if (o.kind !== undefined && !['penalty', 'licence'].includes(o.kind)) throw usageError('--kind is penalty or licence');
  if (positionals.length !== 1) throw usageError(positionals.length ? `one FILE at a time (got ${positionals.length})` : 'missing FILE');
  const lang = o.lang;
  const file = positionals[0];
  if (o.calendar !== undefined) {
    let text;
    try {
      text = readFileSync(o.calendar, 'utf8');
    } catch (e) {
      throw inputError(`--calendar ${o.calendar}: ${e.message}`);
    }
    try {
      xinyong.addHolidayYears(text);
    } catch (e) {
      throw inputError(`--calendar ${o.calendar}: ${message(e, lang)}`);
    }
  }
  const asOf = o['as-of'] ?? todayInChina();
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(asOf);
  if (!day || new Date(Date.UTC(day[1], day[2] - 1, day[3])).toISOString().slice(0, 10) !== asOf) {
    throw inputError(`--as-of ${asOf}: expected a date YYYY-MM-DD`);
  }
  const options = { asOf, name: file === '-' ? undefined : file };
  if (o.kind) options.kind = o.kind;
  if (o['reveal-ids']) options.revealIds = true;
  if (o.schema !== undefined) {
    try {
      options.schema = readFileSync(o.schema, 'utf8');
    } catch (e) {
      throw inputError(`--schema ${o.schema}: ${e.message}`);
    }
  }

  // The input, pulled through a synchronous read (stdin: read whole first).
  let read;
  let fd = null;
  if (file === '-') {
    const all = readFileSync(0);
    let position = 0;
    read = (n) => {
      const chunk = all.subarray(position, position + n);
      position += chunk.length;
      return chunk;
    };
  } else {
    let stat;
    try {
      stat = statSync(file);
    } catch (e) {
      throw inputError(`${file}: ${e.code === 'ENOENT' ? 'no such file' : e.message}`);
    }
    if (stat.isDirectory()) throw inputError(`${file}: is a directory`);
    fd = openSync(file, 'r');
    const buffer = Buffer.allocUnsafe(READ);
    read = (n) => {
      const k = readSync(fd, buffer, 0, Math.min(n, READ), null);
      return buffer.subarray(0, k);
    };
  }
  let stream;
  try {
    stream = new xinyong.RecordsStream(read, options);
  } catch (e) {
    if (fd !== null) closeSync(fd);
    if (e.kind === undefined) throw e;
    if (e.kind === 'invalid_schema') throw inputError(`--schema ${o.schema}: ${message(e, lang)}`);
    throw inputError(`${file === '-' ? 'stdin' : file}: ${message(e, lang)}`);
  }
  let out;
  let outFd = 1;
  if (o.output !== undefined) {
    try {
      outFd = openSync(o.output, 'w');
    } catch (e) {
      stream.free();
      throw inputError(`-o ${o.output}: ${e.message}`);
    }
  }
  try {
    out = writer(outFd);
    const info = stream.info();
    if (o.bom && !o.json) out.write('\uFEFF');
    if (!o.json) out.write(csvLine(annotatedHeader(info.header)));
    for (;;) {
      let batch;
      try {
        batch = stream.next(BATCH);
      } catch (e) {
        if (e.kind === undefined) throw e;
        out.flush();
        throw inputError(`${file === '-' ? 'stdin' : file}: ${message(e, lang)}`);
      }
      if (!batch.length) break;
      for (const r of batch) {
        if (o['invalid-only'] && r.valid) continue;
        out.write(o.json ? `${JSON.stringify(r)}\n` : csvLine(annotatedRow(info.header, r, lang)));
      }
    }
    out.flush();
    const summary = stream.summary();
    // The encoding as decided by the whole input (ASCII at first may turn out UTF-8 or GBK).
    if (!o.quiet) err(summaryText(summary, stream.info(), lang));
    return summary.invalid > 0 ? 1 : 0;
  } finally {
    stream.free();
    if (fd !== null) closeSync(fd);
    if (outFd !== 1) closeSync(outFd);
  }
}

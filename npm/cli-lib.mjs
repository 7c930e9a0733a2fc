// Helpers of the `xinyong check` command (cli.mjs): input decoding, the
// choice of delimiter, header and column, and the shape of output rows.
// Pure functions and generators, exported for the tests.
import iconv from 'iconv-lite';

// ---------------------------------------------------------------- encodings

const BOMS = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf8' },
  { bytes: [0xff, 0xfe], encoding: 'utf16le' }, // Excel's "Unicode Text" export
  { bytes: [0xfe, 0xff], encoding: 'utf16be' },
];

/** A decoder with write(bytes) -> string and end() -> string. */
function decoderFor(encoding, fatal) {
  if (encoding === 'utf8') {
    const d = new TextDecoder('utf-8', { fatal });
    return { write: (b) => d.decode(b, { stream: true }), end: () => d.decode() };
  }
  // GB18030 is a superset of GBK (and of GB2312): what Excel writes as "ANSI" on
  // a Chinese Windows.
  const d = iconv.getDecoder(encoding === 'gbk' ? 'gb18030' : encoding);
  return { write: (b) => d.write(b), end: () => d.end() ?? '' };
}

/** True when `bytes` (starting at a character boundary) is UTF-8, allowing a
 * sequence cut off at the end. */
export function isUtf8Prefix(bytes) {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * Decodes a stream of byte chunks into strings. `mode` is `auto`, `utf8` or
 * `gbk`. A byte-order mark decides (and is dropped) in every mode: UTF-8,
 * UTF-16LE/BE. In `auto` mode, ASCII passes through undecided (it reads the
 * same in both encodings); the first chunk with a non-ASCII byte decides: UTF-8
 * when it is valid UTF-8 from there on, GBK (GB18030) otherwise. `info` gets
 * `encoding`, `bytes` (read so far) and `bom`.
 */
export async function* decode(chunks, mode, info) {
  info.encoding = mode === 'auto' ? 'ascii' : mode;
  info.bytes = 0;
  info.bom = false;
  let decoder = null;
  let head = Buffer.alloc(0); // the first bytes, until a BOM can be ruled out
  let sniffed = false;
  const decide = (buf) => {
    let start = 0;
    for (; start < buf.length && buf[start] < 0x80; start++);
    if (start === buf.length) return false; // all ASCII: still undecided
    info.encoding = isUtf8Prefix(buf.subarray(start)) ? 'utf8' : 'gbk';
    decoder = decoderFor(info.encoding, true);
    return true;
  };
  const feed = function* (buf) {
    if (!sniffed) {
      head = head.length ? Buffer.concat([head, buf]) : buf;
      if (head.length < 3) return;
      buf = head;
      sniffed = true;
      const bom = BOMS.find((b) => b.bytes.every((byte, i) => buf[i] === byte));
      if (bom) {
        info.bom = true;
        info.encoding = bom.encoding;
        decoder = decoderFor(bom.encoding, false);
        buf = buf.subarray(bom.bytes.length);
      } else if (mode !== 'auto') {
        decoder = decoderFor(mode, false);
      }
      if (!bom || bom.encoding === 'utf8') {
        const why = unreadable(buf.subarray(0, 64 * 1024));
        if (why) throw inputError(`${info.name ?? 'stdin'}: ${why}`);
      }
    }
    if (!decoder && !decide(buf)) {
      yield buf.toString('latin1'); // ASCII only
      return;
    }
    try {
      yield decoder.write(buf);
    } catch {
      throw inputError(
        `the input is not valid UTF-8 (near byte ${info.bytes}); it started as UTF-8. Give --encoding gbk or --encoding utf8`,
      );
    }
  };
  for await (const chunk of chunks) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    info.bytes += buf.length;
    yield* feed(buf);
  }
  if (!sniffed && head.length) {
    sniffed = true;
    const why = unreadable(head);
    if (why) throw inputError(`${info.name ?? 'stdin'}: ${why}`);
    if (mode !== 'auto') decoder = decoderFor(mode, false);
    if (!decoder && !decide(head)) yield head.toString('latin1');
    else yield decoder.write(head);
  }
  if (decoder) {
    try {
      const rest = decoder.end();
      if (rest) yield rest;
    } catch {
      throw inputError('the input ends in the middle of a UTF-8 character; give --encoding gbk or --encoding utf8');
    }
  }
}

/**
 * Why an input cannot be read as text, from its first bytes: a zip (an .xlsx
 * or .ods workbook), an Excel 97-2003 .xls (OLE2), or control bytes that text
 * never holds (binary data); null when it may be text. The native CLI applies
 * the same rule (src/bin/xinyong/check.rs).
 */
export function unreadable(head) {
  const starts = (bytes) => bytes.every((b, i) => head[i] === b);
  if (starts([0x50, 0x4b, 0x03, 0x04])) {
    return 'this is a zip archive (an .xlsx or .ods workbook?), not text: save the sheet as CSV (UTF-8) and check that';
  }
  if (starts([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return 'this is an Excel 97-2003 workbook (.xls), not text: save the sheet as CSV (UTF-8) and check that';
  }
  for (const b of head) {
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0b && b !== 0x0c && b !== 0x1a) {
      return 'this is binary data, not text (one code a line, CSV or TSV)';
    }
  }
  return null;
}

// ---------------------------------------------------------------- workbooks

/** Reads chunks of `stream` until `n` bytes (or the end) are there: `{ head,
 * stream }`, where `stream` gives every byte again, the head included. */
export async function peekBytes(stream, n) {
  const it = stream[Symbol.asyncIterator]();
  const first = [];
  let length = 0;
  let done = false;
  while (length < n) {
    const next = await it.next();
    if (next.done) {
      done = true;
      break;
    }
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    first.push(chunk);
    length += chunk.length;
  }
  const head = Buffer.concat(first);
  const rest = (async function* () {
    if (head.length) yield head;
    if (done) return;
    for (;;) {
      const next = await it.next();
      if (next.done) return;
      yield next.value;
    }
  })();
  return { head, stream: rest };
}

/** A zip (an .xlsx, or a .docx or .ods to refuse) or an OLE2 file (an Excel 97-2003 .xls). */
export function isWorkbook(head) {
  const starts = (bytes) => bytes.every((b, i) => head[i] === b);
  return starts([0x50, 0x4b, 0x03, 0x04]) || starts([0x50, 0x4b, 0x05, 0x06]) || starts([0xd0, 0xcf, 0x11, 0xe0]);
}

/** The most bytes of a workbook read (the table reader's limit, Limits::max_xlsx_bytes). */
export const MAX_WORKBOOK_BYTES = 256 * 1024 * 1024;

/**
 * Reads a workbook whole (up to the limit; past it the reader refuses it)
 * and reads it with the package's `readTable` (the Rust table reader in
 * wasm). A table error becomes an input error named after the file, with
 * the reader's English message, as the native CLI prints it.
 */
export async function readWorkbook(xinyong, stream, what, name) {
  const chunks = [];
  let length = 0;
  for await (const chunk of stream) {
    chunks.push(chunk);
    length += chunk.length;
    if (length > MAX_WORKBOOK_BYTES) break;
  }
  try {
    return xinyong.readTable(Buffer.concat(chunks), name === undefined ? {} : { name });
  } catch (e) {
    if (!e.kind) throw e;
    const message = e.messages?.en ?? e.message;
    throw inputError(['encoding', 'csv_invalid', 'io'].includes(e.kind) ? message : `${what}: ${message}`);
  }
}

export function inputError(message) {
  const e = new Error(message);
  e.exitCode = 2;
  return e;
}

// ------------------------------------------------------------ lines and rows

/** Splits decoded text into lines (`\n` or `\r\n`), skipping empty lines;
 * a line that is one double-quoted field loses its quotes. */
export async function* textRows(strings) {
  let rest = '';
  const row = (line) => {
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line.length > 1 && line[0] === '"' && line[line.length - 1] === '"') {
      line = line.slice(1, -1).replaceAll('""', '"');
    }
    return [line];
  };
  for await (const s of strings) {
    const text = rest + s;
    const lines = text.split('\n');
    rest = lines.pop();
    for (const line of lines) if (line !== '' && line !== '\r') yield row(line);
  }
  if (rest !== '' && rest !== '\r') yield row(rest);
}

// ------------------------------------------------ delimiter, header, column

const DELIMITER_NAMES = { tab: '\t', '\\t': '\t', comma: ',', semicolon: ';', pipe: '|' };

/** The `--delimiter` value as one character, or null when it is none. */
export function parseDelimiter(value) {
  const d = DELIMITER_NAMES[value.toLowerCase()] ?? value;
  return [...d].length === 1 && d !== '"' && d !== '\n' && d !== '\r' ? d : null;
}

/**
 * The format from the first line and the file name: 'tsv' when the line has a
 * tab, 'csv' when it has a comma, else by extension (.tsv/.tab, .csv), else
 * 'text' (one code per line).
 */
export function detectFormat(firstLine, fileName) {
  if (firstLine.includes('\t')) return 'tsv';
  if (firstLine.includes(',')) return 'csv';
  if (/\.(tsv|tab)$/i.test(fileName ?? '')) return 'tsv';
  if (/\.csv$/i.test(fileName ?? '')) return 'csv';
  return 'text';
}

/** Full-width ASCII to ASCII, then without spaces, hyphens and zero-width characters. */
function squeeze(s) {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000\u200B-\u200D\uFEFF\-‐‑–—_]/g, '');
}

/**
 * Looks like an identifier, valid or not: 8 to 20 letters and digits (after
 * removing spaces and hyphens), at least half of them digits. Headers such as
 * 统一社会信用代码, USCC or "credit code" do not.
 */
export function looksLikeCode(cell) {
  const s = squeeze(cell ?? '');
  if (!/^[0-9A-Za-z]{8,20}$/.test(s)) return false;
  const digits = s.replace(/[^0-9]/g, '').length;
  return digits * 2 >= s.length;
}

/** Header names of a code column, most specific first. */
const HEADER_PATTERNS = [
  /统一社会信用代码|統一社會信用代碼/,
  /社会信用代码|社會信用代碼|信用代码|信用代碼/,
  /\buscc\b|credit[\s_-]*code|tyshxydm|shxydm/i,
  /组织机构代码|組織機構代碼|org(anization)?[\s_-]*code/i,
  /注册号|註冊號|registration[\s_-]*(number|no)/i,
  /^(代码|代碼|编码|code)$/i,
];

export function cleanHeader(cell) {
  return String(cell ?? '').replace(/^\uFEFF/, '').trim();
}

/** 0-based index of the column whose header names a code, or -1. */
export function codeColumnByHeader(header) {
  for (const pattern of HEADER_PATTERNS) {
    const i = header.findIndex((h) => pattern.test(cleanHeader(h)));
    if (i >= 0) return i;
  }
  return -1;
}

/**
 * Decides whether the first row is a header and which column holds the codes.
 * `column` is the --column value (a name, a 1-based index, or undefined);
 * `header` is true/false when forced (--header/--no-header), else undefined.
 * `rows` are the first rows (up to a hundred). Returns { header, index } with
 * index 0-based, or throws an input error naming the columns there are.
 */
export function chooseColumn(rows, { column, header, format }) {
  const first = rows[0] ?? [];
  const names = () => first.map((h, i) => `${i + 1} "${cleanHeader(h)}"`).join(', ');
  if (column !== undefined && !/^\d+$/.test(column)) {
    if (header === false) throw usageError('--column NAME needs a header row; give a column number with --no-header');
    const want = cleanHeader(column);
    let index = first.findIndex((h) => cleanHeader(h) === want);
    if (index < 0) index = first.findIndex((h) => cleanHeader(h).toLowerCase() === want.toLowerCase());
    if (index < 0) throw inputError(`no column named "${want}"; the columns are: ${names()}`);
    return { header: true, index };
  }
  if (column !== undefined) {
    const index = Number(column) - 1;
    if (index < 0) throw usageError('--column numbers start at 1');
    const width = Math.max(0, ...rows.slice(0, 100).map((r) => r.length));
    if (rows.length && index >= width) {
      throw inputError(`there is no column ${column}: the input has ${width} column(s): ${names()}`);
    }
    const cell = cleanHeader(first[index]);
    const isHeader = header ?? (format === 'text'
      ? codeColumnByHeader([cell]) === 0
      : cell !== '' && !looksLikeCode(cell));
    return { header: isHeader, index };
  }
  if (format === 'text') {
    return { header: header ?? (rows.length > 0 && codeColumnByHeader([first[0]]) === 0), index: 0 };
  }
  // No --column: a header names the code column, or else the column with the
  // most code-like values wins (the first one on a tie).
  const byName = codeColumnByHeader(first);
  const isHeader = header ?? (byName >= 0 || (first.some((c) => cleanHeader(c) !== '') && !first.some(looksLikeCode)));
  if (isHeader && byName >= 0) return { header: true, index: byName };
  const data = isHeader ? rows.slice(1) : rows;
  const width = Math.max(0, ...rows.map((r) => r.length));
  let best = 0;
  let bestCount = 0;
  for (let i = 0; i < width; i++) {
    const count = data.filter((r) => looksLikeCode(r[i])).length;
    if (count > bestCount) [best, bestCount] = [i, count];
  }
  return { header: isHeader, index: best };
}

export function usageError(message) {
  const e = new Error(message);
  e.exitCode = 2;
  e.usage = true;
  return e;
}

// ------------------------------------------------------------------- output

export const RESULT_COLUMNS = ['valid', 'normalized', 'error_kind', 'error_position', 'message', 'suggestion', 'division', 'region', 'duplicate_of'];

/** The six-digit division code (USCC positions 3-8), in every language. */
export function divisionOf(result) {
  return result.parts?.divisionCode ?? '';
}

/** The region name of the division: zh-Hant for `zh-Hant`, else zh-Hans (the
 * division table has Chinese names only, so `en` gets the Simplified name). */
export function regionOf(result, lang) {
  const name = result.parts?.division?.fullName;
  return (lang === 'zh-Hant' ? name?.['zh-Hant'] : name?.['zh-Hans']) ?? '';
}

/** The output columns of one result: see RESULT_COLUMNS. */
export function resultColumns(r, lang) {
  const e = r.errors[0];
  let message = e ? e.message[lang] : (r.warnings[0]?.message?.[lang] ?? '');
  if (e && r.errors.length > 1) {
    message += lang === 'en' ? ` (+${r.errors.length - 1} more)` : `（另有 ${r.errors.length - 1} 处）`;
  }
  const diagnosis = r.diagnoses[0]?.message?.[lang];
  if (diagnosis) message = message ? `${message} | ${diagnosis}` : diagnosis;
  return [
    r.valid ? 'true' : 'false',
    r.normalized,
    e?.kind ?? '',
    e?.position ?? '',
    message,
    r.suggestions[0]?.code ?? '',
    divisionOf(r),
    regionOf(r, lang),
  ];
}

/** One CSV/TSV field, quoted when it holds the delimiter, a quote or a line
 * break (RFC 4180; a quote inside is doubled). Read back by csv-parse in the
 * tests.
 *
 * With `formulaGuard` (the default), a cell that a spreadsheet would run as a
 * formula gets a leading apostrophe, which Excel and LibreOffice show as
 * text (OWASP "CSV injection"): one starting with = + - @, a tab or a
 * carriage return, unless it is a plain number such as -5 or +86 (or a
 * lone - or +, a placeholder). Uploaded
 * files are not trusted, and a code column can hold anything. */
export function fieldWriter(delimiter, { formulaGuard = true } = {}) {
  const special = new RegExp(`["\\r\\n${delimiter.replace(/[\\^\]-]/g, '\\$&')}]`);
  return (value) => {
    let s = String(value);
    if (formulaGuard && looksLikeFormula(s)) s = `'${s}`;
    return special.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
}

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** Whether a spreadsheet would treat `cell` as a formula (see fieldWriter). */
export function looksLikeFormula(cell) {
  return FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) && cell !== '-' && cell !== '+';
}

// ---------------------------------------------------------------- duplicates

/**
 * Normalized code -> first row, in typed arrays: no object per code, so no
 * garbage-collector work, 13 bytes a slot (at most 8M slots, about 100 MiB, for
 * `limit` = 5M distinct codes; past that, new codes are not tracked).
 * Codes are kept as a 64-bit hash: the chance that two of 5 million distinct
 * codes share one (a false duplicate) is below one in a million.
 */
export class CodeTable {
  constructor(limit = 5_000_000) {
    this.limit = limit;
    this.size = 0;
    this.full = false; // some code was not tracked
    this.repeatedCodes = 0; // codes seen more than once
    this.extraRows = 0; // rows whose code was seen before
    this.#alloc(1 << 16);
  }

  #alloc(slots) {
    this.mask = slots - 1;
    this.h1 = new Int32Array(slots);
    this.h2 = new Int32Array(slots);
    this.rows = new Uint32Array(slots); // 0: empty slot; rows are 1-based
    this.again = new Uint8Array(slots);
  }

  /** Sets this.a and this.b to the two 32-bit halves of the hash of `s`. */
  #hash(s) {
    let a = 0x811c9dc5 | 0;
    let b = 0x9747b28c | 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 13;
    }
    a ^= a >>> 16; a = Math.imul(a, 0x85ebca6b); a ^= a >>> 13; a = Math.imul(a, 0xc2b2ae35); a ^= a >>> 16;
    b ^= b >>> 15; b = Math.imul(b, 0x2c1b3c6d); b ^= b >>> 12; b = Math.imul(b, 0x297a2d39); b ^= b >>> 15;
    this.a = a;
    this.b = b;
  }

  /** The first row of `code` when it was seen before (and counts this row as
   * a repeat); else 0, and remembers `row` (1-based) when there is room. */
  visit(code, row) {
    this.#hash(code);
    const { a, b, h1, h2, rows, mask } = this;
    let i = a & mask;
    while (rows[i] !== 0) {
      if (h1[i] === a && h2[i] === b) {
        if (!this.again[i]) {
          this.again[i] = 1;
          this.repeatedCodes++;
        }
        this.extraRows++;
        return rows[i];
      }
      i = (i + 1) & mask;
    }
    if (this.size >= this.limit) {
      this.full = true;
      return 0;
    }
    h1[i] = a;
    h2[i] = b;
    rows[i] = row;
    if (++this.size * 4 > rows.length * 3) this.#grow();
    return 0;
  }

  #grow() {
    const { h1, h2, rows, again } = this;
    this.#alloc(rows.length * 2);
    for (let j = 0; j < rows.length; j++) {
      if (rows[j] === 0) continue;
      let i = h1[j] & this.mask;
      while (this.rows[i] !== 0) i = (i + 1) & this.mask;
      this.h1[i] = h1[j];
      this.h2[i] = h2[j];
      this.rows[i] = rows[j];
      this.again[i] = again[j];
    }
  }
}

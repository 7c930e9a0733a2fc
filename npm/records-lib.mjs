// 双公示 records: how a checked record is written out, shared by the Node CLI
// (`npx xinyong records`, cli-records.mjs) and the records page of the demo
// (www/records.html, in its worker): the columns appended to each row, the
// text of the findings, the CSV escaping, the summary. The native CLI
// (src/bin/xinyong/records.rs) writes the same bytes; tests/node/cli-parity.test.mjs
// compares the two. No Node or DOM API here: it runs in Node, a page and a worker.

/** The columns appended to every row of the annotated CSV. */
export const ANNOTATION_COLUMNS = ['valid', 'findings', 'publication_due', 'publication_status', 'working_days_late'];

const SEVERITY = {
  'zh-Hans': { error: '错误', warning: '警告' },
  'zh-Hant': { error: '錯誤', warning: '警告' },
  en: { error: 'error', warning: 'warning' },
};

/**
 * One finding as text: `错误 CF_XDR_SHXYM: message`; a message that already
 * starts with its field code, or a finding about the record as a whole,
 * `错误: message`.
 */
export function findingText(f, lang) {
  const severity = SEVERITY[lang]?.[f.severity] ?? f.severity;
  const message = f.message?.[lang] ?? f.kind;
  return f.field && !message.startsWith(f.field) ? `${severity} ${f.field}: ${message}` : `${severity}: ${message}`;
}

/** The appended cells of one report (see ANNOTATION_COLUMNS). */
export function annotationCells(report, lang) {
  const p = report.publication;
  return [
    report.valid ? 'true' : 'false',
    report.findings.map((f) => findingText(f, lang)).join(' | '),
    p?.due ?? '',
    p?.status ?? '',
    p?.workingDaysLate === undefined || p?.workingDaysLate === null ? '' : String(p.workingDaysLate),
  ];
}

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** Whether a spreadsheet would run `cell` as a formula (as `check`'s formula guard). */
export function looksLikeFormula(cell) {
  return FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) && cell !== '-' && cell !== '+';
}

/**
 * One CSV field: a cell a spreadsheet would run as a formula gets a leading
 * apostrophe (OWASP "CSV injection"), and the field is quoted when it holds
 * a comma, a quote or a line break.
 */
export function csvField(value) {
  let s = String(value ?? '');
  if (looksLikeFormula(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** A CSV line (CRLF when `crlf`, for Excel) of the cells. */
export function csvLine(cells, crlf = false) {
  return cells.map(csvField).join(',') + (crlf ? '\r\n' : '\n');
}

/** The header line's cells: the file's columns, then the annotation columns. */
export function annotatedHeader(header) {
  return [...header, ...ANNOTATION_COLUMNS];
}

/**
 * The cells of one annotated row: the record's values in header order (as the
 * report gives them: identity numbers masked), then the annotation. A
 * repeated header name keeps the value the report has for it.
 */
export function annotatedRow(header, report, lang) {
  return [...header.map((h) => report.fields[h] ?? ''), ...annotationCells(report, lang)];
}

const T = {
  en: {
    rows: (n, v, e) => `${n} ${n === '1' ? 'record' : 'records'}: ${v} valid, ${e} with errors`,
    counts: (e, w) => `findings: ${e} ${e === '1' ? 'error' : 'errors'}, ${w} ${w === '1' ? 'warning' : 'warnings'}`,
    kinds: 'by kind:',
    publication: (d, o, u) => `publication: ${d} due, ${o} overdue, ${u} not covered by the calendar`,
    input: 'input: ',
  },
  'zh-Hans': {
    rows: (n, v, e) => `共 ${n} 条记录：通过 ${v}，有错误 ${e}`,
    counts: (e, w) => `问题：错误 ${e} 个，警告 ${w} 个`,
    kinds: '按类型：',
    publication: (d, o, u) => `公示期限：未到期 ${d}，已逾期 ${o}，日历未覆盖 ${u}`,
    input: '输入：',
  },
  'zh-Hant': {
    rows: (n, v, e) => `共 ${n} 筆記錄：通過 ${v}，有錯誤 ${e}`,
    counts: (e, w) => `問題：錯誤 ${e} 個，警告 ${w} 個`,
    kinds: '按類型：',
    publication: (d, o, u) => `公示期限：未到期 ${d}，已逾期 ${o}，日曆未涵蓋 ${u}`,
    input: '輸入：',
  },
};

/** Thousands separators, as `check`'s summary. */
const n = (x) => Number(x).toLocaleString('en');

/**
 * The summary the CLIs write to stderr: counts, findings by kind (most
 * frequent first, then by name), publication, and what the input was.
 * `info` is `{ format, encoding, sheet }`.
 */
export function summaryText(s, info, lang) {
  const t = T[lang] ?? T['zh-Hans'];
  const lines = [`xinyong: ${t.rows(n(s.rows), n(s.valid), n(s.invalid))}`];
  lines.push(`  ${t.counts(n(s.errors), n(s.warnings))}`);
  const kinds = Object.entries(s.byKind ?? {}).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  if (kinds.length) {
    lines.push(`  ${t.kinds}`);
    for (const [kind, count] of kinds) lines.push(`    ${kind.padEnd(28)} ${n(count)}`);
  }
  lines.push(`  ${t.publication(n(s.due), n(s.overdue), n(s.uncovered))}`);
  const sheet = info.sheet ? `, sheet "${info.sheet}"` : '';
  lines.push(`  ${t.input}${String(info.format).toUpperCase()}, ${info.encoding}${sheet}`);
  return lines.join('\n') + '\n';
}

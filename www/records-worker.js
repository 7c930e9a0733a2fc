// The records page's worker: reads the dropped file and checks every record
// in the package's records module (WebAssembly, loaded here with loadRecords),
// so that the page stays responsive on 100,000 rows. It keeps the reports and
// answers the page's requests for one page of the table at a time (filtered
// and sorted here) and for the annotated file. Nothing leaves the browser: the
// only requests are the module's own files.
//
// Messages in: { id, type: 'check', bytes, name, options } | { id, type: 'view', filter, offset, limit, lang }
//              | { id, type: 'csv', lang }
// Messages out: { id, type: 'progress', rows, bytes, total } | { id, type: 'result', ... } | { id, type: 'error', ... }
import { loadRecords } from '/pkg/loader.mjs';
import { annotatedHeader, annotatedRow, csvLine } from '/pkg/records-lib.mjs';

/** Rows checked between two progress messages (and two looks at the message queue). */
const CHUNK = 2000;

let state = null; // { header, reports, order, info, summary }

// Start loading the records module at once, so that the first file is checked without waiting for it.
loadRecords().catch(() => {}); // a failed load is reported when a file is checked

/** Overdue first (most working days late first), then records with errors, then warnings, then the rest; by row. */
function rank(r) {
  const late = r.publication?.status === 'overdue' ? r.publication.workingDaysLate ?? 0 : -1;
  const errors = r.findings.some((f) => f.severity === 'error');
  return [late >= 0 ? 0 : errors ? 1 : r.findings.length ? 2 : 3, -late];
}

function sortOrder(reports) {
  const keys = reports.map(rank);
  const order = reports.map((_, i) => i);
  order.sort((a, b) => keys[a][0] - keys[b][0] || keys[a][1] - keys[b][1] || reports[a].row - reports[b].row);
  return order;
}

/**
 * Reads and checks `data`: a chunk of rows at a time (with progress) through
 * RecordsStream. Returns { reports, info, summary }, or null when a newer
 * request took over.
 */
async function run(records, id, data, name, options) {
  const reports = [];
  let position = 0;
  const read = (n) => {
    const chunk = data.subarray(position, Math.min(data.length, position + n));
    position += chunk.length;
    return chunk;
  };
  const stream = new records.RecordsStream(read, { ...options, name });
  try {
    const info = stream.info();
    for (;;) {
      const batch = stream.next(CHUNK);
      if (!batch.length) break;
      for (const r of batch) reports.push(r);
      postMessage({ id, type: 'progress', rows: reports.length, bytes: position, total: data.length });
      // Let a newer request (another file) through: yield to the event loop between chunks.
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (current !== id) return null;
    }
    return { reports, info: { ...info, ...stream.info() }, summary: stream.summary() };
  } finally {
    stream.free();
  }
}

async function check({ id, bytes, name, options }) {
  const records = await loadRecords();
  const started = performance.now();
  let data = new Uint8Array(bytes);
  let result;
  try {
    result = await run(records, id, data, name, options);
  } catch (e) {
    // The browser's records module reads UTF-8 and UTF-16 itself and leaves
    // GBK to the browser (its decoding tables would double the module): text
    // that is not UTF-8 is GBK/GB18030, as Excel saves it on a Chinese Windows.
    if (e?.kind !== 'encoding') throw e;
    data = new TextEncoder().encode(new TextDecoder('gb18030').decode(data));
    result = await run(records, id, data, name, options);
    if (result) result.info.encoding = 'gbk';
  }
  if (!result) return;
  const { reports, info, summary } = result;
  state = { header: info.header, reports, order: sortOrder(reports), info, summary };
  postMessage({ id, type: 'result', info, summary, ms: Math.round(performance.now() - started) });
}

function matches(r, { severity, kind, text }, lang) {
  if (severity === 'error' && r.valid) return false;
  if (severity === 'warning' && !r.findings.some((f) => f.severity === 'warning')) return false;
  if (severity === 'overdue' && r.publication?.status !== 'overdue') return false;
  if (severity === 'valid' && !r.valid) return false;
  if (kind && !r.findings.some((f) => f.kind === kind)) return false;
  if (text) {
    const t = text.toLowerCase();
    const hit = Object.values(r.fields).some((v) => String(v).toLowerCase().includes(t))
      || r.findings.some((f) => (f.message?.[lang] ?? '').toLowerCase().includes(t) || f.field.toLowerCase().includes(t));
    if (!hit) return false;
  }
  return true;
}

function view({ id, filter, offset, limit, lang }) {
  if (!state) return postMessage({ id, type: 'view', total: 0, rows: [] });
  const rows = [];
  let total = 0;
  for (const i of state.order) {
    const r = state.reports[i];
    if (!matches(r, filter, lang)) continue;
    if (total >= offset && rows.length < limit) rows.push(r);
    total++;
  }
  postMessage({ id, type: 'view', total, rows });
}

function csv({ id, lang }) {
  if (!state) return postMessage({ id, type: 'error', message: 'no file checked yet' });
  // UTF-8 with a BOM and CRLF line ends: what Excel opens as UTF-8 on a Chinese Windows.
  const parts = ['\uFEFF', csvLine(annotatedHeader(state.header), true)];
  for (const r of state.reports) parts.push(csvLine(annotatedRow(state.header, r, lang), true));
  const blob = new Blob(parts, { type: 'text/csv;charset=utf-8' });
  postMessage({ id, type: 'csv', blob });
}

let current = null;
self.onmessage = async ({ data }) => {
  try {
    if (data.type === 'check') {
      current = data.id;
      state = null;
      await check(data);
    } else if (data.type === 'view') view(data);
    else if (data.type === 'csv') csv(data);
  } catch (e) {
    postMessage({ id: data.id, type: 'error', kind: e?.kind ?? 'error', message: String(e?.message ?? e), messages: e?.messages });
  }
};
postMessage({ type: 'ready' });

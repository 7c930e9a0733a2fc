// The package's entries as pages and Node meet them (issue 14): the browser
// entry without top-level await (`ready`, "not_ready" before it, the status
// module on demand), the inline copy for dev servers, the classic-script
// build under a strict CSP, and Node's already-resolved `ready`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { startBrowser } from './chromium.mjs';
import { rows } from './vectors.mjs';

const require = createRequire(import.meta.url);
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:";
const VALID = rows('uscc-valid.tsv')[0][0];
let session;

before(async () => { session = await startBrowser(); });
after(async () => { await session?.close(); });

/** A fresh page at `path` (HTML served by the demo server), recording errors and every request. */
async function open(path, html) {
  const context = await session.browser.newContext();
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(session.addPage(path, html));
  return { page, problems, requests, close: () => context.close() };
}

test('browser entry: a call before `ready` is a not_ready error; after it, results as in Node', async () => {
  const { page, problems, requests, close } = await open('/entry.html', '<!doctype html><link rel="icon" href="data:,"><p>entry</p>');
  const got = await page.evaluate(async (code) => {
    const x = await import('/pkg/index.js');
    const early = (() => { try { x.validate(code); return 'no error'; } catch (e) { return { kind: e.kind, isXinyong: e instanceof x.XinyongError }; } })();
    await x.ready;
    const r = x.validate(code);
    const status = (() => { try { x.resolveStatus('{}', '2026-11-30'); return 'no error'; } catch (e) { return e.kind; } })();
    return { early, valid: r.valid, normalized: r.normalized, status };
  }, VALID);
  assert.deepEqual(got.early, { kind: 'not_ready', isXinyong: true });
  assert.equal(got.valid, true);
  assert.equal(got.normalized, VALID);
  // Node's answer for the same call: the browser's must equal it.
  assert.deepEqual(JSON.parse(JSON.stringify(await page.evaluate(async (code) => (await import('/pkg/index.js')).validate(code), VALID))),
    JSON.parse(JSON.stringify(require('xinyong').validate(VALID))));
  assert.equal(got.status, 'not_ready', 'resolveStatus before loadStatus()');
  assert.ok(!requests.some((p) => p.startsWith('/pkg/inline/')), 'the URL build fetched inline files');
  assert.deepEqual(problems, []);
  await close();
});

test('browser entry: the status functions load on demand and throw XinyongError like the identifier ones', async () => {
  const { page, problems, requests, close } = await open('/entry-status.html', '<!doctype html><link rel="icon" href="data:,"><p>status</p>');
  const got = await page.evaluate(async () => {
    const x = await import('/pkg/index.js');
    await x.ready;
    await x.loadStatus();
    const day = x.isWorkingDay('2026-10-01');
    const bad = (() => { try { x.addWorkingDays('2026-13-01', 1); return null; } catch (e) { return { kind: e.kind, isXinyong: e instanceof x.XinyongError, isError: e instanceof Error }; } })();
    return { day, bad };
  });
  assert.equal(got.day, false); // National Day
  assert.equal(got.bad.isXinyong, true);
  assert.equal(got.bad.isError, true);
  assert.equal(typeof got.bad.kind, 'string');
  assert.ok(requests.includes('/pkg/web-status/xinyong_bg.wasm'), 'the status module was fetched');
  assert.deepEqual(problems, []);
  await close();
});

test('inline copy (dev servers, esbuild): works with no .wasm or .bin request', async () => {
  const { page, problems, requests, close } = await open('/entry-inline.html', `<!doctype html><meta http-equiv="Content-Security-Policy" content="${CSP}"><link rel="icon" href="data:,">
    <script type="module" src="/pkg/inline/define.mjs"></script><xinyong-code-input id="code" name="code" value="${VALID}"></xinyong-code-input>`);
  await page.waitForSelector('#code[data-state=valid]');
  const r = await page.evaluate(async (code) => { const x = await import('/pkg/inline/index.js'); await x.ready; return x.isValid(code); }, VALID);
  assert.equal(r, true);
  assert.deepEqual(requests.filter((p) => /\.(wasm|bin)$/.test(p)), []);
  assert.deepEqual(problems, []);
  await close();
});

test('classic.js: a global `xinyong` and both elements, under a strict CSP with no inline script', async () => {
  const { page, problems, requests, close } = await open('/classic.html', `<!doctype html><meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="${CSP}"><link rel="icon" href="data:,">
    <script src="/pkg/classic.js"></script>
    <form id="f"><xinyong-code-input id="code" name="code"></xinyong-code-input></form>`);
  const early = await page.evaluate(() => { try { window.xinyong.validate('x'); return 'no error'; } catch (e) { return e.kind; } });
  assert.equal(early, 'not_ready');
  const got = await page.evaluate(async (code) => {
    const g = await window.xinyong.ready;
    return { same: g === window.xinyong, valid: g.validate(code).valid, defined: !!customElements.get('xinyong-code-input') && !!customElements.get('xinyong-credit-status') };
  }, VALID);
  assert.deepEqual(got, { same: true, valid: true, defined: true });
  await page.locator('#code [part=input]').pressSequentially(VALID.toLowerCase());
  await page.waitForSelector('#code[data-state=valid]');
  assert.equal(await page.evaluate(() => new FormData(document.getElementById('f')).get('code')), VALID);
  assert.ok(requests.includes('/pkg/web/xinyong_bg.wasm'), 'wasm found next to classic.js');
  assert.deepEqual(problems, []);
  await close();
});

test('Node: `ready` and `loadStatus()` are already resolved; everything works at once', async () => {
  const cjs = require('xinyong');
  const esm = await import('xinyong');
  for (const x of [cjs, esm]) {
    assert.equal(x.isValid(VALID), true);
    // Promises, as in the browser (awaiting a missing export would pass too).
    assert.ok(x.ready instanceof Promise);
    assert.equal(await x.ready, undefined);
    assert.equal(typeof x.loadStatus, 'function');
    assert.equal(await x.loadStatus(), undefined);
    assert.equal(x.resolveStatus({ code: VALID, name: 'x', entries: [] }, '2026-11-30').entries.length, 0);
  }
});

test('region names: the typed code\'s province blob is fetched once, after a code with a division is typed, and the region shows', async () => {
  const { page, problems, requests, close } = await open('/entry-region.html', `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">
    <script type="module" src="/pkg/define.mjs"></script>
    <xinyong-code-input id="a" lang="zh-Hant"></xinyong-code-input><xinyong-code-input id="b"></xinyong-code-input>`);
  await page.waitForSelector('#a[data-state]');
  await page.waitForLoadState('networkidle');
  assert.ok(!requests.some((p) => p.startsWith('/pkg/web/divisions')), 'the table was fetched before anything was typed');
  await page.locator('#a [part=input]').pressSequentially(VALID);
  const region = (id) => page.evaluate((i) => document.getElementById(i).shadowRoot.querySelector('[part=region]').textContent, id);
  await page.waitForFunction(() => document.getElementById('a').shadowRoot.querySelector('[part=region]').textContent !== '');
  // Node's division table (compiled in) names the same region.
  const division = require('xinyong').division(VALID.slice(2, 8));
  assert.equal(await region('a'), division.fullName['zh-Hant']);
  await page.locator('#b [part=input]').pressSequentially(VALID);
  await page.waitForSelector('#b[data-state=valid]');
  assert.equal(await region('b'), division.fullName['zh-Hans']); // already there: no wait
  // Only the province's blob (not the whole table, divisions.bin), once.
  assert.deepEqual(requests.filter((p) => p.startsWith('/pkg/web/divisions')), ['/pkg/web/divisions.mjs', `/pkg/web/divisions/${VALID.slice(2, 4)}.bin`]);
  assert.deepEqual(problems, []);
  await close();
});

test('region names: when the division table cannot be fetched, the code input still validates, warns once and does not refetch on every keystroke', async () => {
  const context = await session.browser.newContext();
  const page = await context.newPage();
  const warnings = [];
  const problems = [];
  let fetches = 0;
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  await page.route('**/divisions/*.bin', (route) => { fetches += 1; return route.fulfill({ status: 503, body: 'down' }); });
  await page.goto(session.addPage('/entry-region-down.html', `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">
    <script type="module" src="/pkg/define.mjs"></script><xinyong-code-input id="a"></xinyong-code-input>`));
  await page.waitForSelector('#a[data-state]');
  await page.locator('#a [part=input]').pressSequentially(VALID);
  await page.waitForSelector('#a[data-state=valid]');
  await page.waitForLoadState('networkidle');
  assert.equal(fetches, 1, 'one fetch of the table for a whole code typed key by key');
  assert.equal(warnings.filter((w) => w.includes('region names are not available')).length, 1);
  assert.equal(await page.evaluate(() => document.getElementById('a').shadowRoot.querySelector('[part=region]')?.textContent ?? ''), '');
  assert.deepEqual(problems, []);
  await context.close();
});

test('browser entry: the records functions load on demand (loadRecords), RecordsStream with `new`, errors are XinyongError', async () => {
  const { page, problems, requests, close } = await open('/entry-records.html', '<!doctype html><link rel="icon" href="data:,"><p>records</p>');
  const got = await page.evaluate(async () => {
    const x = await import('/pkg/index.js');
    const early = (() => { try { x.validateRecord({}, { asOf: '2026-11-30' }); return 'no error'; } catch (e) { return e.kind; } })();
    await x.loadRecords();
    const csv = new TextEncoder().encode('CF_XDR_SHXYM,CF_JDRQ\n91350100M000100Y4A,2026-11-25\n');
    const file = x.validateRecordsFile(csv, { asOf: '2026-11-30', name: 'a.csv' });
    let position = 0;
    const stream = new x.RecordsStream((n) => { const c = csv.subarray(position, position + n); position += c.length; return c; }, { asOf: '2026-11-30' });
    const streamed = stream.next(10);
    stream.free();
    const one = x.validateRecord({ CF_XDR_SHXYM: '91350100M000100Y4A' }, { asOf: '2026-11-30', kind: 'penalty' });
    const bad = (() => { try { x.validateRecordsFile(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), { asOf: '2026-11-30' }); return null; } catch (e) { return { kind: e.kind, isXinyong: e instanceof x.XinyongError }; } })();
    return {
      early, format: file.format, rows: file.summary.rows, invalid: file.summary.invalid, streamedRows: streamed.map((r) => r.row),
      sameReport: JSON.stringify(streamed[0]) === JSON.stringify(file.records[0]),
      formUscc: one.findings.some((f) => f.field === 'CF_XDR_SHXYM' && f.severity === 'error'), bad,
    };
  });
  assert.equal(got.early, 'not_ready');
  assert.deepEqual({ ...got, bad: undefined }, { early: 'not_ready', format: 'csv', rows: 1, invalid: 1, streamedRows: [1], sameReport: true, formUscc: true, bad: undefined });
  assert.equal(got.bad.isXinyong, true);
  assert.equal(got.bad.kind, 'xls_unsupported');
  assert.ok(requests.includes('/pkg/web-records/xinyong_bg.wasm'), 'the records module was fetched');
  assert.deepEqual(problems, []);
  await close();
});

test('inline copy: loadRecords works with no .wasm request; Node: loadRecords is already resolved', async () => {
  const { page, problems, requests, close } = await open('/entry-records-inline.html', '<!doctype html><link rel="icon" href="data:,"><p>inline</p>');
  const valid = await page.evaluate(async () => {
    const x = await import('/pkg/inline/index.js');
    await x.loadRecords();
    return x.validateRecord({ CF_XDR_SHXYM: '91350100M000100Y43' }, { asOf: '2026-11-30', kind: 'penalty' }).fields.CF_XDR_SHXYM;
  });
  assert.equal(valid, '91350100M000100Y43');
  assert.deepEqual(requests.filter((p) => /\.wasm$/.test(p)), []);
  assert.deepEqual(problems, []);
  await close();
  for (const x of [require('xinyong'), await import('xinyong')]) {
    assert.ok(x.loadRecords() instanceof Promise);
    assert.equal(await x.loadRecords(), undefined);
    assert.equal(typeof x.RecordsStream, 'function');
    assert.equal(x.validateRecordsFile(new TextEncoder().encode('CF_WSH\n文号1\n文号1\n'), { asOf: '2026-11-30' }).summary.rows, 2);
  }
});

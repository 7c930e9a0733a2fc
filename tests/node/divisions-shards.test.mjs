// The division table by province in Debian's headless Chromium: a page
// fetches only the blob of the province of the code it shows or that is typed
// (web/divisions/NN.bin); `await ready` fetches the whole table
// (web/divisions.bin). Answers are compared with the Node build's (the whole
// table compiled in) for every code of data/divisions.tsv.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { startBrowser } from './chromium.mjs';

const require = createRequire(import.meta.url);
const node = require('xinyong');
const CODES = [...new Set(readFileSync(new URL('../../data/divisions.tsv', import.meta.url), 'utf8')
  .split('\n').slice(1).filter(Boolean).map((l) => l.slice(0, 6)))];
const head = '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">';
const CARD_CODE = '91350200MA31F7KX1J';
// Province 11 (Beijing, 110105; a made-up body) and 44 (Guangdong, 440300; tests/vectors/uscc-valid.tsv).
const generate = (division) => node.generate({ authority: '9', entityType: '1', division, orgBody: 'MA1FL0LY' });
const CODE_11 = generate('110105');
const CODE_44 = '9144030071526726XG';

let session;
before(async () => { session = await startBrowser(); });
after(async () => { await session?.close(); });

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

/** The division blobs a page requested, in order. */
const blobs = (requests) => requests.filter((p) => p.startsWith('/pkg/web/divisions'));

test('a status card fetches only its code\'s province (divisions/35.bin) and shows its region', async () => {
  const { page, problems, requests, close } = await open('/shards-card.html', `${head}
    <script type="module" src="/pkg/define.mjs"></script>
    <xinyong-credit-status id="card" src="/data/entities/${CARD_CODE}.json" as-of="2026-11-26"></xinyong-credit-status>`);
  await page.waitForSelector('#card[data-verdict]');
  await page.waitForSelector('#card [part~=region]');
  assert.equal(await page.textContent('#card [part~=region]'), node.division(CARD_CODE.slice(2, 8)).fullName['zh-Hans']);
  await page.waitForLoadState('networkidle');
  assert.deepEqual(blobs(requests), ['/pkg/web/divisions.mjs', '/pkg/web/divisions/35.bin']);
  assert.deepEqual(problems, []);
  await close();
});

test('the code input fetches the typed code\'s province (11, then 44); `await ready` then fetches the whole table and every lookup answers as in Node', async () => {
  assert.equal(node.isValid(CODE_11), true);
  const { page, problems, requests, close } = await open('/shards-input.html', `${head}
    <script type="module" src="/pkg/define.mjs"></script>
    <xinyong-code-input id="a"></xinyong-code-input>`);
  await page.waitForSelector('#a[data-state]');
  await page.waitForLoadState('networkidle');
  assert.deepEqual(blobs(requests), [], 'nothing fetched before typing');
  const region = () => page.evaluate(() => document.getElementById('a').shadowRoot.querySelector('[part=region]')?.textContent ?? '');
  const type = async (code) => {
    await page.locator('#a [part=input]').fill('');
    await page.locator('#a [part=input]').pressSequentially(code);
    await page.waitForSelector('#a[data-state=valid]');
    await page.waitForFunction(() => document.getElementById('a').shadowRoot.querySelector('[part=region]')?.textContent);
    await page.waitForLoadState('networkidle');
  };
  await type(CODE_11);
  assert.equal(await region(), node.division(CODE_11.slice(2, 8)).fullName['zh-Hans']);
  assert.deepEqual(blobs(requests), ['/pkg/web/divisions.mjs', '/pkg/web/divisions/11.bin']);
  await type(CODE_44);
  assert.equal(await region(), node.division(CODE_44.slice(2, 8)).fullName['zh-Hans']);
  assert.deepEqual(blobs(requests), ['/pkg/web/divisions.mjs', '/pkg/web/divisions/11.bin', '/pkg/web/divisions/44.bin']);

  // With provinces 11 and 44 only: their codes answer as the whole table,
  // others as before any table, prefixes without a province as unknown.
  const sample = ['110105', '110000', '440300', '441900', '350203', '650000', '990101', '000000'];
  const partial = await page.evaluate(async (codes) => {
    const { division } = await import('/pkg/web/xinyong.js');
    return codes.map((c) => JSON.stringify(division(c)));
  }, sample);
  const nodeJson = (c) => JSON.stringify(node.division(c));
  for (const [i, c] of sample.entries()) {
    if (['11', '44', '99', '00'].includes(c.slice(0, 2))) assert.equal(partial[i], nodeJson(c), c);
    else assert.deepEqual(JSON.parse(partial[i]), { status: 'unknown', code: c, history: [], reason: 'table_unavailable' }, c);
  }

  const whole = await page.evaluate(async (codes) => {
    const x = await import('/pkg/index.js');
    await x.ready;
    return codes.map((c) => JSON.stringify(x.division(c)));
  }, CODES);
  assert.ok(requests.includes('/pkg/web/divisions.bin'), '`ready` fetched the whole table');
  assert.equal(whole.length, CODES.length);
  for (const [i, c] of CODES.entries()) assert.equal(whole[i], nodeJson(c), c);
  // Later codes of any province fetch nothing more.
  const before = blobs(requests).length;
  await type(CARD_CODE);
  assert.equal(blobs(requests).length, before);
  assert.deepEqual(problems, []);
  await close();
});

test('a code whose prefix has no province fetches no blob', async () => {
  const { page, problems, requests, close } = await open('/shards-none.html', `${head}
    <script type="module" src="/pkg/define.mjs"></script>
    <xinyong-code-input id="a"></xinyong-code-input>`);
  await page.waitForSelector('#a[data-state]');
  const code = generate('990100');
  await page.locator('#a [part=input]').pressSequentially(code);
  await page.waitForSelector('#a[data-state]');
  await page.waitForLoadState('networkidle');
  const division = await page.evaluate(async () => (await import('/pkg/web/xinyong.js')).division('990100'));
  assert.equal(division.reason, 'not_found');
  assert.deepEqual(blobs(requests), []);
  assert.deepEqual(problems, []);
  await close();
});

test('inline copy: a typed code gets its region from the whole table carried in JavaScript (no .bin request)', async () => {
  const { page, problems, requests, close } = await open('/shards-inline.html', `${head}
    <script type="module" src="/pkg/inline/define.mjs"></script>
    <xinyong-code-input id="a"></xinyong-code-input>`);
  await page.waitForSelector('#a[data-state]');
  await page.locator('#a [part=input]').pressSequentially(CODE_44);
  await page.waitForFunction(() => document.getElementById('a').shadowRoot.querySelector('[part=region]')?.textContent);
  assert.equal(await page.evaluate(() => document.getElementById('a').shadowRoot.querySelector('[part=region]').textContent),
    node.division(CODE_44.slice(2, 8)).fullName['zh-Hans']);
  assert.deepEqual(requests.filter((p) => p.endsWith('.bin') || p.startsWith('/pkg/web/divisions')), []);
  assert.deepEqual(problems, []);
  await close();
});

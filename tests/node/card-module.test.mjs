// The status card's module (pkg/web-card/, XINYONG_WASM_MODULE=card): what a
// card page fetches, the loader's choice between it and the status module,
// holiday years reaching it, and the status vectors through it, in Debian's
// Chromium (playwright-core), served on 127.0.0.1.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startBrowser } from './chromium.mjs';

let session;
before(async () => { session = await startBrowser(); });
after(async () => { await session?.close(); });

const head = '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">';
const ENTITY = '/data/entities/91350200MA31F7KX1J.json';
// The made-up 2027 notice of tests/vectors/holiday-years.json.
const YEAR_2027 = { 2027: { holidays: ['2027-01-01', '2027-01-02', '2027-01-03', '2027-02-06', '2027-02-07',
  '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12', '2027-02-13'], workdays: ['2027-01-31', '2027-02-20'] } };

/** A page of `html`, with the paths of the package's files it requests and its console errors. */
async function open(path, html) {
  const context = await session.browser.newContext();
  const page = await context.newPage();
  const requests = [];
  const problems = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(session.addPage(path, html));
  return { page, requests, problems, close: () => context.close() };
}

const footer = (page) => page.evaluate(() => document.querySelector('#card').shadowRoot.querySelector('[part~=footer]').textContent);

test('a card page fetches the card module (web-card/), never the status module; years added to it reach the card and a status module loaded later', async () => {
  const { page, requests, problems, close } = await open('/card-module.html', `${head}
    <script type="module">
      import { loadCard } from '/pkg/define.mjs';
      import { ready, addHolidayYears } from '/pkg/index.js';
      // On a card page, the card module is the one that takes holiday years (the identifier module has no calendar).
      await Promise.all([ready, loadCard()]);
      window.added = addHolidayYears(${JSON.stringify(YEAR_2027)}).added;
      const card = document.createElement('xinyong-credit-status');
      card.id = 'card';
      card.setAttribute('as-of', '2026-11-26');
      card.setAttribute('lang', 'en');
      card.setAttribute('src', '${ENTITY}');
      document.body.append(card);
    </script>`);
  await page.waitForSelector('#card[data-verdict=restricted]');
  assert.deepEqual(await page.evaluate(() => window.added), [2027]);
  assert.match(await footer(page), /working-day calendar 2004–2027/);
  const wasm = requests.filter((p) => p.endsWith('.wasm'));
  assert.deepEqual(wasm.sort(), ['/pkg/web-card/xinyong_bg.wasm', '/pkg/web/xinyong_bg.wasm']);
  assert.ok(requests.includes('/pkg/web-card/xinyong.js'));
  assert.equal(requests.filter((p) => p.startsWith('/pkg/web-status/')).length, 0, requests.join(' '));
  // The card module has what the card calls and nothing of the status module's API beyond it.
  const exports = await page.evaluate(async () => {
    const { loadCard } = await import('/pkg/loader.mjs');
    const m = await loadCard();
    return Object.keys(m).filter((n) => typeof m[n] === 'function' && !n.startsWith('__') && !['default', 'initSync', 'start'].includes(n)).sort();
  });
  assert.deepEqual(exports, ['XinyongError', 'addHolidayYears', 'resolveStatus', 'rulesInfo']);
  // The status module loaded afterwards gets the year replayed by the loader.
  const working = await page.evaluate(async () => {
    const x = await import('/pkg/index.js');
    await x.loadStatus();
    return [x.isWorkingDay('2027-02-08'), x.isWorkingDay('2027-01-31')];
  });
  assert.deepEqual(working, [false, true]);
  assert.deepEqual(problems, []);
  await close();
});

test('a year added after the card module loaded (the card rendered) reaches the card', async () => {
  const { page, problems, close } = await open('/card-module-later.html', `${head}
    <script type="module" src="/pkg/define.mjs"></script>
    <xinyong-credit-status id="card" lang="en" src="${ENTITY}" as-of="2026-11-26"></xinyong-credit-status>`);
  await page.waitForSelector('#card[data-verdict=restricted]');
  assert.match(await footer(page), /working-day calendar 2004–2026/);
  await page.evaluate(async (year) => {
    const x = await import('/pkg/index.js');
    x.addHolidayYears(year); // the card module is loaded: it takes the year
    const card = document.querySelector('#card');
    const rendered = new Promise((r) => card.addEventListener('xinyong-status', r, { once: true }));
    card.setAttribute('lang', 'zh-Hans'); // renders again
    await rendered;
  }, YEAR_2027);
  assert.match(await footer(page), /2004–2027/);
  assert.deepEqual(problems, []);
  await close();
});

test('a page that called loadStatus() has the card use the status module (no web-card fetch), with the years it added', async () => {
  const { page, requests, problems, close } = await open('/card-after-status.html', `${head}
    <script type="module">
      import '/pkg/define.mjs';
      import { loadStatus, addHolidayYears, isWorkingDay } from '/pkg/index.js';
      await loadStatus();
      addHolidayYears(${JSON.stringify(YEAR_2027)});
      window.working = [isWorkingDay('2027-02-08'), isWorkingDay('2027-01-31')];
      const card = document.createElement('xinyong-credit-status');
      card.id = 'card';
      card.setAttribute('as-of', '2026-11-26');
      card.setAttribute('lang', 'en');
      card.setAttribute('src', '${ENTITY}');
      document.body.append(card);
    </script>`);
  await page.waitForSelector('#card[data-verdict=restricted]');
  assert.deepEqual(await page.evaluate(() => window.working), [false, true]);
  assert.match(await footer(page), /working-day calendar 2004–2027/);
  assert.ok(requests.includes('/pkg/web-status/xinyong_bg.wasm'));
  assert.equal(requests.filter((p) => p.startsWith('/pkg/web-card/')).length, 0, requests.join(' '));
  assert.deepEqual(problems, []);
  await close();
});

/** Every expected key must match (null = absent); arrays have the same length (as tests/node/status.test.mjs). */
function matches(want, got, path = '') {
  if (want !== null && typeof want === 'object' && !Array.isArray(want)) {
    for (const [k, v] of Object.entries(want)) matches(v, got?.[k] ?? null, `${path}.${k}`);
  } else if (Array.isArray(want)) {
    assert.ok(Array.isArray(got) && got.length === want.length, `${path}: ${JSON.stringify(got)} vs ${JSON.stringify(want)}`);
    want.forEach((w, i) => matches(w, got[i], `${path}[${i}]`));
  } else {
    assert.deepEqual(got, want, path);
  }
}

test('the status vectors through the card module in Chromium: as the vectors say, and equal to the status module, errors included', async () => {
  const doc = JSON.parse(readFileSync(new URL('../vectors/status-cases.json', import.meta.url), 'utf8'));
  const { page, problems, close } = await open('/card-vectors.html', `${head}<p>vectors</p>`);
  const results = await page.evaluate(async (cases) => {
    // The card module first (so loadCard() does not hand over the status module), then the status module.
    const loader = await import('/pkg/loader.mjs');
    const card = await loader.loadCard();
    const status = await loader.loadStatus();
    const run = (m, c) => {
      try {
        return { ok: m.resolveStatus(c.entityText ?? c.entity, c.asOf) };
      } catch (e) {
        return { error: { kind: e.kind, field: e.field, messages: e.messages, isError: e instanceof Error, name: e.name } };
      }
    };
    return {
      distinct: card !== status,
      cases: cases.map((c) => ({ card: run(card, c), status: run(status, c) })),
      info: [card.rulesInfo(), status.rulesInfo()],
    };
  }, doc.cases);
  assert.equal(results.distinct, true);
  assert.ok(doc.cases.length >= 30);
  doc.cases.forEach((c, i) => {
    const { card, status } = results.cases[i];
    assert.deepEqual(card, status, c.name);
    if (c.expectError) {
      assert.equal(card.error?.kind, c.expectError.kind, c.name);
      assert.equal(card.error.field, c.expectError.field, c.name);
      assert.equal(card.error.name, 'XinyongError', c.name);
    } else {
      matches(c.expect, card.ok, c.name);
    }
  });
  // The built-in rule sets as the card module has them compiled are those the status module reads.
  assert.deepEqual(results.info[0], results.info[1]);
  assert.deepEqual(results.info[0].ruleSets.map((r) => r.id).sort(), ['ndrc-2019', 'ndrc-2023', 'ndrc-2026', 'samr-2021', 'samr-2025', 'spc-2017']);
  assert.deepEqual(problems, []);
  await close();
});

test('inline copy: the card renders from the card module carried in JavaScript (inline/card.wasm.js), no .wasm request', async () => {
  const { page, requests, problems, close } = await open('/card-inline.html', `${head}
    <script type="module" src="/pkg/inline/define.mjs"></script>
    <xinyong-credit-status id="card" lang="en" src="${ENTITY}" as-of="2026-11-26"></xinyong-credit-status>`);
  await page.waitForSelector('#card[data-verdict=restricted]');
  assert.match(await footer(page), /working-day calendar 2004–2026/);
  assert.deepEqual(requests.filter((p) => p.endsWith('.wasm')), []);
  assert.ok(requests.includes('/pkg/inline/card.wasm.js'), requests.join(' '));
  assert.equal(requests.filter((p) => p.includes('status.wasm') || p.startsWith('/pkg/web-status/')).length, 0, requests.join(' '));
  assert.deepEqual(problems, []);
  await close();
});

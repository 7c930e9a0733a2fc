// The custom elements and the approval-portal demo in Debian's headless
// Chromium (playwright-core; never a downloaded browser), served on 127.0.0.1.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { startBrowser } from './chromium.mjs';

const require = createRequire(import.meta.url);
let session;
let browser;
let base;

before(async () => {
  session = await startBrowser();
  ({ browser, base } = session);
});

after(async () => {
  await session?.close();
});

/** The demo page (strict CSP in its <meta>), failing on console errors, CSP violations and dialogs. */
async function openDemo(options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); d.dismiss(); });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP: ${e.violatedDirective}`));
  });
  await page.goto(`${base}/`);
  await page.waitForSelector('body[data-ready]');
  await page.waitForSelector('#code [part=input]');
  return { page, problems, context };
}

const INPUT = '#code [part=input]';
const message = (page) => page.textContent('#code [part=message]');

test('typing full-width lower case: normalized value, valid, submitted normalized under its name', async () => {
  const { page, problems } = await openDemo();
  const events = page.evaluate(() => new Promise((resolve) => {
    document.addEventListener('xinyong-validate', (e) => resolve({ valid: e.detail.valid, normalized: e.detail.normalized, composed: e.composed }), { once: true });
  }));
  await page.locator(INPUT).pressSequentially('９１３５０１００ｍ０００１００ｙ４３');
  assert.deepEqual(await events, { valid: false, normalized: '9', composed: true }); // the first keystroke
  assert.equal(await message(page), '代码有效：91350100M000100Y43');
  assert.equal(await page.textContent('#code [part=normalized]'), '91350100M000100Y43');
  const form = await page.evaluate(() => {
    const f = document.getElementById('form');
    return { valid: f.checkValidity(), code: new FormData(f).getAll('code') };
  });
  assert.deepEqual(form, { valid: true, code: ['91350100M000100Y43'] });
  await page.click('#submit');
  assert.equal(await page.textContent('#submitted'), '已提交：91350100M000100Y43');
  assert.deepEqual(problems, []);
});

test('pasting a code with spaces and full-width characters', async () => {
  const { page, problems, context } = await openDemo();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
  await page.evaluate(() => navigator.clipboard.writeText(' 9135 0100 Ｍ000 100Y 43 '));
  await page.focus(INPUT);
  await page.keyboard.press('Control+V');
  assert.equal(await page.inputValue(INPUT), ' 9135 0100 Ｍ000 100Y 43 ');
  assert.equal(await message(page), '代码有效：91350100M000100Y43');
  assert.deepEqual(problems, []);
});

test('an invalid code blocks submission; required works; a suggestion click fixes the code', async () => {
  const { page, problems } = await openDemo();
  // Empty and required: valueMissing, :invalid, no submission.
  await page.click('#submit');
  assert.equal(await page.textContent('#submitted'), '');
  assert.deepEqual(await page.evaluate(() => {
    const c = document.getElementById('code');
    return [c.validity.valueMissing, c.matches(':invalid'), c.willValidate];
  }), [true, true, true]);

  await page.fill(INPUT, '9135010OM000100Y43');
  assert.match(await message(page), /^代码无效：第 8 位应为数字/);
  assert.equal(await page.textContent('#code mark[part=bad-char]'), 'O');
  assert.equal(await page.getAttribute(INPUT, 'aria-invalid'), 'true');
  assert.deepEqual(await page.evaluate(() => {
    const c = document.getElementById('code');
    return [document.getElementById('form').checkValidity(), c.matches(':invalid'), c.validity.patternMismatch, c.validationMessage.startsWith('代码无效')];
  }), [false, true, true, true]);
  await page.click('#submit');
  assert.equal(await page.textContent('#submitted'), '');

  await page.click('#code [part=suggestion]');
  assert.equal(await page.inputValue(INPUT), '91350100M000100Y43');
  assert.equal(await message(page), '代码有效：91350100M000100Y43');
  assert.equal(await page.evaluate(() => document.getElementById('code').matches(':valid')), true);
  await page.click('#submit');
  assert.equal(await page.textContent('#submitted'), '已提交：91350100M000100Y43');
  // Not in the demo data: the card says so.
  await page.waitForSelector('#result[data-verdict=unknown]');
  assert.match(await page.textContent('#result [part~=verdict-label]'), /未查到该主体的名单记录/);
  assert.deepEqual(problems, []);
});

test('a known code shows its status card; lang and accept-pilot-codes attributes', async () => {
  const { page, problems } = await openDemo();
  await page.fill(INPUT, '91350200ma31f7kx1j');
  await page.click('#submit');
  await page.waitForSelector('#result[data-verdict=restricted]');
  assert.match(await page.textContent('#result [part~=objection-notice], #result [part~=red-suspended-notice]'), /红名单激励措施暂停/);
  assert.match(await page.textContent('#result [part~=publication]'), /公示截止 2026-12-01/);
  assert.match(await page.textContent('#result [part~=repair]'), /最早可申请日期 2027-03-06/);
  await page.evaluate(() => document.getElementById('code').setAttribute('lang', 'en'));
  await page.fill(INPUT, '91350211M0000XUF46');
  assert.match(await message(page), /^Invalid code: /);
  await page.evaluate(() => document.getElementById('code').setAttribute('accept-pilot-codes', ''));
  assert.match(await message(page), /^Valid code: 91350211M0000XUF46/);
  assert.deepEqual(problems, []);
});

test("a status card alone: the region of its code (from the identifier module's division table), parts and live region", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  const url = session.addPage('/card-alone.html', `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">
    <script type="module" src="/pkg/define.mjs"></script>
    <xinyong-credit-status id="hant" src="/data/entities/91350200MA31F7KX1J.json" as-of="2026-11-26" lang="zh-Hant"></xinyong-credit-status>`);
  await page.goto(url);
  await page.waitForSelector('#hant[data-verdict=restricted]');
  // Names as data/divisions.tsv has them for 350200 (the region arrives with the table, after the card).
  await page.waitForSelector('#hant [part~=region]');
  assert.equal(await page.textContent('#hant [part~=region]'), '福建省廈門市');
  assert.equal(await page.textContent('#hant [part~=code]'), '91350200MA31F7KX1J · 福建省廈門市');
  // The card's own words and the report's, in the card's language; the live region names the entity and verdict.
  assert.equal(await page.textContent('#hant [part~=verdict-label]'), '受限：失信懲戒措施生效中');
  assert.equal(await page.evaluate(() => document.getElementById('hant').shadowRoot.getElementById('live').textContent),
    '厦门某某贸易有限公司 <img src=x onerror=alert(1)>：受限：失信懲戒措施生效中');
  // The first entry: listed 2026-03-10, in force until 2029-03-09, so active on 2026-11-26.
  assert.equal(await page.evaluate(() => document.getElementById('hant').shadowRoot.querySelector('[part~=entry]').dataset.state), 'active');
  assert.match(await page.textContent('#hant [part~=footer]'), /^規則 ndrc-\d{4} · 工作日曆 2004–\d{4}$/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a repair answer given after the rule sets\' last review (2026-11-30 in src/repair/rulesets) shows the outdated-rules warning; before it, none', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const url = session.addPage('/card-outdated.html', `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">
    <script type="module" src="/pkg/define.mjs"></script>
    <xinyong-credit-status id="late" src="/data/entities/91350200MA31F7KX1J.json" as-of="2027-03-01" lang="en"></xinyong-credit-status>
    <xinyong-credit-status id="now" src="/data/entities/91350200MA31F7KX1J.json" as-of="2026-11-26" lang="en"></xinyong-credit-status>`);
  await page.goto(url);
  await page.waitForSelector('#late[data-verdict]');
  await page.waitForSelector('#now[data-verdict]');
  const late = await page.locator('#late [part~=repair-warning]').allTextContents();
  assert.equal(late.length, 1);
  assert.match(late[0], /^⚠ .*2026-11-30/);
  assert.equal(await page.locator('#now [part~=repair-warning]').count(), 0);
  await context.close();
});

const VERDICTS = {
  'zh-Hans': { red: '守信：红名单激励适用', black: '受限：失信惩戒措施生效中', objection: '异议核实中，惩戒措施暂停',
    expired: '无生效中的名单记录', exited: '无生效中的名单记录', repaired: '无生效中的名单记录',
    'abnormal-cured': '无生效中的名单记录', abnormal: '需关注：列入经营异常名录', unknown: '未查到该主体的名单记录' },
  'zh-Hant': { red: '守信：紅名單激勵適用', black: '受限：失信懲戒措施生效中', objection: '異議核實中，懲戒措施暫停',
    expired: '無生效中的名單記錄', exited: '無生效中的名單記錄', repaired: '無生效中的名單記錄',
    'abnormal-cured': '無生效中的名單記錄', abnormal: '需關注：列入經營異常名錄', unknown: '未查到該主體的名單記錄' },
  en: { red: 'Trustworthy: red-list incentives apply', black: 'Restricted: joint punishment in force',
    objection: 'Under verification: measures suspended', expired: 'Clear: no list entry in force',
    exited: 'Clear: no list entry in force', repaired: 'Clear: no list entry in force',
    'abnormal-cured': 'Clear: no list entry in force', abnormal: 'Attention: on the abnormal-operations list',
    unknown: 'No record found for this entity' },
};
const STATES = { expired: 'expired', exited: 'exited', repaired: 'repaired', 'abnormal-cured': 'exited', objection: 'suspended' };

test('every gallery case shows the right verdict in each language', async () => {
  const { page, problems } = await openDemo();
  for (const lang of ['zh-Hans', 'zh-Hant', 'en']) {
    await page.selectOption('#lang', lang);
    await page.waitForFunction((l) => [...document.querySelectorAll('#gallery xinyong-credit-status')]
      .every((c) => c.shadowRoot?.getElementById('card')?.getAttribute('lang') === l), lang);
    for (const [name, text] of Object.entries(VERDICTS[lang])) {
      const got = await page.textContent(`#gallery > li[data-case="${name}"] [part~=verdict-label]`);
      assert.equal(got, text, `${lang} ${name}`);
    }
  }
  for (const [name, state] of Object.entries(STATES)) {
    assert.equal(await page.getAttribute(`#gallery > li[data-case="${name}"] [part~=entry]`, 'data-state'), state, name);
  }
  assert.match(await page.textContent('#gallery > li[data-case=objection] [part~=objection-notice]'), /objection .* being verified/);
  assert.deepEqual(problems, []);
});

test('an entity name with markup renders as text and runs nothing', async () => {
  const { page, problems } = await openDemo();
  const name = await page.textContent('#gallery > li[data-case=black] [part~=name]');
  assert.equal(name, '厦门某某贸易有限公司 <img src=x onerror=alert(1)>');
  await page.evaluate(() => {
    const card = document.createElement('xinyong-credit-status');
    card.id = 'evil';
    card.setAttribute('as-of', '2026-11-26');
    card.entity = { code: '<script>window.__pwned=1</script>', name: '<img src=x onerror="window.__pwned=1">',
      entries: [{ list: 'black', label: '<b onmouseover=alert(1)>x</b>', listingUnit: '<svg onload=alert(1)>', basis: 'b', listedOn: '2026-01-01',
        measures: [{ kind: 'mandatory', text: '<iframe src=javascript:alert(1)>' }] }] };
    document.body.append(card);
  });
  await page.waitForSelector('#evil[data-verdict=restricted]');
  assert.equal(await page.evaluate(() => document.getElementById('evil').shadowRoot.querySelectorAll('img, script, svg, iframe, b').length), 0);
  assert.equal(await page.textContent('#evil [part~=name]'), '<img src=x onerror="window.__pwned=1">');
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(problems, []);
});

test('registering twice is harmless; a malformed record shows a typed error; first render time', async (t) => {
  const { page, problems } = await openDemo();
  const result = await page.evaluate(async () => {
    const { define } = await import('/pkg/define.mjs');
    const again = define();
    const card = document.createElement('xinyong-credit-status');
    card.setAttribute('as-of', '2026-11-26');
    document.body.append(card);
    const entity = await (await fetch('data/entities/91350200MA31F7KX1J.json')).json();
    const t0 = performance.now();
    const rendered = new Promise((r) => card.addEventListener('xinyong-status', r, { once: true }));
    card.entity = entity;
    await rendered;
    const ms = performance.now() - t0;
    card.entity = { code: 'x', name: 'y', entries: [{ list: 'grey' }] };
    await new Promise((r) => card.addEventListener('xinyong-status', r, { once: true }));
    return { again, ms, error: card.shadowRoot.querySelector('[part~=rule]').textContent, verdict: card.dataset.verdict };
  });
  t.diagnostic(`status card first render: ${result.ms.toFixed(1)} ms`);
  assert.equal(result.again, true);
  assert.equal(result.verdict, 'error');
  assert.match(result.error, /entries\[0\]\.list/);
  assert.deepEqual(problems, []);
});

test('the server-rendered fallback stays visible when the wasm does not load', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route('**/xinyong_bg.wasm', (route) => route.abort());
  await page.goto(`${base}/`);
  await page.waitForSelector('body[data-ready]');
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => document.getElementById('code').shadowRoot), null);
  assert.equal(await page.isVisible('#code > input[name=code]'), true);
  await page.fill('#code > input[name=code]', '91350100M000100Y43');
  assert.deepEqual(await page.evaluate(() => new FormData(document.getElementById('form')).getAll('code')), ['91350100M000100Y43']);
  await context.close();
});

test('without a fallback <input>, the code input is shown and takes typing before the wasm arrives; validated when it does', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  let release;
  const held = new Promise((r) => { release = r; });
  // The identifier module's wasm is held back until the checks below are done.
  await page.route('**/web/xinyong_bg.wasm', async (route) => { await held; await route.continue(); });
  const url = session.addPage('/early-shell.html', `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">
    <script type="module">import '/pkg/define.mjs';
      const code = document.getElementById('code');
      window.events = [];
      code.addEventListener('input', () => events.push('input'));
      code.addEventListener('xinyong-validate', (e) => events.push(\`validate:\${e.detail.valid}\`));</script>
    <form id="form"><xinyong-code-input id="code" name="code"></xinyong-code-input></form>`);
  await page.goto(url);
  await page.waitForSelector(INPUT);
  const typed = '９１３５０１００m000100y43';
  await page.fill(INPUT, typed);
  const before = await page.evaluate(() => ({
    state: document.getElementById('code').getAttribute('data-state'),
    result: document.getElementById('code').result,
    submitted: new FormData(document.getElementById('form')).getAll('code'),
    events: [...window.events],
  }));
  // Not validated yet: no state, no result; the form has the text as typed; the input event reached the host.
  assert.deepEqual(before, { state: null, result: null, submitted: [typed], events: ['input'] });
  release();
  await page.waitForSelector('#code[data-state=valid]');
  assert.equal(await message(page), '代码有效：91350100M000100Y43');
  assert.deepEqual(await page.evaluate(() => new FormData(document.getElementById('form')).getAll('code')), ['91350100M000100Y43']);
  assert.deepEqual(await page.evaluate(() => window.events), ['input', 'validate:true']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('axe-core reports no violations on the demo page', async () => {
  // addScriptTag injects axe inline, which the page's own CSP forbids: bypass it for this test only.
  const { page, problems } = await openDemo({ bypassCSP: true });
  await page.fill(INPUT, '9135010OM000100Y43');
  await page.waitForFunction(() => [...document.querySelectorAll('#gallery xinyong-credit-status')].every((c) => c.dataset.verdict));
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const violations = await page.evaluate(async () => (await window.axe.run(document)).violations
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
  assert.deepEqual(violations, []);
  assert.deepEqual(problems, []);
});

test('a screenshot of the demo page (for the README)', async () => {
  const { page, problems } = await openDemo({ viewport: { width: 1000, height: 1250 } });
  await page.fill(INPUT, '91350200MA31F7KX1J');
  await page.click('#submit');
  await page.waitForSelector('#result[data-verdict=restricted]');
  await page.waitForFunction(() => [...document.querySelectorAll('#gallery xinyong-credit-status')].every((c) => c.dataset.verdict));
  mkdirSync('target', { recursive: true });
  const path = process.env.UPDATE_SCREENSHOT ? 'docs/demo.png' : 'target/demo.png';
  await page.screenshot({ path });
  assert.ok(statSync(path).size < 300_000, `${path} is ${statSync(path).size} bytes`);
  assert.deepEqual(problems, []);
});

test('a status card with several attributes fetches its src once', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  let fetches = 0;
  page.on('request', (r) => { if (r.url().endsWith('/91350200MA31F7KX1J.json')) fetches++; });
  await page.route(`${base}/once.html`, (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><meta charset="utf-8"><script type="module">import '/pkg/define.mjs';
      document.addEventListener('xinyong-status', () => { window.renders = (window.renders ?? 0) + 1; }, { capture: true });</script>
      <xinyong-credit-status src="/data/entities/91350200MA31F7KX1J.json" as-of="2026-11-26" lang="en" code="91350200MA31F7KX1J"></xinyong-credit-status>`,
  }));
  await page.goto(`${base}/once.html`);
  await page.waitForFunction(() => window.renders >= 1);
  await page.waitForTimeout(200); // a second, late render would show up here
  assert.equal(await page.evaluate(() => window.renders), 1);
  assert.equal(fetches, 1);
  await context.close();
});

test('define() starts loading the wasm before any element exists', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const wasm = [];
  page.on('request', (r) => { if (r.url().includes('xinyong_bg.wasm')) wasm.push(r.url()); });
  const url = session.addPage('/define-only.html', `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">
    <script type="module">import '/pkg/define.mjs';</script>`);
  const requested = page.waitForRequest('**/xinyong_bg.wasm', { timeout: 10_000 });
  await page.goto(url);
  // No element on the page: before define() started the load, nothing fetched the wasm.
  await requested;
  assert.equal(await page.evaluate(async () => {
    const { loadWasm } = await import('/pkg/define.mjs');
    return loadWasm().then(() => true);
  }), true);
  assert.deepEqual(wasm, [`${base}/pkg/web/xinyong_bg.wasm`]);
  await context.close();
});

test("a page's own loadWasm(url), right after importing define, wins over the default load", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  const wasm = [];
  page.on('request', (r) => { if (r.url().includes('.wasm')) wasm.push(r.url().slice(base.length)); });
  // Both elements are in the document, so define() upgrades them as it runs, before the page's next line.
  const url = session.addPage('/own-wasm.html', `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">
    <script type="module">import { loadWasm } from '/pkg/define.mjs';
      loadWasm(new URL('/pkg/web/xinyong_bg.wasm?from=page', location.href));</script>
    <xinyong-code-input id="code" name="code" value="91350100M000100Y43"></xinyong-code-input>
    <xinyong-credit-status id="card" src="/data/entities/91350200MA31F7KX1J.json" as-of="2026-11-26"></xinyong-credit-status>`);
  await page.goto(url);
  await page.waitForSelector('#card[data-verdict=restricted]');
  await page.waitForSelector('#code [part=message]');
  assert.equal(await page.textContent('#code [part=message]'), '代码有效：91350100M000100Y43');
  // The code input's module from the page's URL; the status card's own module (web-card/) from its default place.
  assert.deepEqual(wasm.sort(), ['/pkg/web-card/xinyong_bg.wasm', '/pkg/web/xinyong_bg.wasm?from=page']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the demo page: its preload hints are used (one wasm fetch, no preload warning)', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const warnings = [];
  page.on('console', (m) => ['warning', 'error'].includes(m.type()) && warnings.push(m.text()));
  const fetched = {};
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    fetched[path] = (fetched[path] ?? 0) + 1;
  });
  await page.goto(`${base}/`);
  await page.waitForSelector('body[data-ready]');
  await page.waitForSelector('#code [part=input]');
  const hints = await page.evaluate(() => [...document.querySelectorAll('link[rel=modulepreload], link[rel=preload]')].map((l) => new URL(l.href).pathname));
  assert.deepEqual(hints, ['/pkg/define.mjs', '/pkg/elements.mjs', '/pkg/loader.mjs', '/pkg/wasm-sources.mjs', '/pkg/web/xinyong.js',
    '/pkg/web/xinyong_bg.wasm', '/pkg/web-card/xinyong.js', '/pkg/web-card/xinyong_bg.wasm']);
  // Chromium warns a few seconds after the load event about a preload nobody used.
  await page.waitForTimeout(3500);
  assert.deepEqual(warnings, []);
  for (const path of hints) assert.equal(fetched[path], 1, path);
  await context.close();
});

test('addHolidayYears in the browser: every loaded module and a status card loaded later use the added year', async () => {
  const { page, problems } = await openDemo();
  const result = await page.evaluate(async () => {
    const x = await import('/pkg/index.js');
    await x.ready;
    let bad;
    try {
      x.addHolidayYears({ 2027: { holidays: ['2027-01-01', '2027-03-06'] } }); // a lone Saturday
    } catch (e) {
      bad = [e instanceof x.XinyongError, e.kind, e.field];
    }
    // The made-up 2027 notice of tests/vectors/holiday-years.json.
    const added = x.addHolidayYears({ 2027: { holidays: ['2027-01-01', '2027-01-02', '2027-01-03', '2027-02-06', '2027-02-07',
      '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12', '2027-02-13'], workdays: ['2027-01-31', '2027-02-20'] } });
    await x.loadStatus();
    const card = document.createElement('xinyong-credit-status');
    card.setAttribute('as-of', '2026-11-26');
    card.setAttribute('lang', 'en');
    document.body.append(card);
    const rendered = new Promise((r) => card.addEventListener('xinyong-status', r, { once: true }));
    card.entity = await (await fetch('data/entities/91350200MA31F7KX1J.json')).json();
    await rendered;
    return {
      bad,
      added: added.added,
      working: [x.isWorkingDay('2027-02-08'), x.isWorkingDay('2027-01-31')],
      due: x.publicationDeadline('2026-12-28', 'double-publicity-7wd').due,
      footer: card.shadowRoot.querySelector('[part~=footer]').textContent,
    };
  });
  assert.deepEqual(result.bad, [true, 'weekend_holiday', '2027.holidays[1]']);
  assert.deepEqual(result.added, [2027]);
  assert.deepEqual(result.working, [false, true]);
  assert.equal(result.due, '2027-01-07'); // 12-29..31, then 01-04..07
  assert.match(result.footer, /working-day calendar 2004–2027/);
  assert.deepEqual(problems, []);
});

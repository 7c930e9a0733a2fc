// npm run bench:widget — the custom elements in Debian's headless Chromium
// (issue 7 targets: first status render within 50 ms of page load; the work
// per keystroke under 1 ms). Reports, never asserts on time.
//
// 1. First render: a page holding only <xinyong-credit-status src=…> is loaded
//    in a fresh browser context (nothing cached: "cold") and again in the same
//    context ("warm": HTTP cache, revalidated; the server sends no-cache + ETag).
//    Twice: as a portal page would be written without hints, and with the
//    <head> hints README recommends (modulepreload for define.mjs, elements.mjs
//    and web/xinyong.js; preload for the wasm). The time is the
//    `xinyong-status` event's timestamp, i.e. milliseconds since navigation
//    start (performance.timeOrigin), so it includes fetching and compiling the
//    wasm, fetching the entity JSON and rendering; also reported from the
//    page's load event (the static module graph is loaded by then; without the
//    hints the wasm and the entity are fetched after it; a preload delays the
//    load event until the wasm is downloaded, so compare the since-navigation rows).
//    The code-input page also reports the first frame in which the inner input
//    is shown: without a server-rendered fallback inside, the element shows it
//    before the wasm has loaded (typing can start; the first `xinyong-validate`
//    follows once the wasm is there).
// 2. Keystroke: on the demo page, the synchronous work of one `input` event in
//    <xinyong-code-input> (validate, suggestions, DOM update, validity, event),
//    timed with performance.now() around dispatchEvent, for every prefix of a
//    valid code and for mistyped full-length codes (the suggestion search).
import { startBrowser } from '../tests/node/chromium.mjs';

const RUNS = Number(process.env.XINYONG_BENCH_RUNS ?? 10);
const session = await startBrowser();
const { browser, base } = session;

// The page as a portal would write it (plain), and with the <head> hints that
// README recommends (modulepreload for the module graph, preload for the wasm).
// Served by the demo server (session.addPage), not page.route(): routing turns
// Chromium's HTTP cache off, which made the "warm" rows cold before.
const HINTS = `<link rel="modulepreload" href="/pkg/define.mjs">
<link rel="modulepreload" href="/pkg/elements.mjs">
<link rel="modulepreload" href="/pkg/loader.mjs">
<link rel="modulepreload" href="/pkg/wasm-sources.mjs">
<link rel="modulepreload" href="/pkg/web/xinyong.js">
<link rel="preload" href="/pkg/web/xinyong_bg.wasm" as="fetch" type="application/wasm" crossorigin>
<link rel="modulepreload" href="/pkg/web-card/xinyong.js">
<link rel="preload" href="/pkg/web-card/xinyong_bg.wasm" as="fetch" type="application/wasm" crossorigin>`;
const statusPage = (hints) => `<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8">
<link rel="icon" href="data:,">${hints}
<script type="module">import '/pkg/define.mjs';
document.addEventListener('xinyong-status', (e) => { window.firstStatus ??= e.timeStamp; }, { capture: true });</script>
</head><body><xinyong-credit-status src="/data/entities/91350200MA31F7KX1J.json" as-of="2026-11-26"></xinyong-credit-status></body></html>`;
// A page with only the code input (issue 15: its first render, too).
const CODE_HINTS = HINTS.split('\n').filter((l) => !l.includes('web-card')).join('\n');
const codePage = (hints) => `<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8">
<link rel="icon" href="data:,">${hints}
<script type="module">import '/pkg/define.mjs';
document.addEventListener('xinyong-validate', (e) => { window.firstStatus ??= e.timeStamp; }, { capture: true });</script>
</head><body><xinyong-code-input name="code"></xinyong-code-input>
<script>(function shown(t) {
  // The first frame in which the inner input is there (typing can start; it is validated once the wasm has loaded).
  if (document.querySelector('xinyong-code-input').shadowRoot?.getElementById('input')) window.firstShown = t ?? performance.now();
  else requestAnimationFrame(shown);
})();</script></body></html>`;
// The floor on this machine: a page whose one inline module script only
// records when it ran (no package file fetched). Nothing the package does can
// render before this; reported for reference.
const floorPage = `<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8">
<link rel="icon" href="data:,"><script type="module">window.firstStatus = performance.now();</script></head><body></body></html>`;
const PAGES = {
  floor: session.addPage('/bench-floor.html', floorPage),
  plain: session.addPage('/bench-status.html', statusPage('')),
  hinted: session.addPage('/bench-status-hinted.html', statusPage(HINTS)),
  code: session.addPage('/bench-code.html', codePage('')),
  codeHinted: session.addPage('/bench-code-hinted.html', codePage(CODE_HINTS)),
};
// Fetches expected per page: the entity record and the wasm modules.
const EXPECTED = { floor: [0, 0], plain: [1, 2], hinted: [1, 2], code: [0, 1], codeHinted: [0, 1] };

async function firstRender(context, kind) {
  const url = PAGES[kind];
  const tab = await context.newPage();
  const warnings = [];
  tab.on('console', (m) => m.type() !== 'log' && warnings.push(m.text()));
  await tab.goto(url);
  await tab.waitForFunction(() => window.firstStatus);
  const times = await tab.evaluate(() => ({
    sinceNavigation: window.firstStatus,
    shown: window.firstShown,
    sinceLoad: window.firstStatus - performance.getEntriesByType('navigation')[0].loadEventStart,
    fetches: performance.getEntriesByType('resource').filter((r) => r.name.endsWith('.json')).length,
    wasmFetches: performance.getEntriesByType('resource').filter((r) => r.name.endsWith('.wasm')).length,
  }));
  await tab.close();
  const [records, modules] = EXPECTED[kind];
  if (times.fetches !== records) throw new Error(`${kind}: the entity was fetched ${times.fetches} times`);
  // The status page: the identifier module (define() starts it) and the status card's.
  if (times.wasmFetches !== modules) throw new Error(`${kind}: ${times.wasmFetches} wasm fetches, not ${modules} (a preload not used?)`);
  if (warnings.length) throw new Error(`console: ${warnings.join('; ')}`);
  return times;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const cold = { floor: [], plain: [], hinted: [], code: [], codeHinted: [] };
const warm = { floor: [], plain: [], hinted: [], code: [], codeHinted: [] };
for (let i = 0; i < RUNS; i++) {
  // Alternate the order, so that neither page always runs first on a busy machine.
  const kinds = ['floor', 'plain', 'hinted', 'code', 'codeHinted'];
  for (const kind of i % 2 ? kinds.reverse() : kinds) {
    const context = await browser.newContext();
    cold[kind].push(await firstRender(context, kind));
    warm[kind].push(await firstRender(context, kind));
    await context.close();
  }
}

const demo = await (await browser.newContext()).newPage();
await demo.goto(`${base}/`);
await demo.waitForSelector('body[data-ready]');
await demo.waitForSelector('#code [part=input]');
const keystrokes = await demo.evaluate(() => {
  const input = document.querySelector('#code').shadowRoot.querySelector('[part=input]');
  const time = (value) => {
    input.value = value;
    const t = performance.now();
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    return performance.now() - t;
  };
  const valid = '91350100M000100Y43';
  const prefixes = [];
  const mistyped = [];
  for (let round = 0; round < 20; round++) {
    for (let n = 1; n <= valid.length; n++) prefixes.push(time(valid.slice(0, n)));
    for (const typo of ['91350100M000100Y4A', '91350100M00010Y43', '91350100M0001000Y43', '９１３５０１００Ｍ０００１００Ｙ４Ａ']) mistyped.push(time(typo));
  }
  return { prefixes, mistyped };
});
await session.close();

const fmt = (xs) => `median ${median(xs).toFixed(2)} ms, max ${Math.max(...xs).toFixed(2)} ms (${xs.length} runs)`;
console.log('| measurement | result | target |');
console.log('|---|---|---|');
const pick = (xs, key) => xs.map((x) => x[key]);
for (const [kind, label] of [['plain', ''], ['hinted', ', with the preload hints']]) {
  console.log(`| first status render after navigation start, cold (fresh context)${label} | ${fmt(pick(cold[kind], 'sinceNavigation'))} | ≤ 50 ms |`);
  console.log(`| first status render after navigation start, warm (same context)${label} | ${fmt(pick(warm[kind], 'sinceNavigation'))} | ≤ 50 ms |`);
  console.log(`| first status render after the load event, cold${label} | ${fmt(pick(cold[kind], 'sinceLoad'))} | ≤ 50 ms |`);
  console.log(`| first status render after the load event, warm${label} | ${fmt(pick(warm[kind], 'sinceLoad'))} | ≤ 50 ms |`);
}
for (const [kind, label] of [['code', ''], ['codeHinted', ', with the preload hints']]) {
  console.log(`| first code-input render after navigation start, cold${label} | ${fmt(pick(cold[kind], 'sinceNavigation'))} | ≤ 50 ms |`);
  console.log(`| first code-input render after navigation start, warm${label} | ${fmt(pick(warm[kind], 'sinceNavigation'))} | ≤ 50 ms |`);
  console.log(`| code input shown (first frame with the inner input, before validation) after navigation start, cold${label} | ${fmt(pick(cold[kind], 'shown'))} | ≤ 50 ms |`);
}
console.log(`| reference: an inline module script runs (no package file), after navigation start, cold | ${fmt(pick(cold.floor, 'sinceNavigation'))} | - |`);
console.log(`| reference: the same, warm | ${fmt(pick(warm.floor, 'sinceNavigation'))} | - |`);
console.log(`| keystroke, every prefix of a valid code | ${fmt(keystrokes.prefixes)} | < 1 ms |`);
console.log(`| keystroke, mistyped full-length codes (suggestions) | ${fmt(keystrokes.mistyped)} | < 1 ms |`);

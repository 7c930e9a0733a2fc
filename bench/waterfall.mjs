// Diagnostic for bench:widget (not a test): loads a card page and a code-input
// page (as bench/widget.mjs writes them, without hints) in fresh browser
// contexts (cold cache) and prints each request's start and end (ms since
// navigation start) and the first render, so that the critical path can be
// read off. With a latency, Chromium adds it to every request (DevTools
// network emulation): on a busy machine, where CPU time is noise, the number
// of round trips on the critical path still shows.
//   node bench/waterfall.mjs [runs] [latency-ms] [--quiet]
import { startBrowser } from '../tests/node/chromium.mjs';

const [runs = 1, latency = 0] = process.argv.slice(2).filter((a) => !a.startsWith('--')).map(Number);
const quiet = process.argv.includes('--quiet');
const session = await startBrowser();
const head = '<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8"><link rel="icon" href="data:,">';
const statusPage = `${head}
<script type="module">import '/pkg/define.mjs';
document.addEventListener('xinyong-status', (e) => { window.firstStatus ??= e.timeStamp; }, { capture: true });</script>
</head><body><xinyong-credit-status src="/data/entities/91350200MA31F7KX1J.json" as-of="2026-11-26"></xinyong-credit-status></body></html>`;
const codePage = `${head}
<script type="module">import '/pkg/define.mjs';
document.addEventListener('xinyong-validate', (e) => { window.firstStatus ??= e.timeStamp; }, { capture: true });</script>
</head><body><xinyong-code-input name="code"></xinyong-code-input>
<script>(function shown(t) {
  if (document.querySelector('xinyong-code-input').shadowRoot?.getElementById('input')) window.firstShown = t ?? performance.now();
  else requestAnimationFrame(shown);
})();</script></body></html>`;
const pages = { card: session.addPage('/wf-status.html', statusPage), code: session.addPage('/wf-code.html', codePage) };
const results = { card: [], code: [], shown: [] };
for (let i = 0; i < runs; i++) {
  for (const [kind, url] of Object.entries(pages)) {
    const context = await session.browser.newContext();
    const tab = await context.newPage();
    if (latency) {
      const cdp = await context.newCDPSession(tab);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency, downloadThroughput: -1, uploadThroughput: -1 });
    }
    await tab.goto(url);
    await tab.waitForFunction(() => window.firstStatus);
    const r = await tab.evaluate(() => ({
      first: window.firstStatus,
      shown: window.firstShown,
      nav: performance.getEntriesByType('navigation')[0].toJSON(),
      res: performance.getEntriesByType('resource').map((e) => [new URL(e.name).pathname, e.startTime, e.responseEnd]),
    }));
    await context.close();
    results[kind].push(r.first);
    if (kind === 'code') results.shown.push(r.shown);
    if (quiet) continue;
    console.log(`\n${kind}: first render ${r.first.toFixed(1)} ms${r.shown ? `, input shown ${r.shown.toFixed(1)} ms` : ''}; html end ${r.nav.responseEnd.toFixed(1)}, DCL end ${r.nav.domContentLoadedEventEnd.toFixed(1)}`);
    for (const [path, start, end] of r.res) console.log(`  ${start.toFixed(1).padStart(7)} ${end.toFixed(1).padStart(7)}  ${path}`);
  }
}
await session.close();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)].toFixed(1);
console.log(`\nlatency ${latency} ms, ${runs} cold runs, medians: status card rendered ${median(results.card)} ms; code input validated ${median(results.code)} ms, shown ${median(results.shown)} ms`);

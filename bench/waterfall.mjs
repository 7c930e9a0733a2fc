// Diagnostic for bench:widget (not a test): loads the bench's card page and
// code-input page in fresh browser contexts (cold cache) and prints each
// request's start and end (ms since navigation start) and the first render, so
// that the critical path of the first render can be read off.
//   node bench/waterfall.mjs [runs]
import { startBrowser } from '../tests/node/chromium.mjs';

const runs = Number(process.argv[2] ?? 1);
const session = await startBrowser();
const statusPage = `<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8">
<link rel="icon" href="data:,">
<script type="module">import '/pkg/define.mjs';
document.addEventListener('xinyong-status', (e) => { window.firstStatus ??= e.timeStamp; }, { capture: true });</script>
</head><body><xinyong-credit-status src="/data/entities/91350200MA31F7KX1J.json" as-of="2026-11-26"></xinyong-credit-status></body></html>`;
const codePage = `<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8">
<link rel="icon" href="data:,">
<script type="module">import '/pkg/define.mjs';
document.addEventListener('xinyong-validate', (e) => { window.firstStatus ??= e.timeStamp; }, { capture: true });</script>
</head><body><xinyong-code-input name="code" value="91350100M000100Y43"></xinyong-code-input></body></html>`;
const pages = { card: session.addPage('/wf-status.html', statusPage), code: session.addPage('/wf-code.html', codePage) };
for (let i = 0; i < runs; i++) {
  for (const [kind, url] of Object.entries(pages)) {
    const context = await session.browser.newContext();
    const tab = await context.newPage();
    await tab.goto(url);
    await tab.waitForFunction(() => window.firstStatus);
    const r = await tab.evaluate(() => ({
      first: window.firstStatus,
      nav: (({ responseEnd, domInteractive, domContentLoadedEventEnd, loadEventStart }) => ({ responseEnd, domInteractive, domContentLoadedEventEnd, loadEventStart }))(performance.getEntriesByType('navigation')[0].toJSON()),
      res: performance.getEntriesByType('resource').map((e) => [new URL(e.name).pathname, e.startTime, e.responseEnd]),
    }));
    await context.close();
    console.log(`\n${kind}: first render ${r.first.toFixed(1)} ms; html end ${r.nav.responseEnd.toFixed(1)}, domInteractive ${r.nav.domInteractive.toFixed(1)}, DCL end ${r.nav.domContentLoadedEventEnd.toFixed(1)}, load ${r.nav.loadEventStart.toFixed(1)}`);
    for (const [path, start, end] of r.res) console.log(`  ${start.toFixed(1).padStart(7)} ${end.toFixed(1).padStart(7)}  ${path}`);
  }
}
await session.close();

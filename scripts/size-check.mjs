// Size check (issue 15), run by `npm test` after the package build: what a
// page downloads, measured in Debian's headless Chromium the way a portal's
// visitor meets it. Each page below is served by the demo server; every
// response the page receives before the user types (the page's own HTML
// excepted) is weighed as gzip -9 of its body, and the total must be within
// the page's budget. Sizes are deterministic for a given toolchain, so this is
// a fair test. Prints a table (copied into the README).
//
//   node scripts/size-check.mjs            check the budgets
//   node scripts/size-check.mjs --table    also print every file of every page
import { gzipSync } from 'node:zlib';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { startBrowser } from '../tests/node/chromium.mjs';

const KB = 1024;
const CODE = '91350100M000100Y43';
const head = '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">';
const pages = [
  {
    label: 'only <xinyong-code-input>',
    budget: 60 * KB,
    html: `${head}<script type="module" src="/pkg/define.mjs"></script>
      <xinyong-code-input id="code" name="code"></xinyong-code-input>`,
    rendered: '#code[data-state]',
  },
  {
    label: '<xinyong-code-input> and <xinyong-credit-status>',
    budget: 130 * KB,
    // The card loads the card module, never the status module (npm/loader.mjs loadCard).
    absent: ['/pkg/web-status/xinyong_bg.wasm', '/pkg/web-status/xinyong.js'],
    html: `${head}<script type="module" src="/pkg/define.mjs"></script>
      <xinyong-code-input id="code" name="code"></xinyong-code-input>
      <xinyong-credit-status id="card" src="/data/entities/91350200MA31F7KX1J.json" as-of="2026-11-26"></xinyong-credit-status>`,
    rendered: '#card[data-verdict]',
  },
  {
    // Since the table is split by province: the typed code's province blob
    // (web/divisions/35.bin here) and the map of those files (web/divisions.mjs).
    label: 'region names, fetched when a code with a division is typed',
    budget: null,
    html: `${head}<script type="module" src="/pkg/define.mjs"></script>
      <xinyong-code-input id="code" name="code"></xinyong-code-input>`,
    rendered: '#code[data-state]',
    type: CODE,
  },
  {
    label: 'status module, on a page that calls loadStatus() (resolveStatus, repairEligibility, working days)',
    budget: null,
    html: `${head}<script type="module">import { loadStatus } from '/pkg/index.js';
      loadStatus().then(() => document.body.setAttribute('data-loaded', ''));</script><p>status</p>`,
    rendered: 'body[data-loaded]',
  },
  {
    label: 'records module, on a page that checks 双公示 records (loadRecords())',
    budget: null,
    html: `${head}<script type="module">import { loadRecords } from '/pkg/index.js';
      loadRecords().then(() => document.body.setAttribute('data-loaded', ''));</script><p>records</p>`,
    rendered: 'body[data-loaded]',
  },
];

const fmt = (n) => n.toLocaleString('en-US');
const session = await startBrowser();
let failed = false;
const details = [];
console.log('| page | files | raw bytes | gzip -9 bytes | budget | |');
console.log('|---|---:|---:|---:|---:|---|');
try {
  for (const [i, spec] of pages.entries()) {
    const context = await session.browser.newContext();
    const page = await context.newPage();
    const bodies = new Map();
    const pending = [];
    let typing = false;
    const url = session.addPage(`/size-${i}.html`, spec.html);
    page.on('response', (response) => {
      // The package's files only: the page itself and the portal's data are not ours to budget.
      if (!new URL(response.url()).pathname.startsWith('/pkg/')) return;
      pending.push(response.body().then((body) => {
        const path = new URL(response.url()).pathname;
        bodies.set(path, { raw: body.length, gzip: gzipSync(body, { level: 9 }).length, afterTyping: typing });
      }, () => {}));
    });
    await page.goto(url);
    await page.waitForSelector(spec.rendered);
    await page.waitForLoadState('networkidle');
    if (spec.type) {
      typing = true;
      await page.locator('#code [part=input]').pressSequentially(spec.type);
      await page.waitForSelector('#code[data-state=valid]');
      await page.waitForLoadState('networkidle');
    }
    await Promise.all(pending);
    await context.close();
    const counted = [...bodies].filter(([, b]) => b.afterTyping === Boolean(spec.type));
    const raw = counted.reduce((n, [, b]) => n + b.raw, 0);
    const gzip = counted.reduce((n, [, b]) => n + b.gzip, 0);
    for (const path of spec.absent ?? []) {
      if (bodies.has(path)) {
        console.error(`${spec.label}: fetched ${path}, which it should not need`);
        failed = true;
      }
    }
    const over = spec.budget !== null && gzip > spec.budget;
    failed ||= over;
    const verdict = spec.budget === null ? 'reported' : over ? 'OVER BUDGET' : 'within budget';
    console.log(`| ${spec.label} | ${counted.length} | ${fmt(raw)} | ${fmt(gzip)} | ${spec.budget === null ? '-' : fmt(spec.budget)} | ${verdict} |`);
    details.push([spec.label, counted]);
  }
} finally {
  await session.close();
}
// Every province blob (web/divisions/NN.bin): a page fetches one or two.
const blobDir = new URL('../pkg/web/divisions/', import.meta.url);
if (existsSync(blobDir)) {
  const sizes = readdirSync(blobDir).filter((f) => f.endsWith('.bin')).sort()
    .map((f) => [f, gzipSync(readFileSync(new URL(f, blobDir)), { level: 9 }).length]);
  const sorted = sizes.map(([, n]) => n).sort((a, b) => a - b);
  const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  const [maxFile, max] = sizes.reduce((a, b) => (b[1] > a[1] ? b : a));
  console.log(`\nprovince blobs (web/divisions/NN.bin), gzip -9: ${sizes.length} files, max ${fmt(max)} (${maxFile}), median ${fmt(median)}, sum ${fmt(sorted.reduce((a, b) => a + b, 0))}`);
  if (process.argv.includes('--table')) console.log(sizes.map(([f, n]) => `${f.slice(0, 2)} ${fmt(n)}`).join(', '));
}
if (process.argv.includes('--table') || failed) {
  for (const [label, files] of details) {
    console.log(`\n${label}:`);
    for (const [path, b] of files.sort((a, b) => b[1].gzip - a[1].gzip)) console.log(`  ${path}  ${fmt(b.raw)} raw, ${fmt(b.gzip)} gzip -9`);
  }
}
if (failed) {
  console.error('\nsize check failed: a page downloads more than its budget (see the table above)');
  process.exit(1);
}

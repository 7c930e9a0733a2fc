// The package and the demo page in Debian's headless Chromium (driven by
// playwright-core, never a downloaded browser), served on 127.0.0.1.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startBrowser } from './chromium.mjs';

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

/** A page on the demo, failing the test on any console error or CSP violation. */
async function openDemo() {
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP: ${e.violatedDirective}`));
  });
  await page.goto(`${base}/`);
  await page.waitForSelector('body[data-ready]');
  return { page, problems };
}

test('the shared vectors pass through the browser ESM entry', async () => {
  const { page, problems } = await openDemo();
  const failures = await page.evaluate(async () => {
    const x = await import('/pkg/index.js');
    await x.ready;
    const rows = async (name) => (await (await fetch(`/vectors/${name}`)).text())
      .split('\n').filter((l) => l && !l.startsWith('#')).slice(1).map((l) => l.split('\t'));
    const keys = (errors) => errors.map((e) => (e.position ? `${e.kind}@${e.position}` : e.kind)).sort().join(' ');
    const want = (column) => column.split(/\s+/).filter((k) => k && k !== '-').sort().join(' ');
    const failures = [];
    let checked = 0;
    for (const [code] of await rows('uscc-valid.tsv')) {
      checked++;
      if (!x.validate(code).valid || !x.isValid(code)) failures.push(`valid ${code}`);
    }
    for (const [code, errors, diagnosis] of await rows('uscc-invalid.tsv')) {
      checked++;
      const r = x.validate(code);
      if (r.valid || x.isValid(code) || keys(r.errors) !== want(errors)) failures.push(`invalid ${code}: ${keys(r.errors)}`);
      const kinds = r.diagnoses.map((d) => d.kind);
      if (diagnosis === '-' ? kinds.length : !kinds.includes(diagnosis)) failures.push(`diagnosis ${code}: ${kinds}`);
    }
    for (const [code, valid, errors] of await rows('orgcode.tsv')) {
      checked++;
      const r = x.validateOrgCode(code);
      if (r.valid !== (valid === 'yes') || keys(r.errors) !== want(errors)) failures.push(`org ${code}`);
    }
    for (const [code, valid, errors] of await rows('regno15.tsv')) {
      checked++;
      const r = x.validateRegistrationNumber(code);
      if (r.valid !== (valid === 'yes') || keys(r.errors) !== want(errors)) failures.push(`regno ${code}`);
    }
    return { failures, checked };
  });
  assert.deepEqual(failures.failures, []);
  assert.ok(failures.checked > 200, `only ${failures.checked} vectors checked`);
  assert.deepEqual(problems, []);
});

// The demo page's form, elements and gallery: tests/node/widget.test.mjs.

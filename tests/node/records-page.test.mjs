// The records page (www/records.html) in Debian's Chromium: a clerk picks a
// file of 双公示 records, sees the counts and the table, filters it, downloads
// the annotated CSV; keys one record into the form and sees a message for a
// bad USCC; hostile files (formula cells, a huge cell, 100,000 rows, a
// zip-bomb-shaped workbook) get a result or a clear error, and the page keeps
// responding. Every request the page (and its worker) makes is recorded:
// nothing but the page's own files. UPDATE_SCREENSHOT=1 writes docs/img/records.png
// (the README's picture); otherwise the screenshots go to target/.
//
// Needs the built package (pkg/web-records: scripts/build.sh).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { startBrowser } from './chromium.mjs';
import {
  AS_OF, HEADER, ENTITY, ID_NUMBER, sampleRecords, csvText, gbkCsv, xlsx, zipBombXlsx, manyRecordsCsv, penalty,
} from './records-fixtures.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
let env;
let page;
const requests = [];

before(async () => {
  env = await startBrowser();
  const context = await env.browser.newContext({ acceptDownloads: true });
  context.on('request', (r) => requests.push(r.url()));
  page = await context.newPage();
  page.on('pageerror', (e) => { throw e; });
  await page.goto(`${env.base}/records.html`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.fill('#as-of', AS_OF);
});

after(async () => { await env?.close(); });

/** Picks a file in the page and waits for the result (or the error). */
async function check(name, buffer, mimeType = 'text/csv') {
  await page.evaluate(() => { document.body.dataset.state = ''; });
  await page.setInputFiles('#file', { name, mimeType, buffer });
  await page.waitForSelector('body[data-state="done"], body[data-state="error"]', { timeout: 120_000 });
  return page.evaluate(() => document.body.dataset.state);
}

const text = (selector) => page.textContent(selector);
const counts = async () => Object.fromEntries(await Promise.all(['rows', 'valid', 'errors', 'warnings', 'overdue']
  .map(async (k) => [k, Number((await text(`#count-${k}`)).replaceAll(',', ''))])));
const shownRows = () => page.$$eval('#rows tr', (trs) => trs.map((tr) => Number(tr.dataset.row)));

async function rendered(action) {
  const before = await page.evaluate(() => document.body.dataset.rendered);
  await action();
  await page.waitForFunction((b) => document.body.dataset.rendered !== b, before);
}

test('a CSV file: counts, overdue first, filters, the annotated download', async () => {
  assert.equal(await check('处罚.csv', Buffer.from(csvText(sampleRecords()))), 'done');
  const c = await counts();
  assert.equal(c.rows, 5);
  assert.equal(c.overdue, 1, 'record 3 (decided 2026-10-09) is overdue on 2026-11-30');
  assert.ok(c.errors >= 2, `records 2 and 5 have errors: ${JSON.stringify(c)}`);
  assert.equal(c.valid + c.errors, 5);
  assert.ok(c.warnings >= 1, 'record 4: 2000 in 万元 looks like yuan');
  const order = await shownRows();
  assert.equal(order.length, 5);
  assert.equal(order[0], 3, 'the overdue record comes first');
  // The error on record 2 names its field; the ID number is masked in the table.
  const row2 = await text('#rows tr[data-row="2"]');
  assert.match(row2, /CF_XDR_SHXYM/);
  assert.ok(!(await text('#rows')).includes(ID_NUMBER), 'no full ID number on the page');

  await rendered(() => page.selectOption('#f-severity', 'error'));
  const errorRows = await shownRows();
  assert.ok(errorRows.includes(2) && errorRows.includes(5) && !errorRows.includes(1), errorRows.join());
  await rendered(() => page.selectOption('#f-severity', 'all'));
  const kinds = await page.$$eval('#f-kind option', (os) => os.map((o) => o.value).filter(Boolean));
  assert.ok(kinds.includes('amount_looks_like_yuan'), kinds.join());
  await rendered(() => page.selectOption('#f-kind', 'amount_looks_like_yuan'));
  assert.deepEqual(await shownRows(), [4]);
  await rendered(() => page.selectOption('#f-kind', ''));
  await rendered(() => page.fill('#f-text', '某某科技有限公司103'));
  assert.deepEqual(await shownRows(), [3]);
  await rendered(() => page.fill('#f-text', ''));

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
  const bytes = readFileSync(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with a BOM, for Excel');
  const content = bytes.toString('utf8').slice(1);
  assert.match(content, /\r\n/, 'CRLF line ends');
  const rows = parse(content);
  assert.deepEqual(rows[0], [...HEADER, 'valid', 'findings', 'publication_due', 'publication_status', 'working_days_late']);
  assert.equal(rows.length, 6);
  const col = (name) => rows[0].indexOf(name);
  assert.equal(rows[1][col('valid')], 'true');
  assert.equal(rows[2][col('valid')], 'false');
  assert.match(rows[2][col('findings')], /CF_XDR_SHXYM/);
  assert.equal(rows[3][col('publication_status')], 'overdue');
  assert.ok(Number(rows[3][col('working_days_late')]) > 0);
  assert.equal(rows[1][col('publication_status')], 'due');
  // Masked ID numbers, and the formula cell written as text.
  assert.ok(!content.includes(ID_NUMBER), 'the download has no full ID number');
  assert.match(rows[1][col('CF_FR_ZJHM')], /^110105\*+002X$/);
  assert.equal(rows[5][col('CF_NR')], `'=HYPERLINK("http://evil.example","x")`);
});

test('an XLSX made by exceljs, with formula cells, and a GBK CSV', async () => {
  const workbook = await xlsx(sampleRecords(), { formulas: { CF_NR_FK: '0.25*2' } });
  assert.equal(await check('处罚.xlsx', workbook, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'), 'done');
  assert.equal((await counts()).rows, 5);
  assert.match(await text('#status'), /XLSX/);
  assert.equal(await check('处罚-gbk.csv', gbkCsv(sampleRecords())), 'done');
  assert.equal((await counts()).rows, 5);
  assert.match(await text('#status'), /gbk/);
  assert.match(await text('#rows'), /福州某某科技有限公司101/, 'GBK decoded');
});

test('the form: a message under the USCC field as a bad code is typed', async () => {
  await page.click('#tab-form');
  try {
    await keyOneRecord();
  } finally {
    await page.click('#tab-file');
  }
});

async function keyOneRecord() {
  await page.waitForSelector('#f-CF_XDR_SHXYM');
  await page.fill('#f-CF_XDR_SHXYM', ENTITY);
  await page.waitForFunction(() => Number(document.getElementById('record-form').dataset.checked) > 0);
  assert.equal((await text('#m-CF_XDR_SHXYM')).trim(), '', 'a valid code: no message');
  await page.fill('#f-CF_XDR_SHXYM', '91350100M000100Y4A');
  await page.waitForFunction(() => document.getElementById('m-CF_XDR_SHXYM').textContent.trim() !== '');
  assert.match(await text('#m-CF_XDR_SHXYM'), /校验|check/);
  assert.equal(await page.getAttribute('#f-CF_XDR_SHXYM', 'aria-invalid'), 'true');
  // Messages in the chosen language.
  await page.selectOption('#lang', 'en');
  await page.waitForFunction(() => /[a-z]/.test(document.getElementById('m-CF_XDR_SHXYM').textContent));
  await page.selectOption('#lang', 'zh-Hans');
  // The licence form: its own fields (XK_*), and the same message for a bad USCC there.
  await page.selectOption('#form-kind', 'licence');
  await page.waitForSelector('#f-XK_XKLB');
  assert.equal(await page.$('#f-CF_WSH'), null);
  await page.fill('#f-XK_XDR_SHXYM', '91350100M000100Y4A');
  await page.waitForFunction(() => document.getElementById('m-XK_XDR_SHXYM').textContent.trim() !== '');
  await page.selectOption('#form-kind', 'penalty');
  await page.waitForSelector('#f-CF_WSH');
}

test('hostile files: a huge cell, a zip bomb shaped as a workbook, a .xls', async () => {
  const huge = csvText([penalty(1, '2026-11-25', { CF_SY: '长'.repeat(3_000_000) })]);
  const state = await check('huge.csv', Buffer.from(huge));
  // Either the record is checked (a length finding) or the file is refused with a reason.
  if (state === 'done') assert.match(await text('#rows'), /CF_SY/);
  else assert.match(await text('#status'), /.{8,}/);

  assert.equal(await check('bomb.xlsx', zipBombXlsx(), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'), 'error');
  assert.match(await text('#status'), /无法读取该文件：.+/);
  assert.ok((await page.isHidden('#results')), 'no table for a refused file');
  assert.equal(await check('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])), 'error');
  assert.match(await text('#status'), /xlsx|CSV/i);
});

test('100,000 rows: checked in the worker while the page keeps responding', async () => {
  // Count animation frames and progress updates while the file is checked.
  await page.evaluate(() => {
    window.frames_ = 0;
    window.progress_ = new Set();
    const tick = () => { window.frames_++; requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
    new MutationObserver(() => window.progress_.add(document.body.dataset.progress))
      .observe(document.body, { attributes: true, attributeFilter: ['data-progress'] });
  });
  const framesBefore = await page.evaluate(() => window.frames_);
  assert.equal(await check('many.csv', manyRecordsCsv(100_000)), 'done');
  const c = await counts();
  assert.equal(c.rows, 100_000);
  assert.equal(c.errors, 10_000, 'every 10th has a wrong check character');
  assert.equal(c.overdue, 14_285, 'every 7th is overdue');
  const { frames, progress } = await page.evaluate(() => ({ frames: window.frames_, progress: [...window.progress_] }));
  assert.ok(progress.length >= 3, `progress shown while checking: ${progress.join()}`);
  assert.ok(frames - framesBefore >= 3, 'animation frames kept coming while the worker checked');
  // The page shows one page of the table at a time, overdue first.
  assert.equal((await shownRows()).length, 200);
  await rendered(() => page.click('#more'));
  assert.equal((await shownRows()).length, 400);
});

test('on a phone (375 px) nothing overflows; the screenshot of the README (UPDATE_SCREENSHOT=1: docs/img/records.png)', async () => {
  assert.equal(await check('处罚.csv', Buffer.from(csvText(sampleRecords()))), 'done');
  await page.setViewportSize({ width: 375, height: 800 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0, 'no horizontal scrolling at 375 px');
  // Each record is a card: the table header is hidden and the rows stack.
  assert.equal(await page.isHidden('#table thead'), true);
  mkdirSync(`${root}target`, { recursive: true });
  mkdirSync(`${root}docs/img`, { recursive: true });
  await page.screenshot({ path: `${root}target/records-375.png`, fullPage: true });
  await page.setViewportSize({ width: 1100, height: 800 });
  await page.evaluate(() => document.activeElement?.blur());
  const path = process.env.UPDATE_SCREENSHOT ? `${root}docs/img/records.png` : `${root}target/records.png`;
  await page.screenshot({ path, fullPage: true });
});

test('nothing but the page\'s own files was requested', () => {
  const own = new URL(env.base).origin;
  const foreign = requests.filter((u) => !u.startsWith(`${own}/`) && !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual(foreign, []);
  const paths = requests.filter((u) => u.startsWith(own)).map((u) => new URL(u).pathname);
  assert.ok(paths.includes('/pkg/web-records/xinyong_bg.wasm'), paths.join('\n'));
  for (const p of paths) assert.match(p, /^\/(records\.(html|js|css)|records-worker\.js|style\.css|pkg\/.*)$/, p);
});

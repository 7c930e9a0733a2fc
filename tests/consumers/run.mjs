#!/usr/bin/env node
// The consumer matrix (issue 14): the package as a user meets it. pkg/ is packed
// once with `npm pack`; each fixture app under tests/consumers/<row>/ is copied
// to a fresh temporary directory (outside this repository, so that Node's
// module resolution cannot fall back to the workspace's node_modules), installed
// with `npm ci` from its own lockfile and then `npm install --no-save <tarball>`
// (so the committed lockfile stays valid whatever the tarball's hash), built
// and/or served on 127.0.0.1, and driven in Debian's headless Chromium.
//
//   node tests/consumers/run.mjs               every row, one after another
//   node tests/consumers/run.mjs vue3 react19  a subset
//
// One npm cache is shared by every row (npm's default, or npm_config_cache) and
// used with --prefer-offline. XINYONG_CONSUMERS_KEEP=1 keeps the temporary copies.
// Prints one line per row (`ok` or `FAIL` with the reasons and the row's time),
// then `consumers: N passed, M failed`; exits 1 when any row failed.
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import sirv from 'sirv';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');

/** What a user types (full-width digits, lower case): the field must keep it as is. */
const TYPED = '９１３５０１００m000100y43';
/** What the form must submit for it (hand-normalized). */
const SUBMITTED = 'code=91350100M000100Y43';
/** A code whose check character is wrong (position 18 should be 3). */
const INVALID = '91350100M000100Y4A';
/** What the vanilla pages show from the JS API after `ready` (see their main.js). */
const API_TEXT = 'valid=true position=18';

const INSTALL_TIMEOUT = 300_000;
const BUILD_TIMEOUT = 180_000;
const SERVER_TIMEOUT = 60_000;
const STEP_TIMEOUT = 15_000;

/**
 * The rows. `stages` run in order; a stage is a build (a command that must
 * exit 0), a server (a command serving the app on a port, then the browser
 * checks), a static server (this process serves `dir`, then the browser
 * checks) or a Node script; `after` skips a stage when the named one failed. `page` says what the app shows: `api` (the
 * validate() result in #api), `status` (#status re-rendered by the
 * xinyong-validate handler), `typed` (#typed bound by v-model), and how the
 * form submits: `get` (a navigation to ?code=…) or `handler` (#submitted).
 */
const vite = { dev: ['npm', 'run', 'dev', '--'], build: ['npm', 'run', 'build'], preview: ['npm', 'run', 'preview', '--'] };
// Which build of the package a stage must have used: `file` (the .wasm fetched as a file the
// bundler copied: production builds of Vite and webpack, and the package served as is) or
// `inline` (the bytes in JavaScript: dev servers, esbuild, Rollup). Checked from the requests.
const vanilla = { api: true, submit: 'get' };
const framework = { status: true, submit: 'handler' };
const ROWS = {
  'vite7-vanilla': { page: vanilla, stages: [
    { name: 'dev', server: vite.dev, wasm: 'inline' }, { name: 'build', build: vite.build }, { name: 'preview', server: vite.preview, after: 'build', wasm: 'file' }] },
  'vite6-vanilla': { page: vanilla, stages: [
    { name: 'build', build: vite.build }, { name: 'preview', server: vite.preview, after: 'build', wasm: 'file' }, { name: 'dev', server: vite.dev, wasm: 'inline' }] },
  'vite8-vanilla': { page: vanilla, stages: [
    { name: 'build', build: vite.build }, { name: 'preview', server: vite.preview, after: 'build', wasm: 'file' }, { name: 'dev', server: vite.dev, wasm: 'inline' }] },
  webpack5: { page: vanilla, stages: [
    { name: 'build', build: ['npm', 'run', 'build'] }, { name: 'static', static: '.', after: 'build', wasm: 'file' }] },
  // esbuild and Rollup do not copy files named with new URL(…, import.meta.url): they get the inline copy (export condition `default`).
  esbuild: { page: vanilla, stages: [
    { name: 'build', build: ['npm', 'run', 'build'] }, { name: 'static', static: '.', after: 'build', wasm: 'inline' }] },
  rollup: { page: vanilla, stages: [
    { name: 'build', build: ['npm', 'run', 'build'] }, { name: 'static', static: '.', after: 'build', wasm: 'inline' }] },
  vue3: { page: { ...framework, typed: true }, stages: [
    { name: 'dev', server: vite.dev, wasm: 'inline' }, { name: 'build', build: vite.build }, { name: 'preview', server: vite.preview, after: 'build', wasm: 'file' }] },
  react19: { page: framework, stages: [
    { name: 'dev', server: vite.dev, wasm: 'inline' }, { name: 'build', build: vite.build }, { name: 'preview', server: vite.preview, after: 'build', wasm: 'file' }] },
  'element-plus': { page: { formRules: true }, stages: [
    { name: 'dev', server: vite.dev, wasm: 'inline' }, { name: 'build', build: vite.build }, { name: 'preview', server: vite.preview, after: 'build', wasm: 'file' }] },
  classic: { page: vanilla, stages: [{ name: 'static', static: '.', wasm: 'file' }] },
  node: { stages: [
    { name: 'require', node: 'require.cjs', expect: 'require: valid' },
    { name: 'import', node: 'import.mjs', expect: 'import: valid' }] },
};

// ---------------------------------------------------------------- processes

/** Process groups still running (killed on exit, whatever happens). */
const live = new Set();
/** The temporary copies, removed on exit (unless XINYONG_CONSUMERS_KEEP=1). */
let work;
process.on('exit', () => {
  for (const pid of live) killGroup(pid, 'SIGKILL');
  if (work && process.env.XINYONG_CONSUMERS_KEEP !== '1') rmSync(work, { recursive: true, force: true });
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

function killGroup(pid, signal) {
  try { process.kill(-pid, signal); } catch { /* already gone */ }
}

/** The environment for npm and the tools: ours, without what an enclosing `npm test` set for its own package. */
function childEnv() {
  const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', CI: process.env.CI ?? '1' };
  for (const key of Object.keys(env)) {
    if (/^npm_(package|lifecycle)_|^npm_config_local_prefix$|^INIT_CWD$/i.test(key)) delete env[key];
  }
  return env;
}

/**
 * Starts `cmd` in its own process group (so that a dev server and everything it
 * spawned stop together). Returns { child, output(), exited }.
 */
function start(cmd, cwd) {
  const child = spawn(cmd[0], cmd.slice(1), { cwd, env: childEnv(), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child.pid);
  let text = '';
  child.stdout.on('data', (d) => { text += d; });
  child.stderr.on('data', (d) => { text += d; });
  const exited = new Promise((res) => child.on('close', (code, signal) => { live.delete(child.pid); res({ code, signal }); }));
  child.on('error', (e) => { text += `\n${e.message}`; });
  return { child, output: () => text, exited };
}

/** Stops a started process group: SIGTERM, then SIGKILL after 5 s. */
async function stop(proc) {
  if (!live.has(proc.child.pid)) return;
  killGroup(proc.child.pid, 'SIGTERM');
  const timer = setTimeout(() => killGroup(proc.child.pid, 'SIGKILL'), 5000);
  await proc.exited;
  clearTimeout(timer);
  killGroup(proc.child.pid, 'SIGKILL'); // stragglers that ignored SIGTERM
}

function timeout(ms, what) {
  let timer;
  const promise = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what}: no result after ${ms / 1000} s`)), ms); });
  promise.cancel = () => clearTimeout(timer);
  return promise;
}

/** The lines of a tool's output that say what went wrong (or its last lines). */
function gist(text, lines = 4) {
  const all = text.split('\n').map((l) => l.replace(/\x1b\[[0-9;]*m/g, '').trimEnd()).filter(Boolean);
  const first = all.findIndex((l) => /error|Error|ERR!|failed|✘/.test(l));
  const picked = first >= 0 ? all.slice(first, first + lines) : all.slice(-lines);
  return picked.join(' | ').slice(0, 600);
}

/** Runs `cmd` to completion; throws with the gist of its output unless it exits 0. */
async function run(cmd, cwd, limit) {
  const proc = start(cmd, cwd);
  const timer = timeout(limit, cmd.join(' '));
  try {
    const { code, signal } = await Promise.race([proc.exited, timer]);
    if (code !== 0) throw new Error(`\`${cmd.join(' ')}\` exited with ${code ?? signal}: ${gist(proc.output())}`);
    return proc.output();
  } finally {
    timer.cancel();
    await stop(proc);
  }
}

/** A port free on 127.0.0.1 right now. */
function freePort() {
  return new Promise((res, rej) => {
    const server = net.createServer();
    server.once('error', rej);
    server.listen(0, '127.0.0.1', () => { const { port } = server.address(); server.close(() => res(port)); });
  });
}

/** Waits until `url` answers (any HTTP status), or the server process exits, or the time is up. */
async function waitForServer(url, proc) {
  const deadline = Date.now() + SERVER_TIMEOUT;
  let exited = null;
  proc.exited.then((e) => { exited = e; });
  while (Date.now() < deadline) {
    if (exited) throw new Error(`server exited with ${exited.code ?? exited.signal} before serving: ${gist(proc.output())}`);
    const status = await new Promise((res) => {
      const req = http.get(url, (r) => { r.resume(); res(r.statusCode); });
      req.setTimeout(2000, () => req.destroy());
      req.on('error', () => res(0));
    });
    if (status) return; // listening: what it serves is the browser checks' business
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not answer at ${url} within ${SERVER_TIMEOUT / 1000} s: ${gist(proc.output())}`);
}

/** Serves `dir` on 127.0.0.1 (query strings ignored, as a static host does). */
async function staticServer(dir) {
  const serveDir = sirv(dir, { dev: true, dotfiles: false });
  const server = http.createServer((req, res) => serveDir(req, res, () => { res.statusCode = 404; res.end('not found'); }));
  await new Promise((res) => server.listen(0, '127.0.0.1', res));
  return server;
}

// ---------------------------------------------------------------- browser

/**
 * Drives one served app: the field keeps what was typed, the form submits the
 * normalized code, an invalid code shows its message, and no console error,
 * page error or CSP violation happens. Returns the problems found.
 */
async function drive(browser, url, page, wasm) {
  if (page.formRules) return driveFormRules(browser, url);
  const context = await browser.newContext();
  const tab = await context.newPage();
  tab.setDefaultTimeout(STEP_TIMEOUT);
  const problems = [];
  let firstProblem;
  const failed = new Promise((_, reject) => { firstProblem = reject; });
  failed.catch(() => {});
  const report = (text) => { problems.push(text); firstProblem(new Error(text)); };
  const warnings = [];
  tab.on('console', (m) => {
    if (m.type() === 'error') report(`console error: ${m.text()}`);
    else if (m.type() === 'warning') warnings.push(m.text().split('\n')[0]);
  });
  tab.on('pageerror', (e) => report(`page error: ${e.message}`));
  tab.on('response', (r) => r.status() >= 400 && report(`HTTP ${r.status()} for ${r.url().replace(url, '/')}`));
  let wasmFiles = 0;
  tab.on('request', (r) => { if (new URL(r.url()).pathname.endsWith('.wasm')) wasmFiles++; });
  tab.on('dialog', (d) => { report(`dialog: ${d.message()}`); d.dismiss().catch(() => {}); });
  await tab.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  // Every wait also ends at the first console or page error: it says more than the timeout would.
  const step = (promise) => Promise.race([promise, failed]);
  const input = tab.locator('xinyong-code-input [part=input]');
  const element = tab.locator('xinyong-code-input');
  const text = (selector) => tab.locator(selector).textContent();
  const waitText = (selector, wanted) => tab.waitForFunction(
    ([s, w]) => document.querySelector(s)?.textContent === w, [selector, wanted], { timeout: STEP_TIMEOUT });
  try {
    await step(tab.goto(url));
    await step(input.waitFor().catch(() => {
      throw new Error(`<xinyong-code-input> never rendered its input (no [part=input] after ${STEP_TIMEOUT / 1000} s)`);
    }));
    if (page.api) {
      await step(waitText('#api', API_TEXT).catch(async () => {
        throw new Error(`#api shows "${await text('#api')}", not "${API_TEXT}" (validate() after ready)`);
      }));
    }
    await step(input.pressSequentially(TYPED));
    await step(tab.locator('xinyong-code-input [part=message][data-state=valid]').waitFor().catch(async () => {
      throw new Error(`after typing "${TYPED}", [part=message] is not data-state=valid: it shows "${
        await text('xinyong-code-input [part=message]')}" and the field holds "${await input.inputValue()}"`);
    }));
    if (page.status) {
      await step(waitText('#status', 'valid').catch(async () => {
        throw new Error(`the xinyong-validate handler did not render "valid" (#status is "${await text('#status')}")`);
      }));
    }
    if (page.typed) {
      await step(waitText('#typed', TYPED).catch(async () => {
        throw new Error(`v-model holds "${await text('#typed')}", not what was typed`);
      }));
    }
    // Region names: the typed code's province blob (web/divisions/35.bin through
    // web/divisions.mjs; the whole table on pages that await `ready`), which the
    // bundler must have copied and located, as it does the wasm.
    await step(tab.waitForFunction(
      () => document.querySelector('xinyong-code-input')?.shadowRoot?.querySelector('[part=region]')?.textContent === '福建省福州市',
      null, { timeout: STEP_TIMEOUT },
    ).catch(() => { throw new Error('no region (福建省福州市) next to the valid code: the division blob did not load'); }));
    const inner = await step(input.inputValue());
    const value = await step(element.evaluate((el) => el.value));
    if (inner !== TYPED || value !== TYPED) {
      throw new Error(`typed "${TYPED}": the field shows "${inner}" and the element's value is "${value}"`);
    }
    await step(tab.locator('form button[type=submit]').click());
    if (page.submit === 'get') {
      await step(tab.waitForURL((u) => u.search !== '', { timeout: STEP_TIMEOUT }).catch(() => {
        throw new Error(`submitting did not navigate (still at ${tab.url()})`);
      }));
      const query = new URL(tab.url()).search.slice(1);
      if (query !== SUBMITTED) throw new Error(`the form submitted "${query}", not "${SUBMITTED}"`);
    } else {
      await step(tab.waitForFunction(() => document.querySelector('#submitted')?.textContent !== '', null, { timeout: STEP_TIMEOUT })
        .catch(() => { throw new Error('the submit handler never ran (#submitted stays empty)'); }));
      const query = await text('#submitted');
      if (query !== SUBMITTED) throw new Error(`the form submitted "${query}", not "${SUBMITTED}"`);
    }
    if (wasm === 'file' && wasmFiles === 0) throw new Error('no .wasm file was fetched: the page used the inline bytes (a third larger) where the bundler copies the file');
    if (wasm === 'inline' && wasmFiles > 0) throw new Error(`${wasmFiles} .wasm request(s) where the inline bytes were expected`);
    // An invalid code, on a fresh load.
    await step(tab.goto(url));
    await step(input.pressSequentially(INVALID));
    const message = tab.locator('xinyong-code-input [part=message][data-state=invalid]');
    await step(message.waitFor().catch(async () => {
      throw new Error(`after typing ${INVALID}, [part=message] is not data-state=invalid (it shows "${await text('xinyong-code-input [part=message]')}")`);
    }));
    const shown = (await message.textContent()).trim();
    if (!/18/.test(shown)) throw new Error(`the message for ${INVALID} does not name position 18: "${shown}"`);
  } catch (e) {
    const first = e.message.split('\n')[0];
    if (!problems.includes(first)) {
      // A timeout says little on its own: the page's warnings (the elements warn when the wasm fails to load) say why.
      problems.push(warnings.length ? `${first}; console warnings: ${warnings.slice(-2).join(' / ')}` : first);
    }
  } finally {
    await context.close();
  }
  return problems;
}

/**
 * Drives the Element Plus app: an el-input checked by `uscc.rule()` on submit.
 * An invalid code shows the rule's message (naming position 18) under the
 * field and blocks the form; the full-width, lower-case code passes.
 */
async function driveFormRules(browser, url) {
  const context = await browser.newContext();
  const tab = await context.newPage();
  tab.setDefaultTimeout(STEP_TIMEOUT);
  const problems = [];
  tab.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
  tab.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  tab.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()} for ${r.url().replace(url, '/')}`));
  const input = tab.locator('.el-input__inner');
  const submitted = (wanted) => tab.waitForFunction((w) => document.querySelector('#submitted')?.textContent === w, wanted);
  try {
    await tab.goto(url);
    await input.waitFor();
    await input.pressSequentially(INVALID);
    await tab.locator('button[type=submit]').click();
    await submitted('invalid').catch(() => { throw new Error('submitting an invalid code did not fail the form'); });
    const error = (await tab.locator('.el-form-item__error').textContent()).trim();
    if (!/18/.test(error)) throw new Error(`the rule's message for ${INVALID} does not name position 18: "${error}"`);
    await input.fill('');
    await input.pressSequentially(TYPED);
    await tab.locator('button[type=submit]').click();
    await submitted('valid').catch(async () => {
      throw new Error(`"${TYPED}" did not pass the rule (#submitted "${await tab.locator('#submitted').textContent()}", error "${
        await tab.locator('.el-form-item__error').textContent().catch(() => '')}")`);
    });
    // (The message leaves with a transition.)
    await tab.locator('.el-form-item__error').waitFor({ state: 'detached' }).catch(() => {
      throw new Error('an error message stays under the valid code');
    });
  } catch (e) {
    problems.push(e.message.split('\n')[0]);
  } finally {
    await context.close();
  }
  return problems;
}

// ---------------------------------------------------------------- rows

/** Installs the fixture's locked dependencies, then the package from the tarball. */
async function install(dir, tarball) {
  await run(['npm', 'ci', '--prefer-offline', '--no-audit', '--no-fund'], dir, INSTALL_TIMEOUT);
  await run(['npm', 'install', '--no-save', '--prefer-offline', '--no-audit', '--no-fund', tarball], dir, INSTALL_TIMEOUT);
  const installed = join(dir, 'node_modules/xinyong');
  if (lstatSync(installed).isSymbolicLink()) throw new Error('node_modules/xinyong is a link, not the installed tarball');
  JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
}

async function runStage(stage, dir, row, browser) {
  if (stage.build) {
    await run(stage.build, dir, BUILD_TIMEOUT);
    return [];
  }
  if (stage.node) {
    const out = await run(['node', stage.node], dir, BUILD_TIMEOUT);
    if (!out.includes(stage.expect)) throw new Error(`\`node ${stage.node}\` printed ${JSON.stringify(out.trim())}`);
    return [];
  }
  if (stage.static) {
    const server = await staticServer(join(dir, stage.static));
    try {
      return await drive(browser, `http://127.0.0.1:${server.address().port}/`, row.page, stage.wasm);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  }
  const port = await freePort();
  const proc = start([...stage.server, '--host', '127.0.0.1', '--port', String(port), '--strictPort'], dir);
  try {
    const url = `http://127.0.0.1:${port}/`;
    await waitForServer(url, proc);
    return await drive(browser, url, row.page, stage.wasm);
  } finally {
    await stop(proc);
  }
}

async function runRow(name, row, tarball, work, browser) {
  const dir = join(work, name);
  cpSync(join(here, name), dir, { recursive: true, filter: (src) => !/[/\\](node_modules|dist)$/.test(src) });
  const failures = [];
  const done = [];
  try {
    await install(dir, tarball);
  } catch (e) {
    return { failures: [`install: ${e.message}`], done };
  }
  for (const stage of row.stages) {
    let problems;
    if (stage.after && failures.some((f) => f.startsWith(`${stage.after}:`))) {
      failures.push(`${stage.name}: skipped (${stage.after} failed)`);
      continue;
    }
    try {
      problems = await runStage(stage, dir, row, browser);
    } catch (e) {
      problems = [e.message];
    }
    done.push(stage.name);
    for (const p of problems) failures.push(`${stage.name}: ${p}`);
  }
  return { failures, done };
}

async function main() {
  const wanted = process.argv.slice(2);
  for (const name of wanted) {
    if (!ROWS[name]) { console.error(`consumers: no row "${name}" (rows: ${Object.keys(ROWS).join(', ')})`); process.exit(2); }
  }
  const names = wanted.length ? wanted : Object.keys(ROWS);
  const started = Date.now();

  const packDir = join(root, 'target/consumers');
  mkdirSync(packDir, { recursive: true });
  let packed;
  try {
    packed = JSON.parse(execFileSync('npm', ['pack', './pkg', '--pack-destination', packDir, '--json'], {
      cwd: root, env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'],
    }).toString());
  } catch (e) {
    console.log(`consumers: \`npm pack ./pkg\` failed (build pkg/ first): ${gist(`${e.stderr ?? ''}${e.stdout ?? ''}`)}`);
    console.log(`consumers: 0 passed, ${names.length} failed`);
    process.exit(1);
  }
  const tarball = join(packDir, packed[0].filename);
  console.log(`consumers: packed ${packed[0].filename} (${(packed[0].size / 1024).toFixed(0)} KiB); rows: ${names.join(', ')}`);

  work = mkdtempSync(join(tmpdir(), 'xinyong-consumers-'));
  const needsBrowser = names.some((n) => ROWS[n].page);
  const browser = needsBrowser ? await chromium.launch({
    executablePath: execFileSync('sh', ['-c', 'command -v chromium']).toString().trim(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  }) : null;

  let passed = 0;
  let failed = 0;
  try {
    for (const name of names) {
      const t0 = Date.now();
      const { failures, done } = await runRow(name, ROWS[name], tarball, work, browser);
      const time = `${((Date.now() - t0) / 1000).toFixed(1)} s`;
      if (failures.length === 0) {
        passed++;
        console.log(`ok   ${name} (${done.join(', ')}) ${time}`);
      } else {
        failed++;
        console.log(`FAIL ${name} ${time}`);
        for (const f of failures) console.log(`     ${f}`);
      }
    }
  } finally {
    await browser?.close();
    if (process.env.XINYONG_CONSUMERS_KEEP === '1') console.log(`consumers: kept ${work}`);
  }
  console.log(`consumers: total ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`consumers: ${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

await main();

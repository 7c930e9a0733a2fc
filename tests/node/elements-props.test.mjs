// The custom elements as frameworks drive them (issue 14, items 1 and 2):
// properties that reflect to attributes (React 19 and Vue 3 set a property
// whenever `name in element`), read-only properties that ignore assignment,
// one `input` event from the host per edit, no `input` on a programmatic set,
// a value written back during `xinyong-validate` that never loses a keystroke,
// `change` on commit, and form submission with `name` set as a property.
// Debian's headless Chromium (playwright-core), pages served on 127.0.0.1.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { startBrowser } from './chromium.mjs';

const require = createRequire(import.meta.url);
let session;

before(async () => {
  session = await startBrowser();
});

after(async () => {
  await session?.close();
});

const CODE = '91350100M000100Y43';
// What a user types: full-width digits and lower case; the element normalizes it.
const TYPED = '９１３５０１００m000100y43';

/**
 * Opens `path` with `body` after an import of /pkg/define.mjs (unless `define`
 * is false), failing on console errors and uncaught exceptions.
 */
async function open(path, body, { define = true } = {}) {
  const context = await session.browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  const url = session.addPage(path, `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">
    ${define ? `<script type="module">import '/pkg/define.mjs'; document.body.dataset.defined = '';</script>` : ''}
    <body>${body}</body>`);
  await page.goto(url);
  if (define) await page.waitForSelector('body[data-defined]', { state: 'attached' });
  return { page, problems, context };
}

/**
 * Waits until the code input `selector` has its shadow DOM and has validated
 * once (the wasm is there: without a fallback <input>, the shadow DOM is shown before).
 */
const mounted = (page, selector = '#code') => page.waitForSelector(`${selector}[data-state] [part=input]`);

test('every code-input property reflects to its attribute (set before and after connecting)', async () => {
  const { page, problems, context } = await open('/props-reflect.html', '<form id="f"></form>');
  const rows = await page.evaluate(`(${reflectRows.toString()})(${JSON.stringify(CODE)})`);
  for (const row of rows) {
    assert.deepEqual(row, { ...row, inElement: true, set: true, read: true, removed: true, fromAttribute: true },
      `${row.prop} (${row.connected ? 'connected' : 'not connected'})`);
  }
  assert.equal(rows.length, 20);
  assert.deepEqual(problems, []);
  await context.close();
});

/** Runs in the page: sets each property, reads the attribute back, unsets it. */
function reflectRows(code) {
  const props = [
    // [property, attribute, a value, what getAttribute gives for it]
    ['name', 'name', 'code', 'code'],
    ['label', 'label', '统一社会信用代码', '统一社会信用代码'],
    ['placeholder', 'placeholder', '18 位代码', '18 位代码'],
    ['defaultValue', 'value', code, code],
    ['form', 'form', 'f', 'f'],
    ['lang', 'lang', 'en', 'en'],
    ['required', 'required', true, ''],
    ['disabled', 'disabled', true, ''],
    ['readOnly', 'readonly', true, ''],
    ['acceptPilotCodes', 'accept-pilot-codes', true, ''],
  ];
  const rows = [];
  for (const connected of [false, true]) {
    const el = document.createElement('xinyong-code-input');
    if (connected) document.getElementById('f').after(el);
    for (const [prop, attr, value, attrValue] of props) {
      const row = { connected, prop, inElement: prop in el };
      el[prop] = value;
      row.set = el.getAttribute(attr) === attrValue;
      // `form` reads back the form owner; `lang` is HTMLElement's own.
      row.read = prop === 'form' ? el.form === (connected ? document.getElementById('f') : null) : el[prop] === value;
      // What React 19 assigns when a prop goes away, and Vue for a boolean `false`.
      el[prop] = typeof value === 'boolean' ? false : null;
      row.removed = !el.hasAttribute(attr);
      el[prop] = value;
      el.removeAttribute(attr);
      row.fromAttribute = prop === 'form' ? el.form === null : el[prop] === (typeof value === 'boolean' ? false : '');
      rows.push(row);
    }
    el.remove();
  }
  return rows;
}

test('the reflected attributes take effect after mounting (placeholder, label, lang, required, pilot codes, readonly, disabled)', async () => {
  const { page, problems, context } = await open('/props-effect.html',
    '<form id="f"><xinyong-code-input id="code" name="code" placeholder="old"></xinyong-code-input></form>');
  await mounted(page);
  const inner = (prop) => page.evaluate((p) => document.getElementById('code').shadowRoot.getElementById('input')[p], prop);
  const el = (fn, arg) => page.evaluate(`(${fn})(document.getElementById('code'), ${JSON.stringify(arg)})`);
  assert.equal(await inner('placeholder'), 'old');
  await el((c) => { c.placeholder = '请输入'; });
  assert.equal(await inner('placeholder'), '请输入');
  await el((c) => { c.placeholder = null; });
  assert.equal(await page.evaluate(() => document.getElementById('code').shadowRoot.getElementById('input').hasAttribute('placeholder')), false);

  await el((c) => { c.label = 'Company code'; });
  assert.equal(await page.getAttribute('#code [part=input]', 'aria-label'), 'Company code');

  await el((c) => { c.required = true; });
  assert.deepEqual(await el((c) => [c.validity.valueMissing, c.matches(':invalid')]), [true, true]);
  await el((c) => { c.required = false; });
  assert.deepEqual(await el((c) => [c.validity.valueMissing, c.matches(':valid')]), [false, true]);

  // A pilot-scheme code: rejected unless accept-pilot-codes.
  await el((c) => { c.lang = 'en'; c.value = '91350211M0000XUF46'; });
  assert.match(await page.textContent('#code [part=message]'), /^Invalid code: /);
  await el((c) => { c.acceptPilotCodes = true; });
  assert.match(await page.textContent('#code [part=message]'), /^Valid code: 91350211M0000XUF46/);
  await el((c) => { c.acceptPilotCodes = false; });
  assert.match(await page.textContent('#code [part=message]'), /^Invalid code: /);

  await el((c) => { c.readOnly = true; });
  assert.equal(await inner('readOnly'), true);
  await el((c) => { c.readOnly = false; });
  assert.equal(await inner('readOnly'), false);

  await el((c, code) => { c.value = code; c.disabled = true; }, CODE);
  assert.equal(await inner('disabled'), true);
  assert.deepEqual(await page.evaluate(() => [...new FormData(document.getElementById('f')).keys()]), []);
  await el((c) => { c.disabled = false; });
  assert.equal(await inner('disabled'), false);
  assert.deepEqual(await page.evaluate(() => new FormData(document.getElementById('f')).getAll('code')), [CODE]);
  assert.deepEqual(problems, []);
  await context.close();
});

test('every credit-status property reflects to its attribute', async () => {
  const { page, problems, context } = await open('/props-status.html', '');
  const rows = await page.evaluate(() => {
    const rows = [];
    const el = document.createElement('xinyong-credit-status');
    for (const [prop, attr, value] of [['src', 'src', '/data/entities/x.json'], ['code', 'code', '91350100M000100Y43'],
      ['asOf', 'as-of', '2026-11-26'], ['lang', 'lang', 'en']]) {
      const row = { prop, inElement: prop in el };
      el[prop] = value;
      row.set = el.getAttribute(attr) === value && el[prop] === value;
      el[prop] = null;
      row.removed = !el.hasAttribute(attr);
      rows.push(row);
    }
    return { rows, asOfDefault: el.asOf };
  });
  for (const row of rows.rows) assert.deepEqual(row, { prop: row.prop, inElement: true, set: true, removed: true });
  // With no as-of attribute, asOf is today in Asia/Shanghai (UTC+8, no daylight saving).
  assert.equal(rows.asOfDefault, new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10));

  // A card driven by properties only, as React and Vue set them.
  await page.evaluate(() => {
    const card = document.createElement('xinyong-credit-status');
    card.id = 'card';
    card.asOf = '2026-11-26';
    card.lang = 'en';
    card.src = '/data/entities/91350200MA31F7KX1J.json';
    document.body.append(card);
  });
  await page.waitForSelector('#card[data-verdict=restricted]');
  assert.equal(await page.textContent('#card [part~=verdict-label]'), 'Restricted: joint punishment in force');
  assert.deepEqual(problems, []);
  await context.close();
});

test('assigning a read-only property is ignored, not a TypeError (strict mode, as in a framework)', async () => {
  const { page, problems, context } = await open('/props-readonly.html',
    '<form id="f"><xinyong-code-input id="code" name="code" value="91350100M000100Y43"></xinyong-code-input></form>'
    + '<xinyong-credit-status id="card" as-of="2026-11-26" src="/data/entities/91350200MA31F7KX1J.json"></xinyong-credit-status>');
  await mounted(page);
  await page.waitForSelector('#card[data-verdict]');
  const got = await page.evaluate(() => {
    'use strict';
    const assign = (el, prop, value) => {
      try {
        el[prop] = value;
        return 'ok';
      } catch (e) {
        return `${e.name}: ${e.message}`;
      }
    };
    const code = document.getElementById('code');
    const card = document.getElementById('card');
    // The control: a getter-only property throws in strict code (what crashed React 19 apps).
    const control = assign(Object.defineProperty({}, 'x', { get: () => 1 }), 'x', 2);
    const results = {};
    for (const prop of ['result', 'normalized', 'type', 'labels', 'validity', 'validationMessage', 'willValidate']) {
      results[prop] = assign(code, prop, { bogus: true });
    }
    results.report = assign(card, 'report', { bogus: true });
    return {
      control: control.startsWith('TypeError'),
      results,
      // The getters still give the element's own values.
      after: [code.result?.normalized, code.normalized, code.type, code.labels instanceof NodeList,
        code.validity instanceof ValidityState, code.validationMessage, code.willValidate, card.report?.verdict],
    };
  });
  assert.equal(got.control, true);
  assert.deepEqual(got.results, { result: 'ok', normalized: 'ok', type: 'ok', labels: 'ok', validity: 'ok',
    validationMessage: 'ok', willValidate: 'ok', report: 'ok' });
  assert.deepEqual(got.after, [CODE, CODE, 'xinyong-code-input', true, true, '', true, 'restricted']);
  assert.deepEqual(problems, []);
  await context.close();
});

/** Records, in the page, the events the host and the document see. */
function recordEvents() {
  const code = document.getElementById('code');
  window.log = [];
  for (const type of ['input', 'change', 'xinyong-validate']) {
    code.addEventListener(type, (e) => window.log.push({
      type, on: 'host', value: code.value, normalized: code.normalized, targetIsHost: e.target === code,
      bubbles: e.bubbles, composed: e.composed,
    }));
    document.addEventListener(type, (e) => window.log.push({ type, on: 'document', targetIsHost: e.target === code }));
  }
}

test('one input event per keystroke reaches the host and the document, target the host, before xinyong-validate', async () => {
  const { page, problems, context } = await open('/props-input.html', '<xinyong-code-input id="code"></xinyong-code-input>');
  await mounted(page);
  await page.evaluate(recordEvents);
  await page.locator('#code [part=input]').pressSequentially(TYPED);
  const log = await page.evaluate(() => window.log);
  const onHost = log.filter((e) => e.on === 'host');
  const inputs = onHost.filter((e) => e.type === 'input');
  assert.equal(inputs.length, [...TYPED].length);
  assert.equal(log.filter((e) => e.on === 'document' && e.type === 'input').length, [...TYPED].length);
  assert.ok(log.every((e) => e.targetIsHost));
  // Each input event carries the text so far, already validated; then its xinyong-validate.
  [...TYPED].forEach((_, i) => {
    const text = [...TYPED].slice(0, i + 1).join('');
    assert.deepEqual(onHost[2 * i], { type: 'input', on: 'host', value: text, normalized: onHost[2 * i].normalized,
      targetIsHost: true, bubbles: true, composed: true }, `keystroke ${i + 1}`);
    assert.equal(onHost[2 * i].normalized.length, i + 1);
    assert.equal(onHost[2 * i + 1].type, 'xinyong-validate');
    assert.equal(onHost[2 * i + 1].value, text);
  });
  assert.equal(onHost.length, 2 * [...TYPED].length);
  assert.equal(await page.evaluate(() => document.getElementById('code').normalized), CODE);
  assert.deepEqual(problems, []);
  await context.close();
});

test('setting value fires no input event; the same value again is a no-op (no event, caret kept)', async () => {
  const { page, problems, context } = await open('/props-set.html', '<xinyong-code-input id="code"></xinyong-code-input>');
  await mounted(page);
  await page.evaluate(recordEvents);
  const types = () => page.evaluate(() => window.log.filter((e) => e.on === 'host').map((e) => e.type));
  await page.evaluate((c) => { document.getElementById('code').value = c; }, CODE);
  assert.deepEqual(await types(), ['xinyong-validate']);
  assert.equal(await page.evaluate(() => document.getElementById('code').normalized), CODE);
  // The caret in the middle, then the same text written back (what a re-render does).
  await page.focus('#code [part=input]');
  const caret = await page.evaluate(() => {
    const code = document.getElementById('code');
    const input = code.shadowRoot.getElementById('input');
    input.setSelectionRange(5, 5);
    code.value = code.value;
    code.value = `${code.value}`;
    return [input.selectionStart, input.selectionEnd];
  });
  assert.deepEqual(caret, [5, 5]);
  assert.deepEqual(await types(), ['xinyong-validate']);
  // null and undefined mean '' (React assigns undefined when the prop goes away).
  await page.evaluate(() => { document.getElementById('code').value = undefined; });
  assert.equal(await page.evaluate(() => document.getElementById('code').value), '');
  assert.deepEqual(await types(), ['xinyong-validate', 'xinyong-validate']);
  assert.deepEqual(problems, []);
  await context.close();
});

// The bug in issue 14: with Vue's v-model plus an @xinyong-validate handler
// that changes state, every keystroke was erased. Each variant writes `value`
// back from a xinyong-validate listener while 18 characters are typed.
const WRITE_BACKS = {
  'the same value, synchronously': `code.addEventListener('xinyong-validate', () => { code.value = code.value; });`,
  // A model kept from input events, written back synchronously (a hand-rolled two-way binding).
  'the model, synchronously': `let model = '';
    code.addEventListener('input', () => { model = code.value; });
    code.addEventListener('xinyong-validate', () => { code.value = model; });`,
  // What Vue does: the state change re-renders in a microtask, whose v-model hook writes the model.
  'the model, in a microtask (a framework re-render)': `let model = '';
    code.addEventListener('input', () => { model = code.value; });
    code.addEventListener('xinyong-validate', () => queueMicrotask(() => { if (code.value !== model) code.value = model; }));`,
};

for (const [name, script] of Object.entries(WRITE_BACKS)) {
  test(`typing 18 characters while a xinyong-validate listener writes back ${name} keeps every one`, async () => {
    const { page, problems, context } = await open(`/props-writeback-${Object.keys(WRITE_BACKS).indexOf(name)}.html`,
      '<form id="f"><xinyong-code-input id="code" name="code"></xinyong-code-input></form>');
    await mounted(page);
    await page.evaluate(`{ const code = document.getElementById('code'); ${script} }`);
    await page.locator('#code [part=input]').pressSequentially(TYPED);
    assert.equal(await page.inputValue('#code [part=input]'), TYPED);
    assert.deepEqual(await page.evaluate(() => new FormData(document.getElementById('f')).getAll('code')), [CODE]);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('Vue 3: v-model, :name and an @xinyong-validate handler that re-renders keep every keystroke and submit the code', async () => {
  const context = await session.browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => ['error', 'warning'].includes(m.type()) && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  // Vue's browser build (with its template compiler) from the devDependency.
  const vue = readFileSync(require.resolve('vue/dist/vue.esm-browser.prod.js'), 'utf8');
  await page.route('**/vue.mjs', (route) => route.fulfill({ contentType: 'text/javascript', body: vue }));
  const url = session.addPage('/props-vue.html', `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">
    <div id="app">
      <form id="f" @submit.prevent="onSubmit">
        <xinyong-code-input id="code" :name="field" required v-model="code" @xinyong-validate="onValidate"></xinyong-code-input>
        <p id="state">{{ code }}|{{ valid }}|{{ validations }}</p>
        <button id="submit">submit</button>
      </form>
      <p id="submitted">{{ submitted }}</p>
    </div>
    <script type="module">
      import '/pkg/define.mjs';
      import { createApp } from '/vue.mjs';
      const app = createApp({
        data: () => ({ field: 'code', code: '', valid: false, validations: 0, submitted: null }),
        methods: {
          onValidate(e) { this.valid = e.detail.valid; this.validations++; },
          onSubmit(e) { this.submitted = new FormData(e.target).getAll('code'); },
        },
      });
      app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('xinyong-');
      window.vm = app.mount('#app');
      document.body.dataset.mounted = '';
    </script>`);
  await page.goto(url);
  await page.waitForSelector('body[data-mounted]', { state: 'attached' });
  await mounted(page);
  await page.locator('#code [part=input]').pressSequentially(TYPED);
  assert.equal(await page.inputValue('#code [part=input]'), TYPED);
  await page.waitForFunction((t) => document.getElementById('state').textContent.startsWith(`${t}|true|`), TYPED);
  await page.click('#submit');
  await page.waitForFunction(() => document.getElementById('submitted').textContent.includes('9'), null, { timeout: 5000 });
  assert.deepEqual(JSON.parse(await page.textContent('#submitted')), [CODE]);
  // The model written from outside: the element shows it, without an input event.
  await page.evaluate(() => document.getElementById('code').addEventListener('input', () => { window.inputs = (window.inputs ?? 0) + 1; }));
  await page.evaluate(() => { window.vm.code = '91350200MA31F7KX1J'; });
  await page.waitForFunction(() => document.getElementById('code').value === '91350200MA31F7KX1J');
  assert.equal(await page.evaluate(() => window.inputs), undefined);
  assert.deepEqual(problems, []);
  await context.close();
});

test('change fires on blur after an edit, not without one; a suggestion click fires input and change', async () => {
  const { page, problems, context } = await open('/props-change.html',
    '<xinyong-code-input id="code"></xinyong-code-input><button id="other">other</button>');
  await mounted(page);
  await page.evaluate(recordEvents);
  const count = (type, on = 'host') => page.evaluate(([t, o]) => window.log.filter((e) => e.type === t && e.on === o).length, [type, on]);
  await page.focus('#code [part=input]');
  await page.focus('#other');
  assert.equal(await count('change'), 0);
  await page.locator('#code [part=input]').pressSequentially('9135010OM000100Y43');
  assert.equal(await count('change'), 0);
  await page.focus('#other');
  assert.equal(await count('change'), 1);
  assert.equal(await count('change', 'document'), 1);
  assert.ok(await page.evaluate(() => window.log.filter((e) => e.type === 'change').every((e) => e.targetIsHost)));
  // A suggestion click is an edit by the user: input, then xinyong-validate, then change.
  await page.evaluate(() => { window.log = []; });
  await page.click('#code [part=suggestion]');
  assert.equal(await page.evaluate(() => document.getElementById('code').value), CODE);
  assert.deepEqual(await page.evaluate(() => window.log.filter((e) => e.on === 'host').map((e) => [e.type, e.value])),
    [['input', CODE], ['xinyong-validate', CODE], ['change', CODE]]);
  assert.deepEqual(problems, []);
  await context.close();
});

test('form submission with name, required and value set as properties before connecting (as React 19 does)', async () => {
  const { page, problems, context } = await open('/props-submit.html',
    '<form id="f" action="/props-submitted.html" method="get"><button id="submit">submit</button></form>'
    + '<form id="g"></form>');
  session.addPage(`/props-submitted.html?code=${CODE}&other=${CODE}`, '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><p id="ok">ok</p>');
  await page.evaluate((typed) => {
    const make = (id) => {
      const el = document.createElement('xinyong-code-input');
      el.id = id;
      el.required = true;
      el.value = typed;
      return el;
    };
    const code = make('code');
    code.name = 'code';
    document.getElementById('f').prepend(code);
    // Outside the form, associated through the `form` property (its attribute).
    const other = make('other');
    other.name = 'other';
    other.form = 'f';
    document.body.append(other);
  }, TYPED);
  await mounted(page);
  await mounted(page, '#other');
  assert.deepEqual(await page.evaluate(() => [document.getElementById('code').getAttribute('name'), document.getElementById('code').hasAttribute('value')]),
    ['code', false]);
  assert.equal(await page.inputValue('#code [part=input]'), TYPED);
  await Promise.all([page.waitForURL(`**/props-submitted.html?code=${CODE}&other=${CODE}`), page.click('#submit')]);
  assert.equal(await page.textContent('#ok'), 'ok');
  assert.deepEqual(problems, []);
  await context.close();
});

test('properties set before the elements are defined are applied when they upgrade', async () => {
  const { page, problems, context } = await open('/props-early.html', '<form id="f"></form>', { define: false });
  await page.evaluate((typed) => {
    const code = document.createElement('xinyong-code-input');
    code.id = 'code';
    Object.assign(code, { name: 'code', required: true, value: typed, placeholder: 'p' });
    document.getElementById('f').append(code);
    const card = document.createElement('xinyong-credit-status');
    card.id = 'card';
    Object.assign(card, { asOf: '2026-11-26', src: '/data/entities/91350200MA31F7KX1J.json' });
    document.body.append(card);
  }, TYPED);
  await page.evaluate(() => import('/pkg/define.mjs'));
  await mounted(page);
  await page.waitForSelector('#card[data-verdict=restricted]');
  assert.deepEqual(await page.evaluate(() => {
    const code = document.getElementById('code');
    return [code.getAttribute('name'), code.hasAttribute('required'), code.getAttribute('placeholder'), Object.hasOwn(code, 'value'),
      new FormData(document.getElementById('f')).getAll('code')];
  }), ['code', true, 'p', false, [CODE]]);
  assert.equal(await page.inputValue('#code [part=input]'), TYPED);
  assert.equal(await page.getAttribute('#card', 'as-of'), '2026-11-26');
  assert.deepEqual(problems, []);
  await context.close();
});

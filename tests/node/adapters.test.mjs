// xinyong/adapters: the async-validator rule (run by the real async-validator,
// the engine of Element Plus and Ant Design's forms) and the Standard Schema
// validator (run by react-hook-form's standardSchemaResolver and TanStack
// Form), against the shared vectors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import asyncValidator from 'async-validator';
import { createFormControl } from 'react-hook-form';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { FormApi, FieldApi } from '@tanstack/form-core';
import * as xinyong from 'xinyong';
import { uscc, orgCode, registrationNumber, objectSchema } from 'xinyong/adapters';
import { createAdapters } from '../../pkg/adapters-core.mjs';
import { rows, expectedKeys } from './vectors.mjs';
import { startBrowser } from './chromium.mjs';

const require = createRequire(import.meta.url);
// async-validator ships CommonJS for Node with the class as `default`.
const Schema = asyncValidator.default ?? asyncValidator;
const LANGS = ['zh-Hans', 'zh-Hant', 'en'];

// Hand-written in the README (the examples a reader copies), not produced by the adapters.
const README = {
  '91350100M000100Y4A': { position: 18, 'zh-Hans': '第 18 位校验码应为 3，实为 A' },
  '9135010OM000100Y43': {
    position: 8,
    'zh-Hans': '第 8 位应为数字（第 3-8 位是行政区划代码），实为“O”',
    en: "position 8: expected a digit (positions 3-8 are the division code), found 'O'",
  },
};
const FULL_WIDTH = '９１３５０１００ｍ０００１００ｙ４３'; // the README's example, typed with a Chinese IME
const CANONICAL = '91350100M000100Y43';

/**
 * The error a vector's errors column says comes first: a whole-code error
 * (no position, e.g. `length`) if there is one, else the leftmost position.
 */
function firstExpected(column) {
  const keys = expectedKeys(column).map((k) => {
    const [kind, position] = k.split('@');
    return { kind, position: position === undefined ? undefined : Number(position) };
  });
  return keys.sort((a, b) => (a.position ?? 0) - (b.position ?? 0))[0];
}

const invalidRows = rows('uscc-invalid.tsv').filter(([code]) => code !== '');
const validCodes = rows('uscc-valid.tsv').map(([code]) => code);

/** Runs async-validator as Element Plus's form item does: one field, firstFields. */
async function runRule(rule, value) {
  const validator = new Schema({ code: [rule] });
  try {
    await validator.validate({ code: value }, { firstFields: true, suppressWarning: true });
    return { ok: true };
  } catch (e) {
    assert.ok(Array.isArray(e.errors), `async-validator rejects with { errors, fields }: ${e}`);
    return { ok: false, errors: e.errors, fields: e.fields };
  }
}

test('the package exports ./adapters for import and require (one instance in Node)', () => {
  const cjs = require('xinyong/adapters');
  assert.equal(cjs.uscc, uscc);
  assert.deepEqual(Object.keys(cjs).sort(), ['objectSchema', 'orgCode', 'registrationNumber', 'uscc']);
  const exp = require('xinyong/package.json').exports['./adapters'];
  assert.equal(exp.types, './adapters.d.ts');
  // Production builds get the files next to the code; dev servers and other bundlers the inline copy.
  assert.equal(exp.production, './adapters.mjs');
  assert.equal(exp.development, './inline/adapters.mjs');
  assert.equal(exp.default, './inline/adapters.mjs');
});

test('async-validator rule: valid vectors pass, as typed and in full width', async () => {
  const rule = uscc.rule({ required: true });
  for (const code of validCodes) assert.deepEqual(await runRule(rule, code), { ok: true }, code);
  assert.deepEqual(await runRule(rule, FULL_WIDTH), { ok: true });
  assert.deepEqual(await runRule(rule, ` ${CANONICAL.toLowerCase()} `), { ok: true });
});

test('async-validator rule: invalid vectors fail with the first error, its position and its message in the lang', async () => {
  for (const lang of LANGS) {
    const rule = uscc.rule({ lang });
    for (const [code, column] of invalidRows) {
      const r = await runRule(rule, code);
      assert.equal(r.ok, false, code);
      const [error] = r.errors;
      const expected = firstExpected(column);
      assert.equal(error.kind, expected.kind, code);
      assert.equal(error.position, expected.position, code);
      assert.equal(error.field, 'code', code);
      assert.equal(r.fields.code[0], error);
      // The message is the library's own message for that error, in the chosen language.
      const libraryError = xinyong.validate(code).errors[0];
      assert.equal(libraryError.kind, expected.kind, code);
      assert.equal(error.message, libraryError.message[lang], `${code} ${lang}`);
      assert.deepEqual(error.messages, libraryError.message, code);
      assert.ok(error instanceof Error, code);
      if (expected.position !== undefined) assert.match(error.message, new RegExp(`\\b${expected.position}\\b`), `${code} ${lang}`);
    }
  }
  for (const [code, fixture] of Object.entries(README)) {
    for (const lang of LANGS.filter((l) => fixture[l])) {
      const [error] = (await runRule(uscc.rule({ lang }), code)).errors;
      assert.equal(error.message, fixture[lang], code);
      assert.equal(error.position, fixture.position, code);
    }
  }
  // The full result rides along (e.g. for a "did you mean" link).
  const [error] = (await runRule(uscc.rule(), '9135010OM000100Y43')).errors;
  assert.equal(error.result.suggestions[0].code, CANONICAL);
  // Full-width input is normalized before the positions are counted.
  const [fw] = (await runRule(uscc.rule({ lang: 'zh-Hans' }), '９１３５０１００Ｍ０００１００Ｙ４Ａ')).errors;
  assert.equal(fw.message, README['91350100M000100Y4A']['zh-Hans']);
});

test('async-validator rule: empty is fine unless required, then the required message in the lang', async () => {
  const [[emptyCode, emptyColumn]] = rows('uscc-invalid.tsv').filter(([code]) => code === '');
  assert.equal(emptyColumn, 'empty');
  const emptyMessages = xinyong.validate(emptyCode).errors[0].message;
  for (const value of ['', '   ', '\u3000', undefined, null]) {
    assert.deepEqual(await runRule(uscc.rule(), value), { ok: true }, JSON.stringify(value));
    assert.deepEqual(await runRule(uscc.rule({ required: false }), value), { ok: true }, JSON.stringify(value));
    for (const lang of LANGS) {
      const r = await runRule(uscc.rule({ required: true, lang }), value);
      assert.equal(r.ok, false, JSON.stringify(value));
      assert.equal(r.errors[0].kind, 'empty');
      assert.equal(r.errors[0].message, emptyMessages[lang]);
    }
  }
});

test('async-validator rule: the shape Element Plus and Ant Design Vue read', async () => {
  const rule = uscc.rule({ required: true });
  assert.equal(rule.required, true); // the form item shows its asterisk
  assert.equal(rule.trigger, 'blur'); // not on every keystroke
  assert.equal(typeof rule.asyncValidator, 'function');
  assert.equal(uscc.rule().required, false);
  assert.deepEqual(uscc.rule({ trigger: ['blur', 'change'] }).trigger, ['blur', 'change']);
  assert.equal('trigger' in uscc.rule({ trigger: null }), false);
  // A number (an <input type=number>) is a typed failure, not a throw.
  const r = await runRule(uscc.rule({ lang: 'en' }), 913501);
  assert.equal(r.ok, false);
  assert.equal(r.errors[0].kind, 'type');
  assert.match(r.errors[0].message, /number/);
  // The rule's own message, when a page sets one, wins as async-validator documents.
  const custom = await runRule({ ...uscc.rule(), message: '请填写正确的统一社会信用代码' }, '12345');
  assert.equal(custom.errors[0].message, '请填写正确的统一社会信用代码');
  // Other rules of the same field run alongside.
  const validator = new Schema({ code: [uscc.rule({ required: true }), { max: 18, message: 'too long' }] });
  await assert.rejects(validator.validate({ code: '9'.repeat(20) }, { suppressWarning: true }), (e) => e.errors.length === 2);
});

test('organization code and registration number rules follow their vectors', async () => {
  for (const [file, adapter, validateFn] of [
    ['orgcode.tsv', orgCode, xinyong.validateOrgCode],
    ['regno15.tsv', registrationNumber, xinyong.validateRegistrationNumber],
  ]) {
    for (const [code, valid, column] of rows(file)) {
      const r = await runRule(adapter.rule({ lang: 'en' }), code);
      assert.equal(r.ok, valid === 'yes', `${file} ${code}`);
      const s = adapter.schema({ lang: 'en' })['~standard'].validate(code);
      if (valid === 'yes') {
        assert.deepEqual(s, { value: code }, code);
        continue;
      }
      const expected = firstExpected(column);
      assert.equal(r.errors[0].kind, expected.kind, code);
      assert.equal(r.errors[0].position, expected.position, code);
      assert.equal(r.errors[0].message, validateFn(code).errors[0].message.en, code);
      assert.equal(s.issues[0].kind, expected.kind, code);
      assert.equal(s.issues[0].message, validateFn(code).errors[0].message.en, code);
    }
  }
});

test('Standard Schema: the v1 shape, synchronous when the module is ready', () => {
  const schema = uscc.schema({ lang: 'en', required: true });
  const props = schema['~standard'];
  assert.equal(props.version, 1);
  assert.equal(props.vendor, 'xinyong');
  assert.equal(typeof props.validate, 'function');
  for (const code of validCodes) assert.deepEqual(props.validate(code), { value: code }, code);
  assert.deepEqual(props.validate(FULL_WIDTH), { value: CANONICAL });
  for (const lang of LANGS) {
    const v = uscc.schema({ lang })['~standard'];
    for (const [code, column] of invalidRows) {
      const result = v.validate(code);
      assert.equal(typeof result.then, 'undefined', code);
      assert.equal(result.value, undefined, code);
      assert.equal(result.issues.length, 1, code);
      const [issue] = result.issues;
      const expected = firstExpected(column);
      assert.equal(typeof issue.message, 'string');
      assert.equal(issue.message, xinyong.validate(code).errors[0].message[lang], `${code} ${lang}`);
      assert.equal(issue.kind, expected.kind, code);
      assert.equal(issue.position, expected.position, code);
      assert.equal(issue.path, undefined, code); // a field's schema: the issue is about the value itself
    }
  }
  const [issue] = uscc.schema({ lang: 'en' })['~standard'].validate('9135010OM000100Y43').issues;
  assert.equal(issue.message, README['9135010OM000100Y43'].en);
});

test('Standard Schema: empty, required, and values that are not strings', () => {
  const emptyMessages = xinyong.validate('').errors[0].message;
  const optional = uscc.schema()['~standard'];
  assert.deepEqual(optional.validate(''), { value: '' });
  assert.deepEqual(optional.validate('  '), { value: '' });
  assert.deepEqual(optional.validate(undefined), { value: undefined });
  assert.deepEqual(optional.validate(null), { value: null });
  for (const lang of LANGS) {
    const required = uscc.schema({ lang, required: true })['~standard'];
    for (const value of ['', ' ', undefined, null]) {
      const { issues } = required.validate(value);
      assert.equal(issues[0].kind, 'empty');
      assert.equal(issues[0].message, emptyMessages[lang]);
    }
    for (const value of [913501, 9.16201055811843e17, {}, [], true, 10n, Symbol('x'), () => {}]) {
      let result;
      assert.doesNotThrow(() => { result = required.validate(value); }, String(typeof value));
      assert.equal(result.issues.length, 1);
      assert.equal(result.issues[0].kind, 'type');
      assert.equal(typeof result.issues[0].message, 'string');
      assert.ok(result.issues[0].message.length > 0);
      assert.deepEqual(Object.keys(result.issues[0].messages).sort(), [...LANGS].sort());
      assert.equal(result.issues[0].messages[lang], result.issues[0].message);
    }
  }
  // Refusals the library types (here: longer than any function accepts) are issues too.
  const { issues } = optional.validate('9'.repeat(2 ** 24 + 1));
  assert.equal(issues[0].kind, 'too_long');
});

test('bad options throw the API\'s typed error at construction', () => {
  const isOptionsError = (pattern) => (e) => e instanceof xinyong.XinyongError && e instanceof Error
    && e.kind === 'options' && pattern.test(e.message);
  for (const make of [uscc.schema, uscc.rule, orgCode.schema, registrationNumber.rule]) {
    assert.throws(() => make({ lang: 'fr' }), isOptionsError(/lang.*zh-Hans, zh-Hant, en.*"fr"/));
    assert.throws(() => make({ lang: 'zh-CN' }), isOptionsError(/"zh-CN"/));
    assert.throws(() => make({ required: 'yes' }), isOptionsError(/required.*boolean/));
    assert.throws(() => make({ requried: true }), isOptionsError(/unknown option `requried`/));
    assert.throws(() => make('en'), isOptionsError(/expected an object/));
  }
  assert.throws(() => orgCode.schema({ acceptPilotCodes: true }), isOptionsError(/acceptPilotCodes/));
  assert.throws(() => uscc.schema({ trigger: 'blur' }), isOptionsError(/unknown option `trigger`/));
  assert.throws(() => uscc.rule({ trigger: 5 }), isOptionsError(/trigger/));
  assert.throws(() => objectSchema({ code: 'x' }), isOptionsError(/`code` is not a Standard Schema/));
});

test('acceptPilotCodes is passed to validate', () => {
  const [[pilot]] = rows('uscc-invalid.tsv').filter(([, , diagnosis]) => diagnosis === 'pilot_era');
  assert.equal(uscc.schema()['~standard'].validate(pilot).issues[0].kind, 'check_char');
  assert.deepEqual(uscc.schema({ acceptPilotCodes: true })['~standard'].validate(pilot), { value: pilot });
});

test('before the module is ready, the adapters wait for ready (then answer synchronously)', async () => {
  // The browser build: every function throws kind `not_ready` until `ready` resolves.
  let loaded = false;
  let load;
  const notReady = () => Object.assign(new Error('not ready'), { kind: 'not_ready' });
  const api = {
    ...xinyong,
    ready: new Promise((resolve) => { load = resolve; }),
    validate: (...args) => { if (!loaded) throw notReady(); return xinyong.validate(...args); },
  };
  const adapters = createAdapters(api);
  const schema = adapters.uscc.schema({ lang: 'en' })['~standard'];
  const pendingIssue = schema.validate('9135010OM000100Y43');
  const pendingValue = schema.validate(FULL_WIDTH);
  assert.equal(typeof pendingIssue.then, 'function');
  const rule = runRule(adapters.uscc.rule({ lang: 'en', required: true }), '9135010OM000100Y43');
  let settled = false;
  rule.then(() => { settled = true; });
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(settled, false, 'nothing settles before ready');
  loaded = true;
  load();
  assert.equal((await pendingIssue).issues[0].message, README['9135010OM000100Y43'].en);
  assert.deepEqual(await pendingValue, { value: CANONICAL });
  assert.equal((await rule).errors[0].position, 8);
  assert.deepEqual(schema.validate(FULL_WIDTH), { value: CANONICAL }); // sync from now on
  // Non-strings need no module: answered at once.
  const early = createAdapters({ ...api, validate: () => { throw notReady(); } });
  assert.equal(early.uscc.schema()['~standard'].validate(5).issues[0].kind, 'type');
});

test('react-hook-form: standardSchemaResolver with objectSchema, through handleSubmit', async () => {
  const form = createFormControl({
    defaultValues: { code: '', name: '' },
    resolver: standardSchemaResolver(objectSchema({ code: uscc.schema({ lang: 'zh-Hans', required: true }) })),
  });
  form.register('code');
  form.register('name');
  const submit = async (code) => {
    form.setValue('code', code);
    form.setValue('name', '福建某某科技有限公司');
    let outcome;
    await form.handleSubmit((data) => { outcome = { data }; }, (errors) => { outcome = { errors }; })();
    return outcome;
  };
  assert.deepEqual(await submit(FULL_WIDTH), { data: { code: CANONICAL, name: '福建某某科技有限公司' } });
  const invalid = await submit('9135010OM000100Y43');
  assert.equal(invalid.errors.code.message, README['9135010OM000100Y43']['zh-Hans']);
  const empty = await submit('');
  assert.equal(empty.errors.code.message, xinyong.validate('').errors[0].message['zh-Hans']);
  // Direct resolver call: the issue's path names the field.
  const resolver = standardSchemaResolver(objectSchema({ code: uscc.schema({ lang: 'en' }) }));
  const r = await resolver({ code: '91350100M000100Y4A' }, undefined, { fields: {}, shouldUseNativeValidation: false });
  assert.deepEqual(r.values, {});
  assert.match(r.errors.code.message, /^position 18: /);
});

test('TanStack Form: a field validator and submission', async () => {
  // Its devtools client polls for a devtools bus for 5 s, keeping the test
  // process alive; a bus that answers the handshake at once stops that.
  const bus = new EventTarget();
  bus.addEventListener('tanstack-connect', () => bus.dispatchEvent(new Event('tanstack-connect-success')));
  globalThis.__TANSTACK_EVENT_TARGET__ = bus;
  let submitted;
  const form = new FormApi({ defaultValues: { code: '' }, onSubmit: ({ value }) => { submitted = value; } });
  form.mount();
  const field = new FieldApi({ form, name: 'code', validators: { onChange: uscc.schema({ lang: 'en', required: true }) } });
  field.mount();
  field.handleChange('9135010OM000100Y43');
  assert.equal(field.state.meta.errors[0].message, README['9135010OM000100Y43'].en);
  assert.equal(field.state.meta.errors[0].position, 8);
  field.handleChange(FULL_WIDTH);
  assert.deepEqual(field.state.meta.errors, []);
  await form.handleSubmit();
  assert.deepEqual(submitted, { code: FULL_WIDTH }); // TanStack keeps what was typed; the schema's value is for resolvers
  field.handleChange('');
  assert.equal(field.state.meta.errors[0].kind, 'empty');
});

test('objectSchema: non-objects and asynchronous field schemas', async () => {
  const schema = objectSchema({ code: uscc.schema(), other: uscc.schema() }, { lang: 'en' })['~standard'];
  for (const value of [null, 'x', [], 5]) {
    const { issues } = schema.validate(value);
    assert.equal(issues[0].kind, 'type');
    assert.equal(issues[0].path, undefined);
  }
  const slow = { '~standard': { version: 1, vendor: 'test', validate: async (v) => (v === 'ok' ? { value: 'OK' } : { issues: [{ message: 'no', path: ['inner'] }] }) } };
  const mixed = objectSchema({ code: uscc.schema(), note: slow })['~standard'];
  assert.deepEqual(await mixed.validate({ code: FULL_WIDTH, note: 'ok', extra: 1 }), { value: { code: CANONICAL, note: 'OK', extra: 1 } });
  const { issues } = await mixed.validate({ code: '12345', note: 'bad' });
  assert.deepEqual(issues.map((i) => i.path), [['code'], ['note', 'inner']]);
});

test('in Chromium: xinyong/adapters\' browser entry (default condition) over the browser build', async () => {
  const session = await startBrowser();
  try {
    const page = await session.browser.newPage();
    const problems = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    const url = session.addPage('/adapters-test.html', '<!doctype html><link rel="icon" href="data:,"><title>adapters</title>');
    await page.goto(url);
    const exportPath = require('xinyong/package.json').exports['./adapters'].default;
    const got = await page.evaluate(async ({ entry, invalid, fullWidth }) => {
      const { uscc } = await import(entry);
      const schema = uscc.schema({ lang: 'en', required: true })['~standard']; // awaited: a Promise before ready
      const rule = uscc.rule({ lang: 'zh-Hans', required: true });
      const rejection = await rule.asyncValidator(rule, invalid).then(() => null, (e) => ({ message: e.message, position: e.position, isError: e instanceof Error }));
      return {
        valid: await schema.validate(fullWidth),
        invalid: (await schema.validate(invalid)).issues.map(({ message, kind, position }) => ({ message, kind, position })),
        type: (await schema.validate(5)).issues[0].kind,
        accepted: await rule.asyncValidator(rule, fullWidth).then(() => true),
        rejection,
      };
    }, { entry: `/pkg/${exportPath.replace(/^\.\//, '')}`, invalid: '9135010OM000100Y43', fullWidth: FULL_WIDTH });
    const fixture = README['9135010OM000100Y43'];
    assert.deepEqual(got, {
      valid: { value: CANONICAL },
      invalid: [{ message: fixture.en, kind: 'division_format', position: fixture.position }],
      type: 'type',
      accepted: true,
      rejection: { message: fixture['zh-Hans'], position: fixture.position, isError: true },
    });
    assert.deepEqual(problems, []);
  } finally {
    await session.close();
  }
});

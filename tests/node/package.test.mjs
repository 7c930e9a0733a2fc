// The built npm package (pkg/) under Node: CommonJS and ESM entry points,
// the shared vectors, batch calls, typed errors, TypeScript declarations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import * as xinyong from 'xinyong';
import { rows, errorKeys, expectedKeys } from './vectors.mjs';

const require = createRequire(import.meta.url);

test('require() from the repository root works as the README says', () => {
  const out = execFileSync(process.execPath, ['-e', "console.log(require('./pkg').isValid('91350100M000100Y43'))"], {
    cwd: new URL('../..', import.meta.url),
  });
  assert.equal(out.toString().trim(), 'true');
});

test('CommonJS and ESM entries expose the same API', () => {
  const cjs = require('xinyong');
  for (const name of ['validate', 'isValid', 'validateMany', 'isValidMany', 'suggest', 'normalize', 'generate',
    'usccCheckChar', 'validateOrgCode', 'isValidOrgCode', 'orgCodeCheckChar', 'validateRegistrationNumber',
    'isValidRegistrationNumber', 'registrationNumberCheckDigit']) {
    assert.equal(typeof cjs[name], 'function', name);
    assert.equal(typeof xinyong[name], 'function', name);
  }
});

test('every valid USCC vector is valid', () => {
  const vectors = rows('uscc-valid.tsv');
  assert.ok(vectors.length > 150);
  for (const [code, source] of vectors) {
    const r = xinyong.validate(code);
    assert.equal(r.valid, true, `${code} (${source})`);
    assert.equal(xinyong.isValid(code), true, code);
    assert.equal(r.parts.divisionCode, code.slice(2, 8));
    assert.equal(r.parts.orgCode, `${code.slice(8, 16)}-${code[16]}`);
    assert.equal(xinyong.usccCheckChar(code.slice(0, 17)), code[17]);
  }
});

test('every invalid USCC vector gets its errors and diagnosis', () => {
  for (const [code, errors, diagnosis, reason] of rows('uscc-invalid.tsv')) {
    const r = xinyong.validate(code);
    assert.equal(r.valid, false, code);
    assert.equal(xinyong.isValid(code), false, code);
    assert.deepEqual(errorKeys(r.errors), expectedKeys(errors), `${code}: ${reason}`);
    const kinds = r.diagnoses.map((d) => d.kind);
    if (diagnosis === '-') assert.deepEqual(kinds, [], code);
    else assert.ok(kinds.includes(diagnosis), `${code}: ${kinds} lacks ${diagnosis}`);
    for (const e of r.errors) {
      for (const lang of ['zh-Hans', 'zh-Hant', 'en']) assert.ok(e.message[lang], `${code} ${lang}`);
    }
  }
});

test('organization codes and registration numbers', () => {
  for (const [code, valid, errors] of rows('orgcode.tsv')) {
    const r = xinyong.validateOrgCode(code);
    assert.equal(r.valid, valid === 'yes', code);
    assert.equal(xinyong.isValidOrgCode(code), valid === 'yes', code);
    assert.deepEqual(errorKeys(r.errors), expectedKeys(errors), code);
    if (valid === 'yes') assert.equal(xinyong.orgCodeCheckChar(code.slice(0, 8)), code[8]);
  }
  for (const [code, valid, errors] of rows('regno15.tsv')) {
    const r = xinyong.validateRegistrationNumber(code);
    assert.equal(r.valid, valid === 'yes', code);
    assert.equal(xinyong.isValidRegistrationNumber(code), valid === 'yes', code);
    assert.deepEqual(errorKeys(r.errors), expectedKeys(errors), code);
    if (valid === 'yes') assert.equal(xinyong.registrationNumberCheckDigit(code.slice(0, 14)), code[14]);
  }
});

test('validateMany and isValidMany agree with single calls', () => {
  const codes = [...rows('uscc-valid.tsv'), ...rows('uscc-invalid.tsv')].map((r) => r[0]);
  const many = xinyong.validateMany(codes);
  const flags = xinyong.isValidMany(codes);
  assert.equal(many.length, codes.length);
  codes.forEach((code, i) => {
    assert.deepEqual(many[i], xinyong.validate(code), code);
    assert.equal(flags[i] === 1, xinyong.isValid(code), code);
  });
});

test('normalization and suggestions', () => {
  const n = xinyong.normalize('９１３５ 0100-m000100y43');
  assert.equal(n.value, '91350100M000100Y43');
  assert.deepEqual(n.notes.map((x) => x.kind), ['full_width', 'whitespace_removed', 'hyphen_removed', 'uppercased']);
  const s = xinyong.suggest('9135010OM000100Y43');
  assert.equal(s[0].code, '91350100M000100Y43');
  assert.deepEqual(s[0].positions, [8]);
  assert.equal(s[0].reason, 'illegal_look_alike');
  assert.deepEqual(xinyong.suggest('91350100M000100Y43'), []);
});

test('pilot-era codes: invalid by default, accepted with a warning on request', () => {
  assert.equal(xinyong.validate('91350211M0000XUF46').valid, false);
  const r = xinyong.validate('91350211M0000XUF46', { acceptPilotCodes: true });
  assert.equal(r.valid, true);
  assert.equal(r.warnings[0].kind, 'pilot_era_accepted');
});

test('bad arguments throw typed errors and the module keeps working', () => {
  for (const bad of [undefined, null, 42, {}, ['x']]) {
    assert.throws(() => xinyong.validate(bad), (e) => e instanceof Error && e.kind === 'type');
  }
  assert.throws(() => xinyong.validate('x', { acceptPilotCode: true }), (e) => e.kind === 'options' && /acceptPilotCode/.test(e.message));
  assert.throws(() => xinyong.validateMany('not an array'), (e) => e.kind === 'type');
  assert.throws(() => xinyong.usccCheckChar('9135'), (e) => e.kind === 'length' && e.messages['zh-Hans'].includes('17'));
  assert.throws(() => xinyong.generate({ authority: '9', entityType: '9', division: '350100', orgBody: 'M000100Y' }),
    (e) => e.kind === 'entity_type');
  assert.equal(xinyong.generate({ authority: '9', entityType: '1', division: '350100', orgBody: 'M000100Y' }),
    '91350100M000100Y43');
  assert.equal(xinyong.isValid('x'.repeat(5_000_000)), false);
  assert.equal(xinyong.validate('\uD800\uDFFF\uDC00').valid, false);
  assert.equal(xinyong.isValid('91350100M000100Y43'), true);
});

test('TypeScript declarations name the result types', () => {
  const dts = readFileSync(new URL('../../pkg/web/xinyong.d.ts', import.meta.url), 'utf8');
  assert.match(dts, /export function validate\(input: string, options\?: ValidateOptions( \| null)?\): Validation;/);
  assert.match(dts, /export type Validation = \{/);  // generated from the Rust type
  assert.match(dts, /export function isValid\(input: string\): boolean;/);
  const pkg = JSON.parse(readFileSync(new URL('../../pkg/package.json', import.meta.url), 'utf8'));
  assert.equal(pkg.name, 'xinyong');
  assert.equal(pkg.exports['.'].node.require, './node/index.cjs');
});

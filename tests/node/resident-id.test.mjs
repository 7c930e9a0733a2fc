// Resident identity numbers (GB 11643) through the built package under Node
// (`require('xinyong')`, default features): the vectors of
// tests/vectors/resident-id.tsv, the check character, masking, argument errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { rows, errorKeys, expectedKeys } from './vectors.mjs';

const require = createRequire(import.meta.url);
const xinyong = require('xinyong');

test('the four functions are exported (CommonJS and ESM)', async () => {
  const esm = await import('xinyong');
  for (const name of ['validateResidentId', 'isValidResidentId', 'residentIdCheckChar', 'maskResidentId']) {
    assert.equal(typeof xinyong[name], 'function', name);
    assert.equal(typeof esm[name], 'function', name);
  }
});

test('every resident-id vector', () => {
  const vectors = rows('resident-id.tsv');
  assert.ok(vectors.length >= 35);
  for (const [input, valid, errors, upgraded, birthDate, source] of vectors) {
    const r = xinyong.validateResidentId(input);
    const what = `${JSON.stringify(input)} (${source})`;
    assert.equal(r.kind, 'resident_id');
    assert.equal(r.valid, valid === 'yes', what);
    assert.equal(xinyong.isValidResidentId(input), valid === 'yes', what);
    assert.deepEqual(errorKeys(r.errors), expectedKeys(errors), what);
    assert.equal(r.parts.birthDate, birthDate === '-' ? undefined : birthDate, what);
    const legacy = r.diagnoses.filter((d) => d.kind === 'legacy_resident_id');
    if (upgraded === '-') assert.equal(legacy.length, 0, what);
    else assert.deepEqual(legacy.map((d) => d.candidates), [[upgraded]], what);
    if (r.valid) {
      assert.equal(xinyong.residentIdCheckChar(r.normalized.slice(0, 17)), r.normalized[17], what);
      assert.equal(r.parts.divisionCode, r.normalized.slice(0, 6));
    }
    for (const e of r.errors) {
      for (const lang of ['zh-Hans', 'zh-Hant', 'en']) assert.ok(e.message[lang], `${what} ${lang}`);
    }
  }
});

test('a wrong check character names the expected one', () => {
  const r = xinyong.validateResidentId('36042619910102009X');
  assert.deepEqual(r.errors.map((e) => [e.kind, e.position, e.expected, e.found]), [['check_char', 18, '3', 'X']]);
  assert.ok(r.suggestions.some((s) => s.code === '360426199101020093'));
  assert.deepEqual(xinyong.validateResidentId('36042619910102009X', { suggestions: false }).suggestions, []);
});

test('residentIdCheckChar: the worked example, and typed errors', () => {
  assert.equal(xinyong.residentIdCheckChar('11010519491231002'), 'X');
  assert.equal(xinyong.residentIdCheckChar('44052418800101001'), '4');
  assert.throws(() => xinyong.residentIdCheckChar('1101051949123100'), (e) => e.kind === 'length');
  assert.throws(() => xinyong.residentIdCheckChar('1101051949123100A'), (e) => e.kind === 'character');
  assert.throws(() => xinyong.residentIdCheckChar(17), (e) => e.kind === 'type');
  assert.throws(() => xinyong.validateResidentId('11010519491231002X', { nope: true }), (e) => e.kind === 'options');
});

test('maskResidentId: default 6 + 4, custom counts, short and non-ASCII input', () => {
  assert.equal(xinyong.maskResidentId('11010519491231002x'), '110105********002X');
  assert.equal(xinyong.maskResidentId('11010519491231002X', 4, 4), '1101**********002X');
  assert.equal(xinyong.maskResidentId('11010519491231002X', 1, 2), '1***************2X');
  assert.equal(xinyong.maskResidentId('11010519491231002X', 0, 0), '******************');
  assert.equal(xinyong.maskResidentId('1234'), '****');
  assert.equal(xinyong.maskResidentId(''), '');
  assert.equal(xinyong.maskResidentId('张三的身份证号码是这个吗', 2, 2), '张三********个吗');
  assert.equal(xinyong.maskResidentId('11010519491231002X', undefined, 2), '110105**********2X');
  assert.equal(xinyong.maskResidentId('11010519491231002X', 2 ** 32 - 1, 0), '******************');
  assert.throws(() => xinyong.maskResidentId(null), (e) => e.kind === 'type');
  // Omitted, undefined or null: the default.
  assert.equal(xinyong.maskResidentId('11010519491231002X', null, null), '110105********002X');
  for (const n of [-1, 1.5, NaN, Infinity, 2 ** 32, '5', {}, true]) {
    assert.throws(() => xinyong.maskResidentId('11010519491231002X', n), (e) => e.kind === 'type', String(n));
    assert.throws(() => xinyong.maskResidentId('11010519491231002X', 6, n), (e) => e.kind === 'type', String(n));
  }
});

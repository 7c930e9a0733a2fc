// The JS fast paths of isValid, isValidMany, validate and validateMany
// (npm/fast-paths.js) and the buffer entry isValidLines must answer exactly
// what the raw wasm-bindgen exports answer, for every kind of input the fast
// paths hand over to the general path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as esm from 'xinyong';
import { rows } from './vectors.mjs';

const require = createRequire(import.meta.url);
const cjs = require('xinyong');
// The raw wasm-bindgen build under the package entries: the general path.
const raw = require('../../pkg/node/xinyong.js');
const vectorCodes = [...rows('uscc-valid.tsv'), ...rows('uscc-invalid.tsv')].map((r) => r[0]);

/** Deterministic pseudo-random inputs: near-valid codes, ASCII noise, full-width, long and odd strings. */
function inputs(count) {
  let seed = 12345;
  const next = (n) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXYabcdefghijklmnopqrstuvwxyzIOSVZ -\t';
  const out = [];
  for (let k = 0; k < count; k++) {
    const base = vectorCodes[next(vectorCodes.length)];
    switch (next(6)) {
      case 0: out.push(base); break;
      case 1: { // one substitution
        const i = next(base.length + 1);
        out.push(base.slice(0, i) + alphabet[next(alphabet.length)] + base.slice(i + 1));
        break;
      }
      case 2: out.push(base.toLowerCase()); break;
      case 3: out.push(base.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))); break; // full-width
      case 4: out.push(` ${base.slice(0, 8)}-${base.slice(8)} `.repeat(1 + next(3))); break; // 31+ characters sometimes
      default: out.push(Array.from({ length: next(40) }, () => alphabet[next(alphabet.length)]).join(''));
    }
  }
  return out.concat(['', '\u{1F600}', 'x'.repeat(31), 'x'.repeat(32), '9135 0100 M000 100Y 43', '91350100M000100Y43\u0000']);
}

test('isValid (fast path) equals validate().valid, CommonJS and ESM', () => {
  for (const s of [...vectorCodes, ...inputs(4000)]) {
    const expected = raw.validate(s).valid;
    assert.equal(cjs.isValid(s), expected, JSON.stringify(s));
    assert.equal(esm.isValid(s), expected, JSON.stringify(s));
  }
});

test('isValidMany (fast path) equals isValid for each, in order', () => {
  const batch = inputs(5000);
  const expected = Uint8Array.from(batch, (s) => (raw.validate(s).valid ? 1 : 0));
  assert.deepEqual(cjs.isValidMany(batch), expected);
  assert.deepEqual(esm.isValidMany(batch), expected);
  assert.deepEqual(cjs.isValidMany([]), new Uint8Array(0));
});

/** Valid canonical codes over many first-8-character prefixes: every
 * authority/type pair of the vectors with divisions current, abolished,
 * grouping and unknown, and random organization-code bodies. */
function validCodes(count) {
  const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const ORG = '0123456789ABCDEFGHJKLMNPQRTUWXY'; // the USCC alphabet (positions 9-17 are in it)
  const heads = [...new Set(rows('uscc-valid.tsv').map((r) => r[0].slice(0, 2)))];
  const divisions = ['350100', '451102', '110103', '310103', '330201', '100000', '999999', '469001', '350203', '110105'];
  let seed = 777;
  const next = (n) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
  const out = [];
  while (out.length < count) {
    const body = Array.from({ length: 8 }, () => ORG[next(ORG.length)]).join('');
    const prefix = heads[next(heads.length)] + divisions[next(divisions.length)] + body;
    const org = cjs.orgCodeCheckChar(body);
    if (!ALPHABET.includes(org)) continue; // an org check the USCC alphabet cannot hold
    out.push(prefix + org + cjs.usccCheckChar(prefix + org));
  }
  return out;
}

test('validate and validateMany (fast paths) equal the raw exports', () => {
  const valid = validCodes(3000);
  assert.ok(valid.every((c) => raw.validate(c).valid));
  for (const s of [...valid, ...vectorCodes, ...inputs(3000)]) {
    const expected = raw.validate(s);
    assert.deepEqual(cjs.validate(s), expected, JSON.stringify(s));
    assert.deepEqual(esm.validate(s), expected, JSON.stringify(s));
  }
  const batch = [...inputs(2000), ...valid.slice(0, 2000)];
  assert.deepEqual(cjs.validateMany(batch), raw.validateMany(batch));
  assert.deepEqual(esm.validateMany(batch), raw.validateMany(batch));
  for (const options of [{ suggestions: false }, { acceptPilotCodes: true, maxSuggestions: 1 }, {}]) {
    for (const s of [...valid.slice(0, 300), ...inputs(300), '91350100M000100Y4A', '350100M00010Y43']) {
      assert.deepEqual(cjs.validate(s, options), raw.validate(s, options), JSON.stringify(s));
    }
    assert.deepEqual(cjs.validateMany(batch.slice(0, 600), options), raw.validateMany(batch.slice(0, 600), options));
    assert.deepEqual(cjs.validateMany(batch.slice(-600), options), raw.validateMany(batch.slice(-600), options));
  }
  assert.deepEqual(cjs.validateMany([]), []);
});

test('validate (fast path): each result is its own object', () => {
  const code = '91350100M000100Y43';
  const first = cjs.validate(code);
  first.parts.division.name['zh-Hans'] = 'changed';
  first.parts.authority.code = 'changed';
  first.warnings.push('changed');
  assert.deepEqual(cjs.validate(code), raw.validate(code));
  assert.notEqual(cjs.validate(code).parts, cjs.validate(code).parts);
});

test('validate (fast path) calls the raw validate once per 8-character prefix', async () => {
  const { fastPaths } = await import('../../pkg/fast-paths.mjs');
  const calls = { validate: 0, validateMany: 0 };
  const counting = { ...raw };
  counting.validate = (...a) => (calls.validate++, raw.validate(...a));
  counting.validateMany = (...a) => (calls.validateMany++, raw.validateMany(...a));
  const fast = fastPaths(counting);
  const valid = validCodes(2000);
  const prefixes = new Set(valid.map((c) => c.slice(0, 8))).size;
  for (const c of valid) assert.deepEqual(fast.validate(c), raw.validate(c));
  assert.equal(calls.validate, prefixes);
  assert.deepEqual(fast.validateMany(valid), raw.validateMany(valid));
  assert.equal(calls.validateMany, 0); // all canonical and valid: no general path
  assert.equal(calls.validate, prefixes);
  fast.validate(valid[0].toLowerCase());
  fast.validateMany([valid[0], valid[0].slice(0, 17)]);
  assert.deepEqual(calls, { validate: prefixes + 1, validateMany: 1 });
  // With options: one options check (an empty batch), no full validation.
  fast.validateMany(valid, { suggestions: false });
  fast.validate(valid[1], { suggestions: false });
  assert.deepEqual(calls, { validate: prefixes + 1, validateMany: 3 });
});

test('validate (fast path): a kernel that wrongly says valid never makes a template', async () => {
  const { fastPaths } = await import('../../pkg/fast-paths.mjs');
  // Past that, the fast path trusts the kernel as isValid does (the tests
  // above compare the kernel with validate on thousands of codes).
  const broken = () => fastPaths({ ...raw, __fastIsValid: () => true });
  const bad = ['91350100M000100Y4A', '91350100M000100Y44', '12100000400000624A'];
  const options = { maxSuggestions: 1 };
  const fast = broken();
  for (const code of bad) {
    assert.deepEqual(fast.validate(code), raw.validate(code), code);
    assert.deepEqual(fast.validate(code, options), raw.validate(code, options), code);
  }
  assert.deepEqual(broken().validateMany(bad, options), raw.validateMany(bad, options));
});

test('validate (fast path) over more prefixes than it keeps', () => {
  const valid = validCodes(12000);
  const prefixes = new Set(valid.map((c) => c.slice(0, 8)));
  assert.ok(prefixes.size < 4096); // the prefixes repeat: templates are reused
  const many = valid.map((c, k) => c.slice(0, 2) + String(100000 + k).slice(-6) + c.slice(8, 16));
  const codes = many.map((p) => {
    const org = cjs.orgCodeCheckChar(p.slice(8, 16));
    return p + org + cjs.usccCheckChar(p + org);
  }).filter((c) => raw.isValid(c)).slice(0, 9000);
  assert.ok(new Set(codes.map((c) => c.slice(0, 8))).size > 4096);
  for (const c of codes) assert.deepEqual(cjs.validate(c), raw.validate(c), c);
  assert.deepEqual(cjs.validateMany(codes.slice(0, 5000)), raw.validateMany(codes.slice(0, 5000)));
});

test('validate and validateMany (fast paths) throw the typed errors of the raw exports', () => {
  for (const bad of [42, undefined, null, {}]) {
    assert.throws(() => cjs.validate(bad), (e) => e instanceof cjs.XinyongError && e.kind === 'type');
  }
  for (const bad of [{ nope: 1 }, { suggestions: 'yes' }, { maxSuggestions: -1 }, 42, 'x', null, []]) {
    const kind = (f) => { try { f(); } catch (e) { return e instanceof cjs.XinyongError && `${e.kind}: ${e.message}`; } return 'no error'; };
    for (const code of ['91350100M000100Y43', '91350100M000100Y4A']) {
      assert.equal(kind(() => cjs.validate(code, bad)), kind(() => raw.validate(code, bad)), JSON.stringify(bad));
      assert.equal(kind(() => cjs.validateMany([code], bad)), kind(() => raw.validateMany([code], bad)), JSON.stringify(bad));
    }
    assert.equal(kind(() => cjs.validateMany([1], bad)), kind(() => raw.validateMany([1], bad)), 'inputs first');
  }
  assert.throws(() => cjs.validate('91350100M000100Y43', { nope: 1 }), (e) => e instanceof cjs.XinyongError && e.kind === 'options');
  for (const bad of [42, 'x', [1], ['91350100M000100Y43', null]]) {
    assert.throws(() => cjs.validateMany(bad), (e) => e instanceof cjs.XinyongError && e.kind === 'type');
  }
  assert.throws(() => cjs.validateMany(Array(5).fill('9'.repeat(2 ** 24))), (e) => e.kind === 'too_long');
});

test('fast paths keep working after the module memory grows', () => {
  const before = cjs.isValid('91350100M000100Y43');
  // Grow the wasm memory: a large batch needs a large scratch area.
  const big = Array(400_000).fill('91350100M000100Y43');
  assert.equal(cjs.isValidMany(big).reduce((a, b) => a + b, 0), big.length);
  cjs.validateMany(Array(2_000).fill('91350100M000100Y4A'));
  assert.equal(cjs.isValid('91350100M000100Y43'), before);
  assert.equal(cjs.isValid('91350100M000100Y4A'), false);
  assert.deepEqual(cjs.isValidMany(['91350100M000100Y43', 'x']), Uint8Array.from([1, 0]));
});

test('fast paths throw the same typed errors as the general path', () => {
  for (const bad of [42, undefined, null, {}, ['91350100M000100Y43']]) {
    assert.throws(() => cjs.isValid(bad), (e) => e instanceof cjs.XinyongError && e.kind === 'type');
  }
  for (const bad of [42, 'x', [1], ['ok', null]]) {
    assert.throws(() => cjs.isValidMany(bad), (e) => e instanceof cjs.XinyongError && e.kind === 'type');
  }
  assert.throws(() => cjs.isValidMany(Array(5).fill('9'.repeat(2 ** 24))), (e) => e.kind === 'too_long');
});

test('isValidLines: one result per line of a buffer', () => {
  const codes = inputs(2000).filter((s) => !/[\n\r]/.test(s));
  const expected = Uint8Array.from(codes, (s) => (cjs.isValid(s) ? 1 : 0));
  assert.deepEqual(cjs.isValidLines(Buffer.from(codes.join('\n') + '\n')), expected);
  assert.deepEqual(cjs.isValidLines(Buffer.from(codes.join('\r\n'))), expected);
  assert.deepEqual(esm.isValidLines(new TextEncoder().encode('91350100M000100Y43\n\nnope')), Uint8Array.from([1, 0, 0]));
  assert.deepEqual(cjs.isValidLines(Uint8Array.from([0xff, 0x0a, 0x39])), Uint8Array.from([0, 0]));
  assert.deepEqual(cjs.isValidLines(new Uint8Array(0)), new Uint8Array(0));
});

// The JS fast paths of isValid and isValidMany (npm/fast-paths.js) and the
// buffer entry isValidLines must answer exactly what validate() answers, for
// every kind of input the fast paths hand over to the general path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as esm from 'xinyong';
import { rows } from './vectors.mjs';

const require = createRequire(import.meta.url);
const cjs = require('xinyong');
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
    const expected = cjs.validate(s).valid;
    assert.equal(cjs.isValid(s), expected, JSON.stringify(s));
    assert.equal(esm.isValid(s), expected, JSON.stringify(s));
  }
});

test('isValidMany (fast path) equals isValid for each, in order', () => {
  const batch = inputs(5000);
  const expected = Uint8Array.from(batch, (s) => (cjs.validate(s).valid ? 1 : 0));
  assert.deepEqual(cjs.isValidMany(batch), expected);
  assert.deepEqual(esm.isValidMany(batch), expected);
  assert.deepEqual(cjs.isValidMany([]), new Uint8Array(0));
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

// Hostile inputs at the WASM boundary, against the built package: each gets a
// typed error (an XinyongError, a subclass of Error, with a kind) or a normal
// result, never a trap (a WebAssembly.RuntimeError would leave the module
// unusable for the whole page); after each the module still works.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as x from 'xinyong';

const require = createRequire(import.meta.url);

/** Still alive: a valid code, an invalid one with a suggestion, a working day. */
function alive() {
  assert.equal(x.isValid('91350100M000100Y43'), true);
  assert.equal(x.validate('9135010OM000100Y43').suggestions[0].code, '91350100M000100Y43');
  assert.equal(x.addWorkingDays('2024-09-30', 1), '2024-10-08'); // over the National Day holiday
}

/**
 * `f()` throws an XinyongError of `kind`; with `kind` undefined it returns
 * normally; with `kind` null either is fine (but never a trap or another error).
 */
function typed(f, kind, label) {
  let result;
  try {
    result = f();
  } catch (e) {
    assert.ok(!(e instanceof WebAssembly.RuntimeError), `${label}: trap ${e}`);
    assert.ok(e instanceof x.XinyongError, `${label}: ${e?.constructor?.name} ${e}`);
    assert.ok(e instanceof Error, label);
    assert.equal(e.name, 'XinyongError', label);
    assert.equal(typeof e.kind, 'string', label);
    assert.equal(typeof e.message, 'string', label);
    if (kind) assert.equal(e.kind, kind, `${label}: ${e.message}`);
    alive();
    return e;
  }
  if (kind !== null) assert.equal(kind, undefined, `${label}: expected a ${kind} error, got ${JSON.stringify(result)?.slice(0, 100)}`);
  alive();
  return result;
}

const nonStrings = [undefined, null, 42, 0, NaN, true, {}, [], ['91350100M000100Y43'], () => 1, Symbol('s'), 10n,
  new String('91350100M000100Y43'), new Uint8Array(18)];
const label = (v) => (typeof v === 'symbol' ? 'Symbol' : typeof v === 'bigint' ? `${v}n` : `${typeof v} ${String(v).slice(0, 20)}`);

test('XinyongError is exported, subclasses Error and cannot be constructed', () => {
  assert.equal(typeof x.XinyongError, 'function');
  assert.equal(require('xinyong').XinyongError, x.XinyongError);
  assert.ok(Object.getPrototypeOf(x.XinyongError.prototype) === Error.prototype);
  const e = typed(() => x.validate(42), 'type', 'validate(42)');
  assert.ok(e.stack.includes('XinyongError'));
  assert.equal(e.free, undefined, 'an error owns no Rust value to free');
  // The CommonJS build has the class too, and its errors are its instances.
  const cjs = require('xinyong');
  assert.throws(() => cjs.isValid(undefined), (err) => err instanceof cjs.XinyongError && err.kind === 'type');
});

test('non-string arguments are typed errors everywhere', () => {
  const oneString = ['validate', 'isValid', 'suggest', 'normalize', 'usccCheckChar', 'validateOrgCode', 'isValidOrgCode',
    'orgCodeCheckChar', 'validateRegistrationNumber', 'isValidRegistrationNumber', 'registrationNumberCheckDigit',
    'division', 'isWorkingDay', 'validateResidentId', 'isValidResidentId', 'residentIdCheckChar', 'maskResidentId'];
  for (const name of oneString) {
    for (const v of nonStrings) typed(() => x[name](v), 'type', `${name}(${label(v)})`);
    typed(() => x[name](), 'type', `${name}()`);
  }
  for (const v of nonStrings) {
    typed(() => x.workingDaysBetween(v, '2024-01-02'), 'type', `workingDaysBetween(${label(v)})`);
    typed(() => x.workingDaysBetween('2024-01-02', v), 'type', `workingDaysBetween(…, ${label(v)})`);
    typed(() => x.publicationDeadline(v, 'samr-20wd'), 'type', `publicationDeadline(${label(v)})`);
    typed(() => x.publicationDeadline('2024-01-02', v), 'type', `publicationDeadline(…, ${label(v)})`);
    typed(() => x.addWorkingDays(v, 1), 'type', `addWorkingDays(${label(v)})`);
  }
  for (const n of [-1, 1.5, NaN, Infinity, 2 ** 32, '5', null, undefined, {}, 5n]) {
    typed(() => x.addWorkingDays('2024-01-02', n), 'type', `addWorkingDays(…, ${label(n)})`);
  }
  for (const v of [undefined, null, 42, '91350100M000100Y43', {}, [1, 2], ['ok', 42], [undefined], new Set(['a'])]) {
    typed(() => x.validateMany(v), 'type', `validateMany(${label(v)})`);
    typed(() => x.isValidMany(v), 'type', `isValidMany(${label(v)})`);
  }
  typed(() => x.validate('91350100M000100Y43', []), null, 'validate(…, [])');
  for (const v of [42, 'x', true, { acceptPilotCodes: 'yes' }, { maxSuggestions: -1 }, { maxSuggestions: 1e30 }, { nope: 1 }]) {
    typed(() => x.validate('91350100M000100Y43', v), 'options', `validate(…, ${label(v)})`);
  }
  for (const v of [undefined, null, 42, 'x', [], { authority: 9 }, { authority: '9', entityType: '1', division: '350100', orgBody: 12345678 }]) {
    typed(() => x.generate(v), null, `generate(${label(v)})`);
  }
  for (const v of [undefined, null, 42, true, Symbol('s'), 10n]) typed(() => x.repairEligibility(v), 'type', `repairEligibility(${label(v)})`);
});

test('huge strings and arrays are refused before they are copied, or answered', () => {
  const limit = 1 << 24; // wasm::MAX_STRING_LENGTH
  typed(() => x.validate('9'.repeat(limit + 1)), 'too_long', 'validate(huge)');
  typed(() => x.isValid('9'.repeat(limit + 1)), 'too_long', 'isValid(huge)');
  typed(() => x.suggest('中'.repeat(limit + 1)), 'too_long', 'suggest(huge)');
  typed(() => x.repairEligibility(' '.repeat(limit + 1)), 'too_long', 'repairEligibility(huge)');
  // Just under the limit: a normal answer (a length error in the result).
  const r = typed(() => x.validate('９'.repeat(limit)), undefined, 'validate(limit)');
  assert.equal(r.valid, false);
  assert.equal(r.errors[0].kind, 'length');
  assert.equal(typed(() => x.isValid('9'.repeat(limit)), undefined, 'isValid(limit)'), false);
  typed(() => x.isValidMany(Array(5).fill('9'.repeat(limit))), 'too_long', 'isValidMany(total)');
  const many = typed(() => x.isValidMany(Array(100000).fill('91350100M000100Y43')), undefined, 'isValidMany(100000)');
  assert.equal(many.length, 100000);
});

test('lone surrogates and other odd text are reported as characters', () => {
  for (const s of ['\ud800', '91350100M000100Y4\udfff', '\udc00\ud800'.repeat(9), '\u0000'.repeat(18), '\u{1F600}'.repeat(18), '\ufeff'.repeat(40)]) {
    const r = typed(() => x.validate(s), undefined, JSON.stringify(s));
    assert.equal(r.valid, false);
    assert.equal(x.isValid(s), false);
    typed(() => x.validateOrgCode(s), undefined, `org ${JSON.stringify(s)}`);
    typed(() => x.validateRegistrationNumber(s), undefined, `regno ${JSON.stringify(s)}`);
    typed(() => x.suggest(s), undefined, `suggest ${JSON.stringify(s)}`);
    typed(() => x.normalize(s), undefined, `normalize ${JSON.stringify(s)}`);
    typed(() => x.division(s), undefined, `division ${JSON.stringify(s)}`);
    typed(() => x.usccCheckChar(s), null, `usccCheckChar ${JSON.stringify(s)}`);
    typed(() => x.isWorkingDay(s), 'invalid_date', `isWorkingDay ${JSON.stringify(s)}`);
  }
});

test('deeply nested, enormous or cyclic JSON is a typed error', () => {
  typed(() => x.repairEligibility('['.repeat(100000)), 'invalid_json', 'deep text');
  typed(() => x.repairEligibility('{"a":'.repeat(50000) + '1' + '}'.repeat(50000)), 'invalid_json', 'deep object text');
  let deep = {};
  for (let i = 0; i < 100000; i++) deep = { a: deep };
  typed(() => x.repairEligibility(deep), 'type', 'deep object (JSON.stringify overflows)');
  let nested = {};
  for (let i = 0; i < 1000; i++) nested = { a: nested };
  typed(() => x.repairEligibility(nested), null, 'nested object');
  const cyclic = { asOf: '2026-01-01' };
  cyclic.self = cyclic;
  typed(() => x.repairEligibility(cyclic), 'type', 'cyclic object');
  typed(() => x.repairEligibility(JSON.stringify({ asOf: '2026-11-26', record: { kind: 'administrative_penalty', track: 'ndrc', measures: Array(200000).fill('fine') } })), null, 'enormous array');
  typed(() => x.repairEligibility('{"asOf": "2026-11-26", "record": ' + '[1,'.repeat(3000) + ']'), 'invalid_json', 'truncated');
  typed(() => x.repairEligibility('\ud800'), 'invalid_json', 'lone surrogate JSON');
});

test('wrong date formats and dates out of range are typed errors', () => {
  for (const d of ['', '2024-1-1', '2024/01/02', '20240102', '2024-02-30', '0000-01-01', '-0001-01-01', '+002024-01-02',
    '9999-12-31', '99999-01-01', '2024-01-02T00:00', ' 2024-13-01', '２０２４-０１-０２', '2024-01-02\u0000']) {
    typed(() => x.isWorkingDay(d), null, `isWorkingDay(${JSON.stringify(d)})`);
    typed(() => x.addWorkingDays(d, 3), null, `addWorkingDays(${JSON.stringify(d)})`);
    typed(() => x.workingDaysBetween(d, '2024-01-02'), null, `workingDaysBetween(${JSON.stringify(d)})`);
    typed(() => x.publicationDeadline(d, 'double-publicity-7wd'), null, `publicationDeadline(${JSON.stringify(d)})`);
  }
  typed(() => x.addWorkingDays('2026-12-31', 4294967295), 'year_not_covered', 'addWorkingDays(max)');
  const record = (published) => ({ kind: 'administrative_penalty', track: 'ndrc', severity: 'general', measures: ['fine'],
    publishedOn: published, obligationsPerformed: true, corrected: true, commitmentSigned: true, harmRemoved: true });
  for (const [asOf, published] of [['9999-12-31', '9999-12-31'], ['9999-12-31', '9999-06-01'], ['0000-01-01', '0000-01-01'],
    ['0001-01-01', '0001-01-01'], ['2026-11-26', '0000-02-29'], ['2026-11-26', '9999-12-31'], ['2026-11-26', '2026-5-10'],
    ['262143-12-31', '2026-05-10'], ['-0001-01-01', '2026-05-10'], ['2026-11-26', '+2026-05-10']]) {
    typed(() => x.repairEligibility({ asOf, ruleSet: 'auto', record: record(published) }), null, `repair ${asOf} ${published}`);
    typed(() => x.repairEligibility({ asOf, ruleSet: 'ndrc-2019', record: { ...record(published), severity: 'serious' } }), null,
      `repair ndrc-2019 serious ${asOf} ${published}`);
  }
});

// The 双公示 record vectors (tests/vectors/records.json, expected findings written
// by hand from the cited rules) through the npm package: validateRecord and
// validateRecords, the same cases tests/records_vectors.rs runs natively.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateRecord, validateRecords, XinyongError } from 'xinyong';
import { doc, record, options, subset, check } from './records-vectors.mjs';

test('every record case, through validateRecord', () => {
  assert.ok(doc.cases.length >= 60);
  for (const c of doc.cases) {
    if (c.expectError) {
      assert.throws(() => validateRecord(record(c), options(c)), (e) => {
        assert.ok(e instanceof XinyongError, c.name);
        assert.equal(e.kind, c.expectError.kind, c.name);
        if (c.expectError.field) assert.equal(e.field, c.expectError.field, c.name);
        assert.ok(e.messages['zh-Hans'] && e.messages['zh-Hant'] && e.messages.en, c.name);
        return true;
      }, c.name);
    } else {
      const r = validateRecord(record(c), options(c));
      check(c.expect, r, c.name);
      assert.equal(r.row, undefined, 'validateRecord has no row');
    }
  }
});

test('file cases, through validateRecords', () => {
  for (const f of doc.files) {
    const r = validateRecords(f.rows.map((set) => record(f, set)), options(f));
    f.expect.records.forEach((w, i) => check(w, r.records[i], `${f.name} row ${i + 1}`));
    subset(f.expect.summary, r.summary, `${f.name} summary`);
    assert.equal(Object.keys(r.summary.byKind).length, Object.keys(f.expect.summary.byKind).length);
  }
});

test('ID numbers are masked by default and never in messages', () => {
  const c = doc.cases.find((x) => x.name.startsWith('natural person with a valid ID number'));
  const r = validateRecord(record(c), options(c));
  assert.equal(r.fields.CF_XDR_ZJHM, '110105********002X');
  assert.ok(!JSON.stringify(r).includes('19491231'));
  const shown = validateRecord(record(c), { ...options(c), revealIds: true });
  assert.equal(shown.fields.CF_XDR_ZJHM, '11010519491231002x');
});

test('numbers are accepted as values; bad arguments throw typed errors', () => {
  const base = record({ base: 'penalty' });
  const r = validateRecord({ ...base, CF_NR_FK: 0.2 }, { asOf: '2026-01-20' });
  assert.equal(r.fields.CF_NR_FK, '0.2');
  assert.equal(r.valid, true);
  assert.throws(() => validateRecord(base), (e) => e.kind === 'options');
  assert.throws(() => validateRecord(base, { asOf: '2026-1-20' }), (e) => e.kind === 'invalid_options' && e.field === 'asOf');
  assert.throws(() => validateRecord(base, { asOf: '2026-01-20', colour: 1 }), (e) => e.kind === 'invalid_options');
  assert.throws(() => validateRecord(base, { asOf: '2026-01-20', mask: { keepStart: 1 } }),
    (e) => e.kind === 'invalid_options' && e.field === 'mask.keepStart');
  assert.throws(() => validateRecord('CF_WSH', { asOf: '2026-01-20' }), (e) => e.kind === 'type');
  assert.throws(() => validateRecord({ CF_WSH: {} }, { asOf: '2026-01-20' }), (e) => e.kind === 'type');
  assert.throws(() => validateRecords({}, { asOf: '2026-01-20' }), (e) => e.kind === 'type');
  const schema = JSON.stringify({ kind: 'penalty', fields: [{ code: 'CF_WSH', maxLength: 2 }] });
  assert.equal(validateRecord({ CF_WSH: 'abc' }, { asOf: '2026-01-20', schema }).findings[0].kind, 'too_long');
});

// division() and the division names in results, through the built package,
// from the same vector file the Rust tests read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { division, validate, generate, usccCheckChar } from 'xinyong';
import { rows } from './vectors.mjs';

test('every division vector', () => {
  const vectors = rows('divisions.tsv');
  assert.ok(vectors.length >= 17);
  for (const [code, status, name, full, fullHant, validTo, previous] of vectors) {
    const d = division(code);
    assert.equal(d.status, status, code);
    if (name !== '-') assert.equal(d.name['zh-Hans'], name, code);
    if (full !== '-') assert.equal(d.fullName['zh-Hans'], full, code);
    if (fullHant !== '-') assert.equal(d.fullName['zh-Hant'], fullHant, code);
    if (validTo !== '-') assert.equal(String(d.validTo), validTo, code);
    if (previous !== '-') {
      const [old, year] = previous.split('@');
      assert.equal(String(d.history.find((h) => h.name['zh-Hans'] === old).validTo + 1), year, code);
    }
    if (status === 'unknown') assert.ok(d.province, code);
  }
});

test('results carry the region name; an abolished division warns but stays valid', () => {
  const code = generate({ authority: '9', entityType: '1', division: '451102', orgBody: 'MA1FL0LY' });
  const r = validate(code);
  assert.equal(r.parts.division.fullName['zh-Hant'], '廣西壯族自治區賀州市八步區');
  assert.deepEqual(r.warnings, []);
  const first17 = code.slice(0, 17).replace('451102', '110103');
  const old = validate(first17 + usccCheckChar(first17));
  assert.equal(old.valid, true);
  assert.equal(old.warnings[0].kind, 'division_abolished');
  assert.match(old.warnings[0].message.en, /2010/);
  assert.throws(() => division(451102), (e) => e.kind === 'type');
  assert.equal(division('abc').status, 'unknown');
});

// repairEligibility through the built package: every case of
// tests/vectors/repair-cases.json (expected values derived by hand from
// repair-rules.md), the same file the Rust tests read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { repairEligibility } from 'xinyong';

const { cases } = JSON.parse(readFileSync(new URL('../vectors/repair-cases.json', import.meta.url), 'utf8'));

test('every repair vector', () => {
  assert.ok(cases.length > 50);
  for (const c of cases) {
    assert.ok(c.source, `${c.name} cites no source`);
    const input = c.inputText ?? c.input;
    if (c.expectError) {
      assert.throws(() => repairEligibility(input), (e) => {
        assert.ok(e instanceof Error, c.name);
        assert.equal(e.kind, c.expectError.kind, c.name);
        assert.equal(e.field, c.expectError.field, c.name);
        assert.ok(e.messages['zh-Hant'], c.name);
        return true;
      });
      continue;
    }
    const got = repairEligibility(input);
    for (const [key, want] of Object.entries(c.expect)) {
      if (key === 'unmet') assert.deepEqual(got.unmet.map((u) => u.kind).sort(), [...want].sort(), c.name);
      else if (key === 'rules') assert.deepEqual(got.rules.map((r) => r.id), want, c.name);
      else assert.deepEqual(got[key], want, `${c.name}: ${key}`);
    }
    for (const r of got.rules) assert.ok(r.citation && ['A', 'B'].includes(r.confidence), c.name);
  }
});

test('a JSON string and an object give the same answer; other types are typed errors', () => {
  const input = cases.find((c) => c.expect && c.input).input;
  assert.deepEqual(repairEligibility(JSON.stringify(input)), repairEligibility(input));
  assert.throws(() => repairEligibility(42), (e) => e.kind === 'type');
  assert.throws(() => repairEligibility(undefined), (e) => e.kind === 'type');
  assert.equal(typeof repairEligibility(input).eligible, 'boolean');
});

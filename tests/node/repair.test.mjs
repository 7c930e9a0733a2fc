// repairEligibility through the built package: every case of
// tests/vectors/repair-cases.json (expected values derived by hand from
// repair-rules.md), the same file the Rust tests read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { repairEligibility, rulesInfo } from 'xinyong';

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
      else if (key === 'warnings') assert.deepEqual((got.warnings ?? []).map((w) => w.kind), want, c.name);
      else if (key === 'dues') {
        const have = got.procedureDeadlines ?? [];
        assert.equal(have.length, Object.keys(want).length, c.name);
        for (const [id, due] of Object.entries(want)) {
          const d = have.find((x) => x.id === id);
          if (due?.error) assert.ok(d.due === null && d.unavailable.kind === due.error, `${c.name}: ${id}`);
          else assert.ok(d.due === due && d.citation, `${c.name}: ${id}`);
        }
      }
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

test('rulesInfo: every built-in rule set with its dates and confidence, and the calendar years', () => {
  const info = rulesInfo();
  const ids = info.ruleSets.map((r) => r.id);
  assert.deepEqual(ids, ['ndrc-2019', 'ndrc-2023', 'ndrc-2026', 'samr-2021', 'samr-2025', 'spc-2017']);
  const samr = info.ruleSets.find((r) => r.id === 'samr-2025');
  assert.equal(samr.effectiveFrom, '2025-12-25'); // Order 107 in force (repair-rules.md, third check)
  assert.equal(samr.effectiveUntil, null);
  assert.equal(samr.confidence, 'B');
  assert.equal(info.ruleSets.find((r) => r.id === 'samr-2021').effectiveUntil, '2025-12-24');
  assert.equal(info.calendarYears[0], 2004);
  assert.equal(info.calendarYears.at(-1), 2026);
});

test('issue 16: a SAMR general fine published 2026-01-10, asked on 2026-04-10, under auto', () => {
  const a = repairEligibility({ asOf: '2026-04-10', ruleSet: 'auto', record: { kind: 'administrative_penalty', track: 'samr', severity: 'general', measures: ['fine'], publishedOn: '2026-01-10' } });
  assert.equal(a.ruleSet, 'samr-2025');
  assert.equal(a.earliestApplyDate, '2026-04-11');
  assert.equal(a.publicationEnds, '2027-01-10');
});

// The status vectors (tests/vectors/status-cases.json) through the npm package,
// and the custom-element modules imported in Node (no DOM: registering nothing).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolveStatus } from 'xinyong';

const doc = JSON.parse(readFileSync(new URL('../vectors/status-cases.json', import.meta.url), 'utf8'));

/** Every expected key must match (null = absent); arrays have the same length. */
function matches(want, got, path = '') {
  if (want !== null && typeof want === 'object' && !Array.isArray(want)) {
    for (const [k, v] of Object.entries(want)) matches(v, got?.[k] ?? null, `${path}.${k}`);
  } else if (Array.isArray(want)) {
    assert.ok(Array.isArray(got) && got.length === want.length, `${path}: ${JSON.stringify(got)} vs ${JSON.stringify(want)}`);
    want.forEach((w, i) => matches(w, got[i], `${path}[${i}]`));
  } else {
    assert.deepEqual(got, want, path);
  }
}

test('every status case, through resolveStatus', () => {
  assert.ok(doc.cases.length >= 30);
  for (const c of doc.cases) {
    const entity = c.entityText ?? c.entity;
    if (c.expectError) {
      assert.throws(() => resolveStatus(entity, c.asOf), (e) => {
        assert.equal(e.kind, c.expectError.kind, c.name);
        assert.equal(e.field, c.expectError.field, c.name);
        assert.ok(e.messages['zh-Hans'] && e.messages['zh-Hant'] && e.messages.en, c.name);
        return true;
      }, c.name);
    } else {
      const r = resolveStatus(entity, c.asOf);
      matches(c.expect, r, c.name);
      // Objects and JSON text give the same answer.
      if (c.entity) assert.deepEqual(resolveStatus(JSON.stringify(c.entity), c.asOf), r);
    }
  }
});

test('the demo data resolves to the verdicts the gallery promises', async () => {
  const index = JSON.parse(readFileSync(new URL('../../www/data/index.json', import.meta.url), 'utf8'));
  const want = { red: 'trustworthy', black: 'restricted', objection: 'suspended', expired: 'clear', exited: 'clear',
    repaired: 'clear', 'abnormal-cured': 'clear', abnormal: 'attention' };
  for (const g of index.gallery.filter((g) => g.case !== 'unknown')) {
    const text = readFileSync(new URL(`../../www/data/entities/${g.code}.json`, import.meta.url), 'utf8');
    assert.equal(resolveStatus(text, index.asOf).verdict, want[g.case], g.case);
  }
});

test('the element modules import in Node and register nothing', async () => {
  const elements = await import('xinyong/elements');
  const { define, TAGS } = await import('xinyong/define');
  assert.equal(typeof elements.XinyongCodeInput, 'function');
  assert.deepEqual(Object.keys(TAGS), ['xinyong-code-input', 'xinyong-credit-status']);
  assert.equal(define(), false); // no customElements in Node
  assert.equal(define(), false);
  assert.match(elements.todayInShanghai(new Date('2026-11-26T16:30:00Z')), /^2026-11-27$/); // 00:30 in Shanghai
});

// Shared by the tests that run tests/vectors/records.json (the 双公示 record
// vectors, expected findings written by hand from the cited rules): how a
// case becomes a record and how a report is compared with its expectation.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

export const doc = JSON.parse(readFileSync(new URL('../vectors/records.json', import.meta.url), 'utf8'));

const cell = (v) => (typeof v === 'string' ? v : v.repeat.repeat(v.times));

/** The record of a case or file row: a base with set / unset, or `record`. */
export function record(c, set = c.set) {
  const out = {};
  for (const [k, v] of Object.entries(c.record ?? doc.base[c.base])) out[k] = cell(v);
  for (const [k, v] of Object.entries(set ?? {})) out[k] = cell(v);
  for (const k of c.unset ?? []) delete out[k];
  return out;
}

/** The options of a case, as validateRecord takes them. */
export const options = (c) => ({ ...(c.options ?? {}), asOf: c.asOf ?? doc.asOf });

/** Every expected key matches (null = absent). */
export function subset(want, got, path) {
  if (want !== null && typeof want === 'object') {
    for (const [k, v] of Object.entries(want)) subset(v, got?.[k] ?? null, `${path}.${k}`);
  } else {
    assert.deepEqual(got, want, path);
  }
}

/** Each expected finding matches a distinct actual one, and there are no others. */
export function findings(want, got, name) {
  assert.equal(got.length, want.length, `${name}: ${JSON.stringify(got.map((f) => [f.field, f.kind]))}`);
  const used = new Set();
  for (const w of want) {
    const i = got.findIndex((g, j) => !used.has(j) && Object.entries(w).every(([k, v]) => (g[k] ?? null) === v));
    assert.ok(i >= 0, `${name}: no finding matches ${JSON.stringify(w)}`);
    used.add(i);
  }
  for (const f of got) {
    assert.ok(f.message['zh-Hans'] && f.message['zh-Hant'] && f.message.en, name);
    assert.ok(['error', 'warning'].includes(f.severity), name);
  }
}

/** A report against a case's `expect`. */
export function check(want, got, name) {
  for (const key of ['valid', 'publication', 'fields', 'row']) if (key in want) subset(want[key], got[key], `${name} ${key}`);
  if (want.findings) findings(want.findings, got.findings, name);
  if (want.messagesContain) assert.ok(JSON.stringify(got.findings).includes(want.messagesContain), name);
}

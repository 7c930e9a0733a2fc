// npm run bench (after bench.mjs): how often the real code is the first
// suggestion, or among the first three, for single typos of real codes, and
// what validate() costs on such typos (a report; nothing here asserts on time).
// The typos are those of tests/suggest_quality.rs, which asserts the quality
// floor: for every valid code in tests/vectors/uscc-valid.tsv, 20 typos drawn
// with mulberry32(18): with even odds a substitution (uniform position,
// uniform other alphabet character) or a swap of two different neighbours.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const xinyong = require('xinyong');

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const SEED = 18;
const PER_CODE = 20;

/** Mulberry32, as in tests/suggest_quality.rs: unsigned 32-bit draws. */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** The benchmark's typos: [typo, real code, kind]. */
export function typos() {
  const next = mulberry32(SEED);
  // An integer in 0..n, as the Rust side computes it ((draw * n) >> 32).
  const below = (n) => Number((BigInt(next()) * BigInt(n)) >> 32n);
  const codes = readFileSync(new URL('../tests/vectors/uscc-valid.tsv', import.meta.url), 'utf8')
    .split('\n').filter((l) => l && !l.startsWith('#')).slice(1).map((l) => l.split('\t')[0]);
  const out = [];
  for (const code of codes) {
    for (let k = 0; k < PER_CODE; k++) {
      const typo = [...code];
      let kind;
      if (below(2) === 1) {
        kind = 'swap';
        for (;;) {
          const i = below(17);
          if (code[i] !== code[i + 1]) {
            [typo[i], typo[i + 1]] = [typo[i + 1], typo[i]];
            break;
          }
        }
      } else {
        kind = 'substitution';
        const i = below(18);
        const others = [...ALPHABET].filter((c) => c !== code[i]);
        typo[i] = others[below(others.length)];
      }
      out.push([typo.join(''), code, kind]);
    }
  }
  return out;
}

const all = typos();
const rows = [];
for (const [label, subset] of [
  ['all typos', all],
  ['substitutions', all.filter((t) => t[2] === 'substitution')],
  ['swaps of neighbours', all.filter((t) => t[2] === 'swap')],
]) {
  let first = 0, top3 = 0, found = 0, count = 0;
  for (const [typo, code] of subset) {
    const list = xinyong.suggest(typo);
    const rank = list.findIndex((s) => s.code === code);
    count += list.length;
    if (rank === 0) first++;
    if (rank >= 0 && rank < 3) top3++;
    if (rank >= 0) found++;
  }
  const pct = (k) => `${((100 * k) / subset.length).toFixed(1)}%`;
  rows.push([label, subset.length, pct(first), pct(top3), pct(found), (count / subset.length).toFixed(2)]);
}
console.log(`\nSuggestions for single typos of real codes (seed ${SEED}; target: top-1 ≥ 90%, top-3 ≥ 99%)`);
console.log('| typos | count | real code first | in the top 3 | suggested at all | suggestions per typo |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);

// Cost per keystroke on a mistyped code: the full validate (with the
// suggestion search) on each typo, best of 7 rounds of about 50 ms.
const inputs = all.map((t) => t[0]);
let sink = 0;
const pass = () => { for (const c of inputs) sink += xinyong.validate(c).suggestions.length; };
let reps = 1;
for (;;) {
  const t = process.hrtime.bigint();
  for (let r = 0; r < reps; r++) pass();
  if (Number(process.hrtime.bigint() - t) > 50e6) break;
  reps *= 2;
}
let best = Infinity;
for (let round = 0; round < 7; round++) {
  const t = process.hrtime.bigint();
  for (let r = 0; r < reps; r++) pass();
  best = Math.min(best, Number(process.hrtime.bigint() - t) / (reps * inputs.length));
}
console.log(`\nvalidate() on these mistyped codes: ${(best / 1000).toFixed(2)} µs per call (${sink > 0 ? 'with' : 'without'} suggestions)`);

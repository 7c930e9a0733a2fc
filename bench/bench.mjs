// npm run bench: ns per code for this package's entry points, a plain JS
// reference (bench/plain.mjs) and the npm validators people use today, all in
// one process on the same inputs (every USCC in tests/vectors). Prints the
// ratio to the plain JS reference; never asserts on time.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isValidPlain } from './plain.mjs';

const require = createRequire(import.meta.url);
const xinyong = require('xinyong');
const utilHelpers = require('util-helpers');
const { stdnum } = require('stdnum');

const read = (name) => readFileSync(new URL(`../tests/vectors/${name}`, import.meta.url), 'utf8')
  .split('\n').filter((l) => l && !l.startsWith('#')).slice(1).map((l) => l.split('\t')[0]);
const codes = [...read('uscc-valid.tsv'), ...read('uscc-invalid.tsv')];
// The same codes as one UTF-8 buffer of lines, as a file read in Node would be.
const lines = Buffer.from(codes.join('\n') + '\n');
const raw = require('../pkg/node/xinyong.js'); // the raw wasm-bindgen build (a second instance)

// Agreement first: a fast wrong answer is not a result.
const disagreements = codes.filter((c) => isValidPlain(c) !== xinyong.isValid(c));
if (disagreements.length) throw new Error(`plain JS and xinyong disagree on ${disagreements}`);

/** Repetitions of one pass over the codes that take about 50 ms. */
function calibrate(pass) {
  let reps = 1;
  for (;;) {
    const t = process.hrtime.bigint();
    for (let r = 0; r < reps; r++) pass();
    if (Number(process.hrtime.bigint() - t) > 50e6) return reps;
    reps *= 2;
  }
}

let sink = 0;
/**
 * ns per code for each row: the best of 7 rounds, where each round times
 * every row once, one after another (so that a slow moment of the machine,
 * or the JIT's work, does not fall on one row only).
 */
function measureAll(rows, codes) {
  const passes = rows.map(([, fn, { batch = false } = {}]) => (batch
    ? () => { sink += fn(codes); }
    : () => { for (let i = 0; i < codes.length; i++) if (fn(codes[i])) sink++; }));
  const reps = passes.map(calibrate);
  const best = rows.map(() => Infinity);
  for (let round = 0; round < 7; round++) {
    passes.forEach((pass, k) => {
      const t = process.hrtime.bigint();
      for (let r = 0; r < reps[k]; r++) pass();
      best[k] = Math.min(best[k], Number(process.hrtime.bigint() - t) / (reps[k] * codes.length));
    });
  }
  return best;
}

const rows = [
  ['plain JS reference (bench/plain.mjs)', (c) => isValidPlain(c)],
  ['xinyong isValid', (c) => xinyong.isValid(c)],
  ['xinyong isValidMany (batch, array of strings)', (cs) => xinyong.isValidMany(cs).length, { batch: true }],
  ['xinyong isValidLines (batch, one buffer of lines)', () => xinyong.isValidLines(lines).length, { batch: true }],
  ['raw wasm-bindgen isValid (no JS fast path)', (c) => raw.isValid(c)],
  ['xinyong validate (full result)', (c) => xinyong.validate(c).valid],
  ['xinyong validate, no suggestions', (c) => xinyong.validate(c, { suggestions: false }).valid],
  ['xinyong validateMany (batch)', (cs) => xinyong.validateMany(cs).length, { batch: true }],
  ['npm util-helpers isSocialCreditCode', (c) => utilHelpers.isSocialCreditCode(c)],
  ['npm stdnum CN.uscc.validate', (c) => stdnum.CN.uscc.validate(c).isValid],
];

const validOnly = read('uscc-valid.tsv');
console.log(`${codes.length} codes (${validOnly.length} valid), Node ${process.version}`);
const best = measureAll(rows, codes);
const results = rows.map(([name], k) => [name, best[k]]);
const reference = results[0][1];
console.log('| implementation | ns per code | ratio to plain JS |');
console.log('|---|---:|---:|');
for (const [name, ns] of results) console.log(`| ${name} | ${ns.toFixed(1)} | ${(ns / reference).toFixed(2)}× |`);
const wrong = (fn) => codes.filter((c) => fn(c) !== xinyong.isValid(c)).length;

// The valid codes alone (the validate target is for a valid code):
// the same rows on them, in a second round of measurements.
const validRows = rows.slice(0, 8).map(([name, fn, opts]) => [name, opts?.batch && fn.length === 0
  ? () => xinyong.isValidLines(validLines).length : fn, opts]);
const validLines = Buffer.from(validOnly.join('\n') + '\n');
const validBest = measureAll(validRows, validOnly);
console.log(`\nThe ${validOnly.length} valid codes only:\n`);
console.log('| implementation | ns per code | ratio to plain JS |');
console.log('|---|---:|---:|');
validRows.forEach(([name], k) => console.log(`| ${name} | ${validBest[k].toFixed(1)} | ${(validBest[k] / validBest[0]).toFixed(2)}× |`));
console.log(`(sink ${sink % 10})`);
console.log(`\ndisagreements with xinyong on these codes: util-helpers ${wrong(utilHelpers.isSocialCreditCode)}, ` +
  `stdnum ${wrong((c) => stdnum.CN.uscc.validate(c).isValid)}`);

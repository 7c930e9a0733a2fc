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

function measure(fn, { batch = false } = {}) {
  const rounds = 7;
  let best = Infinity;
  let sink = 0;
  // Aim for ~100 ms a round.
  let reps = 1;
  for (;;) {
    const t = process.hrtime.bigint();
    for (let r = 0; r < reps; r++) sink += batch ? fn(codes) : codes.reduce((n, c) => n + (fn(c) ? 1 : 0), 0);
    const ns = Number(process.hrtime.bigint() - t);
    if (ns > 50e6) break;
    reps *= 2;
  }
  for (let i = 0; i < rounds; i++) {
    const t = process.hrtime.bigint();
    for (let r = 0; r < reps; r++) sink += batch ? fn(codes) : codes.reduce((n, c) => n + (fn(c) ? 1 : 0), 0);
    best = Math.min(best, Number(process.hrtime.bigint() - t) / (reps * codes.length));
  }
  return { ns: best, sink };
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
const results = rows.map(([name, fn, opts]) => [name, measure(fn, opts).ns]);
const reference = results[0][1];
console.log('| implementation | ns per code | ratio to plain JS |');
console.log('|---|---:|---:|');
for (const [name, ns] of results) console.log(`| ${name} | ${ns.toFixed(1)} | ${(ns / reference).toFixed(2)}× |`);
const wrong = (fn) => codes.filter((c) => fn(c) !== xinyong.isValid(c)).length;
console.log(`\ndisagreements with xinyong on these codes: util-helpers ${wrong(utilHelpers.isSocialCreditCode)}, ` +
  `stdnum ${wrong((c) => stdnum.CN.uscc.validate(c).isValid)}`);

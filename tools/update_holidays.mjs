#!/usr/bin/env node
// Regenerates data/holidays.tsv (the built-in working-day calendar) from the npm
// package `chinese-days` (MIT), covering 2004 up to the last year it has a
// holiday notice for.
//
//   npm run update-holidays
//
// runs `npm install --save-dev --save-exact chinese-days@latest` first: the
// workspace pins the package at an exact version (package.json), and the
// command moves the pin to the newest release before regenerating, so a
// release of this package carries a new year as soon as `chinese-days` does.
// Tests never run that install: they call this script with `--from DIR` (a
// package already installed, e.g. node_modules/chinese-days at its pinned
// version) and `--out FILE`.
//
//   node tools/update_holidays.mjs [--from DIR] [--out FILE]
//
// DIR is where `chinese-days` is resolved from (default: this workspace);
// FILE defaults to data/holidays.tsv. The table is checked against the package
// for every date before it is written. After a new year: check it by hand
// against the State Council notice, re-export tests/vectors (see
// tools/export_chinese_days.mjs and data/holidays.md), and raise the year
// bounds in the tests.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

// chinese-days computes with local-time Dates (see tools/export_chinese_days.mjs):
// pin China's zone before it loads.
process.env.TZ = 'Asia/Shanghai';

const FIRST_YEAR = 2004;
const pad = (n) => String(n).padStart(2, '0');
const isWeekend = (y, m, d) => [0, 6].includes(new Date(Date.UTC(y, m - 1, d)).getUTCDay());

/** Every civil date of `year` as [month, day]. */
function daysOf(year) {
  const out = [];
  for (let t = Date.UTC(year, 0, 1); new Date(t).getUTCFullYear() === year; t += 86400000) {
    const u = new Date(t);
    out.push([u.getUTCMonth() + 1, u.getUTCDate()]);
  }
  return out;
}

/**
 * One year as the package sees it: per date, off or working and the holiday's
 * Chinese name ('' for an ordinary day), or null when the package has no notice
 * for the year (its New Year's Day is an ordinary working day or unnamed).
 */
function yearFrom(cd, year) {
  const days = daysOf(year).map(([m, d]) => {
    const detail = cd.getDayDetail(new Date(year, m - 1, d));
    const iso = `${year}-${pad(m)}-${pad(d)}`;
    if (detail.date !== iso) throw new Error(`chinese-days read ${iso} as ${detail.date}`);
    const parts = String(detail.name ?? '').split(',');
    return { m, d, work: Boolean(detail.work), name: parts.length >= 3 ? parts[1] : '' };
  });
  const newYear = days[0];
  return newYear.work || !newYear.name ? null : days;
}

/** The table's line for one year: days off as named runs, then make-up working days. */
function lineFor(year, days) {
  const runs = [];
  for (const day of days) {
    const weekend = isWeekend(year, day.m, day.d);
    if (day.work || (weekend && !day.name)) continue;
    if (!day.name) throw new Error(`${year}-${pad(day.m)}-${pad(day.d)}: a weekday off without a holiday name`);
    const name = day.name.replace(/[\t;]/g, ' ').trim();
    const last = runs.at(-1);
    const prev = last && new Date(Date.UTC(year, last.m - 1, last.d + last.n));
    if (last && last.name === name && prev.getUTCMonth() + 1 === day.m && prev.getUTCDate() === day.d) last.n++;
    else runs.push({ m: day.m, d: day.d, n: 1, name });
  }
  const off = runs.map((r) => `${pad(r.m)}-${pad(r.d)}${r.n > 1 ? `/${r.n}` : ''} ${r.name}`).join('; ');
  const work = days.filter((x) => x.work && isWeekend(year, x.m, x.d)).map((x) => `${pad(x.m)}-${pad(x.d)}`).join(' ');
  return `${year}\t${off}\t${work}`;
}

/** Per date W (working) or H (off), from a table line, as the Rust parser reads it. */
export function workingDaysOfLine(line) {
  const [yearText, off, work] = line.split('\t');
  const year = Number(yearText);
  const flags = new Map(daysOf(year).map(([m, d]) => [`${pad(m)}-${pad(d)}`, isWeekend(year, m, d) ? 'H' : 'W']));
  for (const item of off.split('; ').filter(Boolean)) {
    const [span] = item.split(' ');
    const [start, n = '1'] = span.split('/');
    const [m, d] = start.split('-').map(Number);
    for (let i = 0; i < Number(n); i++) {
      const u = new Date(Date.UTC(year, m - 1, d + i));
      flags.set(`${pad(u.getUTCMonth() + 1)}-${pad(u.getUTCDate())}`, 'H');
    }
  }
  for (const md of work.split(' ').filter(Boolean)) flags.set(md, 'W');
  return { year, flags: [...flags.values()].join('') };
}

/** The whole table text from the `chinese-days` resolvable from `fromDir`. */
export function generate(fromDir, today = new Date()) {
  const require = createRequire(join(resolve(fromDir), 'package.json'));
  const cd = require('chinese-days');
  const pkg = JSON.parse(readFileSync(require.resolve('chinese-days/package.json'), 'utf8'));
  if (pkg.license !== 'MIT') throw new Error(`chinese-days licence is ${pkg.license}, expected MIT`);
  const lines = [];
  let year = FIRST_YEAR;
  let dates = 0;
  for (let days; (days = yearFrom(cd, year)); year++) {
    dates += days.length;
    const line = lineFor(year, days);
    const { flags } = workingDaysOfLine(line);
    const expected = days.map((x) => (x.work ? 'W' : 'H')).join('');
    if (flags !== expected) throw new Error(`${year}: the table line does not reproduce chinese-days`);
    lines.push(line);
  }
  const last = year - 1;
  if (last < 2026) throw new Error(`chinese-days ${pkg.version} covers only ${FIRST_YEAR}-${last}`);
  const date = `${today.getUTCFullYear()}-${pad(today.getUTCMonth() + 1)}-${pad(today.getUTCDate())}`;
  return [
    '# xinyong working-day calendar: exceptions to the Monday-Friday rule, China (State Council holiday notices)',
    `# source: npm chinese-days ${pkg.version}, licence ${pkg.license} (getDayDetail: work flag and holiday name per date)`,
    `# generated ${date} by tools/update_holidays.mjs (npm run update-holidays); do not edit by hand`,
    `# checked: 0 disagreements on ${dates} dates ${FIRST_YEAR}-01-01..${last}-12-31 against chinese-days itself (one source; for an independent check run tools/gen_workdays.py, see data/holidays.md)`,
    `# covers: ${FIRST_YEAR}-${last} (every line is one covered year; other years are not covered)`,
    '# format: YEAR<TAB>days off<TAB>make-up working days',
    "#   days off: '; '-separated 'MM-DD[/N] NAME' = N days (default 1) from MM-DD are days off",
    "#   make-up working days (调休): space-separated 'MM-DD', weekend days that are working days",
    ...lines,
    '',
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { from: { type: 'string', default: '.' }, out: { type: 'string', default: 'data/holidays.tsv' } } });
  const text = generate(values.from);
  writeFileSync(values.out, text);
  const covers = text.match(/^# covers: (.*) \(/m)[1];
  process.stderr.write(`${values.out}: ${text.match(/^# source: (.*?),/m)[1]}, covers ${covers}\n`);
}

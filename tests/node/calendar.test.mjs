// Next year's holidays (issue 16 item 3) through the package: addHolidayYears
// with the hand-written vectors of tests/vectors/holiday-years.json, the
// `--calendar FILE` flag of the native and the Node command lines (run side by
// side: same output, same exit status), and `npm run update-holidays`'s
// generator (run here on installed packages only: no network).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import * as xinyong from 'xinyong';
import { generate, workingDaysOfLine } from '../../tools/update_holidays.mjs';

const root = new URL('../../', import.meta.url).pathname;
const vectors = JSON.parse(readFileSync(join(root, 'tests/vectors/holiday-years.json'), 'utf8'));
// An application made on 2026-12-24: its 22号 feedback deadline falls in 2027.
const lateApplication = JSON.stringify({
  asOf: '2026-12-24', appliedOn: '2026-12-24', receivedOn: '2026-12-28',
  record: { kind: 'administrative_penalty', track: 'ndrc', severity: 'general', publishedOn: '2026-05-10', obligationsPerformed: true, corrected: true, commitmentSigned: true },
});
const dir = mkdtempSync(join(tmpdir(), 'xinyong-calendar-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

// Runs first (tests in a file run in order): the process-wide calendar starts built in.
test('holiday-year vectors: added in order; errors typed, naming the field, adding nothing', () => {
  assert.throws(() => xinyong.isWorkingDay('2027-01-04'), (e) => e.kind === 'year_not_covered' && e.year === 2027);
  for (const c of vectors.cases) {
    assert.ok(c.source, `${c.name}: cite a source`);
    const before = xinyong.addWorkingDays('2026-12-01', 0);
    if (c.error) {
      assert.throws(
        () => xinyong.addHolidayYears(c.calendar),
        (e) => e instanceof xinyong.XinyongError && e.kind === c.error.kind && (e.field ?? null) === c.error.field && Boolean(e.messages?.en),
        c.name,
      );
      if (c.stillNotCovered) assert.throws(() => xinyong.isWorkingDay(c.stillNotCovered), (e) => e.kind === 'year_not_covered', c.name);
      assert.equal(before, '2026-12-01');
      continue;
    }
    const result = xinyong.addHolidayYears(c.calendar); // an object; the CLI passes text
    assert.deepEqual(result.added, c.added, c.name);
    assert.ok(result.years.includes(2004) && result.years.includes(c.added[0]));
    for (const [day, working] of Object.entries(c.working)) assert.equal(xinyong.isWorkingDay(day), working, `${c.name}: ${day}`);
    for (const d of c.deadlines) assert.equal(xinyong.publicationDeadline(d.decidedOn, d.rule).due, d.due, `${c.name}: ${d.why}`);
  }
  assert.throws(() => xinyong.addHolidayYears('{"2027": {"holidays": ["2027-01-01"]}}'), (e) => e.kind === 'year_already_covered' && e.field === '2027');
  // Repair answers and rulesInfo use the added years too.
  assert.deepEqual(xinyong.rulesInfo().calendarYears.slice(-2), [2027, 2028]);
  const a = xinyong.repairEligibility({ ...JSON.parse(lateApplication), asOf: '2026-11-30' });
  // 22号: 10 working days after 2026-12-24: 12-25, 12-28..31, (01-01..03 off), 01-04..08; 3 after 12-28: 12-29..31.
  assert.deepEqual(a.procedureDeadlines.map((d) => [d.id, d.due]), [['ndrc-2026/feedback', '2027-01-08'], ['ndrc-2026/decision', '2026-12-31']]);
  assert.throws(() => xinyong.addHolidayYears(42), (e) => e.kind === 'type');
});

// ---------------------------------------------------------------- command lines

const native = join(root, 'target/debug/xinyong');
before(() => {
  const build = spawnSync('cargo', ['build', '--quiet', '--bin', 'xinyong'], { cwd: root, encoding: 'utf8' });
  assert.equal(build.status, 0, build.stderr);
});

const run = (bin, args, input = '') => {
  const [cmd, pre] = bin === 'native' ? [native, []] : [process.execPath, [join(root, 'pkg/cli.mjs')]];
  const r = spawnSync(cmd, [...pre, ...args], { input, encoding: 'utf8', cwd: dir });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};

const y2027 = vectors.cases[0].calendar;
writeFileSync(join(dir, '2027.json'), JSON.stringify(y2027));
writeFileSync(join(dir, 'weekend.json'), JSON.stringify(vectors.cases.find((c) => c.error?.kind === 'weekend_holiday').calendar));
writeFileSync(join(dir, 'broken.json'), '{"2027": ');
writeFileSync(join(dir, 'late.json'), lateApplication);
const repairCase = JSON.stringify({
  asOf: '2026-11-26',
  record: { kind: 'administrative_penalty', track: 'ndrc', severity: 'general', publishedOn: '2026-05-10', obligationsPerformed: true, corrected: true, commitmentSigned: true },
});

const both = [
  ['deadline', '2026-12-28'],
  ['deadline', '2026-12-28', '--calendar', '2027.json'],
  ['deadline', '2026-12-28', '--calendar', '2027.json', '--json'],
  ['deadline', '2027-02-03', '--rule', 'samr-20wd', '--calendar', '2027.json', '--lang', 'en'],
  ['deadline', '2026-12-28', '--calendar', 'weekend.json', '--lang', 'en'],
  ['deadline', '2026-12-28', '--calendar', 'broken.json'],
  ['repair', '--calendar', '2027.json', '--json'],
  ['repair', '--calendar', '2027.json', '--lang', 'zh-Hant'],
  ['repair', '--calendar', '2027.json', '--lang', 'en', 'late.json'],
  ['repair', '--lang', 'en', 'late.json'],
  ['repair', '--json', 'late.json'],
  ['--version'],
  ['-V'],
];

test('--calendar FILE: the native and the Node command lines agree', () => {
  for (const args of both) {
    const a = run('native', args, repairCase);
    const b = run('node', args, repairCase);
    assert.equal(b.status, a.status, args.join(' '));
    assert.equal(b.stdout, a.stdout, args.join(' '));
    // Error text: the same lead and field (a JSON parser's detail may differ).
    assert.equal(b.stderr.split(':').slice(0, 3).join(':'), a.stderr.split(':').slice(0, 3).join(':'), args.join(' '));
  }
});

test('--calendar FILE: what each command line says', () => {
  for (const bin of ['native', 'node']) {
    assert.equal(run(bin, ['deadline', '2026-12-28']).status, 2); // 2027 not covered: fails closed
    assert.match(run(bin, ['deadline', '2026-12-28']).stderr, /2027 年的节假日安排尚未收录/);
    const ok = run(bin, ['deadline', '2026-12-28', '--calendar', '2027.json', '--json']);
    assert.equal(ok.status, 0);
    assert.equal(JSON.parse(ok.stdout).due, '2027-01-07');
    const late = JSON.parse(run(bin, ['repair', '--json', '--calendar', '2027.json', 'late.json']).stdout);
    assert.equal(late.procedureDeadlines[0].due, '2027-01-08');
    // The readable answer names the steps in the chosen language (22号: feedback within 10 working days of
    // the application, decision within 3 of its receipt; the dates as counted in the test above).
    const zh = run(bin, ['repair', '--calendar', '2027.json', 'late.json']).stdout;
    assert.match(zh, /反馈修复结果：2027-01-08（申请日 2026-12-24 后 10 个工作日）/);
    assert.match(zh, /作出修复决定：2026-12-31（收到申请日 2026-12-28 后 3 个工作日）/);
    const en = run(bin, ['repair', '--lang', 'en', '--calendar', '2027.json', 'late.json']).stdout;
    assert.match(en, /feedback due 2027-01-08 \(10 working days after application 2026-12-24\)/);
    const closed = JSON.parse(run(bin, ['repair', '--json', 'late.json']).stdout);
    assert.equal(closed.procedureDeadlines[0].due, null); // fails closed without the 2027 notice
    assert.equal(closed.procedureDeadlines[0].unavailable.kind, 'year_not_covered');
    assert.match(run(bin, ['--version']).stdout, /samr-2025 +samr +2025-12-25 \.\. +confidence B/);
    const bad = run(bin, ['deadline', '2026-12-28', '--calendar', 'weekend.json', '--lang', 'en']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /^xinyong: --calendar weekend\.json: .*2029\.holidays\[1\]/);
    assert.equal(run(bin, ['deadline', '2026-12-28', '--calendar', 'missing.json']).status, 2);
  }
});

// ---------------------------------------------------------------- update-holidays

const tableYears = (text) => new Map(text.split('\n').filter((l) => l && !l.startsWith('#')).map((l) => {
  const { year, flags } = workingDaysOfLine(l);
  return [year, flags];
}));

test('update-holidays: the pinned chinese-days regenerates the built-in table, day for day', () => {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  assert.match(pkg.devDependencies['chinese-days'], /^\d+\.\d+\.\d+$/); // pinned exactly
  assert.match(pkg.scripts['update-holidays'], /chinese-days@latest .*&& node tools\/update_holidays\.mjs$/);
  const fresh = tableYears(generate(root));
  const builtIn = tableYears(readFileSync(join(root, 'data/holidays.tsv'), 'utf8'));
  assert.deepEqual([...fresh.keys()], [...builtIn.keys()]);
  for (const [year, flags] of builtIn) assert.equal(fresh.get(year), flags, String(year));
  // And the independent export of tests/vectors (W/H per day).
  for (const line of readFileSync(join(root, 'tests/vectors/workdays-2004-2026.txt'), 'utf8').split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [year, flags] = line.split('\t');
    assert.equal(fresh.get(Number(year)), flags, year);
  }
});

test('update-holidays: a newer package with a 2027 notice gives a 2027 line', () => {
  // A stand-in for a future chinese-days release: the installed one, plus the
  // made-up 2027 notice of the vectors.
  const real = createRequire(join(root, 'package.json')).resolve('chinese-days');
  const fake = join(dir, 'newer', 'node_modules', 'chinese-days');
  mkdirSync(fake, { recursive: true });
  writeFileSync(join(fake, 'package.json'), JSON.stringify({ name: 'chinese-days', version: '9.0.0', license: 'MIT', main: 'index.js' }));
  const notice = y2027['2027'];
  writeFileSync(join(fake, 'index.js'), `
const real = require(${JSON.stringify(real)});
const off = new Set(${JSON.stringify(notice.holidays)}), work = new Set(${JSON.stringify(notice.workdays)});
const pad = (n) => String(n).padStart(2, '0');
exports.getDayDetail = (d) => {
  if (d.getFullYear() !== 2027) return real.getDayDetail(d);
  const iso = d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate());
  const weekend = d.getDay() === 0 || d.getDay() === 6;
  const name = iso < '2027-01-10' ? "New Year's Day,元旦,1" : 'Spring Festival,春节,3';
  if (off.has(iso)) return { date: iso, work: false, name };
  if (work.has(iso)) return { date: iso, work: true, name };
  return { date: iso, work: !weekend, name: weekend ? 'Saturday' : 'Monday' };
};`);
  writeFileSync(join(dir, 'newer', 'package.json'), '{}');
  const text = generate(join(dir, 'newer'));
  assert.match(text, /^# source: npm chinese-days 9\.0\.0, licence MIT/m);
  assert.match(text, /^# covers: 2004-2027 /m);
  assert.match(text, /^2027\t01-01\/3 元旦; 02-06\/8 春节\t01-31 02-20$/m);
  const years = tableYears(text);
  assert.equal(years.get(2027)[38], 'H'); // 2027-02-08
  assert.equal(years.get(2027)[30], 'W'); // 2027-01-31, a make-up Sunday
});

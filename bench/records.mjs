// `xinyong records` on a generated file of N penalty records (default
// 1,000,000; every 10th with a wrong USCC check character, every 7th
// overdue): wall-clock time and peak memory (`/usr/bin/time -v`) of the
// native CLI (target/release/xinyong) and the Node CLI (pkg/cli.mjs, as
// `npx xinyong` runs it). Reports; asserts nothing (docs/performance.md has
// the numbers of a run).
//   node bench/records.mjs [N]
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';
import { HEADER, penalty } from '../tests/node/records-fixtures.mjs';

const n = Number(process.argv[2] ?? 1_000_000);
const root = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'xinyong-records-bench-'));
const file = join(dir, 'records.csv');

const out = createWriteStream(file);
const cell = (v) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
out.write(HEADER.join(',') + '\n');
for (let i = 1; i <= n; i++) {
  const r = penalty(i, i % 7 === 0 ? '2026-10-09' : '2026-11-25', i % 10 === 0 ? { CF_XDR_SHXYM: '91350100M000100Y4A' } : {});
  if (!out.write(HEADER.map((h) => cell(r[h])).join(',') + '\n')) await once(out, 'drain');
}
out.end();
await once(out, 'finish');
console.log(`${n.toLocaleString('en')} records, ${(statSync(file).size / 2 ** 20).toFixed(0)} MiB of CSV`);

const native = join(root, 'target/release/xinyong');
const runs = [
  ['native, CSV out', native, [], false],
  ['native, --json', native, [], true],
  ['Node (npx), CSV out', process.execPath, [join(root, 'pkg/cli.mjs')], false],
  ['Node (npx), --json', process.execPath, [join(root, 'pkg/cli.mjs')], true],
];
for (const [label, cli, pre, json] of runs) {
  const args = [...pre, 'records', '--as-of', '2026-11-30', '-o', '/dev/null', ...(json ? ['--json'] : []), file];
  const r = spawnSync('/usr/bin/time', ['-v', cli, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const field = (name) => r.stderr.match(new RegExp(`${name}: (.*)`))?.[1];
  const wall = field('Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)');
  const rss = Number(field('Maximum resident set size \\(kbytes\\)')) / 1024;
  console.log(`${label.padEnd(22)} exit ${r.status}  wall ${wall}  user ${field('User time \\(seconds\\)')} s  peak RSS ${rss.toFixed(1)} MiB`);
}
rmSync(dir, { recursive: true, force: true });

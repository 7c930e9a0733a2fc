// The 双公示 record vectors (tests/vectors/records.json) through both command
// lines: each case written as a one-record CSV file (a file case as one file),
// checked by `xinyong records --json` natively (target/release/xinyong, built
// by scripts/test.sh before the Node tests) and with the npm package's CLI.
// The expectations are the vectors' own, written by hand; the case with a
// custom mask pattern is left out (the CLIs have no mask option: they mask
// 6 + 4, or reveal with --reveal-ids).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { doc, record, check } from './records-vectors.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CLIS = {
  native: [join(root, 'target', 'release', 'xinyong')],
  node: [process.execPath, join(root, 'pkg', 'cli.mjs')],
};
const dir = mkdtempSync(join(tmpdir(), 'xinyong-records-cli-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

const quote = (v) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/** A CSV file of records (header: every key, in first-seen order). */
function csv(name, records) {
  const header = [...new Set(records.flatMap((r) => Object.keys(r)))];
  const lines = [header, ...records.map((r) => header.map((h) => r[h] ?? ''))].map((row) => row.map(quote).join(','));
  const path = join(dir, `${name}.csv`);
  writeFileSync(path, lines.join('\r\n') + '\r\n');
  return path;
}

/** The command-line arguments for a case's options. */
function args(c, path) {
  const out = ['records', path, '--json', '-q', '--as-of', c.asOf ?? doc.asOf];
  const o = c.options ?? {};
  if (o.kind) out.push('--kind', o.kind);
  if (o.revealIds) out.push('--reveal-ids');
  if (o.schema) {
    const schema = `${path}.schema.json`;
    writeFileSync(schema, typeof o.schema === 'string' ? o.schema : JSON.stringify(o.schema));
    out.push('--schema', schema);
  }
  return out;
}

function run([cmd, ...pre], argv) {
  return new Promise((resolve) => {
    execFile(cmd, [...pre, ...argv], { cwd: dir, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      resolve({ status: error ? error.code : 0, stdout, stderr });
    });
  });
}

/** Runs jobs with at most `n` at a time (each spawns a process). */
async function pool(jobs, n = 4) {
  const results = [];
  let next = 0;
  await Promise.all(Array.from({ length: n }, async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]();
    }
  }));
  return results;
}

const lines = (stdout) => stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l));

for (const [name, cli] of Object.entries(CLIS)) {
  test(`every record vector through the ${name} CLI`, async () => {
    const cases = doc.cases.filter((c) => !c.options?.mask);
    assert.ok(cases.length >= 60);
    const runs = await pool(cases.map((c, i) => () => run(cli, args(c, csv(`case-${name}-${i}`, [record(c)])))));
    cases.forEach((c, i) => {
      const r = runs[i];
      if (c.expectError) {
        assert.equal(r.status, 2, `${c.name}: unusable input exits 2 (${r.stderr})`);
        assert.match(r.stderr, /\S/, c.name);
        return;
      }
      const rows = lines(r.stdout);
      assert.equal(rows.length, 1, `${c.name}: ${r.stderr}`);
      check(c.expect, rows[0], c.name);
      assert.equal(rows[0].row, 1, c.name);
      assert.equal(r.status, rows[0].valid ? 0 : 1, `${c.name}: exit status`);
    });
  });

  test(`file vectors through the ${name} CLI`, async () => {
    for (const [i, f] of doc.files.entries()) {
      const r = await run(cli, args(f, csv(`file-${name}-${i}`, f.rows.map((set) => record(f, set)))));
      const rows = lines(r.stdout);
      assert.equal(rows.length, f.rows.length, `${f.name}: ${r.stderr}`);
      f.expect.records.forEach((w, k) => check(w, rows[k], `${f.name} row ${k + 1}`));
    }
  });
}

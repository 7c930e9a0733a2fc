// The README and docs/ stay true: their links point at files that exist,
// every `npm run X` they name is a script, and their command-line examples
// run (with the native binary, target/release/xinyong, and the Node CLI):
// no usage error, and the exit status the CLIs document (0 valid, 1 invalid).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pages = ['README.md', ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
const text = Object.fromEntries(pages.map((p) => [p, readFileSync(join(root, p), 'utf8')]));

test('links between the README and docs/ point at files that exist', () => {
  const broken = [];
  for (const [page, body] of Object.entries(text)) {
    for (const [, target] of body.matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)) {
      if (/^[a-z]+:/.test(target)) continue; // http:, mailto:
      if (!existsSync(join(root, dirname(page), target))) broken.push(`${page} → ${target}`);
    }
  }
  assert.deepEqual(broken, []);
});

test('every `npm run X` the docs name is a script of package.json', () => {
  const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts;
  const named = new Set(Object.values(text).flatMap((body) => [...body.matchAll(/npm run ([a-z][a-z:-]*[a-z])/g)].map((m) => m[1])));
  assert.ok(named.size > 0);
  assert.deepEqual([...named].filter((n) => !(n in scripts)), []);
});

/** The `$ …xinyong …` lines of console blocks whose arguments exist (codes, or files in the repository). */
function examples() {
  const out = [];
  for (const [page, body] of Object.entries(text)) {
    for (const [, block] of body.matchAll(/```console\n([\s\S]*?)```/g)) {
      for (const line of block.split('\n')) {
        const m = line.match(/^\$ (?:\.\/target\/release\/xinyong|npx xinyong) ([^#|>]*?)\s*(?:#.*)?$/);
        if (!m) continue;
        const args = m[1].split(/\s+/).filter(Boolean);
        const files = args.filter((a) => /\.(csv|tsv|txt|json)$/.test(a));
        if (files.every((f) => existsSync(join(root, f)))) out.push({ page, args });
      }
    }
  }
  return out;
}

test('the command-line examples run in both CLIs without a usage error', () => {
  const found = examples();
  assert.ok(found.length >= 3, `only ${found.length} runnable examples found`);
  const binary = join(root, 'target/release/xinyong');
  for (const { page, args } of found) {
    for (const [cli, argv] of [[binary, args], [process.execPath, [join(root, 'pkg/cli.mjs'), ...args]]]) {
      if (cli === binary && !existsSync(binary)) continue; // built by scripts/test.sh before the node tests
      const r = spawnSync(cli, argv, { cwd: root, encoding: 'utf8' });
      assert.ok([0, 1].includes(r.status), `${page}: xinyong ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 300)}`);
    }
  }
});

test('the package carries the guides its README links to', () => {
  const readme = readFileSync(join(root, 'pkg/README.md'), 'utf8');
  const guides = [...readme.matchAll(/\]\((docs\/[^)#\s]+\.md)/g)].map((m) => m[1]);
  assert.ok(guides.length >= 5);
  const files = JSON.parse(readFileSync(join(root, 'pkg/package.json'), 'utf8')).files;
  assert.ok(files.includes('docs/'));
  assert.deepEqual(guides.filter((g) => !existsSync(join(root, 'pkg', g))), []);
});

// The typings and the manifest that editors and frameworks read (issue 14,
// item 6): a TSX component (React 19 types), a Vue SFC (vue-tsc) and a plain TS
// file type-check against the built package, as an app installing it would
// see it (node_modules/xinyong -> pkg); without the framework entry point the
// same component fails, so the augmentations are what make it pass. And
// pkg/custom-elements.json describes what the classes really have.
// Needs `node scripts/assemble-pkg.mjs` first (pkg/).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
// Inside the workspace, so that typescript, @types/react and vue resolve from its node_modules.
const dir = `${root}target/types-${process.pid}`;
const bin = (name) => `${root}node_modules/.bin/${name}`;

before(() => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(`${dir}/node_modules`, { recursive: true });
  cpSync(`${root}tests/node/types`, dir, { recursive: true });
  symlinkSync(`${root}pkg`, `${dir}/node_modules/xinyong`);
});

after(() => rmSync(dir, { recursive: true, force: true }));

/** Runs a type checker; resolves to { code, output }. */
function check(tool, project) {
  return new Promise((resolve) => {
    execFile(bin(tool), ['-p', `${dir}/${project}/tsconfig.json`], { cwd: dir }, (error, stdout, stderr) => {
      resolve({ code: error ? error.code : 0, output: `${stdout}${stderr}` });
    });
  });
}

test('a TSX component using the elements type-checks with xinyong/react (React 19 types, tsc)', async () => {
  const ok = await check('tsc', 'react');
  assert.deepEqual(ok, { code: 0, output: '' });
  // The control: without the entry point the elements are unknown to JSX.
  const app = readFileSync(`${dir}/react/app.tsx`, 'utf8');
  writeFileSync(`${dir}/react/app.tsx`, app.replace("import type {} from 'xinyong/react';", ''));
  const without = await check('tsc', 'react');
  writeFileSync(`${dir}/react/app.tsx`, app);
  assert.notEqual(without.code, 0);
  assert.match(without.output, /Property 'xinyong-code-input' does not exist on type 'JSX.IntrinsicElements'/);
});

test('a Vue SFC using the elements type-checks with xinyong/vue (vue-tsc, strictTemplates)', async () => {
  const ok = await check('vue-tsc', 'vue');
  assert.deepEqual(ok, { code: 0, output: '' });
  const env = readFileSync(`${dir}/vue/env.d.ts`, 'utf8');
  writeFileSync(`${dir}/vue/env.d.ts`, env.replace("import type {} from 'xinyong/vue';", 'export {};'));
  const without = await check('vue-tsc', 'vue');
  writeFileSync(`${dir}/vue/env.d.ts`, env);
  assert.notEqual(without.code, 0);
  assert.match(without.output, /Property 'xinyong-code-input' does not exist/);
});

test('a project with neither React nor Vue type-checks against the element types alone', async () => {
  assert.deepEqual(await check('tsc', 'plain'), { code: 0, output: '' });
});

test('package.json points at custom-elements.json, which lists what the classes really have', async () => {
  const pkg = JSON.parse(readFileSync(`${root}pkg/package.json`, 'utf8'));
  assert.equal(pkg.customElements, 'custom-elements.json');
  assert.ok(pkg.files.includes('custom-elements.json'));
  assert.deepEqual(pkg.exports['./react'], { types: './react.d.ts' });
  assert.deepEqual(pkg.exports['./vue'], { types: './vue.d.ts' });
  const manifest = JSON.parse(readFileSync(`${root}pkg/custom-elements.json`, 'utf8'));
  const { XinyongCodeInput, XinyongCreditStatus } = await import(`${root}pkg/elements.mjs`);
  // The parts docs/elements.md documents (its "parts" rows), element by element.
  const readme = readFileSync(`${root}docs/elements.md`, 'utf8');
  const partRows = [...readme.matchAll(/^\| parts \| (.*) \|$/gm)].map((m) => [...m[1].matchAll(/`([a-z-]+)`/g)]
    .map((p) => p[1]).filter((p) => !p.includes('<')));
  const declarations = manifest.modules.flatMap((m) => m.declarations.filter((d) => d.customElement).map((d) => ({ ...d, path: m.path })));
  assert.deepEqual(declarations.map((d) => [d.tagName, d.name, d.path]),
    [['xinyong-code-input', 'XinyongCodeInput', 'elements.mjs'], ['xinyong-credit-status', 'XinyongCreditStatus', 'elements.mjs']]);
  for (const [i, cls] of [XinyongCodeInput, XinyongCreditStatus].entries()) {
    const decl = declarations[i];
    const attributes = decl.attributes.map((a) => a.name);
    // Every observed attribute is listed, and every listed attribute has a property with a setter.
    for (const name of cls.observedAttributes) assert.ok(attributes.includes(name), `${decl.tagName}: ${name}`);
    for (const attr of decl.attributes) {
      const descriptor = Object.getOwnPropertyDescriptor(cls.prototype, attr.fieldName ?? '');
      assert.equal(typeof descriptor?.set, 'function', `${decl.tagName} [${attr.name}] → ${attr.fieldName}`);
    }
    // Read-only members exist as accessors (whose setter ignores assignment); no private member is listed.
    for (const member of decl.members) {
      assert.ok(!member.name.startsWith('#') && member.privacy !== 'private', member.name);
      if (member.kind === 'field' && !member.static) {
        assert.ok(Object.getOwnPropertyDescriptor(cls.prototype, member.name)?.get, `${decl.tagName}.${member.name}`);
      }
    }
    const parts = decl.cssParts.map((p) => p.name);
    for (const part of partRows[i]) assert.ok(parts.includes(part), `${decl.tagName} ::part(${part})`);
  }
  assert.deepEqual(declarations[0].events.map((e) => e.name).sort(), ['change', 'input', 'xinyong-validate']);
  assert.deepEqual(declarations[1].events.map((e) => e.name), ['xinyong-status']);
  assert.deepEqual(declarations[0].members.filter((m) => m.readonly).map((m) => m.name).sort(),
    ['labels', 'normalized', 'result', 'type', 'validationMessage', 'validity', 'willValidate']);
});

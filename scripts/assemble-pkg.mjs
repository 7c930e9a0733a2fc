// Turns the two wasm-pack outputs in pkg/web and pkg/node into one npm
// package: package.json with an exports map, an auto-initializing browser
// entry, an ESM entry for Node, and the README.
import { readFileSync, writeFileSync, copyFileSync, rmSync, readdirSync, chmodSync } from 'node:fs';
import { createRequire } from 'node:module';
import { elementsManifest } from './elements-manifest.mjs';

// The Node command-line tool (`npx xinyong check`): npm/*.mjs, copied as is.
// Its runtime dependencies are the workspace's devDependencies of the same
// names, at the same exact versions (the tests here run against those).
// The custom elements (elements.mjs, define.mjs, their .d.ts) are copied the same way.
const cliFiles = readdirSync('npm').filter((f) => f.endsWith('.mjs') || f.endsWith('.d.ts')).sort();
const cliDependencies = ['csv-parse', 'iconv-lite'];
const workspace = JSON.parse(readFileSync('package.json', 'utf8'));
const dependencies = Object.fromEntries(cliDependencies.map((name) => {
  const version = workspace.devDependencies[name];
  if (!/^\d+\.\d+\.\d+$/.test(version ?? '')) throw new Error(`package.json: devDependencies.${name} must be an exact version`);
  return [name, version];
}));

const cargo = readFileSync('Cargo.toml', 'utf8');
const field = (name) => cargo.match(new RegExp(`^${name} = "(.*)"`, 'm'))[1];

const pkg = {
  name: 'xinyong',
  version: field('version'),
  description: field('description'),
  license: field('license'),
  keywords: ['uscc', 'unified-social-credit-code', 'china', 'credit', 'validation', 'wasm'],
  type: 'module',
  main: './node/index.cjs',
  module: './index.js',
  types: './index.d.ts',
  exports: {
    '.': {
      types: './index.d.ts',
      node: { import: './node/index.mjs', require: './node/index.cjs' },
      default: './index.js',
    },
    './web': { types: './web/xinyong.d.ts', default: './web/xinyong.js' },
    './node': { types: './node/xinyong.d.ts', import: './node/index.mjs', require: './node/index.cjs' },
    './elements': { types: './elements.d.ts', default: './elements.mjs' },
    './define': { types: './define.d.ts', default: './define.mjs' },
    // Types only: JSX (React 19) and template (Vue 3) typings of the elements.
    './react': { types: './react.d.ts' },
    './vue': { types: './vue.d.ts' },
    './custom-elements.json': './custom-elements.json',
    './package.json': './package.json',
  },
  bin: { xinyong: './cli.mjs' },
  files: ['index.js', 'index.d.ts', 'fast-paths.mjs', 'web/', 'node/', ...cliFiles, 'custom-elements.json', 'README.md'],
  // The Custom Elements Manifest (editors, Storybook, framework tooling), made from npm/elements.mjs below.
  customElements: 'custom-elements.json',
  dependencies,
  sideEffects: ['./index.js', './define.mjs'],
  engines: { node: '>=18' },
};
writeFileSync('pkg/package.json', JSON.stringify(pkg, null, 2) + '\n');

// web/ is ESM, node/ is CommonJS, whatever the root says.
writeFileSync('pkg/web/package.json', '{ "type": "module" }\n');
writeFileSync('pkg/node/package.json', '{ "type": "commonjs" }\n');

// Browsers and bundlers: instantiate the module once, then use it like any
// other ES module. `xinyong/web` is the raw wasm-bindgen output for pages
// that want to call init() themselves (e.g. with their own wasm URL).
// isValid, isValidMany, validate and validateMany get the JS fast paths of npm/fast-paths.js (one
// source, written here as ESM and as CommonJS); everything else is the raw
// wasm-bindgen export.
// Whole-line comments are left out of the package (the source keeps them):
// this file counts against the glue's 10 KB gzip budget.
const fastPathsSource = readFileSync('npm/fast-paths.js', 'utf8')
  .split('\n')
  .filter((line) => !/^\s*(\/\/|\/\*.*\*\/\s*$)/.test(line))
  .join('\n');
writeFileSync('pkg/fast-paths.mjs', fastPathsSource + '\nexport { fastPaths };\n');
writeFileSync('pkg/node/fast-paths.cjs', fastPathsSource + '\nmodule.exports = { fastPaths };\n');
writeFileSync(
  'pkg/index.js',
  `// Browser and bundler entry: loads xinyong_bg.wasm next to web/xinyong.js, then re-exports the API.
import init, * as raw from './web/xinyong.js';
import { fastPaths } from './fast-paths.mjs';
await init();
export * from './web/xinyong.js';
export const { isValid, isValidMany, validate, validateMany } = fastPaths(raw);
`,
);
// Node CommonJS: one \`exports.name = …\` line per export, so that Node's ESM
// loader (cjs-module-lexer) sees the names for \`import { validate } from 'xinyong'\`.
const require = createRequire(import.meta.url);
const rawNames = Object.keys(require('../pkg/node/xinyong.js')).filter((n) => !n.startsWith('__fast'));
writeFileSync(
  'pkg/node/index.cjs',
  `// Node CommonJS entry: the wasm-bindgen build, with the fast paths of ../fast-paths.mjs.
const raw = require('./xinyong.js');
const fast = require('./fast-paths.cjs').fastPaths(raw);
${rawNames.map((n) => `exports.${n} = ${['isValid', 'isValidMany', 'validate', 'validateMany'].includes(n) ? 'fast' : 'raw'}.${n};`).join('\n')}
`,
);
writeFileSync('pkg/index.d.ts', "export * from './web/xinyong.js';\n");
writeFileSync('pkg/node/index.mjs', "// Node ESM entry: the CommonJS entry, re-exported.\nexport * from './index.cjs';\n");
copyFileSync('README.md', 'pkg/README.md');
writeFileSync('pkg/custom-elements.json', JSON.stringify(elementsManifest(), null, 2) + '\n');
for (const file of cliFiles) copyFileSync(`npm/${file}`, `pkg/${file}`);
chmodSync('pkg/cli.mjs', 0o755);
// wasm-pack leaves a '*' .gitignore in each output folder, which npm would
// honour when packing and so publish nothing from them.
for (const dir of ['web', 'node']) rmSync(`pkg/${dir}/.gitignore`, { force: true });

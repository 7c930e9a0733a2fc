// Turns the two wasm-pack outputs in pkg/web and pkg/node into one npm
// package: package.json with an exports map, an auto-initializing browser
// entry, an ESM entry for Node, and the README.
import { readFileSync, writeFileSync, copyFileSync, rmSync, readdirSync, chmodSync } from 'node:fs';

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
  main: './node/xinyong.js',
  module: './index.js',
  types: './index.d.ts',
  exports: {
    '.': {
      types: './index.d.ts',
      node: { import: './node/index.mjs', require: './node/xinyong.js' },
      default: './index.js',
    },
    './web': { types: './web/xinyong.d.ts', default: './web/xinyong.js' },
    './node': { types: './node/xinyong.d.ts', import: './node/index.mjs', require: './node/xinyong.js' },
    './elements': { types: './elements.d.ts', default: './elements.mjs' },
    './define': { types: './define.d.ts', default: './define.mjs' },
    './package.json': './package.json',
  },
  bin: { xinyong: './cli.mjs' },
  files: ['index.js', 'index.d.ts', 'web/', 'node/', ...cliFiles, 'README.md'],
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
writeFileSync(
  'pkg/index.js',
  `// Browser and bundler entry: loads xinyong_bg.wasm next to web/xinyong.js, then re-exports the API.
import init from './web/xinyong.js';
await init();
export * from './web/xinyong.js';
`,
);
writeFileSync('pkg/index.d.ts', "export * from './web/xinyong.js';\n");
writeFileSync('pkg/node/index.mjs', "// Node ESM entry: the CommonJS build, re-exported.\nexport * from './xinyong.js';\n");
copyFileSync('README.md', 'pkg/README.md');
for (const file of cliFiles) copyFileSync(`npm/${file}`, `pkg/${file}`);
chmodSync('pkg/cli.mjs', 0o755);
// wasm-pack leaves a '*' .gitignore in each output folder, which npm would
// honour when packing and so publish nothing from them.
for (const dir of ['web', 'node']) rmSync(`pkg/${dir}/.gitignore`, { force: true });

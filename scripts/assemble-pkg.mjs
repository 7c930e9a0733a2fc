// Turns the two wasm-pack outputs in pkg/web and pkg/node into one npm
// package: package.json with an exports map, an auto-initializing browser
// entry, an ESM entry for Node, and the README.
import { readFileSync, writeFileSync, copyFileSync, rmSync, readdirSync, chmodSync, mkdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { transformSync } from 'esbuild';
import { elementsManifest } from './elements-manifest.mjs';

// The Node command-line tool (`npx xinyong check`): npm/*.mjs, copied as is.
// Its runtime dependencies are the workspace's devDependencies of the same
// names, at the same exact versions (the tests here run against those).
// The custom elements (elements.mjs, define.mjs, their .d.ts) are copied the same way.
const cliFiles = readdirSync('npm').filter((f) => (f.endsWith('.mjs') || f.endsWith('.d.ts')) && f !== 'wasm-sources.mjs').sort();
const cliDependencies = ['csv-parse', 'iconv-lite'];
const workspace = JSON.parse(readFileSync('package.json', 'utf8'));
const dependencies = Object.fromEntries(cliDependencies.map((name) => {
  const version = workspace.devDependencies[name];
  if (!/^\d+\.\d+\.\d+$/.test(version ?? '')) throw new Error(`package.json: devDependencies.${name} must be an exact version`);
  return [name, version];
}));

const cargo = readFileSync('Cargo.toml', 'utf8');
const field = (name) => cargo.match(new RegExp(`^${name} = "(.*)"`, 'm'))[1];

// The browser modules' exports, read from the wasm-bindgen output: the
// identifier module (web/) and the status module (web-status/), whose own
// exports are the functions that need it. Names starting with __ and the
// elements' internals are not API.
// (Imported, not read as text: this script minifies the glue in place, and
// must give the same package when run again.)
const exportsOf = async (file) => Object.keys(await import(new URL(`../${file}`, import.meta.url))).filter((n) => n !== 'default' && n !== 'initSync');
const internal = (n) => n.startsWith('__') || ['start', 'installDivisions', 'divisionsInstalled'].includes(n);
const coreNames = (await exportsOf('pkg/web/xinyong.js')).filter((n) => !internal(n));
const statusNames = (await exportsOf('pkg/web-status/xinyong.js')).filter((n) => !internal(n) && !coreNames.includes(n));
// The records module (web-records/): its own exports are the record checks.
const recordsNames = (await exportsOf('pkg/web-records/xinyong.js'))
  .filter((n) => !internal(n) && !coreNames.includes(n) && !statusNames.includes(n));
const fastNames = ['isValid', 'isValidMany', 'validate', 'validateMany'];
// The package's own browser files (loader, wasm sources, elements), ESM.
const browserFiles = ['loader.mjs', 'elements.mjs', 'status-card.mjs', 'define.mjs', 'adapters.mjs'];

// Conditions, in the order bundlers try them: Node gets the CommonJS build;
// a production build (Vite, webpack) the files located with new URL(…,
// import.meta.url), which those bundlers copy; dev servers (`development`,
// whose pre-bundling moves the code away from its files) and everything else
// (esbuild, Rollup: they do not copy such files) the inline/ copy.
const browser = (file) => ({ production: `./${file}`, development: `./inline/${file}`, default: `./inline/${file}` });
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
      ...browser('index.js'),
    },
    './web': { types: './web/xinyong.d.ts', default: './web/xinyong.js' },
    './node': { types: './node/xinyong.d.ts', import: './node/index.mjs', require: './node/index.cjs' },
    './elements': { types: './elements.d.ts', ...browser('elements.mjs') },
    './define': { types: './define.d.ts', ...browser('define.mjs') },
    './classic.js': './classic.js',
    './adapters': {
      types: './adapters.d.ts',
      node: { import: './node/adapters.mjs', require: './node/adapters.cjs' },
      ...browser('adapters.mjs'),
    },
    // Types only: JSX (React 19) and template (Vue 3) typings of the elements.
    './react': { types: './react.d.ts' },
    './vue': { types: './vue.d.ts' },
    './custom-elements.json': './custom-elements.json',
    './package.json': './package.json',
  },
  bin: { xinyong: './cli.mjs' },
  files: ['index.js', 'index.d.ts', 'classic.js', 'fast-paths.mjs', 'wasm-sources.mjs', 'web/', 'web-status/', 'web-card/', 'web-records/', 'node/', 'inline/', ...cliFiles, '*.map', 'custom-elements.json', 'README.md', 'docs/'],
  // The Custom Elements Manifest (editors, Storybook, framework tooling), made from npm/elements.mjs below.
  customElements: 'custom-elements.json',
  dependencies,
  sideEffects: ['./index.js', './define.mjs', './classic.js', './inline/index.js', './inline/define.mjs'],
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
// A class export (RecordsStream): forwarded as a constructor (`new RecordsStream(…)` works).
const isClass = (name) => /^[A-Z]/.test(name);
const wrappers = (names, api, wait) => names.map((n) => `export function ${n}(...args) { return (${api} ?? notReady('${n}', '${wait}')).${n}(...args); }`).join('\n');
writeFileSync(
  'pkg/index.js',
  `// Browser and bundler entry. No top-level await: \`await ready\` before the first
// call (a call before it throws a XinyongError of kind "not_ready"). The status,
// repair and working-day functions live in a second module, fetched by
// \`await loadStatus()\` (or by the first <xinyong-credit-status>).
import * as raw from './web/xinyong.js';
import { fastPaths } from './fast-paths.mjs';
import { loadWasm, loadDivisions, loadStatus as loadStatusModule, loadRecords as loadRecordsModule, notReady, addHolidayYears } from './loader.mjs';
// Named here too, so that the browser fetches it with the others, not one round trip later.
import './wasm-sources.mjs';
export { loadWasm };
// Added to every loaded module (and replayed into one loaded later): see loader.mjs.
export { addHolidayYears };

let api = null;
let status = null;
let records = null;
// XinyongError: errors of both modules are instances (they are made alike).
const XinyongError = raw.XinyongError;
Object.defineProperty(XinyongError, Symbol.hasInstance, {
  value: (e) => e instanceof Error && e.name === 'XinyongError' && typeof e.kind === 'string',
});
export { XinyongError };

/**
 * Resolves when the identifier functions can be called, with region names in
 * their results (the identifier module and the division table are loaded).
 * Loading starts in a microtask after this module is evaluated, so a
 * \`loadWasm(url)\` call right after importing still chooses the wasm.
 */
export const ready = Promise.resolve()
  .then(() => Promise.all([loadWasm(), loadDivisions()]))
  .then(() => { api = { ...raw, ...fastPaths(raw) }; });
ready.catch(() => {}); // a failed load is reported to whoever awaits ready

/** Loads the status module (status, repair, working days) once; resolves when its functions can be called. */
export function loadStatus(moduleOrPath) {
  return loadStatusModule(moduleOrPath).then((m) => { status = m; });
}

/** Loads the records module (validateRecord, validateRecordsFile) once; resolves when its functions can be called. */
export function loadRecords(moduleOrPath) {
  return loadRecordsModule(moduleOrPath).then((m) => { records = m; });
}

${wrappers(coreNames.filter((n) => n !== 'XinyongError' && n !== 'addHolidayYears'), 'api', 'await ready')}
${wrappers(statusNames.filter((n) => n !== 'addHolidayYears'), 'status', 'await loadStatus()')}
${wrappers(recordsNames.filter((n) => n !== 'addHolidayYears' && !isClass(n)), 'records', 'await loadRecords()')}
${recordsNames.filter(isClass).map((n) => `export function ${n}(...args) { return new (records ?? notReady('${n}', 'await loadRecords()')).${n}(...args); }`).join('\n')}
`,
);
writeFileSync(
  'pkg/index.d.ts',
  `export * from './web/xinyong.js';
export { ${statusNames.join(', ')} } from './web-status/xinyong.js';
export { ${recordsNames.join(', ')} } from './web-records/xinyong.js';
/** Resolves when the identifier functions can be called (in Node: already resolved). */
export const ready: Promise<void>;
/** Loads the status, repair and working-day functions' module; resolves when they can be called (in Node: at once). */
export function loadStatus(moduleOrPath?: string | URL | Request | Response | WebAssembly.Module | BufferSource): Promise<void>;
/** Loads the records module (validateRecord, validateRecordsFile); resolves when its functions can be called (in Node: at once). */
export function loadRecords(moduleOrPath?: string | URL | Request | Response | WebAssembly.Module | BufferSource): Promise<void>;
/** Chooses where the identifier module's wasm is loaded from (first call wins); resolves when loaded. */
export function loadWasm(moduleOrPath?: string | URL | Request | Response | WebAssembly.Module | BufferSource): Promise<unknown>;
`,
);

// The classic-script build: a global \`xinyong\` for pages without modules or
// a bundler. It loads the ES modules next to itself with import() (which works
// from a classic script and under a CSP of 'self'), registers the elements,
// and forwards each API function; \`xinyong.ready\` resolves to the global.
const apiNames = [...coreNames.filter((n) => n !== 'XinyongError'), ...statusNames, ...recordsNames];
writeFileSync(
  'pkg/classic.js',
  `/*! xinyong ${field('version')} — classic-script build: <script src=".../xinyong/classic.js"></script> */
(function () {
  'use strict';
  var script = document.currentScript;
  var base = new URL('.', (script && script.src) || location.href).href;
  var g = (window.xinyong = window.xinyong || {});
  var mod = null;
  ${JSON.stringify(apiNames)}.forEach(function (name) {
    g[name] = function () {
      if (!mod) {
        var e = new Error('xinyong: ' + name + '() was called before its WebAssembly loaded: wait for xinyong.ready first');
        e.name = 'XinyongError';
        e.kind = 'not_ready';
        throw e;
      }
      return mod[name].apply(null, arguments);
    };
  });
  var entry = import(base + 'index.js');
  g.loadWasm = function (source) { return entry.then(function (m) { return m.loadWasm(source); }); };
  g.loadStatus = function (source) { return entry.then(function (m) { return m.loadStatus(source); }); };
  g.loadRecords = function (source) { return entry.then(function (m) { return m.loadRecords(source); }); };
  g.ready = entry.then(function (m) {
    mod = m;
    g.XinyongError = m.XinyongError;
    return m.ready;
  }).then(function () { return g; });
  g.ready.catch(function (e) { console.error('xinyong: the WebAssembly did not load', e); });
  import(base + 'define.mjs').catch(function (e) { console.error('xinyong: the elements did not load', e); });
})();
`,
);
// Node CommonJS: one \`exports.name = …\` line per export, so that Node's ESM
// loader (cjs-module-lexer) sees the names for \`import { validate } from 'xinyong'\`.
const require = createRequire(import.meta.url);
const rawNames = Object.keys(require('../pkg/node/xinyong.js')).filter((n) => !n.startsWith('__fast') && !internal(n));
writeFileSync(
  'pkg/node/index.cjs',
  `// Node CommonJS entry: the wasm-bindgen build, with the fast paths of ../fast-paths.mjs.
const raw = require('./xinyong.js');
const fast = require('./fast-paths.cjs').fastPaths(raw);
${rawNames.map((n) => `exports.${n} = ${fastNames.includes(n) ? 'fast' : 'raw'}.${n};`).join('\n')}
// As in the browser entry, where the wasm loads asynchronously: here it is loaded already.
exports.ready = Promise.resolve();
exports.loadStatus = () => Promise.resolve();
exports.loadRecords = () => Promise.resolve();
exports.loadWasm = () => Promise.resolve();
`,
);
writeFileSync('pkg/node/index.mjs', "// Node ESM entry: the CommonJS entry, re-exported.\nexport * from './index.cjs';\n");
copyFileSync('README.md', 'pkg/README.md');
// The guides the README links to (docs/*.md), so that its links work in the
// installed package and on the registry's page (pictures stay in the repository).
mkdirSync('pkg/docs', { recursive: true });
for (const f of readdirSync('docs').filter((n) => n.endsWith('.md'))) copyFileSync(`docs/${f}`, `pkg/docs/${f}`);
writeFileSync('pkg/custom-elements.json', JSON.stringify(elementsManifest(), null, 2) + '\n');
for (const file of cliFiles) copyFileSync(`npm/${file}`, `pkg/${file}`);
// xinyong/adapters: adapters.mjs and adapters-core.mjs are copied above (browsers,
// bundlers); Node gets a CommonJS copy of the core, the CommonJS entry, and an
// ESM entry re-exporting it (one instance for require and import).
const adaptersCore = readFileSync('npm/adapters-core.mjs', 'utf8');
if (!/^export function createAdapters\(/m.test(adaptersCore)) throw new Error('npm/adapters-core.mjs must export function createAdapters');
writeFileSync(
  'pkg/node/adapters-core.cjs',
  adaptersCore.replace(/^export function createAdapters\(/m, 'function createAdapters(') + '\nmodule.exports = { createAdapters };\n',
);
copyFileSync('npm/adapters.cjs', 'pkg/node/adapters.cjs');
writeFileSync('pkg/node/adapters.mjs', "// xinyong/adapters for Node's import: the CommonJS entry, re-exported.\nexport * from './adapters.cjs';\n");
copyFileSync('npm/wasm-sources.mjs', 'pkg/wasm-sources.mjs');

// inline/: the same entries with the binary files carried in JavaScript
// (inlineSources of npm/wasm-sources.mjs): the copy dev servers and file-unaware
// bundlers resolve to (see the conditions above). Only the files that import
// the wasm sources are copied; the rest is shared through ../ paths.
mkdirSync('pkg/inline', { recursive: true });
const toInline = (text) => text.replaceAll("from './web/", "from '../web/").replaceAll("import './web/", "import '../web/").replaceAll("import('./web-status/", "import('../web-status/").replaceAll("import('./web-card/", "import('../web-card/")
  .replaceAll("import('./web-records/", "import('../web-records/")
  .replaceAll("from './fast-paths.mjs'", "from '../fast-paths.mjs'").replaceAll("from './adapters-core.mjs'", "from '../adapters-core.mjs'");
for (const file of ['index.js', ...browserFiles]) {
  writeFileSync(`pkg/inline/${file}`, toInline(readFileSync(`pkg/${file}`, 'utf8')));
}
// Its wasm sources: always the inline bytes of ../wasm-sources.mjs.
writeFileSync('pkg/inline/wasm-sources.mjs', "export { inlineSources as wasmSources } from '../wasm-sources.mjs';\n");
const base64Module = (from, to) => writeFileSync(`pkg/inline/${to}`,
  `// ${from}, base64 (generated by scripts/assemble-pkg.mjs).\nexport default "${readFileSync(`pkg/${from}`).toString('base64')}";\n`);
base64Module('web/xinyong_bg.wasm', 'core.wasm.js');
base64Module('web-status/xinyong_bg.wasm', 'status.wasm.js');
base64Module('web-card/xinyong_bg.wasm', 'card.wasm.js');
base64Module('web-records/xinyong_bg.wasm', 'records.wasm.js');
if (existsSync('pkg/web/divisions.bin')) base64Module('web/divisions.bin', 'divisions.bin.js');
else writeFileSync('pkg/inline/divisions.bin.js', 'export default "";\n');
// web/divisions.mjs: each province blob (web/divisions/NN.bin, copied there by
// scripts/build.sh) by its 2-digit prefix, each a literal `new URL(…,
// import.meta.url)` that Vite and webpack follow (they do not follow one built
// from a template). Imported by wasm-sources.mjs when a province is first needed.
const provinceBlobs = existsSync('pkg/web/divisions') ? readdirSync('pkg/web/divisions').filter((f) => /^\d\d\.bin$/.test(f)).sort() : [];
writeFileSync('pkg/web/divisions.mjs', `// Generated by scripts/assemble-pkg.mjs from the files in web/divisions/.
export default {
${provinceBlobs.map((f) => `  '${f.slice(0, 2)}': new URL('./divisions/${f}', import.meta.url),`).join('\n')}
};
`);
chmodSync('pkg/cli.mjs', 0o755);
// What browsers download is minified (esbuild's transform, one file at a time:
// no bundling, so the module graph and the file names stay as they are, and the
// exported names are kept): page weight is a budget (issue 15). Each minified
// file gets a source map next to it (file.map, with the readable text in
// sourcesContent) for devtools and bundlers. The sources with their comments
// are in npm/ and the .d.ts files; licence comments (/*! */, @license) are kept.
// The Node CLI files, node/ and the .d.ts files are not minified.
const browserJs = ['index.js', 'fast-paths.mjs', 'wasm-sources.mjs', 'adapters-core.mjs', 'web/xinyong.js', 'web/divisions.mjs', 'web-status/xinyong.js', 'web-card/xinyong.js', 'web-records/xinyong.js', ...browserFiles,
  ...['index.js', 'wasm-sources.mjs', ...browserFiles].map((f) => `inline/${f}`)];
// The syntax target: the browsers these files need anyway. The wasm needs bulk
// memory and non-trapping float-to-int (Safari 15); elements.mjs calls
// Object.hasOwn (Chrome and Edge 93, Firefox 92, Safari 15.4). So class fields
// and private members stay as written (lowering them to WeakMaps, as es2020
// did, cost the card page ~0.5 KB gzip and bought no browser).
const target = ['chrome93', 'edge93', 'firefox92', 'safari15.4'];
// Function and class names are kept (keepNames) only in the API entry (index.js,
// whose exported functions portals call and see in stack traces); elsewhere they
// cost ~0.4 KB gzip on the card page, and the source maps give devtools the
// names. The wasm-bindgen glue never kept them (0.56 KB on the code-input page).
const keepNamesIn = ['index.js', 'inline/index.js'];
const glue = ['web/xinyong.js', 'web-status/xinyong.js', 'web-card/xinyong.js', 'web-records/xinyong.js'];
// Where a map says its source is, relative to the map: the file in npm/ it was
// copied from (inline/ copies: with their ../ paths), else the unminified
// generated text under src/.
const npmSource = (file) => browserFiles.includes(file.replace(/^inline\//, '')) || ['wasm-sources.mjs', 'adapters-core.mjs'].includes(file);
const minify = (file, options) => {
  const name = file.split('/').pop();
  const up = '../'.repeat(file.split('/').length);
  const sourcefile = npmSource(file) ? `${up}npm/${file.replace(/^inline\//, '')}` : `src/${name}`;
  // The wasm-bindgen glue is minified in place: run again (the file still ends
  // with its map's URL), this script takes its readable text back from the map.
  let text = readFileSync(`pkg/${file}`, 'utf8');
  if (glue.includes(file) && text.endsWith(`//# sourceMappingURL=${name}.map\n`)) text = JSON.parse(readFileSync(`pkg/${file}.map`, 'utf8')).sourcesContent[0];
  const { code, map } = transformSync(text, {
    minify: true, target, legalComments: 'inline', sourcemap: 'external', sourcesContent: true, sourcefile, ...options,
  });
  writeFileSync(`pkg/${file}`, `${code}//# sourceMappingURL=${name}.map\n`);
  writeFileSync(`pkg/${file}.map`, map);
};
for (const file of browserJs) minify(file, { format: 'esm', keepNames: keepNamesIn.includes(file) });
minify('classic.js', { target: 'es2017' });

// wasm-pack leaves a '*' .gitignore in each output folder, which npm would
// honour when packing and so publish nothing from them.
for (const dir of ['web', 'web-status', 'web-card', 'web-records', 'node']) rmSync(`pkg/${dir}/.gitignore`, { force: true });
// The card module (web-card/) is the elements' own (npm/loader.mjs loadCard):
// no API is typed from it, so its copy of the types (~118 KB) is left out.
for (const f of ['xinyong.d.ts', 'xinyong_bg.wasm.d.ts']) rmSync(`pkg/web-card/${f}`, { force: true });

// Loads the package's WebAssembly in the browser: once per page, shared by the
// API entry (index.js), the custom elements and the classic-script build.
//
// Five parts, each fetched only when something needs it:
//   - the identifier module (web/): validate & co. and <xinyong-code-input>;
//   - the division table: region names, installed into the identifier module
//     when first needed: one province's blob (web/divisions/NN.bin, about
//     1.5 KB gzip) for the code being typed or shown, or the whole table
//     (web/divisions.bin, 26 KB gzip) for `ready` and the records module;
//   - the status module (web-status/): resolveStatus, repairEligibility and
//     the working-day functions, for the API (loadStatus());
//   - the card module (web-card/): what <xinyong-credit-status> (with its
//     renderer, ./status-card.mjs) calls, resolveStatus and rulesInfo, in a
//     smaller module (loadCard(); a page that loads the status module anyway
//     has the card use that one);
//   - the records module (web-records/): validateRecord and validateRecordsFile
//     (双公示 records, CSV/TSV/XLSX files), for pages that check records.
//
// Where each part comes from is decided by ./wasm-sources.mjs: in the default
// build every file is located with `new URL(..., import.meta.url)` next to the
// code (what Vite, webpack and Parcel follow when they build); in the `inline/`
// copy of the package (export condition `development`, used by dev servers
// whose dependency pre-bundling moves the code away from its files, and
// `default`, for bundlers that do not copy such files) the bytes are in
// JavaScript modules instead.
import init, * as core from './web/xinyong.js';
import { wasmSources } from './wasm-sources.mjs';

let coreLoad;
let coreReady = false;
let statusLoad;
let cardLoad;
let recordsLoad;
let divisionBytes;

/** `source` as `init` takes it: a URL/Request/Response/Module/bytes, or undefined for the default next to the code. */
const initWith = (start, source) => start(source === undefined ? undefined : { module_or_path: source });

/** Forgets a failed load, so that a later call (say, when the network is back) tries again. */
function retryable(promise, forget) {
  promise.catch(forget);
  return promise;
}

/**
 * Loads the identifier module once for the page (a no-op when already loaded
 * or loading). Pass a URL, `Request`, `Response`, `WebAssembly.Module` or bytes to
 * load `xinyong_bg.wasm` from elsewhere: only the first call chooses, so call it
 * before the first `await` in the module that imports the package (the package
 * starts its own load in a microtask).
 */
export function loadWasm(moduleOrPath) {
  coreLoad ??= retryable(
    (async () => {
      const exports = await initWith(init, moduleOrPath ?? (await wasmSources.core()));
      coreReady = true;
      loaded(core);
      return exports;
    })(),
    () => { coreLoad = undefined; },
  );
  return coreLoad;
}

/**
 * A division blob's bytes: the whole table (`prefix` undefined) or the blob of
 * a 2-digit province prefix (undefined when there is none to fetch). In the
 * inline/ copy every call gives the whole table.
 */
async function divisionBlob(prefix) {
  let source = await wasmSources.divisions(prefix);
  if (source instanceof URL || typeof source === 'string') {
    const response = await fetch(source);
    if (!response.ok) throw new Error(`xinyong: the division table did not load (HTTP ${response.status})`);
    source = new Uint8Array(await response.arrayBuffer());
  }
  return source;
}

/** The whole division table's bytes (fetched once). */
function divisionTable() {
  divisionBytes ??= retryable(divisionBlob(), () => { divisionBytes = undefined; });
  return divisionBytes;
}

/**
 * An optional export of a module, or undefined. Looked up by a computed name:
 * webpack treats a static `module.name` that a build lacks as an error.
 */
const optional = (module, name) => (typeof module[name] === 'function' ? module[name] : undefined);
const INSTALL = 'installDivisions';
const INSTALLED = 'divisionsInstalled';

/** Installs the division table into a loaded module that takes it at run time (a module without the lookup needs none). */
async function installInto(module) {
  const install = optional(module, INSTALL);
  if (install) install(await divisionTable()); // else a build with the table compiled in
}

let divisionsLoad;
const provinceLoads = {};
/**
 * Loads the division table into the identifier module, so that results carry
 * region names and division warnings; resolves when they do. Without an
 * argument, the whole table (`ready` loads it). With a division `code` (say
 * `parts.divisionCode`, or anything starting with its 2-digit province
 * prefix), only that province's blob, and nothing when the whole table or
 * that province is there already or no province has that prefix: results
 * then carry names for that province's codes. `<xinyong-code-input>` loads
 * the province of the code being typed, `<xinyong-credit-status>` its code's.
 */
export function loadDivisions(code) {
  if (code === undefined) {
    divisionsLoad ??= retryable(loadWasm().then(() => installInto(core)), () => { divisionsLoad = undefined; });
    return divisionsLoad;
  }
  const prefix = String(code).trim().slice(0, 2);
  if (!/^\d\d$/.test(prefix)) return Promise.resolve();
  provinceLoads[prefix] ??= retryable(
    loadWasm().then(async () => {
      // The whole table on its way, or already there, answers for every province.
      if (divisionsLoad) return divisionsLoad;
      const install = optional(core, INSTALL);
      if (!install || divisionsLoaded(prefix)) return;
      const bytes = await divisionBlob(prefix);
      if (bytes) install(bytes);
    }),
    () => { delete provinceLoads[prefix]; },
  );
  return provinceLoads[prefix];
}

/**
 * Whether results carry region names: for every code (no argument: the whole
 * table is installed), or for the codes of `code`'s province (its blob or the
 * whole table is installed, or no province has that prefix).
 */
export const divisionsLoaded = (code) => !optional(core, INSTALL)
  || (coreReady && core[INSTALLED](code === undefined ? '' : String(code)));

/**
 * A wasm file given by URL, fetched and compiled while its module's JS (the
 * wasm-bindgen glue, imported at the same time) is still loading, not after it
 * (issue 15): resolves to a `WebAssembly.Module`. A response that is not OK or
 * not served as application/wasm is passed on as it is, for the glue to
 * report or fall back as it always has; any other source is passed on too.
 */
async function compileEarly(source) {
  if (!(source instanceof URL || typeof source === 'string')) return source;
  const response = await fetch(source);
  if (!response.ok || response.headers.get('content-type') !== 'application/wasm') return response;
  return WebAssembly.compileStreaming(response);
}

/**
 * Loads one of the on-demand modules: its glue (`importGlue`, a literal
 * `import()` that bundlers follow) and its wasm (compiled early) together,
 * then `init`, `prepare` (if given) and the holiday-year replay.
 */
async function loadModule(importGlue, source, prepare) {
  const [module, wasm] = await Promise.all([importGlue(), compileEarly(source)]);
  await initWith(module.default, wasm);
  if (prepare) await prepare(module);
  loaded(module);
  return module;
}

/**
 * Loads the status module once (the status card, `resolveStatus`,
 * `repairEligibility`, working days); resolves to its exports. Like
 * `loadWasm`, the first call may pass where its wasm is.
 */
export function loadStatus(moduleOrPath) {
  statusLoad ??= retryable(
    loadModule(() => import('./web-status/xinyong.js'), moduleOrPath ?? wasmSources.status()),
    () => { statusLoad = undefined; },
  );
  return statusLoad;
}

/**
 * The module `<xinyong-credit-status>` renders with; resolves to its exports
 * (`resolveStatus`, `rulesInfo`, `addHolidayYears`). That is the status module
 * when the page has loaded it or started to (`loadStatus()`), else the card
 * module (web-card/), loaded once: the status module without what a card
 * never calls (repairEligibility with a portal's own rule sets, the
 * working-day functions), about 12 KB gzip smaller. Like `loadWasm`, the
 * first call may pass where its wasm is.
 */
export function loadCard(moduleOrPath) {
  if (statusLoad) return statusLoad;
  cardLoad ??= retryable(
    loadModule(() => import('./web-card/xinyong.js'), moduleOrPath ?? wasmSources.card()),
    () => { cardLoad = undefined; },
  );
  return cardLoad;
}

/**
 * Loads the records module once (`validateRecord`, `validateRecords`,
 * `validateRecordsFile`: 双公示 records and the files that hold them, with
 * the division table installed); resolves to its exports. Like `loadWasm`,
 * the first call may pass where its wasm is. Works in a Web Worker too.
 */
export function loadRecords(moduleOrPath) {
  recordsLoad ??= retryable(
    loadModule(() => import('./web-records/xinyong.js'), moduleOrPath ?? wasmSources.records(), installInto),
    () => { recordsLoad = undefined; },
  );
  return recordsLoad;
}

// Holiday years added with addHolidayYears, in order, and the module instances
// loaded so far: each instance has its own calendar, so every addition goes to
// every loaded instance and is replayed into one that loads later. The
// identifier module, the status module and <xinyong-credit-status> (the card
// module) then count working days alike.
const ADD_YEARS = 'addHolidayYears';
const holidayYears = [];
const loadedModules = [];

function loaded(module) {
  if (loadedModules.includes(module)) return;
  const add = optional(module, ADD_YEARS);
  for (const json of holidayYears) {
    try {
      add?.(json);
    } catch {
      // Accepted by another instance of the same build: cannot fail here.
    }
  }
  loadedModules.push(module);
}

/**
 * `addHolidayYears(json)` for the browser entry: validated by the first loaded
 * module that has it (an error there adds nothing anywhere), then added to the
 * other loaded modules and remembered for those that load later.
 */
export function addHolidayYears(json) {
  const targets = loadedModules.filter((m) => optional(m, ADD_YEARS));
  if (!targets.length) notReady(ADD_YEARS, loadedModules.includes(core) ? 'await loadStatus()' : 'await ready');
  const result = targets[0][ADD_YEARS](json);
  for (const m of targets.slice(1)) m[ADD_YEARS](json);
  holidayYears.push(typeof json === 'string' ? json : JSON.stringify(json));
  return result;
}

/** Throws the error of a function whose module is not loaded yet: `kind` "not_ready". */
export function notReady(name, wait) {
  const error = new Error(`xinyong: ${name}() was called before its WebAssembly loaded: ${wait} first`);
  error.name = 'XinyongError';
  error.kind = 'not_ready';
  throw error;
}

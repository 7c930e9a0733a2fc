// Where the browser build finds its binary files: next to the code, located
// with `new URL('…', import.meta.url)` — the form Vite and webpack 5 follow
// when they build, copying each file into the output with a hashed name.
// `undefined` means wasm-bindgen's own default, which is the same form inside
// web/xinyong.js.
//
// Rollup (whose node-resolve plugin also picks this `production` build) and
// other bundlers that merge this module into theirs without copying those
// files would fetch nothing: there the bytes come from the inline/ modules
// instead (base64 in JavaScript, a third larger). The files are taken to be
// present when this module is still its own file (the package served as
// published, no bundler) or when Vite or webpack built it.
// (The package's inline/ copy always takes `inlineSources`: see scripts/assemble-pkg.mjs.)
/* global __webpack_require__ */
const filesArePresent = import.meta.url.endsWith('/wasm-sources.mjs')
  || typeof import.meta.env === 'object' // Vite replaces import.meta.env in every module it builds
  || typeof __webpack_require__ === 'function'; // webpack
const bytes = ({ default: base64 }) => {
  const text = atob(base64);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
};
/** The bytes carried in JavaScript (inline/*.js), each imported when first needed. */
export const inlineSources = {
  core: () => import('./inline/core.wasm.js').then(bytes),
  status: () => import('./inline/status.wasm.js').then(bytes),
  card: () => import('./inline/card.wasm.js').then(bytes),
  records: () => import('./inline/records.wasm.js').then(bytes),
  divisions: () => import('./inline/divisions.bin.js').then(bytes),
};
export const wasmSources = filesArePresent ? {
  core: () => undefined,
  // The status, card and records modules' files by URL (the glue's default,
  // named here too): ../loader.mjs fetches and compiles them while the glue loads.
  status: () => new URL('./web-status/xinyong_bg.wasm', import.meta.url),
  card: () => new URL('./web-card/xinyong_bg.wasm', import.meta.url),
  records: () => new URL('./web-records/xinyong_bg.wasm', import.meta.url),
  divisions: () => new URL('./web/divisions.bin', import.meta.url),
} : inlineSources;

// Where the browser build finds its binary files: next to the code, located
// with `new URL('…', import.meta.url)` — the form Vite, webpack 5 and Parcel
// follow when they build, copying each file into the output with a hashed
// name. `undefined` means wasm-bindgen's own default, which is the same form
// inside web/xinyong.js and web-status/xinyong.js.
// (The package's inline/ copy replaces this file with one that carries the
// bytes in JavaScript: see scripts/assemble-pkg.mjs.)
export const wasmSources = {
  core: () => undefined,
  status: () => undefined,
  divisions: () => new URL('./web/divisions.bin', import.meta.url),
};

// The inline/ copy's binary files: carried as base64 in JavaScript modules,
// each imported only when needed. For dev servers that pre-bundle
// dependencies into another folder (Vite's dev server: the files next to the
// code are no longer next to it) and for bundlers that do not copy files named
// with `new URL('…', import.meta.url)` (esbuild, Rollup without a plugin).
// About a third larger over the network than the separate files.
const bytes = ({ default: base64 }) => {
  const text = atob(base64);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
};
export const wasmSources = {
  core: () => import('./core.wasm.js').then(bytes),
  status: () => import('./status.wasm.js').then(bytes),
  divisions: () => import('./divisions.bin.js').then(bytes),
};

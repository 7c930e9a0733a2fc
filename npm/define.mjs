// Registers <xinyong-code-input> and <xinyong-credit-status> on import
// (`import 'xinyong/define'`), or call define() with another registry.
// Registering twice is harmless; in Node (no customElements) it does nothing.
//
// In a browser (a `document`), define() also starts loading the wasm, in a
// microtask: the fetch and compile overlap with the page's own work instead of
// waiting for the first element. Being a microtask, a page's own
// `loadWasm(url)` (or `loadWasm(module)`) in the module that imports this one,
// before its first `await`, still comes first and wins; later, loadWasm(url)
// cannot change the wasm in use (it returns the load already under way).
import { XinyongCodeInput, XinyongCreditStatus, loadWasm, loadStatus, loadCard } from './elements.mjs';
// The rest of the static module graph, named here too (issue 15): the browser
// finds every file in define.mjs and fetches them together, instead of one
// level per round trip (define → elements → loader → wasm-sources).
import './loader.mjs';
import './wasm-sources.mjs';
import './web/xinyong.js';

export const TAGS = Object.freeze({
  'xinyong-code-input': XinyongCodeInput,
  'xinyong-credit-status': XinyongCreditStatus,
});

/** Defines the elements that are not defined yet; returns whether a registry was there. */
export function define(registry = globalThis.customElements) {
  if (!registry) return false;
  for (const [tag, cls] of Object.entries(TAGS)) {
    if (!registry.get(tag)) registry.define(tag, cls);
  }
  if (globalThis.document) {
    // Failures are reported by the elements (they keep their fallback content).
    queueMicrotask(() => loadWasm().catch(() => {}));
  }
  return true;
}

export { XinyongCodeInput, XinyongCreditStatus, loadWasm, loadStatus, loadCard };

define();

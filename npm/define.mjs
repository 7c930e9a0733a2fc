// Registers <xinyong-code-input> and <xinyong-credit-status> on import
// (`import 'xinyong/define'`), or call define() with another registry.
// Registering twice is harmless; in Node (no customElements) it does nothing.
import { XinyongCodeInput, XinyongCreditStatus, loadWasm } from './elements.mjs';

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
  return true;
}

export { XinyongCodeInput, XinyongCreditStatus, loadWasm };

define();

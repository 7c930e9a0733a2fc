// Types of xinyong/elements (hand-written; the result types come from the wasm build).
import type { StatusReport, Validation } from './web/xinyong.js';

export function loadWasm(moduleOrPath?: string | URL | Request | Response | WebAssembly.Module | BufferSource): Promise<unknown>;
export function todayInShanghai(now?: Date): string;

export class XinyongCodeInput extends HTMLElement {
  static formAssociated: true;
  static observedAttributes: string[];
  value: string;
  readonly result: Validation | null;
  readonly normalized: string;
  readonly name: string | null;
  readonly type: string;
  readonly form: HTMLFormElement | null;
  readonly labels: NodeList;
  readonly validity: ValidityState;
  readonly validationMessage: string;
  readonly willValidate: boolean;
  checkValidity(): boolean;
  reportValidity(): boolean;
}

export class XinyongCreditStatus extends HTMLElement {
  static observedAttributes: string[];
  entity: object | string | null | undefined;
  readonly report: StatusReport | null;
  readonly asOf: string;
}

declare global {
  interface HTMLElementTagNameMap {
    'xinyong-code-input': XinyongCodeInput;
    'xinyong-credit-status': XinyongCreditStatus;
  }
  interface HTMLElementEventMap {
    'xinyong-validate': CustomEvent<Validation>;
    'xinyong-status': CustomEvent<StatusReport | null>;
  }
}

// Types of xinyong/elements (hand-written; the result types come from the wasm build).
// Framework typings are separate, type-only entry points: xinyong/react (JSX
// IntrinsicElements) and xinyong/vue (GlobalComponents).
import type { StatusReport, Validation } from './web/xinyong.js';

export function loadWasm(moduleOrPath?: string | URL | Request | Response | WebAssembly.Module | BufferSource): Promise<unknown>;
/** Loads the status module (resolveStatus, repairEligibility, working days; first call chooses where from); resolves to its exports. A status card rendered after this call uses it. */
export function loadStatus(moduleOrPath?: string | URL | Request | Response | WebAssembly.Module | BufferSource): Promise<unknown>;
/** Loads the status card's module (web-card/: the status module cut down to what the card calls; first call chooses where from), or gives the status module when loadStatus() was called first; resolves to its exports. */
export function loadCard(moduleOrPath?: string | URL | Request | Response | WebAssembly.Module | BufferSource): Promise<unknown>;
export function todayInShanghai(now?: Date): string;

/** The languages of the messages and cards. */
export type XinyongLang = 'zh-Hans' | 'zh-Hant' | 'en';

/**
 * `<xinyong-code-input>`: a form-associated input for a Unified Social Credit Code.
 * Every attribute has a property reflecting to it; read-only properties ignore assignment.
 */
export class XinyongCodeInput extends HTMLElement {
  static formAssociated: true;
  static observedAttributes: string[];
  /** The text as typed; setting it fires no `input`, setting the same text does nothing. `null`/`undefined` mean `''`. */
  get value(): string;
  set value(value: string | null | undefined);
  /** The `value` attribute: the text a form reset goes back to. */
  get defaultValue(): string;
  set defaultValue(value: string | null | undefined);
  /** The `name` attribute (`''` when absent). */
  get name(): string;
  set name(value: string | null | undefined);
  /** The `lang` attribute; `null`/`undefined` remove it. */
  get lang(): string;
  set lang(value: string | null | undefined);
  /** The `required` attribute. */
  get required(): boolean;
  set required(value: boolean | null | undefined);
  /** The `disabled` attribute. */
  get disabled(): boolean;
  set disabled(value: boolean | null | undefined);
  /** The `readonly` attribute. */
  get readOnly(): boolean;
  set readOnly(value: boolean | null | undefined);
  /** The `label` attribute: the inner input's accessible name. */
  get label(): string;
  set label(value: string | null | undefined);
  /** The `placeholder` attribute. */
  get placeholder(): string;
  set placeholder(value: string | null | undefined);
  /** The `accept-pilot-codes` attribute. */
  get acceptPilotCodes(): boolean;
  set acceptPilotCodes(value: boolean | null | undefined);
  /** The form owner; assigning a form's id sets the `form` attribute. */
  get form(): HTMLFormElement | null;
  set form(id: string | null | undefined);
  /** The last validation result, or null before the first (assignment is ignored). */
  readonly result: Validation | null;
  /** The normalized code, as submitted (assignment is ignored). */
  readonly normalized: string;
  /** `'xinyong-code-input'` (assignment is ignored). */
  readonly type: string;
  readonly labels: NodeList;
  readonly validity: ValidityState;
  readonly validationMessage: string;
  readonly willValidate: boolean;
  checkValidity(): boolean;
  reportValidity(): boolean;
  addEventListener<K extends keyof XinyongCodeInputEventMap>(type: K, listener: (this: XinyongCodeInput, ev: XinyongCodeInputEventMap[K]) => any, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof XinyongCodeInputEventMap>(type: K, listener: (this: XinyongCodeInput, ev: XinyongCodeInputEventMap[K]) => any, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

/** The events of `<xinyong-code-input>`. */
export interface XinyongCodeInputEventMap extends HTMLElementEventMap {
  /** The user changed the text (bubbles, composed; `target` is the element). */
  input: InputEvent;
  /** The user committed an edit (bubbles). */
  change: Event;
  /** A validation ran; `detail` is the `validate` result (bubbles, composed). */
  'xinyong-validate': CustomEvent<Validation>;
}

/**
 * `<xinyong-credit-status>`: the red/black-list status card of an entity.
 * Every attribute has a property reflecting to it; `report` ignores assignment.
 */
export class XinyongCreditStatus extends HTMLElement {
  static observedAttributes: string[];
  /** The entity record (object or JSON text); `null` shows "no record found" for `code`. */
  entity: object | string | null | undefined;
  /** The `src` attribute (`''` when absent). */
  get src(): string;
  set src(value: string | null | undefined);
  /** The `code` attribute (`''` when absent). */
  get code(): string;
  set code(value: string | null | undefined);
  /** The `as-of` attribute, or today in Asia/Shanghai; `null` removes the attribute. */
  get asOf(): string;
  set asOf(value: string | null | undefined);
  /** The `lang` attribute; `null`/`undefined` remove it. */
  get lang(): string;
  set lang(value: string | null | undefined);
  /** The last status report, or null (assignment is ignored). */
  readonly report: StatusReport | null;
  addEventListener<K extends keyof XinyongCreditStatusEventMap>(type: K, listener: (this: XinyongCreditStatus, ev: XinyongCreditStatusEventMap[K]) => any, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof XinyongCreditStatusEventMap>(type: K, listener: (this: XinyongCreditStatus, ev: XinyongCreditStatusEventMap[K]) => any, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

/** The events of `<xinyong-credit-status>`. */
export interface XinyongCreditStatusEventMap extends HTMLElementEventMap {
  /** A render finished; `detail` is the status report, or null (bubbles, composed). */
  'xinyong-status': CustomEvent<StatusReport | null>;
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

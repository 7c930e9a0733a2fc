// The custom elements <xinyong-code-input> and <xinyong-credit-status>.
// Custom elements must extend HTMLElement in JS, so the classes live here, but
// they stay thin: their lifecycle callbacks call the Rust functions (wasm) that
// build and update the shadow DOM. Importing this module registers nothing
// (see ./define.mjs) and is harmless in Node or during server-side rendering.
import { codeInputMount, codeInputUpdate } from './web/xinyong.js';
import { loadWasm, loadStatus, loadDivisions, divisionsLoaded } from './loader.mjs';

export { loadWasm, loadStatus };

const Base = globalThis.HTMLElement ?? class {};

/** Today's civil date in Asia/Shanghai (YYYY-MM-DD): the default `as-of`. */
export function todayInShanghai(now = new Date()) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit',
  }).formatToParts(now);
  const get = (type) => parts.find((p) => p.type === type)?.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

// Constructed stylesheets: no <style> element or style attribute, so a
// Content-Security-Policy without 'unsafe-inline' is enough. Portals style the
// elements through their parts (::part(verdict), ::part(suggestion), …).
const COMMON_CSS = `
:host { display: block; font: inherit; color: inherit; }
:host([hidden]) { display: none; }
.sr-only { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
`;
const CODE_CSS = `${COMMON_CSS}
.input { box-sizing: border-box; width: 100%; font: 1.2rem ui-monospace, Menlo, monospace; letter-spacing: .06em; padding: .45rem .6rem; border: 2px solid #6b7280; border-radius: 6px; background: #fff; color: #111; }
.input:focus { outline: 3px solid #2f6fdd66; border-color: #2f6fdd; }
.input[aria-invalid="true"] { border-color: #b42318; border-style: dashed; }
.code { font: 1.05rem ui-monospace, Menlo, monospace; letter-spacing: .06em; margin: .3rem 0 0; min-height: 1.3em; }
.bad { background: #ffe4e1; color: #8b0000; text-decoration: underline wavy #b42318; }
.message { margin: .25rem 0; font-size: .95rem; }
.message[data-state="invalid"] { color: #8b0000; }
.message[data-state="valid"] { color: #14532d; }
.message[data-state="valid"]::before { content: "✔ "; }
.message[data-state="invalid"]::before { content: "✘ "; }
.suggestions button { font: .95rem ui-monospace, Menlo, monospace; margin: .15rem .3rem .15rem 0; padding: .15rem .45rem; border: 1px solid #2f6fdd; border-radius: 4px; background: #eef3fd; color: #123c8c; cursor: pointer; }
`;
const CARD_CSS = `${COMMON_CSS}
.card { border: 1px solid #c8ccd2; border-left-width: 6px; border-radius: 8px; padding: .7rem 1rem; background: #fff; color: #1b1b1b; }
.card[data-verdict="restricted"] { border-left-color: #b42318; }
.card[data-verdict="suspended"] { border-left-color: #9a6700; border-left-style: dashed; }
.card[data-verdict="attention"] { border-left-color: #b54708; }
.card[data-verdict="trustworthy"] { border-left-color: #1a7f37; }
.card[data-verdict="clear"] { border-left-color: #57606a; }
.name { font-weight: 700; margin: 0; }
.code { font-family: ui-monospace, Menlo, monospace; margin: .1rem 0; color: #3d4451; }
.verdict { font-size: 1.1rem; margin: .4rem 0 .1rem; }
.icon { margin-right: .35rem; }
.rule { margin: .1rem 0; font-size: .9rem; color: #3d4451; }
.notice { background: #fff8e1; border: 1px solid #9a6700; border-radius: 4px; padding: .35rem .5rem; }
.entries { list-style: none; padding: 0; margin: .5rem 0 0; }
.entry { border-top: 1px solid #e3e5e8; padding: .45rem 0; }
.entry-head { margin: 0; font-weight: 600; }
.state { font-weight: 400; }
.dates { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .8rem; margin: .3rem 0; font-size: .9rem; }
.dates dt { color: #4b5260; }
.dates dd { margin: 0; }
.measures { margin: .2rem 0; padding-left: 1.2rem; font-size: .92rem; }
.measure.suspended, .measure.inactive { text-decoration: line-through; color: #4b5260; }
.measure em { text-decoration: none; font-style: normal; }
.objection, .publication, .repair { font-size: .9rem; margin: .2rem 0; }
.publication-unavailable { font-style: italic; }
`;
let sheets;
function styles() {
  if (!sheets) {
    const make = (css) => { const s = new CSSStyleSheet(); s.replaceSync(css); return s; };
    sheets = { code: make(CODE_CSS), card: make(CARD_CSS) };
  }
  return sheets;
}

const warn = (what, e) => console.warn(`xinyong: ${what} stays as rendered by the server (wasm did not load)`, e);

/**
 * <xinyong-code-input name="code" required lang="zh-Hans" accept-pilot-codes value="…">:
 * a form-associated input for a Unified Social Credit Code. Submits the
 * normalized code under its name; fires `xinyong-validate` (composed) with the result.
 */
export class XinyongCodeInput extends Base {
  static formAssociated = true;
  static observedAttributes = ['lang', 'accept-pilot-codes', 'required', 'value', 'label'];
  #internals;
  #result = null;

  constructor() {
    super();
    this.#internals = this.attachInternals();
  }

  connectedCallback() {
    // In a microtask, like the status card's render: an element upgraded by
    // define() must not start the default load before the page's own loadWasm(url).
    queueMicrotask(() => loadWasm().then(() => this.#mount(), (e) => warn('<xinyong-code-input>', e)));
  }

  #mount() {
    if (!this.shadowRoot) {
      // A server-rendered fallback <input> inside the element: keep its value, stop it submitting twice.
      const fallback = this.querySelector('input');
      if (fallback) {
        if (!this.hasAttribute('value') && fallback.value) this.setAttribute('value', fallback.value);
        fallback.disabled = true;
      }
      const root = this.attachShadow({ mode: 'open', delegatesFocus: true });
      root.adoptedStyleSheets = [styles().code];
      codeInputMount(this);
      root.addEventListener('input', () => this.#update());
      root.addEventListener('change', () => this.dispatchEvent(new Event('change', { bubbles: true })));
      root.addEventListener('click', (e) => {
        const button = e.target.closest?.('[data-code]');
        if (button) {
          this.value = button.dataset.code;
          this.#input?.focus();
        }
      });
    }
    this.#update();
  }

  #update() {
    if (!this.shadowRoot) return;
    this.#result = codeInputUpdate(this, this.#internals);
    // Region names arrive with the division table, fetched the first time a
    // code with a division (positions 3-8) is typed; then the result is redone.
    if (this.#result?.divisionCode && !divisionsLoaded()) {
      loadDivisions().then(() => this.#update(), (e) => console.warn('xinyong: region names are not available', e));
    }
  }

  get #input() { return this.shadowRoot?.getElementById('input') ?? null; }

  attributeChangedCallback(name, _old, value) {
    if (!this.shadowRoot) return;
    if (name === 'value' && this.#input) this.#input.value = value ?? '';
    this.#update();
  }

  /** The text as typed (the form receives `normalized`). */
  get value() { return this.#input?.value ?? this.getAttribute('value') ?? ''; }
  set value(v) {
    if (this.#input) {
      this.#input.value = String(v ?? '');
      this.#update();
    } else {
      this.setAttribute('value', String(v ?? ''));
    }
  }
  /** The last validation result (as returned by `validate`), or null before the first. */
  get result() { return this.#result; }
  /** The normalized code, as submitted. */
  get normalized() { return this.#result?.normalized ?? ''; }
  get name() { return this.getAttribute('name'); }
  get type() { return this.localName; }
  get form() { return this.#internals.form; }
  get labels() { return this.#internals.labels; }
  get validity() { return this.#internals.validity; }
  get validationMessage() { return this.#internals.validationMessage; }
  get willValidate() { return this.#internals.willValidate; }
  checkValidity() { return this.#internals.checkValidity(); }
  reportValidity() { return this.#internals.reportValidity(); }
  formResetCallback() { this.value = this.getAttribute('value') ?? ''; }
  formStateRestoreCallback(state) { if (typeof state === 'string') this.value = state; }
}

async function fetchEntity(src) {
  const url = new URL(src, document.baseURI);
  if (url.origin !== location.origin) return { problem: 'cross_origin' };
  try {
    const res = await fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' } });
    if (res.status === 404) return { problem: 'not_found' };
    if (!res.ok) return { problem: 'fetch_failed' };
    return { entity: await res.text() }; // parsed in Rust: a malformed record is a typed error
  } catch {
    return { problem: 'fetch_failed' };
  }
}

/**
 * <xinyong-credit-status src="/api/entities/…" as-of="2026-11-26" lang="en">, or
 * with the `entity` property: the resolved red/black-list status card. Fires
 * `xinyong-status` (composed) with the status report after each render.
 */
export class XinyongCreditStatus extends Base {
  static observedAttributes = ['src', 'as-of', 'lang', 'code'];
  #entity;
  #hasEntity = false;
  #report = null;
  #token = 0;

  #queued = false;

  connectedCallback() { this.#schedule(); }
  attributeChangedCallback() { if (this.isConnected) this.#schedule(); }

  /** One render per task however many attributes changed (an upgraded element
   * gets a callback per attribute, then connectedCallback: one fetch, not three). */
  #schedule() {
    if (this.#queued) return;
    this.#queued = true;
    queueMicrotask(() => {
      this.#queued = false;
      if (this.isConnected) this.#render();
    });
  }

  /** The entity record (object or JSON text); `null` shows "no record found" for the `code` attribute. */
  get entity() { return this.#entity; }
  set entity(value) {
    this.#entity = value;
    this.#hasEntity = true;
    this.#schedule();
  }
  /** The last status report (as returned by `resolveStatus`), or null. */
  get report() { return this.#report; }
  /** The day resolved for: the `as-of` attribute, or today in Asia/Shanghai. */
  get asOf() { return this.getAttribute('as-of') || todayInShanghai(); }

  async #render() {
    const token = ++this.#token;
    const src = this.#hasEntity ? null : this.getAttribute('src');
    if (!this.#hasEntity && !src) return;
    // The record is fetched while the module loads, not after it.
    const fetched = src ? fetchEntity(src) : null;
    let status;
    try {
      status = await loadStatus();
    } catch (e) {
      warn('<xinyong-credit-status>', e);
      return;
    }
    let entity = this.#entity;
    let problem;
    if (fetched) {
      ({ entity, problem } = await fetched);
    } else if (entity == null) {
      problem = 'not_found';
    }
    if (token !== this.#token || !this.isConnected) return; // superseded by a newer render
    if (problem === 'not_found') entity = this.getAttribute('code') ?? '';
    if (!this.shadowRoot) this.attachShadow({ mode: 'open' }).adoptedStyleSheets = [styles().card];
    this.#report = status.statusCardRender(this, entity ?? null, this.asOf, problem);
    this.dispatchEvent(new CustomEvent('xinyong-status', { detail: this.#report, bubbles: true, composed: true }));
  }
}

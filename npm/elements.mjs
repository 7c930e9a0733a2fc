// The custom elements <xinyong-code-input> and <xinyong-credit-status>.
// Custom elements must extend HTMLElement in JS, so the classes live here, but
// they stay thin: the code input's shadow DOM is built below in JS from
// `validate` (the identifier module), the status card's by ./status-card.mjs
// (loaded with the card module, see loadCard in ./loader.mjs) from `resolveStatus`. Importing this module registers nothing (see
// ./define.mjs) and is harmless in Node or during server-side rendering.
import { validate } from './web/xinyong.js';
import { loadWasm, loadStatus, loadCard, loadDivisions, divisionsLoaded } from './loader.mjs';

export { loadWasm, loadStatus, loadCard };

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
// Phones (docs/mobile.md): the host is an inline-size container, so the
// code's font size follows the element's own width (18 monospace characters of
// about .66em each, with the letter spacing, plus padding and border) down to
// .75rem, then the normalized line wraps rather than running out; browsers
// without container units keep the fixed sizes declared first. Touch targets
// are at least 44 × 44 px (WCAG 2.5.5).
const CODE_CSS = `
:host { container-type: inline-size; contain-intrinsic-inline-size: 18rem; }
.input { box-sizing: border-box; width: 100%; min-height: 44px; font: 1.2rem ui-monospace, Menlo, monospace; font-size: clamp(.75rem, calc((100cqi - 1.6rem - 4px) / 12.2), 1.2rem); letter-spacing: .06em; padding: .45rem .6rem; border: 2px solid #6b7280; border-radius: 6px; background: #fff; color: #111; }
.input:focus { outline: 3px solid #2f6fdd66; border-color: #2f6fdd; }
.input[aria-invalid="true"] { border-color: #b42318; border-style: dashed; }
.code { font: 1.05rem ui-monospace, Menlo, monospace; font-size: clamp(.75rem, calc(100cqi / 12.2), 1.05rem); letter-spacing: .06em; margin: .3rem 0 0; min-height: 1.3em; overflow-wrap: anywhere; }
.bad { background: #ffe4e1; color: #8b0000; text-decoration: underline wavy #b42318; }
.message { margin: .25rem 0; font-size: .95rem; overflow-wrap: anywhere; }
.message[data-state="invalid"] { color: #8b0000; }
.message[data-state="valid"] { color: #14532d; }
.message[data-state="valid"]::before { content: "✔ "; }
.region { margin: 0 0 .25rem; font-size: .9rem; color: #3d4451; }
.region:empty { display: none; }
.message[data-state="invalid"]::before { content: "✘ "; }
.suggestions { display: flex; flex-wrap: wrap; align-items: center; gap: .3rem .4rem; }
.suggestions:empty { display: none; }
.suggestions button { box-sizing: border-box; min-height: 44px; min-width: 44px; max-width: 100%; font: .95rem ui-monospace, Menlo, monospace; font-size: clamp(.75rem, calc((100cqi - 1rem - 2px) / 11.2), .95rem); overflow-wrap: anywhere; padding: .15rem .45rem; border: 1px solid #2f6fdd; border-radius: 4px; background: #eef3fd; color: #123c8c; cursor: pointer; touch-action: manipulation; }
`;
const sheets = {};
/** A constructed stylesheet, made once: `code` (the code input) or `card` (with `CARD_CSS` of ./status-card.mjs). */
function sheet(name, css) {
  if (!sheets[name]) {
    sheets[name] = new CSSStyleSheet();
    sheets[name].replaceSync(`${COMMON_CSS}${css}`);
  }
  return sheets[name];
}

/** After the division table failed to load, the code inputs try again only after this pause. */
const REGION_RETRY_MS = 30_000;
let regionRetryAt = 0;
/** Whether the identifier module has loaded (`validate` can be called). */
let coreLoaded = false;
const warn = (what, e) => console.warn(`xinyong: ${what} stays as rendered by the server (wasm did not load)`, e);

/** Sets a string attribute from a property; `null` and `undefined` remove it (as React and Vue expect). */
function reflectString(el, attr, value) {
  if (value == null) el.removeAttribute(attr);
  else el.setAttribute(attr, String(value));
}

/** Sets a boolean attribute from a property: truthy → present (`""`), falsy → removed. */
function reflectBoolean(el, attr, value) {
  el.toggleAttribute(attr, Boolean(value));
}

/**
 * Properties a framework may have set on the element before its class was
 * defined (they shadow the accessors as own properties): re-applied through
 * the setters when the element connects.
 */
function adoptEarlyProperties(el, names) {
  for (const name of names) {
    if (Object.hasOwn(el, name)) {
      const value = el[name];
      delete el[name];
      el[name] = value;
    }
  }
}

// The code input's shadow DOM, built and updated from the result of
// `validate`: createElement, setAttribute and textContent only, nothing is
// ever parsed as HTML.


// The element's own words, in zh-Hans, zh-Hant and en (messages about the code
// itself come with the result, in the three languages).
const WORDS = {
  'zh-Hans': ['统一社会信用代码', '请输入统一社会信用代码', '代码有效', '代码无效', '您是否要输入：', '改为', '：', '；', '（', '）'],
  'zh-Hant': ['統一社會信用代碼', '請輸入統一社會信用代碼', '代碼有效', '代碼無效', '您是否要輸入：', '改為', '：', '；', '（', '）'],
  en: ['Unified Social Credit Code', 'Enter a Unified Social Credit Code', 'Valid code', 'Invalid code', 'Did you mean:', 'Use', ': ', '; ', ' (', ')'],
};

// The `lang` values understood (case-insensitive, `_` for `-`); anything else is zh-Hans.
const LANGS = {
  'zh-hant': 'zh-Hant', 'zh-tw': 'zh-Hant', 'zh-hk': 'zh-Hant', 'zh-mo': 'zh-Hant', 'zh-hant-tw': 'zh-Hant', 'zh-hant-hk': 'zh-Hant',
  en: 'en', 'en-us': 'en', 'en-gb': 'en',
};

/** The language of the element: its `lang` attribute, zh-Hans when absent or unknown. */
function langOf(value) {
  return LANGS[String(value ?? '').toLowerCase().replaceAll('_', '-')] ?? 'zh-Hans';
}

/** `<tag part=… class=…>text</tag>`; empty strings leave the attribute (or the text) out. */
function el(tag, part, cls, text, attrs) {
  const e = document.createElement(tag);
  if (part) e.setAttribute('part', part);
  if (cls) e.setAttribute('class', cls);
  if (text) e.textContent = text;
  for (const k in attrs) e.setAttribute(k, attrs[k]);
  return e;
}

/**
 * Builds the shadow DOM of `host` (its open shadow root attached): the inner
 * input, the normalized code with the wrong characters marked, the message,
 * the suggestions and a live region.
 */
function mountCodeInput(host) {
  const input = el('input', 'input', 'input', '', {
    id: 'input', type: 'text', autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false',
    inputmode: 'text', 'aria-describedby': 'message',
  });
  const placeholder = host.getAttribute('placeholder');
  if (placeholder !== null) input.setAttribute('placeholder', placeholder);
  host.shadowRoot.append(
    input,
    el('p', 'normalized', 'code', '', { id: 'code', 'aria-hidden': 'true' }),
    el('p', 'message', 'message', '', { id: 'message' }),
    el('p', 'region', 'region', '', { id: 'region' }),
    el('div', 'suggestions', 'suggestions', '', { id: 'suggestions' }),
    el('div', 'announce', 'sr-only', '', { id: 'live', role: 'status', 'aria-live': 'polite' }),
  );
  const value = host.getAttribute('value');
  if (value !== null) input.value = value;
}

// validate() refuses longer strings; no code is near that long (the result is a length error either way).
const MAX_LENGTH = 1 << 24;

/**
 * Validates the inner input's text with `validate` and updates everything: the
 * shadow DOM, the form value (the normalized code) and the validity (so
 * `checkValidity()`, `:invalid` and `required` behave like a native input).
 * Returns the result.
 */
function updateCodeInput(host, internals, validate) {
  const root = host.shadowRoot;
  const byId = (id) => root.getElementById(id);
  const lang = langOf(host.getAttribute('lang'));
  const [codeWord, requiredWord, validWord, invalidWord, didYouMean, useWord, colon, semi, open, close] = WORDS[lang];
  const input = byId('input');
  const required = host.hasAttribute('required');
  input.setAttribute('aria-label', host.getAttribute('label') ?? codeWord);
  input.setAttribute('lang', lang);
  if (required) input.setAttribute('aria-required', 'true');
  else input.removeAttribute('aria-required');
  const r = validate(input.value.slice(0, MAX_LENGTH), { acceptPilotCodes: host.hasAttribute('accept-pilot-codes') });
  const empty = r.normalized === '';
  const state = empty ? 'empty' : r.valid ? 'valid' : 'invalid';

  // The normalized code, wrong characters marked (not by colour alone: <mark> is underlined too).
  const code = byId('code');
  code.textContent = '';
  if (state === 'invalid') {
    const bad = r.errors.map((e) => e.position);
    let i = 0;
    for (const c of r.normalized) {
      i++;
      code.append(bad.includes(i) ? el('mark', 'bad-char', 'bad', c, { title: String(i) }) : document.createTextNode(c));
    }
  } else if (!empty) {
    code.textContent = r.normalized;
  }

  // The message.
  let text = '';
  if (empty) {
    if (required) text = requiredWord;
  } else if (r.valid) {
    text = validWord + colon + r.normalized;
    if (r.warnings.length) text += open + r.warnings[0].message[lang] + close;
  } else {
    text = invalidWord + colon + [...r.errors.slice(0, 1), ...r.diagnoses.slice(0, 1)].map((e) => e.message[lang]).join(semi);
  }
  const message = byId('message');
  message.textContent = text;
  message.setAttribute('data-state', state);
  input.setAttribute('aria-invalid', String(state === 'invalid'));

  // The region of a valid code's registering authority, once the division
  // table has arrived (names are Chinese; English pages get the simplified form).
  const fullName = r.valid ? r.parts?.division?.fullName : null;
  byId('region').textContent = fullName ? fullName[lang === 'zh-Hant' ? 'zh-Hant' : 'zh-Hans'] : '';

  // Suggestions: buttons carrying the code in data-code (the element class handles the click).
  const suggestions = byId('suggestions');
  suggestions.textContent = '';
  if (r.suggestions.length) {
    suggestions.append(el('span', 'suggestions-label', '', didYouMean));
    for (const { code: s } of r.suggestions.slice(0, 3)) {
      suggestions.append(el('button', 'suggestion', '', s, { type: 'button', 'data-code': s, 'aria-label': `${useWord} ${s}` }));
    }
  }
  // The live region changes only when the message does (so it is announced once).
  const live = byId('live');
  if (live.textContent !== text) live.textContent = text;

  // Form value and validity.
  internals.setFormValue(empty ? null : r.normalized);
  const missing = empty && required;
  internals.setValidity(missing ? { valueMissing: true } : state === 'invalid' ? { patternMismatch: true } : {},
    missing || state === 'invalid' ? text : '', input);
  host.setAttribute('data-state', state);
  return r;
}

const CODE_INPUT_PROPERTIES = ['value', 'defaultValue', 'name', 'lang', 'required', 'disabled', 'readOnly', 'label',
  'placeholder', 'acceptPilotCodes', 'form'];

/**
 * `<xinyong-code-input name="code" required lang="zh-Hans" accept-pilot-codes value="…">`:
 * a form-associated input for a Unified Social Credit Code. Submits the
 * normalized code under its name; fires `xinyong-validate` (composed) with the result.
 *
 * Frameworks drive it like an `<input>`: every attribute has a property that
 * reflects to it (booleans: `true` adds the attribute, `false`/`null` removes it;
 * strings: `null`/`undefined` remove it), so React 19 and Vue 3, which set a
 * property whenever `name in element`, work with either. Read-only properties
 * (`result`, `normalized`, `validity`, …) ignore assignment instead of throwing.
 * `value` is the text as typed: the user's edits fire `input` (bubbles, composed,
 * `target` is the element) then `xinyong-validate`; setting `value` fires no
 * `input` and, when the text is unchanged, does nothing at all (no caret move,
 * no re-validation), so Vue's `v-model` and React's controlled pattern can
 * write it back on every render.
 *
 * @summary A form-associated input for a Unified Social Credit Code.
 * @tag xinyong-code-input
 * @attr {string} name - The form field name; the form receives the normalized code under it.
 * @attr {boolean} required - Empty is invalid (`valueMissing`).
 * @attr {boolean} disabled - Disables the input; a disabled element is not submitted nor validated.
 * @attr {boolean} readonly - The text cannot be edited (and the element is not validated).
 * @attr {string} value - The initial text (what a form reset goes back to); see the `value` property for the current text.
 * @attr {'zh-Hans' | 'zh-Hant' | 'en'} lang - The language of the messages (default `zh-Hans`).
 * @attr {string} label - The accessible name of the inner input (default: a localized "Unified Social Credit Code").
 * @attr {string} placeholder - The inner input's placeholder.
 * @attr {boolean} accept-pilot-codes - Accept the codes of the pre-2015 pilot schemes.
 * @attr {string} form - The id of the `<form>` the element belongs to, when it is not inside it.
 * @fires {InputEvent} input - After every change of the text by the user (typing, pasting, a suggestion click); bubbles, composed.
 * @fires {Event} change - When the user commits an edit (blur or Enter after a change, a suggestion click); bubbles.
 * @fires {CustomEvent<Validation>} xinyong-validate - After each validation (the user's edits, `value` set to another text, an attribute change); `detail` is the `validate` result. Bubbles, composed.
 * @csspart input - The inner `<input>`.
 * @csspart normalized - The normalized code, with the wrong characters marked.
 * @csspart bad-char - A wrong character (a `<mark>`) in the normalized code.
 * @csspart message - The localized message (`data-state`: `empty`, `valid` or `invalid`).
 * @csspart region - The region of a valid code (GB/T 2260 name; shown once the division table has arrived).
 * @csspart suggestions - The suggestions box.
 * @csspart suggestions-label - The "did you mean" label.
 * @csspart suggestion - A suggested code (a `<button>`).
 * @csspart announce - The ARIA live region.
 */
export class XinyongCodeInput extends Base {
  static formAssociated = true;
  static observedAttributes = ['lang', 'accept-pilot-codes', 'required', 'value', 'label', 'placeholder', 'readonly'];
  #internals;
  #result = null;
  /** The text set before the shadow DOM exists (undefined: none). */
  #pendingValue;
  #formDisabled = false;

  constructor() {
    super();
    this.#internals = this.attachInternals();
  }

  connectedCallback() {
    adoptEarlyProperties(this, CODE_INPUT_PROPERTIES);
    // Until the wasm has loaded, an element without a server-rendered fallback
    // <input> inside shows its inner input at once (issue 15: typing can start
    // before the wasm arrives; the text is validated when it has). With one,
    // the fallback stays until then.
    if (!coreLoaded && !this.querySelector('input')) this.#mount();
    // In a microtask, like the status card's render: an element upgraded by
    // define() must not start the default load before the page's own loadWasm(url).
    queueMicrotask(() => loadWasm().then(() => {
      coreLoaded = true;
      this.#mount();
      this.#update();
    }, (e) => warn('<xinyong-code-input>', e)));
  }

  /** Builds the shadow DOM (once). */
  #mount() {
    if (!this.shadowRoot) {
      // A server-rendered fallback <input> inside the element: keep its value, stop it submitting twice.
      const fallback = this.querySelector('input');
      if (fallback) {
        if (!this.hasAttribute('value') && fallback.value) this.setAttribute('value', fallback.value);
        fallback.disabled = true;
      }
      const root = this.attachShadow({ mode: 'open', delegatesFocus: true });
      root.adoptedStyleSheets = [sheet('code', CODE_CSS)];
      mountCodeInput(this);
      const input = this.#input;
      // The phone keyboard: the mount sets inputmode="text" (codes mix letters
      // and digits; "numeric" would hide the letters) and autocapitalize="characters";
      // Enter commits the edit (a `change`), hence "done", unless the page sets enterkeyhint.
      input.setAttribute('autocorrect', 'off');
      input.setAttribute('enterkeyhint', this.getAttribute('enterkeyhint') || 'done');
      if (this.#pendingValue !== undefined) input.value = this.#pendingValue;
      this.#pendingValue = undefined;
      input.readOnly = this.hasAttribute('readonly');
      input.disabled = this.#formDisabled || this.matches(':disabled');
      // The inner input's `input` event is composed and would reach the page
      // retargeted to the host, but only after this listener: a framework
      // re-rendering in the microtask checkpoint between the two would write
      // back its stale model. It is stopped here and one `input` event is
      // dispatched from the host, before `xinyong-validate`, in this same task.
      root.addEventListener('input', (e) => {
        e.stopPropagation();
        this.#userEdited({ inputType: e.inputType, data: e.data, isComposing: e.isComposing });
      });
      root.addEventListener('change', (e) => {
        e.stopPropagation();
        this.dispatchEvent(new Event('change', { bubbles: true }));
      });
      root.addEventListener('click', (e) => {
        const button = e.target.closest?.('[data-code]');
        if (button) {
          input.value = button.dataset.code;
          this.#userEdited({ inputType: 'insertReplacementText', data: button.dataset.code });
          this.dispatchEvent(new Event('change', { bubbles: true }));
          input.focus();
        }
      });
    }
  }

  /** The user changed the text: validate, then `input`, then `xinyong-validate`. */
  #userEdited(init) {
    this.#update(() => this.dispatchEvent(new InputEvent('input', { ...init, bubbles: true, composed: true })));
  }

  /**
   * Validates and renders, then runs `beforeEvent` (if any) and fires
   * `xinyong-validate`. Listeners thus see the new `result`, `validity` and
   * form value, and run after the update has finished (a listener that sets
   * `value` starts a fresh update instead of re-entering the running one).
   */
  #update(beforeEvent, silent = false) {
    if (!this.shadowRoot) return;
    if (!coreLoaded) {
      // Shown before the wasm has arrived: the text is submitted as typed
      // (as a server-rendered fallback <input> would), validated once it has.
      this.#internals.setFormValue(this.#input.value || null);
      beforeEvent?.();
      return;
    }
    this.#result = updateCodeInput(this, this.#internals, validate);
    beforeEvent?.();
    if (!silent) this.dispatchEvent(new CustomEvent('xinyong-validate', { detail: this.#result, bubbles: true, composed: true }));
    // Region names arrive with the division table of the typed code's
    // province (web/divisions/NN.bin), fetched the first time a code of that
    // province is typed; then the view and
    // `result` are redone in place, without another event (the text did not
    // change; the next edit's event carries the names).
    const division = this.#result?.parts?.divisionCode;
    if (division && !divisionsLoaded(division) && Date.now() >= regionRetryAt) {
      loadDivisions(division).then(() => this.#update(undefined, true), (e) => {
        // One warning, and no new fetch on every keystroke: the next try after a pause.
        if (regionRetryAt === 0) console.warn('xinyong: region names are not available', e);
        regionRetryAt = Date.now() + REGION_RETRY_MS;
      });
    }
  }

  get #input() { return this.shadowRoot?.getElementById('input') ?? null; }

  attributeChangedCallback(name, old, value) {
    const input = this.#input;
    if (old === value || !input) return;
    switch (name) {
      case 'placeholder':
        if (value === null) input.removeAttribute('placeholder');
        else input.setAttribute('placeholder', value);
        return;
      case 'readonly':
        input.readOnly = value !== null;
        return;
      case 'value':
        if (input.value === (value ?? '')) return;
        input.value = value ?? '';
        break;
    }
    this.#update();
  }

  /** Disabled by its `disabled` attribute or a disabled `<fieldset>`: the inner input follows. @ignore */
  formDisabledCallback(disabled) {
    this.#formDisabled = disabled;
    const input = this.#input;
    if (input) input.disabled = disabled;
  }

  /**
   * The text as typed (the form receives `normalized`). Setting it validates
   * and fires `xinyong-validate` but no `input`; setting the text it already
   * has does nothing. `null` and `undefined` mean `''`.
   * @type {string}
   */
  get value() { return this.#input?.value ?? this.#pendingValue ?? this.getAttribute('value') ?? ''; }
  set value(v) {
    const text = v == null ? '' : String(v);
    const input = this.#input;
    if (!input) {
      this.#pendingValue = text;
    } else if (input.value !== text) {
      input.value = text;
      this.#update();
    }
  }
  /** The `value` attribute: the text a form reset goes back to. @type {string} */
  get defaultValue() { return this.getAttribute('value') ?? ''; }
  set defaultValue(v) { reflectString(this, 'value', v); }
  /** The form field name (the `name` attribute; `''` when absent). @type {string} */
  get name() { return this.getAttribute('name') ?? ''; }
  set name(v) { reflectString(this, 'name', v); }
  /**
   * The `lang` attribute, as HTMLElement's, except that `null` and `undefined`
   * remove it (React 19 assigns `undefined` when the prop goes away).
   * @type {string}
   */
  get lang() { return super.lang; }
  set lang(v) { reflectString(this, 'lang', v); }
  /** The `required` attribute. @type {boolean} */
  get required() { return this.hasAttribute('required'); }
  set required(v) { reflectBoolean(this, 'required', v); }
  /** The `disabled` attribute (a disabled `<fieldset>` also disables the element, without changing this). @type {boolean} */
  get disabled() { return this.hasAttribute('disabled'); }
  set disabled(v) { reflectBoolean(this, 'disabled', v); }
  /** The `readonly` attribute. @type {boolean} */
  get readOnly() { return this.hasAttribute('readonly'); }
  set readOnly(v) { reflectBoolean(this, 'readonly', v); }
  /** The `label` attribute: the inner input's accessible name (`''`: the localized default). @type {string} */
  get label() { return this.getAttribute('label') ?? ''; }
  set label(v) { reflectString(this, 'label', v); }
  /** The `placeholder` attribute. @type {string} */
  get placeholder() { return this.getAttribute('placeholder') ?? ''; }
  set placeholder(v) { reflectString(this, 'placeholder', v); }
  /** The `accept-pilot-codes` attribute. @type {boolean} */
  get acceptPilotCodes() { return this.hasAttribute('accept-pilot-codes'); }
  set acceptPilotCodes(v) { reflectBoolean(this, 'accept-pilot-codes', v); }
  /**
   * The form owner. Assigning a string sets the `form` attribute (the id of
   * the form), as React and Vue do for `<input form="…">`.
   * @type {HTMLFormElement | null}
   */
  get form() { return this.#internals.form; }
  set form(id) { reflectString(this, 'form', id); }

  /** The last validation result (as returned by `validate`), or null before the first. Read-only: assignment is ignored. @readonly @type {Validation | null} */
  get result() { return this.#result; }
  set result(_) {}
  /** The normalized code, as submitted. Read-only: assignment is ignored. @readonly @type {string} */
  get normalized() { return this.#result?.normalized ?? ''; }
  set normalized(_) {}
  /** `'xinyong-code-input'`, as `<input>` has `type`. Read-only: assignment is ignored. @readonly @type {string} */
  get type() { return this.localName; }
  set type(_) {}
  /** The `<label>`s of the element. Read-only: assignment is ignored. @readonly @type {NodeList} */
  get labels() { return this.#internals.labels; }
  set labels(_) {}
  /** The validity state. Read-only: assignment is ignored. @readonly @type {ValidityState} */
  get validity() { return this.#internals.validity; }
  set validity(_) {}
  /** The message of the invalid state (`''` when valid). Read-only: assignment is ignored. @readonly @type {string} */
  get validationMessage() { return this.#internals.validationMessage; }
  set validationMessage(_) {}
  /** Whether the element takes part in constraint validation. Read-only: assignment is ignored. @readonly @type {boolean} */
  get willValidate() { return this.#internals.willValidate; }
  set willValidate(_) {}
  /** As `<input>`: false (and an `invalid` event) when invalid. */
  checkValidity() { return this.#internals.checkValidity(); }
  /** As `<input>`: checkValidity() and, when invalid, shows the message. */
  reportValidity() { return this.#internals.reportValidity(); }
  /** @ignore */
  formResetCallback() { this.value = this.getAttribute('value') ?? ''; }
  /** @ignore */
  formStateRestoreCallback(state) { if (typeof state === 'string') this.value = state; }
}

async function fetchEntity(src) {
  const url = new URL(src, document.baseURI);
  if (url.origin !== location.origin) return { problem: 'cross_origin' };
  try {
    const res = await fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' } });
    if (res.status === 404) return { problem: 'not_found' };
    if (!res.ok) return { problem: 'fetch_failed' };
    return { entity: await res.text() }; // parsed in wasm: a malformed record is a typed error
  } catch {
    return { problem: 'fetch_failed' };
  }
}

const CREDIT_STATUS_PROPERTIES = ['entity', 'src', 'asOf', 'code', 'lang'];

/**
 * `<xinyong-credit-status src="/api/entities/…" as-of="2026-11-26" lang="en">`, or
 * with the `entity` property: the resolved red/black-list status card. Fires
 * `xinyong-status` (composed) with the status report after each render.
 * Every attribute has a property reflecting to it (`null`/`undefined` remove
 * it); `report` is read-only and ignores assignment.
 *
 * @summary The red/black-list status card of an entity.
 * @tag xinyong-credit-status
 * @attr {string} src - A same-origin URL of the entity record (JSON); another origin is refused, 404 shows "no record found".
 * @attr {string} as-of - The day to resolve for (`YYYY-MM-DD`, Asia/Shanghai; default today).
 * @attr {'zh-Hans' | 'zh-Hant' | 'en'} lang - The language of the card (default `zh-Hans`).
 * @attr {string} code - The code shown in "no record found" (when `entity` is `null` or `src` answers 404).
 * @fires {CustomEvent<StatusReport | null>} xinyong-status - After each render; `detail` is the `resolveStatus` report (or null). Bubbles, composed.
 * @csspart card - The card (`data-verdict` on the host and the card).
 * @csspart header - The header: name, code, region.
 * @csspart name - The entity's name.
 * @csspart code - The entity's code.
 * @csspart region - The region of the code.
 * @csspart verdict - The verdict line, also `verdict-<verdict>`.
 * @csspart verdict-icon - The verdict's symbol.
 * @csspart verdict-label - The verdict's text.
 * @csspart rule - The rule behind the verdict.
 * @csspart objection-notice - The notice that an objection suspends the measures.
 * @csspart red-suspended-notice - The notice that red-list incentives are suspended.
 * @csspart entries - The list of entries.
 * @csspart entry - An entry, also `entry-<state>`.
 * @csspart entry-head - An entry's heading.
 * @csspart list-name - The list an entry is on.
 * @csspart label - An entry's label.
 * @csspart state - An entry's state, also `state-<state>`.
 * @csspart state-rule - The rule behind an entry's state.
 * @csspart dates - An entry's dates (`<dl>`).
 * @csspart term - A date's name (`<dt>`).
 * @csspart value - A date (`<dd>`).
 * @csspart measures - An entry's measures.
 * @csspart measure - A measure.
 * @csspart measure-in-force - A measure in force (with `measure`).
 * @csspart measure-suspended - A suspended measure (with `measure`).
 * @csspart measure-inactive - A measure no longer in force (with `measure`).
 * @csspart measure-kind - A measure's kind.
 * @csspart measure-status - A measure's status.
 * @csspart objection - An entry's objection.
 * @csspart publication - An entry's publicity deadline.
 * @csspart publication-unavailable - A deadline the working-day calendar cannot give (with `publication`).
 * @csspart repair - An entry's credit-repair eligibility.
 * @csspart repair-summary - The repair summary.
 * @csspart repair-unmet - The unmet repair conditions.
 * @csspart repair-condition - An unmet repair condition.
 * @csspart repair-warning - A warning on the repair answer (e.g. rules_may_be_outdated: as-of is after the rule sets' last review).
 * @csspart empty - The "no entries" text.
 * @csspart footer - The footer: the repair rule sets that answered and the working-day calendar's years.
 * @csspart announce - The ARIA live region.
 */
export class XinyongCreditStatus extends Base {
  static observedAttributes = ['src', 'as-of', 'lang', 'code'];
  #entity;
  #hasEntity = false;
  #report = null;
  #token = 0;

  #queued = false;

  connectedCallback() {
    adoptEarlyProperties(this, CREDIT_STATUS_PROPERTIES);
    this.#schedule();
  }

  attributeChangedCallback(_name, old, value) { if (old !== value && this.isConnected) this.#schedule(); }

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

  /**
   * The entity record (object or JSON text); `null` shows "no record found"
   * for the `code` attribute. Once set, it is shown instead of `src`.
   * @type {object | string | null | undefined}
   */
  get entity() { return this.#entity; }
  set entity(value) {
    this.#entity = value;
    this.#hasEntity = true;
    this.#schedule();
  }
  /** The `src` attribute (`''` when absent). @type {string} */
  get src() { return this.getAttribute('src') ?? ''; }
  set src(v) { reflectString(this, 'src', v); }
  /** The `lang` attribute; `null` and `undefined` remove it. @type {string} */
  get lang() { return super.lang; }
  set lang(v) { reflectString(this, 'lang', v); }
  /** The `code` attribute (`''` when absent). @type {string} */
  get code() { return this.getAttribute('code') ?? ''; }
  set code(v) { reflectString(this, 'code', v); }
  /**
   * The day resolved for: the `as-of` attribute, or today in Asia/Shanghai.
   * Setting it sets the attribute (`null` removes it: today).
   * @type {string}
   */
  get asOf() { return this.getAttribute('as-of') || todayInShanghai(); }
  set asOf(v) { reflectString(this, 'as-of', v); }
  /** The last status report (as returned by `resolveStatus`), or null. Read-only: assignment is ignored. @readonly @type {StatusReport | null} */
  get report() { return this.#report; }
  set report(_) {}

  async #render() {
    const token = ++this.#token;
    const src = this.#hasEntity ? null : this.getAttribute('src');
    if (!this.#hasEntity && !src) return;
    // The record is fetched while the module and the card's renderer load, not after.
    const fetched = src ? fetchEntity(src) : null;
    let status;
    let card;
    try {
      [status, card] = await Promise.all([loadCard(), import('./status-card.mjs')]);
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
    if (!this.shadowRoot) this.attachShadow({ mode: 'open' }).adoptedStyleSheets = [sheet('card', card.CARD_CSS)];
    this.#report = card.renderStatusCard(this, status, entity ?? null, this.asOf, problem, langOf(this.getAttribute('lang')));
    this.dispatchEvent(new CustomEvent('xinyong-status', { detail: this.#report, bubbles: true, composed: true }));
  }
}

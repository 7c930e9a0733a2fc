// The shadow DOM of <xinyong-code-input>: built and updated here in JS from
// the result of `validate` (the wasm), so the identifier module carries no DOM
// code. Nothing is ever parsed as HTML: createElement, setAttribute and
// textContent only (an entity name such as `<img src=x onerror=…>` stays text).

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
export function langOf(value) {
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
export function mountCodeInput(host) {
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
export function updateCodeInput(host, internals, validate) {
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

// Form-library adapters (xinyong/adapters), written against the package API
// they are given: an async-validator rule (Element Plus, Ant Design Vue, Ant
// Design) and a Standard Schema v1 validator (TanStack Form, react-hook-form's
// standardSchemaResolver, and anything else that reads `~standard`).
//
// This file has no imports and one export, createAdapters(api): the browser
// entry (adapters.mjs) passes it the browser build, the Node entry
// (node/adapters.cjs) the Node build; scripts/assemble-pkg.mjs writes the
// CommonJS copy from this file.

/**
 * The adapters over one build of the package: `api` is the module namespace
 * (`validate`, `validateOrgCode`, `validateRegistrationNumber`,
 * `XinyongError` and, where the wasm loads asynchronously, `ready`).
 */
export function createAdapters(api) {
  const LANGS = ['zh-Hans', 'zh-Hant', 'en'];

  // Non-string input (a number from <input type=number>, an object) is not a
  // code; the library itself throws a `type` XinyongError with an English
  // message only, so the adapters carry their own, in each language.
  const TYPE_MESSAGES = {
    'zh-Hans': '代码应为文本，实为{type}',
    'zh-Hant': '代碼應為文字，實為{type}',
    en: 'the code must be text, found {type}',
  };
  const TYPE_NAMES = {
    number: { 'zh-Hans': '数字', 'zh-Hant': '數字', en: 'a number' },
    bigint: { 'zh-Hans': '数字', 'zh-Hant': '數字', en: 'a number' },
    boolean: { 'zh-Hans': '布尔值', 'zh-Hant': '布林值', en: 'a boolean' },
    object: { 'zh-Hans': '对象', 'zh-Hant': '物件', en: 'an object' },
    other: { 'zh-Hans': '其他类型', 'zh-Hant': '其他型別', en: 'another type' },
  };

  const OBJECT_MESSAGES = {
    'zh-Hans': '表单值应为对象',
    'zh-Hant': '表單值應為物件',
    en: 'the form values must be an object',
  };

  /** A XinyongError (the API's typed error) of `kind` with `message`. */
  function xinyongError(kind, message) {
    const error = new Error(message);
    const prototype = api.XinyongError && api.XinyongError.prototype;
    // The browser build links XinyongError.prototype to Error.prototype when
    // the wasm starts; before that, a plain Error named XinyongError.
    if (prototype && Object.prototype.isPrototypeOf.call(Error.prototype, prototype)) {
      Object.setPrototypeOf(error, prototype);
    } else {
      error.name = 'XinyongError';
    }
    error.kind = kind;
    return error;
  }

  /** Checks the options of rule()/schema(); throws a XinyongError of kind `options`. */
  function readOptions(options, known) {
    if (options === undefined || options === null) options = {};
    if (typeof options !== 'object' || Array.isArray(options)) {
      throw xinyongError('options', `invalid options: expected an object, found ${Array.isArray(options) ? 'an array' : typeof options}`);
    }
    for (const key of Object.keys(options)) {
      if (!known.includes(key)) {
        throw xinyongError('options', `invalid options: unknown option \`${key}\` (known: ${known.join(', ')})`);
      }
    }
    const lang = options.lang ?? 'zh-Hans';
    if (!LANGS.includes(lang)) {
      throw xinyongError('options', `invalid options: \`lang\` must be one of ${LANGS.join(', ')}, found ${JSON.stringify(lang)}`);
    }
    for (const key of ['required', 'acceptPilotCodes']) {
      if (options[key] !== undefined && typeof options[key] !== 'boolean') {
        throw xinyongError('options', `invalid options: \`${key}\` must be a boolean, found ${JSON.stringify(options[key])}`);
      }
    }
    let trigger = 'blur';
    if ('trigger' in options) {
      trigger = options.trigger;
      const ok = trigger === null || typeof trigger === 'string'
        || (Array.isArray(trigger) && trigger.every((t) => typeof t === 'string'));
      if (!ok) throw xinyongError('options', 'invalid options: `trigger` must be a string, an array of strings or null');
    }
    const validateOptions = options.acceptPilotCodes ? { acceptPilotCodes: true } : undefined;
    return { lang, required: options.required === true, trigger, validateOptions };
  }

  /** An issue (the adapters' failure shape) from one error of a result. */
  function issueFrom(error, lang, result) {
    const issue = { message: error.message[lang], kind: error.kind };
    if (error.position !== undefined) issue.position = error.position;
    issue.messages = error.message;
    if (result) issue.result = result;
    return issue;
  }

  function typeIssue(value, lang) {
    const type = value === null ? 'other' : typeof value;
    const names = TYPE_NAMES[type] ?? TYPE_NAMES.other;
    const messages = {};
    for (const l of LANGS) messages[l] = TYPE_MESSAGES[l].replace('{type}', names[l]);
    return { message: messages[lang], kind: 'type', messages };
  }

  /**
   * Checks `value` synchronously: `{ value }` (the normalized code, or the
   * empty input as given) or `{ issue }`. Throws what `validate` throws
   * before the module is ready (kind `not_ready`).
   */
  function check(validateFn, value, o) {
    if (value !== undefined && value !== null && typeof value !== 'string') {
      return { issue: typeIssue(value, o.lang) };
    }
    let result;
    try {
      result = validateFn(value ?? '', o.validateOptions);
    } catch (e) {
      if (e && e.kind === 'not_ready') throw e;
      // Typed refusals (e.g. `too_long`) become issues, as invalid codes do.
      if (e && typeof e.kind === 'string') {
        const messages = e.messages ?? { 'zh-Hans': e.message, 'zh-Hant': e.message, en: e.message };
        return { issue: { message: messages[o.lang], kind: e.kind, messages } };
      }
      throw e;
    }
    if (result.valid) return { value: result.normalized };
    const first = result.errors[0];
    if (first.kind === 'empty') {
      return o.required ? { issue: issueFrom(first, o.lang) } : { value: typeof value === 'string' ? result.normalized : value };
    }
    return { issue: issueFrom(first, o.lang, result) };
  }

  /**
   * check(), synchronously when the module is ready and otherwise as a
   * Promise that settles after `api.ready`.
   */
  function checkNowOrLater(validateFn, value, o) {
    try {
      return check(validateFn, value, o);
    } catch (e) {
      if (e && e.kind === 'not_ready' && api.ready) {
        return Promise.resolve(api.ready).then(() => check(validateFn, value, o));
      }
      throw e;
    }
  }

  /** The Error an async-validator rule rejects with. */
  function ruleError(issue) {
    const error = new Error(issue.message);
    Object.assign(error, issue);
    return error;
  }

  /** `rule` and `schema` for one kind of identifier. */
  function identifierAdapters(validateFn, known) {
    return {
      rule(options) {
        const o = readOptions(options, [...known, 'trigger']);
        const rule = {
          required: o.required,
          asyncValidator(_rule, value) {
            return Promise.resolve()
              .then(() => checkNowOrLater(validateFn, value, o))
              .then((outcome) => {
                if (outcome.issue) throw ruleError(outcome.issue);
              });
          },
        };
        if (o.trigger !== null) rule.trigger = o.trigger;
        return rule;
      },
      schema(options) {
        const o = readOptions(options, known);
        const toResult = (outcome) => (outcome.issue ? { issues: [outcome.issue] } : { value: outcome.value });
        return {
          '~standard': {
            version: 1,
            vendor: 'xinyong',
            validate(value) {
              const outcome = checkNowOrLater(validateFn, value, o);
              return typeof outcome.then === 'function' ? outcome.then(toResult) : toResult(outcome);
            },
          },
        };
      },
    };
  }

  const common = ['lang', 'required'];
  const uscc = identifierAdapters((input, options) => api.validate(input, options), [...common, 'acceptPilotCodes']);
  const orgCode = identifierAdapters((input) => api.validateOrgCode(input), common);
  const registrationNumber = identifierAdapters((input) => api.validateRegistrationNumber(input), common);

  /**
   * A Standard Schema for a form's values: each key of `shape` is checked by
   * its Standard Schema (any vendor's), issues get the key prefixed to their
   * path, keys not in `shape` pass through unchanged. `options.lang` is
   * the language of the issue for values that are not an object.
   */
  function objectSchema(shape, options) {
    const { lang } = readOptions(options, ['lang']);
    if (shape === null || typeof shape !== 'object' || Array.isArray(shape)) {
      throw xinyongError('options', 'invalid options: objectSchema(shape) expects an object of Standard Schemas');
    }
    const keys = Object.keys(shape);
    for (const key of keys) {
      const s = shape[key] && shape[key]['~standard'];
      if (!s || s.version !== 1 || typeof s.validate !== 'function') {
        throw xinyongError('options', `invalid options: \`${key}\` is not a Standard Schema (no ~standard.validate, version 1)`);
      }
    }
    const combine = (input, results) => {
      const issues = [];
      const value = { ...input };
      results.forEach((r, i) => {
        if (r.issues) {
          for (const issue of r.issues) issues.push({ ...issue, path: [keys[i], ...(issue.path ?? [])] });
        } else {
          value[keys[i]] = r.value;
        }
      });
      return issues.length ? { issues } : { value };
    };
    return {
      '~standard': {
        version: 1,
        vendor: 'xinyong',
        validate(input) {
          if (input === null || typeof input !== 'object' || Array.isArray(input)) {
            return { issues: [{ message: OBJECT_MESSAGES[lang], kind: 'type', messages: { ...OBJECT_MESSAGES } }] };
          }
          const results = keys.map((key) => shape[key]['~standard'].validate(input[key]));
          if (results.some((r) => r && typeof r.then === 'function')) {
            return Promise.all(results).then((settled) => combine(input, settled));
          }
          return combine(input, results);
        },
      },
    };
  }

  return { uscc, orgCode, registrationNumber, objectSchema };
}

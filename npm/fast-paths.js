// Fast paths for isValid, isValidMany, validate and validateMany, shared by the package's browser,
// Node ESM and Node CommonJS entries (scripts/assemble-pkg.mjs appends the
// export statement for each). Copying a short ASCII string into the module
// through wasm-bindgen costs an allocation and several calls across the
// boundary; here the characters are written straight into a scratch area of
// the module's memory and one call checks them. Anything else — non-strings,
// long or non-ASCII input, which the Rust side normalizes — takes the general
// path of the raw export, with the same results and typed errors.
/* eslint-disable no-var */
function fastPaths(raw) {
  var SLOT = 32; // a length byte and up to 31 characters (FAST_MAX_LENGTH in src/wasm/mod.rs)
  var MAX_ITEMS = 10000000; // MAX_BATCH in src/wasm/mod.rs: larger batches get its error
  var MAX_TOTAL = 67108864; // and the most UTF-16 code units in all
  var memory = raw.__fastMemory();
  var one = raw.__fastOne();
  var oneView = new Uint8Array(memory.buffer, one, SLOT - 1);

  // Writes the string's characters into the scratch slot; false (slot
  // unusable) at the first character outside lowest-highest.
  function writeOne(input, lowest, highest) {
    // The view goes stale (length 0) when the module's memory grows.
    if (oneView.byteLength === 0) oneView = new Uint8Array(memory.buffer, one, SLOT - 1);
    for (var i = 0; i < input.length; i++) {
      var c = input.charCodeAt(i);
      if (c < lowest || c > highest) return false;
      oneView[i] = c;
    }
    return true;
  }

  /** Whether a USCC is valid (same answer and errors as the raw export). */
  function isValid(input) {
    if (typeof input !== 'string' || input.length >= SLOT) return raw.isValid(input);
    return writeOne(input, 0, 127) ? raw.__fastIsValid(input.length) : raw.isValid(input);
  }

  /** For many USCCs, whether each is valid: a Uint8Array, 1 valid, 0 not. */
  function isValidMany(inputs) {
    if (!Array.isArray(inputs) || inputs.length > MAX_ITEMS) return raw.isValidMany(inputs);
    var count = inputs.length;
    var base = raw.__fastMany(count);
    var bytes = new Uint8Array(memory.buffer, base, count * (SLOT + 1));
    var general = [];
    var total = 0;
    for (var k = 0; k < count; k++) {
      var s = inputs[k];
      if (typeof s !== 'string') return raw.isValidMany(inputs); // its typed error
      var at = k * SLOT;
      var n = s.length;
      total += n;
      if (total > MAX_TOTAL) return raw.isValidMany(inputs); // its typed error
      if (n >= SLOT) {
        bytes[at] = 255;
        general.push(k);
        continue;
      }
      bytes[at] = n;
      for (var i = 0; i < n; i++) {
        var c = s.charCodeAt(i);
        if (c > 127) {
          bytes[at] = 255;
          general.push(k);
          break;
        }
        bytes[at + 1 + i] = c;
      }
    }
    raw.__fastIsValidMany(count);
    // Copy the results out before anything can grow (and move) the memory.
    var results = new Uint8Array(memory.buffer, base + count * SLOT, count).slice();
    for (var j = 0; j < general.length; j++) results[general[j]] = raw.isValid(inputs[general[j]]) ? 1 : 0;
    return results;
  }

  // validate and validateMany, for a valid code already in canonical form
  // (18 characters 0-9 A-Z): such a result depends only
  // on the code's first 8 characters (authority, entity type, division: the
  // names, the division and its warnings) apart from normalized, orgCode and
  // checkChar. The first result for those 8 characters, from the raw export,
  // is kept as a template; later codes get a deep copy of it with their own
  // three fields (JSON.parse of the whole result is most of validate's time).
  // The options change nothing for a valid code (acceptPilotCodes applies to
  // codes the check rejects; suggestions only to invalid codes), but they are
  // still checked, by the raw export on an empty batch, for its typed errors.
  // Anything else — other input, invalid codes — takes the raw export.
  var TEMPLATE_LIMIT = 4096; // prefixes kept; the map starts over when full
  var templates = new Map();

  // Whether `input` is 18 characters 0-9 A-Z forming a valid code: the
  // kernel rejects the punctuation between '9' and 'A', so only the range
  // '0'-'Z' (no lower case, which would be normalized) is checked here.
  function canonicalValid(input) {
    return typeof input === 'string' && input.length === 18 && writeOne(input, 48, 90) && raw.__fastIsValid(18);
  }

  function copy(value) {
    if (typeof value !== 'object' || value === null) return value;
    if (Array.isArray(value)) return value.map(copy);
    var out = {};
    for (var key in value) out[key] = copy(value[key]);
    return out;
  }

  // The result for a canonical valid code (see above), or null when the
  // raw export does not find it valid. Like isValid, this trusts the kernel
  // (the tests compare it with validate on thousands of codes); null keeps an
  // invalid result from ever becoming a template, and the caller then takes
  // the raw export, with the caller's options.
  function fromTemplate(code) {
    var key = code.slice(0, 8);
    var template = templates.get(key);
    if (template === undefined) {
      if (templates.size >= TEMPLATE_LIMIT) templates.clear();
      template = raw.validate(code);
      if (!template.valid) return null;
      templates.set(key, template);
    }
    var result = copy(template);
    result.normalized = code;
    result.parts.orgCode = code.slice(8, 16) + '-' + code[16];
    result.parts.checkChar = code[17];
    return result;
  }

  /** Validates a USCC (same result and errors as the raw export). */
  function validate(input, options) {
    if (!canonicalValid(input)) return raw.validate(input, options);
    if (options !== undefined) raw.validateMany([], options);
    var result = fromTemplate(input);
    return result === null ? raw.validate(input, options) : result;
  }

  /** Validates many USCCs (same results and errors as the raw export). */
  function validateMany(inputs, options) {
    if (!Array.isArray(inputs) || inputs.length > MAX_ITEMS) return raw.validateMany(inputs, options);
    var results = new Array(inputs.length);
    var rest = [];
    var restAt = [];
    var total = 0;
    for (var k = 0; k < inputs.length; k++) {
      var s = inputs[k];
      if (typeof s !== 'string') return raw.validateMany(inputs, options); // its typed error
      total += s.length;
      if (total > MAX_TOTAL) return raw.validateMany(inputs, options); // its typed error
      if (canonicalValid(s)) results[k] = true;
      else {
        rest.push(s);
        restAt.push(k);
      }
    }
    if (options !== undefined) raw.validateMany([], options); // its typed error
    for (k = 0; k < inputs.length; k++) {
      if (results[k] !== true) continue;
      results[k] = fromTemplate(inputs[k]);
      if (results[k] === null) {
        rest.push(inputs[k]);
        restAt.push(k);
      }
    }
    if (rest.length) {
      var others = raw.validateMany(rest, options);
      for (var j = 0; j < others.length; j++) results[restAt[j]] = others[j];
    }
    return results;
  }

  return { isValid: isValid, isValidMany: isValidMany, validate: validate, validateMany: validateMany };
}

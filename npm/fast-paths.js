// Fast paths for isValid and isValidMany, shared by the package's browser,
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

  /** Whether a USCC is valid (same answer and errors as the raw export). */
  function isValid(input) {
    if (typeof input !== 'string' || input.length >= SLOT) return raw.isValid(input);
    // The view goes stale (length 0) when the module's memory grows.
    if (oneView.byteLength === 0) oneView = new Uint8Array(memory.buffer, one, SLOT - 1);
    var n = input.length;
    for (var i = 0; i < n; i++) {
      var c = input.charCodeAt(i);
      if (c > 127) return raw.isValid(input);
      oneView[i] = c;
    }
    return raw.__fastIsValid(n);
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

  return { isValid: isValid, isValidMany: isValidMany };
}

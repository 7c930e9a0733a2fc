//! The WebAssembly boundary: converts JS arguments, calls the core, converts
//! results to plain JS objects (camelCase fields). Nothing else lives here.
//!
//! Every error is thrown as a [`XinyongError`]: a subclass of JS `Error` with
//! a `kind` property (`"type"` for an argument of the wrong type,
//! `"too_long"` for a string or array past the limits below, `"options"` for
//! bad options, or an [`crate::ErrorKind`] name such as `"length"`), and
//! `messages` in three languages where the core provides them. No input makes
//! the module trap: arguments are checked here before the core sees them, and
//! the core does not panic (see the panic policy in the crate docs).
//!
//! The browser's status module (`XINYONG_WASM_MODULE=status` at build time,
//! `cfg(status_module)`) has only the status, repair, working-day and
//! division exports: the identifier exports marked `cfg(not(status_module))`
//! come from the identifier module. The records page's module
//! (`XINYONG_WASM_MODULE=records`, `cfg(records_module)`) leaves them out too.
//! The status card's module (`XINYONG_WASM_MODULE=card`, `cfg(card_module)`,
//! which also sets `status_module`) has only what `<xinyong-credit-status>`
//! calls: `resolveStatus`, `rulesInfo` and `addHolidayYears` (the exports
//! marked `cfg(not(card_module))` are the status module's alone).

use crate::json::ToJson;
use crate::normalize::normalize as core_normalize;
use crate::uscc::UsccParts;
use crate::{orgcode, regno, suggest, uscc, IdError, ValidateOptions, Validation};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("types.d.ts");

#[wasm_bindgen(typescript_custom_section)]
const ERROR_TYPES: &str = r#"
/**
 * The class of every error the module throws: a subclass of `Error` with a
 * `kind` ("type", "too_long", "options", an error kind such as "length", or a
 * repair/working-day error kind), `messages` in three languages where there
 * are any, and `field` (and `year`) where they apply. Not constructible;
 * use it with `instanceof`.
 */
export class XinyongError extends Error {
  private constructor();
  readonly name: "XinyongError";
  readonly kind: string;
  readonly messages?: Text;
  readonly field?: string;
  readonly year?: number;
}
"#;

/// The class of the errors this module throws, exported to JS as
/// `XinyongError` so that `e instanceof XinyongError` works; every instance
/// is also an `Error` (with `message`, `stack` and `name === "XinyongError"`)
/// and has a `kind`. JS code cannot construct one; Rust code never needs to.
///
/// ```js
/// import { validate, XinyongError } from 'xinyong';
/// try {
///   validate(42);
/// } catch (e) {
///   e instanceof XinyongError; // true
///   e instanceof Error;        // true
///   e.kind;                    // "type"
/// }
/// ```
#[wasm_bindgen(skip_typescript)]
pub struct XinyongError {
    _private: (),
}

thread_local! {
    /// `XinyongError.prototype`, made to inherit from `Error.prototype` and
    /// stripped of the wasm-bindgen methods that would free a Rust value
    /// (an error object owns none); `None` until [`start`] or the first
    /// error sets it up (a test harness may not run `start`). A const cell,
    /// not a lazily initialized thread-local, whose initialization carries a
    /// panic path (and its message) that a single-threaded module never needs.
    static ERROR_PROTOTYPE: std::cell::Cell<Option<Option<js_sys::Object>>> = const { std::cell::Cell::new(None) };
}

/// Runs when the module is instantiated: sets up `XinyongError.prototype`
/// before any code can look at it.
#[wasm_bindgen(start)]
fn start() {
    // `try_with`: `with` would carry a panic path (and its message) for an
    // access during thread-local destruction, which a single-threaded
    // module never has.
    let _ = ERROR_PROTOTYPE.try_with(|cell| {
        let prototype = cell.take().unwrap_or_else(error_prototype);
        cell.set(Some(prototype));
    });
}

fn error_prototype() -> Option<js_sys::Object> {
    let marker = JsValue::from(XinyongError { _private: () });
    let prototype = js_sys::Object::get_prototype_of(&marker);
    let error_prototype = js_sys::Object::get_prototype_of(&js_sys::Error::new("").into());
    js_sys::Reflect::set_prototype_of(&prototype, &error_prototype).ok()?;
    for key in ["free", "__destroy_into_raw"] {
        let _ = js_sys::Reflect::delete_property(&prototype, &key.into());
    }
    // `Symbol.dispose` (where the engine has it) also frees.
    // `Symbol.dispose` (undefined in engines without it), read by a getter:
    // not a `thread_local_v2` static, whose lazy cell carries a panic path,
    // nor `js_sys::global()`, whose global-object lookup costs the
    // identifier module about 1 KB.
    let dispose: JsValue = js_sys::Symbol::dispose().into();
    if !dispose.is_undefined() {
        let _ = js_sys::Reflect::delete_property(&prototype, &dispose);
    }
    js_sys::Reflect::set(&prototype, &"name".into(), &"XinyongError".into()).ok()?;
    Some(prototype)
}

/// A [`XinyongError`] with a `kind` (and `messages`, when given).
fn js_error(kind: &str, message: &str, messages: Option<&crate::Text>) -> JsValue {
    let error = js_sys::Error::new(message);
    let _ = ERROR_PROTOTYPE.try_with(|cell| {
        let prototype = cell.take().unwrap_or_else(error_prototype);
        if let Some(prototype) = &prototype {
            let _ = js_sys::Reflect::set_prototype_of(&error, prototype);
        }
        cell.set(Some(prototype));
    });
    let _ = js_sys::Reflect::set(&error, &"kind".into(), &kind.into());
    if let Some(m) = messages.and_then(|m| json_js(m).ok()) {
        let _ = js_sys::Reflect::set(&error, &"messages".into(), &m);
    }
    error.into()
}

/// The longest string any function accepts, in UTF-16 code units: an
/// identifier pasted with a whole page around it still gets a result; what
/// is longer is refused before it is copied into wasm memory, so no input can
/// exhaust it.
///
/// ```js
/// validate('9'.repeat(2 ** 24 + 1)); // throws XinyongError, kind "too_long"
/// isValid('9'.repeat(5_000_000));    // false
/// ```
pub const MAX_STRING_LENGTH: u32 = 1 << 24;

/// The most strings `validateMany`/`isValidMany` take in one call, and the
/// most UTF-16 code units all of them together.
///
/// ```js
/// isValidMany(Array(100_000).fill('91350100M000100Y43')); // fine
/// isValidMany(Array(5).fill('9'.repeat(2 ** 24)));         // throws XinyongError, kind "too_long"
/// ```
pub const MAX_BATCH: (u32, u32) = (10_000_000, 1 << 26);

fn too_long(name: &str, limit: u32, unit: &str) -> JsValue {
    let messages = crate::Text::new(
        format!("{name} 过长：最多 {limit} 个{unit}"),
        format!("{name} 過長：最多 {limit} 個{unit}"),
        format!(
            "{name} is too long: at most {limit} {}",
            if unit == "字符" { "characters" } else { "items" }
        ),
    );
    js_error("too_long", &messages.en.clone(), Some(&messages))
}

fn id_error(e: IdError) -> JsValue {
    js_error(e.kind.as_str(), &e.message.en, Some(&e.message))
}

/// A result as a plain JS object: the core's JSON text (see [`crate::json`])
/// through `JSON.parse`, which builds the object faster than setting fields
/// one by one across the boundary, and needs no serializer in the module.
pub(crate) fn json_js<T: ToJson + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    js_sys::JSON::parse(&crate::json::to_string(value))
}

/// A repair, status or working-day result as a plain JS object: like
/// [`json_js`], through the crate's own JSON writer (`src/json/reports.rs`),
/// so the status module carries no serializer.
#[cfg(any(feature = "repair", feature = "status", feature = "workdays"))]
pub(crate) fn to_js<T: ToJson + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    json_js(value)
}

fn string_arg(value: &JsValue, name: &str) -> Result<String, JsValue> {
    let Some(js) = value.dyn_ref::<js_sys::JsString>() else {
        return Err(js_error("type", &format!("{name} must be a string"), None));
    };
    if js.length() > MAX_STRING_LENGTH {
        return Err(too_long(name, MAX_STRING_LENGTH, "字符"));
    }
    // Lone surrogates become U+FFFD (the core reports them as characters).
    Ok(String::from(js))
}

fn strings_arg(value: &JsValue, name: &str) -> Result<Vec<String>, JsValue> {
    let not_strings = || js_error("type", &format!("{name} must be an array of strings"), None);
    let array = value.dyn_ref::<js_sys::Array>().ok_or_else(not_strings)?;
    let (max_items, max_total) = MAX_BATCH;
    if array.length() > max_items {
        return Err(too_long(name, max_items, "项"));
    }
    let mut total = 0u32;
    let mut out = Vec::with_capacity(array.length() as usize);
    for item in array.iter() {
        let js = item.dyn_ref::<js_sys::JsString>().ok_or_else(not_strings)?;
        total = total.saturating_add(js.length());
        if js.length() > MAX_STRING_LENGTH || total > max_total {
            return Err(too_long(name, max_total, "字符"));
        }
        out.push(String::from(js));
    }
    Ok(out)
}

/// The own enumerable properties of a plain object argument, with their
/// values; anything else (a string, an array, a throwing getter) is refused.
fn object_entries(
    value: &JsValue,
    refuse: &dyn Fn(&str) -> JsValue,
) -> Result<Vec<(String, JsValue)>, JsValue> {
    if !value.is_object() || js_sys::Array::is_array(value) {
        return Err(refuse("expected an object"));
    }
    let mut entries = Vec::new();
    for key in js_sys::Object::keys(value.unchecked_ref::<js_sys::Object>()).iter() {
        let name = key.as_string().unwrap_or_default();
        let item =
            js_sys::Reflect::get(value, &key).map_err(|_| refuse(&format!("`{name}` could not be read")))?;
        if !item.is_undefined() {
            entries.push((name, item));
        }
    }
    Ok(entries)
}

fn options_arg(value: Option<JsValue>) -> Result<ValidateOptions, JsValue> {
    let Some(value) = value.filter(|v| !v.is_undefined() && !v.is_null()) else {
        return Ok(ValidateOptions::default());
    };
    let invalid = |why: &str| js_error("options", &format!("invalid options: {why}"), None);
    let mut options = ValidateOptions::default();
    for (key, item) in object_entries(&value, &invalid)? {
        let flag = || item.as_bool().ok_or_else(|| invalid(&format!("`{key}` must be true or false")));
        match key.as_str() {
            "acceptPilotCodes" => options.accept_pilot_codes = flag()?,
            "suggestions" => options.suggestions = flag()?,
            "maxSuggestions" => {
                let n = item
                    .as_f64()
                    .filter(|n| n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(n))
                    .ok_or_else(|| invalid("`maxSuggestions` must be a whole number from 0 to 4294967295"))?;
                options.max_suggestions = n as usize;
            }
            unknown => {
                let known = ValidateOptions::FIELDS.join(", ");
                return Err(invalid(&format!("unknown option `{unknown}` (known: {known})")));
            }
        }
    }
    Ok(options)
}

fn validation(v: &Validation) -> Result<JsValue, JsValue> {
    json_js(v)
}

/// Validates a Unified Social Credit Code: `{ valid, normalized, parts, errors, diagnoses, suggestions, … }`.
#[cfg(not(any(status_module, records_module)))]
#[wasm_bindgen(unchecked_return_type = "Validation")]
pub fn validate(
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ValidateOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    validation(&uscc::validate_with(&string_arg(&input, "input")?, &options_arg(options)?))
}

/// Whether a USCC is valid under default options (no result object: fast).
/// Throws a `XinyongError` of kind `type` when `input` is not a string.
#[cfg(not(any(status_module, records_module)))]
#[wasm_bindgen(js_name = isValid)]
pub fn is_valid(#[wasm_bindgen(unchecked_param_type = "string")] input: JsValue) -> Result<bool, JsValue> {
    Ok(uscc::is_valid(&string_arg(&input, "input")?))
}

/// Validates many USCCs in one call (for batch use): one result per input.
#[cfg(not(any(status_module, records_module)))]
#[wasm_bindgen(js_name = validateMany, unchecked_return_type = "Validation[]")]
pub fn validate_many(
    #[wasm_bindgen(unchecked_param_type = "string[]")] inputs: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ValidateOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let inputs = strings_arg(&inputs, "inputs")?;
    let options = options_arg(options)?;
    let results: Vec<Validation> = inputs.iter().map(|i| uscc::validate_with(i, &options)).collect();
    json_js(&results)
}

/// For many USCCs, whether each is valid: one byte per input (1 valid, 0 not).
#[cfg(not(any(status_module, records_module)))]
#[wasm_bindgen(js_name = isValidMany)]
pub fn is_valid_many(
    #[wasm_bindgen(unchecked_param_type = "string[]")] inputs: JsValue,
) -> Result<Vec<u8>, JsValue> {
    let inputs = strings_arg(&inputs, "inputs")?;
    Ok(inputs.iter().map(|i| u8::from(uscc::is_valid(i))).collect())
}

/// For files and streams: whether each line of UTF-8 text (`\n` or `\r\n`
/// line ends; a last line without one counts) is a valid USCC, one byte per
/// line (1 valid, 0 not). The bytes are copied into the module in one go, so
/// this is the fastest way to check many codes, e.g. a file read in Node.
///
/// ```js
/// isValidLines(new TextEncoder().encode('91350100M000100Y43\nnope\n')); // Uint8Array [1, 0]
/// isValidLines(fs.readFileSync('codes.txt'));
/// ```
#[cfg(not(any(status_module, records_module)))]
#[wasm_bindgen(js_name = isValidLines)]
pub fn is_valid_lines(text: &[u8]) -> Vec<u8> {
    crate::uscc::is_valid_lines(text)
}

thread_local! {
    /// Where the package's JS fast paths (npm/fast-paths.js) write one code:
    /// allocated once, so its address never changes.
    static SCRATCH_ONE: RefCell<Vec<u8>> = RefCell::new(vec![0; FAST_MAX_LENGTH]);
    /// Where they write a batch: 32-byte slots (length byte, then the code),
    /// followed by one result byte per slot.
    static SCRATCH_MANY: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// The longest code the JS fast paths copy themselves (longer ones take the
/// general path): one slot is a length byte and 31 bytes.
const FAST_MAX_LENGTH: usize = 31;

/// Internal, for the package's JS fast paths: the module's memory.
#[doc(hidden)]
#[cfg(not(any(status_module, records_module)))]
#[wasm_bindgen(js_name = __fastMemory, skip_typescript)]
pub fn fast_memory() -> JsValue {
    wasm_bindgen::memory()
}

/// Internal: the address of the one-code scratch area (stable).
#[doc(hidden)]
#[cfg(not(any(status_module, records_module)))]
#[wasm_bindgen(js_name = __fastOne, skip_typescript)]
pub fn fast_one() -> usize {
    SCRATCH_ONE.with(|s| s.borrow_mut().as_mut_ptr() as usize)
}

/// Internal: `isValid` of the `len` ASCII bytes the JS wrapper wrote into the
/// one-code scratch area.
#[doc(hidden)]
#[cfg(not(any(status_module, records_module)))]
#[wasm_bindgen(js_name = __fastIsValid, skip_typescript)]
pub fn fast_is_valid(len: usize) -> bool {
    SCRATCH_ONE.with(|s| {
        let s = s.borrow();
        s.get(..len).is_some_and(uscc::is_valid_bytes)
    })
}

/// Internal: makes room for `slots` batch slots and their results; returns
/// the address (valid until the next call).
#[doc(hidden)]
#[cfg(not(any(status_module, records_module)))]
#[wasm_bindgen(js_name = __fastMany, skip_typescript)]
pub fn fast_many(slots: usize) -> usize {
    SCRATCH_MANY.with(|s| {
        let mut s = s.borrow_mut();
        let len = slots.saturating_mul(FAST_MAX_LENGTH + 2);
        s.clear();
        s.resize(len, 0);
        s.as_mut_ptr() as usize
    })
}

/// Internal: checks the `slots` codes the JS wrapper wrote (a length byte
/// above 31 marks a slot it handles itself) and writes the result bytes.
#[doc(hidden)]
#[cfg(not(any(status_module, records_module)))]
#[wasm_bindgen(js_name = __fastIsValidMany, skip_typescript)]
pub fn fast_is_valid_many(slots: usize) {
    SCRATCH_MANY.with(|s| {
        let mut s = s.borrow_mut();
        let split = slots.saturating_mul(FAST_MAX_LENGTH + 1).min(s.len());
        let (codes, results) = s.split_at_mut(split);
        for (slot, result) in codes.chunks_exact(FAST_MAX_LENGTH + 1).zip(results.iter_mut()) {
            let [len, code @ ..] = slot else { continue };
            *result = code.get(..usize::from(*len)).is_some_and(uscc::is_valid_bytes).into();
        }
    })
}

/// Ranked corrections for a mistyped USCC (empty when it is valid).
#[cfg(not(any(status_module, records_module)))]
#[wasm_bindgen(unchecked_return_type = "Suggestion[]")]
pub fn suggest(#[wasm_bindgen(unchecked_param_type = "string")] input: JsValue) -> Result<JsValue, JsValue> {
    json_js(&suggest::suggest_uscc(&string_arg(&input, "input")?))
}

/// The normalized form of an input and what normalization changed.
#[cfg(not(any(status_module, records_module)))]
#[wasm_bindgen(unchecked_return_type = "Normalized")]
pub fn normalize(
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
) -> Result<JsValue, JsValue> {
    json_js(&core_normalize(&string_arg(&input, "input")?))
}

/// The USCC check character for the first 17 characters.
#[cfg(not(any(status_module, records_module)))]
#[wasm_bindgen(js_name = usccCheckChar)]
pub fn uscc_check_char(
    #[wasm_bindgen(unchecked_param_type = "string")] first17: JsValue,
) -> Result<String, JsValue> {
    uscc::check_char(&string_arg(&first17, "first17")?).map(String::from).map_err(id_error)
}

/// Builds a valid USCC from `{ authority, entityType, division, orgBody }`.
#[cfg(not(any(status_module, records_module)))]
#[wasm_bindgen]
pub fn generate(
    #[wasm_bindgen(unchecked_param_type = "UsccParts")] parts: JsValue,
) -> Result<String, JsValue> {
    let invalid = |why: &str| js_error("type", &format!("invalid parts: {why}"), None);
    let mut fields: [Option<String>; 4] = Default::default();
    const NAMES: [&str; 4] = ["authority", "entityType", "division", "orgBody"];
    for (key, item) in object_entries(&parts, &invalid)? {
        let slot = NAMES.iter().zip(fields.iter_mut()).find(|(name, _)| **name == key).map(|(_, slot)| slot);
        let Some(slot) = slot else {
            return Err(invalid(&format!("unknown field `{key}` (known: {})", NAMES.join(", "))));
        };
        *slot = Some(item.as_string().ok_or_else(|| invalid(&format!("`{key}` must be a string")))?);
    }
    let [Some(authority), Some(entity_type), Some(division), Some(org_body)] = fields else {
        return Err(invalid("authority, entityType, division and orgBody are required"));
    };
    let parts = UsccParts { authority, entity_type, division, org_body };
    uscc::generate(&parts).map_err(id_error)
}

/// Validates a 9-character organization code (GB 11714).
#[cfg(not(any(status_module, records_module)))]
#[wasm_bindgen(js_name = validateOrgCode, unchecked_return_type = "Validation")]
pub fn validate_org_code(
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ValidateOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    validation(&orgcode::validate_with(&string_arg(&input, "input")?, &options_arg(options)?))
}

/// Whether an organization code is valid.
#[cfg(not(any(status_module, records_module)))]
#[wasm_bindgen(js_name = isValidOrgCode)]
pub fn is_valid_org_code(
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
) -> Result<bool, JsValue> {
    Ok(orgcode::is_valid(&string_arg(&input, "input")?))
}

/// The organization-code check character for 8 body characters.
#[cfg(not(any(status_module, records_module)))]
#[wasm_bindgen(js_name = orgCodeCheckChar)]
pub fn org_code_check_char(
    #[wasm_bindgen(unchecked_param_type = "string")] body: JsValue,
) -> Result<String, JsValue> {
    orgcode::check_char(&string_arg(&body, "body")?).map(String::from).map_err(id_error)
}

/// Validates a 15-digit business registration number (GS15).
#[cfg(not(any(status_module, records_module)))]
#[wasm_bindgen(js_name = validateRegistrationNumber, unchecked_return_type = "Validation")]
pub fn validate_registration_number(
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ValidateOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    validation(&regno::validate_with(&string_arg(&input, "input")?, &options_arg(options)?))
}

/// Whether a 15-digit registration number is valid.
#[cfg(not(any(status_module, records_module)))]
#[wasm_bindgen(js_name = isValidRegistrationNumber)]
pub fn is_valid_registration_number(
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
) -> Result<bool, JsValue> {
    Ok(regno::is_valid(&string_arg(&input, "input")?))
}

/// The registration-number check digit for the first 14 digits.
#[cfg(not(any(status_module, records_module)))]
#[wasm_bindgen(js_name = registrationNumberCheckDigit)]
pub fn registration_number_check_digit(
    #[wasm_bindgen(unchecked_param_type = "string")] first14: JsValue,
) -> Result<String, JsValue> {
    regno::check_digit(&string_arg(&first14, "first14")?).map(String::from).map_err(id_error)
}

/// Validates an 18-character resident identity number (GB 11643); a legacy
/// 15-digit number gets a `legacy_resident_id` diagnosis with its upgrade.
/// The result holds the full number: mask it before display or logging.
#[cfg(all(feature = "resident-id", not(any(status_module, records_module))))]
#[wasm_bindgen(js_name = validateResidentId, unchecked_return_type = "Validation")]
pub fn validate_resident_id(
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ValidateOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    validation(&crate::resident_id::validate_with(&string_arg(&input, "input")?, &options_arg(options)?))
}

/// Whether a resident identity number is valid (18 characters).
#[cfg(all(feature = "resident-id", not(any(status_module, records_module))))]
#[wasm_bindgen(js_name = isValidResidentId)]
pub fn is_valid_resident_id(
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
) -> Result<bool, JsValue> {
    Ok(crate::resident_id::is_valid(&string_arg(&input, "input")?))
}

/// The resident-identity check character for the first 17 digits.
#[cfg(all(feature = "resident-id", not(any(status_module, records_module))))]
#[wasm_bindgen(js_name = residentIdCheckChar)]
pub fn resident_id_check_char(
    #[wasm_bindgen(unchecked_param_type = "string")] first17: JsValue,
) -> Result<String, JsValue> {
    crate::resident_id::check_char(&string_arg(&first17, "first17")?).map(String::from).map_err(id_error)
}

/// A resident identity number masked with `*` for display or logging: the
/// first `keepStart` (default 6) and last `keepEnd` (default 4) characters kept
/// (omitted, `undefined` or `null`: the default; otherwise a whole number).
#[cfg(all(feature = "resident-id", not(any(status_module, records_module))))]
#[wasm_bindgen(js_name = maskResidentId)]
pub fn mask_resident_id(
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
    #[wasm_bindgen(js_name = keepStart, unchecked_optional_param_type = "number")] keep_start: Option<
        JsValue,
    >,
    #[wasm_bindgen(js_name = keepEnd, unchecked_optional_param_type = "number")] keep_end: Option<JsValue>,
) -> Result<String, JsValue> {
    let keep = |n: Option<JsValue>, name: &str, default: usize| match n.filter(|v| !v.is_undefined()) {
        None => Ok(default),
        Some(v) => v
            .as_f64()
            .filter(|n| n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(n))
            .map(|n| n as usize)
            .ok_or_else(|| {
                js_error("type", &format!("{name} must be a whole number from 0 to 4294967295"), None)
            }),
    };
    let input = string_arg(&input, "input")?;
    Ok(crate::resident_id::mask(&input, keep(keep_start, "keepStart", 6)?, keep(keep_end, "keepEnd", 4)?))
}

/// A JSON string as is, or an object converted with `JSON.stringify`.
#[cfg(any(feature = "repair", feature = "status", feature = "workdays"))]
fn json_text(input: &JsValue, name: &str) -> Result<String, JsValue> {
    match input.as_string() {
        Some(_) => string_arg(input, name),
        None if input.is_object() => js_sys::JSON::stringify(input)
            .ok()
            .and_then(|s| s.as_string())
            .ok_or_else(|| js_error("type", &format!("{name} could not be converted to JSON"), None)),
        None => Err(js_error("type", &format!("{name} must be a JSON string or an object"), None)),
    }
}

/// Credit-repair eligibility for one case (a JSON string or an object with
/// `asOf`, `ruleSet`, `record`, …): when the entity may apply, when
/// publication ends, what is unmet, with citations. Bad input throws an
/// `Error` whose `kind` and `field` name the problem.
#[cfg(all(feature = "repair", not(card_module)))]
#[wasm_bindgen(js_name = repairEligibility, unchecked_return_type = "RepairAnswer")]
pub fn repair_eligibility(
    #[wasm_bindgen(unchecked_param_type = "object | string")] input: JsValue,
) -> Result<JsValue, JsValue> {
    use crate::repair;
    let text = json_text(&input, "input")?;
    match repair::parse_case_json(&text).and_then(|case| repair::repair_eligibility(&case)) {
        Ok(answer) => to_js(&answer),
        Err(e) => {
            let error = js_error(e.kind.as_str(), &e.message.en, Some(&e.message));
            let _ = js_sys::Reflect::set(&error, &"field".into(), &e.field.as_str().into());
            Err(error)
        }
    }
}

/// Which rules answer: every built-in rule set (id, track, effective dates,
/// confidence, last review) and the working-day calendar's years, including
/// those added with `addHolidayYears`.
#[cfg(feature = "repair")]
#[wasm_bindgen(js_name = rulesInfo, unchecked_return_type = "RulesInfo")]
pub fn rules_info() -> Result<JsValue, JsValue> {
    let info = crate::repair::rules_info()
        .map_err(|e| js_error(e.kind.as_str(), &e.message.en, Some(&e.message)))?;
    to_js(&info)
}

/// What the GB/T 2260 table says about a 6-digit division code: status
/// (`current`, `abolished`, `renamed`, `grouping`, `special`, `unknown`),
/// names from province to county in zh-Hans and zh-Hant, and history.
/// (Not in the browser's status module: the identifier module has it.)
#[cfg(not(status_module))]
#[wasm_bindgen(unchecked_return_type = "Division")]
pub fn division(#[wasm_bindgen(unchecked_param_type = "string")] code: JsValue) -> Result<JsValue, JsValue> {
    json_js(&crate::divisions::division(&string_arg(&code, "code")?))
}

/// Installs the GB/T 2260 division table at run time, for a module built
/// without it (the browser's identifier module): `bytes` is `divisions.bin`
/// (the whole table) or `divisions/NN.bin` (the blob of province prefix `NN`)
/// (a `Uint8Array` or an `ArrayBuffer`) as the package ships it. Afterwards
/// `division`, `validate` & co. give region names, division warnings and
/// suggestion ranking exactly as a module with the table compiled in, for
/// every code (whole table) or for the codes of the installed provinces. A
/// second install of the same blob, or one into a module that has the whole
/// table, changes nothing.
/// A blob that is not a table of this format (wrong magic bytes or version,
/// truncated, inconsistent) throws a `XinyongError` of kind `"divisions"`.
///
/// ```js
/// const bytes = new Uint8Array(await (await fetch(new URL('divisions.bin', import.meta.url))).arrayBuffer());
/// installDivisions(bytes);
/// validate('91350100M000100Y43').parts.division.fullName['zh-Hans']; // "福建省福州市"
/// ```
#[cfg(feature = "divisions-runtime")]
#[wasm_bindgen(js_name = installDivisions)]
pub fn install_divisions(
    #[wasm_bindgen(unchecked_param_type = "Uint8Array | ArrayBuffer")] bytes: JsValue,
) -> Result<(), JsValue> {
    let bytes = if let Some(array) = bytes.dyn_ref::<js_sys::Uint8Array>() {
        array.to_vec()
    } else if let Some(buffer) = bytes.dyn_ref::<js_sys::ArrayBuffer>() {
        js_sys::Uint8Array::new(buffer).to_vec()
    } else {
        return Err(js_error("type", "bytes must be a Uint8Array or an ArrayBuffer", None));
    };
    crate::divisions::install(bytes).map_err(|e| {
        let messages = e.message();
        js_error("divisions", &messages.en, Some(&messages))
    })
}

/// Whether lookups answer as with the whole division table: for every code
/// (`code` empty: the whole table is there), or for `code`, a division code or
/// anything starting with its 2-digit province prefix (the whole table or
/// that province's blob is installed, or no province has that prefix).
/// Internal: the package's loader asks it before fetching a blob.
///
/// ```js
/// divisionsInstalled('350203'); // false until divisions/35.bin (or divisions.bin) is installed
/// ```
#[cfg(feature = "divisions-runtime")]
#[wasm_bindgen(js_name = divisionsInstalled)]
pub fn divisions_installed(code: &str) -> bool {
    if code.is_empty() {
        crate::divisions::table_available()
    } else {
        crate::divisions::table_available_for(code)
    }
}

#[cfg(feature = "workdays")]
fn workday_error(e: crate::workdays::WorkdayError) -> JsValue {
    let error = js_error(e.kind.as_str(), &e.message.en, Some(&e.message));
    if let Some(field) = &e.field {
        let _ = js_sys::Reflect::set(&error, &"field".into(), &field.as_str().into());
    }
    if let Some(year) = e.year {
        let _ = js_sys::Reflect::set(&error, &"year".into(), &year.into());
    }
    error
}

#[cfg(feature = "workdays")]
fn date_arg(value: &JsValue, field: &str) -> Result<chrono::NaiveDate, JsValue> {
    crate::workdays::parse_date(&string_arg(value, field)?, field).map_err(workday_error)
}

/// Whether a date (`YYYY-MM-DD`) is a working day under the State Council
/// holiday notices (make-up weekend days included). Throws `year_not_covered`
/// for a year the calendar does not have.
#[cfg(all(feature = "workdays", not(card_module)))]
#[wasm_bindgen(js_name = isWorkingDay)]
pub fn is_working_day(
    #[wasm_bindgen(unchecked_param_type = "string")] date: JsValue,
) -> Result<bool, JsValue> {
    crate::workdays::is_working_day(date_arg(&date, "date")?).map_err(workday_error)
}

/// The date `n` working days after `date` (the start day does not count).
#[cfg(all(feature = "workdays", not(card_module)))]
#[wasm_bindgen(js_name = addWorkingDays)]
pub fn add_working_days(
    #[wasm_bindgen(unchecked_param_type = "string")] date: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] n: JsValue,
) -> Result<String, JsValue> {
    let date = date_arg(&date, "date")?;
    let n = n
        .as_f64()
        .filter(|n| n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(n))
        .ok_or_else(|| js_error("type", "n must be a whole number from 0 to 4294967295", None))?;
    let due = crate::workdays::add_working_days(date, n as u32).map_err(workday_error)?;
    Ok(crate::workdays::format_iso_date(due))
}

/// Working days after `a` up to and including `b` (negative when `b` is earlier).
#[cfg(all(feature = "workdays", not(card_module)))]
#[wasm_bindgen(js_name = workingDaysBetween)]
pub fn working_days_between(
    #[wasm_bindgen(unchecked_param_type = "string")] a: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] b: JsValue,
) -> Result<f64, JsValue> {
    let days = crate::workdays::working_days_between(date_arg(&a, "a")?, date_arg(&b, "b")?)
        .map_err(workday_error)?;
    Ok(days as f64)
}

/// The publication deadline of a decision under a rule
/// (`double-publicity-7wd` or `samr-20wd`): `{ decidedOn, due, rule, workingDays, citation, … }`.
#[cfg(all(feature = "workdays", not(card_module)))]
#[wasm_bindgen(js_name = publicationDeadline, unchecked_return_type = "Deadline")]
pub fn publication_deadline(
    #[wasm_bindgen(js_name = decidedOn, unchecked_param_type = "string")] decided_on: JsValue,
    #[wasm_bindgen(unchecked_param_type = "DeadlineRule")] rule: JsValue,
) -> Result<JsValue, JsValue> {
    use crate::workdays::DeadlineRule;
    let rule = string_arg(&rule, "rule")?;
    let rule = DeadlineRule::from_id(&rule).ok_or_else(|| {
        js_error(
            "unknown_rule",
            &format!("unknown rule '{rule}': use double-publicity-7wd or samr-20wd"),
            None,
        )
    })?;
    let deadline = crate::workdays::publication_deadline(date_arg(&decided_on, "decidedOn")?, rule)
        .map_err(workday_error)?;
    to_js(&deadline)
}

#[cfg(feature = "workdays")]
#[wasm_bindgen(typescript_custom_section)]
const HOLIDAY_YEARS_TYPES: &str = r#"
/** What `addHolidayYears` did: the years it added, and every year the calendar now covers. */
export interface HolidayYearsAdded { added: number[]; years: number[] }
"#;

/// Adds a State Council holiday notice's years (a JSON string or an object:
/// `{"2027": {"holidays": [...], "workdays": [...]}}`) to the calendar that every
/// deadline, the status card and repair answers use; returns `{ added, years }`.
/// Bad input throws a `XinyongError` naming the `field`; nothing is then added.
#[cfg(feature = "workdays")]
#[wasm_bindgen(js_name = addHolidayYears, unchecked_return_type = "HolidayYearsAdded")]
pub fn add_holiday_years(
    #[wasm_bindgen(unchecked_param_type = "object | string")] json: JsValue,
) -> Result<JsValue, JsValue> {
    let added = crate::workdays::add_holiday_years(&json_text(&json, "json")?).map_err(workday_error)?;
    let years = crate::workdays::covered_years();
    let mut w = crate::json::JsonWriter::default();
    w.begin_object();
    w.field("added", &added);
    w.field("years", &years);
    w.end_object();
    js_sys::JSON::parse(&w.finish())
}

/// The red/black-list status of an entity record (an object or JSON string)
/// on `asOf` (`YYYY-MM-DD`, a civil date in Asia/Shanghai): each entry's
/// state, measures in force, and the verdict with the rule behind it. Bad
/// input throws an `Error` whose `kind` and `field` name the problem.
#[cfg(feature = "status")]
#[wasm_bindgen(js_name = resolveStatus, unchecked_return_type = "StatusReport")]
pub fn resolve_status(
    #[wasm_bindgen(unchecked_param_type = "object | string")] entity: JsValue,
    #[wasm_bindgen(js_name = asOf)] as_of: &str,
) -> Result<JsValue, JsValue> {
    use crate::status;
    let text = json_text(&entity, "entity")?;
    let report = status::parse_entity_json(&text)
        .and_then(|e| Ok(status::resolve_status(&e, status::parse_date(as_of, "asOf")?)))
        .map_err(|e| {
            let error = js_error(e.kind.as_str(), &e.message.en, Some(&e.message));
            let _ = js_sys::Reflect::set(&error, &"field".into(), &e.field.as_str().into());
            error
        })?;
    to_js(&report)
}

#[cfg(feature = "records")]
#[wasm_bindgen(typescript_custom_section)]
const RECORD_OPTIONS: &str = r#"
/** Options of `validateRecord` / `validateRecords`. `asOf` is required: the library reads no clock. */
export interface RecordOptions {
  /** The day of the check, `YYYY-MM-DD`. */
  asOf: string;
  /** Penalty or licence; default: inferred from the field codes (CF_ / XK_) or names. */
  kind?: "penalty" | "licence";
  /** A portal's schema (object or JSON text); see docs/records.md. */
  schema?: object | string;
  /** ID-number masking; default first 6 and last 4 kept. */
  mask?: { keepFirst?: number; keepLast?: number };
  /** Show ID numbers in full (default false). */
  revealIds?: boolean;
}
"#;

/// A `RecordsError` as a thrown `XinyongError` (`kind`, `messages`, `field`).
#[cfg(feature = "records")]
fn records_error(e: crate::records::RecordsError) -> JsValue {
    let error = js_error(e.kind.as_str(), &e.message.en, Some(&e.message));
    if let Some(field) = &e.field {
        let _ = js_sys::Reflect::set(&error, &"field".into(), &field.as_str().into());
    }
    error
}

/// A serde result as a plain JS object (the Node build has serde_json).
#[cfg(feature = "records")]
fn serde_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(value).map_err(|e| js_error("type", &e.to_string(), None))?;
    js_sys::JSON::parse(&text)
}

/// The options of `validateRecord(s)`: `{ asOf, kind?, schema?, mask?, revealIds? }`.
#[cfg(feature = "records")]
fn records_options(options: Option<JsValue>) -> Result<crate::records::Options, JsValue> {
    let Some(options) = options.filter(|v| !v.is_undefined() && !v.is_null()) else {
        return Err(js_error(
            "options",
            "options.asOf is required (YYYY-MM-DD): the library reads no clock",
            None,
        ));
    };
    if !options.is_object() || js_sys::Array::is_array(&options) {
        return Err(js_error("type", "options must be an object", None));
    }
    crate::records::parse_options_json(&json_text(&options, "options")?).map_err(records_error)
}

/// A record object's fields as `(key, value)` pairs: strings as they are,
/// numbers in JS's own decimal form, `null`/`undefined` as empty.
#[cfg(feature = "records")]
fn record_arg(value: &JsValue, name: &str) -> Result<Vec<(String, String)>, JsValue> {
    let refuse = |why: &str| js_error("type", &format!("{name}: {why}"), None);
    let mut out = Vec::new();
    for (key, item) in object_entries(value, &refuse)? {
        let text = if item.is_null() {
            String::new()
        } else if let Some(n) = item.as_f64() {
            if !n.is_finite() {
                return Err(refuse(&format!("`{key}` is not a finite number")));
            }
            js_sys::JSON::stringify(&item).ok().and_then(|s| s.as_string()).unwrap_or_default()
        } else if item.is_string() {
            string_arg(&item, &key)?
        } else {
            return Err(refuse(&format!("`{key}` must be a string or a number")));
        };
        out.push((key, text));
    }
    Ok(out)
}

/// Checks one 双公示 record (`{ CF_XDR_MC: "…", … }` or Chinese column
/// names) on `options.asOf`: `{ fields, valid, findings, publication }` with
/// ID numbers masked unless `revealIds`. Throws a `XinyongError` for bad
/// options or a schema that does not validate.
#[cfg(feature = "records")]
#[wasm_bindgen(js_name = validateRecord, unchecked_return_type = "RecordReport")]
pub fn validate_record(
    #[wasm_bindgen(unchecked_param_type = "Record<string, string | number>")] record: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "RecordOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let options = records_options(options)?;
    let fields = record_arg(&record, "record")?;
    serde_js(&crate::records::validate_record(&fields, &options).map_err(records_error)?)
}

/// Checks several records as one file (duplicate 决定书文号 across them):
/// `{ records: [{ row, fields, valid, findings, publication }], summary }`.
#[cfg(feature = "records")]
#[wasm_bindgen(js_name = validateRecords, unchecked_return_type = "RecordsReport")]
pub fn validate_records(
    #[wasm_bindgen(unchecked_param_type = "Record<string, string | number>[]")] rows: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "RecordOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let options = records_options(options)?;
    let array = rows
        .dyn_ref::<js_sys::Array>()
        .ok_or_else(|| js_error("type", "rows must be an array of objects", None))?;
    if array.length() > MAX_BATCH.0 {
        return Err(too_long("rows", MAX_BATCH.0, "项"));
    }
    let rows = array
        .iter()
        .enumerate()
        .map(|(i, row)| record_arg(&row, &format!("rows[{i}]")))
        .collect::<Result<Vec<_>, _>>()?;
    serde_js(&crate::records::validate_records(&rows, &options).map_err(records_error)?)
}

/// `validateRecordsFile` and `RecordsStream`: 双公示 records in CSV/TSV/XLSX files.
#[cfg(feature = "records")]
mod records_file;

#[cfg(all(feature = "table", not(status_module)))]
#[wasm_bindgen(typescript_custom_section)]
const TABLE_TYPES: &str = r#"
/** A table read by `readTable`: every cell a string. */
export interface TableResult {
  /** "csv", "tsv" or "xlsx". */
  format: "csv" | "tsv" | "xlsx";
  /** "ascii", "utf8", "gbk", "utf16le", "utf16be"; "xlsx" for a workbook. */
  encoding: string;
  /** The input began with a byte-order mark. */
  bom: boolean;
  /** The sheet read (a workbook), else null. */
  sheet: string | null;
  /** The first row ([] when the table is empty). */
  header: string[];
  /** The other rows (empty rows skipped). */
  rows: string[][];
  /** The 1-based sheet row (CSV: line) of the header and of each row. */
  rowNumbers: number[];
  /** The cells that held a formula (their value is the cached result): 1-based row number and column. */
  formulas: { row: number; column: number }[];
}
/** Options of `readTable`. */
export interface ReadTableOptions {
  /** The file name: `.tsv`/`.csv` decide the format when the content does not. */
  name?: string;
  /** The sheet of a workbook, by name (default: the first visible sheet). */
  sheet?: string;
  /** "auto" (default), "utf8" or "gbk". A byte-order mark overrides it. */
  encoding?: "auto" | "utf8" | "gbk";
  /** The delimiter of a CSV, one ASCII character (default: tab when the first line has one, else comma). */
  delimiter?: string;
}
"#;

/// Reads a whole file given as bytes — CSV or TSV (UTF-8, GBK/GB18030,
/// UTF-16 with a BOM) or an .xlsx workbook (the first sheet) — with the
/// crate's table reader (`xinyong::table`) and its limits against hostile
/// files. An Excel 97-2003 `.xls`, another kind of zip, binary data, a zip
/// bomb or a cell past 32,767 characters throws a `XinyongError` whose kind
/// is the table error's (`xls_unsupported`, `not_a_table`, `xlsx_too_large`,
/// `xlsx_invalid`, `cell_too_large`, `encoding`, …) with `messages` in three
/// languages; a `row` property tells where, when it applies.
///
/// ```js
/// const t = readTable(readFileSync('处罚.xlsx'), { name: '处罚.xlsx' });
/// t.format;  // "xlsx"
/// t.header;  // ["CF_XDR_MC", "CF_XDR_SHXYM", …]
/// t.rows[0]; // ["福州市某某科技有限公司", "91350100M000100Y43", …]
/// ```
#[cfg(all(feature = "table", not(status_module)))]
#[wasm_bindgen(js_name = readTable, unchecked_return_type = "TableResult")]
pub fn read_table(
    #[wasm_bindgen(unchecked_param_type = "Uint8Array | ArrayBuffer")] bytes: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ReadTableOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    use crate::table;
    let length = if let Some(array) = bytes.dyn_ref::<js_sys::Uint8Array>() {
        array.length()
    } else if let Some(buffer) = bytes.dyn_ref::<js_sys::ArrayBuffer>() {
        buffer.byte_length()
    } else {
        return Err(js_error("type", "bytes must be a Uint8Array or an ArrayBuffer", None));
    };
    let mut o = table::OpenOptions::default();
    if u64::from(length) > o.limits.max_xlsx_bytes {
        return Err(table_js_error(&table::TableError::file_too_large(o.limits.max_xlsx_bytes)));
    }
    let invalid = |why: &str| js_error("options", &format!("invalid options: {why}"), None);
    if let Some(value) = options.filter(|v| !v.is_undefined() && !v.is_null()) {
        for (key, item) in object_entries(&value, &invalid)? {
            let text = || item.as_string().ok_or_else(|| invalid(&format!("`{key}` must be a string")));
            match key.as_str() {
                "name" => o.name = Some(text()?),
                "sheet" => o.sheet = Some(text()?),
                "encoding" => o.encoding = text()?.parse().map_err(|e: String| invalid(&e))?,
                "delimiter" => {
                    let d = text()?;
                    o.delimiter = match d.as_bytes() {
                        [b] if b.is_ascii() && !matches!(b, b'"' | b'\n' | b'\r') => Some(*b),
                        _ => return Err(invalid("`delimiter` must be one ASCII character")),
                    };
                }
                unknown => {
                    return Err(invalid(&format!(
                        "unknown option `{unknown}` (known: name, sheet, encoding, delimiter)"
                    )))
                }
            }
        }
    }
    let data = if let Some(array) = bytes.dyn_ref::<js_sys::Uint8Array>() {
        array.to_vec()
    } else {
        js_sys::Uint8Array::new(&bytes).to_vec()
    };
    let mut t = table::open_bytes_with(&data, &o).map_err(|e| table_js_error(&e))?;
    drop(data);
    let strings = |cells: &[String]| cells.iter().map(|c| JsValue::from_str(c)).collect::<js_sys::Array>();
    let rows = js_sys::Array::new();
    let numbers = js_sys::Array::new();
    let formulas = js_sys::Array::new();
    let formula = |row: u64, column: usize| {
        let f = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&f, &"row".into(), &(row as f64).into());
        let _ = js_sys::Reflect::set(&f, &"column".into(), &((column + 1) as f64).into());
        f
    };
    if t.header_row > 0 {
        numbers.push(&(t.header_row as f64).into());
        for &c in &t.header_formulas {
            formulas.push(&formula(t.header_row, c));
        }
    }
    for row in t.rows_with_info() {
        let row = row.map_err(|e| table_js_error(&e))?;
        numbers.push(&(row.number as f64).into());
        for &c in &row.formulas {
            formulas.push(&formula(row.number, c));
        }
        rows.push(&strings(&row.cells));
    }
    let out = js_sys::Object::new();
    let set = |k: &str, v: &JsValue| js_sys::Reflect::set(&out, &k.into(), v).map(|_| ());
    set("format", &t.format.as_str().into())?;
    set("encoding", &t.detected_encoding().into())?;
    set("bom", &t.bom.into())?;
    set("sheet", &t.sheet.as_deref().map_or(JsValue::NULL, JsValue::from_str))?;
    set("header", &strings(&t.header).into())?;
    set("rows", &rows.into())?;
    set("rowNumbers", &numbers.into())?;
    set("formulas", &formulas.into())?;
    Ok(out.into())
}

#[cfg(all(feature = "table", not(status_module)))]
fn table_js_error(e: &crate::table::TableError) -> JsValue {
    let error = js_error(e.kind.as_str(), &e.message.en, Some(&e.message));
    if let Some(row) = e.row {
        let _ = js_sys::Reflect::set(&error, &"row".into(), &(row as f64).into());
    }
    error
}

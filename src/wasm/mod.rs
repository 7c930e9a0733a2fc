//! The WebAssembly boundary: converts JS arguments, calls the core, converts
//! results to plain JS objects (camelCase fields). Nothing else lives here.
//!
//! Errors are thrown as JS `Error`s with a `kind` property (`"type"` for an
//! argument of the wrong type, `"options"` for bad options, or an
//! [`crate::ErrorKind`] name such as `"length"`), and `messages` in three
//! languages where the core provides them.

use crate::normalize::normalize as core_normalize;
use crate::uscc::UsccParts;
use crate::{orgcode, regno, suggest, uscc, IdError, ValidateOptions, Validation};
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("types.d.ts");

/// A JS `Error` with a `kind` (and `messages`, when given).
fn js_error(kind: &str, message: &str, messages: Option<&crate::Text>) -> JsValue {
    let error = js_sys::Error::new(message);
    let _ = js_sys::Reflect::set(&error, &"kind".into(), &kind.into());
    if let Some(m) = messages.and_then(|m| to_js(m).ok()) {
        let _ = js_sys::Reflect::set(&error, &"messages".into(), &m);
    }
    error.into()
}

fn id_error(e: IdError) -> JsValue {
    js_error(e.kind.as_str(), &e.message.en, Some(&e.message))
}

pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| js_error("internal", &e.to_string(), None))
}

fn string_arg(value: &JsValue, name: &str) -> Result<String, JsValue> {
    value.as_string().ok_or_else(|| js_error("type", &format!("{name} must be a string"), None))
}

fn options_arg(value: Option<JsValue>) -> Result<ValidateOptions, JsValue> {
    let Some(value) = value.filter(|v| !v.is_undefined() && !v.is_null()) else {
        return Ok(ValidateOptions::default());
    };
    let invalid = |e: &dyn std::fmt::Display| js_error("options", &format!("invalid options: {e}"), None);
    let keys: std::collections::BTreeMap<String, serde::de::IgnoredAny> =
        serde_wasm_bindgen::from_value(value.clone()).map_err(|e| invalid(&e))?;
    if let Some(unknown) = keys.keys().find(|k| !ValidateOptions::FIELDS.contains(&k.as_str())) {
        let known = ValidateOptions::FIELDS.join(", ");
        return Err(invalid(&format!("unknown option `{unknown}` (known: {known})")));
    }
    serde_wasm_bindgen::from_value(value).map_err(|e| invalid(&e))
}

fn validation(v: &Validation) -> Result<JsValue, JsValue> {
    to_js(v)
}

/// Validates a Unified Social Credit Code: `{ valid, normalized, parts, errors, diagnoses, suggestions, … }`.
#[wasm_bindgen(unchecked_return_type = "Validation")]
pub fn validate(
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ValidateOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    validation(&uscc::validate_with(&string_arg(&input, "input")?, &options_arg(options)?))
}

/// Whether a USCC is valid under default options (no result object: fast).
#[wasm_bindgen(js_name = isValid)]
pub fn is_valid(input: &str) -> bool {
    uscc::is_valid(input)
}

/// Validates many USCCs in one call (for batch use): one result per input.
#[wasm_bindgen(js_name = validateMany, unchecked_return_type = "Validation[]")]
pub fn validate_many(
    #[wasm_bindgen(unchecked_param_type = "string[]")] inputs: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ValidateOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let inputs: Vec<String> = serde_wasm_bindgen::from_value(inputs)
        .map_err(|_| js_error("type", "inputs must be an array of strings", None))?;
    let options = options_arg(options)?;
    let results: Vec<Validation> = inputs.iter().map(|i| uscc::validate_with(i, &options)).collect();
    to_js(&results)
}

/// For many USCCs, whether each is valid: one byte per input (1 valid, 0 not).
#[wasm_bindgen(js_name = isValidMany)]
pub fn is_valid_many(
    #[wasm_bindgen(unchecked_param_type = "string[]")] inputs: JsValue,
) -> Result<Vec<u8>, JsValue> {
    let inputs: Vec<String> = serde_wasm_bindgen::from_value(inputs)
        .map_err(|_| js_error("type", "inputs must be an array of strings", None))?;
    Ok(inputs.iter().map(|i| u8::from(uscc::is_valid(i))).collect())
}

/// Ranked corrections for a mistyped USCC (empty when it is valid).
#[wasm_bindgen(unchecked_return_type = "Suggestion[]")]
pub fn suggest(#[wasm_bindgen(unchecked_param_type = "string")] input: JsValue) -> Result<JsValue, JsValue> {
    to_js(&suggest::suggest_uscc(&string_arg(&input, "input")?))
}

/// The normalized form of an input and what normalization changed.
#[wasm_bindgen(unchecked_return_type = "Normalized")]
pub fn normalize(
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
) -> Result<JsValue, JsValue> {
    to_js(&core_normalize(&string_arg(&input, "input")?))
}

/// The USCC check character for the first 17 characters.
#[wasm_bindgen(js_name = usccCheckChar)]
pub fn uscc_check_char(first17: &str) -> Result<String, JsValue> {
    uscc::check_char(first17).map(String::from).map_err(id_error)
}

/// Builds a valid USCC from `{ authority, entityType, division, orgBody }`.
#[wasm_bindgen]
pub fn generate(
    #[wasm_bindgen(unchecked_param_type = "UsccParts")] parts: JsValue,
) -> Result<String, JsValue> {
    let parts: UsccParts = serde_wasm_bindgen::from_value(parts)
        .map_err(|e| js_error("type", &format!("invalid parts: {e}"), None))?;
    uscc::generate(&parts).map_err(id_error)
}

/// Validates a 9-character organization code (GB 11714).
#[wasm_bindgen(js_name = validateOrgCode, unchecked_return_type = "Validation")]
pub fn validate_org_code(
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ValidateOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    validation(&orgcode::validate_with(&string_arg(&input, "input")?, &options_arg(options)?))
}

/// Whether an organization code is valid.
#[wasm_bindgen(js_name = isValidOrgCode)]
pub fn is_valid_org_code(input: &str) -> bool {
    orgcode::is_valid(input)
}

/// The organization-code check character for 8 body characters.
#[wasm_bindgen(js_name = orgCodeCheckChar)]
pub fn org_code_check_char(body: &str) -> Result<String, JsValue> {
    orgcode::check_char(body).map(String::from).map_err(id_error)
}

/// Validates a 15-digit business registration number (GS15).
#[wasm_bindgen(js_name = validateRegistrationNumber, unchecked_return_type = "Validation")]
pub fn validate_registration_number(
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ValidateOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    validation(&regno::validate_with(&string_arg(&input, "input")?, &options_arg(options)?))
}

/// Whether a 15-digit registration number is valid.
#[wasm_bindgen(js_name = isValidRegistrationNumber)]
pub fn is_valid_registration_number(input: &str) -> bool {
    regno::is_valid(input)
}

/// The registration-number check digit for the first 14 digits.
#[wasm_bindgen(js_name = registrationNumberCheckDigit)]
pub fn registration_number_check_digit(first14: &str) -> Result<String, JsValue> {
    regno::check_digit(first14).map(String::from).map_err(id_error)
}

/// A JSON string as is, or an object converted with `JSON.stringify`.
#[cfg(any(feature = "repair", feature = "status"))]
fn json_text(input: &JsValue, name: &str) -> Result<String, JsValue> {
    match input.as_string() {
        Some(text) => Ok(text),
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
#[cfg(feature = "repair")]
#[wasm_bindgen(js_name = repairEligibility, unchecked_return_type = "RepairAnswer")]
pub fn repair_eligibility(
    #[wasm_bindgen(unchecked_param_type = "object | string")] input: JsValue,
) -> Result<JsValue, JsValue> {
    use crate::repair;
    let text = json_text(&input, "input")?;
    match repair::parse_case_json(&text).and_then(|case| repair::repair_eligibility(&case)) {
        Ok(answer) => to_js(&answer),
        Err(e) => {
            let error =
                js_error(&to_js(&e.kind)?.as_string().unwrap_or_default(), &e.message.en, Some(&e.message));
            let _ = js_sys::Reflect::set(&error, &"field".into(), &e.field.as_str().into());
            Err(error)
        }
    }
}

/// What the GB/T 2260 table says about a 6-digit division code: status
/// (`current`, `abolished`, `renamed`, `grouping`, `special`, `unknown`),
/// names from province to county in zh-Hans and zh-Hant, and history.
#[wasm_bindgen(unchecked_return_type = "Division")]
pub fn division(#[wasm_bindgen(unchecked_param_type = "string")] code: JsValue) -> Result<JsValue, JsValue> {
    to_js(&crate::divisions::division(&string_arg(&code, "code")?))
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
fn date_arg(value: &str, field: &str) -> Result<chrono::NaiveDate, JsValue> {
    crate::workdays::parse_date(value, field).map_err(workday_error)
}

/// Whether a date (`YYYY-MM-DD`) is a working day under the State Council
/// holiday notices (make-up weekend days included). Throws `year_not_covered`
/// for a year the calendar does not have.
#[cfg(feature = "workdays")]
#[wasm_bindgen(js_name = isWorkingDay)]
pub fn is_working_day(date: &str) -> Result<bool, JsValue> {
    crate::workdays::is_working_day(date_arg(date, "date")?).map_err(workday_error)
}

/// The date `n` working days after `date` (the start day does not count).
#[cfg(feature = "workdays")]
#[wasm_bindgen(js_name = addWorkingDays)]
pub fn add_working_days(date: &str, n: u32) -> Result<String, JsValue> {
    let due = crate::workdays::add_working_days(date_arg(date, "date")?, n).map_err(workday_error)?;
    Ok(due.format("%Y-%m-%d").to_string())
}

/// Working days after `a` up to and including `b` (negative when `b` is earlier).
#[cfg(feature = "workdays")]
#[wasm_bindgen(js_name = workingDaysBetween)]
pub fn working_days_between(a: &str, b: &str) -> Result<f64, JsValue> {
    let days =
        crate::workdays::working_days_between(date_arg(a, "a")?, date_arg(b, "b")?).map_err(workday_error)?;
    Ok(days as f64)
}

/// The publication deadline of a decision under a rule
/// (`double-publicity-7wd` or `samr-20wd`): `{ decidedOn, due, rule, workingDays, citation, … }`.
#[cfg(feature = "workdays")]
#[wasm_bindgen(js_name = publicationDeadline, unchecked_return_type = "Deadline")]
pub fn publication_deadline(
    #[wasm_bindgen(js_name = decidedOn)] decided_on: &str,
    #[wasm_bindgen(unchecked_param_type = "DeadlineRule")] rule: &str,
) -> Result<JsValue, JsValue> {
    use crate::workdays::DeadlineRule;
    let rule = DeadlineRule::from_id(rule).ok_or_else(|| {
        js_error(
            "unknown_rule",
            &format!("unknown rule '{rule}': use double-publicity-7wd or samr-20wd"),
            None,
        )
    })?;
    let deadline = crate::workdays::publication_deadline(date_arg(decided_on, "decidedOn")?, rule)
        .map_err(workday_error)?;
    to_js(&deadline)
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

/// `<xinyong-code-input>`: builds the shadow DOM of `host` (its open shadow
/// root must be attached). Called by the element class in `xinyong/elements`.
#[cfg(feature = "status")]
#[wasm_bindgen(js_name = codeInputMount)]
pub fn code_input_mount(host: &web_sys::HtmlElement) -> Result<(), JsValue> {
    crate::widget::code_input::mount(host)
}

/// `<xinyong-code-input>`: validates the text, updates the shadow DOM, the
/// form value and validity, fires `xinyong-validate`; returns the result.
#[cfg(feature = "status")]
#[wasm_bindgen(js_name = codeInputUpdate, unchecked_return_type = "Validation")]
pub fn code_input_update(
    host: &web_sys::HtmlElement,
    internals: &crate::widget::ElementInternals,
) -> Result<JsValue, JsValue> {
    crate::widget::code_input::update(host, internals)
}

/// `<xinyong-credit-status>`: renders the status card of `entity` on `asOf`
/// (or, with `problem` = `not_found` | `fetch_failed` | `cross_origin`, a
/// notice); returns the status report or `null`.
#[cfg(feature = "status")]
#[wasm_bindgen(js_name = statusCardRender, unchecked_return_type = "StatusReport | null")]
pub fn status_card_render(
    host: &web_sys::HtmlElement,
    entity: JsValue,
    #[wasm_bindgen(js_name = asOf)] as_of: &str,
    problem: Option<String>,
) -> Result<JsValue, JsValue> {
    crate::widget::status_card::render(host, &entity, as_of, problem)
}

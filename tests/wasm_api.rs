//! The JS-facing API, exercised as wasm under Node and in headless Chromium:
//! plain objects with camelCase fields, typed errors, batch calls.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test as test;
use xinyong::wasm;

fn get(value: &JsValue, path: &str) -> JsValue {
    path.split('.').fold(value.clone(), |v, key| match key.parse::<u32>() {
        Ok(i) => js_sys::Reflect::get_u32(&v, i).unwrap(),
        Err(_) => js_sys::Reflect::get(&v, &key.into()).unwrap(),
    })
}

#[test]
fn validate_returns_a_plain_object_with_camel_case_fields() {
    let r = wasm::validate("９１３５０１００Ｍ０００１００Ｙ４Ａ".into(), None).unwrap();
    let plain = js_sys::Object::get_prototype_of(&js_sys::Object::new());
    assert_eq!(JsValue::from(js_sys::Object::get_prototype_of(&r)), JsValue::from(plain));
    assert_eq!(get(&r, "valid"), JsValue::FALSE);
    assert_eq!(get(&r, "normalized").as_string().unwrap(), "91350100M000100Y4A");
    assert_eq!(get(&r, "parts.divisionCode").as_string().unwrap(), "350100");
    assert_eq!(get(&r, "parts.entityType.name.en").as_string().unwrap(), "enterprise");
    assert_eq!(get(&r, "errors.0.kind").as_string().unwrap(), "check_char");
    assert_eq!(get(&r, "errors.0.position").as_f64(), Some(18.0));
    assert_eq!(get(&r, "notes.0.firstPosition").as_f64(), Some(1.0));
    assert!(get(&r, "errors.0.message.zh-Hant").as_string().unwrap().contains("校驗碼"));
    assert!(get(&r, "suggestions").is_array());
}

#[test]
fn options_are_read_and_unknown_options_rejected() {
    let options = js_sys::JSON::parse(r#"{"acceptPilotCodes": true}"#).unwrap();
    let r = wasm::validate("91350211M0000XUF46".into(), Some(options)).unwrap();
    assert_eq!(get(&r, "valid"), JsValue::TRUE);
    assert_eq!(get(&r, "warnings.0.kind").as_string().unwrap(), "pilot_era_accepted");
    let typo = js_sys::JSON::parse(r#"{"acceptPilotCode": true}"#).unwrap();
    let err = wasm::validate("91350211M0000XUF46".into(), Some(typo)).unwrap_err();
    assert_eq!(get(&err, "kind").as_string().unwrap(), "options");
}

#[test]
fn non_string_input_is_a_typed_error_and_the_module_keeps_working() {
    for bad in [JsValue::UNDEFINED, JsValue::NULL, JsValue::from(42), js_sys::Object::new().into()] {
        let err = wasm::validate(bad.clone(), None).unwrap_err();
        assert!(err.is_instance_of::<js_sys::Error>());
        assert_eq!(get(&err, "kind").as_string().unwrap(), "type");
        assert_eq!(get(&err, "name").as_string().unwrap(), "XinyongError");
        let err = wasm::is_valid(bad).unwrap_err();
        assert_eq!(get(&err, "kind").as_string().unwrap(), "type");
    }
    assert!(wasm::is_valid("91350100M000100Y43".into()).unwrap());
}

#[test]
fn batch_calls_agree_with_single_calls() {
    let inputs = js_sys::Array::of3(&"91350100M000100Y43".into(), &"91350100M000100Y4A".into(), &"".into());
    let many = wasm::validate_many(inputs.clone().into(), None).unwrap();
    let flags = wasm::is_valid_many(inputs.into()).unwrap();
    assert_eq!(flags, [1, 0, 0]);
    assert_eq!(get(&many, "0.valid"), JsValue::TRUE);
    assert_eq!(get(&many, "1.valid"), JsValue::FALSE);
    assert_eq!(get(&many, "2.errors.0.kind").as_string().unwrap(), "empty");
}

#[test]
fn check_characters_generate_and_other_identifiers() {
    assert_eq!(wasm::uscc_check_char("91350100M000100Y4".into()).unwrap(), "3");
    let err = wasm::uscc_check_char("9135".into()).unwrap_err();
    assert_eq!(get(&err, "kind").as_string().unwrap(), "length");
    assert!(get(&err, "messages.zh-Hans").as_string().unwrap().contains("17"));
    let parts =
        js_sys::JSON::parse(r#"{"authority":"9","entityType":"1","division":"350100","orgBody":"M000100Y"}"#)
            .unwrap();
    assert_eq!(wasm::generate(parts).unwrap(), "91350100M000100Y43");
    assert!(wasm::is_valid_org_code("D2143569-X".into()).unwrap());
    assert_eq!(wasm::org_code_check_char("D2143569".into()).unwrap(), "X");
    assert!(wasm::is_valid_registration_number("310115600985533".into()).unwrap());
    assert_eq!(wasm::registration_number_check_digit("31011560098553".into()).unwrap(), "3");
    let r = wasm::validate_org_code("D21435690".into(), None).unwrap();
    assert_eq!(get(&r, "kind").as_string().unwrap(), "org_code");
    let r = wasm::validate_registration_number("310115600985535".into(), None).unwrap();
    assert_eq!(get(&r, "errors.0.expected").as_string().unwrap(), "3");
    let s = wasm::suggest("9135010OM000100Y43".into()).unwrap();
    assert_eq!(get(&s, "0.code").as_string().unwrap(), "91350100M000100Y43");
}

#[test]
fn hostile_strings_get_typed_errors_and_the_module_keeps_working() {
    // Longer than any string argument may be: refused before it is copied.
    let huge = JsValue::from("9".repeat(wasm::MAX_STRING_LENGTH as usize + 1));
    let err = wasm::validate(huge.clone(), None).unwrap_err();
    assert!(err.is_instance_of::<js_sys::Error>());
    assert_eq!(get(&err, "kind").as_string().unwrap(), "too_long");
    assert_eq!(get(&wasm::is_valid(huge).unwrap_err(), "kind").as_string().unwrap(), "too_long");
    // A lone surrogate arrives as U+FFFD and is reported as a character.
    let lone = js_sys::JSON::parse(r#""91350100M000100Y4\ud800""#).unwrap();
    let r = wasm::validate(lone, None).unwrap();
    assert_eq!(get(&r, "valid"), JsValue::FALSE);
    assert_eq!(get(&r, "errors.0.kind").as_string().unwrap(), "character");
    assert!(wasm::is_valid("91350100M000100Y43".into()).unwrap());
}

//! `<xinyong-code-input>`: a form-associated USCC input that validates as the
//! user types or pastes.

use super::dom::{add, add_text, announce, by_id, document, el, shadow};
use super::text::{lang_of, punct, t};
use super::ElementInternals;
use crate::{uscc, ValidateOptions, Validation};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CustomEvent, CustomEventInit, Element, HtmlElement, HtmlInputElement};

/// Builds the shadow DOM: the inner input, the normalized code with the wrong
/// characters marked, the message, the suggestions and a live region.
pub(crate) fn mount(host: &Element) -> Result<(), JsValue> {
    let root = shadow(host)?;
    let doc = document()?;
    let input = el(&doc, "input", "input", "input", "")?;
    for (k, v) in [
        ("id", "input"),
        ("type", "text"),
        ("autocomplete", "off"),
        ("autocapitalize", "characters"),
        ("spellcheck", "false"),
        ("inputmode", "text"),
        ("aria-describedby", "message"),
    ] {
        input.set_attribute(k, v)?;
    }
    if let Some(p) = host.get_attribute("placeholder") {
        input.set_attribute("placeholder", &p)?;
    }
    let code = el(&doc, "p", "normalized", "code", "")?;
    code.set_attribute("id", "code")?;
    code.set_attribute("aria-hidden", "true")?;
    let message = el(&doc, "p", "message", "message", "")?;
    message.set_attribute("id", "message")?;
    let suggestions = el(&doc, "div", "suggestions", "suggestions", "")?;
    suggestions.set_attribute("id", "suggestions")?;
    let live = el(&doc, "div", "announce", "sr-only", "")?;
    live.set_attribute("id", "live")?;
    live.set_attribute("role", "status")?;
    live.set_attribute("aria-live", "polite")?;
    for node in [&input, &code, &message, &suggestions, &live] {
        root.append_child(node)?;
    }
    if let Some(v) = host.get_attribute("value") {
        input.dyn_ref::<HtmlInputElement>().ok_or("input")?.set_value(&v);
    }
    Ok(())
}

fn options(host: &Element) -> ValidateOptions {
    ValidateOptions {
        accept_pilot_codes: host.has_attribute("accept-pilot-codes"),
        ..ValidateOptions::default()
    }
}

/// Validates the inner input's text and updates everything: the shadow DOM,
/// the form value (the normalized code), the validity (so `checkValidity()`,
/// `:invalid` and `required` behave like a native input), and fires a composed
/// `xinyong-validate` event with the result. Returns the result.
pub(crate) fn update(host: &HtmlElement, internals: &ElementInternals) -> Result<JsValue, JsValue> {
    let root = shadow(host)?;
    let doc = document()?;
    let lang = lang_of(host.get_attribute("lang"));
    let input: HtmlInputElement = by_id(&root, "input")?.dyn_into()?;
    let required = host.has_attribute("required");
    let label = host.get_attribute("label").unwrap_or_else(|| t(lang, "code").to_string());
    input.set_attribute("aria-label", &label)?;
    input.set_attribute("lang", lang.tag())?;
    if required {
        input.set_attribute("aria-required", "true")?;
    } else {
        input.remove_attribute("aria-required")?;
    }
    let raw = input.value();
    let r: Validation = uscc::validate_with(&raw, &options(host));
    let empty = r.normalized.is_empty();

    // The normalized code, wrong characters marked (not by colour alone: <mark> is underlined too).
    let code = by_id(&root, "code")?;
    code.set_text_content(None);
    if !empty && !r.valid {
        let bad: Vec<usize> = r.errors.iter().filter_map(|e| e.position).collect();
        for (i, c) in r.normalized.chars().enumerate() {
            let s = c.to_string();
            if bad.contains(&(i + 1)) {
                let m = el(&doc, "mark", "bad-char", "bad", &s)?;
                m.set_attribute("title", &format!("{}", i + 1))?;
                add(&code, &m)?;
            } else {
                add_text(&doc, &code, &s)?;
            }
        }
    } else if !empty {
        code.set_text_content(Some(&r.normalized));
    }

    // The message.
    let (colon, semi, open, close) = punct(lang);
    let message_text = if empty {
        if required {
            t(lang, "required").to_string()
        } else {
            String::new()
        }
    } else if r.valid {
        let mut m = format!("{}{colon}{}", t(lang, "valid"), r.normalized);
        if let Some(w) = r.warnings.first() {
            m = format!("{m}{open}{}{close}", w.message.get(lang));
        }
        m
    } else {
        let mut parts: Vec<&str> = r.errors.iter().take(1).map(|e| e.message.get(lang)).collect();
        parts.extend(r.diagnoses.iter().take(1).map(|d| d.message.get(lang)));
        format!("{}{colon}{}", t(lang, "invalid"), parts.join(semi))
    };
    let message = by_id(&root, "message")?;
    message.set_text_content(Some(&message_text));
    message.set_attribute(
        "data-state",
        if empty {
            "empty"
        } else if r.valid {
            "valid"
        } else {
            "invalid"
        },
    )?;
    input.set_attribute("aria-invalid", if !empty && !r.valid { "true" } else { "false" })?;

    // Suggestions: buttons carrying the code in data-code (the JS class handles the click).
    let sugg = by_id(&root, "suggestions")?;
    sugg.set_text_content(None);
    if !r.suggestions.is_empty() {
        add(&sugg, &el(&doc, "span", "suggestions-label", "", t(lang, "did-you-mean"))?)?;
        for s in r.suggestions.iter().take(3) {
            let b = el(&doc, "button", "suggestion", "", &s.code)?;
            b.set_attribute("type", "button")?;
            b.set_attribute("data-code", &s.code)?;
            b.set_attribute("aria-label", &format!("{} {}", t(lang, "use-suggestion"), s.code))?;
            add(&sugg, &b)?;
        }
    }
    announce(&by_id(&root, "live")?, &message_text);

    // Form value and validity.
    internals.set_form_value(&if empty { JsValue::NULL } else { JsValue::from_str(&r.normalized) });
    let flags = js_sys::Object::new();
    let validity_message = if empty && required {
        js_sys::Reflect::set(&flags, &"valueMissing".into(), &true.into())?;
        message_text.clone()
    } else if !empty && !r.valid {
        js_sys::Reflect::set(&flags, &"patternMismatch".into(), &true.into())?;
        message_text.clone()
    } else {
        String::new()
    };
    let anchor: &HtmlElement = input.unchecked_ref();
    internals.set_validity(&flags, &validity_message, anchor);
    host.set_attribute(
        "data-state",
        if empty {
            "empty"
        } else if r.valid {
            "valid"
        } else {
            "invalid"
        },
    )?;

    let detail = crate::wasm::json_js(&r)?;
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    let event = CustomEvent::new_with_event_init_dict("xinyong-validate", &init)?;
    host.dispatch_event(&event)?;
    Ok(detail)
}

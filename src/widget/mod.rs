//! The DOM side of the custom elements `<xinyong-code-input>` and
//! `<xinyong-credit-status>` (built only for wasm32). The element classes are
//! thin JS (`npm/elements.mjs`: custom elements must extend `HTMLElement` in
//! JS); their lifecycle callbacks call the exports in `crate::wasm`, which call
//! the functions here to build and update the open shadow root.
//!
//! The DOM is built with `createElement`, `setAttribute` and `textContent`
//! only: nothing is ever parsed as HTML, so an entity name such as
//! `<img src=x onerror=…>` is shown as text. No inline styles or scripts (the
//! styles are a constructed stylesheet adopted by the JS class), so the
//! elements work under a Content-Security-Policy without `'unsafe-inline'`.
//!
//! The code input is in every wasm build (the identifier module has it); the
//! status card only with the `status` feature.

pub(crate) mod code_input;
mod dom;
#[cfg(feature = "status")]
pub(crate) mod status_card;
mod text;

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `ElementInternals` (not in web-sys 0.3.107): the form-associated
    /// element's link to its form.
    #[wasm_bindgen(typescript_type = "ElementInternals")]
    pub type ElementInternals;

    #[wasm_bindgen(method, js_name = setFormValue)]
    fn set_form_value(this: &ElementInternals, value: &JsValue);

    #[wasm_bindgen(method, js_name = setValidity)]
    fn set_validity(this: &ElementInternals, flags: &JsValue, message: &str, anchor: &web_sys::HtmlElement);
}

//! Small helpers over web-sys: elements with a `part`, a class and text.

use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, ShadowRoot};

pub(crate) fn document() -> Result<Document, JsValue> {
    web_sys::window().and_then(|w| w.document()).ok_or_else(|| JsValue::from_str("no document"))
}

/// `<tag part=… class=…>text</tag>`; empty strings leave the attribute out.
pub(crate) fn el(doc: &Document, tag: &str, part: &str, class: &str, text: &str) -> Result<Element, JsValue> {
    let e = doc.create_element(tag)?;
    if !part.is_empty() {
        e.set_attribute("part", part)?;
    }
    if !class.is_empty() {
        e.set_attribute("class", class)?;
    }
    if !text.is_empty() {
        e.set_text_content(Some(text));
    }
    Ok(e)
}

/// Appends `child` to `parent`.
pub(crate) fn add(parent: &Element, child: &Element) -> Result<(), JsValue> {
    parent.append_child(child).map(|_| ())
}

/// Appends a text node.
pub(crate) fn add_text(doc: &Document, parent: &Element, text: &str) -> Result<(), JsValue> {
    parent.append_child(&doc.create_text_node(text)).map(|_| ())
}

/// The host's open shadow root.
pub(crate) fn shadow(host: &Element) -> Result<ShadowRoot, JsValue> {
    host.shadow_root().ok_or_else(|| JsValue::from_str("attach an open shadow root first"))
}

/// Sets the text of the live region only when it changes (so it is announced once).
pub(crate) fn announce(live: &Element, text: &str) {
    if live.text_content().as_deref() != Some(text) {
        live.set_text_content(Some(text));
    }
}

//! The DOM side of the custom element `<xinyong-credit-status>` (built only
//! for wasm32, with the `status` feature: the status module). The element
//! class is thin JS (`npm/elements.mjs`: custom elements must extend
//! `HTMLElement` in JS); its lifecycle callbacks call the export in
//! `crate::wasm`, which calls the functions here to build and update the open
//! shadow root. (`<xinyong-code-input>` is rendered in JS, by
//! `npm/elements.mjs`, from the result of `validate`.)
//!
//! The DOM is built with `createElement`, `setAttribute` and `textContent`
//! only: nothing is ever parsed as HTML, so an entity name such as
//! `<img src=x onerror=…>` is shown as text. No inline styles or scripts (the
//! styles are a constructed stylesheet adopted by the JS class), so the
//! elements work under a Content-Security-Policy without `'unsafe-inline'`.

mod dom;
pub(crate) mod status_card;
mod text;

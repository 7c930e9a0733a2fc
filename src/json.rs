//! A small JSON writer for the identifier and division results.
//!
//! The results derive `serde::Serialize` for Rust users; this writer produces
//! exactly the same JSON text (field names, order, skipped `None` fields,
//! escaping — `tests/json_writer.rs` compares the two on every vector and on
//! generated inputs) without serde's generic machinery. It is what the WASM
//! boundary hands to `JSON.parse`: the identifier-only WebAssembly build then
//! carries no serializer at all (serde-wasm-bindgen's generic code and the
//! float formatting it pulled in cost ~21 KB gzip), and `validate` from JS
//! became about twice as fast as with serde-wasm-bindgen, which set the
//! fields one by one across the boundary.
//!
//! ```
//! let r = xinyong::uscc::validate("91350100M000100Y43");
//! let text = xinyong::json::to_string(&r);
//! assert!(text.starts_with(r#"{"kind":"uscc","valid":true,"normalized":"91350100M000100Y43""#));
//! ```
//!
//! The repair, status and working-day results (`RepairAnswer`,
//! `StatusReport`, `Deadline`, `RulesInfo`) write themselves here too (see
//! `src/json/reports.rs`), so the browser's status module carries no
//! serializer either.

#[cfg(any(feature = "repair", feature = "status", feature = "workdays"))]
pub(crate) mod read;
#[cfg(any(feature = "repair", feature = "status", feature = "workdays"))]
mod reports;

use crate::divisions::{Division, HistoryEntry, Level, Name, Ref, Status, UnknownReason};
use crate::error::IdError;
use crate::i18n::Text;
use crate::normalize::{Normalized, Note, NoteKind};
use crate::result::{
    Diagnosis, DiagnosisKind, EditKind, EditReason, IdKind, Named, Parts, Suggestion, Validation, Warning,
    WarningKind,
};

/// A value that can write itself as JSON.
///
/// ```
/// use xinyong::json::{to_string, ToJson};
/// assert_eq!(to_string(&vec![1usize, 2]), "[1,2]");
/// assert_eq!(to_string("a\"b"), r#""a\"b""#);
/// ```
pub trait ToJson {
    /// Appends this value's JSON text to `w`.
    fn write_json(&self, w: &mut JsonWriter);
}

/// The JSON text of a value (compact, like `serde_json::to_string`).
///
/// ```
/// let s = xinyong::json::to_string(&xinyong::suggest::suggest_uscc("91350100M000100Y4A"));
/// assert!(s.starts_with(r#"[{"code":"#) && s.contains(r#""code":"91350100M000100Y43""#));
/// ```
pub fn to_string<T: ToJson + ?Sized>(value: &T) -> String {
    // A validation result is about 800 bytes: one allocation, not five.
    let mut w = JsonWriter { out: String::with_capacity(1024), comma: false };
    value.write_json(&mut w);
    w.out
}

/// Writes JSON text into a string; tracks where commas go.
///
/// ```
/// use xinyong::json::JsonWriter;
/// let mut w = JsonWriter::default();
/// w.begin_object();
/// w.field("a", &true);
/// w.opt_field("b", None::<&bool>);
/// w.end_object();
/// assert_eq!(w.finish(), r#"{"a":true}"#);
/// ```
#[derive(Debug, Default)]
pub struct JsonWriter {
    out: String,
    comma: bool,
}

impl JsonWriter {
    fn separate(&mut self) {
        if self.comma {
            self.out.push(',');
        }
        self.comma = true;
    }

    /// Starts an object (`{`).
    pub fn begin_object(&mut self) {
        self.separate();
        self.out.push('{');
        self.comma = false;
    }

    /// Ends an object (`}`).
    pub fn end_object(&mut self) {
        self.out.push('}');
        self.comma = true;
    }

    /// Starts an array (`[`).
    pub fn begin_array(&mut self) {
        self.separate();
        self.out.push('[');
        self.comma = false;
    }

    /// Ends an array (`]`).
    pub fn end_array(&mut self) {
        self.out.push(']');
        self.comma = true;
    }

    /// Writes an object key; the next value written is its value.
    pub fn key(&mut self, key: &str) {
        self.string(key);
        self.out.push(':');
        self.comma = false;
    }

    /// Writes `"key": value`.
    pub fn field<T: ToJson + ?Sized>(&mut self, key: &str, value: &T) {
        self.key(key);
        value.write_json(self);
    }

    /// Writes `"key": value` when there is a value; nothing for `None`
    /// (serde's `skip_serializing_if = "Option::is_none"`).
    pub fn opt_field<T: ToJson + ?Sized>(&mut self, key: &str, value: Option<&T>) {
        if let Some(value) = value {
            self.field(key, value);
        }
    }

    /// Writes a string with the escapes `serde_json` uses.
    pub fn string(&mut self, s: &str) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        self.separate();
        self.out.push('"');
        let bytes = s.as_bytes();
        // Every byte that needs an escape is ASCII, so `start..i` always
        // falls on character boundaries.
        let mut start = 0;
        let mut i = 0;
        while i < bytes.len() {
            // Eight bytes at a time while none needs an escape (most text).
            if let Some(chunk) = bytes.get(i..i + 8).and_then(|c| <[u8; 8]>::try_from(c).ok()) {
                if !needs_escape(u64::from_le_bytes(chunk)) {
                    i += 8;
                    continue;
                }
            }
            let b = bytes.get(i).copied().unwrap_or(b' ');
            let escape = match b {
                b'"' => "\\\"",
                b'\\' => "\\\\",
                b'\n' => "\\n",
                b'\r' => "\\r",
                b'\t' => "\\t",
                0x08 => "\\b",
                0x0c => "\\f",
                0..=0x1f => "\\u00",
                _ => {
                    i += 1;
                    continue;
                }
            };
            self.out.push_str(s.get(start..i).unwrap_or_default());
            self.out.push_str(escape);
            if escape == "\\u00" {
                for nibble in [b >> 4, b & 15] {
                    self.out.push(char::from(HEX.get(usize::from(nibble)).copied().unwrap_or(b'0')));
                }
            }
            i += 1;
            start = i;
        }
        self.out.push_str(s.get(start..).unwrap_or_default());
        self.out.push('"');
    }

    /// Writes a whole number.
    pub fn number(&mut self, n: u64) {
        self.separate();
        let mut digits = [0u8; 20];
        let mut i = digits.len();
        let mut n = n;
        loop {
            i -= 1;
            if let Some(d) = digits.get_mut(i) {
                *d = b'0' + (n % 10) as u8;
            }
            n /= 10;
            if n == 0 || i == 0 {
                break;
            }
        }
        for &d in digits.get(i..).unwrap_or_default() {
            self.out.push(char::from(d));
        }
    }

    /// Writes a signed whole number.
    pub fn signed(&mut self, n: i64) {
        if n < 0 {
            self.separate();
            self.out.push('-');
            // The sign is written; the digits follow without a comma.
            self.comma = false;
        }
        self.number(n.unsigned_abs());
    }

    /// Writes `true` or `false`.
    pub fn boolean(&mut self, b: bool) {
        self.separate();
        self.out.push_str(if b { "true" } else { "false" });
    }

    /// Writes `null`.
    pub fn null(&mut self) {
        self.separate();
        self.out.push_str("null");
    }

    /// The text written so far.
    pub fn finish(self) -> String {
        self.out
    }
}

/// Whether any of eight bytes is below 0x20, `"` or `\\` (no false
/// negatives: the classic "has a zero byte" test, which is exact about
/// whether there is one).
fn needs_escape(v: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let has_zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH != 0;
    let below_space = v.wrapping_sub(ONES * 0x20) & !v & HIGH != 0;
    below_space || has_zero(v ^ (ONES * u64::from(b'"'))) || has_zero(v ^ (ONES * u64::from(b'\\')))
}

impl ToJson for str {
    fn write_json(&self, w: &mut JsonWriter) {
        w.string(self);
    }
}

impl ToJson for String {
    fn write_json(&self, w: &mut JsonWriter) {
        w.string(self);
    }
}

impl ToJson for bool {
    fn write_json(&self, w: &mut JsonWriter) {
        w.boolean(*self);
    }
}

impl ToJson for usize {
    fn write_json(&self, w: &mut JsonWriter) {
        w.number(*self as u64);
    }
}

impl ToJson for u32 {
    fn write_json(&self, w: &mut JsonWriter) {
        w.number(u64::from(*self));
    }
}

impl ToJson for i32 {
    fn write_json(&self, w: &mut JsonWriter) {
        w.signed(i64::from(*self));
    }
}

impl ToJson for i64 {
    fn write_json(&self, w: &mut JsonWriter) {
        w.signed(*self);
    }
}

impl<T: ToJson, const N: usize> ToJson for [T; N] {
    fn write_json(&self, w: &mut JsonWriter) {
        self.as_slice().write_json(w);
    }
}

impl ToJson for u16 {
    fn write_json(&self, w: &mut JsonWriter) {
        w.number(u64::from(*self));
    }
}

impl<T: ToJson> ToJson for [T] {
    fn write_json(&self, w: &mut JsonWriter) {
        w.begin_array();
        for item in self {
            item.write_json(w);
        }
        w.end_array();
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json(&self, w: &mut JsonWriter) {
        self.as_slice().write_json(w);
    }
}

impl<T: ToJson + ?Sized> ToJson for &T {
    fn write_json(&self, w: &mut JsonWriter) {
        (**self).write_json(w);
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn write_json(&self, w: &mut JsonWriter) {
        match self {
            Some(v) => v.write_json(w),
            None => w.null(),
        }
    }
}

/// Enums serialized as their snake_case name.
macro_rules! json_as_str {
    ($($ty:ty),*) => {$(
        impl ToJson for $ty {
            fn write_json(&self, w: &mut JsonWriter) {
                w.string(self.as_str());
            }
        }
    )*};
}

json_as_str!(
    IdKind,
    DiagnosisKind,
    WarningKind,
    EditKind,
    EditReason,
    NoteKind,
    crate::error::ErrorKind,
    Level
);

impl ToJson for Status {
    fn write_json(&self, w: &mut JsonWriter) {
        w.string(match self {
            Status::Current => "current",
            Status::Abolished => "abolished",
            Status::Renamed => "renamed",
            Status::Grouping => "grouping",
            Status::Special => "special",
            Status::Unknown => "unknown",
        });
    }
}

impl ToJson for UnknownReason {
    fn write_json(&self, w: &mut JsonWriter) {
        w.string(match self {
            UnknownReason::Malformed => "malformed",
            UnknownReason::NotFound => "not_found",
            UnknownReason::TableUnavailable => "table_unavailable",
        });
    }
}

impl ToJson for Text {
    fn write_json(&self, w: &mut JsonWriter) {
        w.begin_object();
        w.field("zh-Hans", &self.zh_hans);
        w.field("zh-Hant", &self.zh_hant);
        w.field("en", &self.en);
        w.end_object();
    }
}

impl ToJson for Name {
    fn write_json(&self, w: &mut JsonWriter) {
        w.begin_object();
        w.field("zh-Hans", &self.zh_hans);
        w.field("zh-Hant", &self.zh_hant);
        w.end_object();
    }
}

impl ToJson for Note {
    fn write_json(&self, w: &mut JsonWriter) {
        w.begin_object();
        w.field("kind", &self.kind);
        w.field("count", &self.count);
        w.field("firstPosition", &self.first_position);
        w.field("message", &self.message);
        w.end_object();
    }
}

impl ToJson for Normalized {
    fn write_json(&self, w: &mut JsonWriter) {
        w.begin_object();
        w.field("value", &self.value);
        w.field("notes", &self.notes);
        w.end_object();
    }
}

impl ToJson for IdError {
    fn write_json(&self, w: &mut JsonWriter) {
        w.begin_object();
        w.field("kind", &self.kind);
        w.opt_field("position", self.position.as_ref());
        w.opt_field("expected", self.expected.as_ref());
        w.opt_field("found", self.found.as_ref());
        w.field("message", &self.message);
        w.end_object();
    }
}

impl ToJson for Named {
    fn write_json(&self, w: &mut JsonWriter) {
        w.begin_object();
        w.field("code", &self.code);
        w.field("name", &self.name);
        w.end_object();
    }
}

impl ToJson for Parts {
    fn write_json(&self, w: &mut JsonWriter) {
        w.begin_object();
        w.opt_field("authority", self.authority.as_ref());
        w.opt_field("entityType", self.entity_type.as_ref());
        w.opt_field("divisionCode", self.division_code.as_ref());
        w.opt_field("division", self.division.as_ref());
        w.opt_field("birthDate", self.birth_date.as_ref());
        w.opt_field("orgCode", self.org_code.as_ref());
        w.opt_field("checkChar", self.check_char.as_ref());
        w.end_object();
    }
}

impl ToJson for Diagnosis {
    fn write_json(&self, w: &mut JsonWriter) {
        w.begin_object();
        w.field("kind", &self.kind);
        w.field("message", &self.message);
        w.field("candidates", &self.candidates);
        w.end_object();
    }
}

impl ToJson for Warning {
    fn write_json(&self, w: &mut JsonWriter) {
        w.begin_object();
        w.field("kind", &self.kind);
        w.field("message", &self.message);
        w.end_object();
    }
}

impl ToJson for Suggestion {
    fn write_json(&self, w: &mut JsonWriter) {
        w.begin_object();
        w.field("code", &self.code);
        w.field("edit", &self.edit);
        w.field("reason", &self.reason);
        w.field("positions", &self.positions);
        w.end_object();
    }
}

impl ToJson for Validation {
    fn write_json(&self, w: &mut JsonWriter) {
        w.begin_object();
        w.field("kind", &self.kind);
        w.field("valid", &self.valid);
        w.field("normalized", &self.normalized);
        w.field("notes", &self.notes);
        w.field("parts", &self.parts);
        w.field("errors", &self.errors);
        w.field("warnings", &self.warnings);
        w.field("diagnoses", &self.diagnoses);
        w.field("suggestions", &self.suggestions);
        w.end_object();
    }
}

impl ToJson for Ref {
    fn write_json(&self, w: &mut JsonWriter) {
        w.begin_object();
        w.field("code", &self.code);
        w.field("name", &self.name);
        w.field("fullName", &self.full_name);
        w.opt_field("validFrom", self.valid_from.as_ref());
        w.opt_field("validTo", self.valid_to.as_ref());
        w.end_object();
    }
}

impl ToJson for HistoryEntry {
    fn write_json(&self, w: &mut JsonWriter) {
        w.begin_object();
        w.field("name", &self.name);
        w.opt_field("validFrom", self.valid_from.as_ref());
        w.opt_field("validTo", self.valid_to.as_ref());
        w.opt_field("successor", self.successor.as_ref());
        w.end_object();
    }
}

impl ToJson for Division {
    fn write_json(&self, w: &mut JsonWriter) {
        w.begin_object();
        w.field("status", &self.status);
        w.opt_field("code", self.code.as_ref());
        w.opt_field("level", self.level.as_ref());
        w.opt_field("name", self.name.as_ref());
        w.opt_field("fullName", self.full_name.as_ref());
        w.opt_field("province", self.province.as_ref());
        w.opt_field("prefecture", self.prefecture.as_ref());
        w.opt_field("county", self.county.as_ref());
        w.opt_field("validFrom", self.valid_from.as_ref());
        w.opt_field("validTo", self.valid_to.as_ref());
        w.opt_field("successor", self.successor.as_ref());
        w.opt_field("parent", self.parent.as_ref());
        w.field("history", &self.history);
        w.opt_field("note", self.note);
        w.opt_field("reason", self.reason.as_ref());
        w.end_object();
    }
}

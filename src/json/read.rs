//! A small JSON reader for the records the crate takes (repair cases, rule
//! sets, entity records, holiday years): text to a [`Value`] tree, which the
//! parsers (`src/repair/json.rs`, `src/status/parse.rs`,
//! `src/workdays/calendar.rs`) then read field by field, so that every error
//! names the path of its field.
//!
//! Why not serde_json here: its deserializer and serde's error machinery (with
//! the float formatting its messages pull in) were about a fifth of the
//! browser's status module. This reader keeps what the parsers need: object
//! members in their order, repeated keys included (a holiday file that names
//! a year twice is an error, not a silent overwrite), integers told from
//! fractions, a nesting limit (128, as serde_json's) so that no input can
//! exhaust the stack, and errors with a line and column.

// FromJson and its helpers serve the repair parsers.
#![cfg_attr(not(feature = "repair"), allow(dead_code, unused_macros, unused_imports))]

use std::fmt::Write as _;

/// A parsed JSON value. Objects keep their members in order, repeats included;
/// [`Value::get`] gives the last one of a name (what serde_json's map keeps).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Value>),
    Object(Vec<(String, Value)>),
}

/// A JSON number: its value, and whether it was written as an integer
/// (no fraction, no exponent), as an integer field requires.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Number {
    pub value: f64,
    pub integer: bool,
}

impl Value {
    /// How an error message names the value's type.
    pub(crate) fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        }
    }

    /// The member `key` of an object (the last one, when repeated).
    pub(crate) fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(members) => members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
}

/// The deepest nesting of arrays and objects accepted.
const MAX_DEPTH: usize = 128;

/// Parses `text` as one JSON value (whitespace around it allowed).
///
/// # Errors
/// A message naming what is wrong and where (`line 1 column 5`).
pub(crate) fn parse(text: &str) -> Result<Value, String> {
    let mut p = Parser { s: text.as_bytes(), i: 0 };
    let v = p.value(0).map_err(|what| p.error(what))?;
    p.ws();
    if p.i < p.s.len() {
        return Err(p.error("trailing characters"));
    }
    Ok(v)
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    fn error(&self, what: &str) -> String {
        let done = self.s.get(..self.i).unwrap_or(self.s);
        let line = done.iter().filter(|&&b| b == b'\n').count() + 1;
        let column = done.iter().rev().take_while(|&&b| b != b'\n').count();
        let mut m = String::from(what);
        let _ = write!(m, " at line {line} column {column}");
        m
    }

    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.s.get(self.i) {
            self.i += 1;
        }
    }

    fn peek(&mut self) -> Option<u8> {
        self.ws();
        self.s.get(self.i).copied()
    }

    fn literal(&mut self, word: &str, v: Value) -> Result<Value, &'static str> {
        if self.s.get(self.i..).is_some_and(|rest| rest.starts_with(word.as_bytes())) {
            self.i += word.len();
            Ok(v)
        } else {
            Err("expected value")
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value, &'static str> {
        let Some(b) = self.peek() else { return Err("EOF while parsing a value") };
        match b {
            b'n' => self.literal("null", Value::Null),
            b't' => self.literal("true", Value::Bool(true)),
            b'f' => self.literal("false", Value::Bool(false)),
            b'"' => self.string().map(Value::String),
            b'-' | b'0'..=b'9' => self.number().map(Value::Number),
            b'[' | b'{' if depth >= MAX_DEPTH => Err("recursion limit exceeded"),
            b'[' => {
                self.i += 1;
                let mut items = Vec::new();
                if self.peek() == Some(b']') {
                    self.i += 1;
                    return Ok(Value::Array(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    match self.peek() {
                        Some(b',') => self.i += 1,
                        Some(b']') => {
                            self.i += 1;
                            return Ok(Value::Array(items));
                        }
                        None => return Err("EOF while parsing a list"),
                        _ => return Err("expected `,` or `]`"),
                    }
                }
            }
            b'{' => {
                self.i += 1;
                let mut members = Vec::new();
                if self.peek() == Some(b'}') {
                    self.i += 1;
                    return Ok(Value::Object(members));
                }
                loop {
                    match self.peek() {
                        Some(b'"') => {}
                        None => return Err("EOF while parsing an object"),
                        _ => return Err("key must be a string"),
                    }
                    let key = self.string()?;
                    if self.peek() != Some(b':') {
                        return Err("expected `:`");
                    }
                    self.i += 1;
                    members.push((key, self.value(depth + 1)?));
                    match self.peek() {
                        Some(b',') => self.i += 1,
                        Some(b'}') => {
                            self.i += 1;
                            return Ok(Value::Object(members));
                        }
                        None => return Err("EOF while parsing an object"),
                        _ => return Err("expected `,` or `}`"),
                    }
                }
            }
            _ => Err("expected value"),
        }
    }

    /// A string, the opening quote at `self.i`.
    fn string(&mut self) -> Result<String, &'static str> {
        self.i += 1;
        let mut out = String::new();
        loop {
            let start = self.i;
            while let Some(&b) = self.s.get(self.i) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.i += 1;
            }
            // The text is valid UTF-8 and the run stops at an ASCII byte: a whole number of characters.
            let run = self.s.get(start..self.i).unwrap_or_default();
            out.push_str(std::str::from_utf8(run).map_err(|_| "invalid UTF-8")?);
            match self.s.get(self.i) {
                None => return Err("EOF while parsing a string"),
                Some(b'"') => {
                    self.i += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.i += 1;
                    let Some(&e) = self.s.get(self.i) else { return Err("EOF while parsing a string") };
                    self.i += 1;
                    let c = match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => self.unicode_escape()?,
                        _ => return Err("invalid escape"),
                    };
                    out.push(c);
                }
                Some(_) => return Err("control character (\\u0000-\\u001F) found while parsing a string"),
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, &'static str> {
        let digits = self.s.get(self.i..self.i + 4).ok_or("EOF while parsing a string")?;
        let mut n = 0;
        for &d in digits {
            n = n * 16 + (d as char).to_digit(16).ok_or("invalid escape")?;
        }
        self.i += 4;
        Ok(n)
    }

    /// The character of `\uXXXX` (after the `u`), a surrogate pair read whole.
    fn unicode_escape(&mut self) -> Result<char, &'static str> {
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                if self.s.get(self.i..self.i + 2) != Some(b"\\u") {
                    return Err("lone leading surrogate in hex escape");
                }
                self.i += 2;
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err("lone leading surrogate in hex escape");
                }
                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err("lone trailing surrogate in hex escape"),
            n => n,
        };
        char::from_u32(code).ok_or("invalid escape")
    }

    /// A number as JSON writes it: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    fn number(&mut self) -> Result<Number, &'static str> {
        let negative = self.s.get(self.i) == Some(&b'-');
        if negative {
            self.i += 1;
        }
        // Up to 19 significant digits in a u64; further digits only scale.
        let mut significand: u64 = 0;
        let mut digits = 0;
        let mut exponent: i64 = 0;
        let mut int_digits = 0;
        let digit = |p: &Self| p.s.get(p.i).filter(|b| b.is_ascii_digit()).map(|b| u64::from(b - b'0'));
        let mut take = |p: &mut Self, fraction: bool| {
            let mut n = 0;
            while let Some(d) = digit(p) {
                if digits < 19 {
                    if significand != 0 || d != 0 {
                        digits += 1;
                    }
                    significand = significand * 10 + d;
                    if fraction {
                        exponent -= 1;
                    }
                } else if !fraction {
                    exponent += 1;
                }
                p.i += 1;
                n += 1;
            }
            n
        };
        if self.s.get(self.i) == Some(&b'0') {
            self.i += 1;
            int_digits = 1;
        } else {
            int_digits += take(self, false);
        }
        if int_digits == 0 {
            return Err("invalid number");
        }
        if digit(self).is_some() {
            return Err("invalid number"); // a leading zero
        }
        let mut integer = true;
        if self.s.get(self.i) == Some(&b'.') {
            self.i += 1;
            integer = false;
            if take(self, true) == 0 {
                return Err("invalid number");
            }
        }
        if let Some(b'e' | b'E') = self.s.get(self.i) {
            self.i += 1;
            integer = false;
            let negative_exp = match self.s.get(self.i) {
                Some(b'-') => {
                    self.i += 1;
                    true
                }
                Some(b'+') => {
                    self.i += 1;
                    false
                }
                _ => false,
            };
            let mut e: i64 = 0;
            let mut any = false;
            while let Some(d) = digit(self) {
                e = (e * 10 + d as i64).min(100_000);
                self.i += 1;
                any = true;
            }
            if !any {
                return Err("invalid number");
            }
            exponent += if negative_exp { -e } else { e };
        }
        let magnitude = if significand == 0 || exponent < -330 {
            0.0
        } else if exponent >= 0 {
            significand as f64 * 10f64.powi(exponent.min(400) as i32)
        } else if exponent >= -300 {
            significand as f64 / 10f64.powi(-exponent as i32)
        } else {
            significand as f64 / 10f64.powi(300) / 10f64.powi((-exponent - 300) as i32)
        };
        if !magnitude.is_finite() {
            return Err("number out of range");
        }
        Ok(Number { value: if negative { -magnitude } else { magnitude }, integer })
    }
}

/// Reading a field's value as a Rust type; the error is the message (the
/// caller adds the path).
pub(crate) trait FromJson: Sized {
    /// `v` as `Self`, or why not.
    fn from_json(v: &Value) -> Result<Self, String>;
}

/// "expected …, found …".
pub(crate) fn expected(what: &str, found: &Value) -> String {
    format!("expected {what}, found {}", found.type_name())
}

impl FromJson for String {
    fn from_json(v: &Value) -> Result<Self, String> {
        match v {
            Value::String(s) => Ok(s.clone()),
            other => Err(expected("a string", other)),
        }
    }
}

impl FromJson for bool {
    fn from_json(v: &Value) -> Result<Self, String> {
        match v {
            Value::Bool(b) => Ok(*b),
            other => Err(expected("a boolean", other)),
        }
    }
}

impl FromJson for f64 {
    fn from_json(v: &Value) -> Result<Self, String> {
        match v {
            Value::Number(n) => Ok(n.value),
            other => Err(expected("a number", other)),
        }
    }
}

/// A whole number from 0 to `max`.
fn whole(v: &Value, max: u32) -> Result<u32, String> {
    match v {
        Value::Number(n) if n.integer && (0.0..=f64::from(max)).contains(&n.value) => Ok(n.value as u32),
        other => Err(format!("expected a whole number from 0 to {max}, found {}", describe(other))),
    }
}

/// A value as an error message shows it: numbers by their kind (no float
/// formatting), strings quoted (up to 40 characters), the rest by type.
fn describe(v: &Value) -> String {
    match v {
        Value::Number(n) if !n.integer => "a fraction".into(),
        Value::Number(n) if n.value < 0.0 => "a negative number".into(),
        Value::Number(_) => "a larger number".into(),
        Value::String(s) => format!("\"{}\"", s.chars().take(40).collect::<String>()),
        other => other.type_name().into(),
    }
}

impl FromJson for u32 {
    fn from_json(v: &Value) -> Result<Self, String> {
        whole(v, u32::MAX)
    }
}

impl FromJson for u8 {
    fn from_json(v: &Value) -> Result<Self, String> {
        whole(v, u8::MAX.into()).map(|n| n as u8)
    }
}

/// `items` joined by `sep`: what `[&str]::join` gives, without its generic
/// copying code (about 1.2 KB of the browser's status module).
pub(crate) fn join(items: &[&str], sep: &str) -> String {
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(item);
    }
    out
}

/// The index of a string in a closed set of names, or an error listing them
/// (one copy for every enum; [`json_names!`] maps the index to the variant).
#[inline(never)]
pub(crate) fn name_index(v: &Value, names: &[&str]) -> Result<usize, String> {
    match v {
        Value::String(s) => names
            .iter()
            .position(|n| n == s)
            .ok_or_else(|| format!("unknown value {}; expected one of: {}", describe(v), join(names, ", "))),
        other => Err(expected("a string", other)),
    }
}

/// An enum value by its index in its [`json_names!`] list (the built-in rule
/// sets compiled by `build/rulesets.rs` for the card module store their enum
/// values so): the value and true, or the first value and false for an index
/// out of range.
#[cfg(any(card_module, test))]
pub(crate) trait FromIndex: Sized {
    fn from_index(i: u8) -> (Self, bool);
}

/// Runs `f` on every item of `items` with its index path (`path[i]`),
/// stopping at the first error: one loop for every list of records (rule
/// rows, rule sets, status entries), each adding only its closure, instead of
/// a `collect::<Result<Vec<_>, _>>()` apiece.
#[inline(never)]
pub(crate) fn each_indexed<E>(
    items: &[Value],
    path: &str,
    f: &mut dyn FnMut(&Value, &str) -> Result<(), E>,
) -> Result<(), E> {
    for (i, v) in items.iter().enumerate() {
        f(v, &format!("{path}[{i}]"))?;
    }
    Ok(())
}

/// Implements [`FromJson`] (and, for the card module's compiled rule sets,
/// `FromIndex`) for an enum of unit variants named by strings.
macro_rules! json_names {
    ($t:ty { $($name:literal => $v:expr),* $(,)? }) => {
        impl $crate::json::read::FromJson for $t {
            fn from_json(v: &$crate::json::read::Value) -> Result<Self, String> {
                let i = $crate::json::read::name_index(v, &[$($name),*])?;
                [$($v),*].get(i).copied().ok_or_else(String::new)
            }
        }
        #[cfg(any(card_module, test))]
        impl $crate::json::read::FromIndex for $t {
            fn from_index(i: u8) -> (Self, bool) {
                let all = [$($v),*];
                match all.get(usize::from(i)) {
                    Some(&v) => (v, true),
                    None => (all[0], false),
                }
            }
        }
    };
}
pub(crate) use json_names;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn join_is_slice_join() {
        for items in [&[][..], &["a"], &["ab", "", "c"], &["名", "字"]] {
            assert_eq!(join(items, ", "), items.join(", "));
            assert_eq!(join(items, "；"), items.join("；"));
        }
    }

    #[test]
    fn values_and_errors() {
        let v = parse(r#" {"a": [1, -2.5e1, "x\u00e9\ud83d\ude00\n", true, null], "a": {}} "#).unwrap();
        assert_eq!(v.get("a"), Some(&Value::Object(vec![])));
        let Value::Object(members) = &v else { panic!() };
        let Value::Array(items) = &members[0].1 else { panic!() };
        assert_eq!(items[0], Value::Number(Number { value: 1.0, integer: true }));
        assert_eq!(items[1], Value::Number(Number { value: -25.0, integer: false }));
        assert_eq!(items[2], Value::String("xé😀\n".into()));
        assert_eq!(parse("0.1").unwrap(), Value::Number(Number { value: 0.1, integer: false }));
        assert_eq!(
            parse("123456789012").unwrap(),
            Value::Number(Number { value: 123456789012.0, integer: true })
        );
        for bad in [
            "",
            "01",
            "1.",
            "-",
            "[1,]",
            "{\"a\" 1}",
            "\"\\ud800\"",
            "\"\\x\"",
            "1e400",
            "[1] x",
            "{1:2}",
            "\"a\nb\"",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
        assert_eq!(parse("[\n  1,\n  x]").unwrap_err(), "expected value at line 3 column 2");
        assert!(parse(&"[".repeat(MAX_DEPTH)).unwrap_err().starts_with("EOF"));
        assert!(parse(&"[".repeat(MAX_DEPTH + 1)).unwrap_err().starts_with("recursion limit"));
        assert_eq!(u32::from_json(&parse("7").unwrap()), Ok(7));
        assert!(u32::from_json(&parse("7.0").unwrap()).is_err());
        assert!(u8::from_json(&parse("256").unwrap()).is_err());
    }

    /// Differential, against serde_json: any JSON text serde_json writes
    /// (compact or pretty) reads back as the same tree here.
    #[cfg(not(target_arch = "wasm32"))]
    mod against_serde_json {
        use super::super::*;
        use proptest::prelude::*;

        fn json() -> impl Strategy<Value = serde_json::Value> {
            use serde_json::Value as J;
            let leaf = prop_oneof![
                Just(J::Null),
                any::<bool>().prop_map(J::Bool),
                any::<i64>().prop_map(J::from),
                any::<u32>().prop_map(J::from),
                (-1e300f64..1e300).prop_map(J::from),
                (-1e6f64..1e6).prop_map(J::from),
                ".*".prop_map(J::String),
            ];
            leaf.prop_recursive(4, 64, 6, |inner| {
                prop_oneof![
                    prop::collection::vec(inner.clone(), 0..6).prop_map(J::Array),
                    prop::collection::vec((".{0,6}", inner), 0..6)
                        .prop_map(|m| J::Object(m.into_iter().collect())),
                ]
            })
        }

        fn same(ours: &Value, theirs: &serde_json::Value) -> bool {
            use serde_json::Value as J;
            match (ours, theirs) {
                (Value::Null, J::Null) => true,
                (Value::Bool(a), J::Bool(b)) => a == b,
                (Value::Number(n), J::Number(m)) => {
                    let f = m.as_f64().unwrap_or(f64::NAN);
                    // (serde_json reads integers past u64 as floats; here they stay integers.)
                    (n.integer == (m.is_i64() || m.is_u64()) || f.abs() >= 1.8e19)
                        && (n.value == f || ((n.value - f) / f).abs() < 1e-14)
                }
                (Value::String(a), J::String(b)) => a == b,
                (Value::Array(a), J::Array(b)) => {
                    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y))
                }
                (Value::Object(a), J::Object(b)) => {
                    a.len() == b.len() && a.iter().all(|(k, v)| b.get(k).is_some_and(|w| same(v, w)))
                }
                _ => false,
            }
        }

        proptest! {
            #[test]
            fn reads_what_serde_json_writes(v in json()) {
                for text in [serde_json::to_string(&v).unwrap(), serde_json::to_string_pretty(&v).unwrap()] {
                    let ours = parse(&text);
                    prop_assert!(ours.as_ref().is_ok_and(|o| same(o, &v)), "{text} -> {ours:?}");
                }
            }

            #[test]
            fn accepts_and_refuses_as_serde_json(text in r#"[\[\]{}:,"0-9.eE+\- a-z\\]{0,24}"#) {
                let theirs = serde_json::from_str::<serde_json::Value>(&text);
                let ours = parse(&text);
                prop_assert_eq!(ours.is_ok(), theirs.is_ok(), "{} -> {:?} / {:?}", text, ours, theirs);
                if let (Ok(o), Ok(t)) = (&ours, &theirs) {
                    prop_assert!(same(o, t));
                }
            }
        }
    }
}

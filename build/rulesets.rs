//! The built-in repair rule sets (`src/repair/rulesets/*.json`, the source of
//! truth with their citations), prepared for the builds that embed them:
//!
//! - `$OUT_DIR/rulesets/<id>.json`: the JSON without the whitespace between
//!   tokens (the same values, about 2.7 KB less), read at first use by the
//!   crate's JSON rule-set reader in every build but the card module. Text
//!   inside strings is copied byte for byte.
//! - `$OUT_DIR/rulesets.rs`: the same tables compiled into compact static
//!   data, which `src/repair/builtin.rs` turns into `RuleSet` values without
//!   any JSON. Only the browser's card module (`cfg(card_module)`, see
//!   build.rs) uses it, so that it carries neither the rule-set reader nor
//!   `RuleSet::validate`; its unit test checks every decoded table against
//!   the JSON path field by field. In the status module, which keeps the
//!   reader for a portal's own rule sets, the decoder measured +870 B gzip
//!   (the JSON structure it replaces compresses to ~0.5 KB), so it is not
//!   used there.
//!
//! Per table the compiled file holds a byte code and a text: every string of
//! the table (ids, citations, notes), in reading order, concatenated into the
//! text, and the code giving their lengths, the enum values as indexes, the
//! dates, periods and flags. The enum values are indexed in the order of the
//! `json_names!` lists of `src/repair/json.rs`, which the runtime decoder
//! maps back (`FromIndex`), so both sides read one list. The format, field by
//! field, is `src/repair/builtin.rs`'s `Reader`.
//!
//! A table that does not fit this format (an unknown key, a bad value) fails
//! the build, naming the file and the field.
//!
//! The browser's status module (`cfg(status_module)`, the card module too)
//! embeds `$OUT_DIR/rulesets-web/<id>.json`, and the card module's compiled
//! data is made from the same copy: the tables without the text of `note`
//! (read only by Rust callers) and with an empty `transitionNote` (the engine
//! asks only whether there is one). Neither text reaches anything those
//! modules return; leaving them out saves about 1.35 KB of gzip.

use serde_json::{Map, Value};
use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

/// The ids of the tables, in the order of `BuiltinRuleSet::ALL` (and `BuiltinRuleSet::json`).
const TABLES: [&str; 6] = ["ndrc-2019", "ndrc-2023", "ndrc-2026", "samr-2021", "samr-2025", "spc-2017"];

const SET_KEYS: [&str; 13] = [
    "id",
    "track",
    "citation",
    "effectiveFrom",
    "effectiveUntil",
    "anchorCitation",
    "anchorConfidence",
    "refusals",
    "procedures",
    "rows",
    "note",
    "transitionNote",
    "reviewedOn",
];
const ROW_KEYS: [&str; 17] = [
    "id",
    "kinds",
    "severities",
    "sectors",
    "measures",
    "spcItems",
    "anchor",
    "earliest",
    "publication",
    "extendToRestrictionEnd",
    "restrictionMustEnd",
    "publishedOptional",
    "maxExtensionYears",
    "conditions",
    "exclusions",
    "citation",
    "confidence",
];

/// The name lists of `json_names!(Type { "name" => …, … })` in `src/repair/json.rs`.
fn enum_names(source: &str) -> HashMap<String, Vec<String>> {
    let mut out = HashMap::new();
    for line in source.lines() {
        let Some(rest) = line.trim().strip_prefix("json_names!(") else { continue };
        let Some((ty, body)) = rest.split_once('{') else { continue };
        let names = body.split("=>").filter_map(|part| part.rsplit('"').nth(1)).map(str::to_string).collect();
        out.insert(ty.trim().to_string(), names);
    }
    out
}

/// A table being encoded.
struct Writer<'a> {
    file: String,
    names: &'a HashMap<String, Vec<String>>,
    code: Vec<u8>,
    text: String,
}

impl Writer<'_> {
    fn fail(&self, what: &str, v: &Value) -> ! {
        panic!("{}: {what}: {v}", self.file)
    }

    /// Unsigned LEB128.
    fn uint(&mut self, mut n: u64) {
        loop {
            let byte = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                self.code.push(byte);
                return;
            }
            self.code.push(byte | 0x80);
        }
    }

    fn number(&mut self, v: &Value, max: u64) -> u64 {
        match v.as_u64() {
            Some(n) if n <= max => n,
            _ => self.fail("expected a whole number", v),
        }
    }

    fn text_of<'v>(&self, v: &'v Value) -> &'v str {
        v.as_str().unwrap_or_else(|| self.fail("expected a string", v))
    }

    /// A string: its byte length, its bytes appended to the text.
    fn string(&mut self, v: &Value) {
        let s = self.text_of(v);
        self.uint(s.len() as u64);
        self.text.push_str(s);
    }

    /// An optional string: 0 for none, else its byte length + 1.
    fn opt_string(&mut self, v: Option<&Value>) {
        match v {
            None | Some(Value::Null) => self.uint(0),
            Some(v) => {
                let s = self.text_of(v);
                self.uint(s.len() as u64 + 1);
                self.text.push_str(s);
            }
        }
    }

    /// An enum value: its index in the type's `json_names!` list.
    fn name(&mut self, ty: &str, v: &Value) {
        let s = self.text_of(v);
        let list = self.names.get(ty).unwrap_or_else(|| panic!("no json_names! list for {ty}"));
        match list.iter().position(|n| n == s) {
            Some(i) => self.code.push(i as u8),
            None => self.fail(&format!("not a {ty}"), v),
        }
    }

    /// An optional enum value: 0 for none, else its index + 1.
    fn opt_name(&mut self, ty: &str, v: Option<&Value>) {
        match v {
            None | Some(Value::Null) => self.code.push(0),
            Some(v) => {
                self.name(ty, v);
                *self.code.last_mut().expect("pushed") += 1;
            }
        }
    }

    /// A list of enum values: its length, then the indexes.
    fn list(&mut self, ty: &str, v: &Value) {
        let items = v.as_array().unwrap_or_else(|| self.fail("expected an array", v));
        self.uint(items.len() as u64);
        for item in items {
            self.name(ty, item);
        }
    }

    /// An optional list: 0 for none, else its length + 1, then the items.
    fn opt_list(&mut self, ty: &str, v: Option<&Value>) {
        match v {
            None | Some(Value::Null) => self.uint(0),
            Some(v) => {
                let items = v.as_array().unwrap_or_else(|| self.fail("expected an array", v));
                self.uint(items.len() as u64 + 1);
                for item in items {
                    if ty == "u8" {
                        let n = self.number(item, 255);
                        self.code.push(n as u8);
                    } else {
                        self.name(ty, item);
                    }
                }
            }
        }
    }

    /// A date `YYYY-MM-DD`: the year, the month, the day.
    fn date(&mut self, v: &Value) {
        let s = self.text_of(v);
        let parts: Vec<u64> = s.split('-').filter_map(|p| p.parse().ok()).collect();
        match parts.as_slice() {
            [y, m, d] if s.len() == 10 && *m <= 12 && *d <= 31 => {
                self.uint(*y);
                self.code.push(*m as u8);
                self.code.push(*d as u8);
            }
            _ => self.fail("expected a date YYYY-MM-DD", v),
        }
    }

    /// An optional date: 0 for none, else 1 and the date.
    fn opt_date(&mut self, v: Option<&Value>) {
        match v {
            None | Some(Value::Null) => self.code.push(0),
            Some(v) => {
                self.code.push(1);
                self.date(v);
            }
        }
    }

    /// A period: years, months, days.
    fn period(&mut self, v: &Value) {
        let o = self.object(v, &["years", "months", "days"]);
        for key in ["years", "months", "days"] {
            let n = o.get(key).map_or(0, |n| self.number(n, u64::from(u32::MAX)));
            self.uint(n);
        }
    }

    fn object<'v>(&self, v: &'v Value, keys: &[&str]) -> &'v Map<String, Value> {
        let o = v.as_object().unwrap_or_else(|| self.fail("expected an object", v));
        if let Some(k) = o.keys().find(|k| !keys.contains(&k.as_str())) {
            self.fail(&format!("unknown key {k}"), v);
        }
        o
    }

    /// The one member of `{"name": value}`, or the string.
    fn variant<'v>(&self, v: &'v Value) -> (&'v str, Option<&'v Value>) {
        match v {
            Value::String(s) => (s, None),
            Value::Object(o) if o.len() == 1 => {
                let (k, x) = o.iter().next().expect("one member");
                (k, Some(x))
            }
            _ => self.fail("expected a string or a one-member object", v),
        }
    }

    /// `Earliest`: 0 at_once, 1 after + period, 2 never, 3 not_needed,
    /// 4 set_by_listing_unit, 5 param + string.
    fn earliest(&mut self, v: &Value) {
        match self.variant(v) {
            ("at_once", None) => self.code.push(0),
            ("after", Some(p)) => {
                self.code.push(1);
                self.period(p);
            }
            ("never", None) => self.code.push(2),
            ("not_needed", None) => self.code.push(3),
            ("set_by_listing_unit", None) => self.code.push(4),
            ("param", Some(name)) => {
                self.code.push(5);
                self.string(name);
            }
            _ => self.fail("not an earliest", v),
        }
    }

    /// `Publication`: 0 not_published, 1 fixed + period, 2 never_by_time,
    /// 3 set_by_listing_unit.
    fn publication(&mut self, v: &Value) {
        match self.variant(v) {
            ("not_published", None) => self.code.push(0),
            ("fixed", Some(p)) => {
                self.code.push(1);
                self.period(p);
            }
            ("never_by_time", None) => self.code.push(2),
            ("set_by_listing_unit", None) => self.code.push(3),
            _ => self.fail("not a publication", v),
        }
    }

    fn items<'v>(&self, v: Option<&'v Value>) -> &'v [Value] {
        match v {
            None | Some(Value::Null) => &[],
            Some(Value::Array(items)) => items,
            Some(v) => self.fail("expected an array", v),
        }
    }

    fn req<'v>(&self, o: &'v Map<String, Value>, key: &str) -> &'v Value {
        o.get(key).unwrap_or_else(|| panic!("{}: missing {key}", self.file))
    }

    fn flag(&self, o: &Map<String, Value>, key: &str) -> u8 {
        match o.get(key) {
            None | Some(Value::Null) | Some(Value::Bool(false)) => 0,
            Some(Value::Bool(true)) => 1,
            Some(v) => self.fail("expected a boolean", v),
        }
    }

    fn row(&mut self, v: &Value) {
        let o = self.object(v, &ROW_KEYS);
        self.string(self.req(o, "id"));
        self.list("RecordKind", self.req(o, "kinds"));
        self.opt_list("Severity", o.get("severities"));
        self.opt_list("Sector", o.get("sectors"));
        self.opt_list("Measure", o.get("measures"));
        self.opt_list("u8", o.get("spcItems"));
        self.name("Anchor", self.req(o, "anchor"));
        self.earliest(self.req(o, "earliest"));
        self.publication(self.req(o, "publication"));
        let flags = self.flag(o, "extendToRestrictionEnd")
            | self.flag(o, "restrictionMustEnd") << 1
            | self.flag(o, "publishedOptional") << 2;
        self.code.push(flags);
        match o.get("maxExtensionYears") {
            None | Some(Value::Null) => self.uint(0),
            Some(n) => {
                let n = self.number(n, u64::from(u32::MAX) - 1);
                self.uint(n + 1);
            }
        }
        let empty = Value::Array(Vec::new());
        self.list("Condition", o.get("conditions").filter(|v| !v.is_null()).unwrap_or(&empty));
        self.list("Exclusion", o.get("exclusions").filter(|v| !v.is_null()).unwrap_or(&empty));
        self.string(self.req(o, "citation"));
        self.name("Confidence", self.req(o, "confidence"));
    }

    fn set(&mut self, v: &Value) {
        let o = self.object(v, &SET_KEYS);
        self.string(self.req(o, "id"));
        self.name("Track", self.req(o, "track"));
        self.string(self.req(o, "citation"));
        self.date(self.req(o, "effectiveFrom"));
        self.opt_date(o.get("effectiveUntil"));
        self.opt_string(o.get("anchorCitation"));
        self.opt_name("Confidence", o.get("anchorConfidence"));
        let refusals = self.items(o.get("refusals"));
        self.uint(refusals.len() as u64);
        for r in refusals {
            let r = self.object(r, &["id", "ground", "citation", "confidence"]);
            self.string(self.req(r, "id"));
            self.name("RefusalGround", self.req(r, "ground"));
            self.string(self.req(r, "citation"));
            self.name("Confidence", self.req(r, "confidence"));
        }
        let procedures = self.items(o.get("procedures"));
        self.uint(procedures.len() as u64);
        for p in procedures {
            let p = self.object(p, &["id", "step", "from", "workingDays", "citation", "confidence"]);
            self.string(self.req(p, "id"));
            self.name("ProcedureStep", self.req(p, "step"));
            self.name("ProcedureStart", self.req(p, "from"));
            let n = self.number(self.req(p, "workingDays"), u64::from(u32::MAX));
            self.uint(n);
            self.string(self.req(p, "citation"));
            self.name("Confidence", self.req(p, "confidence"));
        }
        let rows = self.items(Some(self.req(o, "rows")));
        self.uint(rows.len() as u64);
        for r in rows {
            self.row(r);
        }
        self.opt_string(o.get("note"));
        self.opt_string(o.get("transitionNote"));
        self.opt_date(o.get("reviewedOn"));
    }
}

/// JSON text without insignificant whitespace (outside strings).
fn minify(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let mut in_string = false;
    let mut escaped = false;
    for c in json.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !matches!(c, ' ' | '\t' | '\n' | '\r') {
            out.push(c);
        }
    }
    out
}

/// The byte range of the top-level member `"key":"…"` of minified `json`
/// (its leading comma included), and the range of its string value's text.
/// Only the top level can have these keys (a row, refusal or procedure
/// allows neither), and a `"` inside a string is always escaped, so the first
/// unescaped `"key":"` is the member.
fn member(json: &str, key: &str) -> Option<(std::ops::Range<usize>, std::ops::Range<usize>)> {
    let pattern = format!(",\"{key}\":\"");
    let start = json.find(&pattern)?;
    let text_start = start + pattern.len();
    let bytes = json.as_bytes();
    let mut i = text_start;
    while bytes[i] != b'"' {
        i += if bytes[i] == b'\\' { 2 } else { 1 };
    }
    Some((start..i + 1, text_start..i))
}

/// The table without `note` and with `transitionNote` emptied (see the module docs).
fn without_notes(json: &str) -> String {
    let mut out = json.to_string();
    if let Some((whole, _)) = member(&out, "note") {
        out.replace_range(whole, "");
    }
    if let Some((_, text)) = member(&out, "transitionNote") {
        out.replace_range(text, "");
    }
    assert!(!out.contains("\"note\":"), "a rule set's note is not a top-level member after the first");
    out
}

/// Writes `$OUT_DIR/rulesets/<id>.json` for every built-in table, the
/// browser modules' copy in `$OUT_DIR/rulesets-web/<id>.json`, and
/// `$OUT_DIR/rulesets.rs`: `TABLES`, one `(code, text)` per built-in table.
pub fn generate() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR");
    let out_dir = std::env::var("OUT_DIR").expect("OUT_DIR");
    let json_dir = Path::new(&out_dir).join("rulesets");
    std::fs::create_dir_all(&json_dir).expect("create $OUT_DIR/rulesets");
    let web = Path::new(&out_dir).join("rulesets-web");
    std::fs::create_dir_all(&web).expect("create $OUT_DIR/rulesets-web");
    let names_file = Path::new(&manifest).join("src/repair/json.rs");
    println!("cargo:rerun-if-changed={}", names_file.display());
    let names = enum_names(&std::fs::read_to_string(&names_file).expect("read src/repair/json.rs"));
    let mut out = String::from(
        "// Generated by build/rulesets.rs from src/repair/rulesets/*.json: one (code, text) per built-in table.\n\
         pub(super) const TABLES: [(&[u8], &str); 6] = [\n",
    );
    for id in TABLES {
        let src = Path::new(&manifest).join("src/repair/rulesets").join(format!("{id}.json"));
        println!("cargo:rerun-if-changed={}", src.display());
        let text = std::fs::read_to_string(&src).expect("read a built-in rule set");
        let min = minify(&text);
        let web_text = without_notes(&min);
        std::fs::write(web.join(format!("{id}.json")), &web_text).expect("write a rule set");
        std::fs::write(json_dir.join(format!("{id}.json")), min).expect("write a rule set");
        // The card module's data: the browser copy (no note texts), compiled.
        let value: Value =
            serde_json::from_str(&web_text).unwrap_or_else(|e| panic!("{}: {e}", src.display()));
        let mut w =
            Writer { file: src.display().to_string(), names: &names, code: Vec::new(), text: String::new() };
        w.set(&value);
        writeln!(out, "    (&{:?}, {:?}),", w.code, w.text).expect("write to a String");
    }
    out.push_str("];\n");
    std::fs::write(Path::new(&out_dir).join("rulesets.rs"), out).expect("write $OUT_DIR/rulesets.rs");
}

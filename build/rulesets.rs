//! Writes the built-in repair rule sets (`src/repair/rulesets/*.json`) to
//! `$OUT_DIR/rulesets/` without the whitespace between tokens: the same JSON
//! values, about 2.7 KB less in every build that embeds them (the browser's
//! status module included). Text inside strings is copied byte for byte.
//!
//! A second copy, `$OUT_DIR/rulesets-web/`, is what the browser's status
//! module embeds (`cfg(status_module)`): the same tables without the text of
//! `note` (read only by Rust callers) and with an empty `transitionNote`
//! (the engine asks only whether there is one). Neither text reaches anything
//! the module returns; leaving them out saves about 1.35 KB of gzip.
//!
//! Compiling the tables into Rust data instead was measured and left out:
//! their structure (keys, enum names, numbers) is 565 bytes of gzip, less
//! than the code that would build the same `RuleSet` values, and a portal's
//! own rule sets still need the parser.

use std::path::Path;

/// The ids of the tables, as in `BuiltinRuleSet::json`.
const TABLES: [&str; 6] = ["ndrc-2019", "ndrc-2023", "ndrc-2026", "samr-2021", "samr-2025", "spc-2017"];

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

/// Writes `$OUT_DIR/rulesets/<id>.json` for every built-in table, and the
/// status module's copy in `$OUT_DIR/rulesets-web/<id>.json`.
pub fn generate() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR");
    let out_dir = std::env::var("OUT_DIR").expect("OUT_DIR");
    let out = Path::new(&out_dir).join("rulesets");
    std::fs::create_dir_all(&out).expect("create $OUT_DIR/rulesets");
    let web = Path::new(&out_dir).join("rulesets-web");
    std::fs::create_dir_all(&web).expect("create $OUT_DIR/rulesets-web");
    for id in TABLES {
        let src = Path::new(&manifest).join("src/repair/rulesets").join(format!("{id}.json"));
        println!("cargo:rerun-if-changed={}", src.display());
        let text = std::fs::read_to_string(&src).expect("read a built-in rule set");
        let min = minify(&text);
        std::fs::write(web.join(format!("{id}.json")), without_notes(&min)).expect("write a rule set");
        std::fs::write(out.join(format!("{id}.json")), min).expect("write a rule set");
    }
}

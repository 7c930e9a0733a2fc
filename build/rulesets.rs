//! Writes the built-in repair rule sets (`src/repair/rulesets/*.json`) to
//! `$OUT_DIR/rulesets/` without the whitespace between tokens: the same JSON
//! values, about 2.7 KB less in every build that embeds them (the browser's
//! status module included). Text inside strings is copied byte for byte.
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

/// Writes `$OUT_DIR/rulesets/<id>.json` for every built-in table.
pub fn generate() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR");
    let out_dir = std::env::var("OUT_DIR").expect("OUT_DIR");
    let out = Path::new(&out_dir).join("rulesets");
    std::fs::create_dir_all(&out).expect("create $OUT_DIR/rulesets");
    for id in TABLES {
        let src = Path::new(&manifest).join("src/repair/rulesets").join(format!("{id}.json"));
        println!("cargo:rerun-if-changed={}", src.display());
        let text = std::fs::read_to_string(&src).expect("read a built-in rule set");
        std::fs::write(out.join(format!("{id}.json")), minify(&text)).expect("write a rule set");
    }
}

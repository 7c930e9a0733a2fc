//! Writes `$OUT_DIR/holidays.tsv`, what the crate embeds as the built-in
//! working-day calendar: `data/holidays.tsv` without its comment lines (the
//! header that names the sources and the format) and with every holiday's
//! name (`01-22/7 春节`) written `-` (`01-22/7 -`). The parser skips comments
//! and reads no name (it only checks there is one), so the calendar is the
//! same; the header and the names are about 0.4 and 0.5 KB of gzip in every
//! wasm build.

use std::path::Path;

/// Writes `$OUT_DIR/holidays.tsv`.
pub fn generate() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR");
    let out_dir = std::env::var("OUT_DIR").expect("OUT_DIR");
    let src = Path::new(&manifest).join("data/holidays.tsv");
    println!("cargo:rerun-if-changed={}", src.display());
    let text = std::fs::read_to_string(&src).expect("read data/holidays.tsv");
    let mut out = String::with_capacity(text.len());
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let mut cols: Vec<String> = line.split('\t').map(str::to_string).collect();
        if let Some(off) = cols.get_mut(1) {
            let items: Vec<String> = off
                .split("; ")
                .map(|item| match item.split_once(' ') {
                    Some((span, _name)) => format!("{span} -"),
                    None => item.to_string(),
                })
                .collect();
            *off = items.join("; ");
        }
        out.push_str(&cols.join("\t"));
        out.push('\n');
    }
    std::fs::write(Path::new(&out_dir).join("holidays.tsv"), out).expect("write holidays.tsv");
}

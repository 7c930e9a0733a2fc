//! Writes `$OUT_DIR/holidays.tsv`: `data/holidays.tsv` without its comment
//! lines (the header that names the sources and the format), which is what
//! the crate embeds as the built-in working-day calendar. The parser skips
//! comments anyway; the header is about 0.4 KB of gzip in every wasm build.

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
        out.push_str(line);
        out.push('\n');
    }
    std::fs::write(Path::new(&out_dir).join("holidays.tsv"), out).expect("write holidays.tsv");
}

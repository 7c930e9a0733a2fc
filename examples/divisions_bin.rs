//! Writes the division table blob (`divisions.bin`, see `build/divisions.rs`)
//! that this build compiled in, for the browser's identifier module, which
//! installs it at run time (`installDivisions`):
//!
//! ```sh
//! cargo run --release --example divisions_bin -- pkg/web/divisions.bin
//! ```

fn main() {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: divisions_bin OUT_PATH");
        std::process::exit(2);
    };
    let blob = xinyong::divisions::embedded_blob().expect("built with the `divisions` feature");
    if let Err(e) = std::fs::write(&path, blob) {
        eprintln!("divisions_bin: cannot write {}: {e}", path.to_string_lossy());
        std::process::exit(1);
    }
}

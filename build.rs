//! Build script: generates the compact division table (see `build/divisions.rs`).

#[path = "build/divisions.rs"]
mod divisions;

fn main() {
    divisions::generate();
}

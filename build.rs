//! Build script: generates the compact division table (see `build/divisions.rs`),
//! the built-in repair rule sets, without whitespace and compiled into static
//! data for the card module (`build/rulesets.rs`), and the working-day table
//! without its comment header (`build/holidays.rs`).

#[path = "build/divisions.rs"]
mod divisions;
#[path = "build/holidays.rs"]
mod holidays;
#[path = "build/rulesets.rs"]
mod rulesets;

fn main() {
    divisions::generate();
    rulesets::generate();
    holidays::generate();
    simd_kernel();
    wasm_module();
}

/// `cfg(status_module)`: `XINYONG_WASM_MODULE=status` builds the browser's
/// status module, which leaves out the identifier exports (`validate` & co.,
/// the fast paths, the code input): the page has them from the identifier
/// module already. `cfg(records_module)`: `XINYONG_WASM_MODULE=records` builds
/// the records page's module (`validateRecord`, `validateRecordsFile`), which
/// leaves them out too. `cfg(card_module)`: `XINYONG_WASM_MODULE=card` builds
/// the status card's module, the status module cut down to what
/// `<xinyong-credit-status>` calls (`resolveStatus`, `rulesInfo`,
/// `addHolidayYears`), with the built-in rule sets compiled into static data
/// (`build/rulesets.rs`, `src/repair/builtin.rs`) instead of read as JSON; it
/// sets `status_module` too. Any other value, or none, builds every export.
fn wasm_module() {
    println!("cargo::rustc-check-cfg=cfg(status_module)");
    println!("cargo::rustc-check-cfg=cfg(records_module)");
    println!("cargo::rustc-check-cfg=cfg(card_module)");
    println!("cargo::rerun-if-env-changed=XINYONG_WASM_MODULE");
    let module = std::env::var_os("XINYONG_WASM_MODULE");
    if module.as_ref().is_some_and(|v| v == "status" || v == "card") {
        println!("cargo::rustc-cfg=status_module");
    }
    if module.as_ref().is_some_and(|v| v == "card") {
        println!("cargo::rustc-cfg=card_module");
    }
    if module.as_ref().is_some_and(|v| v == "records") {
        println!("cargo::rustc-cfg=records_module");
    }
}

/// `cfg(simd_kernel)`: the target always has 128-bit SIMD, so `src/simd.rs`
/// checks codes 16 characters at a time. The same condition selects the
/// `wide` dependency in Cargo.toml.
fn simd_kernel() {
    println!("cargo::rustc-check-cfg=cfg(simd_kernel)");
    // XINYONG_SCALAR_KERNEL=1 keeps the scalar kernel (to compare them).
    println!("cargo::rerun-if-env-changed=XINYONG_SCALAR_KERNEL");
    if std::env::var_os("XINYONG_SCALAR_KERNEL").is_some_and(|v| v == "1") {
        return;
    }
    let arch = std::env::var("CARGO_CFG_TARGET_ARCH").unwrap_or_default();
    let features = std::env::var("CARGO_CFG_TARGET_FEATURE").unwrap_or_default();
    let has = |f: &str| features.split(',').any(|x| x == f);
    let simd = match arch.as_str() {
        "x86_64" => has("sse2"),
        "aarch64" => has("neon"),
        "wasm32" => has("simd128"),
        _ => false,
    };
    if simd {
        println!("cargo::rustc-cfg=simd_kernel");
    }
}

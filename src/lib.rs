//! # xinyong (信用): Chinese public-credit checks
//!
//! Validates the identifiers every public-credit record is indexed by — the
//! 18-character Unified Social Credit Code (统一社会信用代码, GB 32100-2015),
//! the 9-character organization code (GB 11714) and the legacy 15-digit
//! business registration number — with normalization of what people paste,
//! every error with its position and a message in zh-Hans, zh-Hant and en,
//! diagnoses of real-world damage (spreadsheet truncation, resident ID
//! numbers, pilot-era codes) and ranked typo suggestions. With the
//! `resident-id` feature (default), also the resident identity number
//! (GB 11643) in the same result shape, with masking for display
//! (module `resident_id`).
//!
//! Module `table` reads the files such codes come in: CSV/TSV in UTF-8,
//! GBK/GB18030 or UTF-16, and `.xlsx` workbooks, with limits against
//! hostile files (an `.xls` gets "save as .xlsx or CSV").
//!
//! The core is pure Rust: no clock, no JavaScript. The `wasm` module (built
//! only for `wasm32`) is the thin boundary the npm package is made from.
//!
//! ```
//! use xinyong::{uscc, ErrorKind};
//!
//! assert!(uscc::is_valid("91350100M000100Y43"));
//!
//! let r = uscc::validate("９１３５０１００Ｍ０００１００Ｙ４Ａ");
//! assert!(!r.valid);
//! assert_eq!(r.normalized, "91350100M000100Y4A");
//! assert_eq!(r.errors[0].kind, ErrorKind::CheckChar);
//! assert_eq!(r.errors[0].message.en, "position 18: check character should be 3, found A");
//! assert!(r.suggestions.iter().any(|s| s.code == "91350100M000100Y43"));
//!
//! // A letter O typed for a zero: the look-alike correction ranks first.
//! let r = uscc::validate("91350100MO00100Y43");
//! assert_eq!(r.suggestions[0].code, "91350100M000100Y43");
//! ```

//!
//! ## Panic policy
//!
//! A panic inside WebAssembly is a trap that leaves the module unusable for
//! the whole page, so the library code does not panic on any input: bad
//! input is a typed error (`IdError`, `RepairError`, `WorkdayError`) or an
//! invalid result. The crate holds itself to this with Clippy lints that deny
//! `unwrap`, `expect`, indexing and slicing (of slices and of strings),
//! `panic!`, `unreachable!`, `todo!` and `unimplemented!` in non-test library
//! code (`cargo clippy` fails on any); code uses `get`, pattern matching and
//! `Option`/`Result` instead. Exempt: tests, the build script (build time only)
//! and the native command-line tool. Fuzz targets (`fuzz/`, cargo-fuzz) check
//! the rest — arithmetic overflow included — with the results' invariants.

#![warn(missing_docs)]
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::string_slice,
        clippy::panic,
        clippy::unreachable,
        clippy::todo,
        clippy::unimplemented
    )
)]
// `IdError` carries its message in three languages (~150 bytes). Errors are
// the cold path of check-character and generate calls, and a plain struct is
// easier to match and serialize than a box.
#![allow(clippy::result_large_err)]

#[cfg(any(feature = "repair", feature = "status"))]
mod civil_date;
pub mod divisions;
pub mod error;
pub mod i18n;
pub mod json;
pub mod normalize;
#[cfg(any(feature = "repair", feature = "workdays"))]
mod once;
pub mod orgcode;
#[cfg(feature = "records")]
pub mod records;
pub mod regno;
#[cfg(feature = "repair")]
pub mod repair;
#[cfg(feature = "resident-id")]
pub mod resident_id;
pub mod result;
#[cfg(simd_kernel)]
mod simd;
#[cfg(feature = "status")]
pub mod status;
pub mod suggest;
pub mod table;
mod tables;
pub mod uscc;
#[cfg(feature = "workdays")]
pub mod workdays;

// The status module (`XINYONG_WASM_MODULE=status`, see build.rs) leaves the
// identifier exports out, and with them their helpers.
#[cfg(target_arch = "wasm32")]
#[cfg_attr(any(status_module, records_module), allow(dead_code, unused_imports))]
pub mod wasm;

/// The browser modules' allocator (feature `small-alloc`): Talc, about
/// 2.5 KB gzip smaller than the default dlmalloc. The module is
/// single-threaded (no `atomics`).
#[cfg(all(feature = "small-alloc", target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

pub use error::{ErrorKind, IdError};
pub use i18n::{Lang, Text};
pub use result::{
    Diagnosis, DiagnosisKind, EditKind, EditReason, IdKind, Named, Parts, Suggestion, ValidateOptions,
    Validation, Warning, WarningKind,
};

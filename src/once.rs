//! Process-wide values computed on first use (the built-in rule sets and
//! working-day calendar), without `std::sync::OnceLock` where there is only
//! one thread: in wasm32 without atomics, `OnceLock` brings the `Once` state
//! machine and its panic paths (poisoning, recursive initialization) into the
//! browser modules; a const thread-local cell holding a leaked reference does
//! the same job there with neither.

/// Defines `fn $name() -> &'static $t`, which evaluates `$init` on its first
/// call and returns the same value ever after.
macro_rules! lazy_ref {
    ($(#[$attr:meta])* $vis:vis fn $name:ident() -> &'static $t:ty { $init:expr }) => {
        $(#[$attr])*
        #[cfg(not(all(target_arch = "wasm32", not(target_feature = "atomics"))))]
        $vis fn $name() -> &'static $t {
            static CELL: std::sync::OnceLock<$t> = std::sync::OnceLock::new();
            CELL.get_or_init(|| $init)
        }
        $(#[$attr])*
        #[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
        $vis fn $name() -> &'static $t {
            thread_local! {
                static CELL: std::cell::Cell<Option<&'static $t>> = const { std::cell::Cell::new(None) };
            }
            if let Ok(Some(value)) = CELL.try_with(std::cell::Cell::get) {
                return value;
            }
            let value: &'static $t = Box::leak(Box::new($init));
            let _ = CELL.try_with(|cell| cell.set(Some(value)));
            value
        }
    };
}
pub(crate) use lazy_ref;

#!/usr/bin/env bash
# Every test: formatting, lints (native and wasm32), Rust tests, the wasm tests
# under Node and in headless Chromium, and the Node tests against the built
# package (including Playwright in Debian's Chromium).
set -euo pipefail
export XINYONG_NEED_CHROMIUM=1
export XINYONG_NEED_FUZZ=1
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"

step() { printf '\n=== %s (at %d s)\n' "$*" "$SECONDS"; }

step "cargo fmt --check"
cargo fmt --all -- --check
step "cargo clippy (native, all targets, all features)"
cargo clippy --all-targets --all-features -- -D warnings
step "cargo clippy (wasm32 library)"
cargo clippy --lib --target wasm32-unknown-unknown -- -D warnings
step "cargo clippy (wasm32: the browser's status and card modules, cfg(status_module) / cfg(card_module))"
for module in status card; do
  XINYONG_WASM_MODULE=$module cargo clippy --lib --target wasm32-unknown-unknown --no-default-features \
    --features repair,workdays,status,small-alloc -- -D warnings
done
step "cargo test"
cargo test
step "fuzz smoke run: each target ${XINYONG_FUZZ_SECONDS:=2} s (cargo-fuzz, dev build)"
# A few seconds per target on the seeds from tests/vectors: catches a target
# that no longer builds or an invariant broken by a change. Long runs: README.
node fuzz/seed.mjs
mkdir -p fuzz/artifacts
fuzz_start=$SECONDS
RUSTC_BOOTSTRAP=1 cargo fuzz build --dev -s none
for target in $(cargo fuzz list); do
  mkdir -p "fuzz/artifacts/$target"
  fuzz/target/x86_64-unknown-linux-gnu/debug/"$target" -artifact_prefix="fuzz/artifacts/$target/" \
    -max_total_time="$XINYONG_FUZZ_SECONDS" -max_len=4096 -print_final_stats=1 "fuzz/corpus/$target" 2>&1 \
    | grep -E '^stat::number_of_executed_units|panicked|ERROR|SUMMARY' | sed "s/^/  $target: /"
  [ "${PIPESTATUS[0]}" = 0 ] || { echo "fuzz target $target failed: see fuzz/artifacts/$target" >&2; exit 1; }
done
echo "  fuzz smoke step: $((SECONDS - fuzz_start)) s"
step "cargo test --no-default-features (no division table, no repair)"
cargo test --no-default-features --lib --test vectors --test properties --test cli
step "cargo test: the division table installed at run time, whole and by province (divisions-runtime, no table compiled in)"
cargo test --no-default-features --features divisions-runtime --test divisions_install --test divisions_shards
step "cargo clippy --no-default-features"
cargo clippy --all-targets --no-default-features -- -D warnings
step "TypeScript declarations are current"
cargo test --features ts --test ts_types
step "build pkg/"
bash scripts/build.sh
step "size check (wasm and JS glue budgets)"
node scripts/size-check.mjs
step "wasm tests under Node"
wasm-pack --log-level warn test --node --test vectors --test wasm_api --test repair_vectors --test repair_api --test workdays_calendar --test workdays_cross_check --test workdays_extra_years --test status_vectors --test records_vectors
step "wasm tests in headless Chromium"
WASM_BINDGEN_USE_BROWSER=1 wasm-pack --log-level warn test --headless --chrome --test vectors --test wasm_api --test repair_vectors --test repair_api --test workdays_calendar --test workdays_cross_check --test workdays_extra_years --test status_vectors --test records_vectors
step "cargo build --release --bin xinyong (tests/node/cli-parity.test.mjs compares it with the Node CLI)"
cargo build --release --bin xinyong
step "node --test (package and browser)"
node --test tests/node/
step "consumer matrix: fixture apps installing the npm pack tarball (tests/consumers)"
node tests/consumers/run.mjs

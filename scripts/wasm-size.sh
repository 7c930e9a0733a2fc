#!/usr/bin/env bash
# Builds one browser module the way scripts/size-check.mjs does (cargo release
# profile, wasm-bindgen --target web, wasm-opt with Cargo.toml's flags) and
# prints raw and gzip -9 sizes of the wasm and its JS glue.
# Usage: scripts/wasm-size.sh OUT_DIR [cargo feature args...]
# Env: CARGO_PROFILE_RELEASE_OPT_LEVEL (e.g. z) is passed through to cargo.
set -euo pipefail
out=$1; shift
mkdir -p "$out"
PATH="$PWD/node_modules/.bin:$PATH"
cargo build --quiet --release --lib --target wasm32-unknown-unknown "$@"
wasm-bindgen --target web --out-dir "$out" target/wasm32-unknown-unknown/release/xinyong.wasm
flags=$(node -e 'const t=require("fs").readFileSync("Cargo.toml","utf8");console.log(JSON.parse(t.match(/^wasm-opt = (\[.*\])$/m)[1]).join(" "))')
# shellcheck disable=SC2086
wasm-opt $flags "$out/xinyong_bg.wasm" -o "$out/xinyong_bg.wasm"
for f in "$out/xinyong_bg.wasm" "$out/xinyong.js"; do
  printf '%s raw %d gzip9 %d\n' "$f" "$(stat -c %s "$f")" "$(gzip -9 -c "$f" | wc -c)"
done

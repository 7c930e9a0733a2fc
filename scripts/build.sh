#!/usr/bin/env bash
# Builds the npm package in pkg/: the web target (ESM, browsers and bundlers)
# and the nodejs target (CommonJS), plus one package.json with an exports map.
#
# The nodejs build is compiled with wasm SIMD (`+simd128`: every Node the
# package supports has it), which selects the 16-lane check kernel
# (src/simd.rs); browsers get the scalar kernel, since older browsers lack
# wasm SIMD. Its own target directory keeps the two builds' caches apart.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
rm -rf pkg
# Browsers: the identifier module (validate & co., the code input) and the
# status module (status card, repair, working days), each loaded when needed.
# The identifier module takes the division table at run time (divisions.bin,
# fetched when first needed); the status module has no division code (the
# status card asks the identifier module for region names). Both use the
# smaller allocator (feature small-alloc).
# opt-level "z" for both: smaller, and the browser's per-keystroke work stays
# far under a millisecond (the Node build below keeps "s" and the SIMD kernel).
# The status module (XINYONG_WASM_MODULE=status, see build.rs) leaves out the
# identifier API and the division lookup, which a page has from the first module.
CARGO_PROFILE_RELEASE_OPT_LEVEL=z \
  wasm-pack --log-level warn build --release --no-pack --target web --out-dir pkg/web --out-name xinyong \
  -- --no-default-features --features divisions-runtime,small-alloc
XINYONG_WASM_MODULE=status CARGO_PROFILE_RELEASE_OPT_LEVEL=z \
  wasm-pack --log-level warn build --release --no-pack --target web --out-dir pkg/web-status --out-name xinyong \
  -- --no-default-features --features repair,workdays,status,small-alloc
# The status card's module (XINYONG_WASM_MODULE=card, see build.rs): the
# status module cut down to what <xinyong-credit-status> calls (resolveStatus,
# rulesInfo, addHolidayYears), with the built-in rule sets compiled into
# static data, so it has no JSON rule-set reader or validator (a card never
# reads a custom rule set). npm/loader.mjs's loadCard() loads it for the card;
# loadStatus() keeps the full status module for the API.
XINYONG_WASM_MODULE=card CARGO_PROFILE_RELEASE_OPT_LEVEL=z \
  wasm-pack --log-level warn build --release --no-pack --target web --out-dir pkg/web-card --out-name xinyong \
  -- --no-default-features --features repair,workdays,status,small-alloc
# The records page's module (XINYONG_WASM_MODULE=records): validateRecord and
# validateRecordsFile (CSV/TSV/XLSX read in Rust), with the working days the
# publication deadline needs; no identifier API (validate & co.) of its own.
XINYONG_WASM_MODULE=records CARGO_PROFILE_RELEASE_OPT_LEVEL=z \
  wasm-pack --log-level warn build --release --no-pack --target web --out-dir pkg/web-records --out-name xinyong \
  -- --no-default-features --features records,repair,divisions-runtime,small-alloc
# The division table blob, as build.rs wrote it for these builds (the same bytes in every build),
# and the blob of each province (divisions/NN.bin), fetched for one code's region.
blob="$(ls -t target/wasm32-unknown-unknown/release/build/xinyong-*/out/divisions.bin | head -1)"
cp "$blob" pkg/web/divisions.bin
mkdir -p pkg/web/divisions
cp "$(dirname "$blob")"/divisions/*.bin pkg/web/divisions/
CARGO_TARGET_DIR="$PWD/target/simd128" RUSTFLAGS="-C target-feature=+simd128" \
  wasm-pack --log-level warn build --release --no-pack --no-opt --target nodejs --out-dir pkg/node --out-name xinyong
# The wasm-opt flags of Cargo.toml (wasm-pack's), plus SIMD.
read -ra opt_flags < <(sed -n 's/^wasm-opt = \[\(.*\)\]$/\1/p' Cargo.toml | tr -d '",')
wasm-opt "${opt_flags[@]}" --enable-simd pkg/node/xinyong_bg.wasm -o pkg/node/xinyong_bg.wasm
node scripts/assemble-pkg.mjs
# Let this workspace's own scripts and tests import the package by its name
# ('xinyong'), through its exports map, as a user's project would.
ln -sfn ../pkg node_modules/xinyong

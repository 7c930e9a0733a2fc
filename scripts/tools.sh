#!/usr/bin/env bash
# Installs what the build and the tests need, skipping whatever is present.
# Sourced by build.sh, start.sh and test.sh; safe to run again and again.
#   XINYONG_NEED_CHROMIUM=1  also install Debian's chromium + chromedriver
#   XINYONG_NEED_FUZZ=1      also install cargo-fuzz (for the fuzz smoke run)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# npm's wasm-opt (binaryen 132) must come before Debian's wasm-opt 108, which
# breaks wasm-bindgen 0.2.13x output (see docs/internals.md, "Toolchain").
export PATH="$root/node_modules/.bin:$HOME/.cargo/bin:$PATH"

say() { printf '[tools] %s\n' "$*" >&2; }

# npm packages (binaryen's wasm-opt, playwright-core, sirv), exactly as locked.
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -f node_modules/.package-lock.json ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "npm ci"
  npm ci --no-audit --no-fund >&2
fi

# Rust: the wasm32 target, rustfmt and clippy.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown >&2
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    rustup component add "$component" >&2
  fi
done

# wasm-bindgen-cli must equal the wasm-bindgen crate in Cargo.lock exactly, or
# wasm-pack tries to download one. No --locked: its lockfile pins a crate the
# registry mirror lacks.
wb_version="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wb_version" ]; then
  say "cargo install wasm-bindgen-cli $wb_version"
  cargo install wasm-bindgen-cli --version "$wb_version" --force >&2
fi
if ! wasm-pack --version 2>/dev/null | grep -q '0\.15\.1'; then
  say "cargo install wasm-pack 0.15.1"
  cargo install wasm-pack --version 0.15.1 --locked --force >&2
fi

# Debian's Chromium and ChromeDriver for the browser tests (never a downloaded browser).
if [ "${XINYONG_NEED_CHROMIUM:-0}" = 1 ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "apt-get install chromium chromium-driver"
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium chromium-driver >&2
  fi
  # A CJK font, so that the demo screenshot shows Chinese text, not boxes.
  if ! fc-list 2>/dev/null | grep -qi 'Noto Sans CJK'; then
    say "apt-get install fonts-noto-cjk"
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends fonts-noto-cjk >&2
  fi
fi

# cargo-fuzz for the fuzz targets in fuzz/. It builds with stable rustc; the
# targets need nightly flags, which RUSTC_BOOTSTRAP=1 allows when they run
# (see scripts/test.sh).
if [ "${XINYONG_NEED_FUZZ:-0}" = 1 ] && ! cargo fuzz --version >/dev/null 2>&1; then
  say "cargo install cargo-fuzz"
  cargo install cargo-fuzz --locked >&2
fi

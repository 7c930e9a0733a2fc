#!/usr/bin/env bash
# Builds the npm package in pkg/: the web target (ESM, browsers and bundlers)
# and the nodejs target (CommonJS), plus one package.json with an exports map.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
rm -rf pkg
for target in web nodejs; do
  dir=$([ "$target" = nodejs ] && echo node || echo web)
  wasm-pack --log-level warn build --release --no-pack --target "$target" --out-dir "pkg/$dir" --out-name xinyong
done
node scripts/assemble-pkg.mjs
# Let this workspace's own scripts and tests import the package by its name
# ('xinyong'), through its exports map, as a user's project would.
ln -sfn ../pkg node_modules/xinyong

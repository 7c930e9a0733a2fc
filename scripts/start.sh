#!/usr/bin/env bash
# The main job: build pkg/ and serve the demo page on http://127.0.0.1:8080.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
bash scripts/build.sh
exec node scripts/serve.mjs "${PORT:-8080}"

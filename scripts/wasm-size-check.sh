#!/usr/bin/env bash
# Fails when the wasm, gzipped as `make wasm` measures it, is over the budget in
# scripts/wasm-size-budget.
#
#   bash scripts/wasm-size-check.sh [FILE.wasm]   (default: pkg/tidyread_bg.wasm)
set -euo pipefail
cd "$(dirname "$0")/.."
wasm=${1:-pkg/tidyread_bg.wasm}
budget=$(grep -v '^#' scripts/wasm-size-budget | tr -d '[:space:]')
if ! [[ $budget =~ ^[0-9]+$ ]]; then
  echo "wasm-size: scripts/wasm-size-budget holds no byte count" >&2
  exit 1
fi
if [ ! -f "$wasm" ]; then
  echo "wasm-size: $wasm is missing: run \`make wasm\` first" >&2
  exit 1
fi
gz=$(gzip -9 -c "$wasm" | wc -c)
kb() { awk -v b="$1" 'BEGIN { printf "%.1f KB", b / 1024 }'; }
if [ "$gz" -gt "$budget" ]; then
  echo "wasm-size: $wasm is $gz bytes gzipped ($(kb "$gz")), over the budget of $budget ($(kb "$budget")) in scripts/wasm-size-budget" >&2
  exit 1
fi
echo "wasm-size: $gz bytes gzipped ($(kb "$gz")), budget $budget ($(kb "$budget"))"

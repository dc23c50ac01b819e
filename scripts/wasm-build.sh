#!/usr/bin/env bash
# Builds the wasm package into pkg/: cargo (wasm32) → wasm-bindgen (no-modules glue, loaded by the
# content script before its own code) → wasm-opt when binaryen is installed.
set -euo pipefail
cd "$(dirname "$0")/.."
out=pkg
target_dir=target
profile=wasm

if rustup target list --installed 2>/dev/null | grep -q wasm32-unknown-unknown; then
  cargo build --lib --profile "$profile" --target wasm32-unknown-unknown
else
  # Debian's route: rustc-web builds std for wasm32 from rust-web-src, lld links.
  # /usr/bin/cargo is called by path: the rustup proxy comes first on PATH.
  RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=/usr/lib/llvm-19/bin/wasm-ld \
    /usr/bin/cargo build --lib --profile "$profile" --target wasm32-unknown-unknown \
    -Zbuild-std=std,panic_abort
fi

wasm="$target_dir/wasm32-unknown-unknown/$profile/tidyread.wasm"
rm -rf "$out" && mkdir -p "$out"
"${CARGO_HOME:-$HOME/.cargo}/bin/wasm-bindgen" "$wasm" --out-dir "$out" --target no-modules \
  --no-typescript --remove-name-section --remove-producers-section
if [ -x node_modules/.bin/wasm-opt ]; then
  node_modules/.bin/wasm-opt -Oz --enable-reference-types --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals "$out/tidyread_bg.wasm" -o "$out/tidyread_bg.wasm"
fi
raw=$(stat -c %s "$out/tidyread_bg.wasm")
gz=$(gzip -9 -c "$out/tidyread_bg.wasm" | wc -c)
echo "wasm: $raw bytes raw, $gz bytes gzipped"

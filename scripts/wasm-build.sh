#!/usr/bin/env bash
# Builds the wasm package into pkg/: cargo (wasm32) → wasm-bindgen (ES module glue, which
# extension/core.js imports and scripts/bundle.mjs bundles into each entry point) → wasm-opt -Oz
# (npm binaryen).
#
# Two toolchains can build it; the first found is used (TIDYREAD_WASM_TOOLCHAIN=debian|rustup
# chooses):
#   debian  Debian's rustc-web + rust-web-src + lld-19: std is rebuilt for wasm32 with this crate's
#           size profile (-Zbuild-std): 8% smaller raw, 6% gzipped, than rustup's prebuilt std
#           (266 vs 290 KB, same source). Needs no rustup target download.
#   rustup  a rustup toolchain with the wasm32-unknown-unknown target and its prebuilt std.
set -euo pipefail
cd "$(dirname "$0")/.."
# TIDYREAD_WASM_OUT and CARGO_TARGET_DIR let a second build (an A/B bench) sit beside pkg/.
out=${TIDYREAD_WASM_OUT:-pkg}
target_dir=${CARGO_TARGET_DIR:-target}
profile=wasm
start=$(date +%s)

debian_ready() { [ -x /usr/bin/rustc ] && [ -d /usr/lib/rustlib/src/rust ] && [ -x /usr/lib/llvm-19/bin/wasm-ld ]; }
rustup_ready() { rustup target list --installed 2>/dev/null | grep -x wasm32-unknown-unknown >/dev/null; }

toolchain=${TIDYREAD_WASM_TOOLCHAIN:-}
if [ -z "$toolchain" ]; then
  if debian_ready; then toolchain=debian
  elif rustup_ready; then toolchain=rustup
  else
    echo "wasm-build: no wasm32 toolchain: run scripts/setup.sh (or rustup target add wasm32-unknown-unknown)" >&2
    exit 1
  fi
fi

case "$toolchain" in
  debian)
    # /usr/bin/cargo is called by path: the rustup proxy comes first on PATH. RUSTC_BOOTSTRAP
    # allows -Zbuild-std on this stable compiler.
    # -Zlocation-detail=none and -Zfmt-debug=none drop panic locations and Debug formatting
    # from the binary (6% gzipped). -Cpanic=immediate-abort makes a panic trap at once, without
    # the panic machinery and its message formatting (4% gzipped): the caller gets a
    # `RuntimeError: unreachable` instead of the panic hook's message. std's optimize_for_size
    # picks its smaller algorithms (sorts; 2% gzipped, no slower per page in bench/ab.mjs).
    RUSTFLAGS="${RUSTFLAGS:-} -Zlocation-detail=none -Zfmt-debug=none -Zunstable-options -Cpanic=immediate-abort" \
    RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 \
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=/usr/lib/llvm-19/bin/wasm-ld \
      /usr/bin/cargo build --lib --profile "$profile" --target wasm32-unknown-unknown \
      -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size
    ;;
  rustup)
    cargo build --lib --profile "$profile" --target wasm32-unknown-unknown
    ;;
  *)
    echo "wasm-build: unknown TIDYREAD_WASM_TOOLCHAIN=$toolchain (debian or rustup)" >&2
    exit 1
    ;;
esac

wasm="$target_dir/wasm32-unknown-unknown/$profile/tidyread.wasm"
rm -rf "$out" && mkdir -p "$out"
"${CARGO_HOME:-$HOME/.cargo}/bin/wasm-bindgen" "$wasm" --out-dir "$out" --target web \
  --no-typescript --remove-name-section --remove-producers-section
# Only npm's binaryen: Debian's binaryen 108 miscompiles wasm-bindgen 0.2.130 output.
if [ -x node_modules/.bin/wasm-opt ]; then
  node_modules/.bin/wasm-opt -Oz --enable-reference-types --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-multivalue "$out/tidyread_bg.wasm" -o "$out/tidyread_bg.wasm"
else
  echo "wasm-build: node_modules/.bin/wasm-opt missing (npm ci): pkg/ is not size-optimised" >&2
fi
raw=$(stat -c %s "$out/tidyread_bg.wasm")
gz=$(gzip -9 -c "$out/tidyread_bg.wasm" | wc -c)
echo "wasm: $raw bytes raw, $gz bytes gzipped ($toolchain toolchain, $(( $(date +%s) - start )) s)"

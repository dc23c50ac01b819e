#!/usr/bin/env bash
# Installs what building and testing tidyread needs, and only what is missing, so it is safe to run
# again. Works on a bare Debian 12 machine (no rustup wasm32 target: Debian's rustc-web builds std
# for wasm32) and on an ordinary machine where `rustup target add wasm32-unknown-unknown` works.
set -euo pipefail
cd "$(dirname "$0")/.."

# The wasm-bindgen CLI must equal the crate version pinned with `=` in Cargo.toml.
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = { version = "=\([0-9.]*\)".*/\1/p' Cargo.toml)
[ -n "$WASM_BINDGEN_VERSION" ] || { echo "setup: cannot read the wasm-bindgen pin from Cargo.toml" >&2; exit 1; }

have() { command -v "$1" >/dev/null 2>&1; }
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"

apt_missing=()
need_apt() { dpkg -s "$1" >/dev/null 2>&1 || apt_missing+=("$1"); }

if have rustup && rustup target list --installed 2>/dev/null | grep -q wasm32-unknown-unknown; then
  echo "setup: rustup has wasm32-unknown-unknown"
elif have rustup && rustup target add wasm32-unknown-unknown >/dev/null 2>&1; then
  echo "setup: added the rustup wasm32-unknown-unknown target"
elif have apt-get; then
  # Debian's wasm route: rustc-web + its std sources, linked by lld (see scripts/wasm-build.sh).
  for p in rustc-web cargo-web rust-web-src lld-19; do need_apt "$p"; done
fi
if have apt-get; then
  for p in chromium firefox-esr zip; do need_apt "$p"; done
fi
if [ ${#apt_missing[@]} -gt 0 ]; then
  echo "setup: apt-get install ${apt_missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${apt_missing[@]}" >/dev/null
fi

cargo_bin="${CARGO_HOME:-$HOME/.cargo}/bin"
if ! "$cargo_bin/wasm-bindgen" --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION\$"; then
  echo "setup: cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # No --locked: the registry mirror here lacks a few of the newest transitive crates.
  cargo install -q wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi
if ! have geckodriver && [ ! -x "$cargo_bin/geckodriver" ]; then
  echo "setup: cargo install geckodriver"
  cargo install -q geckodriver
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
echo "setup: ok"

#!/usr/bin/env bash
# Installs what building and testing tidyread needs, and only what is missing, so it is safe to run
# again. Works on a bare Debian 12 machine (no rustup wasm32 target: Debian's rustc-web builds std
# for wasm32) and, without apt-get, where `rustup target add wasm32-unknown-unknown` works.
set -euo pipefail
cd "$(dirname "$0")/.."

# The wasm-bindgen CLI must equal the crate version pinned with `=` in Cargo.toml.
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = { version = "=\([0-9.]*\)".*/\1/p' Cargo.toml)
[ -n "$WASM_BINDGEN_VERSION" ] || { echo "setup: cannot read the wasm-bindgen pin from Cargo.toml" >&2; exit 1; }

# geckodriver drives Firefox ESR in the e2e tests; the npm package of that name downloads a
# binary at install, which cannot work here.
GECKODRIVER_VERSION=0.37.1

have() { command -v "$1" >/dev/null 2>&1; }
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"

apt_missing=()
need_apt() { dpkg -s "$1" >/dev/null 2>&1 || apt_missing+=("$1"); }

# A wasm32 toolchain. On Debian, its rustc-web with the std sources, linked by lld: no rustup target
# is needed (a machine without network cannot fetch one), and std is rebuilt small (see
# scripts/wasm-build.sh). Elsewhere, rustup's wasm32 target.
if have apt-get; then
  for p in rustc-web cargo-web rust-web-src lld-19; do need_apt "$p"; done
elif have rustup && rustup target list --installed 2>/dev/null | grep -x wasm32-unknown-unknown >/dev/null; then
  echo "setup: rustup has wasm32-unknown-unknown"
elif have rustup; then
  echo "setup: rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
else
  echo "setup: no way to get a wasm32 toolchain (neither apt-get nor rustup)" >&2
  exit 1
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
  echo "setup: cargo install geckodriver $GECKODRIVER_VERSION"
  cargo install -q geckodriver --version "$GECKODRIVER_VERSION"
fi

# Node.js comes with the machine (20 here); Debian 12's own nodejs (18) is too old for the tools.
node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 20 ]; then
  echo "setup: Node.js 20 or newer is needed (found: $(node --version 2>/dev/null || echo none))" >&2
  exit 1
fi
# npm ci on a fresh clone, and again whenever package-lock.json is newer than the install.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi

geckodriver_bin=$(command -v geckodriver || echo "$cargo_bin/geckodriver")
echo "setup: ok: node $(node --version), wasm-bindgen $("$cargo_bin/wasm-bindgen" --version | cut -d' ' -f2)," \
  "$("$geckodriver_bin" --version 2>/dev/null | sed -n 1p), $(/usr/bin/chromium --version 2>/dev/null | cut -d' ' -f1-2)," \
  "$(/usr/bin/firefox-esr --version 2>/dev/null)"

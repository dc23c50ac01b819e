#!/usr/bin/env bash
# Checks that the release packages are reproducible: `make release` twice in this clone (the second
# time after removing pkg/ and dist/), then once from the source archive unpacked in a fresh
# directory, with its own target directory (a cold build: std too, several minutes) and its own
# `npm ci`, as a reviewer would. All three sets of SHA256SUMS must be the same. The tree must be
# clean: the source archive is the last commit.
set -euo pipefail
cd "$(dirname "$0")/.."

sums() { cat dist/release/SHA256SUMS; }

echo "release-check: first build"
make --no-print-directory release
first=$(sums)

echo "release-check: second build, after removing pkg/ and dist/"
rm -rf pkg dist
make --no-print-directory release
second=$(sums)

fresh=$(mktemp -d "${TMPDIR:-/tmp}/tidyread-release-check.XXXXXX")
archive=$(ls dist/release/tidyread-*-source.tar.gz)
tar -xzf "$archive" -C "$fresh"
source_dir=$(echo "$fresh"/tidyread-*)
echo "release-check: third build, from $(basename "$archive") unpacked in $source_dir"
(
  cd "$source_dir"
  unset CARGO_TARGET_DIR TIDYREAD_WASM_OUT
  npm ci --no-audit --no-fund --loglevel=error
  make --no-print-directory release
)
third=$(cat "$source_dir/dist/release/SHA256SUMS")

echo "release-check: SHA256SUMS"
echo "$first"
if [ "$first" = "$second" ] && [ "$first" = "$third" ]; then
  echo "release-check: the same bytes from both builds here and from the unpacked source archive"
  rm -rf "$fresh"
else
  echo "release-check: the builds differ (the third is kept in $source_dir)" >&2
  diff <(echo "$first") <(echo "$second") >&2 || true
  diff <(echo "$first") <(echo "$third") >&2 || true
  exit 1
fi

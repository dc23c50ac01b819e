# One entry point per job.
#   make         set up the machine, build the CLI, the wasm and both browsers' extensions
#   make test    every test: cargo test, the wasm build, web-ext lint, the browser e2e suites
#   make dist    dist/chrome, dist/firefox and their zips (builds the wasm first)
#   make wasm    pkg/tidyread.js + pkg/tidyread_bg.wasm
#   make e2e     the browser suites only (Chromium, then Firefox), on a fresh dist/
SHELL := /bin/bash
.DEFAULT_GOAL := all
.PHONY: all setup native wasm dist lint test test-native e2e

NODE_TEST := node --test --test-concurrency=1 --test-timeout=180000

all: setup native dist

setup:
	bash scripts/setup.sh

native:
	cargo build --release

wasm:
	bash scripts/wasm-build.sh

dist: wasm
	node scripts/build-extension.mjs

# Fails on lint errors; warnings are printed.
lint: dist
	node_modules/.bin/web-ext lint --source-dir dist/firefox --no-config-discovery

test: test-native lint e2e

test-native:
	cargo test

e2e: dist
	$(NODE_TEST) tests/e2e/chromium.test.mjs tests/e2e/firefox.test.mjs

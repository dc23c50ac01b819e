# One entry point per job.
#   make         set up the machine, build the CLI, the wasm and both browsers' extensions
#   make test    every test: cargo test, the wasm build, web-ext lint, the browser e2e suites
#   make dist    dist/chrome, dist/firefox and their zips (builds the wasm first)
#   make wasm    pkg/tidyread.js + pkg/tidyread_bg.wasm
#   make e2e     the browser suites only (Chromium, then Firefox), on a fresh dist/
#   make eval    extraction quality over the Readability corpus: a line per page and a summary
#                (EVAL_ARGS="--page NAME" for one page's missed and extra text, "--sort f1", "--json F")
#   make bench   native timings per page: parse, extract, analyze, and dom_smoothie for comparison
#                (BENCH_ARGS="--write" also writes bench/native-results.json)
SHELL := /bin/bash
.DEFAULT_GOAL := all
.PHONY: all setup native wasm dist lint test test-native e2e eval bench

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

# The eval profile is release with panics unwinding, so the eval can count them.
eval:
	cargo run --profile eval --example eval -- $(EVAL_ARGS)

bench:
	cargo bench --bench native -- $(BENCH_ARGS)

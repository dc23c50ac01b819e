# One entry point per job.
#   make         set up the machine, build the CLI, the wasm and both browsers' extensions
#   make test    every test: the JavaScript linters, cargo test, the unit tests, the wasm build,
#                web-ext lint, the browser e2e suites
#   make lint    web-ext lint of dist/firefox, after lint-js (ESLint and Prettier's check)
#   make dist    dist/chrome, dist/firefox and their zips, and dist/e2e/ (the same with the e2e
#                suites' test hooks; builds the wasm first)
#   make wasm    pkg/tidyread.js + pkg/tidyread_bg.wasm
#   make wasm-size  fails when the wasm, gzipped, is over scripts/wasm-size-budget (part of make test)
#   make release dist/release/: the Chrome and Firefox zips and the source archive for the stores,
#                reproducibly, from a clean tree (docs/release.md)
#   make release-check  builds the release twice here and once from its source archive in a fresh
#                directory (a cold wasm build: minutes) and fails unless all give the same bytes
#   make e2e     the browser suites only: every tests/e2e/*.test.mjs (FEATURE.BROWSER.test.mjs),
#                on a fresh dist/ and dist/www/
#   make eval    extraction quality over the Readability corpus (a line per page and a summary)
#                and the WCXB dev split (per page type; docs/quality.md) (EVAL_ARGS="--page NAME|ID"
#                for one page's missed and extra text, "--only wcxb", "--list", "--sort f1", "--json F")
#   make audit   the reader view's pictures and players over the Readability corpus: lead picture
#                shown twice, players without a card, captions without their picture, sizes lost,
#                spacers (AUDIT_ARGS="--wcxb ../shared/corpus/wcxb-dev" for WCXB, "--all" per page)
#   make www     the playground: dist/www/ from www/ (bundled with the extension's modules) and pkg/
#   make serve   serves dist/www/ on 127.0.0.1 (prints the URL)
#   make bench   both benchmarks below; neither is part of `make test`
#   make bench-native   native timings per page: parse, extract, analyze, and dom_smoothie for
#                comparison; writes bench/native-results.json and its part of docs/benchmarks.md
#                (BENCH_ARGS adds flags, e.g. a page filter)
#   make bench-browser  in headless Chromium over the corpus: tidyread vs Readability.js vs a bare
#                DOM walk, cold start, wasm size and memory, and a 200,000-node page with a live
#                ticker in Chromium with the extension; writes bench/results.json and its part
#                of docs/benchmarks.md (BENCH_BROWSER_ARGS="--pages 20" or "--filter wiki" for a
#                shorter run)
SHELL := /bin/bash
.DEFAULT_GOAL := all
.PHONY: all setup native wasm wasm-size dist release release-check www serve lint lint-js test test-native test-unit e2e eval audit bench bench-native bench-browser

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

release: dist
	node scripts/release.mjs

release-check:
	bash scripts/release-check.sh

www: wasm
	node scripts/build-www.mjs

serve: www
	node scripts/static-server.mjs dist/www

# The built Firefox extension as addons.mozilla.org checks it: a warning fails too.
lint: lint-js dist
	node_modules/.bin/web-ext lint --source-dir dist/firefox --no-config-discovery --warnings-as-errors

# The project's own JavaScript: ESLint (eslint.config.js) with no warning, and Prettier's format.
JS_FILES := 'extension/**/*.js' 'www/**/*.js' 'scripts/**/*.mjs' 'tests/e2e/**/*.{js,mjs}' \
	'tests/unit/**/*.mjs' 'bench/**/*.mjs' eslint.config.js
lint-js:
	node_modules/.bin/eslint --max-warnings 0 $(JS_FILES)
	node_modules/.bin/prettier --check $(JS_FILES)

test: lint-js test-native test-unit wasm-size lint e2e

test-native:
	cargo test

# The wasm loads on every page: over its budget (scripts/wasm-size-budget), the tests fail.
wasm-size: wasm
	bash scripts/wasm-size-check.sh

# The extension's pure JavaScript (settings lookup, normalisation), without a browser.
test-unit:
	$(NODE_TEST) tests/unit/

# Every suite, found by name so that a new one cannot be left out, in a fixed (sorted) order and
# one at a time (--test-concurrency=1): two browsers at once on a 2-core machine make each other's
# waits flaky.
E2E_SUITES := $(sort $(wildcard tests/e2e/*.test.mjs))

e2e: dist www
	$(NODE_TEST) $(E2E_SUITES)

# The eval profile is release with panics unwinding, so the eval can count them.
eval:
	cargo run --profile eval --example eval -- $(EVAL_ARGS)

audit:
	cargo run --profile eval --example audit -- $(AUDIT_ARGS)

# One after the other, also under make -j: two benchmarks must not share the cores.
bench:
	$(MAKE) bench-native
	$(MAKE) bench-browser

bench-native:
	cargo bench --bench native -- --write $(BENCH_ARGS)

# Reads bench/native-results.json when it is there, to put the native figure beside the wasm's;
# loads dist/e2e/chrome for the live page.
bench-browser: dist
	node bench/browser.mjs $(BENCH_BROWSER_ARGS)

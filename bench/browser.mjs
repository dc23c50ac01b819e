#!/usr/bin/env node
// The in-browser benchmark (this file runs it; bench/browser/ holds its parts): tidyread against Mozilla's Readability.js 0.6.0 and a bare DOM walk,
// on every corpus page, in the same headless Chromium, on the same loaded page, in the same run.
//
//   node bench/browser.mjs                 every page; writes bench/results.json and its part of
//                                          docs/benchmarks.md
//   node bench/browser.mjs --pages 20      the first 20 pages (by name); --filter wiki: names with "wiki"
//   node bench/browser.mjs --no-write      print only
//   node bench/browser.mjs --skip cold,corpus,growth,synthetic,live   leave parts out (implies --no-write)
//   node bench/browser.mjs --profile NAME  also a CPU profile of tidyread and Readability on page NAME
//                                          (bench/out/, with a wasm build that keeps function names)
//   node bench/browser.mjs --live-before DIR   the live page also with an older e2e Chrome build
//                                          (DIR: that commit's dist/e2e/chrome), in the same run,
//                                          for the report's "before" column
//
// Env: TIDYREAD_CORPUS (default ../shared/corpus/readability), CHROMIUM (default /usr/bin/chromium),
// BENCH_TARGET_MS (time each method gets per page, default 100), BENCH_BATCH_MS (default 5),
// BENCH_JS_FLAGS (more V8 flags, for experiments: e.g. "--no-liftoff").
//
// How a page is loaded, and why. A reader extension reads the live document of a page that the
// browser has loaded, styled and laid out; Firefox's reader view runs Readability on
// `document.cloneNode(true)` of that document. So each corpus page is *navigated to* from a
// 127.0.0.1 server, not parsed with DOMParser: the document has a browsing context, style and
// layout, and removing nodes from it invalidates style as it does on a real page. The page's own
// scripts must not run (they would fetch, mutate and differ from run to run), so it is served with
// `Content-Security-Policy: script-src 'wasm-unsafe-eval'`: no script of the page runs (no source
// is allowed; inline handlers and javascript: URLs are blocked), and only the compilation of wasm
// is allowed. The bench's own code (the wasm glue, snapshot.js, Readability.js, the harness)
// arrives as a Playwright init script and page.evaluate, which the page's CSP does not govern;
// the wasm is compiled and instantiated at document start, before any <meta> CSP of the page (a
// few corpus pages carry one) could forbid it: that is the one part where the bench's setup is
// kinder than Chromium is to a content script on such a page, where the extension falls back to
// the background (see docs/architecture.md). Pages are also served cross-origin isolated (COOP + COEP), which
// gives performance.now() 5 µs resolution instead of 100 µs; everything cross-origin fails to load
// anyway, since every host but 127.0.0.1 resolves to nothing.
//
// What is timed on each page (all four in the same document, interleaved round by round):
//   tidyread_extract  TidyreadSnapshot.take(document) + wasm analyze as the reader view calls it
//                     (decode, readerable check, extraction, the declutter classification
//                     the article leaves its clutter out by, sanitised output, result to JS;
//                     `removals: false`: the removals are not sent to JS)
//   tidyread_full     the same with the removals sent (every part of the analysis)
//                     + applying the removals to the live DOM with the content script's own
//                     code (extension/removals.js: each block hidden, never moved);
//                     the restore that puts the page back for the next iteration (the same
//                     module's putBack) is timed apart (restore_ms), not included. What content.js
//                     does besides (skip nodes the user put back, lift a scroll lock with
//                     getComputedStyle when a modal goes, watch later mutations) is not.
//   readability       new Readability(document.cloneNode(true)).parse(), as Firefox does
//   walk              a TreeWalker over every node (SHOW_ALL): the floor for any pass over the DOM
// A sample is a batch of iterations lasting >= BENCH_BATCH_MS (one iteration when it is slower),
// divided by its size; each method gets rounds until it has had ~BENCH_TARGET_MS (9 to 21 rounds);
// the page's figure is the median of its samples. No GC is forced between samples: the garbage a
// method makes is part of its cost.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { addInitScripts, LAUNCH, measureOne, openPage, profilePage } from './browser/chromium.mjs';
import {
  BATCH_MS,
  COLD_TRIALS,
  CORPUS,
  GROWTH_RUNS,
  MAX_ROUNDS,
  MIN_ROUNDS,
  OUT,
  PKG,
  READABILITY_DIR,
  ROOT,
  SYNTHETIC_NODES,
  TARGET_MS,
  median,
} from './browser/config.mjs';
import { coldStart, memoryGrowth } from './browser/in-page.mjs';
import { livePage, livePageFigures } from './browser/live-page.mjs';
import { corpusPages, startBenchServer, syntheticPage } from './browser/pages.mjs';
import { markdown, summarise } from './browser/report.mjs';
import { writeSection } from './report-section.mjs';

// ---- arguments ----

const args = process.argv.slice(2);
const opt = { pages: Infinity, filter: null, write: true, profile: null, liveBefore: null, skip: new Set() };
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--pages') opt.pages = Number(args[++i]);
  else if (a === '--filter') opt.filter = args[++i];
  else if (a === '--no-write') opt.write = false;
  else if (a === '--profile') opt.profile = args[++i];
  else if (a === '--live-before') opt.liveBefore = args[++i];
  else if (a === '--skip') for (const part of args[++i].split(',')) opt.skip.add(part);
  else {
    console.error(`bench: unknown argument ${a}`);
    process.exit(2);
  }
}

if (opt.liveBefore && !existsSync(join(opt.liveBefore, 'manifest.json'))) {
  console.error(`bench: ${opt.liveBefore} holds no extension (manifest.json): give a dist/e2e/chrome`);
  process.exit(2);
}
for (const f of [join(PKG, 'tidyread.js'), join(PKG, 'tidyread_bg.wasm')]) {
  if (!existsSync(f)) {
    console.error(`bench: ${f} is missing: run \`make wasm\``);
    process.exit(1);
  }
}
if (!existsSync(join(READABILITY_DIR, 'Readability.js'))) {
  console.error('bench: @mozilla/readability is missing: run `npm ci`');
  process.exit(1);
}
const readabilityVersion = JSON.parse(readFileSync(join(READABILITY_DIR, 'package.json'), 'utf8')).version;

async function main() {
  const started = Date.now();
  const loadAtStart = loadavg();
  mkdirSync(OUT, { recursive: true });
  const names = corpusPages(opt);
  const synthetic = syntheticPage(SYNTHETIC_NODES);
  const server = await startBenchServer(synthetic, livePage(SYNTHETIC_NODES));
  const browser = await chromium.launch(LAUNCH);
  const version = browser.version();
  console.log(`bench: Chromium ${version}, ${names.length} pages from ${CORPUS}, Readability.js ${readabilityVersion}`);
  console.log(
    `bench: ${cpus().length} cores, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} at the start`,
  );

  const config = {
    targetMs: TARGET_MS,
    batchMs: BATCH_MS,
    minRounds: MIN_ROUNDS,
    maxRounds: MAX_ROUNDS,
    warmupRuns: 5,
    warmupMs: 30,
  };
  // Each page in its own browser context, hence its own renderer process: its first runs are
  // as cold as on a page the user has just opened (V8 shares compiled wasm within a process).
  const newBenchContext = async () => {
    const ctx = await browser.newContext();
    await addInitScripts(ctx, { instantiate: true });
    return ctx;
  };

  // Cold start first: each trial in its own context, the wasm compiled by the probe itself.
  const cold = [];
  for (let i = 0; i < (opt.skip.has('cold') ? 0 : COLD_TRIALS); i++) {
    const ctx = await browser.newContext();
    await addInitScripts(ctx, { instantiate: false });
    const { page } = await openPage(ctx, `${server.origin}/seed`);
    cold.push(await page.evaluate(coldStart));
    await ctx.close();
  }
  if (cold.length)
    console.log(
      `cold start (seed page): median ${median(cold.map((c) => c.cold_start_ms)).toFixed(1)} ms ` +
        `(compile ${median(cold.map((c) => c.compile_ms)).toFixed(1)}, instantiate ${median(cold.map((c) => c.instantiate_ms)).toFixed(1)}, ` +
        `warm-up ${median(cold.map((c) => c.warm_up_ms)).toFixed(1)}, ` +
        `first snapshot ${median(cold.map((c) => c.first_snapshot_ms)).toFixed(1)}, first analyze ${median(cold.map((c) => c.first_analyze_ms)).toFixed(1)}, ` +
        `second snapshot + analyze ${median(cold.map((c) => c.second_extract_ms)).toFixed(1)})`,
    );

  const perPage = [];
  console.log(
    `${'page'.padEnd(34)} ${'nodes'.padStart(6)}  ${'extract'.padStart(8)} ${'full'.padStart(8)} ` +
      `${'readab.'.padStart(8)} ${'walk'.padStart(7)}  ratio   first runs: extract readab.`,
  );
  for (const name of opt.skip.has('corpus') ? [] : names) {
    const ctx = await newBenchContext();
    try {
      const r = await measureOne(ctx, `${server.origin}/page/${name}`, config);
      perPage.push({ page: name, bytes: statSync(join(CORPUS, name, 'source.html')).size, ...r });
      const ms = r.ms;
      const num = (x, d, w) => (x ?? NaN).toFixed(d).padStart(w);
      console.log(
        `${name.slice(0, 34).padEnd(34)} ${String(r.nodes).padStart(6)}  ${num(ms.tidyread_extract, 2, 8)} ` +
          `${num(ms.tidyread_full, 2, 8)} ${num(ms.readability, 2, 8)} ${num(ms.walk, 3, 7)}  ` +
          `${num(ms.tidyread_extract / ms.readability, 2, 5)}   ${num(r.first_ms.tidyread_extract, 2, 8)} ${num(r.first_ms.readability, 2, 7)}` +
          `${r.restored ? '' : '  (not restored!)'}`,
      );
    } catch (error) {
      console.log(`${name.padEnd(34)} failed: ${String(error.message).split('\n')[0]}`);
      perPage.push({ page: name, error: String(error.message).split('\n')[0] });
    } finally {
      await ctx.close();
    }
  }

  // Memory across repeated runs on one page: the corpus's largest, and the synthetic page.
  const ok = perPage.filter((p) => !p.error);
  const largest = ok.reduce((a, b) => (b.nodes > (a?.nodes ?? -1) ? b : a), null);
  const growth = {};
  if (largest && !opt.skip.has('growth')) {
    const ctx = await newBenchContext();
    const { page } = await openPage(ctx, `${server.origin}/page/${largest.page}`);
    growth[largest.page] = await page.evaluate(memoryGrowth, GROWTH_RUNS);
    await ctx.close();
  }

  // The synthetic page: a few rounds of everything, then memory across runs.
  let syntheticResult = { error: 'skipped' };
  if (!opt.skip.has('synthetic')) {
    const ctx = await newBenchContext();
    try {
      syntheticResult = await measureOne(
        ctx,
        `${server.origin}/synthetic`,
        { targetMs: 0, batchMs: 0, minRounds: 5, maxRounds: 5, warmupRuns: 1, warmupMs: 0 },
        (page) =>
          opt.skip.has('growth')
            ? null
            : page.evaluate(memoryGrowth, [1, 5, 10]).then((points) => {
                growth.synthetic = points;
              }),
      );
    } catch (error) {
      syntheticResult = { error: String(error.message).split('\n')[0] };
    }
    await ctx.close();
  }
  console.log(
    `synthetic page: ${syntheticResult.nodes} nodes, ${JSON.stringify(syntheticResult.ms ?? syntheticResult)}`,
  );
  if (syntheticResult.spread) console.log(`  min and max samples: ${JSON.stringify(syntheticResult.spread)}`);

  // The synthetic page with a live ticker, in Chromium with the extension and without it (and
  // with an older build of it, when asked).
  let live = { error: 'skipped' };
  if (!opt.skip.has('live')) {
    try {
      live = await livePageFigures(`${server.origin}/live`, { before: opt.liveBefore });
    } catch (error) {
      live = { error: String(error.message).split('\n')[0] };
    }
  }
  console.log(`live page: ${JSON.stringify(live)}`);

  let profile = null;
  if (opt.profile) {
    profile = await profilePage(browser, server.origin, opt.profile);
    for (const [method, summary] of Object.entries(profile.summaries)) {
      console.log(
        `\nprofile of ${method} on ${opt.profile} (${summary.total_ms} ms sampled; self time by kind: ${JSON.stringify(summary.self_pct_by_kind)}):`,
      );
      for (const { fn, self_pct } of summary.top.slice(0, 20)) console.log(`  ${String(self_pct).padStart(5)}%  ${fn}`);
    }
  }

  await browser.close();
  await server.close();

  const results = summarise({
    version,
    readabilityVersion,
    perPage,
    cold,
    growth,
    syntheticResult,
    live,
    profile,
    started,
    loadAtStart,
  });
  const md = markdown(results);
  console.log(`\n${md}`);
  if (opt.write && opt.skip.size === 0) {
    writeFileSync(join(ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    writeSection(join(ROOT, 'docs', 'benchmarks.md'), 'bench-browser', md);
    console.log('wrote bench/results.json and its part of docs/benchmarks.md');
  }
}

await main();

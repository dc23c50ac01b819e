#!/usr/bin/env node
// The in-browser benchmark: tidyread against Mozilla's Readability.js 0.6.0 and a bare DOM walk,
// on every corpus page, in the same headless Chromium, on the same loaded page, in the same run.
//
//   node bench/browser.mjs                 every page; writes bench/results.json and its part of
//                                          docs/benchmarks.md
//   node bench/browser.mjs --pages 20      the first 20 pages (by name); --filter wiki: names with "wiki"
//   node bench/browser.mjs --no-write      print only
//   node bench/browser.mjs --skip cold,corpus,growth,synthetic   leave parts out (implies --no-write)
//   node bench/browser.mjs --profile NAME  also a CPU profile of tidyread and Readability on page NAME
//                                          (bench/out/, with a wasm build that keeps function names)
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
//                     (decode, readerable check, extraction, sanitised output, result to JS;
//                     `removals: false`: no declutter classification)
//   tidyread_full     the same with the declutter classification (every part of the analysis)
//                     + applying the removals to the live DOM as extension/content.js
//                     does (each node swapped for a placeholder comment); the restore that puts the
//                     page back for the next iteration is timed apart (restore_ms), not included.
//                     content.js does not export its apply/restore, so the swap is copied here;
//                     what content.js does besides (skip nodes the user put back, lift a scroll
//                     lock with getComputedStyle when a modal goes, watch later mutations) is not.
//   readability       new Readability(document.cloneNode(true)).parse(), as Firefox does
//   walk              a TreeWalker over every node (SHOW_ALL): the floor for any pass over the DOM
// A sample is a batch of iterations lasting >= BENCH_BATCH_MS (one iteration when it is slower),
// divided by its size; each method gets rounds until it has had ~BENCH_TARGET_MS (9 to 21 rounds);
// the page's figure is the median of its samples. No GC is forced between samples: the garbage a
// method makes is part of its cost.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { writeSection } from './report-section.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = resolve(ROOT, process.env.TIDYREAD_CORPUS ?? '../shared/corpus/readability');
const PKG = join(ROOT, 'pkg');
const OUT = join(ROOT, 'bench', 'out');
const SEED = join(ROOT, 'tests', 'fixtures', 'seed-townhall', 'page.html');
const READABILITY_DIR = join(ROOT, 'node_modules', '@mozilla', 'readability');
const TARGET_MS = Number(process.env.BENCH_TARGET_MS ?? 100);
const BATCH_MS = Number(process.env.BENCH_BATCH_MS ?? 5);
const MIN_ROUNDS = 9;
const MAX_ROUNDS = 21;
const COLD_TRIALS = 9;
const GROWTH_RUNS = [1, 10, 50, 100, 200, 400];
const SYNTHETIC_NODES = 200_000;
const PAGE_CSP = "script-src 'wasm-unsafe-eval'";
const TARGETS = {
  extract_vs_readability: 0.25,
  full_vs_walk: 6,
  wasm_gzip_bytes: 120 * 1024,
  cold_start_ms: 25,
  memory_bytes: 4 * 1024 * 1024,
};

// ---- arguments ----

const args = process.argv.slice(2);
const opt = { pages: Infinity, filter: null, write: true, profile: null, skip: new Set() };
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--pages') opt.pages = Number(args[++i]);
  else if (a === '--filter') opt.filter = args[++i];
  else if (a === '--no-write') opt.write = false;
  else if (a === '--profile') opt.profile = args[++i];
  else if (a === '--skip') for (const part of args[++i].split(',')) opt.skip.add(part);
  else {
    console.error(`bench: unknown argument ${a}`);
    process.exit(2);
  }
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

// ---- statistics ----

const sorted = (values) => values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
function quantile(values, q) {
  const v = sorted(values);
  if (v.length === 0) return null;
  const at = (v.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return v[lo] + (v[hi] - v[lo]) * (at - lo);
}
const median = (values) => quantile(values, 0.5);
const p95 = (values) => quantile(values, 0.95);
const round = (x, digits = 3) =>
  x === null || x === undefined || !Number.isFinite(x) ? null : Number(x.toFixed(digits));

// ---- what runs in the page ----

const glue = readFileSync(join(PKG, 'tidyread.js'), 'utf8');
const wasmBytes = readFileSync(join(PKG, 'tidyread_bg.wasm'));
const snapshotSource = readFileSync(join(ROOT, 'extension', 'snapshot.js'), 'utf8');
const readabilitySource = readFileSync(join(READABILITY_DIR, 'Readability.js'), 'utf8');
const readabilityVersion = JSON.parse(readFileSync(join(READABILITY_DIR, 'package.json'), 'utf8')).version;

/**
 * The init scripts: define the bench's globals in the top frame, before the page is parsed. One
 * script per source, each named by a sourceURL, so that CPU profiles tell them apart.
 * `instantiate`: compile, instantiate and warm up the wasm now (the corpus pages), or leave that
 * to the cold-start probe.
 */
function initScripts({ instantiate, glueSource = glue, wasm = wasmBytes }) {
  const guard = 'if (window !== window.top) return;';
  return [
    `(function () { ${guard}\n${glueSource}\nglobalThis.__tbCore = wasm_bindgen; })();\n//# sourceURL=pkg/tidyread.js`,
    `(function () { ${guard}\n${snapshotSource}\n})();\n//# sourceURL=extension/snapshot.js`,
    `(function () { ${guard}\nvar module;\n${readabilitySource}\nglobalThis.__tbReadability = Readability; })();\n//# sourceURL=Readability.js`,
    `(function () {
  ${guard}
  const bench = {
    core: globalThis.__tbCore, Snapshot: globalThis.TidyreadSnapshot, Readability: globalThis.__tbReadability,
    exports: null, error: null,
  };
  ${
    instantiate
      ? `try {
    const binary = atob(${JSON.stringify(wasm.toString('base64'))});
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    bench.exports = bench.core.initSync({ module: new WebAssembly.Module(bytes) });
    // As extension/content.js does while the page is parsed: pays V8's lazy compilation.
    bench.core.warmUp();
  } catch (error) {
    bench.error = String(error);
  }`
      : ''
  }
  Object.defineProperty(globalThis, '__tidyBench', { value: bench });
})();\n//# sourceURL=bench-setup.js`,
  ];
}

async function addInitScripts(context, options) {
  for (const content of initScripts(options)) await context.addInitScript({ content });
}

// Runs in the page: every measurement of one page. Self-contained (serialised by Playwright).
async function measurePage(config) {
  const B = globalThis.__tidyBench;
  if (!B) throw new Error('the bench init script did not run');
  if (B.error) throw new Error(`wasm: ${B.error}`);
  const { core, Snapshot, Readability, exports } = B;
  const now = () => performance.now();
  // As the reader view asks (extension/content.js): the article, no clutter classification.
  const extractOptions = { url: location.href, removals: false };
  const options = { url: location.href };
  const root = document.documentElement;
  let sink = 0;

  // extension/content.js's removal swap and its undo: what they do to the DOM, nothing more.
  function applyRemovals(removals, nodes, removed) {
    for (const removal of removals) {
      const node = nodes[removal.node];
      if (node === undefined || node === document || node === root || !node.isConnected) continue;
      const placeholder = document.createComment('');
      node.replaceWith(placeholder);
      removed.push({ node, placeholder });
    }
  }
  function restoreRemovals(removed) {
    for (let i = removed.length - 1; i >= 0; i--) {
      const { node, placeholder } = removed[i];
      if (placeholder.parentNode !== null) placeholder.replaceWith(node);
    }
    removed.length = 0;
  }
  function walkCount() {
    const walker = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
    let n = 0;
    while (walker.nextNode() !== null) n++;
    return n;
  }

  let restoreMs = [];
  let applyMs = [];
  // Each method runs `iterations` times and returns the milliseconds it counts.
  const methods = {
    tidyread_extract(iterations) {
      const t0 = now();
      for (let i = 0; i < iterations; i++) {
        const snap = Snapshot.take(document);
        const analysis = core.analyze(snap.words, snap.strings, extractOptions);
        sink += analysis.article.Ok?.content.length ?? 0;
      }
      return now() - t0;
    },
    tidyread_full(iterations) {
      let counted = 0;
      const removed = [];
      for (let i = 0; i < iterations; i++) {
        const t0 = now();
        const snap = Snapshot.take(document);
        const analysis = core.analyze(snap.words, snap.strings, options);
        const t1 = now();
        applyRemovals(analysis.removals, snap.nodes, removed);
        const t2 = now();
        sink += removed.length;
        restoreRemovals(removed);
        const t3 = now();
        counted += t2 - t0;
        applyMs.push(t2 - t1);
        restoreMs.push(t3 - t2);
      }
      return counted;
    },
    readability(iterations) {
      const t0 = now();
      for (let i = 0; i < iterations; i++) {
        const article = new Readability(document.cloneNode(true)).parse();
        sink += article === null ? 0 : article.length;
      }
      return now() - t0;
    },
    walk(iterations) {
      const t0 = now();
      for (let i = 0; i < iterations; i++) sink += walkCount();
      return now() - t0;
    },
  };
  const names = Object.keys(methods);
  const heap = () => (performance.memory ? performance.memory.usedJSHeapSize : null);
  const gc = typeof globalThis.gc === 'function' ? globalThis.gc : null;
  const wasmMemory = () => (exports ? exports.memory.buffer.byteLength : null);

  const nodesBefore = walkCount();
  const out = { memory: {} };
  let heapPeak = heap();
  const notePeak = () => {
    const h = heap();
    if (h !== null && h > heapPeak) heapPeak = h;
  };

  // Warm-up (untimed): the first runs of a page are measured apart (firstRuns); these are the
  // steady state, once V8 has tiered the wasm and the JS up. Then one timed run per method.
  const estimate = {};
  for (const name of names) {
    try {
      const warmEnd = now() + config.warmupMs;
      for (let i = 0; i < config.warmupRuns || (now() < warmEnd && i < 50); i++) methods[name](1);
      estimate[name] = Math.max(methods[name](1), 0.005);
    } catch (error) {
      out.errors = { ...(out.errors ?? {}), [name]: String(error) };
    }
  }
  const usable = names.filter((n) => estimate[n] !== undefined);
  const batch = Object.fromEntries(usable.map((n) => [n, Math.max(1, Math.round(config.batchMs / estimate[n]))]));
  const sampleMs = Math.min(...usable.map((n) => batch[n] * estimate[n]));
  const rounds = Math.min(config.maxRounds, Math.max(config.minRounds, Math.ceil(config.targetMs / sampleMs)));
  const samples = Object.fromEntries(usable.map((n) => [n, []]));
  applyMs = [];
  restoreMs = [];
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < usable.length; k++) {
      const name = usable[(r + k) % usable.length];
      samples[name].push(methods[name](batch[name]) / batch[name]);
      notePeak();
    }
  }
  const med = (values) => {
    const v = values.slice().sort((a, b) => a - b);
    if (v.length === 0) return null;
    const mid = (v.length - 1) / 2;
    return (v[Math.floor(mid)] + v[Math.ceil(mid)]) / 2;
  };
  out.rounds = rounds;
  out.batch = batch;
  out.ms = Object.fromEntries(usable.map((n) => [n, med(samples[n])]));
  out.spread = Object.fromEntries(
    usable.map((n) => {
      const v = samples[n].slice().sort((a, b) => a - b);
      return [n, [v[0], v[v.length - 1]]];
    }),
  );
  out.ms.apply = med(applyMs);
  out.ms.restore = med(restoreMs);

  // Where tidyread's time goes: the same calls, instrumented, `rounds` times.
  const parts = { snapshot: [], call: [], decode: [], analyze: [], boundary: [] };
  for (let r = 0; r < rounds; r++) {
    const t0 = now();
    const snap = Snapshot.take(document);
    const t1 = now();
    const analysis = core.analyze(snap.words, snap.strings, extractOptions);
    const t2 = now();
    parts.snapshot.push(t1 - t0);
    parts.call.push(t2 - t1);
    parts.decode.push(analysis.timings.decode_ms);
    parts.analyze.push(analysis.timings.analyze_ms);
    parts.boundary.push(t2 - t1 - analysis.timings.decode_ms - analysis.timings.analyze_ms);
  }
  out.parts_ms = Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, med(v)]));

  out.memory.wasm_after_all = wasmMemory();
  out.memory.js_heap_peak_seen = heapPeak;
  gc?.();
  out.memory.js_heap_used_after_gc = heap();
  out.restored = walkCount() === nodesBefore;
  out.sink = sink;
  return out;
}

// Runs in the page, first thing after it has loaded: the first tidyread run and the first
// Readability run of this page's realm (each in a fresh browser context: nothing compiled or
// warmed before, but the wasm's compile, instantiation and warm-up at document start), and what
// each made.
async function firstRuns() {
  const { core, Snapshot, Readability, exports } = globalThis.__tidyBench;
  const now = () => performance.now();
  const out = { memory: {} };
  const walker = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
  let nodes = 0;
  while (walker.nextNode() !== null) nodes++;
  out.nodes = nodes;
  out.elements = document.getElementsByTagName('*').length;
  out.crossOriginIsolated = globalThis.crossOriginIsolated === true;
  out.memory.wasm_initial = exports.memory.buffer.byteLength;
  const t0 = now();
  const snap = Snapshot.take(document);
  const t1 = now();
  // Extraction as the reader view asks for it, as in measurePage.
  const extracted = core.analyze(snap.words, snap.strings, { url: location.href, removals: false });
  const t2 = now();
  out.first_ms = { tidyread_extract: t2 - t0, snapshot: t1 - t0, call: t2 - t1, ...extracted.timings };
  out.memory.wasm_after_first = exports.memory.buffer.byteLength;
  // What the page holds (untimed): every part of the analysis.
  const analysis = core.analyze(snap.words, snap.strings, { url: location.href });
  out.snapshot_words = snap.words.length;
  out.snapshot_chars = snap.strings.length;
  out.snapshot_records = snap.nodes.length;
  out.removals = analysis.removals.length;
  out.article =
    'Ok' in analysis.article
      ? { ok: true, words: analysis.article.Ok.word_count, title: analysis.article.Ok.title }
      : { ok: false, error: analysis.article.Err };
  out.readerable = analysis.readerable.readerable;
  try {
    const t3 = now();
    const article = new Readability(document.cloneNode(true)).parse();
    out.first_ms.readability = now() - t3;
    out.readability = article === null ? { ok: false } : { ok: true, chars: article.length, title: article.title };
  } catch (error) {
    out.readability = { ok: false, error: String(error) };
  }
  return out;
}

// Runs in the page: one run of `method`, for the allocation sampler around it.
function runOnce(method) {
  const { core, Snapshot, Readability } = globalThis.__tidyBench;
  if (method === 'readability') {
    new Readability(document.cloneNode(true)).parse();
  } else {
    const snap = Snapshot.take(document);
    core.analyze(snap.words, snap.strings, { url: location.href });
  }
  return true;
}

// Runs in the page: wasm and JS heap after repeated runs of tidyread on the same document.
async function memoryGrowth(checkpoints) {
  const { core, Snapshot, exports } = globalThis.__tidyBench;
  const options = { url: location.href };
  const points = [];
  let done = 0;
  for (const at of checkpoints) {
    for (; done < at; done++) {
      const snap = Snapshot.take(document);
      core.analyze(snap.words, snap.strings, options);
    }
    // Twice: the first full GC can leave objects that only a second one frees (weak references).
    globalThis.gc?.();
    globalThis.gc?.();
    points.push({
      runs: at,
      wasm_bytes: exports.memory.buffer.byteLength,
      js_heap_used: performance.memory ? performance.memory.usedJSHeapSize : null,
    });
  }
  return points;
}

// Runs in a fresh page: the content script's way in (fetch the bytes, compile, instantiate, warm
// up: content.js does these while the page is still being parsed), then the first analyze of the
// page as its declutter run asks for it (removals, no article sent back), then a second one.
async function coldStart() {
  const { core, Snapshot } = globalThis.__tidyBench;
  const now = () => performance.now();
  const t0 = now();
  const response = await fetch('/assets/tidyread_bg.wasm');
  const bytes = await response.arrayBuffer();
  const t1 = now();
  const module = new WebAssembly.Module(bytes);
  const t2 = now();
  const exports = core.initSync({ module });
  const t3w = now();
  core.warmUp();
  const t3 = now();
  const options = { url: location.href, article: false };
  let snap = Snapshot.take(document);
  const t4 = now();
  let analysis = core.analyze(snap.words, snap.strings, options);
  const t5 = now();
  snap = Snapshot.take(document);
  analysis = core.analyze(snap.words, snap.strings, options);
  const t6 = now();
  return {
    fetch_ms: t1 - t0,
    compile_ms: t2 - t1,
    instantiate_ms: t3w - t2,
    warm_up_ms: t3 - t3w,
    first_snapshot_ms: t4 - t3,
    first_analyze_ms: t5 - t4,
    second_extract_ms: t6 - t5,
    cold_start_ms: t5 - t1,
    // What is left once the page is parsed, when content.js has loaded and warmed up the wasm.
    after_parse_ms: t5 - t3,
    removals: analysis.removals.length,
    wasm_memory: exports.memory.buffer.byteLength,
  };
}

// ---- pages ----

/** A page of about `target` nodes (elements and texts): a long article between clutter. */
function syntheticPage(target) {
  const parts = [
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>A very long synthetic article</title>',
    '<meta property="og:site_name" content="Synthetic"></head><body>',
    '<header class="site-header"><nav class="menu"><a href="/">Home</a><a href="/news">News</a><a href="/about">About</a></nav></header>',
    '<div class="layout"><main><article class="post"><h1>A very long synthetic article</h1><p class="byline">By A. Writer</p>',
  ];
  // Nodes so far, counted as the browser will: every element and every text node.
  let nodes = 20;
  let k = 0;
  const sidebar = [];
  while (nodes < target - 400) {
    k++;
    // section (1) + h2 and its text (2) + 3 paragraphs of 8 nodes = 27 nodes
    parts.push(
      `<section id="s${k}"><h2>Part ${k}</h2>` +
        `<p>Paragraph ${k}.1 says something about the matter at hand, <a href="/ref/${k}">with a reference</a>, and then <em>stresses</em> a point.</p>` +
        `<p>Paragraph ${k}.2 goes on, a sentence with commas, clauses, and words, <a href="/more/${k}">another link</a> and <strong>a strong claim</strong> too.</p>` +
        `<p>Paragraph ${k}.3 ends the part with a question, <a href="/q/${k}">a third link</a>, <code>some code</code>, and a full stop.</p></section>`,
    );
    nodes += 27;
    if (k % 200 === 0) {
      // An ad slot and a related-links box every 200 parts: 4 nodes + 10 nodes.
      parts.push(
        `<div class="ad-slot"><span class="ad-label">Advertisement</span><div id="div-gpt-ad-${k}"></div></div>`,
      );
      parts.push(
        `<aside class="related"><h3>Related</h3><ul><li><a href="/r/${k}/1">One</a></li><li><a href="/r/${k}/2">Two</a></li></ul></aside>`,
      );
      nodes += 4 + 10;
    }
    if (k % 100 === 0 && sidebar.length < 20) {
      nodes += 3;
      sidebar.push(`<li><a href="/trending/${k}">Trending story ${k}</a></li>`);
    }
  }
  parts.push('</article></main>');
  parts.push(
    `<aside class="sidebar"><section class="trending"><h3>Trending</h3><ol>${sidebar.join('')}</ol></section></aside></div>`,
  );
  parts.push('<footer class="site-footer"><p>© Synthetic</p></footer></body></html>');
  return parts.join('');
}

function corpusPages() {
  if (!existsSync(CORPUS)) {
    console.error(`bench: no corpus at ${CORPUS} (set TIDYREAD_CORPUS)`);
    process.exit(1);
  }
  let names = readdirSync(CORPUS)
    .filter((n) => existsSync(join(CORPUS, n, 'source.html')))
    .sort();
  if (opt.filter) names = names.filter((n) => n.includes(opt.filter));
  return names.slice(0, opt.pages);
}

function htmlType(body) {
  // The corpus is UTF-8 but for pages that say otherwise in a <meta> (qq: gb2312): let those speak.
  const head = body.subarray(0, 4096).toString('latin1');
  const m = /charset\s*=\s*["']?([\w-]+)/i.exec(head);
  return m && m[1].toLowerCase() !== 'utf-8' ? 'text/html' : 'text/html; charset=utf-8';
}

async function startBenchServer(synthetic) {
  const pageHeaders = {
    'content-security-policy': PAGE_CSP,
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-embedder-policy': 'require-corp',
    'cache-control': 'no-store',
  };
  const server = createServer((request, response) => {
    const path = new URL(request.url, 'http://127.0.0.1').pathname;
    let m;
    if ((m = /^\/page\/([\w.-]+)$/.exec(path))) {
      const file = join(CORPUS, m[1], 'source.html');
      if (!existsSync(file)) return response.writeHead(404).end();
      const body = readFileSync(file);
      return response.writeHead(200, { 'content-type': htmlType(body), ...pageHeaders }).end(body);
    }
    if (path === '/seed') {
      return response
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...pageHeaders })
        .end(readFileSync(SEED));
    }
    if (path === '/synthetic') {
      return response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...pageHeaders }).end(synthetic);
    }
    if (path === '/assets/tidyread_bg.wasm') {
      return response
        .writeHead(200, { 'content-type': 'application/wasm', 'cross-origin-resource-policy': 'same-origin' })
        .end(wasmBytes);
    }
    // Everything else a page asks for (its styles, images, scripts): nothing, at once.
    return response.writeHead(404, { 'cache-control': 'no-store' }).end();
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(done);
      }),
  };
}

// ---- the browser ----

const LAUNCH = {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    // No network: every host but the bench's server fails at once, so no page waits on one.
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    // performance.memory without bucketing, and gc() for the memory readings (never in a timing).
    '--enable-precise-memory-info',
    `--js-flags=--expose-gc ${process.env.BENCH_JS_FLAGS ?? ''}`.trim(),
  ],
};

async function openPage(context, url) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url, { waitUntil: 'load', timeout: 60000 });
  // Let the load settle (late style and layout work) before timing.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50))));
  return { page, errors };
}

// A CPU profile of the three methods on one page, summarised by self time.
async function profilePage(browser, origin, name) {
  // Function names: wasm-bindgen once more on the linker's output, keeping the name section.
  const linked = join(ROOT, 'target', 'wasm32-unknown-unknown', 'wasm', 'tidyread.wasm');
  const namesDir = join(OUT, 'pkg-names');
  let glueSource = glue;
  let wasm = wasmBytes;
  let named = false;
  try {
    execFileSync(
      join(process.env.CARGO_HOME ?? join(process.env.HOME, '.cargo'), 'bin', 'wasm-bindgen'),
      [linked, '--out-dir', namesDir, '--target', 'no-modules', '--no-typescript'],
      { stdio: 'pipe' },
    );
    glueSource = readFileSync(join(namesDir, 'tidyread.js'), 'utf8');
    wasm = readFileSync(join(namesDir, 'tidyread_bg.wasm'));
    named = true;
  } catch (error) {
    console.warn(`bench: no named wasm for the profile (${String(error.message).split('\n')[0]}); using pkg/`);
  }
  const context = await browser.newContext();
  await addInitScripts(context, { instantiate: true, glueSource, wasm });
  const { page } = await openPage(context, `${origin}/page/${name}`);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  const summaries = {};
  for (const method of ['tidyread_extract', 'readability']) {
    await page.evaluate((m) => {
      const { core, Snapshot, Readability } = globalThis.__tidyBench;
      const run =
        m === 'readability'
          ? () => new Readability(document.cloneNode(true)).parse()
          : () => {
              const s = Snapshot.take(document);
              core.analyze(s.words, s.strings, { url: location.href, removals: false });
            };
      for (let i = 0; i < 5; i++) run();
    }, method);
    await cdp.send('Profiler.start');
    await page.evaluate((m) => {
      const { core, Snapshot, Readability } = globalThis.__tidyBench;
      const run =
        m === 'readability'
          ? () => new Readability(document.cloneNode(true)).parse()
          : () => {
              const s = Snapshot.take(document);
              core.analyze(s.words, s.strings, { url: location.href });
            };
      const end = performance.now() + 1500;
      while (performance.now() < end) run();
    }, method);
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync(join(OUT, `profile-${name}-${method}.cpuprofile`), JSON.stringify(profile));
    summaries[method] = summariseProfile(profile);
  }
  await context.close();
  return { page: name, named_wasm: named, summaries };
}

function summariseProfile(profile) {
  const self = new Map();
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const deltas = profile.timeDeltas;
  const total = deltas.reduce((a, b) => a + b, 0);
  profile.samples.forEach((id, i) => {
    const node = byNode.get(id);
    const { functionName, url } = node.callFrame;
    const where = url.startsWith('wasm://')
      ? 'wasm'
      : url.endsWith('extension/snapshot.js')
        ? 'snapshot.js'
        : url.endsWith('pkg/tidyread.js')
          ? 'glue'
          : url.endsWith('Readability.js')
            ? 'Readability.js'
            : url === ''
              ? 'browser'
              : 'other';
    // Rust names without crate hashes, and cut: generic instantiations can run to 1,000 characters.
    const fn = (functionName || '(anonymous)').replace(/\[[0-9a-f]{16}\]/g, '');
    const key = `${fn.length > 140 ? `${fn.slice(0, 140)}…` : fn} [${where}]`;
    self.set(key, (self.get(key) ?? 0) + (deltas[i + 1] ?? deltas[i] ?? 0));
  });
  const top = [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 25)
    .map(([fn, us]) => ({ fn, self_pct: round((100 * us) / total, 1) }));
  const byKind = {};
  for (const [fn, us] of self) {
    const kind = fn.slice(fn.lastIndexOf('[') + 1, -1);
    byKind[kind] = (byKind[kind] ?? 0) + us;
  }
  for (const k of Object.keys(byKind)) byKind[k] = round((100 * byKind[k]) / total, 1);
  return { total_ms: round(total / 1000, 1), self_pct_by_kind: byKind, top };
}

// One page in `context`: its first runs, what one run of each allocates, then the timed rounds.
async function measureOne(context, url, config, more = null) {
  const { page } = await openPage(context, url);
  const first = await page.evaluate(firstRuns);
  const cdp = await context.newCDPSession(page);
  const alloc = {};
  for (const method of ['tidyread_extract', 'readability']) alloc[method] = await sampleAllocation(cdp, page, method);
  await cdp.detach();
  const rounds = await page.evaluate(measurePage, config);
  if (more) await more(page);
  await page.close();
  return {
    ...first,
    ...rounds,
    memory: {
      ...first.memory,
      ...rounds.memory,
      js_alloc_extract: alloc.tidyread_extract,
      js_alloc_readability: alloc.readability,
    },
  };
}

// Bytes of JS heap one run of `method` allocates, collected or not: V8's sampling heap profiler
// (one sample per 4 KB on average, scaled up), which also counts what the young-generation GCs
// reclaim during the run. wasm's linear memory is apart (not JS heap).
async function sampleAllocation(cdp, page, method) {
  await page.evaluate(() => globalThis.gc?.());
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.startSampling', {
    samplingInterval: 4096,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  await page.evaluate(runOnce, method);
  const { profile } = await cdp.send('HeapProfiler.stopSampling');
  await cdp.send('HeapProfiler.disable');
  let total = 0;
  const visit = (node) => {
    total += node.selfSize;
    for (const child of node.children) visit(child);
  };
  visit(profile.head);
  return total;
}

// ---- main ----

async function main() {
  const started = Date.now();
  const loadAtStart = loadavg();
  mkdirSync(OUT, { recursive: true });
  const names = corpusPages();
  const synthetic = syntheticPage(SYNTHETIC_NODES);
  const server = await startBenchServer(synthetic);
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

  const results = summarise({ version, perPage, cold, growth, syntheticResult, profile, started, loadAtStart });
  const md = markdown(results);
  console.log(`\n${md}`);
  if (opt.write && opt.skip.size === 0) {
    writeFileSync(join(ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    writeSection(join(ROOT, 'docs', 'benchmarks.md'), 'bench-browser', md);
    console.log('wrote bench/results.json and its part of docs/benchmarks.md');
  }
}

function nativeFigures(perPage) {
  const file = join(ROOT, 'bench', 'native-results.json');
  if (!existsSync(file)) return { note: 'bench/native-results.json is missing: run `make bench-native`' };
  const native = JSON.parse(readFileSync(file, 'utf8'));
  const stat = (stage) => native.stats?.find((s) => s.stage === stage) ?? null;
  const byPage = new Map((native.per_page ?? []).map((p) => [p.page, p]));
  // The core's analyze in wasm (its own clock, decode excluded) against the native analyze on the
  // same page (native: fastest of runs, so this ratio flatters native a little).
  const ratios = perPage
    .filter((p) => !p.error && byPage.get(p.page)?.analyze_ms)
    .map((p) => p.parts_ms.analyze / byPage.get(p.page).analyze_ms);
  return {
    file: 'bench/native-results.json',
    written: statSync(file).mtime.toISOString(),
    method: native.what,
    pages: native.pages,
    median_ms: {
      parse: stat('parse')?.median_ms ?? null,
      extract: stat('extract')?.median_ms ?? null,
      analyze: stat('analyze')?.median_ms ?? null,
      ours_parse_extract: stat('ours: parse + extract')?.median_ms ?? null,
      dom_smoothie_parse_extract: stat('dom_smoothie: parse + extract')?.median_ms ?? null,
    },
    ratio_wasm_analyze_vs_native: round(median(ratios), 2),
  };
}

// The commit measured, and whether the files that make the wasm and the snapshot differed from it.
function gitState() {
  try {
    const git = (...a) => execFileSync('git', a, { cwd: ROOT, encoding: 'utf8' });
    // Porcelain lines are "XY path": the status columns may be blank, so nothing is trimmed.
    const dirty = git('status', '--porcelain', '--', 'src', 'Cargo.toml', 'Cargo.lock', 'extension/snapshot.js')
      .split('\n')
      .filter(Boolean)
      .map((l) => l.slice(3));
    return { commit: git('rev-parse', 'HEAD').trim(), uncommitted_changes_measured: dirty };
  } catch {
    return null;
  }
}

function summarise({ version, perPage, cold, growth, syntheticResult, profile, started, loadAtStart }) {
  const ok = perPage.filter((p) => !p.error && p.ms.readability !== undefined);
  const keys = ['tidyread_extract', 'tidyread_full', 'readability', 'walk'];
  const col = (k) => ok.map((p) => p.ms[k]);
  const medianMs = Object.fromEntries(keys.map((k) => [k, round(median(col(k)))]));
  const p95Ms = Object.fromEntries(keys.map((k) => [k, round(p95(col(k)))]));
  const extractRatios = ok.map((p) => p.ms.tidyread_extract / p.ms.readability);
  const fullWalkRatios = ok.map((p) => p.ms.tidyread_full / p.ms.walk);
  const wasmGzip = gzipSync(wasmBytes, { level: 9 }).length;
  const coldMedian = median(cold.map((c) => c.cold_start_ms));
  const wasmAfter = ok.map((p) => p.memory.wasm_after_all);
  const partsMedian = Object.fromEntries(
    ['snapshot', 'call', 'decode', 'analyze', 'boundary'].map((k) => [k, round(median(ok.map((p) => p.parts_ms[k])))]),
  );
  const firstRatios = ok
    .filter((p) => p.first_ms.readability)
    .map((p) => p.first_ms.tidyread_extract / p.first_ms.readability);
  const firstCol = (k) => ok.map((p) => p.first_ms[k]);
  const ratioExtract = median(extractRatios);
  const ratioP95 = p95Ms.tidyread_extract / p95Ms.readability;
  const ratioFull = median(fullWalkRatios);
  const memMedian = median(wasmAfter);
  const verdict = (value, target, what) => ({ value: round(value, 3), target, met: value <= target, what });
  return {
    what: 'Milliseconds per page in headless Chromium: median of interleaved samples on the same loaded page; see bench/browser.mjs',
    date: new Date().toISOString(),
    browser: { name: 'Chromium (Debian), headless', version },
    git: gitState(),
    readability_version: readabilityVersion,
    machine: {
      cores: cpus().length,
      cpu: cpus()[0]?.model ?? null,
      // The machine is shared: other builds running at the same time slow every method alike
      // (they are interleaved), but absolute times are only comparable at a similar load.
      loadavg_at_start: loadAtStart.map((l) => round(l, 2)),
      loadavg_at_end: loadavg().map((l) => round(l, 2)),
    },
    corpus: CORPUS,
    config: {
      target_ms: TARGET_MS,
      batch_ms: BATCH_MS,
      min_rounds: MIN_ROUNDS,
      max_rounds: MAX_ROUNDS,
      page_csp: PAGE_CSP,
    },
    run_s: round((Date.now() - started) / 1000, 1),
    pages: ok.length,
    failed_pages: perPage
      .filter((p) => p.error || p.ms?.readability === undefined)
      .map((p) => ({ page: p.page, error: p.error ?? p.errors })),
    median_ms: medianMs,
    p95_ms: p95Ms,
    ratio_extract_vs_readability: round(ratioExtract, 3),
    ratio_extract_vs_readability_p95: round(quantile(extractRatios, 0.95), 3),
    ratio_extract_vs_readability_of_p95s: round(ratioP95, 3),
    ratio_full_vs_walk: round(ratioFull, 2),
    ratio_full_vs_walk_p95: round(quantile(fullWalkRatios, 0.95), 2),
    // The floor under the floor: snapshot.js alone (no wasm at all) against the bare walk.
    ratio_snapshot_vs_walk: round(median(ok.map((p) => p.parts_ms.snapshot / p.ms.walk)), 2),
    pages_extract_faster_than_readability: ok.filter((p) => p.ms.tidyread_extract < p.ms.readability).length,
    first_run: {
      what: 'the first run of each on a freshly loaded page, in its own renderer process (wasm compiled at document start, nothing warmed): what one page view costs',
      median_ms: {
        tidyread_extract: round(median(firstCol('tidyread_extract'))),
        readability: round(median(firstCol('readability'))),
        snapshot: round(median(firstCol('snapshot'))),
        decode: round(median(firstCol('decode_ms'))),
        analyze: round(median(firstCol('analyze_ms'))),
      },
      p95_ms: {
        tidyread_extract: round(p95(firstCol('tidyread_extract'))),
        readability: round(p95(firstCol('readability'))),
      },
      ratio_extract_vs_readability: round(median(firstRatios), 3),
      ratio_extract_vs_readability_of_p95s: round(p95(firstCol('tidyread_extract')) / p95(firstCol('readability')), 3),
    },
    tidyread_parts_median_ms: partsMedian,
    apply_median_ms: round(median(ok.map((p) => p.ms.apply))),
    restore_median_ms: round(median(ok.map((p) => p.ms.restore))),
    wasm_bytes: wasmBytes.length,
    wasm_gzip_bytes: wasmGzip,
    glue_bytes: Buffer.byteLength(glue),
    glue_gzip_bytes: gzipSync(Buffer.from(glue), { level: 9 }).length,
    cold_start_ms: round(coldMedian),
    cold_start: {
      page: 'tests/fixtures/seed-townhall/page.html',
      trials: cold.length,
      what: 'a fresh browser context each: new WebAssembly.Module(bytes) + initSync + the first snapshot + analyze of the page; the fetch is apart',
      median_ms: Object.fromEntries(
        [
          'fetch_ms',
          'compile_ms',
          'instantiate_ms',
          'warm_up_ms',
          'first_snapshot_ms',
          'first_analyze_ms',
          'second_extract_ms',
          'cold_start_ms',
          'after_parse_ms',
        ].map((k) => [k, round(median(cold.map((c) => c[k])))]),
      ),
      max_cold_start_ms: round(Math.max(...cold.map((c) => c.cold_start_ms))),
      trials_ms: cold.map((c) => round(c.cold_start_ms, 2)),
    },
    memory: {
      wasm_initial_bytes: ok[0]?.memory.wasm_initial ?? null,
      wasm_after_run_median_bytes: memMedian,
      wasm_after_run_p95_bytes: p95(wasmAfter),
      wasm_after_run_max_bytes: Math.max(...wasmAfter),
      pages_where_wasm_grew_after_first_run: ok
        .filter((p) => p.memory.wasm_after_all > p.memory.wasm_after_first)
        .map((p) => p.page),
      js_alloc_extract_median_bytes: median(ok.map((p) => p.memory.js_alloc_extract)),
      js_alloc_readability_median_bytes: median(ok.map((p) => p.memory.js_alloc_readability)),
      js_heap_peak_seen_median_bytes: median(ok.map((p) => p.memory.js_heap_peak_seen)),
      js_heap_peak_seen_max_bytes: Math.max(...ok.map((p) => p.memory.js_heap_peak_seen)),
      js_heap_after_gc_median_bytes: median(ok.map((p) => p.memory.js_heap_used_after_gc)),
      note: 'wasm: memory.buffer.byteLength (never shrinks: a high-water mark of the allocator). js_alloc_*: bytes of JS heap one run allocates (V8 sampling heap profiler, collected objects included). js_heap_peak_seen: the largest performance.memory.usedJSHeapSize read between samples (precise-memory-info), the whole page realm included; js_heap_after_gc: the same after a full GC at the end.',
      growth_across_runs: growth,
    },
    synthetic: syntheticResult.error
      ? syntheticResult
      : {
          nodes: syntheticResult.nodes,
          elements: syntheticResult.elements,
          ms: Object.fromEntries(Object.entries(syntheticResult.ms).map(([k, v]) => [k, round(v, 1)])),
          parts_ms: Object.fromEntries(Object.entries(syntheticResult.parts_ms).map(([k, v]) => [k, round(v, 1)])),
          removals: syntheticResult.removals,
          article: syntheticResult.article,
          wasm_after_run_bytes: syntheticResult.memory.wasm_after_all,
          js_alloc_extract_bytes: syntheticResult.memory.js_alloc_extract,
          js_alloc_readability_bytes: syntheticResult.memory.js_alloc_readability,
          js_heap_peak_seen_bytes: syntheticResult.memory.js_heap_peak_seen,
          first_ms: Object.fromEntries(Object.entries(syntheticResult.first_ms).map(([k, v]) => [k, round(v, 1)])),
        },
    native: nativeFigures(perPage),
    targets: {
      extract_vs_readability_median: verdict(
        ratioExtract,
        TARGETS.extract_vs_readability,
        'median of per-page tidyread_extract / readability',
      ),
      extract_vs_readability_p95: verdict(
        ratioP95,
        TARGETS.extract_vs_readability,
        'p95 tidyread_extract / p95 readability',
      ),
      full_vs_walk_median: verdict(ratioFull, TARGETS.full_vs_walk, 'median of per-page tidyread_full / walk'),
      wasm_gzip_bytes: verdict(wasmGzip, TARGETS.wasm_gzip_bytes, 'gzip -9 of pkg/tidyread_bg.wasm'),
      cold_start_ms: verdict(coldMedian, TARGETS.cold_start_ms, 'median over fresh contexts, seed page'),
      memory_bytes: verdict(memMedian, TARGETS.memory_bytes, "median wasm linear memory after a page's runs"),
    },
    profile,
    per_page: perPage.map((p) =>
      p.error
        ? p
        : {
            page: p.page,
            bytes: p.bytes,
            nodes: p.nodes,
            removals: p.removals,
            article_ok: p.article.ok,
            readability_ok: p.readability?.ok ?? false,
            rounds: p.rounds,
            ms: Object.fromEntries(Object.entries(p.ms).map(([k, v]) => [k, round(v, 4)])),
            first_ms: {
              tidyread_extract: round(p.first_ms.tidyread_extract, 3),
              readability: round(p.first_ms.readability, 3),
            },
            parts_ms: Object.fromEntries(Object.entries(p.parts_ms).map(([k, v]) => [k, round(v, 4)])),
            wasm_bytes: p.memory.wasm_after_all,
            js_alloc: { tidyread_extract: p.memory.js_alloc_extract, readability: p.memory.js_alloc_readability },
          },
    ),
  };
}

function markdown(r) {
  const f = (x, d = 2) => (x === null || x === undefined ? '—' : Number(x).toFixed(d));
  const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
  const mb = (b) => `${(b / 1048576).toFixed(2)} MB`;
  const mark = (t) => (t.met ? 'met' : 'missed');
  const t = r.targets;
  const lines = [
    `Commit ${r.git?.commit?.slice(0, 7) ?? '?'}${r.git?.uncommitted_changes_measured?.length ? ' plus uncommitted changes' : ''}; ` +
      `Chromium ${r.browser.version} headless, ${r.machine.cores} cores (${r.machine.cpu}, shared: load average ${r.machine.loadavg_at_start[0]} at the start, ${r.machine.loadavg_at_end[0]} at the end), ${r.date.slice(0, 10)}; ` +
      `${r.pages} corpus pages, each loaded from 127.0.0.1 with its scripts blocked; Readability.js ${r.readability_version}. ` +
      'Per page: the median of interleaved samples; across pages: median and p95. `make bench-browser` writes this.',
    '',
    '| per page, ms | median | p95 |',
    '|---|---:|---:|',
    `| tidyread extract (snapshot.js + wasm \`analyze\`) | ${f(r.median_ms.tidyread_extract)} | ${f(r.p95_ms.tidyread_extract)} |`,
    `| tidyread extract + declutter applied to the live DOM | ${f(r.median_ms.tidyread_full)} | ${f(r.p95_ms.tidyread_full)} |`,
    `| Readability.js (\`cloneNode\` + \`parse\`) | ${f(r.median_ms.readability)} | ${f(r.p95_ms.readability)} |`,
    `| bare TreeWalker over every node (floor) | ${f(r.median_ms.walk, 3)} | ${f(r.p95_ms.walk, 3)} |`,
    `| first run on a freshly loaded page: tidyread extract (wasm warmed up during load, as the extension does) | ${f(r.first_run.median_ms.tidyread_extract)} | ${f(r.first_run.p95_ms.tidyread_extract)} |`,
    `| first run on a freshly loaded page: Readability.js | ${f(r.first_run.median_ms.readability)} | ${f(r.first_run.p95_ms.readability)} |`,
    '',
    `tidyread's time, median per page: snapshot ${f(r.tidyread_parts_median_ms.snapshot)} ms, decode ${f(r.tidyread_parts_median_ms.decode)} ms, ` +
      `core analyze ${f(r.tidyread_parts_median_ms.analyze)} ms, result to JS ${f(r.tidyread_parts_median_ms.boundary)} ms; ` +
      `applying removals ${f(r.apply_median_ms, 3)} ms (restoring ${f(r.restore_median_ms, 3)} ms, not counted). ` +
      `snapshot.js alone is ${f(r.ratio_snapshot_vs_walk, 1)}× the bare walk (median of per-page ratios).`,
    '',
    '| target | measured | target | |',
    '|---|---:|---:|---|',
    `| extract / Readability, median of per-page ratios | ${f(t.extract_vs_readability_median.value)}× | ≤ 0.25× | ${mark(t.extract_vs_readability_median)} |`,
    `| extract / Readability, at p95 (p95 / p95) | ${f(t.extract_vs_readability_p95.value)}× | ≤ 0.25× | ${mark(t.extract_vs_readability_p95)} |`,
    `| (first runs) extract / Readability, median of per-page ratios | ${f(r.first_run.ratio_extract_vs_readability)}× | ≤ 0.25× | ${r.first_run.ratio_extract_vs_readability <= 0.25 ? 'met' : 'missed'} |`,
    `| extract + declutter / bare walk, median of per-page ratios | ${f(t.full_vs_walk_median.value, 1)}× | ≤ 6× | ${mark(t.full_vs_walk_median)} |`,
    `| wasm gzipped (raw ${kb(r.wasm_bytes)}) | ${kb(r.wasm_gzip_bytes)} | ≤ 120 KB | ${mark(t.wasm_gzip_bytes)} |`,
    `| cold start: compile + instantiate + warm-up + first snapshot and analyze, median of ${r.cold_start.trials} | ${f(r.cold_start_ms, 1)} ms | ≤ 25 ms | ${mark(t.cold_start_ms)} |`,
    `| wasm memory after a page's runs, median | ${mb(t.memory_bytes.value)} | ≤ 4 MB | ${mark(t.memory_bytes)} |`,
    '',
    `Cold start parts (median): compile ${f(r.cold_start.median_ms.compile_ms)} ms, instantiate ${f(r.cold_start.median_ms.instantiate_ms)} ms, ` +
      `warm-up ${f(r.cold_start.median_ms.warm_up_ms)} ms (these three while the page is parsed), ` +
      `first snapshot ${f(r.cold_start.median_ms.first_snapshot_ms)} ms, first analyze ${f(r.cold_start.median_ms.first_analyze_ms)} ms ` +
      `(after the page is parsed: ${f(r.cold_start.median_ms.after_parse_ms)} ms) ` +
      `(the second snapshot + analyze: ${f(r.cold_start.median_ms.second_extract_ms)} ms); fetch from 127.0.0.1 ${f(r.cold_start.median_ms.fetch_ms)} ms apart.`,
    `Memory: wasm ${mb(r.memory.wasm_initial_bytes)} at start, after a page median ${mb(r.memory.wasm_after_run_median_bytes)}, max ${mb(r.memory.wasm_after_run_max_bytes)}; ` +
      `JS heap allocated by one run, median: tidyread ${mb(r.memory.js_alloc_extract_median_bytes)}, Readability ${mb(r.memory.js_alloc_readability_median_bytes)}; ` +
      `peak JS heap seen (whole page), median ${mb(r.memory.js_heap_peak_seen_median_bytes)}, max ${mb(r.memory.js_heap_peak_seen_max_bytes)}.`,
  ];
  if (!r.synthetic.error) {
    lines.push(
      `Synthetic page of ${r.synthetic.nodes} nodes: extract ${f(r.synthetic.ms.tidyread_extract, 1)} ms, full ${f(r.synthetic.ms.tidyread_full, 1)} ms, ` +
        `Readability ${f(r.synthetic.ms.readability, 1)} ms, walk ${f(r.synthetic.ms.walk, 1)} ms; wasm memory ${mb(r.synthetic.wasm_after_run_bytes)}.`,
    );
  }
  if (r.native.median_ms) {
    lines.push(
      `Native core (${r.native.file}, ${r.native.pages} pages, fastest of runs): median parse ${f(r.native.median_ms.parse)} ms, ` +
        `analyze ${f(r.native.median_ms.analyze)} ms; the wasm's core analyze is ${f(r.native.ratio_wasm_analyze_vs_native)}× native's (median of per-page ratios).`,
    );
  }
  return `${lines.join('\n')}\n`;
}

await main();

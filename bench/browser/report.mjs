// The browser bench's results: the figures across pages and the targets (bench/results.json),
// and the report for docs/benchmarks.md, with the native bench's figures beside them.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { LIVE_PAGE_BEFORE, TICK_MS, WATCH_MS } from './live-page.mjs';
import {
  BATCH_MS,
  CORPUS,
  MAX_ROUNDS,
  MIN_ROUNDS,
  PAGE_CSP,
  ROOT,
  TARGETS,
  TARGET_MS,
  glueSource,
  median,
  p95,
  quantile,
  round,
  wasmBytes,
} from './config.mjs';

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

// The headline figures of the run bench/results.json holds before this one replaces it, for the
// report to show beside this run's (null when there is none).
function previousRun() {
  const file = join(ROOT, 'bench', 'results.json');
  if (!existsSync(file)) return null;
  try {
    const r = JSON.parse(readFileSync(file, 'utf8'));
    return {
      commit: r.git?.commit ?? null,
      date: r.date ?? null,
      loadavg_at_start: r.machine?.loadavg_at_start?.[0] ?? null,
      ratio_extract_vs_readability: r.ratio_extract_vs_readability ?? null,
      live_page: r.live_page?.with ?? null,
    };
  } catch {
    return null;
  }
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

/** Everything the run measured, as bench/results.json keeps it. */
export function summarise({
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
}) {
  const ok = perPage.filter((p) => !p.error && p.ms.readability !== undefined);
  const keys = ['tidyread_extract', 'tidyread_full', 'readability', 'walk'];
  const col = (k) => ok.map((p) => p.ms[k]);
  const medianMs = Object.fromEntries(keys.map((k) => [k, round(median(col(k)))]));
  const p95Ms = Object.fromEntries(keys.map((k) => [k, round(p95(col(k)))]));
  const extractRatios = ok.map((p) => p.ms.tidyread_extract / p.ms.readability);
  const fullWalkRatios = ok.map((p) => p.ms.tidyread_full / p.ms.walk);
  const wasmGzip = gzipSync(wasmBytes(), { level: 9 }).length;
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
    wasm_bytes: wasmBytes().length,
    wasm_gzip_bytes: wasmGzip,
    glue_bytes: Buffer.byteLength(glueSource()),
    glue_gzip_bytes: gzipSync(Buffer.from(glueSource()), { level: 9 }).length,
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
    live_page: live.error
      ? live
      : {
          what: `the synthetic page with a live ticker (a headline every ${TICK_MS} ms), in Chromium with the extension (the e2e build: its probe on <html> marks the first decision) and without it; long tasks (PerformanceObserver 'longtask') that began after the first decision, over ${WATCH_MS} ms; bench/browser/live-page.mjs`,
          with: live.with,
          without: live.without,
          before: live.before ?? LIVE_PAGE_BEFORE,
        },
    previous_run: previousRun(),
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
      ...(live.error
        ? {}
        : {
            live_first_decision_ms: verdict(
              live.with.first_decision_after_dcl_ms,
              TARGETS.live_first_decision_ms,
              'live page: first decision, ms after DOMContentLoaded',
            ),
            live_longest_task_ms: verdict(
              live.with.longest_task_after_ms,
              TARGETS.live_longest_task_ms,
              'live page: longest task after the first decision',
            ),
          }),
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

/** The run's report, for docs/benchmarks.md. */
export function markdown(r) {
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
    ...(r.previous_run
      ? [
          `The previous run (commit ${r.previous_run.commit?.slice(0, 7) ?? '?'}, ${r.previous_run.date?.slice(0, 10) ?? '?'}, load average ${r.previous_run.loadavg_at_start ?? '?'} at the start): ` +
            `extract / Readability ${f(r.previous_run.ratio_extract_vs_readability)}× (median of per-page ratios; this run ${f(t.extract_vs_readability_median.value)}×).`,
          '',
        ]
      : []),
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
  if (!r.live_page.error) {
    const { with: on, without: off, before } = r.live_page;
    const previous = r.previous_run?.live_page ?? {};
    const showing = Object.entries(on.clutter_showing_at_decision ?? {})
      .filter(([, shows]) => shows)
      .map(([name]) => name);
    const ms = (x) => (x === null || x === undefined ? '—' : `${f(x, 0)} ms`);
    const tasks = (x) => (x.long_tasks_after === undefined ? '—' : `${x.long_tasks_after}, ${ms(x.frozen_after_ms)}`);
    lines.push(
      '',
      `The synthetic page with a live ticker (${on.nodes} nodes, a headline every ${TICK_MS / 1000} s), in Chromium with the extension; long tasks that began after the first decision, over ${WATCH_MS / 1000} s (previous run: bench/results.json before this one; before: ${before.what}):`,
      '',
      '| huge busy page | measured | target | previous run | before |',
      '|---|---:|---:|---:|---:|',
      `| first decision, after DOMContentLoaded | ${ms(on.first_decision_after_dcl_ms)} | ≤ 150 ms | ${ms(previous.first_decision_after_dcl_ms)} | ${ms(before.first_decision_after_dcl_ms)} |`,
      `| longest task after it | ${ms(on.longest_task_after_ms)} | ≤ 50 ms | ${ms(previous.longest_task_after_ms)} | ${ms(before.longest_task_after_ms)} |`,
      `| long tasks after it, and their total (time frozen) | ${tasks(on)} | | ${tasks(previous)} | ${tasks(before)} |`,
      `| the same page without tidyread: long tasks after load, longest | ${off.long_tasks_after}, ${ms(off.longest_task_after_ms)} | | | |`,
      `| clutter in the first screen still showing at the first decision | ${showing.length === 0 ? 'none' : showing.join(', ')} | none | | |`,
      '',
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

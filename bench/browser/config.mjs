// What the browser bench reads, and its fixed parameters (bench/browser.mjs says how it measures).
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CORPUS = resolve(ROOT, process.env.TIDYREAD_CORPUS ?? '../shared/corpus/readability');
export const PKG = join(ROOT, 'pkg');
export const OUT = join(ROOT, 'bench', 'out');
export const SEED = join(ROOT, 'tests', 'fixtures', 'seed-townhall', 'page.html');
export const READABILITY_DIR = join(ROOT, 'node_modules', '@mozilla', 'readability');
export const TARGET_MS = Number(process.env.BENCH_TARGET_MS ?? 100);
export const BATCH_MS = Number(process.env.BENCH_BATCH_MS ?? 5);
export const MIN_ROUNDS = 9;
export const MAX_ROUNDS = 21;
export const COLD_TRIALS = 9;
export const GROWTH_RUNS = [1, 10, 50, 100, 200, 400];
export const SYNTHETIC_NODES = 200_000;
export const PAGE_CSP = "script-src 'wasm-unsafe-eval'";
export const TARGETS = {
  extract_vs_readability: 0.25,
  full_vs_walk: 6,
  wasm_gzip_bytes: 120 * 1024,
  cold_start_ms: 25,
  memory_bytes: 4 * 1024 * 1024,
  live_first_decision_ms: 150,
  live_longest_task_ms: 50,
};

// ---- statistics ----

const sorted = (values) => values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
export function quantile(values, q) {
  const v = sorted(values);
  if (v.length === 0) return null;
  const at = (v.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return v[lo] + (v[hi] - v[lo]) * (at - lo);
}
export const median = (values) => quantile(values, 0.5);
export const p95 = (values) => quantile(values, 0.95);
export const round = (x, digits = 3) =>
  x === null || x === undefined || !Number.isFinite(x) ? null : Number(x.toFixed(digits));

// ---- the wasm package, read once it is known to be there ----

let wasm = null;
let glue = null;
/** pkg/tidyread_bg.wasm's bytes. */
export const wasmBytes = () => (wasm ??= readFileSync(join(PKG, 'tidyread_bg.wasm')));
/** pkg/tidyread.js, wasm-bindgen's glue, as built (the bench bundles it for the page). */
export const glueSource = () => (glue ??= readFileSync(join(PKG, 'tidyread.js'), 'utf8'));

// What runs in the page, one function per measurement. Each is self-contained: Playwright
// serialises it into the page, where bench/browser/chromium.mjs's init scripts have put the
// bench's globals in `__tidyBench` (the wasm core; `Snapshot`, the extension's own snapshot and
// removals, as shipped; Readability.js).

// Runs in the page: every measurement of one page. Self-contained (serialised by Playwright).
export async function measurePage(config) {
  const B = globalThis.__tidyBench;
  if (!B) throw new Error('the bench init script did not run');
  if (B.error) throw new Error(`wasm: ${B.error}`);
  const { core, Snapshot, Readability, exports } = B;
  const now = () => performance.now();
  // As the reader view asks (extension/content.js): the article, without its clutter (classified
  // all the same), and no removal list.
  const extractOptions = { url: location.href, removals: false };
  const options = { url: location.href };
  let sink = 0;

  // The content script's own undo (extension/removals.js), last applied first.
  function restoreRemovals(removed) {
    for (let i = removed.length - 1; i >= 0; i--) Snapshot.putBack(removed[i]);
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
      for (let i = 0; i < iterations; i++) {
        const t0 = now();
        const snap = Snapshot.take(document);
        const analysis = core.analyze(snap.words, snap.strings, options);
        const t1 = now();
        const removed = Snapshot.applyRemovals(analysis.removals, snap.nodes);
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
export async function firstRuns() {
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
export function runOnce(method) {
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
export async function memoryGrowth(checkpoints) {
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
export async function coldStart() {
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

// The browser side of the bench: Chromium's flags, the init scripts that put the bench's code in
// each page before it is parsed, loading a page, and the measurements made through CDP (the
// allocation sampler, CPU profiles).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundle } from '../../scripts/bundle.mjs';
import { OUT, PKG, READABILITY_DIR, ROOT, round, wasmBytes } from './config.mjs';
import { firstRuns, measurePage, runOnce } from './in-page.mjs';

const readabilitySource = readFileSync(join(READABILITY_DIR, 'Readability.js'), 'utf8');
// The extension's snapshot and removals as the content script ships them (bench/browser/shipped.mjs).
const SHIPPED = bundle('bench/browser/shipped.mjs', { globalName: '__tbShipped' });
const SHIPPED_URL = 'extension/snapshot.js+removals.js';

/**
 * The init scripts: define the bench's globals in the top frame, before the page is parsed. One
 * script per source, each named by a sourceURL, so that CPU profiles tell them apart.
 * `instantiate`: compile, instantiate and warm up the wasm now (the corpus pages), or leave that
 * to the cold-start probe.
 */
function initScripts({ instantiate, gluePath = join(PKG, 'tidyread.js'), wasm = wasmBytes() }) {
  const guard = 'if (window !== window.top) return;';
  const core = bundle(gluePath, { globalName: '__tbCore' });
  return [
    `(function () { ${guard}\n${core}\nglobalThis.__tbCore = __tbCore; })();\n//# sourceURL=pkg/tidyread.js`,
    `(function () { ${guard}\n${SHIPPED}\nglobalThis.__tbShipped = __tbShipped; })();\n//# sourceURL=${SHIPPED_URL}`,
    `(function () { ${guard}\nvar module;\n${readabilitySource}\nglobalThis.__tbReadability = Readability; })();\n//# sourceURL=Readability.js`,
    `(function () {
  ${guard}
  const bench = {
    core: globalThis.__tbCore, Snapshot: globalThis.__tbShipped, Readability: globalThis.__tbReadability,
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

export async function addInitScripts(context, options) {
  for (const content of initScripts(options)) await context.addInitScript({ content });
}

export const LAUNCH = {
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

export async function openPage(context, url) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url, { waitUntil: 'load', timeout: 60000 });
  // Let the load settle (late style and layout work) before timing.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50))));
  return { page, errors };
}

// One page in `context`: its first runs, what one run of each allocates, then the timed rounds.
export async function measureOne(context, url, config, more = null) {
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

// A CPU profile of the three methods on one page, summarised by self time.
export async function profilePage(browser, origin, name) {
  // Function names: wasm-bindgen once more on the linker's output, keeping the name section.
  const linked = join(ROOT, 'target', 'wasm32-unknown-unknown', 'wasm', 'tidyread.wasm');
  const namesDir = join(OUT, 'pkg-names');
  let gluePath = join(PKG, 'tidyread.js');
  let wasm = wasmBytes();
  let named = false;
  try {
    execFileSync(
      join(process.env.CARGO_HOME ?? join(process.env.HOME, '.cargo'), 'bin', 'wasm-bindgen'),
      [linked, '--out-dir', namesDir, '--target', 'web', '--no-typescript'],
      { stdio: 'pipe' },
    );
    gluePath = join(namesDir, 'tidyread.js');
    wasm = readFileSync(join(namesDir, 'tidyread_bg.wasm'));
    named = true;
  } catch (error) {
    console.warn(`bench: no named wasm for the profile (${String(error.message).split('\n')[0]}); using pkg/`);
  }
  const context = await browser.newContext();
  await addInitScripts(context, { instantiate: true, gluePath, wasm });
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
      : url.endsWith(SHIPPED_URL)
        ? 'extension'
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

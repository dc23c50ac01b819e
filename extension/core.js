// The one way the wasm core is loaded, by the content script, the background and the playground:
// fetch the bytes, then compile and instantiate them synchronously (initSync), so that a caller
// that starts this while the page is still being parsed has the core ready by the time the page is.
//
// pkg/tidyread.js is wasm-bindgen's glue (`--target web`), bundled into each entry point; only
// its `initSync` is used, never its default export, which would look for the wasm beside the glue.
import { analyze, initSync, stableSelector, version, warmUp } from '../pkg/tidyread.js';

/** The core's functions, once `load` has resolved. */
const CORE = Object.freeze({ analyze, stableSelector, version, warmUp });

/**
 * Fetches the wasm at `wasmUrl` and instantiates it. Resolves to `{core, load}`: the core's
 * functions and how long the two steps took (`fetch_ms`, `init_ms`) with the wasm's `bytes`.
 * Throws where the page's CSP keeps wasm out (Chromium's content scripts: a CompileError).
 */
export async function loadCore(wasmUrl) {
  const t0 = performance.now();
  const response = await fetch(wasmUrl);
  if (!response.ok) throw new Error(`fetching the wasm: HTTP ${response.status}`);
  const bytes = await response.arrayBuffer();
  const t1 = performance.now();
  initSync({ module: bytes });
  return { core: CORE, load: { fetch_ms: t1 - t0, init_ms: performance.now() - t1, bytes: bytes.byteLength } };
}

/**
 * A loader that loads once and hands every caller the same core. `retry`: after a failure, the
 * next call tries again (the background, where a failed fetch is worth another try); without it
 * the failure is kept (a content script, whose page's CSP does not change).
 */
export function coreLoader(wasmUrl, { retry = false } = {}) {
  let loading = null;
  return () => {
    if (loading === null) {
      loading = loadCore(wasmUrl).then(({ core }) => core);
      if (retry) {
        loading.catch(() => {
          loading = null;
        });
      }
    }
    return loading;
  };
}

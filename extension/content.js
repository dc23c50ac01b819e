// The content script: snapshot the page, let the core decide, apply its removals, undo them exactly.
//
// Loaded after pkg/tidyread.js (the wasm-bindgen no-modules glue, global `wasm_bindgen`),
// ext.js and snapshot.js. It holds no heuristics: every decision comes from the core.
(function () {
  'use strict';

  // A second injection into the same page (e.g. an extension reload) must not apply twice.
  if (globalThis.__tidyreadContent) return;
  globalThis.__tidyreadContent = true;

  const scriptStart = performance.now();
  const root = document.documentElement;
  // Marks on <html> while the page is decluttered; gone again after a restore. Tests and CSS read
  // them; the page's own scripts may too.
  const MARK_PATH = 'data-tidyread-path'; // "wasm" (ran here) or "background" (page CSP blocked wasm)
  const MARK_REMOVALS = 'data-tidyread-removals';

  const state = {
    enabled: false,
    path: null,
    // Why the local wasm could not run (e.g. the page's CSP), when it could not.
    localError: null,
    error: null,
    timings: null,
    // {node, placeholder} in the order applied; restored in reverse.
    removed: [],
    // The values the marks had before we set them (null: absent), so a restore gives them back.
    marksBefore: null,
  };

  let localCore = null;

  // The wasm in this content script. Chromium applies the page's CSP to wasm compilation here
  // ("CompileError: WebAssembly.Module(): " with no reason on `script-src 'self'` pages); Firefox
  // does not. A failure is remembered: the page's CSP does not change.
  function loadLocalCore() {
    localCore ??= (async () => {
      const response = await fetch(ext.url('pkg/tidyread_bg.wasm'));
      if (!response.ok) throw new Error(`fetching the wasm: HTTP ${response.status}`);
      const bytes = await response.arrayBuffer();
      wasm_bindgen.initSync({ module: bytes });
      return wasm_bindgen;
    })();
    return localCore;
  }
  // Start fetching and compiling while the page settles.
  loadLocalCore().catch(() => {});

  /**
   * Runs the core on a snapshot: here when the page lets wasm run, else in the background, which
   * runs the same `analyze` from the same package on the same words and strings.
   * @returns {Promise<{analysis: object, path: "wasm" | "background"}>}
   */
  async function analyzeSnapshot(snapshot, options) {
    let core = null;
    try {
      core = await loadLocalCore();
    } catch (error) {
      state.localError = `${error.name}: ${error.message}`;
    }
    if (core !== null) {
      return { analysis: core.analyze(snapshot.words, snapshot.strings, options), path: 'wasm' };
    }
    const reply = await ext.toBackground('content', 'analyze', {
      snapshot: TidyreadSnapshot.toWire(snapshot),
      options,
    });
    return { analysis: reply.analysis, path: 'background' };
  }

  function setMarks(path, count) {
    state.marksBefore = [MARK_PATH, MARK_REMOVALS].map((name) => [name, root.getAttribute(name)]);
    root.setAttribute(MARK_PATH, path);
    root.setAttribute(MARK_REMOVALS, String(count));
  }

  function clearMarks() {
    for (const [name, value] of state.marksBefore ?? []) {
      if (value === null) root.removeAttribute(name);
      else root.setAttribute(name, value);
    }
    state.marksBefore = null;
  }

  // Each removed node is swapped for an empty comment, so a restore puts it back exactly where it
  // was even if the page has changed its siblings meanwhile.
  function applyRemovals(removals, nodes) {
    for (const removal of removals) {
      const node = nodes[removal.node];
      // The core never removes these; the checks keep a stale or wrong id from breaking the page.
      // A node already gone (inside an earlier removal, or removed by the page) is left alone.
      if (node === undefined || node === document || node === root || !node.isConnected) continue;
      const placeholder = document.createComment('');
      node.replaceWith(placeholder);
      state.removed.push({ node, placeholder });
    }
  }

  function restoreRemovals() {
    for (let i = state.removed.length - 1; i >= 0; i--) {
      const { node, placeholder } = state.removed[i];
      if (placeholder.parentNode !== null) placeholder.replaceWith(node);
    }
    state.removed = [];
  }

  function status() {
    return {
      enabled: state.enabled,
      path: state.path,
      removals: state.removed.length,
      localError: state.localError,
      error: state.error,
      timings: state.timings,
    };
  }

  async function reportStatus() {
    try {
      await ext.toBackground('content', 'status', { status: status() });
    } catch (error) {
      console.warn('tidyread: could not report status', error);
    }
  }

  // `since`: when this run began (the script's start for the first run: wasm loading included).
  async function declutter(since) {
    const options = {
      url: location.href,
      keepComments: await ext.getSetting('keepComments', false),
    };
    const snapshot = TidyreadSnapshot.take(document);
    const { analysis, path } = await analyzeSnapshot(snapshot, options);
    applyRemovals(analysis.removals, snapshot.nodes);
    state.enabled = true;
    state.path = path;
    state.error = null;
    state.timings = { ...analysis.timings, total_ms: performance.now() - since };
    setMarks(path, state.removed.length);
  }

  function restore() {
    restoreRemovals();
    clearMarks();
    state.enabled = false;
  }

  async function run(since = performance.now()) {
    try {
      await declutter(since);
    } catch (error) {
      state.error = String(error?.message ?? error);
      console.error('tidyread:', error);
    }
    await reportStatus();
  }

  async function toggle() {
    if (state.enabled) {
      restore();
      await reportStatus();
    } else {
      await run();
    }
    return status();
  }

  ext.listen('content', {
    'background->content/toggle': async () => ({ status: await toggle() }),
    'popup->content/status': () => ({ status: status() }),
  });

  run(scriptStart);
})();

// The content script: snapshot the page, let the core decide, apply its removals, undo them exactly.
// It holds no heuristics: every decision comes from the core. Bundled with the modules it imports
// into one classic script (scripts/bundle.mjs), which the background registers or injects.
//
// Where the user granted host access it starts at document_start: while the page is parsed, it
// hides certain ad markup with the core's pre-hide sheet (prehide.js), loads the wasm and warms
// it up (V8 compiles wasm lazily, on first call: ~20 ms that would otherwise delay the first
// decision), then declutters once the page's own DOMContentLoaded handlers have run, and takes
// the sheet away. Injected on a click, it finds the page loaded and runs at once.
//
// Besides the first run, a watcher (watch.js) sees what the page inserts, fills or reveals later
// (lazy ad slots, late modals, a banner shown by an attribute): it re-runs the core on the whole
// page (which it needs for context) and applies only the removals that lie in, or around, what
// the page changed since the last run.
//
// Nothing is detached: clutter is hidden by a user-origin stylesheet (hiding.js), so the page's
// own scripts find every node where they left it, and a restore gives back the page byte for byte.
import { coreLoader } from './core.js';
import * as ext from './ext.js';
import { listen, toBackground } from './messages.js';
import { OUTLINE_TAG, outline } from './outline.js';
import { guardReader } from './over-reader.js';
import * as picker from './picker.js';
import * as hiding from './hiding.js';
import { PREHIDE_CSS } from './prehide.js';
import * as reader from './reader.js';
import { Blocks, applyRemovals } from './removals.js';
import * as settings from './settings.js';
import { Slices } from './slices.js';
import { take, toWire } from './snapshot.js';
import { watcher } from './watch.js';

const root = document.documentElement;

// Kinds of block that usually come with a scroll lock on <html> or <body>.
const MODAL_KINDS = new Set(['overlay', 'consent_banner', 'newsletter', 'paywall_prompt']);

// Re-runs for content the page adds later. A run snapshots and analyses the whole page (5–50 ms
// on ordinary pages), so they are batched and bounded.
// The batch window after the first mutation of a batch: a lazy slot is filled in a few steps
// (container, label, frame) within a frame or two; 250 ms catches them in one run, and is
// about as long as it takes to notice an ad.
const BATCH_MS = 250;
// A token bucket: up to RUN_BURST runs back to back (a page settling after load), then one
// every RUN_REFILL_MS. A page that mutates forever costs at most 5 + 20 runs a minute.
const RUN_BURST = 5;
const RUN_REFILL_MS = 3000;
// And never more than about a tenth of the time: after a run of t ms, wait at least 10 t.
const IDLE_FACTOR = 10;
// Layout bits in the snapshot (src/dom/snapshot.rs): the core reads `position: fixed` from
// inline styles itself, but most overlays get it from the page's stylesheets. Computed styles
// cost a style lookup each, so only where overlays live: <body>'s children, grandchildren and
// great-grandchildren (a modal is appended to <body>, or to an app root or two inside it).
// Only `fixed`: a sticky box deep in a layout (a sidebar, a table of contents) is the page's.
// Measured over the 130 corpus pages (bench/layout-bits.mjs): a median of 16 lookups and no
// measurable time; 10 pages have a fixed box there. Off for now: with the bit, the core's
// overlay rule also takes fixed site bars built from <div>s (wikia's global navigation, 145
// words of links), which decluttering must leave alone; turn on once the core tells them apart.
const FILL_LAYOUT = false;
const LAYOUT_FIXED = 1;
const LAYOUT_DEPTHS = { min: 2, max: 4 };
const NO_LAYOUT = new Set(['head', 'script', 'style', 'link', 'meta', 'title', 'noscript', 'template', 'br']);

function layoutOf(element, depth) {
  if (depth < LAYOUT_DEPTHS.min || depth > LAYOUT_DEPTHS.max || NO_LAYOUT.has(element.localName)) return 0;
  return getComputedStyle(element).position === 'fixed' ? LAYOUT_FIXED : 0;
}

// What the core is shown, slice by slice (slices.js): the whole page at first (a sample of a
// huge one), then what a first look left out and what the page changes, each a part that costs
// the page a few milliseconds.
const slices = new Slices(document, { shadowRoot: ext.shadowRootOf, layout: FILL_LAYOUT ? layoutOf : null });

const state = {
  enabled: false,
  path: null,
  // Why the local wasm could not run (e.g. the page's CSP), when it could not.
  localError: null,
  error: null,
  timings: null,
  readerable: null,
  // Every distinct block hidden since decluttering was turned on (removals.js's Blocks).
  blocks: new Blocks(),
  // The sheet that lifts a modal's scroll lock, while it is in the page.
  scrollUnlock: null,
  // Core runs: the first (and each toggle or reapply), the observer's, batches deferred by the
  // rate cap, the slices that follow a first look or a batch, and the reader view's own (none
  // when automatic mode takes the first run's).
  runs: { full: 0, observer: 0, deferred: 0, slices: 0, reader: 0 },
  // The settings for this page's host (settings.js's forHost).
  site: null,
};

// Nodes a user put back one by one: later runs leave them alone (until a reapply).
let userRestored = new WeakSet();

// The wasm in this content script. Chromium applies the page's CSP to wasm compilation here
// ("CompileError: WebAssembly.Module(): " with no reason on `script-src 'self'` pages); Firefox
// does not. A failure is remembered: the page's CSP does not change.
const loadLocalCore = coreLoader(ext.url('pkg/tidyread_bg.wasm'));

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
  const reply = await toBackground('content->background/analyze', {
    snapshot: toWire(snapshot),
    options,
  });
  return { analysis: reply.analysis, path: 'background' };
}

/** The core's stable selector for a live element (src/dom/selector.rs), or null. */
async function selectorFor(element) {
  const snapshot = take(document, { shadowRoot: ext.shadowRootOf });
  const node = snapshot.nodes.indexOf(element);
  if (node < 0) return null;
  let core = null;
  try {
    core = await loadLocalCore();
  } catch {
    // The page's CSP keeps wasm out: the background answers.
  }
  if (core !== null) return core.stableSelector(snapshot.words, snapshot.strings, node) ?? null;
  const reply = await toBackground('content->background/selector', { snapshot: toWire(snapshot), node });
  return reply.selector ?? null;
}

// Resolves once the page is parsed and its own DOMContentLoaded handlers on the document have
// run (they see the page as published): as the event reaches the window, in the same task. Not a
// task later: the browser lays out and paints the page first, which on a huge page takes a second
// or more, and would hold up the first decision that long; this way the first paint shows the
// page decluttered.
const parsed =
  document.readyState !== 'loading'
    ? Promise.resolve()
    : new Promise((resolve) => {
        window.addEventListener('DOMContentLoaded', () => resolve(), { once: true });
      });

// The pre-hide sheet, while it is on: a user sheet like the others (hiding.js), which the page
// can neither read nor see in its markup.
let prehiding = false;

function prehide() {
  prehiding = true;
  hiding.insertSheet(PREHIDE_CSS).catch((error) => {
    // Only the first paint is at stake: decluttering goes on without it.
    console.warn('tidyread: no pre-hide sheet', error);
  });
}

// After the first decision: what the core removed is hidden, what it kept shows again.
function endPrehide() {
  if (!prehiding) return;
  prehiding = false;
  hiding.removeSheet(PREHIDE_CSS).catch(() => {});
}

// Loads the wasm and runs the core on its built-in page while the page is still loading: the
// first run pays V8's lazy compilation; the next ones, one a task while the page is parsed, make
// the core's functions hot enough for V8's optimizing tier, without which the first decision on a
// huge page (taken as the page is parsed) runs several times slower.
const WARM_UP_RUNS = 20;

function warmUp() {
  loadLocalCore()
    .then((core) => {
      let runs = 0;
      const again = () => {
        core.warmUp();
        if (++runs < WARM_UP_RUNS && document.readyState === 'loading') setTimeout(again, 0);
      };
      again();
    })
    .catch(() => {
      // The page's CSP keeps wasm out (Chromium): the run falls back to the background.
    });
}

// One change to the page at a time: runs, restores and messages wait for each other.
let queue = Promise.resolve();
function serial(task) {
  const result = queue.then(task);
  queue = result.catch(() => {});
  return result;
}

// ---- Probes for the e2e suites ----

// Marks on <html> that the e2e suites read (the path the core ran in, the count of blocks hidden).
// Only the e2e build sets them (TEST_HOOKS): the shipped one leaves <html> as the page made it.
const PROBE_PATH = 'data-tidyread-path';
const PROBE_REMOVALS = 'data-tidyread-removals';

function setProbes() {
  if (state.enabled) {
    root.setAttribute(PROBE_PATH, state.path);
    root.setAttribute(PROBE_REMOVALS, String(removedCount()));
  } else {
    root.removeAttribute(PROBE_PATH);
    root.removeAttribute(PROBE_REMOVALS);
  }
}

function removedCount() {
  let n = 0;
  for (const item of state.blocks.current()) if (!item.restored) n++;
  return n;
}

// ---- The page's mutations ----

let batchTimer = null;
let lastRunMs = 0;
let tokens = RUN_BURST;
let tokensAt = performance.now();

function refill(now) {
  tokens = Math.min(RUN_BURST, tokens + (now - tokensAt) / RUN_REFILL_MS);
  tokensAt = now;
}

// The extension's own elements (the reader view's host and toast, the outline, the picker) are
// never the page's clutter.
const OUR_TAGS = new Set([reader.HOST_TAG, reader.TOAST_TAG, OUTLINE_TAG, picker.PICKER_TAG]);
function isOurs(node) {
  return OUR_TAGS.has(node.localName);
}

const watch = watcher(document, { onChange: () => scheduleBatch(), ignore: isOurs });

function observe() {
  watch.start();
}

function stopObserving() {
  watch.stop();
  clearTimeout(batchTimer);
  batchTimer = null;
  clearTimeout(sliceTimer);
  sliceTimer = null;
  slices.reset();
}

// When the next batch may run: after the batch window, after 10× the last run's time, and
// when the bucket has a token.
function scheduleBatch() {
  if (batchTimer !== null) return;
  refill(performance.now());
  let wait = Math.max(BATCH_MS, lastRunMs * IDLE_FACTOR);
  if (tokens < 1) {
    wait = Math.max(wait, (1 - tokens) * RUN_REFILL_MS);
    state.runs.deferred++;
  }
  batchTimer = setTimeout(() => {
    batchTimer = null;
    serial(runBatch);
  }, wait);
}

async function runBatch() {
  if (!watch.watching) return;
  const start = performance.now();
  refill(start);
  if (tokens < 1) {
    scheduleBatch();
    return;
  }
  tokens -= 1;
  state.runs.observer++;
  try {
    await declutter(start, { first: false });
  } catch (error) {
    state.error = String(error?.message ?? error);
    console.error('tidyread:', error);
  }
  lastRunMs = performance.now() - start;
  await reportStatus();
}

// The slices left after a first look or a batch: one a task, with the page's own tasks and
// frames between them, and none counted against the batches' rate cap.
let sliceTimer = null;

function scheduleSlice() {
  if (sliceTimer !== null || !slices.pending) return;
  sliceTimer = setTimeout(() => {
    sliceTimer = null;
    serial(runSlice);
  }, 0);
}

async function runSlice() {
  if (!watch.watching) return;
  state.runs.slices++;
  try {
    await declutter(performance.now(), { first: false });
  } catch (error) {
    state.error = String(error?.message ?? error);
    console.error('tidyread:', error);
  }
  if (!slices.pending) await reportStatus();
}

// ---- Scroll lock ----

// A modal's page usually stops scrolling (overflow: hidden on <html> or <body>, or a fixed
// <body>). With the modal gone, a user sheet overrides that (user !important beats the page's
// styles, inline ones too) and leaves the page's attributes alone.
function liftScrollLock() {
  if (state.scrollUnlock !== null) return;
  const rules = [];
  let scrollTo = null;
  for (const [element, selector] of [
    [root, ':root'],
    [document.body, 'body'],
  ]) {
    if (element === null) continue;
    const style = getComputedStyle(element);
    const overrides = [];
    if (style.overflowY === 'hidden' || style.overflowY === 'clip') overrides.push('overflow-y: visible !important;');
    if (element === document.body && style.position === 'fixed') {
      overrides.push('position: static !important;');
      // The usual "keep the scroll position" trick: body { position: fixed; top: -Ypx }.
      const top = parseFloat(style.top);
      if (Number.isFinite(top) && top < 0) scrollTo = -top;
    }
    if (overrides.length > 0) rules.push(`${selector} { ${overrides.join(' ')} }`);
  }
  if (rules.length === 0) return;
  state.scrollUnlock = rules.join('\n');
  hiding.insertSheet(state.scrollUnlock).then(
    () => {
      if (scrollTo !== null) window.scrollTo(0, scrollTo);
    },
    (error) => console.warn('tidyread: the scroll lock stays', error),
  );
}

function restoreScrollLock() {
  if (state.scrollUnlock === null) return;
  hiding.removeSheet(state.scrollUnlock).catch(() => {});
  state.scrollUnlock = null;
}

function anyModalRemoved() {
  return state.blocks.current().some((item) => !item.restored && MODAL_KINDS.has(item.kind));
}

// ---- Runs ----

// `since`: when this run began (for the first run: when the page was parsed).
// `first`: a first look at the page (slices.js), whose removals all apply; else the next slice,
// what a first look left out (all apply) or what the page changed since (only removals in, or
// around, what it changed apply).
// `article`: have the article sent back too (the core finds it anyway: decluttering protects
// it), which takes the whole page however big. Returns the analysis, or null when there was
// nothing to do.
async function declutter(since, { first, article = false }) {
  // The article, where asked for, is the reader view's: with its Markdown for saving.
  const options = { url: location.href, keepComments: state.site?.keepComments ?? false, article, markdown: article };
  // Everything changed up to the snapshot is in it; what comes after belongs to the next batch.
  watch.collect();
  let look;
  if (first) {
    watch.take();
    look = slices.first({ whole: article });
  } else if (!slices.add(watch.take())) {
    // The page changed what the first look stood on (the article's block went): look again.
    look = slices.first();
  } else {
    look = slices.next();
    if (look === null) return null;
  }
  const { snapshot } = look;
  const changed = look.changed ?? null;
  const started = performance.now();
  // What a page changes inside its shadow trees is seen too, once they are found.
  for (const root of snapshot.shadowRoots) watch.watchShadowRoot(root);
  const { analysis, path } = await analyzeSnapshot(snapshot, { ...options, ...look.options });
  // Turned off while the core ran (settings changed): leave the page alone.
  if (!first && !state.enabled) return null;
  if (look.kind === 'first') {
    slices.learn(snapshot, analysis);
    firstLookFound = [];
  }
  // The page's own changes while the core ran are the next batch's; ours are dropped.
  watch.collect();
  // The core's selector for each removal, beside it (null: none).
  analysis.removals.forEach((removal, i) => (removal.selector = analysis.selectors?.[i] ?? null));
  if (look.kind === 'rest') {
    // What the first look left out is below it, out of sight: hidden all at once with the last
    // of its slices. Each change to the layout of a huge page costs the browser a frame of its
    // whole layout (over 100 ms for 200,000 nodes), however small the change: one such frame,
    // not one a slice.
    for (const removal of analysis.removals) {
      const node = snapshot.nodes[removal.node];
      if (node !== undefined) firstLookFound.push({ node, removal });
    }
    if (!slices.firstLookLeft) apply(firstLookFound, null);
  } else {
    apply(
      analysis.removals.map((removal) => ({ node: snapshot.nodes[removal.node], removal })),
      changed,
    );
    if (changed !== null) reconsider(changed, analysis.removals, snapshot);
  }
  watch.ignoreOwnChanges();
  if (watch.size > 0) scheduleBatch();
  if (look.options.part === true) slices.took(snapshot.nodes.length, performance.now() - started);
  scheduleSlice();
  state.enabled = true;
  state.path = path;
  state.error = null;
  if (analysis.readerable !== undefined) state.readerable = analysis.readerable;
  if (look.options.part !== true) state.timings = { ...analysis.timings, total_ms: performance.now() - since };
  // eslint-disable-next-line no-unused-labels -- a label for the bundler, not for a loop
  TEST_HOOKS: setProbes();
  return analysis;
}

// The element in the middle of the viewport, where the user is reading: on a page that appends
// stories as one scrolls, the reader view shows the one in view (src/in_view.rs). Looked for a
// little above and below the middle too, past the page's own bars and our own elements.
function elementInView() {
  const x = innerWidth / 2;
  for (const y of [innerHeight / 2, innerHeight / 3, (2 * innerHeight) / 3]) {
    const element = document.elementFromPoint(x, y);
    if (element !== null && element !== document.documentElement && element !== document.body && !isOurs(element))
      return element;
  }
  return null;
}

// The removals the slices of a first look found, until the last of them (see declutter).
let firstLookFound = [];

// Hides `found` ({node, removal}; null nodes are skipped), where it may: only in, or around, the
// `changed` elements when given.
function apply(found, changed) {
  const present = found.filter(({ node }) => node !== undefined);
  const applied = applyRemovals(
    present.map(({ removal }, i) => ({ ...removal, node: i + 1 })),
    [document, ...present.map(({ node }) => node)],
    (node) => !userRestored.has(node) && !isOurs(node) && (changed === null || near(node, changed)),
  );
  state.blocks.add(applied);
  if (applied.some(({ removal }) => MODAL_KINDS.has(removal.kind))) liftScrollLock();
}

// Whether `node` is in, or holds, one of the `changed` elements: an ad slot whose label the page
// filled, or a block around a list the page re-rendered.
function near(node, changed) {
  for (let n = node; n !== null; n = n.parentNode) if (changed.has(n)) return true;
  for (const element of changed) if (node.contains(element)) return true;
  return false;
}

// Hidden blocks whose content the page has changed (a list re-rendered into the same nodes, a
// copy a selector rule hid as it came in) are what the core says of them now: shown again, and
// kept from the selector rules, unless this analysis removes them too. Only blocks the snapshot
// holds whole are judged again: of a block it holds part of, the core said nothing.
function reconsider(changed, removals, snapshot) {
  const { nodes } = snapshot;
  const judged = new Set(nodes);
  for (const element of snapshot.partial ?? []) judged.delete(element);
  const removed = new Set();
  for (const removal of removals) if (nodes[removal.node] !== undefined) removed.add(nodes[removal.node]);
  const removedNow = (node) => {
    for (let n = node; n !== null; n = n.parentNode) if (removed.has(n)) return true;
    return false;
  };
  for (const item of state.blocks.current()) {
    if (item.restored) continue;
    for (const node of item.nodes) {
      if (!near(node, changed) || removedNow(node) || !judged.has(node)) continue;
      item.nodes.delete(node);
      hiding.unhide(node);
      if (item.selector !== null && node.matches(item.selector)) hiding.keep(node);
    }
  }
}

// The first run's analysis when it carries the article, for the automatic reader view (one
// analysis for both); null when it does not.
let firstAnalysisReady;
const firstAnalysis = new Promise((resolve) => {
  firstAnalysisReady = resolve;
});

async function run(since = performance.now()) {
  state.runs.full++;
  // Watch from before the snapshot, so nothing added while the core runs is missed.
  observe();
  let analysis = null;
  try {
    await hiding.start();
    // Only the first run's article can serve automatic mode.
    const article = state.runs.full === 1 && state.site?.autoReader === true;
    analysis = await declutter(since, { first: true, article });
  } catch (error) {
    state.error = String(error?.message ?? error);
    console.error('tidyread:', error);
  }
  firstAnalysisReady(analysis?.article === undefined ? null : analysis);
  endPrehide();
  if (!state.enabled) {
    stopObserving();
    await hiding.stop();
  }
  await reportStatus();
}

// Everything back as the page had it: no hidden node, no sheet, no probe.
async function restore() {
  highlight([]);
  stopObserving();
  state.blocks = new Blocks();
  state.scrollUnlock = null;
  state.enabled = false;
  // eslint-disable-next-line no-unused-labels -- a label for the bundler, not for a loop
  TEST_HOOKS: setProbes();
  await hiding.stop();
}

async function restoreOne(id) {
  const item = state.blocks.byId(id);
  if (item === null) throw new Error(`no removed block ${JSON.stringify(id)}`);
  if (item.restored) return;
  state.blocks.restore(item);
  for (const node of item.nodes) userRestored.add(node);
  // Our own change: the records it makes are not the page's.
  watch.ignoreOwnChanges();
  if (MODAL_KINDS.has(item.kind) && !anyModalRemoved()) restoreScrollLock();
  // eslint-disable-next-line no-unused-labels -- a label for the bundler, not for a loop
  TEST_HOOKS: setProbes();
  await reportStatus();
}

// "Bring back all": the page as published, for this visit (the site's setting is unchanged).
async function restoreAll() {
  if (state.enabled) await restore();
  await reportStatus();
}

// The blocks the popup points at, shown where they are and outlined until it points elsewhere.
let peeking = [];
function highlight(ids) {
  for (const node of peeking) if (node.isConnected) hiding.hide(node);
  peeking = [];
  for (const id of ids) {
    const item = state.blocks.byId(id);
    if (item === null || item.restored) continue;
    for (const node of item.nodes) {
      if (!node.isConnected || !hiding.isHidden(node)) continue;
      hiding.unhide(node);
      // Out of reach of the block's selector rule too, until it is hidden again.
      hiding.keep(node);
      peeking.push(node);
    }
  }
  // Our own changes: the records they make are not the page's.
  watch.ignoreOwnChanges();
  outline(peeking, { scroll: true });
}

async function toggle() {
  if (state.enabled) {
    await restore();
    await reportStatus();
  } else {
    await run();
  }
}

// From scratch: everything put back, then the core's decisions again, the blocks a user put back
// one by one included.
async function reapply() {
  if (state.enabled) await restore();
  userRestored = new WeakSet();
  await run();
}

// Applies the site's settings when they change while the page is open: `declutter` turns it on
// or off, `keepComments` changes the core's decisions.
async function follow(site) {
  const was = state.site;
  state.site = site;
  // Other settings (the reader's typography) change too: only a change of these keys counts,
  // so a page toggled by hand stays as the user left it.
  if (site.declutter !== was?.declutter) {
    if (site.declutter && !state.enabled) await run();
    else if (!site.declutter && state.enabled) {
      await restore();
      await reportStatus();
    }
  } else if (state.enabled && site.keepComments !== was?.keepComments) {
    await reapply();
  }
}

// ---- Status and messages ----

function status() {
  return {
    enabled: state.enabled,
    path: state.path,
    removals: removedCount(),
    // The blocks on the page now, each once (a single-page app's earlier routes are gone).
    items: state.blocks.current().map((item) => ({
      id: item.id,
      kind: item.kind,
      reason: item.reason,
      cause: item.cause,
      excerpt: item.excerpt,
      restored: item.restored,
    })),
    readerable: state.readerable,
    readerOpen: reader.isOpen(),
    localError: state.localError,
    error: state.error,
    timings: state.timings,
    runs: { ...state.runs },
  };
}

async function reportStatus() {
  try {
    await toBackground('content->background/status', { status: status() });
  } catch (error) {
    console.warn('tidyread: could not report status', error);
  }
}

// Every message the content script answers (messages.js), the reader view's included.
function answerMessages() {
  const withStatus = (task) => () => serial(task).then(() => ({ status: status() }));
  listen('content', {
    // The background asks before injecting the content script into a tab on a click.
    'background->content/ping': () => ({}),
    'background->content/reader-toggle': async () => ({ reader: await reader.toggle() }),
    'background->content/reader-show': async () => ({ reader: await reader.show() }),
    'popup->content/status': () => ({ status: status() }),
    'popup->content/restore-one': (message) => withStatus(() => restoreOne(message.id))(),
    'popup->content/reapply': withStatus(reapply),
    'popup->content/restore-all': withStatus(restoreAll),
    'popup->content/highlight': (message) =>
      serial(() => highlight(message.ids.filter(Number.isInteger))).then(() => ({})),
    'popup->content/reader-state': () => ({ reader: reader.state() }),
    'popup->content/reader-toggle': async () => ({ reader: await reader.toggle() }),
  });
  // Only in the e2e suites' build: scripts/bundle.mjs drops this labelled statement from the
  // shipped one.
  // eslint-disable-next-line no-unused-labels -- a label for the bundler, not for a loop
  TEST_HOOKS: listen('content', {
    'background->content/toggle': withStatus(toggle),
    'background->content/reader-state': (message) => ({ reader: reader.state(message) }),
  });
}

async function start() {
  // Before anything that waits: the settings come from storage, and the page may paint first.
  // A site where decluttering is off gets the sheet for those few milliseconds only.
  if (document.readyState === 'loading') prehide();
  try {
    state.site = settings.forHost(await settings.load(), location.hostname);
  } catch (error) {
    console.warn('tidyread: could not read the settings; using the defaults', error);
    state.site = settings.forHost(settings.DEFAULTS, location.hostname);
  }
  settings.onChange((changed) => {
    serial(() => follow(settings.forHost(changed, location.hostname)));
  });
  if (!state.site.declutter) {
    // Off for this site: the page stays exactly as published (no marks, no observer).
    endPrehide();
    firstAnalysisReady(null);
    await parsed;
    await reportStatus();
    return;
  }
  if (document.readyState === 'loading') warmUp();
  // The sheet that hides what the first decision removes, in before it.
  hiding.start().catch(() => {
    // run() tries again, and reports the error if it fails again.
  });
  await parsed;
  await run();
}

// Guards the open reader view from the page's own top-layer boxes (over-reader.js).
let unguardReader = null;
function followReader(open) {
  unguardReader?.();
  unguardReader = null;
  const host = open ? root.querySelector(`:scope > ${reader.HOST_TAG}`) : null;
  if (host !== null) unguardReader = guardReader(host);
}

// A second injection into the same page (an extension reload) must not apply twice: the first
// instance keeps the page.
if (!globalThis.__tidyreadContent) {
  globalThis.__tidyreadContent = true;
  hiding.connect(toBackground);
  // First: the parts hidden by hand must be hidden before the page's first paint.
  picker.attach({ selectorFor });
  answerMessages();
  // The reader view (extension/reader.js): it asks for an analysis of the page as it is when the
  // view opens, through the same path (local wasm, else the background): the article, without
  // classifying the clutter.
  reader.attach({
    analyze: async () => {
      state.runs.reader++;
      const snapshot = take(document, { shadowRoot: ext.shadowRootOf, inView: elementInView() });
      return (await analyzeSnapshot(snapshot, { url: location.href, removals: false, markdown: true })).analysis;
    },
    parsed,
    initial: firstAnalysis,
    // The page's own dialogs and popovers stay under the open view; the toolbar button shows
    // whether it is open.
    onOpenChange: (open) => {
      followReader(open);
      return reportStatus();
    },
    // The view's menu entry "Hide part of this page…": the view closes, the picker starts.
    pick: picker.startPicker,
  });
  serial(start);
}

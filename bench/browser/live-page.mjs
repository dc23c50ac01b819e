// A huge, busy page, and what tidyread costs it: the synthetic page of bench/browser/pages.mjs
// (a 200,000-node article between ads, related boxes and a trending sidebar) with a live ticker
// at its top that adds a headline every TICK_MS, as news sites do, and a recorder of the page's
// long tasks. Shared by `make bench-browser` and the e2e suite that records the same figures
// (tests/e2e/live-page.chromium.test.mjs).
//
// What is measured, in Chromium with the extension loaded (support.mjs's launchChromium): when
// DOMContentLoaded fired; when the first decision came (the e2e build's probe attribute on
// <html>, watched by a MutationObserver of the page's); whether the visible clutter (the
// trending sidebar and the first ad slot) was hidden at that moment; and every long task
// (PerformanceObserver 'longtask': a task of the page's main thread over 50 ms) from the first
// decision on, while the ticker runs. The same page without the extension is the baseline.
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { launchChromium, tempDir } from '../../tests/e2e/support.mjs';
import { LAUNCH } from './chromium.mjs';
import { syntheticPage } from './pages.mjs';

/** The ticker adds a headline this often (ms). */
export const TICK_MS = 2000;
/** How long the page is watched after the first decision (ms). */
export const WATCH_MS = 20000;

// Runs in the page, first thing in <head>: records long tasks and the first decision.
function recorder() {
  const seen = { longTasks: [], decidedAt: null, clutterAtDecision: null, dcl: null };
  window.__livePage = seen;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) seen.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  // Long animation frames (Chromium): a frame whose scripts, style, layout and paint took over
  // 50 ms, which a long task does not always show (the browser's rendering is its own work).
  seen.frames = [];
  if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        seen.frames.push({
          start: entry.startTime,
          duration: entry.duration,
          styleAndLayout: entry.startTime + entry.duration - entry.styleAndLayoutStart,
        });
    }).observe({ type: 'long-animation-frame', buffered: true });
  }
  // Whether a block is taken off the page: detached, or it or an ancestor has gained an
  // attribute since DOMContentLoaded (the extension hides a block with an attribute whose name
  // the page cannot know). Read without style or layout, which would cost the page a recalc.
  const clutter = { trending: '.trending', topAd: '.ad-slot.top' };
  const chains = {};
  const chainOf = (element) => {
    const chain = [];
    for (let at = element; at !== null && at !== document.body; at = at.parentElement)
      chain.push([at, at.getAttributeNames().length]);
    return chain;
  };
  document.addEventListener('DOMContentLoaded', () => {
    seen.dcl = performance.now();
    for (const [name, selector] of Object.entries(clutter)) chains[name] = chainOf(document.querySelector(selector));
    // The page as published, for a test of the restore (an e2e suite asks for it; the bench
    // does not, since it costs the page a serialisation).
    if (window.__keepPublished) seen.published = document.querySelector('.layout').outerHTML;
  });
  const showing = (chain) =>
    chain[0][0].isConnected && chain.every(([element, count]) => element.getAttributeNames().length === count);
  new MutationObserver((records, observer) => {
    if (!document.documentElement.hasAttribute('data-tidyread-path')) return;
    seen.decidedAt = performance.now();
    seen.clutterAtDecision = Object.fromEntries(Object.entries(chains).map(([name, chain]) => [name, showing(chain)]));
    observer.disconnect();
  }).observe(document.documentElement, { attributes: true, attributeFilter: ['data-tidyread-path'] });
}

// Runs in the page: the ticker, from DOMContentLoaded on.
function ticker(tickMs) {
  document.addEventListener('DOMContentLoaded', () => {
    const list = document.getElementById('ticker');
    let n = 0;
    setInterval(() => {
      n++;
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = `/live/${n}`;
      link.textContent = `Live: update number ${n} on the story as it develops this afternoon`;
      item.append(link);
      list.prepend(item);
      if (list.children.length > 30) list.lastElementChild.remove();
    }, tickMs);
  });
}

/** Runs in the page (an e2e suite's check): whether every ad slot is hidden. */
export function everyAdSlotHidden() {
  return [...document.querySelectorAll('.ad-slot')].every((slot) => !slot.checkVisibility());
}

/**
 * Runs in the page (an e2e suite's check): the article's sections, whether the paragraphs of a
 * few of them (the first two, the middle one, the last) show, whether the trending list shows,
 * and the ticker's headlines.
 */
export function whatShows() {
  const sections = document.querySelectorAll('article.post > section');
  const sample = [0, 1, Math.floor(sections.length / 2), sections.length - 1].map((i) => sections[i]);
  return {
    sections: sections.length,
    paragraphs: sample.every((section) => [...section.querySelectorAll('p')].every((p) => p.checkVisibility())),
    trending: document.querySelector('.trending').checkVisibility(),
    ticks: document.querySelectorAll('#ticker li').length,
  };
}

/**
 * The page: about `nodes` nodes, the recorder and the ticker. `keepPublished`: the recorder
 * keeps the outerHTML of the page's layout (all but the ticker) as published.
 */
export function livePage(nodes, { keepPublished = false } = {}) {
  const scripts =
    (keepPublished ? '<script>window.__keepPublished = true;</script>' : '') +
    `<script>(${recorder})();</script>` +
    `<script>(${ticker})(${TICK_MS});</script>`;
  const tickerBox =
    '<section class="live-ticker"><h3>Live</h3><ul id="ticker">' +
    '<li><a href="/live/0">Live: the council opens its session on the harbour plans</a></li></ul></section>';
  // An ad slot under the byline, in the first screen, as news pages have one.
  const topAd =
    '<div class="ad-slot top"><span class="ad-label">Advertisement</span><div id="div-gpt-ad-top"></div></div>';
  return syntheticPage(nodes)
    .replace('</head>', `${scripts}</head>`)
    .replace('<div class="layout">', `${tickerBox}<div class="layout">`)
    .replace('<p class="byline">By A. Writer</p>', `<p class="byline">By A. Writer</p>${topAd}`);
}

/**
 * Opens `url` in `context`, waits for the first decision (or, with `decides: false`, for the
 * load), watches the page for `watchMs`, and returns the figures: DOMContentLoaded and the
 * first decision (ms since navigation), the clutter showing at the decision, and the long tasks
 * from the decision on (or from the load on, without one): the longest, their count and their
 * total (the time the page was frozen).
 */
export async function measureLivePage(context, url, { decides = true, watchMs = WATCH_MS } = {}) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url, { waitUntil: 'load', timeout: 120000 });
  const seen = () => page.evaluate(() => ({ ...window.__livePage, published: undefined }));
  const start = Date.now();
  if (decides) {
    while ((await seen()).decidedAt === null) {
      if (Date.now() - start > 60000) throw new Error(`no first decision on ${url} in 60 s`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const from = decides ? (await seen()).decidedAt : await page.evaluate(() => performance.now());
  await new Promise((resolve) => setTimeout(resolve, watchMs));
  const result = await seen();
  const nodes = await page.evaluate(() => {
    const walker = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
    let n = 0;
    while (walker.nextNode() !== null) n++;
    return n;
  });
  await page.close();
  // The tasks that began after the decision: the one that made it began before.
  const after = result.longTasks.filter((task) => task.start >= from);
  const framesAfter = result.frames.filter((frame) => frame.start >= from);
  const longestFrame = framesAfter.reduce((a, b) => (b.duration > (a?.duration ?? 0) ? b : a), null);
  const round = (x) => (x === null ? null : Math.round(x * 10) / 10);
  return {
    nodes,
    dcl_ms: round(result.dcl),
    first_decision_after_dcl_ms: decides ? round(result.decidedAt - result.dcl) : null,
    clutter_showing_at_decision: result.clutterAtDecision,
    watched_ms: watchMs,
    long_tasks_after: after.length,
    longest_task_after_ms: round(Math.max(0, ...after.map((task) => task.duration))),
    frozen_after_ms: round(after.reduce((sum, task) => sum + task.duration, 0)),
    long_frames_after: framesAfter.length,
    longest_frame_after_ms: round(longestFrame?.duration ?? 0),
    longest_frame_style_and_layout_ms: round(longestFrame?.styleAndLayout ?? 0),
    long_tasks_before: result.longTasks.length - after.length,
    page_errors: errors,
  };
}

/**
 * The figures of the live page at `url` without tidyread (a plain Chromium) and with it (the
 * e2e build of the extension, granted all sites), one after the other; with `before`, the
 * directory of an older e2e Chrome build, also with that build (`before`), in the same run.
 */
export async function livePageFigures(url, { watchMs = WATCH_MS, before = null } = {}) {
  const browser = await chromium.launch(LAUNCH);
  let without;
  try {
    without = await measureLivePage(await browser.newContext(), url, { decides: false, watchMs });
  } finally {
    await browser.close();
  }
  const withExtension = async (extension) => {
    const profile = tempDir('tidyread-bench-live-');
    const context = await launchChromium(profile.dir, extension ? { extension } : {});
    try {
      return await measureLivePage(context, url, { watchMs });
    } finally {
      await context.close();
      profile.remove();
    }
  };
  const figures = { without, with: await withExtension(null) };
  if (before) figures.before = { what: `${buildName(before)}, in the same run`, ...(await withExtension(before)) };
  return figures;
}

// A build's directory, with the commit of the checkout it sits in when there is one.
function buildName(dir) {
  try {
    const commit = execFileSync('git', ['-C', dir, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    return `the build of commit ${commit}`;
  } catch {
    return `the build in ${dir}`;
  }
}

/**
 * The same figures before the content script looked at pages in slices (main at f964319: the
 * whole page snapshotted and analysed at each decision, a task after DOMContentLoaded), measured
 * once by this module on this machine, for the report to show beside today's when the run has no
 * `before` build of its own (`--live-before`).
 */
export const LIVE_PAGE_BEFORE = {
  what: 'main at f964319, measured once by the same code, at a load average of 12.6',
  first_decision_after_dcl_ms: 3202,
  longest_task_after_ms: 1188,
  long_tasks_after: 3,
  frozen_after_ms: 2144,
};

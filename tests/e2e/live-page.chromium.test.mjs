// A huge page that never stops changing, in Debian's Chromium with the extension: a 200,000-node
// article between ads, related boxes and a trending sidebar, with a live ticker that adds a
// headline every 2 s (bench/browser/live-page.mjs). The first decision takes the clutter of the
// first screen, from a first look at a sample of the page; the rest of the page follows in
// slices, and so do the ticker's changes; every paragraph stays; a restore gives the page back
// byte for byte.
//
// What it costs the page is recorded, not asserted (timings belong to the benchmark, which
// reports the same figures: `make bench-browser`): the first decision after DOMContentLoaded,
// and the long tasks (PerformanceObserver 'longtask') that began after it, with the page
// without tidyread beside them. They go to the console and to dist/live-page.json.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { LAUNCH } from '../../bench/browser/chromium.mjs';
import { everyAdSlotHidden, livePage, measureLivePage, whatShows } from '../../bench/browser/live-page.mjs';
import { startServer } from './server.mjs';
import { isMarked, launchChromium, requireDist, ROOT, tempDir, waitFor } from './support.mjs';

const NODES = 200_000;
const PATH = '/live-page.html';

let server;
let url;
let profile;
let context;
let worker;

before(async () => {
  requireDist('chrome');
  // From the test server, as a page comes: in the parser a piece at a time.
  server = await startServer({ generated: { [PATH]: livePage(NODES, { keepPublished: true }) } });
  url = server.url(PATH);
  profile = tempDir('tidyread-live-page-');
  context = await launchChromium(profile.dir);
  worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15000 }));
  await worker.evaluate(() => {
    globalThis.testTabs = new Map();
    chrome.runtime.onMessage.addListener((message, sender) => {
      if (message?.type === 'content->background/status' && sender.tab)
        globalThis.testTabs.set(sender.url, sender.tab.id);
      return false;
    });
  });
});

after(async () => {
  await context?.close();
  await server?.close();
  profile?.remove();
});

test('the figures: first decision after DOMContentLoaded, long tasks after it, without tidyread beside them', async () => {
  const browser = await chromium.launch(LAUNCH);
  const without = await measureLivePage(await browser.newContext(), url, { decides: false });
  await browser.close();
  const withTidyread = await measureLivePage(context, url);
  const figures = { page: `${withTidyread.nodes} nodes, a ticker every 2 s`, with: withTidyread, without };
  console.log(`live page: ${JSON.stringify(figures, null, 2)}`);
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  writeFileSync(join(ROOT, 'dist', 'live-page.json'), `${JSON.stringify(figures, null, 2)}\n`);
  // What is asserted is what the page shows, not how long it took.
  assert.deepEqual(withTidyread.clutter_showing_at_decision, { trending: false, topAd: false });
  assert.deepEqual(withTidyread.page_errors, []);
  assert.ok(withTidyread.nodes > NODES * 0.95, `the page is huge (${withTidyread.nodes} nodes)`);
});

test('the rest of the page follows in slices: every ad slot goes, every paragraph stays, the ticker goes on; restore is exact', async () => {
  await worker.evaluate((u) => globalThis.testTabs.delete(u), url);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url, { timeout: 120000 });
  const tabId = await waitFor('the status', () => worker.evaluate((u) => globalThis.testTabs.get(u), url), {
    timeout: 60000,
  });
  await waitFor('the first decision', () => page.evaluate(isMarked), { timeout: 60000 });
  const slots = await page.evaluate(() => document.querySelectorAll('.ad-slot').length);
  assert.ok(slots > 30, `ad slots all down the article (${slots})`);
  await waitFor('every ad slot to be hidden', () => page.evaluate(everyAdSlotHidden), {
    timeout: 90000,
    interval: 500,
  });
  const shown = await page.evaluate(whatShows);
  assert.ok(shown.sections > 7000, `the article's sections (${shown.sections})`);
  assert.equal(shown.paragraphs, true, 'paragraphs at the top, the middle and the end of the article show');
  assert.equal(shown.trending, false);
  const status = (await worker.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'popup->content/status' }), tabId))
    .status;
  assert.ok(status.runs.slices > 10, `the page was looked at in slices (${JSON.stringify(status.runs)})`);
  assert.equal(status.runs.full, 1);
  // The ticker went on adding (and dropping) its headlines throughout.
  const ticked = await page.evaluate(() => document.querySelector('#ticker a').href);
  await waitFor('a new headline', () =>
    page.evaluate((href) => document.querySelector('#ticker a').href !== href, ticked),
  );

  const off = await worker.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'background->content/toggle' }), tabId);
  assert.equal(off?.ok, true, off?.error);
  assert.equal(off.status.enabled, false);
  const exact = await page.evaluate(() => document.querySelector('.layout').outerHTML === window.__livePage.published);
  assert.equal(exact, true, "the page's layout is byte for byte as published");
  assert.deepEqual(errors, []);
  await page.close();
});

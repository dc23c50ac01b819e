// The store screenshots, 1280×800, written into dist/screenshots/ (not committed) from the built
// extension in Chromium, on a news page made for them (pages/store-article.html):
//   before.png  the page as published, its clutter in place (decluttering off for the site)
//   after.png   the same page once the site's switch is turned on
//   popup.png   the popup with the removed clutter, over the decluttered page
//   reader.png  the reader view
// Each is checked for what it must show, so a screenshot of a broken state fails the suite.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startServer } from './server.mjs';
import { ROOT, launchChromium, requireDist, tempDir, waitFor } from './support.mjs';

const SCREENSHOTS = join(ROOT, 'dist', 'screenshots');
const SIZE = { width: 1280, height: 800 };
const PAGE = '/store-article.html';
// The page's clutter, by id, and a paragraph of its article.
const CLUTTER = ['ad-top', 'div-gpt-ad-1710400000000-1', 'newsletter', 'trending', 'recommended', 'consent'];
const PARAGRAPH = 'At half past five on a winter morning';

let server;
let profile;
let context;
let worker;
let extensionId;

before(async () => {
  requireDist('chrome');
  mkdirSync(SCREENSHOTS, { recursive: true });
  server = await startServer();
  profile = tempDir('tidyread-screenshots-');
  context = await launchChromium(profile.dir, { viewport: SIZE });
  worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15000 }));
  extensionId = new URL(worker.url()).host;
  // The content script's status reports, by page: the tab's id and what it last said.
  await worker.evaluate(() => {
    globalThis.testStatus = new Map();
    chrome.runtime.onMessage.addListener((message, sender) => {
      if (message?.type === 'content->background/status' && sender.tab) {
        globalThis.testStatus.set(sender.url, { tabId: sender.tab.id, ...message.status });
      }
      return false;
    });
  });
});

after(async () => {
  await context?.close();
  await server?.close();
  profile?.remove();
});

const setSiteDeclutter = (declutter) =>
  worker.evaluate(
    (on) => chrome.storage.sync.set({ settings: { version: 1, sites: { '127.0.0.1': { declutter: on } } } }),
    declutter,
  );

const statusOf = (url) => worker.evaluate((u) => globalThis.testStatus.get(u) ?? null, url);

/** Which of `ids` the page shows, and whether the article's paragraph is on screen. */
function shown({ ids, paragraph }) {
  const visible = (element) =>
    element !== null && element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden';
  const text = [...document.querySelectorAll('article p')].find((p) => p.textContent.startsWith(paragraph));
  return { clutter: ids.filter((id) => visible(document.getElementById(id))), paragraph: visible(text ?? null) };
}

/** The PNG's width and height, from its IHDR chunk. */
function pngSize(path) {
  const png = readFileSync(path);
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG', path);
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

async function screenshot(page, name) {
  const path = join(SCREENSHOTS, name);
  await page.screenshot({ path });
  assert.deepEqual(pngSize(path), SIZE, name);
  return path;
}

test('store screenshots: the page before and after decluttering, the popup, the reader view', async () => {
  await setSiteDeclutter(false);
  const page = await context.newPage();
  const url = server.url(PAGE);
  await page.goto(url);
  await waitFor(
    'the content script to report the page untouched',
    async () => (await statusOf(url))?.enabled === false,
  );
  // The lead image is part of what the stores show.
  await page.waitForFunction(() => document.querySelector('.lead img').complete);
  assert.deepEqual(await page.evaluate(shown, { ids: CLUTTER, paragraph: PARAGRAPH }), {
    clutter: CLUTTER,
    paragraph: true,
  });
  await screenshot(page, 'before.png');

  await setSiteDeclutter(true);
  const { tabId, removals } = await waitFor('the page to be decluttered', async () => {
    const status = await statusOf(url);
    return status?.enabled && status.removals > 0 && status;
  });
  assert.deepEqual(await page.evaluate(shown, { ids: CLUTTER, paragraph: PARAGRAPH }), {
    clutter: [],
    paragraph: true,
  });
  const afterPath = await screenshot(page, 'after.png');

  // The popup as the browser shows it, under the toolbar at the right, over the decluttered page.
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 360, height: SIZE.height });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  await waitFor('the popup to list the removals', async () => (await popup.locator('#removals').textContent()) !== '…');
  assert.equal(await popup.locator('#removals').textContent(), String(removals));
  const listed = await popup
    .locator('#groups .group summary .count')
    .evaluateAll((counts) => counts.reduce((n, c) => n + Number(c.textContent), 0));
  assert.equal(listed, removals, 'every removed block is listed');
  const popupShot = await popup.screenshot({ fullPage: true });
  await popup.close();
  const frame = await context.newPage();
  const dataUrl = (bytes) => `data:image/png;base64,${Buffer.from(bytes).toString('base64')}`;
  await frame.setContent(
    `<body style="margin:0;overflow:hidden"><img src="${dataUrl(readFileSync(afterPath))}" style="display:block">` +
      `<img src="${dataUrl(popupShot)}" style="position:fixed;top:0;right:16px;max-height:${SIZE.height - 16}px;` +
      'object-fit:cover;object-position:top;border-radius:0 0 8px 8px;box-shadow:0 8px 28px rgba(0,0,0,.35)"></body>',
  );
  await frame.waitForFunction(() => [...document.images].every((image) => image.complete && image.naturalWidth > 0));
  await screenshot(frame, 'popup.png');
  await frame.close();

  await worker.evaluate(async (id) => chrome.action.onClicked.dispatch(await chrome.tabs.get(id)), tabId);
  const reader = await waitFor('the reader view to open', async () => {
    const reply = await worker.evaluate(
      (id) => chrome.tabs.sendMessage(id, { type: 'background->content/reader-state' }),
      tabId,
    );
    return reply?.ok && reply.reader.readerOpen && reply.reader;
  });
  assert.match(reader.title, /^The library that never closes/);
  assert.ok(reader.images.length > 0, 'the lead image is in the view');
  await screenshot(page, 'reader.png');
  await page.close();
});

// The reader view, automatic reader mode and per-site switches, in Debian's Chromium with the
// built extension (Playwright).
//
// The view lives in a *closed* shadow root, which neither the page nor Playwright can look into,
// so the tests ask the content script what it shows (`background->content/reader-state`, sent
// from the service worker), click its toolbar with the mouse at the places it reports, and take
// screenshots (target/e2e-artifacts/, not committed).
//
// Two hosts serve the same pages: 127.0.0.1 (site A) and localhost (site B).
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { servePictures } from './reader-harness.mjs';
import { startServer } from './server.mjs';
import { ROOT, requireDist, tempDir, waitFor, launchChromium } from './support.mjs';

const ARTIFACTS = join(ROOT, 'target', 'e2e-artifacts');
const SEED = '/fixtures/seed-townhall/page.html';
const SEED_EXPECTED = JSON.parse(
  readFileSync(join(ROOT, 'tests', 'fixtures', 'seed-townhall', 'expected.json'), 'utf8'),
);

let server;
let profile;
let context;
let worker;
const consoleLines = [];

before(async () => {
  requireDist('chrome');
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startServer();
  profile = tempDir('tidyread-reader-');
  // The seed page names ad servers and image hosts: fail those at once, offline.
  context = await launchChromium(profile.dir, {
    viewport: { width: 1100, height: 800 },
    args: ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost'],
  });
  await servePictures(context);
  worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15000 }));
  // Without the "tabs" permission, tabs.query cannot filter by URL: the content script's status
  // message tells the worker which tab shows which page.
  await worker.evaluate(() => {
    globalThis.testTabs = new Map();
    globalThis.testPopups = [];
    chrome.runtime.onMessage.addListener((message, sender) => {
      if (message?.type === 'content->background/status' && sender.tab)
        globalThis.testTabs.set(sender.url, sender.tab.id);
      // The popup asks for the core's version as it opens: even a popup that closes again at once
      // (it loses focus) is seen. A popup has no sender.tab; the page opened in a tab has one.
      if (message?.type === 'popup->background/core-version')
        globalThis.testPopups.push({ url: sender.url, inTab: sender.tab !== undefined });
      return false;
    });
  });
  context.on('console', (message) => {
    if (message.type() !== 'error' || !/ERR_NAME_NOT_RESOLVED|404/.test(message.text())) {
      consoleLines.push(`${message.type()}: ${message.text()}`);
    }
  });
});

after(async () => {
  if (consoleLines.length) console.log(`browser console:\n  ${consoleLines.slice(-40).join('\n  ')}`);
  await context?.close();
  await server?.close();
  profile?.remove();
});

const urlOn = (host, path) => server.url(path).replace('127.0.0.1', host);

async function setSettings(settings) {
  await worker.evaluate((s) => chrome.storage.sync.set({ settings: s }), settings);
}

async function storedSettings() {
  return worker.evaluate(async () => (await chrome.storage.sync.get('settings')).settings);
}

/** Opens `url` in a new page and waits for the content script's first status report. */
async function open(url) {
  const page = await context.newPage();
  await worker.evaluate((u) => globalThis.testTabs.delete(u), url);
  await page.goto(url);
  const tabId = await waitFor(`the content script of ${url}`, () =>
    worker.evaluate((u) => globalThis.testTabs.get(u), url),
  );
  return { page, tabId };
}

async function readerState(tabId, layout = false) {
  const reply = await worker.evaluate(
    ({ id, layout }) => chrome.tabs.sendMessage(id, { type: 'background->content/reader-state', layout }),
    { id: tabId, layout },
  );
  assert.equal(reply.ok, true, JSON.stringify(reply));
  return reply.reader;
}

const clickAction = (tabId) =>
  worker.evaluate(async (id) => chrome.action.onClicked.dispatch(await chrome.tabs.get(id)), tabId);
const pressShortcut = (tabId) =>
  worker.evaluate(async (id) => chrome.commands.onCommand.dispatch('toggle-reader', await chrome.tabs.get(id)), tabId);

async function waitOpen(tabId, open = true) {
  return waitFor(`the reader view to ${open ? 'open' : 'close'}`, async () => {
    const state = await readerState(tabId, true);
    return state.readerOpen === open && state;
  });
}

/**
 * Clicks the control `set`/`value` (e.g. theme/dark, size/1, close) with the mouse; the text
 * settings wait in their menu, which is opened first.
 */
async function clickControl(page, tabId, set, value = null) {
  const find = async () =>
    (await readerState(tabId, true)).controls.find((c) => c.set === set && (value === null || c.value === value));
  let control = await find();
  assert.ok(control, `a control for ${set} ${value ?? ''}`);
  if (!control.visible) {
    await clickControl(page, tabId, 'panel', 'settings');
    control = await waitFor(`${set} to show`, async () => (await find())?.visible && (await find()));
  }
  await page.mouse.click(control.x, control.y);
}

const squash = (text) => text.replace(/\s+/g, ' ').trim();

test('the toolbar button opens the seed article in the reader view, and Esc gives the page back exactly', async () => {
  await setSettings({});
  const { page, tabId } = await open(server.url(SEED));
  // Focus on a link of the page, to come back to.
  await page.evaluate(() => document.querySelector('footer a[href]').focus({ preventScroll: true }));
  await page.evaluate(() => window.scrollTo({ left: 0, top: 700, behavior: 'instant' }));
  const before = await page.evaluate(() => ({ html: document.documentElement.outerHTML, x: scrollX, y: scrollY }));
  assert.ok(before.y > 0, 'the page scrolled');

  await clickAction(tabId);
  const state = await waitOpen(tabId);
  assert.equal(state.title, SEED_EXPECTED.title);
  assert.equal(state.site, 'Townhall');
  assert.deepEqual(state.meta, ['Townhall Staff', 'June 23, 2019', '2 min read']);
  assert.equal(state.lang, 'en');
  assert.deepEqual(state.paragraphs.map(squash), SEED_EXPECTED.paragraphs.map(squash), 'all 9 paragraphs, in order');
  assert.equal(state.focus, 'h1#title', 'focus moves to the title');
  assert.ok(state.images.length > 0, "the article's picture is shown");
  for (const image of state.images)
    assert.deepEqual(image, { loading: 'lazy', referrer: 'no-referrer' }, 'images load lazily, without a referrer');
  for (const link of state.links) assert.deepEqual(link, { target: '_blank', rel: 'noopener noreferrer' });
  assert.match(state.computed.fontFamily, /^Georgia/, 'serif by default');
  assert.equal(state.computed.fontSize, '20px');
  // About 65 characters a line: 65ch of the serif face at 20px.
  assert.ok(state.computed.measure > 600 && state.computed.measure < 900, `measure ${state.computed.measure}px`);

  // Nothing of the view is visible to the page: a closed root, and the page underneath is inert.
  const seen = await page.evaluate(() => {
    const host = document.querySelector('tidyread-reader');
    return {
      host: host !== null,
      shadowRoot: host?.shadowRoot ?? null,
      bodyInert: document.body.inert,
      overflow: getComputedStyle(document.documentElement).overflow,
    };
  });
  assert.deepEqual(seen, { host: true, shadowRoot: null, bodyInert: true, overflow: 'hidden' });
  // caret: 'initial': hiding the caret, Playwright writes style="" on the page's inputs, which
  // the page, decluttered with its newsletter form hidden in place, still has.
  await page.screenshot({ path: join(ARTIFACTS, 'reader-chromium-open.png'), caret: 'initial' });

  // Printing: the article alone, the host a plain block that flows over pages. (Emulated print
  // media fires no beforeprint: the test sends the events a real print sends.)
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  assert.equal((await readerState(tabId)).computed.toolbarDisplay, 'none', 'no toolbar in print');
  assert.deepEqual(
    await page.evaluate(() => [
      getComputedStyle(document.querySelector('tidyread-reader')).position,
      getComputedStyle(document.body).display,
    ]),
    ['static', 'none'],
  );
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  assert.equal((await readerState(tabId)).computed.toolbarDisplay, 'flex');
  assert.equal(await page.evaluate(() => document.querySelector('tidyread-reader').matches(':popover-open')), true);

  await page.keyboard.press('Escape');
  await waitOpen(tabId, false);
  const back = await page.evaluate(() => ({ html: document.documentElement.outerHTML, x: scrollX, y: scrollY }));
  assert.equal(back.html, before.html, 'document.documentElement.outerHTML is as before the view opened');
  assert.deepEqual([back.x, back.y], [before.x, before.y], 'the scroll position is as before');
  assert.equal(
    await page.evaluate(() => document.activeElement?.closest('footer') !== null && document.activeElement.localName),
    'a',
    "focus is back on the page's link",
  );
  await page.close();
});

test('the keyboard shortcut opens the view; its close button closes it', async () => {
  const { page, tabId } = await open(server.url(SEED));
  const before = await page.evaluate(() => document.documentElement.outerHTML);
  await pressShortcut(tabId);
  const state = await waitOpen(tabId);
  assert.equal(state.paragraphs.length, SEED_EXPECTED.paragraphs.length);
  await clickControl(page, tabId, 'close');
  await waitOpen(tabId, false);
  assert.equal(await page.evaluate(() => document.documentElement.outerHTML), before);
  // The shortcut toggles too.
  await pressShortcut(tabId);
  await waitOpen(tabId);
  await pressShortcut(tabId);
  await waitOpen(tabId, false);
  assert.equal(await page.evaluate(() => document.documentElement.outerHTML), before);
  await page.close();
});

test("images off: the view fetches nothing from the article's site and shows each picture's description", async () => {
  await setSettings({ reader: { images: false } });
  const { page, tabId } = await open(server.url(SEED));
  const requested = [];
  const onRequest = (request) => requested.push(request.url());
  page.on('request', onRequest);
  await clickAction(tabId);
  const state = await waitOpen(tabId);
  assert.deepEqual(state.images, [], 'no image in the view');
  assert.deepEqual(state.imageDescriptions, ['President Donald Trump at the White House']);
  assert.deepEqual(state.paragraphs.map(squash), SEED_EXPECTED.paragraphs.map(squash), 'the text is whole');
  await page.waitForTimeout(300);
  page.off('request', onRequest);
  assert.deepEqual(
    requested.filter((url) => /townhall\.example/.test(url)),
    [],
    "no request to the article's site",
  );
  await page.keyboard.press('Escape');
  await waitOpen(tabId, false);
  await page.close();
  await setSettings({});
});

test('a page without an article gets a short note, not an empty view, and is left as it was', async () => {
  const { page, tabId } = await open(server.url('/plain/blank.html'));
  const before = await page.evaluate(() => document.documentElement.outerHTML);
  await clickAction(tabId);
  const state = await waitFor('the note', async () => {
    const s = await readerState(tabId);
    return s.toast !== null && s;
  });
  assert.equal(state.readerOpen, false);
  assert.match(state.toast, /no article/);
  await page.waitForTimeout(200); // the note's text comes a moment after its box, for screen readers
  await page.screenshot({ path: join(ARTIFACTS, 'reader-chromium-no-article.png') });
  assert.equal(await page.evaluate(() => document.querySelectorAll('tidyread-toast').length), 1);
  await waitFor('the note to go', async () => (await readerState(tabId)).toast === null, { timeout: 10000 });
  assert.equal(await page.evaluate(() => document.documentElement.outerHTML), before);
  await page.close();
});

test('theme, font and size are chosen in the toolbar and kept across a reload; a screenshot per theme', async () => {
  await setSettings({});
  let { page, tabId } = await open(server.url(SEED));
  await clickAction(tabId);
  await waitOpen(tabId);
  const backgrounds = {};
  for (const theme of ['light', 'sepia', 'dark']) {
    await clickControl(page, tabId, 'theme', theme);
    const state = await waitFor(`the ${theme} theme`, async () => {
      const s = await readerState(tabId);
      return s.settings.theme === theme && s;
    });
    backgrounds[theme] = state.computed.background;
    await page.screenshot({ path: join(ARTIFACTS, `reader-chromium-${theme}.png`) });
  }
  assert.deepEqual(backgrounds, { light: 'rgb(255, 255, 255)', sepia: 'rgb(244, 236, 216)', dark: 'rgb(28, 27, 34)' });
  // Auto follows the system's colour scheme.
  await clickControl(page, tabId, 'theme', 'auto');
  await page.emulateMedia({ colorScheme: 'dark' });
  await waitFor(
    'auto to follow dark',
    async () => (await readerState(tabId)).computed.background === 'rgb(28, 27, 34)',
  );
  await page.screenshot({ path: join(ARTIFACTS, 'reader-chromium-auto-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });
  await waitFor(
    'auto to follow light',
    async () => (await readerState(tabId)).computed.background === 'rgb(255, 255, 255)',
  );

  await clickControl(page, tabId, 'theme', 'sepia');
  await clickControl(page, tabId, 'font', 'sans');
  await clickControl(page, tabId, 'size', '1');
  await clickControl(page, tabId, 'size', '1');
  await waitFor('the settings to be stored', async () => {
    const r = (await storedSettings())?.reader;
    return r?.theme === 'sepia' && r.font === 'sans' && r.size === 22;
  });
  const shown = await readerState(tabId);
  assert.equal(shown.computed.fontSize, '22px');
  assert.doesNotMatch(shown.computed.fontFamily, /^Georgia/);

  await page.reload();
  await waitFor('the content script after the reload', async () => {
    try {
      return (await readerState(tabId)).readerOpen === false;
    } catch {
      return false;
    }
  });
  await clickAction(tabId);
  const again = await waitOpen(tabId);
  assert.deepEqual(
    { theme: again.settings.theme, font: again.settings.font, size: again.settings.size },
    { theme: 'sepia', font: 'sans', size: 22 },
  );
  assert.equal(again.computed.background, 'rgb(244, 236, 216)');
  assert.equal(again.computed.fontSize, '22px');
  await page.close();
  await setSettings({});
});

test('automatic reader mode: on for site A opens its article, not its home page, not site B, not on Back', async () => {
  await setSettings({ sites: { '127.0.0.1': { autoReader: true } } });

  const a = await open(urlOn('127.0.0.1', SEED));
  const state = await waitOpen(a.tabId);
  assert.equal(state.auto, true);
  assert.equal(state.title, SEED_EXPECTED.title);
  // One analysis served both: the declutter run sent the article back for the view.
  const { status } = await worker.evaluate(
    (id) => chrome.tabs.sendMessage(id, { type: 'popup->content/status' }),
    a.tabId,
  );
  assert.deepEqual([status.runs.full, status.runs.reader], [1, 0], JSON.stringify(status.runs));

  // One click gets out.
  await a.page.keyboard.press('Escape');
  await waitOpen(a.tabId, false);

  // The home page of the same site: a listing, which the core's readerable check turns down.
  const listingUrl = urlOn('127.0.0.1', '/plain/listing.html');
  await worker.evaluate((u) => globalThis.testTabs.delete(u), listingUrl);
  await a.page.goto(listingUrl);
  await waitFor('the listing page', () => worker.evaluate((u) => globalThis.testTabs.get(u), listingUrl));
  // Automatic mode decides after its own analysis; give it time to decide wrongly.
  await a.page.waitForTimeout(1500);
  assert.equal((await readerState(a.tabId)).readerOpen, false, 'no reader view on a listing');

  // Back to the article: the user has been here, the view stays closed.
  const seedUrl = urlOn('127.0.0.1', SEED);
  await worker.evaluate((u) => globalThis.testTabs.delete(u), seedUrl);
  await a.page.goBack();
  await waitFor('the article again', async () => {
    try {
      return (
        (await a.page.evaluate(() => location.pathname)) === '/fixtures/seed-townhall/page.html' &&
        (await readerState(a.tabId)) !== null
      );
    } catch {
      return false;
    }
  });
  await a.page.waitForTimeout(1500);
  assert.equal((await readerState(a.tabId)).readerOpen, false, 'Back does not re-open the view');
  await a.page.close();

  // Site B has no setting, and the default is off.
  const b = await open(urlOn('localhost', SEED));
  await b.page.waitForTimeout(1500);
  assert.equal((await readerState(b.tabId)).readerOpen, false, 'site B is not in automatic mode');
  await b.page.close();

  // The global default turns it on everywhere a site does not say otherwise.
  await setSettings({ defaults: { autoReader: true }, sites: { '127.0.0.1': { autoReader: false } } });
  const b2 = await open(urlOn('localhost', SEED));
  assert.equal((await waitOpen(b2.tabId)).auto, true, 'the global default opens it on site B');
  await b2.page.close();
  const a2 = await open(urlOn('127.0.0.1', SEED));
  await a2.page.waitForTimeout(1500);
  assert.equal((await readerState(a2.tabId)).readerOpen, false, 'site A turned it off for itself');
  await a2.page.close();
  await setSettings({});
});

test('declutter off for a site leaves its page byte-identical; on, the clutter goes', async () => {
  await setSettings({ sites: { localhost: { declutter: false } } });
  const readPage = () => ({
    html: document.documentElement.outerHTML,
    before: window.__tidyreadTestBefore,
    ad: document.querySelector('.ad-slot')?.checkVisibility() ?? false,
  });

  const off = await open(urlOn('localhost', '/plain/article.html'));
  await off.page.waitForTimeout(500);
  const offPage = await off.page.evaluate(readPage);
  assert.equal(offPage.html, offPage.before, 'outerHTML as the parser left it');
  assert.equal(offPage.ad, true);
  await off.page.close();

  const on = await open(urlOn('127.0.0.1', '/plain/article.html'));
  const onPage = await on.page.evaluate(readPage);
  assert.equal(onPage.ad, false, 'the ad is hidden on site A');
  assert.notEqual(onPage.html, onPage.before);
  await on.page.close();
  await setSettings({});
});

test("the toolbar button's menu entry opens the popup for the tab", async () => {
  const { page, tabId } = await open(server.url(SEED));
  await worker.evaluate(() => {
    globalThis.testPopups.length = 0;
  });
  await worker.evaluate(async (id) => {
    const tab = await chrome.tabs.get(id);
    chrome.contextMenus.onClicked.dispatch({ menuItemId: 'site-settings', editable: false, pageUrl: tab.url }, tab);
  }, tabId);
  const shown = await waitFor('the popup', () => worker.evaluate(() => globalThis.testPopups[0]));
  console.log(`menu entry: ${JSON.stringify(shown)}`);
  assert.match(shown.url, new RegExp(`/popup\\.html\\?tab=${tabId}$`));
  // Headless Chromium shows a real popup (action.openPopup), not the fallback tab.
  assert.equal(shown.inTab, false, 'a popup, not a tab');
  // The action's popup is given back: a plain click toggles the reader again.
  await waitFor(
    'the action to have no popup again',
    async () => (await worker.evaluate((id) => chrome.action.getPopup({ tabId: id }), tabId)) === '',
  );
  for (const p of context.pages()) if (p.url().includes('/popup.html')) await p.close();
  await page.close();
});

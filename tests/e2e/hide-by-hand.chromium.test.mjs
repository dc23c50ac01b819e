// Hiding parts of a page by hand, and the options page, in Debian's Chromium (Playwright): the
// picker (point, click, undo, Esc), the rule kept for the site and applied before the first paint
// of the next visit, listed in the popup and the options page, shown again from either, exported
// and imported with the settings; the options page's landmarks, its words on the shortcut, the
// button's menu and where the defaults apply; axe-core on it.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { after, before, test } from 'node:test';
import { axeViolations, judge } from './axe.mjs';
import { startServer } from './server.mjs';
import { ROOT, launchChromium, requireDist, tempDir, waitFor } from './support.mjs';

const ARTIFACTS = join(ROOT, 'target', 'e2e-artifacts');
const NEWS = '/plain/popup-news.html';
const LOADER = 'div[data-testid="comments-loader"]';
const HIDDEN_KEY = 'hidden:127.0.0.1';

let server;
let profile;
let context;
let worker;
let extensionId;

before(async () => {
  requireDist('chrome');
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startServer();
  profile = tempDir('tidyread-hide-');
  context = await launchChromium(profile.dir, { viewport: { width: 1100, height: 800 } });
  worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15000 }));
  extensionId = new URL(worker.url()).host;
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

const stored = (key) => worker.evaluate(async (k) => (await chrome.storage.sync.get(k))[k], key);
const store = (items) => worker.evaluate((i) => chrome.storage.sync.set(i), items);
const forget = (keys) => worker.evaluate((k) => chrome.storage.sync.remove(k), keys);

async function open(url, page = null) {
  const tab = page ?? (await context.newPage());
  await worker.evaluate((u) => globalThis.testTabs.delete(u), url);
  await tab.goto(url);
  const tabId = await waitFor(`the content script of ${url}`, () =>
    worker.evaluate((u) => globalThis.testTabs.get(u), url),
  );
  return { page: tab, tabId };
}

/** The loader's box, scrolled to the middle of the window (the picker's bar sits at the bottom). */
async function loaderBox(page) {
  await page.evaluate(() => document.querySelector('.comments-loader').scrollIntoView({ block: 'center' }));
  return page.locator('.comments-loader').boundingBox();
}

const loaderShown = (page) =>
  page.evaluate(() => {
    const loader = document.querySelector('.comments-loader');
    return loader !== null && loader.getClientRects().length > 0;
  });

test('pick a part of the page: hidden at once, kept for the site, undo, Esc; hidden before the first paint next time', async () => {
  await forget([HIDDEN_KEY, 'settings']);
  const { page, tabId } = await open(server.url(NEWS));
  assert.equal(await loaderShown(page), true);

  // From the popup's button, as a user would.
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  await waitFor('the popup', () => popup.locator('#pick').isVisible());
  await popup.locator('#pick').click();
  await waitFor('the picker bar', () => page.evaluate(() => document.querySelector('tidyread-picker') !== null));
  await popup.close().catch(() => {});

  await page.bringToFront();
  const box = await loaderBox(page);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await waitFor('the outline', () => page.evaluate(() => document.querySelector('tidyread-outline') !== null));
  const url = page.url();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await waitFor('the loader to be hidden', async () => !(await loaderShown(page)));
  assert.equal(page.url(), url, 'the click did not reach the page');
  await waitFor('the rule to be kept', async () => isDeepStrictEqual(await stored(HIDDEN_KEY), [LOADER]));

  // Esc stops picking; what was picked stays hidden.
  await page.keyboard.press('Escape');
  await waitFor('the bar to go', () => page.evaluate(() => document.querySelector('tidyread-picker') === null));
  assert.equal(await loaderShown(page), false, 'still hidden');
  await page.close();

  // The site now has a hidden part: the background holds its pages' first paint from now on.
  await waitFor('the paint hold for the site', () =>
    worker.evaluate(async () => {
      const [hold] = await chrome.scripting.getRegisteredContentScripts({ ids: ['tidyread-paint-hold'] });
      return hold?.matches.includes('*://127.0.0.1/*') === true;
    }),
  );
  const next = await open(server.url(NEWS));
  const frames = await waitFor('frames sampled', () =>
    next.page.evaluate(() => (window.__loaderShown.length >= 20 ? window.__loaderShown : null)),
  );
  assert.ok(
    frames.every((shown) => !shown),
    `the loader never painted on the next visit: ${JSON.stringify(frames)}`,
  );
  // The rest of the page stays, and shows once the parts are hidden: the article's paragraphs.
  assert.equal(await next.page.locator('#story p[id]').count(), 5);
  await waitFor('the article to show', () =>
    next.page.evaluate(() =>
      [...document.querySelectorAll('#story p[id]')].every((p) => p.checkVisibility({ opacityProperty: true })),
    ),
  );
  await next.page.close();
});

test('the picker: undo, Esc, and a click on the bar is not a pick', async () => {
  await forget([HIDDEN_KEY]);
  const { page, tabId } = await open(server.url(NEWS));
  await worker.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'background->content/pick' }), tabId);
  await waitFor('the picker bar', () => page.evaluate(() => document.querySelector('tidyread-picker') !== null));
  const box = await loaderBox(page);
  await page.mouse.click(box.x + 5, box.y + 5);
  await waitFor('the rule', async () => isDeepStrictEqual(await stored(HIDDEN_KEY), [LOADER]));
  // The bar lives in a closed shadow root: Tab reaches its buttons; Enter on Undo.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await waitFor('the rule to go', async () => (await stored(HIDDEN_KEY)) === undefined);
  assert.equal(await loaderShown(page), true, 'undo shows it again');
  await page.keyboard.press('Escape');
  await waitFor('the bar to go', () => page.evaluate(() => document.querySelector('tidyread-picker') === null));
  await page.mouse.click(box.x + 5, box.y + 5);
  assert.equal(await stored(HIDDEN_KEY), undefined, 'after Esc, clicks are the page’s again');
  await page.close();
});

test('options: landmarks, the shortcut and the menu, hidden parts listed and shown again, export and import with them, axe', async () => {
  const initial = {
    version: 1,
    defaults: { declutter: true, autoReader: false, keepComments: true },
    sites: { 'news.example.com': { autoReader: true }, 'blog.example.org': { declutter: false, keepComments: false } },
    reader: { theme: 'sepia', font: 'sans', size: 18, width: 70, lineHeight: 1.8, images: false },
  };
  await store({ settings: initial, [HIDDEN_KEY]: [LOADER], 'hidden:news.example.com': ['aside.most-read'] });
  const { page } = await open(server.url(NEWS));
  await waitFor('the loader hidden by its rule', async () => !(await loaderShown(page)));

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const rows = () => options.locator('#sites tbody tr').evaluateAll((trs) => trs.map((tr) => tr.dataset.host));
  const hiddenRows = () =>
    options
      .locator('#hidden tbody tr')
      .evaluateAll((trs) => trs.map((tr) => `${tr.dataset.site} ${tr.dataset.selector}`));
  await waitFor('the sites', async () => (await rows()).length === 2);
  await waitFor('the hidden parts', async () => (await hiddenRows()).length === 2);
  assert.deepEqual(await hiddenRows(), [`127.0.0.1 ${LOADER}`, 'news.example.com aside.most-read']);
  assert.equal(await options.locator('main').count(), 1);
  assert.equal(await options.locator('body > header h1').count(), 1);
  // The shortcut as the browser has it (headless Chromium may have none active).
  const shortcut = await worker.evaluate(async () => (await chrome.commands.getAll())[0]?.shortcut ?? '');
  assert.equal(
    await options.locator('#use-shortcut').textContent(),
    shortcut
      ? `The keyboard shortcut ${shortcut} does the same. You can change it in your browser's extension settings.`
      : "You can give it a keyboard shortcut in your browser's extension settings.",
  );
  assert.match(await options.locator('#use-menu').textContent(), /Hide part of this page…/);
  // All sites allowed in this profile: the defaults apply as pages load, no caveat.
  assert.equal(await options.locator('#defaults-note').isHidden(), true);
  const { failing, others } = judge(await axeViolations(options));
  if (others.length) console.log(`axe (options, not failing):\n  ${others.join('\n  ')}`);
  assert.deepEqual(failing, [], 'no serious or critical axe violations on the options page');
  await options.screenshot({ path: join(ARTIFACTS, 'options-desktop.png'), fullPage: true });

  // Export: settings and hidden parts.
  const [download] = await Promise.all([options.waitForEvent('download'), options.locator('#export').click()]);
  assert.equal(download.suggestedFilename(), 'tidyread-settings.json');
  const exportedPath = join(profile.dir, 'exported.json');
  await download.saveAs(exportedPath);
  const exported = JSON.parse(readFileSync(exportedPath, 'utf8'));
  assert.deepEqual(exported, {
    ...initial,
    hidden: { '127.0.0.1': [LOADER], 'news.example.com': ['aside.most-read'] },
  });

  // Shown again from the options page: the open page follows.
  await options.locator(`#hidden tr[data-site="127.0.0.1"] .show-again`).click();
  await waitFor('the rule to go', async () => (await stored(HIDDEN_KEY)) === undefined);
  await waitFor('the loader to show on the open page', () => loaderShown(page));

  // Edits, then reset all: settings and hidden parts forgotten.
  await options.locator('#sites tr[data-host="news.example.com"] select[name=declutter]').selectOption('false');
  await waitFor('the edit', async () => (await stored('settings')).sites['news.example.com'].declutter === false);
  await options.locator('#reset').click();
  await options.locator('#reset-yes').click();
  await waitFor('the reset', async () => Object.keys((await stored('settings')).sites).length === 0);
  assert.equal(await stored('hidden:news.example.com'), undefined);
  assert.equal(await options.locator('#no-hidden').isVisible(), true);

  // Import the exported file: everything as it was, the hidden parts too.
  await options.locator('#import-file').setInputFiles(exportedPath);
  // The settings and each site's hidden parts are separate keys, written one after the other.
  await waitFor(
    'the import',
    async () =>
      isDeepStrictEqual(await stored('settings'), initial) &&
      isDeepStrictEqual(await stored(HIDDEN_KEY), [LOADER]) &&
      isDeepStrictEqual(await stored('hidden:news.example.com'), ['aside.most-read']),
  );
  await waitFor('the loader hidden again on the open page', async () => !(await loaderShown(page)));
  assert.match(await options.locator('#message').textContent(), /settings for 2 sites/);

  // A file that is not settings: a clear error, and nothing changes.
  await options
    .locator('#import-file')
    .setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('these are not settings') });
  await waitFor('the error', () => options.locator('#error').isVisible());
  assert.match(await options.locator('#error').textContent(), /^notes\.txt was not imported: not a JSON file \(/);
  assert.deepEqual(await stored('settings'), initial);
  await options.close();
  await page.close();
  await forget([HIDDEN_KEY, 'hidden:news.example.com', 'settings']);
});

test('options without site access: the defaults say they apply only on a click', async () => {
  const bare = tempDir('tidyread-options-bare-');
  const plain = await launchChromium(bare.dir, { hostAccess: false });
  try {
    const sw = plain.serviceWorkers()[0] ?? (await plain.waitForEvent('serviceworker', { timeout: 15000 }));
    const options = await plain.newPage();
    await options.goto(`chrome-extension://${new URL(sw.url()).host}/options.html`);
    await waitFor('the access text', async () => (await options.locator('#access-state').textContent()) !== '…');
    assert.match(await options.locator('#access-state').textContent(), /only on pages where you click its button/);
    assert.equal(await options.locator('#defaults-note').isVisible(), true);
    assert.match(await options.locator('#defaults-note').textContent(), /only when you click its button/);
  } finally {
    await plain.close();
    bare.remove();
  }
});

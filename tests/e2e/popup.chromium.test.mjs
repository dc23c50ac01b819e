// The popup in Debian's Chromium (Playwright), opened as a page in a tab of its own for the tab it
// shows (popup.html?tab=ID), over a news page of ours with hashed class names: removals in plain
// words, repeated reasons as one entry, an entry pointed at shows its blocks outlined on the page,
// "Bring back all" gives the page back exactly, switches say where their values come from, at
// most 600 px tall, landmarks and unique names, axe-core. Screenshots at desktop and 390 px go to
// target/e2e-artifacts/.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { axeViolations, judge } from './axe.mjs';
import { startServer } from './server.mjs';
import { ROOT, launchChromium, requireDist, tempDir, waitFor } from './support.mjs';

const ARTIFACTS = join(ROOT, 'target', 'e2e-artifacts');
const NEWS = '/plain/popup-news.html';

let server;
let profile;
let context;
let worker;
let extensionId;

before(async () => {
  requireDist('chrome');
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startServer();
  profile = tempDir('tidyread-popup-');
  context = await launchChromium(profile.dir, { viewport: { width: 1100, height: 800 } });
  worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15000 }));
  extensionId = new URL(worker.url()).host;
  // Without the "tabs" permission, tabs.query cannot filter by URL: the content script's status
  // message tells the worker which tab shows which page.
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

async function openPopup(tabId, viewport = { width: 360, height: 900 }) {
  const popup = await context.newPage();
  await popup.setViewportSize(viewport);
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  await waitFor(
    'the popup to fill in',
    async () => !(await popup.locator('#site').isHidden()) && (await popup.locator('#groups .group').count()) > 0,
  );
  return popup;
}

const removalsMark = (page) => page.evaluate(() => document.documentElement.getAttribute('data-tidyread-removals'));

test('removals in plain words, one entry per repeated reason, landmarks, unique names, at most 600 px, axe', async () => {
  await setSettings({});
  const { page, tabId } = await open(server.url(NEWS));
  await waitFor('the page to be decluttered', async () => Number(await removalsMark(page)) === 5);
  const popup = await openPopup(tabId);

  assert.equal(await popup.locator('#removals').textContent(), '5');
  const groups = await popup.locator('#groups .group').evaluateAll((nodes) =>
    nodes.map((g) => ({
      kind: g.dataset.kind,
      name: g.querySelector('summary .kind').textContent,
      open: g.open,
      entries: [...g.querySelectorAll('li')].map((li) => ({
        reason: li.querySelector('.reason').textContent,
        times: li.querySelector('.times')?.textContent ?? null,
      })),
    })),
  );
  console.log(`groups: ${JSON.stringify(groups)}`);
  assert.deepEqual(
    groups.map((g) => g.kind),
    ['ad', 'newsletter', 'trending_list'],
  );
  // Three ad slots with the same label: one entry, said once, counted.
  assert.deepEqual(groups[0].entries, [{ reason: 'Labelled “Advertisement”', times: '×3' }]);
  assert.deepEqual(groups[2].entries, [{ reason: 'Labelled “Most read”', times: null }]);
  assert.equal(groups[0].name, 'Ads');
  assert.ok(
    groups.every((g) => g.open),
    'few entries: every group open',
  );
  // No reason in the core's own words ("label 'Advertisement'", "id 'div-gpt-ad…'").
  const listed = await popup.locator('#groups').textContent();
  assert.doesNotMatch(listed, /label '|id '|headline links|sign-up$/);

  // Switches say where their value comes from.
  assert.equal(await popup.locator('#declutter-origin').textContent(), 'On for all sites');
  assert.equal(await popup.locator('#autoReader-origin').textContent(), 'Off for all sites');

  // Landmarks, one main; every button named, and no two alike.
  assert.equal(await popup.locator('main').count(), 1);
  assert.equal(await popup.locator('body > header').count(), 1);
  const names = await popup
    .locator('button:visible, summary:visible, a:visible, input:visible')
    .evaluateAll((nodes) =>
      nodes.map((n) => n.getAttribute('aria-label') ?? n.closest('label')?.textContent.trim() ?? n.textContent.trim()),
    );
  assert.ok(
    names.every((n) => n.length > 0),
    `every control has a name: ${JSON.stringify(names)}`,
  );
  assert.equal(new Set(names).size, names.length, `names are unique: ${JSON.stringify(names)}`);
  assert.ok(names.includes('Bring back: Labelled “Advertisement” (Ads)'), JSON.stringify(names));

  // The timing is behind a closed disclosure.
  assert.equal(await popup.locator('#details').evaluate((d) => d.tagName === 'DETAILS' && !d.open), true);
  assert.equal(await popup.locator('#time').isVisible(), false);

  // Within the browsers' 600 px, even in a taller window.
  const height = await popup.evaluate(() => document.documentElement.getBoundingClientRect().height);
  assert.ok(height <= 600, `the popup is ${height} px tall`);

  const { failing, others } = judge(await axeViolations(popup));
  if (others.length) console.log(`axe (popup, not failing):\n  ${others.join('\n  ')}`);
  assert.deepEqual(failing, [], 'no serious or critical axe violations in the popup');

  await popup.screenshot({ path: join(ARTIFACTS, 'popup-desktop.png') });
  await popup.setViewportSize({ width: 390, height: 844 });
  await popup.screenshot({ path: join(ARTIFACTS, 'popup-390.png') });
  await popup.close();
  await page.close();
});

test('many removals: the groups start folded and the popup stays within 600 px', async () => {
  await setSettings({});
  const { page, tabId } = await open(server.url('/fixtures/seed-townhall/page.html'));
  await waitFor('the seed page to be decluttered', async () => Number(await removalsMark(page)) > 8);
  const popup = await openPopup(tabId, { width: 360, height: 1400 });
  const entries = await popup.locator('#groups li').count();
  assert.ok(entries > 8, `entries: ${entries}`);
  assert.equal(await popup.locator('#groups .group[open]').count(), 0, 'every group folded');
  await popup.locator('#groups .group summary').first().click();
  assert.equal(await popup.locator('#groups .group[open]').count(), 1);
  const height = await popup.evaluate(() => document.documentElement.getBoundingClientRect().height);
  assert.ok(height <= 600, `the popup is ${height} px tall`);
  await popup.close();
  await page.close();
});

test('pointing at an entry shows its blocks outlined on the page; leaving it takes them off again', async () => {
  await setSettings({});
  const { page, tabId } = await open(server.url(NEWS));
  await waitFor('the page to be decluttered', async () => Number(await removalsMark(page)) === 5);
  const popup = await openPopup(tabId);
  const slots = () =>
    page.evaluate(() => ({
      // Clutter is hidden in place: the slots shown.
      ads: Array.from(document.querySelectorAll('[id^="div-gpt-ad-"]')).filter((e) => e.checkVisibility()).length,
      outlines: document.querySelectorAll('tidyread-outline').length,
    }));
  assert.deepEqual(await slots(), { ads: 0, outlines: 0 });

  await popup.locator('#groups .group[data-kind=ad] li').hover();
  await waitFor('the three ad slots to show, outlined', async () => (await slots()).ads === 3);
  assert.equal((await slots()).outlines, 1, 'one outline layer');
  await popup.locator('#host').hover();
  await waitFor('the slots to go again', async () => (await slots()).ads === 0);
  assert.equal((await slots()).outlines, 0);

  // The keyboard does the same: focus on the entry's button.
  await popup.locator('#groups .group[data-kind=trending_list] .bring-back').focus();
  await waitFor('the trending list to show', () =>
    page.evaluate(() => document.getElementById('trending').checkVisibility()),
  );
  await popup.locator('#bring-back-all').focus();
  await waitFor('the list to go again', () =>
    page.evaluate(() => !document.getElementById('trending').checkVisibility()),
  );
  assert.equal(await removalsMark(page), '5', 'still five blocks off the page');
  await popup.close();
  await page.close();
});

test('"Bring back all" gives the page back exactly as published', async () => {
  await setSettings({});
  const { page, tabId } = await open(server.url(NEWS));
  await waitFor('the page to be decluttered', async () => Number(await removalsMark(page)) === 5);
  const popup = await openPopup(tabId);
  await popup.locator('#bring-back-all').click();
  await waitFor('the popup to say so', async () =>
    (await popup.locator('#page').textContent()).includes('Everything is back'),
  );
  const { html, before } = await page.evaluate(() => ({
    html: document.documentElement.outerHTML,
    before: window.__tidyreadTestBefore,
  }));
  assert.ok(before.includes('div-gpt-ad-1561305600000-0'));
  assert.equal(html, before, 'the page is byte-identical to what the parser left');
  assert.equal(await popup.locator('#bring-back-all').isHidden(), true);
  assert.equal(await popup.locator('#groups li').count(), 0);
  await popup.close();
  await page.close();
});

test('switches: this site off, then back to the setting for all sites; bring back one entry', async () => {
  await setSettings({});
  const { page, tabId } = await open(server.url(NEWS));
  await waitFor('the page to be decluttered', async () => Number(await removalsMark(page)) === 5);
  const popup = await openPopup(tabId);

  await popup.locator('#groups .group[data-kind=ad] .bring-back').click();
  await waitFor('the three slots back', async () => Number(await removalsMark(page)) === 2);
  await waitFor(
    'the entry to say so',
    async () => (await popup.locator('#groups .group[data-kind=ad] .bring-back').textContent()) === 'Back on the page',
  );

  await popup.locator('input[name=declutter]').uncheck();
  await waitFor('the site setting', async () => (await storedSettings())?.sites?.['127.0.0.1']?.declutter === false);
  await waitFor('the page to be as published', async () => (await removalsMark(page)) === null);
  assert.equal(await popup.locator('#declutter-origin').textContent(), 'Off for this site');
  const reset = popup.locator('.switch-row[data-key=declutter] .reset');
  assert.equal(await reset.getAttribute('aria-label'), 'Declutter this site: use the setting for all sites');
  await reset.click();
  await waitFor('the site entry to go', async () => (await storedSettings())?.sites?.['127.0.0.1'] === undefined);
  // Decluttered again, but for the blocks the user brought back by hand.
  await waitFor('the page decluttered again', async () => Number(await removalsMark(page)) === 2);
  assert.equal(await popup.locator('#declutter-origin').textContent(), 'On for all sites');

  await setSettings({ sites: { '127.0.0.1': { autoReader: true } } });
  await waitFor(
    'the popup to follow',
    async () => (await popup.locator('#autoReader-origin').textContent()) === 'On for this site',
  );
  await popup.close();
  await page.close();
  await setSettings({});
});

// The extension in Debian's Chromium, driven by Playwright: content-script wasm, the strict-CSP
// fallback to the background, the toolbar action, and the popup.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startServer } from './server.mjs';
import {
  CORE_VERSION,
  EXTENSION_VERSION,
  SNAPSHOT_SOURCE,
  assertDecluttered,
  assertRestored,
  assertTrickySnapshot,
  isMarked,
  readPage,
  requireDist,
  snapshotProbe,
  tempDir,
  waitFor,
  launchChromium,
} from './support.mjs';

let server;
let profile;
let context;
let worker;
let extensionId;
const consoleLines = [];

before(async () => {
  requireDist('chrome');
  server = await startServer();
  profile = tempDir('tidyread-chromium-');
  context = await launchChromium(profile.dir);
  worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15000 }));
  extensionId = new URL(worker.url()).host;
  // Without the "tabs" permission (which tidyread does not ask for) tabs.query cannot filter by
  // URL, so the test learns each page's tab id from the content script's own status message.
  await worker.evaluate(() => {
    globalThis.testTabs = new Map();
    chrome.runtime.onMessage.addListener((message, sender) => {
      if (message?.type === 'content->background/status' && sender.tab)
        globalThis.testTabs.set(sender.url, sender.tab.id);
      return false;
    });
    // Test-only spy: Chromium cannot read an action's icon back, so the worker's action.setIcon is
    // wrapped here (the shipped worker is untouched) to record, per tab, the 16 px icon of each
    // call the browser accepted: a path it could not load rejects and is not recorded.
    globalThis.testIcons = new Map();
    const setIcon = chrome.action.setIcon.bind(chrome.action);
    chrome.action.setIcon = async (details) => {
      await setIcon(details);
      globalThis.testIcons.set(details.tabId, details.path[16]);
    };
  });
  context.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
});

after(async () => {
  if (consoleLines.length) console.log(`browser console:\n  ${consoleLines.join('\n  ')}`);
  await context?.close();
  await server?.close();
  profile?.remove();
});

async function openDecluttered(path) {
  const page = await context.newPage();
  await page.goto(server.url(path));
  try {
    await waitFor('the content script to mark the page', () => page.evaluate(isMarked));
  } catch (error) {
    error.message += `\nbrowser console so far:\n  ${consoleLines.join('\n  ')}`;
    throw error;
  }
  return page;
}

// The id of the tab showing `url`, as the content script's status message told the worker.
async function tabFor(url) {
  const id = await waitFor(`the tab id of ${url}`, () => worker.evaluate((u) => globalThis.testTabs.get(u), url));
  return { id };
}

async function badgeOf(tabId) {
  return worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

const iconOf = (tabId) => worker.evaluate((id) => globalThis.testIcons.get(id) ?? null, tabId);

test('the content script runs the wasm and declutters a plain page', async () => {
  const page = await openDecluttered('/plain/article.html');
  const state = await page.evaluate(readPage);
  assertDecluttered(state, 'wasm');
  const tab = await tabFor(page.url());
  // The content script reports its status right after marking the page: the badge follows.
  await waitFor(`the badge to read ${state.removals}`, async () => (await badgeOf(tab.id)) === state.removals);
  await page.close();
});

test('on a strict-CSP page the same snapshot is analysed in the background', async () => {
  const page = await openDecluttered('/strict/article.html');
  const state = await page.evaluate(readPage);
  // Chromium applies the page's CSP to wasm in content scripts, so this must be the fallback.
  assertDecluttered(state, 'background');
  await page.close();
});

test('a page cannot tell the extension is there by fetching its files (use_dynamic_url)', async () => {
  const page = await openDecluttered('/plain/article.html');
  assertDecluttered(await page.evaluate(readPage), 'wasm');
  // The content script fetched the wasm through its dynamic URL; the page knows only the static one.
  const probes = await page.evaluate(
    async (origin) =>
      Promise.all(
        ['pkg/tidyread_bg.wasm', 'reader.css'].map((file) =>
          fetch(`${origin}/${file}`).then(
            (r) => `HTTP ${r.status}`,
            (e) => `refused: ${e.name}`,
          ),
        ),
      ),
    `chrome-extension://${extensionId}`,
  );
  assert.deepEqual(probes, ['refused: TypeError', 'refused: TypeError']);
  await page.close();
});

// The toolbar button opens the reader view (tests/e2e/reader.chromium.test.mjs); decluttering is toggled
// by the background's message, which the popup's switch and tests send.
test('the declutter toggle restores the page exactly, and declutters it again', async () => {
  const page = await openDecluttered('/plain/article.html');
  const tab = await tabFor(page.url());
  const click = () =>
    worker.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'background->content/toggle' }), tab.id);

  await click();
  await waitFor('the marks to go', async () => !(await page.evaluate(isMarked)));
  assertRestored(await page.evaluate(readPage));
  await waitFor('an empty badge', async () => (await badgeOf(tab.id)) === '');

  await click();
  await waitFor('the marks to come back', () => page.evaluate(isMarked));
  const again = await page.evaluate(readPage);
  assertDecluttered(again, 'wasm');
  await waitFor('the badge count', async () => (await badgeOf(tab.id)) === again.removals);
  await page.close();
});

test('the toolbar icon is active while the page is decluttered or the reader view is open', async () => {
  const page = await openDecluttered('/plain/article.html');
  const tab = await tabFor(page.url());
  const icon = (name) => waitFor(`the ${name} icon`, async () => (await iconOf(tab.id)) === name);
  const send = (type) => worker.evaluate(({ id, type }) => chrome.tabs.sendMessage(id, { type }), { id: tab.id, type });
  const clickAction = () =>
    worker.evaluate(async (id) => chrome.action.onClicked.dispatch(await chrome.tabs.get(id)), tab.id);

  await icon('icons/tidyread-active-16.png');
  await send('background->content/toggle');
  await icon('icons/tidyread-16.png');
  // The reader view on the restored page: active while it is open.
  await clickAction();
  await icon('icons/tidyread-active-16.png');
  assert.equal((await send('background->content/reader-state')).reader.readerOpen, true);
  await clickAction();
  await icon('icons/tidyread-16.png');
  assert.equal((await send('background->content/reader-state')).reader.readerOpen, false);
  // A page with nothing to remove, in the same tab.
  await send('background->content/toggle');
  await icon('icons/tidyread-active-16.png');
  await page.goto(server.url('/plain/blank.html'));
  await icon('icons/tidyread-16.png');
  await page.close();
});

for (const [path, ranIn] of [
  ['/plain/article.html', /wasm/],
  ['/strict/article.html', /background/],
]) {
  test(`the popup shows the versions and the status of ${path}`, async () => {
    const page = await openDecluttered(path);
    const state = await page.evaluate(readPage);
    const tab = await tabFor(page.url());
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tab.id}`);
    const text = (id) => popup.locator(`#${id}`).textContent();
    await waitFor(
      'the popup to fill in',
      async () => (await text('core-version')) !== '…' && (await text('path')) !== '…',
    );
    assert.equal(await text('version'), EXTENSION_VERSION);
    assert.equal(await text('core-version'), CORE_VERSION);
    assert.equal(await text('removals'), state.removals);
    assert.match(await text('path'), ranIn);
    console.log(`${path}: ${await text('time')}`);
    await popup.close();
    await page.close();
  });
}

test('the options page shows the versions and keeps a default', async () => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const text = (id) => options.locator(`#${id}`).textContent();
  await waitFor('the versions', async () => (await text('core-version')) !== '…');
  assert.equal(await text('version'), EXTENSION_VERSION);
  assert.equal(await text('core-version'), CORE_VERSION);
  // Settings live in storage.sync, one object (extension/settings.js).
  const stored = () =>
    worker.evaluate(async () => (await chrome.storage.sync.get('settings')).settings?.defaults?.keepComments);
  assert.equal(await stored(), undefined);
  const box = options.locator('#defaults input[name=keepComments]');
  await box.check();
  await waitFor('the setting to be stored', async () => (await stored()) === true);
  await options.reload();
  await waitFor('the reloaded page to show it', () => box.isChecked());
  await box.uncheck();
  await waitFor('the setting to be stored', async () => (await stored()) === false);
  await options.close();
});

test('extension/snapshot.js writes the wire format that the core reads', async () => {
  const page = await context.newPage();
  await page.goto(server.url('/plain/blank.html'));
  await assertTrickySnapshot(await page.evaluate(`(function () { ${snapshotProbe(SNAPSHOT_SOURCE)} })()`));
  await page.close();
});

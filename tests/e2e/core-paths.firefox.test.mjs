// The extension in Firefox ESR (headless), driven by selenium-webdriver and geckodriver: the same
// four checks as in Chromium. The toolbar action and the badge are reached through Firefox's
// privileged ("chrome") context, which geckodriver opens with --allow-system-access.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { By } from 'selenium-webdriver';
import { startServer } from './server.mjs';
import {
  CORE_VERSION,
  EXTENSION_VERSION,
  SNAPSHOT_SOURCE,
  allowAllSitesFirefox,
  assertDecluttered,
  assertRestored,
  assertTrickySnapshot,
  isMarked,
  launchFirefox,
  readPage,
  requireDist,
  snapshotProbe,
  waitFor,
} from './support.mjs';

let server;
let driver;
let addonId;

before(async () => {
  const manifest = requireDist('firefox');
  server = await startServer();
  ({ driver, addonId } = await launchFirefox());
  assert.equal(addonId, manifest.browser_specific_settings.gecko.id);
});

after(async () => {
  await driver?.quit();
  await server?.close();
});

// Runs `body` (a function body; `arguments[0]` is the add-on id) in the browser window's
// privileged scope, with `action` (the add-on's toolbar button), `tab` (the selected tab) and
// `tabId` (its WebExtension id) defined.
async function privileged(body) {
  await driver.setContext('chrome');
  try {
    return await driver.executeScript(
      `
      const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
      const { browserActionFor, tabTracker } = ExtensionParent.apiManager.global;
      const action = browserActionFor(ExtensionParent.GlobalManager.getExtension(arguments[0]));
      const tab = window.gBrowser.selectedTab;
      const tabId = tabTracker.getId(tab);
      ${body}`,
      addonId,
    );
  } finally {
    await driver.setContext('content');
  }
}

const clickAction = () => privileged('action.triggerAction(window);');

// Sends `message` to tab `tabId`'s content script from a page of the extension, opened in a tab
// of its own for that and closed again; returns the reply.
async function sendToTab(tabId, message) {
  const pageHandle = await driver.getWindowHandle();
  await driver.switchTo().newWindow('tab');
  try {
    await driver.get(`${await extensionOrigin()}/popup.html?tab=0`);
    return await driver.executeAsyncScript(
      'const done = arguments[arguments.length - 1]; browser.tabs.sendMessage(arguments[0], arguments[1]).then(done, (e) => done({ ok: false, error: String(e) }));',
      tabId,
      message,
    );
  } finally {
    await driver.close();
    await driver.switchTo().window(pageHandle);
  }
}
const badge = () => privileged("return action.action.getProperty(tab, 'badgeText');");
// The icon Firefox paints on the toolbar button for the selected tab, as a file of the extension.
// The button is pinned to the toolbar first, as a user does: an add-on's button starts in the
// extensions panel, whose items are built only when it opens.
async function toolbarIcon() {
  const image = await privileged(`
    if (CustomizableUI.getPlacementOfWidget(action.id)?.area !== CustomizableUI.AREA_NAVBAR)
      CustomizableUI.addWidgetToArea(action.id, CustomizableUI.AREA_NAVBAR);
    const button = action.widget.forWindow(window).node.querySelector('.webextension-browser-action');
    return button.style.getPropertyValue('--webextension-toolbar-image');`);
  return /icons\/[\w-]+\.png/.exec(image)?.[0] ?? image;
}
const selectedTabId = () => privileged('return tabId;');
const extensionOrigin = () =>
  privileged('return `moz-extension://${WebExtensionPolicy.getByID(arguments[0]).mozExtensionHostname}`;');

async function openDecluttered(path) {
  await driver.get(server.url(path));
  await waitFor('the content script to mark the page', () => driver.executeScript(isMarked));
}

// Least privilege: nothing runs on a page until the user clicks or allows it. Later tests need
// the grant this one makes.
test('without host access no page is touched; a click lets it in once; "Allow on this site", then "Allow on all sites", make it run as pages load', async () => {
  await driver.get(server.url('/plain/article.html'));
  // The page's own load is over; a content script would have marked it by now (it does below).
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const untouched = await driver.executeScript(readPage);
  assert.equal(untouched.path, null, 'no content script ran');
  assert.equal(untouched.ad, true, 'the ad is there');
  const manifest = requireDist('firefox');
  assert.equal(manifest.content_scripts, undefined, 'no content script in the manifest');
  assert.equal(manifest.host_permissions, undefined, 'no host access asked for at install');

  // The toolbar button (activeTab): the content script comes in and declutters this page.
  await clickAction();
  await waitFor('the clicked page to be decluttered', () => driver.executeScript(isMarked));

  // The popup for the tab: "Allow on this site", answered yes (FIREFOX_PREFS: no prompt).
  const tabId = await selectedTabId();
  const pageHandle = await driver.getWindowHandle();
  await driver.switchTo().newWindow('tab');
  await driver.get(`${await extensionOrigin()}/popup.html?tab=${tabId}`);
  const accessText = () => driver.findElement(By.id('access-state')).getText();
  await waitFor("the popup's access text", async () => /only when you click/.test(await accessText()));
  await driver.findElement(By.id('access-site')).click();
  await waitFor('the site to be allowed', async () => /by itself, as pages load/.test(await accessText()));
  await driver.close();
  await driver.switchTo().window(pageHandle);
  await openDecluttered('/plain/article.html');
  assertDecluttered(await driver.executeScript(readPage), 'wasm');

  const access = await allowAllSitesFirefox(driver, await extensionOrigin());
  assert.match(access.before, /may run as pages load on 127\.0\.0\.1\. Elsewhere, only when you click/);
  assert.match(access.after, /may run on every site as pages load/);
});

// Firefox's scripting API inserts a user sheet only once the page is idle: the pre-hide sheet
// (Chromium's suite checks it during parsing) comes too late for the first paint here, and no
// sheet the page could read takes its place.
test('first paint: no sheet the page can read while it is parsed; the pre-hide sheet is gone after the first decision', async () => {
  await driver.get(server.url('/plain/article.html'));
  // Navigating from the page itself returns at once: driver.get would wait for the slow page.
  await driver.executeScript('location.href = arguments[0];', server.url('/slow/fixtures/seed-townhall/page.html'));
  const during = await waitFor('the page parsed up to its last part', () =>
    driver.executeScript(() => {
      const ins = document.querySelector('ins.adsbygoogle');
      const paragraph = document.querySelector('[data-testid="article-body"] p');
      if (ins === null || paragraph === null || !location.pathname.startsWith('/slow/')) return null;
      return {
        readyState: document.readyState,
        adopted: document.adoptedStyleSheets.length,
        unowned: [...document.styleSheets].filter((sheet) => sheet.ownerNode === null).length,
        paragraph: getComputedStyle(paragraph).display,
      };
    }),
  );
  assert.deepEqual(during, { readyState: 'loading', adopted: 0, unowned: 0, paragraph: 'block' });
  await waitFor('the first decision', () => driver.executeScript(isMarked));
  // Inserted once the page is idle, the pre-hide sheet also goes only then.
  const after = await waitFor('the pre-hide sheet to go', () =>
    driver.executeScript(() => {
      // A new AMP ad (none on the page, so no rule for the page's own blocks names it), read
      // before any script of ours can see it: only the pre-hide sheet would hide it.
      const fresh = document.createElement('amp-ad');
      document.body.append(fresh);
      const display = getComputedStyle(fresh).display;
      fresh.remove();
      return display === 'none'
        ? null
        : {
            adopted: document.adoptedStyleSheets.length,
            unowned: [...document.styleSheets].filter((sheet) => sheet.ownerNode === null).length,
            fresh: display,
            ins: document.querySelector('ins.adsbygoogle').checkVisibility(),
          };
    }),
  );
  assert.deepEqual(
    after,
    // The AdSense slot goes with the "Advertisement" label over it.
    { adopted: 0, unowned: 0, fresh: 'inline', ins: false },
    'no sheet the page can read, and the core hid what it hid',
  );
});

test('the content script runs the wasm and declutters a plain page', async () => {
  await openDecluttered('/plain/article.html');
  const state = await driver.executeScript(readPage);
  assertDecluttered(state, 'wasm');
  // The content script reports its status right after marking the page: the badge follows.
  await waitFor(`the badge to read ${state.removals}`, async () => (await badge()) === state.removals);
});

test('on a strict-CSP page the content script still runs the wasm (Firefox does not apply the page CSP to it)', async () => {
  await openDecluttered('/strict/article.html');
  assertDecluttered(await driver.executeScript(readPage), 'wasm');
});

// The toolbar button opens the reader view (tests/e2e/reader.firefox.test.mjs); decluttering is
// toggled by the background's message, which the popup's switch and tests send.
test('the declutter toggle restores the page exactly, and declutters it again', async () => {
  await openDecluttered('/plain/article.html');
  const tabId = await selectedTabId();
  const toggle = () => sendToTab(tabId, { type: 'background->content/toggle' });
  await toggle();
  await waitFor('the marks to go', async () => !(await driver.executeScript(isMarked)));
  assertRestored(await driver.executeScript(readPage));
  await waitFor('an empty badge', async () => (await badge()) === '');

  await toggle();
  await waitFor('the marks to come back', () => driver.executeScript(isMarked));
  const again = await driver.executeScript(readPage);
  assertDecluttered(again, 'wasm');
  await waitFor('the badge count', async () => (await badge()) === again.removals);
});

test('the toolbar icon is active while the page is decluttered or the reader view is open', async () => {
  await openDecluttered('/plain/article.html');
  const tabId = await selectedTabId();
  const icon = (name) => waitFor(`the ${name} icon`, async () => (await toolbarIcon()) === name);
  const readerOpen = async () =>
    (await sendToTab(tabId, { type: 'background->content/reader-state' })).reader.readerOpen;

  await icon('icons/tidyread-active-16.png');
  await sendToTab(tabId, { type: 'background->content/toggle' });
  await icon('icons/tidyread-16.png');
  // The reader view on the restored page: active while it is open.
  await clickAction();
  await icon('icons/tidyread-active-16.png');
  assert.equal(await readerOpen(), true);
  await clickAction();
  await icon('icons/tidyread-16.png');
  assert.equal(await readerOpen(), false);
  // A page with nothing to remove, in the same tab.
  await sendToTab(tabId, { type: 'background->content/toggle' });
  await icon('icons/tidyread-active-16.png');
  await driver.get(server.url('/plain/blank.html'));
  await icon('icons/tidyread-16.png');
});

test('the popup shows the versions and the page status', async () => {
  await openDecluttered('/plain/article.html');
  const state = await driver.executeScript(readPage);
  const tabId = await selectedTabId();
  const pageHandle = await driver.getWindowHandle();
  await driver.switchTo().newWindow('tab');
  try {
    await driver.get(`${await extensionOrigin()}/popup.html?tab=${tabId}`);
    const text = (id) => driver.executeScript((i) => document.getElementById(i).textContent, id);
    await waitFor(
      'the popup to fill in',
      async () => (await text('core-version')) !== '…' && (await text('path')) !== '…',
    );
    assert.equal(await text('version'), EXTENSION_VERSION);
    assert.equal(await text('core-version'), CORE_VERSION);
    assert.equal(await text('removals'), state.removals);
    assert.match(await text('path'), /wasm/);
    console.log(`popup time: ${await text('time')}`);
  } finally {
    await driver.close();
    await driver.switchTo().window(pageHandle);
  }
});

test('extension/snapshot.js writes the wire format that the core reads', async () => {
  await driver.get(server.url('/plain/blank.html'));
  await assertTrickySnapshot(await driver.executeScript(snapshotProbe(SNAPSHOT_SOURCE)));
});

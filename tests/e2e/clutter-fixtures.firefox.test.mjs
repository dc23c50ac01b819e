// Clutter inside and beside the article in Firefox ESR (headless, selenium-webdriver and
// geckodriver): the same sample of the clutter fixtures as in Chromium, decluttered as the page
// loads and left out of the reader view, with the article's paragraphs in both.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { SAMPLE, fixture, problems } from './clutter-fixtures.mjs';
import { startServer } from './server.mjs';
import { allowAllSitesFirefox, launchFirefox, requireDist, waitFor } from './support.mjs';

let server;
let driver;
let addonId;
let pageHandle;
let extensionHandle;

// Runs `body` in the browser window's privileged scope, with `action` (the toolbar button) and
// `tabId` (the selected tab's WebExtension id) defined.
async function privileged(body) {
  await driver.setContext('chrome');
  try {
    return await driver.executeScript(
      `
      const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
      const { browserActionFor, tabTracker } = ExtensionParent.apiManager.global;
      const action = browserActionFor(ExtensionParent.GlobalManager.getExtension(arguments[0]));
      const tabId = tabTracker.getId(window.gBrowser.selectedTab);
      ${body}`,
      addonId,
    );
  } finally {
    await driver.setContext('content');
  }
}

// Sends `message` to the tab's content script from the extension's page; resolves to the reply.
async function send(tabId, message) {
  await driver.switchTo().window(extensionHandle);
  try {
    return await driver.executeAsyncScript(
      'const done = arguments[arguments.length - 1]; browser.tabs.sendMessage(arguments[0], arguments[1]).then(done, (e) => done({ ok: false, error: String(e) }));',
      tabId,
      message,
    );
  } finally {
    await driver.switchTo().window(pageHandle);
  }
}

before(async () => {
  requireDist('firefox');
  server = await startServer();
  ({ driver, addonId } = await launchFirefox());
  pageHandle = await driver.getWindowHandle();
  const origin = await privileged(
    'return `moz-extension://${WebExtensionPolicy.getByID(arguments[0]).mozExtensionHostname}`;',
  );
  // Decluttering as pages load needs the host access a user grants.
  await allowAllSitesFirefox(driver, origin);
  await driver.switchTo().newWindow('tab');
  await driver.get(`${origin}/popup.html?tab=0`);
  extensionHandle = await driver.getWindowHandle();
  await driver.switchTo().window(pageHandle);
});

after(async () => {
  await driver?.quit();
  await server?.close();
});

for (const slug of SAMPLE) {
  test(`${slug}: the clutter goes from the page and the reader view, the article stays in both`, async () => {
    const want = fixture(slug);
    await driver.get(server.url(want.path));
    const tabId = await privileged('return tabId;');
    const status = await waitFor(`tidyread to declutter ${slug}`, async () => {
      const reply = await send(tabId, { type: 'popup->content/status' });
      return reply?.ok && reply.status.removals > 0 && reply.status;
    });
    // What shows: clutter is hidden in place, its text still in textContent.
    const pageText = await driver.executeScript(() => document.body.innerText);
    await privileged('action.triggerAction(window);');
    const reader = await waitFor('the reader view to open', async () => {
      const reply = await send(tabId, { type: 'background->content/reader-state', layout: false });
      return reply?.ok && reply.reader.readerOpen && reply.reader;
    });
    const kinds = status.items.map((item) => item.kind);
    assert.deepEqual(problems(want, pageText, reader.paragraphs, kinds), []);
  });
}

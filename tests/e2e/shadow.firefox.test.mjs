// Shadow DOM in Firefox ESR (headless, selenium-webdriver and geckodriver): the same pages as
// shadow.chromium.test.mjs. Clutter inside open, closed (which the content script sees through
// `openOrClosedShadowRoot`) and declarative shadow roots is hidden, the site's own components
// stay, a restore is exact; an article told in web components reads whole in the reader view.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startServer } from './server.mjs';
import { allowAllSitesFirefox, launchFirefox, requireDist, waitFor } from './support.mjs';

let server;
let driver;
let addonId;
let pageHandle;
let extensionHandle;

// The selected tab's WebExtension id, from the browser window's privileged scope.
async function selectedTabId() {
  await driver.setContext('chrome');
  try {
    return await driver.executeScript(
      `const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
      return ExtensionParent.apiManager.global.tabTracker.getId(window.gBrowser.selectedTab);`,
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
  await driver.setContext('chrome');
  const origin = await driver.executeScript(
    'return `moz-extension://${WebExtensionPolicy.getByID(arguments[0]).mozExtensionHostname}`;',
    addonId,
  );
  await driver.setContext('content');
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

async function open(path) {
  await driver.get(server.url(path));
  const tabId = await selectedTabId();
  const status = await waitFor(`tidyread to declutter ${path}`, async () => {
    const reply = await send(tabId, { type: 'popup->content/status' });
    return reply?.ok && reply.status.removals > 0 && reply.status;
  });
  return { tabId, status };
}

test('clutter in open, closed and declarative shadow roots is hidden; the components the article needs stay; restore is exact', async () => {
  const { tabId } = await open('/plain/shadow-clutter.html');
  const seen = () =>
    driver.executeScript(() => {
      const shows = (element) => element.checkVisibility();
      const tools = document.getElementById('tools').shadowRoot;
      return {
        trending: shows(document.getElementById('rail').shadowRoot.querySelector('section')),
        mostRead: shows(window.__closedRoots.mostRead.querySelector('section')),
        dsdAd: shows(document.getElementById('ad-host').shadowRoot.getElementById('ad-inside')),
        toolsAd: shows(tools.getElementById('ad-box')),
        toolsHost: shows(document.getElementById('tools')),
        figure: shows(tools.getElementById('chart')),
        byline: shows(document.getElementById('author').shadowRoot.querySelector('p')),
        paragraphs: ['p1', 'p2', 'p3', 'p4', 'p5'].every((id) => shows(document.getElementById(id))),
      };
    });
  await waitFor('the shadow clutter to be hidden', async () => {
    const now = await seen();
    return !now.trending && !now.mostRead && !now.dsdAd && !now.toolsAd;
  });
  assert.deepEqual(await seen(), {
    trending: false,
    mostRead: false,
    dsdAd: false,
    toolsAd: false,
    toolsHost: true,
    figure: true,
    byline: true,
    paragraphs: true,
  });
  const off = await send(tabId, { type: 'background->content/toggle' });
  assert.equal(off?.ok, true, off?.error);
  assert.equal(off.status.enabled, false);
  const after = await driver.executeScript(() => ({
    light: document.documentElement.outerHTML === window.__tidyreadTestBefore,
    shadow: JSON.stringify(window.__shadowTrees()) === JSON.stringify(window.__shadowBefore),
  }));
  assert.deepEqual(after, { light: true, shadow: true }, 'the page and its shadow trees as they were');
});

test('an article told in web components (declarative shadow roots, slots) reads whole in the reader view; the ad beside it goes', async () => {
  const { tabId } = await open('/plain/shadow-article.html');
  const expected = await driver.executeScript(() => {
    const outer = document.getElementById('page').shadowRoot;
    const inner = outer.querySelector('story-body').shadowRoot;
    const text = (element) => element.textContent.trim();
    return [
      text(outer.getElementById('s1')),
      text(outer.getElementById('light1')),
      text(outer.getElementById('light2')),
      text(inner.getElementById('s2')),
      text(outer.getElementById('s3')),
    ];
  });
  await waitFor('the ad to be hidden', () =>
    driver.executeScript(() => !document.getElementById('light-ad').checkVisibility()),
  );
  await send(tabId, { type: 'background->content/reader-show' });
  const reader = await waitFor('the reader view', async () => {
    const reply = await send(tabId, { type: 'background->content/reader-state', layout: false });
    return reply?.ok && reply.reader.readerOpen && reply.reader;
  });
  assert.deepEqual(
    reader.paragraphs.filter((p) => expected.includes(p)),
    expected,
    'every paragraph, in the order the page shows them',
  );
  assert.ok(!reader.paragraphs.some((p) => p.includes('Publicité')));
});

// Least privilege in Chromium, with the extension exactly as built (dist/chrome): no host access
// at install, so no page is read or changed until the user clicks the toolbar button. The click
// grants activeTab for that tab and that page only; the content script is injected then.
//
// The click is CDP's Extensions.triggerAction (it needs --enable-unsafe-extension-debugging): it
// runs the action as the browser does for a user's click, activeTab grant included. Dispatching
// the action's onClicked event from the worker runs the same listener without the grant.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startServer } from './server.mjs';
import { ALL_SITES, DIST, ROOT, launchChromium, readPage, requireDist, tempDir, waitFor } from './support.mjs';

const ARTIFACTS = join(ROOT, 'target', 'e2e-artifacts');

const SEED = '/fixtures/seed-townhall/page.html';

let server;
let profile;
let context;
let worker;
let extensionId;
let cdp;

before(async () => {
  server = await startServer();
  profile = tempDir('tidyread-privilege-');
  // The seed page names ad servers and image hosts: fail those at once, offline.
  // The shipped build, test hooks left out: this suite sends none of them.
  context = await launchChromium(profile.dir, {
    extension: DIST.chrome,
    hostAccess: false,
    args: ['--enable-unsafe-extension-debugging', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  });
  worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15000 }));
  extensionId = new URL(worker.url()).host;
  cdp = await context.browser().newBrowserCDPSession();
});

after(async () => {
  await context?.close();
  await server?.close();
  profile?.remove();
});

/** The browser's tab target showing `url` (Extensions.triggerAction acts on tab targets). */
async function tabTarget(url) {
  const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
  const target = targetInfos.find((t) => t.url === url);
  assert.ok(target, `a tab target for ${url}`);
  return target.targetId;
}

const userClick = async (url) =>
  cdp.send('Extensions.triggerAction', { id: extensionId, targetId: await tabTarget(url) });
// Without host access or the "tabs" permission the worker cannot see a tab's URL: the page each
// test opens is the newest tab.
const dispatchClickOnNewestTab = () =>
  worker.evaluate(async () => {
    const tabs = await chrome.tabs.query({});
    chrome.action.onClicked.dispatch(tabs.reduce((a, b) => (b.id > a.id ? b : a)));
  });
const tabIdOf = (url) => worker.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, url);
// The shipped build puts no mark on the page: what the content script did, it tells the popup.
// Null while there is none in the tab (or the worker may not see the tab's URL: no click yet).
const contentStatus = (url) =>
  worker.evaluate(async (u) => {
    const tab = (await chrome.tabs.query({})).find((t) => t.url === u);
    if (tab === undefined) return null;
    try {
      const reply = await chrome.tabs.sendMessage(tab.id, { type: 'popup->content/status' });
      return reply?.ok ? reply.status : null;
    } catch {
      return null;
    }
  }, url);
const decluttered = async (url) => {
  const status = await contentStatus(url);
  return status !== null && status.enabled && status.removals > 0;
};
const readerOpen = (page) => page.evaluate(() => document.querySelector('tidyread-reader') !== null);

// The time the page has to show a content script that should not be there: the granted suites
// see the marks well within it.
const SETTLE_MS = 1500;

test('both builds ask for no host access at install: activeTab and scripting, all sites optional', () => {
  for (const browser of ['chrome', 'firefox']) {
    const manifest = requireDist(browser);
    assert.deepEqual([...manifest.permissions].sort(), ['activeTab', 'contextMenus', 'scripting', 'storage'], browser);
    assert.deepEqual(manifest.optional_host_permissions, ALL_SITES, browser);
    assert.equal(manifest.host_permissions, undefined, browser);
    assert.equal(manifest.content_scripts, undefined, browser);
  }
});

test('no page is touched before a click; a click injects the content script and opens the reader', async () => {
  assert.deepEqual(
    await worker.evaluate(() => chrome.scripting.getRegisteredContentScripts()),
    [],
    'nothing registered',
  );
  assert.deepEqual((await worker.evaluate(() => chrome.permissions.getAll())).origins, [], 'no host access');

  const url = server.url(SEED);
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForTimeout(SETTLE_MS);
  const asLoaded = await page.evaluate(() => document.documentElement.outerHTML);
  assert.equal(await contentStatus(url), null, 'no content script ran as the page loaded');

  // The listener runs, but without a user's click there is no activeTab: nothing can be injected.
  await dispatchClickOnNewestTab();
  await page.waitForTimeout(SETTLE_MS);
  assert.equal(await readerOpen(page), false, 'no reader view without a click');
  assert.equal(await page.evaluate(() => document.documentElement.outerHTML), asLoaded, 'the page is as it loaded');

  await userClick(url);
  await waitFor('the reader view to open', () => readerOpen(page));
  // The content script came with the click, and declutters (the default) under the view.
  await waitFor('the page to be decluttered', () => decluttered(url));

  // A second click closes the view: the content script is there, so it is not injected again.
  await userClick(url);
  await waitFor('the reader view to close', async () => !(await readerOpen(page)));
  await page.close();
});

test('the grant lasts for that page only: the next page loads untouched', async () => {
  const page = await context.newPage();
  const first = server.url('/plain/article.html');
  await page.goto(first);
  await userClick(first);
  await waitFor('the first page to be decluttered', () => decluttered(first));

  await page.goto(server.url('/plain/article.html?next'));
  await page.waitForTimeout(SETTLE_MS);
  const next = await page.evaluate(readPage);
  assert.equal(await contentStatus(server.url('/plain/article.html?next')), null, 'no content script on the next page');
  assert.equal(next.ad, true, 'its ad shows');
  await page.close();
});

test('the popup, after a click, says the site runs on click only and offers to allow it', async () => {
  const url = server.url('/plain/article.html?popup');
  const page = await context.newPage();
  await page.goto(url);
  await userClick(url);
  await waitFor('the page to be decluttered', () => decluttered(url));
  const tabId = await tabIdOf(url);

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  await waitFor('the access text', async () => (await popup.textContent('#access-state')) !== '…');
  assert.match(await popup.textContent('#access-state'), /only when you click its button/);
  assert.equal(await popup.isVisible('#access-site'), true, 'an "Allow on this site" button');
  await waitFor('the status', async () => /^\d+$/.test(await popup.textContent('#removals')));
  assert.ok(Number(await popup.textContent('#removals')) > 0, 'the popup lists what the click removed');
  mkdirSync(ARTIFACTS, { recursive: true });
  await popup.setViewportSize({ width: 420, height: 720 });
  await popup.screenshot({ path: join(ARTIFACTS, 'popup-on-click-chromium.png'), fullPage: true });
  await popup.close();
  await page.close();
});

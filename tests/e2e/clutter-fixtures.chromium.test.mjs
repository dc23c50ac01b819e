// Clutter inside and beside the article in Debian's Chromium (Playwright, the extension
// loaded): a sample of the clutter fixtures is decluttered on the live page and left out of the
// reader view, with the article's paragraphs in both.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { SAMPLE, fixture, problems } from './clutter-fixtures.mjs';
import { startServer } from './server.mjs';
import { isMarked, launchChromium, requireDist, tempDir, waitFor } from './support.mjs';

let server;
let profile;
let context;
let worker;

before(async () => {
  requireDist('chrome');
  server = await startServer();
  profile = tempDir('tidyread-clutter-');
  context = await launchChromium(profile.dir);
  // The fixtures name ad servers and pictures elsewhere: offline, and none needed.
  await context.route(
    (url) => /^(https?|wss?):$/.test(url.protocol) && url.hostname !== '127.0.0.1',
    (route) => route.abort(),
  );
  worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15000 }));
  await worker.evaluate(() => {
    globalThis.testTabs = new Map();
    chrome.runtime.onMessage.addListener((message, sender) => {
      if (message?.type === 'content->background/status' && sender.tab)
        globalThis.testTabs.set(sender.url, sender.tab.id);
      return false;
    });
    return chrome.storage.sync.set({ settings: { version: 1, sites: {} } });
  });
});

after(async () => {
  await context?.close();
  await server?.close();
  profile?.remove();
});

async function send(tabId, type, extra = {}) {
  const reply = await worker.evaluate(({ id, message }) => chrome.tabs.sendMessage(id, message), {
    id: tabId,
    message: { ...extra, type },
  });
  assert.equal(reply?.ok, true, `${type}: ${reply?.error}`);
  return reply;
}

for (const slug of SAMPLE) {
  test(`${slug}: the clutter goes from the page and the reader view, the article stays in both`, async () => {
    const want = fixture(slug);
    const url = server.url(want.path);
    const page = await context.newPage();
    await page.goto(url);
    const tabId = await waitFor(`the status of ${slug}`, () => worker.evaluate((u) => globalThis.testTabs.get(u), url));
    await waitFor(`tidyread to mark ${slug}`, () => page.evaluate(isMarked));
    const { status } = await send(tabId, 'popup->content/status');
    // What shows: clutter is hidden in place, its text still in textContent.
    const pageText = await page.evaluate(() => document.body.innerText);
    await worker.evaluate(async (id) => chrome.action.onClicked.dispatch(await chrome.tabs.get(id)), tabId);
    const reader = await waitFor('the reader view to open', async () => {
      const { reader } = await send(tabId, 'background->content/reader-state', { layout: false });
      return reader.readerOpen && reader;
    });
    const kinds = status.items.map((item) => item.kind);
    assert.deepEqual(problems(want, pageText, reader.paragraphs, kinds), []);
    await page.close();
  });
}

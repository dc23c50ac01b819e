// Infinite scroll in Debian's Chromium (Playwright, the extension loaded): a news page appends
// the next story below the one being read as the reader nears its end (pages/infinite.js). The
// reader view shows the story in view, not the two stories merged: the first at the top of the
// page, the second once it is scrolled to, the first again when the reader scrolls back.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startServer } from './server.mjs';
import { isMarked, launchChromium, requireDist, tempDir, waitFor } from './support.mjs';

let server;
let profile;
let context;
let worker;

before(async () => {
  requireDist('chrome');
  server = await startServer();
  profile = tempDir('tidyread-infinite-');
  context = await launchChromium(profile.dir);
  await context.route(
    (url) => /^(https?|wss?):$/.test(url.protocol) && url.hostname !== '127.0.0.1',
    (route) => route.abort(),
  );
  worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15000 }));
});

after(async () => {
  await context?.close();
  await server?.close();
  profile?.remove();
});

// The page's tab: the one on the test server (the page changes its address as it scrolls).
const tabOf = () =>
  worker.evaluate(
    async (origin) => (await chrome.tabs.query({})).find((tab) => tab.url?.startsWith(origin))?.id,
    server.url('/'),
  );

async function readerOf() {
  const tabId = await tabOf();
  const send = (type, payload = {}) =>
    worker.evaluate(({ id, message }) => chrome.tabs.sendMessage(id, message), {
      id: tabId,
      message: { ...payload, type },
    });
  await send('background->content/reader-show');
  const reader = await waitFor('the reader view', async () => {
    const reply = await send('background->content/reader-state', { layout: false });
    return reply?.ok && reply.reader.readerOpen && reply.reader;
  });
  await send('background->content/reader-toggle');
  await waitFor(
    'the reader view to close',
    async () => !(await send('background->content/reader-state')).reader.readerOpen,
  );
  return reader;
}

test('the reader view shows the story in view, not the two stories merged', async () => {
  const page = await context.newPage();
  await page.goto(server.url('/plain/infinite.html'));
  await waitFor('tidyread to declutter the page', () => page.evaluate(isMarked));
  // The reader nears the end of the first story: the second comes in below it.
  await page.evaluate(() => document.getElementById('more').scrollIntoView());
  await waitFor('the second story', () => page.evaluate(() => document.getElementById('story-2') !== null));
  const stories = await page.evaluate(() =>
    ['story-1', 'story-2'].map((id) => {
      const story = document.getElementById(id);
      return {
        title: story.querySelector('h1').textContent,
        paragraphs: [...story.querySelectorAll('p:not(.byline)')].map((p) => p.textContent),
      };
    }),
  );
  const scrollTo = (id) =>
    page.evaluate((id) => document.querySelector(`#${id} p:nth-of-type(3)`).scrollIntoView({ block: 'center' }), id);
  for (const [at, shown, other] of [
    ['story-2', stories[1], stories[0]],
    ['story-1', stories[0], stories[1]],
  ]) {
    await scrollTo(at);
    const reader = await readerOf();
    assert.equal(reader.title, shown.title, `in view: ${at}`);
    assert.deepEqual(
      reader.paragraphs.filter((p) => shown.paragraphs.includes(p)),
      shown.paragraphs,
      `${at}: all of its paragraphs`,
    );
    assert.deepEqual(
      reader.paragraphs.filter((p) => other.paragraphs.includes(p)),
      [],
      `${at}: nothing of the other story`,
    );
  }
  await page.close();
});

// Shadow DOM in Debian's Chromium (Playwright, the extension loaded): clutter inside web
// components is classified and hidden, whether their shadow roots are open, closed (which the
// extension sees and the page's other scripts do not) or declarative; what the site's own
// components show stays; an article told in web components reads whole in the reader view; a
// restore gives back the page and its shadow trees exactly.
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
  profile = tempDir('tidyread-shadow-');
  context = await launchChromium(profile.dir);
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
  });
});

after(async () => {
  await context?.close();
  await server?.close();
  profile?.remove();
});

async function open(path) {
  const url = server.url(path);
  await worker.evaluate((u) => globalThis.testTabs.delete(u), url);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  const tabId = await waitFor(`the status of ${path}`, () => worker.evaluate((u) => globalThis.testTabs.get(u), url));
  await waitFor(`tidyread to declutter ${path}`, () => page.evaluate(isMarked));
  return { page, tabId, errors };
}

async function toContent(tabId, type) {
  const reply = await worker.evaluate(({ id, type }) => chrome.tabs.sendMessage(id, { type }), { id: tabId, type });
  assert.equal(reply?.ok, true, `${type}: ${reply?.error}`);
  return reply;
}

// Runs in the page: what shows, inside the shadow trees as well as outside.
function seen() {
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
}

test('clutter in open, closed and declarative shadow roots is hidden; the components the article needs stay; restore is exact', async () => {
  const { page, tabId, errors } = await open('/plain/shadow-clutter.html');
  await waitFor('the shadow clutter to be hidden', async () => {
    const now = await page.evaluate(seen);
    return !now.trending && !now.mostRead && !now.dsdAd && !now.toolsAd;
  });
  assert.deepEqual(await page.evaluate(seen), {
    trending: false,
    mostRead: false,
    dsdAd: false,
    toolsAd: false,
    toolsHost: true,
    figure: true,
    byline: true,
    paragraphs: true,
  });
  const { status } = await toContent(tabId, 'popup->content/status');
  const kinds = status.items.map((item) => item.kind).sort();
  assert.ok(kinds.filter((kind) => kind === 'ad').length >= 2, `both ads are listed: ${kinds}`);

  const off = await toContent(tabId, 'background->content/toggle');
  assert.equal(off.status.enabled, false);
  const after = await page.evaluate(() => ({
    light: document.documentElement.outerHTML === window.__tidyreadTestBefore,
    shadow: JSON.stringify(window.__shadowTrees()) === JSON.stringify(window.__shadowBefore),
  }));
  assert.deepEqual(after, { light: true, shadow: true }, 'the page and its shadow trees as they were');
  assert.deepEqual(errors, []);
  await page.close();
});

test('an article told in web components (declarative shadow roots, slots) reads whole in the reader view; the ad beside it goes', async () => {
  const { page, tabId, errors } = await open('/plain/shadow-article.html');
  await waitFor('the ad to be hidden', () =>
    page.evaluate(() => !document.getElementById('light-ad').checkVisibility()),
  );
  const expected = await page.evaluate(() => {
    const outer = document.getElementById('page').shadowRoot;
    const inner = outer.querySelector('story-body').shadowRoot;
    const text = (element) => element.textContent.trim();
    return {
      title: text(document.querySelector('[slot=headline]')),
      paragraphs: [
        text(outer.getElementById('s1')),
        text(outer.getElementById('light1')),
        text(outer.getElementById('light2')),
        text(inner.getElementById('s2')),
        text(outer.getElementById('s3')),
      ],
    };
  });
  await toContent(tabId, 'background->content/reader-show');
  const reader = await waitFor('the reader view', async () => {
    const reply = await worker.evaluate(
      (id) => chrome.tabs.sendMessage(id, { type: 'background->content/reader-state', layout: false }),
      tabId,
    );
    return reply?.ok && reply.reader.readerOpen && reply.reader;
  });
  assert.equal(reader.title, expected.title);
  const body = reader.paragraphs.filter((p) => expected.paragraphs.includes(p));
  assert.deepEqual(body, expected.paragraphs, 'every paragraph, in the order the page shows them');
  assert.ok(!reader.paragraphs.some((p) => p.includes('Publicité')));
  assert.deepEqual(errors, []);
  await page.close();
});

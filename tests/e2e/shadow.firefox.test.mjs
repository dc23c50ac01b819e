// Shadow DOM in Firefox ESR (headless, selenium-webdriver and geckodriver): the same pages as
// shadow.chromium.test.mjs. Clutter inside open, closed (which the content script sees through
// `openOrClosedShadowRoot`) and declarative shadow roots is hidden, the site's own components
// stay, a restore is exact; an article told in web components reads whole in the reader view.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startServer } from './server.mjs';
import { firefoxWithAccess, requireDist, waitFor } from './support.mjs';

let server;
let driver;
let send;

before(async () => {
  requireDist('firefox');
  server = await startServer();
  ({ driver, sendToContent: send } = await firefoxWithAccess());
});

after(async () => {
  await driver?.quit();
  await server?.close();
});

async function open(path) {
  await driver.get(server.url(path));
  await waitFor(`tidyread to declutter ${path}`, async () => {
    const reply = await send({ type: 'popup->content/status' });
    return reply?.ok && reply.status.removals > 0;
  });
}

test('clutter in open, closed and declarative shadow roots is hidden; the components the article needs stay; restore is exact', async () => {
  await open('/plain/shadow-clutter.html');
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
  const off = await send({ type: 'background->content/toggle' });
  assert.equal(off?.ok, true, off?.error);
  assert.equal(off.status.enabled, false);
  const after = await driver.executeScript(() => ({
    light: document.documentElement.outerHTML === window.__tidyreadTestBefore,
    shadow: JSON.stringify(window.__shadowTrees()) === JSON.stringify(window.__shadowBefore),
  }));
  assert.deepEqual(after, { light: true, shadow: true }, 'the page and its shadow trees as they were');
});

test('an article told in web components (declarative shadow roots, slots) reads whole in the reader view; the ad beside it goes', async () => {
  await open('/plain/shadow-article.html');
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
  await send({ type: 'background->content/reader-show' });
  const reader = await waitFor('the reader view', async () => {
    const reply = await send({ type: 'background->content/reader-state', layout: false });
    return reply?.ok && reply.reader.readerOpen && reply.reader;
  });
  assert.deepEqual(
    reader.paragraphs.filter((p) => expected.includes(p)),
    expected,
    'every paragraph, in the order the page shows them',
  );
  assert.ok(!reader.paragraphs.some((p) => p.includes('Publicité')));
});

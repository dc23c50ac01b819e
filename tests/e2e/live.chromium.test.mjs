// The live page stays the page's own, in Debian's Chromium (Playwright, the extension loaded):
// clutter is hidden in place, never detached, so the page's own code keeps working on it; what
// the page inserts again is hidden as it comes in; what an attribute, a text or a popover
// reveals later is seen; nothing tells the page more than it must.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startServer } from './server.mjs';
import { DIST, isMarked, isShown, launchChromium, requireDist, tempDir, waitFor } from './support.mjs';

let server;
let profile;
let context;
let worker;
const pageErrors = [];

before(async () => {
  requireDist('chrome');
  server = await startServer();
  profile = tempDir('tidyread-live-');
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

async function setSites(sites) {
  await worker.evaluate((s) => chrome.storage.sync.set({ settings: { version: 1, sites: s } }), sites);
}

async function open(path, { marked = true } = {}) {
  const url = server.url(path);
  await worker.evaluate((u) => globalThis.testTabs.delete(u), url);
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(`${path}: ${error.message}`));
  await page.goto(url);
  const tabId = await waitFor(`the status of ${path}`, () => worker.evaluate((u) => globalThis.testTabs.get(u), url));
  if (marked) await waitFor(`tidyread to mark ${path}`, () => page.evaluate(isMarked));
  return { page, tabId };
}

async function status(tabId) {
  const reply = await worker.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'popup->content/status' }), tabId);
  assert.equal(reply?.ok, true, reply?.error);
  return reply.status;
}

test('a trending rail put in again every 100 ms is hidden as it comes in: shown in under 5% of 400 samples over 20 s; one block in the popup', async () => {
  await setSites({});
  const { page, tabId } = await open('/plain/reinsert.html');
  await waitFor('the sampling to start', () => page.evaluate(() => window.__railSamples()[1] > 0));
  // 400 samples, one every 50 ms.
  await waitFor('400 samples', () => page.evaluate(() => window.__railSamples()[1] >= 400), { timeout: 40000 });
  const [shown, total] = await page.evaluate(() => window.__railSamples());
  const copies = await page.evaluate(() => window.__railCopies);
  const share = shown / total;
  console.log(
    `re-inserted rail: shown in ${shown} of ${total} samples (${(100 * share).toFixed(1)}%), ${copies} copies`,
  );
  assert.ok(copies >= 150, `the page kept putting the rail in (${copies} copies)`);
  assert.ok(share < 0.05, `shown in ${shown} of ${total} samples`);
  const now = await status(tabId);
  const rails = now.items.filter((item) => item.excerpt.startsWith('Trending now'));
  assert.equal(rails.length, 1, `one entry for the rail: ${JSON.stringify(now.items)}`);
  assert.equal(now.removals, now.items.length);
  assert.ok(await page.evaluate(isShown, '#p5'), 'the article stays');
  // Bring back: the rail shows again, copies included.
  await worker.evaluate(
    ({ id, item }) => chrome.tabs.sendMessage(id, { type: 'popup->content/restore-one', id: item }),
    { id: tabId, item: rails[0].id },
  );
  await waitFor('the rail to show again', () => page.evaluate(isShown, '.trending-rail'));
  await page.waitForTimeout(500);
  assert.ok(await page.evaluate(isShown, '.trending-rail'), 'its later copies show too');
  await page.close();
  assert.deepEqual(pageErrors, []);
});

// Text without its spaces: an excerpt joins text nodes with a space, textContent does not.
const squeeze = (text) => text.replace(/[\s…]+/g, '');

// The news apps (pages/news-react.js, news-vue.js) and their hashed class names.
const APPS = [
  {
    name: 'react',
    ad: '.x7q2p',
    newsletter: '.b9v3c',
    trending: '.m4r8t',
    mostRead: '.p0o9i',
    mostReadTitle: 'Most read',
  },
  {
    name: 'vue',
    ad: '.v7q2p',
    newsletter: '.v9v3c',
    trending: '.v4r8t',
    mostRead: '.v0o9i',
    mostReadTitle: 'Meistgelesen',
  },
];

for (const app of APPS) {
  test(`${app.name}: a hydrated app keeps working through 10 route changes; each route is decluttered; the popup lists the route's blocks only`, async () => {
    await setSites({});
    const consoleErrors = [];
    const { page, tabId } = await open(`/${app.name}/0`);
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') consoleErrors.push(message.text());
    });
    await waitFor('the app to hydrate', () => page.evaluate(() => window.__appReady === true));
    const titles = await page.evaluate(() => window.NEWS_STORIES.map((s) => s.title));
    const clutter = [app.ad, app.newsletter, app.trending, app.mostRead];
    for (let n = 0; n <= 10; n++) {
      // A real click: React's and Vue's own handlers change the route.
      if (n > 0) await page.click('#next');
      const title = titles[n % titles.length];
      await waitFor(`story ${n}`, () => page.evaluate((t) => document.querySelector('h1')?.textContent === t, title));
      await waitFor(`route ${n} decluttered`, () =>
        page.evaluate(
          (selectors) =>
            selectors.every((selector) => {
              const element = document.querySelector(selector);
              return element !== null && !element.checkVisibility();
            }),
          clutter,
        ),
      );
      const prose = await page.evaluate(() =>
        Array.from(document.querySelectorAll('article > p:not([class])'), (p) => p.checkVisibility()),
      );
      assert.deepEqual(prose, [true, true, true, true, true], `route ${n}: every paragraph shows`);
      const now = await status(tabId);
      // One entry per block of this route: the route's own (their text is on the page now) and
      // the "Most read" list, which stays across routes, its order changing.
      const text = squeeze(await page.evaluate(() => document.body.textContent));
      const stale = now.items.filter(
        (item) => !item.excerpt.startsWith(app.mostReadTitle) && !text.includes(squeeze(item.excerpt).slice(0, 40)),
      );
      assert.deepEqual(stale, [], `route ${n}: no entry for a block of an earlier route`);
      assert.equal(now.items.length, clutter.length, `route ${n}: ${JSON.stringify(now.items)}`);
      assert.equal(now.removals, now.items.length);
    }
    assert.deepEqual(await page.evaluate(() => window.__hydrationErrors), [], 'hydration without mismatch');
    assert.deepEqual(consoleErrors, [], 'no error or warning in the console');
    assert.deepEqual(
      pageErrors.filter((e) => e.startsWith(`/${app.name}/`)),
      [],
    );

    // Off again: no trace of the hiding anywhere in the page, and the app still runs.
    await worker.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'background->content/toggle' }), tabId);
    await waitFor('the page to be restored', async () => !(await page.evaluate(isMarked)));
    const html = await page.evaluate(() => document.documentElement.outerHTML);
    assert.doesNotMatch(html, /\s[a-z][a-z0-9]{11}=""/, 'no hiding attribute left');
    assert.ok(await page.evaluate((selector) => document.querySelector(selector).checkVisibility(), app.ad));
    await page.click('#next');
    await waitFor('the next story', () =>
      page.evaluate((t) => document.querySelector('h1')?.textContent === t, titles[11 % titles.length]),
    );
    await page.close();
  });
}

test('clutter revealed without a new element is seen: an attribute, a class, text in an empty slot, showModal(), a popover; what the page expands or opens stays; the page is not left inert; restore is exact', async () => {
  // The page as it ends up without tidyread.
  await setSites({ '127.0.0.1': { declutter: false } });
  const plain = await open('/plain/reveal.html', { marked: false });
  await waitFor('the page to reveal everything', () => plain.page.evaluate(() => window.__revealDone === true));
  const untouched = await plain.page.evaluate(() => document.documentElement.outerHTML);
  await plain.page.close();

  await setSites({});
  const { page, tabId } = await open('/plain/reveal.html');
  await waitFor('the page to reveal everything', () => page.evaluate(() => window.__revealDone === true));
  const clutter = ['#cmp-root', '#slot', '#nl-dialog', '#vip', '#nl-box'];
  const shown = (selectors) =>
    page.evaluate((list) => list.filter((s) => document.querySelector(s).checkVisibility()), selectors);
  await waitFor('the revealed clutter to be hidden', async () => (await shown(clutter)).length === 0, {
    timeout: 20000,
  });
  assert.deepEqual(await shown(['#p1', '#p4 .rest', '#p5', '#sources li']), ['#p1', '#p4 .rest', '#p5', '#sources li']);
  // The hidden modal dialog does not leave the page inert: a click reaches the article.
  const dialog = await page.evaluate(() => {
    const d = document.getElementById('nl-dialog');
    return { open: d.open, modal: d.matches(':modal') };
  });
  assert.deepEqual(dialog, { open: true, modal: false }, 'open for the page, not modal');
  await page.click('#sources summary');
  assert.equal(await page.evaluate(() => document.getElementById('sources').open), false, 'the click went through');
  await page.click('#sources summary');
  const now = await status(tabId);
  const kinds = now.items.map((item) => item.kind).sort();
  assert.ok(kinds.includes('consent_banner'), JSON.stringify(now.items));
  assert.ok(kinds.includes('newsletter'), JSON.stringify(now.items));

  // Plain code removes a block tidyread hid: it is the page's node, where the page left it.
  const removed = await page.evaluate(() => {
    const box = document.getElementById('nl-box');
    return box.parentNode.removeChild(box) === box && document.getElementById('nl-box') === null;
  });
  assert.equal(removed, true);

  await worker.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'background->content/toggle' }), tabId);
  await waitFor('the page to be restored', async () => !(await page.evaluate(isMarked)));
  const restored = await page.evaluate(() => document.documentElement.outerHTML);
  const expected = untouched.replace(/<aside class="n5b6v" id="nl-box">[\s\S]*?<\/aside>/, '');
  assert.equal(restored, expected, 'the page as without tidyread (less what the page itself took out)');
  assert.equal(await page.evaluate(() => document.getElementById('nl-dialog').matches(':modal')), true, 'modal again');
  await page.close();
});

test('a dialog or popover the page opens while the reader view is open does not cover it; the dialog is modal again once the view closes', async () => {
  await setSites({ '127.0.0.1': { declutter: false } });
  const { page, tabId } = await open('/plain/dialog-late.html', { marked: false });
  const reply = await worker.evaluate(
    (id) => chrome.tabs.sendMessage(id, { type: 'background->content/reader-toggle' }),
    tabId,
  );
  assert.equal(reply?.ok, true, reply?.error);
  await waitFor('the view', () =>
    page.evaluate(() => document.querySelector('tidyread-reader')?.matches(':popover-open') === true),
  );
  // What the page's own code sees, and what is on top at the middle of the window.
  const onTop = () =>
    page.evaluate(() => ({
      top: document.elementFromPoint(innerWidth / 2, innerHeight / 2)?.localName,
      modal: document.getElementById('late-dialog').matches(':modal'),
      open: document.getElementById('late-dialog').open,
    }));
  await page.evaluate(() => document.getElementById('late-dialog').showModal());
  assert.deepEqual(await onTop(), { top: 'tidyread-reader', modal: false, open: true });
  await page.evaluate(() => document.getElementById('late-popover').showPopover());
  assert.deepEqual(await onTop(), { top: 'tidyread-reader', modal: false, open: true });
  // The view still takes the keyboard: Esc closes it.
  await page.keyboard.press('Escape');
  await waitFor('the view to close', () => page.evaluate(() => document.querySelector('tidyread-reader') === null));
  assert.equal(await page.evaluate(() => document.getElementById('late-dialog').matches(':modal')), true);
  await setSites({});
  await page.close();
});

test('the shipped build: nothing on <html>, no comment or element inserted, no sheet the page can read; one random attribute on what it hides', async () => {
  const shipped = tempDir('tidyread-live-shipped-');
  const browser = await launchChromium(shipped.dir, { extension: DIST.chrome });
  try {
    const sw = browser.serviceWorkers()[0] ?? (await browser.waitForEvent('serviceworker', { timeout: 15000 }));
    const page = await browser.newPage();
    const url = server.url('/plain/tells.html');
    await page.goto(url);
    // No mark to wait for: the content script's status says when it has decluttered.
    const decluttered = () =>
      sw.evaluate(async (u) => {
        const tab = (await chrome.tabs.query({})).find((t) => t.url === u);
        if (tab === undefined) return false;
        const reply = await chrome.tabs.sendMessage(tab.id, { type: 'popup->content/status' }).catch(() => null);
        return reply?.ok === true && reply.status.enabled && reply.status.removals > 0;
      }, url);
    await waitFor('the page to be decluttered', decluttered);
    assert.equal(await page.evaluate(isShown, '#ad1'), false, 'the ad is hidden');
    const tells = await page.evaluate(() => window.__tells());
    assert.deepEqual(tells.htmlAttributes, [], 'nothing on <html>');
    assert.equal(tells.comments, 0, 'no placeholder');
    assert.deepEqual(tells.inserted, [], 'no element inserted');
    assert.equal(tells.adopted, 0);
    assert.equal(tells.unowned, 0);
    assert.equal(tells.otherAttributes.length, 1, `one attribute: ${tells.otherAttributes}`);
    assert.match(tells.otherAttributes[0], /^[a-z][a-z0-9]{11}$/, 'a random name');
  } finally {
    await browser.close();
    shipped.remove();
  }
});

test('anti-adblock: empty, invisible ad slots and baits are left as the page made them, so its check finds no ad blocker and shows no wall', async () => {
  await setSites({});
  const { page, tabId } = await open('/plain/baits.html');
  const check = await waitFor('the page to check its baits', () => page.evaluate(() => window.__baitCheck ?? null));
  assert.deepEqual(check, { detected: false, hidden: [] });
  assert.equal(await page.evaluate(() => document.getElementById('adblock-wall')), null, 'no wall');
  assert.equal(await page.evaluate(isShown, '#p4'), true);
  assert.equal((await status(tabId)).enabled, true);
  await page.close();
});

test('anti-adblock: an "ad blocker detected" wall is an overlay: hidden, the scroll lock lifted; restore is exact', async () => {
  await setSites({});
  const { page, tabId } = await open('/plain/adwall.html');
  assert.equal(await page.evaluate(isShown, '#adblock-wall'), false, 'the wall is hidden');
  const now = await status(tabId);
  assert.deepEqual(
    now.items.map((item) => item.kind),
    ['overlay'],
    JSON.stringify(now.items),
  );
  const wheel = async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.mouse.move(200, 200);
    await page.mouse.wheel(0, 400);
    return page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(scrollY)))),
    );
  };
  await page.setViewportSize({ width: 800, height: 300 });
  await waitFor('the page to scroll', async () => (await wheel()) > 0, { timeout: 5000 });
  await worker.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'background->content/toggle' }), tabId);
  await waitFor('the page to be restored', async () => !(await page.evaluate(isMarked)));
  const back = await page.evaluate(() => [document.documentElement.outerHTML, window.__tidyreadTestBefore]);
  assert.equal(back[0], back[1], 'outerHTML as the parser left it');
  assert.equal(await wheel(), 0, 'locked again');
  await page.close();
});

test('frames are judged by their element: a same-origin frame titled "Advertisement" and a srcdoc ad go; a video and a map stay', async () => {
  await setSites({});
  const { page, tabId } = await open('/plain/frames.html');
  const shown = await page.evaluate(() =>
    Object.fromEntries(
      ['#frame-titled', '#frame-srcdoc', '#video', '#map', '#p4'].map((s) => [
        s,
        document.querySelector(s).checkVisibility(),
      ]),
    ),
  );
  assert.deepEqual(shown, {
    '#frame-titled': false,
    '#frame-srcdoc': false,
    '#video': true,
    '#map': true,
    '#p4': true,
  });
  const reasons = (await status(tabId)).items.map((item) => item.reason).sort();
  assert.deepEqual(reasons, ["frame titled 'Advertisement'", 'frame whose document is an ad']);
  await page.close();
});

test('a sticky video ad with a ticking countdown stays hidden; an exit-intent popup with an email field goes as it comes; the fixed site header and a sticky contents list stay', async () => {
  await setSites({});
  const { page } = await open('/plain/floating.html');
  await waitFor('the sticky ad to be hidden', async () => !(await page.evaluate(isShown, '#sticky-video')));
  // Its countdown ticks in place: text changes inside a hidden block, which the core still removes.
  const ticked = await page.evaluate(() => document.getElementById('countdown').textContent);
  await waitFor(
    'the countdown to tick',
    async () => (await page.evaluate(() => document.getElementById('countdown').textContent)) !== ticked,
  );
  await page.waitForTimeout(1500);
  assert.equal(await page.evaluate(isShown, '#sticky-video'), false, 'still hidden');
  // The pointer leaves the window at the top.
  await page.evaluate(() =>
    document.dispatchEvent(
      new MouseEvent('mouseout', { bubbles: true, clientX: 300, clientY: -1, relatedTarget: null }),
    ),
  );
  await waitFor('the exit popup to be inserted', () => page.evaluate(() => window.__exitShown === true));
  await waitFor('the exit popup to be hidden', async () => !(await page.evaluate(isShown, '#exit-popup')));
  assert.deepEqual(
    await page.evaluate(() => ['#site-header', '#toc', '#p5'].map((s) => document.querySelector(s).checkVisibility())),
    [true, true, true],
  );
  await page.evaluate(() => window.__stopCountdown());
  await page.close();
});

test('a part hidden by hand ends in a sheet the page cannot read, and stays hidden when decluttering is turned off', async () => {
  await setSites({});
  await worker.evaluate(() => chrome.storage.sync.set({ 'hidden:127.0.0.1': ['footer'] }));
  try {
    const { page, tabId } = await open('/plain/tells.html');
    // Adopted until the user sheet is in, then only the user sheet.
    await waitFor('no sheet the page can read', () => page.evaluate(() => document.adoptedStyleSheets.length === 0));
    assert.equal(await page.evaluate(isShown, 'footer'), false, 'the footer is hidden');
    await worker.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'background->content/toggle' }), tabId);
    await waitFor('the page to be restored', async () => !(await page.evaluate(isMarked)));
    await waitFor('the ad to show again', () => page.evaluate(isShown, '#ad1'));
    assert.equal(await page.evaluate(isShown, 'footer'), false, 'the part hidden by hand stays hidden');
    await page.close();
  } finally {
    await worker.evaluate(() => chrome.storage.sync.remove('hidden:127.0.0.1'));
  }
});

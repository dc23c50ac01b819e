// The live page stays the page's own, in Firefox ESR (headless, selenium-webdriver and
// geckodriver): the patterns of live.chromium.test.mjs the driver can play. A trending rail put in
// again every 100 ms, clutter revealed without a new element, the React and Vue apps through 10
// route changes, anti-adblock baits and walls, frames judged by their element, floating players
// and an exit-intent popup, a page dialog opened over the reader view.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { By } from 'selenium-webdriver';
import { startServer } from './server.mjs';
import { firefoxWithAccess, isMarked, isShown, requireDist, waitFor } from './support.mjs';

let server;
let driver;
let privileged;
let inExtension;
let send;

async function status() {
  const reply = await send({ type: 'popup->content/status' });
  assert.equal(reply?.ok, true, reply?.error);
  return reply.status;
}

const run = (fn, ...args) => driver.executeScript(fn, ...args);

async function openPage(path) {
  await driver.get(server.url(path));
  await waitFor(`tidyread to mark ${path}`, () => run(isMarked));
}

before(async () => {
  requireDist('firefox');
  server = await startServer();
  ({
    driver,
    privileged,
    inExtension,
    sendToContent: send,
  } = await firefoxWithAccess({ args: ['-width', '1100', '-height', '800'] }));
});

after(async () => {
  await driver?.quit();
  await server?.close();
});

test('a trending rail put in again every 100 ms is hidden as it comes in: shown in under 5% of 400 samples; one block in the popup', async () => {
  await openPage('/plain/reinsert.html');
  await waitFor('400 samples', () => run(() => window.__railSamples()[1] >= 400), { timeout: 40000 });
  const [shown, total] = await run(() => window.__railSamples());
  console.log(
    `re-inserted rail (Firefox): shown in ${shown} of ${total} samples (${((100 * shown) / total).toFixed(1)}%)`,
  );
  assert.ok(shown / total < 0.05, `shown in ${shown} of ${total} samples`);
  const rails = (await status()).items.filter((item) => item.excerpt.startsWith('Trending now'));
  assert.equal(rails.length, 1);
});

test('clutter revealed without a new element is seen; what the page expands stays; the hidden modal dialog leaves the page usable', async () => {
  await openPage('/plain/reveal.html');
  await waitFor('the page to reveal everything', () => run(() => window.__revealDone === true));
  const clutter = ['#cmp-root', '#slot', '#nl-dialog', '#vip', '#nl-box'];
  await waitFor(
    'the revealed clutter to be hidden',
    async () =>
      (await run((list) => list.filter((s) => document.querySelector(s).checkVisibility()), clutter)).length === 0,
    { timeout: 20000 },
  );
  assert.deepEqual(
    await run(() => ['#p1', '#p4 .rest', '#sources li'].map((s) => document.querySelector(s).checkVisibility())),
    [true, true, true],
  );
  assert.deepEqual(
    await run(() => [
      document.getElementById('nl-dialog').open,
      document.getElementById('nl-dialog').matches(':modal'),
    ]),
    [true, false],
  );
  await driver.findElement(By.css('#sources summary')).click();
  assert.equal(await run(() => document.getElementById('sources').open), false, 'the click went through');
});

for (const app of [
  { name: 'react', ad: '.x7q2p', newsletter: '.b9v3c', trending: '.m4r8t', mostRead: '.p0o9i' },
  { name: 'vue', ad: '.v7q2p', newsletter: '.v9v3c', trending: '.v4r8t', mostRead: '.v0o9i' },
]) {
  test(`${app.name}: the hydrated app keeps working through 10 route changes, each route decluttered`, async () => {
    await openPage(`/${app.name}/0`);
    await waitFor('the app to hydrate', () => run(() => window.__appReady === true));
    const titles = await run(() => window.NEWS_STORIES.map((s) => s.title));
    const clutter = [app.ad, app.newsletter, app.trending, app.mostRead];
    for (let n = 0; n <= 10; n++) {
      if (n > 0) await driver.findElement(By.id('next')).click();
      const title = titles[n % titles.length];
      await waitFor(`story ${n}`, () => run((t) => document.querySelector('h1')?.textContent === t, title));
      await waitFor(`route ${n} decluttered`, () =>
        run((list) => list.every((s) => document.querySelector(s)?.checkVisibility() === false), clutter),
      );
      assert.equal((await status()).items.length, clutter.length, `route ${n}`);
    }
    assert.deepEqual(await run(() => window.__hydrationErrors), []);
  });
}

test('anti-adblock: baits and an empty slot are left alone (no wall); a wall is hidden and scrolling comes back', async () => {
  await openPage('/plain/baits.html');
  assert.deepEqual(await waitFor('the bait check', () => run(() => window.__baitCheck ?? null)), {
    detected: false,
    hidden: [],
  });
  await openPage('/plain/adwall.html');
  assert.equal(await run(isShown, '#adblock-wall'), false);
  assert.deepEqual(
    (await status()).items.map((item) => item.kind),
    ['overlay'],
  );
  assert.notEqual(await run(() => getComputedStyle(document.body).overflowY), 'hidden', 'the scroll lock is lifted');
});

test('frames judged by their element, a sticky video ad and an exit-intent popup go; the video, the map, the site header stay', async () => {
  await openPage('/plain/frames.html');
  assert.deepEqual(
    await run(() =>
      ['#frame-titled', '#frame-srcdoc', '#video', '#map'].map((s) => document.querySelector(s).checkVisibility()),
    ),
    [false, false, true, true],
  );
  await openPage('/plain/floating.html');
  await waitFor('the sticky ad to be hidden', async () => !(await run(isShown, '#sticky-video')));
  await run(() =>
    document.dispatchEvent(
      new MouseEvent('mouseout', { bubbles: true, clientX: 300, clientY: -1, relatedTarget: null }),
    ),
  );
  await waitFor('the exit popup to be hidden', () =>
    run(() => window.__exitShown === true && !document.getElementById('exit-popup').checkVisibility()),
  );
  assert.deepEqual(await run(() => ['#site-header', '#toc'].map((s) => document.querySelector(s).checkVisibility())), [
    true,
    true,
  ]);
  await run(() => window.__stopCountdown());
});

const setSites = (sites) =>
  inExtension(
    'const done = arguments[arguments.length - 1]; browser.storage.sync.set({ settings: { version: 1, sites: arguments[0] } }).then(() => done(true));',
    sites,
  );

test('a dialog the page opens while the reader view is open stays under it, and is modal again once the view closes', async () => {
  // Decluttering off: the page's sign-up dialog is clutter, which decluttering would hide (shown
  // as non-modal) as soon as the view no longer covers it. Here only the view's part is at stake.
  await setSites({ '127.0.0.1': { declutter: false } });
  await driver.get(server.url('/plain/dialog-late.html'));
  await waitFor('the content script', async () => (await send({ type: 'popup->content/status' }))?.ok === true);
  await privileged(
    'ExtensionParent.apiManager.global.browserActionFor(ExtensionParent.GlobalManager.getExtension(arguments[0])).triggerAction(window);',
  );
  await waitFor('the view', () =>
    run(() => document.querySelector('tidyread-reader')?.matches(':popover-open') === true),
  );
  await run(() => document.getElementById('late-dialog').showModal());
  assert.deepEqual(
    await run(() => [
      document.elementFromPoint(innerWidth / 2, innerHeight / 2)?.localName,
      document.getElementById('late-dialog').matches(':modal'),
    ]),
    ['tidyread-reader', false],
  );
  await driver.actions().sendKeys('\uE00C').perform();
  await waitFor('the view to close', () => run(() => document.querySelector('tidyread-reader') === null));
  await waitFor('the dialog to be modal again', () =>
    run(() => document.getElementById('late-dialog').matches(':modal')),
  );
  await setSites({});
});

// Live-page decluttering in Debian's Chromium (Playwright, the extension loaded): the seed page
// decluttered with its article whole, clutter the page adds later, the scroll lock of a modal,
// restoring one block and the whole page exactly, a page that never stops changing, and a site
// where decluttering is off.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startServer } from './server.mjs';
import { ROOT, isMarked, isShown, requireDist, tempDir, waitFor, launchChromium } from './support.mjs';

const SEED = join(ROOT, 'tests', 'fixtures', 'seed-townhall');
const SEED_EXPECTED = JSON.parse(readFileSync(join(SEED, 'expected.json'), 'utf8'));
// The seed page as a local page: the capture script first, so it keeps the page as parsed.
const SEED_HTML = readFileSync(join(SEED, 'page.html'), 'utf8').replace(
  '<meta charset="utf-8">',
  '<meta charset="utf-8">\n<script src="/capture.js"></script>',
);
const SEED_PATH = '/seed/townhall.html';
// The kinds after which the content script lifts a scroll lock.
const MODAL_KINDS = ['overlay', 'consent_banner', 'newsletter', 'paywall_prompt'];
// extension/content.js's cap: a burst of 5 re-runs, then one every 3 s.
const RUN_BURST = 5;
const RUN_REFILL_MS = 3000;

let server;
let profile;
let context;
let worker;
const consoleLines = [];

before(async () => {
  requireDist('chrome');
  server = await startServer();
  profile = tempDir('tidyread-declutter-');
  context = await launchChromium(profile.dir);
  // The seed page names ad servers and a CDN: no network here, and none needed.
  await context.route(
    (url) => /^(https?|wss?):$/.test(url.protocol) && url.hostname !== '127.0.0.1',
    (route) => route.abort(),
  );
  await context.route(server.url(SEED_PATH), (route) =>
    route.fulfill({
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
      body: SEED_HTML,
    }),
  );
  worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15000 }));
  // The test learns each page's tab id from the content script's own status message.
  await worker.evaluate(() => {
    globalThis.testTabs = new Map();
    chrome.runtime.onMessage.addListener((message, sender) => {
      if (message?.type === 'content->background/status' && sender.tab)
        globalThis.testTabs.set(sender.url, sender.tab.id);
      return false;
    });
  });
  // The seed page's ad servers and CDN are refused above: their load errors are expected.
  context.on('console', (message) => {
    if (!message.text().startsWith('Failed to load resource'))
      consoleLines.push(`${message.type()}: ${message.text()}`);
  });
});

after(async () => {
  if (consoleLines.length) console.log(`browser console:\n  ${consoleLines.join('\n  ')}`);
  await context?.close();
  await server?.close();
  profile?.remove();
});

// Settings as the options page stores them: one object under `settings` in storage.sync.
async function setSites(sites) {
  await worker.evaluate((s) => chrome.storage.sync.set({ settings: { version: 1, sites: s } }), sites);
}

async function open(path, { marked = true } = {}) {
  const url = server.url(path);
  // A page opened earlier at the same address had another tab.
  await worker.evaluate((u) => globalThis.testTabs.delete(u), url);
  const page = await context.newPage();
  await page.goto(url);
  const tabId = await waitFor(`the status of ${path}`, () => worker.evaluate((u) => globalThis.testTabs.get(u), url));
  if (marked) await waitFor(`tidyread to mark ${path}`, () => page.evaluate(isMarked));
  return { page, tabId };
}

/** Sends a popup->content message (as the popup does) and returns the reply's status. */
async function toContent(tabId, verb, payload = {}) {
  const reply = await worker.evaluate(({ id, type, extra }) => chrome.tabs.sendMessage(id, { ...extra, type }), {
    id: tabId,
    type: `popup->content/${verb}`,
    extra: payload,
  });
  assert.equal(reply?.ok, true, `${verb}: ${reply?.error}`);
  return reply.status;
}

/** The background's toggle (on or off) of decluttering in the tab; resolves to the new status. */
async function toggle(page, tabId) {
  const wasMarked = await page.evaluate(isMarked);
  const reply = await worker.evaluate(
    (id) => chrome.tabs.sendMessage(id, { type: 'background->content/toggle' }),
    tabId,
  );
  assert.equal(reply?.ok, true, `toggle: ${reply?.error}`);
  assert.equal(await page.evaluate(isMarked), !wasMarked);
  return reply.status;
}

const collapse = (text) => text.replace(/\s+/g, ' ').trim();

test('first paint: certain ad markup is hidden while the page is parsed, before the core has seen it, by a sheet the page cannot read; the sheet goes with the first decision', async () => {
  const page = await context.newPage();
  // The server holds back the end of the page: it stays in the parser for SLOW_PAUSE_MS.
  await page.goto(server.url('/slow/fixtures/seed-townhall/page.html'), { waitUntil: 'commit' });
  const during = await waitFor('the page parsed up to its last part', () =>
    page.evaluate(() => {
      const ins = document.querySelector('ins.adsbygoogle');
      const frame = document.querySelector('iframe[id^="google_ads_iframe"]');
      const paragraph = document.querySelector('[data-testid="article-body"] p');
      if (ins === null || frame === null || paragraph === null) return null;
      return {
        readyState: document.readyState,
        marked: document.documentElement.hasAttribute('data-tidyread-path'),
        adopted: document.adoptedStyleSheets.length,
        // Sheets the page did not make (no <style> or <link> of its own).
        unowned: [...document.styleSheets].filter((sheet) => sheet.ownerNode === null).length,
        ins: getComputedStyle(ins).display,
        frame: getComputedStyle(frame).display,
        paragraph: getComputedStyle(paragraph).display,
      };
    }),
  );
  assert.deepEqual(during, {
    readyState: 'loading',
    marked: false,
    adopted: 0,
    unowned: 0,
    ins: 'none',
    frame: 'none',
    paragraph: 'block',
  });

  await waitFor('the first decision', () => page.evaluate(isMarked));
  // The sheet goes by a message to the background, right after the decision.
  const decided = await waitFor('the pre-hide sheet to go', () =>
    page.evaluate(() => {
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
            fresh: display,
            ins: document.querySelector('ins.adsbygoogle').checkVisibility(),
            frame: document.querySelector('iframe[id^="google_ads_iframe"]').checkVisibility(),
          };
    }),
  );
  assert.deepEqual(
    decided,
    // The AdSense slot goes with the "Advertisement" label over it.
    { adopted: 0, fresh: 'inline', ins: false, frame: false },
    'the sheet is gone, and the core hid what it hid',
  );
  await page.close();
});

test('the seed page: ads, trending lists and the VIP prompt go, all nine paragraphs stay', async () => {
  await setSites({});
  const { page, tabId } = await open(SEED_PATH);
  const seen = await page.evaluate(() => ({
    before: window.__tidyreadTestBefore,
    text: document.body.innerText,
    gone: Object.fromEntries(
      Object.entries({
        topAd: '#div-gpt-ad-1561305600000-0',
        inlineAd: '#div-gpt-ad-1561305600000-1',
        adsense: 'ins.adsbygoogle',
        adFrame: '#google_ads_iframe_1001_townhall_tipsheet_1',
        trending: '[data-testid="trending-rail"]',
        consent: '#cmp-banner',
      }).map(([name, selector]) => {
        const element = document.querySelector(selector);
        return [name, element !== null && !element.checkVisibility()];
      }),
    ),
  }));
  assert.ok(seen.before, 'the page captured its markup before tidyread ran');
  assert.deepEqual(seen.gone, {
    topAd: true,
    inlineAd: true,
    adsense: true,
    adFrame: true,
    trending: true,
    consent: true,
  });
  const text = collapse(seen.text);
  assert.ok(!text.includes('Join the conversation as a VIP Member'), 'the VIP prompt is hidden');
  assert.ok(!text.includes('Trending on Townhall Videos'), 'the video rail is hidden');
  for (const [i, paragraph] of SEED_EXPECTED.paragraphs.entries()) {
    assert.ok(text.includes(collapse(paragraph)), `article paragraph ${i + 1} is on the page`);
  }
  const status = await toContent(tabId, 'status');
  assert.equal(status.enabled, true);
  assert.equal(status.removals, status.items.length);
  assert.equal(new Set(status.items.map((item) => item.id)).size, status.items.length, 'one id per block');
  assert.ok(status.items.every((item) => Number.isInteger(item.id) && !item.restored && item.kind && item.reason));
  assert.equal(typeof status.readerable?.readerable, 'boolean');
  assert.equal(
    await page.evaluate(() => document.documentElement.getAttribute('data-tidyread-removals')),
    String(status.removals),
  );
  await page.close();
});

test('restore-one puts exactly one block back; the full restore is then exact', async () => {
  await setSites({});
  const { page, tabId } = await open(SEED_PATH);
  const before = await toContent(tabId, 'status');
  const trending = before.items.find((item) => item.kind === 'trending_list' && item.excerpt.startsWith('Trending'));
  assert.ok(trending, `a trending list among ${JSON.stringify(before.items.map((i) => [i.kind, i.excerpt]))}`);
  const hiddenRail = () => document.querySelector('[data-testid="trending-rail"]').outerHTML;
  const htmlBefore = await page.evaluate(() => document.documentElement.outerHTML);
  const railBefore = await page.evaluate(hiddenRail);

  const after = await toContent(tabId, 'restore-one', { id: trending.id });
  assert.equal(after.removals, before.removals - 1);
  assert.deepEqual(
    after.items.filter((i) => i.restored).map((i) => i.id),
    [trending.id],
  );
  const state = await page.evaluate(() => ({
    html: document.documentElement.outerHTML,
    rail: document.querySelector('[data-testid="trending-rail"]').outerHTML,
    railShown: document.querySelector('[data-testid="trending-rail"]').checkVisibility(),
    ad: document.getElementById('div-gpt-ad-1561305600000-0').checkVisibility(),
    source: window.__tidyreadTestBefore,
    mark: document.documentElement.getAttribute('data-tidyread-removals'),
  }));
  assert.ok(state.railShown, 'the trending rail is back');
  assert.ok(state.source.includes(state.rail), 'as it was published');
  assert.equal(state.ad, false, 'the ads stay hidden');
  assert.equal(state.mark, String(after.removals));
  // Exactly one block back: the page now is the page before with that one block shown.
  assert.equal(
    state.html.replace(/data-tidyread-removals="\d+"/, ''),
    htmlBefore.replace(railBefore, state.rail).replace(/data-tidyread-removals="\d+"/, ''),
  );
  // Again: nothing more comes back.
  assert.equal((await toContent(tabId, 'restore-one', { id: trending.id })).removals, after.removals);
  // Reapply starts over: the trending rail goes again.
  const reapplied = await toContent(tabId, 'reapply');
  assert.equal(reapplied.removals, before.removals);
  assert.ok(reapplied.items.every((i) => !i.restored));
  assert.equal(await page.evaluate(isShown, '[data-testid="trending-rail"]'), false);

  await toggle(page, tabId);
  const restored = await page.evaluate(() => [document.documentElement.outerHTML, window.__tidyreadTestBefore]);
  assert.equal(restored[0], restored[1], 'outerHTML is as before tidyread ran');
  await page.close();
});

test('clutter the page adds later is removed; a later paragraph of the article stays; restore is exact', async () => {
  // The page as it ends up without tidyread: decluttering off for this host.
  await setSites({ '127.0.0.1': { declutter: false } });
  const plain = await open('/plain/lazy.html', { marked: false });
  await waitFor('the page to finish its insertions', () => plain.page.evaluate(() => window.__lazyDone === true));
  const untouched = await plain.page.evaluate(() => document.documentElement.outerHTML);
  assert.match(untouched, /id="late-ad"/);
  assert.doesNotMatch(untouched, /data-tidyread/);
  await plain.page.close();

  await setSites({});
  const { page, tabId } = await open('/plain/lazy.html');
  await waitFor('the page to finish its insertions', () => page.evaluate(() => window.__lazyDone === true));
  await waitFor('the late ad to go', async () => !(await page.evaluate(isShown, '#late-ad')));
  const status = await waitFor('the observer to have run after the last insertion', async () => {
    const s = await toContent(tabId, 'status');
    return s.runs.observer >= 2 ? s : null;
  });
  const state = await page.evaluate(() => ({
    ids: Array.from(document.querySelectorAll('#story p[id]'), (p) => p.checkVisibility() && p.id).filter(Boolean),
    firstAd: document.querySelector('.ad-slot').checkVisibility(),
  }));
  assert.deepEqual(state.ids, ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'], 'every paragraph, the late one too');
  assert.equal(state.firstAd, false);
  assert.equal(status.runs.full, 1);
  assert.ok(
    status.items.some((item) => item.excerpt.startsWith('Advertisement')),
    JSON.stringify(status.items),
  );

  await toggle(page, tabId);
  assert.equal(
    await page.evaluate(() => document.documentElement.outerHTML),
    untouched,
    'restored: the page as it would be without tidyread',
  );
  await page.close();
});

test('on a strict-CSP page the later clutter goes too, through the background', async () => {
  await setSites({});
  const { page, tabId } = await open('/strict/lazy.html');
  await waitFor('the page to finish its insertions', () => page.evaluate(() => window.__lazyDone === true));
  await waitFor('the late ad to go', async () => !(await page.evaluate(isShown, '#late-ad')));
  const status = await toContent(tabId, 'status');
  assert.equal(status.path, 'background');
  assert.ok(status.runs.observer >= 1);
  assert.ok(await page.evaluate(isShown, '#p6'), 'the late paragraph stays');
  await page.close();
});

test('a modal with a scroll lock: removed, scrolling works, restore gives the lock back exactly', async () => {
  await setSites({});
  const { page, tabId } = await open('/plain/modal.html');
  const status = await toContent(tabId, 'status');
  assert.ok(
    status.items.some((item) => MODAL_KINDS.includes(item.kind)),
    JSON.stringify(status.items),
  );
  await page.mouse.move(200, 200);
  const wheel = async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.mouse.wheel(0, 600);
    return waitFor('the wheel to be handled', () =>
      page.evaluate(
        () =>
          new Promise((resolve) => {
            requestAnimationFrame(() => requestAnimationFrame(() => resolve({ y: window.scrollY })));
          }),
      ),
    );
  };
  assert.equal(await page.evaluate(isShown, '#nl-modal'), false, 'the modal is hidden');
  await waitFor('the page to scroll with the wheel', async () => (await wheel()).y > 0, { timeout: 5000 });

  await toggle(page, tabId);
  const restored = await page.evaluate(() => ({
    html: document.documentElement.outerHTML,
    before: window.__tidyreadTestBefore,
    htmlStyle: document.documentElement.getAttribute('style'),
    bodyStyle: document.body.getAttribute('style'),
    bodyClass: document.body.className,
    modal: document.getElementById('nl-modal') !== null,
  }));
  assert.equal(restored.modal, true);
  assert.equal(restored.htmlStyle, 'overflow: hidden;  background: #fff');
  assert.equal(restored.bodyStyle, null);
  assert.equal(restored.bodyClass, 'page modal-open');
  assert.equal(restored.html, restored.before);
  assert.equal((await wheel()).y, 0, 'locked again');
  await page.close();
});

test('a page that changes every 10 ms: re-runs are batched and capped', async () => {
  await setSites({});
  const { page, tabId } = await open('/plain/churn.html');
  const start = Date.now();
  await new Promise((resolve) => setTimeout(resolve, 4500));
  const status = await toContent(tabId, 'status');
  const elapsed = Date.now() - start;
  const ticks = await page.evaluate(() => window.__churnTicks());
  console.log(`churn: ${ticks} ticks in ${elapsed} ms, runs ${JSON.stringify(status.runs)}`);
  assert.ok(ticks > 100, `the page kept changing (${ticks} ticks)`);
  assert.ok(status.runs.observer >= 1, 'the observer ran');
  // Unbounded, a 250 ms batch window would give elapsed / 250 runs (18 here).
  const cap = RUN_BURST + Math.ceil(elapsed / RUN_REFILL_MS) + 1;
  assert.ok(status.runs.observer <= cap, `${status.runs.observer} runs in ${elapsed} ms (cap ${cap})`);
  assert.ok(status.runs.deferred >= 1, 'the cap deferred some batches');
  assert.equal(status.enabled, true);

  // Off: the observer stops with it.
  await toggle(page, tabId);
  const off = await toContent(tabId, 'status');
  await new Promise((resolve) => setTimeout(resolve, 1000));
  assert.deepEqual((await toContent(tabId, 'status')).runs, off.runs);
  await page.close();
});

test('decluttering off for the site: the page stays byte-identical; turning it on and off again applies live', async () => {
  await setSites({ '127.0.0.1': { declutter: false } });
  const { page, tabId } = await open('/plain/article.html', { marked: false });
  const status = await toContent(tabId, 'status');
  assert.equal(status.enabled, false);
  assert.equal(status.removals, 0);
  await new Promise((resolve) => setTimeout(resolve, 500));
  const same = () => page.evaluate(() => document.documentElement.outerHTML === window.__tidyreadTestBefore);
  assert.equal(await same(), true, 'outerHTML as parsed, no marks');

  await setSites({ '127.0.0.1': { declutter: true } });
  await waitFor('the page to be decluttered', () => page.evaluate(isMarked));
  assert.equal(await page.evaluate(isShown, '#ad1'), false);
  await setSites({ '127.0.0.1': { declutter: false } });
  await waitFor('the page to be restored', async () => !(await page.evaluate(isMarked)));
  assert.equal(await same(), true);
  await setSites({});
  await page.close();
});

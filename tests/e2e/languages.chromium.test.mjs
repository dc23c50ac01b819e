// The UI in the browser's language, in Debian's Chromium started with --lang: German in the popup,
// the options page and the reader view; Arabic right to left. Screenshots of the popup in each go
// to target/e2e-artifacts/.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startServer } from './server.mjs';
import { ROOT, launchChromium, requireDist, tempDir, waitFor } from './support.mjs';

const ARTIFACTS = join(ROOT, 'target', 'e2e-artifacts');
const NEWS = '/plain/popup-news.html';

let server;

before(async () => {
  requireDist('chrome');
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startServer();
});

after(async () => {
  await server?.close();
});

/** Chromium in `lang`, with the news page open and decluttered; `body(session)` does the rest. */
async function inLanguage(lang, body) {
  const profile = tempDir(`tidyread-lang-${lang}-`);
  const context = await launchChromium(profile.dir, {
    args: [`--lang=${lang}`],
    env: { ...process.env, LANGUAGE: lang, LANG: `${lang}.UTF-8` },
    viewport: { width: 1100, height: 800 },
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15000 }));
    const extensionId = new URL(worker.url()).host;
    await worker.evaluate(() => {
      globalThis.testTabs = new Map();
      chrome.runtime.onMessage.addListener((message, sender) => {
        if (message?.type === 'content->background/status' && sender.tab)
          globalThis.testTabs.set(sender.url, sender.tab.id);
        return false;
      });
    });
    const page = await context.newPage();
    await page.goto(server.url(NEWS));
    const tabId = await waitFor('the content script', () =>
      worker.evaluate((u) => globalThis.testTabs.get(u), server.url(NEWS)),
    );
    const popup = await context.newPage();
    await popup.setViewportSize({ width: 360, height: 700 });
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
    await waitFor('the popup to fill in', async () => (await popup.locator('#groups .group').count()) > 0);
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await body({ context, worker, extensionId, page, tabId, popup, options });
  } finally {
    await context.close();
    profile.remove();
  }
}

const text = (page, selector) => page.locator(selector).first().textContent();

test('--lang=de: the popup, the options page and the reader view speak German', async () => {
  await inLanguage('de', async ({ worker, page, tabId, popup, options }) => {
    assert.equal(await popup.evaluate(() => document.documentElement.lang), 'de');
    assert.equal(await text(popup, '[data-i18n=popupRemoved]'), 'Von dieser Seite entfernt');
    assert.equal(await text(popup, '#groups .group[data-kind=ad] .kind'), 'Werbung');
    assert.equal(await text(popup, '#groups .group[data-kind=ad] .reason'), 'Beschriftet mit „Advertisement“');
    assert.equal(await text(popup, '#declutter-origin'), 'An für alle Websites');
    assert.equal(await text(popup, '#bring-back-all'), 'Alles zurückholen');
    await popup.screenshot({ path: join(ARTIFACTS, 'popup-de.png') });

    assert.equal(await options.evaluate(() => document.documentElement.lang), 'de');
    assert.equal(await options.title(), 'tidyread-Einstellungen');
    assert.equal(await text(options, '#access-title'), 'Wo tidyread von selbst läuft');

    // The reader view: its toolbar and the reading time.
    await worker.evaluate(async (id) => chrome.action.onClicked.dispatch(await chrome.tabs.get(id)), tabId);
    const reader = await waitFor('the reader view', async () => {
      const reply = await worker.evaluate(
        (id) => chrome.tabs.sendMessage(id, { type: 'background->content/reader-state', layout: true }),
        tabId,
      );
      return reply.ok && reply.reader.readerOpen && reply.reader;
    });
    const labels = reader.controls.map((c) => c.label);
    assert.ok(labels.includes('Leseansicht schließen (Esc)'), JSON.stringify(labels));
    assert.ok(
      reader.meta.some((m) => /Min\. Lesezeit/.test(m)),
      `the reading time in German: ${JSON.stringify(reader.meta)}`,
    );
    await page.close();
  });
});

test('--lang=ar: the popup and the options page read right to left, in Arabic', async () => {
  await inLanguage('ar', async ({ popup, options }) => {
    for (const ui of [popup, options]) {
      assert.deepEqual(
        await ui.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir })),
        { lang: 'ar', dir: 'rtl' },
      );
    }
    assert.equal(await text(popup, '[data-i18n=popupRemoved]'), 'ما أُزيل من هذه الصفحة');
    // Right to left: the title starts at the right, the reader button sits at the left.
    const places = await popup.evaluate(() => {
      const box = (selector) => document.querySelector(selector).getBoundingClientRect();
      return { title: box('h1').right, reader: box('#reader').left, width: document.documentElement.clientWidth };
    });
    assert.ok(places.title > places.width / 2, `the title at the right: ${JSON.stringify(places)}`);
    assert.ok(places.reader < places.width / 2, `the reader button at the left: ${JSON.stringify(places)}`);
    // A Latin site name inside an Arabic sentence keeps its place (bidi isolation).
    assert.match(await popup.locator('#site').getAttribute('aria-label'), /\u2068127\.0\.0\.1\u2069/);
    await popup.screenshot({ path: join(ARTIFACTS, 'popup-ar.png') });
    await options.screenshot({ path: join(ARTIFACTS, 'options-ar.png') });
  });
});

// The reader view in Firefox ESR (headless), driven by selenium-webdriver and geckodriver: the
// toolbar button, the keyboard shortcut, the note on a page without an article, the toolbar's
// settings kept across a reload, automatic mode, and the popup from the button's menu.
//
// The toolbar button, the shortcut and the menu are reached through Firefox's privileged
// ("chrome") context, which geckodriver opens with --allow-system-access: the action's
// triggerAction, the <key> element Firefox made for the manifest's command, and the toolbar's
// context menu. The content script is asked what the closed shadow root shows from a page of the
// extension kept open in a second tab (browser.tabs.sendMessage).
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { Key, Origin } from 'selenium-webdriver';
import { startServer } from './server.mjs';
import { ROOT, allowAllSitesFirefox, launchFirefox, requireDist, waitFor } from './support.mjs';

const ARTIFACTS = join(ROOT, 'target', 'e2e-artifacts');
const SEED = '/fixtures/seed-townhall/page.html';
const SEED_EXPECTED = JSON.parse(
  readFileSync(join(ROOT, 'tests', 'fixtures', 'seed-townhall', 'expected.json'), 'utf8'),
);

let server;
let driver;
let addonId;
let pageHandle;
let extensionHandle;

// Runs `body` (a function body; `arguments[0]` is the add-on id, then `args`) in the browser
// window's privileged scope, with `extension`, `action` (its toolbar button), `tab` (the selected
// tab) and `tabId` (its WebExtension id) defined. A returned promise is awaited.
async function privileged(body, ...args) {
  await driver.setContext('chrome');
  try {
    return await driver.executeScript(
      `
      const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
      const { browserActionFor, tabTracker } = ExtensionParent.apiManager.global;
      const extension = ExtensionParent.GlobalManager.getExtension(arguments[0]);
      const action = browserActionFor(extension);
      const tab = window.gBrowser.selectedTab;
      const tabId = tabTracker.getId(tab);
      ${body}`,
      addonId,
      ...args,
    );
  } finally {
    await driver.setContext('content');
  }
}

// Runs `script` (async; its last argument is the callback) in the extension's page.
async function inExtension(script, ...args) {
  await driver.switchTo().window(extensionHandle);
  try {
    return await driver.executeAsyncScript(script, ...args);
  } finally {
    await driver.switchTo().window(pageHandle);
  }
}

before(async () => {
  requireDist('firefox');
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startServer();
  ({ driver, addonId } = await launchFirefox({ args: ['--width=1100', '--height=800'] }));
  pageHandle = await driver.getWindowHandle();
  const origin = await privileged(
    'return `moz-extension://${WebExtensionPolicy.getByID(arguments[0]).mozExtensionHostname}`;',
  );
  // Automatic mode runs as pages load: it needs the host access a user grants.
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

const urlOn = (host, path) => server.url(path).replace('127.0.0.1', host);

function setSettings(settings) {
  return inExtension(
    'const done = arguments[arguments.length - 1]; browser.storage.sync.set({ settings: arguments[0] }).then(() => done(true));',
    settings,
  );
}

function storedSettings() {
  return inExtension(
    "const done = arguments[arguments.length - 1]; browser.storage.sync.get('settings').then((r) => done(r.settings ?? null));",
  );
}

async function sendToTab(tabId, message) {
  const reply = await inExtension(
    'const done = arguments[arguments.length - 1]; browser.tabs.sendMessage(arguments[0], arguments[1]).then(done, (e) => done({ ok: false, error: String(e) }));',
    tabId,
    message,
  );
  return reply;
}

async function readerState(tabId, layout = false) {
  const reply = await sendToTab(tabId, { type: 'background->content/reader-state', layout });
  if (reply?.ok !== true) throw new Error(`reader-state: ${JSON.stringify(reply)}`);
  return reply.reader;
}

/** Loads `url` in the page tab; resolves to its tab id once its content script answers. */
async function load(url) {
  await driver.get(url);
  const tabId = await privileged('return tabId;');
  await waitFor(`the content script of ${url}`, async () => {
    try {
      return (await driver.executeScript(() => location.href)) === url && (await readerState(tabId)) !== null;
    } catch {
      return false;
    }
  });
  return tabId;
}

const clickAction = () => privileged('action.triggerAction(window);');
// The <key> element Firefox made for the manifest's command: what a real Alt+Shift+R runs.
const pressShortcut = () =>
  privileged(`
  const keyset = extension.shortcuts.keysetsMap.get(window);
  const key = keyset && Array.from(keyset.children).find((k) => k.getAttribute('key') === 'R' && k.getAttribute('modifiers') === 'alt,shift');
  if (!key) throw new Error('no <key> for toggle-reader');
  key.doCommand();`);

async function waitOpen(tabId, open = true) {
  return waitFor(`the reader view to ${open ? 'open' : 'close'}`, async () => {
    const state = await readerState(tabId, true);
    return state.readerOpen === open && state;
  });
}

// Clicks a control of the view with the mouse; the text settings wait in their menu, which is
// opened first.
async function clickControl(tabId, set, value = null) {
  const find = async () =>
    (await readerState(tabId, true)).controls.find((c) => c.set === set && (value === null || c.value === value));
  let control = await find();
  assert.ok(control, `a control for ${set} ${value ?? ''}`);
  if (!control.visible) {
    await clickControl(tabId, 'panel', 'settings');
    control = await waitFor(`${set} to show`, async () => (await find())?.visible && (await find()));
  }
  await driver
    .actions()
    .move({ x: Math.round(control.x), y: Math.round(control.y), origin: Origin.VIEWPORT })
    .click()
    .perform();
}

async function screenshot(name) {
  writeFileSync(join(ARTIFACTS, name), Buffer.from(await driver.takeScreenshot(), 'base64'));
}

const squash = (text) => text.replace(/\s+/g, ' ').trim();
const pageNow = () =>
  driver.executeScript(() => ({ html: document.documentElement.outerHTML, x: scrollX, y: scrollY }));

for (const mode of ['plain', 'strict']) {
  test(`the toolbar button opens the seed article (${mode} CSP), and Esc gives the page back exactly`, async () => {
    await setSettings({});
    const tabId = await load(server.url(mode === 'strict' ? `/strict${SEED}` : SEED));
    await driver.executeScript(() => window.scrollTo({ left: 0, top: 700, behavior: 'instant' }));
    const before = await pageNow();
    assert.ok(before.y > 0, 'the page scrolled');

    await clickAction();
    const state = await waitOpen(tabId);
    assert.equal(state.title, SEED_EXPECTED.title);
    assert.deepEqual(state.meta, ['Townhall Staff', 'June 23, 2019', '2 min read']);
    assert.deepEqual(state.paragraphs.map(squash), SEED_EXPECTED.paragraphs.map(squash), 'all 9 paragraphs, in order');
    assert.equal(state.focus, 'h1#title');
    // reader.css applies inside the shadow root, also under the page's `default-src 'self'`.
    assert.match(state.computed.fontFamily, /^Georgia/);
    assert.equal(state.computed.fontSize, '20px');
    const seen = await driver.executeScript(() => {
      const host = document.querySelector('tidyread-reader');
      return { host: host !== null, shadowRoot: host?.shadowRoot ?? null, bodyInert: document.body.inert };
    });
    assert.deepEqual(seen, { host: true, shadowRoot: null, bodyInert: true });
    if (mode === 'plain') await screenshot('reader-firefox-open.png');

    await driver.actions().sendKeys(Key.ESCAPE).perform();
    await waitOpen(tabId, false);
    const back = await pageNow();
    assert.equal(back.html, before.html, 'document.documentElement.outerHTML is as before the view opened');
    assert.deepEqual([back.x, back.y], [before.x, before.y], 'the scroll position is as before');
  });
}

test('the keyboard shortcut opens and closes the view', async () => {
  const tabId = await load(server.url(SEED));
  const before = await pageNow();
  await pressShortcut();
  assert.equal((await waitOpen(tabId)).paragraphs.length, SEED_EXPECTED.paragraphs.length);
  await pressShortcut();
  await waitOpen(tabId, false);
  assert.equal((await pageNow()).html, before.html);
});

test('a page without an article gets a short note and is left as it was', async () => {
  const tabId = await load(server.url('/plain/blank.html'));
  const before = await pageNow();
  await clickAction();
  const state = await waitFor('the note', async () => {
    const s = await readerState(tabId);
    return s.toast !== null && s;
  });
  assert.equal(state.readerOpen, false);
  assert.match(state.toast, /no article/);
  await waitFor('the note to go', async () => (await readerState(tabId)).toast === null, { timeout: 10000 });
  assert.equal((await pageNow()).html, before.html);
});

test('theme and size from the toolbar are kept across a reload; a screenshot per theme', async () => {
  await setSettings({});
  let tabId = await load(server.url(SEED));
  await clickAction();
  await waitOpen(tabId);
  const backgrounds = {};
  for (const theme of ['light', 'sepia', 'dark']) {
    await clickControl(tabId, 'theme', theme);
    const state = await waitFor(`the ${theme} theme`, async () => {
      const s = await readerState(tabId);
      return s.settings.theme === theme && s;
    });
    backgrounds[theme] = state.computed.background;
    await screenshot(`reader-firefox-${theme}.png`);
  }
  assert.deepEqual(backgrounds, { light: 'rgb(255, 255, 255)', sepia: 'rgb(244, 236, 216)', dark: 'rgb(28, 27, 34)' });
  await clickControl(tabId, 'size', '1');
  await waitFor('the settings to be stored', async () => {
    const r = (await storedSettings())?.reader;
    return r?.theme === 'dark' && r.size === 21;
  });
  tabId = await load(server.url(SEED));
  await clickAction();
  const again = await waitOpen(tabId);
  assert.equal(again.settings.theme, 'dark');
  assert.equal(again.computed.background, 'rgb(28, 27, 34)');
  assert.equal(again.computed.fontSize, '21px');
  await driver.actions().sendKeys(Key.ESCAPE).perform();
  await waitOpen(tabId, false);
  await setSettings({});
});

test('a long read: a labelled modal dialog, one Tab stop in the toolbar, contents that follow the reading, read aloud, narrow screenshots', async () => {
  await setSettings({});
  const tabId = await load(server.url('/plain/long-read.html'));
  const before = await pageNow();
  await clickAction();
  const state = await waitOpen(tabId);
  assert.deepEqual(
    [state.dialog.role, state.dialog.modal, state.dialog.label],
    ['dialog', 'true', 'How the River Got Its Bridges'],
  );
  assert.deepEqual(state.toolbar.names, [
    'Contents',
    'Text and colours',
    'Read aloud',
    'Save',
    'Hide part of this page…',
    'Close reader view (Esc)',
  ]);
  assert.equal(state.toolbar.tabStops, 1);
  assert.ok(
    state.charactersPerLine >= 60 && state.charactersPerLine <= 70,
    `${state.charactersPerLine} characters a line`,
  );
  // Into the toolbar with Shift+Tab, along it with the arrows.
  await driver.actions().keyDown(Key.SHIFT).sendKeys(Key.TAB, Key.TAB).keyUp(Key.SHIFT).perform();
  await driver.actions().sendKeys(Key.ARROW_RIGHT).perform();
  assert.equal((await readerState(tabId)).focus, 'button[panel]', 'the second button, Text and colours');
  await driver.actions().sendKeys(Key.END).perform();
  assert.equal((await readerState(tabId)).focus, 'button[close]');

  await clickControl(tabId, 'panel', 'contents');
  await screenshot('reader-firefox-contents-desktop.png');
  await clickControl(tabId, 'heading', 'section-3');
  const at = await waitFor('the third section', async () => {
    const s = await readerState(tabId);
    return s.contents.current === 'The concrete bridge' && s;
  });
  assert.ok(at.progress > 0 && at.progress < 100, `progress ${at.progress}`);
  await clickControl(tabId, 'listen');
  await waitFor('the read-aloud bar', async () => (await readerState(tabId)).narration.open);
  await clickControl(tabId, 'listen');
  await waitFor('the read-aloud bar to close', async () => !(await readerState(tabId)).narration.open);

  // Firefox keeps a window at least 500 px wide: the narrow layout (up to 640 px) at its narrowest.
  await driver.manage().window().setRect({ width: 390, height: 844 });
  try {
    const narrow = await waitFor('the narrow toolbar', async () => {
      const s = await readerState(tabId, true);
      const row = new Set(s.controls.filter((c) => c.inToolbar).map((c) => Math.round(c.y)));
      return row.size === 1 && s.bar.height <= 60 && s;
    });
    assert.ok(!narrow.controls.find((c) => c.set === 'theme').visible, 'the settings wait in their menu');
    await screenshot('reader-firefox-contents-narrow.png');
    for (const theme of ['light', 'sepia', 'dark']) {
      await clickControl(tabId, 'theme', theme);
      await waitFor(`the ${theme} theme`, async () => (await readerState(tabId)).settings.theme === theme);
      await screenshot(`reader-firefox-narrow-${theme}.png`);
    }
  } finally {
    await driver.manage().window().setRect({ width: 1100, height: 800 });
  }
  await driver.actions().sendKeys(Key.ESCAPE).perform(); // the menu
  await driver.actions().sendKeys(Key.ESCAPE).perform(); // the view
  await waitOpen(tabId, false);
  assert.equal((await pageNow()).html, before.html, 'the page is given back exactly');
  await setSettings({});
});

// Firefox's own list of downloads, from its privileged side: the first download done, its path
// and text; the file, the list and Firefox's downloads panel are cleared after (a panel open
// keeps the extension's popup from opening).
async function takeDownload() {
  const download = await waitFor('the download', async () => {
    const all = await privileged(`return (async () => {
      const { Downloads } = ChromeUtils.importESModule('resource://gre/modules/Downloads.sys.mjs');
      const list = await Downloads.getList(Downloads.ALL);
      return (await list.getAll()).map((d) => ({ path: d.target.path, succeeded: d.succeeded, error: d.error?.message ?? null }));
    })();`);
    return all.find((d) => d.succeeded || d.error) ?? null;
  });
  assert.equal(download.error, null);
  const text = readFileSync(download.path, 'utf8');
  rmSync(download.path, { force: true });
  await privileged(`return (async () => {
    window.DownloadsPanel.hidePanel();
    const { Downloads } = ChromeUtils.importESModule('resource://gre/modules/Downloads.sys.mjs');
    const list = await Downloads.getList(Downloads.ALL);
    for (const d of await list.getAll()) await list.remove(d);
  })();`);
  return { path: download.path, text };
}

test('save: the article as one HTML file, downloaded from the view', async () => {
  await setSettings({});
  const tabId = await load(server.url('/plain/long-read.html'));
  await clickAction();
  await waitOpen(tabId);
  await clickControl(tabId, 'panel', 'save');
  await clickControl(tabId, 'save-html');
  const { path, text: html } = await takeDownload();
  assert.match(path, /How the River Got Its Bridges(\(\d+\))?\.html$/);
  assert.match(html, /^<!DOCTYPE html>/);
  assert.match(html, /<h1[^>]*>How the River Got Its Bridges<\/h1>/);
  assert.ok(html.includes('--serif: Georgia'), "the reader's own styles are inside");
  assert.doesNotMatch(html, /<script|<iframe/i);
  await driver.actions().sendKeys(Key.ESCAPE).perform();
  await waitOpen(tabId, false);
});

// The Markdown of a corpus page with code, a table and lists is the file `tidyread extract
// --markdown` is checked against (`cargo test --test reader_markdown`), which reads the page at
// the server's origin less its port.
test('save as Markdown: a corpus page gives the text the CLI gives, in the expected file', async () => {
  await setSettings({});
  const tabId = await load(server.url('/corpus/dropbox-blog/source.html'));
  await clickAction();
  await waitOpen(tabId);
  await clickControl(tabId, 'panel', 'save');
  await clickControl(tabId, 'save-markdown');
  const { path, text } = await takeDownload();
  assert.match(path, /How we designed Dropbox’s ATF - an async task framework(\(\d+\))?\.md$/);
  const origin = new URL(server.url('/')).origin;
  const expected = readFileSync(join(ROOT, 'tests', 'expected', 'dropbox-blog.md'), 'utf8');
  assert.equal(text.replaceAll(origin, 'http://127.0.0.1'), expected);
  await driver.actions().sendKeys(Key.ESCAPE).perform();
  await waitOpen(tabId, false);
});

test("players are cards that load nothing until played; a click makes a sandboxed player on the provider's host", async () => {
  await setSettings({});
  const tabId = await load(server.url('/plain/long-read.html'));
  await clickAction();
  const state = await waitOpen(tabId);
  assert.deepEqual(
    state.embeds.map((e) => [e.provider, e.frame]),
    [
      ['YouTube', null],
      ['Vimeo', null],
    ],
  );
  assert.equal(state.frames, 0, 'no player before a click');
  // Page Down until the first card's button is in view, then a click on it. Firefox scrolls
  // smoothly: the button is clicked where it stands once it has stopped moving (two reads alike),
  // not where a read took it to be in the middle of a scroll.
  let lastY = null;
  await waitFor('the first card in view, the page still', async () => {
    const s = await readerState(tabId, true);
    const play = s.controls.find((c) => c.set === 'play-embed');
    const still = play.y === lastY;
    lastY = play.y;
    if (!still) return false;
    if (play.y > 60 && play.y < (await driver.executeScript(() => innerHeight)) - 40) return true;
    await driver.actions().sendKeys(Key.PAGE_DOWN).perform();
    return false;
  });
  await clickControl(tabId, 'play-embed');
  const played = await waitFor('the player', async () => {
    const s = await readerState(tabId);
    return s.frames === 1 && s;
  });
  assert.deepEqual(played.embeds[0].frame, {
    src: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1',
    sandbox: 'allow-scripts allow-same-origin allow-presentation allow-popups allow-popups-to-escape-sandbox',
  });
  assert.equal(played.embeds[1].frame, null);
  await driver.actions().sendKeys(Key.ESCAPE).perform();
  await waitOpen(tabId, false);
});

test("automatic reader mode: site A's article opens, its listing does not, site B does not, Back does not", async () => {
  await setSettings({ sites: { '127.0.0.1': { autoReader: true } } });
  let tabId = await load(urlOn('127.0.0.1', SEED));
  assert.equal((await waitOpen(tabId)).auto, true);
  await driver.actions().sendKeys(Key.ESCAPE).perform();
  await waitOpen(tabId, false);

  tabId = await load(urlOn('127.0.0.1', '/plain/listing.html'));
  await driver.sleep(1500);
  assert.equal((await readerState(tabId)).readerOpen, false, 'no reader view on a listing');

  await driver.navigate().back();
  await waitFor('the article again', async () => {
    try {
      return (await driver.executeScript(() => location.pathname)) === SEED && (await readerState(tabId)) !== null;
    } catch {
      return false;
    }
  });
  await driver.sleep(1500);
  assert.equal((await readerState(tabId)).readerOpen, false, 'Back does not re-open the view');

  tabId = await load(urlOn('localhost', SEED));
  await driver.sleep(1500);
  assert.equal((await readerState(tabId)).readerOpen, false, 'site B is not in automatic mode');
  await setSettings({});
});

test('the menu entry on the toolbar button opens the popup for the tab', async () => {
  const tabId = await load(server.url(SEED));
  // A button pinned to the toolbar (the user's choice; new ones start in the extensions panel),
  // right-clicked, and the entry chosen.
  const result = await privileged(`return (async () => {
    window.CustomizableUI.addWidgetToArea(action.id, window.CustomizableUI.AREA_NAVBAR);
    const node = action.widget.forWindow(window).node;
    const menu = document.getElementById('toolbar-context-menu');
    const shown = new Promise((resolve) => menu.addEventListener('popupshown', resolve, { once: true }));
    let trigger = null;
    node.addEventListener('contextmenu', (event) => { trigger = event; event.preventDefault(); }, { once: true });
    node.dispatchEvent(new window.MouseEvent('contextmenu', { bubbles: true, cancelable: true }));
    menu.openPopup(node, 'after_start', 0, 0, true, false, trigger);
    await shown;
    const item = Array.from(menu.querySelectorAll('menuitem')).find((m) => m.id.endsWith('-menuitem-_site-settings'));
    if (!item) return { label: null };
    const label = item.getAttribute('label');
    menu.activateItem(item);
    return { label };
  })();`);
  assert.equal(result.label, 'Site settings and removed clutter…');
  // The popup, or, where Firefox still refuses it once the menu's closing has outlasted the
  // background's retries (a loaded machine), the same page in a tab (background.js showPopup).
  const shown = () =>
    inExtension(
      "const done = arguments[arguments.length - 1]; browser.tabs.query({}).then((tabs) => done([...browser.extension.getViews({ type: 'popup' }).map((w) => w.location.href), ...tabs.map((t) => t.url)]));",
    );
  const page = new RegExp(`/popup\\.html\\?tab=${tabId}$`);
  const popup = await waitFor('the popup, or its page in a tab', async () => (await shown()).find((u) => page.test(u)));
  assert.match(popup, page);
  await privileged("document.getElementById('customizationui-widget-panel')?.hidePopup();");
});

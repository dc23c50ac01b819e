// The reader view's dialog, toolbar, typography, contents, read aloud, saving and players, in
// Debian's Chromium with the built extension, on a long article of our own (long-read.html:
// hashed class names, four sections, code, a table with a caption, a list, a label only screen
// readers see, a small picture declared large, two players) and on right-to-left and Japanese
// ones. Screenshots go to target/e2e-artifacts/ for a look by eye.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { ARTIFACTS, startBrowser } from './reader-harness.mjs';
import { startServer } from './server.mjs';
import { requireDist, tempDir, waitFor } from './support.mjs';

const LONG_READ = '/plain/long-read.html';
const NARROW = { width: 390, height: 844 };
const SECTIONS = ['The stone bridge', 'The iron bridge', 'The concrete bridge', 'The footbridge'];

let server;
let profile;
let browser;

before(async () => {
  requireDist('chrome');
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startServer();
  profile = tempDir('tidyread-reader-tools-');
  browser = await startBrowser(profile.dir);
});

after(async () => {
  await browser?.close();
  await server?.close();
  profile?.remove();
});

const seriousOrWorse = (violations) => violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');

/** The focused element in the view, as `name.class` or `name#id`. */
const focused = (p) =>
  p.inContentScript((root) => {
    const a = root.activeElement;
    if (!a) return null;
    return (
      a.localName +
      (a.id ? `#${a.id}` : '') +
      (a.dataset.action ? `[${a.dataset.action}]` : '') +
      (a.className && !a.id && !a.dataset.action ? `.${a.className}` : '')
    );
  });

test('the view is a labelled modal dialog; its toolbar is one Tab stop with arrow keys inside, each button named once; axe finds nothing serious', async () => {
  await browser.setSettings({});
  const p = await browser.open(server.url(LONG_READ));
  const state = await p.openReader();
  assert.deepEqual(state.dialog, {
    role: 'dialog',
    modal: 'true',
    label: 'How the River Got Its Bridges',
    lang: 'en',
    dir: 'ltr',
  });
  assert.deepEqual(state.toolbar.names, [
    'Contents',
    'Text and colours',
    'Read aloud',
    'Save',
    'Hide part of this page…',
    'Close reader view (Esc)',
  ]);
  assert.equal(new Set(state.toolbar.names).size, state.toolbar.names.length, 'unique names');
  assert.equal(state.toolbar.tabStops, 1, 'one Tab stop');

  // Into the toolbar from the title (past the link to the original), with Shift+Tab; out of it
  // again with one Tab.
  await p.page.keyboard.press('Shift+Tab');
  assert.equal(await focused(p), 'a.original');
  await p.page.keyboard.press('Shift+Tab');
  assert.equal(await focused(p), 'button[panel]', 'the toolbar is the next stop');
  await p.page.keyboard.press('ArrowRight');
  await p.page.keyboard.press('ArrowRight');
  assert.equal(await focused(p), 'button[listen]');
  await p.page.keyboard.press('End');
  assert.equal(await focused(p), 'button[close]');
  await p.page.keyboard.press('ArrowRight');
  assert.equal(await focused(p), 'button[panel]', 'the arrows wrap around');
  await p.page.keyboard.press('ArrowLeft');
  assert.equal(await focused(p), 'button[close]');
  await p.page.keyboard.press('Tab');
  assert.equal(await focused(p), 'a.original', 'one Tab leaves the toolbar');
  await p.page.keyboard.press('Shift+Tab');
  assert.equal(await focused(p), 'button[close]', 'and comes back to the button last used');

  assert.deepEqual(seriousOrWorse(await p.axe()), [], 'the view as it opens');
  // Every panel open: contents, text settings, read aloud.
  // (A click elsewhere closes the dropdown: the text settings come last.)
  await p.click('listen');
  await p.click('panel', 'contents');
  await p.click('panel', 'settings');
  await waitFor('the panels', async () => {
    const s = await p.state();
    return s.panels.contents && s.panels.settings && s.narration.open;
  });
  assert.deepEqual(seriousOrWorse(await p.axe()), [], 'with its panels open');
  // Esc closes the dropdown first, then the view.
  await p.page.keyboard.press('Escape');
  assert.equal((await p.state()).panels.settings, false);
  assert.equal((await p.state()).readerOpen, true);
  await p.page.keyboard.press('Escape');
  await p.waitOpen(false);
  await p.page.close();
});

test('a default measure of 60-70 characters of real text; captions with their tables; hidden labels hidden; no picture larger than it is', async () => {
  await browser.setSettings({});
  const p = await browser.open(server.url(LONG_READ));
  await p.openReader();
  const state = await p.state(true);
  assert.ok(
    state.charactersPerLine >= 60 && state.charactersPerLine <= 70,
    `${state.charactersPerLine} characters a line`,
  );
  const table = await p.inContentScript((root) => {
    const t = root.querySelector('.content table');
    const c = t.querySelector('caption').getBoundingClientRect();
    const r = t.getBoundingClientRect();
    return { captionLeft: c.left, tableLeft: r.left, captionWidth: c.width, tableWidth: r.width };
  });
  assert.ok(
    Math.abs(table.captionLeft - table.tableLeft) < 1,
    `the caption starts with its table: ${JSON.stringify(table)}`,
  );
  assert.ok(Math.abs(table.captionWidth - table.tableWidth) < 1, 'and is as wide');
  // Labels for screen readers only (Bootstrap's and WordPress's classes): left out, or
  // kept out of sight, never shown.
  const labels = await p.inContentScript((root) =>
    ['Photo:', 'Image:'].map((label) => {
      const node = Array.from(root.querySelectorAll('.content figcaption *')).find(
        (n) => n.textContent.trim() === label,
      );
      return [label, node ? node.getBoundingClientRect().width : null];
    }),
  );
  for (const [label, width] of labels) assert.ok(width === null || width <= 1, `"${label}" is shown ${width} px wide`);
  await waitFor('the pictures', async () => (await p.state(true)).pictures.every((pic) => pic.complete));
  const { pictures } = await p.state(true);
  assert.ok(pictures.length >= 2, JSON.stringify(pictures));
  for (const pic of pictures) {
    assert.ok(pic.shown[0] <= pic.natural[0] + 0.5, `${pic.src} shown ${pic.shown[0]} px wide, is ${pic.natural[0]}`);
  }
  const token = pictures.find((pic) => pic.src.includes('toll-token'));
  assert.deepEqual(token.shown, [120, 90], 'a 120-px picture declared 800 wide is shown at 120');
  await p.page.close();
});

test('contents follow the reading position; a progress bar and the time left', async () => {
  await browser.setSettings({});
  const p = await browser.open(server.url(LONG_READ));
  const first = await p.openReader();
  assert.deepEqual(first.contents.entries, SECTIONS);
  assert.equal(first.progress, 0);
  const minutes = Number(/\d+/.exec(first.timeLeft)[0]);
  await p.click('panel', 'contents');
  await p.page.screenshot({ path: join(ARTIFACTS, 'reader-chromium-contents-desktop.png') });
  await p.click('heading', 'section-3');
  const at = await waitFor('the third section', async () => {
    const s = await p.state();
    return s.contents.current === 'The concrete bridge' && s;
  });
  assert.equal(at.focus, 'h2#section-3', 'focus moves to the heading');
  assert.ok(at.progress > 0 && at.progress < 100, `progress ${at.progress}`);
  assert.ok(Number(/\d+/.exec(at.timeLeft)[0]) <= minutes, at.timeLeft);
  // Back up by the keyboard: the entry follows.
  await p.click('heading', 'section-1');
  await waitFor('the first section', async () => (await p.state()).contents.current === 'The stone bridge');
  await p.inContentScript((root) => root.host.scrollTo({ top: root.host.scrollHeight, behavior: 'instant' }));
  const end = await waitFor('the end', async () => {
    const s = await p.state();
    return s.progress === 100 && s;
  });
  assert.equal(end.contents.current, 'The footbridge');
  assert.equal(end.timeLeft, '', 'no time left at the end');

  await p.page.setViewportSize(NARROW);
  await p.inContentScript((root) => root.host.scrollTo({ top: 0, behavior: 'instant' }));
  await p.page.screenshot({ path: join(ARTIFACTS, 'reader-chromium-contents-390.png') });
  await p.page.close();
});

test('narrow screens: one opaque toolbar row, the settings in a menu, out of the way while scrolling down; a screenshot per theme at 390 px', async () => {
  await browser.setSettings({});
  const p = await browser.open(server.url(LONG_READ), { viewport: NARROW });
  const state = await p.openReader();
  const tools = state.controls.filter((c) => c.inToolbar);
  assert.equal(new Set(tools.map((c) => Math.round(c.y))).size, 1, `one row: ${JSON.stringify(tools)}`);
  assert.ok(state.bar.height <= 60, `the bar is ${state.bar.height} px tall`);
  assert.match(state.bar.opacity, /^rgb\(/, `opaque: ${state.bar.opacity}`);
  assert.ok(!state.controls.find((c) => c.set === 'theme').visible, 'the settings wait in their menu');

  await p.page.mouse.move(195, 500);
  await p.page.mouse.wheel(0, 900);
  await waitFor('the bar to go', async () => {
    const s = await p.state(true);
    return s.toolbar.hidden && s.bar.top + s.bar.height <= 1;
  });
  await p.page.mouse.wheel(0, -120);
  await waitFor('the bar to come back', async () => {
    const s = await p.state(true);
    return !s.toolbar.hidden && s.bar.top >= 0;
  });

  for (const theme of ['light', 'sepia', 'dark']) {
    await p.click('theme', theme);
    await waitFor(`the ${theme} theme`, async () => (await p.state()).settings.theme === theme);
    await p.page.keyboard.press('Escape'); // the menu closes
    await p.inContentScript((root) => root.host.scrollTo({ top: 0, behavior: 'instant' }));
    await p.page.screenshot({ path: join(ARTIFACTS, `reader-chromium-390-${theme}.png`) });
  }
  await p.page.close();
  await browser.setSettings({});
});

test('read aloud: utterances to speechSynthesis sentence by sentence, the sentence highlighted and kept in view; pause, skip, speed, keys; silent once closed', async () => {
  await browser.setSettings({});
  const p = await browser.open(server.url(LONG_READ));
  // A speechSynthesis of the test's own, in the content script's world only, that records what
  // it is handed and says "done" when told to.
  await p.inContentScript(() => {
    class Utterance extends EventTarget {
      constructor(text) {
        super();
        Object.assign(this, { text, lang: '', rate: 1, voice: null });
      }
    }
    const voices = [{ name: 'Test English', lang: 'en-GB', voiceURI: 'test-en', localService: true, default: true }];
    const synth = Object.assign(new EventTarget(), {
      getVoices: () => voices,
      speak: (u) => {
        globalThis.testSpoken.push({ text: u.text, rate: u.rate, lang: u.lang, voice: u.voice?.voiceURI ?? null });
        globalThis.testCurrent = u;
      },
      cancel: () => {
        globalThis.testCancels++;
        globalThis.testCurrent = null;
      },
      pause() {},
      resume() {},
    });
    Object.assign(globalThis, { testSpoken: [], testCancels: 0, testCurrent: null });
    globalThis.testFinish = () => {
      const u = globalThis.testCurrent;
      globalThis.testCurrent = null;
      u?.dispatchEvent(new Event('end'));
    };
    Object.defineProperty(window, 'speechSynthesis', { configurable: true, value: synth });
    window.SpeechSynthesisUtterance = Utterance;
  });
  const spoken = () => p.inContentScript(() => globalThis.testSpoken);
  const finish = () => p.inContentScript(() => globalThis.testFinish());
  await p.openReader();

  await p.page.keyboard.press('r');
  await waitFor('the title', async () => (await spoken()).length === 1);
  assert.deepEqual((await spoken())[0], { text: 'How the River Got Its Bridges', rate: 1, lang: 'en', voice: null });
  await finish();
  // The body's first paragraph, a sentence at a time.
  const [intro, second] = (await p.state()).paragraphs.filter((text) => text.length > 100);
  const sentences = intro.match(/[^.]+\./g).map((s) => s.trim());
  await waitFor('the first sentence', async () => {
    if ((await spoken()).at(-1).text === sentences[0]) return true;
    await finish(); // past the byline, if the body repeats it
    return false;
  });
  const first = (await spoken()).length;
  assert.equal((await p.state()).narration.highlighted, sentences[0], 'the sentence being read is highlighted');
  await finish();
  await waitFor('the second sentence', async () => (await spoken()).length === first + 1);
  assert.equal((await spoken()).at(-1).text, sentences[1]);

  // ] skips to the next paragraph.
  await p.page.keyboard.press(']');
  await waitFor('the next paragraph', async () => (await spoken()).length === first + 2);
  assert.ok(second.startsWith((await spoken()).at(-1).text), (await spoken()).at(-1).text);
  for (let i = 0; i < 8; i++) await p.page.keyboard.press(']');
  const skipped = (await p.state()).narration.paragraph;
  assert.ok(skipped >= 9, `eight paragraphs on: ${skipped}`);
  const inView = await p.inContentScript((root) => {
    const r = root.querySelector('.speaking').getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight;
  });
  assert.ok(inView, 'the sentence being read is kept in view');

  // Speed and voice: the next utterance has them.
  await p.inContentScript((root) => {
    const rate = root.querySelector('[data-narrate=rate]');
    rate.value = '1.5';
    rate.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await waitFor('the faster sentence', async () => (await spoken()).at(-1).rate === 1.5);
  await p.inContentScript((root) => {
    const voice = root.querySelector('[data-narrate=voice]');
    voice.value = 'test-en';
    voice.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await waitFor('the chosen voice', async () => (await spoken()).at(-1).voice === 'test-en');

  // Pause with the button, play again from the same sentence.
  await p.click('play');
  await waitFor('the pause', async () => !(await p.state()).narration.playing);
  const paused = (await spoken()).length;
  assert.equal(await p.inContentScript(() => globalThis.testCurrent), null, 'nothing speaking');
  await p.click('play');
  await waitFor('playing again', async () => (await spoken()).length === paused + 1);
  assert.equal((await spoken()).at(-1).text, (await spoken()).at(-2).text, 'from the same sentence');

  const cancels = await p.inContentScript(() => globalThis.testCancels);
  await p.page.keyboard.press('Escape');
  await p.waitOpen(false);
  assert.ok((await p.inContentScript(() => globalThis.testCancels)) > cancels, 'closing the view silences it');
  await p.page.close();
});

test('save: one self-contained HTML file, print; the file opens on its own and runs nothing', async () => {
  await browser.setSettings({});
  const p = await browser.open(server.url(LONG_READ));
  await p.openReader();
  const [download] = await Promise.all([p.page.waitForEvent('download'), p.click('save-html')]);
  assert.equal(download.suggestedFilename(), 'How the River Got Its Bridges.html');
  const path = join(profile.dir, 'saved.html');
  await download.saveAs(path);
  const html = readFileSync(path, 'utf8');
  assert.match(html, /^<!DOCTYPE html>/);
  assert.match(
    html,
    /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src http: https: data:;/,
  );
  assert.ok(html.includes('--serif: Georgia'), "the reader's own styles are inside");
  assert.doesNotMatch(html, /<script|<iframe|<link /i, 'nothing to run or fetch but pictures');
  assert.match(
    html,
    /src="https:\/\/img\.riverbend\.example\/2025\/05\/toll-token-120x90\.png"/,
    'pictures stay links',
  );
  const saved = await browser.context.newPage();
  await saved.goto(pathToFileURL(path).href);
  const shown = await saved.evaluate(() => ({
    title: document.querySelector('.reader h1')?.textContent,
    sections: Array.from(document.querySelectorAll('.content h2'), (h) => h.textContent),
    background: getComputedStyle(document.querySelector('.reader')).backgroundColor,
  }));
  assert.equal(shown.title, 'How the River Got Its Bridges');
  assert.deepEqual(shown.sections, SECTIONS);
  await saved.screenshot({ path: join(ARTIFACTS, 'reader-chromium-saved-html.png') });
  await saved.close();

  await p.inContentScript(() => {
    window.print = () => {
      globalThis.testPrinted = (globalThis.testPrinted ?? 0) + 1;
    };
  });
  await p.click('print');
  await waitFor('the print', async () => (await p.inContentScript(() => globalThis.testPrinted)) === 1);
  assert.deepEqual((await p.state()).exported, ['save-html', 'print']);
  await p.page.close();
});

// The Markdown of a corpus page with code, a table and lists, as `cargo test --test
// reader_markdown` checks `tidyread extract --markdown` against it: the file reads the page at
// the server's origin less its port.
const MARKDOWN_PAGE = '/corpus/dropbox-blog/source.html';
const EXPECTED_MARKDOWN = new URL('../expected/dropbox-blog.md', import.meta.url);

test('save and copy as Markdown: a corpus page gives the text the CLI gives, in the expected file', async () => {
  await browser.setSettings({});
  const p = await browser.open(server.url(MARKDOWN_PAGE));
  await p.openReader();
  const expected = readFileSync(EXPECTED_MARKDOWN, 'utf8');
  const origin = new URL(server.url('/')).origin;
  const portless = (markdown) => markdown.replaceAll(origin, 'http://127.0.0.1');

  const [download] = await Promise.all([p.page.waitForEvent('download'), p.click('save-markdown')]);
  assert.equal(download.suggestedFilename(), 'How we designed Dropbox’s ATF - an async task framework.md');
  const path = join(profile.dir, 'saved.md');
  await download.saveAs(path);
  assert.equal(portless(readFileSync(path, 'utf8')), expected);

  // The clipboard gets the same text: what the view hands to it is recorded.
  await p.inContentScript(() => {
    navigator.clipboard.writeText = async (text) => {
      globalThis.testCopied = text;
    };
  });
  await p.click('copy-markdown');
  const copied = await waitFor('the copy', () => p.inContentScript(() => globalThis.testCopied ?? null));
  assert.equal(portless(copied), expected);
  assert.deepEqual((await p.state()).exported, ['save-markdown', 'copy-markdown']);
  await p.page.close();
});

test('right to left: the chrome follows the UI language, the article its own; Japanese text gets a Japanese face and a shorter line', async () => {
  await browser.setSettings({});
  const ar = await browser.open(server.url('/plain/rtl-article.html'));
  const state = await ar.openReader();
  assert.equal(state.dir, 'rtl', "the article's own direction");
  assert.equal(state.lang, 'ar');
  assert.equal(state.dialog.dir, 'ltr', "the chrome reads in the UI's direction (English here)");
  const close = state.controls.find((c) => c.set === 'close');
  const contents = state.controls.find((c) => c.inToolbar && c.set === 'panel');
  assert.ok(close.x > contents.x, 'Close stays at the end of an English toolbar');
  await ar.page.screenshot({ path: join(ARTIFACTS, 'reader-chromium-rtl-article.png') });
  await ar.page.close();

  const ja = await browser.open(server.url('/plain/ja-article.html'));
  const jaState = await ja.openReader();
  assert.equal(jaState.lang, 'ja');
  const face = await ja.inContentScript((root) => getComputedStyle(root.querySelector('article')).fontFamily);
  assert.match(face, /^"Hiragino Mincho ProN"/, face);
  const perLine = (await ja.state(true)).charactersPerLine;
  assert.ok(perLine >= 30 && perLine <= 45, `${perLine} characters a line of Japanese`);
  await ja.page.screenshot({ path: join(ARTIFACTS, 'reader-chromium-ja-article.png') });
  await ja.page.close();
});

test('an Arabic UI: the chrome reads right to left in Arabic, numbers and minutes through Intl; an English article keeps its own direction', async () => {
  const arProfile = tempDir('tidyread-reader-ar-');
  const arBrowser = await startBrowser(arProfile.dir, { args: ['--lang=ar'] });
  try {
    const p = await arBrowser.open(server.url(LONG_READ));
    const state = await p.openReader();
    assert.deepEqual([state.dialog.lang, state.dialog.dir], ['ar', 'rtl']);
    assert.equal(state.dir, 'auto', "the article's own direction");
    assert.equal(state.lang, 'en');
    const close = state.controls.find((c) => c.set === 'close');
    const first = state.controls.find((c) => c.inToolbar && c.set === 'panel');
    assert.ok(close.x < first.x, 'Close at the end of a right-to-left toolbar: on the left');
    assert.equal(state.toolbar.names[0], 'المحتويات');
    // "4 min read" in Arabic's plural form for 4, the number as Intl writes it in Arabic.
    const minutes = Number(
      /\d+/.exec((await p.state()).meta.at(-1).replace(/[٠-٩]/g, (d) => '٠١٢٣٤٥٦٧٨٩'.indexOf(d)))[0],
    );
    const form = new Intl.PluralRules('ar').select(minutes);
    assert.equal(form, 'few', `a long read of ${minutes} minutes`);
    // (The number isolated with U+2068 and U+2069, so that it keeps its place in any script.)
    assert.equal(state.meta.at(-1), `\u2068${new Intl.NumberFormat('ar').format(minutes)}\u2069 دقائق للقراءة`);
    assert.match(state.timeLeft, /دقائق متبقية$/, state.timeLeft);
    assert.deepEqual(seriousOrWorse(await p.axe()), []);
    await p.page.screenshot({ path: join(ARTIFACTS, 'reader-chromium-ar-ui.png') });
    await p.page.close();
  } finally {
    await arBrowser.close();
    arProfile.remove();
  }
});

test("the toolbar's Hide part of this page: the view closes, the page comes back exactly, the picker starts; Esc stops it", async () => {
  await browser.setSettings({});
  const p = await browser.open(server.url(LONG_READ));
  const before = await p.page.evaluate(() => document.documentElement.outerHTML);
  await p.openReader();
  await p.click('pick');
  await p.waitOpen(false);
  await waitFor('the picker', () => p.page.evaluate(() => document.querySelector('tidyread-picker') !== null));
  assert.equal(
    await p.page.evaluate(() => {
      const html = document.documentElement.cloneNode(true);
      html.querySelector('tidyread-picker')?.remove();
      return html.outerHTML;
    }),
    before,
    'the page as it was, the picker bar aside',
  );
  await p.page.keyboard.press('Escape');
  await waitFor('the picker to stop', () => p.page.evaluate(() => document.querySelector('tidyread-picker') === null));
  assert.equal(await p.page.evaluate(() => document.documentElement.outerHTML), before);
  await p.page.close();
});

test("players are cards that load nothing until played, then a sandboxed player from the provider's host; by keyboard too", async () => {
  await browser.setSettings({});
  const p = await browser.open(server.url(LONG_READ));
  // What the page itself loaded as it opened is the page's: from here on, only the view's.
  browser.requests.length = 0;
  const providers = () => browser.requests.filter((url) => /youtube|vimeo|ytimg|vimeocdn/.test(new URL(url).hostname));
  const state = await p.openReader();
  assert.deepEqual(
    state.embeds.map((e) => [e.provider, e.kind, e.title, e.link, e.frame]),
    [
      ['YouTube', 'video', 'Opening of the Flood Bridge, 1951', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', null],
      ['Vimeo', 'video', 'Lantern procession across the footbridge', 'https://vimeo.com/76979871/8272103f6e', null],
    ],
  );
  assert.equal(state.frames, 0);
  assert.deepEqual(seriousOrWorse(await p.axe()), [], 'the cards');
  await p.inContentScript((root) => root.host.scrollTo({ top: root.host.scrollHeight, behavior: 'instant' }));
  assert.deepEqual(providers(), [], 'nothing requested from a provider before a click');

  await p.inContentScript((root) => root.querySelector('.embed-play').focus());
  await p.page.keyboard.press('Enter');
  const played = await waitFor('the player', async () => {
    const s = await p.state();
    return s.frames === 1 && s;
  });
  assert.deepEqual(played.embeds[0].frame, {
    src: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1',
    sandbox: 'allow-scripts allow-same-origin allow-presentation allow-popups allow-popups-to-escape-sandbox',
  });
  assert.equal(played.embeds[1].frame, null, 'the other card still loads nothing');
  await waitFor('the request to the player', async () =>
    providers().some((url) => url.startsWith('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ')),
  );
  assert.deepEqual(
    providers().filter((url) => !url.startsWith('https://www.youtube-nocookie.com/')),
    [],
    'only the chosen player',
  );
  await p.page.screenshot({ path: join(ARTIFACTS, 'reader-chromium-player-cards.png') });
  await p.page.close();
});

test("the core's pictures and words in the view: the lead picture once, no byline twice", async () => {
  await browser.setSettings({});
  const p = await browser.open(server.url(LONG_READ));
  await p.openReader();
  await waitFor('the pictures', async () => (await p.state(true)).pictures.every((pic) => pic.complete));
  const { pictures, paragraphs } = await p.state(true);
  const bridges = pictures.filter((pic) => pic.src.includes('old-stone-bridge'));
  assert.equal(bridges.length, 1, `the lead picture once: ${bridges.map((l) => l.src)}`);
  assert.ok(!paragraphs.includes('By Mara Lind'), 'the byline is in the header only');
  await p.page.close();

  const ar = await browser.open(server.url('/plain/rtl-article.html'));
  const state = await ar.openReader();
  assert.notEqual(state.paragraphs[0], 'ليلى حداد', 'the byline is not the first line of the body');
  await ar.page.close();
});

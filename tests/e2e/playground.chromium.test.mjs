// The playground (dist/www/, `make www`) in Debian's Chromium, driven by Playwright: the seed
// fixture pasted in gives its article in the reader view, without the clutter; the removals are
// listed and outline their element inside the sandboxed original; a pasted page's scripts never
// run. It checks results, never times anything.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { startStaticServer } from '../../scripts/static-server.mjs';
import { CORE_IN_PAGE, ROOT, waitFor } from './support.mjs';

const WWW = join(ROOT, 'dist', 'www');
const SEED = join(ROOT, 'tests', 'fixtures', 'seed-townhall');
const SEED_URL =
  'https://townhall.example/tipsheet/2019/06/23/north-korea-president-trump-wrote-excellent-letter-to-kim-jongun-n0001';

let server;
let browser;
let page;
const consoleLines = [];

const normalize = (text) => text.replace(/\s+/g, ' ').trim();

before(async () => {
  if (!existsSync(join(WWW, 'index.html'))) throw new Error(`${WWW}/index.html is missing: run \`make www\` first`);
  server = await startStaticServer(WWW);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // The pasted pages name images on made-up hosts: fail those lookups at once, offline or not.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
  page = await browser.newPage();
  page.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => consoleLines.push(`pageerror: ${error.message}`));
  await page.goto(server.url('/'));
  await waitFor('the core to load', () => page.evaluate(() => document.documentElement.dataset.state));
  const state = await page.evaluate(() => document.documentElement.dataset.state);
  assert.equal(state, 'ready', `the playground's state after loading; status: ${await page.textContent('#status')}`);
});

after(async () => {
  if (consoleLines.length) console.log(`browser console:\n  ${consoleLines.join('\n  ')}`);
  await browser?.close();
  await server?.close();
});

// Pastes `html` and reads it; resolves once the run counter moves on.
async function readPasted(html, url = '') {
  const runs = await page.evaluate(() => Number(document.documentElement.dataset.runs ?? 0));
  await page.fill('#html', html);
  await page.fill('#url', url);
  await page.click('#run');
  await waitFor('the run to finish', () =>
    page.evaluate((n) => Number(document.documentElement.dataset.runs ?? 0) > n, runs),
  );
  return page.evaluate(() => ({
    state: document.documentElement.dataset.state,
    status: document.getElementById('status').textContent,
    title: document.getElementById('reader').shadowRoot.querySelector('h1')?.textContent ?? null,
    text: document.getElementById('reader').shadowRoot.querySelector('.content')?.textContent ?? '',
    note: document.getElementById('reader').shadowRoot.querySelector('.note')?.textContent ?? null,
    readerHtml: document.getElementById('reader').shadowRoot.innerHTML,
    removals: Array.from(document.querySelectorAll('#removals button.removal'), (b) => ({
      index: Number(b.dataset.index),
      kind: b.closest('section.kind').querySelector('h3').firstChild.textContent,
      reason: b.querySelector('.reason').textContent,
    })),
    metadata: Object.fromEntries(
      Array.from(document.querySelectorAll('#metadata dt'), (dt) => [
        dt.textContent,
        dt.nextElementSibling.textContent,
      ]),
    ),
    timings: Object.fromEntries(
      Array.from(document.querySelectorAll('#timings dt'), (dt) => [dt.textContent, dt.nextElementSibling.textContent]),
    ),
  }));
}

test('the seed fixture pasted in: its article in the reader view, its clutter listed and gone', async () => {
  const expected = JSON.parse(readFileSync(join(SEED, 'expected.json'), 'utf8'));
  const result = await readPasted(readFileSync(join(SEED, 'page.html'), 'utf8'), SEED_URL);
  assert.equal(result.state, 'done', result.status);
  assert.equal(result.title, expected.title);
  const text = normalize(result.text);
  for (const paragraph of expected.paragraphs) {
    assert.ok(text.includes(normalize(paragraph)), `the reader view has the paragraph "${paragraph.slice(0, 60)}…"`);
  }
  assert.equal(expected.paragraphs.length, 9);
  // The trending and recommended headlines, ad labels, the VIP call to action, the cookie and
  // share bars.
  for (const clutter of [...expected.clutter, ...expected.not_in_article]) {
    assert.ok(!text.includes(normalize(clutter)), `the reader view leaves out "${clutter}"`);
  }
  assert.ok(!result.readerHtml.includes('<script'), 'no script element in the reader view');
  assert.equal(result.metadata.title, expected.title);
  assert.match(result.metadata.readerable, /^yes/);
  assert.match(result.timings['snapshot (snapshot.js)'], /^\d+\.\d\d ms$/);
  assert.match(result.timings['analyze (core)'], /^\d+\.\d\d ms$/);

  // The declutter classifier's removals, listed by kind.
  assert.ok(result.removals.length >= 5, `removals listed: ${result.removals.length}`);
  const kinds = new Set(result.removals.map((r) => r.kind));
  for (const kind of ['ad', 'trending list'])
    assert.ok(kinds.has(kind), `a removal of kind "${kind}" (kinds: ${[...kinds]})`);
});

test('hovering a removal outlines its element inside the sandboxed original', async () => {
  // The original is a srcdoc document in a frame without allow-scripts.
  const frame = await page.evaluate(() => {
    const iframe = document.getElementById('original');
    return { sandbox: iframe.getAttribute('sandbox'), url: iframe.contentDocument?.URL };
  });
  assert.equal(frame.sandbox, 'allow-same-origin', 'sandboxed, and scripts are not allowed');
  await waitFor('the original to be parsed', () =>
    page.evaluate(
      () =>
        document.getElementById('original').contentDocument?.URL === 'about:srcdoc' &&
        document.getElementById('original').contentDocument.readyState !== 'loading',
    ),
  );

  // The trending rail: a removal that names an element in the page's body.
  const button = page.locator('#removals button.removal', { hasText: "label 'Trending'" }).first();
  await button.hover();
  const outlined = await page.evaluate(() => {
    const doc = document.getElementById('original').contentDocument;
    const marked = Array.from(doc.querySelectorAll('[style]')).filter(
      (el) => el.style.getPropertyValue('outline') !== '' && el.style.getPropertyPriority('outline') === 'important',
    );
    return marked.map((el) => ({
      name: el.localName,
      testid: el.getAttribute('data-testid'),
      text: el.textContent.slice(0, 200),
    }));
  });
  assert.equal(outlined.length, 1, `one element outlined: ${JSON.stringify(outlined)}`);
  assert.match(
    outlined[0].text,
    /The Globalist Authoritarians Are Playing With Fire/,
    'the outlined element is the trending rail',
  );

  // Leaving the item takes the outline off and gives the element its own style back.
  await page.hover('#reader h1');
  const left = await page.evaluate(() => {
    const doc = document.getElementById('original').contentDocument;
    return Array.from(doc.querySelectorAll('[style]')).filter(
      (el) => el.style.getPropertyPriority('outline') === 'important',
    ).length;
  });
  assert.equal(left, 0, 'no outline left after the pointer leaves');
  const banner = await page.evaluate(() =>
    document.getElementById('original').contentDocument.getElementById('cmp-banner').getAttribute('style'),
  );
  assert.equal(
    banner,
    'position: fixed; bottom: 0; left: 0; right: 0; z-index: 99999',
    "an element's own style is untouched",
  );
});

test("a pasted page's scripts never run, in the original or anywhere else", async () => {
  const hostile =
    '<!DOCTYPE html><html><head><title>Hostile</title>' +
    '<script>try { parent.document.documentElement.dataset.pwned = "script" } catch (e) {} document.title = "ran"</script></head>' +
    '<body onload="parent.document.documentElement.dataset.pwned = \'onload\'"><article><h1>Hostile page</h1>' +
    '<p>A paragraph of text long enough for the core to take it as the article, with more words in it than a caption has.</p>' +
    '<p>Another paragraph, so that the page reads as an article and the reader view shows it, with its title and its text.</p>' +
    '<img src="data:," onerror="parent.document.documentElement.dataset.pwned = \'onerror\'">' +
    '<a id="js" href="javascript:parent.document.documentElement.dataset.pwned = \'href\'">link</a>' +
    '</article></body></html>';
  const result = await readPasted(hostile);
  assert.equal(result.state, 'done', result.status);
  await waitFor('the original to load', () =>
    page.evaluate(() => {
      const doc = document.getElementById('original').contentDocument;
      return doc?.URL === 'about:srcdoc' && doc.readyState === 'complete';
    }),
  );
  // A click on the javascript: link inside the frame: blocked by the sandbox.
  await page
    .frameLocator('#original')
    .locator('#js')
    .click()
    .catch(() => {});
  await new Promise((resolve) => setTimeout(resolve, 300));
  const after_ = await page.evaluate(() => ({
    pwned: document.documentElement.dataset.pwned ?? null,
    frameTitle: document.getElementById('original').contentDocument.title,
  }));
  assert.equal(after_.pwned, null, 'nothing from the pasted page ran');
  assert.equal(after_.frameTitle, 'Hostile', "the pasted page's own script did not run in the frame either");
  assert.ok(
    !result.readerHtml.includes('onerror') && !result.readerHtml.includes('javascript:'),
    'the reader view is sanitised',
  );
});

test('a bundled sample loads and reads', async () => {
  const runs = await page.evaluate(() => Number(document.documentElement.dataset.runs ?? 0));
  await page.selectOption('#sample', 'council-budget');
  await waitFor('the sample to be read', () =>
    page.evaluate((n) => Number(document.documentElement.dataset.runs ?? 0) > n, runs),
  );
  const title = await page.textContent('#reader h1');
  assert.equal(title, 'Council passes budget with new money for bridges and the library');
  const text = normalize(await page.textContent('#reader .content'));
  assert.match(text, /restore Sunday opening hours/);
  assert.ok(!text.includes('Farmers market returns'), 'the most-read list is not in the reader view');
});

test("the reader pane is the extension's reader view, with its style sheet; empty or non-article input gets a plain message", async () => {
  const empty = await readPasted('  \n ');
  assert.equal(empty.note, "Nothing to read yet.Paste a page's HTML or pick a sample, then press “Read it”.");
  const notArticle = await readPasted(
    '<!DOCTYPE html><html><head><title>Menu</title></head><body><nav><a href="/a">News</a> <a href="/b">Sport</a></nav></body></html>',
  );
  assert.equal(notArticle.note, 'No article on this page.There is no text in it to read.');
  assert.doesNotMatch(notArticle.note, /no article found/i);

  const seed = readFileSync(join(SEED, 'page.html'), 'utf8');
  const result = await readPasted(seed, 'https://townhall.example/tipsheet/2019/06/23/letter-n0001');
  assert.equal(result.note, null);
  const shown = await page.evaluate(() => {
    const root = document.getElementById('reader').shadowRoot;
    return {
      css: root.querySelector('style').textContent,
      face: getComputedStyle(root.querySelector('.reader')).fontFamily,
      original: root.querySelector('a.original')?.textContent ?? null,
      meta: Array.from(root.querySelectorAll('.meta > :not(.sep)'), (n) => n.textContent),
    };
  });
  const readerCss = readFileSync(join(ROOT, 'extension', 'reader.css'), 'utf8');
  assert.ok(shown.css.startsWith(readerCss), "the extension's reader.css, as it is");
  assert.match(shown.face, /^Georgia/);
  assert.equal(shown.original, 'townhall.example', 'the link to the original shows its domain');
  assert.deepEqual(shown.meta, ['Townhall Staff', 'June 23, 2019', '2 min read']);
  await page
    .locator('#reader')
    .screenshot({ path: join(ROOT, 'target', 'e2e-artifacts', 'playground-reader-pane.png') });
});

test('analyze leaves out what a caller does not ask for: the article (a declutter run), the removals (the reader)', async () => {
  const html = readFileSync(join(SEED, 'page.html'), 'utf8');
  // The playground's own snapshot and core, as the extension loads them, in the playground's page.
  await page.evaluate(CORE_IN_PAGE);
  const result = await page.evaluate(async (source) => {
    const { take, loadCore } = globalThis.tidyreadInPage;
    const { core } = await loadCore('pkg/tidyread_bg.wasm');
    const doc = new DOMParser().parseFromString(source, 'text/html');
    const snap = take(doc);
    const run = (options) => core.analyze(snap.words, snap.strings, options);
    const all = run({});
    const declutter = run({ article: false });
    const reader = run({ removals: false });
    return {
      all: { article: 'Ok' in all.article, removals: all.removals.length },
      declutter: { hasArticle: 'article' in declutter, removals: declutter.removals, readerable: declutter.readerable },
      reader: { content: reader.article.Ok?.content, removals: reader.removals.length, readerable: reader.readerable },
      allRemovals: all.removals,
      allContent: all.article.Ok?.content,
      allReaderable: all.readerable,
      badOptions: [{ url: 5 }, { article: 'no' }].map((options) => {
        try {
          run(options);
          return 'accepted';
        } catch (error) {
          return error.message;
        }
      }),
    };
  }, html);
  assert.equal(result.all.article, true, 'by default, the article');
  assert.ok(result.all.removals > 0, 'and the removals');
  assert.equal(result.declutter.hasArticle, false, 'article: false sends no article');
  assert.deepEqual(
    result.declutter.removals,
    result.allRemovals,
    'the same removals: the article is still found and protected',
  );
  assert.deepEqual(result.declutter.readerable, result.allReaderable);
  assert.equal(result.reader.removals, 0, 'removals: false classifies nothing');
  assert.equal(result.reader.content, result.allContent, 'the same article');
  assert.deepEqual(result.reader.readerable, result.allReaderable);
  assert.deepEqual(result.badOptions, ['options.url: expected a string', 'options.article: expected a boolean']);
});

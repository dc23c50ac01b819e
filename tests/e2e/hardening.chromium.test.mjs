// Hardening, in Debian's Chromium with the built extension (Playwright):
//
//   1. XSS end to end: every vector of tests/fixtures/xss/vectors.txt in one article page, shown
//      in the reader view; the view adds no dialog, console marker or network request.
//   2. No network: the extension's own pages, service worker and content scripts request nothing
//      but chrome-extension:// resources; the reader view loads only the page's article images.
//   3. Nothing lost across the corpus: declutter then restore, and reader open then close, give
//      back document.documentElement.outerHTML byte for byte (every third page; all of them with
//      TIDYREAD_FULL_CORPUS=1).
//
// TIDYREAD_CHROME_DIST=DIR runs the suite on another build (a deliberately broken copy of
// dist/e2e/chrome shows that the tests can fail).
//
// The suite has its own small server: 127.0.0.1 is the site, localhost a third party.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { E2E_DIST, ROOT, requireDist, tempDir, waitFor, launchChromium } from './support.mjs';

const EXTENSION = process.env.TIDYREAD_CHROME_DIST ? resolve(process.env.TIDYREAD_CHROME_DIST) : E2E_DIST.chrome;
const CORPUS = resolve(process.env.TIDYREAD_CORPUS ?? join(ROOT, '..', 'shared', 'corpus', 'readability'));
const FULL_CORPUS = process.env.TIDYREAD_FULL_CORPUS === '1';
const VECTORS = readFileSync(join(ROOT, 'tests', 'fixtures', 'xss', 'vectors.txt'), 'utf8');

// ---- The vectors (the format is described at the top of vectors.txt) ----

function parseVectors(text) {
  const out = [];
  for (const line of text.split(/(?<=\n)/)) {
    if (line.startsWith('=== ')) {
      const [, id, flags = ''] = /^=== (\S+)(?: \[([^\]]*)\])?/.exec(line);
      const set = flags.split(/\s+/);
      out.push({ id, head: set.includes('head'), swallows: set.includes('swallows'), payload: '' });
    } else if (out.length) {
      out[out.length - 1].payload += line;
    }
  }
  for (const v of out) v.payload = v.payload.replace(/\n$/, '');
  return out;
}

const vectors = parseVectors(VECTORS);
// A unique marker per vector: `alert(1)` becomes `alert(1000 + index)`, a number, so it stays
// valid JavaScript in every context a payload puts it (quoted or not, inside a string or not).
// Payloads that hide the call (entities, base64) keep alert(1): any dialog counts anyway.
const MARK_BASE = 1000;
const marked = vectors.map((v, i) => ({
  ...v,
  payload: v.payload.replace(/\balert\(\d*\)/g, `alert(${MARK_BASE + i})`),
}));
const vectorOf = (message) => marked[Number(message) - MARK_BASE]?.id ?? `unattributed (${message})`;

const PARAGRAPH = (i) =>
  `<p class="graf">Paragraph ${i} of the sea wall story: the harbour town of Eastwick voted ` +
  'to rebuild its Victorian wall after a decade of argument over who should pay for it, how high it ' +
  `should stand, and whether the old granite could be saved (note ${i}).</p>`;

// One article page: a paragraph, a vector, a paragraph, ... The vectors that swallow the rest of
// the page go last, the [head] ones into <head>.
//
// Why no CSP on this page: the reader view is built inside the page's own document (a closed
// shadow root), so a page CSP would also forbid a script or a load that an unsafe reader view
// put there, and the test would pass for the wrong reason. So the page is live: its own copies of
// the vectors run while it loads (that is the web page's business, not ours). The test waits for
// the page to settle, then opens the reader and counts only what happens from then on: every
// dialog, console marker or request after that point is something the reader view added.
function xssPage() {
  const head = marked
    .filter((v) => v.head)
    .map((v) => v.payload)
    .join('\n');
  const body = [...marked.filter((v) => !v.head && !v.swallows), ...marked.filter((v) => v.swallows)];
  let n = 0;
  const article = body.map((v) => `${PARAGRAPH(++n)}\n${v.payload}\n${PARAGRAPH(++n)}`).join('\n');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Eastwick Votes to Rebuild Its Sea Wall</title>
${head}
</head><body><header><a href="/">The Coastal Ledger</a></header>
<main><article id="story"><h1>Eastwick Votes to Rebuild Its Sea Wall</h1><p class="byline">By Mara Ellison</p>
${article}
</article></main></body></html>`;
}

// ---- Pages for the network test ----

// A 1x1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mP8/x8AAwMCAO+ip1sAAAAASUVORK5CYII=',
  'base64',
);

function imagesPage(origin, thirdParty) {
  const story = Array.from({ length: 6 }, (_, i) => PARAGRAPH(i + 1)).join('\n');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>The Lighthouse Reopens</title>
<meta property="og:image" content="${origin}/img/lead.png">
</head><body><header><a href="/">The Coastal Ledger</a></header>
<main><article id="story"><h1>The Lighthouse Reopens</h1><p class="byline">By Mara Ellison</p>
<figure><img src="/img/lead.png" width="600" height="300" alt="The lighthouse"></figure>
${story}
<figure><img src="/img/body.png" width="600" height="300" alt="The keeper's cottage"><figcaption>The cottage.</figcaption></figure>
<p>${"The museum will show the harbour's fishing fleet in photographs and models. ".repeat(4)}</p>
<figure><img src="${thirdParty}/cdn/photo.png" width="600" height="300" alt="The pier from the air"></figure>
<div class="ad-slot"><span>Advertisement</span><iframe src="${thirdParty}/ad" width="300" height="250"></iframe></div>
<p>${'Visitors can climb the tower on weekends from the spring after next. '.repeat(4)}</p>
</article></main>
<aside class="trending"><h2>Trending</h2><ul><li><a href="/a">Ferry timetable</a></li><li><a href="/b">Quota talks</a></li></ul></aside>
</body></html>`;
}

// ---- The server ----

const CORPUS_CSP = "script-src 'none'";
const STRICT_CSP = "default-src 'self'; script-src 'self'";
let corpusPages = [];

function serve(request, response) {
  const path = new URL(request.url, 'http://127.0.0.1').pathname;
  const host = request.headers.host ?? '';
  const origin = `http://${host}`;
  const thirdParty = origin.replace('127.0.0.1', 'localhost');
  const html = (body, headers = {}) =>
    response
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers })
      .end(body);
  if (path === '/xss.html') return html(xssPage());
  if (path === '/images.html') return html(imagesPage(origin, thirdParty));
  if (path === '/strict/images.html')
    return html(imagesPage(origin, thirdParty), { 'content-security-policy': STRICT_CSP });
  if (path === '/ad')
    return html(`<!DOCTYPE html><html><body><img src="/ad-pixel.png" alt=""> Buy a boat</body></html>`);
  if (/^\/(img|cdn)\/[\w-]+\.png$/.test(path) || path === '/ad-pixel.png') {
    return response.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'no-store' }).end(PNG);
  }
  const corpus = /^\/corpus\/([\w.-]+)\/source\.html$/.exec(path);
  if (corpus !== null && corpusPages.includes(corpus[1])) {
    return html(readFileSync(join(CORPUS, corpus[1], 'source.html')), { 'content-security-policy': CORPUS_CSP });
  }
  response.writeHead(path === '/favicon.ico' ? 204 : 404).end();
}

// ---- The browser ----

let server;
let origin;
let profile;
let context;
let worker;
let extensionId;
/** Every request the browser made, in order: { url, type, from } (from: a page's URL or "service worker"). */
const requests = [];
const dialogs = [];
const consoleLines = [];

before(async () => {
  requireDist('chrome');
  assert.ok(existsSync(join(EXTENSION, 'manifest.json')), `${EXTENSION} has no manifest.json`);
  server = createServer(serve);
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${server.address().port}`;
  profile = tempDir('tidyread-hardening-');
  // Offline: every other host fails at once (the request is still seen, and counted).
  context = await launchChromium(profile.dir, {
    extension: EXTENSION,
    viewport: { width: 1100, height: 800 },
    args: ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost'],
  });
  worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15000 }));
  extensionId = new URL(worker.url()).host;
  // Every request, pages' and the service worker's (Playwright reports both on the context).
  context.on('request', (request) => {
    let from;
    try {
      from = request.serviceWorker() ? 'service worker' : request.frame().url();
    } catch {
      from = 'unknown';
    }
    requests.push({ url: request.url(), type: request.resourceType(), from });
  });
  const watch = (page) => {
    page.on('dialog', (dialog) => {
      dialogs.push({ page: page.url(), type: dialog.type(), message: dialog.message() });
      dialog.dismiss().catch(() => {});
    });
    page.on('console', (message) => consoleLines.push({ page: page.url(), text: message.text() }));
  };
  context.on('page', watch);
  for (const page of context.pages()) watch(page);
  await worker.evaluate(() => {
    globalThis.testTabs = new Map();
    chrome.runtime.onMessage.addListener((message, sender) => {
      if (message?.type === 'content->background/status' && sender.tab) {
        globalThis.testTabs.set(sender.url, { tabId: sender.tab.id, status: message.status });
      }
      return false;
    });
  });
});

after(async () => {
  await context?.close();
  await new Promise((done) => (server ? server.close(done) : done()));
  profile?.remove();
});

/** Opens `url` (in `page`, or a new one) and waits for the content script's first status. */
async function open(url, page = null) {
  page ??= await context.newPage();
  await worker.evaluate((u) => globalThis.testTabs.delete(u), url);
  await page.goto(url);
  const { tabId, status } = await waitFor(`the content script on ${url}`, () =>
    worker.evaluate((u) => globalThis.testTabs.get(u), url),
  );
  return { page, tabId, status };
}

const toContent = (tabId, message) =>
  worker.evaluate(({ id, m }) => chrome.tabs.sendMessage(id, m), { id: tabId, m: message });

async function readerState(tabId) {
  const reply = await toContent(tabId, { type: 'background->content/reader-state' });
  assert.equal(reply.ok, true, JSON.stringify(reply));
  return reply.reader;
}

/** The toolbar button, as a click reaches the service worker. */
const clickAction = (tabId) =>
  worker.evaluate(async (id) => chrome.action.onClicked.dispatch(await chrome.tabs.get(id)), tabId);

async function waitReader(tabId, open) {
  return waitFor(`the reader view to ${open ? 'open' : 'close'}`, async () => {
    const state = await readerState(tabId);
    return state.readerOpen === open && state;
  });
}

/** Waits until no request, dialog or console line has come for `quiet` ms. */
async function settle(quiet = 700, timeout = 10000) {
  const end = Date.now() + timeout;
  let seen = -1;
  for (;;) {
    const now = requests.length + dialogs.length + consoleLines.length;
    if (now === seen || Date.now() > end) return;
    seen = now;
    await new Promise((done) => setTimeout(done, quiet));
  }
}

const isHttp = (url) => /^https?:/.test(url);

// ---- 1. XSS end to end ----

test('XSS: every vector in one article page; the reader view adds no dialog, console marker or request', async () => {
  // Everything goes through the router: a request proves a load, whether or not it could succeed.
  const routed = [];
  const route = (r) => {
    routed.push(r.request().url());
    return r.continue();
  };
  await context.route('**/*', route);
  try {
    const url = `${origin}/xss.html`;
    const { page, tabId } = await open(url);
    await settle();
    assert.equal(page.url(), url, "the page's own vectors did not navigate it away");
    const pageDialogs = dialogs.length;
    console.log(
      `the page's own copies of the vectors, while it loaded: ${pageDialogs} dialogs, ${requests.length} requests`,
    );

    // From here on, everything is the reader view's.
    const mark = {
      requests: requests.length,
      routed: routed.length,
      dialogs: dialogs.length,
      console: consoleLines.length,
    };
    await clickAction(tabId);
    const state = await waitReader(tabId, true);
    await settle(1000);
    // Scroll the view's article through, so lazy images and animations get their chance.
    for (let i = 0; i < 8; i++) await page.mouse.wheel(0, 2500);
    await settle(1000);

    const fired = dialogs.slice(mark.dialogs).map((d) => `${d.type} ${d.message}: ${vectorOf(d.message)}`);
    assert.deepEqual(fired, [], 'no dialog after the reader view opened');
    const markers = consoleLines.slice(mark.console).filter((l) => /XSS|^\s*1\d{3}\s*$/.test(l.text));
    assert.deepEqual(markers, [], 'no console marker after the reader view opened');
    // The view may show the article's pictures (a few vectors sit in or next to an <img> the page
    // itself loads), and nothing else: no script, frame, object, style, font or fetch, and no
    // image the page did not load as an image itself.
    const pageImages = new Set(
      requests
        .slice(0, mark.requests)
        .filter((r) => r.type === 'image')
        .map((r) => r.url),
    );
    const loads = requests.slice(mark.requests).filter((r) => isHttp(r.url));
    assert.deepEqual(
      loads.filter((r) => !(r.type === 'image' && pageImages.has(r.url))),
      [],
      "no request after the reader view opened but the page's own images",
    );
    assert.deepEqual(
      routed.slice(mark.routed).filter((u) => isHttp(u) && !pageImages.has(u)),
      [],
      'nothing else through the router either',
    );

    // Not a vacuous pass: the view shows the article, most of the paragraphs around the vectors.
    const shown = state.paragraphs.filter((p) => /^Paragraph \d+ of the sea wall story/.test(p.trim())).length;
    const total = 2 * marked.filter((v) => !v.head).length;
    console.log(`reader view: ${shown} of ${total} article paragraphs around ${marked.length} vectors`);
    assert.ok(shown >= total * 0.9, `the reader view shows the article: ${shown} of ${total} paragraphs`);

    await clickAction(tabId);
    await waitReader(tabId, false);
    await page.close();
  } finally {
    await context.unroute('**/*', route);
  }
});

// ---- 2. No network ----

test("no network: the extension requests nothing but its own files; the reader view loads only the page's article images", async () => {
  const third = origin.replace('127.0.0.1', 'localhost');
  // What the page itself references: the page, its images (one from the third party), the ad
  // frame and the ad's pixel.
  const pageRefs = new Set([
    `${origin}/images.html`,
    `${origin}/strict/images.html`,
    `${origin}/img/lead.png`,
    `${origin}/img/body.png`,
    `${third}/cdn/photo.png`,
    `${third}/ad`,
    `${third}/ad-pixel.png`,
    `${origin}/favicon.ico`,
    `${third}/favicon.ico`,
  ]);
  const articleImages = new Set([`${origin}/img/lead.png`, `${origin}/img/body.png`, `${third}/cdn/photo.png`]);
  const start = requests.length;
  const phases = [];
  const phase = (name) => phases.push({ name, at: requests.length });

  // Decluttering through the local wasm, then through the service worker (a strict-CSP page).
  phase('declutter');
  const plain = await open(`${origin}/images.html`);
  assert.ok(plain.status.removals >= 1, `the ad went: ${JSON.stringify(plain.status.removals)}`);
  const strict = await open(`${origin}/strict/images.html`);
  assert.equal(strict.status.path, 'background', 'the strict-CSP page went through the service worker');
  await strict.page.close();
  await settle();

  phase('reader');
  await clickAction(plain.tabId);
  const state = await waitReader(plain.tabId, true);
  for (let i = 0; i < 6; i++) await plain.page.mouse.wheel(0, 1500);
  await settle();
  assert.ok(state.images.length >= 2, `the view shows the article's images: ${state.images.length}`);
  await clickAction(plain.tabId);
  await waitReader(plain.tabId, false);
  await settle();

  phase('popup and options');
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${plain.tabId}`);
  await waitFor('the popup to fill in', () => popup.locator('#groups .group').count());
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await waitFor('the options page', () => options.locator('#theme').count());
  await settle();
  await popup.close();
  await options.close();
  await plain.page.close();

  const seen = requests.slice(start);
  const inPhase = (name) => {
    const i = phases.findIndex((p) => p.name === name);
    return requests.slice(phases[i].at, phases[i + 1]?.at ?? requests.length);
  };
  const extensionOrigin = `chrome-extension://${extensionId}`;
  const extensionPage = (from) => from.startsWith(extensionOrigin) || from === 'service worker';
  // The web-accessible files are fetched at a per-session address (use_dynamic_url).
  const accessible = new Set(requireDist('chrome').web_accessible_resources.flatMap((w) => w.resources));
  const ownFile = (url) =>
    url.startsWith(extensionOrigin) ||
    (url.startsWith('chrome-extension://') && accessible.has(new URL(url).pathname.slice(1)));
  console.log(
    `requests: ${seen.length}, ${seen.filter((r) => isHttp(r.url)).length} over http, ` +
      `${seen.filter((r) => r.from === 'service worker').length} from the service worker`,
  );

  // Nothing at all goes to another host.
  assert.deepEqual(
    seen.filter((r) => !ownFile(r.url) && !pageRefs.has(r.url)),
    [],
    'every request is an extension resource or something the page references',
  );
  // The extension's pages and its service worker ask for their own files only.
  assert.deepEqual(
    seen.filter((r) => extensionPage(r.from) && !ownFile(r.url)),
    [],
    'the popup, the options page and the service worker request only chrome-extension:// files',
  );
  assert.ok(
    seen.some((r) => r.from.startsWith(extensionOrigin)),
    "the extension pages' requests are seen at all",
  );
  // With the view open: the article's images, nothing else over the network.
  assert.deepEqual(
    inPhase('reader').filter((r) => isHttp(r.url) && !(articleImages.has(r.url) && r.type === 'image')),
    [],
    'the reader view requested only article images the page references',
  );
});

// ---- 3. Nothing lost across the corpus ----

test('corpus: declutter then restore, and reader open then close, give back outerHTML byte for byte', async (t) => {
  if (!existsSync(CORPUS)) {
    t.skip(`no corpus at ${CORPUS}`);
    return;
  }
  const all = readdirSync(CORPUS)
    .filter((name) => existsSync(join(CORPUS, name, 'source.html')))
    .sort();
  // Every third page keeps `make test` within its budget; the whole corpus on request.
  corpusPages = FULL_CORPUS ? all : all.filter((_, i) => i % 3 === 0);
  // The page as the parser left it, before any content script: the pages' own scripts are off
  // (CSP script-src 'none'), an init script is not subject to the page's CSP.
  await context.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      window.__tidyreadTestBefore = document.documentElement.outerHTML;
    });
  });
  const page = await context.newPage();
  const html = () => page.evaluate(() => document.documentElement.outerHTML);
  const failures = [];
  const counts = { pages: 0, decluttered: 0, reader: 0, noArticle: 0 };
  const started = Date.now();
  for (const name of corpusPages) {
    const { tabId, status } = await open(`${origin}/corpus/${name}/source.html`, page);
    counts.pages++;
    const beforeAll = await page.evaluate(() => window.__tidyreadTestBefore);
    assert.ok(beforeAll, `${name}: the init script captured the page`);
    const decluttered = await html();
    if (status.enabled) counts.decluttered++;

    // The reader view over the decluttered page.
    await clickAction(tabId);
    const shown = await waitFor(`${name}: the reader view or its note`, async () => {
      const s = await readerState(tabId);
      return (s.readerOpen || s.toast !== null) && s;
    });
    if (shown.readerOpen) {
      counts.reader++;
      await clickAction(tabId);
      await waitReader(tabId, false);
      if ((await html()) !== decluttered) failures.push(`${name}: the reader view did not give the page back`);
    } else {
      // No article: a note over the page, which goes by itself.
      counts.noArticle++;
      await waitFor(`${name}: the note to go`, async () => (await readerState(tabId)).toast === null, {
        timeout: 15000,
      });
      if ((await html()) !== decluttered) failures.push(`${name}: the no-article note did not give the page back`);
    }

    // Restore: the page as published.
    if (status.enabled) {
      const reply = await toContent(tabId, { type: 'background->content/toggle' });
      assert.equal(reply.ok, true, JSON.stringify(reply));
      assert.equal(reply.status.enabled, false, `${name}: restored`);
      if ((await html()) !== beforeAll) failures.push(`${name}: declutter then restore changed outerHTML`);
    }
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `corpus: ${JSON.stringify(counts)} of ${all.length} in ${seconds} s${FULL_CORPUS ? '' : ' (every third page; TIDYREAD_FULL_CORPUS=1 for all)'}`,
  );
  await page.close();
  assert.deepEqual(failures, []);
  assert.ok(
    counts.reader >= counts.pages * 0.8,
    `the reader view opened on most pages: ${counts.reader} of ${counts.pages}`,
  );
});

// The reader view's pictures and players over real pages (../shared/corpus/readability), in
// Chromium with the built extension: every page opened in the view, its pictures loaded (as
// drawings of the size their address names, offline), and four things checked:
//   - no page shows its lead picture twice (the same address, or the same file at another size);
//   - no picture is shown larger than its natural size;
//   - every player of a known video provider that Readability keeps in the article is a card
//     in the view (by provider and media id), and no player is loaded before a click;
//   - no figure keeps a caption without its picture.
// A sample of pages runs in `make test`; TIDYREAD_FULL_CORPUS=1 runs all of them:
//   TIDYREAD_FULL_CORPUS=1 node --test tests/e2e/reader-corpus.chromium.test.mjs
// The counts are printed and written to target/e2e-artifacts/reader-corpus.json.
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ARTIFACTS, startBrowser } from './reader-harness.mjs';
import { CORPUS, startServer } from './server.mjs';
import { requireDist, tempDir, waitFor } from './support.mjs';

// Pages that show each problem the checks look for: a lead picture repeated at another size
// (nytimes-1, cnet, wikipedia-2), a logo as the lead (yahoo-4), players (videos-1, videos-2,
// lemonde-1; embedded-videos, between short captions), figures of lazy pictures (lazy-image-1),
// a spacer in a figure (theverge).
const SAMPLE = [
  'nytimes-1',
  'cnet',
  'wikipedia-2',
  'yahoo-4',
  'videos-1',
  'videos-2',
  'lemonde-1',
  'embedded-videos',
  'lazy-image-1',
  'theverge',
];
const PAGES = process.env.TIDYREAD_FULL_CORPUS ? readdirSync(CORPUS).sort() : SAMPLE;

// A player's provider and media id, from its address (the page's, or the core's player).
const PLAYER_ID = [
  ['YouTube', /(?:youtube(?:-nocookie)?\.com\/(?:embed|v)\/|youtu\.be\/)([\w-]{11})/],
  ['Vimeo', /vimeo\.com\/(?:video\/)?(\d+)/],
  ['Dailymotion', /dailymotion\.com\/(?:embed\/)?video\/([a-z0-9]+)/i],
];

function playerIds(html) {
  const ids = new Set();
  for (const m of html.matchAll(/<(?:iframe|embed)\b[^>]*\bsrc="([^"]+)"/gi)) {
    for (const [provider, pattern] of PLAYER_ID) {
      const id = pattern.exec(m[1])?.[1];
      if (id) ids.add(`${provider}:${id}`);
    }
  }
  return ids;
}

let server;
let profile;
let browser;
const results = [];

before(async () => {
  requireDist('chrome');
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startServer();
  profile = tempDir('tidyread-reader-corpus-');
  browser = await startBrowser(profile.dir);
  await browser.setSettings({});
});

after(async () => {
  const totals = {
    pages: results.length,
    opened: results.filter((r) => r.opened).length,
    pictures: results.reduce((n, r) => n + (r.pictures ?? 0), 0),
    cards: results.reduce((n, r) => n + (r.cards ?? 0), 0),
    leadTwice: results.filter((r) => r.leadTwice?.length).map((r) => r.page),
    upscaled: results.filter((r) => r.upscaled?.length).map((r) => r.page),
    playersMissing: results.filter((r) => r.missing?.length).map((r) => r.page),
    captionsAlone: results.filter((r) => r.captionsAlone?.length).map((r) => r.page),
  };
  console.log(`reader corpus check: ${JSON.stringify(totals)}`);
  writeFileSync(join(ARTIFACTS, 'reader-corpus.json'), `${JSON.stringify({ totals, pages: results }, null, 1)}\n`);
  await browser?.close();
  await server?.close();
  profile?.remove();
});

// Runs in the content script's world on the view's shadow root: the four checks' raw data.
function inspect(root) {
  // A file's name less its size words (`bridge-640x427.jpg` and `bridge-1200x800.jpg` are one)
  // and, where a long enough name is left, less a last word of letters that names a rendition
  // (`13SUDAN-1-facebookJumbo`, `13SUDAN-1-master768`).
  const stems = (src) => {
    let file;
    try {
      file = decodeURIComponent(new URL(src).pathname.split('/').pop() ?? '').toLowerCase();
    } catch {
      return [src];
    }
    const stem = file
      .replace(/\.[a-z0-9]+$/, '')
      .replace(/[-_@]?\d{2,4}x\d{2,4}$|[-_@]\d+w$|[-_@][0-9.]+x$/, '')
      .replace(/[-_.]+$/, '');
    const shorter = stem.replace(/[-_][a-z]+\d*$/, '');
    // A name of digits only (`4800.jpg` under a hash folder) names a size, not a picture.
    if (stem.length < 4 || !/[a-z]/.test(stem)) return [];
    return shorter !== stem && shorter.length >= 8 ? [stem, shorter] : [stem];
  };
  const same = (a, b) => a === b || stems(a).some((s) => stems(b).includes(s));
  const lead = root.querySelector('.lead img');
  const body = Array.from(root.querySelectorAll('.content img'));
  const leadTwice = lead ? body.filter((img) => same(img.src, lead.src)) : [];
  const upscaled = [...(lead ? [lead] : []), ...body]
    .filter((img) => img.complete && img.naturalWidth > 0)
    .map((img) => ({ src: img.src, natural: img.naturalWidth, shown: img.getBoundingClientRect().width }))
    .filter((p) => p.shown > p.natural + 0.5);
  // What a figure shows besides its caption: a picture, a player, a table, code, or text.
  const shows = (c) =>
    c.localName !== 'figcaption' &&
    (c.matches('img, picture, svg, video, audio, table, pre, .embed-box, .image-alt') ||
      c.querySelector('img, picture, svg, video, audio, table, pre') !== null ||
      c.textContent.trim() !== '');
  const captionsAlone = Array.from(root.querySelectorAll('.content figure')).filter(
    (figure) => figure.querySelector('figcaption') !== null && !Array.from(figure.children).some(shows),
  );
  return {
    pictures: body.length + (lead ? 1 : 0),
    leadTwice: leadTwice.map((img) => img.src),
    upscaled,
    players: Array.from(root.querySelectorAll('.embed-play'), (b) => b.dataset.player),
    frames: root.querySelectorAll('iframe').length,
    captionsAlone: captionsAlone.map((f) => f.querySelector('figcaption').textContent.trim().slice(0, 80)),
  };
}

for (const name of PAGES) {
  test(`corpus ${name}: one lead picture, none larger than it is, players as cards, no caption alone`, async () => {
    const source = readFileSync(join(CORPUS, name, 'source.html'), 'utf8');
    const expected = playerIds(readFileSync(join(CORPUS, name, 'expected.html'), 'utf8'));
    const p = await browser.open(server.url(`/corpus/${name}/source.html`));
    await p.clickAction();
    const state = await waitFor('the view or a note', async () => {
      const s = await p.state();
      return (s.readerOpen || s.toast !== null) && s;
    });
    const result = { page: name, opened: state.readerOpen };
    results.push(result);
    if (!state.readerOpen) {
      assert.equal(expected.size, 0, `${name}: no view, but Readability keeps players`);
      await p.page.close();
      return;
    }
    // Every picture now, not as the reader scrolls: their sizes are what is checked.
    await p.inContentScript((root) => {
      for (const img of root.querySelectorAll('img')) img.loading = 'eager';
    });
    await waitFor(
      'the pictures to load',
      () => p.inContentScript((root) => Array.from(root.querySelectorAll('img')).every((img) => img.complete)),
      { timeout: 30000 },
    );
    const seen = await p.inContentScript(inspect);
    const cards = new Set(seen.players.flatMap((player) => [...playerIds(`<iframe src="${player}">`)]));
    Object.assign(result, {
      pictures: seen.pictures,
      cards: seen.players.length,
      sourcePlayers: playerIds(source).size,
      leadTwice: seen.leadTwice,
      upscaled: seen.upscaled,
      missing: [...expected].filter((id) => !cards.has(id)),
      captionsAlone: seen.captionsAlone,
    });
    assert.deepEqual(seen.leadTwice, [], 'the lead picture once');
    assert.deepEqual(seen.upscaled, [], 'no picture larger than it is');
    assert.equal(seen.frames, 0, 'no player loaded before a click');
    assert.deepEqual(result.missing, [], 'every player Readability keeps is a card');
    assert.deepEqual(seen.captionsAlone, [], 'no caption without its picture');
    await p.page.close();
  });
}

// The huge, busy page of live-page.chromium.test.mjs in Firefox ESR (headless, selenium-webdriver
// and geckodriver): the first decision takes the clutter of the first screen, from a first look
// at a sample of the page; the rest follows in slices while the ticker goes on; every paragraph
// stays; a restore gives the page back byte for byte. (Firefox has no long-task observer: the
// timings are Chromium's suite's and the benchmark's.)
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { everyAdSlotHidden, livePage, whatShows } from '../../bench/browser/live-page.mjs';
import { startServer } from './server.mjs';
import { firefoxWithAccess, requireDist, waitFor } from './support.mjs';

const NODES = 200_000;
const PATH = '/live-page.html';

let server;
let driver;
let send;

before(async () => {
  requireDist('firefox');
  server = await startServer({ generated: { [PATH]: livePage(NODES, { keepPublished: true }) } });
  ({ driver, sendToContent: send } = await firefoxWithAccess());
});

after(async () => {
  await driver?.quit();
  await server?.close();
});

test('a 200,000-node page with a ticker: the first screen decluttered at the first decision, the rest in slices, every paragraph stays; restore is exact', async () => {
  await driver.get(server.url(PATH));
  const atDecision = await waitFor(
    'the first decision',
    () => driver.executeScript(() => window.__livePage.clutterAtDecision),
    { timeout: 60000 },
  );
  assert.deepEqual(atDecision, { trending: false, topAd: false }, 'the clutter of the first screen, hidden at once');
  await waitFor('every ad slot to be hidden', () => driver.executeScript(everyAdSlotHidden), {
    timeout: 120000,
    interval: 1000,
  });
  const shown = await driver.executeScript(whatShows);
  assert.ok(shown.sections > 7000, `the article's sections (${shown.sections})`);
  assert.equal(shown.paragraphs, true, 'paragraphs at the top, the middle and the end of the article show');
  assert.equal(shown.trending, false);
  const { status } = await send({ type: 'popup->content/status' });
  assert.ok(status.runs.slices > 10, `the page was looked at in slices (${JSON.stringify(status.runs)})`);
  const off = await send({ type: 'background->content/toggle' });
  assert.equal(off?.ok, true, off?.error);
  assert.equal(
    await driver.executeScript(() => document.querySelector('.layout').outerHTML === window.__livePage.published),
    true,
    "the page's layout is byte for byte as published",
  );
});

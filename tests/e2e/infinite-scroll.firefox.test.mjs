// Infinite scroll in Firefox ESR (headless, selenium-webdriver and geckodriver): the page of
// infinite-scroll.chromium.test.mjs, which appends the next story as the reader nears the end of
// one. The reader view shows the story in view, not the two stories merged.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startServer } from './server.mjs';
import { firefoxWithAccess, requireDist, waitFor } from './support.mjs';

let server;
let driver;
let send;

before(async () => {
  requireDist('firefox');
  server = await startServer();
  ({ driver, sendToContent: send } = await firefoxWithAccess());
});

after(async () => {
  await driver?.quit();
  await server?.close();
});

async function reader() {
  await send({ type: 'background->content/reader-show' });
  const shown = await waitFor('the reader view', async () => {
    const reply = await send({ type: 'background->content/reader-state', layout: false });
    return reply?.ok && reply.reader.readerOpen && reply.reader;
  });
  await send({ type: 'background->content/reader-toggle' });
  await waitFor(
    'the reader view to close',
    async () => !(await send({ type: 'background->content/reader-state', layout: false })).reader.readerOpen,
  );
  return shown;
}

test('the reader view shows the story in view, not the two stories merged', async () => {
  await driver.get(server.url('/plain/infinite.html'));
  await waitFor('tidyread to declutter the page', async () => {
    const reply = await send({ type: 'popup->content/status' });
    return reply?.ok && reply.status.enabled;
  });
  await driver.executeScript(() => document.getElementById('more').scrollIntoView());
  await waitFor('the second story', () => driver.executeScript(() => document.getElementById('story-2') !== null));
  const stories = await driver.executeScript(() =>
    ['story-1', 'story-2'].map((id) => {
      const story = document.getElementById(id);
      return {
        title: story.querySelector('h1').textContent,
        paragraphs: [...story.querySelectorAll('p:not(.byline)')].map((p) => p.textContent),
      };
    }),
  );
  for (const [at, shown, other] of [
    ['story-2', stories[1], stories[0]],
    ['story-1', stories[0], stories[1]],
  ]) {
    await driver.executeScript(
      (id) => document.querySelector(`#${id} p:nth-of-type(3)`).scrollIntoView({ block: 'center' }),
      at,
    );
    const view = await reader();
    assert.equal(view.title, shown.title, `in view: ${at}`);
    assert.deepEqual(
      view.paragraphs.filter((p) => shown.paragraphs.includes(p)),
      shown.paragraphs,
      `${at}: all of its paragraphs`,
    );
    assert.deepEqual(
      view.paragraphs.filter((p) => other.paragraphs.includes(p)),
      [],
      `${at}: nothing of the other story`,
    );
  }
});

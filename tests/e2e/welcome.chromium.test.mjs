// The first run in Debian's Chromium (Playwright): installing the extension opens the welcome
// page, which shows the button, the shortcut and the button's menu, and asks where tidyread may
// clean pages as they load; "only when I click" ends with no host access. (The "all sites" answer
// needs the browser's prompt, which only Firefox's suite can answer: welcome.firefox.test.mjs.)
// axe-core on the page; screenshots at desktop and 390 px in target/e2e-artifacts/.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { axeViolations, judge } from './axe.mjs';
import { ROOT, launchChromium, requireDist, tempDir, waitFor } from './support.mjs';

const ARTIFACTS = join(ROOT, 'target', 'e2e-artifacts');

let profile;
let context;
let worker;

before(async () => {
  requireDist('chrome');
  mkdirSync(ARTIFACTS, { recursive: true });
  profile = tempDir('tidyread-welcome-');
  // As installed from the store: no host access yet.
  context = await launchChromium(profile.dir, { hostAccess: false, viewport: { width: 1280, height: 900 } });
  worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15000 }));
});

after(async () => {
  await context?.close();
  profile?.remove();
});

test('installing opens the welcome page: the button, the shortcut, the menu, the question; axe', async () => {
  const welcome = await waitFor('the welcome page', () =>
    context.pages().find((p) => p.url().endsWith('/welcome.html')),
  );
  await welcome.waitForLoadState();
  await waitFor('its words', async () => (await welcome.locator('h1').textContent()) === 'Welcome to tidyread');
  assert.equal(await welcome.locator('main').count(), 1);
  assert.deepEqual(await welcome.locator('.illustration.menu li').allTextContents(), [
    'Site settings and removed clutter…',
    'Hide part of this page…',
  ]);
  const shortcut = await worker.evaluate(async () => (await chrome.commands.getAll())[0]?.shortcut ?? '');
  await waitFor('the shortcut', async () => (await welcome.locator('#shortcut-text').textContent()) !== '…');
  if (shortcut) {
    assert.equal(
      await welcome.locator('#shortcut-text').textContent(),
      `${shortcut} opens and closes the reader view from the keyboard.`,
    );
    assert.equal((await welcome.locator('#shortcut-keys kbd').allTextContents()).join('+'), shortcut);
  } else {
    assert.match(await welcome.locator('#shortcut-text').textContent(), /give tidyread a keyboard shortcut/);
  }
  assert.equal(await welcome.locator('input[name=where]').count(), 3);
  assert.match(
    await welcome.locator('#hint-some').textContent(),
    /choose “Site settings and removed clutter…” and then “Allow on this site”/,
  );
  assert.equal(
    await welcome.locator('input[name=where]:checked').count(),
    0,
    'nothing chosen for the user without host access',
  );

  const { failing, others } = judge(await axeViolations(welcome));
  if (others.length) console.log(`axe (welcome, not failing):\n  ${others.join('\n  ')}`);
  assert.deepEqual(failing, [], 'no serious or critical axe violations on the welcome page');
  await welcome.screenshot({ path: join(ARTIFACTS, 'welcome-desktop.png'), fullPage: true });
  await welcome.setViewportSize({ width: 390, height: 844 });
  await welcome.screenshot({ path: join(ARTIFACTS, 'welcome-390.png'), fullPage: true });
  await welcome.setViewportSize({ width: 1280, height: 900 });

  // "Only when I click the button": no host access, and it says so.
  await welcome.locator('input[name=where][value=click]').check();
  await welcome.locator('button[type=submit]').click();
  await waitFor('the answer', async () => (await welcome.locator('#result').textContent()) !== '');
  assert.equal(await welcome.locator('#result').textContent(), 'Done: tidyread runs only when you click its button.');
  const origins = await worker.evaluate(async () => (await chrome.permissions.getAll()).origins);
  assert.deepEqual(origins, []);

  // "On sites I choose": still none until the popup asks for a site.
  await welcome.locator('input[name=where][value=some]').check();
  await welcome.locator('button[type=submit]').click();
  await waitFor('the answer', async () => /^Done\. On a site/.test(await welcome.locator('#result').textContent()));
  assert.deepEqual(await worker.evaluate(async () => (await chrome.permissions.getAll()).origins), []);
  await welcome.close();
});

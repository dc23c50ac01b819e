// The popup and the welcome page in Firefox ESR (geckodriver), each opened as a page in a tab:
// removals in plain words, one entry per repeated reason, "Bring back all" giving the page back
// exactly, at most 600 px, axe-core; the welcome page's "all sites" ending in the grant (Firefox's
// prompt is answered by the suites' preference) and "only when I click" giving it back; German
// with intl.locale.requested.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { By } from 'selenium-webdriver';
import { axeViolationsSelenium, judge } from './axe.mjs';
import { startServer } from './server.mjs';
import { ALL_SITES, allowAllSitesFirefox, launchFirefox, requireDist, waitFor } from './support.mjs';

const NEWS = '/plain/popup-news.html';

let server;

before(async () => {
  requireDist('firefox');
  server = await startServer();
});

after(async () => {
  await server?.close();
});

/** Firefox with tidyread; `body({driver, origin})`, then the browser goes. */
async function withFirefox(prefs, body) {
  const { driver, addonId } = await launchFirefox({ prefs, args: ['-width', '1100', '-height', '800'] });
  try {
    await driver.setContext('chrome');
    const origin = await driver.executeScript(
      'return `moz-extension://${WebExtensionPolicy.getByID(arguments[0]).mozExtensionHostname}`;',
      addonId,
    );
    await driver.setContext('content');
    await body({ driver, origin });
  } finally {
    await driver.quit();
  }
}

/** Opens the news page in the current tab, decluttered, and the popup for it in a new tab. */
async function newsAndPopup(driver, origin) {
  await allowAllSitesFirefox(driver, origin);
  const url = server.url(NEWS);
  await driver.get(url);
  await waitFor('the page to be decluttered', async () =>
    driver.executeScript(() => document.documentElement.getAttribute('data-tidyread-removals') === '5'),
  );
  const pageHandle = await driver.getWindowHandle();
  await driver.switchTo().newWindow('tab');
  await driver.get(`${origin}/popup.html?tab=0`);
  const tabId = await driver.executeAsyncScript(
    // Match patterns take no port: the tab is found by its address among all tabs.
    'const done = arguments[arguments.length - 1]; browser.tabs.query({}).then((tabs) => done(tabs.find((t) => t.url === arguments[0])?.id));',
    url,
  );
  await driver.get(`${origin}/popup.html?tab=${tabId}`);
  await waitFor('the popup to fill in', async () => (await driver.findElements(By.css('#groups .group'))).length > 0);
  return { pageHandle, popupHandle: await driver.getWindowHandle() };
}

test('Firefox: the popup in plain words, at most 600 px, axe; Bring back all gives the page back exactly', async () => {
  await withFirefox({}, async ({ driver, origin }) => {
    const { pageHandle, popupHandle } = await newsAndPopup(driver, origin);
    const entries = await driver.executeScript(() =>
      [...document.querySelectorAll('#groups .group')].map((g) => [
        g.dataset.kind,
        [...g.querySelectorAll('li')].map(
          (li) => li.querySelector('.reason').textContent + (li.querySelector('.times')?.textContent ?? ''),
        ),
      ]),
    );
    assert.deepEqual(entries, [
      ['ad', ['Labelled “Advertisement”×3']],
      ['newsletter', ['Says “newsletter”']],
      ['trending_list', ['Labelled “Most read”']],
    ]);
    assert.equal(await driver.findElement(By.id('declutter-origin')).getText(), 'On for all sites');
    assert.equal((await driver.findElements(By.css('main'))).length, 1);
    const height = await driver.executeScript(() => document.documentElement.getBoundingClientRect().height);
    assert.ok(height <= 600, `the popup is ${height} px tall`);
    const { failing, others } = judge(await axeViolationsSelenium(driver));
    if (others.length) console.log(`axe (Firefox popup, not failing):\n  ${others.join('\n  ')}`);
    assert.deepEqual(failing, [], 'no serious or critical axe violations in the popup');

    await driver.findElement(By.id('bring-back-all')).click();
    await waitFor('the popup to say so', async () =>
      (await driver.findElement(By.id('page')).getText()).includes('Everything is back'),
    );
    await driver.switchTo().window(pageHandle);
    const { html, before } = await driver.executeScript(() => ({
      html: document.documentElement.outerHTML,
      before: window.__tidyreadTestBefore,
    }));
    assert.ok(before.includes('div-gpt-ad-1561305600000-0'));
    assert.equal(html, before, 'the page is byte-identical to what the parser left');
    await driver.switchTo().window(popupHandle);
  });
});

test('Firefox: the welcome page asks for all sites and gets them; "only when I click" gives them back', async () => {
  await withFirefox({}, async ({ driver, origin }) => {
    const origins = () =>
      driver.executeAsyncScript(
        'const done = arguments[arguments.length - 1]; browser.permissions.getAll().then((p) => done(p.origins));',
      );
    await driver.get(`${origin}/welcome.html`);
    await waitFor('the page', async () => (await driver.findElement(By.css('h1')).getText()) === 'Welcome to tidyread');
    assert.deepEqual(await origins(), []);
    await driver.findElement(By.css('input[name=where][value=all]')).click();
    await driver.findElement(By.css('button[type=submit]')).click();
    await waitFor('the answer', async () => (await driver.findElement(By.id('result')).getText()) !== '');
    assert.equal(
      await driver.findElement(By.id('result')).getText(),
      'Done: tidyread cleans pages on every site as they load.',
    );
    assert.deepEqual((await origins()).filter((o) => ALL_SITES.includes(o)).sort(), [...ALL_SITES].sort());
    const { failing } = judge(await axeViolationsSelenium(driver));
    assert.deepEqual(failing, [], 'no serious or critical axe violations on the welcome page');

    await driver.findElement(By.css('input[name=where][value=click]')).click();
    await driver.findElement(By.css('button[type=submit]')).click();
    await waitFor('the access to be given back', async () => (await origins()).length === 0);
    assert.equal(
      await driver.findElement(By.id('result')).getText(),
      'Done: tidyread runs only when you click its button.',
    );
  });
});

test('Firefox in German (intl.locale.requested): the popup speaks German', async () => {
  await withFirefox({ 'intl.locale.requested': 'de' }, async ({ driver, origin }) => {
    await driver.get(`${origin}/options.html`);
    const lang = await driver.executeScript(() => document.documentElement.lang);
    if (lang !== 'de') {
      // Firefox ESR without its German language pack answers in English: nothing to check here.
      console.log(`Firefox's UI language stays ${lang}: no German language pack installed`);
      return;
    }
    await newsAndPopup(driver, origin);
    assert.equal(await driver.findElement(By.css('[data-i18n=popupRemoved]')).getText(), 'Von dieser Seite entfernt');
    assert.equal(
      await driver.findElement(By.css('#groups .group[data-kind=ad] .reason')).getText(),
      'Beschriftet mit „Advertisement“',
    );
  });
});

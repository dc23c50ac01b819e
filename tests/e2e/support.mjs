// What both browsers' suites share: paths, expectations about the test pages, and the probes
// that run inside a page. Probes are self-contained functions: each browser driver serialises
// them into the page's own world.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { chromium } from 'playwright-core';
import { Builder, By } from 'selenium-webdriver';
import firefox from 'selenium-webdriver/firefox.js';
import { bundle } from '../../scripts/bundle.mjs';
import { readVersion } from '../../scripts/version.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The shipped builds, as `make dist` writes them. */
export const DIST = { chrome: join(ROOT, 'dist', 'chrome'), firefox: join(ROOT, 'dist', 'firefox') };
/**
 * The builds the suites load: the shipped ones plus the messages only tests send (messages.js's
 * testOnly: turn decluttering off and on, read what the closed reader view shows).
 */
export const E2E_DIST = { chrome: join(ROOT, 'dist', 'e2e', 'chrome'), firefox: join(ROOT, 'dist', 'e2e', 'firefox') };

/** The flags every Chromium run here needs: headless as root, and no calls home (the machine
 * has no network, and Chromium's background requests would fail many at a time). */
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The host access "Allow on all sites" grants (the manifest's optional_host_permissions). */
export const ALL_SITES = ['http://*/*', 'https://*/*'];

/**
 * A copy of an unpacked extension whose manifest also has `host_permissions`: as if the user had
 * allowed it on all sites. Chromium shows `permissions.request` a prompt no headless test can
 * answer, so the suites that test what runs as pages load start from the grant itself; the
 * request is tested in Firefox (core-paths.firefox.test.mjs), and the ungranted manifest in
 * privilege.chromium.test.mjs. The background registers the content script from the granted origins the
 * same way in both cases.
 */
function withHostAccess(extension) {
  const dir = mkdtempSync(join(tmpdir(), 'tidyread-granted-'));
  cpSync(extension, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  assert.deepEqual(manifest.optional_host_permissions, ALL_SITES, 'the manifest asks for all sites, optionally');
  manifest.host_permissions = ALL_SITES;
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

/**
 * Debian's Chromium, headless, with an unpacked extension loaded (dist/e2e/chrome by default), its
 * service worker started. `hostAccess` (default true): allowed on all sites, and the content
 * script registered before this returns. `args` adds flags; other `options` go to Playwright as
 * they are (a viewport, say).
 */
export async function launchChromium(
  profileDir,
  { extension = E2E_DIST.chrome, hostAccess = true, args = [], ...options } = {},
) {
  const loaded = hostAccess ? withHostAccess(extension) : extension;
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    ...options,
    args: [`--disable-extensions-except=${loaded}`, `--load-extension=${loaded}`, ...CHROMIUM_FLAGS, ...args],
  });
  if (hostAccess) context.on('close', () => rmSync(loaded, { recursive: true, force: true }));
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15000 }));
  if (hostAccess) {
    await waitFor('the content script to be registered', () =>
      worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length > 0),
    );
  }
  return context;
}

/**
 * Firefox preferences for the suites: optional permissions are granted without their prompt
 * (which a headless test cannot answer), so "Allow on all sites" is clicked as a user would.
 */
const FIREFOX_PREFS = { 'extensions.webextOptionalPermissionPrompts': false };

function geckodriverPath() {
  const candidates = [
    process.env.GECKODRIVER,
    ...(process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'geckodriver')),
    join(process.env.CARGO_HOME ?? join(homedir(), '.cargo'), 'bin', 'geckodriver'),
  ];
  const found = candidates.find((path) => path && existsSync(path));
  if (!found) throw new Error('geckodriver not found: run scripts/setup.sh (cargo install geckodriver)');
  return found;
}

/**
 * Firefox ESR, headless, driven by geckodriver with its privileged ("chrome") context allowed,
 * dist/e2e/firefox installed as a temporary add-on. `args` adds Firefox arguments (a window size),
 * `prefs` preferences (the UI's language: intl.locale.requested). Resolves to `{ driver, addonId }`.
 */
export async function launchFirefox({ args = [], prefs = {} } = {}) {
  const options = new firefox.Options()
    .setBinary(process.env.FIREFOX ?? '/usr/bin/firefox-esr')
    .addArguments('-headless', ...args);
  for (const [name, value] of Object.entries({ ...FIREFOX_PREFS, ...prefs })) options.setPreference(name, value);
  const service = new firefox.ServiceBuilder(geckodriverPath()).addArguments('--allow-system-access');
  const driver = await new Builder()
    .forBrowser('firefox')
    .setFirefoxOptions(options)
    .setFirefoxService(service)
    .build();
  const addonId = await driver.installAddon(E2E_DIST.firefox, true);
  return { driver, addonId };
}

/**
 * Firefox: opens the options page (`origin`: the extension's moz-extension:// origin) in a tab,
 * clicks "Allow on all sites" and waits for the grant and for the content script to be
 * registered from it. Returns the options page's access text before and after the click.
 */
export async function allowAllSitesFirefox(driver, origin) {
  const handle = await driver.getWindowHandle();
  await driver.switchTo().newWindow('tab');
  try {
    await driver.get(`${origin}/options.html`);
    const state = () => driver.findElement(By.id('access-state')).getText();
    const allow = await driver.findElement(By.id('access-all'));
    await waitFor('the access text', async () => (await state()) !== '…');
    const before = await state();
    await allow.click();
    await waitFor('the content script to be registered', () =>
      driver.executeAsyncScript(
        'const done = arguments[arguments.length - 1]; browser.scripting.getRegisteredContentScripts().then((s) => done(s.length > 0), () => done(false));',
      ),
    );
    await waitFor('the options page to show the grant', async () => !(await allow.isDisplayed()));
    return { before, after: await state() };
  } finally {
    await driver.close();
    await driver.switchTo().window(handle);
  }
}

/**
 * Firefox with the e2e build allowed on all sites, as a suite that drives pages needs it:
 * `privileged(body)` runs `body` (a function body) in the browser window's privileged scope with
 * `ExtensionParent` and `tabId` (the selected tab's WebExtension id) defined, `arguments[0]` the
 * add-on id; `inExtension(script, ...args)` runs an async script (it calls its last argument with
 * the result) in an extension page kept open in a second tab; `sendToContent(message)` sends a
 * runtime message from there to the selected tab's content script, and resolves to the reply.
 * `args` go to launchFirefox.
 */
export async function firefoxWithAccess({ args = [] } = {}) {
  const { driver, addonId } = await launchFirefox({ args });
  const pageHandle = await driver.getWindowHandle();
  async function privileged(body) {
    await driver.setContext('chrome');
    try {
      return await driver.executeScript(
        `const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
        const tabId = ExtensionParent.apiManager.global.tabTracker.getId(window.gBrowser.selectedTab);
        ${body}`,
        addonId,
      );
    } finally {
      await driver.setContext('content');
    }
  }
  const origin = await privileged(
    'return `moz-extension://${WebExtensionPolicy.getByID(arguments[0]).mozExtensionHostname}`;',
  );
  await allowAllSitesFirefox(driver, origin);
  await driver.switchTo().newWindow('tab');
  await driver.get(`${origin}/popup.html?tab=0`);
  const extensionHandle = await driver.getWindowHandle();
  await driver.switchTo().window(pageHandle);
  async function inExtension(script, ...scriptArgs) {
    await driver.switchTo().window(extensionHandle);
    try {
      return await driver.executeAsyncScript(script, ...scriptArgs);
    } finally {
      await driver.switchTo().window(pageHandle);
    }
  }
  async function sendToContent(message) {
    return inExtension(
      'const done = arguments[arguments.length - 1]; browser.tabs.sendMessage(arguments[0], arguments[1]).then(done, (e) => done({ ok: false, error: String(e) }));',
      await privileged('return tabId;'),
      message,
    );
  }
  return { driver, addonId, privileged, inExtension, sendToContent };
}

/** The shipped build's manifest, once both builds for `browser` are there. */
export function requireDist(browser) {
  for (const dist of [DIST, E2E_DIST]) {
    const manifest = join(dist[browser], 'manifest.json');
    if (!existsSync(manifest)) throw new Error(`${manifest} is missing: run \`make dist\` first`);
  }
  return JSON.parse(readFileSync(join(DIST[browser], 'manifest.json'), 'utf8'));
}

// The built manifests take the version from VERSION.
export const EXTENSION_VERSION = readVersion();
export const CORE_VERSION = /^version\s*=\s*"([^"]+)"/m.exec(readFileSync(join(ROOT, 'Cargo.toml'), 'utf8'))[1];

export const ARTICLE_PARAGRAPHS = ['p1', 'p2', 'p3', 'p4', 'p5'];

export function tempDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function waitFor(what, probe, { timeout = 15000, interval = 100 } = {}) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    last = await probe();
    if (last) return last;
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

// Runs in the page. Everything the assertions need, as plain data. Clutter is hidden, never
// detached: `adSlot`, `ad` and `trending` say whether each is there and shown.
export function readPage() {
  const html = document.documentElement;
  const shown = (element) => element !== null && element.checkVisibility();
  return {
    path: html.getAttribute('data-tidyread-path'),
    removals: html.getAttribute('data-tidyread-removals'),
    adSlot: shown(document.querySelector('.ad-slot')),
    ad: shown(document.getElementById('ad1')),
    trending: shown(document.getElementById('trending')),
    paragraphs: Array.from(document.querySelectorAll('#story p[id]'), (p) => [p.id, p.textContent]),
    outerHTML: html.outerHTML,
    before: window.__tidyreadTestBefore ?? null,
  };
}

// Runs in the page: whether the element `selector` finds is there and shown (tidyread hides
// clutter, it never detaches it).
export function isShown(selector) {
  const element = document.querySelector(selector);
  return element !== null && element.checkVisibility();
}

// Runs in the page: true once the content script has marked the page as decluttered.
export function isMarked() {
  return document.documentElement.hasAttribute('data-tidyread-path');
}

/** The page as the parser left it: ad, trending list and every paragraph there. */
export function assertUntouchedSource(page) {
  assert.ok(page.before, 'the page captured its markup before tidyread ran');
  assert.match(page.before, /class="ad-slot"/);
  for (const id of ARTICLE_PARAGRAPHS) assert.match(page.before, new RegExp(`id="${id}"`));
}

/** Decluttered by the core, through `path`: the ad block is gone, the article is whole. */
export function assertDecluttered(page, path) {
  assertUntouchedSource(page);
  assert.equal(page.path, path, `the core ran in: ${page.path}`);
  assert.ok(Number(page.removals) >= 1, `removals applied: ${page.removals}`);
  assert.equal(page.adSlot, false, 'the .ad-slot block is hidden');
  assert.equal(page.ad, false, '#ad1 is hidden');
  assert.deepEqual(
    page.paragraphs.map(([id]) => id),
    ARTICLE_PARAGRAPHS,
    'every article paragraph stays, in order',
  );
  for (const [id, text] of page.paragraphs) {
    assert.ok(page.before.includes(text), `paragraph ${id} keeps its text`);
  }
}

/** Restored: byte-identical to the page before the content script ran. */
export function assertRestored(page) {
  assertUntouchedSource(page);
  assert.equal(page.path, null, 'no tidyread marks left on <html>');
  assert.equal(page.ad, true, 'the ad shows again');
  assert.equal(page.outerHTML, page.before, 'document.documentElement.outerHTML is as before tidyread ran');
}

// The snapshot's conformance check: a page with every kind of record, parsed by the browser in
// an inert document (DOMParser: no scripts run, and the content script never sees it).
export const TRICKY_HTML =
  '<!DOCTYPE html><!-- c --><html lang="en"><head><title>Tïtle 😀</title>' +
  '<style>p{}</style><script>var x</script><script type=" Application/LD+JSON ">{"a":1}</script></head>' +
  '<body><p class=a data-X=\'1\'>x<b>y</b><!-- c2 --></p><svg viewBox="0 0 1 1"><path d="M0"/></svg>' +
  '<math><mi>x</mi></math><template><p>inside</p></template><p>é&nbsp;🎉</p></body></html>';

// What src/dom/snapshot.rs must read back from it; svg: and math: mark the namespaces.
export const TRICKY_EXPECTED =
  '<html lang="en"><head><title>Tïtle 😀</title><style></style><script></script>' +
  '<script type=" Application/LD+JSON ">{"a":1}</script></head><body><p class="a" data-x="1" Mixed="case">x<b>y</b></p>' +
  '<svg:svg viewBox="0 0 1 1"><svg:path d="M0"></svg:path></svg:svg><math:math><math:mi>x</math:mi></math:math>' +
  '<template></template><p>é\u00a0🎉</p></body></html>';

/** The page-side probe: `source` is SNAPSHOT_SOURCE; returns plain data. */
export function snapshotProbe(source) {
  return `return (function () {
    ${source}
    const doc = new DOMParser().parseFromString(${JSON.stringify(TRICKY_HTML)}, 'text/html');
    // A name no parser makes: upper case on an HTML element, which getAttribute cannot find.
    doc.querySelector('p').setAttributeNS(null, 'Mixed', 'case');
    const snap = TidyreadSnapshot.take(doc);
    const wire = TidyreadSnapshot.fromWire(TidyreadSnapshot.toWire(snap));
    return {
      words: Array.from(snap.words),
      strings: snap.strings,
      wireSame: wire.strings === snap.strings && wire.words.length === snap.words.length
        && wire.words.every((w, i) => w === snap.words[i]),
      nodes: snap.nodes.map((n) => n.nodeType === 1 ? n.localName : n.nodeName),
    };
  })();`;
}

/** extension/snapshot.js bundled into a script that defines `TidyreadSnapshot`, for the probe. */
export const SNAPSHOT_SOURCE = bundle('extension/snapshot.js', { globalName: 'TidyreadSnapshot' });

/**
 * A script that defines `tidyreadInPage`: the extension's snapshot (`take`...) and wasm loader
 * (`loadCore(wasmUrl)`), for a suite to evaluate in a page and call there.
 */
export const CORE_IN_PAGE = bundle('tests/e2e/core-in-page.mjs', { globalName: 'tidyreadInPage' });

/** Reads a snapshot as the Rust decoder does, and prints it as HTML (no escaping). */
export function renderSnapshot({ words, strings }) {
  const PREFIX = { 1: '', 2: 'svg:', 3: 'math:' };
  let at = 0;
  const take = (length) => strings.slice(at, (at += length));
  const nodes = [{ children: [] }];
  const names = ['#document'];
  for (let i = 0; i < words.length;) {
    const kind = words[i] & 0xf;
    const parent = nodes[words[i + 1]];
    assert.ok(parent?.children, `record at word ${i}: parent ${words[i + 1]} is an earlier element`);
    let node;
    if (kind === 4) {
      node = { text: take(words[i + 2]) };
      names.push('#text');
      i += 3;
    } else {
      assert.ok(kind in PREFIX, `record at word ${i}: kind ${kind}`);
      assert.equal((words[i] >> 4) & 0xf, 0, 'layout bits are 0 for now');
      const count = words[i] >>> 8;
      const name = take(words[i + 2]);
      const attrs = [];
      for (let a = 0; a < count; a++) attrs.push(` ${take(words[i + 3 + 2 * a])}="${take(words[i + 4 + 2 * a])}"`);
      node = { open: `<${PREFIX[kind]}${name}${attrs.join('')}>`, close: `</${PREFIX[kind]}${name}>`, children: [] };
      names.push(name);
      i += 3 + 2 * count;
    }
    parent.children.push(node);
    nodes.push(node);
  }
  assert.equal(at, strings.length, 'no strings left over');
  const print = (node) => node.text ?? `${node.open}${node.children.map(print).join('')}${node.close}`;
  return { html: nodes[0].children.map(print).join(''), names };
}

/** The wasm package, loaded in Node as extension/core.js loads it (initSync on the bytes). */
export async function loadCore() {
  const core = await import(pathToFileURL(join(ROOT, 'pkg', 'tidyread.js')).href);
  core.initSync({ module: readFileSync(join(ROOT, 'pkg', 'tidyread_bg.wasm')) });
  return core;
}

/** Every check on a snapshot of TRICKY_HTML taken in a browser. */
export async function assertTrickySnapshot(result) {
  assert.ok(result.wireSame, 'toWire then fromWire gives the same words and strings');
  const { html, names } = renderSnapshot(result);
  assert.equal(html, TRICKY_EXPECTED);
  assert.deepEqual(result.nodes, names, 'nodes[i] is the live node of record i, nodes[0] the document');
  const analysis = (await loadCore()).analyze(Uint32Array.from(result.words), result.strings, {});
  assert.ok(Array.isArray(analysis.removals), 'the core decodes the snapshot');
}

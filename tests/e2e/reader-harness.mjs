// What the reader view's Chromium suites share: a browser with the extension, offline, whose
// pictures on other hosts are answered with drawings of the size their address names (or one of
// a few sizes), so that the view's pictures load and have natural sizes;
// the messages that open the view and read what it shows; clicks on its controls; and scripts
// run in the content script's own world (Chrome DevTools Protocol), which can open the view's
// closed shadow root (chrome.dom.openOrClosedShadowRoot) for axe-core and for stubs.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT, launchChromium, waitFor } from './support.mjs';

export const ARTIFACTS = join(ROOT, 'target', 'e2e-artifacts');
// A picture whose address names no size gets one of these, by its address: an icon, a small
// picture, a square logo, a photo wider than any column.
const UNNAMED_SIZES = [
  [120, 90],
  [300, 200],
  [600, 600],
  [1600, 1000],
];
const PICTURE_PATH = /\.(?:jpe?g|png|gif|webp|avif)$/i;

/** The size a picture's address names (`-640x427.jpg`), else one of UNNAMED_SIZES by its address. */
export function pictureSize(url) {
  const m = /(\d{2,4})x(\d{2,4})(?=[^/]*$)/.exec(new URL(url).pathname);
  if (m) return [Number(m[1]), Number(m[2])];
  let hash = 0;
  for (const c of url) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
  return UNNAMED_SIZES[hash % UNNAMED_SIZES.length];
}

const drawing = ([w, h]) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">` +
  `<rect width="${w}" height="${h}" fill="#9aa8b5"/><path d="M0 ${h} L${w / 2} ${h / 3} L${w} ${h}z" fill="#5d6d7e"/></svg>`;

/**
 * Answers the pictures of every host but the local server's with a drawing of the size their
 * address names (`-640x427.jpg`; else a large one); anything else there fails as offline.
 */
export function servePictures(context) {
  return context.route(
    (url) => /^https?:$/.test(url.protocol) && !['127.0.0.1', 'localhost'].includes(url.hostname),
    (route) => {
      const url = route.request().url();
      if (!PICTURE_PATH.test(new URL(url).pathname)) return route.abort('namenotresolved');
      return route.fulfill({ status: 200, contentType: 'image/svg+xml', body: drawing(pictureSize(url)) });
    },
  );
}

/**
 * Chromium with the extension (dist/e2e), offline but for the local test server. `requests`
 * gets every URL the browser asks for, pictures included.
 */
export async function startBrowser(profileDir, { viewport = { width: 1100, height: 800 }, args = [] } = {}) {
  const context = await launchChromium(profileDir, {
    viewport,
    args: ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost', ...args],
  });
  const requests = [];
  context.on('request', (request) => requests.push(request.url()));
  await servePictures(context);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15000 }));
  const extensionId = new URL(worker.url()).host;
  await worker.evaluate(() => {
    globalThis.testTabs = new Map();
    chrome.runtime.onMessage.addListener((message, sender) => {
      if (message?.type === 'content->background/status' && sender.tab)
        globalThis.testTabs.set(sender.url, sender.tab.id);
      return false;
    });
  });
  return new ReaderBrowser(context, worker, extensionId, requests);
}

class ReaderBrowser {
  constructor(context, worker, extensionId, requests) {
    Object.assign(this, { context, worker, extensionId, requests });
  }

  setSettings(settings) {
    return this.worker.evaluate((s) => chrome.storage.sync.set({ settings: s }), settings);
  }

  /** Opens `url` in a new page; resolves once its content script has reported. */
  async open(url, { viewport } = {}) {
    const page = await this.context.newPage();
    if (viewport) await page.setViewportSize(viewport);
    await this.worker.evaluate((u) => globalThis.testTabs.delete(u), url);
    await page.goto(url);
    const tabId = await waitFor(`the content script of ${url}`, () =>
      this.worker.evaluate((u) => globalThis.testTabs.get(u), url),
    );
    return new ReaderPage(this, page, tabId);
  }

  close() {
    return this.context.close();
  }
}

const AXE_SOURCE = () => readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

class ReaderPage {
  constructor(browser, page, tabId) {
    Object.assign(this, { browser, page, tabId, cdp: null, world: null });
  }

  /** What the view shows (the content script's `background->content/reader-state`). */
  async state(layout = false) {
    const reply = await this.browser.worker.evaluate(
      ({ id, layout }) => chrome.tabs.sendMessage(id, { type: 'background->content/reader-state', layout }),
      { id: this.tabId, layout },
    );
    assert.equal(reply.ok, true, JSON.stringify(reply));
    return reply.reader;
  }

  /** The toolbar button, as a click on it reaches the background. */
  clickAction() {
    return this.browser.worker.evaluate(
      async (id) => chrome.action.onClicked.dispatch(await chrome.tabs.get(id)),
      this.tabId,
    );
  }

  waitOpen(open = true) {
    return waitFor(`the reader view to ${open ? 'open' : 'close'}`, async () => {
      const state = await this.state(true);
      return state.readerOpen === open && state;
    });
  }

  /** Opens the view with the toolbar button and waits for it. */
  async openReader() {
    await this.clickAction();
    return this.waitOpen();
  }

  /**
   * Clicks the control `set`/`value` (data-set, data-step, data-action or data-narrate, and its
   * value or panel) with the mouse; a control in a closed panel gets its panel opened first.
   */
  async click(set, value = null) {
    const find = (controls) => controls.find((c) => c.set === set && (value === null || c.value === value));
    let control = find((await this.state(true)).controls);
    assert.ok(control, `a control for ${set} ${value ?? ''}`);
    if (!control.visible) {
      const panel = set === 'save-html' || set === 'print' || /markdown/.test(set) ? 'save' : 'settings';
      await this.click('panel', panel);
      control = await waitFor(`${set} to show`, async () => {
        const c = find((await this.state(true)).controls);
        return c?.visible && c;
      });
    }
    await this.page.mouse.click(control.x, control.y);
  }

  /**
   * Runs `fn(arg)` in the content script's world (an isolated world: the page's scripts never
   * see what runs there), where `root` is the view's shadow root. Returns its value.
   */
  async inContentScript(fn, arg = null) {
    if (this.cdp === null) {
      this.cdp = await this.page.context().newCDPSession(this.page);
      this.contexts = [];
      this.cdp.on('Runtime.executionContextCreated', ({ context }) => this.contexts.push(context));
      this.cdp.on('Runtime.executionContextsCleared', () => {
        this.contexts = [];
      });
      await this.cdp.send('Runtime.enable');
    }
    const origin = `chrome-extension://${this.browser.extensionId}`;
    const context = await waitFor('the content script world', () =>
      this.contexts.findLast((c) => c.origin === origin && c.auxData?.type === 'isolated'),
    );
    const expression = `(async () => {
      const host = document.querySelector('tidyread-reader');
      const root = host ? chrome.dom.openOrClosedShadowRoot(host) : null;
      return (${fn})(root, ${JSON.stringify(arg)});
    })()`;
    const { result, exceptionDetails } = await this.cdp.send('Runtime.evaluate', {
      expression,
      contextId: context.id,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails)
      throw new Error(
        `in the content script: ${JSON.stringify(exceptionDetails.exception?.description ?? exceptionDetails.text)}`,
      );
    return result.value;
  }

  /**
   * axe-core over the open view, in the content script's world: the view's host answers
   * `shadowRoot` there only, so axe walks the closed root as an open one. Returns the
   * violations as {id, impact, help, nodes: [target...]}.
   */
  async axe() {
    await this.inContentScript(`(() => { if (!globalThis.axe) { ${AXE_SOURCE()}\n } return true; })`);
    return this.inContentScript(async (root) => {
      const host = root.host;
      Object.defineProperty(host, 'shadowRoot', { configurable: true, get: () => root });
      try {
        const result = await globalThis.axe.run(host, { resultTypes: ['violations'] });
        return result.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes.map((n) => n.target.join(' ')),
        }));
      } finally {
        delete host.shadowRoot;
      }
    });
  }
}

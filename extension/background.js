// The background: badge, toolbar action (the reader view), keyboard shortcut, the popup's menu
// entry, where the content script runs, and the core for pages whose CSP keeps wasm out of the
// content script.
//
// Bundled with the modules it imports into one classic script (scripts/bundle.mjs): Firefox's
// event page (the manifest's `background.scripts`) and Chrome's service worker load the same file.
//
// Least privilege: the manifest asks for no host access. A click on the button (or the shortcut,
// or the button's menu) grants `activeTab` for that tab, and the content script is injected then.
// Only where the user has granted host access (optional_host_permissions, asked for in the popup
// or the options page) does it run by itself as pages load, for decluttering and the automatic
// reader view: registered here for exactly the granted origins.
import { actionIcon, badgeText } from './action.js';
import { coreLoader } from './core.js';
import * as ext from './ext.js';
import { listen, toTab } from './messages.js';
import { loadHidden, onHiddenChange } from './settings.js';
import { fromWire } from './snapshot.js';

// The content script: one bundled file (scripts/bundle.mjs), in the top frame of a page.
const CONTENT_SCRIPT = {
  id: 'tidyread-content',
  js: ['content.js'],
  // Early, to load and warm up the wasm while the page loads (content.js waits for the DOM).
  runAt: 'document_start',
};
// On the sites with parts hidden by hand, the script that holds the first paint until the
// content script has hidden them (first-paint.js).
const PAINT_HOLD_SCRIPT = { id: 'tidyread-paint-hold', js: ['paint-hold.js'], runAt: 'document_start' };
// Host access patterns that are web pages (the browser may list others, e.g. its own schemes).
const PAGE_ORIGIN = /^(\*|https?):\/\//;
const DOMAIN_NAME = /^(?=.*[a-z])[a-z0-9-]+(\.[a-z0-9-]+)*$/;

// A site's hidden parts apply on the site and its subdomains (settings.js's hostChain).
const sitePatterns = (site) => [`*://${site}/*`, ...(DOMAIN_NAME.test(site) ? [`*://*.${site}/*`] : [])];

// Registers the content script for the granted page origins, and the paint hold for the sites with
// hidden parts where the content script runs; one update at a time, so that a start, a grant and
// a change of the hidden parts arriving together cannot register them twice.
let registering = Promise.resolve();
function followAccessAndHiddenParts() {
  registering = registering
    .then(async () => {
      const origins = (await ext.grantedOrigins()).filter((o) => PAGE_ORIGIN.test(o));
      await ext.registerContentScript(CONTENT_SCRIPT, origins);
      const sites = origins.length === 0 ? [] : Object.keys(await loadHidden());
      // Sorted, as the browser gives them back: an unchanged registration is left as it is.
      await ext.registerContentScript(PAINT_HOLD_SCRIPT, sites.flatMap(sitePatterns).sort());
    })
    .catch((error) => console.error('tidyread: registering the content scripts:', error));
  return registering;
}

// Injects the content script into a tab that does not have it yet (after a click: activeTab).
// Returns whether it had to.
async function ensureContent(tabId) {
  try {
    await toTab(tabId, 'background->content/ping');
    return false;
  } catch {
    await ext.injectFiles(tabId, CONTENT_SCRIPT.js);
    return true;
  }
}

// The extension's CSP allows 'wasm-unsafe-eval', so the wasm always compiles here; a failed load
// is tried again on the next message.
const loadCore = coreLoader(ext.url('pkg/tidyread_bg.wasm'), { retry: true });

// Both are the tab's own: the browsers drop them when the tab navigates.
async function showStatus(tabId, status) {
  await Promise.all([ext.setBadge(tabId, badgeText(status)), ext.setIcon(tabId, actionIcon(status))]);
}

function tabOf(sender) {
  const tabId = sender.tab?.id;
  if (typeof tabId !== 'number') throw new Error('the message did not come from a tab');
  return tabId;
}

// Listeners are registered at the top level, as Chrome's service worker requires.
listen('background', {
  // The same analyze, from the same package, on the content script's own snapshot: the same
  // decisions by construction, applied there with its table of live nodes.
  'content->background/analyze': async (message) => {
    const { words, strings } = fromWire(message.snapshot);
    const wasm = await loadCore();
    return { analysis: wasm.analyze(words, strings, message.options) };
  },
  'content->background/selector': async (message) => {
    const { words, strings } = fromWire(message.snapshot);
    const selector = (await loadCore()).stableSelector(words, strings, message.node);
    return selector === undefined ? {} : { selector };
  },
  'content->background/status': async (message, sender) => {
    await showStatus(tabOf(sender), message.status);
    return {};
  },
  'content->background/insert-css': async (message, sender) => {
    await ext.insertUserCss(tabOf(sender), sender.frameId ?? 0, message.css);
    return {};
  },
  'content->background/remove-css': async (message, sender) => {
    await ext.removeUserCss(tabOf(sender), sender.frameId ?? 0, message.css);
    return {};
  },
  // The popup, opened from the button's menu (which grants activeTab), shows the tab's status.
  'popup->background/ensure-content': async (message) => ({ injected: await ensureContent(message.tabId) }),
  'popup->background/core-version': async () => ({ core: (await loadCore()).version() }),
  'options->background/core-version': async () => ({ core: (await loadCore()).version() }),
});

// The toolbar button and the keyboard shortcut open or close the reader view in the tab.
// No default_popup in the manifest, so that a click reaches onClicked.
// A content script injected by this click opens the view (its automatic mode may have opened
// it already): the user asked for the reader, never for it to close.
async function toggleReader(tab) {
  try {
    const injected = await ensureContent(tab.id);
    await toTab(tab.id, injected ? 'background->content/reader-show' : 'background->content/reader-toggle');
  } catch (error) {
    // Pages no extension may script (browser pages, the stores) have no reader view.
    console.warn(`tidyread: reader view in tab ${tab?.id}:`, error);
  }
}

ext.onActionClicked(toggleReader);
ext.onCommand((name, tab) => {
  if (name === 'toggle-reader' && tab) toggleReader(tab);
});

// The popup (per-site switches, removed clutter) from the toolbar button's context menu: the
// action is given the popup for that tab, opened, and given back, so a plain click still
// toggles the reader. Where a popup cannot open (no window focused, a browser refusing), the
// same page opens in a tab, for the same tab.
const POPUP = 'popup.html';
function showPopup(tab) {
  if (!tab || typeof tab.id !== 'number') return;
  ext.openPopupOnce(tab.id, `${POPUP}?tab=${tab.id}`).catch((error) => {
    console.warn('tidyread: the popup did not open; opening it in a tab', error);
    ext.openTab(ext.url(`${POPUP}?tab=${tab.id}`)).catch(() => {});
  });
}
ext.addActionMenu('site-settings', ext.i18n('menuSiteSettings'), showPopup).catch((error) => {
  console.warn('tidyread: no context menu on the toolbar button', error);
});

// Hiding parts of the page by hand, from the same menu (the click grants activeTab).
async function pick(tab) {
  try {
    await ensureContent(tab.id);
    await toTab(tab.id, 'background->content/pick');
  } catch (error) {
    console.warn(`tidyread: picking in tab ${tab?.id}:`, error);
  }
}
ext.addActionMenu('pick', ext.i18n('menuPick'), pick).catch((error) => {
  console.warn('tidyread: no context menu entry to hide parts of a page', error);
});

// The first run: a page that shows the button, the shortcut and the menu, and asks where
// tidyread may clean pages as they load. Not for a development copy loaded for a while (Firefox's
// temporary add-ons), which is installed again on every load.
ext.onInstalled((reason, temporary) => {
  if (reason === 'install' && !temporary) ext.openTab(ext.url('welcome.html')).catch(() => {});
});

ext.onOriginsChanged(followAccessAndHiddenParts);
onHiddenChange(followAccessAndHiddenParts);
followAccessAndHiddenParts();

ext.setBadgeColor('#4a5568').catch(() => {});

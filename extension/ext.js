// The one file that touches the WebExtension API: everything else imports what it needs from here
// (messages.js carries the runtime messages over onMessage and sendMessage).
//
// Firefox names the API `browser`, Chrome `chrome`; in Manifest V3 both return promises for the
// calls used here. It is read when a function is called, so that tests in Node can import the
// modules that use this one.
const api = () => globalThis.browser ?? globalThis.chrome;

// Tries at opening the popup while a menu closes (see openPopupOnce): 5 × 100 ms is longer than a
// menu's closing animation, and short enough not to feel lost.
const POPUP_ATTEMPTS = 5;
const POPUP_RETRY_MS = 100;

/** This extension's id: a message from any other sender is not ours to answer. */
export const extensionId = () => api().runtime.id;

/** Calls `listener(message, sender, sendResponse)` for every runtime message (see messages.js). */
export function onMessage(listener) {
  api().runtime.onMessage.addListener(listener);
}

/** Sends `message` to the background (from a content script or an extension page). */
export function sendToBackground(message) {
  return api().runtime.sendMessage(message);
}

/** Sends `message` to the content script of one tab. */
export function sendToTab(tabId, message) {
  return api().tabs.sendMessage(tabId, message);
}

const HTML_NS = 'http://www.w3.org/1999/xhtml';

/**
 * An element's shadow root, open or closed: a content script may see closed ones (Chrome's
 * `dom.openOrClosedShadowRoot`, Firefox's `openOrClosedShadowRoot` property), which a page's
 * own scripts cannot. Looked for on HTML custom elements only, where closed roots live: the call
 * crosses into the browser, and a snapshot asks it of every element. Chrome's call throws on an
 * element of another namespace with a hyphen in its name (MathML's annotation-xml, SVG's
 * font-face).
 */
export function shadowRootOf(element) {
  const open = element.shadowRoot;
  if (open !== null || !element.localName.includes('-') || element.namespaceURI !== HTML_NS) return open;
  if ('openOrClosedShadowRoot' in element) return element.openOrClosedShadowRoot ?? null;
  return api().dom?.openOrClosedShadowRoot(element) ?? null;
}

export const url = (path) => api().runtime.getURL(path);
export const manifest = () => api().runtime.getManifest();
/** A message of _locales (`substitutions`: a string or an array of them, for $1, $2...). */
export const i18n = (key, substitutions) => api().i18n.getMessage(key, substitutions);

export async function activeTab() {
  const [tab] = await api().tabs.query({ active: true, currentWindow: true });
  return tab;
}

export function onActionClicked(listener) {
  api().action.onClicked.addListener(listener);
}

/** Calls `listener(name, tab)` for a keyboard shortcut of the manifest's `commands`. */
export function onCommand(listener) {
  api().commands.onCommand.addListener(listener);
}

/**
 * Shows `popup` (a page of the extension) for one tab once: both browsers open a popup only
 * from the action, so the action gets it for that tab, opens it, and gives it back.
 */
export async function openPopupOnce(tabId, popup) {
  const set = api().action.setPopup({ tabId, popup });
  // Firefox opens a popup only while the user's click is being handled, unless no other panel
  // is open: no `await` may come before this first call. Both browsers apply the two calls in
  // order.
  let opened = api().action.openPopup();
  try {
    await set;
    for (let attempt = 1; ; attempt++) {
      try {
        await opened;
        return;
      } catch (error) {
        // Firefox refuses while the menu the user chose from (or the extensions panel it was
        // opened from) is still closing: "openPopup() cannot be called while another panel
        // is open". Firefox 153 opens it without the click once they are gone.
        if (attempt >= POPUP_ATTEMPTS || !/another panel is open/.test(String(error?.message))) throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, POPUP_RETRY_MS));
      opened = api().action.openPopup();
    }
  } finally {
    await api().action.setPopup({ tabId, popup: '' });
  }
}

/**
 * Calls `listener(reason, temporary)` once the extension is installed ("install") or updated
 * ("update"); `temporary`: loaded for development (Firefox's about:debugging, web-ext run).
 */
export function onInstalled(listener) {
  api().runtime.onInstalled.addListener((details) => listener(details.reason, details.temporary === true));
}

/** The keyboard shortcut of the manifest's command `name`, as the browser shows it ('' if none). */
export async function shortcutOf(name) {
  const commands = await api().commands.getAll();
  return commands.find((c) => c.name === name)?.shortcut ?? '';
}

export function openTab(url) {
  return api().tabs.create({ url });
}

/**
 * Adds an entry to the menu of the toolbar button (contexts ["action"]); `onClick(tab)` runs
 * when it is chosen. Created again on every start: Chrome keeps the menus of a previous
 * start, so the old one is removed first.
 */
export async function addActionMenu(id, title, onClick) {
  // Firefox has `menus` (with `contextMenus` as an alias), Chrome `contextMenus`.
  const menus = api().menus ?? api().contextMenus;
  menus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === id) onClick(tab);
  });
  await menus.remove(id).catch(() => {});
  // Errors (a duplicate id after a race with another start) come through lastError.
  menus.create({ id, title, contexts: ['action'] }, () => void api().runtime.lastError);
}

// ---- Host access: where the extension may run by itself (optional_host_permissions) ----

/** The page origins the user has let the extension run on by itself ("*://host/*" patterns). */
export async function grantedOrigins() {
  const { origins = [] } = await api().permissions.getAll();
  return origins;
}

export function hasOrigins(origins) {
  return api().permissions.contains({ origins });
}

/**
 * Asks the user for `origins`. Both browsers need this during a click: call it first thing in
 * the handler, before any `await`. Resolves to whether the user agreed.
 */
export function requestOrigins(origins) {
  return api().permissions.request({ origins });
}

export function removeOrigins(origins) {
  return api().permissions.remove({ origins });
}

/** Calls `listener()` when host access is granted or taken back (here or in the browser's UI). */
export function onOriginsChanged(listener) {
  api().permissions.onAdded.addListener(listener);
  api().permissions.onRemoved.addListener(listener);
}

// ---- Content scripts ----

/** Runs the extension's `files`, in order, in the tab's top frame (needs host access or activeTab). */
export async function injectFiles(tabId, files) {
  await api().scripting.executeScript({ target: { tabId }, files });
}

/**
 * Makes the one content script `script` ({id, js, runAt}) run on `matches` as pages load from
 * now on, across restarts; no matches unregisters it.
 */
export async function registerContentScript(script, matches) {
  const registered = await api().scripting.getRegisteredContentScripts({ ids: [script.id] });
  if (matches.length === 0) {
    if (registered.length > 0) await api().scripting.unregisterContentScripts({ ids: [script.id] });
    return;
  }
  const wanted = { ...script, matches, persistAcrossSessions: true };
  if (registered.length === 0) {
    await api().scripting.registerContentScripts([wanted]);
    return;
  }
  // Chrome's worker starts often: an unchanged registration is left as it is.
  const same = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);
  const [current] = registered;
  if (same(current.matches ?? [], matches) && same(current.js ?? [], script.js) && current.runAt === script.runAt)
    return;
  await api().scripting.updateContentScripts([wanted]);
}

/**
 * Inserts `css` into one frame of a tab as a user-origin sheet: its `!important` rules beat every
 * rule of the page, and the page's scripts cannot see it (not in document.styleSheets).
 */
export async function insertUserCss(tabId, frameId, css) {
  await api().scripting.insertCSS({ target: { tabId, frameIds: [frameId] }, css, origin: 'USER' });
}

/** Takes out a sheet `insertUserCss` inserted (the same text). */
export async function removeUserCss(tabId, frameId, css) {
  await api().scripting.removeCSS({ target: { tabId, frameIds: [frameId] }, css, origin: 'USER' });
}

export async function setBadge(tabId, text) {
  await api().action.setBadgeText({ tabId, text });
}

/** The toolbar button's icon in one tab: `path` maps sizes in px to files of the extension. */
export async function setIcon(tabId, path) {
  await api().action.setIcon({ tabId, path });
}

export async function setBadgeColor(color) {
  await api().action.setBadgeBackgroundColor({ color });
}

/** One value from storage.sync (undefined when absent). Settings live there, so they follow the user. */
export async function syncGet(key) {
  const got = await api().storage.sync.get(key);
  return got[key];
}

export function syncSet(key, value) {
  return api().storage.sync.set({ [key]: value });
}

/** Several values from storage.sync as one object (`keys`: a list, or null for everything). */
export function syncGetMany(keys) {
  return api().storage.sync.get(keys);
}

export function syncRemove(keys) {
  return api().storage.sync.remove(keys);
}

/** Calls `listener()` when another context changes a key of storage.sync that `test(key)` accepts. */
export function onSyncKeysChanged(test, listener) {
  api().storage.onChanged.addListener((changes, area) => {
    if (area === 'sync' && Object.keys(changes).some(test)) listener();
  });
}

/** Calls `listener(newValue)` when another context changes `key` in storage.sync. */
export function onSyncChanged(key, listener) {
  api().storage.onChanged.addListener((changes, area) => {
    if (area === 'sync' && key in changes) listener(changes[key].newValue);
  });
}

// The one file that touches the WebExtension API. Everything else goes through `ext`.
//
// Firefox names the API `browser`, Chrome `chrome`; in Manifest V3 both return promises for the
// calls used here. A plain script defining one global, so that content scripts, the background
// (importScripts in Chrome's worker, a script list in Firefox's event page) and the extension's
// pages all load it the same way.
//
// Messages are `{type: "<from>-><to>/<verb>", ...}` and every reply is `{ok: true, ...}` or
// `{ok: false, error}`. A receiver answers only types addressed to it, from this extension.
(function () {
  'use strict';

  const api = globalThis.browser ?? globalThis.chrome;

  const TYPE = /^([a-z]+)->([a-z]+)\/[a-z-]+$/;
  // Tries at opening the popup while a menu closes (see openPopupOnce): 5 × 100 ms is longer
  // than a menu's closing animation, and short enough not to feel lost.
  const POPUP_ATTEMPTS = 5;
  const POPUP_RETRY_MS = 100;

  function check(type, from) {
    const m = TYPE.exec(type);
    if (m === null || m[1] !== from) throw new Error(`bad message type ${JSON.stringify(type)} for sender ${from}`);
  }

  async function expectOk(reply, type) {
    const answer = await reply;
    if (answer === undefined || answer === null) throw new Error(`${type}: no reply`);
    if (answer.ok !== true) throw new Error(`${type}: ${answer.error ?? 'failed'}`);
    return answer;
  }

  // One runtime listener per role, over every handler registered for it: a second listener
  // would answer "no handler" to the first one's messages (the first reply wins).
  const roles = new Map();

  /**
   * Answers messages addressed to `role` ("background", "content", ...). `handlers` maps a full
   * type to `(message, sender) => value or promise of value`; the value is spread into the reply.
   * Several scripts of one context may each register their own types; a type registered twice
   * is an error.
   */
  function listen(role, handlers) {
    let known = roles.get(role);
    if (known === undefined) {
      known = new Map();
      roles.set(role, known);
      api.runtime.onMessage.addListener((message, sender, sendResponse) => {
        if (sender.id !== api.runtime.id) return false;
        const type = message !== null && typeof message === 'object' ? message.type : undefined;
        const m = typeof type === 'string' ? TYPE.exec(type) : null;
        if (m === null || m[2] !== role) return false;
        const handler = known.get(type);
        if (handler === undefined) {
          sendResponse({ ok: false, error: `${role} has no handler for ${type}` });
          return false;
        }
        Promise.resolve()
          .then(() => handler(message, sender))
          .then(
            (value) => sendResponse({ ok: true, ...value }),
            (error) => sendResponse({ ok: false, error: String(error?.message ?? error) }),
          );
        return true; // the reply comes later
      });
    }
    for (const [type, handler] of Object.entries(handlers)) {
      const m = TYPE.exec(type);
      if (m === null || m[2] !== role) throw new Error(`bad handler type ${JSON.stringify(type)} for ${role}`);
      if (known.has(type)) throw new Error(`${type} has a handler already`);
      known.set(type, handler);
    }
  }

  globalThis.ext = Object.freeze({
    listen,

    /** Sends to the background (from a content script or an extension page). */
    toBackground(from, verb, payload = {}) {
      const type = `${from}->background/${verb}`;
      check(type, from);
      return expectOk(api.runtime.sendMessage({ ...payload, type }), type);
    },

    /** Sends to the content script of one tab. */
    toTab(tabId, from, verb, payload = {}) {
      const type = `${from}->content/${verb}`;
      check(type, from);
      return expectOk(api.tabs.sendMessage(tabId, { ...payload, type }), type);
    },

    url: (path) => api.runtime.getURL(path),
    manifest: () => api.runtime.getManifest(),
    /** A message of _locales (`substitutions`: a string or an array of them, for $1, $2...). */
    i18n: (key, substitutions) => api.i18n.getMessage(key, substitutions),
    uiLanguage: () => api.i18n.getUILanguage(),

    async activeTab() {
      const [tab] = await api.tabs.query({ active: true, currentWindow: true });
      return tab;
    },

    onActionClicked(listener) {
      api.action.onClicked.addListener(listener);
    },

    /** Calls `listener(name, tab)` for a keyboard shortcut of the manifest's `commands`. */
    onCommand(listener) {
      api.commands.onCommand.addListener(listener);
    },

    /**
     * Shows `popup` (a page of the extension) for one tab once: both browsers open a popup only
     * from the action, so the action gets it for that tab, opens it, and gives it back.
     */
    async openPopupOnce(tabId, popup) {
      const set = api.action.setPopup({ tabId, popup });
      // Firefox opens a popup only while the user's click is being handled, unless no other panel
      // is open: no `await` may come before this first call. Both browsers apply the two calls in
      // order.
      let opened = api.action.openPopup();
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
          opened = api.action.openPopup();
        }
      } finally {
        await api.action.setPopup({ tabId, popup: '' });
      }
    },

    openTab(url) {
      return api.tabs.create({ url });
    },

    /**
     * Adds an entry to the menu of the toolbar button (contexts ["action"]); `onClick(tab)` runs
     * when it is chosen. Created again on every start: Chrome keeps the menus of a previous
     * start, so the old one is removed first.
     */
    async addActionMenu(id, title, onClick) {
      // Firefox has `menus` (with `contextMenus` as an alias), Chrome `contextMenus`.
      const menus = api.menus ?? api.contextMenus;
      menus.onClicked.addListener((info, tab) => {
        if (info.menuItemId === id) onClick(tab);
      });
      await menus.remove(id).catch(() => {});
      // Errors (a duplicate id after a race with another start) come through lastError.
      menus.create({ id, title, contexts: ['action'] }, () => void api.runtime.lastError);
    },

    // ---- Host access: where the extension may run by itself (optional_host_permissions) ----

    /** The page origins the user has let the extension run on by itself ("*://host/*" patterns). */
    async grantedOrigins() {
      const { origins = [] } = await api.permissions.getAll();
      return origins;
    },

    hasOrigins(origins) {
      return api.permissions.contains({ origins });
    },

    /**
     * Asks the user for `origins`. Both browsers need this during a click: call it first thing in
     * the handler, before any `await`. Resolves to whether the user agreed.
     */
    requestOrigins(origins) {
      return api.permissions.request({ origins });
    },

    removeOrigins(origins) {
      return api.permissions.remove({ origins });
    },

    /** Calls `listener()` when host access is granted or taken back (here or in the browser's UI). */
    onOriginsChanged(listener) {
      api.permissions.onAdded.addListener(listener);
      api.permissions.onRemoved.addListener(listener);
    },

    // ---- Content scripts ----

    /** Runs the extension's `files`, in order, in the tab's top frame (needs host access or activeTab). */
    async injectFiles(tabId, files) {
      await api.scripting.executeScript({ target: { tabId }, files });
    },

    /**
     * Makes the one content script `script` ({id, js, runAt}) run on `matches` as pages load from
     * now on, across restarts; no matches unregisters it.
     */
    async registerContentScript(script, matches) {
      const registered = await api.scripting.getRegisteredContentScripts({ ids: [script.id] });
      if (matches.length === 0) {
        if (registered.length > 0) await api.scripting.unregisterContentScripts({ ids: [script.id] });
        return;
      }
      const wanted = { ...script, matches, persistAcrossSessions: true };
      if (registered.length === 0) {
        await api.scripting.registerContentScripts([wanted]);
        return;
      }
      // Chrome's worker starts often: an unchanged registration is left as it is.
      const same = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);
      const [current] = registered;
      if (same(current.matches ?? [], matches) && same(current.js ?? [], script.js) && current.runAt === script.runAt)
        return;
      await api.scripting.updateContentScripts([wanted]);
    },

    async setBadge(tabId, text) {
      await api.action.setBadgeText({ tabId, text });
    },

    async setBadgeColor(color) {
      await api.action.setBadgeBackgroundColor({ color });
    },

    /** One value from storage.sync (undefined when absent). Settings live there, so they follow the user. */
    async syncGet(key) {
      const got = await api.storage.sync.get(key);
      return got[key];
    },

    syncSet(key, value) {
      return api.storage.sync.set({ [key]: value });
    },

    /** Calls `listener(newValue)` when another context changes `key` in storage.sync. */
    onSyncChanged(key, listener) {
      api.storage.onChanged.addListener((changes, area) => {
        if (area === 'sync' && key in changes) listener(changes[key].newValue);
      });
    },

    async getSetting(key, fallback) {
      const got = await api.storage.local.get({ [key]: fallback });
      return got[key];
    },

    setSetting(key, value) {
      return api.storage.local.set({ [key]: value });
    },
  });
})();

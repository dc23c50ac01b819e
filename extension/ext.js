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

  /**
   * Answers messages addressed to `role` ("background", "content", ...). `handlers` maps a full
   * type to `(message, sender) => value or promise of value`; the value is spread into the reply.
   */
  function listen(role, handlers) {
    api.runtime.onMessage.addListener((message, sender, sendResponse) => {
      if (sender.id !== api.runtime.id) return false;
      const type = message !== null && typeof message === 'object' ? message.type : undefined;
      const m = typeof type === 'string' ? TYPE.exec(type) : null;
      if (m === null || m[2] !== role) return false;
      const handler = handlers[type];
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
    i18n: (key) => api.i18n.getMessage(key),

    async activeTab() {
      const [tab] = await api.tabs.query({ active: true, currentWindow: true });
      return tab;
    },

    onActionClicked(listener) {
      api.action.onClicked.addListener(listener);
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

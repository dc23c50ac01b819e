// The background: badge, toolbar action, and the core for pages whose CSP keeps wasm out of the
// content script.
//
// Loaded after ext.js, snapshot.js and pkg/tidyread.js: by Firefox's event page from the
// manifest's `background.scripts`, and by Chrome's service worker through the importScripts line
// that scripts/build-extension.mjs writes from the same list.
(function () {
  'use strict';

  let core = null;

  // The extension's CSP allows 'wasm-unsafe-eval', so the wasm always compiles here.
  function loadCore() {
    core ??= (async () => {
      const response = await fetch(ext.url('pkg/tidyread_bg.wasm'));
      if (!response.ok) throw new Error(`fetching the wasm: HTTP ${response.status}`);
      wasm_bindgen.initSync({ module: await response.arrayBuffer() });
      return wasm_bindgen;
    })();
    core.catch(() => {
      core = null; // let the next message try again
    });
    return core;
  }

  function badgeText(status) {
    return status.enabled && status.removals > 0 ? String(status.removals) : '';
  }

  async function showStatus(tabId, status) {
    await ext.setBadge(tabId, badgeText(status));
  }

  function tabOf(sender) {
    const tabId = sender.tab?.id;
    if (typeof tabId !== 'number') throw new Error('the message did not come from a tab');
    return tabId;
  }

  // Listeners are registered at the top level, as Chrome's service worker requires.
  ext.listen('background', {
    // The same analyze, from the same package, on the content script's own snapshot: the same
    // decisions by construction, applied there with its table of live nodes.
    'content->background/analyze': async (message) => {
      const { words, strings } = TidyreadSnapshot.fromWire(message.snapshot);
      const wasm = await loadCore();
      return { analysis: wasm.analyze(words, strings, message.options ?? {}) };
    },
    'content->background/status': async (message, sender) => {
      await showStatus(tabOf(sender), message.status);
      return {};
    },
    'popup->background/core-version': async () => ({ core: (await loadCore()).version() }),
    'options->background/core-version': async () => ({ core: (await loadCore()).version() }),
  });

  // No default_popup in the manifest: a click on the toolbar button reaches this listener, and
  // toggles decluttering in the tab. The content script then reports its status (the badge).
  ext.onActionClicked(async (tab) => {
    try {
      await ext.toTab(tab.id, 'background', 'toggle');
    } catch (error) {
      // Pages without the content script (browser pages, the stores) cannot be toggled.
      console.warn(`tidyread: toggle in tab ${tab.id}:`, error);
    }
  });

  ext.setBadgeColor('#4a5568').catch(() => {});
})();

// The toolbar popup: the page's status (from its content script) and the versions.
//
// `popup.html?tab=ID` shows tab ID instead of the active tab: for the tests, which open the popup
// as a page in a tab of its own.
(function () {
  'use strict';

  const show = (id, text) => {
    document.getElementById(id).textContent = text;
  };

  const PATHS = {
    wasm: 'this page (wasm)',
    background: 'the background (the page’s CSP blocks wasm)',
  };

  async function targetTab() {
    const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
    if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
    return (await ext.activeTab())?.id;
  }

  async function showStatus() {
    const tabId = await targetTab();
    try {
      const { status } = await ext.toTab(tabId, 'popup', 'status');
      show('page', status.error ? `error: ${status.error}` : status.enabled ? 'decluttered' : 'as published');
      show('removals', String(status.removals));
      show('path', PATHS[status.path] ?? '—');
      const t = status.timings;
      show('time', t ? `${Math.round(t.total_ms)} ms (core ${Math.round(t.decode_ms + t.analyze_ms)} ms)` : '—');
    } catch {
      show('page', 'tidyread does not run on this page');
      show('removals', '—');
      show('path', '—');
      show('time', '—');
    }
  }

  async function showVersions() {
    show('version', ext.manifest().version);
    try {
      show('core-version', (await ext.toBackground('popup', 'core-version')).core);
    } catch (error) {
      show('core-version', `unavailable (${error.message})`);
    }
  }

  showVersions();
  showStatus();
})();

// The options page: settings kept in storage.local, read by the content script before each run.
(function () {
  'use strict';

  const form = document.getElementById('options');
  const SETTINGS = { keepComments: false };

  async function load() {
    for (const [key, fallback] of Object.entries(SETTINGS)) {
      form.elements[key].checked = await ext.getSetting(key, fallback);
    }
  }

  form.addEventListener('change', async (event) => {
    const input = event.target;
    if (!(input.name in SETTINGS)) return;
    await ext.setSetting(input.name, input.checked);
    document.getElementById('saved').hidden = false;
  });

  async function showVersions() {
    document.getElementById('version').textContent = ext.manifest().version;
    let core;
    try {
      core = (await ext.toBackground('options', 'core-version')).core;
    } catch (error) {
      core = `unavailable (${error.message})`;
    }
    document.getElementById('core-version').textContent = core;
  }

  load();
  showVersions();
})();

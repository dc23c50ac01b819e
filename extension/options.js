// The options page: where tidyread runs by itself (host access: all sites, some, or only on a
// click), the global defaults, the reader view's typography, every site with its own
// settings (change, remove, reset all), export to a JSON file and import from one. Everything
// goes through TidyreadSettings; the page redraws from storage after each change.
import * as access from './access.js';
import * as ext from './ext.js';
import { fill, t } from './i18n.js';
import { toBackground } from './messages.js';
import * as S from './settings.js';

const $ = (id) => document.getElementById(id);
// A site's value for a key: inherit (no entry), on, or off.
const CHOICES = [
  ['', 'optionsInherit'],
  ['true', 'optionsOn'],
  ['false', 'optionsOff'],
];

let current = S.normalize({});

function say(text) {
  $('message').textContent = text;
  $('error').hidden = true;
}

function fail(text) {
  $('error').textContent = text;
  $('error').hidden = false;
  $('message').textContent = '';
}

async function change(fn, note = t('optionsSaved')) {
  try {
    current = await S.update(fn);
    render();
    say(note);
  } catch (error) {
    fail(t('optionsSaveFailed', error.message));
  }
}

function option(value, label) {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = label;
  return o;
}

function renderSites() {
  const body = $('sites').querySelector('tbody');
  body.replaceChildren();
  const hosts = Object.keys(current.sites).sort();
  $('sites').hidden = hosts.length === 0;
  $('no-sites').hidden = hosts.length > 0;
  for (const host of hosts) {
    const row = document.createElement('tr');
    row.dataset.host = host;
    const name = document.createElement('th');
    name.scope = 'row';
    name.textContent = host;
    row.append(name);
    for (const key of S.SITE_KEYS) {
      const cell = document.createElement('td');
      const select = document.createElement('select');
      select.name = key;
      select.setAttribute('aria-label', `${host}: ${t(`optionsCol${key[0].toUpperCase()}${key.slice(1)}`)}`);
      const inherited = current.defaults[key] ? t('optionsOn') : t('optionsOff');
      for (const [value, label] of CHOICES) {
        select.append(option(value, value === '' ? t(label, inherited) : t(label)));
      }
      const own = current.sites[host][key];
      select.value = typeof own === 'boolean' ? String(own) : '';
      cell.append(select);
      row.append(cell);
    }
    const cell = document.createElement('td');
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'remove';
    remove.textContent = t('optionsRemove');
    remove.setAttribute('aria-label', `${t('optionsRemove')}: ${host}`);
    cell.append(remove);
    row.append(cell);
    body.append(row);
  }
}

// `*://*.example.com/*` → `example.com`: the sites as the user knows them.
function siteOf(pattern) {
  return pattern
    .replace(/^[^:]+:\/\//, '')
    .replace(/^\*\./, '')
    .replace(/\/.*$/, '');
}

async function renderAccess() {
  const { all, origins } = await access.granted();
  const sites = [...new Set(origins.filter((o) => !access.ALL_SITES.includes(o)).map(siteOf))].sort();
  let text = t('accessNone');
  if (all) text = t('accessAll');
  else if (sites.length > 0) text = t('accessSome', sites.join(', '));
  $('access-state').textContent = text;
  $('access-all').hidden = all;
  $('access-none').hidden = !all && sites.length === 0;
}

// Asks for every site; must run in a click handler before any `await`.
function requestAllSites() {
  ext.requestOrigins([...access.ALL_SITES]).then(
    (allowed) => {
      if (!allowed) say(t('accessDenied'));
      return renderAccess();
    },
    (error) => fail(error.message),
  );
}

function render() {
  const defaults = $('defaults');
  for (const key of S.SITE_KEYS) defaults.elements[key].checked = current.defaults[key];
  const reader = $('reader');
  for (const [key, value] of Object.entries(current.reader)) {
    const input = reader.elements[key];
    if (input.type === 'checkbox') input.checked = value;
    else input.value = String(value);
  }
  renderSites();
}

function wire() {
  const theme = $('theme');
  for (const v of S.THEMES) theme.append(option(v, t(`readerTheme_${v}`)));
  const font = $('font');
  for (const v of S.FONTS) font.append(option(v, t(`readerFont_${v}`)));

  $('access-all').addEventListener('click', requestAllSites);
  $('access-none').addEventListener('click', async () => {
    try {
      await ext.removeOrigins(await ext.grantedOrigins());
    } catch (error) {
      fail(error.message);
    }
    await renderAccess();
  });
  ext.onOriginsChanged(() => renderAccess().catch(() => {}));

  $('defaults').addEventListener('change', (event) => {
    const { name, checked } = event.target;
    // First use: turning on an automatic default (every site) asks for every site, in this click.
    if (checked && name !== 'keepComments' && !$('access-all').hidden) requestAllSites();
    change((s) => ({ ...s, defaults: { ...s.defaults, [name]: checked } }));
  });
  $('reader').addEventListener('change', (event) => {
    const { name, value, type, checked } = event.target;
    const parsed = type === 'number' ? Number(value) : type === 'checkbox' ? checked : value;
    change((s) => ({ ...s, reader: { ...s.reader, [name]: parsed } }));
  });
  $('sites').addEventListener('change', (event) => {
    const select = event.target;
    const host = select.closest('tr').dataset.host;
    const value = select.value === '' ? null : select.value === 'true';
    change((s) => S.withSite(s, host, { [select.name]: value }));
  });
  $('sites').addEventListener('click', (event) => {
    const button = event.target.closest('.remove');
    if (button === null) return;
    const host = button.closest('tr').dataset.host;
    change((s) => S.withoutSite(s, host), t('optionsRemoved', host));
  });

  $('export').addEventListener('click', () => {
    const blob = new Blob([`${S.toJson(current)}\n`], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = 'tidyread-settings.json';
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    say(t('optionsExported'));
  });

  $('import-file').addEventListener('change', async (event) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    let imported;
    try {
      imported = S.fromJson(await file.text());
    } catch (error) {
      fail(t('optionsImportFailed', [file.name, error.message]));
      return;
    }
    try {
      current = await S.save(imported);
      render();
      say(t('optionsImported', [file.name, String(Object.keys(current.sites).length)]));
    } catch (error) {
      fail(t('optionsSaveFailed', error.message));
    }
  });

  $('reset').addEventListener('click', () => {
    $('reset-confirm').hidden = false;
    $('reset-yes').focus();
  });
  $('reset-no').addEventListener('click', () => {
    $('reset-confirm').hidden = true;
    $('reset').focus();
  });
  $('reset-yes').addEventListener('click', async () => {
    $('reset-confirm').hidden = true;
    try {
      current = await S.save(S.normalize({}));
      render();
      say(t('optionsResetDone'));
    } catch (error) {
      fail(t('optionsSaveFailed', error.message));
    }
  });

  // Another window (the popup, the reader's toolbar) changed them.
  S.onChange((settings) => {
    current = settings;
    render();
  });
}

async function showVersions() {
  $('version').textContent = ext.manifest().version;
  let core;
  try {
    core = (await toBackground('options->background/core-version')).core;
  } catch (error) {
    core = t('unavailable', error.message);
  }
  $('core-version').textContent = core;
}

async function start() {
  fill();
  wire();
  showVersions();
  renderAccess().catch((error) => fail(error.message));
  current = await S.load();
  render();
}

start();

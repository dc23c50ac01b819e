// The options page: how to use tidyread (the button, its shortcut, its menu), where it runs by
// itself (host access: all sites, some, or only on a click) and so where the defaults apply as
// pages load, the global defaults, the reader view's typography, every site with its own
// settings (change, remove, reset all), the parts of pages hidden by hand (listed, shown again),
// export to a JSON file and import from one, hidden parts included. Everything goes through
// settings.js; the page redraws from storage after each change.
import * as access from './access.js';
import * as ext from './ext.js';
import { fill, plural, t } from './i18n.js';
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
let hidden = {};

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
  // The defaults act as pages load only where tidyread may run by itself.
  $('defaults-note').hidden = all;
  $('defaults-note').textContent =
    sites.length > 0 ? t('optionsDefaultsSome', sites.join(', ')) : t('optionsDefaultsOnClick');
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

function renderHidden() {
  const body = $('hidden').querySelector('tbody');
  const rows = Object.keys(hidden)
    .sort()
    .flatMap((site) => hidden[site].map((selector) => ({ site, selector })));
  $('hidden').hidden = rows.length === 0;
  $('no-hidden').hidden = rows.length > 0;
  body.replaceChildren(
    ...rows.map(({ site, selector }) => {
      const row = document.createElement('tr');
      row.dataset.site = site;
      row.dataset.selector = selector;
      const name = Object.assign(document.createElement('th'), { scope: 'row', textContent: site });
      const code = Object.assign(document.createElement('code'), { textContent: selector });
      const what = document.createElement('td');
      what.append(code);
      const remove = Object.assign(document.createElement('button'), {
        type: 'button',
        className: 'show-again',
        textContent: t('ruleRemove'),
      });
      remove.setAttribute('aria-label', t('ruleRemoveSiteLabel', [site, selector]));
      const cell = document.createElement('td');
      cell.append(remove);
      row.append(name, what, cell);
      return row;
    }),
  );
}

async function refreshHidden() {
  hidden = await S.loadHidden();
  renderHidden();
}

async function showUse() {
  const shortcut = await ext.shortcutOf('toggle-reader').catch(() => '');
  $('use-shortcut').textContent = shortcut ? t('optionsUseShortcut', shortcut) : t('optionsUseNoShortcut');
  $('use-menu').textContent = t('optionsUseMenu', t('menuPick'));
}

function importError(error) {
  if (error.code === 'not-json') return t('optionsImportNotJson', error.detail);
  if (error.code === 'not-settings') return t('optionsImportNotSettings');
  return error.message;
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
    const blob = new Blob([`${S.toJson(current, hidden)}\n`], { type: 'application/json' });
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
      fail(t('optionsImportFailed', [file.name, importError(error)]));
      return;
    }
    try {
      current = await S.save(imported.settings);
      hidden = await S.saveHidden(imported.hidden);
      render();
      renderHidden();
      say(plural('optionsImported', Object.keys(current.sites).length, [file.name]));
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
      hidden = await S.saveHidden({});
      render();
      renderHidden();
      say(t('optionsResetDone'));
    } catch (error) {
      fail(t('optionsSaveFailed', error.message));
    }
  });

  $('hidden').addEventListener('click', async (event) => {
    const row = event.target.closest('.show-again')?.closest('tr');
    if (!row) return;
    try {
      await S.removeHidden(row.dataset.site, row.dataset.selector);
      await refreshHidden();
      say(t('optionsSaved'));
    } catch (error) {
      fail(t('optionsSaveFailed', error.message));
    }
  });
  S.onHiddenChange(() => refreshHidden().catch(() => {}));

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
  showUse();
  $('no-hidden').textContent = t('optionsRulesNone', t('menuPick'));
  renderAccess().catch((error) => fail(error.message));
  current = await S.load();
  render();
  await refreshHidden();
}

start();

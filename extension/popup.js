// The popup: whether tidyread may run on the site by itself (host access, asked for here on first
// use), the current site's three switches, what was taken off the page (grouped by kind, each
// with a "Bring back" button) and the versions. Opened from the toolbar button's context menu
// (background.js), which grants activeTab: the content script is injected then if the site has
// no host access. A plain click on the button toggles the reader view instead.
//
// `popup.html?tab=ID` shows tab ID instead of the active tab: the background opens it so, and
// the tests open the popup as a page in a tab of its own.
import * as access from './access.js';
import * as ext from './ext.js';
import { fill, t } from './i18n.js';
import { toBackground, toTab } from './messages.js';
import * as S from './settings.js';

const $ = (id) => document.getElementById(id);
const show = (id, text) => {
  $(id).textContent = text;
};

const PATHS = { wasm: 'popupPathWasm', background: 'popupPathBackground' };
// The core's kinds (src/declutter/mod.rs, ClutterKind), in the order the groups are listed.
const KINDS = [
  'ad',
  'sponsored_feed',
  'promo',
  'paywall_prompt',
  'newsletter',
  'consent_banner',
  'overlay',
  'trending_list',
  'recommended',
  'share_bar',
  'comments',
];

// Switches that act as pages load, and so need host access to do anything by themselves.
const AUTOMATIC_KEYS = new Set(['declutter', 'autoReader']);

let tabId = null;
let host = null;
// Whether the site has host access, as last read: a click must know it before any `await`.
let siteAccess = false;

async function targetTab() {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  return (await ext.activeTab())?.id;
}

/** Which entry sets `key` for the host: the host itself, a parent domain, or null (the default). */
function origin(settings, key) {
  const parts = S.siteKey(host).split('.').filter(Boolean);
  for (let i = 0; i < parts.length; i++) {
    const h = parts.slice(i).join('.');
    if (typeof settings.sites[h]?.[key] === 'boolean') return h;
  }
  return null;
}

function showSettings(settings) {
  const values = S.forHost(settings, host);
  for (const row of document.querySelectorAll('.switch-row')) {
    const key = row.dataset.key;
    row.querySelector('input').checked = values[key];
    const from = origin(settings, key);
    const own = from === S.siteKey(host);
    show(`${key}-origin`, own ? t('originThisSite') : from === null ? t('originDefault') : t('originParent', from));
    row.querySelector('.reset').hidden = !own;
  }
}

function groupByKind(items) {
  const groups = new Map();
  for (const item of items) {
    if (!groups.has(item.kind)) groups.set(item.kind, []);
    groups.get(item.kind).push(item);
  }
  const rank = (kind) => (KINDS.includes(kind) ? KINDS.indexOf(kind) : KINDS.length);
  return [...groups].sort(([a], [b]) => rank(a) - rank(b));
}

function kindName(kind) {
  const message = ext.i18n(`kind_${kind}`);
  return message || kind;
}

function showItems(items) {
  const box = $('groups');
  box.replaceChildren();
  for (const [kind, group] of groupByKind(items)) {
    const section = document.createElement('section');
    section.className = 'group';
    section.dataset.kind = kind;
    const h3 = document.createElement('h3');
    h3.textContent = `${kindName(kind)} (${group.filter((i) => !i.restored).length})`;
    const list = document.createElement('ul');
    for (const item of group) {
      const li = document.createElement('li');
      li.dataset.index = String(item.index);
      const text = document.createElement('div');
      const excerpt = document.createElement('span');
      excerpt.className = 'excerpt';
      // Blocks without text (an ad frame) are named by their reason alone.
      excerpt.textContent = item.excerpt || item.reason;
      const reason = document.createElement('span');
      reason.className = 'reason';
      reason.textContent = item.reason;
      text.append(excerpt);
      if (item.excerpt) text.append(reason);
      const back = document.createElement('button');
      back.type = 'button';
      back.className = 'bring-back';
      back.dataset.index = String(item.index);
      back.textContent = item.restored ? t('itemRestored') : t('itemBringBack');
      back.disabled = item.restored;
      back.setAttribute('aria-label', `${t('itemBringBack')}: ${item.excerpt || kindName(kind)}`);
      li.append(text, back);
      list.append(li);
    }
    section.append(h3, list);
    box.append(section);
  }
}

function showStatus(status) {
  const text = status.error
    ? t('pageError', status.error)
    : status.enabled
      ? t('pageDecluttered')
      : t('pageAsPublished');
  show('page', text);
  show('removals', String(status.removals));
  show('path', PATHS[status.path] ? t(PATHS[status.path]) : '—');
  const tm = status.timings;
  show(
    'time',
    tm ? t('popupTimeValue', [String(Math.round(tm.total_ms)), String(Math.round(tm.decode_ms + tm.analyze_ms))]) : '—',
  );
  showItems(status.items ?? []);
}

function showUnavailable() {
  show('host', '—');
  show('page', t('pageUnavailable'));
  show('removals', '—');
  show('path', '—');
  show('time', '—');
}

async function refreshStatus() {
  const { status } = await toTab(tabId, 'popup->content/status');
  showStatus(status);
  return status;
}

function showAccess(access) {
  siteAccess = access.site;
  show('access-state', t(access.site ? 'accessAutomatic' : 'accessOnClick'));
  $('access-site').hidden = access.site;
  $('access').hidden = false;
}

async function refreshAccess() {
  showAccess(await access.granted(host));
}

// Asks for host access to the site; must run in a click handler before any `await`.
function requestSiteAccess() {
  return ext.requestOrigins(access.patternsFor(host)).then(async (allowed) => {
    await refreshAccess();
    if (!allowed) show('access-state', t('accessDenied'));
  });
}

async function changeSite(key, value) {
  const settings = await S.update((s) => S.withSite(s, host, { [key]: value }));
  showSettings(settings);
  const wanted = S.forHost(settings, host);
  if (key === 'declutter') {
    // The content script follows the setting by itself (storage change); wait to show it.
    const end = Date.now() + 3000;
    while (Date.now() < end) {
      const status = await refreshStatus();
      if (status.enabled === wanted.declutter) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  } else if (key === 'keepComments' && wanted.declutter) {
    // Comments are decided by the core: run it again with the new setting.
    const { status } = await toTab(tabId, 'popup->content/reapply');
    showStatus(status);
  }
}

function wire() {
  $('site').addEventListener('change', (event) => {
    const input = event.target;
    if (input.type !== 'checkbox') return;
    // First use: turning on an automatic switch asks for the access it needs, in this click.
    if (input.checked && AUTOMATIC_KEYS.has(input.name) && !siteAccess) {
      requestSiteAccess().catch((error) => show('access-state', t('pageError', error.message)));
    }
    changeSite(input.name, input.checked).catch((error) => show('page', t('pageError', error.message)));
  });
  $('site').addEventListener('click', (event) => {
    const reset = event.target.closest('.reset');
    if (reset === null) return;
    changeSite(reset.closest('.switch-row').dataset.key, null).catch((error) =>
      show('page', t('pageError', error.message)),
    );
  });
  $('access-site').addEventListener('click', () => {
    requestSiteAccess().catch((error) => show('access-state', t('pageError', error.message)));
  });
  $('groups').addEventListener('click', async (event) => {
    const button = event.target.closest('.bring-back');
    if (button === null || button.disabled) return;
    button.disabled = true;
    try {
      const { status } = await toTab(tabId, 'popup->content/restore-one', { index: Number(button.dataset.index) });
      showStatus(status);
    } catch (error) {
      show('page', t('pageError', error.message));
    }
  });
  $('reader').addEventListener('click', async () => {
    try {
      await toTab(tabId, 'popup->content/reader-toggle');
      window.close();
    } catch (error) {
      show('page', t('pageError', error.message));
    }
  });
  S.onChange((settings) => {
    if (host !== null) showSettings(settings);
  });
  ext.onOriginsChanged(() => {
    if (host !== null) refreshAccess().catch(() => {});
  });
}

async function showVersions() {
  show('version', ext.manifest().version);
  try {
    show('core-version', (await toBackground('popup->background/core-version')).core);
  } catch (error) {
    show('core-version', t('unavailable', error.message));
  }
}

async function start() {
  fill();
  wire();
  showVersions();
  tabId = await targetTab();
  let reader;
  try {
    await toBackground('popup->background/ensure-content', { tabId });
    ({ reader } = await toTab(tabId, 'popup->content/reader-state'));
  } catch {
    showUnavailable();
    return;
  }
  host = reader.host;
  show('host', S.siteKey(host) || host);
  await refreshAccess();
  $('reader').hidden = false;
  $('reader').textContent = reader.readerOpen ? t('popupReaderClose') : t('popupReader');
  showSettings(await S.load());
  $('site').hidden = false;
  try {
    await refreshStatus();
  } catch (error) {
    show('page', t('pageError', error.message));
  }
}

start();

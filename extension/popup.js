// The popup: whether tidyread may run on the site by itself (host access, asked for here on first
// use), the site's three switches and where each value comes from, what was taken off the page in
// plain words (grouped by kind, repeated reasons as one entry, each outlined on the page while
// pointed at, each with "Bring back", and "Bring back all"), what the user hid by hand on the site,
// and, behind a disclosure, where the core ran, how long it took and the versions. Opened from the
// toolbar button's context menu (background.js), which grants activeTab: the content script is
// injected then if the site has no host access. A plain click on the button toggles the reader
// view instead.
//
// `popup.html?tab=ID` shows tab ID instead of the active tab: the background opens it so, and
// the tests open the popup as a page in a tab of its own.
import * as access from './access.js';
import * as ext from './ext.js';
import { fill, number, plural, t } from './i18n.js';
import { toBackground, toTab } from './messages.js';
import * as S from './settings.js';

const $ = (id) => document.getElementById(id);
const show = (id, text) => {
  $(id).textContent = text;
};
const element = (name, props = {}, ...children) => {
  const node = Object.assign(document.createElement(name), props);
  node.append(...children);
  return node;
};

const PATHS = { wasm: 'popupPathWasm', background: 'popupPathBackground' };
// The core's kinds (src/declutter/mod.rs, ClutterKind), in the order the groups are listed; the
// user's own rules come last.
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
const BY_HAND = 'by_hand';
// Up to this many entries, every group shows open; beyond, the groups start folded so the popup
// stays within the browser's 600 px.
const OPEN_ENTRIES = 8;

// Switches that act as pages load, and so need host access to do anything by themselves.
const AUTOMATIC_KEYS = new Set(['declutter', 'autoReader']);

let tabId = null;
let host = null;
// Whether the site has host access, as last read: a click must know it before any `await`.
let siteAccess = false;
// The entries as last shown, by their list position: the status items (or rule) each stands for.
let entries = [];

async function targetTab() {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  return (await ext.activeTab())?.id;
}

/** Which entry sets `key` for the host: the host itself, a parent domain, or null (the default). */
function origin(settings, key) {
  return S.hostChain(host).find((h) => typeof settings.sites[h]?.[key] === 'boolean') ?? null;
}

/** Where a switch's value comes from, in words: "On for all sites", "Off for this site"... */
function originText(from, on) {
  if (from === null) return t(on ? 'originOnAll' : 'originOffAll');
  if (from === S.siteKey(host)) return t(on ? 'originOnSite' : 'originOffSite');
  return t(on ? 'originOnParent' : 'originOffParent', from);
}

function showSettings(settings) {
  const values = S.forHost(settings, host);
  for (const row of document.querySelectorAll('.switch-row')) {
    const key = row.dataset.key;
    row.querySelector('input').checked = values[key];
    const from = origin(settings, key);
    show(`${key}-origin`, originText(from, values[key]));
    const reset = row.querySelector('.reset');
    reset.hidden = from !== S.siteKey(host);
    reset.setAttribute('aria-label', t('switchResetLabel', row.querySelector('label').textContent.trim()));
  }
}

/** Why a block was removed, in plain words, from the core's cause (src/declutter/cause.rs). */
function reasonText(item) {
  const { code, detail, count } = item.cause ?? { code: 'other' };
  switch (code) {
    case 'ad_from':
      return t('reason_ad_from', detail);
    case 'label':
      return t('reason_label', detail);
    case 'says':
      return t('reason_says', detail);
    case 'headline_list':
      return plural('reason_headline_list', count);
    case 'popup':
      return detail ? t('reason_popup_with', detail) : t('reason_popup');
    case 'other':
      return item.reason;
    default:
      return t(`reason_${code}`);
  }
}

const kindName = (kind) => ext.i18n(`kind_${kind}`) || kind;

/**
 * The status items as groups by kind, each a list of entries: the items of one kind with the
 * same reason in words are one entry ("Ad slot ×5"), in the order first seen.
 */
function groupsOf(items) {
  const groups = new Map();
  for (const item of items) {
    const reason = reasonText(item);
    if (!groups.has(item.kind)) groups.set(item.kind, new Map());
    const byReason = groups.get(item.kind);
    if (!byReason.has(reason)) byReason.set(reason, { kind: item.kind, reason, items: [] });
    byReason.get(reason).items.push(item);
  }
  const rank = (kind) => (KINDS.includes(kind) ? KINDS.indexOf(kind) : KINDS.length);
  return [...groups].sort(([a], [b]) => rank(a) - rank(b)).map(([kind, byReason]) => [kind, [...byReason.values()]]);
}

function entryRow(entry, position) {
  const restored = entry.items.every((item) => item.restored);
  // A block's own words, unless the reason says them already (an ad slot's label).
  const excerpt =
    entry.items
      .map((item) => item.excerpt)
      .find((text) => text && !entry.reason.toLowerCase().includes(text.toLowerCase())) ?? '';
  const what = element(
    'div',
    { className: 'what' },
    element('span', { className: 'reason', textContent: entry.reason }),
  );
  if (entry.items.length > 1) {
    what.append(' ', element('span', { className: 'times', textContent: t('itemTimes', number(entry.items.length)) }));
  }
  // The page's own words, in the page's direction, whatever the UI's.
  if (excerpt) what.append(element('span', { className: 'excerpt', dir: 'auto', textContent: excerpt }));
  const back = element('button', {
    type: 'button',
    className: 'bring-back',
    textContent: restored ? t('itemRestored') : t('itemBringBack'),
    disabled: restored,
  });
  back.setAttribute('aria-label', t('itemBringBackLabel', [entry.reason, kindName(entry.kind)]));
  const li = element('li', {}, what, back);
  li.dataset.entry = String(position);
  li.dataset.ids = entry.items.map((item) => item.id).join(',');
  return li;
}

function ruleRow(rule, position) {
  const what = element(
    'div',
    { className: 'what' },
    element('code', { className: 'reason', textContent: rule.selector }),
  );
  if (rule.matches === 0) what.append(element('span', { className: 'excerpt', textContent: t('ruleNotOnPage') }));
  else if (rule.matches > 1)
    what.append(' ', element('span', { className: 'times', textContent: t('itemTimes', number(rule.matches)) }));
  const remove = element('button', { type: 'button', className: 'show-again', textContent: t('ruleRemove') });
  remove.setAttribute('aria-label', t('ruleRemoveLabel', rule.selector));
  const li = element('li', {}, what, remove);
  li.dataset.entry = String(position);
  return li;
}

function groupBox(kind, rows, blocks, open) {
  const count = element('span', { className: 'count', textContent: number(blocks) });
  const summary = element(
    'summary',
    {},
    element('span', { className: 'kind', textContent: kindName(kind) }),
    ' ',
    count,
  );
  const group = element('details', { className: 'group', open }, summary, element('ul', {}, ...rows));
  group.dataset.kind = kind;
  return group;
}

function showItems(items, hidden) {
  const groups = groupsOf(items);
  entries = [];
  const total = groups.reduce((n, [, list]) => n + list.length, 0) + hidden.length;
  const open = total <= OPEN_ENTRIES;
  const boxes = [];
  for (const [kind, list] of groups) {
    const rows = list.map((entry) => {
      entries.push(entry);
      return entryRow(entry, entries.length - 1);
    });
    const blocks = list.reduce((n, entry) => n + entry.items.length, 0);
    boxes.push(groupBox(kind, rows, blocks, open));
  }
  if (hidden.length > 0) {
    const rows = hidden.map((rule) => {
      entries.push({ kind: BY_HAND, rule, items: [] });
      return ruleRow(rule, entries.length - 1);
    });
    boxes.push(groupBox(BY_HAND, rows, hidden.length, open));
  }
  $('groups').replaceChildren(...boxes);
  $('bring-back-all').hidden = !items.some((item) => !item.restored);
}

function showStatus(status, hidden = []) {
  let text = status.enabled ? t('pageDecluttered') : t('pageAsPublished');
  if (status.error) text = t('pageError', status.error);
  else if (status.enabled && status.items.length === 0) text = t('popupNothingRemoved');
  show('page', text);
  show('removals', number(status.removals));
  show('path', PATHS[status.path] ? t(PATHS[status.path]) : '—');
  const tm = status.timings;
  show(
    'time',
    tm ? t('popupTimeValue', [number(Math.round(tm.total_ms)), number(Math.round(tm.decode_ms + tm.analyze_ms))]) : '—',
  );
  showItems(status.items ?? [], hidden);
}

function showUnavailable() {
  show('host', '—');
  show('page', t('pageUnavailable'));
  show('removals', '—');
  show('path', '—');
  show('time', '—');
}

async function refreshStatus() {
  const [{ status }, { hidden }] = await Promise.all([
    toTab(tabId, 'popup->content/status'),
    toTab(tabId, 'popup->content/hidden'),
  ]);
  showStatus(status, hidden);
  return status;
}

function showAccess(granted) {
  siteAccess = granted.site;
  show('access-state', t(granted.site ? 'accessAutomatic' : 'accessOnClick'));
  $('access-site').hidden = granted.site;
  $('access').hidden = false;
}

async function refreshAccess() {
  showAccess(await access.granted(host));
}

// Asks for host access to the site; must run in a click handler before any `await`.
function requestSiteAccess(denied = 'accessDenied') {
  return ext.requestOrigins(access.patternsFor(host)).then(async (allowed) => {
    await refreshAccess();
    if (!allowed) show('access-state', t(denied));
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
    await toTab(tabId, 'popup->content/reapply');
    await refreshStatus();
  }
}

const failed = (error) => show('page', t('pageError', error.message));

// The entry under the pointer or the keyboard focus: its blocks are shown outlined on the page.
let pointed = null;
function point(li) {
  const ids = li?.dataset.ids ? li.dataset.ids.split(',').map(Number) : [];
  const key = ids.join(',');
  if (key === pointed) return;
  pointed = key;
  toTab(tabId, 'popup->content/highlight', { ids }).catch(() => {});
}

async function bringBack(ids) {
  for (const id of ids) await toTab(tabId, 'popup->content/restore-one', { id });
  await refreshStatus();
}

function wire() {
  $('site').addEventListener('change', (event) => {
    const input = event.target;
    if (input.type !== 'checkbox') return;
    // First use: turning on an automatic switch asks for the access it needs, in this click.
    if (input.checked && AUTOMATIC_KEYS.has(input.name) && !siteAccess) {
      requestSiteAccess().catch((error) => show('access-state', t('pageError', error.message)));
    }
    changeSite(input.name, input.checked).catch(failed);
  });
  $('site').addEventListener('click', (event) => {
    const reset = event.target.closest('.reset');
    if (reset === null) return;
    changeSite(reset.closest('.switch-row').dataset.key, null).catch(failed);
  });
  $('access-site').addEventListener('click', () => {
    requestSiteAccess().catch((error) => show('access-state', t('pageError', error.message)));
  });
  $('groups').addEventListener('click', (event) => {
    const button = event.target.closest('button');
    if (button === null || button.disabled) return;
    const entry = entries[Number(button.closest('li').dataset.entry)];
    button.disabled = true;
    if (entry.rule !== undefined) {
      S.removeHidden(entry.rule.site, entry.rule.selector).then(refreshStatus).catch(failed);
      return;
    }
    const ids = entry.items.filter((item) => !item.restored).map((item) => item.id);
    bringBack(ids).catch(failed);
  });
  $('groups').addEventListener('mouseover', (event) => point(event.target.closest('li')));
  $('groups').addEventListener('mouseleave', () => point(null));
  $('groups').addEventListener('focusin', (event) => point(event.target.closest('li')));
  $('groups').addEventListener('focusout', (event) => {
    if (!$('groups').contains(event.relatedTarget)) point(null);
  });
  // Closing the popup while pointing at an entry: the page goes back as it was.
  addEventListener('pagehide', () => point(null));
  $('bring-back-all').addEventListener('click', async () => {
    try {
      point(null);
      await toTab(tabId, 'popup->content/restore-all');
      await refreshStatus();
      show('page', t('popupAllBack'));
      $('removed-title').focus();
    } catch (error) {
      failed(error);
    }
  });
  $('pick').addEventListener('click', () => {
    // Hidden parts are kept as rules applied as pages load: that needs the site's access, asked
    // for in this click (a refusal still lets the picker hide them on this page).
    if (!siteAccess) requestSiteAccess('pickAccessDenied').catch(() => {});
    toTab(tabId, 'popup->content/pick')
      .then(() => window.close())
      .catch(failed);
  });
  $('reader').addEventListener('click', async () => {
    try {
      await toTab(tabId, 'popup->content/reader-toggle');
      window.close();
    } catch (error) {
      failed(error);
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
  $('site').setAttribute('aria-label', t('popupSiteSettings', S.siteKey(host) || host));
  await refreshAccess();
  $('reader').hidden = false;
  $('reader').textContent = reader.readerOpen ? t('popupReaderClose') : t('popupReader');
  $('pick').hidden = false;
  showSettings(await S.load());
  $('site').hidden = false;
  try {
    await refreshStatus();
  } catch (error) {
    failed(error);
  }
}

start();

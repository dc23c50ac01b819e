// Settings: plain data with one owner, this module. Everything else reads them through its
// functions and changes them through them, never through storage directly.
//
// Stored in storage.sync under one key, as one object:
//   {
//     version: 1,
//     defaults: { declutter, autoReader, keepComments },   // for sites without an entry
//     sites: { "example.com": { declutter?, autoReader?, keepComments? }, ... },
//     reader: { theme, font, size, width, lineHeight, images }, // the reader view: typography,
//                                                              // and whether images load
//   }
// A site entry may set some keys only; for each key the most specific host that sets it wins
// (`news.example.com` over `example.com`), then the defaults.
//
// The parts of pages the user hid by hand are CSS selectors per site (src/dom/selector.rs makes
// them), stored beside the settings under one key per site (`hidden:example.com`: [selector...]),
// so that no site's list runs into storage.sync's limit per item. A site's selectors apply to its
// subdomains too, like its settings.
import * as ext from './ext.js';

const STORAGE_KEY = 'settings';
export const SITE_KEYS = Object.freeze(['declutter', 'autoReader', 'keepComments']);
export const THEMES = Object.freeze(['auto', 'light', 'dark', 'sepia']);
export const FONTS = Object.freeze(['serif', 'sans', 'mono']);
// Bounds for the reader's typography: beyond them text is unreadable, or the page unusable.
const SIZE_PX = { min: 12, max: 40 };
const WIDTH_CH = { min: 30, max: 120 };
const LINE_HEIGHT = { min: 1.0, max: 2.5 };

export const DEFAULTS = Object.freeze({
  version: 1,
  defaults: Object.freeze({ declutter: true, autoReader: false, keepComments: false }),
  sites: Object.freeze({}),
  // Firefox's reader view is the model: a serif face, about 65 characters a line, airy lines.
  reader: Object.freeze({ theme: 'auto', font: 'serif', size: 20, width: 65, lineHeight: 1.6, images: true }),
});

/** A host name as the settings key it: lower case, no trailing dot, no `www.`. */
export function siteKey(host) {
  if (typeof host !== 'string') return '';
  return host
    .trim()
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^www\./, '');
}

/** `a.b.example.com` → [`a.b.example.com`, `b.example.com`, `example.com`, `com`]. */
export function hostChain(host) {
  const parts = siteKey(host).split('.').filter(Boolean);
  return parts.map((_, i) => parts.slice(i).join('.'));
}

/** The settings for one host: per key, the most specific site entry that sets it, else the default. */
export function forHost(settings, host) {
  const chain = hostChain(host);
  const out = {};
  for (const key of SITE_KEYS) {
    const owner = chain.find((h) => typeof settings.sites[h]?.[key] === 'boolean');
    out[key] = owner === undefined ? settings.defaults[key] : settings.sites[owner][key];
  }
  return out;
}

function bool(value, fallback) {
  return typeof value === 'boolean' ? value : fallback;
}

function within(value, { min, max }, fallback) {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;
}

function oneOf(value, allowed, fallback) {
  return allowed.includes(value) ? value : fallback;
}

/**
 * Any value (stored, imported, missing) made into valid settings: unknown keys dropped, wrong
 * types replaced by defaults, numbers kept within bounds. Never throws.
 */
export function normalize(raw) {
  const r = raw !== null && typeof raw === 'object' ? raw : {};
  const d = r.defaults !== null && typeof r.defaults === 'object' ? r.defaults : {};
  const reader = r.reader !== null && typeof r.reader === 'object' ? r.reader : {};
  const sites = {};
  if (r.sites !== null && typeof r.sites === 'object') {
    for (const [host, entry] of Object.entries(r.sites)) {
      const key = siteKey(host);
      if (key === '' || entry === null || typeof entry !== 'object') continue;
      const clean = {};
      for (const k of SITE_KEYS) if (typeof entry[k] === 'boolean') clean[k] = entry[k];
      if (Object.keys(clean).length > 0) sites[key] = clean;
    }
  }
  return {
    version: 1,
    defaults: Object.fromEntries(SITE_KEYS.map((k) => [k, bool(d[k], DEFAULTS.defaults[k])])),
    sites,
    reader: {
      theme: oneOf(reader.theme, THEMES, DEFAULTS.reader.theme),
      font: oneOf(reader.font, FONTS, DEFAULTS.reader.font),
      size: within(reader.size, SIZE_PX, DEFAULTS.reader.size),
      width: within(reader.width, WIDTH_CH, DEFAULTS.reader.width),
      lineHeight: within(reader.lineHeight, LINE_HEIGHT, DEFAULTS.reader.lineHeight),
      images: bool(reader.images, DEFAULTS.reader.images),
    },
  };
}

/** Sets some keys for one site (a key set to `null` goes back to inheriting). Pure. */
export function withSite(settings, host, patch) {
  const key = siteKey(host);
  const entry = { ...(settings.sites[key] ?? {}) };
  for (const k of SITE_KEYS) {
    if (patch[k] === null) delete entry[k];
    else if (typeof patch[k] === 'boolean') entry[k] = patch[k];
  }
  const sites = { ...settings.sites };
  if (Object.keys(entry).length === 0) delete sites[key];
  else sites[key] = entry;
  return normalize({ ...settings, sites });
}

export function withoutSite(settings, host) {
  const sites = { ...settings.sites };
  delete sites[siteKey(host)];
  return normalize({ ...settings, sites });
}

// ---- Parts hidden by hand ----

const HIDDEN_PREFIX = 'hidden:';
// Beyond these, a selector or a list is not something a person picked.
const MAX_SELECTOR_CHARS = 500;
const MAX_HIDDEN_PER_SITE = 200;

/** Any value made into `{site: [selector...]}`: site keys normalised, selectors trimmed, deduplicated. */
export function normalizeHidden(raw) {
  const out = {};
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return out;
  for (const [host, list] of Object.entries(raw)) {
    const key = siteKey(host);
    if (key === '' || !Array.isArray(list)) continue;
    const selectors = out[key] ?? [];
    for (const item of list) {
      const selector = typeof item === 'string' ? item.trim() : '';
      if (selector === '' || selector.length > MAX_SELECTOR_CHARS || selectors.includes(selector)) continue;
      if (selectors.length < MAX_HIDDEN_PER_SITE) selectors.push(selector);
    }
    if (selectors.length > 0) out[key] = selectors;
  }
  return out;
}

/** The selectors that apply on `host`: its site's and its parent domains', as `{site, selector}`. */
export function hiddenForHost(hidden, host) {
  return hostChain(host).flatMap((site) => (hidden[site] ?? []).map((selector) => ({ site, selector })));
}

/** Settings and hidden parts as a JSON file's text, for export. */
export function toJson(settings, hidden = {}) {
  return JSON.stringify({ ...normalize(settings), hidden: normalizeHidden(hidden) }, null, 2);
}

/**
 * Settings and hidden parts from an exported file's text: `{settings, hidden}`. Throws an error
 * whose `code` says why (`not-json`, `not-settings`) on a file that is not one.
 */
export function fromJson(text) {
  let raw;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw Object.assign(new Error(`not a JSON file: ${error.message}`), { code: 'not-json', detail: error.message });
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw Object.assign(new Error('not a tidyread settings file'), { code: 'not-settings' });
  }
  return { settings: normalize(raw), hidden: normalizeHidden(raw.hidden) };
}

// Storage: in the extension's own contexts; the pure functions above also run in Node's tests.
export async function load() {
  return normalize(await ext.syncGet(STORAGE_KEY));
}

export async function save(settings) {
  const clean = normalize(settings);
  await ext.syncSet(STORAGE_KEY, clean);
  return clean;
}

/** Loads, applies `change` (a pure function of the settings), saves; returns the result. */
export async function update(change) {
  return save(change(await load()));
}

export function onChange(listener) {
  ext.onSyncChanged(STORAGE_KEY, (value) => listener(normalize(value)));
}

/** The hidden parts of every site, or (given a host) of the sites that apply on it. */
export async function loadHidden(host) {
  const keys = host === undefined ? null : hostChain(host).map((site) => HIDDEN_PREFIX + site);
  const stored = await ext.syncGetMany(keys);
  const raw = {};
  for (const [key, list] of Object.entries(stored)) {
    if (key.startsWith(HIDDEN_PREFIX)) raw[key.slice(HIDDEN_PREFIX.length)] = list;
  }
  return normalizeHidden(raw);
}

async function saveSiteHidden(site, selectors) {
  if (selectors.length === 0) await ext.syncRemove([HIDDEN_PREFIX + site]);
  else await ext.syncSet(HIDDEN_PREFIX + site, selectors);
}

/** Keeps `selector` hidden on `host`'s site from now on. */
export async function addHidden(host, selector) {
  const site = siteKey(host);
  const list = (await loadHidden(site))[site] ?? [];
  const next = normalizeHidden({ [site]: [...list, selector] })[site] ?? [];
  await saveSiteHidden(site, next);
  return next;
}

/** Shows `selector` on `site` again. */
export async function removeHidden(site, selector) {
  const key = siteKey(site);
  const list = (await loadHidden(key))[key] ?? [];
  await saveSiteHidden(
    key,
    list.filter((s) => s !== selector),
  );
}

/** Replaces every site's hidden parts (an import, a reset). */
export async function saveHidden(hidden) {
  const clean = normalizeHidden(hidden);
  const stale = Object.keys(await loadHidden()).filter((site) => !(site in clean));
  if (stale.length > 0) await ext.syncRemove(stale.map((site) => HIDDEN_PREFIX + site));
  for (const [site, selectors] of Object.entries(clean)) await ext.syncSet(HIDDEN_PREFIX + site, selectors);
  return clean;
}

/** Calls `listener()` when any site's hidden parts change, here or in another window. */
export function onHiddenChange(listener) {
  ext.onSyncKeysChanged((key) => key.startsWith(HIDDEN_PREFIX), listener);
}

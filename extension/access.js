// Host access: where tidyread may run by itself, as pages load. The browser owns it (the
// manifest's optional_host_permissions, granted by the user); this file names the patterns the
// popup and the options page ask for, and reads what was granted.
//
// Without host access the extension touches a page only after a click on its button, its
// shortcut or its menu (activeTab). Decluttering as pages load and the automatic reader view
// need access; the settings for them still apply to pages the user clicks on.
import * as ext from './ext.js';
import { siteKey } from './settings.js';

/** Every web page: what "Allow on all sites" asks for (the manifest's optional hosts). */
export const ALL_SITES = Object.freeze(['http://*/*', 'https://*/*']);

// An address or a single-label name (localhost) has no subdomains to cover.
const NO_SUBDOMAINS = /^(\d+\.\d+\.\d+\.\d+|\[[0-9a-f:.]+\]|[^.]+)$/i;

/**
 * The patterns that let tidyread run on `host`'s site: the site the settings key it by
 * (`www.example.com` → `example.com`) and its subdomains, as settings apply to them too. One
 * per scheme: a request must fit within one of the manifest's optional patterns (Firefox).
 */
export function patternsFor(host) {
  const key = siteKey(host);
  if (key === '') return [];
  const hosts = NO_SUBDOMAINS.test(key) ? key : `*.${key}`;
  return [`http://${hosts}/*`, `https://${hosts}/*`];
}

/** What the user has granted: `site` for `host` (when given), `all` for every page, `origins`. */
export async function granted(host) {
  const origins = await ext.grantedOrigins();
  const all = await ext.hasOrigins([...ALL_SITES]);
  const patterns = host === undefined ? [] : patternsFor(host);
  const site = all || (patterns.length > 0 && (await ext.hasOrigins(patterns)));
  return { all, site, origins };
}

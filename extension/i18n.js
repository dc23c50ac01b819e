// Fills an extension page's strings from _locales: `data-i18n="key"` sets the text,
// `data-i18n-ATTR="key"` (title, aria-label, placeholder) an attribute. Numbers and plural
// messages in the language of the messages in use (each locale names it: languageTag).
//
// chrome.i18n has no plurals: a plural message is a family of keys, `NAME_one`, `NAME_other`...,
// one per CLDR category its language uses; `plural()` picks the one Intl.PluralRules names.
import * as ext from './ext.js';

const ATTRIBUTES = ['title', 'aria-label', 'placeholder'];

/** The language of the messages in use (a BCP 47 tag), and whether it reads right to left. */
export function language() {
  return { tag: ext.i18n('languageTag') || 'en', rtl: ext.i18n('languageDirection') === 'rtl' };
}

/** The message `key` (with `$1`... from `substitutions`); the key itself when it is missing. */
export function t(key, substitutions) {
  const message = ext.i18n(key, substitutions);
  if (!message) console.warn(`tidyread: no message ${key}`);
  return message || key;
}

/** `count` as the messages' language writes numbers. */
export function number(count) {
  return new Intl.NumberFormat(language().tag).format(count);
}

/** The plural message `name` for `count` (its first placeholder, formatted), `rest` the others. */
export function plural(name, count, rest = []) {
  const form = new Intl.PluralRules(language().tag).select(count);
  const substitutions = [number(count), ...rest];
  return ext.i18n(`${name}_${form}`, substitutions) || t(`${name}_other`, substitutions);
}

export function fill(root = document) {
  for (const node of root.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const attribute of ATTRIBUTES) {
    for (const node of root.querySelectorAll(`[data-i18n-${attribute}]`)) {
      node.setAttribute(attribute, t(node.getAttribute(`data-i18n-${attribute}`)));
    }
  }
}

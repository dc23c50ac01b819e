// The UI's words from _locales, in the language the browser chose among ours.
//
// A page's static strings: `data-i18n="key"` sets an element's text, `data-i18n-ATTR="key"`
// (title, aria-label, placeholder) an attribute; `fill()` also gives <html> the language and
// direction of the messages in use (each locale names them: languageTag, languageDirection), so
// an Arabic or Hebrew UI reads right to left even where the browser's own language is another.
//
// chrome.i18n has no plurals: a plural message is a family of keys, `NAME_one`, `NAME_few`,
// `NAME_other`..., one per CLDR category its language uses; `plural()` picks the one
// Intl.PluralRules names for the count, in the messages' language (tests/unit/locales.test.mjs
// holds each locale to its language's forms).
import * as ext from './ext.js';

const ATTRIBUTES = ['title', 'aria-label', 'placeholder'];
// Unicode's first-strong isolate and its end: a Latin name (a site, a selector) inside a
// right-to-left sentence keeps its own order and does not reorder the words around it.
const ISOLATE = ['\u2068', '\u2069'];

/** The language of the messages in use (a BCP 47 tag), and whether it reads right to left. */
export function language() {
  return { tag: ext.i18n('languageTag') || 'en', rtl: ext.i18n('languageDirection') === 'rtl' };
}

function isolated(substitutions) {
  if (substitutions === undefined || !language().rtl) return substitutions;
  const list = Array.isArray(substitutions) ? substitutions : [substitutions];
  return list.map((s) => `${ISOLATE[0]}${s}${ISOLATE[1]}`);
}

/** The message `key` (with `$1`... from `substitutions`); the key itself when it is missing. */
export function t(key, substitutions) {
  const message = ext.i18n(key, isolated(substitutions));
  if (!message) console.warn(`tidyread: no message ${key}`);
  return message || key;
}

/** `count` as the messages' language writes numbers. */
export function number(count) {
  return new Intl.NumberFormat(language().tag).format(count);
}

/**
 * The plural message `name` for `count`: `name_<form>` for the form the language gives `count`,
 * else `name_other`. Its first placeholder is the count (formatted), `rest` the others.
 */
export function plural(name, count, rest = []) {
  const { tag } = language();
  const form = new Intl.PluralRules(tag).select(count);
  const substitutions = [number(count), ...rest];
  const message = ext.i18n(`${name}_${form}`, isolated(substitutions));
  return message || t(`${name}_other`, substitutions);
}

/** Fills the page's marked strings, and sets its language and direction. */
export function fill(root = document) {
  const { tag, rtl } = language();
  if (root === document) {
    document.documentElement.lang = tag;
    document.documentElement.dir = rtl ? 'rtl' : 'ltr';
  }
  for (const node of root.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const attribute of ATTRIBUTES) {
    for (const node of root.querySelectorAll(`[data-i18n-${attribute}]`)) {
      node.setAttribute(attribute, t(node.getAttribute(`data-i18n-${attribute}`)));
    }
  }
}

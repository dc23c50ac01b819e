// Fills an extension page's strings from _locales: `data-i18n="key"` sets the text,
// `data-i18n-ATTR="key"` (title, aria-label, placeholder) an attribute.
import * as ext from './ext.js';

const ATTRIBUTES = ['title', 'aria-label', 'placeholder'];

/** The message `key` (with `$1`... from `substitutions`); the key itself when it is missing. */
export function t(key, substitutions) {
  const message = ext.i18n(key, substitutions);
  if (!message) console.warn(`tidyread: no message ${key}`);
  return message || key;
}

export function fill(root = document) {
  for (const node of root.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const attribute of ATTRIBUTES) {
    for (const node of root.querySelectorAll(`[data-i18n-${attribute}]`)) {
      node.setAttribute(attribute, t(node.getAttribute(`data-i18n-${attribute}`)));
    }
  }
}

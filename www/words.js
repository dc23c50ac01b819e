// The extension's English messages for the playground, which has no chrome.i18n: the same
// { t, plural, number, language } the reader view's modules take (extension/i18n.js), so the
// playground's reader pane is built by the extension's own code.
import messages from '../extension/_locales/en/messages.json';

const PLACEHOLDER = /\$([A-Za-z0-9_@]+)\$|\$\$/g;

/** `key`'s message with its placeholders filled from `substitutions`, as chrome.i18n does. */
function t(key, substitutions = []) {
  const entry = messages[key];
  if (entry === undefined) return key;
  const list = [].concat(substitutions).map(String);
  return entry.message.replace(PLACEHOLDER, (whole, name) => {
    if (name === undefined) return '$';
    const index = /^\$(\d)$/.exec(entry.placeholders?.[name.toLowerCase()]?.content ?? '')?.[1];
    return index === undefined ? '' : (list[Number(index) - 1] ?? '');
  });
}

const number = (n) => new Intl.NumberFormat('en').format(n);

export const words = {
  t,
  number,
  language: () => ({ tag: 'en', rtl: false }),
  plural: (name, count, rest = []) =>
    t(`${name}_${new Intl.PluralRules('en').select(count)}`, [number(count), ...rest]) || t(`${name}_other`),
};

// Saving the article: as Markdown (the core's conversion, the same text as
// `tidyread extract --markdown`), as one self-contained HTML file, to the clipboard as Markdown,
// and on paper.
//
// The HTML file carries the reader's own style sheet and the article as the view shows it,
// players back as links. Its pictures stay links to their site (remote URLs), not copies: the
// content script may not read other sites' images (no host access, no CORS), a copy would make a
// file of megabytes from a page of kilobytes, and offline a picture gives way to its description.
// The file's own policy lets nothing run and nothing load but those pictures.
import { el } from './element.js';

const SAVED_POLICY =
  "default-src 'none'; img-src http: https: data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";
// Characters no file system takes in a name, and controls.
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const NOT_IN_FILE_NAMES = /[\\/:*?"<>|\u0000-\u001f\u007f]+/gu;
const MAX_NAME_CHARS = 80;
// Long enough for the browser to start the download from the object URL.
const REVOKE_AFTER_MS = 60_000;

/** A file name for the article: its title, without what file systems refuse. */
export function fileName(title, extension) {
  const base = (title || '')
    .normalize('NFC')
    .replace(NOT_IN_FILE_NAMES, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_NAME_CHARS)
    .replace(/^\.+/, '')
    .trim();
  return `${base || 'article'}.${extension}`;
}

/** Gives the browser `text` to download as `name`. `where`: an element of the view to click from. */
export function download(where, name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = el('a', { href: url, download: name, hidden: '' });
  where.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}

/** Puts `text` on the clipboard; resolves once it is there. */
export async function copyText(where, text) {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    // No clipboard API here (an insecure page, a browser that wants a permission): the old way.
  }
  const area = el('textarea', { class: 'copy-buffer', 'aria-hidden': 'true', readonly: '' });
  area.value = text;
  where.append(area);
  area.select();
  const copied = document.execCommand('copy');
  area.remove();
  if (!copied) throw new Error('the browser refused to copy');
}

// The article as it is saved: no players (their links instead), none of the view's own marks.
function savedArticle(article) {
  const copy = article.cloneNode(true);
  for (const card of copy.querySelectorAll('figure.embed')) {
    const link = card.querySelector('a.embed-link');
    const title = card.querySelector('.embed-title')?.textContent ?? '';
    const saved = el(
      'p',
      {},
      el('a', { href: link?.getAttribute('href') ?? '' }, `${title} (${card.dataset.provider})`),
    );
    card.replaceWith(saved);
  }
  for (const span of copy.querySelectorAll('span.sentence')) span.replaceWith(...span.childNodes);
  for (const node of copy.querySelectorAll('[tabindex], .narrating, .measure-probe')) {
    if (node.classList.contains('measure-probe')) node.remove();
    node.removeAttribute('tabindex');
    node.classList.remove('narrating');
  }
  for (const img of copy.querySelectorAll('img')) img.removeAttribute('loading');
  copy.normalize();
  return copy;
}

/**
 * The article as one HTML file: `article` (the view's <article>), `css` (the reader's style
 * sheet), `reader` (the view's element, for its theme and typography).
 */
export function htmlFile({ article, css, reader, title }) {
  const doc = document.implementation.createHTMLDocument(title);
  const head = doc.head;
  const meta = (attrs) => head.append(Object.assign(doc.createElement('meta'), attrs));
  head.prepend(Object.assign(doc.createElement('meta'), { charset: 'utf-8' }));
  head.firstChild.setAttribute('charset', 'utf-8');
  meta({ name: 'viewport', content: 'width=device-width, initial-scale=1' });
  meta({ httpEquiv: 'Content-Security-Policy', content: SAVED_POLICY });
  meta({ name: 'referrer', content: 'no-referrer' });
  const style = doc.createElement('style');
  style.textContent = css;
  head.append(style);
  doc.documentElement.lang = article.getAttribute('lang') ?? '';
  const view = doc.createElement('div');
  view.className = 'reader saved';
  for (const name of ['data-theme', 'data-font', 'style']) {
    const value = reader.getAttribute(name);
    if (value !== null) view.setAttribute(name, value);
  }
  const main = doc.createElement('main');
  main.append(doc.importNode(savedArticle(article), true));
  view.append(main);
  doc.body.append(view);
  return `<!DOCTYPE html>\n${doc.documentElement.outerHTML}\n`;
}

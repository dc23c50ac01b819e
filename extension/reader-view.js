// The article as the reader view shows it: a header (the site and a link to the original, the
// title, byline, date and reading time), the lead picture, and the core's sanitised body. Used by
// the reader view (reader.js) and by the playground's reader pane, with the same style sheet.
//
// Everything here is built with the DOM API and text; the only markup parsed is the core's
// sanitised `article.content`, in an inert document (DOMParser: no script runs, nothing loads),
// then moved in. `words` is the UI's strings: { t, plural, number, language } (i18n.js).
import { el } from './element.js';
import { makeCards } from './embeds.js';

/** `value` as an absolute http(s) URL, or null. */
export function httpUrl(value, base) {
  try {
    const url = new URL(value, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

// Languages whose text is set in ideographs and kana or hangul: a character is about 1em wide,
// and a comfortable line holds fewer of them (about 35-40) than of Latin letters.
const CJK_TEXT = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]/gu;
// The share of such characters that makes a text CJK (Latin names and numbers mix in).
const CJK_SHARE = 0.3;
const CJK_MEASURE_FACTOR = 0.6;
// How much of the article's text the measure is taken from.
const MEASURE_SAMPLE_CHARS = 2000;

function formatDate(iso, tag) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return date.toLocaleDateString(tag, { year: 'numeric', month: 'long', day: 'numeric' });
  } catch {
    return date.toLocaleDateString(undefined, { year: 'numeric', month: 'long', day: 'numeric' });
  }
}

// Images off (the setting): each picture gives way to its description, so that nothing is
// fetched from the article's site. Done in the inert document, before anything is adopted.
function dropImages(body) {
  for (const picture of body.querySelectorAll('picture')) picture.replaceWith(...picture.querySelectorAll('img'));
  for (const source of body.querySelectorAll('source')) source.remove();
  for (const img of body.querySelectorAll('img')) {
    const alt = img.getAttribute('alt')?.trim();
    if (alt) img.replaceWith(el('span', { class: 'image-alt' }, alt));
    else img.remove();
  }
  // A figure left with its caption only says nothing.
  for (const figure of body.querySelectorAll('figure')) {
    if (!figure.querySelector(':scope > :not(figcaption)') && !figure.querySelector('.image-alt')) figure.remove();
  }
}

// A picture is never shown larger than it is: CSS keeps it within the column, and once it has
// loaded its natural width caps it (a page that declares a 180-px logo as 800 wide gets 180).
// One that fails to load leaves no broken box: its description stays, or nothing.
function fitPicture(img) {
  const fit = () => {
    if (img.naturalWidth > 0) img.style.setProperty('max-width', `min(100%, ${img.naturalWidth}px)`);
  };
  if (img.complete) fit();
  img.addEventListener('load', fit);
  img.addEventListener(
    'error',
    () => {
      const alt = img.getAttribute('alt')?.trim();
      const figure = img.closest('figure');
      if (alt) img.replaceWith(el('span', { class: 'image-alt' }, alt));
      else img.remove();
      if (figure && !figure.querySelector('img, .image-alt, .embed, table, pre')) figure.remove();
    },
    { once: true },
  );
}

function prepareImage(img) {
  img.setAttribute('loading', 'lazy');
  img.setAttribute('decoding', 'async');
  img.setAttribute('referrerpolicy', 'no-referrer');
}

/**
 * The core's sanitised HTML as the view's body: links open in a new tab without a referrer,
 * images load lazily without one (or give way to their description when `images` is off),
 * players become click-to-load cards.
 */
export function articleBody(content, { images, words }) {
  const parsed = new DOMParser().parseFromString(content, 'text/html');
  makeCards(parsed.body, words);
  for (const a of parsed.body.querySelectorAll('a[href]')) {
    a.setAttribute('target', '_blank');
    a.setAttribute('rel', 'noopener noreferrer');
  }
  if (!images) dropImages(parsed.body);
  // A wide table scrolls in a box of its own, and keeps its caption (a table made a scrolling
  // block itself puts its caption over the column instead).
  for (const table of parsed.body.querySelectorAll('table')) {
    const box = el('div', { class: 'table-scroll' });
    table.replaceWith(box);
    box.append(table);
  }
  // What may scroll sideways must be reachable from the keyboard.
  for (const box of parsed.body.querySelectorAll('pre, .table-scroll')) box.setAttribute('tabindex', '0');
  for (const img of parsed.body.querySelectorAll('img')) prepareImage(img);
  const body = el('div', { class: 'content' });
  for (const node of Array.from(parsed.body.childNodes)) body.append(document.adoptNode(node));
  for (const img of body.querySelectorAll('img')) fitPicture(img);
  return body;
}

// The lead picture is the core's to choose: it leaves it out when the body already shows it (at
// any size) or when it is the site's logo. The view adds nothing of its own.
function leadImage(article, pageUrl) {
  const src = article.lead_image ? httpUrl(article.lead_image, pageUrl) : null;
  if (src === null) return null;
  const img = el('img', { src, alt: '' });
  prepareImage(img);
  const figure = el('figure', { class: 'lead' }, img);
  fitPicture(img);
  return figure;
}

function header(article, { words, pageUrl }) {
  const { t, plural, language } = words;
  const ui = language();
  const site = el('p', { class: 'site' });
  const domain = pageUrl ? new URL(pageUrl).hostname.replace(/^www\./, '') : '';
  if (article.site_name && article.site_name.toLowerCase() !== domain) {
    site.append(el('span', { class: 'site-name' }, article.site_name));
  }
  if (domain) {
    site.append(
      el(
        'a',
        {
          class: 'original',
          href: pageUrl,
          target: '_blank',
          rel: 'noopener noreferrer',
          title: t('readerOriginal', domain),
        },
        domain,
      ),
    );
  }
  // The line runs in the article's direction; the byline is the article's words, the date and
  // the reading time the UI's, each isolated in its own language and direction.
  const uiText = { lang: ui.tag, dir: ui.rtl ? 'rtl' : 'ltr' };
  const facts = [];
  if (article.byline) facts.push(el('bdi', { class: 'byline' }, article.byline));
  if (article.published_time) {
    facts.push(el('time', { datetime: article.published_time, ...uiText }, formatDate(article.published_time, ui.tag)));
  }
  if (article.reading_minutes > 0) {
    facts.push(el('span', { class: 'minutes', ...uiText }, plural('readerMinutes', article.reading_minutes)));
  }
  const meta = el('p', { class: 'meta' });
  facts.forEach((fact, i) => {
    if (i > 0) meta.append(el('span', { class: 'sep', 'aria-hidden': 'true' }, '·'));
    meta.append(fact);
  });
  return el(
    'header',
    {},
    site.childNodes.length ? site : '',
    el('h1', { id: 'title', tabindex: '-1' }, article.title || document.title),
    facts.length ? meta : '',
  );
}

/**
 * The <article>: header, lead picture (when images are on) and body, in the article's own
 * language and direction. `pageUrl`: the page the article comes from (the link to the original).
 */
export function articleElement(article, { images, words, pageUrl }) {
  const body = articleBody(article.content, { images, words });
  const lead = images ? leadImage(article, pageUrl) : null;
  return el(
    'article',
    { lang: article.lang || null, dir: article.dir || 'auto', 'aria-labelledby': 'title' },
    header(article, { words, pageUrl }),
    lead ?? '',
    body,
  );
}

/** The typography settings on the view (`reader`: the element that holds the themes). */
export function applyTypography(reader, settings) {
  reader.dataset.theme = settings.theme;
  reader.dataset.font = settings.font;
  reader.style.setProperty('--size', `${settings.size}px`);
  reader.style.setProperty('--line', String(settings.lineHeight));
  fitMeasure(reader, settings.width);
}

/**
 * Sets the column to `chars` characters of the article's own text in its face and size. CSS's
 * `ch` is the width of the digit 0, wider than the average letter: 65ch holds 75-80 characters
 * of English. Measured on the text itself, the setting means what it says.
 */
export function fitMeasure(reader, chars) {
  const content = reader.querySelector('.content');
  if (content === null) return;
  const sample = content.textContent.replace(/\s+/g, ' ').trim().slice(0, MEASURE_SAMPLE_CHARS);
  if (sample.length < 20) {
    reader.style.setProperty('--measure', `${chars}ch`);
    return;
  }
  const probe = el('span', { class: 'measure-probe', 'aria-hidden': 'true' }, sample);
  content.append(probe);
  const perChar = probe.getBoundingClientRect().width / sample.length;
  probe.remove();
  if (!(perChar > 0)) {
    reader.style.setProperty('--measure', `${chars}ch`);
    return;
  }
  const cjk = (sample.match(CJK_TEXT) ?? []).length > sample.length * CJK_SHARE;
  const target = cjk ? Math.round(chars * CJK_MEASURE_FACTOR) : chars;
  reader.style.setProperty('--measure', `${(target * perChar).toFixed(1)}px`);
}

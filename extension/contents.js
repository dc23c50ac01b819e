// Where the reader is in a long article: a contents panel for articles with three or more
// headings, which marks the section being read; a thin progress bar; the reading time left.
import { el } from './element.js';

// Fewer headings than this make no table of contents worth a button.
export const MIN_HEADINGS = 3;
// A heading counts as reached once it is this far down from the top of the view (px): under
// the toolbar, at the start of the lines being read.
const REACHED_PX = 96;

/** The article's section headings (h2-h4; an article's own h1 sections too). */
export function headingsOf(content) {
  return Array.from(content.querySelectorAll('h1, h2, h3, h4')).filter((h) => h.textContent.trim() !== '');
}

/**
 * The contents panel for `content`'s headings, or null when there are too few. Each entry is a
 * link that scrolls its heading into view and moves focus there; `aria-current` marks the
 * section being read.
 */
export function contentsPanel(content, words) {
  const headings = headingsOf(content);
  if (headings.length < MIN_HEADINGS) return null;
  const top = Math.min(...headings.map((h) => Number(h.localName[1])));
  const list = el('ol', {});
  headings.forEach((heading, i) => {
    heading.id = `section-${i + 1}`;
    heading.setAttribute('tabindex', '-1');
    const link = el('a', { href: `#${heading.id}`, 'data-heading': heading.id }, heading.textContent.trim());
    list.append(el('li', { 'data-level': Number(heading.localName[1]) - top }, link));
  });
  return el(
    'nav',
    { class: 'panel contents', id: 'panel-contents', 'aria-label': words.t('readerContents'), hidden: '' },
    list,
  );
}

/** Scrolls to the heading a contents link names and puts focus on it. */
export function followLink(root, link) {
  const heading = root.getElementById(link.dataset.heading);
  if (heading === null) return;
  heading.scrollIntoView({ block: 'start' });
  heading.focus({ preventScroll: true });
}

/**
 * How far through the article the view is (0-1), from the scrolling box `scroller` and the
 * article element: 1 once its end is in view.
 */
export function progressOf(scroller, article) {
  const view = scroller.getBoundingClientRect();
  const box = article.getBoundingClientRect();
  const readable = box.height - view.height;
  if (readable <= 0) return 1;
  return Math.min(1, Math.max(0, (view.top - box.top) / readable));
}

/** The heading of the section being read: the last one above the reading line, or null. */
export function currentHeading(scroller, headings) {
  const line = scroller.getBoundingClientRect().top + REACHED_PX;
  let current = null;
  for (const h of headings) {
    if (h.getBoundingClientRect().top <= line) current = h;
    else break;
  }
  return current;
}

/**
 * Shows where the reader is in the view `{ root, host, article, minutes, headings }` (reader.js's):
 * the progress bar's value, the minutes left of `minutes`, the contents entry of the current
 * section.
 */
export function showPosition({ root, host: scroller, article, minutes, headings }, words) {
  const progress = progressOf(scroller, article);
  const bar = root.querySelector('.progress');
  if (bar !== null) {
    const percent = Math.round(progress * 100);
    bar.style.setProperty('--progress', String(progress));
    bar.setAttribute('aria-valuenow', String(percent));
    bar.setAttribute('aria-valuetext', `${words.number(percent)} %`);
  }
  const left = root.querySelector('.time-left');
  if (left !== null && minutes > 0) {
    const remaining = Math.ceil(minutes * (1 - progress));
    left.textContent = remaining > 0 ? words.plural('readerMinutesLeft', remaining) : '';
  }
  const panel = root.getElementById('panel-contents');
  if (panel === null) return progress;
  const current = currentHeading(scroller, headings);
  for (const link of panel.querySelectorAll('a[data-heading]')) {
    if (current !== null && link.dataset.heading === current.id) link.setAttribute('aria-current', 'true');
    else link.removeAttribute('aria-current');
  }
  return progress;
}

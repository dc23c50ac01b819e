// Hiding parts of a page by hand: the picker (point, click, Esc to stop, undo), and the sheet that
// hides what the user picked on this site, from the start of every visit.
//
// A pick is kept as a per-site CSS selector (settings.js's hidden parts) that the core makes to
// find the same block on the site's other pages (src/dom/selector.rs); this module only checks
// that it finds exactly the clicked element here. The rules apply as soon as the content script
// reads the site's selectors, while the page is still being parsed where the script runs at
// document_start (the first paint waits for them: first-paint.js), and follow changes made in the
// popup or the options page.
import { releaseFirstPaint } from './first-paint.js';
import * as hiding from './hiding.js';
import { language, t } from './i18n.js';
import { listen } from './messages.js';
import { clear as clearOutline, outline } from './outline.js';
import * as settings from './settings.js';

export const PICKER_TAG = 'tidyread-picker';

const BAR_CSS = `:host { all: initial !important; position: fixed !important; inset: auto 0 16px 0 !important;
  margin: 0 auto !important; width: max-content !important; max-width: calc(100vw - 32px) !important;
  z-index: 2147483647 !important; display: block !important; }
.bar { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 12px; padding: 10px 14px;
  font: 14px/1.4 system-ui, sans-serif; color: #fff; background: #1f2937; border-radius: 10px;
  box-shadow: 0 4px 18px rgb(0 0 0 / 0.35); }
.count { font-variant-numeric: tabular-nums; opacity: 0.85; }
button { font: inherit; color: inherit; background: #374151; border: 1px solid #6b7280; border-radius: 6px;
  padding: 4px 10px; cursor: pointer; }
button:disabled { opacity: 0.5; cursor: default; }
button:focus-visible { outline: 2px solid #93c5fd; outline-offset: 2px; }
.note { flex-basis: 100%; color: #fca5a5; }
.note:empty { display: none; }`;

// The adopted sheet that hides the parts until the user sheet is in, and the user sheet's text.
let bridge = null;
let userCss = null;
// What applies on this page: [{site, selector}].
let applied = [];
// The content script's way to a selector for an element (a snapshot and the core).
let selectorFor = null;

function rules(list) {
  const next = new CSSStyleSheet();
  for (const { selector } of list) {
    try {
      // One rule per selector: a stored or imported one that is not a selector is left out alone.
      next.insertRule(`${selector} { display: none !important; }`, next.cssRules.length);
    } catch {
      // not a selector
    }
  }
  return next;
}

function setBridge(next) {
  if (next === null && bridge === null) return;
  const others = document.adoptedStyleSheets.filter((s) => s !== bridge);
  document.adoptedStyleSheets = next === null ? others : [...others, next];
  bridge = next;
}

// The parts go into a user sheet (hiding.js), which the page cannot read. It comes by a message
// to the background, a frame or two after the first paint under load, so an adopted sheet hides
// them meanwhile and goes once the user sheet is in.
function applyHidden(list) {
  applied = list;
  // No sheet at all on a site without hidden parts: the page's sheets stay as the page made them.
  const next = list.length > 0 ? rules(list) : null;
  const css = next === null ? null : [...next.cssRules].map((rule) => rule.cssText).join('\n');
  if (css === userCss) return;
  setBridge(next);
  if (userCss !== null) hiding.removeSheet(userCss).catch(() => {});
  userCss = css;
  if (css === null) return;
  hiding.insertSheet(css, { lasting: true }).then(
    () => {
      if (userCss === css) setBridge(null);
    },
    (error) => console.warn('tidyread: the parts hidden by hand stay in an adopted sheet', error),
  );
}

async function refresh() {
  applyHidden(settings.hiddenForHost(await settings.loadHidden(location.hostname), location.hostname));
}

/** Each selector that applies on this page, with how many elements it hides here. */
function hiddenHere() {
  return applied.map(({ site, selector }) => {
    let matches = 0;
    try {
      matches = document.querySelectorAll(selector).length;
    } catch {
      // not a selector
    }
    return { site, selector, matches };
  });
}

// ---- The picker ----

let picking = null;

/** The element a pick means: not the page's frame, not ours, the whole of an SVG drawing. */
function pickable(target) {
  let element = target instanceof Element ? target : null;
  let svg = element?.closest('svg');
  while (svg?.parentElement?.closest('svg')) svg = svg.parentElement.closest('svg');
  if (svg) element = svg;
  if (element === null || element === document.documentElement || element === document.body) return null;
  if (element.localName === PICKER_TAG) return null;
  return element;
}

function makeBar(onUndo, onDone) {
  const host = document.createElement(PICKER_TAG);
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = BAR_CSS;
  const bar = document.createElement('div');
  bar.className = 'bar';
  bar.lang = language().tag;
  bar.dir = language().rtl ? 'rtl' : 'ltr';
  bar.setAttribute('role', 'region');
  bar.setAttribute('aria-label', t('pickerLabel'));
  const hint = Object.assign(document.createElement('span'), { textContent: t('pickerHint') });
  const count = Object.assign(document.createElement('span'), { className: 'count' });
  count.setAttribute('role', 'status');
  const undo = Object.assign(document.createElement('button'), { type: 'button', textContent: t('pickerUndo') });
  const done = Object.assign(document.createElement('button'), { type: 'button', textContent: t('pickerDone') });
  const note = Object.assign(document.createElement('span'), { className: 'note' });
  note.setAttribute('role', 'alert');
  undo.addEventListener('click', onUndo);
  done.addEventListener('click', onDone);
  bar.append(hint, count, undo, done, note);
  shadow.append(style, bar);
  return { host, count, undo, note };
}

/** Starts picking parts of the page to hide (the popup, the button's menu, the reader's menu). */
export function startPicker() {
  if (picking !== null || selectorFor === null) return;
  const picks = [];
  const site = settings.siteKey(location.hostname);
  let current = null;
  const update = () => {
    bar.count.textContent = t('pickerHidden', String(picks.length));
    bar.undo.disabled = picks.length === 0;
  };
  // The page must not see the pointer's clicks while picking: no link followed, no handler run.
  const swallow = (event) => {
    if (event.composedPath().includes(bar.host)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
  };
  const onMove = (event) => {
    const element = pickable(event.target);
    if (element === current) return;
    current = element;
    outline(element ? [element] : []);
  };
  const onClick = async (event) => {
    if (event.composedPath().includes(bar.host)) return;
    swallow(event);
    const element = pickable(event.target);
    if (element === null) return;
    bar.note.textContent = '';
    const selector = await selectorFor(element).catch(() => null);
    const found = selector ? [...document.querySelectorAll(selector)] : [];
    if (found.length !== 1 || found[0] !== element) {
      bar.note.textContent = t('pickerCannot');
      return;
    }
    picks.push(selector);
    current = null;
    clearOutline();
    applyHidden([...applied, { site, selector }]);
    update();
    await settings.addHidden(location.hostname, selector);
  };
  const onUndo = async () => {
    const selector = picks.pop();
    update();
    if (selector === undefined) return;
    applyHidden(applied.filter((h) => !(h.site === site && h.selector === selector)));
    await settings.removeHidden(site, selector);
  };
  const stop = () => {
    for (const [type, listener] of listeners) removeEventListener(type, listener, true);
    clearOutline();
    bar.host.remove();
    picking = null;
  };
  const onKey = (event) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopImmediatePropagation();
    stop();
  };
  const listeners = [
    ['mousemove', onMove],
    ['click', onClick],
    ['mousedown', swallow],
    ['mouseup', swallow],
    ['pointerdown', swallow],
    ['pointerup', swallow],
    ['auxclick', swallow],
    ['keydown', onKey],
  ];
  const bar = makeBar(onUndo, stop);
  update();
  document.documentElement.append(bar.host);
  for (const [type, listener] of listeners) addEventListener(type, listener, true);
  picking = { stop };
}

/**
 * Hides what the user picked on this site, now and as it changes, and answers the popup.
 * `pick.selectorFor(element)` resolves to the core's selector for a live element, or null.
 */
export function attach(pick) {
  selectorFor = pick.selectorFor;
  refresh()
    .catch((error) => console.warn('tidyread: could not read the parts hidden by hand', error))
    .finally(releaseFirstPaint);
  settings.onHiddenChange(() => refresh().catch(() => {}));
  listen('content', {
    'popup->content/hidden': () => ({ hidden: hiddenHere() }),
    'popup->content/pick': () => {
      startPicker();
      return {};
    },
    'background->content/pick': () => {
      startPicker();
      return {};
    },
  });
}

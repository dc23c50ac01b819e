// The reader view: the core's article in a surface the page cannot reach, over the page, which
// comes back exactly as it was when the view closes.
//
// A module of the content script, which hooks it in with
// `attach({ analyze, parsed, initial, onOpenChange })` and routes the reader's messages to
// `toggle`, `show` and `state`.
//
// The surface is <tidyread-reader>, appended to <html>, with a *closed* shadow root: the page's
// scripts cannot reach inside, its CSS only the host (reader.css wins there with !important
// rules of the shadow tree). It goes into the top layer (popover) when the browser has it, so
// the page's fixed overlays stay under it. Inside it there is nothing but what this file builds
// with textContent and the core's sanitised `article.content`, parsed in an inert document (DOMParser).
// While it is open the page underneath is made inert and unscrollable; every attribute touched
// for that is recorded first and put back byte for byte on close, with the scroll position.
import * as ext from './ext.js';
import { FONTS, THEMES, forHost, load as loadSettings, normalize, update as updateSettings } from './settings.js';

export const HOST_TAG = 'tidyread-reader';
export const TOAST_TAG = 'tidyread-toast';
// How long the "no article" note stays: long enough to read twice, short enough to forget.
const TOAST_MS = 4000;
// Steps of the toolbar's typography buttons (the bounds are settings.js's).
const STEPS = { size: 1, width: 5, lineHeight: 0.1 };

const t = (key, substitutions) => ext.i18n(key, substitutions) || key;

// The stylesheet, fetched once (a content script cannot read its files synchronously).
let cssText = null;
function loadCss() {
  cssText ??= fetch(ext.url('reader.css')).then((r) => {
    if (!r.ok) throw new Error(`reader.css: HTTP ${r.status}`);
    return r.text();
  });
  cssText.catch(() => {
    cssText = null;
  });
  return cssText;
}

/** The open view: {host, root, parts, reader, saved, auto}; null when closed. */
let view = null;
let toastView = null;
let analyzePage = null;
// Resolves to the page's first analysis when it carries the article, else null (see attach).
let firstAnalysis = Promise.resolve(null);
// Told when the view opens or closes (see attach).
let openChanged = () => {};
// One settings write at a time, in click order (each is a load, change, save).
let saving = Promise.resolve();

function el(name, attrs = {}, ...children) {
  const node = document.createElement(name);
  for (const [key, value] of Object.entries(attrs)) {
    if (value !== null && value !== undefined) node.setAttribute(key, String(value));
  }
  for (const child of children) node.append(child);
  return node;
}

// ---- the page underneath -------------------------------------------------------------------

// Records what hiding the page changes: attribute values as strings (null: absent).
function hidePage() {
  const html = document.documentElement;
  const saved = {
    scrollX: window.scrollX,
    scrollY: window.scrollY,
    focus: document.activeElement,
    attrs: [],
  };
  const remember = (node, name) => saved.attrs.push([node, name, node.getAttribute(name)]);
  const body = document.body;
  for (const node of [html, body]) {
    if (node === null) continue;
    remember(node, 'style');
    node.style.setProperty('overflow', 'hidden', 'important');
    // Chromium writes a CSSOM change to the attribute lazily; unless it is written now, a
    // later read can bring back `style=""` after the attribute was removed on close.
    node.getAttribute('style');
  }
  // Everything beside <head> and the view is taken out of focus order and the accessibility
  // tree: <body>, and anything a page appends to <html> after it.
  for (const node of html.children) {
    if (node.localName === 'head' || node.localName === HOST_TAG || node.localName === TOAST_TAG) continue;
    remember(node, 'inert');
    node.inert = true;
  }
  return saved;
}

function restorePage(saved) {
  // In reverse, so an element recorded twice ends with its first value.
  for (let i = saved.attrs.length - 1; i >= 0; i--) {
    const [node, name, value] = saved.attrs[i];
    if (value === null) node.removeAttribute(name);
    else node.setAttribute(name, value);
    // The same lazy write: read it back once, and take it away again if it came back.
    if (node.getAttribute(name) !== value) {
      if (value === null) node.removeAttribute(name);
      else node.setAttribute(name, value);
    }
  }
  const focus = saved.focus;
  if (focus && focus !== document.body && focus.isConnected && typeof focus.focus === 'function') {
    focus.focus({ preventScroll: true });
  }
  // 'instant': a page's `scroll-behavior: smooth` must not animate the way back.
  window.scrollTo({ left: saved.scrollX, top: saved.scrollY, behavior: 'instant' });
}

// While printing, the page's <body> is not printed, only the view (reader.css's print rules),
// and the view leaves the top layer, where it would be a box of one page's height.
function onBeforePrint() {
  if (view === null || document.body === null || view.printStyle !== undefined) return;
  view.printStyle = document.body.getAttribute('style');
  document.body.style.setProperty('display', 'none', 'important');
  document.body.getAttribute('style'); // written now (see hidePage)
  if (view.host.matches(':popover-open')) view.host.hidePopover();
}

function onAfterPrint() {
  if (view === null || view.printStyle === undefined || document.body === null) return;
  if (view.printStyle === null) document.body.removeAttribute('style');
  else document.body.setAttribute('style', view.printStyle);
  if (document.body.getAttribute('style') !== view.printStyle) {
    if (view.printStyle === null) document.body.removeAttribute('style');
    else document.body.setAttribute('style', view.printStyle);
  }
  view.printStyle = undefined;
  showInTopLayer(view.host);
}

// The top layer, above the page's own fixed boxes and dialogs opened before.
function showInTopLayer(host) {
  if (typeof host.showPopover !== 'function') return;
  host.setAttribute('popover', 'manual');
  try {
    if (!host.matches(':popover-open')) host.showPopover();
  } catch (error) {
    console.warn('tidyread: the reader view is not in the top layer', error);
  }
}

// ---- building the view ---------------------------------------------------------------------

function formatDate(iso, lang) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return date.toLocaleDateString(lang || undefined, { year: 'numeric', month: 'long', day: 'numeric' });
  } catch {
    return date.toLocaleDateString(undefined, { year: 'numeric', month: 'long', day: 'numeric' });
  }
}

// Only http(s) URLs leave the core's sanitiser as links or images; this checks once more for the
// one URL that does not go through it (the lead image, from metadata).
function httpUrl(value) {
  try {
    const url = new URL(value, location.href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
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
}

// The core's sanitised HTML, parsed into an inert document (DOMParser: no script runs, nothing
// loads; the same parse as innerHTML, without web-ext lint's UNSAFE_VAR_ASSIGNMENT), made safe
// to click and light to load, then moved into the view. Images load without a referrer.
function articleBody(content, images) {
  const parsed = new DOMParser().parseFromString(content, 'text/html');
  for (const a of parsed.body.querySelectorAll('a[href]')) {
    a.setAttribute('target', '_blank');
    a.setAttribute('rel', 'noopener noreferrer');
  }
  if (!images) dropImages(parsed.body);
  for (const img of parsed.body.querySelectorAll('img')) {
    img.setAttribute('loading', 'lazy');
    img.setAttribute('decoding', 'async');
    img.setAttribute('referrerpolicy', 'no-referrer');
  }
  const body = el('div', { class: 'content' });
  for (const node of Array.from(parsed.body.childNodes)) body.append(document.adoptNode(node));
  return body;
}

function leadImage(article, body) {
  const src = article.lead_image ? httpUrl(article.lead_image) : null;
  if (src === null) return null;
  // The body often starts with the same picture.
  for (const img of body.querySelectorAll('img')) {
    if (img.getAttribute('src') && httpUrl(img.getAttribute('src')) === src) return null;
  }
  const img = el('img', { src, alt: '', loading: 'lazy', decoding: 'async', referrerpolicy: 'no-referrer' });
  const figure = el('figure', { class: 'lead' }, img);
  // A picture that does not load leaves no broken-image box behind.
  img.addEventListener('error', () => figure.remove(), { once: true });
  return figure;
}

function button(label, attrs = {}) {
  return el('button', { type: 'button', ...attrs }, label);
}

function toolbar() {
  const themes = el(
    'div',
    { class: 'group', role: 'group', 'aria-label': t('readerTheme') },
    ...THEMES.map((theme) => button(t(`readerTheme_${theme}`), { 'data-set': 'theme', 'data-value': theme })),
  );
  const fonts = el(
    'div',
    { class: 'group', role: 'group', 'aria-label': t('readerFont') },
    ...FONTS.map((font) =>
      button(t(`readerFont_${font}`), { 'data-set': 'font', 'data-value': font, class: `face-${font}` }),
    ),
  );
  const stepper = (key, label, down, up) =>
    el(
      'div',
      { class: 'group', role: 'group', 'aria-label': t(label) },
      el('span', { class: 'group-label', 'aria-hidden': 'true' }, t(label)),
      button('−', { 'data-step': key, 'data-value': '-1', 'aria-label': t(down) }),
      el('span', { class: 'value', 'data-shows': key, 'aria-live': 'polite' }),
      button('+', { 'data-step': key, 'data-value': '1', 'aria-label': t(up) }),
    );
  return el(
    'div',
    { class: 'toolbar', role: 'toolbar', 'aria-label': t('readerToolbar') },
    themes,
    fonts,
    stepper('size', 'readerSize', 'readerSizeDown', 'readerSizeUp'),
    stepper('width', 'readerWidth', 'readerWidthDown', 'readerWidthUp'),
    stepper('lineHeight', 'readerLineHeight', 'readerLineHeightDown', 'readerLineHeightUp'),
    button('✕', { class: 'close', 'data-action': 'close', 'aria-label': t('readerClose'), title: t('readerClose') }),
  );
}

function build(article, settings) {
  const body = articleBody(article.content, settings.images);
  const title = article.title || document.title;
  const meta = [];
  if (article.byline) meta.push(el('span', { class: 'byline' }, article.byline));
  if (article.published_time) {
    meta.push(el('time', { datetime: article.published_time }, formatDate(article.published_time, article.lang)));
  }
  if (article.reading_minutes > 0) {
    meta.push(el('span', { class: 'minutes' }, t('readerMinutes', String(article.reading_minutes))));
  }
  const header = el(
    'header',
    {},
    article.site_name ? el('p', { class: 'site' }, article.site_name) : '',
    el('h1', { id: 'title', tabindex: '-1' }, title),
    meta.length ? el('p', { class: 'meta' }, ...meta) : '',
  );
  const lead = settings.images ? leadImage(article, body) : null;
  const articleEl = el(
    'article',
    { lang: article.lang || null, dir: article.dir || null, 'aria-labelledby': 'title' },
    header,
    ...(lead ? [lead] : []),
    body,
  );
  const reader = el('div', { class: 'reader', tabindex: '-1' }, toolbar(), el('main', {}, articleEl));
  applySettings(reader, settings);
  return reader;
}

function applySettings(reader, settings) {
  reader.dataset.theme = settings.theme;
  reader.dataset.font = settings.font;
  reader.style.setProperty('--size', `${settings.size}px`);
  reader.style.setProperty('--width', `${settings.width}ch`);
  reader.style.setProperty('--line', String(settings.lineHeight));
  for (const b of reader.querySelectorAll('[data-set]')) {
    b.setAttribute('aria-pressed', String(settings[b.dataset.set] === b.dataset.value));
  }
  const shown = {
    size: `${settings.size}px`,
    width: `${settings.width}ch`,
    lineHeight: settings.lineHeight.toFixed(1),
  };
  // (Not `data-value-of`: `dataset.valueOf` is Object.prototype's in Firefox's content scripts.)
  for (const v of reader.querySelectorAll('[data-shows]')) v.textContent = shown[v.dataset.shows];
}

// ---- behaviour -----------------------------------------------------------------------------

function changeSetting(key, value) {
  const next = normalize({ reader: { ...view.settings, [key]: value } }).reader;
  view.settings = next;
  applySettings(view.reader, next);
  saving = saving
    .then(() => updateSettings((s) => ({ ...s, reader: { ...s.reader, [key]: next[key] } })))
    .catch((error) => console.warn('tidyread: could not keep the reader settings', error));
}

function onClick(event) {
  const target = event.target.closest('button');
  if (target === null || view === null) return;
  if (target.dataset.action === 'close') {
    close();
  } else if (target.dataset.set) {
    changeSetting(target.dataset.set, target.dataset.value);
  } else if (target.dataset.step) {
    const key = target.dataset.step;
    const value = view.settings[key] + Number(target.dataset.value) * STEPS[key];
    changeSetting(key, Math.round(value * 10) / 10);
  }
}

function onKeyDown(event) {
  if (view === null) return;
  if (event.key === 'Escape') {
    event.preventDefault();
    event.stopPropagation();
    close();
    return;
  }
  // A toolbar moves focus between its buttons with the arrow keys (WAI-ARIA toolbar pattern).
  const inToolbar = event.target.closest?.('[role=toolbar]');
  if (inToolbar && (event.key === 'ArrowRight' || event.key === 'ArrowLeft')) {
    const buttons = Array.from(inToolbar.querySelectorAll('button'));
    const at = buttons.indexOf(event.target);
    if (at < 0) return;
    const rtl = getComputedStyle(inToolbar).direction === 'rtl';
    const forward = (event.key === 'ArrowRight') !== rtl;
    buttons[(at + (forward ? 1 : buttons.length - 1)) % buttons.length].focus();
    event.preventDefault();
  }
}

// Esc from wherever focus is (a click on the page's edge can leave it on <body>).
function onWindowKeyDown(event) {
  if (view !== null && event.key === 'Escape' && !event.defaultPrevented) {
    event.preventDefault();
    close();
  }
}

/**
 * Opens the view on `article` (the core's `article.Ok`) with `settings` (the reader part of
 * the settings). Returns a promise that settles once the view is on screen.
 */
export async function open(article, settings, { auto = false } = {}) {
  if (view !== null) return;
  const css = await loadCss();
  if (view !== null) return;
  const host = document.createElement(HOST_TAG);
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = css;
  const reader = build(article, settings);
  root.append(style, reader);
  const saved = hidePage();
  view = { host, root, reader, saved, settings, auto };
  reader.addEventListener('click', onClick);
  reader.addEventListener('keydown', onKeyDown);
  window.addEventListener('keydown', onWindowKeyDown, true);
  window.addEventListener('beforeprint', onBeforePrint);
  window.addEventListener('afterprint', onAfterPrint);
  document.documentElement.append(host);
  showInTopLayer(host);
  host.scrollTop = 0;
  root.getElementById('title').focus({ preventScroll: true });
  openChanged(true);
}

export function close() {
  if (view === null) return;
  const { host, saved } = view;
  onAfterPrint();
  window.removeEventListener('keydown', onWindowKeyDown, true);
  window.removeEventListener('beforeprint', onBeforePrint);
  window.removeEventListener('afterprint', onAfterPrint);
  view = null;
  host.remove();
  restorePage(saved);
  openChanged(false);
}

export function toast(message) {
  if (toastView !== null) {
    clearTimeout(toastView.timer);
    toastView.host.remove();
  }
  const host = document.createElement(TOAST_TAG);
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  // The host's box only; the note is one line of the UI's face.
  style.textContent = `:host { all: initial !important; position: fixed !important; inset: auto 0 24px 0 !important;
    margin: 0 auto !important; width: max-content !important; max-width: calc(100vw - 32px) !important;
    height: auto !important; padding: 0 !important; border: 0 !important; background: transparent !important;
    z-index: 2147483647 !important; display: block !important; pointer-events: none !important; }
    p { margin: 0; padding: 10px 16px; border-radius: 8px; background: #2b2a33; color: #fbfbfe;
    font: 14px/1.4 system-ui, sans-serif; box-shadow: 0 4px 16px rgba(0,0,0,.25); }
    p:empty { display: none; }`;
  const note = el('p', { role: 'status', 'aria-live': 'polite' });
  root.append(style, note);
  document.documentElement.append(host);
  if (typeof host.showPopover === 'function') {
    host.setAttribute('popover', 'manual');
    try {
      host.showPopover();
    } catch {
      // Shown in place, under any top-layer box of the page.
    }
  }
  // Filled after insertion, so that screen readers announce it.
  setTimeout(() => {
    note.textContent = message;
  }, 50);
  const timer = setTimeout(() => {
    host.remove();
    if (toastView?.host === host) toastView = null;
  }, TOAST_MS);
  toastView = { host, message, timer };
}

let pending = null;

/** Opens the view on the page's article, or closes it; a quiet note when there is none. */
// Opens the view unless it is open already.
export function show() {
  return view !== null ? Promise.resolve(state()) : toggle();
}

export function toggle() {
  pending ??= (async () => {
    try {
      if (view !== null) {
        close();
        return;
      }
      const [analysis, settings] = await Promise.all([analyzePage(), loadSettings()]);
      if (analysis.article?.Ok) {
        await open(analysis.article.Ok, settings.reader);
      } else {
        toast(t('readerNoArticle'));
      }
    } catch (error) {
      console.error('tidyread: reader view:', error);
      toast(t('readerFailed', String(error?.message ?? error)));
    }
  })().finally(() => {
    pending = null;
  });
  return pending.then(state);
}

/**
 * What the view shows, as plain data: for the popup and the tests, which cannot look into a
 * closed shadow root. `layout`: the toolbar's buttons with their centres, for real clicks.
 */
export function state({ layout = false } = {}) {
  const toastMessage = toastView?.message ?? null;
  const host = location.hostname;
  if (view === null) return { host, readerOpen: false, toast: toastMessage };
  const { root, settings } = view;
  const out = {
    host,
    readerOpen: true,
    auto: view.auto,
    toast: toastMessage,
    title: root.querySelector('h1')?.textContent ?? '',
    site: root.querySelector('.site')?.textContent ?? null,
    meta: Array.from(root.querySelectorAll('.meta > *'), (n) => n.textContent),
    lang: root.querySelector('article')?.getAttribute('lang') ?? null,
    dir: root.querySelector('article')?.getAttribute('dir') ?? null,
    paragraphs: Array.from(root.querySelectorAll('.content p'), (p) => p.textContent.trim()),
    links: Array.from(root.querySelectorAll('.content a[href]'), (a) => ({ target: a.target, rel: a.rel })),
    images: Array.from(root.querySelectorAll('img'), (i) => ({
      loading: i.getAttribute('loading'),
      referrer: i.getAttribute('referrerpolicy'),
    })),
    imageDescriptions: Array.from(root.querySelectorAll('.image-alt'), (s) => s.textContent),
    focus: root.activeElement
      ? root.activeElement.localName + (root.activeElement.id ? `#${root.activeElement.id}` : '')
      : null,
    settings: { ...settings },
    computed: {
      fontFamily: getComputedStyle(view.reader).fontFamily,
      fontSize: getComputedStyle(view.reader).fontSize,
      background: getComputedStyle(view.reader).backgroundColor,
      measure: root.querySelector('main').getBoundingClientRect().width,
      toolbarDisplay: getComputedStyle(root.querySelector('[role=toolbar]')).display,
    },
  };
  if (layout) {
    out.controls = Array.from(root.querySelectorAll('[role=toolbar] button'), (b) => {
      const r = b.getBoundingClientRect();
      return {
        label: b.getAttribute('aria-label') ?? b.textContent,
        set: b.dataset.set ?? b.dataset.step ?? b.dataset.action,
        value: b.dataset.value ?? null,
        pressed: b.getAttribute('aria-pressed'),
        x: r.left + r.width / 2,
        y: r.top + r.height / 2,
      };
    });
  }
  return out;
}

// Automatic reader mode: after the page's own analysis, only on an article page (the core's
// readerable check and an article found), only where the settings ask for it, and never when
// the user comes back to the page with Back or Forward (they were here, and may have left the
// view on purpose). A page restored from the back-forward cache keeps its state and runs no
// content script again, so it cannot re-trigger either.
async function autoOpen() {
  const navigation = performance.getEntriesByType?.('navigation')?.[0];
  if (navigation?.type === 'back_forward') return;
  const settings = await loadSettings();
  if (!forHost(settings, location.hostname).autoReader) return;
  const analysis = (await firstAnalysis) ?? (await analyzePage());
  if (analysis.readerable?.readerable !== true || !analysis.article?.Ok) return;
  if (view === null && pending === null) await open(analysis.article.Ok, settings.reader, { auto: true });
}

/**
 * Hooks the view into the content script: `analyze()` runs the core on the page as it is now
 * and resolves to its analysis; `parsed` resolves once the page is parsed; `initial` to the
 * page's first analysis if it carries the article (automatic mode then needs no other), else
 * null; `onOpenChange(open)` is called each time the view opens or closes. Runs automatic mode
 * once the page is there.
 */
export function attach({ analyze, parsed, initial, onOpenChange }) {
  if (analyzePage !== null) return;
  analyzePage = analyze;
  firstAnalysis = initial;
  openChanged = onOpenChange;
  loadCss().catch(() => {});
  parsed.then(autoOpen).catch((error) => console.warn('tidyread: automatic reader view:', error));
}

export const isOpen = () => view !== null;

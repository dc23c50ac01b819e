// The reader view: the core's article in a surface the page cannot reach, over the page, which
// comes back exactly as it was when the view closes.
//
// A module of the content script, which hooks it in with `attach({ analyze, parsed, initial,
// onOpenChange, pick })` and routes the reader's messages to `toggle`, `show` and `state`.
//
// The surface is <tidyread-reader>, appended to <html>, with a *closed* shadow root: the page's
// scripts cannot reach inside, its CSS only the host (reader.css wins there with !important
// rules of the shadow tree). It goes into the top layer (popover) when the browser has it, so
// the page's fixed overlays stay under it. Inside it is a modal dialog built with the DOM API
// (reader-view.js, reader-toolbar.js, contents.js, narrate.js, embeds.js) around the core's
// sanitised `article.content`, parsed in an inert document. While it is open the page underneath
// is inert and unscrollable (page-cover.js).
import { contentsPanel, followLink, headingsOf, showPosition } from './contents.js';
import { el } from './element.js';
import { playCard } from './embeds.js';
import * as ext from './ext.js';
import { copyText, download, fileName, htmlFile } from './export.js';
import { language, number, plural, t } from './i18n.js';
import { createNarrator, speechAvailable } from './narrate.js';
import { coverPage, printOnly, showInTopLayer, uncoverPage } from './page-cover.js';
import { describe } from './reader-state.js';
import { STEPS, makeBar, onToolbarKey, openDropdown, rove, setPanel, showSettings } from './reader-toolbar.js';
import { applyTypography, articleElement } from './reader-view.js';
import { forHost, load as loadSettings, normalize, update as updateSettings } from './settings.js';

export const HOST_TAG = 'tidyread-reader';
export const TOAST_TAG = 'tidyread-toast';
// How long a note stays: long enough to read twice, short enough to forget.
const TOAST_MS = 4000;
// Scrolled this far down (px) in one go, a narrow screen's toolbar slides away; any way up
// brings it back.
const HIDE_BAR_AFTER_PX = 24;
// reader.css's narrow layout.
const NARROW = '(max-width: 640px)';

const words = { t, plural, number, language };

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

/** The open view (host, root, reader, article, settings, narrator...); null when closed. */
let view = null;
let toastView = null;
let analyzePage = null;
let startPicker = null;
// Resolves to the page's first analysis when it carries the article, else null (see attach).
let firstAnalysis = Promise.resolve(null);
// Told when the view opens or closes (see attach).
let openChanged = () => {};
// One settings write at a time, in click order (each is a load, change, save).
let saving = Promise.resolve();

// ---- building the view ---------------------------------------------------------------------

function build(host, article, settings) {
  const articleEl = articleElement(article, { images: settings.images, words, pageUrl: location.href });
  const contents = contentsPanel(articleEl.querySelector('.content'), words);
  const narrator = speechAvailable()
    ? createNarrator({ article: articleEl, lang: article.lang, scroller: host, words })
    : null;
  const bar = makeBar(words, {
    contents: contents !== null,
    listen: narrator !== null,
    markdown: typeof article.markdown === 'string',
    canPick: startPicker !== null,
  });
  if (narrator !== null) bar.querySelector('.progress').after(narrator.bar);
  const ui = language();
  // The chrome speaks the UI's language and reads in its direction; the article its own.
  const reader = el('div', {
    class: 'reader',
    role: 'dialog',
    'aria-modal': 'true',
    'aria-labelledby': 'title',
    lang: ui.tag,
    dir: ui.rtl ? 'rtl' : 'ltr',
    tabindex: '-1',
  });
  reader.append(bar, contents ?? '', el('main', {}, articleEl));
  return { reader, article: articleEl, narrator };
}

// ---- behaviour -----------------------------------------------------------------------------

function changeSetting(key, value) {
  const next = normalize({ reader: { ...view.settings, [key]: value } }).reader;
  view.settings = next;
  applyTypography(view.reader, next);
  showSettings(view.root, next, words);
  saving = saving
    .then(() => updateSettings((s) => ({ ...s, reader: { ...s.reader, [key]: next[key] } })))
    .catch((error) => console.warn('tidyread: could not keep the reader settings', error));
}

async function save(action) {
  const { article, reader, markdown } = view;
  const title = view.title;
  try {
    if (action === 'save-html') {
      const css = await loadCss();
      download(reader, fileName(title, 'html'), htmlFile({ article, css, reader, title }), 'text/html');
    } else if (action === 'save-markdown' || action === 'copy-markdown') {
      if (action === 'save-markdown') download(reader, fileName(title, 'md'), markdown, 'text/markdown');
      else {
        await copyText(reader, markdown);
        toast(t('readerCopied'));
      }
    } else if (action === 'print') {
      window.print();
    }
    view.exported.push(action);
  } catch (error) {
    toast(t('readerSaveFailed', String(error?.message ?? error)));
  }
}

function onClick(event) {
  if (view === null) return;
  const { root } = view;
  const target = event.target.closest('button, a[data-heading]');
  // A click anywhere else closes an open dropdown.
  if (!event.target.closest('.dropdown, [data-panel]')) {
    const open = openDropdown(root);
    if (open !== null) setPanel(root, open, false);
  }
  if (target === null) return;
  if (target.matches('a[data-heading]')) {
    event.preventDefault();
    // On a narrow screen the contents cover the article: they make way for it.
    if (matchMedia(NARROW).matches) setPanel(root, 'contents', false);
    followLink(root, target);
    return;
  }
  if (target.matches('.embed-play')) {
    playCard(target);
    return;
  }
  const toolbar = target.closest('[role=toolbar]');
  if (toolbar !== null) rove(toolbar, target);
  const action = target.dataset.action;
  if (action === 'close') close();
  else if (action === 'panel') {
    const opened = setPanel(root, target.dataset.panel, undefined);
    const panel = root.getElementById(`panel-${target.dataset.panel}`);
    if (opened && panel.classList.contains('dropdown')) panel.querySelector('button')?.focus();
  } else if (action === 'listen') listen();
  else if (action === 'pick') {
    close();
    startPicker?.();
  } else if (action !== undefined) {
    setPanel(root, 'save', false);
    root.querySelector('[data-panel=save]')?.focus();
    save(action);
  } else if (target.dataset.set) {
    changeSetting(target.dataset.set, target.dataset.value);
  } else if (target.dataset.step) {
    const key = target.dataset.step;
    const value = view.settings[key] + Number(target.dataset.value) * STEPS[key];
    changeSetting(key, Math.round(value * 10) / 10);
  }
}

// The toolbar's Read aloud: opens the read-aloud bar and starts, or stops and closes it.
function listen() {
  const { narrator, root } = view;
  if (narrator === null) return;
  const opening = !narrator.state().open;
  if (opening) narrator.open();
  else narrator.close();
  root.querySelector('[data-action=listen]')?.setAttribute('aria-expanded', String(opening));
}

// Keys typed into a control are the control's.
const typing = (target) => target.closest?.('select, input, textarea') != null;

function onKeyDown(event) {
  if (view === null) return;
  const { root } = view;
  if (event.key === 'Escape') {
    event.preventDefault();
    event.stopPropagation();
    // Esc closes the innermost thing open: a dropdown, then the view.
    const open = openDropdown(root);
    if (open !== null) {
      setPanel(root, open, false);
      root.querySelector(`[data-panel="${open}"]`)?.focus();
    } else close();
    return;
  }
  const toolbar = event.target.closest?.('[role=toolbar]');
  if (toolbar && onToolbarKey(event, toolbar)) {
    event.preventDefault();
    return;
  }
  if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target) || view.narrator === null) return;
  if (event.key === 'r' || event.key === 'R') {
    if (view.narrator.state().open) view.narrator.togglePlay();
    else listen();
  } else if ((event.key === '[' || event.key === ']') && view.narrator.state().open) {
    view.narrator.skip(event.key === ']' ? 1 : -1);
  } else return;
  event.preventDefault();
}

// Esc from wherever focus is (a click on the page's edge can leave it on <body>); within the
// view, its own handler decides (Esc closes a menu first).
function onWindowKeyDown(event) {
  if (view !== null && event.key === 'Escape' && !event.defaultPrevented && !event.composedPath().includes(view.host)) {
    event.preventDefault();
    close();
  }
}

// At most once a frame: the bar, the progress and the current section follow the scroll.
function onScroll() {
  if (view === null || view.scrollFrame) return;
  view.scrollFrame = requestAnimationFrame(followScroll);
}

function followScroll() {
  if (view === null) return;
  view.scrollFrame = 0;
  const { host, reader, root } = view;
  const y = host.scrollTop;
  const moved = y - view.lastScroll;
  const busy = root.activeElement?.closest('.bar') || openDropdown(root) !== null;
  if (moved > HIDE_BAR_AFTER_PX && !busy) reader.dataset.bar = 'hidden';
  else if (moved < 0 || busy) delete reader.dataset.bar;
  if (Math.abs(moved) > HIDE_BAR_AFTER_PX || moved < 0) view.lastScroll = y;
  showPosition(view, words);
}

// A focus that lands in the bar while it is hidden brings it back.
function onFocusIn(event) {
  if (view !== null && event.target.closest?.('.bar')) delete view.reader.dataset.bar;
}

function onBeforePrint() {
  if (view !== null && view.unprint === undefined) view.unprint = printOnly(view.host);
}

function onAfterPrint() {
  if (view === null || view.unprint === undefined) return;
  view.unprint();
  view.unprint = undefined;
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
  const parts = build(host, article, settings);
  root.append(style, parts.reader);
  const saved = coverPage([HOST_TAG, TOAST_TAG]);
  view = {
    host,
    root,
    ...parts,
    settings,
    auto,
    title: article.title || document.title,
    minutes: article.reading_minutes,
    headings: headingsOf(parts.article.querySelector('.content')),
    scrollFrame: 0,
    markdown: article.markdown,
    lastScroll: 0,
    exported: [],
    cover: saved,
  };
  parts.reader.addEventListener('click', onClick);
  parts.reader.addEventListener('keydown', onKeyDown);
  parts.reader.addEventListener('focusin', onFocusIn);
  host.addEventListener('scroll', onScroll, { passive: true });
  // Headings scrolled to stop under the bar, whatever its height (the read-aloud bar open or not).
  const bar = parts.reader.querySelector('.bar');
  view.barSize = new ResizeObserver(() => parts.reader.style.setProperty('--bar-height', `${bar.offsetHeight}px`));
  view.barSize.observe(bar);
  window.addEventListener('keydown', onWindowKeyDown, true);
  window.addEventListener('beforeprint', onBeforePrint);
  window.addEventListener('afterprint', onAfterPrint);
  document.documentElement.append(host);
  showInTopLayer(host);
  // Measured once the view has its layout.
  applyTypography(parts.reader, settings);
  showSettings(root, settings, words);
  host.scrollTop = 0;
  showPosition(view, words);
  root.getElementById('title').focus({ preventScroll: true });
  openChanged(true);
}

export function close() {
  if (view === null) return;
  const { host, cover, narrator, barSize } = view;
  onAfterPrint();
  narrator?.stop();
  barSize.disconnect();
  window.removeEventListener('keydown', onWindowKeyDown, true);
  window.removeEventListener('beforeprint', onBeforePrint);
  window.removeEventListener('afterprint', onAfterPrint);
  view = null;
  host.remove();
  uncoverPage(cover);
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
 * closed shadow root. `layout`: the controls with their centres, for real clicks, and measures.
 */
export function state({ layout = false } = {}) {
  const toastMessage = toastView?.message ?? null;
  const host = location.hostname;
  if (view === null) return { host, readerOpen: false, toast: toastMessage };
  return { host, readerOpen: true, auto: view.auto, toast: toastMessage, ...describe(view, { layout }) };
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
 * null; `onOpenChange(open)` is called each time the view opens or closes; `pick()` starts the
 * picker that hides parts of the page by hand. Runs automatic mode once the page is there.
 */
export function attach({ analyze, parsed, initial, onOpenChange, pick = null }) {
  if (analyzePage !== null) return;
  analyzePage = analyze;
  openChanged = onOpenChange;
  startPicker = pick;
  firstAnalysis = initial;
  loadCss().catch(() => {});
  parsed.then(autoOpen).catch((error) => console.warn('tidyread: automatic reader view:', error));
}

export const isOpen = () => view !== null;

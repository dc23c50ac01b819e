// The playground: a pasted page goes through the extension's own snapshot and wasm core; the
// reader view, the removed clutter and the timings come back beside the original.
//
// It imports the content script's own snapshot and wasm loader (scripts/bundle.mjs bundles them
// into dist/www/playground.js).
//
// Where the pasted page lives, and why its scripts never run:
//   - the core reads a document made by DOMParser: an inert document, scripts are never run there;
//   - the original is shown in <iframe sandbox="allow-same-origin" srcdoc>: no allow-scripts, so
//     nothing in it runs (not <script>, not on* attributes, not javascript: URLs), and it inherits
//     this page's CSP as a second wall. allow-same-origin is what lets this script reach into it
//     to outline a removal; without allow-scripts the frame cannot use that origin itself.
//   - the reader pane is the extension's own reader view (reader-view.js, reader.css) in a shadow
//     root: markup is parsed only from the core's sanitised `content`, in an inert document;
//     every other field is set as text; players stay cards until clicked.
// Both documents come from the same HTML parser on the same string, so a node's child-index path
// in the parsed document finds the same node in the iframe's.
import { loadCore } from '../extension/core.js';
import { el } from '../extension/element.js';
import { playCard } from '../extension/embeds.js';
import { applyTypography, articleElement } from '../extension/reader-view.js';
import { DEFAULTS } from '../extension/settings.js';
import { take } from '../extension/snapshot.js';
import { words } from './words.js';

const $ = (id) => document.getElementById(id);
const ui = {
  root: document.documentElement,
  status: $('status'),
  form: $('input'),
  html: $('html'),
  sample: $('sample'),
  url: $('url'),
  keepComments: $('keep-comments'),
  run: $('run'),
  original: $('original'),
  reader: $('reader'),
  removals: $('removals'),
  removalCount: $('removal-count'),
  metadata: $('metadata'),
  timings: $('timings'),
  version: $('version'),
};

const state = {
  core: null, // the wasm core, once loaded
  load: null, // {fetch_ms, init_ms, bytes}
  nodes: [], // the parsed document's nodes, by snapshot id
  removals: [],
  highlighted: null, // {element, style} while an item is hovered
};

const HIGHLIGHT = [
  ['outline', '3px solid #d0342c'],
  ['outline-offset', '-3px'],
  ['background-color', 'rgba(208, 52, 44, 0.14)'],
];

function setStatus(text, kind = 'info') {
  ui.status.textContent = text;
  ui.status.dataset.kind = kind;
}

function ms(value) {
  return typeof value === 'number' && Number.isFinite(value) ? `${value.toFixed(2)} ms` : '—';
}

// ---- the original, and finding a node in it ----

function childIndex(node) {
  let i = 0;
  for (let s = node.previousSibling; s !== null; s = s.previousSibling) i++;
  return i;
}

function pathOf(node) {
  const path = [];
  for (let n = node; n.parentNode !== null; n = n.parentNode) path.push(childIndex(n));
  return path.reverse();
}

/** The element of the iframe's document at `node`'s place in the parsed one, or null. */
function inOriginal(node) {
  const doc = ui.original.contentDocument;
  // Until the srcdoc document exists, contentDocument is the initial about:blank.
  if (doc === null || doc.URL !== 'about:srcdoc' || node === undefined) return null;
  let found = doc;
  for (const i of pathOf(node)) {
    found = found.childNodes[i];
    if (found === undefined) return null;
  }
  if (found.nodeType !== node.nodeType || found.nodeName !== node.nodeName) return null;
  return found.nodeType === Node.ELEMENT_NODE ? found : found.parentElement;
}

function unhighlight() {
  const h = state.highlighted;
  if (h === null) return;
  state.highlighted = null;
  if (h.style === null) h.element.removeAttribute('style');
  else h.element.setAttribute('style', h.style);
}

function highlight(index) {
  unhighlight();
  const removal = state.removals[index];
  const element = removal && inOriginal(state.nodes[removal.node]);
  if (!element) return false;
  state.highlighted = { element, style: element.getAttribute('style') };
  for (const [name, value] of HIGHLIGHT) element.style.setProperty(name, value, 'important');
  // Scroll the frame only (scrollIntoView would scroll this page too).
  const view = ui.original.contentWindow;
  const rect = element.getBoundingClientRect();
  if (view && (rect.top < 0 || rect.bottom > view.innerHeight)) {
    view.scrollBy({ top: rect.top - view.innerHeight / 4 });
  }
  return true;
}

// ---- output ----

function clear(element) {
  element.replaceChildren();
}

function add(parent, tag, text, className) {
  const el = document.createElement(tag);
  if (text !== undefined && text !== null) el.textContent = String(text);
  if (className) el.className = className;
  parent.append(el);
  return el;
}

// The reader pane: an open shadow root (the tests read it; no script of the pasted page runs
// anywhere here) with the reader view's style sheet and the pane's own few rules after it.
const pane = { reader: null };
const NOTHING_YET = ['Nothing to read yet.', "Paste a page's HTML or pick a sample, then press “Read it”."];

async function readerPane() {
  const root = ui.reader.attachShadow({ mode: 'open' });
  const sheets = await Promise.all(
    ['reader.css', 'reader-pane.css'].map(async (name) => {
      const response = await fetch(name);
      if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
      return response.text();
    }),
  );
  const style = document.createElement('style');
  style.textContent = sheets.join('\n');
  pane.reader = el('div', { class: 'reader', lang: 'en', dir: 'ltr' });
  pane.reader.addEventListener('click', (event) => {
    const play = event.target.closest('.embed-play');
    if (play !== null) playCard(play);
  });
  root.append(style, pane.reader);
  showNote(...NOTHING_YET);
}

/** A plain message in the pane instead of an article. */
function showNote(title, detail) {
  pane.reader.replaceChildren(el('p', { class: 'note', role: 'status' }, el('strong', {}, title), detail));
}

// The core's reason in plain words ("no article found: the best candidate has 0 characters of
// text (minimum 1)" says that the page has no text to read).
function reason(error) {
  const text = String(error);
  const chars = /has (\d+) characters of text/.exec(text)?.[1];
  if (chars !== undefined) {
    return Number(chars) === 0
      ? 'There is no text in it to read.'
      : `Its longest passage of text has only ${chars} characters.`;
  }
  const said = text.replace(/^no article found:\s*/i, '').trim();
  return said === '' ? '' : `${said[0].toUpperCase()}${said.slice(1)}${/[.!?]$/.test(said) ? '' : '.'}`;
}

function showReader(article, pageUrl) {
  if ('Err' in article) {
    showNote('No article on this page.', reason(article.Err));
    return;
  }
  const view = articleElement(article.Ok, { images: true, words, pageUrl: pageUrl || null });
  pane.reader.replaceChildren(el('main', {}, view));
  applyTypography(pane.reader, { ...DEFAULTS.reader, theme: 'light' });
}

function showRemovals(removals) {
  const box = ui.removals;
  clear(box);
  ui.removalCount.textContent = `(${removals.length})`;
  if (removals.length === 0) {
    add(box, 'p', 'The core removed nothing on this page.', 'empty');
    return;
  }
  const byKind = new Map();
  removals.forEach((removal, index) => {
    if (!byKind.has(removal.kind)) byKind.set(removal.kind, []);
    byKind.get(removal.kind).push(index);
  });
  for (const [kind, indexes] of byKind) {
    const group = add(box, 'section', undefined, 'kind');
    const h = add(group, 'h3', kind.replaceAll('_', ' '));
    add(h, 'span', ` (${indexes.length})`, 'count');
    const list = add(group, 'ol');
    for (const index of indexes) {
      const removal = removals[index];
      const button = add(add(list, 'li'), 'button', undefined, 'removal');
      button.type = 'button';
      button.dataset.index = String(index);
      add(button, 'span', removal.reason, 'reason');
      add(button, 'span', removal.excerpt || '(no text)', 'excerpt');
      const node = state.nodes[removal.node];
      add(button, 'span', node ? `<${node.nodeName.toLowerCase()}> #${removal.node}` : `#${removal.node}`, 'node');
    }
  }
}

function fill(dl, rows) {
  clear(dl);
  for (const [name, value] of rows) {
    add(dl, 'dt', name);
    add(dl, 'dd', value === null || value === undefined || value === '' ? '—' : value);
  }
}

function showMetadata(analysis) {
  const r = analysis.readerable;
  const a = 'Ok' in analysis.article ? analysis.article.Ok : {};
  fill(ui.metadata, [
    ['readerable', `${r.readerable ? 'yes' : 'no'} (score ${r.score.toFixed(1)})`],
    ['title', a.title],
    ['byline', a.byline],
    ['published', a.published_time],
    ['site', a.site_name],
    ['language', a.lang],
    ['direction', a.dir],
    ['excerpt', a.excerpt],
    ['lead image', a.lead_image],
    ['words', a.word_count],
    ['reading time', a.reading_minutes === undefined ? null : `${a.reading_minutes} min`],
    ['article root', a.root === undefined ? null : `node #${a.root}`],
  ]);
}

function showTimings(t, snap) {
  fill(ui.timings, [
    ['wasm fetch (once)', ms(state.load.fetch_ms)],
    ['wasm compile + instantiate (once)', ms(state.load.init_ms)],
    ['parse (DOMParser)', ms(t.parse_ms)],
    ['snapshot (snapshot.js)', ms(t.snapshot_ms)],
    ['decode (core)', ms(t.decode_ms)],
    ['analyze (core)', ms(t.analyze_ms)],
    ['result to JS', ms(t.boundary_ms)],
    ['snapshot + analyze call', ms(t.snapshot_ms + t.call_ms)],
    ['nodes / words / string', `${snap.nodes.length} / ${snap.words.length} / ${snap.strings.length} chars`],
  ]);
}

// ---- a run ----

function run() {
  const html = ui.html.value;
  const url = ui.url.value.trim();
  if (html.trim() === '') {
    showNote(...NOTHING_YET);
    setStatus('Nothing to read: the HTML box is empty.');
    ui.root.dataset.runs = String(Number(ui.root.dataset.runs ?? 0) + 1);
    return;
  }
  if (url !== '' && !URL.canParse(url)) {
    setStatus(`Not a URL: ${url}`, 'error');
    return;
  }
  unhighlight();
  const options = { keepComments: ui.keepComments.checked };
  if (url !== '') options.url = url;
  try {
    const t0 = performance.now();
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const t1 = performance.now();
    const snap = take(doc);
    const t2 = performance.now();
    const analysis = state.core.analyze(snap.words, snap.strings, options);
    const t3 = performance.now();
    state.nodes = snap.nodes;
    state.removals = analysis.removals;
    ui.original.srcdoc = html;
    showReader(analysis.article, url);
    showRemovals(analysis.removals);
    showMetadata(analysis);
    const { decode_ms, analyze_ms } = analysis.timings;
    const timings = {
      parse_ms: t1 - t0,
      snapshot_ms: t2 - t1,
      call_ms: t3 - t2,
      decode_ms,
      analyze_ms,
      boundary_ms: Math.max(0, t3 - t2 - decode_ms - analyze_ms),
    };
    showTimings(timings, snap);
    setStatus(`Read in ${(t3 - t1).toFixed(1)} ms: ${analysis.removals.length} removals.`);
    ui.root.dataset.state = 'done';
  } catch (error) {
    setStatus(`The core failed: ${error?.message ?? error}`, 'error');
    ui.root.dataset.state = 'error';
  }
  ui.root.dataset.runs = String(Number(ui.root.dataset.runs ?? 0) + 1);
}

async function pickSample() {
  const option = ui.sample.selectedOptions[0];
  if (!option || option.value === '') return;
  try {
    const response = await fetch(`samples/${encodeURIComponent(option.value)}.html`);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    ui.html.value = await response.text();
    ui.url.value = option.dataset.url ?? '';
    if (!ui.run.disabled) run();
  } catch (error) {
    setStatus(`Could not load the sample: ${error.message}`, 'error');
  }
}

function removalButton(event) {
  return event.target instanceof Element ? event.target.closest('button.removal') : null;
}

ui.form.addEventListener('submit', (event) => {
  event.preventDefault();
  run();
});
ui.sample.addEventListener('change', pickSample);
for (const type of ['mouseover', 'focusin', 'click']) {
  ui.removals.addEventListener(type, (event) => {
    const button = removalButton(event);
    if (button === null) return;
    const ok = highlight(Number(button.dataset.index));
    button.classList.toggle('unmapped', !ok);
  });
}
for (const type of ['mouseout', 'focusout']) {
  ui.removals.addEventListener(type, (event) => {
    const button = removalButton(event);
    if (button !== null && !button.contains(event.relatedTarget)) unhighlight();
  });
}

// As the content script does it: fetch the bytes, compile and instantiate synchronously.
Promise.all([loadCore('pkg/tidyread_bg.wasm'), readerPane()]).then(
  ([{ core, load }]) => {
    state.core = core;
    state.load = load;
    ui.version.textContent = core.version();
    ui.run.disabled = false;
    setStatus(
      `Core ${core.version()} ready (${(state.load.bytes / 1024).toFixed(0)} KB wasm, ` +
        `compiled in ${state.load.init_ms.toFixed(1)} ms).`,
    );
    ui.root.dataset.state = 'ready';
    if (ui.html.value.trim() !== '') run();
  },
  (error) => {
    setStatus(`The core could not load: ${error?.message ?? error}`, 'error');
    ui.root.dataset.state = 'error';
  },
);

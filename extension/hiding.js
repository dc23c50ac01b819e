// How the content script hides clutter without moving a node: the way uBlock Origin's cosmetic
// filtering does. Every node stays where the page put it, so the page's own code (React, Vue, or
// a plain `parent.removeChild(node)`) keeps working on it.
//
// A hidden element carries an attribute whose name is a random token drawn for this page, and a
// user-origin stylesheet, inserted by the background through the scripting API, says
// `[token] { display: none !important }`. A user-origin `!important` declaration beats every
// author style, the page's inline `!important` included; the page cannot read the sheet
// (it is in neither document.styleSheets nor adoptedStyleSheets), and cannot name the attribute
// before it sees one. The same sheets carry the rules for blocks the page may insert again (by
// their stable selector), the scroll lock lifted after a modal, and the pre-hide sheet.
//
// Inside a shadow tree, which no user sheet reaches, the same rule is a sheet its shadow root
// adopts (a page's own script can read it there, as it can read its root's other sheets).
//
// A modal <dialog> hidden this way would still make the rest of the page inert: it is shown again
// as a non-modal dialog (still open for the page's code) while hidden, and as a modal one again
// when it comes back.

/** Sends a message to the background: (type, payload) => Promise (messages.js's toBackground). */
let send = null;
let token = null;
let keepToken = null;
// The insertion of the token's sheet, from `start` to `stop`.
let started = null;
// Sheets in the page: css text -> how many callers hold it (one insertion each text).
const sheets = new Map();
// Sheets a restore leaves in: they are not decluttering's (the parts the user hid by hand).
const lasting = new Set();
// The insertions and removals of each sheet, in order, so a remove never overtakes its insert;
// different sheets do not wait for each other. css text -> the last one's promise.
const pendingSheets = new Map();
// Modal dialogs shown as non-modal while hidden.
let demoted = new WeakSet();
// A user sheet does not reach into shadow trees: in each shadow root where something was hidden,
// the token's rule is a constructed sheet the root adopts (after the page's own), by root.
const shadowSheets = new Map();

// A name the page cannot guess: a letter, then 11 random letters and digits.
function randomName() {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let name = alphabet[bytes[0] % 26];
  for (let i = 1; i < bytes.length; i++) name += alphabet[bytes[i] % alphabet.length];
  return name;
}

function queueSheet(type, css) {
  const result = settled(css).then(() => send(type, { css }));
  const done = result.catch(() => {});
  pendingSheets.set(css, done);
  done.then(() => {
    if (pendingSheets.get(css) === done) pendingSheets.delete(css);
  });
  return result;
}

// Resolves once what was asked of sheet `css` so far is done.
function settled(css) {
  return pendingSheets.get(css) ?? Promise.resolve();
}

function drawTokens() {
  if (token !== null) return;
  token = randomName();
  keepToken = randomName();
}

/** How sheets reach the page: messages.js's toBackground, which the background answers. */
export function connect(sendToBackground) {
  send = sendToBackground;
}

/**
 * Starts hiding in this page: inserts the sheet that hides what carries the token (once, until
 * `stop`). Resolves once the sheet is in.
 */
export function start() {
  drawTokens();
  if (started === null) {
    const css = `[${token}] { display: none !important; }`;
    const inserting = insertSheet(css);
    started = inserting;
    // Not in: the next start tries again.
    inserting.catch(() => {
      if (started === inserting) started = null;
      sheets.delete(css);
    });
  }
  return started;
}

/**
 * Adds `css` as a user-origin sheet of the page (once, however often it is asked for).
 * `lasting`: `stop` leaves it in.
 */
export function insertSheet(css, { lasting: outlivesStop = false } = {}) {
  if (outlivesStop) lasting.add(css);
  const held = sheets.get(css) ?? 0;
  sheets.set(css, held + 1);
  if (held > 0) return settled(css);
  return queueSheet('content->background/insert-css', css);
}

/** Takes back one `insertSheet(css)`; the sheet goes with the last one. */
export function removeSheet(css) {
  const held = sheets.get(css) ?? 0;
  if (held === 0) return settled(css);
  if (held > 1) {
    sheets.set(css, held - 1);
    return settled(css);
  }
  sheets.delete(css);
  lasting.delete(css);
  return queueSheet('content->background/remove-css', css);
}

/**
 * The sheet that hides every element matching `selector` but those `keep` was called on: what
 * the page inserts again is hidden as it is inserted, before any script of ours runs.
 */
export function selectorRule(selector) {
  drawTokens();
  return `${selector}:not([${keepToken}]) { display: none !important; }`;
}

// The token's rule in the shadow root `element` is in, if it is in one.
function ruleInShadowRoot(element) {
  const root = element.getRootNode();
  if (root.nodeType !== Node.DOCUMENT_FRAGMENT_NODE || shadowSheets.has(root)) return;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`[${token}] { display: none !important; }`);
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  shadowSheets.set(root, sheet);
}

/** Hides `element`. */
export function hide(element) {
  drawTokens();
  ruleInShadowRoot(element);
  element.setAttribute(token, '');
  element.removeAttribute(keepToken);
  for (const dialog of modalDialogsIn(element)) {
    asNonModal(dialog);
    demoted.add(dialog);
  }
}

/** Shows `element` again (after `hide`), as the page had it. */
export function unhide(element) {
  if (!isHidden(element)) return;
  element.removeAttribute(token);
  for (const dialog of [element, ...element.querySelectorAll('dialog')]) {
    if (!demoted.has(dialog)) continue;
    demoted.delete(dialog);
    asModalAgain(dialog);
  }
}

export function isHidden(element) {
  return token !== null && element.hasAttribute(token);
}

/** Keeps `element` from the selector rules (the core says it is not clutter). */
export function keep(element) {
  drawTokens();
  element.setAttribute(keepToken, '');
}

export function isKept(element) {
  return keepToken !== null && element.hasAttribute(keepToken);
}

/**
 * Everything back as the page had it: every hidden or kept element of the document (wherever
 * the page has moved it), every sheet but the lasting ones. Resolves once the sheets are gone.
 */
export function stop() {
  started = null;
  if (token === null) return Promise.resolve();
  for (const scope of [document, ...shadowSheets.keys()]) {
    for (const element of scope.querySelectorAll(`[${token}]`)) unhide(element);
    for (const element of scope.querySelectorAll(`[${keepToken}]`)) element.removeAttribute(keepToken);
  }
  for (const [root, sheet] of shadowSheets)
    root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
  shadowSheets.clear();
  demoted = new WeakSet();
  const gone = [...sheets.keys()]
    .filter((css) => !lasting.has(css))
    .map((css) => {
      sheets.set(css, 1);
      return removeSheet(css);
    });
  return Promise.allSettled(gone);
}

function modalDialogsIn(element) {
  const dialogs = element.localName === 'dialog' ? [element] : [];
  dialogs.push(...element.querySelectorAll('dialog[open]'));
  return dialogs.filter((dialog) => dialog.matches(':modal'));
}

/**
 * Shows an open modal `dialog` as a non-modal one: still open for the page's code (it gets a
 * `close` event), but out of the top layer, and no longer making the rest of the page inert.
 */
export function asNonModal(dialog) {
  dialog.close();
  dialog.show();
}

/** Makes a dialog `asNonModal` changed modal again, unless the page has closed it meanwhile. */
export function asModalAgain(dialog) {
  if (!dialog.open || !dialog.isConnected || dialog.matches(':modal')) return;
  dialog.close();
  dialog.showModal();
}

// Every runtime message of the extension, by direction, with the shape of its payload and of its
// reply. A message is `{type: "<from>-><to>/<verb>", ...payload}`; every reply is
// `{ok: true, ...reply}` or `{ok: false, error}`. A receiver answers only types addressed to it,
// from this extension, and checks the payload against its shape here before its handler runs.
//
// A shape maps each key to a type: 'string', 'integer', 'boolean' or 'object' (any non-null
// object), with a trailing '?' when the key may be absent. A payload with a key its shape does
// not name is refused.
//
// `testOnly` marks the hooks only the e2e suites send: their handlers are registered in a statement
// labelled `TEST_HOOKS:`, which the shipped build leaves out (scripts/bundle.mjs).
import * as ext from './ext.js';

export const MESSAGES = Object.freeze({
  // ---- content script -> background ----
  // The page's CSP keeps wasm out of the content script (Chromium): the background runs the same
  // core on the content script's snapshot (snapshot.js's wire form).
  'content->background/analyze': { payload: { snapshot: 'object', options: 'object' }, reply: { analysis: 'object' } },
  // What the content script took off the page, for the badge.
  'content->background/status': { payload: { status: 'object' }, reply: {} },
  // A user-origin stylesheet into (or out of) the sender's frame: how clutter is hidden
  // (hiding.js). A content script cannot insert one itself, and the page cannot read one.
  'content->background/insert-css': { payload: { css: 'string' }, reply: {} },
  'content->background/remove-css': { payload: { css: 'string' }, reply: {} },
  // The same fallback for a selector of one snapshot node (a part the user hides by hand).
  'content->background/selector': {
    payload: { snapshot: 'object', node: 'integer' },
    reply: { selector: 'string?' },
  },

  // ---- popup -> background ----
  // The popup shows a tab whose page may not have the content script yet (opened from the
  // button's menu, which grants activeTab).
  'popup->background/ensure-content': { payload: { tabId: 'integer' }, reply: { injected: 'boolean' } },
  'popup->background/core-version': { payload: {}, reply: { core: 'string' } },

  // ---- options page -> background ----
  'options->background/core-version': { payload: {}, reply: { core: 'string' } },

  // ---- background -> content script ----
  // Is the content script there? (Before injecting it on a click.)
  'background->content/ping': { payload: {}, reply: {} },
  // The toolbar button and the shortcut: open or close the reader view, or open it (just injected).
  'background->content/reader-toggle': { payload: {}, reply: { reader: 'object' } },
  'background->content/reader-show': { payload: {}, reply: { reader: 'object' } },
  // The button's menu: pick parts of the page to hide.
  'background->content/pick': { payload: {}, reply: {} },
  // Decluttering off and on again, as the popup's switch does through the settings.
  'background->content/toggle': { payload: {}, reply: { status: 'object' }, testOnly: true },
  // What the closed shadow root shows; `layout`: with the toolbar buttons' places, for real clicks.
  'background->content/reader-state': { payload: { layout: 'boolean?' }, reply: { reader: 'object' }, testOnly: true },

  // ---- popup -> content script ----
  'popup->content/status': { payload: {}, reply: { status: 'object' } },
  // One block back (`id`: its item's id in the status, the same for the block's copies).
  'popup->content/restore-one': { payload: { id: 'integer' }, reply: { status: 'object' } },
  // "Bring back all": the page as published, for this visit.
  'popup->content/restore-all': { payload: {}, reply: { status: 'object' } },
  // The removed blocks an entry of the popup stands for, shown outlined where they were while it
  // is pointed at (`ids` of the status items; none: the page as decluttered again).
  'popup->content/highlight': { payload: { ids: 'object' }, reply: {} },
  // The parts hidden by hand that apply here: [{site, selector, matches}].
  'popup->content/hidden': { payload: {}, reply: { hidden: 'object' } },
  // Start picking parts of the page to hide.
  'popup->content/pick': { payload: {}, reply: {} },
  'popup->content/reapply': { payload: {}, reply: { status: 'object' } },
  'popup->content/reader-state': { payload: {}, reply: { reader: 'object' } },
  'popup->content/reader-toggle': { payload: {}, reply: { reader: 'object' } },
});

const TYPE = /^([a-z]+)->([a-z]+)\/[a-z-]+$/;

const CHECKS = {
  string: (v) => typeof v === 'string',
  integer: (v) => Number.isInteger(v),
  boolean: (v) => typeof v === 'boolean',
  object: (v) => v !== null && typeof v === 'object',
};

/** Throws unless `value` has exactly the keys of `shape` (less the optional ones), each of its type. */
export function checkShape(what, shape, value, ignore = []) {
  if (value === null || typeof value !== 'object') throw new TypeError(`${what}: not an object`);
  for (const [key, spec] of Object.entries(shape)) {
    const optional = spec.endsWith('?');
    const type = optional ? spec.slice(0, -1) : spec;
    if (value[key] === undefined) {
      if (optional) continue;
      throw new TypeError(`${what}: ${key} is missing`);
    }
    if (!CHECKS[type](value[key]))
      throw new TypeError(`${what}: ${key} is not ${type === 'integer' ? 'an' : 'a'} ${type}`);
  }
  for (const key of Object.keys(value)) {
    if (!(key in shape) && !ignore.includes(key)) throw new TypeError(`${what}: unexpected key ${key}`);
  }
}

function declared(type) {
  const message = MESSAGES[type];
  if (message === undefined) throw new Error(`${type} is not declared in messages.js`);
  return message;
}

async function expectOk(reply, type) {
  const answer = await reply;
  if (answer === undefined || answer === null) throw new Error(`${type}: no reply`);
  if (answer.ok !== true) throw new Error(`${type}: ${answer.error ?? 'failed'}`);
  checkShape(`${type} reply`, declared(type).reply, answer, ['ok']);
  return answer;
}

function message(type, payload) {
  checkShape(type, declared(type).payload, payload);
  return { ...payload, type };
}

/** Sends `type` (a "<from>->background/<verb>") with `payload`; resolves to the checked reply. */
export function toBackground(type, payload = {}) {
  return expectOk(ext.sendToBackground(message(type, payload)), type);
}

/** Sends `type` (a "<from>->content/<verb>") to the content script of tab `tabId`. */
export function toTab(tabId, type, payload = {}) {
  return expectOk(ext.sendToTab(tabId, message(type, payload)), type);
}

// One runtime listener per role, over every handler registered for it: a second listener would
// answer "no handler" to the first one's messages (the first reply wins).
const roles = new Map();

function receive(role, handlers, incoming, sender, sendResponse) {
  if (sender.id !== ext.extensionId()) return false;
  const type = incoming !== null && typeof incoming === 'object' ? incoming.type : undefined;
  const m = typeof type === 'string' ? TYPE.exec(type) : null;
  if (m === null || m[2] !== role) return false;
  const handler = handlers.get(type);
  if (handler === undefined) {
    sendResponse({ ok: false, error: `${role} has no handler for ${type}` });
    return false;
  }
  Promise.resolve()
    .then(() => {
      checkShape(type, MESSAGES[type].payload, incoming, ['type']);
      return handler(incoming, sender);
    })
    .then(
      (value) => sendResponse({ ok: true, ...value }),
      (error) => sendResponse({ ok: false, error: String(error?.message ?? error) }),
    );
  return true; // the reply comes later
}

/**
 * Answers messages addressed to `role` ("background", "content", ...). `handlers` maps a declared
 * type to `(message, sender) => reply or promise of reply`. Several modules of one context may
 * each register their own types; a type registered twice, or not declared above, is an error.
 */
export function listen(role, handlers) {
  let known = roles.get(role);
  if (known === undefined) {
    known = new Map();
    roles.set(role, known);
    ext.onMessage((incoming, sender, sendResponse) => receive(role, known, incoming, sender, sendResponse));
  }
  for (const [type, handler] of Object.entries(handlers)) {
    declared(type);
    const m = TYPE.exec(type);
    if (m === null || m[2] !== role) throw new Error(`bad handler type ${JSON.stringify(type)} for ${role}`);
    if (known.has(type)) throw new Error(`${type} has a handler already`);
    known.set(type, handler);
  }
}

// The core's removals on the live page, and their undo. A removed block is hidden, never moved
// (hiding.js): the page keeps every node where it put it, and a restore takes the hiding away.
// The content script applies them; the browser bench times this same code.
//
// One item per distinct block: when the page inserts a block again (a re-render, a list that
// comes back every few seconds), the copy joins the item of the block it copies (same stable
// selector), so the user sees one entry and one "Bring back" for it.
import * as hiding from './hiding.js';

/**
 * Hides the core's `removals`, each naming a node of `nodes` (a snapshot's live nodes, the
 * document first) by index, where `allowed(node)` agrees. Returns `{node, removal}` for each
 * node hidden, in order.
 */
export function applyRemovals(removals, nodes, allowed = () => true) {
  const doc = nodes[0];
  const applied = [];
  for (const removal of removals) {
    const node = nodes[removal.node];
    // The core never removes these; the checks keep a stale or wrong id from breaking the page.
    // A node the page has taken out meanwhile is left alone.
    if (node === undefined || node.nodeType !== Node.ELEMENT_NODE || !node.isConnected) continue;
    if (node === doc.documentElement || node === doc.body || node === doc.head) continue;
    if (!allowed(node)) continue;
    hiding.hide(node);
    applied.push({ node, removal });
  }
  return applied;
}

/** Shows a node `applyRemovals` hid. */
export function putBack(applied) {
  hiding.unhide(applied.node);
}

/** Whether `node` is one of the set `nodes`, or inside one. */
export function insideAny(node, nodes) {
  for (let n = node; n !== null; n = n.parentNode) if (nodes.has(n)) return true;
  return false;
}

/**
 * The blocks taken off this page, each once: `{id, kind, reason, cause, excerpt, selector,
 * nodes, restored}`. `selector` (the core's stable selector, or null) hides copies the page
 * inserts later, through a user sheet, from the moment they are inserted.
 */
export class Blocks {
  constructor() {
    this.items = [];
    this.nextId = 1;
  }

  /** The item `node` belongs to: it is one of its nodes, or a copy its selector names. */
  itemOf(node) {
    for (const item of this.items) {
      if (item.nodes.has(node)) return item;
      if (item.selector !== null && node.matches(item.selector)) return item;
    }
    return null;
  }

  /**
   * Records what `applyRemovals` hid: a node joins the item of its block, or starts one (whose
   * selector rule goes into the page). Returns the items started.
   */
  add(applied) {
    const started = [];
    for (const { node, removal } of applied) {
      const item = this.itemOf(node);
      if (item !== null) {
        item.nodes.add(node);
        continue;
      }
      const fresh = {
        id: this.nextId++,
        kind: removal.kind,
        reason: removal.reason,
        cause: removal.cause ?? null,
        excerpt: removal.excerpt,
        selector: usableSelector(removal.selector, node),
        nodes: new Set([node]),
        restored: false,
      };
      if (fresh.selector !== null) hiding.insertSheet(hiding.selectorRule(fresh.selector));
      this.items.push(fresh);
      started.push(fresh);
    }
    return started;
  }

  /**
   * The items on the page now: a node of theirs is in the document. Nodes the page has dropped
   * are let go (a single-page app's old route is garbage, not ours to keep).
   */
  current() {
    const shown = [];
    for (const item of this.items) {
      for (const node of item.nodes) if (!node.isConnected) item.nodes.delete(node);
      if (item.nodes.size === 0 && item.selector !== null) {
        for (const copy of document.querySelectorAll(item.selector)) if (!hiding.isKept(copy)) item.nodes.add(copy);
      }
      if (item.nodes.size > 0) shown.push(item);
    }
    return shown;
  }

  byId(id) {
    return this.items.find((item) => item.id === id) ?? null;
  }

  /** Brings one block back: its nodes shown, its copies no longer hidden. */
  restore(item) {
    if (item.restored) return;
    for (const node of item.nodes) hiding.unhide(node);
    if (item.selector !== null) hiding.removeSheet(hiding.selectorRule(item.selector));
    item.restored = true;
  }
}

// The core's selector, if it names this node alone in the live page too: the snapshot reads the
// DOM as the core's parser would, but a selector the browser reads differently is no use.
function usableSelector(selector, node) {
  if (typeof selector !== 'string' || selector === '') return null;
  try {
    const found = node.ownerDocument.querySelectorAll(selector);
    return found.length === 1 && found[0] === node ? selector : null;
  } catch {
    return null;
  }
}

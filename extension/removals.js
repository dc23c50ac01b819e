// The core's removals on the live page, and their undo. Each removed node is swapped for an empty
// comment, so a restore puts it back exactly where it was even if the page has changed its
// siblings meanwhile. The content script applies them; the browser bench times this same code.

/**
 * Applies the core's `removals`, each naming a node of `nodes` (a snapshot's live nodes, the
 * document first) by index, where `allowed(node)` agrees. Returns the items applied:
 * `{node, placeholder, kind, reason, cause, excerpt, restored: false}`, in order.
 */
export function applyRemovals(removals, nodes, allowed = () => true) {
  const doc = nodes[0];
  const applied = [];
  for (const removal of removals) {
    const node = nodes[removal.node];
    // The core never removes these; the checks keep a stale or wrong id from breaking the page.
    // A node already gone (inside an earlier removal, or removed by the page) is left alone.
    if (node === undefined || node === doc || node === doc.documentElement || !node.isConnected) continue;
    if (!allowed(node)) continue;
    const placeholder = doc.createComment('');
    node.replaceWith(placeholder);
    applied.push({
      node,
      placeholder,
      kind: removal.kind,
      reason: removal.reason,
      cause: removal.cause,
      excerpt: removal.excerpt,
      restored: false,
    });
  }
  return applied;
}

/** Puts an applied item back in its placeholder's place (once). */
export function putBack(item) {
  if (item.restored) return;
  // The page may have removed the placeholder's parent meanwhile: then there is nowhere to go.
  if (item.placeholder.parentNode !== null) item.placeholder.replaceWith(item.node);
  item.restored = true;
}

/** Whether `node` is one of the set `nodes`, or inside one. */
export function insideAny(node, nodes) {
  for (let n = node; n !== null; n = n.parentNode) if (nodes.has(n)) return true;
  return false;
}

// The page as the core reads it: one pass over the live DOM into flat numbers and one string.
//
// The wire format is defined, and decoded, by src/dom/snapshot.rs; read its doc comment first.
// Records follow in document order, the document is id 0 and the i-th record is id i:
//
//   element: [kind | layout << 4 | attrCount << 8, parentId, nameLen, (attrNameLen, attrValueLen)*]
//   text:    [4, parentId, textLen]
//
// Lengths count UTF-16 code units (JavaScript's `length`) of consecutive pieces of `strings`.
// Comments, doctypes and processing instructions are left out, and so is the text of <style> and
// of <script> (except JSON-LD). Template contents are not walked.
//
// The tree copied is the one the page shows (the flat tree): an element with a shadow root
// (declarative or attached by a script; closed ones where `shadowRoot(element)` finds them)
// holds its shadow tree's children, and a <slot> there holds what is assigned to it (or its own
// children when nothing is): the order a reader sees. A light child no slot takes is not shown,
// and not copied. Natively, src/dom/parse.rs composes declarative shadow roots the same way.
//
// `take` copies the whole page. `takePart` copies a part of it within a budget of records, for
// a huge page looked at in slices and for what a page changes: whole subtrees, each under its
// ancestors (copied as context, marked partial: LAYOUT_PARTIAL); an element whose children are
// left out (over the budget, or past a cap) is partial too, and where the copy stopped is given
// back as `rest`, to start the next part from.
//
// It touches no extension API: the content script, the background, the playground, the bench and
// the e2e probes all use it as it is.
const KIND_HTML = 1;
const KIND_SVG = 2;
const KIND_MATHML = 3;
const KIND_TEXT = 4;
const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';
const NAMESPACE_KIND = new Map([
  [HTML_NAMESPACE, KIND_HTML],
  ['http://www.w3.org/2000/svg', KIND_SVG],
  ['http://www.w3.org/1998/Math/MathML', KIND_MATHML],
]);
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_FRAGMENT_NODE = 11;
// Room for a mid-sized page; the buffer doubles when a page needs more.
const INITIAL_WORDS = 1 << 15;

/** Layout bits (src/dom/mod.rs's LayoutFlags) that this module sets itself. */
export const LAYOUT_PARTIAL = 4;
export const LAYOUT_IN_VIEW = 8;

/** The open shadow root of an element, if any: what a page's own scripts can see. */
export const openShadowRoot = (element) => element.shadowRoot;

// Mirrors `skips_text_of` in src/dom/snapshot.rs: the core never reads these texts, and they
// can be most of a page's bytes.
function skipsTextOf(element) {
  const name = element.localName;
  if (name === 'style') return true;
  if (name !== 'script') return false;
  const type = element.getAttribute('type');
  return type === null || type.trim().toLowerCase() !== 'application/ld+json';
}

/**
 * Where a copy starts or goes on: the flat children of `parent` from `next` on (`container` is
 * the node whose children they are: `parent`, or its shadow root), or from `list[index]` on (a
 * slot's assigned nodes, or the one root of a part).
 * @typedef {{parent: Node, container?: Node, next?: Node | null, list?: Node[], index?: number}} Cursor
 */

/**
 * The records of one copy, and the live node of each: `nodes[i]` is record i's (`nodes[0]` the
 * document).
 */
function recorder(doc, { layout, shadowRoot, inView }) {
  let words = new Uint32Array(INITIAL_WORDS);
  let n = 0;
  const pieces = [];
  const nodes = [doc];
  // The elements copied with only part of their children.
  const partial = new Set();
  // The shadow roots walked into.
  const shadowRoots = new Set();

  // Makes room for `count` more words.
  function reserve(count) {
    if (n + count <= words.length) return;
    let size = words.length * 2;
    while (size < n + count) size *= 2;
    const bigger = new Uint32Array(size);
    bigger.set(words);
    words = bigger;
  }

  return {
    nodes,
    // Each DOM property read crosses into the browser: each is read once. Attributes are read
    // by name (getAttributeNames, getAttribute), without an Attr object each: 18% faster over
    // ten corpus pages than walking `attributes`. Returns the record's id.
    element(node, parentId, depth, bits) {
      const names = node.hasAttributes() ? node.getAttributeNames() : null;
      const attrCount = names === null ? 0 : names.length;
      reserve(3 + 2 * attrCount);
      const namespace = node.namespaceURI;
      const kind = namespace === HTML_NAMESPACE ? KIND_HTML : (NAMESPACE_KIND.get(namespace) ?? KIND_HTML);
      if (layout !== null) bits |= layout(node, depth) & 0xf;
      if (node === inView) bits |= LAYOUT_IN_VIEW;
      if (bits & LAYOUT_PARTIAL) partial.add(node);
      words[n++] = kind | (bits << 4) | (attrCount << 8);
      words[n++] = parentId;
      const name = node.localName;
      words[n++] = name.length;
      pieces.push(name);
      for (let i = 0; i < attrCount; i++) {
        const name = names[i];
        // A name with upper case on an HTML element (only setAttributeNS makes one) is not
        // found by getAttribute, which lowers it: the Attr object has it.
        const value = node.getAttribute(name) ?? node.attributes[i].value;
        words[n++] = name.length;
        words[n++] = value.length;
        pieces.push(name, value);
      }
      nodes.push(node);
      return nodes.length - 1;
    },
    text(node, parentId) {
      reserve(3);
      const data = node.data;
      words[n++] = KIND_TEXT;
      words[n++] = parentId;
      words[n++] = data.length;
      pieces.push(data);
      nodes.push(node);
    },
    /** How many words and pieces are written: with the node count, where a record begins. */
    get words() {
      return n;
    },
    get pieces() {
      return pieces.length;
    },
    /** Takes back every record from record `id` (whose words and pieces began where given) on. */
    rewind(id, wordsAt, piecesAt) {
      n = wordsAt;
      pieces.length = piecesAt;
      nodes.length = id;
    },
    /** Marks `element`, whose record starts at word `header`, partial. */
    markPartial(element, header) {
      words[header] |= LAYOUT_PARTIAL << 4;
      partial.add(element);
    },
    // Where an element's flat children come from: its shadow root, a slot's assigned nodes, or
    // its own children.
    childrenOf(node) {
      const root = shadowRoot(node);
      if (root) {
        shadowRoots.add(root);
        return { container: root, next: root.firstChild, list: null };
      }
      if (node.localName === 'slot' && node.getRootNode().nodeType === DOCUMENT_FRAGMENT_NODE) {
        const assigned = node.assignedNodes();
        if (assigned.length > 0) return { container: null, next: null, list: assigned };
      }
      return { container: node, next: node.firstChild, list: null };
    },
    result(rest) {
      return { words: words.subarray(0, n), strings: pieces.join(''), nodes, partial, shadowRoots, rest };
    },
  };
}

/**
 * Copies `doc` (default: this page's document), whole.
 * `layout(element, depth)`, when given, returns an element's layout bits (src/dom/snapshot.rs:
 * 1 = fixed/sticky, 2 = hidden); `depth` counts its ancestors below the document (<html> 0,
 * <body> 1). It is called for every element, so it must be cheap where it returns 0.
 * `shadowRoot(element)` finds an element's shadow root (default: open ones only).
 * `inView`: the element in the middle of the viewport, marked LAYOUT_IN_VIEW.
 * @returns {{words: Uint32Array, strings: string, nodes: Node[]}} `nodes[i]` is the live node
 *   of record i; `nodes[0]` is the document.
 */
export function take(doc = globalThis.document, options = {}) {
  const { words, strings, nodes } = takePart(doc, {
    ...options,
    from: [{ parent: doc, container: doc, next: doc.firstChild }],
  });
  return { words, strings, nodes };
}

/**
 * Copies a part of `doc`: where `from` says (cursors; default: the whole document), or the
 * subtrees of the elements `roots` (in the page, none inside another), each under its ancestors,
 * marked partial. At most about `budget` records, and at most `childCap` child elements of any
 * one element; what is left out is partial, and `rest` holds the cursors to go on from (empty
 * when the copy is whole). The other options are `take`'s.
 * @returns {{words: Uint32Array, strings: string, nodes: Node[], partial: Set<Element>,
 *   shadowRoots: Set<ShadowRoot>, rest: Cursor[]}} `partial`: the elements copied with only part
 *   of their children; `shadowRoots`: those walked into.
 */
export function takePart(
  doc = globalThis.document,
  {
    from = null,
    roots = null,
    budget = Infinity,
    childCap = Infinity,
    layout = null,
    shadowRoot = openShadowRoot,
    inView = null,
  } = {},
) {
  const out = recorder(doc, { layout, shadowRoot, inView });
  const ids = new Map([[doc, 0]]);
  const depths = new Map([[doc, -1]]);
  const cursors =
    from ?? outermost(roots ?? [], shadowRoot).map((root) => ({ parent: flatParent(root, shadowRoot), list: [root] }));
  const rest = [];
  for (const cursor of cursors) {
    if (out.nodes.length >= budget) {
      rest.push(cursor);
      continue;
    }
    if (cursor.parent === null || !context(cursor.parent, out, ids, depths, shadowRoot)) continue;
    walk(cursor, out, ids.get(cursor.parent), depths.get(cursor.parent) + 1, { budget, childCap }, rest);
  }
  return out.result(rest);
}

// Copies `node` and its ancestors as partial context, those not copied yet. False when `node` is
// not shown in the document (detached, or a light child no slot takes).
function context(node, out, ids, depths, shadowRoot) {
  const chain = [];
  for (let at = node; !ids.has(at); at = flatParent(at, shadowRoot)) {
    if (at === null) return false;
    chain.push(at);
  }
  for (let i = chain.length - 1; i >= 0; i--) {
    const element = chain[i];
    const parent = i + 1 < chain.length ? chain[i + 1] : flatParent(element, shadowRoot);
    const depth = depths.get(parent) + 1;
    ids.set(element, out.element(element, ids.get(parent), depth, LAYOUT_PARTIAL));
    depths.set(element, depth);
  }
  return true;
}

// Walks the flat children of `cursor.parent` (record `parentId`) from the cursor on, and what is
// under them, in document order. The open elements are frames in parallel arrays: this loop runs
// once per node of the page.
function walk(cursor, out, parentId, depth0, { budget, childCap }, rest) {
  const parentOf = [cursor.parent];
  const idOf = [parentId];
  // Where each open element's record began, in words and pieces (-1: it was copied as context,
  // partial already).
  const wordsAt = [-1];
  const piecesAt = [-1];
  const skipText = [cursor.parent.nodeType === ELEMENT_NODE && skipsTextOf(cursor.parent)];
  const containerOf = [null];
  const nextOf = [null];
  const listOf = [cursor.list ?? null];
  const indexOf = [cursor.index ?? 0];
  const elementsSeen = [0];
  if (cursor.list === undefined) {
    // The page may have moved the node to go on from since the cursor was made: then the
    // parent's children are walked from the start again (a second look costs only time).
    const container = cursor.container ?? cursor.parent;
    containerOf[0] = container;
    nextOf[0] = cursor.next?.parentNode === container ? cursor.next : container.firstChild;
  }

  // Leaves the rest of open element `d`'s children, from `node` on, for a later part.
  function leave(d, node) {
    if (node === null) return;
    if (wordsAt[d] >= 0) out.markPartial(parentOf[d], wordsAt[d]);
    rest.push(
      listOf[d] === null
        ? { parent: parentOf[d], container: containerOf[d], next: node }
        : { parent: parentOf[d], list: listOf[d], index: listOf[d].indexOf(node) },
    );
  }
  // The child after the one open element `d` is in.
  const upcoming = (d) => (listOf[d] === null ? nextOf[d] : (listOf[d][indexOf[d]] ?? null));

  // Every walk copies something, however deep the context: each part goes further.
  const first = out.nodes.length;
  let top = 0;
  while (top >= 0) {
    // The next flat child of the innermost open element.
    const list = listOf[top];
    let node;
    if (list === null) {
      node = nextOf[top];
      if (node !== null) nextOf[top] = node.nextSibling;
    } else {
      node = indexOf[top] < list.length ? list[indexOf[top]++] : null;
    }
    if (node === null) {
      top--;
      continue;
    }
    const type = node.nodeType;
    if (type !== ELEMENT_NODE && (type !== TEXT_NODE || skipText[top])) continue;
    if (out.nodes.length >= budget && out.nodes.length > first) {
      // Out of room: this element and every open one above it hold more than was copied. A
      // block cut in two is judged by neither part (both hold only part of it): when the
      // outermost element being copied began in the second half of this part, it goes whole
      // to the next one instead.
      let cut = top;
      let resume = node;
      let late = 1;
      while (late <= top && idOf[late] - first < budget / 2) late++;
      if (late <= top) {
        out.rewind(idOf[late], wordsAt[late], piecesAt[late]);
        cut = late - 1;
        resume = parentOf[late];
      }
      leave(cut, resume);
      for (let d = cut - 1; d >= 0; d--) leave(d, upcoming(d));
      return;
    }
    if (type === TEXT_NODE) {
      out.text(node, idOf[top]);
      continue;
    }
    if (elementsSeen[top] >= childCap) {
      leave(top, node);
      top--;
      continue;
    }
    elementsSeen[top]++;
    const words = out.words;
    const pieces = out.pieces;
    const id = out.element(node, idOf[top], depth0 + top, 0);
    const children = out.childrenOf(node);
    if ((children.list === null ? children.next : children.list[0]) == null) continue;
    top++;
    parentOf[top] = node;
    idOf[top] = id;
    wordsAt[top] = words;
    piecesAt[top] = pieces;
    skipText[top] = skipsTextOf(node);
    containerOf[top] = children.container;
    nextOf[top] = children.next;
    listOf[top] = children.list;
    indexOf[top] = 0;
    elementsSeen[top] = 0;
  }
}

/**
 * The element a node shows in: its slot, the host of the shadow root it is the top of, or its
 * parent (null at the document, and for a node that does not show).
 */
export function flatParent(node, shadowRoot = openShadowRoot) {
  const parent = node.parentNode;
  if (parent === null) return null;
  if (parent.nodeType === DOCUMENT_FRAGMENT_NODE) return parent.host ?? null;
  if (parent.nodeType === ELEMENT_NODE) {
    const root = shadowRoot(parent);
    // A light child of a host shows in its slot, or not at all.
    if (root) return node.assignedSlot ?? slotIn(root, node);
  }
  return parent;
}

// The slot of `root` that `node`, a light child of its host, is assigned to: `assignedSlot` is
// null for nodes of a closed root's host.
function slotIn(root, node) {
  const name = node.nodeType === ELEMENT_NODE ? (node.getAttribute('slot') ?? '') : '';
  for (const slot of root.querySelectorAll('slot')) {
    if ((slot.getAttribute('name') ?? '') === name) return slot.assignedNodes().includes(node) ? slot : null;
  }
  return null;
}

// The roots that are not inside another root (in the flat tree).
function outermost(roots, shadowRoot) {
  const set = new Set(roots);
  return roots.filter((root) => {
    for (let at = flatParent(root, shadowRoot); at !== null; at = flatParent(at, shadowRoot))
      if (set.has(at)) return false;
    return root.isConnected;
  });
}

// Messages between the content script and the background are JSON in Chrome, so the words
// travel as base64 of their bytes (little-endian, as every browser's typed arrays are here).
function toBase64(bytes) {
  if (typeof bytes.toBase64 === 'function') return bytes.toBase64();
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

function fromBase64(text) {
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The part of a snapshot that can leave the page: no live nodes, no typed arrays. */
export function toWire(snapshot) {
  const { words, strings } = snapshot;
  const bytes = new Uint8Array(words.buffer, words.byteOffset, words.byteLength);
  return { words: toBase64(bytes), strings };
}

/** The inverse of `toWire`; throws on anything that is not a wire snapshot. */
export function fromWire(wire) {
  if (wire === null || typeof wire !== 'object' || typeof wire.words !== 'string' || typeof wire.strings !== 'string') {
    throw new TypeError('not a wire snapshot: expected {words: base64 string, strings: string}');
  }
  const bytes = fromBase64(wire.words);
  if (bytes.length % 4 !== 0) throw new TypeError(`wire snapshot words: ${bytes.length} bytes is not a multiple of 4`);
  return { words: new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4), strings: wire.strings };
}

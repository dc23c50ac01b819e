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
// of <script> (except JSON-LD). Template contents and shadow roots are not walked.
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
// Room for a mid-sized page; the buffer doubles when a page needs more.
const INITIAL_WORDS = 1 << 15;

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
 * Copies `doc` (default: this page's document).
 * `layout(element, depth)`, when given, returns an element's layout bits (src/dom/snapshot.rs:
 * 1 = fixed/sticky, 2 = hidden); `depth` counts its ancestors below the document (<html> 0,
 * <body> 1). It is called for every element, so it must be cheap where it returns 0.
 * @returns {{words: Uint32Array, strings: string, nodes: Node[]}} `nodes[i]` is the live node
 *   of record i; `nodes[0]` is the document.
 */
export function take(doc = globalThis.document, { layout = null } = {}) {
  let words = new Uint32Array(INITIAL_WORDS);
  let n = 0;
  const pieces = [];
  const nodes = [doc];

  // Makes room for `count` more words.
  function reserve(count) {
    if (n + count <= words.length) return;
    let size = words.length * 2;
    while (size < n + count) size *= 2;
    const bigger = new Uint32Array(size);
    bigger.set(words);
    words = bigger;
  }

  // The open ancestors of `node`: their ids and whether their text is left out.
  const parentIds = [0];
  const skipText = [false];
  let node = doc.firstChild;
  // Each DOM property read crosses into the browser: each is read once. Attributes are read by
  // name (getAttributeNames, getAttribute), without an Attr object each: 18% faster over ten
  // corpus pages than walking `attributes`.
  while (node !== null) {
    const depth = parentIds.length - 1;
    const type = node.nodeType;
    const first = node.firstChild;
    let descend = false;
    if (type === ELEMENT_NODE) {
      const names = node.hasAttributes() ? node.getAttributeNames() : null;
      const attrCount = names === null ? 0 : names.length;
      reserve(3 + 2 * attrCount);
      const namespace = node.namespaceURI;
      const kind = namespace === HTML_NAMESPACE ? KIND_HTML : (NAMESPACE_KIND.get(namespace) ?? KIND_HTML);
      const bits = layout === null ? 0 : layout(node, depth) & 0xf;
      words[n++] = kind | (bits << 4) | (attrCount << 8);
      words[n++] = parentIds[depth];
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
      const id = nodes.length;
      nodes.push(node);
      if (first !== null) {
        parentIds.push(id);
        skipText.push(skipsTextOf(node));
        descend = true;
      }
    } else if (type === TEXT_NODE && !skipText[depth]) {
      reserve(3);
      const text = node.data;
      words[n++] = KIND_TEXT;
      words[n++] = parentIds[depth];
      words[n++] = text.length;
      pieces.push(text);
      nodes.push(node);
    }
    if (descend) {
      node = first;
      continue;
    }
    // Next in document order: a sibling, or the sibling of the nearest ancestor that has one.
    while (node !== null && node.nextSibling === null) {
      node = node.parentNode;
      if (node === doc || node === null) {
        node = null;
        break;
      }
      parentIds.pop();
      skipText.pop();
    }
    if (node !== null) node = node.nextSibling;
  }
  return { words: words.subarray(0, n), strings: pieces.join(''), nodes };
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

// What the page changes after the first decision, as the set of elements to look at again:
// elements it inserts (a lazy ad slot, a late modal), elements whose children or text change (an
// empty slot filled with `textContent`, a list re-rendered in place), elements an attribute
// reveals (`hidden` taken off a consent banner, a class or style that shows a popup, `open` set
// by `showModal()`), and popovers shown (`showPopover()` changes no attribute: its `toggle`
// event says it).
//
// The content script decides when to look (its batching and rate cap); this module only keeps
// the set, bounded.

// Attributes that show or hide an element; any other attribute change is not looked at.
const REVEALING_ATTRIBUTES = ['hidden', 'style', 'class', 'open', 'popover'];
// Touched elements remembered between runs; past this, new ones are not looked at.
const MAX_TOUCHED = 5000;

/**
 * A watcher of `doc`. `onChange()` is called (synchronously, from the observer's callback) when
 * the set of touched elements grows; `ignore(element)` says which elements are never the
 * page's (the extension's own).
 */
export function watcher(doc, { onChange, ignore }) {
  const touched = new Set();
  let watching = false;

  function add(node) {
    if (node === null || node.nodeType !== Node.ELEMENT_NODE) return;
    if (touched.size >= MAX_TOUCHED || ignore(node) || node === doc.documentElement) return;
    touched.add(node);
  }

  function collect(records) {
    for (const record of records) {
      if (record.type === 'childList') {
        let text = false;
        for (const node of record.addedNodes) {
          if (node.nodeType === Node.ELEMENT_NODE) add(node);
          else if (node.nodeType === Node.TEXT_NODE) text = true;
        }
        // Text put into an existing element: the element is new content.
        if (text) add(record.target);
      } else if (record.type === 'characterData') {
        add(record.target.parentNode);
      } else {
        add(record.target);
      }
    }
  }

  const observer = new MutationObserver((records) => {
    if (!watching) return;
    const before = touched.size;
    collect(records);
    if (touched.size > before) onChange();
  });

  // `toggle` does not bubble; a listener on the document's capture path hears every one.
  function onToggle(event) {
    if (!watching || event.newState !== 'open') return;
    const before = touched.size;
    add(event.target);
    if (touched.size > before) onChange();
  }

  const options = {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: REVEALING_ATTRIBUTES,
  };
  // Shadow roots watched besides the document: its observation does not reach into them.
  let shadowRoots = new WeakSet();

  return {
    start() {
      if (watching) return;
      watching = true;
      observer.observe(doc, options);
      doc.addEventListener('toggle', onToggle, true);
    },
    stop() {
      watching = false;
      observer.disconnect();
      shadowRoots = new WeakSet();
      doc.removeEventListener('toggle', onToggle, true);
      touched.clear();
    },
    /** Watches a shadow root of the page too (once; until `stop`). */
    watchShadowRoot(root) {
      if (!watching || shadowRoots.has(root)) return;
      shadowRoots.add(root);
      observer.observe(root, options);
    },
    get watching() {
      return watching;
    },
    get size() {
      return touched.size;
    },
    /** Takes in the changes the page has made up to now (before a snapshot). */
    collect() {
      collect(observer.takeRecords());
    },
    /** Drops the records of the extension's own changes, made since the last collect. */
    ignoreOwnChanges() {
      observer.takeRecords();
    },
    /** The touched elements still in the page, and an empty set for the next run. */
    take() {
      const taken = new Set();
      for (const node of touched) if (node.isConnected) taken.add(node);
      touched.clear();
      return taken;
    },
  };
}

// The page under the reader view: made inert and unscrollable while the view is open, then
// given back exactly. Every attribute touched is recorded first and put back byte for byte on
// close, with the scroll position and the focus.

/** Writes `value` (null: absent) into attribute `name`, and again if Chromium's lazy CSSOM write brings back the old one. */
function putAttribute(node, name, value) {
  for (let attempt = 0; attempt < 2 && node.getAttribute(name) !== value; attempt++) {
    if (value === null) node.removeAttribute(name);
    else node.setAttribute(name, value);
  }
}

/**
 * Hides the page under the view: no scrolling, and everything beside <head> and the elements
 * named in `ours` out of focus order and the accessibility tree. Returns what to restore.
 */
export function coverPage(ours) {
  const html = document.documentElement;
  const saved = { scrollX: window.scrollX, scrollY: window.scrollY, focus: document.activeElement, attrs: [] };
  const remember = (node, name) => saved.attrs.push([node, name, node.getAttribute(name)]);
  for (const node of [html, document.body]) {
    if (node === null) continue;
    remember(node, 'style');
    node.style.setProperty('overflow', 'hidden', 'important');
    // Chromium writes a CSSOM change to the attribute lazily; unless it is written now, a
    // later read can bring back `style=""` after the attribute was removed on close.
    node.getAttribute('style');
  }
  // <body>, and anything a page appends to <html> after it.
  for (const node of html.children) {
    if (node.localName === 'head' || ours.includes(node.localName)) continue;
    remember(node, 'inert');
    node.inert = true;
  }
  return saved;
}

/** Gives the page back as `coverPage` found it. */
export function uncoverPage(saved) {
  // In reverse, so an element recorded twice ends with its first value.
  for (let i = saved.attrs.length - 1; i >= 0; i--) {
    const [node, name, value] = saved.attrs[i];
    putAttribute(node, name, value);
  }
  const focus = saved.focus;
  if (focus && focus !== document.body && focus.isConnected && typeof focus.focus === 'function') {
    focus.focus({ preventScroll: true });
  }
  // 'instant': a page's `scroll-behavior: smooth` must not animate the way back.
  window.scrollTo({ left: saved.scrollX, top: saved.scrollY, behavior: 'instant' });
}

/** The top layer, above the page's own fixed boxes and dialogs opened before. */
export function showInTopLayer(host) {
  if (typeof host.showPopover !== 'function') return;
  host.setAttribute('popover', 'manual');
  try {
    if (!host.matches(':popover-open')) host.showPopover();
  } catch (error) {
    console.warn('tidyread: the reader view is not in the top layer', error);
  }
}

/**
 * While printing, the page's <body> is not printed, only the view (reader.css's print rules),
 * and the view leaves the top layer, where it would be a box of one page's height. Returns the
 * function that undoes it after printing.
 */
export function printOnly(host) {
  const body = document.body;
  if (body === null) return () => {};
  const before = body.getAttribute('style');
  body.style.setProperty('display', 'none', 'important');
  body.getAttribute('style'); // written now (see coverPage)
  if (host.matches(':popover-open')) host.hidePopover();
  return () => {
    putAttribute(body, 'style', before);
    showInTopLayer(host);
  };
}

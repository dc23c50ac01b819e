// The first paint held back until the parts hidden by hand are hidden, on the sites that have
// some. The content script reads them from storage, which answers asynchronously: under load the
// page would paint once with them shown. So on those sites only (the background registers
// paint-hold.js for them, at document_start) the page is rendered transparent from the start
// until picker.js has applied them. The page lays out and runs as usual meanwhile; a content
// script that never comes (an error) lets go after HOLD_LIMIT_MS.
//
// paint-hold.js and content.js are separate bundles in the same content-script world: they share
// the hold through one global, whichever of the two runs first.
const HOLD = '__tidyreadPaintHold';
const HOLD_LIMIT_MS = 3000;

/** Holds the first paint, unless the parts are in already. */
export function holdFirstPaint() {
  if (globalThis[HOLD] !== undefined) return;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(':root { opacity: 0 !important; }');
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  globalThis[HOLD] = sheet;
  setTimeout(releaseFirstPaint, HOLD_LIMIT_MS);
}

/** Lets the page paint: the parts hidden by hand are in (or there are none, or none could be read). */
export function releaseFirstPaint() {
  const sheet = globalThis[HOLD];
  globalThis[HOLD] = null;
  if (!sheet) return;
  document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
}

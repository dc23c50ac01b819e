// The content script's own snapshot and wasm loader, for a suite to run in a page it drives
// (support.mjs bundles this into CORE_IN_PAGE, a script that defines `tidyreadInPage`).
export { take, toWire, fromWire } from '../../extension/snapshot.js';
export { loadCore } from '../../extension/core.js';

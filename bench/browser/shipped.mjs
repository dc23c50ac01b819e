// The extension's own code the bench times, bundled into one script for the page
// (bench/browser/setup.mjs): the snapshot and the content script's removals, as shipped.
export { take } from '../../extension/snapshot.js';
export { applyRemovals, putBack } from '../../extension/removals.js';

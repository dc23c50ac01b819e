// While the reader view is open, the page's own top-layer boxes must not cover it. The view is a
// manual popover in the top layer (reader.js), above whatever was there when it opened; a page
// that then calls showModal() or showPopover() would put its box above the view, and a modal
// dialog would make the view inert too. So: a page dialog that is modal while the view is open is
// shown as non-modal (below the view, and the view stays usable), and made modal again when the
// view closes; a page popover that opens puts the view back on top.
import { asModalAgain, asNonModal } from './hiding.js';

/**
 * Starts guarding `host` (the reader view's element in the top layer). Returns the function that
 * stops, giving the page's dialogs back their modality.
 */
export function guardReader(host) {
  const doc = host.ownerDocument;
  const demoted = new Set();
  const demote = (dialog) => {
    if (!dialog.matches(':modal')) return;
    asNonModal(dialog);
    demoted.add(dialog);
  };
  const raise = () => {
    if (!host.isConnected || !host.matches(':popover-open')) return;
    host.hidePopover();
    host.showPopover();
  };
  for (const dialog of doc.querySelectorAll('dialog:modal')) demote(dialog);
  // showModal() sets `open`; the callback runs before the next frame is painted.
  const observer = new MutationObserver((records) => {
    for (const record of records) if (record.target.localName === 'dialog') demote(record.target);
  });
  observer.observe(doc, { attributes: true, attributeFilter: ['open'], subtree: true });
  const onToggle = (event) => {
    if (event.newState === 'open' && event.target !== host && event.target.matches?.(':popover-open')) raise();
  };
  doc.addEventListener('toggle', onToggle, true);
  return () => {
    observer.disconnect();
    doc.removeEventListener('toggle', onToggle, true);
    for (const dialog of demoted) asModalAgain(dialog);
  };
}

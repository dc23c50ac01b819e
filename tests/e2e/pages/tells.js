// What a page's own script can see of an extension that declutters it: every mutation from the
// start of parsing (attributes on <html> and elsewhere, comments and elements inserted), and the
// style sheets it can read. window.__tells() sums it up as plain data.
(function () {
  'use strict';
  const seen = { htmlAttributes: [], otherAttributes: new Set(), comments: 0, inserted: [] };
  const parsed = { done: false };
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes') {
        if (record.target === document.documentElement) seen.htmlAttributes.push(record.attributeName);
        else seen.otherAttributes.add(record.attributeName);
      } else if (parsed.done) {
        for (const node of record.addedNodes) {
          if (node.nodeType === Node.COMMENT_NODE) seen.comments++;
          else if (node.nodeType === Node.ELEMENT_NODE) seen.inserted.push(node.localName);
        }
      }
    }
  }).observe(document, { attributes: true, childList: true, subtree: true, characterData: true });
  document.addEventListener('DOMContentLoaded', () => (parsed.done = true));
  window.__tells = () => ({
    htmlAttributes: seen.htmlAttributes,
    otherAttributes: [...seen.otherAttributes],
    comments: seen.comments,
    inserted: seen.inserted,
    adopted: document.adoptedStyleSheets.length,
    unowned: [...document.styleSheets].filter((sheet) => sheet.ownerNode === null).length,
  });
})();

// A page that never stops changing: a node every 10 ms, forever, in a ticker beside the article.
// Runs in the page's own world. tidyread must not re-run its core for each change.
(function () {
  'use strict';

  document.addEventListener('DOMContentLoaded', () => {
    const ticker = document.createElement('div');
    ticker.id = 'ticker';
    document.body.appendChild(ticker);
    let n = 0;
    window.__churnTicks = () => n;
    setInterval(() => {
      n++;
      const item = document.createElement('span');
      item.textContent = `tick ${n} `;
      ticker.appendChild(item);
      // Keep the page from growing without end.
      if (ticker.childElementCount > 200) ticker.firstElementChild.remove();
    }, 10);
  });
})();

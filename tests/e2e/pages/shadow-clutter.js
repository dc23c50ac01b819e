// Runs in the page's own world: web components of the kind news sites use, attached as the page
// is parsed. The trending rail has an open shadow root, the most-read list a closed one (kept in
// `window.__closedRoots` by the page itself, as a component library would, so the test can look
// in it), and the article's tools an open one holding a share bar and an ad box beside a figure
// of the article's own.
(function () {
  'use strict';
  const headlines = [
    ['/travel/2024/03/12/harbour-hotel-reopens-after-fire', 'Harbour hotel reopens after the fire'],
    ['/travel/2024/03/12/new-cycle-path-around-the-lake', 'New cycle path around the lake opens'],
    ['/travel/2024/03/12/storm-closes-the-coast-road-again', 'Storm closes the coast road again'],
    ['/travel/2024/03/12/lighthouse-museum-wins-award', 'Lighthouse museum wins a national award'],
    ['/travel/2024/03/12/fishing-fleet-gets-new-quay', 'Fishing fleet gets a new quay at last'],
  ];
  const list = (title) =>
    `<section class="r7t2"><h3>${title}</h3><ul>${headlines
      .map(([href, text]) => `<li><a href="${href}">${text}</a></li>`)
      .join('')}</ul></section>`;
  window.__closedRoots = {};

  customElements.define(
    'promo-rail',
    class extends HTMLElement {
      connectedCallback() {
        if (this.shadowRoot) return;
        this.attachShadow({ mode: 'open' }).innerHTML = list('Trending');
      }
    },
  );
  customElements.define(
    'most-read',
    class extends HTMLElement {
      connectedCallback() {
        if (window.__closedRoots.mostRead) return;
        const root = this.attachShadow({ mode: 'closed' });
        root.innerHTML = list('Most read');
        window.__closedRoots.mostRead = root;
      }
    },
  );
  customElements.define(
    'article-tools',
    class extends HTMLElement {
      connectedCallback() {
        if (this.shadowRoot) return;
        this.attachShadow({ mode: 'open' }).innerHTML =
          '<figure id="chart"><figcaption>Crossings a night, 2019 to 2024: the night ferry carried 180 people on an average night before the cuts.</figcaption></figure>' +
          '<div class="s3h8" id="share"><a href="https://www.facebook.com/sharer/sharer.php?u=x">Facebook</a> <a href="https://twitter.com/intent/tweet?url=x">X</a> <a href="mailto:?subject=x">Email</a></div>' +
          '<div class="b6z1" id="ad-box"><span>Advertisement</span><iframe src="https://tpc.googlesyndication.com/safeframe/1-0-40/html/container.html" width="300" height="250"></iframe></div>';
      }
    },
  );
})();

// The shadow trees as the page made them, for a test of the restore (the light DOM is in
// capture.js's copy).
document.addEventListener('DOMContentLoaded', () => {
  window.__shadowBefore = shadowTrees();
});
window.__shadowTrees = shadowTrees;
function shadowTrees() {
  const roots = {
    author: document.getElementById('author').shadowRoot,
    ad: document.getElementById('ad-host').shadowRoot,
    tools: document.getElementById('tools').shadowRoot,
    rail: document.getElementById('rail').shadowRoot,
    mostRead: window.__closedRoots.mostRead,
  };
  return Object.fromEntries(
    Object.entries(roots).map(([name, root]) => [
      name,
      { html: root.innerHTML, sheets: root.adoptedStyleSheets.length },
    ]),
  );
}

// Runs in the page's own world from <head>: for each frame the browser renders, from the first
// one in which the comments loader exists, whether it is shown (laid out, and neither it nor an
// ancestor invisible or transparent). A test reads window.__loaderShown to tell whether tidyread
// hid it before it was ever painted.
window.__loaderShown = [];
(function sample() {
  const loader = document.querySelector('.comments-loader');
  if (loader) window.__loaderShown.push(loader.checkVisibility({ opacityProperty: true, visibilityProperty: true }));
  if (window.__loaderShown.length < 20) requestAnimationFrame(sample);
})();

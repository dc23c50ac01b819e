// Runs in the page's own world, before any content script: keeps the page as the parser left it,
// so a test can check that tidyread's restore gives back exactly this.
document.addEventListener('DOMContentLoaded', () => {
  window.__tidyreadTestBefore = document.documentElement.outerHTML;
});

// A page that fills its ad slot late, as ad scripts do, and adds a paragraph to its article later
// still. Runs in the page's own world. The timers start once tidyread has marked the page (or
// after 3 s without it: decluttering off), so the insertions always come after the first run.
(function () {
  'use strict';

  function afterFirstRun(then) {
    const started = performance.now();
    const poll = setInterval(() => {
      if (document.documentElement.hasAttribute('data-tidyread-path') || performance.now() - started > 3000) {
        clearInterval(poll);
        then();
      }
    }, 20);
  }

  function insert() {
    const story = document.getElementById('story');
    setTimeout(() => {
      const slot = document.createElement('div');
      slot.className = 'late-ad';
      slot.id = 'late-ad';
      slot.innerHTML =
        '<span>Advertisement</span><div id="ad2"><iframe title="ad" src="about:blank" width="300" height="250"></iframe></div>';
      story.insertBefore(slot, document.getElementById('p4'));
      window.__lazyAdAt = performance.now();
    }, 500);
    setTimeout(() => {
      const p = document.createElement('p');
      p.id = 'p6';
      p.textContent =
        'Update: the council said on Wednesday that the first stage of the work, the survey of the ' +
        'lamp room and the gallery, will be done by a firm from the harbour town itself, which restored ' +
        'the old customs house on the quay three years ago.';
      story.appendChild(p);
      window.__lazyDone = true;
    }, 900);
  }

  document.addEventListener('DOMContentLoaded', () => afterFirstRun(insert));
})();

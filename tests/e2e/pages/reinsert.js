// A page that takes its trending rail out and puts a fresh copy in every 100 ms (as some sites'
// widgets do, whether by a re-render or to fight blockers), and samples every 50 ms whether a
// rail is shown. The rail and the sampling start after tidyread's first decision (or 3 s without
// one: decluttering off). window.__railSamples(): [shown, total] so far; window.__railCopies: how
// many copies were put in.
(function () {
  'use strict';

  const REINSERT_MS = 100;
  const SAMPLE_MS = 50;
  const HEADLINES = [
    'Ferry Strike Called Off After Late-Night Talks',
    'Council Approves New Bridge Over the Canal',
    'Fish Market Moves to the Old Customs House',
    'Record Crowds for the Harbour Festival Regatta',
    'Shipyard Wins Order for Three Electric Ferries',
  ];

  function rail() {
    const section = document.createElement('section');
    section.className = 'trending-rail';
    section.setAttribute('data-module', 'trending');
    const heading = document.createElement('h2');
    heading.textContent = 'Trending now';
    const list = document.createElement('ol');
    for (const title of HEADLINES) {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = `/news/${title.toLowerCase().replace(/[^a-z]+/g, '-')}`;
      link.textContent = title;
      item.append(link);
      list.append(item);
    }
    section.append(heading, list);
    return section;
  }

  function afterFirstRun(then) {
    const started = performance.now();
    const poll = setInterval(() => {
      if (document.documentElement.hasAttribute('data-tidyread-path') || performance.now() - started > 3000) {
        clearInterval(poll);
        then();
      }
    }, 20);
  }

  let shown = 0;
  let total = 0;
  window.__railCopies = 0;
  window.__railSamples = () => [shown, total];

  function start() {
    const slot = document.getElementById('rail-slot');
    setInterval(() => {
      slot.querySelector('.trending-rail')?.remove();
      slot.append(rail());
      window.__railCopies++;
    }, REINSERT_MS);
    setInterval(() => {
      const current = slot.querySelector('.trending-rail');
      total++;
      if (current !== null && current.checkVisibility()) shown++;
    }, SAMPLE_MS);
  }

  document.addEventListener('DOMContentLoaded', () => afterFirstRun(start));
})();

// A page that shows its clutter without inserting an element, after tidyread's first decision
// (or after 3 s without one: decluttering off): a consent banner shipped `hidden` and shown by
// taking the attribute off, an empty ad slot filled with `textContent`, a newsletter <dialog>
// opened with showModal(), a VIP offer shown as a popover (no attribute changes), a newsletter
// box shown by taking a class off. And what must stay: a paragraph expanded by a class change, a
// list of sources opened (<details>). window.__revealDone once all of it has happened.
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

  const steps = [
    () => document.getElementById('cmp-root').removeAttribute('hidden'),
    () => (document.getElementById('slot').textContent = 'Anzeige'),
    () => document.getElementById('nl-dialog').showModal(),
    () => document.getElementById('vip').showPopover(),
    () => document.getElementById('nl-box').classList.remove('is-hidden'),
    () => document.getElementById('more').classList.remove('collapsed'),
    () => (document.getElementById('sources').open = true),
  ];

  function run() {
    steps.forEach((step, i) => setTimeout(step, 300 * (i + 1)));
    setTimeout(() => (window.__revealDone = true), 300 * (steps.length + 1));
  }

  document.addEventListener('DOMContentLoaded', () => afterFirstRun(run));
})();

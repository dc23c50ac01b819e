// An ad-blocker check, as anti-adblock scripts write them: bait elements that ad blockers hide
// (one in the markup, one inserted after load, an empty AdSense slot), checked a little after
// load; when any bait is hidden, a wall over the page with scrolling locked.
// window.__baitCheck: {detected, hidden: [ids]} once checked.
(function () {
  'use strict';

  const BAIT_CLASSES = 'pub_300x250 pub_300x250m pub_728x90 text-ad textAd text_ad text_ads text-ads text-ad-links';

  // A bait has a size of its own: hidden, it has none. An unfilled AdSense slot has no height
  // anyway: only `display: none` gives a blocker away there.
  function hidden(element) {
    const style = getComputedStyle(element);
    if (style.display === 'none' || style.visibility === 'hidden') return true;
    return element.localName !== 'ins' && (element.offsetParent === null || element.offsetHeight === 0);
  }

  function wall() {
    const box = document.createElement('div');
    box.className = 'j8k9l';
    box.id = 'adblock-wall';
    box.innerHTML =
      '<div><h2>Bloqueur de publicité détecté</h2><p>Nous avons remarqué que vous utilisez un bloqueur de publicité. ' +
      'Désactivez-le ou ajoutez notre site à votre liste blanche pour continuer à lire.</p>' +
      '<button type="button">J’ai désactivé mon bloqueur</button></div>';
    document.body.append(box);
    document.body.style.overflow = 'hidden';
  }

  window.addEventListener('load', () => {
    const bait = document.createElement('div');
    bait.id = 'bait-late';
    bait.className = BAIT_CLASSES;
    bait.setAttribute(
      'style',
      'width: 1px !important; height: 1px !important; position: absolute !important; left: -10000px !important;',
    );
    bait.innerHTML = '&nbsp;';
    document.body.append(bait);
    setTimeout(() => {
      const baits = ['bait', 'bait-late', 'slot-top'].map((id) => document.getElementById(id));
      const caught = baits.filter(hidden).map((b) => b.id);
      window.__baitCheck = { detected: caught.length > 0, hidden: caught };
      if (caught.length > 0) wall();
    }, 1500);
  });
})();

// A sticky video ad whose countdown ticks every second (a text change in place), and an
// exit-intent popup with an email field, inserted when the pointer leaves the window at the top.
// window.__exitShown once the popup is in.
(function () {
  'use strict';

  document.addEventListener('DOMContentLoaded', () => {
    let left = 5;
    const timer = setInterval(() => {
      left = left > 1 ? left - 1 : 5;
      document.getElementById('countdown').firstChild.data = `Il video riprenderà tra ${left} secondi`;
    }, 1000);
    window.__stopCountdown = () => clearInterval(timer);
  });

  document.addEventListener('mouseout', (event) => {
    if (event.relatedTarget !== null || event.clientY > 0 || window.__exitShown) return;
    const popup = document.createElement('div');
    popup.className = 'e7r8t';
    popup.id = 'exit-popup';
    popup.innerHTML =
      '<div><h2>Prima di andare…</h2><p>Iscriviti alla nostra newsletter: le notizie del lago ogni venerdì nella tua casella di posta.</p>' +
      '<form><input type="email" name="email" placeholder="La tua email"><button type="submit">Iscrivimi</button></form>' +
      '<button type="button">No, grazie</button></div>';
    document.body.append(popup);
    window.__exitShown = true;
  });
})();

// The first-run page (background.js opens it on install): the button, the keyboard shortcut and
// the button's menu, then the one question that decides what tidyread does by itself: clean
// pages as they load on all sites, on sites the user chooses, or only on a click. The answer
// ends in the matching host access: all sites asked for here; for chosen sites, each asked for
// later from the popup's "Allow on this site"; for clicks only, none (and any given back).
import * as access from './access.js';
import * as ext from './ext.js';
import { fill, t } from './i18n.js';

const $ = (id) => document.getElementById(id);

async function showShortcut() {
  const shortcut = await ext.shortcutOf('toggle-reader').catch(() => '');
  const keys = $('shortcut-keys');
  keys.replaceChildren();
  // No shortcut set: a keyboard, to say where one would go.
  (shortcut ? shortcut.split('+') : ['⌨']).forEach((key, i) => {
    if (i > 0) keys.append('+');
    keys.append(Object.assign(document.createElement('kbd'), { textContent: key }));
  });
  $('shortcut-text').textContent = shortcut ? t('welcomeShortcutText', shortcut) : t('welcomeShortcutNone');
}

async function showCurrentChoice() {
  const { all, origins } = await access.granted();
  const choice = all ? 'all' : origins.some((o) => /^(\*|https?):\/\//.test(o)) ? 'some' : null;
  if (choice !== null) document.querySelector(`input[name=where][value=${choice}]`).checked = true;
}

// Runs in the form's submit, a user's gesture: the browser asks for all sites only then.
function choose(where) {
  const say = (key) => {
    $('result').textContent = t(key, [t('menuSiteSettings'), t('accessAllowSite')]);
  };
  if (where === 'all') {
    return ext
      .requestOrigins([...access.ALL_SITES])
      .then((allowed) => say(allowed ? 'welcomeDoneAll' : 'welcomeDeniedAll'));
  }
  return (async () => {
    const granted = await ext.grantedOrigins();
    // Chosen sites keep what they were given one by one; clicks only keep nothing.
    const giveBack = where === 'click' ? granted : granted.filter((o) => access.ALL_SITES.includes(o));
    if (giveBack.length > 0) await ext.removeOrigins(giveBack);
    say(where === 'click' ? 'welcomeDoneClick' : 'welcomeDoneSome');
  })();
}

function start() {
  fill();
  $('hint-some').textContent = t('welcomeChoiceSomeHint', [t('menuSiteSettings'), t('accessAllowSite')]);
  showShortcut();
  showCurrentChoice().catch(() => {});
  $('choice').addEventListener('submit', (event) => {
    event.preventDefault();
    const where = new FormData(event.target).get('where');
    choose(where).catch((error) => {
      $('result').textContent = t('pageError', error.message);
    });
  });
}

start();

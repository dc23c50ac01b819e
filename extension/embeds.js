// Video and audio players as cards that load nothing until the reader asks.
//
// The core writes a known provider's player as a link to the media's page carrying the player's
// address it rebuilt from the media id (`<a href=PAGE data-embed="video|audio" data-provider
// data-player [data-width data-height]>TITLE</a>`, src/embed.rs); nothing of the page's own
// markup gets here. A card shows the title, the provider and that link, and a play button; only
// a click on it makes a frame, from the core's address, checked once more against the players'
// own hosts, sandboxed to what a player needs.
import { el, icon } from './element.js';

// The hosts the core's player addresses are on (src/embed.rs), https only.
const PLAYER_HOSTS = new Set([
  'www.youtube-nocookie.com',
  'player.vimeo.com',
  'www.dailymotion.com',
  'open.spotify.com',
  'w.soundcloud.com',
  'embed.ted.com',
  'player.twitch.tv',
  'clips.twitch.tv',
  'streamable.com',
  'www.loom.com',
  'archive.org',
  'player.bilibili.com',
]);
// Scripts and its own origin (players are apps on their site), presentation and fullscreen, and
// links that open the provider's page in a new tab; no top navigation, no forms, no downloads.
const PLAYER_SANDBOX = 'allow-scripts allow-same-origin allow-presentation allow-popups allow-popups-to-escape-sandbox';
const PLAYER_ALLOW = 'autoplay; encrypted-media; picture-in-picture; fullscreen';
// A video's shape when the page states none; audio players are a strip.
const VIDEO_RATIO = '16 / 9';
const AUDIO_HEIGHT_PX = 152;
const MAX_SIDE_PX = 4000;

/** The player's address when it is https on a known player host, else null. */
export function playerUrl(value) {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && PLAYER_HOSTS.has(url.hostname) && url.username === '' && url.password === ''
      ? url.href
      : null;
  } catch {
    return null;
  }
}

function side(value) {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 && n <= MAX_SIDE_PX ? n : null;
}

let cardCount = 0;

/** The card for one core-written player link, or null when it is not one. */
function card(link, words) {
  const { t } = words;
  const player = playerUrl(link.getAttribute('data-player') ?? '');
  const page = link.getAttribute('href');
  const provider = link.getAttribute('data-provider') || '';
  if (player === null || !page || !provider) return null;
  const audio = link.getAttribute('data-embed') === 'audio';
  const title = link.textContent.trim() || provider;
  const noticeId = `embed-notice-${++cardCount}`;
  const play = el(
    'button',
    {
      type: 'button',
      class: 'embed-play',
      'data-player': player,
      'aria-label': `${t(audio ? 'embedPlayAudio' : 'embedPlayVideo')}: ${title}`,
      'aria-describedby': noticeId,
    },
    icon('M8 5v14l11-7z'),
    el('span', {}, t(audio ? 'embedPlayAudio' : 'embedPlayVideo')),
  );
  const box = el(
    'div',
    { class: 'embed-box' },
    play,
    el('p', { class: 'embed-notice', id: noticeId }, t('embedNotice', provider)),
  );
  const width = side(link.getAttribute('data-width'));
  const height = side(link.getAttribute('data-height'));
  if (audio) box.style.setProperty('height', `${AUDIO_HEIGHT_PX}px`);
  else box.style.setProperty('aspect-ratio', width && height ? `${width} / ${height}` : VIDEO_RATIO);
  const open = el('a', { href: page, class: 'embed-link' }, t('embedOpenOn', provider));
  return el(
    'figure',
    { class: 'embed', 'data-kind': audio ? 'audio' : 'video', 'data-provider': provider },
    box,
    el('figcaption', {}, el('span', { class: 'embed-title' }, title), ' · ', open),
  );
}

/**
 * Turns every player link of the core's HTML (in `body`, an inert document's) into a card; a
 * link whose player is not one of the known hosts stays a plain link. Returns how many.
 */
export function makeCards(body, words) {
  let made = 0;
  for (const link of body.querySelectorAll('a[data-embed][data-player]')) {
    const made1 = card(link, words);
    if (made1 === null) {
      for (const name of ['data-embed', 'data-player', 'data-provider', 'data-width', 'data-height']) {
        link.removeAttribute(name);
      }
      continue;
    }
    // A card is a block: a link alone in its paragraph takes the paragraph's place.
    const parent = link.parentElement;
    if (parent?.localName === 'p' && parent.textContent.trim() === link.textContent.trim()) parent.replaceWith(made1);
    else link.replaceWith(made1);
    made++;
  }
  return made;
}

/** Loads the player of the card whose play button is `button` (a click or a key). */
export function playCard(button) {
  const player = playerUrl(button.getAttribute('data-player') ?? '');
  const figure = button.closest('figure.embed');
  if (player === null || figure === null) return;
  const title = figure.querySelector('.embed-title')?.textContent ?? '';
  const frame = el('iframe', {
    src: player,
    title,
    sandbox: PLAYER_SANDBOX,
    allow: PLAYER_ALLOW,
    allowfullscreen: '',
    // Players refuse to run without knowing the site they are on (YouTube's error 153): its
    // origin only, never the page's address.
    referrerpolicy: 'strict-origin',
  });
  const box = button.closest('.embed-box');
  box.replaceChildren(frame);
  figure.dataset.playing = '';
  frame.focus();
}

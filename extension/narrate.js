// Read aloud: the article spoken by the browser's own voices (speechSynthesis; nothing goes over
// the network), a sentence at a time, the sentence being read highlighted and kept in view.
// Play/pause, the previous and next paragraph, the speed and the voice are in a bar under the
// toolbar, which the toolbar's button opens (and starts reading) and closes (and stops); the
// reader view routes its keyboard shortcuts here (R plays or pauses, [ and ] skip).
//
// One utterance per sentence: a pause, a skip or a change of speed cancels the one being spoken
// and starts again at a sentence's start, which every browser does the same way (unlike
// pause/resume and boundary events, which some voices do not support).
import { el, icon } from './element.js';

export const SPEEDS = Object.freeze([0.75, 1, 1.25, 1.5, 2]);
// Blocks read as one paragraph: the innermost of these that hold text.
const BLOCKS = 'h1, h2, h3, h4, h5, h6, p, li, blockquote, figcaption, dt, dd, th, td, pre';
// Never read: players, descriptions of missing images, what only screen readers had.
const UNREAD = '.embed, .image-alt, [data-visually-hidden], .measure-probe';
const ICONS = {
  previous: 'M6 6h2v12H6zm3.5 6 8.5 6V6z',
  play: 'M8 5v14l11-7z',
  pause: 'M6 19h4V5H6zm8-14v14h4V5z',
  next: 'M6 18l8.5-6L6 6zM16 6v12h2V6z',
};

export const speechAvailable = () =>
  typeof globalThis.speechSynthesis === 'object' && typeof globalThis.SpeechSynthesisUtterance === 'function';

/** The paragraphs to read, in order: the title, then the innermost text blocks of the body. */
function paragraphsOf(article) {
  const title = article.querySelector('h1#title');
  const blocks = Array.from(article.querySelectorAll(`.content :is(${BLOCKS})`)).filter(
    (b) => !b.closest(UNREAD) && !b.querySelector(BLOCKS) && b.textContent.trim() !== '',
  );
  return title ? [title, ...blocks] : blocks;
}

/** [start, end) of each sentence of `text` that has words. */
function sentenceBounds(text, lang) {
  let segments;
  try {
    segments = Array.from(new Intl.Segmenter(lang || undefined, { granularity: 'sentence' }).segment(text), (s) => [
      s.index,
      s.index + s.segment.length,
    ]);
  } catch {
    segments = [[0, text.length]];
  }
  return segments.filter(([s, e]) => text.slice(s, e).trim() !== '');
}

// The sentences of each block already wrapped in spans.
const sentencesByBlock = new WeakMap();

/**
 * Wraps each sentence of `block` in spans (`data-sentence` = its index; a sentence across a link
 * is several spans), once. Returns the sentences' texts.
 */
function sentencesOf(block, lang) {
  if (sentencesByBlock.has(block)) return sentencesByBlock.get(block);
  const text = block.textContent;
  const bounds = sentenceBounds(text, lang);
  const nodes = [];
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) nodes.push(n);
  let offset = 0;
  for (const node of nodes) {
    const start = offset;
    offset += node.data.length;
    let piece = node;
    let pieceStart = start;
    const pieces = [];
    for (const [cut] of bounds) {
      if (cut <= pieceStart || cut >= offset) continue;
      const rest = piece.splitText(cut - pieceStart);
      pieces.push([piece, pieceStart]);
      piece = rest;
      pieceStart = cut;
    }
    pieces.push([piece, pieceStart]);
    for (const [p, at] of pieces) {
      if (p.data.trim() === '') continue;
      const index = bounds.findLastIndex(([s]) => s <= at);
      const span = el('span', { class: 'sentence', 'data-sentence': Math.max(0, index) });
      p.replaceWith(span);
      span.append(p);
    }
  }
  const sentences = bounds.map(([s, e]) => text.slice(s, e).trim());
  sentencesByBlock.set(block, sentences);
  return sentences;
}

/**
 * The read-aloud bar and its player for `article` (the view's <article>), in `lang` (the
 * article's language). `scroller`: the view's scrolling box, to keep the sentence in view.
 */
export function createNarrator({ article, lang, scroller, words }) {
  const { t } = words;
  const paragraphs = paragraphsOf(article);
  let at = { paragraph: 0, sentence: 0 };
  let playing = false;
  let current = null; // the utterance being spoken
  const spoken = []; // what was handed to speechSynthesis, for the view's state

  const button = (action, label, shortcut) =>
    el(
      'button',
      { type: 'button', 'data-narrate': action, 'aria-label': label, title: label, 'aria-keyshortcuts': shortcut },
      icon(ICONS[action]),
    );
  const play = button('play', t('narratePlay'), 'R');
  const rate = el(
    'select',
    { 'data-narrate': 'rate' },
    ...SPEEDS.map((s) => el('option', { value: s }, `${words.number(s)}×`)),
  );
  rate.value = '1';
  const voice = el('select', { 'data-narrate': 'voice' });
  const note = el('span', { class: 'narrate-note', role: 'status' });
  const bar = el(
    'div',
    { class: 'narrate', id: 'narrate', role: 'group', 'aria-label': t('readerListen'), hidden: '' },
    button('previous', t('narratePrevious'), '['),
    play,
    button('next', t('narrateNext'), ']'),
    el('label', {}, el('span', {}, t('narrateSpeed')), rate),
    el('label', {}, el('span', {}, t('narrateVoice')), voice),
    note,
  );

  function fillVoices() {
    const chosen = voice.value;
    const base = (lang || '').toLowerCase().split('-')[0];
    const all = speechAvailable() ? speechSynthesis.getVoices() : [];
    // The article's language first.
    const ranked = [...all].sort(
      (a, b) =>
        Number(b.lang.toLowerCase().startsWith(base)) - Number(a.lang.toLowerCase().startsWith(base)) ||
        a.name.localeCompare(b.name),
    );
    voice.replaceChildren(
      el('option', { value: '' }, t('narrateDefaultVoice')),
      ...ranked.map((v) => el('option', { value: v.voiceURI }, `${v.name} (${v.lang})`)),
    );
    voice.value = ranked.some((v) => v.voiceURI === chosen) ? chosen : '';
  }
  if (speechAvailable()) {
    fillVoices();
    speechSynthesis.addEventListener?.('voiceschanged', fillVoices);
  }

  function highlight() {
    for (const old of article.querySelectorAll('.speaking, .narrating')) old.classList.remove('speaking', 'narrating');
    if (!playing) return;
    const block = paragraphs[at.paragraph];
    block.classList.add('narrating');
    const spans = block.querySelectorAll(`.sentence[data-sentence="${at.sentence}"]`);
    for (const span of spans) span.classList.add('speaking');
    const target = spans[0] ?? block;
    const box = target.getBoundingClientRect();
    const view = scroller.getBoundingClientRect();
    if (box.top < view.top + view.height * 0.2 || box.bottom > view.bottom - view.height * 0.1) {
      target.scrollIntoView({ block: 'center' });
    }
  }

  function showPlaying() {
    const label = t(playing ? 'narratePause' : 'narratePlay');
    play.setAttribute('aria-label', label);
    play.title = label;
    play.dataset.playing = String(playing);
    play.replaceChildren(icon(playing ? ICONS.pause : ICONS.play));
  }

  function speak() {
    if (!playing) return;
    const block = paragraphs[at.paragraph];
    const sentences = sentencesOf(block, block.closest('[lang]')?.lang || lang);
    if (at.sentence >= sentences.length) {
      advance();
      return;
    }
    const utterance = new SpeechSynthesisUtterance(sentences[at.sentence]);
    utterance.lang = lang || '';
    utterance.rate = Number(rate.value);
    const chosen = speechSynthesis.getVoices().find((v) => v.voiceURI === voice.value);
    if (chosen) utterance.voice = chosen;
    utterance.addEventListener('end', () => {
      if (current === utterance) advance();
    });
    utterance.addEventListener('error', (event) => {
      if (current !== utterance || event.error === 'interrupted' || event.error === 'canceled') return;
      note.textContent = t('narrateUnavailable');
      pause();
    });
    current = utterance;
    spoken.push({ text: utterance.text, lang: utterance.lang, rate: utterance.rate, voice: voice.value });
    highlight();
    speechSynthesis.speak(utterance);
  }

  function advance() {
    const sentences = sentencesByBlock.get(paragraphs[at.paragraph]) ?? [];
    if (at.sentence + 1 < sentences.length) at = { paragraph: at.paragraph, sentence: at.sentence + 1 };
    else if (at.paragraph + 1 < paragraphs.length) at = { paragraph: at.paragraph + 1, sentence: 0 };
    else {
      at = { paragraph: 0, sentence: 0 };
      pause();
      return;
    }
    speak();
  }

  // From the current sentence's start, after a change (a skip, the speed, the voice).
  function restart() {
    if (!playing) return;
    current = null;
    speechSynthesis.cancel();
    speak();
  }

  function pause() {
    playing = false;
    current = null;
    if (speechAvailable()) speechSynthesis.cancel();
    showPlaying();
    highlight();
  }

  function start() {
    if (!speechAvailable() || paragraphs.length === 0) {
      note.textContent = t('narrateUnavailable');
      return;
    }
    note.textContent = '';
    playing = true;
    showPlaying();
    current = null;
    speechSynthesis.cancel();
    speak();
  }

  function skip(by) {
    at = { paragraph: Math.min(paragraphs.length - 1, Math.max(0, at.paragraph + by)), sentence: 0 };
    if (playing) restart();
  }

  bar.addEventListener('click', (event) => {
    const action = event.target.closest('button[data-narrate]')?.dataset.narrate;
    if (action === 'play') (playing ? pause : start)();
    else if (action === 'previous') skip(-1);
    else if (action === 'next') skip(1);
  });
  bar.addEventListener('change', restart);

  return {
    bar,
    /** Shows the bar and starts reading. */
    open() {
      bar.hidden = false;
      start();
    },
    /** Stops reading and hides the bar. */
    close() {
      pause();
      bar.hidden = true;
    },
    /** Plays or pauses. */
    togglePlay() {
      (playing ? pause : start)();
    },
    skip,
    /** Silences it for good (the view closes). */
    stop() {
      if (playing) pause();
      globalThis.speechSynthesis?.removeEventListener?.('voiceschanged', fillVoices);
    },
    state: () => ({
      open: !bar.hidden,
      playing,
      paragraph: at.paragraph,
      sentence: at.sentence,
      highlighted: Array.from(article.querySelectorAll('.speaking'), (s) => s.textContent)
        .join('')
        .trim(),
      spoken: spoken.slice(),
      rate: Number(rate.value),
    }),
  };
}

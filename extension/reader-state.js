// What the open reader view shows, as plain data: the popup reads it, and so do the e2e suites,
// which cannot look into the view's closed shadow root. Nothing here changes the view.

const text = (node) => node?.textContent.replace(/\s+/g, ' ').trim() ?? null;

/** The accessible name a button gets from its attributes or its text. */
function nameOf(node) {
  return node.getAttribute('aria-label') ?? text(node);
}

/**
 * Characters per line of paragraph `p` as laid out: the median of its lines but the last
 * (which ends wherever the paragraph does), or null for a paragraph of fewer than three lines.
 */
export function charactersPerLine(p) {
  const lines = new Map();
  const range = document.createRange();
  const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    for (let i = 0; i < node.data.length; i++) {
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const rect = range.getClientRects()[0];
      if (rect === undefined) continue;
      const top = Math.round(rect.top);
      lines.set(top, (lines.get(top) ?? 0) + 1);
    }
  }
  const counts = [...lines.entries()].sort((a, b) => a[0] - b[0]).map(([, n]) => n);
  if (counts.length < 3) return null;
  const full = counts.slice(0, -1).sort((a, b) => a - b);
  return full[Math.floor(full.length / 2)];
}

/** The longest paragraph of the body, the one a measure is taken on. */
function longestParagraph(root) {
  let best = null;
  for (const p of root.querySelectorAll('.content p')) {
    if (best === null || p.textContent.length > best.textContent.length) best = p;
  }
  return best;
}

function centre(node) {
  const r = node.getBoundingClientRect();
  return { x: r.left + r.width / 2, y: r.top + r.height / 2, visible: r.width > 0 && r.height > 0 };
}

function layoutOf(root) {
  const controls = Array.from(root.querySelectorAll('button, a[data-heading], select'), (b) => ({
    label: nameOf(b),
    set:
      b.dataset.set ??
      b.dataset.step ??
      b.dataset.action ??
      b.dataset.narrate ??
      (b.dataset.heading && 'heading') ??
      (b.classList.contains('embed-play') ? 'play-embed' : undefined),
    value: b.dataset.value ?? b.dataset.panel ?? b.dataset.heading ?? null,
    pressed: b.getAttribute('aria-pressed'),
    expanded: b.getAttribute('aria-expanded'),
    tabIndex: b.tabIndex,
    inToolbar: b.closest('[role=toolbar]') !== null,
    ...centre(b),
  }));
  const bar = root.querySelector('.bar').getBoundingClientRect();
  const p = longestParagraph(root);
  return {
    controls,
    bar: { top: bar.top, height: bar.height, opacity: getComputedStyle(root.querySelector('.bar')).backgroundColor },
    charactersPerLine: p === null ? null : charactersPerLine(p),
    pictures: Array.from(root.querySelectorAll('article img'), (img) => {
      const r = img.getBoundingClientRect();
      return {
        src: img.currentSrc || img.src,
        lead: img.closest('.lead') !== null,
        natural: [img.naturalWidth, img.naturalHeight],
        shown: [r.width, r.height],
        complete: img.complete,
      };
    }),
  };
}

/** The view `view` (reader.js's) as data; `layout` adds places, sizes and measures. */
export function describe(view, { layout = false } = {}) {
  const { root, settings, reader } = view;
  const toolbar = root.querySelector('[role=toolbar]');
  const contents = root.getElementById('panel-contents');
  const progress = root.querySelector('.progress');
  const out = {
    dialog: {
      role: reader.getAttribute('role'),
      modal: reader.getAttribute('aria-modal'),
      label: text(root.getElementById(reader.getAttribute('aria-labelledby'))),
      lang: reader.getAttribute('lang'),
      dir: reader.getAttribute('dir'),
    },
    title: text(root.querySelector('h1')),
    site: text(root.querySelector('.site-name')),
    original: root.querySelector('a.original')
      ? { text: text(root.querySelector('a.original')), href: root.querySelector('a.original').href }
      : null,
    meta: Array.from(root.querySelectorAll('.meta > :not(.sep)'), (n) => n.textContent),
    lang: root.querySelector('article')?.getAttribute('lang') ?? null,
    dir: root.querySelector('article')?.getAttribute('dir') ?? null,
    paragraphs: Array.from(root.querySelectorAll('.content p'), (p) => p.textContent.trim()),
    links: Array.from(root.querySelectorAll('.content a[href]'), (a) => ({ target: a.target, rel: a.rel })),
    images: Array.from(root.querySelectorAll('img'), (i) => ({
      loading: i.getAttribute('loading'),
      referrer: i.getAttribute('referrerpolicy'),
    })),
    imageDescriptions: Array.from(root.querySelectorAll('.image-alt'), (s) => s.textContent),
    embeds: Array.from(root.querySelectorAll('figure.embed'), (f) => ({
      provider: f.dataset.provider,
      kind: f.dataset.kind,
      title: text(f.querySelector('.embed-title')),
      link: f.querySelector('a.embed-link')?.href ?? null,
      playing: 'playing' in f.dataset,
      frame: f.querySelector('iframe')
        ? {
            src: f.querySelector('iframe').src,
            sandbox: f.querySelector('iframe').getAttribute('sandbox'),
          }
        : null,
    })),
    frames: root.querySelectorAll('iframe').length,
    toolbar: {
      label: toolbar.getAttribute('aria-label'),
      names: Array.from(toolbar.querySelectorAll('button'), nameOf),
      tabStops: Array.from(toolbar.querySelectorAll('button')).filter((b) => b.tabIndex === 0).length,
      hidden: reader.dataset.bar === 'hidden',
    },
    panels: Object.fromEntries(
      Array.from(root.querySelectorAll('.panel'), (p) => [p.id.replace('panel-', ''), !p.hidden]),
    ),
    contents: contents
      ? {
          label: contents.getAttribute('aria-label'),
          entries: Array.from(contents.querySelectorAll('a'), (a) => text(a)),
          current: text(contents.querySelector('a[aria-current]')),
        }
      : null,
    progress: progress ? Number(progress.getAttribute('aria-valuenow')) : null,
    timeLeft: text(root.querySelector('.time-left')),
    narration: view.narrator?.state() ?? null,
    exported: view.exported.slice(),
    focus: root.activeElement
      ? root.activeElement.localName +
        (root.activeElement.id ? `#${root.activeElement.id}` : '') +
        (root.activeElement.dataset?.action ? `[${root.activeElement.dataset.action}]` : '')
      : null,
    settings: { ...settings },
    computed: {
      fontFamily: getComputedStyle(reader).fontFamily,
      fontSize: getComputedStyle(reader).fontSize,
      background: getComputedStyle(reader).backgroundColor,
      measure: root.querySelector('main article').getBoundingClientRect().width,
      toolbarDisplay: getComputedStyle(toolbar).display,
    },
  };
  if (layout) Object.assign(out, layoutOf(root));
  return out;
}

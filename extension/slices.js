// How the content script looks at a page without holding it up: in slices, each a snapshot of a
// part of the page (snapshot.js's takePart) that the core analyses in a few milliseconds.
//
// The first look decides what goes at once. On a page of ordinary size it is the whole page, as
// it always was. On a huge one (a 200,000-node article, an endless feed) a whole look takes
// hundreds of milliseconds, during which the page is frozen: the first look is then a sample of
// FIRST_BUDGET records, taking at most FIRST_CHILD_CAP child elements of any one element, so the
// page's head, its bars and sidebars, the top of the article and what sits beside it are all in
// it; the rest of the page follows in slices. Later slices also take what the page changes (a
// lazy ad slot, a ticker's new item): each changed element whole, under its ancestors.
//
// A later slice is a part (src/lib.rs's classify_part): its ancestors are partial context, never
// removed, and the core is told where the first look found the article (the region) and whether
// it found one. Each slice is sized by what the slices before it cost, to about SLICE_MS: time
// enough to do something, short enough that the page's own tasks and frames go on between them.
import { flatParent, openShadowRoot, takePart } from './snapshot.js';

/** Records of the first look at a page too big to look at whole. */
export const FIRST_BUDGET = 20000;
/** In that first look, child elements of any one element: the rest wait for the later slices. */
export const FIRST_CHILD_CAP = 100;
/** What a later slice may cost, snapshot to removals applied. */
export const SLICE_MS = 12;
const MIN_SLICE = 500;
// However quick the slices were: a busy moment of the machine makes the next one slower.
const MAX_SLICE = 4000;
// What a record costs before any slice was timed (snapshot, core, applying): a first guess on
// the slow side (a busy machine's), which the slices' own times then correct.
const FIRST_MS_PER_RECORD = 0.008;
// Elements the page changed, remembered between slices; past this, new ones are not looked at.
const MAX_CHANGED = 5000;
// A changed element is copied with the block around it, up to this many elements and levels:
// an ad slot filled beside its label, a ticker's new item in its list.
const PART_CONTEXT_ELEMENTS = 500;
const PART_CONTEXT_LEVELS = 4;

/** The slices of one page, and what they need to know of each other. */
export class Slices {
  /** `shadowRoot(element)` finds shadow roots (default: open ones); `layout` is snapshot.js's. */
  constructor(doc, { shadowRoot = openShadowRoot, layout = null } = {}) {
    this.doc = doc;
    this.snapshotOptions = { shadowRoot, layout };
    this.reset();
  }

  /** Forgets the page: the next look is a first one. */
  reset() {
    // Cursors where the first look stopped, still to look at (snapshot.js's `rest`), and where
    // the copy of what the page changed stopped, for a big change.
    this.rest = [];
    this.restOfChanges = [];
    this.changed = new Set();
    // What the first look found: the element of the article's block and whether it is one.
    this.region = null;
    this.articleFound = false;
    this.msPerRecord = FIRST_MS_PER_RECORD;
  }

  /**
   * The first look: `{kind: 'first', snapshot, options}`, `options` for the core (none: an
   * analysis of the page as usual). `whole: true` asks for the whole page however big (the reader
   * view needs all of the article).
   */
  first({ whole = false } = {}) {
    this.reset();
    // About two records an element (its text beside it). A collection's item(i) walks only
    // as far as i: `length` would count a huge page whole.
    const huge = !whole && this.doc.getElementsByTagName('*').item(FIRST_BUDGET / 2) !== null;
    const snapshot = takePart(this.doc, {
      ...this.snapshotOptions,
      from: [{ parent: this.doc, container: this.doc, next: this.doc.firstChild }],
      budget: huge ? FIRST_BUDGET : Infinity,
      childCap: huge ? FIRST_CHILD_CAP : Infinity,
    });
    this.rest = snapshot.rest;
    return { kind: 'first', snapshot, options: {} };
  }

  /** What the core said of the first look. */
  learn(snapshot, analysis) {
    this.region = Number.isInteger(analysis.region) ? (snapshot.nodes[analysis.region] ?? null) : null;
    this.articleFound = analysis.articleFound === true;
  }

  /**
   * Elements the page changed since the last slice. Returns false when the page has changed
   * what the first look stood on (the article's block is gone, or inside what changed): the
   * page needs a first look again.
   */
  add(elements) {
    for (const element of elements) {
      if (this.region !== null && element.contains(this.region)) return false;
      if (this.changed.size < MAX_CHANGED) this.changed.add(element);
    }
    return this.region === null || this.region.isConnected;
  }

  /** Whether slices are left. */
  get pending() {
    return this.rest.length > 0 || this.restOfChanges.length > 0 || this.changed.size > 0;
  }

  /** Whether what the first look left out is still to look at. */
  get firstLookLeft() {
    return this.rest.length > 0;
  }

  /**
   * The next slice, or null when none is left: `{kind, snapshot, options, changed}`, `options`
   * for the core. First what the first look left out (kind 'rest'), then what the page changed
   * (kind 'changes': `changed` holds the elements the page changed that it takes in; a big change
   * goes on in slices of its own, with `changed` null, all of it new).
   */
  next() {
    const budget = Math.round(Math.min(MAX_SLICE, Math.max(MIN_SLICE, SLICE_MS / this.msPerRecord)));
    const kind = this.rest.length > 0 ? 'rest' : 'changes';
    let snapshot;
    let changed = null;
    if (this.rest.length > 0) {
      snapshot = takePart(this.doc, { ...this.snapshotOptions, from: this.rest, budget });
      this.rest = snapshot.rest;
    } else if (this.restOfChanges.length > 0) {
      snapshot = takePart(this.doc, { ...this.snapshotOptions, from: this.restOfChanges, budget });
      this.restOfChanges = snapshot.rest;
    } else if (this.changed.size > 0) {
      changed = new Set([...this.changed].filter((element) => element.isConnected));
      this.changed.clear();
      const blocks = new Map();
      const roots = [...new Set([...changed].map((element) => this.blockAround(element, blocks)))];
      snapshot = takePart(this.doc, { ...this.snapshotOptions, roots, budget });
      this.restOfChanges = snapshot.rest;
    } else {
      return null;
    }
    const region = this.region === null ? -1 : snapshot.nodes.indexOf(this.region);
    const options = { part: true, articleFound: this.articleFound };
    if (region > 0) options.region = region;
    return { kind, snapshot, options, changed };
  }

  // The element to copy for a changed one: the block around it, as long as that stays small
  // (`sizes` remembers, for one slice, which elements were counted and how).
  blockAround(element, sizes) {
    const { shadowRoot } = this.snapshotOptions;
    let block = element;
    for (let level = 0; level < PART_CONTEXT_LEVELS; level++) {
      const parent = flatParent(block, shadowRoot);
      if (parent === null || parent.nodeType !== 1 || parent === this.doc.body || parent === this.doc.documentElement)
        break;
      if (!sizes.has(parent)) sizes.set(parent, holdsAtMost(parent, PART_CONTEXT_ELEMENTS));
      if (!sizes.get(parent)) break;
      block = parent;
    }
    return block;
  }

  /** How long the last slice of `records` records took, from its snapshot to its removals applied. */
  took(records, ms) {
    if (records < MIN_SLICE / 4 || !(ms > 0)) return;
    const measured = ms / records;
    // The slower of the last measure and a decayed memory of the ones before: one quick slice
    // on a busy machine must not make the next one long.
    this.msPerRecord = Math.max(measured, this.msPerRecord * 0.8);
  }
}

// Whether `element` holds at most `limit` elements (its own children and theirs; a shadow tree
// counts as nothing): counted only as far as the limit.
function holdsAtMost(element, limit) {
  let count = 0;
  let node = element.firstElementChild;
  while (node !== null) {
    if (++count > limit) return false;
    if (node.firstElementChild !== null) {
      node = node.firstElementChild;
      continue;
    }
    while (node !== null && node.nextElementSibling === null) {
      node = node.parentElement;
      if (node === element) return true;
    }
    if (node !== null) node = node.nextElementSibling;
  }
  return true;
}

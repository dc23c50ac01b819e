//! From seeds to blocks: each seed grows to its outermost sensible block, blocks that do not
//! hold what their kind needs are dropped, and of nested blocks only the outermost is kept.

use crate::dom::NodeId;

use super::facts::{flag, Counts, Facts};
use super::rules::{self, Policy, Seed};
use super::signals;
use super::ClutterKind;

/// A section absorbs a wrapper that adds at most this many words of any kind (its heading)...
const SECTION_EXTRA_WORDS: u32 = 6;
/// ...or whose additions are at least this share links (more headlines, "See all").
const SECTION_EXTRA_MIN_LINK_DENSITY: f32 = 0.7;
/// A section never grows past this many links: beyond it is a site map, not a box.
const SECTION_MAX_LINKS: u32 = 120;
/// Wrappers more than this many levels above a seed are page structure, not the block's own.
const MAX_GROW_LEVELS: u32 = 48;

/// One block to remove, before it becomes a [`super::Removal`].
#[derive(Clone, Debug)]
pub struct Block {
    pub node: NodeId,
    pub kind: ClutterKind,
    pub reason: String,
    priority: u8,
}

/// Grows every seed, checks the result, and keeps only the outermost of nested blocks.
pub fn blocks(f: &Facts, seeds: Vec<Seed>) -> Vec<Block> {
    // Which kinds of seed, and how many section labels, each element's subtree holds, by
    // element row (seeds are elements).
    let mut mask = vec![0u16; f.elements()];
    let mut labels = vec![0u32; f.elements()];
    for s in &seeds {
        mask[f.row(s.node)] |= s.kind.bit();
        labels[f.row(s.node)] += u32::from(s.is_label);
    }
    for &id in f.order.iter().rev() {
        let Some(p) = f.dom.parent(id).filter(|&p| f.dom.element(p).is_some()) else {
            continue;
        };
        if f.dom.element(id).is_some() {
            let (r, pr) = (f.row(id), f.row(p));
            mask[pr] |= mask[r];
            labels[pr] += labels[r];
        }
    }

    let mut out: Vec<Block> = Vec::with_capacity(seeds.len());
    for s in seeds {
        let node = grow(f, &s, &mask, &labels);
        if let Some(kind) = check(f, &s, node) {
            out.push(Block {
                node,
                kind,
                reason: s.reason,
                priority: s.priority,
            });
        }
    }

    // Document order, the higher priority first for the same node; then drop nested blocks.
    out.sort_by(|a, b| {
        let (pa, pb) = (f.pos[a.node.index()], f.pos[b.node.index()]);
        pa.cmp(&pb).then(b.priority.cmp(&a.priority))
    });
    let mut kept: Vec<Block> = Vec::with_capacity(out.len());
    for b in out {
        if let Some(last) = kept.last() {
            if f.within(last.node, b.node) {
                continue;
            }
        }
        kept.push(b);
    }
    kept
}

/// Nodes a block may never be, nor contain: the document's frame and the article's ancestors.
fn is_boundary(f: &Facts, id: NodeId) -> bool {
    let dom = f.dom;
    let Some(e) = dom.element(id) else {
        return true;
    };
    matches!(&*e.name, "html" | "head" | "body" | "main")
        || e.attr("role")
            .is_some_and(|r| r.eq_ignore_ascii_case("main"))
        || f.has(id, flag::HOLDS_REGION)
}

/// Kinds a growing block may absorb besides its own: a box of headlines may carry an ad.
fn compatible(kind: ClutterKind, policy: Policy) -> u16 {
    match policy {
        Policy::Section => {
            ClutterKind::TrendingList.bit()
                | ClutterKind::Recommended.bit()
                | ClutterKind::SponsoredFeed.bit()
                | ClutterKind::Ad.bit()
                | ClutterKind::ShareBar.bit()
        }
        _ => kind.bit(),
    }
}

fn grow(f: &Facts, s: &Seed, mask: &[u16], labels: &[u32]) -> NodeId {
    let dom = f.dom;
    let allowed = compatible(s.kind, s.policy);
    let mut cur = s.node;
    for _ in 0..MAX_GROW_LEVELS {
        let Some(p) = dom.parent(cur) else { break };
        if is_boundary(f, p) || f.has(p, flag::HIDDEN) {
            break;
        }
        let (pc, cc) = (f.c(p), f.c(cur));
        if pc.protected > 0 {
            break;
        }
        let extra = pc.minus(cc);
        let (pr, r) = (f.row(p), f.row(cur));
        if extra.landmarks > 0 || mask[pr] & !mask[r] & !allowed != 0 {
            break;
        }
        if s.is_label && labels[pr] > labels[r] {
            break;
        }
        if !absorbs(s.policy, pc, &extra) {
            break;
        }
        cur = p;
    }
    cur
}

/// Whether a block may take in a wrapper that adds `extra`.
fn absorbs(policy: Policy, whole: &Counts, extra: &Counts) -> bool {
    match policy {
        Policy::Slot {
            max_words,
            extra_words,
            extra_plain,
            extra_links,
        } => {
            extra.words <= extra_words
                && extra.meta == 0
                && extra.chars - extra.link_chars.min(extra.chars) <= extra_plain
                && extra.links <= extra_links
                && extra.media == 0
                && whole.words <= max_words
        }
        Policy::Section => {
            let wordy = extra.words > SECTION_EXTRA_WORDS;
            let linky = extra.link_density() >= SECTION_EXTRA_MIN_LINK_DENSITY && extra.links > 0;
            (!wordy || linky) && whole.links <= SECTION_MAX_LINKS
        }
        Policy::Container => extra.words == 0 && extra.links == 0 && extra.media == 0,
    }
}

/// The kind of the grown block, or `None` when it lacks what its kind needs.
fn check(f: &Facts, s: &Seed, node: NodeId) -> Option<ClutterKind> {
    let dom = f.dom;
    let c = f.c(node);
    if c.protected > 0 || is_boundary(f, node) {
        return None;
    }
    let ctas = c.links + c.buttons + c.email_inputs;
    match s.kind {
        // A loader script alone is invisible: only the slot around it is worth removing.
        ClutterKind::Ad if node == s.node && dom.is(node, "script") => None,
        // "Sponsored" over headlines is a feed of paid links; over one block, an ad.
        ClutterKind::Ad if s.is_label => Some(
            if c.headline_links >= super::rules::SPONSORED_FEED_MIN_HEADLINES {
                ClutterKind::SponsoredFeed
            } else {
                ClutterKind::Ad
            },
        ),
        ClutterKind::TrendingList | ClutterKind::Recommended | ClutterKind::SponsoredFeed
            if s.is_label =>
        {
            // A lone heading that found no list: inside the article it is more likely the
            // article's own subheading than an empty box.
            let empty = c.links == 0 && c.media == 0 && node == s.node;
            (!(empty && f.has(node, flag::IN_REGION))).then_some(s.kind)
        }
        ClutterKind::Promo | ClutterKind::PaywallPrompt if s.policy != Policy::Container => {
            (ctas > 0).then_some(s.kind)
        }
        // A pitch is a newsletter box once it holds the form, or a "Sign up" button.
        ClutterKind::Newsletter if s.policy != Policy::Container => (c.email_inputs > 0
            || rules::find_control(f, node, signals::is_subscribe_label).is_some())
        .then_some(s.kind),
        // Text about cookies is a consent banner once it holds the button that accepts them.
        ClutterKind::ConsentBanner if s.policy != Policy::Container => {
            (c.phrases & signals::PHRASE_COOKIE != 0 && rules::accept_button(f, node).is_some())
                .then_some(s.kind)
        }
        ClutterKind::ShareBar => (c.links + c.buttons >= 2).then_some(s.kind),
        kind => Some(kind),
    }
}

//! From seeds to blocks: each seed grows to its outermost sensible block, blocks that do not
//! hold what their kind needs are dropped (the seed's own check), and of nested blocks only the
//! outermost is kept.

use crate::dom::{LayoutFlags, NodeId};

use super::counts::Counts;
use super::facts::{Facts, NodeFlags};
use super::seeds::{Policy, Priority, Seed, Slot};
use super::{Cause, ClutterKind, KindSet};

/// A section absorbs a wrapper that adds at most this many words of any kind (its heading)...
const SECTION_EXTRA_WORDS: u32 = 6;
/// ...or whose additions are at least this share links (more headlines, "See all").
const SECTION_EXTRA_MIN_LINK_DENSITY: f32 = 0.7;
/// A section never grows past this many links: beyond it is a site map, not a box.
const SECTION_MAX_LINKS: u32 = 120;
/// Wrappers more than this many levels above a seed are page structure, not the block's own.
const MAX_GROW_LEVELS: u32 = 48;
/// A block that takes the article's text holds at most this many words: a box or a line, never
/// a stretch of the article.
const IN_ARTICLE_MAX_WORDS: u32 = 150;

/// One block to remove, before it becomes a [`super::Removal`].
#[derive(Clone, Debug)]
pub struct Block {
    pub node: NodeId,
    pub kind: ClutterKind,
    pub reason: String,
    pub cause: Cause,
    priority: Priority,
    /// Grown from a list of headlines found by its shape or name.
    list: bool,
}

/// What the seeds below each element are, by element row (seeds are elements).
struct SeedsBelow {
    /// The kinds of the seeds in the element's subtree.
    kinds: Vec<KindSet>,
    /// How many section labels its subtree holds.
    labels: Vec<u32>,
    /// How many lists of headlines (found by their shape or name, not by a label) it holds.
    lists: Vec<u32>,
    /// How many ad labels ("Advertisement") it holds.
    ad_labels: Vec<u32>,
}

impl SeedsBelow {
    fn new(f: &Facts, seeds: &[Seed]) -> SeedsBelow {
        let mut kinds = vec![KindSet::NONE; f.elements()];
        let mut labels = vec![0u32; f.elements()];
        let mut lists = vec![0u32; f.elements()];
        let mut ad_labels = vec![0u32; f.elements()];
        for s in seeds {
            kinds[f.row(s.node)] |= KindSet::of(s.kind);
            labels[f.row(s.node)] += u32::from(s.is_label);
            lists[f.row(s.node)] += u32::from(is_list(s));
            ad_labels[f.row(s.node)] += u32::from(is_ad_label(s));
        }
        for &id in f.order.iter().rev() {
            let Some(p) = f.dom.parent(id).filter(|&p| f.dom.element(p).is_some()) else {
                continue;
            };
            if f.dom.element(id).is_some() {
                let (r, pr) = (f.row(id), f.row(p));
                kinds[pr] = kinds[pr] | kinds[r];
                labels[pr] += labels[r];
                lists[pr] += lists[r];
                ad_labels[pr] += ad_labels[r];
            }
        }
        SeedsBelow {
            kinds,
            labels,
            lists,
            ad_labels,
        }
    }
}

/// A list of headlines found by its shape or its name, not by a label over it.
fn is_list(s: &Seed) -> bool {
    s.policy == Policy::Section && !s.is_label
}

/// An ad's label: the box it heads is an ad, whatever lies beside it.
fn is_ad_label(s: &Seed) -> bool {
    s.kind == ClutterKind::Ad && s.priority == Priority::Label && !s.is_label
}

/// Grows every seed, checks the result, and keeps only the outermost of nested blocks.
pub fn blocks(f: &Facts, seeds: Vec<Seed>) -> Vec<Block> {
    let below = SeedsBelow::new(f, &seeds);
    let mut out: Vec<Block> = Vec::with_capacity(seeds.len());
    for s in seeds {
        let node = grow(f, &s, &below);
        if !may_take(f, &s, node) || is_boundary(f, node) {
            continue;
        }
        if let Some(kind) = (s.check)(f, &s, node) {
            let list = is_list(&s);
            out.push(Block {
                node,
                kind,
                reason: s.reason,
                cause: s.cause,
                priority: s.priority,
                list,
            });
        }
    }
    // A list found wider than the labelled box that holds all its headlines is that box seen
    // with its neighbours (an ad beside it in a rail): the box speaks for the headlines.
    let labelled: Vec<NodeId> = out
        .iter()
        .filter(|b| b.priority == Priority::Label && !b.list)
        .map(|b| b.node)
        .collect();
    out.retain(|b| {
        !b.list
            || !labelled.iter().any(|&l| {
                l != b.node
                    && f.within(b.node, l)
                    && f.counts(l).headline_links == f.counts(b.node).headline_links
            })
    });

    // Document order, the higher priority first for the same node, then the order found; then
    // drop nested blocks. One integer key a block, unique, so an unstable sort of plain integers
    // orders them as a stable sort of the blocks would (with less code in the wasm): position
    // (under 2^24, as `MAX_NODES` is), inverted priority, index.
    const _: () = assert!(crate::limits::MAX_NODES < 1 << 24);
    let mut order: Vec<u64> = out
        .iter()
        .enumerate()
        .map(|(i, b)| {
            u64::from(f.pos[b.node.index()]) << 40
                | u64::from(u8::MAX - b.priority as u8) << 32
                | i as u64
        })
        .collect();
    order.sort_unstable();
    let mut found: Vec<Option<Block>> = out.into_iter().map(Some).collect();
    let mut kept: Vec<Block> = Vec::with_capacity(found.len());
    for b in order
        .iter()
        .filter_map(|&k| found[k as u32 as usize].take())
    {
        if let Some(last) = kept.last() {
            if f.within(last.node, b.node) {
                continue;
            }
        }
        kept.push(b);
    }
    kept
}

/// Whether a seed's block may be `node`, for what it holds of the article: never its prose;
/// its other text and media only for a seed that may take them, in a block of a few words.
fn may_take(f: &Facts, s: &Seed, node: NodeId) -> bool {
    let c = f.counts(node);
    c.protected == 0 && (c.article == 0 || (s.in_article && c.words <= IN_ARTICLE_MAX_WORDS))
}

/// Nodes a block may never be, nor contain: the document's frame, the article's ancestors, and
/// elements the snapshot holds only part of.
fn is_boundary(f: &Facts, id: NodeId) -> bool {
    let Some(e) = f.dom.element(id) else {
        return true;
    };
    matches!(&*e.name, "html" | "head" | "body" | "main")
        || e.layout.has(LayoutFlags::PARTIAL)
        || e.attr("role")
            .is_some_and(|r| r.eq_ignore_ascii_case("main"))
        || f.has(id, NodeFlags::HOLDS_REGION)
}

/// Kinds a growing block may absorb besides its own: a box of headlines may carry an ad.
fn compatible(kind: ClutterKind, policy: Policy) -> KindSet {
    match policy {
        Policy::Section | Policy::LabelledAd { feed: true, .. } => [
            ClutterKind::TrendingList,
            ClutterKind::Recommended,
            ClutterKind::SponsoredFeed,
            ClutterKind::Ad,
            ClutterKind::ShareBar,
        ]
        .into_iter()
        .map(KindSet::of)
        .fold(KindSet::NONE, |a, b| a | b),
        _ => KindSet::of(kind),
    }
}

fn grow(f: &Facts, s: &Seed, below: &SeedsBelow) -> NodeId {
    let dom = f.dom;
    let allowed = compatible(s.kind, s.policy);
    let mut cur = s.node;
    for _ in 0..MAX_GROW_LEVELS {
        let Some(parent) = dom.parent(cur) else { break };
        if is_boundary(f, parent) || f.has(parent, NodeFlags::HIDDEN) {
            break;
        }
        let whole = f.counts(parent);
        if !may_take(f, s, parent) {
            break;
        }
        let extra = whole.minus(f.counts(cur));
        let (pr, r) = (f.row(parent), f.row(cur));
        let new_kinds = below.kinds[pr].without(below.kinds[r]).without(allowed);
        if extra.landmarks > 0 || !new_kinds.is_empty() {
            break;
        }
        // Two labelled sections are never one block, nor two lists, nor a list and a labelled
        // section or a labelled ad beside it: each keeps its own kind and reason. (An ad counts
        // only once the block holds headlines: a box's own ad comes in together with them.)
        let section = s.is_label || is_list(s);
        let new_label = below.labels[pr] > below.labels[r];
        let new_list = below.lists[r] > 0 && below.lists[pr] > below.lists[r];
        let new_ad = below.ad_labels[pr] > below.ad_labels[r] && f.counts(cur).headline_links > 0;
        if section && (new_label || new_list || new_ad) {
            break;
        }
        if !absorbs(s.policy, whole, &extra, || opens(f, parent, s.node)) {
            break;
        }
        cur = parent;
    }
    cur
}

fn slot_absorbs(slot: Slot, whole: &Counts, extra: &Counts) -> bool {
    extra.words <= slot.extra_words
        && extra.meta == 0
        && extra.chars - extra.link_chars.min(extra.chars) <= slot.extra_plain
        && extra.links <= slot.extra_links
        && extra.media <= slot.extra_media
        && whole.words <= slot.max_words
}

fn section_absorbs(whole: &Counts, extra: &Counts) -> bool {
    let wordy = extra.words > SECTION_EXTRA_WORDS;
    let linky = extra.link_density() >= SECTION_EXTRA_MIN_LINK_DENSITY && extra.links > 0;
    (!wordy || linky) && whole.links <= SECTION_MAX_LINKS
}

/// Whether `label` holds the first words of `block`.
fn opens(f: &Facts, block: NodeId, label: NodeId) -> bool {
    let mut walk = f.dom.descendants(block);
    while let Some(d) = walk.next() {
        if f.has(d, NodeFlags::INERT | NodeFlags::HIDDEN) {
            walk.skip_subtree(d);
        } else if f.dom.text(d).is_some() && f.text(d).chars > 0 {
            return f.within(label, d);
        }
    }
    false
}

/// Whether a block may take in a wrapper that adds `extra`; `label_opens` says whether a
/// labelled ad's label still opens the wrapper.
fn absorbs(
    policy: Policy,
    whole: &Counts,
    extra: &Counts,
    label_opens: impl FnOnce() -> bool,
) -> bool {
    match policy {
        Policy::Slot(slot) => slot_absorbs(slot, whole, extra),
        Policy::Section => section_absorbs(whole, extra),
        // A labelled ad takes its copy and its slot, or the headlines of a paid feed; a label in
        // the middle of a line ("Contact | Advertising | Terms") heads nothing.
        Policy::LabelledAd { slot, feed } => {
            (feed && section_absorbs(whole, extra))
                || (slot_absorbs(slot, whole, extra) && label_opens())
        }
        Policy::Container => extra.words == 0 && extra.links == 0 && extra.media == 0,
    }
}

//! Prose is never removed. With an extracted article, its text in prose blocks is protected,
//! and its other text (labels, short lines, boxes) only rules that know clutter inside an
//! article may take. Without one, prose protects itself: the text of prose blocks, and the
//! deepest element holding most prose is the likely article (the region).

use crate::dom::{Dom, NodeData, NodeId};

use super::facts::{Facts, NodeFlags};
use super::lexicon::{self, Phrases};

/// A block with at least this many characters of its own text reads like prose: without an
/// article to protect, such text is protected instead (promo blurbs are usually shorter).
pub const PROSE_MIN_CHARS: u32 = 100;
/// ...and at most this share of its characters in links (link lists are not prose).
pub const PROSE_MAX_LINK_SHARE: f32 = 0.5;
/// Without an article, the region to be careful in is the deepest element holding at least
/// this share of the page's prose: the likely article.
pub const REGION_MIN_PROSE_SHARE: f32 = 0.6;

/// Inside the article, a block with at least this many characters of its own text is prose,
/// whatever it says: calls to action and ad copy are shorter.
pub const ARTICLE_PROSE_MIN_CHARS: u32 = 280;

/// A block's own inline text, not that of the blocks nested in it.
#[derive(Clone, Copy, Debug, Default)]
struct OwnText {
    chars: u32,
    link_chars: u32,
    phrases: Phrases,
}

impl Facts<'_> {
    /// With an article: its text in prose blocks is protected, unless the block opens with a
    /// label that makes it clutter ("Sponsored:", "Read more:"). Only the article's subtree is
    /// read, in two passes: own text bottom-up, then each text node's block top-down.
    pub(super) fn protect_article_prose(&mut self, article_shows: &[bool], protected: &mut [bool]) {
        let Some(root) = self.region else { return };
        let (start, end) = (
            self.pos[root.index()] as usize,
            self.region_end(root) as usize,
        );
        let dom = self.dom;
        let span = &self.order[start..=end];
        // By position in the span.
        let at = |id: NodeId| (self.pos[id.index()] as usize).wrapping_sub(start);
        let mut own = vec![OwnText::default(); span.len()];
        for &id in span.iter().rev() {
            let f = self.flags(id);
            if f.has(NodeFlags::INERT) || id == root {
                continue;
            }
            let Some(parent) = dom.parent(id) else {
                continue;
            };
            let mut carry = match dom.data(id) {
                NodeData::Text(_) => {
                    let chars = self.text(id).chars;
                    let in_link = f.has(NodeFlags::IN_LINK);
                    OwnText {
                        chars,
                        link_chars: if in_link { chars } else { 0 },
                        phrases: Phrases::NONE,
                    }
                }
                NodeData::Element(_) if !f.has(NodeFlags::BLOCK) => own[at(id)],
                _ => continue,
            };
            if dom.element(id).is_some_and(|e| e.is("a")) {
                carry.link_chars = carry.chars;
            }
            let o = &mut own[at(parent)];
            o.chars += carry.chars;
            o.link_chars += carry.link_chars;
        }
        // Top-down: each node's nearest block (by position in the span), and whether that block
        // is prose, decided at its first text node.
        let mut block = vec![usize::MAX; span.len()];
        let mut prose = vec![None::<bool>; span.len()];
        for (i, &id) in span.iter().enumerate() {
            let f = self.flags(id);
            let inherited = dom
                .parent(id)
                .filter(|_| id != root)
                .map_or(usize::MAX, |p| block[at(p)]);
            block[i] = if f.has(NodeFlags::BLOCK) {
                i
            } else {
                inherited
            };
            let NodeData::Text(t) = dom.data(id) else {
                continue;
            };
            let b = block[i];
            let shown = article_shows[id.index()] && !f.has(NodeFlags::INERT);
            if b == usize::MAX || !shown || self.text(id).chars == 0 {
                continue;
            }
            let is_prose = *prose[b].get_or_insert_with(|| {
                let text = own[b];
                text.chars >= ARTICLE_PROSE_MIN_CHARS
                    && (text.link_chars as f32) <= text.chars as f32 * PROSE_MAX_LINK_SHARE
                    && lexicon::lead_label(t).is_none()
            });
            protected[id.index()] = is_prose;
        }
    }

    /// Without an article: the text of prose blocks is protected, and the deepest element
    /// holding most prose becomes the region (the likely article). A block's own text (not that
    /// of nested blocks) decides, so a page wrapper never counts as one long paragraph. Outside
    /// the region, prose that pitches (cookies, newsletters, subscriptions) is not protected:
    /// that is what consent banners and promo boxes are made of.
    /// `guess_region`: find the likely article; else the region is given.
    pub(super) fn protect_prose(&mut self, protected: &mut [bool], guess_region: bool) {
        let dom = self.dom;
        let n = dom.len();
        let mut own = vec![OwnText::default(); n];
        for &id in self.order.iter().rev() {
            let f = self.flags(id);
            if f.has(NodeFlags::INERT) {
                continue;
            }
            let Some(parent) = dom.parent(id) else {
                continue;
            };
            let mut carry = match dom.data(id) {
                NodeData::Text(_) => {
                    let text = self.text(id);
                    let in_link = f.has(NodeFlags::IN_LINK);
                    OwnText {
                        chars: text.chars,
                        link_chars: if in_link { text.chars } else { 0 },
                        phrases: text.phrases,
                    }
                }
                NodeData::Element(_) if !f.has(NodeFlags::BLOCK) => own[id.index()],
                _ => continue,
            };
            if dom.element(id).is_some_and(|e| e.is("a")) {
                carry.link_chars = carry.chars;
            }
            let o = &mut own[parent.index()];
            o.chars += carry.chars;
            o.link_chars += carry.link_chars;
            o.phrases |= carry.phrases;
        }
        let not_prose = NodeFlags::FIXED | NodeFlags::INERT | NodeFlags::HIDDEN;
        let is_prose = |id: NodeId, f: NodeFlags| {
            let text = own[id.index()];
            f.has(NodeFlags::BLOCK)
                && text.chars >= PROSE_MIN_CHARS
                && (text.link_chars as f32) <= text.chars as f32 * PROSE_MAX_LINK_SHARE
                && !f.has(not_prose | NodeFlags::IN_COMMENTS)
        };
        // Prose characters per subtree, for the region.
        let mut prose = vec![0u32; n];
        for &id in self.order.iter().rev() {
            if is_prose(id, self.flags(id)) {
                prose[id.index()] += own[id.index()].chars;
            }
            if let Some(p) = dom.parent(id) {
                prose[p.index()] += prose[id.index()];
            }
        }
        if guess_region {
            self.region = likely_article(dom, &prose);
        }
        let region = self
            .region
            .map(|r| (self.pos[r.index()], self.region_end(r)));
        let in_region =
            |id: NodeId| region.is_some_and(|(s, e)| (s..=e).contains(&self.pos[id.index()]));
        // Top-down: is the nearest block around each text node protected prose?
        let mut protect = vec![false; n];
        for &id in &self.order {
            let f = self.flags(id);
            let inherited = dom.parent(id).is_some_and(|p| protect[p.index()]);
            protect[id.index()] = match dom.data(id) {
                NodeData::Element(_) if f.has(NodeFlags::BLOCK) => {
                    is_prose(id, f) && (own[id.index()].phrases.is_empty() || in_region(id))
                }
                NodeData::Text(_) => {
                    protected[id.index()] = inherited;
                    inherited
                }
                _ => inherited,
            };
        }
    }
}

/// The deepest element holding most of the page's prose, going down from `<body>`.
fn likely_article(dom: &Dom, prose: &[u32]) -> Option<NodeId> {
    let mut at = dom.body()?;
    let total = prose[at.index()];
    if total == 0 {
        return None;
    }
    loop {
        let best = dom.child_elements(at).max_by_key(|&ch| prose[ch.index()]);
        match best {
            Some(ch) if prose[ch.index()] as f32 >= total as f32 * REGION_MIN_PROSE_SHARE => {
                at = ch
            }
            _ => return Some(at),
        }
    }
}

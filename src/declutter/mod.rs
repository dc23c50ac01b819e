//! Finding the clutter around (and inside) the article.
//!
//! The pipeline: `facts` fills per-node side tables in a few linear passes (text and link
//! sizes, media, ad markup, class hints, what is protected); `seeds` walks the page and asks
//! each kind of clutter for seeds, elements that certainly belong to one piece of it; `grow`
//! widens each seed to its outermost sensible block, lets the seed's kind check the block, and
//! keeps only the outermost of nested blocks.
//!
//! One module per kind of clutter owns its words, labels, class hints, seed rules, growth
//! policy and final checks: `ads`, `sponsored` (feeds and widgets), `headlines` (trending and
//! recommended lists), `share`, `newsletter`, `promo`, `paywall`, `consent`, `overlay`,
//! `comments`. `lexicon` builds the shared lookup tables once from all their lists, with the
//! machinery of `signals`; `elements`, `counts` and `prose` hold the general measures.
//!
//! Prose is never removed. With an article, its prose blocks are protected (`prose`); its other
//! text and the pictures it shows go only with seeds whose evidence is strong (a label, ad
//! markup, a call to action with its control), in small blocks. Without one, no block holds
//! prose, and lists inside the likely article are left alone.

mod ads;
mod cause;
mod comments;
mod consent;
mod counts;
mod elements;
mod facts;
mod grow;
mod headlines;
mod lexicon;
mod newsletter;
mod overlay;
mod paywall;
pub mod prehide;
mod promo;
mod prose;
mod seeds;
mod share;
mod signals;
mod sponsored;

#[cfg(test)]
mod tests;

use serde::Serialize;

use crate::dom::{Dom, NodeId};
use crate::flag_set::flag_set;
use crate::options::Options;

pub use cause::{Cause, CauseCode};
pub use facts::PartGuard;

/// Whether a class, id or attribute value names a kind of clutter ("trending", "promo-box",
/// "ad-slot"; a byline's name does not): the names a rule that hides a block's later copies as
/// they come in may use.
pub fn name_says_clutter(name: &str) -> bool {
    !lexicon::name_hints(name)
        .without(lexicon::Hints::BYLINE)
        .is_empty()
}

/// What a removed block is, as the user is told.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ClutterKind {
    Ad,
    TrendingList,
    Recommended,
    Promo,
    PaywallPrompt,
    Newsletter,
    SponsoredFeed,
    ShareBar,
    ConsentBanner,
    Overlay,
    Comments,
}

impl ClutterKind {
    /// The kind as the extension and the CLI's JSON name it.
    pub fn name(self) -> &'static str {
        match self {
            ClutterKind::Ad => "ad",
            ClutterKind::TrendingList => "trending_list",
            ClutterKind::Recommended => "recommended",
            ClutterKind::Promo => "promo",
            ClutterKind::PaywallPrompt => "paywall_prompt",
            ClutterKind::Newsletter => "newsletter",
            ClutterKind::SponsoredFeed => "sponsored_feed",
            ClutterKind::ShareBar => "share_bar",
            ClutterKind::ConsentBanner => "consent_banner",
            ClutterKind::Overlay => "overlay",
            ClutterKind::Comments => "comments",
        }
    }
}

impl Serialize for ClutterKind {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

/// One block to take off the page, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Removal {
    pub node: NodeId,
    pub kind: ClutterKind,
    /// Short and human-readable: "label 'Advertisement'".
    pub reason: String,
    /// The reason as a code and its detail, for the user's language.
    pub cause: Cause,
    /// The start of the block's text, so the user can recognise it.
    pub excerpt: String,
}

flag_set! {
    /// A set of kinds of clutter.
    struct KindSet: u16 {}
}

impl KindSet {
    fn of(kind: ClutterKind) -> KindSet {
        KindSet(1 << (kind as u16))
    }
}

/// What decluttering must leave alone: the article the reader view shows.
#[derive(Clone, Copy, Debug)]
pub struct Protected<'a> {
    /// The element the article was found in: neither it nor its ancestors are ever removed.
    pub root: NodeId,
    /// Every page text node the reader view shows.
    pub text_nodes: &'a [NodeId],
    /// Every page picture and player the reader view shows.
    pub media_nodes: &'a [NodeId],
}

/// The excerpt of a removed block is at most this many characters.
const EXCERPT_CHARS: usize = 80;

/// Finds the clutter on a page: blocks that do not nest, in document order, never holding any
/// of the article's text, never `<html>`, `<head>` or `<body>`.
pub fn classify(dom: &Dom, article: Option<Protected>, options: &Options) -> Vec<Removal> {
    classify_with_region(dom, article, options).0
}

/// [`classify`], and the region its rules were most careful in: the article's root, or without
/// an article the likely article.
pub fn classify_with_region(
    dom: &Dom,
    article: Option<Protected>,
    options: &Options,
) -> (Vec<Removal>, Option<NodeId>) {
    let facts = facts::Facts::new(dom, article, !options.keep_comments);
    (removals(&facts, options), facts.region)
}

/// Finds the clutter in a part of a page ([`crate::classify_part`]) that does not hold the
/// article's text nodes: the article is elsewhere, or the page has none.
pub fn classify_part_without_article(
    dom: &Dom,
    guard: PartGuard,
    options: &Options,
) -> Vec<Removal> {
    let facts = facts::Facts::for_part(dom, guard, !options.keep_comments);
    removals(&facts, options)
}

fn removals(facts: &facts::Facts, options: &Options) -> Vec<Removal> {
    let dom = facts.dom;
    let seeds = seeds::seeds(facts, options.keep_comments);
    let mut removals = Vec::new();
    for b in grow::blocks(facts, seeds) {
        removals.push(Removal {
            node: b.node,
            kind: b.kind,
            cause: b.cause,
            reason: b.reason,
            excerpt: block_excerpt(dom, b.node),
        });
    }
    removals
}

/// Whether any removed block holds one of `nodes` (text the article shows, say).
pub fn removes_any(dom: &Dom, removals: &[Removal], nodes: &[NodeId]) -> bool {
    if removals.is_empty() || nodes.is_empty() {
        return false;
    }
    let mut removed = vec![false; dom.len()];
    for r in removals {
        for d in dom.descendants(r.node) {
            removed[d.index()] = true;
        }
    }
    nodes
        .iter()
        .any(|n| removed.get(n.index()).copied().unwrap_or(false))
}

/// The start of a block's visible text, read only as far as needed.
fn block_excerpt(dom: &Dom, id: NodeId) -> String {
    const SKIP: &[&str] = &["script", "style", "noscript", "template"];
    let mut raw = String::new();
    let mut walk = dom.descendants(id);
    while let Some(d) = walk.next() {
        match dom.data(d) {
            crate::dom::NodeData::Text(t) => {
                raw.push_str(t);
                raw.push(' ');
                if raw.len() > EXCERPT_CHARS * 4 {
                    break;
                }
            }
            crate::dom::NodeData::Element(e) if SKIP.contains(&&*e.name) => walk.skip_subtree(d),
            _ => {}
        }
    }
    crate::text::excerpt(&raw, EXCERPT_CHARS)
}

//! Finding the clutter around (and inside) the article.
//!
//! Three steps, each its own module: `facts` fills per-node side tables in a few linear passes
//! (text and link sizes, media, ad markup, class hints, what is protected); `rules` finds seeds,
//! elements that certainly belong to one piece of clutter (a slot label, an ad frame, a cluster of
//! share links, a heading over headline links); `grow` widens each seed to its outermost
//! sensible block and keeps only the outermost of nested blocks. `signals` holds the tables.
//!
//! Protection is absolute: with an article, no block holds any of its text nodes (or its own
//! pictures); without one, no block holds prose, and lists inside the likely article are left
//! alone.

mod cause;
mod facts;
mod grow;
pub mod prehide;
mod rules;
pub mod signals;

#[cfg(test)]
mod tests;

use serde::Serialize;

use crate::dom::{Dom, NodeId};
use crate::options::Options;

pub use cause::{Cause, CauseCode};

/// What a removed block is, as the user is told.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
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

impl ClutterKind {
    /// One bit per kind, for per-node sets of kinds.
    pub(crate) fn bit(self) -> u16 {
        1 << (self as u16)
    }
}

/// What decluttering must leave alone: the article the reader view shows.
#[derive(Clone, Copy, Debug)]
pub struct Protected<'a> {
    /// The element the article was found in: neither it nor its ancestors are ever removed.
    pub root: NodeId,
    /// Every page text node the reader view shows.
    pub text_nodes: &'a [NodeId],
}

/// The excerpt of a removed block is at most this many characters.
const EXCERPT_CHARS: usize = 80;

/// Finds the clutter on a page: blocks that do not nest, in document order, never holding any
/// of the article's text, never `<html>`, `<head>` or `<body>`.
pub fn classify(dom: &Dom, article: Option<Protected>, options: &Options) -> Vec<Removal> {
    let facts = facts::Facts::new(dom, article, !options.keep_comments);
    let seeds = rules::seeds(&facts, options.keep_comments);
    grow::blocks(&facts, seeds)
        .into_iter()
        .map(|b| Removal {
            node: b.node,
            kind: b.kind,
            cause: Cause::of(&b.reason),
            reason: b.reason,
            excerpt: block_excerpt(dom, b.node),
        })
        .collect()
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

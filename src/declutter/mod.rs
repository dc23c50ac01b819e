//! Finding the clutter around (and inside) the article.

use serde::Serialize;

use crate::dom::{Dom, NodeId};
use crate::extract::Article;
use crate::Options;

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
    /// The start of the block's text, so the user can recognise it.
    pub excerpt: String,
}

pub fn classify(_dom: &Dom, _article: Option<&Article>, _options: &Options) -> Vec<Removal> {
    Vec::new()
}

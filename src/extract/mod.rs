//! Finding the article.

use serde::Serialize;

use crate::dom::{Dom, NodeId};
use crate::error::ExtractError;
use crate::Options;

/// An extracted article: metadata, sanitised reader HTML, and the page nodes it came from.
#[derive(Clone, Debug, Serialize)]
pub struct Article {
    pub title: String,
    pub byline: Option<String>,
    pub published_time: Option<String>,
    pub site_name: Option<String>,
    pub lang: Option<String>,
    pub dir: Option<String>,
    pub excerpt: Option<String>,
    pub lead_image: Option<String>,
    /// Sanitised reader HTML.
    pub content: String,
    /// Plain text, blocks separated by blank lines.
    pub text: String,
    pub word_count: usize,
    pub reading_minutes: u32,
    /// The element the article was found in.
    pub root: NodeId,
    /// Every page text node whose text the reader view shows: what decluttering must not touch.
    #[serde(skip)]
    pub text_nodes: Vec<NodeId>,
}

pub fn extract(dom: &Dom, _options: &Options) -> Result<Article, ExtractError> {
    let _ = dom;
    Err(ExtractError::NoBody)
}

//! tidyread: find the article in a web page, and the clutter around it.
//!
//! The core is pure Rust and knows nothing of browsers. It works on a [`dom::Dom`], an arena of
//! nodes that either door builds: html5ever natively ([`parse_html`]), or the content script's
//! one-pass snapshot of the live page in the browser ([`dom::snapshot`]). It answers with an
//! [`Article`] (metadata and sanitised reader HTML) and a list of [`declutter::Removal`]s, all
//! referring to nodes by [`dom::NodeId`], which the browser side maps back to live nodes.

pub mod declutter;
pub mod dom;
pub mod error;
pub mod extract;
mod flag_set;
pub mod hash;
pub mod json;
pub mod limits;
pub mod metadata;
pub mod options;
pub mod readerable;
pub mod sanitize;
pub mod text;
pub mod url;
pub mod warm_up;

#[cfg(target_arch = "wasm32")]
mod web;

use serde::Serialize;

pub use declutter::{Cause, CauseCode, ClutterKind, Removal};
pub use dom::{Dom, NodeId};
pub use error::{ExtractError, InputError};
pub use extract::Article;
pub use options::Options;
pub use readerable::Readerable;

/// Decluttering protects what the reader view shows.
impl<'a> From<&'a Article> for declutter::Protected<'a> {
    fn from(article: &'a Article) -> Self {
        declutter::Protected {
            root: article.root,
            text_nodes: &article.text_nodes,
        }
    }
}

/// Everything the core decides about one page: what the browser side needs in one call.
#[derive(Clone, Debug, Serialize)]
pub struct Analysis {
    pub readerable: Readerable,
    /// The article, or why there is none.
    pub article: Result<Article, String>,
    pub removals: Vec<Removal>,
}

/// Parses an HTML file's bytes (any encoding a `<meta charset>` or BOM names).
#[cfg(not(target_arch = "wasm32"))]
pub fn parse_html(bytes: &[u8]) -> Result<Dom, InputError> {
    dom::parse::parse_bytes(bytes)
}

/// Finds the article and its metadata.
pub fn extract(dom: &Dom, options: &Options) -> Result<Article, ExtractError> {
    extract::extract(dom, options)
}

/// The parts of an [`Analysis`] a caller may go without: each costs time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Parts {
    /// Classify the clutter around the article (the reader view alone does not need it).
    pub removals: bool,
    /// Keep the article's plain text (the CLI and the eval read it; the browser does not, and
    /// on a giant page it is megabytes held while the clutter is classified).
    pub text: bool,
}

impl Parts {
    pub const ALL: Parts = Parts {
        removals: true,
        text: true,
    };
}

/// Finds the article, then the clutter around and inside it, never touching the article's text.
pub fn analyze(dom: &Dom, options: &Options) -> Analysis {
    analyze_parts(dom, options, Parts::ALL)
}

/// [`analyze`], with only the `parts` asked for (the article is always found: decluttering
/// protects it).
pub fn analyze_parts(dom: &Dom, options: &Options, parts: Parts) -> Analysis {
    let mut article = extract::extract(dom, options);
    if let (false, Ok(article)) = (parts.text, &mut article) {
        article.text = String::new();
    }
    let removals = if parts.removals {
        declutter::classify(dom, article.as_ref().ok().map(Into::into), options)
    } else {
        Vec::new()
    };
    Analysis {
        readerable: readerable::check(dom),
        article: article.map_err(|e| e.to_string()),
        removals,
    }
}

//! tidyread: find the article in a web page, and the clutter around it.
//!
//! The core is pure Rust and knows nothing of browsers. It works on a [`dom::Dom`], an arena of
//! nodes that either door builds: html5ever natively ([`parse_html`]), or the content script's
//! one-pass snapshot of the live page in the browser ([`dom::snapshot`]). It answers with an
//! [`Article`] (metadata and sanitised reader HTML) and a list of [`declutter::Removal`]s, all
//! referring to nodes by [`dom::NodeId`], which the browser side maps back to live nodes.

pub mod declutter;
pub mod dom;
pub mod embed;
pub mod error;
pub mod extract;
mod flag_set;
mod fragments;
pub mod hash;
pub mod in_view;
pub mod json;
pub mod limits;
pub mod markdown;
pub mod metadata;
pub mod options;
pub mod picture;
pub mod plain;
pub mod readerable;
pub mod sanitize;
pub mod text;
pub mod url;
pub mod warm_up;
pub mod word_list;

#[cfg(target_arch = "wasm32")]
mod web;

use serde::Serialize;

use extract::page_kind::PageKind;

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
            media_nodes: &article.media_nodes,
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
    /// The element that holds the article: its root, or where blocks beside the root joined it,
    /// the nearest ancestor holding them all; without an article, the likely article. The
    /// browser passes it on to the analyses of the page's parts ([`classify_part`]).
    pub region: Option<NodeId>,
}

/// Parses an HTML file's bytes (any encoding a `<meta charset>` or BOM names).
#[cfg(not(target_arch = "wasm32"))]
pub fn parse_html(bytes: &[u8]) -> Result<Dom, InputError> {
    dom::parse::parse_bytes(bytes)
}

/// Finds the article and its metadata, without the clutter inside it.
pub fn extract(dom: &Dom, options: &Options) -> Result<Article, ExtractError> {
    let page = extract::PageFacts::read(dom, options);
    let kind = extract::page_kind::read(dom, options.url.as_deref(), &page).kind;
    article_and_clutter(dom, options, &page, kind, true).0
}

/// One model decides what is article and what is clutter: the article is found, the clutter is
/// classified around and inside it, and where a removed block holds text the article showed,
/// the article is found again as if every removed block were not there. The reader view then
/// drops what the live page hides.
fn article_and_clutter(
    dom: &Dom,
    options: &Options,
    page: &extract::PageFacts,
    kind: PageKind,
    keep_text: bool,
) -> (Result<Article, ExtractError>, Vec<Removal>, Option<NodeId>) {
    let mut found = extract::extract_as(dom, page, kind, &[]);
    if kind == PageKind::Article {
        found = found.map(|article| story_in_view(dom, page, article));
    }
    if let (false, Ok(article)) = (keep_text, &mut found) {
        article.text = String::new();
    }
    let (removals, region) =
        declutter::classify_with_region(dom, found.as_ref().ok().map(Into::into), options);
    let article = match found {
        Ok(article) if declutter::removes_any(dom, &removals, &article.text_nodes) => {
            let blocks: Vec<NodeId> = removals.iter().map(|r| r.node).collect();
            let mut again = extract::extract_as(dom, page, kind, &blocks);
            if let (false, Ok(article)) = (keep_text, &mut again) {
                article.text = String::new();
            }
            // Nothing left once the clutter is out: the first reading is still the page's text.
            again.or(Ok(article))
        }
        found => found,
    };
    let region = match &article {
        Ok(article) => Some(article.block(dom)),
        Err(_) => region,
    };
    (article, removals, region)
}

/// What the analysis of a whole page found, as a part of that page knows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WholePage {
    /// Whether the page has an article.
    pub article_found: bool,
    /// The part's node that is the whole page's region ([`Analysis::region`]), if the part
    /// holds it.
    pub region: Option<NodeId>,
}

/// Finds the clutter in a part of a page, as the browser sends what a page changed or what a
/// first look at a huge page left out: whole subtrees, with their ancestors as context marked
/// [`dom::LayoutFlags::PARTIAL`] (never removed, nor grown into: what else they hold is unknown).
/// Where the part holds the whole page's article root, the article is read from there and its
/// text protected, as on the whole page; where the article is elsewhere, nothing in the part is
/// its text; on a page without an article, prose protects itself.
pub fn classify_part(dom: &Dom, whole: WholePage, options: &Options) -> Vec<Removal> {
    let region = whole.region.filter(|r| dom.element(*r).is_some());
    let guard = match (whole.article_found, region) {
        (true, Some(root)) => {
            match extract::extract_at(dom, &extract::PageFacts::read(dom, options), root) {
                Ok(article) => return declutter::classify(dom, Some((&article).into()), options),
                // Nothing of the article shows in this part.
                Err(_) => declutter::PartGuard::ArticleElsewhere,
            }
        }
        (true, None) => declutter::PartGuard::ArticleElsewhere,
        (false, region) => declutter::PartGuard::Prose { region },
    };
    declutter::classify_part_without_article(dom, guard, options)
}

/// The article as the story in view tells it, where the one found holds several stories and the
/// page marks one in view ([`in_view`]); else the article found.
fn story_in_view(dom: &Dom, page: &extract::PageFacts, article: Article) -> Article {
    let Some(story) = in_view::story(dom, &article) else {
        return article;
    };
    match extract::extract_at(dom, page, story) {
        Ok(mut told) => {
            // The page's title is its first story's.
            told.title = in_view::title(dom, story).unwrap_or(told.title);
            told
        }
        Err(_) => article,
    }
}

/// The parts of an [`Analysis`] a caller may go without: each costs time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Parts {
    /// Return the removals (the clutter is classified either way: the article leaves it out).
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

/// [`analyze`], with only the `parts` asked for (the article and the clutter are always found:
/// each decides about the other).
pub fn analyze_parts(dom: &Dom, options: &Options, parts: Parts) -> Analysis {
    let facts = extract::PageFacts::read(dom, options);
    let page = extract::page_kind::read(dom, options.url.as_deref(), &facts);
    let (article, mut removals, region) =
        article_and_clutter(dom, options, &facts, page.kind, parts.text);
    if !parts.removals {
        removals = Vec::new();
    }
    Analysis {
        readerable: readerable::of_page(&page),
        article: article.map_err(|e| e.to_string()),
        removals,
        region,
    }
}

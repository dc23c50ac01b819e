//! The cheap "is this an article?" check, run before anything else on every page: it decides
//! whether automatic reader mode opens. It looks only at paragraph-like blocks and their length.

use serde::Serialize;

use crate::dom::{Dom, NodeId};
use crate::extract::names::{ClassNames, MAYBE_CANDIDATE, UNLIKELY};

/// Blocks shorter than this are captions, teasers or labels and count for nothing.
const MIN_BLOCK_CHARS: usize = 140;
/// The score at which a page reads as an article: roughly two or three solid paragraphs.
const MIN_SCORE: f64 = 20.0;

#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Readerable {
    pub score: f64,
    pub readerable: bool,
}

pub fn check(dom: &Dom) -> Readerable {
    let mut score = 0.0;
    for id in dom.descendants(NodeId::ROOT) {
        let Some(el) = dom.element(id) else { continue };
        let paragraph_like = matches!(&*el.name, "p" | "pre" | "article")
            || (el.is("div") && dom.child_elements(id).any(|c| dom.is(c, "br")));
        if !paragraph_like || hidden(dom, id) {
            continue;
        }
        let names = ClassNames::of(el);
        if names.matches(UNLIKELY) && !names.matches(MAYBE_CANDIDATE) {
            continue;
        }
        if el.is("p") && dom.ancestors(id).any(|a| dom.is(a, "li")) {
            continue;
        }
        let len = dom.text_content(id).trim().chars().count();
        if len < MIN_BLOCK_CHARS {
            continue;
        }
        score += ((len - MIN_BLOCK_CHARS) as f64).sqrt();
    }
    Readerable {
        score,
        readerable: score > MIN_SCORE,
    }
}

/// Hidden by its own markup or an ancestor's.
fn hidden(dom: &Dom, id: NodeId) -> bool {
    std::iter::once(id).chain(dom.ancestors(id)).any(|a| {
        dom.element(a).is_some_and(|e| {
            e.attr("hidden").is_some()
                || e.attr("aria-hidden") == Some("true")
                || e.attr("style").is_some_and(|s| {
                    let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
                    s.contains("display:none") || s.contains("visibility:hidden")
                })
        })
    })
}

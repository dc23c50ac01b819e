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
    let lengths = trimmed_lengths(dom);
    // Whether an `<li>` is among a node's ancestors, known for parents before their children.
    let mut in_li = vec![false; dom.len()];
    let mut score = 0.0;
    let mut walk = dom.descendants(NodeId::ROOT);
    while let Some(id) = walk.next() {
        let Some(el) = dom.element(id) else { continue };
        if hidden(el) {
            // Everything inside a hidden element is hidden too.
            walk.skip_subtree(id);
            continue;
        }
        let parent = dom.parent(id).unwrap_or(NodeId::ROOT);
        in_li[id.index()] = in_li[parent.index()] || dom.is(parent, "li");
        let paragraph_like = matches!(&*el.name, "p" | "pre" | "article")
            || (el.is("div") && dom.child_elements(id).any(|c| dom.is(c, "br")));
        if !paragraph_like {
            continue;
        }
        let names = ClassNames::of(el);
        if names.matches(UNLIKELY) && !names.matches(MAYBE_CANDIDATE) {
            continue;
        }
        if el.is("p") && in_li[id.index()] {
            continue;
        }
        let len = lengths[id.index()].trimmed();
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

/// Hidden by its own markup.
fn hidden(e: &crate::dom::Element) -> bool {
    e.attr("hidden").is_some()
        || e.attr("aria-hidden") == Some("true")
        || e.attr("style").is_some_and(|s| {
            let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
            s.contains("display:none") || s.contains("visibility:hidden")
        })
}

/// The length in characters of a text, and of the whitespace at each of its ends: enough to
/// combine neighbours and to read the trimmed length, as `text_content().trim()` would give.
#[derive(Clone, Copy, Default)]
struct Length {
    chars: usize,
    lead: usize,
    trail: usize,
}

impl Length {
    fn of(text: &str) -> Length {
        let chars = text.chars().count();
        let lead = text.chars().take_while(|c| c.is_whitespace()).count();
        let trail = if lead == chars {
            chars
        } else {
            text.chars().rev().take_while(|c| c.is_whitespace()).count()
        };
        Length { chars, lead, trail }
    }

    fn then(self, next: Length) -> Length {
        Length {
            chars: self.chars + next.chars,
            lead: if self.lead == self.chars {
                self.chars + next.lead
            } else {
                self.lead
            },
            trail: if next.trail == next.chars {
                next.chars + self.trail
            } else {
                next.trail
            },
        }
    }

    fn trimmed(self) -> usize {
        if self.lead == self.chars {
            0
        } else {
            self.chars - self.lead - self.trail
        }
    }
}

/// Every node's text length, bottom-up in one pass: asking each paragraph-like block for its
/// text costs the page's depth times its size, which nested blocks turn into minutes.
fn trimmed_lengths(dom: &Dom) -> Vec<Length> {
    let mut lengths = vec![Length::default(); dom.len()];
    let order: Vec<NodeId> = dom.descendants(NodeId::ROOT).collect();
    for &id in order.iter().rev() {
        if let Some(t) = dom.text(id) {
            lengths[id.index()] = Length::of(t);
        }
        if let Some(p) = dom.parent(id) {
            // Children are visited last to first, so each one goes in front of those seen.
            lengths[p.index()] = lengths[id.index()].then(lengths[p.index()]);
        }
    }
    lengths
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_combine_like_trimmed_text() {
        let pieces = ["  a b ", "", " ", "c  ", "\n", "d"];
        for split in 0..=pieces.len() {
            let whole: String = pieces[..split].concat();
            let combined = pieces[..split]
                .iter()
                .fold(Length::default(), |acc, p| acc.then(Length::of(p)));
            assert_eq!(
                combined.trimmed(),
                whole.trim().chars().count(),
                "{whole:?}"
            );
        }
    }
}

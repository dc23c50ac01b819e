//! The cheap "is this an article?" check, run before anything else on every page: it decides
//! whether automatic reader mode opens. It looks only at paragraph-like blocks and their length.

use serde::Serialize;

use crate::dom::{Dom, NodeId};
use crate::extract::names::{ClassNames, MAYBE_CANDIDATE, UNLIKELY};

/// Blocks shorter than this are captions, teasers or labels and count for nothing.
const MIN_BLOCK_CHARS: usize = 140;
/// The score at which a page reads as an article: roughly two or three solid paragraphs.
const MIN_SCORE: f64 = 20.0;
/// A page with this many headings that are links is a list of articles (a home page, a section
/// front, search results), whose teasers can add up to a score as high as an article's...
const LISTING_MIN_LINKED_HEADINGS: usize = 5;
/// ...when most of its long paragraphs are teasers: each sits in a block with one such heading
/// (a listicle's items share one block, and so are not teasers).
const LISTING_TEASER_SHARE: f64 = 0.7;

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
    // Blocks holding a heading that links elsewhere (its parent and grandparent), and the
    // parents of the long paragraphs, to tell teasers from an article's body afterwards.
    let mut linked_headings_in = vec![0u32; dom.len()];
    let mut linked_headings = 0;
    let mut paragraph_parents = Vec::new();
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
        if matches!(&*el.name, "h2" | "h3" | "h4") && is_linked_heading(dom, id) {
            linked_headings += 1;
            for block in dom.ancestors(id).take(2) {
                linked_headings_in[block.index()] += 1;
            }
        }
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
        if !el.is("article") {
            paragraph_parents.push(parent);
        }
    }
    let teasers = paragraph_parents
        .iter()
        .filter(|&&p| {
            std::iter::once(p)
                .chain(dom.parent(p))
                .any(|b| linked_headings_in[b.index()] == 1)
        })
        .count();
    let listing = linked_headings >= LISTING_MIN_LINKED_HEADINGS
        && teasers as f64 >= LISTING_TEASER_SHARE * paragraph_parents.len() as f64;
    Readerable {
        score,
        readerable: score > MIN_SCORE && !listing,
    }
}

/// A heading that is a link, or whose text is mostly a link: the title of a teaser pointing to
/// another page (not a heading with an "edit" or anchor link beside its text).
fn is_linked_heading(dom: &Dom, heading: NodeId) -> bool {
    if dom.parent(heading).is_some_and(|p| dom.is(p, "a")) {
        return true;
    }
    let whole = dom.text_content(heading).trim().chars().count();
    dom.descendants(heading)
        .filter(|&d| dom.is(d, "a") && dom.attr(d, "href").is_some_and(|h| !h.starts_with('#')))
        .any(|a| 2 * dom.text_content(a).trim().chars().count() >= whole.max(1))
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
        if text.is_ascii() {
            // Bytes are characters: no decoding.
            let space = |b: &&u8| b.is_ascii_whitespace() || **b == 0x0B;
            let bytes = text.as_bytes();
            let lead = bytes.iter().take_while(space).count();
            let trail = if lead == bytes.len() {
                lead
            } else {
                bytes.iter().rev().take_while(space).count()
            };
            return Length {
                chars: bytes.len(),
                lead,
                trail,
            };
        }
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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod listing_tests {
    use super::*;
    use crate::dom::parse::parse_str;

    const PROSE: &str = "The council met again on Tuesday evening to discuss the future of the \
        harbour, the lighthouse and the ferry timetable, with residents filling the hall and the \
        debate running late into the night. ";

    fn page(items: usize, item: impl Fn(usize) -> String) -> Readerable {
        let body: String = (0..items).map(item).collect();
        check(&parse_str(&format!("<title>T</title><main>{body}</main>")).unwrap())
    }

    #[test]
    fn search_results_and_section_fronts_are_not_articles() {
        let results = page(10, |i| {
            format!("<article><h2><a href=\"/n/{i}\">Result {i} about the harbour</a></h2><p>{PROSE}{PROSE}</p></article>")
        });
        assert!(
            results.score > MIN_SCORE,
            "the teasers alone score like an article"
        );
        assert!(!results.readerable);
        let front = page(8, |i| {
            format!("<div class=\"card\"><a href=\"/s/{i}\"><h3>Story {i}</h3></a><p>{PROSE}{PROSE}</p></div>")
        });
        assert!(!front.readerable);
    }

    #[test]
    fn articles_with_related_links_and_listicles_are_articles() {
        let mut html = String::from("<title>T</title><article>");
        for _ in 0..6 {
            html.push_str(&format!("<p>{PROSE}{PROSE}</p>"));
        }
        html.push_str("</article><aside>");
        for i in 0..8 {
            html.push_str(&format!(
                "<div><h3><a href=\"/r/{i}\">Related {i}</a></h3></div>"
            ));
        }
        html.push_str("</aside>");
        assert!(check(&parse_str(&html).unwrap()).readerable);
        // A listicle: linked headings and their paragraphs all in the article's one block.
        let listicle = page(1, |_| {
            (0..8)
                .map(|i| format!("<h3>{i}) <a href=\"/film/{i}\">Film number {i}</a></h3><p>{PROSE}{PROSE}</p>"))
                .collect()
        });
        assert!(listicle.readerable);
    }
}

//! The preparation walk: which nodes take part in extraction at all, the byline found in the
//! markup, and per-node text measures computed once, bottom-up, into side tables.

use crate::dom::{Dom, NodeData, NodeId};
use crate::text::{ascii_stretches, comma_count, compact_style, similarity, SAME_TEXT_SIMILARITY};

use super::names::{self, NameTable};
use super::Flags;

/// Elements that are never article text: code, styling and what only runs without scripts.
const NEVER_CONTENT: &[&str] = &[
    "script", "style", "noscript", "template", "link", "meta", "head", "title",
];
/// ARIA roles of page chrome, never of an article.
const UNLIKELY_ROLES: &[&str] = &[
    "menu",
    "menubar",
    "complementary",
    "navigation",
    "alert",
    "alertdialog",
    "dialog",
];
/// Paths of author pages, which a byline links its name to.
const AUTHOR_PAGE_PATHS: &[&str] = &[
    "/author",
    "/authors/",
    "/people/",
    "/profile/",
    "/staff/",
    "/writers/",
    "/by/",
];
/// A byline is a line: longer text is a paragraph that happens to mention an author.
const MAX_BYLINE_CHARS: usize = 100;
/// How far up "inside a table" or "inside code" is looked for: layout tables nest deep, and an
/// unlikely-looking class that far up is about the page, not the cell.
const PROTECTING_ANCESTOR_DEPTH: usize = 3;
/// Links to a place in the same page count less: tables of contents and footnote marks are part
/// of the article.
const IN_PAGE_LINK_WEIGHT: f64 = 0.3;

/// The result of the preparation walk.
pub struct Prep<'a> {
    pub body: NodeId,
    /// What class and id names say, read once for every pass.
    pub names: &'a NameTable,
    /// Kept nodes under the body, the body first, in document order.
    pub order: Vec<NodeId>,
    /// True for nodes that take part: not hidden, not page chrome, not the byline.
    pub kept: Vec<bool>,
    /// The byline as written in the page, if one was found.
    pub byline: Option<String>,
    /// Length of the text as it renders.
    pub text: Vec<TextLen>,
    /// Length of the text inside links, in-page links weighted down.
    pub link_len: Vec<f64>,
    /// True when an element holds a block (or a link or image) anywhere below it.
    pub has_block: Vec<bool>,
    /// Commas in all the text under a node (its `textContent`, hidden parts included), counted
    /// once bottom-up so that nested paragraphs do not each re-read their whole subtree.
    pub commas: &'a [u32],
}

impl Prep<'_> {
    /// What takes part, and the byline; the measures are released.
    pub fn into_kept(self) -> (Vec<bool>, Option<String>) {
        (self.kept, self.byline)
    }

    /// Length of the trimmed text as it renders.
    pub fn text_len(&self, id: NodeId) -> u32 {
        self.text[id.index()].get()
    }

    pub fn link_density(&self, id: NodeId) -> f64 {
        let text = self.text_len(id);
        if text == 0 {
            0.0
        } else {
            self.link_len[id.index()] / f64::from(text)
        }
    }
}

/// `title` is the article's title, whose repeat in the page is left out; `byline_known` says the
/// metadata already named the author, so a byline in the markup stays where it is.
pub fn prepare<'a>(
    dom: &Dom,
    whole: &'a Whole,
    names: &'a NameTable,
    body: NodeId,
    title: &str,
    byline_known: bool,
    flags: Flags,
) -> Prep<'a> {
    let n = dom.len();
    let mut kept = vec![false; n];
    let mut order = Vec::with_capacity(n);
    let mut byline = None;
    let mut title_header_removed = false;

    let mut walk = dom.descendants(body);
    while let Some(id) = walk.next() {
        if let Some(el) = dom.element(id) {
            let drop = whole.is_excluded(id)
                || NEVER_CONTENT.contains(&&*el.name)
                || !is_probably_visible(el)
                || names.screen_reader_only(id)
                || (el.attr("aria-modal") == Some("true") && el.attr("role") == Some("dialog"))
                || (!byline_known && byline.is_none() && id != body && {
                    byline = byline_of(dom, id, names, whole);
                    byline.is_some()
                })
                || (!title_header_removed && (el.is("h1") || el.is("h2")) && {
                    title_header_removed =
                        similarity(title, &dom.text_content(id)) > SAME_TEXT_SIMILARITY;
                    title_header_removed
                })
                || (flags.strip_unlikely && id != body && is_unlikely(dom, id, names))
                || (flags.skip_comments && names.comments(id));
            if drop {
                walk.skip_subtree(id);
                continue;
            }
        }
        kept[id.index()] = true;
        order.push(id);
    }

    let mut text = vec![TextLen::default(); n];
    let mut link_len = vec![0f64; n];
    let mut has_block = vec![false; n];
    for &id in order.iter().rev() {
        let i = id.index();
        match dom.data(id) {
            NodeData::Text(_) => text[i] = whole.text[i],
            NodeData::Element(el) if el.is("a") => {
                let weight = if el.attr("href").is_some_and(|h| h.starts_with('#')) {
                    IN_PAGE_LINK_WEIGHT
                } else {
                    1.0
                };
                link_len[i] = f64::from(text[i].get()) * weight;
            }
            _ => {}
        }
        if let Some(p) = dom.parent(id) {
            let p = p.index();
            // Children are visited last to first, so each one goes in front of those seen.
            text[p] = text[i].then(text[p]);
            if !dom.is(NodeId(p as u32), "a") {
                link_len[p] += link_len[i];
            }
            if dom.element(id).is_some() && (has_block[i] || names::is_block_for_div(dom, id)) {
                has_block[p] = true;
            }
        }
    }
    Prep {
        body,
        names,
        order,
        kept,
        byline,
        text,
        link_len,
        has_block,
        commas: &whole.commas,
    }
}

/// Measures of everything under the body but scripts and styles, hidden parts included (as
/// `textContent` reads it once scripts and styles are out, as Readability takes them out),
/// taken once per document in one bottom-up pass: every pass and the cleaner read them here
/// instead of scanning the text again, and asking each element for its text instead would cost
/// the depth of the page times its size, which deeply nested pages turn into minutes. Nothing
/// outside the body (the head's scripts) is read. With them, the blocks every pass leaves out.
pub struct Whole {
    text: Vec<TextLen>,
    commas: Vec<u32>,
    /// By node: the root of a block that takes no part (empty when there are none).
    excluded: Vec<bool>,
}

impl Whole {
    /// Whether `id` is the root of a block that takes no part.
    pub fn is_excluded(&self, id: NodeId) -> bool {
        self.excluded.get(id.index()).copied().unwrap_or(false)
    }

    pub fn measure(dom: &Dom, body: NodeId, excluded: &[NodeId], texts: &TextMeasures) -> Whole {
        let mut text = vec![TextLen::default(); dom.len()];
        let mut commas = vec![0u32; dom.len()];
        // Scripts and styles are no one's text (every pass drops them), and often most of a
        // page's bytes: they are not measured.
        let mut order = Vec::with_capacity(dom.len());
        let mut walk = dom.descendants(body);
        while let Some(id) = walk.next() {
            if dom
                .element(id)
                .is_some_and(|el| el.is("script") || el.is("style"))
            {
                walk.skip_subtree(id);
            }
            order.push(id);
        }
        for &id in order.iter().rev() {
            let i = id.index();
            if dom.text(id).is_some() {
                (text[i], commas[i]) = texts.of[i];
            }
            if id == body {
                continue;
            }
            if let Some(p) = dom.parent(id) {
                let p = p.index();
                // Children are visited last to first, so each one goes in front of those seen.
                text[p] = text[i].then(text[p]);
                commas[p] = commas[p].saturating_add(commas[i]);
            }
        }
        let mut excluded_table = Vec::new();
        if !excluded.is_empty() {
            excluded_table = vec![false; dom.len()];
            for e in excluded.iter().filter(|e| e.index() < dom.len()) {
                excluded_table[e.index()] = true;
            }
        }
        Whole {
            text,
            commas,
            excluded: excluded_table,
        }
    }

    /// True when the element's trimmed `textContent` certainly has `max` characters or more:
    /// the rendered length never exceeds it, so this never says yes where a count would not.
    fn at_least(&self, id: NodeId, max: usize) -> bool {
        self.text[id.index()].get() as usize >= max
    }
}

/// The rendered length and the commas of each text node outside scripts and styles, measured
/// once per page for the page kind and every pass of the extraction.
pub struct TextMeasures {
    of: Vec<(TextLen, u32)>,
}

impl TextMeasures {
    pub fn of(dom: &Dom) -> TextMeasures {
        let mut of = vec![(TextLen::default(), 0); dom.len()];
        for (i, measure) in of.iter_mut().enumerate() {
            let id = NodeId(i as u32);
            let Some(t) = dom.text(id) else { continue };
            // Scripts and styles are no one's text, and often most of a page's bytes.
            if dom
                .parent(id)
                .is_some_and(|p| dom.is(p, "script") || dom.is(p, "style"))
            {
                continue;
            }
            *measure = TextLen::with_commas(t);
        }
        TextMeasures { of }
    }

    /// The length of text node `id` (empty for any other node).
    pub fn len(&self, id: NodeId) -> TextLen {
        self.of[id.index()].0
    }
}

/// The length of text as it renders: whitespace runs count once, also where a run spans the
/// boundary between two text nodes, and the ends are trimmed when the length is read. Lengths of
/// neighbouring pieces combine, so an element's length is built from its children's.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TextLen {
    len: u32,
    starts_with_space: bool,
    ends_with_space: bool,
}

impl TextLen {
    pub fn of(text: &str) -> TextLen {
        if text.is_ascii() {
            return TextLen::of_ascii(text.as_bytes());
        }
        ascii_stretches(text).fold(TextLen::default(), |len, (ascii, other)| {
            len.then(TextLen::of_ascii(ascii.as_bytes()))
                .then(TextLen::of_chars(other))
        })
    }

    /// The length and the commas (`text::comma_count`) of a text, in one pass where it is ASCII.
    pub fn with_commas(text: &str) -> (TextLen, u32) {
        if text.is_ascii() {
            return TextLen::scan_ascii(text.as_bytes());
        }
        let commas = u32::try_from(comma_count(text)).unwrap_or(u32::MAX);
        (TextLen::of(text), commas)
    }

    fn of_ascii(bytes: &[u8]) -> TextLen {
        TextLen::scan_ascii(bytes).0
    }

    fn scan_ascii(bytes: &[u8]) -> (TextLen, u32) {
        // Each space that follows a space is one less, counted without branches or decoding
        // characters. The spaces are `char::is_whitespace`'s ASCII ones.
        let is_space = |b: u8| b == b' ' || (b'\t'..=b'\r').contains(&b);
        let (mut repeats, mut after_space, mut commas) = (0u32, false, 0u32);
        for &b in bytes {
            let space = is_space(b);
            repeats += u32::from(space & after_space);
            after_space = space;
            commas += u32::from(b == b',');
        }
        let len = TextLen {
            len: bytes.len() as u32 - repeats,
            starts_with_space: bytes.first().is_some_and(|&b| is_space(b)),
            ends_with_space: bytes.last().is_some_and(|&b| is_space(b)),
        };
        (len, commas)
    }

    fn of_chars(text: &str) -> TextLen {
        let mut len = 0;
        let mut in_space = false;
        for c in text.chars() {
            if !(c.is_whitespace() && in_space) {
                len += 1;
            }
            in_space = c.is_whitespace();
        }
        TextLen {
            len,
            starts_with_space: text.starts_with(char::is_whitespace),
            ends_with_space: in_space,
        }
    }

    /// This text followed by `next`.
    pub fn then(self, next: TextLen) -> TextLen {
        if self.len == 0 {
            return next;
        }
        if next.len == 0 {
            return self;
        }
        let merged = u32::from(self.ends_with_space && next.starts_with_space);
        TextLen {
            len: self.len + next.len - merged,
            starts_with_space: self.starts_with_space,
            ends_with_space: next.ends_with_space,
        }
    }

    /// The trimmed length.
    pub fn get(self) -> u32 {
        self.len
            .saturating_sub(u32::from(self.starts_with_space) + u32::from(self.ends_with_space))
    }
}

/// Hidden by markup alone (`hidden`, inline `display:none`, `aria-hidden`). Image fallbacks
/// marked `fallback-image` are aria-hidden but are the article's pictures.
fn is_probably_visible(el: &crate::dom::Element) -> bool {
    let style_hides = el.attr("style").is_some_and(|s| {
        let s = compact_style(s);
        s.contains("display:none") || s.contains("visibility:hidden")
    });
    let aria_hidden = el.attr("aria-hidden") == Some("true")
        && !el
            .attr("class")
            .is_some_and(|c| c.contains("fallback-image"));
    !style_hides && el.attr("hidden").is_none() && !aria_hidden
}

/// The byline, if this element is one: marked as the author by `rel`, `itemprop` or its class
/// and id, and short enough to be a line.
fn byline_of(dom: &Dom, id: NodeId, names: &NameTable, whole: &Whole) -> Option<String> {
    let el = dom.element(id)?;
    if whole.at_least(id, MAX_BYLINE_CHARS) {
        return None;
    }
    let marked = el.attr("rel") == Some("author")
        || el.attr("itemprop").is_some_and(|p| p.contains("author"))
        || names.byline(id);
    if !marked {
        return written_byline(dom, id);
    }
    let text = dom.text_content(id);
    let text = text.trim();
    if text.is_empty() || text.chars().count() >= MAX_BYLINE_CHARS {
        return None;
    }
    // Marked-up bylines name the person inside ("By <span itemprop=name>A. Writer</span>, 2 May").
    let name = dom
        .descendants(id)
        .find(|&d| {
            dom.attr(d, "itemprop")
                .is_some_and(|p| p.split_whitespace().any(|t| t == "name"))
        })
        .map(|d| dom.text_content(d))
        .filter(|n| !n.trim().is_empty());
    Some(crate::text::normalize_space(
        name.as_deref().unwrap_or(text),
    ))
}

/// "By <a href="/author/…">A. Writer</a>": a byline with nothing marked up, as sites with hashed
/// class names write it. The link to an author page is what tells it from a sentence.
fn written_byline(dom: &Dom, id: NodeId) -> Option<String> {
    let text = dom.text_content(id);
    let text = text.trim_start();
    let by = text
        .get(..3)
        .is_some_and(|b| b.eq_ignore_ascii_case("by ") || b.eq_ignore_ascii_case("by:"));
    if !by || text.chars().count() >= MAX_BYLINE_CHARS {
        return None;
    }
    dom.descendants(id)
        .filter(|&d| dom.is(d, "a"))
        .find(|&a| {
            dom.attr(a, "href")
                .is_some_and(|h| AUTHOR_PAGE_PATHS.iter().any(|p| h.contains(p)))
        })
        .map(|a| crate::text::normalize_space(&dom.text_content(a)))
        .filter(|name| !name.is_empty())
}

/// Page chrome by its class, id or role: menus, sidebars, comments, footers.
fn is_unlikely(dom: &Dom, id: NodeId, names: &NameTable) -> bool {
    let Some(el) = dom.element(id) else {
        return false;
    };
    if el.attr("role").is_some_and(|r| UNLIKELY_ROLES.contains(&r)) {
        return true;
    }
    // The page's own word for its main content outweighs a class name: `<article
    // class="template-with-sidebar">` is the article, not a sidebar.
    if el.is("a") || el.is("article") || el.is("main") || !names.unlikely(id) {
        return false;
    }
    !dom.ancestors(id)
        .take(PROTECTING_ANCESTOR_DEPTH)
        .any(|a| dom.is(a, "table") || dom.is(a, "code"))
}

#[cfg(test)]
mod tests {
    use super::TextLen;

    /// The rendered length and commas, a character at a time.
    fn by_chars(text: &str) -> (u32, u32) {
        let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let commas = text.matches(',').count() as u32;
        (collapsed.chars().count() as u32, commas)
    }

    #[test]
    fn ascii_lengths_and_commas_agree_with_a_character_count() {
        // Spaces of every kind, the bytes just outside their range, commas and letters, in
        // runs that cross the eight-byte steps at every offset.
        let alphabet = b" \t\n\x0b\x0c\r\x08\x0e\x1f!,a";
        let mut seed = 0x2545_f491_u32;
        for _ in 0..4000 {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            let len = (seed >> 16) as usize % 40;
            let text: String = (0..len)
                .map(|_| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    alphabet[(seed >> 16) as usize % alphabet.len()] as char
                })
                .collect();
            let (len, commas) = TextLen::with_commas(&text);
            assert_eq!((len.get(), commas), by_chars(&text), "{text:?}");
        }
    }
}

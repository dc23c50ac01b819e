//! Writing the article: sanitised reader HTML, plain text with block breaks, and the list of page
//! text nodes that made it in. Pictures and embedded players are written by `media`.

mod media;

use crate::dom::serialize::{escape_into, VOID_ELEMENTS};
use crate::dom::{Dom, NodeData, NodeId};
use crate::sanitize::{self, TagAction, UrlUse};
use crate::url::BaseUrl;

use super::score::Piece;

pub use media::image_sources;

/// Elements that end a line of text.
pub(crate) const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tr",
    "ul",
    "caption",
];

/// A first line with more words than the byline's and this many says more than the byline.
const MAX_BYLINE_LINE_EXTRA_WORDS: usize = 1;

pub struct Written {
    pub html: String,
    pub text: String,
    pub text_nodes: Vec<NodeId>,
    /// The page's pictures and players the article shows (`img`, `picture`, embeds).
    pub media_nodes: Vec<NodeId>,
    /// The addresses of the pictures written (`src` and `srcset` candidates), to tell whether
    /// the lead image is already in the body.
    pub pictures: Vec<String>,
}

/// Decides, node by node, whether a node is part of the article.
pub trait Keep {
    fn keeps(&self, id: NodeId) -> bool;
}

/// Writes the article's `pieces`. `byline` is the byline the reader view shows above the
/// article: a first line that only repeats it is left out.
pub fn write(
    dom: &Dom,
    pieces: &[Piece],
    keep: &dyn Keep,
    base: Option<&BaseUrl>,
    byline: Option<&str>,
) -> Written {
    let room = Room::of(dom, pieces, keep);
    let mut w = Writer {
        dom,
        keep,
        base,
        html: String::with_capacity(room.html),
        text: String::with_capacity(room.text),
        text_nodes: Vec::with_capacity(room.text_nodes),
        media_nodes: Vec::new(),
        pictures: Vec::new(),
        shown: 0,
        last_shown: None,
        group: 0,
        visible_text: 0,
        figures: Vec::new(),
        byline_line: byline.and_then(|b| byline_line(dom, pieces, keep, b)),
    };
    for piece in pieces {
        match piece {
            Piece::Node(n) => w.subtree(*n),
            Piece::Run(nodes) => {
                w.html.push_str("<p>");
                w.block_break();
                for &n in nodes {
                    w.subtree(n);
                }
                w.html.push_str("</p>");
                w.block_break();
            }
        }
    }
    // The room left is given back: the article outlives the pass, beside what decluttering
    // builds.
    w.html.shrink_to_fit();
    Written {
        html: w.html,
        text: tidy_text(&w.text),
        text_nodes: w.text_nodes,
        media_nodes: w.media_nodes,
        pictures: w.pictures,
    }
}

/// The article's first line, when it only repeats the byline ("By Mara Lind" under a header
/// that says "Mara Lind").
fn byline_line(dom: &Dom, pieces: &[Piece], keep: &dyn Keep, byline: &str) -> Option<NodeId> {
    let first_text = pieces
        .iter()
        .flat_map(Piece::nodes)
        .flat_map(|&root| {
            let mut walk = dom.descendants(root);
            std::iter::from_fn(move || loop {
                let n = walk.next()?;
                if !keep.keeps(n) {
                    walk.skip_subtree(n);
                    continue;
                }
                return Some((root, n));
            })
        })
        .find(|&(_, n)| dom.text(n).is_some_and(|t| !t.trim().is_empty()))?;
    let (root, text) = first_text;
    let line = dom
        .ancestors(text)
        .take_while(|&a| a != root && dom.contains(root, a))
        .chain(std::iter::once(root))
        .find(|&a| dom.tag(a).is_some_and(|t| BLOCK_TAGS.contains(&t)))?;
    let said = dom.text_content(line);
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (said, named) = (words(&said), words(byline));
    // The byline's words, and at most one more ("By", "بقلم", "Von").
    let extra = said.iter().filter(|w| !named.contains(w)).count();
    let repeats = !named.is_empty()
        && extra <= MAX_BYLINE_LINE_EXTRA_WORDS
        && named.iter().all(|w| said.contains(w));
    repeats.then_some(line)
}

/// The room the writer's buffers are given up front, from the kept nodes: grown by doubling
/// instead, each buffer of a giant page leaves its earlier copies as holes, which the wasm memory
/// (never shrinking) keeps. The text's room is enough; the markup's is its text and tags, and a
/// quarter more for attributes and escapes (reading every attribute costs more time than it saves
/// memory).
struct Room {
    html: usize,
    text: usize,
    text_nodes: usize,
}

impl Room {
    fn of(dom: &Dom, pieces: &[Piece], keep: &dyn Keep) -> Room {
        let mut room = Room {
            html: 0,
            text: 0,
            text_nodes: 0,
        };
        for &root in pieces.iter().flat_map(Piece::nodes) {
            let mut walk = dom.descendants(root);
            while let Some(n) = walk.next() {
                if !keep.keeps(n) {
                    walk.skip_subtree(n);
                    continue;
                }
                match dom.data(n) {
                    NodeData::Text(t) => {
                        room.html += t.len();
                        room.text += t.len();
                        room.text_nodes += 1;
                    }
                    NodeData::Element(el) => {
                        room.html += 2 * el.name.len() + 5;
                        // A block break, or a line break or cell space.
                        room.text += 2;
                    }
                    _ => {}
                }
            }
        }
        // A run is written as a paragraph.
        room.html += 7 * pieces.len();
        room.text += 4 * pieces.len();
        room.html += room.html / 4;
        room
    }
}

struct Writer<'a> {
    dom: &'a Dom,
    keep: &'a dyn Keep,
    base: Option<&'a BaseUrl>,
    html: String,
    text: String,
    text_nodes: Vec<NodeId>,
    media_nodes: Vec<NodeId>,
    pictures: Vec<String>,
    /// Pictures and cards written so far: a figure that gains none has lost its picture.
    shown: usize,
    /// The last picture or card written, to show one side by side only once.
    last_shown: Option<media::Shown>,
    /// Counts the cells, items and figures entered: what is in different ones stands apart.
    group: u32,
    /// Bytes of visible text written: pictures with none between them are side by side.
    visible_text: usize,
    /// The figures open, innermost last.
    figures: Vec<media::OpenFigure>,
    /// The first line, when it only repeats the byline.
    byline_line: Option<NodeId>,
}

impl Writer<'_> {
    fn block_break(&mut self) {
        if !self.text.ends_with("\n\n") && !self.text.is_empty() {
            self.text.push_str("\n\n");
        }
    }

    /// Writes one subtree, iteratively: `open` holds the elements whose end tag is pending.
    fn subtree(&mut self, root: NodeId) {
        let dom = self.dom;
        let mut open: Vec<(NodeId, Option<&'static str>)> = Vec::new();
        // How many of the open elements are `<pre>`, kept as a count so that deep nesting
        // costs nothing per text node.
        let mut open_pre = 0usize;
        let mut walk = dom.descendants(root);
        while let Some(n) = walk.next() {
            while let Some(&(top, _)) = open.last() {
                if dom.parent(n) == Some(top) {
                    break;
                }
                if dom.is(top, "pre") {
                    open_pre -= 1;
                }
                self.close(open.pop());
            }
            if dom.is(n, "noscript") {
                self.noscript_pictures(n);
            }
            if !self.keep.keeps(n) || Some(n) == self.byline_line {
                walk.skip_subtree(n);
                continue;
            }
            match dom.data(n) {
                NodeData::Text(t) => {
                    escape_into(t, false, &mut self.html);
                    self.visible_text += t.trim().len();
                    if open_pre > 0 {
                        self.text.push_str(t);
                    } else {
                        push_collapsed(&mut self.text, t);
                    }
                    self.text_nodes.push(n);
                }
                NodeData::Element(el) => {
                    if self.media(n, el) {
                        self.media_nodes.push(n);
                        walk.skip_subtree(n);
                        continue;
                    }
                    let action = sanitize::tag_action(el);
                    let mut safe_href = None;
                    let name = match action {
                        TagAction::Drop => {
                            walk.skip_subtree(n);
                            continue;
                        }
                        TagAction::Keep("a") => {
                            // A link to nowhere safe is unwrapped: its text stays.
                            safe_href = self.safe_href(n);
                            safe_href.as_ref().map(|_| "a")
                        }
                        TagAction::Keep(name) if self.is_empty_paragraph(n, name) => {
                            walk.skip_subtree(n);
                            continue;
                        }
                        TagAction::Keep(name) => Some(name),
                        TagAction::Unwrap => None,
                    };
                    if let Some(name) = name {
                        self.open_tag(n, name, safe_href);
                        if media::SEPARATE_PICTURES.contains(&name) {
                            self.group += 1;
                        }
                        if name == "figure" {
                            self.open_figure(n);
                        }
                    }
                    if BLOCK_TAGS.contains(&&*el.name) {
                        self.block_break();
                    } else if el.is("br") {
                        self.text.push('\n');
                    } else if el.is("td") || el.is("th") {
                        self.text.push(' ');
                    }
                    if name.is_some_and(|t| VOID_ELEMENTS.contains(&t)) {
                        walk.skip_subtree(n);
                    } else {
                        if dom.is(n, "pre") {
                            open_pre += 1;
                        }
                        open.push((n, name));
                    }
                }
                _ => {}
            }
        }
        while let Some(o) = open.pop() {
            self.close(Some(o));
        }
    }

    fn close(&mut self, open: Option<(NodeId, Option<&'static str>)>) {
        let Some((id, name)) = open else { return };
        if name == Some("figure") && self.close_figure() {
            // Empty, it was taken back whole.
            return;
        }
        if let Some(name) = name {
            self.html.push_str("</");
            self.html.push_str(name);
            self.html.push('>');
        }
        if self.dom.tag(id).is_some_and(|t| BLOCK_TAGS.contains(&t)) {
            self.block_break();
        }
    }

    /// `safe_href` is the element's `href` made safe, when already known.
    fn open_tag(&mut self, id: NodeId, name: &str, mut safe_href: Option<String>) {
        let Some(el) = self.dom.element(id) else {
            return;
        };
        self.html.push('<');
        self.html.push_str(name);
        for a in &el.attrs {
            if !sanitize::allowed_attr(name, &a.name) {
                continue;
            }
            // `safe_href` was made from the first `href`, the one `Dom::attr` finds.
            let known = match &*a.name {
                "href" => safe_href.take(),
                _ => None,
            };
            let value = if let Some(v) = known {
                v
            } else if sanitize::is_url_attr(&a.name) {
                let use_ = if a.name.as_ref() == "src" {
                    UrlUse::Image
                } else {
                    UrlUse::Link
                };
                match sanitize::safe_url(&a.value, self.base, use_) {
                    Some(v) => v,
                    None => continue,
                }
            } else if a.name.as_ref() == "srcset" {
                match sanitize::safe_srcset(&a.value, self.base) {
                    Some(v) => v,
                    None => continue,
                }
            } else {
                a.value.clone()
            };
            self.attr(&a.name, &value);
        }
        if name == "pre" {
            if let Some(lang) = code_language(self.dom, id) {
                self.attr("data-lang", &lang);
            }
        }
        self.html.push('>');
    }

    fn attr(&mut self, name: &str, value: &str) {
        push_attr(&mut self.html, name, value);
    }

    fn safe_href(&self, id: NodeId) -> Option<String> {
        self.dom
            .attr(id, "href")
            .and_then(|h| sanitize::safe_url(h, self.base, UrlUse::Link))
    }

    /// A paragraph with neither text nor media is spacing, not content.
    fn is_empty_paragraph(&self, id: NodeId, name: &str) -> bool {
        name == "p"
            && self.dom.descendants(id).all(|d| match self.dom.data(d) {
                NodeData::Text(t) => t.trim().is_empty(),
                NodeData::Element(e) => {
                    !matches!(&*e.name, "img" | "picture" | "embed" | "object" | "iframe")
                        && !crate::embed::is_player(e)
                }
                _ => true,
            })
    }
}

/// The programming language a code block's markup names, as highlighters and Markdown
/// renderers mark it: `language-rust` or `lang-rust` (on the `<pre>` or its `<code>`),
/// `highlight-source-rust` or `highlight-rust` (on a wrapper, as GitHub and Sphinx write),
/// `brush: rust` (SyntaxHighlighter), `sourceCode rust` (Pandoc), or a `data-lang` on the
/// `<pre>`. Markdown keeps it on the block's fence.
fn code_language(dom: &Dom, pre: NodeId) -> Option<String> {
    const PREFIXES: &[&str] = &[
        "language-",
        "lang-",
        "highlight-source-",
        "highlight-",
        "brush:",
    ];
    const NOT_LANGUAGES: &[&str] = &["none", "nohighlight", "plaintext", "text", "default"];
    let is_language = |name: &&str| {
        (1..=24).contains(&name.len())
            && name.bytes().any(|b| b.is_ascii_alphabetic())
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"+#-_.".contains(&b))
            && !NOT_LANGUAGES.iter().any(|n| n.eq_ignore_ascii_case(name))
    };
    let code = dom.child_elements(pre).find(|&c| dom.is(c, "code"));
    let mut named = dom.attr(pre, "data-lang").filter(is_language);
    // The block, its code, then two wrappers out.
    for id in [
        Some(pre),
        code,
        dom.parent(pre),
        dom.parent(pre).and_then(|p| dom.parent(p)),
    ] {
        let Some(class) = id.and_then(|id| dom.attr(id, "class")) else {
            continue;
        };
        let mut tokens = class.split(|c: char| c.is_ascii_whitespace() || c == ';');
        while named.is_none() {
            let Some(token) = tokens.next() else { break };
            named = match token {
                "brush:" | "sourceCode" => tokens.find(|t| !t.is_empty()),
                _ => PREFIXES
                    .iter()
                    .find_map(|prefix| token.strip_prefix(prefix)),
            }
            .filter(is_language);
        }
    }
    named.map(str::to_ascii_lowercase)
}

/// Writes an attribute, escaping `<` and `>` too (as browsers' serialisers now do): markup in an
/// attribute value is inert in a quoted value, but not if the HTML is ever read in a raw-text
/// context, and a reader of the HTML should not have to know the difference.
fn push_attr(out: &mut String, name: &str, value: &str) {
    out.push(' ');
    out.push_str(name);
    out.push_str("=\"");
    let mut from = 0;
    for (i, angle) in value.match_indices(['<', '>']) {
        escape_into(&value[from..i], true, out);
        out.push_str(if angle == "<" { "&lt;" } else { "&gt;" });
        from = i + 1;
    }
    escape_into(&value[from..], true, out);
    out.push('"');
}

fn push_collapsed(out: &mut String, text: &str) {
    for (i, word) in text.split(char::is_whitespace).enumerate() {
        if i > 0 && !out.ends_with([' ', '\n']) && !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
}

/// Trims each line and keeps at most one blank line between blocks.
fn tidy_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tidies_text() {
        assert_eq!(tidy_text("  a  \n\n\n\n b\nc \n"), "a\n\nb\nc");
    }
}

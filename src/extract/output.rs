//! Writing the article: sanitised reader HTML, plain text with block breaks, and the list of page
//! text nodes that made it in. Lazy-loaded images get their real source back on the way.

use crate::dom::serialize::{escape_into, VOID_ELEMENTS};
use crate::dom::{Dom, NodeData, NodeId};
use crate::sanitize::{self, TagAction, UrlUse};
use crate::url::BaseUrl;

use super::score::Piece;

/// Attributes that lazy-loading scripts keep the real image source in, most specific first.
const LAZY_SRC_ATTRS: &[&str] = &[
    "data-src",
    "data-lazy-src",
    "data-original",
    "data-lazy",
    "data-url",
    "data-hi-res-src",
    "data-full-src",
    "data-srcset",
];
const LAZY_SRCSET_ATTRS: &[&str] = &["data-srcset", "data-lazy-srcset"];
/// A `data:` image this short is a placeholder pixel, not the picture.
const PLACEHOLDER_DATA_URI_CHARS: usize = 133;
/// File endings that mark an attribute value as an image address.
const IMAGE_ENDINGS: &[&str] = &[".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif"];
/// Elements that end a line of text.
const BLOCK_TAGS: &[&str] = &[
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

pub struct Written {
    pub html: String,
    pub text: String,
    pub text_nodes: Vec<NodeId>,
    pub first_image: Option<String>,
}

/// Decides, node by node, whether a node is part of the article.
pub trait Keep {
    fn keeps(&self, id: NodeId) -> bool;
}

pub fn write(dom: &Dom, pieces: &[Piece], keep: &dyn Keep, base: Option<&BaseUrl>) -> Written {
    let room = Room::of(dom, pieces, keep);
    let mut w = Writer {
        dom,
        keep,
        base,
        html: String::with_capacity(room.html),
        text: String::with_capacity(room.text),
        text_nodes: Vec::with_capacity(room.text_nodes),
        first_image: None,
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
        first_image: w.first_image,
    }
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
        let roots = pieces.iter().flat_map(|p| match p {
            Piece::Node(n) => std::slice::from_ref(n),
            Piece::Run(ns) => ns.as_slice(),
        });
        for &root in roots {
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
    first_image: Option<String>,
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
                self.noscript_image(n);
            }
            if !self.keep.keeps(n) {
                walk.skip_subtree(n);
                continue;
            }
            match dom.data(n) {
                NodeData::Text(t) => {
                    escape_into(t, false, &mut self.html);
                    if open_pre > 0 {
                        self.text.push_str(t);
                    } else {
                        push_collapsed(&mut self.text, t);
                    }
                    self.text_nodes.push(n);
                }
                NodeData::Element(el) => {
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
                        TagAction::Keep("img") => {
                            self.image(n);
                            walk.skip_subtree(n);
                            continue;
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
        self.html.push('>');
    }

    /// Writes an attribute, escaping `<` and `>` too (as browsers' serialisers now do): markup
    /// in an attribute value is inert in a quoted value, but not if the HTML is ever read in a
    /// raw-text context, and a reader of the HTML should not have to know the difference.
    fn attr(&mut self, name: &str, value: &str) {
        self.html.push(' ');
        self.html.push_str(name);
        self.html.push_str("=\"");
        let mut from = 0;
        for (i, angle) in value.match_indices(['<', '>']) {
            escape_into(&value[from..i], true, &mut self.html);
            self.html
                .push_str(if angle == "<" { "&lt;" } else { "&gt;" });
            from = i + 1;
        }
        escape_into(&value[from..], true, &mut self.html);
        self.html.push('"');
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
                }
                _ => true,
            })
    }

    /// Writes an image with its real source: the lazy-loading attribute, or the `src`.
    fn image(&mut self, id: NodeId) {
        let Some(el) = self.dom.element(id) else {
            return;
        };
        let (src, srcset) = image_sources(el);
        let src = src.and_then(|s| sanitize::safe_url(&s, self.base, UrlUse::Image));
        let srcset = srcset.and_then(|s| sanitize::safe_srcset(&s, self.base));
        if src.is_none() && srcset.is_none() {
            return;
        }
        self.html.push_str("<img");
        if let Some(src) = &src {
            self.attr("src", src);
            if self.first_image.is_none() && !src.starts_with("data:") {
                self.first_image = Some(src.clone());
            }
        }
        if let Some(srcset) = &srcset {
            self.attr("srcset", srcset);
        }
        for name in ["alt", "width", "height", "title"] {
            if let Some(v) = el.attr(name) {
                self.attr(name, v);
            }
        }
        self.html.push('>');
    }

    /// `<noscript><img src=…></noscript>` is how many lazy-loading sites ship the real image;
    /// it is written when the image before it has no usable source of its own.
    fn noscript_image(&mut self, id: NodeId) {
        let dom = self.dom;
        // The nearest element before it among its siblings (a walk back, not from the first
        // sibling: a list of thousands of noscript ads would make that quadratic).
        let previous = std::iter::successors(dom.prev_sibling(id), |&p| dom.prev_sibling(p))
            .find(|&p| dom.element(p).is_some());
        let previous_has_image = previous.is_some_and(|p| {
            dom.descendants(p).filter(|&d| dom.is(d, "img")).any(|img| {
                dom.element(img)
                    .is_some_and(|e| image_sources(e).0.is_some())
            })
        });
        if previous_has_image {
            return;
        }
        let markup = dom.text_content(id);
        let Some(src) = noscript_img_src(&markup) else {
            return;
        };
        if let Some(src) = sanitize::safe_url(&src, self.base, UrlUse::Image) {
            if self.first_image.is_none() {
                self.first_image = Some(src.clone());
            }
            self.html.push_str("<img");
            self.attr("src", &src);
            self.html.push('>');
        }
    }
}

/// The real `src` and `srcset` of an image, looking past lazy-loading placeholders.
pub fn image_sources(el: &crate::dom::Element) -> (Option<String>, Option<String>) {
    let src = el.attr("src").map(str::trim).filter(|s| !s.is_empty());
    let placeholder =
        src.is_some_and(|s| s.starts_with("data:") && s.len() < PLACEHOLDER_DATA_URI_CHARS);
    let lazy_src = LAZY_SRC_ATTRS
        .iter()
        .filter_map(|a| el.attr(a))
        .map(|v| {
            v.split_whitespace()
                .next()
                .unwrap_or("")
                .trim_end_matches(',')
        })
        .find(|v| !v.is_empty())
        .or_else(|| {
            el.attrs
                .iter()
                .filter(|a| !matches!(&*a.name, "src" | "srcset" | "alt" | "class" | "style"))
                .map(|a| a.value.trim())
                .find(|v| !v.contains(char::is_whitespace) && looks_like_image_url(v))
        })
        .map(str::to_owned);
    let srcset = el
        .attr("srcset")
        .or_else(|| LAZY_SRCSET_ATTRS.iter().find_map(|a| el.attr(a)))
        .map(str::to_owned);
    let src = match (src, placeholder) {
        (Some(s), false) => Some(s.to_owned()),
        _ => lazy_src.or_else(|| src.map(str::to_owned)),
    };
    (src, srcset)
}

fn looks_like_image_url(v: &str) -> bool {
    let lower = v.to_ascii_lowercase();
    let path = lower.split(['?', '#']).next().unwrap_or("");
    IMAGE_ENDINGS.iter().any(|e| path.ends_with(e))
}

/// The `src` of the first `<img>` in a piece of markup (the text of a `<noscript>`).
fn noscript_img_src(markup: &str) -> Option<String> {
    let lower = markup.to_ascii_lowercase();
    let start = lower.find("<img")?;
    let tag_end = lower[start..].find('>').map_or(lower.len(), |e| start + e);
    let tag = &markup[start..tag_end];
    let lower_tag = &lower[start..tag_end];
    let mut from = 0;
    while let Some(at) = lower_tag[from..].find("src") {
        let at = from + at;
        from = at + 3;
        let before_ok = at > 0 && lower_tag.as_bytes()[at - 1].is_ascii_whitespace();
        let rest = tag[at + 3..].trim_start();
        if !before_ok || !rest.starts_with('=') {
            continue;
        }
        let value = rest[1..].trim_start();
        let (quote, body) = match value.chars().next() {
            Some(q @ ('"' | '\'')) => (Some(q), &value[1..]),
            _ => (None, value),
        };
        let end = match quote {
            Some(q) => body.find(q),
            None => body.find(|c: char| c.is_whitespace() || c == '/'),
        }
        .unwrap_or(body.len());
        let src = crate::metadata::unescape_entities(&body[..end]);
        return (!src.is_empty()).then_some(src);
    }
    None
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
    fn finds_noscript_image_sources() {
        assert_eq!(
            noscript_img_src(r#"<img class="x" src="a.jpg" alt>"#).as_deref(),
            Some("a.jpg")
        );
        assert_eq!(
            noscript_img_src("<IMG data-src=b SRC=c.png>").as_deref(),
            Some("c.png")
        );
        assert_eq!(noscript_img_src("<p>no image</p>"), None);
    }

    #[test]
    fn tidies_text() {
        assert_eq!(tidy_text("  a  \n\n\n\n b\nc \n"), "a\n\nb\nc");
    }
}

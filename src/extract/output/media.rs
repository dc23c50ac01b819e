//! Pictures and players in the reader HTML. A picture is written once with its real source
//! (past lazy-loading placeholders, `<noscript>` fallbacks and `<picture>` sources) and the size
//! the page states; spacers are left out, and so are the figures they leave empty; a figure that
//! kept its caption gets its picture back. A known provider's player becomes a card that loads
//! nothing until the reader is asked to play it.

use crate::dom::fragment::parse_fragment;
use crate::dom::{Element, Namespace, NodeId};
use crate::embed::{self, Embed};
use crate::picture;
use crate::sanitize::{self, UrlUse};

use super::{push_attr, Writer};

/// Elements whose pictures stand apart from those before them: a table of status icons shows
/// one picture in many cells on purpose.
pub(super) const SEPARATE_PICTURES: &[&str] = &["td", "th", "li", "dt", "dd", "figure", "caption"];
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
/// A `data:` image this short is a placeholder, not the picture.
const PLACEHOLDER_DATA_URI_CHARS: usize = 133;
/// File endings that mark an attribute value as an image address.
const IMAGE_ENDINGS: &[&str] = &[".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif"];
/// The endings of photos, which tracking pixels (GIFs, or no file at all) lack.
const PHOTO_ENDINGS: &[&str] = &[".jpg", ".jpeg", ".png", ".webp", ".avif"];
/// Elements whose content is never a picture.
const NEVER_PICTURES: &[&str] = &["script", "style", "template", "svg"];

/// The last picture or card written.
pub(super) struct Shown {
    group: u32,
    visible_text: usize,
    /// Where its markup is in the HTML.
    start: usize,
    end: usize,
    /// Its source (a picture) or player (a card).
    key: String,
    rank: u32,
    /// A lazy image or a `<noscript>` copy: a stand-in for a picture, likely beside another.
    stand_in: bool,
}

/// A figure being written.
pub(super) struct OpenFigure {
    id: NodeId,
    /// Where its start tag begins, and where its content does.
    start: usize,
    inner: usize,
    /// Pictures shown before it opened.
    shown: usize,
}

/// A picture as it will be written: its addresses already safe.
struct Picture {
    src: String,
    srcset: Option<String>,
    alt: Option<String>,
    title: Option<String>,
    width: Option<u32>,
    height: Option<u32>,
    /// A lazy image or a `<noscript>` copy.
    stand_in: bool,
}

impl Picture {
    /// Which of two copies of one picture to keep: the one offering a `srcset`, then the larger
    /// rendition.
    fn rank(&self) -> u32 {
        u32::from(self.srcset.is_some()) * 100_000 + picture::rendition_size(&self.src)
    }

    fn markup(&self) -> String {
        let mut out = String::from("<img");
        push_attr(&mut out, "src", &self.src);
        if let Some(set) = &self.srcset {
            push_attr(&mut out, "srcset", set);
        }
        for (name, value) in [("alt", &self.alt), ("title", &self.title)] {
            if let Some(v) = value {
                push_attr(&mut out, name, v);
            }
        }
        for (name, value) in [("width", self.width), ("height", self.height)] {
            if let Some(v) = value {
                push_attr(&mut out, name, &v.to_string());
            }
        }
        out.push('>');
        out
    }
}

impl Writer<'_> {
    /// Writes `id` if it is a picture or a player, and says whether it was (then its subtree is
    /// done).
    pub(super) fn media(&mut self, id: NodeId, el: &Element) -> bool {
        if el.ns != Namespace::Html {
            return false;
        }
        let host = self.base.map(|b| b.host().to_owned());
        if let Some(embed) = embed::of_element(self.dom, id, host.as_deref()) {
            self.card(&embed);
            return true;
        }
        let picture = match &*el.name {
            "img" => self.picture_of_img(el),
            "picture" => self.picture_of_picture(id),
            _ => return false,
        };
        if let Some(p) = picture {
            self.show(p);
        }
        true
    }

    /// The pictures a `<noscript>` holds: the real image of the lazy one before it (or in its
    /// figure), which beside that image is one picture (the better copy stays); elsewhere only
    /// a photo (a `.jpg`, `.png`, `.webp` or `.avif`, or a `srcset`), not a tracking pixel.
    pub(super) fn noscript_pictures(&mut self, id: NodeId) {
        let dom = self.dom;
        let previous = std::iter::successors(dom.prev_sibling(id), |&p| dom.prev_sibling(p))
            .find(|&p| dom.element(p).is_some());
        let fallback = previous.is_some_and(|p| dom.descendants(p).any(|d| dom.is(d, "img")))
            || dom
                .ancestors(id)
                .take(3)
                .any(|a| dom.is(a, "figure") || dom.is(a, "picture"));
        for (mut p, photo) in self.noscript_images(id) {
            if fallback || photo {
                p.stand_in = true;
                self.show(p);
            }
        }
    }

    /// The pictures of the `<img>`s a `<noscript>` holds, each with whether it is a photo (a
    /// `.jpg`, `.png`, `.webp` or `.avif`, or a `srcset`) rather than, say, a tracking pixel.
    fn noscript_images(&self, id: NodeId) -> Vec<(Picture, bool)> {
        let fragment = parse_fragment(&self.dom.text_content(id));
        let mut images = Vec::new();
        for n in fragment.descendants(NodeId::ROOT) {
            let Some(el) = fragment.element(n).filter(|e| e.is("img")) else {
                continue;
            };
            let photo = el.attr("srcset").is_some()
                || el
                    .attr("src")
                    .is_some_and(|s| looks_like_image_url(s, PHOTO_ENDINGS));
            if let Some(picture) = self.picture_of_img(el) {
                images.push((picture, photo));
            }
        }
        images
    }

    pub(super) fn open_figure(&mut self, id: NodeId) {
        let start = self.html.rfind("<figure").unwrap_or(self.html.len());
        self.figures.push(OpenFigure {
            id,
            start,
            inner: self.html.len(),
            shown: self.shown,
        });
    }

    /// Ends a figure: one that lost its pictures to cleaning gets them back (a figure is there
    /// for its picture); one left empty is taken back whole, and then the answer is true.
    pub(super) fn close_figure(&mut self) -> bool {
        let Some(figure) = self.figures.pop() else {
            return false;
        };
        if self.shown == figure.shown {
            let (markup, count) = self.pictures_in(figure.id);
            if count > 0 {
                self.html.insert_str(figure.inner, &markup);
                self.shown += count;
                self.last_shown = None;
            }
        }
        if self.shown == figure.shown && shows_no_text(&self.html[figure.inner..]) {
            self.html.truncate(figure.start);
            return true;
        }
        false
    }

    /// Every distinct picture inside a page element, whatever cleaning decided about the blocks
    /// around them: markup, and how many.
    fn pictures_in(&mut self, root: NodeId) -> (String, usize) {
        let dom = self.dom;
        let mut found: Vec<Picture> = Vec::new();
        let mut add = |p: Picture| match found
            .iter_mut()
            .find(|f| picture::same_picture(&f.src, &p.src))
        {
            Some(f) if p.rank() > f.rank() => *f = p,
            Some(_) => {}
            None => found.push(p),
        };
        let mut walk = dom.descendants(root);
        while let Some(n) = walk.next() {
            let Some(el) = dom.element(n) else { continue };
            if NEVER_PICTURES.contains(&&*el.name) {
                walk.skip_subtree(n);
            } else if el.is("img") {
                if let Some(p) = self.picture_of_img(el) {
                    add(p);
                    self.media_nodes.push(n);
                }
            } else if el.is("noscript") {
                for (p, _) in self.noscript_images(n) {
                    add(p);
                }
            }
        }
        let mut markup = String::new();
        for p in &found {
            markup.push_str(&p.markup());
            self.pictures.push(p.src.clone());
        }
        (markup, found.len())
    }

    /// Writes a picture; beside a copy of itself (the same address, or the same picture where one
    /// is a stand-in; nothing between them, in one cell or figure) it takes the copy's place if
    /// it is the better one, or is left out.
    fn show(&mut self, p: Picture) {
        self.pictures.push(p.src.clone());
        if let Some(set) = &p.srcset {
            self.pictures
                .extend(sanitize::srcset_urls(set).map(str::to_owned));
        }
        let markup = p.markup();
        let rank = p.rank();
        let copy = self
            .beside_last()
            .filter(|l| {
                l.key == p.src
                    || ((l.stand_in || p.stand_in) && picture::same_picture(&l.key, &p.src))
            })
            .map(|l| (l.start..l.end, l.rank));
        match copy {
            Some((at, copy_rank)) if rank > copy_rank => {
                self.html.replace_range(at.clone(), &markup);
                self.remember(at.start..at.start + markup.len(), p.src, rank, true);
            }
            Some(_) => {}
            None => {
                let start = self.html.len();
                self.html.push_str(&markup);
                self.shown += 1;
                self.remember(start..self.html.len(), p.src, rank, p.stand_in);
            }
        }
    }

    /// The last picture or card written, if nothing stands between it and what comes now: no
    /// text, no new cell, item or figure.
    fn beside_last(&mut self) -> Option<&mut Shown> {
        let (group, text) = (self.group, self.visible_text);
        self.last_shown
            .as_mut()
            .filter(|l| l.group == group && l.visible_text == text)
    }

    /// Remembers the picture or card written `at` as the last one.
    fn remember(&mut self, at: std::ops::Range<usize>, key: String, rank: u32, stand_in: bool) {
        self.last_shown = Some(Shown {
            group: self.group,
            visible_text: self.visible_text,
            start: at.start,
            end: at.end,
            key,
            rank,
            stand_in,
        });
    }

    /// Writes a player as a card: a link to the media's page that the reader view turns into a
    /// player when asked (`data-player`), and that stays a link everywhere else.
    fn card(&mut self, e: &Embed) {
        if self.beside_last().is_some_and(|l| l.key == e.player) {
            return;
        }
        let start = self.html.len();
        self.html.push_str("<a");
        push_attr(&mut self.html, "href", &e.page);
        push_attr(&mut self.html, "data-embed", e.provider.kind);
        push_attr(&mut self.html, "data-provider", e.provider.name);
        push_attr(&mut self.html, "data-player", &e.player);
        for (name, value) in [("data-width", e.width), ("data-height", e.height)] {
            if let Some(v) = value {
                push_attr(&mut self.html, name, &v.to_string());
            }
        }
        self.html.push('>');
        let label = e.title.as_deref().unwrap_or(e.provider.name);
        crate::dom::serialize::escape_into(label, false, &mut self.html);
        self.html.push_str("</a>");
        self.shown += 1;
        self.remember(start..self.html.len(), e.player.clone(), 0, false);
    }

    /// An `<img>` as it will be written, or `None` for a spacer or an image with no safe source.
    fn picture_of_img(&self, el: &Element) -> Option<Picture> {
        let size = |name| el.attr(name).and_then(picture::pixels);
        let (width, height) = (size("width"), size("height"));
        let (src, srcset) = image_sources(el);
        let src = src
            .and_then(|s| sanitize::safe_url(&s, self.base, UrlUse::Image))
            .filter(|s| !picture::is_spacer(s, width, height));
        let srcset = srcset.and_then(|s| sanitize::safe_srcset(&s, self.base));
        if picture::is_spacer("", width, height) {
            return None;
        }
        let src = src.or_else(|| {
            srcset
                .as_deref()
                .and_then(sanitize::largest_candidate)
                .map(str::to_owned)
        })?;
        let text = |name| el.attr(name).map(str::to_owned);
        Some(Picture {
            src,
            srcset,
            alt: text("alt"),
            title: text("title"),
            width,
            height,
            stand_in: LAZY_SRC_ATTRS.iter().any(|a| el.attr(a).is_some()),
        })
    }

    /// A `<picture>` as one picture: its `<img>`, with a `<source>`'s candidates when the image
    /// has none of its own (or no source at all).
    fn picture_of_picture(&self, id: NodeId) -> Option<Picture> {
        let dom = self.dom;
        let img = dom
            .descendants(id)
            .find(|&d| dom.is(d, "img"))
            .and_then(|d| dom.element(d));
        let mut picture = img.and_then(|e| self.picture_of_img(e));
        let source_set = || {
            dom.child_elements(id)
                .filter(|&c| dom.is(c, "source"))
                .filter_map(|c| {
                    let el = dom.element(c)?;
                    std::iter::once("srcset")
                        .chain(LAZY_SRCSET_ATTRS.iter().copied())
                        .find_map(|a| el.attr(a))
                })
                .find_map(|set| sanitize::safe_srcset(set, self.base))
        };
        match &mut picture {
            Some(p) if p.srcset.is_none() => p.srcset = source_set(),
            Some(_) => {}
            None => {
                let set = source_set()?;
                let size = |name| img.and_then(|e| e.attr(name)).and_then(picture::pixels);
                picture = Some(Picture {
                    src: sanitize::largest_candidate(&set)?.to_owned(),
                    alt: img.and_then(|e| e.attr("alt")).map(str::to_owned),
                    title: None,
                    width: size("width"),
                    height: size("height"),
                    srcset: Some(set),
                    stand_in: true,
                });
            }
        }
        picture
    }
}

/// True when written markup holds no text: only tags, whitespace and no-break spaces.
fn shows_no_text(markup: &str) -> bool {
    let mut in_tag = false;
    markup.replace("&nbsp;", " ").chars().all(|c| {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ => {}
        }
        in_tag || c == '>' || c.is_whitespace()
    })
}

/// The real `src` and `srcset` of an image, looking past lazy-loading placeholders.
pub fn image_sources(el: &Element) -> (Option<String>, Option<String>) {
    let src = el.attr("src").map(str::trim).filter(|s| !s.is_empty());
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
                .find(|v| {
                    !v.contains(char::is_whitespace) && looks_like_image_url(v, IMAGE_ENDINGS)
                })
        })
        .map(str::to_owned);
    let srcset = el
        .attr("srcset")
        .or_else(|| LAZY_SRCSET_ATTRS.iter().find_map(|a| el.attr(a)))
        .map(str::to_owned);
    // A tiny `data:` image, a file named like a placeholder, or a script marked `lazy` that will
    // swap the source: the lazy attribute names the picture.
    let data_placeholder =
        src.is_some_and(|s| s.starts_with("data:") && s.len() < PLACEHOLDER_DATA_URI_CHARS);
    let placeholder = data_placeholder
        || src.is_some_and(|s| picture::is_spacer(s, None, None))
        || el
            .attr("class")
            .is_some_and(|c| c.to_ascii_lowercase().contains("lazy"));
    let src = match (src, placeholder) {
        (Some(s), false) => Some(s.to_owned()),
        _ => lazy_src.or_else(|| src.filter(|_| !data_placeholder).map(str::to_owned)),
    };
    (src, srcset)
}

fn looks_like_image_url(v: &str, endings: &[&str]) -> bool {
    let lower = v.to_ascii_lowercase();
    let path = lower.split(['?', '#']).next().unwrap_or("");
    endings.iter().any(|e| path.ends_with(e))
}

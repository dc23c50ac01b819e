//! Per-node side tables, filled in a few linear passes over the tree (never recursion, never a
//! `text_content` per node): text and link sizes, media, landmarks, ad markup, hints, protection.

use std::sync::OnceLock;

use crate::dom::{Dom, NodeData, NodeId};
use crate::hash::FastMap;
use crate::text;

use super::signals::{self, Hints};
use super::Protected;

/// Elements whose content is never shown as text: their text counts for nothing.
const INERT_ELEMENTS: &[&str] = &[
    "script", "style", "noscript", "template", "title", "textarea", "select", "option",
];

/// Elements that start a block of text; a paragraph's own text stops at nested blocks.
const BLOCK_ELEMENTS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "html",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// Elements that show something other than text: their loss is visible even without words.
const MEDIA_ELEMENTS: &[&str] = &[
    "img", "picture", "video", "audio", "iframe", "object", "embed", "canvas", "math",
];

/// ARIA roles of the page's own structure: never part of a clutter block.
const LANDMARK_ROLES: &[&str] = &["navigation", "banner", "contentinfo", "main", "search"];

/// Attributes only ad slots carry (AdSense, GPT and header-bidding snippets).
pub(crate) const AD_ATTRIBUTES: &[&str] = &[
    "data-ad-slot",
    "data-ad-client",
    "data-ad-unit",
    "data-ad-unit-path",
    "data-adunit",
    "data-google-query-id",
    "data-dfp",
    "data-ad-format",
];

/// A block with at least this many characters of its own text reads like prose: without an
/// article to protect, such text is protected instead (promo blurbs are usually shorter).
pub const PROSE_MIN_CHARS: u32 = 100;
/// ...and at most this share of its characters in links (link lists are not prose).
pub const PROSE_MAX_LINK_SHARE: f32 = 0.5;
/// Without an article, the region to be careful in is the deepest element holding at least
/// this share of the page's prose: the likely article.
pub const REGION_MIN_PROSE_SHARE: f32 = 0.6;
/// A link whose text has this many words or more reads like a headline...
pub const HEADLINE_MIN_WORDS: u32 = 4;
/// ...and this many characters ("The Party of Hate" has 14)...
pub const HEADLINE_MIN_CHARS: u32 = 12;
/// ...or, in CJK text where each ideograph counts as a word, this many characters: menus there
/// have two- to six-character entries.
pub const HEADLINE_MIN_CJK_CHARS: u32 = 10;
/// ...and no more than this (a longer link is a sentence).
pub const HEADLINE_MAX_WORDS: u32 = 30;

/// What an element's name says, one bit per table above.
const TAG_INERT: u8 = 1;
const TAG_BLOCK: u8 = 2;
const TAG_MEDIA: u8 = 4;

/// The tables above as one lookup, built once.
fn tag_bits(name: &str) -> u8 {
    static TAGS: OnceLock<FastMap<&'static str, u8>> = OnceLock::new();
    let tags = TAGS.get_or_init(|| {
        let mut m = FastMap::default();
        for (table, bit) in [
            (INERT_ELEMENTS, TAG_INERT),
            (BLOCK_ELEMENTS, TAG_BLOCK),
            (MEDIA_ELEMENTS, TAG_MEDIA),
        ] {
            for &t in table {
                *m.entry(t).or_insert(0) |= bit;
            }
        }
        m
    });
    tags.get(name).copied().unwrap_or(0)
}

/// Sizes and signals summed over a subtree.
#[derive(Clone, Copy, Debug, Default)]
pub struct Counts {
    /// Non-whitespace characters of visible text.
    pub chars: u32,
    pub words: u32,
    /// Characters inside `<a href>`.
    pub link_chars: u32,
    pub links: u32,
    /// Links with headline-length text.
    pub headline_links: u32,
    /// Blocks whose own text holds a headline link: a list has one per entry, a line of tags
    /// or a footer menu one for all.
    pub headline_blocks: u32,
    /// Links and buttons that share the page.
    pub share_links: u32,
    /// Images, videos and frames outside ad markup.
    pub media: u32,
    /// ...of which inside links (icons, thumbnails).
    pub linked_media: u32,
    /// `nav`, `main`, `h1`, page header and footer, navigation roles.
    pub landmarks: u32,
    /// Buttons and submit inputs.
    pub buttons: u32,
    pub email_inputs: u32,
    /// The article's metadata: `<time>`, author links and bylines.
    pub meta: u32,
    /// Elements with ad markup (ad iframes, GPT slots, `ins.adsbygoogle`...).
    pub ad_marks: u32,
    /// Text nodes and media that must survive.
    pub protected: u32,
    /// The phrase bits of short text nodes below.
    pub phrases: u8,
}

impl Counts {
    fn add(&mut self, o: &Counts) {
        self.chars += o.chars;
        self.words += o.words;
        self.link_chars += o.link_chars;
        self.links += o.links;
        self.headline_links += o.headline_links;
        self.headline_blocks += o.headline_blocks;
        self.share_links += o.share_links;
        self.media += o.media;
        self.linked_media += o.linked_media;
        self.landmarks += o.landmarks;
        self.buttons += o.buttons;
        self.email_inputs += o.email_inputs;
        self.meta += o.meta;
        self.ad_marks += o.ad_marks;
        self.protected += o.protected;
        self.phrases |= o.phrases;
    }

    /// What `self` holds beyond `inner` (a subtree of it). Phrase bits cannot be subtracted and
    /// are kept as they are.
    pub fn minus(&self, inner: &Counts) -> Counts {
        Counts {
            chars: self.chars.saturating_sub(inner.chars),
            words: self.words.saturating_sub(inner.words),
            link_chars: self.link_chars.saturating_sub(inner.link_chars),
            links: self.links.saturating_sub(inner.links),
            headline_links: self.headline_links.saturating_sub(inner.headline_links),
            headline_blocks: self.headline_blocks.saturating_sub(inner.headline_blocks),
            share_links: self.share_links.saturating_sub(inner.share_links),
            media: self.media.saturating_sub(inner.media),
            linked_media: self.linked_media.saturating_sub(inner.linked_media),
            landmarks: self.landmarks.saturating_sub(inner.landmarks),
            buttons: self.buttons.saturating_sub(inner.buttons),
            email_inputs: self.email_inputs.saturating_sub(inner.email_inputs),
            meta: self.meta.saturating_sub(inner.meta),
            ad_marks: self.ad_marks.saturating_sub(inner.ad_marks),
            protected: self.protected.saturating_sub(inner.protected),
            phrases: self.phrases,
        }
    }

    /// Share of the text in links, 0 for no text.
    pub fn link_density(&self) -> f32 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f32 / self.chars as f32
        }
    }
}

/// A table in chunks of `CHUNK_ROWS` rows rather than in one block. The counts of a giant page
/// are megabytes, for which the memory the extraction leaves free has room in pieces but not in
/// one hole: one block grew the (never shrinking) wasm memory by its whole size (issue 7).
struct Chunked<T> {
    chunks: Vec<Box<[T]>>,
    rows: usize,
}

const CHUNK_ROWS: usize = 1 << 14;

impl<T: Clone + Default> Chunked<T> {
    fn new(rows: usize) -> Chunked<T> {
        let chunks = (0..rows.div_ceil(CHUNK_ROWS))
            .map(|c| vec![T::default(); CHUNK_ROWS.min(rows - c * CHUNK_ROWS)].into_boxed_slice())
            .collect();
        Chunked { chunks, rows }
    }

    fn len(&self) -> usize {
        self.rows
    }
}

impl<T> std::ops::Index<usize> for Chunked<T> {
    type Output = T;
    fn index(&self, row: usize) -> &T {
        &self.chunks[row / CHUNK_ROWS][row % CHUNK_ROWS]
    }
}

impl<T> std::ops::IndexMut<usize> for Chunked<T> {
    fn index_mut(&mut self, row: usize) -> &mut T {
        &mut self.chunks[row / CHUNK_ROWS][row % CHUNK_ROWS]
    }
}

/// Per-node flags.
pub mod flag {
    /// Script, style, template... or inside one.
    pub const INERT: u32 = 1;
    pub const IN_HEAD: u32 = 2;
    /// Hidden by inline style or the `hidden` attribute, or inside such an element.
    pub const HIDDEN: u32 = 4;
    /// `position: fixed|sticky` (layout flag or inline style).
    pub const FIXED: u32 = 8;
    /// The element itself is ad markup.
    pub const AD_MARK: u32 = 16;
    /// The element or an ancestor is ad markup or hinted as an ad.
    pub const AD_MARKED: u32 = 32;
    /// Inside navigation (`nav`, `role=navigation`).
    pub const IN_NAV: u32 = 64;
    pub const BLOCK: u32 = 128;
    pub const LANDMARK: u32 = 256;
    /// The region root (the article, or the likely article) or one of its ancestors.
    pub const HOLDS_REGION: u32 = 512;
    /// Inside the region root.
    pub const IN_REGION: u32 = 1024;
    /// Inside an `<a href>`.
    pub const IN_LINK: u32 = 2048;
    /// Inside a comment section (by class or id), when comments are clutter.
    pub const IN_COMMENTS: u32 = 4096;
    /// Inside an `<article>` or `<li>`: a header or footer here belongs to a card, not the page.
    pub const IN_CARD: u32 = 8192;
    /// A button: `<button>`, a submit or button input, `role=button`.
    pub const BUTTON: u32 = 1 << 14;
    /// A link or button that shares the page.
    pub const SHARE_CONTROL: u32 = 1 << 15;
    /// A date, an author link or a byline.
    pub const METADATA: u32 = 1 << 16;
    /// An input for an email address.
    pub const EMAIL_INPUT: u32 = 1 << 17;
    /// A modal: `role=dialog|alertdialog`, `aria-modal=true` or an open `<dialog>`.
    pub const DIALOG: u32 = 1 << 18;
    /// Inside an `<aside>` or `role=complementary`: beside the content, by the page's own word.
    pub const IN_ASIDE: u32 = 1 << 19;
}

/// Everything the rules read about the page.
pub struct Facts<'a> {
    pub dom: &'a Dom,
    /// The tree in document order.
    pub order: Vec<NodeId>,
    /// Position of each node in `order` (by node index); `u32::MAX` for nodes outside the tree.
    pub pos: Vec<u32>,
    /// By element row: position in `order` of the last node of the element's subtree.
    end: Vec<u32>,
    /// Each node's row among the nodes of its kind, in document order: an element's in `end`,
    /// `counts` and `hints`, a text node's in `text`. A row per node of any kind would be mostly
    /// empty, and the counts are the largest table of a giant page.
    row: Vec<u32>,
    /// By element row.
    counts: Chunked<Counts>,
    pub flags: Vec<u32>,
    /// By element row.
    hints: Vec<Hints>,
    /// By text row: (non-whitespace characters, words), measured once.
    text: Vec<(u32, u32)>,
    /// By text row: phrase bits (apart from `text`, whose rows they would pad to 12 bytes).
    phrases: Vec<u8>,
    /// The article's root, or without one the likely article: where rules are most careful.
    pub region: Option<NodeId>,
    /// Whether an extracted article protects its text (else prose does).
    pub has_article: bool,
}

impl<'a> Facts<'a> {
    pub fn new(dom: &'a Dom, article: Option<Protected>, comments_are_clutter: bool) -> Facts<'a> {
        let n = dom.len();
        let mut order = Vec::with_capacity(n);
        order.extend(dom.descendants(NodeId::ROOT));
        let mut pos = vec![u32::MAX; n];
        let mut row = vec![u32::MAX; n];
        let (mut elements, mut texts) = (0, 0);
        for (i, &id) in order.iter().enumerate() {
            pos[id.index()] = i as u32;
            let count = match dom.data(id) {
                NodeData::Element(_) => &mut elements,
                NodeData::Text(_) => &mut texts,
                _ => continue,
            };
            row[id.index()] = *count;
            *count += 1;
        }
        let mut facts = Facts {
            dom,
            end: vec![0; elements as usize],
            pos,
            order,
            row,
            counts: Chunked::new(elements as usize),
            flags: vec![0; n],
            hints: vec![Hints::default(); elements as usize],
            text: vec![(0, 0); texts as usize],
            phrases: vec![0; texts as usize],
            region: article.map(|a| a.root),
            has_article: article.is_some(),
        };
        facts.top_down(comments_are_clutter);
        if article.is_some() {
            facts.mark_region();
        }
        let mut protected = vec![false; n];
        match article {
            Some(a) => {
                for &t in a.text_nodes {
                    if let Some(p) = protected.get_mut(t.index()) {
                        *p = true;
                    }
                }
            }
            None => facts.protect_prose(&mut protected),
        }
        facts.bottom_up(&protected);
        if article.is_none() {
            facts.mark_region();
        }
        facts
    }

    pub fn has(&self, id: NodeId, f: u32) -> bool {
        self.flags[id.index()] & f != 0
    }

    /// An element's counts.
    pub fn c(&self, id: NodeId) -> &Counts {
        &self.counts[self.row(id)]
    }

    /// What an element's class and id names hint at.
    pub fn hints(&self, id: NodeId) -> Hints {
        self.hints[self.row(id)]
    }

    /// A text node's (non-whitespace characters, words, phrase bits).
    pub fn text(&self, id: NodeId) -> (u32, u32, u8) {
        let row = self.row(id);
        let (chars, words) = self.text[row];
        (chars, words, self.phrases[row])
    }

    /// An element's row in the per-element tables (also the caller's), or a text node's in `text`.
    pub fn row(&self, id: NodeId) -> usize {
        self.row[id.index()] as usize
    }

    /// How many rows the per-element tables have.
    pub fn elements(&self) -> usize {
        self.counts.len()
    }

    /// True when `inner` is the element `outer` or inside it, in O(1).
    pub fn within(&self, outer: NodeId, inner: NodeId) -> bool {
        let (o, i) = (self.pos[outer.index()], self.pos[inner.index()]);
        o != u32::MAX && i != u32::MAX && i >= o && i <= self.end[self.row(outer)]
    }

    /// Own flags and inherited ones, in document order (parents before children).
    fn top_down(&mut self, comments_are_clutter: bool) {
        let dom = self.dom;
        // Pages repeat a few class names on many elements: read each distinct pair once.
        let mut hint_cache: FastMap<&str, u16> = FastMap::default();
        for i in 0..self.order.len() {
            let id = self.order[i];
            let inherited = dom.parent(id).map_or(0, |p| {
                self.flags[p.index()]
                    & (flag::INERT
                        | flag::IN_HEAD
                        | flag::HIDDEN
                        | flag::AD_MARKED
                        | flag::IN_NAV
                        | flag::IN_LINK
                        | flag::IN_COMMENTS
                        | flag::IN_CARD
                        | flag::IN_ASIDE)
            });
            let mut f = inherited;
            if let NodeData::Text(t) = dom.data(id) {
                if inherited & flag::INERT == 0 {
                    let (chars, words) = measure(t);
                    let phrases = if chars == 0 {
                        0
                    } else {
                        signals::phrase_mask(t)
                    };
                    let row = self.row(id);
                    self.text[row] = (chars, words);
                    self.phrases[row] = phrases;
                }
            }
            if let NodeData::Element(e) = dom.data(id) {
                let name = &*e.name;
                let tag = tag_bits(name);
                if tag & TAG_INERT != 0 {
                    f |= flag::INERT;
                }
                if name == "head" {
                    f |= flag::IN_HEAD;
                }
                if tag & TAG_BLOCK != 0 {
                    f |= flag::BLOCK;
                }
                // One pass over the attributes for everything read here.
                let (mut class, mut ident, mut style, mut role, mut href) =
                    (None, None, None, "", None);
                let (mut hidden_attr, mut share_attr, mut meta_attr) = (false, false, false);
                let (mut modal, mut open) = (false, false);
                let (mut input_type, mut label) = ("", "");
                for a in &e.attrs {
                    let v = a.value.as_str();
                    match &*a.name {
                        "class" => class = Some(v),
                        "id" => ident = Some(v),
                        "style" => style = Some(v),
                        "role" => role = v,
                        "href" => href = Some(v),
                        "hidden" => hidden_attr = true,
                        "type" => input_type = v,
                        "aria-label" => label = v,
                        "title" if label.is_empty() => label = v,
                        "data-share" | "data-social-network" => share_attr = true,
                        "itemprop" | "rel" => meta_attr |= is_metadata_value(v),
                        "aria-modal" => modal = v.eq_ignore_ascii_case("true"),
                        "open" => open = true,
                        _ => {}
                    }
                }
                let button = name == "button"
                    || (name == "input"
                        && (input_type.eq_ignore_ascii_case("submit")
                            || input_type.eq_ignore_ascii_case("button")))
                    || role.eq_ignore_ascii_case("button");
                if button {
                    f |= flag::BUTTON;
                }
                if (name == "a" || button)
                    && (share_attr
                        || href.and_then(signals::share_target).is_some()
                        || is_share_label(label))
                {
                    f |= flag::SHARE_CONTROL;
                }
                if meta_attr || name == "time" {
                    f |= flag::METADATA;
                }
                if name == "input" && is_email_input(e, input_type) {
                    f |= flag::EMAIL_INPUT;
                }
                let (mut fixed, mut hidden) = style.map_or((false, false), signals::style_flags);
                fixed |= e.layout.has(crate::dom::LayoutFlags::FIXED);
                // A closed <dialog> is not rendered.
                hidden |= e.layout.has(crate::dom::LayoutFlags::HIDDEN)
                    || hidden_attr
                    || (name == "dialog" && !open);
                if modal
                    || name == "dialog"
                    || role.eq_ignore_ascii_case("dialog")
                    || role.eq_ignore_ascii_case("alertdialog")
                {
                    f |= flag::DIALOG;
                }
                if name == "aside" || role.eq_ignore_ascii_case("complementary") {
                    f |= flag::IN_ASIDE;
                }
                if fixed {
                    f |= flag::FIXED;
                }
                if hidden {
                    f |= flag::HIDDEN;
                }
                if name == "nav" || role.eq_ignore_ascii_case("navigation") {
                    f |= flag::IN_NAV;
                }
                if name == "a" && href.is_some() {
                    f |= flag::IN_LINK;
                }
                let page_part =
                    matches!(name, "header" | "footer") && inherited & flag::IN_CARD == 0;
                let landmark_role =
                    !role.is_empty() && LANDMARK_ROLES.iter().any(|r| role.eq_ignore_ascii_case(r));
                if matches!(name, "nav" | "main" | "h1") || page_part || landmark_role {
                    f |= flag::LANDMARK;
                }
                if matches!(name, "article" | "li") {
                    f |= flag::IN_CARD;
                }
                let mut hints = Hints::default();
                for name in class
                    .into_iter()
                    .flat_map(str::split_whitespace)
                    .chain(ident)
                {
                    hints.0 |= *hint_cache
                        .entry(name)
                        .or_insert_with(|| signals::name_hints(name));
                }
                let row = self.row(id);
                self.hints[row] = hints;
                if comments_are_clutter && hints.has(Hints::COMMENTS) {
                    f |= flag::IN_COMMENTS;
                }
                if ad_markup(dom, id, hints).is_some() {
                    f |= flag::AD_MARK | flag::AD_MARKED;
                }
                if hints.has(Hints::AD) || hints.has(Hints::SPONSORED_WIDGET) {
                    f |= flag::AD_MARKED;
                }
                if hints.has(Hints::BYLINE) {
                    f |= flag::METADATA;
                }
            }
            self.flags[id.index()] = f;
        }
    }

    /// Without an article: the text of prose blocks is protected, and the deepest element
    /// holding most prose becomes the region (the likely article). A block's own text (not that
    /// of nested blocks) decides, so a page wrapper never counts as one long paragraph. Outside
    /// the region, prose that pitches (cookies, newsletters, subscriptions) is not protected:
    /// that is what consent banners and promo boxes are made of.
    fn protect_prose(&mut self, protected: &mut [bool]) {
        let dom = self.dom;
        let n = dom.len();
        // Own inline text of each block: (chars, link chars, phrase bits).
        let mut own = vec![(0u32, 0u32, 0u8); n];
        for &id in self.order.iter().rev() {
            let f = self.flags[id.index()];
            if f & flag::INERT != 0 {
                continue;
            }
            let Some(parent) = dom.parent(id) else {
                continue;
            };
            let mut carry = match dom.data(id) {
                NodeData::Text(_) => {
                    let (chars, _, phrases) = self.text(id);
                    let link = if f & flag::IN_LINK != 0 { chars } else { 0 };
                    (chars, link, phrases)
                }
                NodeData::Element(_) if f & flag::BLOCK == 0 => own[id.index()],
                _ => continue,
            };
            if dom.element(id).is_some_and(|e| e.is("a")) {
                carry.1 = carry.0;
            }
            let o = &mut own[parent.index()];
            o.0 += carry.0;
            o.1 += carry.1;
            o.2 |= carry.2;
        }
        let is_prose = |id: NodeId, f: u32| {
            let (chars, link, _) = own[id.index()];
            f & flag::BLOCK != 0
                && chars >= PROSE_MIN_CHARS
                && (link as f32) <= chars as f32 * PROSE_MAX_LINK_SHARE
                && f & (flag::FIXED | flag::INERT | flag::HIDDEN | flag::IN_COMMENTS) == 0
        };
        // Prose characters per subtree, for the region.
        let mut prose = vec![0u32; n];
        for &id in self.order.iter().rev() {
            if is_prose(id, self.flags[id.index()]) {
                prose[id.index()] += own[id.index()].0;
            }
            if let Some(p) = dom.parent(id) {
                prose[p.index()] += prose[id.index()];
            }
        }
        self.region = likely_article(dom, &prose);
        let region = self
            .region
            .map(|r| (self.pos[r.index()], region_end(self, r)));
        let in_region =
            |id: NodeId| region.is_some_and(|(s, e)| (s..=e).contains(&self.pos[id.index()]));
        // Top-down: is the nearest block around each text node protected prose?
        let mut protect = vec![false; n];
        for &id in &self.order {
            let f = self.flags[id.index()];
            let inherited = dom.parent(id).is_some_and(|p| protect[p.index()]);
            protect[id.index()] = match dom.data(id) {
                NodeData::Element(_) if f & flag::BLOCK != 0 => {
                    is_prose(id, f) && (own[id.index()].2 == 0 || in_region(id))
                }
                NodeData::Text(_) => {
                    protected[id.index()] = inherited;
                    inherited
                }
                _ => inherited,
            };
        }
    }

    /// Sums subtrees, children before parents.
    fn bottom_up(&mut self, protected: &[bool]) {
        let dom = self.dom;
        // Headline links in each node's own inline content, passed up to the nearest block.
        // By element row.
        let mut own_headlines = vec![0u32; self.counts.len()];
        for i in (0..self.order.len()).rev() {
            let id = self.order[i];
            let f = self.flags[id.index()];
            // An element's rows hold what its children added; a text node starts from nothing.
            let element_row = dom.element(id).map(|_| self.row(id));
            let mut c = element_row.map_or_else(Counts::default, |r| self.counts[r]);
            let mut headlines = element_row.map_or(0, |r| own_headlines[r]);
            // `end` of a subtree: the largest end among children, else the node itself.
            let end = element_row.map_or(i as u32, |r| self.end[r].max(i as u32));
            match dom.data(id) {
                NodeData::Text(_) if f & flag::INERT == 0 => {
                    let (chars, words, phrases) = self.text(id);
                    c.chars = chars;
                    c.words = words;
                    c.phrases = phrases;
                    if protected[id.index()] {
                        c.protected = 1;
                    }
                }
                NodeData::Element(e) => {
                    let name = &*e.name;
                    if f & flag::INERT != 0 {
                        // Nothing of an inert element shows but its ad markup (a loader script).
                        let marks = u32::from(f & flag::AD_MARK != 0);
                        c = Counts {
                            ad_marks: marks,
                            ..Counts::default()
                        };
                    } else {
                        if name == "a" && e.attr("href").is_some() {
                            c.link_chars = c.chars;
                            c.links += 1;
                            let local = e.attr("href").is_some_and(|h| {
                                h.starts_with('#') || h.starts_with("javascript:")
                            });
                            if is_headline(&c) && !local {
                                c.headline_links += 1;
                                headlines += 1;
                            }
                        }
                        if f & flag::SHARE_CONTROL != 0 {
                            c.share_links += 1;
                        }
                        if tag_bits(name) & TAG_MEDIA != 0
                            && f & flag::AD_MARKED == 0
                            && !is_pixel(dom, id)
                        {
                            c.media += 1;
                            if f & flag::IN_LINK != 0 {
                                c.linked_media += 1;
                            }
                            // The article's own pictures and videos survive like its text.
                            if self.has_article_media(id) {
                                c.protected += 1;
                            }
                        }
                        if f & flag::LANDMARK != 0 {
                            c.landmarks += 1;
                        }
                        if f & flag::BUTTON != 0 {
                            c.buttons += 1;
                        }
                        if f & flag::EMAIL_INPUT != 0 {
                            c.email_inputs += 1;
                        }
                        if f & flag::METADATA != 0 {
                            c.meta += 1;
                        }
                        if f & flag::AD_MARK != 0 {
                            c.ad_marks += 1;
                        }
                    }
                }
                _ => {}
            }
            if f & flag::BLOCK != 0 && headlines > 0 {
                c.headline_blocks += 1;
            }
            if let Some(r) = element_row {
                self.counts[r] = c;
                self.end[r] = end;
            }
            // The document above `<html>` has no row: no rule asks about it.
            if let Some(p) = dom.parent(id).filter(|&p| dom.element(p).is_some()) {
                let r = self.row(p);
                if f & (flag::BLOCK | flag::INERT) == 0 {
                    own_headlines[r] += headlines;
                }
                self.end[r] = self.end[r].max(end);
                self.counts[r].add(&c);
            }
        }
    }

    fn has_article_media(&self, id: NodeId) -> bool {
        self.has_article && self.has(id, flag::IN_REGION)
    }

    fn mark_region(&mut self) {
        let Some(root) = self.region else { return };
        if self.pos[root.index()] == u32::MAX {
            self.region = None;
            return;
        }
        self.flags[root.index()] |= flag::HOLDS_REGION;
        let ancestors: Vec<NodeId> = self.dom.ancestors(root).collect();
        for a in ancestors {
            self.flags[a.index()] |= flag::HOLDS_REGION;
        }
        let (start, end) = (
            self.pos[root.index()] as usize,
            region_end(self, root) as usize,
        );
        for i in start..=end {
            let id = self.order[i];
            self.flags[id.index()] |= flag::IN_REGION;
        }
    }
}

/// Whether a link's text reads like a headline: a few words, not a menu entry, not a sentence.
fn is_headline(c: &Counts) -> bool {
    if !(HEADLINE_MIN_WORDS..=HEADLINE_MAX_WORDS).contains(&c.words) {
        return false;
    }
    // Fewer than two characters a word: ideographs, each counted as a word.
    let cjk = c.chars < c.words * 2;
    c.chars
        >= if cjk {
            HEADLINE_MIN_CJK_CHARS
        } else {
            HEADLINE_MIN_CHARS
        }
}

/// The deepest element holding most of the page's prose, going down from `<body>`.
fn likely_article(dom: &Dom, prose: &[u32]) -> Option<NodeId> {
    let mut at = dom.body()?;
    let total = prose[at.index()];
    if total == 0 {
        return None;
    }
    loop {
        let best = dom.child_elements(at).max_by_key(|&ch| prose[ch.index()]);
        match best {
            Some(ch) if prose[ch.index()] as f32 >= total as f32 * REGION_MIN_PROSE_SHARE => {
                at = ch
            }
            _ => return Some(at),
        }
    }
}

/// The last position in document order inside `root`, before `end` is filled in.
fn region_end(f: &Facts, root: NodeId) -> u32 {
    let mut at = root;
    loop {
        if let Some(next) = f.dom.next_sibling(at) {
            return f.pos[next.index()].saturating_sub(1);
        }
        match f.dom.parent(at) {
            Some(p) => at = p,
            None => return f.order.len() as u32 - 1,
        }
    }
}

/// Non-whitespace characters and words of a text, in one pass; words as
/// [`text::word_count`] counts them (each CJK ideograph is a word).
pub(super) fn measure(t: &str) -> (u32, u32) {
    // Most text is ASCII: count bytes, no decoding, no CJK.
    if t.is_ascii() {
        let (mut chars, mut words, mut in_token) = (0u32, 0u32, false);
        for &b in t.as_bytes() {
            if b.is_ascii_whitespace() || b == 0x0B {
                in_token = false;
            } else {
                chars += 1;
                words += u32::from(!in_token);
                in_token = true;
            }
        }
        return (chars, words);
    }
    let (mut chars, mut words) = (0u32, 0u32);
    // Per whitespace-separated token: CJK characters, and whether it has other letters.
    let (mut in_token, mut cjk, mut other) = (false, 0u32, false);
    let close = |cjk: u32, other: bool| if cjk > 0 { cjk + u32::from(other) } else { 1 };
    for c in t.chars() {
        if c.is_whitespace() {
            if in_token {
                words += close(cjk, other);
                (in_token, cjk, other) = (false, 0, false);
            }
            continue;
        }
        chars += 1;
        in_token = true;
        if text::is_cjk(c) {
            cjk += 1;
        } else if c.is_alphanumeric() {
            other = true;
        }
    }
    if in_token {
        words += close(cjk, other);
    }
    (chars, words)
}

/// Why an element is ad markup, if it is: an ad server's frame or script, an AdSense `<ins>`,
/// an AMP ad, a GPT slot id, or ad-slot attributes.
pub fn ad_markup(dom: &Dom, id: NodeId, hints: Hints) -> Option<String> {
    let e = dom.element(id)?;
    let name = &*e.name;
    let src = || e.attr("src").or_else(|| e.attr("data-src")).unwrap_or("");
    match name {
        "iframe" | "frame" | "embed" | "object" => {
            if let Some(host) =
                signals::ad_host(src()).or_else(|| e.attr("data").and_then(signals::ad_host))
            {
                return Some(format!("iframe from {host}"));
            }
            if e.attr("id")
                .is_some_and(|i| i.starts_with("google_ads_iframe") || i.starts_with("aswift_"))
            {
                return Some("Google ad iframe".to_owned());
            }
        }
        "script" => {
            if let Some(host) = signals::ad_host(src()) {
                return Some(format!("script from {host}"));
            }
        }
        "ins"
            if e.attr("class")
                .is_some_and(|c| c.split_whitespace().any(|w| w == "adsbygoogle")) =>
        {
            return Some("ins.adsbygoogle".to_owned());
        }
        "amp-ad" | "amp-embed" | "amp-sticky-ad" | "amp-auto-ads" => {
            return Some(format!("<{name}>"))
        }
        "a" => {
            if let Some(host) = e.attr("href").and_then(signals::ad_host) {
                if signals::AD_HOSTS.contains(&host.as_str()) {
                    return Some(format!("link to {host}"));
                }
            }
        }
        _ => {}
    }
    if let Some(attr) = e
        .attrs
        .iter()
        .find(|a| a.name.starts_with("data-") && AD_ATTRIBUTES.contains(&&*a.name))
    {
        return Some(format!("attribute {}", attr.name));
    }
    if hints.has(Hints::AD_ID) {
        let name = e.attr("id").or_else(|| e.attr("class")).unwrap_or("");
        return Some(format!("id '{}'", text::excerpt(name, 24)));
    }
    None
}

/// Beginnings of the `aria-label` or `title` of icon-only share buttons ("Share on Facebook").
const SHARE_LABEL_STARTS: &[&str] = &["share", "tweet", "post to ", "email this"];

/// A control's `aria-label` or `title` that says it shares the page.
fn is_share_label(label: &str) -> bool {
    SHARE_LABEL_STARTS.iter().any(|p| {
        label.len() >= p.len() && label.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes())
    })
}

/// Attribute values that mark an article's author or dates (schema.org `itemprop`, `rel`).
const METADATA_PROPS: &[&str] = &[
    "author",
    "datepublished",
    "datemodified",
    "datecreated",
    "creator",
];

fn is_metadata_value(v: &str) -> bool {
    v.split_whitespace()
        .any(|w| METADATA_PROPS.iter().any(|p| w.eq_ignore_ascii_case(p)))
}

fn is_email_input(e: &crate::dom::Element, ty: &str) -> bool {
    if ty.eq_ignore_ascii_case("email") {
        return true;
    }
    (ty.is_empty() || ty.eq_ignore_ascii_case("text"))
        && [e.attr("name"), e.attr("id"), e.attr("placeholder")]
            .iter()
            .flatten()
            .any(|v| v.to_ascii_lowercase().contains("email"))
}

/// A 1×1 tracking pixel is not a picture.
fn is_pixel(dom: &Dom, id: NodeId) -> bool {
    let Some(e) = dom.element(id) else {
        return false;
    };
    let tiny = |a: &str| {
        e.attr(a).is_some_and(|v| {
            v.trim()
                .trim_end_matches("px")
                .parse::<u32>()
                .is_ok_and(|n| n <= 2)
        })
    };
    tiny("width") && tiny("height")
}

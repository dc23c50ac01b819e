//! Per-node side tables, filled in a few linear passes over the tree (never recursion, never a
//! `text_content` per node): text and link sizes, media, landmarks, ad markup, hints, protection.

use crate::dom::{Dom, LayoutFlags, NodeData, NodeId};
use crate::flag_set::flag_set;
use crate::hash::FastMap;

use super::counts::{is_headline, measure, Chunked, Counts, TextSize};
use super::elements::{self, TagKinds, LANDMARK_ROLES};
use super::lexicon::{self, Hints, Phrases};
use super::seeds::Why;
use super::{ads, newsletter, share, signals, Protected};

flag_set! {
    /// What is true of one node, by itself or by an ancestor.
    pub struct NodeFlags: u32 {
        /// Script, style, template... or inside one.
        INERT,
        IN_HEAD,
        /// Hidden by inline style or the `hidden` attribute, or inside such an element.
        HIDDEN,
        /// `position: fixed|sticky` (layout flag or inline style).
        FIXED,
        /// The element itself is ad markup.
        AD_MARK,
        /// The element or an ancestor is ad markup or hinted as an ad.
        AD_MARKED,
        /// Inside navigation (`nav`, `role=navigation`).
        IN_NAV,
        BLOCK,
        LANDMARK,
        /// The region root (the article, or the likely article) or one of its ancestors.
        HOLDS_REGION,
        /// Inside the region root.
        IN_REGION,
        /// Inside an `<a href>`.
        IN_LINK,
        /// Inside a comment section (by class or id), when comments are clutter.
        IN_COMMENTS,
        /// Inside an `<article>` or `<li>`: a header or footer here belongs to a card, not the page.
        IN_CARD,
        /// A button: `<button>`, a submit or button input, `role=button`.
        BUTTON,
        /// A link or button that shares the page.
        SHARE_CONTROL,
        /// A date, an author link or a byline.
        METADATA,
        /// An input for an email address.
        EMAIL_INPUT,
        /// A modal: `role=dialog|alertdialog`, `aria-modal=true` or an open `<dialog>`.
        DIALOG,
        /// Inside an `<aside>` or `role=complementary`: beside the content, by the page's own word.
        IN_ASIDE,
    }
}

/// Flags a node takes from its parent.
const INHERITED: NodeFlags = NodeFlags::from_bits(
    NodeFlags::INERT.bits()
        | NodeFlags::IN_HEAD.bits()
        | NodeFlags::HIDDEN.bits()
        | NodeFlags::AD_MARKED.bits()
        | NodeFlags::IN_NAV.bits()
        | NodeFlags::IN_LINK.bits()
        | NodeFlags::IN_COMMENTS.bits()
        | NodeFlags::IN_CARD.bits()
        | NodeFlags::IN_ASIDE.bits(),
);

/// What a text node holds, measured once.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TextMeasure {
    pub chars: u32,
    pub words: u32,
    /// What it talks about (short texts only).
    pub phrases: Phrases,
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
    flags: Vec<NodeFlags>,
    /// By element row.
    hints: Vec<Hints>,
    /// By text row, measured once.
    text: Vec<TextSize>,
    /// By text row (apart from `text`, whose rows they would pad to 12 bytes).
    phrases: Vec<Phrases>,
    /// Why each element of ad markup is one ("iframe from doubleclick.net"): few on any page.
    ad_markup: FastMap<NodeId, Why>,
    /// The article's root, or without one the likely article: where rules are most careful.
    pub region: Option<NodeId>,
    /// Whether an extracted article protects its text (else prose does).
    pub has_article: bool,
}

/// What guards a part of a page (`crate::classify_part`) that does not hold the article's text
/// nodes, found by an earlier look at the whole page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PartGuard {
    /// The page has an article, not in this part: nothing here is its text, as on the whole page.
    ArticleElsewhere,
    /// The page has no article: prose protects itself, and `region` is the whole page's likely
    /// article when the part holds it.
    Prose { region: Option<NodeId> },
}

impl<'a> Facts<'a> {
    pub fn new(dom: &'a Dom, article: Option<Protected>, comments_are_clutter: bool) -> Facts<'a> {
        Facts::build(dom, article, None, comments_are_clutter)
    }

    /// The facts of a part of a page, guarded as `guard` says.
    pub fn for_part(dom: &'a Dom, guard: PartGuard, comments_are_clutter: bool) -> Facts<'a> {
        Facts::build(dom, None, Some(guard), comments_are_clutter)
    }

    fn build(
        dom: &'a Dom,
        article: Option<Protected>,
        part: Option<PartGuard>,
        comments_are_clutter: bool,
    ) -> Facts<'a> {
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
            flags: vec![NodeFlags::NONE; n],
            hints: vec![Hints::NONE; elements as usize],
            text: vec![TextSize::default(); texts as usize],
            phrases: vec![Phrases::NONE; texts as usize],
            ad_markup: FastMap::default(),
            region: match (article, part) {
                (Some(a), _) => Some(a.root),
                (None, Some(PartGuard::Prose { region })) => region.filter(|r| r.index() < n),
                _ => None,
            },
            has_article: article.is_some() || part == Some(PartGuard::ArticleElsewhere),
        };
        facts.top_down(comments_are_clutter);
        if article.is_some() {
            facts.mark_region();
        }
        let mut protected = vec![false; n];
        let mut article_shows = Vec::new();
        match article {
            Some(a) => {
                article_shows = vec![false; n];
                for &t in a.text_nodes.iter().chain(a.media_nodes) {
                    if let Some(shown) = article_shows.get_mut(t.index()) {
                        *shown = true;
                    }
                }
                facts.protect_article_prose(&article_shows, &mut protected);
            }
            None if part == Some(PartGuard::ArticleElsewhere) => {}
            None => facts.protect_prose(&mut protected, part.is_none()),
        }
        facts.bottom_up(&protected, &article_shows);
        if article.is_none() {
            facts.mark_region();
        }
        facts
    }

    /// Whether a node has any of `flags`.
    pub fn has(&self, id: NodeId, flags: NodeFlags) -> bool {
        self.flags[id.index()].has(flags)
    }

    pub fn flags(&self, id: NodeId) -> NodeFlags {
        self.flags[id.index()]
    }

    /// An element's counts.
    pub fn counts(&self, id: NodeId) -> &Counts {
        &self.counts[self.row(id)]
    }

    /// What an element's class and id names hint at.
    pub fn hints(&self, id: NodeId) -> Hints {
        self.hints[self.row(id)]
    }

    /// What a text node holds.
    pub fn text(&self, id: NodeId) -> TextMeasure {
        let row = self.row(id);
        let TextSize { chars, words } = self.text[row];
        TextMeasure {
            chars,
            words,
            phrases: self.phrases[row],
        }
    }

    /// Why an element is ad markup, if it is.
    pub fn ad_markup(&self, id: NodeId) -> Option<&Why> {
        self.ad_markup.get(&id)
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
        // Pages repeat a few class names on many elements: read each distinct name once.
        // Bits, in a map of the same type as the name tables' (one map type less in the wasm).
        let mut hint_cache: FastMap<&str, u16> = FastMap::default();
        for i in 0..self.order.len() {
            let id = self.order[i];
            let inherited = dom
                .parent(id)
                .map_or(NodeFlags::NONE, |p| self.flags[p.index()].and(INHERITED));
            let mut f = inherited;
            if let NodeData::Text(t) = dom.data(id) {
                if !inherited.has(NodeFlags::INERT) {
                    let size = measure(t);
                    let phrases = if size.chars == 0 {
                        Phrases::NONE
                    } else {
                        lexicon::phrases(t)
                    };
                    let row = self.row(id);
                    self.text[row] = size;
                    self.phrases[row] = phrases;
                }
            }
            if let NodeData::Element(e) = dom.data(id) {
                let name = &*e.name;
                let tag = elements::tag_kinds(name);
                if tag.has(TagKinds::INERT) {
                    f |= NodeFlags::INERT;
                }
                if name == "head" {
                    f |= NodeFlags::IN_HEAD;
                }
                if tag.has(TagKinds::BLOCK) {
                    f |= NodeFlags::BLOCK;
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
                        attr if share::is_share_attribute(attr) => share_attr = true,
                        "itemprop" | "rel" => meta_attr |= elements::is_metadata_value(v),
                        "aria-modal" => modal = v.eq_ignore_ascii_case("true"),
                        "open" => open = true,
                        _ => {}
                    }
                }
                let button = elements::is_button(name, input_type, role);
                if button {
                    f |= NodeFlags::BUTTON;
                }
                if (name == "a" || button) && share::is_share_control(share_attr, href, label) {
                    f |= NodeFlags::SHARE_CONTROL;
                }
                if meta_attr || name == "time" {
                    f |= NodeFlags::METADATA;
                }
                if name == "input" && newsletter::is_email_input(e, input_type) {
                    f |= NodeFlags::EMAIL_INPUT;
                }
                let mut shown = style.map_or_else(Default::default, signals::inline_style);
                shown.fixed |= e.layout.has(LayoutFlags::FIXED);
                // A closed <dialog> is not rendered.
                shown.hidden |=
                    e.layout.has(LayoutFlags::HIDDEN) || hidden_attr || (name == "dialog" && !open);
                if modal
                    || name == "dialog"
                    || role.eq_ignore_ascii_case("dialog")
                    || role.eq_ignore_ascii_case("alertdialog")
                {
                    f |= NodeFlags::DIALOG;
                }
                if name == "aside" || role.eq_ignore_ascii_case("complementary") {
                    f |= NodeFlags::IN_ASIDE;
                }
                if shown.fixed {
                    f |= NodeFlags::FIXED;
                }
                if shown.hidden {
                    f |= NodeFlags::HIDDEN;
                }
                if name == "nav" || role.eq_ignore_ascii_case("navigation") {
                    f |= NodeFlags::IN_NAV;
                }
                if name == "a" && href.is_some() {
                    f |= NodeFlags::IN_LINK;
                }
                let page_part =
                    matches!(name, "header" | "footer") && !inherited.has(NodeFlags::IN_CARD);
                let landmark_role =
                    !role.is_empty() && LANDMARK_ROLES.iter().any(|r| role.eq_ignore_ascii_case(r));
                if matches!(name, "nav" | "main" | "h1") || page_part || landmark_role {
                    f |= NodeFlags::LANDMARK;
                }
                if matches!(name, "article" | "li") {
                    f |= NodeFlags::IN_CARD;
                }
                let mut hints = Hints::NONE;
                for name in class
                    .into_iter()
                    .flat_map(str::split_whitespace)
                    .chain(ident)
                {
                    hints |= Hints::from_bits(
                        *hint_cache
                            .entry(name)
                            .or_insert_with(|| lexicon::name_hints(name).bits()),
                    );
                }
                let row = self.row(id);
                self.hints[row] = hints;
                if comments_are_clutter && hints.has(Hints::COMMENTS) {
                    f |= NodeFlags::IN_COMMENTS;
                }
                if let Some(reason) = ads::markup(dom, id, hints) {
                    f |= NodeFlags::AD_MARK | NodeFlags::AD_MARKED;
                    self.ad_markup.insert(id, reason);
                }
                if hints.has(Hints::AD | Hints::SPONSORED_WIDGET) {
                    f |= NodeFlags::AD_MARKED;
                }
                if hints.has(Hints::BYLINE) {
                    f |= NodeFlags::METADATA;
                }
            }
            self.flags[id.index()] = f;
        }
    }

    /// Sums subtrees, children before parents.
    /// `article_shows` is empty without an article.
    fn bottom_up(&mut self, protected: &[bool], article_shows: &[bool]) {
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
                NodeData::Text(_) if !f.has(NodeFlags::INERT) => {
                    let text = self.text(id);
                    c.chars = text.chars;
                    c.words = text.words;
                    c.phrases = text.phrases;
                    if protected[id.index()] {
                        c.protected = 1;
                    } else if article_shows.get(id.index()).copied().unwrap_or(false) {
                        c.article = 1;
                    }
                }
                NodeData::Element(e) => {
                    let name = &*e.name;
                    if f.has(NodeFlags::INERT) {
                        // Nothing of an inert element shows but its ad markup (a loader script).
                        let marks = u32::from(f.has(NodeFlags::AD_MARK));
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
                        if f.has(NodeFlags::SHARE_CONTROL) {
                            c.share_links += 1;
                        }
                        if elements::tag_kinds(name).has(TagKinds::MEDIA)
                            && !f.has(NodeFlags::AD_MARKED)
                            && !elements::is_pixel(dom, id)
                        {
                            c.media += 1;
                            if f.has(NodeFlags::IN_LINK) {
                                c.linked_media += 1;
                            }
                            // The pictures and videos the article shows are the article's
                            // like its text.
                            if article_shows.get(id.index()).copied().unwrap_or(false) {
                                c.article += 1;
                            }
                        }
                        let count = |flag| u32::from(f.has(flag));
                        c.landmarks += count(NodeFlags::LANDMARK);
                        c.buttons += count(NodeFlags::BUTTON);
                        c.email_inputs += count(NodeFlags::EMAIL_INPUT);
                        c.meta += count(NodeFlags::METADATA);
                        c.ad_marks += count(NodeFlags::AD_MARK);
                    }
                }
                _ => {}
            }
            if f.has(NodeFlags::BLOCK) && headlines > 0 {
                c.headline_blocks += 1;
            }
            if let Some(r) = element_row {
                self.counts[r] = c;
                self.end[r] = end;
            }
            // The document above `<html>` has no row: no rule asks about it.
            if let Some(p) = dom.parent(id).filter(|&p| dom.element(p).is_some()) {
                let r = self.row(p);
                if !f.has(NodeFlags::BLOCK | NodeFlags::INERT) {
                    own_headlines[r] += headlines;
                }
                self.end[r] = self.end[r].max(end);
                self.counts[r].add(&c);
            }
        }
    }

    /// Flags the region root, its ancestors and everything inside it.
    fn mark_region(&mut self) {
        let Some(root) = self.region else { return };
        if self.pos[root.index()] == u32::MAX {
            self.region = None;
            return;
        }
        self.flags[root.index()] |= NodeFlags::HOLDS_REGION;
        let ancestors: Vec<NodeId> = self.dom.ancestors(root).collect();
        for a in ancestors {
            self.flags[a.index()] |= NodeFlags::HOLDS_REGION;
        }
        let (start, end) = (
            self.pos[root.index()] as usize,
            self.region_end(root) as usize,
        );
        for i in start..=end {
            let id = self.order[i];
            self.flags[id.index()] |= NodeFlags::IN_REGION;
        }
    }

    /// The last position in document order inside `root`, before `end` is filled in.
    pub(super) fn region_end(&self, root: NodeId) -> u32 {
        let mut at = root;
        loop {
            if let Some(next) = self.dom.next_sibling(at) {
                return self.pos[next.index()].saturating_sub(1);
            }
            match self.dom.parent(at) {
                Some(p) => at = p,
                None => return self.order.len() as u32 - 1,
            }
        }
    }
}

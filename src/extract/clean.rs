//! Cleaning the chosen article: what sits inside it but is not part of it (embeds, asides,
//! share bars, link lists, forms, image galleries of ads). Nothing is removed from the page:
//! the result is a side table of dropped nodes that the output skips.

use crate::dom::{Dom, NodeData, NodeId};
use crate::text::comma_count;

use super::names::ClassNames;
use super::prep::{Prep, TextLen};
use super::score::{class_weight, effective_tag, DivRole, Piece, Scores};
use super::Flags;

/// Dropped wherever they are in the article, unless they embed a video.
const ALWAYS_DROPPED: &[&str] = &["object", "embed", "footer", "link", "aside"];
/// Form controls: the reader view is not a form.
const CONTROLS: &[&str] = &["iframe", "input", "textarea", "select", "button"];
/// Hosts whose embeds are the article's videos, not ads.
const VIDEO_HOSTS: &[&str] = &[
    "//www.youtube.com",
    "//youtube.com",
    "//www.youtube-nocookie.com",
    "//youtube-nocookie.com",
    "//www.dailymotion.com",
    "//dailymotion.com",
    "//player.vimeo.com",
    "//www.player.vimeo.com",
    "//v.qq.com",
    "//www.v.qq.com",
    "//archive.org",
    "//www.archive.org",
    "//upload.wikimedia.org",
    "//player.twitch.tv",
];
/// Share bars are short; a long block that mentions sharing is content.
const MAX_SHARE_BAR_CHARS: u32 = 500;
/// Text with this many commas is prose, whatever else it holds.
const PROSE_COMMAS: usize = 10;
/// Blocks whose whole text is one of these words are ad or loading placeholders.
const PLACEHOLDER_WORDS: &[&str] = &[
    "ad",
    "advertising",
    "advertisement",
    "pub",
    "publicité",
    "werb",
    "werbung",
    "广告",
    "реклама",
    "anuncio",
    "loading",
    "loading…",
    "loading...",
    "正在加载",
    "загрузка",
    "chargement",
    "cargando",
];
/// Placeholder words are short; only blocks this short are checked for them.
const MAX_PLACEHOLDER_CHARS: u32 = 30;
/// Link density above which a block without positive names is navigation.
const MAX_LINK_DENSITY: f64 = 0.2;
/// The same for blocks whose names say "content".
const MAX_LINK_DENSITY_POSITIVE: f64 = 0.5;
/// A class weight at least this high marks a positive name.
const POSITIVE_WEIGHT: f64 = 25.0;
/// Short blocks without headings and with odd image counts are captions of nothing.
const MIN_BLOCK_CHARS: u32 = 25;
/// A block with one embed and less text than this is the embed's frame.
const MIN_EMBED_CONTEXT_CHARS: u32 = 75;
/// A block mostly made of headings is a heading group, not a short stray block.
const HEADING_GROUP_DENSITY: f64 = 0.9;
/// A block whose text is this much inside lists is a list.
const LIST_SHARE: f64 = 0.9;
/// Elements whose text counts as text when judging whether a block has any.
const TEXTISH_TAGS: &[&str] = &[
    "span",
    "li",
    "td",
    "a",
    "blockquote",
    "dl",
    "div",
    "img",
    "ol",
    "p",
    "pre",
    "table",
    "ul",
    "select",
];
/// Tables at least this long or wide hold data, not layout.
const DATA_TABLE_ROWS: u32 = 10;
const DATA_TABLE_COLUMNS: u32 = 4;
const DATA_TABLE_CELLS: u32 = 10;
/// How far up a `<figure>` or `<code>` protects a block.
const PROTECTING_ANCESTOR_DEPTH: usize = 3;

pub struct Cleaned {
    /// True for nodes left out of the article, with everything inside them.
    pub dropped: Vec<bool>,
}

pub fn clean(dom: &Dom, prep: &Prep, scores: &Scores, pieces: &[Piece], flags: Flags) -> Cleaned {
    let mut c = Cleaner {
        dom,
        prep,
        scores,
        flags,
        dropped: vec![false; dom.len()],
        data_table: vec![false; dom.len()],
        nodes: article_nodes(dom, prep, pieces),
    };
    for &n in &c.nodes {
        if dom.is(n, "table") {
            c.data_table[n.index()] = is_data_table(dom, n);
        }
    }
    // A block whose whole text is "Advertisement" is an ad slot's label, whatever the flags.
    c.drop_where(|c, n| {
        matches!(
            effective_tag(c.dom, c.scores, n),
            "div" | "p" | "span" | "section" | "aside"
        ) && c.measure(n).text < MAX_PLACEHOLDER_CHARS
            && is_placeholder(&c.kept_text(n))
    });
    c.conditionally("form");
    c.conditionally("fieldset");
    c.drop_where(|c, n| {
        let tag = c.dom.tag(n).unwrap_or("");
        (ALWAYS_DROPPED.contains(&tag) || CONTROLS.contains(&tag)) && !c.embeds_video(n)
    });
    let roots: Vec<NodeId> = pieces
        .iter()
        .flat_map(|p| match p {
            Piece::Node(n) => vec![*n],
            Piece::Run(ns) => ns.clone(),
        })
        .collect();
    c.drop_where(|c, n| {
        !roots.contains(&n)
            && c.dom
                .element(n)
                .is_some_and(|el| ClassNames::of(el).is_share())
            && c.measure(n).text < MAX_SHARE_BAR_CHARS
    });
    c.drop_where(|c, n| {
        (c.dom.is(n, "h1") || c.dom.is(n, "h2")) && class_weight(c.dom, n, c.flags) < 0.0
    });
    c.conditionally("table");
    c.conditionally("ul");
    c.conditionally("div");
    Cleaned { dropped: c.dropped }
}

/// Every kept node of the article, in document order.
fn article_nodes(dom: &Dom, prep: &Prep, pieces: &[Piece]) -> Vec<NodeId> {
    let mut out = Vec::new();
    let roots = pieces.iter().flat_map(|p| match p {
        Piece::Node(n) => std::slice::from_ref(n).to_vec(),
        Piece::Run(ns) => ns.clone(),
    });
    for root in roots {
        let mut walk = dom.descendants(root);
        while let Some(n) = walk.next() {
            if !prep.kept[n.index()] {
                walk.skip_subtree(n);
                continue;
            }
            out.push(n);
        }
    }
    out
}

struct Cleaner<'a> {
    dom: &'a Dom,
    prep: &'a Prep,
    scores: &'a Scores,
    flags: Flags,
    dropped: Vec<bool>,
    data_table: Vec<bool>,
    nodes: Vec<NodeId>,
}

/// What a block holds, its dropped parts left out.
#[derive(Default)]
struct Measure {
    text: u32,
    links: f64,
    commas: usize,
    paragraphs: usize,
    images: usize,
    items: usize,
    inputs: usize,
    embeds: usize,
    video_embed: bool,
    heading_text: u32,
    list_text: u32,
    textish_text: u32,
    data_table_inside: bool,
}

impl Cleaner<'_> {
    fn gone(&self, n: NodeId) -> bool {
        self.dropped[n.index()] || self.dom.ancestors(n).any(|a| self.dropped[a.index()])
    }

    fn drop_where(&mut self, decide: impl Fn(&Self, NodeId) -> bool) {
        for i in 0..self.nodes.len() {
            let n = self.nodes[i];
            if self.dom.element(n).is_some() && !self.gone(n) && decide(self, n) {
                self.dropped[n.index()] = true;
            }
        }
    }

    fn embeds_video(&self, n: NodeId) -> bool {
        let Some(el) = self.dom.element(n) else {
            return false;
        };
        let is_embed = matches!(&*el.name, "object" | "embed" | "iframe");
        is_embed
            && (el.attrs.iter().any(|a| is_video_url(&a.value))
                || (el.is("object")
                    && self.dom.descendants(n).any(|d| {
                        self.dom
                            .element(d)
                            .is_some_and(|e| e.attrs.iter().any(|a| is_video_url(&a.value)))
                    })))
    }

    /// The text of a block's kept parts (without scripts, hidden or dropped blocks).
    fn kept_text(&self, root: NodeId) -> String {
        let mut out = String::new();
        let mut walk = self.dom.descendants(root);
        while let Some(n) = walk.next() {
            if !self.prep.kept[n.index()] || self.dropped[n.index()] {
                walk.skip_subtree(n);
            } else if let Some(t) = self.dom.text(n) {
                out.push_str(t);
            }
        }
        out
    }

    /// Drops the elements of one kind that look like something other than content, innermost
    /// first, so an outer block is judged without what was already dropped inside it.
    fn conditionally(&mut self, tag: &str) {
        if !self.flags.clean_conditionally {
            return;
        }
        let targets: Vec<NodeId> = self
            .nodes
            .iter()
            .copied()
            .filter(|&n| self.dom.is(n, tag) && self.plays(n, tag))
            .collect();
        for &n in targets.iter().rev() {
            if !self.gone(n) && self.should_drop(n, tag) {
                self.dropped[n.index()] = true;
            }
        }
    }

    /// A div read as a paragraph, or a wrapper replaced by its paragraph, is no longer a div.
    fn plays(&self, n: NodeId, tag: &str) -> bool {
        tag != "div"
            || (effective_tag(self.dom, self.scores, n) == "div"
                && self.scores.div_role[n.index()] != DivRole::Wrapper)
    }

    fn should_drop(&self, n: NodeId, tag: &str) -> bool {
        let dom = self.dom;
        if tag == "table" && self.data_table[n.index()] {
            return false;
        }
        if dom.ancestors(n).any(|a| self.data_table[a.index()])
            || dom
                .ancestors(n)
                .take(PROTECTING_ANCESTOR_DEPTH)
                .any(|a| dom.is(a, "code"))
        {
            return false;
        }
        let m = self.measure(n);
        if m.data_table_inside {
            return false;
        }
        let is_list = tag == "ul"
            || tag == "ol"
            || (m.text > 0 && f64::from(m.list_text) / f64::from(m.text) > LIST_SHARE);
        let weight = class_weight(dom, n, self.flags);
        if weight < 0.0 {
            return true;
        }
        if m.commas >= PROSE_COMMAS {
            return false;
        }
        if m.video_embed {
            return false;
        }
        if m.text < MAX_PLACEHOLDER_CHARS && is_placeholder(&self.kept_text(n)) {
            return true;
        }
        let in_figure = dom
            .ancestors(n)
            .take(PROTECTING_ANCESTOR_DEPTH)
            .any(|a| dom.is(a, "figure"));
        let density = |part: f64| {
            if m.text == 0 {
                0.0
            } else {
                part / f64::from(m.text)
            }
        };
        let link_density = density(m.links);
        let heading_density = density(f64::from(m.heading_text));
        let text_density = density(f64::from(m.textish_text));
        let (p, img, li, input) = (
            m.paragraphs as f64,
            m.images as f64,
            m.items as f64 - 100.0,
            m.inputs as f64,
        );
        let shady = (!in_figure && img > 1.0 && p / img < 0.5)
            || (!is_list && li > p)
            || (input > (p / 3.0).floor())
            || (!is_list
                && !in_figure
                && heading_density < HEADING_GROUP_DENSITY
                && m.text < MIN_BLOCK_CHARS
                && (m.images == 0 || m.images > 2)
                && link_density > 0.0)
            || (!is_list && weight < POSITIVE_WEIGHT && link_density > MAX_LINK_DENSITY)
            || (weight >= POSITIVE_WEIGHT && link_density > MAX_LINK_DENSITY_POSITIVE)
            || ((m.embeds == 1 && m.text < MIN_EMBED_CONTEXT_CHARS) || m.embeds > 1)
            || (m.images == 0 && text_density == 0.0);
        if is_list && shady {
            // A simple list of images (each item one image) is a gallery: keep it.
            let simple = dom
                .child_elements(n)
                .filter(|&c| !self.gone(c))
                .all(|c| dom.child_elements(c).filter(|&g| !self.gone(g)).count() <= 1);
            return !(simple && m.images == m.items);
        }
        shady
    }

    /// Measures a block in one walk, with a stack of open elements so that each element's text
    /// is known when it closes.
    fn measure(&self, root: NodeId) -> Measure {
        let dom = self.dom;
        let mut m = Measure::default();
        let mut open: Vec<(NodeId, TextLen)> = Vec::new();
        let close = |m: &mut Measure, open: &mut Vec<(NodeId, TextLen)>| {
            let Some((id, text)) = open.pop() else { return };
            let len = text.get();
            if let Some(parent) = open.last_mut() {
                parent.1 = parent.1.then(text);
            } else {
                m.text = len;
                return;
            }
            let tag = dom.tag(id).unwrap_or("");
            if TEXTISH_TAGS.contains(&tag) {
                m.textish_text += len;
            }
            match tag {
                "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => m.heading_text += len,
                "ul" | "ol" => m.list_text += len,
                "a" => {
                    let in_page = dom.attr(id, "href").is_some_and(|h| h.starts_with('#'));
                    m.links += f64::from(len) * if in_page { 0.3 } else { 1.0 };
                }
                _ => {}
            }
        };
        let mut walk = dom.descendants(root);
        while let Some(n) = walk.next() {
            if n != root && (!self.prep.kept[n.index()] || self.dropped[n.index()]) {
                walk.skip_subtree(n);
                continue;
            }
            while open
                .last()
                .is_some_and(|&(top, _)| Some(top) != dom.parent(n))
                && n != root
            {
                close(&mut m, &mut open);
            }
            match dom.data(n) {
                NodeData::Text(t) => {
                    if let Some(top) = open.last_mut() {
                        top.1 = top.1.then(TextLen::of(t));
                    }
                    m.commas += comma_count(t);
                }
                NodeData::Element(el) => {
                    if n != root {
                        match &*el.name {
                            "p" => m.paragraphs += 1,
                            "img" => m.images += 1,
                            "li" => m.items += 1,
                            "input" => m.inputs += 1,
                            "object" | "embed" | "iframe" => {
                                if el.attrs.iter().any(|a| is_video_url(&a.value)) {
                                    m.video_embed = true;
                                }
                                m.embeds += 1;
                            }
                            "table" if self.data_table[n.index()] => m.data_table_inside = true,
                            _ => {}
                        }
                    }
                    open.push((n, TextLen::default()));
                }
                _ => {}
            }
        }
        while !open.is_empty() {
            close(&mut m, &mut open);
        }
        m
    }
}

fn is_video_url(value: &str) -> bool {
    let v = value.to_ascii_lowercase();
    VIDEO_HOSTS.iter().any(|h| v.contains(h))
}

fn is_placeholder(text: &str) -> bool {
    let t = text.trim().to_lowercase();
    PLACEHOLDER_WORDS.contains(&t.as_str())
}

/// Tables that hold data (kept whole) rather than lay out a page (judged like any block).
fn is_data_table(dom: &Dom, table: NodeId) -> bool {
    if dom.attr(table, "role") == Some("presentation") || dom.attr(table, "datatable") == Some("0")
    {
        return false;
    }
    if dom.attr(table, "summary").is_some_and(|s| !s.is_empty()) {
        return true;
    }
    let (mut rows, mut columns) = (0u32, 0u32);
    let (mut marked, mut nested) = (false, false);
    for n in dom.descendants(table).skip(1) {
        match dom.tag(n) {
            Some("caption") if dom.first_child(n).is_some() => marked = true,
            Some("col" | "colgroup" | "tfoot" | "thead" | "th") => marked = true,
            Some("table") => nested = true,
            Some("tr") => {
                rows += span(dom, n, "rowspan");
                let cols: u32 = dom
                    .child_elements(n)
                    .filter(|&c| dom.is(c, "td"))
                    .map(|c| span(dom, c, "colspan"))
                    .sum();
                columns = columns.max(cols);
            }
            _ => {}
        }
    }
    // Header cells and captions are only written for data; a table in a table is layout.
    if marked {
        return true;
    }
    if nested || rows == 1 || columns == 1 {
        return false;
    }
    rows >= DATA_TABLE_ROWS || columns > DATA_TABLE_COLUMNS || rows * columns > DATA_TABLE_CELLS
}

fn span(dom: &Dom, id: NodeId, attr: &str) -> u32 {
    dom.attr(id, attr)
        .and_then(|v| v.trim().parse::<u32>().ok())
        .filter(|&v| v > 0)
        .unwrap_or(1)
        .min(1000)
}

//! Cleaning the chosen article: what sits inside it but is not part of it (embeds, asides,
//! share bars, link lists, forms, image galleries of ads). Nothing is removed from the page:
//! the result is a side table of dropped nodes that the output skips.

use crate::dom::{Dom, NodeData, NodeId};

use super::prep::{Prep, TextLen};
use super::score::{class_weight, effective_tag, DivRole, Piece, Scores};
use super::Flags;

/// Dropped wherever they are in the article, unless they embed a video.
const ALWAYS_DROPPED: &[&str] = &["object", "embed", "footer", "link", "aside"];
/// Form controls: the reader view is not a form.
const CONTROLS: &[&str] = &["iframe", "input", "textarea", "select", "button"];
/// Share bars are short; a long block that mentions sharing is content.
const MAX_SHARE_BAR_CHARS: u32 = 500;
/// Text with this many commas is prose, whatever else it holds.
const PROSE_COMMAS: u32 = 10;
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
    let nodes = article_nodes(dom, prep, pieces);
    let mut pos = vec![NOT_IN_ARTICLE; dom.len()];
    for (i, n) in nodes.iter().enumerate() {
        pos[n.index()] = i as u32;
    }
    let mut c = Cleaner {
        dom,
        prep,
        scores,
        flags,
        dropped: vec![false; dom.len()],
        data_table: vec![false; dom.len()],
        in_data_table: vec![false; dom.len()],
        nodes,
        pos,
    };
    let below = Below::gather(dom, pieces);
    for &n in &c.nodes {
        if dom.is(n, "table") {
            c.data_table[n.index()] = is_data_table(dom, n, &below);
        }
        // Parents come first in document order, so theirs is known.
        if let Some(p) = dom.parent(n) {
            c.in_data_table[n.index()] = c.data_table[p.index()] || c.in_data_table[p.index()];
        }
    }
    // A block whose whole text is "Advertisement" is an ad slot's label, whatever the flags.
    c.drop_measured(|c, n, m, shorts| {
        matches!(
            effective_tag(c.dom, c.scores, n),
            "div" | "p" | "span" | "section" | "aside"
        ) && m.text < MAX_PLACEHOLDER_CHARS
            && c.is_placeholder(n, m, shorts)
    });
    c.conditionally("form");
    c.conditionally("fieldset");
    c.drop_where(|c, n| {
        let tag = c.dom.tag(n).unwrap_or("");
        (ALWAYS_DROPPED.contains(&tag) || CONTROLS.contains(&tag)) && !c.embeds_video(n)
    });
    c.drop_measured(|c, n, m, _| {
        !pieces.iter().any(|p| p.nodes().contains(&n))
            && c.prep.names.share(n)
            && m.text < MAX_SHARE_BAR_CHARS
    });
    c.drop_where(|c, n| {
        (c.dom.is(n, "h1") || c.dom.is(n, "h2")) && class_weight(c.prep, n, c.flags) < 0.0
    });
    c.conditionally("table");
    c.conditionally("ul");
    c.conditionally("div");
    // A heading over a section left out above (teaser links, a form) would head nothing.
    c.drop_where(Cleaner::heads_nothing);
    Cleaned { dropped: c.dropped }
}

/// Every kept node of the article, in document order.
fn article_nodes(dom: &Dom, prep: &Prep, pieces: &[Piece]) -> Vec<NodeId> {
    let mut out = Vec::new();
    for &root in pieces.iter().flat_map(Piece::nodes) {
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
    prep: &'a Prep<'a>,
    scores: &'a Scores,
    flags: Flags,
    dropped: Vec<bool>,
    data_table: Vec<bool>,
    /// True for nodes with a data table among their ancestors.
    in_data_table: Vec<bool>,
    /// The article's nodes in document order.
    nodes: Vec<NodeId>,
    /// Each node's place in `nodes`, or `NOT_IN_ARTICLE`.
    pos: Vec<u32>,
}

const NOT_IN_ARTICLE: u32 = u32::MAX;
/// Kept text is carried up with a block's measures while it is this short: placeholder words
/// are a few bytes, so a longer text is never one (whitespace aside, which a walk then checks).
const MAX_SHORT_TEXT_BYTES: u32 = 256;

/// What a block holds, its dropped parts left out. Measures combine: a block's are made from its
/// children's, so every block of the article is measured in one bottom-up pass.
#[derive(Clone, Copy, Default)]
struct Measure {
    /// The rendered length, as it combines with neighbours.
    len: TextLen,
    /// The rendered length, trimmed.
    text: u32,
    /// Where the kept text itself is in the pass's short texts, while it is at most
    /// `MAX_SHORT_TEXT_BYTES` long: one buffer for the pass instead of a string per block.
    short: Option<Span>,
    links: f64,
    /// Counts are `u32`, as in wasm32's `usize`: elements are at most `MAX_NODES`, and commas
    /// saturate as the page's own counts do (any count over 10 is prose).
    commas: u32,
    paragraphs: u32,
    images: u32,
    items: u32,
    inputs: u32,
    embeds: u32,
    video_embed: bool,
    heading_text: u32,
    list_text: u32,
    textish_text: u32,
    data_table_inside: bool,
}

impl Cleaner<'_> {
    /// Which article nodes are dropped or inside a dropped block, by place in `nodes`: one pass
    /// in document order instead of a walk up the ancestors of each node.
    fn gone(&self) -> Vec<bool> {
        let mut gone = vec![false; self.nodes.len()];
        for (i, &n) in self.nodes.iter().enumerate() {
            gone[i] = self.dropped[n.index()] || self.parent_pos(n).is_some_and(|p| gone[p]);
        }
        gone
    }

    fn parent_pos(&self, n: NodeId) -> Option<usize> {
        let p = self.dom.parent(n)?;
        let pos = self.pos[p.index()];
        (pos != NOT_IN_ARTICLE).then_some(pos as usize)
    }

    /// A heading (or the wrapper holding only it) whose following blocks, to the end of its
    /// parent, are all left out: "You might also like" over teaser links cleaned away.
    fn heads_nothing(&self, n: NodeId) -> bool {
        let (dom, prep) = (self.dom, self.prep);
        if !matches!(dom.tag(n).map(str::as_bytes), Some([b'h', b'1'..=b'6'])) {
            return false;
        }
        let mut head = n;
        while let Some(p) = dom.parent(head).filter(|&p| {
            self.pos[p.index()] != NOT_IN_ARTICLE && prep.text_len(p) == prep.text_len(n)
        }) {
            head = p;
        }
        let mut left_out = false;
        let mut next = dom.next_sibling(head);
        while let Some(s) = next {
            if prep.kept[s.index()] && prep.text_len(s) > 0 {
                if !self.dropped[s.index()] {
                    return false;
                }
                left_out = true;
            }
            next = dom.next_sibling(s);
        }
        left_out
    }

    /// Drops, in document order, the elements `decide` picks among those not already gone.
    fn drop_where(&mut self, decide: impl Fn(&Self, NodeId) -> bool) {
        let mut gone = self.gone();
        for i in 0..self.nodes.len() {
            let n = self.nodes[i];
            gone[i] = gone[i] || self.parent_pos(n).is_some_and(|p| gone[p]);
            if self.dom.element(n).is_some() && !gone[i] && decide(self, n) {
                self.dropped[n.index()] = true;
                gone[i] = true;
            }
        }
    }

    /// `drop_where`, deciding on measures too. A block is decided before anything inside it, so
    /// its measures, taken before the pass, are what they would be when it is reached; and what
    /// `decide` reads of the page (the kept text of a block) is not changed by the pass either
    /// until the block is decided, so each element's answer is taken while it is measured.
    fn drop_measured(&mut self, decide: impl Fn(&Self, NodeId, &Measure, &str) -> bool) {
        let mut picked = vec![false; self.nodes.len()];
        self.measure(|c, n, m, shorts| {
            picked[c.pos[n.index()] as usize] = decide(c, n, m, shorts);
            false
        });
        self.drop_where(|c, n| picked[c.pos[n.index()] as usize]);
    }

    /// Measures every article element bottom-up (children before parents), asking `drop` about
    /// each once its subtree is measured; what it drops is left out of its ancestors' measures.
    /// Nothing is kept per node: in reverse document order, a block's children are the last
    /// measured before it, so their measures are on top of a stack (the first child on top).
    fn measure(&mut self, mut drop: impl FnMut(&Self, NodeId, &Measure, &str) -> bool) {
        let mut stack = Vec::new();
        let mut shorts = String::new();
        for i in (0..self.nodes.len()).rev() {
            let n = self.nodes[i];
            if self.dom.element(n).is_none() {
                continue;
            }
            let m = self.combine(n, &mut stack, &mut shorts);
            if drop(self, n, &m, &shorts) {
                self.dropped[n.index()] = true;
            }
            stack.push(m);
        }
    }

    /// A block's measures from its kept, undropped children's, which it takes off `stack`. The
    /// children's short texts are the end of `shorts` (last child first); the block's, made of
    /// them in document order, replaces them, so `shorts` holds one text per stacked measure.
    fn combine(&self, n: NodeId, stack: &mut Vec<Measure>, shorts: &mut String) -> Measure {
        let dom = self.dom;
        // The buffer holds at most `MAX_SHORT_TEXT_BYTES` per stacked measure: a `u32` indexes it.
        let start = shorts.len() as u32;
        let mut children_start = start;
        let mut m = Measure {
            short: Some(Span { start, len: 0 }),
            ..Measure::default()
        };
        let mut len = TextLen::default();
        let mut taken = 0;
        for c in dom.children(n) {
            if !self.prep.kept[c.index()] {
                continue;
            }
            match dom.data(c) {
                NodeData::Text(t) => {
                    if self.dropped[c.index()] {
                        continue;
                    }
                    len = len.then(self.prep.text[c.index()]);
                    m.commas = m.commas.saturating_add(self.prep.commas[c.index()]);
                    if m.grow_short(u32::try_from(t.len()).ok()) {
                        shorts.push_str(t);
                    }
                }
                NodeData::Element(el) => {
                    if self.pos[c.index()] == NOT_IN_ARTICLE {
                        continue;
                    }
                    // Every kept element child of an article node is one, measured already.
                    let Some(inner) = stack.len().checked_sub(taken + 1).map(|i| &stack[i]) else {
                        continue;
                    };
                    taken += 1;
                    if let Some(s) = inner.short {
                        children_start = children_start.min(s.start);
                    }
                    if self.dropped[c.index()] {
                        continue;
                    }
                    len = len.then(inner.len);
                    m.add(inner);
                    if let (true, Some(s)) = (m.grow_short(inner.short.map(|s| s.len)), inner.short)
                    {
                        shorts.extend_from_within(s.range());
                    }
                    // The child itself, as one of the block's elements.
                    let child_len = inner.len.get();
                    let tag = &*el.name;
                    if TEXTISH_TAGS.contains(&tag) {
                        m.textish_text += child_len;
                    }
                    match tag {
                        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => m.heading_text += child_len,
                        "ul" | "ol" => m.list_text += child_len,
                        "a" => {
                            let in_page = el.attr("href").is_some_and(|h| h.starts_with('#'));
                            m.links += f64::from(child_len) * if in_page { 0.3 } else { 1.0 };
                        }
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
                        "table" if self.data_table[c.index()] => m.data_table_inside = true,
                        _ if crate::embed::is_player(el) => m.video_embed = true,
                        _ => {}
                    }
                }
                _ => {}
            }
        }
        stack.truncate(stack.len() - taken);
        match m.short.as_mut() {
            Some(s) => {
                shorts.drain(children_start as usize..start as usize);
                s.start = children_start;
            }
            None => shorts.truncate(children_start as usize),
        }
        m.len = len;
        m.text = len.get();
        m
    }

    /// True when a block's whole kept text is an ad or loading placeholder word.
    fn is_placeholder(&self, n: NodeId, m: &Measure, shorts: &str) -> bool {
        match m.short {
            Some(s) => is_placeholder(&shorts[s.range()]),
            None => is_placeholder(&self.kept_text(n)),
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
        // Without such an element, the pass drops nothing: it need not measure.
        if !self.flags.clean_conditionally || !self.nodes.iter().any(|&n| self.dom.is(n, tag)) {
            return;
        }
        // Nothing dropped in this pass is an ancestor of a block still to decide (innermost
        // first), so what was gone when it started is what is gone when a block is reached.
        let gone = self.gone();
        self.measure(|c, n, m, shorts| {
            c.dom.is(n, tag)
                && c.plays(n, tag)
                && !gone[c.pos[n.index()] as usize]
                && c.should_drop(n, tag, m, shorts)
        });
    }

    /// A div read as a paragraph, or a wrapper replaced by its paragraph, is no longer a div.
    fn plays(&self, n: NodeId, tag: &str) -> bool {
        tag != "div"
            || (effective_tag(self.dom, self.scores, n) == "div"
                && self.scores.div_role[n.index()] != DivRole::Wrapper)
    }

    fn should_drop(&self, n: NodeId, tag: &str, m: &Measure, shorts: &str) -> bool {
        let dom = self.dom;
        if tag == "table" && self.data_table[n.index()] {
            return false;
        }
        if self.in_data_table[n.index()]
            || dom
                .ancestors(n)
                .take(PROTECTING_ANCESTOR_DEPTH)
                .any(|a| dom.is(a, "code"))
        {
            return false;
        }
        if m.data_table_inside {
            return false;
        }
        let is_list = tag == "ul"
            || tag == "ol"
            || (m.text > 0 && f64::from(m.list_text) / f64::from(m.text) > LIST_SHARE);
        let weight = class_weight(self.prep, n, self.flags);
        if weight < 0.0 {
            return true;
        }
        if m.commas >= PROSE_COMMAS {
            return false;
        }
        if m.video_embed {
            return false;
        }
        if m.text < MAX_PLACEHOLDER_CHARS && self.is_placeholder(n, m, shorts) {
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
                .filter(|&c| !self.dropped[c.index()])
                .all(|c| {
                    dom.child_elements(c)
                        .filter(|&g| !self.dropped[g.index()])
                        .count()
                        <= 1
                });
            return !(simple && m.images == m.items);
        }
        shady
    }
}

impl Measure {
    /// Adds what another block holds (its inner counts; not the block itself).
    fn add(&mut self, o: &Measure) {
        self.links += o.links;
        self.commas = self.commas.saturating_add(o.commas);
        self.paragraphs += o.paragraphs;
        self.images += o.images;
        self.items += o.items;
        self.inputs += o.inputs;
        self.embeds += o.embeds;
        self.video_embed |= o.video_embed;
        self.heading_text += o.heading_text;
        self.list_text += o.list_text;
        self.textish_text += o.textish_text;
        self.data_table_inside |= o.data_table_inside;
    }

    /// Makes room for `len` more bytes of short text (`None`: a text that is not short), and
    /// says whether the caller is to append them; once too long, the short text is `None`.
    fn grow_short(&mut self, len: Option<u32>) -> bool {
        match (self.short.as_mut(), len) {
            (Some(s), Some(len)) if s.len + len <= MAX_SHORT_TEXT_BYTES => {
                s.len += len;
                true
            }
            _ => {
                self.short = None;
                false
            }
        }
    }
}

/// A block's short text: where it starts in the pass's buffer, and its length in bytes.
#[derive(Clone, Copy, Default)]
struct Span {
    start: u32,
    len: u32,
}

impl Span {
    fn range(self) -> std::ops::Range<usize> {
        self.start as usize..(self.start + self.len) as usize
    }
}

/// A known provider's player: the article's video or audio, not an ad frame.
fn is_video_url(value: &str) -> bool {
    crate::embed::is_player_url(value)
}

fn is_placeholder(text: &str) -> bool {
    let t = text.trim().to_lowercase();
    PLACEHOLDER_WORDS.contains(&t.as_str())
}

/// What lies below each node of the article's subtrees (all of it, hidden parts included):
/// whether a table, and whether a data table's marks (captions, headers, column groups).
/// Gathered bottom-up once, so nested tables do not each walk everything inside them.
struct Below {
    table: Vec<bool>,
    marked: Vec<bool>,
}

impl Below {
    fn gather(dom: &Dom, pieces: &[Piece]) -> Below {
        let mut b = Below {
            table: vec![false; dom.len()],
            marked: vec![false; dom.len()],
        };
        for root in pieces.iter().flat_map(Piece::nodes) {
            let order: Vec<NodeId> = dom.descendants(*root).collect();
            for &n in order.iter().rev() {
                if n == *root {
                    continue;
                }
                let Some(p) = dom.parent(n) else { continue };
                let marks = match dom.tag(n) {
                    Some("caption") => dom.first_child(n).is_some(),
                    Some("col" | "colgroup" | "tfoot" | "thead" | "th") => true,
                    _ => false,
                };
                b.marked[p.index()] |= marks || b.marked[n.index()];
                b.table[p.index()] |= dom.tag(n) == Some("table") || b.table[n.index()];
            }
        }
        b
    }
}

/// Tables that hold data (kept whole) rather than lay out a page (judged like any block).
fn is_data_table(dom: &Dom, table: NodeId, below: &Below) -> bool {
    if dom.attr(table, "role") == Some("presentation") || dom.attr(table, "datatable") == Some("0")
    {
        return false;
    }
    if dom.attr(table, "summary").is_some_and(|s| !s.is_empty()) {
        return true;
    }
    // Header cells and captions are only written for data; a table in a table is layout.
    if below.marked[table.index()] {
        return true;
    }
    if below.table[table.index()] {
        return false;
    }
    // No table inside: this walk covers nodes no other table's walk does.
    let (mut rows, mut columns) = (0u64, 0u64);
    for n in dom.descendants(table).skip(1) {
        if dom.tag(n) == Some("tr") {
            rows += u64::from(span(dom, n, "rowspan"));
            let cols: u64 = dom
                .child_elements(n)
                .filter(|&c| dom.is(c, "td"))
                .map(|c| u64::from(span(dom, c, "colspan")))
                .sum();
            columns = columns.max(cols);
        }
    }
    if rows == 1 || columns == 1 {
        return false;
    }
    rows >= u64::from(DATA_TABLE_ROWS)
        || columns > u64::from(DATA_TABLE_COLUMNS)
        || rows * columns > u64::from(DATA_TABLE_CELLS)
}

fn span(dom: &Dom, id: NodeId, attr: &str) -> u32 {
    dom.attr(id, attr)
        .and_then(|v| v.trim().parse::<u32>().ok())
        .filter(|&v| v > 0)
        .unwrap_or(1)
        .min(1000)
}

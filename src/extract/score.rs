//! Candidate scoring: paragraphs vote for the blocks that hold them, the best-voted block is the
//! article, and its siblings that look like more of the same join it.

use crate::dom::{Dom, NodeData, NodeId};

use super::prep::{Prep, TextLen};
use super::Flags;

/// Elements scored as paragraphs wherever they are.
const PARAGRAPH_TAGS: &[&str] = &["section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre"];
/// Elements that may sit inside a paragraph (HTML's phrasing content, less the ones that can
/// also hold blocks, which are checked for their children).
const PHRASING_TAGS: &[&str] = &[
    "abbr", "audio", "b", "bdo", "br", "button", "cite", "code", "data", "datalist", "dfn", "em",
    "embed", "i", "img", "input", "kbd", "label", "mark", "math", "meter", "noscript", "object",
    "output", "progress", "q", "ruby", "samp", "script", "select", "small", "span", "strong",
    "sub", "sup", "textarea", "time", "var", "wbr",
];
/// Phrasing elements only when everything in them is phrasing too.
const PHRASING_IF_CHILDREN_ARE: &[&str] = &["a", "del", "ins"];
/// Paragraphs shorter than this are captions, labels or buttons, and get no vote.
const MIN_PARAGRAPH_CHARS: u32 = 25;
/// Each full 100 characters of a paragraph earns a point, up to this many.
const MAX_LENGTH_POINTS: u32 = 3;
/// A paragraph's vote reaches this many ancestors, shrinking with distance.
const VOTE_DEPTH: usize = 5;
/// How many of the best candidates are compared when looking for a common container.
const TOP_CANDIDATES: usize = 5;
/// A runner-up this close to the best suggests the article is split across blocks.
const CLOSE_RUNNER_UP: f64 = 0.75;
/// When this many close candidates share an ancestor, that ancestor is the article.
const MIN_CLOSE_CANDIDATES: usize = 3;
/// A wrapper div whose only paragraph is mostly links is navigation, not a paragraph.
const MAX_WRAPPED_PARAGRAPH_LINK_DENSITY: f64 = 0.25;
/// A sibling joins the article when it scores at least this share of the article...
const SIBLING_SHARE_OF_TOP: f64 = 0.2;
/// ...and at least this much in absolute terms.
const MIN_SIBLING_SCORE: f64 = 10.0;
/// A paragraph sibling this long with few links joins the article.
const LONG_SIBLING_PARAGRAPH: u32 = 80;
const MAX_SIBLING_LINK_DENSITY: f64 = 0.25;
/// The chosen block holding less than this share of the main landmark's text is one part of it.
const MAIN_PART_SHARE: f64 = 0.5;
/// How far above the chosen block its records are looked for: thread software wraps a post's
/// text in many layers.
const RECORD_CLIMB: usize = 10;
/// Records are at least this many alike blocks...
const MIN_RECORDS: usize = 3;
/// ...whose others hold at least this part of the chosen block's text (a third).
const MIN_OTHER_RECORDS_DIVISOR: u32 = 3;
/// A record with more of its text in links is a teaser or a menu entry.
const MAX_RECORD_LINK_DENSITY: f64 = 0.5;
/// A lead figure's text is a caption and a credit; longer, it is something else.
const MAX_LEAD_CAPTION_CHARS: u32 = 300;

/// A piece of the article: an element, or a run of inline content that sits directly in a block
/// and reads as a paragraph of its own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    Node(NodeId),
    Run(Vec<NodeId>),
}

impl Piece {
    /// The nodes the piece is made of, each read with what is inside it.
    pub fn nodes(&self) -> &[NodeId] {
        match self {
            Piece::Node(n) => std::slice::from_ref(n),
            Piece::Run(ns) => ns,
        }
    }
}

/// How a div is read, which changes how it is scored and cleaned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DivRole {
    /// A block of blocks.
    Container,
    /// No blocks inside: a paragraph.
    Paragraph,
    /// Only wraps one paragraph: it disappears, the paragraph stands in its place.
    Wrapper,
}

pub struct Scores {
    pub score: Vec<f64>,
    pub scored: Vec<bool>,
    pub div_role: Vec<DivRole>,
}

/// The chosen article: the block it was found in and the pieces that make it up.
pub struct Choice {
    pub root: NodeId,
    pub pieces: Vec<Piece>,
    /// The block holds under [`MAIN_PART_SHARE`] of the main landmark around it.
    pub part_of_main: bool,
}

pub fn choose(dom: &Dom, prep: &Prep, flags: Flags) -> (Choice, Scores) {
    let mut s = Scores {
        score: vec![0.0; dom.len()],
        scored: vec![false; dom.len()],
        div_role: vec![DivRole::Container; dom.len()],
    };
    let mut votes: Vec<(NodeId, f64)> = Vec::new();
    for &id in &prep.order {
        let Some(tag) = dom.tag(id) else { continue };
        if tag == "div" {
            let role = div_role(dom, prep, id);
            s.div_role[id.index()] = role;
            match role {
                DivRole::Paragraph => votes.extend(vote(dom, prep, &Piece::Node(id))),
                DivRole::Container => {
                    for piece in pieces_of(dom, prep, id) {
                        if matches!(piece, Piece::Run(_)) {
                            votes.extend(vote(dom, prep, &piece));
                        }
                    }
                }
                DivRole::Wrapper => {}
            }
        } else if PARAGRAPH_TAGS.contains(&tag) {
            votes.extend(vote(dom, prep, &Piece::Node(id)));
        }
    }
    // Votes are cast after every div's role is known: a wrapper's paragraph votes past it.
    let mut candidates = Vec::new();
    for (first, points) in votes {
        let ancestors = ancestors_for_vote(dom, prep, &s, first);
        for (level, &a) in ancestors.iter().enumerate() {
            if !s.scored[a.index()] {
                s.scored[a.index()] = true;
                s.score[a.index()] = initial_score(dom, prep, &s, a, flags);
                candidates.push(a);
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f64 * 3.0,
            };
            s.score[a.index()] += points / divider;
        }
    }
    // Blocks made mostly of links (menus, link lists) keep only their non-link share.
    for &c in &candidates {
        s.score[c.index()] *= 1.0 - prep.link_density(c);
    }
    let candidates = best_scored(&candidates, &s.score, TOP_CANDIDATES);

    let body = prep.body;
    let Some(&first) = candidates.first().filter(|&&c| c != body) else {
        return (
            Choice {
                root: body,
                pieces: vec![Piece::Node(body)],
                part_of_main: false,
            },
            s,
        );
    };
    let mut top = refine_top(dom, prep, &mut s, &candidates, first, body, flags);
    if let Some(records) = records_around(dom, prep, top) {
        top = records;
        ensure_scored(dom, prep, &mut s, top, flags);
    }
    let main = main_holding_more(dom, prep, top);
    if let Some(main) = main.filter(|_| flags.widen_to_main) {
        ensure_scored(dom, prep, &mut s, main, flags);
        return (
            Choice {
                root: main,
                pieces: vec![Piece::Node(main)],
                part_of_main: false,
            },
            s,
        );
    }
    let pieces = siblings(dom, prep, &s, top);
    let part_of_main = main.is_some();
    (
        Choice {
            root: top,
            pieces,
            part_of_main,
        },
        s,
    )
}

/// The parent of the records the chosen block is in: a thread's posts, a page's entries, alike
/// blocks (the same element with the same classes) side by side that each hold prose. Each record's paragraphs vote only for the record's
/// own wrappers, so the best record alone wins; together they are the page.
fn records_around(dom: &Dom, prep: &Prep, top: NodeId) -> Option<NodeId> {
    let mut at = top;
    for _ in 0..RECORD_CLIMB {
        let parent = dom
            .parent(at)
            .filter(|&p| p != prep.body && prep.kept[p.index()])?;
        let alike = |c: NodeId| {
            c != at
                && prep.kept[c.index()]
                && dom.tag(c) == dom.tag(at)
                && dom.attr(c, "class") == dom.attr(at, "class")
        };
        let (mut records, mut others_len) = (1, 0);
        for c in dom.child_elements(parent).filter(|&c| alike(c)) {
            let len = prep.text_len(c);
            if len >= MIN_PARAGRAPH_CHARS && prep.link_density(c) < MAX_RECORD_LINK_DENSITY {
                records += 1;
                others_len += len;
            }
        }
        // The nearest records decide: higher up, a page's regions are seldom this alike. Records
        // with a headline of their own are stories one after another (a page that loads the
        // next story as the reader scrolls), not a thread's posts.
        if records >= MIN_RECORDS {
            let enough = others_len >= prep.text_len(top) / MIN_OTHER_RECORDS_DIVISOR;
            let stories = dom
                .child_elements(parent)
                .filter(|&c| alike(c))
                .any(|c| dom.descendants(c).any(|d| dom.is(d, "h1")));
            return (enough && !stories).then_some(parent);
        }
        at = parent;
    }
    None
}

/// The page's own main landmark (`<main>`, `role="main"`) around the chosen block, when the block
/// holds only a small part of its text: the page is made of many parts (a listing's items, a
/// product's facts, a thread's posts) and the landmark says where they all are.
fn main_holding_more(dom: &Dom, prep: &Prep, top: NodeId) -> Option<NodeId> {
    let main = dom
        .ancestors(top)
        .find(|&a| dom.is(a, "main") || dom.attr(a, "role") == Some("main"))
        .filter(|&m| prep.kept[m.index()])?;
    let share = f64::from(prep.text_len(top)) / f64::from(prep.text_len(main).max(1));
    (share < MAIN_PART_SHARE).then_some(main)
}

/// The first node a piece's vote goes to (its parent, or its block for a run) and its points;
/// `None` when the piece is too short to vote.
fn vote(dom: &Dom, prep: &Prep, piece: &Piece) -> Option<(NodeId, f64)> {
    let (len, commas, parent) = match piece {
        Piece::Node(id) => (prep.text_len(*id), prep.commas[id.index()], dom.parent(*id)),
        Piece::Run(nodes) => (
            run_len(prep, nodes),
            nodes
                .iter()
                .fold(0u32, |sum, n| sum.saturating_add(prep.commas[n.index()])),
            nodes.first().and_then(|&n| dom.parent(n)),
        ),
    };
    if len < MIN_PARAGRAPH_CHARS {
        return None;
    }
    let points = 1.0 + f64::from(commas) + 1.0 + f64::from((len / 100).min(MAX_LENGTH_POINTS));
    Some((parent?, points))
}

/// The rendered length of a run of inline nodes, trimmed.
fn run_len(prep: &Prep, nodes: &[NodeId]) -> u32 {
    nodes
        .iter()
        .fold(TextLen::default(), |acc, n| acc.then(prep.text[n.index()]))
        .get()
}

/// The ancestors a vote reaches, starting at `first`: wrapper divs are skipped (they have been
/// replaced by their paragraph), and the walk stops below `<html>`.
fn ancestors_for_vote(dom: &Dom, prep: &Prep, s: &Scores, first: NodeId) -> Vec<NodeId> {
    let mut out = Vec::with_capacity(VOTE_DEPTH);
    let mut at = Some(first);
    while let Some(a) = at {
        if out.len() == VOTE_DEPTH || dom.parent(a).is_none_or(|p| dom.element(p).is_none()) {
            break;
        }
        if !prep.kept[a.index()] && a != prep.body {
            break;
        }
        if !(dom.is(a, "div") && s.div_role[a.index()] == DivRole::Wrapper) {
            out.push(a);
        }
        at = dom.parent(a);
    }
    out
}

/// What a block is worth before any paragraph votes: its kind, and what its names say.
fn initial_score(dom: &Dom, prep: &Prep, s: &Scores, id: NodeId, flags: Flags) -> f64 {
    let tag = effective_tag(dom, s, id);
    let by_tag = match tag {
        "div" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    by_tag + class_weight(prep, id, flags)
}

pub fn class_weight(prep: &Prep, id: NodeId, flags: Flags) -> f64 {
    if flags.weight_classes {
        prep.names.weight(id)
    } else {
        0.0
    }
}

/// The tag a node plays: a div read as a paragraph plays a `p`.
pub fn effective_tag<'a>(dom: &'a Dom, s: &Scores, id: NodeId) -> &'a str {
    match dom.tag(id) {
        Some("div") if s.div_role[id.index()] == DivRole::Paragraph => "p",
        Some(t) => t,
        None => "",
    }
}

fn div_role(dom: &Dom, prep: &Prep, div: NodeId) -> DivRole {
    // One element inside, and no text beside it but the whitespace of indented markup.
    let mut elements = dom.child_elements(div).filter(|&c| prep.kept[c.index()]);
    let only_p = match (elements.next(), elements.next()) {
        (Some(c), None) => dom.is(c, "p"),
        _ => false,
    };
    let only_p = only_p
        && dom
            .children(div)
            .filter(|&c| prep.kept[c.index()])
            .all(|c| dom.element(c).is_some() || dom.text(c).is_some_and(|t| t.trim().is_empty()));
    if only_p && prep.link_density(div) < MAX_WRAPPED_PARAGRAPH_LINK_DENSITY {
        DivRole::Wrapper
    } else if !prep.has_block[div.index()] {
        DivRole::Paragraph
    } else {
        DivRole::Container
    }
}

/// The children of a block as pieces: elements, and runs of inline content between them, split
/// where two or more `<br>`s mark a paragraph break.
pub fn pieces_of(dom: &Dom, prep: &Prep, parent: NodeId) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut run: Vec<NodeId> = Vec::new();
    let flush = |run: &mut Vec<NodeId>, out: &mut Vec<Piece>| {
        while run
            .last()
            .is_some_and(|&n| is_blank(dom, n) || dom.is(n, "br"))
        {
            run.pop();
        }
        if run.iter().any(|&n| !is_blank(dom, n)) {
            out.push(Piece::Run(std::mem::take(run)));
        }
        run.clear();
    };
    let children: Vec<NodeId> = dom
        .children(parent)
        .filter(|&c| prep.kept[c.index()])
        .collect();
    let mut i = 0;
    while i < children.len() {
        let c = children[i];
        if is_phrasing(dom, c) {
            if dom.is(c, "br") && next_is_br(dom, &children[i + 1..]) {
                flush(&mut run, &mut out);
                while i + 1 < children.len()
                    && (dom.is(children[i + 1], "br") || is_blank(dom, children[i + 1]))
                {
                    i += 1;
                }
            } else if !run.is_empty() || !is_blank(dom, c) {
                run.push(c);
            }
        } else {
            flush(&mut run, &mut out);
            if dom.element(c).is_some() {
                out.push(Piece::Node(c));
            }
        }
        i += 1;
    }
    flush(&mut run, &mut out);
    out
}

fn next_is_br(dom: &Dom, rest: &[NodeId]) -> bool {
    rest.iter()
        .find(|&&n| !is_blank(dom, n))
        .is_some_and(|&n| dom.is(n, "br"))
}

fn is_blank(dom: &Dom, id: NodeId) -> bool {
    dom.text(id).is_some_and(|t| t.trim().is_empty())
}

pub fn is_phrasing(dom: &Dom, id: NodeId) -> bool {
    match dom.data(id) {
        NodeData::Text(_) => true,
        NodeData::Element(el) => {
            PHRASING_TAGS.contains(&&*el.name)
                || (PHRASING_IF_CHILDREN_ARE.contains(&&*el.name)
                    && dom.children(id).all(|c| is_phrasing(dom, c)))
        }
        _ => false,
    }
}

/// The `n` best-scored of `candidates`, best first, the first found first among equal scores:
/// what a stable sort would keep, without a sort's code in the wasm.
fn best_scored(candidates: &[NodeId], score: &[f64], n: usize) -> Vec<NodeId> {
    let mut top: Vec<NodeId> = Vec::with_capacity(n + 1);
    for &c in candidates {
        let at = top.partition_point(|t| score[t.index()].total_cmp(&score[c.index()]).is_ge());
        if at < n {
            top.insert(at, c);
            top.truncate(n);
        }
    }
    top
}

/// From the best-scored block, find the block that really holds the article: a common ancestor
/// of several close candidates, or a parent that scores better still.
fn refine_top(
    dom: &Dom,
    prep: &Prep,
    s: &mut Scores,
    top: &[NodeId],
    first: NodeId,
    body: NodeId,
    flags: Flags,
) -> NodeId {
    let mut best = first;
    let best_score = s.score[first.index()];
    let close: Vec<NodeId> = top[1..]
        .iter()
        .copied()
        .filter(|&c| best_score > 0.0 && s.score[c.index()] / best_score >= CLOSE_RUNNER_UP)
        .collect();
    if close.len() >= MIN_CLOSE_CANDIDATES {
        // How many of the close candidates each node holds, counted once for the climb below.
        let mut holds = vec![0u8; dom.len()];
        for a in close.iter().flat_map(|&c| dom.ancestors(c)) {
            holds[a.index()] += 1;
        }
        let mut parent = dom.parent(best);
        while let Some(p) = parent.filter(|&p| p != body && dom.element(p).is_some()) {
            if usize::from(holds[p.index()]) >= MIN_CLOSE_CANDIDATES {
                best = p;
                break;
            }
            parent = dom.parent(p);
        }
    }
    ensure_scored(dom, prep, s, best, flags);

    // Climb while parents keep a good share of the score: the article may be split in blocks.
    let mut last = s.score[best.index()];
    let threshold = last / 3.0;
    let mut parent = dom.parent(best);
    while let Some(p) = parent.filter(|&p| p != body && dom.element(p).is_some()) {
        if !s.scored[p.index()] {
            parent = dom.parent(p);
            continue;
        }
        let score = s.score[p.index()];
        if score < threshold {
            break;
        }
        if score > last {
            best = p;
            break;
        }
        last = score;
        parent = dom.parent(p);
    }
    // A wrapper around the article alone is the article.
    while let Some(p) = dom
        .parent(best)
        .filter(|&p| p != body && dom.element(p).is_some())
    {
        if dom.child_elements(p).count() != 1 {
            break;
        }
        best = p;
    }
    ensure_scored(dom, prep, s, best, flags);
    best
}

fn ensure_scored(dom: &Dom, prep: &Prep, s: &mut Scores, id: NodeId, flags: Flags) {
    if !s.scored[id.index()] {
        s.scored[id.index()] = true;
        s.score[id.index()] = initial_score(dom, prep, s, id, flags);
    }
}

/// The top block and those of its siblings that read as more of the article.
fn siblings(dom: &Dom, prep: &Prep, s: &Scores, top: NodeId) -> Vec<Piece> {
    let Some(parent) = dom.parent(top).filter(|&p| dom.element(p).is_some()) else {
        return vec![Piece::Node(top)];
    };
    let top_score = s.score[top.index()];
    let threshold = MIN_SIBLING_SCORE.max(top_score * SIBLING_SHARE_OF_TOP);
    let top_class = dom.attr(top, "class").unwrap_or("");
    let wraps_runs = dom.is(parent, "div") && s.div_role[parent.index()] == DivRole::Container;
    let mut out = Vec::new();
    let mut before_top = true;
    for piece in pieces_of(dom, prep, parent) {
        let keep = match &piece {
            Piece::Node(n) if *n == top => {
                before_top = false;
                true
            }
            Piece::Node(n) if before_top && is_lead_figure(dom, prep, *n) => true,
            Piece::Node(n) => {
                let bonus = if !top_class.is_empty() && dom.attr(*n, "class") == Some(top_class) {
                    top_score * SIBLING_SHARE_OF_TOP
                } else {
                    0.0
                };
                (s.scored[n.index()] && s.score[n.index()] + bonus >= threshold)
                    || (effective_tag(dom, s, *n) == "p" && reads_as_paragraph(dom, prep, &[*n]))
            }
            // The top block itself may be inline (`<b><p>…</p></b>`): then it is in a run.
            Piece::Run(nodes) if nodes.contains(&top) => true,
            Piece::Run(nodes) => wraps_runs && reads_as_paragraph(dom, prep, nodes),
        };
        if keep {
            out.push(piece);
        }
    }
    out
}

/// The article's opening picture, just before its body: a `<figure>` with an image and no more
/// text than a caption. It joins the article, caption and credit included.
fn is_lead_figure(dom: &Dom, prep: &Prep, id: NodeId) -> bool {
    dom.is(id, "figure")
        && prep.text_len(id) <= MAX_LEAD_CAPTION_CHARS
        && prep.link_len[id.index()] == 0.0
        && dom
            .descendants(id)
            .any(|d| dom.is(d, "img") || dom.is(d, "picture"))
}

/// A sibling paragraph joins when it is long with few links, or short, link-free and a sentence.
fn reads_as_paragraph(dom: &Dom, prep: &Prep, nodes: &[NodeId]) -> bool {
    let len = run_len(prep, nodes);
    let links: f64 = nodes.iter().map(|n| prep.link_len[n.index()]).sum();
    let density = if len == 0 {
        0.0
    } else {
        links / f64::from(len)
    };
    if len > LONG_SIBLING_PARAGRAPH {
        return density < MAX_SIBLING_LINK_DENSITY;
    }
    let text: String = nodes.iter().map(|&n| dom.text_content(n)).collect();
    let text = text.trim();
    len > 0 && density == 0.0 && (text.contains(". ") || text.ends_with('.'))
}

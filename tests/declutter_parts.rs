//! A part of a page, as the browser sends what a page changed or what its first look at a huge
//! page left out (`tidyread::classify_part`): whole subtrees, their ancestors as partial context.
//! On every corpus page, cut into parts along the way from `<body>` down to the article's block
//! (every block beside that way, and every child of the article's block, a part of its own): no
//! word of the article is lost, and the parts find again what the whole page's analysis removes.
//! And on small pages: what is partial is never removed nor grown into, and an ad in a part of
//! the article goes while the article's paragraphs stay.
//!
//! Corpus: `$TIDYREAD_CORPUS`, else `../shared/corpus/readability` beside the crate.

#[allow(dead_code)]
#[path = "common/corpus.rs"]
mod corpus;
#[allow(dead_code)]
#[path = "common/f1.rs"]
mod f1;

use std::collections::HashSet;

use tidyread::dom::snapshot::{decode, encode_part};
use tidyread::dom::{Dom, LayoutFlags, NodeId};
use tidyread::{ClutterKind, Options, Removal, WholePage};

/// The share of the whole page's removals that its parts find again, over the corpus: a floor
/// (measured: 686 of 726, 94.5%; the rest are mostly blocks that grew past their part's root
/// on the whole page, and are found smaller).
const MIN_FOUND_SHARE: f64 = 0.94;

/// Runs the part of `dom` made of the subtrees of `roots` as the content script would send it,
/// and returns its removals as nodes of `dom`.
fn run_part(dom: &Dom, roots: &[NodeId], whole: &tidyread::Analysis) -> Vec<(NodeId, Removal)> {
    let part = encode_part(dom, roots);
    let copy = decode(&part.snapshot.words, &part.snapshot.strings).expect("a part decodes");
    let region = whole
        .region
        .and_then(|r| part.nodes.iter().position(|&n| n == r))
        .map(|i| NodeId(i as u32));
    let context = WholePage {
        article_found: whole.article.is_ok(),
        region,
    };
    for (i, &n) in part.nodes.iter().enumerate().skip(1) {
        let partial = copy
            .element(NodeId(i as u32))
            .is_some_and(|e| e.layout.has(LayoutFlags::PARTIAL));
        let is_context = !roots.iter().any(|&r| dom.contains(r, n));
        assert_eq!(
            partial, is_context,
            "node {n:?}: partial exactly when it is context"
        );
    }
    tidyread::classify_part(&copy, context, &Options::default())
        .into_iter()
        .map(|r| {
            let copied = copy.element(r.node).expect("removals are elements");
            assert!(
                !copied.layout.has(LayoutFlags::PARTIAL),
                "a partial element was removed"
            );
            (part.nodes[r.node.index()], r)
        })
        .collect()
}

/// The parts along the way from `<body>` to `block`: every child beside the way, and every child
/// of `block`.
fn parts_to(dom: &Dom, block: NodeId) -> Vec<NodeId> {
    let mut way: Vec<NodeId> = std::iter::once(block).chain(dom.ancestors(block)).collect();
    way.reverse();
    let body = dom.body().expect("a body");
    let from = way.iter().position(|&n| n == body).unwrap_or(way.len());
    let mut roots = Vec::new();
    for pair in way[from..].windows(2) {
        roots.extend(dom.child_elements(pair[0]).filter(|&c| c != pair[1]));
    }
    roots.extend(dom.child_elements(block));
    roots
}

fn words(dom: &Dom, nodes: impl Iterator<Item = NodeId>) -> usize {
    nodes
        .filter_map(|n| dom.text(n))
        .map(|t| t.split_whitespace().count())
        .sum()
}

#[test]
fn parts_of_corpus_pages_keep_the_article_and_find_its_clutter() {
    let pages = corpus::pages(&corpus::corpus_dir()).unwrap();
    assert!(pages.len() >= 100, "the corpus is there");
    let (mut whole_count, mut found_count) = (0usize, 0usize);
    let mut losses = Vec::new();
    for page in &pages {
        let Ok(dom) = tidyread::parse_html(&page.source().unwrap()) else {
            continue;
        };
        let whole = tidyread::analyze(&dom, &Options::default());
        let Some(block) = whole.region else { continue };
        let article: HashSet<NodeId> = whole
            .article
            .as_ref()
            .map(|a| a.text_nodes.iter().copied().collect())
            .unwrap_or_default();
        let removed: HashSet<NodeId> = whole.removals.iter().map(|r| r.node).collect();
        let mut found = HashSet::new();
        for root in parts_to(&dom, block) {
            for (node, removal) in run_part(&dom, &[root], &whole) {
                let lost = words(&dom, dom.descendants(node).filter(|d| article.contains(d)));
                if lost > 0 {
                    losses.push(format!(
                        "{}: {lost} words in {:?}",
                        page.name, removal.reason
                    ));
                }
                if removed.contains(&node) {
                    found.insert(node);
                }
            }
        }
        whole_count += removed.len();
        found_count += found.len();
    }
    assert!(losses.is_empty(), "parts removed article text: {losses:#?}");
    let share = found_count as f64 / whole_count as f64;
    println!(
        "parts found {found_count} of the {whole_count} blocks the whole pages remove ({share:.3})"
    );
    assert!(
        share >= MIN_FOUND_SHARE,
        "parts found {share:.3} of the whole pages' removals"
    );
}

const PROSE: &str = "<p>The council met on Tuesday to weigh the new budget, which trims road repairs and adds money for libraries across the county.</p>\
    <p>Residents spoke for two hours, most of them about the bus routes that the plan would cut in the northern suburbs next spring.</p>\
    <p>The vote was postponed to next month, when the finance committee will bring a revised proposal with fewer cuts to transit.</p>";

fn page(body: &str) -> Dom {
    tidyread::parse_html(
        format!(
            "<!DOCTYPE html><html><head><title>Council</title></head><body>{body}</body></html>"
        )
        .as_bytes(),
    )
    .unwrap()
}

fn by_id(dom: &Dom, id: &str) -> NodeId {
    dom.descendants(NodeId::ROOT)
        .find(|&n| dom.attr(n, "id") == Some(id))
        .unwrap_or_else(|| panic!("no #{id}"))
}

#[test]
fn a_slot_added_to_the_article_goes_and_a_paragraph_added_stays() {
    let dom = page(&format!(
        "<main><article id=article><h1>Council</h1>{PROSE}{PROSE}\
         <div id=slot class=x7f><span>Advertisement</span><iframe src=https://ads.example/f></iframe></div>\
         <p id=late>A paragraph the page added later, which is as much the article as the rest of it is, and stays.</p>\
         </article></main>"
    ));
    let whole = tidyread::analyze(&dom, &Options::default());
    let slot = by_id(&dom, "slot");
    assert!(whole.region.is_some_and(|r| dom.contains(r, slot)));
    let removed = run_part(&dom, &[slot], &whole);
    assert_eq!(removed.len(), 1, "{removed:?}");
    assert_eq!(removed[0].0, slot);
    assert_eq!(removed[0].1.kind, ClutterKind::Ad);
    assert_eq!(run_part(&dom, &[by_id(&dom, "late")], &whole), []);
}

#[test]
fn a_partial_element_is_never_removed_nor_grown_into() {
    // On the whole page the label's slot grows into its wrapper, which holds nothing else.
    let dom = page(&format!(
        "<div id=article>{PROSE}</div><div id=wrap><div id=slot><span>Advertisement</span><iframe src=https://ads.example/f></iframe></div></div>"
    ));
    let whole = tidyread::analyze(&dom, &Options::default());
    let wrap = by_id(&dom, "wrap");
    assert_eq!(
        whole.removals.iter().map(|r| r.node).collect::<Vec<_>>(),
        [wrap]
    );
    // As a part whose context is the wrapper (the page may hold more in it than was sent), the
    // block stops below it.
    let removed = run_part(&dom, &[by_id(&dom, "slot")], &whole);
    assert_eq!(
        removed.iter().map(|(n, _)| *n).collect::<Vec<_>>(),
        [by_id(&dom, "slot")]
    );
}

#[test]
fn outside_the_article_a_part_is_judged_as_on_the_whole_page() {
    let dom = page(&format!(
        "<div id=article>{PROSE}</div>\
         <aside id=side><div id=trending><h3>Trending</h3><ul>\
         <li><a href=/a>Harbour wall repairs will take a year, engineers say</a></li>\
         <li><a href=/b>School wins the regional science prize for the second time</a></li>\
         <li><a href=/c>New bakery opens on the market square next to the town hall</a></li>\
         <li><a href=/d>Ferry timetable changes from next month on every route</a></li>\
         </ul></div></aside>"
    ));
    let whole = tidyread::analyze(&dom, &Options::default());
    assert!(whole.article.is_ok());
    let on_whole: Vec<NodeId> = whole.removals.iter().map(|r| r.node).collect();
    assert!(
        !on_whole.is_empty(),
        "the whole page's analysis removes the list"
    );
    // The article is elsewhere: the part knows the page has one, and the list is not its text.
    let in_part: Vec<NodeId> = run_part(&dom, &[by_id(&dom, "trending")], &whole)
        .into_iter()
        .map(|(n, _)| n)
        .collect();
    assert_eq!(in_part, [by_id(&dom, "trending")]);
    assert!(on_whole.iter().all(|&w| dom.contains(w, in_part[0])));
}

#[test]
fn a_label_written_into_an_empty_slot_of_the_article_goes() {
    // The page writes "Anzeige" into a slot it left empty; the part sent is that slot alone,
    // under the article as partial context. The label is all the part holds of the article.
    let body = |label: &str| {
        page(&format!(
            "<header class=h1j2k><a href=/>Fördeblatt</a></header><main><article id=story class=k3j4h>\
             <h1>Fähre</h1>{PROSE}{PROSE}<div class=a7s8d id=slot>{label}</div>{PROSE}</article></main>"
        ))
    };
    let before = body("");
    let whole = tidyread::analyze(&before, &Options::default());
    assert!(whole.article.is_ok());
    let after = body("Anzeige");
    let slot = by_id(&after, "slot");
    let removed = run_part(&after, &[slot], &whole);
    assert_eq!(removed.len(), 1, "{removed:?}");
    assert_eq!(removed[0].0, slot);
    assert_eq!(removed[0].1.kind, ClutterKind::Ad);
}

//! The seed fixture, cleaned as `tidyread clean` cleans it: every piece of clutter gone, every
//! article paragraph still there.

use std::collections::HashSet;

use tidyread::dom::{serialize, Dom, NodeData, NodeId};
use tidyread::{ClutterKind, Options, Removal};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seed-townhall");

struct Expected {
    title: String,
    paragraphs: Vec<String>,
    caption: String,
    clutter: Vec<String>,
}

fn expected() -> Expected {
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(format!("{FIXTURE}/expected.json")).unwrap())
            .unwrap();
    let strings = |key: &str| -> Vec<String> {
        json[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_owned())
            .collect()
    };
    Expected {
        title: json["title"].as_str().unwrap().to_owned(),
        paragraphs: strings("paragraphs"),
        caption: json["caption"].as_str().unwrap().to_owned(),
        clutter: strings("clutter"),
    }
}

fn page() -> Dom {
    tidyread::parse_html(&std::fs::read(format!("{FIXTURE}/page.html")).unwrap()).unwrap()
}

/// The visible text of the page as `clean` writes it: serialised without the removed blocks,
/// parsed again, scripts and styles left out, whitespace collapsed.
fn cleaned_text(dom: &Dom, removals: &[Removal]) -> String {
    let removed: HashSet<NodeId> = removals.iter().map(|r| r.node).collect();
    let html = serialize::to_html(dom, |id| removed.contains(&id));
    let again = tidyread::parse_html(html.as_bytes()).unwrap();
    let mut text = String::new();
    let mut walk = again.descendants(NodeId::ROOT);
    while let Some(id) = walk.next() {
        match again.data(id) {
            NodeData::Element(e) if matches!(&*e.name, "script" | "style" | "head") => {
                walk.skip_subtree(id)
            }
            NodeData::Text(t) => {
                text.push_str(t);
                text.push(' ');
            }
            _ => {}
        }
    }
    tidyread::text::normalize_space(&text)
}

fn check(dom: &Dom, removals: &[Removal], mode: &str) {
    let want = expected();
    let text = cleaned_text(dom, removals);
    let left: Vec<&String> = want
        .clutter
        .iter()
        .filter(|c| text.contains(c.as_str()))
        .collect();
    let lost: Vec<&String> = want
        .paragraphs
        .iter()
        .filter(|p| !text.contains(&tidyread::text::normalize_space(p)))
        .collect();
    let report: Vec<String> = removals
        .iter()
        .map(|r| format!("  {:?} {}: {}", r.kind, r.reason, r.excerpt))
        .collect();
    assert!(
        left.is_empty() && lost.is_empty(),
        "{mode}: clutter left {left:?}, paragraphs lost {lost:?}\nremovals:\n{}",
        report.join("\n")
    );
    assert!(text.contains(&want.title), "{mode}: title lost");
    assert!(text.contains(&want.caption), "{mode}: photo credit lost");
    // Tipsheet is the site's section label: navigation stays on the live page.
    assert!(
        text.contains("Tipsheet"),
        "{mode}: the section label is navigation, not clutter"
    );

    let kinds: HashSet<ClutterKind> = removals.iter().map(|r| r.kind).collect();
    for kind in [
        ClutterKind::Ad,
        ClutterKind::TrendingList,
        ClutterKind::Recommended,
        ClutterKind::Promo,
        ClutterKind::Newsletter,
        ClutterKind::ShareBar,
        ClutterKind::ConsentBanner,
    ] {
        assert!(kinds.contains(&kind), "{mode}: no {kind:?} found");
    }
    let trending = removals
        .iter()
        .find(|r| r.kind == ClutterKind::TrendingList)
        .unwrap();
    assert!(
        trending.excerpt.starts_with("Trending The Globalist"),
        "{mode}: the trending box goes whole, with its heading"
    );
    let ads = removals
        .iter()
        .filter(|r| r.kind == ClutterKind::Ad)
        .count();
    assert!(
        ads >= 6,
        "{mode}: {ads} ad slots, expected the leaderboard, 3 in the article and 3 in the rail"
    );

    for r in removals {
        assert!(
            !matches!(dom.tag(r.node), Some("html" | "head" | "body")),
            "{mode}: removed the page frame"
        );
        for o in removals {
            assert!(
                o.node == r.node || !dom.contains(o.node, r.node),
                "{mode}: {:?} inside {:?}",
                r.node,
                o.node
            );
        }
    }
}

#[test]
fn seed_cleaned_through_analyze() {
    let dom = page();
    let analysis = tidyread::analyze(&dom, &Options::default());
    check(&dom, &analysis.removals, "analyze");
}

#[test]
fn seed_cleaned_without_an_article() {
    let dom = page();
    let removals = tidyread::declutter::classify(&dom, None, &Options::default());
    check(&dom, &removals, "no article");
}

#[test]
fn seed_article_text_nodes_are_never_removed() {
    let dom = page();
    let options = Options::default();
    let Ok(article) = tidyread::extract(&dom, &options) else {
        panic!("extraction finds no article in the seed fixture");
    };
    let removals = tidyread::declutter::classify(&dom, Some((&article).into()), &options);
    for &t in &article.text_nodes {
        for r in &removals {
            assert!(
                !dom.contains(r.node, t),
                "article text {:?} inside removal {r:?}",
                dom.text(t)
            );
        }
    }
}

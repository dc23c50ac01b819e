//! Clutter inside and beside the article, and the near misses that must stay: every folder of
//! `tests/fixtures/clutter/` is a page (`page.html`) and what must become of it
//! (`expected.json`): each `clutter` text is gone from the reader view and sits in a removal of
//! its kind on the live page; each `keep` text (the near miss, and the start of every article
//! paragraph) is in the reader view and in no removal. Both doors: the page as html5ever parses
//! it, and as the browser's snapshot carries it.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use tidyread::dom::{snapshot, Dom, NodeData, NodeId};
use tidyread::{Analysis, ClutterKind, Options};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/clutter");

#[derive(Deserialize)]
struct Expected {
    lang: String,
    clutter: Vec<Clutter>,
    keep: Vec<String>,
}

#[derive(Deserialize)]
struct Clutter {
    /// As the removals name it: "ad", "trending_list".
    kind: String,
    text: String,
}

fn kind_name(kind: ClutterKind) -> String {
    serde_json::to_value(kind)
        .unwrap()
        .as_str()
        .unwrap()
        .to_owned()
}

fn fixtures() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(FIXTURES)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("page.html").is_file())
        .collect();
    dirs.sort();
    dirs
}

fn expected(dir: &Path) -> Expected {
    let json = std::fs::read_to_string(dir.join("expected.json")).unwrap();
    serde_json::from_str(&json).unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
}

/// The text nodes holding `needle`, whitespace collapsed.
fn text_nodes_with(dom: &Dom, needle: &str) -> Vec<NodeId> {
    let needle = tidyread::text::normalize_space(needle);
    dom.descendants(NodeId::ROOT)
        .filter(|&n| match dom.data(n) {
            NodeData::Text(t) => tidyread::text::normalize_space(t).contains(&needle),
            _ => false,
        })
        .collect()
}

/// What is wrong with one page through one door, if anything.
fn problems(dom: &Dom, want: &Expected) -> Vec<String> {
    let options = Options {
        url: Some("https://news.example/2025/03/04/story.html".to_owned()),
        ..Options::default()
    };
    let Analysis {
        article, removals, ..
    } = tidyread::analyze(dom, &options);
    let article = match article {
        Ok(a) => a,
        Err(e) => return vec![format!("no article: {e}")],
    };
    let reader = tidyread::text::normalize_space(&article.text);
    let removed_in = |node: NodeId| removals.iter().find(|r| dom.contains(r.node, node));
    let mut out = Vec::new();
    for c in &want.clutter {
        let text = tidyread::text::normalize_space(&c.text);
        if reader.contains(&text) {
            out.push(format!("{} '{}' is in the reader view", c.kind, c.text));
        }
        let nodes = text_nodes_with(dom, &c.text);
        if nodes.is_empty() {
            out.push(format!("'{}' is not on the page", c.text));
        }
        for n in nodes {
            match removed_in(n) {
                Some(r) if kind_name(r.kind) == c.kind => {}
                Some(r) => out.push(format!(
                    "'{}' removed as {:?} ({}), not {}",
                    c.text, r.kind, r.reason, c.kind
                )),
                None => out.push(format!("{} '{}' stays on the page", c.kind, c.text)),
            }
        }
    }
    for k in &want.keep {
        if !reader.contains(&tidyread::text::normalize_space(k)) {
            out.push(format!("'{k}' is missing from the reader view"));
        }
        for n in text_nodes_with(dom, k) {
            if let Some(r) = removed_in(n) {
                out.push(format!(
                    "'{k}' removed as {:?} ({}): {}",
                    r.kind, r.reason, r.excerpt
                ));
            }
        }
    }
    out
}

fn check_all(via_snapshot: bool) {
    let dirs = fixtures();
    let mut failures = Vec::new();
    for dir in &dirs {
        let want = expected(dir);
        let bytes = std::fs::read(dir.join("page.html")).unwrap();
        let mut dom = tidyread::parse_html(&bytes).unwrap();
        if via_snapshot {
            let snap = snapshot::encode(&dom);
            dom = snapshot::decode(&snap.words, &snap.strings).unwrap();
        }
        let found = problems(&dom, &want);
        if !found.is_empty() {
            let name = dir.file_name().unwrap().to_string_lossy().into_owned();
            failures.push(format!("{name} ({}):\n  {}", want.lang, found.join("\n  ")));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} fixtures fail:\n{}",
        failures.len(),
        dirs.len(),
        failures.join("\n")
    );
}

#[test]
fn fixture_set_is_broad() {
    let all: Vec<Expected> = fixtures().iter().map(|d| expected(d)).collect();
    let clutter = all.iter().filter(|e| !e.clutter.is_empty()).count();
    let near_misses = all.iter().filter(|e| e.clutter.is_empty()).count();
    let mut langs: Vec<&str> = all.iter().map(|e| e.lang.as_str()).collect();
    langs.sort();
    langs.dedup();
    assert!(clutter >= 40, "{clutter} clutter fixtures");
    assert!(near_misses >= 15, "{near_misses} near misses");
    assert!(langs.len() >= 10, "languages: {langs:?}");
}

#[test]
fn clutter_goes_and_prose_stays_natively() {
    check_all(false);
}

#[test]
fn clutter_goes_and_prose_stays_through_the_snapshot() {
    check_all(true);
}

//! Clutter inside and beside the article, and the near misses that must stay, in two sets:
//! - `tests/fixtures/clutter/`: one pattern a page, each folder a page (`page.html`) and what
//!   must become of it (`expected.json`);
//! - `tests/fixtures/clutter-pages/`: whole pages written after real sites' markup (a WordPress
//!   blog, an Arc XP paper, a Next.js app, an AMP page, regional papers and portals in a dozen
//!   languages), each with several kinds of clutter inside and beside the article and near misses
//!   on the same page (`expected.json` names what each near miss is).
//!
//! Each `clutter` text is gone from the reader view and sits in a removal of its kind on the live
//! page; each `keep` text (the start of every article paragraph) and each near miss is in the
//! reader view and in no removal. Both doors: the page as html5ever parses it, and as the
//! browser's snapshot carries it. `CLUTTER_FIXTURE=NAME` runs only the pages whose folder name
//! holds NAME.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use tidyread::dom::{snapshot, Dom, NodeData, NodeId};
use tidyread::{Analysis, ClutterKind, Options};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/clutter");
const PAGES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/clutter-pages");

/// The page's address when the fixture names none.
const DEFAULT_URL: &str = "https://news.example/2025/03/04/story.html";

#[derive(Deserialize)]
struct Expected {
    lang: String,
    /// The page's address (its links to the same site are relative or on this host).
    #[serde(default)]
    url: Option<String>,
    clutter: Vec<Clutter>,
    keep: Vec<String>,
    #[serde(default)]
    near_misses: Vec<NearMiss>,
}

/// Text that looks like clutter and is the article's.
#[derive(Deserialize)]
struct NearMiss {
    /// "pull quote", "an article about advertising".
    what: String,
    text: String,
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

fn fixtures(set: &str) -> Vec<PathBuf> {
    let only = std::env::var("CLUTTER_FIXTURE").unwrap_or_default();
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(set)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("page.html").is_file())
        .filter(|p| p.file_name().unwrap().to_string_lossy().contains(&only))
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
        url: Some(want.url.as_deref().unwrap_or(DEFAULT_URL).to_owned()),
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
    let near_misses = want.near_misses.iter().map(|n| (n.what.as_str(), &n.text));
    for (what, k) in want
        .keep
        .iter()
        .map(|k| ("article text", k))
        .chain(near_misses)
    {
        if !reader.contains(&tidyread::text::normalize_space(k)) {
            out.push(format!("{what} '{k}' is missing from the reader view"));
        }
        let nodes = text_nodes_with(dom, k);
        if nodes.is_empty() {
            out.push(format!("'{k}' is not on the page"));
        }
        for n in nodes {
            if let Some(r) = removed_in(n) {
                out.push(format!(
                    "{what} '{k}' removed as {:?} ({}): {}",
                    r.kind, r.reason, r.excerpt
                ));
            }
        }
    }
    out
}

fn check_all(set: &str, via_snapshot: bool) {
    let dirs = fixtures(set);
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
    let all: Vec<Expected> = fixtures(FIXTURES).iter().map(|d| expected(d)).collect();
    if all.len() < fixtures_in(FIXTURES) {
        return; // CLUTTER_FIXTURE chose some
    }
    let clutter = all.iter().filter(|e| !e.clutter.is_empty()).count();
    let near_misses = all.iter().filter(|e| e.clutter.is_empty()).count();
    let mut langs: Vec<&str> = all.iter().map(|e| e.lang.as_str()).collect();
    langs.sort();
    langs.dedup();
    assert!(clutter >= 40, "{clutter} clutter fixtures");
    assert!(near_misses >= 15, "{near_misses} near misses");
    assert!(langs.len() >= 10, "languages: {langs:?}");
}

/// Whole pages: at least 15, in at least 12 languages, each with several clutter blocks of more
/// than one kind, and a near miss on every page.
#[test]
fn page_set_is_broad() {
    let dirs = fixtures(PAGES);
    if dirs.len() < fixtures_in(PAGES) {
        return;
    }
    let all: Vec<(String, Expected)> = dirs
        .iter()
        .map(|d| {
            (
                d.file_name().unwrap().to_string_lossy().into_owned(),
                expected(d),
            )
        })
        .collect();
    for (name, e) in &all {
        let mut kinds: Vec<&str> = e.clutter.iter().map(|c| c.kind.as_str()).collect();
        kinds.sort();
        kinds.dedup();
        assert!(
            e.clutter.len() >= 4 && kinds.len() >= 3,
            "{name}: {kinds:?}"
        );
        assert!(!e.near_misses.is_empty(), "{name}: no near miss");
    }
    let mut langs: Vec<&str> = all.iter().map(|(_, e)| e.lang.as_str()).collect();
    langs.sort();
    langs.dedup();
    assert!(all.len() >= 15, "{} pages", all.len());
    assert!(langs.len() >= 12, "languages: {langs:?}");
}

/// How many fixtures a set holds, whatever `CLUTTER_FIXTURE` says.
fn fixtures_in(set: &str) -> usize {
    std::fs::read_dir(set)
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().join("page.html").is_file())
        .count()
}

#[test]
fn clutter_goes_and_prose_stays_natively() {
    check_all(FIXTURES, false);
}

#[test]
fn clutter_goes_and_prose_stays_through_the_snapshot() {
    check_all(FIXTURES, true);
}

#[test]
fn whole_pages_lose_their_clutter_and_keep_their_near_misses_natively() {
    check_all(PAGES, false);
}

#[test]
fn whole_pages_lose_their_clutter_and_keep_their_near_misses_through_the_snapshot() {
    check_all(PAGES, true);
}

//! Decluttering never costs article text: on every corpus page, the words of Readability's
//! article (`expected.html`) are still on the cleaned page.
//!
//! Words lost are counted as a multiset: for each word (lower-cased; CJK counted per character),
//! `min(times in expected, times in source) - times on the cleaned page`, summed where positive.
//! The `min` with the source means only what cleaning took away counts, not what Readability
//! changed. A multiset rather than shingles, because Readability re-flows markup (it turns `<br>`
//! runs into paragraphs, unwraps spans), which breaks word sequences without losing words; its
//! weakness, a word lost in the article but still present elsewhere, is covered by the seed
//! fixture's exact paragraph checks.
//!
//! Corpus: `$TIDYREAD_CORPUS`, else `../shared/corpus/readability` beside the crate.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use tidyread::dom::{Dom, NodeData, NodeId};
use tidyread::{ClutterKind, Options, Removal};

/// Pages whose expected article genuinely holds clutter, each with the reason. The test fails
/// when a listed page stops losing words, so the list never outlives its reasons.
const KNOWN_DIVERGENCES: &[(&str, &str)] = &[
    (
        "breitbart",
        "Readability keeps two 'SIGN UP FOR OUR NEWSLETTER' prompts in the article body",
    ),
    (
        "citylab-1",
        "Readability keeps the CityLab Daily newsletter box ('Cities are changing fast…')",
    ),
    (
        "cnn",
        "Readability keeps the 'Related: <link>' lines inside the story",
    ),
    (
        "firefox-nightly-blog",
        "Readability keeps the comment section ('2 comments on…'), clutter unless keep_comments",
    ),
    (
        "lemonde-1",
        "Readability keeps the 'Lire aussi : <link>' line inside the story",
    ),
    (
        "nytimes-2",
        "Readability keeps NYT's 'Advertisement / Continue reading the main story' slot labels",
    ),
];

/// The same without an extracted article (the classifier's careful mode): with one, these blocks
/// are protected because extraction keeps them too.
const KNOWN_DIVERGENCES_WITHOUT_ARTICLE: &[(&str, &str)] = &[
    ("breitbart", "Readability keeps two 'SIGN UP FOR OUR NEWSLETTER' prompts in the article body"),
    ("citylab-1", "Readability keeps the CityLab Daily newsletter box ('Cities are changing fast…')"),
    ("cnn", "Readability keeps the 'Related: <link>' lines inside the story"),
    ("ehow-2", "Readability keeps the label of a Zergnet widget ('Promoted By Zergnet')"),
    ("firefox-nightly-blog", "Readability keeps the comment section ('2 comments on…'), clutter unless keep_comments"),
    ("lemonde-1", "Readability keeps the 'Lire aussi : <link>' line inside the story"),
    ("nytimes-2", "Readability keeps NYT's 'Continue reading the main story' skip links, which sit inside ad slots"),
];

const KINDS: &[(ClutterKind, &str)] = &[
    (ClutterKind::Ad, "ad"),
    (ClutterKind::TrendingList, "trend"),
    (ClutterKind::Recommended, "recom"),
    (ClutterKind::Promo, "promo"),
    (ClutterKind::PaywallPrompt, "paywl"),
    (ClutterKind::Newsletter, "news"),
    (ClutterKind::SponsoredFeed, "spons"),
    (ClutterKind::ShareBar, "share"),
    (ClutterKind::ConsentBanner, "cnsnt"),
    (ClutterKind::Overlay, "ovrly"),
    (ClutterKind::Comments, "comm"),
];

fn corpus_dir() -> PathBuf {
    std::env::var_os("TIDYREAD_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/readability")
        })
}

fn pages() -> Vec<PathBuf> {
    let dir = corpus_dir();
    let mut pages: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("corpus at {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("source.html").is_file() && p.join("expected.html").is_file())
        .collect();
    pages.sort();
    pages
}

/// Words of the visible text, lower-cased, split at every text node as well as at
/// non-alphanumerics; CJK characters count one each.
fn words(dom: &Dom, root: NodeId, removed: &HashSet<NodeId>) -> HashMap<String, u32> {
    let mut out = HashMap::new();
    let mut walk = dom.descendants(root);
    while let Some(id) = walk.next() {
        match dom.data(id) {
            NodeData::Element(e)
                if removed.contains(&id)
                    || matches!(&*e.name, "script" | "style" | "template" | "head") =>
            {
                walk.skip_subtree(id);
            }
            NodeData::Text(t) => {
                let mut word = String::new();
                let mut flush = |w: &mut String| {
                    if !w.is_empty() {
                        *out.entry(std::mem::take(w)).or_insert(0) += 1;
                    }
                };
                for c in t.chars() {
                    if tidyread::text::is_cjk(c) {
                        flush(&mut word);
                        word.push(c);
                        flush(&mut word);
                    } else if c.is_alphanumeric() {
                        word.extend(c.to_lowercase());
                    } else {
                        flush(&mut word);
                    }
                }
                flush(&mut word);
            }
            _ => {}
        }
    }
    out
}

struct PageResult {
    name: String,
    removals: Vec<Removal>,
    /// Per removal: how many of its words the expected article has (for diagnosis).
    took: Vec<u32>,
    lost: u32,
    missing: Vec<String>,
    classify_time: Duration,
}

fn run(page: &Path, with_article: bool) -> PageResult {
    let source = std::fs::read(page.join("source.html")).unwrap();
    let expected = std::fs::read(page.join("expected.html")).unwrap();
    let dom = tidyread::parse_html(&source).unwrap();
    let expected_dom = tidyread::parse_html(&expected).unwrap();
    let options = Options::default();
    let article = if with_article {
        tidyread::extract(&dom, &options).ok()
    } else {
        None
    };
    let start = Instant::now();
    let removals = tidyread::declutter::classify(&dom, article.as_ref().map(Into::into), &options);
    let classify_time = start.elapsed();
    let none = HashSet::new();
    let removed: HashSet<NodeId> = removals.iter().map(|r| r.node).collect();
    let want = words(&expected_dom, NodeId::ROOT, &none);
    let had = words(&dom, NodeId::ROOT, &none);
    let kept = words(&dom, NodeId::ROOT, &removed);
    let mut lost = 0;
    let mut missing = Vec::new();
    for (w, &n) in &want {
        let n = n.min(had.get(w).copied().unwrap_or(0));
        let k = kept.get(w).copied().unwrap_or(0);
        if n > k {
            lost += n - k;
            missing.push(w.clone());
        }
    }
    missing.sort();
    let took = removals
        .iter()
        .map(|r| {
            words(&dom, r.node, &none)
                .iter()
                .map(|(w, &n)| n.min(want.get(w).copied().unwrap_or(0)))
                .sum()
        })
        .collect();
    PageResult {
        name: page.file_name().unwrap().to_string_lossy().into_owned(),
        removals,
        took,
        lost,
        missing,
        classify_time,
    }
}

fn check_corpus(with_article: bool, divergences: &[(&str, &str)]) {
    let mut failures = Vec::new();
    let mut totals: HashMap<ClutterKind, usize> = HashMap::new();
    let mut table = String::new();
    let header: Vec<&str> = KINDS.iter().map(|k| k.1).collect();
    table.push_str(&format!(
        "{:<42} {} {:>6} {:>8}\n",
        "page",
        header.join(" "),
        "lost",
        "µs"
    ));
    let mut total_time = Duration::ZERO;
    let pages = pages();
    for page in &pages {
        let r = run(page, with_article);
        total_time += r.classify_time;
        let mut by_kind = HashMap::new();
        for rm in &r.removals {
            *by_kind.entry(rm.kind).or_insert(0) += 1;
            *totals.entry(rm.kind).or_insert(0) += 1;
        }
        let cells: Vec<String> = KINDS
            .iter()
            .map(|(k, h)| format!("{:>w$}", by_kind.get(k).copied().unwrap_or(0), w = h.len()))
            .collect();
        table.push_str(&format!(
            "{:<42} {} {:>6} {:>8}\n",
            r.name,
            cells.join(" "),
            r.lost,
            r.classify_time.as_micros()
        ));
        let listed = divergences.iter().find(|d| d.0 == r.name);
        match (listed, r.lost) {
            (None, 0) => {}
            (None, n) => {
                let detail: Vec<String> = r
                    .removals
                    .iter()
                    .zip(&r.took)
                    .filter(|(_, &took)| took > 0)
                    .map(|(rm, took)| {
                        format!(
                            "    {:?} {:?} ({took} words also in the article): {} | {}",
                            rm.node, rm.kind, rm.reason, rm.excerpt
                        )
                    })
                    .collect();
                failures.push(format!(
                    "{}: {n} article words lost ({}…)\n{}",
                    r.name,
                    r.missing
                        .iter()
                        .take(12)
                        .cloned()
                        .collect::<Vec<_>>()
                        .join(" "),
                    detail.join("\n")
                ));
            }
            (Some((_, why)), 0) => failures.push(format!(
                "{}: listed as diverging ({why}) but loses no words now",
                r.name
            )),
            (Some(_), _) => {}
        }
    }
    let total: Vec<String> = KINDS
        .iter()
        .map(|(k, h)| format!("{:>w$}", totals.get(k).copied().unwrap_or(0), w = h.len()))
        .collect();
    table.push_str(&format!("{:<42} {}\n", "total", total.join(" ")));
    table.push_str(&format!(
        "classify: {} pages, {} µs in all, {} µs per page on average\n",
        pages.len(),
        total_time.as_micros(),
        total_time.as_micros() / pages.len().max(1) as u128
    ));
    println!("{table}");
    assert!(
        failures.is_empty(),
        "{}\n\n{}",
        table,
        failures.join("\n\n")
    );
}

#[test]
fn corpus_keeps_article_words_with_extracted_article() {
    check_corpus(true, KNOWN_DIVERGENCES);
}

#[test]
fn corpus_keeps_article_words_without_article() {
    check_corpus(false, KNOWN_DIVERGENCES_WITHOUT_ARTICLE);
}

//! Every Readability corpus page through the core: nothing may panic, and quality may not fall
//! below the floors. The eval (`cargo run --profile eval --example eval`) prints the same numbers
//! per page; this test only guards them.
//!
//! The floors only move up: when the eval shows a better number, raise the constant to just below
//! it in the same commit as the improvement.

// Shared with the eval, which uses more of them than this test does.
#[allow(dead_code)]
#[path = "common/corpus.rs"]
mod corpus;
#[allow(dead_code)]
#[path = "common/f1.rs"]
mod f1;

use corpus::{Expected, Failure, Page, PageResult, TextSource};

/// Median text F1 (4-token shingles) over the corpus may not drop below this.
const MEDIAN_F1_FLOOR: f64 = 0.99;
/// The share of pages with text F1 >= 0.90 may not drop below this.
const GOOD_F1_SHARE_FLOOR: f64 = 0.97;
/// The share of pages whose title matches exactly (whitespace normalised) may not drop below this.
const TITLE_OK_SHARE_FLOOR: f64 = 0.98;
/// The share of pages where the readerable check agrees with Readability's may not drop below this.
const READERABLE_OK_SHARE_FLOOR: f64 = 0.97;
/// The share of pages with an expected byline where ours agrees exactly may not drop below this.
const BYLINE_OK_SHARE_FLOOR: f64 = 0.95;

/// Pages where our readerable check knowingly says otherwise than Readability's, because ours is
/// right; each must still differ.
const KNOWN_READERABLE_DIVERGENCES: &[(&str, &str)] = &[(
    "nytimes-5",
    "the Spanish-language home page, a listing of teasers: not an article, whatever its score",
)];

/// Pages where we knowingly differ from Readability's expected output because ours is better.
/// Each must still differ: when one starts to agree, the divergence is gone and leaves the list.
const KNOWN_BYLINE_DIVERGENCES: &[(&str, &str)] = &[
    (
        "seattletimes-1",
        "Readability takes the dateline for the byline; we find the author's name",
    ),
    (
        "buzzfeed-1",
        "the page names its author in <meta property=\"author\">, which Readability ignores",
    ),
    (
        "tumblr",
        "the post's JSON-LD names its author (the blog), which Readability skips for its @type",
    ),
];

fn load() -> Vec<(Page, Expected, Vec<u8>)> {
    let dir = corpus::corpus_dir();
    let pages = corpus::pages(&dir).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        pages.len() >= 100,
        "expected the Readability corpus (130 pages) at {}, found {} pages; set TIDYREAD_CORPUS",
        dir.display(),
        pages.len()
    );
    pages
        .into_iter()
        .map(|p| {
            let expected = corpus::expected(&p).unwrap_or_else(|e| panic!("{e}"));
            let source = p.source().unwrap_or_else(|e| panic!("{}: {e}", p.name));
            (p, expected, source)
        })
        .collect()
}

/// One pass over the corpus, shared by the assertions below.
fn run_corpus() -> Vec<PageResult> {
    corpus::quiet_panics();
    let opts = corpus::options();
    load()
        .iter()
        .map(|(page, expected, source)| {
            corpus::run_page_with(page, expected, source, TextSource::Text, |dom, failures| {
                if let Err(p) = corpus::guarded("analyze", || tidyread::analyze(dom, &opts)) {
                    failures.push(Failure::Panic(p));
                }
            })
        })
        .collect()
}

#[test]
fn corpus_never_panics_and_holds_the_floors() {
    let results = run_corpus();
    let panics: Vec<String> = results
        .iter()
        .flat_map(|r| {
            r.failures.iter().filter_map(move |f| match f {
                Failure::Panic(m) => Some(format!("{}: {m}", r.page)),
                _ => None,
            })
        })
        .collect();
    assert!(
        panics.is_empty(),
        "panics on {} pages:\n{}",
        panics.len(),
        panics.join("\n")
    );

    let n = results.len() as f64;
    let f1s: Vec<f64> = results.iter().map(|r| r.score.f1).collect();
    let median = f1::median(&f1s).unwrap_or(0.0);
    let good = f1s.iter().filter(|&&f| f >= 0.90).count() as f64 / n;
    let titles = results.iter().filter(|r| r.title.ok).count() as f64 / n;
    let readerable = results.iter().filter(|r| r.readerable.ok).count() as f64 / n;
    let with_byline: Vec<&PageResult> = results
        .iter()
        .filter(|r| r.byline_field.expected.is_some())
        .collect();
    let bylines =
        with_byline.iter().filter(|r| r.byline_field.ok).count() as f64 / with_byline.len() as f64;
    let report = format!(
        "median F1 {median:.3}; shares of {n} pages: F1 >= 0.90 {good:.3}, title {titles:.3}, readerable {readerable:.3}; byline {bylines:.3} of {}",
        with_byline.len()
    );
    println!("{report}");
    assert!(
        median >= MEDIAN_F1_FLOOR,
        "median F1 fell below {MEDIAN_F1_FLOOR}: {report}"
    );
    assert!(
        good >= GOOD_F1_SHARE_FLOOR,
        "F1 >= 0.90 share fell below {GOOD_F1_SHARE_FLOOR}: {report}"
    );
    assert!(
        titles >= TITLE_OK_SHARE_FLOOR,
        "title share fell below {TITLE_OK_SHARE_FLOOR}: {report}"
    );
    assert!(
        readerable >= READERABLE_OK_SHARE_FLOOR,
        "readerable share fell below {READERABLE_OK_SHARE_FLOOR}: {report}"
    );
    assert!(
        bylines >= BYLINE_OK_SHARE_FLOOR,
        "byline share fell below {BYLINE_OK_SHARE_FLOOR}: {report}"
    );
    for (page, reason) in KNOWN_READERABLE_DIVERGENCES {
        let r = results.iter().find(|r| r.page == *page).unwrap_or_else(|| {
            panic!("{page} is listed as a known divergence but is not in the corpus")
        });
        assert!(
            !r.readerable.ok,
            "{page} now agrees with Readability's readerable; remove it from the known divergences ({reason})"
        );
    }
    for (page, reason) in KNOWN_BYLINE_DIVERGENCES {
        let r = results.iter().find(|r| r.page == *page).unwrap_or_else(|| {
            panic!("{page} is listed as a known divergence but is not in the corpus")
        });
        assert_ne!(
            r.byline_field.ours.as_deref().map(corpus::norm),
            r.byline_field.expected.as_deref().map(corpus::norm),
            "{page} now agrees with Readability's byline; remove it from the known divergences ({reason})"
        );
    }
}

/// The instrument itself: every expected text reads as something, and scores 1.0 against itself.
#[test]
fn expected_texts_are_sane() {
    for (page, expected, _) in load() {
        let s = f1::score(&expected.text, &expected.text);
        assert_eq!(s.f1, 1.0, "{}: expected text against itself", page.name);
        assert!(s.expected > 0, "{}: expected.html has no text", page.name);
    }
}

/// Block text keeps words of neighbouring blocks apart, and never splits inline runs.
#[test]
fn block_text_separates_blocks_only() {
    let dom = tidyread::parse_html(
        b"<div><h1>Title</h1><p>One <b>bold</b>word<br>next</p><ul><li>a</li><li>b</li></ul>\
          <table><tr><td>x</td><td>y</td></tr></table><script>no()</script></div>",
    )
    .unwrap();
    assert_eq!(
        corpus::document_text(&dom),
        "Title\n\nOne boldword\n\nnext\n\na\n\nb\n\nx\n\ny"
    );
}

/// A panic in a stage is caught, counted and named with its place, not printed.
#[test]
fn panics_are_caught_and_named() {
    corpus::quiet_panics();
    let msg = corpus::guarded("stage", || -> u32 { panic!("boom {}", 1) }).unwrap_err();
    assert!(
        msg.starts_with("stage: boom 1 at tests/extract_readability_corpus.rs:"),
        "{msg}"
    );
    assert_eq!(corpus::guarded("stage", || 7), Ok(7));
}

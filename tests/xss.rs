//! The XSS suite: every vector of `tests/fixtures/xss/vectors.txt` is put into a realistic
//! article page, extracted, and the reader HTML is checked as a browser would read it
//! (`common/safety.rs`). The article text around the vector must survive: a sanitiser that eats
//! the article is no answer.
//!
//! Each vector runs in three places: between the article's paragraphs, inside a paragraph, and
//! through the browser door (the page snapshot's wire format) between paragraphs.

#[path = "common/safety.rs"]
mod safety;

use tidyread::dom::snapshot;
use tidyread::{Dom, Options};

const VECTORS: &str = include_str!("fixtures/xss/vectors.txt");
/// The page's address: relative links become absolute against it.
const PAGE_URL: &str = "https://www.coastal-ledger.example/news/2024/05/sea-wall.html";

struct Vector {
    family: String,
    name: String,
    /// Goes in `<head>`, not into the article.
    head: bool,
    /// May eat the article text after it.
    swallows: bool,
    payload: String,
}

fn vectors() -> Vec<Vector> {
    let mut out: Vec<Vector> = Vec::new();
    for line in VECTORS.split_inclusive('\n') {
        if let Some(header) = line.strip_prefix("=== ") {
            let header = header.trim();
            let (id, flags) = match header.split_once(" [") {
                Some((id, flags)) => (id, flags.trim_end_matches(']')),
                None => (header, ""),
            };
            let (family, name) = id.split_once('/').expect("=== family/name");
            out.push(Vector {
                family: family.to_owned(),
                name: name.to_owned(),
                head: flags.split_whitespace().any(|f| f == "head"),
                swallows: flags.split_whitespace().any(|f| f == "swallows"),
                payload: String::new(),
            });
        } else if let Some(v) = out.last_mut() {
            v.payload.push_str(line);
        }
    }
    for v in &mut out {
        if v.payload.ends_with('\n') {
            v.payload.pop();
        }
    }
    out
}

/// Paragraphs before the vector; each must be in the reader view.
const BEFORE: &[&str] = &[
    "The harbour town of Eastwick voted on Tuesday to rebuild its Victorian sea wall, ending a \
     decade of argument over who should pay for it, how high it should stand, and whether the \
     old granite could be saved.",
    "Councillors approved the plan by nine votes to two after a four-hour meeting in the town \
     hall, where more than two hundred residents queued in the rain for a seat in the gallery.",
    "The wall, finished in 1887, has been breached three times since the winter storms of 2014, \
     flooding the fish market, the lifeboat station and the cottages along Quay Street.",
];
/// Paragraphs after the vector; each must be in the reader view unless the vector swallows.
const AFTER: &[&str] = &[
    "Engineers expect the work to take two years, during which the fishing fleet will moor in \
     the inner basin, and the coastal path will be closed between the lighthouse and the slipway.",
    "The harbour master, who has worked on the quay for thirty-one years, said the decision was \
     overdue, but that he would believe in the new wall when he could walk along the top of it.",
];

fn page(head_extra: &str, body_extra: &str, inline: bool) -> String {
    let mut body = String::new();
    for p in BEFORE {
        body.push_str(&format!("<p>{p}</p>\n"));
    }
    // Relative addresses, so that a hostile `<base>` has something to work on.
    body.push_str(
        "<p>The full decision is in <a href=\"../../council/minutes.html\">the council's \
         minutes</a>, with the engineers' drawings attached as an appendix.</p>\n\
         <figure><img src=\"/img/wall.jpg\" srcset=\"images/wall-800.jpg 800w, \
         /img/w_1600,h_900/wall.jpg 1600w\" alt=\"The sea wall at high tide\">\
         <figcaption>The sea wall at high tide.</figcaption></figure>\n",
    );
    if inline {
        body.push_str(&format!(
            "<p>Opponents had asked for a smaller scheme, {body_extra} and lost the argument, \
             though some of them promised to go on campaigning for it.</p>\n"
        ));
    } else {
        body.push_str(body_extra);
        body.push('\n');
    }
    for p in AFTER {
        body.push_str(&format!("<p>{p}</p>\n"));
    }
    format!(
        r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Eastwick votes to rebuild its sea wall - The Coastal Ledger</title>
<meta property="og:site_name" content="The Coastal Ledger">
<link rel="stylesheet" href="/static/site.css">
{head_extra}
</head><body>
<header class="site-header"><a class="logo" href="/">The Coastal Ledger</a>
<nav class="main-nav"><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/weather">Weather</a></li><li><a href="/opinion">Opinion</a></li></ul></nav></header>
<main><article class="story">
<h1>Eastwick votes to rebuild its sea wall</h1>
<p class="byline">By <a href="/author/mara-lind">Mara Lind</a></p>
<div class="story-body">
{body}</div></article></main>
<aside class="sidebar"><h3>Most read</h3><ul><li><a href="/a">Ferry fares rise again</a></li>
<li><a href="/b">Lifeboat crew honoured</a></li><li><a href="/c">School roof repaired</a></li></ul></aside>
<footer class="site-footer"><p>© The Coastal Ledger. All rights reserved.</p></footer>
</body></html>"#
    )
}

/// Extracts `html` (straight, or through the snapshot wire format) and checks the result.
fn run(html: &str, via_snapshot: bool, after_must_survive: bool) -> Result<(), String> {
    let mut dom: Dom = tidyread::parse_html(html.as_bytes()).map_err(|e| e.to_string())?;
    if via_snapshot {
        let snap = snapshot::encode(&dom);
        dom = snapshot::decode(&snap.words, &snap.strings).map_err(|e| e.to_string())?;
    }
    let options = Options {
        url: Some(PAGE_URL.to_owned()),
        ..Options::default()
    };
    let article = tidyread::extract(&dom, &options).map_err(|e| format!("no article: {e}"))?;
    safety::check_reader_html(&article.content)
        .map_err(|e| format!("{e}\n  content: {}", article.content))?;
    let text = tidyread::text::normalize_space(&article.text);
    let must: Vec<&str> = if after_must_survive {
        BEFORE.iter().chain(AFTER).copied().collect()
    } else {
        BEFORE.to_vec()
    };
    for p in must {
        let p = tidyread::text::normalize_space(p);
        if !text.contains(&p) {
            return Err(format!(
                "the article lost {:?}…\n  text: {text}",
                &p[..40.min(p.len())]
            ));
        }
    }
    Ok(())
}

/// Runs every vector in one placement and reports every failure at once.
fn run_all(placement: &str, inline: bool, via_snapshot: bool) {
    let mut failures = Vec::new();
    for v in vectors() {
        let html = if v.head {
            page(&v.payload, "", false)
        } else {
            page("", &v.payload, inline)
        };
        let after = !v.swallows && !inline;
        if let Err(e) = run(&html, via_snapshot, after) {
            failures.push(format!("{}/{}: {e}", v.family, v.name));
        }
    }
    assert!(
        failures.is_empty(),
        "{} vector(s) got through {placement}:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn vectors_between_paragraphs() {
    run_all("between paragraphs", false, false);
}

#[test]
fn vectors_inside_a_paragraph() {
    run_all("inside a paragraph", true, false);
}

#[test]
fn vectors_through_the_snapshot_door() {
    run_all("through the snapshot door", false, true);
}

#[test]
fn the_suite_covers_the_families() {
    let vectors = vectors();
    assert!(vectors.len() >= 60, "only {} vectors", vectors.len());
    let mut names = std::collections::HashSet::new();
    for v in &vectors {
        assert!(
            names.insert(format!("{}/{}", v.family, v.name)),
            "duplicate vector {}/{}",
            v.family,
            v.name
        );
        assert!(
            !v.payload.trim().is_empty(),
            "{}/{} is empty",
            v.family,
            v.name
        );
    }
    for family in [
        "script", "event", "url", "svg", "mathml", "frame", "meta", "style", "mutation", "encoded",
        "clobber", "form", "embed",
    ] {
        assert!(
            vectors.iter().filter(|v| v.family == family).count() >= 2,
            "family {family} has fewer than two vectors"
        );
    }
}

fn content(head: &str) -> String {
    content_with(head, "")
}

fn content_with(head: &str, body: &str) -> String {
    let dom = tidyread::parse_html(page(head, body, false).as_bytes()).unwrap();
    let options = Options {
        url: Some(PAGE_URL.to_owned()),
        ..Options::default()
    };
    tidyread::extract(&dom, &options).unwrap().content
}

#[test]
fn a_clean_page_passes_whole() {
    // The control: without a vector the checks pass, every paragraph is there, and so are the
    // relative link and image, made absolute.
    run(&page("", "", false), false, true).unwrap();
    let html = content("");
    assert!(
        html.contains("<a href=\"https://www.coastal-ledger.example/news/council/minutes.html\">")
    );
    assert!(html.contains(
        "srcset=\"https://www.coastal-ledger.example/news/2024/05/images/wall-800.jpg 800w, \
         https://www.coastal-ledger.example/img/w_1600,h_900/wall.jpg 1600w\""
    ));
}

#[test]
fn a_hostile_base_loses_its_links_not_their_text() {
    let html = content("<base href=\"javascript:alert(1)//\">");
    assert!(!html.contains("<a "), "{html}");
    assert!(!html.contains("<img"), "{html}");
    assert!(html.contains("the council's minutes"), "{html}");
}

#[test]
fn only_real_players_become_cards() {
    // A card loads its player when clicked: only a known provider's, rebuilt by the core, never
    // a look-alike host, a script URL or a page's own card-like markup.
    for v in vectors().iter().filter(|v| v.family == "embed") {
        let html = content_with("", &v.payload);
        let cards = html.matches("data-player=").count();
        let expected = usize::from(v.name.starts_with("valid-"));
        assert_eq!(cards, expected, "{}: {html}", v.name);
        for player in html.split("data-player=\"").skip(1) {
            let url = &player[..player.find('"').unwrap_or(player.len())];
            assert!(safety::is_player_url(url), "{}: {url}", v.name);
        }
    }
}

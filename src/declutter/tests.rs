//! Small pages for the rules, shared by every kind's tests, and the tests of what holds for
//! all kinds: article text is never removed, deep and empty pages are fine.

use super::*;
use crate::dom::parse::parse_str;
use crate::dom::NodeData;

/// Three paragraphs of prose: enough for the page to have a likely article.
pub(super) const PROSE: &str = "<p>The council met on Tuesday to weigh the new budget, which trims road repairs and adds money for libraries across the county.</p>\
    <p>Residents spoke for two hours, most of them about the bus routes that the plan would cut in the northern suburbs next spring.</p>\
    <p>The vote was postponed to next month, when the finance committee will bring a revised proposal with fewer cuts to transit.</p>";

pub(super) fn page(body: &str) -> Dom {
    parse_str(&format!(
        "<!DOCTYPE html><html><head><title>t</title></head><body>{body}</body></html>"
    ))
    .unwrap()
}

pub(super) fn by_id(dom: &Dom, id: &str) -> NodeId {
    dom.descendants(NodeId::ROOT)
        .find(|&n| dom.attr(n, "id") == Some(id))
        .unwrap_or_else(|| panic!("no #{id}"))
}

/// An article rooted at `#article`, showing the text of its paragraphs and the pictures and
/// players of its figures, as an extractor would.
pub(super) fn article(dom: &Dom) -> ArticleNodes {
    article_showing(dom, |dom, t| dom.ancestors(t).any(|a| dom.is(a, "p")))
}

/// The nodes an extracted article would protect.
pub(super) struct ArticleNodes {
    root: NodeId,
    text_nodes: Vec<NodeId>,
    media_nodes: Vec<NodeId>,
}

impl ArticleNodes {
    pub(super) fn protected(&self) -> Protected<'_> {
        Protected {
            root: self.root,
            text_nodes: &self.text_nodes,
            media_nodes: &self.media_nodes,
        }
    }
}

/// An article rooted at `#article`, showing the text nodes `shows` accepts, and the pictures and
/// players of its figures.
pub(super) fn article_showing(dom: &Dom, shows: fn(&Dom, NodeId) -> bool) -> ArticleNodes {
    let root = by_id(dom, "article");
    let text_nodes = dom
        .descendants(root)
        .filter(|&n| matches!(dom.data(n), NodeData::Text(_)) && shows(dom, n))
        .collect();
    let media_nodes = dom
        .descendants(root)
        .filter(|&n| matches!(dom.tag(n), Some("img" | "video" | "iframe")))
        .filter(|&n| dom.ancestors(n).any(|a| dom.is(a, "figure")))
        .collect();
    ArticleNodes {
        root,
        text_nodes,
        media_nodes,
    }
}

pub(super) fn run(dom: &Dom, with_article: bool) -> Vec<Removal> {
    let a = with_article.then(|| article(dom));
    let removals = classify(
        dom,
        a.as_ref().map(ArticleNodes::protected),
        &Options::default(),
    );
    check_invariants(dom, a.as_ref(), &removals);
    removals
}

/// What every answer must satisfy: no nesting, no frame, none of the article's paragraphs.
pub(super) fn check_invariants(dom: &Dom, article: Option<&ArticleNodes>, removals: &[Removal]) {
    for r in removals {
        assert!(
            !matches!(dom.tag(r.node), Some("html" | "head" | "body") | None),
            "{r:?}"
        );
        for o in removals {
            assert!(
                o.node == r.node || !dom.contains(o.node, r.node),
                "{r:?} inside {o:?}"
            );
        }
        if let Some(a) = article {
            let prose = |t: NodeId| {
                dom.parent(t)
                    .is_some_and(|p| dom.is(p, "p") && dom.text_content(p).len() >= 100)
            };
            assert!(
                a.text_nodes
                    .iter()
                    .all(|&t| !prose(t) || !dom.contains(r.node, t)),
                "{r:?} holds an article paragraph"
            );
        }
    }
}

pub(super) fn removed<'a>(removals: &'a [Removal], dom: &Dom, id: &str) -> Option<&'a Removal> {
    let node = by_id(dom, id);
    removals.iter().find(|r| r.node == node)
}

pub(super) fn text_survives(dom: &Dom, removals: &[Removal], needle: &str) -> bool {
    dom.descendants(NodeId::ROOT).any(|n| {
        dom.text(n).is_some_and(|t| t.contains(needle))
            && !removals.iter().any(|r| dom.contains(r.node, n))
    })
}

pub(super) fn headlines(n: usize) -> String {
    (0..n)
        .map(|i| format!("<li class=css-m4n5b6><a class=css-v7c8x9 href='/news/2025/04/{i}/story-{i}'>Council Weighs Plan Number {i} for the Northern Bus Routes</a></li>"))
        .collect()
}

#[test]
fn an_ad_inside_the_article_goes_whole_and_its_prose_stays() {
    // The extractor kept the label (and the whitespace around the slot): the label, the slot
    // and their wrapper are still one ad, and the paragraphs around them stay.
    let dom = page(&format!("<div id=article>{PROSE}<div id=slot>Advertisement\n <div id=div-gpt-ad-1-0></div> </div>{PROSE}</div>"));
    let a = article_showing(&dom, |_, _| true);
    let rs = classify(&dom, Some(a.protected()), &Options::default());
    check_invariants(&dom, Some(&a), &rs);
    assert_eq!(rs.len(), 1, "{rs:?}");
    assert_eq!(rs[0].node, by_id(&dom, "slot"));
    assert_eq!(rs[0].kind, ClutterKind::Ad);
    assert!(text_survives(&dom, &rs, "finance committee will bring"));
}

#[test]
fn long_prose_in_the_article_is_never_taken() {
    // A paragraph long enough to be prose stays, even with a call to action's words and link.
    let long = "Readers who subscribe to our newsletter this spring will get the council's \
        budget papers a day early, the editor said, and the paper will publish every amendment \
        in full on its website, as it did for the transport plan, so that residents can compare \
        the versions line by line before the final vote.";
    let dom = page(&format!(
        "<div id=article>{PROSE}<p id=p>{long} <a href=/newsletter>Sign up</a></p>{PROSE}</div>"
    ));
    let a = article_showing(&dom, |_, _| true);
    let rs = classify(&dom, Some(a.protected()), &Options::default());
    assert!(rs.is_empty(), "{rs:?}");
}

#[test]
fn prose_mentioning_cookies_is_protected_without_an_article() {
    let dom = page(&format!(
        "<div id=article>{PROSE}<p id=p>Nearly every website that you visit sets a cookie, and the tracking that follows is the subject of a \
         new <a href=/report>report</a> from the commission, which asks browsers to accept fewer of them.</p>{PROSE}</div>"
    ));
    assert!(run(&dom, false).is_empty());
}

#[test]
fn deep_pages_cost_no_stack() {
    let depth = 10_000;
    let html = format!(
        "<div id=article>{PROSE}</div>{}<div id=slot><span>Advertisement</span><iframe src='https://tpc.googlesyndication.com/x'></iframe></div>{}",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let dom = page(&html);
    let rs = run(&dom, true);
    assert!(!rs.is_empty());
}

#[test]
fn pages_without_body_text_are_fine() {
    for html in ["<p></p>", "<div><span></span></div>", "text only"] {
        let dom = page(html);
        assert!(
            classify(&dom, None, &Options::default()).is_empty(),
            "{html}"
        );
    }
}

#[test]
fn measure_counts_like_word_count() {
    for t in [
        "",
        "  ",
        "one two\tthree\n",
        "日本語の文",
        "Kim 金正恩 said",
        "a\u{a0}b",
        "x\u{b}y",
    ] {
        let counts::TextSize { chars, words } = counts::measure(t);
        assert_eq!(words as usize, crate::text::word_count(t), "{t:?}");
        assert_eq!(
            chars as usize,
            t.chars().filter(|c| !c.is_whitespace()).count(),
            "{t:?}"
        );
    }
}

#[test]
fn extraction_leaves_out_excluded_blocks() {
    let dom = page(&format!(
        "<main><article id=article>{PROSE}<div id=nag><p>Members read this story first, and a \
         dozen more like it every week, for the price of one coffee.</p></div>{PROSE}</article></main>"
    ));
    let options = Options::default();
    let whole = crate::extract::extract(&dom, &options).unwrap();
    assert!(whole.text.contains("price of one coffee"), "{}", whole.text);
    let nag = by_id(&dom, "nag");
    let without = crate::extract::extract_excluding(&dom, &options, &[nag]).unwrap();
    assert!(!without.text.contains("price of one coffee"));
    assert!(!without.content.contains("price of one coffee"));
    assert!(without.text.contains("finance committee will bring"));
    assert!(without.text_nodes.iter().all(|&t| !dom.contains(nag, t)));
}

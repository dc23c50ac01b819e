//! One small page per rule.

use super::*;
use crate::dom::parse::parse_str;
use crate::dom::NodeData;

/// Three paragraphs of prose: enough for the page to have a likely article.
const PROSE: &str = "<p>The council met on Tuesday to weigh the new budget, which trims road repairs and adds money for libraries across the county.</p>\
    <p>Residents spoke for two hours, most of them about the bus routes that the plan would cut in the northern suburbs next spring.</p>\
    <p>The vote was postponed to next month, when the finance committee will bring a revised proposal with fewer cuts to transit.</p>";

fn page(body: &str) -> Dom {
    parse_str(&format!(
        "<!DOCTYPE html><html><head><title>t</title></head><body>{body}</body></html>"
    ))
    .unwrap()
}

fn by_id(dom: &Dom, id: &str) -> NodeId {
    dom.descendants(NodeId::ROOT)
        .find(|&n| dom.attr(n, "id") == Some(id))
        .unwrap_or_else(|| panic!("no #{id}"))
}

/// An article rooted at `#article`, showing the text of its paragraphs, as an extractor would.
fn article(dom: &Dom) -> ArticleNodes {
    article_showing(dom, |dom, t| dom.ancestors(t).any(|a| dom.is(a, "p")))
}

/// The nodes an extracted article would protect.
struct ArticleNodes {
    root: NodeId,
    text_nodes: Vec<NodeId>,
}

impl ArticleNodes {
    fn protected(&self) -> Protected<'_> {
        Protected {
            root: self.root,
            text_nodes: &self.text_nodes,
        }
    }
}

fn article_showing(dom: &Dom, shows: fn(&Dom, NodeId) -> bool) -> ArticleNodes {
    let root = by_id(dom, "article");
    let text_nodes = dom
        .descendants(root)
        .filter(|&n| matches!(dom.data(n), NodeData::Text(_)) && shows(dom, n))
        .collect();
    ArticleNodes { root, text_nodes }
}

fn run(dom: &Dom, with_article: bool) -> Vec<Removal> {
    let a = with_article.then(|| article(dom));
    let removals = classify(
        dom,
        a.as_ref().map(ArticleNodes::protected),
        &Options::default(),
    );
    check_invariants(dom, a.as_ref(), &removals);
    removals
}

/// What every answer must satisfy: no nesting, no frame, no article text.
fn check_invariants(dom: &Dom, article: Option<&ArticleNodes>, removals: &[Removal]) {
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
            assert!(
                a.text_nodes.iter().all(|&t| !dom.contains(r.node, t)),
                "{r:?} holds article text"
            );
        }
    }
}

fn removed<'a>(removals: &'a [Removal], dom: &Dom, id: &str) -> Option<&'a Removal> {
    let node = by_id(dom, id);
    removals.iter().find(|r| r.node == node)
}

fn text_survives(dom: &Dom, removals: &[Removal], needle: &str) -> bool {
    dom.descendants(NodeId::ROOT).any(|n| {
        dom.text(n).is_some_and(|t| t.contains(needle))
            && !removals.iter().any(|r| dom.contains(r.node, n))
    })
}

#[test]
fn ad_label_goes_with_its_slot_wrapper() {
    let dom = page(&format!(
        "<main><div id=article>{PROSE}<div id=slot class=css-9f8e7d><div class=css-1a2b3c>Advertisement</div>\
         <div id=div-gpt-ad-1561305600000-1></div></div>{PROSE}</div></main>"
    ));
    for with_article in [true, false] {
        let rs = run(&dom, with_article);
        let r = removed(&rs, &dom, "slot").expect("the slot wrapper");
        assert_eq!(r.kind, ClutterKind::Ad);
        assert_eq!(r.reason, "label 'Advertisement'");
        assert_eq!(rs.len(), 1, "{rs:?}");
    }
}

#[test]
fn ad_labels_in_many_languages() {
    for label in [
        "Anzeige",
        "Werbung",
        "Publicité",
        "Publicidad",
        "Pubblicità",
        "广告",
        "Реклама",
        "ADVERTISEMENT",
        "- Advertisement -",
    ] {
        let dom = page(&format!("<div id=article>{PROSE}<div id=slot><span>{label}</span><div></div></div>{PROSE}</div>"));
        let rs = run(&dom, true);
        let r = removed(&rs, &dom, "slot").unwrap_or_else(|| panic!("{label}: {rs:?}"));
        assert_eq!(r.kind, ClutterKind::Ad, "{label}");
    }
}

#[test]
fn aria_label_marks_an_ad() {
    let dom = page(&format!(
        "<div id=article>{PROSE}</div><aside id=ad aria-label=Advertisement><div></div></aside>"
    ));
    assert_eq!(
        removed(&run(&dom, true), &dom, "ad").map(|r| r.kind),
        Some(ClutterKind::Ad)
    );
}

#[test]
fn ad_network_frames_and_ins() {
    let dom = page(&format!(
        "<div id=article>{PROSE}<div id=frame><iframe src='https://ad.doubleclick.net/ddm/adi/N123'></iframe></div>\
         <div id=ins><ins class=adsbygoogle data-ad-client=ca-pub-1></ins></div>\
         <figure id=video><iframe src='https://www.youtube.com/embed/abc'></iframe></figure>{PROSE}</div>"
    ));
    let rs = run(&dom, true);
    assert_eq!(
        removed(&rs, &dom, "frame").map(|r| r.reason.as_str()),
        Some("iframe from doubleclick.net")
    );
    assert_eq!(
        removed(&rs, &dom, "ins").map(|r| r.reason.as_str()),
        Some("ins.adsbygoogle")
    );
    assert!(removed(&rs, &dom, "video").is_none(), "{rs:?}");
    assert_eq!(rs.len(), 2, "the video is the article's: {rs:?}");
}

fn headlines(n: usize) -> String {
    (0..n)
        .map(|i| format!("<li class=css-m4n5b6><a class=css-v7c8x9 href='/news/2025/04/{i}/story-{i}'>Council Weighs Plan Number {i} for the Northern Bus Routes</a></li>"))
        .collect()
}

#[test]
fn trending_box_goes_whole_with_its_heading() {
    let dom = page(&format!(
        "<div id=rail class=css-1x2y3z><div class=css-4a5s6d><span>Trending</span></div><ul class=css-j1k2l3>{}</ul></div>\
         <div id=article>{PROSE}</div>",
        headlines(6)
    ));
    for with_article in [true, false] {
        let rs = run(&dom, with_article);
        let r = removed(&rs, &dom, "rail").unwrap_or_else(|| panic!("{rs:?}"));
        assert_eq!(r.kind, ClutterKind::TrendingList);
        assert_eq!(r.reason, "label 'Trending'");
        assert!(
            r.excerpt.starts_with("Trending Council Weighs"),
            "{}",
            r.excerpt
        );
    }
}

#[test]
fn unlabelled_headline_list_outside_the_article() {
    let dom = page(&format!(
        "<nav id=menu><ul><li><a href=/news>News</a></li><li><a href=/sport>Sport</a></li><li><a href=/opinion>Opinion</a></li>\
         <li><a href=/culture>Culture</a></li><li><a href=/travel>Travel</a></li></ul></nav>\
         <div id=article>{PROSE}</div><div id=more class=css-0o9i8u><ul>{}</ul></div>",
        headlines(7)
    ));
    let rs = run(&dom, true);
    let r = removed(&rs, &dom, "more").unwrap_or_else(|| panic!("{rs:?}"));
    assert_eq!(r.kind, ClutterKind::Recommended);
    assert_eq!(r.reason, "list of 7 headline links outside the article");
    assert!(
        removed(&rs, &dom, "menu").is_none(),
        "navigation is the site's own"
    );
}

#[test]
fn link_list_inside_the_likely_article_is_left_alone_without_one() {
    // Without an extracted article, a list of links inside the prose may be the article's own.
    let dom = page(&format!(
        "<div id=article>{PROSE}<ul id=refs>{}</ul>{PROSE}</div>",
        headlines(6)
    ));
    let rs = run(&dom, false);
    assert!(removed(&rs, &dom, "refs").is_none(), "{rs:?}");
}

#[test]
fn recommended_and_sponsored_labels() {
    let dom = page(&format!(
        "<div id=article>{PROSE}</div>\
         <section id=rec><h2>You might also like</h2><ul>{}</ul></section>\
         <section id=web><h3>Around the Web</h3><ul>{}</ul></section>\
         <div id=widget class='OUTBRAIN' data-widget-id=AR_1></div>",
        headlines(3),
        headlines(4)
    ));
    let rs = run(&dom, true);
    assert_eq!(
        removed(&rs, &dom, "rec").map(|r| r.kind),
        Some(ClutterKind::Recommended)
    );
    assert_eq!(
        removed(&rs, &dom, "web").map(|r| r.kind),
        Some(ClutterKind::SponsoredFeed)
    );
    assert_eq!(
        removed(&rs, &dom, "widget").map(|r| r.kind),
        Some(ClutterKind::SponsoredFeed)
    );
}

#[test]
fn sponsored_label_over_headlines_is_a_feed() {
    let dom = page(&format!(
        "<div id=article>{PROSE}</div><div id=feed><span>Sponsored</span><ul>{}</ul></div>",
        headlines(4)
    ));
    let rs = run(&dom, true);
    assert_eq!(
        removed(&rs, &dom, "feed").map(|r| r.kind),
        Some(ClutterKind::SponsoredFeed),
        "{rs:?}"
    );
}

#[test]
fn share_bar_but_not_the_byline_beside_it() {
    let dom = page(&format!(
        "<div id=article><div id=meta><p>By <a href=/by/jane rel=author>Jane Doe</a></p><time>Sept. 25, 2018</time>\
         <div id=share class=css-s6h7a8><a href='https://www.facebook.com/sharer/sharer.php?u=x'>Facebook</a>\
         <a href='https://twitter.com/intent/tweet?url=x'>Twitter</a><a href='mailto:?subject=x'>Email</a></div></div>{PROSE}</div>"
    ));
    let rs = run(&dom, false);
    let r = removed(&rs, &dom, "share").unwrap_or_else(|| panic!("{rs:?}"));
    assert_eq!(r.kind, ClutterKind::ShareBar);
    assert_eq!(r.reason, "3 share links (facebook.com, twitter.com, email)");
    assert!(text_survives(&dom, &rs, "Sept. 25"));
}

#[test]
fn fixed_consent_overlay() {
    let dom = page(&format!(
        "<div id=cmp style='position: fixed; bottom: 0'><p>We use cookies to improve your experience.</p>\
         <button>Accept cookies</button></div>\
         <header id=top style='position:sticky;top:0'><nav><a href=/>Home</a><a href=/news>News</a></nav></header>\
         <div id=article>{PROSE}</div>"
    ));
    let rs = run(&dom, true);
    let r = removed(&rs, &dom, "cmp").unwrap_or_else(|| panic!("{rs:?}"));
    assert_eq!(r.kind, ClutterKind::ConsentBanner);
    assert_eq!(r.reason, "fixed overlay with 'Accept cookies'");
    assert!(
        removed(&rs, &dom, "top").is_none(),
        "a sticky site header is not an overlay"
    );
}

#[test]
fn inline_consent_banner_needs_its_accept_button() {
    let with = page(&format!(
        "<div id=article>{PROSE}</div><div id=cc class=css-q1><p>This site uses cookies for analytics.</p><a href=#>Got it</a></div>"
    ));
    assert_eq!(
        removed(&run(&with, false), &with, "cc").map(|r| r.kind),
        Some(ClutterKind::ConsentBanner)
    );
    let without = page(&format!(
        "<div id=article>{PROSE}</div><div id=cc><p>Our favourite cookie recipes for the holidays.</p><a href=/recipes>Recipes</a></div>"
    ));
    assert!(removed(&run(&without, false), &without, "cc").is_none());
}

#[test]
fn newsletter_box() {
    let dom = page(&format!(
        "<div id=article>{PROSE}</div><div id=nl><h3>Get the Tipsheet in your inbox</h3>\
         <form action=/subscribe><label>Sign up for our free daily newsletter</label><input type=email name=email>\
         <button>Subscribe</button></form></div>"
    ));
    let rs = run(&dom, true);
    assert_eq!(
        removed(&rs, &dom, "nl").map(|r| r.kind),
        Some(ClutterKind::Newsletter),
        "{rs:?}"
    );
}

#[test]
fn newsletter_mention_in_a_byline_stays() {
    let dom = page(&format!(
        "<div id=article><p id=bio>By <a href=/by/alex>Alex Heath</a>, author of the Command Line newsletter.</p>{PROSE}</div>"
    ));
    assert!(run(&dom, false).is_empty());
}

#[test]
fn paywall_and_promo_prompts() {
    let dom = page(&format!(
        "<div id=article>{PROSE}<div id=wall><div>Subscribe to continue reading this story.</div><a href=/subscribe>Subscribe</a></div></div>\
         <div id=vip class=css-b3n4m5><h3>Join the conversation as a VIP Member</h3><a href=/vip>Become a VIP</a></div>"
    ));
    let rs = run(&dom, true);
    assert_eq!(
        removed(&rs, &dom, "wall").map(|r| r.kind),
        Some(ClutterKind::PaywallPrompt),
        "{rs:?}"
    );
    let vip = removed(&rs, &dom, "vip").unwrap_or_else(|| panic!("{rs:?}"));
    assert_eq!(vip.kind, ClutterKind::Promo);
    assert_eq!(vip.reason, "'vip member' call to action");
}

#[test]
fn comments_only_when_not_kept() {
    let dom = page(&format!(
        "<div id=article>{PROSE}</div><section id=comments><h2>12 comments</h2><ol><li><p>Great piece, thanks.</p></li></ol></section>\
         <div id=disqus_thread></div>"
    ));
    let rs = run(&dom, true);
    assert_eq!(
        removed(&rs, &dom, "comments").map(|r| r.kind),
        Some(ClutterKind::Comments)
    );
    assert_eq!(
        removed(&rs, &dom, "disqus_thread").map(|r| r.kind),
        Some(ClutterKind::Comments)
    );
    let keep = Options {
        keep_comments: true,
        ..Options::default()
    };
    let a = article(&dom);
    assert!(classify(&dom, Some(a.protected()), &keep)
        .iter()
        .all(|r| r.kind != ClutterKind::Comments));
}

#[test]
fn article_text_is_never_removed() {
    // The extractor kept the label (and the whitespace around the slot): then it is the
    // article's, and stays.
    let dom = page(&format!("<div id=article>{PROSE}<div id=slot>Advertisement\n <div id=div-gpt-ad-1-0></div> </div>{PROSE}</div>"));
    let a = article_showing(&dom, |_, _| true);
    let rs = classify(&dom, Some(a.protected()), &Options::default());
    check_invariants(&dom, Some(&a), &rs);
    assert!(text_survives(&dom, &rs, "Advertisement"));
    // The slot's own markup still goes.
    assert!(
        rs.iter()
            .any(|r| dom.attr(r.node, "id") == Some("div-gpt-ad-1-0")),
        "{rs:?}"
    );
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
fn nested_seeds_give_one_outer_block() {
    let dom = page(&format!(
        "<div id=article>{PROSE}</div><div id=outer><div class=ad-wrapper><span>Advertisement</span>\
         <div class=adsbygoogle-holder><ins class=adsbygoogle></ins></div></div></div>"
    ));
    let rs = run(&dom, true);
    assert_eq!(rs.len(), 1, "{rs:?}");
    assert_eq!(rs[0].node, by_id(&dom, "outer"));
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
        let (chars, words) = facts::measure(t);
        assert_eq!(words as usize, crate::text::word_count(t), "{t:?}");
        assert_eq!(
            chars as usize,
            t.chars().filter(|c| !c.is_whitespace()).count(),
            "{t:?}"
        );
    }
}

#[test]
fn modal_dialogs_are_overlays() {
    let dom = page(&format!(
        "<div id=article>{PROSE}</div><div id=modal role=dialog aria-modal=true><h2>Before you go</h2>\
         <p>Subscribe to continue reading with unlimited access.</p><button>Subscribe</button></div>\
         <dialog id=closed><p>Never shown.</p></dialog>"
    ));
    let rs = run(&dom, true);
    let r = removed(&rs, &dom, "modal").unwrap_or_else(|| panic!("{rs:?}"));
    assert_eq!(r.kind, ClutterKind::PaywallPrompt);
    assert_eq!(r.reason, "dialog with a paywall prompt");
    assert!(
        removed(&rs, &dom, "closed").is_none(),
        "a closed dialog is not shown"
    );
}

#[test]
fn asides_need_fewer_headlines() {
    let dom = page(&format!(
        "<div id=article>{PROSE}</div><aside id=side><ul>{}</ul></aside>",
        headlines(3)
    ));
    let rs = run(&dom, true);
    assert_eq!(
        removed(&rs, &dom, "side").map(|r| r.kind),
        Some(ClutterKind::Recommended),
        "{rs:?}"
    );
    let main = page(&format!(
        "<div id=article>{PROSE}</div><div id=side><ul>{}</ul></div>",
        headlines(3)
    ));
    assert!(run(&main, true).is_empty());
}

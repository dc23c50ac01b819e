//! Lists of headlines: "Trending", "Most read", "Recommended", "Related", "Read next" boxes,
//! labelled in many languages, named by class, or found by their shape (many headline-length
//! links and little else, away from the article).

use crate::dom::NodeId;
use crate::word_list::{word_list, WordList};

use super::facts::{Facts, NodeFlags};
use super::lexicon::{Hints, Label};
use super::seeds::{keep_kind, Hinted, LabelSeen, Lead, Policy, Priority, Seed, Why};
use super::{Cause, CauseCode, ClutterKind};

/// Headings over lists of trending or most-read headlines.
pub const TRENDING_LABELS: WordList = word_list![
    "trending",
    "trending now",
    "trending stories",
    "trending news",
    "trending articles",
    "trending videos",
    "most popular",
    "most read",
    "most viewed",
    "most shared",
    "most emailed",
    "most commented",
    "popular now",
    "popular stories",
    "popular posts",
    "popular articles",
    "what's hot",
    "hot right now",
    "top stories",
    "meistgelesen",
    "meistgelesene artikel",
    "am meisten gelesen",
    "les plus lus",
    "les plus populaires",
    "lo más leído",
    "lo más visto",
    "más leídas",
    "i più letti",
    "più letti",
    "популярное",
    "самое читаемое",
    "热门",
    "热门文章",
    "热门推荐",
    "人気記事",
    "アクセスランキング",
    "ランキング",
    "많이 본 뉴스",
    "gerade beliebt",
    "tendances",
    "tendencias",
    "di tendenza",
    "em alta",
    "populair",
    "popularne",
    "話題の記事",
    "よく読まれている記事",
    "populärt just nu",
    "meest gelezen",
    "najczęściej czytane",
    "mest läst",
    "mais lidas",
    "más leído",
    "mest lästa",
    "الأكثر قراءة",
    "الأكثر مشاهدة",
    "en çok okunanlar",
    "çok okunanlar",
];

/// Headings over lists of related or recommended stories.
pub const RECOMMENDED_LABELS: WordList = word_list![
    "recommended",
    "recommended for you",
    "recommended stories",
    "recommended articles",
    "recommended reading",
    "recommended posts",
    "recommended videos",
    "related",
    "related articles",
    "related stories",
    "related posts",
    "related content",
    "related coverage",
    "related news",
    "related videos",
    "read next",
    "read this next",
    "up next",
    "what to read next",
    "more stories",
    "more news",
    "more articles",
    "more to read",
    "more like this",
    "you may also like",
    "you might also like",
    "you may like",
    "you might like",
    "you may be interested in",
    "also read",
    "read also",
    "don't miss",
    "editor's picks",
    "editors' picks",
    "latest news",
    "latest stories",
    "latest articles",
    "das könnte sie auch interessieren",
    "das könnte dich auch interessieren",
    "mehr zum thema",
    "weitere artikel",
    "lesen sie auch",
    "auch interessant",
    "empfehlungen",
    "à lire aussi",
    "a lire aussi",
    "lire aussi",
    "sur le même sujet",
    "vous aimerez aussi",
    "te puede interesar",
    "también te puede interesar",
    "noticias relacionadas",
    "lee también",
    "leggi anche",
    "potrebbe interessarti anche",
    "articoli correlati",
    "читайте также",
    "по теме",
    "相关文章",
    "相关阅读",
    "推荐阅读",
    "猜你喜欢",
    "関連記事",
    "おすすめ記事",
    "관련 기사",
    "recomendados",
    "aanbevolen",
    "polecane",
    "рекомендуем",
    "rekommenderat",
    "leia também",
    "lees ook",
    "czytaj także",
    "zobacz też",
    "あわせて読みたい",
    "延伸阅读",
    "相关新闻",
    "läs också",
    "läs även",
    "relacionados",
    "gerelateerd",
    "powiązane",
    "関連",
    "relaterat",
    "اقرأ أيضا",
    "اقرأ أيضًا",
    "مقالات ذات صلة",
    "أخبار ذات صلة",
    "ilgili haberler",
    "bunlar da ilginizi çekebilir",
];

/// Label beginnings that take a site or topic after them ("Trending on Townhall Videos"); exact
/// tables cannot list every site name.
pub const TRENDING_PREFIXES: WordList = word_list![
    "trending on",
    "trending in",
    "most popular on",
    "most popular in",
    "most read on",
    "most read in",
    "popular on",
    "popular in",
];

/// ...("More from Townhall").
pub const RECOMMENDED_PREFIXES: WordList = word_list![
    "more from",
    "more on",
    "more in",
    "more about",
    "more stories from",
    "more news from",
    "latest from",
    "also on",
];

/// Class or id words of trending and popular boxes.
pub const TRENDING_CLASS_WORDS: WordList = word_list![
    "trending",
    "popular",
    "mostpopular",
    "mostread",
    "mostviewed",
    "hotlist",
];

/// Class or id words of related and recommended boxes.
pub const RECOMMENDED_CLASS_WORDS: WordList = word_list![
    "related",
    "recommended",
    "recommendations",
    "recommend",
    "readnext",
    "morestories",
    "youmaylike",
];

/// This many headline links, with little else, make an unlabelled block a list of headlines...
pub const HEADLINE_LIST_MIN_LINKS: u32 = 5;
/// ...when at least this share of its text is links...
pub const HEADLINE_LIST_MIN_LINK_DENSITY: f32 = 0.75;
/// ...and at least this share of its links read like headlines (menus have short links)...
const HEADLINE_LIST_MIN_HEADLINE_SHARE: f32 = 0.5;
/// ...and at least this share of its headlines sit in a block of their own (a list entry, a
/// card), unlike a line of tags or a footer menu run together in one paragraph.
const HEADLINE_LIST_MIN_BLOCK_SHARE: f32 = 0.5;
/// Labels that lead a line to another story ("Read more: <link>") but, alone, name a control
/// ("Read more" unfolds the rest of a text).
pub const LEAD_ONLY_LABELS: &[&str] = &["read more", "more"];

/// A "Read more:" line is at most this many words...
const LEAD_LINE_MAX_WORDS: u32 = 40;
/// ...and at least this share of its text is its links.
const LEAD_LINE_MIN_LINK_DENSITY: f32 = 0.3;

/// A class-hinted related/trending box needs at least this many headline links.
const HINTED_LIST_MIN_LINKS: u32 = 3;

/// A heading over a list: "Trending", "You might also like", "Around the web".
pub fn section_label_seed(label: LabelSeen, kind: ClutterKind) -> Seed {
    Seed::new(
        label.id,
        kind,
        label.why(),
        Policy::Section,
        Priority::Label,
        check_section,
    )
    .section_label()
}

/// A lone heading that found no list: inside the article it is more likely the article's own
/// subheading than an empty box.
pub fn check_section(f: &Facts, s: &Seed, node: NodeId) -> Option<ClutterKind> {
    let c = f.counts(node);
    let empty = c.links == 0 && c.media == 0 && node == s.node;
    (!(empty && f.has(node, NodeFlags::IN_REGION))).then_some(s.kind)
}

/// A block made of headline links, away from the article.
pub fn list_seed(f: &Facts, id: NodeId) -> Option<Seed> {
    if !is_headline_list(f, id) {
        return None;
    }
    let parent = f.dom.parent(id).filter(|&p| f.dom.element(p).is_some());
    if parent.is_some_and(|p| is_headline_list(f, p)) {
        return None;
    }
    let c = f.counts(id);
    let h = f.hints(id);
    let kind = if h.has(Hints::TRENDING) {
        ClutterKind::TrendingList
    } else if h.has(Hints::SPONSORED_WIDGET) || c.ad_marks * 2 >= c.headline_links {
        ClutterKind::SponsoredFeed
    } else {
        ClutterKind::Recommended
    };
    let place = if f.has(id, NodeFlags::IN_REGION) {
        "in the article's block, not its text"
    } else {
        "outside the article"
    };
    Some(Seed::new(
        id,
        kind,
        Why::new(
            format!("list of {} headline links {place}", c.headline_links),
            Cause::with_count(CauseCode::HeadlineList, c.headline_links),
        ),
        Policy::Section,
        Priority::Structure,
        keep_kind,
    ))
}

/// A line that opens with a section's label and links to another story: "Read more: <link>",
/// "ALSO READ: <link>", "Lesen Sie auch: <link>".
pub fn lead_seed(f: &Facts, id: NodeId, lead: &Lead) -> Option<Seed> {
    let Label::Section(kind @ (ClutterKind::Recommended | ClutterKind::TrendingList)) = lead.label
    else {
        return None;
    };
    let c = f.counts(id);
    let line = c.links > 0
        && c.words <= LEAD_LINE_MAX_WORDS
        && c.link_density() >= LEAD_LINE_MIN_LINK_DENSITY;
    line.then(|| {
        Seed::new(
            id,
            kind,
            Why::label(&lead.text),
            Policy::Container,
            Priority::Label,
            keep_kind,
        )
        .in_article()
    })
}

/// Many headline-length links and little else, where the article is not.
fn is_headline_list(f: &Facts, id: NodeId) -> bool {
    let c = f.counts(id);
    // Inside the likely article, without an extracted one to say which text is the article,
    // a list of links may be the article's own (references, a link roundup).
    if f.has(id, NodeFlags::IN_REGION) && !f.has_article {
        return false;
    }
    if f.region.is_none() && !f.has_article {
        return false;
    }
    let min = if f.hints(id).has(Hints::TRENDING | Hints::RECOMMENDED)
        || f.has(id, NodeFlags::IN_ASIDE)
    {
        HINTED_LIST_MIN_LINKS
    } else {
        HEADLINE_LIST_MIN_LINKS
    };
    c.headline_links >= min
        && c.link_density() >= HEADLINE_LIST_MIN_LINK_DENSITY
        && c.headline_links as f32 >= c.links as f32 * HEADLINE_LIST_MIN_HEADLINE_SHARE
        && c.headline_blocks as f32 >= c.headline_links as f32 * HEADLINE_LIST_MIN_BLOCK_SHARE
        && c.protected == 0
        && c.landmarks == 0
        && !f.has(id, NodeFlags::IN_NAV | NodeFlags::HOLDS_REGION)
}

/// A box named "trending" or "related" with a few headline links.
pub fn hint_seed(h: &Hinted) -> Option<Seed> {
    let c = h.counts;
    let list = h.hints.has(Hints::TRENDING | Hints::RECOMMENDED)
        && c.headline_links >= HINTED_LIST_MIN_LINKS
        && c.link_density() >= HEADLINE_LIST_MIN_LINK_DENSITY
        && c.landmarks == 0
        && !h.f.has(h.id, NodeFlags::IN_NAV);
    if !list {
        return None;
    }
    let kind = if h.hints.has(Hints::TRENDING) {
        ClutterKind::TrendingList
    } else {
        ClutterKind::Recommended
    };
    let reason = format!("{} headline links ({})", c.headline_links, h.name());
    let cause = Cause::with_count(CauseCode::HeadlineList, c.headline_links);
    Some(Seed::new(
        h.id,
        kind,
        Why::new(reason, cause),
        Policy::Section,
        Priority::Hint,
        keep_kind,
    ))
}

#[cfg(test)]
mod tests {
    use crate::declutter::tests::*;
    use crate::declutter::ClutterKind;

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
    fn thumbnail_cards_in_the_articles_block_go_when_the_article_does_not_show_them() {
        // Lazy thumbnails the extractor left out with their cards are not the article's pictures.
        let cards: String = (1..=6)
            .map(|i| {
                format!(
                    "<li><a href=/2015/03/story-{i}><img class=lazyLoad data-src=/t/{i}.jpg alt=''>\
                     <span>Council weighs a new plan for the harbour, part {i}</span></a></li>"
                )
            })
            .collect();
        let dom = page(&format!(
            "<div id=article>{PROSE}<figure id=lead><img src=/lead.jpg alt=''><figcaption>The harbour</figcaption></figure>\
             <div id=more class=postList><h3>More Related Stories</h3><ul>{cards}</ul></div></div>"
        ));
        let rs = run(&dom, true);
        assert_eq!(
            removed(&rs, &dom, "more").map(|r| r.kind),
            Some(ClutterKind::Recommended),
            "{rs:?}"
        );
        assert!(removed(&rs, &dom, "lead").is_none(), "{rs:?}");
    }

    #[test]
    fn a_list_does_not_swallow_the_labelled_box_beside_it() {
        // A sidebar of many short links (follow buttons, topics) is no list itself; its boxes are.
        let short = |names: &[&str]| -> String {
            names
                .iter()
                .map(|s| format!("<a href=/t/{s}>{s}</a> "))
                .collect()
        };
        let follow = short(&["Facebook", "X", "Instagram", "RSS", "Email", "Threads"]);
        let topics = short(&[
            "Politics", "Harbour", "Transit", "Schools", "Budget", "Weather",
        ]);
        let dom = page(&format!(
            "<div id=article>{PROSE}</div><div id=rail><div class=follow><h3>Follow us</h3>{follow}</div>\
             <div class=topics><h3>Topics</h3>{topics}</div><div id=popular><h3>Most read</h3><ol>{}</ol></div><div id=links><ul>{}</ul></div></div>",
            headlines(5),
            headlines(6)
        ));
        let rs = run(&dom, true);
        assert_eq!(
            removed(&rs, &dom, "popular").map(|r| r.kind),
            Some(ClutterKind::TrendingList),
            "{rs:?}"
        );
        assert_eq!(
            removed(&rs, &dom, "links").map(|r| r.kind),
            Some(ClutterKind::Recommended),
            "{rs:?}"
        );
        assert!(removed(&rs, &dom, "rail").is_none(), "{rs:?}");
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
}

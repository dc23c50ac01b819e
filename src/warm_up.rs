//! A small page that takes the core through its main paths, for warming up a fresh wasm module.
//!
//! V8 compiles wasm lazily: each function on its first call. On a real page the first analysis
//! pays for that (about 20 ms in Chromium here), on the content script's critical path. Run once
//! on this page while the real one is still loading, and that cost is paid off the critical path.
//! It has what the extractor and the classifier look at: a title, a navigation bar, an article
//! of several paragraphs with a link and an image, an ad slot with its label and frame, a list
//! of headlines and a newsletter box.

use crate::dom::{Attribute, Dom, Element, LayoutFlags, Namespace, NodeData, NodeId};

const PARAGRAPH: &str = "The council met on Tuesday evening to discuss the harbour, the new \
    ferry timetable and the library's opening hours, and it heard from residents, shop owners \
    and the school, who each had something to say about the plans.";
const HEADLINES: [&str; 5] = [
    "Ferry timetable changes from next month",
    "Library to open on Sundays after vote",
    "Harbour wall repairs will take a year",
    "School wins the regional science prize",
    "New bakery opens on the market square",
];

/// The page, built directly: the wasm has no HTML parser.
pub fn page() -> Dom {
    let mut dom = Dom::new();
    let html = element(&mut dom, NodeId::ROOT, "html", &[("lang", "en")]);
    let head = element(&mut dom, html, "head", &[]);
    let title = element(&mut dom, head, "title", &[]);
    dom.append_text(title, "Council meets on the harbour plans - The Town Paper");
    let body = element(&mut dom, html, "body", &[]);

    let nav = element(&mut dom, body, "nav", &[("class", "site-nav")]);
    for (href, text) in [("/", "Home"), ("/news", "News"), ("/sport", "Sport")] {
        let a = element(&mut dom, nav, "a", &[("href", href)]);
        dom.append_text(a, text);
    }

    let article = element(&mut dom, body, "article", &[("class", "story")]);
    let h1 = element(&mut dom, article, "h1", &[]);
    dom.append_text(h1, "Council meets on the harbour plans");
    let byline = element(&mut dom, article, "p", &[("class", "byline")]);
    dom.append_text(byline, "By Ann Writer");
    for i in 0..4 {
        let p = element(&mut dom, article, "p", &[]);
        dom.append_text(p, PARAGRAPH);
        if i == 1 {
            let a = element(&mut dom, p, "a", &[("href", "/news/harbour")]);
            dom.append_text(a, "the harbour plans");
            element(&mut dom, p, "img", &[("src", "/harbour.jpg"), ("alt", "")]);
        }
    }
    let ad = element(&mut dom, article, "div", &[("class", "ad-slot")]);
    let label = element(&mut dom, ad, "span", &[]);
    dom.append_text(label, "Advertisement");
    element(
        &mut dom,
        ad,
        "iframe",
        &[("src", "https://ad.doubleclick.net/ddm/adi/1")],
    );

    let aside = element(&mut dom, body, "aside", &[]);
    let h2 = element(&mut dom, aside, "h2", &[]);
    dom.append_text(h2, "Trending now");
    let list = element(&mut dom, aside, "ul", &[]);
    for (i, headline) in HEADLINES.iter().enumerate() {
        let li = element(&mut dom, list, "li", &[]);
        let href = format!("/news/{i}");
        let a = element(&mut dom, li, "a", &[("href", &href)]);
        dom.append_text(a, headline);
    }

    let newsletter = element(&mut dom, body, "div", &[("id", "newsletter-signup")]);
    let pitch = element(&mut dom, newsletter, "p", &[]);
    dom.append_text(pitch, "Subscribe to our newsletter");
    let form = element(&mut dom, newsletter, "form", &[]);
    element(&mut dom, form, "input", &[("type", "email")]);
    dom
}

fn element(dom: &mut Dom, parent: NodeId, name: &str, attrs: &[(&str, &str)]) -> NodeId {
    let id = dom.create(NodeData::Element(Element {
        name: name.into(),
        ns: Namespace::Html,
        attrs: attrs
            .iter()
            .map(|&(name, value)| Attribute {
                name: name.into(),
                value: value.to_owned(),
            })
            .collect(),
        layout: LayoutFlags::default(),
    }));
    dom.append(parent, id);
    id
}

#[cfg(test)]
mod tests {
    use crate::declutter::ClutterKind;
    use crate::{analyze, Options};

    /// The page must take the core through extraction and several clutter rules, or the warm-up
    /// compiles too little to matter.
    #[test]
    fn the_page_exercises_extraction_and_the_classifier() {
        let analysis = analyze(&super::page(), &Options::default());
        let article = analysis.article.expect("an article");
        assert_eq!(article.title, "Council meets on the harbour plans");
        assert!(article.content.contains("the harbour plans</a>"));
        let kinds: Vec<ClutterKind> = analysis.removals.iter().map(|r| r.kind).collect();
        for kind in [
            ClutterKind::Ad,
            ClutterKind::TrendingList,
            ClutterKind::Newsletter,
        ] {
            assert!(kinds.contains(&kind), "{kind:?} in {kinds:?}");
        }
    }
}

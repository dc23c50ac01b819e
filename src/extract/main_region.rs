//! Reading a page that is not one article (a product, a list of things, a site's front page):
//! what a person would call its main content is its main region, read broadly. The region is
//! the page's main landmark, or the body less its header, navigation, sidebars and footer; in
//! it every heading, paragraph, list and table is kept, and what only serves the live page is
//! left out: form controls, buttons and calls to action, menus of short links, popups, headings
//! whose section was all left out, and on a product page the grids of other products and the
//! small boxes around its controls (stock, quantity, "add to cart"). Nothing is removed from the
//! page: those blocks are only left out of the text.

use crate::dom::{Dom, Element, NodeId};

use super::page_kind::PageKind;
use super::prep::Prep;

/// The main landmark is the region when it holds at least this share of the page's text: some
/// pages mark only a banner as `<main>`.
const MIN_MAIN_SHARE: f64 = 0.3;
/// Roles of page chrome and of what floats over the page.
const CHROME_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "dialog",
    "alertdialog",
    "menu",
    "menubar",
    "tooltip",
];
/// Elements of page chrome wherever they are.
const CHROME_TAGS: &[&str] = &["nav", "aside", "footer"];
/// What a reader cannot use: controls, and frames that are not a player.
const CONTROLS: &[&str] = &[
    "button", "select", "input", "textarea", "option", "datalist", "label", "iframe", "object",
    "embed", "dialog",
];
/// A call to action is a link made to look like a button, with a few words on it.
const MAX_CALL_TO_ACTION_CHARS: u32 = 40;
/// Class and id words of a link made to look like a button.
const BUTTON_NAMES: &[&str] = &["btn", "button", "cta"];
/// A grid of other things (a product page's "You may also like"): this many cards side by side.
const MIN_GRID_CARDS: usize = 4;
/// A card is short: a picture, a name, a price, a link.
const MAX_CARD_CHARS: u32 = 400;
/// On a product page, the box around a control, up to this much text and without a heading,
/// goes with it: "Out of stock", "Quantity", "Add to cart", a size picker's legend.
const MAX_CONTROL_BOX_CHARS: u32 = 120;
/// A menu: at least this many links, holding this share of its text, none longer on average
/// than this, and no picture (a grid of cards is content on a listing).
const MIN_MENU_LINKS: u32 = 3;
const MIN_MENU_LINK_DENSITY: f64 = 0.8;
const MAX_MENU_LINK_CHARS: u32 = 30;

/// The region read and what in it is left out.
pub struct Region {
    pub root: NodeId,
    pub dropped: Vec<bool>,
}

pub fn read(dom: &Dom, prep: &Prep, kind: PageKind) -> Region {
    let root = region_root(dom, prep);
    let mut dropped = vec![false; dom.len()];
    let mut headings = Vec::new();
    let mut controls = Vec::new();
    let region_is_body = root == prep.body;
    let mut walk = dom.descendants(root);
    while let Some(id) = walk.next() {
        if !prep.kept[id.index()] {
            walk.skip_subtree(id);
            continue;
        }
        let Some(el) = dom.element(id) else { continue };
        let is_control = CONTROLS.contains(&&*el.name) && !crate::embed::is_player(el);
        let drop = id != root
            && (is_control
                || CHROME_TAGS.contains(&&*el.name)
                || (el.is("header") && region_is_body && !inside_content(dom, id, root))
                || el.attr("role").is_some_and(|r| CHROME_ROLES.contains(&r))
                || (el.is("form") && prep.text_len(id) < 200)
                || is_call_to_action(dom, prep, id)
                || is_named(el, CHROME_WORDS)
                || (kind == PageKind::Product && is_card_grid(dom, prep, id))
                || is_menu(dom, prep, id));
        if drop {
            dropped[id.index()] = true;
            walk.skip_subtree(id);
            if is_control && kind == PageKind::Product {
                controls.push(id);
            }
        } else if is_heading(dom, id) {
            headings.push(id);
        }
    }
    for control in controls {
        let control_box = dom
            .ancestors(control)
            .take_while(|&a| {
                a != root
                    && prep.text_len(a) <= MAX_CONTROL_BOX_CHARS
                    && !dom.descendants(a).any(|d| is_heading(dom, d))
            })
            .last();
        if let Some(control_box) = control_box {
            dropped[control_box.index()] = true;
        }
    }
    drop_orphan_headings(dom, prep, root, &headings, &mut dropped);
    Region { root, dropped }
}

/// The page's main landmark holding the most text, when it holds enough of the page's; else the
/// body.
fn region_root(dom: &Dom, prep: &Prep) -> NodeId {
    let body = prep.body;
    let mut main = body;
    let mut main_len = 0;
    for &id in &prep.order {
        if (dom.is(id, "main") || dom.attr(id, "role") == Some("main"))
            && prep.text_len(id) > main_len
        {
            main = id;
            main_len = prep.text_len(id);
        }
    }
    if f64::from(main_len) >= MIN_MAIN_SHARE * f64::from(prep.text_len(body)) {
        main
    } else {
        body
    }
}

/// Inside a block that holds content rather than chrome: a header of an article or section.
fn inside_content(dom: &Dom, id: NodeId, root: NodeId) -> bool {
    dom.ancestors(id)
        .take_while(|&a| a != root)
        .any(|a| matches!(dom.tag(a), Some("article" | "section" | "main")))
}

fn is_heading(dom: &Dom, id: NodeId) -> bool {
    matches!(dom.tag(id).map(str::as_bytes), Some([b'h', b'1'..=b'6']))
}

/// Drops the headings whose section was all left out ("You may also like" over a grid of other
/// products): what follows a heading, up to the next heading or the end of its parent, is all
/// left out.
fn drop_orphan_headings(
    dom: &Dom,
    prep: &Prep,
    root: NodeId,
    headings: &[NodeId],
    dropped: &mut [bool],
) {
    let left_out = left_out_text(dom, prep, root, dropped);
    let all_left_out = |n: NodeId| left_out[n.index()] >= prep.text_len(n);
    for &heading in headings {
        // The heading, or the wrapper that holds nothing but it.
        let mut head = heading;
        while let Some(p) = dom.parent(head).filter(|&p| p != root) {
            if prep.text_len(p) != prep.text_len(heading) {
                break;
            }
            head = p;
        }
        let mut seen_left_out = false;
        let mut section_left_out = false;
        let mut next = dom.next_sibling(head);
        while let Some(n) = next {
            if prep.kept[n.index()] && prep.text_len(n) > 0 {
                if is_heading(dom, n) || !all_left_out(n) {
                    section_left_out = seen_left_out && is_heading(dom, n);
                    break;
                }
                seen_left_out = true;
                section_left_out = true;
            }
            next = dom.next_sibling(n);
        }
        if section_left_out {
            dropped[head.index()] = true;
        }
    }
}

/// Text left out under each node of the region: all of it when a node's text is all left out.
fn left_out_text(dom: &Dom, prep: &Prep, root: NodeId, dropped: &[bool]) -> Vec<u32> {
    let mut left_out = vec![0; dom.len()];
    let mut walk = dom.descendants(root);
    while let Some(id) = walk.next() {
        if dropped[id.index()] {
            let text = prep.text_len(id);
            for a in std::iter::once(id).chain(dom.ancestors(id)) {
                left_out[a.index()] += text;
                if a == root {
                    break;
                }
            }
            walk.skip_subtree(id);
        }
    }
    left_out
}

/// A menu: short links and little else, without pictures (categories, a site's sections, footer
/// links).
fn is_menu(dom: &Dom, prep: &Prep, id: NodeId) -> bool {
    if prep.link_density(id) < MIN_MENU_LINK_DENSITY {
        return false;
    }
    let (links, picture) = links_and_picture(dom, id);
    !picture && links >= MIN_MENU_LINKS && prep.text_len(id) < MAX_MENU_LINK_CHARS * links
}

/// The links (with an address) under `id`, and whether a picture is.
fn links_and_picture(dom: &Dom, id: NodeId) -> (u32, bool) {
    let mut links = 0;
    let mut picture = false;
    for d in dom.descendants(id) {
        match dom.tag(d) {
            Some("img" | "picture") => picture = true,
            Some("a") if dom.attr(d, "href").is_some() => links += 1,
            _ => {}
        }
    }
    (links, picture)
}

/// A link made to look like a button, with a few words on it ("Shop now", "Get started").
fn is_call_to_action(dom: &Dom, prep: &Prep, id: NodeId) -> bool {
    let Some(el) = dom.element(id) else {
        return false;
    };
    if !el.is("a") || prep.text_len(id) > MAX_CALL_TO_ACTION_CHARS {
        return false;
    }
    el.attr("role") == Some("button") || is_named(el, BUTTON_NAMES)
}

/// A block of at least `MIN_GRID_CARDS` short cards side by side, each with a link and a
/// picture: other products, other stories.
fn is_card_grid(dom: &Dom, prep: &Prep, id: NodeId) -> bool {
    let mut cards = 0;
    let mut others = 0;
    for c in dom.child_elements(id).filter(|c| prep.kept[c.index()]) {
        let text = prep.text_len(c);
        let (links, picture) = links_and_picture(dom, c);
        if text > 0 && text <= MAX_CARD_CHARS && picture && (links > 0 || dom.is(c, "a")) {
            cards += 1;
        } else {
            others += 1;
        }
    }
    cards >= MIN_GRID_CARDS && cards >= 2 * others
}

/// Class and id words of page chrome.
const CHROME_WORDS: &[&str] = &[
    "footer",
    "nav",
    "navbar",
    "navigation",
    "menu",
    "breadcrumb",
    "breadcrumbs",
    "sidebar",
    "modal",
    "popup",
];

/// Whether a whole word of its class or id is one of `words` ("product-nav" is chrome, "canvas"
/// is not).
fn is_named(el: &Element, words: &[&str]) -> bool {
    [el.attr("class"), el.attr("id")]
        .into_iter()
        .flatten()
        .any(|n| has_word(n, words))
}

/// Whether a class or id value holds one of `words` as a whole word, case aside.
fn has_word(names: &str, words: &[&str]) -> bool {
    names
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| words.iter().any(|x| w.eq_ignore_ascii_case(x)))
}

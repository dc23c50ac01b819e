//! A CSS selector for one element that should find the same block on the site's other pages and
//! after the page re-renders: what a per-site rule ("hide this") is kept as.
//!
//! Sites generate much of their markup: hashed class names (`css-1x2y3z`, `sc-bdVaJa`), ids with
//! numbers (`post-48213`, `div-gpt-ad-1561305600000-0`), state classes (`is-open`). A selector
//! built from those, or a chain of positions from `<body>`, stops matching on the next page or
//! build. So the selector prefers, in order: a stable id, a testing or data attribute, stable class
//! names, each of the element itself; then the same of a near ancestor plus the element's own
//! tag and classes; and only as a last resort positions (`:nth-of-type`) below such an anchor.
//! Every candidate is checked to match exactly the element on this page.

use super::{Dom, NodeId};

/// Attributes that name what a block is, most telling first.
const NAMING_ATTRIBUTES: &[&str] = &[
    "data-testid",
    "data-test-id",
    "data-test",
    "data-qa",
    "data-cy",
    "data-component",
    "data-module",
    "data-section",
    "data-type",
    "itemprop",
    "aria-label",
    "name",
];
/// Values longer than this are content (a sentence in an aria-label), not names.
const MAX_NAME_BYTES: usize = 40;
/// Class-name prefixes of CSS-in-JS libraries and frameworks, whose names change with each build.
const GENERATED_PREFIXES: &[&str] = &[
    "css-", "sc-", "jsx-", "svelte-", "emotion-", "ember", "yui_", "ng-", "tw-", "_",
];
/// Classes that say what state a block is in, not what it is.
const STATE_CLASSES: &[&str] = &[
    "active",
    "open",
    "opened",
    "closed",
    "visible",
    "hidden",
    "show",
    "shown",
    "selected",
    "hover",
    "focus",
    "focused",
    "expanded",
    "collapsed",
    "loaded",
    "loading",
    "sticky",
    "fixed",
    "in",
    "fade",
    "current",
];
/// Prefixes of state classes.
const STATE_PREFIXES: &[&str] = &["is-", "has-", "js-"];
/// How many ancestors are tried as an anchor.
const MAX_ANCHOR_LEVELS: usize = 8;

/// A selector that matches `target` and nothing else on this page, or `None` when `target` is
/// not an element in the document's tree (or is `<html>`, `<head>` or `<body>`).
pub fn stable_selector(dom: &Dom, target: NodeId) -> Option<String> {
    let name = dom.tag(target)?;
    if dom.ancestors(target).last() != Some(NodeId::ROOT)
        || matches!(name, "html" | "head" | "body")
    {
        return None;
    }
    if let Some(own) = unique_compound(dom, target) {
        return Some(Chain(vec![own]).to_string());
    }
    // An anchor that names itself, with the element's tag, or tag and classes, under it.
    let mut anchors = Vec::new();
    for a in dom.ancestors(target).take(MAX_ANCHOR_LEVELS) {
        if matches!(dom.tag(a), None | Some("body" | "html")) {
            break;
        }
        if let Some(anchor) = unique_compound(dom, a) {
            anchors.push((a, anchor));
        }
    }
    for (_, anchor) in &anchors {
        for own in descriptions(dom, target) {
            let chain = Chain(vec![*anchor, own]);
            if chain.is_unique(dom, target) {
                return Some(chain.to_string());
            }
        }
    }
    // Positions below the nearest anchor, else below <body>.
    let (top, anchor) = match anchors.first() {
        Some(&found) => found,
        None => {
            let body = dom.body()?;
            (body, Compound::tag(dom, body))
        }
    };
    let mut path: Vec<NodeId> = dom.ancestors(target).take_while(|&a| a != top).collect();
    path.reverse();
    path.push(target);
    let mut steps = vec![anchor];
    for id in path {
        let mut step = Compound::tag(dom, id);
        step.classes = first_classes(dom, id);
        step.child = true;
        if !step.only_one_among_siblings(dom, id) {
            step.nth_of_type = nth_of_type(dom, id);
        }
        steps.push(step);
    }
    let chain = Chain(steps);
    chain.is_unique(dom, target).then(|| chain.to_string())
}

/// A name an element's own one-compound selector can use: its id, a naming attribute's value,
/// or a class (with the element's tag).
#[derive(Clone, Copy)]
enum OwnName<'a> {
    Id(&'a str),
    Attr(&'a str, &'a str),
    Class(&'a str),
}

impl<'a> OwnName<'a> {
    fn compound(self, dom: &'a Dom, id: NodeId) -> Compound<'a> {
        let tag = Compound::tag(dom, id);
        match self {
            OwnName::Id(value) => Compound {
                tag: None,
                id: Some(value),
                ..tag
            },
            OwnName::Attr(name, value) => Compound {
                attr: Some((name, value)),
                ..tag
            },
            OwnName::Class(class) => Compound {
                classes: [Some(class), None],
                ..tag
            },
        }
    }
}

/// The stable names of `id` that `telling` accepts, in the order a selector prefers them.
fn telling_names<'a>(
    dom: &'a Dom,
    id: NodeId,
    telling: &impl Fn(&str) -> bool,
) -> Vec<OwnName<'a>> {
    let Some(e) = dom.element(id) else {
        return Vec::new();
    };
    let mut names = Vec::new();
    if let Some(value) = e.attr("id").filter(|v| is_stable_name(v) && telling(v)) {
        names.push(OwnName::Id(value));
    }
    for &name in NAMING_ATTRIBUTES {
        if let Some(value) = e
            .attr(name)
            .filter(|v| is_stable_value(v) && v.split(' ').any(telling))
        {
            names.push(OwnName::Attr(name, value));
        }
    }
    names.extend(
        stable_classes(dom, id)
            .filter(|c| telling(c))
            .map(OwnName::Class),
    );
    names
}

/// A selector for a block the page may insert again, to hide a copy as it comes in: one of the
/// element's own names that matches it alone on this page and that `telling` accepts (a name
/// that says what the block is). Never positions or ancestors: after a re-render they find
/// other content. `None` when the element has no such name.
pub fn named_selector(dom: &Dom, target: NodeId, telling: impl Fn(&str) -> bool) -> Option<String> {
    if matches!(dom.tag(target)?, "html" | "head" | "body") {
        return None;
    }
    telling_names(dom, target, &telling)
        .into_iter()
        .map(|name| name.compound(dom, target))
        .find(|&c| Chain(vec![c]).is_unique(dom, target))
        .map(|c| c.to_string())
}

/// The first of the element's own selectors (id, naming attribute, a stable class, two of them)
/// that matches only it.
fn unique_compound(dom: &Dom, id: NodeId) -> Option<Compound<'_>> {
    let e = dom.element(id)?;
    let tag = Compound::tag(dom, id);
    let unique = |c: Compound<'_>| Chain(vec![c]).is_unique(dom, id);
    if let Some(value) = e.attr("id").filter(|v| is_stable_name(v)) {
        let by_id = Compound {
            tag: None,
            id: Some(value),
            ..tag
        };
        if unique(by_id) {
            return Some(by_id);
        }
    }
    for &name in NAMING_ATTRIBUTES {
        if let Some(value) = e.attr(name).filter(|v| is_stable_value(v)) {
            let by_attr = Compound {
                attr: Some((name, value)),
                ..tag
            };
            if unique(by_attr) {
                return Some(by_attr);
            }
        }
    }
    descriptions(dom, id)
        .into_iter()
        .skip(1)
        .find(|&c| unique(c))
}

/// What the element is, from least to most said: its tag, with each stable class, with two.
fn descriptions(dom: &Dom, id: NodeId) -> Vec<Compound<'_>> {
    let tag = Compound::tag(dom, id);
    let mut out = vec![tag];
    for class in stable_classes(dom, id) {
        out.push(Compound {
            classes: [Some(class), None],
            ..tag
        });
    }
    let two = first_classes(dom, id);
    if two[1].is_some() {
        out.push(Compound {
            classes: two,
            ..tag
        });
    }
    out
}

fn stable_classes(dom: &Dom, id: NodeId) -> impl Iterator<Item = &str> {
    dom.attr(id, "class")
        .unwrap_or("")
        .split_ascii_whitespace()
        .filter(|c| is_stable_name(c) && !is_state(c))
}

fn first_classes(dom: &Dom, id: NodeId) -> [Option<&str>; 2] {
    let mut classes = stable_classes(dom, id);
    let first = classes.next();
    [first, classes.find(|&c| Some(c) != first)]
}

fn is_state(class: &str) -> bool {
    STATE_CLASSES.iter().any(|c| c.eq_ignore_ascii_case(class))
        || STATE_PREFIXES
            .iter()
            .any(|p| starts_with_ignoring_case(class, p))
}

fn starts_with_ignoring_case(name: &str, prefix: &str) -> bool {
    name.as_bytes()
        .get(..prefix.len())
        .is_some_and(|start| start.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// A name a site chose by hand: ASCII letters, digits, `-` and `_`, not hashed, not numbered,
/// not built by a framework.
pub fn is_stable_name(name: &str) -> bool {
    let bytes = name.as_bytes();
    if bytes.is_empty() || bytes.len() > MAX_NAME_BYTES {
        return false;
    }
    if !bytes
        .iter()
        .all(|&b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return false;
    }
    if GENERATED_PREFIXES
        .iter()
        .any(|p| starts_with_ignoring_case(name, p))
    {
        return false;
    }
    // Numbered ids (`post-48213`, GUIDs, GPT slots) change from page to page.
    let mut digit_run = 0;
    for &b in bytes {
        digit_run = if b.is_ascii_digit() { digit_run + 1 } else { 0 };
        if digit_run >= 3 {
            return false;
        }
    }
    !name.split(['-', '_']).any(looks_hashed)
}

/// A piece of a name that reads like a hash: letters and digits mixed (`a1b2c`), or lower and
/// upper case mixed unlike words in camelCase (`bdVaJa`, `kKGMrp`).
fn looks_hashed(part: &str) -> bool {
    let (mut digits, mut upper, mut lower) = (0, 0, 0);
    for b in part.bytes() {
        match b {
            b'0'..=b'9' => digits += 1,
            b'A'..=b'Z' => upper += 1,
            b'a'..=b'z' => lower += 1,
            _ => {}
        }
    }
    let len = part.len();
    if digits > 0 && upper + lower > 0 && len >= 5 {
        return true;
    }
    // "articleBody" and "YouTube" have one capital per word; a hash packs them close together.
    len >= 5 && upper >= 2 && lower > 0 && len <= upper * 3
}

/// Attribute values: like names, but words with spaces are fine ("most read").
fn is_stable_value(value: &str) -> bool {
    value.len() <= MAX_NAME_BYTES && value.split(' ').all(is_stable_name)
}

/// The element's position among its parent's children of the same name, from 1.
fn nth_of_type(dom: &Dom, id: NodeId) -> u32 {
    let name = dom.tag(id);
    let mut n = 0;
    for s in dom.child_elements(dom.parent(id).unwrap_or(NodeId::ROOT)) {
        if dom.tag(s) == name {
            n += 1;
        }
        if s == id {
            break;
        }
    }
    n
}

/// One compound selector: `tag#id.class.class[attr="value"]:nth-of-type(n)`, each part optional,
/// borrowing its names from the document. `child`: joined to the step before by `>`, not ` `.
#[derive(Clone, Copy, Debug, Default)]
struct Compound<'a> {
    tag: Option<&'a str>,
    id: Option<&'a str>,
    classes: [Option<&'a str>; 2],
    attr: Option<(&'a str, &'a str)>,
    /// 0: no position.
    nth_of_type: u32,
    child: bool,
}

impl<'a> Compound<'a> {
    fn tag(dom: &'a Dom, id: NodeId) -> Compound<'a> {
        Compound {
            tag: dom.tag(id),
            ..Compound::default()
        }
    }

    fn matches(&self, dom: &Dom, id: NodeId) -> bool {
        let Some(e) = dom.element(id) else {
            return false;
        };
        let class_list = e.attr("class").unwrap_or("");
        self.tag.is_none_or(|t| e.is(t))
            && self.id.is_none_or(|v| e.attr("id") == Some(v))
            && self.attr.is_none_or(|(name, v)| e.attr(name) == Some(v))
            && self
                .classes
                .iter()
                .flatten()
                .all(|c| class_list.split_ascii_whitespace().any(|k| k == *c))
            && (self.nth_of_type == 0 || nth_of_type(dom, id) == self.nth_of_type)
    }

    fn only_one_among_siblings(&self, dom: &Dom, id: NodeId) -> bool {
        let parent = dom.parent(id).unwrap_or(NodeId::ROOT);
        dom.child_elements(parent)
            .filter(|&s| self.matches(dom, s))
            .count()
            == 1
    }
}

impl std::fmt::Display for Compound<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(tag) = self.tag {
            f.write_str(tag)?;
        }
        if let Some(id) = self.id {
            f.write_str("#")?;
            write_ident(f, id)?;
        }
        for class in self.classes.iter().flatten() {
            f.write_str(".")?;
            write_ident(f, class)?;
        }
        if let Some((name, value)) = self.attr {
            // Values holding `"` or `\` are never chosen (is_stable_value).
            write!(f, "[{name}=\"{value}\"]")?;
        }
        if self.nth_of_type > 0 {
            write!(f, ":nth-of-type({})", self.nth_of_type)?;
        }
        Ok(())
    }
}

/// A CSS identifier as `CSS.escape` writes one made of stable-name characters: only a leading
/// digit needs escaping.
fn write_ident(f: &mut std::fmt::Formatter<'_>, ident: &str) -> std::fmt::Result {
    let skip = usize::from(ident.starts_with('-'));
    match ident.as_bytes().get(skip) {
        Some(d) if d.is_ascii_digit() => {
            write!(
                f,
                "{}\\3{} {}",
                &ident[..skip],
                *d as char,
                &ident[skip + 1..]
            )
        }
        _ => f.write_str(ident),
    }
}

/// Compounds from the outermost to the element.
struct Chain<'a>(Vec<Compound<'a>>);

impl Chain<'_> {
    /// Whether the chain matches `target` and no other element of the document.
    fn is_unique(&self, dom: &Dom, target: NodeId) -> bool {
        let mut found = false;
        for id in dom.descendants(NodeId::ROOT) {
            if self.matches_at(dom, id, self.0.len() - 1) {
                if id != target || found {
                    return false;
                }
                found = true;
            }
        }
        found
    }

    fn matches_at(&self, dom: &Dom, id: NodeId, step: usize) -> bool {
        let compound = &self.0[step];
        if !compound.matches(dom, id) {
            return false;
        }
        if step == 0 {
            return true;
        }
        if compound.child {
            dom.parent(id)
                .is_some_and(|p| self.matches_at(dom, p, step - 1))
        } else {
            dom.ancestors(id).any(|a| self.matches_at(dom, a, step - 1))
        }
    }
}

impl std::fmt::Display for Chain<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, step) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(if step.child { " > " } else { " " })?;
            }
            write!(f, "{step}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(body: &str) -> Dom {
        crate::parse_html(format!("<!DOCTYPE html><html><body>{body}</body></html>").as_bytes())
            .unwrap()
    }

    /// The element with `data-pick` (removed before choosing, so it never helps).
    fn picked(body: &str) -> (Dom, NodeId) {
        let mut dom = page(body);
        let id = dom
            .descendants(NodeId::ROOT)
            .find(|&n| dom.attr(n, "data-pick").is_some())
            .expect("a data-pick element");
        let e = dom.element_mut(id).unwrap();
        e.attrs.retain(|a| &*a.name != "data-pick");
        (dom, id)
    }

    fn selector(body: &str) -> String {
        let (dom, id) = picked(body);
        stable_selector(&dom, id).expect("a selector")
    }

    #[test]
    fn hashed_and_numbered_names_are_not_stable() {
        for name in [
            "css-1x2y3z",
            "sc-bdVaJa",
            "kKGMrp",
            "jsx-2871367",
            "post-48213",
            "a1b2c3d4",
            "Button_root__3kPq2",
            "ember123",
            "div-gpt-ad-1561305600000-0",
        ] {
            assert!(!is_stable_name(name), "{name}");
        }
        for name in [
            "newsletter-signup",
            "most-read",
            "articleBody",
            "related_stories",
            "h2",
            "col-6",
            "CNN",
            "YouTube",
            "iOS",
        ] {
            assert!(is_stable_name(name), "{name}");
        }
    }

    #[test]
    fn a_stable_id_is_enough() {
        assert_eq!(
            selector(r#"<div><div id="newsletter-box" data-pick>Sign up</div></div>"#),
            "#newsletter-box"
        );
    }

    #[test]
    fn a_numbered_id_gives_way_to_a_class() {
        assert_eq!(
            selector(
                r#"<aside id="widget-83721" class="is-open most-read" data-pick>x</aside><div class="most-read">y</div>"#
            ),
            "aside.most-read"
        );
    }

    #[test]
    fn testing_attributes_beat_hashed_classes() {
        assert_eq!(
            selector(
                r#"<div class="css-1x2y3z"><div class="sc-bdVaJa" data-testid="promo-banner" data-pick>Join</div></div>"#
            ),
            r#"div[data-testid="promo-banner"]"#
        );
    }

    #[test]
    fn an_anchor_with_the_elements_own_classes() {
        let body = r#"<section id="sidebar"><div class="box">a</div><div class="box loader" data-pick>Loading…</div></section>
            <main><div class="box loader">b</div></main>"#;
        assert_eq!(selector(body), "#sidebar div.loader");
    }

    #[test]
    fn positions_only_below_an_anchor_when_nothing_else_names_the_element() {
        let body = r#"<div id="byline"><span class="css-aa11bb">By</span><span class="css-cc22dd" data-pick>Jo Writer</span></div>"#;
        assert_eq!(selector(body), "#byline > span:nth-of-type(2)");
    }

    #[test]
    fn positions_from_body_as_a_last_resort() {
        let body = r#"<div><p>a</p></div><div><p>b</p><p data-pick>c</p></div>"#;
        assert_eq!(
            selector(body),
            "body > div:nth-of-type(2) > p:nth-of-type(2)"
        );
    }

    #[test]
    fn awkward_names_are_escaped_or_avoided() {
        assert_eq!(selector(r#"<div id="2col" data-pick>x</div>"#), "#\\32 col");
        assert_eq!(
            selector(r#"<div class="md:flex promo" data-pick>x</div><div class="md:flex">y</div>"#),
            "div.promo"
        );
        assert_eq!(
            selector(r#"<p><span aria-label="Say &quot;hi&quot;" data-pick>x</span></p>"#),
            "body > p > span"
        );
    }

    #[test]
    fn every_selector_matches_its_element_alone() {
        let dom = page(
            r#"<header class="site"><nav><a href="/">Home</a></nav></header><main><article><h1>T</h1>
            <p>One</p><p class="lead">Two</p><figure><img src="a.png"><figcaption>c</figcaption></figure>
            <ul class="css-1q2w3e"><li>x</li><li>y</li><li class="sc-AxjAm">z</li></ul></article>
            <aside data-module="trending"><h2>Trending</h2><ol><li><a>a</a></li><li><a>b</a></li></ol></aside></main>
            <svg><circle r="1"/></svg>"#,
        );
        for id in dom.descendants(NodeId::ROOT) {
            let Some(e) = dom.element(id) else { continue };
            let sel = stable_selector(&dom, id);
            if matches!(&*e.name, "html" | "head" | "body") {
                assert_eq!(sel, None);
                continue;
            }
            let sel = sel.unwrap_or_else(|| panic!("no selector for <{}>", e.name));
            assert!(!sel.contains("css-") && !sel.contains("sc-"), "{sel}");
        }
    }

    /// `named_selector` of the element with `data-pick`, telling names being those with "promo"
    /// or "trending" in them.
    fn named(body: &str) -> Option<String> {
        let (dom, id) = picked(body);
        named_selector(&dom, id, |n| n.contains("promo") || n.contains("trending"))
    }

    #[test]
    fn a_named_selector_uses_the_elements_own_telling_name() {
        assert_eq!(
            named(r#"<aside id="trending-now" class="rail" data-pick>x</aside>"#).as_deref(),
            Some("#trending-now")
        );
        assert_eq!(
            named(r#"<section class="css-1x2y3z" data-module="trending" data-pick>x</section>"#)
                .as_deref(),
            Some(r#"section[data-module="trending"]"#)
        );
        assert_eq!(
            named(
                r#"<div class="is-open promo-box box" data-pick>x</div><div class="box">y</div>"#
            )
            .as_deref(),
            Some("div.promo-box")
        );
    }

    #[test]
    fn no_named_selector_without_a_unique_telling_name() {
        // Shared with another element of the same tag.
        assert_eq!(
            named(r#"<div class="promo" data-pick>x</div><div class="promo">y</div>"#),
            None
        );
        // Unique, but saying nothing of what the block is.
        assert_eq!(
            named(r#"<div id="sidebar" class="box" data-pick>x</div>"#),
            None
        );
        // Hashed or numbered.
        assert_eq!(
            named(r#"<div id="promo-48213" class="promo-a1b2c3" data-pick>x</div>"#),
            None
        );
        // A class twice on one element still counts once.
        assert_eq!(
            named(r#"<div class="promo promo" data-pick>x</div>"#).as_deref(),
            Some("div.promo")
        );
    }

    #[test]
    fn nothing_for_nodes_outside_the_tree() {
        let dom = page("<p>x</p>");
        let text = dom
            .descendants(NodeId::ROOT)
            .find(|&n| dom.text(n).is_some())
            .unwrap();
        assert_eq!(stable_selector(&dom, text), None);
        assert_eq!(stable_selector(&dom, NodeId::ROOT), None);
    }
}

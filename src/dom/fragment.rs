//! A small, lenient reader for well-formed HTML fragments: the reader HTML the core writes (for
//! the Markdown conversion, which also runs in the wasm, where html5ever is not), and the markup
//! a `<noscript>` holds as text. Elements, attributes and text, entities decoded; comments and
//! the contents of scripts and styles skipped. It builds no implied elements and fixes no
//! misnesting: an end tag closes the nearest open element of its name, or nothing.

use super::{Attribute, Dom, Element, LayoutFlags, Namespace, NodeData, NodeId};
use crate::dom::serialize::VOID_ELEMENTS;
use crate::text::unescape_entities;

/// Elements whose content is code, never read.
const SKIPPED_CONTENT: &[&str] = &["script", "style", "template"];

/// Reads `html` into a new `Dom`, its nodes under the document root.
pub fn parse_fragment(html: &str) -> Dom {
    let mut dom = Dom::new();
    let mut open: Vec<NodeId> = vec![NodeId::ROOT];
    let mut rest = html;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            append_text(&mut dom, &open, rest);
            break;
        };
        append_text(&mut dom, &open, &rest[..lt]);
        rest = &rest[lt..];
        let after = &rest[1..];
        if let Some(comment) = after.strip_prefix("!--") {
            rest = comment.find("-->").map_or("", |e| &comment[e + 3..]);
        } else if after.starts_with(['!', '?']) {
            rest = after.find('>').map_or("", |e| &after[e + 1..]);
        } else if let Some(end) = after.strip_prefix('/') {
            let name = tag_name(end);
            rest = end.find('>').map_or("", |e| &end[e + 1..]);
            if let Some(at) = open.iter().rposition(|&n| dom.is(n, &name)) {
                open.truncate(at.max(1));
            }
        } else if after.starts_with(|c: char| c.is_ascii_alphabetic()) {
            let (element, closed, after_tag) = start_tag(after);
            rest = after_tag;
            let name = element.name.clone();
            if SKIPPED_CONTENT.contains(&&*name) {
                let close = format!("</{name}");
                rest = find_ascii_ci(rest, &close).map_or("", |e| &rest[e..]);
                continue;
            }
            let id = dom.create(NodeData::Element(element));
            let parent = *open.last().unwrap_or(&NodeId::ROOT);
            dom.append(parent, id);
            if !closed && !VOID_ELEMENTS.contains(&&*name) {
                open.push(id);
            }
        } else {
            append_text(&mut dom, &open, "<");
            rest = after;
        }
    }
    dom
}

fn append_text(dom: &mut Dom, open: &[NodeId], raw: &str) {
    if !raw.is_empty() {
        let parent = *open.last().unwrap_or(&NodeId::ROOT);
        dom.append_text(parent, &unescape_entities(raw));
    }
}

/// The lower-cased name at the start of a tag.
fn tag_name(s: &str) -> String {
    s.chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | ':' | '_'))
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Reads a start tag after its `<`: the element, whether it closed itself (`/>`), and the text
/// after the tag.
fn start_tag(s: &str) -> (Element, bool, &str) {
    let name = tag_name(s);
    let mut rest = &s[name.len()..];
    let mut attrs: Vec<Attribute> = Vec::new();
    let mut closed = false;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        if rest.is_empty() {
            break;
        }
        if let Some(after) = rest.strip_prefix('>') {
            closed = s[..s.len() - rest.len()].trim_end().ends_with('/');
            rest = after;
            break;
        }
        let end = rest
            .find(|c: char| c.is_whitespace() || matches!(c, '=' | '>' | '/'))
            .unwrap_or(rest.len())
            .max(1);
        let attr = rest[..end].to_ascii_lowercase();
        rest = rest[end..].trim_start();
        let mut value = String::new();
        if let Some(v) = rest.strip_prefix('=') {
            let v = v.trim_start();
            let (raw, after) = match v.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let body = &v[1..];
                    let end = body.find(q).unwrap_or(body.len());
                    (&body[..end], body.get(end + 1..).unwrap_or(""))
                }
                _ => {
                    let end = v
                        .find(|c: char| c.is_whitespace() || c == '>')
                        .unwrap_or(v.len());
                    (&v[..end], &v[end..])
                }
            };
            value = unescape_entities(raw);
            rest = after;
        }
        if !attrs.iter().any(|a| *a.name == *attr) {
            attrs.push(Attribute {
                name: attr.into(),
                value,
            });
        }
    }
    let element = Element {
        name: name.into(),
        ns: Namespace::Html,
        attrs,
        layout: LayoutFlags::default(),
    };
    (element, closed, rest)
}

/// Where `needle` (ASCII) first occurs in `haystack`, ignoring ASCII case.
fn find_ascii_ci(haystack: &str, needle: &str) -> Option<usize> {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    (0..=h.len().checked_sub(n.len())?).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::serialize::inner_html;

    #[test]
    fn reads_elements_attributes_and_text() {
        let dom = parse_fragment(
            r#"<p class=a>x &amp; <b title="q &quot;t&quot;">y</b><br>z &lt;1&gt;</p><img src='a.png' alt="hi"/>"#,
        );
        assert_eq!(
            inner_html(&dom, NodeId::ROOT),
            r#"<p class="a">x &amp; <b title="q &quot;t&quot;">y</b><br>z &lt;1&gt;</p><img src="a.png" alt="hi">"#
        );
    }

    #[test]
    fn skips_comments_scripts_and_stray_end_tags() {
        let dom =
            parse_fragment("a<!-- <b> -->b<script>if (a<b) {}</script></i>c<?x?><!doctype html>d");
        assert_eq!(inner_html(&dom, NodeId::ROOT), "abcd");
    }

    #[test]
    fn never_fails_on_broken_markup() {
        for html in [
            "<",
            "<p",
            "<p a=\"",
            "</",
            "<!--",
            "<img src=",
            "a < b",
            "<p><<>>",
        ] {
            let dom = parse_fragment(html);
            let _ = inner_html(&dom, NodeId::ROOT);
        }
        assert_eq!(
            inner_html(&parse_fragment("a < b"), NodeId::ROOT),
            "a &lt; b"
        );
    }
}

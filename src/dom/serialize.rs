//! HTML serialisation of a [`Dom`], following the HTML standard's fragment serialisation.

use super::{Dom, NodeData, NodeId};

/// Elements without an end tag.
pub const VOID_ELEMENTS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// Elements whose text is written as is, never escaped.
const RAW_TEXT_ELEMENTS: &[&str] = &[
    "style",
    "script",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
    "noscript",
];

/// Serialises the whole document, leaving out every subtree for which `skip` is true.
pub fn to_html(dom: &Dom, skip: impl Fn(NodeId) -> bool) -> String {
    let mut out = String::with_capacity(dom.len() * 16);
    write_children(dom, NodeId::ROOT, &skip, &mut out);
    out
}

/// Serialises the children of `id` (its inner HTML).
pub fn inner_html(dom: &Dom, id: NodeId) -> String {
    let mut out = String::new();
    write_children(dom, id, &|_| false, &mut out);
    out
}

fn write_children(dom: &Dom, root: NodeId, skip: &dyn Fn(NodeId) -> bool, out: &mut String) {
    // An explicit walk with open/close events, so nesting depth costs no stack.
    let mut walk = dom.descendants(root);
    walk.next();
    let mut open: Vec<NodeId> = Vec::new();
    while let Some(id) = walk.next() {
        while let Some(&top) = open.last() {
            if dom.parent(id) == Some(top) {
                break;
            }
            close(dom, top, out);
            open.pop();
        }
        if skip(id) {
            walk.skip_subtree(id);
            continue;
        }
        match dom.data(id) {
            NodeData::Element(e) => {
                out.push('<');
                out.push_str(&e.name);
                for a in &e.attrs {
                    out.push(' ');
                    out.push_str(&a.name);
                    out.push_str("=\"");
                    escape_into(&a.value, true, out);
                    out.push('"');
                }
                out.push('>');
                if VOID_ELEMENTS.contains(&&*e.name) {
                    walk.skip_subtree(id);
                } else {
                    open.push(id);
                }
            }
            NodeData::Text(t) => {
                let raw = dom
                    .parent(id)
                    .and_then(|p| dom.tag(p))
                    .is_some_and(|p| RAW_TEXT_ELEMENTS.contains(&p));
                if raw {
                    out.push_str(t);
                } else {
                    escape_into(t, false, out);
                }
            }
            NodeData::Comment(c) => {
                out.push_str("<!--");
                out.push_str(c);
                out.push_str("-->");
            }
            NodeData::Doctype => out.push_str("<!DOCTYPE html>"),
            NodeData::Document | NodeData::Fragment => {}
        }
    }
    while let Some(top) = open.pop() {
        close(dom, top, out);
    }
}

fn close(dom: &Dom, id: NodeId, out: &mut String) {
    if let Some(name) = dom.tag(id) {
        out.push_str("</");
        out.push_str(name);
        out.push('>');
    }
}

/// Escapes text for an HTML text node, or for a double-quoted attribute value. Runs between the
/// characters to escape are copied whole: a push per character is slow, above all in wasm.
pub fn escape_into(text: &str, attribute: bool, out: &mut String) {
    let bytes = text.as_bytes();
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        let (escaped, len) = match bytes[i] {
            b'&' => ("&amp;", 1),
            // U+00A0 in UTF-8; 0xC2 only ever starts a character.
            0xc2 if bytes.get(i + 1) == Some(&0xa0) => ("&nbsp;", 2),
            b'"' if attribute => ("&quot;", 1),
            b'<' if !attribute => ("&lt;", 1),
            b'>' if !attribute => ("&gt;", 1),
            _ => {
                i += 1;
                continue;
            }
        };
        out.push_str(&text[copied..i]);
        out.push_str(escaped);
        i += len;
        copied = i;
    }
    out.push_str(&text[copied..]);
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::dom::parse::parse_str;

    #[test]
    fn round_trips_markup() {
        let src = "<html><head></head><body><p class=\"a\">x &amp; <b>y</b><br>z</p><script>if (a<b) {}</script></body></html>";
        let dom = parse_str(src).unwrap();
        assert_eq!(
            to_html(&dom, |_| false),
            "<html><head></head><body><p class=\"a\">x &amp; <b>y</b><br>z</p><script>if (a<b) {}</script></body></html>"
        );
    }

    #[test]
    fn skips_subtrees() {
        let dom =
            parse_str("<div><p id=a>keep</p><p id=b>drop <i>me</i></p><p>tail</p></div>").unwrap();
        let html = to_html(&dom, |id| dom.attr(id, "id") == Some("b"));
        assert!(html.contains("<p id=\"a\">keep</p><p>tail</p>"), "{html}");
    }
}

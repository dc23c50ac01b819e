//! The web door's wire format: a page copied in one pass into flat numbers and one string.
//!
//! The content script walks the live DOM once (`extension/snapshot.js`) and keeps the list of the
//! live nodes it visited; node `i` of that list is `NodeId(i)` here. The same snapshot can be
//! decoded in the content script's wasm or, on pages whose CSP blocks wasm there, in the
//! background's, so both paths give the same decisions by construction.
//!
//! Records follow in document order. Each starts with a header word and the parent's id:
//!
//! ```text
//! element: [KIND_* | layout << 4 | attr_count << 8, parent, name_len, (attr_name_len, attr_value_len)*]
//! text:    [KIND_TEXT, parent, text_len]
//! ```
//!
//! Lengths count UTF-16 code units (JavaScript's `length`) of consecutive pieces of `strings`.
//! Comments are left out, and so is the text of `<script>` (except JSON-LD) and `<style>`: the
//! core never reads them, and they can be most of a page's bytes.

use super::{Attribute, Dom, Element, LayoutFlags, Namespace, NodeData, NodeId};
use crate::error::InputError;
use crate::limits::MAX_NODES;

pub const KIND_HTML_ELEMENT: u32 = 1;
pub const KIND_SVG_ELEMENT: u32 = 2;
pub const KIND_MATHML_ELEMENT: u32 = 3;
pub const KIND_TEXT: u32 = 4;

/// A page as the content script copies it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Snapshot {
    pub words: Vec<u32>,
    pub strings: String,
}

/// True when the snapshot leaves out the text children of this element.
pub fn skips_text_of(element: &Element) -> bool {
    match &*element.name {
        "style" => true,
        "script" => !is_json_ld(element),
        _ => false,
    }
}

pub fn is_json_ld(element: &Element) -> bool {
    element.is("script")
        && element
            .attr("type")
            .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
}

/// Rebuilds a [`Dom`] from a snapshot, checking every record.
pub fn decode(words: &[u32], strings: &str) -> Result<Dom, InputError> {
    let mut dom = Dom::with_capacity(record_count(words).min(MAX_NODES) + 1);
    let mut cursor = Utf16Cursor { rest: strings };
    let mut i = 0;
    let word = |i: usize| {
        words
            .get(i)
            .copied()
            .ok_or(InputError::MalformedSnapshot("record cut short"))
    };
    while i < words.len() {
        if dom.len() > MAX_NODES {
            return Err(InputError::TooManyNodes {
                found: dom.len(),
                max: MAX_NODES,
            });
        }
        let header = word(i)?;
        let parent = NodeId(word(i + 1)?);
        if parent.index() >= dom.len() || dom.text(parent).is_some() {
            return Err(InputError::MalformedSnapshot(
                "parent is not an earlier element",
            ));
        }
        let kind = header & 0xF;
        let data = if kind == KIND_TEXT {
            let text = cursor.take(word(i + 2)?)?;
            i += 3;
            NodeData::Text(text.to_owned())
        } else {
            let ns = match kind {
                KIND_HTML_ELEMENT => Namespace::Html,
                KIND_SVG_ELEMENT => Namespace::Svg,
                KIND_MATHML_ELEMENT => Namespace::MathMl,
                _ => return Err(InputError::MalformedSnapshot("unknown record kind")),
            };
            let attr_count = (header >> 8) as usize;
            let name = cursor.take(word(i + 2)?)?.to_ascii_lowercase().into();
            let mut attrs = Vec::with_capacity(attr_count.min(64));
            for a in 0..attr_count {
                let name_len = word(i + 3 + 2 * a)?;
                let value_len = word(i + 4 + 2 * a)?;
                attrs.push(Attribute {
                    name: cursor.take(name_len)?.to_ascii_lowercase().into(),
                    value: cursor.take(value_len)?.to_owned(),
                });
            }
            i += 3 + 2 * attr_count;
            NodeData::Element(Element {
                name,
                ns,
                attrs,
                layout: LayoutFlags(((header >> 4) & 0xF) as u8),
            })
        };
        let id = dom.create(data);
        dom.append(parent, id);
    }
    if !cursor.rest.is_empty() {
        return Err(InputError::MalformedSnapshot("strings left over"));
    }
    mark_partial_ancestors(&mut dom);
    Ok(dom)
}

/// An element holding part of its children makes its ancestors partial too, whatever the
/// snapshot says: the core must never take a part for a whole.
fn mark_partial_ancestors(dom: &mut Dom) {
    // Children come after their parents: one pass from the end carries the mark up.
    for i in (1..dom.len()).rev() {
        let id = NodeId(i as u32);
        let partial = dom
            .element(id)
            .is_some_and(|e| e.layout.has(LayoutFlags::PARTIAL));
        if let (true, Some(parent)) = (partial, dom.parent(id)) {
            if let Some(p) = dom.element_mut(parent) {
                p.layout.0 |= LayoutFlags::PARTIAL;
            }
        }
    }
}

/// How many records `words` holds, by their headers (an estimate if they are malformed, which
/// `decode` then finds).
fn record_count(words: &[u32]) -> usize {
    let mut at = 0;
    let mut records = 0;
    while let Some(&header) = words.get(at) {
        at += if header & 0xF == KIND_TEXT {
            3
        } else {
            3 + 2 * (header >> 8) as usize
        };
        records += 1;
    }
    records
}

/// Writes a [`Dom`] as the content script would have: the reference for `extension/snapshot.js`,
/// and how tests show that both doors give the same model.
pub fn encode(dom: &Dom) -> Snapshot {
    let mut out = Encoder::new(dom);
    for child in dom.children(NodeId::ROOT) {
        out.subtree(child);
    }
    out.snap
}

/// A part of a page as the content script sends it, and where each of its records came from.
pub struct Part {
    pub snapshot: Snapshot,
    /// `nodes[i]` is the node of the page that the part's node `i` copies (`nodes[0]` the
    /// document), as `extension/snapshot.js` keeps the live nodes.
    pub nodes: Vec<NodeId>,
}

/// Writes a part of a [`Dom`] as the content script sends what a page changed, or what a first
/// look at a huge page left out: the subtrees of `roots` whole, in the order given (document
/// order, none inside another), and their ancestors as context, marked
/// [`LayoutFlags::PARTIAL`].
pub fn encode_part(dom: &Dom, roots: &[NodeId]) -> Part {
    let mut out = Encoder::new(dom);
    for &root in roots {
        let mut chain: Vec<NodeId> = dom.ancestors(root).collect();
        chain.pop(); // the document
        for &a in chain.iter().rev() {
            if out.ids[a.index()] == u32::MAX {
                out.node(a, LayoutFlags::PARTIAL);
            }
        }
        out.subtree(root);
    }
    let mut nodes = vec![NodeId::ROOT; out.next_id as usize];
    for (index, &id) in out.ids.iter().enumerate() {
        if id != u32::MAX {
            nodes[id as usize] = NodeId(index as u32);
        }
    }
    Part {
        snapshot: out.snap,
        nodes,
    }
}

/// Writes records, numbering the nodes written in order (the document is 0).
struct Encoder<'a> {
    dom: &'a Dom,
    snap: Snapshot,
    /// By node index: its id in the snapshot, `u32::MAX` while not written.
    ids: Vec<u32>,
    next_id: u32,
}

impl<'a> Encoder<'a> {
    fn new(dom: &'a Dom) -> Self {
        let mut ids = vec![u32::MAX; dom.len()];
        ids[0] = 0;
        Encoder {
            dom,
            snap: Snapshot::default(),
            ids,
            next_id: 1,
        }
    }

    fn subtree(&mut self, root: NodeId) {
        let mut walk = self.dom.descendants(root);
        while let Some(node) = walk.next() {
            if !self.node(node, 0) {
                walk.skip_subtree(node);
            }
        }
    }

    /// Writes one node's record under its parent's (written before), with `layout` added to its
    /// own bits; false when the snapshot leaves it out.
    fn node(&mut self, node: NodeId, layout: u8) -> bool {
        let dom = self.dom;
        let parent_el = dom.parent(node).and_then(|p| dom.element(p));
        let parent = dom.parent(node).map_or(u32::MAX, |p| self.ids[p.index()]);
        let snap = &mut self.snap;
        match dom.data(node) {
            NodeData::Element(e) => {
                let kind = match e.ns {
                    Namespace::Html => KIND_HTML_ELEMENT,
                    Namespace::Svg => KIND_SVG_ELEMENT,
                    Namespace::MathMl => KIND_MATHML_ELEMENT,
                };
                let layout = u32::from(e.layout.0 | layout);
                snap.words
                    .push(kind | (layout << 4) | ((e.attrs.len() as u32) << 8));
                snap.words.push(parent);
                push_str(snap, &e.name);
                for a in &e.attrs {
                    push_str(snap, &a.name);
                    push_str(snap, &a.value);
                }
            }
            NodeData::Text(t) if !parent_el.is_some_and(skips_text_of) => {
                snap.words.extend([KIND_TEXT, parent]);
                push_str(snap, t);
            }
            _ => return false,
        }
        self.ids[node.index()] = self.next_id;
        self.next_id += 1;
        true
    }
}

fn push_str(snap: &mut Snapshot, s: &str) {
    snap.words.push(s.encode_utf16().count() as u32);
    snap.strings.push_str(s);
}

/// Reads consecutive pieces of a string whose lengths are given in UTF-16 code units.
struct Utf16Cursor<'a> {
    rest: &'a str,
}

impl<'a> Utf16Cursor<'a> {
    fn take(&mut self, units: u32) -> Result<&'a str, InputError> {
        // Most pieces are ASCII, where a UTF-16 unit is a byte: no need to decode them.
        let ascii = self
            .rest
            .as_bytes()
            .get(..units as usize)
            .is_some_and(<[u8]>::is_ascii);
        if ascii {
            let (piece, rest) = self.rest.split_at(units as usize);
            self.rest = rest;
            return Ok(piece);
        }
        let mut counted = 0u32;
        let mut end = 0;
        for c in self.rest.chars() {
            if counted >= units {
                break;
            }
            counted += c.len_utf16() as u32;
            end += c.len_utf8();
        }
        if counted != units {
            return Err(InputError::MalformedSnapshot(
                "string lengths do not add up",
            ));
        }
        let (piece, rest) = self.rest.split_at(end);
        self.rest = rest;
        Ok(piece)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::dom::parse::parse_str;
    use crate::dom::serialize::to_html;

    #[test]
    fn decode_inverts_encode() {
        let dom = parse_str(
            "<!-- c --><title>Tïtle 😀</title><p class=a data-x='1'>x<b>y</b></p>\
             <svg viewBox='0 0 1 1'><path d='M0'/></svg><script>var x</script>\
             <script type=application/ld+json>{\"a\":1}</script><style>p{}</style>",
        )
        .unwrap();
        let snap = encode(&dom);
        let back = decode(&snap.words, &snap.strings).unwrap();
        let html = to_html(&back, |_| false);
        assert_eq!(
            html,
            "<html><head><title>Tïtle 😀</title></head><body><p class=\"a\" data-x=\"1\">x<b>y</b></p>\
             <svg viewbox=\"0 0 1 1\"><path d=\"M0\"></path></svg><script></script>\
             <script type=\"application/ld+json\">{\"a\":1}</script><style></style></body></html>"
        );
        assert_eq!(encode(&back), snap);
    }

    #[test]
    fn a_part_is_its_subtrees_with_their_ancestors_partial() {
        let dom = parse_str(
            "<div id=a><p id=b>one</p><p id=c>two <b>three</b></p></div><div id=d><i>four</i></div>",
        )
        .unwrap();
        let find = |id| {
            dom.descendants(NodeId::ROOT)
                .find(|&n| dom.attr(n, "id") == Some(id))
                .unwrap()
        };
        let part = encode_part(&dom, &[find("c"), find("d")]);
        let back = decode(&part.snapshot.words, &part.snapshot.strings).unwrap();
        let html = to_html(&back, |_| false);
        assert_eq!(
            html,
            "<html><body><div id=\"a\"><p id=\"c\">two <b>three</b></p></div>\
             <div id=\"d\"><i>four</i></div></body></html>"
        );
        let partial: Vec<&str> = back
            .descendants(NodeId::ROOT)
            .filter(|&n| {
                back.element(n)
                    .is_some_and(|e| e.layout.has(LayoutFlags::PARTIAL))
            })
            .map(|n| back.tag(n).unwrap())
            .collect();
        assert_eq!(partial, ["html", "body", "div"]);
        for (i, &n) in part.nodes.iter().enumerate() {
            assert_eq!(
                back.tag(NodeId(i as u32)),
                dom.tag(n),
                "nodes[{i}] is the node copied"
            );
        }
    }

    #[test]
    fn decode_makes_the_ancestors_of_a_partial_element_partial() {
        let partial = LayoutFlags::PARTIAL as u32;
        let words = [
            KIND_HTML_ELEMENT,
            0,
            3,
            KIND_HTML_ELEMENT,
            1,
            4,
            KIND_HTML_ELEMENT | partial << 4,
            2,
            3,
        ];
        let dom = decode(&words, "divspandiv").unwrap();
        let flags: Vec<bool> = (1..4)
            .map(|i| {
                dom.element(NodeId(i))
                    .unwrap()
                    .layout
                    .has(LayoutFlags::PARTIAL)
            })
            .collect();
        assert_eq!(flags, [true, true, true]);
    }

    #[test]
    fn malformed_snapshots_are_errors_not_panics() {
        let cases: &[(&[u32], &str)] = &[
            (&[KIND_TEXT, 0], ""),
            (&[KIND_TEXT, 5, 0], ""),
            (&[KIND_TEXT, 0, 3], "ab"),
            (&[KIND_TEXT, 0, 1], "ab"),
            (&[9, 0, 0], ""),
            (&[KIND_TEXT, 0, 1, KIND_TEXT, 1, 1], "ab"),
            (&[KIND_HTML_ELEMENT | (1000 << 8), 0, 1], "p"),
        ];
        for (words, strings) in cases {
            assert!(decode(words, strings).is_err(), "{words:?} {strings:?}");
        }
    }
}

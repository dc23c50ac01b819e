//! The document model: an arena of nodes addressed by [`NodeId`].
//!
//! Both doors build this same model: natively html5ever parses bytes into it (`parse`), and in the
//! browser the content script's one-pass snapshot is decoded into it (`snapshot`). Everything the
//! core decides refers to nodes by id, so the browser side can map decisions back to live nodes.

pub mod fragment;
#[cfg(not(target_arch = "wasm32"))]
pub mod parse;
pub mod selector;
pub mod serialize;
#[cfg(not(target_arch = "wasm32"))]
mod shadow;
pub mod snapshot;
#[cfg(not(target_arch = "wasm32"))]
mod streaming;

/// The index of a node in its [`Dom`]. The document itself is always `NodeId::ROOT`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(transparent)]
pub struct NodeId(pub u32);

impl NodeId {
    pub const ROOT: NodeId = NodeId(0);

    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// The namespace an element lives in; the sanitiser treats SVG and MathML differently from HTML.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Namespace {
    Html,
    Svg,
    MathMl,
}

/// What the live page knows about an element that markup alone does not say. Natively these come
/// from the inline `style` attribute only; the browser snapshot reads the computed style.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LayoutFlags(pub u8);

impl LayoutFlags {
    /// `position: fixed` or `sticky`: overlays, sticky bars and banners.
    pub const FIXED: u8 = 1;
    /// Not rendered (`display: none`, `hidden`, or zero-size).
    pub const HIDDEN: u8 = 2;
    /// Only part of its children are in the document: the browser copied a part of a huge or
    /// changing page, with the ancestors of that part as context. Its ancestors are partial too.
    pub const PARTIAL: u8 = 4;
    /// In the middle of the viewport when the page was copied: the part the user is reading.
    pub const IN_VIEW: u8 = 8;

    pub fn has(self, flag: u8) -> bool {
        self.0 & flag != 0
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribute {
    /// Lower-case attribute name, as the HTML parser gives it.
    pub name: Box<str>,
    pub value: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Element {
    /// Lower-case local name (`div`, `svg`, `mi`).
    pub name: Box<str>,
    pub ns: Namespace,
    pub attrs: Vec<Attribute>,
    pub layout: LayoutFlags,
}

impl Element {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|a| &*a.name == name)
            .map(|a| a.value.as_str())
    }

    pub fn is(&self, name: &str) -> bool {
        &*self.name == name
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NodeData {
    Document,
    /// A detached container: template contents and parser leftovers. Never in the main tree.
    Fragment,
    Doctype,
    Element(Element),
    Text(String),
    Comment(String),
}

/// A link to another node, or none: a bare `u32` (`u32::MAX` for none) is half the size of an
/// `Option<NodeId>`, and a page of 200,000 nodes has five links per node.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Link(u32);

impl Link {
    const NONE: Link = Link(u32::MAX);

    fn get(self) -> Option<NodeId> {
        (self != Link::NONE).then_some(NodeId(self.0))
    }
}

impl From<Option<NodeId>> for Link {
    fn from(id: Option<NodeId>) -> Link {
        id.map_or(Link::NONE, |id| Link(id.0))
    }
}

#[derive(Clone, Debug)]
struct Node {
    parent: Link,
    first_child: Link,
    last_child: Link,
    prev_sibling: Link,
    next_sibling: Link,
    data: NodeData,
}

/// An HTML document as an arena of nodes. Ids are dense, so side tables are plain `Vec`s.
#[derive(Clone, Debug)]
pub struct Dom {
    nodes: Vec<Node>,
}

impl Default for Dom {
    fn default() -> Self {
        Self::new()
    }
}

impl Dom {
    pub fn new() -> Self {
        Self::with_capacity(1)
    }

    /// An empty document with room for `nodes` nodes, the document included: the arena is then
    /// allocated once, not grown (and copied) as a big page is built.
    pub fn with_capacity(nodes: usize) -> Self {
        let mut all = Vec::with_capacity(nodes.max(1));
        all.push(Node::new(NodeData::Document));
        Dom { nodes: all }
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.len() <= 1
    }

    pub fn data(&self, id: NodeId) -> &NodeData {
        &self.nodes[id.index()].data
    }

    pub fn element(&self, id: NodeId) -> Option<&Element> {
        match &self.nodes[id.index()].data {
            NodeData::Element(e) => Some(e),
            _ => None,
        }
    }

    pub fn element_mut(&mut self, id: NodeId) -> Option<&mut Element> {
        match &mut self.nodes[id.index()].data {
            NodeData::Element(e) => Some(e),
            _ => None,
        }
    }

    /// The element's lower-case local name, or `None` for other nodes.
    pub fn tag(&self, id: NodeId) -> Option<&str> {
        self.element(id).map(|e| &*e.name)
    }

    /// True when `id` is an HTML element named `name`.
    pub fn is(&self, id: NodeId, name: &str) -> bool {
        self.element(id)
            .is_some_and(|e| e.ns == Namespace::Html && e.is(name))
    }

    pub fn attr(&self, id: NodeId, name: &str) -> Option<&str> {
        self.element(id).and_then(|e| e.attr(name))
    }

    pub fn text(&self, id: NodeId) -> Option<&str> {
        match &self.nodes[id.index()].data {
            NodeData::Text(t) => Some(t),
            _ => None,
        }
    }

    pub fn parent(&self, id: NodeId) -> Option<NodeId> {
        self.nodes[id.index()].parent.get()
    }

    pub fn first_child(&self, id: NodeId) -> Option<NodeId> {
        self.nodes[id.index()].first_child.get()
    }

    pub fn next_sibling(&self, id: NodeId) -> Option<NodeId> {
        self.nodes[id.index()].next_sibling.get()
    }

    pub fn prev_sibling(&self, id: NodeId) -> Option<NodeId> {
        self.nodes[id.index()].prev_sibling.get()
    }

    pub fn children(&self, id: NodeId) -> Children<'_> {
        Children {
            dom: self,
            next: self.first_child(id),
        }
    }

    /// Element children only.
    pub fn child_elements(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        self.children(id).filter(|&c| self.element(c).is_some())
    }

    /// `id` and everything under it, in document order. Iterative, so depth costs no stack.
    pub fn descendants(&self, id: NodeId) -> Descendants<'_> {
        Descendants {
            dom: self,
            root: id,
            next: Some(id),
        }
    }

    pub fn ancestors(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        std::iter::successors(self.parent(id), |&p| self.parent(p))
    }

    /// True when `ancestor` is `id` or contains it.
    pub fn contains(&self, ancestor: NodeId, id: NodeId) -> bool {
        id == ancestor || self.ancestors(id).any(|a| a == ancestor)
    }

    /// All text under `id`, concatenated as the DOM's `textContent` would.
    pub fn text_content(&self, id: NodeId) -> String {
        let mut out = String::new();
        for d in self.descendants(id) {
            if let NodeData::Text(t) = self.data(d) {
                out.push_str(t);
            }
        }
        out
    }

    /// The first element named `name` in document order.
    pub fn find(&self, name: &str) -> Option<NodeId> {
        self.descendants(NodeId::ROOT).find(|&d| self.is(d, name))
    }

    /// The `<html>`, `<head>` and `<body>` elements, where present.
    pub fn html(&self) -> Option<NodeId> {
        self.child_elements(NodeId::ROOT)
            .find(|&c| self.is(c, "html"))
    }

    pub fn head(&self) -> Option<NodeId> {
        self.html()
            .and_then(|h| self.child_elements(h).find(|&c| self.is(c, "head")))
    }

    pub fn body(&self) -> Option<NodeId> {
        self.html().and_then(|h| {
            self.child_elements(h)
                .find(|&c| self.is(c, "body") || self.is(c, "frameset"))
        })
    }

    // Building. Both doors use these; the html5ever sink also moves nodes around.

    pub fn create(&mut self, data: NodeData) -> NodeId {
        let id = NodeId(self.nodes.len() as u32);
        self.nodes.push(Node::new(data));
        id
    }

    pub fn append(&mut self, parent: NodeId, child: NodeId) {
        self.detach(child);
        let last = self.nodes[parent.index()].last_child.get();
        {
            let c = &mut self.nodes[child.index()];
            c.parent = Some(parent).into();
            c.prev_sibling = last.into();
        }
        match last {
            Some(l) => self.nodes[l.index()].next_sibling = Some(child).into(),
            None => self.nodes[parent.index()].first_child = Some(child).into(),
        }
        self.nodes[parent.index()].last_child = Some(child).into();
    }

    pub fn insert_before(&mut self, sibling: NodeId, child: NodeId) {
        self.detach(child);
        let Some(parent) = self.parent(sibling) else {
            return;
        };
        let prev = self.nodes[sibling.index()].prev_sibling.get();
        {
            let c = &mut self.nodes[child.index()];
            c.parent = Some(parent).into();
            c.prev_sibling = prev.into();
            c.next_sibling = Some(sibling).into();
        }
        self.nodes[sibling.index()].prev_sibling = Some(child).into();
        match prev {
            Some(p) => self.nodes[p.index()].next_sibling = Some(child).into(),
            None => self.nodes[parent.index()].first_child = Some(child).into(),
        }
    }

    pub fn detach(&mut self, id: NodeId) {
        let (parent, prev, next) = {
            let n = &mut self.nodes[id.index()];
            let links = (n.parent.get(), n.prev_sibling.get(), n.next_sibling.get());
            n.parent = Link::NONE;
            n.prev_sibling = Link::NONE;
            n.next_sibling = Link::NONE;
            links
        };
        let Some(parent) = parent else { return };
        match prev {
            Some(p) => self.nodes[p.index()].next_sibling = next.into(),
            None => self.nodes[parent.index()].first_child = next.into(),
        }
        match next {
            Some(n) => self.nodes[n.index()].prev_sibling = prev.into(),
            None => self.nodes[parent.index()].last_child = prev.into(),
        }
    }

    /// Appends text to `parent`, merging with a text node already last there, as parsers do.
    pub fn append_text(&mut self, parent: NodeId, text: &str) {
        if let Some(last) = self.nodes[parent.index()].last_child.get() {
            if let NodeData::Text(t) = &mut self.nodes[last.index()].data {
                t.push_str(text);
                return;
            }
        }
        let id = self.create(NodeData::Text(text.to_owned()));
        self.append(parent, id);
    }
}

impl Node {
    fn new(data: NodeData) -> Self {
        Node {
            parent: Link::NONE,
            first_child: Link::NONE,
            last_child: Link::NONE,
            prev_sibling: Link::NONE,
            next_sibling: Link::NONE,
            data,
        }
    }
}

pub struct Children<'a> {
    dom: &'a Dom,
    next: Option<NodeId>,
}

impl Iterator for Children<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        let id = self.next?;
        self.next = self.dom.next_sibling(id);
        Some(id)
    }
}

pub struct Descendants<'a> {
    dom: &'a Dom,
    root: NodeId,
    next: Option<NodeId>,
}

impl Descendants<'_> {
    /// Skips the subtree of the node returned last: the walk continues after it.
    pub fn skip_subtree(&mut self, of: NodeId) {
        self.next = self.after(of);
    }

    fn after(&self, mut id: NodeId) -> Option<NodeId> {
        loop {
            if id == self.root {
                return None;
            }
            if let Some(n) = self.dom.next_sibling(id) {
                return Some(n);
            }
            id = self.dom.parent(id)?;
        }
    }
}

impl Iterator for Descendants<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        let id = self.next?;
        self.next = match self.dom.first_child(id) {
            Some(c) => Some(c),
            None => self.after(id),
        };
        Some(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn el(dom: &mut Dom, name: &str) -> NodeId {
        dom.create(NodeData::Element(Element {
            name: name.into(),
            ns: Namespace::Html,
            attrs: vec![],
            layout: LayoutFlags::default(),
        }))
    }

    #[test]
    fn deep_trees_walk_without_recursion() {
        let mut dom = Dom::new();
        let mut parent = NodeId::ROOT;
        for _ in 0..100_000 {
            let d = el(&mut dom, "div");
            dom.append(parent, d);
            parent = d;
        }
        dom.append_text(parent, "deep");
        assert_eq!(dom.descendants(NodeId::ROOT).count(), 100_002);
        assert_eq!(dom.text_content(NodeId::ROOT), "deep");
        assert_eq!(dom.ancestors(parent).count(), 100_000);
    }

    #[test]
    fn insert_detach_keep_links_consistent() {
        let mut dom = Dom::new();
        let (a, b, c) = (el(&mut dom, "a"), el(&mut dom, "b"), el(&mut dom, "c"));
        dom.append(NodeId::ROOT, a);
        dom.append(NodeId::ROOT, c);
        dom.insert_before(c, b);
        let names: Vec<_> = dom
            .children(NodeId::ROOT)
            .map(|n| dom.tag(n).unwrap())
            .collect();
        assert_eq!(names, ["a", "b", "c"]);
        dom.detach(a);
        dom.detach(c);
        let names: Vec<_> = dom
            .children(NodeId::ROOT)
            .map(|n| dom.tag(n).unwrap())
            .collect();
        assert_eq!(names, ["b"]);
        assert_eq!(dom.prev_sibling(b), None);
        assert_eq!(dom.next_sibling(b), None);
    }

    #[test]
    fn skip_subtree_moves_past_children() {
        let mut dom = Dom::new();
        let (a, b, c) = (el(&mut dom, "a"), el(&mut dom, "b"), el(&mut dom, "c"));
        dom.append(NodeId::ROOT, a);
        dom.append(a, b);
        dom.append(NodeId::ROOT, c);
        let mut walk = dom.descendants(NodeId::ROOT);
        assert_eq!(walk.next(), Some(NodeId::ROOT));
        assert_eq!(walk.next(), Some(a));
        walk.skip_subtree(a);
        assert_eq!(walk.next(), Some(c));
        assert_eq!(walk.next(), None);
    }
}

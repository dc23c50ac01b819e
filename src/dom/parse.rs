//! The native door: bytes → text (BOM, `<meta charset>`, else UTF-8) → html5ever → [`Dom`].

use std::borrow::Cow;
use std::cell::{Ref, RefCell};

use html5ever::interface::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::{ns, Attribute as HtmlAttribute, QualName};

use super::{Attribute, Dom, Element, LayoutFlags, Namespace, NodeData, NodeId};
use crate::error::InputError;
use crate::limits::{MAX_ATTRIBUTES_PER_ELEMENT, MAX_INPUT_BYTES, MAX_NODES};

/// How many leading bytes the `<meta charset>` prescan looks at, as the HTML standard suggests.
const CHARSET_PRESCAN_BYTES: usize = 1024;
/// Share of control bytes above which input is taken for binary data, not a web page.
const MAX_CONTROL_BYTE_SHARE: f64 = 0.05;

/// Decodes and parses an HTML file's bytes.
pub fn parse_bytes(bytes: &[u8]) -> Result<Dom, InputError> {
    let text = decode(bytes)?;
    parse_str(&text)
}

/// Parses HTML text. Refuses only what is clearly not a page.
pub fn parse_str(html: &str) -> Result<Dom, InputError> {
    if html.trim().is_empty() {
        return Err(InputError::Empty);
    }
    if html.len() > MAX_INPUT_BYTES {
        return Err(InputError::TooLarge {
            bytes: html.len(),
            max: MAX_INPUT_BYTES,
        });
    }
    let most = most_attributes_on_one_element(html);
    if most > MAX_ATTRIBUTES_PER_ELEMENT {
        return Err(InputError::TooManyAttributes {
            found: most,
            max: MAX_ATTRIBUTES_PER_ELEMENT,
        });
    }
    let mut dom = parse_scripted(html, true);
    if noscript_bytes(html) >= MIN_SHELL_NOSCRIPT_BYTES && shows_more_without_scripts(&dom) {
        dom = parse_scripted(html, false);
    }
    // The same bound as the browser door's snapshot: the input cap keeps the parse itself finite.
    if dom.len() > MAX_NODES {
        return Err(InputError::TooManyNodes {
            found: dom.len(),
            max: MAX_NODES,
        });
    }
    // As the browser shows the page once its scripts ran: streamed parts in their place.
    if super::streaming::may_have_segments(html) {
        super::streaming::reveal_segments(&mut dom);
    }
    Ok(dom)
}

/// A page shows less than this part of what it would show without scripts: a shell for them.
const SCRIPT_SHELL_RATIO: usize = 4;

/// A script shell's `<noscript>` holds a page's worth of markup; less is a pixel or a notice, and
/// the page need not be measured.
const MIN_SHELL_NOSCRIPT_BYTES: usize = 1024;

/// The bytes of markup inside `<noscript>` elements, read from the source: much cheaper than a
/// walk of the parsed page, which only pages with this much are given.
fn noscript_bytes(html: &str) -> usize {
    let mut total = 0;
    for open in ["<noscript", "<NOSCRIPT"] {
        let mut rest = html;
        while let Some(at) = rest.find(open) {
            rest = &rest[at + open.len()..];
            let end = rest
                .find("</noscript")
                .or_else(|| rest.find("</NOSCRIPT"))
                .unwrap_or(rest.len());
            total += end;
            rest = &rest[end..];
        }
    }
    total
}

/// Parses as a browser with scripts on or off. With them off, `<noscript>` holds markup, shown
/// as any other block: it is read as a `<div>`.
fn parse_scripted(html: &str, scripting: bool) -> Dom {
    let sink = Sink {
        noscript_as_div: !scripting,
        ..Sink::default()
    };
    let opts = html5ever::ParseOpts {
        tree_builder: html5ever::tree_builder::TreeBuilderOpts {
            scripting_enabled: scripting,
            ..Default::default()
        },
        ..Default::default()
    };
    html5ever::parse_document(sink, opts).one(StrTendril::from(html))
}

/// A page that is a shell for scripts, all of whose words are in `<noscript>` (forum software
/// serves its threads that way to readers without scripts): the body, `<noscript>` aside, shows
/// a small part of the text the markup inside its `<noscript>`s holds. A saved copy of it is read as a
/// browser without scripts shows it. Pages whose `<noscript>` only holds a pixel or a notice
/// are read as they are.
fn shows_more_without_scripts(dom: &Dom) -> bool {
    let Some(body) = dom.body() else { return false };
    let (mut shown, mut without_scripts) = (0usize, 0usize);
    let mut walk = dom.descendants(body);
    while let Some(id) = walk.next() {
        match dom.data(id) {
            NodeData::Element(el) if el.is("noscript") => {
                without_scripts += markup_text_len(&dom.text_content(id));
                walk.skip_subtree(id);
            }
            NodeData::Element(el) if matches!(&*el.name, "script" | "style" | "template") => {
                walk.skip_subtree(id);
            }
            NodeData::Text(t) => shown += t.split_whitespace().map(str::len).sum::<usize>(),
            _ => {}
        }
    }
    without_scripts > SCRIPT_SHELL_RATIO * shown
}

/// Roughly the length of the text a piece of markup shows: its bytes outside tags, less spaces.
fn markup_text_len(markup: &str) -> usize {
    let mut in_tag = false;
    markup
        .bytes()
        .filter(|&b| {
            match b {
                b'<' => in_tag = true,
                b'>' if in_tag => {
                    in_tag = false;
                    return false;
                }
                _ => {}
            }
            !in_tag && !b.is_ascii_whitespace()
        })
        .count()
}

/// The most attributes any one start tag has, read the way the HTML tokenizer reads tags (quoted
/// values may hold `>`; comments and the text of scripts and styles hold no tags). html5ever
/// compares each attribute's name with all those before it in the tag, so one tag with `n`
/// attributes costs `n²`: a 2 MB tag of 100,000 attributes takes seconds to parse.
fn most_attributes_on_one_element(html: &str) -> usize {
    let b = html.as_bytes();
    let lower_starts = |at: usize, s: &[u8]| {
        b.len() >= at + s.len() && b[at..at + s.len()].eq_ignore_ascii_case(s)
    };
    let is_space = |c: u8| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c');
    let mut most = 0;
    let mut i = 0;
    while let Some(lt) = b[i..].iter().position(|&c| c == b'<') {
        i += lt + 1;
        if lower_starts(i, b"!--") {
            i = html[i..].find("-->").map_or(b.len(), |e| i + e + 3);
            continue;
        }
        // End tags are read (and their attributes compared) the same way.
        let end_tag = b.get(i) == Some(&b'/') && b.get(i + 1).is_some_and(u8::is_ascii_alphabetic);
        if end_tag {
            i += 1;
        }
        if !b.get(i).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        let name_start = i;
        while i < b.len() && !is_space(b[i]) && b[i] != b'/' && b[i] != b'>' {
            i += 1;
        }
        let name = &b[name_start..i];
        let mut count = 0;
        // Attributes: a name, then maybe `=` and a quoted or unquoted value.
        loop {
            while i < b.len() && (is_space(b[i]) || b[i] == b'/') {
                i += 1;
            }
            if i >= b.len() || b[i] == b'>' {
                break;
            }
            count += 1;
            i += 1; // A name's first character may be anything, even `=`.
            while i < b.len() && !is_space(b[i]) && !matches!(b[i], b'/' | b'>' | b'=') {
                i += 1;
            }
            while i < b.len() && is_space(b[i]) {
                i += 1;
            }
            if i < b.len() && b[i] == b'=' {
                i += 1;
                while i < b.len() && is_space(b[i]) {
                    i += 1;
                }
                match b.get(i) {
                    Some(&q @ (b'"' | b'\'')) => {
                        i = b[i + 1..]
                            .iter()
                            .position(|&c| c == q)
                            .map_or(b.len(), |e| i + 1 + e + 1);
                    }
                    _ => {
                        while i < b.len() && !is_space(b[i]) && b[i] != b'>' {
                            i += 1;
                        }
                    }
                }
            }
        }
        most = most.max(count);
        // Script and style text holds no tags, only the end tag ends it.
        for raw in [&b"script"[..], b"style"] {
            if !end_tag && name.eq_ignore_ascii_case(raw) {
                let end = [b"</", raw].concat();
                while i < b.len() && !lower_starts(i, &end) {
                    i += 1;
                }
            }
        }
    }
    most
}

/// Turns bytes into text: a BOM wins; then UTF-8 when the bytes are valid UTF-8 (saved pages are
/// often transcoded to UTF-8 but keep their old `<meta charset>`, and valid multi-byte UTF-8 by
/// accident in a legacy encoding is vanishingly rare); then the `<meta charset>` in the first
/// kilobyte; else windows-1252, the web's default for unlabelled pages.
pub fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, InputError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(InputError::Empty);
    }
    if looks_binary(bytes) {
        return Err(InputError::Binary);
    }
    if let Some((encoding, _)) = encoding_rs::Encoding::for_bom(bytes) {
        return Ok(encoding.decode_with_bom_removal(bytes).0);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Cow::Borrowed(text));
    }
    let encoding = prescan_charset(&bytes[..bytes.len().min(CHARSET_PRESCAN_BYTES)])
        .unwrap_or(encoding_rs::WINDOWS_1252);
    Ok(encoding.decode_without_bom_handling(bytes).0)
}

/// NUL bytes or many control bytes mean an image, an archive or similar, not HTML.
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(8192)];
    let utf16_bom = sample.starts_with(&[0xFF, 0xFE]) || sample.starts_with(&[0xFE, 0xFF]);
    if utf16_bom {
        return false;
    }
    if sample.contains(&0) {
        return true;
    }
    let control = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C))
        .count();
    control as f64 > sample.len() as f64 * MAX_CONTROL_BYTE_SHARE
}

/// Finds `charset=NAME` in a `<meta>` tag: covers `<meta charset>` and the `http-equiv` form.
fn prescan_charset(head: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"<meta") {
        let start = from + pos;
        let end = lower[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(c) = find(tag, b"charset=") {
            let value: Vec<u8> = tag[c + 8..]
                .iter()
                .copied()
                .skip_while(|b| *b == b'"' || *b == b'\'' || *b == b' ')
                .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':'))
                .collect();
            // A page that says UTF-16 in ASCII is not UTF-16; browsers read it as UTF-8.
            return encoding_rs::Encoding::for_label(&value).map(|e| e.output_encoding());
        }
        from = end;
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Builds the arena while html5ever parses. html5ever wants the qualified name of each element
/// back, so the sink keeps them beside the arena for the parse only.
#[derive(Default)]
struct Sink {
    dom: RefCell<Dom>,
    names: RefCell<Vec<Option<QualName>>>,
    /// The detached fragment holding each template's contents, by template id.
    templates: RefCell<Vec<(NodeId, NodeId)>>,
    /// Declarative shadow roots: each host and the contents of its template, in parse order.
    shadow_roots: RefCell<Vec<(NodeId, NodeId)>>,
    /// Parsing as a browser without scripts: `<noscript>` becomes a plain block.
    noscript_as_div: bool,
}

impl Sink {
    fn new_node(&self, data: NodeData, name: Option<QualName>) -> NodeId {
        let id = self.dom.borrow_mut().create(data);
        let mut names = self.names.borrow_mut();
        if names.len() <= id.index() {
            names.resize(id.index() + 1, None);
        }
        names[id.index()] = name;
        id
    }

    fn insert(&self, child: NodeOrText<NodeId>, place: impl FnOnce(&mut Dom, NodeId)) {
        let mut dom = self.dom.borrow_mut();
        match child {
            NodeOrText::AppendNode(n) => place(&mut dom, n),
            NodeOrText::AppendText(t) => {
                let id = dom.create(NodeData::Text(t.to_string()));
                place(&mut dom, id);
                merge_with_previous_text(&mut dom, id);
            }
        }
    }
}

/// Adjacent text nodes become one, as in a browser's parsed DOM.
fn merge_with_previous_text(dom: &mut Dom, id: NodeId) {
    let Some(prev) = dom.prev_sibling(id) else {
        return;
    };
    let NodeData::Text(added) = dom.data(id).clone() else {
        return;
    };
    if let NodeData::Text(t) = &mut dom.nodes[prev.index()].data {
        t.push_str(&added);
        dom.detach(id);
    }
}

fn namespace_of(name: &QualName) -> Namespace {
    if name.ns == ns!(svg) {
        Namespace::Svg
    } else if name.ns == ns!(mathml) {
        Namespace::MathMl
    } else {
        Namespace::Html
    }
}

fn convert_attrs(attrs: Vec<HtmlAttribute>) -> Vec<Attribute> {
    attrs
        .into_iter()
        .map(|a| {
            let name: Box<str> = match &*a.name.prefix.clone().unwrap_or_default() {
                "" => Box::from(&*a.name.local.to_ascii_lowercase()),
                prefix => format!("{prefix}:{}", a.name.local).into(),
            };
            Attribute {
                name,
                value: a.value.to_string(),
            }
        })
        .collect()
}

impl TreeSink for Sink {
    type Handle = NodeId;
    type Output = Dom;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Dom {
        let mut dom = self.dom.into_inner();
        super::shadow::compose(&mut dom, &self.shadow_roots.into_inner());
        dom
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> NodeId {
        NodeId::ROOT
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Ref<'a, QualName> {
        Ref::map(self.names.borrow(), |names| {
            names[target.index()]
                .as_ref()
                .expect("html5ever asks names of elements only")
        })
    }

    fn create_element(
        &self,
        name: QualName,
        attrs: Vec<HtmlAttribute>,
        flags: ElementFlags,
    ) -> NodeId {
        let local = name.local.to_ascii_lowercase();
        let local = if self.noscript_as_div && &*local == "noscript" {
            "div"
        } else {
            &local
        };
        let element = Element {
            name: Box::from(local),
            ns: namespace_of(&name),
            attrs: convert_attrs(attrs),
            layout: LayoutFlags::default(),
        };
        let id = self.new_node(NodeData::Element(element), Some(name));
        if flags.template {
            let contents = self.new_node(NodeData::Fragment, None);
            self.templates.borrow_mut().push((id, contents));
        }
        id
    }

    fn create_comment(&self, text: StrTendril) -> NodeId {
        self.new_node(NodeData::Comment(text.to_string()), None)
    }

    fn create_pi(&self, _target: StrTendril, data: StrTendril) -> NodeId {
        self.new_node(NodeData::Comment(data.to_string()), None)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        self.insert(child, |dom, n| dom.append(*parent, n));
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        if self.dom.borrow().parent(*element).is_some() {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {
        let id = self.new_node(NodeData::Doctype, None);
        self.dom.borrow_mut().append(NodeId::ROOT, id);
    }

    fn attach_declarative_shadow(
        &self,
        host: &NodeId,
        template: &NodeId,
        _attrs: &[HtmlAttribute],
    ) -> bool {
        let can_host = self
            .dom
            .borrow()
            .element(*host)
            .is_some_and(|e| e.ns == Namespace::Html && super::shadow::can_host(&e.name));
        let mut roots = self.shadow_roots.borrow_mut();
        if !can_host || roots.iter().any(|&(h, _)| h == *host) {
            return false;
        }
        roots.push((*host, self.get_template_contents(template)));
        true
    }

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        self.templates
            .borrow()
            .iter()
            .find(|(t, _)| t == target)
            .map(|&(_, c)| c)
            .expect("html5ever asks for contents of templates only")
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &NodeId, child: NodeOrText<NodeId>) {
        self.insert(child, |dom, n| dom.insert_before(*sibling, n));
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<HtmlAttribute>) {
        let mut dom = self.dom.borrow_mut();
        if let Some(e) = dom.element_mut(*target) {
            // A set of the names already there: repeated `<body a1 … aN>` tags would otherwise
            // compare each new attribute with every one before it.
            let mut present: std::collections::HashSet<Box<str>> =
                e.attrs.iter().map(|a| a.name.clone()).collect();
            for a in convert_attrs(attrs) {
                if present.insert(a.name.clone()) {
                    e.attrs.push(a);
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &NodeId) {
        self.dom.borrow_mut().detach(*target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        let mut dom = self.dom.borrow_mut();
        while let Some(c) = dom.first_child(*node) {
            dom.append(*new_parent, c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_into_html_head_body() {
        let dom = parse_str("<title>T</title><p class=x>Hello <b>you</b>").unwrap();
        let body = dom.body().unwrap();
        let p = dom.child_elements(body).next().unwrap();
        assert_eq!(dom.attr(p, "class"), Some("x"));
        assert_eq!(dom.text_content(p), "Hello you");
        assert_eq!(dom.text_content(dom.head().unwrap()), "T");
    }

    #[test]
    fn a_script_shell_reads_as_it_shows_without_scripts() {
        // Forum software's thread page: a splash for scripts, the posts in <noscript>.
        let replies = [
            "¿Alguien sabe por qué la actualización rompió el importador? Desde ayer no funciona.",
            "Lo mismo aquí: hay que volver a la versión anterior.",
            "Confirmo el fallo con archivos CSV grandes; con los pequeños todavía funciona bien.",
            "Ya está reportado en el gestor de incidencias, la corrección sale la semana que viene.",
            "Gracias a todos, mientras tanto he vuelto a la versión anterior y va perfecto.",
        ];
        let posts: String = replies
            .iter()
            .enumerate()
            .map(|(i, r)| {
                format!(
                    r#"<div id="post_{i}" class="topic-body crawler-post"><div class="crawler-post-meta">
                    <span class="creator"><a href="/u/user{i}">user{i}</a></span></div>
                    <div class="post" itemprop="text"><p>{r}</p></div></div>"#
                )
            })
            .collect();
        let shell = format!(
            r#"<body><section id="d-splash"><div class="dots"></div></section>
            <div id="main-outlet"></div><noscript data-path="/t/ayuda/42">
            <div id="main-outlet" class="wrap">{posts}</div></noscript></body>"#
        );
        let dom = parse_str(&shell).unwrap();
        let posts: Vec<NodeId> = dom
            .descendants(NodeId::ROOT)
            .filter(|&n| dom.attr(n, "class") == Some("post"))
            .collect();
        assert_eq!(posts.len(), replies.len(), "the posts are elements");
        assert!(
            dom.find("noscript").is_none(),
            "<noscript> reads as a block"
        );
        assert!(dom.text_content(posts[1]).contains("versión anterior"));

        // A page with its own text and a <noscript> pixel or notice is read as it is.
        for page in [
            r#"<body><article><p>Die Stadt plant einen neuen Radweg entlang des Flusses.</p></article>
               <noscript><img src="/px.gif"><p>Bitte JavaScript aktivieren.</p></noscript></body>"#,
            r#"<body><p>Short.</p><noscript><iframe src="https://tags.example/ns.html"></iframe></noscript></body>"#,
            // Its <noscript>s even hold more text than it shows, but it shows a good part of it.
            &format!(
                "<body>{}{}</body>",
                "<p>トレンドマイクロはアプリの発売を開始すると発表した。</p>".repeat(8),
                "<noscript><p>このページを正しく表示するにはJavaScriptを有効にしてください。</p></noscript>"
                    .repeat(12)
            ),
        ] {
            let dom = parse_str(page).unwrap();
            let ns = dom.find("noscript").expect("<noscript> stays");
            assert!(
                dom.child_elements(ns).next().is_none(),
                "its markup stays text"
            );
        }
    }

    #[test]
    fn adjacent_text_merges_like_a_browser() {
        let dom = parse_str("<table><tr><td>a</td></tr>x<tr></tr>y</table>").unwrap();
        let body = dom.body().unwrap();
        let first = dom.first_child(body).unwrap();
        assert_eq!(dom.text(first), Some("xy"));
    }

    #[test]
    fn decodes_meta_charset_and_bom() {
        let latin1 = b"<meta charset=\"iso-8859-1\"><p>caf\xe9</p>";
        assert!(decode(latin1).unwrap().contains("café"));
        let gbk = b"<meta charset=\"gb2312\"><p>\xd6\xd0\xce\xc4</p>";
        assert!(decode(gbk).unwrap().contains("中文"));
        let transcoded = "<meta charset=\"gb2312\"><p>中文</p>".as_bytes();
        assert!(decode(transcoded).unwrap().contains("中文"));
        assert!(decode(b"<p>caf\xe9</p>").unwrap().contains("café"));
        let bom = b"\xEF\xBB\xBF<p>caf\xc3\xa9</p>";
        assert!(decode(bom).unwrap().contains("café"));
    }

    #[test]
    fn refuses_binary_and_empty() {
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0").unwrap_err(),
            InputError::Binary
        );
        assert_eq!(decode(b"  \n ").unwrap_err(), InputError::Empty);
        assert_eq!(parse_str("").unwrap_err(), InputError::Empty);
    }

    #[test]
    fn counts_attributes_as_the_tokenizer_reads_tags() {
        let count = most_attributes_on_one_element;
        assert_eq!(count("<p a b=1 c='>' d=\"x>y\" e=f>text</p>"), 5);
        assert_eq!(count("<p/a/b/>"), 2);
        assert_eq!(count("<!-- <p a b c d> --><i x>"), 1);
        assert_eq!(count("<script>if (a<b c d e f) {}</script><b x y>"), 2);
        assert_eq!(count("a < b c d e"), 0);
        assert_eq!(count("</p x y z>"), 3);
        assert_eq!(count("<img src=x alt=\"unclosed"), 2);
    }

    #[test]
    fn refuses_pages_with_too_many_nodes() {
        // Siblings, not nesting: html, head, body and the root come on top.
        let at_limit = "<br>".repeat(MAX_NODES - 4);
        assert_eq!(parse_str(&at_limit).unwrap().len(), MAX_NODES);
        let over = "<br>".repeat(MAX_NODES - 3);
        assert_eq!(
            parse_str(&over).unwrap_err(),
            InputError::TooManyNodes {
                found: MAX_NODES + 1,
                max: MAX_NODES
            }
        );
    }

    #[test]
    fn refuses_tags_with_too_many_attributes() {
        let many: String = (0..=MAX_ATTRIBUTES_PER_ELEMENT)
            .map(|i| format!(" a{i}"))
            .collect();
        assert_eq!(
            parse_str(&format!("<p{many}>x")).unwrap_err(),
            InputError::TooManyAttributes {
                found: MAX_ATTRIBUTES_PER_ELEMENT + 1,
                max: MAX_ATTRIBUTES_PER_ELEMENT
            }
        );
        // Repeated body tags merge their attributes onto the one body.
        let some: String = (0..500).map(|i| format!(" b{i}")).collect();
        let dom = parse_str(&format!("<body{some}><body{some}><p>x")).unwrap();
        assert_eq!(dom.element(dom.body().unwrap()).unwrap().attrs.len(), 500);
    }

    #[test]
    fn template_contents_stay_out_of_the_tree() {
        let dom = parse_str("<template><p>inert</p></template><p>live</p>").unwrap();
        assert_eq!(dom.text_content(NodeId::ROOT), "live");
    }
}

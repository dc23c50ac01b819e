//! What "safe reader HTML" means, checked independently of the sanitiser (its own lists, its own
//! URL reading), so that a hole in `src/sanitize.rs` is not mirrored here. Shared by the XSS
//! suite, the randomised robustness test, the pathological pages and the fuzz targets.
//!
//! The reader surface does `element.innerHTML = article.content`, so the content is checked the
//! way a browser will read it: the raw string first (every `<` must open or close an allowed
//! element: then no text can turn into markup), then the tree html5ever builds from it, then the
//! tree built again from that tree's serialisation (mutation XSS lives in the difference).

use tidyread::dom::{Dom, Namespace, NodeData, NodeId};

/// Elements that may appear in reader HTML: text-level and structural HTML, and MathML
/// presentation markup. Anything else fails, whether or not it is known to be dangerous.
const HARMLESS_ELEMENTS: &[&str] = &[
    "a",
    "abbr",
    "address",
    "article",
    "b",
    "bdi",
    "bdo",
    "blockquote",
    "br",
    "caption",
    "cite",
    "code",
    "col",
    "colgroup",
    "data",
    "dd",
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "picture",
    "pre",
    "q",
    "rp",
    "rt",
    "ruby",
    "s",
    "samp",
    "section",
    "small",
    "source",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "u",
    "ul",
    "var",
    "wbr", // MathML presentation:
    "math",
    "mi",
    "mn",
    "mo",
    "ms",
    "mtext",
    "mspace",
    "mrow",
    "mfrac",
    "msqrt",
    "mroot",
    "mstyle",
    "merror",
    "mpadded",
    "mphantom",
    "msub",
    "msup",
    "msubsup",
    "munder",
    "mover",
    "munderover",
    "mtable",
    "mtr",
    "mtd",
    "menclose",
    "semantics",
    "mmultiscripts",
    "mprescripts",
    "none",
];

/// Elements that must never appear, named for clearer failures (all are outside the list above).
const FORBIDDEN_ELEMENTS: &[&str] = &[
    "script",
    "style",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "param",
    "form",
    "input",
    "button",
    "select",
    "option",
    "textarea",
    "isindex",
    "keygen",
    "meta",
    "base",
    "link",
    "template",
    "svg",
    "noscript",
    "noembed",
    "noframes",
    "xmp",
    "plaintext",
    "title",
    "portal",
    "fencedframe",
    "dialog",
    "slot",
    "map",
    "area",
    "video",
    "audio",
    "canvas",
    "marquee",
    "annotation-xml",
    "mglyph",
    "malignmark",
    "maction",
    "foreignobject",
];

/// Attributes that must never appear (besides every `on*` handler).
const FORBIDDEN_ATTRS: &[&str] = &[
    "style",
    "id",
    "name",
    "srcdoc",
    "action",
    "formaction",
    "xmlns",
    "xml:base",
    "xlink:href",
    "is",
    "autofocus",
    "target",
    "ping",
    "form",
    "http-equiv",
    "content",
    "background",
    "poster",
    "shadowrootmode",
    "popover",
    "contenteditable",
    "class",
];

/// Attributes whose value a browser reads as a URL.
const URL_ATTRS: &[&str] = &[
    "href",
    "src",
    "srcset",
    "cite",
    "action",
    "formaction",
    "xlink:href",
    "poster",
    "background",
    "longdesc",
    "data",
    "codebase",
    "usemap",
    "ping",
    "lowsrc",
    "dynsrc",
    "manifest",
    "icon",
    "archive",
    "classid",
    "profile",
    "itemtype",
];

/// Hosts a card's player may load from (`data-player`), always over https: the players of the
/// providers the core knows, and nothing that merely looks like one.
const PLAYER_HOSTS: &[&str] = &[
    "www.youtube-nocookie.com",
    "player.vimeo.com",
    "www.dailymotion.com",
    "open.spotify.com",
    "w.soundcloud.com",
    "embed.ted.com",
    "player.twitch.tv",
    "clips.twitch.tv",
    "streamable.com",
    "archive.org",
    "v.qq.com",
];

/// Image types a `data:` URL may have in an image (raster only: SVG can script).
const RASTER_DATA_IMAGES: &[&str] = &[
    "data:image/png",
    "data:image/gif",
    "data:image/jpeg",
    "data:image/jpg",
    "data:image/webp",
    "data:image/avif",
];

/// Checks reader HTML extracted with a page address: every URL must be absolute. `Err` names
/// the first problem found.
pub fn check_reader_html(html: &str) -> Result<(), String> {
    check(html, false)
}

/// Checks reader HTML extracted without a page address, where relative URLs (no scheme, as a
/// browser reads them) stay relative; everything else as [`check_reader_html`].
pub fn check_reader_html_without_base(html: &str) -> Result<(), String> {
    check(html, true)
}

fn check(html: &str, relative_ok: bool) -> Result<(), String> {
    let check_tree = |dom: &Dom| check_tree(dom, relative_ok);
    check_raw(html)?;
    let first = reparse(html)?;
    check_tree(&first).map_err(|e| format!("{e} (first parse)"))?;
    // Serialise what the browser built and build it again: a tree that changes on a round trip
    // is how mutation XSS gets past sanitisers that check one parse only.
    let body = first.body().ok_or("the re-parsed document has no body")?;
    let again = tidyread::dom::serialize::inner_html(&first, body);
    if again == format!("<div>{html}</div>") {
        // Serialised as written: the second parse would be the first again.
        return Ok(());
    }
    let second = reparse(&again)?;
    check_tree(&second).map_err(|e| format!("{e} (after a serialise-and-parse round trip)"))
}

/// Every `<` in the string starts an allowed element's start or end tag: no comment, doctype,
/// CDATA, processing instruction, or text that could become markup.
fn check_raw(html: &str) -> Result<(), String> {
    let bytes = html.as_bytes();
    for (i, _) in html.match_indices('<') {
        let rest = &bytes[i + 1..];
        let rest = rest.strip_prefix(b"/").unwrap_or(rest);
        let name: String = rest
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
            .map(|&b| char::from(b).to_ascii_lowercase())
            .collect();
        if !HARMLESS_ELEMENTS.contains(&name.as_str()) {
            let context: String = html[i..].chars().take(60).collect();
            return Err(format!(
                "raw markup that is not an allowed tag: {context:?}"
            ));
        }
    }
    Ok(())
}

/// Parses reader HTML as the reader surface will: inside a `<div>` of a document's body.
fn reparse(html: &str) -> Result<Dom, String> {
    let doc = format!("<!DOCTYPE html><html><head></head><body><div>{html}</div></body></html>");
    tidyread::dom::parse::parse_str(&doc).map_err(|e| format!("re-parse failed: {e}"))
}

fn check_tree(dom: &Dom, relative_ok: bool) -> Result<(), String> {
    let body = dom.body().ok_or("no body")?;
    if dom.html().and_then(|h| dom.first_child(h)) != dom.head() {
        return Err("content escaped into the document head".into());
    }
    if let Some(head) = dom.head() {
        if dom.first_child(head).is_some() {
            return Err("content escaped into the document head".into());
        }
    }
    for id in dom.descendants(body).skip(1) {
        let Some(el) = dom.element(id) else { continue };
        let name = &*el.name;
        if FORBIDDEN_ELEMENTS.contains(&name) || el.ns == Namespace::Svg {
            return Err(format!("forbidden element <{name}> ({:?})", el.ns));
        }
        if !HARMLESS_ELEMENTS.contains(&name) {
            return Err(format!("element <{name}> is not in the harmless list"));
        }
        for a in &el.attrs {
            let attr = &*a.name;
            if attr.starts_with("on") || FORBIDDEN_ATTRS.contains(&attr) {
                return Err(format!(
                    "forbidden attribute {attr}={:?} on <{name}>",
                    a.value
                ));
            }
            if let Some(data) = attr.strip_prefix("data-") {
                check_data_attr(name, data, &a.value)?;
            }
            if URL_ATTRS.contains(&attr) {
                let image = name == "img" || name == "source";
                let safe = |u: &str, image: bool| {
                    url_is_safe(u, image) || (relative_ok && scheme(u).is_none())
                };
                let ok = if attr == "srcset" {
                    srcset_urls(&a.value).iter().all(|u| safe(u, image))
                } else {
                    safe(&a.value, image && attr == "src")
                };
                if !ok {
                    return Err(format!("unsafe URL {attr}={:?} on <{name}>", a.value));
                }
            }
        }
    }
    Ok(())
}

/// The `data-` attributes the core writes itself: a card's, on a link. Any other is a page's
/// attribute that got through.
fn check_data_attr(element: &str, name: &str, value: &str) -> Result<(), String> {
    let ok = match (element, name) {
        ("a", "embed") => matches!(value, "video" | "audio"),
        ("a", "provider") => !value.is_empty(),
        ("a", "player") => is_player_url(value),
        ("a", "width" | "height") => !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()),
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        Err(format!(
            "unexpected attribute data-{name}={value:?} on <{element}>"
        ))
    }
}

/// True when a card's player address is `https` on a known player's host, as a browser reads it.
pub fn is_player_url(value: &str) -> bool {
    let url = as_browser_reads(value);
    let Some(rest) = url.strip_prefix("https://") else {
        return false;
    };
    let host_end = rest.find(['/', '?', '#', '\\']).unwrap_or(rest.len());
    PLAYER_HOSTS.contains(&&rest[..host_end])
}

/// A URL as the browser's URL parser reads it: leading and trailing C0 controls and spaces
/// stripped, tabs and newlines removed anywhere; lower-cased, for comparing schemes.
fn as_browser_reads(value: &str) -> String {
    value
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect::<String>()
        .to_ascii_lowercase()
}

/// The scheme a browser finds in a URL: an ASCII letter, then letters, digits, `+`, `-` or
/// `.`, up to a colon.
pub fn scheme(value: &str) -> Option<String> {
    let url = as_browser_reads(value);
    let (scheme, _) = url.split_once(':')?;
    let valid = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then(|| scheme.to_owned())
}

/// True when a URL, read as a browser reads it, is absolute http(s) or mailto; or, for images,
/// a raster `data:` image.
pub fn url_is_safe(value: &str, image: bool) -> bool {
    let url = as_browser_reads(value);
    if matches!(scheme(&url).as_deref(), Some("http" | "https" | "mailto")) {
        return true;
    }
    image
        && RASTER_DATA_IMAGES.iter().any(|p| {
            url.strip_prefix(p)
                .is_some_and(|rest| rest.starts_with([';', ',']))
        })
}

/// The URLs of a `srcset`, read as the HTML standard's parser reads them: a URL runs to the next
/// whitespace (trailing commas dropped), its descriptors run to the next comma outside brackets.
pub fn srcset_urls(value: &str) -> Vec<String> {
    let mut urls = Vec::new();
    let chars: Vec<char> = value.chars().collect();
    let mut i = 0;
    let is_space = |c: char| matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c');
    loop {
        while i < chars.len() && (is_space(chars[i]) || chars[i] == ',') {
            i += 1;
        }
        if i >= chars.len() {
            return urls;
        }
        let start = i;
        while i < chars.len() && !is_space(chars[i]) {
            i += 1;
        }
        let mut url: String = chars[start..i].iter().collect();
        if url.ends_with(',') {
            url = url.trim_end_matches(',').to_owned();
        } else {
            let mut depth = 0;
            while i < chars.len() {
                match chars[i] {
                    '(' => depth += 1,
                    ')' if depth > 0 => depth -= 1,
                    ',' if depth == 0 => break,
                    _ => {}
                }
                i += 1;
            }
        }
        if !url.is_empty() {
            urls.push(url);
        }
    }
}

/// The text of every text node under `root`, for checks that the article survived.
#[allow(dead_code)]
pub fn all_text(dom: &Dom, root: NodeId) -> String {
    let mut out = String::new();
    for d in dom.descendants(root) {
        if let NodeData::Text(t) = dom.data(d) {
            out.push_str(t);
        }
    }
    out
}

#[cfg(test)]
mod self_tests {
    use super::*;

    #[test]
    fn the_checker_catches_what_it_should() {
        assert!(check_reader_html("<p>ok <a href=\"https://x.org/\">x</a></p>").is_ok());
        for bad in [
            "<script>alert(1)</script>",
            "<p onclick=\"x\">a</p>",
            "<a href=\"java\tscript:x\">a</a>",
            "<a href=\"/relative\">a</a>",
            "<img src=\"data:image/svg+xml,x\">",
            "<img srcset=\"https://x.org/a.png 1x, javascript:x 2x\">",
            "<!-- c -->",
            "<svg></svg>",
            "<p style=\"x\">a</p>",
            "<math><mi id=\"x\">a</mi></math>",
            "<a href=\"https://x.org/\" data-player=\"javascript:alert(1)\">a</a>",
            "<a href=\"https://x.org/\" data-player=\"https://www.youtube-nocookie.com.evil.example/embed/x\">a</a>",
            "<a href=\"https://x.org/\" data-player=\"https://evil.example@www.youtube-nocookie.com/\">a</a>",
            "<a href=\"https://x.org/\" data-player=\"http://www.youtube-nocookie.com/embed/x\">a</a>",
            "<a href=\"https://x.org/\" data-onload=\"x\">a</a>",
            "<p data-embed=\"video\">a</p>",
        ] {
            assert!(check_reader_html(bad).is_err(), "{bad}");
        }
        assert!(check_reader_html(
            "<a href=\"https://www.youtube.com/watch?v=x\" data-embed=\"video\" data-provider=\"YouTube\" \
             data-player=\"https://www.youtube-nocookie.com/embed/x?autoplay=1\" data-width=\"560\">x</a>"
        )
        .is_ok());
        assert!(check_reader_html_without_base("<a href=\"/relative\">a</a>").is_ok());
        for bad in [
            "<a href=\" jAvA\tscript:x\">a</a>",
            "<img src=\"data:text/html,x\">",
        ] {
            assert!(check_reader_html_without_base(bad).is_err(), "{bad}");
        }
        assert_eq!(
            srcset_urls("a.png 1x,b.png, c,d.png 2x , (x) e.png"),
            ["a.png", "b.png", "c,d.png", "(x)"]
        );
    }
}

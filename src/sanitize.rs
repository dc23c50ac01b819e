//! The allowlist for reader HTML. Article markup is hostile until proven otherwise: an element or
//! attribute not named here never reaches the reader view, and URLs keep only safe schemes.

use crate::dom::{Element, Namespace};
use crate::url::BaseUrl;

/// What becomes of an element in reader HTML.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TagAction {
    /// Written out under this name.
    Keep(&'static str),
    /// Left out, its children kept (unknown and presentational wrappers).
    Unwrap,
    /// Left out with everything inside (scripts, forms, embeds, chrome).
    Drop,
}

/// HTML elements the reader view renders as themselves.
const HTML_TAGS: &[&str] = &[
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
    "wbr",
];

/// Elements dropped with their contents: code, embedded documents, forms and their controls,
/// and page chrome that has no place in an article.
const DROPPED_TAGS: &[&str] = &[
    "script",
    "style",
    "template",
    "noscript",
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
    "optgroup",
    "textarea",
    "datalist",
    "output",
    "meta",
    "link",
    "base",
    "title",
    "head",
    "canvas",
    "audio",
    "video",
    "track",
    "map",
    "area",
    "dialog",
    "slot",
    "portal",
    "fencedframe",
    "menu",
    "nav",
];

/// The MathML presentation elements; formulas render natively in both browsers.
const MATHML_TAGS: &[&str] = &[
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

/// Attributes allowed on every kept element.
const GLOBAL_ATTRS: &[&str] = &["title", "lang", "dir"];

/// Attributes allowed on particular elements; URL-valued ones are checked separately.
const ELEMENT_ATTRS: &[(&str, &[&str])] = &[
    ("a", &["href"]),
    ("img", &["src", "srcset", "alt", "width", "height", "sizes"]),
    ("source", &["srcset", "type", "media", "sizes"]),
    ("td", &["colspan", "rowspan", "headers"]),
    ("th", &["colspan", "rowspan", "headers", "scope", "abbr"]),
    ("col", &["span"]),
    ("colgroup", &["span"]),
    ("ol", &["start", "reversed", "type"]),
    ("li", &["value"]),
    ("time", &["datetime"]),
    ("data", &["value"]),
    ("blockquote", &["cite"]),
    ("q", &["cite"]),
    ("del", &["cite", "datetime"]),
    ("ins", &["cite", "datetime"]),
    ("details", &["open"]),
    ("math", &["display"]),
    (
        "mo",
        &["fence", "separator", "stretchy", "lspace", "rspace"],
    ),
    ("mfrac", &["linethickness"]),
    ("mtd", &["columnspan", "rowspan"]),
    ("menclose", &["notation"]),
];

/// Attributes whose value is a URL.
const URL_ATTRS: &[&str] = &["href", "src", "cite"];

/// Image types safe to inline as `data:` URLs (no SVG: it can carry script).
const SAFE_DATA_IMAGE_TYPES: &[&str] = &[
    "image/png",
    "image/gif",
    "image/jpeg",
    "image/jpg",
    "image/webp",
    "image/avif",
];

pub fn tag_action(element: &Element) -> TagAction {
    let name = &*element.name;
    match element.ns {
        Namespace::Html => {
            if let Some(&keep) = HTML_TAGS.iter().find(|&&t| t == name) {
                TagAction::Keep(keep)
            } else if name == "h1" {
                // The reader view's own title is the page's only h1.
                TagAction::Keep("h2")
            } else if DROPPED_TAGS.contains(&name) {
                TagAction::Drop
            } else {
                TagAction::Unwrap
            }
        }
        Namespace::MathMl => match MATHML_TAGS.iter().find(|&&t| t == name) {
            Some(&keep) => TagAction::Keep(keep),
            None => TagAction::Drop,
        },
        // SVG can script, link and load; icons and charts are not worth the risk.
        Namespace::Svg => TagAction::Drop,
    }
}

/// True when `attr` may stay on a kept element named `tag`.
pub fn allowed_attr(tag: &str, attr: &str) -> bool {
    GLOBAL_ATTRS.contains(&attr)
        || ELEMENT_ATTRS
            .iter()
            .any(|(t, attrs)| *t == tag && attrs.contains(&attr))
}

pub fn is_url_attr(attr: &str) -> bool {
    URL_ATTRS.contains(&attr)
}

/// Where a URL will be used, which decides the schemes it may have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UrlUse {
    Link,
    Image,
}

/// Makes `value` absolute against `base` and keeps it only with a safe scheme: http(s) and
/// mailto for links; http(s) and raster `data:` images for images.
pub fn safe_url(value: &str, base: Option<&BaseUrl>, use_: UrlUse) -> Option<String> {
    // Browsers ignore ASCII whitespace and control characters inside schemes ("java\tscript:").
    let compact: String = value
        .trim()
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control())
        .collect();
    if compact.is_empty() {
        return None;
    }
    let scheme_end = compact.find(':');
    let first_delim = compact.find(['/', '?', '#']);
    let has_scheme = matches!((scheme_end, first_delim), (Some(c), Some(d)) if c < d)
        || (scheme_end.is_some() && first_delim.is_none());
    if has_scheme {
        let scheme = compact[..scheme_end.unwrap_or(0)].to_ascii_lowercase();
        let ok = match (scheme.as_str(), use_) {
            ("http" | "https", _) => true,
            ("mailto", UrlUse::Link) => true,
            ("data", UrlUse::Image) => {
                let mime = compact[5..]
                    .split([';', ','])
                    .next()
                    .unwrap_or("")
                    .to_ascii_lowercase();
                SAFE_DATA_IMAGE_TYPES.contains(&mime.as_str())
            }
            _ => false,
        };
        return ok.then(|| value.trim().to_owned());
    }
    if compact.starts_with('#') {
        // In-page anchors point into the original page, which the reader view is not.
        return None;
    }
    match base {
        Some(b) => Some(b.resolve(value)),
        None => Some(value.trim().to_owned()),
    }
}

/// Checks each candidate of a `srcset`, keeping only safe image URLs.
pub fn safe_srcset(value: &str, base: Option<&BaseUrl>) -> Option<String> {
    let parts: Vec<String> = value
        .split(',')
        .filter_map(|candidate| {
            let mut it = candidate.split_whitespace();
            let url = it.next()?;
            let url = safe_url(url, base, UrlUse::Image)?;
            let descriptor: Vec<&str> = it.collect();
            Some(if descriptor.is_empty() {
                url
            } else {
                format!("{url} {}", descriptor.join(" "))
            })
        })
        .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_keep_only_safe_schemes() {
        let base = BaseUrl::parse("https://example.com/a/b.html");
        let b = base.as_ref();
        assert_eq!(safe_url("javascript:alert(1)", b, UrlUse::Link), None);
        assert_eq!(safe_url(" JaVa\tScRiPt:alert(1)", b, UrlUse::Link), None);
        assert_eq!(safe_url("vbscript:x", b, UrlUse::Link), None);
        assert_eq!(safe_url("data:text/html,<script>", b, UrlUse::Link), None);
        assert_eq!(
            safe_url("data:image/svg+xml,<svg onload=x>", b, UrlUse::Image),
            None
        );
        assert!(safe_url("data:image/png;base64,AAAA", b, UrlUse::Image).is_some());
        assert_eq!(
            safe_url("c.png", b, UrlUse::Image).as_deref(),
            Some("https://example.com/a/c.png")
        );
        assert_eq!(
            safe_url("mailto:x@y.z", b, UrlUse::Link).as_deref(),
            Some("mailto:x@y.z")
        );
        assert_eq!(safe_url("#top", b, UrlUse::Link), None);
    }

    #[test]
    fn srcset_drops_unsafe_candidates() {
        let base = BaseUrl::parse("https://e.com/");
        assert_eq!(
            safe_srcset("a.jpg 1x, javascript:x 2x, b.jpg 600w", base.as_ref()).as_deref(),
            Some("https://e.com/a.jpg 1x, https://e.com/b.jpg 600w")
        );
    }

    #[test]
    fn attributes_are_allowlisted() {
        assert!(allowed_attr("a", "href"));
        assert!(!allowed_attr("a", "onclick"));
        assert!(!allowed_attr("div", "style"));
        assert!(!allowed_attr("img", "id"));
    }
}

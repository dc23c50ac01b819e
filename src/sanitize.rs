//! The allowlist for reader HTML. Article markup is hostile until proven otherwise: an element or
//! attribute not named here never reaches the reader view, and URLs keep only safe schemes.

use std::borrow::Cow;

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
    "pre",
    "q",
    "rp",
    "rt",
    "ruby",
    "s",
    "samp",
    "section",
    "small",
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

/// Elements dropped with their contents: code, embedded documents, form controls, and page
/// chrome that has no place in an article. A `<form>` itself is unwrapped: ASP.NET pages and
/// forum threads hold all their text in one.
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
/// mailto for links; http(s) and raster `data:` images for images. What comes out is the URL as
/// a browser reads it (ends trimmed, tabs and newlines gone), so the scheme checked here is the
/// scheme the browser sees.
pub fn safe_url(value: &str, base: Option<&BaseUrl>, use_: UrlUse) -> Option<String> {
    let cleaned = as_browser_reads(value);
    if cleaned.is_empty() {
        return None;
    }
    // Whatever reads as an unsafe scheme once all whitespace and control characters are ignored
    // is refused, even where a browser would take it for a path ("java script:"): on the safe
    // side of any difference between browsers.
    let compact = compact(value);
    if scheme_of(&compact).is_some_and(|scheme| !scheme_is_safe(scheme, &compact, use_)) {
        return None;
    }
    if let Some(scheme) = browser_scheme(&cleaned) {
        return scheme_is_safe(scheme, &cleaned, use_).then(|| cleaned.into_owned());
    }
    if cleaned.starts_with('#') {
        // In-page anchors point into the original page, which the reader view is not.
        return None;
    }
    match base {
        // The base is the page's own `<base href>` and as hostile as the rest of it
        // (`<base href="javascript:alert(1)//">` turns `a.html` into script), so what resolution
        // gives is checked like any absolute URL.
        // Only web addresses resolve: a `data:` or `mailto:` base cannot be a base to a browser.
        Some(b) => {
            let resolved = b.resolve(&cleaned);
            let read = as_browser_reads(&resolved);
            let web = browser_scheme(&read).is_some_and(|scheme| {
                scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")
            });
            // Most resolved URLs read as they are written: then they are the answer as is.
            let changed = (read.len() != resolved.len()).then(|| read.into_owned());
            web.then(|| changed.unwrap_or(resolved))
        }
        None => Some(cleaned.into_owned()),
    }
}

/// A URL as a browser's URL parser reads it: leading and trailing control characters and spaces
/// stripped (Unicode spaces too, which a browser would keep as part of a path), tabs and
/// newlines removed anywhere. Borrowed when nothing inside is removed, as in most URLs.
fn as_browser_reads(value: &str) -> Cow<'_, str> {
    let trimmed = value.trim_matches(|c: char| c <= ' ' || c.is_whitespace());
    if !trimmed.contains(['\t', '\n', '\r']) {
        return Cow::Borrowed(trimmed);
    }
    trimmed
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect()
}

/// The URL with every ASCII whitespace and control character dropped: stricter than any browser.
/// Borrowed when there are none inside, as in most URLs.
fn compact(value: &str) -> Cow<'_, str> {
    let trimmed = value.trim();
    // Bytes stand for characters here: no byte of a non-ASCII character is ASCII.
    let removed = |b: u8| b.is_ascii_whitespace() || b.is_ascii_control();
    if !trimmed.bytes().any(removed) {
        return Cow::Borrowed(trimmed);
    }
    trimmed
        .chars()
        .filter(|&c| !c.is_ascii() || !removed(c as u8))
        .collect()
}

/// The scheme of a compacted URL, if it has one: text before a colon that comes before any
/// `/`, `?` or `#`.
fn scheme_of(compact: &str) -> Option<&str> {
    let colon = compact.find(':')?;
    let delimiter = compact.find(['/', '?', '#']);
    delimiter
        .is_none_or(|d| colon < d)
        .then(|| &compact[..colon])
}

/// The scheme a browser finds: an ASCII letter, then letters, digits, `+`, `-` or `.`, up to a
/// colon. Anything else before the first colon makes the URL relative.
fn browser_scheme(url: &str) -> Option<&str> {
    let (scheme, _) = url.split_once(':')?;
    let valid = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then_some(scheme)
}

fn scheme_is_safe(scheme: &str, url: &str, use_: UrlUse) -> bool {
    let is = |name: &str| scheme.eq_ignore_ascii_case(name);
    match use_ {
        _ if is("http") || is("https") => true,
        UrlUse::Link => is("mailto"),
        // A data URL without its comma is no data URL.
        UrlUse::Image if is("data") && url.contains(',') => {
            let mime = url[5..].split([';', ',']).next().unwrap_or("");
            SAFE_DATA_IMAGE_TYPES
                .iter()
                .any(|t| t.eq_ignore_ascii_case(mime))
        }
        UrlUse::Image => false,
    }
}

/// Checks each candidate of a `srcset`, keeping only safe image URLs and well-formed
/// descriptors. Candidates are read as the HTML standard reads them, so a comma inside a URL
/// (`w_300,h_200` in image CDN paths) does not split it.
pub fn safe_srcset(value: &str, base: Option<&BaseUrl>) -> Option<String> {
    let mut out = String::new();
    for (url, descriptors) in srcset_candidates(value) {
        let Some(url) = safe_url(url, base, UrlUse::Image).and_then(|u| srcset_safe_url(&u)) else {
            continue;
        };
        if !out.is_empty() {
            out.push_str(", ");
        }
        out.push_str(&url);
        for d in descriptors
            .split_ascii_whitespace()
            .filter(|d| is_srcset_descriptor(d))
        {
            out.push(' ');
            out.push_str(d);
        }
    }
    (!out.is_empty()).then_some(out)
}

/// The candidates of a `srcset` as (URL, descriptors): the standard's parser, less its
/// descriptor checks. A URL runs to the next whitespace (trailing commas are separators); its
/// descriptors run to the next comma outside parentheses.
fn srcset_candidates(value: &str) -> Vec<(&str, &str)> {
    let is_space = |c: char| matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c');
    let mut out = Vec::new();
    let mut rest = value;
    loop {
        rest = rest.trim_start_matches(|c: char| is_space(c) || c == ',');
        if rest.is_empty() {
            return out;
        }
        let url_end = rest.find(is_space).unwrap_or(rest.len());
        let (url, after) = rest.split_at(url_end);
        if url.ends_with(',') {
            out.push((url.trim_end_matches(','), ""));
            rest = after;
            continue;
        }
        let mut depth = 0u32;
        let mut end = after.len();
        for (i, c) in after.char_indices() {
            match c {
                '(' => depth += 1,
                ')' => depth = depth.saturating_sub(1),
                ',' if depth == 0 => {
                    end = i;
                    break;
                }
                _ => {}
            }
        }
        out.push((url, &after[..end]));
        rest = &after[end..];
    }
}

/// The URLs of a `srcset` written by [`safe_srcset`], in order.
pub fn srcset_urls(srcset: &str) -> impl Iterator<Item = &str> {
    srcset_candidates(srcset).into_iter().map(|(url, _)| url)
}

/// The candidate of a `srcset` with the largest width or density, or its only one: the one to
/// name where a single address is wanted (an `<img>`'s `src`, a Markdown image).
pub fn largest_candidate(srcset: &str) -> Option<&str> {
    let mut largest: Option<(u32, &str)> = None;
    for (url, descriptors) in srcset_candidates(srcset) {
        let size = descriptor_size(descriptors);
        // The last of equals wins, as `max_by_key` has it.
        if largest.is_none_or(|(most, _)| size >= most) {
            largest = Some((size, url));
        }
    }
    largest.map(|(_, url)| url)
}

/// A candidate's width (`800w`), or its density in thousandths (`1.5x`: 1500), read without a
/// float parser, which the wasm would otherwise carry for this alone.
fn descriptor_size(descriptors: &str) -> u32 {
    descriptors
        .split_ascii_whitespace()
        .filter_map(|d| {
            let (number, scale) = match d.strip_suffix('x') {
                Some(n) => (n, 1000),
                None => (d.strip_suffix('w')?, 1),
            };
            let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
            let mut thousandths = 0;
            for (digit, place) in fraction.bytes().zip([100, 10, 1]) {
                thousandths += u32::from(digit.checked_sub(b'0')?) * place;
            }
            let whole = if whole.is_empty() {
                0
            } else {
                whole.parse::<u32>().ok()?
            };
            Some(whole.saturating_mul(scale) + thousandths * scale / 1000)
        })
        .max()
        .unwrap_or(0)
}

/// A width (`600w`), density (`1.5x`) or height (`400h`) descriptor.
fn is_srcset_descriptor(d: &str) -> bool {
    let Some(number) = d.strip_suffix(['w', 'x', 'h']).filter(|n| !n.is_empty()) else {
        return false;
    };
    // A number with at most one decimal point, read by hand: no float parser in the wasm.
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    digits(whole) && digits(fraction) && !(whole.is_empty() && fraction.is_empty())
}

/// A resolved URL written into a `srcset` must read back as one URL: whitespace (which a base
/// URL can bring in) would split it, and a comma at its end would be taken for a separator. A
/// `data:` URL whose only comma is at its end has no image in it, and is left out.
fn srcset_safe_url(url: &str) -> Option<String> {
    if url.ends_with(',')
        && url
            .get(..5)
            .is_some_and(|s| s.eq_ignore_ascii_case("data:"))
    {
        return None;
    }
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            ' ' | '\t' | '\n' | '\r' | '\x0c' => out.push_str(&format!("%{:02X}", c as u32)),
            c => out.push(c),
        }
    }
    let commas = out.len() - out.trim_end_matches(',').len();
    out.truncate(out.len() - commas);
    out.push_str(&"%2C".repeat(commas));
    Some(out)
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
    fn a_hostile_base_cannot_make_script_urls() {
        for hostile in ["javascript:alert(1)//", "data:text/html,x/", "vbscript:x/"] {
            let base = BaseUrl::parse(hostile);
            assert!(base.is_some(), "{hostile}");
            assert_eq!(safe_url("a.html", base.as_ref(), UrlUse::Link), None);
            assert_eq!(safe_url("a.png", base.as_ref(), UrlUse::Image), None);
            assert_eq!(safe_srcset("a.png 2x", base.as_ref()), None);
        }
    }

    #[test]
    fn srcset_reads_candidates_as_browsers_do() {
        let base = BaseUrl::parse("https://e.com/");
        // A comma inside a URL is part of it; one at its end separates candidates.
        assert_eq!(
            safe_srcset("/w_300,h_200/a.jpg 300w,/b.jpg, c.jpg 2x", base.as_ref()).as_deref(),
            Some(
                "https://e.com/w_300,h_200/a.jpg 300w, https://e.com/b.jpg, https://e.com/c.jpg 2x"
            )
        );
        // A URL with a comma inside that hides a second, hostile candidate stays one URL.
        assert_eq!(
            safe_srcset("https://e.com/a.jpg,javascript:alert(1) 2x", None).as_deref(),
            Some("https://e.com/a.jpg,javascript:alert(1) 2x")
        );
        // Descriptors that are not descriptors are left out.
        assert_eq!(
            safe_srcset("a.jpg 2x onerror=x, b.jpg (1x)", base.as_ref()).as_deref(),
            Some("https://e.com/a.jpg 2x, https://e.com/b.jpg")
        );
        // Found by the urls fuzz target: an empty data: image ending in the comma that a
        // srcset reads as a separator (control characters around it are trimmed away).
        assert_eq!(
            safe_srcset(",\n,\u{8}data:image/jpg,\0", base.as_ref()),
            None
        );
        // Whitespace a base brings in cannot split a URL into two candidates.
        let spaced = BaseUrl::parse("https://e.com/x, javascript:alert(1) 2x/");
        assert_eq!(
            safe_srcset("a.jpg 1x", spaced.as_ref()).as_deref(),
            Some("https://e.com/x,%20javascript:alert(1)%202x/a.jpg 1x")
        );
    }

    #[test]
    fn the_largest_candidate_names_a_srcset() {
        assert_eq!(
            largest_candidate("a.jpg 400w, b.jpg 1600w, c.jpg 800w"),
            Some("b.jpg")
        );
        assert_eq!(
            largest_candidate("a.jpg, b.jpg 1.5x, c.jpg 2x"),
            Some("c.jpg")
        );
        assert_eq!(largest_candidate("a.jpg 1.25x, b.jpg 1.2x"), Some("a.jpg"));
        assert_eq!(largest_candidate("only.jpg"), Some("only.jpg"));
        assert_eq!(largest_candidate(" , "), None);
        assert!(
            is_srcset_descriptor("1.5x")
                && is_srcset_descriptor(".5x")
                && is_srcset_descriptor("2.x")
        );
        assert!(
            !is_srcset_descriptor(".x")
                && !is_srcset_descriptor("1.2.3x")
                && !is_srcset_descriptor("1e3w")
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

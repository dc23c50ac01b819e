//! What an element's name and attributes say, whatever the clutter: inert or block or media,
//! landmark, button, the article's metadata, a tracking pixel.

use std::sync::OnceLock;

use crate::dom::{Dom, NodeId};
use crate::flag_set::flag_set;
use crate::hash::FastMap;
use crate::word_list::{word_list, WordList};

/// Elements whose content is never shown as text: their text counts for nothing.
const INERT_ELEMENTS: WordList =
    word_list!["script", "style", "noscript", "template", "title", "textarea", "select", "option"];

/// Elements that start a block of text; a paragraph's own text stops at nested blocks.
const BLOCK_ELEMENTS: WordList = word_list![
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "html",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// Elements that show something other than text: their loss is visible even without words.
const MEDIA_ELEMENTS: WordList =
    word_list!["img", "picture", "video", "audio", "iframe", "object", "embed", "canvas", "math"];

/// ARIA roles of the page's own structure: never part of a clutter block.
pub const LANDMARK_ROLES: &[&str] = &["navigation", "banner", "contentinfo", "main", "search"];

/// Attribute values that mark an article's author or dates (schema.org `itemprop`, `rel`).
const METADATA_PROPS: &[&str] = &[
    "author",
    "datepublished",
    "datemodified",
    "datecreated",
    "creator",
];

/// Class or id words of bylines and datelines, which no clutter block may swallow.
pub const BYLINE_CLASS_WORDS: WordList = word_list![
    "byline",
    "dateline",
    "author",
    "authors",
    "timestamp",
    "pubdate",
    "publishdate",
];

flag_set! {
    /// What an element's name says, one flag per table above.
    pub struct TagKinds: u8 {
        INERT,
        BLOCK,
        MEDIA,
    }
}

/// The tables above as one lookup, built once.
pub fn tag_kinds(name: &str) -> TagKinds {
    // Bits in a map of the same type as the name tables' (each map type is its own code in the
    // wasm).
    static TAGS: OnceLock<FastMap<&'static str, u16>> = OnceLock::new();
    let tags = TAGS.get_or_init(|| {
        let mut m = FastMap::default();
        for (table, kind) in [
            (INERT_ELEMENTS, TagKinds::INERT),
            (BLOCK_ELEMENTS, TagKinds::BLOCK),
            (MEDIA_ELEMENTS, TagKinds::MEDIA),
        ] {
            for t in table {
                *m.entry(t).or_insert(0) |= u16::from(kind.bits());
            }
        }
        m
    });
    TagKinds::from_bits(tags.get(name).copied().unwrap_or(0) as u8)
}

/// A button: `<button>`, a submit or button input, `role=button`.
pub fn is_button(name: &str, input_type: &str, role: &str) -> bool {
    name == "button"
        || (name == "input"
            && (input_type.eq_ignore_ascii_case("submit")
                || input_type.eq_ignore_ascii_case("button")))
        || role.eq_ignore_ascii_case("button")
}

/// An `itemprop` or `rel` value naming the article's author or dates.
pub fn is_metadata_value(v: &str) -> bool {
    v.split_whitespace()
        .any(|w| METADATA_PROPS.iter().any(|p| w.eq_ignore_ascii_case(p)))
}

/// A 1×1 tracking pixel is not a picture.
pub fn is_pixel(dom: &Dom, id: NodeId) -> bool {
    let Some(e) = dom.element(id) else {
        return false;
    };
    let tiny = |a: &str| {
        e.attr(a).is_some_and(|v| {
            v.trim()
                .trim_end_matches("px")
                .parse::<u32>()
                .is_ok_and(|n| n <= 2)
        })
    };
    tiny("width") && tiny("height")
}

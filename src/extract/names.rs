//! What class and id names say about a block. Only one signal among several: many sites hash
//! their class names, so every decision also weighs text shape and link density.

use crate::dom::{Dom, Element, NodeId};

/// Names of page chrome: navigation, furniture, comments, promotions.
pub const UNLIKELY: &[&str] = &[
    "-ad-",
    "ai2html",
    "banner",
    "breadcrumbs",
    "combx",
    "comment",
    "community",
    "cover-wrap",
    "disqus",
    "extra",
    "footer",
    "gdpr",
    "header",
    "legends",
    "menu",
    "related",
    "remark",
    "replies",
    "rss",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "social",
    "sponsor",
    "supplemental",
    "ad-break",
    "agegate",
    "pagination",
    "pager",
    "popup",
    "yom-remote",
];
/// Names that rescue an unlikely-looking block: it may well hold the article.
pub const MAYBE_CANDIDATE: &[&str] = &[
    "and", "article", "body", "column", "content", "main", "mathjax", "shadow",
];
/// Names of article containers.
pub const POSITIVE: &[&str] = &[
    "article",
    "body",
    "content",
    "entry",
    "hentry",
    "h-entry",
    "main",
    "page",
    "pagination",
    "post",
    "text",
    "blog",
    "story",
];
/// Names of blocks that are about the page rather than the article.
pub const NEGATIVE: &[&str] = &[
    "-ad-",
    "hidden",
    "banner",
    "combx",
    "comment",
    "com-",
    "contact",
    "footer",
    "gdpr",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "widget",
];
/// A whole-word "hid" (short for hidden) is negative too; as a substring it is too common.
const NEGATIVE_WORD: &str = "hid";
/// Names of bylines.
pub const BYLINE: &[&str] = &["byline", "author", "dateline", "writtenby", "p-author"];
/// Share bars: matched as whole words (`share`, `sharedaddy`), since "share" is inside other words.
const SHARE_WORDS: &[&str] = &["share", "sharedaddy"];
/// How much a positive or negative name moves a block's score.
pub const CLASS_WEIGHT: f64 = 25.0;

/// Elements that keep a `<div>` from being read as a paragraph: blocks, and links and images,
/// which a paragraph-like div would rarely be only made of.
const DIV_BLOCK_CHILDREN: &[&str] = &[
    "a",
    "blockquote",
    "dl",
    "div",
    "img",
    "ol",
    "p",
    "pre",
    "table",
    "ul",
    "select",
];

/// True when `id` is one of the elements that stops a div from being read as a paragraph.
pub fn is_block_for_div(dom: &Dom, id: NodeId) -> bool {
    dom.tag(id).is_some_and(|t| DIV_BLOCK_CHILDREN.contains(&t))
}

/// The class and id of an element, lower-cased once.
pub struct ClassNames {
    class: String,
    id: String,
}

impl ClassNames {
    pub fn of(el: &Element) -> Self {
        ClassNames {
            class: el.attr("class").unwrap_or("").to_lowercase(),
            id: el.attr("id").unwrap_or("").to_lowercase(),
        }
    }

    /// True when the class or the id contains one of `names`.
    pub fn matches(&self, names: &[&str]) -> bool {
        names
            .iter()
            .any(|n| self.class.contains(n) || self.id.contains(n))
    }

    /// +25 for each of class and id that names an article container, -25 for page furniture.
    pub fn weight(&self) -> f64 {
        let one = |s: &str| {
            let mut w = 0.0;
            if s.is_empty() {
                return w;
            }
            if NEGATIVE.iter().any(|n| s.contains(n))
                || s.split_whitespace().any(|t| t == NEGATIVE_WORD)
            {
                w -= CLASS_WEIGHT;
            }
            if POSITIVE.iter().any(|n| s.contains(n)) {
                w += CLASS_WEIGHT;
            }
            w
        };
        one(&self.class) + one(&self.id)
    }

    /// A share bar by name: `share` or `sharedaddy` as a whole word (underscores separate).
    pub fn is_share(&self) -> bool {
        let words = |s: &str| {
            s.split(|c: char| !c.is_alphanumeric())
                .any(|w| SHARE_WORDS.contains(&w))
        };
        words(&self.class) || words(&self.id)
    }
}

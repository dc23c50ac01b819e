//! What class and id names say about a block. Only one signal among several: many sites hash
//! their class names, so every decision also weighs text shape and link density.

use std::borrow::Cow;
use std::sync::OnceLock;

use crate::dom::{Dom, NodeId};
use crate::fragments::Fragments;
use crate::hash::FastMap;

/// Names of page chrome: navigation, furniture, comments, promotions.
pub const UNLIKELY: &[&str] = &[
    "-ad-",
    "ai2html",
    "banner",
    "breadcrumbs",
    "combx",
    "comment",
    "comentario",
    "kommentare",
    "komentarze",
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
    "comentario",
    "kommentare",
    "komentarze",
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
/// Names of comment sections and their comments, in the languages sites name them in.
/// Plurals in German and Polish: the singular also names an opinion piece.
const COMMENTS: &[&str] = &[
    "comment",
    "comentario",
    "kommentare",
    "komentarze",
    "disqus",
];
/// Names of bylines.
pub const BYLINE: &[&str] = &["byline", "author", "dateline", "writtenby", "p-author"];
/// Share bars: matched as whole words (`share`, `sharedaddy`), since "share" is inside other words.
const SHARE_WORDS: &[&str] = &["share", "sharedaddy"];
/// Classes of text kept for screen readers only and of "skip to content" links: the common
/// utility classes that move it off screen. A reader view shows what the eye sees.
const SCREEN_READER_ONLY_CLASSES: &[&str] = &[
    "sr-only",
    "screen-reader-text",
    "screen-reader-only",
    "visually-hidden",
    "visuallyhidden",
    "skip-link",
];
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

/// What a class or id value says, as bits: the lists above its fragments are found in, and
/// the words it holds.
const SAYS_UNLIKELY: u8 = 1;
const SAYS_MAYBE_CANDIDATE: u8 = 2;
const SAYS_POSITIVE: u8 = 4;
const SAYS_NEGATIVE: u8 = 8;
const SAYS_COMMENTS: u8 = 16;
const SAYS_BYLINE: u8 = 32;
const SAYS_SHARE: u8 = 64;
const SAYS_SCREEN_READER_ONLY: u8 = 128;

/// Every list's fragments in one index, each with its list's bit.
fn fragments() -> &'static Fragments {
    static FRAGMENTS: OnceLock<Fragments> = OnceLock::new();
    FRAGMENTS.get_or_init(|| {
        let lists: [(&[&'static str], u8); 6] = [
            (UNLIKELY, SAYS_UNLIKELY),
            (MAYBE_CANDIDATE, SAYS_MAYBE_CANDIDATE),
            (POSITIVE, SAYS_POSITIVE),
            (NEGATIVE, SAYS_NEGATIVE),
            (COMMENTS, SAYS_COMMENTS),
            (BYLINE, SAYS_BYLINE),
        ];
        let mut fragments = Vec::new();
        for (list, bit) in lists {
            for &f in list {
                fragments.push((f, u16::from(bit)));
            }
        }
        Fragments::new(fragments)
    })
}

/// What one class or id value says.
fn says(value: &str) -> u8 {
    let lower = lower_case(value);
    let mut said = fragments().found_in(lower.as_bytes()) as u8;
    for token in lower.split_ascii_whitespace() {
        if token == NEGATIVE_WORD {
            said |= SAYS_NEGATIVE;
        }
        if SCREEN_READER_ONLY_CLASSES.contains(&token) {
            said |= SAYS_SCREEN_READER_ONLY;
        }
    }
    if lower
        .as_bytes()
        .split(|b| !b.is_ascii_alphanumeric())
        .any(|w| SHARE_WORDS.iter().any(|s| s.as_bytes() == w))
    {
        said |= SAYS_SHARE;
    }
    said
}

fn is_unlikely(said: u8) -> bool {
    said & SAYS_UNLIKELY != 0 && said & SAYS_MAYBE_CANDIDATE == 0
}

/// What elements' class and id names say, read once per distinct value: the passes, the scorer
/// and the cleaner ask again and again, pages repeat a few class names on many elements, and
/// lower-casing and searching the names is most of what answering costs.
pub struct NameTable {
    /// Per node: what its class says (low byte) and its id (high byte).
    said: Vec<u16>,
}

impl NameTable {
    pub fn new<'d>(dom: &'d Dom) -> Self {
        let mut values: FastMap<&'d str, u16> = FastMap::default();
        let mut said = vec![0; dom.len()];
        for (i, node) in said.iter_mut().enumerate() {
            let Some(el) = dom.element(NodeId(i as u32)) else {
                continue;
            };
            let mut value = |value: Option<&'d str>| {
                value.map_or(0, |v| {
                    *values.entry(v).or_insert_with(|| u16::from(says(v)))
                })
            };
            *node = value(el.attr("class")) | value(el.attr("id")) << 8;
        }
        NameTable { said }
    }

    /// Page chrome by name, and not rescued by a name that may hold the article.
    pub fn unlikely(&self, id: NodeId) -> bool {
        let (class, ident) = self.said(id);
        is_unlikely(class | ident)
    }

    pub fn byline(&self, id: NodeId) -> bool {
        self.either_says(id, SAYS_BYLINE)
    }

    /// A comment section, or a comment in one.
    pub fn comments(&self, id: NodeId) -> bool {
        self.either_says(id, SAYS_COMMENTS)
    }

    /// A share bar by name: `share` or `sharedaddy` as a whole word (underscores separate).
    pub fn share(&self, id: NodeId) -> bool {
        self.either_says(id, SAYS_SHARE)
    }

    /// Off screen by a class that only screen readers and keyboard users reach.
    pub fn screen_reader_only(&self, id: NodeId) -> bool {
        self.said(id).0 & SAYS_SCREEN_READER_ONLY != 0
    }

    /// +25 for each of class and id that names an article container, -25 for page furniture.
    pub fn weight(&self, id: NodeId) -> f64 {
        let one =
            |said: u8| i8::from(said & SAYS_POSITIVE != 0) - i8::from(said & SAYS_NEGATIVE != 0);
        let (class, ident) = self.said(id);
        f64::from(one(class) + one(ident)) * CLASS_WEIGHT
    }

    fn either_says(&self, id: NodeId, bit: u8) -> bool {
        let (class, ident) = self.said(id);
        (class | ident) & bit != 0
    }

    /// What the class and the id of node `id` say.
    fn said(&self, id: NodeId) -> (u8, u8) {
        let said = self.said[id.index()];
        (said as u8, (said >> 8) as u8)
    }
}

/// `name` lower-cased, borrowed when it already is, as most names are.
fn lower_case(name: &str) -> Cow<'_, str> {
    if name
        .bytes()
        .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
    {
        Cow::Owned(name.to_lowercase())
    } else {
        Cow::Borrowed(name)
    }
}

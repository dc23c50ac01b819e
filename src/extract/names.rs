//! What class and id names say about a block. Only one signal among several: many sites hash
//! their class names, so every decision also weighs text shape and link density.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};

use crate::dom::{Dom, Element, NodeId};
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
/// Names at least this long are searched with `str::contains` (see `contains_any`).
const LONG_NAME_BYTES: usize = 64;
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

/// What elements' class and id names say, each question answered at most once per element and
/// document: the passes, the scorer and the cleaner ask again and again, and lower-casing and
/// searching the names is most of what answering costs.
pub struct NameTable<'d> {
    dom: &'d Dom,
    /// Per node, two bits a question: asked, and the answer.
    answers: Vec<Cell<u8>>,
    /// Per node, the class weight in units of `CLASS_WEIGHT`, once asked.
    weights: Vec<Cell<Option<i8>>>,
    /// Per distinct class or id value: whether it names page chrome, and whether it names what
    /// may hold the article. Pages repeat a few class names on many elements, and every
    /// element is asked about chrome.
    chrome: RefCell<FastMap<Box<str>, (bool, bool)>>,
}

#[derive(Clone, Copy)]
enum Question {
    Unlikely,
    Byline,
    Share,
    ScreenReaderOnly,
}

impl<'d> NameTable<'d> {
    pub fn new(dom: &'d Dom) -> Self {
        NameTable {
            dom,
            answers: vec![Cell::new(0); dom.len()],
            weights: vec![Cell::new(None); dom.len()],
            chrome: RefCell::default(),
        }
    }

    /// Page chrome by name, and not rescued by a name that may hold the article.
    pub fn unlikely(&self, id: NodeId) -> bool {
        self.ask(id, Question::Unlikely, |el| {
            let (class, ident) = (self.chrome(el.attr("class")), self.chrome(el.attr("id")));
            (class.0 || ident.0) && !(class.1 || ident.1)
        })
    }

    pub fn byline(&self, id: NodeId) -> bool {
        self.ask(id, Question::Byline, |el| {
            ClassNames::of(el).matches(BYLINE)
        })
    }

    /// A comment section, or a comment in one (asked only by the passes that skip comments,
    /// so not kept among the answers).
    pub fn comments(&self, id: NodeId) -> bool {
        self.named(id)
            .is_some_and(|el| ClassNames::of(el).matches(COMMENTS))
    }

    pub fn share(&self, id: NodeId) -> bool {
        self.ask(id, Question::Share, |el| ClassNames::of(el).is_share())
    }

    /// Off screen by a class that only screen readers and keyboard users reach.
    pub fn screen_reader_only(&self, id: NodeId) -> bool {
        self.ask(id, Question::ScreenReaderOnly, |el| {
            el.attr("class").is_some_and(|c| {
                c.split_ascii_whitespace().any(|t| {
                    SCREEN_READER_ONLY_CLASSES
                        .iter()
                        .any(|s| t.eq_ignore_ascii_case(s))
                })
            })
        })
    }

    /// +25 for each of class and id that names an article container, -25 for page furniture.
    pub fn weight(&self, id: NodeId) -> f64 {
        let cell = &self.weights[id.index()];
        let units = cell.get().unwrap_or_else(|| {
            let units = self
                .named(id)
                .map_or(0, |el| ClassNames::of(el).weight_units());
            cell.set(Some(units));
            units
        });
        f64::from(units) * CLASS_WEIGHT
    }

    fn ask(&self, id: NodeId, q: Question, answer: impl FnOnce(&'d Element) -> bool) -> bool {
        let cell = &self.answers[id.index()];
        let (asked, yes) = (1 << (2 * q as u8), 2 << (2 * q as u8));
        if cell.get() & asked == 0 {
            let said = self.named(id).is_some_and(answer);
            cell.set(cell.get() | asked | if said { yes } else { 0 });
        }
        cell.get() & yes != 0
    }

    /// The element, when it has names: most have none, and need no reading.
    fn named(&self, id: NodeId) -> Option<&'d Element> {
        let el = self.dom.element(id)?;
        (el.attr("class").is_some() || el.attr("id").is_some()).then_some(el)
    }

    /// What one class or id value says of page chrome: (`UNLIKELY`, `MAYBE_CANDIDATE`).
    fn chrome(&self, name: Option<&str>) -> (bool, bool) {
        let Some(name) = name else {
            return (false, false);
        };
        if let Some(&said) = self.chrome.borrow().get(name) {
            return said;
        }
        let lower = lower_case(name);
        let said = (
            contains_any(&lower, UNLIKELY),
            contains_any(&lower, MAYBE_CANDIDATE),
        );
        self.chrome.borrow_mut().insert(name.into(), said);
        said
    }
}

/// The class and id of an element, lower-cased once.
pub struct ClassNames<'a> {
    class: Cow<'a, str>,
    id: Cow<'a, str>,
}

impl<'a> ClassNames<'a> {
    pub fn of(el: &'a Element) -> Self {
        ClassNames {
            class: lower_case(el.attr("class").unwrap_or("")),
            id: lower_case(el.attr("id").unwrap_or("")),
        }
    }

    /// True when the class or the id contains one of `names`.
    pub fn matches(&self, names: &[&str]) -> bool {
        contains_any(&self.class, names) || contains_any(&self.id, names)
    }

    /// In units of `CLASS_WEIGHT`: +1 for each of class and id that names an article container,
    /// -1 for page furniture.
    fn weight_units(&self) -> i8 {
        let one = |s: &str| {
            let negative =
                contains_any(s, NEGATIVE) || s.split_whitespace().any(|t| t == NEGATIVE_WORD);
            i8::from(contains_any(s, POSITIVE)) - i8::from(negative)
        };
        one(&self.class) + one(&self.id)
    }

    /// A share bar by name: `share` or `sharedaddy` as a whole word (underscores separate).
    fn is_share(&self) -> bool {
        let words = |s: &str| {
            s.split(|c: char| !c.is_alphanumeric())
                .any(|w| SHARE_WORDS.contains(&w))
        };
        words(&self.class) || words(&self.id)
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

/// True when `hay` contains one of `needles`. Class names are mostly short, where comparing in
/// place costs less than setting up a substring searcher for each needle, as `str::contains`
/// does; on long names (utility classes) the fast scan of `text::contains` wins.
fn contains_any(hay: &str, needles: &[&str]) -> bool {
    if hay.len() >= LONG_NAME_BYTES {
        return needles.iter().any(|n| crate::text::contains(hay, n));
    }
    let hay = hay.as_bytes();
    needles.iter().any(|n| {
        let n = n.as_bytes();
        hay.windows(n.len()).any(|w| w[0] == n[0] && w == n)
    })
}

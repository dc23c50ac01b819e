//! Finding the article: prepare (what takes part), score (which block holds the article), clean
//! (what inside it is not article), write (sanitised HTML, text, and the page nodes used).
//!
//! Nothing here changes the document: every decision lives in a side table indexed by `NodeId`,
//! so the same `Dom` can be tried again with other flags, then decluttered.

mod clean;
mod main_region;
pub(crate) mod names;
mod output;
pub mod page_kind;
mod prep;
mod score;

use serde::Serialize;

use crate::dom::{Dom, NodeId};
use crate::error::ExtractError;
use crate::metadata::{self, Metadata};
use crate::options::Options;
use crate::picture;
use crate::text::{excerpt, word_count};
use crate::url::BaseUrl;

use page_kind::PageKind;

pub use output::image_sources;
pub(crate) use output::BLOCK_TAGS;

/// An extracted article: metadata, sanitised reader HTML, and the page nodes it came from.
#[derive(Clone, Debug, Serialize)]
pub struct Article {
    pub title: String,
    pub byline: Option<String>,
    pub published_time: Option<String>,
    pub site_name: Option<String>,
    pub lang: Option<String>,
    pub dir: Option<String>,
    pub excerpt: Option<String>,
    /// The picture to show above the body: the page's declared image, unless the body already
    /// shows it (at any size or address) or it is the site's logo, icon or default share card.
    pub lead_image: Option<String>,
    /// The lead image's size in pixels, where the page declares it (`og:image:width`): the
    /// reader shows it no larger.
    pub lead_image_width: Option<u32>,
    pub lead_image_height: Option<u32>,
    /// Sanitised reader HTML.
    pub content: String,
    /// Plain text, blocks separated by blank lines. Not serialised: the reader view shows
    /// `content`, and the text would double what crosses to JavaScript (the CLI adds it).
    #[serde(skip)]
    pub text: String,
    pub word_count: usize,
    pub reading_minutes: u32,
    /// The article as Markdown ([`crate::markdown::of_article`]), where the caller asked for it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub markdown: Option<String>,
    /// The element the article was found in.
    pub root: NodeId,
    /// Every page text node whose text the reader view shows: what decluttering must not touch.
    #[serde(skip)]
    pub text_nodes: Vec<NodeId>,
    /// Every page picture and player the reader view shows: the article's like its text.
    #[serde(skip)]
    pub media_nodes: Vec<NodeId>,
}

impl Article {
    /// The element holding every text node the article shows: its root, or an ancestor of it
    /// where blocks beside the root joined the article.
    pub fn block(&self, dom: &Dom) -> NodeId {
        let mut block = self.root;
        for &t in &self.text_nodes {
            while !dom.contains(block, t) {
                match dom.parent(block) {
                    Some(p) => block = p,
                    None => return block,
                }
            }
        }
        block
    }
}

/// Which heuristics a pass applies. The first pass applies all; when it finds too little text,
/// each following pass relaxes one more, and the longest result wins.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Flags {
    /// Skip blocks whose class, id or role says page chrome.
    pub strip_unlikely: bool,
    /// Let class and id names add to or take from a block's score.
    pub weight_classes: bool,
    /// Drop blocks inside the article that look like lists of links, forms or ad frames.
    pub clean_conditionally: bool,
    /// Take the page's main landmark when the chosen block is only a small part of it.
    pub widen_to_main: bool,
    /// Skip comment sections by their names, in passes that no longer skip chrome by name:
    /// set once a story has been found, which its comments may not outgrow.
    pub skip_comments: bool,
}

/// The passes, in the order they are tried.
const PASSES: [Flags; 4] = [
    Flags {
        strip_unlikely: true,
        weight_classes: true,
        clean_conditionally: true,
        widen_to_main: false,
        skip_comments: false,
    },
    Flags {
        strip_unlikely: false,
        weight_classes: true,
        clean_conditionally: true,
        widen_to_main: false,
        skip_comments: false,
    },
    Flags {
        strip_unlikely: false,
        weight_classes: false,
        clean_conditionally: true,
        widen_to_main: false,
        skip_comments: false,
    },
    Flags {
        strip_unlikely: false,
        weight_classes: false,
        clean_conditionally: false,
        widen_to_main: false,
        skip_comments: false,
    },
];
/// On a page of another kind than an article, an article found that holds this share of the
/// main region's text is the page's content after all.
const ARTICLE_SHARE_OF_REGION: f64 = 0.5;
/// ... or that has this much prose, in paragraphs of `PROSE_PARAGRAPH_CHARS` or more: more than
/// the two or three paragraphs a shop's category or a topic page opens its listing with.
const MIN_ARTICLE_PROSE_CHARS: usize = 700;
const PROSE_PARAGRAPH_CHARS: usize = 80;
/// A pass that finds less text than this is retried with fewer heuristics.
const MIN_ARTICLE_CHARS: usize = 500;
/// A first pass that finds this much is a short story (a few sentences over a comment thread):
/// the retries look for more of it, not for the comments beside it.
const MIN_STORY_CHARS: usize = 200;
/// Less text than this, after every pass, is no article: short pages are still pages.
const MIN_TEXT_CHARS: usize = 1;
/// Reading speed for the reading-time estimate, in words a minute (adult silent reading).
const WORDS_PER_MINUTE: usize = 230;
/// The excerpt, when the page declares none, is the first paragraph cut to this length.
const EXCERPT_CHARS: usize = 300;

struct Attempt {
    flags: Flags,
    part_of_main: bool,
    chars: usize,
    written: output::Written,
    root: NodeId,
    byline: Option<String>,
}

/// Finds the article.
pub fn extract(dom: &Dom, options: &Options) -> Result<Article, ExtractError> {
    extract_excluding(dom, options, &[])
}

/// Finds the article as if the `excluded` blocks (the clutter decluttering removes) were not on
/// the page: they are not scored, joined as siblings or written, so the reader view drops what
/// the live page hides.
pub fn extract_excluding(
    dom: &Dom,
    options: &Options,
    excluded: &[NodeId],
) -> Result<Article, ExtractError> {
    let page = PageFacts::read(dom, options);
    let kind = page_kind::read(dom, options.url.as_deref(), &page).kind;
    extract_as(dom, &page, kind, excluded)
}

/// The page's address, metadata, text lengths and class names: read once, for its kind and
/// every extraction from it.
pub struct PageFacts {
    base: Option<BaseUrl>,
    pub meta: Metadata,
    pub texts: prep::TextMeasures,
    pub names: names::NameTable,
}

impl PageFacts {
    pub fn read(dom: &Dom, options: &Options) -> PageFacts {
        let base = base_url(dom, options.url.as_deref());
        let meta = metadata::read(dom, base.as_ref().map(BaseUrl::host));
        PageFacts {
            base,
            meta,
            texts: prep::TextMeasures::of(dom),
            names: names::NameTable::new(dom),
        }
    }
}

/// [`extract_excluding`] on a page whose kind is known: an article is found by its prose, a
/// page of another kind is read from its main region.
pub fn extract_as(
    dom: &Dom,
    page: &PageFacts,
    kind: PageKind,
    excluded: &[NodeId],
) -> Result<Article, ExtractError> {
    extract_with(dom, page, excluded, kind, None)
}

/// The article as it reads from `root`, an element an earlier look at the whole page chose: for
/// a part of a page, which holds too little of the whole to choose from.
pub fn extract_at(dom: &Dom, page: &PageFacts, root: NodeId) -> Result<Article, ExtractError> {
    if dom.element(root).is_none() {
        return Err(ExtractError::NoBody);
    }
    extract_with(dom, page, &[], PageKind::Article, Some(root))
}

fn extract_with(
    dom: &Dom,
    page: &PageFacts,
    excluded: &[NodeId],
    kind: PageKind,
    root: Option<NodeId>,
) -> Result<Article, ExtractError> {
    let body = dom.body().ok_or(ExtractError::NoBody)?;
    let whole = prep::Whole::measure(dom, body, excluded, &page.texts);
    let reading = Reading {
        dom,
        whole: &whole,
        names: &page.names,
        meta: &page.meta,
        base: page.base.as_ref(),
    };
    let place = Place { body, root };
    let region =
        (kind != PageKind::Article && root.is_none()).then(|| region_attempt(&reading, body, kind));
    let mut best: Option<Attempt> = None;
    let mut skip_comments = false;
    let mut passes = PASSES.into_iter();
    let mut pass = passes.next();
    while let Some(flags) = pass {
        let flags = Flags {
            skip_comments,
            ..flags
        };
        let attempt = attempt(&reading, place, flags);
        // Story over comments: a short story found, a relaxed pass finds it again inside a
        // larger block, whose other part may be its comments. This pass runs again without
        // them, and so do the next ones.
        let around_story = best.as_ref().is_some_and(|story| {
            story.chars >= MIN_STORY_CHARS
                && attempt.root != story.root
                && dom.contains(attempt.root, story.root)
        });
        if around_story && !skip_comments {
            skip_comments = true;
            continue;
        }
        pass = passes.next();
        let enough = attempt.chars >= MIN_ARTICLE_CHARS;
        if best.as_ref().is_none_or(|b| attempt.chars > b.chars) {
            best = Some(attempt);
        }
        if enough {
            break;
        }
    }
    let mut best = best.ok_or(ExtractError::NoBody)?;
    // A page of many parts (a listing, a product page, a thread): the block found is a small
    // part of the main landmark the page declares, which is tried whole with the same flags.
    // A block chosen before stays.
    if best.part_of_main && root.is_none() {
        let flags = Flags {
            widen_to_main: true,
            ..best.flags
        };
        let wider = attempt(&reading, place, flags);
        if wider.chars > best.chars {
            best = wider;
        }
    }
    // A page of another kind reads as its main region, unless the article found holds most of
    // it (an article after all, with a few cards or teasers beside it) or is prose (a shop's
    // collection with its introduction, a service described in paragraphs).
    if let Some(region) = region {
        if (best.chars as f64) < ARTICLE_SHARE_OF_REGION * region.chars as f64
            && prose_chars(&best.written.text) < MIN_ARTICLE_PROSE_CHARS
        {
            best = region;
        }
    }
    if best.chars < MIN_TEXT_CHARS {
        return Err(ExtractError::TooLittleText {
            chars: best.chars,
            min: MIN_TEXT_CHARS,
        });
    }
    Ok(article(dom, page.meta.clone(), best, page.base.as_ref()))
}

/// Where a pass looks for the article: anywhere in `body`, or at `root`, chosen before.
#[derive(Clone, Copy)]
struct Place {
    body: NodeId,
    root: Option<NodeId>,
}

/// Characters of `text` in paragraphs (its lines) long enough to be prose.
fn prose_chars(text: &str) -> usize {
    let mut chars = 0;
    for line in text.lines() {
        let n = line.chars().count();
        if n >= PROSE_PARAGRAPH_CHARS {
            chars += n;
        }
    }
    chars
}

/// What every pass over one page reads: the page, its measures, names and metadata.
struct Reading<'a> {
    dom: &'a Dom,
    whole: &'a prep::Whole,
    names: &'a names::NameTable,
    meta: &'a Metadata,
    base: Option<&'a BaseUrl>,
}

impl<'a> Reading<'a> {
    fn prepare(&self, body: NodeId, flags: Flags) -> prep::Prep<'a> {
        prep::prepare(
            self.dom,
            self.whole,
            self.names,
            body,
            &self.meta.title,
            self.meta.byline.is_some(),
            flags,
        )
    }

    /// Writes `pieces` as `prep` keeps them, less the `dropped` nodes.
    fn write(
        &self,
        prep: prep::Prep,
        dropped: &[bool],
        choice: score::Choice,
        flags: Flags,
    ) -> Attempt {
        let (kept, byline) = prep.into_kept();
        let keep = Kept {
            kept: &kept,
            dropped,
        };
        let written = output::write(
            self.dom,
            &choice.pieces,
            &keep,
            self.base,
            self.meta.byline.as_deref(),
        );
        Attempt {
            flags,
            part_of_main: choice.part_of_main,
            chars: written.text.chars().count(),
            written,
            root: choice.root,
            byline,
        }
    }
}

/// A page of another kind than an article, read from its main region.
fn region_attempt(reading: &Reading, body: NodeId, kind: PageKind) -> Attempt {
    let flags = PASSES[PASSES.len() - 1];
    let prep = reading.prepare(body, flags);
    let region = main_region::read(reading.dom, &prep, kind);
    let choice = score::Choice {
        root: region.root,
        pieces: vec![score::Piece::Node(region.root)],
        part_of_main: false,
    };
    reading.write(prep, &region.dropped, choice, flags)
}

fn attempt(reading: &Reading, place: Place, flags: Flags) -> Attempt {
    let dom = reading.dom;
    let prep = reading.prepare(place.body, flags);
    let (mut choice, scores) = score::choose(dom, &prep, flags);
    if let Some(root) = place.root {
        choice = score::Choice {
            root,
            pieces: vec![score::Piece::Node(root)],
            part_of_main: false,
        };
    }
    let cleaned = clean::clean(dom, &prep, &scores, &choice.pieces, flags);
    // Only what is kept matters to the writer: the other tables go first, since on a giant page
    // the output is as large as they are.
    drop(scores);
    reading.write(prep, &cleaned.dropped, choice, flags)
}

struct Kept<'a> {
    kept: &'a [bool],
    dropped: &'a [bool],
}

impl output::Keep for Kept<'_> {
    fn keeps(&self, id: NodeId) -> bool {
        self.kept[id.index()] && !self.dropped[id.index()]
    }
}

fn article(dom: &Dom, meta: Metadata, best: Attempt, base: Option<&BaseUrl>) -> Article {
    let words = word_count(&best.written.text);
    let first_paragraph = best.written.text.split("\n\n").next().unwrap_or("");
    // The picture to show above the body: the page's own, unless it is the site's artwork or
    // the body already shows it (at any size).
    let lead_image = meta
        .image
        .as_deref()
        .filter(|i| !picture::is_site_art(i, meta.image_size))
        .and_then(|i| crate::sanitize::safe_url(i, base, crate::sanitize::UrlUse::Image))
        .filter(|i| {
            !best
                .written
                .pictures
                .iter()
                .any(|p| picture::likely_same_picture(i, p))
        });
    // The nearest declared direction wins: the article's own block, then up to the page.
    let dir = std::iter::once(best.root)
        .chain(dom.ancestors(best.root))
        .find_map(|a| dom.attr(a, "dir"))
        .map(|d| d.trim().to_ascii_lowercase())
        .filter(|d| d == "rtl" || d == "ltr")
        .or(meta.dir);
    Article {
        title: meta.title,
        byline: meta.byline.or(best.byline),
        published_time: meta.published_time,
        site_name: meta.site_name,
        lang: meta.lang,
        dir,
        excerpt: meta.excerpt.or_else(|| {
            (!first_paragraph.is_empty()).then(|| excerpt(first_paragraph, EXCERPT_CHARS))
        }),
        lead_image_width: lead_image.as_ref().and(meta.image_size).map(|(w, _)| w),
        lead_image_height: lead_image.as_ref().and(meta.image_size).map(|(_, h)| h),
        lead_image,
        content: best.written.html,
        word_count: words,
        reading_minutes: words.div_ceil(WORDS_PER_MINUTE) as u32,
        markdown: None,
        text: best.written.text,
        root: best.root,
        text_nodes: best.written.text_nodes,
        media_nodes: best.written.media_nodes,
    }
}

/// The base for relative links: the page's `<base href>`, resolved against its address.
fn base_url(dom: &Dom, page: Option<&str>) -> Option<BaseUrl> {
    let page = page.and_then(BaseUrl::parse);
    let declared = dom
        .descendants(NodeId::ROOT)
        .find(|&n| dom.is(n, "base") && dom.attr(n, "href").is_some())
        .and_then(|n| dom.attr(n, "href"));
    match (declared, &page) {
        (Some(href), Some(p)) => BaseUrl::parse(&p.resolve(href)).or(page),
        (Some(href), None) => BaseUrl::parse(href),
        (None, _) => page,
    }
}

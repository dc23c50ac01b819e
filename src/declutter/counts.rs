//! Sizes and signals of a subtree or a text node, and the tables that hold them.

use crate::text;

use super::lexicon::Phrases;

/// A link whose text has this many words or more reads like a headline...
pub const HEADLINE_MIN_WORDS: u32 = 4;
/// ...and this many characters ("The Party of Hate" has 14)...
pub const HEADLINE_MIN_CHARS: u32 = 12;
/// ...or, in CJK text where each ideograph counts as a word, this many characters: menus there
/// have two- to six-character entries.
pub const HEADLINE_MIN_CJK_CHARS: u32 = 10;
/// ...and no more than this (a longer link is a sentence).
pub const HEADLINE_MAX_WORDS: u32 = 30;

/// Sizes and signals summed over a subtree.
#[derive(Clone, Copy, Debug, Default)]
pub struct Counts {
    /// Non-whitespace characters of visible text.
    pub chars: u32,
    pub words: u32,
    /// Characters inside `<a href>`.
    pub link_chars: u32,
    pub links: u32,
    /// Links with headline-length text.
    pub headline_links: u32,
    /// Blocks whose own text holds a headline link: a list has one per entry, a line of tags
    /// or a footer menu one for all.
    pub headline_blocks: u32,
    /// Links and buttons that share the page.
    pub share_links: u32,
    /// Images, videos and frames outside ad markup.
    pub media: u32,
    /// ...of which inside links (icons, thumbnails).
    pub linked_media: u32,
    /// `nav`, `main`, `h1`, page header and footer, navigation roles.
    pub landmarks: u32,
    /// Buttons and submit inputs.
    pub buttons: u32,
    pub email_inputs: u32,
    /// The article's metadata: `<time>`, author links and bylines.
    pub meta: u32,
    /// Elements with ad markup (ad iframes, GPT slots, `ins.adsbygoogle`...).
    pub ad_marks: u32,
    /// Text nodes and media that must survive: the article's prose (or, without an article, any
    /// prose).
    pub protected: u32,
    /// The article's other text nodes and media: only rules that know clutter inside an article
    /// may take them.
    pub article: u32,
    /// The phrases of short text nodes below.
    pub phrases: Phrases,
}

impl Counts {
    pub fn add(&mut self, o: &Counts) {
        self.chars += o.chars;
        self.words += o.words;
        self.link_chars += o.link_chars;
        self.links += o.links;
        self.headline_links += o.headline_links;
        self.headline_blocks += o.headline_blocks;
        self.share_links += o.share_links;
        self.media += o.media;
        self.linked_media += o.linked_media;
        self.landmarks += o.landmarks;
        self.buttons += o.buttons;
        self.email_inputs += o.email_inputs;
        self.meta += o.meta;
        self.ad_marks += o.ad_marks;
        self.protected += o.protected;
        self.article += o.article;
        self.phrases |= o.phrases;
    }

    /// What `self` holds beyond `inner` (a subtree of it). Phrase bits cannot be subtracted and
    /// are kept as they are.
    pub fn minus(&self, inner: &Counts) -> Counts {
        Counts {
            chars: self.chars.saturating_sub(inner.chars),
            words: self.words.saturating_sub(inner.words),
            link_chars: self.link_chars.saturating_sub(inner.link_chars),
            links: self.links.saturating_sub(inner.links),
            headline_links: self.headline_links.saturating_sub(inner.headline_links),
            headline_blocks: self.headline_blocks.saturating_sub(inner.headline_blocks),
            share_links: self.share_links.saturating_sub(inner.share_links),
            media: self.media.saturating_sub(inner.media),
            linked_media: self.linked_media.saturating_sub(inner.linked_media),
            landmarks: self.landmarks.saturating_sub(inner.landmarks),
            buttons: self.buttons.saturating_sub(inner.buttons),
            email_inputs: self.email_inputs.saturating_sub(inner.email_inputs),
            meta: self.meta.saturating_sub(inner.meta),
            ad_marks: self.ad_marks.saturating_sub(inner.ad_marks),
            protected: self.protected.saturating_sub(inner.protected),
            article: self.article.saturating_sub(inner.article),
            phrases: self.phrases,
        }
    }

    /// Share of the text in links, 0 for no text.
    pub fn link_density(&self) -> f32 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f32 / self.chars as f32
        }
    }
}

/// The size of a text node's visible text, measured once.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TextSize {
    /// Non-whitespace characters.
    pub chars: u32,
    pub words: u32,
}

/// Non-whitespace characters and words of a text, in one pass; words as
/// [`text::word_count`] counts them (each CJK ideograph is a word).
pub fn measure(t: &str) -> TextSize {
    // Most text is ASCII: count bytes, no decoding, no CJK.
    if t.is_ascii() {
        let (mut chars, mut words, mut in_token) = (0u32, 0u32, false);
        for &b in t.as_bytes() {
            if b.is_ascii_whitespace() || b == 0x0B {
                in_token = false;
            } else {
                chars += 1;
                words += u32::from(!in_token);
                in_token = true;
            }
        }
        return TextSize { chars, words };
    }
    let (mut chars, mut words) = (0u32, 0u32);
    // Per whitespace-separated token: CJK characters, and whether it has other letters.
    let (mut in_token, mut cjk, mut other) = (false, 0u32, false);
    let close = |cjk: u32, other: bool| if cjk > 0 { cjk + u32::from(other) } else { 1 };
    for c in t.chars() {
        if c.is_whitespace() {
            if in_token {
                words += close(cjk, other);
                (in_token, cjk, other) = (false, 0, false);
            }
            continue;
        }
        chars += 1;
        in_token = true;
        if text::is_cjk(c) {
            cjk += 1;
        } else if c.is_alphanumeric() {
            other = true;
        }
    }
    if in_token {
        words += close(cjk, other);
    }
    TextSize { chars, words }
}

/// Whether a link's text reads like a headline: a few words, not a menu entry, not a sentence.
pub fn is_headline(c: &Counts) -> bool {
    if !(HEADLINE_MIN_WORDS..=HEADLINE_MAX_WORDS).contains(&c.words) {
        return false;
    }
    // Fewer than two characters a word: ideographs, each counted as a word.
    let cjk = c.chars < c.words * 2;
    c.chars
        >= if cjk {
            HEADLINE_MIN_CJK_CHARS
        } else {
            HEADLINE_MIN_CHARS
        }
}

/// A table in chunks of `CHUNK_ROWS` rows rather than in one block. The counts of a giant page
/// are megabytes, for which the memory the extraction leaves free has room in pieces but not in
/// one hole: one block grew the (never shrinking) wasm memory by its whole size.
pub struct Chunked<T> {
    chunks: Vec<Box<[T]>>,
    rows: usize,
}

const CHUNK_ROWS: usize = 1 << 14;

impl<T: Clone + Default> Chunked<T> {
    pub fn new(rows: usize) -> Chunked<T> {
        let chunks = (0..rows.div_ceil(CHUNK_ROWS))
            .map(|c| vec![T::default(); CHUNK_ROWS.min(rows - c * CHUNK_ROWS)].into_boxed_slice())
            .collect();
        Chunked { chunks, rows }
    }

    pub fn len(&self) -> usize {
        self.rows
    }
}

impl<T> std::ops::Index<usize> for Chunked<T> {
    type Output = T;
    fn index(&self, row: usize) -> &T {
        &self.chunks[row / CHUNK_ROWS][row % CHUNK_ROWS]
    }
}

impl<T> std::ops::IndexMut<usize> for Chunked<T> {
    fn index_mut(&mut self, row: usize) -> &mut T {
        &mut self.chunks[row / CHUNK_ROWS][row % CHUNK_ROWS]
    }
}

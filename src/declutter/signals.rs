//! The matching machinery, free of any word list: label normalising, host parsing, reading
//! class names against word tables, finding phrases in short texts, and inline styles. No
//! regex (wasm size): tables are built once (`lexicon.rs`) and looked up.

use crate::fragments::Fragments;
use crate::hash::FastMap;
use crate::text;

/// Lower-cases, turns typographic apostrophes into `'`, drops decoration (dashes, colons,
/// bullets, arrows, counts in brackets) at both ends and separators standing alone between
/// words ("Advertisement - Continue reading below"), and collapses whitespace.
pub fn normalize_label(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !word.chars().any(char::is_alphanumeric) {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            match c {
                '’' | '‘' | '`' => out.push('\''),
                // Turkish dotted capital I: its lower case would carry a combining dot.
                'İ' => out.push('i'),
                c => out.extend(c.to_lowercase()),
            }
        }
    }
    let trimmed = out.trim_matches(|c: char| !(c.is_alphanumeric() || c == '\''));
    let trimmed = trimmed.trim_matches(|c: char| c.is_whitespace() || c == '\'');
    trimmed.to_owned()
}

/// The host of an absolute or protocol-relative URL, as written (any case), and the rest of
/// the URL after it; `None` for relative URLs.
pub fn split_host(url: &str) -> Option<(&str, &str)> {
    let url = url.trim();
    let scheme_len = url
        .bytes()
        .position(|c| !(c.is_ascii_alphanumeric() || matches!(c, b'+' | b'-' | b'.')))
        .unwrap_or(url.len());
    let rest = match url[scheme_len..].strip_prefix("://") {
        Some(rest) => rest,
        // A "://" after anything but a scheme makes no absolute URL, protocol-relative or not;
        // it is looked for only where the answer would otherwise be a host.
        None => url
            .strip_prefix("//")
            .filter(|rest| !rest.contains("://"))?,
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..end];
    let host = authority.rsplit('@').next().unwrap_or(authority);
    let host = host.split(':').next().unwrap_or(host);
    if host.is_empty() {
        return None;
    }
    Some((host, &rest[end..]))
}

/// True when `host` (any case) is `domain` or one of its subdomains.
pub fn host_is(host: &str, domain: &str) -> bool {
    let (h, d) = (host.as_bytes(), domain.as_bytes());
    if h.len() < d.len() || !h[h.len() - d.len()..].eq_ignore_ascii_case(d) {
        return false;
    }
    h.len() == d.len() || h[h.len() - d.len() - 1] == b'.'
}

/// True when `text` starts with `prefix`, ASCII case ignored.
pub fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.len() >= prefix.len()
        && text.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

/// Names longer than this are generated (utility-class soup, hashes) and not read.
const NAME_MAX_BYTES: usize = 80;
/// Names of more words (letters only: hashes and numbers do not count) than this are slugs of
/// headings ("conducting-ad-hoc-retrospective-…"), whose words say nothing about the element.
const NAME_MAX_WORDS: usize = 6;

/// What class and id names say, as bits: whole names, words of names, fragments found
/// anywhere in a name, and name beginnings.
pub struct NameTable {
    pub whole: FastMap<&'static str, u16>,
    pub words: FastMap<&'static str, u16>,
    fragments: Fragments,
    pub prefixes: Vec<(&'static str, u16)>,
    /// Words that cancel bits of the word before them: ("ad", "hoc", ad bits).
    pub cancelling: Vec<(&'static str, &'static str, u16)>,
}

impl NameTable {
    pub fn new(
        whole: FastMap<&'static str, u16>,
        words: FastMap<&'static str, u16>,
        fragments: Vec<(&'static str, u16)>,
        prefixes: Vec<(&'static str, u16)>,
        cancelling: Vec<(&'static str, &'static str, u16)>,
    ) -> NameTable {
        NameTable {
            whole,
            words,
            fragments: Fragments::new(fragments),
            prefixes,
            cancelling,
        }
    }

    /// The bits of one class name or id.
    pub fn read(&self, name: &str) -> u16 {
        if name.len() > NAME_MAX_BYTES || name.len() < 2 {
            return 0;
        }
        let lower = name.to_ascii_lowercase();
        let mut h = self.whole.get(lower.as_str()).copied().unwrap_or(0);
        for &(prefix, bits) in &self.prefixes {
            if lower.starts_with(prefix) {
                h |= bits;
            }
        }
        h |= self.fragments.found_in(lower.as_bytes());
        // Words of the name, and its words joined ("most-popular" also as "mostpopular").
        let separators = ['-', '_', '.', ':'];
        if lower
            .split(separators)
            .filter(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_alphabetic()))
            .count()
            > NAME_MAX_WORDS
        {
            return h;
        }
        let mut joined = String::new();
        let mut prev = "";
        for w in lower.split(separators).filter(|w| !w.is_empty()) {
            match self
                .cancelling
                .iter()
                .find(|&&(before, word, _)| w == word && prev == before)
            {
                Some(&(_, _, cancelled)) => h &= !cancelled,
                None => h |= self.words.get(w).copied().unwrap_or(0),
            }
            joined.push_str(w);
            prev = w;
        }
        h | self.words.get(joined.as_str()).copied().unwrap_or(0)
    }
}

/// Characters of a word's beginning that index phrases: a text is searched only for the
/// phrases whose longest word begins like one of its words.
const ANCHOR_CHARS: usize = 4;

/// The first bytes of a word, ASCII lower-cased and packed: a cheap key for the phrase index.
fn byte_key(word: &[u8]) -> u64 {
    let mut key = [0u8; ANCHOR_CHARS];
    for (k, b) in key.iter_mut().zip(word) {
        *k = b.to_ascii_lowercase();
    }
    u64::from(u32::from_le_bytes(key))
}

/// Words a phrase tolerates between two of its own: "werden Sie [jetzt VIP-]Mitglied",
/// "become a [Times Premium] member", "join [us] now".
const PHRASE_MAX_GAP: usize = 2;

/// The lower-cased words of a text: runs of letters and digits, so "VIP-Mitglied" is two.
fn phrase_words(lower: &str) -> impl Iterator<Item = &str> {
    lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// Whether a text's word stands for a phrase's word: the same, inflected ("members"), or, for
/// a word of four characters or more, inside a compound ("Premiummitglied") or a run of
/// characters without spaces (Japanese, Chinese).
fn word_stands_for(text_word: &str, phrase_word: &str) -> bool {
    let n = phrase_word.chars().count();
    text_word == phrase_word
        || (n >= 3 && text_word.starts_with(phrase_word))
        || (n >= 4 && text::contains(text_word, phrase_word))
}

/// Whether `phrase`'s words are in `words` in order, at most [`PHRASE_MAX_GAP`] words apart
/// (each found at the first place it may be).
fn holds_phrase(words: &[&str], phrase: &[&str]) -> bool {
    let Some((first, rest)) = phrase.split_first() else {
        return false;
    };
    // Most texts hold no phrase: only a place where the first word stands starts a search.
    let mut starts = (0..words.len()).filter(|&i| word_stands_for(words[i], first));
    starts.any(|start| {
        let (mut at, mut reach) = (start + 1, start + 2 + PHRASE_MAX_GAP);
        rest.iter().all(|want| {
            let found = (at..reach.min(words.len())).find(|&i| word_stands_for(words[i], want));
            if let Some(i) = found {
                (at, reach) = (i + 1, i + 2 + PHRASE_MAX_GAP);
            }
            found.is_some()
        })
    })
}

/// One phrase of a table, split into its words once.
struct Phrase {
    bit: u8,
    text: &'static str,
    words: Vec<&'static str>,
}

/// Phrase tables, one bit each, indexed by the beginning of each phrase's longest word.
pub struct PhraseTable {
    phrases: Vec<Phrase>,
    /// For every phrase, the key of its longest word's beginning shifted above the phrase's
    /// index, sorted: a text is searched only for the phrases whose key one of its words has,
    /// and most texts are rejected by a few binary searches. One `u64` per phrase, as the keys
    /// that order removed blocks (`grow::blocks`): the wasm then holds one sort, not two.
    anchors: Vec<u64>,
    max_bytes: usize,
}

/// Bits of an anchor below the key: the phrase's index.
const ANCHOR_INDEX_BITS: u32 = 16;

impl PhraseTable {
    /// Phrases are searched in texts of up to `max_bytes`.
    pub fn new(tables: Vec<(u8, &'static [&'static str])>, max_bytes: usize) -> PhraseTable {
        let mut phrases = Vec::new();
        let mut anchors = Vec::new();
        for (bit, table) in tables {
            for &text in table {
                let words: Vec<&str> = phrase_words(text).collect();
                let longest = words.iter().max_by_key(|w| w.len()).unwrap_or(&"");
                anchors
                    .push(byte_key(longest.as_bytes()) << ANCHOR_INDEX_BITS | phrases.len() as u64);
                phrases.push(Phrase { bit, text, words });
            }
        }
        anchors.sort_unstable();
        PhraseTable {
            phrases,
            anchors,
            max_bytes,
        }
    }

    /// The bits of the tables with a phrase in `text`.
    pub fn mask(&self, text: &str) -> u8 {
        if text.len() > self.max_bytes {
            return 0;
        }
        // Words are runs of ASCII alphanumerics and non-ASCII bytes; each is looked up by its
        // first bytes, lower-cased.
        let bytes = text.as_bytes();
        let word_byte = |b: u8| b.is_ascii_alphanumeric() || b >= 0x80;
        let mut candidates: Vec<usize> = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            if !word_byte(bytes[i]) {
                i += 1;
                continue;
            }
            let start = i;
            while i < bytes.len() && word_byte(bytes[i]) {
                i += 1;
            }
            if i - start >= 2 {
                let key = byte_key(&bytes[start..i]);
                let from = self
                    .anchors
                    .partition_point(|&a| a >> ANCHOR_INDEX_BITS < key);
                candidates.extend(
                    self.anchors[from..]
                        .iter()
                        .take_while(|&&a| a >> ANCHOR_INDEX_BITS == key)
                        .map(|&a| (a & ((1 << ANCHOR_INDEX_BITS) - 1)) as usize),
                );
            }
        }
        if candidates.is_empty() {
            return 0;
        }
        let lower = text.to_lowercase();
        let words: Vec<&str> = phrase_words(&lower).collect();
        let mut m = 0;
        for phrase in candidates.into_iter().map(|i| &self.phrases[i]) {
            if m & phrase.bit == 0 && holds_phrase(&words, &phrase.words) {
                m |= phrase.bit;
            }
        }
        m
    }

    /// The first phrase of the table with `bit` found in `text`.
    pub fn found(&self, text: &str, bit: u8) -> Option<&'static str> {
        let lower = text.to_lowercase();
        let words: Vec<&str> = phrase_words(&lower).collect();
        self.phrases
            .iter()
            .find(|p| p.bit == bit && holds_phrase(&words, &p.words))
            .map(|p| p.text)
    }
}

/// What an inline style says about showing an element.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct InlineStyle {
    /// `position: fixed|sticky`.
    pub fixed: bool,
    /// `display: none` or `visibility: hidden`.
    pub hidden: bool,
}

/// Reads `position: fixed|sticky` and `display: none` / `visibility: hidden` from an inline style.
pub fn inline_style(style: &str) -> InlineStyle {
    let compact = crate::text::compact_style(style);
    InlineStyle {
        fixed: compact.contains("position:fixed") || compact.contains("position:sticky"),
        hidden: compact.contains("display:none") || compact.contains("visibility:hidden"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_normalise() {
        assert_eq!(normalize_label("  — ADVERTISEMENT — "), "advertisement");
        assert_eq!(
            normalize_label("Advertisement - Continue Reading Below"),
            "advertisement continue reading below"
        );
        assert_eq!(normalize_label("Most read · Sport"), "most read sport");
        assert_eq!(normalize_label("Don’t Miss:"), "don't miss");
        assert_eq!(normalize_label("İlgili Haberler"), "ilgili haberler");
    }

    fn host_of(url: &str) -> Option<String> {
        split_host(url).map(|(h, _)| h.to_ascii_lowercase())
    }

    #[test]
    fn hosts() {
        assert_eq!(
            host_of("https://Ad.DoubleClick.net/x?y"),
            Some("ad.doubleclick.net".into())
        );
        assert_eq!(
            host_of("//tpc.googlesyndication.com/safeframe"),
            Some("tpc.googlesyndication.com".into())
        );
        assert_eq!(host_of("/local/path"), None);
        assert_eq!(host_of("//x/go?u=http://ads.example"), None);
        assert_eq!(host_of("a:b://x.example/"), None);
        assert_eq!(host_of("://x.example/").as_deref(), Some("x.example"));
        assert!(host_is("a.Example.com", "example.com"));
        assert!(!host_is("notexample.com", "example.com"));
    }

    #[test]
    fn styles() {
        let fixed = inline_style("position: fixed; bottom: 0");
        assert!(fixed.fixed && !fixed.hidden);
        let hidden = inline_style("DISPLAY:none");
        assert!(!hidden.fixed && hidden.hidden);
    }
}

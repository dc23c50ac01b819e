//! The lookup tables, built once from every kind's word lists: labels, class and id names, and
//! phrases. Each kind owns its lists; this is where they meet, so a text or a name is read
//! once for all kinds.

use std::sync::OnceLock;

use crate::flag_set::flag_set;
use crate::hash::FastMap;
use crate::word_list::WordList;

use super::share;
use super::signals::{normalize_label, NameTable, PhraseTable};
use super::{ads, comments, consent, elements, headlines, newsletter, overlay, paywall, promo};
use super::{sponsored, ClutterKind};

/// What a short standalone text (a heading, a slot label, an `aria-label`) announces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Label {
    /// "Advertisement", "Anzeige", "广告": the label of an ad slot.
    Ad,
    /// "Sponsored", "Promoted": one paid block, or a feed of them.
    Sponsored,
    /// The heading of a block of links to other pages: trending, recommended or sponsored feed.
    Section(ClutterKind),
    /// "Newsletter", "Sign up for our newsletter".
    Newsletter,
    /// "Share", "Share this article".
    Share,
}

/// A label longer than this is not a label...
const LABEL_MAX_WORDS: u32 = 8;
/// ...unless it is this short: a word of a script written without spaces counts each character
/// ("アクセスランキング" is nine).
const LABEL_MAX_CHARS_UNSPACED: u32 = 12;

/// Whether a text of `words` words and `chars` characters is short enough to be a label.
pub fn label_sized(words: u32, chars: u32) -> bool {
    words > 0 && (words <= LABEL_MAX_WORDS || chars <= LABEL_MAX_CHARS_UNSPACED)
}

/// A prefix label takes at most this many words after the prefix: "More from Townhall" is a
/// label, "More on this below, as the court ruled…" is prose.
const LABEL_PREFIX_MAX_EXTRA_WORDS: usize = 4;

flag_set! {
    /// Clutter suggested by class and id names: one signal among others, never enough alone.
    pub struct Hints: u16 {
        AD,
        TRENDING,
        RECOMMENDED,
        SHARE,
        COMMENTS,
        CONSENT,
        PAYWALL,
        NEWSLETTER,
        PROMO,
        SPONSORED_WIDGET,
        /// An id from an ad server's own snippet (`div-gpt-ad-…`): as strong as ad markup.
        AD_ID,
        /// A byline or dateline: the article's metadata.
        BYLINE,
    }
}

flag_set! {
    /// What a short text talks about, by the phrases in it.
    pub struct Phrases: u8 {
        COOKIE,
        NEWSLETTER,
        PAYWALL,
        PROMO,
        VIDEO_AD,
        AD_BLOCKER,
    }
}

/// Only text nodes up to this many bytes are searched for phrases: calls to action are short,
/// and skipping prose keeps the search linear and cheap.
pub const PHRASE_MAX_BYTES: usize = 400;

struct Lexicon {
    /// Each label's index in `label_kinds`: a map of the same type as the name tables' (each map
    /// type is its own code in the wasm).
    labels: FastMap<&'static str, u16>,
    label_kinds: [Label; 7],
    /// Label beginnings that take a site or topic after them ("More from Townhall").
    label_prefixes: Vec<(&'static str, ClutterKind)>,
    names: NameTable,
    phrases: PhraseTable,
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut labels = FastMap::default();
        let label_tables: [(WordList, Label); 7] = [
            (ads::AD_LABELS, Label::Ad),
            (ads::SPONSORED_LABELS, Label::Sponsored),
            (
                headlines::TRENDING_LABELS,
                Label::Section(ClutterKind::TrendingList),
            ),
            (
                headlines::RECOMMENDED_LABELS,
                Label::Section(ClutterKind::Recommended),
            ),
            (
                sponsored::FEED_LABELS,
                Label::Section(ClutterKind::SponsoredFeed),
            ),
            (newsletter::LABELS, Label::Newsletter),
            (share::LABELS, Label::Share),
        ];
        for (i, (table, _)) in label_tables.iter().enumerate() {
            for l in *table {
                labels.insert(l, i as u16);
            }
        }
        let label_kinds = label_tables.map(|(_, label)| label);
        let mut label_prefixes = Vec::new();
        for (table, kind) in [
            (headlines::TRENDING_PREFIXES, ClutterKind::TrendingList),
            (headlines::RECOMMENDED_PREFIXES, ClutterKind::Recommended),
            (sponsored::FEED_PREFIXES, ClutterKind::SponsoredFeed),
        ] {
            label_prefixes.extend(table.iter().map(|p| (p, kind)));
        }

        let whole = comments::NAMES
            .iter()
            .map(|n| (n, Hints::COMMENTS.bits()))
            .collect();
        let mut words: FastMap<&'static str, u16> = FastMap::default();
        for (table, hint) in [
            (ads::CLASS_WORDS, Hints::AD),
            (headlines::TRENDING_CLASS_WORDS, Hints::TRENDING),
            (headlines::RECOMMENDED_CLASS_WORDS, Hints::RECOMMENDED),
            (share::CLASS_WORDS, Hints::SHARE),
            (newsletter::CLASS_WORDS, Hints::NEWSLETTER),
            (promo::CLASS_WORDS, Hints::PROMO),
            (elements::BYLINE_CLASS_WORDS, Hints::BYLINE),
        ] {
            for w in table {
                *words.entry(w).or_insert(0) |= hint.bits();
            }
        }
        let mut fragments = Vec::new();
        for (table, hint) in [
            (sponsored::WIDGET_NAMES, Hints::SPONSORED_WIDGET),
            (consent::NAMES, Hints::CONSENT),
            (paywall::NAMES, Hints::PAYWALL),
        ] {
            fragments.extend(table.iter().map(|f| (f, hint.bits())));
        }
        let ad_id = (Hints::AD_ID | Hints::AD).bits();
        let prefixes = ads::ID_PREFIXES.iter().map(|p| (p, ad_id)).collect();
        let cancelling = ads::NOT_AD_WORDS
            .iter()
            .map(|&(before, word)| (before, word, Hints::AD.bits()))
            .collect();

        let phrases = PhraseTable::new(
            vec![
                (Phrases::COOKIE.bits(), consent::PHRASES),
                (Phrases::NEWSLETTER.bits(), newsletter::PHRASES),
                (Phrases::PAYWALL.bits(), paywall::PHRASES),
                (Phrases::PROMO.bits(), promo::PHRASES),
                (Phrases::VIDEO_AD.bits(), ads::VIDEO_AD_PHRASES),
                (Phrases::AD_BLOCKER.bits(), overlay::AD_BLOCKER_PHRASES),
            ],
            PHRASE_MAX_BYTES,
        );
        Lexicon {
            labels,
            label_kinds,
            label_prefixes,
            names: NameTable::new(whole, words, fragments, prefixes, cancelling),
            phrases,
        }
    })
}

/// What a normalised short text announces, if anything.
pub fn label(norm: &str) -> Option<Label> {
    if norm.is_empty() {
        return None;
    }
    let lexicon = lexicon();
    let label_of = |text: &str| {
        let &i = lexicon.labels.get(text)?;
        Some(lexicon.label_kinds[usize::from(i)])
    };
    if let Some(l) = label_of(norm) {
        return Some(l);
    }
    for &(prefix, kind) in &lexicon.label_prefixes {
        if let Some(rest) = norm.strip_prefix(prefix) {
            if rest.starts_with(' ')
                && rest.split_whitespace().count() <= LABEL_PREFIX_MAX_EXTRA_WORDS
            {
                return Some(Label::Section(kind));
            }
        }
    }
    // A trending list's label with the site's section after it: "Most Read Business". (Not
    // "Related" with a word after it: "Related papers" may be the article's own references.)
    let (head, _) = norm.rsplit_once(' ')?;
    let trending = Label::Section(ClutterKind::TrendingList);
    (label_of(head) == Some(trending)).then_some(trending)
}

/// Characters of a text searched for a leading label ("Sponsored:", "Lesen Sie auch:").
const LEAD_LABEL_MAX_BYTES: usize = 48;

/// The label a text opens with, followed by a colon or a bar: "Sponsored: …", "Read more: …",
/// "À lire aussi : …". Only labels of ads and of headline sections lead a line.
pub fn lead_label(text: &str) -> Option<(Label, &str)> {
    let text = text.trim_start();
    let head = &text[..text.floor_char_boundary(LEAD_LABEL_MAX_BYTES.min(text.len()))];
    let end = head.find([':', '：', '|'])?;
    let lead = &text[..end];
    let norm = normalize_label(lead);
    let found = match label(&norm) {
        Some(found) => found,
        None if headlines::LEAD_ONLY_LABELS.contains(&norm.as_str()) => {
            Label::Section(ClutterKind::Recommended)
        }
        None => return None,
    };
    matches!(
        found,
        Label::Ad
            | Label::Sponsored
            | Label::Section(ClutterKind::Recommended | ClutterKind::TrendingList)
    )
    .then_some((found, lead.trim()))
}

/// The hints of one class name or id.
pub fn name_hints(name: &str) -> Hints {
    Hints::from_bits(lexicon().names.read(name))
}

/// What one short text node talks about.
pub fn phrases(text: &str) -> Phrases {
    Phrases::from_bits(lexicon().phrases.mask(text))
}

/// The phrase of one kind found in `text`, for reasons ("'VIP member' call to action").
pub fn phrase_found(text: &str, kind: Phrases) -> Option<&'static str> {
    lexicon().phrases.found(text, kind.bits())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads the hints in one element's `class` and `id`.
    fn class_hints(class: Option<&str>, id: Option<&str>) -> Hints {
        class
            .into_iter()
            .flat_map(str::split_whitespace)
            .chain(id)
            .map(name_hints)
            .fold(Hints::NONE, |a, b| a | b)
    }

    #[test]
    fn labels_match_exactly_or_by_prefix() {
        let read = |text: &str| label(&normalize_label(text));
        assert_eq!(read("Advertisement"), Some(Label::Ad));
        assert_eq!(read("Anzeige"), Some(Label::Ad));
        assert_eq!(read("广告"), Some(Label::Ad));
        assert_eq!(read("Реклама"), Some(Label::Ad));
        assert_eq!(read("Sponsored"), Some(Label::Sponsored));
        assert_eq!(
            read("You Might Also Like:"),
            Some(Label::Section(ClutterKind::Recommended))
        );
        assert_eq!(
            read("Don’t Miss"),
            Some(Label::Section(ClutterKind::Recommended))
        );
        assert_eq!(
            read("Trending on Townhall Videos"),
            Some(Label::Section(ClutterKind::TrendingList))
        );
        assert_eq!(
            read("More on this below, as the court ruled last week"),
            None
        );
        assert_eq!(read("Popular culture"), None);
        assert_eq!(
            read("Most Read Business"),
            Some(Label::Section(ClutterKind::TrendingList))
        );
        assert_eq!(read("Advertisement policy"), None);
        assert_eq!(read("Most read books of the year"), None);
        assert_eq!(read("Related papers"), None);
    }

    #[test]
    fn class_hints_match_words_not_substrings() {
        assert!(class_hints(Some("ad-slot top"), None).has(Hints::AD));
        assert!(!class_hints(Some("header shadow download"), None).has(Hints::AD));
        assert!(!class_hints(None, Some("conducting-ad-hoc-analysis")).has(Hints::AD));
        assert!(!class_hints(None, Some("why-this-ad-model-works-for-small-sites")).has(Hints::AD));
        assert!(class_hints(None, Some("div-gpt-ad-1234-0")).has(Hints::AD_ID));
        assert!(class_hints(Some("most-popular"), None).has(Hints::TRENDING));
        assert!(class_hints(Some("trc_rbox_container"), None).has(Hints::SPONSORED_WIDGET));
        assert!(class_hints(None, Some("comments")).has(Hints::COMMENTS));
        assert!(!class_hints(Some("comment-count"), None).has(Hints::COMMENTS));
    }

    #[test]
    fn phrases_by_kind() {
        assert_eq!(
            phrases("Join the conversation as a VIP Member"),
            Phrases::PROMO
        );
        assert_eq!(phrases("We use cookies."), Phrases::COOKIE);
        assert_eq!(
            phrase_found("Join the conversation as a VIP Member", Phrases::PROMO),
            Some("vip member")
        );
    }

    #[test]
    fn phrases_tolerate_a_few_inserted_words_and_compounds() {
        let promo = |text: &str| phrase_found(text, Phrases::PROMO);
        assert_eq!(
            promo("Werden Sie jetzt VIP-Mitglied"),
            Some("werden sie mitglied")
        );
        assert_eq!(
            promo("Werden Sie noch Premium-Mitglied!"),
            Some("werden sie mitglied")
        );
        assert_eq!(promo("Become a member today"), Some("become a member"));
        assert_eq!(promo("Become a Times member"), Some("become a member"));
        assert_eq!(promo("Devenez maintenant membre"), Some("devenez membre"));
        assert_eq!(
            phrase_found("You’ve reached your monthly limit", Phrases::PAYWALL),
            Some("you've reached your")
        );
        // Three words between are a sentence, not the phrase; nor is another order.
        assert_eq!(
            promo("Werden Sie, wie Ihre Nachbarn schon, Mitglied im Verein"),
            None
        );
        assert_eq!(
            promo("Member of the board, she did not become a VIP"),
            Some("become a vip")
        );
        assert_eq!(promo("The member who became a VIP"), None);
    }
}

//! Token-level text agreement, measured as the Article Extraction Benchmark (AEB) measures it:
//! multisets of 4-token shingles, precision and recall over their intersection.
//!
//! Shared by the eval (`tests/eval/eval.rs`) and the corpus test (`tests/extract_readability_corpus.rs`), so the
//! number the floor asserts is the number the eval prints.
//!
//! Tokenisation (AEB uses Python's `re.findall(r"\w+", text)`; this follows it, with two changes):
//! - a token is a maximal run of word characters: `char::is_alphanumeric()` (Unicode Alphabetic,
//!   which includes most combining vowel signs, or Numeric) or `_`; everything else (whitespace,
//!   punctuation, symbols, emoji) separates tokens and is dropped;
//! - tokens are lower-cased (`char::to_lowercase`); AEB compares case-sensitively;
//! - every Han ideograph, Hiragana and Katakana character is a token of its own (AEB would clump a
//!   whole unspaced Chinese or Japanese sentence into one token, making those pages all-or-nothing).
//!   Hangul is spaced like English and stays in runs.
//!
//! Shingles are the consecutive 4-token windows. A text of 1 to 3 tokens has one shingle holding
//! all its tokens (as AEB's `max(1, len - n + 1)`); a text with no tokens has none.
//!
//! Precision = |ours ∩ expected| / |ours|, recall = |ours ∩ expected| / |expected| (multiset
//! intersection: a shingle counts as often as it occurs in both). Edge cases follow AEB: when both
//! texts have no shingles precision and recall are 1; an empty side against a non-empty one gives 0.

use std::collections::HashMap;

/// Tokens per shingle, as AEB.
pub const SHINGLE_LEN: usize = 4;

/// A word token: lower-cased text and where it sits in the original text (byte offsets).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub word: String,
    pub start: usize,
    pub end: usize,
}

/// Han ideographs, Hiragana and Katakana: scripts written without spaces between words.
fn is_unspaced_script(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF      // Hiragana, Katakana
        | 0x31F0..=0x31FF    // Katakana phonetic extensions
        | 0x3400..=0x4DBF    // CJK extension A
        | 0x4E00..=0x9FFF    // CJK unified ideographs
        | 0xF900..=0xFAFF    // CJK compatibility ideographs
        | 0xFF66..=0xFF9F    // half-width Katakana
        | 0x20000..=0x2FA1F) // CJK extensions B onwards, compatibility supplement
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Splits `text` into lower-cased word tokens (see the module docs for the exact rule).
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut current: Option<Token> = None;
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        if is_unspaced_script(c) {
            tokens.extend(current.take());
            tokens.push(Token {
                word: c.to_lowercase().collect(),
                start: i,
                end,
            });
        } else if is_word_char(c) {
            let t = current.get_or_insert_with(|| Token {
                word: String::new(),
                start: i,
                end,
            });
            t.word.extend(c.to_lowercase());
            t.end = end;
        } else {
            tokens.extend(current.take());
        }
    }
    tokens.extend(current.take());
    tokens
}

/// A shingle as interned token ids; shorter texts pad with `PAD`.
type Shingle = [u32; SHINGLE_LEN];
const PAD: u32 = u32::MAX;

/// Interns tokens of both texts into one id space, so shingles compare as small arrays.
#[derive(Default)]
struct Interner<'a> {
    ids: HashMap<&'a str, u32>,
}

impl<'a> Interner<'a> {
    fn shingles(&mut self, tokens: &'a [Token]) -> Vec<Shingle> {
        let ids: Vec<u32> = tokens
            .iter()
            .map(|t| {
                let next = self.ids.len() as u32;
                *self.ids.entry(t.word.as_str()).or_insert(next)
            })
            .collect();
        if ids.is_empty() {
            return Vec::new();
        }
        if ids.len() < SHINGLE_LEN {
            let mut s = [PAD; SHINGLE_LEN];
            s[..ids.len()].copy_from_slice(&ids);
            return vec![s];
        }
        ids.windows(SHINGLE_LEN)
            .map(|w| w.try_into().expect("window has SHINGLE_LEN ids"))
            .collect()
    }
}

fn counts(shingles: &[Shingle]) -> HashMap<Shingle, u32> {
    let mut m = HashMap::with_capacity(shingles.len());
    for s in shingles {
        *m.entry(*s).or_insert(0) += 1;
    }
    m
}

/// Agreement of one extracted text with the expected one.
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize)]
pub struct Score {
    /// Shingles in both (multiset intersection).
    pub common: usize,
    /// Shingles in our text.
    pub ours: usize,
    /// Shingles in the expected text.
    pub expected: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Score {
    fn from_counts(common: usize, ours: usize, expected: usize) -> Score {
        let (tp, fp, fn_) = (common, ours - common, expected - common);
        // AEB's precision_score / recall_score.
        let precision = if fp == 0 && fn_ == 0 {
            1.0
        } else if ours == 0 {
            0.0
        } else {
            tp as f64 / ours as f64
        };
        let recall = if fp == 0 && fn_ == 0 {
            1.0
        } else if expected == 0 {
            0.0
        } else {
            tp as f64 / expected as f64
        };
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Score {
            common,
            ours,
            expected,
            precision,
            recall,
            f1,
        }
    }
}

/// Scores `ours` against `expected`.
pub fn score(ours: &str, expected: &str) -> Score {
    let (ours_tokens, expected_tokens) = (tokenize(ours), tokenize(expected));
    let mut interner = Interner::default();
    let ours = interner.shingles(&ours_tokens);
    let expected = interner.shingles(&expected_tokens);
    let expected_counts = counts(&expected);
    let common: usize = counts(&ours)
        .iter()
        .map(|(s, &n)| n.min(expected_counts.get(s).copied().unwrap_or(0)) as usize)
        .sum();
    Score::from_counts(common, ours.len(), expected.len())
}

/// A stretch of one text whose shingles the other text lacks.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Span {
    /// The original text of the stretch, whitespace collapsed.
    pub text: String,
    /// How many tokens it covers.
    pub tokens: usize,
}

/// What we missed and what we added, as readable stretches of text.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct Diff {
    /// Stretches of the expected text whose shingles our text lacks.
    pub missed: Vec<Span>,
    /// Stretches of our text whose shingles the expected text lacks.
    pub extra: Vec<Span>,
}

/// Marks each shingle of `a` matched or not against the multiset `b`, first come first served.
fn unmatched(a: &[Shingle], b: &[Shingle]) -> Vec<bool> {
    let mut left = counts(b);
    a.iter()
        .map(|s| match left.get_mut(s) {
            Some(n) if *n > 0 => {
                *n -= 1;
                false
            }
            _ => true,
        })
        .collect()
}

/// Joins runs of unmatched shingles into the token stretches they cover.
fn spans(text: &str, tokens: &[Token], unmatched: &[bool]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < unmatched.len() {
        if !unmatched[i] {
            i += 1;
            continue;
        }
        let first = i;
        while i < unmatched.len() && unmatched[i] {
            i += 1;
        }
        let last_token = (i - 1 + SHINGLE_LEN - 1).min(tokens.len() - 1);
        let raw = &text[tokens[first].start..tokens[last_token].end];
        out.push(Span {
            text: raw.split_whitespace().collect::<Vec<_>>().join(" "),
            tokens: last_token + 1 - first,
        });
    }
    out
}

/// The shingles each side has that the other lacks, as stretches of the original texts.
pub fn diff(ours: &str, expected: &str) -> Diff {
    let (ours_tokens, expected_tokens) = (tokenize(ours), tokenize(expected));
    let mut interner = Interner::default();
    let ours_sh = interner.shingles(&ours_tokens);
    let expected_sh = interner.shingles(&expected_tokens);
    Diff {
        missed: spans(
            expected,
            &expected_tokens,
            &unmatched(&expected_sh, &ours_sh),
        ),
        extra: spans(ours, &ours_tokens, &unmatched(&ours_sh, &expected_sh)),
    }
}

/// The median of `values` (the mean of the middle two for an even count); `None` when empty.
pub fn median(values: &[f64]) -> Option<f64> {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    let n = v.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(v[n / 2]),
        _ => Some((v[n / 2 - 1] + v[n / 2]) / 2.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        tokenize(text).into_iter().map(|t| t.word).collect()
    }

    #[test]
    fn tokens_are_lowercased_word_runs() {
        assert_eq!(
            words("Hello, World! It's 2024—snake_case; naïve café."),
            [
                "hello",
                "world",
                "it",
                "s",
                "2024",
                "snake_case",
                "naïve",
                "café"
            ]
        );
        assert_eq!(words("  \n\t "), Vec::<String>::new());
        // Unspaced scripts: one token per character; Hangul stays in runs.
        assert_eq!(words("日本語ok 한국어"), ["日", "本", "語", "ok", "한국어"]);
        // Offsets point into the original text.
        let t = tokenize("  Ab cD");
        assert_eq!((t[1].start, t[1].end), (5, 7));
    }

    #[test]
    fn identical_texts_score_one() {
        let text = "The quick brown fox jumps over the lazy dog. Again and again.";
        let s = score(text, text);
        assert_eq!((s.precision, s.recall, s.f1), (1.0, 1.0, 1.0));
        assert_eq!(s.ours, 9);
        // Case, punctuation and spacing do not matter.
        let s = score(
            "THE quick, brown\n\nfox jumps",
            "the quick brown fox — jumps",
        );
        assert_eq!(s.f1, 1.0);
    }

    #[test]
    fn disjoint_texts_score_zero() {
        let s = score("alpha beta gamma delta epsilon", "one two three four five");
        assert_eq!((s.common, s.precision, s.recall, s.f1), (0, 0.0, 0.0, 0.0));
    }

    #[test]
    fn empty_texts() {
        // Nothing expected and nothing found: full agreement, as AEB.
        assert_eq!(score("", " . ").f1, 1.0);
        let s = score("", "some expected text here");
        assert_eq!((s.precision, s.recall, s.f1), (0.0, 0.0, 0.0));
        let s = score("some extracted text here", "");
        assert_eq!((s.precision, s.recall, s.f1), (0.0, 0.0, 0.0));
    }

    #[test]
    fn partial_overlap_by_hand() {
        // Expected: a b c d e f (3 shingles: abcd bcde cdef).
        // Ours:     a b c d e x y (4 shingles: abcd bcde cdex dexy): 2 in common.
        // precision 2/4, recall 2/3, F1 = 2·(1/2)(2/3) / (1/2 + 2/3) = 4/7.
        let s = score("a b c d e x y", "a b c d e f");
        assert_eq!((s.common, s.ours, s.expected), (2, 4, 3));
        assert_eq!(s.precision, 0.5);
        assert!((s.recall - 2.0 / 3.0).abs() < 1e-12);
        assert!((s.f1 - 4.0 / 7.0).abs() < 1e-12);
    }

    #[test]
    fn repeated_shingles_count_as_a_multiset() {
        // Ours repeats the paragraph; each copy of a shingle is matched once only.
        let para = "one two three four";
        let s = score(&format!("{para} {para}"), para);
        // Ours: 5 shingles (1234 2341 3412 4123 1234), expected: 1 (1234).
        assert_eq!((s.common, s.ours, s.expected), (1, 5, 1));
        assert_eq!(s.recall, 1.0);
        assert_eq!(s.precision, 0.2);
    }

    #[test]
    fn short_texts_are_one_shingle() {
        assert_eq!(score("Hello world", "hello, WORLD").f1, 1.0);
        assert_eq!(score("hello world", "hello there").f1, 0.0);
        let s = score("hello world", "hello world and more");
        assert_eq!((s.ours, s.expected, s.common), (1, 1, 0));
    }

    #[test]
    fn diff_shows_missed_and_extra_stretches() {
        let expected =
            "Intro words here now. The middle part we miss entirely. Closing words come last.";
        let ours = "Intro words here now. Closing words come last. Share this on social media!";
        let d = diff(ours, expected);
        assert_eq!(d.missed.len(), 1);
        assert!(d.missed[0]
            .text
            .contains("The middle part we miss entirely."));
        assert_eq!(d.extra.len(), 2, "{:?}", d.extra);
        assert!(d.extra[1].text.ends_with("Share this on social media"));
        assert!(diff(expected, expected).missed.is_empty());
    }

    #[test]
    fn median_of_odd_and_even() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), Some(2.5));
    }
}

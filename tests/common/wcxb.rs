//! The WCXB development split (`../shared/corpus/wcxb-dev`, README there) and the benchmark's own
//! measure, shared by the eval (`tests/eval/wcxb.rs`) and the floor test (`tests/extract_wcxb.rs`), so the
//! number a floor asserts is the number the eval prints.
//!
//! The measure follows the benchmark's `evaluate.py`:
//! - tokens are `re.findall(r"\w+", text.lower())`: the whole text lower-cased (`str::to_lowercase`,
//!   full Unicode mappings with the Greek final sigma, as Python's `str.lower`), then maximal runs
//!   of word characters. Python's `\w` is a letter or number of any script, or `_`; here that is
//!   `char::is_alphanumeric() || '_'`. The two differ only on the ~1,400 combining marks and
//!   circled letters Unicode also calls Alphabetic (Devanagari vowel signs, Arabic harakat...),
//!   which Python's `\w` leaves out: none occurs in this split's ground truth;
//! - per page, precision = |ours ∩ expected| / |ours| and recall = |ours ∩ expected| / |expected|
//!   over bags of tokens (a token counts as often as it occurs in both), F1 their harmonic mean; an
//!   empty expected text scores 1 against an empty text and 0 against any other, an empty text 0;
//! - a snippet is found when it is a substring of the text, both lower-cased; the share of `with`
//!   snippets found is 1 on a page with none, as the script has it. The script also counts the
//!   share of `without` snippets left in as 1 on a page with none (15 pages here), which reads as
//!   "all boilerplate left in" where there was none to leave: [`PageScore::without_left`] counts
//!   those pages as 0, and [`PageScore::without_left_script`] keeps the script's figure;
//! - every figure is a plain mean over pages.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::corpus::guarded;

/// The page types, in the order tables list them.
pub const PAGE_TYPES: [&str; 7] = [
    "article",
    "documentation",
    "forum",
    "service",
    "product",
    "collection",
    "listing",
];

/// Automatic reader mode should open on these page types...
pub const READERABLE_TYPES: &[&str] = &["article", "documentation"];
/// ...and stay shut on these. Forums are neither: a thread reads well in the reader, and a
/// person may or may not want it opened by itself.
pub const NOT_READERABLE_TYPES: &[&str] = &["service", "product", "collection", "listing"];

/// The split's folder: `$TIDYREAD_WCXB`, else `shared/corpus/wcxb-dev` beside the repository.
pub fn corpus_dir() -> PathBuf {
    match std::env::var_os("TIDYREAD_WCXB") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/wcxb-dev"),
    }
}

/// One page's ground truth.
#[derive(Clone, Debug, Serialize)]
pub struct Truth {
    pub id: String,
    pub url: String,
    pub page_type: String,
    pub title: String,
    pub author: Option<String>,
    /// The page's main text, paragraphs separated by blank lines.
    #[serde(skip)]
    pub main_content: String,
    /// Snippets an extractor's text must hold.
    pub with: Vec<String>,
    /// Boilerplate snippets it must not.
    pub without: Vec<String>,
}

/// Every page of the split, sorted by id.
pub fn load(dir: &Path) -> Result<Vec<Truth>, String> {
    let path = dir.join("ground-truth.json");
    let bytes = std::fs::read(&path).map_err(|e| {
        format!(
            "cannot read {} ({e}); set TIDYREAD_WCXB to the split's folder",
            path.display()
        )
    })?;
    let all: HashMap<String, serde_json::Value> =
        serde_json::from_slice(&bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut pages: Vec<Truth> = all
        .into_iter()
        .map(|(id, v)| {
            let s = |key: &str| v.get(key).and_then(|x| x.as_str()).map(str::to_owned);
            let list = |key: &str| -> Vec<String> {
                v.get(key)
                    .and_then(|x| x.as_array())
                    .map(|a| {
                        a.iter()
                            .filter_map(|x| x.as_str().map(str::to_owned))
                            .collect()
                    })
                    .unwrap_or_default()
            };
            Truth {
                url: s("url").unwrap_or_default(),
                page_type: s("page_type").unwrap_or_else(|| "article".to_owned()),
                title: s("title").unwrap_or_default(),
                author: s("author").filter(|a| !a.trim().is_empty()),
                main_content: s("main_content").unwrap_or_default(),
                with: list("with"),
                without: list("without"),
                id,
            }
        })
        .collect();
    pages.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(pages)
}

/// A page's HTML, ungzipped.
pub fn source(dir: &Path, id: &str) -> Result<Vec<u8>, String> {
    let path = dir.join("pages").join(format!("{id}.html.gz"));
    let file = std::fs::File::open(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut html = Vec::new();
    flate2::read::GzDecoder::new(file)
        .read_to_end(&mut html)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(html)
}

/// Python's `re.findall(r"\w+", text.lower())` (see the module docs for the one difference).
pub fn tokens(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Word-level agreement of one text with the expected one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct WordScore {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

/// The benchmark's `word_f1(predicted, reference)`.
pub fn word_f1(ours: &str, expected: &str) -> WordScore {
    let (ours, expected) = (tokens(ours), tokens(expected));
    if expected.is_empty() {
        let v = if ours.is_empty() { 1.0 } else { 0.0 };
        return WordScore {
            precision: v,
            recall: v,
            f1: v,
        };
    }
    if ours.is_empty() {
        return WordScore::default();
    }
    let mut left: HashMap<&str, usize> = HashMap::new();
    for t in &expected {
        *left.entry(t).or_insert(0) += 1;
    }
    let mut common = 0;
    for t in &ours {
        if let Some(n) = left.get_mut(t.as_str()).filter(|n| **n > 0) {
            *n -= 1;
            common += 1;
        }
    }
    let precision = common as f64 / ours.len() as f64;
    let recall = common as f64 / expected.len() as f64;
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    WordScore {
        precision,
        recall,
        f1,
    }
}

/// The snippets that occur in `text` (case-insensitive substring), and those that do not.
pub fn split_snippets<'a>(text: &str, snippets: &'a [String]) -> (Vec<&'a str>, Vec<&'a str>) {
    let lower = text.to_lowercase();
    snippets
        .iter()
        .map(String::as_str)
        .partition(|s| lower.contains(&s.to_lowercase()))
}

/// Everything the measure says about one page's text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct PageScore {
    #[serde(flatten)]
    pub words: WordScore,
    /// Share of `with` snippets found (1 on a page with none).
    pub with_found: f64,
    /// Share of `without` snippets left in (0 on a page with none).
    pub without_left: f64,
    /// The benchmark script's share of `without` snippets left in (1 on a page with none).
    pub without_left_script: f64,
}

impl PageScore {
    pub fn of(text: &str, truth: &Truth) -> PageScore {
        let share = |n: usize, of: usize, none: f64| {
            if of == 0 {
                none
            } else {
                n as f64 / of as f64
            }
        };
        let (with_found, _) = split_snippets(text, &truth.with);
        let (without_left, _) = split_snippets(text, &truth.without);
        let without_left = without_left.len();
        PageScore {
            words: word_f1(text, &truth.main_content),
            with_found: share(with_found.len(), truth.with.len(), 1.0),
            without_left: share(without_left, truth.without.len(), 0.0),
            without_left_script: share(without_left, truth.without.len(), 1.0),
        }
    }

    /// At least one `without` snippet is in the text.
    pub fn any_without_left(&self) -> bool {
        self.without_left > 0.0
    }
}

/// Means of [`PageScore`]s over a set of pages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Means {
    pub pages: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub with_found: f64,
    pub without_left: f64,
    pub without_left_script: f64,
    /// Share of pages with at least one `without` snippet left in.
    pub pages_with_without_left: f64,
}

impl Means {
    pub fn of<'a>(scores: impl IntoIterator<Item = &'a PageScore>) -> Means {
        let mut m = Means::default();
        for s in scores {
            m.pages += 1;
            m.precision += s.words.precision;
            m.recall += s.words.recall;
            m.f1 += s.words.f1;
            m.with_found += s.with_found;
            m.without_left += s.without_left;
            m.without_left_script += s.without_left_script;
            m.pages_with_without_left += f64::from(u8::from(s.any_without_left()));
        }
        if m.pages > 0 {
            let n = m.pages as f64;
            for v in [
                &mut m.precision,
                &mut m.recall,
                &mut m.f1,
                &mut m.with_found,
                &mut m.without_left,
                &mut m.without_left_script,
                &mut m.pages_with_without_left,
            ] {
                *v /= n;
            }
        }
        m
    }
}

/// The options a page is extracted with: its own address.
pub fn options(truth: &Truth) -> tidyread::Options {
    tidyread::Options {
        url: Some(truth.url.clone()),
        keep_comments: false,
    }
}

/// One page through the core as the reader view gets it (`analyze`: the article with the clutter
/// inside it left out): the text we score (`Article::text`, empty when no article is found), the
/// readerable verdict, and what failed.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Run {
    #[serde(skip)]
    pub text: String,
    pub title: Option<String>,
    pub readerable: Option<bool>,
    pub readerable_score: Option<f64>,
    /// Why there is no article, or what panicked.
    pub failure: Option<String>,
    pub panicked: bool,
    pub ms: f64,
    /// The `with` snippets the live page would hide, each with the removal that holds it.
    pub with_removed: Vec<HiddenSnippet>,
    /// Sentences of the main text (of [`SENTENCE_MIN_WORDS`] words or more) in the text of a
    /// removal: a stricter look for main content hidden.
    pub sentences_removed: usize,
}

/// A `with` snippet in the text of a removal.
#[derive(Clone, Debug, Serialize)]
pub struct HiddenSnippet {
    pub snippet: String,
    /// The removal's kind and reason: "Recommended (list of 5 headline links…)".
    pub removal: String,
}

/// A sentence of the main text counts for [`Run::sentences_removed`] from this many words:
/// shorter ones ("Read more.", a date) recur outside the main text.
pub const SENTENCE_MIN_WORDS: usize = 8;

/// The text of a removed block as the page shows it, whitespace collapsed and lower-cased:
/// scripts, styles and templates left out (a JSON-LD script may hold the whole article).
fn removed_text(dom: &tidyread::Dom, block: tidyread::NodeId) -> String {
    use tidyread::dom::NodeData;
    let mut raw = String::new();
    let mut walk = dom.descendants(block);
    while let Some(d) = walk.next() {
        match dom.data(d) {
            NodeData::Text(t) => raw.push_str(t),
            NodeData::Element(e)
                if matches!(&*e.name, "script" | "style" | "noscript" | "template") =>
            {
                walk.skip_subtree(d)
            }
            _ => {}
        }
    }
    tidyread::text::normalize_space(&raw).to_lowercase()
}

/// The main text's sentences of [`SENTENCE_MIN_WORDS`] words or more, whitespace collapsed and
/// lower-cased.
fn long_sentences(main_content: &str) -> Vec<String> {
    main_content
        .split(['.', '!', '?', '\n', '。', '！', '？'])
        .map(|s| tidyread::text::normalize_space(s).to_lowercase())
        .filter(|s| s.split(' ').count() >= SENTENCE_MIN_WORDS)
        .collect()
}

/// What of the main content the removals hide: the `with` snippets, and how many long
/// sentences, held by a removal and not shown in the article as well (a comment quoting the
/// story hides nothing of it).
fn removed_main_content(
    dom: &tidyread::Dom,
    removals: &[tidyread::Removal],
    article_text: &str,
    truth: &Truth,
) -> (Vec<HiddenSnippet>, usize) {
    let texts: Vec<String> = removals.iter().map(|r| removed_text(dom, r.node)).collect();
    let shown = tidyread::text::normalize_space(article_text).to_lowercase();
    let holder = |needle: &str| {
        texts
            .iter()
            .position(|t| t.contains(needle))
            .filter(|_| !shown.contains(needle))
    };
    let with = truth
        .with
        .iter()
        .filter_map(|w| {
            let i = holder(&tidyread::text::normalize_space(w).to_lowercase())?;
            let r = &removals[i];
            Some(HiddenSnippet {
                snippet: w.clone(),
                removal: format!("{:?} ({})", r.kind, r.reason),
            })
        })
        .collect();
    let sentences = long_sentences(&truth.main_content)
        .iter()
        .filter(|s| holder(s).is_some())
        .count();
    (with, sentences)
}

/// Parses and analyses one page, under [`guarded`] (a panic becomes the
/// failure, and the text stays empty). The time is parse and analysis only; then the live
/// page's removals are checked against the main content.
pub fn run(source: &[u8], truth: &Truth) -> Run {
    let started = std::time::Instant::now();
    let mut ms = None;
    let opts = options(truth);
    let outcome = guarded("parse, analyze", || {
        let dom = tidyread::parse_html(source).map_err(|e| format!("input: {e}"))?;
        let analysis = tidyread::analyze(&dom, &opts);
        ms = Some(started.elapsed().as_secs_f64() * 1000.0);
        let article_text = analysis.article.as_ref().map_or("", |a| a.text.as_str());
        let removed = removed_main_content(&dom, &analysis.removals, article_text, truth);
        Ok::<_, String>((analysis.readerable, analysis.article, removed))
    });
    let mut run = Run::default();
    match outcome {
        Ok(Ok((readerable, article, (with_removed, sentences_removed)))) => {
            run.with_removed = with_removed;
            run.sentences_removed = sentences_removed;
            run.readerable = Some(readerable.readerable);
            run.readerable_score = Some(readerable.score);
            match article {
                Ok(a) => {
                    run.text = a.text;
                    run.title = Some(a.title);
                }
                Err(e) => run.failure = Some(e),
            }
        }
        Ok(Err(e)) => run.failure = Some(e),
        Err(p) => {
            run.panicked = true;
            run.failure = Some(p);
        }
    }
    run.ms = ms.unwrap_or_else(|| started.elapsed().as_secs_f64() * 1000.0);
    run
}

/// Runs `f` over `items` on `threads` threads, results in the items' order.
pub fn par_map<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Mutex;
    let next = AtomicUsize::new(0);
    let out: Mutex<Vec<Option<R>>> = Mutex::new((0..items.len()).map(|_| None).collect());
    std::thread::scope(|s| {
        for _ in 0..threads.max(1) {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(item) = items.get(i) else { break };
                let r = f(item);
                out.lock().unwrap_or_else(|e| e.into_inner())[i] = Some(r);
            });
        }
    });
    out.into_inner()
        .unwrap_or_else(|e| e.into_inner())
        .into_iter()
        .map(|r| r.expect("every item was mapped"))
        .collect()
}

/// The threads to run pages on: the machine's cores.
pub fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_follow_python_word_runs() {
        assert_eq!(
            tokens("Ça coûte 3,50 € — l'été_2025! ΟΔΟΣ naïve"),
            [
                "ça",
                "coûte",
                "3",
                "50",
                "l",
                "été_2025",
                "οδο\u{3c2}",
                "naïve"
            ]
        );
        assert_eq!(tokens("东京 大学"), ["东京", "大学"]);
        assert!(tokens("— … !").is_empty());
    }

    #[test]
    fn word_f1_counts_bags_of_words() {
        let s = word_f1("the cat the dog", "the cat sat on the mat");
        assert_eq!(s.precision, 3.0 / 4.0);
        assert_eq!(s.recall, 3.0 / 6.0);
        assert!((s.f1 - 0.6).abs() < 1e-12);
        assert_eq!(word_f1("", "").f1, 1.0);
        assert_eq!(word_f1("words", "").f1, 0.0);
        assert_eq!(word_f1("", "words").f1, 0.0);
    }

    #[test]
    fn snippets_match_case_insensitively() {
        let truth = Truth {
            id: "x".into(),
            url: String::new(),
            page_type: "article".into(),
            title: String::new(),
            author: None,
            main_content: "Body".into(),
            with: vec!["Body text".into(), "absent".into()],
            without: vec![],
        };
        let s = PageScore::of("BODY TEXT here", &truth);
        assert_eq!(s.with_found, 0.5);
        assert_eq!(s.without_left, 0.0);
        assert_eq!(s.without_left_script, 1.0);
        assert!(!s.any_without_left());
    }
}

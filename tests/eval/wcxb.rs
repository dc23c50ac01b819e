//! The eval's WCXB half: every page of the development split through parse, extract and the
//! readerable check, scored with the benchmark's own measure (`tests/common/wcxb.rs`), per page
//! type and overall, with the readerable verdicts by page type.

use std::path::Path;
use std::time::Instant;

use serde::Serialize;

use crate::wcxb::{self, Means, PageScore, Run, Truth, NOT_READERABLE_TYPES, READERABLE_TYPES};
use crate::{corpus, f1, shorten};

/// Pages per type the summary names as the worst, to start reading failures from.
const WORST_PER_TYPE: usize = 3;

/// One page: its truth, our run and its score, and dom_smoothie's when asked for.
#[derive(Serialize)]
pub struct Record {
    #[serde(flatten)]
    pub truth: Truth,
    #[serde(flatten)]
    pub run: Run,
    pub score: PageScore,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dom_smoothie: Option<PageScore>,
    #[serde(skip)]
    pub dom_smoothie_text: String,
}

/// What to run.
pub struct Selection<'a> {
    pub dir: &'a Path,
    /// Only these ids (all when empty).
    pub ids: &'a [String],
    /// Only these page types (all when empty).
    pub types: &'a [String],
    pub baseline: bool,
}

/// The split's ids, to tell `--page` names apart.
pub fn ids(dir: &Path) -> Result<Vec<String>, String> {
    Ok(wcxb::load(dir)?.into_iter().map(|t| t.id).collect())
}

/// Runs the selected pages, on every core.
pub fn evaluate(sel: &Selection) -> Result<Vec<Record>, String> {
    let mut truths = wcxb::load(sel.dir)?;
    truths.retain(|t| {
        (sel.ids.is_empty() || sel.ids.contains(&t.id))
            && (sel.types.is_empty() || sel.types.contains(&t.page_type))
    });
    let records = wcxb::par_map(&truths, wcxb::threads(), |truth| {
        let source = wcxb::source(sel.dir, &truth.id)?;
        let run = wcxb::run(&source, truth);
        let score = PageScore::of(&run.text, truth);
        let (dom_smoothie, dom_smoothie_text) = if sel.baseline {
            let text = dom_smoothie_text(&source, truth);
            (Some(PageScore::of(&text, truth)), text)
        } else {
            (None, String::new())
        };
        Ok::<_, String>(Record {
            truth: truth.clone(),
            run,
            score,
            dom_smoothie,
            dom_smoothie_text,
        })
    });
    records.into_iter().collect()
}

/// dom_smoothie's article text, read from its HTML as the Readability half reads it; empty when
/// it fails.
fn dom_smoothie_text(source: &[u8], truth: &Truth) -> String {
    let html = String::from_utf8_lossy(source);
    corpus::guarded("dom_smoothie", || {
        dom_smoothie::Readability::new(html.as_ref(), Some(&truth.url), None)
            .and_then(|mut r| r.parse())
            .map(|a| corpus::content_text(&a.content))
            .unwrap_or_default()
    })
    .unwrap_or_default()
}

/// The readerable verdicts of one page type: [open, stay shut, no verdict (a failure)].
#[derive(Clone, Copy, Debug, Default, Serialize)]
pub struct Verdicts {
    pub open: usize,
    pub shut: usize,
    pub none: usize,
}

impl Verdicts {
    pub fn open_share(&self) -> f64 {
        let n = self.open + self.shut + self.none;
        if n == 0 {
            0.0
        } else {
            self.open as f64 / n as f64
        }
    }
}

/// The figures of one page type, or of all pages.
#[derive(Serialize)]
pub struct Row {
    pub page_type: String,
    pub ours: Means,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dom_smoothie: Option<Means>,
    pub readerable: Verdicts,
    /// Pages where extraction found no article (their text scores as empty).
    pub no_article: usize,
    pub panics: usize,
}

#[derive(Serialize)]
pub struct Summary {
    pub pages: usize,
    pub text_source: &'static str,
    pub rows: Vec<Row>,
    /// Automatic reader mode over the types with a wanted verdict: opened where it should
    /// (article, documentation) and where it should not (service, product, collection, listing).
    pub readerable_true_open: usize,
    pub readerable_false_shut: usize,
    pub readerable_false_open: usize,
    pub readerable_true_shut: usize,
    /// Pages where the live page would hide main content: a removal holds a `with` snippet...
    pub pages_hiding_with: usize,
    /// ...or, more strictly, a long sentence of the main text.
    pub pages_hiding_sentences: usize,
    pub median_ms: f64,
}

fn row(page_type: &str, records: &[&Record]) -> Row {
    let baseline: Vec<&PageScore> = records
        .iter()
        .filter_map(|r| r.dom_smoothie.as_ref())
        .collect();
    let mut readerable = Verdicts::default();
    for r in records {
        match r.run.readerable {
            Some(true) => readerable.open += 1,
            Some(false) => readerable.shut += 1,
            None => readerable.none += 1,
        }
    }
    Row {
        page_type: page_type.to_owned(),
        ours: Means::of(records.iter().map(|r| &r.score)),
        dom_smoothie: (!baseline.is_empty()).then(|| Means::of(baseline)),
        readerable,
        no_article: records
            .iter()
            .filter(|r| r.run.failure.is_some() && !r.run.panicked)
            .count(),
        panics: records.iter().filter(|r| r.run.panicked).count(),
    }
}

pub fn summarize(records: &[Record]) -> Summary {
    let mut rows: Vec<Row> = wcxb::PAGE_TYPES
        .iter()
        .filter_map(|&t| {
            let of_type: Vec<&Record> = records.iter().filter(|r| r.truth.page_type == t).collect();
            (!of_type.is_empty()).then(|| row(t, &of_type))
        })
        .collect();
    rows.push(row("all", &records.iter().collect::<Vec<_>>()));
    let count = |types: &[&str], open: bool| {
        records
            .iter()
            .filter(|r| types.contains(&r.truth.page_type.as_str()))
            .filter(|r| r.run.readerable.unwrap_or(false) == open)
            .count()
    };
    let ms: Vec<f64> = records.iter().map(|r| r.run.ms).collect();
    Summary {
        pages: records.len(),
        text_source: "Article::text",
        rows,
        readerable_true_open: count(READERABLE_TYPES, true),
        readerable_false_shut: count(READERABLE_TYPES, false),
        readerable_false_open: count(NOT_READERABLE_TYPES, true),
        readerable_true_shut: count(NOT_READERABLE_TYPES, false),
        pages_hiding_with: records
            .iter()
            .filter(|r| !r.run.with_removed.is_empty())
            .count(),
        pages_hiding_sentences: records
            .iter()
            .filter(|r| r.run.sentences_removed > 0)
            .count(),
        median_ms: f1::median(&ms).unwrap_or(0.0),
    }
}

fn pct(v: f64) -> String {
    format!("{:.1}%", 100.0 * v)
}

fn want(page_type: &str) -> &'static str {
    if READERABLE_TYPES.contains(&page_type) {
        "open"
    } else if NOT_READERABLE_TYPES.contains(&page_type) {
        "shut"
    } else {
        "either"
    }
}

pub fn print_summary(s: &Summary, records: &[Record], dir: &Path) {
    println!();
    println!(
        "WCXB dev: {} pages from {} (our text: {}; the benchmark's measure: word F1 over \
         lower-cased \\w+ tokens, averaged over pages)",
        s.pages,
        dir.display(),
        s.text_source
    );
    let ds = s.rows.iter().any(|r| r.dom_smoothie.is_some());
    println!(
        "| type | pages | F1 | precision | recall | with found | without left | pages with a without left |{}",
        if ds { " dom_smoothie F1 |" } else { "" }
    );
    println!(
        "|---|---:|---:|---:|---:|---:|---:|---:|{}",
        if ds { "---:|" } else { "" }
    );
    for r in &s.rows {
        let m = &r.ours;
        println!(
            "| {} | {} | {:.3} | {:.3} | {:.3} | {} | {} | {} |{}",
            r.page_type,
            m.pages,
            m.f1,
            m.precision,
            m.recall,
            pct(m.with_found),
            pct(m.without_left),
            pct(m.pages_with_without_left),
            r.dom_smoothie
                .map(|b| format!(" {:.3} |", b.f1))
                .unwrap_or_default()
        );
    }
    if let Some(all) = s.rows.last() {
        println!(
            "(without left, as the benchmark's script counts it, a page with no `without` snippet \
             as all left in: {}; no article found on {} pages, panics on {})",
            pct(all.ours.without_left_script),
            all.no_article,
            all.panics
        );
    }
    let hiding: Vec<&str> = records
        .iter()
        .filter(|r| !r.run.with_removed.is_empty())
        .map(|r| r.truth.id.as_str())
        .collect();
    println!(
        "live page: a removal holds a `with` snippet on {} pages{}; a sentence of the main text \
         ({}+ words) on {}",
        s.pages_hiding_with,
        if hiding.is_empty() {
            String::new()
        } else {
            format!(" ({})", hiding.join(", "))
        },
        wcxb::SENTENCE_MIN_WORDS,
        s.pages_hiding_sentences
    );
    println!();
    println!("readerable (would automatic reader mode open?), by page type:");
    println!("| type | want | open | shut | no verdict | open share |");
    println!("|---|---|---:|---:|---:|---:|");
    for r in &s.rows {
        let v = &r.readerable;
        println!(
            "| {} | {} | {} | {} | {} | {} |",
            r.page_type,
            if r.page_type == "all" {
                ""
            } else {
                want(&r.page_type)
            },
            v.open,
            v.shut,
            v.none,
            pct(v.open_share())
        );
    }
    println!(
        "confusion over {} and {}: opens on {} wanted, stays shut on {} wanted; opens on {} unwanted, stays shut on {} unwanted",
        READERABLE_TYPES.join("/"),
        NOT_READERABLE_TYPES.join("/"),
        s.readerable_true_open,
        s.readerable_false_shut,
        s.readerable_false_open,
        s.readerable_true_shut
    );
    println!();
    println!("worst pages by F1 (make eval EVAL_ARGS=\"--page ID\" shows one):");
    for t in wcxb::PAGE_TYPES {
        let mut of_type: Vec<&Record> = records.iter().filter(|r| r.truth.page_type == t).collect();
        of_type.sort_by(|a, b| a.score.words.f1.total_cmp(&b.score.words.f1));
        let worst: Vec<String> = of_type
            .iter()
            .take(WORST_PER_TYPE)
            .map(|r| format!("{} {:.2}", r.truth.id, r.score.words.f1))
            .collect();
        if !worst.is_empty() {
            println!("  {t:<13} {}", worst.join(", "));
        }
    }
    println!(
        "time (parse + readerable + extract, {} threads): per page median {:.2} ms",
        wcxb::threads(),
        s.median_ms
    );
}

/// A line per page.
pub fn print_table(records: &[&Record]) {
    println!(
        "{:<5} {:<13} {:>6} {:>6} {:>6} {:>6} {:>6}  {:<5}  url / note",
        "id", "type", "F1", "P", "R", "with", "w/o", "rdbl"
    );
    for r in records {
        let s = &r.score;
        println!(
            "{:<5} {:<13} {:>6.3} {:>6.3} {:>6.3} {:>6.2} {:>6.2}  {:<5}  {}{}",
            r.truth.id,
            r.truth.page_type,
            s.words.f1,
            s.words.precision,
            s.words.recall,
            s.with_found,
            s.without_left,
            match r.run.readerable {
                Some(true) => "open",
                Some(false) => "shut",
                None => "-",
            },
            r.truth.url,
            r.run
                .failure
                .as_ref()
                .map(|f| format!("  [{f}]"))
                .unwrap_or_default()
        );
    }
}

/// One page in detail: its scores, the snippets missed and left in, and the stretches of text
/// we missed and added.
pub fn print_page(r: &Record, texts: bool) {
    let s = &r.score;
    println!(
        "\n=== WCXB {} ({}) {} ===",
        r.truth.id, r.truth.page_type, r.truth.url
    );
    if let Some(f) = &r.run.failure {
        println!("failure: {f}");
    }
    println!(
        "word F1 {:.3}  precision {:.3}  recall {:.3}  (tokens: ours {}, expected {})",
        s.words.f1,
        s.words.precision,
        s.words.recall,
        wcxb::tokens(&r.run.text).len(),
        wcxb::tokens(&r.truth.main_content).len()
    );
    println!(
        "title ours {:?}\n      want {:?}",
        r.run.title.as_deref().unwrap_or(""),
        r.truth.title
    );
    println!(
        "readerable: {} (score {:.1}; want {})",
        match r.run.readerable {
            Some(true) => "open",
            Some(false) => "shut",
            None => "no verdict",
        },
        r.run.readerable_score.unwrap_or(0.0),
        want(&r.truth.page_type)
    );
    if let Some(b) = &r.dom_smoothie {
        println!(
            "dom_smoothie: word F1 {:.3}, with found {}, without left {}",
            b.words.f1,
            pct(b.with_found),
            pct(b.without_left)
        );
    }
    let (found, missed) = wcxb::split_snippets(&r.run.text, &r.truth.with);
    println!("with: {} of {} found", found.len(), r.truth.with.len());
    for m in missed {
        println!("  missed: {}", shorten(m));
    }
    for w in &r.run.with_removed {
        println!(
            "  hidden on the live page by {}: {}",
            w.removal,
            shorten(&w.snippet)
        );
    }
    if r.run.sentences_removed > 0 {
        println!(
            "  sentences of the main text hidden on the live page: {}",
            r.run.sentences_removed
        );
    }
    let (left, _) = wcxb::split_snippets(&r.run.text, &r.truth.without);
    println!(
        "without: {} of {} left in",
        left.len(),
        r.truth.without.len()
    );
    for l in left {
        println!("  left in: {}", shorten(l));
    }
    let d = f1::diff(&r.run.text, &r.truth.main_content);
    println!(
        "\n--- missed: {} stretches of the expected text ({} tokens) ---",
        d.missed.len(),
        d.missed.iter().map(|s| s.tokens).sum::<usize>()
    );
    for span in &d.missed {
        println!("- [{}] {}", span.tokens, shorten(&span.text));
    }
    println!(
        "\n+++ extra: {} stretches of our text that the expected text lacks ({} tokens) +++",
        d.extra.len(),
        d.extra.iter().map(|s| s.tokens).sum::<usize>()
    );
    for span in &d.extra {
        println!("+ [{}] {}", span.tokens, shorten(&span.text));
    }
    if texts {
        println!(
            "\n--- our text ---\n{}\n\n--- expected text ---\n{}",
            r.run.text, r.truth.main_content
        );
        if r.dom_smoothie.is_some() {
            println!("\n--- dom_smoothie text ---\n{}", r.dom_smoothie_text);
        }
    }
}

/// The split's summary and pages, as `--json` writes them.
#[derive(Serialize)]
pub struct Output {
    pub summary: Summary,
    pub pages: Vec<Record>,
}

/// Runs the split and prints it; `Err` is a message for stderr.
pub fn main(sel: &Selection, list: bool, sort_by_f1: bool, texts: bool) -> Result<Output, String> {
    let started = Instant::now();
    let records = evaluate(sel)?;
    let wall = started.elapsed();
    if !sel.ids.is_empty() {
        for r in &records {
            print_page(r, texts);
        }
        println!();
    }
    if list {
        let mut sorted: Vec<&Record> = records.iter().collect();
        if sort_by_f1 {
            sorted.sort_by(|a, b| a.score.words.f1.total_cmp(&b.score.words.f1));
        }
        print_table(&sorted);
    }
    let summary = summarize(&records);
    print_summary(&summary, &records, sel.dir);
    println!("WCXB wall time: {:.1} s", wall.as_secs_f64());
    Ok(Output {
        summary,
        pages: records,
    })
}

//! The extraction eval, over two corpora: every Readability corpus page through our parse,
//! extract and readerable check, scored against Readability's expected output; then every page of
//! the WCXB development split, scored with that benchmark's own measure (`wcxb.rs`).
//!
//! ```text
//! cargo run --profile eval --example eval -- [--only readability|wcxb] [--page NAME[,NAME]]
//!     [--type TYPE[,TYPE]] [--list] [--json FILE] [--sort f1] [--from text|content] [--baseline]
//!     [--texts] [--summary] [--corpus DIR] [--wcxb DIR]
//! ```
//!
//! The Readability half:
//! - Text agreement is token-level F1 over 4-token shingles, as the Article Extraction Benchmark
//!   measures it; `tests/common/f1.rs` documents the tokenisation. Our text is `Article::text`
//!   (`--from content` reads `Article::content` the way the expected side is read instead); the
//!   expected text is `expected.html` parsed with our own `parse_html`, read block by block.
//! - A page whose extract failed or panicked scores F1 0 and counts in every average.
//! - `--page` prints, for the named pages (Readability page names or WCXB ids), every metadata
//!   field and the text stretches we missed and added, to guide tuning. `--texts` adds both full
//!   texts.
//! - `--baseline` also scores `dom_smoothie` (a Rust port of Readability) the same way, as a
//!   reference for what a Readability-like extractor gets on this corpus.
//! - The corpus is `$TIDYREAD_CORPUS`, else `../shared/corpus/readability` beside the crate.
//!
//! The WCXB half (`$TIDYREAD_WCXB`, else `../shared/corpus/wcxb-dev`) prints a table per page type
//! and overall, the readerable verdicts by page type and the worst pages of each type; `--list`
//! adds a line per page, `--type` keeps only the named page types, `--baseline` scores
//! dom_smoothie on it too. Its pages run on every core.
//!
//! The `eval` profile is the release profile with `panic = "unwind"` (the release profile aborts
//! on panic, which `catch_unwind` cannot count) and without whole-program LTO, so rebuilding
//! while tuning stays quick. Under `--release` it still runs, but a panic ends the run.

#[path = "../common/corpus.rs"]
mod corpus;
#[path = "../common/f1.rs"]
mod f1;
#[path = "../common/wcxb.rs"]
mod wcxb;
#[path = "wcxb.rs"]
mod wcxb_eval;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use corpus::{BylineMatch, Expected, Page, PageResult, TextSource};
use serde::Serialize;

const USAGE: &str = "\
usage: eval [--only readability|wcxb] [--page NAME[,NAME...]] [--type TYPE[,TYPE...]] [--list]
            [--json FILE] [--sort name|f1] [--from text|content] [--baseline] [--texts]
            [--summary] [--corpus DIR] [--wcxb DIR]";

/// F1 at or above which a page counts as well extracted.
const GOOD_F1: f64 = 0.90;
/// Longest stretch of text `--page` prints whole; longer ones are shortened in the middle.
const MAX_SPAN_CHARS: usize = 400;

/// Which corpora to run.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Only {
    Both,
    Readability,
    Wcxb,
}

struct Args {
    only: Only,
    pages: Vec<String>,
    types: Vec<String>,
    list: bool,
    json: Option<PathBuf>,
    sort_by_f1: bool,
    from: TextSource,
    baseline: bool,
    texts: bool,
    summary_only: bool,
    corpus: PathBuf,
    wcxb: PathBuf,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        only: Only::Both,
        pages: Vec::new(),
        types: Vec::new(),
        list: false,
        json: None,
        sort_by_f1: false,
        from: TextSource::Text,
        baseline: false,
        texts: false,
        summary_only: false,
        corpus: corpus::corpus_dir(),
        wcxb: wcxb::corpus_dir(),
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = || {
            it.next()
                .ok_or_else(|| format!("{arg} needs a value\n{USAGE}"))
        };
        match arg.as_str() {
            "--page" => args.pages.extend(
                value()?
                    .split(',')
                    .map(|s| s.trim().trim_end_matches('/').to_owned()),
            ),
            "--type" => {
                for t in value()?.split(',').map(str::trim) {
                    if !wcxb::PAGE_TYPES.contains(&t) {
                        return Err(format!(
                            "--type takes {}, not {t}",
                            wcxb::PAGE_TYPES.join(", ")
                        ));
                    }
                    args.types.push(t.to_owned());
                }
            }
            "--only" => {
                args.only = match value()?.as_str() {
                    "readability" => Only::Readability,
                    "wcxb" => Only::Wcxb,
                    other => return Err(format!("--only takes readability or wcxb, not {other}")),
                }
            }
            "--list" => args.list = true,
            "--wcxb" => args.wcxb = PathBuf::from(value()?),
            "--json" => args.json = Some(PathBuf::from(value()?)),
            "--sort" => {
                args.sort_by_f1 = match value()?.as_str() {
                    "f1" => true,
                    "name" => false,
                    other => return Err(format!("--sort takes name or f1, not {other}")),
                }
            }
            "--from" => {
                args.from = match value()?.as_str() {
                    "text" => TextSource::Text,
                    "content" => TextSource::Content,
                    other => return Err(format!("--from takes text or content, not {other}")),
                }
            }
            "--corpus" => args.corpus = PathBuf::from(value()?),
            "--baseline" => args.baseline = true,
            "--texts" => args.texts = true,
            "--summary" => args.summary_only = true,
            "-h" | "--help" => return Err(USAGE.to_owned()),
            other => return Err(format!("unknown argument {other}\n{USAGE}")),
        }
    }
    Ok(args)
}

/// dom_smoothie's result on one page, scored like ours.
#[derive(Clone, Debug, Serialize)]
struct Baseline {
    f1: f64,
    title_ok: bool,
    byline: BylineMatch,
    readerable_ok: bool,
    error: Option<String>,
    #[serde(skip)]
    text: String,
}

fn baseline(source: &[u8], expected: &Expected) -> Baseline {
    let html = String::from_utf8_lossy(source);
    let readerable = corpus::guarded("dom_smoothie readerable", || {
        dom_smoothie::Readability::new(html.as_ref(), Some(corpus::PAGE_URL), None)
            .map(|r| r.is_probably_readable())
    });
    let readerable_ok = readerable.ok().and_then(Result::ok) == expected.readerable;
    let run = corpus::guarded("dom_smoothie", || {
        dom_smoothie::Readability::new(html.as_ref(), Some(corpus::PAGE_URL), None)
            .and_then(|mut r| r.parse())
    });
    match run {
        Ok(Ok(article)) => {
            let text = corpus::content_text(&article.content);
            Baseline {
                f1: f1::score(&text, &expected.text).f1,
                title_ok: corpus::norm(&article.title)
                    == corpus::norm(expected.title.as_deref().unwrap_or("")),
                byline: BylineMatch::of(article.byline.as_deref(), expected.byline.as_deref()),
                readerable_ok,
                error: None,
                text,
            }
        }
        Ok(Err(e)) => Baseline::failed(e.to_string(), expected, readerable_ok),
        Err(p) => Baseline::failed(p, expected, readerable_ok),
    }
}

impl Baseline {
    fn failed(error: String, expected: &Expected, readerable_ok: bool) -> Baseline {
        Baseline {
            f1: f1::score("", &expected.text).f1,
            title_ok: false,
            byline: BylineMatch::of(None, expected.byline.as_deref()),
            readerable_ok,
            error: Some(error),
            text: String::new(),
        }
    }
}

#[derive(Serialize)]
struct Record {
    #[serde(flatten)]
    result: PageResult,
    #[serde(skip_serializing_if = "Option::is_none")]
    dom_smoothie: Option<Baseline>,
}

#[derive(Serialize)]
struct Summary {
    pages: usize,
    text_source: &'static str,
    median_f1: f64,
    mean_f1: f64,
    mean_precision: f64,
    mean_recall: f64,
    /// AEB's corpus figure: the harmonic mean of mean precision (over pages where we output text)
    /// and mean recall (over pages with expected text).
    aeb_f1: f64,
    good_f1_pages: usize,
    good_f1_threshold: f64,
    title_ok: usize,
    /// Of those, titles that are Readability's less the site's or author's name.
    title_less_name: usize,
    byline_expected: usize,
    byline_exact: usize,
    byline_contains: usize,
    byline_extra: usize,
    byline_none_expected: usize,
    readerable_ok: usize,
    readerable_false_positive: usize,
    readerable_false_negative: usize,
    /// Per metadata key: [agreeing, pages whose expected metadata states the key].
    lang_ok: [usize; 2],
    dir_ok: [usize; 2],
    excerpt_ok: [usize; 2],
    /// Excerpts that agree or where ours, less a trailing ellipsis, begins the expected one.
    excerpt_prefix_ok: usize,
    site_name_ok: [usize; 2],
    published_time_ok: [usize; 2],
    panics: usize,
    panics_caught: bool,
    extract_err: usize,
    total_ms: f64,
    median_ms: f64,
    p95_ms: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    dom_smoothie: Option<BaselineSummary>,
}

#[derive(Serialize)]
struct BaselineSummary {
    median_f1: f64,
    mean_f1: f64,
    good_f1_pages: usize,
    title_ok: usize,
    byline_exact: usize,
    byline_contains: usize,
    readerable_ok: usize,
    errors: usize,
}

fn mean(v: &[f64]) -> f64 {
    if v.is_empty() {
        0.0
    } else {
        v.iter().sum::<f64>() / v.len() as f64
    }
}

/// The `p`th percentile (nearest rank) of `v`.
fn percentile(v: &[f64], p: f64) -> f64 {
    if v.is_empty() {
        return 0.0;
    }
    let mut s = v.to_vec();
    s.sort_by(f64::total_cmp);
    let rank = ((p / 100.0) * s.len() as f64).ceil() as usize;
    s[rank.clamp(1, s.len()) - 1]
}

/// Our excerpt agrees, or is a shortened start of the expected one (Readability's is the whole
/// first paragraph).
fn excerpt_prefix(f: &corpus::Field) -> bool {
    let ours = corpus::norm(f.ours.as_deref().unwrap_or(""));
    let ours = ours.trim_end_matches(['…', '.']).trim_end();
    f.ok || (!ours.is_empty()
        && corpus::norm(f.expected.as_deref().unwrap_or("")).starts_with(ours))
}

fn summarize(records: &[Record], from: TextSource) -> Summary {
    let results: Vec<&PageResult> = records.iter().map(|r| &r.result).collect();
    let f1s: Vec<f64> = results.iter().map(|r| r.score.f1).collect();
    let count = |f: &dyn Fn(&PageResult) -> bool| results.iter().filter(|r| f(r)).count();
    let field = |f: &dyn Fn(&PageResult) -> &corpus::Field| {
        [
            count(&|r| f(r).asserted && f(r).ok),
            count(&|r| f(r).asserted),
        ]
    };
    let with_output: Vec<f64> = results
        .iter()
        .filter(|r| r.score.ours > 0)
        .map(|r| r.score.precision)
        .collect();
    let with_expected: Vec<f64> = results
        .iter()
        .filter(|r| r.score.expected > 0)
        .map(|r| r.score.recall)
        .collect();
    let (mp, mr) = (mean(&with_output), mean(&with_expected));
    let ms: Vec<f64> = results.iter().map(|r| r.ms).collect();
    let baselines: Vec<&Baseline> = records
        .iter()
        .filter_map(|r| r.dom_smoothie.as_ref())
        .collect();
    let dom_smoothie = (!baselines.is_empty()).then(|| {
        let f1s: Vec<f64> = baselines.iter().map(|b| b.f1).collect();
        BaselineSummary {
            median_f1: f1::median(&f1s).unwrap_or(0.0),
            mean_f1: mean(&f1s),
            good_f1_pages: f1s.iter().filter(|&&f| f >= GOOD_F1).count(),
            title_ok: baselines.iter().filter(|b| b.title_ok).count(),
            byline_exact: baselines
                .iter()
                .filter(|b| b.byline == BylineMatch::Exact)
                .count(),
            byline_contains: baselines.iter().filter(|b| b.byline.lenient_ok()).count(),
            readerable_ok: baselines.iter().filter(|b| b.readerable_ok).count(),
            errors: baselines.iter().filter(|b| b.error.is_some()).count(),
        }
    });
    Summary {
        pages: results.len(),
        text_source: match from {
            TextSource::Text => "Article::text",
            TextSource::Content => "Article::content",
        },
        median_f1: f1::median(&f1s).unwrap_or(0.0),
        mean_f1: mean(&f1s),
        mean_precision: mean(
            &results
                .iter()
                .map(|r| r.score.precision)
                .collect::<Vec<_>>(),
        ),
        mean_recall: mean(&results.iter().map(|r| r.score.recall).collect::<Vec<_>>()),
        aeb_f1: if mp + mr > 0.0 {
            2.0 * mp * mr / (mp + mr)
        } else {
            0.0
        },
        good_f1_pages: f1s.iter().filter(|&&f| f >= GOOD_F1).count(),
        good_f1_threshold: GOOD_F1,
        title_ok: count(&|r| r.title.ok),
        title_less_name: count(&|r| r.title_less_name),
        byline_expected: count(&|r| r.byline_field.expected.is_some()),
        byline_exact: count(&|r| r.byline == BylineMatch::Exact),
        byline_contains: count(&|r| r.byline.lenient_ok()),
        byline_extra: count(&|r| r.byline == BylineMatch::Extra),
        byline_none_expected: count(&|r| r.byline_field.expected.is_none()),
        readerable_ok: count(&|r| r.readerable.ok),
        readerable_false_positive: count(&|r| {
            r.readerable.ours.as_deref() == Some("true")
                && r.readerable.expected.as_deref() == Some("false")
        }),
        readerable_false_negative: count(&|r| {
            r.readerable.ours.as_deref() == Some("false")
                && r.readerable.expected.as_deref() == Some("true")
        }),
        lang_ok: field(&|r| &r.lang),
        dir_ok: field(&|r| &r.dir),
        excerpt_ok: field(&|r| &r.excerpt),
        excerpt_prefix_ok: count(&|r| r.excerpt.asserted && excerpt_prefix(&r.excerpt)),
        site_name_ok: field(&|r| &r.site_name),
        published_time_ok: field(&|r| &r.published_time),
        panics: count(&|r| r.panicked()),
        panics_caught: cfg!(panic = "unwind"),
        extract_err: count(&|r| r.extract_err()),
        total_ms: ms.iter().sum(),
        median_ms: f1::median(&ms).unwrap_or(0.0),
        p95_ms: percentile(&ms, 95.0),
        dom_smoothie,
    }
}

fn pct(n: usize, of: usize) -> String {
    if of == 0 {
        "-".to_owned()
    } else {
        format!("{:.1}%", 100.0 * n as f64 / of as f64)
    }
}

fn yes(ok: bool) -> &'static str {
    if ok {
        "ok"
    } else {
        "x"
    }
}

fn print_table(records: &[&Record]) {
    let ds = records.iter().any(|r| r.dom_smoothie.is_some());
    println!(
        "{:<40} {:>6} {:>6} {:>6}  {:<5} {:<6} {:<5} {:>8}{}  note",
        "page",
        "F1",
        "P",
        "R",
        "title",
        "byline",
        "rdbl",
        "ms",
        if ds { "  ds-F1" } else { "" }
    );
    for rec in records {
        let r = &rec.result;
        let note: Vec<String> = r
            .failures
            .iter()
            .map(|f| match f {
                corpus::Failure::Input(m) => format!("input: {m}"),
                corpus::Failure::Extract(m) => format!("err: {m}"),
                corpus::Failure::Panic(m) => format!("PANIC {m}"),
            })
            .collect();
        let ds_col = rec
            .dom_smoothie
            .as_ref()
            .map(|b| format!("  {:>5.3}", b.f1))
            .unwrap_or_default();
        println!(
            "{:<40} {:>6.3} {:>6.3} {:>6.3}  {:<5} {:<6} {:<5} {:>8.2}{}  {}",
            r.page,
            r.score.f1,
            r.score.precision,
            r.score.recall,
            yes(r.title.ok),
            r.byline.mark(),
            yes(r.readerable.ok),
            r.ms,
            ds_col,
            note.join("; ")
        );
    }
    println!("(byline: ok exact, ~ one contains the other, x wrong, miss none found, + found where none expected, - none either side)");
}

fn print_summary(s: &Summary, corpus_dir: &std::path::Path) {
    let n = s.pages;
    println!();
    println!(
        "tidyread eval: {n} pages from {} (url {}, our text from {})",
        corpus_dir.display(),
        corpus::PAGE_URL,
        s.text_source
    );
    println!(
        "text F1 (4-token shingles, AEB): median {:.3}, mean {:.3}, pages with F1 >= {:.2}: {}/{n} ({})",
        s.median_f1,
        s.mean_f1,
        s.good_f1_threshold,
        s.good_f1_pages,
        pct(s.good_f1_pages, n)
    );
    println!(
        "  mean precision {:.3}, mean recall {:.3}; AEB corpus F1 {:.3} (harmonic mean of mean P over pages with output and mean R)",
        s.mean_precision, s.mean_recall, s.aeb_f1
    );
    println!(
        "title: {}/{n} agree ({}): {} exact after whitespace normalisation, {} Readability's less the site's or author's name",
        s.title_ok,
        pct(s.title_ok, n),
        s.title_ok - s.title_less_name,
        s.title_less_name
    );
    println!(
        "byline: over {} pages with an expected byline: exact {} ({}), contains (lenient) {} ({}); found where none expected: {}/{}",
        s.byline_expected,
        s.byline_exact,
        pct(s.byline_exact, s.byline_expected),
        s.byline_contains,
        pct(s.byline_contains, s.byline_expected),
        s.byline_extra,
        s.byline_none_expected
    );
    println!(
        "readerable: {}/{n} agree ({}); false positives {}, false negatives {}",
        s.readerable_ok,
        pct(s.readerable_ok, n),
        s.readerable_false_positive,
        s.readerable_false_negative
    );
    let f = |[ok, of]: [usize; 2]| format!("{ok}/{of}");
    println!(
        "other metadata agreeing (of pages stating the key; both empty agrees): lang {}, dir {}, excerpt {} (or a prefix: {}), siteName {}, publishedTime {}",
        f(s.lang_ok),
        f(s.dir_ok),
        f(s.excerpt_ok),
        s.excerpt_prefix_ok,
        f(s.site_name_ok),
        f(s.published_time_ok)
    );
    println!(
        "failures: extract Err on {} pages, panics on {} pages{}",
        s.extract_err,
        s.panics,
        if s.panics_caught {
            ""
        } else {
            " (built with panic=abort: a panic would have ended the run; use --profile eval)"
        }
    );
    println!(
        "time (parse + extract + readerable, this build): total {:.0} ms, per page median {:.2} ms, p95 {:.2} ms",
        s.total_ms, s.median_ms, s.p95_ms
    );
    if let Some(b) = &s.dom_smoothie {
        println!(
            "dom_smoothie 0.19 (reference, scored the same way): median F1 {:.3}, mean {:.3}, F1 >= {:.2}: {}/{n}; title {}/{n}; byline exact {}/{} contains {}/{}; readerable {}/{n}; errors {}",
            b.median_f1,
            b.mean_f1,
            GOOD_F1,
            b.good_f1_pages,
            b.title_ok,
            b.byline_exact,
            s.byline_expected,
            b.byline_contains,
            s.byline_expected,
            b.readerable_ok,
            b.errors
        );
    }
}

fn shorten(s: &str) -> String {
    let n = s.chars().count();
    if n <= MAX_SPAN_CHARS {
        return s.to_owned();
    }
    let half = MAX_SPAN_CHARS / 2;
    let head: String = s.chars().take(half).collect();
    let tail: String = s.chars().skip(n - half).collect();
    format!("{head} […{} chars…] {tail}", n - 2 * half)
}

fn print_page(rec: &Record, expected: &Expected, texts: bool) {
    let r = &rec.result;
    println!("\n=== {} ===", r.page);
    for f in &r.failures {
        println!("failure: {f:?}");
    }
    let s = &r.score;
    println!(
        "F1 {:.3}  precision {:.3}  recall {:.3}  (shingles: ours {}, expected {}, common {})",
        s.f1, s.precision, s.recall, s.ours, s.expected, s.common
    );
    let fields = [
        ("title", &r.title),
        ("byline", &r.byline_field),
        ("readerable", &r.readerable),
        ("lang", &r.lang),
        ("dir", &r.dir),
        ("excerpt", &r.excerpt),
        ("siteName", &r.site_name),
        ("publishedTime", &r.published_time),
    ];
    for (name, f) in fields {
        println!(
            "{:<2} {name:<14} ours {:?}\n   {:<14} want {:?}",
            if !f.asserted {
                "?"
            } else if f.ok {
                ""
            } else {
                "≠"
            },
            f.ours,
            "",
            f.expected
        );
    }
    if let Some(score) = r.readerable_score {
        println!("   readerable score {score:.2}");
    }
    if let Some(b) = &rec.dom_smoothie {
        println!(
            "dom_smoothie: F1 {:.3}, title {}, byline {}{}",
            b.f1,
            yes(b.title_ok),
            b.byline.mark(),
            b.error
                .as_ref()
                .map(|e| format!(", error: {e}"))
                .unwrap_or_default()
        );
    }
    let d = f1::diff(&r.text, &expected.text);
    let missed: usize = d.missed.iter().map(|s| s.tokens).sum();
    let extra: usize = d.extra.iter().map(|s| s.tokens).sum();
    println!(
        "\n--- missed: {} stretches of the expected text ({missed} tokens, with 3 tokens of context each side) ---",
        d.missed.len()
    );
    for span in &d.missed {
        println!("- [{}] {}", span.tokens, shorten(&span.text));
    }
    println!(
        "\n+++ extra: {} stretches of our text that the expected text lacks ({extra} tokens) +++",
        d.extra.len()
    );
    for span in &d.extra {
        println!("+ [{}] {}", span.tokens, shorten(&span.text));
    }
    if texts {
        println!(
            "\n--- our text ---\n{}\n\n--- expected text ---\n{}",
            r.text, expected.text
        );
        if let Some(b) = &rec.dom_smoothie {
            println!("\n--- dom_smoothie text ---\n{}", b.text);
        }
    }
}

/// The Readability half's summary and pages, as `--json` writes them.
#[derive(Serialize)]
struct ReadabilityOutput {
    summary: Summary,
    pages: Vec<Record>,
}

/// Runs the Readability corpus (only `names`, when given) and prints it; `Err` is a message for
/// stderr.
fn readability(args: &Args, names: &[String]) -> Result<ReadabilityOutput, String> {
    let mut pages: Vec<Page> = corpus::pages(&args.corpus)?;
    if !args.pages.is_empty() {
        pages.retain(|p| names.contains(&p.name));
    }
    let started = Instant::now();
    let mut records = Vec::with_capacity(pages.len());
    let mut expecteds = Vec::with_capacity(pages.len());
    for page in &pages {
        let expected = corpus::expected(page).map_err(|e| format!("{}: {e}", page.name))?;
        let source = page.source().map_err(|e| format!("{}: {e}", page.name))?;
        let result = corpus::run_page(page, &expected, &source, args.from);
        let dom_smoothie = args.baseline.then(|| baseline(&source, &expected));
        records.push(Record {
            result,
            dom_smoothie,
        });
        expecteds.push(expected);
    }
    let wall = started.elapsed();

    if !names.is_empty() {
        for (rec, exp) in records.iter().zip(&expecteds) {
            print_page(rec, exp, args.texts);
        }
        println!();
    }
    let mut order: Vec<usize> = (0..records.len()).collect();
    if args.sort_by_f1 {
        order.sort_by(|&a, &b| {
            records[a]
                .result
                .score
                .f1
                .total_cmp(&records[b].result.score.f1)
        });
    }
    let summary = summarize(&records, args.from);
    if !args.summary_only {
        let sorted: Vec<&Record> = order.iter().map(|&i| &records[i]).collect();
        print_table(&sorted);
    }
    print_summary(&summary, &args.corpus);
    println!("eval wall time: {:.1} s", wall.as_secs_f64());
    Ok(ReadabilityOutput {
        summary,
        pages: records,
    })
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("eval: {e}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), String> {
    let args = parse_args()?;
    // `--page` names pages of either corpus: each goes to the corpus that has it.
    let (mut readability_names, mut wcxb_ids) = (Vec::new(), Vec::new());
    if !args.pages.is_empty() {
        let readability_pages: Vec<String> = match args.only {
            Only::Wcxb => Vec::new(),
            _ => corpus::pages(&args.corpus)?
                .into_iter()
                .map(|p| p.name)
                .collect(),
        };
        let wcxb_pages = match args.only {
            Only::Readability => Vec::new(),
            _ => wcxb_eval::ids(&args.wcxb)?,
        };
        for name in &args.pages {
            if readability_pages.contains(name) {
                readability_names.push(name.clone());
            } else if wcxb_pages.contains(name) {
                wcxb_ids.push(name.clone());
            } else {
                return Err(format!("no such page: {name}"));
            }
        }
    }
    let pages_named = !args.pages.is_empty();
    corpus::quiet_panics();
    let readability = (args.only != Only::Wcxb && (!pages_named || !readability_names.is_empty()))
        .then(|| readability(&args, &readability_names))
        .transpose()?;
    let wcxb = (args.only != Only::Readability && (!pages_named || !wcxb_ids.is_empty()))
        .then(|| {
            let sel = wcxb_eval::Selection {
                dir: &args.wcxb,
                ids: &wcxb_ids,
                types: &args.types,
                baseline: args.baseline,
            };
            wcxb_eval::main(
                &sel,
                args.list && !args.summary_only,
                args.sort_by_f1,
                args.texts,
            )
        })
        .transpose()?;

    if let Some(path) = &args.json {
        #[derive(Serialize)]
        struct Out<'a> {
            #[serde(skip_serializing_if = "Option::is_none")]
            readability: Option<&'a ReadabilityOutput>,
            #[serde(skip_serializing_if = "Option::is_none")]
            wcxb: Option<&'a wcxb_eval::Output>,
        }
        let out = Out {
            readability: readability.as_ref(),
            wcxb: wcxb.as_ref(),
        };
        serde_json::to_string_pretty(&out)
            .map_err(|e| e.to_string())
            .and_then(|s| std::fs::write(path, s + "\n").map_err(|e| e.to_string()))
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        println!("wrote {}", path.display());
    }
    Ok(())
}

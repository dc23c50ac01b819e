//! Native timings over the Readability corpus: our parse, extract, analyze and readerable check
//! per page, and dom_smoothie (a Rust port of Readability) on the same pages as the baseline.
//!
//! ```text
//! cargo bench --bench native                    # full run, summary
//! cargo bench --bench native -- --per-page      # and a line per page
//! cargo bench --bench native -- wiki            # only pages whose name contains "wiki"
//! cargo bench --bench native -- --write         # also write bench/native-results.json and
//!                                               # its part of docs/benchmarks.md
//! ```
//!
//! Each stage of each page is timed as the fastest of `TIDYREAD_BENCH_RUNS` runs (default 5), a
//! run being enough back-to-back iterations to last `TIDYREAD_BENCH_MS` (default 20 ms); the
//! minimum is the figure least disturbed by other work on a shared machine. `extract`, `analyze`
//! and `readerable` run on a page parsed once. dom_smoothie parses as well as extracts, so it is
//! compared with our parse + extract. `TIDYREAD_BENCH_WRITE=1` is the same as `--write`.
//!
//! Without `--bench` (as `cargo test --benches` runs it) it is a smoke run: three pages, one
//! iteration each, nothing written.

use std::hint::black_box;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde::Serialize;
use tidyread::Options;

/// The address Readability's tests give every corpus page.
const PAGE_URL: &str = "http://fakehost/test/page.html";
/// Where `--write` puts the results, relative to the crate.
const RESULTS_FILE: &str = "bench/native-results.json";
/// The report `--write` updates: only its own part, between these markers (bench/browser.mjs
/// writes another part of the same file).
const REPORT_FILE: &str = "docs/benchmarks.md";
const REPORT_BEGIN: &str = "<!-- BEGIN bench-native: written by `make bench-native` -->";
const REPORT_END: &str = "<!-- END bench-native -->";

struct Config {
    runs: usize,
    run_time: Duration,
    /// Iterations per run are capped so tiny stages do not spin forever.
    max_iters: u32,
    filter: Option<String>,
    per_page: bool,
    write: bool,
    smoke: bool,
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn config() -> Config {
    let mut c = Config {
        runs: env_number("TIDYREAD_BENCH_RUNS", 5).max(1) as usize,
        run_time: Duration::from_millis(env_number("TIDYREAD_BENCH_MS", 20)),
        max_iters: 10_000,
        filter: None,
        per_page: false,
        write: std::env::var("TIDYREAD_BENCH_WRITE").is_ok_and(|v| v == "1"),
        smoke: true,
    };
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--bench" => c.smoke = false,
            "--per-page" => c.per_page = true,
            "--write" => c.write = true,
            // Flags cargo or libtest-style runners may pass; nothing to do for them here.
            a if a.starts_with('-') => {}
            a => c.filter = Some(a.to_owned()),
        }
    }
    if c.smoke {
        c.runs = 1;
        c.run_time = Duration::ZERO;
        c.max_iters = 1;
        c.write = false;
    }
    c
}

fn corpus_dir() -> PathBuf {
    match std::env::var_os("TIDYREAD_CORPUS") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/readability"),
    }
}

/// Milliseconds per iteration of `f`: the fastest of `runs` runs, each of as many iterations as
/// fill `run_time` (calibrated on one untimed-for-the-result call). `None` if `f` panicked.
fn time_ms(c: &Config, mut f: impl FnMut()) -> Option<f64> {
    let t = Instant::now();
    panic::catch_unwind(AssertUnwindSafe(&mut f)).ok()?;
    let once = t.elapsed().max(Duration::from_nanos(1));
    let iters = (c.run_time.as_nanos() / once.as_nanos()).clamp(1, c.max_iters as u128) as u32;
    let mut best = f64::INFINITY;
    for _ in 0..c.runs {
        let t = Instant::now();
        for _ in 0..iters {
            f();
        }
        best = best.min(t.elapsed().as_secs_f64() * 1000.0 / iters as f64);
    }
    Some(best)
}

#[derive(Clone, Debug, Default, Serialize)]
struct PageTimes {
    page: String,
    bytes: usize,
    parse_ms: Option<f64>,
    extract_ms: Option<f64>,
    analyze_ms: Option<f64>,
    /// The declutter classifier alone, given the article: it should cost less than extract.
    classify_ms: Option<f64>,
    readerable_ms: Option<f64>,
    /// Our parse + extract: what dom_smoothie's one call does.
    ours_ms: Option<f64>,
    dom_smoothie_ms: Option<f64>,
    extract_ok: bool,
    dom_smoothie_ok: bool,
}

#[derive(Clone, Debug, Serialize)]
struct Stat {
    stage: &'static str,
    pages: usize,
    median_ms: f64,
    p95_ms: f64,
    total_ms: f64,
}

/// Nearest-rank percentile of sorted `v`.
fn percentile(sorted: &[f64], p: f64) -> f64 {
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn median(sorted: &[f64]) -> f64 {
    let n = sorted.len();
    if n % 2 == 1 {
        sorted[n / 2]
    } else {
        (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0
    }
}

fn stat(stage: &'static str, values: impl Iterator<Item = Option<f64>>) -> Option<Stat> {
    let mut v: Vec<f64> = values.flatten().collect();
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    Some(Stat {
        stage,
        pages: v.len(),
        median_ms: median(&v),
        p95_ms: percentile(&v, 95.0),
        total_ms: v.iter().sum(),
    })
}

fn bench_page(c: &Config, name: &str, bytes: &[u8]) -> PageTimes {
    let opts = Options {
        url: Some(PAGE_URL.to_owned()),
        keep_comments: false,
    };
    let mut t = PageTimes {
        page: name.to_owned(),
        bytes: bytes.len(),
        ..Default::default()
    };
    t.parse_ms = time_ms(c, || {
        black_box(tidyread::parse_html(black_box(bytes)).ok());
    });
    if let Ok(dom) = tidyread::parse_html(bytes) {
        t.extract_ok =
            panic::catch_unwind(AssertUnwindSafe(|| tidyread::extract(&dom, &opts).is_ok()))
                .unwrap_or(false);
        t.extract_ms = time_ms(c, || {
            black_box(tidyread::extract(black_box(&dom), &opts).ok());
        });
        t.analyze_ms = time_ms(c, || {
            black_box(tidyread::analyze(black_box(&dom), &opts));
        });
        let article = tidyread::extract(&dom, &opts).ok();
        t.classify_ms = time_ms(c, || {
            black_box(tidyread::declutter::classify(
                black_box(&dom),
                article.as_ref().map(Into::into),
                &opts,
            ));
        });
        t.readerable_ms = time_ms(c, || {
            black_box(tidyread::readerable::check(
                black_box(&dom),
                opts.url.as_deref(),
            ));
        });
    }
    t.ours_ms = t.parse_ms.zip(t.extract_ms).map(|(p, e)| p + e);

    let html = String::from_utf8_lossy(bytes);
    let smoothie = || {
        dom_smoothie::Readability::new(html.as_ref(), Some(PAGE_URL), None)
            .and_then(|mut r| r.parse())
    };
    t.dom_smoothie_ok =
        panic::catch_unwind(AssertUnwindSafe(|| smoothie().is_ok())).unwrap_or(false);
    t.dom_smoothie_ms = time_ms(c, || {
        black_box(smoothie().ok());
    });
    t
}

#[derive(Serialize)]
struct Results<'a> {
    what: &'static str,
    url: &'static str,
    runs: usize,
    run_ms: u128,
    pages: usize,
    extract_err_pages: usize,
    dom_smoothie_err_pages: usize,
    stats: &'a [Stat],
    ratio_ours_to_dom_smoothie: Ratios,
    per_page: &'a [PageTimes],
}

#[derive(Clone, Copy, Serialize)]
struct Ratios {
    /// Median over pages of (our parse + extract) / dom_smoothie.
    median_of_page_ratios: f64,
    /// Our total over the corpus / dom_smoothie's total.
    of_totals: f64,
    /// Our median page time / dom_smoothie's median page time.
    of_medians: f64,
}

fn main() {
    let c = config();
    let dir = corpus_dir();
    let mut pages: Vec<(String, PathBuf)> = match std::fs::read_dir(&dir) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.join("source.html").is_file())
            .map(|p| {
                (
                    p.file_name()
                        .unwrap_or_default()
                        .to_string_lossy()
                        .into_owned(),
                    p,
                )
            })
            .collect(),
        Err(e) => {
            eprintln!(
                "native bench: cannot read the corpus at {} ({e}); set TIDYREAD_CORPUS",
                dir.display()
            );
            std::process::exit(2);
        }
    };
    pages.sort();
    if let Some(f) = &c.filter {
        pages.retain(|(name, _)| name.contains(f.as_str()));
    }
    if c.smoke {
        pages.truncate(3);
    }
    // Panics are counted per stage (a stage that panics is not timed); keep them off the output.
    panic::set_hook(Box::new(|_| {}));

    let started = Instant::now();
    let mut times = Vec::with_capacity(pages.len());
    for (name, path) in &pages {
        let bytes = match std::fs::read(path.join("source.html")) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("native bench: {name}: {e}");
                continue;
            }
        };
        let t = bench_page(&c, name, &bytes);
        if c.per_page {
            let f = |v: Option<f64>| v.map_or("panic".to_owned(), |v| format!("{v:.3}"));
            println!(
                "{:<40} {:>8} B  parse {:>8}  extract {:>8}  analyze {:>8}  readerable {:>7}  ours {:>8}  dom_smoothie {:>8}",
                name, t.bytes, f(t.parse_ms), f(t.extract_ms), f(t.analyze_ms), f(t.readerable_ms), f(t.ours_ms), f(t.dom_smoothie_ms)
            );
        }
        times.push(t);
    }
    let _ = panic::take_hook();

    let stats: Vec<Stat> = [
        stat("parse", times.iter().map(|t| t.parse_ms)),
        stat("extract", times.iter().map(|t| t.extract_ms)),
        stat("analyze", times.iter().map(|t| t.analyze_ms)),
        stat("classify", times.iter().map(|t| t.classify_ms)),
        stat("readerable", times.iter().map(|t| t.readerable_ms)),
        stat("ours: parse + extract", times.iter().map(|t| t.ours_ms)),
        stat(
            "dom_smoothie: parse + extract",
            times.iter().map(|t| t.dom_smoothie_ms),
        ),
    ]
    .into_iter()
    .flatten()
    .collect();

    let mut page_ratios: Vec<f64> = times
        .iter()
        .filter_map(|t| Some(t.ours_ms? / t.dom_smoothie_ms?))
        .collect();
    page_ratios.sort_by(f64::total_cmp);
    let find = |s: &str| stats.iter().find(|x| x.stage == s);
    let ratios = match (
        find("ours: parse + extract"),
        find("dom_smoothie: parse + extract"),
    ) {
        (Some(o), Some(d)) if !page_ratios.is_empty() => Some(Ratios {
            median_of_page_ratios: median(&page_ratios),
            of_totals: o.total_ms / d.total_ms,
            of_medians: o.median_ms / d.median_ms,
        }),
        _ => None,
    };
    let extract_err = times.iter().filter(|t| !t.extract_ok).count();
    let smoothie_err = times.iter().filter(|t| !t.dom_smoothie_ok).count();

    println!(
        "\ntidyread native bench{}: {} pages from {}, fastest of {} runs of >= {} ms per stage and page",
        if c.smoke { " (smoke run: pass --bench, as cargo bench does, for timings)" } else { "" },
        times.len(),
        dir.display(),
        c.runs,
        c.run_time.as_millis()
    );
    println!(
        "{:<32} {:>6} {:>11} {:>11} {:>12}",
        "stage (ms per page)", "pages", "median", "p95", "total"
    );
    for s in &stats {
        println!(
            "{:<32} {:>6} {:>11.3} {:>11.3} {:>12.1}",
            s.stage, s.pages, s.median_ms, s.p95_ms, s.total_ms
        );
    }
    println!(
        "extract and analyze run on a page parsed once; dom_smoothie's one call parses and extracts, so it compares with ours: parse + extract."
    );
    if extract_err > 0 || smoothie_err > 0 {
        println!(
            "errors (timed until the error): our extract on {extract_err} pages, dom_smoothie on {smoothie_err} pages"
        );
    }
    if let Some(r) = ratios {
        println!(
            "ours / dom_smoothie (parse + extract): median of per-page ratios {:.2}x, of corpus totals {:.2}x, of medians {:.2}x",
            r.median_of_page_ratios, r.of_totals, r.of_medians
        );
    }
    println!("bench wall time {:.1} s", started.elapsed().as_secs_f64());

    if c.write {
        let results = Results {
            what: "ms per page: fastest of runs; dom_smoothie parses and extracts, compare with ours: parse + extract",
            url: PAGE_URL,
            runs: c.runs,
            run_ms: c.run_time.as_millis(),
            pages: times.len(),
            extract_err_pages: extract_err,
            dom_smoothie_err_pages: smoothie_err,
            stats: &stats,
            ratio_ours_to_dom_smoothie: ratios.unwrap_or(Ratios {
                median_of_page_ratios: f64::NAN,
                of_totals: f64::NAN,
                of_medians: f64::NAN,
            }),
            per_page: &times,
        };
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(RESULTS_FILE);
        match serde_json::to_string_pretty(&results) {
            Ok(json) => match std::fs::write(&path, json + "\n") {
                Ok(()) => println!("wrote {}", path.display()),
                Err(e) => eprintln!("native bench: cannot write {}: {e}", path.display()),
            },
            Err(e) => eprintln!("native bench: {e}"),
        }
        write_report(&report(&c, &results));
    }
}

/// The commit measured, and whether the files that make the core differed from it.
fn commit() -> String {
    let git = |args: &[&str]| {
        std::process::Command::new("git")
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
    };
    let Some(head) = git(&["rev-parse", "--short", "HEAD"]) else {
        return "an unknown commit".to_owned();
    };
    let dirty = git(&[
        "status",
        "--porcelain",
        "--",
        "src",
        "Cargo.toml",
        "Cargo.lock",
    ])
    .is_some_and(|s| !s.is_empty());
    if dirty {
        format!("commit {head} plus uncommitted changes")
    } else {
        format!("commit {head}")
    }
}

/// The markdown of this run, for docs/benchmarks.md.
fn report(c: &Config, r: &Results) -> String {
    // The machine is shared: absolute times are comparable only at a similar load.
    let load = std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| {
            l.split_whitespace()
                .next()
                .map(|l| format!(", load average {l} at the end"))
        })
        .unwrap_or_default();
    let mut out = format!(
        "Native core at {}{load}; {} corpus pages; each stage of each page timed as the fastest of \
         {} runs of at least {} ms. `extract` and `analyze` run on a page parsed once; \
         dom_smoothie's one call parses and extracts, so it compares with ours: parse + extract.\n\n\
         | stage, ms per page | pages | median | p95 | total |\n|---|---:|---:|---:|---:|\n",
        commit(),
        r.pages,
        c.runs,
        c.run_time.as_millis()
    );
    for s in r.stats {
        out += &format!(
            "| {} | {} | {:.3} | {:.3} | {:.1} |\n",
            s.stage, s.pages, s.median_ms, s.p95_ms, s.total_ms
        );
    }
    let q = &r.ratio_ours_to_dom_smoothie;
    out += &format!(
        "\nOurs / dom_smoothie (parse + extract): median of per-page ratios {:.2}x, of corpus \
         totals {:.2}x, of medians {:.2}x. Errors: our extract on {} pages, dom_smoothie on {}.\n",
        q.median_of_page_ratios,
        q.of_totals,
        q.of_medians,
        r.extract_err_pages,
        r.dom_smoothie_err_pages
    );
    out
}

/// Puts `body` between this bench's markers in docs/benchmarks.md (at the end when they are not
/// there yet), leaving the rest of the file as it is.
fn write_report(body: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(REPORT_FILE);
    let doc = std::fs::read_to_string(&path).unwrap_or_default();
    let section = format!("{REPORT_BEGIN}\n{body}{REPORT_END}");
    let updated = match (doc.find(REPORT_BEGIN), doc.find(REPORT_END)) {
        (Some(begin), Some(end)) if begin < end => {
            format!(
                "{}{section}{}",
                &doc[..begin],
                &doc[end + REPORT_END.len()..]
            )
        }
        _ => format!("{doc}\n{section}\n"),
    };
    match std::fs::write(&path, updated) {
        Ok(()) => println!("wrote its part of {}", path.display()),
        Err(e) => eprintln!("native bench: cannot write {}: {e}", path.display()),
    }
}

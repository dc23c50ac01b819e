//! Pathological pages (`tests/common/pathological.rs`), timed: parse, extract and analyze per
//! case, against a plain article of the same size parsed and analysed in the same run, so the
//! ratio says what the shape of the page costs beyond its size.
//!
//! ```text
//! cargo bench --bench pathological             # every case
//! cargo bench --bench pathological -- nested   # only cases whose name contains "nested"
//! ```
//!
//! Each figure is the fastest of `TIDYREAD_BENCH_RUNS` runs (default 3). Without `--bench` (as
//! `cargo test --benches` runs it) it is a smoke run: one run of each case under a megabyte.
//! `tests/pathological.rs` checks the same pages for correctness, untimed.

#[allow(dead_code)]
#[path = "../tests/common/pathological.rs"]
mod pathological;

use std::hint::black_box;
use std::time::{Duration, Instant};

use tidyread::Options;

#[derive(Clone, Copy, Default)]
struct Timing {
    parse: Duration,
    extract: Duration,
    analyze: Duration,
    nodes: usize,
}

impl Timing {
    fn total(&self) -> Duration {
        self.parse + self.extract + self.analyze
    }
}

/// Parses, extracts and analyses `bytes` once; what fails is reported as a refusal, not timed.
fn run_once(bytes: &[u8], options: &Options) -> Result<Timing, String> {
    let t0 = Instant::now();
    let dom = tidyread::parse_html(bytes).map_err(|e| e.to_string())?;
    let t1 = Instant::now();
    let article = black_box(tidyread::extract(&dom, options));
    let t2 = Instant::now();
    black_box(tidyread::analyze(&dom, options));
    let t3 = Instant::now();
    drop(article);
    Ok(Timing {
        parse: t1 - t0,
        extract: t2 - t1,
        analyze: t3 - t2,
        nodes: dom.len(),
    })
}

fn fastest(bytes: &[u8], options: &Options, runs: usize) -> Result<Timing, String> {
    let mut best: Option<Timing> = None;
    for _ in 0..runs {
        let t = run_once(bytes, options)?;
        if best.is_none_or(|b| t.total() < b.total()) {
            best = Some(t);
        }
    }
    Ok(best.unwrap_or_default())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let smoke = !args.iter().any(|a| a == "--bench");
    let filter = args.iter().find(|a| !a.starts_with('-')).cloned();
    let runs = if smoke {
        1
    } else {
        std::env::var("TIDYREAD_BENCH_RUNS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(3usize)
            .max(1)
    };
    let options = Options {
        url: Some("https://example.org/news/page.html".to_owned()),
        ..Options::default()
    };
    println!(
        "{:<24} {:>9} {:>8} {:>9} {:>9} {:>9} {:>9} {:>10} {:>7}",
        "case", "bytes", "nodes", "parse ms", "extr ms", "anlz ms", "total ms", "plain ms", "ratio"
    );
    for case in pathological::cases() {
        if filter
            .as_ref()
            .is_some_and(|f| !case.name.contains(f.as_str()))
        {
            continue;
        }
        let bytes = case.bytes();
        if smoke && bytes.len() > 1 << 20 {
            continue;
        }
        let plain = pathological::plain_article(bytes.len());
        let baseline = fastest(&plain, &options, runs).map(|t| t.total());
        match fastest(&bytes, &options, runs) {
            Ok(t) => {
                let base = baseline.map(ms).unwrap_or(f64::NAN);
                println!(
                    "{:<24} {:>9} {:>8} {:>9.1} {:>9.1} {:>9.1} {:>9.1} {:>10.1} {:>7.1}",
                    case.name,
                    bytes.len(),
                    t.nodes,
                    ms(t.parse),
                    ms(t.extract),
                    ms(t.analyze),
                    ms(t.total()),
                    base,
                    ms(t.total()) / base.max(0.01),
                );
            }
            Err(e) => println!("{:<24} {:>9} refused: {e}", case.name, bytes.len()),
        }
    }
}

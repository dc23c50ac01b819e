//! Native speed of the declutter classifier over the corpus:
//! `cargo run --release --example declutter_bench [CORPUS_DIR]`.
use std::time::{Duration, Instant};

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| {
        concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/readability").to_owned()
    });
    let mut pages: Vec<_> = std::fs::read_dir(&dir)
        .expect("corpus")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    pages.sort();
    let options = tidyread::Options::default();
    let mut rows = Vec::new();
    let mut total = Duration::ZERO;
    for page in &pages {
        let Ok(bytes) = std::fs::read(page.join("source.html")) else {
            continue;
        };
        let dom = tidyread::parse_html(&bytes).expect("parse");
        let article = tidyread::extract(&dom, &options).ok();
        const RUNS: u32 = 20;
        let start = Instant::now();
        for _ in 0..RUNS {
            std::hint::black_box(tidyread::declutter::classify(
                &dom,
                article.as_ref(),
                &options,
            ));
        }
        let per = start.elapsed() / RUNS;
        total += per;
        rows.push((
            per,
            dom.len(),
            page.file_name().unwrap().to_string_lossy().into_owned(),
        ));
    }
    rows.sort();
    for (t, nodes, name) in rows.iter().rev().take(10) {
        println!("{:>8} µs {:>7} nodes  {name}", t.as_micros(), nodes);
    }
    let median = rows[rows.len() / 2].0;
    println!(
        "{} pages: mean {} µs, median {} µs",
        rows.len(),
        total.as_micros() / rows.len() as u128,
        median.as_micros()
    );
}

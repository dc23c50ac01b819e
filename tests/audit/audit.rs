//! The reader-view audit: every page of a corpus through the core, and what its reader HTML does
//! with pictures and embeds (`tests/common/audit.rs` says what is checked).
//!
//! ```text
//! cargo run --profile eval --example audit -- [--corpus DIR] [--wcxb DIR] [--all]
//! ```
//!
//! - `--corpus`: a Readability-style corpus (`<page>/source.html`); by default the one beside the
//!   crate, as the eval reads it.
//! - `--wcxb`: the WCXB split instead (`pages/<id>.html.gz` and `ground-truth.json` for each
//!   page's address); the pages are read through `gzip -dc`.
//! - A line per page with problems (`--all`: per page), each problem below it, then the totals.
//!   The exit code is 1 when any page has a problem.

#[path = "../common/audit.rs"]
mod audit;
#[allow(dead_code)]
#[path = "../common/corpus.rs"]
mod corpus;
#[allow(dead_code)]
#[path = "../common/f1.rs"]
mod f1;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use tidyread::Options;

const USAGE: &str = "usage: audit [--corpus DIR | --wcxb DIR] [--all]";

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut corpus_dir = corpus::corpus_dir();
    let mut wcxb: Option<PathBuf> = None;
    let mut all = false;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--corpus" => corpus_dir = args.next().map(PathBuf::from).unwrap_or(corpus_dir),
            "--wcxb" => wcxb = args.next().map(PathBuf::from),
            "--all" => all = true,
            _ => {
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    let pages = match &wcxb {
        Some(dir) => wcxb_pages(dir),
        None => readability_pages(&corpus_dir),
    };
    let pages = match pages {
        Ok(p) => p,
        Err(e) => {
            eprintln!("audit: {e}");
            return ExitCode::from(2);
        }
    };
    let mut totals = audit::Totals::default();
    let mut failing = 0;
    for (name, url, read) in pages {
        let bytes = match read() {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{name}: {e}");
                continue;
            }
        };
        let Ok(dom) = tidyread::parse_html(&bytes) else {
            continue;
        };
        let options = Options {
            url: Some(url),
            ..Options::default()
        };
        let Ok(article) = tidyread::extract(&dom, &options) else {
            continue;
        };
        let page = audit::audit(&dom, &article, &options);
        totals.add(&page);
        if page.failures() > 0 {
            failing += 1;
        }
        if all || page.failures() > 0 {
            println!(
                "{name:<40} pictures {:>3}  cards {:>2}/{:<2}  problems {}",
                page.pictures,
                page.cards,
                page.embeds,
                page.failures()
            );
            for p in &page.problems {
                println!("    {p}");
            }
        }
    }
    println!("\n{}\npages with a problem: {failing}", totals.summary());
    if failing > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

type Reader = Box<dyn Fn() -> Result<Vec<u8>, String>>;

fn readability_pages(dir: &Path) -> Result<Vec<(String, String, Reader)>, String> {
    Ok(corpus::pages(dir)?
        .into_iter()
        .map(|p| {
            let name = p.name.clone();
            let read: Reader = Box::new(move || p.source().map_err(|e| e.to_string()));
            (name, corpus::PAGE_URL.to_owned(), read)
        })
        .collect())
}

fn wcxb_pages(dir: &Path) -> Result<Vec<(String, String, Reader)>, String> {
    let truth_path = dir.join("ground-truth.json");
    let truth = std::fs::read(&truth_path).map_err(|e| format!("{}: {e}", truth_path.display()))?;
    let truth: serde_json::Value =
        serde_json::from_slice(&truth).map_err(|e| format!("{}: {e}", truth_path.display()))?;
    let entries = truth
        .as_object()
        .ok_or("ground-truth.json: not an object")?;
    let mut ids: Vec<&String> = entries.keys().collect();
    ids.sort();
    Ok(ids
        .into_iter()
        .map(|id| {
            let url = entries[id]["url"]
                .as_str()
                .unwrap_or("https://example.com/")
                .to_owned();
            let path = dir.join("pages").join(format!("{id}.html.gz"));
            let read: Reader = Box::new(move || {
                let out = std::process::Command::new("gzip")
                    .arg("-dc")
                    .arg(&path)
                    .output()
                    .map_err(|e| format!("gzip: {e}"))?;
                if out.status.success() {
                    Ok(out.stdout)
                } else {
                    Err(format!("gzip -dc {} failed", path.display()))
                }
            });
            (id.clone(), url, read)
        })
        .collect())
}

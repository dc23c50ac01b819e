//! The command line over the core: `extract`, `readerable` and `clean`.
//!
//! Exit codes: 0 on success, 1 when the page has no article, 2 on bad input or usage.

use std::io::{Read, Write};
use std::process::ExitCode;

use tidyread::dom::serialize;
use tidyread::{Dom, Options};

const USAGE: &str = "\
usage: tidyread extract FILE|- [--url URL] [--json | --markdown]
       tidyread readerable FILE|-
       tidyread clean FILE|- [--url URL] [--report] [--keep-comments]";

/// A failure, with the exit code it maps to.
enum Failure {
    /// Bad input or usage: exit 2.
    Input(String),
    /// The page holds no article: exit 1.
    NoArticle(String),
}

/// How `extract` writes the article.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    /// Reader HTML under its title and byline.
    Html,
    /// The article's fields and its text.
    Json,
    /// A Markdown document, as the reader view saves it.
    Markdown,
}

struct Args {
    command: String,
    file: String,
    url: Option<String>,
    format: Format,
    report: bool,
    keep_comments: bool,
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::NoArticle(msg)) => {
            eprintln!("tidyread: {msg}");
            ExitCode::from(1)
        }
        Err(Failure::Input(msg)) => {
            eprintln!("tidyread: {msg}");
            ExitCode::from(2)
        }
    }
}

fn parse_args() -> Result<Args, Failure> {
    let mut args = std::env::args().skip(1);
    let usage = || Failure::Input(USAGE.to_owned());
    let command = args.next().ok_or_else(usage)?;
    if !matches!(command.as_str(), "extract" | "readerable" | "clean") {
        return Err(usage());
    }
    let mut parsed = Args {
        command,
        file: String::new(),
        url: None,
        format: Format::Html,
        report: false,
        keep_comments: false,
    };
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--url" => parsed.url = Some(args.next().ok_or_else(usage)?),
            "--json" | "--markdown" if parsed.format != Format::Html => return Err(usage()),
            "--json" => parsed.format = Format::Json,
            "--markdown" => parsed.format = Format::Markdown,
            "--report" => parsed.report = true,
            "--keep-comments" => parsed.keep_comments = true,
            _ if parsed.file.is_empty() && (arg == "-" || !arg.starts_with('-')) => {
                parsed.file = arg
            }
            _ => return Err(usage()),
        }
    }
    if parsed.file.is_empty() {
        return Err(usage());
    }
    Ok(parsed)
}

fn read_input(file: &str) -> Result<Vec<u8>, Failure> {
    let mut bytes = Vec::new();
    if file == "-" {
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| Failure::Input(format!("cannot read standard input: {e}")))?;
        return Ok(bytes);
    }
    let meta =
        std::fs::metadata(file).map_err(|e| Failure::Input(format!("cannot read {file}: {e}")))?;
    if meta.is_dir() {
        return Err(Failure::Input(format!(
            "{file} is a directory, not an HTML file"
        )));
    }
    std::fs::read(file).map_err(|e| Failure::Input(format!("cannot read {file}: {e}")))
}

fn run() -> Result<(), Failure> {
    let args = parse_args()?;
    let bytes = read_input(&args.file)?;
    let dom =
        tidyread::parse_html(&bytes).map_err(|e| Failure::Input(format!("{}: {e}", args.file)))?;
    let options = Options {
        url: args.url.clone(),
        keep_comments: args.keep_comments,
    };
    let out = match args.command.as_str() {
        "extract" => extract(&dom, &options, args.format)?,
        "readerable" => {
            let r = tidyread::readerable::check(&dom, options.url.as_deref());
            format!(
                "{:.2}\t{}\n",
                r.score,
                if r.readerable { "yes" } else { "no" }
            )
        }
        _ => clean(&dom, &options, args.report),
    };
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`| head`) is not an error worth a message.
    let _ = stdout.write_all(out.as_bytes());
    Ok(())
}

fn extract(dom: &Dom, options: &Options, format: Format) -> Result<String, Failure> {
    let article = tidyread::extract(dom, options).map_err(|e| Failure::NoArticle(e.to_string()))?;
    if format == Format::Markdown {
        return Ok(tidyread::markdown::of_article(
            &article,
            options.url.as_deref(),
        ));
    }
    if format == Format::Json {
        #[derive(serde::Serialize)]
        struct WithText<'a> {
            #[serde(flatten)]
            article: &'a tidyread::Article,
            text: &'a str,
        }
        let with_text = WithText {
            article: &article,
            text: &article.text,
        };
        let mut s =
            serde_json::to_string_pretty(&with_text).map_err(|e| Failure::Input(e.to_string()))?;
        s.push('\n');
        return Ok(s);
    }
    let mut out = String::new();
    out.push_str(&format!("<h1>{}</h1>\n", escape(&article.title)));
    if let Some(byline) = &article.byline {
        out.push_str(&format!("<p class=\"byline\">{}</p>\n", escape(byline)));
    }
    out.push_str(&article.content);
    out.push('\n');
    Ok(out)
}

fn clean(dom: &Dom, options: &Options, report: bool) -> String {
    let analysis = tidyread::analyze(dom, options);
    if report {
        return analysis
            .removals
            .iter()
            .filter_map(|r| serde_json::to_string(r).ok())
            .map(|line| line + "\n")
            .collect();
    }
    let removed: std::collections::HashSet<_> = analysis.removals.iter().map(|r| r.node).collect();
    serialize::to_html(dom, |id| removed.contains(&id))
}

fn escape(s: &str) -> String {
    let mut out = String::new();
    serialize::escape_into(s, false, &mut out);
    out
}

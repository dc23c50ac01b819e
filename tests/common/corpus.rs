//! The Readability corpus and one page's run through the core, shared by the eval
//! (`tests/eval/eval.rs`) and the corpus test (`tests/extract_readability_corpus.rs`).
//!
//! Each page is `<corpus>/<page>/{source.html, expected.html, expected-metadata.json}`: Mozilla
//! Readability's own test pages and its output for them.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::Instant;

use serde::Serialize;
use tidyread::dom::{Dom, NodeData, NodeId};
use tidyread::{Article, Options};

use crate::f1::{self, Score};

/// The address Readability's test suite gives every page: its expected links are made absolute
/// against it (`foo/bar/baz.html` in base-url becomes `http://fakehost/test/foo/bar/baz.html`).
pub const PAGE_URL: &str = "http://fakehost/test/page.html";

/// The corpus folder: `$TIDYREAD_CORPUS`, else `shared/corpus/readability` beside the repository.
pub fn corpus_dir() -> PathBuf {
    match std::env::var_os("TIDYREAD_CORPUS") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/readability"),
    }
}

/// One corpus page: its name and folder.
#[derive(Clone, Debug)]
pub struct Page {
    pub name: String,
    pub dir: PathBuf,
}

impl Page {
    pub fn source(&self) -> std::io::Result<Vec<u8>> {
        std::fs::read(self.dir.join("source.html"))
    }
}

/// Every page folder under `dir` that has a `source.html`, sorted by name.
pub fn pages(dir: &Path) -> Result<Vec<Page>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| {
        format!(
            "cannot read the corpus at {} ({e}); set TIDYREAD_CORPUS to its folder",
            dir.display()
        )
    })?;
    let mut pages: Vec<Page> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join("source.html").is_file())
        .map(|dir| Page {
            name: dir
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned(),
            dir,
        })
        .collect();
    pages.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(pages)
}

/// Readability's expected output for a page.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Expected {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub dir: Option<String>,
    pub lang: Option<String>,
    pub excerpt: Option<String>,
    pub site_name: Option<String>,
    pub published_time: Option<String>,
    pub readerable: Option<bool>,
    /// Metadata keys the file leaves out: Readability's tests assert nothing about them (56 pages
    /// omit `lang`, 2 omit `excerpt`), so neither does the eval.
    pub missing: Vec<&'static str>,
    /// The text of `expected.html`, blocks separated by blank lines.
    #[serde(skip)]
    pub text: String,
}

/// The keys of `expected-metadata.json`.
pub const METADATA_KEYS: &[&str] = &[
    "title",
    "byline",
    "dir",
    "lang",
    "excerpt",
    "siteName",
    "publishedTime",
    "readerable",
];

/// Reads a page's expected metadata and text. A missing key reads as null, and is listed in
/// [`Expected::missing`].
pub fn expected(page: &Page) -> Result<Expected, String> {
    let meta_path = page.dir.join("expected-metadata.json");
    let meta = std::fs::read(&meta_path).map_err(|e| format!("{}: {e}", meta_path.display()))?;
    let meta: serde_json::Value =
        serde_json::from_slice(&meta).map_err(|e| format!("{}: {e}", meta_path.display()))?;
    let s = |key: &str| meta.get(key).and_then(|v| v.as_str()).map(str::to_owned);
    let html_path = page.dir.join("expected.html");
    let html = std::fs::read(&html_path).map_err(|e| format!("{}: {e}", html_path.display()))?;
    let dom = tidyread::parse_html(&html).map_err(|e| format!("{}: {e}", html_path.display()))?;
    Ok(Expected {
        title: s("title"),
        byline: s("byline"),
        dir: s("dir"),
        lang: s("lang"),
        excerpt: s("excerpt"),
        site_name: s("siteName"),
        published_time: s("publishedTime"),
        readerable: meta.get("readerable").and_then(|v| v.as_bool()),
        missing: METADATA_KEYS
            .iter()
            .copied()
            .filter(|k| meta.get(k).is_none())
            .collect(),
        text: document_text(&dom),
    })
}

/// Elements that start and end a block of text. Anything else is inline: its text runs on.
const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// Elements whose content is never read as text.
const SKIP_TAGS: &[&str] = &["script", "style", "noscript", "template", "head", "title"];

/// The text of a whole document (its body, else everything), as [`block_text`].
pub fn document_text(dom: &Dom) -> String {
    block_text(dom, dom.body().unwrap_or(NodeId::ROOT))
}

/// The text under `root` as a reader sees it: each block's whitespace collapsed, blocks (and
/// `<br>`-separated lines) separated by blank lines. Written here, not taken from the core, so the
/// instrument does not share the extractor's text code.
pub fn block_text(dom: &Dom, root: NodeId) -> String {
    let mut blocks: Vec<String> = Vec::new();
    let mut line = String::new();
    let flush = |line: &mut String, blocks: &mut Vec<String>| {
        let text = tidyread::text::normalize_space(line);
        if !text.is_empty() {
            blocks.push(text);
        }
        line.clear();
    };
    // An explicit stack of (node, entering) so deep pages cost no recursion.
    let mut stack = vec![(root, true)];
    while let Some((id, entering)) = stack.pop() {
        match dom.data(id) {
            NodeData::Text(t) if entering => line.push_str(t),
            NodeData::Element(e) => {
                let name = &*e.name;
                if SKIP_TAGS.contains(&name) {
                    continue;
                }
                if name == "br" {
                    flush(&mut line, &mut blocks);
                    continue;
                }
                let block = BLOCK_TAGS.contains(&name);
                if block {
                    flush(&mut line, &mut blocks);
                } else if name == "img" || name == "input" {
                    // Replaced elements separate the words around them.
                    line.push(' ');
                }
                if entering {
                    stack.push((id, false));
                    let children: Vec<NodeId> = dom.children(id).collect();
                    stack.extend(children.into_iter().rev().map(|c| (c, true)));
                }
            }
            NodeData::Document | NodeData::Fragment if entering => {
                let children: Vec<NodeId> = dom.children(id).collect();
                stack.extend(children.into_iter().rev().map(|c| (c, true)));
            }
            _ => {}
        }
    }
    flush(&mut line, &mut blocks);
    blocks.join("\n\n")
}

/// True when `want` is `ours` followed by names the page gives its site or author, each after a
/// separator ("Story | eHow", "Story - Author - Medium"): Readability keeps them in titles, we
/// take them off. A name also matches less its domain ending ("Factorio" for "Factorio.com").
pub fn less_names(ours: &str, want: &str, names: &[Option<&str>]) -> bool {
    let key = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let (ours, want) = (norm(ours), norm(want));
    let Some(rest) = want.strip_prefix(&ours) else {
        return false;
    };
    let known: Vec<String> = names
        .iter()
        .flatten()
        .flat_map(|n| [key(n), key(n.split('.').next().unwrap_or(n))])
        .filter(|k| !k.is_empty())
        .collect();
    let parts: Vec<&str> = rest
        .split(['|', '-', '–', '—', '·', '｜'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    !ours.is_empty() && !parts.is_empty() && parts.iter().all(|p| known.contains(&key(p)))
}

/// Whitespace collapsed and trimmed: how titles and bylines are compared.
pub fn norm(s: &str) -> String {
    tidyread::text::normalize_space(s)
}

/// How our byline compares with the expected one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BylineMatch {
    /// Equal after whitespace normalisation.
    Exact,
    /// Not equal, but one contains the other, ignoring case.
    Contains,
    /// Both present and unrelated.
    Wrong,
    /// Expected one, found none.
    Missing,
    /// Found one where none is expected.
    Extra,
    /// None expected, none found.
    NoneExpected,
}

impl BylineMatch {
    pub fn of(ours: Option<&str>, expected: Option<&str>) -> BylineMatch {
        let ours = ours.map(norm).filter(|s| !s.is_empty());
        let expected = expected.map(norm).filter(|s| !s.is_empty());
        match (ours, expected) {
            (None, None) => BylineMatch::NoneExpected,
            (Some(_), None) => BylineMatch::Extra,
            (None, Some(_)) => BylineMatch::Missing,
            (Some(o), Some(e)) if o == e => BylineMatch::Exact,
            (Some(o), Some(e)) => {
                let (o, e) = (o.to_lowercase(), e.to_lowercase());
                if o.contains(&e) || e.contains(&o) {
                    BylineMatch::Contains
                } else {
                    BylineMatch::Wrong
                }
            }
        }
    }

    /// Counts as agreement in the lenient measure.
    pub fn lenient_ok(self) -> bool {
        matches!(self, BylineMatch::Exact | BylineMatch::Contains)
    }

    /// A short mark for tables.
    pub fn mark(self) -> &'static str {
        match self {
            BylineMatch::Exact => "ok",
            BylineMatch::Contains => "~",
            BylineMatch::Wrong => "x",
            BylineMatch::Missing => "miss",
            BylineMatch::Extra => "+",
            BylineMatch::NoneExpected => "-",
        }
    }
}

/// Where our text for scoring comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextSource {
    /// `Article::text`, the core's own plain text.
    Text,
    /// `Article::content` re-parsed and read with [`block_text`], as the expected side is.
    Content,
}

/// What happened when one stage ran.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind", content = "message")]
pub enum Failure {
    /// `parse_html` refused the source.
    Input(String),
    /// `extract` returned an error.
    Extract(String),
    /// A stage panicked; the message says which.
    Panic(String),
}

/// One metadata field: ours, expected, and whether they agree after whitespace normalisation
/// (an empty string and none agree).
#[derive(Clone, Debug, Serialize)]
pub struct Field {
    pub ours: Option<String>,
    pub expected: Option<String>,
    /// The corpus states this key for the page; when it does not, `ok` is true.
    pub asserted: bool,
    pub ok: bool,
}

impl Field {
    fn new(ours: Option<&str>, expected: Option<&str>, asserted: bool) -> Field {
        let n = |s: Option<&str>| s.map(norm).filter(|s| !s.is_empty());
        Field {
            ok: !asserted || n(ours) == n(expected),
            asserted,
            ours: ours.map(str::to_owned),
            expected: expected.map(str::to_owned),
        }
    }
}

/// Everything measured on one page.
#[derive(Clone, Debug, Serialize)]
pub struct PageResult {
    pub page: String,
    /// Extract returned an article.
    pub article: bool,
    /// Why there is no article, or what panicked (extract or readerable).
    pub failures: Vec<Failure>,
    pub score: Score,
    pub title: Field,
    /// Our title is Readability's less the site's or the author's name, which it keeps.
    pub title_less_name: bool,
    pub byline: BylineMatch,
    pub byline_field: Field,
    pub readerable: Field,
    pub readerable_score: Option<f64>,
    pub lang: Field,
    pub dir: Field,
    pub excerpt: Field,
    pub site_name: Field,
    pub published_time: Field,
    /// Wall time: parse of the source, extract, readerable check; and their sum.
    pub parse_ms: f64,
    pub extract_ms: f64,
    pub readerable_ms: f64,
    pub ms: f64,
    /// Our text as scored.
    #[serde(skip)]
    pub text: String,
}

impl PageResult {
    pub fn panicked(&self) -> bool {
        self.failures.iter().any(|f| matches!(f, Failure::Panic(_)))
    }

    /// The source was refused or extract returned an error (not a panic).
    pub fn extract_err(&self) -> bool {
        self.failures
            .iter()
            .any(|f| matches!(f, Failure::Extract(_) | Failure::Input(_)))
    }
}

thread_local! {
    /// Where the last guarded panic on this thread happened, recorded by [`quiet_panics`].
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
    /// True while [`guarded`] runs a stage on this thread.
    static GUARDING: Cell<bool> = const { Cell::new(false) };
}

/// Makes panics inside [`guarded`] record their place instead of printing, so a run over the
/// corpus stays readable ([`run_page`] reports each message with its page). Panics elsewhere, such
/// as a failing assertion in a test, still go to the previous hook.
pub fn quiet_panics() {
    let previous = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        if GUARDING.with(Cell::get) {
            let place = info
                .location()
                .map(|l| format!(" at {}:{}", l.file(), l.line()))
                .unwrap_or_default();
            LAST_PANIC.with(|p| *p.borrow_mut() = Some(place));
        } else {
            previous(info);
        }
    }));
}

fn panic_message(stage: &str, payload: Box<dyn Any + Send>) -> String {
    let msg = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "(non-string payload)".to_owned());
    let place = LAST_PANIC
        .with(|p| p.borrow_mut().take())
        .unwrap_or_default();
    format!("{stage}: {msg}{place}")
}

/// Runs `f`, turning a panic into a message naming `stage`.
pub fn guarded<T>(stage: &str, f: impl FnOnce() -> T) -> Result<T, String> {
    let outer = GUARDING.with(|g| g.replace(true));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    GUARDING.with(|g| g.set(outer));
    result.map_err(|p| panic_message(stage, p))
}

fn ms_since(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1000.0
}

/// The options every corpus page is extracted with.
pub fn options() -> Options {
    Options {
        url: Some(PAGE_URL.to_owned()),
        keep_comments: false,
    }
}

/// The text of an article's reader HTML, read as the expected side is read.
pub fn content_text(content: &str) -> String {
    match tidyread::parse_html(content.as_bytes()) {
        Ok(dom) => document_text(&dom),
        Err(_) => String::new(),
    }
}

/// Parses the page, extracts and checks it (each stage under `catch_unwind`), and scores the
/// result against the expected output.
pub fn run_page(page: &Page, expected: &Expected, source: &[u8], from: TextSource) -> PageResult {
    run_page_with(page, expected, source, from, |_, _| {})
}

/// [`run_page`], also handing the parsed page to `also` (untimed), which may add failures.
pub fn run_page_with(
    page: &Page,
    expected: &Expected,
    source: &[u8],
    from: TextSource,
    also: impl FnOnce(&Dom, &mut Vec<Failure>),
) -> PageResult {
    let mut failures = Vec::new();
    let opts = options();

    let t = Instant::now();
    let dom = match guarded("parse", || tidyread::parse_html(source)) {
        Ok(Ok(dom)) => Some(dom),
        Ok(Err(e)) => {
            failures.push(Failure::Input(e.to_string()));
            None
        }
        Err(p) => {
            failures.push(Failure::Panic(p));
            None
        }
    };
    let parse_ms = ms_since(t);

    let t = Instant::now();
    let article: Option<Article> =
        dom.as_ref().and_then(
            |dom| match guarded("extract", || tidyread::extract(dom, &opts)) {
                Ok(Ok(a)) => Some(a),
                Ok(Err(e)) => {
                    failures.push(Failure::Extract(e.to_string()));
                    None
                }
                Err(p) => {
                    failures.push(Failure::Panic(p));
                    None
                }
            },
        );
    let extract_ms = ms_since(t);

    let t = Instant::now();
    let readerable = dom.as_ref().and_then(|dom| {
        guarded("readerable", || {
            tidyread::readerable::check(dom, opts.url.as_deref())
        })
        .map_err(|p| failures.push(Failure::Panic(p)))
        .ok()
    });
    let readerable_ms = ms_since(t);
    if let Some(dom) = &dom {
        also(dom, &mut failures);
    }

    let text = match (&article, from) {
        (Some(a), TextSource::Text) => a.text.clone(),
        (Some(a), TextSource::Content) => content_text(&a.content),
        (None, _) => String::new(),
    };
    let a = article.as_ref();
    let field = |ours: Option<&str>, want: &Option<String>, key: &str| {
        Field::new(ours, want.as_deref(), !expected.missing.contains(&key))
    };
    let ours_byline = a.and_then(|a| a.byline.as_deref());
    let rd = |b: bool| if b { "true" } else { "false" };
    let mut title = field(a.map(|a| a.title.as_str()), &expected.title, "title");
    let title_less_name = !title.ok
        && a.zip(expected.title.as_deref()).is_some_and(|(a, want)| {
            let names = [
                a.site_name.as_deref(),
                expected.site_name.as_deref(),
                ours_byline,
                expected.byline.as_deref(),
            ];
            less_names(&a.title, want, &names)
        });
    title.ok |= title_less_name;
    PageResult {
        page: page.name.clone(),
        article: article.is_some(),
        score: f1::score(&text, &expected.text),
        title,
        title_less_name,
        byline: BylineMatch::of(ours_byline, expected.byline.as_deref()),
        byline_field: field(ours_byline, &expected.byline, "byline"),
        readerable: Field::new(
            readerable.map(|r| rd(r.readerable)),
            expected.readerable.map(rd),
            !expected.missing.contains(&"readerable"),
        ),
        readerable_score: readerable.map(|r| r.score),
        lang: field(a.and_then(|a| a.lang.as_deref()), &expected.lang, "lang"),
        dir: field(a.and_then(|a| a.dir.as_deref()), &expected.dir, "dir"),
        excerpt: field(
            a.and_then(|a| a.excerpt.as_deref()),
            &expected.excerpt,
            "excerpt",
        ),
        site_name: field(
            a.and_then(|a| a.site_name.as_deref()),
            &expected.site_name,
            "siteName",
        ),
        published_time: field(
            a.and_then(|a| a.published_time.as_deref()),
            &expected.published_time,
            "publishedTime",
        ),
        parse_ms,
        extract_ms,
        readerable_ms,
        ms: parse_ms + extract_ms + readerable_ms,
        failures,
        text,
    }
}

//! The web door: the only module that touches wasm-bindgen, js-sys and web-sys.
//!
//! It holds no heuristics. It decodes the content script's snapshot into the core's `Dom`, runs
//! the core, and hands the result back as plain JavaScript objects (`crate::plain`). The same
//! exports run in the content script and, on pages whose CSP forbids wasm there (Chromium), in
//! the background.
#![deny(clippy::unwrap_used, clippy::expect_used)]

use wasm_bindgen::prelude::*;

use crate::dom::selector::named_selector;
use crate::dom::snapshot;
use crate::plain::{self, Value};
use crate::{Options, Parts};

/// A panic's message goes to the console, where the build keeps the panic machinery (rustup's
/// prebuilt std); the Debian build traps at once instead (scripts/wasm-build.sh), and the caller
/// gets a `RuntimeError`.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// Options as JavaScript passes them; every field may be left out.
struct JsOptions {
    url: Option<String>,
    keep_comments: bool,
    /// Send the article back (the reader view needs it; a declutter run does not).
    article: bool,
    /// Send the removals back (a declutter run needs them; the reader view does not).
    removals: bool,
    /// Send the article as Markdown too (`article.markdown`: the reader view's save and copy).
    markdown: bool,
    /// The snapshot is a part of the page (`classify_part`): only its clutter.
    part: bool,
    /// In a part: the snapshot's node that is the whole page's region, if it holds it.
    region: Option<u32>,
    /// In a part: whether the whole page's analysis found an article.
    article_found: bool,
}

impl Default for JsOptions {
    fn default() -> Self {
        JsOptions {
            url: None,
            keep_comments: false,
            article: true,
            removals: true,
            markdown: false,
            part: false,
            region: None,
            article_found: false,
        }
    }
}

impl JsOptions {
    /// Reads the fields one by one rather than through serde: a derived `Deserialize` brings
    /// serde's error messages, float formatting included, into the wasm for four fields.
    fn read(options: &JsValue) -> Result<Self, JsError> {
        let field = |name: &str| -> Result<Option<JsValue>, JsError> {
            if options.is_undefined() || options.is_null() {
                return Ok(None);
            }
            let value = js_sys::Reflect::get(options, &JsValue::from_str(name))
                .map_err(|_| JsError::new(&format!("options.{name}: cannot be read")))?;
            Ok((!value.is_undefined() && !value.is_null()).then_some(value))
        };
        let flag = |name: &str, default: bool| -> Result<bool, JsError> {
            match field(name)? {
                None => Ok(default),
                Some(v) => v
                    .as_bool()
                    .ok_or_else(|| JsError::new(&format!("options.{name}: expected a boolean"))),
            }
        };
        let url = match field("url")? {
            None => None,
            Some(v) => Some(
                v.as_string()
                    .ok_or_else(|| JsError::new("options.url: expected a string"))?,
            ),
        };
        let region = match field("region")? {
            None => None,
            Some(v) => Some(
                v.as_f64()
                    .filter(|n| n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(n))
                    .ok_or_else(|| JsError::new("options.region: expected a node index"))?
                    as u32,
            ),
        };
        let defaults = Self::default();
        Ok(JsOptions {
            url,
            keep_comments: flag("keepComments", defaults.keep_comments)?,
            article: flag("article", defaults.article)?,
            removals: flag("removals", defaults.removals)?,
            markdown: flag("markdown", defaults.markdown)?,
            part: flag("part", defaults.part)?,
            region,
            article_found: flag("articleFound", defaults.article_found)?,
        })
    }
}

/// Converts any core error into a JavaScript `Error`, once, at the boundary.
trait IntoJsResult<T> {
    fn into_js(self) -> Result<T, JsError>;
}

impl<T, E: std::fmt::Display> IntoJsResult<T> for Result<T, E> {
    fn into_js(self) -> Result<T, JsError> {
        self.map_err(|e| JsError::new(&e.to_string()))
    }
}

/// Analyses a page snapshot (`extension/snapshot.js`): readerable check, article, removals, and
/// the region decluttering was most careful in (`region`, a node index or null).
/// `options.article: false` leaves the article out of the result, `options.removals: false` skips
/// the clutter (an empty list): what each caller does not need costs nothing to cross.
/// `options.markdown: true` adds the article as Markdown (`article.markdown`).
/// `region` and `articleFound` say what a part of the page needs to know of the whole.
/// `options.part: true`: the snapshot is a part of the page with its ancestors as context
/// (`classify_part`); `options.articleFound` and `options.region` (the part's node that is the
/// whole page's region, if any) are what the analysis of the whole page said. Only the removals
/// come back (no readerable check, no article).
#[wasm_bindgen]
pub fn analyze(words: Vec<u32>, strings: String, options: JsValue) -> Result<JsValue, JsError> {
    let options = JsOptions::read(&options)?;
    let clock = Clock::new();
    let t0 = clock.now();
    let dom = snapshot::decode(&words, &strings).into_js()?;
    // The snapshot's copy in wasm memory is free again for the analysis: on a 200,000-node page
    // it is a few megabytes of the peak, which the wasm memory keeps.
    drop((words, strings));
    let decode_ms = clock.now() - t0;
    respond(&dom, options, &clock, decode_ms)
}

/// A CSS selector that finds the snapshot's node `node` and nothing else on the page, built to
/// keep finding the same block on the site's other pages (`dom::selector`): what a block the
/// user hides by hand is kept as. `undefined` when the node cannot have one.
#[wasm_bindgen(js_name = stableSelector)]
pub fn stable_selector(
    words: Vec<u32>,
    strings: String,
    node: u32,
) -> Result<Option<String>, JsError> {
    let dom = snapshot::decode(&words, &strings).into_js()?;
    if node as usize >= dom.len() {
        return Ok(None);
    }
    Ok(crate::dom::selector::stable_selector(
        &dom,
        crate::NodeId(node),
    ))
}

/// Runs the core once, as `analyze` does, on a small built-in page ([`crate::warm_up`]), and
/// drops the result. V8 compiles wasm lazily, function by function on first call: done while the
/// page is still loading, this takes that cost off the first real analysis.
#[wasm_bindgen(js_name = warmUp)]
pub fn warm_up() -> Result<(), JsError> {
    respond(
        &crate::warm_up::page(),
        JsOptions::default(),
        &Clock::new(),
        0.0,
    )
    .map(drop)
}

/// The core's analysis of `dom`, as JavaScript gets it.
fn respond(
    dom: &crate::Dom,
    options: JsOptions,
    clock: &Clock,
    decode_ms: f64,
) -> Result<JsValue, JsError> {
    let send_article = options.article;
    let send_markdown = options.markdown;
    let parts = Parts {
        removals: options.removals,
        text: false,
    };
    let part = options.part.then_some(crate::WholePage {
        article_found: options.article_found,
        region: options.region.map(crate::NodeId),
    });
    let options = Options {
        url: options.url,
        keep_comments: options.keep_comments,
    };
    let t0 = clock.now();
    let (mut analysis, removals) = match part {
        Some(whole) => (None, crate::classify_part(dom, whole, &options)),
        None => {
            let mut analysis = crate::analyze_parts(dom, &options, parts);
            let removals = std::mem::take(&mut analysis.removals);
            (Some(analysis), removals)
        }
    };
    if let Some(Ok(article)) = analysis.as_mut().map(|a| &mut a.article) {
        if send_article && send_markdown {
            article.markdown = Some(crate::markdown::of_article(article, options.url.as_deref()));
        }
    }
    let analyze_ms = clock.now() - t0;
    let selectors: Vec<Option<String>> = removals
        .iter()
        .map(|r| named_selector(dom, r.node, crate::declutter::name_says_clutter))
        .collect();
    // A part's analysis has only its removals and their selectors; the article only when asked.
    let mut result = Vec::with_capacity(7);
    if let Some(a) = &analysis {
        result.push(("readerable", a.readerable.to_plain()));
        if send_article {
            result.push(("article", plain::article_or_reason(&a.article)));
        }
    }
    result.push((
        "removals",
        Value::List(removals.iter().map(crate::Removal::to_plain).collect()),
    ));
    // For each removal, the selector that hides the block's copies as the page inserts them
    // again (`dom::selector::named_selector`: its own name, one that says it is clutter), or
    // null.
    result.push((
        "selectors",
        Value::List(selectors.iter().map(|s| s.as_ref().into()).collect()),
    ));
    if let Some(a) = &analysis {
        if let Some(region) = a.region {
            result.push(("region", region.0.into()));
        }
        result.push(("articleFound", a.article.is_ok().into()));
    }
    // Where the time went, for the playground and the benchmark: wasm has no `Instant`.
    result.push((
        "timings",
        Value::Record(vec![
            ("decode_ms", decode_ms.into()),
            ("analyze_ms", analyze_ms.into()),
        ]),
    ));
    Ok(to_js(&Value::Record(result)))
}

#[wasm_bindgen]
extern "C" {
    /// A plain JavaScript object, written member by member.
    type Record;
    #[wasm_bindgen(method, indexing_setter)]
    fn set(this: &Record, key: &str, value: JsValue);
}

/// A plain value as JavaScript has it.
fn to_js(value: &Value) -> JsValue {
    match value {
        Value::Null => JsValue::NULL,
        Value::Bool(b) => JsValue::from_bool(*b),
        Value::Number(n) => JsValue::from_f64(*n),
        Value::Str(s) => JsValue::from_str(s),
        Value::List(items) => items.iter().map(to_js).collect::<js_sys::Array>().into(),
        Value::Record(members) => {
            let record: Record = js_sys::Object::new().unchecked_into();
            for (key, v) in members {
                record.set(key, to_js(v));
            }
            record.into()
        }
    }
}

/// `performance.now()` from whichever global this runs in: a page, or the background worker.
struct Clock(Option<web_sys::Performance>);

impl Clock {
    fn new() -> Self {
        let performance =
            js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("performance"))
                .ok()
                .filter(|p| p.is_object())
                .map(JsCast::unchecked_into);
        Clock(performance)
    }

    fn now(&self) -> f64 {
        self.0.as_ref().map_or(0.0, web_sys::Performance::now)
    }
}

/// The core's version, to show beside the extension's.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

//! What must hold for any document the core is given, whatever its shape: the full pipeline
//! (analyze, whose article is extract's) runs without panicking, the reader HTML is safe
//! (`safety.rs`), node ids point into the document, decluttering never removes article text,
//! the article's Markdown keeps every word of it, and the results serialise. Shared by the randomised test, the pathological pages and the fuzz
//! targets; needs `safety.rs` included beside it as `mod safety`.

use tidyread::dom::serialize::to_html;
use tidyread::{Analysis, Dom, NodeId, Options};

/// Runs the pipeline over `dom` and checks the results; `Err` names the first broken rule.
pub fn check(dom: &Dom, options: &Options) -> Result<Analysis, String> {
    let analysis = tidyread::analyze(dom, options);
    let len = dom.len();
    let mut removed = vec![false; len];
    for r in &analysis.removals {
        if r.node.index() >= len {
            return Err(format!(
                "removal of node {} in a {len}-node document",
                r.node.0
            ));
        }
        if r.node == NodeId::ROOT {
            return Err("the whole document was removed".into());
        }
        removed[r.node.index()] = true;
    }
    if let Ok(article) = &analysis.article {
        if article.root.index() >= len {
            return Err(format!("article root {} out of range", article.root.0));
        }
        let safe = if options.url.is_some() {
            crate::safety::check_reader_html(&article.content)
        } else {
            crate::safety::check_reader_html_without_base(&article.content)
        };
        safe.map_err(|e| format!("unsafe reader HTML: {e}"))?;
        let markdown = tidyread::markdown::of_article(article, options.url.as_deref());
        if !keeps_text(&markdown, &article.text) {
            return Err("the article's Markdown lost some of its text".into());
        }
        for &t in &article.text_nodes {
            if t.index() >= len || dom.text(t).is_none() {
                return Err(format!("article text node {} is not a text node", t.0));
            }
            if let Some(r) = std::iter::once(t)
                .chain(dom.ancestors(t))
                .find(|a| removed[a.index()])
            {
                return Err(format!(
                    "removal of node {} takes article text node {} with it",
                    r.0, t.0
                ));
            }
        }
    }
    if !analysis.readerable.score.is_finite() {
        return Err(format!("readerable score is {}", analysis.readerable.score));
    }
    // What the browser side receives must serialise, and the decluttered page must write out.
    serde_json::to_string(&analysis).map_err(|e| format!("analysis does not serialise: {e}"))?;
    let _ = to_html(dom, |id| removed[id.index()]);
    Ok(analysis)
}

/// True when the letters and digits of `text` come in `markdown` in the same order: Markdown
/// adds (markers, addresses, escapes) but loses nothing of what the reader shows.
pub fn keeps_text(markdown: &str, text: &str) -> bool {
    let mut shown = markdown.chars().filter(|c| c.is_alphanumeric());
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .all(|c| shown.any(|m| m == c))
}

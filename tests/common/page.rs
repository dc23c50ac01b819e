//! Hand-written test pages: the text the reader view shows for one, and the chrome around them.

/// The reader view's text of `html` (whitespace runs as single spaces), read at a fixed address.
pub fn reader_text(html: &str) -> String {
    let dom = tidyread::parse_html(html.as_bytes()).expect("parses");
    let options = tidyread::Options {
        url: Some("https://example.org/page".to_owned()),
        keep_comments: false,
    };
    tidyread::extract(&dom, &options)
        .expect("an article")
        .text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A site's navigation bar: a list of links, one a word.
pub fn nav(links: &[&str]) -> String {
    let items: String = links
        .iter()
        .map(|l| format!("<li><a href=\"/{l}\">{l}</a></li>"))
        .collect();
    format!("<nav class=\"Nv_8sK\"><ul>{items}</ul></nav>")
}

//! The article as Markdown (CommonMark, with GitHub's tables and strikethrough), made from the
//! reader HTML: what the reader view shows, so "copy as Markdown", "download .md" and
//! `tidyread extract --markdown` give the same text by construction.
//!
//! The reader HTML is the core's own, so a small fragment reader reads it (the wasm has no
//! html5ever). Blocks are rendered to strings and composed: a quote prefixes its blocks' lines
//! with `> `, a list item indents its continuation lines under its marker. Text is escaped where
//! Markdown would read it as syntax: inline punctuation always, line-start markers (`#`, `>`,
//! `-`, `+`, `1.`) at the start of a line. Written for size as much as speed: it ships in the
//! wasm, and runs only when asked.

use crate::dom::fragment::parse_fragment;
use crate::dom::{Dom, NodeData, NodeId};
use crate::extract::{Article, BLOCK_TAGS as BLOCKS};
use crate::url::BaseUrl;

/// Nesting deeper than this is read as plain text: the rendering recurses, and page markup can
/// nest thousands deep.
const MAX_DEPTH: usize = 64;
/// CommonMark reads at most nine digits as a list item's number.
const MAX_ITEM_NUMBER: u64 = 999_999_999;

/// What goes above the article: its title, a line of byline, date and the link to the
/// original, and the lead picture, as the reader view shows them.
#[derive(Clone, Copy, Debug, Default)]
pub struct Header<'a> {
    pub title: &'a str,
    pub byline: Option<&'a str>,
    pub published: Option<&'a str>,
    pub site_name: Option<&'a str>,
    /// The page's address, linked from the site's name (or its host).
    pub url: Option<&'a str>,
    pub lead_image: Option<&'a str>,
}

/// The article as a Markdown document, `url` its page's address.
pub fn of_article(article: &Article, url: Option<&str>) -> String {
    let header = Header {
        title: &article.title,
        byline: article.byline.as_deref(),
        published: article.published_time.as_deref(),
        site_name: article.site_name.as_deref(),
        url,
        lead_image: article.lead_image.as_deref(),
    };
    document(&header, &article.content)
}

/// The whole article as a Markdown document: the header, then the reader HTML's content.
pub fn document(header: &Header, content: &str) -> String {
    let mut out = String::new();
    let title = escape(&collapse(header.title));
    if !title.is_empty() {
        push_block(&mut out, "# ");
        out.push_str(&title);
    }
    // Byline, date (an ISO date's day; any other as the page writes it), and the site's name
    // or host, linked to the page.
    let day = header
        .published
        .map(|p| p.get(..10).filter(|d| d.as_bytes()[4] == b'-').unwrap_or(p));
    let host = header
        .url
        .and_then(BaseUrl::parse)
        .map(|u| u.host().trim_start_matches("www.").to_owned());
    let site = header.site_name.or(host.as_deref());
    let mut meta = String::new();
    for (i, piece) in [header.byline, day, site].into_iter().enumerate() {
        let piece = escape(&collapse(piece.unwrap_or("")));
        if piece.is_empty() {
            continue;
        }
        if !meta.is_empty() {
            meta.push_str(" · ");
        }
        match header.url.filter(|_| i == 2) {
            Some(url) => push_link(&mut meta, &piece, url),
            None => meta.push_str(&piece),
        }
    }
    push_block(&mut out, &escape_line_start(&meta));
    if let Some(src) = header.lead_image {
        push_block(&mut out, "!");
        push_link(&mut out, "", src);
    }
    push_block(&mut out, &from_html(content));
    out.push('\n');
    out
}

/// The reader HTML as Markdown blocks, separated by blank lines.
pub fn from_html(html: &str) -> String {
    let dom = parse_fragment(html);
    Renderer { dom: &dom }.blocks(NodeId::ROOT, 0)
}

struct Renderer<'a> {
    dom: &'a Dom,
}

impl Renderer<'_> {
    /// The children of `id` as blocks: runs of inline content become paragraphs.
    fn blocks(&self, id: NodeId, depth: usize) -> String {
        let dom = self.dom;
        let mut out = String::new();
        let mut run = String::new();
        for child in dom.children(id) {
            match dom.tag(child) {
                Some(tag) if BLOCKS.contains(&tag) && depth < MAX_DEPTH => {
                    push_paragraph(&mut out, &run);
                    run.clear();
                    push_block(&mut out, &self.block(child, tag, depth + 1));
                }
                _ => self.inline(child, &mut run, depth + 1),
            }
        }
        push_paragraph(&mut out, &run);
        out
    }

    fn block(&self, id: NodeId, tag: &str, depth: usize) -> String {
        let dom = self.dom;
        let mut out = String::new();
        match tag {
            "h2" | "h3" | "h4" | "h5" | "h6" => {
                let text = self.inline_text(id, depth);
                if !text.is_empty() {
                    for _ in b'0'..tag.as_bytes()[1] {
                        out.push('#');
                    }
                    out.push(' ');
                    out.push_str(&text.replace('\n', " "));
                }
            }
            "blockquote" => prefix_lines(&mut out, &self.blocks(id, depth), "> ", "> "),
            "ul" | "ol" => {
                let number = |id: NodeId, name: &str| {
                    let n: u64 = dom.attr(id, name)?.trim().parse().ok()?;
                    Some(n.min(MAX_ITEM_NUMBER) as u32)
                };
                let mut next = number(id, "start").unwrap_or(1);
                let mut marker = |value: Option<u32>| {
                    if tag == "ul" {
                        return "- ".to_owned();
                    }
                    let n = value.unwrap_or(next);
                    next = (n + 1).min(MAX_ITEM_NUMBER as u32);
                    n.to_string() + ". "
                };
                let mut items: Vec<(String, String)> = Vec::new();
                for child in dom.children(id) {
                    if dom.is(child, "li") {
                        items.push((marker(number(child, "value")), self.blocks(child, depth)));
                        continue;
                    }
                    // What a list holds besides items (a list put straight in a list) goes
                    // with the item before it.
                    let mut extra = String::new();
                    match dom.tag(child) {
                        Some(t) if BLOCKS.contains(&t) && depth < MAX_DEPTH => {
                            push_block(&mut extra, &self.block(child, t, depth + 1))
                        }
                        _ => {
                            let mut run = String::new();
                            self.inline(child, &mut run, depth + 1);
                            push_paragraph(&mut extra, &run);
                        }
                    }
                    match items.last_mut() {
                        _ if extra.is_empty() => {}
                        Some((_, body)) => push_block(body, &extra),
                        None => items.push((marker(None), extra)),
                    }
                }
                for (marker, body) in items {
                    if !out.is_empty() {
                        out.push('\n');
                    }
                    let indent = " ".repeat(marker.len());
                    prefix_lines(&mut out, &body, &marker, &indent);
                    out.truncate(out.trim_end().len());
                }
            }
            // A fenced block: its fence longer than any run of backticks inside, its language
            // the one the page's markup named (`data-lang`, written with the reader HTML).
            "pre" => {
                let code = self.code_text(id);
                let code = code.trim_end_matches('\n');
                let fence = "`".repeat(longest_backtick_run(code).max(2) + 1);
                out.push_str(&fence);
                out.push_str(dom.attr(id, "data-lang").unwrap_or(""));
                out.push('\n');
                out.push_str(code);
                out.push('\n');
                out.push_str(&fence);
            }
            "table" => self.table(&mut out, id, depth),
            "hr" => out.push_str("---"),
            "dt" | "summary" => wrap(&mut out, &self.inline_text(id, depth), "**", "**"),
            _ => return self.blocks(id, depth),
        }
        out
    }

    /// The text of a `<pre>` as it shows: a `<br>` or a block inside (a highlighter's line)
    /// breaks the line.
    fn code_text(&self, id: NodeId) -> String {
        let dom = self.dom;
        let mut out = String::new();
        for n in dom.descendants(id).skip(1) {
            match dom.data(n) {
                NodeData::Text(t) => out.push_str(t),
                NodeData::Element(el)
                    if el.is("br")
                        || (BLOCKS.contains(&&*el.name)
                            && !out.is_empty()
                            && !out.ends_with('\n')) =>
                {
                    out.push('\n')
                }
                _ => {}
            }
        }
        out
    }

    /// A GitHub table: the first row as its header, cells on one line, bars escaped; its
    /// caption a paragraph above it.
    fn table(&self, out: &mut String, id: NodeId, depth: usize) {
        let dom = self.dom;
        let mut rows: Vec<Vec<String>> = Vec::new();
        let mut walk = dom.descendants(id);
        walk.next();
        while let Some(n) = walk.next() {
            match dom.tag(n) {
                Some("caption") => push_paragraph(out, &self.inline_content(n, depth)),
                Some("tr") => {
                    let mut cells = Vec::new();
                    for cell in dom.child_elements(n) {
                        if dom.is(cell, "td") || dom.is(cell, "th") {
                            // A line break stays one (GitHub reads `<br>` in a cell).
                            let text = self.inline_text(cell, depth);
                            cells.push(text.replace('|', "\\|").replace('\n', "<br>"));
                        }
                    }
                    rows.push(cells);
                }
                // A table inside a cell is read with its cell.
                Some("table") => {}
                _ => continue,
            }
            walk.skip_subtree(n);
        }
        let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
        for (i, row) in rows.iter().enumerate().filter(|_| columns > 0) {
            if i == 0 {
                push_block(out, "|");
            } else {
                out.push_str("\n|");
            }
            for c in 0..columns {
                out.push(' ');
                out.push_str(row.get(c).map_or("", String::as_str));
                out.push_str(" |");
            }
            if i == 0 {
                out.push_str("\n|");
                for _ in 0..columns {
                    out.push_str(" --- |");
                }
            }
        }
    }

    /// The inline content of `id` as one piece of Markdown, trimmed.
    fn inline_text(&self, id: NodeId, depth: usize) -> String {
        self.inline_content(id, depth).trim().to_owned()
    }

    /// The inline content of `id`, its spaces at either end kept.
    fn inline_content(&self, id: NodeId, depth: usize) -> String {
        let mut out = String::new();
        for child in self.dom.children(id) {
            self.inline(child, &mut out, depth + 1);
        }
        out
    }

    /// Appends a node as inline Markdown. Blocks met inline (a list inside a link) give their
    /// text, a space on either side.
    fn inline(&self, id: NodeId, out: &mut String, depth: usize) {
        let dom = self.dom;
        let el = match dom.data(id) {
            NodeData::Text(t) => return push_text(out, &escape(t)),
            NodeData::Element(el) => el,
            _ => return,
        };
        let tag = &*el.name;
        let inner = || self.inline_content(id, depth);
        match tag {
            _ if depth > MAX_DEPTH => push_text(out, &escape(&dom.text_content(id))),
            // A bare newline, which only a `<br>` makes in inline content: where it stays a line
            // break, it becomes a hard break (`push_paragraph`).
            "br" => push_gap(out, "\n"),
            "img" => {
                if let Some(src) = el.attr("src") {
                    out.push('!');
                    push_link(out, &escape(&collapse(el.attr("alt").unwrap_or(""))), src);
                }
            }
            "a" => {
                let mut text = inner();
                // A player's card: its title, then whose player it is.
                if let Some(provider) = el.attr("data-provider").filter(|p| *p != text.trim()) {
                    text = format!("{} ({})", text.trim(), escape(provider));
                }
                let Some(href) = el.attr("href") else {
                    return wrap(out, &text, "", "");
                };
                if text.trim().is_empty() {
                    return push_text(out, &format!("<{href}>"));
                }
                let mut close = String::from("]");
                push_link_target(&mut close, href);
                // A word the page split over two links to one address (`<a>D</a><a>ata</a>`)
                // is one link.
                let previous = dom.prev_sibling(id).and_then(|p| dom.element(p));
                let open = if previous.is_some_and(|p| p.is("a") && p.attr("href") == Some(href))
                    && out.ends_with(&close)
                {
                    out.truncate(out.len() - close.len());
                    ""
                } else {
                    "["
                };
                wrap(out, &text, open, &close);
            }
            "em" | "i" | "cite" | "dfn" | "var" => wrap(out, &inner(), "*", "*"),
            "q" => wrap(out, &inner(), "\"", "\""),
            "strong" | "b" => wrap(out, &inner(), "**", "**"),
            "del" | "s" => wrap(out, &inner(), "~~", "~~"),
            "code" | "kbd" | "samp" => {
                let code = collapse(&dom.text_content(id));
                // Ticks one more than any run inside; a space between them and a tick at an end.
                let ticks = "`".repeat(longest_backtick_run(&code) + 1);
                let pad = if code.starts_with('`') || code.ends_with('`') {
                    " "
                } else {
                    ""
                };
                let open = ticks.clone() + pad;
                wrap(out, &code, &open, &(pad.to_owned() + &ticks));
            }
            _ if BLOCKS.contains(&tag) => wrap(out, &format!(" {} ", inner()), "", ""),
            _ => {
                for child in dom.children(id) {
                    self.inline(child, out, depth + 1);
                }
            }
        }
    }
}

/// Appends a block after a blank line (none before the first); an empty block adds nothing.
fn push_block(out: &mut String, block: &str) {
    if block.trim().is_empty() {
        return;
    }
    if !out.is_empty() {
        out.push_str("\n\n");
    }
    out.push_str(block);
}

/// Appends a run of inline content as a paragraph, its line breaks as hard breaks.
fn push_paragraph(out: &mut String, run: &str) {
    let paragraph = escape_line_start(run.trim());
    if !paragraph.is_empty() {
        push_block(out, &paragraph.replace('\n', "\\\n"));
    }
}

/// Appends text, collapsing whitespace as HTML does: one space between words, none doubled.
fn push_text(out: &mut String, text: &str) {
    for (i, word) in text.split(|c: char| c.is_ascii_whitespace()).enumerate() {
        if i > 0 && !out.ends_with([' ', '\n']) {
            out.push(' ');
        }
        out.push_str(word);
    }
}

/// Wraps inline Markdown between `open` and `close`, the spaces and breaks at its ends left
/// outside: `*x*` must not start or end with a space.
fn wrap(out: &mut String, text: &str, open: &str, close: &str) {
    let trimmed = text.trim();
    push_gap(out, &text[..text.len() - text.trim_start().len()]);
    if !trimmed.is_empty() {
        out.push_str(open);
        out.push_str(trimmed);
        out.push_str(close);
        push_gap(out, &text[text.trim_end().len()..]);
    }
}

/// Appends the whitespace between two pieces of inline content: a line break if it holds one,
/// else at most one space.
fn push_gap(out: &mut String, gap: &str) {
    if gap.contains('\n') {
        out.truncate(out.trim_end_matches(' ').len());
        out.push('\n');
    } else if !gap.is_empty() {
        push_text(out, " ");
    }
}

/// Appends `[text](url)`.
fn push_link(out: &mut String, text: &str, url: &str) {
    out.push('[');
    out.push_str(text);
    out.push(']');
    push_link_target(out, url);
}

/// Appends `(url)`, the address in angle brackets when it holds spaces or parentheses.
fn push_link_target(out: &mut String, url: &str) {
    if url.bytes().any(|b| b" ()<>".contains(&b)) {
        out.push_str("(<");
        out.push_str(&url.replace('<', "%3C").replace('>', "%3E"));
        out.push_str(">)");
    } else {
        out.push('(');
        out.push_str(url);
        out.push(')');
    }
}

/// Prefixes the first line of `text` with `first` and the others with `rest` (empty lines get
/// the prefix less its trailing space, as `>` alone).
fn prefix_lines(out: &mut String, text: &str, first: &str, rest: &str) {
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let prefix = if i == 0 { first } else { rest };
        out.push_str(if line.is_empty() {
            prefix.trim_end()
        } else {
            prefix
        });
        out.push_str(line);
    }
}

/// Whitespace collapsed to single spaces, ends trimmed.
fn collapse(s: &str) -> String {
    let mut out = String::new();
    push_text(&mut out, s.trim());
    out
}

/// Escapes what Markdown would read as syntax inside a line: emphasis, code, links, images,
/// HTML, strikethrough, and an `&` that would begin an entity.
fn escape(text: &str) -> String {
    let bytes = text.as_bytes();
    // Letters and digits, and any byte of a character past ASCII.
    let in_word = |i: usize| {
        bytes
            .get(i)
            .is_some_and(|&b| b.is_ascii_alphanumeric() || b >= 0x80)
    };
    let mut out = String::with_capacity(text.len() + 8);
    let mut from = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let syntax = match b {
            b'\\' | b'`' | b'*' | b'[' | b']' | b'<' | b'>' | b'~' => true,
            // Inside a word `_` is no emphasis: snake_case stays readable.
            b'_' => i == 0 || !in_word(i - 1) || !in_word(i + 1),
            b'&' => {
                let name = bytes[i + 1..]
                    .iter()
                    .take_while(|b| b.is_ascii_alphanumeric() || **b == b'#')
                    .count();
                name > 0 && bytes.get(i + 1 + name) == Some(&b';')
            }
            _ => false,
        };
        if syntax {
            out.push_str(&text[from..i]);
            out.push('\\');
            from = i;
        }
    }
    out.push_str(&text[from..]);
    out
}

/// Escapes the markers that begin a block when they begin a line: headings, quotes, list items,
/// thematic breaks and setext underlines.
fn escape_line_start(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 4);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        let marker = if matches!(line.bytes().next(), Some(b'#' | b'-' | b'+' | b'=')) {
            0
        } else if (1..=9).contains(&digits)
            && matches!(line.as_bytes().get(digits), Some(b'.' | b')'))
        {
            digits
        } else {
            out.push_str(line);
            continue;
        };
        out.push_str(&line[..marker]);
        out.push('\\');
        out.push_str(&line[marker..]);
    }
    out
}

/// The longest run of backticks in `s`.
fn longest_backtick_run(s: &str) -> usize {
    let (mut longest, mut run) = (0, 0);
    for b in s.bytes() {
        run = if b == b'`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    longest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_paragraphs_and_emphasis() {
        assert_eq!(
            from_html("<h2>The wall</h2><p>It is <em>old</em>, <strong>very old</strong> and <del>safe</del>.</p>"),
            "## The wall\n\nIt is *old*, **very old** and ~~safe~~."
        );
        // Spaces at an emphasis's ends go outside it.
        assert_eq!(from_html("<p>a<em> b </em>c</p>"), "a *b* c");
        assert_eq!(from_html("<p><em> </em>x</p>"), "x");
    }

    #[test]
    fn links_and_images() {
        assert_eq!(
            from_html(r#"<p>See <a href="https://e.org/a">the minutes</a>.</p>"#),
            "See [the minutes](https://e.org/a)."
        );
        assert_eq!(
            from_html(r#"<p><a href="https://e.org/a_(b)">x</a></p>"#),
            "[x](<https://e.org/a_(b)>)"
        );
        // One word over two links to one address is one link; spaces stay outside.
        assert_eq!(
            from_html(
                r#"<p>the<a href="/d"> D</a><a href="/d">ata</a> <a href="/d">Model</a></p>"#
            ),
            "the [Data](/d) [Model](/d)"
        );
        assert_eq!(
            from_html(
                r#"<figure><img src="https://e.org/w.jpg" alt="The [wall]"><figcaption>The wall at <em>high</em> tide.</figcaption></figure>"#
            ),
            "![The \\[wall\\]](https://e.org/w.jpg)\n\nThe wall at *high* tide."
        );
        assert_eq!(
            from_html(r#"<p><a href="https://e.org/"></a></p>"#),
            "<https://e.org/>"
        );
    }

    #[test]
    fn lists_nested_and_ordered() {
        assert_eq!(
            from_html("<ul><li>one</li><li>two<ul><li>two a</li><li>two b</li></ul></li></ul><ol start=\"3\"><li>three</li><li><p>four</p><p>more</p></li></ol>"),
            "- one\n- two\n\n  - two a\n  - two b\n\n3. three\n4. four\n\n   more"
        );
        // A list put straight in a list belongs to the item before it.
        assert_eq!(
            from_html(
                "<ol><li>Find:</li><ol><li>here</li></ol><li>Pick</li></ol><ul><b>lone</b></ul>"
            ),
            "1. Find:\n\n   1. here\n2. Pick\n\n- **lone**"
        );
        // An item's own number goes on from there; numbers past nine digits stay at nine.
        assert_eq!(
            from_html(
                r#"<ol start="99999999999"><li>a</li></ol><ol><li value="7">g</li><li>h</li></ol>"#
            ),
            "999999999. a\n\n7. g\n8. h"
        );
    }

    #[test]
    fn code_inline_and_fenced() {
        assert_eq!(
            from_html("<p>Call <code>a*b</code> or <code>`x`</code>.</p>"),
            "Call `a*b` or `` `x` ``."
        );
        assert_eq!(
            from_html("<pre data-lang=\"rust\">fn main() {\n    println!(\"*\");\n}\n</pre>"),
            "```rust\nfn main() {\n    println!(\"*\");\n}\n```"
        );
        assert_eq!(from_html("<pre>a ``` b</pre>"), "````\na ``` b\n````");
    }

    #[test]
    fn tables_in_pipes() {
        assert_eq!(
            from_html("<table><caption>Tides</caption><thead><tr><th>Day</th><th>Height | m</th></tr></thead><tbody><tr><td>Mon</td><td>4.1</td></tr><tr><td>Tue<br>(spring)</td></tr></tbody></table>"),
            "Tides\n\n| Day | Height \\| m |\n| --- | --- |\n| Mon | 4.1 |\n| Tue<br>(spring) |  |"
        );
    }

    #[test]
    fn line_breaks_stay_inside_emphasis_and_leave_no_trailing_backslash() {
        assert_eq!(
            from_html("<p><strong>Queue<br></strong>ATF uses SQS.<br></p>"),
            "**Queue**\\\nATF uses SQS."
        );
        assert_eq!(from_html("<h2>Two<br>lines</h2>"), "## Two lines");
    }

    #[test]
    fn code_blocks_keep_their_lines_and_language() {
        // A highlighter's markup: a line per block, or lines broken by `<br>`.
        assert_eq!(
            from_html(
                "<pre data-lang=\"python\"><div>while True:</div><div>    work()</div></pre>"
            ),
            "```python\nwhile True:\n    work()\n```"
        );
        assert_eq!(
            from_html("<pre>a = 1<br>b = 2</pre>"),
            "```\na = 1\nb = 2\n```"
        );
        // In a list item, the fence and its lines are indented under the marker.
        assert_eq!(
            from_html("<ol><li><p>Run:</p><pre>make\nmake test</pre></li></ol>"),
            "1. Run:\n\n   ```\n   make\n   make test\n   ```"
        );
    }

    #[test]
    fn players_and_inline_quotes() {
        assert_eq!(
            from_html(
                r#"<p><a href="https://www.youtube.com/watch?v=x" data-embed="video" data-provider="YouTube" data-player="https://www.youtube-nocookie.com/embed/x">Launch day</a></p>"#
            ),
            "[Launch day (YouTube)](https://www.youtube.com/watch?v=x)"
        );
        assert_eq!(
            from_html(r#"<p><a href="https://vimeo.com/1" data-provider="Vimeo">Vimeo</a></p>"#),
            "[Vimeo](https://vimeo.com/1)"
        );
        assert_eq!(from_html("<p>She said <q>no</q>.</p>"), "She said \"no\".");
    }

    #[test]
    fn quotes_rules_and_breaks() {
        assert_eq!(
            from_html("<blockquote><p>One</p><p>Two<br>lines</p></blockquote><hr><p>After</p>"),
            "> One\n>\n> Two\\\n> lines\n\n---\n\nAfter"
        );
    }

    #[test]
    fn text_that_looks_like_syntax_is_escaped() {
        assert_eq!(
            from_html("<p># not a heading, *not* [a link](x) &amp;copy; &lt;b&gt; 2*3 ~x~ _x_</p>"),
            "\\# not a heading, \\*not\\* \\[a link\\](x) \\&copy; \\<b\\> 2\\*3 \\~x\\~ \\_x\\_"
        );
        // Inside a word `_` is no emphasis: names stay as they are written.
        assert_eq!(from_html("<p>snake_case_name</p>"), "snake_case_name");
        assert_eq!(from_html("<p>1986. A good year</p>"), "1986\\. A good year");
        assert_eq!(
            from_html("<p>- not a list</p><p>+ nor this</p>"),
            "\\- not a list\n\n\\+ nor this"
        );
        assert_eq!(from_html("<p>AT&amp;T and R&amp;D</p>"), "AT&T and R&D");
    }

    #[test]
    fn a_document_has_its_header() {
        let header = Header {
            title: "Eastwick votes *yes*",
            byline: Some("Mara Lind"),
            published: Some("2024-05-14T09:00:00Z"),
            site_name: Some("The Harbour Post"),
            url: Some("https://harbour.example/a"),
            lead_image: Some("https://harbour.example/wall.jpg"),
        };
        assert_eq!(
            document(&header, "<p>Text.</p>"),
            "# Eastwick votes \\*yes\\*\n\nMara Lind · 2024-05-14 · [The Harbour Post](https://harbour.example/a)\n\n![](https://harbour.example/wall.jpg)\n\nText.\n"
        );
        // Without a site's name, the link to the original shows its host.
        let header = Header {
            title: "T",
            url: Some("https://www.harbour.example/a"),
            ..Header::default()
        };
        assert_eq!(
            document(&header, ""),
            "# T\n\n[harbour.example](https://www.harbour.example/a)\n"
        );
    }

    #[test]
    fn deep_or_broken_markup_still_converts() {
        let deep = "<div>".repeat(5000) + "deep" + &"</div>".repeat(5000);
        assert_eq!(from_html(&deep), "deep");
        // Past the depth the renderer follows, what is inside comes as its text.
        for tag in [
            "blockquote",
            "ul><li",
            "em",
            "a href=\"x\"",
            "table><tr><td",
        ] {
            let name = tag.split(['>', ' ']).next().unwrap_or(tag);
            let html =
                format!("<{tag}>").repeat(3000) + "deep" + &format!("</{name}>").repeat(3000);
            assert!(from_html(&html).contains("deep"), "{tag}");
        }
        for html in [
            "<p>open",
            "</p>",
            "<ul><li>x",
            "<table><tr>",
            "<a href=\"x\">",
            "<",
        ] {
            let _ = from_html(html);
        }
    }
}

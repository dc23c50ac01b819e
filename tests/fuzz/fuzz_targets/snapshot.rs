//! The browser door: snapshot words and strings, either raw (any numbers: decode must refuse
//! or accept, never panic) or built from the input as a well-formed tree of any shape (which
//! must decode, then pass the invariants of `tests/common/invariants.rs`).
#![no_main]

#[allow(dead_code)]
#[path = "../../common/invariants.rs"]
mod invariants;
#[allow(dead_code)]
#[path = "../../common/safety.rs"]
mod safety;

use libfuzzer_sys::fuzz_target;
use tidyread::dom::snapshot::{self, KIND_HTML_ELEMENT, KIND_MATHML_ELEMENT, KIND_SVG_ELEMENT};
use tidyread::Options;

/// Names the structured mode picks from: what the sanitiser and heuristics care about.
const NAMES: &[&str] = &[
    "html", "body", "div", "p", "span", "a", "img", "article", "section", "table", "tr", "td",
    "ul", "li", "pre", "h1", "h2", "br", "script", "style", "noscript", "template", "iframe",
    "svg", "math", "mtext", "form", "input", "picture", "source", "figure", "nav", "aside",
];
const ATTRS: &[&str] = &[
    "class",
    "id",
    "href",
    "src",
    "srcset",
    "data-src",
    "style",
    "onerror",
    "hidden",
    "role",
    "rel",
    "itemprop",
    "aria-hidden",
    "colspan",
    "dir",
];

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let options = Options {
        url: (mode & 2 == 0).then(|| "https://www.example.org/news/story.html".to_owned()),
        keep_comments: false,
    };
    if mode & 1 == 0 {
        // Raw: the first half as little-endian words, the rest as the strings.
        let (w, s) = rest.split_at(rest.len() / 2);
        let words: Vec<u32> = w
            .chunks(4)
            .map(|c| c.iter().rev().fold(0u32, |n, &b| (n << 8) | u32::from(b)))
            .collect();
        let strings = String::from_utf8_lossy(s);
        if let Ok(dom) = snapshot::decode(&words, &strings) {
            if let Err(e) = invariants::check(&dom, &options) {
                panic!("{e}");
            }
        }
        return;
    }
    // Structured: each 3 bytes add a node under an earlier element.
    let mut words = Vec::new();
    let mut strings = String::new();
    let mut elements = vec![0u32];
    let mut push = |words: &mut Vec<u32>, s: &str| {
        words.push(s.encode_utf16().count() as u32);
        strings.push_str(s);
    };
    for (i, op) in rest.chunks_exact(3).enumerate() {
        let parent = elements[elements.len() - 1 - (op[0] as usize % elements.len())];
        let id = i as u32 + 1;
        if op[1] % 4 == 0 {
            words.extend([snapshot::KIND_TEXT, parent]);
            let text = [
                "Prose, with commas, runs on. ",
                "By A. Writer",
                "Advertisement",
                "<x>&amp;",
                "\u{0}",
            ];
            push(&mut words, text[op[2] as usize % text.len()]);
        } else {
            let kind = [
                KIND_HTML_ELEMENT,
                KIND_HTML_ELEMENT,
                KIND_SVG_ELEMENT,
                KIND_MATHML_ELEMENT,
            ][op[1] as usize % 4];
            let attrs = u32::from(op[2] % 3);
            words.extend([kind | (u32::from(op[2] >> 6) << 4) | (attrs << 8), parent]);
            push(&mut words, NAMES[op[1] as usize % NAMES.len()]);
            for a in 0..attrs as usize {
                push(&mut words, ATTRS[(op[2] as usize + a) % ATTRS.len()]);
                let values = [
                    "javascript:alert(1)",
                    "https://e.org/a.jpg",
                    "x",
                    "#top",
                    "display:none",
                ];
                push(&mut words, values[(op[0] as usize + a) % values.len()]);
            }
            elements.push(id);
        }
    }
    let dom = snapshot::decode(&words, &strings).expect("a well-formed snapshot decodes");
    if let Err(e) = invariants::check(&dom, &options) {
        panic!("{e}");
    }
});

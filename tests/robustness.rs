//! Randomised robustness: seeded generators build HTML-ish byte soups (odd tags, deep nesting,
//! hostile attributes, entities, NULs, broken bytes) and random trees through the snapshot wire
//! format (any element under any parent, names and namespaces the HTML parser never makes), and
//! every one goes through parse (or decode) → analyze → serialise with the invariants of
//! `common/invariants.rs`: no panic, safe reader HTML, ids in range, article text never removed.
//!
//! Deterministic: the same seeds every run. For a longer run, set `TIDYREAD_ROBUSTNESS_ITERS`
//! (cases per test) and `TIDYREAD_ROBUSTNESS_SEED` (the first seed), e.g.
//! `TIDYREAD_ROBUSTNESS_ITERS=100000 TIDYREAD_ROBUSTNESS_SEED=$RANDOM cargo test --release --test
//! robustness`. A failure prints its seed; the input is written to `target/robustness-*.html`.

#[allow(dead_code)]
#[path = "common/invariants.rs"]
mod invariants;
#[allow(dead_code)]
#[path = "common/safety.rs"]
mod safety;

use std::panic::{self, AssertUnwindSafe};

use tidyread::dom::snapshot;
use tidyread::Options;

/// splitmix64: small, fast, and good enough to pick tags.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn word(&mut self, words: &[&'static str]) -> &'static str {
        words[self.below(words.len())]
    }
}

const TAGS: &[&str] = &[
    "div",
    "p",
    "span",
    "b",
    "i",
    "a",
    "article",
    "section",
    "main",
    "aside",
    "nav",
    "header",
    "footer",
    "h1",
    "h2",
    "h3",
    "ul",
    "ol",
    "li",
    "table",
    "tbody",
    "tr",
    "td",
    "th",
    "caption",
    "pre",
    "code",
    "blockquote",
    "figure",
    "figcaption",
    "img",
    "picture",
    "source",
    "br",
    "hr",
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "object",
    "embed",
    "form",
    "input",
    "button",
    "select",
    "option",
    "textarea",
    "title",
    "meta",
    "link",
    "base",
    "svg",
    "math",
    "mtext",
    "mi",
    "mglyph",
    "annotation-xml",
    "foreignObject",
    "desc",
    "frameset",
    "frame",
    "noembed",
    "noframes",
    "xmp",
    "details",
    "summary",
    "dialog",
    "html",
    "body",
    "head",
    "font",
    "center",
    "marquee",
    "x-custom",
    "isindex",
    "image",
    "plaintext",
];
const ATTRS: &[&str] = &[
    "class",
    "id",
    "style",
    "href",
    "src",
    "srcset",
    "data-src",
    "data-srcset",
    "alt",
    "title",
    "onerror",
    "onclick",
    "onload",
    "xlink:href",
    "action",
    "formaction",
    "srcdoc",
    "name",
    "rel",
    "itemprop",
    "role",
    "aria-hidden",
    "hidden",
    "dir",
    "lang",
    "colspan",
    "rowspan",
    "summary",
    "encoding",
    "type",
    "content",
    "http-equiv",
    "width",
    "cite",
];
const VALUES: &[&str] = &[
    "",
    "x",
    "javascript:alert(1)",
    "java\tscript:alert(1)",
    " JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "data:image/png;base64,iVBORw0KGgo=",
    "data:image/svg+xml,<svg onload=alert(1)>",
    "vbscript:x",
    "https://example.org/a.jpg",
    "/img/b.png 2x, javascript:x 3x",
    "a.jpg,b.jpg 1x,,",
    "#top",
    "//evil.example/x",
    "\"><script>alert(1)</script>",
    "text/html",
    "display:none",
    "author",
    "comment share ad-slot",
    "article-body content",
    "9999999999",
    "-1",
    "\u{0}\u{1}\u{7f}",
    "&amp;&lt;&#0;&#xD800;&#x110000;",
];
const TEXTS: &[&str] = &[
    "The harbour town voted on Tuesday to rebuild its sea wall, ending a decade of argument. ",
    "Councillors approved the plan by nine votes to two, after a long and heated meeting. ",
    "By Mara Lind",
    "Advertisement",
    "Loading…",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&amp;amp; &nbsp; &#0; &#x0; &#xD800; &#1114112; &notanentity; &",
    "\u{0}",
    "\r\n\t  \u{a0}\u{2003}",
    "中文的句子，有逗号，还有更多的文字。",
    "نص عربي، مع فواصل، ",
    "😀🏳️‍🌈",
    "<",
    "</",
    ">",
];
const JUNK: &[&str] = &[
    "<!--",
    "-->",
    "--!>",
    "<!doctype html>",
    "<![CDATA[",
    "]]>",
    "<?xml ?>",
    "</>",
    "<>",
    "< p>",
    "<p/",
    "=\"",
    "'",
    "\"",
    "&",
    "&#",
    "<a href=\"",
];

/// An HTML-ish soup: mostly tags, attributes and text, with stretches of deep nesting.
fn soup(rng: &mut Rng) -> Vec<u8> {
    let mut s = String::new();
    let pieces = 20 + rng.below(400);
    for _ in 0..pieces {
        match rng.below(100) {
            0..=39 => {
                let tag = rng.word(TAGS);
                s.push('<');
                s.push_str(tag);
                for _ in 0..rng.below(4) {
                    s.push(' ');
                    s.push_str(rng.word(ATTRS));
                    if rng.chance(80) {
                        let v = rng.word(VALUES);
                        match rng.below(3) {
                            0 => s.push_str(&format!("=\"{}\"", v.replace('"', "&quot;"))),
                            1 => s.push_str(&format!("='{}'", v.replace('\'', "&#39;"))),
                            _ => s.push_str(&format!("={}", v.replace([' ', '>'], "_"))),
                        }
                    }
                }
                s.push_str(if rng.chance(5) { "/>" } else { ">" });
            }
            40..=59 => {
                s.push_str("</");
                s.push_str(rng.word(TAGS));
                s.push('>');
            }
            60..=89 => s.push_str(rng.word(TEXTS)),
            90..=95 => s.push_str(rng.word(JUNK)),
            _ => {
                // A stretch of nesting, closed or not.
                let tag = rng.word(&["div", "span", "b", "section", "li", "table", "a", "p"]);
                let most = if rng.chance(10) { 3000 } else { 100 };
                let depth = 1 + rng.below(most);
                for _ in 0..depth {
                    s.push_str(&format!("<{tag}>"));
                }
                s.push_str(rng.word(TEXTS));
                if rng.chance(50) {
                    for _ in 0..depth {
                        s.push_str(&format!("</{tag}>"));
                    }
                }
            }
        }
    }
    let mut bytes = s.into_bytes();
    // Now and then, bytes that are not UTF-8 (decoded as windows-1252) or a stray control byte.
    for _ in 0..rng.below(3) {
        if !bytes.is_empty() && rng.chance(30) {
            let at = rng.below(bytes.len());
            bytes[at] = *rng.pick(&[0x80, 0xFF, 0xC3, 0x01, 0x1B, 0x00]);
        }
    }
    bytes
}

/// A random tree in the snapshot wire format: any element under any earlier element, any name.
fn tree(rng: &mut Rng) -> (Vec<u32>, String) {
    let mut words = Vec::new();
    let mut strings = String::new();
    let mut elements = vec![0u32]; // The document can hold anything.

    let push = |words: &mut Vec<u32>, strings: &mut String, s: &str| {
        words.push(s.encode_utf16().count() as u32);
        strings.push_str(s);
    };
    let nodes = 1 + rng.below(300);
    for next_id in 1..=nodes as u32 {
        // Mostly the newest elements, so trees get deep as well as wide.
        let parent = if rng.chance(70) {
            elements[elements.len() - 1 - rng.below(elements.len().min(3))]
        } else {
            *rng.pick(&elements)
        };
        if rng.chance(35) {
            words.extend([snapshot::KIND_TEXT, parent]);
            push(&mut words, &mut strings, rng.word(TEXTS));
        } else {
            let kind = *rng.pick(&[
                snapshot::KIND_HTML_ELEMENT,
                snapshot::KIND_HTML_ELEMENT,
                snapshot::KIND_HTML_ELEMENT,
                snapshot::KIND_SVG_ELEMENT,
                snapshot::KIND_MATHML_ELEMENT,
            ]);
            let layout = rng.below(4) as u32;
            let attrs = rng.below(4);
            words.extend([kind | (layout << 4) | ((attrs as u32) << 8), parent]);
            let name = if rng.chance(5) {
                rng.word(&["", "a b", "SCRIPT", "img\u{0}", "p>", "ünïcode"])
            } else {
                rng.word(TAGS)
            };
            push(&mut words, &mut strings, name);
            for _ in 0..attrs {
                push(&mut words, &mut strings, rng.word(ATTRS));
                push(&mut words, &mut strings, rng.word(VALUES));
            }
            elements.push(next_id);
        }
    }
    (words, strings)
}

fn iterations(default: u64) -> u64 {
    std::env::var("TIDYREAD_ROBUSTNESS_ITERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn first_seed() -> u64 {
    std::env::var("TIDYREAD_ROBUSTNESS_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

fn options(rng: &mut Rng) -> Options {
    Options {
        url: rng
            .chance(80)
            .then(|| "https://www.example.org/news/2024/story.html".to_owned()),
        keep_comments: rng.chance(20),
    }
}

/// Runs `case` for each seed; a panic or a broken invariant fails with the seed and the input.
fn run(name: &str, default_iters: u64, case: impl Fn(&mut Rng) -> (Vec<u8>, Result<(), String>)) {
    let first = first_seed();
    for seed in first..first + iterations(default_iters) {
        let mut rng = Rng(seed.wrapping_mul(0x2545_F491_4F6C_DD1D) ^ name.len() as u64);
        let outcome = panic::catch_unwind(AssertUnwindSafe(|| case(&mut rng)));
        let (input, problem) = match outcome {
            Ok((_, Ok(()))) => continue,
            Ok((input, Err(e))) => (input, e),
            Err(p) => {
                // Rebuild the input for the report: generation itself is deterministic.
                let mut rng = Rng(seed.wrapping_mul(0x2545_F491_4F6C_DD1D) ^ name.len() as u64);
                let input = panic::catch_unwind(AssertUnwindSafe(|| match name {
                    "tree" => {
                        let (w, s) = tree(&mut rng);
                        format!("{w:?}\n{s}").into_bytes()
                    }
                    _ => soup(&mut rng),
                }))
                .unwrap_or_default();
                let why = p
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| p.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                    .unwrap_or_default();
                (input, format!("panicked: {why}"))
            }
        };
        let path = format!(
            "{}/target/robustness-{name}-{seed}.html",
            env!("CARGO_MANIFEST_DIR")
        );
        let _ = std::fs::write(&path, &input);
        panic!("{name} seed {seed}: {problem}\n  input written to {path}");
    }
}

#[test]
fn html_soups() {
    run("soup", 400, |rng| {
        let bytes = soup(rng);
        let options = options(rng);
        let result = match tidyread::parse_html(&bytes) {
            Ok(dom) => invariants::check(&dom, &options).map(drop),
            Err(_) => Ok(()),
        };
        (bytes, result)
    });
}

#[test]
fn snapshot_trees() {
    run("tree", 1500, |rng| {
        let (words, strings) = tree(rng);
        let options = options(rng);
        let result = match snapshot::decode(&words, &strings) {
            Ok(dom) => invariants::check(&dom, &options).map(drop),
            Err(e) => Err(format!("a well-formed snapshot was refused: {e}")),
        };
        (format!("{words:?}\n{strings}").into_bytes(), result)
    });
}

#[test]
fn garbage_snapshots_are_errors_not_panics() {
    run("garbage", 5000, |rng| {
        let words: Vec<u32> = (0..rng.below(40))
            .map(|_| match rng.below(4) {
                0 => rng.next() as u32,
                1 => rng.below(8) as u32,
                2 => (rng.below(5) as u32) | ((rng.below(4) as u32) << 8),
                _ => rng.below(20) as u32,
            })
            .collect();
        let strings: String = (0..rng.below(30))
            .map(|_| *rng.pick(&['a', 'é', '😀', '\u{0}', '<']))
            .collect();
        let result = match snapshot::decode(&words, &strings) {
            Ok(dom) => invariants::check(&dom, &Options::default()).map(drop),
            Err(_) => Ok(()),
        };
        (format!("{words:?}\n{strings}").into_bytes(), result)
    });
}

#[test]
fn urls_come_out_safe_or_not_at_all() {
    use tidyread::sanitize::{safe_srcset, safe_url, UrlUse};
    use tidyread::url::BaseUrl;
    const PIECES: &[&str] = &[
        "javascript",
        "java",
        "script",
        "vbscript",
        "data",
        "http",
        "https",
        "mailto",
        "file",
        ":",
        "//",
        "/",
        "?",
        "#",
        ",",
        " ",
        "\t",
        "\n",
        "\r",
        "\u{0}",
        "\u{1}",
        "\u{a0}",
        "\u{feff}",
        "\u{8}",
        "\u{b}",
        "%0a",
        "alert(1)",
        "image/png",
        "image/svg+xml",
        "text/html",
        ";base64,",
        "a.jpg",
        "1x",
        "2x",
        "600w",
        "(",
        ")",
        "..",
        ".",
        "example.org",
        "é",
        "&#58;",
    ];
    run("urls", 20_000, |rng| {
        let make =
            |rng: &mut Rng| -> String { (0..rng.below(12)).map(|_| rng.word(PIECES)).collect() };
        let value = make(rng);
        let base_text = if rng.chance(50) {
            "https://www.example.org/news/story.html".to_owned()
        } else {
            make(rng)
        };
        let base = BaseUrl::parse(&base_text);
        let ok = |url: &str, image: bool| {
            safety::url_is_safe(url, image) || (base.is_none() && safety::scheme(url).is_none())
        };
        let mut problem = Ok(());
        for use_ in [UrlUse::Link, UrlUse::Image] {
            if let Some(url) = safe_url(&value, base.as_ref(), use_) {
                if !ok(&url, use_ == UrlUse::Image) {
                    problem = Err(format!("{value:?} (base {base_text:?}) -> {url:?}"));
                }
            }
        }
        if let Some(srcset) = safe_srcset(&value, base.as_ref()) {
            if !safety::srcset_urls(&srcset).iter().all(|u| ok(u, true)) {
                problem = Err(format!(
                    "srcset {value:?} (base {base_text:?}) -> {srcset:?}"
                ));
            }
        }
        (format!("{base_text}\n{value}").into_bytes(), problem)
    });
}

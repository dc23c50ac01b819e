//! Pathological pages, generated: shared by the test (`tests/pathological.rs`, which checks they
//! are handled or refused cleanly) and the bench (`bench/pathological.rs`, which times them
//! against a plain article of the same size).

/// One page, generated on demand (all of them together are tens of megabytes).
pub struct Case {
    pub name: &'static str,
    pub make: Box<dyn Fn() -> Vec<u8> + Send>,
}

impl Case {
    pub fn bytes(&self) -> Vec<u8> {
        (self.make)()
    }
}

/// A paragraph of plain prose, about 400 bytes.
pub const PROSE: &str = "The harbour town voted on Tuesday to rebuild its sea wall, ending a \
    decade of argument over who should pay for it, how high it should stand, and whether the old \
    granite could be saved. Councillors approved the plan by nine votes to two after a long \
    meeting, and engineers expect the work to take two years, during which the fleet will moor \
    in the inner basin.";

fn article(paragraphs: usize) -> String {
    let mut s = String::with_capacity(paragraphs * (PROSE.len() + 8) + 256);
    s.push_str("<!DOCTYPE html><html><head><title>Sea wall</title></head><body><article>");
    for _ in 0..paragraphs {
        s.push_str("<p>");
        s.push_str(PROSE);
        s.push_str("</p>\n");
    }
    s.push_str("</article></body></html>");
    s
}

/// A plain article of about `bytes` bytes: the baseline a pathological page of that size is
/// compared with.
pub fn plain_article(bytes: usize) -> Vec<u8> {
    article((bytes / (PROSE.len() + 8)).max(1)).into_bytes()
}

fn nested(tag: &str, depth: usize, every_level_text: bool) -> Vec<u8> {
    let mut s = String::from("<!DOCTYPE html><html><head><title>Deep</title></head><body>");
    for i in 0..depth {
        s.push('<');
        s.push_str(tag);
        s.push('>');
        if every_level_text && i % 100 == 0 {
            s.push_str(PROSE);
        }
    }
    s.push_str("<p>");
    s.push_str(PROSE);
    s.push_str("</p>");
    for _ in 0..depth {
        s.push_str("</");
        s.push_str(tag);
        s.push('>');
    }
    s.push_str("</body></html>");
    s.into_bytes()
}

/// About `nodes` nodes: paragraphs of short spans and links, as a long listing page has.
fn many_nodes(nodes: usize) -> Vec<u8> {
    let mut s = String::from("<!DOCTYPE html><html><head><title>Big</title></head><body><main>");
    // Each paragraph: p + 8 × (span + text + text) + a + text ≈ 27 nodes.
    for i in 0..nodes / 27 {
        s.push_str("<p>");
        for j in 0..8 {
            s.push_str(&format!("<span>word {j}</span> "));
        }
        s.push_str(&format!("<a href=\"/item/{i}\">item {i}</a></p>\n"));
    }
    s.push_str("</main></body></html>");
    s.into_bytes()
}

fn huge_text(bytes: usize) -> Vec<u8> {
    let mut s = String::from("<!DOCTYPE html><html><head><title>Long</title></head><body><p>");
    while s.len() < bytes {
        s.push_str(PROSE);
        s.push(' ');
    }
    s.push_str("</p></body></html>");
    s.into_bytes()
}

fn tiny_ads(count: usize) -> Vec<u8> {
    let mut s = String::from("<!DOCTYPE html><html><head><title>Ads</title></head><body>");
    s.push_str("<article>");
    for i in 0..count {
        if i % 500 == 0 {
            s.push_str(&format!("<p>{PROSE}</p>"));
        }
        s.push_str(&format!(
            "<div class=\"ad ad-slot\" id=\"ad-{i}\"><span>Advertisement</span>\
             <a href=\"https://ads.example/c?{i}\"><img src=\"https://ads.example/{i}.gif\" \
             width=1 height=1></a><noscript><img src=\"https://ads.example/n{i}.gif\"></noscript>\
             </div>"
        ));
    }
    s.push_str("</article></body></html>");
    s.into_bytes()
}

fn iframes(count: usize) -> Vec<u8> {
    let mut s = String::from("<!DOCTYPE html><html><head><title>Frames</title></head><body>");
    s.push_str(&format!("<p>{PROSE}</p>"));
    for i in 0..count {
        s.push_str(&format!(
            "<iframe src=\"https://ads.example/f{i}\" srcdoc=\"<p>{i}</p>\"></iframe>"
        ));
    }
    s.push_str(&format!("<p>{PROSE}</p></body></html>"));
    s.into_bytes()
}

fn many_attributes(count: usize) -> Vec<u8> {
    let mut s = String::from("<!DOCTYPE html><html><head><title>Attrs</title></head><body><p");
    for i in 0..count {
        s.push_str(&format!(" data-a{i}=\"{i}\""));
    }
    s.push('>');
    s.push_str(PROSE);
    s.push_str("</p></body></html>");
    s.into_bytes()
}

fn long_attribute(chars: usize) -> Vec<u8> {
    let value = "x".repeat(chars);
    format!(
        "<!DOCTYPE html><html><head><title>Attr</title></head><body>\
         <p title=\"{value}\" class=\"{value}\"><a href=\"https://e.example/{value}\">{PROSE}</a>\
         <img src=\"https://e.example/{value}.png\" alt=\"{value}\"></p><p>{PROSE}</p></body></html>"
    )
    .into_bytes()
}

/// `<b id=N>` never closed, then many paragraphs: every paragraph makes the parser reopen every
/// open formatting element (the "reconstruct the active formatting elements" step), so a small
/// page asks for a very large tree.
fn formatting_bomb(elements: usize, paragraphs: usize) -> Vec<u8> {
    let mut s = String::from("<!DOCTYPE html><html><head><title>Bomb</title></head><body>");
    for i in 0..elements {
        s.push_str(&format!("<b id=b{i}>"));
    }
    for _ in 0..paragraphs {
        s.push_str("<p>x");
    }
    s.into_bytes()
}

/// Misnested formatting (`<b><i></b></i>`): the adoption agency algorithm runs for each.
fn misnested(count: usize) -> Vec<u8> {
    let mut s = String::from("<!DOCTYPE html><html><head><title>Mis</title></head><body><div>");
    for _ in 0..count {
        s.push_str("<b><i>text</b> more</i> ");
    }
    s.push_str(&format!("<p>{PROSE}</p></div></body></html>"));
    s.into_bytes()
}

fn nested_tables(depth: usize) -> Vec<u8> {
    let mut s = String::from("<!DOCTYPE html><html><head><title>Tables</title></head><body>");
    for _ in 0..depth {
        s.push_str("<table><tr><td>");
    }
    s.push_str(PROSE);
    for _ in 0..depth {
        s.push_str("</td></tr></table>");
    }
    s.push_str("</body></html>");
    s.into_bytes()
}

fn nested_lists(depth: usize) -> Vec<u8> {
    let mut s = String::from("<!DOCTYPE html><html><head><title>Lists</title></head><body>");
    for _ in 0..depth {
        s.push_str("<ul><li>item ");
    }
    s.push_str(PROSE);
    s.push_str("</body></html>");
    s.into_bytes()
}

/// Every case, at the sizes the issue names.
pub fn cases() -> Vec<Case> {
    fn c(name: &'static str, make: impl Fn() -> Vec<u8> + Send + 'static) -> Case {
        Case {
            name,
            make: Box::new(make),
        }
    }
    vec![
        c("nested-div-10k", move || nested("div", 10_000, false)),
        c("nested-div-10k-text", move || nested("div", 10_000, true)),
        c("nested-b-10k", move || nested("b", 10_000, false)),
        c("nested-span-10k", move || nested("span", 10_000, true)),
        c("nested-section-10k", move || {
            nested("section", 10_000, true)
        }),
        c("nested-blockquote-10k", move || {
            nested("blockquote", 10_000, true)
        }),
        c("nested-a-10k", move || nested("a", 10_000, false)),
        c("nested-table-1k", move || nested_tables(1_000)),
        c("nested-list-5k", move || nested_lists(5_000)),
        c("nodes-200k", move || many_nodes(200_000)),
        c("text-node-5mb", move || huge_text(5 << 20)),
        c("tiny-ads-5k", move || tiny_ads(5_000)),
        c("iframes-2k", move || iframes(2_000)),
        c("frameset", move || {
            b"<html><head><title>F</title></head><frameset cols=\"50%,50%\">\
              <frame src=\"a.html\"><frame src=\"b.html\"><noframes><p>No frames</p></noframes>\
              </frameset></html>"
                .to_vec()
        }),
        c("frameset-only", move || {
            b"<frameset><frame src=a><frame src=b></frameset>".to_vec()
        }),
        c("text-only", move || PROSE.repeat(20).into_bytes()),
        c("head-only", move || {
            b"<html><head><title>Only a head</title><meta name=description content=x></head></html>"
                .to_vec()
        }),
        c("empty", Vec::new),
        c("whitespace-only", move || {
            b" \n\t\r\n   \x0c  ".repeat(1000)
        }),
        c("binary", move || {
            (0..=255u8).cycle().take(100_000).collect()
        }),
        c("binary-png-header", move || {
            let mut v = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
            v.extend(std::iter::repeat_n(0x41, 10_000));
            v
        }),
        c("attributes-100k", move || many_attributes(100_000)),
        c("attribute-value-1m", move || long_attribute(1_000_000)),
        c("formatting-bomb", move || formatting_bomb(1_000, 1_000)),
        c("misnested-10k", move || misnested(10_000)),
        c("unclosed-p-10k", move || {
            format!("<p>{PROSE}").repeat(10_000).into_bytes()
        }),
    ]
}

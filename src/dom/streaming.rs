//! React's streamed server rendering, put together as the browser does once its scripts ran.
//!
//! A page streamed by React (Next.js and others) first sends a fallback (often nothing) where a
//! slow part of the page goes, marked by `<template id="B:0">` (a Suspense boundary) or
//! `<template id="P:1">` (a placeholder), and sends the part itself later, at the end of the body,
//! in `<div hidden id="S:0">`, with a tiny script (`$RC("B:0","S:0")`, `$RS("S:1","P:1")`) that
//! moves it into place. A browser runs those scripts at once; a saved page read without them has
//! the article hidden at the end and a gap where it belongs. So the native door moves each
//! segment where its script would. Scripts are often stripped from saved pages: without one, a
//! segment `S:n` goes to the boundary `B:n`, else the placeholder `P:n`, as React numbers them.
//!
//! Only the native door needs this: in the browser the page's scripts have already run.

use std::collections::HashMap;

use super::{Dom, NodeData, NodeId};

/// The script calls that move a segment, and the order of their two ids: `$RC(boundary,
/// segment)` completes a boundary, `$RS(segment, placeholder)` fills a placeholder.
const MOVE_CALLS: [(&str, bool); 2] = [("$RC(", false), ("$RS(", true)];

/// True when the source may hold a streamed segment: a cheap look at the text, so that other
/// pages are not walked for one.
pub fn may_have_segments(html: &str) -> bool {
    ["id=\"S:", "id='S:", "id=S:"]
        .iter()
        .any(|marker| html.contains(marker))
}

/// Moves every streamed segment into its boundary or placeholder.
pub fn reveal_segments(dom: &mut Dom) {
    let mut segments: Vec<(String, NodeId)> = Vec::new();
    let mut slots: HashMap<String, NodeId> = HashMap::new();
    for id in dom.descendants(NodeId::ROOT) {
        let Some(el) = dom.element(id) else { continue };
        match (&*el.name, el.attr("id")) {
            ("div", Some(sid)) if sid.starts_with("S:") && el.attr("hidden").is_some() => {
                segments.push((sid.to_owned(), id));
            }
            ("template", Some(tid)) if tid.starts_with("B:") || tid.starts_with("P:") => {
                slots.insert(tid.to_owned(), id);
            }
            _ => {}
        }
    }
    if segments.is_empty() || slots.is_empty() {
        return;
    }
    // Only a streamed page's scripts are read: most pages have none of the above.
    let mut calls: Vec<(String, String)> = Vec::new();
    for id in dom.descendants(NodeId::ROOT) {
        if dom.is(id, "script") {
            calls.extend(move_calls(&dom.text_content(id)));
        }
    }
    let called: HashMap<&str, &str> = calls
        .iter()
        .map(|(segment, slot)| (segment.as_str(), slot.as_str()))
        .collect();
    for (sid, segment) in &segments {
        let number = &sid[2..];
        let slot = match called.get(sid.as_str()) {
            Some(&slot) => slots.get(slot),
            None => slots
                .get(&format!("B:{number}"))
                .or_else(|| slots.get(&format!("P:{number}"))),
        };
        if let Some(&slot) = slot {
            move_into(dom, *segment, slot);
        }
    }
}

/// The (segment, slot) pairs a script's `$RC`/`$RS` calls name.
fn move_calls(script: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (call, segment_first) in MOVE_CALLS {
        let mut rest = script;
        while let Some(at) = rest.find(call) {
            rest = &rest[at + call.len()..];
            let Some(close) = rest.find(')') else { break };
            let mut args = rest[..close]
                .split(',')
                .map(|a| a.trim().trim_matches(|c| c == '"' || c == '\''));
            if let (Some(a), Some(b)) = (args.next(), args.next()) {
                let (segment, slot) = if segment_first { (a, b) } else { (b, a) };
                out.push((segment.to_owned(), slot.to_owned()));
            }
        }
    }
    out
}

/// Puts the segment's children where the slot is, and removes the slot, the fallback a boundary
/// showed until then, and the emptied segment.
fn move_into(dom: &mut Dom, segment: NodeId, slot: NodeId) {
    // A slot inside its own segment (a malformed page) has nowhere to go.
    if dom.contains(segment, slot) || dom.parent(slot).is_none() {
        return;
    }
    // A boundary's fallback runs from its template to the comment that closes the boundary.
    let is_boundary = dom.attr(slot, "id").is_some_and(|id| id.starts_with("B:"));
    let end = is_boundary.then(|| boundary_end(dom, slot)).flatten();
    let mut fallback = Vec::new();
    if let Some(end) = end {
        let mut at = dom.next_sibling(slot);
        while let Some(n) = at.filter(|&n| n != end) {
            fallback.push(n);
            at = dom.next_sibling(n);
        }
    }
    // Nothing moves into a node it would then hold: the segment is no fallback's ancestor, since
    // the slot is not inside it.
    let anchor = end.unwrap_or(slot);
    let children: Vec<NodeId> = dom.children(segment).collect();
    for c in children {
        dom.insert_before(anchor, c);
    }
    for n in fallback {
        dom.detach(n);
    }
    dom.detach(slot);
    dom.detach(segment);
}

/// The comment closing the boundary whose template is `slot`: the first `/$` after it at the same
/// depth (boundaries nest, each opened by a `$`, `$?` or `$!` comment).
fn boundary_end(dom: &Dom, slot: NodeId) -> Option<NodeId> {
    let mut depth = 0usize;
    let mut at = dom.next_sibling(slot);
    while let Some(n) = at {
        if let NodeData::Comment(c) = dom.data(n) {
            match c.as_str() {
                "/$" if depth == 0 => return Some(n),
                "/$" => depth -= 1,
                "$" | "$?" | "$!" => depth += 1,
                _ => {}
            }
        }
        at = dom.next_sibling(n);
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::dom::serialize;

    fn body_html(html: &str) -> String {
        let dom = crate::parse_html(html.as_bytes()).expect("parses");
        let body = dom.body().expect("a body");
        serialize::inner_html(&dom, body)
    }

    #[test]
    fn boundary_gets_its_segment_in_place_of_the_fallback() {
        let html = r#"<body><header class="Nav_bar__x1Y2">Menu</header>
            <main class="Page_main__9fQ"><!--$?--><template id="B:0"></template><div class="Skeleton_k3">Loading…</div><!--/$--></main>
            <footer>© 2025</footer><script></script>
            <div hidden id="S:0"><article class="Post_body__aB3"><h1>Die Überschrift</h1><p>Der Artikel.</p></article></div>
            <script>$RC("B:0","S:0")</script></body>"#;
        let out = body_html(html);
        let main = &out[out.find("<main").unwrap()..out.find("</main>").unwrap()];
        assert!(
            main.contains("<h1>Die Überschrift</h1><p>Der Artikel.</p>"),
            "{out}"
        );
        assert!(!out.contains("Loading…"), "the fallback goes: {out}");
        assert!(
            !out.contains(r#"id="S:0""#) && !out.contains(r#"id="B:0""#),
            "{out}"
        );
        assert!(out.find("Der Artikel").unwrap() < out.find("© 2025").unwrap());
    }

    #[test]
    fn without_scripts_segments_pair_by_number_and_nest() {
        // Scripts stripped, as saved pages often have them: S:0 fills B:0, and the segment it
        // brings holds the placeholder P:1 that S:1 fills.
        let html = r#"<body><div id="root"><!--$?--><template id="B:0"></template><!--/$--></div>
            <div hidden id="S:0"><section class="a1"><p>第一段。</p><template id="P:1"></template></section></div>
            <div hidden id="S:1"><p>第二段。</p></div></body>"#;
        let out = body_html(html);
        assert!(
            out.contains(r#"<div id="root"><!--$?--><section class="a1"><p>第一段。</p><p>第二段。</p></section><!--/$--></div>"#),
            "{out}"
        );
    }

    #[test]
    fn script_calls_win_over_numbers() {
        let html = r#"<body><p>A<template id="B:0"></template><!--/$--></p><p>B<template id="B:1"></template><!--/$--></p>
            <div hidden id="S:0">second</div><div hidden id="S:1">first</div>
            <script>$RC('B:1','S:0');$RC("B:0", "S:1")</script></body>"#;
        let out = body_html(html);
        assert!(
            out.contains("<p>Afirst<!--/$--></p><p>Bsecond<!--/$--></p>"),
            "{out}"
        );
    }

    #[test]
    fn near_misses_stay_as_they_are() {
        // A hidden div that is no segment (no template to go to), a visible "S:0" id, a slot
        // inside its own segment: nothing moves, nothing is lost.
        for html in [
            r#"<body><p>Story</p><div hidden id="S:0">Spoiler</div></body>"#,
            r#"<body><template id="B:0"></template><div id="S:0">Visible</div></body>"#,
            r#"<body><div hidden id="S:0"><template id="B:0"></template>Loop</div></body>"#,
        ] {
            let dom = crate::parse_html(html.as_bytes()).unwrap();
            let text = dom.text_content(dom.body().unwrap());
            let plain = crate::parse_html(html.replace("id=\"", "data-x=\"").as_bytes()).unwrap();
            assert_eq!(text, plain.text_content(plain.body().unwrap()), "{html}");
        }
    }
}

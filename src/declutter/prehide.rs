//! The pre-hide stylesheet: CSS for the markup that is an ad whatever surrounds it, so that the
//! content script can hide it from the first paint, before the core has seen the page.
//!
//! It is written from the tables [`super::ads::markup`] reads, the classifier's strongest ad
//! signal, so the two cannot drift apart; `extension/prehide.js` holds it for the content
//! script, and `tests/prehide.rs` checks that file against this function. The content script
//! takes the sheet away after the core's first decision: what the core removed is gone by then,
//! and anything the sheet hid that the core kept shows again.

use super::ads::{AD_ATTRIBUTES, AD_ELEMENTS, AD_FRAMES, AD_HOSTS, ID_PREFIXES};

/// One rule: every selector, then `display: none !important` (a page's own `!important` on the
/// same elements is rare, and loses only the first paint).
pub fn prehide_css() -> String {
    let mut selectors: Vec<String> = AD_ELEMENTS.iter().map(|a| a.selector()).collect();
    // Frames by their `src`, which every ad frame loads from; an `<object data>` ad is rare
    // enough to wait for the core.
    let frames = AD_FRAMES.iter().filter(|(_, attr)| *attr == "src");
    for host in AD_HOSTS {
        for (tag, attr) in frames.clone() {
            selectors.push(format!("{tag}[{attr}*=\"{host}\"]"));
        }
    }
    selectors.extend(AD_ATTRIBUTES.iter().map(|a| format!("[{a}]")));
    selectors.extend(ID_PREFIXES.iter().map(|p| format!("[id^=\"{p}\"]")));
    format!(
        "{} {{ display: none !important; }}\n",
        selectors.join(",\n")
    )
}

#[cfg(test)]
mod tests {
    use super::prehide_css;
    use crate::dom::parse::parse_str;
    use crate::dom::NodeId;
    use crate::{analyze, Options};

    /// Every element a pre-hide selector names is one the classifier removes as an ad: the sheet
    /// hides nothing the core would keep, on this page at least. (Empty slots without a height
    /// show nothing and are left alone: see `ads::empty_and_unsized`.)
    #[test]
    fn what_the_sheet_hides_the_classifier_removes() {
        let prose =
            "The council met on Tuesday evening to discuss the harbour and the ferry. ".repeat(12);
        let html = format!(
            "<title>Harbour</title><main><article><h1>Harbour</h1><p>{prose}</p>\
             <div><iframe src=\"https://ad.doubleclick.net/x\"></iframe></div>\
             <p>{prose}</p><div><ins class=\"adsbygoogle\" data-ad-client=\"ca-pub-1\" style=\"height: 90px\"></ins></div>\
             <div id=\"div-gpt-ad-123-0\" style=\"min-height: 250px\"></div><p>{prose}</p></article></main>"
        );
        let dom = parse_str(&html).unwrap();
        let analysis = analyze(&dom, &Options::default());
        let removed: Vec<NodeId> = analysis.removals.iter().map(|r| r.node).collect();
        let hidden: Vec<NodeId> = dom
            .descendants(NodeId::ROOT)
            .filter(|&n| {
                dom.element(n).is_some_and(|e| {
                    e.attr("src").is_some_and(|s| s.contains("doubleclick.net"))
                        || e.attr("class") == Some("adsbygoogle")
                        || e.attr("id").is_some_and(|i| i.starts_with("div-gpt-ad"))
                })
            })
            .collect();
        assert_eq!(hidden.len(), 3);
        for node in hidden {
            let covered = std::iter::once(node)
                .chain(dom.ancestors(node))
                .any(|a| removed.contains(&a));
            assert!(
                covered,
                "{:?} is hidden by the sheet but kept",
                dom.element(node)
            );
        }
        let css = prehide_css();
        for selector in [
            "iframe[src*=\"doubleclick.net\"]",
            "ins.adsbygoogle",
            "[id^=\"div-gpt-ad\"]",
            "[data-ad-client]",
        ] {
            assert!(css.contains(selector), "{selector} in the sheet");
        }
    }
}

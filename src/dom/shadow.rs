//! Declarative shadow DOM (`<template shadowrootmode="open">`, the markup of web components
//! rendered on a server) read as the page shows it. In the browser, the parser turns such a
//! template into the shadow root of its parent, and the page shows the flat tree: the host's
//! children are its shadow tree's, and each `<slot>` there shows what the host's children assign
//! to it (its own children when none is); a child no slot takes is not shown. `extension/
//! snapshot.js` copies that flat tree, so the native door composes it the same way, and both give
//! one model of a page made of web components.

use super::{Dom, NodeData, NodeId};

/// Elements a shadow root may be attached to, besides custom elements (the DOM standard's list).
const SHADOW_HOSTS: &[&str] = &[
    "article",
    "aside",
    "blockquote",
    "body",
    "div",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "main",
    "nav",
    "p",
    "section",
    "span",
];

/// Whether an element named `name` may hold a shadow root: a custom element (a name with a
/// hyphen) or one of the standard's hosts.
pub fn can_host(name: &str) -> bool {
    name.contains('-') || SHADOW_HOSTS.contains(&name)
}

/// Puts each shadow root the parser attached, `(host, contents)`, in its host's place in the
/// tree, slots filled, as the page shows them.
pub fn compose(dom: &mut Dom, roots: &[(NodeId, NodeId)]) {
    // Every assignment is read off the tree as parsed, before anything moves: a slot may itself
    // be a light child of another host, and it is assigned there whole.
    let plans: Vec<Plan> = roots
        .iter()
        .map(|&(host, contents)| Plan::of(dom, host, contents))
        .collect();
    for plan in plans {
        for &child in &plan.light {
            dom.detach(child);
        }
        for (slot, assigned) in &plan.slots {
            if assigned.is_empty() {
                continue;
            }
            while let Some(fallback) = dom.first_child(*slot) {
                dom.detach(fallback);
            }
            for &node in assigned {
                dom.append(*slot, node);
            }
        }
        while let Some(child) = dom.first_child(plan.contents) {
            dom.append(plan.host, child);
        }
    }
}

/// One host's composition, read before any node moves.
struct Plan {
    host: NodeId,
    contents: NodeId,
    /// The host's own children.
    light: Vec<NodeId>,
    /// The shadow tree's slots in tree order, each with the light children assigned to it.
    slots: Vec<(NodeId, Vec<NodeId>)>,
}

impl Plan {
    fn of(dom: &Dom, host: NodeId, contents: NodeId) -> Plan {
        let mut slots: Vec<(NodeId, Vec<NodeId>)> = dom
            .descendants(contents)
            .filter(|&n| dom.is(n, "slot"))
            .map(|slot| (slot, Vec::new()))
            .collect();
        let light: Vec<NodeId> = dom.children(host).collect();
        for &child in &light {
            // An element goes to the first slot of its `slot` attribute's name; anything else
            // (text included) to the first slot without a name.
            let name = match dom.data(child) {
                NodeData::Element(e) => e.attr("slot").unwrap_or(""),
                _ => "",
            };
            let slot = slots
                .iter_mut()
                .find(|(slot, _)| dom.attr(*slot, "name").unwrap_or("") == name);
            if let Some((_, assigned)) = slot {
                assigned.push(child);
            }
        }
        Plan {
            host,
            contents,
            light,
            slots,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::dom::parse::parse_str;
    use crate::dom::serialize::to_html;

    fn body(html: &str) -> String {
        let out = to_html(&parse_str(html).unwrap(), |_| false);
        let start = out.find("<body>").unwrap() + "<body>".len();
        let end = out.rfind("</body>").unwrap();
        out[start..end].to_owned()
    }

    #[test]
    fn a_declarative_shadow_root_reads_as_its_host_shows_it() {
        assert_eq!(
            body(
                "<news-story><template shadowrootmode=open><h1><slot name=title>Untitled</slot></h1>\
                 <div class=body><slot></slot></div><footer><slot name=credit>No credit</slot></footer></template>\
                 <span slot=title>Harbour plans</span><p>First.</p><p>Second.</p><i slot=nowhere>unseen</i>\
                 </news-story>"
            ),
            "<news-story><h1><slot name=\"title\"><span slot=\"title\">Harbour plans</span></slot></h1>\
             <div class=\"body\"><slot><p>First.</p><p>Second.</p></slot></div>\
             <footer><slot name=\"credit\">No credit</slot></footer></news-story>"
        );
    }

    #[test]
    fn nested_hosts_and_closed_roots_compose_too() {
        assert_eq!(
            body(
                "<outer-box><template shadowrootmode=closed><inner-box><slot></slot></inner-box></template>\
                 <p>Light.</p></outer-box>\
                 <template id=plain><p>inert</p></template>"
            )
            .replace("<inner-box><slot><p>", "[")
            .replace("</p></slot></inner-box>", "]"),
            "<outer-box>[Light.]</outer-box><template id=\"plain\"></template>"
        );
        // The inner host's own shadow tree takes the outer slot, which holds the outer light.
        assert_eq!(
            body(
                "<outer-box><template shadowrootmode=open>\
                   <inner-box><template shadowrootmode=open><b><slot></slot></b></template><slot></slot></inner-box>\
                 </template><p>Light.</p></outer-box>"
            ),
            "<outer-box><inner-box><b><slot><slot><p>Light.</p></slot></slot></b></inner-box></outer-box>"
        );
    }

    #[test]
    fn an_article_told_in_web_components_reads_whole_and_in_order() {
        // The e2e suites' page (tests/e2e/shadow.chromium.test.mjs reads it in the browser).
        let page = include_str!("../../tests/e2e/pages/shadow-article.html");
        let dom = parse_str(page).unwrap();
        let article = crate::extract(&dom, &crate::Options::default()).unwrap();
        let starts: Vec<String> = article
            .text
            .split("\n\n")
            .map(|p| p.split(' ').take(3).collect::<Vec<_>>().join(" "))
            .collect();
        assert_eq!(
            article.title,
            "Le tramway du port rouvre après deux ans de travaux"
        );
        assert_eq!(
            starts,
            [
                "Les premiers tramways",
                "Les commerçants des",
                "Le chantier a",
                "La ligne compte",
                "Une deuxième ligne,",
            ]
        );
        assert!(!article.text.contains("Publicité"));
    }

    #[test]
    fn a_template_that_cannot_be_a_shadow_root_stays_a_template() {
        // A link may not host a shadow root, and a host takes only its first one.
        assert_eq!(
            body(
                "<a href=/x><template shadowrootmode=open><b>shadow</b></template>link</a>\
                 <div><template shadowrootmode=open><i>first</i></template><template shadowrootmode=open><u>second</u></template></div>"
            ),
            "<a href=\"/x\"><template shadowrootmode=\"open\"></template>link</a>\
             <div><i>first</i></div>"
        );
    }
}

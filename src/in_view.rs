//! The story in view, on a page that appends the next story below the one being read as the
//! reader scrolls ("infinite scroll" on news sites). The extractor takes the stories together:
//! they are alike and side by side. When the content script asks for the reader view it marks the
//! element in the middle of the viewport ([`LayoutFlags::IN_VIEW`]), and where that element is
//! in one of several stories the article found holds, the article is read from that story.

use crate::dom::{Dom, LayoutFlags, NodeId};
use crate::extract::Article;

/// A story holds at least this many bytes of the article's text, and so do the others together:
/// a caption or a box beside the story is not one.
const STORY_MIN_BYTES: u32 = 500;

/// The story the reader is reading, when the article found holds several: the outermost element
/// around the one in view that holds a heading and enough of the article's text, while the rest
/// of the article holds another heading and enough text too. None when nothing is in view, when
/// what is in view is not in the article, or when the article is one story.
pub fn story(dom: &Dom, article: &Article) -> Option<NodeId> {
    let seen = (1..dom.len()).map(|i| NodeId(i as u32)).find(|&n| {
        dom.element(n)
            .is_some_and(|e| e.layout.has(LayoutFlags::IN_VIEW))
    })?;
    let block = article.block(dom);
    if seen == block || !dom.contains(block, seen) {
        return None;
    }
    // The article's text (in bytes) and headings under each node of its block, children first.
    let mut bytes = vec![0u32; dom.len()];
    for &t in &article.text_nodes {
        bytes[t.index()] = dom.text(t).map_or(0, str::len) as u32;
    }
    let order: Vec<NodeId> = dom.descendants(block).collect();
    let mut headings = vec![0u32; dom.len()];
    for &n in order.iter().rev() {
        if is_heading(dom, n) {
            headings[n.index()] += 1;
        }
        if let Some(p) = dom.parent(n).filter(|_| n != block) {
            bytes[p.index()] += bytes[n.index()];
            headings[p.index()] += headings[n.index()];
        }
    }
    let is_story = |n: NodeId| {
        let (own, rest) = (bytes[n.index()], bytes[block.index()] - bytes[n.index()]);
        let others = headings[block.index()] - headings[n.index()];
        own >= STORY_MIN_BYTES && rest >= STORY_MIN_BYTES && headings[n.index()] > 0 && others > 0
    };
    std::iter::once(seen)
        .chain(dom.ancestors(seen))
        .take_while(|&n| n != block)
        .filter(|&n| is_story(n))
        .last()
}

/// The first heading's text of `story`, the title of what it tells.
pub fn title(dom: &Dom, story: NodeId) -> Option<String> {
    let heading = dom.descendants(story).find(|&n| is_heading(dom, n))?;
    let title = crate::text::normalize_space(&dom.text_content(heading));
    (!title.is_empty()).then_some(title)
}

fn is_heading(dom: &Dom, n: NodeId) -> bool {
    dom.is(n, "h1") || dom.is(n, "h2")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::parse::parse_str;
    use crate::Options;

    const PARAGRAPH: &str = "The council met on Tuesday evening to discuss the harbour, the new ferry \
        timetable and the library's opening hours, and it heard from residents, shop owners and the \
        school, who each had something to say about the plans for the coming year.";

    fn story(id: &str, title: &str) -> String {
        format!(
            "<article class=s7k id={id}><h1>{title}</h1><p class=by id={id}-by>By A. Writer</p>{}</article>",
            format!("<p>{PARAGRAPH}</p>").repeat(4)
        )
    }

    /// The page with the element of id `seen` marked in view, and the reader's analysis of it.
    fn read(body: &str, seen: Option<&str>) -> (crate::Dom, crate::Article) {
        let mut dom = parse_str(&format!(
            "<title>Harbour</title><main id=feed>{body}</main>"
        ))
        .unwrap();
        if let Some(seen) = seen {
            let n = dom
                .descendants(NodeId::ROOT)
                .find(|&n| dom.attr(n, "id") == Some(seen))
                .unwrap();
            dom.element_mut(n).unwrap().layout.0 |= LayoutFlags::IN_VIEW;
        }
        let article = crate::analyze(&dom, &Options::default()).article.unwrap();
        (dom, article)
    }

    #[test]
    fn the_story_in_view_is_read_not_the_stories_merged() {
        let body =
            story("one", "Ferry timetable changes") + &story("two", "Library opens on Sundays");
        let (_, merged) = read(&body, None);
        assert_eq!(
            merged.text.matches(PARAGRAPH).count(),
            8,
            "without a view, both"
        );
        for (seen, title) in [
            ("one", "Ferry timetable changes"),
            ("two", "Library opens on Sundays"),
        ] {
            let (_, article) = read(
                &body.replace("<p class=by>", &format!("<p id={seen}-by class=by>")),
                Some(&format!("{seen}-by")),
            );
            assert_eq!(article.title, title);
            assert_eq!(
                article.text.matches(PARAGRAPH).count(),
                4,
                "{seen}: one story"
            );
        }
    }

    #[test]
    fn one_story_and_things_beside_it_stay_whole() {
        // In view: a caption of the one story, or a box in it: nothing to choose between.
        let body = story("one", "Ferry timetable changes").replace(
            "</h1>",
            "</h1><figure><figcaption id=cap>The ferry at dawn.</figcaption></figure>",
        );
        let (dom, article) = read(&body, Some("cap"));
        assert_eq!(story_of(&dom, &article), None);
        assert_eq!(article.title, "Harbour");
    }

    fn story_of(dom: &crate::Dom, article: &crate::Article) -> Option<NodeId> {
        super::story(dom, article)
    }
}

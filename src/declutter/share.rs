//! Share tools: clusters of links and buttons that post the page elsewhere ("Share on
//! Facebook", `mailto:` with a subject), labelled "Share" or named by class.

use crate::dom::NodeId;
use crate::word_list::{word_list, WordList};

use super::facts::{Facts, NodeFlags};
use super::lexicon::Hints;
use super::seeds::{Hinted, LabelSeen, Policy, Priority, Seed, Slot, Why};
use super::signals::{host_is, split_host, starts_with_ignore_case};
use super::{Cause, CauseCode, ClutterKind};

pub const LABELS: WordList = word_list![
    "share",
    "share this",
    "share this article",
    "share this story",
    "share this post",
    "share this page",
    "share article",
    "share story",
    "share on",
    "teilen",
    "artikel teilen",
    "partager",
    "partager cet article",
    "compartir",
    "compartilhe",
    "condividi",
    "поделиться",
    "分享",
];

/// Share endpoints: (host suffix, path prefix). A link to one of these is a share button.
const SHARE_ENDPOINTS: &[(&str, &str)] = &[
    ("facebook.com", "/sharer"),
    ("facebook.com", "/share"),
    ("facebook.com", "/dialog/share"),
    ("facebook.com", "/dialog/feed"),
    // (Not "/intent/follow" or "/intent/user": an author's follow button is part of the byline.)
    ("twitter.com", "/intent/tweet"),
    ("twitter.com", "/intent/post"),
    ("twitter.com", "/share"),
    ("x.com", "/intent/tweet"),
    ("x.com", "/intent/post"),
    ("x.com", "/share"),
    ("linkedin.com", "/sharearticle"),
    ("linkedin.com", "/sharing/"),
    ("linkedin.com", "/cws/share"),
    ("pinterest.com", "/pin/create"),
    ("reddit.com", "/submit"),
    ("api.whatsapp.com", "/send"),
    ("web.whatsapp.com", "/send"),
    ("wa.me", "/"),
    ("whatsapp.com", "/send"),
    ("t.me", "/share"),
    ("telegram.me", "/share"),
    ("tumblr.com", "/share"),
    ("tumblr.com", "/widgets/share"),
    ("getpocket.com", "/save"),
    ("getpocket.com", "/edit"),
    ("news.ycombinator.com", "/submitlink"),
    ("vk.com", "/share.php"),
    ("plus.google.com", "/share"),
    ("buffer.com", "/add"),
    ("bufferapp.com", "/add"),
    ("flipboard.com", "/bookmarklet"),
    ("digg.com", "/submit"),
    ("stumbleupon.com", "/submit"),
    ("service.weibo.com", "/share"),
    ("connect.ok.ru", "/"),
    ("lineit.line.me", "/share"),
    ("social-plugins.line.me", "/lineit"),
    ("addthis.com", "/bookmark"),
    ("addtoany.com", "/share"),
    ("bsky.app", "/intent/"),
    ("threads.net", "/intent/"),
    ("mastodonshare.com", "/"),
];

/// Class or id words of share toolbars.
pub const CLASS_WORDS: WordList = word_list![
    "share",
    "shares",
    "sharing",
    "sharebar",
    "sharetools",
    "socialshare",
    "addthis",
    "sharethis",
    "a2a",
    "shareaholic",
    "ssba",
];

/// Beginnings of the `aria-label` or `title` of icon-only share buttons ("Share on Facebook").
const SHARE_LABEL_STARTS: &[&str] = &["share", "tweet", "post to ", "email this"];

/// Attributes share widgets put on their buttons.
const SHARE_ATTRIBUTES: &[&str] = &["data-share", "data-social-network"];

/// A share toolbar: "Share this article" plus counts; a few other tools (print, comments link).
pub const SHARE_BAR: Policy = Policy::Slot(Slot {
    max_words: 40,
    extra_words: 6,
    extra_plain: 24,
    extra_links: 3,
    extra_media: 0,
});

/// Two share links or buttons make a share bar...
const SHARE_MIN_LINKS: u32 = 2;
/// ...with at most this many words per control, plus `SHARE_EXTRA_WORDS` for its label...
const SHARE_WORDS_PER_LINK: u32 = 4;
const SHARE_EXTRA_WORDS: u32 = 6;
/// ...and at most this many characters outside its controls ("Share this article", counts): a
/// byline with share icons is a byline.
const SHARE_MAX_PLAIN_CHARS: u32 = 32;

/// The site a share link posts to ("facebook.com"), or "email" for a `mailto:` with a subject.
pub fn share_target(href: &str) -> Option<&'static str> {
    let href = href.trim();
    if href.len() > 7 && starts_with_ignore_case(href, "mailto:") {
        let q = href.to_ascii_lowercase();
        return (q.contains("subject=") || q.contains("body=")).then_some("email");
    }
    let (host, rest) = split_host(href)?;
    let path = if rest.starts_with('/') { rest } else { "/" };
    SHARE_ENDPOINTS
        .iter()
        .find(|&&(h, p)| host_is(host, h) && starts_with_ignore_case(path, p))
        .map(|&(h, _)| h)
}

/// Whether an attribute name marks a share button.
pub fn is_share_attribute(name: &str) -> bool {
    SHARE_ATTRIBUTES.contains(&name)
}

/// Whether a link or button shares the page: by a share widget's attribute, its address, or
/// its `aria-label` / `title`.
pub fn is_share_control(share_attribute: bool, href: Option<&str>, label: &str) -> bool {
    share_attribute
        || href.and_then(share_target).is_some()
        || SHARE_LABEL_STARTS
            .iter()
            .any(|p| starts_with_ignore_case(label, p))
}

/// "Share" over its buttons.
pub fn label_seed(label: LabelSeen) -> Seed {
    Seed::new(
        label.id,
        ClutterKind::ShareBar,
        label.why(),
        SHARE_BAR,
        Priority::Label,
        check,
    )
}

/// A cluster of share links: the outermost element that is one.
pub fn cluster_seed(f: &Facts, id: NodeId) -> Option<Seed> {
    if !is_share_cluster(f, id) {
        return None;
    }
    let parent = f.dom.parent(id).filter(|&p| f.dom.element(p).is_some());
    if parent.is_some_and(|p| is_share_cluster(f, p)) {
        return None;
    }
    Some(
        Seed::new(
            id,
            ClutterKind::ShareBar,
            share_links_why(f.counts(id).share_links, &share_targets(f, id)),
            SHARE_BAR,
            Priority::Structure,
            check,
        )
        .in_article(),
    )
}

fn is_share_cluster(f: &Facts, id: NodeId) -> bool {
    let c = f.counts(id);
    let controls = c.links + c.buttons;
    c.share_links >= SHARE_MIN_LINKS
        && c.share_links * 2 >= controls
        && c.chars - c.link_chars <= SHARE_MAX_PLAIN_CHARS
        && c.meta == 0
        && c.words <= SHARE_WORDS_PER_LINK * controls + SHARE_EXTRA_WORDS
        && c.media == c.linked_media
        && c.linked_media <= c.share_links
        && c.protected == 0
        && c.landmarks == 0
        && !f.has(id, NodeFlags::HOLDS_REGION)
}

/// "3 share links (facebook.com, twitter.com, email)", with the targets as the cause's detail.
fn share_links_why(count: u32, targets: &[&str]) -> Why {
    if targets.is_empty() {
        return Why::new(
            format!("{count} share links"),
            Cause::new(CauseCode::ShareLinks),
        );
    }
    let mut named = String::new();
    for t in targets {
        if !named.is_empty() {
            named.push_str(", ");
        }
        named.push_str(t);
    }
    let targets = named;
    Why::new(
        format!("{count} share links ({targets})"),
        Cause::with_detail(CauseCode::ShareLinks, &targets),
    )
}

/// The first share targets in a block ("facebook.com", "email"), for the reason.
fn share_targets<'a>(f: &Facts<'a>, id: NodeId) -> Vec<&'static str> {
    let mut names: Vec<&str> = Vec::new();
    for d in f.dom.descendants(id) {
        if let Some(t) = f.dom.attr(d, "href").and_then(share_target) {
            if !names.contains(&t) {
                names.push(t);
            }
            if names.len() == 3 {
                break;
            }
        }
    }
    names
}

/// Share tools by class name: a few short controls, no byline among them.
pub fn hint_seed(h: &Hinted) -> Option<Seed> {
    let c = h.counts;
    let controls = c.links + c.buttons;
    let bar = h.hints.has(Hints::SHARE)
        && c.meta == 0
        && c.words <= SHARE_WORDS_PER_LINK * controls + SHARE_EXTRA_WORDS
        && controls >= SHARE_MIN_LINKS
        && c.landmarks == 0
        && c.headline_links == 0;
    bar.then(|| {
        h.seed(
            ClutterKind::ShareBar,
            "share tools",
            CauseCode::ShareLinks,
            SHARE_BAR,
            check,
        )
    })
}

/// A share bar has at least two controls.
fn check(f: &Facts, s: &Seed, node: NodeId) -> Option<ClutterKind> {
    let c = f.counts(node);
    (c.links + c.buttons >= SHARE_MIN_LINKS).then_some(s.kind)
}

#[cfg(test)]
mod tests {
    use super::share_target;
    use crate::declutter::tests::*;
    use crate::declutter::ClutterKind;

    #[test]
    fn share_bar_but_not_the_byline_beside_it() {
        let dom = page(&format!(
            "<div id=article><div id=meta><p>By <a href=/by/jane rel=author>Jane Doe</a></p><time>Sept. 25, 2018</time>\
             <div id=share class=css-s6h7a8><a href='https://www.facebook.com/sharer/sharer.php?u=x'>Facebook</a>\
             <a href='https://twitter.com/intent/tweet?url=x'>Twitter</a><a href='mailto:?subject=x'>Email</a></div></div>{PROSE}</div>"
        ));
        let rs = run(&dom, false);
        let r = removed(&rs, &dom, "share").unwrap_or_else(|| panic!("{rs:?}"));
        assert_eq!(r.kind, ClutterKind::ShareBar);
        assert_eq!(r.reason, "3 share links (facebook.com, twitter.com, email)");
        assert!(text_survives(&dom, &rs, "Sept. 25"));
    }

    #[test]
    fn share_targets_by_endpoint() {
        assert_eq!(
            share_target("https://www.facebook.com/sharer/sharer.php?u=x"),
            Some("facebook.com")
        );
        assert_eq!(
            share_target("https://twitter.com/intent/tweet?url=x"),
            Some("twitter.com")
        );
        assert_eq!(share_target("https://twitter.com/someone"), None);
        assert_eq!(share_target("mailto:?subject=Hi&body=x"), Some("email"));
        assert_eq!(share_target("mailto:editor@example.com"), None);
    }
}

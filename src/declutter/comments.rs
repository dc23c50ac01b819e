//! Comment sections, by their class or id, unless the user keeps comments.

use crate::word_list::{word_list, WordList};

use super::lexicon::Hints;
use super::seeds::{keep_kind, Hinted, Policy, Seed};
use super::{CauseCode, ClutterKind};

/// Whole class names or ids of comment sections (whole names: "comment-count" is a byline link).
pub const NAMES: WordList = word_list![
    "comments",
    "comment-list",
    "commentlist",
    "comments-area",
    "comments-section",
    "comment-section",
    "comments-container",
    "comments-wrapper",
    "comment-respond",
    "respond",
    "disqus_thread",
    "fb-comments",
    "spot-im-conversation",
    "openweb-conversation",
    "coral_thread",
    "coral-comments",
    "talk-stream",
    "commentform",
    "comment-form",
    "discussion",
    "kommentare",
    "commentaires",
    "comentarios",
];

/// A comment section by its name.
pub fn hint_seed(h: &Hinted) -> Option<Seed> {
    (h.hints.has(Hints::COMMENTS) && !h.keep_comments && !h.inline).then(|| {
        h.seed(
            ClutterKind::Comments,
            "comment section",
            CauseCode::CommentSection,
            Policy::Container,
            keep_kind,
        )
    })
}

#[cfg(test)]
mod tests {
    use crate::declutter::classify;
    use crate::declutter::tests::*;
    use crate::declutter::ClutterKind;
    use crate::options::Options;

    #[test]
    fn comments_only_when_not_kept() {
        let dom = page(&format!(
            "<div id=article>{PROSE}</div><section id=comments><h2>12 comments</h2><ol><li><p>Great piece, thanks.</p></li></ol></section>\
             <div id=disqus_thread></div>"
        ));
        let rs = run(&dom, true);
        assert_eq!(
            removed(&rs, &dom, "comments").map(|r| r.kind),
            Some(ClutterKind::Comments)
        );
        assert_eq!(
            removed(&rs, &dom, "disqus_thread").map(|r| r.kind),
            Some(ClutterKind::Comments)
        );
        let keep = Options {
            keep_comments: true,
            ..Options::default()
        };
        let a = article(&dom);
        assert!(classify(&dom, Some(a.protected()), &keep)
            .iter()
            .all(|r| r.kind != ClutterKind::Comments));
    }
}

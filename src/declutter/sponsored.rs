//! Sponsored feeds: third-party recommendation widgets (Taboola, Outbrain…) and blocks of paid
//! links under "Around the web" or "Sponsored stories".

use crate::word_list::{word_list, WordList};

use super::lexicon::Hints;
use super::seeds::{keep_kind, Hinted, Policy, Seed};
use super::{CauseCode, ClutterKind};

/// Headings over feeds of paid links.
pub const FEED_LABELS: WordList = word_list![
    "sponsored stories",
    "sponsored links",
    "promoted stories",
    "promoted links",
    "around the web",
    "from around the web",
    "from the web",
    "from our partners",
    "you may like sponsored links",
];

/// Label beginnings of paid feeds ("Recommended by Outbrain").
pub const FEED_PREFIXES: WordList =
    word_list!["recommended by", "sponsored links by", "promoted by"];

/// Third-party recommendation widgets, by a name in their class or id ("trc_rbox", "OUTBRAIN").
pub const WIDGET_NAMES: WordList = word_list![
    "taboola",
    "outbrain",
    "ob-widget",
    "zergnet",
    "revcontent",
    "mgid",
    "dianomi",
    "plista",
    "ligatus",
    "adblade",
    "trc_related",
    "trc_rbox",
];

/// A recommendation widget by its class or id, whatever it holds yet (they fill in late).
pub fn hint_seed(h: &Hinted) -> Option<Seed> {
    (h.hints.has(Hints::SPONSORED_WIDGET) && !h.inline).then(|| {
        h.seed(
            ClutterKind::SponsoredFeed,
            "recommendation widget",
            CauseCode::RecommendationWidget,
            Policy::Container,
            keep_kind,
        )
    })
}

#[cfg(test)]
mod tests {
    use crate::declutter::tests::*;
    use crate::declutter::ClutterKind;

    #[test]
    fn recommended_and_sponsored_labels() {
        let dom = page(&format!(
            "<div id=article>{PROSE}</div>\
             <section id=rec><h2>You might also like</h2><ul>{}</ul></section>\
             <section id=web><h3>Around the Web</h3><ul>{}</ul></section>\
             <div id=widget class='OUTBRAIN' data-widget-id=AR_1></div>",
            headlines(3),
            headlines(4)
        ));
        let rs = run(&dom, true);
        assert_eq!(
            removed(&rs, &dom, "rec").map(|r| r.kind),
            Some(ClutterKind::Recommended)
        );
        assert_eq!(
            removed(&rs, &dom, "web").map(|r| r.kind),
            Some(ClutterKind::SponsoredFeed)
        );
        assert_eq!(
            removed(&rs, &dom, "widget").map(|r| r.kind),
            Some(ClutterKind::SponsoredFeed)
        );
    }
}

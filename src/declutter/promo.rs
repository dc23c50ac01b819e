//! Promotions: "Join as a VIP member", "Download the app", "Support our journalism", with
//! their button or link.

use crate::dom::NodeId;
use crate::word_list::{word_list, WordList};

use super::facts::Facts;
use super::seeds::{needs_call_to_action, Policy, Priority, Seed, Slot, Why};
use super::signals::{host_is, split_host, starts_with_ignore_case};
use super::ClutterKind;

/// Phrases of membership, app and donation promotions.
pub const PHRASES: &[&str] = &[
    "vip member",
    "become a member",
    "become a vip",
    "join now",
    "upgrade to premium",
    "support our journalism",
    "support independent journalism",
    "download the app",
    "download our app",
    "get the app",
    "go ad-free",
    "become a subscriber",
    "become a patron",
    "werden sie mitglied",
    "devenez membre",
    "hazte socio",
    "diventa socio",
    "torne-se membro",
    "word lid van",
    "dołącz do klubu",
    "станьте участником",
    "会員になりませんか",
    "加入会员",
    "bli medlem",
];

/// Links that ask the reader to follow the site elsewhere, known by their address (host, path
/// prefix) whatever language their text is in: Google's "Add as a preferred source on Google".
const FOLLOW_LINKS: &[(&str, &str)] = &[("google.com", "/preferences/source")];

/// Class or id words of promotions and upsells.
pub const CLASS_WORDS: WordList = word_list!["promo", "promotion", "upsell", "membership"];

/// A promotion or paywall prompt: a headline, a sentence or two, and its buttons.
pub const PROMO_BOX: Policy = Policy::Slot(Slot {
    max_words: 80,
    extra_words: 50,
    extra_plain: 400,
    extra_links: 4,
    extra_media: 0,
});

/// "Become a member": the pitch.
pub fn phrase_seed(id: NodeId, phrase: &str) -> Seed {
    Seed::new(
        id,
        ClutterKind::Promo,
        Why::says(phrase, "call to action"),
        PROMO_BOX,
        Priority::Markup,
        needs_call_to_action,
    )
}

/// "Add as a preferred source on Google": a link to follow the site elsewhere, by its address.
pub fn link_seed(f: &Facts, id: NodeId) -> Option<Seed> {
    if !f.dom.is(id, "a") {
        return None;
    }
    let href = f.dom.attr(id, "href")?;
    let (host, rest) = split_host(href)?;
    FOLLOW_LINKS
        .iter()
        .any(|&(h, path)| host_is(host, h) && starts_with_ignore_case(rest, path))
        .then(|| {
            let text = f.dom.text_content(id);
            Seed::new(
                id,
                ClutterKind::Promo,
                Why::says(text.trim(), "call to action"),
                PROMO_BOX,
                Priority::Markup,
                needs_call_to_action,
            )
            .in_article()
        })
}

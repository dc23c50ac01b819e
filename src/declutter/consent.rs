//! Consent banners: text about cookies with the button that accepts them, or a consent
//! manager's container (OneTrust, Cookiebot, Didomi…).

use crate::dom::NodeId;
use crate::word_list::{word_list, WordList};

use super::facts::Facts;
use super::lexicon::{Hints, Phrases};
use super::seeds::PROMPT_HINT_MAX_WORDS;
use super::seeds::{find_control, Hinted, Policy, Priority, Seed, Slot, Why};
use super::{CauseCode, ClutterKind};

/// Phrases of consent banners.
/// ("consent" alone is not one: "royal consent", "consent to install" are prose.)
pub const PHRASES: &[&str] = &["cookie", "gdpr", "datenschutzeinstellungen", "rgpd"];

/// Class or id fragments of consent-management banners (OneTrust, Cookiebot, Didomi, Quantcast…).
pub const NAMES: WordList = word_list![
    "onetrust",
    "cookiebot",
    "cybotcookiebot",
    "didomi",
    "usercentrics",
    "qc-cmp",
    "sp_message",
    "truste-consent",
    "cookie-banner",
    "cookie-consent",
    "cookie-notice",
    "cookie-bar",
    "cookielaw",
    "cookie-law",
    "cookieconsent",
    "cc-banner",
    "cc-window",
    "gdpr",
    "cmp-banner",
    "consent-banner",
];

/// Texts of buttons that accept a consent banner.
const ACCEPT_LABELS: &[&str] = &[
    "accept",
    "accept all",
    "accept cookies",
    "accept all cookies",
    "i accept",
    "agree",
    "i agree",
    "agree and close",
    "ok",
    "okay",
    "got it",
    "allow",
    "allow all",
    "allow cookies",
    "allow all cookies",
    "continue",
    "akzeptieren",
    "alle akzeptieren",
    "zustimmen",
    "einverstanden",
    "accepter",
    "tout accepter",
    "j'accepte",
    "aceptar",
    "aceptar todo",
    "aceptar todas",
    "accetta",
    "accetto",
    "accetta tutto",
    "aceitar",
    "принять",
    "同意",
    "接受",
];

/// A consent banner: a paragraph of legalese, its links and buttons.
pub const CONSENT_BOX: Policy = Policy::Slot(Slot {
    max_words: 160,
    extra_words: 120,
    extra_plain: 1000,
    extra_links: 8,
    extra_media: 0,
});

/// True when a button's normalised text accepts a consent banner.
fn is_accept_label(norm: &str) -> bool {
    ACCEPT_LABELS.contains(&norm)
}

/// The text of the first consent button in a block ("Accept cookies").
pub fn accept_button(f: &Facts, id: NodeId) -> Option<String> {
    find_control(f, id, is_accept_label)
}

/// "We use cookies": the notice.
pub fn phrase_seed(id: NodeId, phrase: &str) -> Seed {
    Seed::new(
        id,
        ClutterKind::ConsentBanner,
        Why::says(phrase, "notice"),
        CONSENT_BOX,
        Priority::Markup,
        check,
    )
}

/// A consent manager's container, empty (it fills in late) or about cookies.
pub fn hint_seed(h: &Hinted) -> Option<Seed> {
    let c = h.counts;
    let banner = h.hints.has(Hints::CONSENT)
        && c.words <= PROMPT_HINT_MAX_WORDS
        && (c.phrases.has(Phrases::COOKIE) || c.words == 0)
        && !h.inline;
    banner.then(|| {
        h.seed(
            ClutterKind::ConsentBanner,
            "consent banner",
            CauseCode::CookieBanner,
            Policy::Container,
            check,
        )
    })
}

/// Text about cookies is a consent banner once it holds the button that accepts them.
fn check(f: &Facts, s: &Seed, node: NodeId) -> Option<ClutterKind> {
    let banner = s.policy == Policy::Container
        || (f.counts(node).phrases.has(Phrases::COOKIE) && accept_button(f, node).is_some());
    banner.then_some(s.kind)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::declutter::signals::normalize_label;
    use crate::declutter::tests::*;

    #[test]
    fn accept_labels() {
        assert!(is_accept_label(&normalize_label("Accept cookies")));
        assert!(!is_accept_label(&normalize_label("Read our cookie policy")));
    }

    #[test]
    fn inline_consent_banner_needs_its_accept_button() {
        let with = page(&format!(
            "<div id=article>{PROSE}</div><div id=cc class=css-q1><p>This site uses cookies for analytics.</p><a href=#>Got it</a></div>"
        ));
        assert_eq!(
            removed(&run(&with, false), &with, "cc").map(|r| r.kind),
            Some(ClutterKind::ConsentBanner)
        );
        let without = page(&format!(
            "<div id=article>{PROSE}</div><div id=cc><p>Our favourite cookie recipes for the holidays.</p><a href=/recipes>Recipes</a></div>"
        ));
        assert!(removed(&run(&without, false), &without, "cc").is_none());
    }
}

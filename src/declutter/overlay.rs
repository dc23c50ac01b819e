//! Overlays: fixed or sticky elements and open modal dialogs, named after what they hold (a
//! consent banner, a paywall, a sign-up, an ad) or plain overlays; never the site's own sticky
//! header or navigation. And the wall an anti-adblock script puts over the page ("Ad blocker
//! detected"), wherever its position comes from.

use crate::dom::NodeId;

use super::consent::accept_button;
use super::facts::{Facts, NodeFlags};
use super::lexicon::Phrases;
use super::seeds::{keep_kind, Policy, Priority, Seed, Slot, Why};
use super::{Cause, CauseCode, ClutterKind};

/// A fixed element with more words than this is a page part (a docked article?), not an overlay.
const OVERLAY_MAX_WORDS: u32 = 400;

/// Phrases of the wall an anti-adblock script shows: it says it found an ad blocker, or asks to
/// turn it off or to let the site's ads through. ("Adblock" alone is a word prose uses too.)
pub const AD_BLOCKER_PHRASES: &[&str] = &[
    "ad blocker detected",
    "adblock detected",
    "adblocker detected",
    "using an ad blocker",
    "using an adblocker",
    "using adblock",
    "disable your ad blocker",
    "disable your adblocker",
    "turn off your ad blocker",
    "turn off your adblocker",
    "pause your ad blocker",
    "whitelist our site",
    "whitelist us",
    "allow ads on",
    "einen werbeblocker",
    "einen adblocker",
    "werbeblocker deaktivieren",
    "adblocker deaktivieren",
    "bloqueur de publicité détecté",
    "désactivez votre bloqueur",
    "bloqueador de anuncios detectado",
    "desactiva tu bloqueador",
    "desactive su bloqueador",
    "disattiva il blocco",
    "disattiva l'adblock",
    "wyłącz adblocka",
    "отключите блокировщик",
    "広告ブロックを無効",
    "关闭广告拦截",
];

/// The growth of an ad-blocker wall from its text: its heading and buttons, its box, the backdrop.
const AD_BLOCKER_WALL: Policy = Policy::Slot(Slot {
    max_words: 120,
    extra_words: 40,
    extra_plain: 300,
    extra_links: 3,
    extra_media: 1,
});

/// "Please disable your ad blocker": the wall, with what is around it (its box and backdrop).
pub fn ad_blocker_phrase_seed(id: NodeId, phrase: &str) -> Seed {
    Seed::new(
        id,
        ClutterKind::Overlay,
        Why::says(phrase, "wall"),
        AD_BLOCKER_WALL,
        Priority::Markup,
        keep_kind,
    )
}

/// A fixed or sticky element, or a modal dialog: an overlay, unless it is the page's own header
/// or navigation.
pub fn seed(f: &Facts, id: NodeId) -> Option<Seed> {
    let overlay = NodeFlags::FIXED | NodeFlags::DIALOG;
    if !f.has(id, overlay) {
        return None;
    }
    let dom = f.dom;
    let c = f.counts(id);
    // Only the outermost one; a sticky header or menu is the site's, not clutter.
    if dom.parent(id).is_some_and(|p| f.has(p, overlay)) {
        return None;
    }
    if c.landmarks > 0
        || f.has(id, NodeFlags::IN_NAV | NodeFlags::HOLDS_REGION)
        || dom.is(id, "header")
        || c.protected > 0
        || c.words > OVERLAY_MAX_WORDS
    {
        return None;
    }
    let button = c
        .phrases
        .has(Phrases::COOKIE)
        .then(|| accept_button(f, id))
        .flatten();
    let (kind, what) = if c.phrases.has(Phrases::AD_BLOCKER) {
        (ClutterKind::Overlay, "about an ad blocker".to_owned())
    } else if c.phrases.has(Phrases::COOKIE) {
        (
            ClutterKind::ConsentBanner,
            button
                .as_ref()
                .map(|b| format!("with '{b}'"))
                .unwrap_or_else(|| "about cookies".to_owned()),
        )
    } else if c.phrases.has(Phrases::PAYWALL) {
        (
            ClutterKind::PaywallPrompt,
            "with a paywall prompt".to_owned(),
        )
    } else if c.phrases.has(Phrases::NEWSLETTER) {
        (
            ClutterKind::Newsletter,
            "with a newsletter sign-up".to_owned(),
        )
    } else if c.ad_marks > 0 || f.has(id, NodeFlags::AD_MARKED) {
        (ClutterKind::Ad, "with an ad".to_owned())
    } else {
        (ClutterKind::Overlay, format!("of {} words", c.words))
    };
    let reason = if f.has(id, NodeFlags::FIXED) {
        format!("fixed overlay {what}")
    } else {
        format!("dialog {what}")
    };
    let cause = match &button {
        Some(b) => Cause::with_detail(CauseCode::Popup, b),
        None => Cause::new(CauseCode::Popup),
    };
    Some(Seed::new(
        id,
        kind,
        Why::new(reason, cause),
        Policy::Container,
        Priority::Markup,
        keep_kind,
    ))
}

#[cfg(test)]
mod tests {
    use crate::declutter::tests::*;
    use crate::declutter::ClutterKind;

    #[test]
    fn ad_blocker_walls_are_overlays_fixed_or_not() {
        for (style, text) in [
            (
                "position: fixed; inset: 0",
                "We noticed you are using an ad blocker. Please disable it to keep reading.",
            ),
            (
                "",
                "Bloqueur de publicité détecté : désactivez-le pour continuer à lire.",
            ),
            (
                "position: fixed; inset: 0",
                "Sie verwenden einen Werbeblocker. Bitte deaktivieren Sie ihn.",
            ),
        ] {
            let dom = page(&format!(
                "<div id=article>{PROSE}</div><div id=wall style='{style}'><div><h2>Hello</h2>\
                 <p>{text}</p><button>Done</button></div></div>"
            ));
            let rs = run(&dom, true);
            let r = removed(&rs, &dom, "wall").unwrap_or_else(|| panic!("{text}: {rs:?}"));
            assert_eq!(r.kind, ClutterKind::Overlay, "{text}");
        }
    }

    #[test]
    fn an_article_about_ad_blockers_stays() {
        let prose = "Ad blockers are used by a third of readers, the survey found, and publishers \
                     are asking them to whitelist their sites. "
            .repeat(6);
        let dom = page(&format!(
            "<div id=article><p>{prose}</p><p>{prose}</p></div>"
        ));
        assert!(run(&dom, true).is_empty());
    }

    #[test]
    fn fixed_consent_overlay() {
        let dom = page(&format!(
            "<div id=cmp style='position: fixed; bottom: 0'><p>We use cookies to improve your experience.</p>\
             <button>Accept cookies</button></div>\
             <header id=top style='position:sticky;top:0'><nav><a href=/>Home</a><a href=/news>News</a></nav></header>\
             <div id=article>{PROSE}</div>"
        ));
        let rs = run(&dom, true);
        let r = removed(&rs, &dom, "cmp").unwrap_or_else(|| panic!("{rs:?}"));
        assert_eq!(r.kind, ClutterKind::ConsentBanner);
        assert_eq!(r.reason, "fixed overlay with 'Accept cookies'");
        assert!(
            removed(&rs, &dom, "top").is_none(),
            "a sticky site header is not an overlay"
        );
    }

    #[test]
    fn modal_dialogs_are_overlays() {
        let dom = page(&format!(
            "<div id=article>{PROSE}</div><div id=modal role=dialog aria-modal=true><h2>Before you go</h2>\
             <p>Subscribe to continue reading with unlimited access.</p><button>Subscribe</button></div>\
             <dialog id=closed><p>Never shown.</p></dialog>"
        ));
        let rs = run(&dom, true);
        let r = removed(&rs, &dom, "modal").unwrap_or_else(|| panic!("{rs:?}"));
        assert_eq!(r.kind, ClutterKind::PaywallPrompt);
        assert_eq!(r.reason, "dialog with a paywall prompt");
        assert!(
            removed(&rs, &dom, "closed").is_none(),
            "a closed dialog is not shown"
        );
    }
}

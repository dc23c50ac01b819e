//! Overlays: fixed or sticky elements and open modal dialogs, named after what they hold (a
//! consent banner, a paywall, a sign-up, an ad) or plain overlays; never the site's own sticky
//! header or navigation.

use crate::dom::NodeId;

use super::consent::accept_button;
use super::facts::{Facts, NodeFlags};
use super::lexicon::Phrases;
use super::seeds::{keep_kind, Policy, Priority, Seed, Why};
use super::{Cause, CauseCode, ClutterKind};

/// A fixed element with more words than this is a page part (a docked article?), not an overlay.
const OVERLAY_MAX_WORDS: u32 = 400;

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
    let (kind, what) = if c.phrases.has(Phrases::COOKIE) {
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

//! Paywall and metering prompts: "Subscribe to continue reading", "You have 2 free articles
//! left", by their words or their container's name.

use crate::dom::NodeId;
use crate::word_list::{word_list, WordList};

use super::lexicon::Hints;
use super::promo::PROMO_BOX;
use super::seeds::PROMPT_HINT_MAX_WORDS;
use super::seeds::{needs_call_to_action, Hinted, Policy, Priority, Seed, Why};
use super::{CauseCode, ClutterKind};

/// Phrases of paywall and metering prompts.
pub const PHRASES: &[&str] = &[
    "to continue reading",
    "continue reading with",
    "subscribe to read",
    "subscribe to continue",
    "subscribers only",
    "subscriber-only",
    "for subscribers",
    "exclusive to subscribers",
    "already a subscriber",
    "free articles",
    "article limit",
    "you've reached your",
    "you have reached your",
    "log in to continue",
    "sign in to continue",
    "register to continue",
    "weiterlesen mit",
    "réservé aux abonnés",
    "exclusivo para suscriptores",
    "to keep reading",
    "und weiterlesen",
    "pour lire la suite",
    "para seguir leyendo",
    "per continuare a leggere",
    "para continuar a ler",
    "om verder te lezen",
    "aby czytać dalej",
    "чтобы читать дальше",
    "続きを読むには",
    "订阅后继续阅读",
    "för att läsa vidare",
    "kostenlose artikel",
    "articles gratuits",
    "artículos gratuitos",
    "articoli gratuiti",
    "artigos gratuitos",
    "gratis artikelen",
    "darmowe artykuły",
    "бесплатные статьи",
    "無料記事",
    "免费阅读",
    "gratis artiklar",
];

/// Class or id fragments of paywalls and metering prompts.
pub const NAMES: WordList = word_list![
    "paywall",
    "regwall",
    "piano-",
    "tp-modal",
    "meter-",
    "subscriber-wall",
    "subscribe-wall",
];

/// "Subscribe to continue": the pitch, grown like a promotion.
pub fn phrase_seed(id: NodeId, phrase: &str) -> Seed {
    Seed::new(
        id,
        ClutterKind::PaywallPrompt,
        Why::says(phrase, "paywall prompt"),
        PROMO_BOX,
        Priority::Markup,
        needs_call_to_action,
    )
}

/// A paywall container by its name, small enough to be a prompt.
pub fn hint_seed(h: &Hinted) -> Option<Seed> {
    let prompt =
        h.hints.has(Hints::PAYWALL) && h.counts.words <= PROMPT_HINT_MAX_WORDS && !h.inline;
    prompt.then(|| {
        h.seed(
            ClutterKind::PaywallPrompt,
            "paywall",
            CauseCode::Paywall,
            Policy::Container,
            needs_call_to_action,
        )
    })
}

#[cfg(test)]
mod tests {
    use crate::declutter::tests::*;
    use crate::declutter::ClutterKind;

    #[test]
    fn paywall_and_promo_prompts() {
        let dom = page(&format!(
            "<div id=article>{PROSE}<div id=wall><div>Subscribe to continue reading this story.</div><a href=/subscribe>Subscribe</a></div></div>\
             <div id=vip class=css-b3n4m5><h3>Join the conversation as a VIP Member</h3><a href=/vip>Become a VIP</a></div>"
        ));
        let rs = run(&dom, true);
        assert_eq!(
            removed(&rs, &dom, "wall").map(|r| r.kind),
            Some(ClutterKind::PaywallPrompt),
            "{rs:?}"
        );
        let vip = removed(&rs, &dom, "vip").unwrap_or_else(|| panic!("{rs:?}"));
        assert_eq!(vip.kind, ClutterKind::Promo);
        assert_eq!(vip.reason, "'vip member' call to action");
    }
}

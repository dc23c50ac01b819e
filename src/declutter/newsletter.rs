//! Newsletter sign-ups: a pitch ("Get the Tipsheet in your inbox"), an email field and a
//! "Sign up" button, labelled "Newsletter" or named by class.

use crate::dom::{Element, NodeId};
use crate::word_list::{word_list, WordList};

use super::facts::Facts;
use super::lexicon::{Hints, Phrases};
use super::seeds::PROMPT_HINT_MAX_WORDS;
use super::seeds::{find_control, Hinted, LabelSeen, Policy, Priority, Seed, Slot, Why};
use super::{Cause, CauseCode, ClutterKind};

pub const LABELS: WordList = word_list![
    "newsletter",
    "newsletters",
    "sign up for our newsletter",
    "subscribe to our newsletter",
    "get our newsletter",
    "join our newsletter",
    "sign up for our free newsletter",
    "newsletter abonnieren",
    "inscrivez-vous à notre newsletter",
    "suscríbete a nuestro boletín",
    "iscriviti alla newsletter",
    "meld je aan voor onze nieuwsbrief",
    "zapisz się do newslettera",
    "подпишитесь на нашу рассылку",
    "ニュースレターに登録",
    "订阅我们的新闻简报",
    "prenumerera på vårt nyhetsbrev",
    "assine a nossa newsletter",
    "النشرة البريدية",
    "اشترك في النشرة البريدية",
    "e-bülten",
    "bültenimize abone olun",
];

/// Phrases of newsletter sign-ups.
pub const PHRASES: &[&str] = &[
    "newsletter",
    "in your inbox",
    "to your inbox",
    "mailing list",
    "sign up for our",
    "subscribe to our",
    "sent to your email",
    "delivered to your email",
    "new posts by email",
    "beiträge per e-mail",
    "articles par e-mail",
    "entradas por correo",
    "lettre d'information",
    "infolettre",
    "boletín",
    "nieuwsbrief",
    "nyhetsbrev",
    "рассылку",
    "ニュースレター",
    "新闻简报",
    "newslettera",
    "النشرة البريدية",
    "e-bülten",
];

/// Texts of buttons that subscribe to a newsletter.
const SUBSCRIBE_LABELS: &[&str] = &[
    "sign up",
    "signup",
    "sign me up",
    "subscribe",
    "subscribe now",
    "join",
    "get it",
    "i'm in",
    "submit",
    "go",
    "anmelden",
    "jetzt anmelden",
    "abonnieren",
    "s'inscrire",
    "je m'inscris",
    "je m'abonne",
    "suscribirse",
    "suscríbete",
    "iscriviti",
    "inscreva-se",
    "подписаться",
    "订阅",
];

/// Class or id words of newsletter boxes.
pub const CLASS_WORDS: WordList = word_list![
    "newsletter",
    "newsletters",
    "nlsignup",
    "mailchimp",
    "mc4wp",
];

/// A newsletter box: a headline, a pitch, the form and the fine print.
pub const NEWSLETTER_BOX: Policy = Policy::Slot(Slot {
    max_words: 80,
    extra_words: 50,
    extra_plain: 400,
    extra_links: 3,
    extra_media: 0,
});

/// An input for an email address: by its type, or a text input named for one.
pub fn is_email_input(e: &Element, input_type: &str) -> bool {
    if input_type.eq_ignore_ascii_case("email") {
        return true;
    }
    (input_type.is_empty() || input_type.eq_ignore_ascii_case("text"))
        && [e.attr("name"), e.attr("id"), e.attr("placeholder")]
            .iter()
            .flatten()
            .any(|v| v.to_ascii_lowercase().contains("email"))
}

/// True when a button's normalised text subscribes to a newsletter.
fn is_subscribe_label(norm: &str) -> bool {
    SUBSCRIBE_LABELS.contains(&norm)
}

/// "Newsletter" over its box.
pub fn label_seed(label: LabelSeen) -> Seed {
    Seed::new(
        label.id,
        ClutterKind::Newsletter,
        label.why(),
        NEWSLETTER_BOX,
        Priority::Label,
        check,
    )
}

/// "Sign up for our newsletter": the pitch.
pub fn phrase_seed(id: NodeId, phrase: &str) -> Seed {
    Seed::new(
        id,
        ClutterKind::Newsletter,
        Why::says(phrase, "sign-up"),
        NEWSLETTER_BOX,
        Priority::Markup,
        check,
    )
}

/// A form with an email field that talks about a newsletter.
pub fn form_seed(f: &Facts, id: NodeId) -> Option<Seed> {
    let c = f.counts(id);
    let form = f.dom.is(id, "form") && c.email_inputs > 0 && c.phrases.has(Phrases::NEWSLETTER);
    form.then(|| {
        Seed::new(
            id,
            ClutterKind::Newsletter,
            Why::new(
                "email sign-up form".to_owned(),
                Cause::new(CauseCode::SignupForm),
            ),
            NEWSLETTER_BOX,
            Priority::Structure,
            check,
        )
        .in_article()
    })
}

/// A box named "newsletter" with its form or pitch.
pub fn hint_seed(h: &Hinted) -> Option<Seed> {
    let c = h.counts;
    let sign_up = h.hints.has(Hints::NEWSLETTER)
        && (c.email_inputs > 0 || c.phrases.has(Phrases::NEWSLETTER))
        && c.words <= PROMPT_HINT_MAX_WORDS
        && !h.inline;
    sign_up.then(|| {
        h.seed(
            ClutterKind::Newsletter,
            "newsletter box",
            CauseCode::NewsletterBox,
            NEWSLETTER_BOX,
            check,
        )
    })
}

/// A pitch is a newsletter box once it holds the form, or a "Sign up" button.
fn check(f: &Facts, s: &Seed, node: NodeId) -> Option<ClutterKind> {
    let sign_up = s.policy == Policy::Container
        || f.counts(node).email_inputs > 0
        || find_control(f, node, is_subscribe_label).is_some();
    sign_up.then_some(s.kind)
}

#[cfg(test)]
mod tests {
    use crate::declutter::tests::*;
    use crate::declutter::ClutterKind;

    #[test]
    fn newsletter_box() {
        let dom = page(&format!(
            "<div id=article>{PROSE}</div><div id=nl><h3>Get the Tipsheet in your inbox</h3>\
             <form action=/subscribe><label>Sign up for our free daily newsletter</label><input type=email name=email>\
             <button>Subscribe</button></form></div>"
        ));
        let rs = run(&dom, true);
        assert_eq!(
            removed(&rs, &dom, "nl").map(|r| r.kind),
            Some(ClutterKind::Newsletter),
            "{rs:?}"
        );
    }

    #[test]
    fn newsletter_mention_in_a_byline_stays() {
        let dom = page(&format!(
            "<div id=article><p id=bio>By <a href=/by/alex>Alex Heath</a>, author of the Command Line newsletter.</p>{PROSE}</div>"
        ));
        assert!(run(&dom, false).is_empty());
    }
}

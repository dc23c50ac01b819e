//! Why a block was removed, in a form the extension can put in the user's language: a code, and
//! the one detail the reason names (a label, a phrase, a host, a count).
//!
//! The rules word their reasons in English for logs, tests and the CLI; this reads those words
//! back. It sits beside the kinds so that a reworded reason fails `classifies_every_reason` and
//! the corpus test `tests/removal_causes.rs`, not silently in the popup.

use serde::Serialize;

/// The kind of evidence behind a removal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CauseCode {
    /// A frame, script or link of a known ad server (`detail`: its host).
    AdFrom,
    /// Ad markup without a named server: an AdSense `<ins>`, an AMP ad, a slot id or attribute.
    AdSlot,
    /// A short label over the block (`detail`: "Advertisement").
    Label,
    /// A call to action in the block (`detail`: the phrase, "become a VIP member").
    Says,
    /// Links to share the page (`detail`: the first share targets, when known).
    ShareLinks,
    /// A form asking for an email address.
    SignupForm,
    /// A block made of headline links (`count`: how many).
    HeadlineList,
    /// A block the site itself names a comment section.
    CommentSection,
    /// A block the site names a recommendation widget.
    RecommendationWidget,
    /// A block the site names a consent banner.
    CookieBanner,
    /// A block the site names a paywall.
    Paywall,
    /// A block the site names a newsletter box.
    NewsletterBox,
    /// A fixed box or dialog over the page (`detail`: the text of its button, when it has one).
    Popup,
    /// A reason this file does not know yet (`detail`: the reason as the rules wrote it).
    Other,
}

/// A removal's reason as code and detail.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Cause {
    pub code: CauseCode,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<u32>,
}

impl Cause {
    fn new(code: CauseCode) -> Cause {
        Cause {
            code,
            detail: None,
            count: None,
        }
    }

    fn with_detail(code: CauseCode, detail: &str) -> Cause {
        Cause {
            detail: Some(detail.to_owned()),
            ..Cause::new(code)
        }
    }

    /// Reads a reason as the kinds' seed rules (and `ads::markup`) word it.
    pub fn of(reason: &str) -> Cause {
        use CauseCode::*;
        if let Some(host) = ["iframe from ", "script from ", "link to "]
            .iter()
            .find_map(|p| reason.strip_prefix(p))
        {
            return Cause::with_detail(AdFrom, host);
        }
        if reason == "Google ad iframe"
            || reason == "ins.adsbygoogle"
            || reason.starts_with("<amp-")
            || reason.starts_with("attribute data-")
            || reason.starts_with("id '")
            || reason.starts_with("ad container (")
        {
            return Cause::new(AdSlot);
        }
        if let Some(label) = quoted(reason, "label '") {
            return Cause::with_detail(Label, label);
        }
        if let Some(rest) = reason
            .strip_prefix("fixed overlay ")
            .or_else(|| reason.strip_prefix("dialog "))
        {
            return match quoted(rest, "with '") {
                Some(button) => Cause::with_detail(Popup, button),
                None => Cause::new(Popup),
            };
        }
        if let Some(phrase) = reason.strip_prefix('\'').and_then(|r| {
            [
                "' paywall prompt",
                "' call to action",
                "' sign-up",
                "' notice",
                "' video ad",
            ]
            .iter()
            .find_map(|s| r.strip_suffix(s))
        }) {
            return Cause::with_detail(Says, phrase);
        }
        if reason == "email sign-up form" {
            return Cause::new(SignupForm);
        }
        if let Some((count, rest)) = reason.split_once(' ') {
            if let Ok(count) = count.parse::<u32>() {
                if let Some(targets) = rest.strip_prefix("share links") {
                    let targets = targets.trim_start_matches(" (").trim_end_matches(')');
                    return match targets {
                        "" => Cause::new(ShareLinks),
                        t => Cause::with_detail(ShareLinks, t),
                    };
                }
                if rest.starts_with("headline links") {
                    return Cause::headline_list(count);
                }
            }
        }
        if let Some(count) = reason
            .strip_prefix("list of ")
            .and_then(|r| r.split_once(' '))
            .and_then(|(n, _)| n.parse().ok())
        {
            return Cause::headline_list(count);
        }
        const NAMED: &[(&str, CauseCode)] = &[
            ("comment section (", CommentSection),
            ("recommendation widget (", RecommendationWidget),
            ("consent banner (", CookieBanner),
            ("paywall (", Paywall),
            ("newsletter box (", NewsletterBox),
            ("share tools (", ShareLinks),
        ];
        if let Some(&(_, code)) = NAMED.iter().find(|(p, _)| reason.starts_with(p)) {
            return Cause::new(code);
        }
        Cause::with_detail(Other, reason)
    }

    fn headline_list(count: u32) -> Cause {
        Cause {
            count: Some(count),
            ..Cause::new(CauseCode::HeadlineList)
        }
    }
}

/// `label 'Advertisement'` with prefix `label '` → `Advertisement` (which may hold quotes).
fn quoted<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    text.strip_prefix(prefix)?.strip_suffix('\'')
}

#[cfg(test)]
mod tests {
    use super::CauseCode::*;
    use super::*;

    fn cause(code: CauseCode, detail: Option<&str>, count: Option<u32>) -> Cause {
        Cause {
            code,
            detail: detail.map(str::to_owned),
            count,
        }
    }

    /// Every wording the rules use today, one example each.
    #[test]
    fn classifies_every_reason() {
        let cases = [
            (
                "iframe from doubleclick.net",
                cause(AdFrom, Some("doubleclick.net"), None),
            ),
            (
                "script from adnxs.com",
                cause(AdFrom, Some("adnxs.com"), None),
            ),
            (
                "link to taboola.com",
                cause(AdFrom, Some("taboola.com"), None),
            ),
            ("Google ad iframe", cause(AdSlot, None, None)),
            ("ins.adsbygoogle", cause(AdSlot, None, None)),
            ("<amp-ad>", cause(AdSlot, None, None)),
            ("attribute data-ad-slot", cause(AdSlot, None, None)),
            ("id 'div-gpt-ad-1561305600000…'", cause(AdSlot, None, None)),
            ("ad container (.ad-wrapper)", cause(AdSlot, None, None)),
            (
                "label 'Advertisement'",
                cause(Label, Some("Advertisement"), None),
            ),
            (
                "label 'Editor's picks'",
                cause(Label, Some("Editor's picks"), None),
            ),
            (
                "'vip member' call to action",
                cause(Says, Some("vip member"), None),
            ),
            (
                "'subscribe now' paywall prompt",
                cause(Says, Some("subscribe now"), None),
            ),
            (
                "'newsletter' sign-up",
                cause(Says, Some("newsletter"), None),
            ),
            ("'cookies' notice", cause(Says, Some("cookies"), None)),
            ("'skip ad' video ad", cause(Says, Some("skip ad"), None)),
            (
                "3 share links (facebook.com, twitter.com, email)",
                cause(ShareLinks, Some("facebook.com, twitter.com, email"), None),
            ),
            ("4 share links", cause(ShareLinks, None, None)),
            ("share tools (.social)", cause(ShareLinks, None, None)),
            ("email sign-up form", cause(SignupForm, None, None)),
            (
                "list of 7 headline links outside the article",
                cause(HeadlineList, None, Some(7)),
            ),
            (
                "list of 5 headline links in the article's block, not its text",
                cause(HeadlineList, None, Some(5)),
            ),
            (
                "6 headline links (.most-read)",
                cause(HeadlineList, None, Some(6)),
            ),
            (
                "comment section (#comments)",
                cause(CommentSection, None, None),
            ),
            (
                "recommendation widget (.OUTBRAIN)",
                cause(RecommendationWidget, None, None),
            ),
            ("consent banner (.cmp)", cause(CookieBanner, None, None)),
            ("paywall (.meter)", cause(Paywall, None, None)),
            ("newsletter box (.nl)", cause(NewsletterBox, None, None)),
            (
                "fixed overlay with 'Accept cookies'",
                cause(Popup, Some("Accept cookies"), None),
            ),
            ("dialog with a paywall prompt", cause(Popup, None, None)),
            ("fixed overlay about cookies", cause(Popup, None, None)),
            ("dialog of 40 words", cause(Popup, None, None)),
            ("something new", cause(Other, Some("something new"), None)),
        ];
        for (reason, expected) in cases {
            assert_eq!(Cause::of(reason), expected, "{reason}");
        }
    }
}

//! Why a block was removed, in a form the extension can put in the user's language: a code, and
//! the one detail the reason names (a label, a phrase, a host, a count). Each kind's rule gives
//! its seed a cause beside the English reason (for logs, tests and the CLI), from the same
//! values.

use serde::Serialize;

/// The kind of evidence behind a removal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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
}

impl CauseCode {
    /// The code as the extension and the CLI's JSON name it.
    pub fn name(self) -> &'static str {
        match self {
            CauseCode::AdFrom => "ad_from",
            CauseCode::AdSlot => "ad_slot",
            CauseCode::Label => "label",
            CauseCode::Says => "says",
            CauseCode::ShareLinks => "share_links",
            CauseCode::SignupForm => "signup_form",
            CauseCode::HeadlineList => "headline_list",
            CauseCode::CommentSection => "comment_section",
            CauseCode::RecommendationWidget => "recommendation_widget",
            CauseCode::CookieBanner => "cookie_banner",
            CauseCode::Paywall => "paywall",
            CauseCode::NewsletterBox => "newsletter_box",
            CauseCode::Popup => "popup",
        }
    }
}

impl Serialize for CauseCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
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
    pub fn new(code: CauseCode) -> Cause {
        Cause {
            code,
            detail: None,
            count: None,
        }
    }

    pub fn with_detail(code: CauseCode, detail: &str) -> Cause {
        Cause {
            detail: Some(detail.to_owned()),
            ..Cause::new(code)
        }
    }

    pub fn with_count(code: CauseCode, count: u32) -> Cause {
        Cause {
            count: Some(count),
            ..Cause::new(code)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shape the popup reads (`extension/popup.js`): a snake_case code, and a detail or a
    /// count only when there is one.
    #[test]
    fn serialises_as_the_popup_reads_it() {
        let json = |c: &Cause| serde_json::to_string(c).unwrap();
        assert_eq!(
            json(&Cause::with_detail(CauseCode::AdFrom, "doubleclick.net")),
            r#"{"code":"ad_from","detail":"doubleclick.net"}"#
        );
        assert_eq!(
            json(&Cause::with_count(CauseCode::HeadlineList, 7)),
            r#"{"code":"headline_list","count":7}"#
        );
        assert_eq!(
            json(&Cause::new(CauseCode::SignupForm)),
            r#"{"code":"signup_form"}"#
        );
    }
}

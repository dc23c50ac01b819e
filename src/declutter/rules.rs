//! The rules: each finds *seeds*, elements that certainly belong to one piece of clutter (a slot
//! label, an ad frame, a share link cluster, a heading over a list of headlines), with a kind, a
//! reason and how far the block may grow around them (`grow.rs`).

use crate::dom::{NodeData, NodeId};
use crate::text;

use super::facts::{self, flag, Facts};
use super::signals::{self, Hints, Label};
use super::ClutterKind;

/// How a seed may grow into its outermost sensible block.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Policy {
    /// A small self-contained block (ad slot, share bar, promo box): wrappers are absorbed while
    /// what they add is at most `extra_words` words, `extra_plain` characters outside links and
    /// `extra_links` links, and the whole stays within `max_words`.
    Slot {
        max_words: u32,
        extra_words: u32,
        extra_plain: u32,
        extra_links: u32,
    },
    /// A heading over links to other pages: wrappers are absorbed while what they add is mostly
    /// links (more headlines, thumbnails) or a few words.
    Section,
    /// A container found by what it is (comment section, overlay, widget): only pure wrappers
    /// (no text, links or media of their own) are absorbed.
    Container,
}

/// An ad slot with its label: "Advertisement", "Scroll to continue with content", "AdChoices".
pub const AD_SLOT: Policy = Policy::Slot {
    max_words: 12,
    extra_words: 6,
    extra_plain: 48,
    extra_links: 2,
};
/// A share toolbar: "Share this article" plus counts; a few other tools (print, comments link).
pub const SHARE_BAR: Policy = Policy::Slot {
    max_words: 40,
    extra_words: 6,
    extra_plain: 24,
    extra_links: 3,
};
/// A promotion or paywall prompt: a headline, a sentence or two, and its buttons.
pub const PROMO_BOX: Policy = Policy::Slot {
    max_words: 80,
    extra_words: 50,
    extra_plain: 400,
    extra_links: 4,
};
/// A newsletter box: a headline, a pitch, the form and the fine print.
pub const NEWSLETTER_BOX: Policy = Policy::Slot {
    max_words: 80,
    extra_words: 50,
    extra_plain: 400,
    extra_links: 3,
};
/// A consent banner: a paragraph of legalese, its links and buttons.
pub const CONSENT_BOX: Policy = Policy::Slot {
    max_words: 160,
    extra_words: 120,
    extra_plain: 1000,
    extra_links: 8,
};

/// A class-hinted ad container may hold at most this many words (a creative's own text).
const AD_HINT_MAX_WORDS: u32 = 20;
/// A sponsored label over at least this many headline links is a sponsored feed, not one ad.
pub const SPONSORED_FEED_MIN_HEADLINES: u32 = 2;
/// This many headline links, with little else, make an unlabelled block a list of headlines...
pub const HEADLINE_LIST_MIN_LINKS: u32 = 5;
/// ...when at least this share of its text is links...
pub const HEADLINE_LIST_MIN_LINK_DENSITY: f32 = 0.75;
/// ...and at least this share of its links read like headlines (menus have short links)...
const HEADLINE_LIST_MIN_HEADLINE_SHARE: f32 = 0.5;
/// ...and at least this share of its headlines sit in a block of their own (a list entry, a
/// card), unlike a line of tags or a footer menu run together in one paragraph.
const HEADLINE_LIST_MIN_BLOCK_SHARE: f32 = 0.5;
/// A class-hinted related/trending box needs at least this many headline links.
const HINTED_LIST_MIN_LINKS: u32 = 3;
/// Two share links or buttons make a share bar...
const SHARE_MIN_LINKS: u32 = 2;
/// ...with at most this many words per control, plus `SHARE_EXTRA_WORDS` for its label...
const SHARE_WORDS_PER_LINK: u32 = 4;
const SHARE_EXTRA_WORDS: u32 = 6;
/// ...and at most this many characters outside its controls ("Share this article", counts): a
/// byline with share icons is a byline.
const SHARE_MAX_PLAIN_CHARS: u32 = 32;
/// A fixed element with more words than this is a page part (a docked article?), not an overlay.
const OVERLAY_MAX_WORDS: u32 = 400;
/// A paywall, promo or consent container by class or id holds at most this many words.
const PROMPT_HINT_MAX_WORDS: u32 = 160;

/// One element that certainly belongs to a piece of clutter.
#[derive(Clone, Debug)]
pub struct Seed {
    pub node: NodeId,
    pub kind: ClutterKind,
    pub reason: String,
    pub policy: Policy,
    /// Higher wins when two seeds grow into the same block: labels say most about a block.
    pub priority: u8,
    /// A section label: two labelled sections are never merged into one block.
    pub is_label: bool,
}

/// Priorities: what a block says about itself, then its markup, then its structure, then names.
const PRIO_LABEL: u8 = 4;
const PRIO_MARKUP: u8 = 3;
const PRIO_STRUCTURE: u8 = 2;
const PRIO_HINT: u8 = 1;

/// Finds every seed on the page, in document order.
pub fn seeds(f: &Facts, keep_comments: bool) -> Vec<Seed> {
    let dom = f.dom;
    let mut out = Vec::new();
    let mut walk = dom.descendants(crate::dom::NodeId::ROOT);
    while let Some(id) = walk.next() {
        let fl = f.flags[id.index()];
        if fl & (flag::IN_HEAD | flag::INERT | flag::HIDDEN) != 0 && !dom.is(id, "script") {
            // Nothing hidden or inert is clutter the reader sees; ad loader scripts still seed
            // the visible slot around them.
            if dom.element(id).is_some() {
                walk.skip_subtree(id);
            }
            continue;
        }
        if fl & (flag::IN_HEAD | flag::HIDDEN) != 0 {
            continue;
        }
        let Some(e) = dom.element(id) else { continue };
        if matches!(&*e.name, "html" | "head" | "body") {
            continue;
        }
        let c = f.c(id);
        // No block holding protected content can be removed: look further down.
        if c.protected > 0 {
            continue;
        }
        markup_seed(f, id, &mut out);
        label_seed(f, id, &mut out);
        phrase_seed(f, id, &mut out);
        structure_seed(f, id, &mut out);
        hint_seed(f, id, keep_comments, &mut out);
        overlay_seed(f, id, &mut out);
    }
    out
}

/// Ad markup: an ad server's frame or loader script, AdSense `<ins>`, GPT slot ids.
fn markup_seed(f: &Facts, id: NodeId, out: &mut Vec<Seed>) {
    if !f.has(id, flag::AD_MARK) {
        return;
    }
    if let Some(reason) = facts::ad_markup(f.dom, id, f.hints(id)) {
        // An ad link inside a headline list is one sponsored entry, not a slot: let the list
        // rule decide about the list.
        if f.dom.is(id, "a") && f.c(id).words > 3 {
            return;
        }
        out.push(Seed {
            node: id,
            kind: ClutterKind::Ad,
            reason,
            policy: AD_SLOT,
            priority: PRIO_MARKUP,
            is_label: false,
        });
    }
}

/// The text of a small element that is its parent's only text of that size: a label.
/// Returns the normalised text and the original, for the reason.
fn label_text(f: &Facts, id: NodeId) -> Option<(String, String)> {
    let c = f.c(id);
    if c.words == 0 || c.words > signals::LABEL_MAX_WORDS {
        return None;
    }
    // The outermost element with this text: its parent says more.
    if let Some(p) = f.dom.parent(id) {
        if f.dom.element(p).is_some() && f.c(p).words == c.words && f.c(p).chars == c.chars {
            return None;
        }
    }
    let mut raw = String::new();
    let mut walk = f.dom.descendants(id);
    while let Some(d) = walk.next() {
        match f.dom.data(d) {
            NodeData::Text(t) if !f.has(d, flag::INERT) => {
                raw.push_str(t);
                raw.push(' ');
            }
            NodeData::Element(_) if f.has(d, flag::INERT) || f.has(d, flag::HIDDEN) => {
                walk.skip_subtree(d)
            }
            _ => {}
        }
    }
    let norm = signals::normalize_label(&raw);
    Some((norm, raw))
}

/// A label: "Advertisement", "Trending", "Recommended", "Newsletter", "Share", in an element of
/// its own (or an `aria-label`).
fn label_seed(f: &Facts, id: NodeId, out: &mut Vec<Seed>) {
    let dom = f.dom;
    let e = dom.element(id).expect("element");
    let c = f.c(id);
    let has_aria = e.attr("aria-label").is_some();
    if !has_aria && (c.words == 0 || c.words > signals::LABEL_MAX_WORDS) {
        return;
    }
    // Headings inside navigation are menu entries; links are entries of some list, unless
    // the label is a linked heading ("<h2><a>Most popular</a></h2>").
    if f.has(id, flag::IN_NAV) {
        return;
    }
    let heading = matches!(&*e.name, "h2" | "h3" | "h4" | "h5" | "h6") || has_heading_child(f, id);
    if c.link_chars * 2 > c.chars && !heading {
        return;
    }
    // A top-level heading is the page's title, never a label; a button's text is its action
    // ("Recommend", "Share"), handled with the buttons.
    if e.is("h1") || c.landmarks > 0 || in_button(f, id) {
        return;
    }
    let from_aria = e
        .attr("aria-label")
        .map(|a| (signals::normalize_label(a), text::normalize_space(a)))
        .filter(|(n, _)| matches!(signals::label(n), Some(Label::Ad | Label::Sponsored)));
    let Some((norm, raw)) = from_aria.or_else(|| label_text(f, id)) else {
        return;
    };
    let Some(label) = signals::label(&norm) else {
        return;
    };
    let quoted = text::excerpt(&raw, 40);
    let (kind, policy) = match label {
        Label::Ad => {
            // An article's own section heading "Advertising" is not a slot label.
            if heading && f.has(id, flag::IN_REGION) && !f.has_article {
                return;
            }
            (ClutterKind::Ad, AD_SLOT)
        }
        Label::Sponsored => (ClutterKind::Ad, Policy::Section),
        Label::Section(kind) => (kind, Policy::Section),
        Label::Newsletter => (ClutterKind::Newsletter, NEWSLETTER_BOX),
        Label::Share => (ClutterKind::ShareBar, SHARE_BAR),
    };
    let is_label = matches!(policy, Policy::Section);
    out.push(Seed {
        node: id,
        kind,
        reason: format!("label '{quoted}'"),
        policy,
        priority: PRIO_LABEL,
        is_label,
    });
}

/// How far up a label is looked for a button around it: labels sit shallow in their buttons.
const LABEL_BUTTON_LEVELS: usize = 4;

/// Whether `id` sits in a button.
fn in_button(f: &Facts, id: NodeId) -> bool {
    std::iter::once(id)
        .chain(f.dom.ancestors(id))
        .take(LABEL_BUTTON_LEVELS)
        .any(|a| f.dom.is(a, "button") || f.dom.attr(a, "role") == Some("button"))
}

fn has_heading_child(f: &Facts, id: NodeId) -> bool {
    f.dom
        .child_elements(id)
        .any(|ch| matches!(f.dom.tag(ch), Some("h2" | "h3" | "h4" | "h5" | "h6")))
}

/// Calls to action: a short text with a paywall, promotion, newsletter or cookie phrase, in an
/// element that also holds a link, a button or a form.
fn phrase_seed(f: &Facts, id: NodeId, out: &mut Vec<Seed>) {
    let dom = f.dom;
    // Seeds are the elements directly holding the phrase's text node.
    let mut own_bits = 0u8;
    let mut phrase_text = None;
    if f.c(id).phrases == 0 {
        return;
    }
    for ch in dom.children(id) {
        if let NodeData::Text(t) = dom.data(ch) {
            let bits = f.text(ch).2;
            if bits != 0 {
                own_bits |= bits;
                phrase_text.get_or_insert(t.as_str());
            }
        }
    }
    let Some(t) = phrase_text else { return };
    // A link saying "Become a member" is a menu entry or a button: the pitch is plain text.
    if f.has(id, flag::IN_NAV) || f.has(id, flag::IN_LINK) {
        return;
    }
    let (kind, bit, policy, what) = if own_bits & signals::PHRASE_PAYWALL != 0 {
        (
            ClutterKind::PaywallPrompt,
            signals::PHRASE_PAYWALL,
            PROMO_BOX,
            "paywall prompt",
        )
    } else if own_bits & signals::PHRASE_PROMO != 0 {
        (
            ClutterKind::Promo,
            signals::PHRASE_PROMO,
            PROMO_BOX,
            "call to action",
        )
    } else if own_bits & signals::PHRASE_NEWSLETTER != 0 {
        (
            ClutterKind::Newsletter,
            signals::PHRASE_NEWSLETTER,
            NEWSLETTER_BOX,
            "sign-up",
        )
    } else {
        (
            ClutterKind::ConsentBanner,
            signals::PHRASE_COOKIE,
            CONSENT_BOX,
            "notice",
        )
    };
    let phrase = signals::phrase_found(t, bit).unwrap_or("");
    out.push(Seed {
        node: id,
        kind,
        reason: format!("'{phrase}' {what}"),
        policy,
        priority: PRIO_MARKUP,
        is_label: false,
    });
}

/// Structure: a cluster of share links, an email sign-up form, or (away from the article) a
/// block made of headline links.
fn structure_seed(f: &Facts, id: NodeId, out: &mut Vec<Seed>) {
    let dom = f.dom;
    let c = f.c(id);
    let parent = dom.parent(id).filter(|&p| dom.element(p).is_some());

    if is_share_cluster(f, id) && !parent.is_some_and(|p| is_share_cluster(f, p)) {
        let targets = share_targets(f, id);
        out.push(Seed {
            node: id,
            kind: ClutterKind::ShareBar,
            reason: format!("{} share links{}", c.share_links, targets),
            policy: SHARE_BAR,
            priority: PRIO_STRUCTURE,
            is_label: false,
        });
    }

    if dom.is(id, "form") && c.email_inputs > 0 && c.phrases & signals::PHRASE_NEWSLETTER != 0 {
        out.push(Seed {
            node: id,
            kind: ClutterKind::Newsletter,
            reason: "email sign-up form".to_owned(),
            policy: NEWSLETTER_BOX,
            priority: PRIO_STRUCTURE,
            is_label: false,
        });
    }

    if is_headline_list(f, id) && !parent.is_some_and(|p| is_headline_list(f, p)) {
        let h = f.hints(id);
        let kind = if h.has(Hints::TRENDING) {
            ClutterKind::TrendingList
        } else if h.has(Hints::SPONSORED_WIDGET) || c.ad_marks * 2 >= c.headline_links {
            ClutterKind::SponsoredFeed
        } else {
            ClutterKind::Recommended
        };
        let place = if f.has(id, flag::IN_REGION) {
            "in the article's block, not its text"
        } else {
            "outside the article"
        };
        out.push(Seed {
            node: id,
            kind,
            reason: format!("list of {} headline links {place}", c.headline_links),
            policy: Policy::Section,
            priority: PRIO_STRUCTURE,
            is_label: false,
        });
    }
}

fn is_share_cluster(f: &Facts, id: NodeId) -> bool {
    let c = f.c(id);
    let controls = c.links + c.buttons;
    c.share_links >= SHARE_MIN_LINKS
        && c.share_links * 2 >= controls
        && c.chars - c.link_chars <= SHARE_MAX_PLAIN_CHARS
        && c.meta == 0
        && c.words <= SHARE_WORDS_PER_LINK * controls + SHARE_EXTRA_WORDS
        && c.media == c.linked_media
        && c.linked_media <= c.share_links
        && c.protected == 0
        && c.landmarks == 0
        && !f.has(id, flag::HOLDS_REGION)
}

/// "to facebook.com, twitter.com": the first share targets in a block, for the reason.
fn share_targets(f: &Facts, id: NodeId) -> String {
    let mut names: Vec<&str> = Vec::new();
    for d in f.dom.descendants(id) {
        if let Some(t) = f.dom.attr(d, "href").and_then(signals::share_target) {
            if !names.contains(&t) {
                names.push(t);
            }
            if names.len() == 3 {
                break;
            }
        }
    }
    if names.is_empty() {
        String::new()
    } else {
        format!(" ({})", names.join(", "))
    }
}

/// Many headline-length links and little else, where the article is not.
fn is_headline_list(f: &Facts, id: NodeId) -> bool {
    let c = f.c(id);
    // Inside the likely article, without an extracted one to say which text is the article,
    // a list of links may be the article's own (references, a link roundup).
    if f.has(id, flag::IN_REGION) && !f.has_article {
        return false;
    }
    if f.region.is_none() && !f.has_article {
        return false;
    }
    let min = if f.hints(id).has(Hints::TRENDING)
        || f.hints(id).has(Hints::RECOMMENDED)
        || f.has(id, flag::IN_ASIDE)
    {
        HINTED_LIST_MIN_LINKS
    } else {
        HEADLINE_LIST_MIN_LINKS
    };
    c.headline_links >= min
        && c.link_density() >= HEADLINE_LIST_MIN_LINK_DENSITY
        && c.headline_links as f32 >= c.links as f32 * HEADLINE_LIST_MIN_HEADLINE_SHARE
        && c.headline_blocks as f32 >= c.headline_links as f32 * HEADLINE_LIST_MIN_BLOCK_SHARE
        && c.protected == 0
        && c.landmarks == 0
        && !f.has(id, flag::IN_NAV)
        && !f.has(id, flag::HOLDS_REGION)
}

/// Class and id names, weighed with what the block holds.
fn hint_seed(f: &Facts, id: NodeId, keep_comments: bool, out: &mut Vec<Seed>) {
    let h = f.hints(id);
    if h.0 == 0 {
        return;
    }
    let dom = f.dom;
    let e = dom.element(id).expect("element");
    let c = f.c(id);
    let inline = matches!(
        &*e.name,
        "a" | "span" | "b" | "i" | "em" | "strong" | "small" | "time" | "button" | "img" | "label"
    );
    let name = || {
        let attr = e.attr("id").map(|i| format!("#{i}")).or_else(|| {
            e.attr("class")
                .map(|c| format!(".{}", c.split_whitespace().next().unwrap_or("")))
        });
        text::excerpt(&attr.unwrap_or_default(), 32)
    };
    let mut push = |kind, reason: String, policy| {
        out.push(Seed {
            node: id,
            kind,
            reason,
            policy,
            priority: PRIO_HINT,
            is_label: false,
        });
    };
    if h.has(Hints::COMMENTS) && !keep_comments && !inline {
        push(
            ClutterKind::Comments,
            format!("comment section ({})", name()),
            Policy::Container,
        );
        return;
    }
    if h.has(Hints::SPONSORED_WIDGET) && !inline {
        push(
            ClutterKind::SponsoredFeed,
            format!("recommendation widget ({})", name()),
            Policy::Container,
        );
        return;
    }
    if h.has(Hints::CONSENT)
        && c.words <= PROMPT_HINT_MAX_WORDS
        && (c.phrases & signals::PHRASE_COOKIE != 0 || c.words == 0)
        && !inline
    {
        push(
            ClutterKind::ConsentBanner,
            format!("consent banner ({})", name()),
            Policy::Container,
        );
        return;
    }
    if h.has(Hints::PAYWALL) && c.words <= PROMPT_HINT_MAX_WORDS && !inline {
        push(
            ClutterKind::PaywallPrompt,
            format!("paywall ({})", name()),
            Policy::Container,
        );
        return;
    }
    if h.has(Hints::AD)
        && !h.has(Hints::AD_ID)
        && c.words <= AD_HINT_MAX_WORDS
        && c.headline_links == 0
        && c.media <= 1
        && c.landmarks == 0
    {
        // Empty or nearly: a slot waiting for its ad, or one with a small creative.
        push(
            ClutterKind::Ad,
            format!("ad container ({})", name()),
            AD_SLOT,
        );
        return;
    }
    if h.has(Hints::NEWSLETTER)
        && (c.email_inputs > 0 || c.phrases & signals::PHRASE_NEWSLETTER != 0)
        && c.words <= PROMPT_HINT_MAX_WORDS
        && !inline
    {
        push(
            ClutterKind::Newsletter,
            format!("newsletter box ({})", name()),
            NEWSLETTER_BOX,
        );
        return;
    }
    if h.has(Hints::SHARE)
        && c.meta == 0
        && c.words <= SHARE_WORDS_PER_LINK * (c.links + c.buttons) + SHARE_EXTRA_WORDS
        && c.links + c.buttons >= SHARE_MIN_LINKS
        && c.landmarks == 0
        && c.headline_links == 0
    {
        push(
            ClutterKind::ShareBar,
            format!("share tools ({})", name()),
            SHARE_BAR,
        );
        return;
    }
    let hinted_list = h.has(Hints::TRENDING) || h.has(Hints::RECOMMENDED);
    if hinted_list
        && c.headline_links >= HINTED_LIST_MIN_LINKS
        && c.link_density() >= HEADLINE_LIST_MIN_LINK_DENSITY
        && c.landmarks == 0
        && !f.has(id, flag::IN_NAV)
    {
        let kind = if h.has(Hints::TRENDING) {
            ClutterKind::TrendingList
        } else {
            ClutterKind::Recommended
        };
        push(
            kind,
            format!("{} headline links ({})", c.headline_links, name()),
            Policy::Section,
        );
    }
}

/// A fixed or sticky element, or a modal dialog: an overlay, unless it is the page's own header
/// or navigation.
fn overlay_seed(f: &Facts, id: NodeId, out: &mut Vec<Seed>) {
    const OVERLAY: u32 = flag::FIXED | flag::DIALOG;
    if !f.has(id, OVERLAY) {
        return;
    }
    let dom = f.dom;
    let c = f.c(id);
    // Only the outermost one; a sticky header or menu is the site's, not clutter.
    if dom.parent(id).is_some_and(|p| f.has(p, OVERLAY)) {
        return;
    }
    if c.landmarks > 0
        || f.has(id, flag::IN_NAV)
        || dom.is(id, "header")
        || c.protected > 0
        || c.words > OVERLAY_MAX_WORDS
    {
        return;
    }
    if f.has(id, flag::HOLDS_REGION) {
        return;
    }
    let (kind, what) = if c.phrases & signals::PHRASE_COOKIE != 0 {
        (
            ClutterKind::ConsentBanner,
            accept_button(f, id)
                .map(|b| format!("with '{b}'"))
                .unwrap_or_else(|| "about cookies".to_owned()),
        )
    } else if c.phrases & signals::PHRASE_PAYWALL != 0 {
        (
            ClutterKind::PaywallPrompt,
            "with a paywall prompt".to_owned(),
        )
    } else if c.phrases & signals::PHRASE_NEWSLETTER != 0 {
        (
            ClutterKind::Newsletter,
            "with a newsletter sign-up".to_owned(),
        )
    } else if c.ad_marks > 0 || f.has(id, flag::AD_MARKED) {
        (ClutterKind::Ad, "with an ad".to_owned())
    } else {
        (ClutterKind::Overlay, format!("of {} words", c.words))
    };
    out.push(Seed {
        node: id,
        kind,
        reason: if f.has(id, flag::FIXED) {
            format!("fixed overlay {what}")
        } else {
            format!("dialog {what}")
        },
        policy: Policy::Container,
        priority: PRIO_MARKUP,
        is_label: false,
    });
}

/// The text of the first consent button in a block ("Accept cookies").
pub fn accept_button(f: &Facts, id: NodeId) -> Option<String> {
    find_control(f, id, signals::is_accept_label)
}

/// The text of the first control in a block whose normalised text passes `is_label`.
pub fn find_control(f: &Facts, id: NodeId, is_label: fn(&str) -> bool) -> Option<String> {
    for d in f.dom.descendants(id) {
        let is_control =
            matches!(f.dom.tag(d), Some("button" | "a")) || f.dom.attr(d, "role") == Some("button");
        if is_control && f.c(d).words <= 4 {
            let raw = text::normalize_space(&f.dom.text_content(d));
            if is_label(&signals::normalize_label(&raw)) {
                return Some(raw);
            }
        }
        let is_input = f.dom.is(d, "input")
            && f.dom.attr(d, "type").is_some_and(|t| {
                t.eq_ignore_ascii_case("submit") || t.eq_ignore_ascii_case("button")
            });
        if is_input {
            let raw = f.dom.attr(d, "value").unwrap_or("").to_owned();
            if is_label(&signals::normalize_label(&raw)) {
                return Some(raw);
            }
        }
    }
    None
}

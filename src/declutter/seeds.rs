//! Seeds: elements that certainly belong to one piece of clutter (a slot label, an ad frame, a
//! share link cluster, a heading over a list of headlines), each with a kind, a reason, how far
//! its block may grow (`grow.rs`) and what the grown block must hold. The rules are the kinds'
//! own; this module walks the page, reads labels, phrases and class names once, and asks each
//! kind in a fixed order.

use crate::dom::{LayoutFlags, NodeData, NodeId};
use crate::text;

use super::counts::Counts;
use super::facts::{Facts, NodeFlags};
use super::lexicon::{self, Hints, Label, Phrases};
use super::{ads, comments, consent, headlines, newsletter, overlay, paywall, promo, share};
use super::{signals, sponsored, Cause, CauseCode, ClutterKind};

/// How a seed may grow into its outermost sensible block.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Policy {
    /// A small self-contained block (ad slot, share bar, promo box).
    Slot(Slot),
    /// A heading over links to other pages: wrappers are absorbed while what they add is mostly
    /// links (more headlines, thumbnails) or a few words.
    Section,
    /// A container found by what it is (comment section, overlay, widget): only pure wrappers
    /// (no text, links or media of their own) are absorbed.
    Container,
    /// A labelled ad: wrappers that the label still opens are absorbed as by the slot (its
    /// copy, picture and link); with `feed`, also as by a section (the headlines of a paid feed).
    LabelledAd { slot: Slot, feed: bool },
}

/// The limits of a slot's growth: wrappers are absorbed while what they add is at most
/// `extra_words` words, `extra_plain` characters outside links, `extra_links` links and
/// `extra_media` pictures or videos, and the whole stays within `max_words`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Slot {
    pub max_words: u32,
    pub extra_words: u32,
    pub extra_plain: u32,
    pub extra_links: u32,
    pub extra_media: u32,
}

/// Which seed wins when two grow into the same block: what a block says about itself, then its
/// markup, then its structure, then names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Priority {
    Hint,
    Structure,
    Markup,
    Label,
}

/// Why a seed is clutter: in English for logs, tests and the CLI, and as a cause the extension
/// words in the user's language.
pub struct Why {
    pub reason: String,
    pub cause: Cause,
}

impl Why {
    pub fn new(reason: String, cause: Cause) -> Why {
        Why { reason, cause }
    }

    /// A label over or before the block: "label 'Advertisement'".
    pub fn label(text: &str) -> Why {
        Why::new(
            format!("label '{text}'"),
            Cause::with_detail(CauseCode::Label, text),
        )
    }

    /// A call to action found by its phrase: "'vip member' call to action".
    pub fn says(phrase: &str, what: &str) -> Why {
        Why::new(
            format!("'{phrase}' {what}"),
            Cause::with_detail(CauseCode::Says, phrase),
        )
    }
}

/// What a grown block must hold to be removed, and its final kind; `None` drops it.
pub type Check = fn(&Facts, &Seed, NodeId) -> Option<ClutterKind>;

/// One element that certainly belongs to a piece of clutter.
#[derive(Clone, Debug)]
pub struct Seed {
    pub node: NodeId,
    pub kind: ClutterKind,
    pub reason: String,
    /// The reason as the extension words it in the user's language.
    pub cause: Cause,
    pub policy: Policy,
    pub priority: Priority,
    /// A section label: two labelled sections are never merged into one block.
    pub is_label: bool,
    /// Whether the seed's evidence is strong enough to take text the article shows (short lines
    /// and boxes, never its prose): a label, ad markup, a call to action with its control.
    pub in_article: bool,
    pub check: Check,
}

impl Seed {
    pub fn new(
        node: NodeId,
        kind: ClutterKind,
        why: Why,
        policy: Policy,
        priority: Priority,
        check: Check,
    ) -> Seed {
        Seed {
            node,
            kind,
            reason: why.reason,
            cause: why.cause,
            policy,
            priority,
            is_label: false,
            in_article: false,
            check,
        }
    }

    /// The same seed, allowed to take the article's text outside its prose.
    pub fn in_article(self) -> Seed {
        Seed {
            in_article: true,
            ..self
        }
    }

    /// The same seed, as the label of a section.
    pub fn section_label(self) -> Seed {
        Seed {
            is_label: true,
            ..self
        }
    }
}

/// The check of blocks whose seed says all: the kind stays.
pub fn keep_kind(_: &Facts, s: &Seed, _: NodeId) -> Option<ClutterKind> {
    Some(s.kind)
}

/// A pitch (a paywall or promotion prompt) is clutter once it holds its call to action: a link,
/// a button or an input. Containers found by name or as overlays need none.
pub fn needs_call_to_action(f: &Facts, s: &Seed, node: NodeId) -> Option<ClutterKind> {
    let c = f.counts(node);
    let ctas = c.links + c.buttons + c.email_inputs;
    (s.policy == Policy::Container || ctas > 0).then_some(s.kind)
}

/// A paywall, promo or consent container by class or id holds at most this many words.
pub const PROMPT_HINT_MAX_WORDS: u32 = 160;
/// A call to action inside the article is at most this many characters: longer text holding
/// the same phrase is a paragraph about it.
const IN_ARTICLE_PITCH_MAX_CHARS: u32 = 200;

/// Finds every seed on the page, in document order.
pub fn seeds(f: &Facts, keep_comments: bool) -> Vec<Seed> {
    let dom = f.dom;
    let mut out = Vec::new();
    let mut walk = dom.descendants(NodeId::ROOT);
    let unseen = NodeFlags::IN_HEAD | NodeFlags::INERT | NodeFlags::HIDDEN;
    while let Some(id) = walk.next() {
        if f.has(id, unseen) && !dom.is(id, "script") {
            // Nothing hidden or inert is clutter the reader sees; ad loader scripts still seed
            // the visible slot around them.
            if dom.element(id).is_some() {
                walk.skip_subtree(id);
            }
            continue;
        }
        if f.has(id, NodeFlags::IN_HEAD | NodeFlags::HIDDEN) {
            continue;
        }
        let Some(e) = dom.element(id) else { continue };
        if matches!(&*e.name, "html" | "head" | "body") {
            continue;
        }
        // No block holding protected content can be removed: look further down.
        if f.counts(id).protected > 0 {
            continue;
        }
        // The article's text goes only with a seed that may take it.
        let article = f.counts(id).article > 0;
        let mut push = |seed: Option<Seed>| out.extend(seed.filter(|s| s.in_article || !article));
        push(ads::markup_seed(f, id));
        push(label_seed(f, id));
        let lead = lead_label(f, id);
        push(lead.as_ref().and_then(|l| ads::lead_seed(id, l)));
        push(lead.as_ref().and_then(|l| headlines::lead_seed(f, id, l)));
        push(phrase_seed(f, id));
        push(promo::link_seed(f, id));
        push(share::cluster_seed(f, id));
        push(newsletter::form_seed(f, id));
        push(headlines::list_seed(f, id));
        push(hint_seed(f, id, keep_comments));
        push(overlay::seed(f, id));
    }
    out
}

/// A short text found as a label: normalised for lookup, and as written for the reason.
pub struct LabelText {
    pub norm: String,
    pub raw: String,
}

/// The text of a small element that is its parent's only text of that size: a label.
fn label_text(f: &Facts, id: NodeId) -> Option<LabelText> {
    let c = f.counts(id);
    if !lexicon::label_sized(c.words, c.chars) {
        return None;
    }
    // The outermost element with this text: its parent says more, unless the parent is only
    // partly known (a part of a page: the rest of its text was not sent).
    if let Some(p) = f.dom.parent(id) {
        if f.dom
            .element(p)
            .is_some_and(|e| !e.layout.has(LayoutFlags::PARTIAL))
            && f.counts(p).words == c.words
            && f.counts(p).chars == c.chars
        {
            return None;
        }
    }
    let mut raw = String::new();
    let mut walk = f.dom.descendants(id);
    while let Some(d) = walk.next() {
        match f.dom.data(d) {
            NodeData::Text(t) if !f.has(d, NodeFlags::INERT) => {
                raw.push_str(t);
                raw.push(' ');
            }
            NodeData::Element(_) if f.has(d, NodeFlags::INERT | NodeFlags::HIDDEN) => {
                walk.skip_subtree(d)
            }
            _ => {}
        }
    }
    Some(LabelText {
        norm: signals::normalize_label(&raw),
        raw,
    })
}

/// Where a label was found, for the kinds' label rules.
pub struct LabelSeen {
    pub id: NodeId,
    /// In a heading (`h2`…`h6`), or over one.
    pub heading: bool,
    /// The label as written, shortened: "Advertisement".
    pub text: String,
}

impl LabelSeen {
    /// "label 'Advertisement'", and its cause.
    pub fn why(&self) -> Why {
        Why::label(&self.text)
    }
}

/// A label: "Advertisement", "Trending", "Recommended", "Newsletter", "Share", in an element of
/// its own (or an `aria-label`).
fn label_seed(f: &Facts, id: NodeId) -> Option<Seed> {
    let dom = f.dom;
    let e = dom.element(id)?;
    let c = f.counts(id);
    // A label in an attribute: `aria-label`, or the one a stylesheet shows (`::before`).
    let attr_label = e
        .attrs
        .iter()
        .find(|a| LABEL_ATTRIBUTES.contains(&&*a.name))
        .map(|a| a.value.as_str());
    if attr_label.is_none() && !lexicon::label_sized(c.words, c.chars) {
        return None;
    }
    // Headings inside navigation are menu entries; links are entries of some list, unless
    // the label is a linked heading ("<h2><a>Most popular</a></h2>").
    if f.has(id, NodeFlags::IN_NAV) {
        return None;
    }
    let heading =
        is_subheading(dom.tag(id)) || dom.child_elements(id).any(|ch| is_subheading(dom.tag(ch)));
    if c.link_chars * 2 > c.chars && !heading {
        return None;
    }
    // A top-level heading is the page's title, never a label; a button's text is its action
    // ("Recommend", "Share"), handled with the buttons.
    if e.is("h1") || c.landmarks > 0 || in_button(f, id) {
        return None;
    }
    // An attribute names only paid placements: elsewhere it says what a control does.
    let from_attr = attr_label
        .map(|a| LabelText {
            norm: signals::normalize_label(a),
            raw: text::normalize_space(a),
        })
        .filter(|l| matches!(lexicon::label(&l.norm), Some(Label::Ad | Label::Sponsored)));
    let found = from_attr.or_else(|| label_text(f, id))?;
    let label = lexicon::label(&found.norm)?;
    let seen = LabelSeen {
        id,
        heading,
        text: text::excerpt(&found.raw, 40),
    };
    let seed = match label {
        Label::Ad => ads::label_seed(f, seen, false),
        Label::Sponsored => ads::label_seed(f, seen, true),
        Label::Section(kind) => Some(headlines::section_label_seed(seen, kind)),
        Label::Newsletter => Some(newsletter::label_seed(seen)),
        Label::Share => Some(share::label_seed(seen)),
    };
    // A label says what its block is, inside the article too; each kind's check still asks
    // the block for what the label promises.
    seed.map(Seed::in_article)
}

/// Attributes that hold a block's label: for assistive technology, or for a stylesheet's
/// `::before { content: attr(data-label) }`.
const LABEL_ATTRIBUTES: &[&str] = &[
    "aria-label",
    "data-label",
    "data-ad-label",
    "data-before",
    "data-content",
];

/// A block opening with a label is at most this many words: a line, or an ad's copy.
const LEAD_MAX_WORDS: u32 = 120;

/// A label a block's text opens with: "Sponsored:", "Read more:".
pub struct Lead {
    pub label: Label,
    /// As written: "Read more".
    pub text: String,
}

/// The label a block's text opens with, read from its first text.
fn lead_label(f: &Facts, id: NodeId) -> Option<Lead> {
    let c = f.counts(id);
    if !f.has(id, NodeFlags::BLOCK) || c.words == 0 || c.words > LEAD_MAX_WORDS {
        return None;
    }
    for d in f.dom.descendants(id).skip(1) {
        match f.dom.data(d) {
            // The first words belong to the block itself, not to a nested one.
            NodeData::Element(_) if f.has(d, NodeFlags::BLOCK | NodeFlags::INERT) => return None,
            NodeData::Text(t) if f.text(d).chars > 0 => {
                return lexicon::lead_label(t).map(|(label, text)| Lead {
                    label,
                    text: text.to_owned(),
                });
            }
            _ => {}
        }
    }
    None
}

fn is_subheading(tag: Option<&str>) -> bool {
    matches!(tag, Some("h2" | "h3" | "h4" | "h5" | "h6"))
}

/// How far up a label is looked for a button around it: labels sit shallow in their buttons.
const LABEL_BUTTON_LEVELS: usize = 4;

/// Whether `id` sits in a button.
fn in_button(f: &Facts, id: NodeId) -> bool {
    std::iter::once(id)
        .chain(f.dom.ancestors(id))
        .take(LABEL_BUTTON_LEVELS)
        .any(|a| f.has(a, NodeFlags::BUTTON))
}

/// A kind's seed for an element holding one of its phrases.
type PhraseSeed = fn(NodeId, &str) -> Seed;

/// The kinds of calls to action, in the order they win when a text holds phrases of several.
const PHRASE_SEEDS: &[(Phrases, PhraseSeed)] = &[
    (Phrases::AD_BLOCKER, overlay::ad_blocker_phrase_seed),
    (Phrases::VIDEO_AD, ads::video_phrase_seed),
    (Phrases::PAYWALL, paywall::phrase_seed),
    (Phrases::PROMO, promo::phrase_seed),
    (Phrases::NEWSLETTER, newsletter::phrase_seed),
    (Phrases::COOKIE, consent::phrase_seed),
];

/// Calls to action: a short text with a paywall, promotion, newsletter or cookie phrase, in an
/// element that also holds a link, a button or a form.
fn phrase_seed(f: &Facts, id: NodeId) -> Option<Seed> {
    let dom = f.dom;
    if f.counts(id).phrases.is_empty() {
        return None;
    }
    // Seeds are the elements directly holding the phrase's text node.
    let mut own = Phrases::NONE;
    let mut phrase_text = None;
    for ch in dom.children(id) {
        if let NodeData::Text(t) = dom.data(ch) {
            let phrases = f.text(ch).phrases;
            if !phrases.is_empty() {
                own |= phrases;
                phrase_text.get_or_insert(t.as_str());
            }
        }
    }
    let t = phrase_text?;
    // A link saying "Become a member" is a menu entry or a button: the pitch is plain text.
    if f.has(id, NodeFlags::IN_NAV | NodeFlags::IN_LINK) {
        return None;
    }
    let &(kind, seed) = PHRASE_SEEDS.iter().find(|(kind, _)| own.has(*kind))?;
    let phrase = lexicon::phrase_found(t, kind).unwrap_or("");
    let seed = seed(id, phrase);
    Some(if f.counts(id).chars <= IN_ARTICLE_PITCH_MAX_CHARS {
        seed.in_article()
    } else {
        seed
    })
}

/// An element with class or id hints, as the kinds' hint rules read it.
pub struct Hinted<'f, 'a> {
    pub f: &'f Facts<'a>,
    pub id: NodeId,
    pub hints: Hints,
    pub counts: &'f Counts,
    /// An inline element (a link, a label, an image) is part of a block, never a whole one.
    pub inline: bool,
    pub keep_comments: bool,
}

impl Hinted<'_, '_> {
    /// "#comments" or ".ad-slot": the name that hinted, for the reason.
    pub fn name(&self) -> String {
        let e = self.f.dom.element(self.id);
        let attr = e.and_then(|e| {
            e.attr("id").map(|i| format!("#{i}")).or_else(|| {
                e.attr("class")
                    .map(|c| format!(".{}", c.split_whitespace().next().unwrap_or("")))
            })
        });
        text::excerpt(&attr.unwrap_or_default(), 32)
    }

    /// A seed for the hinted element: `what` the site's name says it is ("comment section"),
    /// and its cause.
    pub fn seed(
        &self,
        kind: ClutterKind,
        what: &str,
        code: CauseCode,
        policy: Policy,
        check: Check,
    ) -> Seed {
        let reason = format!("{what} ({})", self.name());
        Seed::new(
            self.id,
            kind,
            Why::new(reason, Cause::new(code)),
            policy,
            Priority::Hint,
            check,
        )
    }
}

/// The kinds' rules for class and id names, in the order they are asked: the first that
/// answers decides.
const HINT_SEEDS: &[fn(&Hinted) -> Option<Seed>] = &[
    comments::hint_seed,
    sponsored::hint_seed,
    consent::hint_seed,
    paywall::hint_seed,
    ads::hint_seed,
    newsletter::hint_seed,
    share::hint_seed,
    headlines::hint_seed,
];

/// Class and id names, weighed with what the block holds.
fn hint_seed(f: &Facts, id: NodeId, keep_comments: bool) -> Option<Seed> {
    let hints = f.hints(id);
    if hints.is_empty() {
        return None;
    }
    let hinted = Hinted {
        f,
        id,
        hints,
        counts: f.counts(id),
        inline: matches!(
            f.dom.tag(id),
            Some(
                "a" | "span"
                    | "b"
                    | "i"
                    | "em"
                    | "strong"
                    | "small"
                    | "time"
                    | "button"
                    | "img"
                    | "label"
            )
        ),
        keep_comments,
    };
    HINT_SEEDS.iter().find_map(|rule| rule(&hinted))
}

/// The text of the first control in a block whose normalised text passes `is_label`: a button
/// or link by its text, an input button by its value.
pub fn find_control(f: &Facts, id: NodeId, is_label: fn(&str) -> bool) -> Option<String> {
    for d in f.dom.descendants(id) {
        let Some(e) = f.dom.element(d) else { continue };
        if e.is("input") {
            if f.has(d, NodeFlags::BUTTON) {
                let raw = e.attr("value").unwrap_or("").to_owned();
                if is_label(&signals::normalize_label(&raw)) {
                    return Some(raw);
                }
            }
        } else if (e.is("a") || f.has(d, NodeFlags::BUTTON)) && f.counts(d).words <= 4 {
            let raw = text::normalize_space(&f.dom.text_content(d));
            if is_label(&signals::normalize_label(&raw)) {
                return Some(raw);
            }
        }
    }
    None
}

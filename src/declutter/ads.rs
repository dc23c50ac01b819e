//! Ads and ad slots: ad servers' frames and scripts, AdSense and AMP elements, slot ids and
//! attributes, "Advertisement" and "Sponsored" labels in many languages, and class names of ad
//! containers. An ad slot goes with its label and wrapper.

use crate::dom::{Dom, NodeId};
use crate::text;
use crate::word_list::{word_list, WordList};

use super::facts::{Facts, NodeFlags};
use super::lexicon::{self, Hints, Label};
use super::seeds::{Hinted, LabelSeen, Lead, Policy, Priority, Seed, Slot, Why};
use super::signals::{host_is, normalize_label, split_host, starts_with_ignore_case};
use super::{Cause, CauseCode, ClutterKind};

/// Labels matched exactly, after [`normalize_label`]. Ad labels in the languages the web is
/// written in: the label is often the only thing a hashed-class ad slot says about itself.
pub const AD_LABELS: WordList = word_list![
    "advertisement",
    "advertisements",
    "advertising",
    "advert",
    "ad",
    "ads",
    "anzeige",
    "werbung",
    "publicité",
    "publicite",
    "publicidad",
    "pubblicità",
    "pubblicita",
    "publicidade",
    "reclame",
    "advertentie",
    "annonse",
    "annons",
    "annonce",
    "anuncio",
    "reklame",
    "reklama",
    "reklam",
    "mainos",
    "hirdetés",
    "διαφήμιση",
    "реклама",
    "פרסומת",
    "إعلان",
    "广告",
    "廣告",
    "広告",
    "광고",
    "quảng cáo",
    "iklan",
    "โฆษณา",
    "story continues below advertisement",
    "article continues below advertisement",
    "content continues below advertisement",
    "story continues below",
    "article continues below",
    "continue reading below",
    "advertisement continue reading below",
    "advertisement scroll to continue",
    "advertisement scroll to continue with content",
    "scroll to continue with content",
    "ad feedback",
    "report this ad",
    "weiterlesen nach der anzeige",
    "la suite après cette publicité",
    "continúa después de la publicidad",
    "l'articolo continua dopo la pubblicità",
    "a reportagem continua após a publicidade",
    "het artikel gaat verder onder de advertentie",
    "dalsza część artykułu pod reklamą",
    "продолжение после рекламы",
    "記事の続きは広告の後で",
    "广告后继续阅读",
    "artikeln fortsätter efter annonsen",
    "advertorial",
];

/// Labels of paid placements: an ad when alone, a sponsored feed over a list of links.
pub const SPONSORED_LABELS: WordList = word_list![
    "sponsored",
    "sponsored content",
    "sponsored post",
    "sponsored by",
    "promoted",
    "promoted content",
    "paid content",
    "paid post",
    "paid partnership",
    "partner content",
    "sponsorisé",
    "contenu sponsorisé",
    "gesponsert",
    "patrocinado",
    "contenido patrocinado",
    "sponsorizzato",
    "contenuto sponsorizzato",
    "спонсорский материал",
    "赞助",
    "推广",
    "プロモーション",
    "gesponsord",
    "sponsorowane",
    "sponsrat",
    "sponsrad",
    "anzeige von",
    "patrocinado por",
];

/// Ad servers and exchanges: an iframe, script or link from one of these is an ad.
pub const AD_HOSTS: &[&str] = &[
    "doubleclick.net",
    "googlesyndication.com",
    "googleadservices.com",
    "googletagservices.com",
    "adservice.google.com",
    "amazon-adsystem.com",
    "adnxs.com",
    "criteo.com",
    "criteo.net",
    "taboola.com",
    "outbrain.com",
    "rubiconproject.com",
    "pubmatic.com",
    "openx.net",
    "casalemedia.com",
    "adsrvr.org",
    "advertising.com",
    "adform.net",
    "smartadserver.com",
    "yieldmo.com",
    "teads.tv",
    "moatads.com",
    "serving-sys.com",
    "33across.com",
    "sharethrough.com",
    "triplelift.com",
    "media.net",
    "revcontent.com",
    "mgid.com",
    "zergnet.com",
    "adroll.com",
    "indexww.com",
    "lijit.com",
    "contextweb.com",
    "spotxchange.com",
    "adsafeprotected.com",
    "doubleverify.com",
    "yieldlab.net",
    "adition.com",
    "ligatus.com",
    "plista.com",
    "ntv.io",
    "dianomi.com",
    "connatix.com",
    "primis.tech",
    "playwire.com",
    "adthrive.com",
    "mediavine.com",
    "ezoic.net",
    "infolinks.com",
    "carbonads.com",
    "carbonads.net",
    "buysellads.com",
    "adtechus.com",
    "atwola.com",
    "adblade.com",
    "nativo.com",
];

/// Host beginnings ad servers use for themselves ("ads.example.com", "adserver.example.net").
const AD_HOST_PREFIXES: &[&str] = &[
    "ads.",
    "ad.",
    "adserver.",
    "adserving.",
    "pagead2.",
    "securepubads.",
];

/// Elements that load their content from an address, and the attribute that holds it: from an
/// ad server, the element is an ad. Read by the classifier and the pre-hide sheet.
pub const AD_FRAMES: &[(&str, &str)] = &[
    ("iframe", "src"),
    ("frame", "src"),
    ("embed", "src"),
    ("object", "data"),
];

/// An element that is an ad by its name, class or id alone.
pub struct AdElement {
    pub tag: &'static str,
    /// A word of its `class`.
    pub class: Option<&'static str>,
    /// The beginning of its `id`.
    pub id_prefix: Option<&'static str>,
    /// Why it is an ad, as the user is told.
    pub reason: &'static str,
}

impl AdElement {
    const fn tag(tag: &'static str, reason: &'static str) -> AdElement {
        AdElement {
            tag,
            class: None,
            id_prefix: None,
            reason,
        }
    }

    /// Whether an element with this name, class and id is this ad element.
    fn matches(&self, name: &str, class: Option<&str>, id: Option<&str>) -> bool {
        name == self.tag
            && self
                .class
                .is_none_or(|word| class.is_some_and(|c| c.split_whitespace().any(|w| w == word)))
            && self
                .id_prefix
                .is_none_or(|p| id.is_some_and(|i| i.starts_with(p)))
    }

    /// The CSS selector of the same elements (`ins.adsbygoogle`).
    pub fn selector(&self) -> String {
        let mut s = self.tag.to_owned();
        if let Some(class) = self.class {
            s.push('.');
            s.push_str(class);
        }
        if let Some(prefix) = self.id_prefix {
            s.push_str(&format!("[id^=\"{prefix}\"]"));
        }
        s
    }
}

/// Elements that are ads by their name, class or id alone (AdSense, AMP, Google's frames).
/// Read by the classifier and the pre-hide sheet.
pub const AD_ELEMENTS: &[AdElement] = &[
    AdElement {
        tag: "ins",
        class: Some("adsbygoogle"),
        id_prefix: None,
        reason: "ins.adsbygoogle",
    },
    AdElement::tag("amp-ad", "<amp-ad>"),
    AdElement::tag("amp-embed", "<amp-embed>"),
    AdElement::tag("amp-sticky-ad", "<amp-sticky-ad>"),
    AdElement::tag("amp-auto-ads", "<amp-auto-ads>"),
    AdElement {
        tag: "iframe",
        class: None,
        id_prefix: Some("google_ads_iframe"),
        reason: "Google ad iframe",
    },
    AdElement {
        tag: "iframe",
        class: None,
        id_prefix: Some("aswift_"),
        reason: "Google ad iframe",
    },
];

/// Attributes only ad slots carry (AdSense, GPT and header-bidding snippets).
pub const AD_ATTRIBUTES: &[&str] = &[
    "data-ad-slot",
    "data-ad-client",
    "data-ad-unit",
    "data-ad-unit-path",
    "data-adunit",
    "data-google-query-id",
    "data-dfp",
    "data-ad-format",
];

/// Class or id words that mark an ad container. Matched against the words of a class or id
/// split at `-`, `_` and spaces, so "header" or "shadow" never match "ad".
pub const CLASS_WORDS: WordList = word_list![
    "ad",
    "ads",
    "advert",
    "adverts",
    "advertisement",
    "advertisements",
    "advertising",
    "adslot",
    "adslots",
    "adunit",
    "adunits",
    "adbox",
    "adsense",
    "adsbygoogle",
    "adcontainer",
    "adwrapper",
    "adplaceholder",
    "adholder",
    "dfp",
    "gpt",
    "banneradvert",
];

/// Id beginnings of ad slots from the ad servers' own snippets.
pub const ID_PREFIXES: WordList = word_list![
    "div-gpt-ad",
    "google_ads_iframe",
    "gpt-ad",
    "dfp-ad",
    "google_ads_frame",
    "aswift_",
    "adfox_",
];

/// Word pairs in a class or id where the second word says the first is no ad: "ad-hoc" is Latin.
pub const NOT_AD_WORDS: &[(&str, &str)] = &[("ad", "hoc")];

/// An ad slot with its label: "Advertisement", "Scroll to continue with content", "AdChoices".
pub const AD_SLOT: Policy = Policy::Slot(Slot {
    max_words: 12,
    extra_words: 6,
    extra_plain: 48,
    extra_links: 2,
    extra_media: 0,
});

/// A labelled ad: the label, the advertiser's copy, a picture and a link or two.
pub const AD_BLOCK: Slot = Slot {
    max_words: 120,
    extra_words: 100,
    extra_plain: 800,
    extra_links: 2,
    extra_media: 2,
};

/// A video ad player: the video, its counter and countdown, "Skip ad" and "Learn more".
const VIDEO_AD_PLAYER: Policy = Policy::Slot(Slot {
    max_words: 40,
    extra_words: 20,
    extra_plain: 160,
    extra_links: 3,
    extra_media: 2,
});

/// What video ad players say over the ad: its counter, its end, the skip button (a countdown
/// alone may be the next story's). Each phrase's longest word prefilters the search
/// (`signals::PhraseTable`): an English counter ("Ad 1 of 2") has none longer than "of", which
/// would send most text to the full search, and is left to the skip button.
pub const VIDEO_AD_PHRASES: &[&str] = &[
    "skip ad",
    "ad ends in",
    "werbung überspringen",
    "werbung 1 von",
    "passer la publicité",
    "annonce 1 sur",
    "omitir anuncio",
    "anuncio 1 de",
    "salta annuncio",
    "pular anúncio",
    "advertentie overslaan",
    "pomiń reklamę",
    "пропустить рекламу",
    "広告をスキップ",
    "跳过广告",
    "hoppa över annons",
];

/// A class-hinted ad container may hold at most this many words (a creative's own text).
const AD_HINT_MAX_WORDS: u32 = 20;
/// A sponsored label over at least this many headline links is a sponsored feed, not one ad.
pub const SPONSORED_FEED_MIN_HEADLINES: u32 = 2;

/// The ad network a URL points to, for the reason ("iframe from doubleclick.net").
pub fn ad_host(url: &str) -> Option<String> {
    let (host, _) = split_host(url)?;
    if let Some(&d) = AD_HOSTS.iter().find(|&&d| host_is(host, d)) {
        return Some(d.to_owned());
    }
    if AD_HOST_PREFIXES
        .iter()
        .any(|p| host.len() > p.len() && starts_with_ignore_case(host, p))
    {
        return Some(host.to_ascii_lowercase());
    }
    None
}

/// Why an element is ad markup, if it is: an ad server's frame, script or link, an AdSense
/// `<ins>`, an AMP ad, Google's ad frames, ad-slot attributes, or a GPT slot id.
pub fn markup(dom: &Dom, id: NodeId, hints: Hints) -> Option<Why> {
    let e = dom.element(id)?;
    let name = &*e.name;
    let address = |attr: &str| e.attr(attr).or_else(|| e.attr("data-src")).unwrap_or("");
    if let Some(&(_, attr)) = AD_FRAMES.iter().find(|(tag, _)| *tag == name) {
        if let Some(host) = ad_host(address(attr)) {
            return Some(from_host("iframe from", &host));
        }
        if let Some(why) = frame_says_ad(e) {
            return Some(why);
        }
    }
    if name == "script" {
        if let Some(host) = ad_host(address("src")) {
            return Some(from_host("script from", &host));
        }
    }
    if name == "a" {
        if let Some(host) = e.attr("href").and_then(ad_host) {
            if AD_HOSTS.contains(&host.as_str()) {
                return Some(from_host("link to", &host));
            }
        }
    }
    let (class, ident) = (e.attr("class"), e.attr("id"));
    if let Some(ad) = AD_ELEMENTS.iter().find(|a| a.matches(name, class, ident)) {
        return Some(slot(ad.reason.to_owned()));
    }
    if let Some(attr) = e
        .attrs
        .iter()
        .find(|a| a.name.starts_with("data-") && AD_ATTRIBUTES.contains(&&*a.name))
    {
        return Some(slot(format!("attribute {}", attr.name)));
    }
    if hints.has(Hints::AD_ID) {
        let name = ident.or(class).unwrap_or("");
        return Some(slot(format!("id '{}'", text::excerpt(name, 24))));
    }
    None
}

/// A frame judged by its element, since its document is the frame's own: a title or label that
/// is an ad's ("Advertisement", "Anzeige"), a name or id named as an ad (`ad_728x90`), or a
/// `srcdoc` that holds an ad (a link to an ad server, AdSense markup, an ad's label as a text of
/// its own).
fn frame_says_ad(e: &crate::dom::Element) -> Option<Why> {
    let is_ad_label = |text: &str| lexicon::label(&normalize_label(text)) == Some(Label::Ad);
    if let Some(title) = ["title", "aria-label"]
        .iter()
        .filter_map(|a| e.attr(a))
        .find(|t| is_ad_label(t))
    {
        return Some(slot(format!("frame titled '{}'", text::excerpt(title, 24))));
    }
    if let Some(name) = ["name", "id"]
        .iter()
        .filter_map(|a| e.attr(a))
        .find(|n| lexicon::name_hints(n).has(Hints::AD))
    {
        return Some(slot(format!("frame named '{}'", text::excerpt(name, 24))));
    }
    let doc = e.attr("srcdoc")?;
    // The document's texts are what lies between a `>` and the next `<`.
    let texts = doc.split('>').filter_map(|piece| piece.split('<').next());
    let holds_ad = doc.contains("adsbygoogle")
        || doc
            .split(['"', '\'', ' ', '(', ')'])
            .any(|word| word.contains("//") && ad_host(word).is_some())
        || texts
            .clone()
            .any(|t| !t.trim().is_empty() && is_ad_label(t));
    holds_ad.then(|| slot("frame whose document is an ad".to_owned()))
}

/// "iframe from doubleclick.net", "link to taboola.com".
fn from_host(what: &str, host: &str) -> Why {
    Why::new(
        format!("{what} {host}"),
        Cause::with_detail(CauseCode::AdFrom, host),
    )
}

/// Ad markup without a named server.
fn slot(reason: String) -> Why {
    Why::new(reason, Cause::new(CauseCode::AdSlot))
}

/// Ad markup: an ad server's frame or loader script, AdSense `<ins>`, GPT slot ids.
pub fn markup_seed(f: &Facts, id: NodeId) -> Option<Seed> {
    let markup = f.ad_markup(id)?;
    if empty_and_unsized(f, id) {
        return None;
    }
    // An ad link inside a headline list is one sponsored entry, not a slot: let the list
    // rule decide about the list.
    if f.dom.is(id, "a") && f.counts(id).words > 3 {
        return None;
    }
    Some(
        Seed::new(
            id,
            ClutterKind::Ad,
            Why::new(markup.reason.clone(), markup.cause.clone()),
            AD_SLOT,
            Priority::Markup,
            check,
        )
        .in_article(),
    )
}

/// A block that opens with an ad's label: "Sponsored: …", "Anzeige: …".
pub fn lead_seed(id: NodeId, lead: &Lead) -> Option<Seed> {
    matches!(lead.label, Label::Ad | Label::Sponsored).then(|| {
        Seed::new(
            id,
            ClutterKind::Ad,
            Why::label(&lead.text),
            AD_SLOT,
            Priority::Label,
            check,
        )
        .in_article()
    })
}

/// The counter, countdown or skip button of a video ad, grown to its player.
pub fn video_phrase_seed(id: NodeId, phrase: &str) -> Seed {
    Seed::new(
        id,
        ClutterKind::Ad,
        Why::says(phrase, "video ad"),
        VIDEO_AD_PLAYER,
        Priority::Markup,
        check,
    )
}

/// "Advertisement" over a slot, with the ad's copy; "Sponsored" over one paid block, or over
/// a feed of paid links.
pub fn label_seed(f: &Facts, label: LabelSeen, sponsored: bool) -> Option<Seed> {
    // An article's own section heading ("Advertising", "Sponsored content") is not a label.
    let own_heading =
        f.has(label.id, NodeFlags::IN_REGION) && !f.has_article || f.counts(label.id).article > 0;
    if label.heading && own_heading {
        return None;
    }
    // "Sponsored" may head a feed of paid links as well as one ad.
    let policy = Policy::LabelledAd {
        slot: AD_BLOCK,
        feed: sponsored,
    };
    let seed = Seed::new(
        label.id,
        ClutterKind::Ad,
        label.why(),
        policy,
        Priority::Label,
        check,
    );
    Some(if sponsored {
        seed.section_label()
    } else {
        seed
    })
}

/// An empty or nearly empty container named as an ad: a slot waiting for its ad, or one with
/// a small creative.
pub fn hint_seed(h: &Hinted) -> Option<Seed> {
    let c = h.counts;
    let slot = h.hints.has(Hints::AD)
        && !h.hints.has(Hints::AD_ID)
        && !empty_and_unsized(h.f, h.id)
        && c.words <= AD_HINT_MAX_WORDS
        && c.headline_links == 0
        && c.media <= 1
        && c.landmarks == 0;
    slot.then(|| {
        h.seed(
            ClutterKind::Ad,
            "ad container",
            CauseCode::AdSlot,
            AD_SLOT,
            check,
        )
    })
}

/// An ad element that shows nothing: no text, no picture, frame or other replaced element, and
/// no height set on it or inside it. An unfilled slot, or a bait an anti-adblock script checks (a
/// tiny or off-screen element named as an ad, which it expects an ad blocker to hide): it is
/// left alone, so the page's check finds it as the page made it.
fn empty_and_unsized(f: &Facts, id: NodeId) -> bool {
    const REPLACED: &[&str] = &[
        "iframe", "frame", "embed", "object", "img", "picture", "video", "canvas", "svg",
    ];
    let dom = f.dom;
    f.counts(id).words == 0
        && dom.descendants(id).all(|d| match dom.tag(d) {
            None => true,
            Some(tag) => {
                !REPLACED.contains(&tag) && dom.attr(d, "style").is_none_or(|s| !sets_height(s))
            }
        })
}

/// Whether an inline style gives the element a height of more than one pixel (a slot that
/// keeps room for its ad).
fn sets_height(style: &str) -> bool {
    style.split(';').any(|declaration| {
        let Some((name, value)) = declaration.split_once(':') else {
            return false;
        };
        let name = name.trim();
        if !name.eq_ignore_ascii_case("height") && !name.eq_ignore_ascii_case("min-height") {
            return false;
        }
        // The whole number before any fraction or unit: "250px", "1.5em" (1: too small to count).
        let digits = value.trim_start();
        let end = digits
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(digits.len());
        digits[..end].parse::<u32>().is_ok_and(|n| n > 1)
    })
}

/// A loader script alone is invisible: only the slot around it is worth removing. "Sponsored"
/// over headlines is a feed of paid links; over one block, an ad.
fn check(f: &Facts, s: &Seed, node: NodeId) -> Option<ClutterKind> {
    if node == s.node && f.dom.is(node, "script") {
        return None;
    }
    if s.is_label && f.counts(node).headline_links >= SPONSORED_FEED_MIN_HEADLINES {
        return Some(ClutterKind::SponsoredFeed);
    }
    Some(ClutterKind::Ad)
}

#[cfg(test)]
mod tests {
    use super::ad_host;
    use crate::declutter::tests::*;
    use crate::declutter::ClutterKind;

    #[test]
    fn ad_label_goes_with_its_slot_wrapper() {
        let dom = page(&format!(
            "<main><div id=article>{PROSE}<div id=slot class=css-9f8e7d><div class=css-1a2b3c>Advertisement</div>\
             <div id=div-gpt-ad-1561305600000-1></div></div>{PROSE}</div></main>"
        ));
        for with_article in [true, false] {
            let rs = run(&dom, with_article);
            let r = removed(&rs, &dom, "slot").expect("the slot wrapper");
            assert_eq!(r.kind, ClutterKind::Ad);
            assert_eq!(r.reason, "label 'Advertisement'");
            assert_eq!(rs.len(), 1, "{rs:?}");
        }
    }

    #[test]
    fn ad_labels_in_many_languages() {
        for label in [
            "Anzeige",
            "Werbung",
            "Publicité",
            "Publicidad",
            "Pubblicità",
            "广告",
            "Реклама",
            "ADVERTISEMENT",
            "- Advertisement -",
        ] {
            let dom = page(&format!("<div id=article>{PROSE}<div id=slot><span>{label}</span><div></div></div>{PROSE}</div>"));
            let rs = run(&dom, true);
            let r = removed(&rs, &dom, "slot").unwrap_or_else(|| panic!("{label}: {rs:?}"));
            assert_eq!(r.kind, ClutterKind::Ad, "{label}");
        }
    }

    #[test]
    fn aria_label_marks_an_ad() {
        let dom = page(&format!(
            "<div id=article>{PROSE}</div><aside id=ad aria-label=Advertisement><div></div></aside>"
        ));
        assert_eq!(
            removed(&run(&dom, true), &dom, "ad").map(|r| r.kind),
            Some(ClutterKind::Ad)
        );
    }

    #[test]
    fn ad_network_frames_and_ins() {
        let dom = page(&format!(
            "<div id=article>{PROSE}<div id=frame><iframe src='https://ad.doubleclick.net/ddm/adi/N123'></iframe></div>\
             <div id=ins><ins class=adsbygoogle data-ad-client=ca-pub-1 style='display:block;height:250px'></ins></div>\
             <figure id=video><iframe src='https://www.youtube.com/embed/abc'></iframe></figure>{PROSE}</div>"
        ));
        let rs = run(&dom, true);
        assert_eq!(
            removed(&rs, &dom, "frame").map(|r| r.reason.as_str()),
            Some("iframe from doubleclick.net")
        );
        assert_eq!(
            removed(&rs, &dom, "ins").map(|r| r.reason.as_str()),
            Some("ins.adsbygoogle")
        );
        assert!(removed(&rs, &dom, "video").is_none(), "{rs:?}");
        assert_eq!(rs.len(), 2, "the video is the article's: {rs:?}");
    }

    #[test]
    fn empty_unsized_slots_and_baits_are_left_alone() {
        let dom = page(&format!(
            "<div id=article>{PROSE}<ins id=unfilled class=adsbygoogle style='display:block' data-ad-client=ca-pub-1></ins>\
             <div id=gpt-empty class=ad-wrapper><div id=div-gpt-ad-1561305600000-1><script>googletag.display('x')</script></div></div>\
             <div id=gpt-sized class=ad-wrapper><div id=div-gpt-ad-1561305600000-2 style='min-height: 250px'></div></div>\
             <div id=filled><ins class=adsbygoogle><iframe src='https://googleads.g.doubleclick.net/x'></iframe></ins></div>{PROSE}</div>\
             <div id=bait class='adsbox ad-banner pub_300x250 text-ad' style='width:1px;height:1px;position:absolute;left:-10000px'>&nbsp;</div>"
        ));
        let rs = run(&dom, true);
        for kept in ["unfilled", "gpt-empty", "bait"] {
            assert!(removed(&rs, &dom, kept).is_none(), "{kept}: {rs:?}");
        }
        for gone in ["gpt-sized", "filled"] {
            assert!(removed(&rs, &dom, gone).is_some(), "{gone}: {rs:?}");
        }
    }

    #[test]
    fn frames_judged_by_their_element() {
        let dom = page(&format!(
            "<div id=article>{PROSE}<div id=titled><iframe src='/ads/slot.html' title='Advertisement' width=300 height=250></iframe></div>\
             <div id=named><iframe src='/x.html' name='ad_728x90' width=728 height=90></iframe></div>\
             <div id=srcdoc><iframe width=300 height=250 srcdoc=\"<a href='https://ad.doubleclick.net/clk'><img src='b.png'></a>\"></iframe></div>\
             <div id=labelled><iframe width=300 height=250 srcdoc='<p>Anzeige</p><a href=/shop><img src=x.png></a>'></iframe></div>\
             <figure id=video><iframe src='/embed/ferry' title='Timelapse of the ferry crossing' width=560 height=315></iframe></figure>\
             <figure id=map><iframe src='/maps/harbour' title='Map of the harbour' name='harbour-map' width=600 height=400></iframe></figure>\
             <figure id=poll><iframe width=300 height=250 srcdoc='<p>Reader poll: should the ferry run at night?</p><button>Yes</button>'></iframe></figure>\
             {PROSE}</div>"
        ));
        let rs = run(&dom, true);
        for gone in ["titled", "named", "srcdoc", "labelled"] {
            assert_eq!(
                removed(&rs, &dom, gone).map(|r| r.kind),
                Some(ClutterKind::Ad),
                "{gone}: {rs:?}"
            );
        }
        for kept in ["video", "map", "poll"] {
            assert!(removed(&rs, &dom, kept).is_none(), "{kept}: {rs:?}");
        }
    }

    #[test]
    fn sponsored_label_over_headlines_is_a_feed() {
        let dom = page(&format!(
            "<div id=article>{PROSE}</div><div id=feed><span>Sponsored</span><ul>{}</ul></div>",
            headlines(4)
        ));
        let rs = run(&dom, true);
        assert_eq!(
            removed(&rs, &dom, "feed").map(|r| r.kind),
            Some(ClutterKind::SponsoredFeed),
            "{rs:?}"
        );
    }

    #[test]
    fn nested_seeds_give_one_outer_block() {
        let dom = page(&format!(
            "<div id=article>{PROSE}</div><div id=outer><div class=ad-wrapper><span>Advertisement</span>\
             <div class=adsbygoogle-holder><ins class=adsbygoogle></ins></div></div></div>"
        ));
        let rs = run(&dom, true);
        assert_eq!(rs.len(), 1, "{rs:?}");
        assert_eq!(rs[0].node, by_id(&dom, "outer"));
    }

    #[test]
    fn ad_hosts_by_domain_or_prefix() {
        assert_eq!(
            ad_host("https://securepubads.g.doubleclick.net/tag/js/gpt.js").as_deref(),
            Some("doubleclick.net")
        );
        assert_eq!(
            ad_host("//ads.example.com/x").as_deref(),
            Some("ads.example.com")
        );
        assert_eq!(ad_host("https://notdoubleclick.net/"), None);
        assert_eq!(ad_host("https://www.youtube.com/embed/x"), None);
    }
}

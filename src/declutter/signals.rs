//! What clutter looks like: label tables, hosts and phrases, and the plain string matching over
//! them. No regex (wasm size): labels are normalised once and looked up in a table built once.

use std::sync::OnceLock;

use crate::hash::FastMap;

use super::ClutterKind;

/// What a short standalone text (a heading, a slot label, an `aria-label`) announces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Label {
    /// "Advertisement", "Anzeige", "广告": the label of an ad slot.
    Ad,
    /// "Sponsored", "Promoted": one paid block, or a feed of them.
    Sponsored,
    /// The heading of a block of links to other pages: trending, recommended or sponsored feed.
    Section(ClutterKind),
    /// "Newsletter", "Sign up for our newsletter".
    Newsletter,
    /// "Share", "Share this article".
    Share,
}

/// Labels matched exactly, after [`normalize_label`]. Ad labels in the languages the web is
/// written in: the label is often the only thing a hashed-class ad slot says about itself.
const AD_LABELS: &[&str] = &[
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
    "advertisement continue reading below",
    "advertisement scroll to continue",
    "advertisement scroll to continue with content",
    "scroll to continue with content",
    "ad feedback",
    "report this ad",
];

/// Labels of paid placements: an ad when alone, a sponsored feed over a list of links.
const SPONSORED_LABELS: &[&str] = &[
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
];

/// Headings over lists of headline links, with the kind of block each announces.
const SECTION_LABELS: &[(&str, ClutterKind)] = &[
    ("trending", ClutterKind::TrendingList),
    ("trending now", ClutterKind::TrendingList),
    ("trending stories", ClutterKind::TrendingList),
    ("trending news", ClutterKind::TrendingList),
    ("trending articles", ClutterKind::TrendingList),
    ("trending videos", ClutterKind::TrendingList),
    ("most popular", ClutterKind::TrendingList),
    ("most read", ClutterKind::TrendingList),
    ("most viewed", ClutterKind::TrendingList),
    ("most shared", ClutterKind::TrendingList),
    ("most emailed", ClutterKind::TrendingList),
    ("most commented", ClutterKind::TrendingList),
    ("popular now", ClutterKind::TrendingList),
    ("popular stories", ClutterKind::TrendingList),
    ("popular posts", ClutterKind::TrendingList),
    ("popular articles", ClutterKind::TrendingList),
    ("what's hot", ClutterKind::TrendingList),
    ("hot right now", ClutterKind::TrendingList),
    ("top stories", ClutterKind::TrendingList),
    ("meistgelesen", ClutterKind::TrendingList),
    ("meistgelesene artikel", ClutterKind::TrendingList),
    ("am meisten gelesen", ClutterKind::TrendingList),
    ("les plus lus", ClutterKind::TrendingList),
    ("les plus populaires", ClutterKind::TrendingList),
    ("lo más leído", ClutterKind::TrendingList),
    ("lo más visto", ClutterKind::TrendingList),
    ("más leídas", ClutterKind::TrendingList),
    ("i più letti", ClutterKind::TrendingList),
    ("più letti", ClutterKind::TrendingList),
    ("популярное", ClutterKind::TrendingList),
    ("самое читаемое", ClutterKind::TrendingList),
    ("热门", ClutterKind::TrendingList),
    ("热门文章", ClutterKind::TrendingList),
    ("热门推荐", ClutterKind::TrendingList),
    ("人気記事", ClutterKind::TrendingList),
    ("많이 본 뉴스", ClutterKind::TrendingList),
    ("recommended", ClutterKind::Recommended),
    ("recommended for you", ClutterKind::Recommended),
    ("recommended stories", ClutterKind::Recommended),
    ("recommended articles", ClutterKind::Recommended),
    ("recommended reading", ClutterKind::Recommended),
    ("recommended posts", ClutterKind::Recommended),
    ("recommended videos", ClutterKind::Recommended),
    ("related", ClutterKind::Recommended),
    ("related articles", ClutterKind::Recommended),
    ("related stories", ClutterKind::Recommended),
    ("related posts", ClutterKind::Recommended),
    ("related content", ClutterKind::Recommended),
    ("related coverage", ClutterKind::Recommended),
    ("related news", ClutterKind::Recommended),
    ("related videos", ClutterKind::Recommended),
    ("read next", ClutterKind::Recommended),
    ("read this next", ClutterKind::Recommended),
    ("up next", ClutterKind::Recommended),
    ("what to read next", ClutterKind::Recommended),
    ("more stories", ClutterKind::Recommended),
    ("more news", ClutterKind::Recommended),
    ("more articles", ClutterKind::Recommended),
    ("more to read", ClutterKind::Recommended),
    ("more like this", ClutterKind::Recommended),
    ("you may also like", ClutterKind::Recommended),
    ("you might also like", ClutterKind::Recommended),
    ("you may like", ClutterKind::Recommended),
    ("you might like", ClutterKind::Recommended),
    ("you may be interested in", ClutterKind::Recommended),
    ("also read", ClutterKind::Recommended),
    ("read also", ClutterKind::Recommended),
    ("don't miss", ClutterKind::Recommended),
    ("editor's picks", ClutterKind::Recommended),
    ("editors' picks", ClutterKind::Recommended),
    ("latest news", ClutterKind::Recommended),
    ("latest stories", ClutterKind::Recommended),
    ("latest articles", ClutterKind::Recommended),
    (
        "das könnte sie auch interessieren",
        ClutterKind::Recommended,
    ),
    (
        "das könnte dich auch interessieren",
        ClutterKind::Recommended,
    ),
    ("mehr zum thema", ClutterKind::Recommended),
    ("weitere artikel", ClutterKind::Recommended),
    ("lesen sie auch", ClutterKind::Recommended),
    ("auch interessant", ClutterKind::Recommended),
    ("empfehlungen", ClutterKind::Recommended),
    ("à lire aussi", ClutterKind::Recommended),
    ("a lire aussi", ClutterKind::Recommended),
    ("lire aussi", ClutterKind::Recommended),
    ("sur le même sujet", ClutterKind::Recommended),
    ("vous aimerez aussi", ClutterKind::Recommended),
    ("te puede interesar", ClutterKind::Recommended),
    ("también te puede interesar", ClutterKind::Recommended),
    ("noticias relacionadas", ClutterKind::Recommended),
    ("lee también", ClutterKind::Recommended),
    ("leggi anche", ClutterKind::Recommended),
    ("potrebbe interessarti anche", ClutterKind::Recommended),
    ("articoli correlati", ClutterKind::Recommended),
    ("читайте также", ClutterKind::Recommended),
    ("по теме", ClutterKind::Recommended),
    ("相关文章", ClutterKind::Recommended),
    ("相关阅读", ClutterKind::Recommended),
    ("推荐阅读", ClutterKind::Recommended),
    ("猜你喜欢", ClutterKind::Recommended),
    ("関連記事", ClutterKind::Recommended),
    ("おすすめ記事", ClutterKind::Recommended),
    ("관련 기사", ClutterKind::Recommended),
    ("sponsored stories", ClutterKind::SponsoredFeed),
    ("sponsored links", ClutterKind::SponsoredFeed),
    ("promoted stories", ClutterKind::SponsoredFeed),
    ("promoted links", ClutterKind::SponsoredFeed),
    ("around the web", ClutterKind::SponsoredFeed),
    ("from around the web", ClutterKind::SponsoredFeed),
    ("from the web", ClutterKind::SponsoredFeed),
    ("from our partners", ClutterKind::SponsoredFeed),
    ("you may like sponsored links", ClutterKind::SponsoredFeed),
];

/// Label beginnings that take a site or topic after them ("More from Townhall", "Trending on
/// Townhall Videos"); exact tables cannot list every site name.
const SECTION_PREFIXES: &[(&str, ClutterKind)] = &[
    ("trending on", ClutterKind::TrendingList),
    ("trending in", ClutterKind::TrendingList),
    ("most popular on", ClutterKind::TrendingList),
    ("most popular in", ClutterKind::TrendingList),
    ("most read on", ClutterKind::TrendingList),
    ("most read in", ClutterKind::TrendingList),
    ("popular on", ClutterKind::TrendingList),
    ("popular in", ClutterKind::TrendingList),
    ("more from", ClutterKind::Recommended),
    ("more on", ClutterKind::Recommended),
    ("more in", ClutterKind::Recommended),
    ("more about", ClutterKind::Recommended),
    ("more stories from", ClutterKind::Recommended),
    ("more news from", ClutterKind::Recommended),
    ("latest from", ClutterKind::Recommended),
    ("also on", ClutterKind::Recommended),
    ("recommended by", ClutterKind::SponsoredFeed),
    ("sponsored links by", ClutterKind::SponsoredFeed),
    ("promoted by", ClutterKind::SponsoredFeed),
];

/// A prefix label takes at most this many words after the prefix: "More from Townhall" is a
/// label, "More on this below, as the court ruled…" is prose.
const LABEL_PREFIX_MAX_EXTRA_WORDS: usize = 4;

const NEWSLETTER_LABELS: &[&str] = &[
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
];

const SHARE_LABELS: &[&str] = &[
    "share",
    "share this",
    "share this article",
    "share this story",
    "share this post",
    "share this page",
    "share article",
    "share story",
    "share on",
    "teilen",
    "artikel teilen",
    "partager",
    "partager cet article",
    "compartir",
    "compartilhe",
    "condividi",
    "поделиться",
    "分享",
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

/// Third-party recommendation widgets, by a name in their class or id ("trc_rbox", "OUTBRAIN").
pub const SPONSORED_WIDGET_NAMES: &[&str] = &[
    "taboola",
    "outbrain",
    "ob-widget",
    "zergnet",
    "revcontent",
    "mgid",
    "dianomi",
    "plista",
    "ligatus",
    "adblade",
    "trc_related",
    "trc_rbox",
];

/// Share endpoints: (host suffix, path prefix). A link to one of these is a share button.
const SHARE_ENDPOINTS: &[(&str, &str)] = &[
    ("facebook.com", "/sharer"),
    ("facebook.com", "/share"),
    ("facebook.com", "/dialog/share"),
    ("facebook.com", "/dialog/feed"),
    // (Not "/intent/follow" or "/intent/user": an author's follow button is part of the byline.)
    ("twitter.com", "/intent/tweet"),
    ("twitter.com", "/intent/post"),
    ("twitter.com", "/share"),
    ("x.com", "/intent/tweet"),
    ("x.com", "/intent/post"),
    ("x.com", "/share"),
    ("linkedin.com", "/sharearticle"),
    ("linkedin.com", "/sharing/"),
    ("linkedin.com", "/cws/share"),
    ("pinterest.com", "/pin/create"),
    ("reddit.com", "/submit"),
    ("api.whatsapp.com", "/send"),
    ("web.whatsapp.com", "/send"),
    ("wa.me", "/"),
    ("whatsapp.com", "/send"),
    ("t.me", "/share"),
    ("telegram.me", "/share"),
    ("tumblr.com", "/share"),
    ("tumblr.com", "/widgets/share"),
    ("getpocket.com", "/save"),
    ("getpocket.com", "/edit"),
    ("news.ycombinator.com", "/submitlink"),
    ("vk.com", "/share.php"),
    ("plus.google.com", "/share"),
    ("buffer.com", "/add"),
    ("bufferapp.com", "/add"),
    ("flipboard.com", "/bookmarklet"),
    ("digg.com", "/submit"),
    ("stumbleupon.com", "/submit"),
    ("service.weibo.com", "/share"),
    ("connect.ok.ru", "/"),
    ("lineit.line.me", "/share"),
    ("social-plugins.line.me", "/lineit"),
    ("addthis.com", "/bookmark"),
    ("addtoany.com", "/share"),
    ("bsky.app", "/intent/"),
    ("threads.net", "/intent/"),
    ("mastodonshare.com", "/"),
];

/// Class or id words that mark an ad container. Matched against the words of a class or id
/// split at `-`, `_` and spaces, so "header" or "shadow" never match "ad".
const AD_CLASS_WORDS: &[&str] = &[
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
pub(crate) const AD_ID_PREFIXES: &[&str] = &[
    "div-gpt-ad",
    "google_ads_iframe",
    "gpt-ad",
    "dfp-ad",
    "google_ads_frame",
    "aswift_",
    "adfox_",
];

/// Class or id words of trending and popular boxes.
const TRENDING_CLASS_WORDS: &[&str] = &[
    "trending",
    "popular",
    "mostpopular",
    "mostread",
    "mostviewed",
    "hotlist",
];

/// Class or id words of related and recommended boxes.
const RECOMMENDED_CLASS_WORDS: &[&str] = &[
    "related",
    "recommended",
    "recommendations",
    "recommend",
    "readnext",
    "morestories",
    "youmaylike",
];

/// Class or id words of share toolbars.
const SHARE_CLASS_WORDS: &[&str] = &[
    "share",
    "shares",
    "sharing",
    "sharebar",
    "sharetools",
    "socialshare",
    "addthis",
    "sharethis",
    "a2a",
    "shareaholic",
    "ssba",
];

/// Whole class names or ids of comment sections (whole names: "comment-count" is a byline link).
const COMMENT_NAMES: &[&str] = &[
    "comments",
    "comment-list",
    "commentlist",
    "comments-area",
    "comments-section",
    "comment-section",
    "comments-container",
    "comments-wrapper",
    "comment-respond",
    "respond",
    "disqus_thread",
    "fb-comments",
    "spot-im-conversation",
    "openweb-conversation",
    "coral_thread",
    "coral-comments",
    "talk-stream",
    "commentform",
    "comment-form",
    "discussion",
    "kommentare",
    "commentaires",
    "comentarios",
];

/// Class or id fragments of consent-management banners (OneTrust, Cookiebot, Didomi, Quantcast…).
const CONSENT_NAMES: &[&str] = &[
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

/// Class or id fragments of paywalls and metering prompts.
const PAYWALL_NAMES: &[&str] = &[
    "paywall",
    "regwall",
    "piano-",
    "tp-modal",
    "meter-",
    "subscriber-wall",
    "subscribe-wall",
];

/// Class or id words of newsletter boxes.
const NEWSLETTER_CLASS_WORDS: &[&str] = &[
    "newsletter",
    "newsletters",
    "nlsignup",
    "mailchimp",
    "mc4wp",
];

/// Class or id words of bylines and datelines, which no clutter block may swallow.
const BYLINE_CLASS_WORDS: &[&str] = &[
    "byline",
    "dateline",
    "author",
    "authors",
    "timestamp",
    "pubdate",
    "publishdate",
];

/// Class or id words of promotions and upsells.
const PROMO_CLASS_WORDS: &[&str] = &["promo", "promotion", "upsell", "membership"];

/// Phrases searched in short text nodes, one bit each: what a block talks about.
pub const PHRASE_COOKIE: u8 = 1;
pub const PHRASE_NEWSLETTER: u8 = 2;
pub const PHRASE_PAYWALL: u8 = 4;
pub const PHRASE_PROMO: u8 = 8;

/// Only text nodes up to this many bytes are searched for phrases: calls to action are short,
/// and skipping prose keeps the search linear and cheap.
pub const PHRASE_MAX_BYTES: usize = 400;

/// Phrases of consent banners.
/// ("consent" alone is not one: "royal consent", "consent to install" are prose.)
const COOKIE_PHRASES: &[&str] = &["cookie", "gdpr", "datenschutzeinstellungen", "rgpd"];

/// Phrases of newsletter sign-ups.
const NEWSLETTER_PHRASES: &[&str] = &[
    "newsletter",
    "in your inbox",
    "to your inbox",
    "mailing list",
    "sign up for our",
    "subscribe to our",
    "lettre d'information",
    "infolettre",
    "boletín",
];

/// Phrases of paywall and metering prompts.
const PAYWALL_PHRASES: &[&str] = &[
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
];

/// Phrases of membership, app and donation promotions.
const PROMO_PHRASES: &[&str] = &[
    "vip member",
    "become a member",
    "become a vip",
    "join now",
    "upgrade to premium",
    "support our journalism",
    "support independent journalism",
    "download the app",
    "download our app",
    "get the app",
    "go ad-free",
    "become a subscriber",
    "become a patron",
];

/// A label longer than this is not a label.
pub const LABEL_MAX_WORDS: u32 = 8;

struct Tables {
    labels: FastMap<&'static str, Label>,
    accept: FastMap<&'static str, ()>,
    subscribe: FastMap<&'static str, ()>,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut labels = FastMap::default();
        for &l in AD_LABELS {
            labels.insert(l, Label::Ad);
        }
        for &l in SPONSORED_LABELS {
            labels.insert(l, Label::Sponsored);
        }
        for &(l, k) in SECTION_LABELS {
            labels.insert(l, Label::Section(k));
        }
        for &l in NEWSLETTER_LABELS {
            labels.insert(l, Label::Newsletter);
        }
        for &l in SHARE_LABELS {
            labels.insert(l, Label::Share);
        }
        let accept = ACCEPT_LABELS.iter().map(|&l| (l, ())).collect();
        let subscribe = SUBSCRIBE_LABELS.iter().map(|&l| (l, ())).collect();
        Tables {
            labels,
            accept,
            subscribe,
        }
    })
}

/// Lower-cases, turns typographic apostrophes into `'`, drops decoration (dashes, colons,
/// bullets, arrows, counts in brackets) at both ends, and collapses whitespace.
pub fn normalize_label(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            match c {
                '’' | '‘' | '`' => out.push('\''),
                c => out.extend(c.to_lowercase()),
            }
        }
    }
    let trimmed = out.trim_matches(|c: char| !(c.is_alphanumeric() || c == '\''));
    let trimmed = trimmed.trim_matches(|c: char| c.is_whitespace() || c == '\'');
    trimmed.to_owned()
}

/// What a normalised short text announces, if anything.
pub fn label(norm: &str) -> Option<Label> {
    if norm.is_empty() {
        return None;
    }
    if let Some(&l) = tables().labels.get(norm) {
        return Some(l);
    }
    for &(prefix, kind) in SECTION_PREFIXES {
        if let Some(rest) = norm.strip_prefix(prefix) {
            if rest.starts_with(' ')
                && rest.split_whitespace().count() <= LABEL_PREFIX_MAX_EXTRA_WORDS
            {
                return Some(Label::Section(kind));
            }
        }
    }
    None
}

/// True when a button's normalised text accepts a consent banner.
pub fn is_accept_label(norm: &str) -> bool {
    tables().accept.contains_key(norm)
}

/// True when a button's normalised text subscribes to a newsletter.
pub fn is_subscribe_label(norm: &str) -> bool {
    tables().subscribe.contains_key(norm)
}

/// The host of an absolute or protocol-relative URL, as written (any case), and the rest of
/// the URL after it; `None` for relative URLs.
fn split_host(url: &str) -> Option<(&str, &str)> {
    let url = url.trim();
    let scheme_len = url
        .bytes()
        .position(|c| !(c.is_ascii_alphanumeric() || matches!(c, b'+' | b'-' | b'.')))
        .unwrap_or(url.len());
    let rest = match url[scheme_len..].strip_prefix("://") {
        Some(rest) => rest,
        // A "://" after anything but a scheme makes no absolute URL, protocol-relative or not;
        // it is looked for only where the answer would otherwise be a host.
        None => url
            .strip_prefix("//")
            .filter(|rest| !rest.contains("://"))?,
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..end];
    let host = authority.rsplit('@').next().unwrap_or(authority);
    let host = host.split(':').next().unwrap_or(host);
    if host.is_empty() {
        return None;
    }
    Some((host, &rest[end..]))
}

/// The host of an absolute or protocol-relative URL, lower-cased; `None` for relative URLs.
pub fn host_of(url: &str) -> Option<String> {
    split_host(url).map(|(h, _)| h.to_ascii_lowercase())
}

/// True when `host` (any case) is `domain` or one of its subdomains.
fn host_is(host: &str, domain: &str) -> bool {
    let (h, d) = (host.as_bytes(), domain.as_bytes());
    if h.len() < d.len() || !h[h.len() - d.len()..].eq_ignore_ascii_case(d) {
        return false;
    }
    h.len() == d.len() || h[h.len() - d.len() - 1] == b'.'
}

/// The ad network a URL points to, for the reason ("iframe from doubleclick.net").
pub fn ad_host(url: &str) -> Option<String> {
    let (host, _) = split_host(url)?;
    if let Some(&d) = AD_HOSTS.iter().find(|&&d| host_is(host, d)) {
        return Some(d.to_owned());
    }
    let starts = |p: &str| {
        host.len() > p.len() && host.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes())
    };
    if AD_HOST_PREFIXES.iter().any(|p| starts(p)) {
        return Some(host.to_ascii_lowercase());
    }
    None
}

/// The site a share link posts to ("facebook.com"), or "email" for a `mailto:` with a subject.
pub fn share_target(href: &str) -> Option<&'static str> {
    let href = href.trim();
    if href.len() > 7 && href.as_bytes()[..7].eq_ignore_ascii_case(b"mailto:") {
        let q = href.to_ascii_lowercase();
        return (q.contains("subject=") || q.contains("body=")).then_some("email");
    }
    let (host, rest) = split_host(href)?;
    let path = if rest.starts_with('/') { rest } else { "/" };
    SHARE_ENDPOINTS
        .iter()
        .find(|&&(h, p)| {
            host_is(host, h)
                && path.len() >= p.len()
                && path.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes())
        })
        .map(|&(h, _)| h)
}

/// Clutter suggested by class and id names: one signal among others, never enough alone.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Hints(pub u16);

impl Hints {
    pub const AD: u16 = 1;
    pub const TRENDING: u16 = 2;
    pub const RECOMMENDED: u16 = 4;
    pub const SHARE: u16 = 8;
    pub const COMMENTS: u16 = 16;
    pub const CONSENT: u16 = 32;
    pub const PAYWALL: u16 = 64;
    pub const NEWSLETTER: u16 = 128;
    pub const PROMO: u16 = 256;
    pub const SPONSORED_WIDGET: u16 = 512;
    /// An id from an ad server's own snippet (`div-gpt-ad-…`): as strong as ad markup.
    pub const AD_ID: u16 = 1024;
    /// A byline or dateline: the article's metadata.
    pub const BYLINE: u16 = 2048;

    pub fn has(self, bit: u16) -> bool {
        self.0 & bit != 0
    }
}

/// The name tables as lookups, built once: whole names, words of names, and fragments found
/// anywhere in a name (prefiltered by their first two bytes).
struct HintTables {
    whole: FastMap<&'static str, u16>,
    words: FastMap<&'static str, u16>,
    fragments: Vec<(&'static str, u16)>,
    /// Bit `a * 256 + b` is set when some fragment starts with the bytes `a b`.
    first_two: Vec<u64>,
}

fn hint_tables() -> &'static HintTables {
    static T: OnceLock<HintTables> = OnceLock::new();
    T.get_or_init(|| {
        let mut whole = FastMap::default();
        for &n in COMMENT_NAMES {
            whole.insert(n, Hints::COMMENTS);
        }
        let mut words: FastMap<&'static str, u16> = FastMap::default();
        for (table, bit) in [
            (AD_CLASS_WORDS, Hints::AD),
            (TRENDING_CLASS_WORDS, Hints::TRENDING),
            (RECOMMENDED_CLASS_WORDS, Hints::RECOMMENDED),
            (SHARE_CLASS_WORDS, Hints::SHARE),
            (NEWSLETTER_CLASS_WORDS, Hints::NEWSLETTER),
            (PROMO_CLASS_WORDS, Hints::PROMO),
            (BYLINE_CLASS_WORDS, Hints::BYLINE),
        ] {
            for &w in table {
                *words.entry(w).or_insert(0) |= bit;
            }
        }
        let mut fragments = Vec::new();
        for (table, bit) in [
            (SPONSORED_WIDGET_NAMES, Hints::SPONSORED_WIDGET),
            (CONSENT_NAMES, Hints::CONSENT),
            (PAYWALL_NAMES, Hints::PAYWALL),
        ] {
            fragments.extend(table.iter().map(|&f| (f, bit)));
        }
        let mut first_two = vec![0u64; 65536 / 64];
        for (f, _) in &fragments {
            let b = f.as_bytes();
            let k = usize::from(b[0]) * 256 + usize::from(b[1]);
            first_two[k / 64] |= 1 << (k % 64);
        }
        HintTables {
            whole,
            words,
            fragments,
            first_two,
        }
    })
}

/// Names longer than this are generated (utility-class soup, hashes) and not read.
const HINT_NAME_MAX_BYTES: usize = 80;
/// Names of more words (letters only: hashes and numbers do not count) than this are slugs of
/// headings ("conducting-ad-hoc-retrospective-…"), whose words say nothing about the element.
const HINT_NAME_MAX_WORDS: usize = 6;

/// Reads the hints in one element's `class` and `id`.
pub fn class_hints(class: Option<&str>, id: Option<&str>) -> Hints {
    Hints(
        class
            .into_iter()
            .flat_map(str::split_whitespace)
            .chain(id)
            .map(name_hints)
            .fold(0, |a, b| a | b),
    )
}

/// The hints of one class name or id.
pub fn name_hints(name: &str) -> u16 {
    let t = hint_tables();
    let mut h = 0u16;
    let mut lower = String::new();
    let mut joined = String::new();
    {
        if name.len() > HINT_NAME_MAX_BYTES || name.len() < 2 {
            return 0;
        }
        lower.extend(name.chars().map(|c| c.to_ascii_lowercase()));
        h |= t.whole.get(lower.as_str()).copied().unwrap_or(0);
        if AD_ID_PREFIXES.iter().any(|p| lower.starts_with(p)) {
            h |= Hints::AD_ID | Hints::AD;
        }
        let bytes = lower.as_bytes();
        for i in 0..bytes.len() - 1 {
            let k = usize::from(bytes[i]) * 256 + usize::from(bytes[i + 1]);
            if t.first_two[k / 64] & (1 << (k % 64)) != 0 {
                for &(frag, bit) in &t.fragments {
                    if bytes[i..].starts_with(frag.as_bytes()) {
                        h |= bit;
                    }
                }
            }
        }
        // Words of the name, and its words joined ("most-popular" also as "mostpopular").
        if lower
            .split(['-', '_', '.', ':'])
            .filter(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_alphabetic()))
            .count()
            > HINT_NAME_MAX_WORDS
        {
            return h;
        }
        joined.clear();
        let mut prev = "";
        for w in lower.split(['-', '_', '.', ':']).filter(|w| !w.is_empty()) {
            // "ad-hoc" is Latin, not an advertisement.
            if w == "hoc" && prev == "ad" {
                h &= !Hints::AD;
            } else {
                h |= t.words.get(w).copied().unwrap_or(0);
            }
            joined.push_str(w);
            prev = w;
        }
        h |= t.words.get(joined.as_str()).copied().unwrap_or(0);
    }
    h
}

/// The phrase tables with their bits.
const PHRASE_TABLES: &[(u8, &[&str])] = &[
    (PHRASE_COOKIE, COOKIE_PHRASES),
    (PHRASE_NEWSLETTER, NEWSLETTER_PHRASES),
    (PHRASE_PAYWALL, PAYWALL_PHRASES),
    (PHRASE_PROMO, PROMO_PHRASES),
];

/// Characters of a word's beginning used to prefilter phrase search: a text is searched only
/// when one of its words begins like the longest word of some phrase.
const ANCHOR_CHARS: usize = 4;

/// The first bytes of a word, ASCII lower-cased and packed: a cheap key for the phrase
/// prefilter.
fn byte_key(word: &[u8]) -> u32 {
    let mut key = [0u8; ANCHOR_CHARS];
    for (k, b) in key.iter_mut().zip(word) {
        *k = b.to_ascii_lowercase();
    }
    u32::from_le_bytes(key)
}

/// The beginnings of every phrase's longest word, sorted: a text without any of them holds no
/// phrase, and most texts are rejected by a few binary searches.
fn anchors() -> &'static [u32] {
    static ANCHORS: OnceLock<Vec<u32>> = OnceLock::new();
    ANCHORS.get_or_init(|| {
        let mut v: Vec<u32> = PHRASE_TABLES
            .iter()
            .flat_map(|(_, table)| table.iter())
            .map(|phrase| {
                let longest = phrase
                    .split(|c: char| c.is_ascii() && !c.is_ascii_alphanumeric())
                    .max_by_key(|w| w.len())
                    .unwrap_or(phrase);
                byte_key(longest.as_bytes())
            })
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    })
}

/// The phrase bits of one short text node.
pub fn phrase_mask(text: &str) -> u8 {
    if text.len() > PHRASE_MAX_BYTES {
        return 0;
    }
    let anchors = anchors();
    // Words are runs of ASCII alphanumerics and non-ASCII bytes; each is looked up by its
    // first bytes, lower-cased.
    let bytes = text.as_bytes();
    let mut hit = false;
    let mut i = 0;
    while i < bytes.len() && !hit {
        if !(bytes[i].is_ascii_alphanumeric() || bytes[i] >= 0x80) {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] >= 0x80) {
            i += 1;
        }
        if i - start >= 2 {
            hit = anchors.binary_search(&byte_key(&bytes[start..i])).is_ok();
        }
    }
    if !hit {
        return 0;
    }
    let lower = text.to_lowercase();
    let mut m = 0;
    for &(bit, table) in PHRASE_TABLES {
        if table.iter().any(|p| lower.contains(p)) {
            m |= bit;
        }
    }
    m
}

/// The phrase of a given bit found in `text`, for reasons ("'VIP member' call to action").
pub fn phrase_found(text: &str, bit: u8) -> Option<&'static str> {
    let table = match bit {
        PHRASE_COOKIE => COOKIE_PHRASES,
        PHRASE_NEWSLETTER => NEWSLETTER_PHRASES,
        PHRASE_PAYWALL => PAYWALL_PHRASES,
        PHRASE_PROMO => PROMO_PHRASES,
        _ => return None,
    };
    let lower = text.to_lowercase();
    table.iter().copied().find(|p| lower.contains(p))
}

/// Reads `position: fixed|sticky` and `display: none` / `visibility: hidden` from an inline style.
pub fn style_flags(style: &str) -> (bool, bool) {
    let compact = crate::text::compact_style(style);
    let fixed = compact.contains("position:fixed") || compact.contains("position:sticky");
    let hidden = compact.contains("display:none") || compact.contains("visibility:hidden");
    (fixed, hidden)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_normalise_and_match() {
        assert_eq!(normalize_label("  — ADVERTISEMENT — "), "advertisement");
        assert_eq!(label(&normalize_label("Advertisement")), Some(Label::Ad));
        assert_eq!(label(&normalize_label("Anzeige")), Some(Label::Ad));
        assert_eq!(label(&normalize_label("广告")), Some(Label::Ad));
        assert_eq!(label(&normalize_label("Реклама")), Some(Label::Ad));
        assert_eq!(label(&normalize_label("Sponsored")), Some(Label::Sponsored));
        assert_eq!(
            label(&normalize_label("You Might Also Like:")),
            Some(Label::Section(ClutterKind::Recommended))
        );
        assert_eq!(
            label(&normalize_label("Don’t Miss")),
            Some(Label::Section(ClutterKind::Recommended))
        );
        assert_eq!(
            label(&normalize_label("Trending on Townhall Videos")),
            Some(Label::Section(ClutterKind::TrendingList))
        );
        assert_eq!(
            label(&normalize_label(
                "More on this below, as the court ruled last week"
            )),
            None
        );
        assert_eq!(label(&normalize_label("Popular culture")), None);
        assert!(is_accept_label(&normalize_label("Accept cookies")));
    }

    #[test]
    fn hosts() {
        assert_eq!(
            host_of("https://Ad.DoubleClick.net/x?y"),
            Some("ad.doubleclick.net".into())
        );
        assert_eq!(
            host_of("//tpc.googlesyndication.com/safeframe"),
            Some("tpc.googlesyndication.com".into())
        );
        assert_eq!(host_of("/local/path"), None);
        assert_eq!(host_of("//x/go?u=http://ads.example"), None);
        assert_eq!(host_of("a:b://x.example/"), None);
        assert_eq!(host_of("://x.example/").as_deref(), Some("x.example"));
        assert_eq!(
            ad_host("https://securepubads.g.doubleclick.net/tag/js/gpt.js").as_deref(),
            Some("doubleclick.net")
        );
        assert_eq!(ad_host("https://notdoubleclick.net/"), None);
        assert_eq!(ad_host("https://www.youtube.com/embed/x"), None);
        assert_eq!(
            share_target("https://www.facebook.com/sharer/sharer.php?u=x"),
            Some("facebook.com")
        );
        assert_eq!(
            share_target("https://twitter.com/intent/tweet?url=x"),
            Some("twitter.com")
        );
        assert_eq!(share_target("https://twitter.com/someone"), None);
        assert_eq!(share_target("mailto:?subject=Hi&body=x"), Some("email"));
        assert_eq!(share_target("mailto:editor@example.com"), None);
    }

    #[test]
    fn class_hints_match_words_not_substrings() {
        assert!(class_hints(Some("ad-slot top"), None).has(Hints::AD));
        assert!(!class_hints(Some("header shadow download"), None).has(Hints::AD));
        assert!(!class_hints(None, Some("conducting-ad-hoc-analysis")).has(Hints::AD));
        assert!(!class_hints(None, Some("why-this-ad-model-works-for-small-sites")).has(Hints::AD));
        assert!(class_hints(None, Some("div-gpt-ad-1234-0")).has(Hints::AD_ID));
        assert!(class_hints(Some("most-popular"), None).has(Hints::TRENDING));
        assert!(class_hints(Some("trc_rbox_container"), None).has(Hints::SPONSORED_WIDGET));
        assert!(class_hints(None, Some("comments")).has(Hints::COMMENTS));
        assert!(!class_hints(Some("comment-count"), None).has(Hints::COMMENTS));
    }

    #[test]
    fn phrases_and_styles() {
        assert_eq!(
            phrase_mask("Join the conversation as a VIP Member"),
            PHRASE_PROMO
        );
        assert_eq!(phrase_mask("We use cookies."), PHRASE_COOKIE);
        assert_eq!(style_flags("position: fixed; bottom: 0"), (true, false));
        assert_eq!(style_flags("DISPLAY:none"), (false, true));
    }
}

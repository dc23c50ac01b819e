//! Title, byline, excerpt, site name, published time, language and lead image.
//!
//! Each field has one precedence chain, most specific first: JSON-LD (what the publisher declared
//! for this article), then `<meta>` tags (Dublin Core, OpenGraph, Twitter, Parse.ly, plain), then
//! what the markup says (`<title>` less the site suffix, the `<h1>`). Later `<meta>` tags with the
//! same key win, as they do for the crawlers publishers write them for.

use crate::json::{self, Json};

use crate::dom::snapshot::is_json_ld;
use crate::dom::{Dom, NodeId};
use crate::text::{normalize_space, similarity, unescape_entities, SAME_TEXT_SIMILARITY};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Metadata {
    pub title: String,
    pub byline: Option<String>,
    pub excerpt: Option<String>,
    pub site_name: Option<String>,
    pub published_time: Option<String>,
    pub lang: Option<String>,
    pub dir: Option<String>,
    pub image: Option<String>,
    /// The image's width and height in pixels, as declared with it.
    pub image_size: Option<(u32, u32)>,
}

/// `@type`s that mark a JSON-LD object as the article itself (schema.org's CreativeWork kinds
/// that carry a body of text), rather than the page, the site or a breadcrumb.
pub(crate) const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "AdvertiserContentArticle",
    "NewsArticle",
    "AnalysisNewsArticle",
    "AskPublicNewsArticle",
    "BackgroundNewsArticle",
    "OpinionNewsArticle",
    "ReportageNewsArticle",
    "ReviewNewsArticle",
    "Report",
    "SatiricalArticle",
    "ScholarlyArticle",
    "MedicalScholarlyArticle",
    "SocialMediaPosting",
    "BlogPosting",
    "LiveBlogPosting",
    "DiscussionForumPosting",
    "TechArticle",
    "APIReference",
];

/// Vocabularies of `<meta property>` keys (RDFa: OpenGraph and its `article:` namespace, Dublin Core).
const PROPERTY_PREFIXES: &[&str] = &["article", "dc", "dcterm", "og", "twitter"];
/// Vocabularies of `<meta name>` keys; `article:` is an OpenGraph property, not a name.
const NAME_PREFIXES: &[&str] = &[
    "dc",
    "dcterm",
    "og",
    "twitter",
    "parsely",
    "weibo:article",
    "weibo:webpage",
];
/// The metadata fields those prefixes qualify.
const META_FIELDS: &[&str] = &[
    "author",
    "creator",
    "description",
    "published_time",
    "title",
    "site_name",
    "pub-date",
    "image",
];

/// Title separators between the article's title and the site's name ("Story | Site").
const TITLE_SEPARATORS: &[char] = &['|', '-', '–', '—', '\\', '/', '>', '»'];
/// Separators that express hierarchy ("Site » Section » Story") rather than a suffix.
const HIERARCHICAL_SEPARATORS: &[char] = &['\\', '/', '>', '»'];
/// Separators a site's name stands behind in a title, spaced (and the full-width bar, which
/// Japanese titles do not space).
const SITE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " · ", " :: ", " » ", "｜"];
/// Labels under a country's domain that name a kind of site, not the site (`co` in bbc.co.uk).
const SECOND_LEVEL_LABELS: &[&str] = &["co", "com", "org", "net", "ac", "gov", "edu", "ne", "or"];
/// A site's name beginning with its host's label is at most this many words ("Yahoo News").
const MAX_SITE_NAME_WORDS: usize = 3;
/// A host's label this short (`t`, `bo`) could begin any word of a title.
const MIN_HOST_LABEL_CHARS: usize = 3;
/// A cleaned title this short is more likely a fragment than the title: keep the whole one.
const MIN_TITLE_WORDS: usize = 4;
/// Titles outside this length range are replaced by the page's only `<h1>`, if it has one.
const PLAUSIBLE_TITLE_CHARS: std::ops::RangeInclusive<usize> = 15..=150;

/// Reads the page's metadata. `page_host` is the host of the page's address, when known: a
/// title's suffix that names it is the site's name.
pub fn read(dom: &Dom, page_host: Option<&str>) -> Metadata {
    let metas = collect_meta(dom);
    let get = |keys: &[&str]| -> Option<String> {
        keys.iter()
            .find_map(|k| {
                metas
                    .iter()
                    .rev()
                    .find(|(key, _)| key == k)
                    .map(|(_, v)| v.clone())
            })
            .filter(|v| !v.is_empty())
    };
    let document_title = document_title(dom);
    let ld = json_ld(dom, &document_title);

    let title = ld
        .title
        .clone()
        .or_else(|| {
            get(&[
                "dc:title",
                "dcterm:title",
                "og:title",
                "weibo:article:title",
                "weibo:webpage:title",
                "title",
                "twitter:title",
                "parsely-title",
            ])
        })
        .unwrap_or(document_title);
    let article_author = get(&["article:author"]).filter(|a| !looks_like_url(a));
    let byline = ld
        .byline
        .clone()
        .or_else(|| get(&["dc:creator", "dcterm:creator", "author", "parsely-author"]))
        .or(article_author);
    let excerpt = ld.excerpt.clone().or_else(|| {
        get(&[
            "dc:description",
            "dcterm:description",
            "og:description",
            "weibo:article:description",
            "weibo:webpage:description",
            "description",
            "twitter:description",
        ])
    });
    let site_name = ld
        .site_name
        .clone()
        .or_else(|| get(&["og:site_name", "application-name"]));
    let published_time = ld.published.clone().or_else(|| {
        get(&[
            "article:published_time",
            "parsely-pub-date",
            "dc:date",
            "date",
        ])
    });
    let og_image = get(&["og:image", "twitter:image", "twitter:image:src"]);
    let og_size = || {
        let px = |keys: &[&str]| get(keys).as_deref().and_then(crate::picture::pixels);
        Some((
            px(&["og:image:width", "twitter:image:width"])?,
            px(&["og:image:height", "twitter:image:height"])?,
        ))
    };
    let (image, image_size) = match (&ld.image, og_image) {
        (Some(i), _) => (Some(i.clone()), ld.image_size),
        (None, Some(og)) => (Some(og), og_size()),
        (None, None) => (None, None),
    };
    let html = dom.html();
    let lang = html
        .and_then(|h| dom.attr(h, "lang"))
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned);
    let dir = html
        .and_then(|h| dom.attr(h, "dir"))
        .map(|d| d.trim().to_ascii_lowercase())
        .filter(|d| d == "rtl" || d == "ltr");

    let title = unescape_entities(&normalize_space(&title));
    let byline = byline.map(|b| unescape_entities(b.trim()));
    let site_name = site_name.map(|s| unescape_entities(s.trim()));
    Metadata {
        title: without_site_name(&title, site_name.as_deref(), page_host, byline.as_deref()),
        byline,
        excerpt: excerpt.map(|e| unescape_entities(e.trim())),
        site_name,
        published_time: published_time.map(|p| p.trim().to_owned()),
        lang,
        dir,
        image: image.map(|i| unescape_entities(i.trim())),
        image_size,
    }
}

/// The title less the site's name where it names it after a separator ("Story | The Paper",
/// "記事 - Yahoo!ニュース"), and less an author's name after it ("Story | Eleanor Roy"). A name
/// before the title stays: there it is as often a product's ("Gymshark T-Shirt - Black") or the
/// start of the title itself ("Redfin's 2026 Predictions: …") as a site's. The site is its declared name, that name less a domain ending
/// ("Factorio" for "Factorio.com"), or the page's host ("breitbart" in www.breitbart.com). A
/// dash or bar inside a title that names neither stays.
fn without_site_name(
    title: &str,
    site: Option<&str>,
    host: Option<&str>,
    byline: Option<&str>,
) -> String {
    let site = site.map(normalized).filter(|s| !s.is_empty());
    let site_stem = site
        .as_deref()
        .zip(site.as_deref().and_then(|s| s.split_once('.')))
        .map(|(_, (stem, _))| stem.to_owned());
    let host = host
        .map(host_label)
        .filter(|h| h.len() >= MIN_HOST_LABEL_CHARS);
    let byline = byline.map(normalized).filter(|b| !b.is_empty());
    // A host names a part that is its label, or begins with it in a short name ("Yahoo News").
    let names_site = |raw: &str| {
        let part = normalized(raw);
        !part.is_empty()
            && (site.as_deref() == Some(part.as_str())
                || site_stem.as_deref() == Some(part.as_str())
                || host.as_deref().is_some_and(|h| {
                    part == h
                        || (part.starts_with(h)
                            && raw.split_whitespace().count() <= MAX_SITE_NAME_WORDS)
                }))
    };
    let mut rest = title.trim();
    // From the end: the site's name, then an author's ("Story - Author - Medium").
    for _ in 0..2 {
        let Some((at, sep)) = SITE_SEPARATORS
            .iter()
            .filter_map(|sep| rest.rfind(sep).map(|at| (at, sep)))
            .max_by_key(|&(at, _)| at)
        else {
            break;
        };
        let tail = &rest[at + sep.len()..];
        let by_author = byline.as_deref().is_some_and(|b| normalized(tail) == b);
        if !(names_site(tail) || by_author) {
            break;
        }
        rest = rest[..at].trim_end();
    }
    if rest.chars().any(char::is_alphanumeric) {
        rest.to_owned()
    } else {
        title.to_owned()
    }
}

/// Lower-cased letters and digits only: how a site's name is compared ("Yahoo!ニュース").
fn normalized(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric() || *c == '.')
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .trim_matches('.')
        .to_owned()
}

/// The name a host gives its site: `breitbart` in www.breitbart.com, `bbc` in www.bbc.co.uk.
fn host_label(host: &str) -> String {
    let mut labels: Vec<&str> = host.split('.').filter(|l| !l.is_empty()).collect();
    if labels.len() > 1 {
        labels.pop();
    }
    if labels.len() > 1 && SECOND_LEVEL_LABELS.contains(labels.last().unwrap_or(&"")) {
        labels.pop();
    }
    labels
        .last()
        .map_or(String::new(), |l| l.to_ascii_lowercase())
}

/// `<meta>` key/value pairs, keys normalised: lower case, no spaces, `.` read as `:`.
fn collect_meta(dom: &Dom) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for id in dom.descendants(NodeId::ROOT) {
        if !dom.is(id, "meta") {
            continue;
        }
        let Some(content) = dom.attr(id, "content") else {
            continue;
        };
        let content = content.trim().to_owned();
        // `property` may hold several space-separated keys ("og:title twitter:title"), and
        // some are qualified twice ("og:article:author"): the known key at the end counts.
        if let Some(property) = dom.attr(id, "property") {
            for token in property.split_whitespace() {
                let token = token.to_ascii_lowercase();
                let key = std::iter::once(0)
                    .chain(token.match_indices(':').map(|(i, _)| i + 1))
                    .map(|i| &token[i..])
                    .find(|k| is_meta_key(k, PROPERTY_PREFIXES));
                if let Some(key) = key {
                    out.push((key.to_owned(), content.clone()));
                }
            }
        }
        if let Some(name) = dom.attr(id, "name").or_else(|| dom.attr(id, "itemprop")) {
            let key: String = name
                .chars()
                .filter(|c| !c.is_whitespace())
                .map(|c| {
                    if c == '.' {
                        ':'
                    } else {
                        c.to_ascii_lowercase()
                    }
                })
                .collect();
            if is_meta_key(&key, NAME_PREFIXES)
                || matches!(key.as_str(), "application-name" | "date")
            {
                out.push((key, content));
            }
        }
    }
    out
}

fn is_meta_key(key: &str, prefixes: &[&str]) -> bool {
    let field = |f: &str| META_FIELDS.contains(&f) || f.starts_with("image");
    if field(key) {
        return true;
    }
    prefixes.iter().any(|p| {
        key.strip_prefix(p)
            .and_then(|rest| rest.strip_prefix([':', '-']))
            .is_some_and(field)
    })
}

fn looks_like_url(s: &str) -> bool {
    s.starts_with("http://") || s.starts_with("https://") || s.starts_with("//")
}

#[derive(Default)]
struct LdFields {
    title: Option<String>,
    byline: Option<String>,
    excerpt: Option<String>,
    site_name: Option<String>,
    published: Option<String>,
    image: Option<String>,
    image_size: Option<(u32, u32)>,
}

/// The first JSON-LD object in the page that describes an article.
fn json_ld(dom: &Dom, document_title: &str) -> LdFields {
    for id in dom.descendants(NodeId::ROOT) {
        if !dom.element(id).is_some_and(is_json_ld) {
            continue;
        }
        let raw = dom.text_content(id);
        let raw = raw
            .trim()
            .trim_start_matches("<![CDATA[")
            .trim_end_matches("]]>");
        let Ok(value) = json::parse(raw) else {
            continue;
        };
        if let Some(article) = find_article(&value) {
            return ld_fields(article, document_title);
        }
    }
    LdFields::default()
}

fn find_article(value: &Json) -> Option<&Json> {
    match value {
        Json::Array(items) => items.iter().find_map(find_article),
        Json::Object(_) => {
            if is_article_type(value.get("@type")) {
                return Some(value);
            }
            value.get("@graph").and_then(find_article)
        }
        _ => None,
    }
}

fn is_article_type(t: Option<&Json>) -> bool {
    match t {
        Some(Json::String(s)) => ARTICLE_TYPES.contains(&s.as_str()),
        Some(Json::Array(types)) => types.iter().any(|t| is_article_type(Some(t))),
        _ => false,
    }
}

fn ld_fields(article: &Json, document_title: &str) -> LdFields {
    let s = |v: Option<&Json>| {
        v.and_then(Json::as_str)
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
    };
    let name = s(article.get("name"));
    let headline = s(article.get("headline"));
    // Some sites put the site's name in `name` and the story's in `headline`: take the one that
    // agrees with the document's title.
    let title = match (name, headline) {
        (Some(n), Some(h)) if n != h => {
            let headline_matches = similarity(&h, document_title) > SAME_TEXT_SIMILARITY;
            let name_matches = similarity(&n, document_title) > SAME_TEXT_SIMILARITY;
            Some(if headline_matches && !name_matches {
                h
            } else {
                n
            })
        }
        (n, h) => n.or(h),
    };
    let person = |v: &Json| match v {
        Json::String(s) => Some(s.trim().to_owned()),
        v => s(v.get("name")),
    };
    let byline = match article.get("author") {
        Some(Json::Array(authors)) => {
            let mut names = String::new();
            for name in authors.iter().filter_map(person).filter(|n| !n.is_empty()) {
                if !names.is_empty() {
                    names.push_str(", ");
                }
                names.push_str(&name);
            }
            (!names.is_empty()).then_some(names)
        }
        Some(a) => person(a).filter(|n| !n.is_empty()),
        None => None,
    };
    let image = match article.get("image") {
        Some(Json::Array(items)) => items.first(),
        other => other,
    };
    let image_size = image.and_then(|i| {
        // The JSON reader keeps no numbers' values: sizes written as strings only.
        let px = |key| i.get(key)?.as_str().and_then(crate::picture::pixels);
        Some((px("width")?, px("height")?))
    });
    let image = image.and_then(|i| i.as_str().map(str::to_owned).or_else(|| s(i.get("url"))));
    LdFields {
        title,
        byline,
        excerpt: s(article.get("description")),
        site_name: article.get("publisher").and_then(|p| s(p.get("name"))),
        published: s(article.get("datePublished")),
        image,
        image_size,
    }
}

/// The page's `<title>`, less the site's name and section trail where that can be told apart.
pub fn document_title(dom: &Dom) -> String {
    let original = dom
        .find("title")
        .map(|t| normalize_space(&dom.text_content(t)))
        .unwrap_or_default();
    let words = |s: &str| s.split_whitespace().count();
    let separated = |s: &str, seps: &[char]| {
        s.char_indices().any(|(i, c)| {
            seps.contains(&c) && s[..i].ends_with(' ') && s[i + c.len_utf8()..].starts_with(' ')
        })
    };
    let mut hierarchical = false;
    let mut title = original.clone();
    if separated(&original, TITLE_SEPARATORS) {
        hierarchical = separated(&original, HIERARCHICAL_SEPARATORS);
        // "Story | Site": drop the last part; if that leaves too little, drop the first instead.
        let last = spaced_separators(&original).last().copied();
        if let Some(at) = last {
            title = original[..at].to_owned();
        }
        if words(&title) < 3 {
            if let Some(&first) = spaced_separators(&original).first() {
                let skip = original[first..].chars().next().map_or(1, char::len_utf8);
                title = original[first + skip..].to_owned();
            }
        }
    } else if original.contains(": ") {
        // "Site: Story", unless a heading says the whole thing is the title.
        let headings_match = dom
            .descendants(NodeId::ROOT)
            .filter(|&d| dom.is(d, "h1") || dom.is(d, "h2"))
            .any(|h| dom.text_content(h).trim() == original);
        if !headings_match {
            let last = original.rfind(':').map_or(0, |i| i + 1);
            title = original[last..].to_owned();
            if words(&title) < 3 {
                let first = original.find(':').map_or(0, |i| i + 1);
                title = original[first..].to_owned();
            } else if words(&original[..original.find(':').unwrap_or(0)]) > 5 {
                title = original.clone();
            }
        }
    } else if !PLAUSIBLE_TITLE_CHARS.contains(&original.chars().count()) {
        let mut h1s = dom.descendants(NodeId::ROOT).filter(|&d| dom.is(d, "h1"));
        if let (Some(h1), None) = (h1s.next(), h1s.next()) {
            title = normalize_space(&dom.text_content(h1));
        }
    }
    let title = normalize_space(&title);
    let count = words(&title);
    let without_separators: String = original
        .chars()
        .filter(|c| !TITLE_SEPARATORS.contains(c))
        .collect();
    if count <= MIN_TITLE_WORDS && (!hierarchical || count + 1 != words(&without_separators)) {
        return original;
    }
    title
}

/// Byte offsets of the separators written with a space on each side.
fn spaced_separators(s: &str) -> Vec<usize> {
    let mut at = Vec::new();
    for (i, c) in s.char_indices() {
        if TITLE_SEPARATORS.contains(&c)
            && s[..i].ends_with(' ')
            && s[i + c.len_utf8()..].starts_with(' ')
        {
            at.push(i);
        }
    }
    at
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::dom::parse::parse_str;

    fn title_of(html: &str) -> String {
        read(&parse_str(html).unwrap(), None).title
    }

    #[test]
    fn title_drops_site_suffix_and_keeps_short_titles_whole() {
        assert_eq!(
            title_of("<title>A Long Story About Things | The Site</title>"),
            "A Long Story About Things"
        );
        // Cutting either part would leave a fragment of four words or fewer.
        assert_eq!(
            title_of("<title>Site Name - Some Story Title Here</title>"),
            "Site Name - Some Story Title Here"
        );
        assert_eq!(
            title_of("<title>A Story With Many Words » Section » Site</title>"),
            "A Story With Many Words » Section"
        );
        assert_eq!(title_of("<title>Short | Site</title>"), "Short | Site");
        assert_eq!(
            title_of("<title>Site: A story with enough words</title>"),
            "A story with enough words"
        );
    }

    #[test]
    fn site_names_leave_titles_and_titles_with_dashes_stay() {
        let title = |t: &str, site: Option<&str>, host: Option<&str>, by: Option<&str>| {
            without_site_name(t, site, host, by)
        };
        let cases = [
            // The declared site name after a separator, in any script.
            ("トレンドマイクロ、アプリ「フリーWi-Fiプロテクション」（CNET Japan） - Yahoo!ニュース", Some("Yahoo!ニュース"), None, None, "トレンドマイクロ、アプリ「フリーWi-Fiプロテクション」（CNET Japan）"),
            ("How to Build a Terrarium | eHow", Some("eHow"), None, None, "How to Build a Terrarium"),
            ("Friday Facts #282 - 0.17 in sight | Factorio", Some("Factorio.com"), None, None, "Friday Facts #282 - 0.17 in sight"),
            ("These Weeks in Firefox: Issue 85 – Firefox Nightly News", Some("Firefox Nightly News"), None, None, "These Weeks in Firefox: Issue 85"),
            // The host's name, and an author's after the site's.
            ("'Neutral' Fact-Checker: 'Are There Any Un-Angry Supporters?' - Breitbart", None, Some("www.breitbart.com"), None, "'Neutral' Fact-Checker: 'Are There Any Un-Angry Supporters?'"),
            ("Samantha and The Great Big Lie - John C. Welch - Medium", Some("Medium"), None, Some("John C. Welch"), "Samantha and The Great Big Lie"),
            ("Mozilla - Wikipedia", None, Some("en.wikipedia.org"), None, "Mozilla"),
            ("Storm closes the harbour - BBC News", None, Some("www.bbc.co.uk"), None, "Storm closes the harbour"),
            // A name before the title stays.
            ("Gymshark Arrival T-Shirt - Black", Some("Gymshark"), Some("www.gymshark.com"), None, "Gymshark Arrival T-Shirt - Black"),
            ("Redfin’s 2026 Predictions: Welcome to The Great Housing Reset", Some("Redfin"), Some("www.redfin.com"), None, "Redfin’s 2026 Predictions: Welcome to The Great Housing Reset"),
            ("Der Hafen wird neu gebaut ｜ Hafenpost", Some("Hafenpost"), None, None, "Der Hafen wird neu gebaut"),
            // Dashes that name no site stay.
            ("Raspberry Pi 3 - The credit card sized PC that cost only $35 - All-time bestselling computer in UK", Some("SIMPLYFOUND.COM"), None, None, "Raspberry Pi 3 - The credit card sized PC that cost only $35 - All-time bestselling computer in UK"),
            ("Minecraft 1.8 - The Bountiful Update", Some("Minecraft Update News"), None, None, "Minecraft 1.8 - The Bountiful Update"),
            ("Spider-Man: No Way Home – A Review", Some("The Reel"), Some("thereel.example"), None, "Spider-Man: No Way Home – A Review"),
            // A title that is the site's name entire is left whole.
            ("Yahoo News - Latest News & Headlines", Some("Yahoo News - Latest News & Headlines"), None, None, "Yahoo News - Latest News & Headlines"),
            ("Breitbart", None, Some("www.breitbart.com"), None, "Breitbart"),
        ];
        for (t, site, host, by, want) in cases {
            assert_eq!(title(t, site, host, by), want, "{t}");
        }
    }

    #[test]
    fn json_ld_beats_meta_beats_title() {
        let html = r#"<title>Doc title here for you</title><meta property="og:title" content="OG title">
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
            "headline":"LD headline","author":[{"name":"A. Writer"},{"name":"B. Writer"}],
            "publisher":{"name":"The Paper"},"datePublished":"2019-06-23"}</script>"#;
        let m = read(&parse_str(html).unwrap(), None);
        assert_eq!(m.title, "LD headline");
        assert_eq!(m.byline.as_deref(), Some("A. Writer, B. Writer"));
        assert_eq!(m.site_name.as_deref(), Some("The Paper"));
        assert_eq!(m.published_time.as_deref(), Some("2019-06-23"));
        let m = read(&parse_str(r#"<title>Doc title</title><meta property="og:title twitter:title" content="OG title">"#).unwrap(), None);
        assert_eq!(m.title, "OG title");
    }

    #[test]
    fn article_author_urls_are_not_bylines() {
        let m = read(
            &parse_str(r#"<meta property="article:author" content="https://facebook.com/x">"#)
                .unwrap(),
            None,
        );
        assert_eq!(m.byline, None);
    }
}

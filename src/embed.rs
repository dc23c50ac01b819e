//! Video and audio embeds from known providers (YouTube, Vimeo, Dailymotion, Spotify…): what the
//! reader needs to show them as a card that loads the player only when asked.
//!
//! Nothing of the page's markup is passed on: the provider is recognised from the embed's address
//! (its host exactly, never a look-alike such as `youtube.com.evil.example`), the media id is
//! checked against the provider's own alphabet, and the player and page addresses are rebuilt
//! from that id alone, always `https` on the provider's own host.

use crate::dom::{Dom, Element, NodeId};

/// Attributes whose value may be a player's address, on `<iframe>`, `<embed>`, `<object>`,
/// `<oembed>` and their lazy-loading forms.
const SOURCE_ATTRS: &[&str] = &[
    "src",
    "data-src",
    "data-lazy-src",
    "data",
    "url",
    "data-url",
];
/// Words of titles that name the player, not the media ("YouTube video player").
const GENERIC_TITLE_WORDS: &[&str] = &[
    "player",
    "embed",
    "embedded",
    "iframe",
    "video",
    "audio",
    "widget",
    "play",
    "youtube",
    "vimeo",
    "dailymotion",
    "spotify",
    "soundcloud",
    "ted",
    "twitch",
    "streamable",
];
/// A title longer than this is a page's text in an attribute, not a title.
const MAX_TITLE_CHARS: usize = 200;

/// A provider of embedded players.
#[derive(Debug, PartialEq, Eq)]
pub struct Provider {
    /// The provider's name as people know it: the card shows it, `data-provider` holds it.
    pub name: &'static str,
    /// `video` or `audio`.
    pub kind: &'static str,
}

pub const YOUTUBE: Provider = Provider {
    name: "YouTube",
    kind: "video",
};
pub const VIMEO: Provider = Provider {
    name: "Vimeo",
    kind: "video",
};
const DAILYMOTION: Provider = Provider {
    name: "Dailymotion",
    kind: "video",
};
const SPOTIFY: Provider = Provider {
    name: "Spotify",
    kind: "audio",
};
const SOUNDCLOUD: Provider = Provider {
    name: "SoundCloud",
    kind: "audio",
};
const TED: Provider = Provider {
    name: "TED",
    kind: "video",
};
const TWITCH: Provider = Provider {
    name: "Twitch",
    kind: "video",
};
const STREAMABLE: Provider = Provider {
    name: "Streamable",
    kind: "video",
};
const INTERNET_ARCHIVE: Provider = Provider {
    name: "Internet Archive",
    kind: "video",
};
const TENCENT_VIDEO: Provider = Provider {
    name: "腾讯视频",
    kind: "video",
};

/// How one provider's addresses name a media item, and how its player and page are rebuilt.
struct Rule {
    provider: &'static Provider,
    /// Domains the addresses are on, or on a subdomain of.
    domains: &'static [&'static str],
    /// Where the id is: the path segment after one of these (`embed` in `/embed/ID`; `""`: the
    /// first segment, `"*"`: the last), or the query parameter `?name` (`?v` in `/watch?v=ID`),
    /// tried in order.
    at: &'static [&'static str],
    /// The id's alphabet beyond ASCII letters and digits ([`DIGITS`]: digits only), and its
    /// shortest and longest length.
    extra: &'static str,
    len: (usize, usize),
    /// The player (set to start playing) and the page, `{}` standing for the id.
    player: &'static str,
    page: &'static str,
}

/// A rule's `extra` for ids of digits only.
const DIGITS: &str = "#";
/// Spotify's kinds of item, which its addresses name before the id (`/embed/episode/ID`).
const SPOTIFY_KINDS: &[&str] = &["track", "album", "playlist", "episode", "show", "artist"];

const RULES: &[Rule] = &[
    Rule {
        provider: &YOUTUBE,
        domains: &["youtube.com", "youtube-nocookie.com"],
        at: &["embed", "v", "shorts", "live", "?v"],
        extra: "_-",
        len: (11, 11),
        player: "https://www.youtube-nocookie.com/embed/{}?autoplay=1",
        page: "https://www.youtube.com/watch?v={}",
    },
    Rule {
        provider: &YOUTUBE,
        domains: &["youtu.be"],
        at: &[""],
        extra: "_-",
        len: (11, 11),
        player: "https://www.youtube-nocookie.com/embed/{}?autoplay=1",
        page: "https://www.youtube.com/watch?v={}",
    },
    Rule {
        provider: &YOUTUBE,
        domains: &["youtube.com", "youtube-nocookie.com"],
        at: &["?list"],
        extra: "_-",
        len: (10, 64),
        player: "https://www.youtube-nocookie.com/embed/videoseries?list={}&autoplay=1",
        page: "https://www.youtube.com/playlist?list={}",
    },
    Rule {
        provider: &VIMEO,
        domains: &["vimeo.com"],
        at: &["video", ""],
        extra: DIGITS,
        len: (1, 12),
        player: "https://player.vimeo.com/video/{}?autoplay=1",
        page: "https://vimeo.com/{}",
    },
    Rule {
        provider: &DAILYMOTION,
        domains: &["dailymotion.com"],
        at: &["video", "?video"],
        extra: "",
        len: (5, 12),
        player: "https://www.dailymotion.com/embed/video/{}?autoplay=1",
        page: "https://www.dailymotion.com/video/{}",
    },
    Rule {
        provider: &DAILYMOTION,
        domains: &["dai.ly"],
        at: &[""],
        extra: "",
        len: (5, 12),
        player: "https://www.dailymotion.com/embed/video/{}?autoplay=1",
        page: "https://www.dailymotion.com/video/{}",
    },
    Rule {
        provider: &SPOTIFY,
        domains: &["spotify.com"],
        // The id is `kind/ID`: see `id_in`.
        at: SPOTIFY_KINDS,
        extra: "",
        len: (10, 40),
        player: "https://open.spotify.com/embed/{}",
        page: "https://open.spotify.com/{}",
    },
    Rule {
        provider: &TED,
        domains: &["ted.com"],
        // `/talks/SLUG`, or `/talks/lang/en/SLUG` for a subtitled one.
        at: &["*"],
        extra: "_",
        len: (1, 200),
        player: "https://embed.ted.com/talks/{}",
        page: "https://www.ted.com/talks/{}",
    },
    Rule {
        provider: &TWITCH,
        domains: &["twitch.tv"],
        at: &["?video"],
        extra: DIGITS,
        len: (1, 20),
        player: "https://player.twitch.tv/?video=v{}&autoplay=true",
        page: "https://www.twitch.tv/videos/{}",
    },
    Rule {
        provider: &TWITCH,
        domains: &["twitch.tv"],
        at: &["?clip"],
        extra: "_-",
        len: (1, 100),
        player: "https://clips.twitch.tv/embed?clip={}&autoplay=true",
        page: "https://clips.twitch.tv/{}",
    },
    Rule {
        provider: &TWITCH,
        domains: &["twitch.tv"],
        at: &["?channel"],
        extra: "_",
        len: (1, 40),
        player: "https://player.twitch.tv/?channel={}&autoplay=true",
        page: "https://www.twitch.tv/{}",
    },
    Rule {
        provider: &STREAMABLE,
        domains: &["streamable.com"],
        at: &["e", "o", "s", ""],
        extra: "",
        len: (3, 12),
        player: "https://streamable.com/e/{}?autoplay=1",
        page: "https://streamable.com/{}",
    },
    Rule {
        provider: &INTERNET_ARCHIVE,
        domains: &["archive.org"],
        at: &["embed", "details"],
        extra: "_-.",
        len: (1, 100),
        player: "https://archive.org/embed/{}",
        page: "https://archive.org/details/{}",
    },
    Rule {
        provider: &TENCENT_VIDEO,
        domains: &["v.qq.com"],
        at: &["?vid"],
        extra: "",
        len: (5, 20),
        player: "https://v.qq.com/txp/iframe/player.html?vid={}&autoplay=true",
        page: "https://v.qq.com/x/page/{}.html",
    },
];

/// Elements that stand for a player by a media id alone (`<lite-youtube videoid=…>`): the
/// element, its attribute, and the rule that makes the id an address.
const ID_ELEMENTS: &[(&str, &str, usize)] = &[
    ("lite-youtube", "videoid", 0),
    ("amp-youtube", "data-videoid", 0),
    ("lite-vimeo", "videoid", 3),
    ("amp-vimeo", "data-videoid", 3),
    ("amp-dailymotion", "data-videoid", 4),
];

/// A recognised embed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Embed {
    pub provider: &'static Provider,
    /// The player to load on request: `https`, on the provider's host, set to start playing.
    pub player: String,
    /// The media's own page, for a link that works without the player.
    pub page: String,
    /// The title the page gives the embed, when it gives one.
    pub title: Option<String>,
    /// The embed's declared size in pixels, for its shape.
    pub width: Option<u32>,
    pub height: Option<u32>,
}

/// The embed `id` stands for, if it is a known provider's player. `page_host` is the host of the
/// page it is shown on, which some players (Twitch) must be told.
pub fn of_element(dom: &Dom, id: NodeId, page_host: Option<&str>) -> Option<Embed> {
    let el = dom.element(id)?;
    let mut embed = if let Some((_, attr, rule)) = ID_ELEMENTS.iter().find(|e| el.is(e.0)) {
        by_id(&RULES[*rule], el.attr(attr)?.trim())?
    } else if is_frame(el) {
        // `<object>` names its movie in a `<param name="movie" value=…>`.
        let params = dom
            .child_elements(id)
            .filter(|&c| el.is("object") && dom.is(c, "param"))
            .filter_map(|c| dom.attr(c, "value"));
        SOURCE_ATTRS
            .iter()
            .filter_map(|a| el.attr(a))
            .chain(params)
            .find_map(of_url)?
    } else {
        return None;
    };
    // Twitch plays only where it is told it is embedded; the host goes into the address, so a
    // host name's characters only.
    if let Some(host) = page_host.filter(|h| embed.provider == &TWITCH && is_token(h, 1, 253, ".-"))
    {
        embed.player.push_str("&parent=");
        embed.player.push_str(host);
    }
    // `<lite-youtube>` labels its button "Play: <title>".
    let play_label = el.attr("playlabel").map(|l| {
        let l = l.trim_start();
        l.get(..5)
            .filter(|p| p.eq_ignore_ascii_case("play:"))
            .map_or(l, |_| &l[5..])
    });
    embed.title = [el.attr("title"), el.attr("aria-label"), play_label]
        .into_iter()
        .flatten()
        .map(crate::text::normalize_space)
        .find(|t| is_real_title(t));
    let size = |name| {
        el.attr(name)
            .and_then(crate::picture::pixels)
            .filter(|&n| n > 0)
    };
    embed.width = size("width");
    embed.height = size("height");
    Some(embed)
}

/// True when an element stands for a known provider's player: what cleaning keeps as the
/// article's media rather than an ad frame.
pub fn is_player(el: &Element) -> bool {
    ID_ELEMENTS
        .iter()
        .any(|(name, attr, _)| el.is(name) && el.attr(attr).is_some())
        || (is_frame(el)
            && SOURCE_ATTRS
                .iter()
                .filter_map(|a| el.attr(a))
                .any(is_player_url))
}

/// True when an attribute value is the address of a known provider's player or media page.
pub fn is_player_url(value: &str) -> bool {
    of_url(value).is_some()
}

/// Elements that embed another document or media by address.
fn is_frame(el: &Element) -> bool {
    matches!(&*el.name, "iframe" | "embed" | "object" | "oembed")
}

/// A title worth showing: not empty, not the player's generic label ("YouTube video player").
fn is_real_title(title: &str) -> bool {
    let lower = title.to_lowercase();
    let generic = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|w| GENERIC_TITLE_WORDS.contains(&w));
    !generic && title.chars().count() <= MAX_TITLE_CHARS
}

/// The embed a player's or media page's address stands for.
fn of_url(url: &str) -> Option<Embed> {
    let (host, path, query) = split_url(url)?;
    // The host itself or a subdomain: `youtube.com.evil.example` is neither.
    let on = |domain: &&str| {
        host.strip_suffix(domain)
            .is_some_and(|sub| sub.is_empty() || sub.ends_with('.'))
    };
    if on(&"soundcloud.com") {
        return soundcloud(&host, url, query);
    }
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let mut embed = RULES
        .iter()
        .filter(|r| r.domains.iter().any(on))
        .find_map(|r| id_in(r, &segments, query).and_then(|id| by_id(r, &id)))?;
    // A start time (YouTube) and a private video's key (Vimeo) carry over.
    if embed.provider == &YOUTUBE {
        let start = param(query, "start").or_else(|| param(query, "t"));
        if let Some(t) = start
            .map(|t| t.trim_end_matches('s'))
            .filter(|t| is_token(t, 1, 6, "") && t.bytes().all(|b| b.is_ascii_digit()))
        {
            for (url, key, unit) in [
                (&mut embed.player, "&start=", ""),
                (&mut embed.page, "&t=", "s"),
            ] {
                url.extend([key, t, unit]);
            }
        }
    } else if embed.provider == &VIMEO {
        if let Some(h) = param(query, "h").filter(|h| is_token(h, 4, 32, "")) {
            embed.player.extend(["&h=", h]);
            embed.page.extend(["/", h]);
        }
    }
    Some(embed)
}

/// Where a rule finds the id in a path's segments or query.
fn id_in(rule: &Rule, segments: &[&str], query: &str) -> Option<String> {
    rule.at.iter().find_map(|&at| {
        let id = if let Some(name) = at.strip_prefix('?') {
            param(query, name)?
        } else if at == "*" {
            segments.last()?
        } else if at.is_empty() {
            segments.first()?
        } else {
            let i = segments.iter().position(|&s| s == at)?;
            let id = segments.get(i + 1)?;
            if rule.provider == &SPOTIFY {
                return Some(format!("{at}/{id}"));
            }
            id
        };
        let id = if rule.provider == &TWITCH {
            id.trim_start_matches('v')
        } else {
            id
        };
        Some(id.to_owned())
    })
}

/// The embed of a media id, if the id is in the rule's alphabet.
fn by_id(rule: &Rule, id: &str) -> Option<Embed> {
    // Spotify's `kind/ID`: the kind was matched, the id is checked.
    let checked = id.rsplit('/').next().unwrap_or(id);
    let (min, max) = rule.len;
    let valid = if rule.extra == DIGITS {
        (min..=max).contains(&checked.len()) && checked.bytes().all(|b| b.is_ascii_digit())
    } else {
        is_token(checked, min, max, rule.extra)
    };
    valid.then(|| Embed {
        provider: rule.provider,
        player: rule.player.replacen("{}", id, 1),
        page: rule.page.replacen("{}", id, 1),
        title: None,
        width: None,
        height: None,
    })
}

/// SoundCloud's widget names the track by its API or page address in `url`.
fn soundcloud(host: &str, url: &str, query: &str) -> Option<Embed> {
    let track = if host == "w.soundcloud.com" {
        param(query, "url")?
    } else {
        url
    };
    let decoded = crate::url::percent_decode(track);
    let (track_host, track_path, _) = split_url(&decoded)?;
    let known_host = matches!(track_host.as_str(), "soundcloud.com" | "api.soundcloud.com");
    if !known_host || track_path.len() < 2 || !is_token(&track_path.replace('/', ""), 1, 200, "_-")
    {
        return None;
    }
    let track = format!("https://{track_host}{track_path}");
    let widget = format!(
        "https://w.soundcloud.com/player/?url={}",
        track.replace(':', "%3A").replace('/', "%2F")
    );
    Some(Embed {
        provider: &SOUNDCLOUD,
        player: format!("{widget}&auto_play=true"),
        page: if track_host == "soundcloud.com" {
            track
        } else {
            widget
        },
        title: None,
        width: None,
        height: None,
    })
}

/// True when `s` is `min..=max` ASCII letters, digits or `extra` characters.
fn is_token(s: &str, min: usize, max: usize, extra: &str) -> bool {
    (min..=max).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || extra.as_bytes().contains(&b))
}

/// Host (lower-cased, without credentials or port), path and query of an `http(s)` or
/// scheme-relative address.
fn split_url(url: &str) -> Option<(String, &str, &str)> {
    let url = url.trim();
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &url[8..]
    } else if lower.starts_with("http://") {
        &url[7..]
    } else {
        url.strip_prefix("//")?
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, rest) = rest.split_at(end);
    let host = authority.rsplit('@').next().unwrap_or(authority);
    let host = host.split(':').next().unwrap_or(host).to_ascii_lowercase();
    let rest = rest.split('#').next().unwrap_or(rest);
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    (!host.is_empty()).then_some((host, path, query))
}

/// The value of a query parameter, as written (`&amp;` read as `&`).
fn param<'a>(query: &'a str, name: &str) -> Option<&'a str> {
    query
        .split('&')
        .map(|p| p.strip_prefix("amp;").unwrap_or(p))
        .find_map(|p| p.strip_prefix(name)?.strip_prefix('='))
        .filter(|v| !v.is_empty())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::dom::parse::parse_str;

    /// The embed of the first element named `tag` in `html`.
    fn embed(html: &str, tag: &str) -> Option<Embed> {
        let dom = parse_str(html).unwrap();
        let id = dom.descendants(NodeId::ROOT).find(|&n| dom.is(n, tag))?;
        of_element(&dom, id, Some("news.example"))
    }

    fn player_page(html: &str, tag: &str) -> Option<(String, String)> {
        embed(html, tag).map(|e| (e.player, e.page))
    }

    #[test]
    fn providers_become_player_and_page() {
        let cases = [
            (
                r#"<iframe src="https://www.youtube.com/embed/Q0CbN8sfihY?rel=0&amp;start=17"></iframe>"#,
                "iframe",
                "https://www.youtube-nocookie.com/embed/Q0CbN8sfihY?autoplay=1&start=17",
                "https://www.youtube.com/watch?v=Q0CbN8sfihY&t=17s",
            ),
            (
                r#"<iframe data-src="//www.youtube-nocookie.com/embed/E39ychZKnDI"></iframe>"#,
                "iframe",
                "https://www.youtube-nocookie.com/embed/E39ychZKnDI?autoplay=1",
                "https://www.youtube.com/watch?v=E39ychZKnDI",
            ),
            (
                r#"<lite-youtube videoid="dQw4w9WgXcQ" playlabel="Play: Harbour wall"></lite-youtube>"#,
                "lite-youtube",
                "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1",
                "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            ),
            (
                r#"<iframe src="https://player.vimeo.com/video/76979871?h=8272103f6e"></iframe>"#,
                "iframe",
                "https://player.vimeo.com/video/76979871?autoplay=1&h=8272103f6e",
                "https://vimeo.com/76979871/8272103f6e",
            ),
            (
                r#"<iframe src="//www.dailymotion.com/embed/video/x2p552m?syndication=131181"></iframe>"#,
                "iframe",
                "https://www.dailymotion.com/embed/video/x2p552m?autoplay=1",
                "https://www.dailymotion.com/video/x2p552m",
            ),
            (
                r#"<iframe src="https://open.spotify.com/embed/episode/7makk4oTQel546B0PZlDM5?utm_source=generator"></iframe>"#,
                "iframe",
                "https://open.spotify.com/embed/episode/7makk4oTQel546B0PZlDM5",
                "https://open.spotify.com/episode/7makk4oTQel546B0PZlDM5",
            ),
            (
                r#"<iframe src="https://w.soundcloud.com/player/?url=https%3A//api.soundcloud.com/tracks/293&amp;color=%23ff5500"></iframe>"#,
                "iframe",
                "https://w.soundcloud.com/player/?url=https%3A%2F%2Fapi.soundcloud.com%2Ftracks%2F293&auto_play=true",
                "https://w.soundcloud.com/player/?url=https%3A%2F%2Fapi.soundcloud.com%2Ftracks%2F293",
            ),
            (
                r#"<iframe src="https://embed.ted.com/talks/lang/en/ken_robinson_says_schools_kill_creativity"></iframe>"#,
                "iframe",
                "https://embed.ted.com/talks/ken_robinson_says_schools_kill_creativity",
                "https://www.ted.com/talks/ken_robinson_says_schools_kill_creativity",
            ),
            (
                r#"<iframe src="https://embed.ted.com/talks/ken_robinson_says_schools_kill_creativity"></iframe>"#,
                "iframe",
                "https://embed.ted.com/talks/ken_robinson_says_schools_kill_creativity",
                "https://www.ted.com/talks/ken_robinson_says_schools_kill_creativity",
            ),
            (
                r#"<iframe src="https://player.twitch.tv/?video=v1234567&parent=www.example.com"></iframe>"#,
                "iframe",
                "https://player.twitch.tv/?video=v1234567&autoplay=true&parent=news.example",
                "https://www.twitch.tv/videos/1234567",
            ),
            (
                r#"<iframe src="https://streamable.com/e/moo?loop=0"></iframe>"#,
                "iframe",
                "https://streamable.com/e/moo?autoplay=1",
                "https://streamable.com/moo",
            ),
            (
                r#"<object><param name="movie" value="http://www.youtube.com/v/Q0CbN8sfihY"><embed src="x.swf"></object>"#,
                "object",
                "https://www.youtube-nocookie.com/embed/Q0CbN8sfihY?autoplay=1",
                "https://www.youtube.com/watch?v=Q0CbN8sfihY",
            ),
            (
                r#"<oembed url="https://youtu.be/Q0CbN8sfihY?t=42"></oembed>"#,
                "oembed",
                "https://www.youtube-nocookie.com/embed/Q0CbN8sfihY?autoplay=1&start=42",
                "https://www.youtube.com/watch?v=Q0CbN8sfihY&t=42s",
            ),
        ];
        for (html, tag, player, page) in cases {
            let got = player_page(html, tag);
            if player.is_empty() {
                assert_eq!(got, None, "{html}");
            } else {
                assert_eq!(got, Some((player.to_owned(), page.to_owned())), "{html}");
            }
        }
    }

    #[test]
    fn look_alikes_and_bad_ids_are_not_players() {
        for html in [
            // Spoofed hosts.
            r#"<iframe src="https://youtube.com.evil.example/embed/Q0CbN8sfihY"></iframe>"#,
            r#"<iframe src="https://evilyoutube.com/embed/Q0CbN8sfihY"></iframe>"#,
            r#"<iframe src="https://www.youtube.com@evil.example/embed/Q0CbN8sfihY"></iframe>"#,
            r#"<iframe src="https://evil.example/?u=https://www.youtube.com/embed/Q0CbN8sfihY"></iframe>"#,
            // Scripts and other schemes.
            r#"<iframe src="javascript:alert(1)//www.youtube.com/embed/Q0CbN8sfihY"></iframe>"#,
            r#"<iframe src="data:text/html,<script>alert(1)</script>//youtube.com/embed/x"></iframe>"#,
            // Ids outside the provider's alphabet.
            r#"<iframe src="https://www.youtube.com/embed/Q0CbN8sfi&quot;Y"></iframe>"#,
            r#"<lite-youtube videoid="x&quot; onclick=&quot;alert(1)"></lite-youtube>"#,
            r#"<iframe src="https://player.vimeo.com/video/12ab"></iframe>"#,
            r#"<iframe src="https://w.soundcloud.com/player/?url=https%3A//evil.example/tracks/1"></iframe>"#,
            r#"<iframe src="https://player.twitch.tv/?channel=a%22b"></iframe>"#,
            // Not players: a channel page, an ad frame.
            r#"<iframe src="https://www.youtube.com/user/somechannel"></iframe>"#,
            r#"<iframe src="https://ads.example/frame?v=Q0CbN8sfihY"></iframe>"#,
        ] {
            let tag = if html.starts_with("<lite") {
                "lite-youtube"
            } else {
                "iframe"
            };
            assert_eq!(embed(html, tag), None, "{html}");
        }
    }

    #[test]
    fn titles_name_the_media_not_the_player() {
        let title = |html: &str| embed(html, "iframe").and_then(|e| e.title);
        assert_eq!(
            title(r#"<iframe title="The sea wall, from the air" src="https://www.youtube.com/embed/Q0CbN8sfihY"></iframe>"#).as_deref(),
            Some("The sea wall, from the air")
        );
        for generic in [
            "YouTube video player",
            "YouTube",
            "vimeo-player",
            "Embedded video",
            "",
        ] {
            let html = format!(
                r#"<iframe title="{generic}" src="https://www.youtube.com/embed/Q0CbN8sfihY"></iframe>"#
            );
            assert_eq!(title(&html), None, "{generic}");
        }
        let e = embed(
            r#"<iframe width="560" height="315" src="https://www.youtube.com/embed/Q0CbN8sfihY"></iframe>"#,
            "iframe",
        )
        .unwrap();
        assert_eq!((e.width, e.height), (Some(560), Some(315)));
        assert_eq!((e.provider.name, e.provider.kind), ("YouTube", "video"));
    }
}

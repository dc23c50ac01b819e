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
/// Elements that stand for a player by a media id alone (`<lite-youtube videoid=…>`).
const ID_ELEMENTS: &[(&str, &str, Provider)] = &[
    ("lite-youtube", "videoid", Provider::YouTube),
    ("amp-youtube", "data-videoid", Provider::YouTube),
    ("lite-vimeo", "videoid", Provider::Vimeo),
    ("amp-vimeo", "data-videoid", Provider::Vimeo),
    ("amp-dailymotion", "data-videoid", Provider::Dailymotion),
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
    "loom",
    "bilibili",
];
/// A title longer than this is a page's text in an attribute, not a title.
const MAX_TITLE_CHARS: usize = 200;

/// A provider of embedded players.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Provider {
    YouTube,
    Vimeo,
    Dailymotion,
    Spotify,
    SoundCloud,
    Ted,
    Twitch,
    Streamable,
    Loom,
    InternetArchive,
    Bilibili,
}

impl Provider {
    /// The provider's name as people know it; the card shows it, and `data-provider` holds it.
    pub fn name(self) -> &'static str {
        match self {
            Provider::YouTube => "YouTube",
            Provider::Vimeo => "Vimeo",
            Provider::Dailymotion => "Dailymotion",
            Provider::Spotify => "Spotify",
            Provider::SoundCloud => "SoundCloud",
            Provider::Ted => "TED",
            Provider::Twitch => "Twitch",
            Provider::Streamable => "Streamable",
            Provider::Loom => "Loom",
            Provider::InternetArchive => "Internet Archive",
            Provider::Bilibili => "Bilibili",
        }
    }

    pub fn kind(self) -> Kind {
        match self {
            Provider::Spotify | Provider::SoundCloud => Kind::Audio,
            _ => Kind::Video,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Video,
    Audio,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Video => "video",
            Kind::Audio => "audio",
        }
    }
}

/// A recognised embed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Embed {
    pub provider: Provider,
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
    // The host goes into a player's address (Twitch's `parent`): a host name's characters only.
    let page_host = page_host.filter(|h| is_token(h, 1, 253, ".-"));
    let (provider, player, page) = element_player(dom, id, el, page_host)?;
    // `<lite-youtube>` labels its button "Play: <title>".
    let play_label = el.attr("playlabel").map(|l| {
        let l = l.trim_start();
        l.get(..5)
            .filter(|p| p.eq_ignore_ascii_case("play:"))
            .map_or(l, |_| &l[5..])
    });
    let title = [el.attr("title"), el.attr("aria-label"), play_label]
        .into_iter()
        .flatten()
        .map(crate::text::normalize_space)
        .find(|t| is_real_title(t));
    let size = |name| {
        el.attr(name)
            .and_then(crate::picture::pixels)
            .filter(|&n| n > 0)
    };
    Some(Embed {
        provider,
        player,
        page,
        title,
        width: size("width"),
        height: size("height"),
    })
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
                .any(|v| player_of_url(v, None).is_some()))
}

/// Elements that embed another document or media by address.
fn is_frame(el: &Element) -> bool {
    matches!(&*el.name, "iframe" | "embed" | "object" | "oembed")
}

/// True when an attribute value is the address of a known provider's player or media page.
pub fn is_player_url(value: &str) -> bool {
    player_of_url(value, None).is_some()
}

fn element_player(
    dom: &Dom,
    id: NodeId,
    el: &Element,
    page_host: Option<&str>,
) -> Option<(Provider, String, String)> {
    if let Some((_, attr, provider)) = ID_ELEMENTS.iter().find(|(name, _, _)| el.is(name)) {
        return by_id(*provider, el.attr(attr)?, "");
    }
    if !is_frame(el) {
        return None;
    }
    let own = SOURCE_ATTRS.iter().filter_map(|a| el.attr(a));
    // `<object>` names its movie in a `<param name="movie" value=…>`.
    let params = dom
        .child_elements(id)
        .filter(|&c| el.is("object") && dom.is(c, "param"))
        .filter_map(|c| dom.attr(c, "value"));
    own.chain(params).find_map(|v| player_of_url(v, page_host))
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

/// The provider, player and page of a player's or media page's address.
fn player_of_url(url: &str, page_host: Option<&str>) -> Option<(Provider, String, String)> {
    let (host, path, query) = split_url(url)?;
    // The host itself or a subdomain: `youtube.com.evil.example` is neither.
    let on = |domain: &str| {
        host.strip_suffix(domain)
            .is_some_and(|sub| sub.is_empty() || sub.ends_with('.'))
    };
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let seg = |i: usize| segments.get(i).copied().unwrap_or("");
    let start = param(query, "start").or_else(|| param(query, "t"));
    let start = start.map(|s| s.trim_end_matches('s')).unwrap_or("");
    if on("youtube.com") || on("youtube-nocookie.com") {
        let id = match seg(0) {
            "embed" | "v" | "shorts" | "live" => seg(1),
            "watch" => param(query, "v")?,
            _ => return None,
        };
        if id == "videoseries" {
            let list = param(query, "list").filter(|l| is_token(l, 10, 64, "_-"))?;
            return Some((
                Provider::YouTube,
                format!(
                    "https://www.youtube-nocookie.com/embed/videoseries?list={list}&autoplay=1"
                ),
                format!("https://www.youtube.com/playlist?list={list}"),
            ));
        }
        return by_id(Provider::YouTube, id, start);
    }
    if on("youtu.be") {
        return by_id(Provider::YouTube, seg(0), start);
    }
    if on("vimeo.com") {
        let id = if seg(0) == "video" { seg(1) } else { seg(0) };
        let hash = param(query, "h").filter(|h| is_token(h, 4, 32, ""));
        let (player, page) = by_id(Provider::Vimeo, id, "").map(|(_, p, q)| (p, q))?;
        return Some(match hash {
            Some(h) => (
                Provider::Vimeo,
                format!("{player}&h={h}"),
                format!("{page}/{h}"),
            ),
            None => (Provider::Vimeo, player, page),
        });
    }
    if on("dailymotion.com") {
        let id = match (seg(0), seg(1)) {
            ("embed", "video") => seg(2),
            ("video", id) => id,
            _ => param(query, "video")?,
        };
        return by_id(Provider::Dailymotion, id, "");
    }
    if on("dai.ly") {
        return by_id(Provider::Dailymotion, seg(0), "");
    }
    if on("spotify.com") {
        // `/embed/track/ID`, `/embed-podcast/episode/ID`, and the pages themselves.
        let rest = if seg(0).starts_with("embed") {
            &segments[1..]
        } else {
            &segments[..]
        };
        let (kind, id) = (rest.first()?, rest.get(1)?);
        let known = ["track", "album", "playlist", "episode", "show", "artist"];
        return (known.contains(kind) && is_token(id, 10, 40, "")).then(|| {
            (
                Provider::Spotify,
                format!("https://open.spotify.com/embed/{kind}/{id}"),
                format!("https://open.spotify.com/{kind}/{id}"),
            )
        });
    }
    if on("soundcloud.com") {
        // The widget names the track by its API or page address in `url`.
        let track = match host.as_str() {
            "w.soundcloud.com" => param(query, "url")?,
            _ => url,
        };
        let decoded = crate::url::percent_decode(track);
        let (track_host, track_path, _) = split_url(&decoded)?;
        let track_host_ok = matches!(track_host.as_str(), "soundcloud.com" | "api.soundcloud.com");
        let path_ok = is_token(&track_path.replace('/', ""), 1, 200, "_-");
        if !track_host_ok || !path_ok || track_path.len() < 2 {
            return None;
        }
        let track = format!("https://{track_host}{track_path}");
        let widget = format!(
            "https://w.soundcloud.com/player/?url={}",
            track.replace(':', "%3A").replace('/', "%2F")
        );
        let page = if track_host == "soundcloud.com" {
            track
        } else {
            widget.clone()
        };
        return Some((
            Provider::SoundCloud,
            format!("{widget}&auto_play=true"),
            page,
        ));
    }
    if on("ted.com") {
        // `/talks/SLUG`, or `/talks/lang/en/SLUG` for a subtitled one.
        let slug = match (seg(0), seg(1)) {
            ("talks", "lang") => seg(3),
            ("talks", slug) => slug,
            _ => return None,
        };
        return is_token(slug, 1, 200, "_").then(|| {
            (
                Provider::Ted,
                format!("https://embed.ted.com/talks/{slug}"),
                format!("https://www.ted.com/talks/{slug}"),
            )
        });
    }
    if on("twitch.tv") {
        let parent = page_host
            .map(|h| format!("&parent={h}"))
            .unwrap_or_default();
        let (player, page) = if let Some(clip) = param(query, "clip")
            .or_else(|| (host == "clips.twitch.tv" && seg(0) != "embed").then(|| seg(0)))
        {
            is_token(clip, 1, 100, "_-").then_some(())?;
            (
                format!("https://clips.twitch.tv/embed?clip={clip}{parent}&autoplay=true"),
                format!("https://clips.twitch.tv/{clip}"),
            )
        } else if let Some(video) = param(query, "video") {
            let video = video.trim_start_matches('v');
            is_token(video, 1, 20, "").then_some(())?;
            (
                format!("https://player.twitch.tv/?video=v{video}{parent}&autoplay=true"),
                format!("https://www.twitch.tv/videos/{video}"),
            )
        } else {
            let channel = param(query, "channel")?;
            is_token(channel, 1, 40, "_").then_some(())?;
            (
                format!("https://player.twitch.tv/?channel={channel}{parent}&autoplay=true"),
                format!("https://www.twitch.tv/{channel}"),
            )
        };
        return Some((Provider::Twitch, player, page));
    }
    if on("streamable.com") {
        let id = if matches!(seg(0), "e" | "o" | "s") {
            seg(1)
        } else {
            seg(0)
        };
        return by_id(Provider::Streamable, id, "");
    }
    if on("loom.com") {
        return matches!(seg(0), "embed" | "share").then(|| by_id(Provider::Loom, seg(1), ""))?;
    }
    if on("archive.org") {
        return matches!(seg(0), "embed" | "details")
            .then(|| by_id(Provider::InternetArchive, seg(1), ""))?;
    }
    if on("bilibili.com") {
        let id = param(query, "bvid").or_else(|| (seg(0) == "video").then(|| seg(1)))?;
        return by_id(Provider::Bilibili, id, "");
    }
    None
}

/// The player and page of a media id, if the id is in the provider's alphabet. `start` is a
/// start time in seconds, or empty.
fn by_id(provider: Provider, id: &str, start: &str) -> Option<(Provider, String, String)> {
    let id = id.trim();
    let start = if is_token(start, 1, 6, "") && start.bytes().all(|b| b.is_ascii_digit()) {
        start
    } else {
        ""
    };
    let (valid, player, page) = match provider {
        Provider::YouTube => (
            id.len() == 11 && is_token(id, 11, 11, "_-"),
            format!(
                "https://www.youtube-nocookie.com/embed/{id}?autoplay=1{}",
                if start.is_empty() {
                    String::new()
                } else {
                    format!("&start={start}")
                }
            ),
            format!(
                "https://www.youtube.com/watch?v={id}{}",
                if start.is_empty() {
                    String::new()
                } else {
                    format!("&t={start}s")
                }
            ),
        ),
        Provider::Vimeo => (
            is_token(id, 1, 12, "") && id.bytes().all(|b| b.is_ascii_digit()),
            format!("https://player.vimeo.com/video/{id}?autoplay=1"),
            format!("https://vimeo.com/{id}"),
        ),
        Provider::Dailymotion => (
            is_token(id, 5, 12, ""),
            format!("https://www.dailymotion.com/embed/video/{id}?autoplay=1"),
            format!("https://www.dailymotion.com/video/{id}"),
        ),
        Provider::Streamable => (
            is_token(id, 3, 12, ""),
            format!("https://streamable.com/e/{id}?autoplay=1"),
            format!("https://streamable.com/{id}"),
        ),
        Provider::Loom => (
            is_token(id, 16, 40, ""),
            format!("https://www.loom.com/embed/{id}?autoplay=1"),
            format!("https://www.loom.com/share/{id}"),
        ),
        Provider::InternetArchive => (
            is_token(id, 1, 100, "_-."),
            format!("https://archive.org/embed/{id}"),
            format!("https://archive.org/details/{id}"),
        ),
        Provider::Bilibili => (
            id.starts_with("BV") && is_token(id, 10, 14, ""),
            format!("https://player.bilibili.com/player.html?bvid={id}&autoplay=1"),
            format!("https://www.bilibili.com/video/{id}"),
        ),
        _ => return None,
    };
    valid.then_some((provider, player, page))
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
                "https://player.twitch.tv/?video=v1234567&parent=news.example&autoplay=true",
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
        assert_eq!(
            (e.provider.name(), e.provider.kind()),
            ("YouTube", Kind::Video)
        );
    }
}

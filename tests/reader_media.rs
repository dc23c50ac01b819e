//! Pictures and players in the reader view, on pages written like the web writes them (hashed
//! class names, lazy loaders, several languages), and the near misses that must stay as they are.

#[path = "common/safety.rs"]
mod safety;

use tidyread::{Article, Options};

const URL: &str = "https://www.harbour-post.example/news/2024/05/sea-wall.html";

/// Paragraphs enough for an article, in the page's language.
fn prose(lang: &str) -> String {
    let p = match lang {
        "de" => "Der Gemeinderat von Eastwick hat am Dienstag beschlossen, die viktorianische Hafenmauer neu zu bauen, nachdem sie in den Winterstürmen dreimal gebrochen war, und die Fischer sind erleichtert.",
        "ja" => "イーストウィックの町議会は火曜日、冬の嵐で三度決壊したビクトリア朝時代の防波堤を再建することを決定し、漁師たちは安堵している。工事は二年かかる見込みで、その間、漁船は内港に係留される。",
        _ => "The harbour town of Eastwick voted on Tuesday to rebuild its Victorian sea wall, ending a decade of argument over who should pay for it, how high it should stand, and whether the old granite could be saved.",
    };
    (1..=4)
        .map(|i| format!("<p class=\"x7Gq2\">{p} ({i})</p>\n"))
        .collect()
}

/// A news page around `body`, with `head` in its `<head>`.
fn page(lang: &str, head: &str, body: &str) -> String {
    format!(
        r#"<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">
<title>Eastwick rebuilds its sea wall | The Harbour Post</title>
<meta property="og:site_name" content="The Harbour Post">
{head}
</head><body>
<header class="k2Jd9"><a class="Lq0e" href="/"><img src="/static/logo.svg" alt="The Harbour Post"></a></header>
<main><article class="a8Fk1">
<h1 class="hT3s">Eastwick rebuilds its sea wall</h1>
<div class="b0dY">
{intro}
{body}
{outro}
</div></article></main>
<aside class="r5Ms"><h3>Most read</h3><ul><li><a href="/a">Ferry fares rise</a></li><li><a href="/b">Lifeboat crew honoured</a></li></ul></aside>
</body></html>"#,
        intro = prose(lang),
        outro = prose(lang),
    )
}

fn extract(html: &str) -> Article {
    let dom = tidyread::parse_html(html.as_bytes()).unwrap();
    let options = Options {
        url: Some(URL.to_owned()),
        ..Options::default()
    };
    let article = tidyread::extract(&dom, &options).expect("an article");
    safety::check_reader_html(&article.content)
        .unwrap_or_else(|e| panic!("{e}\n{}", article.content));
    article
}

fn images(html: &str) -> Vec<String> {
    html.split("<img")
        .skip(1)
        .map(|s| s[..s.find('>').unwrap_or(s.len())].to_owned())
        .collect()
}

#[test]
fn the_lead_picture_is_shown_once() {
    // The page's share image is a larger crop of the photo that opens the article.
    let article = extract(&page(
        "en",
        r#"<meta property="og:image" content="https://cdn.harbour-post.example/2024/05/sea-wall-storm-1200x630.jpg">"#,
        r#"<figure class="f9Qa"><img src="https://cdn.harbour-post.example/2024/05/sea-wall-storm-800x450.jpg"
            srcset="https://cdn.harbour-post.example/2024/05/sea-wall-storm-400x225.jpg 400w, https://cdn.harbour-post.example/2024/05/sea-wall-storm-800x450.jpg 800w"
            width="800" height="450" alt="Waves over the wall"><figcaption>Waves over the wall in January.</figcaption></figure>"#,
    ));
    assert_eq!(article.lead_image, None, "the body already shows it");
    assert_eq!(images(&article.content).len(), 1);

    // A share image that is not in the body leads the article, with its declared size.
    let article = extract(&page(
        "en",
        r#"<meta property="og:image" content="https://cdn.harbour-post.example/2024/05/quay-at-dawn.jpg">
           <meta property="og:image:width" content="1200"><meta property="og:image:height" content="630">"#,
        "",
    ));
    assert_eq!(
        article.lead_image.as_deref(),
        Some("https://cdn.harbour-post.example/2024/05/quay-at-dawn.jpg")
    );
    assert_eq!(
        (article.lead_image_width, article.lead_image_height),
        (Some(1200), Some(630))
    );
}

#[test]
fn a_site_logo_or_icon_does_not_lead() {
    for head in [
        r#"<meta property="og:image" content="https://www.harbour-post.example/static/brand/harbour-post-logo.png">"#,
        r#"<meta property="og:image" content="https://www.harbour-post.example/img/social/default-share.png">"#,
        // A square share image of icon size.
        r#"<meta property="og:image" content="https://www.harbour-post.example/img/ogp_600x600.png">
           <meta property="og:image:width" content="600"><meta property="og:image:height" content="600">"#,
    ] {
        assert_eq!(extract(&page("en", head, "")).lead_image, None, "{head}");
    }
}

#[test]
fn lazy_pictures_get_their_real_source() {
    let article = extract(&page(
        "de",
        "",
        r#"<figure class="q1Wm"><img class="lazyload" src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"
              data-src="https://cdn.harbour-post.example/bilder/mauer-1.jpg" width="1200" height="800" alt="Die Mauer">
              <figcaption>Die Mauer bei Flut.</figcaption></figure>
           <figure class="q1Wm"><img src="https://www.harbour-post.example/assets/lazy-placeholder.png"
              data-lazy-src="https://cdn.harbour-post.example/bilder/mauer-2.jpg" alt="Der Kai"><figcaption>Der Kai.</figcaption></figure>
           <figure class="q1Wm"><picture><source type="image/webp" data-srcset="https://cdn.harbour-post.example/bilder/hafen-640.webp 640w, https://cdn.harbour-post.example/bilder/hafen-1280.webp 1280w">
              <img alt="Der Hafen"></picture><figcaption>Der Hafen am Morgen.</figcaption></figure>"#,
    ));
    let html = &article.content;
    assert!(
        html.contains(r#"src="https://cdn.harbour-post.example/bilder/mauer-1.jpg""#),
        "{html}"
    );
    assert!(html.contains(r#"width="1200" height="800""#), "{html}");
    assert!(
        html.contains(r#"src="https://cdn.harbour-post.example/bilder/mauer-2.jpg""#),
        "{html}"
    );
    // A <picture> becomes one image: its largest source as the address, every source offered.
    assert!(
        html.contains(r#"src="https://cdn.harbour-post.example/bilder/hafen-1280.webp""#),
        "{html}"
    );
    assert!(html.contains("hafen-640.webp 640w"), "{html}");
    assert!(
        !html.contains("data:image/gif") && !html.contains("lazy-placeholder"),
        "{html}"
    );
    assert_eq!(images(html).len(), 3, "{html}");
}

#[test]
fn a_noscript_copy_and_its_placeholder_are_one_picture() {
    // Medium's pattern: a blurred tiny rendition, an empty image the script fills, and the real
    // one in <noscript>. The figure shows the real one, once.
    let article = extract(&page(
        "ja",
        "",
        r#"<figure class="hm hn"><div class="s t"><div class="u v"><img src="https://miro.example/max/60/1*Qm9vNzYfAb.png?q=20" width="1894" height="970" role="presentation"></div>
           <img class="w x" width="1894" height="970" role="presentation"><noscript><img class="s t" src="https://miro.example/max/3788/1*Qm9vNzYfAb.png" width="1894" height="970" role="presentation"></noscript></div>
           <figcaption class="bc ek">メモリリークの様子</figcaption></figure>"#,
    ));
    let shown = images(&article.content);
    assert_eq!(shown.len(), 1, "{}", article.content);
    assert!(
        shown[0].contains("max/3788/"),
        "the full rendition: {}",
        shown[0]
    );
    assert!(article.content.contains("メモリリークの様子"));
}

#[test]
fn a_figure_keeps_its_picture_when_its_wrapper_is_cleaned_away() {
    // Wrappers around the picture look like empty layout blocks to cleaning; the figure, there
    // for its picture, gets it back.
    let article = extract(&page(
        "en",
        "",
        r#"<figure class="z1"><div class="a1"><div class="b1"><div class="c1"><div class="d1">
           <img src="https://cdn.harbour-post.example/2024/05/chart-tides.png" alt="Tide heights" width="960" height="540">
           <img src="https://cdn.harbour-post.example/2024/05/chart-tides-legend.png" alt="Legend" width="960" height="80">
           </div></div></div></div><figcaption>Tide heights since 1900.</figcaption></figure>"#,
    ));
    let html = &article.content;
    assert!(
        html.contains("chart-tides.png") && html.contains("chart-tides-legend.png"),
        "{html}"
    );
    assert!(html.contains("Tide heights since 1900."), "{html}");
}

#[test]
fn spacers_go_and_the_figures_they_leave_empty_with_them() {
    let article = extract(&page(
        "en",
        "",
        r#"<figure class="p0"><span><img src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7" alt=""></span></figure>
           <p class="x7Gq2">The wall will be <img src="https://www.harbour-post.example/img/spacer.gif" width="1" height="1">four metres high, a metre higher than the old one, and faced with the granite of the old wall where it can be saved.</p>"#,
    ));
    let html = &article.content;
    assert!(!html.contains("<img"), "{html}");
    assert!(!html.contains("<figure"), "{html}");
    assert!(article.text.contains("four metres high"));
}

#[test]
fn a_table_of_icons_keeps_every_icon() {
    // One picture in many cells is a table's content, not a picture shown twice.
    let row = r#"<td><img src="https://cdn.harbour-post.example/icons/done.png" width="20" height="20" alt="done"></td>"#;
    let article = extract(&page(
        "en",
        "",
        &format!(
            "<table><tr><th>Phase</th><th>Design</th><th>Build</th></tr>\
             <tr><td>North wall</td>{row}{row}</tr><tr><td>South wall</td>{row}{row}</tr></table>"
        ),
    ));
    assert_eq!(images(&article.content).len(), 4, "{}", article.content);
}

#[test]
fn players_become_cards_that_load_nothing() {
    let article = extract(&page(
        "en",
        "",
        r#"<figure class="v3"><div class="v4"><iframe width="560" height="315" src="https://www.youtube.com/embed/dQw4w9WgXcQ?rel=0&amp;start=42"
             title="The sea wall from the air" frameborder="0" allowfullscreen></iframe></div><figcaption>Drone footage of the storm.</figcaption></figure>
           <div class="v5"><lite-youtube videoid="M7lc1UVf-VE" playlabel="Play: The harbour master"></lite-youtube></div>
           <p class="x7Gq2"><iframe src="https://player.vimeo.com/video/76979871?h=8272103f6e" width="640" height="360"></iframe></p>
           <iframe src="https://open.spotify.com/embed/episode/7makk4oTQel546B0PZlDM5" width="100%" height="152"></iframe>
           <iframe src="https://youtube.com.evil.example/embed/dQw4w9WgXcQ" width="560" height="315"></iframe>"#,
    ));
    let html = &article.content;
    assert!(
        html.contains(
            r#"<a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ&amp;t=42s" data-embed="video" data-provider="YouTube" data-player="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&amp;start=42" data-width="560" data-height="315">The sea wall from the air</a>"#
        ),
        "{html}"
    );
    assert!(html.contains("Drone footage of the storm."), "{html}");
    assert!(
        html.contains(r#"data-player="https://www.youtube-nocookie.com/embed/M7lc1UVf-VE?autoplay=1">The harbour master</a>"#),
        "{html}"
    );
    assert!(
        html.contains(r#"data-provider="Vimeo""#) && html.contains(">Vimeo</a>"),
        "{html}"
    );
    assert!(
        html.contains(r#"data-embed="audio" data-provider="Spotify""#),
        "{html}"
    );
    assert_eq!(html.matches("data-player=").count(), 4, "{html}");
    assert!(!html.contains("evil.example"), "{html}");
    // Nothing loads until asked: no frame, no script, no thumbnail.
    assert!(
        !html.contains("<iframe") && !html.contains("<img"),
        "{html}"
    );
}

#[test]
fn posts_embedded_from_social_sites_keep_their_text_and_link() {
    let article = extract(&page(
        "en",
        "",
        r#"<blockquote class="twitter-tweet"><p lang="en" dir="ltr">The new wall will stand a metre higher than the old one. Work starts in June.</p>&mdash; Eastwick Council (@EastwickCouncil)
           <a href="https://twitter.com/EastwickCouncil/status/1790000000000000000">May 14, 2024</a></blockquote>
           <script async src="https://platform.twitter.com/widgets.js"></script>"#,
    ));
    let html = &article.content;
    assert!(html.contains("Work starts in June."), "{html}");
    assert!(
        html.contains(r#"href="https://twitter.com/EastwickCouncil/status/1790000000000000000""#),
        "{html}"
    );
}

/// The article's blocks sit side by side in its element: an opening paragraph in a wrapper
/// (written over several lines, as templates write it), then a section of short captions and
/// players, then a block of text. The wrapper is no block of its own: its paragraph is the article's,
/// so the article's element is chosen and the section with its players stays whole.
#[test]
fn a_section_of_players_between_wrapped_paragraphs_stays_in_the_article() {
    for (lang, heading, caption, more) in [
        ("en", "Videos", "From the harbour wall", "From the lifeboat"),
        ("de", "Videos", "Von der Hafenmauer", "Vom Rettungsboot"),
    ] {
        let paragraphs = prose(lang);
        let first = paragraphs.lines().next().unwrap_or_default();
        // The closing paragraph as a block of text alone (a div holding no other block).
        let last = first.replace("<p class=\"x7Gq2\">", "").replace("</p>", "");
        let html = format!(
            r#"<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>Eastwick</title></head>
<body><article class="q3Xv">
  <h1>Eastwick</h1>
  <div class="w9Tz">
    {first}
  </div>
  <h2>{heading}</h2>
  <p>{caption}</p>
  <iframe width="560" height="315" src="https://www.youtube.com/embed/LtOGa5M8AuU"
          frameborder="0" allowfullscreen=""></iframe>
  <p>{more}</p>
  <div><iframe src="https://player.vimeo.com/video/32246206" width="500" height="281"></iframe></div>
  <div class="w9Tz">
    {last}
  </div>
</article></body></html>"#
        );
        let article = extract(&html);
        let html = &article.content;
        for text in [heading, caption, more] {
            assert!(
                html.contains(text),
                "{lang}: {text} is missing from\n{html}"
            );
        }
        assert_eq!(html.matches("data-player=").count(), 2, "{lang}: {html}");
    }
}

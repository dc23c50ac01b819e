//! Automatic reader mode on pages of blurbs: a list of short paragraphs, each alone in a block of
//! its own beside a link to another page (news without pictures, a course catalogue, press
//! mentions, a list of episodes). They are no articles, however much prose they show; a listicle,
//! an article with related links or comments, and documentation stay articles. Each page is read
//! through both doors: html5ever, and the snapshot the extension sends.

use tidyread::dom::{snapshot, Dom};
use tidyread::extract::page_kind::{self, Reason};

const URL: &str = "https://example.org/section/page";

/// The page as each door builds it.
fn doors(html: &str) -> [Dom; 2] {
    let native = tidyread::parse_html(html.as_bytes()).expect("parses");
    let snap = snapshot::encode(&native);
    let via_snapshot = snapshot::decode(&snap.words, &snap.strings).expect("decodes");
    [native, via_snapshot]
}

fn assert_blurbs(name: &str, html: &str) {
    for (door, dom) in ["html5ever", "snapshot"].iter().zip(doors(html)) {
        let verdict = tidyread::readerable::check(&dom, Some(URL));
        assert!(!verdict.readerable, "{name} ({door}) opens: {verdict:?}");
        let page = page_kind::read_page(&dom, Some(URL));
        assert_eq!(page.reason, Some(Reason::Blurbs), "{name} ({door})");
    }
}

fn assert_article(name: &str, html: &str) {
    for (door, dom) in ["html5ever", "snapshot"].iter().zip(doors(html)) {
        let verdict = tidyread::readerable::check(&dom, Some(URL));
        assert!(
            verdict.readerable,
            "{name} ({door}) stays shut: {verdict:?} {:?}",
            page_kind::read_page(&dom, Some(URL))
        );
    }
}

fn page(lang: &str, title: &str, main: &str) -> String {
    format!(
        "<!doctype html><html lang=\"{lang}\"><head><title>{title}</title></head><body>\
         <header class=\"Hd_4r\"><nav><a href=\"/\">Home</a> <a href=\"/a\">A</a> <a href=\"/b\">B</a></nav></header>\
         <main class=\"Mn_0x\">{main}</main><footer class=\"Ft_2q\"><a href=\"/impressum\">Impressum</a></footer>\
         </body></html>"
    )
}

/// A short paragraph of about 200 characters, different for each `i`.
fn blurb(lang: &str, i: usize) -> String {
    match lang {
        "de" => format!(
            "Der Stadtrat hat in seiner {i}. Sitzung des Jahres über den Ausbau der Radwege, die \
             neuen Öffnungszeiten der Bibliothek und die Sanierung der Grundschule am Markt beraten."
        ),
        "fr" => format!(
            "Une formation de {i} jours pour apprendre à conduire un projet, à animer une équipe et \
             à présenter des résultats clairs, avec des études de cas tirées d'entreprises réelles."
        ),
        "es" => format!(
            "El diario regional dedica su reportaje número {i} al programa de lectura, que ya llega \
             a cientos de niños de la provincia gracias a voluntarios que leen con ellos cada semana."
        ),
        "ja" => format!(
            "第{i}回では、港町で三代続く魚屋の店主に話を聞きました。朝の競りから店先に並ぶまでの流れと、\
             季節ごとに変わる魚の選び方、そして町の人々との長い付き合いについて語ってもらいました。"
        ),
        _ => format!(
            "Pick number {i} earns its place with a sturdy build, a battery that lasts a full week \
             of commuting and a price that undercuts rivals, though its companion app feels clunky."
        ),
    }
}

/// A paragraph of an article's own prose, about 400 characters.
fn prose(i: usize) -> String {
    format!(
        "<p>Paragraph {i} of the story goes on about the harbour and the ferry, the council's \
         long debate over the timetable, the fishermen who came to speak and the families who \
         depend on the morning crossing to reach the schools and the market on the mainland, and \
         what the new plan would change for each of them over the coming winter, when storms \
         already cancel one crossing in three and the old boat is due for repairs.</p>"
    )
}

#[test]
fn a_news_list_whose_titles_are_not_headings_is_blurbs() {
    // German, hashed classes: a link as the title, a date, a teaser; no picture, no heading.
    let items: String = (1..=8)
        .map(|i| {
            format!(
                "<div class=\"it_{i}Zk\"><a class=\"t_Q8\" href=\"/politik/2026/03/{i}/sitzung\">Sitzung Nummer {i}</a>\
                 <span class=\"d_x1\">{i}. März 2026</span><p class=\"tx_77\">{}</p></div>",
                blurb("de", i)
            )
        })
        .collect();
    assert_blurbs(
        "news list",
        &page(
            "de",
            "Nachrichten",
            &format!("<h1>Alle Meldungen</h1><div class=\"ls_0p\">{items}</div>"),
        ),
    );
}

#[test]
fn a_course_catalogue_whose_entries_are_links_is_blurbs() {
    // French, no class names: each entry is one link around its title and its description.
    let items: String = (1..=6)
        .map(|i| {
            format!(
                "<div><a href=\"/formations/gestion-{i}\"><div><span>Gestion de projet, niveau {i}</span>\
                 <p>{}</p></div></a></div>",
                blurb("fr", i)
            )
        })
        .collect();
    assert_blurbs(
        "course catalogue",
        &page(
            "fr",
            "Formations",
            &format!("<h1>Nos formations</h1><div>{items}</div>"),
        ),
    );
}

#[test]
fn press_mentions_with_a_read_more_link_are_blurbs() {
    // Spanish: a plain heading, the teaser, and a "read more" to another site, between dividers.
    let items: String = (1..=6)
        .map(|i| {
            format!(
                "<section class=\"ps_{i}\"><div class=\"w_a\"><h4>Reportaje {i}</h4><p>{}</p>\
                 <p><a class=\"btn_r\" href=\"https://diario.example/noticias/{i}\">Leer más</a></p></div></section>\
                 <div class=\"sep_9\"><div></div></div>",
                blurb("es", i)
            )
        })
        .collect();
    assert_blurbs(
        "press mentions",
        &page(
            "es",
            "En la prensa",
            &format!("<h1>En la prensa</h1>{items}"),
        ),
    );
}

#[test]
fn a_list_of_episodes_in_japanese_is_blurbs() {
    let items: String = (1..=7)
        .map(|i| {
            format!(
                "<div class=\"ep_{i}f\"><a href=\"/episodes/{i}\">第{i}回</a><p>{}</p></div>",
                blurb("ja", i)
            )
        })
        .collect();
    assert_blurbs(
        "episodes",
        &page(
            "ja",
            "エピソード",
            &format!("<h1>エピソード一覧</h1><div>{items}</div>"),
        ),
    );
}

/// Items of a listicle: a heading that links to the shop, and why it was picked.
fn picks(n: usize) -> String {
    (1..=n)
        .map(|i| {
            format!(
                "<div class=\"pk_{i}Vb\"><h3><a href=\"https://shop.example/item/{i}\">Pick {i}</a></h3><p>{}</p></div>",
                blurb("en", i)
            )
        })
        .collect()
}

#[test]
fn a_listicle_with_its_own_paragraphs_between_the_picks_is_an_article() {
    // "10 best": the writer's introduction and verdict sit in the same block as the picks.
    let html = page(
        "en",
        "The 10 best e-bikes",
        &format!(
            "<article class=\"a_3k\"><h1>The 10 best e-bikes for commuting</h1><div class=\"b_k2\">{}{}{}{}</div></article>",
            prose(1),
            prose(2),
            picks(10),
            prose(3)
        ),
    );
    assert_article("listicle", &html);
}

#[test]
fn a_listicle_with_a_byline_and_a_date_is_an_article() {
    // The picks in a block of their own: the article's marks outweigh their shape.
    let html = format!(
        "<html><head><title>Best e-bikes</title>\
         <meta property=\"article:published_time\" content=\"2026-03-01T08:00:00Z\">\
         <meta name=\"author\" content=\"Ann Lee\"></head><body><article><h1>The best e-bikes</h1>\
         <p class=\"by\">By Ann Lee</p><div class=\"picks_Zq\">{}</div></article></body></html>",
        picks(10)
    );
    assert_article("dated listicle", &html);
}

#[test]
fn an_article_with_a_long_list_of_related_links_is_an_article() {
    let related: String = (1..=8)
        .map(|i| {
            format!(
                "<div class=\"r_{i}\"><h3><a href=\"/story/{i}\">Related story {i}</a></h3><p>{}</p></div>",
                blurb("en", i)
            )
        })
        .collect();
    let story: String = (1..=5).map(prose).collect();
    let html = page(
        "en",
        "Ferry",
        &format!(
            "<article><h1>The ferry timetable</h1><div class=\"body_x\">{story}</div></article>\
             <section class=\"more_y\"><h2>Read next</h2><div>{related}</div></section>"
        ),
    );
    assert_article("related links", &html);
}

#[test]
fn a_post_with_comments_is_an_article() {
    let comments: String = (1..=6)
        .map(|i| {
            format!(
                "<div class=\"cm_{i}\"><a href=\"/users/{i}\">reader{i}</a><p>{}</p></div>",
                blurb("en", i)
            )
        })
        .collect();
    let story: String = (1..=4).map(prose).collect();
    let html = page(
        "en",
        "Post",
        &format!(
            "<article><h1>A post</h1>{story}</article><div class=\"comments\">{comments}</div>"
        ),
    );
    assert_article("comments", &html);
}

#[test]
fn documentation_with_a_table_of_contents_and_short_sections_is_an_article() {
    // Each section holds one paragraph and a link to its reference page, under an introduction.
    let toc: String = (1..=12)
        .map(|i| format!("<li><a href=\"/docs/topic-{i}\">Topic {i}</a></li>"))
        .collect();
    let sections: String = (1..=6)
        .map(|i| {
            format!(
                "<section id=\"s{i}\"><h2>Option {i}</h2><p>The option number {i} sets how the \
                 build caches its outputs between runs, which matters on machines with little \
                 disk space or many parallel jobs.</p><p class=\"see\">See <a href=\"/docs/ref/opt-{i}\">the reference</a>.</p></section>"
            )
        })
        .collect();
    let html = page(
        "en",
        "Build options",
        &format!(
            "<div class=\"toc\"><ul>{toc}</ul></div><div class=\"doc\"><h1>Build options</h1>{}{}{sections}</div>",
            prose(1),
            prose(2)
        ),
    );
    assert_article("documentation", &html);
}

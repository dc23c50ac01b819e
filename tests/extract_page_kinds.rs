//! Pages that are not one article: a listing, a forum thread, a product page. The reader shows
//! what a person would call the page's main content, all of it, and no more; an article with a
//! few extras in the same landmark stays the article alone.

#[path = "common/page.rs"]
mod page;

use page::{nav, reader_text};

#[test]
fn a_listing_reads_as_all_its_items() {
    let items: String = (1..=8)
        .map(|i| {
            format!(
                "<div class=\"crd_{i}Qz\"><h3 class=\"t_Xw\"><a href=\"/receta/{i}\">Receta número {i}</a></h3>\
                 <div class=\"d_9p\">Una receta sencilla de temporada, con verduras del mercado, \
                 lista en {i}0 minutos y pensada para cuatro personas.</div></div>"
            )
        })
        .collect();
    let html = format!(
        "<html><head><title>Recetas</title></head><body>{}<main class=\"m_1a\"><h1>Recetas de otoño</h1>\
         <div class=\"g_2b\">{items}</div></main><footer>© Cocina</footer></body></html>",
        nav(&["Inicio", "Recetas", "Contacto"])
    );
    let text = reader_text(&html);
    for i in 1..=8 {
        assert!(
            text.contains(&format!("Receta número {i}")),
            "item {i} is missing: {text}"
        );
    }
    assert!(
        !text.contains("Contacto") && !text.contains("© Cocina"),
        "{text}"
    );
}

#[test]
fn a_thread_reads_as_all_its_posts() {
    // One long answer among many short ones, each post in its own wrappers with its author
    // and date, as thread software nests them: the long answer alone is not the page.
    let long = "<p>Pracowałam w żłobku przez sześć lat i to była najlepsza praca, jaką miałam, \
        choć zarobki są niskie, a grupy coraz większe.</p><p>Szkolenie trwało rok, zajęcia były \
        wieczorami, więc dało się to pogodzić z wychowywaniem własnych dzieci w domu.</p>";
    let replies = [
        "Nigdy bym się nie zdecydowała, za duża odpowiedzialność za cudze dzieci.",
        "Myślę o tym od dawna, ale boję się, że nie dam rady finansowo przez rok szkolenia.",
        "Moja siostra tak zaczynała i teraz prowadzi własną placówkę, więc warto spróbować.",
        "Z trójką własnych dzieci w domu mam już wystarczająco dużo wrażeń na co dzień.",
        "To ciężka praca, ale daje ogromną satysfakcję, kiedy widać postępy maluchów.",
        "Rozważałam to po urlopie macierzyńskim, w końcu wróciłam jednak do biura.",
    ];
    let post = |i: usize, body: &str| {
        format!(
            "<div id=\"01KB{i}XS8\" class=\"sc-ks{i}Z kKPaZQ\"><div class=\"sc-fSn cMUloo\">\
             <div class=\"sc-eTL hjQIOA\"><div>user{i}</div><div>28/11/2025, 19:0{i}</div></div></div>\
             <div class=\"sc-bd{i} q1\">{body}</div></div>"
        )
    };
    let mut posts = post(0, long);
    for (i, r) in replies.iter().enumerate() {
        posts.push_str(&post(i + 1, &format!("<p>{r}</p>")));
    }
    let html = format!(
        "<html><head><title>Praca w żłobku?</title></head><body>{}<main class=\"Root_Pg\">\
         <h1>Czy pracowałybyście w żłobku?</h1><p>13 odpowiedzi</p><div class=\"sc-bgJ\">{posts}</div>\
         </main></body></html>",
        nav(&["Forum", "Szukaj", "Zaloguj"])
    );
    let text = reader_text(&html);
    assert!(text.contains("Szkolenie trwało rok"), "{text}");
    for r in replies {
        assert!(text.contains(r), "a post is missing ({r}): {text}");
    }
}

#[test]
fn an_article_with_extras_in_its_landmark_stays_the_article() {
    let para = "The harbour authority approved the new ferry timetable on Tuesday, after a \
        month of consultation in which residents asked for later sailings in summer and an \
        earlier first boat for commuters. ";
    let body: String = (0..6).map(|_| format!("<p>{para}</p>")).collect();
    let html = format!(
        "<html><head><title>Ferry</title></head><body>{}<main><article class=\"a_1\"><h1>Ferry</h1>{body}\
         </article><div class=\"x_7\"><h2>More from the coast</h2><ul>\
         <li><a href=\"/a\">Lighthouse reopens</a></li><li><a href=\"/b\">Beach clean-up</a></li></ul>\
         </div></main></body></html>",
        nav(&["News", "Sport"])
    );
    let text = reader_text(&html);
    assert!(text.contains("earlier first boat"), "{text}");
    assert!(!text.contains("Lighthouse reopens"), "{text}");
}

#[test]
fn a_product_page_reads_as_its_description_and_its_facts() {
    let facts = [
        ("Material", "Polyester"),
        ("Futter", "Polyester"),
        ("Kragen", "Umlegekragen"),
        ("Verschluss", "Reißverschluss"),
        ("Taschen", "Brusttasche"),
        ("Muster", "Unifarben"),
        ("Passform", "Regular Fit"),
        ("Länge", "Normale Länge"),
        ("Ärmellänge", "Lang"),
        ("Pflege", "Maschinenwäsche 30 °C"),
        ("Artikelnummer", "BEJ22T0PL-Q11"),
        ("Farbe", "Schwarz"),
        ("Gesamtlänge", "66 cm"),
        ("Rückenlänge", "64 cm"),
        ("Modelgröße", "176 cm, trägt S"),
        ("Herkunft", "Türkei"),
    ];
    let rows: String = facts
        .iter()
        .map(|(k, v)| {
            format!(
                "<li class=\"r_{}\"><span>{k}:</span> <span>{v}</span></li>",
                k.len()
            )
        })
        .collect();
    let html = format!(
        "<html><head><title>Steppjacke</title></head><body>{}<main class=\"pdp_3F\"><h1>Steppjacke</h1>\
         <div class=\"pr_x\">49,99 €</div><div class=\"ds_q\"><p>Die Steppjacke aus recyceltem \
         Polyester hält warm, ohne schwer zu sein; der hohe Kragen schützt vor Wind und Regen.</p>\
         <p>Zwei Taschen mit Reißverschluss bieten Platz für Handy und Schlüssel, und die Bündchen \
         halten die Kälte draußen.</p></div><h2>Details</h2><ul class=\"sp_k\">{rows}</ul></main></body></html>",
        nav(&["Damen", "Herren", "Kinder"])
    );
    let text = reader_text(&html);
    assert!(text.contains("hält warm"), "{text}");
    for (k, v) in facts {
        assert!(
            text.contains(&format!("{k}: {v}")),
            "a fact is missing ({k}): {text}"
        );
    }
}

#[test]
fn text_for_screen_readers_only_is_not_shown() {
    let para = "Le conseil municipal a voté mardi soir le nouveau plan de circulation du centre, \
        après trois mois de concertation avec les commerçants et les habitants du quartier. ";
    let body: String = (0..4).map(|_| format!("<p>{para}</p>")).collect();
    let html = format!(
        "<html><head><title>Circulation</title></head><body><a class=\"skip-link screen-reader-text\" \
         href=\"#primary\">Aller au contenu</a><div id=\"primary\"><article>{body}\
         <p><a href=\"/plan.pdf\">Le plan<span class=\"sr-only\"> (ouvre un PDF)</span></a> est en ligne.</p>\
         <p class=\"sr-only-focusable\">Visible quand on y arrive au clavier, comme ici : un texte.</p>\
         </article></div></body></html>"
    );
    let text = reader_text(&html);
    assert!(text.contains("Le plan est en ligne."), "{text}");
    assert!(
        !text.contains("Aller au contenu") && !text.contains("ouvre un PDF"),
        "{text}"
    );
    assert!(
        text.contains("Visible quand on y arrive"),
        "a near miss: {text}"
    );
}

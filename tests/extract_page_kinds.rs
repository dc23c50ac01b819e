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

/// Cards of other products: a picture and a name in a link, a price beside it.
fn product_cards(names: &[&str]) -> String {
    names
        .iter()
        .enumerate()
        .map(|(i, n)| {
            format!(
                "<li class=\"c_{i}Rz\"><a href=\"/p/{i}\"><img src=\"/i/{i}.jpg\" alt=\"\">\
                 <span class=\"n_Tk\">{n}</span></a><span class=\"pr_2\">{i}9,90 €</span></li>"
            )
        })
        .collect()
}

#[test]
fn a_product_page_leaves_out_other_products_and_the_box_around_its_buttons() {
    let html = format!(
        "<html lang=\"fr\"><head><title>Théière en fonte</title><script type=\"application/ld+json\">\
         {{\"@context\":\"https://schema.org\",\"@type\":\"Product\",\"name\":\"Théière en fonte\"}}\
         </script></head><body>{}<div class=\"gl_1\"><img src=\"/t.jpg\" alt=\"\">\
         </div><div class=\"if_5\"><h1>Théière en fonte Tetsubin</h1><p class=\"px_3\">89,00 €</p>\
         <div class=\"bx_7Tq\"><p class=\"st_k2\">En stock, expédiée sous 48 h</p>\
         <label for=\"q\">Quantité</label><input id=\"q\" type=\"number\" value=\"1\">\
         <button class=\"b_9x\">Ajouter au panier</button></div></div><div class=\"tb_0\">\
         <div class=\"ds_1\"><p>Coulée à la main à Morioka, cette théière garde le thé chaud \
         longtemps et se patine avec les années.</p><p>Son filtre en inox se retire pour le \
         nettoyage ; pensez à ajouter au panier le dessous de plat assorti si votre table est \
         fragile.</p></div></div><div class=\"sp_6\"><h2>Caractéristiques</h2><table>{}</table></div>\
         <section class=\"rl_4Z\"><div class=\"hd_0\"><h2>Vous aimerez aussi</h2></div>\
         <ul class=\"gr_2\">{}</ul></section></body></html>",
        nav(&["Thé", "Théières", "Tasses"]),
        [
            ("Contenance", "0,8 l"),
            ("Poids", "1,4 kg"),
            ("Fabrication", "Japon, préfecture d'Iwate"),
            ("Intérieur", "émail noir, sans revêtement chimique"),
            ("Filtre", "inox, amovible"),
            ("Feux compatibles", "gaz, électrique (pas d'induction)"),
            ("Entretien", "rincer à l'eau chaude, sécher sur feu doux"),
        ]
        .map(|(k, v)| format!("<tr><th>{k}</th><td>{v}</td></tr>"))
        .concat(),
        product_cards(&["Tasse en grès", "Boîte à thé", "Plateau en bambou", "Bouilloire"])
    );
    let text = reader_text(&html);
    for kept in [
        "Théière en fonte Tetsubin",
        "se patine avec les années",
        "pensez à ajouter au panier le dessous de plat",
        "Caractéristiques",
        "Contenance 0,8 l",
    ] {
        assert!(text.contains(kept), "{kept} is missing: {text}");
    }
    for left_out in [
        "Vous aimerez aussi",
        "Boîte à thé",
        "En stock",
        "Quantité",
        "Ajouter au panier",
    ] {
        assert!(!text.contains(left_out), "{left_out} is shown: {text}");
    }
}

#[test]
fn a_product_page_keeps_a_heading_over_its_own_content() {
    // The heading over the product's own notes stays; the one over other products goes with
    // their grid.
    let html = format!(
        "<html lang=\"ja\"><head><title>鉄瓶</title><meta property=\"og:type\" content=\"product\">\
         </head><body>{}<div class=\"i_2\"><h1>南部鉄瓶 0.8リットル</h1><p class=\"d_3\">岩手県奥州市で\
         一つずつ手作りされた鉄瓶です。お湯がまろやかになります。</p><button>カートに入れる</button></div>\
         <div class=\"s_4\"><table>{}</table></div><div class=\"h_6\"><div class=\"t_8\"><h2>使い方</h2></div>\
         <p class=\"u_1\">初めて使う前に、水を入れて二、三回沸騰させてください。</p></div>\
         <section class=\"r_9\"><div class=\"t_8\"><h2>この商品を見た人はこんな商品も見ています</h2></div>\
         <ul class=\"g_5\">{}</ul></section></body></html>",
        nav(&["ホーム", "鉄器", "お問い合わせ"]),
        [
            ("容量", "0.8リットル"),
            ("重さ", "1.4キログラム"),
            ("産地", "岩手県奥州市"),
            ("内側", "黒漆焼付け仕上げ"),
            ("対応熱源", "ガス・電気（IH不可）"),
        ]
        .map(|(k, v)| format!("<tr><th>{k}</th><td>{v}</td></tr>"))
        .concat(),
        product_cards(&["急須 小", "鍋敷き 丸", "湯呑み 二客", "茶筒 銅"])
    );
    let text = reader_text(&html);
    assert!(
        text.contains("使い方") && text.contains("沸騰させてください"),
        "{text}"
    );
    assert!(
        !text.contains("この商品を見た人") && !text.contains("鍋敷き"),
        "{text}"
    );
}

#[test]
fn a_listing_leaves_out_its_menus_and_popups() {
    let card = |i: usize| {
        format!(
            "<div class=\"k_{i}Pp\"><a href=\"/z/{i}\"><img src=\"/z/{i}.jpg\" alt=\"\"></a>\
             <h3><a href=\"/z/{i}\">Zapatilla de trail modelo {i}</a></h3><span>8{i},00 €</span>\
             </div>"
        )
    };
    let sections: String = ["Novedades", "Más vendidas", "Para carreras largas"]
        .iter()
        .enumerate()
        .map(|(s, title)| {
            let cards: String = (1..=8).map(|i| card(s * 8 + i)).collect();
            format!("<section class=\"sc_{s}\"><h2>{title}</h2><div class=\"gr_K\">{cards}</div></section>")
        })
        .collect();
    let html = format!(
        "<html lang=\"es\"><head><title>Zapatillas</title><script type=\"application/ld+json\">\
         {{\"@type\":\"CollectionPage\",\"name\":\"Zapatillas de trail\"}}</script></head><body>{}\
         <h1>Zapatillas de trail</h1><div class=\"fl_2a\"><a href=\"/c/1\">Hombre</a>\
         <a href=\"/c/2\">Mujer</a><a href=\"/c/3\">Niños</a><a href=\"/c/4\">Ofertas</a></div>\
         <div class=\"modalidades_Xy\"><h2>Cómo elegir</h2><p>Para correr por montaña, la \
         suela importa más que el peso: los tacos profundos agarran en barro y piedra suelta, y \
         un drop bajo da estabilidad en las bajadas. Todas se pueden probar en tienda antes de \
         comprarlas.</p><ul><li>Barro: tacos de 5 mm o más</li><li>Roca: goma blanda y placa \
         protectora</li><li>Pista: amortiguación y drop medio</li><li>Nieve: membrana y polaina \
         integrada</li><li>Ultras: horma ancha para pies hinchados</li><li>Verano: malla \
         transpirable y secado rápido</li></ul></div>\
         {sections}<div class=\"Popup_k2\"><p>¡Suscríbete y llévate un 10 % de descuento!</p></div>\
         </body></html>",
        nav(&["Inicio", "Running", "Montaña"])
    );
    let text = reader_text(&html);
    for i in 1..=24 {
        assert!(
            text.contains(&format!("Zapatilla de trail modelo {i} ")),
            "item {i} is missing: {text}"
        );
    }
    assert!(
        text.contains("probar en tienda") && text.contains("Para carreras largas"),
        "a near miss: {text}"
    );
    assert!(
        !text.contains("Ofertas") && !text.contains("Suscríbete"),
        "{text}"
    );
}

#[test]
fn a_list_of_headlines_is_content_not_a_menu() {
    let days = [
        (
            "Montag",
            [
                "Stadtrat beschließt neuen Radweg entlang der Uferstraße",
                "Hochwasserschutz: Bauarbeiten am Deich beginnen im Frühjahr",
            ],
        ),
        (
            "Dienstag",
            [
                "Bibliothek verlängert ihre Öffnungszeiten am Wochenende",
                "Neue Buslinie verbindet die Vororte mit dem Bahnhof",
            ],
        ),
        (
            "Mittwoch",
            [
                "Musikschule sucht Räume für zusätzliche Kurse im Winter",
                "Wochenmarkt zieht nach dem Umbau zurück auf den Marktplatz",
            ],
        ),
    ];
    let lists: String = days
        .iter()
        .map(|(day, headlines)| {
            let items: String = headlines
                .iter()
                .map(|h| format!("<li><a href=\"/n/{}\">{h}</a></li>", h.len()))
                .collect();
            format!(
                "<div class=\"d_{}\"><h2>{day}</h2><ul>{items}</ul></div>",
                day.len()
            )
        })
        .collect();
    let html = format!(
        "<html lang=\"de\"><head><title>Archiv</title><script type=\"application/ld+json\">\
         {{\"@type\":\"CollectionPage\"}}</script></head><body>{}<h1>Archiv: November</h1>\
         <div class=\"e_3\"><p>Im November hat der Stadtrat über den Haushalt, den \
         Hochwasserschutz und den Verkehr entschieden; hier finden Sie alle Berichte des Monats, \
         nach Tagen geordnet.</p></div>\
         <div class=\"r_1\"><a href=\"/politik\">Politik</a><a href=\"/sport\">Sport</a>\
         <a href=\"/kultur\">Kultur</a></div>{lists}</body></html>",
        nav(&["Start", "Lokales"])
    );
    let text = reader_text(&html);
    for (day, headlines) in days {
        assert!(text.contains(day), "{day} is missing: {text}");
        for h in headlines {
            assert!(text.contains(h), "a headline is missing ({h}): {text}");
        }
    }
    assert!(!text.contains("Kultur"), "{text}");
}

#[test]
fn a_collection_with_an_introduction_reads_as_the_introduction() {
    let intro = "<p>A standing desk lets you change position through the day, which eases the \
        strain that hours of sitting put on the back, neck and hips.</p><p>Electric frames \
        raise and lower the top at the press of a button and remember a few heights, while \
        crank frames cost less and need no power.</p><p>Look for a frame that reaches your \
        elbow height when standing, a top deep enough for your monitor, and a stable base \
        that does not wobble at full height.</p>";
    let cards: String = (1..=8)
        .map(|i| {
            format!(
                "<div class=\"pc_{i}\"><a href=\"/d/{i}\"><img src=\"/d/{i}.jpg\" alt=\"\">\
                 <span>Desk frame model {i}</span></a><span>${i}49</span></div>"
            )
        })
        .collect();
    let page = |intro: &str| {
        format!(
            "<html><head><title>Standing desks</title><script type=\"application/ld+json\">\
             {{\"@type\":\"CollectionPage\"}}</script></head><body>{}\
             <h1>Standing desks</h1><div class=\"i_9\">{intro}</div><div class=\"g_2\">{cards}\
             </body></html>",
            nav(&["Desks", "Chairs", "Accessories"])
        )
    };
    let text = reader_text(&page(intro));
    assert!(text.contains("does not wobble at full height"), "{text}");
    assert!(!text.contains("Desk frame model 3"), "{text}");
    // A near miss: a line of introduction is no article; the collection is its items.
    let text = reader_text(&page("<p>Desks that stand, for every room.</p>"));
    for i in 1..=8 {
        assert!(
            text.contains(&format!("Desk frame model {i}")),
            "item {i} is missing: {text}"
        );
    }
}

#[test]
fn a_listing_under_a_short_introduction_reads_as_all_of_it() {
    // Two paragraphs of introduction (a shop's or a topic page's) are not an article that
    // outweighs the listing under them: the page reads as its main region, both together.
    let intro = "<p>Ob für die Küche, die Werkstatt oder den Garten: Ein guter Schleifstein hält \
        Messer und Werkzeuge über Jahre scharf, wenn man ihn richtig benutzt und pflegt.</p>\
        <p>Wasserschleifsteine werden vor dem Schleifen eingeweicht, Diamantplatten brauchen nur \
        etwas Wasser, und Ölsteine arbeiten langsamer, halten dafür aber länger ihre Form.</p>\
        <p>Für den Anfang genügt ein Kombistein mit Körnung 1000 und 6000; wer alte, stumpfe \
        Klingen retten will, beginnt mit einer gröberen Körnung.</p>\
        <p>Nach dem Schleifen wird der Stein abgespült und an der Luft getrocknet, nie auf der \
        Heizung, sonst bekommt er Risse.</p>";
    let cards: String = (1..=14)
        .map(|i| {
            format!(
                "<div class=\"k_4r\"><a href=\"/s/{i}\"><img src=\"/s/{i}.jpg\" alt=\"\">\
                 <h3>Kombistein Körnung {i}000 mit Halter aus Bambus</h3></a>\
                 <span class=\"p_1\">{i}9,90 €</span></div>"
            )
        })
        .collect();
    let html = format!(
        "<html><head><title>Schleifsteine</title><script type=\"application/ld+json\">\
         {{\"@type\":\"CollectionPage\"}}</script></head><body>{}\
         <main><h1>Schleifsteine</h1><div class=\"i_9\">{intro}</div><div class=\"g_2\">{cards}</div>\
         </main></body></html>",
        nav(&["Messer", "Schleifsteine", "Zubehör"])
    );
    let text = reader_text(&html);
    assert!(text.contains("mit einer gröberen Körnung"), "{text}");
    for i in 1..=14 {
        assert!(
            text.contains(&format!("Körnung {i}000 mit Halter")),
            "item {i} is missing: {text}"
        );
    }
}

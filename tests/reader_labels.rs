//! Text the page hides from sight, and a byline the reader view already shows above the article:
//! neither shows in the article's body.

#[path = "common/safety.rs"]
mod safety;

use tidyread::{Article, Options};

fn extract(lang: &str, dir: &str, head: &str, body: &str) -> Article {
    let filler = match lang {
        "ar" => "صوّت مجلس مدينة إيستويك يوم الثلاثاء على إعادة بناء سور الميناء الفيكتوري، منهياً عقداً من الجدل حول من يجب أن يدفع ثمنه وكم يجب أن يكون ارتفاعه، وهل يمكن إنقاذ الجرانيت القديم.",
        _ => "The harbour town of Eastwick voted on Tuesday to rebuild its Victorian sea wall, ending a decade of argument over who should pay for it, how high it should stand, and whether the old granite could be saved.",
    };
    let paragraphs: String = (1..=5)
        .map(|i| format!("<p class=\"t1\">{filler} ({i})</p>"))
        .collect();
    let html = format!(
        r#"<!DOCTYPE html><html lang="{lang}" dir="{dir}"><head><meta charset="utf-8"><title>Sea wall</title>{head}</head>
<body><main><article class="k9"><h1>Sea wall</h1>{body}{paragraphs}</article></main></body></html>"#
    );
    let dom = tidyread::parse_html(html.as_bytes()).unwrap();
    let options = Options {
        url: Some("https://news.example/a".to_owned()),
        ..Options::default()
    };
    let article = tidyread::extract(&dom, &options).expect("an article");
    safety::check_reader_html(&article.content).unwrap_or_else(|e| panic!("{e}"));
    article
}

#[test]
fn labels_hidden_from_sight_stay_hidden() {
    let article = extract(
        "en",
        "ltr",
        "",
        r#"<figure><span class="visually-hidden">Photo</span><img src="https://news.example/wall.jpg" alt="The wall">
           <figcaption><span class="sr-only">Credit</span> Mara Lind</figcaption></figure>
           <p class="t1">Read the <a href="https://news.example/minutes">council's minutes<span class="screen-reader-text"> (opens in a new tab)</span></a> for the vote.</p>"#,
    );
    for label in ["Photo", "Credit", "(opens in a new tab)"] {
        assert!(
            !article.content.contains(label),
            "{label}: {}",
            article.content
        );
    }
    assert!(article.text.contains("Mara Lind") && article.text.contains("council's minutes"));
    // A class that only hides a field's label (Drupal's) hides nothing.
    let article = extract(
        "en",
        "ltr",
        "",
        r#"<div class="field field--label-visually_hidden"><p class="t1">The engineers' report runs to four hundred pages.</p></div>"#,
    );
    assert!(
        article.text.contains("four hundred pages"),
        "{}",
        article.text
    );
}

#[test]
fn a_first_line_that_repeats_the_byline_is_left_out() {
    let ld = |name: &str| {
        format!(
            r#"<script type="application/ld+json">{{"@type":"NewsArticle","headline":"Sea wall","author":{{"name":"{name}"}}}}</script>"#
        )
    };
    let article = extract(
        "ar",
        "rtl",
        &ld("ليلى حداد"),
        r#"<p class="by">بقلم: ليلى حداد</p>"#,
    );
    assert_eq!(article.byline.as_deref(), Some("ليلى حداد"));
    assert!(!article.text.contains("بقلم"), "{}", article.text);

    let article = extract(
        "en",
        "ltr",
        &ld("Mara Lind"),
        r#"<div class="meta"><p>By Mara Lind</p></div>"#,
    );
    assert!(!article.text.contains("By Mara Lind"), "{}", article.text);

    // A first paragraph that names the author in a sentence is the article's.
    let article = extract(
        "en",
        "ltr",
        &ld("Mara Lind"),
        "<p>Mara Lind has covered the harbour for twenty years, and has never seen a vote like this one.</p>",
    );
    assert!(
        article.text.contains("Mara Lind has covered the harbour"),
        "{}",
        article.text
    );
    // A dateline beside the name says more than the byline.
    let article = extract(
        "en",
        "ltr",
        &ld("Mara Lind"),
        "<p>Tuesday 14 May 2024, Eastwick. By Mara Lind, harbour correspondent</p>",
    );
    assert!(
        article.text.contains("Tuesday 14 May 2024"),
        "{}",
        article.text
    );
}

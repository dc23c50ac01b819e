//! The seed fixture in the reader view: the article (title, byline, nine paragraphs, the lead
//! photo's caption) and nothing else: no trending headline, ad label, VIP prompt or recommendation.

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seed-townhall");

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn seed_reader_view_holds_the_article_and_nothing_else() {
    let expected: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(format!("{FIXTURE}/expected.json")).unwrap())
            .unwrap();
    let strings = |key: &str| -> Vec<String> {
        expected[key]
            .as_array()
            .unwrap_or_else(|| panic!("expected.json has no {key}"))
            .iter()
            .map(|v| squash(v.as_str().unwrap()))
            .collect()
    };
    let dom =
        tidyread::parse_html(&std::fs::read(format!("{FIXTURE}/page.html")).unwrap()).unwrap();
    let options = tidyread::Options {
        url: Some("https://townhall.example/tipsheet/2019/06/23/n0001".to_owned()),
        keep_comments: false,
    };
    let article = tidyread::extract(&dom, &options).expect("the seed page holds an article");

    assert_eq!(article.title, expected["title"].as_str().unwrap());
    assert_eq!(article.byline.as_deref(), expected["byline"].as_str());
    // What the reader shows: the content's text (the title and byline are shown beside it).
    let shown = squash(&article.text);
    let paragraphs = strings("paragraphs");
    assert_eq!(paragraphs.len(), 9);
    for p in &paragraphs {
        assert!(
            shown.contains(p.as_str()),
            "paragraph missing from the reader view: {p}"
        );
    }
    let caption = squash(expected["caption"].as_str().unwrap());
    assert!(
        shown.contains(&caption),
        "the lead photo's caption is missing: {caption}"
    );
    for clutter in strings("clutter").iter().chain(&strings("not_in_article")) {
        assert!(
            !shown.contains(clutter.as_str()),
            "clutter in the reader view: {clutter}"
        );
    }
    // The lead photo is shown once: in the body, with its caption, not again above it.
    let photo = "https://media.townhall.example/images/2019/06/23/trump-letter.jpg";
    assert_eq!(
        article.content.matches(photo).count(),
        1,
        "the lead photo, once"
    );
    assert_eq!(
        article.lead_image, None,
        "the lead photo is already in the body"
    );
    assert_eq!(article.reading_minutes, 2);
}

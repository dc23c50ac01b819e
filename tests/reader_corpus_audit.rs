//! The reader view's pictures and players over the whole Readability corpus: no page shows its
//! lead picture twice or a picture twice side by side, every player of a known provider in the
//! article becomes a card, no figure keeps a caption without the picture the page gives it, a
//! picture whose size the page states carries it, and no spacer is shown
//! (`tests/common/audit.rs` says how each is read). `cargo run --example audit` prints the same
//! per page, and runs on WCXB too (`-- --wcxb DIR`).

#[path = "common/audit.rs"]
mod audit;
#[allow(dead_code)]
#[path = "common/corpus.rs"]
mod corpus;
#[allow(dead_code)]
#[path = "common/f1.rs"]
mod f1;

use tidyread::Options;

/// The corpus has this many players in its articles (videos-1's 21 trailers among them); fewer
/// means the audit stopped seeing them, not that the reader got better.
const MIN_PLAYERS_SEEN: usize = 40;

#[test]
fn the_reader_shows_every_picture_and_player_once() {
    let dir = corpus::corpus_dir();
    let pages = corpus::pages(&dir).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        pages.len() >= 100,
        "the Readability corpus at {}",
        dir.display()
    );
    let options = Options {
        url: Some(corpus::PAGE_URL.to_owned()),
        ..Options::default()
    };
    let mut totals = audit::Totals::default();
    let mut problems = Vec::new();
    for page in &pages {
        let source = page
            .source()
            .unwrap_or_else(|e| panic!("{}: {e}", page.name));
        let dom = tidyread::parse_html(&source).unwrap_or_else(|e| panic!("{}: {e}", page.name));
        let Ok(article) = tidyread::extract(&dom, &options) else {
            continue;
        };
        let found = audit::audit(&dom, &article, &options);
        totals.add(&found);
        if found.failures() > 0 {
            problems.push(format!(
                "{}:\n    {}",
                page.name,
                found.problems.join("\n    ")
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "{}\n\n{}",
        problems.join("\n"),
        totals.summary()
    );
    assert!(
        totals.embeds >= MIN_PLAYERS_SEEN && totals.cards >= totals.embeds,
        "{}",
        totals.summary()
    );
}

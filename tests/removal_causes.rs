//! Every removal the core makes on the Readability corpus and the seed page has a cause the
//! extension can put in the user's language: no reason falls through to `CauseCode::Other`.
//! A reworded reason in the rules fails here, with the wording to teach `declutter/cause.rs`.

#[allow(dead_code)]
#[path = "common/corpus.rs"]
mod corpus;
#[allow(dead_code)]
#[path = "common/f1.rs"]
mod f1;

use std::collections::BTreeSet;

use tidyread::{CauseCode, Options};

fn unknown_reasons(html: &[u8], page: &str, out: &mut BTreeSet<String>) -> usize {
    let dom = tidyread::parse_html(html).unwrap_or_else(|e| panic!("{page}: {e}"));
    let analysis = tidyread::analyze(&dom, &Options::default());
    for r in &analysis.removals {
        if r.cause.code == CauseCode::Other {
            out.insert(format!("{page}: {}", r.reason));
        }
    }
    analysis.removals.len()
}

#[test]
fn every_removal_has_a_known_cause() {
    let mut unknown = BTreeSet::new();
    let seed = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/seed-townhall/page.html"
    ))
    .unwrap();
    assert!(
        unknown_reasons(&seed, "seed", &mut unknown) > 0,
        "the seed page has clutter"
    );
    let pages = corpus::pages(&corpus::corpus_dir()).expect("the corpus");
    let mut removals = 0;
    for page in &pages {
        removals += unknown_reasons(&page.source().unwrap(), &page.name, &mut unknown);
    }
    assert!(
        removals > 100,
        "the corpus has clutter: {removals} removals"
    );
    assert!(
        unknown.is_empty(),
        "reasons without a cause:\n{}",
        unknown.into_iter().collect::<Vec<_>>().join("\n")
    );
}

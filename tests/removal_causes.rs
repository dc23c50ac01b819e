//! Every removal the core makes on the Readability corpus and the seed page has a cause the
//! extension can put in the user's language that says what its English reason says: the label,
//! phrase, host or targets the cause names, and the count of headlines, are in the reason.

#[allow(dead_code)]
#[path = "common/corpus.rs"]
mod corpus;
#[allow(dead_code)]
#[path = "common/f1.rs"]
mod f1;

use std::collections::BTreeSet;

use tidyread::{Options, Removal};

/// Whether a removal's cause names only what its reason says.
fn agrees(r: &Removal) -> bool {
    let detail = r
        .cause
        .detail
        .as_ref()
        .is_none_or(|d| r.reason.contains(d.as_str()));
    let count = r
        .cause
        .count
        .is_none_or(|n| r.reason.split_whitespace().any(|w| w == n.to_string()));
    detail && count
}

fn disagreeing_causes(html: &[u8], page: &str, out: &mut BTreeSet<String>) -> usize {
    let dom = tidyread::parse_html(html).unwrap_or_else(|e| panic!("{page}: {e}"));
    let analysis = tidyread::analyze(&dom, &Options::default());
    for r in &analysis.removals {
        if !agrees(r) {
            out.insert(format!("{page}: {} / {:?}", r.reason, r.cause));
        }
    }
    analysis.removals.len()
}

#[test]
fn every_removal_has_a_known_cause() {
    let mut disagreeing = BTreeSet::new();
    let seed = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/seed-townhall/page.html"
    ))
    .unwrap();
    assert!(
        disagreeing_causes(&seed, "seed", &mut disagreeing) > 0,
        "the seed page has clutter"
    );
    let pages = corpus::pages(&corpus::corpus_dir()).expect("the corpus");
    let mut removals = 0;
    for page in &pages {
        removals += disagreeing_causes(&page.source().unwrap(), &page.name, &mut disagreeing);
    }
    assert!(
        removals > 100,
        "the corpus has clutter: {removals} removals"
    );
    assert!(
        disagreeing.is_empty(),
        "causes that disagree with their reason:\n{}",
        disagreeing.into_iter().collect::<Vec<_>>().join("\n")
    );
}

//! Arbitrary bytes as an HTML file: parse, then the whole pipeline with the invariants of
//! `tests/common/invariants.rs` (safe reader HTML, ids in range, article text never removed).
#![no_main]

#[allow(dead_code)]
#[path = "../../common/invariants.rs"]
mod invariants;
#[allow(dead_code)]
#[path = "../../common/safety.rs"]
mod safety;

use libfuzzer_sys::fuzz_target;
use tidyread::Options;

fuzz_target!(|data: &[u8]| {
    // The first byte picks the options, so both the browser's case (a page address) and the
    // CLI's (none) are covered.
    let Some((&flags, html)) = data.split_first() else {
        return;
    };
    let options = Options {
        url: (flags & 1 == 0).then(|| "https://www.example.org/news/story.html".to_owned()),
        keep_comments: flags & 2 != 0,
    };
    if let Ok(dom) = tidyread::parse_html(html) {
        if let Err(e) = invariants::check(&dom, &options) {
            panic!("{e}");
        }
    }
});

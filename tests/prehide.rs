//! `extension/prehide.js` holds the core's pre-hide stylesheet for the content script; this
//! checks that it is what `tidyread::declutter::prehide::prehide_css` writes now.
//! `TIDYREAD_BLESS=1 cargo test --test prehide` writes it again after a change to the tables.

use std::path::Path;

fn expected() -> String {
    let css = serde_json::to_string(&tidyread::declutter::prehide::prehide_css()).unwrap();
    format!(
        "// The pre-hide stylesheet for content.js, from src/declutter/prehide.rs. Written by\n\
         // `TIDYREAD_BLESS=1 cargo test --test prehide`; `cargo test` fails when it is stale.\n\
         export const PREHIDE_CSS = {css};\n"
    )
}

#[test]
fn extension_prehide_js_is_the_cores_sheet() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("extension/prehide.js");
    let want = expected();
    if std::env::var("TIDYREAD_BLESS").is_ok_and(|v| v == "1") {
        std::fs::write(&path, &want).unwrap();
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "{} is stale: run TIDYREAD_BLESS=1 cargo test --test prehide",
        path.display()
    );
}

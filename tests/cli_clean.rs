//! `tidyread clean` on the seed fixture, through the built binary.

use std::process::Command;

const PAGE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/seed-townhall/page.html"
);

fn tidyread(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_tidyread"))
        .args(args)
        .output()
        .expect("run tidyread");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("utf-8 output"),
    )
}

#[test]
fn clean_report_prints_one_json_removal_per_line() {
    let (code, out) = tidyread(&["clean", PAGE, "--report"]);
    assert_eq!(code, 0);
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    assert!(lines.len() >= 10, "{out}");
    for l in &lines {
        assert!(l["node"].is_u64(), "{l}");
        assert!(!l["reason"].as_str().unwrap().is_empty(), "{l}");
        assert!(l["excerpt"].is_string(), "{l}");
    }
    let kinds: Vec<&str> = lines.iter().map(|l| l["kind"].as_str().unwrap()).collect();
    for kind in [
        "ad",
        "trending_list",
        "recommended",
        "promo",
        "newsletter",
        "share_bar",
        "consent_banner",
    ] {
        assert!(kinds.contains(&kind), "no {kind} in {kinds:?}");
    }
    let trending = lines.iter().find(|l| l["kind"] == "trending_list").unwrap();
    assert_eq!(trending["reason"], "label 'Trending'");
}

#[test]
fn clean_writes_the_page_without_its_clutter() {
    let (code, html) = tidyread(&["clean", PAGE]);
    assert_eq!(code, 0);
    // (The ad loader scripts in <head> still name the slots: only visible blocks are removed.)
    for gone in [
        "Trending on Townhall Videos",
        "Join the conversation as a VIP Member",
        "<ins",
        "id=\"div-gpt-ad",
        "Accept cookies",
    ] {
        assert!(!html.contains(gone), "{gone} survived");
    }
    for kept in [
        "Korean Central News Agency (KCNA)",
        "AP Photo/Evan Vucci",
        "partially surrender its nuclear capabilities",
    ] {
        assert!(html.contains(kept), "{kept} lost");
    }
}

#[test]
fn clean_keeps_comments_on_request() {
    let dir = std::env::temp_dir().join(format!("tidyread-cli-clean-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("comments.html");
    let prose = "The council met on Tuesday to weigh the new budget, which trims road repairs and adds money for libraries. ";
    std::fs::write(
        &file,
        format!(
            "<html><body><article><h1>Budget</h1><p>{p}</p><p>{p}</p><p>{p}</p></article>\
             <section id=\"comments\"><h2>3 comments</h2><p>Great piece.</p></section></body></html>",
            p = prose
        ),
    )
    .unwrap();
    let path = file.to_str().unwrap();
    let (_, removed) = tidyread(&["clean", path, "--report"]);
    assert!(removed.contains("\"kind\":\"comments\""), "{removed}");
    let (_, kept) = tidyread(&["clean", path, "--report", "--keep-comments"]);
    assert!(!kept.contains("\"kind\":\"comments\""), "{kept}");
    std::fs::remove_dir_all(&dir).ok();
}

//! Prints each removal with its element, for looking at one page:
//! `cargo run --example declutter_debug FILE [--no-article]`.
fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: declutter_debug FILE [--no-article]");
    let no_article = std::env::args().any(|a| a == "--no-article");
    let bytes = std::fs::read(&path).expect("read");
    let dom = tidyread::parse_html(&bytes).expect("parse");
    let options = tidyread::Options::default();
    let article = if no_article {
        None
    } else {
        tidyread::extract(&dom, &options).ok()
    };
    let removals = tidyread::declutter::classify(&dom, article.as_ref(), &options);
    for r in &removals {
        let e = dom.element(r.node).unwrap();
        let class = e.attr("class").unwrap_or("");
        let id = e.attr("id").unwrap_or("");
        println!(
            "{:>6} <{} id={id:?} class={class:?}> {:?} {} | {}",
            r.node.0, e.name, r.kind, r.reason, r.excerpt
        );
    }
}

//! Pathological pages (`common/pathological.rs`): each is handled, or refused with a clear error;
//! never a panic or a stack overflow. Each runs on a thread with a 2 MiB stack (what test threads
//! get), so recursion anywhere in parse, extract, analyze, serialise or drop would show here.
//! Nothing is timed: `cargo bench --bench pathological` times the same pages.

#[allow(dead_code)]
#[path = "common/invariants.rs"]
mod invariants;
#[allow(dead_code)]
#[path = "common/pathological.rs"]
mod pathological;
#[allow(dead_code)]
#[path = "common/safety.rs"]
mod safety;

use tidyread::dom::snapshot;
use tidyread::{InputError, Options};

/// What a case must come to.
#[derive(Clone, Copy, Debug)]
enum Expect {
    /// An article whose text holds the page's prose.
    Article,
    /// Parsed and analysed; an article or a clear "no article" both do.
    Handled,
    /// Refused at the door with this error.
    Refused(fn(&InputError) -> bool),
}

const STACK: usize = 2 << 20;

fn run(name: &str, expect: Expect) {
    let case = pathological::cases()
        .into_iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("no case {name}"));
    let worker = std::thread::Builder::new()
        .name(name.to_owned())
        .stack_size(STACK)
        .spawn(move || check(&case.bytes(), expect))
        .unwrap();
    if let Err(e) = worker.join().unwrap() {
        panic!("{name}: {e}");
    }
}

fn check(bytes: &[u8], expect: Expect) -> Result<(), String> {
    let options = Options {
        url: Some("https://example.org/news/page.html".to_owned()),
        ..Options::default()
    };
    let dom = match (tidyread::parse_html(bytes), expect) {
        (Err(e), Expect::Refused(is)) if is(&e) => {
            // The message carries what was wrong, for the CLI to print.
            assert!(!e.to_string().is_empty());
            return Ok(());
        }
        (Err(e), _) => return Err(format!("refused: {e}")),
        (Ok(_), Expect::Refused(_)) => return Err("accepted, expected a refusal".into()),
        (Ok(dom), _) => dom,
    };
    let analysis = invariants::check(&dom, &options)?;
    if let Expect::Article = expect {
        let article = tidyread::extract(&dom, &options).map_err(|e| e.to_string())?;
        let first_sentence = &pathological::PROSE[..60];
        if !article.text.contains(first_sentence) {
            return Err(format!(
                "the article lost the prose: {:?}",
                &article.text[..article.text.len().min(200)]
            ));
        }
    }
    // The browser door sees the same page: the snapshot of it decodes to a document that gives
    // the same article (ids differ: the snapshot leaves comments out).
    let snap = snapshot::encode(&dom);
    let decoded = snapshot::decode(&snap.words, &snap.strings).map_err(|e| e.to_string())?;
    let via_snapshot = tidyread::analyze(&decoded, &options);
    let content = |a: &tidyread::Analysis| a.article.as_ref().map(|a| a.content.clone()).ok();
    if content(&analysis) != content(&via_snapshot) {
        return Err("the snapshot door gives another article".into());
    }
    if via_snapshot
        .removals
        .iter()
        .any(|r| r.node.index() >= decoded.len())
    {
        return Err("a removal through the snapshot door is out of range".into());
    }
    Ok(())
}

macro_rules! cases {
    ($($test:ident: $name:literal => $expect:expr;)*) => {
        $(
            #[test]
            fn $test() {
                run($name, $expect);
            }
        )*

        #[test]
        fn every_case_has_a_test() {
            let tested = [$($name),*];
            for case in pathological::cases() {
                assert!(tested.contains(&case.name), "{} has no test", case.name);
            }
        }
    };
}

cases! {
    nested_div: "nested-div-10k" => Expect::Article;
    nested_div_text: "nested-div-10k-text" => Expect::Article;
    nested_b: "nested-b-10k" => Expect::Article;
    nested_span: "nested-span-10k" => Expect::Article;
    nested_section: "nested-section-10k" => Expect::Article;
    nested_blockquote: "nested-blockquote-10k" => Expect::Article;
    nested_a: "nested-a-10k" => Expect::Article;
    nested_table: "nested-table-1k" => Expect::Article;
    nested_list: "nested-list-5k" => Expect::Article;
    nodes_200k: "nodes-200k" => Expect::Handled;
    text_node_5mb: "text-node-5mb" => Expect::Article;
    tiny_ads: "tiny-ads-5k" => Expect::Article;
    iframes: "iframes-2k" => Expect::Article;
    frameset: "frameset" => Expect::Handled;
    frameset_only: "frameset-only" => Expect::Handled;
    text_only: "text-only" => Expect::Article;
    head_only: "head-only" => Expect::Handled;
    empty: "empty" => Expect::Refused(|e| *e == InputError::Empty);
    whitespace_only: "whitespace-only" => Expect::Refused(|e| *e == InputError::Empty);
    binary: "binary" => Expect::Refused(|e| *e == InputError::Binary);
    binary_png: "binary-png-header" => Expect::Refused(|e| *e == InputError::Binary);
    attributes_100k: "attributes-100k" =>
        Expect::Refused(|e| matches!(e, InputError::TooManyAttributes { found: 100_000, .. }));
    attribute_value_1m: "attribute-value-1m" => Expect::Article;
    formatting_bomb: "formatting-bomb" => Expect::Handled;
    misnested: "misnested-10k" => Expect::Article;
    unclosed_p: "unclosed-p-10k" => Expect::Article;
}

#[test]
fn deep_snapshots_decode_and_drop_without_recursion() {
    // The browser door builds a document with no parser in the way: a million-deep chain (the
    // node limit) must decode, be analysed and be dropped on a small stack.
    let worker = std::thread::Builder::new()
        .stack_size(STACK)
        .spawn(|| {
            let depth = 200_000u32;
            let mut words = Vec::new();
            let mut strings = String::new();
            for i in 0..depth {
                words.extend([snapshot::KIND_HTML_ELEMENT, i, 3]);
                strings.push_str("div");
            }
            words.extend([snapshot::KIND_TEXT, depth, 5]);
            strings.push_str("hello");
            let dom = snapshot::decode(&words, &strings).unwrap();
            assert_eq!(dom.len(), depth as usize + 2);
            invariants::check(&dom, &Options::default()).unwrap();
        })
        .unwrap();
    worker.join().unwrap();
}

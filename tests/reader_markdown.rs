//! The article as Markdown, through the built `tidyread extract --markdown`: a Readability-corpus
//! page with code, a table and lists against its reviewed Markdown (tests/expected/), and code
//! blocks whose language the page's markup names in the ways highlighters write it; and over the
//! whole corpus, through the library, every article's Markdown keeps all of its text.
//!
//! `TIDYREAD_BLESS=1 cargo test --test reader_markdown` writes the expected file again after a
//! change to the conversion or the extraction; read its diff before committing it.

use std::path::Path;
use std::process::Command;

#[allow(dead_code)]
#[path = "common/corpus.rs"]
mod corpus;
#[allow(dead_code)]
#[path = "common/f1.rs"]
mod f1;
#[allow(dead_code)]
#[path = "common/invariants.rs"]
mod invariants;
#[allow(dead_code)]
#[path = "common/safety.rs"]
mod safety;

/// The corpus page, and the address it is read at: the e2e server's origin without its port
/// (the reader e2e test compares its Markdown to the same file, its own port taken out).
const PAGE: &str = "dropbox-blog";
const PAGE_URL: &str = "http://127.0.0.1/corpus/dropbox-blog/source.html";

fn tidyread_markdown(file: &Path, url: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_tidyread"))
        .args(["extract", "--markdown", "--url", url])
        .arg(file)
        .output()
        .expect("run tidyread");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

#[test]
fn corpus_page_with_code_a_table_and_lists_reads_as_its_expected_markdown() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let source = root
        .join("../shared/corpus/readability")
        .join(PAGE)
        .join("source.html");
    let have = tidyread_markdown(&source, PAGE_URL);
    let path = root.join("tests/expected").join(format!("{PAGE}.md"));
    if std::env::var("TIDYREAD_BLESS").is_ok_and(|v| v == "1") {
        std::fs::write(&path, &have).unwrap();
    }
    let want = std::fs::read_to_string(&path).unwrap_or_default();
    // Each construct the page has is there, so a blessed file that lost one fails too.
    for construct in [
        "# How we designed Dropbox’s ATF - an async task framework\n",
        "\n## Glossary\n",
        "\n```\nwhile True:\n  w = get_next_work()\n  do_work(w)\n```\n",
        "\n| **Entity status** | **Assoc status** |",
        "\n- Frontend\n- Task Store\n",
        "\n1. Client performs a Schedule RPC call to **Frontend**",
        "[uses gRPC](https://dropbox.tech/infrastructure/courier-dropbox-migration-to-grpc)",
        "![Async Task Framework (ATF) \\[Fig 1\\]](http://127.0.0.1/cms/",
    ] {
        assert!(
            want.contains(construct),
            "{} lacks {construct:?}",
            path.display()
        );
    }
    if have != want {
        let line = have.lines().zip(want.lines()).position(|(a, b)| a != b);
        panic!(
            "the Markdown of {PAGE} differs from {} (first at line {}): run \
             TIDYREAD_BLESS=1 cargo test --test reader_markdown and review the diff",
            path.display(),
            line.map_or("end".to_owned(), |l| (l + 1).to_string()),
        );
    }
}

#[test]
fn code_blocks_keep_the_language_their_markup_names() {
    let dir = std::env::temp_dir().join(format!("tidyread-markdown-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let page = dir.join("page.html");
    // Each highlighter's way of naming a language, and blocks that name none: `prettyprint`
    // is a highlighter's own class, `lang="en"` the human language, `nohighlight` a refusal,
    // and a `data-lang` with backticks would end the fence.
    let blocks = [
        r#"<div class="highlight highlight-source-rust"><pre>fn main() {}</pre></div>"#,
        r#"<pre class="x9f2k language-TypeScript">let a: number = 1;</pre>"#,
        r#"<pre><code class="hljs lang-python">print("hi")</code></pre>"#,
        r#"<pre class="brush: bash; gutter: false">ls -la</pre>"#,
        r#"<pre class="sourceCode haskell"><code>main = pure ()</code></pre>"#,
        r#"<div class="highlight-c++ notranslate"><div class="highlight"><pre>int x;</pre></div></div>"#,
        r#"<pre class="prettyprint">plain one</pre>"#,
        r#"<pre lang="en">plain two</pre>"#,
        r#"<pre><code class="nohighlight">plain three</code></pre>"#,
        r#"<pre data-lang="a```b">plain four</pre>"#,
    ];
    let prose = "<p>Every snippet below is explained in the text around it, which is long enough \
        to be read as the article of this page, with several sentences, commas, and words.</p>";
    let body: String = blocks.iter().map(|b| format!("{prose}{b}")).collect();
    std::fs::write(
        &page,
        format!("<html><head><title>Snippets</title></head><body><article><h1>Snippets</h1>{body}</article></body></html>"),
    )
    .unwrap();
    let markdown = tidyread_markdown(&page, "https://code.example/snippets");
    let _ = std::fs::remove_dir_all(&dir);
    let fences: Vec<&str> = markdown
        .lines()
        .filter(|l| l.starts_with("```") && l.len() > 3)
        .collect();
    assert_eq!(
        fences,
        [
            "```rust",
            "```typescript",
            "```python",
            "```bash",
            "```haskell",
            "```c++"
        ],
        "{markdown}"
    );
    for plain in ["plain one", "plain two", "plain three", "plain four"] {
        assert!(
            markdown.contains(&format!("```\n{plain}\n```")),
            "{markdown}"
        );
    }
}

#[test]
fn every_corpus_article_keeps_its_text_in_markdown() {
    let pages = corpus::pages(&corpus::corpus_dir()).unwrap_or_else(|e| panic!("{e}"));
    let options = corpus::options();
    let mut converted = 0;
    for page in &pages {
        let source = page
            .source()
            .unwrap_or_else(|e| panic!("{}: {e}", page.name));
        let dom = tidyread::parse_html(&source).unwrap_or_else(|e| panic!("{}: {e}", page.name));
        let Ok(article) = tidyread::extract(&dom, &options) else {
            continue;
        };
        let markdown = tidyread::markdown::of_article(&article, options.url.as_deref());
        assert!(
            invariants::keeps_text(&markdown, &article.text),
            "{}: the Markdown lost some of the article's text",
            page.name
        );
        converted += 1;
    }
    assert!(
        converted >= 100,
        "only {converted} corpus articles converted"
    );
}

//! The cheap "is this an article?" check, run before anything else on every page: it decides
//! whether automatic reader mode opens. It looks only at paragraph-like blocks and their length.

use serde::Serialize;

use crate::dom::{Dom, NodeId};
use crate::extract::names::{ClassNames, MAYBE_CANDIDATE, UNLIKELY};

/// Blocks shorter than this are captions, teasers or labels and count for nothing.
const MIN_BLOCK_CHARS: usize = 140;
/// The score at which a page reads as an article: roughly two or three solid paragraphs.
const MIN_SCORE: f64 = 20.0;
/// A page with this many headings that are links is a list of articles (a home page, a section
/// front, search results), whose teasers can add up to a score as high as an article's...
const LISTING_MIN_LINKED_HEADINGS: usize = 5;
/// ...when most of its long paragraphs are teasers: each sits in a block with one such heading
/// (a listicle's items share one block, and so are not teasers).
const LISTING_TEASER_SHARE: f64 = 0.7;
/// A page with less than this share of its text in long paragraphs has prose only on the side
/// (a product's description, a shop's blurb; an article is mostly prose,
/// though a news site's menus and teasers can bring it down to a fifth). Such a page is no
/// article when it shows this many prices (a grid of products)...
const MIN_PROSE_SHARE: f64 = 0.2;
const SHOP_GRID_PRICES: usize = 8;
/// ...or a price and hardly any prose (a product page; an article's subscription offer or shop
/// box sits beside more prose than this).
const PRODUCT_PROSE_SHARE: f64 = 0.1;
/// A price is a short text of its own ("€49.99", "$ 1,200"); in a longer one it is prose.
const MAX_PRICE_CHARS: usize = 40;
/// Currency signs that, next to a digit, make a price.
const CURRENCY_SIGNS: &[char] = &['$', '€', '£', '¥', '₹', '₩', '₽', '₺', '₫', '฿', '₪', '₱'];
/// Never shown as text on the page.
const UNSHOWN: &[&str] = &["head", "script", "style", "noscript", "template"];

#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Readerable {
    pub score: f64,
    pub readerable: bool,
}

pub fn check(dom: &Dom) -> Readerable {
    let lengths = trimmed_lengths(dom);
    // Whether an `<li>` is among a node's ancestors, known for parents before their children.
    let mut in_li = vec![false; dom.len()];
    let mut score = 0.0;
    // Blocks holding a heading that links elsewhere (its parent and grandparent), and the
    // parents of the long paragraphs, to tell teasers from an article's body afterwards.
    let mut linked_headings_in = vec![0u32; dom.len()];
    let mut linked_headings = 0;
    let mut paragraph_parents = Vec::new();
    // The page's shown text, how much of it is long paragraphs, and its prices.
    let (mut shown, mut prose, mut prices) = (0usize, 0usize, 0usize);
    let mut walk = dom.descendants(NodeId::ROOT);
    while let Some(id) = walk.next() {
        let parent = dom.parent(id).unwrap_or(NodeId::ROOT);
        if let Some(text) = dom.text(id) {
            let len = lengths[id.index()].trimmed();
            shown += len;
            if len <= MAX_PRICE_CHARS && is_price(text) {
                prices += 1;
            }
            continue;
        }
        let Some(el) = dom.element(id) else { continue };
        if hidden(el) || UNSHOWN.contains(&&*el.name) {
            // Everything inside a hidden element is hidden too.
            walk.skip_subtree(id);
            continue;
        }
        in_li[id.index()] = in_li[parent.index()] || dom.is(parent, "li");
        if matches!(&*el.name, "h2" | "h3" | "h4") && is_linked_heading(dom, id) {
            linked_headings += 1;
            for block in dom.ancestors(id).take(2) {
                linked_headings_in[block.index()] += 1;
            }
        }
        let paragraph_like = matches!(&*el.name, "p" | "pre" | "article")
            || (el.is("div") && dom.child_elements(id).any(|c| dom.is(c, "br")));
        if !paragraph_like {
            continue;
        }
        let names = ClassNames::of(el);
        if names.matches(UNLIKELY) && !names.matches(MAYBE_CANDIDATE) {
            continue;
        }
        if el.is("p") && in_li[id.index()] {
            continue;
        }
        let len = lengths[id.index()].trimmed();
        if len < MIN_BLOCK_CHARS {
            continue;
        }
        score += ((len - MIN_BLOCK_CHARS) as f64).sqrt();
        if !el.is("article") {
            paragraph_parents.push(parent);
            prose += len;
        }
    }
    let teasers = paragraph_parents
        .iter()
        .filter(|&&p| {
            std::iter::once(p)
                .chain(dom.parent(p))
                .any(|b| linked_headings_in[b.index()] == 1)
        })
        .count();
    let listing = linked_headings >= LISTING_MIN_LINKED_HEADINGS
        && teasers as f64 >= LISTING_TEASER_SHARE * paragraph_parents.len() as f64;
    let share = |part: usize| part as f64 / shown.max(1) as f64;
    let prose = share(prose);
    let catalogue = prose < MIN_PROSE_SHARE
        && (prices >= SHOP_GRID_PRICES || (prices > 0 && prose < PRODUCT_PROSE_SHARE));
    Readerable {
        score,
        readerable: score > MIN_SCORE && !listing && !catalogue,
    }
}

/// A currency sign next to a digit, either side ("$5", "5 €", "EUR 5" is not read).
fn is_price(text: &str) -> bool {
    let mut before: Option<char> = None;
    let mut chars = text.chars().filter(|c| !c.is_whitespace()).peekable();
    while let Some(c) = chars.next() {
        if CURRENCY_SIGNS.contains(&c)
            && (before.is_some_and(|b| b.is_ascii_digit())
                || chars.peek().is_some_and(|n| n.is_ascii_digit()))
        {
            return true;
        }
        before = Some(c);
    }
    false
}

/// A heading that is a link, or whose text is mostly a link: the title of a teaser pointing to
/// another page (not a heading with an "edit" or anchor link beside its text).
fn is_linked_heading(dom: &Dom, heading: NodeId) -> bool {
    if dom.parent(heading).is_some_and(|p| dom.is(p, "a")) {
        return true;
    }
    let whole = dom.text_content(heading).trim().chars().count();
    dom.descendants(heading)
        .filter(|&d| dom.is(d, "a") && dom.attr(d, "href").is_some_and(|h| !h.starts_with('#')))
        .any(|a| 2 * dom.text_content(a).trim().chars().count() >= whole.max(1))
}

/// Hidden by its own markup.
fn hidden(e: &crate::dom::Element) -> bool {
    e.attr("hidden").is_some()
        || e.attr("aria-hidden") == Some("true")
        || e.attr("style").is_some_and(|s| {
            let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
            s.contains("display:none") || s.contains("visibility:hidden")
        })
}

/// The length in characters of a text, and of the whitespace at each of its ends: enough to
/// combine neighbours and to read the trimmed length, as `text_content().trim()` would give.
#[derive(Clone, Copy, Default)]
struct Length {
    chars: usize,
    lead: usize,
    trail: usize,
}

impl Length {
    fn of(text: &str) -> Length {
        if text.is_ascii() {
            // Bytes are characters: no decoding.
            let space = |b: &&u8| b.is_ascii_whitespace() || **b == 0x0B;
            let bytes = text.as_bytes();
            let lead = bytes.iter().take_while(space).count();
            let trail = if lead == bytes.len() {
                lead
            } else {
                bytes.iter().rev().take_while(space).count()
            };
            return Length {
                chars: bytes.len(),
                lead,
                trail,
            };
        }
        let chars = text.chars().count();
        let lead = text.chars().take_while(|c| c.is_whitespace()).count();
        let trail = if lead == chars {
            chars
        } else {
            text.chars().rev().take_while(|c| c.is_whitespace()).count()
        };
        Length { chars, lead, trail }
    }

    fn then(self, next: Length) -> Length {
        Length {
            chars: self.chars + next.chars,
            lead: if self.lead == self.chars {
                self.chars + next.lead
            } else {
                self.lead
            },
            trail: if next.trail == next.chars {
                next.chars + self.trail
            } else {
                next.trail
            },
        }
    }

    fn trimmed(self) -> usize {
        if self.lead == self.chars {
            0
        } else {
            self.chars - self.lead - self.trail
        }
    }
}

/// Every node's text length, bottom-up in one pass: asking each paragraph-like block for its
/// text costs the page's depth times its size, which nested blocks turn into minutes.
fn trimmed_lengths(dom: &Dom) -> Vec<Length> {
    let mut lengths = vec![Length::default(); dom.len()];
    let order: Vec<NodeId> = dom.descendants(NodeId::ROOT).collect();
    for &id in order.iter().rev() {
        if let Some(t) = dom.text(id) {
            lengths[id.index()] = Length::of(t);
        }
        if let Some(p) = dom.parent(id) {
            // Children are visited last to first, so each one goes in front of those seen.
            lengths[p.index()] = lengths[id.index()].then(lengths[p.index()]);
        }
    }
    lengths
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_combine_like_trimmed_text() {
        let pieces = ["  a b ", "", " ", "c  ", "\n", "d"];
        for split in 0..=pieces.len() {
            let whole: String = pieces[..split].concat();
            let combined = pieces[..split]
                .iter()
                .fold(Length::default(), |acc, p| acc.then(Length::of(p)));
            assert_eq!(
                combined.trimmed(),
                whole.trim().chars().count(),
                "{whole:?}"
            );
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod listing_tests {
    use super::*;
    use crate::dom::parse::parse_str;

    const PROSE: &str = "The council met again on Tuesday evening to discuss the future of the \
        harbour, the lighthouse and the ferry timetable, with residents filling the hall and the \
        debate running late into the night. ";

    fn page(items: usize, item: impl Fn(usize) -> String) -> Readerable {
        let body: String = (0..items).map(item).collect();
        check(&parse_str(&format!("<title>T</title><main>{body}</main>")).unwrap())
    }

    #[test]
    fn search_results_and_section_fronts_are_not_articles() {
        let results = page(10, |i| {
            format!("<article><h2><a href=\"/n/{i}\">Result {i} about the harbour</a></h2><p>{PROSE}{PROSE}</p></article>")
        });
        assert!(
            results.score > MIN_SCORE,
            "the teasers alone score like an article"
        );
        assert!(!results.readerable);
        let front = page(8, |i| {
            format!("<div class=\"card\"><a href=\"/s/{i}\"><h3>Story {i}</h3></a><p>{PROSE}{PROSE}</p></div>")
        });
        assert!(!front.readerable);
    }

    /// A shop's page chrome: a menu of many categories, or a footer of links.
    fn shop_chrome(words: &[&str]) -> String {
        let menu: String = (0..60)
            .map(|i| {
                let w = words[i % words.len()];
                format!("<li><a class=\"n_7Kq\" href=\"/c/{i}\">{w}: {w} {i}</a></li>")
            })
            .collect();
        format!("<header class=\"h_x9\"><ul>{menu}</ul></header>")
    }

    #[test]
    fn product_and_collection_pages_are_not_articles() {
        // A product page (German, hashed classes): a long description, a price, a size picker...
        let description = "Die gefütterte Jacke aus recyceltem Polyester hält warm, ohne schwer zu \
            sein, und der hohe Kragen schützt vor Wind, während zwei Reißverschlusstaschen Platz für \
            Handy und Schlüssel bieten. Sie lässt sich in der Maschine bei dreißig Grad waschen. ";
        // ...and, as product pages do, a rail of other products with their prices.
        let rail: String = (0..8)
            .map(|i| format!("<a href=\"/p/{i}\"><img src=\"/i/{i}.jpg\" alt=\"\"><span>Jacke {i}</span><span>{i}9,95 €</span></a>"))
            .collect();
        let product = format!(
            "<title>Jacke</title><body>{}<main class=\"pdp_3Fx\"><h1>Steppjacke</h1>\
             <span class=\"pr_1\">49,99 €</span><select><option>S</option><option>M</option></select>\
             <button>In den Warenkorb</button><p class=\"d_q\">{description}</p><p>{description}</p>\
             <ul><li>Material: Polyester</li><li>Artikelnummer: BEJ22T0PL</li></ul></main>\
             <section><h2>Das könnte dir auch gefallen</h2>{rail}</section>{}</body>",
            shop_chrome(&["Damen", "Herren", "Kinder", "Sale", "Marken"]),
            shop_chrome(&["Hilfe", "Versand", "Rückgabe", "Karriere"]),
        );
        let r = check(&parse_str(&product).unwrap());
        assert!(
            r.score > MIN_SCORE,
            "its description scores like a short article: {r:?}"
        );
        assert!(!r.readerable);

        // A collection (French): a grid of products with prices, and a blurb of prose below.
        let cards: String = (0..12)
            .map(|i| {
                format!(
                    "<div class=\"c_{i}x\"><a href=\"/p/{i}\"><img src=\"/i/{i}.jpg\" alt=\"\">\
                <span>Robe en lin {i}</span></a><span>{},90 €</span></div>",
                    30 + i
                )
            })
            .collect();
        let blurb = "Nos robes en lin sont tissées au Portugal dans un atelier familial, puis \
            teintes à la main, pour des pièces légères qui traversent l'été sans se froisser. ";
        let collection = format!(
            "<title>Robes</title><body>{}<main><h1>Robes</h1><div class=\"g_k\">{cards}</div>\
             <p>{blurb}{blurb}</p></main></body>",
            shop_chrome(&["Femme", "Homme", "Maison"])
        );
        assert!(!check(&parse_str(&collection).unwrap()).readerable);
    }

    #[test]
    fn articles_that_show_prices_are_articles() {
        // A review that prices things in its prose, and a subscription box with a price beside it,
        // on a news site with a long menu.
        let review = "The new kettle costs $49 and boils a litre in under three minutes, which is \
            faster than the $120 model we tested last spring, though its lid feels flimsy. ";
        let html = format!(
            "<title>Review</title><body>{}<article><h1>Kettle review</h1>{}</article>\
             <aside><p>Subscribe</p><span>€1</span><span>for 3 months</span></aside></body>",
            shop_chrome(&["World", "Politics", "Sport", "Culture"]),
            (0..5)
                .map(|_| format!("<p>{review}{review}</p>"))
                .collect::<String>()
        );
        assert!(check(&parse_str(&html).unwrap()).readerable);
        assert!(is_price("€49.99") && is_price("1 200 $") && is_price("¥3,000"));
        assert!(!is_price("$") && !is_price("USD") && !is_price("Step 3: $HOME"));
    }

    #[test]
    fn articles_with_related_links_and_listicles_are_articles() {
        let mut html = String::from("<title>T</title><article>");
        for _ in 0..6 {
            html.push_str(&format!("<p>{PROSE}{PROSE}</p>"));
        }
        html.push_str("</article><aside>");
        for i in 0..8 {
            html.push_str(&format!(
                "<div><h3><a href=\"/r/{i}\">Related {i}</a></h3></div>"
            ));
        }
        html.push_str("</aside>");
        assert!(check(&parse_str(&html).unwrap()).readerable);
        // A listicle: linked headings and their paragraphs all in the article's one block.
        let listicle = page(1, |_| {
            (0..8)
                .map(|i| format!("<h3>{i}) <a href=\"/film/{i}\">Film number {i}</a></h3><p>{PROSE}{PROSE}</p>"))
                .collect()
        });
        assert!(listicle.readerable);
    }
}

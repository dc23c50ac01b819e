//! The "is this an article?" check that decides whether automatic reader mode opens: on an
//! article (a story, a post, a guide, documentation) with enough prose, and not on a product, a
//! list of things or a site's front page, however much prose those show (`page_kind`).

use serde::Serialize;

use crate::dom::Dom;
use crate::extract::page_kind::{self, Page, PageKind};

/// The prose score at which a page reads as an article: roughly two or three solid paragraphs.
const MIN_SCORE: f64 = 20.0;

#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Readerable {
    pub score: f64,
    pub readerable: bool,
}

/// Checks a page; `url` is its address, when known.
pub fn check(dom: &Dom, url: Option<&str>) -> Readerable {
    of_page(&page_kind::read_page(dom, url))
}

/// The verdict on a page already read.
pub fn of_page(page: &Page) -> Readerable {
    Readerable {
        score: page.prose_score,
        readerable: page.kind == PageKind::Article && page.prose_score > MIN_SCORE,
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod listing_tests {
    use super::*;
    use crate::dom::parse::parse_str;

    const PAGE: &str = "https://example.org/section/page";

    const PROSE: &str = "The council met again on Tuesday evening to discuss the future of the \
        harbour, the lighthouse and the ferry timetable, with residents filling the hall and the \
        debate running late into the night. ";

    fn page(items: usize, item: impl Fn(usize) -> String) -> Readerable {
        let body: String = (0..items).map(item).collect();
        check(
            &parse_str(&format!("<title>T</title><main>{body}</main>")).unwrap(),
            Some(PAGE),
        )
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
        let r = check(&parse_str(&product).unwrap(), Some(PAGE));
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
        assert!(!check(&parse_str(&collection).unwrap(), Some(PAGE)).readerable);
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
        assert!(check(&parse_str(&html).unwrap(), Some(PAGE)).readerable);
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
        assert!(check(&parse_str(&html).unwrap(), Some(PAGE)).readerable);
        // A listicle: linked headings and their paragraphs all in the article's one block.
        let listicle = page(1, |_| {
            (0..8)
                .map(|i| format!("<h3>{i}) <a href=\"/film/{i}\">Film number {i}</a></h3><p>{PROSE}{PROSE}</p>"))
                .collect()
        });
        assert!(listicle.readerable);
    }
}

//! What kind of page this is: an article (a story, a post, a guide, a documentation page, a
//! thread), or a page of another kind, which automatic reader mode leaves alone and the reader
//! reads differently (`main_region`): a product for sale, a list of things (a shop's category, a
//! section front, search results), a site's front page.
//!
//! A few named signals decide, each one a thing a person would point at: what the page declares
//! itself to be (JSON-LD, OpenGraph, microdata), the site's front page, a shop's controls (an
//! "add to cart" button, a link to the basket), grids of cards (a picture, a name, a link, often
//! a price), headings that are links to other pages. The marks of an article (a declared article
//! type, a publication date, a byline) and a body of prose (paragraphs side by side in one block)
//! outweigh the weaker ones: a review that prices what it reviews, or a news site's story beside
//! its shop, is still an article. One walk over the page measures everything, and the prose
//! score of Readability's `isProbablyReaderable` with it.

use crate::dom::{Dom, Element, NodeData, NodeId};
use crate::json::{self, Json};
use crate::metadata;
use crate::text;

use super::names;
use super::prep::{TextLen, TextMeasures};
use super::PageFacts;

/// What kind of page it is, for reading it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageKind {
    /// One text: a story, a post, a guide, documentation, a thread.
    Article,
    /// One thing for sale (or to book): its description is the content, other products are not.
    Product,
    /// A list of things (products, stories, results): the items are the content.
    Listing,
    /// A site's front page.
    Home,
}

/// Why a page is not an article: the signal that decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    /// The address is the site's root.
    HomePage,
    /// JSON-LD, OpenGraph or microdata says the page is a product.
    DeclaredProduct,
    /// JSON-LD or OpenGraph says the page is a collection or search results.
    DeclaredList,
    /// An "add to cart" or "buy now" control, and nothing that marks an article.
    CartControl,
    /// A grid of cards with prices holds more text than the page's prose.
    PricedCards,
    /// A grid of cards (a picture, a name, a link) holds more text than the page's prose.
    CardGrid,
    /// Most of the page's headings are links to other pages, each over a short teaser.
    Teasers,
    /// Most of the page's prose is blurbs: short paragraphs, each alone in a block of its own
    /// beside a link to another page, and those blocks side by side (news without pictures,
    /// a course catalogue, a list of episodes).
    Blurbs,
    /// A page of a shop (it links to its basket) with nothing that marks an article.
    ShopPage,
}

/// What the walk found: the kind, why, and the prose score.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Page {
    pub kind: PageKind,
    /// Set for every kind but `Article`.
    pub reason: Option<Reason>,
    /// Readability's prose score: the square roots of the long paragraphs' lengths past
    /// `SCORED_PARAGRAPH_CHARS`, summed.
    pub prose_score: f64,
}

/// Paragraphs shorter than this are captions, teasers or labels and add nothing to the score.
const SCORED_PARAGRAPH_CHARS: u32 = 140;
/// A paragraph at least this long is prose, in the body-of-prose measure.
const BODY_PARAGRAPH_CHARS: u32 = 80;
/// A block whose paragraphs (its children's and grandchildren's) hold this much text is a body
/// of prose: an article's, which shop controls and card grids around it do not outweigh. A
/// shop's category blurb or a service's section holds less.
const BODY_OF_PROSE_CHARS: u32 = 1500;
/// A card is a short block: a picture, a name, a link, perhaps a price or a line of teaser.
const MAX_CARD_CHARS: u32 = 1000;
/// A grid is a block with at least this many cards among its children...
const MIN_GRID_CARDS: u32 = 4;
/// ...that make most of its children.
const GRID_CARD_SHARE: f64 = 0.6;
/// Cards on a page that is a list of them: at least this many...
const LISTING_MIN_CARDS: u32 = 6;
/// ...holding more text than this share of the page's prose (outside the cards).
const LISTING_CARD_TEXT_SHARE: f64 = 0.5;
/// Priced cards that make a shop's grid: at least this many, holding more than this share of
/// the body of prose (a review's "where to buy" boxes hold less).
const SHOP_GRID_MIN_PRICED: u32 = 4;
const SHOP_GRID_TEXT_SHARE: f64 = 0.5;
/// Headings that link elsewhere make a list of teasers when there are this many...
const TEASERS_MIN_LINKED_HEADINGS: u32 = 6;
/// ...and they are this share of the page's headings (an article's related links are a few
/// among its own headings).
const TEASERS_HEADING_SHARE: f64 = 0.6;
/// ...and most of the page's long paragraphs are their teasers (a documentation page's table of
/// contents has no paragraph beside its links).
const TEASER_PARAGRAPH_SHARE: f64 = 0.7;
/// A teaser's item, the block that holds its linked heading and its paragraph, is at most this
/// far above either (a card's title and summary each in wrappers of their own).
const TEASER_ITEM_DEPTH: usize = 4;
/// A blurb is a paragraph of at most this much text...
const MAX_BLURB_CHARS: u32 = 600;
/// ...with a link to another page in a block at most this far up that holds no other prose...
const BLURB_LINK_DEPTH: usize = 4;
/// ...and a block of several paragraphs at most this far up, the list, with no paragraph of its
/// own (an article's paragraphs between a listicle's items make them the article's sections).
const BLURB_LIST_DEPTH: usize = 8;
/// A page of blurbs has at least this many, holding this share of its prose.
const MIN_BLURBS: u32 = 3;
const BLURB_PROSE_SHARE: f64 = 0.7;
/// What prose a node is or holds, for finding blurbs: it holds a paragraph of
/// `BODY_PARAGRAPH_CHARS` or more (outside chrome and cards), several, one as a child; it is one.
const PROSE_ONE: u8 = 1;
const PROSE_SEVERAL: u8 = 2;
const PROSE_CHILD: u8 = 4;
const PROSE_PARAGRAPH: u8 = 8;
/// A link's ancestors this far up make a heading inside it a linked one (a card whose whole
/// face is one link).
const LINK_AROUND_HEADING_DEPTH: usize = 6;
/// A price is a short text of its own ("€49.99", "$ 1,200"); in a longer one it is prose.
const MAX_PRICE_CHARS: u32 = 40;
/// Currency signs that, next to a digit, make a price.
const CURRENCY_SIGNS: &[char] = &['$', '€', '£', '¥', '₹', '₩', '₽', '₺', '₫', '฿', '₪', '₱'];
/// A control's label is short; a longer text that mentions a cart is prose.
const MAX_CONTROL_LABEL_CHARS: u32 = 40;
/// The labels of buying controls, lower-case, in the languages of most shops.
const CART_LABELS: &[&str] = &[
    "add to cart",
    "add to bag",
    "add to basket",
    "buy now",
    "in den warenkorb",
    "ajouter au panier",
    "añadir al carrito",
    "aggiungi al carrello",
    "in winkelwagen",
    "adicionar ao carrinho",
    "lägg i varukorgen",
    "do koszyka",
    "в корзину",
    "カートに入れる",
    "加入购物车",
    "장바구니",
];
/// Class, id, name and form-action words of buying controls (shop platforms' own names).
const CART_CONTROL_NAMES: &[&str] = &["add-to-cart", "addtocart", "add_to_cart", "/cart/add"];
/// Path segments of a shop's basket and checkout, which every page of a shop links to.
const BASKET_PATHS: &[&str] = &[
    "cart",
    "basket",
    "bag",
    "checkout",
    "shopping-cart",
    "shoppingcart",
    "cart.php",
    "warenkorb",
    "panier",
    "carrito",
    "carrello",
    "winkelwagen",
];
/// schema.org types of one thing for sale.
const PRODUCT_TYPES: &[&str] = &[
    "Product",
    "ProductGroup",
    "IndividualProduct",
    "ProductModel",
    "Vehicle",
    "Car",
];
/// schema.org types of a page that lists things.
const LIST_TYPES: &[&str] = &[
    "CollectionPage",
    "SearchResultsPage",
    "ItemList",
    "OfferCatalog",
];
/// Never shown as text on the page.
const UNSHOWN: &[&str] = &["head", "script", "style", "noscript", "template"];
/// Page chrome, whose headings and links are not the page's own.
const CHROME_ROLES: &[&str] = &["navigation", "banner", "contentinfo", "complementary"];

/// Reads the page alone, its metadata and text lengths with it: where no extraction shares them.
pub fn read_page(dom: &Dom, url: Option<&str>) -> Page {
    let options = crate::options::Options {
        url: url.map(str::to_owned),
        ..crate::options::Options::default()
    };
    read(dom, url, &PageFacts::read(dom, &options))
}

/// Reads the page. `url` is its address, when known (else its canonical link is read); `facts`
/// its metadata and text lengths.
pub fn read(dom: &Dom, url: Option<&str>, facts: &PageFacts) -> Page {
    let meta = &facts.meta;
    let mut walk = Walk::new(dom, facts);
    walk.top_down();
    walk.bottom_up();
    walk.cards_and_prose();
    let home = url
        .map(str::to_owned)
        .or_else(|| canonical_url(dom))
        .is_some_and(|u| is_home_page(&u));
    let marked = walk.declared.article || meta.published_time.is_some() || meta.byline.is_some();
    let m = &walk.measures;
    let body = m.body_of_prose >= BODY_OF_PROSE_CHARS;
    let reason = if home {
        Some(Reason::HomePage)
    } else if walk.declared.product && !marked {
        Some(Reason::DeclaredProduct)
    } else if !marked && !body && walk.has_cart_control() {
        Some(Reason::CartControl)
    } else if m.priced_cards >= SHOP_GRID_MIN_PRICED
        && f64::from(m.priced_card_text) > SHOP_GRID_TEXT_SHARE * f64::from(m.body_of_prose)
    {
        Some(Reason::PricedCards)
    } else if walk.declared.list && !marked {
        Some(Reason::DeclaredList)
    } else if m.cards >= LISTING_MIN_CARDS
        && f64::from(m.card_text) > LISTING_CARD_TEXT_SHARE * f64::from(m.prose_outside_cards)
        && !marked
    {
        Some(Reason::CardGrid)
    } else if m.linked_headings >= TEASERS_MIN_LINKED_HEADINGS
        && f64::from(m.linked_headings)
            >= TEASERS_HEADING_SHARE * f64::from(m.linked_headings + m.plain_headings)
        && f64::from(m.teaser_paragraphs) >= TEASER_PARAGRAPH_SHARE * f64::from(m.long_paragraphs)
        && !marked
    {
        Some(Reason::Teasers)
    } else if m.blurbs >= MIN_BLURBS
        && f64::from(m.blurb_text) >= BLURB_PROSE_SHARE * f64::from(m.prose)
        && !marked
    {
        Some(Reason::Blurbs)
    } else if !marked && !body && walk.links_to_basket() {
        Some(Reason::ShopPage)
    } else {
        None
    };
    let kind = match reason {
        None => PageKind::Article,
        Some(Reason::HomePage) => PageKind::Home,
        Some(Reason::DeclaredProduct | Reason::CartControl) => PageKind::Product,
        Some(Reason::ShopPage) if m.cards < LISTING_MIN_CARDS => PageKind::Product,
        Some(_) => PageKind::Listing,
    };
    Page {
        kind,
        reason,
        prose_score: m.prose_score,
    }
}

/// What the page declares itself to be.
#[derive(Default, Debug)]
struct Declared {
    article: bool,
    product: bool,
    list: bool,
}

/// What the walk measured over the shown page.
#[derive(Default, Debug)]
struct Measures {
    prose_score: f64,
    /// The most paragraph text one block holds in its children and grandchildren.
    body_of_prose: u32,
    /// Text of the long paragraphs outside cards.
    prose_outside_cards: u32,
    cards: u32,
    card_text: u32,
    priced_cards: u32,
    priced_card_text: u32,
    /// Paragraphs of `SCORED_PARAGRAPH_CHARS` or more outside cards, and those of them beside
    /// one linked heading.
    long_paragraphs: u32,
    teaser_paragraphs: u32,
    linked_headings: u32,
    plain_headings: u32,
    /// Text of the paragraphs of `BODY_PARAGRAPH_CHARS` or more outside chrome and cards, and
    /// the blurbs among them.
    prose: u32,
    blurbs: u32,
    blurb_text: u32,
}

/// Per-node facts gathered bottom-up, as bits.
const LINK: u8 = 1;
const PICTURE: u8 = 2;
const PRICE: u8 = 4;
/// A paragraph of `SCORED_PARAGRAPH_CHARS` or more below: the block is prose, not a card.
const LONG_PARAGRAPH: u8 = 8;
/// Inside page chrome (set top-down).
const CHROME: u8 = 16;
/// A card of a grid.
const CARD: u8 = 32;
/// Inside an `<li>` (set top-down).
const IN_LIST_ITEM: u8 = 64;
/// Inside an element with `itemscope` (set top-down).
const IN_ITEM: u8 = 128;

struct Walk<'a> {
    dom: &'a Dom,
    texts: &'a TextMeasures,
    names: &'a names::NameTable,
    /// The shown nodes of the body, in document order.
    order: Vec<NodeId>,
    len: Vec<TextLen>,
    /// Lengths as Readability's prose score reads them: whitespace kept, only the ends trimmed.
    raw_len: Vec<RawLen>,
    bits: Vec<u8>,
    /// `PROSE_*`: paragraphs set bottom-up, what blocks hold up to `BLURB_LIST_DEPTH` levels
    /// above them afterwards.
    prose: Vec<u8>,
    declared: Declared,
    measures: Measures,
}

impl<'a> Walk<'a> {
    fn new(dom: &'a Dom, facts: &'a PageFacts) -> Self {
        Walk {
            dom,
            texts: &facts.texts,
            names: &facts.names,
            order: Vec::new(),
            len: vec![TextLen::default(); dom.len()],
            raw_len: vec![RawLen::default(); dom.len()],
            bits: vec![0; dom.len()],
            prose: vec![0; dom.len()],
            declared: Declared::default(),
            measures: Measures::default(),
        }
    }

    /// The declarations in the head and the body, and the shown nodes of the body with what
    /// their ancestors make them (chrome, list items, microdata items).
    fn top_down(&mut self) {
        let dom = self.dom;
        if let Some(head) = dom.head() {
            for id in dom.descendants(head) {
                if let Some(el) = dom.element(id) {
                    self.declare_element(id, el);
                }
            }
        }
        let Some(body) = dom.body() else { return };
        let mut walk = dom.descendants(body);
        while let Some(id) = walk.next() {
            let Some(el) = dom.element(id) else {
                self.order.push(id);
                continue;
            };
            self.declare_element(id, el);
            if id != body && (UNSHOWN.contains(&&*el.name) || hidden(el)) {
                walk.skip_subtree(id);
                continue;
            }
            let parent = dom.parent(id).map_or(0, |p| self.bits[p.index()]);
            let mut bits = parent & (CHROME | IN_LIST_ITEM | IN_ITEM);
            if is_chrome(dom, id, el) {
                bits |= CHROME;
            }
            if dom.parent(id).is_some_and(|p| dom.is(p, "li")) {
                bits |= IN_LIST_ITEM;
            }
            if el.attr("itemscope").is_some() {
                if parent & IN_ITEM == 0 {
                    self.declare_microdata(el.attr("itemtype").unwrap_or(""));
                }
                bits |= IN_ITEM;
            }
            self.bits[id.index()] = bits;
            self.order.push(id);
        }
    }

    /// JSON-LD and OpenGraph's type, wherever they are.
    fn declare_element(&mut self, id: NodeId, el: &Element) {
        if crate::dom::snapshot::is_json_ld(el) {
            self.declare_json_ld(&self.dom.text_content(id));
        } else if el.is("meta") && el.attr("property") == Some("og:type") {
            self.declare_og_type(el.attr("content").unwrap_or(""));
        }
    }

    /// Text lengths and what each block holds, children before parents; grids' cards marked;
    /// buying controls found; the prose score summed.
    fn bottom_up(&mut self) {
        let dom = self.dom;
        for i in (0..self.order.len()).rev() {
            let id = self.order[i];
            match dom.data(id) {
                NodeData::Text(t) => {
                    let len = self.texts.len(id);
                    self.len[id.index()] = len;
                    self.raw_len[id.index()] = RawLen::of(t);
                    if len.get() > 0 && len.get() <= MAX_PRICE_CHARS && is_price(t) {
                        self.bits[id.index()] |= PRICE;
                    }
                }
                NodeData::Element(el) => self.element_up(id, el),
                _ => {}
            }
            if let Some(p) = dom.parent(id) {
                let (child, parent) = (self.len[id.index()], self.len[p.index()]);
                // Children are visited last to first, so each one goes in front of those seen.
                self.len[p.index()] = child.then(parent);
                self.raw_len[p.index()] = self.raw_len[id.index()].then(self.raw_len[p.index()]);
                self.bits[p.index()] |=
                    self.bits[id.index()] & (LINK | PICTURE | PRICE | LONG_PARAGRAPH);
            }
        }
    }

    fn element_up(&mut self, id: NodeId, el: &Element) {
        let dom = self.dom;
        match &*el.name {
            "a" if links_away(dom, id) => {
                self.bits[id.index()] |= LINK;
            }
            "img" | "picture" => self.bits[id.index()] |= PICTURE,
            _ => {}
        }
        let paragraph = matches!(&*el.name, "p" | "pre")
            || (el.is("div") && dom.child_elements(id).any(|c| dom.is(c, "br")));
        let raw = self.raw_len[id.index()].trimmed();
        if paragraph && raw >= BODY_PARAGRAPH_CHARS {
            self.prose[id.index()] = PROSE_PARAGRAPH;
        }
        if (paragraph || el.is("article")) && raw >= SCORED_PARAGRAPH_CHARS {
            if paragraph {
                self.bits[id.index()] |= LONG_PARAGRAPH;
            }
            let in_li = self.bits[id.index()] & IN_LIST_ITEM != 0 && el.is("p");
            if !self.names.unlikely(id) && !in_li {
                self.measures.prose_score += f64::from(raw - SCORED_PARAGRAPH_CHARS).sqrt();
            }
        }
        self.mark_grid(id);
    }

    /// Marks the cards of `id` when it is a grid of them (outside the page's chrome, whose
    /// menus of pictured links are no content).
    fn mark_grid(&mut self, id: NodeId) {
        let dom = self.dom;
        if self.bits[id.index()] & CHROME != 0 {
            return;
        }
        let (mut cards, mut others) = (0u32, 0u32);
        for c in dom.child_elements(id) {
            if self.is_card(c) {
                cards += 1;
            } else {
                others += 1;
            }
        }
        if cards < MIN_GRID_CARDS || f64::from(cards) < GRID_CARD_SHARE * f64::from(cards + others)
        {
            return;
        }
        for c in dom.child_elements(id) {
            if self.is_card(c) {
                self.bits[c.index()] |= CARD;
            }
        }
    }

    /// A short block with a link and a picture, and no paragraph of prose.
    fn is_card(&self, id: NodeId) -> bool {
        let bits = self.bits[id.index()];
        let len = self.len[id.index()].get();
        bits & (LINK | PICTURE) == LINK | PICTURE
            && bits & LONG_PARAGRAPH == 0
            && (1..=MAX_CARD_CHARS).contains(&len)
    }

    /// Whether a shown button, link or form puts something in a basket. Looked for only where
    /// the decision turns on it: never on an article with a byline or a body of prose.
    fn has_cart_control(&self) -> bool {
        self.order.iter().any(|&id| {
            self.dom
                .element(id)
                .is_some_and(|el| self.is_cart_control(id, el, self.len[id.index()].get()))
        })
    }

    /// Whether a shown link goes to the site's basket or checkout.
    fn links_to_basket(&self) -> bool {
        self.order.iter().any(|&id| {
            self.dom
                .element(id)
                .is_some_and(|el| el.is("a") && el.attr("href").is_some_and(is_basket_link))
        })
    }

    /// A button, link or form that puts something in a basket, by its label or its names.
    fn is_cart_control(&self, id: NodeId, el: &Element, len: u32) -> bool {
        let named = || {
            ["class", "id", "name", "action"]
                .iter()
                .filter_map(|a| el.attr(a))
                .any(|v| {
                    let v = v.to_ascii_lowercase();
                    CART_CONTROL_NAMES.iter().any(|n| text::contains(&v, n))
                })
        };
        let labelled = |label: &str| {
            let label = label.trim().to_lowercase();
            CART_LABELS.iter().any(|l| text::contains(&label, l))
        };
        match &*el.name {
            "button" | "a" => {
                len <= MAX_CONTROL_LABEL_CHARS
                    && (named() || (len > 0 && labelled(&self.dom.text_content(id))))
            }
            "input" => named() || el.attr("value").is_some_and(labelled),
            "form" => named(),
            _ => false,
        }
    }

    /// Cards and their prices, the prose outside them, the body of prose, and the headings.
    fn cards_and_prose(&mut self) {
        let dom = self.dom;
        let mut body_votes = vec![0u32; dom.len()];
        // Linked headings in each block up to `TEASER_ITEM_DEPTH` levels above them, and the
        // parents of the long paragraphs, to tell teasers from an article's body afterwards.
        let mut linked_headings_in = vec![0u16; dom.len()];
        let mut paragraph_parents = Vec::new();
        // The paragraphs, to find the blurbs among them afterwards.
        let mut prose = Vec::new();
        let mut outer_card: Option<NodeId> = None;
        for &id in &self.order {
            let Some(el) = dom.element(id) else { continue };
            if outer_card.is_some_and(|c| dom.contains(c, id)) {
                continue;
            }
            outer_card = None;
            let bits = self.bits[id.index()];
            let len = self.len[id.index()].get();
            if bits & (CHROME | CARD) == 0 && self.prose[id.index()] & PROSE_PARAGRAPH != 0 {
                prose.push(id);
                for (level, a) in dom.ancestors(id).take(BLURB_LIST_DEPTH).enumerate() {
                    let held = &mut self.prose[a.index()];
                    *held |= if *held & PROSE_ONE == 0 {
                        PROSE_ONE
                    } else {
                        PROSE_SEVERAL
                    };
                    if level == 0 {
                        *held |= PROSE_CHILD;
                    }
                }
            }
            let m = &mut self.measures;
            if bits & CARD != 0 {
                outer_card = Some(id);
                m.cards += 1;
                m.card_text += len;
                if bits & PRICE != 0 {
                    m.priced_cards += 1;
                    m.priced_card_text += len;
                }
                continue;
            }
            if matches!(&*el.name, "p" | "pre") {
                let len = self.raw_len[id.index()].trimmed();
                if len >= SCORED_PARAGRAPH_CHARS {
                    m.prose_outside_cards += len;
                    paragraph_parents.extend(dom.parent(id));
                }
                if len >= BODY_PARAGRAPH_CHARS {
                    for a in dom.ancestors(id).take(2) {
                        body_votes[a.index()] += len;
                        m.body_of_prose = m.body_of_prose.max(body_votes[a.index()]);
                    }
                }
            }
            if matches!(&*el.name, "h2" | "h3" | "h4") && bits & CHROME == 0 && len > 0 {
                if self.is_linked_heading(id) {
                    self.measures.linked_headings += 1;
                    for block in dom.ancestors(id).take(TEASER_ITEM_DEPTH) {
                        let count = &mut linked_headings_in[block.index()];
                        *count = count.saturating_add(1);
                    }
                } else {
                    self.measures.plain_headings += 1;
                }
            }
        }
        // A teaser's paragraph sits in an item: the nearest block above it that holds linked
        // headings holds one (a listicle's items share one block, and so are not teasers).
        self.measures.long_paragraphs = paragraph_parents.len() as u32;
        self.measures.teaser_paragraphs = paragraph_parents
            .iter()
            .filter(|&&p| {
                let mut block = Some(p);
                for _ in 0..TEASER_ITEM_DEPTH {
                    let Some(item) = block else { break };
                    match linked_headings_in[item.index()] {
                        0 => block = dom.parent(item),
                        1 => {
                            return dom
                                .parent(item)
                                .is_none_or(|list| self.prose[list.index()] & PROSE_CHILD == 0)
                        }
                        _ => break,
                    }
                }
                false
            })
            .count() as u32;
        for p in prose {
            let len = self.raw_len[p.index()].trimmed();
            self.measures.prose += len;
            if len <= MAX_BLURB_CHARS && self.is_blurb(p) {
                self.measures.blurbs += 1;
                self.measures.blurb_text += len;
            }
        }
    }

    /// A heading inside a link, or whose text is mostly a link: the title of a teaser pointing
    /// to another page (not a heading with an "edit" or anchor link beside its text).
    fn is_linked_heading(&self, heading: NodeId) -> bool {
        let dom = self.dom;
        let whole = self.len[heading.index()].get();
        dom.ancestors(heading)
            .take(LINK_AROUND_HEADING_DEPTH)
            .any(|a| links_away(dom, a))
            || dom
                .descendants(heading)
                .any(|d| links_away(dom, d) && 2 * self.len[d.index()].get() >= whole)
    }

    /// A paragraph alone in its block, beside a link to another page, in a list of such blocks
    /// (see `Reason::Blurbs`).
    fn is_blurb(&self, paragraph: NodeId) -> bool {
        let dom = self.dom;
        let mut linked = false;
        let mut node = paragraph;
        for level in 0..BLURB_LIST_DEPTH {
            let Some(block) = dom.parent(node) else { break };
            let held = self.prose[block.index()];
            if held & PROSE_SEVERAL != 0 {
                // The list: an article's paragraphs beside listed items make them its sections.
                return linked && held & PROSE_CHILD == 0;
            }
            linked = linked
                || level < BLURB_LINK_DEPTH
                    && (links_away(dom, block)
                        || dom
                            .child_elements(block)
                            .any(|c| c != node && self.bits[c.index()] & LINK != 0));
            node = block;
        }
        false
    }

    fn declare_json_ld(&mut self, raw: &str) {
        let raw = raw
            .trim()
            .trim_start_matches("<![CDATA[")
            .trim_end_matches("]]>");
        let Ok(value) = json::parse(raw) else { return };
        let mut entities = Vec::new();
        page_entities(&value, &mut entities);
        for entity in entities {
            match entity.get("@type") {
                Some(Json::String(t)) => self.declare(t),
                Some(Json::Array(types)) => {
                    for t in types.iter().filter_map(Json::as_str) {
                        self.declare(t);
                    }
                }
                _ => {}
            }
        }
    }

    fn declare_og_type(&mut self, content: &str) {
        let t = content.trim().to_ascii_lowercase();
        if t == "product.group" {
            self.declared.list = true;
        } else if t.starts_with("product") {
            self.declared.product = true;
        }
    }

    /// An item's types; one that is both a work and a product is a paywalled work (the
    /// subscription markup news sites use), not a thing for sale.
    fn declare_microdata(&mut self, itemtype: &str) {
        // Some sites write the space between types URL-encoded.
        let types = || {
            itemtype
                .split_whitespace()
                .flat_map(|t| t.split("%20"))
                .map(|t| t.rsplit('/').next().unwrap_or(t))
        };
        let work = types().any(|t| t == "CreativeWork" || metadata::ARTICLE_TYPES.contains(&t));
        for t in types().filter(|t| !(work && PRODUCT_TYPES.contains(t))) {
            self.declare(t);
        }
    }

    fn declare(&mut self, schema_type: &str) {
        let d = &mut self.declared;
        d.article |= metadata::ARTICLE_TYPES.contains(&schema_type);
        d.product |= PRODUCT_TYPES.contains(&schema_type);
        d.list |= LIST_TYPES.contains(&schema_type);
    }
}

/// The JSON-LD entities that describe the page itself: the top-level ones, the members of a
/// `@graph`, and a page's `mainEntity`; not what they mention (the product a review is about).
fn page_entities<'j>(value: &'j Json, out: &mut Vec<&'j Json>) {
    match value {
        Json::Array(items) => items.iter().for_each(|i| page_entities(i, out)),
        Json::Object(_) => {
            out.push(value);
            for member in ["@graph", "mainEntity"] {
                if let Some(inner) = value.get(member) {
                    page_entities(inner, out);
                }
            }
        }
        _ => {}
    }
}

/// The site's root, or a language's root under it ("/", "/en/", "/en-gb/", "/us/en/").
fn is_home_page(url: &str) -> bool {
    let Some((_, rest)) = url.split_once("://") else {
        return false;
    };
    let path = rest.find('/').map_or("", |i| &rest[i..]);
    let path = path.split(['?', '#']).next().unwrap_or("");
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    segments.len() <= 2 && segments.iter().all(|s| is_locale(s)) || segments == ["index.html"]
}

/// Page chrome: navigation, a sidebar, the page's own banner or footer. A `<header>` or
/// `<footer>` inside an article, a section or the main content is that part's own (a teaser's
/// title and summary, a story's byline), as ARIA reads them.
fn is_chrome(dom: &Dom, id: NodeId, el: &Element) -> bool {
    el.attr("role").is_some_and(|r| CHROME_ROLES.contains(&r))
        || match &*el.name {
            "nav" | "aside" => true,
            "header" | "footer" => !dom
                .ancestors(id)
                .any(|a| dom.is(a, "article") || dom.is(a, "section") || dom.is(a, "main")),
            _ => false,
        }
}

/// A link to another page, not to a place on this one.
fn links_away(dom: &Dom, id: NodeId) -> bool {
    dom.is(id, "a") && dom.attr(id, "href").is_some_and(|h| !h.starts_with('#'))
}

/// "en", "de", "en-gb", "pt_BR": a language or region code.
fn is_locale(segment: &str) -> bool {
    let mut parts = segment.split(['-', '_']);
    let two_letters = |p: Option<&str>| {
        p.is_some_and(|p| p.len() == 2 && p.bytes().all(|b| b.is_ascii_alphabetic()))
    };
    let first = parts.next();
    let second = parts.next();
    two_letters(first) && (second.is_none() || two_letters(second)) && parts.next().is_none()
}

/// The page's canonical address (`<link rel=canonical>`, else `og:url`).
fn canonical_url(dom: &Dom) -> Option<String> {
    let head = dom.head()?;
    let mut og = None;
    for id in dom.descendants(head) {
        let Some(el) = dom.element(id) else { continue };
        if el.is("link")
            && el.attr("rel").is_some_and(|r| {
                r.split_whitespace()
                    .any(|t| t.eq_ignore_ascii_case("canonical"))
            })
        {
            return el.attr("href").map(str::to_owned);
        }
        if el.is("meta") && el.attr("property") == Some("og:url") {
            og = el.attr("content").map(str::to_owned);
        }
    }
    og
}

fn is_basket_link(href: &str) -> bool {
    let path = href.split(['?', '#']).next().unwrap_or("");
    path.split('/')
        .any(|s| BASKET_PATHS.iter().any(|b| s.eq_ignore_ascii_case(b)))
}

/// A character of the CJK scripts (ideographs, kana, hangul, their punctuation).
fn is_wide(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{9fff}' | '\u{ac00}'..='\u{d7af}' | '\u{f900}'..='\u{faff}' | '\u{ff00}'..='\u{ffef}')
}

/// Hidden by its own markup.
fn hidden(e: &Element) -> bool {
    e.attr("hidden").is_some()
        || e.attr("aria-hidden") == Some("true")
        || e.layout.has(crate::dom::LayoutFlags::HIDDEN)
        || e.attr("style").is_some_and(|s| {
            let s = crate::text::compact_style(s);
            s.contains("display:none") || s.contains("visibility:hidden")
        })
}

/// A currency sign next to a digit, either side ("$5", "5 €"; "EUR 5" is not read).
pub fn is_price(text: &str) -> bool {
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

/// The length in characters of a text, and of the whitespace at each of its ends: enough to
/// combine neighbours and to read the trimmed length, as `textContent.trim()` would give. A
/// Chinese, Japanese or Korean character counts as two: a paragraph in those scripts says in 70
/// characters what a Latin one says in 140.
#[derive(Clone, Copy, Default)]
struct RawLen {
    chars: u32,
    lead: u32,
    trail: u32,
}

impl RawLen {
    fn of(text: &str) -> RawLen {
        if text.is_ascii() {
            // Most text: one byte a character, none of them wide.
            let bytes = text.as_bytes();
            let is_space = |b: &&u8| **b == b' ' || (b'\t'..=b'\r').contains(*b);
            let chars = bytes.len() as u32;
            let lead = bytes.iter().take_while(is_space).count() as u32;
            let trail = if lead == chars {
                chars
            } else {
                bytes.iter().rev().take_while(is_space).count() as u32
            };
            return RawLen { chars, lead, trail };
        }
        // The ends in the same unit as the whole: the ideographic space is whitespace and wide.
        let width = |c: char| 1 + u32::from(is_wide(c));
        let chars = text.chars().map(width).sum();
        let lead = text
            .chars()
            .take_while(|c| c.is_whitespace())
            .map(width)
            .sum();
        let trail = if lead == chars {
            chars
        } else {
            text.chars()
                .rev()
                .take_while(|c| c.is_whitespace())
                .map(width)
                .sum()
        };
        RawLen { chars, lead, trail }
    }

    /// This text followed by `next`.
    fn then(self, next: RawLen) -> RawLen {
        RawLen {
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

    fn trimmed(self) -> u32 {
        if self.lead == self.chars {
            0
        } else {
            self.chars - self.lead - self.trail
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::dom::parse::parse_str;

    const URL: &str = "https://shop.example/p/item-4711";

    #[test]
    fn ideographic_spaces_are_whitespace_of_their_own_width() {
        let space = RawLen::of("\u{3000}");
        assert_eq!(space.then(RawLen::of(" ")).then(space).trimmed(), 0);
        let text = space
            .then(RawLen::of("記事"))
            .then(space)
            .then(RawLen::of(" "));
        assert_eq!(text.trimmed(), 4);
    }

    fn read_html(html: &str) -> Page {
        let dom = parse_str(html).unwrap();
        read_page(&dom, Some(URL))
    }

    /// A paragraph of prose in one of several languages, long enough to count.
    fn prose(lang: &str) -> &'static str {
        match lang {
            "de" => "Die Stadtverwaltung hat am Dienstagabend erneut über die Zukunft des Hafens beraten, \
                während Anwohnerinnen und Anwohner den Saal bis auf den letzten Platz füllten und die \
                Debatte bis spät in die Nacht dauerte. ",
            "fr" => "Le conseil municipal s'est réuni mardi soir pour débattre de l'avenir du port, du \
                phare et des horaires du bac, devant une salle comble où les habitants ont pris la \
                parole jusque tard dans la nuit. ",
            "es" => "El ayuntamiento volvió a reunirse el martes por la noche para debatir el futuro del \
                puerto, del faro y de los horarios del transbordador, con los vecinos llenando la sala \
                hasta bien entrada la noche. ",
            "ja" => "市議会は火曜日の夜、港と灯台、そしてフェリーの時刻表の将来について再び話し合った。\
                会場は住民で埋まり、議論は夜遅くまで続いた。住民の多くは、冬の間の運航本数を減らす案に\
                強く反対し、代わりに小型の船を導入するよう求めた。市は来月までに新しい案を示すという。",
            _ => "The council met again on Tuesday evening to discuss the future of the harbour, the \
                lighthouse and the ferry timetable, with residents filling the hall and the debate \
                running late into the night. ",
        }
    }

    fn paragraphs(lang: &str, n: usize) -> String {
        (0..n)
            .map(|_| format!("<p>{0}{0}</p>", prose(lang)))
            .collect()
    }

    /// Cards of a grid: a picture, a name and a link, with a price when `price` says so.
    fn cards(n: usize, price: impl Fn(usize) -> Option<String>) -> String {
        (0..n)
            .map(|i| {
                let price = price(i).map(|p| format!("<span class=\"pr_{i}q\">{p}</span>"));
                format!(
                    "<div class=\"x_{i}Zq\"><a href=\"/p/{i}\"><img src=\"/i/{i}.jpg\" alt=\"\">\
                     <span>Item number {i}</span></a>{}</div>",
                    price.unwrap_or_default()
                )
            })
            .collect()
    }

    const ARTICLE_JSON_LD: &str = r#"<script type="application/ld+json">{"@context":"https://schema.org",
        "@type":"NewsArticle","headline":"H","datePublished":"2026-03-01"}</script>"#;

    #[test]
    fn declared_product_is_a_product() {
        let html = format!(
            r#"<head><title>Zapatilla</title><script type="application/ld+json">{{"@context":
            "https://schema.org","@type":"Product","name":"Zapatilla","offers":{{"@type":"Offer",
            "price":"59.90"}}}}</script></head><body><main>{}</main></body>"#,
            paragraphs("es", 3)
        );
        let page = read_html(&html);
        assert_eq!(
            (page.kind, page.reason),
            (PageKind::Product, Some(Reason::DeclaredProduct))
        );
        let og = format!(
            "<head><meta property=\"og:type\" content=\"product\"></head><body>{}</body>",
            paragraphs("de", 2)
        );
        assert_eq!(read_html(&og).reason, Some(Reason::DeclaredProduct));
    }

    #[test]
    fn a_review_of_a_product_is_an_article() {
        // The product is what the review is about, nested in it: not what the page is.
        let html = format!(
            r#"<head><script type="application/ld+json">{{"@type":"Review","itemReviewed":
            {{"@type":"Product","name":"Kettle"}},"author":{{"@type":"Person","name":"Ann Lee"}}}}
            </script></head><body><article>{}</article></body>"#,
            paragraphs("en", 5)
        );
        assert_eq!(read_html(&html).kind, PageKind::Article);
    }

    #[test]
    fn a_paywalled_work_is_no_product() {
        // News sites' subscription markup: a work that is also a "product", its types written
        // with a URL-encoded space.
        let html = format!(
            "<body><span itemprop=\"isPartOf\" itemscope itemtype=\"http://schema.org/CreativeWork%20http://schema.org/Product\">\
             <meta itemprop=\"name\" content=\"The Daily\"></span><div>{}</div></body>",
            paragraphs("en", 4)
        );
        assert_eq!(read_html(&html).kind, PageKind::Article);
        let sold = html.replace("CreativeWork%20http://schema.org/", "");
        assert_eq!(read_html(&sold).reason, Some(Reason::DeclaredProduct));
    }

    #[test]
    fn declared_collections_and_search_results_are_listings() {
        for t in ["CollectionPage", "SearchResultsPage", "ItemList"] {
            let html = format!(
                r#"<head><script type="application/ld+json">{{"@graph":[{{"@type":"{t}"}}]}}</script>
                </head><body><main><h1>Résultats</h1>{}</main></body>"#,
                paragraphs("fr", 1)
            );
            let page = read_html(&html);
            assert_eq!(
                (page.kind, page.reason),
                (PageKind::Listing, Some(Reason::DeclaredList)),
                "{t}"
            );
        }
    }

    #[test]
    fn a_page_with_a_cart_button_and_little_prose_is_a_product() {
        // Hashed classes, French labels: the button is known by its words.
        let html = format!(
            "<body><main class=\"m_8fQ\"><h1>Théière en fonte</h1><span class=\"p_2x\">39,90 €</span>\
             <select class=\"s_Yt\"><option>0,8 L</option><option>1,2 L</option></select>\
             <input type=\"number\" value=\"1\"><button class=\"b_k1\">Ajouter au panier</button>\
             {}</main></body>",
            paragraphs("fr", 1)
        );
        let page = read_html(&html);
        assert_eq!(
            (page.kind, page.reason),
            (PageKind::Product, Some(Reason::CartControl))
        );
    }

    #[test]
    fn a_blog_post_with_a_product_box_inside_is_an_article() {
        let html = format!(
            "<head>{ARTICLE_JSON_LD}</head><body><article><h1>Our week in the mountains</h1>{}\
             <div class=\"q_7p\"><img src=\"/boots.jpg\" alt=\"\"><b>Trail boots</b><span>$129</span>\
             <button class=\"add-to-cart\">Add to cart</button></div>{}</article></body>",
            paragraphs("en", 3),
            paragraphs("en", 3)
        );
        assert_eq!(read_html(&html).kind, PageKind::Article);
    }

    #[test]
    fn a_grid_of_priced_cards_is_a_listing() {
        let html = format!(
            "<body><main><h1>急須</h1><p>{}</p><div class=\"g_Rt\">{}</div></main></body>",
            prose("ja"),
            cards(12, |i| Some(format!("¥{},800", 2 + i)))
        );
        let page = read_html(&html);
        assert_eq!(
            (page.kind, page.reason),
            (PageKind::Listing, Some(Reason::PricedCards))
        );
    }

    #[test]
    fn an_article_about_shopping_that_mentions_prices_is_an_article() {
        let shopping = "At the market the teapots cost €35 and the cups €4 each, and the stall \
            holder, who has sold pottery there for thirty years, says the prices have not moved \
            since before the pandemic, even though clay and firing now cost twice as much. ";
        let html = format!(
            "<body><article><h1>A morning at the market</h1>{}</article></body>",
            (0..6)
                .map(|_| format!("<p>{shopping}</p><p><span>€35</span></p>"))
                .collect::<String>()
        );
        assert_eq!(read_html(&html).kind, PageKind::Article);
    }

    #[test]
    fn a_grid_of_cards_without_prices_is_a_listing() {
        // A section front without class names: pictures and titles, one line of intro.
        let html = format!(
            "<body><main><h1>Reisen</h1><p>Alle Geschichten.</p><div>{}</div></main></body>",
            cards(9, |_| None)
        );
        assert_eq!(read_html(&html).reason, Some(Reason::CardGrid));
    }

    #[test]
    fn teasers_in_each_story_s_own_header_are_content_not_chrome() {
        // A section front (Spanish, hashed classes) whose stories keep title and summary in
        // their `<header>`; the page's own header holds linked headings too, which stay chrome.
        let menu: String = (0..6)
            .map(|i| format!("<h3><a href=\"/seccion/{i}\">Sección {i}</a></h3>"))
            .collect();
        let stories: String = (0..8)
            .map(|i| {
                format!(
                    "<article class=\"r_{i}Qa\"><header><h2><a href=\"/n/{i}\">Noticia {i}</a></h2>\
                     <p class=\"ds_x\">{}</p></header><footer><a href=\"/autor/{i}\">Autora</a></footer></article>",
                    prose("es")
                )
            })
            .collect();
        let html = format!("<body><header>{menu}</header><main>{stories}</main></body>");
        assert_eq!(read_html(&html).kind, PageKind::Listing);
        // A story whose header holds its title and byline, under a site header of linked
        // headings, is still a story.
        let story = format!(
            "<body><header>{menu}</header><main><article><header><h1>Noticia</h1>\
             <p>Por <a href=\"/autor/1\">Ana Ruiz</a></p></header>{}</article></main></body>",
            paragraphs("es", 4)
        );
        assert_eq!(read_html(&story).kind, PageKind::Article);
    }

    #[test]
    fn a_teaser_whose_title_and_summary_sit_in_wrappers_of_their_own_is_a_teaser() {
        // Hashed classes, German: each story's linked title and long summary are two and three
        // levels below the story's block.
        let stories: String = (0..8)
            .map(|i| {
                format!(
                    "<div class=\"s_{i}Kp\"><div class=\"hd_1\"><h3><a href=\"/reise/{i}\">Reise {i}</a></h3></div>\
                     <div class=\"bd_2\"><div class=\"in_3\"><p>{0}{0}{0}</p></div></div></div>",
                    prose("de")
                )
            })
            .collect();
        let page = read_html(&format!(
            "<body><main><h1>Reisen</h1><div>{stories}</div></main></body>"
        ));
        assert_eq!(
            (page.kind, page.reason),
            (PageKind::Listing, Some(Reason::Teasers))
        );
    }

    #[test]
    fn an_article_with_more_stories_beside_it_is_an_article() {
        let html = format!(
            "<head>{ARTICLE_JSON_LD}</head><body><article>{}</article>\
             <section><h2>Mehr aus Reisen</h2><div>{}</div></section></body>",
            paragraphs("de", 3),
            cards(12, |_| None)
        );
        assert_eq!(read_html(&html).kind, PageKind::Article);
    }

    #[test]
    fn documentation_with_a_table_of_contents_and_a_table_of_options_is_an_article() {
        let toc: String = (0..14)
            .map(|i| format!("<h2>{i}. <a href=\"/book/ch{i}\">Chapter {i}</a></h2>"))
            .collect();
        let options: String = (0..20)
            .map(|i| format!("<tr><td><code>--opt-{i}</code></td><td>Sets option {i}.</td></tr>"))
            .collect();
        let html = format!(
            "<body><div class=\"sidebar-toc\">{toc}</div><div id=\"content\"><h1>Options</h1>\
             <h2>Usage</h2>{}<table>{options}</table><h2>Examples</h2>{}</div></body>",
            paragraphs("en", 2),
            paragraphs("en", 2)
        );
        assert_eq!(read_html(&html).kind, PageKind::Article);
    }

    #[test]
    fn a_shop_page_that_links_to_its_basket_is_a_product() {
        let html = format!(
            "<body><header><a href=\"/warenkorb\">Warenkorb (0)</a></header><main><h1>Versand</h1>{}\
             </main></body>",
            paragraphs("de", 1)
        );
        assert_eq!(read_html(&html).reason, Some(Reason::ShopPage));
        // A long story on a newspaper's site with a shop is still a story.
        let story = format!(
            "<body><header><a href=\"/shop/cart\">Basket</a></header><article>{}</article></body>",
            paragraphs("en", 6)
        );
        assert_eq!(read_html(&story).kind, PageKind::Article);
    }

    #[test]
    fn a_site_root_is_a_home_page() {
        let html = format!("<body>{}</body>", paragraphs("en", 4));
        let dom = parse_str(&html).unwrap();
        for url in [
            "https://news.example/",
            "https://news.example/en-gb/",
            "https://x.example",
        ] {
            assert_eq!(read_page(&dom, Some(url)).kind, PageKind::Home, "{url}");
        }
        for url in [
            "https://news.example/2026/story",
            "https://news.example/en/story",
        ] {
            assert_eq!(read_page(&dom, Some(url)).kind, PageKind::Article, "{url}");
        }
    }

    #[test]
    fn a_paragraph_in_japanese_counts_as_long_as_its_english_twin() {
        let ja = prose("ja");
        assert!(ja.trim().chars().count() < SCORED_PARAGRAPH_CHARS as usize);
        let html = format!(
            "<body><article>{}</article></body>",
            format!("<p>{ja}</p>").repeat(4)
        );
        let page = read_html(&html);
        assert_eq!(page.kind, PageKind::Article);
        assert!(page.prose_score > 20.0, "{page:?}");
    }

    #[test]
    fn raw_lengths_combine_like_trimmed_text() {
        let pieces = ["  a b ", "", " ", "c  ", "\n", "d", "é  ü"];
        for split in 0..=pieces.len() {
            let whole: String = pieces[..split].concat();
            let combined = pieces[..split]
                .iter()
                .fold(RawLen::default(), |acc, p| acc.then(RawLen::of(p)));
            assert_eq!(
                combined.trimmed() as usize,
                whole.trim().chars().count(),
                "{whole:?}"
            );
        }
    }

    #[test]
    fn prices_are_short_texts_with_a_currency_sign_beside_a_digit() {
        assert!(is_price("€49.99") && is_price("1 200 $") && is_price("¥3,000"));
        assert!(!is_price("$") && !is_price("USD") && !is_price("Step 3: $HOME"));
    }
}

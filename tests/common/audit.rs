//! The reader view's pictures and embeds, audited on one page: what the reader HTML shows
//! against what the page has. Shared by the corpus test (`tests/reader_corpus_audit.rs`) and the
//! audit command (`cargo run --example audit`), which prints the same counts per page.
//!
//! The checks read the reader HTML the way a browser would (re-parsed), and the page with their
//! own, simpler rules where they can, so that a blind spot of the core is not mirrored here:
//! - the lead picture is shown once: the lead image is not also in the body (at another size or
//!   address), and no picture is repeated side by side in the body;
//! - every embed of a known video or audio provider that the article shows becomes a card;
//! - no figure keeps a caption without its picture, where the page's figure had one;
//! - a picture whose size the page states carries it, and no spacer is shown.

use tidyread::dom::{Dom, NodeData, NodeId};
use tidyread::{Article, Options};

/// Hosts whose frames are video or audio players, as a plain list: the core's recognition is
/// checked against it, not by itself.
const PLAYER_HOSTS: &[&str] = &[
    "youtube.com/embed/",
    "youtube-nocookie.com/embed/",
    "player.vimeo.com/video/",
    "dailymotion.com/embed/video/",
    "open.spotify.com/embed",
    "w.soundcloud.com/player",
    "embed.ted.com/talks/",
    "player.twitch.tv/",
    "streamable.com/e/",
];

/// Elements whose pictures stand apart from those before them.
const SEPARATE: &[&str] = &["td", "th", "li", "dt", "dd", "figure", "caption"];

/// What one page's reader HTML does with its pictures and embeds.
#[derive(Clone, Debug, Default)]
pub struct PageAudit {
    /// Pictures (`<img>`) in the reader HTML.
    pub pictures: usize,
    /// The lead image is also in the body.
    pub lead_twice: bool,
    /// ... at the very same address (which the reader view's script used to catch by itself).
    pub lead_same_address: bool,
    /// Pictures shown twice in a row, nothing between them.
    pub repeated: usize,
    /// Known players inside the article's element on the page (shown there, not hidden), each
    /// player once: the same one twice side by side is one card.
    pub embeds: usize,
    /// Cards in the reader HTML.
    pub cards: usize,
    /// Of the players in the article, those without a card.
    pub uncarded: usize,
    /// Figures whose caption the reader shows without the picture the page's figure has.
    pub bare_captions: usize,
    /// Pictures whose width and height the page states.
    pub sized_on_page: usize,
    /// Of those, pictures shown without them.
    pub size_lost: usize,
    /// Spacers shown as pictures.
    pub spacers: usize,
    /// Descriptions of each problem, for the report.
    pub problems: Vec<String>,
}

impl PageAudit {
    /// Problems that fail the audit: every count that must be zero, and embeds not carded.
    pub fn failures(&self) -> usize {
        usize::from(self.lead_twice)
            + self.repeated
            + self.uncarded
            + self.bare_captions
            + self.size_lost
            + self.spacers
    }
}

/// Audits one page: `dom` is the page, `article` what the core made of it.
pub fn audit(dom: &Dom, article: &Article, options: &Options) -> PageAudit {
    let mut a = PageAudit::default();
    let reader = match tidyread::dom::parse::parse_str(&format!(
        "<!DOCTYPE html><html><body>{}</body></html>",
        article.content
    )) {
        Ok(d) => d,
        Err(e) => {
            a.problems.push(format!("reader HTML does not parse: {e}"));
            return a;
        }
    };
    let body = reader.body().unwrap_or(NodeId::ROOT);
    let images: Vec<NodeId> = reader
        .descendants(body)
        .filter(|&n| reader.is(n, "img"))
        .collect();
    a.pictures = images.len();
    let sources = |n: NodeId| -> Vec<String> {
        let mut out: Vec<String> = reader
            .attr(n, "src")
            .map(str::to_owned)
            .into_iter()
            .collect();
        if let Some(set) = reader.attr(n, "srcset") {
            out.extend(
                set.split(',')
                    .filter_map(|c| c.split_whitespace().next())
                    .map(str::to_owned),
            );
        }
        out
    };

    if let Some(lead) = &article.lead_image {
        if let Some(img) = images.iter().find(|&&n| {
            sources(n)
                .iter()
                .any(|s| tidyread::picture::likely_same_picture(lead, s))
        }) {
            a.lead_twice = true;
            a.lead_same_address = sources(*img).iter().any(|s| s == lead);
            a.problems.push(format!(
                "lead image {lead} is also in the body as {}",
                reader.attr(*img, "src").unwrap_or("")
            ));
        }
    }

    // Side by side: consecutive pictures with no text between them, in one cell, item or
    // figure (a table of status icons repeats one picture on purpose).
    let mut previous: Option<(NodeId, usize)> = None;
    let mut text_seen = 0usize;
    for n in reader.descendants(body) {
        match reader.data(n) {
            NodeData::Text(t) => text_seen += t.trim().len(),
            NodeData::Element(_) if matches!(reader.tag(n), Some(t) if SEPARATE.contains(&t)) => {
                previous = None
            }
            NodeData::Element(_) if reader.is(n, "img") => {
                if let Some((p, seen)) = previous {
                    // The same address, or one picture at two sizes.
                    let (was, is) = (
                        reader.attr(p, "src").unwrap_or(""),
                        reader.attr(n, "src").unwrap_or(""),
                    );
                    let same = was == is
                        || (tidyread::picture::same_picture(was, is)
                            && tidyread::picture::rendition_size(was)
                                != tidyread::picture::rendition_size(is));
                    if same && seen == text_seen {
                        a.repeated += 1;
                        a.problems.push(format!(
                            "picture repeated: {}",
                            reader.attr(n, "src").unwrap_or("")
                        ));
                    }
                }
                previous = Some((n, text_seen));
            }
            _ => {}
        }
    }

    let cards: Vec<&str> = reader
        .descendants(body)
        .filter_map(|n| reader.attr(n, "data-player"))
        .collect();
    a.cards = cards.len();
    let mut players: Vec<String> = Vec::new();
    let page_root = article.root;
    for n in dom.descendants(page_root) {
        let Some(el) = dom.element(n) else { continue };
        if !matches!(&*el.name, "iframe" | "embed" | "object") || hidden(dom, n) {
            continue;
        }
        let listed = el
            .attrs
            .iter()
            .any(|at| PLAYER_HOSTS.iter().any(|h| at.value.contains(h)));
        match tidyread::embed::of_element(dom, n, None) {
            Some(embed) if !players.contains(&embed.player) => players.push(embed.player),
            Some(_) => {}
            None if listed => {
                a.embeds += 1;
                a.uncarded += 1;
                a.problems.push(format!(
                    "player not recognised: {}",
                    el.attr("src").unwrap_or_default()
                ));
            }
            None => {}
        }
    }
    a.embeds += players.len();
    for player in players.iter().filter(|p| !cards.contains(&p.as_str())) {
        a.uncarded += 1;
        a.problems.push(format!("player without a card: {player}"));
    }

    for fig in reader.descendants(body).filter(|&n| reader.is(n, "figure")) {
        let Some(caption) = reader
            .descendants(fig)
            .find(|&n| reader.is(n, "figcaption"))
            .map(|c| tidyread::text::normalize_space(&reader.text_content(c)))
            .filter(|c| !c.is_empty())
        else {
            continue;
        };
        let shows = reader
            .descendants(fig)
            .any(|n| reader.is(n, "img") || reader.attr(n, "data-player").is_some());
        if !shows && page_has_pictured_figure(dom, &caption) {
            a.bare_captions += 1;
            a.problems
                .push(format!("caption without its picture: {caption:.60}"));
        }
    }

    let base = options
        .url
        .as_deref()
        .and_then(tidyread::url::BaseUrl::parse);
    for n in dom.descendants(page_root) {
        let Some(el) = dom.element(n) else { continue };
        if !el.is("img") || hidden(dom, n) {
            continue;
        }
        let px = |name| el.attr(name).and_then(tidyread::picture::pixels);
        let (Some(w), Some(h)) = (px("width"), px("height")) else {
            continue;
        };
        let Some(src) = tidyread::extract::image_sources(el).0.and_then(|s| {
            tidyread::sanitize::safe_url(&s, base.as_ref(), tidyread::sanitize::UrlUse::Image)
        }) else {
            continue;
        };
        if w <= 2 || h <= 2 {
            continue;
        }
        let Some(&shown) = images
            .iter()
            .find(|&&i| reader.attr(i, "src") == Some(src.as_str()))
        else {
            continue;
        };
        a.sized_on_page += 1;
        if reader.attr(shown, "width").is_none() || reader.attr(shown, "height").is_none() {
            a.size_lost += 1;
            a.problems.push(format!("size {w}×{h} lost: {src}"));
        }
    }

    for &n in &images {
        let px = |name| reader.attr(n, name).and_then(tidyread::picture::pixels);
        let src = reader.attr(n, "src").unwrap_or("");
        if tidyread::picture::is_spacer(src, px("width"), px("height")) {
            a.spacers += 1;
            a.problems.push(format!("spacer shown: {src:.80}"));
        }
    }
    a
}

/// Hidden by markup on the page: `hidden`, `aria-hidden`, or an inline `display:none`, on the
/// node or an ancestor.
fn hidden(dom: &Dom, id: NodeId) -> bool {
    std::iter::once(id).chain(dom.ancestors(id)).any(|n| {
        dom.element(n).is_some_and(|el| {
            el.attr("hidden").is_some()
                || el.attr("aria-hidden") == Some("true")
                || el.attr("style").is_some_and(|s| {
                    let s = tidyread::text::compact_style(s);
                    s.contains("display:none") || s.contains("visibility:hidden")
                })
        })
    })
}

/// True when the page has a figure with this caption and a picture or player in it: an image
/// with an address (a lazy one's too), not a placeholder drawn by a script.
fn page_has_pictured_figure(dom: &Dom, caption: &str) -> bool {
    let real_image = |n: NodeId| {
        dom.element(n).is_some_and(|el| {
            el.is("img")
                && tidyread::extract::image_sources(el).0.is_some_and(|s| {
                    tidyread::sanitize::safe_url(&s, None, tidyread::sanitize::UrlUse::Image)
                        .is_some_and(|s| !tidyread::picture::is_spacer(&s, None, None))
                })
        })
    };
    dom.descendants(NodeId::ROOT)
        .filter(|&n| dom.is(n, "figure"))
        .any(|fig| {
            let captioned = dom
                .descendants(fig)
                .filter(|&c| dom.is(c, "figcaption"))
                .any(|c| tidyread::text::normalize_space(&dom.text_content(c)) == caption);
            captioned
                && dom.descendants(fig).any(|n| {
                    real_image(n)
                        || tidyread::embed::of_element(dom, n, None).is_some()
                        || (dom.is(n, "noscript") && dom.text_content(n).contains("<img"))
                })
        })
}

/// Counts over many pages.
#[derive(Clone, Debug, Default)]
pub struct Totals {
    pub pages: usize,
    pub pictures: usize,
    pub lead_twice: usize,
    pub lead_same_address: usize,
    pub repeated: usize,
    pub embeds: usize,
    pub cards: usize,
    pub embeds_missing: usize,
    pub bare_captions: usize,
    pub sized_on_page: usize,
    pub size_lost: usize,
    pub spacers: usize,
}

impl Totals {
    pub fn add(&mut self, a: &PageAudit) {
        self.pages += 1;
        self.pictures += a.pictures;
        self.lead_twice += usize::from(a.lead_twice);
        self.lead_same_address += usize::from(a.lead_same_address);
        self.repeated += a.repeated;
        self.embeds += a.embeds;
        self.cards += a.cards;
        self.embeds_missing += a.uncarded;
        self.bare_captions += a.bare_captions;
        self.sized_on_page += a.sized_on_page;
        self.size_lost += a.size_lost;
        self.spacers += a.spacers;
    }

    pub fn summary(&self) -> String {
        format!(
            "{} pages, {} pictures shown\n\
             lead picture twice: {} pages ({} at the same address); pictures repeated side by side: {}\n\
             players in articles: {}, cards: {}, players without a card: {}\n\
             captions without their picture: {}\n\
             pictures with a stated size: {}, shown without it: {}; spacers shown: {}",
            self.pages,
            self.pictures,
            self.lead_twice,
            self.lead_same_address,
            self.repeated,
            self.embeds,
            self.cards,
            self.embeds_missing,
            self.bare_captions,
            self.sized_on_page,
            self.size_lost,
            self.spacers
        )
    }
}

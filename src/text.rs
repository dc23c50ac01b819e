//! Small text measures shared by the heuristics.

/// Collapses runs of whitespace into one space and trims the ends.
pub fn normalize_space(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// An inline style as its declarations are compared (`display:none`): without whitespace, ASCII
/// lower-cased, in one allocation. Only CSS's whitespace goes, which is ASCII: the style is read
/// as bytes.
pub fn compact_style(style: &str) -> String {
    let mut compact = Vec::with_capacity(style.len());
    compact.extend(
        style
            .bytes()
            .filter(|&b| !(b == b' ' || (b'\t'..=b'\r').contains(&b)))
            .map(|b| b.to_ascii_lowercase()),
    );
    // Only ASCII bytes were dropped or changed: still UTF-8.
    String::from_utf8(compact).unwrap_or_default()
}

/// Words, counted as whitespace-separated runs; CJK text counts each ideograph, since it has no
/// spaces between words.
pub fn word_count(s: &str) -> usize {
    s.split_whitespace()
        .map(|w| {
            if w.is_ascii() {
                return 1;
            }
            let cjk = w.chars().filter(|&c| is_cjk(c)).count();
            if cjk > 0 {
                cjk + usize::from(w.chars().any(|c| !is_cjk(c) && c.is_alphanumeric()))
            } else {
                1
            }
        })
        .sum()
}

/// Whether `needle` occurs in `hay`. On x86-64, `str::contains` checks short needles with SIMD;
/// elsewhere, wasm32 among them, it first sets up a Two-Way searcher, which costs more than the
/// search itself on the short words and names the heuristics look for (a tenth of the wasm's
/// `analyze` on some pages): there each place where the needle's first byte stands is compared.
pub fn contains(hay: &str, needle: &str) -> bool {
    if cfg!(target_arch = "x86_64") {
        hay.contains(needle)
    } else {
        contains_at_first_bytes(hay.as_bytes(), needle.as_bytes())
    }
}

/// Whether `needle` occurs in `hay`, compared wherever `needle`'s first byte stands: at most
/// `needle.len()` times the work of a scan, which is small for the constant words looked for.
fn contains_at_first_bytes(hay: &[u8], needle: &[u8]) -> bool {
    let Some((&first, rest)) = needle.split_first() else {
        return true;
    };
    hay.len() >= needle.len()
        && hay[..=hay.len() - needle.len()]
            .iter()
            .enumerate()
            .any(|(i, &b)| b == first && hay[i + 1..i + needle.len()] == *rest)
}

pub fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
}

/// Commas in any script; text with commas reads like prose.
pub fn comma_count(s: &str) -> usize {
    let ascii_commas = |ascii: &str| ascii.bytes().filter(|&b| b == b',').count();
    if s.is_ascii() {
        return ascii_commas(s);
    }
    ascii_stretches(s)
        .map(|(ascii, other)| {
            ascii_commas(ascii)
                + other
                    .chars()
                    .filter(|&c| {
                        matches!(c, '،' | '、' | '，' | '﹐' | '︐' | '︑' | '⹁' | '⸴' | '⸲')
                    })
                    .count()
        })
        .sum()
}

/// Splits text into stretches of ASCII, each with the stretch of other characters after it.
/// Most of a page is ASCII, much of it long scripts with the odd quotation mark inside: its
/// stretches can be read over bytes, in loops the compiler vectorises, and only the rest decoded.
pub fn ascii_stretches(s: &str) -> impl Iterator<Item = (&str, &str)> {
    let mut rest = s;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let ascii = ascii_prefix_len(rest);
        // An ASCII byte is always a character of its own.
        let other = rest.as_bytes()[ascii..]
            .iter()
            .position(u8::is_ascii)
            .map_or(rest.len(), |p| ascii + p);
        let stretches = (&rest[..ascii], &rest[ascii..other]);
        rest = &rest[other..];
        Some(stretches)
    })
}

/// The length of the ASCII that `s` starts with, checked a chunk at a time (`is_ascii` reads
/// words, not bytes).
fn ascii_prefix_len(s: &str) -> usize {
    const CHUNK: usize = 64;
    let mut len = 0;
    for chunk in s.as_bytes().chunks(CHUNK) {
        if !chunk.is_ascii() {
            return len + chunk.iter().take_while(|b| b.is_ascii()).count();
        }
        len += chunk.len();
    }
    len
}

/// Shortens `s` to at most `max` characters at a word boundary, with an ellipsis.
pub fn excerpt(s: &str, max: usize) -> String {
    let s = normalize_space(s);
    if s.chars().count() <= max {
        return s;
    }
    let cut: String = s.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > max / 2 => &cut[..i],
        _ => &cut,
    };
    format!("{cut}…")
}

/// Two strings this similar (share of the second's words found in the first) say the same thing.
pub const SAME_TEXT_SIMILARITY: f64 = 0.75;

/// How much of `b` is also in `a`: 1.0 when every word of `b` appears in `a`.
pub fn similarity(a: &str, b: &str) -> f64 {
    let tokens = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric() && c != '_')
            .filter(|t| !t.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (ta, tb) = (tokens(a), tokens(b));
    if ta.is_empty() || tb.is_empty() {
        return 0.0;
    }
    let unique_b: Vec<&String> = tb.iter().filter(|t| !ta.contains(t)).collect();
    let joined_len = |v: &[&String]| {
        v.iter().map(|t| t.chars().count()).sum::<usize>() + v.len().saturating_sub(1)
    };
    let all_b: Vec<&String> = tb.iter().collect();
    1.0 - joined_len(&unique_b) as f64 / joined_len(&all_b) as f64
}

/// Decodes the entities publishers double-escape in metadata (`&amp;quot;` arrives as `&quot;`).
pub fn unescape_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        // Bytes, not a string slice: the twelfth byte may fall inside a character.
        let Some(semi) = rest.as_bytes()[..rest.len().min(12)]
            .iter()
            .position(|&b| b == b';')
        else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..semi];
        let decoded = match entity {
            "quot" => Some('"'),
            "amp" => Some('&'),
            "apos" => Some('\''),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "nbsp" => Some('\u{a0}'),
            _ => entity
                .strip_prefix("#x")
                .or_else(|| entity.strip_prefix("#X"))
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                .map(|n| {
                    char::from_u32(n)
                        .filter(|&c| c != '\0')
                        .unwrap_or('\u{FFFD}')
                }),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contains_at_first_bytes_agrees_with_str_contains() {
        let hays = [
            "",
            "a",
            "add-to-cart",
            "btn add_to_cart js-add",
            "Premiummitglied",
            "会員登録はこちら",
            "aaab",
        ];
        let needles = [
            "",
            "a",
            "cart",
            "add_to_cart",
            "mitglied",
            "登録",
            "aab",
            "aaaab",
            "t",
        ];
        for hay in hays {
            for needle in needles {
                assert_eq!(
                    contains_at_first_bytes(hay.as_bytes(), needle.as_bytes()),
                    hay.contains(needle),
                    "{needle:?} in {hay:?}"
                );
                assert_eq!(contains(hay, needle), hay.contains(needle));
            }
        }
    }

    #[test]
    fn unescaping_never_cuts_a_character() {
        // Found by tests/robustness.rs (soup seed 284): the twelfth byte fell inside a '�'.
        for s in [
            "&amp; \u{FFFD} \u{FFFD} x",
            "&abcdefghij\u{e9};",
            "&\u{1F600}\u{1F600}\u{1F600};",
        ] {
            let _ = unescape_entities(s);
        }
        assert_eq!(
            unescape_entities("&abcdefghij\u{e9};"),
            "&abcdefghij\u{e9};"
        );
    }

    #[test]
    fn unescapes_double_escaped_entities() {
        assert_eq!(
            unescape_entities("Tom &amp; &quot;Jerry&quot; &#39;x&#x27; &bogus;"),
            "Tom & \"Jerry\" 'x' &bogus;"
        );
    }

    #[test]
    fn measures() {
        assert_eq!(normalize_space("  a \n\t b  "), "a b");
        assert_eq!(word_count("one two  three"), 3);
        assert_eq!(word_count("日本語の文"), 5);
        assert_eq!(comma_count("a, b، c"), 2);
        assert_eq!(comma_count("一、二，三 ﹐四︐五︑“六⹁七⸴八⸲九’,"), 9);
        let stretches: Vec<_> = ascii_stretches("ab’“c d…").collect();
        assert_eq!(stretches, [("ab", "’“"), ("c d", "…")]);
        assert_eq!(excerpt("alpha beta gamma delta", 12), "alpha beta…");
    }

    #[test]
    fn similarity_counts_words_of_the_second() {
        assert!((similarity("the quick fox", "the quick fox") - 1.0).abs() < 1e-9);
        assert!(similarity("alpha", "beta") < 0.01);
    }
}

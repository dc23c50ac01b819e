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

/// Words, counted as whitespace-separated runs; CJK text counts each ideograph, since it has no
/// spaces between words.
pub fn word_count(s: &str) -> usize {
    s.split_whitespace()
        .map(|w| {
            let cjk = w.chars().filter(|&c| is_cjk(c)).count();
            if cjk > 0 {
                cjk + usize::from(w.chars().any(|c| !is_cjk(c) && c.is_alphanumeric()))
            } else {
                1
            }
        })
        .sum()
}

pub fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
}

/// Commas in any script; text with commas reads like prose.
pub fn comma_count(s: &str) -> usize {
    if s.is_ascii() {
        // Scripts and styles are long ASCII texts: counting bytes is many times faster.
        return s.bytes().filter(|&b| b == b',').count();
    }
    s.chars()
        .filter(|&c| {
            matches!(
                c,
                ',' | '،' | '、' | '，' | '﹐' | '︐' | '︑' | '⹁' | '⸴' | '⸲'
            )
        })
        .count()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures() {
        assert_eq!(normalize_space("  a \n\t b  "), "a b");
        assert_eq!(word_count("one two  three"), 3);
        assert_eq!(word_count("日本語の文"), 5);
        assert_eq!(comma_count("a, b، c"), 2);
        assert_eq!(excerpt("alpha beta gamma delta", 12), "alpha beta…");
    }
}

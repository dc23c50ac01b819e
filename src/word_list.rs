//! Word lists stored as one string each.
//!
//! A `&[&str]` keeps an address and a length (8 bytes in the wasm) beside every entry's text. The
//! declutter's labels, class words and names (some 500 entries) are read once, to build its lookup
//! tables, so they need no such index: [`word_list!`] joins a list's entries into one string at
//! compile time, and the source still reads as a list. Lists searched per node or per page stay
//! slices: walking a joined list is slower.

/// A list of words or phrases, its entries joined by `'\n'` (which no entry holds).
#[derive(Clone, Copy, Debug)]
pub struct WordList(&'static str);

impl WordList {
    /// The list of `joined`'s lines; [`word_list!`] writes it.
    pub const fn from_lines(joined: &'static str) -> WordList {
        WordList(joined)
    }

    /// The entries, in order.
    pub fn iter(self) -> Entries {
        Entries(Some(self.0))
    }
}

impl IntoIterator for WordList {
    type Item = &'static str;
    type IntoIter = Entries;

    fn into_iter(self) -> Entries {
        self.iter()
    }
}

/// A [`WordList`]'s entries; what is left of the list, `None` after the last entry.
#[derive(Clone, Debug)]
pub struct Entries(Option<&'static str>);

impl Iterator for Entries {
    type Item = &'static str;

    // Never inlined: the lists are read once, and one copy of this for every loop over a list is
    // smaller than `str::split` unrolled into each.
    #[inline(never)]
    fn next(&mut self) -> Option<&'static str> {
        let rest = self.0?;
        match rest.split_once('\n') {
            Some((entry, after)) => {
                self.0 = Some(after);
                Some(entry)
            }
            None => {
                self.0 = None;
                Some(rest)
            }
        }
    }
}

/// A [`WordList`] of the string literals given, written like an array: `word_list!["a", "b"]`.
macro_rules! word_list {
    ($first:literal $(, $rest:literal)* $(,)?) => {
        $crate::word_list::WordList::from_lines(concat!($first $(, "\n", $rest)*))
    };
}
pub(crate) use word_list;

#[cfg(test)]
mod tests {
    #[test]
    fn entries_come_back_in_order_and_whole() {
        let list = word_list!["most read", "trending now", "ad"];
        assert_eq!(
            list.iter().collect::<Vec<_>>(),
            ["most read", "trending now", "ad"]
        );
        assert_eq!(word_list!["only"].iter().collect::<Vec<_>>(), ["only"]);
    }
}

//! Name fragments searched all at once. Class and id names are read against dozens of
//! fragments each; most places in a name begin none of them, which two bytes tell.

/// Fragments (lower-case ASCII, two bytes or more) and the bits each stands for.
pub struct Fragments {
    /// Sorted: the fragments that begin with the same two bytes are side by side.
    sorted: Vec<(&'static str, u16)>,
    /// Bit `a * 256 + b` is set when some fragment begins with the bytes `a b`.
    first_two: Vec<u64>,
}

impl Fragments {
    pub fn new(mut fragments: Vec<(&'static str, u16)>) -> Fragments {
        fragments.sort_unstable_by_key(|&(f, _)| f);
        let mut first_two = vec![0u64; 65536 / 64];
        for (f, _) in &fragments {
            debug_assert!(f.len() >= 2, "fragment {f:?} is shorter than its index");
            let b = f.as_bytes();
            let k = usize::from(b[0]) * 256 + usize::from(b[1]);
            first_two[k / 64] |= 1 << (k % 64);
        }
        Fragments {
            sorted: fragments,
            first_two,
        }
    }

    /// The bits of every fragment found anywhere in `name` (lower-cased).
    pub fn found_in(&self, name: &[u8]) -> u16 {
        let mut bits = 0;
        for i in 0..name.len().saturating_sub(1) {
            let k = usize::from(name[i]) * 256 + usize::from(name[i + 1]);
            if self.first_two[k / 64] & (1 << (k % 64)) == 0 {
                continue;
            }
            let pair = &name[i..i + 2];
            let from = self.sorted.partition_point(|(f, _)| f.as_bytes() < pair);
            for &(fragment, bit) in self.sorted[from..]
                .iter()
                .take_while(|(f, _)| f.as_bytes().starts_with(pair))
            {
                if name[i..].starts_with(fragment.as_bytes()) {
                    bits |= bit;
                }
            }
        }
        bits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_fragment_anywhere_and_nothing_else() {
        let set = Fragments::new(vec![("ad", 1), ("-ad-", 2), ("banner", 4), ("bann", 8)]);
        assert_eq!(set.found_in(b"top-ad-banner"), 1 | 2 | 4 | 8);
        assert_eq!(set.found_in(b"headline"), 1);
        assert_eq!(set.found_in(b"bannister"), 8);
        assert_eq!(set.found_in(b"story"), 0);
        assert_eq!(set.found_in(b"a"), 0);
        assert_eq!(set.found_in(b""), 0);
    }
}

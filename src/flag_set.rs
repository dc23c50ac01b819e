//! Named flag sets: several yes/no facts about one thing, packed in one small integer.

/// Defines a set of named flags in an integer, one bit per flag in the order given:
///
/// ```ignore
/// flag_set! {
///     /// What a class name hints at.
///     pub struct Hints: u16 {
///         /// An ad container.
///         AD,
///         COMMENTS,
///     }
/// }
/// ```
///
/// Each flag is a constant set of one (`Hints::AD`); sets combine with `|` and are read with
/// [`has`](#method.has) (any flag of the other set).
macro_rules! flag_set {
    (
        $(#[$meta:meta])*
        $vis:vis struct $name:ident: $int:ty {
            $($(#[$flag_meta:meta])* $flag:ident),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
        $vis struct $name($int);

        #[allow(dead_code)]
        impl $name {
            $crate::flag_set::flag_set!(@flags $name 0u32; $($(#[$flag_meta])* $flag)*);

            /// No flag.
            pub const NONE: $name = $name(0);

            /// Whether the set holds any flag of `other`.
            pub const fn has(self, other: $name) -> bool {
                self.0 & other.0 != 0
            }

            pub const fn is_empty(self) -> bool {
                self.0 == 0
            }

            /// The flags of `self` that are not in `other`.
            pub const fn without(self, other: $name) -> $name {
                $name(self.0 & !other.0)
            }

            /// The flags in both sets.
            pub const fn and(self, other: $name) -> $name {
                $name(self.0 & other.0)
            }

            pub const fn bits(self) -> $int {
                self.0
            }

            pub const fn from_bits(bits: $int) -> $name {
                $name(bits)
            }
        }

        impl std::ops::BitOr for $name {
            type Output = $name;
            fn bitor(self, other: $name) -> $name {
                $name(self.0 | other.0)
            }
        }

        impl std::ops::BitOrAssign for $name {
            fn bitor_assign(&mut self, other: $name) {
                self.0 |= other.0;
            }
        }
    };
    (@flags $name:ident $bit:expr; ) => {};
    (@flags $name:ident $bit:expr; $(#[$flag_meta:meta])* $flag:ident $($rest:tt)*) => {
        $(#[$flag_meta])*
        pub const $flag: $name = $name(1 << ($bit));
        $crate::flag_set::flag_set!(@flags $name $bit + 1; $($rest)*);
    };
}

pub(crate) use flag_set;

#[cfg(test)]
mod tests {
    flag_set! {
        /// Three flags.
        struct Three: u8 {
            /// The first.
            A,
            B,
            C,
        }
    }

    #[test]
    fn flags_are_bits_in_order() {
        assert_eq!(
            (Three::A.bits(), Three::B.bits(), Three::C.bits()),
            (1, 2, 4)
        );
        let mut set = Three::A | Three::C;
        assert!(set.has(Three::C) && !set.has(Three::B));
        assert!(set.has(Three::B | Three::C), "any flag of the other set");
        set |= Three::B;
        assert_eq!(set.without(Three::A), Three::B | Three::C);
        assert_eq!(set.and(Three::A | Three::B), Three::A | Three::B);
        assert!(Three::NONE.is_empty() && Three::default().is_empty());
    }
}

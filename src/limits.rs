//! Bounds that keep hostile or giant pages from costing unbounded time or memory.

/// Largest HTML input, in bytes, the native door parses.
pub const MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;
/// Most nodes a document may have; the largest real pages have a few tens of thousands.
pub const MAX_NODES: usize = 1_000_000;
/// Most attributes one element may have in HTML the native door parses. The parser compares each
/// attribute's name with the ones before it, so a tag's cost grows with the square of its count;
/// real pages have a few dozen at most.
pub const MAX_ATTRIBUTES_PER_ELEMENT: usize = 1_000;

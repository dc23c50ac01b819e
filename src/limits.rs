//! Bounds that keep hostile or giant pages from costing unbounded time or memory.

/// Largest HTML input, in bytes, the native door parses.
pub const MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;
/// Most nodes a document may have; the largest real pages have a few tens of thousands.
pub const MAX_NODES: usize = 1_000_000;

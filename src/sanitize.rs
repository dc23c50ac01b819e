//! The allowlist for reader HTML.

//! The cheap "is this an article?" check.

use serde::Serialize;

use crate::dom::Dom;

#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Readerable {
    pub score: f64,
    pub readerable: bool,
}

pub fn check(_dom: &Dom) -> Readerable {
    Readerable { score: 0.0, readerable: false }
}

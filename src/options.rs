//! What a caller tells the core besides the document.

/// What the caller knows and wants beyond the document itself.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The page's address: links and images are made absolute against it (or its `<base>`).
    pub url: Option<String>,
    /// Keep comment sections when decluttering.
    pub keep_comments: bool,
}

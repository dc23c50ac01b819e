//! Errors as types: one variant per failure, each with the numbers that explain it.

use std::fmt;

/// The input is not a document the core can work on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InputError {
    /// Nothing but whitespace.
    Empty,
    /// NUL or control bytes: an image, an archive, not HTML.
    Binary,
    /// Larger than the core accepts.
    TooLarge { bytes: usize, max: usize },
    /// More nodes than the core accepts.
    TooManyNodes { found: usize, max: usize },
    /// An element with more attributes than the core accepts.
    TooManyAttributes { found: usize, max: usize },
    /// A browser snapshot that does not follow the wire format.
    MalformedSnapshot(&'static str),
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Empty => write!(f, "the input is empty"),
            InputError::Binary => write!(f, "the input looks like binary data, not HTML"),
            InputError::TooLarge { bytes, max } => {
                write!(f, "the input is too large ({bytes} bytes, maximum {max})")
            }
            InputError::TooManyNodes { found, max } => {
                write!(f, "too many nodes (found {found}, maximum {max})")
            }
            InputError::TooManyAttributes { found, max } => {
                write!(
                    f,
                    "an element has too many attributes (found {found}, maximum {max})"
                )
            }
            InputError::MalformedSnapshot(why) => write!(f, "malformed page snapshot: {why}"),
        }
    }
}

impl std::error::Error for InputError {}

/// The document was read, but holds no article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExtractError {
    /// The document has no `<body>` or nothing in it.
    NoBody,
    /// The best candidate has too little text to be an article.
    TooLittleText { chars: usize, min: usize },
}

impl fmt::Display for ExtractError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExtractError::NoBody => write!(f, "no article found: the page has no body"),
            ExtractError::TooLittleText { chars, min } => write!(
                f,
                "no article found: the best candidate has {chars} characters of text (minimum {min})"
            ),
        }
    }
}

impl std::error::Error for ExtractError {}

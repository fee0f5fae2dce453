//! The one error type of the crate: caller limits and pages without an article.

/// Why an extraction gave no article.
///
/// Decoding never fails (bad bytes are replaced) and parsing always recovers, so every
/// variant is either a limit the caller set or the page itself having no article.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The page has no single article: a listing, home or category page, or an empty one.
    #[error("the page has no article ({reason})")]
    NoArticle {
        /// What was seen instead of an article, in a few words.
        reason: &'static str,
    },
    /// The input is larger than [`Extractor::max_input_bytes`](crate::Extractor::max_input_bytes).
    #[error("input of {size} bytes is over the limit of {limit} bytes")]
    InputTooLarge {
        /// Size of the input, in bytes.
        size: usize,
        /// The configured limit, in bytes.
        limit: usize,
    },
    /// The document has more element and text nodes than
    /// [`Extractor::max_nodes`](crate::Extractor::max_nodes).
    #[error("document has more than {limit} nodes")]
    TooManyNodes {
        /// The configured limit.
        limit: usize,
    },
    /// The document nests elements deeper than
    /// [`Extractor::max_depth`](crate::Extractor::max_depth).
    #[error("document nests deeper than {limit} elements")]
    TooDeep {
        /// The configured limit.
        limit: usize,
    },
}

//! The one error type of the crate: caller limits and pages without an article.

use crate::metadata::PageType;

/// What a page without an article is, in [`Error::NoArticle`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum NoArticleKind {
    /// A listing, home, section or tag page: many teasers, no single article.
    Listing,
    /// A page whose main text is shorter than
    /// [`Extractor::min_text_chars`](crate::Extractor::min_text_chars).
    TooShort,
    /// No bytes, or only white space.
    EmptyInput,
    /// Binary data (an image, an executable, an archive), not HTML text.
    NotHtml,
    /// Bytes that decode, but not to plausible text: many replacement or control
    /// characters, one character between every other (a byte pattern read in the wrong
    /// single-byte encoding), or almost no ASCII.
    Undecodable,
    /// A body that is mostly raw markup: an element such as `<plaintext>`, `<xmp>` or
    /// `<textarea>` left open turned the rest of the page into text.
    MarkupAsText,
}

impl NoArticleKind {
    /// The stable snake-case code of the kind (`"too_short"`), as the command line's
    /// JSON Lines and the Python package name it.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Listing => "listing",
            Self::TooShort => "too_short",
            Self::EmptyInput => "empty_input",
            Self::NotHtml => "not_html",
            Self::Undecodable => "undecodable",
            Self::MarkupAsText => "markup_as_text",
        }
    }
}

impl std::fmt::Display for NoArticleKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Listing => "this is a listing page",
            Self::TooShort => "the main text is shorter than the minimum",
            Self::EmptyInput => "the input is empty",
            Self::NotHtml => "the input is not HTML text",
            Self::Undecodable => "the input does not decode to plausible text",
            Self::MarkupAsText => "the main text is mostly raw markup",
        })
    }
}

/// Why an extraction gave no article.
///
/// Decoding never fails (bad bytes are replaced) and parsing always recovers, so every
/// variant is a limit the caller set, an invalid option, or the page itself having no
/// article (which includes input that is not text, or not text in any encoding it could
/// be read in: [`NoArticleKind::NotHtml`], [`NoArticleKind::Undecodable`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The page has no single article: a listing, home or category page, a page whose
    /// text is too short, an empty input or one that is not HTML. Match on `kind`:
    ///
    /// ```
    /// use tinhloc::{Error, NoArticleKind};
    /// match tinhloc::extract("   ") {
    ///     Err(Error::NoArticle { kind: NoArticleKind::EmptyInput, .. }) => {}
    ///     other => panic!("{other:?}"),
    /// }
    /// ```
    #[error("the page has no article: {kind}")]
    NoArticle {
        /// What was seen instead of an article.
        kind: NoArticleKind,
        /// What the page's markup says it is (a listing page may still call itself an
        /// article, and the other way round).
        page_type: PageType,
    },
    /// The URL given to [`Extractor::base_url`](crate::Extractor::base_url) does not parse
    /// as an absolute URL.
    #[error("invalid base URL {url:?}: {reason}")]
    InvalidUrl {
        /// The URL as given.
        url: String,
        /// Why it does not parse.
        reason: String,
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
    /// [`Extractor::max_nodes`](crate::Extractor::max_nodes), or than its input's length
    /// allows (one node per 20 bytes past the first 4,096 nodes, which bounds memory by
    /// the input; see [`Extractor::max_nodes`](crate::Extractor::max_nodes)). `limit` is the
    /// limit that applied.
    #[error("document has more than {limit} nodes")]
    TooManyNodes {
        /// The configured limit.
        limit: usize,
    },
    /// The extraction took longer than
    /// [`Extractor::time_budget`](crate::Extractor::time_budget) and was given up.
    #[error("extraction ran over its time budget of {budget:?}")]
    TimeBudgetExceeded {
        /// The configured budget.
        budget: std::time::Duration,
    },
    /// The document nests elements deeper than
    /// [`Extractor::max_depth`](crate::Extractor::max_depth).
    #[error("document nests deeper than {limit} elements")]
    TooDeep {
        /// The configured limit.
        limit: usize,
    },
}

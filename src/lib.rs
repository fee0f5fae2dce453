#![doc = include_str!("../README.md")]

mod article;
mod body;
mod clean;
mod decode;
mod error;
mod extractor;
mod lexicon;
mod metadata;
mod parse;
mod render;
mod score;
mod segment;
mod select;
mod tokenize;

pub use article::Article;
pub use body::{Block, BlockKind, Body, Inline};
pub use error::Error;
#[cfg(feature = "debug-dump")]
#[doc(hidden)]
pub use extractor::debug_dump;
pub use extractor::{Extractor, Policy};
pub use metadata::{Metadata, PageType};

use std::sync::LazyLock;

/// The extractor behind the free functions, built once with the defaults.
static DEFAULT_EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::new);

/// Extracts the article from an HTML string with the default [`Extractor`].
///
/// # Errors
/// [`Error::NoArticle`] for listing, home and empty pages; limit errors past the defaults.
pub fn extract(html: &str) -> Result<Article, Error> {
    DEFAULT_EXTRACTOR.extract(html)
}

/// Extracts the article from raw bytes with the default [`Extractor`]; `content_type` is
/// the HTTP header value, if any, and supplies the charset.
///
/// # Errors
/// As [`extract`].
pub fn extract_bytes(html: &[u8], content_type: Option<&str>) -> Result<Article, Error> {
    DEFAULT_EXTRACTOR.extract_bytes(html, content_type)
}

#![doc = include_str!("../README.md")]

mod article;
mod body;
mod clean;
mod comments;
mod decode;
mod error;
mod extractor;
mod html;
mod lexicon;
mod metadata;
mod mojibake;
mod options;
mod page;
mod render;
mod score;
mod segment;
mod select;
mod trace;

pub use article::Article;
pub use body::{Block, BlockKind, Body, Inline};
pub use comments::Comment;
pub use error::{Error, NoArticleKind};
pub use extractor::Extractor;
pub use metadata::{Metadata, PageType};
pub use options::{Policy, Scope};
pub use page::Page;
pub use trace::{BodySource, Reason, Stage, Trace, TracedBlock};

use std::sync::LazyLock;

/// The fixture reader the integration tests and benches share.
#[cfg(test)]
#[path = "../tests/common/fixture.rs"]
#[allow(dead_code)]
mod fixture;

/// The fixture pages (`fixtures/*/source.html`), with their paths, for the unit tests that
/// check a property on every one.
#[cfg(test)]
pub(crate) fn fixture_pages() -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let pages: Vec<_> = fixture::list()
        .unwrap_or_default()
        .into_iter()
        .filter_map(|f| {
            f.source()
                .ok()
                .map(|bytes| (f.dir.join("source.html"), bytes))
        })
        .collect();
    assert!(pages.len() > 40, "fixture pages not found");
    pages
}

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

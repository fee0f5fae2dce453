//! The result of an extraction: metadata plus the cleaned body.

use crate::body::Body;
use crate::metadata::Metadata;
use crate::options::RenderOptions;
use crate::render;

/// An extracted article: its [`Metadata`] and its cleaned [`Body`].
///
/// The article owns all its data (`Send + 'static`), so it outlives the input.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Article {
    /// Title, authors, dates, language and the rest.
    pub metadata: Metadata,
    /// The cleaned main text, as blocks.
    pub body: Body,
    /// Name of the character encoding the input was read with (`"UTF-8"` for `&str` input).
    pub encoding: &'static str,
    #[cfg_attr(feature = "serde", serde(skip))]
    pub(crate) render_options: RenderOptions,
}

impl Article {
    /// The article's title, when the page gives one.
    #[must_use]
    pub fn title(&self) -> Option<&str> {
        self.metadata.title.as_deref()
    }

    /// The main text: one paragraph per line; headings, list items and table rows each on
    /// their own line (table cells separated by a tab).
    #[must_use]
    pub fn text(&self) -> String {
        render::to_text(&self.body)
    }

    /// The main text as Markdown: headings, lists, GFM tables, block quotes; links and
    /// images when the extractor kept them.
    #[must_use]
    pub fn markdown(&self) -> String {
        render::to_markdown(&self.body, self.render_options)
    }

    /// The article as one line of JSON: metadata, plain text, body blocks and encoding
    /// (feature `serde`).
    #[cfg(feature = "serde")]
    #[must_use]
    pub fn to_json(&self) -> String {
        render::to_json(self)
    }

    /// The main text as a safe HTML fragment: structural tags only, no scripts, styles or
    /// event handlers.
    #[must_use]
    pub fn html(&self) -> String {
        render::to_html(&self.body, self.render_options)
    }
}

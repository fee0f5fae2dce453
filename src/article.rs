//! The result of an extraction: metadata plus the cleaned body.

use crate::body::Body;
use crate::comments::Comment;
use crate::metadata::{Metadata, PageType};
use crate::options::RenderOptions;
use crate::render;
use std::borrow::Cow;

/// An extracted article: its [`Metadata`] and its cleaned [`Body`], read through methods.
///
/// The article owns all its data (`Send + 'static`), so it outlives the input. With the
/// `serde` feature it serializes to the JSON of [`Article::to_json`] and deserializes from
/// it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(into = "render::json::ArticleJson", from = "render::json::ArticleJson")
)]
#[non_exhaustive]
pub struct Article {
    pub(crate) metadata: Metadata,
    pub(crate) body: Body,
    pub(crate) comments: Vec<Comment>,
    pub(crate) encoding: Cow<'static, str>,
    pub(crate) render_options: RenderOptions,
}

impl Article {
    /// Title, authors, dates, language and the rest.
    #[must_use]
    pub fn metadata(&self) -> &Metadata {
        &self.metadata
    }

    /// The cleaned main text, as blocks.
    #[must_use]
    pub fn body(&self) -> &Body {
        &self.body
    }

    /// The reader comments, forum replies or (on a product page) customer reviews of the
    /// page, in page order: each with its text, author and date where the page shows them. Never part of the body: a reply
    /// the body holds (the wide scope keeps a forum's replies as its content) is not
    /// repeated here. Empty when the page has none in its markup (many portals load
    /// comments with scripts).
    #[must_use]
    pub fn comments(&self) -> &[Comment] {
        &self.comments
    }

    /// Name of the character encoding the input was read with (`"UTF-8"` for `&str`
    /// input), as the WHATWG Encoding Standard names it (`"windows-1258"`).
    #[must_use]
    pub fn encoding(&self) -> &str {
        &self.encoding
    }

    /// The article's title, when the page gives one ([`Metadata::title`]).
    #[must_use]
    pub fn title(&self) -> Option<&str> {
        self.metadata.title.as_deref()
    }

    /// The authors, in byline order ([`Metadata::authors`]).
    #[must_use]
    pub fn authors(&self) -> &[String] {
        &self.metadata.authors
    }

    /// Publication time, RFC 3339 ([`Metadata::published`]).
    #[must_use]
    pub fn published(&self) -> Option<&str> {
        self.metadata.published.as_deref()
    }

    /// Last modification time, RFC 3339 ([`Metadata::modified`]).
    #[must_use]
    pub fn modified(&self) -> Option<&str> {
        self.metadata.modified.as_deref()
    }

    /// Language, an ISO 639-1 code such as `"vi"` ([`Metadata::language`]).
    #[must_use]
    pub fn language(&self) -> Option<&str> {
        self.metadata.language.as_deref()
    }

    /// Name of the site or publication ([`Metadata::site_name`]).
    #[must_use]
    pub fn site_name(&self) -> Option<&str> {
        self.metadata.site_name.as_deref()
    }

    /// Canonical URL of the article ([`Metadata::url`]).
    #[must_use]
    pub fn url(&self) -> Option<&str> {
        self.metadata.url.as_deref()
    }

    /// What the page says it is ([`Metadata::page_type`]).
    #[must_use]
    pub fn page_type(&self) -> PageType {
        self.metadata.page_type
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

    /// The main text as a safe HTML fragment: structural tags only, no scripts, styles or
    /// event handlers.
    #[must_use]
    pub fn html(&self) -> String {
        render::to_html(&self.body, self.render_options)
    }

    /// The article as one line of JSON (feature `serde`). The schema, with lower-case
    /// enum values:
    ///
    /// ```json
    /// {"metadata": {"title": "…", "authors": ["…"], "published": "2025-11-17T10:30:00+07:00",
    ///               "modified": null, "site_name": "…", "url": "…", "description": "…",
    ///               "image": "…", "language": "vi", "tags": ["…"], "page_type": "article"},
    ///  "text": "…",
    ///  "body": {"blocks": [{"kind": "paragraph", "inlines": [{"text": "…"}], "cells": []},
    ///                      {"kind": {"heading": 2}, "inlines": [{"text": "…"}], "cells": []}]},
    ///  "encoding": "UTF-8"}
    /// ```
    ///
    /// `text` is [`Article::text`], for readers that want no more. Reading the JSON back
    /// with serde gives the same article (`text` is ignored on the way in; the Markdown
    /// and HTML of a read-back article show no links or images).
    ///
    /// ```
    /// let html = "<article><p>Một đoạn văn đủ dài để làm thân bài, có dấu chấm câu ở cuối \
    ///             và nhiều chữ nữa để vượt ngưỡng tối thiểu.</p></article>";
    /// let article = tinhloc::Extractor::new().min_text_chars(20).extract(html)?;
    /// let json = article.to_json();
    /// let back: tinhloc::Article = serde_json::from_str(&json)?;
    /// assert_eq!(back, article);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[cfg(feature = "serde")]
    #[must_use]
    pub fn to_json(&self) -> String {
        render::to_json(self)
    }
}

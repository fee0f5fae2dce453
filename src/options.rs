//! The options every stage may read: a leaf module with no stage behind it, so the stages
//! import their settings from below them in the data flow, never from the extractor.

/// How the extractor trades precision against recall.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Policy {
    /// Drop doubtful blocks: less cruft, sometimes a lost paragraph.
    Precision,
    /// The tuned default.
    #[default]
    Balanced,
    /// Keep doubtful blocks: every paragraph, sometimes a teaser too.
    Recall,
}

/// What part of a page the extractor returns.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Scope {
    /// The article of a news or blog page. A listing or home page gives
    /// [`Error::NoArticle`](crate::Error::NoArticle).
    #[default]
    Article,
    /// The main content of any page: the article where there is one; otherwise the
    /// page's own content, such as a forum thread with its replies, a product's
    /// description, a documentation page, or a listing's items with their summaries.
    Any,
}

/// The options the stages read, resolved once per extraction.
#[derive(Debug, Clone)]
pub(crate) struct Settings {
    pub policy: Policy,
    /// Read the page as any page, not as an article: teasers, title links and replies
    /// count as content and no listing verdict is given (the second reading of
    /// [`Scope::Any`]).
    pub wide: bool,
    pub keep_tables: bool,
    pub keep_captions: bool,
    pub keep_images: bool,
    pub base_url: Option<url::Url>,
}

/// Caller limits checked while parsing.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limits {
    /// Most element and text nodes a document may have.
    pub max_nodes: usize,
    /// Deepest element nesting allowed.
    pub max_depth: usize,
    /// Cut what no later stage reads before html5ever runs (unread raw text, unread
    /// attributes). Off only to check that trimming changes no result.
    pub trim: bool,
}

/// What the renderers include beyond the text itself.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct RenderOptions {
    /// Keep link targets in Markdown and HTML.
    pub links: bool,
    /// Keep images in Markdown and HTML.
    pub images: bool,
}

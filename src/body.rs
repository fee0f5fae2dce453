//! The owned article body that `clean` builds and the renderers walk.
//!
//! A [`Body`] is a flat list of blocks in reading order. It holds no reference to the
//! parsed document, so an `Article` is `Send + 'static`.

/// One run of inline content inside a block.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Inline {
    /// Plain text, whitespace already collapsed.
    Text(String),
    /// Link text with its target (absolute when a base URL was known).
    Link {
        /// Visible text of the link.
        text: String,
        /// Target of the link, as written or resolved against the base URL.
        href: String,
    },
    /// Bold or strong text.
    Strong(String),
    /// Italic or emphasised text.
    Emphasis(String),
    /// Inline code.
    Code(String),
    /// A `<br>` inside a block.
    LineBreak,
}

impl Inline {
    /// The visible text of this run (a line break is a newline).
    #[must_use]
    pub fn text(&self) -> &str {
        match self {
            Self::Text(text) | Self::Strong(text) | Self::Emphasis(text) | Self::Code(text) => text,
            Self::Link { text, .. } => text,
            Self::LineBreak => "\n",
        }
    }
}

/// What kind of block a [`Block`] is.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum BlockKind {
    /// A paragraph, or a run of bare text in a container.
    Paragraph,
    /// A heading of level 1 to 6.
    Heading(u8),
    /// A list item; `depth` is 0 for a top-level list.
    ListItem {
        /// Whether the list is numbered (`<ol>`).
        ordered: bool,
        /// Nesting depth of the list, 0 at the top.
        depth: u8,
    },
    /// A block quote paragraph.
    Quote,
    /// Preformatted text (`<pre>`), whitespace kept.
    Preformatted,
    /// A table row; its cells are in [`Block::cells`].
    TableRow {
        /// Whether the row is a header row: every cell a `<th>`.
        header: bool,
    },
    /// An image kept in the body (only with captions or images turned on).
    Image {
        /// Image source, resolved against the base URL when one is known.
        src: String,
        /// Alternative text.
        alt: String,
    },
    /// An image caption (only when captions are kept).
    Caption,
}

/// One block of the article body.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// The inline runs of the block (empty for table rows and images).
    pub inlines: Vec<Inline>,
    /// Cells of a table row, each a list of inline runs (empty for other kinds).
    pub cells: Vec<Vec<Inline>>,
}

impl Block {
    /// A block of `kind` holding `inlines`.
    #[must_use]
    pub fn new(kind: BlockKind, inlines: Vec<Inline>) -> Self {
        Self {
            kind,
            inlines,
            cells: Vec::new(),
        }
    }

    /// The plain text of the block: inline runs joined; table cells joined by a tab.
    #[must_use]
    pub fn plain_text(&self) -> String {
        if self.cells.is_empty() {
            join_inlines(&self.inlines)
        } else {
            self.cells
                .iter()
                .map(|cell| join_inlines(cell))
                .filter(|cell| !cell.is_empty())
                .collect::<Vec<_>>()
                .join("\t")
        }
    }
}

/// Joins inline runs into one string, a line break becoming a newline.
#[must_use]
pub(crate) fn join_inlines(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for inline in inlines {
        out.push_str(inline.text());
    }
    out.trim().to_string()
}

/// The cleaned article body: blocks in reading order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub struct Body {
    /// The blocks of the body, in reading order.
    pub blocks: Vec<Block>,
}

impl Body {
    /// Resolves every relative link target against `base` (images are resolved when the
    /// page is segmented). Empty targets and fragments-only anchors stay as written.
    pub(crate) fn resolve_links(&mut self, base: &url::Url) {
        let resolve = |inline: &mut Inline| {
            if let Inline::Link { href, .. } = inline
                && !href.is_empty()
                && !href.starts_with('#')
                && let Ok(url) = base.join(href)
            {
                *href = url.to_string();
            }
        };
        for block in &mut self.blocks {
            block.inlines.iter_mut().for_each(resolve);
            for cell in &mut block.cells {
                cell.iter_mut().for_each(resolve);
            }
        }
    }
}

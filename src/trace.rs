//! Takes what the stages decided on one page; returns a [`Trace`]: per text block, kept or
//! dropped, by which stage and why. Built only when asked for
//! ([`Extractor::extract_with_trace`](crate::Extractor::extract_with_trace)), from the same
//! run that gives the article, so it explains exactly that result.

use crate::body::BlockKind;
use crate::metadata::PageType;
use crate::score::{LINK_BLOCK_DENSITY, Scored};
use crate::select::{Rejection, Selection};
use std::ops::Range;

/// What the pipeline decided on one page, block by block: the explanation behind an
/// [`Article`](crate::Article) or an [`Error::NoArticle`](crate::Error::NoArticle).
///
/// ```
/// let html = "<html><body><nav><a href=/>Trang chủ</a></nav><article><p>Một đoạn văn \
///             đủ dài để làm thân bài, có dấu chấm câu ở cuối và nhiều chữ nữa để vượt \
///             ngưỡng tối thiểu của một khối nội dung.</p></article></body></html>";
/// let (article, trace) = tinhloc::Extractor::new().min_text_chars(20).extract_with_trace(html);
/// assert!(article.is_ok());
/// for block in &trace.blocks {
///     println!("{} {:?} {}: {}", if block.kept { "+" } else { "-" }, block.stage,
///              block.reason.code(), block.text);
/// }
/// assert!(trace.blocks.iter().any(|b| b.kept));
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Trace {
    /// Every text block the segmenter found, in document order.
    pub blocks: Vec<TracedBlock>,
    /// The block indices (into [`Trace::blocks`]) inside the container `select` chose;
    /// `None` when it chose none.
    pub container: Option<Range<usize>>,
    /// A lead paragraph kept from just before the container.
    pub lead: Option<usize>,
    /// The page type read from the metadata; `None` when the run stopped before it.
    pub page_type: Option<PageType>,
    /// Where the body came from.
    pub body_source: BodySource,
}

/// Where an article's body came from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum BodySource {
    /// No body: the page gave no article (or the run stopped before the stages).
    #[default]
    None,
    /// The blocks of the markup marked kept.
    Markup,
    /// The JSON-LD `articleBody`, the markup's text being too short.
    JsonLd,
}

/// One text block and what became of it.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct TracedBlock {
    /// The block's plain text.
    pub text: String,
    /// What the block is.
    pub kind: BlockKind,
    /// Whether the block is in the body.
    pub kept: bool,
    /// The stage that decided.
    pub stage: Stage,
    /// Why, as a stable code ([`Reason::code`]).
    pub reason: Reason,
    /// The block's net article-likeness from `score`, in weighted characters.
    pub weight: f32,
    /// Link characters / characters.
    pub link_density: f32,
}

/// The stage that decided a block's fate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Stage {
    /// `select`: the block lies outside the chosen container, or no container was chosen.
    Select,
    /// `clean`: the block is in the container and was kept or pruned.
    Clean,
    /// The JSON-LD fallback replaced the markup's body.
    Fallback,
}

/// Why a block was kept or dropped. [`Reason::code`] gives a stable snake-case code.
///
/// For a block `clean` dropped, the reason is the strongest signal against it, in this
/// order: furniture class, date line, caption, cruft heading, promo prefix, credit,
/// teaser, link density, title; a block with none of them was too short to stand between
/// its neighbours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Reason {
    /// Kept as body text.
    Kept,
    /// Kept as the lead paragraph before the container.
    Lead,
    /// Under an element whose class, id or tag names furniture (related box, comments).
    FurnitureClass,
    /// Mostly link text.
    LinkDensity,
    /// A teaser: the sapo under a title link, or a text cut with an ellipsis.
    Teaser,
    /// A cruft heading ("Tin liên quan") or the box it opens.
    CruftHeading,
    /// A credit or source line ("Tin, ảnh: …").
    Credit,
    /// An image caption.
    Caption,
    /// Only a date or time.
    DateLine,
    /// A promotion or "read more" prefix ("Xem thêm:").
    Promo,
    /// The page title or headline, printed above the body.
    Title,
    /// Too short to stand on its own, and its neighbours did not carry it.
    TooShort,
    /// Outside the container `select` chose.
    OutsideContainer,
    /// `select` found a listing: no article.
    Listing,
    /// `select` found no container of article text.
    NoContainer,
    /// Replaced by the JSON-LD `articleBody`.
    ReplacedByJsonLd,
}

impl Reason {
    /// The stable code of the reason, such as `furniture_class` or `link_density`.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::Kept => "kept",
            Self::Lead => "lead",
            Self::FurnitureClass => "furniture_class",
            Self::LinkDensity => "link_density",
            Self::Teaser => "teaser",
            Self::CruftHeading => "cruft_heading",
            Self::Credit => "credit",
            Self::Caption => "caption",
            Self::DateLine => "date_line",
            Self::Promo => "promo",
            Self::Title => "title",
            Self::TooShort => "too_short",
            Self::OutsideContainer => "outside_container",
            Self::Listing => "listing",
            Self::NoContainer => "no_container",
            Self::ReplacedByJsonLd => "replaced_by_json_ld",
        }
    }
}

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// The trace of one run: `selected` is `select`'s verdict, `kept` the block indices
/// `clean` kept (lead first), `json_ld_body` whether the JSON-LD body replaced them.
pub(crate) fn record(
    scored: &Scored,
    selected: &Result<Selection, Rejection>,
    kept: &[usize],
    page_type: PageType,
    json_ld_body: bool,
) -> Trace {
    let container = selected.as_ref().ok().map(|s| s.blocks.clone());
    let lead = selected
        .as_ref()
        .ok()
        .and_then(|s| s.lead)
        .filter(|lead| kept.contains(lead));
    let blocks = scored
        .page
        .blocks
        .iter()
        .zip(&scored.scores)
        .enumerate()
        .map(|(index, (block, score))| {
            let in_container = container.as_ref().is_some_and(|c| c.contains(&index));
            let is_kept = kept.contains(&index);
            let (stage, reason) = match selected {
                Err(rejection) if rejection.is_listing() => (Stage::Select, Reason::Listing),
                Err(_) => (Stage::Select, Reason::NoContainer),
                Ok(_) if json_ld_body => (Stage::Fallback, Reason::ReplacedByJsonLd),
                Ok(_) if is_kept && Some(index) == lead => (Stage::Select, Reason::Lead),
                Ok(_) if is_kept => (Stage::Clean, Reason::Kept),
                Ok(_) if !in_container => (Stage::Select, Reason::OutsideContainer),
                Ok(_) => (Stage::Clean, drop_reason(scored, index)),
            };
            TracedBlock {
                text: block.text.clone(),
                kind: block.kind.clone(),
                kept: is_kept && !json_ld_body,
                stage,
                reason,
                weight: score.weight,
                link_density: score.link_density,
            }
        })
        .collect();
    Trace {
        blocks,
        container,
        lead,
        page_type: Some(page_type),
        body_source: if json_ld_body {
            BodySource::JsonLd
        } else if kept.is_empty() {
            BodySource::None
        } else {
            BodySource::Markup
        },
    }
}

/// The strongest signal against a block `clean` dropped.
fn drop_reason(scored: &Scored, index: usize) -> Reason {
    let block = &scored.page.blocks[index];
    let score = &scored.scores[index];
    if score.furniture.is_some() {
        Reason::FurnitureClass
    } else if score.dateline || score.post_header {
        Reason::DateLine
    } else if block.caption || block.kind == BlockKind::Caption {
        Reason::Caption
    } else if score.cruft_heading {
        Reason::CruftHeading
    } else if score.cruft_prefix || score.disclosure || score.garbled {
        Reason::Promo
    } else if score.credit {
        Reason::Credit
    } else if score.teaser || score.ellipsis {
        Reason::Teaser
    } else if score.link_density >= LINK_BLOCK_DENSITY {
        Reason::LinkDensity
    } else if block.kind == BlockKind::Heading(1) {
        Reason::Title
    } else {
        Reason::TooShort
    }
}

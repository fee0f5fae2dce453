//! Takes a [`Body`](crate::Body) and returns it as plain text, Markdown or HTML.

mod html;
#[cfg(feature = "serde")]
pub(crate) mod json;
mod markdown;
mod text;

pub(crate) use html::to_html;
#[cfg(feature = "serde")]
pub(crate) use json::to_json;
pub(crate) use markdown::to_markdown;
pub(crate) use text::to_text;

/// Deepest list nesting rendered in Markdown and HTML; deeper items are drawn at this
/// depth.
const MAX_LIST_DEPTH: usize = 16;

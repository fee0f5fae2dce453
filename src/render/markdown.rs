//! Markdown (GFM tables).

use super::RenderOptions;
use crate::body::Body;

/// Renders `body` as Markdown (placeholder: plain text until the Markdown renderer lands).
pub(crate) fn to_markdown(body: &Body, _options: RenderOptions) -> String {
    super::to_text(body)
}

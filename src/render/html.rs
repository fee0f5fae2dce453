//! A cleaned, safe HTML fragment.

use super::RenderOptions;
use crate::body::Body;

/// Renders `body` as an HTML fragment (placeholder until the HTML renderer lands).
pub(crate) fn to_html(body: &Body, _options: RenderOptions) -> String {
    super::to_text(body)
        .lines()
        .map(|line| format!("<p>{}</p>", line.replace('&', "&amp;").replace('<', "&lt;")))
        .collect()
}

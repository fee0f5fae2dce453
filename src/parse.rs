//! Takes the decoded page and returns the parsed document, or an error past the limits.

use crate::Error;
use scraper::Html;

/// Caller limits checked while parsing.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limits {
    /// Most element and text nodes a document may have.
    pub max_nodes: usize,
    /// Deepest element nesting allowed.
    pub max_depth: usize,
}

/// Parses `html` into a document. html5ever recovers from any markup, so the only
/// failures are the limits.
pub(crate) fn parse(html: &str, limits: Limits) -> Result<Html, Error> {
    let document = Html::parse_document(html);
    if document.tree.nodes().len() > limits.max_nodes {
        return Err(Error::TooManyNodes {
            limit: limits.max_nodes,
        });
    }
    Ok(document)
}

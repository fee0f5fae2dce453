//! JSON (feature `serde`): the article's metadata, plain text, body blocks and encoding.
//!
//! ```json
//! {"metadata": {"title": "…", "authors": ["…"], "published": "2025-11-17T10:30:00+07:00",
//!               "modified": null, "site_name": "…", "url": "…", "description": "…",
//!               "image": "…", "language": "vi", "tags": ["…"], "page_type": "article"},
//!  "text": "…", "body": {"blocks": [{"kind": "Paragraph", "inlines": [{"Text": "…"}],
//!  "cells": []}]}, "encoding": "UTF-8"}
//! ```

use crate::article::Article;
use crate::body::Body;
use crate::metadata::Metadata;

/// The JSON document: [`Article`]'s public fields plus its plain text.
#[derive(serde::Serialize)]
struct Document<'a> {
    metadata: &'a Metadata,
    text: String,
    body: &'a Body,
    encoding: &'a str,
}

/// Renders `article` as one line of JSON.
pub(crate) fn to_json(article: &Article) -> String {
    let document = Document {
        metadata: &article.metadata,
        text: article.text(),
        body: &article.body,
        encoding: article.encoding,
    };
    // Serializing strings, numbers and derived structs into a String cannot fail; an empty
    // object keeps the signature infallible all the same.
    serde_json::to_string(&document).unwrap_or_else(|_| String::from("{}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::body::{Block, BlockKind, Inline};
    use crate::options::RenderOptions;

    #[test]
    fn fields_and_text() {
        let article = Article {
            metadata: Metadata {
                title: Some("Tiêu đề \"trích\"".into()),
                authors: vec!["Hà Phương".into()],
                published: Some("2025-11-17T10:30:00+07:00".into()),
                language: Some("vi".into()),
                ..Metadata::default()
            },
            body: Body {
                blocks: vec![Block::new(
                    BlockKind::Paragraph,
                    vec![Inline::Text("Đoạn một.".into())],
                )],
            },
            encoding: "UTF-8",
            render_options: RenderOptions::default(),
        };
        let json = to_json(&article);
        let value: serde_json::Value = serde_json::from_str(&json).unwrap_or_default();
        assert_eq!(value["metadata"]["title"], "Tiêu đề \"trích\"");
        assert_eq!(value["metadata"]["authors"][0], "Hà Phương");
        assert_eq!(value["metadata"]["page_type"], "article");
        assert_eq!(value["metadata"]["modified"], serde_json::Value::Null);
        assert_eq!(value["text"], "Đoạn một.");
        assert_eq!(value["body"]["blocks"][0]["kind"], "Paragraph");
        assert_eq!(value["encoding"], "UTF-8");
    }
}

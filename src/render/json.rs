//! JSON (feature `serde`): the one schema of [`Article::to_json`](crate::Article::to_json)
//! and of `Article`'s `Serialize` and `Deserialize`: metadata, plain text, body blocks and
//! encoding.

use crate::article::Article;
use crate::body::Body;
use crate::comments::Comment;
use crate::metadata::Metadata;

/// The JSON document of an [`Article`]: its metadata, body and encoding, plus its plain
/// text (ignored when read back).
#[derive(serde::Serialize, serde::Deserialize)]
pub(crate) struct ArticleJson {
    metadata: Metadata,
    #[serde(default)]
    text: String,
    body: Body,
    /// Reader comments and forum replies; absent in JSON written before they existed.
    #[serde(default)]
    comments: Vec<Comment>,
    encoding: String,
}

impl From<Article> for ArticleJson {
    fn from(article: Article) -> Self {
        Self {
            text: article.text(),
            metadata: article.metadata,
            body: article.body,
            comments: article.comments,
            encoding: article.encoding.into_owned(),
        }
    }
}

impl From<ArticleJson> for Article {
    fn from(json: ArticleJson) -> Self {
        Self {
            metadata: json.metadata,
            body: json.body,
            comments: json.comments,
            encoding: json.encoding.into(),
            render_options: crate::options::RenderOptions::default(),
        }
    }
}

/// Renders `article` as one line of JSON.
pub(crate) fn to_json(article: &Article) -> String {
    // Serializing strings, numbers and derived structs into a String cannot fail; an empty
    // object keeps the signature infallible all the same.
    serde_json::to_string(article).unwrap_or_else(|_| String::from("{}"))
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
            comments: Vec::new(),
            encoding: "UTF-8".into(),
            render_options: RenderOptions::default(),
        };
        let json = to_json(&article);
        let value: serde_json::Value = serde_json::from_str(&json).unwrap_or_default();
        assert_eq!(value["metadata"]["title"], "Tiêu đề \"trích\"");
        assert_eq!(value["metadata"]["authors"][0], "Hà Phương");
        assert_eq!(value["metadata"]["page_type"], "article");
        assert_eq!(value["metadata"]["modified"], serde_json::Value::Null);
        assert_eq!(value["text"], "Đoạn một.");
        assert_eq!(value["body"]["blocks"][0]["kind"], "paragraph");
        assert_eq!(
            value["body"]["blocks"][0]["inlines"][0]["text"],
            "Đoạn một."
        );
        assert_eq!(value["encoding"], "UTF-8");
        let back: Article = serde_json::from_str(&json).expect("read back");
        assert_eq!(back, article);
    }
}

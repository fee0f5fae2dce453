//! JSON-LD: the page's typed objects, parsed once per page, and the values read from them.

use super::text::MAX_AUTHORS;
use super::text::{clean_text, selector};
use scraper::ElementRef;
use scraper::Selector;
use std::sync::LazyLock;

/// Most JSON-LD scripts parsed. Portal pages carry 1–6.
pub(super) const MAX_JSON_LD_SCRIPTS: usize = 16;
/// Largest JSON-LD script parsed, in bytes; bigger ones are skipped.
pub(super) const MAX_JSON_LD_BYTES: usize = 1 << 20;
/// Most JSON values visited while flattening all JSON-LD scripts.
pub(super) const MAX_JSON_LD_NODES: usize = 20_000;
/// JSON-LD `@type`s of an article.
pub(super) const ARTICLE_TYPES: &[&str] = &[
    "AnalysisNewsArticle",
    "Article",
    "BackgroundNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "NewsArticle",
    "OpinionNewsArticle",
    "Report",
    "ReportageNewsArticle",
    "ReviewNewsArticle",
    "ScholarlyArticle",
    "TechArticle",
];

/// JSON-LD `@type`s of a product.
pub(super) const PRODUCT_TYPES: &[&str] = &["Product", "ProductGroup"];

pub(super) static JSON_LD: LazyLock<Selector> =
    LazyLock::new(|| selector("script[type=\"application/ld+json\" i]"));

pub(super) type JsonObject = serde_json::Map<String, serde_json::Value>;

/// The typed objects of the page's JSON-LD, flattened out of arrays and `@graph`: parsed
/// once per page, read by the metadata readers and by the extractor's body fallback.
#[derive(Debug, Default)]
pub(crate) struct JsonLd {
    pub(super) objects: Vec<JsonObject>,
}

impl JsonLd {
    /// The `articleBody` of the page's JSON-LD article, whitespace collapsed, when it holds
    /// at least `min_chars` characters: the body of pages that render their text with
    /// scripts.
    pub(crate) fn article_body(&self, min_chars: usize) -> Option<String> {
        self.objects
            .iter()
            .filter(|object| has_type(object, ARTICLE_TYPES))
            .find_map(|object| {
                let body = object.get("articleBody")?.as_str()?;
                let body = body.split_whitespace().collect::<Vec<_>>().join(" ");
                (body.chars().count() >= min_chars).then_some(body)
            })
    }

    /// The `description` of the page's JSON-LD product as clean text (markup and entities
    /// decoded, whitespace collapsed), when it holds at least `min_chars` characters: a
    /// shop's description of the item, which some templates render only with scripts.
    pub(crate) fn product_description(&self, min_chars: usize) -> Option<String> {
        self.objects
            .iter()
            .filter(|object| has_type(object, PRODUCT_TYPES))
            .find_map(|object| {
                let description = json_string(object.get("description")?)?;
                (description.chars().count() >= min_chars).then_some(description)
            })
    }

    /// Reads the JSON-LD `scripts`.
    pub(super) fn collect<'a>(scripts: impl Iterator<Item = ElementRef<'a>>) -> Self {
        let mut objects = Vec::new();
        let mut budget = MAX_JSON_LD_NODES;
        for script in scripts.take(MAX_JSON_LD_SCRIPTS) {
            let mut text = String::new();
            for chunk in script.text() {
                if text.len() + chunk.len() > MAX_JSON_LD_BYTES {
                    text.clear();
                    break;
                }
                text.push_str(chunk);
            }
            let text = text.trim().trim_end_matches(';');
            if text.is_empty() {
                continue;
            }
            let cleaned: String;
            // Raw newlines and tabs inside strings are invalid JSON but common; outside
            // strings a space is as good.
            let text = if text.chars().any(char::is_control) {
                cleaned = text
                    .chars()
                    .map(|c| if c.is_control() { ' ' } else { c })
                    .collect();
                cleaned.as_str()
            } else {
                text
            };
            let Ok(value) = serde_json::from_str::<serde_json::Value>(text) else {
                continue;
            };
            // Iterative walk: arrays, `@graph`, and objects with a `@type`.
            let mut stack = vec![value];
            while let Some(value) = stack.pop() {
                if budget == 0 {
                    break;
                }
                budget -= 1;
                match value {
                    serde_json::Value::Array(items) => stack.extend(items.into_iter().rev()),
                    serde_json::Value::Object(mut object) => {
                        if let Some(graph) = object.remove("@graph") {
                            stack.push(graph);
                        }
                        // An article's `mainEntity` / `mainEntityOfPage` may be the article.
                        if let Some(main) = object.get("mainEntity").filter(|v| v.is_object()) {
                            stack.push(main.clone());
                        }
                        if object.contains_key("@type") {
                            objects.push(object);
                        }
                    }
                    _ => {}
                }
            }
        }
        Self { objects }
    }

    /// The article object: the first with an article `@type`, else the first with a
    /// `headline`.
    pub(super) fn article(&self) -> Option<&JsonObject> {
        self.objects
            .iter()
            .find(|o| has_type(o, ARTICLE_TYPES))
            .or_else(|| self.objects.iter().find(|o| o.contains_key("headline")))
    }

    /// The opening post of a forum thread or a Q&A page: a `DiscussionForumPosting`, or the
    /// `Question` of a `QAPage` (which has a `name`, no `headline`, so is no article).
    pub(super) fn thread(&self) -> Option<&JsonObject> {
        self.objects
            .iter()
            .find(|o| has_type(o, &["DiscussionForumPosting", "Question"]))
    }

    /// `key` of the article object as a string.
    pub(super) fn article_str(&self, key: &str) -> Option<String> {
        self.article()
            .and_then(|o| o.get(key))
            .and_then(json_string)
    }

    /// Whether an object is an event (schema.org `Event` or one of its kinds, whose
    /// names end in `Event`: `MusicEvent`, `EducationEvent`, …) and none is an article.
    pub(super) fn declares_event(&self) -> bool {
        let is_event = |t: &serde_json::Value| t.as_str().is_some_and(|t| t.ends_with("Event"));
        self.article().is_none()
            && self.objects.iter().any(|o| match o.get("@type") {
                Some(serde_json::Value::Array(types)) => types.iter().any(is_event),
                Some(t) => is_event(t),
                None => false,
            })
    }

    /// `key` of any object, article first.
    pub(super) fn any_str(&self, key: &str) -> Option<String> {
        self.article_str(key).or_else(|| {
            self.objects
                .iter()
                .find_map(|o| o.get(key).and_then(json_string))
        })
    }

    /// Publisher names: the article's `publisher`, then `Organization`/`NewsMediaOrganization`
    /// and `WebSite` objects.
    pub(super) fn publisher_names(&self) -> Vec<String> {
        let mut names = Vec::new();
        if let Some(publisher) = self.article().and_then(|o| o.get("publisher")) {
            names.extend(json_names(publisher));
        }
        for object in &self.objects {
            if has_type(
                object,
                &["NewsMediaOrganization", "Organization", "WebSite"],
            ) && let Some(name) = object.get("name").and_then(json_string)
            {
                names.push(name);
            }
        }
        names
    }
}

/// Whether `object`'s `@type` (a string or an array) is one of `types`.
pub(super) fn has_type(object: &JsonObject, types: &[&str]) -> bool {
    match object.get("@type") {
        Some(serde_json::Value::String(t)) => types.contains(&t.as_str()),
        Some(serde_json::Value::Array(ts)) => ts
            .iter()
            .any(|t| t.as_str().is_some_and(|t| types.contains(&t))),
        _ => false,
    }
}

/// A JSON string (or number) as clean text: entities decoded, whitespace collapsed.
pub(super) fn json_string(value: &serde_json::Value) -> Option<String> {
    let raw = match value {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Number(n) => n.to_string(),
        serde_json::Value::Array(items) => return items.iter().find_map(json_string),
        serde_json::Value::Object(o) => {
            return o
                .get("@value")
                .or_else(|| o.get("name"))
                .and_then(json_string);
        }
        _ => return None,
    };
    let text = clean_text(&raw);
    (!text.is_empty()).then_some(text)
}

/// Names in a JSON-LD `author`/`publisher` value: a string, an object with `name`, or an
/// array of those.
pub(super) fn json_names(value: &serde_json::Value) -> Vec<String> {
    let mut names = Vec::new();
    let mut stack = vec![value];
    while let Some(value) = stack.pop() {
        if names.len() >= MAX_AUTHORS {
            break;
        }
        match value {
            serde_json::Value::String(s) => {
                let name = clean_text(s);
                if !name.is_empty() {
                    names.push(name);
                }
            }
            serde_json::Value::Object(o) => {
                if let Some(name) = o.get("name").and_then(json_string) {
                    names.push(name);
                }
            }
            serde_json::Value::Array(items) => stack.extend(items.iter().rev()),
            _ => {}
        }
    }
    names
}

/// Author names in a JSON-LD `author` value; `Organization`-typed authors are dropped when
/// a person is named too (the site credited next to its reporter).
pub(super) fn json_person_names(value: &serde_json::Value) -> Vec<String> {
    let items: Vec<&serde_json::Value> = match value {
        serde_json::Value::Array(items) => items.iter().take(MAX_AUTHORS * 2).collect(),
        other => vec![other],
    };
    let is_org = |v: &&serde_json::Value| {
        v.as_object()
            .is_some_and(|o| has_type(o, &["Organization", "NewsMediaOrganization"]))
    };
    let people: Vec<&serde_json::Value> = items.iter().copied().filter(|v| !is_org(v)).collect();
    let chosen = if people.is_empty() { items } else { people };
    chosen.into_iter().flat_map(json_names).collect()
}

/// URLs in a JSON-LD `image` value: a string, an `ImageObject` (`url`/`contentUrl`), or an
/// array of those.
pub(super) fn json_urls(value: &serde_json::Value) -> Option<String> {
    match value {
        serde_json::Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        serde_json::Value::Object(o) => o
            .get("url")
            .or_else(|| o.get("contentUrl"))
            .and_then(json_urls),
        serde_json::Value::Array(items) => items.iter().take(16).find_map(json_urls),
        _ => None,
    }
}

//! The page's `<meta>` tags, read once into a map.

use super::text::{MAX_FIELD_CHARS, truncate_chars};
use foldhash::HashMap;
use foldhash::HashMapExt;
use scraper::ElementRef;

/// Most `<meta>` elements read. Heavy portal pages carry about 80.
pub(super) const MAX_META_TAGS: usize = 1000;
/// The page's `<meta>` tags: lowercased key (`name`, `property`, `itemprop` or
/// `http-equiv`) to contents in page order.
pub(super) struct MetaTags {
    pub(super) map: HashMap<String, Vec<String>>,
}

impl MetaTags {
    pub(super) fn collect(metas: &[ElementRef]) -> Self {
        let mut map: HashMap<String, Vec<String>> = HashMap::new();
        for el in metas.iter().take(MAX_META_TAGS) {
            // One pass over the attributes, keys in this order: property, name, itemprop,
            // http-equiv.
            let mut content = None;
            let mut keys: [Option<&str>; 4] = [None; 4];
            for (name, value) in el.value().attrs() {
                match name {
                    "content" => content = Some(value),
                    "property" => keys[0] = Some(value),
                    "name" => keys[1] = Some(value),
                    "itemprop" => keys[2] = Some(value),
                    "http-equiv" => keys[3] = Some(value),
                    _ => {}
                }
            }
            let Some(content) = content else {
                continue;
            };
            let content = truncate_chars(content.trim(), MAX_FIELD_CHARS);
            if content.is_empty() {
                continue;
            }
            for key in keys.into_iter().flatten() {
                // `property` may hold several space-separated keys (RDFa).
                for key in key.split_whitespace() {
                    map.entry(key.to_lowercase())
                        .or_default()
                        .push(content.to_string());
                }
            }
        }
        Self { map }
    }

    /// The first content of the first present key.
    pub(super) fn first(&self, keys: &[&str]) -> Option<&str> {
        keys.iter()
            .find_map(|key| self.map.get(*key).and_then(|v| v.first()))
            .map(String::as_str)
    }

    /// All contents of `key`.
    pub(super) fn all(&self, key: &str) -> &[String] {
        self.map.get(key).map_or(&[], Vec::as_slice)
    }
}

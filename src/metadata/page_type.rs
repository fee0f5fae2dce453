//! Page type: one article, a listing, or another kind of page (forum, product, collection,
//! documentation, service), from JSON-LD, `og:type`, `<meta name="generator">` and the URL.

use std::sync::LazyLock;

use super::PageType;
use super::json_ld::{ARTICLE_TYPES, JsonLd, has_type};
use super::meta_tags::MetaTags;
use super::regions::{ARTICLE_BODY, Candidates, matching};
use crate::lexicon::list_lines;

/// Most words in the last path segment of a section URL ("thi-truong-chung-khoan"); article
/// slugs run 6–15 words.
pub(super) const MAX_SECTION_SLUG_WORDS: usize = 4;
/// JSON-LD `@type`s of a listing page.
pub(super) const LISTING_TYPES: &[&str] = &["CollectionPage", "ItemList", "SearchResultsPage"];

/// The signals of `data/metadata/page_types.txt`.
const PAGE_TYPE_SIGNALS: &str = include_str!("../../data/metadata/page_types.txt");

/// Where a signal is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Signal {
    /// A JSON-LD `@type`.
    Type,
    /// The `og:type` value.
    OgType,
    /// A substring of the `generator` meta, lower case.
    Generator,
    /// A host prefix (`docs.`) or a part of the host (`readthedocs.`).
    Host,
    /// A path segment.
    Segment,
}

/// `(kind, signal, value)` rows of the signal file.
static SIGNALS: LazyLock<Vec<(PageType, Signal, &'static str)>> = LazyLock::new(|| {
    list_lines(PAGE_TYPE_SIGNALS)
        .filter_map(|line| {
            let mut parts = line.split_whitespace();
            let kind = match parts.next()? {
                "forum" => PageType::Forum,
                "product" => PageType::Product,
                "collection" => PageType::Collection,
                "documentation" => PageType::Documentation,
                "service" => PageType::Service,
                _ => return None,
            };
            let signal = match parts.next()? {
                "type" => Signal::Type,
                "og" => Signal::OgType,
                "generator" => Signal::Generator,
                "host" => Signal::Host,
                "segment" => Signal::Segment,
                _ => return None,
            };
            Some((kind, signal, parts.next()?))
        })
        .collect()
});

/// The values of `signal` for `kind`.
fn values(kind: PageType, signal: Signal) -> impl Iterator<Item = &'static str> {
    SIGNALS
        .iter()
        .filter(move |(k, s, _)| *k == kind && *s == signal)
        .map(|(_, _, value)| *value)
}

/// What the page says of itself, read once.
struct Signs<'a> {
    json_ld: &'a JsonLd,
    og_type: Option<String>,
    generator: String,
    host: String,
    segments: Vec<String>,
}

impl Signs<'_> {
    /// Whether a JSON-LD object, `og:type`, the generator or the host names `kind`.
    fn declare(&self, kind: PageType) -> bool {
        let types: Vec<&str> = values(kind, Signal::Type).collect();
        (!types.is_empty() && self.json_ld.objects.iter().any(|o| has_type(o, &types)))
            || self.og_names(kind)
            || values(kind, Signal::Generator).any(|g| self.generator.contains(g))
            || values(kind, Signal::Host)
                .any(|h| self.host.starts_with(h) || self.host.contains(&format!(".{h}")))
    }

    /// Whether `og:type` names `kind`.
    fn og_names(&self, kind: PageType) -> bool {
        self.og_type
            .as_deref()
            .is_some_and(|og| values(kind, Signal::OgType).any(|v| v == og))
    }

    /// Whether the URL's path names `kind`: its first segment, or for a forum any segment
    /// before the last (`/forums/bikes/t-123`).
    fn path_says(&self, kind: PageType) -> bool {
        // A forum's thread page is named by a segment before the thread's own slug
        // (`/forums/topic/…`), or by the script that shows it (`/viewtopic.php?t=…`).
        let script = |s: &String| s.ends_with(".php");
        let places = if kind == PageType::Forum {
            match self.segments.last() {
                Some(last) if script(last) => self.segments.len(),
                _ => self.segments.len().saturating_sub(1),
            }
        } else {
            self.segments.len().min(1)
        };
        self.segments[..places]
            .iter()
            .any(|s| values(kind, Signal::Segment).any(|v| v == s))
    }

    /// Whether a JSON-LD `Product` stands alone, not as an item of a list.
    fn lone_product(&self) -> bool {
        let objects = &self.json_ld.objects;
        objects.iter().any(|o| has_type(o, &["Product"]))
            && !objects.iter().any(|o| has_type(o, LISTING_TYPES))
    }

    /// Whether JSON-LD lists products.
    fn listed_products(&self) -> bool {
        let objects = &self.json_ld.objects;
        objects.iter().any(|o| has_type(o, &["Product"]))
            && objects.iter().any(|o| has_type(o, LISTING_TYPES))
    }
}

/// The page's type. In order: a forum by its declarations (JSON-LD
/// `DiscussionForumPosting` or `QAPage`, `og:type` `forum`, a forum engine's generator);
/// documentation by its declarations (JSON-LD `TechArticle`, a documentation generator,
/// a `docs.` host); an article by JSON-LD; a product (`og:type` `product`, a lone JSON-LD
/// `Product`); a collection (`og:type` `product.group`, listed JSON-LD products); a
/// listing by JSON-LD (a collection under a shop path such as `/collections/`); an article by `article:published_time` or `itemprop=articleBody`;
/// then, unless `og:type` is `article`, the URL's path (`/docs/`, `/forums/…/`,
/// `/collections/`); then a listing when
/// `og:type` is `website` or the URL is a home or section address; else an article.
/// `og:type` `article` alone proves little: some CMSs put it on every page.
///
/// The flag says whether anything on the page named the type: `false` when the page is
/// an article only for want of any sign (no JSON-LD type, no `og:type`, no address).
pub(super) fn page_type(
    page: &Candidates,
    metas: &MetaTags,
    json_ld: &JsonLd,
    url: Option<&str>,
) -> (PageType, bool) {
    let kind = named_page_type(page, metas, json_ld, url);
    (kind.unwrap_or(PageType::Article), kind.is_some())
}

/// [`page_type`], `None` when the page falls to the default article.
fn named_page_type(
    page: &Candidates,
    metas: &MetaTags,
    json_ld: &JsonLd,
    url: Option<&str>,
) -> Option<PageType> {
    let parsed = url.and_then(|u| url::Url::parse(u).ok());
    let signs = Signs {
        json_ld,
        og_type: metas.first(&["og:type"]).map(str::to_ascii_lowercase),
        generator: metas.first(&["generator"]).unwrap_or("").to_lowercase(),
        host: parsed
            .as_ref()
            .and_then(|u| u.host_str())
            .unwrap_or("")
            .to_ascii_lowercase(),
        segments: parsed
            .as_ref()
            .and_then(|u| u.path_segments())
            .map(|s| {
                let segments: Vec<String> = s
                    .filter(|s| !s.is_empty())
                    .map(str::to_ascii_lowercase)
                    .collect();
                // `/en-US/docs/…`, `/us/en/forum/…`: the path proper starts after the
                // locale.
                let locale = segments
                    .iter()
                    .take(MAX_LOCALE_SEGMENTS)
                    .take_while(|s| is_locale_segment(s))
                    .count();
                segments[locale..].to_vec()
            })
            .unwrap_or_default(),
    };
    if signs.declare(PageType::Forum) {
        return Some(PageType::Forum);
    }
    if signs.declare(PageType::Documentation) {
        return Some(PageType::Documentation);
    }
    if json_ld.objects.iter().any(|o| has_type(o, ARTICLE_TYPES)) {
        return Some(PageType::Article);
    }
    if signs.og_names(PageType::Product) || signs.lone_product() {
        return Some(PageType::Product);
    }
    if signs.og_names(PageType::Collection) || signs.listed_products() {
        return Some(PageType::Collection);
    }
    if json_ld.objects.iter().any(|o| has_type(o, LISTING_TYPES)) {
        return Some(if signs.path_says(PageType::Collection) {
            PageType::Collection
        } else {
            PageType::Listing
        });
    }
    let article_signal = metas.first(&["article:published_time"]).is_some()
        || matching(&page.itemprops, &ARTICLE_BODY).next().is_some();
    if article_signal {
        return Some(PageType::Article);
    }
    if signs.declare(PageType::Service) {
        return Some(PageType::Service);
    }
    // `og:type` `article` keeps the path from typing the page, but not the section test.
    if signs.og_type.as_deref() != Some("article") {
        for kind in [
            PageType::Documentation,
            PageType::Forum,
            PageType::Collection,
            PageType::Service,
        ] {
            if signs.path_says(kind) {
                return Some(kind);
            }
        }
    }
    if signs.og_type.as_deref() == Some("website") || url.is_some_and(is_section_url) {
        Some(PageType::Listing)
    } else if signs.og_type.is_some() || url.is_some() {
        Some(PageType::Article)
    } else {
        None
    }
}

/// Most leading path segments read as a locale (`/us/en/`).
const MAX_LOCALE_SEGMENTS: usize = 2;

/// Whether a path segment names a language or locale: `en`, `en-us`, `pt_br`.
fn is_locale_segment(segment: &str) -> bool {
    let bytes = segment.as_bytes();
    let letters = |part: &[u8]| part.len() == 2 && part.iter().all(u8::is_ascii_lowercase);
    match bytes.len() {
        2 => letters(bytes),
        5 => letters(&bytes[..2]) && matches!(bytes[2], b'-' | b'_') && letters(&bytes[3..]),
        _ => false,
    }
}

/// Whether `url` addresses a home or section page: at most two path segments, no number
/// of 4+ digits (article ids, dates), and a last segment of at most
/// [`MAX_SECTION_SLUG_WORDS`] words.
pub(super) fn is_section_url(url: &str) -> bool {
    let Ok(url) = url::Url::parse(url) else {
        return false;
    };
    let segments: Vec<&str> = url
        .path_segments()
        .map(|s| s.filter(|s| !s.is_empty()).collect())
        .unwrap_or_default();
    if segments.len() > 2 || url.query().is_some_and(|q| q.contains("id=")) {
        return false;
    }
    let long_number = |s: &str| {
        s.split(|c: char| !c.is_ascii_digit())
            .any(|run| run.len() >= 4)
    };
    if segments.iter().any(|s| long_number(s)) {
        return false;
    }
    segments.last().is_none_or(|last| {
        let stem = last.rsplit_once('.').map_or(*last, |(stem, _)| stem);
        stem.split(['-', '_']).filter(|w| !w.is_empty()).count() <= MAX_SECTION_SLUG_WORDS
    })
}

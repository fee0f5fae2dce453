//! Page type: one article or a listing, from JSON-LD, `og:type` and the URL.

use super::PageType;
use super::json_ld::{ARTICLE_TYPES, JsonLd, has_type};
use super::meta_tags::MetaTags;
use super::regions::{ARTICLE_BODY, Candidates, matching};

/// Most words in the last path segment of a section URL ("thi-truong-chung-khoan"); article
/// slugs run 6–15 words.
pub(super) const MAX_SECTION_SLUG_WORDS: usize = 4;
/// JSON-LD `@type`s of a listing page.
pub(super) const LISTING_TYPES: &[&str] = &["CollectionPage", "ItemList", "SearchResultsPage"];

/// A listing when the page declares a collection (JSON-LD `CollectionPage`, `ItemList`,
/// `SearchResultsPage`) and no article; or, with no article signal at all (JSON-LD
/// article, `article:published_time`, `itemprop=articleBody`), when `og:type` is
/// `website` or the canonical URL is a home or section address ("/", "/kinh-doanh.htm").
/// `og:type` `article` alone proves little: some CMSs put it on every page.
pub(super) fn page_type(
    page: &Candidates,
    metas: &MetaTags,
    json_ld: &JsonLd,
    url: Option<&str>,
) -> PageType {
    if json_ld.objects.iter().any(|o| has_type(o, ARTICLE_TYPES)) {
        return PageType::Article;
    }
    if json_ld.objects.iter().any(|o| has_type(o, LISTING_TYPES)) {
        return PageType::Listing;
    }
    let article_signal = metas.first(&["article:published_time"]).is_some()
        || matching(&page.itemprops, &ARTICLE_BODY).next().is_some();
    if article_signal {
        return PageType::Article;
    }
    let og_type = metas.first(&["og:type"]).map(str::to_ascii_lowercase);
    if og_type.as_deref() == Some("website") || url.is_some_and(is_section_url) {
        PageType::Listing
    } else {
        PageType::Article
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

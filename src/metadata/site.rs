//! Site name, canonical URL, description, image and tags.

use super::json_ld::{JsonLd, json_string, json_urls};
use super::meta_tags::MetaTags;
use super::regions::{CANONICAL, Candidates, IMAGE_SRC, Layout, in_excluded_region, matching};
use super::text::element_text;
use super::text::is_all_upper;
use super::text::{
    MAX_CANDIDATES, MAX_FIELD_CHARS, clean_text, fold, is_slug, looks_like_domain, looks_like_url,
    resolve_url, truncate_chars,
};
use super::title::{
    MAX_EMPHASIS_CANDIDATES, MAX_SUBHEAD_CANDIDATES, TITLE_SEPARATORS, links_home, title_parts,
};

/// Most tags kept, and the longest tag in characters.
pub(super) const MAX_TAGS: usize = 50;
pub(super) const MAX_TAG_CHARS: usize = 100;
/// The site's name: `og:site_name`, JSON-LD publisher, `application-name`, the part of the
/// `<title>` a headline element shows as a link home (a blog's `<h1>`), the `<title>`
/// suffix; a written name beats a domain ("vnexpress.net") or slug ("cafef"), and a name
/// with diacritics beats the same name without ("TUOI TRE ONLINE" → "Tuổi Trẻ Online").
pub(super) fn site_name(
    page: &Candidates,
    metas: &MetaTags,
    json_ld: &JsonLd,
    raw_title: Option<&str>,
    host: Option<&str>,
) -> Option<String> {
    let mut candidates: Vec<String> = Vec::new();
    candidates.extend(metas.first(&["og:site_name"]).map(clean_text));
    candidates.extend(json_ld.publisher_names());
    candidates.extend(
        metas
            .first(&["application-name", "apple-mobile-web-app-title"])
            .map(clean_text),
    );
    if let Some(name) = raw_title.and_then(|t| home_link_name(page, t)) {
        candidates.push(name);
    }
    if let Some(suffix) = raw_title.and_then(|title| {
        title_suffix(title, host).filter(|suffix| !suffix_is_headline(page, title, suffix))
    }) {
        candidates.push(suffix);
    }
    candidates.retain(|c| !c.is_empty() && c.chars().count() <= 100 && !looks_like_url(c));
    let good = |c: &&String| !looks_like_domain(c) && !is_slug(c);
    let first = candidates
        .iter()
        .find(good)
        .or_else(|| candidates.first())?;
    // Prefer a spelling of the same name with diacritics and mixed case.
    let key = fold(first);
    let better = candidates
        .iter()
        .filter(|c| fold(c) == key)
        .max_by_key(|c| {
            (
                c.chars().filter(|ch| !ch.is_ascii()).count(),
                !is_all_upper(c),
            )
        });
    Some(better.unwrap_or(first).clone())
}

/// The text of the first `<h1>` that links home ([`links_home`]), else of a `rel="home"`
/// link, when it is one of the parts of `title`: "Bike Commuter" in "Bike Commuter » Blog
/// Archive » Fixing a slow leak" under `<h1><a href="/">Bike Commuter</a></h1>`.
fn home_link_name(page: &Candidates, title: &str) -> Option<String> {
    let parts: Vec<String> = title_parts(&clean_text(title))
        .into_iter()
        .map(fold)
        .collect();
    if parts.len() < 2 {
        return None;
    }
    page.h1
        .iter()
        .copied()
        .take(MAX_CANDIDATES)
        .filter(|el| links_home(*el))
        .chain(page.home_links.iter().copied().take(MAX_CANDIDATES))
        .map(|el| element_text(el, MAX_FIELD_CHARS))
        .find(|text| parts.contains(&fold(text)))
}

/// Fewest words of a `<title>`'s last part read as a headline rather than the site's
/// name: sites show their short names bold too ("Hacker News", "Sweat"). Set 2026-12-07
/// on the WCXB dev split's titles.
const MIN_HEADLINE_SUFFIX_WORDS: usize = 4;

/// Whether the `<title>`'s last part, `suffix`, is the story's headline after the site's
/// name: a headline element shows it ([`shown_headlines`]) and none shows what stands
/// before it (a documentation page's `<h1>` shows its chapter, before the book's name
/// the sidebar shows too).
fn suffix_is_headline(page: &Candidates, title: &str, suffix: &str) -> bool {
    let title = clean_text(title);
    let parts = title_parts(&title);
    if parts.len() < 2 || suffix.split_whitespace().count() < MIN_HEADLINE_SUFFIX_WORDS {
        return false;
    }
    let shown = shown_headlines(page);
    let is_shown = |text: &str| shown.contains(&fold(text));
    is_shown(suffix) && !parts[..parts.len() - 1].iter().any(|part| is_shown(part))
}

/// What the headline elements show, folded: the `<h1>`–`<h3>`, and the bold and `<font>`
/// lines of a page without headings. The `<title>`'s last part among them is the story's
/// headline after the site's name ("Harbor Gazette - Council approves new ferry
/// schedule"), not a name.
fn shown_headlines(page: &Candidates) -> Vec<String> {
    page.h1
        .iter()
        .take(MAX_CANDIDATES)
        .chain(page.subheads.iter().take(MAX_SUBHEAD_CANDIDATES))
        .chain(page.emphases.iter().take(MAX_EMPHASIS_CANDIDATES))
        .map(|el| fold(&element_text(*el, MAX_FIELD_CHARS)))
        .collect()
}

/// The last part of `title` after a separator when it looks like a site name (short, and
/// naming the host when a host is known and the name is written in Latin letters).
pub(super) fn title_suffix(title: &str, host: Option<&str>) -> Option<String> {
    let title = clean_text(title);
    let (at, sep) = TITLE_SEPARATORS
        .iter()
        .filter_map(|sep| title.rfind(sep).map(|at| (at, *sep)))
        .max_by_key(|(at, _)| *at)?;
    let tail = title[at + sep.len()..].trim();
    if tail.is_empty() || tail.split_whitespace().count() > 6 {
        return None;
    }
    // A name in another script than the host's ("Новости региона" on region-news.ru)
    // cannot be compared with it.
    let same_script = tail.chars().any(|c| c.is_ascii_alphanumeric());
    if let Some(label) = host.and_then(host_label)
        && same_script
    {
        let folded = fold(tail).replace(' ', "");
        if !folded.contains(&label) && !label.contains(&folded) {
            return None;
        }
    }
    Some(tail.to_string())
}

/// Folded forms of every name the site goes by, for stripping titles and rejecting the
/// site as an author.
pub(super) fn site_name_variants(
    metas: &MetaTags,
    json_ld: &JsonLd,
    site_name: Option<&str>,
    host: Option<&str>,
) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    names.extend(site_name.map(str::to_string));
    names.extend(metas.first(&["og:site_name"]).map(clean_text));
    names.extend(json_ld.publisher_names());
    if let Some(label) = host.and_then(host_label) {
        names.push(label);
    }
    names.retain(|n| fold(n).chars().count() >= 3);
    names
}

/// The distinctive label of a host: "vnexpress" for "www.vnexpress.net", "dantri" for
/// "dantri.com.vn".
pub(super) fn host_label(host: &str) -> Option<String> {
    let parts: Vec<&str> = host.split('.').filter(|p| !p.is_empty()).collect();
    let generic = [
        "www", "m", "amp", "mobile", "com", "net", "org", "vn", "co", "edu", "gov",
    ];
    parts
        .iter()
        .rev()
        .skip(1)
        .find(|p| !generic.contains(p))
        .map(|p| p.to_ascii_lowercase())
}

pub(super) fn canonical_url(
    page: &Candidates,
    metas: &MetaTags,
    base_url: Option<&url::Url>,
) -> Option<String> {
    let raw = matching(&page.links, &CANONICAL)
        .next()
        .and_then(|el| el.value().attr("href"))
        .map(str::trim)
        .filter(|h| !h.is_empty())
        .or_else(|| metas.first(&["og:url"]))?;
    Some(resolve_url(raw, base_url))
}

pub(super) fn description(metas: &MetaTags, json_ld: &JsonLd) -> Option<String> {
    metas
        .first(&[
            "description",
            "og:description",
            "twitter:description",
            "dc.description",
        ])
        .map(clean_text)
        .filter(|d| !d.is_empty())
        .or_else(|| json_ld.article_str("description"))
        .map(|d| truncate_chars(&d, MAX_FIELD_CHARS).to_string())
}

pub(super) fn image(
    page: &Candidates,
    metas: &MetaTags,
    json_ld: &JsonLd,
    base: Option<&url::Url>,
) -> Option<String> {
    let raw = metas
        .first(&[
            "og:image",
            "og:image:url",
            "og:image:secure_url",
            "twitter:image",
            "twitter:image:src",
        ])
        .map(str::to_string)
        .or_else(|| {
            json_ld
                .article()
                .and_then(|o| o.get("image"))
                .and_then(json_urls)
        })
        .or_else(|| {
            matching(&page.links, &IMAGE_SRC)
                .next()
                .and_then(|el| el.value().attr("href"))
                .map(str::to_string)
        })?;
    let raw = raw.trim();
    (!raw.is_empty()).then(|| resolve_url(raw, base))
}

pub(super) fn tags(
    page: &Candidates,
    layout: &Layout,
    metas: &MetaTags,
    json_ld: &JsonLd,
) -> Vec<String> {
    let mut raw: Vec<String> = Vec::new();
    for key in [
        "news_keywords",
        "keywords",
        "article:tag",
        "og:article:tag",
        "article:section",
    ] {
        raw.extend(metas.all(key).iter().cloned());
    }
    if let Some(keywords) = json_ld.article().and_then(|o| o.get("keywords")) {
        match keywords {
            serde_json::Value::Array(items) => {
                raw.extend(items.iter().take(MAX_TAGS).filter_map(json_string));
            }
            other => raw.extend(json_string(other)),
        }
    }
    // A post's own labels (`<a rel="tag">` under it), not a sidebar's tag cloud.
    raw.extend(
        page.tag_links
            .iter()
            .take(MAX_TAGS)
            .filter(|el| !in_excluded_region(**el, layout))
            .map(|el| element_text(*el, MAX_FIELD_CHARS)),
    );
    let mut tags: Vec<String> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    for entry in raw {
        for tag in entry.split([',', ';']) {
            let tag = clean_text(tag);
            if tag.is_empty() || tag.chars().count() > MAX_TAG_CHARS || looks_like_url(&tag) {
                continue;
            }
            let key = tag.to_lowercase();
            if !seen.contains(&key) {
                seen.push(key);
                tags.push(tag);
            }
            if tags.len() >= MAX_TAGS {
                return tags;
            }
        }
    }
    tags
}

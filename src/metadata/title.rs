//! The headline: the displayed headline element checked against JSON-LD, `og:title` and
//! `<title>`.

use super::json_ld::JsonLd;
use super::meta_tags::MetaTags;
use super::regions::{Candidates, H1, HEADLINES, Layout, in_excluded_region, matching};
use super::text::{
    MAX_CANDIDATES, MAX_FIELD_CHARS, clean_text, dice, element_text, fold, word_set,
};

/// Smallest Dice similarity of word sets between a headline candidate and a reference
/// title (JSON-LD headline, `og:title`, `<title>`). Tuned on fixtures/ 2026-11-23: the
/// displayed h1 scores ≥ 0.7 against titles with a site suffix; popup and breadcrumb h1s
/// score < 0.2.
pub(super) const MIN_TITLE_SIMILARITY: f64 = 0.5;
/// Smallest similarity for a child of a headline element (the headline without its kicker)
/// to replace the whole element. Tuned on fundus 2026-11-23: a kicker alone scores ≤ 0.6.
pub(super) const MIN_CHILD_TITLE_SIMILARITY: f64 = 0.9;
/// Title separators between a headline and the site name, longest first.
pub(super) const TITLE_SEPARATORS: &[&str] =
    &[" | ", " - ", " – ", " — ", " :: ", " » ", " · ", " / "];

/// The headline, and the node it was read from when it is visible (dates and bylines are
/// looked for after it).
pub(super) fn title(
    page: &Candidates,
    layout: &Layout,
    metas: &MetaTags,
    json_ld: &JsonLd,
    raw_title: Option<&str>,
    site_names: &[String],
) -> (Option<String>, Option<ego_tree::NodeId>) {
    let headline = json_ld
        .article_str("headline")
        .or_else(|| json_ld.article_str("name"));
    let og_title = metas
        .first(&["og:title", "twitter:title"])
        .map(clean_text)
        .filter(|t| !t.is_empty());
    let stripped_title = raw_title.map(|t| strip_site_suffix(t, site_names));
    let stripped_og = og_title
        .as_deref()
        .map(|t| strip_site_suffix(t, site_names));

    let references: Vec<Vec<String>> = [headline.as_deref(), og_title.as_deref(), raw_title]
        .into_iter()
        .chain([stripped_title.as_deref(), stripped_og.as_deref()])
        .flatten()
        .map(word_set)
        .filter(|w| !w.is_empty())
        .collect();

    // The visible headline that best agrees with a reference title.
    let mut best: Option<(f64, String, ego_tree::NodeId)> = None;
    if !references.is_empty() {
        for el in matching(&page.headlines, &HEADLINES).take(MAX_CANDIDATES) {
            if in_excluded_region(el, layout) {
                continue;
            }
            // The element, then its child elements: a headline may hold a kicker
            // ("<h1><span>Kicker</span><span>Headline</span></h1>"); a child wins only
            // when it matches a reference almost exactly.
            for (n, candidate) in std::iter::once(el)
                .chain(el.child_elements().take(8))
                .enumerate()
            {
                let text = element_text(candidate, MAX_FIELD_CHARS);
                if text.is_empty() {
                    continue;
                }
                let words = word_set(&text);
                let score = references
                    .iter()
                    .map(|r| dice(&words, r))
                    .fold(0.0_f64, f64::max);
                let floor = if n == 0 {
                    MIN_TITLE_SIMILARITY
                } else {
                    MIN_CHILD_TITLE_SIMILARITY
                };
                if score >= floor && best.as_ref().is_none_or(|(s, ..)| score > *s) {
                    best = Some((score, text, el.id()));
                }
            }
        }
    }
    if let Some((_, text, node)) = best {
        return (Some(text), Some(node));
    }
    let meta_title = headline
        .or(stripped_og)
        .or(stripped_title)
        .filter(|t| !t.is_empty());
    if meta_title.is_some() {
        return (meta_title, None);
    }
    // No reference at all: the first visible h1.
    for el in matching(&page.h1, &H1).take(MAX_CANDIDATES) {
        if in_excluded_region(el, layout) {
            continue;
        }
        let text = element_text(el, MAX_FIELD_CHARS);
        if !text.is_empty() {
            return (Some(text), Some(el.id()));
        }
    }
    (None, None)
}

/// `title` without the site name around it: "Giá vàng tăng - VnExpress" → "Giá vàng
/// tăng". A trailing part is removed when it names the site (`site_names`) or, once, when
/// it is short (≤ 5 words and under half the rest); a leading part only when it names the
/// site.
pub(super) fn strip_site_suffix(title: &str, site_names: &[String]) -> String {
    let mut title = clean_text(title);
    let names: Vec<String> = site_names
        .iter()
        .map(|n| fold(n))
        .filter(|n| !n.is_empty())
        .collect();
    let names_site = |part: &str| {
        let part = fold(part);
        !part.is_empty()
            && names
                .iter()
                .any(|n| part.contains(n.as_str()) || n.contains(&part))
    };
    let mut stripped_short = false;
    for _ in 0..4 {
        let Some((at, sep)) = TITLE_SEPARATORS
            .iter()
            .filter_map(|sep| title.rfind(sep).map(|at| (at, *sep)))
            .max_by_key(|(at, _)| *at)
        else {
            break;
        };
        let (head, tail) = (&title[..at], &title[at + sep.len()..]);
        if head.trim().chars().count() < 8 {
            break;
        }
        let short =
            tail.split_whitespace().count() <= 5 && tail.chars().count() * 2 < head.chars().count();
        if names_site(tail) || (short && !stripped_short && names.is_empty()) {
            stripped_short = stripped_short || !names_site(tail);
            title = head.trim().to_string();
        } else {
            break;
        }
    }
    // "VnExpress - Headline"
    if let Some((at, sep)) = TITLE_SEPARATORS
        .iter()
        .filter_map(|sep| title.find(sep).map(|at| (at, *sep)))
        .min_by_key(|(at, _)| *at)
    {
        let (head, tail) = (&title[..at], &title[at + sep.len()..]);
        if names_site(head) && tail.chars().count() > head.chars().count() {
            title = tail.trim().to_string();
        }
    }
    title
}

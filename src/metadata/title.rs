//! The headline: the displayed headline element checked against JSON-LD, `og:title` and
//! `<title>`.

use super::json_ld::JsonLd;
use super::meta_tags::MetaTags;
use super::regions::{
    Candidates, H1, HEADLINES, Layout, in_excluded_region, matching, rel_names_home,
};
use super::text::{
    MAX_CANDIDATES, MAX_FIELD_CHARS, clean_text, dice, element_text, fold, word_set,
};
use scraper::ElementRef;

/// Smallest Dice similarity of word sets between a headline candidate and a reference
/// title (JSON-LD headline, `og:title`, `<title>`). Tuned on fixtures/ 2026-11-23: the
/// displayed h1 scores ≥ 0.7 against titles with a site suffix; popup and breadcrumb h1s
/// score < 0.2.
pub(super) const MIN_TITLE_SIMILARITY: f64 = 0.5;
/// Smallest similarity for a child of a headline element (the headline without its kicker)
/// to replace the whole element. Tuned on fundus 2026-11-23: a kicker alone scores ≤ 0.6.
pub(super) const MIN_CHILD_TITLE_SIMILARITY: f64 = 0.9;
/// Smallest similarity for an `<h2>`/`<h3>` to be the headline, against one part of the
/// page's title split at its separators. Set 2026-12-07 on WCXB dev: at 0.5 against whole
/// titles, section headings ("What is social commerce?") replaced 60+ good titles; a blog
/// post's `<h2>` repeats its part of the title exactly.
pub(super) const MIN_SUBHEAD_TITLE_SIMILARITY: f64 = 0.9;
/// `<h2>`/`<h3>` elements tried as the headline, in document order: a post's headline
/// comes before its body's section headings (set 2026-12-07; the classic blog fixtures
/// need 1-3).
pub(super) const MAX_SUBHEAD_CANDIDATES: usize = 24;
/// Fewest words in the title part an `<h2>`/`<h3>` headline repeats: a one-word part is a
/// product or section name ("Electrical - Overview | OSHA").
pub(super) const MIN_SUBHEAD_TITLE_WORDS: usize = 2;
/// `<b>`, `<strong>` and `<font>` elements tried as the headline of a page without
/// headline elements, in document order, and as the shown headline a `<title>`'s last
/// part may be (set 2026-12-07 on a probe of a 2006 table-layout news page).
pub(super) const MAX_EMPHASIS_CANDIDATES: usize = 48;
/// Fewest words in the title part a bold line repeats to be the headline: a site's name,
/// shown bold in a masthead, is shorter.
pub(super) const MIN_EMPHASIS_TITLE_WORDS: usize = 3;
/// Nodes of a headline candidate read for its link home: a site's name is a short
/// element; a "headline" wrapping the page is not one.
pub(super) const MAX_HOME_LINK_SCAN_NODES: usize = 64;
/// Fewest ": " in a `<title>` read as a trail of sections, its last part the page's own
/// heading (PostgreSQL's manual: "PostgreSQL: Documentation: 18: 11.2. Index Types").
const MIN_TITLE_TRAIL_COLONS: usize = 2;
/// Title separators between a headline and the site name, longest first; Chinese portals
/// write "--" without spaces ("标题--社会·法治--人民网").
pub(super) const TITLE_SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " :: ", " » ", " · ", " / ", "--",
];

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

    // A blog's `<title>` may join its name and the post's with a colon ("Notes from the
    // Shed: First frost"): the part after it is a reference too.
    let after_colon = raw_title.and_then(|t| {
        t.match_indices(": ")
            .find(|(at, _)| t[..*at].ends_with(|c: char| c.is_alphanumeric()))
            .map(|(at, _)| t[at + 2..].trim())
            .filter(|post| {
                post.split_whitespace().count() >= MIN_SUBHEAD_TITLE_WORDS
                    && !TITLE_SEPARATORS.iter().any(|sep| post.contains(sep))
            })
    });
    // A title's first part, when a tail follows it that names no known site (a blog's
    // motto of several sentences after "|", which drowns the headline's words): a
    // headline that repeats it almost word for word is the page's.
    let first_parts: Vec<Vec<String>> = [og_title.as_deref(), raw_title]
        .into_iter()
        .flatten()
        .filter_map(|title| {
            let parts = title_parts(title);
            (parts.len() >= 2).then(|| parts[0])
        })
        .filter(|part| {
            part.split_whitespace().count() >= MIN_SUBHEAD_TITLE_WORDS
                && !names_site(part, site_names)
        })
        .map(word_set)
        .collect();
    let references: Vec<Vec<String>> = [headline.as_deref(), og_title.as_deref(), raw_title]
        .into_iter()
        .chain([
            stripped_title.as_deref(),
            stripped_og.as_deref(),
            after_colon,
        ])
        .flatten()
        .map(word_set)
        .filter(|w| !w.is_empty())
        .collect();

    // The visible headline that best agrees with a reference title; an `<h2>`/`<h3>` only
    // when no headline element agrees (a blog's `<h1>` names the blog).
    let best = best_headline(
        matching(&page.headlines, &HEADLINES).take(MAX_CANDIDATES),
        &references,
        MIN_TITLE_SIMILARITY,
        layout,
    )
    .or_else(|| {
        best_headline(
            matching(&page.headlines, &HEADLINES).take(MAX_CANDIDATES),
            &first_parts,
            MIN_SUBHEAD_TITLE_SIMILARITY,
            layout,
        )
    })
    .or_else(|| {
        // A subheading must repeat one part of the page's title almost word for word
        // ("Blog » Archive » Post title"): section headings share words with the title too.
        // Each part's words, and whether it ends its title (first or last).
        let title_words: Vec<(bool, Vec<String>)> =
            [headline.as_deref(), og_title.as_deref(), raw_title]
                .into_iter()
                .flatten()
                .flat_map(|title| {
                    let parts = title_parts(title);
                    let last = parts.len().saturating_sub(1);
                    // A documentation site's trail of colons ("Product: Documentation: 18:
                    // 11.2. Index Types"): the section's own heading is the part after the
                    // last colon. One colon ("Retirement Calculator: How Much Do I Need To
                    // Retire?") is a title with its subtitle.
                    let after_last_colon = title
                        .rsplit_once(": ")
                        .filter(|_| title.matches(": ").count() >= MIN_TITLE_TRAIL_COLONS)
                        .map(|(_, tail)| (true, tail.trim()))
                        .filter(|(_, tail)| !tail.is_empty());
                    parts
                        .into_iter()
                        .enumerate()
                        .map(move |(at, part)| (at == 0 || at == last, part))
                        .chain(after_last_colon)
                })
                .filter(|(_, part)| !names_site(part, site_names))
                .map(|(end, part)| (end, word_set(part)))
                .collect();
        let parts: Vec<Vec<String>> = title_words
            .iter()
            .filter(|(_, words)| words.len() >= MIN_SUBHEAD_TITLE_WORDS)
            .map(|(_, words)| words.clone())
            .collect();
        best_headline(
            page.subheads.iter().copied().take(MAX_SUBHEAD_CANDIDATES),
            &parts,
            MIN_SUBHEAD_TITLE_SIMILARITY,
            layout,
        )
        .or_else(|| {
            // A page laid out without headings sets its headline in bold or a large font,
            // repeating the first or last part of its title (a middle part names a series
            // or a section).
            let end_parts: Vec<Vec<String>> = title_words
                .into_iter()
                .filter(|(end, words)| *end && words.len() >= MIN_EMPHASIS_TITLE_WORDS)
                .map(|(_, words)| words)
                .collect();
            emphasized_headline(page, &end_parts, layout)
        })
    });
    if let Some((_, text, node)) = best {
        return (Some(without_anchor_mark(text)), Some(node));
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
        if in_excluded_region(el, layout) || links_home(el) {
            continue;
        }
        let text = without_anchor_mark(element_text(el, MAX_FIELD_CHARS));
        if !text.is_empty() {
            return (Some(text), Some(el.id()));
        }
    }
    (None, None)
}

/// A heading's text without the pilcrow of its permalink ("Resampling time series¶": the
/// `a.headerlink` documentation generators put in every heading).
fn without_anchor_mark(text: String) -> String {
    match text.trim_end().strip_suffix('¶') {
        Some(rest) => rest.trim_end().to_string(),
        None => text,
    }
}

/// The candidate whose words best agree with a reference title (at least
/// `min_similarity`), with its text and node. Candidates in excluded regions and
/// the site's name linking home are skipped.
fn best_headline<'a>(
    candidates: impl Iterator<Item = ElementRef<'a>>,
    references: &[Vec<String>],
    min_similarity: f64,
    layout: &Layout,
) -> Option<(f64, String, ego_tree::NodeId)> {
    if references.is_empty() {
        return None;
    }
    let mut best: Option<(f64, String, ego_tree::NodeId)> = None;
    for el in candidates {
        if in_excluded_region(el, layout) || links_home(el) {
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
                min_similarity
            } else {
                MIN_CHILD_TITLE_SIMILARITY
            };
            if score >= floor && best.as_ref().is_none_or(|(s, ..)| score > *s) {
                best = Some((score, text, el.id()));
            }
        }
    }
    best
}

/// The first bold or `<font>` element, outside links and holding none, whose words agree
/// with one of `parts` ([`MIN_SUBHEAD_TITLE_SIMILARITY`]).
fn emphasized_headline(
    page: &Candidates,
    parts: &[Vec<String>],
    layout: &Layout,
) -> Option<(f64, String, ego_tree::NodeId)> {
    if parts.is_empty() {
        return None;
    }
    page.emphases
        .iter()
        .copied()
        .take(MAX_EMPHASIS_CANDIDATES)
        .filter(|el| {
            !in_excluded_region(*el, layout)
                && !el
                    .ancestors()
                    .take(MAX_LINK_ANCESTORS)
                    .filter_map(ElementRef::wrap)
                    .any(|a| a.value().name() == "a")
                && !el
                    .descendants()
                    .take(MAX_HOME_LINK_SCAN_NODES)
                    .filter_map(ElementRef::wrap)
                    .any(|d| d.value().name() == "a")
        })
        .find_map(|el| {
            let text = element_text(el, MAX_FIELD_CHARS);
            let words = word_set(&text);
            let score = parts
                .iter()
                .map(|p| dice(&words, p))
                .fold(0.0_f64, f64::max);
            (score >= MIN_SUBHEAD_TITLE_SIMILARITY).then(|| (score, text, el.id()))
        })
}

/// Ancestors of a bold line looked at for a link around it.
const MAX_LINK_ANCESTORS: usize = 4;

/// Whether `el` shows the site's name as a link to its home page: all its text inside one
/// link marked `rel=home` or pointing at the site's root ("/", "index.html", an address
/// without a path). Blog templates put the blog's name in the page's only `<h1>` this way.
pub(super) fn links_home(el: ElementRef) -> bool {
    let home = |link: ElementRef| {
        let value = link.value();
        value.attr("rel").is_some_and(rel_names_home)
            || value.attr("href").is_some_and(is_root_address)
    };
    if let Some(link) = std::iter::once(el)
        .chain(el.ancestors().take(2).filter_map(ElementRef::wrap))
        .find(|e| e.value().name() == "a")
    {
        return home(link);
    }
    let mut links = el
        .descendants()
        .take(MAX_HOME_LINK_SCAN_NODES)
        .filter_map(ElementRef::wrap)
        .filter(|e| e.value().name() == "a");
    let Some(only) = links.next() else {
        return false;
    };
    links.next().is_none()
        && home(only)
        && element_text(only, MAX_FIELD_CHARS) == element_text(el, MAX_FIELD_CHARS)
}

/// Whether `href` names a site's root: "/", "./", "index.html", "https://host/", "//host".
/// A query ("/?p=12" is a post) or a fragment alone is not the root.
pub(super) fn is_root_address(href: &str) -> bool {
    let href = href.trim();
    if href.is_empty() || href.starts_with('#') || href.contains('?') {
        return false;
    }
    let path = match href.find("//") {
        Some(at)
            if href[..at]
                .trim_end_matches(':')
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')) =>
        {
            let after_host = &href[at + 2..];
            after_host
                .find('/')
                .map_or("", |slash| &after_host[slash..])
        }
        _ => href,
    };
    let path = path.split('#').next().unwrap_or_default();
    matches!(
        path.trim_start_matches('.').trim_start_matches('/'),
        "" | "index.html" | "index.htm" | "index.php" | "default.aspx"
    )
}

/// Whether `part` of a title names the site (one of `site_names`, case and accents folded).
fn names_site(part: &str, site_names: &[String]) -> bool {
    let part = fold(part);
    site_names.iter().any(|name| fold(name) == part)
}

/// The parts of a title between its separators ("Blog » Archive » Post" → the three parts).
pub(super) fn title_parts(title: &str) -> Vec<&str> {
    let mut parts = vec![title];
    for sep in TITLE_SEPARATORS {
        parts = parts.into_iter().flat_map(|part| part.split(sep)).collect();
    }
    parts
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
        // "Headline | Town Name - Official Website": a short tail right after the site's
        // name goes with it.
        let after_site_name = || {
            let last_part = title_parts(head).last().copied().unwrap_or("");
            last_part.len() < head.len() && names_site(last_part)
        };
        if names_site(tail) || (short && !stripped_short && (names.is_empty() || after_site_name()))
        {
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

//! Authors: JSON-LD and meta tags, the visible byline, and the signature closing the body.

use super::dates::is_calendar_word;
use super::json_ld::{JsonLd, json_person_names};
use super::meta_tags::MetaTags;
use super::regions::{BYLINES, Candidates, Layout, grandparent, in_excluded_region};
use super::text::{
    MAX_ANCESTORS, MAX_AUTHORS, MAX_CANDIDATES, MAX_FIELD_CHARS, clean_text, data_lines,
    element_text, fold, is_all_upper, is_block_tag, looks_like_domain, looks_like_url, selector,
    texts_after, word_set,
};
use scraper::ElementRef;
use scraper::Selector;
use std::sync::LazyLock;

/// Longest text, in characters, of an element read as a byline.
pub(super) const MAX_BYLINE_CHARS: usize = 120;
/// Shortest and longest user name read after a credit ("Post by gravelgus").
pub(super) const MIN_HANDLE_CHARS: usize = 3;
pub(super) const MAX_HANDLE_CHARS: usize = 30;
/// Longest author name, in characters.
pub(super) const MAX_NAME_CHARS: usize = 50;
/// Most words in an author name ("Nguyễn Thị Minh Khai" has 4).
pub(super) const MAX_NAME_WORDS: usize = 6;
/// Text nodes read after the headline, in document order, for a credit line: a template's
/// kicker, buttons and date may sit between them (set 2026-12-07 on classic CMS templates).
pub(super) const CREDIT_LOOKAHEAD_TEXTS: usize = 16;
/// Characters of a text node compared with the credit prefixes (the longest is shorter).
pub(super) const MAX_CREDIT_PREFIX_CHARS: usize = 24;
/// Text blocks read backwards from the end of the body when looking for a signature.
/// Signatures sit in the last 1–3 blocks; captions and source lines can follow them.
pub(super) const SIGNATURE_LOOKBACK_BLOCKS: usize = 6;
/// A block at least this long, in characters, is prose: the signature search stops there.
pub(super) const SIGNATURE_PROSE_CHARS: usize = 120;
/// `<meta>` keys naming the author, best first (values that are URLs are skipped).
pub(super) const AUTHOR_META_KEYS: &[&str] = &[
    "dable:author",
    "article:author",
    "author",
    "parsely-author",
    "sailthru.author",
    "byl",
    "dc.creator",
    "citation_author",
];

/// Credit prefixes that introduce the writer ("Tin, ảnh: HÀ PHƯƠNG"), lowercase, after
/// collapsing spaces, in the order they are tried (`data/metadata/author_credit_prefixes.txt`;
/// a word entry such as "by" stands for "by ").
pub(super) static AUTHOR_CREDIT_PREFIXES: LazyLock<Vec<String>> = LazyLock::new(|| {
    data_lines(include_str!(
        "../../data/metadata/author_credit_prefixes.txt"
    ))
    .into_iter()
    .map(|entry| {
        if entry.ends_with([':', '：']) {
            entry.to_string()
        } else {
            format!("{entry} ")
        }
    })
    .collect()
});

/// Prefixes stripped from a byline element's text before reading names ("Theo Hồ Hương"
/// in a byline element credits Hồ Hương; the same words on a body line name a source).
pub(super) const BYLINE_ELEMENT_PREFIXES: &[&str] = &[
    "auteur:",
    "author:",
    "autor:",
    // "By Nora Feld April 12, 2026": the credit line does not read as names with its date.
    "by ",
    "posted by ",
    "post by ",
    "postby ",
    "автор:",
    "av ",
    "bởi ",
    "door ",
    "tác giả ",
    "tác giả:",
    "theo ",
    "written by ",
    "بقلم ",
    "كتب ",
    "كتبت ",
];

/// Credits of a reviewer or fact checker, not the writer ("Reviewed by Justin Meserole").
const REVIEWER_PREFIXES: &[&str] = &[
    "reviewed by",
    "medically reviewed by",
    "fact checked by",
    "fact-checked by",
    "edited by",
    "tested by",
    "updated by",
];

/// Words that lead into a date after a byline's name ("By Ann Lee on March 3, 2026").
const DATE_LEAD_WORDS: &[&str] = &[
    "on",
    "at",
    "le",
    "el",
    "il",
    "—",
    "–",
    "-",
    "|",
    "·",
    "»",
    "published",
    "updated",
    "posted",
    "modified",
    "last",
];

/// Upper-case words that make a short upper-case line a heading or label, not a name.
pub(super) static NOT_NAME_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| data_lines(include_str!("../../data/metadata/not_name_words.txt")));

/// Agencies and generic credits that are sources, not authors.
pub(super) static NOT_AUTHOR_NAMES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| data_lines(include_str!("../../data/metadata/not_author_names.txt")));

/// Degrees and honours written after a name ("MS", "Ph.D.", "FAND"), never names themselves.
pub(super) static CREDENTIALS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| data_lines(include_str!("../../data/metadata/credentials.txt")));

/// Whether `part` is a credential such as "RD" or "Ph.D.", compared without dots and case.
fn is_credential(part: &str) -> bool {
    let bare: String = part
        .chars()
        .filter(|&c| c != '.')
        .collect::<String>()
        .to_lowercase();
    CREDENTIALS.contains(&bare.as_str())
}

/// Newsroom jobs written after a byline's name ("Transport Reporter", "Staff Writer").
static JOB_TITLES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| data_lines(include_str!("../../data/metadata/job_titles.txt")));

/// Words that qualify a newsroom job ("Senior", "Contributing").
static JOB_QUALIFIERS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| data_lines(include_str!("../../data/metadata/job_qualifiers.txt")));

/// Whether a credit part ends with a newsroom job ("Transport Reporter").
fn is_job_title(part: &str) -> bool {
    part.split_whitespace()
        .last()
        .is_some_and(|word| JOB_TITLES.contains(&word.to_lowercase().as_str()))
}

/// A name with the job run into it taken off ("Linda Rosencrance Contributing Writer" is
/// "Linda Rosencrance"); `None` when fewer than two words are left, a job alone.
fn without_job_title(part: &str) -> Option<String> {
    let mut words: Vec<&str> = part.split_whitespace().collect();
    words.pop();
    while words
        .last()
        .is_some_and(|word| JOB_QUALIFIERS.contains(&word.to_lowercase().as_str()))
    {
        words.pop();
    }
    (words.len() >= 2).then(|| words.join(" "))
}

/// Job titles written after a reporter's name.
pub(super) const ROLE_SUFFIXES: &[&str] = &[" 기자", " 특파원", "記者", "特派員", " 记者"];

/// Where the article sits in the page: the layout around it, its body container, and its
/// headline node.
pub(super) struct Anchors<'a> {
    pub(super) layout: &'a Layout,
    pub(super) body: Option<ElementRef<'a>>,
    /// The displayed headline element, when the title was read from one.
    pub(super) headline: Option<ElementRef<'a>>,
    /// A product page: "By …" under its name credits the maker, not a writer.
    pub(super) product: bool,
    /// A forum thread: its author is the opening poster, often a user name
    /// ("saltmarsh_pete") rather than a person's name.
    pub(super) forum: bool,
}

pub(super) fn authors(
    page: &Candidates,
    anchors: &Anchors,
    metas: &MetaTags,
    json_ld: &JsonLd,
    site_names: &[String],
    vietnamese: bool,
) -> Vec<String> {
    let Anchors {
        layout,
        body,
        headline,
        product,
        forum,
    } = *anchors;
    let title_node = headline.map(|h| h.id());
    let is_site = |name: &str| {
        let folded = fold(name);
        let words: Vec<String> = name.split_whitespace().map(fold).collect();
        folded.is_empty()
            || looks_like_domain(name)
            || looks_like_url(name)
            || NOT_AUTHOR_NAMES.contains(&name.to_lowercase().as_str())
            || site_names.iter().map(|s| fold(s)).any(|s| {
                s == folded
                    || (!surname_names_site(name, &words, &s)
                        && ((s.chars().count() >= 4 && folded.contains(&s))
                            || words.contains(&s)
                            || (folded.chars().count() >= 5 && s.contains(&folded))))
            })
    };

    // Structured: JSON-LD article author, else author meta tags.
    let mut structured: Vec<String> = Vec::new();
    // On a forum, the thread's opening post (a Q&A page's question) when no article is
    // declared.
    let declared = json_ld
        .article()
        .or_else(|| forum.then(|| json_ld.thread()).flatten());
    if let Some(author) = declared.and_then(|o| o.get("author")) {
        for name in json_person_names(author) {
            structured.extend(split_names(&name));
        }
    }
    if structured.iter().all(|n| is_site(n)) {
        structured.clear();
        for key in AUTHOR_META_KEYS {
            for value in metas.all(key) {
                if !looks_like_url(value) {
                    structured.extend(split_names(without_credit_prefix(&clean_text(value))));
                }
            }
            if structured.iter().any(|n| !is_site(n)) {
                break;
            }
        }
    }
    structured.retain(|n| !is_site(n) && (is_name_like(n) || (forum && is_handle(n))));

    // Visible: byline elements, then the signature or credit line closing the body.
    let (mut visible, mut truncated) = visible_byline(page, layout, title_node).unwrap_or_default();
    visible.retain(|n| !is_site(n));
    if visible.is_empty() {
        visible = headline
            .filter(|_| !product)
            .and_then(|h| credit_after_headline(h, body, layout))
            .unwrap_or_default();
        visible.retain(|n| !is_site(n));
    }
    if visible.is_empty() {
        visible = signature(body, layout, vietnamese).unwrap_or_default();
        visible.retain(|n| !is_site(n));
        truncated = false;
    }
    // A visible name wrapping a structured one ("بقلم سلمى الحداد") is that name.
    let visible: Vec<String> = visible
        .into_iter()
        .map(|v| {
            let folded = fold(&v);
            structured
                .iter()
                .find(|s| {
                    let s = fold(s);
                    s.chars().count() >= 3 && s != folded && folded.contains(&s)
                })
                .cloned()
                .unwrap_or(v)
        })
        .collect();
    // The structured list is better when the byline shows only some of its names
    // ("NHẬT XUÂN và 1 tác giả khác").
    let structured_keys: Vec<String> = structured.iter().map(|n| fold(n)).collect();
    let subset = visible.iter().all(|v| structured_keys.contains(&fold(v)));
    // A byline sharing no word with the structured names read something else (a section
    // label, another story's author); a partial match ("Lương Ý" / "Lương Văn Ý") is the
    // byline as displayed.
    let structured_words: Vec<String> = structured.iter().flat_map(|n| word_set(n)).collect();
    let disjoint = !structured.is_empty()
        && visible
            .iter()
            .all(|v| word_set(v).iter().all(|w| !structured_words.contains(w)));
    let chosen = if visible.is_empty()
        || disjoint
        || (structured.len() > visible.len() && (truncated || subset))
    {
        structured
    } else {
        visible
    };
    dedupe_names(chosen)
}

/// Names from the first byline selector that matches outside excluded regions, preferring
/// the first match after the headline; the flag is set when the byline abbreviates a list
/// ("NHẬT XUÂN và 1 tác giả khác").
pub(super) fn visible_byline(
    page: &Candidates,
    layout: &Layout,
    title_node: Option<ego_tree::NodeId>,
) -> Option<(Vec<String>, bool)> {
    // Whether a candidate reads as a byline, and its text, computed once for all the
    // selectors (most candidates match several).
    let mut readings: Vec<Option<Option<String>>> = vec![None; page.bylines.len()];
    for sel in BYLINES.iter() {
        let matches: Vec<(ElementRef, String)> = page
            .bylines
            .iter()
            .enumerate()
            .filter(|(_, el)| sel.matches(el))
            .take(MAX_CANDIDATES)
            .filter_map(|(index, &el)| {
                let reading = readings.get_mut(index)?.get_or_insert_with(|| {
                    if in_excluded_region(el, layout) {
                        return None;
                    }
                    let text = element_text(el, MAX_BYLINE_CHARS + 1);
                    (!text.is_empty()
                        && text.chars().count() <= MAX_BYLINE_CHARS
                        && !byline_element_names(&text).is_empty())
                    .then_some(text)
                });
                reading.clone().map(|text| (el, text))
            })
            .collect();
        // A byline before the headline may belong to a header teaser: prefer one after it.
        let start = title_node
            .and_then(|t| matches.iter().position(|(el, _)| el.id() > t))
            .unwrap_or(0);
        let Some((first, _)) = matches.get(start) else {
            continue;
        };
        // Several matches count only when they share a grandparent (one byline).
        let group = grandparent(*first);
        let mut names = Vec::new();
        let mut truncated = false;
        for (el, text) in &matches[start..] {
            if grandparent(*el) != group {
                break;
            }
            let around = el
                .parent()
                .and_then(ElementRef::wrap)
                .map_or_else(|| text.clone(), |p| element_text(p, MAX_FIELD_CHARS));
            let lower = around.to_lowercase();
            if lower.contains("tác giả khác") || lower.contains(" others") {
                truncated = true;
            }
            names.extend(byline_element_names(text));
            if names.len() >= MAX_AUTHORS {
                break;
            }
        }
        if !names.is_empty() {
            return Some((names, truncated));
        }
    }
    None
}

/// A credit line among the few elements after the headline and before the body's text
/// ("Written by Ann Holloway", "By Owen Tarrant"): templates whose byline carries no
/// author class (Joomla's `<span class="small">`).
pub(super) fn credit_after_headline(
    headline: ElementRef,
    body: Option<ElementRef>,
    layout: &Layout,
) -> Option<Vec<String>> {
    // The text nodes after the headline, in document order: a credit line opens with its
    // prefix, so only the element around a text node that starts like one is read whole.
    for (node, text) in texts_after(headline, body, CREDIT_LOOKAHEAD_TEXTS) {
        let text = text.trim_start();
        if text.chars().count() > MAX_BYLINE_CHARS {
            // A paragraph: the body's prose has begun (a standfirst in a `div` has not).
            if node
                .parent()
                .and_then(ElementRef::wrap)
                .is_some_and(|p| p.value().name() == "p")
            {
                break;
            }
            continue;
        }
        let head: String = text.chars().take(MAX_CREDIT_PREFIX_CHARS).collect();
        if !opens_with_credit(&head) {
            continue;
        }
        // The element the text opens: its parent, or the one above when the prefix stands
        // alone ("<span>Written by</span> <a>Ann Holloway</a>").
        let Some(mut el) = node.parent().and_then(ElementRef::wrap) else {
            continue;
        };
        let mut line = element_text(el, MAX_BYLINE_CHARS + 1);
        if is_bare_credit(&line)
            && let Some(parent) = el.parent().and_then(ElementRef::wrap)
        {
            el = parent;
            line = element_text(el, MAX_BYLINE_CHARS + 1);
        }
        if !opens_with_credit(&line)
            || line.chars().count() > MAX_BYLINE_CHARS
            || in_excluded_region(el, layout)
            || links_to_maker(el)
        {
            continue;
        }
        let names = byline_element_names(&line);
        if !names.is_empty() {
            return Some(names);
        }
    }
    None
}

/// Whether `text` is only the words that lead into a date ("Posted on", a WordPress
/// theme's `meta-prep-author` span).
fn is_date_lead(text: &str) -> bool {
    text.split_whitespace()
        .all(|word| DATE_LEAD_WORDS.contains(&word.to_lowercase().as_str()))
}

/// Whether `text` is a credit prefix alone ("Written by", "By:").
fn is_bare_credit(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    AUTHOR_CREDIT_PREFIXES.iter().any(|prefix| {
        prefix.trim_end() == lower || prefix.trim_end().trim_end_matches([':', '：']) == lower
    })
}

/// Whether `text` opens with a writer credit prefix ("by ", "tin:"), case ignored; a
/// prefix ending in a space also matches the bare word ("By" then a link).
fn opens_with_credit(text: &str) -> bool {
    let lower = text.to_lowercase();
    AUTHOR_CREDIT_PREFIXES.iter().any(|prefix| {
        lower.starts_with(prefix.as_str())
            || prefix
                .strip_suffix(' ')
                .is_some_and(|word| lower.trim_end() == word)
    })
}

/// Path segments of a shop's maker pages ("By <a href="/brand/marlow-and-finch">Marlow &
/// Finch</a>" under a product's name credits its maker, not a writer).
const MAKER_PATH_SEGMENTS: &[&str] = &[
    "brand",
    "brands",
    "manufacturer",
    "manufacturers",
    "vendor",
    "vendors",
    "seller",
    "sellers",
];

/// Whether `el` holds a link to a maker's page ([`MAKER_PATH_SEGMENTS`]).
fn links_to_maker(el: ElementRef) -> bool {
    el.descendants()
        .filter_map(ElementRef::wrap)
        .filter(|e| e.value().name() == "a")
        .filter_map(|a| a.value().attr("href"))
        .any(|href| {
            href.split(['?', '#'])
                .next()
                .unwrap_or_default()
                .split('/')
                .any(|segment| {
                    MAKER_PATH_SEGMENTS
                        .iter()
                        .any(|m| segment.eq_ignore_ascii_case(m))
                })
        })
}

/// The signature or credit line closing the article body: the last few text blocks of the
/// body container are read backwards until prose. `vietnamese` allows bare signatures
/// (an upper-case or bold name on its own line).
pub(super) fn signature(
    body: Option<ElementRef>,
    layout: &Layout,
    vietnamese: bool,
) -> Option<Vec<String>> {
    let body = body?;
    // Blocks holding text, in document order (capped), then read from the end. A block is
    // the nearest block-level element around a text node: `<p><strong>Hà Thu</strong>
    // <em>(tổng hợp)</em></p>` is one block.
    let mut blocks: Vec<ElementRef> = Vec::new();
    for node in body.descendants().take(50_000) {
        if node.value().as_text().is_none_or(|t| t.trim().is_empty()) {
            continue;
        }
        let block = node
            .ancestors()
            .take(MAX_ANCESTORS)
            .filter_map(ElementRef::wrap)
            .find(|e| is_block_tag(e.value().name()) || e.id() == body.id());
        if let Some(block) = block
            && blocks.last().is_none_or(|last| last.id() != block.id())
        {
            blocks.push(block);
        }
    }
    let mut seen = 0;
    for el in blocks.iter().rev().take(MAX_CANDIDATES) {
        // Captions, related boxes and link lists (ads, teasers) may follow the signature.
        if el.id() == body.id()
            || in_excluded_region(*el, layout)
            || in_caption(*el)
            || el.value().name() == "li"
            || is_link_text(*el)
        {
            continue;
        }
        let text = element_text(*el, MAX_FIELD_CHARS);
        if text.is_empty() {
            continue;
        }
        if text.chars().count() >= SIGNATURE_PROSE_CHARS {
            break;
        }
        // Bare names closing the body are a Vietnamese convention; elsewhere only credit
        // lines ("By …") and author-classed elements count.
        let name = if vietnamese {
            byline_name(&text).or_else(|| {
                // A bare title-case name counts when the page sets it apart: bold,
                // right-aligned, an author class, or the very last line of the body.
                (seen == 0 || is_emphasised(*el) || has_author_class(*el))
                    .then(|| signature_name(&text))
                    .flatten()
            })
        } else {
            credit_name(&text).or_else(|| {
                has_author_class(*el)
                    .then(|| signature_name(&text))
                    .flatten()
            })
        };
        if let Some(name) = name {
            return Some(split_names(&name));
        }
        seen += 1;
        if seen >= SIGNATURE_LOOKBACK_BLOCKS {
            break;
        }
    }
    // A credit line ("Tin, ảnh: …") may also open the body.
    for el in blocks.iter().take(SIGNATURE_LOOKBACK_BLOCKS) {
        let text = element_text(*el, MAX_BYLINE_CHARS + 1);
        if text.chars().count() <= MAX_BYLINE_CHARS
            && let Some(name) = credit_name(&text)
        {
            return Some(split_names(&name));
        }
    }
    None
}

/// Names in the text of a byline element: prefixes ("Theo", "Tác giả:"), dates and
/// separators ("Nguyên Minh - 07/03/2026 08:47", "Đỗ Trung • 07:12") removed.
pub(super) fn byline_element_names(text: &str) -> Vec<String> {
    let mut text = text.trim().to_string();
    let lower = text.to_lowercase();
    if REVIEWER_PREFIXES.iter().any(|p| lower.starts_with(p)) {
        return Vec::new();
    }
    let mut credited = false;
    if let Some(name) = credit_name(&text) {
        text = name;
        credited = true;
    }
    let lower = text.to_lowercase();
    for prefix in BYLINE_ELEMENT_PREFIXES {
        if lower.starts_with(prefix) {
            text = text[prefix.len()..].trim().to_string();
            credited = true;
            break;
        }
    }
    // Cut at the first date-like part or bullet.
    let mut kept = String::new();
    for part in text.split(['•', '|', '·', '\n']) {
        if part.chars().any(|c| c.is_ascii_digit()) {
            // "Nguyên Minh - 07/03/2026": keep what precedes the date inside the part.
            let before: Vec<&str> = part
                .split(" - ")
                .take_while(|p| !p.chars().any(|c| c.is_ascii_digit()))
                .collect();
            if before.is_empty() {
                // "By Nora Feld April 12, 2026": the few words before a date (opening with
                // a figure, a month or a weekday); figures inside words ("Huberty1") are
                // footnote marks, not dates.
                let all: Vec<&str> = part.split_whitespace().collect();
                // Months and weekdays open the date only before a figure ("Mon Nov 03"):
                // "Mei", "May" and "Nisan" are also given names.
                let opens_number = |w: &str| w.starts_with(|c: char| c.is_ascii_digit());
                let date_at = (0..all.len()).find(|&at| {
                    let calendar = all[at..].iter().take_while(|w| is_calendar_word(w)).count();
                    all.get(at + calendar).is_some_and(|w| opens_number(w))
                });
                let mut words: Vec<&str> = all[..date_at.unwrap_or(0)].to_vec();
                // "Wednesday, April 12": a weekday set off by its comma goes with the date.
                while words.last().is_some_and(|w| {
                    (w.ends_with(',') && is_calendar_word(w))
                        || DATE_LEAD_WORDS.contains(&w.to_lowercase().trim_end_matches(':'))
                }) {
                    words.pop();
                }
                if words.len() <= MAX_NAME_WORDS + 2
                    && !words.iter().any(|w| w.chars().any(|c| c.is_ascii_digit()))
                {
                    kept.push_str(&words.join(" "));
                }
            } else {
                kept.push_str(&before.join(" - "));
            }
            break;
        }
        if !kept.is_empty() {
            kept.push_str(", ");
        }
        kept.push_str(part);
    }
    // "Submitted by Gwen Talbot on Tue, 05/14/2013": the credit reads once the date is cut.
    if let Some(name) = credit_name(&kept) {
        kept = name;
        credited = true;
    }
    let lower = kept.to_lowercase();
    let kept = match lower
        .find(" và ")
        .filter(|_| lower.contains("tác giả khác"))
    {
        Some(at) => kept[..at].to_string(),
        None => kept,
    };
    let names: Vec<String> = split_names(&kept)
        .into_iter()
        .filter(|n| is_name_like(n) && !is_bare_credit(n) && !is_date_lead(n))
        .collect();
    if names.is_empty() && credited && is_handle(kept.trim()) {
        // "Post by gravelgus »": a forum's or a Q&A site's user name after a credit.
        return vec![kept.trim().to_string()];
    }
    names
}

/// Whether `text` reads as one user name ("gravelgus", "the_asker", "dev-42"): one word
/// of letters, figures, `_`, `-` and `.`, opening with a letter.
fn is_handle(text: &str) -> bool {
    let chars = text.chars().count();
    (MIN_HANDLE_CHARS..=MAX_HANDLE_CHARS).contains(&chars)
        && text.chars().next().is_some_and(char::is_alphabetic)
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
}

/// Recognises a credit or signature line of an article body and returns the credited
/// name(s) as written, for `clean` to drop such lines from the body.
///
/// Recognised: writer credits ("Tin, ảnh: HÀ PHƯƠNG", "Bài và ảnh: Minh Anh", "Tác giả:
/// …", "By …"); an upper-case short line ("NHẬT XUÂN - NGHI VŨ", "Q.C"); a name marked as
/// compiled or translated ("Hà Thu (tổng hợp)", "Minh Anh (theo Reuters)"). Not
/// recognised: sources ("Theo TTXVN", "Nguồn: …"), photo credits ("Ảnh: …"), and title-case
/// names on their own (see [`signature_name`], which needs the line's emphasis as context).
pub(crate) fn byline_name(line: &str) -> Option<String> {
    let line = clean_text(line);
    if line.is_empty() || line.chars().count() > MAX_BYLINE_CHARS {
        return None;
    }
    if let Some(name) = credit_name(&line) {
        return Some(name);
    }
    let (name, marked) = strip_compile_marker(&line);
    if name.is_empty() {
        return None;
    }
    if marked && split_names(&name).iter().all(|n| is_name_like(n)) {
        return Some(name);
    }
    let names = split_names(&name);
    let upper_names = !names.is_empty()
        && names.iter().all(|n| is_name_like(n) && is_all_upper(n))
        && name.chars().filter(|c| c.is_alphabetic()).count() >= 2;
    let multi_word_or_initials = names
        .iter()
        .all(|n| n.split_whitespace().count() >= 2 || is_initials(n));
    let not_label = !name
        .split(|c: char| !c.is_alphabetic())
        .any(|w| NOT_NAME_WORDS.contains(&w));
    (upper_names && multi_word_or_initials && not_label).then_some(name)
}

/// Like [`byline_name`], and also accepts a title-case name on its own ("Anh Dũng") — only
/// for a line the page marks as a signature (bold, right-aligned, or an author class) at
/// the end of the body.
pub(crate) fn signature_name(line: &str) -> Option<String> {
    if let Some(name) = byline_name(line) {
        return Some(name);
    }
    let line = clean_text(line);
    let (name, _) = strip_compile_marker(&line);
    let names = split_names(&name);
    let ok = !names.is_empty()
        && names.iter().all(|n| {
            is_name_like(n)
                && (n.split_whitespace().count() >= 2 || is_initials(n))
                && n.split_whitespace()
                    .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        })
        && !name.split(|c: char| !c.is_alphabetic()).any(|w| {
            NOT_NAME_WORDS.contains(&w) || NOT_NAME_WORDS.contains(&w.to_uppercase().as_str())
        });
    ok.then_some(name)
}

/// The name after a writer credit prefix ("Tin, ảnh: HÀ PHƯƠNG" → "HÀ PHƯƠNG").
pub(super) fn credit_name(line: &str) -> Option<String> {
    let line = clean_text(line);
    let (rest, _) = strip_compile_marker(after_credit_prefix(&line)?);
    let names = split_names(&rest);
    (!names.is_empty() && names.iter().all(|n| is_name_like(n))).then_some(rest)
}

/// What follows the writer credit prefix `line` opens with ("Tin, ảnh: HÀ PHƯƠNG" →
/// "HÀ PHƯƠNG"), its colon and spaces aside; `None` when it opens with none.
fn after_credit_prefix(line: &str) -> Option<&str> {
    AUTHOR_CREDIT_PREFIXES.iter().find_map(|prefix| {
        let head = line.get(..prefix.len())?;
        (head.to_lowercase() == *prefix).then(|| {
            line[prefix.len()..]
                .trim()
                .trim_start_matches([':', '：'])
                .trim()
        })
    })
}

/// `value` without a writer credit prefix an author meta tag may carry ("By Dana
/// Whitfield, CNN").
fn without_credit_prefix(value: &str) -> &str {
    after_credit_prefix(value)
        .filter(|rest| !rest.is_empty())
        .unwrap_or(value)
}

/// `line` without a trailing "(tổng hợp)", "(theo …)", "(dịch)" marker, and whether one
/// was there.
pub(super) fn strip_compile_marker(line: &str) -> (String, bool) {
    let line = line.trim();
    if let Some(open) = line.rfind('(')
        && line.ends_with(')')
    {
        let inner = line[open + 1..line.len() - 1].trim().to_lowercase();
        let marker = [
            "tổng hợp",
            "theo ",
            "dịch",
            "lược dịch",
            "biên dịch",
            "tổng hợp)",
        ]
        .iter()
        .any(|m| inner.starts_with(m));
        if marker {
            return (line[..open].trim().to_string(), true);
        }
    }
    (line.to_string(), false)
}

/// Whether `part` ends with a hyphen right after a letter ("Home-"): the first word of
/// a pair that shares its second half ("Home- and Digital-Security").
fn is_suspended_compound(part: &str) -> bool {
    let mut chars = part.chars().rev();
    chars.next() == Some('-') && chars.next().is_some_and(char::is_alphabetic)
}

/// Characters of a Chinese name written in Han script: a byline of such names separates
/// them with spaces alone ("本报记者 刘芳 陈宇航"), 2 to 4 characters each.
pub(super) const HAN_NAME_CHARS: std::ops::RangeInclusive<usize> = 2..=4;

/// The names of a part made only of Han names separated by spaces ("刘芳 陈宇航"), or the
/// part itself.
fn split_han_names(part: String) -> Vec<String> {
    let words: Vec<&str> = part.split_whitespace().collect();
    let all_han_names = words.len() > 1
        && words
            .iter()
            .all(|word| HAN_NAME_CHARS.contains(&word.chars().count()) && word.chars().all(is_han));
    if all_han_names {
        words.into_iter().map(str::to_string).collect()
    } else {
        vec![part]
    }
}

/// Whether `c` is a CJK unified ideograph (the common block and extension A).
pub(super) fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// Whether the text after a byline's slash names an outlet or a desk: it opens with an
/// acronym ("TTXVN", "VOV-Miền Trung", "VOV.VN") or a name ending in "+" ("Vietnam+").
fn names_outlet(outlet: &str) -> bool {
    let first = outlet
        .trim()
        .split([' ', '-', '.'])
        .next()
        .unwrap_or_default();
    let letters = first.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && (first
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit())
            || first.ends_with('+'))
}

/// Social networks an author box links to by name (`data/metadata/social_networks.txt`).
static SOCIAL_NETWORKS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| data_lines(include_str!("../../data/metadata/social_networks.txt")));

/// `name` without the social networks' names read after it: "Dana Okafor LinkedIn
/// Twitter" is "Dana Okafor", and "LinkedIn" alone is empty.
fn without_social_links(mut name: &str) -> &str {
    loop {
        let (rest, last) = name.rsplit_once(' ').unwrap_or(("", name));
        if last.is_empty() || !SOCIAL_NETWORKS.contains(&last.to_lowercase().as_str()) {
            return name;
        }
        name = rest.trim_end();
    }
}

/// Splits a credit holding several names: "THUẬN VĂN - LÊ ÁNH", "A, B và C", "A; B",
/// "刘芳、陈宇航", "刘芳 陈宇航".
pub(super) fn split_names(text: &str) -> Vec<String> {
    let mut parts = vec![text.to_string()];
    for sep in [
        ";", ",", "、", " và ", " - ", " – ", " & ", " and ", " und ", " et ", " y ", " og ",
        " och ", " e ", " i ", " ve ", " и ",
    ] {
        parts = parts
            .iter()
            .flat_map(|p| p.split(sep).map(str::to_string).collect::<Vec<_>>())
            .collect();
    }
    parts
        .into_iter()
        .flat_map(split_han_names)
        // A word cut before "and" ("Home- and Digital-Security Expert") shares the
        // next part's ending: a job title, not a name.
        .filter(|p| !is_suspended_compound(p.trim()))
        .map(|p| {
            let p = p
                .trim()
                .trim_matches(|c: char| matches!(c, ':' | '-' | '–' | '—' | ',' | '*'));
            // A full stop after a name, but not after initials ("Q.C.").
            let p = match p.strip_suffix('.') {
                Some(stripped) if !is_initials(p) => stripped,
                _ => p,
            };
            // An author box's social links read after the name ("Dana Okafor LinkedIn").
            let p = without_social_links(p);
            // The outlet or desk after a slash ("Hồng Hạnh/TTXVN", "Nguyễn Trang/VOV-Miền
            // Trung", "Lê Ánh/Vietnam+").
            let p = match p.rsplit_once('/') {
                Some((name, outlet)) if !name.trim().is_empty() && names_outlet(outlet) => {
                    name.trim_end()
                }
                _ => p,
            };
            // The outlet a republished story credits after the name ("Minh Khang (Dân
            // Việt)", "Jane Doe (Reuters)").
            let p = match p.strip_suffix(')').and_then(|rest| rest.rsplit_once('(')) {
                Some((name, _)) if !name.trim().is_empty() => name.trim_end(),
                _ => p,
            };
            // A job title after the name ("신현주 기자", "山田太郎記者").
            let p = ROLE_SUFFIXES
                .iter()
                .find_map(|suffix| p.strip_suffix(suffix))
                .unwrap_or(p);
            clean_text(p)
        })
        .filter(|p| !p.is_empty())
        .enumerate()
        .filter_map(|(index, p)| {
            // A job after a name is the name's ("Mark Ellis, Transport Reporter"); a job
            // run into the first name is taken off it.
            if !is_job_title(&p) {
                Some(p)
            } else if index == 0 {
                without_job_title(&p)
            } else {
                None
            }
        })
        .filter(|p| !is_credential(p))
        .take(MAX_AUTHORS)
        .collect()
}

/// Words naming a newsroom or a publication (`data/metadata/newsroom_words.txt`).
static NEWSROOM_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| data_lines(include_str!("../../data/metadata/newsroom_words.txt")));

/// Whether `name` (its folded `words`) is a person whose surname is the site's name
/// `site` (Jason Kottke on kottke.org, Ines Harrow on harrow.example): a name-like
/// byline of two or more words whose last word alone is the site, after no newsroom word
/// ("Team Engadget" is the site's own).
fn surname_names_site(name: &str, words: &[String], site: &str) -> bool {
    let Some((last, given)) = words.split_last() else {
        return false;
    };
    !given.is_empty()
        && last == site
        && given.iter().all(|word| {
            word != site
                && !NEWSROOM_WORDS.contains(&word.as_str())
                && !NOT_AUTHOR_NAMES.contains(&word.as_str())
        })
        // Every word capitalised: "CEO of CaseBasix" and "Ellen is an editor at Brides"
        // are credits, not names.
        && name
            .split_whitespace()
            .all(|word| word.chars().next().is_some_and(char::is_uppercase))
        && is_name_like(name)
}

/// Whether `name` can be a person's name: 1–6 words, no digits or URL characters, starting
/// with an upper-case letter.
pub(super) fn is_name_like(name: &str) -> bool {
    let words = name.split_whitespace().count();
    (1..=MAX_NAME_WORDS).contains(&words)
        && name.chars().count() <= MAX_NAME_CHARS
        // Upper-case first letter, or a script without case (Arabic, CJK).
        && name.chars().next().is_some_and(|c| c.is_alphabetic() && !c.is_lowercase())
        && name.chars().all(|c| {
            c.is_alphabetic()
                || c.is_whitespace()
                || matches!(c, '.' | '-' | '\'' | '’' | '/' | '·' | '・')
                || unicode_normalization::char::is_combining_mark(c)
        })
        && !NOT_AUTHOR_NAMES.contains(&name.to_lowercase().as_str())
}

/// Initials such as "Q.C", "P.Y", "T.L.".
pub(super) fn is_initials(name: &str) -> bool {
    name.contains('.')
        && !name.contains(' ')
        && name.chars().all(|c| c == '.' || c.is_uppercase())
        && name.chars().filter(|c| c.is_uppercase()).count() >= 2
}

/// Removes duplicates (ignoring case) and caps the list.
pub(super) fn dedupe_names(names: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for name in names {
        if !out.iter().any(|n| n.to_lowercase() == name.to_lowercase()) {
            out.push(name);
        }
        if out.len() >= MAX_AUTHORS {
            break;
        }
    }
    out
}

/// Whether the element is bold or right-aligned, as signatures are.
pub(super) fn is_emphasised(el: ElementRef) -> bool {
    let bold_tag = |e: ElementRef| matches!(e.value().name(), "strong" | "b");
    let right = |e: ElementRef| {
        e.value()
            .attr("align")
            .is_some_and(|a| a.eq_ignore_ascii_case("right"))
            || e.value().attr("style").is_some_and(|s| {
                let s = s.to_ascii_lowercase().replace(' ', "");
                s.contains("text-align:right")
                    || s.contains("font-weight:bold")
                    || s.contains("font-weight:700")
            })
            || e.value().classes().any(|c| {
                let c = c.to_ascii_lowercase();
                c.contains("right") || c.contains("bold")
            })
    };
    if bold_tag(el) || right(el) {
        return true;
    }
    // A block whose whole text sits in one bold child: <p><strong>Anh Dũng</strong></p>.
    let own = element_text(el, MAX_BYLINE_CHARS);
    el.child_elements()
        .any(|c| (bold_tag(c) || right(c)) && element_text(c, MAX_BYLINE_CHARS) == own)
        || el
            .parent()
            .and_then(ElementRef::wrap)
            .is_some_and(|p| right(p) && element_text(p, MAX_BYLINE_CHARS) == own)
}

/// Whether the element or its parent has an author/signature class.
pub(super) fn has_author_class(el: ElementRef) -> bool {
    let marks = |e: ElementRef| {
        e.value().classes().any(|c| {
            let c = c.to_ascii_lowercase();
            c.contains("author") || c.contains("signature") || c.contains("tacgia") || c == "name"
        })
    };
    marks(el) || el.parent().and_then(ElementRef::wrap).is_some_and(marks)
}

/// Whether all of the element's text is link text (a teaser or an ad, not a signature).
pub(super) fn is_link_text(el: ElementRef) -> bool {
    static LINKS: LazyLock<Selector> = LazyLock::new(|| selector("a"));
    let total = element_text(el, MAX_FIELD_CHARS).chars().count();
    let linked: usize = el
        .select(&LINKS)
        .take(MAX_CANDIDATES)
        .map(|a| element_text(a, MAX_FIELD_CHARS).chars().count())
        .sum();
    total > 0 && linked * 10 >= total * 8
}

/// Whether the element is inside a caption or figure.
pub(super) fn in_caption(el: ElementRef) -> bool {
    std::iter::once(*el)
        .chain(el.ancestors())
        .take(MAX_ANCESTORS)
        .filter_map(ElementRef::wrap)
        .any(|e| {
            matches!(e.value().name(), "figure" | "figcaption")
                || e.value().classes().any(|c| {
                    let c = c.to_ascii_lowercase();
                    c.contains("caption") || c.contains("image") || c.contains("photo")
                })
        })
}

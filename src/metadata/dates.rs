//! Publication and modification dates: JSON-LD, meta tags, `<time>`, itemprop and the
//! visible date line.

use super::json_ld::JsonLd;
use super::meta_tags::MetaTags;
use super::regions::{
    Candidates, DATE_LINES, ITEMPROP_MODIFIED, ITEMPROP_PUBLISHED, Layout, TIMES,
    in_excluded_region, matching,
};
use super::text::{
    MAX_CANDIDATES, clean_text, data_lines, element_text, texts_after, truncate_chars,
};
use foldhash::HashMap;
use scraper::ElementRef;
use scraper::Selector;
use std::sync::LazyLock;

use crate::lexicon::DATE_LINE_MAX_CHARS_METADATA;
/// Vietnam's UTC offset in minutes, the default for Vietnamese pages.
pub(super) const VIETNAM_OFFSET_MINUTES: i32 = 7 * 60;

/// Languages and country domains of one time zone without daylight saving, with its UTC
/// offset in minutes: a page's times without an offset are in it. Vietnam; China,
/// Taiwan, Hong Kong (and Singapore's and Malaysia's Chinese press); Japan; Korea.
const SINGLE_ZONE_OFFSETS: &[(&str, &str, i32)] = &[
    ("vi", ".vn", VIETNAM_OFFSET_MINUTES),
    ("zh", ".cn", 8 * 60),
    ("zh", ".tw", 8 * 60),
    ("zh", ".hk", 8 * 60),
    ("ja", ".jp", 9 * 60),
    ("ko", ".kr", 9 * 60),
];

/// The UTC offset, in minutes, of a page's times that give none: that of its language or
/// its country domain when they have a single time zone (see [`SINGLE_ZONE_OFFSETS`]),
/// else 0 (read as UTC).
pub(super) fn default_offset_minutes(language: Option<&str>, host: Option<&str>) -> i32 {
    let language = language.map(|l| l.split(['-', '_']).next().unwrap_or(l));
    SINGLE_ZONE_OFFSETS
        .iter()
        .find(|(code, domain, _)| {
            language.is_some_and(|l| l.eq_ignore_ascii_case(code))
                || host.is_some_and(|h| h.ends_with(domain))
        })
        .map_or(0, |(_, _, offset)| *offset)
}

/// `<meta>` keys (name, property or itemprop, lowercased) of the publication time, best first.
pub(super) const PUBLISHED_META_KEYS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish_date",
    "publish-date",
    "article.published",
    "article_date_original",
    "parsely-pub-date",
    "sailthru.date",
    "cxenseparse:recs:publishtime",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "citation_publication_date",
    "date",
];

/// `<meta>` keys of the last modification time, best first.
pub(super) const MODIFIED_META_KEYS: &[&str] = &[
    "article:modified_time",
    "og:article:modified_time",
    "og:updated_time",
    "datemodified",
    "lastmod",
    "last-modified",
    "article.updated",
    "dc.date.modified",
    "dcterms.modified",
];

/// A point in time as a page writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Stamp {
    pub(super) year: i32,
    pub(super) month: u32,
    pub(super) day: u32,
    /// Hour, minute, second; `None` for a bare date.
    pub(super) time: Option<(u32, u32, u32)>,
    /// UTC offset in minutes, when the page gives one.
    pub(super) offset: Option<i32>,
    /// Written with two numbers that could each be the month ("03/04/2025"), read day
    /// first: a page whose locale writes the month first reads it the other way.
    pub(super) order_ambiguous: bool,
}

/// How a page writes what its dates leave out or leave open.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct DateLocale {
    /// The UTC offset, in minutes, of times that give none
    /// ([`default_offset_minutes`]).
    pub(crate) offset_minutes: i32,
    /// The page's locale writes the month first ("03/04/2025" is March 4):
    /// [`month_first_locale`].
    pub(crate) month_first: bool,
}

impl DateLocale {
    /// This locale with the UTC offset of `stamp` (an RFC 3339 time such as the page's
    /// publication time) for times that give none: a story's readers comment in its time
    /// zone ("09.07.2024 08:05" under a story of 07:32+02:00). Unchanged without a stamp.
    pub(crate) fn in_zone_of(self, stamp: Option<&str>) -> Self {
        let offset = stamp.and_then(parse_date).and_then(|stamp| stamp.offset);
        Self {
            offset_minutes: offset.unwrap_or(self.offset_minutes),
            ..self
        }
    }
}

/// Regions of a locale tag (`en-US`, `en_PH`) whose numeric dates put the month first.
const MONTH_FIRST_REGIONS: &[&str] = &["us", "ph"];

/// Domain endings of sites in the United States, whose numeric dates put the month first.
const MONTH_FIRST_DOMAINS: &[&str] = &[".us", ".gov", ".mil", ".edu"];

/// Whether a page writes numeric dates month first: a declared locale of a region that
/// does (`en-US`, `og:locale` `en_US`), or an English page on a United States domain.
/// Any other page reads them day first, as most of the world writes them.
pub(crate) fn month_first_locale(
    locale_tags: &[impl AsRef<str>],
    language: Option<&str>,
    host: Option<&str>,
) -> bool {
    let region_says = locale_tags.iter().any(|tag| {
        let mut parts = tag.as_ref().trim().split(['-', '_']);
        let _language = parts.next();
        parts.next().is_some_and(|region| {
            MONTH_FIRST_REGIONS
                .iter()
                .any(|r| region.eq_ignore_ascii_case(r))
        })
    });
    let domain_says = language == Some("en")
        && host.is_some_and(|h| MONTH_FIRST_DOMAINS.iter().any(|d| h.ends_with(d)));
    region_says || domain_says
}

impl Stamp {
    /// RFC 3339 with seconds and offset, as a page of `locale` means it: its offset
    /// fills a missing one, and an ambiguous numeric date is read in its order.
    pub(super) fn rfc3339(&self, locale: DateLocale) -> String {
        let (h, mi, s) = self.time.unwrap_or((0, 0, 0));
        let offset = self.offset.unwrap_or(locale.offset_minutes);
        let (month, day) = if locale.month_first && self.order_ambiguous {
            (self.day, self.month)
        } else {
            (self.month, self.day)
        };
        let sign = if offset < 0 { '-' } else { '+' };
        let abs = offset.unsigned_abs();
        format!(
            "{:04}-{:02}-{:02}T{h:02}:{mi:02}:{s:02}{sign}{:02}:{:02}",
            self.year,
            month,
            day,
            abs / 60,
            abs % 60
        )
    }

    pub(super) fn same_day(&self, other: &Self) -> bool {
        (self.year, self.month, self.day) == (other.year, other.month, other.day)
    }
}

pub(super) fn published(
    page: &Candidates,
    layout: &Layout,
    metas: &MetaTags,
    json_ld: &JsonLd,
    headline: Option<ElementRef>,
    locale: DateLocale,
) -> Option<String> {
    let title_node = headline.map(|h| h.id());
    let mut candidates: Vec<Stamp> = Vec::new();
    candidates.extend(
        json_ld
            .article_str("datePublished")
            .as_deref()
            .and_then(parse_date),
    );
    candidates.extend(
        PUBLISHED_META_KEYS
            .iter()
            .filter_map(|k| metas.first(&[k]))
            .find_map(parse_date),
    );
    candidates.extend(itemprop_date(page, &ITEMPROP_PUBLISHED, layout));
    candidates.extend(hatom_published(page, layout));
    candidates.extend(rdfa_created(page, layout));
    candidates.extend(
        json_ld
            .any_str("datePublished")
            .as_deref()
            .and_then(parse_date),
    );
    // A job posting is published when it is posted.
    candidates.extend(
        json_ld
            .any_str("datePosted")
            .as_deref()
            .and_then(parse_date),
    );
    // An event page's dates are the event's, not the page's: its `<time>` elements and
    // date lines say when to come.
    if !json_ld.declares_event() {
        candidates.extend(time_element(page, title_node, layout));
        candidates.extend(date_line(page, title_node, layout));
    }
    // The date line under the headline answers when nothing else does, and gives the time
    // of a date read without one ("2025年03月12日08:31" under a story whose meta says
    // "2025-03-12"): `best_stamp` takes a time only from the same day.
    if candidates.iter().all(|c| c.time.is_none()) {
        candidates.extend(headline.and_then(|h| date_after_headline(h, layout)));
    }
    best_stamp(&candidates).map(|s| s.rfc3339(locale))
}

/// Text nodes read after the headline, in document order, for a date line no element
/// names: a byline may stand between them. Set 2026-12-07 on a probe of a 2006
/// table-layout news page.
const DATE_LOOKAHEAD_TEXTS: usize = 8;
/// Longest text node, in characters, read as a date line after the headline: the date
/// and a weekday, a time, a place.
const MAX_PLAIN_DATE_LINE_CHARS: usize = 60;

/// A date line among the text nodes right after the headline, before the body's prose
/// ("Thursday, October 12, 2006" under the bold headline of a page laid out with tables
/// and `<font>`, where no element names a date). A line giving the last update ("updated
/// 6:41 PM EDT, Tue June 12, 2012") answers only when no other line does: it is the one
/// date such a page shows.
fn date_after_headline(headline: ElementRef, layout: &Layout) -> Option<Stamp> {
    let mut update = None;
    for (node, text) in texts_after(headline, None, DATE_LOOKAHEAD_TEXTS) {
        let text = text.trim();
        if text.chars().count() > MAX_PLAIN_DATE_LINE_CHARS {
            // Prose: the body has begun.
            break;
        }
        let Some(parent) = node.parent().and_then(ElementRef::wrap) else {
            continue;
        };
        if in_excluded_region(parent, layout) {
            continue;
        }
        let lower = text.to_lowercase();
        if UPDATE_WORDS.iter().any(|w| lower.contains(w)) {
            update = update.or_else(|| parse_text_date(text));
            continue;
        }
        if let Some(stamp) = parse_text_date(text) {
            return Some(stamp);
        }
    }
    update
}

pub(super) fn modified(
    page: &Candidates,
    layout: &Layout,
    metas: &MetaTags,
    json_ld: &JsonLd,
    locale: DateLocale,
) -> Option<String> {
    let mut candidates: Vec<Stamp> = Vec::new();
    candidates.extend(
        json_ld
            .article_str("dateModified")
            .as_deref()
            .and_then(parse_date),
    );
    candidates.extend(
        MODIFIED_META_KEYS
            .iter()
            .filter_map(|k| metas.first(&[k]))
            .find_map(parse_date),
    );
    candidates.extend(itemprop_date(page, &ITEMPROP_MODIFIED, layout));
    best_stamp(&candidates).map(|s| s.rfc3339(locale))
}

/// The first candidate, with its time taken from a later candidate of the same day when it
/// has none (JSON-LD gives "2026-01-08", the date line "08/01/2026 - 18:21").
pub(super) fn best_stamp(candidates: &[Stamp]) -> Option<Stamp> {
    let mut best = *candidates.first()?;
    if best.time.is_none()
        && let Some(timed) = candidates
            .iter()
            .find(|c| c.time.is_some() && c.same_day(&best))
    {
        best = *timed;
    }
    if best.offset.is_none()
        && let Some(offset) = candidates
            .iter()
            .find(|c| c.same_day(&best) && c.time == best.time && c.offset.is_some())
            .and_then(|c| c.offset)
    {
        best.offset = Some(offset);
    }
    Some(best)
}

/// hAtom's publication time: `<abbr class="published" title="2012-03-18T19:42:00-04:00">`
/// (Blogger and the WordPress themes of its day), which shows only the day or the time
/// ("7:42 PM") and writes the whole stamp in its title.
fn hatom_published(page: &Candidates, layout: &Layout) -> Option<Stamp> {
    matching(&page.date_lines, &DATE_LINES)
        .take(MAX_CANDIDATES)
        .filter(|el| {
            el.value().name() == "abbr"
                && el
                    .value()
                    .attr("class")
                    .is_some_and(|class| class.split_ascii_whitespace().any(|c| c == "published"))
                && !in_excluded_region(*el, layout)
        })
        .find_map(|el| el.value().attr("title").and_then(parse_date))
}

/// A date from an `itemprop` element outside `<meta>` (those are in [`MetaTags`]).
pub(super) fn itemprop_date(page: &Candidates, sel: &Selector, layout: &Layout) -> Option<Stamp> {
    matching(&page.itemprops, sel)
        .take(MAX_CANDIDATES)
        .filter(|el| el.value().name() != "meta" && !in_excluded_region(*el, layout))
        .find_map(|el| {
            // A machine-readable stamp on the element or on a `<time>` inside it comes
            // before the displayed text, which may be the local day of a UTC stamp.
            let inner_time = || {
                el.descendants()
                    .take(MAX_ITEMPROP_DESCENDANTS)
                    .filter_map(ElementRef::wrap)
                    .find(|e| e.value().name() == "time")
                    .and_then(|time| time.value().attr("datetime"))
            };
            el.value()
                .attr("content")
                .or_else(|| el.value().attr("datetime"))
                .or_else(inner_time)
                .and_then(parse_date)
                .or_else(|| parse_date(&element_text(el, DATE_LINE_MAX_CHARS_METADATA)))
        })
}

/// The creation date an RDFa `property` element carries in its `content` (Drupal 7).
pub(super) fn rdfa_created(page: &Candidates, layout: &Layout) -> Option<Stamp> {
    page.rdfa_created
        .iter()
        .take(MAX_CANDIDATES)
        .filter(|el| !in_excluded_region(**el, layout))
        .find_map(|el| el.value().attr("content").and_then(parse_date))
}

/// Nodes looked through for a `<time>` inside an `itemprop` date element.
const MAX_ITEMPROP_DESCENDANTS: usize = 16;

/// The `<time datetime>` of the article: a `pubdate` one, else the first after the headline,
/// else the first.
pub(super) fn time_element(
    page: &Candidates,
    title_node: Option<ego_tree::NodeId>,
    layout: &Layout,
) -> Option<Stamp> {
    let mut first = None;
    let mut after_title = None;
    for el in matching(&page.times, &TIMES).take(MAX_CANDIDATES) {
        if in_excluded_region(el, layout) {
            continue;
        }
        let Some(stamp) = el.value().attr("datetime").and_then(parse_date) else {
            continue;
        };
        if el.value().attr("pubdate").is_some() {
            return Some(stamp);
        }
        first = first.or(Some(stamp));
        if after_title.is_none() && title_node.is_some_and(|t| el.id() > t) {
            after_title = Some(stamp);
        }
    }
    after_title.or(first)
}

/// A visible date line ("Thứ Hai, 17/11/2025 10:30 (GMT+7)"): the first after the headline,
/// else the first on the page.
pub(super) fn date_line(
    page: &Candidates,
    title_node: Option<ego_tree::NodeId>,
    layout: &Layout,
) -> Option<Stamp> {
    // Every parsed line: its element, its stamp, and whether it gives the last update.
    let mut lines: Vec<(ElementRef, Stamp, bool)> = Vec::new();
    // The first publication line after the headline: the answer, unless a line inside it
    // reads another day, so the lines inside it are still read.
    let mut answer: Option<ego_tree::NodeId> = None;
    for el in matching(&page.date_lines, &DATE_LINES).take(MAX_CANDIDATES) {
        if let Some(answer) = answer
            && !el.ancestors().any(|ancestor| ancestor.id() == answer)
        {
            break;
        }
        if in_excluded_region(el, layout) {
            continue;
        }
        // A classic WordPress theme's post-meta line opens with the date in a longer
        // sentence ("This entry was posted on Tuesday, March 29th, 2011 at 7:41 pm and is
        // filed under …"): its opening is read.
        let opens_with_date = el.value().attr("class").is_some_and(|class| {
            crate::html::bytes::contains_ignore_ascii_case(class.as_bytes(), b"postmetadata")
        });
        let text = element_text(el, DATE_LINE_MAX_CHARS_METADATA + 1);
        let too_long = text.chars().count() > DATE_LINE_MAX_CHARS_METADATA;
        if text.is_empty() || (too_long && !opens_with_date) {
            continue;
        }
        let Some(stamp) = parse_text_date(&text) else {
            continue;
        };
        // "Updated: January 2, 2026", not "2019-02-23 (this post was last modified …)".
        let before_date = text
            .split(|c: char| c.is_ascii_digit())
            .next()
            .unwrap_or("");
        let lower = before_date.to_lowercase();
        let update = UPDATE_WORDS.iter().any(|word| lower.contains(word));
        if answer.is_none() && !update && title_node.is_none_or(|t| el.id() > t) {
            answer = Some(el.id());
        }
        lines.push((el, stamp, update));
    }
    // A wrapper whose text runs two lines together ("DECEMBER 22, 2022Updated: JANUARY
    // 02, 2026") gives way to a line inside it that reads another day.
    let same_day = |a: &Stamp, b: &Stamp| (a.year, a.month, a.day) == (b.year, b.month, b.day);
    let wrappers: Vec<bool> = lines
        .iter()
        .map(|(outer, outer_stamp, _)| {
            lines.iter().any(|(inner, inner_stamp, _)| {
                !same_day(outer_stamp, inner_stamp)
                    && inner
                        .ancestors()
                        .any(|ancestor| ancestor.id() == outer.id())
            })
        })
        .collect();
    let published: Vec<(ElementRef, Stamp)> = lines
        .iter()
        .zip(&wrappers)
        .filter(|((_, _, update), wrapper)| !update && !**wrapper)
        .map(|((el, stamp, _), _)| (*el, *stamp))
        .collect();
    let after_title = |el: &ElementRef| title_node.is_none_or(|t| el.id() > t);
    // After the headline, an update line ("Cập nhật: 13/05/2014 - 07:42", the one date an
    // old portal shows) outranks a line before it: a masthead's "today" ("Thứ Ba,
    // 13/05/2014" above the menu).
    published
        .iter()
        .find(|(el, _)| after_title(el))
        .map(|(_, stamp)| *stamp)
        .or_else(|| {
            lines
                .iter()
                .find(|(el, _, update)| *update && title_node.is_some() && after_title(el))
                .map(|(_, stamp, _)| *stamp)
        })
        // Before the headline, the line nearest it: a masthead's "today" stands above.
        .or_else(|| published.last().map(|(_, stamp)| *stamp))
        .or_else(|| {
            lines
                .iter()
                .find(|(_, _, update)| *update)
                .map(|(_, stamp, _)| *stamp)
        })
}

/// Words of a date line that gives the last update (`data/metadata/update_words.txt`).
static UPDATE_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| data_lines(include_str!("../../data/metadata/update_words.txt")));

/// Parses a machine-readable or displayed date: ISO 8601 variants first
/// ("2025-10-22T19:25:52+07:00", "+0700", ".000 +07:00", "2015-03-23 08:06 +07:00"), then
/// the displayed forms of [`parse_text_date`].
pub(super) fn parse_date(text: &str) -> Option<Stamp> {
    let text = clean_text(truncate_chars(text, DATE_LINE_MAX_CHARS_METADATA));
    parse_iso(&text).or_else(|| parse_text_date(&text))
}

/// Reads ASCII digits at `*i`, at most `max` of them; returns the value and the count.
pub(super) fn read_number(bytes: &[u8], i: &mut usize, max: usize) -> Option<(u32, usize)> {
    let start = *i;
    let mut value: u32 = 0;
    while *i < bytes.len() && bytes[*i].is_ascii_digit() && *i - start < max {
        value = value * 10 + u32::from(bytes[*i] - b'0');
        *i += 1;
    }
    (*i > start).then_some((value, *i - start))
}

/// ISO 8601 as pages write it: `YYYY-MM-DD`, then optionally `T` or spaces, `HH:MM[:SS[.f]]`,
/// spaces, and `Z`, `±HH:MM`, `±HHMM` or `±HH`.
pub(super) fn parse_iso(text: &str) -> Option<Stamp> {
    let bytes = text.as_bytes();
    if bytes.get(8) == Some(&b'T') && bytes[..8].iter().all(u8::is_ascii_digit) {
        return parse_iso_basic(text);
    }
    let mut i = 0;
    let (year, 4) = read_number(bytes, &mut i, 4)? else {
        return None;
    };
    let sep = *bytes.get(i)?;
    if sep != b'-' && sep != b'/' {
        return None;
    }
    i += 1;
    let (month, _) = read_number(bytes, &mut i, 2)?;
    if bytes.get(i) != Some(&sep) {
        return None;
    }
    i += 1;
    let (day, _) = read_number(bytes, &mut i, 2)?;
    let mut stamp = valid_date(i32::try_from(year).ok()?, month, day)?;
    // Time.
    let mut j = i;
    while matches!(bytes.get(j), Some(b' ' | b'T' | b't')) {
        j += 1;
    }
    let Some((hour, _)) = read_number(bytes, &mut j, 2) else {
        return Some(stamp);
    };
    if bytes.get(j) != Some(&b':') {
        return Some(stamp);
    }
    j += 1;
    let (minute, 2) = read_number(bytes, &mut j, 2)? else {
        return Some(stamp);
    };
    let mut second = 0;
    if bytes.get(j) == Some(&b':') {
        j += 1;
        second = read_number(bytes, &mut j, 2).map_or(0, |(s, _)| s);
        if bytes.get(j) == Some(&b'.') || bytes.get(j) == Some(&b',') {
            j += 1;
            while bytes.get(j).is_some_and(u8::is_ascii_digit) {
                j += 1;
            }
        }
    }
    if hour > 23 || minute > 59 || second > 60 {
        return Some(stamp);
    }
    stamp.time = Some((hour, minute, second.min(59)));
    // A 12-hour suffix ("7:12:35 AM") is not ISO; leave it to the text parser.
    let rest = text[j..].trim_start();
    let lower = rest.to_ascii_lowercase();
    if lower.starts_with("am") || lower.starts_with("pm") {
        return None;
    }
    stamp.offset = parse_offset(rest);
    Some(stamp)
}

/// ISO 8601's basic format, without separators: "20180619T055000+0900".
fn parse_iso_basic(text: &str) -> Option<Stamp> {
    let bytes = text.as_bytes();
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = bytes.get(range)?;
        part.iter()
            .all(u8::is_ascii_digit)
            .then(|| part.iter().fold(0, |n, b| n * 10 + u32::from(b - b'0')))
    };
    let mut stamp = valid_date(
        i32::try_from(number(0..4)?).ok()?,
        number(4..6)?,
        number(6..8)?,
    )?;
    let (Some(hour), Some(minute)) = (number(9..11), number(11..13)) else {
        return Some(stamp);
    };
    let second = number(13..15);
    if hour > 23 || minute > 59 {
        return Some(stamp);
    }
    stamp.time = Some((hour, minute, second.unwrap_or(0).min(59)));
    let rest = if second.is_some() { 15 } else { 13 };
    stamp.offset = text.get(rest..).and_then(parse_offset);
    Some(stamp)
}

/// A UTC offset at the start of `text`: `Z`, `±HH:MM`, `±HHMM`, `±HH`, optionally after
/// `GMT`/`UTC` and an opening parenthesis.
pub(super) fn parse_offset(text: &str) -> Option<i32> {
    let mut rest = text.trim_start().trim_start_matches('(').trim_start();
    let upper = rest.to_ascii_uppercase();
    if upper.starts_with("GMT") || upper.starts_with("UTC") {
        rest = rest[3..].trim_start();
        if !rest.starts_with(['+', '-', '−']) {
            return Some(0);
        }
    } else if upper.starts_with('Z') {
        return Some(0);
    }
    let (sign, rest) = if let Some(r) = rest.strip_prefix('+') {
        (1, r)
    } else if let Some(r) = rest.strip_prefix('-').or_else(|| rest.strip_prefix('−')) {
        (-1, r)
    } else {
        return None;
    };
    let bytes = rest.trim_start().as_bytes();
    let mut i = 0;
    let (first, digits) = read_number(bytes, &mut i, 4)?;
    let (hours, minutes) = if digits >= 3 {
        (first / 100, first % 100)
    } else if bytes.get(i) == Some(&b':') {
        i += 1;
        (first, read_number(bytes, &mut i, 2).map_or(0, |(m, _)| m))
    } else {
        (first, 0)
    };
    (hours <= 14 && minutes < 60).then(|| sign * i32::try_from(hours * 60 + minutes).unwrap_or(0))
}

/// A checked calendar date from 1970 to 2100.
pub(super) fn valid_date(year: i32, month: u32, day: u32) -> Option<Stamp> {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    ((1970..=2100).contains(&year) && (1..=days).contains(&day)).then_some(Stamp {
        year,
        month,
        day,
        time: None,
        offset: None,
        order_ambiguous: false,
    })
}

/// Parses a displayed date: day first ("17/11/2025", "17-11-2025", "17.11.2025", "ngày 17
/// tháng 11 năm 2025"; month first only when the second number cannot be a month), with
/// an optional time before or after it ("10:30", "10:30:15", "10h30", "AM"/"PM") and an
/// optional offset ("GMT+7", "(GMT+07:00)", "+07:00"). Weekday names and other words are
/// ignored. Dates without a year ("Sáng 28-2") are not dates here.
pub(super) fn parse_text_date(text: &str) -> Option<Stamp> {
    let text = truncate_chars(text, DATE_LINE_MAX_CHARS_METADATA);
    let bytes = text.as_bytes();
    let mut date: Option<Stamp> = None;
    let mut time: Option<((u32, u32, u32), usize)> = None;
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() || (i > 0 && bytes[i - 1].is_ascii_alphanumeric()) {
            i += 1;
            continue;
        }
        let start = i;
        let Some((a, a_digits)) = read_number(bytes, &mut i, 4) else {
            i += 1;
            continue;
        };
        if bytes.get(i).is_some_and(u8::is_ascii_digit) {
            // A run of 5+ digits: an id or a timestamp, not a date part.
            while bytes.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            continue;
        }
        let sep = bytes.get(i).copied();
        match sep {
            Some(sep @ (b'/' | b'-' | b'.')) if date.is_none() => {
                let mut j = i + 1;
                let Some((b, _)) = read_number(bytes, &mut j, 2) else {
                    i += 1;
                    continue;
                };
                if bytes.get(j) != Some(&sep) {
                    i = j;
                    continue;
                }
                j += 1;
                let Some((c, c_digits)) = read_number(bytes, &mut j, 4) else {
                    i = j;
                    continue;
                };
                if bytes.get(j).is_some_and(u8::is_ascii_digit) {
                    i = j;
                    continue;
                }
                let found = if a_digits == 4 {
                    valid_date(i32::try_from(a).ok()?, b, c)
                } else if c_digits == 4 && a_digits <= 2 {
                    let year = i32::try_from(c).ok()?;
                    valid_date(year, b, a)
                        .map(|stamp| Stamp {
                            order_ambiguous: a <= 12 && b <= 12 && a != b,
                            ..stamp
                        })
                        .or_else(|| (a <= 12).then(|| valid_date(year, a, b)).flatten())
                } else {
                    None
                };
                if found.is_some() {
                    date = found;
                }
                i = j;
            }
            Some(b':') if a_digits <= 2 && time.is_none() => {
                let mut j = i + 1;
                let Some((minute, 2)) = read_number(bytes, &mut j, 2) else {
                    i += 1;
                    continue;
                };
                let mut second = 0;
                if bytes.get(j) == Some(&b':') {
                    let mut k = j + 1;
                    if let Some((s, 2)) = read_number(bytes, &mut k, 2) {
                        second = s;
                        j = k;
                    }
                }
                if a <= 23 && minute <= 59 && second <= 59 {
                    time = Some(((a, minute, second.min(59)), j));
                }
                i = j;
            }
            Some(b'h' | b'H') if a_digits <= 2 && time.is_none() => {
                // "10h30"; a bare "19h" is too vague.
                let mut j = i + 1;
                match read_number(bytes, &mut j, 2) {
                    Some((minute, 2))
                        if a <= 23
                            && minute <= 59
                            && !bytes.get(j).is_some_and(u8::is_ascii_alphanumeric) =>
                    {
                        time = Some(((a, minute, 0), j));
                    }
                    _ => {}
                }
                i = j;
            }
            _ => {
                let _ = start;
            }
        }
    }
    let mut stamp = date
        .or_else(|| long_vietnamese_date(text))
        .or_else(|| east_asian_date(text))
        .or_else(|| named_month_date(text))?;
    if let Some(((mut hour, minute, second), end)) = time {
        let rest = text[end..].trim_start();
        let lower = rest.to_ascii_lowercase();
        let word_end = |s: &str| !s.chars().nth(2).is_some_and(char::is_alphanumeric);
        if (lower.starts_with("pm") || lower.starts_with("ch")) && word_end(&lower) && hour < 12 {
            hour += 12;
        } else if (lower.starts_with("am") || lower.starts_with("sa"))
            && word_end(&lower)
            && hour == 12
        {
            hour = 0;
        }
        stamp.time = Some((hour, minute, second));
        stamp.offset = find_offset(text);
    } else {
        stamp.offset = None;
    }
    Some(stamp)
}

/// Month names and their numbers (`data/metadata/months.txt`).
static MONTH_NAMES: LazyLock<HashMap<&'static str, u32>> = LazyLock::new(|| {
    data_lines(include_str!("../../data/metadata/months.txt"))
        .into_iter()
        .filter_map(|line| {
            let (name, number) = line.rsplit_once(' ')?;
            Some((name.trim(), number.parse().ok()?))
        })
        .collect()
});

/// Weekday names (`data/metadata/weekdays.txt`).
static WEEKDAY_NAMES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| data_lines(include_str!("../../data/metadata/weekdays.txt")));

/// Whether `word` names a month or a weekday ("November", "nov.", "März", "Wednesday,"),
/// case ignored: the words opening a displayed date.
pub(super) fn is_calendar_word(word: &str) -> bool {
    let word = word.trim_end_matches(['.', ',']).to_lowercase();
    MONTH_NAMES.contains_key(word.as_str()) || WEEKDAY_NAMES.contains(&word.as_str())
}

/// Words that may stand between a date's parts ("3 de noviembre de 2026", "the 3rd of
/// November 2026").
const DATE_FILLER_WORDS: &[&str] = &["de", "del", "of", "the"];

/// A date with the month written as a word, day and year in figures: "November 3, 2026",
/// "Nov. 3rd, 2026", "3 November 2026", "3. März 2026", "3 de noviembre de 2026".
pub(super) fn named_month_date(text: &str) -> Option<Stamp> {
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | '/'))
        .filter(|w| !w.is_empty())
        // The time and its zone may stand between the day and the year (the C library's
        // "Tue Apr 13 08:14:22 EDT 2004" of mailing-list archives).
        .filter(|w| !(w.contains(':') && w.bytes().any(|b| b.is_ascii_digit())))
        .filter(|w| !ZONE_ABBREVIATIONS.iter().any(|(zone, _)| zone == w))
        .map(str::to_lowercase)
        .filter(|w| !DATE_FILLER_WORDS.contains(&w.as_str()))
        .collect();
    let day = |word: &str| -> Option<u32> {
        let digits = word.trim_end_matches(['s', 't', 'n', 'd', 'r', 'h', 'º', '°']);
        (!digits.is_empty() && digits.len() <= 2 && digits.bytes().all(|b| b.is_ascii_digit()))
            .then(|| digits.parse().ok())
            .flatten()
    };
    let year = |word: &str| -> Option<i32> {
        (word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()))
            .then(|| word.parse().ok())
            .flatten()
    };
    words.windows(3).find_map(|w| {
        let (a, b, c) = (w[0].as_str(), w[1].as_str(), w[2].as_str());
        if let Some(&month) = MONTH_NAMES.get(a) {
            // "November 3, 2026"
            valid_date(year(c)?, month, day(b)?)
        } else if let Some(&month) = MONTH_NAMES.get(b) {
            // "3 November 2026"
            valid_date(year(c)?, month, day(a)?)
        } else {
            None
        }
    })
}

/// "ngày 17 tháng 11 năm 2025".
pub(super) fn long_vietnamese_date(text: &str) -> Option<Stamp> {
    let words: Vec<String> = text
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    words.windows(5).find_map(|w| {
        if w[1] != "tháng" || w[3] != "năm" {
            return None;
        }
        let day = w[0].parse().ok()?;
        let month = w[2].parse().ok()?;
        let year = w[4].parse().ok()?;
        valid_date(year, month, day)
    })
}

/// A date with year, month and day marked by their characters: Chinese and Japanese
/// "2011年09月14日", Korean "2011년 9월 14일" (spaces allowed between the parts).
pub(super) fn east_asian_date(text: &str) -> Option<Stamp> {
    const MARKS: [[char; 3]; 2] = [['年', '月', '日'], ['년', '월', '일']];
    let year_at = text.find(['年', '년'])?;
    let head = text[..year_at].trim_end();
    let year_digits = head.bytes().rev().take_while(u8::is_ascii_digit).count();
    if year_digits != 4 {
        return None;
    }
    let year = head[head.len() - year_digits..].parse().ok()?;
    let marks = MARKS.iter().find(|m| text[year_at..].starts_with(m[0]))?;
    // Month and day follow, each a number before its mark.
    let mut rest = &text[year_at + marks[0].len_utf8()..];
    let mut parts = [0u32; 2];
    for (part, mark) in parts.iter_mut().zip(&marks[1..]) {
        let trimmed = rest.trim_start();
        let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 2 {
            return None;
        }
        *part = trimmed[..digits].parse().ok()?;
        rest = trimmed[digits..].trim_start().strip_prefix(*mark)?;
    }
    valid_date(year, parts[0], parts[1])
}

/// The first "GMT+7"/"UTC+07:00" in `text`, or a bare "+07:00" after a time.
pub(super) fn find_offset(text: &str) -> Option<i32> {
    // "格林尼治标准时间": Greenwich Mean Time, in Chinese.
    if text.contains("格林尼治") {
        return Some(0);
    }
    let upper = text.to_ascii_uppercase();
    for marker in ["GMT", "UTC"] {
        if let Some(at) = upper.find(marker)
            && let Some(offset) = parse_offset(&text[at..])
        {
            return Some(offset);
        }
    }
    // "09:30:00 +07:00": a sign right after a digit and a space.
    let bytes = text.as_bytes();
    (1..bytes.len())
        .find_map(|i| {
            (matches!(bytes[i], b'+')
                && bytes[i - 1] == b' '
                && bytes.get(i + 1).is_some_and(u8::is_ascii_digit))
            .then(|| parse_offset(&text[i..]))
            .flatten()
        })
        .or_else(|| zone_after_time(text))
}

/// Zone abbreviations written after a time, as the C library and mail headers write them,
/// with their offsets in minutes; `None` for those that name several zones ("CST" is US
/// Central and China Standard Time): such a word is skipped in a date, not read.
const ZONE_ABBREVIATIONS: &[(&str, Option<i32>)] = &[
    ("EST", Some(-5 * 60)),
    ("EDT", Some(-4 * 60)),
    ("CST", None),
    ("CDT", Some(-5 * 60)),
    ("MST", Some(-7 * 60)),
    ("MDT", Some(-6 * 60)),
    ("PST", Some(-8 * 60)),
    ("PDT", Some(-7 * 60)),
    ("BST", Some(60)),
    ("CET", Some(60)),
    ("CEST", Some(2 * 60)),
];

/// The offset of a zone abbreviation right after a time ("08:14:22 EDT", "6:41 PM EDT").
fn zone_after_time(text: &str) -> Option<i32> {
    let mut words = text.split_whitespace().peekable();
    while let Some(word) = words.next() {
        let is_time = word.contains(':') && word.bytes().all(|b| b.is_ascii_digit() || b == b':');
        if is_time
            && words
                .peek()
                .is_some_and(|next| ["am", "pm"].contains(&next.to_ascii_lowercase().as_str()))
        {
            words.next();
        }
        if is_time
            && let Some(next) = words.peek()
            && let Some((_, offset)) = ZONE_ABBREVIATIONS
                .iter()
                .find(|(zone, _)| *zone == next.trim_end_matches([',', ')']))
        {
            return *offset;
        }
    }
    None
}

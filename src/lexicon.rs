//! Loads the word lists under `data/` once: class/id tokens and cruft phrases.
//!
//! Lists are data: adding a phrase needs no Rust edit. Every entry is NFC-normalised and
//! lower-cased at load, and every lookup lower-cases its input, so matching ignores case.

use aho_corasick::{AhoCorasick, MatchKind};
use foldhash::HashSet;
use std::sync::LazyLock;
use unicode_normalization::UnicodeNormalization;

/// The furniture vocabulary: class/id tokens of page furniture, some also marking the
/// regions the metadata readers skip ([`furniture_region_stems`]).
const FURNITURE_CLASSES: &str = include_str!("../data/classes/furniture.txt");
const CONTENT_CLASSES: &str = include_str!("../data/classes/content.txt");
const LAYOUT_CLASSES: &str = include_str!("../data/classes/layout.txt");
const CRUFT_LISTS: [&str; 4] = [
    include_str!("../data/cruft/vi.txt"),
    include_str!("../data/cruft/en.txt"),
    include_str!("../data/cruft/ar.txt"),
    include_str!("../data/cruft/other.txt"),
];

/// What the class and id attributes of an element say about it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct ClassHint {
    /// A token of page furniture (related, share, tin-lien-quan, …) was found.
    pub boilerplate: bool,
    /// A token of article text (content, article-body, detail-content, …) was found.
    pub content: bool,
    /// A specific article-text stem (`*entry-content`, `*article-body`, …) was found: it
    /// outweighs a furniture token on the same element.
    pub strong_content: bool,
}

/// The class and id token lists compiled into one automaton over a normalised class/id
/// string, each pattern with the [`ClassHint`] flags it sets: one pass finds them all.
struct TokenMatcher {
    automaton: Option<AhoCorasick>,
    /// Per pattern, bits of [`BOILERPLATE_TOKEN`], [`CONTENT_TOKEN`], [`STRONG_CONTENT_TOKEN`].
    flags: Vec<u8>,
}

const BOILERPLATE_TOKEN: u8 = 1;
const CONTENT_TOKEN: u8 = 1 << 1;
const STRONG_CONTENT_TOKEN: u8 = 1 << 2;

impl TokenMatcher {
    /// Compiles the entries of the list files: `*stem` matches anywhere, other entries
    /// only between `-` boundaries. A content stem is also a strong-content token.
    fn new() -> Self {
        let mut patterns: Vec<String> = Vec::new();
        let mut flags: Vec<u8> = Vec::new();
        for (list, kind) in [
            (FURNITURE_CLASSES, BOILERPLATE_TOKEN),
            (CONTENT_CLASSES, CONTENT_TOKEN),
        ] {
            for entry in entries(list) {
                // "`entry` region" also marks a metadata region; "`entry` region-only"
                // marks nothing here.
                let (entry, region) = split_region_mark(&entry);
                if region == Some(REGION_ONLY) {
                    continue;
                }
                let (pattern, flag) = match entry.strip_prefix('*') {
                    Some(stem) if kind == CONTENT_TOKEN => {
                        (stem.to_string(), kind | STRONG_CONTENT_TOKEN)
                    }
                    Some(stem) => (stem.to_string(), kind),
                    None => (format!("-{entry}-"), kind),
                };
                match patterns.iter().position(|p| *p == pattern) {
                    Some(known) => flags[known] |= flag,
                    None => {
                        patterns.push(pattern);
                        flags.push(flag);
                    }
                }
            }
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .ok();
        Self { automaton, flags }
    }

    /// The flags of every pattern found in `normalised`.
    fn flags(&self, normalised: &str) -> u8 {
        let Some(automaton) = &self.automaton else {
            return 0;
        };
        let mut found = 0;
        for hit in automaton.find_overlapping_iter(normalised) {
            found |= self
                .flags
                .get(hit.pattern().as_usize())
                .copied()
                .unwrap_or(0);
        }
        found
    }
}

static TOKENS: LazyLock<TokenMatcher> = LazyLock::new(TokenMatcher::new);
/// The layout fragments, each with a searcher built once (a `str::contains` builds one per
/// call, which was most of the cost of a class hint).
static LAYOUT: LazyLock<Vec<(String, memchr::memmem::Finder<'static>)>> = LazyLock::new(|| {
    entries(LAYOUT_CLASSES)
        .map(|fragment| {
            let finder = memchr::memmem::Finder::new(fragment.as_bytes()).into_owned();
            (fragment, finder)
        })
        .collect()
});

/// The cruft phrase lists, by kind.
#[derive(Default)]
struct CruftPhrases {
    headings: HashSet<String>,
    lines: HashSet<String>,
    prefixes: Vec<String>,
    credits: Vec<String>,
    promos: Vec<String>,
    /// The credits without the brackets, stars and spaces the test skips before them.
    credit_heads: Vec<String>,
}

static CRUFT: LazyLock<CruftPhrases> = LazyLock::new(|| {
    let mut phrases = CruftPhrases::default();
    for list in CRUFT_LISTS {
        for entry in entries(list) {
            let Some((kind, phrase)) = entry.split_once('\t') else {
                continue;
            };
            let phrase = phrase.trim().to_string();
            match kind.trim() {
                "heading" => {
                    phrases.headings.insert(phrase);
                }
                "line" => {
                    phrases.lines.insert(phrase);
                }
                "prefix" => phrases.prefixes.push(phrase),
                "credit" => phrases.credits.push(phrase),
                "promo" => phrases.promos.push(phrase),
                _ => {}
            }
        }
    }
    phrases.credit_heads = phrases
        .credits
        .iter()
        .map(|credit| credit.trim_start_matches(CREDIT_OPENERS).to_string())
        .collect();
    phrases
});

/// What a credit line may open with before its phrase: "(Ảnh: …)", "[Nguồn: …]", "*Tin: …".
const CREDIT_OPENERS: [char; 4] = ['(', '[', '*', ' '];

/// The lines of a list file under `data/`: trimmed, without blank lines and `#` comments.
/// The one list reader of the crate; the lists are NFC (a test checks every one).
pub(crate) fn list_lines(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

/// The entries of a list file, NFC and lower-cased for case-blind matching.
fn entries(list: &'static str) -> impl Iterator<Item = String> {
    list_lines(list).map(|line| line.nfc().collect::<String>().to_lowercase())
}

/// The mark of a furniture entry that names a metadata region.
const REGION: &str = "region";
/// The mark of an entry that names a metadata region and no furniture.
const REGION_ONLY: &str = "region-only";

/// A furniture entry and its region mark, if any.
fn split_region_mark(entry: &str) -> (&str, Option<&str>) {
    match entry.split_once(char::is_whitespace) {
        Some((entry, mark)) => (entry, Some(mark.trim())),
        None => (entry, None),
    }
}

/// The stems of the regions whose text the metadata readers never read a title, byline or
/// date from: the furniture entries marked `region` or `region-only`, without their `*`.
pub(crate) fn furniture_region_stems() -> Vec<&'static str> {
    list_lines(FURNITURE_CLASSES)
        .filter_map(|line| match split_region_mark(line) {
            (entry, Some(REGION | REGION_ONLY)) => Some(entry.trim_start_matches('*')),
            _ => None,
        })
        .collect()
}

/// Reads the class and id attribute values of an element.
pub(crate) fn class_hint(class: Option<&str>, id: Option<&str>) -> ClassHint {
    let mut normalised = String::with_capacity(64);
    normalised.push('-');
    for value in [class, id].into_iter().flatten() {
        for ch in value.chars() {
            if ch.is_ascii_alphanumeric() {
                normalised.push(ch.to_ascii_lowercase());
            } else if !ch.is_ascii() && ch.is_alphanumeric() {
                normalised.extend(ch.to_lowercase());
            } else if !normalised.ends_with('-') {
                normalised.push('-');
            }
        }
        if !normalised.ends_with('-') {
            normalised.push('-');
        }
    }
    if normalised.len() <= 2 {
        return ClassHint::default();
    }
    for (fragment, finder) in LAYOUT.iter() {
        if finder.find(normalised.as_bytes()).is_some() {
            normalised = normalised.replace(fragment.as_str(), "-");
        }
    }
    let flags = TOKENS.flags(&normalised);
    ClassHint {
        boilerplate: flags & BOILERPLATE_TOKEN != 0,
        content: flags & CONTENT_TOKEN != 0,
        strong_content: flags & STRONG_CONTENT_TOKEN != 0,
    }
}

/// `text` lower-cased without trailing colons, arrows, counts like "(0)" and spaces: the
/// form headings are compared in.
fn heading_form(text: &str) -> String {
    heading_form_of(&text.trim().to_lowercase()).to_string()
}

/// [`heading_form`] of text already trimmed and lower-cased.
fn heading_form_of(lower: &str) -> &str {
    let mut form = lower.trim_end_matches(|c: char| {
        c == ':' || c == '»' || c == '›' || c == '>' || c == '|' || c.is_whitespace()
    });
    if let Some(open) = form.rfind('(') {
        let inside = &form[open..];
        if inside.ends_with(')')
            && inside[1..inside.len() - 1]
                .chars()
                .all(|c| c.is_ascii_digit())
        {
            form = form[..open].trim_end();
        }
    }
    form
}

/// Whether `text` is a cruft heading ([`is_cruft_heading`]) or a line that is cruft
/// wherever it stands: "Chia sẻ", "Bình luận (0)", an ad placeholder such as "[ad_1]" or
/// "[anuncio_2]", …; the heading form is computed once.
pub(crate) fn is_cruft_heading_or_line(text: &str) -> bool {
    if text.chars().nth(60).is_some() {
        return false;
    }
    let lower = text.trim().to_lowercase();
    let form = heading_form_of(&lower);
    CRUFT.headings.contains(form)
        || CRUFT.lines.contains(form)
        || is_placeholder(text.trim())
        || CRUFT.lines.contains(lower.as_str())
}

/// Whether `text` is the heading of a cruft box: "Tin liên quan", "Bài đọc nhiều", …
pub(crate) fn is_cruft_heading(text: &str) -> bool {
    if text.chars().nth(60).is_some() {
        return false;
    }
    let form = heading_form(text);
    CRUFT.headings.contains(&form) || CRUFT.lines.contains(&form)
}

/// Whether `text` is a bracketed template placeholder left in the page: `[ad_1]`,
/// `[annonce_2]`, `[إعلان 2]`.
fn is_placeholder(text: &str) -> bool {
    let Some(inner) = text.strip_prefix('[').and_then(|t| t.strip_suffix(']')) else {
        return false;
    };
    let inner = inner.trim();
    !inner.is_empty()
        && inner.chars().count() <= 20
        && inner.chars().any(|c| c.is_ascii_digit())
        && inner
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == ' ' || c == '-')
}

// Date lines: the one family of limits, in characters, on a block or element read as a
// date line ("Cập nhật: 21/11/2026 15:02", "Thứ Hai, 17/11/2025 10:30 (GMT+7)"), from the
// strictest test to the loosest.

/// `score`: a block of at most this many characters that is only a time or date stamp
/// ([`is_timestamp`]) is a date line.
pub(crate) const DATE_LINE_MAX_CHARS_STAMP: usize = 40;
/// `segment`: a block mostly inside `<time>` is a date line up to this many characters;
/// longer, it is text that happens to hold a `<time>`.
pub(crate) const DATE_LINE_MAX_CHARS_TIME: usize = 60;
/// `score`: a block this short holding a full date or a clock time and not ending a
/// sentence is a date line. Tuned on fixtures/.
pub(crate) const DATE_LINE_MAX_CHARS_TEXT: usize = 80;
/// `metadata`: longest text of an element it reads a date from. Date lines run 10–60
/// characters; the reader only reads, so its bar is the loosest.
pub(crate) const DATE_LINE_MAX_CHARS_METADATA: usize = 120;

/// Whether `text` is only a time or date stamp: "16:45", "11:48 GMT", "22/10/2025".
pub(crate) fn is_timestamp(text: &str) -> bool {
    let mut digits = 0;
    let mut letters = 0;
    for ch in text.chars() {
        if ch.is_ascii_digit() {
            digits += 1;
        } else if ch.is_alphabetic() {
            letters += 1;
        } else if !(ch.is_whitespace()
            || matches!(ch, ':' | '/' | '.' | '-' | ',' | '(' | ')' | '+' | '|'))
        {
            return false;
        }
    }
    digits >= 3 && letters <= 4
}

/// Whether `text` holds a clock time (`15:02`, `10h30`) or a full numeric date
/// (`21/11/2026`, `17-11-2025`, `18.11.2026`).
pub(crate) fn has_date_or_time(text: &str) -> bool {
    let bytes = text.as_bytes();
    let digits_at = |start: usize| {
        bytes[start..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() || (i > 0 && bytes[i - 1].is_ascii_digit()) {
            i += 1;
            continue;
        }
        let first = digits_at(i);
        let after = i + first;
        if (1..=2).contains(&first) && after + 1 < bytes.len() {
            let separator = bytes[after];
            let second = digits_at(after + 1);
            if matches!(separator, b':' | b'h') && second == 2 {
                return true;
            }
            if matches!(separator, b'/' | b'-' | b'.') && (1..=2).contains(&second) {
                let end = after + 1 + second;
                if end + 1 < bytes.len()
                    && bytes[end] == separator
                    && matches!(digits_at(end + 1), 2 | 4)
                {
                    return true;
                }
            }
        }
        i = after;
    }
    false
}

/// The lower-cased start of a block's text, made once for the prefix tests (cruft,
/// promo, credit): enough characters past the leading marks and brackets to hold the
/// longest phrase and what the credit test reads after it. Lower-casing whole blocks
/// three times was a third of the scoring time on the Vietnamese fixtures (2026-12-01).
pub(crate) struct BlockStart {
    /// From the first non-space character.
    lower: String,
}

impl BlockStart {
    pub(crate) fn of(text: &str) -> Self {
        /// Characters kept past the longest phrase: the space and the character the
        /// credit test reads after a phrase, with room to spare.
        const MARGIN_CHARS: usize = 8;
        static LONGEST_PHRASE_CHARS: LazyLock<usize> = LazyLock::new(|| {
            CRUFT
                .prefixes
                .iter()
                .chain(&CRUFT.promos)
                .chain(&CRUFT.credits)
                .map(|phrase| phrase.chars().count())
                .max()
                .unwrap_or(0)
        });
        let text = text.trim_start();
        let leading = text.chars().take_while(|&c| is_leading_mark(c)).count();
        let keep = leading + *LONGEST_PHRASE_CHARS + MARGIN_CHARS;
        let mut lower = String::with_capacity(text.len().min(4 * keep));
        for c in text.chars().take(keep) {
            // Character by character: `str::to_lowercase` differs only for a final
            // capital sigma, and no phrase holds a sigma.
            if c.is_ascii() {
                lower.push(c.to_ascii_lowercase());
            } else {
                lower.extend(c.to_lowercase());
            }
        }
        Self { lower }
    }

    /// Whether the text starts like a link or box label: "Xem thêm: …", "Đọc thêm", "[ad_1]".
    pub(crate) fn has_cruft_prefix(&self) -> bool {
        let lower = self
            .lower
            .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '•' | '-' | '–'));
        CRUFT
            .prefixes
            .iter()
            .any(|prefix| lower.starts_with(prefix.as_str()))
    }

    /// Whether the text starts like a promotion of the site itself: "Subscribe to our
    /// newsletter…", "Đặt mua tạp chí…". Unlike prefixes, these hold even for full
    /// sentences.
    pub(crate) fn has_promo_prefix(&self) -> bool {
        CRUFT
            .promos
            .iter()
            .any(|promo| self.lower.starts_with(promo.as_str()))
    }

    /// Whether the text starts like a credit or source line: "Tin, ảnh: …", "Nguồn: …",
    /// "Ảnh: …".
    pub(crate) fn has_credit_prefix(&self) -> bool {
        if self.lower.starts_with('©') || self.lower.starts_with("(c) ") {
            return true;
        }
        let lower = self.lower.trim_start_matches(CREDIT_OPENERS);
        CRUFT.credit_heads.iter().any(|credit| {
            let credit = credit.as_str();
            lower.starts_with(credit)
                && (credit.ends_with(':')
                    || credit.contains(' ')
                    || lower[credit.len()..]
                        .trim_start()
                        .chars()
                        .next()
                        .is_none_or(|next| !next.is_alphanumeric()))
        })
    }
}

/// The marks and brackets the prefix tests skip before a phrase.
fn is_leading_mark(c: char) -> bool {
    c.is_whitespace() || matches!(c, '*' | '•' | '-' | '–' | '(' | '[')
}

#[cfg(test)]
fn has_cruft_prefix(text: &str) -> bool {
    BlockStart::of(text).has_cruft_prefix()
}

#[cfg(test)]
fn has_credit_prefix(text: &str) -> bool {
    BlockStart::of(text).has_credit_prefix()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every list under `data/` is NFC, so the list reader can hand out its lines as they
    /// are written.
    #[test]
    fn every_data_list_is_nfc() {
        let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let mut lists = 0;
        for folder in std::fs::read_dir(&data).expect("data/").flatten() {
            for file in std::fs::read_dir(folder.path())
                .expect("data folder")
                .flatten()
            {
                let text = std::fs::read_to_string(file.path()).expect("UTF-8 list");
                assert!(
                    unicode_normalization::is_nfc(&text),
                    "{}",
                    file.path().display()
                );
                lists += 1;
            }
        }
        assert!(lists >= 10, "{lists} lists");
    }

    /// The furniture vocabulary gives the metadata its region stems, `*` dropped.
    #[test]
    fn furniture_region_stems_come_from_the_one_vocabulary() {
        let stems = furniture_region_stems();
        for stem in ["comment", "binh-luan", "lien_quan", "relate", "sidebar"] {
            assert!(stems.contains(&stem), "{stem}");
        }
        assert!(!stems.iter().any(|s| s.starts_with('*') || s.contains(' ')));
    }

    #[test]
    fn vietnamese_slug_classes_are_boilerplate() {
        assert!(class_hint(Some("box-tin-lien-quan clearfix"), None).boilerplate);
        assert!(class_hint(Some("box_tinlienquanv2"), None).boilerplate);
        assert!(class_hint(None, Some("doc-nhieu")).boilerplate);
        assert!(!class_hint(Some("detail-content afcbc-body"), None).boilerplate);
        assert!(class_hint(Some("detail-content afcbc-body"), None).content);
    }

    #[test]
    fn short_tokens_match_whole_tokens_only() {
        assert!(class_hint(Some("ad"), None).boilerplate);
        assert!(!class_hint(Some("header-shadow"), None).boilerplate);
        assert!(!class_hint(Some("content-with-sidebar-wrp"), None).boilerplate);
    }

    #[test]
    fn cruft_headings_ignore_case_and_counts() {
        assert!(is_cruft_heading("TIN LIÊN QUAN"));
        assert!(is_cruft_heading("Bình luận (12)"));
        assert!(is_cruft_heading("Xem thêm:"));
        assert!(!is_cruft_heading("Tin mới về giá xăng dầu tuần này"));
    }

    #[test]
    fn credit_and_prefix_lines() {
        assert!(has_credit_prefix("Tin, ảnh: HÀ PHƯƠNG"));
        assert!(has_credit_prefix("(Ảnh: Tuấn Anh)"));
        assert!(!has_credit_prefix("Nguồn tin cho biết hôm nay trời mưa."));
        assert!(has_cruft_prefix("Xem thêm: Giá vàng hôm nay"));
        assert!(has_cruft_prefix("[إعلان 2]"));
        assert!(is_cruft_heading_or_line("[anuncio_1]"));
        // `BlockStart::of` lower-cases character by character, which differs from
        // `str::to_lowercase` only for a final sigma.
        let phrases = CRUFT
            .prefixes
            .iter()
            .chain(&CRUFT.promos)
            .chain(&CRUFT.credits);
        assert!(phrases.clone().count() > 50);
        assert!(
            phrases
                .flat_map(|p| p.chars())
                .all(|c| c != 'σ' && c != 'ς')
        );
        for text in ["TIN LIÊN QUAN", "Chia sẻ", "Bình luận (0)", "[ad_1]"] {
            assert!(is_cruft_heading_or_line(text), "{text}");
        }
        assert!(!is_cruft_heading_or_line("Giá lúa tăng"));
        assert!(has_cruft_prefix(
            "* Mời bạn đọc vào chuyên mục Quân sự xem các tin liên quan."
        ));
        assert!(has_credit_prefix("Đường link lấy ảnh gốc tại đây."));
        assert!(is_timestamp("11:48 GMT"));
        assert!(has_date_or_time("آخر تحديث: 21/11/2026 15:02 (توقيت مكة)"));
        assert!(has_date_or_time("Thứ tư, 22/10/2025, 19:25 (GMT+7)"));
        assert!(!has_date_or_time("Ngày 11/11, tại Hà Nội"));
        assert!(!is_timestamp("Năm 2025 có 12 tháng"));
    }
}

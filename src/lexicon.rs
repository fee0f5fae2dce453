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
const COMMENT_CLASSES: &str = include_str!("../data/classes/comments.txt");
const REVIEW_CLASSES: &str = include_str!("../data/classes/reviews.txt");
const LAYOUT_CLASSES: &str = include_str!("../data/classes/layout.txt");
const TOKEN_RULES_LIST: &str = include_str!("../data/classes/token_rules.txt");
const TOPIC_PATH_SEGMENTS: &str = include_str!("../data/metadata/topic_path_segments.txt");
const RELATIVE_TIMES: &str = include_str!("../data/metadata/relative_times.txt");
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
    /// A token of reader comments or forum replies (comment, binh-luan, …) was found; it
    /// also sets `boilerplate`.
    pub comments: bool,
    /// A token of an overlay (cookie banner, consent dialog): furniture however much
    /// prose it holds, below `<body>`. It also sets `boilerplate`.
    pub overlay: bool,
    /// A token of customer reviews or ratings (reviews, yotpo, …) was found: a product
    /// page's comments. It sets nothing else.
    pub reviews: bool,
}

/// The class and id token lists compiled into one automaton over one normalised token,
/// each pattern with the [`ClassHint`] flags it sets and where in the token it may match.
struct TokenMatcher {
    automaton: Option<AhoCorasick>,
    /// Per pattern, bits of [`BOILERPLATE_TOKEN`], [`CONTENT_TOKEN`], [`STRONG_CONTENT_TOKEN`],
    /// [`COMMENT_TOKEN`], [`OVERLAY_TOKEN`], [`REVIEW_TOKEN`].
    flags: Vec<u8>,
    /// Per pattern, where it may match.
    places: Vec<Place>,
}

const BOILERPLATE_TOKEN: u8 = 1;
const CONTENT_TOKEN: u8 = 1 << 1;
const STRONG_CONTENT_TOKEN: u8 = 1 << 2;
const COMMENT_TOKEN: u8 = 1 << 3;
const OVERLAY_TOKEN: u8 = 1 << 4;
const REVIEW_TOKEN: u8 = 1 << 5;

/// Where in a normalised token (`-part-part-`) a pattern may match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    /// Anywhere: `*stem` inside a part, `word` and `two-parts` between part boundaries.
    Anywhere,
    /// At the first or the last part (`~word`).
    Edge,
    /// At the first part (`word-`).
    Head,
    /// At the last part (`-word`).
    Tail,
    /// The whole token (`=word`).
    Whole,
}

impl TokenMatcher {
    /// Compiles the entries of the list files (their syntax is in the header of
    /// `data/classes/furniture.txt`). A content stem is also a strong-content token.
    fn new() -> Self {
        let mut patterns: Vec<(String, Place)> = Vec::new();
        let mut flags: Vec<u8> = Vec::new();
        for (list, kind) in [
            (FURNITURE_CLASSES, BOILERPLATE_TOKEN),
            (COMMENT_CLASSES, BOILERPLATE_TOKEN | COMMENT_TOKEN),
            (CONTENT_CLASSES, CONTENT_TOKEN),
            (REVIEW_CLASSES, REVIEW_TOKEN),
        ] {
            for entry in entries(list) {
                // "`entry` overlay" marks a box shown over the page.
                let overlay = if entry.split_whitespace().skip(1).any(|m| m == OVERLAY) {
                    OVERLAY_TOKEN
                } else {
                    0
                };
                // "`entry` region" also marks a metadata region; "`entry` region-only"
                // marks nothing here.
                let (entry, region) = split_region_mark(&entry);
                if region == Some(REGION_ONLY) {
                    continue;
                }
                let strong = if kind == CONTENT_TOKEN {
                    STRONG_CONTENT_TOKEN
                } else {
                    0
                };
                let kind = kind | overlay;
                let (pattern, flag) = if let Some(stem) = entry.strip_prefix('*') {
                    ((stem.to_string(), Place::Anywhere), kind | strong)
                } else if let Some(word) = entry.strip_prefix('=') {
                    ((format!("-{word}-"), Place::Whole), kind)
                } else if let Some(word) = entry.strip_prefix('~') {
                    ((format!("-{word}-"), Place::Edge), kind)
                } else if let Some(word) = entry.strip_suffix('-') {
                    ((format!("-{word}-"), Place::Head), kind)
                } else if let Some(word) = entry.strip_prefix('-') {
                    ((format!("-{word}-"), Place::Tail), kind)
                } else {
                    ((format!("-{entry}-"), Place::Anywhere), kind)
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
            .build(patterns.iter().map(|(pattern, _)| pattern))
            .ok();
        let places = patterns.into_iter().map(|(_, place)| place).collect();
        Self {
            automaton,
            flags,
            places,
        }
    }

    /// The flags of every pattern found in `token`, a normalised token (`-part-part-`);
    /// `furniture` says whether boilerplate patterns may count.
    fn flags(&self, token: &str, furniture: bool) -> u8 {
        let Some(automaton) = &self.automaton else {
            return 0;
        };
        let mut found = 0;
        for hit in automaton.find_overlapping_iter(token) {
            let index = hit.pattern().as_usize();
            let head = hit.start() == 0;
            let tail = hit.end() == token.len();
            let placed = match self.places.get(index) {
                Some(Place::Whole) => head && tail,
                Some(Place::Edge) => head || tail,
                Some(Place::Head) => head,
                Some(Place::Tail) => tail,
                _ => true,
            };
            if !placed {
                continue;
            }
            let mut flag = self.flags.get(index).copied().unwrap_or(0);
            if !furniture {
                flag &= !(BOILERPLATE_TOKEN | COMMENT_TOKEN | OVERLAY_TOKEN | REVIEW_TOKEN);
            }
            found |= flag;
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

/// The rules of `data/classes/token_rules.txt`.
#[derive(Default)]
struct TokenRules {
    /// Parts that make a token a state or a setting, not a box.
    state_parts: HashSet<String>,
    /// Page-builder prefixes, longest first, as normalised token heads (`-elementor-`).
    builder_prefixes: Vec<String>,
    /// Tokens of the element that holds one post (`hentry`), normalised.
    post_tokens: HashSet<String>,
    /// Taxonomy-label prefixes (`-tag-`), normalised.
    taxonomy_prefixes: Vec<String>,
    /// Hyphenated words read as one part: (`-follow-up-`, `-followup-`).
    compounds: Vec<(String, String)>,
    /// Tokens of a page builder's content block (`so-panel`), normalised.
    panel_tokens: HashSet<String>,
    /// Taxonomy-label prefixes as written (`tag-`), for [`is_item_specific_token`].
    raw_taxonomy_prefixes: Vec<String>,
    /// Whole tokens that tell one item of a run from the next (`first`, `instock`), none
    /// with a `-` or `_`.
    item_tokens: Vec<String>,
}

static TOKEN_RULES: LazyLock<TokenRules> = LazyLock::new(|| {
    let mut rules = TokenRules::default();
    for (kind, value) in kind_entries(TOKEN_RULES_LIST) {
        let value = value.as_str();
        match kind.as_str() {
            "state" => {
                rules.state_parts.insert(value.to_string());
            }
            "builder" => rules.builder_prefixes.push(format!("-{value}")),
            "post" => {
                rules.post_tokens.insert(format!("-{value}-"));
            }
            "taxonomy" => {
                rules.taxonomy_prefixes.push(format!("-{value}"));
                rules.raw_taxonomy_prefixes.push(value.to_string());
            }
            "item" => rules.item_tokens.push(value.to_string()),
            "panel" => {
                rules.panel_tokens.insert(format!("-{value}-"));
            }
            "compound" => rules.compounds.push((
                format!("-{value}-"),
                format!("-{}-", value.replace('-', "")),
            )),
            _ => {}
        }
    }
    rules
        .builder_prefixes
        .sort_by_key(|prefix| std::cmp::Reverse(prefix.len()));
    rules
});

/// Writes `token` normalised into `out`: `-part-part-`, lower-cased, every run of
/// characters that are not letters or digits one `-`.
fn normalise_token(token: &str, out: &mut String) {
    out.clear();
    out.push('-');
    for ch in token.chars() {
        if ch.is_ascii_alphanumeric() {
            out.push(ch.to_ascii_lowercase());
        } else if !ch.is_ascii() && ch.is_alphanumeric() {
            out.extend(ch.to_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    if !out.ends_with('-') {
        out.push('-');
    }
}

/// Fewest trailing digits that make a class token an item's id (`post-141705`) rather than
/// a size or a column count (`col-span-6`, `grid-cols-12`).
const MIN_ITEM_ID_DIGITS: usize = 3;

/// Whether a class token names one item rather than the kind of item: an id
/// (`post-141705`), a taxonomy label (`category-dinner`), a place or a state
/// (`first`, `instock`). Like cards of one run differ in these and agree in the rest.
pub(crate) fn is_item_specific_token(token: &str) -> bool {
    let rules = &*TOKEN_RULES;
    let id_digits = token.bytes().rev().take_while(u8::is_ascii_digit).count();
    if id_digits >= MIN_ITEM_ID_DIGITS && id_digits < token.len() {
        return true;
    }
    let Some(first) = token.bytes().next().map(|b| b.to_ascii_lowercase()) else {
        return false;
    };
    // Every taxonomy prefix ends with a separator; no item token has one.
    if token.contains(['-', '_']) {
        rules.raw_taxonomy_prefixes.iter().any(|prefix| {
            prefix.as_bytes().first() == Some(&first)
                && token.len() > prefix.len()
                && token.is_char_boundary(prefix.len())
                && token[..prefix.len()].eq_ignore_ascii_case(prefix)
        })
    } else {
        rules
            .item_tokens
            .iter()
            .any(|item| item.eq_ignore_ascii_case(token))
    }
}

/// Whether a normalised token marks the element that holds one post: a post token
/// (`hentry`, `type-post`) or WordPress's `post-<id>`.
fn is_post_token(token: &str, rules: &TokenRules) -> bool {
    rules.post_tokens.contains(token)
        || token
            .strip_prefix("-post-")
            .and_then(|rest| rest.strip_suffix('-'))
            .is_some_and(|id| !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()))
}

/// Shortest part read as generated (a hash or a numbered builder id).
const MIN_GENERATED_PART_CHARS: usize = 5;

/// Whether a part of a token is generated, not a word: letters mixed with two or more
/// digits (`b8ce28`, `heading2355`), as builders and CSS-in-JS name their boxes. Such a
/// part ending a token is a CSS-module hash and is dropped; inside a token it makes the
/// token a generated id, which marks no furniture.
fn is_generated_part(part: &str) -> bool {
    let digits = part.bytes().filter(u8::is_ascii_digit).count();
    part.len() >= MIN_GENERATED_PART_CHARS
        && digits >= 2
        && part.bytes().any(|b| b.is_ascii_alphabetic())
}

/// Whether a lower-cased class token names a setting or a state of the page rather than a
/// box: one of its parts is a state word (`comment-form-position-below`,
/// `has-comments`).
pub(crate) fn is_setting_token(token: &str) -> bool {
    token
        .split(['-', '_'])
        .any(|part| TOKEN_RULES.state_parts.contains(part))
}

/// Whether a normalised token may mark furniture: not a state or setting token
/// (`has-sidebar`, `sidebar-visible`), nor a taxonomy label on a post's element.
fn may_mark_furniture(token: &str, post_element: bool, rules: &TokenRules) -> bool {
    let stateful = token
        .split('-')
        .any(|part| rules.state_parts.contains(part) || is_generated_part(part));
    let label = post_element
        && rules
            .taxonomy_prefixes
            .iter()
            .any(|prefix| token.starts_with(prefix.as_str()) && token.len() > prefix.len() + 1);
    !stateful && !label
}

/// The cruft phrase lists, by kind.
#[derive(Default)]
struct CruftPhrases {
    headings: HashSet<String>,
    lines: HashSet<String>,
    /// Calls to action ("Learn more", "Shop now"): a block that is only one of them is
    /// left out of the body once the reading is done.
    actions: HashSet<String>,
    /// The first words of the calls to action, and the most words one has: a row of them
    /// is looked for only in a block opening with one of these words.
    action_first_words: HashSet<String>,
    action_max_words: usize,
    prefixes: Vec<String>,
    credits: Vec<String>,
    promos: Vec<String>,
    /// Phrases that make a short block an affiliate or sponsorship disclosure, or the
    /// site's pitch for its newsletter (`pitch`), wherever
    /// they stand in it.
    disclosures: Vec<String>,
    /// The credits without the brackets, stars and spaces the test skips before them.
    credit_heads: Vec<String>,
    /// Labels of a poster's card on a forum ("joined:", "posts:").
    fields: Vec<String>,
    /// Nouns of an interaction count: a block that is a number and one of them ("6
    /// Likes", "12 replies") is a post's tally, not its text.
    tallies: HashSet<String>,
}

static CRUFT: LazyLock<CruftPhrases> = LazyLock::new(|| {
    let mut phrases = CruftPhrases::default();
    for list in CRUFT_LISTS {
        for (kind, phrase) in kind_entries(list) {
            match kind.as_str() {
                "heading" => {
                    phrases.headings.insert(phrase);
                }
                "line" => {
                    phrases.lines.insert(phrase);
                }
                "action" => {
                    let words = phrase.split_whitespace();
                    phrases.action_max_words = phrases.action_max_words.max(words.clone().count());
                    phrases
                        .action_first_words
                        .extend(words.take(1).map(str::to_string));
                    phrases.actions.insert(phrase);
                }
                // Compared with `BlockStart`'s text, which writes every sigma as `σ`.
                "prefix" => phrases.prefixes.push(phrase.replace('ς', "σ")),
                "credit" => phrases.credits.push(phrase.replace('ς', "σ")),
                "promo" => phrases.promos.push(phrase.replace('ς', "σ")),
                // The site's pitch for its newsletter holds its phrase anywhere too.
                "disclosure" | "pitch" => phrases.disclosures.push(phrase),
                "field" => phrases.fields.push(phrase),
                "tally" => {
                    phrases.tallies.insert(phrase);
                }
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

/// Longest block, in characters, read as an affiliate or sponsorship disclosure: the
/// disclosures of the WCXB dev split run one to three sentences (2026-12-06).
pub(crate) const MAX_DISCLOSURE_CHARS: usize = 300;

/// Whether `text` discloses affiliate links or sponsorship ("When you buy through our
/// links, we may earn a commission.") or pitches the site's newsletter ("Want more local
/// news? Sign up for our free briefing."): one of the `disclosure` or `pitch` phrases
/// anywhere in it,
/// ASCII case ignored. The caller keeps to blocks of [`MAX_DISCLOSURE_CHARS`].
pub(crate) fn is_disclosure(text: &str) -> bool {
    static DISCLOSURES: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(&CRUFT.disclosures)
            .ok()
    });
    DISCLOSURES
        .as_ref()
        .is_some_and(|matcher| matcher.is_match(text))
}

/// Longest block, in characters, read as a poster's card ("drizzle_dave / Joined: 02 Jan
/// 2004 / Posts: 1588"). Set 2026-12-07 on phpBB 2 and vBulletin 3 post tables.
pub(crate) const MAX_PROFILE_CARD_CHARS: usize = 200;
/// Fewest distinct `field` labels in a poster's card: one ("Location:") stands in prose.
const MIN_PROFILE_CARD_FIELDS: usize = 2;

/// Whether `text` is a forum poster's card or a post's details line: at least two of the
/// `field` labels ("Joined:", "Posts:", "Post subject:"), each opening the text or a word.
/// The caller keeps to blocks of [`MAX_PROFILE_CARD_CHARS`].
pub(crate) fn is_profile_card(text: &str) -> bool {
    static FIELDS: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(&CRUFT.fields)
            .ok()
    });
    // Two labels need two colons: most short blocks have fewer.
    if text.bytes().filter(|&b| b == b':').nth(1).is_none() {
        return false;
    }
    let Some(matcher) = FIELDS.as_ref() else {
        return false;
    };
    let mut seen: Vec<usize> = Vec::new();
    for hit in matcher.find_iter(text) {
        let opens_word = text[..hit.start()]
            .chars()
            .next_back()
            .is_none_or(|c| c.is_whitespace());
        let label = hit.pattern().as_usize();
        if opens_word && !seen.contains(&label) {
            seen.push(label);
        }
    }
    seen.len() >= MIN_PROFILE_CARD_FIELDS
}

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

/// The `kind<TAB>value` entries of a list file (see [`entries`]), both parts trimmed; lines
/// without a tab are skipped.
fn kind_entries(list: &'static str) -> impl Iterator<Item = (String, String)> {
    entries(list).filter_map(|entry| {
        let (kind, value) = entry.split_once('\t')?;
        Some((kind.trim().to_string(), value.trim().to_string()))
    })
}

/// The lower-cased words of `text`: its runs of letters and digits.
pub(crate) fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
}

/// The mark of a furniture entry that names a metadata region.
const REGION: &str = "region";
/// The mark of an entry that names a metadata region and no furniture.
const REGION_ONLY: &str = "region-only";

/// The mark of a furniture entry that names an overlay (a cookie banner, a consent
/// dialog): never content, however much prose it holds.
const OVERLAY: &str = "overlay";

/// A furniture entry and its region mark, if any.
fn split_region_mark(entry: &str) -> (&str, Option<&str>) {
    let mut parts = entry.split_whitespace();
    let entry = parts.next().unwrap_or_default();
    (
        entry,
        parts.find(|mark| *mark == REGION || *mark == REGION_ONLY),
    )
}

/// The stems of the regions whose text the metadata readers never read a title, byline or
/// date from: the furniture entries marked `region` or `region-only`, without their place
/// marks (`*`, `~`, `=`, an edge `-`).
pub(crate) fn furniture_region_stems() -> Vec<&'static str> {
    list_lines(FURNITURE_CLASSES)
        .filter_map(|line| match split_region_mark(line) {
            (entry, Some(REGION | REGION_ONLY)) => {
                Some(entry.trim_start_matches(['*', '~', '=']).trim_matches('-'))
            }
            _ => None,
        })
        .collect()
}

/// The tokens of a class attribute that may mark a region, as [`class_hint`] reads them:
/// not a state or setting (`has-comments`, `sidebar-visible`), nor a taxonomy label on a
/// post's element (`tag-sustainable-clothing` on `<article class="hentry …">`).
pub(crate) fn region_marking_tokens(class: &str) -> impl Iterator<Item = &str> {
    let rules = &*TOKEN_RULES;
    let mut normalised = String::with_capacity(64);
    let post_element = class.split_ascii_whitespace().any(|token| {
        normalise_token(token, &mut normalised);
        is_post_token(&normalised, rules)
    });
    class.split_ascii_whitespace().filter(move |token| {
        normalise_token(token, &mut normalised);
        may_mark_furniture(&normalised, post_element, rules)
    })
}

/// Reads the class and id attribute values of an element, one token at a time.
pub(crate) fn class_hint(class: Option<&str>, id: Option<&str>) -> ClassHint {
    let rules = &*TOKEN_RULES;
    let mut normalised = String::with_capacity(64);
    let (mut post_element, mut panel_element) = (false, false);
    for token in class.into_iter().flat_map(str::split_ascii_whitespace) {
        normalise_token(token, &mut normalised);
        post_element |= is_post_token(&normalised, rules);
        panel_element |= rules.panel_tokens.contains(&normalised);
    }
    let tokens = class
        .into_iter()
        .flat_map(str::split_ascii_whitespace)
        .chain(id.map(str::trim));
    let mut flags = 0;
    for token in tokens {
        // Utility classes with variants (`lg:grid-cols-sidebar`, `w-[40%]`) style a box.
        if token.is_empty() || token.contains([':', '[']) {
            continue;
        }
        normalise_token(token, &mut normalised);
        if normalised.len() <= 2 {
            continue;
        }
        for (fragment, finder) in LAYOUT.iter() {
            if finder.find(normalised.as_bytes()).is_some() {
                normalised = normalised.replace(fragment.as_str(), "-");
            }
        }
        for (compound, word) in &rules.compounds {
            if normalised.contains(compound.as_str()) {
                normalised = normalised.replace(compound.as_str(), word);
            }
        }
        if let Some(prefix) = rules
            .builder_prefixes
            .iter()
            .find(|prefix| normalised.starts_with(prefix.as_str()))
        {
            normalised.replace_range(..prefix.len() - 1, "");
        }
        // A CSS-module hash ends the token (`author-bio__container__2jA4g`): drop it.
        while let Some(rest) = normalised.strip_suffix('-')
            && let Some((head, last)) = rest.rsplit_once('-')
            && !head.is_empty()
            && is_generated_part(last)
        {
            normalised.truncate(head.len() + 1);
        }
        // A page builder wraps its text blocks in the theme's widget markup.
        let panel_widget = panel_element && normalised.starts_with("-widget");
        let furniture = !panel_widget && may_mark_furniture(&normalised, post_element, rules);
        flags |= TOKENS.flags(&normalised, furniture);
    }
    ClassHint {
        boilerplate: flags & BOILERPLATE_TOKEN != 0,
        content: flags & CONTENT_TOKEN != 0,
        strong_content: flags & STRONG_CONTENT_TOKEN != 0,
        comments: flags & COMMENT_TOKEN != 0,
        overlay: flags & OVERLAY_TOKEN != 0,
        reviews: flags & REVIEW_TOKEN != 0,
    }
}

/// `text` lower-cased without trailing colons, arrows, ellipses, full stops, counts like
/// "(0)" and spaces: the form headings are compared in ("You may also like...").
fn heading_form(text: &str) -> String {
    heading_form_of(&text.trim().to_lowercase()).to_string()
}

/// [`heading_form`] of text already trimmed and lower-cased.
fn heading_form_of(lower: &str) -> &str {
    let mut form = lower.trim_end_matches(|c: char| {
        matches!(c, ':' | '»' | '›' | '>' | '|' | '.' | '…') || c.is_whitespace()
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
        || is_tally(form)
}

/// Whether the lower-cased `text` is an interaction count: a number (digits, with `,` or
/// `.` separators and a `k`/`m` suffix) and a tally noun ("6 likes", "1.2k views").
fn is_tally(lower: &str) -> bool {
    let Some((count, noun)) = lower.split_once(char::is_whitespace) else {
        return false;
    };
    let count = count.trim_end_matches(['k', 'm']);
    !count.is_empty()
        && count.starts_with(|c: char| c.is_ascii_digit())
        && count
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
        && CRUFT.tallies.contains(noun.trim())
}

/// Whether `text` is only a call to action ("Learn more", "Shop now ›", "Click to
/// expand..."): a button or a card's link read as a line of text.
pub(crate) fn is_call_to_action(text: &str) -> bool {
    if text.chars().nth(MAX_ACTION_ROW_CHARS).is_some() {
        return false;
    }
    let lower = text.trim().to_lowercase();
    is_action(&lower) || is_action_row(&lower)
}

/// Longest row of calls to action read as one ("Add to Wish List Add to Compare", a shop
/// card's buttons run together).
const MAX_ACTION_ROW_CHARS: usize = 80;

/// Whether `lower` (trimmed, lower case) is one call to action.
fn is_action(lower: &str) -> bool {
    lower.chars().nth(40).is_none()
        && (CRUFT.actions.contains(heading_form_of(lower)) || CRUFT.actions.contains(lower))
}

/// Whether `lower` is two or more calls to action one after the other, each a whole
/// number of words ("add to wish list add to compare").
fn is_action_row(lower: &str) -> bool {
    // The first word answers for most blocks before any allocation.
    if !lower
        .split_whitespace()
        .next()
        .is_some_and(|first| CRUFT.action_first_words.contains(first))
    {
        return false;
    }
    let words: Vec<&str> = lower.split_whitespace().collect();
    // The fewest actions that cover words[i..], by the longest-first greedy cut.
    let mut at = 0;
    let mut actions = 0;
    while at < words.len() {
        let Some(end) = (at + 1..=words.len().min(at + CRUFT.action_max_words))
            .rev()
            .find(|&end| is_action(&words[at..end].join(" ")))
        else {
            return false;
        };
        at = end;
        actions += 1;
    }
    actions >= 2
}

/// Whether `text` is the heading of a cruft box: "Tin liên quan", "Bài đọc nhiều", …
/// A cruft line ("Advertisement", "Chia sẻ") heads nothing: it is cut out where it
/// stands, and the story goes on after an ad slot's label.
pub(crate) fn is_cruft_heading(text: &str) -> bool {
    if text.chars().nth(60).is_some() {
        return false;
    }
    let form = heading_form(text);
    CRUFT.headings.contains(&form)
}

/// Whether `text` is a template placeholder left in the page: a bracketed ad slot
/// (`[ad_1]`, `[annonce_2]`, `[إعلان 2]`) or unrendered client-side template fields
/// (`{{priceAnchor.info.totalPrice}}`), never text a reader sees.
fn is_placeholder(text: &str) -> bool {
    is_ad_slot_placeholder(text) || is_template_field(text)
}

/// Whether `text` is nothing but `{{ … }}` template fields, as a shop page's price box
/// reads before its script fills it in.
fn is_template_field(text: &str) -> bool {
    let mut rest = text.trim();
    if rest.is_empty() {
        return false;
    }
    while let Some(open) = rest.strip_prefix("{{") {
        let Some(close) = open.find("}}") else {
            return false;
        };
        rest = open[close + 2..].trim_start();
    }
    rest.is_empty()
}

/// Whether `text` is a bracketed ad slot: `[ad_1]`, `[annonce_2]`, `[إعلان 2]`.
fn is_ad_slot_placeholder(text: &str) -> bool {
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

/// Class tokens of text hidden from sight: the `hidden` utility and screen-reader-only
/// text (`sr-only`, `visually-hidden`, `screen-reader-text`: "Collection: " before a
/// shop's collection name in its `<h1>`). The segmenter skips such elements; the
/// metadata readers skip their words.
pub(crate) const HIDDEN_TEXT_CLASSES: [&str; 4] =
    ["hidden", "sr-only", "visually-hidden", "screen-reader-text"];

/// Fewest words after a clock time for a line to be an entry of a schedule ("10:45 –
/// Walk along the Walbrook") rather than a stamp with its label ("16:45 GMT").
const MIN_TIMED_ENTRY_WORDS: usize = 2;

/// Whether `text` opens with a clock time, or a range of two ("10:30 – 11:00",
/// "9h30", "7:15 pm"), and goes on with words: an entry of an agenda, a programme or a
/// timeline.
pub(crate) fn is_timed_entry(text: &str) -> bool {
    let Some(rest) = after_clock_time(text.trim_start()) else {
        return false;
    };
    let rest = rest.trim_start();
    let rest = match rest.strip_prefix(['-', '\u{2013}', '\u{2014}']) {
        Some(after_dash) => after_clock_time(after_dash.trim_start()).unwrap_or(rest),
        None => rest,
    };
    rest.split_whitespace()
        .filter(|word| word.chars().any(char::is_alphabetic))
        .count()
        >= MIN_TIMED_ENTRY_WORDS
}

/// Whether `text` opens with a clock time and goes on with a word ("00:00 Intro"): an
/// entry of a schedule that [`is_timed_entry`] has found.
pub(crate) fn is_timed_label(text: &str) -> bool {
    after_clock_time(text.trim_start()).is_some_and(|rest| rest.chars().any(char::is_alphabetic))
}

/// The text after a clock time ("10:45", "9h30", "7:15 pm") that opens `text`.
fn after_clock_time(text: &str) -> Option<&str> {
    let hour = text.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&hour) {
        return None;
    }
    let rest = &text[hour..];
    let rest = rest.strip_prefix([':', 'h'])?;
    let minutes = rest.bytes().take_while(u8::is_ascii_digit).count();
    if minutes != 2 {
        return None;
    }
    let rest = &rest[2..];
    let trimmed = rest.trim_start();
    let lower = trimmed.get(..4).unwrap_or(trimmed).to_ascii_lowercase();
    for meridiem in ["a.m.", "p.m.", "am", "pm"] {
        if lower.starts_with(meridiem)
            && !trimmed[meridiem.len()..].starts_with(char::is_alphanumeric)
        {
            return Some(&trimmed[meridiem.len()..]);
        }
    }
    Some(rest)
}

/// Whether `text` is only a time or date stamp: "16:45", "11:48 GMT", "22/10/2025".
/// One number with a unit ("250 lb.", "128 GB") is not a stamp: a stamp has two numbers
/// or a four-digit year. Nor is a section number ("11.2.2. Hash"): three or more numbers
/// joined by dots only, the last of one digit, where a date's year has two or four.
pub(crate) fn is_timestamp(text: &str) -> bool {
    let mut digits = 0;
    let mut letters = 0;
    let mut groups = 0;
    let mut run = 0;
    let mut last_run = 0;
    let mut year = false;
    let mut other_separator = false;
    for ch in text.chars() {
        if ch.is_ascii_digit() {
            digits += 1;
            run += 1;
            continue;
        }
        if run > 0 {
            groups += 1;
            year |= run == 4;
            last_run = run;
            run = 0;
        }
        other_separator |= matches!(ch, ':' | '/' | '-');
        if ch.is_alphabetic() {
            letters += 1;
        } else if !(ch.is_whitespace()
            || matches!(ch, ':' | '/' | '.' | '-' | ',' | '(' | ')' | '+' | '|'))
        {
            return false;
        }
    }
    if run > 0 {
        groups += 1;
        year |= run == 4;
        last_run = run;
    }
    let section_number = !year && !other_separator && groups >= 3 && last_run == 1;
    digits >= 3 && letters <= 4 && (groups >= 2 || year) && !section_number
}

/// Whether `href` leads to a topic, tag or series landing page: a segment of its path is
/// one of `data/metadata/topic_path_segments.txt`.
pub(crate) fn is_topic_link(href: &str) -> bool {
    static SEGMENTS: LazyLock<HashSet<String>> =
        LazyLock::new(|| entries(TOPIC_PATH_SEGMENTS).collect());
    let path = href.split(['?', '#']).next().unwrap_or_default();
    let path = path.split_once("://").map_or(path, |(_, rest)| {
        rest.split_once('/').map_or("", |(_, p)| p)
    });
    path.split('/')
        .filter(|segment| !segment.is_empty())
        .any(|segment| SEGMENTS.contains(&segment.to_ascii_lowercase()))
}

/// The words of `data/metadata/relative_times.txt`.
#[derive(Default)]
struct RelativeTimes {
    units: HashSet<String>,
    /// Units written run into the count ("6h").
    glued_units: HashSet<String>,
    after: HashSet<String>,
    /// Each a sequence of words ("il y a").
    before: Vec<Vec<String>>,
}

static RELATIVE: LazyLock<RelativeTimes> = LazyLock::new(|| {
    let mut words = RelativeTimes::default();
    for (kind, phrase) in kind_entries(RELATIVE_TIMES) {
        match kind.as_str() {
            "unit" => {
                words.units.insert(phrase);
            }
            "glued" => {
                words.glued_units.insert(phrase);
            }
            "after" => {
                words.after.insert(phrase);
            }
            "before" => words
                .before
                .push(phrase.split_whitespace().map(str::to_string).collect()),
            _ => {}
        }
    }
    words
});

/// Whether `text` holds a relative time whose count runs into its unit ("6h ago", "7m
/// ago", "2d ago"), as live blogs print it on each post's permalink.
pub(crate) fn has_glued_relative_time(text: &str) -> bool {
    let words: Vec<String> = words(text).collect();
    let relative = &*RELATIVE;
    words.windows(2).any(|pair| {
        let digits = pair[0].bytes().take_while(u8::is_ascii_digit).count();
        digits > 0
            && relative.glued_units.contains(&pair[0][digits..])
            && relative.after.contains(&pair[1])
    })
}

/// Whether `text` holds a relative time: a number (or "a", "an", "one") and a unit of
/// time, past by a word after it ("3 days ago", "2 giờ trước") or before it ("vor 2
/// Tagen", "il y a 5 heures").
pub(crate) fn has_relative_time(text: &str) -> bool {
    // Every relative time holds a digit, or "ago" after "a", "an" or "one".
    let bytes = text.as_bytes();
    if !bytes.iter().any(u8::is_ascii_digit)
        && !bytes.windows(3).any(|w| w.eq_ignore_ascii_case(b"ago"))
    {
        return false;
    }
    let words: Vec<String> = words(text).collect();
    let relative = &*RELATIVE;
    // A count may close a word: inline spans print "packetpilot" and "2 days ago" as one.
    let is_count = |word: &str| {
        word.ends_with(|c: char| c.is_ascii_digit()) || matches!(word, "a" | "an" | "one")
    };
    (0..words.len().saturating_sub(1)).any(|at| {
        if !is_count(&words[at]) || !relative.units.contains(&words[at + 1]) {
            return false;
        }
        let after = words
            .get(at + 2)
            .is_some_and(|word| relative.after.contains(word));
        let before = relative.before.iter().any(|phrase| {
            at >= phrase.len()
                && words[at - phrase.len()..at]
                    .iter()
                    .zip(phrase)
                    .all(|(word, expected)| word == expected)
        });
        after || before
    })
}

/// Whether `text` holds a clock time (`15:02`, `10h30`) or a full numeric date
/// (`21/11/2026`, `17-11-2025`, `18.11.2026`).
pub(crate) fn has_date_or_time(text: &str) -> bool {
    let (date, time) = dates_and_times(text);
    date || time
}

/// Whether `text` holds both a full numeric date and a clock time ("28/11/2026
/// Actualizado a las 09:30h."): a date line even when it ends with a full stop.
pub(crate) fn has_date_and_time(text: &str) -> bool {
    let (date, time) = dates_and_times(text);
    date && time
}

/// Whether `text` holds a full numeric date, and whether it holds a clock time.
fn dates_and_times(text: &str) -> (bool, bool) {
    let (mut date, mut time) = (false, false);
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
                time = true;
            }
            if matches!(separator, b'/' | b'-' | b'.') && (1..=2).contains(&second) {
                let end = after + 1 + second;
                if end + 1 < bytes.len()
                    && bytes[end] == separator
                    && matches!(digits_at(end + 1), 2 | 4)
                {
                    date = true;
                }
            }
        }
        if date && time {
            break;
        }
        i = after;
    }
    (date, time)
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
            } else if c == 'ς' {
                // `str::to_lowercase` writes a word's last capital sigma as `ς`, this loop
                // as `σ`: every sigma is `σ` here and in the phrases.
                lower.push('σ');
            } else {
                lower.extend(c.to_lowercase());
            }
        }
        Self { lower }
    }

    /// Whether the text starts like a link or box label: "Xem thêm: …", "Đọc thêm", "[ad_1]".
    pub(crate) fn has_cruft_prefix(&self) -> bool {
        let lower = self.unmarked();
        CRUFT
            .prefixes
            .iter()
            .any(|prefix| lower.starts_with(prefix.as_str()))
    }

    /// Whether the text starts like a promotion of the site itself: "Subscribe to our
    /// newsletter…", "Đặt mua tạp chí…". Unlike prefixes, these hold even for full
    /// sentences.
    pub(crate) fn has_promo_prefix(&self) -> bool {
        let lower = self.unmarked();
        CRUFT
            .promos
            .iter()
            .any(|promo| lower.starts_with(promo.as_str()))
    }

    /// The lower-cased start without the bullets and stars a box line opens with.
    fn unmarked(&self) -> &str {
        self.lower
            .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '•' | '-' | '–'))
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
                // A phrase closed by its own colon ("Ảnh:", "责任编辑：") opens the line;
                // another one must not run into a longer word.
                && (credit.ends_with([':', '：'])
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

    #[test]
    fn a_row_of_calls_to_action_is_one() {
        assert!(is_call_to_action("Add to Wish List Add to Compare"));
        assert!(is_call_to_action("Learn more"));
        assert!(!is_call_to_action("Add to Wish List and compare prices"));
        assert!(!is_call_to_action("Compare prices"));
        assert!(is_cruft_heading_or_line("14 Reviews"));
    }

    #[test]
    fn a_clock_time_opening_words_is_a_timed_entry() {
        for text in [
            "10:30 – Welcome and introduction",
            "8h47 - ABB voit ses commandes fléchir",
            "7:15 pm Doors open",
            "10:30 – 11:00 Coffee and registration",
        ] {
            assert!(is_timed_entry(text), "{text}");
        }
        for text in [
            "16:45 GMT",
            "10:30 – 11:00",
            "Posted at 10:30 by Ann Lee",
            "12.5 km along the river",
            "2024-05-18 10:30",
        ] {
            assert!(!is_timed_entry(text), "{text}");
        }
        // Inside a schedule, one word after the time is an entry too.
        assert!(!is_timed_entry("00:00 Intro"));
        assert!(is_timed_label("00:00 Intro"));
        assert!(!is_timed_label("16:45"));
    }

    #[test]
    fn interaction_counts_are_tallies() {
        for text in [
            "6 Likes",
            "1 Like",
            "12 replies",
            "1.2k views",
            "3,405 Views",
            "0 bình luận",
        ] {
            assert!(is_cruft_heading_or_line(text), "{text}");
        }
        for text in [
            "Likes",
            "6 things I like",
            "Top 10 views",
            "2 likes and a reply",
        ] {
            assert!(!is_cruft_heading_or_line(text), "{text}");
        }
    }

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
    fn a_posters_card_holds_two_field_labels() {
        assert!(is_profile_card(
            "drizzle_dave\nJoined: 02 Jan 2004\nPosts: 1588"
        ));
        assert!(is_profile_card(
            "Posted: Sun Apr 09, 2006 10:02 am Post subject: Gauges"
        ));
        // One label stands in prose; labels inside words do not count.
        assert!(!is_profile_card(
            "Location: the north mole, where the boats tie up."
        ));
        assert!(!is_profile_card("Reposts: 3, rejoined: yes"));
    }

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
    fn item_specific_tokens_are_ids_labels_and_places() {
        for token in [
            "post-141705",
            "category-dinner",
            "Tag-economy",
            "product_cat-lamps",
            "first",
            "instock",
        ] {
            assert!(is_item_specific_token(token), "{token}");
        }
        for token in [
            "col-span-6",
            "grid-cols-12",
            "post",
            "hentry",
            "card",
            "md:w-3/10",
        ] {
            assert!(!is_item_specific_token(token), "{token}");
        }
    }

    #[test]
    fn short_tokens_match_whole_tokens_only() {
        assert!(class_hint(Some("ad"), None).boilerplate);
        // A compound word is one part: testimonials are not a follow box.
        assert!(class_hint(Some("follow-google"), None).boilerplate);
        assert!(!class_hint(Some("follow-up__item"), None).boilerplate);
        assert!(!class_hint(Some("header-shadow"), None).boilerplate);
        assert!(!class_hint(Some("content-with-sidebar-wrp"), None).boilerplate);
    }

    #[test]
    fn state_and_taxonomy_tokens_mark_no_region() {
        let post = "BlogItem hentry tag-slow-fashion author-kristen has-comments related-posts";
        assert_eq!(
            region_marking_tokens(post).collect::<Vec<_>>(),
            ["BlogItem", "hentry", "related-posts"]
        );
        // Off a post's element, a `tag-…` token is a tag cloud's.
        assert_eq!(
            region_marking_tokens("widget tag-cloud").collect::<Vec<_>>(),
            ["widget", "tag-cloud"]
        );
    }

    #[test]
    fn taxonomy_labels_on_a_post_are_not_furniture() {
        let post = "post-4163 post type-post status-publish hentry category-news tag-economy \
                    author-jane-doe";
        assert!(!class_hint(Some(post), None).boilerplate);
        assert!(class_hint(Some(post), None).content);
        // Off a post's element the same prefixes still name boxes.
        assert!(class_hint(Some("tag-cloud"), None).boilerplate);
        assert!(class_hint(Some("author-box"), None).boilerplate);
        assert!(!class_hint(Some("entry-author-jane entry-type-post"), None).boilerplate);
    }

    #[test]
    fn builder_and_state_tokens_name_no_box() {
        for class in [
            "elementor-widget elementor-widget-text-editor",
            "elementor-widget-container",
            "span12 widget-span widget-type-cell",
            "tweak-blog-item-show-author-name",
            "et_show_nav footer-on-bottom",
            "lg:grid-cols-sidebar-content",
            "kadence-column356_b8ce28-ad",
            "hs_cos_wrapper_meta_field",
            "col-print-7 d-print-none",
            // A page builder's panel borrows the sidebar's widget tokens.
            "so-panel widget widget_text panel-first-child",
        ] {
            assert!(!class_hint(Some(class), None).boilerplate, "{class}");
        }
        for class in [
            "elementor-widget-share-buttons",
            "elementor-location-footer",
            "widget widget_text",
            "main-menu",
            "menu-item",
            "dfp-ad-incontent_desk_1",
            "author-bio__container__2jA4g",
            "comments-area",
            // A collection's faceted navigation.
            "facets__item",
            "mobile-facets__label",
            "filterBy_iJsxtxBeqR",
            "refinements",
            // A popover is shown over the page, as a modal is.
            "iPwaInstallPopover__ios",
        ] {
            assert!(class_hint(Some(class), None).boilerplate, "{class}");
        }
    }

    #[test]
    fn cruft_headings_ignore_case_and_counts() {
        assert!(is_cruft_heading("TIN LIÊN QUAN"));
        assert!(is_cruft_heading("Bình luận (12)"));
        assert!(is_cruft_heading("Xem thêm:"));
        assert!(!is_cruft_heading("Tin mới về giá xăng dầu tuần này"));
        assert!(is_cruft_heading("Pourquoi voyez-vous ce message ?"));
        assert!(is_cruft_heading("You might also be interested in…"));
        assert!(is_cruft_heading("About the Reviewer"));
        // An ad slot's label is cut out as a line; the story goes on after it.
        assert!(!is_cruft_heading("Advertisement"));
        assert!(is_cruft_heading_or_line("Advertisement"));
        // A radio portal's label over its audio player.
        assert!(is_cruft_heading_or_line("Nghe phóng sự:"));
        // A table of contents widget's title; its list goes as a link list.
        assert!(is_cruft_heading_or_line("Table of Contents"));
        assert!(is_cruft_heading_or_line("Mục lục"));
        // A forum code box's control line (phpBB's "Code: Select all").
        assert!(is_cruft_heading_or_line("Code: Select all"));
        assert!(is_cruft_heading_or_line(
            "{{price.total}} {{ price.monthly }}"
        ));
        assert!(!is_cruft_heading_or_line("{{price.total}} a month"));
        assert!(!is_cruft_heading_or_line("Use {{name}} in the template"));
        assert!(!is_cruft_heading("Tags of wild geese in the delta"));
        assert!(is_call_to_action("Learn More ›"));
        assert!(is_call_to_action("Click to expand..."));
        assert!(is_call_to_action("Request a demo"));
        assert!(is_call_to_action("+ Wishlist"));
        assert!(is_call_to_action("Add to Compare"));
        assert!(!is_call_to_action(
            "Learn more about the new ferry timetable"
        ));
        assert!(is_cruft_heading_or_line("Article réservé aux abonnés"));
    }

    #[test]
    fn credit_and_prefix_lines() {
        assert!(has_credit_prefix("Tin, ảnh: HÀ PHƯƠNG"));
        assert!(has_credit_prefix("(Ảnh: Tuấn Anh)"));
        assert!(!has_credit_prefix("Nguồn tin cho biết hôm nay trời mưa."));
        // A hand-written page's footer: its change date and hit counter.
        assert!(has_credit_prefix("Last changed 3 May 2004. Write to me."));
        assert!(has_credit_prefix(
            "This page was last updated on 12/03/2007"
        ));
        assert!(has_cruft_prefix("Xem thêm: Giá vàng hôm nay"));
        assert!(has_cruft_prefix("[إعلان 2]"));
        assert!(is_cruft_heading_or_line("[anuncio_1]"));
        // `BlockStart::of` lower-cases character by character, which differs from
        // `str::to_lowercase` only for a final sigma: both sides write every sigma `σ`.
        let phrases = CRUFT
            .prefixes
            .iter()
            .chain(&CRUFT.promos)
            .chain(&CRUFT.credits);
        assert!(phrases.clone().count() > 50);
        assert!(phrases.flat_map(|p| p.chars()).all(|c| c != 'ς'));
        assert!(has_cruft_prefix("Διαβάστε επίσης: Νέο λιμάνι στη Σύρο"));
        assert!(has_cruft_prefix("ΔΙΑΒΆΣΤΕ ΕΠΊΣΗΣ: Νέο λιμάνι στη Σύρο"));
        assert!(has_credit_prefix("责任编辑：王小明"));
        assert!(has_credit_prefix("Źródło: PAP"));
        for text in ["TIN LIÊN QUAN", "Chia sẻ", "Bình luận (0)", "[ad_1]"] {
            assert!(is_cruft_heading_or_line(text), "{text}");
        }
        assert!(!is_cruft_heading_or_line("Giá lúa tăng"));
        // A promotion holds even as a full sentence, after a bullet or star.
        let promo = "* Mời bạn đọc vào chuyên mục Quân sự xem các tin, bài liên quan.";
        assert!(BlockStart::of(promo).has_promo_prefix());
        assert!(BlockStart::of("Same day shipping if ordered by 4PM").has_promo_prefix());
        assert!(
            BlockStart::of("By signing up, you agree to receive our emails.").has_promo_prefix()
        );
        assert!(!BlockStart::of("Free software returns to the lab").has_promo_prefix());
        assert!(has_cruft_prefix("* Xem thêm: Giá vàng hôm nay"));
        assert!(has_credit_prefix("Đường link lấy ảnh gốc tại đây."));
        assert!(is_timestamp("11:48 GMT"));
        assert!(has_date_or_time("آخر تحديث: 21/11/2026 15:02 (توقيت مكة)"));
        assert!(has_date_or_time("Thứ tư, 22/10/2025, 19:25 (GMT+7)"));
        assert!(!has_date_or_time("Ngày 11/11, tại Hà Nội"));
        assert!(!is_timestamp("Năm 2025 có 12 tháng"));
    }

    #[test]
    fn stamps_need_two_numbers_or_a_year_and_date_lines_may_end_in_a_stop() {
        assert!(is_timestamp("22/10/2025"));
        assert!(is_timestamp("2026"));
        assert!(!is_timestamp("250 lb."));
        assert!(!is_timestamp("128 GB"));
        assert!(!is_timestamp("11.2.2. Hash"));
        assert!(is_timestamp("9.30"));
        assert!(is_timestamp("11:48 1.2"));
        assert!(has_relative_time("packetpilot2 days ago#2"));
        assert!(has_relative_time("Cập nhật 3 giờ trước"));
        assert!(has_relative_time("vor 2 Tagen"));
        assert!(has_relative_time("il y a 5 heures"));
        assert!(has_relative_time("an hour ago"));
        assert!(!has_relative_time("Two days later we left."));
        assert!(!has_relative_time("3 days of rain"));
        assert!(is_topic_link(
            "https://znews.vn/tieu-diem/booksonapple.html"
        ));
        assert!(is_topic_link("/tag/climate/"));
        assert!(!is_topic_link("https://tag.example.com/news/climate.html"));
        assert!(!is_topic_link("/news/topical-issues"));
        assert!(has_date_and_time("28/11/2026 Actualizado a las 09:30h."));
        assert!(!has_date_and_time("28/11/2026"));
        assert!(!has_date_and_time("Mở cửa lúc 09:30 mỗi ngày."));
    }

    #[test]
    fn disclosures_are_found_anywhere_in_a_block() {
        assert!(is_disclosure(
            "Just so you know, I review everything I recommend. When you buy through links \
             on this page, we may earn a commission."
        ));
        assert!(is_disclosure(
            "As an Amazon Associate we earn from qualifying purchases."
        ));
        assert!(is_disclosure(
            "Disclosure: This post contains AFFILIATE LINKS."
        ));
        // A legal column's call for readers' questions.
        assert!(is_disclosure(
            "Bạn đọc có thắc mắc về pháp luật vui lòng gửi câu hỏi về email tuvan@plo.vn."
        ));
        // The site's pitch for its newsletter, wherever it stands in the sentence.
        assert!(is_disclosure(
            "Want more local news? Sign up for our free Morning Briefing newsletter."
        ));
        // A parenthetical marker after a product is not a disclosure.
        assert!(!is_disclosure(
            "This is the air fryer I use every day (affiliate link)."
        ));
        assert!(!is_disclosure(
            "The broker charges a commission on every trade."
        ));
    }
}

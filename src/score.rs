//! Takes the segmented page; returns a score and features for every block.
//!
//! A block's weight says how much it looks like article text: positive for long,
//! punctuated prose with few links; negative for links, teasers, cruft headings and text
//! under furniture (nav, related boxes, comments). Weights are summed per container in
//! `select`, so the container with the most net article text wins.

use crate::body::{BlockKind, Inline};
use crate::lexicon;
use crate::segment::{BODY_DEPTH, Element, SegmentBlock, Segmented, Tag};

/// How much one link character costs against one plain character. A block whose links
/// cover 40 % of its text weighs nothing. Start: jusText's link density 0.2–0.4 band;
/// tuned on fixtures/ and corpus/scrapinghub 2026-11-23.
const LINK_CHAR_COST: f32 = 2.5;
/// Blocks shorter than this, in weighted characters, never add to a container. Start:
/// Readability's 25-character paragraph minimum.
const MIN_POSITIVE_BLOCK_CHARS: usize = 30;
/// Factor on the weight of a block without sentence-final punctuation (titles, labels,
/// teaser headings). Tuned on fixtures/ 2026-11-23.
const UNPUNCTUATED_FACTOR: f32 = 0.5;
/// Blocks at least this long, in weighted characters, count fully even without final
/// punctuation (unless they have none at all: see [`BlockFeatures::labels_only`]).
const LONG_BLOCK_CHARS: usize = 200;
/// Punctuation that any run of prose holds somewhere: Latin, CJK, Arabic and Urdu,
/// Devanagari, Burmese, Khmer, Tibetan, Armenian and Ethiopic marks.
pub(crate) const PROSE_PUNCTUATION: &[char] = &[
    '.', ',', ';', ':', '!', '?', '。', '，', '、', '；', '！', '？', '،', '؟', '۔', '।', '॥', '။',
    '၊', '។', '៕', '།', '։', '።', '፣',
];
/// Factor on a block under an element whose class, id or tag names content.
const CONTENT_BONUS: f32 = 1.25;
/// A furniture-classed element holding more than this share of the page's characters is
/// a page wrapper with an unlucky name (`main-with-sidebar`), not furniture.
const MAX_FURNITURE_SHARE: f32 = 0.5;
/// A furniture-classed element is a wrapper, not furniture, when one content-classed
/// element inside it holds at least this share of its characters outside links.
const MIN_CONTENT_SHARE_OF_WRAPPER: f32 = 0.5;
/// …and that content element holds at least this many characters outside links (a
/// teaser `<article>` in a related box is smaller).
const MIN_WRAPPED_CONTENT_CHARS: usize = 250;
/// A title link and the block after it form a teaser when their smallest common
/// container holds fewer characters than this.
const MAX_TEASER_UNIT_CHARS: usize = 700;
/// …and at most this many blocks (title, sapo, date, category).
const MAX_TEASER_UNIT_BLOCKS: usize = 6;
/// Shortest block, in weighted characters, counted as prose when telling a teaser unit
/// (one prose block) from a short article (several).
const MIN_TEASER_PROSE_CHARS: usize = 70;
/// An element whose class names both content and furniture (`entry-content-read-more`,
/// `related-content`) is furniture only when it holds fewer characters than this.
const MAX_MIXED_FURNITURE_CHARS: usize = 400;
/// Shortest description, in weighted characters, under a title linking to another site
/// that makes a listicle's entry rather than a teaser. Tuned on the WCXB dev split
/// 2026-12-07.
pub(crate) const MIN_OUTBOUND_ENTRY_CHARS: usize = 150;
/// Shortest list item opening with a link and mostly linked (a catalogue entry: linked
/// title, then publisher and year) that the wide reading counts as an entry: longer than
/// a menu's entries. Set on the WCXB dev split 2026-12-07 (a library's subject page; no
/// other page moved).
const MIN_LINKED_ENTRY_CHARS: usize = 60;
/// Shortest link block, in characters, read as a teaser title.
const MIN_TEASER_TITLE_CHARS: usize = 15;
/// Shortest heading, in weighted characters, read as a lead paragraph when it ends a
/// sentence. Tuned on corpus/vietnamese-portals (cafef `h2.sapo`) 2026-11-23.
const MIN_SAPO_HEADING_CHARS: usize = 100;
/// In the wide reading, a furniture-classed box with at least this many characters outside
/// links, most of its text, is content. Tuned on fixtures/shop-collection-page and the
/// WCXB dev split 2026-12-05.
const MIN_WIDE_PROSE_BOX_CHARS: usize = 300;
/// Factor on the size of a title link in the wide reading, where a listing's item titles
/// are content but weigh less than prose. Tuned on the WCXB dev split 2026-12-05.
const WIDE_TITLE_LINK_FACTOR: f32 = 0.5;
/// In the wide reading a data-table row of at least this many cells is content whatever
/// its links, as a listing's item is: Hacker News lists its stories in a table whose every
/// title is a link. Tuned on the WCXB dev split 2026-12-06 (2 cells: +0.0004; 3: -0.0001).
pub(crate) const MIN_WIDE_DATA_ROW_CELLS: usize = 2;
/// Fewest cells of a data table's row whose links cost nothing in the article reading.
/// Set 2026-12-07 on WCXB dev's Wikipedia list page (a table of laureates, year first).
pub(crate) const MIN_LINKED_DATA_ROW_CELLS: usize = 3;

/// Longest cell, in characters, of such a row: names, figures and dates; a row holding a
/// story's summary is a teaser set in a table (a news site's "more stories" grid).
const MAX_DATA_CELL_CHARS: usize = 100;

/// Whether a block is a data table's row whose links are its data: names in the cells of
/// a row with a header cell (`<th scope=row>`, a list page's year) or a cell of plain text
/// besides them (a score, a date). A row of plain cells that are each one link is a grid
/// of links (a legal site's "Alabama LLC | Alaska LLC | …" menu set as a table), not data.
pub(crate) fn is_linked_data_row(block: &SegmentBlock, features: &BlockFeatures) -> bool {
    let plain = |inline: &Inline| {
        !matches!(inline, Inline::Link { .. } | Inline::LineBreak)
            && inline.text().chars().any(char::is_alphanumeric)
    };
    let cell_chars = |cell: &Vec<Inline>| -> usize {
        cell.iter()
            .filter(|inline| **inline != Inline::LineBreak)
            .map(|inline| inline.text().chars().count())
            .sum()
    };
    block.cells.len() >= MIN_LINKED_DATA_ROW_CELLS
        && features.furniture.is_none()
        && !(features.teaser || features.ellipsis)
        && block
            .cells
            .iter()
            .all(|cell| cell_chars(cell) <= MAX_DATA_CELL_CHARS)
        && (block.header_cell || block.cells.iter().any(|cell| cell.iter().any(plain)))
}
/// A block ending a sentence with at least this many characters outside links, and links
/// under [`MAX_SENTENCE_LINK_DENSITY`] of its text, is prose whose links cost nothing
/// (its weight is its plain text): the linked items of a "10 things" newsletter, a list
/// of findings citing sources. Tuned on corpus/scrapinghub (0.966 -> 0.968) and checked
/// on the WCXB dev split (+0.0003; 60 to 150 characters and densities 0.6 to 0.8 give
/// the same), fundus and the Vietnamese portals (unchanged), 2026-12-06.
const MIN_SENTENCE_PLAIN_CHARS: usize = 60;
/// See [`MIN_SENTENCE_PLAIN_CHARS`].
const MAX_SENTENCE_LINK_DENSITY: f32 = 0.7;
/// Link density from which a block is a link block.
pub(crate) const LINK_BLOCK_DENSITY: f32 = 0.5;
/// Weight of an ideograph, kana or hangul character against one of an alphabetic script:
/// one of them carries about a word. Set in "Pipeline v1" (ae077ea, 2026-11-23); what it
/// was tuned on was not recorded.
const CJK_CHAR_WEIGHT: usize = 3;
/// Only blocks this short, in characters, take the prefix tests (cruft, promo, credit). Set
/// in "Pipeline v1" (ae077ea, 2026-11-23); what it was tuned on was not recorded.
const MAX_PREFIX_TEST_CHARS: usize = 200;
/// A promo line (a sign-up form's consent text, "By signing up, you agree to receive
/// recurring automated SMS marketing messages…") takes its test up to this length.
/// Tuned on the WCXB dev split 2026-12-07.
const MAX_PROMO_TEST_CHARS: usize = 400;
/// A block with a cruft prefix ("Xem thêm:") that ends a sentence, has no link and is at
/// most this long, in characters, is cruft. Set in "Pipeline v1" (ae077ea, 2026-11-23);
/// what it was tuned on was not recorded.
const MAX_CRUFT_PREFIX_SENTENCE_CHARS: usize = 60;
/// Longest credit line ("Tin, ảnh: …"), in characters. Set in "Pipeline v1" (ae077ea,
/// 2026-11-23) on fixtures/.
const MAX_CREDIT_CHARS: usize = 120;
/// Link density from which a block is a title link…
const MIN_TITLE_LINK_DENSITY: f32 = 0.8;
/// …or a heading is (a linked headline with a kicker or a counter). Set with the linked
/// headings (628f612, 2026-11-23); what it was tuned on was not recorded.
const MIN_HEADING_TITLE_LINK_DENSITY: f32 = 0.6;
/// Most links in a title link block (a headline and its section link). This and
/// [`MIN_TITLE_LINK_DENSITY`] were set in "Pipeline v1" (ae077ea, 2026-11-23); what it was
/// tuned on was not recorded.
const MAX_TITLE_LINK_LINKS: usize = 2;
/// Weight of a teaser or a cut text, per weighted character: it counts against its
/// container. Set in "Pipeline v1" (ae077ea, 2026-11-23); what it was tuned on was not
/// recorded.
const TEASER_WEIGHT_PER_CHAR: f32 = -0.5;
/// Least penalty of a block under furniture, per weighted character. Set in "Pipeline v1"
/// (ae077ea, 2026-11-23); what it was tuned on was not recorded.
const MIN_FURNITURE_PENALTY_PER_CHAR: f32 = 0.5;
/// Factor on the weight of a list item: lists are more often navigation than prose. Set in
/// "Pipeline v1" (ae077ea, 2026-11-23); what it was tuned on was not recorded.
const LIST_ITEM_FACTOR: f32 = 0.8;

/// A token of at least this many ASCII letters, digits, hyphens and underscores…
const MIN_MACHINE_TOKEN_CHARS: usize = 24;
/// …at least this share of them digits, is a machine's (a hex id, a UUID, a hash), not a
/// word or a product code.
const MIN_MACHINE_TOKEN_DIGIT_SHARE: f32 = 0.25;
/// A block whose characters are at least this share machine tokens is no language: the
/// scrambled label of an obfuscated "Sponsored" (eBay spells it one letter between
/// UUIDs of hidden spans, 600 characters read as a long paragraph), a leaked tracking id.
/// On the WCXB dev split 2026-12-07 (the eBay item pages).
const MIN_GARBLED_SHARE: f32 = 0.6;

/// Features and weight of one block.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct BlockFeatures {
    /// Net article-likeness, in weighted characters.
    pub weight: f32,
    /// Weighted length: characters, CJK counted three times.
    pub size: usize,
    /// Link characters / characters.
    pub link_density: f32,
    /// Ends with sentence-final punctuation.
    pub final_punctuation: bool,
    /// A long sentence whose links are words of it (see [`MIN_SENTENCE_PLAIN_CHARS`]): its
    /// links cost nothing and it is no link block, however dense.
    pub linked_sentence: bool,
    /// Holds no punctuation at all: a run of labels (a menu read as text), not prose.
    pub labels_only: bool,
    /// Ends with an ellipsis: a cut teaser.
    pub ellipsis: bool,
    /// A link opens the block (not a table row): a teaser's title before its summary.
    pub opens_with_link: bool,
    /// Heads a cruft box ("Tin liên quan") or is a cruft line ("Chia sẻ").
    pub cruft_heading: bool,
    /// Only a date or time ("11:48 GMT", a `<time>` line).
    pub dateline: bool,
    /// A line of a post's header: its byline, date, the poster's place or post count
    /// (see [`mark_post_headers`]). Cut out like a date line.
    pub post_header: bool,
    /// Starts with a cruft prefix ("Xem thêm:") and is short or link-heavy.
    pub cruft_prefix: bool,
    /// An affiliate or sponsorship disclosure ("we may earn a commission"): cut out of
    /// the body, transparent to its neighbours.
    pub disclosure: bool,
    /// A credit or source line ("Tin, ảnh: …", "Nguồn: …").
    pub credit: bool,
    /// No language: most of its characters are in machine tokens (see [`is_garbled`]), or
    /// it is a media file's address (see [`is_media_address`]).
    /// Cut out of the body, transparent to its neighbours.
    pub garbled: bool,
    /// The sapo of a teaser: follows a title link inside a small container.
    pub teaser: bool,
    /// A title link: mostly one link, long enough to be a headline.
    pub title_link: bool,
    /// A title link to another site than the page's (see [`score`]).
    pub outbound: bool,
    /// A list item that opens with a link and is mostly linked, long enough to be a
    /// catalogue entry (linked title, then publisher and year), not a menu entry.
    pub linked_entry: bool,
    /// Under a furniture element (after discounting page-wide wrappers).
    pub furniture: Option<u32>,
    /// Under an element whose class, id or tag names content.
    pub content: bool,
    /// In the wide reading: the item, of a run of like items (product cards, results),
    /// that holds the block.
    pub item: Option<u32>,
}

/// The page with its block scores.
#[derive(Debug, Clone)]
pub(crate) struct Scored {
    /// The segmented page.
    pub page: Segmented,
    /// One score per block, same order.
    pub scores: Vec<BlockFeatures>,
    /// `weight_prefix[i]` = sum of the weights of blocks `0..i`.
    pub weight_prefix: Vec<f64>,
    /// `size_prefix[i]` = sum of the sizes of blocks `0..i`.
    pub size_prefix: Vec<usize>,
    /// `plain_prefix[i]` = sum of the characters outside links of blocks `0..i`.
    pub plain_prefix: Vec<usize>,
    /// `teaser_plain_prefix[i]` = the same, of the teaser blocks among `0..i`.
    pub teaser_plain_prefix: Vec<usize>,
}

impl Scored {
    /// Whether block `index` lies inside customer reviews (see
    /// [`ClassHint::reviews`](crate::lexicon::ClassHint)).
    pub fn in_reviews(&self, index: usize) -> bool {
        self.page.elements[self.page.blocks[index].element as usize].in_reviews
    }

    /// Whether block `index` lies inside reader comments (see
    /// [`ClassHint::comments`](crate::lexicon::ClassHint)).
    pub fn in_comments(&self, index: usize) -> bool {
        self.page.elements[self.page.blocks[index].element as usize].in_comments
    }

    /// Sum of block weights in `range`.
    pub fn weight_sum(&self, range: &std::ops::Range<usize>) -> f64 {
        self.weight_prefix[range.end] - self.weight_prefix[range.start]
    }

    /// Sum of the characters outside links in `range`.
    pub fn plain_sum(&self, range: &std::ops::Range<usize>) -> usize {
        self.plain_prefix[range.end] - self.plain_prefix[range.start]
    }

    /// Sum of the characters outside links of the teaser blocks in `range`.
    pub fn teaser_plain_sum(&self, range: &std::ops::Range<usize>) -> usize {
        self.teaser_plain_prefix[range.end] - self.teaser_plain_prefix[range.start]
    }

    /// Sum of block sizes in `range`.
    pub fn size_sum(&self, range: &std::ops::Range<usize>) -> usize {
        self.size_prefix[range.end] - self.size_prefix[range.start]
    }
}

/// Weighted length of `text`: ideographs, kana and hangul count three times, as one of
/// them carries about a word.
pub(crate) fn weighted_size(text: &str) -> usize {
    // Those characters all have a UTF-8 lead byte of 0xE3 or more; most text has none.
    if !text.bytes().any(|b| b >= 0xE3) {
        return text.chars().count();
    }
    text.chars()
        .map(|ch| match ch as u32 {
            0x3040..=0x30FF | 0x3400..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF => {
                CJK_CHAR_WEIGHT
            }
            _ => 1,
        })
        .sum()
}

/// Whether `text` is mostly machine tokens (see [`MIN_GARBLED_SHARE`]).
pub(crate) fn is_garbled(text: &str) -> bool {
    let mut total = 0;
    let mut machine = 0;
    for token in text.split_whitespace() {
        total += token.len();
        if token.len() >= MIN_MACHINE_TOKEN_CHARS
            && token
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        {
            let digits = token.bytes().filter(u8::is_ascii_digit).count();
            if digits as f32 >= MIN_MACHINE_TOKEN_DIGIT_SHARE * token.len() as f32 {
                machine += token.len();
            }
        }
    }
    machine > 0 && machine as f32 >= MIN_GARBLED_SHARE * total as f32
}

/// File endings of images, video and sound.
const MEDIA_FILE_ENDINGS: &[&str] = &[
    ".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg", ".mp4", ".webm", ".mov", ".mp3",
    ".m4a",
];

/// Whether `text` is nothing but the address of a media file (a shop's hidden custom field
/// "https://cdn…/5001_STAPLE_TEE_BONE_THUMB.jpg", a video player's source): markup leaking
/// as text, never a line of any gold of WCXB dev or the shared corpora.
pub(crate) fn is_media_address(text: &str) -> bool {
    let address = text.trim();
    let Some(rest) = address
        .strip_prefix("https://")
        .or_else(|| address.strip_prefix("http://"))
        .or_else(|| address.strip_prefix("//"))
    else {
        return false;
    };
    if rest.contains(char::is_whitespace) {
        return false;
    }
    let path = rest.split(['?', '#']).next().unwrap_or(rest);
    let path = path.to_ascii_lowercase();
    MEDIA_FILE_ENDINGS
        .iter()
        .any(|ending| path.ends_with(ending))
}

/// Whether `text` is written in a script whose prose has no sentence punctuation (Thai,
/// Lao: sentences end with a space), where a long block without any is still prose.
fn in_unpunctuated_script(text: &str) -> bool {
    text.chars().any(|c| matches!(c, '\u{0E00}'..='\u{0EFF}'))
}

/// Whether `text` ends a sentence, or a sentence and a closing parenthetical: the
/// translator's or reporter's credit after a paragraph's last sentence ("…突破。（编译/林靖东）",
/// "… on Monday. (Reporting by Ann Lee)").
pub(crate) fn ends_sentence(text: &str) -> bool {
    ends_sentence_mark(text) || before_closing_parenthetical(text).is_some_and(ends_sentence_mark)
}

/// The text before a parenthetical that closes `text`, if it does.
fn before_closing_parenthetical(text: &str) -> Option<&str> {
    let trimmed = text.trim_end();
    let open = if trimmed.ends_with(')') {
        '('
    } else if trimmed.ends_with('）') {
        '（'
    } else {
        return None;
    };
    let at = trimmed.rfind(open)?;
    let before = &trimmed[..at];
    // A photo or source credit closes a caption, not a paragraph: "(Foto: Archivo/…)".
    let credit = lexicon::BlockStart::of(&trimmed[at..]).has_credit_prefix();
    (!credit && !before.trim().is_empty()).then_some(before)
}

/// Sentence-final punctuation marks.
const SENTENCE_MARKS: [char; 19] = [
    '.', '!', '?', '…', ':', ';', '。', '！', '？', '؟', '।', '۔', '॥', '။', '។', '៕', '།', '։',
    '።',
];

/// Whether `text` ends with sentence-final punctuation (closing quotes and brackets, and
/// note references after the mark, aside).
fn ends_sentence_mark(text: &str) -> bool {
    let closing = |c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '"' | '”' | '’' | '»' | ')' | '）' | '」' | '』' | '*' | '\''
                    // A footnote's link back to its reference: "↩︎".
                    | '↩' | '\u{FE0E}' | '\u{FE0F}'
            )
    };
    let trimmed = without_note_references(text.trim_end_matches(closing)).trim_end_matches(closing);
    trimmed.ends_with(SENTENCE_MARKS)
}

/// Longest bracketed note reference read after a sentence ("[12]", "[a]", "[note 3]").
const MAX_NOTE_REFERENCE_CHARS: usize = 12;
/// Most figures of a bare footnote number set right after a sentence's mark
/// ("…with integers.1", a `<sup>` footnote link read as text).
const MAX_FOOTNOTE_DIGITS: usize = 3;

/// `text` without the note references that follow its last sentence: bracketed ones
/// ("lens.[1][2]", Wikipedia), superscript figures ("lens.¹"), and a bare number right
/// after a mark that follows a letter ("integers.1", a footnote link in `<sup>`; "version
/// 2.1" keeps its figures).
fn without_note_references(text: &str) -> &str {
    let mut text = text;
    loop {
        let trimmed = text.trim_end();
        if let Some(inner) = trimmed.strip_suffix(']')
            && let Some(open) = inner.rfind('[')
            && inner[open + 1..].chars().count() <= MAX_NOTE_REFERENCE_CHARS
            && inner[open + 1..]
                .chars()
                .all(|c| c.is_alphanumeric() || c == ' ')
        {
            text = &inner[..open];
            continue;
        }
        let superscripts =
            trimmed.trim_end_matches(['¹', '²', '³', '⁰', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹']);
        if superscripts.len() < trimmed.len() {
            text = superscripts;
            continue;
        }
        let figures = trimmed.trim_end_matches(|c: char| c.is_ascii_digit());
        let digits = trimmed.len() - figures.len();
        let mut before = figures.chars().rev();
        if (1..=MAX_FOOTNOTE_DIGITS).contains(&digits)
            && before.next().is_some_and(|c| SENTENCE_MARKS.contains(&c))
            && before.next().is_some_and(char::is_alphabetic)
        {
            return figures;
        }
        return trimmed;
    }
}

/// Whether `text` opens with an item number ("1. ", "#2 ", "3) ", "No. 4"): a listicle's
/// item heading, even when it links to the item, is not a teaser title.
pub(crate) fn is_numbered_item(text: &str) -> bool {
    let text = text.trim_start();
    let text = text
        .strip_prefix('#')
        .or_else(|| text.strip_prefix("No. "))
        .unwrap_or(text);
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return false;
    }
    let rest = &text[digits..];
    rest.starts_with(". ")
        || rest.starts_with(") ")
        || rest.starts_with(": ")
        || rest.starts_with(' ')
}

/// Whether `text` ends with an ellipsis (a teaser cut short).
pub(crate) fn ends_with_ellipsis(text: &str) -> bool {
    let trimmed = text.trim_end();
    trimmed.ends_with("...") || trimmed.ends_with('…')
}

/// Scores every block of `page`.
/// `sites` are the page's hosts (of the address it was fetched from and of its canonical
/// URL), where known: a title link to none of them heads a listicle's entry, not a teaser
/// of the site's own stories.
pub(crate) fn score(page: Segmented, sites: &[&str]) -> Scored {
    let mut size_prefix = Vec::with_capacity(page.blocks.len() + 1);
    size_prefix.push(0usize);
    let mut sizes = Vec::with_capacity(page.blocks.len());
    let mut plain_prefix = Vec::with_capacity(page.blocks.len() + 1);
    plain_prefix.push(0usize);
    for block in &page.blocks {
        let last = plain_prefix.last().copied().unwrap_or(0);
        plain_prefix.push(last + block.chars.saturating_sub(block.link_chars));
        let size = weighted_size(&block.text);
        sizes.push(size);
        let last = size_prefix.last().copied().unwrap_or(0);
        size_prefix.push(last + size);
    }
    let total_size = size_prefix.last().copied().unwrap_or(0).max(1);
    let mut scored = Scored {
        page,
        scores: Vec::new(),
        weight_prefix: Vec::new(),
        size_prefix,
        plain_prefix,
        teaser_plain_prefix: Vec::new(),
    };
    let sites: Vec<String> = sites.iter().map(|site| site_of(site)).collect();
    let mut scores: Vec<BlockFeatures> = Vec::with_capacity(scored.page.blocks.len());
    for (index, block) in scored.page.blocks.iter().enumerate() {
        let mut features = features(block, sizes[index]);
        features.outbound = features.title_link && leaves_sites(block, &sites);
        features.content = scored
            .page
            .elements
            .get(block.element as usize)
            .is_some_and(|e| e.content.is_some());
        scores.push(features);
    }
    mark_teasers(&scored, &mut scores);
    // Teasers first: a wrapper's teasers do not count against the story it also holds.
    let mut teaser_plain_prefix = Vec::with_capacity(scores.len() + 1);
    teaser_plain_prefix.push(0usize);
    for (index, score) in scores.iter().enumerate() {
        let last = teaser_plain_prefix.last().copied().unwrap_or(0);
        let plain = scored.plain_prefix[index + 1] - scored.plain_prefix[index];
        teaser_plain_prefix.push(last + if score.teaser { plain } else { 0 });
    }
    scored.teaser_plain_prefix = teaser_plain_prefix;
    for (score, block) in scores.iter_mut().zip(&scored.page.blocks) {
        score.furniture = effective_furniture(&scored, block.element, total_size, false);
    }
    unmark_schedules(&scored, &mut scores);
    mark_post_headers(&scored, &mut scores);
    scored.scores = scores;
    weigh(&mut scored, false);
    scored
}

/// Scores the blocks again for the wide reading (`wide`, as [`Scope::Any`](crate::Scope::Any) reads a page
/// that is not an article): replies are no
/// longer furniture, and title links and teasers count as content.
pub(crate) fn reweigh(scored: &mut Scored, wide: bool) {
    reweigh_with(scored, wide, false);
}

/// [`reweigh`] for the wide reading of a page it found empty: furniture classes that
/// repeat over most of the page ([`repeated_furniture`]) are read as its structure.
pub(crate) fn reweigh_structural(scored: &mut Scored) {
    reweigh_with(scored, true, true);
}

fn reweigh_with(scored: &mut Scored, wide: bool, structural: bool) {
    let total_size = scored.size_prefix.last().copied().unwrap_or(0).max(1);
    let structure = if structural {
        repeated_furniture(scored, total_size)
    } else {
        Vec::new()
    };
    let furniture: Vec<Option<u32>> = scored
        .page
        .blocks
        .iter()
        .map(|block| {
            effective_furniture(scored, block.element, total_size, wide).filter(|furniture| {
                !structure.contains(&scored.page.elements[*furniture as usize].signature)
            })
        })
        .collect();
    let items = if wide {
        mark_items(scored)
    } else {
        vec![None; scored.page.blocks.len()]
    };
    for ((score, furniture), item) in scored.scores.iter_mut().zip(furniture).zip(items) {
        score.furniture = furniture;
        score.item = item;
    }
    weigh(scored, wide);
}

/// Sets every block's weight and the weight prefix sums.
fn weigh(scored: &mut Scored, wide: bool) {
    for (features, block) in scored.scores.iter_mut().zip(&scored.page.blocks) {
        features.weight = weight(features, block, wide);
    }
    sum_weights(scored);
}

/// Takes the weight off the blocks inside customer reviews (see
/// [`ClassHint::reviews`](crate::lexicon::ClassHint)), so that a product page's own
/// description, not the reviews below it, is chosen as its container.
pub(crate) fn mute_reviews(scored: &mut Scored) {
    for index in 0..scored.scores.len() {
        if scored.in_reviews(index) {
            scored.scores[index].weight = scored.scores[index].weight.min(0.0);
        }
    }
    sum_weights(scored);
}

/// Sets the weight prefix sums from the blocks' weights.
fn sum_weights(scored: &mut Scored) {
    let mut weight_prefix = Vec::with_capacity(scored.scores.len() + 1);
    weight_prefix.push(0.0f64);
    for score in &scored.scores {
        let last = weight_prefix.last().copied().unwrap_or(0.0);
        weight_prefix.push(last + f64::from(score.weight));
    }
    scored.weight_prefix = weight_prefix;
}

/// Fewest like siblings (same tag and class, each of a few blocks) that make a run of
/// items: a collection's product cards, a listing's entries. Tuned on the WCXB dev split
/// 2026-12-05.
const MIN_ITEMS: usize = 4;
/// Most blocks in one item: a name, a price, a rating, a few labels.
const MAX_ITEM_BLOCKS: usize = 12;
/// Fewest blocks in one item: a lone link is a menu entry, not an item.
const MIN_ITEM_BLOCKS: usize = 2;

/// For every block, the outermost item of a run of like siblings (see [`MIN_ITEMS`])
/// that holds it.
fn mark_items(scored: &Scored) -> Vec<Option<u32>> {
    let elements = &scored.page.elements;
    // A term or definition of a description list (a product's specifications) is an
    // item of one block.
    let sized = |element: &Element| {
        let fewest = if matches!(element.tag, Tag::Term | Tag::Definition) {
            1
        } else {
            MIN_ITEM_BLOCKS
        };
        (fewest..=MAX_ITEM_BLOCKS).contains(&element.blocks.len())
    };
    let mut runs: foldhash::HashMap<(u32, u64), usize> = foldhash::HashMap::default();
    for element in elements {
        if let Some(parent) = element.parent
            && sized(element)
        {
            *runs.entry((parent, element.signature)).or_default() += 1;
        }
    }
    let mut item_of: Vec<Option<u32>> = vec![None; elements.len()];
    for (index, element) in elements.iter().enumerate() {
        // Parents come before their children, so one pass settles every element.
        let Some(parent) = element.parent else {
            continue;
        };
        item_of[index] = item_of[parent as usize].or_else(|| {
            (sized(element)
                && runs
                    .get(&(parent, element.signature))
                    .is_some_and(|&n| n >= MIN_ITEMS))
            .then_some(index as u32)
        });
    }
    scored
        .page
        .blocks
        .iter()
        .map(|block| item_of[block.element as usize])
        .collect()
}

/// Whether the block's first link is an absolute address on none of `sites`, the
/// registrable parts ([`site_of`]) of the page's hosts (false when no site is known).
fn leaves_sites(block: &SegmentBlock, sites: &[String]) -> bool {
    if sites.is_empty() {
        return false;
    }
    let Some(href) = block.inlines.iter().find_map(|inline| match inline {
        Inline::Link { href, .. } => Some(href.as_str()),
        _ => None,
    }) else {
        return false;
    };
    let absolute = if href.starts_with("//") {
        url::Url::parse(&format!("https:{href}")).ok()
    } else {
        url::Url::parse(href).ok()
    };
    absolute
        .as_ref()
        .filter(|url| matches!(url.scheme(), "http" | "https"))
        .and_then(url::Url::host_str)
        .is_some_and(|host| {
            let host = site_of(host);
            sites.iter().all(|site| *site != host)
        })
}

/// The registrable part of a host, roughly: its last two labels, or three under a
/// two-letter country domain with a short second level (`bbc.co.uk`, `abc.net.au`).
fn site_of(host: &str) -> String {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    let labels: Vec<&str> = host.split('.').collect();
    let keep = match labels.as_slice() {
        [.., second, top] if top.len() == 2 && second.len() <= 3 && labels.len() >= 3 => 3,
        _ => 2,
    };
    labels[labels.len().saturating_sub(keep)..].join(".")
}

/// Whether the block's first inline with text is a link.
fn opens_with_link(block: &SegmentBlock) -> bool {
    block
        .inlines
        .iter()
        .find(|inline| !inline.text().trim().is_empty())
        .is_some_and(|inline| matches!(inline, Inline::Link { .. }))
}

/// Marks the blocks of teaser units: small elements (a few blocks, a few hundred
/// characters) that start with a title link and hold at most one prose block, such as
/// `<article><h3><a>Title</a></h3><time>…</time><p>Sapo.</p></article>`.
fn mark_teasers(scored: &Scored, scores: &mut [BlockFeatures]) {
    let mut title_prefix = Vec::with_capacity(scores.len() + 1);
    let mut outbound_prefix = Vec::with_capacity(scores.len() + 1);
    let mut prose_prefix = Vec::with_capacity(scores.len() + 1);
    title_prefix.push(0usize);
    outbound_prefix.push(0usize);
    prose_prefix.push(0usize);
    for score in scores.iter() {
        let titles = title_prefix.last().copied().unwrap_or(0);
        let outbound = outbound_prefix.last().copied().unwrap_or(0);
        let prose = prose_prefix.last().copied().unwrap_or(0);
        title_prefix.push(titles + usize::from(score.title_link && !score.outbound));
        outbound_prefix.push(outbound + usize::from(score.outbound));
        prose_prefix.push(
            prose
                + usize::from(
                    score.size >= MIN_TEASER_PROSE_CHARS && score.link_density < LINK_BLOCK_DENSITY,
                ),
        );
    }
    let elements = &scored.page.elements;
    for (index, block) in scored.page.blocks.iter().enumerate() {
        if scores[index].link_density >= LINK_BLOCK_DENSITY {
            continue;
        }
        // The largest element around the block that is still teaser-sized.
        let mut unit = None;
        let mut candidate = Some(block.element);
        while let Some(element_index) = candidate {
            let Some(element) = elements.get(element_index as usize) else {
                break;
            };
            let range = &element.blocks;
            if range.len() > MAX_TEASER_UNIT_BLOCKS
                || scored.size_sum(range) >= MAX_TEASER_UNIT_CHARS
            {
                break;
            }
            unit = Some(range.clone());
            candidate = element.parent;
        }
        let Some(unit) = unit else {
            continue;
        };
        let titles_before = title_prefix[index] - title_prefix[unit.start];
        // Under a title linking to another site, a full description is a listicle's
        // entry; a short or cut one is a teaser all the same (a blogroll of other
        // blogs' latest posts).
        let outbound_before = outbound_prefix[index] - outbound_prefix[unit.start];
        let score = &scores[index];
        let outbound_teaser =
            outbound_before > 0 && (score.ellipsis || score.size < MIN_OUTBOUND_ENTRY_CHARS);
        let prose_blocks = prose_prefix[unit.end] - prose_prefix[unit.start];
        scores[index].teaser = (titles_before > 0 || outbound_teaser) && prose_blocks <= 1;
    }
}

/// Fewest entries opening with a clock time, in one run of sibling items or paragraphs,
/// that make the run a schedule (see [`unmark_schedules`]). Three: an event page's
/// agenda (probe 2026-12-07) has five; a post's header holds one time.
const MIN_SCHEDULE_ENTRIES: usize = 3;

/// Entries of a schedule are its text, not date lines: a run of sibling list items or
/// paragraphs of which at least [`MIN_SCHEDULE_ENTRIES`] open with a clock time and go on
/// with words ("10:45 – Walk along the Walbrook", "12:00 – Break for tea") loses the
/// date-line mark on those entries.
fn unmark_schedules(scored: &Scored, scores: &mut [BlockFeatures]) {
    let blocks = &scored.page.blocks;
    let parent_of = |index: usize| {
        scored
            .page
            .elements
            .get(blocks[index].element as usize)
            .and_then(|element| element.parent)
    };
    let mut start = 0;
    while start < blocks.len() {
        let kind = &blocks[start].kind;
        let parent = parent_of(start);
        let mut end = start + 1;
        if matches!(kind, BlockKind::ListItem { .. } | BlockKind::Paragraph) {
            while end < blocks.len() && blocks[end].kind == *kind && parent_of(end) == parent {
                end += 1;
            }
        }
        let timed = (start..end)
            .filter(|&i| lexicon::is_timed_entry(&blocks[i].text))
            .count();
        if timed >= MIN_SCHEDULE_ENTRIES {
            // Every timed entry, and an entry of one word after its time ("00:00 Intro"
            // opening a podcast's chapters): each timed entry is a timed label too.
            for i in start..end {
                if lexicon::is_timed_label(&blocks[i].text) {
                    scores[i].dateline = false;
                }
            }
        }
        start = end;
    }
}

/// Most characters of a post's header (see [`mark_post_headers`])…
const MAX_POST_HEADER_CHARS: usize = 200;
/// …and most blocks…
const MAX_POST_HEADER_BLOCKS: usize = 6;
/// …and longest line in it beside the credit and the date (a place, a post count).
/// Set 2026-12-07 on a forum thread's reply headers (WCXB dev, Rick Steves' forum).
const MAX_POST_HEADER_LINE_CHARS: usize = 40;

/// Marks a post's header, cut out like a date line: the smallest element around a date
/// line that also holds a byline ("Posted by …", or a block under a furniture class such
/// as `byline`) and, beside them, only short unpunctuated lines (the poster's place,
/// their post count), within [`MAX_POST_HEADER_CHARS`].
fn mark_post_headers(scored: &Scored, scores: &mut [BlockFeatures]) {
    for index in 0..scores.len() {
        if !scores[index].dateline {
            continue;
        }
        let mut element = scored.page.blocks[index].element;
        while let Some(current) = scored.page.elements.get(element as usize) {
            let blocks = current.blocks.clone();
            if blocks.len() > MAX_POST_HEADER_BLOCKS
                || scored.size_sum(&blocks) > MAX_POST_HEADER_CHARS
            {
                break;
            }
            // The byline: a credit line, or a block a furniture class (`byline`) holds.
            let byline = |i: usize| scores[i].credit || scores[i].furniture.is_some();
            let header_line = |i: usize| {
                let score = &scores[i];
                byline(i)
                    || score.dateline
                    || (score.size <= MAX_POST_HEADER_LINE_CHARS
                        && !score.final_punctuation
                        && !matches!(scored.page.blocks[i].kind, BlockKind::Heading(_)))
            };
            if blocks.clone().any(byline) && blocks.clone().all(header_line) {
                for i in blocks {
                    scores[i].post_header = true;
                }
                break;
            }
            match current.parent {
                Some(parent) => element = parent,
                None => break,
            }
        }
    }
}

/// The features of one block that need no neighbours.
fn features(block: &SegmentBlock, size: usize) -> BlockFeatures {
    let link_density = if block.chars == 0 {
        0.0
    } else {
        block.link_chars as f32 / block.chars as f32
    };
    let short = block.chars <= MAX_PREFIX_TEST_CHARS;
    // Only short blocks take the prefix tests (promo lines a little longer), and never
    // code: a Python session's `>>>` prompt is no "» Read more" arrow.
    let start = (block.chars <= MAX_PROMO_TEST_CHARS && block.kind != BlockKind::Preformatted)
        .then(|| lexicon::BlockStart::of(&block.text));
    let start = start.as_ref();
    let final_punctuation = ends_sentence(&block.text);
    let plain_chars = block.chars.saturating_sub(block.link_chars);
    let opens_with_link = opens_with_link(block);
    let labels_only =
        !block.text.contains(PROSE_PUNCTUATION) && !in_unpunctuated_script(&block.text);
    let timestamp =
        block.chars <= lexicon::DATE_LINE_MAX_CHARS_STAMP && lexicon::is_timestamp(&block.text);
    let dateline = block.dateline
        || (block.cells.is_empty()
            && (timestamp
                || (block.chars <= lexicon::DATE_LINE_MAX_CHARS_TEXT
                    && ((!ends_sentence(&block.text)
                        && (lexicon::has_date_or_time(&block.text)
                            || lexicon::has_relative_time(&block.text)))
                        || lexicon::has_date_and_time(&block.text)))));
    BlockFeatures {
        size,
        link_density,
        final_punctuation,
        linked_sentence: final_punctuation
            && plain_chars >= MIN_SENTENCE_PLAIN_CHARS
            && link_density < MAX_SENTENCE_LINK_DENSITY,
        labels_only,
        ellipsis: ends_with_ellipsis(&block.text),
        opens_with_link,
        linked_entry: matches!(block.kind, BlockKind::ListItem { .. })
            && link_density >= LINK_BLOCK_DENSITY
            && size >= MIN_LINKED_ENTRY_CHARS
            && opens_with_link,
        cruft_heading: lexicon::is_cruft_heading_or_line(&block.text),
        dateline,
        disclosure: block.chars <= lexicon::MAX_DISCLOSURE_CHARS
            && lexicon::is_disclosure(&block.text),
        // Machine tokens hold no sentence punctuation: only such blocks are read.
        garbled: block.kind != BlockKind::Preformatted
            && ((labels_only && is_garbled(&block.text)) || is_media_address(&block.text)),
        cruft_prefix: start.is_some_and(|start| {
            start.has_promo_prefix()
                || short
                    && start.has_cruft_prefix()
                    && (link_density > 0.0
                        || !ends_sentence(&block.text)
                        || block.chars <= MAX_CRUFT_PREFIX_SENTENCE_CHARS)
        }),
        // A poster's card ("Joined: …", "Posts: …") credits who wrote a post.
        credit: (block.chars <= MAX_CREDIT_CHARS
            && start.is_some_and(lexicon::BlockStart::has_credit_prefix))
            || (block.chars <= lexicon::MAX_PROFILE_CARD_CHARS
                && lexicon::is_profile_card(&block.text)),
        title_link: (link_density >= MIN_TITLE_LINK_DENSITY
            || (matches!(block.kind, BlockKind::Heading(_))
                && link_density >= MIN_HEADING_TITLE_LINK_DENSITY))
            && block.chars >= MIN_TEASER_TITLE_CHARS
            && block.links <= MAX_TITLE_LINK_LINKS
            && !(matches!(block.kind, BlockKind::Heading(_)) && is_numbered_item(&block.text))
            // A post's date alone linking to it ("07/03/24 03:30 PM", a live blog's
            // "7m ago 13.41 GMT") is its permalink, not a teaser's title ("Opening Bell
            // 3.20.19" is one).
            && !timestamp
            && !(block.chars <= lexicon::DATE_LINE_MAX_CHARS_STAMP
                && (lexicon::has_relative_time(&block.text)
                    || lexicon::has_glued_relative_time(&block.text))),
        ..BlockFeatures::default()
    }
}

/// A furniture class repeated on at least this many elements…
const MIN_STRUCTURAL_FURNITURE_ELEMENTS: usize = 3;
/// …that together hold at least this share of the page's characters is the page's own
/// structure in the wide reading, not furniture: arXiv's listing puts each entry's title,
/// authors and subjects in a `div.meta`. Tuned on the WCXB dev split 2026-12-06.
const MIN_STRUCTURAL_FURNITURE_SHARE: f32 = 0.5;

/// The signatures (tag and class) of furniture-classed elements that repeat, hold most of
/// the page ([`MIN_STRUCTURAL_FURNITURE_SHARE`]) and hold mostly text outside links.
fn repeated_furniture(scored: &Scored, total_size: usize) -> Vec<u64> {
    let mut groups: foldhash::HashMap<u64, (usize, usize, usize)> = Default::default();
    for (index, element) in scored.page.elements.iter().enumerate() {
        // Outermost of its signature only, so nested repeats are not counted twice.
        let own = element.furniture == Some(index as u32);
        let nested = element
            .parent
            .and_then(|parent| scored.page.elements.get(parent as usize))
            .and_then(|parent| parent.furniture)
            .and_then(|outer| scored.page.elements.get(outer as usize))
            .is_some_and(|outer| outer.signature == element.signature);
        // An overlay (a consent centre's panels) is never the page's structure.
        if own && !nested && !element.hint.overlay && !element.blocks.is_empty() {
            let group = groups.entry(element.signature).or_default();
            group.0 += 1;
            group.1 += scored.size_sum(&element.blocks);
            group.2 += scored.plain_sum(&element.blocks);
        }
    }
    // Menus repeat too: the structure's text is mostly outside links.
    groups
        .into_iter()
        .filter(|(_, (count, size, plain))| {
            *count >= MIN_STRUCTURAL_FURNITURE_ELEMENTS
                && *size as f32 >= MIN_STRUCTURAL_FURNITURE_SHARE * total_size as f32
                && *plain * 2 >= *size
        })
        .map(|(signature, _)| signature)
        .collect()
}

/// The innermost furniture element above `element`, skipping page-wide wrappers and
/// wrappers that are mostly one content element (Blogger's `widget Blog` around the post).
///
/// In the wide reading, comment and reply boxes are content: a forum thread is its
/// replies.
fn effective_furniture(
    scored: &Scored,
    element: u32,
    total_size: usize,
    wide: bool,
) -> Option<u32> {
    let elements = &scored.page.elements;
    let here = elements.get(element as usize)?;
    let content = here.content.and_then(|c| elements.get(c as usize));
    let mut candidate = here.furniture;
    while let Some(index) = candidate {
        let furniture = elements.get(index as usize)?;
        let furniture_size = scored.size_sum(&furniture.blocks);
        let share = furniture_size as f32 / total_size as f32;
        // Any content element between the block and the furniture may be the story the
        // furniture wraps (`<article>` around `div.content`).
        let mut wraps_content = false;
        let mut inner = content;
        while let Some(c) = inner
            && c.depth > furniture.depth
        {
            wraps_content = (c.hint.strong_content || c.article_body || c.tag == Tag::Article)
                && scored.plain_sum(&c.blocks) >= MIN_WRAPPED_CONTENT_CHARS
                && scored.plain_sum(&c.blocks) as f32
                    >= MIN_CONTENT_SHARE_OF_WRAPPER
                        * (scored.plain_sum(&furniture.blocks)
                            - scored.teaser_plain_sum(&furniture.blocks))
                            as f32;
            if wraps_content {
                break;
            }
            inner = c
                .parent
                .and_then(|p| elements.get(p as usize))
                .and_then(|p| p.content)
                .and_then(|c| elements.get(c as usize));
        }
        // Comments and related boxes are furniture; a wrapper around most of the page, or
        // around the article-body marker, is not.
        let mixed_wrapper = (furniture.hint.strong_content || furniture.tag == Tag::Article)
            && furniture_size >= MAX_MIXED_FURNITURE_CHARS;
        let reply_box = wide && furniture.hint.comments && furniture.tag != Tag::Furniture;
        // In the wide reading no class hint outweighs plentiful prose (a shop's
        // `main__banner` holding the collection's introduction).
        let prose_box = wide
            && furniture.tag != Tag::Furniture
            && !furniture.hint.overlay
            && scored.plain_sum(&furniture.blocks) >= MIN_WIDE_PROSE_BOX_CHARS
            && scored.plain_sum(&furniture.blocks) * 2 >= scored.size_sum(&furniture.blocks);
        // An overlay is furniture whatever its size (a consent centre's vendor lists);
        // `<body class="cookie-bar">` names a state of the page, not a box.
        if furniture.hint.overlay
            && furniture.depth > BODY_DEPTH
            && !furniture.article_body
            && !wraps_content
        {
            return Some(index);
        }
        if share <= MAX_FURNITURE_SHARE
            && !reply_box
            && !prose_box
            && !furniture.article_body
            && !wraps_content
            && !mixed_wrapper
        {
            return Some(index);
        }
        candidate = furniture
            .parent
            .and_then(|parent| elements.get(parent as usize))
            .and_then(|parent| parent.furniture);
    }
    None
}

/// Whether a heading is really a lead paragraph set in `<h2>` (cafef's `h2.sapo`,
/// Medium's subtitle): too long for a heading.
pub(crate) fn is_sapo_heading(features: &BlockFeatures, block: &SegmentBlock) -> bool {
    matches!(block.kind, BlockKind::Heading(_)) && features.size >= MIN_SAPO_HEADING_CHARS
}

/// Weight, per weighted character, of a block in an item of the wide reading whatever
/// its length or links: a product's name and price are the collection's content, also
/// when a caption class holds them (Bootstrap's `.thumbnail .caption` card body; on the
/// WCXB dev split 2026-12-06 reading those took collections 0.686 -> 0.693).
/// Tuned on the WCXB dev split 2026-12-05.
const WIDE_ITEM_WEIGHT_PER_CHAR: f32 = 0.5;

/// The net article-likeness of a block.
fn weight(features: &BlockFeatures, block: &SegmentBlock, wide: bool) -> f32 {
    let weight = base_weight(features, block, wide);
    let item = wide
        && features.item.is_some()
        && features.furniture.is_none()
        && !matches!(block.kind, BlockKind::Image { .. })
        && !(features.cruft_heading
            || features.cruft_prefix
            || features.credit
            || features.disclosure
            || features.garbled);
    if item {
        weight.max(WIDE_ITEM_WEIGHT_PER_CHAR * features.size as f32)
    } else {
        weight
    }
}

/// The net article-likeness of a block, items aside.
fn base_weight(features: &BlockFeatures, block: &SegmentBlock, wide: bool) -> f32 {
    let size = features.size as f32;
    let sapo_heading = is_sapo_heading(features, block);
    if block.caption
        || features.garbled
        || (matches!(block.kind, BlockKind::Heading(_))
            && !sapo_heading
            && !(wide && features.title_link && features.furniture.is_none()))
        || matches!(block.kind, BlockKind::Image { .. })
    {
        return 0.0;
    }
    if features.cruft_heading
        || features.cruft_prefix
        || features.credit
        || features.dateline
        || features.post_header
        || features.disclosure
    {
        return -size;
    }
    // A linked sentence weighs its plain text; elsewhere each link character costs.
    let mut weight = if features.linked_sentence {
        size * (1.0 - features.link_density)
    } else {
        size * (1.0 - LINK_CHAR_COST * features.link_density)
    };
    weight = weight.max(-size);
    if is_linked_data_row(block, features) {
        // A data table's row of linked names (a list page's table of laureates, a
        // league's results) is the table's data: its links cost nothing.
        weight = weight.max(size * (1.0 - features.link_density));
    }
    if wide
        && (features.title_link
            || features.linked_entry
            || (features.content && features.link_density >= LINK_BLOCK_DENSITY)
            || block.cells.len() >= MIN_WIDE_DATA_ROW_CELLS)
    {
        // A listing's items, the link lists of a content area (an index, a table of
        // contents) and the rows of a data table are its content.
        weight = WIDE_TITLE_LINK_FACTOR * size;
    }
    if weight > 0.0 {
        if features.size < MIN_POSITIVE_BLOCK_CHARS {
            weight = 0.0;
        } else if !features.final_punctuation
            && (features.size < LONG_BLOCK_CHARS || features.labels_only)
        {
            weight *= UNPUNCTUATED_FACTOR;
        }
        // An ellipsis cuts teasers; inside a content container it ends an enumeration,
        // unless a linked title opens the block.
        let cut_teaser = features.ellipsis && (!features.content || features.opens_with_link);
        if !wide && (cut_teaser || features.teaser) {
            weight = TEASER_WEIGHT_PER_CHAR * size;
        }
    }
    if features.furniture.is_some() {
        weight = -weight.abs().max(MIN_FURNITURE_PENALTY_PER_CHAR * size);
    } else if features.content && weight > 0.0 {
        weight *= CONTENT_BONUS;
    }
    if matches!(block.kind, BlockKind::ListItem { .. }) && weight > 0.0 {
        weight *= LIST_ITEM_FACTOR;
    }
    weight
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_of_other_scripts_is_punctuated_prose() {
        // Burmese ends sentences with "။"; Thai has no sentence punctuation at all.
        let burmese = "တရားစွဲ အဖမ်းခံထားရတဲ့ သတင်းသမား သုံးဦး အာမခံရ။";
        assert!(ends_sentence(burmese));
        assert!(burmese.contains(PROSE_PUNCTUATION));
        assert!(in_unpunctuated_script("รัฐบาลประกาศมาตรการใหม่ในวันนี้"));
        assert!(!in_unpunctuated_script("Home News Sport Weather"));
    }

    #[test]
    fn note_references_after_the_last_sentence_still_end_it() {
        assert!(ends_sentence(
            "It was the first light to use a rotating lens.[1]"
        ));
        assert!(ends_sentence("It was automated in 1988.[2][3]"));
        assert!(ends_sentence("It was automated in 1988.[note 3]"));
        assert!(ends_sentence("every cosine has to be done with integers.1"));
        assert!(ends_sentence("every cosine has to be done with integers.¹"));
        assert!(ends_sentence(
            "An ATtiny84, with no hardware multiply either. ↩\u{FE0E}"
        ));
        // A version number is no note reference; a long bracket is no note.
        assert!(!ends_sentence("Upgrade to version 2.1"));
        assert!(!ends_sentence("Home [see the full list of stations]"));
        assert!(!ends_sentence("Chapter 11"));
    }

    #[test]
    fn a_credit_in_parentheses_after_the_last_sentence_still_ends_it() {
        assert!(ends_sentence(
            "DeepMind已将其研究结果发表在《自然》上。（编译/林靖东）"
        ));
        assert!(ends_sentence("It needs OS X 10.10 or later. (bsc)"));
        assert!(!ends_sentence("Home (current)"));
        // A photo credit closes a caption, not a paragraph.
        assert!(!ends_sentence(
            "La mujer quiso impedir la detención. (Foto: Archivo/Soy502)"
        ));
    }

    #[test]
    fn machine_tokens_are_no_language() {
        // eBay's scrambled "Sponsored": letters between the UUIDs of hidden spans.
        assert!(is_garbled(
            "A6b4f817e-1bc7-4f5f-a4f7-68184bc11dc0S42bf1e13-8a44-4c69-bf2b-71f76bb4cce8 \
             1bc538bd-aafd-465e-9c6d-c46f01457c76p"
        ));
        // Words, product codes and a long word are language.
        assert!(!is_garbled(
            "Order the SM7dB microphone, part SM7DB-XLR-2024."
        ));
        assert!(!is_garbled("Donaudampfschifffahrtsgesellschaftskapitän"));
        assert!(!is_garbled(
            "Commit 4d99c839b6032808c153df1aed752d1a470cb190 fixed the parser in three places \
             and the tests now pass on every platform we support."
        ));
        assert!(!is_garbled(""));
    }

    #[test]
    fn a_media_files_address_is_no_text() {
        assert!(is_media_address(
            " https://cdn.example.com/images/160x160/5001_TEE_BONE_THUMB_1.JPG "
        ));
        assert!(is_media_address("//cdn.example.net/clips/intro.mp4?v=3"));
        assert!(!is_media_address("https://example.com/guide/photos.html"));
        assert!(!is_media_address(
            "See https://example.com/a.png for the chart"
        ));
        assert!(!is_media_address("photo.jpg"));
    }

    #[test]
    fn sites_compare_by_registrable_part() {
        assert_eq!(site_of("www.example.com"), "example.com");
        assert_eq!(site_of("news.example.com"), site_of("EXAMPLE.com."));
        assert_eq!(site_of("www.bbc.co.uk"), "bbc.co.uk");
        assert_ne!(site_of("www.bbc.co.uk"), site_of("www.itv.co.uk"));
        assert_eq!(site_of("localhost"), "localhost");
    }

    #[test]
    fn ideographs_kana_and_hangul_weigh_three() {
        assert_eq!(weighted_size("Tin mới nhất"), 12);
        assert_eq!(weighted_size("東京で"), 9);
        assert_eq!(weighted_size("한국 news"), 3 + 3 + 1 + 4);
        // Three-byte characters outside the ranges weigh one ("€", "“").
        assert_eq!(weighted_size("€5 “x”"), 6);
        assert_eq!(weighted_size(""), 0);
    }
}

//! Takes the chosen container and its scored blocks; returns the owned article [`Body`].
//!
//! Picking the container is not enough: most portals nest related boxes, captions,
//! credits and share prompts inside the body. Each block is classed good, bad or short;
//! short blocks then follow their neighbours (a subheading before a paragraph stays, a
//! date line before the lead goes), in the manner of jusText's context pass.

use crate::body::{Block, BlockKind, Body, Inline};
use crate::lexicon;
use crate::metadata::Metadata;
use crate::options::{Policy, Settings};
use crate::score::{
    LINK_BLOCK_DENSITY, MIN_OUTBOUND_ENTRY_CHARS, MIN_WIDE_DATA_ROW_CELLS, Scored,
    is_numbered_item, is_sapo_heading,
};
use crate::segment::Tag;
use crate::select::Selection;
use foldhash::HashMap;

/// Shortest block, in weighted characters, that is body text on its own. Start: jusText
/// LENGTH_LOW (70). Tuned on fixtures/ 2026-11-23.
const MIN_GOOD_BLOCK_CHARS: usize = 70;
/// A block this long is body text even without final punctuation.
const LONG_GOOD_BLOCK_CHARS: usize = 150;
/// A block ending in an ellipsis shorter than this is a cut teaser.
const MAX_ELLIPSIS_TEASER_CHARS: usize = 250;

/// A short block that ends a sentence and is at least this long stays next to one good
/// block (Balanced policy). Tuned on fixtures/ 2026-11-23.
const MIN_SHORT_SENTENCE_CHARS: usize = 20;
/// Link density above which a block is cut under [`Policy::Precision`].
const PRECISION_LINK_DENSITY: f32 = 0.35;
/// Link density above which a block is cut under [`Policy::Recall`].
const RECALL_LINK_DENSITY: f32 = 0.65;

/// A cruft heading's wrapper holding less than this share of the body's weight is the
/// whole box (comments under "Responses"); a larger one is the body itself, where the
/// box ends when prose resumes. Tuned on fixtures/ and corpus/vietnamese-portals.
const MAX_CLOSED_BOX_SHARE: f64 = 0.25;

/// In a cruft box that closes where prose resumes, the prose that ends it is a good block
/// at least this long, in weighted characters. Set in "Pipeline v1" (ae077ea, 2026-11-23);
/// what it was tuned on was not recorded.
const MIN_PROSE_ENDING_CRUFT_BOX_CHARS: usize = 2 * MIN_GOOD_BLOCK_CHARS;

/// A block repeating the one before is cut (a title printed twice, as link and as alt)
/// only when shorter than this; long repeated paragraphs are the author's.
const MAX_DUPLICATE_CHARS: usize = 150;

/// How a block is judged before its neighbours are looked at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Good,
    Bad,
    Short,
    /// Cut out for what holds it (a box, a caption, the title), not for its text: its
    /// neighbours read across it.
    Excised,
}

/// Normalises text for equality tests: lower case, alphanumerics only.
pub(crate) fn comparable(text: &str) -> String {
    comparable_chars(text).collect()
}

/// The characters of [`comparable`], lazily: equality tests stop at the first difference
/// instead of normalising every block of the selection.
pub(crate) fn comparable_chars(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
}

/// Classes every block of the selection on its own.
fn classify(
    scored: &Scored,
    selection: &Selection,
    metadata: &Metadata,
    settings: &Settings,
    feature_list: &[bool],
) -> Vec<Class> {
    let container_depth = scored.page.elements[selection.container as usize].depth;
    let link_limit = match settings.policy {
        Policy::Precision => PRECISION_LINK_DENSITY,
        Policy::Recall => RECALL_LINK_DENSITY,
        _ => LINK_BLOCK_DENSITY,
    };
    let title = metadata
        .title
        .as_deref()
        .map(comparable)
        .filter(|t| !t.is_empty());
    let listicle = is_listicle(scored, selection, metadata);
    let defined = definition_runs(scored, selection);
    let mut classes = Vec::with_capacity(selection.blocks.len());
    // End (exclusive block index) of the cruft box opened by the last cruft heading.
    let mut cruft_box_end: Option<usize> = None;
    let mut closed_cruft_box = false;
    let mut previous_text: &str = "";
    // Whether the blocks since the last one that is not link-dense follow a sentence
    // ending in a colon.
    let mut announced = false;
    // Whether that sentence is long enough for its list to stand on its own (kept though
    // no prose follows it).
    let mut announced_by_sentence = false;
    for (position, index) in selection.blocks.clone().enumerate() {
        let block = &scored.page.blocks[index];
        let score = &scored.scores[index];
        let element = &scored.page.elements[block.element as usize];
        // A term or definition of a reference list ("WebSocket.url" / "The absolute URL
        // of the WebSocket."): linked terms and terse definitions are the text.
        let definition = defined[position];
        let furniture_inside = score
            .furniture
            .is_some_and(|f| scored.page.elements[f as usize].depth > container_depth);
        let is_title = title
            .as_deref()
            .is_some_and(|t| t.chars().eq(comparable_chars(&block.text)));
        let heading = matches!(block.kind, BlockKind::Heading(_));
        // A listicle's item heading stays even when it links to the item.
        let numbered_heading = heading && is_numbered_item(&block.text);
        // So does a linked item heading in a listicle, and its summary.
        let listicle_item = listicle && (score.teaser || (heading && score.title_link));
        // And a heading linking to another site over a full description (a place's or
        // a product's own site, in a "best of" list whose title counts nothing).
        let entry_heading = heading
            && score.outbound
            && selection.blocks.contains(&(index + 1))
            && scored.scores[index + 1].size >= MIN_OUTBOUND_ENTRY_CHARS
            && !scored.scores[index + 1].teaser;
        let excised = furniture_inside
            || score.dateline
            || score.post_header
            || score.disclosure
            || score.garbled
            || (block.caption
                && !settings.keep_captions
                && !(settings.wide && score.item.is_some()))
            || (matches!(block.kind, BlockKind::TableRow { .. }) && !settings.keep_tables)
            || matches!(block.kind, BlockKind::Caption) && !settings.keep_captions
            || (is_title && !settings.wide)
            || (element.tag == Tag::H1 && !settings.wide)
            || (score.size < MAX_DUPLICATE_CHARS
                && comparable_chars(&block.text).next().is_some()
                && comparable_chars(&block.text).eq(comparable_chars(previous_text)));
        // In the wide reading a listing's item titles and summaries are content.
        let listed = settings.wide
            && (score.title_link
                || score.linked_entry
                || score.teaser
                || (score.item.is_some() && score.furniture.is_none())
                || (score.content && score.link_density >= LINK_BLOCK_DENSITY)
                || (block.cells.len() >= MIN_WIDE_DATA_ROW_CELLS && score.furniture.is_none()));
        // A data table's row of linked names is the table's data.
        let data_row = crate::score::is_linked_data_row(block, score);
        // A sentence whose links are its words is prose, unless every doubt drops.
        let linked_sentence = score.linked_sentence && settings.policy != Policy::Precision;
        // Links listed right after a sentence announcing them ("Many patches were sent
        // for review:") are the list it announced.
        let link_dense = score.link_density > link_limit;
        // An entry of the list that is partly links ("Regenerate intrinsics (thanks to
        // …!)") does not end it.
        let continues_list = link_dense
            || (announced && score.link_density >= MIN_ANNOUNCED_ENTRY_LINK_SHARE && !heading);
        announced &= continues_list;
        let announced_link = announced && settings.policy != Policy::Precision;
        let bad = score.cruft_heading
            || score.cruft_prefix
            || score.credit
            || (link_dense
                && !linked_sentence
                && !announced_link
                && !definition
                && !listed
                && !data_row
                && !numbered_heading
                && !listicle_item
                && !entry_heading)
            || (score.teaser && !settings.wide && !listicle_item)
            || (score.ellipsis
                && (!score.content || score.opens_with_link)
                && !settings.wide
                && score.size < MAX_ELLIPSIS_TEASER_CHARS);
        if cruft_box_end.is_some_and(|end| index >= end) {
            cruft_box_end = None;
        }
        // A cruft line inside an open cruft box ("Sponsored" on a card of a "Similar
        // items" carousel) leaves the box as it is.
        let in_open_box = cruft_box_end.is_some_and(|end| index < end);
        if score.cruft_heading
            && !in_open_box
            && (!excised || (furniture_inside && heading))
            && lexicon::is_cruft_heading(&block.text)
        {
            // The box is the smallest element around the heading that holds more than
            // the heading itself.
            let mut wrapper = &scored.page.elements[block.element as usize];
            let mut climbs = 0;
            while wrapper.blocks.len() <= 1
                && let Some(parent) = wrapper.parent
            {
                wrapper = &scored.page.elements[parent as usize];
                climbs += 1;
            }
            // A header bar (the heading and a "View all" link) is not the box: the box is
            // the element that also holds what the bar heads.
            let mut bar_climbs = 0;
            while bar_climbs < MAX_HEADER_BAR_CLIMBS
                && is_header_bar(scored, &wrapper.blocks, index)
                && let Some(parent) = wrapper.parent
            {
                wrapper = &scored.page.elements[parent as usize];
                bar_climbs += 1;
            }
            cruft_box_end = Some(wrapper.blocks.end);
            // A wrapper inside the body is the whole box; a heading straight in the
            // body's container opens a box that ends where prose resumes.
            // So is the parent a plain heading opens, inside the container ("Você pode
            // gostar…" over whole related posts), however much it holds; a linked "Read
            // more" opens the rest of the story, and a heading alone in its box (an empty
            // "TIN MỚI" list) says nothing of what follows the box.
            let opens_wrapper = heading
                && score.link_density < LINK_BLOCK_DENSITY
                && climbs <= 1
                && wrapper.blocks.start == index
                && wrapper.depth > container_depth;
            closed_cruft_box = opens_wrapper
                || scored.weight_sum(&wrapper.blocks)
                    < MAX_CLOSED_BOX_SHARE * scored.weight_sum(&selection.blocks);
        }
        let in_cruft_box = cruft_box_end.is_some();
        let good_prose = score.size >= MIN_GOOD_BLOCK_CHARS
            && (score.final_punctuation
                || (score.size >= LONG_GOOD_BLOCK_CHARS && !score.labels_only));
        let class = if excised {
            Class::Excised
        } else if bad {
            Class::Bad
        } else if in_cruft_box
            && (closed_cruft_box
                || !((good_prose && score.size >= MIN_PROSE_ENDING_CRUFT_BOX_CHARS)
                    || feature_list[position]))
        {
            // Blocks after a cruft heading belong to its box until real prose resumes, or
            // a list of the body's own stands (a box its wrapper closes holds even that).
            Class::Bad
        } else if (good_prose && !heading)
            || is_sapo_heading(score, block)
            || listed
            || definition
            || data_row
            || (announced_link && announced_by_sentence && link_dense && !heading)
        {
            Class::Good
        } else {
            Class::Short
        };
        if class == Class::Good && !closed_cruft_box {
            cruft_box_end = None;
        }
        previous_text = &block.text;
        if !continues_list {
            announced = !bad
                && !excised
                && !heading
                && score.size >= MIN_ANNOUNCING_CHARS
                && block.text.trim_end().ends_with(':');
            announced_by_sentence = announced && score.size >= MIN_LIST_ANNOUNCING_CHARS;
        }
        classes.push(class);
    }
    classes
}

/// Most levels climbed from a cruft heading's header bar to the box it heads.
const MAX_HEADER_BAR_CLIMBS: usize = 4;
/// Most links a header bar holds beside its heading: more are the box's own list
/// ("Related searches" over seven links).
const MAX_HEADER_BAR_LINKS: usize = 2;
/// Longest link, in weighted characters, that a header bar holds beside its heading
/// ("View all", "Shop all", "See more").
const MAX_HEADER_BAR_LINK_CHARS: usize = 30;

/// Whether `blocks` are a box's header bar: the heading at `heading` and, beside it, one
/// or two short links.
fn is_header_bar(scored: &Scored, blocks: &std::ops::Range<usize>, heading: usize) -> bool {
    blocks.len() <= 1 + MAX_HEADER_BAR_LINKS
        && blocks.clone().all(|index| {
            let score = &scored.scores[index];
            index == heading
                || (score.link_density >= LINK_BLOCK_DENSITY
                    && score.size <= MAX_HEADER_BAR_LINK_CHARS)
        })
}

/// Shortest announcing sentence, in weighted characters, whose link list is body text on
/// its own, kept though no prose follows it ("Also, a few patches were merged upstream:");
/// shorter ones are a widget's label ("Summarize this article with:", "This might be
/// interesting to you:"). Set 2026-12-07 on the WCXB dev split.
const MIN_LIST_ANNOUNCING_CHARS: usize = 40;

/// Link share of a block that continues an announced link list without being link-dense
/// itself: an entry with a credit after its link. Set 2026-12-07 on the WCXB dev split
/// (a compiler's progress report).
const MIN_ANNOUNCED_ENTRY_LINK_SHARE: f32 = 0.3;

/// Shortest block, in weighted characters, whose closing colon announces the link list
/// after it: a sentence, not a "Related:" label.
const MIN_ANNOUNCING_CHARS: usize = 20;

/// Fewest definitions (`<dd>`), most of them sentences, in a run of terms and definitions
/// that makes it a reference list (a documentation page's properties and methods).
/// Tuned on the WCXB dev split 2026-12-06.
const MIN_DEFINITIONS: usize = 3;

/// Which blocks of the selection belong to a reference list: an unbroken run of `<dt>`
/// and `<dd>` blocks holding at least [`MIN_DEFINITIONS`] definitions, most of which end
/// a sentence (a glossary or an API's members, not a key-value panel of a product).
fn definition_runs(scored: &Scored, selection: &Selection) -> Vec<bool> {
    let elements = &scored.page.elements;
    // The `<dt>` or `<dd>` holding a block, the block's own element or its parent.
    let part = |index: usize| {
        let element = &elements[scored.page.blocks[index].element as usize];
        let parent = element.parent.map(|p| &elements[p as usize]);
        [Some(element), parent]
            .into_iter()
            .flatten()
            .map(|e| e.tag)
            .find(|tag| matches!(tag, Tag::Term | Tag::Definition))
    };
    let parts: Vec<Option<Tag>> = selection.blocks.clone().map(part).collect();
    let mut defined = vec![false; parts.len()];
    let mut start = 0;
    while start < parts.len() {
        if parts[start].is_none() {
            start += 1;
            continue;
        }
        let end = (start..parts.len())
            .find(|&i| parts[i].is_none())
            .unwrap_or(parts.len());
        let (mut definitions, mut sentences) = (0, 0);
        for (offset, part) in parts[start..end].iter().enumerate() {
            if *part == Some(Tag::Definition) {
                definitions += 1;
                sentences += usize::from(
                    scored.scores[selection.blocks.start + start + offset].final_punctuation,
                );
            }
        }
        if definitions >= MIN_DEFINITIONS && 2 * sentences > definitions {
            defined[start..end].fill(true);
        }
        start = end;
    }
    defined
}

/// Fewest linked item headings (`<h2><a>Item</a></h2>` followed by its summary) that make
/// the selection a listicle… Tuned on the WCXB dev split 2026-12-05.
const MIN_LISTICLE_ITEMS: usize = 3;
/// …when the title's count is at most this many times the number of such headings (a
/// listicle may render a few of its items without links).
const MAX_LISTICLE_COUNT_PER_ITEM: usize = 2;
/// …when the selection also holds this much prose outside them, in weighted characters:
/// the article's own introduction. A listing has none.
const MIN_LISTICLE_PROSE_CHARS: usize = 400;

/// Whether the selection is a listicle: an article whose title counts its items, and
/// whose items are headed by links to what they describe, each with a short summary
/// that reads like a teaser.
fn is_listicle(scored: &Scored, selection: &Selection, metadata: &Metadata) -> bool {
    // A listicle's title counts its items ("10 DIY projects", "Top 7 benefits").
    let counts = metadata
        .title
        .as_deref()
        .map(title_counts)
        .unwrap_or_default();
    if counts.is_empty() {
        return false;
    }
    let mut items = 0;
    let mut prose = 0;
    for index in selection.blocks.clone() {
        let block = &scored.page.blocks[index];
        let score = &scored.scores[index];
        if matches!(block.kind, BlockKind::Heading(2..=4)) && score.title_link {
            // An item heading heads more than the next linked heading: one of a related
            // box's run of linked headings does not.
            let describes = selection.blocks.contains(&(index + 1))
                && !(matches!(scored.page.blocks[index + 1].kind, BlockKind::Heading(_))
                    && scored.scores[index + 1].title_link);
            items += usize::from(describes && score.furniture.is_none());
        } else if !score.teaser
            && score.furniture.is_none()
            && score.link_density < LINK_BLOCK_DENSITY
            && score.size >= MIN_GOOD_BLOCK_CHARS
            && score.final_punctuation
        {
            prose += score.size;
        }
    }
    // The linked headings are the counted items when they are at least a share of the
    // count: "lớp 10" counts no three teasers in a news story.
    let counts_items = counts
        .iter()
        .any(|&count| items * MAX_LISTICLE_COUNT_PER_ITEM >= count);
    items >= MIN_LISTICLE_ITEMS && prose >= MIN_LISTICLE_PROSE_CHARS && counts_items
}

/// The counts a title may announce: its numbers of one to three digits that are no
/// price, share or part of a longer number ("79.000", "$500", "20%", "2026" are none).
fn title_counts(title: &str) -> Vec<usize> {
    let mut counts = Vec::new();
    let mut rest = title;
    while let Some(start) = rest.find(|c: char| c.is_ascii_digit()) {
        let before = rest[..start].chars().next_back();
        let number_len = rest[start..]
            .find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | ',')))
            .unwrap_or(rest.len() - start);
        // A trailing full stop or comma ends the sentence, not the number.
        let number = rest[start..start + number_len].trim_end_matches(['.', ',']);
        let after = rest[start + number.len()..].chars().next();
        let priced = before.is_some_and(|c| matches!(c, '$' | '€' | '£' | '¥' | '₫'))
            || after.is_some_and(|c| matches!(c, '%' | '$' | '€' | '₫'));
        if !priced
            && number.len() <= 3
            && number.bytes().all(|b| b.is_ascii_digit())
            && let Ok(count) = number.parse()
        {
            counts.push(count);
        }
        rest = &rest[start + number_len..];
    }
    counts
}

/// Keeps or drops short blocks by their neighbours: kept between good blocks, kept as a
/// heading or list item next to good text, dropped otherwise.
fn keep_by_neighbours(
    scored: &Scored,
    selection: &Selection,
    classes: &[Class],
    settings: &Settings,
    feature_list: &[bool],
) -> Vec<bool> {
    let policy = settings.policy;
    let count = classes.len();
    let is_item = |i: usize| {
        matches!(
            scored.page.blocks[selection.blocks.start + i].kind,
            BlockKind::ListItem { .. }
        )
    };
    // The classes of the nearest blocks before and after each block that are neither short
    // nor excised; for a list item, the link items of its list are read across too (a
    // checklist's "Book photographer" entries do not cut it off from its text).
    let neighbours = |across_link_items: bool| {
        let transparent = |i: usize| {
            matches!(classes[i], Class::Short | Class::Excised)
                || (across_link_items && classes[i] == Class::Bad && is_item(i))
        };
        let mut previous = vec![None; count];
        let mut last = None;
        for (i, class) in classes.iter().enumerate() {
            previous[i] = last;
            if !transparent(i) {
                last = Some(*class);
            }
        }
        let mut next = vec![None; count];
        let mut last = None;
        for i in (0..count).rev() {
            next[i] = last;
            if !transparent(i) {
                last = Some(classes[i]);
            }
        }
        (previous, next)
    };
    let (previous_class, next_class) = neighbours(false);
    let (previous_for_item, next_for_item) = neighbours(true);
    // Whether a numbered heading ("3. Quietstep Shoes") stands between the block and the
    // nearest block before it that is neither short nor excised: the block opens a
    // listicle's item (its labels and key facts between its heading and its text). Only a
    // few such blocks: a longer run between a heading and text is a page's chrome.
    let mut under_heading = vec![false; count];
    let mut run_start = None;
    for i in 0..count {
        let block = &scored.page.blocks[selection.blocks.start + i];
        match classes[i] {
            Class::Short | Class::Excised if matches!(block.kind, BlockKind::Heading(_)) => {
                run_start = is_numbered_item(&block.text).then_some(i);
            }
            Class::Short | Class::Excised => {}
            _ => {
                if let Some(start) = run_start.take()
                    && i - start - 1 <= MAX_SECTION_OPENING_BLOCKS
                {
                    under_heading[start + 1..i].fill(true);
                }
            }
        }
    }
    classes
        .iter()
        .enumerate()
        .map(|(i, class)| match class {
            Class::Good => true,
            Class::Bad | Class::Excised => false,
            Class::Short => {
                let block = &scored.page.blocks[selection.blocks.start + i];
                let score = &scored.scores[selection.blocks.start + i];
                let before = previous_class[i] == Some(Class::Good);
                let after = next_class[i] == Some(Class::Good);
                let bold_line = block.kind == BlockKind::Paragraph
                    && block
                        .inlines
                        .iter()
                        .all(|inline| matches!(inline, Inline::Strong(_) | Inline::LineBreak));
                match block.kind {
                    // A heading over a feature list heads it (a product's name).
                    BlockKind::Heading(_) => after || feature_list[i],
                    BlockKind::Paragraph if bold_line => after,
                    // A line announcing the list right under it ("You will need:") goes
                    // with the text around it, as the list does.
                    BlockKind::Paragraph
                        if block.text.trim_end().ends_with([':', '：'])
                            && block.text.split_whitespace().count() >= MIN_LIST_LEAD_WORDS
                            && i + 1 < count
                            && is_item(i + 1) =>
                    {
                        before || after
                    }
                    BlockKind::ListItem { .. } => {
                        previous_for_item[i] == Some(Class::Good)
                            || next_for_item[i] == Some(Class::Good)
                            || feature_list[i]
                    }
                    // A table row, an image, a short code block ("COMPACT orders;") go
                    // with the text on either side of them.
                    BlockKind::TableRow { .. }
                    | BlockKind::Image { .. }
                    | BlockKind::Preformatted => before || after,
                    // The wide reading keeps a short sentence unless bad text stands
                    // on both sides: a documentation page's terse definitions.
                    _ if settings.wide
                        && policy != Policy::Precision
                        && score.final_punctuation
                        && score.size >= MIN_SHORT_SENTENCE_CHARS =>
                    {
                        previous_class[i] != Some(Class::Bad) || next_class[i] != Some(Class::Bad)
                    }
                    _ => match policy {
                        Policy::Precision => before && after,
                        Policy::Recall => before || after,
                        _ => {
                            ((before || under_heading[i]) && after)
                                || ((before || after)
                                    && score.final_punctuation
                                    && score.size >= MIN_SHORT_SENTENCE_CHARS)
                        }
                    },
                }
            }
        })
        .collect()
}

/// Fewest words of a short line announcing the list right under it ("You will need:"),
/// kept with the text around it; a one-word label ("Specs:", "Quellen:") is not kept so.
/// Set 2026-12-07 on a GOV.UK-style guidance probe; WCXB dev +0.002 on one page, fundus
/// and every other shared corpus unchanged.
const MIN_LIST_LEAD_WORDS: usize = 2;

/// Fewest items of a list, none of them links, that make it a list of the body's own
/// (a product's features under its heading in a deals post) whatever stands around it.
/// Set 2026-12-07 on corpus/scrapinghub's BGR deals page (feature lists of four to
/// seven items), checked on the WCXB dev split (any 0.8785 -> 0.8787).
const MIN_UNLINKED_LIST_ITEMS: usize = 3;
/// …holding at least this many weighted characters in all: a row of short buttons
/// ("Facebook", "X", "Email") holds fewer. Set with [`MIN_UNLINKED_LIST_ITEMS`].
const MIN_UNLINKED_LIST_CHARS: usize = 120;

/// For each block of the selection, whether it is an item of a list of the body's own, or
/// the heading right over one: [`MIN_UNLINKED_LIST_ITEMS`] or more adjacent items of one
/// depth, none with a link nor read as cruft, [`MIN_UNLINKED_LIST_CHARS`] in all. Menus
/// and tag lists are links; a feature list is text, short items between product links
/// and buy buttons, kept even after a one-line promotion that reads as a box's heading
/// ("Don't Miss:").
fn unlinked_lists(scored: &Scored, selection: &Selection) -> Vec<bool> {
    let count = selection.blocks.len();
    // A run of adjacent items of one nesting depth is one list.
    let list_of = |i: usize| match scored.page.blocks[selection.blocks.start + i].kind {
        BlockKind::ListItem { depth, .. } => Some(depth),
        _ => None,
    };
    let lists: Vec<Option<u8>> = (0..count).map(list_of).collect();
    let mut feature = vec![false; count];
    let mut start = 0;
    while start < lists.len() {
        let Some(list) = lists[start] else {
            start += 1;
            continue;
        };
        let end = (start..lists.len())
            .find(|&i| lists[i] != Some(list))
            .unwrap_or(lists.len());
        let items = start..end;
        let unlinked = items.clone().all(|i| {
            let score = &scored.scores[selection.blocks.start + i];
            score.link_density == 0.0
                && !(score.cruft_heading
                    || score.cruft_prefix
                    || score.credit
                    || score.disclosure
                    || score.dateline
                    || score.furniture.is_some())
        });
        let chars: usize = items
            .clone()
            .map(|i| scored.scores[selection.blocks.start + i].size)
            .sum();
        if unlinked && items.len() >= MIN_UNLINKED_LIST_ITEMS && chars >= MIN_UNLINKED_LIST_CHARS {
            // The heading right over the list is its name (a product's).
            let heading = start.checked_sub(1).filter(|&i| {
                matches!(
                    scored.page.blocks[selection.blocks.start + i].kind,
                    BlockKind::Heading(_)
                )
            });
            feature[heading.unwrap_or(start)..end].fill(true);
        }
        start = end;
    }
    feature
}

/// Most short blocks between a listicle item's numbered heading and its text kept as the
/// item's opening (its labels and key facts); WCXB dev 2026-12-07 (eight on The Good
/// Trade's items).
const MAX_SECTION_OPENING_BLOCKS: usize = 10;

/// The blocks of `selection` that pass, and the lead, as block indices in reading order.
pub(crate) fn kept_blocks(
    scored: &Scored,
    selection: &Selection,
    metadata: &Metadata,
    settings: &Settings,
) -> Vec<usize> {
    let feature_list = unlinked_lists(scored, selection);
    let classes = classify(scored, selection, metadata, settings, &feature_list);
    let mut keep = keep_by_neighbours(scored, selection, &classes, settings, &feature_list);
    if settings.wide && !classes.contains(&Class::Good) {
        // A page of short lines only (a wish list, a table of names): the wide reading
        // answers with them rather than with nothing.
        for (keep, class) in keep.iter_mut().zip(&classes) {
            *keep = *class == Class::Short;
        }
    }
    // The headline is no lead, nor is a block it opens (a table-layout page's headline
    // and byline spans, one block between `<br>`s).
    let lead = selection.lead.filter(|&index| {
        let text = &scored.page.blocks[index].text;
        let first_line = text.lines().next().unwrap_or_default();
        metadata
            .title
            .as_deref()
            .map(comparable)
            .is_none_or(|title| title != comparable(text) && title != comparable(first_line))
    });
    lead.into_iter()
        .map(|index| (index, true))
        .chain(selection.blocks.clone().zip(keep))
        .filter(|(_, keep)| *keep)
        .map(|(index, _)| index)
        .collect()
}

/// A run of at least this many consecutive text blocks that copies the run right before it,
/// block for block, is printed once: a layout printed for both phone and desktop, a
/// carousel's cloned slides, a quoted post in a thread's reply. Lone repeated blocks, short
/// runs and runs repeated further on are the author's (the same condition under each
/// offer, the same lines opening each day of a meal plan). Tuned on the WCXB dev split
/// 2026-12-06 (0.8624 to 0.8640; printing every repeated block once gave 0.8657 but cut
/// half of a meal plan on corpus/scrapinghub and the repeated paragraphs of
/// corpus/readability's test pages).
const MIN_COPIED_BLOCKS: usize = 3;
/// Fewest counted blocks of a run copying an earlier run that is not right before it…
const MIN_DISTANT_COPIED_BLOCKS: usize = 8;
/// …and the least share of the counted blocks before it that the run must be as long as:
/// the article printed again further down by a second template (a Webflow post in a
/// desktop and a mobile layout). A shorter repeat is the page's structure: each day of a
/// meal plan repeats its eight-line supplement schedule (corpus/scrapinghub). Both tuned
/// on the WCXB dev split 2026-12-06 (4 pages up, none down; eight blocks alone cost the
/// meal plan 0.94 -> 0.70).
const MIN_REPRINT_SHARE: f64 = 0.5;
/// Shortest block text, in comparable characters (letters and digits), that counts in a
/// copied run: shorter lines ("Reply", "Yes") repeat anyway.
const MIN_COPIED_BLOCK_CHARS: usize = 10;
/// Earlier places of a block's text looked at for the start of a copy, so a page of one
/// line repeated thousands of times stays linear.
const MAX_COPY_SOURCES: usize = 8;

/// Block pairs [`drop_copies`] compares, per counted block, before it stops looking: a
/// bound on its time (a page of one long paragraph printed 30,000 times took minutes).
/// No page of the shared corpora or WCXB dev comes near it.
const MAX_COPY_COMPARISONS_PER_BLOCK: usize = 64;

/// Comparable characters (see [`comparable`]) a block's quick key reads.
const COPY_KEY_CHARS: usize = 32;

/// A hash of `text`'s comparable characters, the first `limit` of them.
fn comparable_hash(text: &str, limit: usize) -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = foldhash::fast::FixedState::with_seed(0).build_hasher();
    for ch in comparable_chars(text).take(limit) {
        hasher.write_u32(ch as u32);
    }
    hasher.finish()
}

/// Classes of equal text among `texts`: for each, the index of the first text equal to it
/// in [`comparable`] characters. A text is keyed by its first [`COPY_KEY_CHARS`]
/// characters; only texts whose key an earlier text has are hashed whole, and compared in
/// full only with the earlier texts of the same whole hash. Finding copies later costs one
/// comparison of two numbers per pair of blocks, and this pass stays linear even on a page
/// of one paragraph printed thousands of times.
fn text_classes(texts: &[&str]) -> Vec<usize> {
    let keys: Vec<u64> = texts
        .iter()
        .map(|text| comparable_hash(text, COPY_KEY_CHARS))
        .collect();
    let mut key_count: HashMap<u64, usize> = HashMap::default();
    for key in &keys {
        *key_count.entry(*key).or_default() += 1;
    }
    let mut firsts: HashMap<u64, Vec<usize>> = HashMap::default();
    let mut classes = Vec::with_capacity(texts.len());
    for (index, text) in texts.iter().enumerate() {
        if key_count.get(&keys[index]).copied().unwrap_or(0) < 2 {
            classes.push(index);
            continue;
        }
        let same_hash = firsts.entry(comparable_hash(text, usize::MAX)).or_default();
        let first = same_hash
            .iter()
            .copied()
            .find(|&first| comparable_chars(texts[first]).eq(comparable_chars(text)));
        classes.push(first.unwrap_or_else(|| {
            same_hash.push(index);
            index
        }));
    }
    classes
}

/// Drops from `kept` and its `body` (block for block) every run of blocks that copies the
/// run right before it ([`MIN_COPIED_BLOCKS`]), or copies an earlier run and is as long
/// as most of what came before it ([`MIN_REPRINT_SHARE`]). Code, table rows and images
/// never count (a `return` line or a "Yes" row repeats in its source).
pub(crate) fn drop_copies(scored: &Scored, kept: &mut Vec<usize>, body: &mut Body) {
    debug_assert_eq!(kept.len(), body.blocks.len());
    // The blocks that count, as (place in `kept`, block); the others (short labels, code)
    // are transparent, and a copy's span takes those inside it.
    let blocks = &scored.page.blocks;
    let counted: Vec<(usize, usize)> = kept
        .iter()
        .enumerate()
        .filter(|&(_, &index)| {
            let block = &blocks[index];
            block.chars >= MIN_COPIED_BLOCK_CHARS
                && comparable_chars(&block.text)
                    .take(MIN_COPIED_BLOCK_CHARS)
                    .count()
                    == MIN_COPIED_BLOCK_CHARS
                && !matches!(
                    block.kind,
                    BlockKind::Preformatted | BlockKind::TableRow { .. } | BlockKind::Image { .. }
                )
        })
        .map(|(place, &index)| (place, index))
        .collect();
    let texts: Vec<&str> = counted
        .iter()
        .map(|&(_, index)| blocks[index].text.as_str())
        .collect();
    let class = text_classes(&texts);
    // Pairs compared so far: near the end of a page of one paragraph printed thousands of
    // times, each place would compare the whole rest of the page again.
    let compared = std::cell::Cell::new(0usize);
    let same = |a: usize, b: usize| {
        compared.set(compared.get() + 1);
        class[a] == class[b]
    };
    let most_compared = MAX_COPY_COMPARISONS_PER_BLOCK * counted.len();
    let mut places: HashMap<usize, Vec<usize>> = HashMap::default();
    let mut copy = vec![false; kept.len()];
    let mut at = 0;
    while at < counted.len() && compared.get() <= most_compared {
        let key = class[at];
        // The longest run from `at` equal to the run that ends right before `at` (counted
        // blocks only), or to an earlier run when it reprints most of the page so far: a
        // shorter run repeated further on is structure (each day of a meal plan, each
        // offer's terms), not a copy.
        let run = places.get(&key).map_or(0, |earlier| {
            earlier
                .iter()
                .map(|&from| {
                    let run = (0..)
                        .take_while(|&k| {
                            from + k < at && at + k < counted.len() && same(from + k, at + k)
                        })
                        .count();
                    let reprint = run >= MIN_DISTANT_COPIED_BLOCKS
                        && run as f64 >= MIN_REPRINT_SHARE * at as f64;
                    if from + run == at || reprint { run } else { 0 }
                })
                .max()
                .unwrap_or(0)
        });
        let places_of = places.entry(key).or_default();
        if places_of.len() < MAX_COPY_SOURCES {
            places_of.push(at);
        }
        if run >= MIN_COPIED_BLOCKS {
            copy[counted[at].0..=counted[at + run - 1].0].fill(true);
            at += run;
        } else {
            at += 1;
        }
    }
    if !copy.contains(&true) {
        return;
    }
    drop_marked(kept, body, &copy);
}

/// Bytes of earlier text [`drop_quoted_copies`] scans in all before it stops looking: a
/// bound on its time, as each quote is looked for in all the text before it (20,000
/// quotes in an 8 MB thread took 3 s). No page of the shared corpora or WCXB dev comes
/// near it.
const MAX_QUOTE_SCAN_BYTES: usize = 256 << 20;

/// Shortest quote, in comparable characters, that [`drop_quoted_copies`] compares: a
/// short quote ("Agreed.") may well repeat words said before.
const MIN_QUOTED_COPY_CHARS: usize = 40;

/// Drops from `kept` and its `body` every quote block (`<blockquote>` text) that repeats
/// text kept before it: a forum reply quoting the opening post (one quote block holding
/// what the post's paragraphs said), a pull quote printed again below its paragraph.
/// Compared in [`comparable`] characters, so line breaks and punctuation do not matter.
pub(crate) fn drop_quoted_copies(scored: &Scored, kept: &mut Vec<usize>, body: &mut Body) {
    debug_assert_eq!(kept.len(), body.blocks.len());
    let blocks = &scored.page.blocks;
    if !kept
        .iter()
        .any(|&index| blocks[index].kind == BlockKind::Quote)
    {
        return;
    }
    let mut before = String::new();
    let mut copy = vec![false; kept.len()];
    let mut scanned = 0usize;
    for (place, &index) in kept.iter().enumerate() {
        if scanned > MAX_QUOTE_SCAN_BYTES {
            break;
        }
        let block = &blocks[index];
        let text: String = comparable_chars(&block.text).collect();
        if block.kind == BlockKind::Quote && text.chars().count() >= MIN_QUOTED_COPY_CHARS {
            scanned += before.len();
            if memchr::memmem::find(before.as_bytes(), text.as_bytes()).is_some() {
                copy[place] = true;
                continue;
            }
        }
        before.push_str(&text);
    }
    drop_marked(kept, body, &copy);
}

/// Most blocks of a box closing the body that [`drop_closing_promo`] reads as a promotion.
/// Tuned on corpus/vietnamese-portals (znews' two-paragraph `div.notebox`), 2026-12-06.
const MAX_CLOSING_PROMO_BLOCKS: usize = 3;

/// Drops from `kept` and its `body` a box of two to [`MAX_CLOSING_PROMO_BLOCKS`] blocks
/// that closes the body (the innermost element holding the last two kept blocks, with an
/// earlier kept block outside it) and links to a topic, tag or series landing page
/// ([`lexicon::is_topic_link`]): the portal promoting a topic ("Tủ sách kiến thức kinh
/// tế", a book series), not the story. `kept` is in page order.
pub(crate) fn drop_closing_promo(scored: &Scored, kept: &mut Vec<usize>, body: &mut Body) {
    debug_assert_eq!(kept.len(), body.blocks.len());
    let (elements, blocks) = (&scored.page.elements, &scored.page.blocks);
    let Some(&last) = kept.last() else {
        return;
    };
    // From the last block outwards, the first element holding two kept blocks: the box
    // that closes the body, when it leaves an earlier kept block outside.
    let mut start = None;
    let mut element = blocks.get(last).map(|block| block.element);
    while let Some(index) = element {
        let Some(here) = elements.get(index as usize) else {
            break;
        };
        let first = kept.partition_point(|&block| block < here.blocks.start);
        if kept.len() - first >= 2 {
            start = (first > 0).then_some(first);
            break;
        }
        element = here.parent;
    }
    let Some(start) = start else {
        return;
    };
    let closing = &kept[start..];
    let promotes_topic = closing.iter().any(|&index| {
        blocks[index].inlines.iter().any(
            |inline| matches!(inline, Inline::Link { href, .. } if lexicon::is_topic_link(href)),
        )
    });
    if (2..=MAX_CLOSING_PROMO_BLOCKS).contains(&closing.len()) && promotes_topic {
        kept.truncate(start);
        body.blocks.truncate(start);
    }
}

/// Drops from `kept` and its `body` the blocks inside customer reviews (an element whose
/// class or id names reviews, `data/classes/reviews.txt`): on a product page they are its
/// comments, as reader comments are an article's. Nothing is dropped when every kept
/// block is a review: then the reviews are all the page has to say.
pub(crate) fn drop_reviews(scored: &Scored, kept: &mut Vec<usize>, body: &mut Body) {
    debug_assert_eq!(kept.len(), body.blocks.len());
    let review: Vec<bool> = kept.iter().map(|&index| scored.in_reviews(index)).collect();
    if review.iter().all(|&is_review| is_review) {
        return;
    }
    drop_marked(kept, body, &review);
}

/// Drops from `kept` and its `body` the blocks that are only a call to action
/// ([`lexicon::is_call_to_action`]: "Learn more", "Shop now"). Done once the reading is
/// over, so such a line does not weigh in it: as a cruft line it cut the cards and
/// sections around it (WCXB dev 2026-12-06: -0.0004 against +0.0003 this way).
pub(crate) fn drop_calls_to_action(scored: &Scored, kept: &mut Vec<usize>, body: &mut Body) {
    let blocks = &scored.page.blocks;
    let actions: Vec<bool> = kept
        .iter()
        .map(|&index| lexicon::is_call_to_action(&blocks[index].text))
        .collect();
    if actions.contains(&true) {
        drop_marked(kept, body, &actions);
    }
}

/// Drops from `kept` and its `body`, place for place, the blocks marked in `dropped`.
fn drop_marked(kept: &mut Vec<usize>, body: &mut Body, dropped: &[bool]) {
    debug_assert_eq!(kept.len(), dropped.len());
    let mut marks = dropped.iter();
    kept.retain(|_| marks.next() != Some(&true));
    let mut marks = dropped.iter();
    body.blocks.retain(|_| marks.next() != Some(&true));
}

/// The owned body of the blocks `kept`.
pub(crate) fn body_of(scored: &Scored, kept: &[usize]) -> Body {
    let blocks = kept
        .iter()
        .map(|&index| {
            let block = &scored.page.blocks[index];
            Block {
                kind: block.kind.clone(),
                inlines: block.inlines.clone(),
                cells: block.cells.clone(),
            }
        })
        .collect();
    Body { blocks }
}

/// The blocks inside the document subtrees of `roots`, in page order: a forum's posts,
/// without their tallies ("6 Likes") and other cruft lines.
pub(crate) fn blocks_under(scored: &Scored, roots: &[ego_tree::NodeId]) -> Vec<usize> {
    let elements = &scored.page.elements;
    let roots: foldhash::HashSet<ego_tree::NodeId> = roots.iter().copied().collect();
    // Whether an element holds an `<article>`: an `<aside>` that does inside a post is a
    // link's preview card (Discourse's `aside.onebox > article.onebox-body`), the linked
    // page's text, not the post's; a quoted post (`aside.quote`) holds none and stays.
    let mut holds_article = vec![false; elements.len()];
    for (index, element) in elements.iter().enumerate().rev() {
        if (element.tag == Tag::Article || holds_article[index])
            && let Some(parent) = element.parent
        {
            holds_article[parent as usize] = true;
        }
    }
    let mut inside = vec![false; elements.len()];
    for (index, element) in elements.iter().enumerate() {
        // Parents come before their children, so one pass settles every element.
        let card = element.tag == Tag::Furniture && holds_article[index];
        inside[index] = roots.contains(&element.node)
            || (element.parent.is_some_and(|p| inside[p as usize]) && !card);
    }
    scored
        .page
        .blocks
        .iter()
        .enumerate()
        .filter(|&(index, block)| {
            inside[block.element as usize] && !scored.scores[index].cruft_heading
        })
        .map(|(index, _)| index)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::title_counts;

    #[test]
    fn a_titles_counts_are_no_prices_shares_or_parts_of_numbers() {
        assert_eq!(title_counts("12 Best Camping Chairs for 2026"), [12]);
        assert_eq!(title_counts("Top 7 benefits, ranked."), [7]);
        assert_eq!(
            title_counts("Hà Nội tuyển gần 79.000 học sinh lớp 10 công lập"),
            [10]
        );
        assert!(title_counts("The Best Cheap Laptops Under $500 for 2026").is_empty());
        assert!(title_counts("Prices rise 20% in a year").is_empty());
    }
}

//! Takes the scored blocks; returns the container holding the article, or "no article".
//!
//! The container is the element whose blocks have the largest summed weight: adding a
//! sibling region pays only when it brings more article-like text than cruft, so the
//! winner is the smallest element that holds the whole body and its lead. Pages whose
//! best container is weak, or is a run of teasers, are listings.

use crate::body::BlockKind;
use crate::score::{LINK_BLOCK_DENSITY, Scored};
use crate::segment::Tag;
use std::ops::Range;

/// Smallest summed weight, in weighted characters, of an article's container. Below it
/// the page has no article. Tuned on fixtures/ listings and corpus/vietnamese-portals
/// 2026-11-23.
/// [`MIN_CONTAINER_WEIGHT`] of the wide reading ([`Scope::Any`](crate::Scope::Any)), which
/// answers with a short collection intro or event list rather than nothing. Tuned on the
/// WCXB dev split 2026-12-05 (1, 10 and 30 tried; collections 0.603 -> 0.622).
const MIN_WIDE_CONTAINER_WEIGHT: f64 = 30.0;
const MIN_CONTAINER_WEIGHT: f64 = 120.0;
/// A container with at least this many title links…
const LISTING_MIN_TITLE_LINKS: usize = 10;
/// …and less than this many characters of non-teaser prose per title link is a listing.
const LISTING_PROSE_PER_TITLE: usize = 60;

/// Most short blocks (date, byline, share bar) between a lead and the body container.
const MAX_BLOCKS_BETWEEN_LEAD_AND_BODY: usize = 8;
/// Shortest lead, in weighted characters.
const MIN_LEAD_CHARS: usize = 80;
/// Shortest lead without final punctuation (standfirsts often have none).
const MIN_UNPUNCTUATED_LEAD_CHARS: usize = 100;
/// Highest link density of a lead.
const MAX_LEAD_LINK_DENSITY: f32 = 0.2;

/// A page with at least this many teaser sapos…
const LISTING_MIN_TEASERS: usize = 6;
/// …counting sapos of at least this many weighted characters…
const MIN_COUNTED_TEASER_CHARS: usize = 60;
/// …whose best container holds less prose than this is a listing: its "article" is one
/// more teaser. Tuned on fixtures/ listings and corpus/vietnamese-portals 2026-11-23.
const LISTING_MAX_PROSE_CHARS: usize = 500;

/// Shortest prose under a headline that makes an article even among many teasers (a
/// category description under its `<h1>` is shorter). Tuned on fixtures/ 2026-11-23.
const MIN_HEADLINED_PROSE_CHARS: usize = 200;
/// Most blocks (date, byline, share bar, sapo) between a headline and its body.
const MAX_BLOCKS_BETWEEN_HEADLINE_AND_BODY: usize = 12;

/// The chosen container.
#[derive(Debug, Clone)]
pub(crate) struct Selection {
    /// Index of the container element.
    pub container: u32,
    /// The blocks inside it.
    pub blocks: Range<usize>,
    /// A lead paragraph just before the container, outside it (a sapo set apart from
    /// the body by the date, byline and share bar).
    pub lead: Option<usize>,
}

/// Why [`select`] found no article container.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rejection {
    /// The page has no text block.
    NoText,
    /// No container sums to [`MIN_CONTAINER_WEIGHT`].
    WeakContainer,
    /// No container sums to [`MIN_CONTAINER_WEIGHT`], and the page holds many teasers:
    /// a listing, unless its JSON-LD still gives an article body.
    WeakAmongTeasers,
    /// The best container is a run of title links with little prose.
    TeaserList,
    /// Short prose among many teasers elsewhere on the page.
    ShortAmongTeasers,
}

impl Rejection {
    /// Whether the verdict says the page is a listing (as opposed to a page whose text
    /// the markup does not hold).
    pub(crate) fn is_listing(self) -> bool {
        matches!(self, Self::TeaserList | Self::ShortAmongTeasers)
    }
}

/// The element with the largest summed block weight, and that weight.
pub(crate) fn best_container(scored: &Scored) -> Option<(u32, f64)> {
    let mut best: Option<(u32, f64)> = None;
    for (index, element) in scored.page.elements.iter().enumerate() {
        // A table's body holds its rows, not its header row and caption: the table is
        // the candidate.
        if element.blocks.is_empty() || element.tag == Tag::TableSection {
            continue;
        }
        let weight = scored.weight_sum(&element.blocks);
        if best.is_none_or(|(_, best_weight)| weight >= best_weight) {
            best = Some((index as u32, weight));
        }
    }
    best
}

/// A sibling of the container continues the body when it weighs at least this share of
/// the container (a body split in two by an ad slot or a mis-nested tag). Tuned on the
/// WCXB dev split and corpus/scrapinghub 2026-12-05.
const MIN_CONTINUATION_SHARE: f64 = 0.2;
/// …and this many weighted characters.
const MIN_CONTINUATION_WEIGHT: f64 = 150.0;
/// A paragraph beside a one-paragraph container continues the body below this link
/// density: prose with inline links (a list of towns, each a topic link: 0.47 to 0.88 on
/// fundus' Asahi page) does, a line that is all links (a tag line, the site's address:
/// 0.9 and more, corpus/scrapinghub) does not.
const MAX_BODY_PARAGRAPH_LINK_DENSITY: f32 = 0.9;
/// Most siblings too light to continue it (ad slots, empty wrappers, a one-line promo)
/// crossed to reach one.
const MAX_SIBLINGS_CROSSED: usize = 2;

/// The container grown over the siblings that continue it: where the body is split
/// among sibling elements (`<div class=entry>…</div><div class=ad/><div>…rest</div>`),
/// or the container is one `<p>` of a body whose paragraphs sit beside the headline and
/// share bar (each light one weighed by the cleaning), the parent becomes the container
/// and the range runs from the first to the last part.
fn with_continuations(scored: &Scored, container: u32) -> (u32, Range<usize>) {
    let elements = &scored.page.elements;
    let own = elements[container as usize].blocks.clone();
    let Some(parent) = elements[container as usize].parent else {
        return (container, own);
    };
    let siblings: Vec<(&Range<usize>, u64)> = elements
        .iter()
        .filter(|element| element.parent == Some(parent) && !element.blocks.is_empty())
        .map(|element| (&element.blocks, element.signature))
        .collect();
    let Some(position) = siblings.iter().position(|(range, _)| **range == own) else {
        return (container, own);
    };
    let weight = scored.weight_sum(&own);
    // A container that is one paragraph is one of the body's paragraphs: its siblings of
    // the same tag and class are the others, however light (a list of places, a
    // one-line transition), and the cleaning weighs each.
    let one_paragraph = own.len() == 1;
    let own_signature = elements[container as usize].signature;
    let continues = |(range, signature): &(&Range<usize>, u64)| {
        let sibling = scored.weight_sum(range);
        let paragraph_of_body = one_paragraph
            && *signature == own_signature
            && range.len() == 1
            && scored.scores[range.start].link_density < MAX_BODY_PARAGRAPH_LINK_DENSITY;
        paragraph_of_body
            || (sibling >= MIN_CONTINUATION_WEIGHT && sibling >= MIN_CONTINUATION_SHARE * weight)
    };
    // Too light to continue the body (an ad slot, an empty wrapper, a one-line promo):
    // crossed, a few at most, to reach a part that does; but a link line among the
    // body's own paragraphs ends it (the tag line under a story).
    let crossable = |(range, signature): &(&Range<usize>, u64)| {
        scored.weight_sum(range) < MIN_CONTINUATION_WEIGHT
            && !(one_paragraph && *signature == own_signature)
    };
    let mut range = own.clone();
    let mut crossed = 0;
    for sibling in &siblings[position + 1..] {
        if continues(sibling) {
            range.end = sibling.0.end;
            crossed = 0;
        } else if crossable(sibling) && crossed < MAX_SIBLINGS_CROSSED {
            crossed += 1;
        } else {
            break;
        }
    }
    crossed = 0;
    for sibling in siblings[..position].iter().rev() {
        if continues(sibling) {
            range.start = sibling.0.start;
            crossed = 0;
        } else if crossable(sibling) && crossed < MAX_SIBLINGS_CROSSED {
            crossed += 1;
        } else {
            break;
        }
    }
    if range == own {
        (container, own)
    } else {
        (parent, range)
    }
}

/// Most elements read before a table or list for its introduction.
const MAX_INTRODUCTION_ELEMENTS: usize = 6;

/// A table or list container grown over the prose that introduces it: the paragraphs,
/// and the headings between them, that stand right before it under the same parent (a
/// list page's opening paragraphs over its table of films, a product's description over
/// its feature list, each lighter than the table or list by far, so none continues it).
/// It stops at the first element that is not good prose or a heading: furniture, links,
/// a teaser. WCXB dev 2026-12-07: one product page better, none worse.
fn with_introduction(scored: &Scored, container: u32, blocks: Range<usize>) -> (u32, Range<usize>) {
    let elements = &scored.page.elements;
    let table_or_list = &elements[container as usize];
    let Some(parent) = table_or_list.parent else {
        return (container, blocks);
    };
    if !matches!(table_or_list.tag, Tag::Table | Tag::List) || blocks != table_or_list.blocks {
        return (container, blocks);
    }
    let introduces = |range: &Range<usize>| {
        range.clone().all(|index| {
            let score = &scored.scores[index];
            let block = &scored.page.blocks[index];
            let prose = score.weight > 0.0 && score.final_punctuation;
            let heading = matches!(block.kind, BlockKind::Heading(_));
            score.furniture.is_none()
                && !score.teaser
                && score.link_density < LINK_BLOCK_DENSITY
                && (prose || heading)
        })
    };
    let mut start = blocks.start;
    for sibling in elements
        .iter()
        .filter(|element| element.parent == Some(parent) && !element.blocks.is_empty())
        .filter(|element| element.blocks.end <= blocks.start)
        .rev()
        .take(MAX_INTRODUCTION_ELEMENTS)
    {
        if sibling.blocks.end != start || !introduces(&sibling.blocks) {
            break;
        }
        start = sibling.blocks.start;
    }
    if start == blocks.start {
        (container, blocks)
    } else {
        (parent, start..blocks.end)
    }
}

/// Where the container holds two or more articles, each an `<article>` (or `<main>`)
/// element with its own unlinked `<h1>` and at least [`MIN_CONTAINER_WEIGHT`], the first
/// of them: a news site appends the next story under the one asked for (infinite
/// scroll), and the two together outweigh either.
fn first_of_stacked_articles(
    scored: &Scored,
    container: u32,
    blocks: Range<usize>,
) -> (u32, Range<usize>) {
    let elements = &scored.page.elements;
    // For each headline in the container, the innermost article element holding it.
    let mut articles: Vec<u32> = Vec::new();
    for index in blocks.clone() {
        let block = &scored.page.blocks[index];
        if block.kind != BlockKind::Heading(1)
            || scored.scores[index].link_density >= LINK_BLOCK_DENSITY
        {
            continue;
        }
        let mut element = Some(block.element);
        while let Some(at) = element {
            let here = &elements[at as usize];
            if at == container {
                break;
            }
            if here.tag == Tag::Article && scored.weight_sum(&here.blocks) >= MIN_CONTAINER_WEIGHT {
                if articles.last() != Some(&at) {
                    articles.push(at);
                }
                break;
            }
            element = here.parent;
        }
    }
    let disjoint = articles.windows(2).all(|pair| {
        elements[pair[0] as usize].blocks.end <= elements[pair[1] as usize].blocks.start
    });
    match articles.first() {
        Some(&first) if articles.len() >= 2 && disjoint => {
            (first, elements[first as usize].blocks.clone())
        }
        _ => (container, blocks),
    }
}

/// Picks the article's container.
pub(crate) fn select(scored: &Scored) -> Result<Selection, Rejection> {
    select_in(scored, false)
}

/// Picks the main content's container in the wide reading of
/// [`Scope::Any`](crate::Scope::Any): as [`select`], with no listing verdict.
pub(crate) fn select_wide(scored: &Scored) -> Result<Selection, Rejection> {
    select_in(scored, true)
}

/// Picks the container; `wide` skips the listing verdicts.
fn select_in(scored: &Scored, wide: bool) -> Result<Selection, Rejection> {
    let best = best_container(scored);
    let Some((container, weight)) = best else {
        return Err(Rejection::NoText);
    };
    // The wide reading answers with any container that holds some prose.
    let floor = if wide {
        MIN_WIDE_CONTAINER_WEIGHT
    } else {
        MIN_CONTAINER_WEIGHT
    };
    if weight < floor {
        return Err(if count_teasers(scored) >= LISTING_MIN_TEASERS {
            Rejection::WeakAmongTeasers
        } else {
            Rejection::WeakContainer
        });
    }
    let (container, blocks) = with_continuations(scored, container);
    let (container, blocks) = with_introduction(scored, container, blocks);
    let (container, blocks) = first_of_stacked_articles(scored, container, blocks);
    if wide {
        // Any page has main content: no listing verdict.
        return Ok(Selection {
            container,
            lead: lead_before(scored, &blocks),
            blocks,
        });
    }
    let title_links = blocks
        .clone()
        .filter(|&i| scored.scores[i].title_link && scored.scores[i].furniture.is_none())
        .count();
    let prose: usize = blocks
        .clone()
        .filter(|&i| scored.scores[i].weight > 0.0)
        .map(|i| scored.scores[i].size)
        .sum();
    if title_links >= LISTING_MIN_TITLE_LINKS && prose < title_links * LISTING_PROSE_PER_TITLE {
        return Err(Rejection::TeaserList);
    }
    let page_teasers = count_teasers(scored);
    if page_teasers >= LISTING_MIN_TEASERS
        && prose < LISTING_MAX_PROSE_CHARS
        && !(prose >= MIN_HEADLINED_PROSE_CHARS && has_headline(scored, &blocks))
    {
        return Err(Rejection::ShortAmongTeasers);
    }
    let lead = lead_before(scored, &blocks);
    Ok(Selection {
        container,
        blocks,
        lead,
    })
}

/// The page's teaser sapos of at least [`MIN_COUNTED_TEASER_CHARS`].
/// Teasers inside reader comments do not count: a comment that opens with its date link
/// and holds one paragraph reads as a teaser, and a short post with a dozen comments is
/// no listing (fixture `wordpress-short-post-many-comments`).
fn count_teasers(scored: &Scored) -> usize {
    scored
        .scores
        .iter()
        .enumerate()
        .filter(|&(index, score)| {
            score.teaser && score.size >= MIN_COUNTED_TEASER_CHARS && !scored.in_comments(index)
        })
        .count()
}

/// The lead paragraph before block `start`, if one stands within a few short blocks of
/// it: long prose, few links, not furniture, not a teaser.
fn lead_before(scored: &Scored, body: &Range<usize>) -> Option<usize> {
    let start = body.start;
    let first = start.saturating_sub(MAX_BLOCKS_BETWEEN_LEAD_AND_BODY + 1);
    for index in (first..start).rev() {
        let score = &scored.scores[index];
        let block = &scored.page.blocks[index];
        // Furniture that holds the body too is a mislabelled wrapper, not a box.
        let in_furniture = score.furniture.is_some_and(|f| {
            let wrapper = &scored.page.elements[f as usize].blocks;
            wrapper.start > body.start || wrapper.end < body.end
        });
        let prose = score.size >= MIN_LEAD_CHARS
            && (score.final_punctuation
                || (score.size >= MIN_UNPUNCTUATED_LEAD_CHARS && score.link_density == 0.0))
            && score.link_density < MAX_LEAD_LINK_DENSITY
            && !in_furniture
            && !score.teaser
            && !score.ellipsis
            && !score.disclosure
            && !score.garbled
            && !score.cruft_prefix
            && !block.caption;
        if prose {
            return Some(index);
        }
        if block.caption
            || score.furniture.is_some()
            || score.dateline
            || score.post_header
            || score.disclosure
            || score.garbled
        {
            continue;
        }
        if score.size >= MIN_LEAD_CHARS {
            // A long block that is not a lead stands between: no lead.
            return None;
        }
    }
    None
}

/// Whether an unlinked `<h1>` heads the body: within a few blocks before it (or as its
/// first blocks), with no title link in between. A short article has its headline right
/// above it; a listing's stray prose is one more teaser, under a linked title.
fn has_headline(scored: &Scored, body: &Range<usize>) -> bool {
    let first = body
        .start
        .saturating_sub(MAX_BLOCKS_BETWEEN_HEADLINE_AND_BODY);
    let last = (body.start + 2).min(body.end);
    for index in (first..last).rev() {
        let block = &scored.page.blocks[index];
        let score = &scored.scores[index];
        if block.kind == BlockKind::Heading(1) && score.link_density < LINK_BLOCK_DENSITY {
            return true;
        }
        if score.title_link && index < body.start {
            return false;
        }
    }
    false
}

//! Takes the scored blocks; returns the container holding the article, or "no article".
//!
//! The container is the element whose blocks have the largest summed weight: adding a
//! sibling region pays only when it brings more article-like text than cruft, so the
//! winner is the smallest element that holds the whole body and its lead. Pages whose
//! best container is weak, or is a run of teasers, are listings.

use crate::Error;
use crate::extractor::Settings;
use crate::score::Scored;
use std::ops::Range;

/// Smallest summed weight, in weighted characters, of an article's container. Below it
/// the page has no article. Tuned on fixtures/ listings and corpus/vietnamese-portals
/// 2026-11-23.
const MIN_CONTAINER_WEIGHT: f64 = 120.0;
/// A container with at least this many title links…
const LISTING_MIN_TITLE_LINKS: usize = 10;
/// …and less than this many characters of non-teaser prose per title link is a listing.
const LISTING_PROSE_PER_TITLE: usize = 60;

/// The chosen container.
#[derive(Debug, Clone)]
pub(crate) struct Selection {
    /// Index of the container element.
    pub container: u32,
    /// The blocks inside it.
    pub blocks: Range<usize>,
}

/// The element with the largest summed block weight, and that weight.
pub(crate) fn best_container(scored: &Scored) -> Option<(u32, f64)> {
    let mut best: Option<(u32, f64)> = None;
    for (index, element) in scored.page.elements.iter().enumerate() {
        if element.blocks.is_empty() {
            continue;
        }
        let weight = scored.weight_sum(&element.blocks);
        if best.is_none_or(|(_, best_weight)| weight >= best_weight) {
            best = Some((index as u32, weight));
        }
    }
    best
}

/// Picks the article's container.
pub(crate) fn select(scored: &Scored, _settings: &Settings) -> Result<Selection, Error> {
    let best = best_container(scored);
    let Some((container, weight)) = best else {
        return Err(Error::NoArticle { reason: "no text" });
    };
    if weight < MIN_CONTAINER_WEIGHT {
        return Err(Error::NoArticle {
            reason: "no container of article text",
        });
    }
    let blocks = scored.page.elements[container as usize].blocks.clone();
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
        return Err(Error::NoArticle {
            reason: "the page lists teasers",
        });
    }
    Ok(Selection { container, blocks })
}

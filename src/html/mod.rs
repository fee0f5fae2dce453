//! Takes the decoded page and returns the parsed document, or an error past the limits.
//!
//! html5ever's tree builder (fed by [`tokenize`], into scraper's tree) recovers
//! from any markup, so the only failures are the caller's limits. They are checked twice:
//! by a linear pre-scan of the markup *before* the tree is built, and exactly on the
//! finished tree.
//!
//! # Why a pre-scan
//!
//! Measured on scraper 0.29 / html5ever 0.40, release build, 2026-11-23:
//!
//! | input | size | parse time | result |
//! |---|---|---|---|
//! | 10,000 nested `<div>` | 110 KB | 0.37 s | depth 10,004 |
//! | 20,000 nested `<div>` | 220 KB | 1.4 s | |
//! | 40,000 nested `<div>` | 440 KB | 6.1 s | |
//! | 100,000 nested `<div>` | 1.1 MB | 59 s | no stack overflow; drop takes 2 ms |
//! | 20,000 nested `<span>` or `<b>` | 120 KB | 0.02 s | |
//! | `<div><b id=i>`×3,000 `</div>` + `<div>x</div>`×3,000 | 68 KB | 6.7 s | 9 million nodes, 1.5 GB RSS |
//! | one tag with 40,000 attributes | 270 KB | 0.5 s | 160,000: 8 s |
//! | `<div>`×4,000 open, then `<div>x</div>`×100,000 | 1.2 MB | 2.1–3.2 s | 1,000 open: 0.98 s; 500: 0.62 s; 100: 0.13 s |
//!
//! Three things are quadratic in html5ever:
//! - **Deep stacks.** Most block start and end tags walk the stack of open elements for a
//!   scope check, so N nested blocks cost N²/2 steps. The tree is an arena (ego-tree), so
//!   nothing recurses and dropping a deep tree is cheap; the cost is time.
//! - **Formatting reconstruction.** Formatting elements (`<b>`, `<font>`, …) popped by a
//!   block end tag are re-created before the next text, as the HTML standard says. With
//!   many distinct ones pending, every `<div>x</div>` re-creates all of them: a 68 KB page
//!   builds 9 million nodes. Sloppy `<p><font color=…>` pages nest one level per paragraph
//!   the same way.
//! - **Attributes.** Each attribute is checked against all earlier ones of its tag.
//!
//! The limits on the finished tree come too late for these, so [`prescan`] replays the
//! markup through a small model of the tree builder (stack of open elements with scope
//! rules, implied end tags, table sections and cells, the list of active formatting
//! elements with markers, Noah's Ark and reconstruction, adoption of misnested formatting
//! end tags, foreign content) and counts the depth and the nodes html5ever will build. It
//! costs one pass over the bytes, a hash lookup per tag and O(1) amortised work per tag,
//! and stops at the first limit passed. The model errs towards under-counting where it
//! simplifies (so a real page is not rejected on an estimate); the exact check on the tree
//! backs it. Tags with more than [`MAX_ATTRIBUTES_PER_TAG`](attributes::MAX_ATTRIBUTES_PER_TAG) attributes lose the extra ones
//! before parsing.
//!
//! The pre-scan costs about 2 ns per byte where html5ever takes about 20 (3.3 MB of a
//! fixture page repeated). It was checked against html5ever on the 688 pages of the shared
//! evaluation corpora and the fixtures: its depth never exceeded the real one and stayed
//! within 30 % of it on all but one tiny page, and its node count was within 0.5 %.
//!
//! With the limits enforced, the worst cost left is linear in the input with a slope that
//! grows with `max_depth` (every block tag may scan the whole stack): about 2 µs per byte
//! at depth 4,000, 0.5 µs at 500 and 0.1 µs at 100.
//!
//! # What the pre-scan cuts
//!
//! html5ever is most of an extraction's time, so the pre-scan also cuts what no later
//! stage reads before html5ever sees it: the text of scripts (JSON-LD kept), styles and
//! the fallback text of `<noscript>`; comments (but where a table takes text); and the
//! attributes outside [`READ_ATTRIBUTES`](attributes::READ_ATTRIBUTES) of every non-formatting element. Where the
//! model may part from html5ever (a tag taking HTML rules while SVG or MathML is open,
//! raw text in a `<select>`), cutting stops for the rest of the page. The tree
//! keeps its shape (the tests here parse both markups and compare), and the extraction
//! gives the same result with and without the cuts (`trimming_changes_no_result` in
//! `extractor.rs` on every fixture; the same on the 695 corpus and fixture pages with
//! the snapshot tool, now `devtools/src/bin/snapshot.rs`, 2026-12-01). On the 181
//! scrapinghub pages the cuts took html5ever's share of an extraction from 1.4 ms to about
//! 0.9 ms per page.

mod attributes;
pub(crate) mod bytes;
mod prescan;
mod tags;
mod tokenize;

use crate::Error;
use crate::options::{Budget, Limits};
use ego_tree::iter::Edge;
use prescan::prescan_counting;
use scraper::Html;

/// Parses `html` into a document: the pre-scan's model and cuts, then
/// [`tokenize::parse_document`]. html5ever recovers from any markup, so the only
/// failures are the limits.
///
/// # Errors
/// [`Error::TooDeep`] or [`Error::TooManyNodes`] when the pre-scan or the finished tree
/// passes a limit; [`Error::TimeBudgetExceeded`] when `budget` runs out.
pub(crate) fn parse(html: &str, limits: Limits, budget: Budget) -> Result<Html, Error> {
    let (markup, nodes) = prescan_counting(html, limits)?;
    budget.check()?;
    let mut document = tokenize::parse_document_within(&markup, nodes, budget)?;
    check_tree(&document, limits)?;
    // Double-encoded text written as character references ("&#195;&#169;") is only seen
    // once they are decoded; bytes of it were repaired before parsing.
    crate::mojibake::repair_text_nodes(&mut document);
    Ok(document)
}

/// Checks the finished tree against the limits, without recursion.
fn check_tree(document: &Html, limits: Limits) -> Result<(), Error> {
    if document.tree.nodes().len() > limits.max_nodes {
        return Err(Error::TooManyNodes {
            limit: limits.max_nodes,
        });
    }
    let mut depth = 0usize;
    for edge in document.tree.root().traverse() {
        match edge {
            Edge::Open(node) if node.value().is_element() => {
                depth += 1;
                if depth > limits.max_depth {
                    return Err(Error::TooDeep {
                        limit: limits.max_depth,
                    });
                }
            }
            Edge::Close(node) if node.value().is_element() => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// Replays `html` through the tree-builder model; the markup to parse (with excess
/// attributes cut), or the first limit it passes.
#[cfg(test)]
pub(crate) fn prescan(html: &str, limits: Limits) -> Result<std::borrow::Cow<'_, str>, Error> {
    prescan_counting(html, limits).map(|(markup, _)| markup)
}

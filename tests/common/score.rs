//! The scoring rule of scrapinghub/article-extraction-benchmark, as `../shared/bench`
//! implements it: gold text and predicted text in, page precision/recall/F1 out, and the
//! corpus means over many pages.
//!
//! Shared by `tests/fixtures.rs` and `benches/quality.rs` through `#[path]`, so the two can
//! never disagree; its unit tests are `tests/score.rs`.
//!
//! 1. Tokens: runs of word characters, case kept, punctuation dropped.
//! 2. Shingles: the 4-grams of the token list, as a multiset; 1–3 tokens make one shingle of
//!    all of them, an empty text none.
//! 3. Per page: `tp` = Σ min(gold, pred), `fp` = Σ (pred − gold)⁺, `fn` = Σ (gold − pred)⁺
//!    over shingles. Precision = tp/(tp+fp), recall = tp/(tp+fn); both 1 when fp = fn = 0
//!    (two empty texts included); precision 0 when tp = fp = 0, recall 0 when tp = fn = 0.
//! 4. Corpus: P = mean page precision over pages with a non-empty prediction, R = mean page
//!    recall over pages with non-empty gold, F1 = 2PR/(P+R).

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

/// Shingle length of the benchmark rule.
pub const SHINGLE: usize = 4;

/// A word character as Python's `re` sees one in a `str` pattern (what the benchmark and
/// `../shared/bench/evaluate.py` run): a letter, a number or `_`. Checked against every
/// code point of Python 3.11's Unicode 14 database: identical. The regex crate's own `\w`
/// also takes combining marks (Unicode `M*`) and so would join Hindi, Thai or Myanmar words
/// that Python splits at each vowel sign; the corpora have such pages (scrapinghub
/// included), and their scores would then drift from the harness.
static TOKEN: LazyLock<Regex> = LazyLock::new(|| {
    // A constant pattern: it compiles or the whole suite is wrong, on every input alike.
    Regex::new(r"[\p{L}\p{N}_]+").expect("constant token pattern")
});

/// The benchmark's tokens of `text`: word-character runs, case kept.
pub fn tokens(text: &str) -> Vec<&str> {
    TOKEN.find_iter(text).map(|m| m.as_str()).collect()
}

/// The multiset of `n`-token shingles of `tokens` (one shingle of all of them when there
/// are fewer than `n`, none for an empty list).
pub fn shingles<'a>(tokens: &[&'a str], n: usize) -> HashMap<Vec<&'a str>, usize> {
    let mut bag = HashMap::new();
    if tokens.is_empty() {
        return bag;
    }
    if tokens.len() < n {
        bag.insert(tokens.to_vec(), 1);
        return bag;
    }
    for window in tokens.windows(n) {
        *bag.entry(window.to_vec()).or_insert(0) += 1;
    }
    bag
}

/// Shingle overlap counts of one page.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Shingles in both texts (multiset minimum).
    pub tp: usize,
    /// Shingles of the prediction beyond the gold.
    pub fp: usize,
    /// Shingles of the gold beyond the prediction.
    pub fn_: usize,
}

impl Counts {
    /// Counts `gold` against `pred` with `n`-token shingles.
    pub fn of(gold: &str, pred: &str, n: usize) -> Self {
        let gold = shingles(&tokens(gold), n);
        let pred = shingles(&tokens(pred), n);
        let mut counts = Self::default();
        for (shingle, &g) in &gold {
            let p = pred.get(shingle).copied().unwrap_or(0);
            counts.tp += g.min(p);
            counts.fn_ += g.saturating_sub(p);
        }
        for (shingle, &p) in &pred {
            let g = gold.get(shingle).copied().unwrap_or(0);
            counts.fp += p.saturating_sub(g);
        }
        counts
    }

    /// Page precision under the benchmark's edge cases.
    pub fn precision(self) -> f64 {
        if self.fp == 0 && self.fn_ == 0 {
            return 1.0;
        }
        if self.tp == 0 && self.fp == 0 {
            return 0.0;
        }
        self.tp as f64 / (self.tp + self.fp) as f64
    }

    /// Page recall under the benchmark's edge cases.
    pub fn recall(self) -> f64 {
        if self.fp == 0 && self.fn_ == 0 {
            return 1.0;
        }
        if self.tp == 0 && self.fn_ == 0 {
            return 0.0;
        }
        self.tp as f64 / (self.tp + self.fn_) as f64
    }

    /// Page F1: the harmonic mean of [`Counts::precision`] and [`Counts::recall`] (0 for an
    /// empty prediction against non-empty gold).
    pub fn f1(self) -> f64 {
        harmonic(self.precision(), self.recall())
    }

    /// The prediction has at least one shingle (the page counts towards corpus P).
    pub fn has_prediction(self) -> bool {
        self.tp + self.fp > 0
    }

    /// The gold has at least one shingle (the page counts towards corpus R).
    pub fn has_gold(self) -> bool {
        self.tp + self.fn_ > 0
    }
}

/// `2pr/(p+r)`, or 0 when both are 0.
pub fn harmonic(p: f64, r: f64) -> f64 {
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

/// Scores of one page with the benchmark's 4-gram rule.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageScore {
    /// Shingle counts.
    pub counts: Counts,
    /// Page precision.
    pub precision: f64,
    /// Page recall.
    pub recall: f64,
    /// Page F1.
    pub f1: f64,
}

/// Scores `pred` against `gold` with 4-gram shingles.
pub fn score_page(gold: &str, pred: &str) -> PageScore {
    let counts = Counts::of(gold, pred, SHINGLE);
    PageScore {
        counts,
        precision: counts.precision(),
        recall: counts.recall(),
        f1: counts.f1(),
    }
}

/// Corpus aggregate of the benchmark.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CorpusScore {
    /// Pages aggregated.
    pub pages: usize,
    /// Mean page precision over pages with a non-empty prediction.
    pub precision: f64,
    /// Mean page recall over pages with non-empty gold.
    pub recall: f64,
    /// `2PR/(P+R)` of the two means.
    pub f1: f64,
    /// Mean page F1 over all pages (an empty prediction against gold counts 0).
    pub page_f1_mean: f64,
}

/// Aggregates page counts the benchmark's way.
pub fn corpus(pages: &[Counts]) -> CorpusScore {
    let mean = |values: Vec<f64>| {
        if values.is_empty() {
            0.0
        } else {
            values.iter().sum::<f64>() / values.len() as f64
        }
    };
    let precision = mean(
        pages
            .iter()
            .filter(|c| c.has_prediction())
            .map(|c| c.precision())
            .collect(),
    );
    let recall = mean(
        pages
            .iter()
            .filter(|c| c.has_gold())
            .map(|c| c.recall())
            .collect(),
    );
    CorpusScore {
        pages: pages.len(),
        precision,
        recall,
        f1: harmonic(precision, recall),
        page_f1_mean: mean(pages.iter().map(|c| c.f1()).collect()),
    }
}

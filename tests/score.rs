//! Unit tests of the benchmark scoring rule in `tests/common/score.rs`, which
//! `tests/fixtures.rs` and `benches/quality.rs` include (`cargo test --test score`).

#[path = "common/score.rs"]
mod score;

use score::{Counts, corpus, harmonic, score_page, shingles, tokens};

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-12
}

#[test]
fn tokens_are_word_runs_with_case_kept() {
    assert_eq!(
        tokens("Hà Nội, ngày 17/11: GDP tăng 7,5%."),
        ["Hà", "Nội", "ngày", "17", "11", "GDP", "tăng", "7", "5"]
    );
    assert_eq!(
        tokens("snake_case and CamelCase"),
        ["snake_case", "and", "CamelCase"]
    );
    assert!(tokens(" \n\t—…!? ").is_empty());
}

#[test]
fn tokens_split_at_combining_marks_like_python() {
    // U+093E DEVANAGARI VOWEL SIGN AA is a mark: Python's `\w` does not take it.
    assert_eq!(tokens("भारत"), ["भ", "रत"]);
    // Decomposed Vietnamese splits too; fixtures and gold are NFC, so this never bites.
    assert_eq!(tokens("a\u{0301}b"), ["a", "b"]);
    assert_eq!(tokens("ábc"), ["ábc"]);
}

#[test]
fn short_texts_are_one_shingle() {
    let bag = shingles(&["a", "b", "c"], 4);
    assert_eq!(bag.len(), 1);
    assert_eq!(bag.get(&vec!["a", "b", "c"]), Some(&1));
    assert!(shingles(&[], 4).is_empty());
}

#[test]
fn shingles_are_a_multiset() {
    let toks = tokens("a b c d a b c d");
    let bag = shingles(&toks, 4);
    assert_eq!(bag.get(&vec!["a", "b", "c", "d"]), Some(&2));
    assert_eq!(bag.values().sum::<usize>(), 5);
}

#[test]
fn identical_texts_score_one() {
    let s = score_page("Một hai ba bốn năm sáu.", "Một, hai; ba bốn năm sáu");
    assert_eq!(
        s.counts,
        Counts {
            tp: 3,
            fp: 0,
            fn_: 0
        }
    );
    assert!(close(s.f1, 1.0));
}

#[test]
fn both_empty_is_perfect_but_not_counted_in_the_means() {
    let s = score_page("", "  ");
    assert!(close(s.precision, 1.0) && close(s.recall, 1.0));
    assert!(!s.counts.has_prediction() && !s.counts.has_gold());
    let c = corpus(&[s.counts]);
    assert!(close(c.f1, 0.0));
    assert!(close(c.page_f1_mean, 1.0));
}

#[test]
fn empty_prediction_scores_zero() {
    let s = score_page("one two three four five", "");
    assert_eq!(
        s.counts,
        Counts {
            tp: 0,
            fp: 0,
            fn_: 2
        }
    );
    assert!(close(s.precision, 0.0) && close(s.recall, 0.0) && close(s.f1, 0.0));
}

#[test]
fn text_on_a_listing_scores_zero() {
    let s = score_page("", "teaser one teaser two");
    assert_eq!(
        s.counts,
        Counts {
            tp: 0,
            fp: 1,
            fn_: 0
        }
    );
    assert!(close(s.precision, 0.0) && close(s.recall, 0.0));
}

#[test]
fn partial_overlap() {
    // gold 6 tokens -> 3 shingles; pred drops the last token and adds a 2-token tail.
    let s = score_page("a b c d e f", "a b c d e x y");
    // pred shingles: abcd bcde cdex dexy; common: abcd bcde.
    assert_eq!(
        s.counts,
        Counts {
            tp: 2,
            fp: 2,
            fn_: 1
        }
    );
    assert!(close(s.precision, 0.5));
    assert!(close(s.recall, 2.0 / 3.0));
    assert!(close(s.f1, harmonic(0.5, 2.0 / 3.0)));
}

#[test]
fn repeated_shingles_count_by_multiplicity() {
    let s = score_page("a b c d", "a b c d a b c d");
    // pred: abcd x2, bcda, cdab, dabc; gold: abcd x1.
    assert_eq!(
        s.counts,
        Counts {
            tp: 1,
            fp: 4,
            fn_: 0
        }
    );
}

#[test]
fn corpus_means_skip_pages_without_prediction_or_gold() {
    let full = Counts {
        tp: 1,
        fp: 0,
        fn_: 0,
    }; // P 1, R 1
    let missing = Counts {
        tp: 0,
        fp: 0,
        fn_: 5,
    }; // no prediction: R 0, not in P
    let spurious = Counts {
        tp: 0,
        fp: 3,
        fn_: 0,
    }; // empty gold: P 0, not in R
    let c = corpus(&[full, missing, spurious]);
    assert!(close(c.precision, 0.5));
    assert!(close(c.recall, 0.5));
    assert!(close(c.f1, 0.5));
    assert!(close(c.page_f1_mean, 1.0 / 3.0));
    assert_eq!(c.pages, 3);
}

#[test]
fn empty_corpus_is_zero() {
    let c = corpus(&[]);
    assert!(close(c.f1, 0.0) && close(c.page_f1_mean, 0.0));
}

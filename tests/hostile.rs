//! The hostile-input campaign of issue 15 as a seeded test: the pathological pages of
//! `tests/common/hostile.rs` and mutations (byte flips, truncation, tag insertion,
//! deletion, duplication) of every fixture page.
//!
//! Nothing may panic; every result is an article or a typed error; garbage (binary, a
//! page read in an encoding its bytes do not fit, markup turned into text) gives a
//! `NoArticle` error saying so, while its clean twin still extracts; UTF-16 without a BOM
//! reads like UTF-8. Times and memory are the bench's business (`benches/hostile.rs`),
//! never asserted here. Reads only `fixtures/`.
#[path = "common/fixture.rs"]
#[allow(dead_code)] // each test file uses part of the fixture reader
mod fixture;
#[path = "common/hostile.rs"]
#[allow(dead_code)]
mod hostile;

use std::panic::{AssertUnwindSafe, catch_unwind};

use hostile::{CASES, Expect, Rng};
use tinhloc::{Article, Error, Extractor, NoArticleKind};

/// Bytes each scaling case is built at: big enough for the statistics, small enough for a
/// debug build.
const CASE_BYTES: usize = 64 * 1024;
/// Mutations per fixture page; with about 65 pages, several hundred extractions.
const MUTATIONS_PER_PAGE: usize = 6;
/// The campaign's seed: the same pages on every run.
const SEED: u64 = 20_261_205;

/// Fixture pages: name, bytes, content type, and whether the fixture is an article.
fn fixtures() -> Vec<(String, Vec<u8>, Option<String>, bool)> {
    let pages: Vec<_> = fixture::list()
        .unwrap_or_default()
        .into_iter()
        .filter_map(|f| {
            let bytes = f.source().ok()?;
            let meta = f.meta().ok()?;
            let article = meta.kind == fixture::Kind::Article && !meta.wide_scope;
            Some((f.name, bytes, meta.content_type, article))
        })
        .collect();
    assert!(pages.len() > 40, "fixture pages not found");
    pages
}

/// The extraction, with a panic turned into a test failure naming `what`.
fn extract(bytes: &[u8], content_type: Option<&str>, what: &str) -> Result<Article, Error> {
    match catch_unwind(AssertUnwindSafe(|| {
        Extractor::new().extract_bytes(bytes, content_type)
    })) {
        Ok(result) => result,
        Err(_) => panic!("panic on {what}"),
    }
}

/// Whether `result` reports the input as garbage.
fn is_garbage_error(result: &Result<Article, Error>) -> bool {
    matches!(
        result,
        Err(Error::NoArticle {
            kind: NoArticleKind::NotHtml | NoArticleKind::Undecodable | NoArticleKind::MarkupAsText,
            ..
        })
    )
}

#[test]
fn every_hostile_case_gives_what_it_must() {
    let clean = Extractor::new()
        .extract(hostile::PAGE)
        .expect("the seed page is an article")
        .text();
    for case in CASES {
        let bytes = hostile::build(case.name, CASE_BYTES).expect("known case");
        let result = extract(&bytes, None, case.name);
        match case.expect {
            Expect::Any => {}
            Expect::Garbage => assert!(
                is_garbage_error(&result),
                "{}: {:?}",
                case.name,
                result.map(|a| a.text().chars().take(200).collect::<String>())
            ),
            Expect::Article => assert_eq!(
                result.map(|a| a.text()).as_deref(),
                Ok(clean.as_str()),
                "{}",
                case.name
            ),
            Expect::Empty => assert!(
                matches!(
                    result,
                    Err(Error::NoArticle {
                        kind: NoArticleKind::EmptyInput,
                        ..
                    })
                ),
                "{}: {result:?}",
                case.name
            ),
        }
    }
}

/// Every byte of `page` followed by `filler`.
fn interleaved(page: &[u8], filler: u8) -> Vec<u8> {
    page.iter().flat_map(|&b| [b, filler]).collect()
}

#[test]
fn garbage_made_of_fixtures_is_reported_and_their_clean_twins_extract() {
    for (name, bytes, content_type, article) in fixtures() {
        if article {
            let clean = extract(&bytes, content_type.as_deref(), &name);
            assert!(clean.is_ok(), "{name}: the clean page gives {clean:?}");
        }
        let mut garbage = vec![
            ("0xFF after every byte", interleaved(&bytes, 0xFF)),
            ("0x80 after every byte", interleaved(&bytes, 0x80)),
        ];
        // An ASCII tag before UTF-16 bytes would be another kind of garbage (UTF-16 out
        // of step by one byte), not markup turned into text.
        if !bytes.iter().take(64).any(|&b| b == 0) {
            let mut plaintext = b"<plaintext>".to_vec();
            plaintext.extend_from_slice(&bytes);
            garbage.push(("the page as plaintext", plaintext));
        }
        for (what, garbage) in garbage {
            let result = extract(&garbage, None, &format!("{name}, {what}"));
            // A page too short for an article stays "no article" of some kind.
            assert!(
                is_garbage_error(&result) || (!article && result.is_err()),
                "{name}, {what}: {:?}",
                result.map(|a| a.text().chars().take(200).collect::<String>())
            );
        }
    }
}

#[test]
fn fixtures_in_utf16_without_bom_read_like_utf8() {
    let mut checked = 0;
    for (name, bytes, _, _) in fixtures() {
        let Ok(text) = std::str::from_utf8(&bytes) else {
            continue;
        };
        if text.starts_with('\u{FEFF}') {
            continue;
        }
        let utf8 = extract(text.as_bytes(), Some("text/html; charset=utf-8"), &name);
        let little: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let big: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        for (what, utf16) in [("UTF-16LE", little), ("UTF-16BE", big)] {
            let result = extract(&utf16, None, &format!("{name}, {what}"));
            assert_eq!(
                result.map(|a| a.text()),
                utf8.clone().map(|a| a.text()),
                "{name}, {what}"
            );
        }
        checked += 1;
    }
    assert!(checked > 30, "only {checked} UTF-8 fixtures");
}

#[test]
fn mutated_fixtures_never_panic() {
    let mut rng = Rng::new(SEED);
    let mut outcomes = std::collections::BTreeMap::<String, usize>::new();
    for (name, bytes, content_type, _) in fixtures() {
        for i in 0..MUTATIONS_PER_PAGE {
            let mutated = hostile::mutate(&bytes, &mut rng);
            let result = extract(&mutated, content_type.as_deref(), &format!("{name} #{i}"));
            if let Ok(article) = &result {
                let text = article.text();
                assert!(!text.trim().is_empty(), "{name} #{i}: an empty article");
                let _ = (article.markdown(), article.html());
            }
            let key = match result {
                Ok(_) => "ok".to_owned(),
                Err(error) => format!("{error}"),
            };
            *outcomes.entry(key).or_default() += 1;
        }
    }
    // The mutations leave most pages readable: a campaign where almost nothing extracts
    // would test the error paths only.
    let ok = outcomes.get("ok").copied().unwrap_or(0);
    let total: usize = outcomes.values().sum();
    assert!(ok * 2 > total, "{outcomes:?}");
}

//! Data-driven tests over `fixtures/`: two trials per fixture folder.
//!
//! - `<name>`: extracts `source.html` (as bytes, with the `content_type` of `meta.json`) and
//!   checks the result. A listing must give `Error::NoArticle`; an article's text must
//!   contain every `must`, none of the `must_not`, and reach the F1 floor against
//!   `expected.txt` (benchmark 4-gram rule, `tests/common/score.rs`).
//! - `gold::<name>`: checks the fixture itself (every `must` in `expected.txt`, no
//!   `must_not` there but each somewhere in the page text, NFC gold, required keys), so a
//!   broken fixture is not mistaken for an extractor bug.
//!
//! `cargo test --test fixtures -- baoquocte` runs the trials whose name contains
//! `baoquocte`; `--exact <name>` runs one. A failing extraction trial writes the text it got
//! to `target/tmp/fixtures/<name>.txt`, ready to diff against `expected.txt`.

#[path = "common/fixture.rs"]
#[allow(dead_code)] // the language groups are for the benches
mod fixture;
#[path = "common/score.rs"]
#[allow(dead_code)] // the corpus aggregate is for the benches
mod score;

use std::fmt::Write as _;
use std::path::PathBuf;

use fixture::{Fixture, Kind, squash};
use libtest_mimic::{Arguments, Failed, Trial};
use unicode_normalization::{UnicodeNormalization, is_nfc};

fn main() {
    let args = Arguments::from_args();
    let trials = match fixture::list() {
        Ok(fixtures) if fixtures.is_empty() => vec![Trial::test("fixtures", || {
            Err(Failed::from("no fixture folders under fixtures/"))
        })],
        Ok(fixtures) => fixtures
            .into_iter()
            .flat_map(|f| {
                let gold = f.clone();
                [
                    Trial::test(f.name.clone(), move || check_extraction(&f)),
                    Trial::test(format!("gold::{}", gold.name), move || check_gold(&gold)),
                ]
            })
            .collect(),
        Err(e) => vec![Trial::test("fixtures", move || Err(Failed::from(e)))],
    };
    libtest_mimic::run(&args, trials).exit();
}

/// Where a failing trial leaves the text it got.
fn output_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("fixtures")
        .join(format!("{name}.txt"))
}

fn check_extraction(f: &Fixture) -> Result<(), Failed> {
    let meta = f.meta()?;
    let bytes = f.source()?;
    let scope = if meta.wide_scope {
        tinhloc::Scope::Any
    } else {
        tinhloc::Scope::Article
    };
    let result = tinhloc::Extractor::new()
        .scope(scope)
        .extract_bytes(&bytes, meta.content_type.as_deref());
    match meta.kind {
        Kind::Listing => match result {
            Err(tinhloc::Error::NoArticle { .. }) => Ok(()),
            Err(e) => Err(format!("listing page: expected Error::NoArticle, got {e:?}").into()),
            Ok(article) => {
                let text = article.text();
                let saved = save_output(&f.name, &text);
                Err(format!(
                    "listing page: expected Error::NoArticle, got an article of {} chars{saved}:\n  {}",
                    text.chars().count(),
                    preview(&text, 300)
                )
                .into())
            }
        },
        Kind::Article => {
            let expected = f.expected()?;
            let article = result.map_err(|e| format!("expected an article, got {e:?}"))?;
            let text = article.text();
            let flat = squash(&text);
            let known = |m: &&String| meta.known_gaps.contains(m);
            let missing: Vec<&String> = meta
                .must
                .iter()
                .filter(|m| !flat.contains(&squash(m)))
                .collect();
            let leaked: Vec<&String> = meta
                .must_not
                .iter()
                .filter(|m| flat.contains(&squash(m)))
                .collect();
            // A known gap that closed fails too, so that it leaves the list.
            let closed: Vec<&String> = meta
                .known_gaps
                .iter()
                .filter(|gap| !missing.contains(gap) && !leaked.contains(gap))
                .collect();
            let missing: Vec<&String> = missing.into_iter().filter(|m| !known(m)).collect();
            let leaked: Vec<&String> = leaked.into_iter().filter(|m| !known(m)).collect();
            let s = score::score_page(&expected, &text);
            if missing.is_empty() && leaked.is_empty() && closed.is_empty() && s.f1 >= meta.f1_floor
            {
                return Ok(());
            }
            let mut msg = format!(
                "P {:.3}  R {:.3}  F1 {:.3} (floor {:.3}{})",
                s.precision,
                s.recall,
                s.f1,
                meta.f1_floor,
                if s.f1 < meta.f1_floor { ", BELOW" } else { "" }
            );
            list(&mut msg, "missing must", &missing);
            list(&mut msg, "leaked must_not", &leaked);
            list(
                &mut msg,
                "known gap now closed (take it off known_gaps)",
                &closed,
            );
            msg.push_str(&save_output(&f.name, &text));
            Err(msg.into())
        }
    }
}

fn list(msg: &mut String, label: &str, items: &[&String]) {
    if items.is_empty() {
        return;
    }
    let _ = write!(msg, "\n{label} ({}):", items.len());
    for item in items {
        let _ = write!(msg, "\n  - {item:?}");
    }
}

/// Writes the text to [`output_path`] and says where, or why it could not.
fn save_output(name: &str, text: &str) -> String {
    let path = output_path(name);
    let written = path
        .parent()
        .map_or(Ok(()), std::fs::create_dir_all)
        .and_then(|()| std::fs::write(&path, text));
    match written {
        Ok(()) => format!("\noutput: {}", path.display()),
        Err(e) => format!("\n(could not save the output to {}: {e})", path.display()),
    }
}

fn preview(text: &str, chars: usize) -> String {
    let flat = squash(text);
    match flat.char_indices().nth(chars) {
        Some((i, _)) => format!("{}…", &flat[..i]),
        None => flat,
    }
}

/// Checks the fixture's own consistency; reports every problem at once.
fn check_gold(f: &Fixture) -> Result<(), Failed> {
    let meta = f.meta()?;
    let expected = f.expected()?;
    let bytes = f.source()?;
    let mut problems = Vec::new();

    for key in ["url", "fetched", "language", "kind", "provenance"] {
        if meta.str(key).is_none_or(|v| v.trim().is_empty()) {
            problems.push(format!("meta.json has no \"{key}\""));
        }
    }
    if let Some(published) = meta.raw.pointer("/metadata/published")
        && !published.as_str().is_some_and(is_rfc3339)
    {
        problems.push(format!(
            "metadata.published is not RFC 3339 with an offset: {published}"
        ));
    }
    if !is_nfc(&expected) {
        problems.push("expected.txt is not NFC".into());
    }
    match meta.kind {
        Kind::Listing if !expected.trim().is_empty() => {
            problems.push("a listing's expected.txt must be empty".into());
        }
        Kind::Article if expected.trim().is_empty() => {
            problems.push("an article's expected.txt is empty".into());
        }
        Kind::Article if meta.must.is_empty() => {
            problems.push("an article needs \"must\" snippets".into());
        }
        _ => {}
    }

    let gold = squash(&expected);
    // Text nodes joined with and without a space: a snippet may span inline elements
    // ("Báo X" + "12/01/2026" shown side by side) or cross a block boundary.
    let (spaced, glued) = page_text(&bytes, meta.content_type.as_deref());
    let (spaced, glued) = (squash(&spaced), squash(&glued));
    for m in &meta.must {
        if m.trim().is_empty() {
            problems.push("empty must".into());
        } else if !is_nfc(m) {
            problems.push(format!("must is not NFC: {m:?}"));
        } else if !gold.contains(&squash(m)) {
            problems.push(format!("must not in expected.txt: {m:?}"));
        }
    }
    for m in &meta.must_not {
        let snippet = squash(m);
        if snippet.is_empty() {
            problems.push("empty must_not".into());
            continue;
        }
        if gold.contains(&snippet) {
            problems.push(format!("must_not is in expected.txt: {m:?}"));
        }
        if !spaced.contains(&snippet) && !glued.contains(&snippet) {
            problems.push(format!("must_not is not in the page text: {m:?}"));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "broken fixture ({}):\n  - {}",
            problems.len(),
            problems.join("\n  - ")
        )
        .into())
    }
}

/// All text of the page outside script, style and template, NFC, for the `must_not`
/// check: text nodes joined by a space, and joined by nothing.
fn page_text(bytes: &[u8], content_type: Option<&str>) -> (String, String) {
    let html = fixture::decode(bytes, content_type);
    let doc = scraper::Html::parse_document(&html);
    let mut nodes = Vec::new();
    for node in doc.tree.root().descendants() {
        if let Some(t) = node.value().as_text() {
            let hidden = node.ancestors().any(|a| {
                a.value()
                    .as_element()
                    .is_some_and(|e| matches!(e.name(), "script" | "style" | "template"))
            });
            if !hidden {
                nodes.push(&**t);
            }
        }
    }
    (
        nodes.join(" ").nfc().collect(),
        nodes.concat().nfc().collect(),
    )
}

/// `YYYY-MM-DDTHH:MM[:SS[.frac]]` followed by `Z` or `±HH:MM`.
fn is_rfc3339(s: &str) -> bool {
    let b = s.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    if b.len() < 17
        || !digits(0..4)
        || b[4] != b'-'
        || !digits(5..7)
        || b[7] != b'-'
        || !digits(8..10)
        || b[10] != b'T'
        || !digits(11..13)
        || b[13] != b':'
        || !digits(14..16)
    {
        return false;
    }
    let mut rest = &s[16..];
    if let Some(r) = rest.strip_prefix(':') {
        let secs = r.bytes().take_while(u8::is_ascii_digit).count();
        if secs != 2 {
            return false;
        }
        rest = &r[2..];
        if let Some(r) = rest.strip_prefix('.') {
            let frac = r.bytes().take_while(u8::is_ascii_digit).count();
            if frac == 0 {
                return false;
            }
            rest = &r[frac..];
        }
    }
    if rest == "Z" {
        return true;
    }
    let o = rest.as_bytes();
    o.len() == 6
        && matches!(o[0], b'+' | b'-')
        && o[1..3].iter().all(u8::is_ascii_digit)
        && o[3] == b':'
        && o[4..6].iter().all(u8::is_ascii_digit)
}

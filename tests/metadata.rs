//! Metadata accuracy on the fixtures: one test per field, each listing every mismatch and
//! asserting an aggregate floor (issue 7: title and published exact on ≥ 95 % of pages,
//! authors set-match on ≥ 90 %).
//!
//! The gold is `metadata` in `fixtures/*/meta.json` (and the top-level `language`), on
//! article pages only: a listing page gives `Error::NoArticle` and so no metadata through
//! the public API. Matching rules are those of `benches/metadata.rs`:
//! title and site name equal after collapsing whitespace; published the same instant at
//! the gold's precision; authors equal as sets ignoring case; language equal primary subtag.

use std::path::PathBuf;
use std::sync::LazyLock;

use serde_json::Value;

/// Floors, as fractions of the pages whose gold has the field.
const MIN_TITLE: f64 = 0.95;
const MIN_PUBLISHED: f64 = 0.95;
const MIN_AUTHORS: f64 = 0.90;
/// Site names are not in issue 7's targets, and the fixtures' gold mixes conventions
/// (`og:site_name` as written vs. the name with diacritics); this floor guards regressions.
const MIN_SITE_NAME: f64 = 0.75;
const MIN_LANGUAGE: f64 = 0.95;

/// One article fixture: its id, its gold, and what the extractor returned.
struct Case {
    id: String,
    gold: Value,
    language: Option<String>,
    got: Result<tinhloc::Metadata, String>,
}

static CASES: LazyLock<Vec<Case>> = LazyLock::new(load);

fn load() -> Vec<Case> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .map(|entries| entries.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    dirs.sort();
    let mut cases = Vec::new();
    for dir in dirs {
        let Ok(meta) = std::fs::read_to_string(dir.join("meta.json")) else {
            continue;
        };
        let Ok(meta) = serde_json::from_str::<Value>(&meta) else {
            continue;
        };
        let Some(gold) = meta.get("metadata").filter(|m| m.is_object()).cloned() else {
            continue;
        };
        if meta.get("kind").and_then(Value::as_str) != Some("article") {
            continue;
        }
        let Ok(bytes) = std::fs::read(dir.join("source.html")) else {
            continue;
        };
        let mut extractor = tinhloc::Extractor::new().min_text_chars(0);
        if let Some(url) = meta.get("url").and_then(Value::as_str) {
            extractor = match extractor.clone().base_url(url) {
                Ok(with_url) => with_url,
                Err(_) => extractor,
            };
        }
        let content_type = meta.get("content_type").and_then(Value::as_str);
        let got = extractor
            .extract_bytes(&bytes, content_type)
            .map(|article| article.metadata().clone())
            .map_err(|e| e.to_string());
        cases.push(Case {
            id: dir
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            gold,
            language: meta
                .get("language")
                .and_then(Value::as_str)
                .map(str::to_string),
            got,
        });
    }
    cases
}

/// Scores one field over all cases: `check` gives `None` when the gold lacks the field,
/// else whether it matches and what was expected/found. Fails below `floor`, listing every
/// mismatch.
fn score(
    field: &str,
    floor: f64,
    check: impl Fn(&Case, &tinhloc::Metadata) -> Option<(bool, String, String)>,
    has_gold: impl Fn(&Case) -> bool,
) {
    let mut total = 0_usize;
    let mut ok = 0_usize;
    let mut misses: Vec<String> = Vec::new();
    for case in CASES.iter() {
        if !has_gold(case) {
            continue;
        }
        total += 1;
        match &case.got {
            Err(error) => misses.push(format!("{}: extraction failed: {error}", case.id)),
            Ok(metadata) => match check(case, metadata) {
                Some((true, ..)) => ok += 1,
                Some((false, want, got)) => {
                    misses.push(format!("{}: want {want} got {got}", case.id));
                }
                None => total -= 1,
            },
        }
    }
    #[allow(clippy::cast_precision_loss)]
    let accuracy = if total == 0 {
        1.0
    } else {
        ok as f64 / total as f64
    };
    eprintln!("{field}: {ok}/{total} = {:.1} %", accuracy * 100.0);
    for miss in &misses {
        eprintln!("  {miss}");
    }
    assert!(
        accuracy >= floor,
        "{field}: {ok}/{total} below {:.0} %; mismatches:\n{}",
        floor * 100.0,
        misses.join("\n")
    );
}

fn gold_str<'a>(case: &'a Case, key: &str) -> Option<&'a str> {
    case.gold.get(key).and_then(Value::as_str)
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn title() {
    score(
        "title",
        MIN_TITLE,
        |case, m| {
            let want = gold_str(case, "title")?;
            let ok = m.title.as_deref().map(collapse) == Some(collapse(want));
            Some((ok, format!("{want:?}"), format!("{:?}", m.title)))
        },
        |case| gold_str(case, "title").is_some(),
    );
}

#[test]
fn published() {
    score(
        "published",
        MIN_PUBLISHED,
        |case, m| {
            let want = gold_str(case, "published")?;
            let ok = m
                .published
                .as_deref()
                .is_some_and(|got| same_instant(want, got));
            Some((ok, want.to_string(), format!("{:?}", m.published)))
        },
        |case| gold_str(case, "published").is_some(),
    );
}

#[test]
fn authors() {
    let set = |names: &[String]| {
        let mut set: Vec<String> = names.iter().map(|n| collapse(n).to_lowercase()).collect();
        set.sort();
        set.dedup();
        set
    };
    score(
        "authors",
        MIN_AUTHORS,
        |case, m| {
            // An article whose gold omits `authors` credits nobody.
            let want: Vec<String> = case
                .gold
                .get("authors")
                .and_then(Value::as_array)
                .map(|a| {
                    a.iter()
                        .filter_map(Value::as_str)
                        .map(str::to_string)
                        .collect()
                })
                .unwrap_or_default();
            let ok = set(&want) == set(&m.authors);
            Some((ok, format!("{want:?}"), format!("{:?}", m.authors)))
        },
        |_| true,
    );
}

#[test]
fn site_name() {
    score(
        "site_name",
        MIN_SITE_NAME,
        |case, m| {
            let want = gold_str(case, "site_name")?;
            let ok = m.site_name.as_deref().map(collapse) == Some(collapse(want));
            Some((ok, format!("{want:?}"), format!("{:?}", m.site_name)))
        },
        |case| gold_str(case, "site_name").is_some(),
    );
}

#[test]
fn language() {
    let primary = |l: &str| {
        l.split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase()
    };
    score(
        "language",
        MIN_LANGUAGE,
        |case, m| {
            let want = case.language.as_deref()?;
            let ok = m.language.as_deref().map(primary) == Some(primary(want));
            Some((ok, want.to_string(), format!("{:?}", m.language)))
        },
        |case| case.language.is_some(),
    );
}

#[test]
fn published_is_rfc3339_with_offset() {
    for case in CASES.iter() {
        let Ok(metadata) = &case.got else {
            continue;
        };
        for value in [&metadata.published, &metadata.modified]
            .into_iter()
            .flatten()
        {
            let bytes = value.as_bytes();
            let shape = value.len() == 25
                && bytes[4] == b'-'
                && bytes[7] == b'-'
                && bytes[10] == b'T'
                && bytes[13] == b':'
                && bytes[16] == b':'
                && matches!(bytes[19], b'+' | b'-')
                && bytes[22] == b':';
            assert!(
                shape,
                "{}: {value} is not YYYY-MM-DDTHH:MM:SS±HH:MM",
                case.id
            );
        }
    }
}

/// A parsed RFC 3339 / ISO 8601 time: UTC seconds, and precision (0 date, 1 minutes, 2
/// seconds).
fn instant(text: &str) -> Option<(i64, u8)> {
    let t = text.trim();
    let num = |s: &str| s.parse::<i64>().ok();
    let (y, mo, d) = (num(t.get(0..4)?)?, num(t.get(5..7)?)?, num(t.get(8..10)?)?);
    let days = days_from_civil(y, mo, d);
    let rest = t.get(10..).unwrap_or("");
    if rest.is_empty() {
        return Some((days * 86_400, 0));
    }
    let rest = rest.trim_start_matches(['T', ' ']);
    let (h, mi) = (num(rest.get(0..2)?)?, num(rest.get(3..5)?)?);
    let mut tail = rest.get(5..).unwrap_or("");
    let mut precision = 1;
    let mut s = 0;
    if let Some(after) = tail.strip_prefix(':') {
        s = num(after.get(0..2)?)?;
        precision = 2;
        tail = after.get(2..).unwrap_or("");
    }
    let tail = tail
        .trim_start_matches(|c: char| c == '.' || c.is_ascii_digit())
        .trim();
    let offset = if tail.is_empty() || tail == "Z" {
        0
    } else {
        let sign = if tail.starts_with('-') { -1 } else { 1 };
        let digits: String = tail.chars().filter(char::is_ascii_digit).collect();
        let (oh, om) = (
            num(digits.get(0..2)?)?,
            digits.get(2..4).and_then(num).unwrap_or(0),
        );
        sign * (oh * 3600 + om * 60)
    };
    Some((days * 86_400 + h * 3600 + mi * 60 + s - offset, precision))
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Whether `got` is the instant `want` names, at `want`'s precision. A gold time without
/// offset is a wall-clock time: `got` is then compared on its own wall clock.
fn same_instant(want: &str, got: &str) -> bool {
    // The wall-clock part of a time ("2025-02-02T09:00:00" of "…+01:00"), and whether an
    // offset followed it.
    let local = |t: &str| {
        let t = t.trim();
        match t
            .char_indices()
            .skip(11)
            .find(|(_, c)| matches!(c, '+' | '-' | 'Z'))
        {
            Some((at, _)) => (t[..at].trim_end().to_string(), true),
            None => (t.to_string(), false),
        }
    };
    let (want, got) = match local(want) {
        (wall, false) => (wall, local(got).0),
        _ => (want.to_string(), got.to_string()),
    };
    let (Some((w, precision)), Some((g, _))) = (instant(&want), instant(&got)) else {
        return false;
    };
    match precision {
        0 => want.get(0..10) == got.get(0..10),
        1 => w.div_euclid(60) == g.div_euclid(60),
        _ => w == g,
    }
}

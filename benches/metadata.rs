//! Metadata accuracy per field, on the project's fixtures and, when present, on
//! `../shared/corpus/vietnamese-portals` and `../shared/corpus/fundus`.
//!
//! ```text
//! cargo bench --bench metadata                 # summary per set and field
//! cargo bench --bench metadata -- --verbose    # and every mismatch
//! cargo bench --bench metadata -- --set fundus # one set (fixtures, vietnamese-portals, fundus)
//! ```
//!
//! Gold per set:
//! - `fixtures/*/meta.json`: `metadata` {title, authors, published, site_name} and the top-level
//!   `language` and `kind` (article/listing → page type);
//! - `vietnamese-portals/metadata.jsonl`: title, published, authors, site_name, lang (21
//!   articles); `index.jsonl`: kind for all 30 pages;
//! - `fundus/index.jsonl`: title and lang only (its SOURCE.md: the gold is the body text; the
//!   upstream parser's authors and dates are not in the corpus). `FUNDUS_EXTRA_GOLD=<jsonl>`
//!   adds `{"id", "authors", "published"}` records from elsewhere.
//!
//! Matching rules (the same in `tools/metadata_trafilatura.py`):
//! - title, site name: equal after collapsing whitespace;
//! - published: the same instant, at the gold's precision (a gold without seconds compares
//!   minutes; a gold date without time compares the local date); published_day: the same
//!   calendar date as written (for extractors that give dates only);
//! - authors: equal sets after collapsing whitespace and ignoring case (an empty gold list
//!   expects no author);
//! - language: equal primary subtags; page type: equal.
//!
//! A page counts for a field only when its gold has that field.

#[path = "../tests/common/instant.rs"]
mod instant;
use instant::same_instant;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::Value;

/// One page to score: where its bytes are, how to read them, and its gold.
struct Page {
    id: String,
    html: PathBuf,
    url: Option<String>,
    content_type: Option<String>,
    gold: Gold,
}

/// The gold fields a page carries; `None` means "not in the gold", not "absent".
#[derive(Default)]
struct Gold {
    title: Option<String>,
    published: Option<String>,
    authors: Option<Vec<String>>,
    site_name: Option<String>,
    language: Option<String>,
    page_type: Option<String>,
}

/// What we extracted for a page, in the gold's terms.
#[derive(Default)]
struct Predicted {
    title: Option<String>,
    published: Option<String>,
    authors: Vec<String>,
    site_name: Option<String>,
    language: Option<String>,
    page_type: String,
}

const FIELDS: &[&str] = &[
    "title",
    "published",
    "published_day",
    "authors",
    "site_name",
    "language",
    "page_type",
];

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "--verbose" || a == "-v");
    let only = args
        .iter()
        .position(|a| a == "--set")
        .and_then(|i| args.get(i + 1))
        .cloned();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let corpus = root.join("../shared/corpus");

    let sets: Vec<(&str, Vec<Page>)> = vec![
        ("fixtures", fixture_pages(&root.join("fixtures"))),
        (
            "vietnamese-portals",
            portal_pages(&corpus.join("vietnamese-portals")),
        ),
        ("fundus", fundus_pages(&corpus.join("fundus"))),
    ];
    for (name, pages) in sets {
        if only.as_deref().is_some_and(|o| o != name) {
            continue;
        }
        if pages.is_empty() {
            println!("== {name}: no pages found, skipped\n");
            continue;
        }
        score_set(name, &pages, verbose);
    }
}

fn score_set(name: &str, pages: &[Page], verbose: bool) {
    let mut tally: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut mismatches: Vec<String> = Vec::new();
    let mut failures = 0;
    let start = std::time::Instant::now();
    for page in pages {
        let Ok(bytes) = std::fs::read(&page.html) else {
            mismatches.push(format!("{}: cannot read {}", page.id, page.html.display()));
            continue;
        };
        let predicted = predict(&bytes, page, &mut failures);
        for field in FIELDS {
            let Some((ok, want, got)) = compare(field, &page.gold, &predicted) else {
                continue;
            };
            let entry = tally.entry(field).or_default();
            entry.1 += 1;
            if ok {
                entry.0 += 1;
            } else {
                mismatches.push(format!("{}: {field}: want {want} got {got}", page.id));
            }
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "== {name}: {} pages, {failures} extraction errors, {secs:.2}s",
        pages.len()
    );
    for field in FIELDS {
        if let Some((ok, total)) = tally.get(field) {
            println!(
                "{field:<14} {ok:>4}/{total:<4} {:>6.1} %",
                percent(*ok, *total)
            );
        }
    }
    if verbose {
        for line in &mismatches {
            println!("  {line}");
        }
    }
    println!();
}

#[allow(clippy::cast_precision_loss)]
fn percent(ok: usize, total: usize) -> f64 {
    if total == 0 {
        0.0
    } else {
        100.0 * ok as f64 / total as f64
    }
}

/// Runs the extractor for metadata only: no minimum text, so a page whose body the
/// extractor rejects still reports its metadata when the extractor allows it.
fn predict(bytes: &[u8], page: &Page, failures: &mut usize) -> Predicted {
    let mut extractor = tinhloc::Extractor::new().min_text_chars(0);
    if let Some(url) = &page.url {
        extractor = match extractor.clone().base_url(url) {
            Ok(with_url) => with_url,
            Err(_) => extractor,
        };
    }
    match extractor.extract_bytes(bytes, page.content_type.as_deref()) {
        Ok(article) => {
            let m = &article.metadata();
            Predicted {
                title: m.title.clone(),
                published: m.published.clone(),
                authors: m.authors.clone(),
                site_name: m.site_name.clone(),
                language: m.language.clone(),
                page_type: format!("{:?}", m.page_type).to_lowercase(),
            }
        }
        Err(tinhloc::Error::NoArticle { .. }) => {
            *failures += 1;
            Predicted {
                page_type: "listing".to_string(),
                ..Predicted::default()
            }
        }
        Err(_) => {
            *failures += 1;
            Predicted::default()
        }
    }
}

/// `Some((matches, gold shown, prediction shown))` when the gold has `field`.
fn compare(field: &str, gold: &Gold, got: &Predicted) -> Option<(bool, String, String)> {
    let show = |v: &Option<String>| format!("{v:?}");
    Some(match field {
        "title" => {
            let want = gold.title.as_ref()?;
            let ok = got.title.as_deref().map(collapse) == Some(collapse(want));
            (ok, format!("{want:?}"), show(&got.title))
        }
        "site_name" => {
            let want = gold.site_name.as_ref()?;
            let ok = got.site_name.as_deref().map(collapse) == Some(collapse(want));
            (ok, format!("{want:?}"), show(&got.site_name))
        }
        "published" => {
            let want = gold.published.as_ref()?;
            let ok = got
                .published
                .as_deref()
                .is_some_and(|g| same_instant(want, g));
            (ok, want.clone(), show(&got.published))
        }
        "published_day" => {
            let want = gold.published.as_ref()?;
            let day = |t: &str| t.get(0..10).map(str::to_string);
            let ok = got.published.as_deref().and_then(day) == day(want);
            (ok, day(want).unwrap_or_default(), show(&got.published))
        }
        "authors" => {
            let want = gold.authors.as_ref()?;
            let ok = author_set(want) == author_set(&got.authors);
            (ok, format!("{want:?}"), format!("{:?}", got.authors))
        }
        "language" => {
            let want = gold.language.as_ref()?;
            let primary = |l: &str| {
                l.split(['-', '_'])
                    .next()
                    .unwrap_or("")
                    .to_ascii_lowercase()
            };
            let ok = got.language.as_deref().map(primary) == Some(primary(want));
            (ok, want.clone(), show(&got.language))
        }
        "page_type" => {
            let want = gold.page_type.as_ref()?;
            (&got.page_type == want, want.clone(), got.page_type.clone())
        }
        _ => return None,
    })
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn author_set(names: &[String]) -> Vec<String> {
    let mut set: Vec<String> = names.iter().map(|n| collapse(n).to_lowercase()).collect();
    set.sort();
    set.dedup();
    set
}

// ---------------------------------------------------------------------------------------
// Sets
// ---------------------------------------------------------------------------------------

fn read_json(path: &Path) -> Option<Value> {
    serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()
}

fn read_jsonl(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .map(|text| {
            text.lines()
                .filter_map(|l| serde_json::from_str(l).ok())
                .collect()
        })
        .unwrap_or_default()
}

fn str_field(value: &Value, key: &str) -> Option<String> {
    value.get(key).and_then(Value::as_str).map(str::to_string)
}

fn authors_field(value: &Value, key: &str) -> Option<Vec<String>> {
    value.get(key).and_then(Value::as_array).map(|a| {
        a.iter()
            .filter_map(Value::as_str)
            .map(str::to_string)
            .collect()
    })
}

fn fixture_pages(dir: &Path) -> Vec<Page> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| entries.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    dirs.sort();
    dirs.into_iter()
        .filter_map(|dir| {
            let meta = read_json(&dir.join("meta.json"))?;
            let metadata = meta.get("metadata").cloned().unwrap_or(Value::Null);
            let kind = str_field(&meta, "kind");
            Some(Page {
                id: dir.file_name()?.to_string_lossy().into_owned(),
                html: dir.join("source.html"),
                url: str_field(&meta, "url"),
                content_type: str_field(&meta, "content_type"),
                gold: Gold {
                    title: str_field(&metadata, "title"),
                    published: str_field(&metadata, "published"),
                    // Authors are gold only on article pages with a metadata block.
                    authors: authors_field(&metadata, "authors").or_else(|| {
                        (metadata.is_object() && kind.as_deref() == Some("article")).then(Vec::new)
                    }),
                    site_name: str_field(&metadata, "site_name"),
                    language: str_field(&meta, "language"),
                    // The fixture's `kind` is what the quality bench expects (an article
                    // or a listing); `page_type`, where given, is finer (product, forum).
                    page_type: str_field(&meta, "page_type").or(kind),
                },
            })
        })
        .collect()
}

fn portal_pages(dir: &Path) -> Vec<Page> {
    let index = read_jsonl(&dir.join("index.jsonl"));
    let metadata: BTreeMap<String, Value> = read_jsonl(&dir.join("metadata.jsonl"))
        .into_iter()
        .filter_map(|v| Some((str_field(&v, "id")?, v)))
        .collect();
    index
        .iter()
        .filter_map(|record| {
            let id = str_field(record, "id")?;
            let gold = match metadata.get(&id) {
                Some(m) => Gold {
                    title: str_field(m, "title"),
                    published: str_field(m, "published"),
                    authors: authors_field(m, "authors"),
                    site_name: str_field(m, "site_name"),
                    language: str_field(m, "lang"),
                    page_type: str_field(record, "kind"),
                },
                None => Gold {
                    page_type: str_field(record, "kind"),
                    ..Gold::default()
                },
            };
            Some(Page {
                html: dir.join(format!("{id}.html")),
                url: str_field(record, "url"),
                content_type: None,
                id,
                gold,
            })
        })
        .collect()
}

fn fundus_pages(dir: &Path) -> Vec<Page> {
    let extra: BTreeMap<String, Value> = std::env::var_os("FUNDUS_EXTRA_GOLD")
        .map(|path| read_jsonl(Path::new(&path)))
        .unwrap_or_default()
        .into_iter()
        .filter_map(|v| Some((str_field(&v, "id")?, v)))
        .collect();
    read_jsonl(&dir.join("index.jsonl"))
        .iter()
        .filter_map(|record| {
            let id = str_field(record, "id")?;
            let more = extra.get(&id);
            Some(Page {
                html: dir.join(format!("{id}.html")),
                url: str_field(record, "url"),
                content_type: None,
                gold: Gold {
                    title: str_field(record, "title"),
                    language: str_field(record, "lang"),
                    published: more.and_then(|m| str_field(m, "published")),
                    authors: more.and_then(|m| authors_field(m, "authors")),
                    ..Gold::default()
                },
                id,
            })
        })
        .collect()
}

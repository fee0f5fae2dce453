//! `tinhloc eval`: a folder of `<id>.html` + `<id>.txt` gold pairs in, the benchmark's
//! corpus P/R/F1, the listings answered, the snippet checks and the worst pages out. The
//! scoring is `tests/common/score.rs`, the one the quality bench and the fixture tests use.
//!
//! Snippet checks come from the folder's `index.jsonl` (one JSON record per page: `id`,
//! and optionally `kind` = `"article"` or `"listing"`, `must`, `must_not`) or from a
//! fixture's `meta.json` (the same keys, plus `"scope": "any"`). A `must` must appear in
//! the text, a `must_not` must not; a listing is right when no text comes back. Both are
//! matched with whitespace runs squashed to one space.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use rayon::prelude::*;

use crate::score;

/// Arguments of `tinhloc eval`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Folder of `<id>.html` pages and `<id>.txt` gold texts (or of fixture folders).
    dir: PathBuf,
    #[command(flatten)]
    extractor: crate::ExtractorArgs,
    /// How many of the worst pages to list.
    #[arg(long, default_value_t = 10)]
    worst: usize,
    /// Worker threads (0: all cores).
    #[arg(long, short = 'p', default_value_t = 0)]
    parallel: usize,
    /// Exit with code 1 when a snippet check fails or a listing gets text.
    #[arg(long)]
    strict: bool,
}

/// What a page is expected to give beyond its gold text.
#[derive(Debug, Default, Clone, serde::Deserialize)]
struct Expect {
    /// `"listing"`: the page has no article.
    #[serde(default)]
    kind: Option<String>,
    /// Snippets the text must contain.
    #[serde(default)]
    must: Vec<String>,
    /// Snippets the text must not contain.
    #[serde(default)]
    must_not: Vec<String>,
    /// `"any"`: the page is read with `Scope::Any` (a fixture's `meta.json`).
    #[serde(default)]
    scope: Option<String>,
    /// The page's content type (a fixture's `meta.json`).
    #[serde(default)]
    content_type: Option<String>,
}

impl Expect {
    fn is_listing(&self) -> bool {
        self.kind.as_deref() == Some("listing")
    }
}

/// One gold pair.
struct Pair {
    id: String,
    html: PathBuf,
    gold: PathBuf,
    /// From the fixture's `meta.json` or the folder's `index.jsonl`.
    expect: Expect,
}

/// The gold pairs of `dir`, sorted by id: `<id>.html` + `<id>.txt` files, or the
/// project's fixture layout, `<id>/source.html` + `<id>/expected.txt` (with the
/// `content_type` of `<id>/meta.json`, as the quality bench reads them).
fn pairs(dir: &Path) -> Result<Vec<Pair>, Box<dyn std::error::Error>> {
    let index = read_index(dir)?;
    let mut pairs = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let Some(stem) = path.file_stem().map(|s| s.to_string_lossy().into_owned()) else {
            continue;
        };
        if path.is_dir() {
            let (html, gold) = (path.join("source.html"), path.join("expected.txt"));
            if html.is_file() && gold.is_file() {
                let meta = path.join("meta.json");
                let expect = if meta.is_file() {
                    serde_json::from_slice(&std::fs::read(&meta)?)
                        .map_err(|err| format!("{}: {err}", meta.display()))?
                } else {
                    index.get(&stem).cloned().unwrap_or_default()
                };
                pairs.push(Pair {
                    id: stem,
                    html,
                    gold,
                    expect,
                });
            }
        } else if path.extension().is_some_and(|e| e == "html")
            && path.with_extension("txt").is_file()
        {
            pairs.push(Pair {
                expect: index.get(&stem).cloned().unwrap_or_default(),
                id: stem,
                gold: path.with_extension("txt"),
                html: path,
            });
        }
    }
    pairs.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(pairs)
}

/// `id -> expectations` from `dir/index.jsonl`; empty when the folder has none.
fn read_index(dir: &Path) -> Result<HashMap<String, Expect>, Box<dyn std::error::Error>> {
    #[derive(serde::Deserialize)]
    struct Record {
        id: String,
        #[serde(flatten)]
        expect: Expect,
    }
    let path = dir.join("index.jsonl");
    let Ok(text) = std::fs::read_to_string(&path) else {
        return Ok(HashMap::new());
    };
    let mut index = HashMap::new();
    for (number, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let record: Record = serde_json::from_str(line)
            .map_err(|err| format!("{}:{}: {err}", path.display(), number + 1))?;
        index.insert(record.id, record.expect);
    }
    Ok(index)
}

/// `s` with every whitespace run turned into one space, ends trimmed.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One page's result.
struct Scored {
    id: String,
    score: score::PageScore,
    /// The error, when extraction gave none.
    note: String,
    /// `Some(right)` for a listing page.
    listing: Option<bool>,
    missing: Vec<String>,
    leaked: Vec<String>,
}

/// Extracts and scores one pair.
fn score_pair(pair: &Pair, article: &tinhloc::Extractor, any: &tinhloc::Extractor) -> Scored {
    let extractor = if pair.expect.scope.as_deref() == Some("any") {
        any
    } else {
        article
    };
    let html = std::fs::read(&pair.html);
    let gold = std::fs::read_to_string(&pair.gold);
    let (pred, note) = match (&html, &gold) {
        (Ok(html), Ok(_)) => {
            match extractor.extract_bytes(html, pair.expect.content_type.as_deref()) {
                Ok(article) => (article.text(), String::new()),
                Err(err) => (String::new(), err.to_string()),
            }
        }
        (Err(err), _) | (_, Err(err)) => (String::new(), err.to_string()),
    };
    let gold = gold.unwrap_or_default();
    let flat = squash(&pred);
    let listing = pair
        .expect
        .is_listing()
        .then(|| score::tokens(&pred).is_empty());
    let missing = if pair.expect.is_listing() {
        Vec::new()
    } else {
        let missing = pair.expect.must.iter();
        missing
            .filter(|m| !flat.contains(&squash(m)))
            .cloned()
            .collect()
    };
    let leaked = pair.expect.must_not.iter();
    let leaked = leaked
        .filter(|m| flat.contains(&squash(m)))
        .cloned()
        .collect();
    Scored {
        id: pair.id.clone(),
        score: score::score_page(&gold, &pred),
        note,
        listing,
        missing,
        leaked,
    }
}

/// Runs `tinhloc eval`.
pub fn run(args: &Args) -> Result<ExitCode, Box<dyn std::error::Error>> {
    let pairs = pairs(&args.dir)?;
    if pairs.is_empty() {
        return Err(format!("{}: no <id>.html + <id>.txt pairs", args.dir.display()).into());
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.parallel)
        .build()?;
    let extractor = args.extractor.extractor();
    let any = extractor.clone().scope(tinhloc::Scope::Any);
    let scored: Vec<Scored> = pool.install(|| {
        pairs
            .par_iter()
            .map(|pair| score_pair(pair, &extractor, &any))
            .collect()
    });
    let counts: Vec<score::Counts> = scored.iter().map(|s| s.score.counts).collect();
    let corpus = score::corpus(&counts);
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{} pages  P {:.3}  R {:.3}  F1 {:.3}  (mean page F1 {:.3})",
        corpus.pages, corpus.precision, corpus.recall, corpus.f1, corpus.page_f1_mean
    )?;
    let listings: Vec<bool> = scored.iter().filter_map(|s| s.listing).collect();
    if !listings.is_empty() {
        let right = listings.iter().filter(|&&right| right).count();
        writeln!(
            out,
            "listings answered with no text: {right}/{}",
            listings.len()
        )?;
    }
    let checked = pairs
        .iter()
        .filter(|p| !p.expect.must.is_empty() || !p.expect.must_not.is_empty())
        .count();
    let failed: Vec<&Scored> = scored
        .iter()
        .filter(|s| !s.missing.is_empty() || !s.leaked.is_empty() || s.listing == Some(false))
        .collect();
    if checked > 0 || !listings.is_empty() {
        writeln!(
            out,
            "snippet checks: {} of {checked} pages fail",
            failed.iter().filter(|s| s.listing != Some(false)).count()
        )?;
        for s in &failed {
            if s.listing == Some(false) {
                writeln!(out, "  {}: a listing page got text", s.id)?;
            }
            for m in &s.missing {
                writeln!(out, "  {}: missing must {m:?}", s.id)?;
            }
            for m in &s.leaked {
                writeln!(out, "  {}: leaked must_not {m:?}", s.id)?;
            }
        }
    }
    let mut worst: Vec<&Scored> = scored.iter().collect();
    worst.sort_by(|a, b| {
        a.score
            .f1
            .total_cmp(&b.score.f1)
            .then_with(|| a.id.cmp(&b.id))
    });
    if args.worst > 0 {
        writeln!(out, "worst pages:")?;
        for s in worst.iter().take(args.worst) {
            let page = &s.score;
            writeln!(
                out,
                "  {:<40} P {:.3}  R {:.3}  F1 {:.3}  {}",
                s.id, page.precision, page.recall, page.f1, s.note
            )?;
        }
    }
    if args.strict && !failed.is_empty() {
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

//! `tinhloc eval`: a folder of `<id>.html` + `<id>.txt` gold pairs in, the benchmark's
//! corpus P/R/F1 and the worst pages out. The scoring is `tests/common/score.rs`, the one
//! the quality bench and the fixture tests use.

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
}

/// One gold pair.
struct Pair {
    id: String,
    html: PathBuf,
    gold: PathBuf,
    /// The `content_type` of a fixture's `meta.json`.
    content_type: Option<String>,
}

/// The gold pairs of `dir`, sorted by id: `<id>.html` + `<id>.txt` files, or the
/// project's fixture layout, `<id>/source.html` + `<id>/expected.txt` (with the
/// `content_type` of `<id>/meta.json`, as the quality bench reads them).
fn pairs(dir: &Path) -> std::io::Result<Vec<Pair>> {
    let mut pairs = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let Some(stem) = path.file_stem().map(|s| s.to_string_lossy().into_owned()) else {
            continue;
        };
        if path.is_dir() {
            let (html, gold) = (path.join("source.html"), path.join("expected.txt"));
            if html.is_file() && gold.is_file() {
                let content_type = std::fs::read(path.join("meta.json"))
                    .ok()
                    .and_then(|m| serde_json::from_slice::<serde_json::Value>(&m).ok())
                    .and_then(|m| m["content_type"].as_str().map(str::to_string));
                pairs.push(Pair {
                    id: stem,
                    html,
                    gold,
                    content_type,
                });
            }
        } else if path.extension().is_some_and(|e| e == "html")
            && path.with_extension("txt").is_file()
        {
            pairs.push(Pair {
                id: stem,
                gold: path.with_extension("txt"),
                html: path,
                content_type: None,
            });
        }
    }
    pairs.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(pairs)
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
    let scored: Vec<(String, score::PageScore, String)> = pool.install(|| {
        pairs
            .par_iter()
            .map(|pair| {
                let html = std::fs::read(&pair.html);
                let gold = std::fs::read_to_string(&pair.gold);
                let (pred, note) = match (&html, &gold) {
                    (Ok(html), Ok(_)) => {
                        match extractor.extract_bytes(html, pair.content_type.as_deref()) {
                            Ok(article) => (article.text(), String::new()),
                            Err(err) => (String::new(), err.to_string()),
                        }
                    }
                    (Err(err), _) | (_, Err(err)) => (String::new(), err.to_string()),
                };
                let gold = gold.unwrap_or_default();
                (pair.id.clone(), score::score_page(&gold, &pred), note)
            })
            .collect()
    });
    let counts: Vec<score::Counts> = scored.iter().map(|(_, s, _)| s.counts).collect();
    let corpus = score::corpus(&counts);
    println!(
        "{} pages  P {:.3}  R {:.3}  F1 {:.3}  (mean page F1 {:.3})",
        corpus.pages, corpus.precision, corpus.recall, corpus.f1, corpus.page_f1_mean
    );
    let mut worst: Vec<_> = scored.iter().collect();
    worst.sort_by(|a, b| a.1.f1.total_cmp(&b.1.f1).then_with(|| a.0.cmp(&b.0)));
    if args.worst > 0 {
        println!("worst pages:");
        for (id, page, note) in worst.iter().take(args.worst) {
            println!(
                "  {id:<40} P {:.3}  R {:.3}  F1 {:.3}  {note}",
                page.precision, page.recall, page.f1
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

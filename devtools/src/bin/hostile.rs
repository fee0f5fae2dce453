//! The hostile pages of issue 15 (`tests/common/hostile.rs`), one at a time, and the
//! mutation campaign over folders of pages.
//!
//! - `hostile <case> <bytes>`: builds the case at about that size, extracts it once and
//!   prints the input size, the time and the outcome; run it under `/usr/bin/time -v`
//!   for the peak RSS. `hostile list` names the cases; `hostile <case> <bytes> <file>`
//!   writes the page to a file instead. `TINHLOC_BUDGET_MS` sets a time budget.
//! - `hostile mutate <seed> <mutations per page> <folder or file>…`: every page (`*.html`,
//!   `source.html`) mutated that many times from the seed; prints any panic, the slowest
//!   page and the outcome counts.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use tinhloc::Extractor;

#[path = "../../../tests/common/hostile.rs"]
#[allow(dead_code)]
mod hostile;

fn outcome(result: &Result<tinhloc::Article, tinhloc::Error>) -> String {
    match result {
        Ok(article) => format!(
            "article, {} chars, {}",
            article.text().chars().count(),
            article.encoding()
        ),
        Err(error) => format!("{error:?}"),
    }
}

/// The HTML pages under `path`.
fn pages(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let Ok(entries) = std::fs::read_dir(path) else {
            return;
        };
        let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        entries.sort();
        for entry in entries {
            pages(&entry, out);
        }
    } else if path
        .file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.ends_with(".html"))
    {
        out.push(path.to_owned());
    }
}

fn campaign(seed: u64, per_page: usize, roots: &[String]) {
    let mut files = Vec::new();
    for root in roots {
        pages(Path::new(root), &mut files);
    }
    let extractor = Extractor::new();
    let mut rng = hostile::Rng::new(seed);
    let mut counts = std::collections::BTreeMap::<String, usize>::new();
    let mut slowest = (Duration::ZERO, String::new());
    let mut panics = 0;
    for file in &files {
        let Ok(page) = std::fs::read(file) else {
            continue;
        };
        for i in 0..per_page {
            let bytes = hostile::mutate(&page, &mut rng);
            let start = Instant::now();
            let result = catch_unwind(AssertUnwindSafe(|| extractor.extract_bytes(&bytes, None)));
            let elapsed = start.elapsed();
            if elapsed > slowest.0 {
                slowest = (elapsed, format!("{} #{i}", file.display()));
            }
            let key = match &result {
                Ok(Ok(_)) => "ok".to_owned(),
                Ok(Err(error)) => format!("{error}"),
                Err(_) => {
                    panics += 1;
                    println!("PANIC {} mutation {i}", file.display());
                    "panic".to_owned()
                }
            };
            *counts.entry(key).or_default() += 1;
        }
    }
    println!(
        "{} pages × {per_page}: {panics} panics; slowest {:.1} ms ({})",
        files.len(),
        slowest.0.as_secs_f64() * 1e3,
        slowest.1
    );
    for (key, count) in counts {
        println!("{count:6} {key}");
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let case = args.get(1).map_or("attrs", String::as_str);
    if case == "list" {
        for case in hostile::CASES {
            println!("{} {:?}", case.name, case.expect);
        }
        return;
    }
    if case == "mutate" {
        let seed = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(15);
        let per_page = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(6);
        campaign(seed, per_page, args.get(4..).unwrap_or_default());
        return;
    }
    let size: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1 << 20);
    let Some(bytes) = hostile::build(case, size) else {
        eprintln!("unknown case {case}: see `hostile list`");
        std::process::exit(2);
    };
    if let Some(path) = args.get(3) {
        if let Err(error) = std::fs::write(path, &bytes) {
            eprintln!("{path}: {error}");
            std::process::exit(1);
        }
        return;
    }
    let mut extractor = Extractor::new();
    if let Some(ms) = std::env::var("TINHLOC_BUDGET_MS")
        .ok()
        .and_then(|ms| ms.parse().ok())
    {
        extractor = extractor.time_budget(Duration::from_millis(ms));
    }
    let start = Instant::now();
    let result = extractor.extract_bytes(&bytes, None);
    let elapsed = start.elapsed();
    println!(
        "{case} {} bytes: {:.1} ms, {}",
        bytes.len(),
        elapsed.as_secs_f64() * 1e3,
        outcome(&result)
    );
}

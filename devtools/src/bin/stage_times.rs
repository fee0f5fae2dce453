//! Times parse-only against the whole extraction over a folder of pages, for profiling.
//!
//! `cargo run --release -p tinhloc-devtools --bin stage_times -- ../shared/corpus/scrapinghub`

use std::time::{Duration, Instant};

fn main() {
    let Some(folder) = std::env::args().nth(1) else {
        eprintln!("usage: stage_times <folder of .html pages>");
        std::process::exit(2);
    };
    let mut pages = Vec::new();
    if let Ok(entries) = std::fs::read_dir(&folder) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "html")
                && let Ok(bytes) = std::fs::read(&path)
            {
                pages.push(bytes);
            }
        }
    }
    let texts: Vec<String> = pages
        .iter()
        .map(|b| String::from_utf8_lossy(b).into_owned())
        .collect();
    let bytes: usize = pages.iter().map(Vec::len).sum();
    let extractor = tinhloc::Extractor::new();
    for round in 0..3 {
        let mut parse = Duration::ZERO;
        let mut extract = Duration::ZERO;
        for (page, text) in pages.iter().zip(&texts) {
            let start = Instant::now();
            let document = scraper::Html::parse_document(text);
            parse += start.elapsed();
            drop(document);
            let start = Instant::now();
            let _ = extractor.extract_bytes(page, None);
            extract += start.elapsed();
        }
        println!(
            "round {round}: {} pages, {:.1} MB; parse-only {:.2} ms/page; extract {:.2} ms/page; after-parse overhead {:.2}x",
            pages.len(),
            bytes as f64 / 1e6,
            parse.as_secs_f64() * 1e3 / pages.len() as f64,
            extract.as_secs_f64() * 1e3 / pages.len() as f64,
            (extract.as_secs_f64() - parse.as_secs_f64()) / parse.as_secs_f64()
        );
    }
}

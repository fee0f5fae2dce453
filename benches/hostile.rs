//! The hostile pages of issue 15 (`tests/common/hostile.rs`): time, ms/MB, peak memory and
//! outcome per case. `cargo bench --bench hostile` (release); `-- --quick` runs 1 MB only
//! (the default is 1 MB and 10 MB for the cases that scale).
//!
//! Time is one extraction after a warm-up of the same page (best of three). Peak memory is
//! the rise of the peak RSS (`VmHWM`, reset through `/proc/self/clear_refs`) over one
//! extraction in a fresh child process that has already extracted a small page once
//! (so the word lists, built once per process, are not counted) and holds the input; its
//! ratio to the input is the figure the README bounds (30×). Linux only for memory.
//!
//! Targets: under 1 s per 10 MB; peak memory at most 30× the input.

use std::hint::black_box;
use std::time::{Duration, Instant};

use tinhloc::Extractor;

#[path = "common/peak_rss.rs"]
mod peak_rss;

#[path = "../tests/common/hostile.rs"]
#[allow(dead_code)]
mod hostile;

/// In the measuring child ([`peak_rss`]): warms up, builds the case, measures one
/// extraction.
fn memory_child(case: &str, size: usize) {
    let _ = Extractor::new().extract(hostile::PAGE);
    let bytes = hostile::build(case, size).unwrap_or_default();
    peak_rss::print_rise(|| Extractor::new().extract_bytes(black_box(&bytes), None));
}

fn outcome(result: &Result<tinhloc::Article, tinhloc::Error>) -> String {
    match result {
        Ok(article) => format!("article, {} chars", article.text().chars().count()),
        Err(tinhloc::Error::NoArticle { kind, .. }) => format!("no article: {kind}"),
        Err(error) => format!("{error}"),
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(at) = args.iter().position(|a| a == peak_rss::CHILD_FLAG) {
        let case = args.get(at + 1).map_or("", String::as_str);
        let size = args.get(at + 2).and_then(|s| s.parse().ok()).unwrap_or(0);
        memory_child(case, size);
        return;
    }
    let quick = args.iter().any(|a| a == "--quick");
    let sizes: &[usize] = if quick {
        &[1 << 20]
    } else {
        &[1 << 20, 10 << 20]
    };
    println!("| case | bytes | ms | ms/MB | peak RSS | × input | outcome |");
    println!("|---|---:|---:|---:|---:|---:|---|");
    let extractor = Extractor::new();
    for case in hostile::CASES {
        let case_sizes = if case.scales { sizes } else { &sizes[..1] };
        for &size in case_sizes {
            let Some(bytes) = hostile::build(case.name, size) else {
                continue;
            };
            let mut best = Duration::MAX;
            let mut result = extractor.extract_bytes(&bytes, None);
            for _ in 0..3 {
                let start = Instant::now();
                result = extractor.extract_bytes(black_box(&bytes), None);
                best = best.min(start.elapsed());
            }
            let mb = bytes.len() as f64 / (1024.0 * 1024.0);
            let ms = best.as_secs_f64() * 1e3;
            let peak = peak_rss::peak_rise(case.name, size);
            let (peak_text, ratio) = match peak {
                Some(peak) if !bytes.is_empty() => (
                    format!("{:.1} MB", peak as f64 / (1024.0 * 1024.0)),
                    format!("{:.1}", peak as f64 / bytes.len() as f64),
                ),
                _ => ("n/a".to_owned(), "n/a".to_owned()),
            };
            let per_mb = if mb > 0.0 {
                format!("{:.1}", ms / mb)
            } else {
                "-".to_owned()
            };
            println!(
                "| {} | {} | {ms:.1} | {per_mb} | {peak_text} | {ratio} | {} |",
                case.name,
                bytes.len(),
                outcome(&result)
            );
        }
    }
}

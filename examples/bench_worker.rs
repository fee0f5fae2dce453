//! Worker for the shared side-by-side harness (`../shared/bench`), speaking its JSONL
//! protocol: print `{"ready": true}`, then for every HTML path read on stdin print
//! `{"ok": true, "text": "…", "secs": …}`, timing only the extraction call.
//!
//! ```text
//! cargo build --release --example bench_worker
//! cd ../shared/bench && .venv/bin/python evaluate.py ../corpus/scrapinghub \
//!     --jsonl-cmd tinhloc="$PWD/../../main/target/release/examples/bench_worker --worker"
//! ```
//!
//! With a file argument instead of `--worker` it prints that page's text, for `--cmd`.
//! A page with no article answers `ok` with empty text, as the harness scores a listing.

use serde_json::json;
use std::io::{BufRead, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::Instant;

/// A small article extracted once before `ready`, so start-up costs stay untimed.
const WARM_UP_PAGE: &str = "<html><body><article><p>Warm-up paragraph with enough words to be \
    read as the body of an article, ending with a full stop.</p><p>A second paragraph makes \
    the page look like a short news item, which is what the warm-up needs.</p></article></body></html>";

fn extract(extractor: &tinhloc::Extractor, bytes: &[u8]) -> Result<String, String> {
    match catch_unwind(AssertUnwindSafe(|| extractor.extract_bytes(bytes, None))) {
        Ok(Ok(article)) => Ok(article.text()),
        Ok(Err(tinhloc::Error::NoArticle { kind, .. })) => {
            if std::env::var_os("TINHLOC_DEBUG").is_some() {
                eprintln!("no article: {kind}");
            }
            Ok(String::new())
        }
        Ok(Err(error)) => Err(error.to_string()),
        Err(_) => Err("panic".to_string()),
    }
}

fn worker(extractor: &tinhloc::Extractor) -> std::io::Result<()> {
    let _ = extract(extractor, WARM_UP_PAGE.as_bytes());
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    writeln!(out, "{}", json!({"ready": true}))?;
    out.flush()?;
    for line in std::io::stdin().lock().lines() {
        let path = line?;
        let path = path.trim();
        if path.is_empty() {
            continue;
        }
        let answer = match std::fs::read(path) {
            Ok(bytes) => {
                let start = Instant::now();
                let result = extract(extractor, &bytes);
                let secs = start.elapsed().as_secs_f64();
                match result {
                    Ok(text) => json!({"ok": true, "text": text, "secs": secs, "error": null}),
                    Err(error) => json!({"ok": false, "text": "", "secs": secs, "error": error}),
                }
            }
            Err(error) => json!({"ok": false, "text": "", "secs": 0.0, "error": error.to_string()}),
        };
        writeln!(out, "{answer}")?;
        out.flush()?;
    }
    Ok(())
}

fn main() -> std::process::ExitCode {
    // `TINHLOC_SCOPE=any` scores the wide scope; `article` (the default) the article scope.
    let scope = match std::env::var("TINHLOC_SCOPE").as_deref() {
        Ok("any") => tinhloc::Scope::Any,
        Ok("article") | Err(_) => tinhloc::Scope::Article,
        Ok(other) => {
            eprintln!("bench_worker: TINHLOC_SCOPE must be `article` or `any`, not `{other}`");
            return std::process::ExitCode::FAILURE;
        }
    };
    let extractor = tinhloc::Extractor::new().scope(scope);
    let argument = std::env::args().nth(1);
    match argument.as_deref() {
        Some("--worker") | None => match worker(&extractor) {
            Ok(()) => std::process::ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("bench_worker: {error}");
                std::process::ExitCode::FAILURE
            }
        },
        Some(path) => match std::fs::read(path)
            .map_err(|e| e.to_string())
            .and_then(|b| extract(&extractor, &b))
        {
            Ok(text) => {
                println!("{text}");
                std::process::ExitCode::SUCCESS
            }
            Err(error) => {
                eprintln!("bench_worker: {error}");
                std::process::ExitCode::FAILURE
            }
        },
    }
}

//! Integration test of `examples/bench_worker.rs`, the worker the shared side-by-side
//! harness (and any harness speaking its JSON Lines protocol) starts: run as the harness
//! runs it, on fixture pages, in both scopes.

#[path = "common/example.rs"]
mod example;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// A fixture page's absolute path.
fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name)
        .join("source.html")
}

/// Runs `bench_worker --worker` with `TINHLOC_SCOPE=scope`, writes `pages` one per line
/// and returns the JSON lines it printed.
fn run_worker(scope: &str, pages: &[PathBuf]) -> Vec<serde_json::Value> {
    let mut child = Command::new(example::example_binary("bench_worker"))
        .arg("--worker")
        .env("TINHLOC_SCOPE", scope)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the worker");
    {
        let mut stdin = child.stdin.take().expect("worker stdin");
        for page in pages {
            writeln!(stdin, "{}", page.display()).expect("write a path");
        }
    }
    let output = child.wait_with_output().expect("worker output");
    assert!(output.status.success(), "{output:?}");
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).expect("one JSON object per line"))
        .collect()
}

#[test]
fn the_worker_answers_each_page_in_order() {
    let article = fixture("wordpress-short-post-many-comments");
    let listing = fixture("kenh14-home-listing");
    let missing = PathBuf::from("/nonexistent/page.html");
    let lines = run_worker("article", &[article, listing.clone(), missing]);
    assert_eq!(lines.len(), 4, "{lines:#?}");
    assert_eq!(lines[0]["ready"], true);
    assert_eq!(lines[1]["ok"], true);
    let text = lines[1]["text"].as_str().unwrap_or_default();
    assert!(text.contains("studded tyres"), "{text}");
    assert!(lines[1]["secs"].as_f64().is_some_and(|secs| secs >= 0.0));
    // A listing has no article: `ok` with empty text, as the harness scores it.
    assert_eq!(lines[2]["ok"], true);
    assert_eq!(lines[2]["text"], "");
    // A page that cannot be read is one failed page, not a dead worker.
    assert_eq!(lines[3]["ok"], false);
    assert!(lines[3]["error"].as_str().is_some_and(|e| !e.is_empty()));

    // The wide scope gives the listing's main content.
    let wide = run_worker("any", &[listing]);
    let text = wide[1]["text"].as_str().unwrap_or_default();
    assert!(!text.is_empty(), "{wide:#?}");
}

#[test]
fn an_unknown_scope_is_refused() {
    let output = Command::new(example::example_binary("bench_worker"))
        .arg("--worker")
        .env("TINHLOC_SCOPE", "everything")
        .stdin(Stdio::null())
        .output()
        .expect("run the worker");
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("TINHLOC_SCOPE"));
}

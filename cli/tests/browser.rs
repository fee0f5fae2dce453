//! `tinhloc explain`'s report in a real browser: headless Chromium loads it, runs its
//! script, and the dumped DOM must still carry every block's kept/dropped marker and a
//! reason on each dropped block; a screenshot must come out.
//!
//! `.ci/run` installs Debian's `chromium`. Without it the test says so and passes, unless
//! `TINHLOC_REQUIRE_CHROMIUM` is set.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The first Chromium binary on the PATH.
fn chromium() -> Option<PathBuf> {
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|name| {
            let out = Command::new("sh")
                .args(["-c", &format!("command -v {name}")])
                .output()
                .ok()?;
            let path = String::from_utf8_lossy(&out.stdout).trim().to_string();
            (out.status.success() && !path.is_empty()).then(|| PathBuf::from(path))
        })
}

fn headless(chromium: &Path, profile: &Path) -> Command {
    let mut cmd = Command::new(chromium);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--virtual-time-budget=2000",
    ])
    .arg(format!("--user-data-dir={}", profile.display()));
    cmd
}

#[test]
fn explain_report_renders_in_headless_chromium() {
    let Some(chromium) = chromium() else {
        assert!(
            std::env::var_os("TINHLOC_REQUIRE_CHROMIUM").is_none(),
            "TINHLOC_REQUIRE_CHROMIUM is set but no chromium is on the PATH"
        );
        eprintln!("skipped: no chromium on the PATH (.ci/run installs it)");
        return;
    };
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let report = dir.join("report.html");
    // A Vietnamese fixture: the report must carry its diacritics intact.
    let page = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures/nld-thoi-su/source.html");
    let status = Command::new(env!("CARGO_BIN_EXE_tinhloc"))
        .arg("explain")
        .arg(&page)
        .arg("-o")
        .arg(&report)
        .status()
        .unwrap();
    assert!(status.success());
    let url = format!("file://{}", report.canonicalize().unwrap().display());

    let out = headless(&chromium, &dir.join("profile"))
        .arg("--dump-dom")
        .arg(&url)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let dom = String::from_utf8_lossy(&out.stdout);
    let blocks: Vec<&str> = dom
        .lines()
        .filter(|l| l.contains("class=\"block "))
        .collect();
    assert!(blocks.len() > 10, "{dom}");
    let kept = blocks.iter().filter(|l| l.contains("block kept")).count();
    let dropped = blocks
        .iter()
        .filter(|l| l.contains("block dropped"))
        .count();
    assert!(kept > 0 && dropped > 0, "kept {kept}, dropped {dropped}");
    assert_eq!(kept + dropped, blocks.len());
    for line in &blocks {
        assert!(line.contains("data-reason=\""), "{line}");
        assert!(line.contains("data-stage=\""), "{line}");
        if line.contains("block dropped") {
            assert!(!line.contains("data-reason=\"kept\""), "{line}");
        }
    }
    // The inline script ran: it marks the body once the toggle is wired.
    assert!(
        dom.contains("data-ready=\"1\""),
        "the report's script did not run"
    );
    assert!(dom.contains("Sạt lở"), "Vietnamese text lost");

    let shot = dir.join("report.png");
    let out = headless(&chromium, &dir.join("profile"))
        .arg(format!("--screenshot={}", shot.display()))
        .arg("--window-size=1200,1600")
        .arg(&url)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let png = std::fs::read(&shot).unwrap();
    assert!(png.starts_with(b"\x89PNG"), "no screenshot");
}

//! Runs one stage over the first pages of a folder and nothing else, for profilers:
//! `valgrind --tool=callgrind` (instruction counts, the same for the same binary and input
//! whatever else the machine does) or `perf record`.
//!
//! ```text
//! cargo build --release -p tinhloc-devtools --bin profile_run
//! valgrind --tool=callgrind --callgrind-out-file=cg.extract \
//!     target/release/profile_run extract ../shared/corpus/scrapinghub 60
//! valgrind --tool=callgrind --callgrind-out-file=cg.parse \
//!     target/release/profile_run parse ../shared/corpus/scrapinghub 60
//! callgrind_annotate --inclusive=yes cg.extract | grep tinhloc:: | head -30
//! ```
//!
//! `parse` is the baseline any scraper-based extractor pays (lossy UTF-8 decoding and
//! `scraper::Html::parse_document`); `extract` is `Extractor::extract_bytes` and `text()`.
//! Pages are the folder's `*.html` files in name order.

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(mode), Some(folder)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: profile_run parse|extract FOLDER [PAGES]");
        std::process::exit(2);
    };
    let limit = args
        .get(3)
        .and_then(|n| n.parse().ok())
        .unwrap_or(usize::MAX);
    let mut paths: Vec<_> = std::fs::read_dir(folder)
        .map(|entries| entries.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.retain(|p: &std::path::PathBuf| p.extension().is_some_and(|e| e == "html"));
    paths.sort();
    let pages: Vec<Vec<u8>> = paths
        .iter()
        .take(limit)
        .filter_map(|p| std::fs::read(p).ok())
        .collect();
    let extractor = tinhloc::Extractor::new();
    // The word lists and automata are built on first use; keep that out of the profile.
    let _ = extractor
        .extract("<html><body><p>Warm up, with a sentence: “Một câu văn”.</p></body></html>");
    let mut checksum = 0usize;
    for page in &pages {
        checksum += match mode.as_str() {
            "parse" => {
                let text = String::from_utf8_lossy(page);
                scraper::Html::parse_document(&text).tree.nodes().len()
            }
            _ => extractor
                .extract_bytes(page, None)
                .map_or(0, |article| article.text().len()),
        };
    }
    println!("{} pages, checksum {checksum}", pages.len());
}

//! Speed bench (criterion): bytes/s over `fixtures/*/source.html`.
//!
//! ```text
//! cargo bench --bench speed              # all groups, about two minutes
//! cargo bench --bench speed -- extract   # one group
//! ```
//!
//! Each benchmark runs once over a whole set of pages per iteration, with throughput in
//! source bytes, so groups compare directly:
//!
//! - `decode+parse/all`: the baseline, decoding (charset of `meta.json`, else `<meta>`, else
//!   UTF-8) and `scraper::Html::parse_document` alone: what any extractor built on scraper
//!   pays before it starts.
//! - `extract/{all,vi,other}`: `tinhloc::extract_bytes`, on every fixture, on the Vietnamese
//!   ones and on the rest (Vietnamese is about 1.3 UTF-8 bytes per character, so its
//!   bytes/s is not that of English).
//! - `render/{text,markdown}`: `Article::text` and `Article::markdown` on the articles the
//!   fixtures give (listings give none); throughput in the source bytes of those pages.
//!
//! - `decode+parse/corpus` and `extract/corpus`: the same two over a folder of real pages,
//!   `../shared/corpus/scrapinghub` when it is there (181 pages, 174 KB each on average)
//!   or the folder named by `TINHLOC_SPEED_CORPUS`; skipped when there is none. Fixture
//!   pages are small and made by hand; the corpus is what the issue's figures are on.
//!
//! The extraction overhead over parsing is `extract/<set>` time minus `decode+parse/<set>`,
//! divided by `decode+parse/<set>`.

#[path = "../tests/common/fixture.rs"]
#[allow(dead_code)] // the snippet helpers are for the tests
mod fixture;

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// Time spent measuring each benchmark; six benchmarks keep the run near two minutes.
const MEASUREMENT: Duration = Duration::from_secs(3);
/// Warm-up per benchmark.
const WARM_UP: Duration = Duration::from_secs(1);
/// Samples per benchmark (criterion's minimum is 10).
const SAMPLES: usize = 20;

/// One fixture page in memory.
struct Page {
    bytes: Vec<u8>,
    content_type: Option<String>,
    vietnamese: bool,
}

/// Every readable fixture; unreadable ones are reported and left out.
fn load() -> Vec<Page> {
    let fixtures = match fixture::list() {
        Ok(f) => f,
        Err(e) => {
            eprintln!("speed: {e}");
            return Vec::new();
        }
    };
    fixtures
        .iter()
        .filter_map(|f| match f.meta().and_then(|m| Ok((m, f.source()?))) {
            Ok((meta, bytes)) => Some(Page {
                vietnamese: meta.is_vietnamese(),
                content_type: meta.content_type,
                bytes,
            }),
            Err(e) => {
                eprintln!("speed: skipping {}: {e}", f.name);
                None
            }
        })
        .collect()
}

/// Real pages from the speed corpus folder, as raw bytes, with no content type (the
/// harness gives none); empty when the folder is missing.
fn load_corpus() -> Vec<Page> {
    let folder = std::env::var("TINHLOC_SPEED_CORPUS").unwrap_or_else(|_| {
        format!(
            "{}/../shared/corpus/scrapinghub",
            env!("CARGO_MANIFEST_DIR")
        )
    });
    let Ok(entries) = std::fs::read_dir(&folder) else {
        eprintln!("speed: no corpus at {folder}; corpus groups skipped");
        return Vec::new();
    };
    let mut paths: Vec<std::path::PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    paths.sort();
    paths
        .iter()
        .filter_map(|path| match std::fs::read(path) {
            Ok(bytes) => Some(Page {
                bytes,
                content_type: None,
                vietnamese: false,
            }),
            Err(e) => {
                eprintln!("speed: skipping {}: {e}", path.display());
                None
            }
        })
        .collect()
}

fn total_bytes<'a>(pages: impl IntoIterator<Item = &'a Page>) -> u64 {
    pages.into_iter().map(|p| p.bytes.len() as u64).sum()
}

fn benches(c: &mut Criterion) {
    let pages = load();
    if pages.is_empty() {
        eprintln!("speed: no fixtures to measure");
        return;
    }
    let vi: Vec<&Page> = pages.iter().filter(|p| p.vietnamese).collect();
    let other: Vec<&Page> = pages.iter().filter(|p| !p.vietnamese).collect();
    let all: Vec<&Page> = pages.iter().collect();
    eprintln!(
        "speed: {} fixtures, {} bytes ({} vi, {} other)",
        pages.len(),
        total_bytes(all.iter().copied()),
        vi.len(),
        other.len()
    );

    let corpus_pages = load_corpus();
    let corpus: Vec<&Page> = corpus_pages.iter().collect();
    if !corpus.is_empty() {
        eprintln!(
            "speed: corpus of {} pages, {} bytes",
            corpus.len(),
            total_bytes(corpus.iter().copied())
        );
    }

    per_page_group(
        c,
        "decode+parse",
        &[("all", &all), ("corpus", &corpus)],
        |p| {
            let html = fixture::decode(&p.bytes, p.content_type.as_deref());
            black_box(scraper::Html::parse_document(&html));
        },
    );
    per_page_group(
        c,
        "extract",
        &[
            ("all", &all),
            ("vi", &vi),
            ("other", &other),
            ("corpus", &corpus),
        ],
        |p| {
            let _ = black_box(tinhloc::extract_bytes(&p.bytes, p.content_type.as_deref()));
        },
    );

    batch(c, &all);

    let articles: Vec<(tinhloc::Article, u64)> = pages
        .iter()
        .filter_map(|p| {
            let article = tinhloc::extract_bytes(&p.bytes, p.content_type.as_deref()).ok()?;
            Some((article, p.bytes.len() as u64))
        })
        .collect();
    if articles.is_empty() {
        eprintln!("speed: no fixture gave an article; render not measured");
        return;
    }
    let mut group = c.benchmark_group("render");
    group.throughput(Throughput::Bytes(articles.iter().map(|(_, n)| n).sum()));
    group.bench_function("text", |b| {
        b.iter(|| {
            for (a, _) in &articles {
                black_box(a.text());
            }
        });
    });
    group.bench_function("markdown", |b| {
        b.iter(|| {
            for (a, _) in &articles {
                black_box(a.markdown());
            }
        });
    });
    group.finish();
}

/// A criterion group with one benchmark per non-empty page set, each iteration running
/// `run` on every page of the set, with throughput in source bytes.
fn per_page_group(
    c: &mut Criterion,
    group: &str,
    sets: &[(&str, &Vec<&Page>)],
    run: impl Fn(&Page),
) {
    let mut group = c.benchmark_group(group);
    for &(name, set) in sets {
        if set.is_empty() {
            continue;
        }
        group.throughput(Throughput::Bytes(total_bytes(set.iter().copied())));
        group.bench_function(name, |b| {
            b.iter(|| {
                for p in set.iter() {
                    run(p);
                }
            });
        });
    }
    group.finish();
}

/// `Extractor::extract_many` over every fixture on 1 and 2 threads: with the `rayon`
/// feature (`cargo bench --bench speed --features rayon -- batch`) the second should take
/// about half the time on two free cores; without it both run one page after another.
fn batch(c: &mut Criterion, pages: &[&Page]) {
    let inputs: Vec<tinhloc::Page<'_>> = pages
        .iter()
        .map(|p| match p.content_type.as_deref() {
            Some(content_type) => tinhloc::Page::new(&p.bytes).content_type(content_type),
            None => tinhloc::Page::new(&p.bytes),
        })
        .collect();
    let extractor = tinhloc::Extractor::new();
    let mut group = c.benchmark_group("batch");
    group.throughput(Throughput::Bytes(total_bytes(pages.iter().copied())));
    for threads in [1usize, 2] {
        let pool = match rayon::ThreadPoolBuilder::new().num_threads(threads).build() {
            Ok(pool) => pool,
            Err(e) => {
                eprintln!("speed: no thread pool of {threads}: {e}");
                continue;
            }
        };
        group.bench_function(format!("threads-{threads}"), |b| {
            b.iter(|| pool.install(|| black_box(extractor.extract_many(&inputs))));
        });
    }
    group.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .measurement_time(MEASUREMENT)
        .warm_up_time(WARM_UP)
        .sample_size(SAMPLES)
}

criterion_group! {
    name = speed;
    config = config();
    targets = benches
}
criterion_main!(speed);

//! Quality bench: extracts pages and scores the text against gold with the rule of
//! scrapinghub/article-extraction-benchmark (`tests/common/score.rs`), so the figures
//! compare with the peers measured by `../shared/bench`.
//!
//! ```text
//! cargo bench --bench quality -- [--check] [--update] [DIR ...]
//! ```
//!
//! - No `DIR`: every fixture under `fixtures/` (per fixture P/R/F1 and `must`/`must_not`
//!   failures), then the rows `all`, `vi` and `other` (languages other than Vietnamese) and
//!   the listing accuracy (listings answered `Error::NoArticle` / listings).
//! - `DIR`: a folder of `<id>.html` (or `<id>.html.gz`) and `<id>.txt` gold pairs, such as
//!   `../shared/corpus/scrapinghub`: P/R/F1, page F1 mean, failures by kind, time per page,
//!   F1 by language (from `index.jsonl`, when it names several) and the 10 worst pages. An
//!   empty gold is a listing page: right when the answer is `NoArticle` or an empty text.
//! - `--check`: exits non-zero when a score is below its floor in `fixtures/baseline.json`
//!   (fixture rows and listing accuracy; a `DIR` by its folder name, when it has floors).
//! - `--update`: writes the current scores as floors, only ever raising them, and records
//!   the fixture-set fingerprint. Lowering a floor is a hand edit (see `DEVELOPING.md`).
//!
//! Pages are read as bytes and given to `tinhloc::extract_bytes` (fixtures with the
//! `content_type` of their `meta.json`, corpus pages with none). A panic is caught and
//! counted as a failed page.

#[path = "../tests/common/fixture.rs"]
#[allow(dead_code)] // the decoder is for the tests and the speed bench
mod fixture;
#[path = "../tests/common/score.rs"]
mod score;

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::io::Read as _;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use fixture::{Kind, squash};
use score::{CorpusScore, Counts};
use serde_json::{Map, Value, json};

/// Worst pages listed per corpus folder.
const WORST_PAGES: usize = 10;
/// Slowest pages named per corpus folder.
const SLOWEST_PAGES: usize = 3;
/// Floors are stored rounded down to this many decimals.
const FLOOR_DECIMALS: i32 = 3;
/// Slack when comparing a score with its floor, against float noise.
const FLOOR_EPSILON: f64 = 1e-9;

fn main() -> ExitCode {
    let args = match Args::parse(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(msg) if msg == "help" => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(msg) => {
            eprintln!("quality: {msg}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    install_panic_hook();
    let baseline_path = fixture::root().join("baseline.json");
    let mut baseline = match read_baseline(&baseline_path) {
        Ok(b) => b,
        Err(msg) => {
            eprintln!("quality: {msg}");
            return ExitCode::from(2);
        }
    };

    let mut gate = Gate::default();
    if args.dirs.is_empty() {
        run_fixtures(&args, &mut baseline, &mut gate);
    } else {
        for dir in &args.dirs {
            run_corpus(dir, &args, &mut baseline, &mut gate);
        }
    }

    if args.update {
        match write_baseline(&baseline_path, &baseline) {
            Ok(()) => println!("\nwrote {}", baseline_path.display()),
            Err(msg) => {
                eprintln!("quality: {msg}");
                return ExitCode::from(2);
            }
        }
    }
    if args.check {
        if gate.failures.is_empty() {
            println!("\ncheck: all scores at or above their floors");
        } else {
            println!("\ncheck FAILED:");
            for f in &gate.failures {
                println!("  - {f}");
            }
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}

const USAGE: &str = "usage: cargo bench --bench quality -- [--check] [--update] [DIR ...]";

#[derive(Debug, Default)]
struct Args {
    check: bool,
    update: bool,
    dirs: Vec<PathBuf>,
}

impl Args {
    fn parse(argv: impl Iterator<Item = String>) -> Result<Self, String> {
        let mut args = Self::default();
        for arg in argv {
            match arg.as_str() {
                // `cargo bench` passes `--bench` to every bench binary.
                "--bench" => {}
                "--check" => args.check = true,
                "--update" => args.update = true,
                "-h" | "--help" => return Err("help".into()),
                flag if flag.starts_with('-') => return Err(format!("unknown option {flag}")),
                dir => {
                    let path = PathBuf::from(dir);
                    if !path.is_dir() {
                        return Err(format!("{dir} is not a folder"));
                    }
                    args.dirs.push(path);
                }
            }
        }
        Ok(args)
    }
}

/// Floors that were not met, collected for `--check`.
#[derive(Debug, Default)]
struct Gate {
    failures: Vec<String>,
}

impl Gate {
    /// Records a failure when `score` is below `floor` (no floor: nothing to check).
    fn floor(&mut self, what: &str, score: f64, floor: Option<f64>) {
        if let Some(floor) = floor
            && score + FLOOR_EPSILON < floor
        {
            self.failures
                .push(format!("{what} {score:.4} < floor {floor:.3}"));
        }
    }
}

// ------------------------------------------------------------------------- one page

/// What the extractor answered for one page.
#[derive(Debug, Clone)]
enum Outcome {
    /// An article; its text may still be empty.
    Text(String),
    /// `Error::NoArticle`.
    NoArticle(String),
    /// Another `Error` variant: its name and message.
    Error(String, String),
    /// The extractor panicked.
    Panic(String),
}

impl Outcome {
    fn text(&self) -> &str {
        match self {
            Self::Text(t) => t,
            _ => "",
        }
    }

    /// Short status for tables: `ok`, `empty`, `no_article`, an error variant or `panic`.
    fn status(&self) -> String {
        match self {
            Self::Text(t) if score::tokens(t).is_empty() => "empty".into(),
            Self::Text(_) => "ok".into(),
            Self::NoArticle(_) => "no_article".into(),
            Self::Error(kind, _) => kind.clone(),
            Self::Panic(_) => "panic".into(),
        }
    }

    fn detail(&self) -> Option<&str> {
        match self {
            Self::Text(_) => None,
            Self::NoArticle(m) | Self::Error(_, m) | Self::Panic(m) => Some(m),
        }
    }
}

thread_local! {
    /// Message and location of the last panic on this thread, set by the hook.
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Records panics instead of printing them: each is reported with its page.
fn install_panic_hook() {
    panic::set_hook(Box::new(|info| {
        let msg = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "non-string panic payload".into());
        let at = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        LAST_PANIC.with(|p| *p.borrow_mut() = Some(format!("{msg}{at}")));
    }));
}

/// Extracts one page, timing `extract_bytes` and `text()` (as the harness worker does).
/// Pages read with `Scope::Any` when `wide` (fixtures with `"scope": "any"`, or every
/// page with `TINHLOC_SCOPE=any`).
fn run_page(bytes: &[u8], content_type: Option<&str>, wide: bool) -> (Outcome, f64) {
    let scope = if wide || std::env::var("TINHLOC_SCOPE").as_deref() == Ok("any") {
        tinhloc::Scope::Any
    } else {
        tinhloc::Scope::Article
    };
    let extractor = tinhloc::Extractor::new().scope(scope);
    let start = Instant::now();
    let result = panic::catch_unwind(AssertUnwindSafe(|| {
        extractor
            .extract_bytes(bytes, content_type)
            .map(|a| a.text())
    }));
    let secs = start.elapsed().as_secs_f64();
    let outcome = match result {
        Ok(Ok(text)) => Outcome::Text(text),
        Ok(Err(tinhloc::Error::NoArticle { kind, .. })) => Outcome::NoArticle(kind.to_string()),
        Ok(Err(e)) => {
            let debug = format!("{e:?}");
            let kind = debug
                .split([' ', '{', '('])
                .next()
                .unwrap_or("Error")
                .to_owned();
            Outcome::Error(kind, e.to_string())
        }
        Err(_) => Outcome::Panic(
            LAST_PANIC
                .with(|p| p.borrow_mut().take())
                .unwrap_or_else(|| "panic".into()),
        ),
    };
    (outcome, secs)
}

/// One scored page.
#[derive(Debug, Clone)]
struct Page {
    id: String,
    lang: Option<String>,
    /// Empty gold (a listing page).
    listing: bool,
    outcome: Outcome,
    secs: f64,
    score: score::PageScore,
    /// Tokens of the gold.
    gold_tokens: usize,
    /// Tokens of the answer.
    pred_tokens: usize,
    missing: Vec<String>,
    leaked: Vec<String>,
}

impl Page {
    fn new(id: String, lang: Option<String>, gold: &str, outcome: Outcome, secs: f64) -> Self {
        let score = score::score_page(gold, outcome.text());
        let gold_tokens = score::tokens(gold).len();
        Self {
            id,
            lang,
            listing: gold_tokens == 0,
            gold_tokens,
            pred_tokens: score::tokens(outcome.text()).len(),
            outcome,
            secs,
            score,
            missing: Vec::new(),
            leaked: Vec::new(),
        }
    }

    /// A listing is right when no article text came back.
    fn listing_right(&self) -> bool {
        match &self.outcome {
            Outcome::NoArticle(_) => true,
            Outcome::Text(t) => score::tokens(t).is_empty(),
            _ => false,
        }
    }
}

fn aggregate<'a>(pages: impl Iterator<Item = &'a Page>) -> CorpusScore {
    let counts: Vec<Counts> = pages.map(|p| p.score.counts).collect();
    score::corpus(&counts)
}

/// (right, total) over the listing pages.
fn listing_accuracy<'a>(pages: impl Iterator<Item = &'a Page>) -> (usize, usize) {
    pages.filter(|p| p.listing).fold((0, 0), |(right, n), p| {
        (right + usize::from(p.listing_right()), n + 1)
    })
}

// ------------------------------------------------------------------------- fixtures

fn run_fixtures(args: &Args, baseline: &mut Value, gate: &mut Gate) {
    let fixtures = match fixture::list() {
        Ok(f) => f,
        Err(e) => {
            gate.failures.push(format!("cannot list fixtures: {e}"));
            return;
        }
    };
    println!(
        "fixtures: {} folders in {}\n",
        fixtures.len(),
        fixture::root().display()
    );
    println!(
        "{:<44} {:<4} {:<7} {:>6} {:>6} {:>6}  status",
        "fixture", "lang", "kind", "P", "R", "F1"
    );

    let mut pages = Vec::new();
    let mut broken = Vec::new();
    let mut hasher = Fnv64::new();
    for f in &fixtures {
        let loaded = f.meta().and_then(|m| Ok((m, f.source()?, f.expected()?)));
        let (meta, bytes, expected) = match loaded {
            Ok(x) => x,
            Err(e) => {
                println!("{:<44} BROKEN: {e}", f.name);
                broken.push(f.name.clone());
                continue;
            }
        };
        hasher.write(f.name.as_bytes());
        hasher.write(&[0]);
        hasher.write(expected.as_bytes());
        hasher.write(&[0]);

        let (outcome, secs) = run_page(&bytes, meta.content_type.as_deref(), meta.wide_scope);
        let mut page = Page::new(
            f.name.clone(),
            meta.language.clone(),
            &expected,
            outcome,
            secs,
        );
        // A listing fixture is defined by its kind, whatever expected.txt holds.
        page.listing = meta.kind == Kind::Listing;
        let flat = squash(page.outcome.text());
        page.missing = meta
            .must
            .iter()
            .filter(|m| !flat.contains(&squash(m)))
            .cloned()
            .collect();
        page.leaked = meta
            .must_not
            .iter()
            .filter(|m| flat.contains(&squash(m)))
            .cloned()
            .collect();

        let (kind, status) = match meta.kind {
            Kind::Listing if page.listing_right() => ("listing", "ok (no article)".to_owned()),
            Kind::Listing => match &page.outcome {
                Outcome::Text(t) => (
                    "listing",
                    format!("WRONG: {} words of text", score::tokens(t).len()),
                ),
                other => ("listing", format!("WRONG: {}", other.status())),
            },
            Kind::Article => {
                let mut s = page.outcome.status();
                if page.score.f1 < meta.f1_floor {
                    s.push_str(&format!(", F1 below {:.2}", meta.f1_floor));
                }
                ("article", s)
            }
        };
        println!(
            "{:<44} {:<4} {:<7} {:>6.3} {:>6.3} {:>6.3}  {status}",
            f.name,
            meta.language.as_deref().unwrap_or("?"),
            kind,
            page.score.precision,
            page.score.recall,
            page.score.f1,
        );
        if let Some(detail) = page.outcome.detail() {
            println!("    {detail}");
        }
        if meta.kind == Kind::Article {
            for m in &page.missing {
                println!("    missing must: {m:?}");
            }
        }
        for m in &page.leaked {
            println!("    leaked must_not: {m:?}");
        }
        pages.push((meta.is_vietnamese(), page));
    }

    let rows: [(&str, Vec<&Page>); 3] = [
        ("all", pages.iter().map(|(_, p)| p).collect()),
        (
            "vi",
            pages.iter().filter(|(vi, _)| *vi).map(|(_, p)| p).collect(),
        ),
        (
            "other",
            pages
                .iter()
                .filter(|(vi, _)| !*vi)
                .map(|(_, p)| p)
                .collect(),
        ),
    ];
    println!(
        "\n{:<8} {:>5} {:>6} {:>6} {:>6} {:>11} {:>10} {:>9}",
        "row", "pages", "P", "R", "F1", "page F1 avg", "must fail", "listings"
    );
    let mut current = Map::new();
    for (name, group) in &rows {
        let c = aggregate(group.iter().copied());
        let must_fail = group
            .iter()
            .filter(|p| !p.missing.is_empty() || !p.leaked.is_empty())
            .count();
        let (right, n) = listing_accuracy(group.iter().copied());
        println!(
            "{:<8} {:>5} {:>6.3} {:>6.3} {:>6.3} {:>11.3} {:>10} {:>9}",
            name,
            c.pages,
            c.precision,
            c.recall,
            c.f1,
            c.page_f1_mean,
            must_fail,
            format!("{right}/{n}")
        );
        if c.pages > 0 {
            current.insert((*name).to_owned(), json!({ "f1": c.f1, "pages": c.pages }));
        }
    }
    let (right, n) = listing_accuracy(rows[0].1.iter().copied());
    let accuracy = if n == 0 { 1.0 } else { right as f64 / n as f64 };
    println!("\nlisting accuracy: {right}/{n} listings answered NoArticle ({accuracy:.3})");
    let total: f64 = rows[0].1.iter().map(|p| p.secs).sum();
    println!(
        "extraction time: {:.1} ms for {} pages",
        total * 1000.0,
        rows[0].1.len()
    );

    let mut names: Vec<String> = fixtures.iter().map(|f| f.name.clone()).collect();
    names.retain(|n| !broken.contains(n));
    let fingerprint =
        json!({ "names": names, "expected_fnv1a64": format!("{:016x}", hasher.finish()) });
    report_fingerprint(baseline.pointer("/fixtures/fingerprint"), &fingerprint);
    for name in &broken {
        gate.failures
            .push(format!("fixture {name} could not be read"));
    }

    let section = baseline
        .pointer("/fixtures")
        .cloned()
        .unwrap_or_else(|| json!({}));
    if args.check {
        if section.get("rows").is_none() {
            gate.failures
                .push("fixtures/baseline.json has no fixture floors (run --update)".into());
        }
        if let Some(Value::Object(floors)) = section.get("rows") {
            for (row, floor) in floors {
                let Some(floor) = floor.get("f1").and_then(Value::as_f64) else {
                    continue;
                };
                match current
                    .get(row)
                    .and_then(|r| r.get("f1"))
                    .and_then(Value::as_f64)
                {
                    Some(f1) if f1 + FLOOR_EPSILON >= floor => {}
                    Some(f1) => gate
                        .failures
                        .push(format!("fixtures row {row}: F1 {f1:.4} < floor {floor:.3}")),
                    None => gate
                        .failures
                        .push(format!("fixtures row {row}: no pages (floor {floor:.3})")),
                }
            }
        }
        let floor = section.get("listing_accuracy").and_then(Value::as_f64);
        gate.floor("fixtures listing accuracy", accuracy, floor);
    }
    if args.update {
        let mut rows_floor = section
            .get("rows")
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default();
        for (row, value) in &current {
            let f1 = value.get("f1").and_then(Value::as_f64).unwrap_or(0.0);
            raise(&mut rows_floor, row, "f1", f1);
        }
        let mut new_section = section.as_object().cloned().unwrap_or_default();
        new_section.insert("rows".into(), Value::Object(rows_floor));
        raise_key(&mut new_section, "fixtures", "listing_accuracy", accuracy);
        new_section.insert("fingerprint".into(), fingerprint);
        set(baseline, "fixtures", Value::Object(new_section));
    }
}

/// Says how the fixture set differs from the one the floors were pinned on.
fn report_fingerprint(old: Option<&Value>, new: &Value) {
    let Some(old) = old else {
        println!("fixture set: no fingerprint in baseline.json yet");
        return;
    };
    if old == new {
        println!("fixture set: same as when the floors were pinned");
        return;
    }
    let names = |v: &Value| -> Vec<String> {
        v.get("names")
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(|n| n.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    let (old_names, new_names) = (names(old), names(new));
    let added: Vec<&String> = new_names
        .iter()
        .filter(|n| !old_names.contains(n))
        .collect();
    let removed: Vec<&String> = old_names
        .iter()
        .filter(|n| !new_names.contains(n))
        .collect();
    println!("fixture set CHANGED since the floors were pinned:");
    if !added.is_empty() {
        println!("  added ({}): {}", added.len(), join(&added));
    }
    if !removed.is_empty() {
        println!("  removed ({}): {}", removed.len(), join(&removed));
    }
    if added.is_empty() && removed.is_empty() {
        println!("  same folders, some expected.txt changed");
    }
    println!("  (`--update` records the new set; floors still only rise)");
}

fn join(names: &[&String]) -> String {
    names
        .iter()
        .map(|s| s.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

// ------------------------------------------------------------------------- corpus folders

fn run_corpus(dir: &Path, args: &Args, baseline: &mut Value, gate: &mut Gate) {
    let name = dir
        .canonicalize()
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| dir.display().to_string());
    let items = match list_corpus(dir) {
        Ok(items) => items,
        Err(e) => {
            gate.failures.push(format!("{name}: {e}"));
            return;
        }
    };
    let langs = read_index(dir);
    println!("== {name}: {} pages ({})", items.len(), dir.display());

    let mut pages = Vec::new();
    for (id, html_path, gold_path) in &items {
        let read = read_html(html_path).and_then(|bytes| {
            let gold = fs::read(gold_path).map_err(|e| format!("{}: {e}", gold_path.display()))?;
            Ok((bytes, String::from_utf8_lossy(&gold).into_owned()))
        });
        let (bytes, gold) = match read {
            Ok(x) => x,
            Err(e) => {
                gate.failures.push(format!("{name}/{id}: {e}"));
                continue;
            }
        };
        let (outcome, secs) = run_page(&bytes, None, false);
        pages.push(Page::new(
            id.clone(),
            langs.get(id).cloned(),
            &gold,
            outcome,
            secs,
        ));
    }
    if pages.is_empty() {
        gate.failures
            .push(format!("{name}: no <id>.html + <id>.txt pairs"));
        return;
    }

    let c = aggregate(pages.iter());
    println!(
        "P {:.3}  R {:.3}  F1 {:.3}  page F1 mean {:.3}",
        c.precision, c.recall, c.f1, c.page_f1_mean
    );
    let (right, n) = listing_accuracy(pages.iter());
    let accuracy = (n > 0).then(|| right as f64 / n as f64);
    if let Some(acc) = accuracy {
        println!("listing pages (empty gold): {right}/{n} answered without text ({acc:.3})");
    }

    let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
    for p in pages.iter().filter(|p| !p.listing) {
        *kinds.entry(p.outcome.status()).or_default() += 1;
    }
    let kinds: Vec<String> = kinds.iter().map(|(k, v)| format!("{k} {v}")).collect();
    println!("outcomes on article pages: {}", kinds.join(", "));
    for p in pages
        .iter()
        .filter(|p| matches!(p.outcome, Outcome::Panic(_) | Outcome::Error(..)))
    {
        println!(
            "  {} {}: {}",
            p.id,
            p.outcome.status(),
            p.outcome.detail().unwrap_or("")
        );
    }

    let mut secs: Vec<f64> = pages.iter().map(|p| p.secs).collect();
    secs.sort_by(f64::total_cmp);
    let total: f64 = secs.iter().sum();
    let at = |q: f64| secs[((secs.len() - 1) as f64 * q) as usize] * 1000.0;
    println!(
        "time per page: mean {:.2} ms, median {:.2} ms, p90 {:.2} ms, max {:.2} ms; total {:.2} s, {:.0} pages/s",
        total * 1000.0 / secs.len() as f64,
        at(0.5),
        at(0.9),
        at(1.0),
        total,
        if total > 0.0 {
            secs.len() as f64 / total
        } else {
            0.0
        }
    );
    let mut slow: Vec<&Page> = pages.iter().collect();
    slow.sort_by(|a, b| b.secs.total_cmp(&a.secs));
    let slow: Vec<String> = slow
        .iter()
        .take(SLOWEST_PAGES)
        .map(|p| format!("{} {:.1} ms", p.id, p.secs * 1000.0))
        .collect();
    println!("slowest: {}", slow.join(", "));

    let mut by_lang: BTreeMap<&str, Vec<&Page>> = BTreeMap::new();
    for p in &pages {
        by_lang
            .entry(p.lang.as_deref().unwrap_or("?"))
            .or_default()
            .push(p);
    }
    if by_lang.len() > 1 {
        let mut rows: Vec<(&str, CorpusScore)> = by_lang
            .iter()
            .map(|(l, ps)| (*l, aggregate(ps.iter().copied())))
            .collect();
        rows.sort_by(|a, b| b.1.pages.cmp(&a.1.pages).then(a.0.cmp(b.0)));
        let rows: Vec<String> = rows
            .iter()
            .map(|(l, c)| format!("{l} {:.3} ({})", c.f1, c.pages))
            .collect();
        println!("F1 by language: {}", rows.join(", "));
    }

    let mut worst: Vec<&Page> = pages.iter().collect();
    worst.sort_by(|a, b| a.score.f1.total_cmp(&b.score.f1).then(a.id.cmp(&b.id)));
    println!("worst pages:");
    println!(
        "  {:>6} {:>6} {:>6} {:>8} {:>8}  {:<12} id",
        "P", "R", "F1", "gold tok", "pred tok", "status"
    );
    for p in worst.iter().take(WORST_PAGES) {
        println!(
            "  {:>6.3} {:>6.3} {:>6.3} {:>8} {:>8}  {:<12} {}",
            p.score.precision,
            p.score.recall,
            p.score.f1,
            p.gold_tokens,
            p.pred_tokens,
            p.outcome.status(),
            p.id
        );
    }
    println!();

    let floors = baseline.pointer(&format!("/corpora/{name}")).cloned();
    if args.check {
        match &floors {
            None => println!("({name}: no floors in baseline.json)"),
            Some(floors) => {
                let floor = |key: &str| floors.get(key).and_then(Value::as_f64);
                gate.floor(&format!("{name}: F1"), c.f1, floor("f1"));
                if let Some(acc) = accuracy {
                    gate.floor(
                        &format!("{name}: listing accuracy"),
                        acc,
                        floor("listing_accuracy"),
                    );
                }
            }
        }
    }
    if args.update {
        let mut corpora = baseline
            .get("corpora")
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default();
        raise(&mut corpora, &name, "f1", c.f1);
        if let Some(acc) = accuracy {
            raise(&mut corpora, &name, "listing_accuracy", acc);
        }
        if let Some(Value::Object(entry)) = corpora.get_mut(&name) {
            entry.insert("pages".into(), json!(pages.len()));
        }
        set(baseline, "corpora", Value::Object(corpora));
    }
}

/// `(id, html, gold)` for every `<id>.html` or `<id>.html.gz` with an `<id>.txt`, by id.
fn list_corpus(dir: &Path) -> Result<Vec<(String, PathBuf, PathBuf)>, String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut items = Vec::new();
    for entry in entries.flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        let Some(id) = file
            .strip_suffix(".html.gz")
            .or_else(|| file.strip_suffix(".html"))
        else {
            continue;
        };
        let gold = dir.join(format!("{id}.txt"));
        if gold.is_file() {
            items.push((id.to_owned(), entry.path(), gold));
        }
    }
    items.sort();
    items.dedup_by(|a, b| a.0 == b.0);
    Ok(items)
}

fn read_html(path: &Path) -> Result<Vec<u8>, String> {
    let raw = fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    if path.extension().is_some_and(|e| e == "gz") {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(raw.as_slice())
            .read_to_end(&mut out)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        return Ok(out);
    }
    Ok(raw)
}

/// `id -> lang` from the folder's `index.jsonl`, when it has one (reporting only).
fn read_index(dir: &Path) -> HashMap<String, String> {
    let Ok(text) = fs::read_to_string(dir.join("index.jsonl")) else {
        return HashMap::new();
    };
    text.lines()
        .filter_map(|line| serde_json::from_str::<Value>(line).ok())
        .filter_map(|v| {
            Some((
                v.get("id")?.as_str()?.to_owned(),
                v.get("lang")?.as_str()?.to_owned(),
            ))
        })
        .collect()
}

// ------------------------------------------------------------------------- baseline.json

fn read_baseline(path: &Path) -> Result<Value, String> {
    match fs::read(path) {
        Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| format!("{}: {e}", path.display())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(json!({})),
        Err(e) => Err(format!("{}: {e}", path.display())),
    }
}

fn write_baseline(path: &Path, baseline: &Value) -> Result<(), String> {
    let mut doc = baseline.as_object().cloned().unwrap_or_default();
    doc.insert(
        "about".into(),
        json!(
            "Quality floors for `cargo bench --bench quality -- --check`: F1 (benchmark 4-gram rule) per \
             fixture row and per corpus folder, listing accuracy, and the fingerprint of the fixture set \
             they were pinned on. Written by `--update`, which only raises floors; see DEVELOPING.md."
        ),
    );
    let text = serde_json::to_string_pretty(&Value::Object(doc)).map_err(|e| e.to_string())?;
    fs::write(path, text + "\n").map_err(|e| format!("{}: {e}", path.display()))
}

/// `x` rounded down to [`FLOOR_DECIMALS`] decimals.
fn round_down(x: f64) -> f64 {
    let scale = 10f64.powi(FLOOR_DECIMALS);
    ((x * scale) + FLOOR_EPSILON).floor() / scale
}

/// Sets `map[row][key]` to the rounded-down score when that raises it, and says so.
fn raise(map: &mut Map<String, Value>, row: &str, key: &str, score: f64) {
    let entry = map.entry(row.to_owned()).or_insert_with(|| json!({}));
    if !entry.is_object() {
        *entry = json!({});
    }
    if let Some(target) = entry.as_object_mut() {
        raise_key(target, row, key, score);
    }
}

/// Sets `target[key]` to the rounded-down score when that raises it; `label` names
/// `target` in the message.
fn raise_key(target: &mut Map<String, Value>, label: &str, key: &str, score: f64) {
    let new = round_down(score);
    let old = target.get(key).and_then(Value::as_f64);
    if old.is_none_or(|old| old < new) {
        let old = old.map_or("none".into(), |o| format!("{o:.3}"));
        println!("floor {label}.{key}: {old} -> {new:.3}");
        target.insert(key.to_owned(), json!(new));
    }
}

fn set(doc: &mut Value, key: &str, value: Value) {
    if !doc.is_object() {
        *doc = json!({});
    }
    if let Some(map) = doc.as_object_mut() {
        map.insert(key.to_owned(), value);
    }
}

/// FNV-1a, 64 bits: a fingerprint that stays the same across Rust releases (std's
/// `DefaultHasher` makes no such promise).
struct Fnv64(u64);

impl Fnv64 {
    fn new() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

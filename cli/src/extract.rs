//! `tinhloc extract`: pages in (from `input`), JSON Lines or one file per page out, a
//! closing summary on stderr, and trafilatura's exit codes (0 all ok, 1 some failed, 126
//! nearly all failed).

use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Mutex;
use std::sync::mpsc::{self, TrySendError};
use std::time::Instant;

use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use serde_json::Value;
use tinhloc::{Article, Error, Extractor};

use crate::input::{self, Input, Page};

/// Pages handed to the thread pool at once: output streams in input order per batch.
const BATCH_PAGES: usize = 256;

/// WARC pages queued for the workers beside those they hold: a few, so the reading
/// thread extracts pages itself rather than reading far ahead.
const QUEUED_PAGES: usize = 2;

/// WARC pages read and not yet written, at most: bounds memory when one page is slow.
const READ_AHEAD_PAGES: usize = 512;

/// Share of failed pages, from which the exit code is 126 instead of 1 (trafilatura's
/// "nearly all failed").
const NEARLY_ALL_FAILED: f64 = 0.9;

/// Output format.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One JSON record per page on stdout.
    #[default]
    Jsonl,
    /// Plain text, one file per page in `--output-dir`.
    Text,
    /// Markdown, one file per page in `--output-dir`.
    Markdown,
    /// Sanitized HTML, one file per page in `--output-dir`.
    Html,
}

/// Arguments of `tinhloc extract`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files, folders, WARC archives, or `-` for stdin.
    #[arg(required_unless_present = "urls")]
    inputs: Vec<PathBuf>,
    /// A file of URLs to fetch, one per line (`-`: stdin), with the fetch example's
    /// limits: 30 s per page, 10 s to connect, 10 redirects, HTML only, and
    /// `--max-input-bytes` (10 MiB by default) of body.
    #[arg(long, value_name = "FILE")]
    urls: Option<PathBuf>,
    #[command(flatten)]
    extractor: crate::ExtractorArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    format: Format,
    /// Folder for the text, markdown or html files (required by those formats): one file
    /// per page, named after the page's path under its folder (a file given alone: its
    /// name); a name already taken gets `-2`, `-3`, ….
    #[arg(long, short = 'o')]
    output_dir: Option<PathBuf>,
    /// Worker threads (0: all cores).
    #[arg(long, short = 'p', default_value_t = 0)]
    parallel: usize,
    /// No closing summary.
    #[arg(long, short = 'q')]
    quiet: bool,
}

/// What became of one page.
enum Outcome {
    Ok(Box<Article>),
    /// The library's error.
    Failed(Error),
    /// The page could not be read.
    Unreadable(String),
}

/// The stable code of an error kind in the JSONL `error` field.
fn error_code(err: &Error) -> &'static str {
    match err {
        Error::NoArticle { kind, .. } => kind.name(),
        Error::InvalidUrl { .. } => "invalid_url",
        Error::InputTooLarge { .. } => "input_too_large",
        Error::TooManyNodes { .. } => "too_many_nodes",
        Error::TooDeep { .. } => "too_deep",
        Error::TimeBudgetExceeded { .. } => "time_budget_exceeded",
        _ => "error",
    }
}

fn extract_page(extractor: &Extractor, page: &Page) -> Outcome {
    let bytes = match &page.bytes {
        Ok(bytes) => bytes,
        Err(err) => return Outcome::Unreadable(err.clone()),
    };
    // The page's own URL resolves its links; an unparsable one is ignored.
    let with_url = page
        .url
        .as_deref()
        .and_then(|url| extractor.clone().base_url(url).ok());
    let extractor = with_url.as_ref().unwrap_or(extractor);
    match extractor.extract_bytes(bytes, page.content_type.as_deref()) {
        Ok(article) => Outcome::Ok(Box::new(article)),
        Err(err) => Outcome::Failed(err),
    }
}

/// The JSONL record of a page, fields in this order.
#[derive(serde::Serialize)]
struct Record<'a> {
    source: Value,
    ok: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    page_type: Option<tinhloc::PageType>,
    #[serde(skip_serializing_if = "Option::is_none")]
    metadata: Option<&'a tinhloc::Metadata>,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<String>,
    /// Reader comments and forum replies, when the page has any.
    #[serde(skip_serializing_if = "<[tinhloc::Comment]>::is_empty")]
    comments: &'a [tinhloc::Comment],
}

/// The JSONL record of a page.
fn record<'a>(page: &Page, outcome: &'a Outcome) -> Record<'a> {
    let mut record = Record {
        source: page.source.to_json(),
        ok: false,
        error: None,
        message: None,
        page_type: None,
        metadata: None,
        text: None,
        comments: &[],
    };
    match outcome {
        Outcome::Ok(article) => {
            record.ok = true;
            record.metadata = Some(article.metadata());
            record.text = Some(article.text());
            record.comments = article.comments();
        }
        Outcome::Failed(err) => {
            record.error = Some(error_code(err));
            record.message = Some(err.to_string());
            if let Error::NoArticle { page_type, .. } = err {
                record.page_type = Some(*page_type);
            }
        }
        Outcome::Unreadable(message) => {
            record.error = Some("unreadable");
            record.message = Some(message.clone());
        }
    }
    record
}

/// The JSONL record of a page, newline included.
fn json_line(page: &Page, outcome: &Outcome) -> Vec<u8> {
    let mut line = serde_json::to_vec(&record(page, outcome)).unwrap_or_else(|err| {
        // Serializing plain strings and numbers cannot fail; say so if it ever does.
        format!(
            "{{\"ok\":false,\"error\":\"serialize\",\"message\":{:?}}}",
            err.to_string()
        )
        .into_bytes()
    });
    line.push(b'\n');
    line
}

/// Running counts for the closing summary.
#[derive(Default)]
struct Summary {
    pages: usize,
    ok: usize,
    no_article: BTreeMap<&'static str, usize>,
    errors: usize,
}

/// What a page counts as in the summary.
#[derive(Debug, Clone, Copy)]
enum Tally {
    Ok,
    /// No article, of this error kind.
    NoArticle(&'static str),
    Error,
}

impl Tally {
    fn of(outcome: &Outcome) -> Self {
        match outcome {
            Outcome::Ok(_) => Self::Ok,
            Outcome::Failed(err @ Error::NoArticle { .. }) => Self::NoArticle(error_code(err)),
            Outcome::Failed(_) | Outcome::Unreadable(_) => Self::Error,
        }
    }
}

/// A page done by a worker: its JSON line, or the page and its outcome for a sink that
/// writes files.
enum Done {
    Line(Tally, Vec<u8>),
    Page(Tally, Box<(Page, Outcome)>),
}

impl Summary {
    fn add(&mut self, tally: Tally) {
        self.pages += 1;
        match tally {
            Tally::Ok => self.ok += 1,
            Tally::NoArticle(kind) => *self.no_article.entry(kind).or_default() += 1,
            Tally::Error => self.errors += 1,
        }
    }

    fn exit_code(&self) -> ExitCode {
        let failed = self.pages - self.ok;
        if self.pages > 0 && failed == 0 {
            ExitCode::SUCCESS
        } else if self.pages == 0 || failed as f64 >= NEARLY_ALL_FAILED * self.pages as f64 {
            ExitCode::from(126)
        } else {
            ExitCode::from(1)
        }
    }
}

/// Where the results go.
struct Sink {
    format: Format,
    output_dir: Option<PathBuf>,
    stdout: std::io::BufWriter<std::io::Stdout>,
    /// The output files written so far (lower-cased: some file systems ignore case).
    written: std::collections::HashSet<String>,
}

impl Sink {
    fn write(&mut self, page: &Page, outcome: &Outcome) -> std::io::Result<()> {
        if self.format == Format::Jsonl {
            serde_json::to_writer(&mut self.stdout, &record(page, outcome))?;
            self.stdout.write_all(b"\n")?;
            return Ok(());
        }
        let Outcome::Ok(article) = outcome else {
            let line = record(page, outcome);
            eprintln!(
                "tinhloc: {}: {}",
                line.source,
                line.message.unwrap_or_default()
            );
            return Ok(());
        };
        let (body, ext) = match self.format {
            Format::Text => (article.text(), "txt"),
            Format::Markdown => (article.markdown(), "md"),
            Format::Html => (article.html(), "html"),
            Format::Jsonl => unreachable!(),
        };
        let dir = self
            .output_dir
            .as_deref()
            .unwrap_or(std::path::Path::new("."));
        // A name already taken (two `source.html` given as files, `a.html` beside
        // `a.htm`, same-named archives) gets `-2`, `-3`, …: no page overwrites another.
        // The name is built as an OS string, so a path that is not UTF-8 stays as it is.
        let stem = dir.join(page.source.output_stem());
        let stem_name = stem.file_name().unwrap_or_default().to_os_string();
        let mut path = stem.clone();
        for n in 1.. {
            let mut name = stem_name.clone();
            if n > 1 {
                name.push(format!("-{n}"));
            }
            name.push(format!(".{ext}"));
            path.set_file_name(name);
            if self.written.insert(path.to_string_lossy().to_lowercase()) {
                break;
            }
        }
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(path, body)
    }
}

/// Runs `tinhloc extract`.
pub fn run(args: &Args) -> Result<ExitCode, Box<dyn std::error::Error>> {
    if args.format != Format::Jsonl && args.output_dir.is_none() {
        return Err("--format text|markdown|html needs --output-dir DIR".into());
    }
    if let Some(dir) = &args.output_dir {
        std::fs::create_dir_all(dir)?;
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.parallel)
        .build()?;
    let threads = pool.current_num_threads();
    let extractor = args.extractor.extractor();
    let urls = match &args.urls {
        Some(path) => {
            crate::fetch::read_url_list(path).map_err(|err| format!("{}: {err}", path.display()))?
        }
        None => Vec::new(),
    };
    let http = if urls.is_empty() {
        None
    } else {
        Some(input::Http {
            client: crate::fetch::client()?,
            max_bytes: args
                .extractor
                .max_input_bytes
                .map_or(crate::fetch::DEFAULT_MAX_BYTES, |n| n as u64),
        })
    };
    let inputs = input::collect(&args.inputs, &urls);

    let progress = if std::io::stderr().is_terminal() && !args.quiet {
        let bar = ProgressBar::new(0);
        bar.set_style(
            ProgressStyle::with_template("{spinner} {pos} pages {per_sec} {elapsed} {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        bar
    } else {
        ProgressBar::hidden()
    };

    let mut sink = Sink {
        format: args.format,
        output_dir: args.output_dir.clone(),
        stdout: std::io::BufWriter::new(std::io::stdout()),
        written: std::collections::HashSet::new(),
    };
    let mut summary = Summary::default();
    let start = Instant::now();
    let mut io_error = None;
    let jsonl = args.format == Format::Jsonl;
    let mut write = |done: Done| {
        let written = match done {
            Done::Line(tally, line) => {
                summary.add(tally);
                sink.stdout.write_all(&line)
            }
            Done::Page(tally, page) => {
                summary.add(tally);
                sink.write(&page.0, &page.1)
            }
        };
        if let Err(err) = written {
            io_error.get_or_insert(err);
        }
        progress.inc(1);
    };
    let mut files = Vec::new();
    for input in inputs {
        match input {
            Input::Warc(path) => {
                if !files.is_empty() {
                    let files = std::mem::take(&mut files);
                    run_files(&pool, files, http.as_ref(), &extractor, jsonl, &mut write);
                }
                stream_warc(&path, threads, &extractor, jsonl, &mut write);
            }
            other => files.push(other),
        }
    }
    run_files(&pool, files, http.as_ref(), &extractor, jsonl, &mut write);
    sink.stdout.flush()?;
    progress.finish_and_clear();
    if let Some(err) = io_error {
        return Err(err.into());
    }

    let seconds = start.elapsed().as_secs_f64();
    if !args.quiet {
        let no_article: Vec<String> = summary
            .no_article
            .iter()
            .map(|(kind, n)| format!("{kind} {n}"))
            .collect();
        eprintln!(
            "tinhloc: {} pages, {} ok, {} no article ({}), {} errors, {:.1} s, {:.1} pages/s",
            summary.pages,
            summary.ok,
            summary.no_article.values().sum::<usize>(),
            if no_article.is_empty() {
                "-".to_string()
            } else {
                no_article.join(", ")
            },
            summary.errors,
            seconds,
            summary.pages as f64 / seconds.max(1e-9),
        );
    }
    Ok(summary.exit_code())
}

/// Extracts a page and renders its JSON line (or keeps the page and its outcome for a
/// sink that writes files).
fn finish(extractor: &Extractor, page: Page, jsonl: bool) -> Done {
    let outcome = extract_page(extractor, &page);
    let tally = Tally::of(&outcome);
    if jsonl {
        Done::Line(tally, json_line(&page, &outcome))
    } else {
        Done::Page(tally, Box::new((page, outcome)))
    }
}

/// Extracts the pages of a WARC archive on `threads` threads in all, without a barrier
/// between batches, and hands them to `write` in archive order.
///
/// The archive can only be read in order, by one thread: that thread also extracts the
/// page it has just read whenever the other workers are busy, so `--parallel 1` reads
/// and extracts on one thread and `--parallel N` keeps N threads busy. `write` runs on
/// the calling thread.
fn stream_warc(
    path: &std::path::Path,
    threads: usize,
    extractor: &Extractor,
    jsonl: bool,
    write: &mut impl FnMut(Done),
) {
    let (work_send, work_receive) = mpsc::sync_channel::<(usize, Page)>(QUEUED_PAGES);
    let work_receive = Mutex::new(work_receive);
    let (done_send, done_receive) = mpsc::channel::<(usize, Done)>();
    // One credit per page read and not yet written: the reader stops READ_AHEAD_PAGES
    // ahead of the writer, whatever page a worker is stuck on.
    let (credit_send, credit_receive) = mpsc::sync_channel::<()>(READ_AHEAD_PAGES);
    for _ in 0..READ_AHEAD_PAGES {
        let _ = credit_send.send(());
    }
    std::thread::scope(|scope| {
        for _ in 1..threads {
            let done_send = done_send.clone();
            let work_receive = &work_receive;
            scope.spawn(move || {
                loop {
                    let job = match work_receive.lock() {
                        Ok(receive) => receive.recv(),
                        Err(_) => break,
                    };
                    let Ok((seq, page)) = job else { break };
                    if done_send
                        .send((seq, finish(extractor, page, jsonl)))
                        .is_err()
                    {
                        break;
                    }
                }
            });
        }
        scope.spawn(move || {
            let mut seq = 0;
            input::read_warc(path, |page| {
                if credit_receive.recv().is_err() {
                    return;
                }
                let mut job = (seq, page);
                seq += 1;
                if threads > 1 {
                    match work_send.try_send(job) {
                        Ok(()) => return,
                        Err(TrySendError::Full(back) | TrySendError::Disconnected(back)) => {
                            job = back;
                        }
                    }
                }
                let _ = done_send.send((job.0, finish(extractor, job.1, jsonl)));
            });
            drop(work_send);
        });
        let mut waiting = BTreeMap::new();
        let mut next = 0;
        for (seq, done) in done_receive {
            waiting.insert(seq, done);
            while let Some(done) = waiting.remove(&next) {
                write(done);
                next += 1;
                let _ = credit_send.send(());
            }
        }
    });
}

/// Reads page files (or fetches URLs) in parallel, in batches, extracts each batch in
/// parallel and hands the pages to `write` in input order.
fn run_files(
    pool: &rayon::ThreadPool,
    files: Vec<Input>,
    http: Option<&input::Http>,
    extractor: &Extractor,
    jsonl: bool,
    write: &mut impl FnMut(Done),
) {
    for chunk in files.chunks(BATCH_PAGES) {
        // A worker extracts, renders the JSON line and frees the page and its article:
        // only the writing is left to this thread.
        let done: Vec<Done> = pool.install(|| {
            chunk
                .par_iter()
                .map(|input| finish(extractor, input::read_page(input, http), jsonl))
                .collect()
        });
        done.into_iter().for_each(&mut *write);
    }
}

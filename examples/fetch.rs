//! Fetches a news page (or reads a saved one) and prints its article.
//!
//! ```text
//! cargo run --example fetch -- <URL | FILE | -> [OPTIONS]
//!
//!   cargo run --example fetch -- fixtures/<site>-<slug>/source.html     # offline, a saved page
//!   cargo run --example fetch -- https://example.com/news/some-article  # live page
//!   curl -s https://example.com/a.html | cargo run --example fetch -- - # standard input
//! ```
//!
//! An `http://` or `https://` argument is fetched; `-` reads standard input; anything else
//! is a local file. The article goes to standard output, and one summary line (title,
//! encoding, bytes read, characters of main text) goes to standard error.
//!
//! # Options
//!
//! | option | default | meaning |
//! |---|---|---|
//! | `--format text\|markdown\|json\|html` | `text` | output format (`json`: `Article::to_json`'s schema without `body`, plus `source`) |
//! | `--scope article\|any` | `article` | `any`: the main content of any page (listing, forum, product, docs) instead of "no article" |
//! | `--timeout SECS` | 30 | total time for the request, redirects and body |
//! | `--connect-timeout SECS` | 10 | time to open each connection (DNS, TCP, TLS) |
//! | `--max-bytes N` | 10485760 (10 MiB) | largest body read, after decompression |
//! | `--user-agent S` | `tinhloc-fetch/<version> (+<repository>)` | the `User-Agent` header |
//!
//! `SECS` may be fractional (`0.5`). Options may also be written `--format=json`.
//!
//! # HTTP behaviour
//!
//! - At most 10 redirects; a redirect loop is reported as too many redirects.
//! - `Accept-Encoding: gzip, br, deflate` (decompressed transparently), `Accept-Language:
//!   vi,en;q=0.8`, `Accept: text/html,application/xhtml+xml;q=0.9,*/*;q=0.1`.
//! - The body limit is enforced while streaming: a larger `Content-Length` is refused before
//!   reading, and a body without one stops being read one byte past the limit. The limit
//!   counts decompressed bytes, so a compression bomb stops there too. Files and standard
//!   input have the same limit.
//! - Content types: `text/html`, `application/xhtml+xml` and a missing `Content-Type` are
//!   read; everything else (PDF, images, JSON, XML, `text/plain`, ...) is refused with exit
//!   code 7 without reading the body. `text/plain` is refused because it is either plain
//!   text, with no markup to extract from, or a misconfigured server: save such a page and
//!   pass the file, which skips the check.
//! - The charset of the response's `Content-Type` is handed to
//!   [`tinhloc::Extractor::extract_bytes`], which prefers it to the page's `<meta>` tags. A
//!   file or standard input has no header: the BOM, `<meta>` or the bytes decide.
//!
//! # Exit codes
//!
//! | code | meaning |
//! |---|---|
//! | 0 | the article was printed |
//! | 2 | usage: bad or missing argument, invalid URL |
//! | 3 | DNS, connection, TLS or transfer failure (including a body that fails to decompress) |
//! | 4 | timeout (connect or total) |
//! | 5 | HTTP status other than 2xx after redirects, such as 404 or 503 (status shown) |
//! | 6 | too many redirects (more than 10, or a loop) |
//! | 7 | content type is not HTML |
//! | 8 | body over `--max-bytes` |
//! | 9 | the page has no article (`tinhloc::Error::NoArticle`: listing, home or empty page) |
//! | 10 | other extraction error (a document limit: too many nodes, nesting too deep) |
//! | 11 | local I/O error: reading the file or standard input, or writing the output |

use std::ffi::OsString;
use std::io::{self, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use reqwest::blocking::Client;
use reqwest::header::{self, HeaderMap, HeaderValue};

/// Default for `--timeout`: the whole request, redirects and body, in seconds.
const DEFAULT_TIMEOUT_SECS: f64 = 30.0;
/// Default for `--connect-timeout`, in seconds.
const DEFAULT_CONNECT_TIMEOUT_SECS: f64 = 10.0;
/// Default for `--max-bytes`: 10 MiB, several times the heaviest portal article page.
const DEFAULT_MAX_BYTES: u64 = 10 * 1024 * 1024;
/// Most redirects followed before giving up.
const MAX_REDIRECTS: usize = 10;
/// The `Accept-Language` header: Vietnamese first, then English.
const ACCEPT_LANGUAGE: &str = "vi,en;q=0.8";
/// The `Accept` header: HTML, and anything else only as a last resort.
const ACCEPT: &str = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1";
/// Where the default User-Agent points when `Cargo.toml` names no repository.
const FALLBACK_HOMEPAGE: &str = "https://crates.io/crates/tinhloc";
/// Media types (lowercase, without parameters) read as HTML; an absent type is read too.
const HTML_TYPES: &[&str] = &["text/html", "application/xhtml+xml"];

/// Exit code: bad or missing argument.
const EXIT_USAGE: u8 = 2;
/// Exit code: DNS, connection, TLS or transfer failure.
const EXIT_CONNECT: u8 = 3;
/// Exit code: connect or total timeout.
const EXIT_TIMEOUT: u8 = 4;
/// Exit code: HTTP status other than 2xx.
const EXIT_HTTP_STATUS: u8 = 5;
/// Exit code: too many redirects or a redirect loop.
const EXIT_REDIRECTS: u8 = 6;
/// Exit code: the content type is not HTML.
const EXIT_NOT_HTML: u8 = 7;
/// Exit code: the body is over `--max-bytes`.
const EXIT_TOO_LARGE: u8 = 8;
/// Exit code: the page has no article.
const EXIT_NO_ARTICLE: u8 = 9;
/// Exit code: another extraction error (a document limit).
const EXIT_EXTRACT: u8 = 10;
/// Exit code: local I/O error.
const EXIT_IO: u8 = 11;

const USAGE: &str = "\
usage: cargo run --example fetch -- <URL | FILE | -> [OPTIONS]

  URL   an http:// or https:// address to fetch
  FILE  a saved HTML page
  -     read the page from standard input

options:
  --format text|markdown|json|html   output format (default: text)
  --scope article|any                any: main content of any page (default: article)
  --timeout SECS                     total time limit (default: 30)
  --connect-timeout SECS             connection time limit (default: 10)
  --max-bytes N                      largest body read (default: 10485760)
  --user-agent S                     User-Agent header
  -h, --help                         print this help

exit codes: 2 usage, 3 connection, 4 timeout, 5 HTTP status, 6 redirects,
7 not HTML, 8 too large, 9 no article, 10 extraction limit, 11 local I/O";

/// A failure: the exit code and the message for standard error.
#[derive(Debug)]
struct Failure {
    code: u8,
    message: String,
}

impl Failure {
    fn new(code: u8, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
        }
    }
}

/// The output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Markdown,
    Json,
    Html,
}

/// Where the page comes from.
#[derive(Debug)]
enum Input {
    Url(String),
    File(PathBuf),
    Stdin,
}

/// The parsed command line.
#[derive(Debug)]
struct Options {
    input: Input,
    format: Format,
    scope: tinhloc::Scope,
    timeout: Duration,
    connect_timeout: Duration,
    max_bytes: u64,
    user_agent: String,
}

/// A page read from the network, a file or standard input.
struct Page {
    bytes: Vec<u8>,
    /// The `Content-Type` header value, for HTTP.
    content_type: Option<String>,
    /// The final URL after redirects, for HTTP.
    final_url: Option<String>,
    /// What to call the page in messages: its final URL or its path.
    label: String,
}

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    match run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("fetch: error: {}", failure.message);
            if failure.code == EXIT_USAGE {
                let first_line = USAGE.lines().next().unwrap_or_default();
                eprintln!("{first_line}\n(--help lists the options)");
            }
            ExitCode::from(failure.code)
        }
    }
}

/// Writes `text` to standard output. A reader that went away (`| head`) is not an error.
fn write_stdout(text: &str) -> Result<(), Failure> {
    let mut stdout = io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure::new(
            EXIT_IO,
            format!("cannot write the output: {e}"),
        )),
    }
}

fn run(args: Vec<OsString>) -> Result<(), Failure> {
    let Some(options) = parse_args(args)? else {
        // `println!` panics when the reader has gone (`fetch --help | head -1`).
        return write_stdout(&format!("{USAGE}\n"));
    };
    let page = match &options.input {
        Input::Url(url) => fetch(url, &options)?,
        Input::File(path) => {
            let file = std::fs::File::open(path).map_err(|e| {
                Failure::new(
                    EXIT_IO,
                    format!("cannot open {}: {e}{}", path.display(), url_hint(path)),
                )
            })?;
            let label = path.display().to_string();
            let bytes = read_limited(file, options.max_bytes)
                .map_err(|e| Failure::new(EXIT_IO, format!("cannot read {label}: {e}")))?
                .ok_or_else(|| too_large(&label, options.max_bytes))?;
            Page {
                bytes,
                content_type: None,
                final_url: None,
                label,
            }
        }
        Input::Stdin => {
            let label = "standard input".to_owned();
            let bytes = read_limited(io::stdin().lock(), options.max_bytes)
                .map_err(|e| Failure::new(EXIT_IO, format!("cannot read {label}: {e}")))?
                .ok_or_else(|| too_large(&label, options.max_bytes))?;
            Page {
                bytes,
                content_type: None,
                final_url: None,
                label,
            }
        }
    };

    let mut extractor = tinhloc::Extractor::new()
        .scope(options.scope)
        .max_input_bytes(usize::try_from(options.max_bytes).unwrap_or(usize::MAX));
    if let Some(url) = &page.final_url {
        extractor = match extractor.clone().base_url(url) {
            Ok(with_url) => with_url,
            Err(_) => extractor,
        };
    }
    let article = extractor
        .extract_bytes(&page.bytes, page.content_type.as_deref())
        .map_err(|e| match e {
            tinhloc::Error::NoArticle { kind, .. } => Failure::new(
                EXIT_NO_ARTICLE,
                format!("no article in {}: {kind}", page.label),
            ),
            other => Failure::new(
                EXIT_EXTRACT,
                format!("cannot extract {}: {other}", page.label),
            ),
        })?;

    let text = article.text();
    let mut output = match options.format {
        Format::Text => text.clone(),
        Format::Markdown => article.markdown(),
        Format::Html => article.html(),
        Format::Json => to_json(&article, &text, &page),
    };
    if !output.ends_with('\n') {
        output.push('\n');
    }
    write_stdout(&output)?;

    let title = article
        .title()
        .map(|t| format!("\"{}\"", t.split_whitespace().collect::<Vec<_>>().join(" ")))
        .unwrap_or_else(|| "(none)".to_owned());
    eprintln!(
        "fetch: title {title} | encoding {} | {} bytes | {} chars | {}",
        article.encoding(),
        page.bytes.len(),
        text.chars().count(),
        page.label
    );
    Ok(())
}

/// Parses the arguments; `None` when help was asked for.
fn parse_args(args: Vec<OsString>) -> Result<Option<Options>, Failure> {
    let mut input: Option<Input> = None;
    let mut format = Format::Text;
    let mut scope = tinhloc::Scope::Article;
    let mut timeout = secs(DEFAULT_TIMEOUT_SECS);
    let mut connect_timeout = secs(DEFAULT_CONNECT_TIMEOUT_SECS);
    let mut max_bytes = DEFAULT_MAX_BYTES;
    let mut user_agent = default_user_agent();

    let mut args = args.into_iter();
    let mut only_positional = false;
    while let Some(arg) = args.next() {
        let text = arg.to_string_lossy().into_owned();
        if only_positional || text == "-" || !text.starts_with('-') {
            if input.is_some() {
                return Err(Failure::new(
                    EXIT_USAGE,
                    format!("more than one input given: {text:?}"),
                ));
            }
            input = Some(classify_input(arg));
            continue;
        }
        if text == "--" {
            only_positional = true;
            continue;
        }
        if text == "-h" || text == "--help" {
            return Ok(None);
        }
        let (name, inline_value) = match text.split_once('=') {
            Some((name, value)) => (name.to_owned(), Some(value.to_owned())),
            None => (text.clone(), None),
        };
        let mut value = || -> Result<String, Failure> {
            match &inline_value {
                Some(v) => Ok(v.clone()),
                None => args
                    .next()
                    .map(|v| v.to_string_lossy().into_owned())
                    .ok_or_else(|| Failure::new(EXIT_USAGE, format!("{name} needs a value"))),
            }
        };
        match name.as_str() {
            "--format" => {
                format = match value()?.to_ascii_lowercase().as_str() {
                    "text" | "txt" => Format::Text,
                    "markdown" | "md" => Format::Markdown,
                    "json" => Format::Json,
                    "html" => Format::Html,
                    other => {
                        return Err(Failure::new(
                            EXIT_USAGE,
                            format!(
                                "unknown format {other:?} (expected text, markdown, json or html)"
                            ),
                        ));
                    }
                }
            }
            "--scope" => {
                scope = match value()?.to_ascii_lowercase().as_str() {
                    "article" => tinhloc::Scope::Article,
                    "any" => tinhloc::Scope::Any,
                    other => {
                        return Err(Failure::new(
                            EXIT_USAGE,
                            format!("unknown scope {other:?} (expected article or any)"),
                        ));
                    }
                }
            }
            "--timeout" => timeout = parse_secs(&name, &value()?)?,
            "--connect-timeout" => connect_timeout = parse_secs(&name, &value()?)?,
            "--max-bytes" => {
                let v = value()?;
                max_bytes = v
                    .trim()
                    .parse::<u64>()
                    .ok()
                    .filter(|n| *n > 0)
                    .ok_or_else(|| {
                        Failure::new(
                            EXIT_USAGE,
                            format!("{name} needs a positive whole number, not {v:?}"),
                        )
                    })?;
            }
            "--user-agent" => {
                let v = value()?;
                if v.trim().is_empty() || HeaderValue::from_str(&v).is_err() {
                    return Err(Failure::new(
                        EXIT_USAGE,
                        format!("{name} {v:?} is not a valid header value"),
                    ));
                }
                user_agent = v;
            }
            _ => return Err(Failure::new(EXIT_USAGE, format!("unknown option {name}"))),
        }
    }
    let input = input.ok_or_else(|| Failure::new(EXIT_USAGE, "no URL, file or - given"))?;
    Ok(Some(Options {
        input,
        format,
        scope,
        timeout,
        connect_timeout,
        max_bytes,
        user_agent,
    }))
}

/// `-` is standard input, `http(s)://…` a URL, anything else a path.
fn classify_input(arg: OsString) -> Input {
    let text = arg.to_string_lossy();
    let lower = text.to_ascii_lowercase();
    if text == "-" {
        Input::Stdin
    } else if lower.starts_with("http://") || lower.starts_with("https://") {
        Input::Url(text.into_owned())
    } else {
        Input::File(PathBuf::from(arg))
    }
}

/// A hint for a missing file that looks like a URL without its scheme.
fn url_hint(path: &std::path::Path) -> &'static str {
    let text = path.to_string_lossy();
    if !path.exists() && (text.starts_with("www.") || text.contains("://")) {
        " (a URL must start with http:// or https://)"
    } else {
        ""
    }
}

fn secs(secs: f64) -> Duration {
    Duration::from_secs_f64(secs)
}

/// Parses a positive, finite number of seconds.
fn parse_secs(name: &str, value: &str) -> Result<Duration, Failure> {
    value
        .trim()
        .parse::<f64>()
        .ok()
        .filter(|s| s.is_finite() && *s > 0.0)
        .and_then(|s| Duration::try_from_secs_f64(s).ok())
        .ok_or_else(|| {
            Failure::new(
                EXIT_USAGE,
                format!("{name} needs a positive number of seconds, not {value:?}"),
            )
        })
}

fn default_user_agent() -> String {
    let homepage = match env!("CARGO_PKG_REPOSITORY") {
        "" => FALLBACK_HOMEPAGE,
        repository => repository,
    };
    format!("tinhloc-fetch/{} (+{homepage})", env!("CARGO_PKG_VERSION"))
}

/// Fetches `url`, enforcing the timeouts, redirect limit, content type and size limit.
fn fetch(url: &str, options: &Options) -> Result<Page, Failure> {
    let mut headers = HeaderMap::new();
    headers.insert(header::ACCEPT, HeaderValue::from_static(ACCEPT));
    headers.insert(
        header::ACCEPT_LANGUAGE,
        HeaderValue::from_static(ACCEPT_LANGUAGE),
    );
    let client = Client::builder()
        .user_agent(options.user_agent.as_str())
        .default_headers(headers)
        .connect_timeout(options.connect_timeout)
        .timeout(options.timeout)
        .redirect(reqwest::redirect::Policy::limited(MAX_REDIRECTS))
        .build()
        .map_err(|e| {
            Failure::new(
                EXIT_CONNECT,
                format!("cannot start the HTTP client: {}", chain(&e)),
            )
        })?;

    // The request's own timeout also bounds the body as a whole (the client's only bounds
    // each read), so a server dripping bytes cannot hold us past `--timeout`.
    let mut response = client
        .get(url)
        .timeout(options.timeout)
        .send()
        .map_err(|e| request_failure(&e, url, options))?;

    let final_url = response.url().to_string();
    let status = response.status();
    if !status.is_success() {
        return Err(Failure::new(
            EXIT_HTTP_STATUS,
            format!("HTTP {status} from {final_url}"),
        ));
    }

    let content_type = response
        .headers()
        .get(header::CONTENT_TYPE)
        .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned());
    if let Some(content_type) = &content_type {
        let essence = content_type
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        if !essence.is_empty() && !HTML_TYPES.contains(&essence.as_str()) {
            return Err(Failure::new(
                EXIT_NOT_HTML,
                format!(
                    "{final_url} is {essence}, not HTML (expected text/html or application/xhtml+xml)"
                ),
            ));
        }
    }

    if let Some(length) = response.content_length()
        && length > options.max_bytes
    {
        return Err(Failure::new(
            EXIT_TOO_LARGE,
            format!(
                "{final_url} declares {length} bytes, over the limit of {} bytes (--max-bytes)",
                options.max_bytes
            ),
        ));
    }

    let bytes = read_limited(&mut response, options.max_bytes)
        .map_err(|e| {
            if is_timeout(&e) {
                Failure::new(
                    EXIT_TIMEOUT,
                    format!(
                        "timed out after {:?} reading the body of {final_url} (--timeout)",
                        options.timeout
                    ),
                )
            } else {
                Failure::new(
                    EXIT_CONNECT,
                    format!("reading the body of {final_url} failed: {}", chain(&e)),
                )
            }
        })?
        .ok_or_else(|| too_large(&final_url, options.max_bytes))?;

    Ok(Page {
        bytes,
        content_type,
        label: final_url.clone(),
        final_url: Some(final_url),
    })
}

/// Maps an error from sending the request (before any body byte) to a failure.
fn request_failure(error: &reqwest::Error, url: &str, options: &Options) -> Failure {
    if error.is_redirect() {
        Failure::new(
            EXIT_REDIRECTS,
            format!("too many redirects (more than {MAX_REDIRECTS}, or a loop) starting at {url}"),
        )
    } else if error.is_timeout() {
        let which = if error.is_connect() {
            format!(
                "connecting after {:?} (--connect-timeout)",
                options.connect_timeout
            )
        } else {
            format!("after {:?} (--timeout)", options.timeout)
        };
        Failure::new(EXIT_TIMEOUT, format!("timed out {which} fetching {url}"))
    } else if error.is_builder() {
        Failure::new(EXIT_USAGE, format!("invalid URL {url:?}: {}", chain(error)))
    } else if error.is_connect() {
        Failure::new(
            EXIT_CONNECT,
            format!("cannot connect for {url}: {}", chain(error)),
        )
    } else {
        Failure::new(
            EXIT_CONNECT,
            format!("request for {url} failed: {}", chain(error)),
        )
    }
}

/// Reads at most `max + 1` bytes; `None` when there were more than `max`. Stops reading
/// there, so an endless body costs at most `max + 1` bytes.
fn read_limited(reader: impl Read, max: u64) -> io::Result<Option<Vec<u8>>> {
    let mut bytes = Vec::new();
    reader.take(max.saturating_add(1)).read_to_end(&mut bytes)?;
    if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > max {
        return Ok(None);
    }
    Ok(Some(bytes))
}

fn too_large(label: &str, max: u64) -> Failure {
    Failure::new(
        EXIT_TOO_LARGE,
        format!("{label} is over the limit of {max} bytes (--max-bytes); stopped reading"),
    )
}

/// Whether an I/O error from reading a response body is, somewhere in its chain, a timeout.
fn is_timeout(error: &io::Error) -> bool {
    if error.kind() == io::ErrorKind::TimedOut {
        return true;
    }
    let mut source: Option<&(dyn std::error::Error + 'static)> = error.get_ref().map(|e| e as _);
    while let Some(err) = source {
        if let Some(reqwest_error) = err.downcast_ref::<reqwest::Error>()
            && reqwest_error.is_timeout()
        {
            return true;
        }
        if let Some(io_error) = err.downcast_ref::<io::Error>()
            && io_error.kind() == io::ErrorKind::TimedOut
        {
            return true;
        }
        source = err.source();
    }
    false
}

/// An error and its sources, joined with `: ` (reqwest's own message is terse).
fn chain(error: &dyn std::error::Error) -> String {
    let mut message = error.to_string();
    let mut source = error.source();
    while let Some(err) = source {
        let text = err.to_string();
        if !message.contains(&text) {
            message.push_str(": ");
            message.push_str(&text);
        }
        source = err.source();
    }
    message
}

/// The article as one JSON object in the schema of `Article::to_json` (the library's
/// `serde` feature): `metadata` (lower-case `page_type`), `text`, `comments` (text, author,
/// published) and `encoding`, without the `body` blocks, plus `source`, where the page came
/// from. Keys stay in this order.
fn to_json(article: &tinhloc::Article, text: &str, page: &Page) -> String {
    use serde_json::json;
    let m = article.metadata();
    let metadata = [
        ("title", json!(m.title)),
        ("authors", json!(m.authors)),
        ("published", json!(m.published)),
        ("modified", json!(m.modified)),
        ("site_name", json!(m.site_name)),
        ("url", json!(m.url)),
        ("description", json!(m.description)),
        ("image", json!(m.image)),
        ("language", json!(m.language)),
        ("tags", json!(m.tags)),
        (
            "page_type",
            json!(format!("{:?}", m.page_type).to_ascii_lowercase()),
        ),
    ];
    let metadata: Vec<String> = metadata
        .iter()
        .map(|(key, value)| format!("    {}: {value}", json!(key)))
        .collect();
    let comments: Vec<serde_json::Value> = article
        .comments()
        .iter()
        .map(|comment| {
            json!({
                "text": comment.text,
                "author": comment.author,
                "published": comment.published,
            })
        })
        .collect();
    format!(
        "{{\n  \"metadata\": {{\n{}\n  }},\n  \"text\": {},\n  \"comments\": {},\n  \"encoding\": {},\n  \"source\": {}\n}}",
        metadata.join(",\n"),
        json!(text),
        json!(comments),
        json!(article.encoding()),
        json!(page.label)
    )
}

//! `--urls`: pages fetched over HTTP with the limits of the fetch example
//! (`examples/fetch.rs`): total and connect timeouts, at most 10 redirects, HTML content
//! types only, and a body limit counted after decompression and enforced while reading.

use std::io::Read;
use std::time::Duration;

use reqwest::blocking::Client;
use reqwest::header::{self, HeaderMap, HeaderValue};

/// The whole request, redirects and body (the fetch example's `--timeout` default).
const TIMEOUT: Duration = Duration::from_secs(30);
/// Opening each connection: DNS, TCP, TLS (the fetch example's `--connect-timeout`).
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Most redirects followed before giving up.
const MAX_REDIRECTS: usize = 10;
/// Largest body read when `--max-input-bytes` is not given (the fetch example's default).
pub const DEFAULT_MAX_BYTES: u64 = 10 * 1024 * 1024;
/// The `Accept-Language` header: Vietnamese first, then English.
const ACCEPT_LANGUAGE: &str = "vi,en;q=0.8";
/// The `Accept` header: HTML, and anything else only as a last resort.
const ACCEPT: &str = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1";
/// Content types read as pages; a missing `Content-Type` is read too.
const HTML_TYPES: &[&str] = &["text/html", "application/xhtml+xml"];

/// A fetched page.
pub struct Fetched {
    pub bytes: Vec<u8>,
    /// The `Content-Type` header, whose charset the library prefers to `<meta>`.
    pub content_type: Option<String>,
    /// The URL after redirects: it resolves the page's links.
    pub final_url: String,
}

/// The HTTP client every fetch of a run shares (connection pooling across pages).
pub fn client() -> Result<Client, String> {
    let mut headers = HeaderMap::new();
    headers.insert(header::ACCEPT, HeaderValue::from_static(ACCEPT));
    headers.insert(
        header::ACCEPT_LANGUAGE,
        HeaderValue::from_static(ACCEPT_LANGUAGE),
    );
    Client::builder()
        .user_agent(concat!("tinhloc/", env!("CARGO_PKG_VERSION")))
        .default_headers(headers)
        .connect_timeout(CONNECT_TIMEOUT)
        .timeout(TIMEOUT)
        .redirect(reqwest::redirect::Policy::limited(MAX_REDIRECTS))
        .build()
        .map_err(|e| format!("cannot start the HTTP client: {e}"))
}

/// Fetches `url`, or says in one line why not.
pub fn fetch(client: &Client, url: &str, max_bytes: u64) -> Result<Fetched, String> {
    let response = client.get(url).send().map_err(|e| {
        if e.is_redirect() {
            format!("too many redirects (more than {MAX_REDIRECTS}, or a loop)")
        } else if e.is_timeout() {
            "timed out".to_string()
        } else {
            format!("request failed: {}", chain(&e))
        }
    })?;
    let final_url = response.url().to_string();
    let status = response.status();
    if !status.is_success() {
        return Err(format!("HTTP {status} from {final_url}"));
    }
    let content_type = response
        .headers()
        .get(header::CONTENT_TYPE)
        .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned());
    if let Some(content_type) = &content_type {
        let essence = content_type.split(';').next().unwrap_or("").trim();
        let essence = essence.to_ascii_lowercase();
        if !essence.is_empty() && !HTML_TYPES.contains(&essence.as_str()) {
            return Err(format!("{final_url} is {essence}, not HTML"));
        }
    }
    if let Some(length) = response.content_length()
        && length > max_bytes
    {
        return Err(format!(
            "{final_url} declares {length} bytes, over the limit of {max_bytes}"
        ));
    }
    // One byte past the limit tells a body over it from one exactly at it.
    let mut bytes = Vec::new();
    response
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| format!("reading the body of {final_url} failed: {e}"))?;
    if bytes.len() as u64 > max_bytes {
        return Err(format!(
            "{final_url} is over the limit of {max_bytes} bytes"
        ));
    }
    Ok(Fetched {
        bytes,
        content_type,
        final_url,
    })
}

/// An error and its sources on one line.
fn chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

/// The URLs of a list file: one per line; blank lines and `#` comments skipped.
pub fn read_url_list(path: &std::path::Path) -> std::io::Result<Vec<String>> {
    let text = if path.as_os_str() == "-" {
        let mut text = String::new();
        std::io::stdin().lock().read_to_string(&mut text)?;
        text
    } else {
        std::fs::read_to_string(path)?
    };
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(str::to_string)
        .collect())
}

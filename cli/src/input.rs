//! Inputs → pages: command-line arguments in, a list of `Input`s (files, stdin, WARC
//! archives, URLs) out; each `Input` then reads into `Page`s (bytes, content type, URL,
//! source).

use std::io::{self, Read};
use std::path::{Path, PathBuf};

use fastwarc::warc::iter::ArchiveIterator;
use fastwarc::warc::iter::filter::has_record_type;
use fastwarc::warc::record::{AutoDecode, WarcRecordType};
use serde_json::{Value, json};

/// One thing to read: a page file, stdin, or a WARC archive.
#[derive(Debug, Clone)]
pub enum Input {
    /// An HTML file (`.html.gz` is gunzipped); `rel` is its path under the folder given
    /// on the command line, or its file name.
    File { path: PathBuf, rel: PathBuf },
    /// One HTML page on stdin.
    Stdin,
    /// A WARC file, compressed or not.
    Warc(PathBuf),
    /// A page to fetch; `line` is its place in the `--urls` list, from 1.
    Url { url: String, line: usize },
}

/// Where a page came from, as the JSONL `source` field says it.
#[derive(Debug, Clone)]
pub enum Source {
    /// A file; `rel` names its output file.
    File { path: PathBuf, rel: PathBuf },
    /// Stdin.
    Stdin,
    /// A WARC record.
    Warc {
        file: PathBuf,
        offset: u64,
        record_id: Option<String>,
        target_uri: Option<String>,
    },
    /// A fetched page: the URL asked for, and where redirects led.
    Url {
        url: String,
        final_url: Option<String>,
        line: usize,
    },
}

impl Source {
    /// The JSON of the `source` field.
    pub fn to_json(&self) -> Value {
        match self {
            Self::File { path, .. } => Value::String(path.display().to_string()),
            Self::Stdin => Value::String("-".into()),
            Self::Warc {
                file,
                offset,
                record_id,
                target_uri,
            } => json!({
                "warc": file.display().to_string(),
                "offset": offset,
                "record_id": record_id,
                "target_uri": target_uri,
            }),
            Self::Url { url, final_url, .. } => json!({
                "url": url,
                "final_url": final_url,
            }),
        }
    }

    /// The output file name of the page, without extension, relative to `--output-dir`.
    pub fn output_stem(&self) -> PathBuf {
        match self {
            Self::File { rel, .. } => strip_page_ext(rel),
            Self::Stdin => PathBuf::from("stdin"),
            Self::Warc { file, offset, .. } => {
                let name = file
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let name = name
                    .trim_end_matches(".gz")
                    .trim_end_matches(".zst")
                    .trim_end_matches(".lz4")
                    .trim_end_matches(".warc")
                    .to_string();
                PathBuf::from(format!("{name}-{offset}"))
            }
            Self::Url { url, line, .. } => {
                let address = url.split_once("://").map_or(url.as_str(), |(_, rest)| rest);
                let safe: String = address
                    .chars()
                    .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
                    .take(URL_STEM_CHARS)
                    .collect();
                PathBuf::from(format!("url-{line:05}-{safe}"))
            }
        }
    }
}

/// A page read from an input, or why it could not be read.
#[derive(Debug)]
pub struct Page {
    pub source: Source,
    /// The bytes, or the I/O or archive error that stopped their reading.
    pub bytes: Result<Vec<u8>, String>,
    /// The HTTP `Content-Type` (WARC records).
    pub content_type: Option<String>,
    /// The page's own URL, for link resolution (WARC records).
    pub url: Option<String>,
}

/// Characters of a URL kept in its output file name (after the line number).
const URL_STEM_CHARS: usize = 80;

/// File name endings read as pages inside folders.
const PAGE_EXTS: [&str; 3] = [".html", ".htm", ".html.gz"];
/// File name endings read as WARC archives.
const WARC_EXTS: [&str; 4] = [".warc", ".warc.gz", ".warc.zst", ".warc.lz4"];

fn ends_with_any(path: &Path, exts: &[&str]) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    exts.iter().any(|e| name.ends_with(e))
}

fn strip_page_ext(path: &Path) -> PathBuf {
    let s = path.to_string_lossy();
    for ext in [".html.gz", ".html", ".htm", ".gz"] {
        if let Some(stem) = s.strip_suffix(ext) {
            return PathBuf::from(stem);
        }
    }
    path.to_path_buf()
}

/// The inputs named by the arguments: folders walked recursively (sorted), `-` as stdin.
/// A path that does not exist still gives an input, whose reading then fails, so it
/// shows as one failed record and never stops the batch.
pub fn collect(args: &[PathBuf], urls: &[String]) -> Vec<Input> {
    let mut inputs = Vec::new();
    for arg in args {
        if arg.as_os_str() == "-" {
            inputs.push(Input::Stdin);
        } else if arg.is_dir() {
            walk(arg, arg, &mut inputs);
        } else if ends_with_any(arg, &WARC_EXTS) {
            inputs.push(Input::Warc(arg.clone()));
        } else {
            let rel = arg.file_name().map(PathBuf::from).unwrap_or_default();
            inputs.push(Input::File {
                path: arg.clone(),
                rel,
            });
        }
    }
    for (index, url) in urls.iter().enumerate() {
        inputs.push(Input::Url {
            url: url.clone(),
            line: index + 1,
        });
    }
    inputs
}

fn walk(root: &Path, dir: &Path, inputs: &mut Vec<Input>) {
    let mut stack = vec![dir.to_path_buf()];
    let mut found = Vec::new();
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if ends_with_any(&path, &WARC_EXTS) || ends_with_any(&path, &PAGE_EXTS) {
                found.push(path);
            }
        }
    }
    found.sort();
    for path in found {
        if ends_with_any(&path, &WARC_EXTS) {
            inputs.push(Input::Warc(path));
        } else {
            let rel = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
            inputs.push(Input::File { path, rel });
        }
    }
}

/// What fetching a URL needs: the shared client and the body limit.
pub struct Http {
    pub client: reqwest::blocking::Client,
    pub max_bytes: u64,
}

/// Reads a page file or stdin (gunzipping gzip bytes), or fetches a URL with `http`.
pub fn read_page(input: &Input, http: Option<&Http>) -> Page {
    if let Input::Url { url, line } = input {
        let fetched = http
            .ok_or_else(|| "no HTTP client".to_string())
            .and_then(|http| crate::fetch::fetch(&http.client, url, http.max_bytes));
        let (bytes, content_type, final_url) = match fetched {
            Ok(page) => (Ok(page.bytes), page.content_type, Some(page.final_url)),
            Err(err) => (Err(err), None, None),
        };
        return Page {
            source: Source::Url {
                url: url.clone(),
                final_url: final_url.clone(),
                line: *line,
            },
            bytes,
            content_type,
            url: final_url,
        };
    }
    let (source, bytes) = match input {
        Input::File { path, rel } => (
            Source::File {
                path: path.clone(),
                rel: rel.clone(),
            },
            std::fs::read(path),
        ),
        Input::Stdin => {
            let mut buf = Vec::new();
            let read = io::stdin().lock().read_to_end(&mut buf).map(|_| buf);
            (Source::Stdin, read)
        }
        Input::Warc(_) | Input::Url { .. } => {
            unreachable!("WARC inputs are read record by record, URLs above")
        }
    };
    let bytes = bytes.and_then(gunzip_if_gzip).map_err(|e| e.to_string());
    Page {
        source,
        bytes,
        content_type: None,
        url: None,
    }
}

fn gunzip_if_gzip(bytes: Vec<u8>) -> io::Result<Vec<u8>> {
    if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(&bytes[..]).read_to_end(&mut out)?;
        Ok(out)
    } else {
        Ok(bytes)
    }
}

/// Whether an HTTP content type is HTML (a missing one is not).
fn is_html(content_type: &str) -> bool {
    let mime = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    mime == "text/html" || mime == "application/xhtml+xml"
}

/// Reads the HTML response records of a WARC file, calling `each` with every page in
/// archive order. An unreadable archive or a broken record gives one failed page and ends
/// that archive.
pub fn read_warc(path: &Path, mut each: impl FnMut(Page)) {
    let failed = |offset: u64, err: String| Page {
        source: Source::Warc {
            file: path.to_path_buf(),
            offset,
            record_id: None,
            target_uri: None,
        },
        bytes: Err(err),
        content_type: None,
        url: None,
    };
    let iter = match ArchiveIterator::from_path(path) {
        Ok(iter) => iter,
        Err(err) => return each(failed(0, err.to_string())),
    };
    let iter = iter
        .with_decode_http_payload(AutoDecode::All)
        .with_filter(has_record_type(WarcRecordType::Response));
    let mut last_offset = 0;
    for record in iter {
        let record = match record {
            Ok(record) => record,
            Err(err) => {
                each(failed(last_offset, format!("WARC: {err}")));
                break;
            }
        };
        let mut record = record.borrow_mut();
        last_offset = record.stream_pos();
        let content_type = record
            .http_headers()
            .and_then(|h| h.get("Content-Type"))
            .map(|c| c.into_owned());
        if !content_type.as_deref().is_some_and(is_html) {
            continue;
        }
        let url = record
            .headers()
            .get("WARC-Target-URI")
            .map(|u| u.trim().trim_matches(['<', '>']).to_string());
        let source = Source::Warc {
            file: path.to_path_buf(),
            offset: record.stream_pos(),
            record_id: record.record_id().map(|id| id.into_owned()),
            target_uri: url.clone(),
        };
        let mut bytes = Vec::new();
        let bytes = match record.reader_mut() {
            Some(reader) => reader
                .read_to_end(&mut bytes)
                .map(|_| bytes)
                .map_err(|e| format!("WARC: {e}")),
            None => Err("WARC: record without payload".into()),
        };
        each(Page {
            source,
            bytes,
            content_type,
            url,
        });
    }
}

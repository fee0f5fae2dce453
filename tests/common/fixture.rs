//! The fixture set on disk: `fixtures/<name>/{source.html, expected.txt, meta.json}` in,
//! typed fixtures out. Shared by `tests/fixtures.rs`, `benches/quality.rs` and
//! `benches/speed.rs` (through `#[path]`); the layout is described in `fixtures/README.md`.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

/// F1 floor of a fixture whose `meta.json` sets no `"f1_floor"`.
pub const DEFAULT_F1_FLOOR: f64 = 0.97;

/// The `fixtures/` folder of this checkout.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// One fixture folder (not yet read).
#[derive(Debug, Clone)]
pub struct Fixture {
    /// Folder name, e.g. `baoquocte-ngoai-giao-trong-tuan`; also the trial name.
    pub name: String,
    /// The folder.
    pub dir: PathBuf,
}

/// What a fixture page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// One article: the extractor must return its text.
    Article,
    /// A listing, home or section page: the extractor must answer `NoArticle`.
    Listing,
}

/// The parsed `meta.json` of a fixture.
#[derive(Debug, Clone)]
pub struct Meta {
    /// The HTTP `Content-Type` the page was served with, handed to `extract_bytes`.
    pub content_type: Option<String>,
    /// Language code, e.g. `vi`.
    pub language: Option<String>,
    /// Article or listing.
    pub kind: Kind,
    /// Exact snippets of the gold text the output must contain.
    pub must: Vec<String>,
    /// Exact snippets of page cruft the output must not contain.
    pub must_not: Vec<String>,
    /// Per-fixture F1 floor (discouraged), else [`DEFAULT_F1_FLOOR`].
    pub f1_floor: f64,
    /// `"scope": "any"`: extracted with `Scope::Any` (the page's main content), not as an
    /// article.
    pub wide_scope: bool,
    /// `must`/`must_not` snippets the extractor is known to get wrong today
    /// (`"known_gaps"`): reported, not failed on; a gap that closes fails, so that it is
    /// taken off the list.
    pub known_gaps: Vec<String>,
    /// The whole document, for checks and tables that want more keys.
    pub raw: Value,
}

impl Meta {
    /// The page is Vietnamese (`vi` or `vi-*`).
    pub fn is_vietnamese(&self) -> bool {
        self.language
            .as_deref()
            .is_some_and(|l| l == "vi" || l.starts_with("vi-"))
    }

    /// A top-level string key, if present.
    pub fn str(&self, key: &str) -> Option<&str> {
        self.raw.get(key).and_then(Value::as_str)
    }
}

/// Every fixture folder under [`root`], sorted by name. Files (README.md, baseline.json)
/// and hidden folders are not fixtures.
pub fn list() -> Result<Vec<Fixture>, String> {
    let root = root();
    let entries = fs::read_dir(&root).map_err(|e| format!("{}: {e}", root.display()))?;
    let mut fixtures = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| format!("{}: {e}", root.display()))?;
        let dir = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if dir.is_dir() && !name.starts_with('.') {
            fixtures.push(Fixture { name, dir });
        }
    }
    fixtures.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(fixtures)
}

impl Fixture {
    /// The page bytes, exactly as stored.
    pub fn source(&self) -> Result<Vec<u8>, String> {
        let path = self.dir.join("source.html");
        fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// The gold text (UTF-8).
    pub fn expected(&self) -> Result<String, String> {
        let path = self.dir.join("expected.txt");
        fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// The parsed `meta.json`; a missing or malformed file is an error, never a default.
    pub fn meta(&self) -> Result<Meta, String> {
        let path = self.dir.join("meta.json");
        let bytes = fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let raw: Value =
            serde_json::from_slice(&bytes).map_err(|e| format!("{}: {e}", path.display()))?;
        parse_meta(raw).map_err(|e| format!("{}: {e}", path.display()))
    }
}

fn parse_meta(raw: Value) -> Result<Meta, String> {
    if !raw.is_object() {
        return Err("not a JSON object".into());
    }
    let opt_str = |key: &str| -> Result<Option<String>, String> {
        match raw.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(other) => Err(format!("\"{key}\" is not a string: {other}")),
        }
    };
    let strings = |key: &str| -> Result<Vec<String>, String> {
        match raw.get(key) {
            None => Ok(Vec::new()),
            Some(Value::Array(items)) => items
                .iter()
                .map(|v| {
                    v.as_str()
                        .map(str::to_owned)
                        .ok_or_else(|| format!("\"{key}\" has a non-string item: {v}"))
                })
                .collect(),
            Some(other) => Err(format!("\"{key}\" is not an array: {other}")),
        }
    };
    let kind = match opt_str("kind")?.as_deref() {
        None | Some("article") => Kind::Article,
        Some("listing") => Kind::Listing,
        Some(other) => {
            return Err(format!(
                "\"kind\" is {other:?}, not \"article\" or \"listing\""
            ));
        }
    };
    let f1_floor = match raw.get("f1_floor") {
        None => DEFAULT_F1_FLOOR,
        Some(v) => match v.as_f64() {
            Some(f) if (0.0..=1.0).contains(&f) => f,
            _ => return Err(format!("\"f1_floor\" is not a number in 0..=1: {v}")),
        },
    };
    let wide_scope = match raw.get("scope").and_then(Value::as_str) {
        None | Some("article") => false,
        Some("any") => true,
        Some(other) => return Err(format!("\"scope\" must be \"article\" or \"any\": {other}")),
    };
    let known_gaps = strings("known_gaps")?;
    Ok(Meta {
        content_type: opt_str("content_type")?,
        language: opt_str("language")?,
        kind,
        must: strings("must")?,
        must_not: strings("must_not")?,
        f1_floor,
        wide_scope,
        known_gaps,
        raw,
    })
}

/// `s` with every whitespace run (NBSP, tabs and newlines included) turned into one
/// space and the ends trimmed: snippets are matched on words, not on line breaks.
pub fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Decodes page bytes the simple way a browser would without sniffing: BOM, then the
/// `charset` of `content_type`, then a `charset=` in the first 1024 bytes, then UTF-8.
/// For the fixture checks and the parse-only baseline, not a reference for the library.
pub fn decode(bytes: &[u8], content_type: Option<&str>) -> String {
    let label = content_type
        .and_then(charset_label)
        .or_else(|| charset_label(&String::from_utf8_lossy(&bytes[..bytes.len().min(1024)])));
    let encoding = label
        .and_then(|l| encoding_rs::Encoding::for_label(l.as_bytes()))
        .unwrap_or(encoding_rs::UTF_8);
    encoding.decode(bytes).0.into_owned()
}

fn charset_label(s: &str) -> Option<String> {
    let lower = s.to_ascii_lowercase();
    let start = lower.find("charset=")? + "charset=".len();
    let label: String = lower[start..]
        .trim_start_matches(['"', '\'', ' '])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':'))
        .collect();
    (!label.is_empty()).then_some(label)
}

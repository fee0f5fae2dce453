//! Property tests on hostile input (issue 5), on stable Rust with proptest and a fixed case
//! budget per property, so the file runs in CI in well under a minute:
//!
//! - random bytes, with and without a charset;
//! - random tag soup (misnesting, raw-text elements, foreign content, entities, odd spaces,
//!   invisible and control characters, NFD text);
//! - truncated and byte-mutated copies of the fixture pages (`fixtures/*/source.html`);
//! - every fixture re-encoded in windows-1258, windows-1252, windows-1256, GBK, Shift_JIS,
//!   UTF-16LE/BE with a BOM and UTF-8.
//!
//! Nothing may panic, and every `Ok` keeps the text invariants: NFC, no control characters
//! but newline and tab, no empty lines, no spaces at the ends of lines. A page re-encoded
//! with its charset declared by the header (or a BOM) must give the same text as the UTF-8
//! original. Failing cases are shrunk by proptest, and their seeds saved in
//! `tests/properties.proptest-regressions`, which is re-run first on every run.
#[path = "common/fixture.rs"]
#[allow(dead_code)] // each test file uses part of the fixture reader
mod fixture;

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

use proptest::prelude::*;
use proptest::sample::{Index, select};
use tinhloc::{Article, Error};
use unicode_normalization::{UnicodeNormalization, is_nfc};

/// Cases per property: enough to cover the token kinds many times over, small enough for
/// a debug build to finish the file in about half a minute on one core.
const CASES: u32 = 256;
/// Cases for the properties that extract whole fixture pages (tens of KB each).
const PAGE_CASES: u32 = 96;

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        // Shrinking a whole page can take long; a failure is reported either way.
        max_shrink_iters: 256,
        ..ProptestConfig::default()
    }
}

// --- Invariants ----------------------------------------------------------------------------

/// Checks the invariants of an extraction result; errors are fine, panics are not.
fn check(result: &Result<Article, Error>) -> Result<(), TestCaseError> {
    let Ok(article) = result else {
        return Ok(());
    };
    let text = article.text();
    prop_assert!(is_nfc(&text), "not NFC: {:?}", text);
    for line in text.lines() {
        prop_assert!(!line.trim().is_empty(), "empty line in {:?}", text);
        prop_assert_eq!(line, line.trim_matches(' '), "spaces at the ends of a line");
        prop_assert!(
            line.chars().all(|c| c == '\t' || !c.is_control()),
            "control character in {:?}",
            line
        );
    }
    // The other renderings must not panic either.
    let _ = article.markdown();
    let _ = article.html();
    Ok(())
}

// --- Fixtures --------------------------------------------------------------------------------

struct Page {
    name: String,
    bytes: Vec<u8>,
    content_type: Option<String>,
}

/// Every `fixtures/*/source.html`, with the content type of its `meta.json`.
static PAGES: LazyLock<Vec<Page>> = LazyLock::new(|| {
    let pages: Vec<Page> = fixture::list()
        .unwrap_or_default()
        .into_iter()
        .filter_map(|f| {
            let bytes = f.source().ok()?;
            let content_type = f.meta().ok().and_then(|meta| meta.content_type);
            Some(Page {
                name: f.name,
                bytes,
                content_type,
            })
        })
        .collect();
    assert!(
        !pages.is_empty(),
        "no fixtures under {}",
        fixture::root().display()
    );
    pages
});

/// The fixtures stored as UTF-8 without a BOM, decoded: the originals for re-encoding.
static UTF8_PAGES: LazyLock<Vec<(&'static str, String)>> = LazyLock::new(|| {
    PAGES
        .iter()
        .filter(|p| {
            p.content_type
                .as_deref()
                .is_some_and(|ct| ct.to_ascii_lowercase().contains("utf-8"))
        })
        .filter_map(|p| {
            let text = String::from_utf8(p.bytes.clone()).ok()?;
            (!text.starts_with('\u{FEFF}')).then_some((p.name.as_str(), text))
        })
        .collect()
});

/// The UTF-8 extraction of each original, computed once.
static REFERENCE: LazyLock<Mutex<HashMap<usize, Result<String, Error>>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

fn reference(index: usize) -> Result<String, Error> {
    let mut cache = REFERENCE
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    cache
        .entry(index)
        .or_insert_with(|| {
            let (_, html) = &UTF8_PAGES[index];
            tinhloc::extract_bytes(html.as_bytes(), Some("text/html; charset=utf-8"))
                .map(|a| a.text())
        })
        .clone()
}

// --- Encodings --------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy)]
enum Target {
    /// An `encoding_rs` encoder: unmappable characters become numeric character references,
    /// which HTML reads back as the same characters.
    Legacy(&'static encoding_rs::Encoding),
    /// windows-1258 with tone marks split off as combining characters first.
    Windows1258Split,
    Utf16Le,
    Utf16Be,
    Utf8,
}

const TARGETS: &[Target] = &[
    Target::Windows1258Split,
    Target::Legacy(encoding_rs::WINDOWS_1258),
    Target::Legacy(encoding_rs::WINDOWS_1252),
    Target::Legacy(encoding_rs::WINDOWS_1256),
    Target::Legacy(encoding_rs::GBK),
    Target::Legacy(encoding_rs::SHIFT_JIS),
    Target::Utf16Le,
    Target::Utf16Be,
    Target::Utf8,
];

impl Target {
    fn label(self) -> &'static str {
        match self {
            Target::Legacy(encoding) => encoding.name(),
            Target::Windows1258Split => "windows-1258",
            Target::Utf16Le => "utf-16le",
            Target::Utf16Be => "utf-16be",
            Target::Utf8 => "utf-8",
        }
    }

    fn encode(self, text: &str) -> Vec<u8> {
        match self {
            Target::Legacy(encoding) => encoding.encode(text).0.into_owned(),
            Target::Windows1258Split => encoding_rs::WINDOWS_1258
                .encode(&split_tone_marks(text))
                .0
                .into_owned(),
            Target::Utf16Le => {
                let mut out = vec![0xFF, 0xFE];
                text.encode_utf16()
                    .for_each(|u| out.extend_from_slice(&u.to_le_bytes()));
                out
            }
            Target::Utf16Be => {
                let mut out = vec![0xFE, 0xFF];
                text.encode_utf16()
                    .for_each(|u| out.extend_from_slice(&u.to_be_bytes()));
                out
            }
            Target::Utf8 => text.as_bytes().to_vec(),
        }
    }
}

/// `text` with each tone mark written as a combining character after its base letter.
fn split_tone_marks(text: &str) -> String {
    const TONE_MARKS: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];
    let mut out = String::with_capacity(text.len() * 2);
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c);
            continue;
        }
        let decomposed: String = c.to_string().nfd().collect();
        out.extend(
            decomposed
                .chars()
                .filter(|m| !TONE_MARKS.contains(m))
                .collect::<String>()
                .nfc(),
        );
        out.extend(decomposed.chars().filter(|m| TONE_MARKS.contains(m)));
    }
    out
}

/// `html` with its `<meta charset>` (or http-equiv charset) naming `label`, or removed
/// when `label` is `None`.
fn redeclare(html: &str, label: Option<&str>) -> String {
    let lower = html.to_ascii_lowercase();
    let Some(at) = lower.find("charset=") else {
        return html.to_owned();
    };
    let start = at + "charset=".len();
    let value_start = start
        + lower[start..]
            .find(|c: char| c != '"' && c != '\'')
            .unwrap_or(0);
    let value_end = value_start
        + lower[value_start..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
            .unwrap_or(0);
    let mut out = String::with_capacity(html.len());
    out.push_str(&html[..value_start]);
    out.push_str(label.unwrap_or("none"));
    out.push_str(&html[value_end..]);
    out
}

// --- Tag soup -----------------------------------------------------------------------------------

const TAGS: &[&str] = &[
    "p",
    "div",
    "span",
    "b",
    "i",
    "a",
    "font",
    "em",
    "strong",
    "u",
    "nobr",
    "table",
    "tbody",
    "tr",
    "td",
    "th",
    "caption",
    "colgroup",
    "col",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "h1",
    "h2",
    "h3",
    "article",
    "section",
    "aside",
    "nav",
    "header",
    "footer",
    "main",
    "figure",
    "figcaption",
    "blockquote",
    "pre",
    "code",
    "br",
    "img",
    "hr",
    "script",
    "style",
    "textarea",
    "title",
    "select",
    "option",
    "optgroup",
    "svg",
    "math",
    "path",
    "g",
    "foreignObject",
    "desc",
    "mi",
    "template",
    "form",
    "button",
    "iframe",
    "noscript",
    "xmp",
    "object",
    "marquee",
    "ruby",
    "rt",
    "rp",
    "sup",
    "sub",
    "html",
    "head",
    "body",
    "meta",
    "plaintext",
    "Tin-Lien-Quan",
    "x-widget",
];

const CLASSES: &[&str] = &[
    "article__body",
    "detail-content afcbc-body",
    "fck_detail",
    "singular-content",
    "item-content",
    "related",
    "box-tinlienquanv2",
    "tin-lien-quan",
    "VCSortableInPreviewMode",
    "PhotoCMS_Caption",
    "sidebar",
    "footer",
    "comment",
    "social",
    "content",
];

const TEXTS: &[&str] = &[
    "Hà Nội",
    "Tin liên quan",
    "Xem thêm",
    "Ảnh: Minh Thu",
    "Theo TTXVN",
    "Chính phủ vừa ban hành nghị định mới về quản lý thị trường, có hiệu lực từ ngày 1/1/2026, \
     nhằm tăng cường kiểm soát chất lượng hàng hóa lưu thông trên cả nước.",
    "Người dân các tỉnh miền Trung đang khẩn trương khắc phục hậu quả mưa lũ, sửa chữa nhà cửa \
     và vệ sinh trường lớp để học sinh sớm trở lại học tập.",
    "The committee approved the budget on Tuesday after a long debate about the cost of \
     the new bridge and the schedule of the works.",
    "الحكومة تعلن عن خطة جديدة لدعم المزارعين في المناطق الريفية.",
    "政府发布了新的经济刺激计划，以支持中小企业的发展。",
    "&nbsp;",
    "&amp;",
    "&#x200B;",
    "&shy;",
    "&#8207;",
    "&#0;",
    "&#128;",
    "&#xD800;",
    "&#x110000;",
    "&lt;div&gt;",
    "\u{A0}",
    "\u{2009}",
    "\u{3000}",
    "\u{200B}",
    "\u{200F}",
    "\u{202E}",
    "\u{FEFF}",
    "\u{AD}",
    "\u{0}",
    "\u{7}",
    "\u{1B}",
    "\u{85}",
    "\r\n",
    "\t",
    "Vie\u{302}\u{323}t Nam",
    "o\u{AD}\u{302}",
    "🇻🇳 👨‍👩‍👧",
];

const ODDITIES: &[&str] = &[
    "<",
    "</",
    "<!",
    "<!--",
    "-->",
    "<!-- c -->",
    "<![CDATA[x<y]]>",
    "<?php echo 1; ?>",
    "<!DOCTYPE html>",
    "&",
    "&#",
    "</br>",
    "</p>",
    "<p/>",
    "<div/>",
    "<a href='x\">",
    "<table><table>",
    "<b><div></b>",
    "<td>",
    "\">",
    "<meta charset=gbk>",
];

fn start_tag() -> impl Strategy<Value = String> {
    (
        select(TAGS),
        prop::option::of(select(CLASSES)),
        prop::option::of("[a-z]{1,6}"),
        any::<bool>(),
    )
        .prop_map(|(name, class, id, self_closing)| {
            let mut tag = format!("<{name}");
            if let Some(class) = class {
                tag.push_str(&format!(" class=\"{class}\""));
            }
            if let Some(id) = id {
                tag.push_str(&format!(" id={id}"));
            }
            tag.push_str(if self_closing { "/>" } else { ">" });
            tag
        })
}

fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => start_tag(),
        3 => select(TAGS).prop_map(|name| format!("</{name}>")),
        4 => select(TEXTS).prop_map(str::to_owned),
        2 => "\\PC{0,24}",
        1 => "[\\x00-\\x1f\\x7f-\\u{a0}]{1,4}",
        2 => select(ODDITIES).prop_map(str::to_owned),
    ]
}

fn tag_soup() -> impl Strategy<Value = String> {
    prop::collection::vec(token(), 0..160).prop_map(|tokens| tokens.concat())
}

fn content_type() -> impl Strategy<Value = Option<&'static str>> {
    prop::option::of(select(
        &[
            "text/html; charset=utf-8",
            "text/html; charset=windows-1258",
            "text/html; charset=utf-16le",
            "text/html; charset=gbk",
            "text/html; charset=x-user-defined",
            "text/html; charset=iso-2022-kr",
            "text/html; charset=nonsense",
            "text/html",
            "application/octet-stream",
        ][..],
    ))
}

// --- Properties --------------------------------------------------------------------------------

proptest! {
    #![proptest_config(config(CASES))]

    #[test]
    fn random_bytes(bytes in prop::collection::vec(any::<u8>(), 0..4096), ct in content_type()) {
        check(&tinhloc::extract_bytes(&bytes, ct))?;
    }

    #[test]
    fn random_tag_soup(soup in tag_soup()) {
        check(&tinhloc::extract(&soup))?;
        check(&tinhloc::extract_bytes(soup.as_bytes(), None))?;
    }

    #[test]
    fn tag_soup_around_an_article(before in tag_soup(), after in tag_soup()) {
        let article = format!(
            "<article class=\"article__body\"><p>{}</p><p>{}</p><p>{}</p></article>",
            TEXTS[5], TEXTS[6], TEXTS[5]
        );
        let page = format!("{before}{article}{after}");
        check(&tinhloc::extract(&page))?;
    }
}

proptest! {
    #![proptest_config(config(PAGE_CASES))]

    #[test]
    fn truncated_and_mutated_fixtures(
        page in any::<Index>(),
        cut in any::<Index>(),
        mutations in prop::collection::vec((any::<Index>(), any::<u8>()), 0..24),
        copies in prop::collection::vec((any::<Index>(), any::<Index>(), any::<Index>()), 0..3),
        ct in content_type(),
        declared in any::<bool>(),
    ) {
        let page = page.get(&PAGES[..]);
        let mut bytes = page.bytes.clone();
        bytes.truncate(cut.index(bytes.len() + 1));
        for (at, byte) in mutations {
            if !bytes.is_empty() {
                let at = at.index(bytes.len());
                bytes[at] = byte;
            }
        }
        // Copy a slice of the page over another place: unbalanced tags, repeated boxes.
        for (from, len, to) in copies {
            if !bytes.is_empty() {
                let from = from.index(bytes.len());
                let len = len.index((bytes.len() - from).min(4096) + 1);
                let to = to.index(bytes.len() + 1);
                let chunk = bytes[from..from + len].to_vec();
                bytes.splice(to..to, chunk);
            }
        }
        let ct = if declared { page.content_type.as_deref() } else { ct };
        check(&tinhloc::extract_bytes(&bytes, ct))?;
    }

    #[test]
    fn every_encoding(page in any::<Index>(), target in select(TARGETS), mode in 0u8..3) {
        let index = page.index(UTF8_PAGES.len());
        let (name, html) = &UTF8_PAGES[index];
        let result = match mode {
            // Declared by the header (a BOM wins anyway): the text must not change.
            0 => {
                let bytes = target.encode(html);
                let header = format!("text/html; charset={}", target.label());
                let result = tinhloc::extract_bytes(&bytes, Some(&header));
                let expected = reference(index);
                let got = result.as_ref().map(Article::text);
                prop_assert_eq!(
                    got.as_ref().map_err(|_| ()),
                    expected.as_ref().map_err(|_| ()),
                    "{} in {}", name, target.label()
                );
                result
            }
            // Declared by the page's own meta.
            1 => tinhloc::extract_bytes(&target.encode(&redeclare(html, Some(target.label()))), None),
            // Not declared at all: detection may guess wrong, but must not break anything.
            _ => tinhloc::extract_bytes(&target.encode(&redeclare(html, None)), None),
        };
        check(&result)?;
    }
}

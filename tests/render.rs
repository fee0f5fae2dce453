//! Renderers through the public API: Markdown keeps the words of `text()`, and `html()` is
//! safe even when the page is hostile.

#[path = "common/fixture.rs"]
#[allow(dead_code)] // each test file uses part of the fixture reader
mod fixture;

use regex::Regex;

/// `\w+` tokens, as the quality bench counts them.
fn tokens(text: &str) -> Vec<String> {
    static WORD: std::sync::LazyLock<Regex> =
        std::sync::LazyLock::new(|| Regex::new(r"\w+").unwrap_or_else(|e| panic!("{e}")));
    WORD.find_iter(text)
        .map(|m| m.as_str().to_string())
        .collect()
}

/// Markdown back to plain words: block markers (`#`, `>`, `-`, `1.`), table separator rows
/// and code fences removed, backslash escapes undone. Links and images are not expected
/// (the default extractor keeps neither).
fn markdown_to_text(markdown: &str) -> String {
    static MARKER: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
        Regex::new(r"^(?:>\s?|[-+*]\s|\d{1,9}[.)]\s|#{1,6}\s)").unwrap_or_else(|e| panic!("{e}"))
    });
    static SEPARATOR: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
        Regex::new(r"^\|(?:\s*:?-{3,}:?\s*\|)+$").unwrap_or_else(|e| panic!("{e}"))
    });
    static ESCAPE: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
        Regex::new(r"\\([[:punct:]])").unwrap_or_else(|e| panic!("{e}"))
    });
    // Emphasis markers, which may stand inside a word (`*9:31 pm*Classic` renders as the
    // text's "pmClassic"); escaped stars are text.
    static EMPHASIS: std::sync::LazyLock<Regex> =
        std::sync::LazyLock::new(|| Regex::new(r"(^|[^\\])\*+").unwrap_or_else(|e| panic!("{e}")));
    let mut out = String::new();
    for line in markdown.lines() {
        let mut line = line.trim_start();
        while let Some(m) = MARKER.find(line) {
            let heading = line.starts_with('#');
            line = line[m.end()..].trim_start();
            // A heading's text is inline: "## 1. Title" keeps its "1.".
            if heading {
                break;
            }
        }
        if SEPARATOR.is_match(line) || line.starts_with("```") {
            continue;
        }
        let line = EMPHASIS.replace_all(line, "$1");
        out.push_str(&ESCAPE.replace_all(&line, "$1"));
        out.push('\n');
    }
    out
}

/// Every article fixture: the Markdown's words equal the text's, in order.
#[test]
fn markdown_keeps_the_words_of_text_on_fixtures() {
    let mut checked = 0;
    let mut with_table_and_list = Vec::new();
    let mut failures = Vec::new();
    for f in fixture::list().unwrap_or_default() {
        let Ok(bytes) = f.source() else {
            continue;
        };
        let content_type = f.meta().ok().and_then(|meta| meta.content_type);
        let Ok(article) = tinhloc::extract_bytes(&bytes, content_type.as_deref()) else {
            continue;
        };
        checked += 1;
        let id = f.name.clone();
        let markdown = article.markdown();
        if markdown.contains("| --- |") && markdown.lines().any(|l| l.starts_with("- ")) {
            with_table_and_list.push(id.clone());
        }
        let want = tokens(&article.text());
        let got = tokens(&markdown_to_text(&markdown));
        if want != got {
            let at = want.iter().zip(&got).take_while(|(a, b)| a == b).count();
            failures.push(format!(
                "{id}: tokens differ at {at}: text {:?} vs markdown {:?}",
                want.get(at..(at + 5).min(want.len())),
                got.get(at..(at + 5).min(got.len()))
            ));
        }
    }
    eprintln!("{checked} fixtures checked; with a table and a list: {with_table_and_list:?}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A page with a table, nested lists, a quote and hostile strings in text, attributes and
/// URLs.
const HOSTILE_PAGE: &str = r#"<!doctype html><html lang="vi"><head><title>Bài thử - Báo Mẫu</title>
<style>p { color: red }</style><script>alert("head")</script></head>
<body onload="alert('body')"><article class="article-body">
<h1>Bài thử nghiệm bộ hiển thị</h1>
<p>Đoạn mở đầu đủ dài để được chọn làm nội dung chính, với <a href="javascript:alert(1)">một liên kết độc</a>
và <a href="https://example.vn/bai-viet" onclick="alert(2)">một liên kết thường</a>; chữ &lt;script&gt;alert(3)&lt;/script&gt; là văn bản.</p>
<p style="background:url(javascript:alert(4))">Đoạn thứ hai cũng dài, có <strong onmouseover="alert(5)">chữ đậm</strong>,
<em>chữ nghiêng</em> và <code>mã_nguồn()</code>, để kiểm tra rằng không thuộc tính nào lọt qua.</p>
<h2>Danh sách</h2>
<ul><li>Mục một</li><li>Mục hai<ol><li>Bước thứ nhất</li><li>Bước thứ hai</li></ol></li><li>Mục ba</li></ul>
<table><thead><tr><th>Tỉnh</th><th>Số ca</th></tr></thead>
<tbody><tr><td>Hà Nội</td><td>12</td></tr><tr><td onclick="alert(6)">Huế</td><td>3</td></tr></tbody></table>
<blockquote><p>Một câu trích dẫn dài vừa phải để nằm trong bài viết này.</p></blockquote>
<p><img src="javascript:alert(7)" onerror="alert(8)" alt="ảnh độc"><img src="/anh/that.jpg" alt="ảnh thật"></p>
<p>Đoạn cuối cùng của bài viết, cũng đủ dài để được giữ lại trong phần nội dung chính.</p>
<iframe src="https://evil.example/"></iframe><svg onload="alert(9)"><script>alert(10)</script></svg>
</article></body></html>"#;

#[test]
fn html_is_safe_on_a_hostile_page() {
    let article = tinhloc::Extractor::new()
        .min_text_chars(0)
        .keep_links(true)
        .keep_images(true)
        .base_url("https://example.vn/chuyen-muc/")
        .and_then(|extractor| extractor.extract(HOSTILE_PAGE));
    let Ok(article) = article else {
        panic!("extraction failed: {article:?}");
    };
    let html = article.html();
    let lower = html.to_lowercase();
    for banned in [
        "<script",
        "<style",
        "<iframe",
        "<svg",
        "javascript:",
        "style=",
        "onload",
        "onclick",
        "onerror",
        "onmouseover",
    ] {
        // Text may mention these only escaped: never as markup.
        let as_markup = lower.match_indices(banned).any(|(at, _)| {
            let before = &lower[..at];
            // Inside a tag when the last '<' comes after the last '>'.
            before
                .rfind('<')
                .is_some_and(|lt| before.rfind('>').is_none_or(|gt| lt > gt))
                || banned.starts_with('<')
        });
        assert!(!as_markup, "{banned} in html(): {html}");
    }
    let allowed = Regex::new(
        r"^</?(p|h[1-6]|ul|ol|li|table|thead|tbody|tr|th|td|blockquote|pre|code|strong|em|br|a|img|figure|figcaption)[\s>/]",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    for (at, _) in html.match_indices('<') {
        assert!(
            allowed.is_match(&html[at..]),
            "unexpected tag at {at}: {html}"
        );
    }
}

#[test]
fn markdown_of_a_page_with_a_table_and_lists_keeps_the_words() {
    let article = tinhloc::Extractor::new()
        .min_text_chars(0)
        .extract(HOSTILE_PAGE);
    let Ok(article) = article else {
        panic!("extraction failed: {article:?}");
    };
    let markdown = article.markdown();
    let text = article.text();
    let (got, want) = (tokens(&markdown_to_text(&markdown)), tokens(&text));
    let at = want.iter().zip(&got).take_while(|(a, b)| a == b).count();
    assert_eq!(
        got, want,
        "first difference at token {at}\nmarkdown:\n{markdown}\ntext:\n{text}"
    );
    let lower = markdown.to_lowercase();
    assert!(!lower.contains("javascript:"), "{markdown}");
    // Markup from the page stays text: every `<` is escaped.
    assert!(
        markdown
            .match_indices('<')
            .all(|(at, _)| markdown[..at].ends_with('\\')),
        "{markdown}"
    );
}

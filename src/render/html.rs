//! A cleaned, safe HTML fragment: structural tags only (`p`, `h1`–`h6`, `ul`/`ol`/`li`,
//! tables, `blockquote`, `pre`/`code`, `strong`, `em`, `br`, `figure`/`figcaption`; `a href`
//! and `img src alt` only when the extractor kept links and images).
//!
//! The fragment is built from the owned [`Body`] with every text escaped, so no markup from
//! the page survives; it then goes through ammonia with the same allow-list, as defence in
//! depth: no scripts, styles, event handlers, `javascript:` URLs or unknown tags can come
//! out even if a future change here forgets to escape.

use super::MAX_LIST_DEPTH;
use super::markdown::is_safe_url;
use crate::body::{Block, BlockKind, Body, Inline};
use crate::decode::collapse;
use crate::options::RenderOptions;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// Tags the fragment may contain.
const ALLOWED_TAGS: &[&str] = &[
    "a",
    "blockquote",
    "br",
    "code",
    "em",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "img",
    "li",
    "ol",
    "p",
    "pre",
    "strong",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
];

/// The sanitizer, built once.
static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut builder = ammonia::Builder::empty();
    builder
        .tags(ALLOWED_TAGS.iter().copied().collect::<HashSet<_>>())
        .tag_attributes(HashMap::from([
            ("a", HashSet::from(["href"])),
            ("img", HashSet::from(["src", "alt"])),
        ]))
        .url_schemes(HashSet::from(["http", "https", "mailto"]))
        .url_relative(ammonia::UrlRelative::PassThrough)
        .link_rel(Some("noopener noreferrer nofollow"))
        .strip_comments(true);
    builder
});

/// Renders `body` as a sanitized HTML fragment.
pub(crate) fn to_html(body: &Body, options: RenderOptions) -> String {
    let raw = render(body, options);
    SANITIZER.clean(&raw).to_string()
}

/// The fragment before sanitizing.
fn render(body: &Body, options: RenderOptions) -> String {
    let blocks = &body.blocks;
    let mut out = String::new();
    let mut i = 0;
    while i < blocks.len() {
        let block = &blocks[i];
        let run_end = |same: fn(&BlockKind) -> bool| {
            blocks[i..]
                .iter()
                .position(|b| !same(&b.kind))
                .map_or(blocks.len(), |n| i + n)
        };
        match &block.kind {
            BlockKind::TableRow { .. } => {
                let end = run_end(|k| matches!(k, BlockKind::TableRow { .. }));
                table(&mut out, &blocks[i..end], options);
                i = end;
                continue;
            }
            BlockKind::ListItem { .. } => {
                let end = run_end(|k| matches!(k, BlockKind::ListItem { .. }));
                list(&mut out, &blocks[i..end], options);
                i = end;
                continue;
            }
            BlockKind::Quote => {
                let end = run_end(|k| matches!(k, BlockKind::Quote));
                let inner: String = blocks[i..end]
                    .iter()
                    .filter_map(|b| element("p", &inlines(&b.inlines, options)))
                    .collect();
                if !inner.is_empty() {
                    out.push_str("<blockquote>");
                    out.push_str(&inner);
                    out.push_str("</blockquote>");
                }
                i = end;
                continue;
            }
            BlockKind::Heading(level) => {
                let tag = format!("h{}", level.clamp(&1, &6));
                out.extend(element(&tag, &inlines(&block.inlines, options)));
            }
            BlockKind::Preformatted => {
                let mut text = String::new();
                for inline in &block.inlines {
                    text.push_str(inline.text());
                }
                let text = text.trim_matches('\n');
                if !text.trim().is_empty() {
                    out.push_str("<pre><code>");
                    out.push_str(&escape(text));
                    out.push_str("</code></pre>");
                }
            }
            BlockKind::Image { src, alt } => {
                // A caption right after the image belongs to its figure.
                let caption = blocks
                    .get(i + 1)
                    .filter(|b| b.kind == BlockKind::Caption)
                    .map(|b| inlines(&b.inlines, options))
                    .filter(|c| !c.trim().is_empty());
                let image = (options.images && is_safe_url(src)).then(|| {
                    format!(
                        "<img src=\"{}\" alt=\"{}\">",
                        escape(src.trim()),
                        escape(&collapse(alt))
                    )
                });
                if image.is_some() || caption.is_some() {
                    out.push_str("<figure>");
                    out.extend(image);
                    if let Some(caption) = &caption {
                        out.push_str("<figcaption>");
                        out.push_str(caption);
                        out.push_str("</figcaption>");
                    }
                    out.push_str("</figure>");
                }
                i += if caption.is_some() { 2 } else { 1 };
                continue;
            }
            BlockKind::Caption => {
                if let Some(caption) = element("figcaption", &inlines(&block.inlines, options)) {
                    out.push_str("<figure>");
                    out.push_str(&caption);
                    out.push_str("</figure>");
                }
            }
            // Paragraphs, and any kind added later, render as paragraphs.
            _ => out.extend(element("p", &inlines(&block.inlines, options))),
        }
        i += 1;
    }
    out
}

/// `<tag>inner</tag>`, or nothing when `inner` has no text.
fn element(tag: &str, inner: &str) -> Option<String> {
    (!inner.trim().is_empty()).then(|| format!("<{tag}>{}</{tag}>", inner.trim()))
}

/// Consecutive list items as nested `ul`/`ol`; an item deeper than its predecessor opens a
/// list inside it.
fn list(out: &mut String, items: &[Block], options: RenderOptions) {
    // Open lists, innermost last: whether ordered. Each open list has an open `<li>` once
    // it holds an item.
    let mut open: Vec<bool> = Vec::new();
    let close = |out: &mut String, ordered: bool| {
        out.push_str("</li>");
        out.push_str(if ordered { "</ol>" } else { "</ul>" });
    };
    for item in items {
        let BlockKind::ListItem { ordered, depth } = item.kind else {
            continue;
        };
        let content = inlines(&item.inlines, options);
        if content.trim().is_empty() {
            continue;
        }
        let depth = usize::from(depth).min(MAX_LIST_DEPTH).min(open.len());
        while open.len() > depth + 1 {
            if let Some(kind) = open.pop() {
                close(out, kind);
            }
        }
        if open.len() == depth + 1
            && open[depth] != ordered
            && let Some(kind) = open.pop()
        {
            close(out, kind);
        }
        if open.len() == depth + 1 {
            out.push_str("</li>");
        } else {
            out.push_str(if ordered { "<ol>" } else { "<ul>" });
            open.push(ordered);
        }
        out.push_str("<li>");
        out.push_str(content.trim());
    }
    while let Some(kind) = open.pop() {
        close(out, kind);
    }
}

/// Consecutive table rows as a table: leading header rows in `thead`, the rest in `tbody`.
fn table(out: &mut String, rows: &[Block], options: RenderOptions) {
    let rendered: Vec<(bool, Vec<String>)> = rows
        .iter()
        .filter_map(|row| {
            let BlockKind::TableRow { header } = row.kind else {
                return None;
            };
            let cells: Vec<String> = row.cells.iter().map(|c| inlines(c, options)).collect();
            cells
                .iter()
                .any(|c| !c.trim().is_empty())
                .then_some((header, cells))
        })
        .collect();
    if rendered.is_empty() {
        return;
    }
    let head = rendered.iter().take_while(|(header, _)| *header).count();
    let row_html = |header: bool, cells: &[String]| {
        let tag = if header { "th" } else { "td" };
        let mut html = String::from("<tr>");
        for cell in cells {
            html.push_str(&format!("<{tag}>{}</{tag}>", cell.trim()));
        }
        html.push_str("</tr>");
        html
    };
    out.push_str("<table>");
    if head > 0 {
        out.push_str("<thead>");
        for (_, cells) in &rendered[..head] {
            out.push_str(&row_html(true, cells));
        }
        out.push_str("</thead>");
    }
    if head < rendered.len() {
        out.push_str("<tbody>");
        for (header, cells) in &rendered[head..] {
            out.push_str(&row_html(*header, cells));
        }
        out.push_str("</tbody>");
    }
    out.push_str("</table>");
}

/// The inline runs as escaped HTML.
fn inlines(runs: &[Inline], options: RenderOptions) -> String {
    let mut out = String::new();
    for run in runs {
        match run {
            Inline::Text(text) => out.push_str(&escape(text)),
            Inline::Strong(text) => wrap(&mut out, "strong", text),
            Inline::Emphasis(text) => wrap(&mut out, "em", text),
            Inline::Code(text) => wrap(&mut out, "code", text),
            Inline::Link { text, href } => {
                if options.links && is_safe_url(href) && !text.trim().is_empty() {
                    out.push_str(&format!(
                        "<a href=\"{}\">{}</a>",
                        escape(href.trim()),
                        escape(text)
                    ));
                } else {
                    out.push_str(&escape(text));
                }
            }
            Inline::LineBreak => out.push_str("<br>"),
        }
    }
    out
}

fn wrap(out: &mut String, tag: &str, text: &str) {
    if text.trim().is_empty() {
        out.push_str(&escape(text));
    } else {
        out.push_str(&format!("<{tag}>{}</{tag}>", escape(text)));
    }
}

/// Escapes text for element content and quoted attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Vec<Inline> {
        vec![Inline::Text(s.to_string())]
    }

    fn item(ordered: bool, depth: u8, s: &str) -> Block {
        Block::new(BlockKind::ListItem { ordered, depth }, text(s))
    }

    #[test]
    fn structure() {
        let body = Body {
            blocks: vec![
                Block::new(BlockKind::Heading(2), text("Tiêu đề phụ")),
                Block::new(BlockKind::Paragraph, text("Đoạn & <văn>")),
                item(false, 0, "Một"),
                item(true, 1, "Một a"),
                item(true, 1, "Một b"),
                item(false, 0, "Hai"),
                Block {
                    kind: BlockKind::TableRow { header: true },
                    inlines: Vec::new(),
                    cells: vec![text("Tỉnh"), text("Số")],
                },
                Block {
                    kind: BlockKind::TableRow { header: false },
                    inlines: Vec::new(),
                    cells: vec![text("Huế"), text("3")],
                },
                Block::new(BlockKind::Quote, text("Trích")),
                Block::new(BlockKind::Preformatted, text("a < b")),
            ],
        };
        let html = to_html(&body, RenderOptions::default());
        assert_eq!(
            html,
            "<h2>Tiêu đề phụ</h2><p>Đoạn &amp; &lt;văn&gt;</p>\
             <ul><li>Một<ol><li>Một a</li><li>Một b</li></ol></li><li>Hai</li></ul>\
             <table><thead><tr><th>Tỉnh</th><th>Số</th></tr></thead><tbody><tr><td>Huế</td><td>3</td></tr></tbody></table>\
             <blockquote><p>Trích</p></blockquote><pre><code>a &lt; b</code></pre>"
        );
    }

    #[test]
    fn hostile_strings_stay_text() {
        let evil = "<script>alert(1)</script><img src=x onerror=alert(1)><a href=\"javascript:alert(1)\">x</a>";
        let body = Body {
            blocks: vec![
                Block::new(
                    BlockKind::Paragraph,
                    vec![
                        Inline::Text(evil.into()),
                        Inline::Link {
                            text: "bấm".into(),
                            href: "javascript:alert(1)".into(),
                        },
                        Inline::Link {
                            text: "đây".into(),
                            href: "\" onmouseover=\"alert(1)".into(),
                        },
                        Inline::Strong(evil.into()),
                    ],
                ),
                Block::new(
                    BlockKind::Image {
                        src: "data:text/html,<script>alert(1)</script>".into(),
                        alt: "\" onerror=\"alert(1)".into(),
                    },
                    Vec::new(),
                ),
                Block::new(
                    BlockKind::Image {
                        src: "https://example.vn/a.jpg\" onerror=\"alert(1)".into(),
                        alt: "ảnh".into(),
                    },
                    Vec::new(),
                ),
            ],
        };
        let html = to_html(
            &body,
            RenderOptions {
                links: true,
                images: true,
            },
        );
        assert!(html.contains("&lt;script&gt;"), "text kept as text: {html}");
        // Parsed back, only allowed tags and attributes remain, with safe URLs.
        let fragment = scraper::Html::parse_fragment(&html);
        for node in fragment.tree.nodes() {
            let Some(element) = node.value().as_element() else {
                continue;
            };
            let name = element.name();
            assert!(
                matches!(name, "html" | "head" | "body") || ALLOWED_TAGS.contains(&name),
                "tag {name}: {html}"
            );
            for (attr, value) in element.attrs() {
                assert!(
                    matches!(attr, "href" | "src" | "alt" | "rel"),
                    "attribute {attr}: {html}"
                );
                let value = value.trim().to_ascii_lowercase();
                assert!(
                    !value.starts_with("javascript:") && !value.starts_with("data:"),
                    "{attr}={value}: {html}"
                );
            }
        }
    }

    #[test]
    fn links_images_and_captions() {
        let body = Body {
            blocks: vec![
                Block::new(
                    BlockKind::Paragraph,
                    vec![
                        Inline::Text("Xem ".into()),
                        Inline::Link {
                            text: "báo cáo".into(),
                            href: "https://example.vn/r.pdf".into(),
                        },
                        Inline::LineBreak,
                        Inline::Emphasis("nghiêng".into()),
                    ],
                ),
                Block::new(
                    BlockKind::Image {
                        src: "/img/a.jpg".into(),
                        alt: "Ảnh".into(),
                    },
                    Vec::new(),
                ),
                Block::new(BlockKind::Caption, text("Chú thích")),
            ],
        };
        let off = to_html(&body, RenderOptions::default());
        assert_eq!(
            off,
            "<p>Xem báo cáo<br><em>nghiêng</em></p><figure><figcaption>Chú thích</figcaption></figure>"
        );
        let on = to_html(
            &body,
            RenderOptions {
                links: true,
                images: true,
            },
        );
        assert!(on.contains("<a href=\"https://example.vn/r.pdf\" rel=\"noopener noreferrer nofollow\">báo cáo</a>"), "{on}");
        assert!(on.contains("<figure><img src=\"/img/a.jpg\" alt=\"Ảnh\"><figcaption>Chú thích</figcaption></figure>"), "{on}");
    }
}

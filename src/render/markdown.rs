//! Markdown (CommonMark with GFM tables): headings, paragraphs, nested lists, tables, block
//! quotes, code blocks; links and images only when the extractor kept them.
//!
//! The words are those of [`to_text`](super::to_text): Markdown syntax is punctuation
//! (`#`, `>`, `-`, `|`, `*`, backslash escapes), so after removing list numbers (`1.`) the
//! `\w+` tokens of the Markdown equal those of the text. Escapes are added only where a
//! character would otherwise become syntax; `_` inside a word is left alone (GFM does not
//! read intraword `_` as emphasis).

use super::MAX_LIST_DEPTH;
use crate::body::{Block, BlockKind, Body, Inline};
use crate::decode::collapse;
use crate::options::RenderOptions;

/// Renders `body` as Markdown.
pub(crate) fn to_markdown(body: &Body, options: RenderOptions) -> String {
    let blocks = &body.blocks;
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < blocks.len() {
        let block = &blocks[i];
        let run_end = |same: fn(&BlockKind) -> bool| {
            blocks[i..]
                .iter()
                .position(|b| !same(&b.kind))
                .map_or(blocks.len(), |n| i + n)
        };
        let (part, next) = match &block.kind {
            BlockKind::TableRow { .. } => {
                let end = run_end(|k| matches!(k, BlockKind::TableRow { .. }));
                (table(&blocks[i..end], options), end)
            }
            BlockKind::ListItem { .. } => {
                let end = run_end(|k| matches!(k, BlockKind::ListItem { .. }));
                (list(&blocks[i..end], options), end)
            }
            BlockKind::Quote => {
                let end = run_end(|k| matches!(k, BlockKind::Quote));
                (quote(&blocks[i..end], options), end)
            }
            BlockKind::Heading(level) => (heading(*level, &block.inlines, options), i + 1),
            BlockKind::Preformatted => (code_block(&block.inlines), i + 1),
            BlockKind::Image { src, alt } => (image(src, alt, options), i + 1),
            BlockKind::Caption => (caption(&block.inlines, options), i + 1),
            // Paragraphs, and any kind added later, render as paragraphs.
            _ => (lines(&block.inlines, options, ""), i + 1),
        };
        if !part.trim().is_empty() {
            parts.push(part);
        }
        i = next;
    }
    parts.join("\n\n")
}

/// How a line break inside a block continues the Markdown.
#[derive(Clone, Copy)]
enum Breaks {
    /// A hard break (`\` at the end of the line), the next line prefixed.
    Hard,
    /// A space: headings and table cells cannot hold a line break.
    Space,
}

/// The inline runs as Markdown, each line's start escaped and prefixed with
/// `continuation` after a line break.
fn lines(inlines: &[Inline], options: RenderOptions, continuation: &str) -> String {
    let text = inline_markdown(inlines, options, Breaks::Hard, false);
    let mut out = String::new();
    for (n, line) in text.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
            out.push_str(continuation);
        }
        out.push_str(&escape_line_start(line.trim()));
    }
    out
}

fn heading(level: u8, inlines: &[Inline], options: RenderOptions) -> String {
    let text = inline_markdown(inlines, options, Breaks::Space, false);
    let text = text.trim();
    if text.is_empty() {
        return String::new();
    }
    // A trailing run of `#` would be read as the closing sequence.
    let text = match text.strip_suffix('#') {
        Some(head) => format!("{head}\\#"),
        None => text.to_string(),
    };
    let level = usize::from(level.clamp(1, 6));
    format!("{} {}", "#".repeat(level), text)
}

fn caption(inlines: &[Inline], options: RenderOptions) -> String {
    let text = inline_markdown(inlines, options, Breaks::Space, false);
    let text = text.trim();
    if text.is_empty() {
        String::new()
    } else {
        // Plain inline text, emphasised when that cannot clash with inner markup.
        let inner = escape_line_start(text);
        if inner.contains('*') {
            inner
        } else {
            format!("*{inner}*")
        }
    }
}

fn image(src: &str, alt: &str, options: RenderOptions) -> String {
    if !options.images || !is_safe_url(src) {
        return String::new();
    }
    format!(
        "![{}]({})",
        escape_inline(&collapse(alt), false),
        destination(src)
    )
}

/// A fenced code block holding the text as written.
fn code_block(inlines: &[Inline]) -> String {
    let mut text = String::new();
    for inline in inlines {
        text.push_str(inline.text());
    }
    let text = text.trim_matches('\n');
    if text.trim().is_empty() {
        return String::new();
    }
    let fence = "`".repeat((longest_run(text, '`') + 1).max(3));
    format!("{fence}\n{text}\n{fence}")
}

/// Consecutive list items as one (nested) list. Numbers count per list and level.
fn list(items: &[Block], options: RenderOptions) -> String {
    /// One open list level: its kind, next number, and the column its content starts at.
    struct Level {
        ordered: bool,
        next: u32,
        indent: usize,
        content: usize,
    }
    let mut levels: Vec<Level> = Vec::new();
    let mut out: Vec<String> = Vec::new();
    for item in items {
        let BlockKind::ListItem { ordered, depth } = item.kind else {
            continue;
        };
        let text = inline_markdown(&item.inlines, options, Breaks::Hard, false);
        if text.trim().is_empty() {
            continue;
        }
        // A level can only open one deeper than the current one.
        let depth = usize::from(depth).min(MAX_LIST_DEPTH).min(levels.len());
        levels.truncate(depth + 1);
        if levels.get(depth).is_some_and(|l| l.ordered != ordered) {
            levels.truncate(depth);
        }
        if levels.len() == depth {
            let indent = levels.last().map_or(0, |l| l.content);
            levels.push(Level {
                ordered,
                next: 1,
                indent,
                content: indent + 2,
            });
        }
        let Some(level) = levels.last_mut() else {
            continue;
        };
        let marker = if ordered {
            let marker = format!("{}. ", level.next);
            level.next = level.next.saturating_add(1);
            marker
        } else {
            "- ".to_string()
        };
        level.content = level.indent + marker.len();
        let pad = " ".repeat(level.indent);
        let continuation = " ".repeat(level.content);
        let mut line = format!("{pad}{marker}");
        for (n, part) in text.split('\n').enumerate() {
            if n > 0 {
                line.push('\n');
                line.push_str(&continuation);
            }
            line.push_str(&escape_line_start(part.trim()));
        }
        out.push(line);
    }
    out.join("\n")
}

/// Consecutive quote paragraphs as one block quote.
fn quote(blocks: &[Block], options: RenderOptions) -> String {
    let paragraphs: Vec<String> = blocks
        .iter()
        .map(|b| lines(&b.inlines, options, "> "))
        .filter(|p| !p.trim().is_empty())
        .map(|p| format!("> {p}"))
        .collect();
    paragraphs.join("\n>\n")
}

/// Consecutive table rows as a GFM table; the first row is the header row (GFM needs one).
fn table(rows: &[Block], options: RenderOptions) -> String {
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|row| {
            row.cells
                .iter()
                .map(|cell| {
                    inline_markdown(cell, options, Breaks::Space, true)
                        .trim()
                        .to_string()
                })
                .collect()
        })
        .filter(|row: &Vec<String>| row.iter().any(|c| !c.is_empty()))
        .collect();
    let columns = cells.iter().map(Vec::len).max().unwrap_or(0);
    if columns == 0 {
        return String::new();
    }
    let row_line = |row: &[String]| {
        let mut line = String::from("|");
        for column in 0..columns {
            let cell = row.get(column).map_or("", String::as_str);
            line.push(' ');
            line.push_str(cell);
            line.push_str(" |");
        }
        line
    };
    let mut out = vec![row_line(&cells[0])];
    out.push(format!("|{}", " --- |".repeat(columns)));
    out.extend(cells[1..].iter().map(|row| row_line(row)));
    out.join("\n")
}

/// The inline runs as Markdown text. Line breaks become `\` + newline (`Breaks::Hard`) or
/// a space; `in_cell` also escapes `|`.
fn inline_markdown(
    inlines: &[Inline],
    options: RenderOptions,
    breaks: Breaks,
    in_cell: bool,
) -> String {
    // Line breaks at either end of a block draw nothing.
    let start = inlines
        .iter()
        .position(|i| *i != Inline::LineBreak)
        .unwrap_or(inlines.len());
    let end = inlines
        .iter()
        .rposition(|i| *i != Inline::LineBreak)
        .map_or(start, |e| e + 1);
    let inlines = &inlines[start..end.max(start)];
    let mut out = String::new();
    for inline in inlines {
        match inline {
            Inline::Text(text) => out.push_str(&escape_inline(&flat(text, breaks), in_cell)),
            Inline::Strong(text) => out.push_str(&wrap(&flat(text, breaks), "**", in_cell)),
            Inline::Emphasis(text) => out.push_str(&wrap(&flat(text, breaks), "*", in_cell)),
            Inline::Code(text) => out.push_str(&code_span(&collapse(text), in_cell)),
            Inline::Link { text, href } => {
                let label = escape_inline(&collapse(text), in_cell);
                if options.links && is_safe_url(href) && !label.is_empty() {
                    out.push('[');
                    out.push_str(&label);
                    out.push_str("](");
                    out.push_str(&destination(href));
                    out.push(')');
                } else {
                    out.push_str(&label);
                }
            }
            Inline::LineBreak => match breaks {
                Breaks::Hard => out.push_str("\\\n"),
                Breaks::Space => out.push(' '),
            },
        }
    }
    out
}

/// Text with its newlines made line breaks or spaces.
fn flat(text: &str, breaks: Breaks) -> String {
    match breaks {
        Breaks::Hard => text.replace('\n', "\\\n"),
        Breaks::Space => text.replace('\n', " "),
    }
}

/// `text` between `marker`s, the surrounding whitespace moved outside (`** bold**` is not
/// bold in CommonMark).
fn wrap(text: &str, marker: &str, in_cell: bool) -> String {
    let inner = text.trim();
    if inner.is_empty() {
        return text.to_string();
    }
    let lead = &text[..text.len() - text.trim_start().len()];
    let trail = &text[text.trim_end().len()..];
    format!(
        "{lead}{marker}{}{marker}{trail}",
        escape_inline(inner, in_cell)
    )
}

/// An inline code span with a fence longer than any backtick run inside.
fn code_span(text: &str, in_cell: bool) -> String {
    if text.is_empty() {
        return String::new();
    }
    let fence = "`".repeat(longest_run(text, '`') + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    // GFM splits table cells on `|` even inside code spans.
    let text = if in_cell {
        text.replace('|', "\\|")
    } else {
        text.to_string()
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// Backslash-escapes the characters that would start inline syntax: `\ * [ ] < > ` ~`, `&`
/// before an entity, `_` at a word edge, and `|` in table cells.
fn escape_inline(text: &str, in_cell: bool) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).and_then(|p| chars.get(p)).copied();
        let next = chars.get(i + 1).copied();
        let escape = match c {
            '\\' | '*' | '[' | ']' | '<' | '>' | '`' | '~' => true,
            '&' => next.is_some_and(|n| n == '#' || n.is_alphanumeric()),
            '_' => {
                !(prev.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphanumeric))
            }
            '|' => in_cell,
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Escapes a line start that would open a block: `#`, `-`, `+`, `=`, `|`, or a number
/// followed by `.` or `)` (an ordered list marker).
fn escape_line_start(line: &str) -> String {
    let mut chars = line.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    // `*`, `_`, `>`, `~` and backticks from the text are already escaped inline; at a line
    // start they can only be this renderer's own markup.
    if matches!(first, '#' | '-' | '+' | '=' | '|') {
        return format!("\\{line}");
    }
    if first.is_ascii_digit() {
        let digits = line.chars().take_while(char::is_ascii_digit).count();
        let rest = &line[digits..];
        if digits <= 9
            && (rest.starts_with(". ") || rest.starts_with(") ") || rest == "." || rest == ")")
        {
            return format!("{}\\{}", &line[..digits], rest);
        }
    }
    line.to_string()
}

/// A link or image destination: spaces, parentheses and angle brackets percent-encoded.
fn destination(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.trim().chars() {
        match c {
            ' ' => out.push_str("%20"),
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Whether `url` is http(s), mailto or relative: never `javascript:`, `data:` and the like.
pub(super) fn is_safe_url(url: &str) -> bool {
    let url = url.trim();
    if url.is_empty() {
        return false;
    }
    let scheme_end = url.find([':', '/', '?', '#']);
    match scheme_end {
        Some(at) if url[at..].starts_with(':') => {
            let scheme = url[..at].to_ascii_lowercase();
            matches!(scheme.as_str(), "http" | "https" | "mailto")
        }
        _ => !url.chars().any(char::is_control),
    }
}

fn longest_run(text: &str, target: char) -> usize {
    let mut best = 0;
    let mut run = 0;
    for c in text.chars() {
        if c == target {
            run += 1;
            best = best.max(run);
        } else {
            run = 0;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Vec<Inline> {
        vec![Inline::Text(s.to_string())]
    }

    fn block(kind: BlockKind, s: &str) -> Block {
        Block::new(kind, text(s))
    }

    fn row(header: bool, cells: &[&str]) -> Block {
        Block {
            kind: BlockKind::TableRow { header },
            inlines: Vec::new(),
            cells: cells.iter().map(|c| text(c)).collect(),
        }
    }

    fn item(ordered: bool, depth: u8, s: &str) -> Block {
        block(BlockKind::ListItem { ordered, depth }, s)
    }

    fn words(s: &str) -> Vec<String> {
        s.split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn headings_paragraphs_lists_tables_quotes() {
        let body = Body {
            blocks: vec![
                block(BlockKind::Paragraph, "Mở đầu bài viết."),
                block(BlockKind::Heading(2), "Diễn biến chính"),
                item(false, 0, "Một"),
                item(false, 1, "Một a"),
                item(true, 2, "Bước đầu"),
                item(true, 2, "Bước hai"),
                item(false, 0, "Hai"),
                row(false, &["Tỉnh", "Số ca"]),
                row(false, &["Hà Nội", "12"]),
                row(false, &["Huế"]),
                block(BlockKind::Quote, "Câu trích dẫn."),
                block(BlockKind::Quote, "Đoạn hai."),
            ],
        };
        let md = to_markdown(&body, RenderOptions::default());
        let want = "Mở đầu bài viết.\n\n## Diễn biến chính\n\n- Một\n  - Một a\n    1. Bước đầu\n    2. Bước hai\n- Hai\n\n\
                    | Tỉnh | Số ca |\n| --- | --- |\n| Hà Nội | 12 |\n| Huế |  |\n\n> Câu trích dẫn.\n>\n> Đoạn hai.";
        assert_eq!(md, want);
    }

    #[test]
    fn header_row_kept_first_and_pipes_escaped() {
        let body = Body {
            blocks: vec![row(true, &["A|B", "C"]), row(false, &["1", "2"])],
        };
        let md = to_markdown(&body, RenderOptions::default());
        assert_eq!(md, "| A\\|B | C |\n| --- | --- |\n| 1 | 2 |");
    }

    #[test]
    fn escapes_line_starts_and_inline_syntax_without_changing_words() {
        let body = Body {
            blocks: vec![
                block(BlockKind::Paragraph, "# không phải tiêu đề"),
                block(
                    BlockKind::Paragraph,
                    "2025. Một năm *đặc biệt* với [nhãn] và <b>thẻ</b>",
                ),
                block(
                    BlockKind::Paragraph,
                    "- gạch đầu dòng giả, snake_case giữ nguyên, _nghiêng_",
                ),
            ],
        };
        let md = to_markdown(&body, RenderOptions::default());
        assert!(md.starts_with("\\# không"));
        assert!(md.contains("2025\\. Một năm \\*đặc biệt\\* với \\[nhãn\\] và \\<b\\>thẻ\\</b\\>"));
        assert!(
            md.contains("\\- gạch") && md.contains("snake_case") && md.contains("\\_nghiêng\\_")
        );
        let plain = super::super::to_text(&body);
        let unescaped = md.replace('\\', "");
        assert_eq!(words(&unescaped), words(&plain));
    }

    #[test]
    fn links_and_images_only_when_asked_and_safe() {
        let body = Body {
            blocks: vec![
                Block::new(
                    BlockKind::Paragraph,
                    vec![
                        Inline::Text("Xem ".into()),
                        Inline::Link {
                            text: "báo cáo".into(),
                            href: "https://example.vn/a b(1).pdf".into(),
                        },
                        Inline::Text(" và ".into()),
                        Inline::Link {
                            text: "mục này".into(),
                            href: "javascript:alert(1)".into(),
                        },
                        Inline::LineBreak,
                        Inline::Strong(" đậm ".into()),
                        Inline::Code("a`b".into()),
                    ],
                ),
                block(
                    BlockKind::Image {
                        src: "/img/x.jpg".into(),
                        alt: "Ảnh [1]".into(),
                    },
                    "",
                ),
            ],
        };
        let off = to_markdown(&body, RenderOptions::default());
        assert_eq!(off, "Xem báo cáo và mục này\\\n**đậm** ``a`b``");
        let on = to_markdown(
            &body,
            RenderOptions {
                links: true,
                images: true,
            },
        );
        assert!(on.contains("[báo cáo](https://example.vn/a%20b%281%29.pdf)"));
        assert!(
            on.contains(" và mục này"),
            "unsafe link rendered as text: {on}"
        );
        assert!(on.ends_with("![Ảnh \\[1\\]](/img/x.jpg)"));
    }

    #[test]
    fn code_blocks_and_odd_input() {
        let body = Body {
            blocks: vec![
                block(BlockKind::Preformatted, "let a = 1;\n```\nb"),
                block(BlockKind::Heading(9), "Tiêu đề #"),
                block(BlockKind::Paragraph, "   "),
                item(true, 200, "sâu"),
                row(false, &[]),
            ],
        };
        let md = to_markdown(&body, RenderOptions::default());
        assert_eq!(
            md,
            "````\nlet a = 1;\n```\nb\n````\n\n###### Tiêu đề \\#\n\n1. sâu"
        );
    }
}

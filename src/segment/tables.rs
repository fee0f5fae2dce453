//! How a `<table>` is read: as data (its rows become blocks), as a page's layout (its
//! cells are containers), or as the frame of an image (its text is a caption).

use ego_tree::NodeRef;
use ego_tree::iter::Edge;
use scraper::Node;

/// A data table with a cell longer than this, in characters, is laid out as a page, not
/// as data. Start: trafilatura's table heuristics; tuned on fixtures/ 2026-11-23.
const MAX_DATA_TABLE_CELL_CHARS: usize = 1000;
/// A cell with at least this many paragraph breaks (`<p>`, `<br><br>`)…
const MIN_LAYOUT_CELL_PARAGRAPH_BREAKS: usize = 2;
/// …and more than this many characters is a column of prose: the table lays out a page
/// (old hand-written sites set their whole article in one `<td>`).
const MIN_LAYOUT_CELL_PROSE_CHARS: usize = 300;

/// A table with an image and at most this many rows…
const MAX_IMAGE_TABLE_ROWS: usize = 3;
/// …and less text than this, in characters, frames the image (a caption table)…
const MAX_IMAGE_TABLE_CHARS: usize = 600;
/// …as does any table with an image and less text than this. The three were set in
/// "Pipeline v1" (ae077ea, 2026-11-23); what they were tuned on was not recorded.
const MAX_IMAGE_ONLY_TABLE_CHARS: usize = 100;
/// How a `<table>` is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TableMode {
    /// Rows become table-row blocks.
    Data,
    /// The table lays out the page; its cells are containers.
    Layout,
    /// The table frames an image; its text is a caption.
    Image,
}

/// Looks inside a table to decide how to read it: linear in the table's size.
pub(super) fn table_mode(table: NodeRef<'_, Node>) -> TableMode {
    let mut has_image = false;
    let mut text_chars = 0usize;
    let mut cell_chars = 0usize;
    let mut rows = 0usize;
    let mut layout = false;
    let mut depth_in_cell = false;
    // Paragraph breaks in the current cell (a `<p>`, or a `<br>` right after another),
    // and whether the last thing seen in it was a `<br>`.
    let mut cell_breaks = 0usize;
    let mut after_break = false;
    for edge in table.traverse().skip(1) {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(element) => match element.name() {
                    "table" => layout = true,
                    "img" => has_image = true,
                    "tr" => rows += 1,
                    "td" | "th" => {
                        cell_chars = 0;
                        cell_breaks = 0;
                        after_break = false;
                        depth_in_cell = true;
                    }
                    "ul" | "ol" | "h1" | "h2" | "h3" | "blockquote" | "article" | "hr"
                        if depth_in_cell =>
                    {
                        layout = true;
                    }
                    "br" if depth_in_cell => {
                        cell_breaks += usize::from(after_break);
                        after_break = true;
                    }
                    "p" if depth_in_cell => cell_breaks += 1,
                    _ => {}
                },
                Node::Text(text) => {
                    let chars = text.trim().chars().count();
                    text_chars += chars;
                    cell_chars += chars;
                    after_break &= chars == 0;
                    // A cell of several paragraphs of prose is a page's column.
                    if cell_chars > MAX_DATA_TABLE_CELL_CHARS
                        || (cell_breaks >= MIN_LAYOUT_CELL_PARAGRAPH_BREAKS
                            && cell_chars > MIN_LAYOUT_CELL_PROSE_CHARS)
                    {
                        layout = true;
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(element) = node.value()
                    && matches!(element.name(), "td" | "th")
                {
                    depth_in_cell = false;
                }
            }
        }
        if layout {
            return TableMode::Layout;
        }
    }
    if has_image
        && ((rows <= MAX_IMAGE_TABLE_ROWS && text_chars < MAX_IMAGE_TABLE_CHARS)
            || text_chars < MAX_IMAGE_ONLY_TABLE_CHARS)
    {
        TableMode::Image
    } else {
        TableMode::Data
    }
}

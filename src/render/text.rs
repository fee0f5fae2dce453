//! Plain text: one block per line, table cells separated by a tab.

use crate::body::{BlockKind, Body};

/// Renders `body` as plain text, one paragraph, heading, list item or table row per line.
pub(crate) fn to_text(body: &Body) -> String {
    let mut out = String::new();
    for block in &body.blocks {
        if matches!(block.kind, BlockKind::Image { .. }) {
            continue;
        }
        let text = block.plain_text();
        for line in text.lines() {
            let line = line.trim();
            if !line.is_empty() {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    if out.ends_with('\n') {
        out.pop();
    }
    out
}

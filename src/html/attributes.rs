//! Reads the attributes of a tag as the HTML tokenizer does, and records the pre-scan's
//! cuts of the attributes no later stage reads.

use super::bytes::{is_space, skip_spaces};
use std::ops::Range;

/// The attributes a later stage reads (the segmenter, the metadata selectors and meta
/// tags) or that may change how a tree builder builds the tree (`type` of a hidden
/// `<input>` in a table, `shadowrootmode` of `<template>`, and `encoding` of
/// `<annotation-xml>`, which scraper's tree sink ignores but others read). The
/// pre-scan cuts every other attribute of a non-formatting element: html5ever spends
/// more on attributes than on any other part of the markup (interned names, one
/// allocation per value, a sort per element), and on the 181 scrapinghub pages cutting
/// the unread ones took its parse time from 1.30 to about 1.0 ms per page (2026-12-01).
/// Formatting elements other than `<a>` keep all of theirs: Noah's Ark compares them. A
/// stage that reads a new attribute adds it here; `trimming_changes_no_result` in
/// `extractor.rs` checks the fixtures come out the same with and without the cut.
pub(crate) const READ_ATTRIBUTES: &[&str] = &[
    "align",
    "alt",
    "aria-controls",
    "aria-expanded",
    "aria-modal",
    "class",
    "content",
    "data-bs-toggle",
    "data-role",
    "data-src",
    "data-toggle",
    "datetime",
    "encoding",
    "hidden",
    "href",
    "http-equiv",
    "id",
    "itemprop",
    "lang",
    "name",
    "property",
    "pubdate",
    "rel",
    "role",
    "shadowrootmode",
    "src",
    "style",
    "type",
];

/// Whether the attribute named `name` (as written) is in [`READ_ATTRIBUTES`].
pub(super) fn is_read_attribute(name: &[u8]) -> bool {
    /// Longer than every read name.
    const LONGEST: usize = 16;
    // Lower-cased into a buffer on the stack, then looked up by length first.
    let mut lower = [0u8; LONGEST];
    let Some(lower) = lower.get_mut(..name.len()) else {
        return false;
    };
    for (to, from) in lower.iter_mut().zip(name) {
        *to = from.to_ascii_lowercase();
    }
    READ_BY_LENGTH
        .get(lower.len())
        .is_some_and(|names| names.contains(&&*lower))
}

/// [`READ_ATTRIBUTES`] by name length: a name is compared with the few of its length
/// only (most attributes of a page are not read, and were compared with every name).
static READ_BY_LENGTH: std::sync::LazyLock<Vec<Vec<&'static [u8]>>> =
    std::sync::LazyLock::new(|| {
        let longest = READ_ATTRIBUTES
            .iter()
            .map(|name| name.len())
            .max()
            .unwrap_or(0);
        let mut by_length = vec![Vec::new(); longest + 1];
        for name in READ_ATTRIBUTES {
            by_length[name.len()].push(name.as_bytes());
        }
        by_length
    });

/// Attributes kept per tag; later ones are cut before parsing. html5ever compares each
/// attribute with all earlier ones of the tag, so a tag costs the square of its attribute
/// count. Real pages stay under ~40 (data-* heavy widgets).
pub(super) const MAX_ATTRIBUTES_PER_TAG: usize = 256;

/// Where a tag's attributes end and the tag itself ends.
pub(super) struct TagEnd {
    /// Just past the `>`.
    pub(super) end: usize,
    /// Where the attributes end (before `/>` or `>`).
    pub(super) attrs_end: usize,
    pub(super) self_closing: bool,
}

/// Skips the attributes of a tag whose name ends at `pos`, as the HTML tokenizer does
/// (quoted values may hold `>`). Records a cut for attributes past the limit. `None` at
/// the end of input (html5ever drops an unterminated tag).
pub(super) fn skip_attributes(
    bytes: &[u8],
    mut pos: usize,
    cuts: Option<(&mut Vec<Range<usize>>, bool)>,
) -> Option<TagEnd> {
    let (mut cuts, trim_unread) = match cuts {
        Some((cuts, trim_unread)) => (Some(cuts), trim_unread),
        None => (None, false),
    };
    let mut count = 0usize;
    let mut cut_start = None;
    loop {
        let &b = bytes.get(pos)?;
        match b {
            b'>' => {
                return Some(finish_tag(pos, pos, false, cut_start, cuts));
            }
            b'/' if bytes.get(pos + 1) == Some(&b'>') => {
                return Some(finish_tag(pos + 1, pos, true, cut_start, cuts));
            }
            b'/' => pos += 1,
            b if is_space(b) => pos += 1,
            _ => {
                count += 1;
                if count == MAX_ATTRIBUTES_PER_TAG + 1 {
                    cut_start = Some(pos);
                }
                let attribute = read_attribute(bytes, pos)?;
                let name_start = attribute.name.start;
                let attribute_end = attribute.end;
                pos = attribute.end;
                let name = bytes.get(attribute.name).unwrap_or_default();
                // An attribute right after a `/` stays: cutting it could leave `/>`, which
                // self-closes a foreign element.
                let after_slash = name_start > 0 && bytes.get(name_start - 1) == Some(&b'/');
                if trim_unread
                    && cut_start.is_none()
                    && !after_slash
                    && !is_read_attribute(name)
                    && let Some(cuts) = cuts.as_deref_mut()
                {
                    // The spaces after it go too (html5ever steps through them one by
                    // one); the ones before stay, so an unquoted value before it still ends.
                    push_cut(cuts, name_start..skip_spaces(bytes, attribute_end));
                }
            }
        }
    }
}

/// One attribute as the tokenizer reads it: its name, its value (empty when it has none)
/// and where the attribute ends.
pub(super) struct AttributeSpan {
    pub(super) name: Range<usize>,
    pub(super) value: Range<usize>,
    pub(super) end: usize,
}

/// The attribute whose name starts at `start`: the name takes at least one byte, up to a
/// space, `/`, `>` or `=`; a quoted value ends at its quote, an unquoted one at a space or
/// `>`. `None` when a quoted value runs to the end of the input.
pub(super) fn read_attribute(bytes: &[u8], start: usize) -> Option<AttributeSpan> {
    let mut pos = start + 1;
    while bytes
        .get(pos)
        .is_some_and(|&b| !is_space(b) && b != b'/' && b != b'>' && b != b'=')
    {
        pos += 1;
    }
    let name = start..pos.min(bytes.len());
    let after_name = skip_spaces(bytes, pos);
    if bytes.get(after_name) != Some(&b'=') {
        return Some(AttributeSpan {
            value: name.end..name.end,
            end: name.end,
            name,
        });
    }
    pos = skip_spaces(bytes, after_name + 1);
    let value = match bytes.get(pos) {
        Some(&quote @ (b'"' | b'\'')) => {
            let close = memchr::memchr(quote, bytes.get(pos + 1..)?)?;
            let value = pos + 1..pos + 1 + close;
            pos += close + 2;
            value
        }
        _ => {
            let value_start = pos;
            while bytes.get(pos).is_some_and(|&b| !is_space(b) && b != b'>') {
                pos += 1;
            }
            value_start..pos
        }
    };
    Some(AttributeSpan {
        name,
        value,
        end: pos,
    })
}

/// The attributes of a tag (`bytes[attrs]`, after its name), as (name, value) byte slices.
pub(super) fn attributes(
    bytes: &[u8],
    attrs: Range<usize>,
) -> impl Iterator<Item = (&[u8], &[u8])> {
    let markup = bytes.get(attrs).unwrap_or_default();
    let mut pos = 0;
    std::iter::from_fn(move || {
        while markup.get(pos).is_some_and(|&b| is_space(b) || b == b'/') {
            pos += 1;
        }
        if markup.get(pos).is_none_or(|&b| b == b'>') {
            return None;
        }
        let attribute = read_attribute(markup, pos)?;
        pos = attribute.end;
        Some((markup.get(attribute.name)?, markup.get(attribute.value)?))
    })
}

/// Whether the tag has one of the attributes `names` (lower-case; ASCII case ignored).
pub(super) fn has_attribute(bytes: &[u8], attrs: Range<usize>, names: &[&[u8]]) -> bool {
    attributes(bytes, attrs).any(|(name, _)| names.iter().any(|n| name.eq_ignore_ascii_case(n)))
}

/// Adds a cut after the others, merged with the last one when they touch.
pub(super) fn push_cut(cuts: &mut Vec<Range<usize>>, cut: Range<usize>) {
    match cuts.last_mut() {
        Some(last) if last.end == cut.start => last.end = cut.end,
        _ => cuts.push(cut),
    }
}

pub(super) fn finish_tag(
    gt: usize,
    attrs_end: usize,
    self_closing: bool,
    cut_start: Option<usize>,
    cuts: Option<&mut Vec<Range<usize>>>,
) -> TagEnd {
    if let (Some(start), Some(cuts)) = (cut_start, cuts) {
        push_cut(cuts, start..attrs_end);
    }
    TagEnd {
        end: gt + 1,
        attrs_end,
        self_closing,
    }
}

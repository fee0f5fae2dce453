//! The pre-scan's model of the tree builder: a linear replay of the markup that counts the
//! depth and the nodes html5ever will build, and records the cuts of what no stage reads.
//! The module docs of [`super`] say why.

use super::attributes::*;
use super::bytes::*;
use super::tags::*;
use crate::Error;
use crate::options::Limits;
use foldhash::HashMap;
use foldhash::HashMapExt;
use std::borrow::Cow;
use std::collections::VecDeque;
use std::ops::Range;

/// Nodes html5ever creates for every document before any markup: document, `<html>`,
/// `<head>`, `<body>`.
pub(super) const BASE_NODES: usize = 4;

/// Elements every document nests in before its content: `<html>` and `<body>`.
pub(super) const BASE_DEPTH: usize = 2;

// ---------------------------------------------------------------------------------------
// The stack of open elements.

/// Categories whose topmost open element the model must find in O(1).
#[derive(Clone, Copy)]
pub(super) enum Category {
    Special = 0,
    Scope,
    TableScope,
    List,
    Button,
    /// Special except `<address>`, `<div>` and `<p>`: stops the `<li>`/`<dd>` search.
    ItemStop,
    /// HTML (not foreign) elements.
    Html,
}

pub(super) const CATEGORIES: usize = 7;

/// One open element, or the hole left by one the adoption agency took out.
#[derive(Clone, Copy)]
pub(super) struct Open {
    name: u32,
    /// Categories it was pushed into, as bits of `1 << Category`.
    categories: u8,
    foreign: bool,
    /// A MathML element (else SVG, when foreign).
    math: bool,
    integration: bool,
    marker: bool,
    /// Its entry in the active formatting list, while linked.
    entry: Option<u32>,
    removed: bool,
}

/// An entry of the list of active formatting elements.
#[derive(Clone, Copy)]
pub(super) enum Entry {
    Marker,
    Formatting {
        slot: u8,
        key: u32,
        /// Stack position of its element, `None` once popped (to be reconstructed).
        position: Option<u32>,
        live: bool,
    },
}

/// The tree-builder model.
pub(super) struct Scan {
    limits: Limits,
    names: Names,
    stack: Vec<Open>,
    /// Live elements on the stack.
    depth: usize,
    /// Stack positions per name id, ascending.
    by_name: Vec<Vec<u32>>,
    /// Stack positions per [`Category`], ascending.
    tops: [Vec<u32>; CATEGORIES],
    /// The list of active formatting elements, with tombstones.
    entries: Vec<Entry>,
    /// Positions of the markers in `entries`.
    markers: Vec<u32>,
    /// Entry positions per formatting slot (lazily cleaned of dead ones).
    by_slot: [Vec<u32>; FORMATTING_SLOTS],
    /// Live entry positions per formatting key, ascending (exact).
    by_key: Vec<VecDeque<u32>>,
    /// Formatting tags (name and raw attributes) interned for Noah's Ark.
    keys: HashMap<Box<[u8]>, u32>,
    dead_entries: usize,
    nodes: usize,
    /// Whether the current text run was counted.
    in_text: bool,
    /// Byte ranges of excess attributes to cut.
    cuts: Vec<Range<usize>>,
    name_buf: Vec<u8>,
    key_buf: Vec<u8>,
    /// Foreign (SVG, MathML) elements on the stack.
    foreign_open: usize,
    /// Whether the model still follows html5ever exactly enough to cut markup.
    exact: bool,
    /// Whether the last tag was `</body>` or `</html>`: the next end tag, even an ignored
    /// one, switches html5ever back to "in body" (which decides where comments go), so it
    /// is not cut.
    after_body: bool,
}

/// What the tokenizer saw at a `<`.
pub(super) enum Token {
    Start {
        name: u32,
        self_closing: bool,
        key_attrs: Range<usize>,
        end: usize,
    },
    End {
        name: u32,
        end: usize,
    },
    /// Comment, doctype, processing instruction: one node.
    Comment {
        end: usize,
    },
    /// Markup the tokenizer ignores entirely (`</>`).
    Nothing {
        end: usize,
    },
    /// A `<` that is text.
    Text,
    /// The rest of the input is swallowed (unterminated tag or comment).
    Eof,
}

impl Scan {
    fn new(limits: Limits) -> Self {
        Self {
            limits,
            names: Names::new(),
            stack: Vec::new(),
            depth: 0,
            by_name: vec![Vec::new(); KNOWN.len()],
            tops: Default::default(),
            entries: Vec::new(),
            markers: Vec::new(),
            by_slot: Default::default(),
            by_key: Vec::new(),
            keys: HashMap::new(),
            dead_entries: 0,
            nodes: BASE_NODES,
            in_text: false,
            cuts: Vec::new(),
            name_buf: Vec::new(),
            key_buf: Vec::new(),
            foreign_open: 0,
            exact: true,
            after_body: false,
        }
    }

    fn too_many_nodes(&self) -> Error {
        Error::TooManyNodes {
            limit: self.limits.max_nodes,
        }
    }

    fn too_deep(&self) -> Error {
        Error::TooDeep {
            limit: self.limits.max_depth,
        }
    }

    // --- Tokenizer -----------------------------------------------------------------

    fn run(&mut self, html: &str) -> Result<(), Error> {
        let bytes = html.as_bytes();
        let mut pos = 0;
        while pos < bytes.len() {
            let Some(lt) = html.get(pos..).and_then(|rest| rest.find('<')) else {
                self.text()?;
                break;
            };
            if lt > 0 {
                self.text()?;
            }
            pos += lt;
            match self.token(bytes, pos) {
                Token::Text => {
                    self.text()?;
                    pos += 1;
                }
                Token::Eof => {
                    // A start or end tag cut off by the end of the input is dropped by
                    // html5ever; cut, it would be handed to html5ever's tokenizer, which
                    // compares each attribute with all earlier ones (issue 15: an
                    // unterminated tag of 40,000 attributes took 2 s).
                    let next = bytes.get(pos + 1).copied();
                    let after_slash = bytes.get(pos + 2).copied();
                    let tag = next.is_some_and(|b| b.is_ascii_alphabetic())
                        || (next == Some(b'/')
                            && after_slash.is_some_and(|b| b.is_ascii_alphabetic()));
                    if tag && self.exact {
                        // With the cuts of its attributes.
                        while self.cuts.last().is_some_and(|cut| cut.start >= pos) {
                            self.cuts.pop();
                        }
                        push_cut(&mut self.cuts, pos..bytes.len());
                    }
                    break;
                }
                Token::Nothing { end } => pos = end,
                Token::Comment { end } => {
                    // No stage reads comments: cut, they leave the text around them one
                    // run, as if they were never there. Not where a table takes text: there
                    // the runs on either side are placed apart (whitespace stays in the
                    // table, other text goes before it), one run would move its spaces.
                    let in_table_text = self.current().is_some_and(|open| {
                        matches!(open.name, TABLE | TBODY | THEAD | TFOOT | TR)
                    });
                    if self.trims()
                        && !in_table_text
                        && bytes.get(pos..).is_some_and(|r| r.starts_with(b"<!--"))
                    {
                        push_cut(&mut self.cuts, pos..end);
                    } else {
                        self.in_text = false;
                        self.add_nodes(1)?;
                    }
                    pos = end;
                }
                Token::End { name, end } => {
                    self.in_text = false;
                    if self.foreign_open > 0 && !self.takes_foreign_end_rule(name) {
                        self.exact = false;
                    }
                    // An end tag that closes nothing is cut: html5ever's tree builder
                    // walks the stack of open elements for each (issue 15: 505 open
                    // `<span>` and a million `</y>` took seconds). Only in the body, out
                    // of foreign content, tables, selects and templates, where ignoring it
                    // has no other effect and the text around it is one run either way.
                    let may_cut = self.trims()
                        && self.foreign_open == 0
                        && self.depth > 0
                        && !self.after_body
                        && self.table_context().is_none()
                        && self.top(SELECT).is_none()
                        && self.top(TEMPLATE).is_none();
                    if self.end_tag(name)? && may_cut {
                        push_cut(&mut self.cuts, pos..end);
                    }
                    self.after_body = name == BODY || name == HTML;
                    pos = end;
                }
                Token::Start {
                    name,
                    self_closing,
                    key_attrs,
                    end,
                } => {
                    self.in_text = false;
                    self.after_body = false;
                    let flags = self.names.flags(name);
                    // Where the model is not exact, cutting stops for the rest of the page: a
                    // tag taking HTML rules with foreign content open, and raw text in a
                    // `<select>` (which ignores most start tags).
                    if (self.foreign_open > 0
                        && (!self.in_foreign() || flags & BREAKOUT != 0 || name == FONT))
                        || (flags & RAW != 0 && self.top(SELECT).is_some())
                    {
                        self.exact = false;
                    }
                    let raw = flags & RAW != 0 && !self.in_foreign();
                    if name == PLAINTEXT && !self.in_foreign() {
                        self.start_tag(name, self_closing, bytes, key_attrs)?;
                        // Everything after is text.
                        return self.text();
                    }
                    let unread = self.trims() && raw && contents_unread(name, bytes, &key_attrs);
                    self.start_tag(name, self_closing, bytes, key_attrs)?;
                    pos = end;
                    if raw {
                        let close = if name == SCRIPT {
                            find_script_end(bytes, pos)
                        } else {
                            find_end_tag(bytes, pos, known_name(name))
                        };
                        let Some(close) = close else {
                            if unread {
                                self.cuts.push(pos..bytes.len());
                            }
                            return self.text();
                        };
                        if close > pos {
                            self.add_nodes(1)?;
                            if unread {
                                self.cuts.push(pos..close);
                            }
                        }
                        pos = close;
                    }
                }
            }
        }
        Ok(())
    }

    /// Reads the markup at `pos` (a `<`).
    fn token(&mut self, bytes: &[u8], pos: usize) -> Token {
        let next = bytes.get(pos + 1).copied();
        match next {
            Some(b) if b.is_ascii_alphabetic() => self.start_token(bytes, pos),
            Some(b'/') => match bytes.get(pos + 2).copied() {
                Some(b) if b.is_ascii_alphabetic() => {
                    let (name_end, name) = self.read_name(bytes, pos + 2);
                    match skip_attributes(bytes, name_end, None) {
                        Some(tag) => Token::End { name, end: tag.end },
                        None => Token::Eof,
                    }
                }
                Some(b'>') => Token::Nothing { end: pos + 3 },
                None => Token::Text,
                Some(_) => bogus_comment(bytes, pos + 2),
            },
            Some(b'!') => {
                let rest = bytes.get(pos..).unwrap_or_default();
                if rest.starts_with(b"<!--") {
                    comment(bytes, pos + 4)
                } else if rest.starts_with(b"<![CDATA[") && self.in_foreign() {
                    match find(bytes, pos + 9, b"]]>") {
                        Some(at) => {
                            // CDATA is text.
                            Token::Comment { end: at + 3 }
                        }
                        None => Token::Eof,
                    }
                } else {
                    bogus_comment(bytes, pos + 2)
                }
            }
            Some(b'?') => bogus_comment(bytes, pos + 1),
            _ => Token::Text,
        }
    }

    fn start_token(&mut self, bytes: &[u8], pos: usize) -> Token {
        let (name_end, id) = self.read_name(bytes, pos + 1);
        // Formatting elements keep all their attributes, which Noah's Ark compares; but an
        // `<a>` start tag first closes any open `<a>` after the last marker, so no two are
        // ever compared and links lose their unread attributes too.
        // An `<abbr>` keeps its `title` too: hAtom's `abbr.published` writes the
        // machine-readable time there (the metadata reads it); abbreviations are few.
        let abbr = bytes
            .get(pos + 1..name_end)
            .is_some_and(|name| name.eq_ignore_ascii_case(b"abbr"));
        let trim_unread =
            self.trims() && !abbr && (self.names.flags(id) & FORMATTING == 0 || id == A);
        let Some(tag) = skip_attributes(bytes, name_end, Some((&mut self.cuts, trim_unread)))
        else {
            return Token::Eof;
        };
        Token::Start {
            name: id,
            self_closing: tag.self_closing,
            key_attrs: name_end..tag.attrs_end,
            end: tag.end,
        }
    }

    /// Where the tag name starting at `pos` ends, and its interned (lowercased) id.
    fn read_name(&mut self, bytes: &[u8], pos: usize) -> (usize, u32) {
        let rest = bytes.get(pos..).unwrap_or_default();
        let len = rest
            .iter()
            .position(|&b| ends_name(b))
            .unwrap_or(rest.len());
        let name = rest.get(..len).unwrap_or_default();
        let id = if name.iter().any(u8::is_ascii_uppercase) {
            self.name_buf.clear();
            self.name_buf
                .extend(name.iter().map(u8::to_ascii_lowercase));
            self.names.intern(&self.name_buf)
        } else {
            self.names.intern(name)
        };
        (pos + len, id)
    }

    // --- Counting --------------------------------------------------------------------

    fn add_nodes(&mut self, count: usize) -> Result<(), Error> {
        self.nodes = self.nodes.saturating_add(count);
        if self.nodes > self.limits.max_nodes {
            return Err(self.too_many_nodes());
        }
        Ok(())
    }

    /// A character of text: the first of a run reconstructs and makes a node.
    fn text(&mut self) -> Result<(), Error> {
        if !self.in_text {
            self.in_text = true;
            self.reconstruct()?;
            self.add_nodes(1)?;
        }
        Ok(())
    }

    // --- Stack -----------------------------------------------------------------------

    fn top(&self, name: u32) -> Option<u32> {
        self.by_name
            .get(name as usize)
            .and_then(|v| v.last().copied())
    }

    fn top_category(&self, category: Category) -> Option<u32> {
        self.tops[category as usize].last().copied()
    }

    /// Whether the topmost `name` is above every element of the bounding categories.
    fn in_scope(&self, name: u32, bounds: &[Category]) -> Option<u32> {
        let position = self.top(name)?;
        let bound = bounds.iter().filter_map(|&c| self.top_category(c)).max();
        match bound {
            Some(bound) if bound > position => None,
            _ => Some(position),
        }
    }

    fn in_default_scope(&self, name: u32) -> Option<u32> {
        self.in_scope(name, &[Category::Scope])
    }

    fn current(&self) -> Option<&Open> {
        self.stack.last()
    }

    /// Whether markup is still cut: trimming is on and the model has stayed exact.
    fn trims(&self) -> bool {
        self.limits.trim && self.exact
    }

    /// Whether the end tag `name` closes a foreign element by the foreign-content rules
    /// (else it takes the HTML rules).
    fn takes_foreign_end_rule(&self, name: u32) -> bool {
        self.current().is_some_and(|open| open.foreign)
            && self.top(name).is_some_and(|position| {
                self.top_category(Category::Html)
                    .is_none_or(|html| html < position)
            })
    }

    fn in_foreign(&self) -> bool {
        self.current()
            .is_some_and(|open| open.foreign && !open.integration)
    }

    fn push(&mut self, name: u32, foreign: bool) -> Result<u32, Error> {
        // Inside foreign content an element takes its parent's namespace (a `<math>` in
        // SVG is SVG); from HTML, `<math>` starts MathML and `<svg>` SVG. Integration
        // points are per namespace (an `<mi>` in SVG is not one).
        let math = foreign
            && if self.in_foreign() {
                self.current().is_some_and(|open| open.math)
            } else {
                name == MATH
            };
        let flags = if foreign {
            // As html5ever has them: the integration points bound the default scope, no
            // foreign element is special, and `<annotation-xml>` never holds HTML
            // (scraper's tree sink does not report MathML integration points).
            let integration = if math {
                matches!(name, MI | MO | MN | MS | MTEXT)
            } else {
                matches!(name, FOREIGN_OBJECT | DESC | TITLE)
            };
            if integration { SCOPE | INTEGRATION } else { 0 }
        } else {
            self.names.flags(name)
        };
        let position = self.stack.len() as u32;
        let mut categories = 0u8;
        let mut add = |category: Category, tops: &mut [Vec<u32>; CATEGORIES]| {
            categories |= 1 << category as u8;
            tops[category as usize].push(position);
        };
        if flags & SPECIAL != 0 {
            add(Category::Special, &mut self.tops);
            if name != ADDRESS && name != DIV && name != P {
                add(Category::ItemStop, &mut self.tops);
            }
        }
        if flags & SCOPE != 0 {
            add(Category::Scope, &mut self.tops);
        }
        if flags & TABLE_SCOPE != 0 {
            add(Category::TableScope, &mut self.tops);
        }
        if flags & LIST != 0 {
            add(Category::List, &mut self.tops);
        }
        if flags & BUTTON != 0 {
            add(Category::Button, &mut self.tops);
        }
        if !foreign {
            add(Category::Html, &mut self.tops);
        }
        let marker = !foreign && flags & MARKER != 0;
        if foreign {
            self.foreign_open += 1;
        }
        self.stack.push(Open {
            name,
            categories,
            foreign,
            math,
            integration: flags & INTEGRATION != 0,
            marker,
            entry: None,
            removed: false,
        });
        if self.by_name.len() <= name as usize {
            self.by_name.resize(name as usize + 1, Vec::new());
        }
        if let Some(positions) = self.by_name.get_mut(name as usize) {
            positions.push(position);
        }
        if marker {
            self.markers.push(self.entries.len() as u32);
            self.entries.push(Entry::Marker);
        }
        self.depth += 1;
        if self.depth + BASE_DEPTH > self.limits.max_depth {
            return Err(self.too_deep());
        }
        Ok(position)
    }

    /// Pops the current element (and any holes under it).
    fn pop(&mut self) {
        let Some(open) = self.stack.pop() else {
            return;
        };
        if !open.removed {
            self.unlink(&open);
        }
        while self.stack.last().is_some_and(|open| open.removed) {
            self.stack.pop();
        }
    }

    /// Removes a popped or taken-out element from the indexes.
    fn unlink(&mut self, open: &Open) {
        self.depth = self.depth.saturating_sub(1);
        if open.foreign {
            self.foreign_open = self.foreign_open.saturating_sub(1);
        }
        for (i, tops) in self.tops.iter_mut().enumerate() {
            if open.categories & (1 << i) != 0 {
                tops.pop();
            }
        }
        if let Some(positions) = self.by_name.get_mut(open.name as usize) {
            positions.pop();
        }
        if let Some(entry) = open.entry
            && let Some(Entry::Formatting { position, .. }) = self.entries.get_mut(entry as usize)
        {
            *position = None;
        }
        if open.marker {
            self.clear_to_marker();
        }
    }

    /// Pops elements until the one at `position` is popped.
    fn pop_to(&mut self, position: u32) {
        while self.stack.len() > position as usize {
            self.pop();
        }
    }

    fn close_p(&mut self) {
        if let Some(position) = self.in_scope(P, &[Category::Scope, Category::Button]) {
            self.pop_to(position);
        }
    }

    // --- Active formatting elements --------------------------------------------------

    fn last_marker(&self) -> Option<u32> {
        self.markers.last().copied()
    }

    /// The last live entry of `slot` after the last marker.
    fn last_entry(&mut self, slot: usize) -> Option<u32> {
        let marker = self.last_marker();
        let positions = self.by_slot.get_mut(slot)?;
        while let Some(&last) = positions.last() {
            match self.entries.get(last as usize) {
                Some(Entry::Formatting { live: true, .. }) => {
                    return (marker.is_none_or(|m| last > m)).then_some(last);
                }
                _ => {
                    positions.pop();
                }
            }
        }
        None
    }

    /// Takes a live entry out of the list.
    fn kill_entry(&mut self, index: u32) {
        let Some(Entry::Formatting {
            key,
            position,
            live,
            ..
        }) = self.entries.get_mut(index as usize)
        else {
            return;
        };
        if !*live {
            return;
        }
        *live = false;
        let (key, position) = (*key, *position);
        if let Some(open) = position.and_then(|p| self.stack.get_mut(p as usize)) {
            open.entry = None;
        }
        if let Some(queue) = self.by_key.get_mut(key as usize)
            && let Some(at) = queue.iter().rposition(|&i| i == index)
        {
            queue.remove(at);
        }
        self.dead_entries += 1;
        self.trim_entries();
        if self.dead_entries > 64 && self.dead_entries * 2 > self.entries.len() {
            self.compact_entries();
        }
    }

    /// Drops dead entries from the end of the list.
    fn trim_entries(&mut self) {
        while let Some(Entry::Formatting {
            live: false, slot, ..
        }) = self.entries.last()
        {
            let slot = *slot as usize;
            self.entries.pop();
            self.dead_entries = self.dead_entries.saturating_sub(1);
            self.truncate_slot(slot);
        }
    }

    /// Drops indexes at or past the list's end from a slot.
    fn truncate_slot(&mut self, slot: usize) {
        let len = self.entries.len() as u32;
        if let Some(positions) = self.by_slot.get_mut(slot) {
            while positions.last().is_some_and(|&i| i >= len) {
                positions.pop();
            }
        }
    }

    /// Rebuilds the list without its dead entries and re-points every index.
    fn compact_entries(&mut self) {
        for entry in &self.entries {
            if let Entry::Formatting { key, .. } = entry
                && let Some(queue) = self.by_key.get_mut(*key as usize)
            {
                queue.clear();
            }
        }
        for positions in &mut self.by_slot {
            positions.clear();
        }
        self.markers.clear();
        let old = std::mem::take(&mut self.entries);
        for entry in old {
            let index = self.entries.len() as u32;
            match entry {
                Entry::Marker => self.markers.push(index),
                Entry::Formatting { live: false, .. } => continue,
                Entry::Formatting {
                    slot,
                    key,
                    position,
                    ..
                } => {
                    if let Some(open) = position.and_then(|p| self.stack.get_mut(p as usize)) {
                        open.entry = Some(index);
                    }
                    if let Some(positions) = self.by_slot.get_mut(slot as usize) {
                        positions.push(index);
                    }
                    if let Some(queue) = self.by_key.get_mut(key as usize) {
                        queue.push_back(index);
                    }
                }
            }
            self.entries.push(entry);
        }
        self.dead_entries = 0;
    }

    /// Clears the list back to (and including) the last marker.
    fn clear_to_marker(&mut self) {
        let Some(marker) = self.markers.pop() else {
            return;
        };
        while self.entries.len() > marker as usize {
            let Some(entry) = self.entries.pop() else {
                break;
            };
            if let Entry::Formatting {
                slot,
                key,
                position,
                live,
            } = entry
            {
                if live {
                    if let Some(queue) = self.by_key.get_mut(key as usize) {
                        queue.pop_back();
                    }
                    if let Some(open) = position.and_then(|p| self.stack.get_mut(p as usize)) {
                        open.entry = None;
                    }
                } else {
                    self.dead_entries = self.dead_entries.saturating_sub(1);
                }
                self.truncate_slot(slot as usize);
            }
        }
    }

    /// Adds a formatting element just pushed at `position`, applying Noah's Ark.
    fn push_entry(&mut self, name: u32, position: u32, bytes: &[u8], attrs: Range<usize>) {
        self.key_buf.clear();
        self.key_buf.extend_from_slice(&name.to_le_bytes());
        self.key_buf
            .extend_from_slice(bytes.get(attrs).unwrap_or_default().trim_ascii());
        let key = match self.keys.get(self.key_buf.as_slice()) {
            Some(&key) => key,
            None => {
                let key = self.by_key.len() as u32;
                self.keys.insert(self.key_buf.as_slice().into(), key);
                self.by_key.push(VecDeque::new());
                key
            }
        };
        let marker = self.last_marker();
        let evict = self.by_key.get(key as usize).and_then(|queue| {
            let third = queue.len().checked_sub(3).and_then(|i| queue.get(i))?;
            marker.is_none_or(|m| *third > m).then_some(*third)
        });
        if let Some(evict) = evict {
            self.kill_entry(evict);
        }
        let index = self.entries.len() as u32;
        self.entries.push(Entry::Formatting {
            slot: name as u8,
            key,
            position: Some(position),
            live: true,
        });
        if let Some(positions) = self.by_slot.get_mut(name as usize) {
            positions.push(index);
        }
        if let Some(queue) = self.by_key.get_mut(key as usize) {
            queue.push_back(index);
        }
        if let Some(open) = self.stack.get_mut(position as usize) {
            open.entry = Some(index);
        }
    }

    /// Re-creates the formatting elements popped since the last one still open.
    fn reconstruct(&mut self) -> Result<(), Error> {
        let mut first = self.entries.len();
        while first > 0 {
            match self.entries.get(first - 1) {
                Some(Entry::Formatting {
                    live: true,
                    position: None,
                    ..
                })
                | Some(Entry::Formatting { live: false, .. }) => first -= 1,
                _ => break,
            }
        }
        for index in first..self.entries.len() {
            if let Some(&Entry::Formatting {
                slot,
                live: true,
                position: None,
                ..
            }) = self.entries.get(index)
            {
                self.add_nodes(1)?;
                let position = self.push(u32::from(slot), false)?;
                if let Some(Entry::Formatting { position: p, .. }) = self.entries.get_mut(index) {
                    *p = Some(position);
                }
                if let Some(open) = self.stack.get_mut(position as usize) {
                    open.entry = Some(index as u32);
                }
            }
        }
        Ok(())
    }

    /// The end tag of a formatting element: a simplified adoption agency.
    fn adopt(&mut self, name: u32) -> Result<bool, Error> {
        let Some(index) = self.last_entry(name as usize) else {
            return Ok(false);
        };
        let position = match self.entries.get(index as usize) {
            Some(Entry::Formatting { position, .. }) => *position,
            _ => None,
        };
        let Some(position) = position else {
            self.kill_entry(index);
            return Ok(true);
        };
        if self
            .top_category(Category::Scope)
            .is_some_and(|bound| bound > position)
        {
            // Not in scope: ignored.
            return Ok(true);
        }
        let furthest_block = self
            .top_category(Category::Special)
            .is_some_and(|special| special > position);
        self.kill_entry(index);
        if furthest_block {
            // The element leaves the stack; the blocks above it stay open.
            self.take_out(position);
        } else {
            self.pop_to(position);
        }
        Ok(true)
    }

    /// Takes a formatting element out of the middle of the stack, leaving a hole.
    fn take_out(&mut self, position: u32) {
        let Some(open) = self.stack.get(position as usize).copied() else {
            return;
        };
        if open.removed {
            return;
        }
        if let Some(slot) = self.stack.get_mut(position as usize) {
            slot.removed = true;
        }
        // Its name list holds it, but not necessarily last; categories are empty for
        // formatting elements.
        self.depth = self.depth.saturating_sub(1);
        if let Some(positions) = self.by_name.get_mut(open.name as usize)
            && let Some(at) = positions.iter().rposition(|&p| p == position)
        {
            positions.remove(at);
        }
        for (i, tops) in self.tops.iter_mut().enumerate() {
            if open.categories & (1 << i) != 0
                && let Some(at) = tops.iter().rposition(|&p| p == position)
            {
                tops.remove(at);
            }
        }
    }

    // --- Tree construction -----------------------------------------------------------

    fn start_tag(
        &mut self,
        name: u32,
        self_closing: bool,
        bytes: &[u8],
        attrs: Range<usize>,
    ) -> Result<(), Error> {
        self.add_nodes(1)?;
        let flags = self.names.flags(name);
        if self.in_foreign() {
            // `<font>` leaves foreign content only with a color, face or size.
            let breaks_out = flags & BREAKOUT != 0
                || (name == FONT
                    && has_attribute(bytes, attrs.clone(), &[b"color", b"face", b"size"]));
            if !breaks_out {
                if !self_closing {
                    self.push(name, true)?;
                }
                return Ok(());
            }
            while self.in_foreign() {
                self.pop();
            }
        }
        if name == SVG || name == MATH {
            self.reconstruct()?;
            if !self_closing {
                self.push(name, true)?;
            }
            return Ok(());
        }
        if flags & IGNORED != 0 {
            // Merged into the implied element.
            self.nodes = self.nodes.saturating_sub(1);
            return Ok(());
        }
        if flags & RAW != 0 {
            if flags & CLOSES_P != 0 {
                self.close_p();
            }
            if flags & RECONSTRUCT != 0 {
                self.reconstruct()?;
            }
            return Ok(());
        }
        if self.table_start_tag(name)? {
            return Ok(());
        }
        if flags & VOID != 0 {
            if flags & CLOSES_P != 0 {
                self.close_p();
            }
            if flags & RECONSTRUCT != 0 {
                self.reconstruct()?;
            }
            return Ok(());
        }
        if flags & FORMATTING != 0 {
            if name == A || name == NOBR {
                // An open <a> (or <nobr>) is closed first.
                self.adopt(name)?;
            }
            self.reconstruct()?;
            let position = self.push(name, false)?;
            self.push_entry(name, position, bytes, attrs);
            return Ok(());
        }
        match name {
            LI => self.close_item(&[LI]),
            DD | DT => self.close_item(&[DD, DT]),
            _ => {}
        }
        if name == FORM && self.top(FORM).is_some() {
            return Ok(());
        }
        if name == TABLE
            && let Some(table) = self.table_context()
        {
            // A table start tag directly in a table closes it.
            self.pop_to(table);
        }
        if flags & CLOSES_P != 0 {
            self.close_p();
        }
        if flags & HEADING != 0
            && self
                .current()
                .is_some_and(|open| self.names.flags(open.name) & HEADING != 0)
        {
            self.pop();
        }
        match name {
            BUTTON_ID => {
                if let Some(button) = self.in_default_scope(BUTTON_ID) {
                    self.pop_to(button);
                }
            }
            OPTION if self.current().is_some_and(|open| open.name == OPTION) => self.pop(),
            OPTGROUP => {
                while self
                    .current()
                    .is_some_and(|open| open.name == OPTION || open.name == OPTGROUP)
                {
                    self.pop();
                }
            }
            RB | RTC | RP | RT => {
                while self.current().is_some_and(|open| {
                    matches!(open.name, RB | RP | RT)
                        || (open.name == RTC && (name == RB || name == RTC))
                }) {
                    self.pop();
                }
            }
            _ => {}
        }
        if flags & SPECIAL == 0 || flags & RECONSTRUCT != 0 {
            self.reconstruct()?;
        }
        self.push(name, false)?;
        Ok(())
    }

    /// `<li>`, `<dd>`, `<dt>`: closes an open item unless a special element intervenes.
    fn close_item(&mut self, names: &[u32]) {
        let item = names.iter().filter_map(|&n| self.top(n)).max();
        let stop = self.top_category(Category::ItemStop);
        if let Some(item) = item
            && stop.is_none_or(|stop| stop <= item)
        {
            self.pop_to(item);
        }
    }

    /// Position of the innermost table when the model is in it directly (not in a cell or
    /// caption).
    fn table_context(&self) -> Option<u32> {
        let table = self.top(TABLE)?;
        let cell = [TD, TH, CAPTION].iter().filter_map(|&n| self.top(n)).max();
        cell.is_none_or(|cell| cell < table).then_some(table)
    }

    /// Table structure start tags; `true` when handled.
    fn table_start_tag(&mut self, name: u32) -> Result<bool, Error> {
        if !matches!(
            name,
            CAPTION | COLGROUP | COL | TBODY | THEAD | TFOOT | TR | TD | TH
        ) {
            return Ok(false);
        }
        let Some(table) = self.top(TABLE) else {
            // Ignored outside tables.
            self.nodes = self.nodes.saturating_sub(1);
            return Ok(true);
        };
        // Inside a cell or caption of this table: close it first.
        if let Some(cell) = [TD, TH, CAPTION].iter().filter_map(|&n| self.top(n)).max()
            && cell > table
        {
            self.pop_to(cell);
        }
        match name {
            CAPTION | TBODY | THEAD | TFOOT => {
                self.pop_to(table + 1);
                self.push(name, false)?;
            }
            COLGROUP | COL => {
                self.pop_to(table + 1);
            }
            TR => {
                self.open_section(table)?;
                self.push(TR, false)?;
            }
            _ => {
                match self.top(TR) {
                    Some(row) if row > table => self.pop_to(row + 1),
                    _ => {
                        self.open_section(table)?;
                        self.add_nodes(1)?;
                        self.push(TR, false)?;
                    }
                }
                self.push(name, false)?;
            }
        }
        Ok(true)
    }

    /// Clears back to the table body of `table`, opening an implied `<tbody>` if needed.
    fn open_section(&mut self, table: u32) -> Result<(), Error> {
        let section = [TBODY, THEAD, TFOOT]
            .iter()
            .filter_map(|&n| self.top(n))
            .max()
            .filter(|&s| s > table);
        match section {
            Some(section) => self.pop_to(section + 1),
            None => {
                self.pop_to(table + 1);
                self.add_nodes(1)?;
                self.push(TBODY, false)?;
            }
        }
        Ok(())
    }

    /// Models an end tag; `true` when html5ever ignores it without any other effect.
    fn end_tag(&mut self, name: u32) -> Result<bool, Error> {
        // `</p>` and `</br>` leave foreign content, then take the HTML rules.
        if (name == P || name == BR) && self.in_foreign() {
            while self.in_foreign() {
                self.pop();
            }
        }
        let flags = self.names.flags(name);
        // End tags take the foreign-content rules whenever the current node is foreign,
        // integration points included.
        if self.takes_foreign_end_rule(name)
            && let Some(position) = self.top(name)
        {
            self.pop_to(position);
            return Ok(false);
        }
        if flags & (IGNORED | VOID | RAW) != 0 {
            if name == BR {
                self.reconstruct()?;
                self.add_nodes(1)?;
            }
            // A raw-text element's end tag is where the pre-scan stopped its text: kept.
            return Ok(name != BR && flags & (IGNORED | RAW) == 0);
        }
        if flags & FORMATTING != 0 && self.adopt(name)? {
            return Ok(false);
        }
        let (position, ignorable) = match name {
            P => {
                let p = self.in_scope(P, &[Category::Scope, Category::Button]);
                if p.is_none() {
                    // `</p>` without a `<p>` makes an empty one.
                    self.add_nodes(1)?;
                }
                (p, false)
            }
            LI => (self.in_scope(LI, &[Category::Scope, Category::List]), true),
            TABLE | CAPTION | TBODY | THEAD | TFOOT | TR | TD | TH => {
                (self.in_scope(name, &[Category::TableScope]), false)
            }
            _ if flags & HEADING != 0 => (
                (H1..H1 + 6).filter_map(|h| self.in_default_scope(h)).max(),
                true,
            ),
            _ if flags & SPECIAL != 0 => (
                self.in_default_scope(name),
                name != FORM && name != TEMPLATE,
            ),
            _ => (self.in_scope(name, &[Category::Special]), true),
        };
        match position {
            Some(position) => {
                self.pop_to(position);
                Ok(false)
            }
            None => Ok(ignorable),
        }
    }
}

/// A comment whose body starts at `pos` (after `<!--`).
pub(super) fn comment(bytes: &[u8], pos: usize) -> Token {
    let rest = bytes.get(pos..).unwrap_or_default();
    if rest.starts_with(b">") {
        return Token::Comment { end: pos + 1 };
    }
    if rest.starts_with(b"->") {
        return Token::Comment { end: pos + 2 };
    }
    match comment_end(bytes, pos) {
        Some((_, end)) => Token::Comment { end },
        None => Token::Eof,
    }
}

/// A bogus comment (doctype, `<?…>`, `</ …>`): up to the next `>`.
pub(super) fn bogus_comment(bytes: &[u8], pos: usize) -> Token {
    match find(bytes, pos, b">") {
        Some(at) => Token::Comment { end: at + 1 },
        None => Token::Eof,
    }
}

/// Whether nothing downstream reads the text inside this raw-text element, so the
/// pre-scan can cut it before html5ever tokenizes it: scripts (but JSON-LD, which the
/// metadata reads), styles and `<noscript>` fallbacks, which the segmenter skips and the
/// metadata's element text leaves out. (`<iframe>`, `<noembed>` and `<noframes>` text is
/// read by one or the other.) On the 181 scrapinghub pages, script and style text is 53 %
/// of the bytes (2026-12-01).
pub(super) fn contents_unread(name: u32, bytes: &[u8], attributes: &Range<usize>) -> bool {
    match name {
        SCRIPT => !bytes
            .get(attributes.clone())
            .is_some_and(|attrs| contains_ignore_ascii_case(attrs, b"ld+json")),
        STYLE | NOSCRIPT => true,
        _ => false,
    }
}

/// [`super::prescan`], with the model's count of the nodes the tree will have.
pub(super) fn prescan_counting(html: &str, limits: Limits) -> Result<(Cow<'_, str>, usize), Error> {
    let mut scan = Scan::new(limits);
    scan.run(html)?;
    let nodes = scan.nodes;
    if scan.cuts.is_empty() {
        return Ok((Cow::Borrowed(html), nodes));
    }
    let mut out = String::with_capacity(html.len());
    let mut from = 0;
    for cut in &scan.cuts {
        out.push_str(html.get(from..cut.start).unwrap_or_default());
        from = cut.end;
    }
    out.push_str(html.get(from..).unwrap_or_default());
    Ok((Cow::Owned(out), nodes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::{parse, prescan};
    use crate::options::Budget;
    use ego_tree::iter::Edge;
    use scraper::Html;

    const LIMITS: Limits = Limits {
        max_nodes: 1_000_000,
        max_depth: 4096,
        trim: true,
    };

    fn tight(max_nodes: usize, max_depth: usize) -> Limits {
        Limits {
            max_nodes,
            max_depth,
            trim: true,
        }
    }

    /// Depth the model reaches at the end of `html`, and its node count.
    fn model(html: &str) -> (usize, usize) {
        let mut scan = Scan::new(LIMITS);
        let result = scan.run(html);
        assert!(result.is_ok(), "{html}");
        (scan.depth + BASE_DEPTH, scan.nodes)
    }

    /// The real depth and node count html5ever gives.
    fn real(html: &str) -> (usize, usize) {
        let document = Html::parse_document(html);
        let mut depth = 0usize;
        let mut max = 0usize;
        for edge in document.tree.root().traverse() {
            match edge {
                Edge::Open(node) if node.value().is_element() => {
                    depth += 1;
                    max = max.max(depth);
                }
                Edge::Close(node) if node.value().is_element() => depth -= 1,
                _ => {}
            }
        }
        (max, document.tree.nodes().len())
    }

    fn max_model_depth(html: &str) -> usize {
        // Find the smallest depth limit the model accepts.
        let mut low = 1;
        let mut high = 100_000;
        while low < high {
            let mid = (low + high) / 2;
            let mut scan = Scan::new(tight(usize::MAX, mid));
            if scan.run(html).is_ok() {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        low
    }

    #[test]
    fn ordinary_page_is_accepted_and_borrowed() {
        let html = "<!DOCTYPE html><html><head><title>T</title><meta name=a content=b></head>\
                    <body><div class=x><p>One <b>two</b></p><ul><li>a<li>b</ul></div></body></html>";
        assert!(matches!(prescan(html, LIMITS), Ok(Cow::Borrowed(_))));
        assert!(parse(html, LIMITS, Budget::default()).is_ok());
    }

    /// The tree as element names and text, without the text of the elements whose
    /// contents the pre-scan cuts.
    fn outline(html: &str) -> String {
        let document = Html::parse_document(html);
        let mut out = String::new();
        for edge in document.tree.root().traverse() {
            match edge {
                Edge::Open(node) => match node.value() {
                    scraper::Node::Element(el) => {
                        let mut read: Vec<String> = el
                            .attrs()
                            .filter(|(name, _)| is_read_attribute(name.as_bytes()))
                            .map(|(name, value)| format!(" {name}={value:?}"))
                            .collect();
                        read.sort();
                        out.push_str(&format!("<{}{}>", el.name(), read.concat()));
                    }
                    scraper::Node::Text(text) => {
                        let unread = node
                            .parent()
                            .and_then(|p| p.value().as_element())
                            .is_some_and(|p| {
                                &*p.name.ns == "http://www.w3.org/1999/xhtml"
                                    && matches!(p.name(), "script" | "style" | "noscript")
                                    && !p.attr("type").is_some_and(|t| t.contains("ld+json"))
                            });
                        if !unread {
                            out.push_str(&text.text);
                        }
                    }
                    _ => {}
                },
                Edge::Close(node) if node.value().is_element() => out.push_str("</>"),
                Edge::Close(_) => {}
            }
        }
        out
    }

    /// Each case and its pre-scanned markup parse to the same [`outline`].
    fn assert_same_trees(cases: &[&str]) {
        for &html in cases {
            let Ok(markup) = prescan(html, LIMITS) else {
                panic!("{html} rejected");
            };
            assert_eq!(outline(html), outline(&markup), "{html} became {markup}");
        }
    }

    #[test]
    fn unread_raw_text_is_cut_and_json_ld_kept() {
        let html = "<html><head><title>T &amp; U</title><style>p { color: red }</style>\
                    <script>var secret = '<p>';</script>\
                    <script type='application/ld+json'>{\"headline\": \"H\"}</script></head>\
                    <body><noscript><img src=x></noscript><iframe>fallback</iframe>\
                    <textarea>typed</textarea><p>Body</p></body></html>";
        let Ok(Cow::Owned(markup)) = prescan(html, LIMITS) else {
            panic!("script and style text should be cut");
        };
        for gone in ["color: red", "secret", "img src"] {
            assert!(!markup.contains(gone), "{gone} left in {markup}");
        }
        for kept in [
            "T &amp; U",
            "\"headline\"",
            "typed",
            "fallback",
            "<p>Body</p>",
            "<script>",
            "</script>",
        ] {
            assert!(markup.contains(kept), "{kept} lost from {markup}");
        }
    }

    #[test]
    fn unread_attributes_are_cut_except_on_formatting_elements() {
        let html = "<div class=a data-track='x y' onclick=\"f('>')\" id=b>\
                    <img srcset='a 1x, b 2x' src=/i.jpg alt=Ảnh loading=lazy>\
                    <b data-k=1>x</b><a href=/h data-id=2 class=l>y</a></div>";
        let Ok(Cow::Owned(markup)) = prescan(html, LIMITS) else {
            panic!("unread attributes should be cut");
        };
        for gone in ["data-track", "onclick", "srcset", "loading", "data-id"] {
            assert!(!markup.contains(gone), "{gone} left in {markup}");
        }
        for kept in [
            "class=a",
            "id=b",
            "src=/i.jpg",
            "alt=Ảnh",
            "<b data-k=1>",
            "href=/h",
            "class=l",
        ] {
            assert!(markup.contains(kept), "{kept} lost from {markup}");
        }
    }

    #[test]
    fn cutting_unread_attributes_leaves_the_same_tree() {
        let cases = [
            "<div a=\"1\"b='2' c=3/ class=x>t</div>",
            "<div data-x class=y data-y>t</div>",
            "<DIV DATA-X=1 CLASS=Z ID = w>t</DIV>",
            "<div x=a/>t</div><br data-x/><p>u",
            "<div ==x class=v>t</div>",
            "<p title='a > b' lang=vi>t</p>",
            "<div data-a='<p>' class='q'>t</div>",
            "<span x=1 y=2 z=3>t</span>",
            "<table><input type=hidden data-x=1><tr><td>c</td></tr></table>",
            "<math><annotation-xml encoding=text/html data-x=1><p>h</p></annotation-xml></math>",
            "<font color=red data-x=1><p>f</font>g</p>",
            "<a href=1 data-x=1><b>x<a href=2 data-y=2><div>y</a>z</div>",
            "<p><a href=1 data-x=1><a href=1 data-x=2><a href=1 data-x=3><a href=1>t</p>",
            "<svg viewBox='0 0 1 1' width=1><foreignObject data-x=1><p>o</p></foreignObject></svg>",
            "<div class=a data-x='unterminated",
            "<svg><g/data-x=1><path/></g><path/ data-y><circle/></svg><p>x",
            "<br class=x data-x/><p class=y data-x />t<p data-a data-b\n class=z>u",
            "<svg><path class=x data-x /><path class=x data-x/></svg>",
            "<p>a<svg><title>t</title><g><path/></g></svg>b<svg><foreignObject><p>c</p></foreignObject></svg>d",
            "<b><svg><g></b>x</g></svg>y<svg><g><p>out</p></g></svg><table><svg><g/></svg><tr><td>z",
            "<div class=a data-x=1 id=b data-y='2'id=c>t</div>",
        ];
        assert_same_trees(&cases);
    }

    #[test]
    fn ignored_end_tags_and_cut_off_tags_are_cut_leaving_the_same_tree() {
        let cases = [
            "<span><span>a</y>b</y></dd></div></i></img></textarea>c</span>d",
            "<div><div>a</dd></li></h2></address></b>b</div></div>",
            "<div>a</body></y><?pi x><p>b",
            "<div>a</html></y><?pi x><p>b</html></y>",
            "<div>a</body>  </y><!--c--><?pi><p>b",
            "</y><!DOCTYPE html><div>a</y>",
            "<div></y><!DOCTYPE html>a</y>",
            "<table><tr></y> x</y><td>c</y>d</table>",
            "<table><colgroup></y><col></y></table>",
            "<select><option>a</y>b</select>",
            "<template><tr></y></template><div>t</y></div>",
            "<form><div></form></y></form>x</div>",
            "<div></p></br></y>x</div>",
            "<svg><g></y></g></svg><div></y>x</div>",
            "<b><span></i></b>x</y></span>",
            "<div>x</noscript></script>y</div>",
            "<p>a</p><div a0=x a1=y a2",
            "<p>a</p><div a0=x a1=\"y",
            "<p>a</p></div a0=x a1",
            "<p>a<b>b</b",
            "<div>t</div><d",
            "<html><head><title>t</title></head><body><div>a</div></body></html></y>",
        ];
        assert_same_trees(&cases);
        let html = format!("<div>{}x", "</y>".repeat(10));
        let Ok(markup) = prescan(&html, LIMITS) else {
            panic!("rejected");
        };
        assert_eq!(markup, "<div>x");
        let html = format!("<p>t</p><div {}", "a=x ".repeat(10));
        let Ok(markup) = prescan(&html, LIMITS) else {
            panic!("rejected");
        };
        assert_eq!(markup, "<p>t</p>");
    }

    #[test]
    fn cutting_raw_text_leaves_the_same_tree() {
        let cases = [
            "<script>a</script><p>x</p>",
            "<script>if (a</b) {}</script ><p>x</p>",
            "<SCRIPT>x</SCRIPT/><p>y</p>",
            "<script>a</scripty></script><p>x</p>",
            // Escaped and double-escaped script data.
            "<script><!--<script>x</script>y--></script><p>after</p>",
            "<script><!--<script>x</script>y</script>z--></script><p>after</p>",
            "<script><!-- a </script><p>after</p>",
            "<script><!--> </script><p>after</p>",
            "<script><!---> <script> </script> --> </script><p>after</p>",
            "<script><!-- <script> --> </script><p>after</p>",
            "<script><!-- <scripts> </script><p>after</p>",
            "<script>unterminated <p>never",
            "<style>a</style b=c><style>/* </styles> */</style><p>x</p>",
            "<noscript><p>fallback</p></noscript><p>x</p>",
            "<head><noscript><link rel=x></noscript></head><p>x</p>",
            "<iframe><p>no</p></iframe><p>x</p>",
            "<noembed>e</noembed><noframes>f</noframes><p>x</p>",
            // In SVG, <script> and <style> are not raw text.
            "<svg><script>s<g/></script><style>t</style></svg><p>x</p>",
            "<math><mi><script>m</script></mi></math><p>x</p>",
            "<table><script>t</script><tr><td>x</table>",
            "<select><script>t</script><option>o</select>",
            // Comments are cut too.
            "<!-- a --><!DOCTYPE html><p>x<!-- b -->y</p><!---->z<!-->w<!--->v",
            "<table><!-- c --><tr><!-- d --><td>x</td></tr></table>",
            "<p>a<!-- unterminated",
            "<svg><![CDATA[ kept ]]></svg><p>x</p>",
        ];
        assert_same_trees(&cases);
    }

    #[test]
    fn model_depth_tracks_html5ever() {
        let cases = [
            "<div><div><div>x</div></div></div>".to_owned(),
            "<p>a<p>b<p>c".to_owned(),
            "<ul><li>a<li>b<ul><li>c<li>d</ul></ul>".to_owned(),
            "<table><tr><td>a<td>b<tr><td>c</table>".to_owned(),
            "<table>".repeat(50),
            "<table><tr><td>".repeat(50),
            "<b><div></b>".repeat(50),
            "<b><p>x</b></p>".repeat(50),
            "<p><font color=c>t</p>\n".repeat(50),
            (0..50)
                .map(|i| format!("<p><font color=c{i}>t</p>\n"))
                .collect(),
            "<span>".repeat(50),
            "<dl><dt>a<dd>b<dt>c</dl>".repeat(20),
            "<svg><g><path/><path></path></g></svg><div>x</div>".repeat(20),
            "<select><option>a<option>b</select>".repeat(20),
            "<td><div>x</td>".repeat(20),
            "<h1><h2>x</h2></h1>".repeat(20),
            // Sloppy pages: html5ever nests one level per paragraph.
            "<p><b>bold <i>unclosed</p>\n<p><font face=Arial>more</p>\n".repeat(30),
            "<p><b>bold <i>unclosed</b></p>\n".repeat(30),
            // Misnesting.
            "<span><div></span>".repeat(30),
            "<a href=1><div><a href=2>x</a></div>".repeat(30),
            "<svg><title>t</title><path d=x /></svg><p>x</p>".repeat(30),
            "<table><tr><td><b><table><tr><td>x</table>".repeat(20),
        ];
        for html in &cases {
            let html = format!("<html><body>{html}</body></html>");
            let (real_depth, _) = real(&html);
            let model_depth = max_model_depth(&html);
            // Within a few levels of the truth, or a small factor on deep trees.
            assert!(
                model_depth <= real_depth + 3 && model_depth * 2 + 3 >= real_depth,
                "{html}: model {model_depth}, html5ever {real_depth}"
            );
        }
    }

    #[test]
    fn model_nodes_track_html5ever() {
        let bomb: String = {
            let mut s = String::from("<div>");
            for i in 0..40 {
                s.push_str(&format!("<b id={i}>"));
            }
            s.push_str("</div>");
            s.push_str(&"<div>x</div>".repeat(40));
            s
        };
        for html in [
            bomb.as_str(),
            "<p>one <i>two</i> three</p><!-- c --><p>four</p>",
            "<p><b>x</p>\n<p>y</p>\n<p>z</p>",
        ] {
            let (_, real_nodes) = real(html);
            let (_, model_nodes) = model(html);
            assert!(
                model_nodes <= real_nodes + 4 && model_nodes * 3 / 2 + 4 >= real_nodes,
                "{html}: model {model_nodes}, html5ever {real_nodes}"
            );
        }
    }

    #[test]
    fn deep_nesting_is_refused_before_parsing() {
        let html = "<div>".repeat(100_000);
        assert_eq!(
            prescan(&html, LIMITS).err(),
            Some(Error::TooDeep { limit: 4096 })
        );
        let html = "<b><div></b>".repeat(10_000);
        assert_eq!(
            prescan(&html, LIMITS).err(),
            Some(Error::TooDeep { limit: 4096 })
        );
    }

    #[test]
    fn reconstruction_bomb_is_refused_before_parsing() {
        let mut html = String::from("<div>");
        for i in 0..3000 {
            html.push_str(&format!("<b id={i}>"));
        }
        html.push_str("</div>");
        html.push_str(&"<div>x</div>".repeat(3000));
        assert_eq!(
            prescan(&html, LIMITS).err(),
            Some(Error::TooManyNodes { limit: 1_000_000 })
        );
    }

    #[test]
    fn flat_sloppy_markup_is_accepted() {
        let html = "<p><b>bold</b> <i>closed</i></p>\n<p><font face=Arial>more</font></p>\n"
            .repeat(20_000);
        assert!(prescan(&html, tight(2_000_000, 64)).is_ok());
        let html = "<table><tr><td><font color=red>x</td></tr></table>".repeat(20_000);
        assert!(prescan(&html, tight(2_000_000, 64)).is_ok());
    }

    #[test]
    fn raw_text_and_comments_hide_tags() {
        let html = format!(
            "<script>{}</script><style>{}</style><!-- {} --><textarea>{}</textarea>",
            "<div>".repeat(10_000),
            "<div>".repeat(10_000),
            "<div>".repeat(10_000),
            "<div>".repeat(10_000)
        );
        assert!(prescan(&html, tight(100, 10)).is_ok());
    }

    #[test]
    fn quoted_attribute_values_may_hold_markup() {
        let html = format!("<a title=\"{}\">x</a>", "<div>".repeat(10_000));
        assert!(prescan(&html, tight(100, 10)).is_ok());
    }

    #[test]
    fn excess_attributes_are_cut() {
        let attrs: String = (0..1000).map(|i| format!(" a{i}=\"v\"")).collect();
        let html = format!("<div{attrs} class=last>x</div><p id=keep>y</p>");
        let untrimmed = Limits {
            trim: false,
            ..LIMITS
        };
        let Ok(Cow::Owned(cut)) = prescan(&html, untrimmed) else {
            panic!("expected a cut");
        };
        assert!(cut.contains(" a255=\"v\""));
        assert!(!cut.contains(" a256="));
        assert!(cut.ends_with(">x</div><p id=keep>y</p>"));
        assert!(parse(&html, LIMITS, Budget::default()).is_ok());
    }

    #[test]
    fn tree_check_catches_what_the_model_misses() {
        // The model does not count the text nodes html5ever splits; the tree check does.
        let html = "<p>x</p>".repeat(100);
        assert_eq!(
            parse(&html, tight(50, 4096), Budget::default()).err(),
            Some(Error::TooManyNodes { limit: 50 })
        );
        assert_eq!(
            parse(
                "<div><div><div>x</div></div></div>",
                tight(1000, 4),
                Budget::default()
            )
            .err(),
            Some(Error::TooDeep { limit: 4 })
        );
    }

    #[test]
    fn truncated_markup_does_not_panic() {
        for html in [
            "<",
            "</",
            "<!",
            "<!-",
            "<!--",
            "<a",
            "<a b=\"",
            "<a b='x' ",
            "</a",
            "<script>",
            "<svg><![CDATA[",
            "<?x",
            "<\u{e9}",
            "<p\u{e9}>",
        ] {
            assert!(parse(html, LIMITS, Budget::default()).is_ok(), "{html}");
        }
    }
}

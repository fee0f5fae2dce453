//! Takes the trimmed markup; returns the document, built by html5ever's tree builder from
//! the tokens of a byte-level tokenizer.
//!
//! html5ever's own tokenizer reads the markup one character at a time through a queue of
//! string buffers and copies every tag and attribute name into a growing buffer: on the
//! 181 scrapinghub pages it took 30 % of an extraction's instructions after the pre-scan's
//! cuts (callgrind, 2026-12-02). This one finds the next `<` or `&` with memchr, reads
//! tags as byte ranges, and hands the tree builder text as slices of one shared buffer.
//!
//! It follows the tokenization states of the HTML standard for what pages hold: text
//! and character references (named ones from html5ever's own table, with its
//! longest-match and attribute rules), start and end tags with every attribute form,
//! comments, bogus comments (`<?xml …?>`, `<!…>`, `</ …>`), `<!DOCTYPE>` with or
//! without identifiers, and the raw text of `<title>`, `<textarea>`, `<style>`,
//! `<script>` and the like, switched to as the tree builder asks. Anything rarer (CDATA
//! in SVG or MathML, a doctype it does not read, a tag or comment the input cuts off,
//! script text holding `<!--`, an abrupt `<!-->`) hands the rest of the markup to
//! html5ever's tokenizer, in the state reached and feeding the same tree builder, so the
//! tree is html5ever's in every case. Input with a NUL byte, or past 4 GiB, goes to
//! html5ever whole; carriage returns are normalised first, as the standard's input
//! stream does.
//!
//! The tests below parse tricky markup, every fixture page (as it comes and trimmed) and
//! generated pages both ways and compare the whole trees. On 2026-12-02 the same held on
//! the 642 pages of `../shared/corpus` (`TINHLOC_TREE_CORPUS`), two of which hand off (a
//! JSON-LD script holding `<!--`, an SVG doctype with an internal subset), and on 200,000
//! generated pages with random seeds.

use super::bytes::{comment_end, ends_name, find_end_tag, is_space, skip_spaces};
use html5ever::data::{C1_REPLACEMENTS, NAMED_ENTITIES};
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::{RawKind, State};
use html5ever::tokenizer::{
    BufferQueue, Doctype, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::tree_builder::{TreeBuilder, TreeBuilderOpts};
use html5ever::{Attribute, LocalName, QualName, TokenizerResult, ns};
use scraper::{Html, HtmlTreeSink};
use std::ops::Range;

use crate::Error;
use crate::options::{Budget, Ticker};

type Builder = TreeBuilder<ego_tree::NodeId, HtmlTreeSink>;

/// Parses a whole document, as `Html::parse_document` does, into a tree with room for
/// `expected_nodes` (the pre-scan's count): growing the tree's node array copies it.
#[cfg(test)]
pub(crate) fn parse_document(markup: &str, expected_nodes: usize) -> Html {
    parse_document_within(markup, expected_nodes, Budget::default())
        .unwrap_or_else(|_| Html::new_document())
}

/// Markup handed to html5ever's tokenizer at a time, in bytes, so that the time budget is
/// looked at between two pieces: html5ever reads 64 KiB in well under 10 ms.
const HANDOFF_CHUNK_BYTES: u32 = 64 * 1024;

/// [`parse_document`] within a time budget.
///
/// # Errors
/// [`Error::TimeBudgetExceeded`] when `budget` runs out before the tree is built.
pub(crate) fn parse_document_within(
    markup: &str,
    expected_nodes: usize,
    budget: Budget,
) -> Result<Html, Error> {
    let markup = markup.strip_prefix('\u{feff}').unwrap_or(markup);
    if memchr::memchr(0, markup.as_bytes()).is_some() || u32::try_from(markup.len()).is_err() {
        // html5ever's whole parse, as `Html::parse_document` runs it, fed piece by piece.
        let builder = TreeBuilder::new(
            HtmlTreeSink::new(Html::new_document()),
            TreeBuilderOpts::default(),
        );
        let builder = hand_off(
            builder,
            StrTendril::from_slice(markup),
            State::Data,
            None,
            budget,
        )?;
        return Ok(builder.sink.0.into_inner());
    }
    let normalized;
    let markup = if memchr::memchr(b'\r', markup.as_bytes()).is_some() {
        normalized = markup.replace("\r\n", "\n").replace('\r', "\n");
        normalized.as_str()
    } else {
        markup
    };
    let mut document = Html::new_document();
    // The count can be off by a little (text split around cuts); the slack covers most.
    let capacity = expected_nodes.saturating_add(expected_nodes / 16);
    document.tree = ego_tree::Tree::with_capacity(scraper::Node::Document, capacity);
    let builder = TreeBuilder::new(HtmlTreeSink::new(document), TreeBuilderOpts::default());
    let mut reader = Reader {
        text: markup,
        bytes: markup.as_bytes(),
        buffer: StrTendril::from_slice(markup),
        builder,
        scratch: String::new(),
        ticker: budget.ticker(),
    };
    let stop = reader.run();
    let Reader {
        builder, buffer, ..
    } = reader;
    let builder = match stop {
        Stop::End => {
            let _ = builder.process_token(Token::EOFToken, 1);
            builder.end();
            builder
        }
        Stop::OutOfTime => return Err(budget.exceeded()),
        Stop::Handoff { at, state, last } => {
            let offset = u32::try_from(at).unwrap_or(u32::MAX);
            let Ok(rest) = buffer.try_subtendril(offset, buffer.len32().saturating_sub(offset))
            else {
                // Hand-offs are at ASCII bytes; should one not be, html5ever parses the
                // whole page rather than lose its rest.
                return Ok(Html::parse_document(markup));
            };
            hand_off(builder, rest, state, last, budget)?
        }
    };
    Ok(builder.sink.0.into_inner())
}

/// Feeds the rest of the markup to html5ever's tokenizer, started in `state`, a piece of
/// [`HANDOFF_CHUNK_BYTES`] at a time with a look at the budget between two.
fn hand_off(
    builder: Builder,
    rest: StrTendril,
    state: State,
    last: Option<LocalName>,
    budget: Budget,
) -> Result<Builder, Error> {
    let tokenizer = Tokenizer::new(
        builder,
        TokenizerOpts {
            initial_state: Some(state),
            last_start_tag_name: last.map(|name| name.to_string()),
            discard_bom: false,
            ..TokenizerOpts::default()
        },
    );
    let queue = BufferQueue::default();
    let mut at = 0u32;
    while at < rest.len32() {
        let mut end = at.saturating_add(HANDOFF_CHUNK_BYTES).min(rest.len32());
        while end < rest.len32() && !rest.is_char_boundary(end as usize) {
            end += 1;
        }
        let Ok(piece) = rest.try_subtendril(at, end - at) else {
            break;
        };
        queue.push_back(piece);
        while !matches!(tokenizer.feed(&queue), TokenizerResult::Done) {}
        budget.check()?;
        at = end;
    }
    tokenizer.end();
    Ok(tokenizer.sink)
}

/// How the fast tokenizer stopped.
enum Stop {
    /// At the end of the input.
    End,
    /// When the time budget ran out.
    OutOfTime,
    /// At markup it leaves to html5ever's tokenizer: from byte `at`, in `state`.
    Handoff {
        at: usize,
        state: State,
        /// The start tag that opened a raw-text state.
        last: Option<LocalName>,
    },
}

/// A character reference read: its characters and where the markup after it starts.
struct CharRef {
    chars: [char; 2],
    count: usize,
    end: usize,
}

/// The tokenizer's state: the markup, and the tree builder it feeds.
struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    /// The whole markup, which text tokens are slices of.
    buffer: StrTendril,
    builder: Builder,
    /// Lower-cased names and decoded values.
    scratch: String,
    /// Counts the tokens for the time budget.
    ticker: Ticker,
}

impl Reader<'_> {
    fn run(&mut self) -> Stop {
        let bytes = self.bytes;
        let mut text = Text::new(0);
        let mut pos = 0;
        loop {
            if self.ticker.expired() {
                return Stop::OutOfTime;
            }
            let Some(at) =
                memchr::memchr2(b'<', b'&', bytes.get(pos..).unwrap_or_default()).map(|i| pos + i)
            else {
                self.flush(&mut text, bytes.len());
                return Stop::End;
            };
            if bytes.get(at) == Some(&b'&') {
                pos = match char_ref(self.text, at + 1, false) {
                    Some(reference) => {
                        text.push_reference(self.text, at, &reference);
                        reference.end
                    }
                    None => at + 1,
                };
                continue;
            }
            let next = bytes.get(at + 1).copied();
            let token = match next {
                Some(b) if b.is_ascii_alphabetic() => self.tag(at, TagKind::StartTag),
                Some(b'/') => match bytes.get(at + 2).copied() {
                    Some(b) if b.is_ascii_alphabetic() => self.tag(at, TagKind::EndTag),
                    Some(b'>') => {
                        // `</>` is dropped.
                        self.flush(&mut text, at);
                        pos = at + 3;
                        text = Text::new(pos);
                        continue;
                    }
                    // `</` at the end is text.
                    None => {
                        pos = at + 2;
                        continue;
                    }
                    Some(_) => self.bogus_comment(at + 2),
                },
                Some(b'!') => self.declaration(at),
                Some(b'?') => self.bogus_comment(at + 1),
                // A `<` that starts no markup is text.
                _ => {
                    pos = at + 1;
                    continue;
                }
            };
            self.flush(&mut text, at);
            let Some((token, end)) = token else {
                // A start or end tag cut off by the end of the input is dropped (the
                // standard's eof-in-tag); html5ever's tokenizer would get there comparing
                // each attribute with all earlier ones, quadratic in their number.
                let tag = next.is_some_and(|b| b.is_ascii_alphabetic())
                    || (next == Some(b'/')
                        && bytes.get(at + 2).is_some_and(u8::is_ascii_alphabetic));
                if tag {
                    return Stop::End;
                }
                return handoff(at, State::Data, None);
            };
            pos = end;
            text = Text::new(pos);
            let raw = match token {
                Token::TagToken(tag) if tag.kind == TagKind::StartTag => {
                    let name = tag.name.clone();
                    match self.builder.process_token(Token::TagToken(tag), 1) {
                        TokenSinkResult::RawData(kind) => Some((kind, name)),
                        TokenSinkResult::Plaintext => {
                            self.emit_range(pos..bytes.len());
                            return Stop::End;
                        }
                        _ => None,
                    }
                }
                token => {
                    let _ = self.builder.process_token(token, 1);
                    None
                }
            };
            if let Some((kind, name)) = raw {
                match self.raw_text(pos, kind, &name) {
                    Ok(end) => {
                        pos = end;
                        text = Text::new(pos);
                    }
                    Err(at) => return handoff(at, State::RawData(kind), Some(name)),
                }
            }
        }
    }

    /// The raw text of an element started at `from`: where it stops (at the end of the
    /// input, or after the element's end tag), or `Err` with where to hand off.
    fn raw_text(&mut self, from: usize, kind: RawKind, name: &LocalName) -> Result<usize, usize> {
        // The tokenizer's end-tag states need a space, `/` or `>` after the name; a
        // `</name` the input ends right after is text.
        let close = find_end_tag(self.bytes, from, name.as_bytes())
            .filter(|&at| at + 2 + name.len() < self.bytes.len());
        let until = close.unwrap_or(self.bytes.len());
        match kind {
            RawKind::Rcdata => self.rcdata(from..until),
            RawKind::ScriptData => {
                let contents = self.bytes.get(from..until).unwrap_or_default();
                if memchr::memmem::find(contents, b"<!--").is_some() {
                    return Err(from);
                }
                self.emit_range(from..until);
            }
            _ => self.emit_range(from..until),
        }
        let Some(close) = close else {
            return Ok(self.bytes.len());
        };
        let (token, end) = self.tag(close, TagKind::EndTag).ok_or(close)?;
        let _ = self.builder.process_token(token, 1);
        Ok(end)
    }

    /// RCDATA text: character references are read.
    fn rcdata(&mut self, range: Range<usize>) {
        let mut text = Text::new(range.start);
        let mut pos = range.start;
        while let Some(at) =
            memchr::memchr(b'&', self.bytes.get(pos..range.end).unwrap_or_default())
                .map(|i| pos + i)
        {
            pos = match char_ref(
                self.text.get(..range.end).unwrap_or_default(),
                at + 1,
                false,
            ) {
                Some(reference) => {
                    text.push_reference(self.text, at, &reference);
                    reference.end
                }
                None => at + 1,
            };
        }
        self.flush(&mut text, range.end);
    }

    /// Sends the pending text up to `end` as one character token.
    fn flush(&mut self, text: &mut Text, end: usize) {
        match text.decoded.take() {
            Some(mut decoded) => {
                decoded.push_str(self.text.get(text.start..end).unwrap_or_default());
                let _ = self
                    .builder
                    .process_token(Token::CharacterTokens(StrTendril::from(decoded)), 1);
            }
            None => self.emit_range(text.start..end),
        }
        text.start = end;
    }

    fn emit_range(&mut self, range: Range<usize>) {
        if range.is_empty() {
            return;
        }
        let chars = self.slice(range);
        let _ = self.builder.process_token(Token::CharacterTokens(chars), 1);
    }

    /// The markup in `range` as a slice of the shared buffer.
    fn slice(&self, range: Range<usize>) -> StrTendril {
        // Short ones are copied inline anyway; this skips the boundary checks.
        if range.len() <= INLINE_BYTES {
            return StrTendril::from_slice(self.text.get(range).unwrap_or_default());
        }
        let (Ok(start), Ok(len)) = (u32::try_from(range.start), u32::try_from(range.len())) else {
            return StrTendril::new();
        };
        self.buffer
            .try_subtendril(start, len)
            .unwrap_or_else(|_| StrTendril::from_slice(self.text.get(range).unwrap_or_default()))
    }

    /// The name in `range`, ASCII upper case lowered.
    fn local_name(&mut self, range: Range<usize>) -> LocalName {
        let name = self.text.get(range).unwrap_or_default();
        if name.bytes().any(|b| b.is_ascii_uppercase()) {
            self.scratch.clear();
            self.scratch.push_str(name);
            self.scratch.make_ascii_lowercase();
            LocalName::from(self.scratch.as_str())
        } else {
            LocalName::from(name)
        }
    }

    /// Reads the tag whose `<` is at `at`; `None` where the input ends inside it.
    fn tag(&mut self, at: usize, kind: TagKind) -> Option<(Token, usize)> {
        let bytes = self.bytes;
        let name_start = at + if kind == TagKind::StartTag { 1 } else { 2 };
        let mut pos = name_start;
        while bytes.get(pos).is_some_and(|&b| !ends_name(b)) {
            pos += 1;
        }
        bytes.get(pos)?;
        let name = self.local_name(name_start..pos);
        let mut attrs: Vec<Attribute> = Vec::new();
        let mut had_duplicate_attributes = false;
        let mut self_closing = false;
        // The before-attribute-name state.
        loop {
            pos = skip_spaces(bytes, pos);
            match *bytes.get(pos)? {
                b'>' => {
                    pos += 1;
                    break;
                }
                b'/' => {
                    // The self-closing-start-tag state; any other character is read again
                    // before an attribute name.
                    match *bytes.get(pos + 1)? {
                        b'>' => {
                            self_closing = true;
                            pos += 2;
                            break;
                        }
                        _ => {
                            pos += 1;
                            continue;
                        }
                    }
                }
                _ => {}
            }
            // The attribute-name state: the first character is the name's, even a `=`.
            let attr_start = pos;
            pos += 1;
            while bytes.get(pos).is_some_and(|&b| !ends_name(b) && b != b'=') {
                pos += 1;
            }
            let attr_name = self.local_name(attr_start..pos);
            pos = skip_spaces(bytes, pos);
            let value = if *bytes.get(pos)? == b'=' {
                pos = skip_spaces(bytes, pos + 1);
                match *bytes.get(pos)? {
                    quote @ (b'"' | b'\'') => {
                        let (value, end) = self.quoted_value(pos + 1, quote)?;
                        pos = end;
                        value
                    }
                    // A missing value: the tag ends here.
                    b'>' => StrTendril::new(),
                    _ => {
                        let (value, end) = self.unquoted_value(pos)?;
                        pos = end;
                        value
                    }
                }
            } else {
                StrTendril::new()
            };
            if attrs.iter().any(|a| a.name.local == attr_name) {
                had_duplicate_attributes = true;
            } else {
                attrs.push(Attribute {
                    name: QualName::new(None, ns!(), attr_name),
                    value,
                });
            }
        }
        let tag = Tag {
            kind,
            name,
            self_closing,
            attrs,
            had_duplicate_attributes,
        };
        Some((Token::TagToken(tag), pos))
    }

    /// A quoted attribute value starting at `from`: the value and the position after the
    /// closing quote.
    fn quoted_value(&mut self, from: usize, quote: u8) -> Option<(StrTendril, usize)> {
        let mut text = Text::new(from);
        let mut pos = from;
        loop {
            let at = pos + memchr::memchr2(quote, b'&', self.bytes.get(pos..)?)?;
            if self.bytes.get(at) == Some(&quote) {
                return Some((self.value(text, at), at + 1));
            }
            pos = match char_ref(self.text, at + 1, true) {
                Some(reference) => {
                    text.push_reference(self.text, at, &reference);
                    reference.end
                }
                None => at + 1,
            };
        }
    }

    /// An unquoted attribute value: the value and the position of the space or `>` after.
    fn unquoted_value(&mut self, from: usize) -> Option<(StrTendril, usize)> {
        let mut text = Text::new(from);
        let mut pos = from;
        loop {
            let b = *self.bytes.get(pos)?;
            if is_space(b) || b == b'>' {
                return Some((self.value(text, pos), pos));
            }
            if b != b'&' {
                pos += 1;
                continue;
            }
            pos = match char_ref(self.text, pos + 1, true) {
                Some(reference) => {
                    text.push_reference(self.text, pos, &reference);
                    reference.end
                }
                None => pos + 1,
            };
        }
    }

    fn value(&self, text: Text, end: usize) -> StrTendril {
        match text.decoded {
            Some(mut decoded) => {
                decoded.push_str(self.text.get(text.start..end).unwrap_or_default());
                StrTendril::from(decoded)
            }
            None => self.slice(text.start..end),
        }
    }

    /// `<!` at `at`: a comment or a doctype; `None` for anything else.
    fn declaration(&mut self, at: usize) -> Option<(Token, usize)> {
        let rest = self.bytes.get(at..)?;
        if rest.starts_with(b"<!--") {
            let body = at + 4;
            let after = self.bytes.get(body..)?;
            // `<!-->` and `<!--->` are abrupt, empty comments: left to html5ever.
            if after.starts_with(b">") || after.starts_with(b"->") {
                return None;
            }
            let (close, end) = comment_end(self.bytes, body)?;
            return Some((Token::CommentToken(self.slice(body..close)), end));
        }
        if rest.len() > 9 && rest.get(2..9)?.eq_ignore_ascii_case(b"doctype") {
            return self.doctype(at + 9);
        }
        // CDATA is text in SVG and MathML, a bogus comment elsewhere.
        if rest.starts_with(b"<![CDATA[")
            && self
                .builder
                .adjusted_current_node_present_but_not_in_html_namespace()
        {
            return None;
        }
        self.bogus_comment(at + 2)
    }

    /// A bogus comment (`<?…>`, `<!…>`, `</ …>`) whose text starts at `from`: the text up
    /// to the next `>`.
    fn bogus_comment(&self, from: usize) -> Option<(Token, usize)> {
        let close = from + memchr::memchr(b'>', self.bytes.get(from..)?)?;
        Some((Token::CommentToken(self.slice(from..close)), close + 1))
    }

    /// A doctype whose keyword ends at `from`, in the forms pages use.
    fn doctype(&mut self, from: usize) -> Option<(Token, usize)> {
        let bytes = self.bytes;
        let start = skip_spaces(bytes, from);
        let mut pos = start;
        while bytes.get(pos).is_some_and(|&b| !is_space(b) && b != b'>') {
            pos += 1;
        }
        if pos == start {
            return None;
        }
        let mut doctype = Doctype {
            name: Some(StrTendril::from_slice(
                &self.text.get(start..pos)?.to_ascii_lowercase(),
            )),
            ..Doctype::default()
        };
        pos = skip_spaces(bytes, pos);
        if *bytes.get(pos)? == b'>' {
            return Some((Token::DoctypeToken(doctype), pos + 1));
        }
        let keyword = bytes.get(pos..pos + 6)?;
        let public = keyword.eq_ignore_ascii_case(b"public");
        if !public && !keyword.eq_ignore_ascii_case(b"system") {
            return None;
        }
        pos += 6;
        // A quoted identifier follows the keyword, with or without a space.
        pos = skip_spaces(bytes, pos);
        let (id, end) = self.doctype_id(pos)?;
        pos = end;
        if public {
            doctype.public_id = Some(id);
            let spaced = skip_spaces(bytes, pos);
            match *bytes.get(spaced)? {
                b'>' => return Some((Token::DoctypeToken(doctype), spaced + 1)),
                b'"' | b'\'' => {
                    let (system, end) = self.doctype_id(spaced)?;
                    doctype.system_id = Some(system);
                    pos = end;
                }
                _ => return None,
            }
        } else {
            doctype.system_id = Some(id);
        }
        pos = skip_spaces(bytes, pos);
        (*bytes.get(pos)? == b'>').then_some((Token::DoctypeToken(doctype), pos + 1))
    }

    /// A quoted doctype identifier at `at`; `None` if unquoted or cut by a `>`.
    fn doctype_id(&self, at: usize) -> Option<(StrTendril, usize)> {
        let quote = *self.bytes.get(at)?;
        if quote != b'"' && quote != b'\'' {
            return None;
        }
        let close = at + 1 + memchr::memchr2(quote, b'>', self.bytes.get(at + 1..)?)?;
        if self.bytes.get(close) != Some(&quote) {
            return None;
        }
        Some((
            StrTendril::from_slice(self.text.get(at + 1..close)?),
            close + 1,
        ))
    }
}

/// Text pending between two tokens: from `start`, with the characters references
/// before it already decoded into `decoded`.
struct Text {
    start: usize,
    decoded: Option<String>,
}

impl Text {
    fn new(start: usize) -> Self {
        Self {
            start,
            decoded: None,
        }
    }

    /// Takes in the text up to the reference at `at`, and the reference's characters.
    fn push_reference(&mut self, markup: &str, at: usize, reference: &CharRef) {
        let decoded = self.decoded.get_or_insert_with(String::new);
        decoded.push_str(markup.get(self.start..at).unwrap_or_default());
        for &c in reference.chars.iter().take(reference.count) {
            decoded.push(c);
        }
        self.start = reference.end;
    }
}

fn handoff(at: usize, state: State, last: Option<LocalName>) -> Stop {
    Stop::Handoff { at, state, last }
}

/// A character reference after the `&` at `start - 1`, as html5ever reads it; `None`
/// where the `&` is plain text.
fn char_ref(markup: &str, start: usize, in_attribute: bool) -> Option<CharRef> {
    let bytes = markup.as_bytes();
    match *bytes.get(start)? {
        b'#' => numeric_char_ref(bytes, start + 1),
        b if b.is_ascii_alphanumeric() => named_char_ref(markup, start, in_attribute),
        _ => None,
    }
}

/// `&name;`: the longest name in the table that the markup starts with.
fn named_char_ref(markup: &str, start: usize, in_attribute: bool) -> Option<CharRef> {
    let bytes = markup.as_bytes();
    let mut found: Option<((u32, u32), usize)> = None;
    let mut end = start;
    // Names and their prefixes are ASCII; html5ever looks each longer prefix up until
    // one is in neither.
    while let Some(&b) = bytes.get(end) {
        if !b.is_ascii() {
            break;
        }
        match NAMED_ENTITIES.get(markup.get(start..=end)?) {
            Some(&entry) => {
                if entry.0 != 0 {
                    found = Some((entry, end + 1));
                }
                end += 1;
            }
            None => break,
        }
    }
    let ((first, second), end) = found?;
    let last_matched = bytes.get(end - 1).copied();
    let next = bytes.get(end).copied();
    if last_matched != Some(b';')
        && in_attribute
        && next.is_some_and(|b| b == b'=' || b.is_ascii_alphanumeric())
    {
        return None;
    }
    let first = char::from_u32(first)?;
    let second = char::from_u32(second).unwrap_or('\0');
    Some(CharRef {
        chars: [first, second],
        count: if second == '\0' { 1 } else { 2 },
        end,
    })
}

/// `&#…;` with the `#` before `start`: decimal or hexadecimal, the semicolon optional.
fn numeric_char_ref(bytes: &[u8], start: usize) -> Option<CharRef> {
    let (base, mut pos) = match bytes.get(start) {
        Some(b'x' | b'X') => (16, start + 1),
        _ => (10, start),
    };
    let mut number: u32 = 0;
    let mut too_big = false;
    let mut digits = 0;
    while let Some(digit) = bytes.get(pos).and_then(|&b| char::from(b).to_digit(base)) {
        number = number.wrapping_mul(base);
        if number > 0x10_FFFF {
            too_big = true;
        }
        number = number.wrapping_add(digit);
        digits += 1;
        pos += 1;
    }
    if digits == 0 {
        return None;
    }
    if bytes.get(pos) == Some(&b';') {
        pos += 1;
    }
    let c = match number {
        n if n > 0x10_FFFF || too_big => '\u{fffd}',
        0 | 0xD800..=0xDFFF => '\u{fffd}',
        0x80..=0x9F => C1_REPLACEMENTS
            .get((number - 0x80) as usize)
            .copied()
            .flatten()
            .or_else(|| char::from_u32(number))
            .unwrap_or('\u{fffd}'),
        n => char::from_u32(n).unwrap_or('\u{fffd}'),
    };
    Some(CharRef {
        chars: [c, '\0'],
        count: 1,
        end: pos,
    })
}

/// Longest text a tendril holds inline, without a shared buffer.
const INLINE_BYTES: usize = 8;

#[cfg(test)]
mod tests {
    use super::*;
    use ego_tree::iter::Edge;
    use proptest::prelude::*;
    use scraper::Node;
    use std::fmt::Write;

    /// Every node of the tree, one per line and indented by depth: namespaces, names,
    /// attributes, text, comments, doctypes, and the quirks mode.
    fn outline(document: &Html) -> String {
        let mut out = format!("{:?}\n", document.quirks_mode);
        let mut depth = 0usize;
        for edge in document.tree.root().traverse() {
            match edge {
                Edge::Open(node) => {
                    let _ = write!(out, "{:width$}", "", width = depth * 2);
                    let _ = match node.value() {
                        Node::Element(element) => {
                            writeln!(out, "{:?} {:?}", element.name.ns, element)
                        }
                        Node::Text(text) => writeln!(out, "{:?}", &**text),
                        other => writeln!(out, "{other:?}"),
                    };
                    depth += 1;
                }
                Edge::Close(_) => depth = depth.saturating_sub(1),
            }
        }
        out
    }

    fn assert_same_tree(markup: &str) {
        assert_eq!(
            outline(&parse_document(markup, 0)),
            outline(&Html::parse_document(markup)),
            "{markup:?}"
        );
    }

    #[test]
    fn character_references_read_as_html5ever_reads_them() {
        for case in [
            "<p>a &amp; b &lt;c&gt; &quot;d&quot; &nbsp;e&copy f&copyx &notin; &notit; &noti",
            "<p>&#65;&#x42;&#X43 &#0; &#x110000; &#128; &#x9F; &#xD800; &#9999999999999; &#; &#x;",
            "<p>&#10;&#13;&#xFFFE; &#x1F600; &AMP; &Amp; &amp &ampx &; & &a",
            "<a href='?a=1&amp;b=2&copy=3&copyx&not;&notin' title=\"&lt&gt;\" x=&amp&y=&lt;>t</a>",
            "<a href=x&amp;y&copy=z>&",
            "<title>a &amp; b <b> &lt;/title></title><p>&acE;&NotEqualTilde; x",
            "<textarea>\n&#10;x &amp; </textarea ><pre>\n\nx</pre><pre>&#10;y</pre>",
            "<p>&#x80&#x81;&#x8D;&#150;&#159;&#x7F;&#1;",
        ] {
            assert_same_tree(case);
        }
    }

    #[test]
    fn tags_and_attributes_read_as_html5ever_reads_them() {
        for case in [
            "<DIV Class=A ID='b' data-X=\"c\">x</DIV>",
            "<p a b=1 c = 2 d= '3' e =\"4\"f=5 =g h=i=j k=\"l\"m>x",
            "<p a=1 a=2 A=3>x</p><img src=a.jpg / alt=b/><br/><br / >",
            "<p a='x\"y' b=\"x'y\" c=x\"y d=x'y e=x<y f=x=y g=`z`>t",
            "<p a=\"\" b='' c= >t</p></p x=1><div/ class=x>y</div/>",
            "<svg><path d=M0/><circle r=1 /></svg><math><mi/></math>",
            "<p>a < b <3 <! <- </ x> <? y ?> </>z",
            "<p>a<b",
            "<p>a<b c='",
            "<p>a<b c=d",
            "<p>a<b c",
            "<p>a</b",
            "<p>a</",
            "<p>a<",
            "<ünicode attr=ü>ü</ünicode><p é=1>",
            "<p\tclass=a\nid=b\x0Cdata-c=d>x",
        ] {
            assert_same_tree(case);
        }
    }

    #[test]
    fn comments_and_doctypes_read_as_html5ever_reads_them() {
        for case in [
            "<!DOCTYPE html><p>x",
            "<!doctype HTML><p>x<table>",
            "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" \
             \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\"><p>x<table>",
            "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\"><p>x<table>",
            "<!DOCTYPE html PUBLIC '-//W3C//DTD HTML 4.0//EN'><p>x<table>",
            "<!DOCTYPE html SYSTEM \"about:legacy-compat\"><p>x<table>",
            "<!DOCTYPE html PUBLIC \"x\"\"y\"><p>",
            "<!DOCTYPE><p>x<table>",
            "<!DOCTYPE html bogus><p>x<table>",
            "<!DOCTYPE html PUBLIC><p>x<table>",
            "<!DOCTYPE html PUBLIC \"a>b\"><p>x<table>",
            "<!DOCTYPEhtml><p>",
            "<!DOCTYPE html",
            "<p>a<!-- b -->c<!---->d<!----->e<!-- f --->g<!-- h --!>i<!-- j --!k -->l",
            "<p>a<!-->b<!--->c<!--<!-->d<!--x<!---->e<!--x<!-y-->f<!-- - -- --->g",
            "<p>a<!-- unterminated",
            "<p>a<!-x>b<!x>c<![CDATA[d]]>e<svg><![CDATA[f<g>]]></svg>",
            "<table><!-- c --><tr><!-- d --><td>x</td></tr></table>",
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE html><p>x",
            "<p>a<?php echo 1; ?>b<! -- c -->d</ e f>g<!\u{ad}-- h -->i<![CDATA[j]]>k",
            "<p>a<?unterminated",
            "<p>a</ unterminated",
            "<svg><![CDATA[x]]><desc><![CDATA[y]]></desc></svg><math><![CDATA[z]]></math>",
            "<table><?x?><tr><td><![CDATA[c]]></td></tr></table>",
        ] {
            assert_same_tree(case);
        }
    }

    #[test]
    fn raw_text_reads_as_html5ever_reads_it() {
        for case in [
            "<script>if (a < b && c > d) { x = '</p>'; }</script><p>x",
            "<script><!-- x </script> y</script><p>z",
            "<script><!-- <script> </script> --></script><p>z",
            "<script>unterminated <p>",
            "<script></scriptx></script ><p>x</p><script></SCRIPT\tfoo=bar>y",
            "<style>p { color: red } </style x><p>y<style>a</styl</style>",
            "<title>a<b>c</title><xmp><b>x</xmp><iframe><p>x</iframe><noembed><b></noembed>",
            "<noframes>a</noframes><noscript><p>x</noscript><p>y",
            "<plaintext><p>a</plaintext>&amp;",
            "<title>unterminated &amp;",
            "<svg><style><b>x</b></style><script>y</script></svg><style><b></style>",
            "<select><script>x</script><style>y</style></select>",
        ] {
            assert_same_tree(case);
        }
    }

    #[test]
    fn unusual_input_reads_as_html5ever_reads_it() {
        for case in [
            "\u{feff}<p>bom",
            "<p>a\r\nb\rc\r\r\nd<a href='x\r\ny'>e</a>\r",
            "<p>a\0b<b\0>c",
            "",
            "plain text only & more",
            "<html><head><meta charset=utf-8><title>t</title></head><body><p>x</p></body></html>",
            "<table>a<tr>b<td>c</td>d</tr>e</table>f",
            "<p><b><i>x</p>y</b>z<a href=1>u<a href=2>v",
            "<frameset><frame></frameset>",
            "<pre>\nx</pre><listing>\ny</listing><textarea>\nz</textarea>",
        ] {
            assert_same_tree(case);
        }
    }

    /// The fixture pages, as they come and after the pre-scan's cuts, give html5ever's
    /// tree; so do the pages in the folders listed in `TINHLOC_TREE_CORPUS` (`:`-separated),
    /// when set.
    #[test]
    fn pages_give_html5evers_tree() {
        let mut pages = crate::fixture_pages();
        if let Some(folders) = std::env::var_os("TINHLOC_TREE_CORPUS") {
            for folder in std::env::split_paths(&folders) {
                pages.extend(
                    std::fs::read_dir(folder)
                        .into_iter()
                        .flatten()
                        .flatten()
                        .map(|entry| entry.path())
                        .filter(|path| path.extension().is_some_and(|e| e == "html"))
                        .filter_map(|path| std::fs::read(&path).ok().map(|bytes| (path, bytes))),
                );
            }
        }
        for (file, bytes) in pages {
            let decoded = crate::decode::decode(&bytes, None);
            let markup = decoded.text.as_ref();
            assert_eq!(
                outline(&parse_document(markup, 0)),
                outline(&Html::parse_document(markup)),
                "{}",
                file.display()
            );
            let limits = crate::options::Limits {
                max_nodes: usize::MAX,
                max_depth: usize::MAX,
                trim: true,
            };
            if let Ok(trimmed) = crate::html::prescan(markup, limits) {
                assert_eq!(
                    outline(&parse_document(&trimmed, 0)),
                    outline(&Html::parse_document(&trimmed)),
                    "{} (trimmed)",
                    file.display()
                );
            }
        }
    }

    /// Fragments of the generated pages: tokenizer corner cases mixed with ordinary markup.
    const PIECES: &[&str] = &[
        "<p>",
        "</p>",
        "<div class=a>",
        "</div>",
        "<b>",
        "</b>",
        "<a href='/x?a=1&amp;b'>",
        "</a>",
        "<table>",
        "<tr>",
        "<td>",
        "</table>",
        "<svg>",
        "</svg>",
        "<math>",
        "<mi>",
        "<script>",
        "</script>",
        "<style>",
        "</style>",
        "<title>",
        "</title>",
        "<textarea>",
        "</textarea>",
        "<pre>",
        "</pre>",
        "<!--",
        "-->",
        "--!>",
        "<!-->",
        "<!DOCTYPE html>",
        "<![CDATA[",
        "]]>",
        "<?x",
        "&",
        "&amp;",
        "&amp",
        "&notin",
        "&#",
        "&#x41;",
        "&#128",
        "&#0;",
        "<",
        "</",
        ">",
        "/",
        "=",
        "'",
        "\"",
        " ",
        "\n",
        "\r\n",
        "\r",
        "x",
        "Tiếng Việt",
        "<p a=1 a=2>",
        "<img src=x/>",
        "<br/>",
        "<select>",
        "<option>",
        "<plaintext>",
        "<xmp>",
        "<iframe>",
        "</iframe>",
        "<noscript>",
        "<font color=red>",
        "<li>",
        "<ul>",
        "</script",
        "</title ",
        "<DIV CLASS=B>",
        "<p x=\"&lt;\">",
        "`",
        "<!x>",
        "</ x>",
    ];

    proptest! {
        // A fixed seed: the same pages on every run.
        #![proptest_config(ProptestConfig {
            cases: 4000,
            rng_seed: proptest::test_runner::RngSeed::Fixed(20_261_202),
            failure_persistence: None,
            ..ProptestConfig::default()
        })]
        #[test]
        fn generated_pages_give_html5evers_tree(
            pieces in prop::collection::vec(0..PIECES.len(), 0..80)
        ) {
            let markup: String = pieces.iter().map(|&i| PIECES[i]).collect();
            prop_assert_eq!(
                outline(&parse_document(&markup, 0)),
                outline(&Html::parse_document(&markup)),
                "{:?}", markup
            );
        }
    }
}

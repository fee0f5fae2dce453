//! Takes the decoded page and returns the parsed document, or an error past the limits.
//!
//! html5ever's tree builder (fed by [`crate::tokenize`], into scraper's tree) recovers
//! from any markup, so the only failures are the caller's limits. They are checked twice:
//! by a linear pre-scan of the markup *before* the tree is built, and exactly on the
//! finished tree.
//!
//! # Why a pre-scan
//!
//! Measured on scraper 0.29 / html5ever 0.40, release build, 2026-11-23:
//!
//! | input | size | parse time | result |
//! |---|---|---|---|
//! | 10,000 nested `<div>` | 110 KB | 0.37 s | depth 10,004 |
//! | 20,000 nested `<div>` | 220 KB | 1.4 s | |
//! | 40,000 nested `<div>` | 440 KB | 6.1 s | |
//! | 100,000 nested `<div>` | 1.1 MB | 59 s | no stack overflow; drop takes 2 ms |
//! | 20,000 nested `<span>` or `<b>` | 120 KB | 0.02 s | |
//! | `<div><b id=i>`×3,000 `</div>` + `<div>x</div>`×3,000 | 68 KB | 6.7 s | 9 million nodes, 1.5 GB RSS |
//! | one tag with 40,000 attributes | 270 KB | 0.5 s | 160,000: 8 s |
//! | `<div>`×4,000 open, then `<div>x</div>`×100,000 | 1.2 MB | 2.1–3.2 s | 1,000 open: 0.98 s; 500: 0.62 s; 100: 0.13 s |
//!
//! Three things are quadratic in html5ever:
//! - **Deep stacks.** Most block start and end tags walk the stack of open elements for a
//!   scope check, so N nested blocks cost N²/2 steps. The tree is an arena (ego-tree), so
//!   nothing recurses and dropping a deep tree is cheap; the cost is time.
//! - **Formatting reconstruction.** Formatting elements (`<b>`, `<font>`, …) popped by a
//!   block end tag are re-created before the next text, as the HTML standard says. With
//!   many distinct ones pending, every `<div>x</div>` re-creates all of them: a 68 KB page
//!   builds 9 million nodes. Sloppy `<p><font color=…>` pages nest one level per paragraph
//!   the same way.
//! - **Attributes.** Each attribute is checked against all earlier ones of its tag.
//!
//! The limits on the finished tree come too late for these, so [`prescan`] replays the
//! markup through a small model of the tree builder (stack of open elements with scope
//! rules, implied end tags, table sections and cells, the list of active formatting
//! elements with markers, Noah's Ark and reconstruction, adoption of misnested formatting
//! end tags, foreign content) and counts the depth and the nodes html5ever will build. It
//! costs one pass over the bytes, a hash lookup per tag and O(1) amortised work per tag,
//! and stops at the first limit passed. The model errs towards under-counting where it
//! simplifies (so a real page is not rejected on an estimate); the exact check on the tree
//! backs it. Tags with more than [`MAX_ATTRIBUTES_PER_TAG`] attributes lose the extra ones
//! before parsing.
//!
//! The pre-scan costs about 2 ns per byte where html5ever takes about 20 (3.3 MB of a
//! fixture page repeated). It was checked against html5ever on the 688 pages of the shared
//! evaluation corpora and the fixtures: its depth never exceeded the real one and stayed
//! within 30 % of it on all but one tiny page, and its node count was within 0.5 %.
//!
//! With the limits enforced, the worst cost left is linear in the input with a slope that
//! grows with `max_depth` (every block tag may scan the whole stack): about 2 µs per byte
//! at depth 4,000, 0.5 µs at 500 and 0.1 µs at 100.
//!
//! # What the pre-scan cuts
//!
//! html5ever is most of an extraction's time, so the pre-scan also cuts what no later
//! stage reads before html5ever sees it: the text of scripts (JSON-LD kept), styles and
//! the fallback text of `<noscript>`; comments (but where a table takes text); and the
//! attributes outside [`READ_ATTRIBUTES`] of every non-formatting element. Where the
//! model may part from html5ever (a tag taking HTML rules while SVG or MathML is open,
//! raw text in a `<select>`), cutting stops for the rest of the page. The tree
//! keeps its shape (the tests here parse both markups and compare), and the extraction
//! gives the same result with and without the cuts (`trimming_changes_no_result` in
//! `extractor.rs` on every fixture; the same on the 695 corpus and fixture pages with
//! `examples/snapshot.rs`, 2026-12-01). On the 181 scrapinghub pages the cuts took
//! html5ever's share of an extraction from 1.4 ms to about 0.9 ms per page.

use crate::Error;
use crate::options::Limits;
use ego_tree::iter::Edge;
use foldhash::HashMap;
use foldhash::HashMapExt;
use scraper::Html;
use std::borrow::Cow;
use std::collections::VecDeque;
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
    "class",
    "content",
    "data-role",
    "data-src",
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
    "shadowrootmode",
    "src",
    "style",
    "type",
];

/// Whether the attribute named `name` (as written) is in [`READ_ATTRIBUTES`].
fn is_read_attribute(name: &[u8]) -> bool {
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
    READ_ATTRIBUTES
        .iter()
        .any(|read| read.len() == lower.len() && read.as_bytes() == &*lower)
}

/// Attributes kept per tag; later ones are cut before parsing. html5ever compares each
/// attribute with all earlier ones of the tag, so a tag costs the square of its attribute
/// count. Real pages stay under ~40 (data-* heavy widgets).
const MAX_ATTRIBUTES_PER_TAG: usize = 256;

/// Nodes html5ever creates for every document before any markup: document, `<html>`,
/// `<head>`, `<body>`.
const BASE_NODES: usize = 4;

/// Elements every document nests in before its content: `<html>` and `<body>`.
const BASE_DEPTH: usize = 2;

/// Parses `html` into a document: the pre-scan's model and cuts, then
/// [`crate::tokenize::parse_document`]. html5ever recovers from any markup, so the only
/// failures are the limits.
///
/// # Errors
/// [`Error::TooDeep`] or [`Error::TooManyNodes`] when the pre-scan or the finished tree
/// passes a limit.
pub(crate) fn parse(html: &str, limits: Limits) -> Result<Html, Error> {
    let (markup, nodes) = prescan_counting(html, limits)?;
    let document = crate::tokenize::parse_document(&markup, nodes);
    check_tree(&document, limits)?;
    Ok(document)
}

/// Checks the finished tree against the limits, without recursion.
fn check_tree(document: &Html, limits: Limits) -> Result<(), Error> {
    if document.tree.nodes().len() > limits.max_nodes {
        return Err(Error::TooManyNodes {
            limit: limits.max_nodes,
        });
    }
    let mut depth = 0usize;
    for edge in document.tree.root().traverse() {
        match edge {
            Edge::Open(node) if node.value().is_element() => {
                depth += 1;
                if depth > limits.max_depth {
                    return Err(Error::TooDeep {
                        limit: limits.max_depth,
                    });
                }
            }
            Edge::Close(node) if node.value().is_element() => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// Replays `html` through the tree-builder model; the markup to parse (with excess
/// attributes cut), or the first limit it passes.
#[cfg(test)]
pub(crate) fn prescan(html: &str, limits: Limits) -> Result<Cow<'_, str>, Error> {
    prescan_counting(html, limits).map(|(markup, _)| markup)
}

/// [`prescan`], with the model's count of the nodes the tree will have.
fn prescan_counting(html: &str, limits: Limits) -> Result<(Cow<'_, str>, usize), Error> {
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

// ---------------------------------------------------------------------------------------
// Element names and their roles in the tree builder.

/// The element is a formatting element (active formatting list).
const FORMATTING: u16 = 1;
/// "Special" in the HTML standard: stops the generic end-tag search.
const SPECIAL: u16 = 1 << 1;
/// Bounds the default scope.
const SCOPE: u16 = 1 << 2;
/// Bounds the table scope.
const TABLE_SCOPE: u16 = 1 << 3;
/// Its start tag closes an open `<p>`.
const CLOSES_P: u16 = 1 << 4;
/// Pushes a marker on the active formatting list.
const MARKER: u16 = 1 << 5;
/// Bounds the list-item scope besides the default scope.
const LIST: u16 = 1 << 6;
/// Bounds the button scope besides the default scope.
const BUTTON: u16 = 1 << 7;
/// Void: never has children.
const VOID: u16 = 1 << 8;
/// Raw text or RCDATA: contents are text up to the matching end tag.
const RAW: u16 = 1 << 9;
/// Not pushed: `<html>`, `<head>`, `<body>`, `<frameset>` merge into the implied ones.
const IGNORED: u16 = 1 << 10;
/// A special element whose start tag still reconstructs the formatting elements.
const RECONSTRUCT: u16 = 1 << 11;
/// `<h1>`–`<h6>`.
const HEADING: u16 = 1 << 12;
/// Its start tag leaves foreign (SVG, MathML) content.
const BREAKOUT: u16 = 1 << 13;
/// An SVG/MathML integration point: its children are HTML. Set by namespace when a
/// foreign element is pushed, not in [`KNOWN`].
const INTEGRATION: u16 = 1 << 14;

const BLOCK: u16 = SPECIAL | CLOSES_P;

/// Every name the model treats specially, with its roles. The formatting elements come
/// first so that their index doubles as their slot in the active formatting list.
const KNOWN: &[(&str, u16)] = &[
    ("a", FORMATTING),
    ("b", FORMATTING | BREAKOUT),
    ("big", FORMATTING | BREAKOUT),
    ("code", FORMATTING | BREAKOUT),
    ("em", FORMATTING | BREAKOUT),
    ("font", FORMATTING),
    ("i", FORMATTING | BREAKOUT),
    ("nobr", FORMATTING | BREAKOUT),
    ("s", FORMATTING | BREAKOUT),
    ("small", FORMATTING | BREAKOUT),
    ("strike", FORMATTING | BREAKOUT),
    ("strong", FORMATTING | BREAKOUT),
    ("tt", FORMATTING | BREAKOUT),
    ("u", FORMATTING | BREAKOUT),
    ("html", IGNORED | SPECIAL | SCOPE | TABLE_SCOPE),
    ("head", IGNORED | SPECIAL | BREAKOUT),
    ("body", IGNORED | SPECIAL | BREAKOUT),
    ("frameset", IGNORED | SPECIAL),
    ("p", BLOCK | BREAKOUT),
    ("div", BLOCK | BREAKOUT),
    ("address", BLOCK),
    ("article", BLOCK),
    ("aside", BLOCK),
    ("blockquote", BLOCK | BREAKOUT),
    ("center", BLOCK | BREAKOUT),
    ("details", BLOCK),
    ("dialog", CLOSES_P),
    ("dir", BLOCK),
    ("dl", BLOCK | BREAKOUT),
    ("fieldset", BLOCK),
    ("figcaption", BLOCK),
    ("figure", BLOCK),
    ("footer", BLOCK),
    ("header", BLOCK),
    ("hgroup", BLOCK),
    ("main", BLOCK),
    ("menu", BLOCK | BREAKOUT),
    ("nav", BLOCK),
    ("search", BLOCK),
    ("section", BLOCK),
    ("summary", BLOCK),
    ("ol", BLOCK | LIST | BREAKOUT),
    ("ul", BLOCK | LIST | BREAKOUT),
    ("li", BLOCK | BREAKOUT),
    ("dd", BLOCK | BREAKOUT),
    ("dt", BLOCK | BREAKOUT),
    ("h1", BLOCK | HEADING | BREAKOUT),
    ("h2", BLOCK | HEADING | BREAKOUT),
    ("h3", BLOCK | HEADING | BREAKOUT),
    ("h4", BLOCK | HEADING | BREAKOUT),
    ("h5", BLOCK | HEADING | BREAKOUT),
    ("h6", BLOCK | HEADING | BREAKOUT),
    ("pre", BLOCK | BREAKOUT),
    ("listing", BLOCK | BREAKOUT),
    ("form", BLOCK),
    ("plaintext", BLOCK),
    ("table", BLOCK | SCOPE | TABLE_SCOPE | BREAKOUT),
    ("caption", SPECIAL | SCOPE | MARKER),
    ("td", SPECIAL | SCOPE | MARKER),
    ("th", SPECIAL | SCOPE | MARKER),
    ("tr", SPECIAL),
    ("tbody", SPECIAL),
    ("thead", SPECIAL),
    ("tfoot", SPECIAL),
    ("colgroup", SPECIAL),
    ("col", SPECIAL | VOID),
    ("template", SPECIAL | SCOPE | TABLE_SCOPE | MARKER),
    ("applet", SPECIAL | SCOPE | MARKER | RECONSTRUCT),
    ("marquee", SPECIAL | SCOPE | MARKER | RECONSTRUCT),
    ("object", SPECIAL | SCOPE | MARKER | RECONSTRUCT),
    ("button", SPECIAL | BUTTON | RECONSTRUCT),
    ("select", SPECIAL | RECONSTRUCT),
    ("hr", SPECIAL | VOID | CLOSES_P | BREAKOUT),
    ("br", SPECIAL | VOID | RECONSTRUCT | BREAKOUT),
    ("img", SPECIAL | VOID | RECONSTRUCT | BREAKOUT),
    ("image", SPECIAL | VOID | RECONSTRUCT),
    ("area", SPECIAL | VOID | RECONSTRUCT),
    ("embed", SPECIAL | VOID | RECONSTRUCT | BREAKOUT),
    ("input", SPECIAL | VOID | RECONSTRUCT),
    ("keygen", SPECIAL | VOID | RECONSTRUCT),
    ("wbr", SPECIAL | VOID | RECONSTRUCT),
    ("base", SPECIAL | VOID),
    ("basefont", SPECIAL | VOID),
    ("bgsound", SPECIAL | VOID),
    ("link", SPECIAL | VOID),
    ("meta", SPECIAL | VOID | BREAKOUT),
    ("param", SPECIAL | VOID),
    ("source", SPECIAL | VOID),
    ("track", SPECIAL | VOID),
    ("frame", SPECIAL | VOID),
    ("script", SPECIAL | RAW),
    ("style", SPECIAL | RAW),
    ("noembed", SPECIAL | RAW),
    ("noframes", SPECIAL | RAW),
    ("noscript", SPECIAL | RAW),
    ("iframe", SPECIAL | RAW),
    ("title", SPECIAL | RAW),
    ("textarea", SPECIAL | RAW),
    ("xmp", BLOCK | RAW | RECONSTRUCT),
    ("option", 0),
    ("optgroup", 0),
    ("rb", 0),
    ("rp", 0),
    ("rt", 0),
    ("rtc", 0),
    ("ruby", BREAKOUT),
    ("span", BREAKOUT),
    ("sub", BREAKOUT),
    ("sup", BREAKOUT),
    ("var", BREAKOUT),
    ("svg", 0),
    ("math", 0),
    ("foreignobject", 0),
    ("desc", 0),
    ("mi", 0),
    ("mo", 0),
    ("mn", 0),
    ("ms", 0),
    ("mtext", 0),
    ("annotation-xml", 0),
];

/// Number of formatting elements (the first entries of [`KNOWN`]).
const FORMATTING_SLOTS: usize = 14;

/// Index of `name` in [`KNOWN`], at compile time.
const fn id(name: &str) -> u32 {
    let mut i = 0;
    while i < KNOWN.len() {
        let known = KNOWN[i].0.as_bytes();
        let wanted = name.as_bytes();
        if known.len() == wanted.len() {
            let mut j = 0;
            while j < known.len() && known[j] == wanted[j] {
                j += 1;
            }
            if j == known.len() {
                return i as u32;
            }
        }
        i += 1;
    }
    panic!("name missing from KNOWN")
}

const A: u32 = id("a");
const NOBR: u32 = id("nobr");
const P: u32 = id("p");
const LI: u32 = id("li");
const DD: u32 = id("dd");
const DT: u32 = id("dt");
const ADDRESS: u32 = id("address");
const DIV: u32 = id("div");
const FORM: u32 = id("form");
const PLAINTEXT: u32 = id("plaintext");
const TABLE: u32 = id("table");
const CAPTION: u32 = id("caption");
const COLGROUP: u32 = id("colgroup");
const COL: u32 = id("col");
const TBODY: u32 = id("tbody");
const THEAD: u32 = id("thead");
const TFOOT: u32 = id("tfoot");
const TR: u32 = id("tr");
const TD: u32 = id("td");
const TH: u32 = id("th");
const BUTTON_ID: u32 = id("button");
const BR: u32 = id("br");
const OPTION: u32 = id("option");
const OPTGROUP: u32 = id("optgroup");
const RB: u32 = id("rb");
const RP: u32 = id("rp");
const RT: u32 = id("rt");
const RTC: u32 = id("rtc");
const SVG: u32 = id("svg");
const FONT: u32 = id("font");
const SELECT: u32 = id("select");
const MI: u32 = id("mi");
const MO: u32 = id("mo");
const MN: u32 = id("mn");
const MS: u32 = id("ms");
const MTEXT: u32 = id("mtext");
const DESC: u32 = id("desc");
const FOREIGN_OBJECT: u32 = id("foreignobject");
const MATH: u32 = id("math");
const TITLE: u32 = id("title");
const SCRIPT: u32 = id("script");
const SPAN: u32 = id("span");
const IMG: u32 = id("img");
const META: u32 = id("meta");
const STYLE: u32 = id("style");
const NOSCRIPT: u32 = id("noscript");
const H1: u32 = id("h1");

/// Tag names met so far, interned: the [`KNOWN`] ones first, then the page's own.
struct Names {
    ids: HashMap<Box<[u8]>, u32>,
    flags: Vec<u16>,
}

impl Names {
    fn new() -> Self {
        let mut ids = HashMap::with_capacity(KNOWN.len() * 2);
        let mut flags = Vec::with_capacity(KNOWN.len() * 2);
        for (i, (name, flag)) in KNOWN.iter().enumerate() {
            ids.insert(name.as_bytes().into(), i as u32);
            flags.push(*flag);
        }
        Self { ids, flags }
    }

    fn intern(&mut self, name: &[u8]) -> u32 {
        // The commonest tags of real pages, without hashing.
        match name {
            b"div" => return DIV,
            b"a" => return A,
            b"li" => return LI,
            b"p" => return P,
            b"span" => return SPAN,
            b"img" => return IMG,
            b"script" => return SCRIPT,
            b"meta" => return META,
            _ => {}
        }
        if let Some(&id) = self.ids.get(name) {
            return id;
        }
        let id = self.flags.len() as u32;
        self.ids.insert(name.into(), id);
        self.flags.push(0);
        id
    }

    fn flags(&self, id: u32) -> u16 {
        self.flags.get(id as usize).copied().unwrap_or(0)
    }
}

// ---------------------------------------------------------------------------------------
// The stack of open elements.

/// Categories whose topmost open element the model must find in O(1).
#[derive(Clone, Copy)]
enum Category {
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

const CATEGORIES: usize = 7;

/// One open element, or the hole left by one the adoption agency took out.
#[derive(Clone, Copy)]
struct Open {
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
enum Entry {
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
struct Scan {
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
}

/// What the tokenizer saw at a `<`.
enum Token {
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
                Token::Eof => break,
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
                    self.end_tag(name)?;
                    pos = end;
                }
                Token::Start {
                    name,
                    self_closing,
                    key_attrs,
                    end,
                } => {
                    self.in_text = false;
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
        let trim_unread = self.trims() && (self.names.flags(id) & FORMATTING == 0 || id == A);
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

    fn end_tag(&mut self, name: u32) -> Result<(), Error> {
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
            return Ok(());
        }
        if flags & (IGNORED | VOID | RAW) != 0 {
            if name == BR {
                self.reconstruct()?;
                self.add_nodes(1)?;
            }
            return Ok(());
        }
        if flags & FORMATTING != 0 && self.adopt(name)? {
            return Ok(());
        }
        let position = match name {
            P => {
                let p = self.in_scope(P, &[Category::Scope, Category::Button]);
                if p.is_none() {
                    // `</p>` without a `<p>` makes an empty one.
                    self.add_nodes(1)?;
                }
                p
            }
            LI => self.in_scope(LI, &[Category::Scope, Category::List]),
            TABLE | CAPTION | TBODY | THEAD | TFOOT | TR | TD | TH => {
                self.in_scope(name, &[Category::TableScope])
            }
            _ if flags & HEADING != 0 => {
                (H1..H1 + 6).filter_map(|h| self.in_default_scope(h)).max()
            }
            _ if flags & SPECIAL != 0 => self.in_default_scope(name),
            _ => self.in_scope(name, &[Category::Special]),
        };
        if let Some(position) = position {
            self.pop_to(position);
        }
        Ok(())
    }
}

/// The [`KNOWN`] name for a raw-text element id (raw elements are all known).
fn known_name(id: u32) -> &'static [u8] {
    KNOWN
        .get(id as usize)
        .map_or(&b""[..], |(name, _)| name.as_bytes())
}

/// Where a tag's attributes end and the tag itself ends.
struct TagEnd {
    /// Just past the `>`.
    end: usize,
    /// Where the attributes end (before `/>` or `>`).
    attrs_end: usize,
    self_closing: bool,
}

/// Skips the attributes of a tag whose name ends at `pos`, as the HTML tokenizer does
/// (quoted values may hold `>`). Records a cut for attributes past the limit. `None` at
/// the end of input (html5ever drops an unterminated tag).
fn skip_attributes(
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
struct AttributeSpan {
    name: Range<usize>,
    value: Range<usize>,
    end: usize,
}

/// The attribute whose name starts at `start`: the name takes at least one byte, up to a
/// space, `/`, `>` or `=`; a quoted value ends at its quote, an unquoted one at a space or
/// `>`. `None` when a quoted value runs to the end of the input.
fn read_attribute(bytes: &[u8], start: usize) -> Option<AttributeSpan> {
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
fn attributes(bytes: &[u8], attrs: Range<usize>) -> impl Iterator<Item = (&[u8], &[u8])> {
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
fn has_attribute(bytes: &[u8], attrs: Range<usize>, names: &[&[u8]]) -> bool {
    attributes(bytes, attrs).any(|(name, _)| names.iter().any(|n| name.eq_ignore_ascii_case(n)))
}

/// Adds a cut after the others, merged with the last one when they touch.
fn push_cut(cuts: &mut Vec<Range<usize>>, cut: Range<usize>) {
    match cuts.last_mut() {
        Some(last) if last.end == cut.start => last.end = cut.end,
        _ => cuts.push(cut),
    }
}

fn finish_tag(
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

/// A comment whose body starts at `pos` (after `<!--`).
fn comment(bytes: &[u8], pos: usize) -> Token {
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

/// Where a comment whose text starts at `body` (after `<!--`) ends: the end of its text
/// and the position after its `-->` (or `--!>`, whichever comes first); `None` when the
/// input ends first. The abrupt `<!-->` and `<!--->` are the caller's.
pub(crate) fn comment_end(bytes: &[u8], body: usize) -> Option<(usize, usize)> {
    let mut pos = body;
    loop {
        let dashes = find(bytes, pos, b"--")?;
        match bytes.get(dashes + 2..) {
            Some([b'>', ..]) => return Some((dashes, dashes + 3)),
            Some([b'!', b'>', ..]) => return Some((dashes, dashes + 4)),
            _ => pos = dashes + 1,
        }
    }
}

/// A bogus comment (doctype, `<?…>`, `</ …>`): up to the next `>`.
fn bogus_comment(bytes: &[u8], pos: usize) -> Token {
    match find(bytes, pos, b">") {
        Some(at) => Token::Comment { end: at + 1 },
        None => Token::Eof,
    }
}

/// Position of the `</name` that ends a raw-text element whose contents start at `pos`
/// (a `</name` the input ends right after counts too).
pub(crate) fn find_end_tag(bytes: &[u8], mut pos: usize, name: &[u8]) -> Option<usize> {
    loop {
        let at = find(bytes, pos, b"</")?;
        let after = at + 2 + name.len();
        let matches = bytes
            .get(at + 2..after)
            .is_some_and(|candidate| candidate.eq_ignore_ascii_case(name))
            && bytes.get(after).is_none_or(|&b| ends_name(b));
        if matches {
            return Some(at);
        }
        pos = at + 2;
    }
}

/// Whether nothing downstream reads the text inside this raw-text element, so the
/// pre-scan can cut it before html5ever tokenizes it: scripts (but JSON-LD, which the
/// metadata reads), styles and `<noscript>` fallbacks, which the segmenter skips and the
/// metadata's element text leaves out. (`<iframe>`, `<noembed>` and `<noframes>` text is
/// read by one or the other.) On the 181 scrapinghub pages, script and style text is 53 %
/// of the bytes (2026-12-01).
fn contents_unread(name: u32, bytes: &[u8], attributes: &Range<usize>) -> bool {
    match name {
        SCRIPT => !bytes
            .get(attributes.clone())
            .is_some_and(|attrs| contains_ignore_ascii_case(attrs, b"ld+json")),
        STYLE | NOSCRIPT => true,
        _ => false,
    }
}

/// Whether `haystack` holds `needle`, ASCII case ignored.
pub(crate) fn contains_ignore_ascii_case(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window.eq_ignore_ascii_case(needle))
}

/// Where the text of a `<script>` started at `pos` ends: the `</script` the tokenizer
/// stops at. Follows the script-data states of the HTML standard: inside `<!--`, a
/// `<script` opens a double-escaped run in which `</script` does not end the element,
/// until its own `</script` or a `-->`.
fn find_script_end(bytes: &[u8], from: usize) -> Option<usize> {
    #[derive(PartialEq)]
    enum State {
        Data,
        Escaped,
        DoubleEscaped,
    }
    let mut state = State::Data;
    // The earliest index the dashes of a closing `-->` may start at.
    let mut dashes_from = 0;
    let mut pos = from;
    loop {
        let at = if state == State::Data {
            pos + memchr::memchr(b'<', bytes.get(pos..)?)?
        } else {
            pos + memchr::memchr2(b'<', b'>', bytes.get(pos..)?)?
        };
        let rest = bytes.get(at..).unwrap_or_default();
        if rest.first() == Some(&b'>') {
            if at >= dashes_from + 2 && bytes.get(at - 2..at) == Some(b"--") {
                state = State::Data;
            }
            pos = at + 1;
            continue;
        }
        match state {
            State::Data if rest.starts_with(b"<!--") => {
                state = State::Escaped;
                dashes_from = at + 2;
                pos = at + 4;
                continue;
            }
            _ if rest.get(1) == Some(&b'/') && is_tag_named(rest, 2, b"script") => {
                if state == State::DoubleEscaped {
                    state = State::Escaped;
                } else {
                    return Some(at);
                }
            }
            State::Escaped if is_tag_named(rest, 1, b"script") => {
                state = State::DoubleEscaped;
            }
            _ => {}
        }
        pos = at + 1;
    }
}

/// Whether `markup[offset..]` starts with `name` (ASCII case ignored) followed by a space,
/// `/` or `>`.
fn is_tag_named(markup: &[u8], offset: usize, name: &[u8]) -> bool {
    markup
        .get(offset..offset + name.len())
        .is_some_and(|candidate| candidate.eq_ignore_ascii_case(name))
        && markup
            .get(offset + name.len())
            .is_some_and(|&b| ends_name(b))
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    memchr::memmem::find(bytes.get(from..)?, needle).map(|at| from + at)
}

/// A byte that ends a tag or attribute name: a space, `/` or `>`.
pub(crate) fn ends_name(b: u8) -> bool {
    is_space(b) || b == b'/' || b == b'>'
}

/// The first position from `pos` that is not a space.
pub(crate) fn skip_spaces(bytes: &[u8], mut pos: usize) -> usize {
    while bytes.get(pos).is_some_and(|&b| is_space(b)) {
        pos += 1;
    }
    pos
}

/// HTML whitespace (carriage returns included, as the pre-scan reads the page before they
/// are normalised).
pub(crate) fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0C' | b'\r' | b' ')
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert!(parse(html, LIMITS).is_ok());
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
        assert!(parse(&html, LIMITS).is_ok());
    }

    #[test]
    fn tree_check_catches_what_the_model_misses() {
        // The model does not count the text nodes html5ever splits; the tree check does.
        let html = "<p>x</p>".repeat(100);
        assert_eq!(
            parse(&html, tight(50, 4096)).err(),
            Some(Error::TooManyNodes { limit: 50 })
        );
        assert_eq!(
            parse("<div><div><div>x</div></div></div>", tight(1000, 4)).err(),
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
            assert!(parse(html, LIMITS).is_ok(), "{html}");
        }
    }
}

//! Takes the parsed document; returns its elements and its text blocks in reading order.
//!
//! One iterative walk over the tree (no recursion, so nesting depth cannot overflow the
//! stack). Non-content elements (script, style, forms controls, hidden elements, …) are
//! skipped. Text is cut into blocks at block-level boundaries: paragraphs, headings, list
//! items, table rows, quotes, bare text runs in containers and `<br>`-separated lines.
//! Every element records the range of blocks under it, so a container's totals are a
//! difference of prefix sums later on.

use crate::body::{BlockKind, Inline};
use crate::decode;
use crate::lexicon::{self, ClassHint};
use crate::options::Settings;
use aho_corasick::AhoCorasick;
use ego_tree::NodeRef;
use ego_tree::iter::Edge;
use scraper::{Html, Node};
use std::ops::Range;
use std::sync::LazyLock;

mod tables;
use tables::{TableMode, table_mode};

/// Text under a caption element longer than this, in characters, is not a caption but a
/// mislabelled wrapper. Tuned on corpus/scrapinghub 2026-11-23.
const MAX_CAPTION_CHARS: usize = 500;

/// A block whose characters lie under a caption element for at least this share
/// (numerator, denominator) is a caption. Set with the inline captions (2381ed2,
/// 2026-11-23); what it was tuned on was not recorded.
const MIN_CAPTION_SHARE: (usize, usize) = (4, 5);
/// A block whose characters lie under `<time>` for at least this share (numerator,
/// denominator) is a date line. Set with the `<time>` date lines (d31cd63, 2026-11-23);
/// what it was tuned on was not recorded.
const MIN_TIME_SHARE: (usize, usize) = (2, 5);

/// What an element is, as far as the later stages care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tag {
    /// `<article>` or `<main>`.
    Article,
    /// `<nav>`, `<aside>` or `<footer>`: page furniture by name.
    Furniture,
    /// `<form>`: a sign-up or search box, furniture unless it holds prose (the comments
    /// of old forum software sit in forms).
    Form,
    /// `<h1>`.
    H1,
    /// `<dt>`: the term of a definition list.
    Term,
    /// `<dd>`: a term's definition.
    Definition,
    /// `<table>`.
    Table,
    /// `<thead>`, `<tbody>`, `<tfoot>`: a part of a table, never its container.
    TableSection,
    /// `<ul>`, `<ol>`.
    List,
    /// Anything else.
    Other,
}

/// One element of the page, in document order.
#[derive(Debug, Clone)]
pub(crate) struct Element {
    /// Index of the parent element, `None` for the root.
    pub parent: Option<u32>,
    /// The document node of the element.
    pub node: ego_tree::NodeId,
    /// Nesting depth, 0 at `<html>`.
    pub depth: u32,
    /// The kind of element.
    pub tag: Tag,
    /// What its class and id say.
    pub hint: ClassHint,
    /// `itemprop="articleBody"` or a similar explicit body marker.
    pub article_body: bool,
    /// The blocks inside this element.
    pub blocks: Range<usize>,
    /// The innermost element, this one included, whose class, id or tag marks furniture.
    pub furniture: Option<u32>,
    /// The innermost element, this one included, whose class or id marks content.
    pub content: Option<u32>,
    /// A hash of the tag name and class attribute: siblings sharing it are items of one
    /// kind (product cards, search results).
    pub signature: u64,
    /// This element or an ancestor names customer reviews (`ClassHint::reviews`).
    pub in_reviews: bool,
    /// This element or an ancestor below `<body>` names reader comments
    /// (`ClassHint::comments`; `<body class="comments-open">` names a state of the page).
    pub in_comments: bool,
}

/// Depth of `<body>` in the element tree (`<html>` is 0).
pub(crate) const BODY_DEPTH: u32 = 1;

/// A run of text between block boundaries.
#[derive(Debug, Clone)]
pub(crate) struct SegmentBlock {
    /// Index of the innermost element holding the block.
    pub element: u32,
    /// Paragraph, heading, list item, table row, …
    pub kind: BlockKind,
    /// Inline runs (empty for table rows).
    pub inlines: Vec<Inline>,
    /// Cells of a table row.
    pub cells: Vec<Vec<Inline>>,
    /// The plain text, whitespace collapsed, trimmed.
    pub text: String,
    /// Characters of `text`.
    pub chars: usize,
    /// Characters inside links.
    pub link_chars: usize,
    /// Number of links.
    pub links: usize,
    /// Inside a `<figcaption>`, a caption-classed element or an image table.
    pub caption: bool,
    /// Mostly the text of `<time>` elements: a date line.
    pub dateline: bool,
    /// A table row with a `<th>` cell: a header row, or a data row with its own header
    /// (a list's year, a spec's label).
    pub header_cell: bool,
}

/// The segmented page.
#[derive(Debug, Clone, Default)]
pub(crate) struct Segmented {
    /// Elements in document order; index 0 is the root element.
    pub elements: Vec<Element>,
    /// Text blocks in document order.
    pub blocks: Vec<SegmentBlock>,
    /// The document nodes whose class or id names reader comments or replies, in
    /// document order: where `comments` looks for them.
    pub comment_nodes: Vec<ego_tree::NodeId>,
    /// The document nodes whose class or id names customer reviews, in document order:
    /// a product page's comments.
    pub review_nodes: Vec<ego_tree::NodeId>,
}

/// How an element affects the walk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Not content: skip it and everything inside.
    Skip,
    /// A block boundary, giving its kind to the text directly inside.
    Block(BlockRole),
    /// A `<br>`.
    Break,
    /// An image.
    Image,
    /// Inline markup.
    Inline(InlineRole),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BlockRole {
    Container,
    Paragraph,
    Heading(u8),
    ListItem,
    List { ordered: bool },
    Quote,
    Pre,
    Caption,
    Table,
    Row,
    Cell,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum InlineRole {
    Link,
    Strong,
    Emphasis,
    Code,
    Plain,
}

/// MathML token elements: identifiers, numbers, operators, text and string literals.
/// The `<math>` around them is read as inline text, its TeX annotation skipped.
const MATH_TOKENS: [&str; 5] = ["mi", "mn", "mo", "mtext", "ms"];

fn role_of(name: &str) -> Role {
    use BlockRole::*;
    match name {
        "script" | "style" | "noscript" | "template" | "svg" | "annotation" | "annotation-xml"
        | "iframe" | "object" | "embed" | "canvas" | "video" | "audio" | "button" | "input"
        | "select" | "textarea" | "option" | "datalist" | "head" | "title" | "meta" | "link"
        | "map" | "dialog" | "picture" | "source" | "track" | "param" => Role::Skip,
        "p" | "dt" | "dd" | "address" | "summary" => Role::Block(Paragraph),
        "h1" => Role::Block(Heading(1)),
        "h2" => Role::Block(Heading(2)),
        "h3" => Role::Block(Heading(3)),
        "h4" => Role::Block(Heading(4)),
        "h5" => Role::Block(Heading(5)),
        "h6" => Role::Block(Heading(6)),
        "li" => Role::Block(ListItem),
        "ul" | "menu" | "dir" | "dl" => Role::Block(List { ordered: false }),
        "ol" => Role::Block(List { ordered: true }),
        "blockquote" => Role::Block(Quote),
        "pre" => Role::Block(Pre),
        "figcaption" | "caption" => Role::Block(Caption),
        "table" => Role::Block(Table),
        "tr" => Role::Block(Row),
        "td" | "th" => Role::Block(Cell),
        "div" | "section" | "article" | "main" | "header" | "footer" | "nav" | "aside"
        | "figure" | "form" | "fieldset" | "details" | "body" | "html" | "center" | "hgroup"
        | "hr" | "legend" | "tbody" | "thead" | "tfoot" | "li-container" => Role::Block(Container),
        "br" => Role::Break,
        "img" => Role::Image,
        "a" => Role::Inline(InlineRole::Link),
        "b" | "strong" => Role::Inline(InlineRole::Strong),
        "i" | "em" | "cite" => Role::Inline(InlineRole::Emphasis),
        "code" | "kbd" | "samp" | "tt" => Role::Inline(InlineRole::Code),
        _ => Role::Inline(InlineRole::Plain),
    }
}

fn tag_of(name: &str) -> Tag {
    match name {
        "article" | "main" => Tag::Article,
        "nav" | "aside" | "footer" => Tag::Furniture,
        "form" => Tag::Form,
        "h1" => Tag::H1,
        "dt" => Tag::Term,
        "dd" => Tag::Definition,
        "table" => Tag::Table,
        "thead" | "tbody" | "tfoot" => Tag::TableSection,
        "ul" | "ol" => Tag::List,
        _ => Tag::Other,
    }
}

/// The attributes the walk reads, from one pass over an element's attributes:
/// `Element::attr` interns its argument on every call, which cost about a fifth of the
/// walk on the scrapinghub pages (2026-12-01).
#[derive(Default, Clone, Copy)]
struct Attributes<'a> {
    class: Option<&'a str>,
    id: Option<&'a str>,
    style: Option<&'a str>,
    itemprop: Option<&'a str>,
    hidden: bool,
    src: Option<&'a str>,
    data_src: Option<&'a str>,
    alt: Option<&'a str>,
    href: Option<&'a str>,
    /// A `name` attribute is there (a named anchor, when on `<a>`).
    named: bool,
    /// An attribute that makes the element a disclosure toggle (`aria-expanded`,
    /// `aria-controls`, Bootstrap's `data-toggle`): an accordion's question.
    toggle: bool,
    /// `role="dialog"` or `aria-modal="true"`: a box shown over the page.
    dialog: bool,
    /// `role="region"` or `role="tabpanel"`: a panel an accordion or tab list opens.
    panel_role: bool,
    /// `role="doc-backlink"`: a footnote's link back to its reference.
    backlink: bool,
    /// `role="main"` or `role="article"`: the landmark of the page's content.
    landmark_content: bool,
    /// The role of a choice widget (`listbox`, `option`, `menuitemradio`,
    /// `menuitemcheckbox`): a control, as `<select>` and `<option>` are, such as the
    /// choices of a filter.
    choice_widget: bool,
    /// An ARIA landmark role of page furniture: `navigation`, `complementary`,
    /// `contentinfo`, `banner`, `search`.
    landmark_furniture: bool,
}

impl<'a> Attributes<'a> {
    fn of(element: &'a scraper::node::Element) -> Self {
        let mut attributes = Self::default();
        for (name, value) in element.attrs() {
            match name {
                "class" => attributes.class = Some(value),
                "id" => attributes.id = Some(value),
                "style" => attributes.style = Some(value),
                "itemprop" => attributes.itemprop = Some(value),
                "hidden" => attributes.hidden = true,
                "src" => attributes.src = Some(value),
                "data-src" => attributes.data_src = Some(value),
                "alt" => attributes.alt = Some(value),
                "href" => attributes.href = Some(value),
                "name" => attributes.named = true,
                "aria-expanded" | "aria-controls" | "data-toggle" | "data-bs-toggle" => {
                    attributes.toggle = true;
                }
                "role" => {
                    let role = |name: &str| value.trim().eq_ignore_ascii_case(name);
                    attributes.dialog |= role("dialog") || role("alertdialog");
                    attributes.landmark_content = role("main") || role("article");
                    attributes.panel_role = role("region") || role("tabpanel");
                    attributes.backlink = role("doc-backlink");
                    attributes.choice_widget =
                        ["listbox", "option", "menuitemradio", "menuitemcheckbox"]
                            .into_iter()
                            .any(role);
                    attributes.landmark_furniture = [
                        "navigation",
                        "complementary",
                        "contentinfo",
                        "banner",
                        "search",
                    ]
                    .into_iter()
                    .any(role);
                }
                "aria-modal" => attributes.dialog |= value.eq_ignore_ascii_case("true"),
                _ => {}
            }
        }
        attributes
    }
}

/// The [`Element::signature`] of a tag name and class attribute: a fixed-seed foldhash, as
/// every element of every page takes one. The tokens naming one item (its id, taxonomy
/// labels, place in the grid) are left out: WordPress gives every card of a run its own
/// `post-<id> category-<slug>` classes.
fn signature_of(name: &str, class: Option<&str>) -> u64 {
    use std::hash::{BuildHasher, Hash, Hasher};
    let mut hasher = foldhash::fast::FixedState::with_seed(0).build_hasher();
    name.hash(&mut hasher);
    for token in class
        .into_iter()
        .flat_map(str::split_ascii_whitespace)
        .filter(|token| !crate::lexicon::is_item_specific_token(token))
    {
        token.hash(&mut hasher);
    }
    hasher.finish()
}

/// How the inline style hides an element, if it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum StyleHiding {
    None,
    /// `display: none`.
    Display,
    /// `visibility: hidden`, which sites also put on the whole page until their scripts
    /// have run.
    Visibility,
}

fn style_hiding(style: Option<&str>) -> StyleHiding {
    let Some(style) = style else {
        return StyleHiding::None;
    };
    let compact: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    if compact.contains("display:none") {
        StyleHiding::Display
    } else if compact.contains("visibility:hidden") {
        StyleHiding::Visibility
    } else {
        StyleHiding::None
    }
}

/// Deepest place, in elements below `<body>`, of a page wrapper hidden with
/// `visibility: hidden` until scripts reveal it (Next.js's `<div id=__next><div
/// style="visibility:hidden">`). Tuned on the WCXB dev split 2026-12-05.
const MAX_REVEALED_WRAPPER_DEPTH: usize = 3;
/// Fewest elements inside such a wrapper: it holds the page, not one widget.
const MIN_REVEALED_WRAPPER_ELEMENTS: usize = 200;

/// Whether an element hidden with `visibility: hidden` is the page itself, waiting for
/// scripts to show it: near the top of `<body>`, with most of the page inside.
fn is_revealed_wrapper(node: NodeRef<'_, Node>) -> bool {
    let mut depth = 0;
    for ancestor in node.ancestors() {
        match ancestor.value().as_element() {
            Some(element) if element.name() == "body" => break,
            Some(_) => depth += 1,
            None => return false,
        }
        if depth > MAX_REVEALED_WRAPPER_DEPTH {
            return false;
        }
    }
    node.descendants()
        .filter(|d| d.value().is_element())
        .take(MIN_REVEALED_WRAPPER_ELEMENTS)
        .count()
        >= MIN_REVEALED_WRAPPER_ELEMENTS
}

/// Stems of class tokens naming a panel that opens and closes (Bootstrap's `collapse`,
/// `accordion-content`, Amazon's `a-expander-content`): hidden, it is still content.
const DISCLOSURE_CLASS_STEMS: [&str; 3] = ["expander", "collapse", "accordion"];

/// Whether the element is hidden from readers by attribute or inline style.
fn is_hidden(element: &Attributes, node: NodeRef<'_, Node>) -> bool {
    // React's streaming renderer sends late content in `<div hidden id="S:0">` and moves it
    // into place with a script: that content is visible to readers.
    let streamed = element.id.is_some_and(|id| {
        id.strip_prefix("S:")
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_alphanumeric()))
    });
    if element.hidden && !streamed {
        return true;
    }
    match style_hiding(element.style) {
        StyleHiding::Display => return true,
        StyleHiding::Visibility => return !is_revealed_wrapper(node),
        StyleHiding::None => {}
    }
    element.class.is_some_and(|class| {
        class.split_ascii_whitespace().any(|token| {
            // Bootstrap's `d-none` (display: none) too, which the metadata readers
            // never met in a title or byline.
            token == "d-none" || lexicon::HIDDEN_TEXT_CLASSES.contains(&token)
        })
    })
}

/// Class tokens of a wiki's edit controls set inside the text they edit (MediaWiki's
/// `mw-editsection`: "Construction[edit]"; WCXB dev 2904 held 27 of them, 2026-12-07).
const EDIT_CONTROL_CLASSES: [&str; 2] = ["mw-editsection", "editsection"];

/// Whether a `<span>` is an edit control skipped like a form control.
fn is_edit_control(class: Option<&str>) -> bool {
    class.is_some_and(|class| {
        class.contains("editsection")
            && class
                .split_ascii_whitespace()
                .any(|token| EDIT_CONTROL_CLASSES.contains(&token))
    })
}

/// Class tokens of the permalink documentation generators set in each heading (Sphinx's
/// and MkDocs' `a.headerlink` "¶", Docusaurus' `a.hash-link`, VuePress'
/// `a.header-anchor` "#").
const HEADING_PERMALINK_CLASSES: [&str; 3] = ["headerlink", "hash-link", "header-anchor"];

/// Class tokens of a footnote's link back to its reference ("↩", "^"): Markdown
/// renderers' (Hugo/Goldmark, Jekyll/kramdown, Python-Markdown, markdown-it).
const FOOTNOTE_BACKLINK_CLASSES: [&str; 4] = [
    "footnote-backref",
    "reversefootnote",
    "footnote-backlink",
    "footnote-return",
];

/// Whether an `<a>` is a mark, not text: a heading's permalink or a footnote's link back
/// to its reference (by class, or `role="doc-backlink"`), with no letter or digit in its
/// text (a theme that wraps the heading's words in it keeps them).
fn is_mark_link(attributes: &Attributes, node: NodeRef<'_, Node>) -> bool {
    let marks = |token: &str| {
        HEADING_PERMALINK_CLASSES.contains(&token) || FOOTNOTE_BACKLINK_CLASSES.contains(&token)
    };
    (attributes.backlink
        || attributes
            .class
            .is_some_and(|class| class.split_ascii_whitespace().any(marks)))
        && !node.descendants().any(|descendant| {
            descendant
                .value()
                .as_text()
                .is_some_and(|text| text.chars().any(char::is_alphanumeric))
        })
}

/// Class tokens of a code block's line-number gutter: Pygments' `span.linenos`,
/// `td.linenos` and `div.linenodiv`, Rouge's `td.rouge-gutter` and `pre.lineno`,
/// Prism's `span.line-numbers-rows`, highlight.js' `td.hljs-ln-numbers`.
const LINE_NUMBER_CLASSES: [&str; 6] = [
    "linenos",
    "linenodiv",
    "lineno",
    "rouge-gutter",
    "line-numbers-rows",
    "hljs-ln-numbers",
];

/// Whether an element is a code block's line numbers (by class, holding nothing but
/// figures): they are not the code ("1[broker]" came out of a Sphinx page).
fn is_line_number_gutter(class: Option<&str>, node: NodeRef<'_, Node>) -> bool {
    class.is_some_and(|class| {
        class
            .split_ascii_whitespace()
            .any(|token| LINE_NUMBER_CLASSES.contains(&token))
    }) && node.descendants().all(|descendant| {
        descendant.value().as_text().is_none_or(|text| {
            text.chars()
                .all(|c| c.is_ascii_digit() || c.is_whitespace())
        })
    })
}

/// Parts of a class token that make it a setting about captions rather than a caption.
const CAPTION_SETTING_PARTS: [&str; 8] = [
    "has", "with", "no", "is", "hide", "hidden", "show", "without",
];

/// "Chú thích", Vietnamese for caption, as portals spell it in class names
/// (`chu-thich`, 24h.com.vn's `img_chu_thich_0407`).
const CHU_THICH: [&str; 3] = ["chu-thich", "chu_thich", "chuthich"];

/// Whether a class attribute names a caption: one of its tokens is a caption class.
fn is_caption_class(class: &str) -> bool {
    // Every caption token below holds one of these (ASCII case ignored): most class
    // attributes hold none and are not split.
    static CAPTION_STEMS: LazyLock<AhoCorasick> = LazyLock::new(|| {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(
                ["capt", "desc", "alt_img", "credit"]
                    .into_iter()
                    .chain(CHU_THICH),
            )
            .unwrap_or_else(|_| unreachable!("the built-in stems compile"))
    });
    if !CAPTION_STEMS.is_match(class) {
        return false;
    }
    class.split_ascii_whitespace().any(|token| {
        let token = token.to_ascii_lowercase();
        // A setting about captions, not a caption: `has-caption`, `no-caption`, and a
        // theme's `mh-loop-hide-caption` on `<body>`, which made a whole post a caption.
        // A BEM element (`media-with-caption__caption`) is read on its own.
        let element = token.rsplit("__").next().unwrap_or(&token);
        // A setting glued to the word too: VCCorp's `noCaption` on a block of body text.
        let glued_setting = ["caption", "credit"].iter().any(|word| {
            element
                .strip_suffix(word)
                .is_some_and(|head| CAPTION_SETTING_PARTS.contains(&head))
        });
        let layout_modifier = glued_setting
            || element
                .split(['-', '_'])
                .any(|part| CAPTION_SETTING_PARTS.contains(&part));
        // A photo credit set beside the caption (`figure-credit`, `media-credit`) is read
        // with it.
        ((token.ends_with("caption") || token.ends_with("credit")) && !layout_modifier)
            || CHU_THICH.iter().any(|spelling| token.contains(spelling))
            || matches!(
                token.as_str(),
                "img_descr"
                    | "image_descr"
                    | "img-descr"
                    | "photo_descr"
                    | "caption"
                    | "wp-caption-text"
                    | "figcaption"
                    | "image-caption"
                    | "img-caption"
                    | "photo-caption"
                    | "caption-text"
                    | "photocms_caption"
                    | "alt_imgeditor"
                    | "image-desc"
                    | "img-desc"
                    | "photo-desc"
                    | "desc_image"
            )
    })
}

/// The block being gathered.
#[derive(Default)]
struct Pending {
    inlines: Vec<Inline>,
    cells: Vec<Vec<Inline>>,
    link_chars: usize,
    links: usize,
    ends_with_space: bool,
    /// Characters pushed inside caption elements.
    caption_chars: usize,
    /// Characters pushed inside `<time>` elements.
    time_chars: usize,
}

impl Pending {
    fn is_empty(&self) -> bool {
        self.inlines.is_empty() && self.cells.is_empty()
    }

    /// Appends text in the style of `role`, collapsing whitespace across runs.
    fn push_text(&mut self, raw: &str, role: InlineRole, href: Option<&str>, preformatted: bool) {
        // Whitespace between tags, about half the text nodes of a page: one space, or
        // nothing after a space or at the start.
        let blank = !preformatted && raw.bytes().all(|b| b.is_ascii_whitespace());
        if blank && (self.ends_with_space || self.inlines.is_empty() || raw.is_empty()) {
            return;
        }
        let mut text = if blank {
            String::from(" ")
        } else if preformatted {
            decode::clean_preformatted_text(raw)
        } else {
            decode::clean_inline_text(raw)
        };
        if !preformatted && (self.ends_with_space || self.inlines.is_empty()) {
            let spaces = text.len() - text.trim_start().len();
            text.drain(..spaces);
        }
        if text.is_empty() {
            return;
        }
        self.ends_with_space = text.ends_with(' ');
        if role == InlineRole::Link {
            self.link_chars += text.trim().chars().count();
        }
        let merged = match (self.inlines.last_mut(), role) {
            (Some(Inline::Text(last)), InlineRole::Plain) => {
                last.push_str(&text);
                true
            }
            (Some(Inline::Strong(last)), InlineRole::Strong)
            | (Some(Inline::Emphasis(last)), InlineRole::Emphasis)
            | (Some(Inline::Code(last)), InlineRole::Code) => {
                last.push_str(&text);
                true
            }
            (
                Some(Inline::Link {
                    text: last,
                    href: last_href,
                }),
                InlineRole::Link,
            ) if Some(last_href.as_str()) == href => {
                last.push_str(&text);
                true
            }
            _ => false,
        };
        if !merged {
            self.inlines.push(match role {
                InlineRole::Plain => Inline::Text(text),
                InlineRole::Strong => Inline::Strong(text),
                InlineRole::Emphasis => Inline::Emphasis(text),
                InlineRole::Code => Inline::Code(text),
                InlineRole::Link => Inline::Link {
                    text,
                    href: href.unwrap_or_default().to_string(),
                },
            });
        }
    }

    /// The last character of the block's text so far.
    fn last_char(&self) -> Option<char> {
        self.inlines
            .last()
            .filter(|inline| **inline != Inline::LineBreak)?
            .text()
            .chars()
            .next_back()
    }

    fn push_break(&mut self) {
        if !self.inlines.is_empty() && self.inlines.last() != Some(&Inline::LineBreak) {
            self.inlines.push(Inline::LineBreak);
            self.ends_with_space = true;
        }
    }
}

/// Per-open-element state of the walk.
struct Frame {
    role: Role,
    element: Option<u32>,
    table: Option<TableMode>,
    caption: bool,
    /// A `<time>` element.
    time: bool,
}

/// The walk's state.
struct Walker<'a> {
    settings: &'a Settings,
    /// Class hints by (class, id): pages repeat the same class lists many times.
    hints: foldhash::HashMap<(Option<&'a str>, Option<&'a str>), ClassHint>,
    out: Segmented,
    pending: Pending,
    frames: Vec<Frame>,
    /// Innermost block role giving its kind to text (paragraph, heading, list item, …).
    kinds: Vec<BlockRole>,
    list_depth: u8,
    ordered: Vec<bool>,
    inline_roles: Vec<(InlineRole, Option<String>)>,
    pre_depth: usize,
    caption_depth: usize,
    /// Stack of table modes of the open tables.
    tables: Vec<TableMode>,
    in_row: bool,
    in_cell: bool,
    /// Cells of the open row, and how many of them are `<th>`.
    row_cells: usize,
    row_header_cells: usize,
    /// The row about to be emitted has a `<th>` cell (a row header, or a header row); set
    /// right before the row's `emit` and taken by its block.
    row_header_cell: bool,
    /// The last cell of the open row that is furniture by its own class ("td.navbar"), and
    /// whether the row has a cell that is not: a row of furniture cells is theirs.
    row_furniture_cell: Option<u32>,
    row_other_cell: bool,
    /// An image was met since the last block: an emphasised line next is its caption.
    image_pending: bool,
    /// An agency or place prefix set apart from the lead it opens ("(VTC News) - " in a
    /// `<span>` before the sapo's `<h2>`), held to open the next block.
    held_prefix: Option<Vec<Inline>>,
    /// The element being closed, while its pending text is flushed.
    closing: Option<u32>,
    /// Open `<time>` elements.
    time_depth: usize,
    /// Where the walk stands between two inline elements written with nothing between
    /// them (`<span>Rust</span><span>97.8%</span>`).
    seam: InlineSeam,
}

/// The walk's place between two inline elements with no text between them: component
/// markup sets a label and its value, or a product's brand and name, in sibling spans that
/// the page's style lays out apart ("Rust97.8%" read as one word). The text of the second
/// is parted from the first's where the two could not be one word ([`seam_parts_words`]).
#[derive(Clone, Copy, Default, PartialEq, Eq)]
enum InlineSeam {
    /// Text, or a block boundary, came last.
    #[default]
    None,
    /// An inline element closed, and no text came after it yet.
    Closed,
    /// Another inline element opened after the closed one.
    Opened,
}

/// Whether text starting with `next` after text ending with `previous`, across the seam of
/// two inline elements, starts another word: a capital after a letter or figure
/// ("AlvaroExpert", "99VAT", "controlMeditation"), or a figure after a letter ("Time35").
/// Other joins stay as written: a word styled in parts ("Le"+"arn", Word's text runs),
/// ordinals ("2"+"nd"), figures split for styling ("20"+"20"). Measured on WCXB dev
/// (2026-12-07): of the seams whose two sides the gold holds, 702 part words and 64 join
/// them, none of the 64 being a join this rule parts.
fn seam_parts_words(previous: char, next: char) -> bool {
    (previous.is_alphanumeric() && next.is_uppercase())
        || (previous.is_alphabetic() && next.is_ascii_digit())
}

/// Most characters of a question heading a hidden answer (an FAQ's entry).
const MAX_QUESTION_CHARS: usize = 200;

/// Whether an element reads as a question: short text ending with a question mark, as
/// the line an FAQ's reader clicks to show the hidden answer after it.
fn asks_a_question(node: NodeRef<'_, Node>) -> bool {
    let mut text = String::new();
    for descendant in node.descendants() {
        if let Node::Text(part) = descendant.value() {
            text.push_str(part);
            if text.len() > MAX_QUESTION_CHARS * 4 {
                return false;
            }
        }
    }
    let text = text.trim();
    !text.is_empty()
        && text.chars().count() <= MAX_QUESTION_CHARS
        && text.ends_with(['?', '？', '؟'])
}

impl<'a> Walker<'a> {
    /// Whether a hidden element is a panel a reader opens (an accordion's answer, a
    /// collapsed "Specifications" section, a tab, a "Read more" expander): its text is
    /// part of the page as published. A panel names its role (`region`, `tabpanel`),
    /// follows its toggle or a question (an FAQ's answer hidden by its inline style after
    /// a clickable `<div>` asking it: on the WCXB dev split, 2026-12-07, 0.8789 -> 0.8795,
    /// five pages better, one worse whose gold leaves its FAQ out), or carries a
    /// disclosure class. On the WCXB dev split
    /// (2026-12-06) reading them took the WCXB metric from 0.8548 to 0.8577 (products
    /// +0.010, services +0.010); showing every `display: none` element instead gave
    /// 0.8560, as menus, sign-in boxes and pop-up forms came in with the panels.
    fn is_disclosed_panel(attributes: &Attributes<'a>, node: NodeRef<'a, Node>) -> bool {
        if attributes.dialog {
            return false;
        }
        if attributes.panel_role {
            return true;
        }
        let previous = node
            .prev_siblings()
            .find(|sibling| sibling.value().is_element());
        let after_toggle = previous
            .and_then(|sibling| sibling.value().as_element())
            .is_some_and(|element| Attributes::of(element).toggle || element.name() == "button");
        // An answer hidden by its style or `hidden` attribute after its question; a
        // class that hides a block on small screens only (`d-none d-md-block`) says
        // nothing of an accordion.
        let hidden_by_style =
            attributes.hidden || style_hiding(attributes.style) != StyleHiding::None;
        after_toggle
            || (hidden_by_style && previous.is_some_and(asks_a_question))
            || attributes.class.is_some_and(|class| {
                class.split_ascii_whitespace().any(|token| {
                    let token = token.to_ascii_lowercase();
                    DISCLOSURE_CLASS_STEMS
                        .iter()
                        .any(|stem| token.contains(stem))
                })
            })
    }

    /// Whether a button's next element is hidden: the button opens it (an accordion's
    /// question in a plain `<button>`, its answer in a `div.hidden` after it).
    fn opens_hidden_panel(node: NodeRef<'a, Node>) -> bool {
        node.next_siblings()
            .find(|sibling| sibling.value().is_element())
            .is_some_and(|next| {
                next.value()
                    .as_element()
                    .is_some_and(|element| is_hidden(&Attributes::of(element), next))
            })
    }

    fn current_element(&self) -> u32 {
        if let Some(closing) = self.closing {
            return closing;
        }
        self.frames
            .iter()
            .rev()
            .find_map(|frame| frame.element)
            .unwrap_or(0)
    }

    fn in_data_table(&self) -> bool {
        self.tables.last() == Some(&TableMode::Data) && self.in_row
    }

    /// Ends the pending block, if any, and records it.
    fn flush(&mut self) {
        if self.in_data_table() {
            // Inside a data row, block boundaries only separate words.
            if !self.pending.ends_with_space && !self.pending.inlines.is_empty() {
                self.pending.push_text(" ", InlineRole::Plain, None, false);
            }
            return;
        }
        let pending = std::mem::take(&mut self.pending);
        if pending.is_empty() {
            return;
        }
        let kind = self.kind_for_text();
        self.emit(
            kind,
            pending.inlines,
            Vec::new(),
            pending.link_chars,
            pending.links,
            (pending.caption_chars, pending.time_chars),
        );
    }

    /// Emits a block, first joining a held agency prefix to it, or holding this one.
    fn emit(
        &mut self,
        kind: BlockKind,
        mut inlines: Vec<Inline>,
        cells: Vec<Vec<Inline>>,
        link_chars: usize,
        links: usize,
        text_shares: (usize, usize),
    ) {
        if let Some(prefix) = self.held_prefix.take() {
            if cells.is_empty() {
                let mut joined = prefix;
                trim_inlines(&mut joined);
                joined.push(Inline::Text(" ".to_string()));
                joined.append(&mut inlines);
                inlines = joined;
            } else {
                self.emit_block(BlockKind::Paragraph, prefix, Vec::new(), 0, 0, (0, 0));
            }
        } else if cells.is_empty() && link_chars == 0 && is_agency_prefix(&inlines) {
            self.held_prefix = Some(inlines);
            return;
        }
        self.emit_block(kind, inlines, cells, link_chars, links, text_shares);
    }

    fn emit_block(
        &mut self,
        kind: BlockKind,
        mut inlines: Vec<Inline>,
        cells: Vec<Vec<Inline>>,
        link_chars: usize,
        links: usize,
        (caption_chars, time_chars): (usize, usize),
    ) {
        // Only the row it was set for takes it: an agency prefix held before the row is
        // emitted first, as a paragraph.
        let header_cell = !cells.is_empty() && std::mem::take(&mut self.row_header_cell);
        while inlines.last() == Some(&Inline::LineBreak) {
            inlines.pop();
        }
        trim_inlines(&mut inlines);
        let text = if cells.is_empty() {
            crate::body::join_inlines(&inlines)
        } else {
            cells
                .iter()
                .map(|cell| crate::body::join_inlines(cell))
                .filter(|cell| !cell.is_empty())
                .collect::<Vec<_>>()
                .join("\t")
        };
        if !text.chars().any(char::is_alphanumeric) {
            return;
        }
        let text = decode::into_nfc(text);
        let chars = text.chars().count();
        let after_image = std::mem::take(&mut self.image_pending);
        let emphasised = inlines
            .iter()
            .all(|inline| matches!(inline, Inline::Emphasis(_) | Inline::LineBreak));
        let caption = (self.caption_depth > 0
            || matches!(self.tables.last(), Some(TableMode::Image))
            || caption_chars * MIN_CAPTION_SHARE.1 >= chars * MIN_CAPTION_SHARE.0
            || (after_image && emphasised && cells.is_empty()))
            && chars <= MAX_CAPTION_CHARS;
        let element = self.current_element();
        self.out.blocks.push(SegmentBlock {
            element,
            kind,
            inlines,
            cells,
            chars,
            link_chars: link_chars.min(chars),
            links,
            text,
            caption,
            dateline: time_chars * MIN_TIME_SHARE.1 >= chars * MIN_TIME_SHARE.0
                && chars <= lexicon::DATE_LINE_MAX_CHARS_TIME,
            header_cell,
        });
    }

    fn kind_for_text(&self) -> BlockKind {
        if self.pre_depth > 0 {
            return BlockKind::Preformatted;
        }
        match self.kinds.last() {
            Some(BlockRole::Heading(level)) => BlockKind::Heading(*level),
            Some(BlockRole::ListItem) => BlockKind::ListItem {
                ordered: self.ordered.last().copied().unwrap_or(false),
                depth: self.list_depth.saturating_sub(1),
            },
            Some(BlockRole::Quote) => BlockKind::Quote,
            Some(BlockRole::Caption) => BlockKind::Caption,
            // A paragraph of a block quote (`<blockquote><p>`) is quoted text.
            _ if self.kinds.contains(&BlockRole::Quote) => BlockKind::Quote,
            _ => BlockKind::Paragraph,
        }
    }

    /// The style of text at this point, from the open inline elements, innermost first.
    fn inline_role(inline_roles: &[(InlineRole, Option<String>)]) -> (InlineRole, Option<&str>) {
        let mut role = InlineRole::Plain;
        for (candidate, href) in inline_roles.iter().rev() {
            match candidate {
                InlineRole::Link => return (InlineRole::Link, href.as_deref()),
                InlineRole::Plain => {}
                other => {
                    if role == InlineRole::Plain {
                        role = *other;
                    }
                }
            }
        }
        (role, None)
    }

    fn text(&mut self, raw: &str) {
        let (role, href) = Self::inline_role(&self.inline_roles);
        let preformatted = self.pre_depth > 0;
        if std::mem::take(&mut self.seam) == InlineSeam::Opened
            && !preformatted
            && role != InlineRole::Code
            && let (Some(previous), Some(next)) = (self.pending.last_char(), raw.chars().next())
            && seam_parts_words(previous, next)
        {
            self.pending.push_text(" ", InlineRole::Plain, None, false);
        }
        self.pending.push_text(raw, role, href, preformatted);
        if self.caption_depth > 0 {
            self.pending.caption_chars += raw.trim().chars().count();
        }
        if self.time_depth > 0 {
            self.pending.time_chars += raw.trim().chars().count();
        }
    }

    fn open(&mut self, node: NodeRef<'a, Node>, element: &'a scraper::node::Element) -> bool {
        let name = element.name();
        let mut role = role_of(name);
        if role == Role::Skip && name != "button" {
            return false;
        }
        let attributes = Attributes::of(element);
        if role == Role::Skip {
            // A button that opens a panel is the panel's heading ("Specifications",
            // an FAQ's question); other buttons are controls.
            if !attributes.toggle && !Self::opens_hidden_panel(node) {
                return false;
            }
            role = Role::Inline(InlineRole::Plain);
        }
        if is_hidden(&attributes, node) && !Self::is_disclosed_panel(&attributes, node) {
            return false;
        }
        if attributes.choice_widget
            || (name == "span" && is_edit_control(attributes.class))
            || (name == "a" && is_mark_link(&attributes, node))
            // Gutters are table cells beside the code or spans inside it.
            || ((name == "td" || self.pre_depth > 0)
                && is_line_number_gutter(attributes.class, node))
        {
            return false;
        }
        let mut frame = Frame {
            role,
            element: None,
            table: None,
            caption: false,
            time: false,
        };
        // A superscript or subscript is written onto what precedes it ("n²", "H₂O").
        self.seam = match (role, self.seam) {
            (Role::Inline(_), InlineSeam::Closed | InlineSeam::Opened)
                if !matches!(name, "sup" | "sub") =>
            {
                InlineSeam::Opened
            }
            _ => InlineSeam::None,
        };
        match role {
            Role::Block(block_role) => {
                self.flush();
                let parent = self.frames.iter().rev().find_map(|f| f.element);
                let index = self.out.elements.len() as u32;
                // A heading's id is its anchor, written from its words
                // ("conditions-you-must-follow"), not a role.
                let id = attributes
                    .id
                    .filter(|_| !matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6"));
                let key = (attributes.class, id);
                let mut hint = *self
                    .hints
                    .entry(key)
                    .or_insert_with(|| lexicon::class_hint(key.0, key.1));
                // A dialog is shown over the page: furniture whatever it holds, as a
                // consent box is (a shipping-terms modal outweighed a store's product
                // grid; WCXB dev 2026-12-06, collections +0.013, no article changed).
                hint.overlay |= attributes.dialog;
                let tag = if attributes.landmark_content {
                    Tag::Article
                } else {
                    tag_of(name)
                };
                if hint.comments {
                    self.out.comment_nodes.push(node.id());
                }
                if hint.reviews {
                    self.out.review_nodes.push(node.id());
                }
                let depth = parent.map_or(0, |p| self.out.elements[p as usize].depth + 1);
                let inherited_furniture =
                    parent.and_then(|p| self.out.elements[p as usize].furniture);
                let inherited_content = parent.and_then(|p| self.out.elements[p as usize].content);
                let furniture_here = hint.boilerplate
                    || attributes.dialog
                    || attributes.landmark_furniture
                    || matches!(tag, Tag::Furniture | Tag::Form);
                let article_body = attributes
                    .itemprop
                    .is_some_and(|p| p.eq_ignore_ascii_case("articleBody"));
                self.out.elements.push(Element {
                    parent,
                    node: node.id(),
                    signature: signature_of(name, attributes.class),
                    depth,
                    tag,
                    hint,
                    article_body,
                    blocks: self.out.blocks.len()..self.out.blocks.len(),
                    furniture: if furniture_here {
                        Some(index)
                    } else {
                        inherited_furniture
                    },
                    content: if hint.content || article_body || tag == Tag::Article {
                        Some(index)
                    } else {
                        inherited_content
                    },
                    in_reviews: hint.reviews
                        || parent.is_some_and(|p| self.out.elements[p as usize].in_reviews),
                    in_comments: (hint.comments && depth > BODY_DEPTH)
                        || parent.is_some_and(|p| self.out.elements[p as usize].in_comments),
                });
                frame.element = Some(index);
                match block_role {
                    BlockRole::List { ordered } => {
                        self.list_depth = self.list_depth.saturating_add(1);
                        self.ordered.push(ordered);
                    }
                    BlockRole::Pre => self.pre_depth += 1,
                    BlockRole::Caption => {
                        self.caption_depth += 1;
                        frame.caption = true;
                    }
                    BlockRole::Table => {
                        let mode = table_mode(node);
                        self.tables.push(mode);
                        frame.table = Some(mode);
                    }
                    BlockRole::Row if self.tables.last() == Some(&TableMode::Data) => {
                        self.in_row = true;
                        self.pending = Pending::default();
                    }
                    BlockRole::Cell if self.in_data_table() => {
                        self.in_cell = true;
                        self.row_cells += 1;
                        self.row_header_cells += usize::from(name == "th");
                        self.pending.inlines.clear();
                        self.pending.ends_with_space = false;
                    }
                    _ => {}
                }
                if !frame.caption
                    && block_role != BlockRole::Caption
                    && attributes.class.is_some_and(is_caption_class)
                {
                    self.caption_depth += 1;
                    frame.caption = true;
                }
                if !matches!(
                    block_role,
                    BlockRole::Container
                        | BlockRole::Table
                        | BlockRole::Row
                        | BlockRole::List { .. }
                ) {
                    self.kinds.push(block_role);
                }
            }
            Role::Break => {
                let in_text_block = matches!(
                    self.kinds.last(),
                    Some(
                        BlockRole::Paragraph
                            | BlockRole::Heading(_)
                            | BlockRole::ListItem
                            | BlockRole::Quote
                            | BlockRole::Pre
                    )
                );
                if self.in_data_table() || in_text_block {
                    self.pending.push_break();
                } else if self.pending.inlines.last() == Some(&Inline::LineBreak) {
                    // `<br><br>` in bare text separates paragraphs; a single `<br>` only
                    // breaks a line inside one (hard-wrapped text stays one block).
                    self.flush();
                } else {
                    self.pending.push_break();
                }
            }
            Role::Image => {
                self.image_pending = true;
                if self.settings.keep_images
                    && let Some(src) = attributes.src.or(attributes.data_src)
                {
                    self.flush();
                    let alt = attributes.alt.unwrap_or_default().trim().to_string();
                    let src = match &self.settings.base_url {
                        Some(base) => base
                            .join(src)
                            .map(|u| u.to_string())
                            .unwrap_or_else(|_| src.to_string()),
                        None => src.to_string(),
                    };
                    let element_index = self.current_element();
                    self.out.blocks.push(SegmentBlock {
                        element: element_index,
                        kind: BlockKind::Image { src, alt },
                        inlines: Vec::new(),
                        cells: Vec::new(),
                        text: String::new(),
                        chars: 0,
                        link_chars: 0,
                        links: 0,
                        caption: false,
                        dateline: false,
                        header_cell: false,
                    });
                }
            }
            Role::Inline(inline_role) => {
                // A named anchor without `href` (`<a name=top>`, often left open around a
                // whole post on older pages) is not a link; an `<a>` with neither is a
                // scripted button, which reads as one.
                // A `javascript:` target leads nowhere: a headline wrapped in one for a
                // script is not a title link.
                let scripted = attributes.href.is_some_and(|href| {
                    href.trim_start()
                        .get(..11)
                        .is_some_and(|scheme| scheme.eq_ignore_ascii_case("javascript:"))
                });
                // A heading's link to its own place on the page (`<h2><a href="#usage">`,
                // documentation's self-anchors) leaves it a heading, not a link.
                // So does an accordion's toggle (`<a href="#collapse2" aria-expanded>`):
                // its text is the question, shown with its answer.
                let self_anchor = attributes
                    .href
                    .is_some_and(|href| href.trim_start().starts_with('#'))
                    && (attributes.toggle
                        || self
                            .frames
                            .iter()
                            .any(|f| matches!(f.role, Role::Block(BlockRole::Heading(_)))));
                let inline_role = if inline_role == InlineRole::Link
                    && (scripted
                        || self_anchor
                        || (attributes.href.is_none()
                            && (attributes.named || attributes.id.is_some())))
                {
                    InlineRole::Plain
                } else {
                    inline_role
                };
                let href = if inline_role == InlineRole::Link {
                    self.pending.links += 1;
                    Some(attributes.href.unwrap_or_default().trim().to_string())
                } else {
                    None
                };
                self.inline_roles.push((inline_role, href));
                if name == "time" {
                    self.time_depth += 1;
                    frame.time = true;
                }
                if attributes.class.is_some_and(is_caption_class) {
                    self.caption_depth += 1;
                    frame.caption = true;
                }
            }
            Role::Skip => {}
        }
        self.frames.push(frame);
        true
    }

    fn close(&mut self) {
        let Some(frame) = self.frames.pop() else {
            return;
        };
        // Text flushed while closing belongs to the closing element.
        self.closing = frame.element;
        match frame.role {
            Role::Block(block_role) => {
                self.seam = InlineSeam::None;
                match block_role {
                    BlockRole::Cell if self.in_cell => {
                        match frame.element {
                            Some(cell)
                                if self.out.elements[cell as usize].furniture == Some(cell) =>
                            {
                                self.row_furniture_cell = Some(cell);
                            }
                            _ => self.row_other_cell = true,
                        }
                        let cell = std::mem::take(&mut self.pending.inlines);
                        self.pending.cells.push(cell);
                        self.pending.ends_with_space = false;
                        self.in_cell = false;
                    }
                    BlockRole::Row if self.in_row => {
                        let mut pending = std::mem::take(&mut self.pending);
                        if !pending.inlines.is_empty() {
                            pending.cells.push(std::mem::take(&mut pending.inlines));
                        }
                        self.in_row = false;
                        // A header row is all `<th>`; a row that opens with its own
                        // header cell (`<th scope=row>1901</th>`) is a data row.
                        let cells = std::mem::take(&mut self.row_cells);
                        let header_cells = std::mem::take(&mut self.row_header_cells);
                        let header = header_cells > 0 && header_cells == cells;
                        // A row whose cells are all furniture by their own class is
                        // theirs: it reads as their block, not the table's.
                        let furniture_cell = self.row_furniture_cell.take();
                        if !std::mem::take(&mut self.row_other_cell) && furniture_cell.is_some() {
                            self.closing = furniture_cell;
                        }
                        if !pending.cells.is_empty() {
                            self.row_header_cell = header_cells > 0;
                            self.emit(
                                BlockKind::TableRow { header },
                                Vec::new(),
                                pending.cells,
                                pending.link_chars,
                                pending.links,
                                (pending.caption_chars, pending.time_chars),
                            );
                        }
                    }
                    _ => self.flush(),
                }
                match block_role {
                    BlockRole::List { .. } => {
                        self.list_depth = self.list_depth.saturating_sub(1);
                        self.ordered.pop();
                    }
                    BlockRole::Pre => self.pre_depth = self.pre_depth.saturating_sub(1),
                    BlockRole::Table => {
                        self.tables.pop();
                    }
                    _ => {}
                }
                if frame.caption {
                    self.caption_depth = self.caption_depth.saturating_sub(1);
                }
                if !matches!(
                    block_role,
                    BlockRole::Container
                        | BlockRole::Table
                        | BlockRole::Row
                        | BlockRole::List { .. }
                ) {
                    self.kinds.pop();
                }
                if let Some(index) = frame.element {
                    let end = self.out.blocks.len();
                    if let Some(element) = self.out.elements.get_mut(index as usize) {
                        element.blocks.end = end;
                    }
                }
            }
            Role::Inline(_) => {
                self.seam = InlineSeam::Closed;
                self.inline_roles.pop();
                if frame.time {
                    self.time_depth = self.time_depth.saturating_sub(1);
                }
                if frame.caption {
                    self.caption_depth = self.caption_depth.saturating_sub(1);
                }
            }
            _ => {}
        }
        self.closing = None;
    }
}

/// Trims the whitespace at both ends of a block's inline runs.
fn trim_inlines(inlines: &mut Vec<Inline>) {
    if let Some(first) = inlines.first_mut() {
        trim_inline(first, true);
    }
    if let Some(last) = inlines.last_mut() {
        trim_inline(last, false);
    }
    inlines.retain(|inline| *inline == Inline::LineBreak || !inline.text().is_empty());
}

fn trim_inline(inline: &mut Inline, start: bool) {
    let text = match inline {
        Inline::Text(text) | Inline::Strong(text) | Inline::Emphasis(text) | Inline::Code(text) => {
            text
        }
        Inline::Link { text, .. } => text,
        Inline::LineBreak => return,
    };
    let trimmed = if start {
        text.trim_start()
    } else {
        text.trim_end()
    };
    if trimmed.len() != text.len() {
        *text = trimmed.to_string();
    }
}

/// Longest agency or place prefix, in characters, held to open the next block.
const MAX_AGENCY_PREFIX_CHARS: usize = 40;

/// Whether inlines read as an agency or place prefix cut off from its lead: short text
/// ending in a dash ("TT -", "(VTC News) -", "HÀ NỘI –").
fn is_agency_prefix(inlines: &[Inline]) -> bool {
    // Asked of every block: a body paragraph is ruled out by its length before its text
    // is joined. Inline text is whitespace-collapsed, so a prefix takes at most four bytes
    // a character plus a trimmed space at each end of an inline.
    let bytes: usize = inlines.iter().map(|inline| inline.text().len()).sum();
    if bytes > 4 * MAX_AGENCY_PREFIX_CHARS + 2 * inlines.len() {
        return false;
    }
    let text = crate::body::join_inlines(inlines);
    let text = text.trim_end();
    let Some(head) = text
        .strip_suffix('-')
        .or_else(|| text.strip_suffix('–'))
        .or_else(|| text.strip_suffix('—'))
    else {
        return false;
    };
    head.ends_with(char::is_whitespace)
        && head.chars().any(char::is_alphanumeric)
        && text.chars().count() <= MAX_AGENCY_PREFIX_CHARS
}

/// Splits `document` into elements and text blocks.
pub(crate) fn segment(document: &Html, settings: &Settings) -> Segmented {
    let mut walker = Walker {
        settings,
        hints: foldhash::HashMap::default(),
        out: Segmented::default(),
        pending: Pending::default(),
        frames: Vec::new(),
        kinds: Vec::new(),
        list_depth: 0,
        ordered: Vec::new(),
        inline_roles: Vec::new(),
        pre_depth: 0,
        caption_depth: 0,
        tables: Vec::new(),
        in_row: false,
        in_cell: false,
        row_cells: 0,
        row_header_cells: 0,
        row_header_cell: false,
        row_furniture_cell: None,
        row_other_cell: false,
        image_pending: false,
        held_prefix: None,
        closing: None,
        time_depth: 0,
        seam: InlineSeam::None,
    };
    let mut skipping: Option<ego_tree::NodeId> = None;
    let mut ticker = settings.budget.ticker();
    for edge in document.tree.root().traverse() {
        if ticker.expired() {
            // The extractor gives the budget's error; what was read so far is dropped.
            break;
        }
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Element(element) if !walker.open(node, element) => {
                        skipping = Some(node.id());
                    }
                    Node::Text(text) => walker.text(text),
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if let Some(skipped) = skipping {
                    if skipped == node.id() {
                        skipping = None;
                    }
                    continue;
                }
                if let Some(element) = node.value().as_element() {
                    // MathML tokens are words of the formula, written without spaces
                    // between their tags (`<mn>5</mn><mn>2</mn>` is "5 2", not "52").
                    if MATH_TOKENS.contains(&element.name()) {
                        walker.text(" ");
                    }
                    walker.close();
                }
            }
        }
    }
    walker.flush();
    if let Some(prefix) = walker.held_prefix.take() {
        walker.emit_block(BlockKind::Paragraph, prefix, Vec::new(), 0, 0, (0, 0));
    }
    let end = walker.out.blocks.len();
    for frame in walker.frames.drain(..) {
        if let Some(index) = frame.element
            && let Some(element) = walker.out.elements.get_mut(index as usize)
        {
            element.blocks.end = end;
        }
    }
    walker.out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Extractor;

    fn blocks(html: &str) -> Vec<(BlockKind, String)> {
        let document = Html::parse_document(html);
        let settings = Extractor::new().settings();
        segment(&document, &settings)
            .blocks
            .into_iter()
            .map(|b| (b.kind, b.text))
            .collect()
    }

    #[test]
    fn paragraphs_headings_and_bare_text_are_blocks() {
        let got = blocks(
            "<div>Bare run<p>First <b>para</b>.</p><h2>Sub</h2>tail<br>line two<br><br>next</div>",
        );
        let texts: Vec<&str> = got.iter().map(|(_, t)| t.as_str()).collect();
        // One `<br>` breaks a line inside a block; two separate blocks.
        assert_eq!(
            texts,
            ["Bare run", "First para.", "Sub", "tail\nline two", "next"]
        );
        assert_eq!(got[2].0, BlockKind::Heading(2));
    }

    #[test]
    fn scripts_and_hidden_elements_are_skipped() {
        let got = blocks("<p>keep</p><script>var x;</script><p style='display: none'>hidden</p>");
        assert_eq!(got.len(), 1);
    }

    #[test]
    fn a_row_is_a_header_row_when_every_cell_is_a_header() {
        let page = Html::parse_document(
            "<table><tr><th>Year</th><th>Engineer</th></tr>\
             <tr><th scope='row'>1901</th><td>Ada Holm</td></tr>\
             <tr><td>1902</td><td>Nils Dorn</td></tr></table>",
        );
        let segmented = segment(&page, &Extractor::new().settings());
        let rows: Vec<(BlockKind, bool)> = segmented
            .blocks
            .iter()
            .map(|block| (block.kind.clone(), block.header_cell))
            .collect();
        assert_eq!(
            rows,
            [
                (BlockKind::TableRow { header: true }, true),
                (BlockKind::TableRow { header: false }, true),
                (BlockKind::TableRow { header: false }, false),
            ]
        );
    }

    #[test]
    fn data_table_rows_are_blocks_with_cells() {
        let got = blocks(
            "<table><tr><th>Năm</th><th>Số</th></tr><tr><td>2024</td><td>5,6</td></tr></table>",
        );
        assert_eq!(got[1].1, "2024\t5,6");
        assert!(matches!(got[1].0, BlockKind::TableRow { .. }));
    }

    #[test]
    fn a_cell_of_prose_paragraphs_lays_out_the_page() {
        let paragraph = "We walked up the ridge from the car park and the cloud lifted as we went.";
        let cell = [paragraph; 5].join("<br><br>");
        let html = format!(
            "<table><tr><td><a href='/a'>Home</a><br><a href='/b'>Links</a></td>\
             <td>{cell}</td></tr></table>"
        );
        let got = blocks(&html);
        // The cells are containers: each paragraph is a block of its own, no table row.
        assert!(
            !got.iter()
                .any(|(kind, _)| matches!(kind, BlockKind::TableRow { .. })),
            "{got:?}"
        );
        assert_eq!(got.iter().filter(|(_, text)| text == paragraph).count(), 5);
        // Short cells with a line break stay data.
        let got =
            blocks("<table><tr><td>Opening hours<br><br>Mon-Fri</td><td>9-17</td></tr></table>");
        assert!(matches!(got[0].0, BlockKind::TableRow { .. }), "{got:?}");
    }

    #[test]
    fn a_rule_in_a_cell_lays_out_the_page() {
        // vBulletin 3: a post is a table whose message cell holds a title, a rule and the
        // message; the user cell beside it is not a column of the same row.
        let got = blocks(
            "<table id='post1'><tr><td class='alt2'>hal<br>Join Date: Mar 2004</td>\
             <td class='alt1'><strong>Icing?</strong><hr><div>The tractor dies after two \
             minutes on damp mornings.</div></td></tr></table>",
        );
        assert!(
            !got.iter()
                .any(|(kind, _)| matches!(kind, BlockKind::TableRow { .. })),
            "{got:?}"
        );
        assert!(
            got.iter()
                .any(|(_, text)| text == "The tractor dies after two minutes on damp mornings.")
        );
    }

    #[test]
    fn a_rows_header_cell_is_its_own_after_a_held_prefix() {
        // An agency prefix held for the next block is emitted before a row as a
        // paragraph: the row keeps its header cell, the paragraph has none.
        let page = Html::parse_document(
            "<div><span>(VTC News) -</span><table><tr><th scope='row'>2024</th>\
             <td>Hà Nội</td><td>5,6</td></tr></table></div>",
        );
        let segmented = segment(&page, &Extractor::new().settings());
        let blocks: Vec<(BlockKind, bool)> = segmented
            .blocks
            .iter()
            .map(|block| (block.kind.clone(), block.header_cell))
            .collect();
        assert_eq!(
            blocks,
            [
                (BlockKind::Paragraph, false),
                (BlockKind::TableRow { header: false }, true),
            ]
        );
    }

    #[test]
    fn sibling_spans_part_words_where_they_could_not_be_one() {
        let got = blocks(
            "<p><span class='lang'>Rust</span><span class='share'>97.8%</span></p>\
             <p><a href='/p/1'><span class='brand'>Salomon</span><span class='name'>X Ultra 4</span></a></p>\
             <p><span>Le</span><span>arn</span> it the <span>2</span><span>nd</span> time: \
             <var>n</var><sup>2</sup> tiles, <code>let</code><code>x</code>.</p>",
        );
        let texts: Vec<&str> = got.iter().map(|(_, text)| text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Rust 97.8%",
                "Salomon X Ultra 4",
                "Learn it the 2nd time: n2 tiles, letx."
            ]
        );
    }

    #[test]
    fn a_wikis_edit_links_are_controls() {
        let got = blocks(
            "<h2><span class='mw-headline'>Repair</span><span class='mw-editsection'>\
             <span class='mw-editsection-bracket'>[</span><a href='?action=edit'>edit</a>\
             <span class='mw-editsection-bracket'>]</span></span></h2><p>Take it down to sound work.</p>",
        );
        assert_eq!(got[0].1, "Repair");
    }

    #[test]
    fn comment_regions_start_below_the_body() {
        let document = Html::parse_document(
            "<html><body class='single comments-open'><p>The post itself.</p>\
             <div id='comments'><p>A reader's comment.</p></div></body></html>",
        );
        let settings = Extractor::new().settings();
        let segmented = segment(&document, &settings);
        let in_comments =
            |index: usize| segmented.elements[segmented.blocks[index].element as usize].in_comments;
        assert!(!in_comments(0), "a body class names a state of the page");
        assert!(in_comments(1));
    }

    #[test]
    fn a_row_of_furniture_cells_is_theirs() {
        let document = Html::parse_document(
            "<table><tr><td class='navbar'><a href='/'>Forum</a> &gt; <a href='/f3'>Engines</a></td></tr>\
             <tr><td>Plain data</td></tr></table>",
        );
        let settings = Extractor::new().settings();
        let segmented = segment(&document, &settings);
        let furniture = |index: usize| {
            let element = segmented.blocks[index].element as usize;
            segmented.elements[element].furniture.is_some()
        };
        assert!(furniture(0), "the navbar cell's row");
        assert!(!furniture(1), "a plain row");
    }

    #[test]
    fn a_code_blocks_line_numbers_are_not_its_code() {
        let document = Html::parse_document(
            "<div class='highlight'><pre><span class='linenos'>1</span>[broker]\n\
             <span class='linenos'>2</span>url = 1</pre></div>\
             <table class='highlighttable'><tr><td class='linenos'><div class='linenodiv'><pre>1\n2</pre></div></td>\
             <td class='code'><pre>import os\nprint(os.sep)</pre></td></tr></table>\
             <p><span class='lineno'>Line 4 of the poem</span></p>",
        );
        let settings = Extractor::new().settings();
        let texts: Vec<String> = segment(&document, &settings)
            .blocks
            .into_iter()
            .map(|block| block.text)
            .collect();
        assert_eq!(
            texts,
            [
                "[broker]\nurl = 1",
                "import os\nprint(os.sep)",
                "Line 4 of the poem"
            ]
        );
    }

    #[test]
    fn caption_settings_are_not_captions() {
        assert!(is_caption_class("wp-caption-text"));
        assert!(is_caption_class("media-with-caption__caption"));
        assert!(is_caption_class("img_chu_thich_0407"));
        assert!(is_caption_class("text-chuthich"));
        assert!(is_caption_class("photo-caption"));
        // A photo credit beside the caption is read with it.
        assert!(is_caption_class("figure-credit"));
        assert!(is_caption_class("wp-media-credit"));
        assert!(!is_caption_class("has-credit"));
        assert!(!is_caption_class("credits"));
        // Settings about captions: on `<body>` this made a whole post a caption.
        assert!(!is_caption_class("single mh-loop-hide-caption"));
        assert!(!is_caption_class("media-landscape has-caption full-width"));
        assert!(!is_caption_class("media-with-caption"));
        // VCCorp's `noCaption` wraps body paragraphs.
        assert!(!is_caption_class("VCSortableInPreviewMode noCaption"));
    }
}

//! The tag table: the element names the pre-scan knows, as small integer ids, and their
//! roles in the HTML tree builder (formatting, special, scope, …).

use foldhash::HashMap;
use foldhash::HashMapExt;

// ---------------------------------------------------------------------------------------
// Element names and their roles in the tree builder.

/// The element is a formatting element (active formatting list).
pub(super) const FORMATTING: u16 = 1;
/// "Special" in the HTML standard: stops the generic end-tag search.
pub(super) const SPECIAL: u16 = 1 << 1;
/// Bounds the default scope.
pub(super) const SCOPE: u16 = 1 << 2;
/// Bounds the table scope.
pub(super) const TABLE_SCOPE: u16 = 1 << 3;
/// Its start tag closes an open `<p>`.
pub(super) const CLOSES_P: u16 = 1 << 4;
/// Pushes a marker on the active formatting list.
pub(super) const MARKER: u16 = 1 << 5;
/// Bounds the list-item scope besides the default scope.
pub(super) const LIST: u16 = 1 << 6;
/// Bounds the button scope besides the default scope.
pub(super) const BUTTON: u16 = 1 << 7;
/// Void: never has children.
pub(super) const VOID: u16 = 1 << 8;
/// Raw text or RCDATA: contents are text up to the matching end tag.
pub(super) const RAW: u16 = 1 << 9;
/// Not pushed: `<html>`, `<head>`, `<body>`, `<frameset>` merge into the implied ones.
pub(super) const IGNORED: u16 = 1 << 10;
/// A special element whose start tag still reconstructs the formatting elements.
pub(super) const RECONSTRUCT: u16 = 1 << 11;
/// `<h1>`–`<h6>`.
pub(super) const HEADING: u16 = 1 << 12;
/// Its start tag leaves foreign (SVG, MathML) content.
pub(super) const BREAKOUT: u16 = 1 << 13;
/// An SVG/MathML integration point: its children are HTML. Set by namespace when a
/// foreign element is pushed, not in [`KNOWN`].
pub(super) const INTEGRATION: u16 = 1 << 14;

pub(super) const BLOCK: u16 = SPECIAL | CLOSES_P;

/// Every name the model treats specially, with its roles. The formatting elements come
/// first so that their index doubles as their slot in the active formatting list.
pub(super) const KNOWN: &[(&str, u16)] = &[
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
pub(super) const FORMATTING_SLOTS: usize = 14;

/// Index of `name` in [`KNOWN`], at compile time.
pub(super) const fn id(name: &str) -> u32 {
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

pub(super) const A: u32 = id("a");
pub(super) const NOBR: u32 = id("nobr");
pub(super) const P: u32 = id("p");
pub(super) const LI: u32 = id("li");
pub(super) const DD: u32 = id("dd");
pub(super) const DT: u32 = id("dt");
pub(super) const ADDRESS: u32 = id("address");
pub(super) const DIV: u32 = id("div");
pub(super) const FORM: u32 = id("form");
pub(super) const PLAINTEXT: u32 = id("plaintext");
pub(super) const TABLE: u32 = id("table");
pub(super) const CAPTION: u32 = id("caption");
pub(super) const COLGROUP: u32 = id("colgroup");
pub(super) const COL: u32 = id("col");
pub(super) const TBODY: u32 = id("tbody");
pub(super) const THEAD: u32 = id("thead");
pub(super) const TFOOT: u32 = id("tfoot");
pub(super) const TR: u32 = id("tr");
pub(super) const TD: u32 = id("td");
pub(super) const TH: u32 = id("th");
pub(super) const BUTTON_ID: u32 = id("button");
pub(super) const BR: u32 = id("br");
pub(super) const OPTION: u32 = id("option");
pub(super) const OPTGROUP: u32 = id("optgroup");
pub(super) const RB: u32 = id("rb");
pub(super) const RP: u32 = id("rp");
pub(super) const RT: u32 = id("rt");
pub(super) const RTC: u32 = id("rtc");
pub(super) const SVG: u32 = id("svg");
pub(super) const FONT: u32 = id("font");
pub(super) const SELECT: u32 = id("select");
pub(super) const MI: u32 = id("mi");
pub(super) const MO: u32 = id("mo");
pub(super) const MN: u32 = id("mn");
pub(super) const MS: u32 = id("ms");
pub(super) const MTEXT: u32 = id("mtext");
pub(super) const DESC: u32 = id("desc");
pub(super) const FOREIGN_OBJECT: u32 = id("foreignobject");
pub(super) const MATH: u32 = id("math");
pub(super) const TITLE: u32 = id("title");
pub(super) const SCRIPT: u32 = id("script");
pub(super) const SPAN: u32 = id("span");
pub(super) const IMG: u32 = id("img");
pub(super) const META: u32 = id("meta");
pub(super) const STYLE: u32 = id("style");
pub(super) const NOSCRIPT: u32 = id("noscript");
pub(super) const TEMPLATE: u32 = id("template");
pub(super) const BODY: u32 = id("body");
pub(super) const HTML: u32 = id("html");
pub(super) const H1: u32 = id("h1");

/// Tag names met so far, interned: the [`KNOWN`] ones first, then the page's own.
pub(super) struct Names {
    ids: HashMap<Box<[u8]>, u32>,
    flags: Vec<u16>,
}

impl Names {
    pub(super) fn new() -> Self {
        let mut ids = HashMap::with_capacity(KNOWN.len() * 2);
        let mut flags = Vec::with_capacity(KNOWN.len() * 2);
        for (i, (name, flag)) in KNOWN.iter().enumerate() {
            ids.insert(name.as_bytes().into(), i as u32);
            flags.push(*flag);
        }
        Self { ids, flags }
    }

    pub(super) fn intern(&mut self, name: &[u8]) -> u32 {
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

    pub(super) fn flags(&self, id: u32) -> u16 {
        self.flags.get(id as usize).copied().unwrap_or(0)
    }
}

/// The [`KNOWN`] name for a raw-text element id (raw elements are all known).
pub(super) fn known_name(id: u32) -> &'static [u8] {
    KNOWN
        .get(id as usize)
        .map_or(&b""[..], |(name, _)| name.as_bytes())
}

//! Text helpers of the metadata readers: visible text of an element, folding, similarity, URLs.

use scraper::ElementRef;
use scraper::Html;
use scraper::Selector;

/// The non-blank text nodes after `headline` in document order (those inside it left
/// out), up to `stop` (the body's element, where the byline and date region ends), at
/// most `count` of them: where a template's byline and date lines stand.
pub(super) fn texts_after<'a>(
    headline: ElementRef<'a>,
    stop: Option<ElementRef<'a>>,
    count: usize,
) -> impl Iterator<Item = (ego_tree::NodeRef<'a, scraper::Node>, &'a str)> {
    std::iter::successors(Some(*headline), |node| node.parent())
        .take(MAX_ANCESTORS)
        .flat_map(|node| node.next_siblings())
        .flat_map(|sibling| sibling.descendants())
        .take_while(move |node| stop.is_none_or(|b| b.id() != node.id()))
        .filter_map(|node| Some((node, &**node.value().as_text()?)))
        .filter(|(_, text)| !text.trim().is_empty())
        .take(count)
}

/// Most elements examined per selector when looking for titles, bylines and dates.
pub(super) const MAX_CANDIDATES: usize = 200;
/// Most ancestors inspected when deciding whether an element sits in a comment, related
/// box, sidebar or footer.
pub(super) const MAX_ANCESTORS: usize = 64;
/// Longest text, in characters, kept from any one element or string.
pub(super) const MAX_FIELD_CHARS: usize = 2000;
/// The entries of a list file under `data/metadata/`: one per line, `#` lines and blank
/// lines skipped.
pub(super) fn data_lines(list: &'static str) -> Vec<&'static str> {
    crate::lexicon::list_lines(list).collect()
}

/// Parses a selector written in this file; they are all valid CSS.
pub(super) fn selector(css: &str) -> Selector {
    Selector::parse(css).unwrap_or_else(|_| unreachable!("invalid built-in selector {css}"))
}

/// The element's text, whitespace collapsed, at most `cap` characters. Block boundaries
/// and `<br>` become spaces; inline boundaries do not ("<b>Deutschlandticket</b>: Länder"
/// stays "Deutschlandticket: Länder"); scripts and styles are skipped.
pub(super) fn element_text(el: ElementRef, cap: usize) -> String {
    let mut text = String::new();
    push_visible_text(el, &mut text, true, cap.saturating_mul(4));
    let collapsed = collapse(&text);
    truncate_chars(&collapsed, cap).to_string()
}

/// Appends the text of `el` to `text`, without the text of scripts, styles and the other
/// [`is_hidden_tag`] elements; a space around each block element when `block_spaces`.
/// Stops after the text node that takes `text` past `limit` bytes.
pub(super) fn push_visible_text(
    el: ElementRef,
    text: &mut String,
    block_spaces: bool,
    limit: usize,
) {
    use ego_tree::iter::Edge;
    use scraper::Node;
    let mut hidden = 0_usize;
    for edge in el.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Text(t) if hidden == 0 => {
                    text.push_str(t);
                    if text.len() > limit {
                        break;
                    }
                }
                Node::Element(e) if hides(node, e) => hidden += 1,
                Node::Element(e) if block_spaces && is_block_tag(e.name()) => text.push(' '),
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(e) = node.value() {
                    if hides(node, e) {
                        hidden = hidden.saturating_sub(1);
                    } else if block_spaces && is_block_tag(e.name()) {
                        text.push(' ');
                    }
                }
            }
        }
    }
}

/// The parts every [`HIDDEN_TEXT_CLASSES`](crate::lexicon::HIDDEN_TEXT_CLASSES) token
/// holds one of.
static SCREEN_READER_MARKS: std::sync::LazyLock<[memchr::memmem::Finder<'static>; 3]> =
    std::sync::LazyLock::new(|| ["hidden", "-only", "-reader"].map(memchr::memmem::Finder::new));

/// Whether the element's content is not visible: a hidden tag, or words for screen
/// readers only. Punctuation for them stays: Die Zeit joins a kicker and its headline
/// with a hidden ": ", which the page's `<title>` shows.
fn hides(node: ego_tree::NodeRef<'_, scraper::Node>, element: &scraper::node::Element) -> bool {
    is_hidden_tag(element.name())
        || (element.attr("class").is_some_and(|class| {
            // Each of those tokens holds "hidden" or "-only" or "-reader": most classes
            // hold none, and one search of the bytes answers for them.
            SCREEN_READER_MARKS
                .iter()
                .any(|mark| mark.find(class.as_bytes()).is_some())
                && class
                    .split_ascii_whitespace()
                    .any(|token| crate::lexicon::HIDDEN_TEXT_CLASSES.contains(&token))
        }) && node.descendants().any(|d| {
            d.value()
                .as_text()
                .is_some_and(|t| t.chars().any(char::is_alphanumeric))
        }))
}

/// Tags whose content is not visible text.
pub(super) fn is_hidden_tag(name: &str) -> bool {
    matches!(name, "script" | "style" | "noscript" | "template" | "svg")
}

/// Tags that separate words: block elements and `<br>`.
pub(super) fn is_block_tag(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "br"
            | "dd"
            | "div"
            | "dl"
            | "dt"
            | "figcaption"
            | "figure"
            | "footer"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hr"
            | "li"
            | "main"
            | "nav"
            | "ol"
            | "p"
            | "section"
            | "table"
            | "tbody"
            | "td"
            | "tfoot"
            | "th"
            | "thead"
            | "tr"
            | "ul"
    )
}

pub(super) use crate::decode::collapse;

/// Text from JSON-LD or a `<meta>` value: HTML entities decoded (twice, as some CMSs
/// double-encode: "Chi&amp;#7871;n"), tags dropped, whitespace collapsed, NFC.
pub(super) fn clean_text(text: &str) -> String {
    let mut text = truncate_chars(text, MAX_FIELD_CHARS).to_string();
    for _ in 0..2 {
        if !(text.contains('&') || text.contains('<')) {
            break;
        }
        let fragment = Html::parse_fragment(&text);
        let decoded: String = fragment.root_element().text().collect();
        if decoded == text {
            break;
        }
        text = decoded;
    }
    crate::decode::nfc(&collapse(&text)).into_owned()
}

/// The longest prefix of `text` with at most `max` characters.
pub(super) fn truncate_chars(text: &str, max: usize) -> &str {
    match text.char_indices().nth(max) {
        Some((at, _)) => &text[..at],
        None => text,
    }
}

/// Lowercase letters and digits only, diacritics removed: compares names across spellings
/// ("Tuổi Trẻ Online" = "TUOI TRE ONLINE" = "tuoitreonline").
pub(super) fn fold(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    text.nfd()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'đ' { 'd' } else { c })
        .collect()
}

/// Distinct lowercase words of `text`.
pub(super) fn word_set(text: &str) -> Vec<String> {
    let mut words: Vec<String> = crate::lexicon::words(text).collect();
    words.sort();
    words.dedup();
    words
}

/// Dice coefficient of two sorted word sets.
pub(super) fn dice(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let common = a.iter().filter(|w| b.binary_search(w).is_ok()).count();
    #[allow(clippy::cast_precision_loss)]
    let score = 2.0 * common as f64 / (a.len() + b.len()) as f64;
    score
}

pub(super) fn looks_like_url(text: &str) -> bool {
    let lower = text.trim().to_ascii_lowercase();
    lower.starts_with("http://")
        || lower.starts_with("https://")
        || lower.starts_with("//")
        || lower.starts_with("www.")
}

/// "vnexpress.net", "Znews.vn", "VCCorp.vn": one word with a dot and a letter TLD.
pub(super) fn looks_like_domain(text: &str) -> bool {
    let text = text.trim();
    !text.contains(' ')
        && text.rsplit_once('.').is_some_and(|(head, tld)| {
            !head.is_empty() && tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic())
        })
}

/// A lowercase ASCII slug such as "cafef" or "baodautu".
pub(super) fn is_slug(text: &str) -> bool {
    !text.contains(' ')
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// Resolves `raw` against `base` when it is relative; returns it unchanged otherwise.
pub(super) fn resolve_url(raw: &str, base: Option<&url::Url>) -> String {
    let raw = raw.trim();
    if let Ok(absolute) = url::Url::parse(raw) {
        return absolute.to_string();
    }
    base.and_then(|b| b.join(raw).ok())
        .map_or_else(|| raw.to_string(), |u| u.to_string())
}

/// Most authors kept.
pub(super) const MAX_AUTHORS: usize = 10;

pub(super) fn is_all_upper(text: &str) -> bool {
    let mut letters = text.chars().filter(|c| c.is_alphabetic()).peekable();
    letters.peek().is_some() && letters.all(char::is_uppercase)
}

//! Reader comments and forum replies: the elements the segmenter found named after
//! comments (and, on a page typed forum, its repeated posts) in, one [`Comment`] per
//! item out, with its text, author and date. What the body already holds is left out, so
//! a comment is never both body and comment.
//!
//! Items are found by repetition: inside a comment region, the elements named after
//! comments are grouped by tag and first class token, and the most frequent group (the
//! shallowest on a tie) is the item; `li.comment` wins over the `div.comment-author` and
//! `div.comment-content` that each item holds once. A reply nested in an item is an item
//! of its own, and its text is not its parent's.

use std::hash::BuildHasher;
use std::sync::LazyLock;

use ego_tree::NodeId;
use foldhash::HashMap;
use scraper::{ElementRef, Html, Node};

use crate::body::Body;
use crate::lexicon::{self, list_lines};
use crate::metadata::{self, DateLocale};

/// One reader comment or forum reply.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Comment {
    /// The comment's text: its paragraphs, one per line, whitespace collapsed.
    pub text: String,
    /// The poster's name as the page shows it, without "says:" or "wrote:".
    pub author: Option<String>,
    /// When it was posted: RFC 3339 when the page's date reads as one (as
    /// [`Metadata::published`](crate::Metadata::published)), else as the page shows it.
    pub published: Option<String>,
}

/// Hashes the (class, id) keys of the class-hint cache; fixed, so a run is repeatable.
static HASHER: LazyLock<foldhash::fast::FixedState> =
    LazyLock::new(foldhash::fast::FixedState::default);

/// The vocabulary of `data/classes/comment_parts.txt`.
const COMMENT_PARTS: &str = include_str!("../data/classes/comment_parts.txt");

/// Most comments read from one page; a thread with more is cut there.
const MAX_COMMENTS: usize = 2000;
/// Most elements visited under one region, so a page whose comment class wraps the
/// whole document costs a bounded walk.
const MAX_REGION_ELEMENTS: usize = 200_000;
/// Definitions read after a definition list's term for one comment.
const MAX_DEFINITIONS_PER_TERM: usize = 8;
/// Longest author name kept, in characters; a longer "name" is a sentence.
const MAX_AUTHOR_CHARS: usize = 80;
/// Longest date text kept, in characters.
const MAX_DATE_CHARS: usize = 60;
/// Share of a comment's characters found in the body above which it is the body's
/// text (the opening post of a forum thread, or replies the wide scope kept).
const IN_BODY_SHARE: f64 = 0.5;
/// Longest first line of a comment read as its date line.
const MAX_DATE_LINE_CHARS: usize = 40;

/// A comment's first line when it is nothing but its date ("14.09.2011 13:05" under
/// the name, in an element the vocabulary does not name): the date, and the text after.
fn leading_date_line(text: &str, locale: DateLocale) -> Option<(String, String)> {
    let (first, rest) = text.split_once('\n')?;
    let first = first.trim();
    if first.chars().count() > MAX_DATE_LINE_CHARS
        || !lexicon::is_timestamp(first)
        || rest.chars().filter(|c| c.is_alphabetic()).count() < MIN_COMMENT_LETTERS
    {
        return None;
    }
    let date = metadata::date_text(first, locale)?;
    Some((date, rest.trim_start().to_string()))
}

/// Openings of a comment's credit line ("Posted by: Frank D. | March 03, 2011 at 11:47
/// AM", TypePad's and Movable Type's comment footer), lower-cased.
const CREDIT_LINE_OPENINGS: [&str; 3] = ["posted by:", "posted by", "written by"];

/// The poster and the date of a comment's credit line, a line of `item` outside its text
/// element that opens with [`CREDIT_LINE_OPENINGS`] and gives the name, then after a
/// `|` or "on" the date ("Written by Faith Cox on Jul 5th 2022").
fn credit_line(
    item: ElementRef,
    nested: &dyn Fn(ElementRef) -> bool,
    locale: DateLocale,
) -> Option<(Option<String>, Option<String>)> {
    text_of(item, nested).lines().rev().find_map(|line| {
        let line = line.trim();
        let lower = line.to_lowercase();
        let opening = CREDIT_LINE_OPENINGS
            .iter()
            .find(|opening| lower.starts_with(**opening))?;
        let credit = line.get(opening.len()..)?.trim();
        let (name, date) = credit
            .split_once('|')
            .or_else(|| credit.split_once(" on "))
            .unwrap_or((credit, ""));
        let author = name_line(name.trim());
        let published = metadata::date_text(date.trim(), locale);
        (author.is_some() || published.is_some()).then_some((author, published))
    })
}

/// Lines of an item read for a date line above its text element.
const MAX_HEADER_LINES: usize = 6;

/// A line among the first of `item` ([`MAX_HEADER_LINES`]) that is nothing but a date:
/// a post's header row above its text ("#2", "03-14-2009, 10:40 PM", the poster's name).
fn header_date_line(
    item: ElementRef,
    skip: &dyn Fn(ElementRef) -> bool,
    locale: DateLocale,
) -> Option<String> {
    text_of(item, skip)
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .take(MAX_HEADER_LINES)
        .filter(|line| line.chars().count() <= MAX_DATE_LINE_CHARS && lexicon::is_timestamp(line))
        .find_map(|line| metadata::date_text(line, locale))
}

/// Share of link text from which an item is a teaser, not a comment.
const MAX_LINK_SHARE: f64 = 0.5;
/// Fewest letters in a comment: fewer is a counter ("12") or an empty shell.
const MIN_COMMENT_LETTERS: usize = 2;
/// Fewest words of a class token for the contains-match of the vocabulary (shorter
/// words only match a whole token or a `-`/`_` part).
const MIN_CONTAINED_WORD_CHARS: usize = 6;

/// A part of a comment named by the vocabulary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Part {
    Opening,
    Post,
    Author,
    Date,
    Content,
    Skip,
}

impl Part {
    /// The bit of this part in a mask of parts.
    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// Word → mask of the parts it names (a word may name several: "message" is a post and
/// a text element).
static PARTS: LazyLock<HashMap<&'static str, u8>> = LazyLock::new(|| {
    let mut parts: HashMap<&'static str, u8> = HashMap::default();
    for line in list_lines(COMMENT_PARTS) {
        let Some((part, word)) = line.split_once(char::is_whitespace) else {
            continue;
        };
        let part = match part {
            "opening" => Part::Opening,
            "post" => Part::Post,
            "author" => Part::Author,
            "date" => Part::Date,
            "content" => Part::Content,
            "skip" => Part::Skip,
            _ => continue,
        };
        *parts.entry(word.trim()).or_default() |= part.bit();
    }
    parts
});

/// The words long enough to match inside a token ("commentauthor"), with their masks.
static CONTAINED_WORDS: LazyLock<Vec<(&'static str, u8)>> = LazyLock::new(|| {
    PARTS
        .iter()
        .filter(|(word, _)| word.len() >= MIN_CONTAINED_WORD_CHARS)
        .map(|(word, mask)| (*word, *mask))
        .collect()
});

/// The parts a class or id token names: the whole token, one of its `-`/`_` pieces, or
/// a long word inside it.
fn token_parts(token: &str) -> u8 {
    let lower: std::borrow::Cow<str> = if token.bytes().any(|b| b.is_ascii_uppercase()) {
        token.to_ascii_lowercase().into()
    } else {
        token.into()
    };
    let mut mask = PARTS.get(lower.as_ref()).copied().unwrap_or(0);
    let pieces = lower.split(['-', '_']).count();
    for (at, piece) in lower.split(['-', '_']).enumerate() {
        let mut parts = PARTS.get(piece).copied().unwrap_or(0);
        // A name is the token's head or tail ("user-name", "author-link"); inside it,
        // "name" is a naming scheme's ("field-name-comment-body" holds the comment).
        if at != 0 && at + 1 != pieces {
            parts &= !Part::Author.bit();
        }
        mask |= parts;
    }
    for (word, parts) in CONTAINED_WORDS.iter() {
        if mask & parts != *parts && lower.contains(word) {
            mask |= parts;
        }
    }
    mask
}

/// The tokens that name an element's part: its class, its id, and its `data-role`
/// (Invision Community names the parts so: "commentContent").
fn name_tokens<'a>(element: ElementRef<'a>) -> impl Iterator<Item = &'a str> {
    let value = element.value();
    value
        .attr("class")
        .into_iter()
        .chain(value.attr("id"))
        .chain(value.attr("data-role"))
        .flat_map(str::split_whitespace)
}

/// The parts the element's class and id tokens (and `itemprop="author"`) name.
fn parts_of(element: ElementRef) -> u8 {
    let value = element.value();
    let mut mask = name_tokens(element).fold(0, |mask, token| mask | token_parts(token));
    if value
        .attr("itemprop")
        .is_some_and(|p| p.eq_ignore_ascii_case("author"))
    {
        mask |= Part::Author.bit();
    }
    mask
}

/// Whether the element's class or id names `part`.
fn names(element: ElementRef, part: Part) -> bool {
    parts_of(element) & part.bit() != 0
}

/// The grouping key of an item: its tag and first class token.
fn signature(element: ElementRef) -> (String, String) {
    let value = element.value();
    let first = value
        .attr("class")
        .and_then(|c| c.split_whitespace().next())
        .unwrap_or("");
    (value.name().to_string(), first.to_ascii_lowercase())
}

/// Elements whose contents are never comment text.
fn is_unread(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "button"
            | "textarea"
            | "select"
            | "svg"
            | "img"
            | "iframe"
            | "input"
    )
}

/// Elements that end a line of text.
fn breaks_line(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "br"
            | "li"
            | "ul"
            | "ol"
            | "blockquote"
            | "pre"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "tr"
            | "td"
            | "th"
            | "table"
            | "section"
            | "article"
            | "dd"
            | "dt"
            | "dl"
            | "header"
            | "footer"
            | "figure"
    )
}

/// The text under `root`, a line per block, leaving out the subtrees `skip` names.
fn text_of(root: ElementRef, skip: &dyn Fn(ElementRef) -> bool) -> String {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut stack = vec![(*root, true)];
    let end_line = |line: &mut String, lines: &mut Vec<String>| {
        let squashed = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if !squashed.is_empty() {
            lines.push(squashed);
        }
        line.clear();
    };
    // An explicit stack instead of recursion: deep markup cannot overflow it.
    while let Some((node, opening)) = stack.pop() {
        match node.value() {
            Node::Text(text) if opening => line.push_str(text),
            Node::Element(element) => {
                let name = element.name();
                if !opening {
                    if breaks_line(name) {
                        end_line(&mut line, &mut lines);
                    }
                    continue;
                }
                let Some(child) = ElementRef::wrap(node) else {
                    continue;
                };
                if is_unread(name) || (node.id() != root.id() && skip(child)) {
                    continue;
                }
                if breaks_line(name) {
                    end_line(&mut line, &mut lines);
                }
                stack.push((node, false));
                let children: Vec<_> = node.children().collect();
                stack.extend(children.into_iter().rev().map(|c| (c, true)));
            }
            _ => {}
        }
    }
    end_line(&mut line, &mut lines);
    lines.join("\n")
}

/// The outermost elements under `item` (itself excluded, `nested` items left out) that
/// `wanted` accepts, in document order, found lazily: the walk does not enter them.
fn outermost_under<'a, 'f>(
    item: ElementRef<'a>,
    nested: &'f dyn Fn(ElementRef) -> bool,
    wanted: &'f dyn Fn(ElementRef) -> bool,
) -> impl Iterator<Item = ElementRef<'a>> + 'f
where
    'a: 'f,
{
    let mut stack: Vec<ElementRef<'a>> = item.children().filter_map(ElementRef::wrap).collect();
    stack.reverse();
    std::iter::from_fn(move || {
        while let Some(element) = stack.pop() {
            if nested(element) || is_unread(element.value().name()) {
                continue;
            }
            if wanted(element) {
                return Some(element);
            }
            let children: Vec<_> = element.children().filter_map(ElementRef::wrap).collect();
            stack.extend(children.into_iter().rev());
        }
        None
    })
}

/// The first element under `item` (itself excluded, `nested` items left out) that
/// `wanted` accepts, in document order.
fn first_under<'a>(
    item: ElementRef<'a>,
    nested: &dyn Fn(ElementRef) -> bool,
    wanted: &dyn Fn(ElementRef) -> bool,
) -> Option<ElementRef<'a>> {
    outermost_under(item, nested, wanted).next()
}

/// The innermost element under `element` (itself if none) that `wanted` accepts, going
/// down through the first accepted element at each level.
fn innermost<'a>(
    mut element: ElementRef<'a>,
    nested: &dyn Fn(ElementRef) -> bool,
    wanted: &dyn Fn(ElementRef) -> bool,
) -> ElementRef<'a> {
    while let Some(inner) = first_under(element, nested, wanted) {
        element = inner;
    }
    element
}

/// The poster's name: the innermost element named after an author, its first line,
/// without the "says:" a theme appends or the "by" a forum puts before it.
fn author_of(item: ElementRef, nested: &dyn Fn(ElementRef) -> bool) -> Option<String> {
    let is_author = |e: ElementRef| {
        let parts = parts_of(e);
        parts & Part::Author.bit() != 0 && parts & Part::Skip.bit() == 0
    };
    let declared = |e: ElementRef| {
        e.value()
            .attr("itemprop")
            .is_some_and(|p| p.eq_ignore_ascii_case("author"))
    };
    let author =
        first_under(item, nested, &declared).or_else(|| first_under(item, nested, &is_author))?;
    let author = innermost(author, nested, &is_author);
    // Themes link the name to the poster's profile: the link's text is the name alone.
    let link = first_under(author, nested, &|e| {
        e.value().name() == "a" && !text_of(e, &|_| false).is_empty()
    });
    let text = text_of(link.unwrap_or(author), &|e| {
        names(e, Part::Date) || is_time(e)
    });
    name_line(&text)
}

/// The poster's name in the first line of `text`, without the "says:" a theme appends or
/// the "by" a forum puts before it; `None` when empty or longer than a name.
fn name_line(text: &str) -> Option<String> {
    let mut name = text.split('\n').next().unwrap_or("").trim();
    if ends_with_saying(name) {
        name = name
            .rsplit_once(' ')
            .map_or(name, |(head, _)| head)
            .trim_end();
    }
    let name = name.strip_prefix("by ").unwrap_or(name).trim();
    let chars = name.chars().count();
    (chars > 0 && chars <= MAX_AUTHOR_CHARS).then(|| name.to_string())
}

/// The comment a definition list's term opens: `item` is a `dt` followed by `dd`
/// siblings (up to the next `dt`); the first `dd` named after content (else the first)
/// holds the text, the others the date. `None` when `item` is no such term or the text
/// reads as no comment.
fn definition_comment(item: ElementRef, locale: DateLocale) -> Option<Comment> {
    if item.value().name() != "dt" {
        return None;
    }
    let definitions: Vec<ElementRef> = item
        .next_siblings()
        .filter_map(ElementRef::wrap)
        .take_while(|e| e.value().name() != "dt")
        .filter(|e| e.value().name() == "dd")
        .take(MAX_DEFINITIONS_PER_TERM)
        .collect();
    let content = definitions
        .iter()
        .find(|dd| names(**dd, Part::Content))
        .or_else(|| definitions.first())?;
    let none = |_: ElementRef| false;
    let skip = |e: ElementRef| parts_of(e) & Part::Skip.bit() != 0 || is_time(e);
    let text = text_of(*content, &skip);
    if text.chars().filter(|c| c.is_alphabetic()).count() < MIN_COMMENT_LETTERS
        || text.lines().all(lexicon::is_cruft_heading_or_line)
    {
        return None;
    }
    let author = author_of(item, &none).or_else(|| name_line(&text_of(item, &none)));
    let published = definitions
        .iter()
        .filter(|dd| dd.id() != content.id())
        .find_map(|dd| date_of(*dd, &none, locale));
    Some(Comment {
        text,
        author,
        published,
    })
}

/// Whether a name line ends with a verb of saying ("says:", "wrote:", "said...", "nói:").
fn ends_with_saying(line: &str) -> bool {
    let last = line
        .trim_end_matches([':', '.', '…'])
        .rsplit(' ')
        .next()
        .unwrap_or("")
        .to_lowercase();
    line.contains(' ') && matches!(last.as_str(), "says" | "said" | "wrote" | "nói" | "viết")
}

fn is_time(element: ElementRef) -> bool {
    element.value().name() == "time"
}

/// When the item was posted: a `<time>`'s `datetime`, else an element named after a
/// date (a `datetime` attribute in it when that holds digits, else its text).
fn date_of(
    item: ElementRef,
    nested: &dyn Fn(ElementRef) -> bool,
    locale: DateLocale,
) -> Option<String> {
    let named_date = |e: ElementRef| names(e, Part::Date);
    let element =
        first_under(item, nested, &is_time).or_else(|| first_under(item, nested, &named_date))?;
    // A date line that holds the poster's name too (`div.comment-meta` around the name
    // and `a.comment-date`): the innermost element named after the date.
    let element = innermost(element, nested, &named_date);
    // The machine-readable form may sit on an inner element. Only `datetime` is read:
    // the pre-scan drops the attributes no stage reads, `title` among them.
    let attribute = element
        .descendants()
        .filter_map(ElementRef::wrap)
        .filter_map(|e| e.value().attr("datetime"))
        .find(|v| v.chars().any(|c| c.is_ascii_digit()));
    let text = match attribute {
        Some(value) => value.trim().to_string(),
        None => text_of(element, &|_| false).replace('\n', " "),
    };
    if text.is_empty() || text.chars().count() > MAX_DATE_CHARS {
        return None;
    }
    if let Some(date) = metadata::date_text(&text, locale) {
        return Some(date);
    }
    // A meta line that holds the name too ("Tom Achterberg · Mar 12"): the date is its
    // innermost part holding a figure.
    let part = attribute.is_none().then(|| {
        element
            .descendants()
            .filter_map(ElementRef::wrap)
            .filter(|e| !e.children().any(|c| c.value().is_element()))
            .map(|e| text_of(e, &|_| false).replace('\n', " "))
            .find(|t| t.chars().any(|c| c.is_ascii_digit()) && t.len() < text.len())
    });
    match part.flatten() {
        Some(part) => Some(metadata::date_text(&part, locale).unwrap_or(part)),
        None => Some(text),
    }
}

/// How [`items_of`] picks the group of items among the groups of one signature.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ItemChoice {
    /// The most frequent group: comment and post markup names each item once, and its
    /// parts (author, text) at most once per item.
    MostFrequent,
    /// The group of two or more holding the most text: review widgets repeat their parts
    /// (stars, reviewer facts) several times per review, so the most frequent group is
    /// a part, and the review is the group that holds the text.
    MostText,
}

/// The items of a region: its elements of one signature among those `candidate` accepts,
/// the group chosen by `choice` (the shallowest group on a tie).
fn items_of<'a>(
    region: ElementRef<'a>,
    candidate: &dyn Fn(ElementRef) -> bool,
    choice: ItemChoice,
) -> Vec<NodeId> {
    let mut groups: HashMap<(String, String), (Vec<NodeId>, usize)> = HashMap::default();
    for (visited, node) in region.descendants().enumerate() {
        if visited > MAX_REGION_ELEMENTS {
            break;
        }
        let Some(element) = ElementRef::wrap(node) else {
            continue;
        };
        if node.id() == region.id() || !candidate(element) {
            continue;
        }
        let depth = node.ancestors().count();
        let group = groups.entry(signature(element)).or_default();
        group.0.push(node.id());
        group.1 += depth;
    }
    let tree = region.tree();
    let text_of_group = |group: &(Vec<NodeId>, usize)| -> usize {
        match choice {
            ItemChoice::MostFrequent => 0,
            ItemChoice::MostText => group
                .0
                .iter()
                .filter_map(|&id| tree.get(id).and_then(ElementRef::wrap))
                .map(text_chars)
                .sum(),
        }
    };
    groups
        .into_values()
        .filter(|group| choice == ItemChoice::MostFrequent || group.0.len() >= 2)
        .map(|group| (text_of_group(&group), group))
        .max_by(|(a_text, a), (b_text, b)| {
            let mean = |g: &(Vec<NodeId>, usize)| g.1 as f64 / g.0.len() as f64;
            // The last tie-break, the group that starts first, keeps the choice the
            // same from run to run (the map's order is not).
            a_text
                .cmp(b_text)
                .then_with(|| a.0.len().cmp(&b.0.len()))
                .then_with(|| mean(b).total_cmp(&mean(a)))
                .then_with(|| b.0.first().cmp(&a.0.first()))
        })
        .map(|(_, (ids, _))| lift(region, ids))
        .unwrap_or_default()
}

/// Items one level up while each sits alone in a parent of the same tag: the group
/// found may be a part every item holds once (`li > div.cmt-user + div.cmt-txt`), and
/// the item is the element they share. `li.comment` items share their list, so they
/// stay.
fn lift(region: ElementRef, mut items: Vec<NodeId>) -> Vec<NodeId> {
    let tree = region.tree();
    loop {
        let parents: Vec<_> = items
            .iter()
            .filter_map(|&id| tree.get(id)?.parent())
            .collect();
        let Some(first) = parents.first() else {
            return items;
        };
        let tag = |node: &ego_tree::NodeRef<Node>| {
            node.value().as_element().map(|e| e.name().to_string())
        };
        let mut ids: Vec<NodeId> = parents.iter().map(|p| p.id()).collect();
        ids.sort_unstable();
        ids.dedup();
        let distinct = ids.len() == items.len() && parents.len() == items.len();
        if !distinct
            || items.len() < 2
            || parents
                .iter()
                .any(|p| p.id() == region.id() || tag(p) != tag(first) || tag(p).is_none())
        {
            return items;
        }
        items = ids;
    }
}

/// The posts of a forum thread or Q&A page in page order: the most frequent group of
/// elements whose first class token names a post (`div.post`, `div.answer`,
/// `article.message`); empty when fewer than two.
pub(crate) fn forum_posts(document: &Html) -> Vec<NodeId> {
    let is_post = |e: ElementRef| first_token_is(e, Part::Post);
    let mut posts = items_of(document.root_element(), &is_post, ItemChoice::MostFrequent);
    if posts.is_empty() {
        // Older boards name a post by its number only (vBulletin 3's `table#post1001`).
        let numbered = |e: ElementRef| e.value().id().is_some_and(is_numbered_post_id);
        posts = items_of(document.root_element(), &numbered, ItemChoice::MostFrequent);
    }
    posts.sort_unstable();
    // A question before its answers opens the thread.
    if let Some(&first) = posts.first() {
        let opening = document.root_element().descendants().find(|node| {
            node.id() < first
                && ElementRef::wrap(*node).is_some_and(|e| first_token_is(e, Part::Opening))
        });
        if let Some(opening) = opening {
            posts.insert(0, opening.id());
        }
    }
    if posts.len() < 2 {
        posts.clear();
    }
    posts
}

/// Whether an id names a post by its number: "post1001", "post_1001", "post-1001".
fn is_numbered_post_id(id: &str) -> bool {
    id.get(..4)
        .is_some_and(|head| head.eq_ignore_ascii_case("post"))
        .then(|| id[4..].trim_start_matches(['-', '_']))
        .is_some_and(|number| !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether the element's first class token is a word of `part`.
fn first_token_is(element: ElementRef, part: Part) -> bool {
    element
        .value()
        .attr("class")
        .and_then(|c| c.split_whitespace().next())
        .is_some_and(|first| {
            PARTS
                .get(first.to_ascii_lowercase().as_str())
                .is_some_and(|mask| mask & part.bit() != 0)
        })
}

/// Where a post's text is: its element named after content (`div.content`,
/// `div.js-post-body`), else the post itself.
pub(crate) fn post_content(document: &Html, post: NodeId) -> NodeId {
    let Some(element) = document.tree.get(post).and_then(ElementRef::wrap) else {
        return post;
    };
    content_of(element, &|_| false).map_or(post, |content| content.id())
}

/// The innermost element under `item` named after content (`div#post_content12 >
/// div.content`), nested items, quotes and embedded cards left out.
fn content_of<'a>(
    item: ElementRef<'a>,
    nested: &dyn Fn(ElementRef) -> bool,
) -> Option<ElementRef<'a>> {
    // A quote or an embedded card (Discourse's `aside.onebox` > `article.onebox-body`)
    // holds someone else's text, not the post's, unless it is named the content itself
    // (a theme's `blockquote.entry-content` comment text).
    let nested = |e: ElementRef| {
        nested(e) || (matches!(e.value().name(), "aside" | "blockquote") && !is_named_content(e))
    };
    let (mut content, mut chars) = largest_under(item, &nested, &is_named_content)?;
    // Inward while an inner content element holds most of the text (a XenForo post's
    // `message-inner` > `message-cell--main` > `message-content`), past the small ones
    // a theme also names after the message (`message-avatar`).
    while let Some((inner, inner_chars)) = largest_under(content, &nested, &is_named_content)
        && inner_chars * 2 >= chars
    {
        (content, chars) = (inner, inner_chars);
    }
    Some(content)
}

/// Whether `element` is a `<form>` that holds the comment's text: named like a form
/// (old Reddit's `form#form-t1_…`, whose "form" is a skip word) around an element named
/// after content (`div.usertext-body`). A reply form holds a `<textarea>`, never read.
fn is_text_form(element: ElementRef, nested: &dyn Fn(ElementRef) -> bool) -> bool {
    element.value().name() == "form"
        && outermost_under(element, nested, &is_named_content)
            .next()
            .is_some()
}

/// Whether the element's class or id names a post's text ("content", "message", "body")
/// and nothing that is no text (a skip part, the author).
fn is_named_content(element: ElementRef) -> bool {
    let parts = parts_of(element);
    parts & Part::Content.bit() != 0 && parts & (Part::Skip.bit() | Part::Author.bit()) == 0
}

/// Characters of text under `element`.
fn text_chars(element: ElementRef) -> usize {
    element.text().map(|t| t.trim().chars().count()).sum()
}

/// Of the outermost elements under `item` that are `wanted` (nested items left out), the
/// one with the most text (the first of equals), and its [`text_chars`].
fn largest_under<'a>(
    item: ElementRef<'a>,
    nested: &dyn Fn(ElementRef) -> bool,
    wanted: &dyn Fn(ElementRef) -> bool,
) -> Option<(ElementRef<'a>, usize)> {
    outermost_under(item, nested, wanted)
        .map(|element| (element, text_chars(element)))
        .fold(None, |best, (element, chars)| match best {
            Some((_, most)) if chars <= most => best,
            _ => Some((element, chars)),
        })
}

/// Whether a region is a comment form or a "leave a reply" box, not comments. A setting
/// about the form (Astra's `comment-form-position-below` on the comments area) does
/// not make one.
fn is_form_region(region: ElementRef) -> bool {
    name_tokens(region).any(|token| {
        token_parts(token) & Part::Skip.bit() != 0
            && !lexicon::is_setting_token(&token.to_ascii_lowercase())
    })
}

/// `text` without its lines that are only a call to action ("Click to expand...",
/// "Reply"): controls of the comment widget read as text.
fn without_controls(text: &str) -> String {
    if !text.lines().any(lexicon::is_call_to_action) {
        return text.to_string();
    }
    text.lines()
        .filter(|line| !lexicon::is_call_to_action(line))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Reads the comments of a page: the items of each outermost comment region and review
/// region (`review_nodes`: a product page's customer reviews, else empty), and a forum's
/// `posts` ([`forum_posts`]); what the body holds is left out. Dates are read as the
/// page's `locale` writes them (its offset for times that give none, its day and month
/// order).
pub(crate) fn read(
    document: &Html,
    comment_nodes: &[NodeId],
    review_nodes: &[NodeId],
    posts: &[NodeId],
    body: &Body,
    locale: DateLocale,
) -> Vec<Comment> {
    let mut items: Vec<NodeId> = Vec::new();
    let mut regions: foldhash::HashSet<NodeId> = foldhash::HashSet::default();
    // Class hints per (class, id), as the segmenter caches them: comment lists repeat
    // the same few class attributes.
    let hints: std::cell::RefCell<HashMap<u64, lexicon::ClassHint>> = std::cell::RefCell::default();
    let regions_of_kind = comment_nodes
        .iter()
        .map(|&id| (id, false))
        .chain(review_nodes.iter().map(|&id| (id, true)));
    for (id, reviews) in regions_of_kind {
        let Some(node) = document.tree.get(id) else {
            continue;
        };
        if node.ancestors().any(|a| regions.contains(&a.id())) {
            continue;
        }
        regions.insert(id);
        let Some(region) = ElementRef::wrap(node) else {
            continue;
        };
        if is_form_region(region) {
            continue;
        }
        let is_comment = |e: ElementRef| {
            let value = e.value();
            let (class, id) = (value.attr("class"), value.attr("id"));
            if class.is_none() && id.is_none() {
                return false;
            }
            let key = HASHER.hash_one((class, id));
            let hint = *hints
                .borrow_mut()
                .entry(key)
                .or_insert_with(|| lexicon::class_hint(class, id));
            let named = if reviews { hint.reviews } else { hint.comments };
            // An empty anchor named after a comment (Drupal's `<a id="comment-881">`
            // before each comment) marks a place, it holds no comment.
            named
                && !names(e, Part::Skip)
                && e.text().any(|text| text.chars().any(char::is_alphanumeric))
        };
        let choice = if reviews {
            ItemChoice::MostText
        } else {
            ItemChoice::MostFrequent
        };
        items.extend(items_of(region, &is_comment, choice));
    }
    items.extend_from_slice(posts);
    if items.is_empty() {
        return Vec::new();
    }
    // Node ids grow in parsing order, which is document order for these elements.
    items.sort_unstable();
    items.dedup();

    // Rendered lines are whitespace-collapsed already, as comment lines are.
    let body_text = crate::render::to_text(body);
    let body_text = BodyText::new(&body_text);
    let item_set: foldhash::HashSet<NodeId> = items.iter().copied().collect();

    let mut comments = Vec::new();
    for &id in &items {
        if comments.len() >= MAX_COMMENTS {
            break;
        }
        let Some(item) = document.tree.get(id).and_then(ElementRef::wrap) else {
            continue;
        };
        // A comment form's fields ("Your name *") are not comments.
        if item
            .ancestors()
            .any(|a| a.value().as_element().is_some_and(|e| e.name() == "form"))
        {
            continue;
        }
        // A definition list's comment: the term names the poster, the definitions after
        // it hold the text and the date (Blogger's classic `dt.comment-author` /
        // `dd.comment-body` / `dd.comment-footer`).
        if let Some(comment) = definition_comment(item, locale) {
            if !in_body(&comment.text, &body_text) {
                comments.push(comment);
            }
            continue;
        }
        let nested = |e: ElementRef| item_set.contains(&e.id()) && e.id() != id;
        let not_text = Part::Skip.bit() | Part::Author.bit() | Part::Date.bit();
        let skip = |e: ElementRef| {
            nested(e)
                || (parts_of(e) & not_text != 0 && !is_text_form(e, &nested))
                || is_time(e)
                || (e.id() != id && regions.contains(&e.id()))
        };
        let content = content_of(item, &nested);
        let text = match content {
            Some(content) => text_of(content, &skip),
            None => text_of(item, &skip),
        };
        if text.lines().all(lexicon::is_cruft_heading_or_line) {
            continue;
        }
        // A quote's "Click to expand..." and the like are the widget's, not the poster's.
        let text = without_controls(&text);
        if text.chars().filter(|c| c.is_alphabetic()).count() < MIN_COMMENT_LETTERS
            || in_body(&text, &body_text)
        {
            continue;
        }
        if link_share(item, &skip) >= MAX_LINK_SHARE {
            continue;
        }
        let mut author = author_of(item, &nested);
        let mut published = date_of(item, &nested, locale);
        if (author.is_none() || published.is_none())
            && content.is_some()
            && let Some((credited, dated)) = credit_line(item, &nested, locale)
        {
            author = author.or(credited);
            published = published.or(dated);
        }
        let mut text = text;
        if published.is_none()
            && let Some((date, rest)) = leading_date_line(&text, locale)
        {
            published = Some(date);
            text = rest;
        }
        if published.is_none() && content.is_some() {
            // The post's header row, outside its text element (vBulletin 3's `td.thead`).
            published = header_date_line(item, &skip, locale);
        }
        // Without a name or a date, only a text element in a thread of several says
        // comment: a lone "Loading comments..." or "Discussion" is the widget's own.
        if author.is_none() && published.is_none() && (content.is_none() || items.len() < 2) {
            continue;
        }
        // A page that renders its comment list twice (a mobile and a desktop copy) has
        // each comment once.
        if comments
            .iter()
            .any(|seen: &Comment| seen.text == text && seen.author == author)
        {
            continue;
        }
        comments.push(Comment {
            text,
            author,
            published,
        });
    }
    comments
}

/// Share of the item's text inside links: a teaser is mostly its title link, a comment
/// mostly plain words.
fn link_share(item: ElementRef, skip: &dyn Fn(ElementRef) -> bool) -> f64 {
    let all = text_of(item, skip).chars().count();
    if all == 0 {
        return 0.0;
    }
    let mut linked = 0;
    let mut stack = vec![item];
    while let Some(element) = stack.pop() {
        for child in element.children().filter_map(ElementRef::wrap) {
            if is_unread(child.value().name()) || skip(child) {
                continue;
            }
            if child.value().name() == "a" {
                linked += text_of(child, skip).chars().count();
            } else {
                stack.push(child);
            }
        }
    }
    linked as f64 / all as f64
}

/// Most bytes of body text searched for comment lines that are not a body line of their
/// own, over one page: a thread of 2,000 replies read in the wide scope, each searched
/// through a 250 KB body, cost 4 G instructions. Past it only whole lines are matched.
const MAX_IN_BODY_SEARCH_BYTES: usize = 64 << 20;

/// The body's text, for [`BodyText::holds`].
struct BodyText<'a> {
    text: &'a str,
    lines: foldhash::HashSet<&'a str>,
    /// Bytes of body text left to search (see [`MAX_IN_BODY_SEARCH_BYTES`]).
    search_budget: std::cell::Cell<usize>,
}

impl<'a> BodyText<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            text,
            lines: text.lines().map(str::trim).collect(),
            search_budget: std::cell::Cell::new(MAX_IN_BODY_SEARCH_BYTES),
        }
    }

    /// Whether `line` is in the body: one of its lines, or inside one.
    fn holds(&self, line: &str) -> bool {
        if self.lines.contains(line.trim()) {
            return true;
        }
        let budget = self.search_budget.get();
        if budget < self.text.len() {
            return false;
        }
        self.search_budget.set(budget - self.text.len());
        self.text.contains(line)
    }
}

/// Whether most of the comment's lines are in the body.
fn in_body(text: &str, body: &BodyText) -> bool {
    if body.text.is_empty() {
        return false;
    }
    let (mut found, mut total) = (0_usize, 0_usize);
    for line in text.lines() {
        let chars = line.chars().count();
        total += chars;
        if body.holds(line) {
            found += chars;
        }
    }
    total > 0 && found as f64 >= IN_BODY_SHARE * total as f64
}

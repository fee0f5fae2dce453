//! The page's candidate elements (gathered in one walk), the selectors that find them, the
//! layout anchors, and the excluded regions (comments, related boxes, sidebars, footers)
//! whose text is never read.

use super::text::{MAX_ANCESTORS, MAX_CANDIDATES, element_text, selector};
use foldhash::HashMap;
use foldhash::HashMapExt;
use foldhash::HashSet;
use scraper::ElementRef;
use scraper::Html;
use scraper::Selector;
use std::sync::LazyLock;

/// Shortest text, in characters, of a body container found by selector: a template's empty
/// or teaser `<article>` holds less.
pub(super) const MIN_BODY_CHARS: usize = 200;
/// Class/id substrings of regions that never hold the article's own title, byline or date.
pub(super) static EXCLUDED_REGION_STEMS: LazyLock<Vec<&'static str>> =
    LazyLock::new(crate::lexicon::furniture_region_stems);

/// Tags whose content is never the article's own title, byline or date.
pub(super) const EXCLUDED_REGION_TAGS: &[&str] = &["aside", "footer", "nav"];

/// Visible byline selectors, most specific first.
pub(super) const BYLINE_SELECTORS: &[&str] = &[
    "[itemprop=author] [itemprop=name]",
    "div.author-info a.name",
    ".article-detail-author",
    "[data-role=author]",
    ".author-name, .author_name, .authorName, .name-author, .author-title",
    "[rel=author]",
    ".cms-author a.name, .author a.name",
    ".detail-author, .article__author, .article-author, .post-author, .entry-author",
    ".byline, .author, .tacgia, .tac-gia, .author-info, .article-credit, .the-article-author",
    "[itemprop=author]",
    // Last resort: any author-ish class ("author-make"); the text must still read as names.
    // Not a shop's "authorization-link" ("Sign In").
    // Nor `<body>`, whose class may name a theme setting ("tweak-blog-item-show-author-name").
    "[class*=author]:not([class*=authoriz]):not(body), [class*=byline]:not(body)",
];

/// Visible headline selectors besides `h1`, for templates that style a `div` as the title.
pub(super) const HEADLINE_SELECTOR: &str = "h1, [itemprop=headline], [class*=title-detail], \
    [class*=detail-title], [class*=article-title], [class*=article__title], \
    [class*=title_news], [class*=news-title], [class*=post-title], [class*=entry-title], \
    [class*=the-article-title], [class*=headline], [class*=maintitle], [class*=topic-title], \
    [class*=threadtitle], [class*=thread-title], [class*=contentheading]";

/// Elements that may hold the visible date line under the headline.
pub(super) const DATE_LINE_SELECTOR: &str = "time, [itemprop=datePublished], [data-role=publishdate], \
    [class*=date i], [class*=time i], [class*=publish i], [class*=ngay i], [class*=datum i], \
    [class*=fecha i], [class*=tarih i], [id*=date i], [id*=time i], [class*=postmetadata i]";

/// Containers of the article body, most specific first; the signature closing the body is
/// looked for in the first one present.
pub(super) const BODY_SELECTORS: &[&str] = &[
    "[itemprop=articleBody]",
    "article.fck_detail, .fck_detail",
    ".detail-content, .detail__content, .content-detail",
    ".article__body, .article-body, .article-content, .the-article-body",
    ".singular-content, .maincontent, .main-content, .post-content, .entry-content",
    ".content-fck, .news-content, .ArticleContent, #article-body",
    "article",
];

pub(super) static TITLE: LazyLock<Selector> = LazyLock::new(|| selector("head title, title"));
pub(super) static HEADLINES: LazyLock<Selector> = LazyLock::new(|| selector(HEADLINE_SELECTOR));
pub(super) static H1: LazyLock<Selector> = LazyLock::new(|| selector("h1"));
pub(super) static HTML_LANG: LazyLock<Selector> = LazyLock::new(|| selector("html[lang]"));
pub(super) static CANONICAL: LazyLock<Selector> =
    LazyLock::new(|| selector("link[rel~=canonical][href]"));
pub(super) static IMAGE_SRC: LazyLock<Selector> =
    LazyLock::new(|| selector("link[rel~=image_src][href]"));
pub(super) static DATE_LINES: LazyLock<Selector> = LazyLock::new(|| selector(DATE_LINE_SELECTOR));
pub(super) static ARTICLE_BODY: LazyLock<Selector> =
    LazyLock::new(|| selector("[itemprop=articleBody]"));
pub(super) static TIMES: LazyLock<Selector> = LazyLock::new(|| selector("time[datetime]"));
pub(super) static ITEMPROP_PUBLISHED: LazyLock<Selector> =
    LazyLock::new(|| selector("[itemprop=datePublished]"));
pub(super) static ITEMPROP_MODIFIED: LazyLock<Selector> =
    LazyLock::new(|| selector("[itemprop=dateModified]"));
pub(super) static BYLINES: LazyLock<Vec<Selector>> =
    LazyLock::new(|| BYLINE_SELECTORS.iter().map(|css| selector(css)).collect());
pub(super) static BODIES: LazyLock<Vec<Selector>> =
    LazyLock::new(|| BODY_SELECTORS.iter().map(|css| selector(css)).collect());

/// RDFa properties of an element giving the page's creation date in its `content`.
pub(super) const RDFA_CREATED_PROPERTIES: &[&str] = &["dc:created", "dcterms:created"];

/// Whether a `rel` value marks a link to the site's home page (`rel="home"`).
pub(super) fn rel_names_home(rel: &str) -> bool {
    rel.split_ascii_whitespace()
        .any(|r| r.eq_ignore_ascii_case("home"))
}

/// Which candidate lists a class or id stem puts an element in ([`Candidates`]).
pub(super) const HEADLINE: u8 = 1;
pub(super) const BYLINE: u8 = 1 << 1;
pub(super) const DATE_LINE: u8 = 1 << 2;
pub(super) const BODY: u8 = 1 << 3;
/// A byline candidate only on an `<a>`: the selectors ask for class `name` only there
/// (`a.name`), and "name" is in a great many class names.
pub(super) const BYLINE_IF_LINK: u8 = 1 << 4;
/// The stem "title" was found in a class or id: [`STYLED_TITLE`] is then decided.
const TITLE_STEM: u8 = 1 << 5;
/// A class or id token is plainly "title": the element is read like a bold line.
const STYLED_TITLE: u8 = 1 << 6;

/// Class or id stems (ASCII case ignored) without which the selectors of a list cannot
/// match an element that has neither the list's tags nor its attributes. Kept in step with
/// [`HEADLINE_SELECTOR`], [`BYLINE_SELECTORS`], [`DATE_LINE_SELECTOR`] and
/// [`BODY_SELECTORS`]: each list's stems are a superset of what its selectors ask for.
pub(super) const CANDIDATE_STEMS: &[(&str, u8)] = &[
    // A plain "title" token is looked for only where this stem is.
    ("title", TITLE_STEM),
    // The `[class*=…]` parts of HEADLINE_SELECTOR ("the-article-title" holds
    // "article-title").
    ("title-detail", HEADLINE),
    ("detail-title", HEADLINE),
    ("article-title", HEADLINE),
    ("article__title", HEADLINE),
    ("title_news", HEADLINE),
    ("news-title", HEADLINE),
    ("post-title", HEADLINE),
    ("entry-title", HEADLINE),
    ("headline", HEADLINE),
    // Forum templates: phpBB 2 `a.maintitle`, phpBB 3 `h2.topic-title`, vBulletin
    // `span.threadtitle`.
    ("maintitle", HEADLINE),
    ("topic-title", HEADLINE),
    ("threadtitle", HEADLINE),
    ("thread-title", HEADLINE),
    // Joomla 1.x `td.contentheading`.
    ("contentheading", HEADLINE),
    ("author", BYLINE),
    ("byline", BYLINE),
    ("tacgia", BYLINE),
    ("tac-gia", BYLINE),
    ("credit", BYLINE),
    ("name", BYLINE_IF_LINK),
    ("date", DATE_LINE),
    ("time", DATE_LINE),
    ("publish", DATE_LINE),
    ("ngay", DATE_LINE),
    ("datum", DATE_LINE),
    ("fecha", DATE_LINE),
    ("tarih", DATE_LINE),
    ("postmetadata", DATE_LINE),
    // The class and id names of BODY_SELECTORS ("the-article-body" holds "article-body").
    ("fck_detail", BODY),
    ("detail-content", BODY),
    ("detail__content", BODY),
    ("content-detail", BODY),
    ("article__body", BODY),
    ("article-body", BODY),
    ("article-content", BODY),
    ("singular-content", BODY),
    ("maincontent", BODY),
    ("main-content", BODY),
    ("post-content", BODY),
    ("entry-content", BODY),
    ("content-fck", BODY),
    ("news-content", BODY),
    ("articlecontent", BODY),
];

pub(super) static CANDIDATE_STEM_MATCHER: LazyLock<aho_corasick::AhoCorasick> =
    LazyLock::new(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(CANDIDATE_STEMS.iter().map(|(stem, _)| stem))
            .unwrap_or_else(|_| unreachable!("the built-in stems compile"))
    });

/// The elements the metadata readers look at, gathered in one walk of the document, in
/// document order. Each reader runs its selector on its few candidates instead of walking
/// the whole tree (about 18 walks before, 2026-12-01); every list is a superset of what
/// its selector can match, so the results are the same.
#[derive(Default)]
pub(super) struct Candidates<'a> {
    pub(super) titles: Vec<ElementRef<'a>>,
    pub(super) metas: Vec<ElementRef<'a>>,
    pub(super) scripts: Vec<ElementRef<'a>>,
    pub(super) links: Vec<ElementRef<'a>>,
    /// `<html>` elements with a `lang`.
    pub(super) html_lang: Vec<ElementRef<'a>>,
    pub(super) h1: Vec<ElementRef<'a>>,
    /// `<h2>` and `<h3>`: a blog template may show the post's headline in one, under an
    /// `<h1>` holding the blog's name.
    pub(super) subheads: Vec<ElementRef<'a>>,
    /// `<b>`, `<strong>` and `<font>`: a table-layout page without headings sets its
    /// headline in one.
    pub(super) emphases: Vec<ElementRef<'a>>,
    pub(super) paragraphs: Vec<ElementRef<'a>>,
    pub(super) times: Vec<ElementRef<'a>>,
    /// Elements with an `itemprop`.
    pub(super) itemprops: Vec<ElementRef<'a>>,
    /// `<a rel="home">` links: a template's link to the site's home page, its name.
    pub(super) home_links: Vec<ElementRef<'a>>,
    /// `<a rel="tag">` links (also `rel="category tag"`): a post's labels.
    pub(super) tag_links: Vec<ElementRef<'a>>,
    /// Elements other than `<meta>` whose RDFa `property` names the creation date
    /// (Drupal's `<span property="dc:date dc:created" content="…">`).
    pub(super) rdfa_created: Vec<ElementRef<'a>>,
    pub(super) headlines: Vec<ElementRef<'a>>,
    pub(super) bylines: Vec<ElementRef<'a>>,
    pub(super) date_lines: Vec<ElementRef<'a>>,
    pub(super) bodies: Vec<ElementRef<'a>>,
}

impl<'a> Candidates<'a> {
    pub(super) fn collect(document: &'a Html) -> Self {
        let mut found = Self::default();
        // Lists by class or id value: pages repeat the same class lists many times.
        let mut stem_lists: foldhash::HashMap<&'a str, u8> = foldhash::HashMap::default();
        for el in document
            .root_element()
            .descendants()
            .filter_map(ElementRef::wrap)
        {
            let element = el.value();
            // One pass over the attributes: `Element::attr` interns its argument per call.
            let mut lists = 0u8;
            let mut lang = false;
            for (name, value) in element.attrs() {
                match name {
                    "class" | "id" => {
                        lists |= *stem_lists.entry(value).or_insert_with(|| {
                            let stems = CANDIDATE_STEM_MATCHER.find_overlapping_iter(value).fold(
                                0,
                                |lists, hit| {
                                    lists
                                        | CANDIDATE_STEMS
                                            .get(hit.pattern().as_usize())
                                            .map_or(0, |(_, lists)| *lists)
                                },
                            );
                            // A line named plainly "title" (an old CMS's `span.title`
                            // headline) is read like a bold line: a headline only when it
                            // repeats the page's title.
                            let plain_title = stems & TITLE_STEM != 0
                                && value
                                    .split_ascii_whitespace()
                                    .any(|token| token.eq_ignore_ascii_case("title"));
                            stems & !TITLE_STEM | if plain_title { STYLED_TITLE } else { 0 }
                        });
                    }
                    // Attribute selectors match these values only (ASCII case ignored
                    // here, so the lists stay a superset).
                    "itemprop" => {
                        found.itemprops.push(el);
                        for (wanted, list) in [
                            ("headline", HEADLINE),
                            ("author", BYLINE),
                            ("name", BYLINE),
                            ("datepublished", DATE_LINE),
                            ("articlebody", BODY),
                        ] {
                            if value.eq_ignore_ascii_case(wanted) {
                                lists |= list;
                            }
                        }
                    }
                    "rel"
                        if crate::html::bytes::contains_ignore_ascii_case(
                            value.as_bytes(),
                            b"author",
                        ) =>
                    {
                        lists |= BYLINE;
                    }
                    "rel" if element.name() == "a" && rel_names_home(value) => {
                        found.home_links.push(el);
                    }
                    "rel"
                        if element.name() == "a"
                            && value
                                .split_ascii_whitespace()
                                .any(|r| r.eq_ignore_ascii_case("tag")) =>
                    {
                        found.tag_links.push(el);
                    }
                    "property"
                        if element.name() != "meta"
                            && value.split_ascii_whitespace().any(|p| {
                                RDFA_CREATED_PROPERTIES
                                    .iter()
                                    .any(|wanted| p.eq_ignore_ascii_case(wanted))
                            }) =>
                    {
                        found.rdfa_created.push(el);
                    }
                    "data-role" if value.eq_ignore_ascii_case("author") => lists |= BYLINE,
                    "data-role" if value.eq_ignore_ascii_case("publishdate") => {
                        lists |= DATE_LINE;
                    }
                    "lang" => lang = true,
                    _ => {}
                }
            }
            match element.name() {
                "title" => found.titles.push(el),
                "meta" => found.metas.push(el),
                "script" => found.scripts.push(el),
                "link" => found.links.push(el),
                "html" if lang => found.html_lang.push(el),
                "h1" => {
                    found.h1.push(el);
                    lists |= HEADLINE;
                }
                "h2" | "h3" => found.subheads.push(el),
                "b" | "strong" | "font" => found.emphases.push(el),
                "p" => found.paragraphs.push(el),
                "time" => {
                    found.times.push(el);
                    lists |= DATE_LINE;
                }
                "article" => lists |= BODY,
                "a" if lists & BYLINE_IF_LINK != 0 => lists |= BYLINE,
                _ => {}
            }
            if lists & STYLED_TITLE != 0 && !matches!(element.name(), "b" | "strong" | "font") {
                found.emphases.push(el);
            }
            for (bit, list) in [
                (HEADLINE, &mut found.headlines),
                (BYLINE, &mut found.bylines),
                (DATE_LINE, &mut found.date_lines),
                (BODY, &mut found.bodies),
            ] {
                if lists & bit != 0 {
                    list.push(el);
                }
            }
        }
        found
    }
}

/// The candidates `selector` matches, in document order.
pub(super) fn matching<'a, 'b>(
    candidates: &'b [ElementRef<'a>],
    selector: &'b Selector,
) -> impl Iterator<Item = ElementRef<'a>> + 'b {
    candidates.iter().copied().filter(|el| selector.matches(el))
}

/// The article body container: the first [`BODY_SELECTORS`] match holding some prose and
/// not inside a comment thread or customer reviews (a product page's only `<article>`
/// elements may be its reviews), else the parent of the most long paragraphs outside them.
pub(super) fn main_body<'a>(document: &'a Html, page: &Candidates<'a>) -> Option<ElementRef<'a>> {
    BODIES
        .iter()
        .find_map(|sel| {
            matching(&page.bodies, sel)
                .take(MAX_CANDIDATES)
                .filter(|el| element_text(*el, MIN_BODY_CHARS).chars().count() >= MIN_BODY_CHARS)
                .find(|el| !in_responses(*el))
        })
        .or_else(|| densest_paragraph_parent(document, &page.paragraphs))
}

/// Whether `el` sits inside readers' responses: a comment thread or customer reviews. The
/// page's `<body>` is not looked at: Ghost and WordPress put the post's taxonomy there
/// (`tag-reviews`).
fn in_responses(el: ElementRef) -> bool {
    el.ancestors()
        .take(MAX_ANCESTORS)
        .filter_map(ElementRef::wrap)
        .take_while(|ancestor| !matches!(ancestor.value().name(), "body" | "html"))
        .any(|ancestor| {
            let value = ancestor.value();
            let hint = crate::lexicon::class_hint(value.attr("class"), value.id());
            hint.comments || hint.reviews
        })
}

/// The parent of the most paragraphs of 80+ characters, outside readers' responses: the
/// body when no selector matches.
pub(super) fn densest_paragraph_parent<'a>(
    document: &'a Html,
    paragraphs: &[ElementRef<'a>],
) -> Option<ElementRef<'a>> {
    let mut counts: HashMap<ego_tree::NodeId, usize> = HashMap::new();
    for &p in paragraphs.iter().take(MAX_CANDIDATES * 5) {
        if element_text(p, 80).chars().count() >= 80
            && let Some(parent) = p.parent()
        {
            *counts.entry(parent.id()).or_default() += 1;
        }
    }
    let mut parents: Vec<(ego_tree::NodeId, usize)> = counts.into_iter().collect();
    parents.sort_unstable_by_key(|(id, n)| (std::cmp::Reverse(*n), *id));
    parents
        .into_iter()
        .filter_map(|(id, _)| document.tree.get(id).and_then(ElementRef::wrap))
        .find(|parent| !in_responses(*parent))
}

/// Ancestors of the article body and of the headline: page layout, whose class names
/// ("sidebar-1" holds VnExpress's main column) say nothing about the article's parts.
/// The page layout around the article (ancestors of the body and the headline), which is
/// never an excluded region, with a memo of which elements carry an excluded mark.
#[derive(Default)]
pub(super) struct Layout {
    pub(super) nodes: HashSet<ego_tree::NodeId>,
    pub(super) marked: std::cell::RefCell<HashMap<ego_tree::NodeId, bool>>,
}

impl Layout {
    pub(super) fn new() -> Self {
        Self::default()
    }

    pub(super) fn extend(&mut self, nodes: impl IntoIterator<Item = ego_tree::NodeId>) {
        self.nodes.extend(nodes);
    }

    pub(super) fn contains(&self, node: &ego_tree::NodeId) -> bool {
        self.nodes.contains(node)
    }

    /// Whether `element` itself carries an excluded tag, class or id, computed once per
    /// element.
    pub(super) fn is_marked(&self, element: ElementRef) -> bool {
        if let Some(&marked) = self.marked.borrow().get(&element.id()) {
            return marked;
        }
        let marked = has_excluded_mark(element);
        self.marked.borrow_mut().insert(element.id(), marked);
        marked
    }
}

/// Whether `el` sits in a comment thread, related box, sidebar, footer, popup or nav. The
/// walk up stops at the page layout around the article.
pub(super) fn in_excluded_region(el: ElementRef, layout: &Layout) -> bool {
    std::iter::once(*el)
        .chain(el.ancestors())
        .take(MAX_ANCESTORS)
        .take_while(|node| !layout.contains(&node.id()))
        .filter_map(ElementRef::wrap)
        .any(|e| layout.is_marked(e))
}

/// Class tokens (ASCII case ignored, as prefixes: "post-footer-line-1") of a post's own
/// footer: the byline and date of a blog post sit there (Blogger `post-footer`, WordPress
/// `entry-footer`, `<footer class="entry-meta">`), so they never exclude a region by
/// themselves. Set 2026-12-07 on classic blog templates (fixture
/// `blogger-classic-post-footer`).
pub(super) const POST_FOOTER_TOKENS: &[&str] = &[
    "post-footer",
    "entry-footer",
    "article-footer",
    "entry-meta",
    "post-meta",
];

/// Whether `element` itself has an excluded tag, or a class or id with an excluded stem.
/// A post's own footer ([`POST_FOOTER_TOKENS`]) is not excluded for its tag or those tokens.
pub(super) fn has_excluded_mark(element: ElementRef) -> bool {
    /// All the stems in one automaton: one pass over the class and id, not one per stem.
    static STEMS: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(EXCLUDED_REGION_STEMS.iter())
            .unwrap_or_else(|_| unreachable!("the excluded-region stems compile"))
    });
    let value = element.value();
    let class = value.attr("class").unwrap_or_default();
    let id = value.id().unwrap_or_default();
    let excluded_tag = EXCLUDED_REGION_TAGS.contains(&value.name())
        || (value.name() == "form" && is_small_form(element));
    // Whole tokens as the text's reading takes them: a post's state and taxonomy tokens
    // (`has-comments`, `tag-…`) mark no region. Most class attributes hold no stem at
    // all, so one pass over the whole value comes first.
    let stem_hit = (STEMS.is_match(class)
        && crate::lexicon::region_marking_tokens(class).any(|token| STEMS.is_match(token)))
        || STEMS.is_match(id);
    if !excluded_tag && !stem_hit {
        return false;
    }
    // A post's own footer: its tag and its footer tokens do not count.
    let post_footer = |token: &str| {
        POST_FOOTER_TOKENS.iter().any(|prefix| {
            token
                .get(..prefix.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
        })
    };
    if !class.split_ascii_whitespace().any(post_footer) && !post_footer(id) {
        return true;
    }
    crate::lexicon::region_marking_tokens(class)
        .chain(std::iter::once(id))
        .filter(|token| !post_footer(token))
        .any(|token| STEMS.is_match(token))
}

/// Most bytes of text in a form read as a widget (a search or booking box, whose dates
/// are the visitor's, not the page's): an ASP.NET page wraps all its content in one
/// `<form>`.
const MAX_WIDGET_FORM_BYTES: usize = 1000;

/// Whether `form` holds less text than [`MAX_WIDGET_FORM_BYTES`]: a widget, not a page.
fn is_small_form(form: ElementRef) -> bool {
    let mut bytes = 0;
    for text in form.text() {
        bytes += text.len();
        if bytes >= MAX_WIDGET_FORM_BYTES {
            return false;
        }
    }
    true
}

/// The grandparent (else parent) of `el`: bylines split over sibling links share it.
pub(super) fn grandparent(el: ElementRef) -> Option<ego_tree::NodeId> {
    let parent = el.parent()?;
    Some(parent.parent().map_or(parent.id(), |g| g.id()))
}

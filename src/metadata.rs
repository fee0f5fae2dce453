//! Takes the parsed document and returns its [`Metadata`]: a side branch over the same tree.
//!
//! Sources, strongest first: JSON-LD (`<script type="application/ld+json">`, parsed with
//! serde_json, `@graph` and arrays walked), `<meta>` tags (Open Graph, `article:*`,
//! `itemprop`, Dublin Core), then visible markup (the headline element, the byline, the date
//! line under the title, the signature at the end of the body). Visible text is never read
//! from comment threads, related-article boxes, sidebars or footers.
//!
//! Every walk is iterative and capped (scripts, meta tags, candidates, characters), so a
//! hostile page costs time linear in its size and never panics.

use foldhash::{HashMap, HashMapExt, HashSet};
use scraper::{ElementRef, Html, Selector};
use std::sync::LazyLock;

/// Whether the page is a single article or a listing of many.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum PageType {
    /// One article.
    #[default]
    Article,
    /// A home, section, tag or search page listing many articles.
    Listing,
}

/// What the page says about its article. Every field is optional: pages often omit them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Metadata {
    /// Headline as displayed: the page's headline element (`<h1>` or a `*title*` element)
    /// when it agrees with JSON-LD `headline`, `og:title` or `<title>`; else JSON-LD
    /// `headline`, `og:title`, or `<title>` without the site suffix (" - VnExpress").
    pub title: Option<String>,
    /// Author names as the byline writes them (case kept), in page order, without
    /// duplicates. From the visible byline or signature ("Tin, ảnh: HÀ PHƯƠNG", a bold name
    /// closing the body), else JSON-LD `author` and author `<meta>` tags. Sources ("Theo
    /// TTXVN"), photo credits and the site's own name are not authors.
    pub authors: Vec<String>,
    /// Publication time, RFC 3339 with offset and seconds (`2025-11-17T10:30:00+07:00`).
    /// A time without offset is read as +07:00 on Vietnamese pages (language `vi` or a
    /// `.vn` host) and as UTC elsewhere; a date without time becomes midnight
    /// (`T00:00:00`) of that day. Day-first in visible text (`17/11/2025`), unless the
    /// second number cannot be a month.
    pub published: Option<String>,
    /// Last modification time, in the same form as [`Metadata::published`].
    pub modified: Option<String>,
    /// Name of the site or publication (`og:site_name`, JSON-LD publisher, `<title>`
    /// suffix), preferring a written name over a domain or slug.
    pub site_name: Option<String>,
    /// Canonical URL of the page (`link[rel=canonical]`, `og:url`), resolved against the
    /// base URL when one is known.
    pub url: Option<String>,
    /// Description or lead, from `<meta name=description>`, `og:description` or JSON-LD.
    pub description: Option<String>,
    /// Main image URL (`og:image`, JSON-LD `image`), resolved against the base URL when one
    /// is known.
    pub image: Option<String>,
    /// Language as a lowercase ISO 639-1 code such as `vi` or `en`: declared by the page
    /// (`<html lang>`, `content-language`, `og:locale`, JSON-LD `inLanguage`), else
    /// detected from the paragraphs with whatlang. A declared `en` that the text clearly
    /// contradicts (templates often keep `lang="en"`) gives way to the detected language.
    pub language: Option<String>,
    /// Tags and categories (`keywords`, `news_keywords`, `article:tag`, JSON-LD `keywords`).
    pub tags: Vec<String>,
    /// Article or listing, from JSON-LD `@type` and `og:type`; article when unsure.
    pub page_type: PageType,
}

// ---------------------------------------------------------------------------------------
// Limits and tuned constants
// ---------------------------------------------------------------------------------------

/// Most `<meta>` elements read. Heavy portal pages carry about 80.
const MAX_META_TAGS: usize = 1000;
/// Most JSON-LD scripts parsed. Portal pages carry 1–6.
const MAX_JSON_LD_SCRIPTS: usize = 16;
/// Largest JSON-LD script parsed, in bytes; bigger ones are skipped.
const MAX_JSON_LD_BYTES: usize = 1 << 20;
/// Most JSON values visited while flattening all JSON-LD scripts.
const MAX_JSON_LD_NODES: usize = 20_000;
/// Most elements examined per selector when looking for titles, bylines and dates.
const MAX_CANDIDATES: usize = 200;
/// Shortest text, in characters, of a body container found by selector: a template's empty
/// or teaser `<article>` holds less.
const MIN_BODY_CHARS: usize = 200;
/// Most ancestors inspected when deciding whether an element sits in a comment, related
/// box, sidebar or footer.
const MAX_ANCESTORS: usize = 64;
/// Longest text, in characters, kept from any one element or string.
const MAX_FIELD_CHARS: usize = 2000;
/// Longest text, in characters, of an element read as a date line. Date lines run
/// 10–60 characters ("Thứ Hai, 17/11/2025 10:30 (GMT+7)").
const MAX_DATE_LINE_CHARS: usize = 120;
/// Longest text, in characters, of an element read as a byline.
const MAX_BYLINE_CHARS: usize = 120;
/// Longest author name, in characters.
const MAX_NAME_CHARS: usize = 50;
/// Most words in an author name ("Nguyễn Thị Minh Khai" has 4).
const MAX_NAME_WORDS: usize = 6;
/// Most authors kept.
const MAX_AUTHORS: usize = 10;
/// Most tags kept, and the longest tag in characters.
const MAX_TAGS: usize = 50;
const MAX_TAG_CHARS: usize = 100;
/// Text blocks read backwards from the end of the body when looking for a signature.
/// Signatures sit in the last 1–3 blocks; captions and source lines can follow them.
const SIGNATURE_LOOKBACK_BLOCKS: usize = 6;
/// A block at least this long, in characters, is prose: the signature search stops there.
const SIGNATURE_PROSE_CHARS: usize = 120;
/// Smallest Dice similarity of word sets between a headline candidate and a reference
/// title (JSON-LD headline, `og:title`, `<title>`). Tuned on fixtures/ 2026-11-23: the
/// displayed h1 scores ≥ 0.7 against titles with a site suffix; popup and breadcrumb h1s
/// score < 0.2.
const MIN_TITLE_SIMILARITY: f64 = 0.5;
/// Most words in the last path segment of a section URL ("thi-truong-chung-khoan"); article
/// slugs run 6–15 words.
const MAX_SECTION_SLUG_WORDS: usize = 4;
/// Smallest similarity for a child of a headline element (the headline without its kicker)
/// to replace the whole element. Tuned on fundus 2026-11-23: a kicker alone scores ≤ 0.6.
const MIN_CHILD_TITLE_SIMILARITY: f64 = 0.9;
/// Characters of paragraph text given to whatlang, whose time grows with the sample. 600
/// detects the same language as 1,000 on all 695 corpus and fixture pages; 400 missed 3
/// of the readability corpus (2026-12-01).
const LANGUAGE_SAMPLE_CHARS: usize = 600;
/// Smallest share of English function words among the words of a paragraph sample that
/// makes it English without whatlang, and smallest share of "the". English prose runs at
/// 0.4–0.5 and 0.05–0.07; with these, the 695 corpus and fixture pages got the same
/// language as from whatlang (2026-12-01), which costs about 3 % of an extraction.
const ENGLISH_FUNCTION_WORD_SHARE: f64 = 0.3;
const ENGLISH_THE_SHARE: f64 = 0.03;
/// Fewest words a sample needs for the function-word test.
const MIN_ENGLISH_TEST_WORDS: usize = 40;

static ENGLISH_FUNCTION_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    data_lines(include_str!("../data/metadata/english_function_words.txt"))
        .into_iter()
        .collect()
});

/// Paragraph text shorter than this (characters) is too little to detect a language.
const MIN_LANGUAGE_SAMPLE_CHARS: usize = 80;
/// Vietnam's UTC offset in minutes, the default for Vietnamese pages.
const VIETNAM_OFFSET_MINUTES: i32 = 7 * 60;

/// Class/id substrings of regions that never hold the article's own title, byline or date.
static EXCLUDED_REGION_STEMS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| data_lines(include_str!("../data/metadata/excluded_region_stems.txt")));

/// Tags whose content is never the article's own title, byline or date.
const EXCLUDED_REGION_TAGS: &[&str] = &["aside", "footer", "nav"];

/// JSON-LD `@type`s of an article.
const ARTICLE_TYPES: &[&str] = &[
    "AnalysisNewsArticle",
    "Article",
    "BackgroundNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "NewsArticle",
    "OpinionNewsArticle",
    "Report",
    "ReportageNewsArticle",
    "ReviewNewsArticle",
    "ScholarlyArticle",
    "TechArticle",
];

/// JSON-LD `@type`s of a listing page.
const LISTING_TYPES: &[&str] = &["CollectionPage", "ItemList", "SearchResultsPage"];

/// `<meta>` keys (name, property or itemprop, lowercased) of the publication time, best first.
const PUBLISHED_META_KEYS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish_date",
    "publish-date",
    "article.published",
    "article_date_original",
    "parsely-pub-date",
    "sailthru.date",
    "cxenseparse:recs:publishtime",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "citation_publication_date",
    "date",
];

/// `<meta>` keys of the last modification time, best first.
const MODIFIED_META_KEYS: &[&str] = &[
    "article:modified_time",
    "og:article:modified_time",
    "og:updated_time",
    "datemodified",
    "lastmod",
    "last-modified",
    "article.updated",
    "dc.date.modified",
    "dcterms.modified",
];

/// `<meta>` keys naming the author, best first (values that are URLs are skipped).
const AUTHOR_META_KEYS: &[&str] = &[
    "dable:author",
    "article:author",
    "author",
    "parsely-author",
    "sailthru.author",
    "byl",
    "dc.creator",
    "citation_author",
];

/// Visible byline selectors, most specific first.
const BYLINE_SELECTORS: &[&str] = &[
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
    "[class*=author], [class*=byline]",
];

/// Visible headline selectors besides `h1`, for templates that style a `div` as the title.
const HEADLINE_SELECTOR: &str = "h1, [itemprop=headline], [class*=title-detail], \
    [class*=detail-title], [class*=article-title], [class*=article__title], \
    [class*=title_news], [class*=news-title], [class*=post-title], [class*=entry-title], \
    [class*=the-article-title], [class*=headline]";

/// Elements that may hold the visible date line under the headline.
const DATE_LINE_SELECTOR: &str = "time, [itemprop=datePublished], [data-role=publishdate], \
    [class*=date i], [class*=time i], [class*=publish i], [class*=ngay i], [class*=datum i], \
    [class*=fecha i], [class*=tarih i], [id*=date i], [id*=time i]";

/// Containers of the article body, most specific first; the signature closing the body is
/// looked for in the first one present.
const BODY_SELECTORS: &[&str] = &[
    "[itemprop=articleBody]",
    "article.fck_detail, .fck_detail",
    ".detail-content, .detail__content, .content-detail",
    ".article__body, .article-body, .article-content, .the-article-body",
    ".singular-content, .maincontent, .main-content, .post-content, .entry-content",
    ".content-fck, .news-content, .ArticleContent, #article-body",
    "article",
];

/// Credit prefixes that introduce the writer ("Tin, ảnh: HÀ PHƯƠNG"), lowercase, after
/// collapsing spaces. Photo-only credits ("Ảnh:") are not here: they name a photographer.
const AUTHOR_CREDIT_PREFIXES: &[&str] = &[
    "tin, ảnh:",
    "tin và ảnh:",
    "tin - ảnh:",
    "tin/ảnh:",
    "tin & ảnh:",
    "bài, ảnh:",
    "bài và ảnh:",
    "bài - ảnh:",
    "bài/ảnh:",
    "bài & ảnh:",
    "bài, ảnh, video:",
    "bài:",
    "tin:",
    "tác giả:",
    "người viết:",
    "ghi chép:",
    "thực hiện:",
    "nhóm thực hiện:",
    "phóng viên:",
    "by ",
    "by:",
    "von ",
    "par ",
    "por ",
];

/// Prefixes stripped from a byline element's text before reading names ("Theo Hồ Hương"
/// in a byline element credits Hồ Hương; the same words on a body line name a source).
const BYLINE_ELEMENT_PREFIXES: &[&str] = &[
    "auteur:",
    "author:",
    "autor:",
    "автор:",
    "av ",
    "bởi ",
    "door ",
    "tác giả ",
    "tác giả:",
    "theo ",
    "written by ",
    "بقلم ",
    "كتب ",
    "كتبت ",
];

/// Upper-case words that make a short upper-case line a heading or label, not a name.
static NOT_NAME_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| data_lines(include_str!("../data/metadata/not_name_words.txt")));

/// Agencies and generic credits that are sources, not authors.
static NOT_AUTHOR_NAMES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| data_lines(include_str!("../data/metadata/not_author_names.txt")));

/// Job titles written after a reporter's name.
const ROLE_SUFFIXES: &[&str] = &[" 기자", " 특파원", "記者", "特派員", " 记者"];

/// Title separators between a headline and the site name, longest first.
const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " » ", " · ", " / "];

static JSON_LD: LazyLock<Selector> =
    LazyLock::new(|| selector("script[type=\"application/ld+json\" i]"));
static TITLE: LazyLock<Selector> = LazyLock::new(|| selector("head title, title"));
static HEADLINES: LazyLock<Selector> = LazyLock::new(|| selector(HEADLINE_SELECTOR));
static H1: LazyLock<Selector> = LazyLock::new(|| selector("h1"));
static HTML_LANG: LazyLock<Selector> = LazyLock::new(|| selector("html[lang]"));
static CANONICAL: LazyLock<Selector> = LazyLock::new(|| selector("link[rel~=canonical][href]"));
static IMAGE_SRC: LazyLock<Selector> = LazyLock::new(|| selector("link[rel~=image_src][href]"));
static DATE_LINES: LazyLock<Selector> = LazyLock::new(|| selector(DATE_LINE_SELECTOR));
static ARTICLE_BODY: LazyLock<Selector> = LazyLock::new(|| selector("[itemprop=articleBody]"));
static TIMES: LazyLock<Selector> = LazyLock::new(|| selector("time[datetime]"));
static ITEMPROP_PUBLISHED: LazyLock<Selector> =
    LazyLock::new(|| selector("[itemprop=datePublished]"));
static ITEMPROP_MODIFIED: LazyLock<Selector> =
    LazyLock::new(|| selector("[itemprop=dateModified]"));
static BYLINES: LazyLock<Vec<Selector>> =
    LazyLock::new(|| BYLINE_SELECTORS.iter().map(|css| selector(css)).collect());
static BODIES: LazyLock<Vec<Selector>> =
    LazyLock::new(|| BODY_SELECTORS.iter().map(|css| selector(css)).collect());

/// Which candidate lists a class or id stem puts an element in ([`Candidates`]).
const HEADLINE: u8 = 1;
const BYLINE: u8 = 1 << 1;
const DATE_LINE: u8 = 1 << 2;
const BODY: u8 = 1 << 3;
/// A byline candidate only on an `<a>`: the selectors ask for class `name` only there
/// (`a.name`), and "name" is in a great many class names.
const BYLINE_IF_LINK: u8 = 1 << 4;

/// Class or id stems (ASCII case ignored) without which the selectors of a list cannot
/// match an element that has neither the list's tags nor its attributes. Kept in step with
/// [`HEADLINE_SELECTOR`], [`BYLINE_SELECTORS`], [`DATE_LINE_SELECTOR`] and
/// [`BODY_SELECTORS`]: each list's stems are a superset of what its selectors ask for.
const CANDIDATE_STEMS: &[(&str, u8)] = &[
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

static CANDIDATE_STEM_MATCHER: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
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
struct Candidates<'a> {
    titles: Vec<ElementRef<'a>>,
    metas: Vec<ElementRef<'a>>,
    scripts: Vec<ElementRef<'a>>,
    links: Vec<ElementRef<'a>>,
    /// `<html>` elements with a `lang`.
    html_lang: Vec<ElementRef<'a>>,
    h1: Vec<ElementRef<'a>>,
    paragraphs: Vec<ElementRef<'a>>,
    times: Vec<ElementRef<'a>>,
    /// Elements with an `itemprop`.
    itemprops: Vec<ElementRef<'a>>,
    headlines: Vec<ElementRef<'a>>,
    bylines: Vec<ElementRef<'a>>,
    date_lines: Vec<ElementRef<'a>>,
    bodies: Vec<ElementRef<'a>>,
}

impl<'a> Candidates<'a> {
    fn collect(document: &'a Html) -> Self {
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
                            CANDIDATE_STEM_MATCHER.find_overlapping_iter(value).fold(
                                0,
                                |lists, hit| {
                                    lists
                                        | CANDIDATE_STEMS
                                            .get(hit.pattern().as_usize())
                                            .map_or(0, |(_, lists)| *lists)
                                },
                            )
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
                "p" => found.paragraphs.push(el),
                "time" => {
                    found.times.push(el);
                    lists |= DATE_LINE;
                }
                "article" => lists |= BODY,
                "a" if lists & BYLINE_IF_LINK != 0 => lists |= BYLINE,
                _ => {}
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
fn matching<'a, 'b>(
    candidates: &'b [ElementRef<'a>],
    selector: &'b Selector,
) -> impl Iterator<Item = ElementRef<'a>> + 'b {
    candidates.iter().copied().filter(|el| selector.matches(el))
}

/// The entries of a list file under `data/metadata/`: one per line, `#` lines and blank
/// lines skipped.
fn data_lines(list: &'static str) -> Vec<&'static str> {
    list.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .collect()
}

/// Parses a selector written in this file; they are all valid CSS.
fn selector(css: &str) -> Selector {
    Selector::parse(css).unwrap_or_else(|_| unreachable!("invalid built-in selector {css}"))
}

// ---------------------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------------------

/// Reads the metadata of `document`. `base_url` resolves relative URLs.
pub(crate) fn extract(document: &Html, base_url: Option<&url::Url>) -> Metadata {
    let page = Candidates::collect(document);
    let metas = MetaTags::collect(&page.metas);
    let json_ld = JsonLd::collect(matching(&page.scripts, &JSON_LD));

    let url = canonical_url(&page, &metas, base_url);
    // Relative image and canonical URLs resolve against the base URL, else the canonical one.
    let page_url = base_url
        .cloned()
        .or_else(|| url.as_deref().and_then(|u| url::Url::parse(u).ok()));
    let host = page_url
        .as_ref()
        .and_then(|u| u.host_str().map(str::to_ascii_lowercase));

    let language = language(&page, &metas, &json_ld);
    let vietnamese =
        language.as_deref() == Some("vi") || host.as_deref().is_some_and(|h| h.ends_with(".vn"));
    let default_offset = if vietnamese {
        VIETNAM_OFFSET_MINUTES
    } else {
        0
    };

    let raw_title = matching(&page.titles, &TITLE)
        .next()
        .map(|el| element_text(el, MAX_FIELD_CHARS));
    let site_name = site_name(&metas, &json_ld, raw_title.as_deref(), host.as_deref());
    let site_names = site_name_variants(&metas, &json_ld, site_name.as_deref(), host.as_deref());

    // The article body and the headline anchor the search for the byline and date; their
    // ancestors are page layout.
    let body = main_body(document, &page);
    let mut layout = Layout::new();
    if let Some(body) = body {
        layout.extend(body.ancestors().map(|a| a.id()));
    }
    let (title, title_node) = title(
        &page,
        &layout,
        &metas,
        &json_ld,
        raw_title.as_deref(),
        &site_names,
    );
    if let Some(node) = title_node.and_then(|id| document.tree.get(id)) {
        layout.extend(node.ancestors().map(|a| a.id()));
    }
    let published = published(&page, &layout, &metas, &json_ld, title_node, default_offset);
    let modified = modified(&page, &layout, &metas, &json_ld, default_offset);
    let anchors = Anchors {
        layout: &layout,
        body,
        title_node,
    };
    let authors = authors(&page, &anchors, &metas, &json_ld, &site_names, vietnamese);

    let page_type = page_type(&page, &metas, &json_ld, url.as_deref());
    Metadata {
        title,
        authors,
        published,
        modified,
        site_name,
        url,
        description: description(&metas, &json_ld),
        image: image(&page, &metas, &json_ld, page_url.as_ref()),
        language,
        tags: tags(&metas, &json_ld),
        page_type,
    }
}

// ---------------------------------------------------------------------------------------
// <meta> tags
// ---------------------------------------------------------------------------------------

/// The page's `<meta>` tags: lowercased key (`name`, `property`, `itemprop` or
/// `http-equiv`) to contents in page order.
struct MetaTags {
    map: HashMap<String, Vec<String>>,
}

impl MetaTags {
    fn collect(metas: &[ElementRef]) -> Self {
        let mut map: HashMap<String, Vec<String>> = HashMap::new();
        for el in metas.iter().take(MAX_META_TAGS) {
            // One pass over the attributes, keys in this order: property, name, itemprop,
            // http-equiv.
            let mut content = None;
            let mut keys: [Option<&str>; 4] = [None; 4];
            for (name, value) in el.value().attrs() {
                match name {
                    "content" => content = Some(value),
                    "property" => keys[0] = Some(value),
                    "name" => keys[1] = Some(value),
                    "itemprop" => keys[2] = Some(value),
                    "http-equiv" => keys[3] = Some(value),
                    _ => {}
                }
            }
            let Some(content) = content else {
                continue;
            };
            let content = truncate_chars(content.trim(), MAX_FIELD_CHARS);
            if content.is_empty() {
                continue;
            }
            for key in keys.into_iter().flatten() {
                // `property` may hold several space-separated keys (RDFa).
                for key in key.split_whitespace() {
                    map.entry(key.to_lowercase())
                        .or_default()
                        .push(content.to_string());
                }
            }
        }
        Self { map }
    }

    /// The first content of the first present key.
    fn first(&self, keys: &[&str]) -> Option<&str> {
        keys.iter()
            .find_map(|key| self.map.get(*key).and_then(|v| v.first()))
            .map(String::as_str)
    }

    /// All contents of `key`.
    fn all(&self, key: &str) -> &[String] {
        self.map.get(key).map_or(&[], Vec::as_slice)
    }
}

// ---------------------------------------------------------------------------------------
// JSON-LD
// ---------------------------------------------------------------------------------------

/// The `articleBody` of the page's JSON-LD article, whitespace collapsed, when it holds at
/// least `min_chars` characters: the body of pages that render their text with scripts.
pub(crate) fn json_ld_article_body(document: &Html, min_chars: usize) -> Option<String> {
    JsonLd::collect(document.select(&JSON_LD))
        .objects
        .iter()
        .filter(|object| has_type(object, ARTICLE_TYPES))
        .find_map(|object| {
            let body = object.get("articleBody")?.as_str()?;
            let body = body.split_whitespace().collect::<Vec<_>>().join(" ");
            (body.chars().count() >= min_chars).then_some(body)
        })
}

type JsonObject = serde_json::Map<String, serde_json::Value>;

/// The typed objects of the page's JSON-LD, flattened out of arrays and `@graph`.
struct JsonLd {
    objects: Vec<JsonObject>,
}

impl JsonLd {
    /// Reads the JSON-LD `scripts`.
    fn collect<'a>(scripts: impl Iterator<Item = ElementRef<'a>>) -> Self {
        let mut objects = Vec::new();
        let mut budget = MAX_JSON_LD_NODES;
        for script in scripts.take(MAX_JSON_LD_SCRIPTS) {
            let mut text = String::new();
            for chunk in script.text() {
                if text.len() + chunk.len() > MAX_JSON_LD_BYTES {
                    text.clear();
                    break;
                }
                text.push_str(chunk);
            }
            let text = text.trim().trim_end_matches(';');
            if text.is_empty() {
                continue;
            }
            let cleaned: String;
            // Raw newlines and tabs inside strings are invalid JSON but common; outside
            // strings a space is as good.
            let text = if text.chars().any(char::is_control) {
                cleaned = text
                    .chars()
                    .map(|c| if c.is_control() { ' ' } else { c })
                    .collect();
                cleaned.as_str()
            } else {
                text
            };
            let Ok(value) = serde_json::from_str::<serde_json::Value>(text) else {
                continue;
            };
            // Iterative walk: arrays, `@graph`, and objects with a `@type`.
            let mut stack = vec![value];
            while let Some(value) = stack.pop() {
                if budget == 0 {
                    break;
                }
                budget -= 1;
                match value {
                    serde_json::Value::Array(items) => stack.extend(items.into_iter().rev()),
                    serde_json::Value::Object(mut object) => {
                        if let Some(graph) = object.remove("@graph") {
                            stack.push(graph);
                        }
                        // An article's `mainEntity` / `mainEntityOfPage` may be the article.
                        if let Some(main) = object.get("mainEntity").filter(|v| v.is_object()) {
                            stack.push(main.clone());
                        }
                        if object.contains_key("@type") {
                            objects.push(object);
                        }
                    }
                    _ => {}
                }
            }
        }
        Self { objects }
    }

    /// The article object: the first with an article `@type`, else the first with a
    /// `headline`.
    fn article(&self) -> Option<&JsonObject> {
        self.objects
            .iter()
            .find(|o| has_type(o, ARTICLE_TYPES))
            .or_else(|| self.objects.iter().find(|o| o.contains_key("headline")))
    }

    /// `key` of the article object as a string.
    fn article_str(&self, key: &str) -> Option<String> {
        self.article()
            .and_then(|o| o.get(key))
            .and_then(json_string)
    }

    /// `key` of any object, article first.
    fn any_str(&self, key: &str) -> Option<String> {
        self.article_str(key).or_else(|| {
            self.objects
                .iter()
                .find_map(|o| o.get(key).and_then(json_string))
        })
    }

    /// Publisher names: the article's `publisher`, then `Organization`/`NewsMediaOrganization`
    /// and `WebSite` objects.
    fn publisher_names(&self) -> Vec<String> {
        let mut names = Vec::new();
        if let Some(publisher) = self.article().and_then(|o| o.get("publisher")) {
            names.extend(json_names(publisher));
        }
        for object in &self.objects {
            if has_type(
                object,
                &["NewsMediaOrganization", "Organization", "WebSite"],
            ) && let Some(name) = object.get("name").and_then(json_string)
            {
                names.push(name);
            }
        }
        names
    }
}

/// Whether `object`'s `@type` (a string or an array) is one of `types`.
fn has_type(object: &JsonObject, types: &[&str]) -> bool {
    match object.get("@type") {
        Some(serde_json::Value::String(t)) => types.contains(&t.as_str()),
        Some(serde_json::Value::Array(ts)) => ts
            .iter()
            .any(|t| t.as_str().is_some_and(|t| types.contains(&t))),
        _ => false,
    }
}

/// A JSON string (or number) as clean text: entities decoded, whitespace collapsed.
fn json_string(value: &serde_json::Value) -> Option<String> {
    let raw = match value {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Number(n) => n.to_string(),
        serde_json::Value::Array(items) => return items.iter().find_map(json_string),
        serde_json::Value::Object(o) => {
            return o
                .get("@value")
                .or_else(|| o.get("name"))
                .and_then(json_string);
        }
        _ => return None,
    };
    let text = clean_text(&raw);
    (!text.is_empty()).then_some(text)
}

/// Names in a JSON-LD `author`/`publisher` value: a string, an object with `name`, or an
/// array of those.
fn json_names(value: &serde_json::Value) -> Vec<String> {
    let mut names = Vec::new();
    let mut stack = vec![value];
    while let Some(value) = stack.pop() {
        if names.len() >= MAX_AUTHORS {
            break;
        }
        match value {
            serde_json::Value::String(s) => {
                let name = clean_text(s);
                if !name.is_empty() {
                    names.push(name);
                }
            }
            serde_json::Value::Object(o) => {
                if let Some(name) = o.get("name").and_then(json_string) {
                    names.push(name);
                }
            }
            serde_json::Value::Array(items) => stack.extend(items.iter().rev()),
            _ => {}
        }
    }
    names
}

/// Author names in a JSON-LD `author` value; `Organization`-typed authors are dropped when
/// a person is named too (the site credited next to its reporter).
fn json_person_names(value: &serde_json::Value) -> Vec<String> {
    let items: Vec<&serde_json::Value> = match value {
        serde_json::Value::Array(items) => items.iter().take(MAX_AUTHORS * 2).collect(),
        other => vec![other],
    };
    let is_org = |v: &&serde_json::Value| {
        v.as_object()
            .is_some_and(|o| has_type(o, &["Organization", "NewsMediaOrganization"]))
    };
    let people: Vec<&serde_json::Value> = items.iter().copied().filter(|v| !is_org(v)).collect();
    let chosen = if people.is_empty() { items } else { people };
    chosen.into_iter().flat_map(json_names).collect()
}

/// URLs in a JSON-LD `image` value: a string, an `ImageObject` (`url`/`contentUrl`), or an
/// array of those.
fn json_urls(value: &serde_json::Value) -> Option<String> {
    match value {
        serde_json::Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        serde_json::Value::Object(o) => o
            .get("url")
            .or_else(|| o.get("contentUrl"))
            .and_then(json_urls),
        serde_json::Value::Array(items) => items.iter().take(16).find_map(json_urls),
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------
// Title
// ---------------------------------------------------------------------------------------

/// The headline, and the node it was read from when it is visible (dates and bylines are
/// looked for after it).
fn title(
    page: &Candidates,
    layout: &Layout,
    metas: &MetaTags,
    json_ld: &JsonLd,
    raw_title: Option<&str>,
    site_names: &[String],
) -> (Option<String>, Option<ego_tree::NodeId>) {
    let headline = json_ld
        .article_str("headline")
        .or_else(|| json_ld.article_str("name"));
    let og_title = metas
        .first(&["og:title", "twitter:title"])
        .map(clean_text)
        .filter(|t| !t.is_empty());
    let stripped_title = raw_title.map(|t| strip_site_suffix(t, site_names));
    let stripped_og = og_title
        .as_deref()
        .map(|t| strip_site_suffix(t, site_names));

    let references: Vec<Vec<String>> = [headline.as_deref(), og_title.as_deref(), raw_title]
        .into_iter()
        .chain([stripped_title.as_deref(), stripped_og.as_deref()])
        .flatten()
        .map(word_set)
        .filter(|w| !w.is_empty())
        .collect();

    // The visible headline that best agrees with a reference title.
    let mut best: Option<(f64, String, ego_tree::NodeId)> = None;
    if !references.is_empty() {
        for el in matching(&page.headlines, &HEADLINES).take(MAX_CANDIDATES) {
            if in_excluded_region(el, layout) {
                continue;
            }
            // The element, then its child elements: a headline may hold a kicker
            // ("<h1><span>Kicker</span><span>Headline</span></h1>"); a child wins only
            // when it matches a reference almost exactly.
            for (n, candidate) in std::iter::once(el)
                .chain(el.child_elements().take(8))
                .enumerate()
            {
                let text = element_text(candidate, MAX_FIELD_CHARS);
                if text.is_empty() {
                    continue;
                }
                let words = word_set(&text);
                let score = references
                    .iter()
                    .map(|r| dice(&words, r))
                    .fold(0.0_f64, f64::max);
                let floor = if n == 0 {
                    MIN_TITLE_SIMILARITY
                } else {
                    MIN_CHILD_TITLE_SIMILARITY
                };
                if score >= floor && best.as_ref().is_none_or(|(s, ..)| score > *s) {
                    best = Some((score, text, el.id()));
                }
            }
        }
    }
    if let Some((_, text, node)) = best {
        return (Some(text), Some(node));
    }
    let meta_title = headline
        .or(stripped_og)
        .or(stripped_title)
        .filter(|t| !t.is_empty());
    if meta_title.is_some() {
        return (meta_title, None);
    }
    // No reference at all: the first visible h1.
    for el in matching(&page.h1, &H1).take(MAX_CANDIDATES) {
        if in_excluded_region(el, layout) {
            continue;
        }
        let text = element_text(el, MAX_FIELD_CHARS);
        if !text.is_empty() {
            return (Some(text), Some(el.id()));
        }
    }
    (None, None)
}

/// `title` without the site name around it: "Giá vàng tăng - VnExpress" → "Giá vàng
/// tăng". A trailing part is removed when it names the site (`site_names`) or, once, when
/// it is short (≤ 5 words and under half the rest); a leading part only when it names the
/// site.
fn strip_site_suffix(title: &str, site_names: &[String]) -> String {
    let mut title = clean_text(title);
    let names: Vec<String> = site_names
        .iter()
        .map(|n| fold(n))
        .filter(|n| !n.is_empty())
        .collect();
    let names_site = |part: &str| {
        let part = fold(part);
        !part.is_empty()
            && names
                .iter()
                .any(|n| part.contains(n.as_str()) || n.contains(&part))
    };
    let mut stripped_short = false;
    for _ in 0..4 {
        let Some((at, sep)) = TITLE_SEPARATORS
            .iter()
            .filter_map(|sep| title.rfind(sep).map(|at| (at, *sep)))
            .max_by_key(|(at, _)| *at)
        else {
            break;
        };
        let (head, tail) = (&title[..at], &title[at + sep.len()..]);
        if head.trim().chars().count() < 8 {
            break;
        }
        let short =
            tail.split_whitespace().count() <= 5 && tail.chars().count() * 2 < head.chars().count();
        if names_site(tail) || (short && !stripped_short && names.is_empty()) {
            stripped_short = stripped_short || !names_site(tail);
            title = head.trim().to_string();
        } else {
            break;
        }
    }
    // "VnExpress - Headline"
    if let Some((at, sep)) = TITLE_SEPARATORS
        .iter()
        .filter_map(|sep| title.find(sep).map(|at| (at, *sep)))
        .min_by_key(|(at, _)| *at)
    {
        let (head, tail) = (&title[..at], &title[at + sep.len()..]);
        if names_site(head) && tail.chars().count() > head.chars().count() {
            title = tail.trim().to_string();
        }
    }
    title
}

// ---------------------------------------------------------------------------------------
// Site name, URL, description, image, tags, page type
// ---------------------------------------------------------------------------------------

/// The site's name: `og:site_name`, JSON-LD publisher, `application-name`, the `<title>`
/// suffix; a written name beats a domain ("vnexpress.net") or slug ("cafef"), and a name
/// with diacritics beats the same name without ("TUOI TRE ONLINE" → "Tuổi Trẻ Online").
fn site_name(
    metas: &MetaTags,
    json_ld: &JsonLd,
    raw_title: Option<&str>,
    host: Option<&str>,
) -> Option<String> {
    let mut candidates: Vec<String> = Vec::new();
    candidates.extend(metas.first(&["og:site_name"]).map(clean_text));
    candidates.extend(json_ld.publisher_names());
    candidates.extend(
        metas
            .first(&["application-name", "apple-mobile-web-app-title"])
            .map(clean_text),
    );
    if let Some(suffix) = raw_title.and_then(|t| title_suffix(t, host)) {
        candidates.push(suffix);
    }
    candidates.retain(|c| !c.is_empty() && c.chars().count() <= 100 && !looks_like_url(c));
    let good = |c: &&String| !looks_like_domain(c) && !is_slug(c);
    let first = candidates
        .iter()
        .find(good)
        .or_else(|| candidates.first())?;
    // Prefer a spelling of the same name with diacritics and mixed case.
    let key = fold(first);
    let better = candidates
        .iter()
        .filter(|c| fold(c) == key)
        .max_by_key(|c| {
            (
                c.chars().filter(|ch| !ch.is_ascii()).count(),
                !is_all_upper(c),
            )
        });
    Some(better.unwrap_or(first).clone())
}

/// The last part of `title` after a separator when it looks like a site name (short, and
/// naming the host when a host is known).
fn title_suffix(title: &str, host: Option<&str>) -> Option<String> {
    let title = clean_text(title);
    let (at, sep) = TITLE_SEPARATORS
        .iter()
        .filter_map(|sep| title.rfind(sep).map(|at| (at, *sep)))
        .max_by_key(|(at, _)| *at)?;
    let tail = title[at + sep.len()..].trim();
    if tail.is_empty() || tail.split_whitespace().count() > 6 {
        return None;
    }
    if let Some(label) = host.and_then(host_label) {
        let folded = fold(tail).replace(' ', "");
        if !folded.contains(&label) && !label.contains(&folded) {
            return None;
        }
    }
    Some(tail.to_string())
}

/// Folded forms of every name the site goes by, for stripping titles and rejecting the
/// site as an author.
fn site_name_variants(
    metas: &MetaTags,
    json_ld: &JsonLd,
    site_name: Option<&str>,
    host: Option<&str>,
) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    names.extend(site_name.map(str::to_string));
    names.extend(metas.first(&["og:site_name"]).map(clean_text));
    names.extend(json_ld.publisher_names());
    if let Some(label) = host.and_then(host_label) {
        names.push(label);
    }
    names.retain(|n| fold(n).chars().count() >= 3);
    names
}

/// The distinctive label of a host: "vnexpress" for "www.vnexpress.net", "dantri" for
/// "dantri.com.vn".
fn host_label(host: &str) -> Option<String> {
    let parts: Vec<&str> = host.split('.').filter(|p| !p.is_empty()).collect();
    let generic = [
        "www", "m", "amp", "mobile", "com", "net", "org", "vn", "co", "edu", "gov",
    ];
    parts
        .iter()
        .rev()
        .skip(1)
        .find(|p| !generic.contains(p))
        .map(|p| p.to_ascii_lowercase())
}

fn canonical_url(
    page: &Candidates,
    metas: &MetaTags,
    base_url: Option<&url::Url>,
) -> Option<String> {
    let raw = matching(&page.links, &CANONICAL)
        .next()
        .and_then(|el| el.value().attr("href"))
        .map(str::trim)
        .filter(|h| !h.is_empty())
        .or_else(|| metas.first(&["og:url"]))?;
    Some(resolve(raw, base_url))
}

fn description(metas: &MetaTags, json_ld: &JsonLd) -> Option<String> {
    metas
        .first(&[
            "description",
            "og:description",
            "twitter:description",
            "dc.description",
        ])
        .map(clean_text)
        .filter(|d| !d.is_empty())
        .or_else(|| json_ld.article_str("description"))
        .map(|d| truncate_chars(&d, MAX_FIELD_CHARS).to_string())
}

fn image(
    page: &Candidates,
    metas: &MetaTags,
    json_ld: &JsonLd,
    base: Option<&url::Url>,
) -> Option<String> {
    let raw = metas
        .first(&[
            "og:image",
            "og:image:url",
            "og:image:secure_url",
            "twitter:image",
            "twitter:image:src",
        ])
        .map(str::to_string)
        .or_else(|| {
            json_ld
                .article()
                .and_then(|o| o.get("image"))
                .and_then(json_urls)
        })
        .or_else(|| {
            matching(&page.links, &IMAGE_SRC)
                .next()
                .and_then(|el| el.value().attr("href"))
                .map(str::to_string)
        })?;
    let raw = raw.trim();
    (!raw.is_empty()).then(|| resolve(raw, base))
}

fn tags(metas: &MetaTags, json_ld: &JsonLd) -> Vec<String> {
    let mut raw: Vec<String> = Vec::new();
    for key in [
        "news_keywords",
        "keywords",
        "article:tag",
        "og:article:tag",
        "article:section",
    ] {
        raw.extend(metas.all(key).iter().cloned());
    }
    if let Some(keywords) = json_ld.article().and_then(|o| o.get("keywords")) {
        match keywords {
            serde_json::Value::Array(items) => {
                raw.extend(items.iter().take(MAX_TAGS).filter_map(json_string));
            }
            other => raw.extend(json_string(other)),
        }
    }
    let mut tags: Vec<String> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    for entry in raw {
        for tag in entry.split([',', ';']) {
            let tag = clean_text(tag);
            if tag.is_empty() || tag.chars().count() > MAX_TAG_CHARS || looks_like_url(&tag) {
                continue;
            }
            let key = tag.to_lowercase();
            if !seen.contains(&key) {
                seen.push(key);
                tags.push(tag);
            }
            if tags.len() >= MAX_TAGS {
                return tags;
            }
        }
    }
    tags
}

/// A listing when the page declares a collection (JSON-LD `CollectionPage`, `ItemList`,
/// `SearchResultsPage`) and no article; or, with no article signal at all (JSON-LD
/// article, `article:published_time`, `itemprop=articleBody`), when `og:type` is
/// `website` or the canonical URL is a home or section address ("/", "/kinh-doanh.htm").
/// `og:type` `article` alone proves little: some CMSs put it on every page.
fn page_type(page: &Candidates, metas: &MetaTags, json_ld: &JsonLd, url: Option<&str>) -> PageType {
    if json_ld.objects.iter().any(|o| has_type(o, ARTICLE_TYPES)) {
        return PageType::Article;
    }
    if json_ld.objects.iter().any(|o| has_type(o, LISTING_TYPES)) {
        return PageType::Listing;
    }
    let article_signal = metas.first(&["article:published_time"]).is_some()
        || matching(&page.itemprops, &ARTICLE_BODY).next().is_some();
    if article_signal {
        return PageType::Article;
    }
    let og_type = metas.first(&["og:type"]).map(str::to_ascii_lowercase);
    if og_type.as_deref() == Some("website") || url.is_some_and(is_section_url) {
        PageType::Listing
    } else {
        PageType::Article
    }
}

/// Whether `url` addresses a home or section page: at most two path segments, no number
/// of 4+ digits (article ids, dates), and a last segment of at most
/// [`MAX_SECTION_SLUG_WORDS`] words.
fn is_section_url(url: &str) -> bool {
    let Ok(url) = url::Url::parse(url) else {
        return false;
    };
    let segments: Vec<&str> = url
        .path_segments()
        .map(|s| s.filter(|s| !s.is_empty()).collect())
        .unwrap_or_default();
    if segments.len() > 2 || url.query().is_some_and(|q| q.contains("id=")) {
        return false;
    }
    let long_number = |s: &str| {
        s.split(|c: char| !c.is_ascii_digit())
            .any(|run| run.len() >= 4)
    };
    if segments.iter().any(|s| long_number(s)) {
        return false;
    }
    segments.last().is_none_or(|last| {
        let stem = last.rsplit_once('.').map_or(*last, |(stem, _)| stem);
        stem.split(['-', '_']).filter(|w| !w.is_empty()).count() <= MAX_SECTION_SLUG_WORDS
    })
}

// ---------------------------------------------------------------------------------------
// Language
// ---------------------------------------------------------------------------------------

fn language(page: &Candidates, metas: &MetaTags, json_ld: &JsonLd) -> Option<String> {
    let declared = json_ld
        .article_str("inLanguage")
        .as_deref()
        .and_then(normalise_language)
        .or_else(|| {
            matching(&page.html_lang, &HTML_LANG)
                .next()
                .and_then(|el| el.value().attr("lang"))
                .and_then(normalise_language)
        })
        .or_else(|| {
            metas
                .first(&["content-language", "language", "og:locale", "dc.language"])
                .and_then(normalise_language)
        });
    if declared.as_deref().is_some_and(|l| l != "en") {
        return declared;
    }
    // Declared English is often a template default; check it against the text.
    let detected = detect_language(&page.paragraphs);
    match (declared, detected) {
        (Some(declared), Some((detected, reliable))) => {
            Some(if reliable { detected } else { declared })
        }
        (declared, detected) => declared.or(detected.map(|(lang, _)| lang)),
    }
}

/// A declared language tag as a 2-letter code: "vi-VN" → "vi", "en_US" → "en".
fn normalise_language(tag: &str) -> Option<String> {
    let primary = tag
        .trim()
        .split(['-', '_', ',', ';', ' '])
        .next()?
        .to_ascii_lowercase();
    match primary.len() {
        2 if primary.chars().all(|c| c.is_ascii_lowercase()) => Some(primary),
        3 => iso639_3_to_1(&primary).map(str::to_string),
        _ => None,
    }
}

/// The language of the page's paragraphs, and whether whatlang finds it reliable.
fn detect_language(paragraphs: &[ElementRef]) -> Option<(String, bool)> {
    let mut sample = String::new();
    for p in paragraphs.iter().take(MAX_CANDIDATES) {
        // Text of scripts and styles inside a paragraph is not its language.
        push_visible_text(*p, &mut sample, false, usize::MAX);
        sample.push('\n');
        if sample.len() >= LANGUAGE_SAMPLE_CHARS * 2 {
            break;
        }
    }
    let sample = truncate_chars(&sample, LANGUAGE_SAMPLE_CHARS);
    if sample.chars().filter(|c| c.is_alphabetic()).count() < MIN_LANGUAGE_SAMPLE_CHARS {
        return None;
    }
    if reads_as_english(sample) {
        return Some(("en".to_string(), true));
    }
    let info = whatlang::detect(sample)?;
    let code = iso639_3_to_1(info.lang().code())?;
    Some((code.to_string(), info.is_reliable()))
}

/// Whether English function words make a large share of the words of `sample`: plain
/// English prose, which whatlang would only confirm.
fn reads_as_english(sample: &str) -> bool {
    let mut words = 0usize;
    let mut function_words = 0usize;
    let mut the = 0usize;
    let mut lower = String::new();
    for word in sample
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        words += 1;
        if !word.is_ascii() || word.len() > 5 {
            continue;
        }
        lower.clear();
        lower.extend(word.chars().map(|c| c.to_ascii_lowercase()));
        if ENGLISH_FUNCTION_WORDS.contains(lower.as_str()) {
            function_words += 1;
            the += usize::from(lower == "the");
        }
    }
    words >= MIN_ENGLISH_TEST_WORDS
        && function_words as f64 >= ENGLISH_FUNCTION_WORD_SHARE * words as f64
        && the as f64 >= ENGLISH_THE_SHARE * words as f64
}

/// ISO 639-3 codes (as whatlang gives them) to ISO 639-1.
fn iso639_3_to_1(code: &str) -> Option<&'static str> {
    Some(match code {
        "afr" => "af",
        "aka" => "ak",
        "amh" => "am",
        "ara" => "ar",
        "aze" => "az",
        "bel" => "be",
        "ben" => "bn",
        "bul" => "bg",
        "cat" => "ca",
        "ces" | "cze" => "cs",
        "cmn" | "zho" | "chi" => "zh",
        "cym" => "cy",
        "dan" => "da",
        "deu" | "ger" => "de",
        "ell" | "gre" => "el",
        "eng" => "en",
        "epo" => "eo",
        "est" => "et",
        "fin" => "fi",
        "fra" | "fre" => "fr",
        "guj" => "gu",
        "heb" => "he",
        "hin" => "hi",
        "hrv" => "hr",
        "hun" => "hu",
        "hye" | "arm" => "hy",
        "ind" => "id",
        "ita" => "it",
        "jav" => "jv",
        "jpn" => "ja",
        "kan" => "kn",
        "kat" | "geo" => "ka",
        "khm" => "km",
        "kor" => "ko",
        "lat" => "la",
        "lav" => "lv",
        "lit" => "lt",
        "mal" => "ml",
        "mar" => "mr",
        "mkd" | "mac" => "mk",
        "mya" | "bur" => "my",
        "nep" => "ne",
        "nld" | "dut" => "nl",
        "nob" | "nor" => "no",
        "ori" => "or",
        "pan" => "pa",
        "pes" | "fas" | "per" => "fa",
        "pol" => "pl",
        "por" => "pt",
        "ron" | "rum" => "ro",
        "rus" => "ru",
        "sin" => "si",
        "slk" | "slo" => "sk",
        "slv" => "sl",
        "sna" => "sn",
        "spa" => "es",
        "srp" => "sr",
        "swe" => "sv",
        "tam" => "ta",
        "tel" => "te",
        "tgl" => "tl",
        "tha" => "th",
        "tuk" => "tk",
        "tur" => "tr",
        "ukr" => "uk",
        "urd" => "ur",
        "uzb" => "uz",
        "vie" => "vi",
        "yid" => "yi",
        "zul" => "zu",
        _ => return None,
    })
}

// ---------------------------------------------------------------------------------------
// Authors
// ---------------------------------------------------------------------------------------

/// Where the article sits in the page: the layout around it, its body container, and its
/// headline node.
struct Anchors<'a> {
    layout: &'a Layout,
    body: Option<ElementRef<'a>>,
    title_node: Option<ego_tree::NodeId>,
}

fn authors(
    page: &Candidates,
    anchors: &Anchors,
    metas: &MetaTags,
    json_ld: &JsonLd,
    site_names: &[String],
    vietnamese: bool,
) -> Vec<String> {
    let Anchors {
        layout,
        body,
        title_node,
    } = *anchors;
    let is_site = |name: &str| {
        let folded = fold(name);
        let words: Vec<String> = name.split_whitespace().map(fold).collect();
        folded.is_empty()
            || looks_like_domain(name)
            || looks_like_url(name)
            || NOT_AUTHOR_NAMES.contains(&name.to_lowercase().as_str())
            || site_names.iter().map(|s| fold(s)).any(|s| {
                s == folded
                    || (s.chars().count() >= 4 && folded.contains(&s))
                    || words.contains(&s)
                    || (folded.chars().count() >= 5 && s.contains(&folded))
            })
    };

    // Structured: JSON-LD article author, else author meta tags.
    let mut structured: Vec<String> = Vec::new();
    if let Some(author) = json_ld.article().and_then(|o| o.get("author")) {
        for name in json_person_names(author) {
            structured.extend(split_names(&name));
        }
    }
    if structured.iter().all(|n| is_site(n)) {
        structured.clear();
        for key in AUTHOR_META_KEYS {
            for value in metas.all(key) {
                if !looks_like_url(value) {
                    structured.extend(split_names(&clean_text(value)));
                }
            }
            if structured.iter().any(|n| !is_site(n)) {
                break;
            }
        }
    }
    structured.retain(|n| !is_site(n) && is_name_like(n));

    // Visible: byline elements, then the signature or credit line closing the body.
    let (mut visible, mut truncated) = visible_byline(page, layout, title_node).unwrap_or_default();
    visible.retain(|n| !is_site(n));
    if visible.is_empty() {
        visible = signature(body, layout, vietnamese).unwrap_or_default();
        visible.retain(|n| !is_site(n));
        truncated = false;
    }
    // A visible name wrapping a structured one ("بقلم سلمى الحداد") is that name.
    let visible: Vec<String> = visible
        .into_iter()
        .map(|v| {
            let folded = fold(&v);
            structured
                .iter()
                .find(|s| {
                    let s = fold(s);
                    s.chars().count() >= 3 && s != folded && folded.contains(&s)
                })
                .cloned()
                .unwrap_or(v)
        })
        .collect();
    // The structured list is better when the byline shows only some of its names
    // ("NHẬT XUÂN và 1 tác giả khác").
    let structured_keys: Vec<String> = structured.iter().map(|n| fold(n)).collect();
    let subset = visible.iter().all(|v| structured_keys.contains(&fold(v)));
    // A byline sharing no word with the structured names read something else (a section
    // label, another story's author); a partial match ("Lương Ý" / "Lương Văn Ý") is the
    // byline as displayed.
    let structured_words: Vec<String> = structured.iter().flat_map(|n| word_set(n)).collect();
    let disjoint = !structured.is_empty()
        && visible
            .iter()
            .all(|v| word_set(v).iter().all(|w| !structured_words.contains(w)));
    let chosen = if visible.is_empty()
        || disjoint
        || (structured.len() > visible.len() && (truncated || subset))
    {
        structured
    } else {
        visible
    };
    dedupe_names(chosen)
}

/// Names from the first byline selector that matches outside excluded regions, preferring
/// the first match after the headline; the flag is set when the byline abbreviates a list
/// ("NHẬT XUÂN và 1 tác giả khác").
fn visible_byline(
    page: &Candidates,
    layout: &Layout,
    title_node: Option<ego_tree::NodeId>,
) -> Option<(Vec<String>, bool)> {
    // Whether a candidate reads as a byline, and its text, computed once for all the
    // selectors (most candidates match several).
    let mut readings: Vec<Option<Option<String>>> = vec![None; page.bylines.len()];
    for sel in BYLINES.iter() {
        let matches: Vec<(ElementRef, String)> = page
            .bylines
            .iter()
            .enumerate()
            .filter(|(_, el)| sel.matches(el))
            .take(MAX_CANDIDATES)
            .filter_map(|(index, &el)| {
                let reading = readings.get_mut(index)?.get_or_insert_with(|| {
                    if in_excluded_region(el, layout) {
                        return None;
                    }
                    let text = element_text(el, MAX_BYLINE_CHARS + 1);
                    (!text.is_empty()
                        && text.chars().count() <= MAX_BYLINE_CHARS
                        && !byline_element_names(&text).is_empty())
                    .then_some(text)
                });
                reading.clone().map(|text| (el, text))
            })
            .collect();
        // A byline before the headline may belong to a header teaser: prefer one after it.
        let start = title_node
            .and_then(|t| matches.iter().position(|(el, _)| el.id() > t))
            .unwrap_or(0);
        let Some((first, _)) = matches.get(start) else {
            continue;
        };
        // Several matches count only when they share a grandparent (one byline).
        let group = grandparent(*first);
        let mut names = Vec::new();
        let mut truncated = false;
        for (el, text) in &matches[start..] {
            if grandparent(*el) != group {
                break;
            }
            let around = el
                .parent()
                .and_then(ElementRef::wrap)
                .map_or_else(|| text.clone(), |p| element_text(p, MAX_FIELD_CHARS));
            let lower = around.to_lowercase();
            if lower.contains("tác giả khác") || lower.contains(" others") {
                truncated = true;
            }
            names.extend(byline_element_names(text));
            if names.len() >= MAX_AUTHORS {
                break;
            }
        }
        if !names.is_empty() {
            return Some((names, truncated));
        }
    }
    None
}

/// The signature or credit line closing the article body: the last few text blocks of the
/// body container are read backwards until prose. `vietnamese` allows bare signatures
/// (an upper-case or bold name on its own line).
fn signature(body: Option<ElementRef>, layout: &Layout, vietnamese: bool) -> Option<Vec<String>> {
    let body = body?;
    // Blocks holding text, in document order (capped), then read from the end. A block is
    // the nearest block-level element around a text node: `<p><strong>Hà Thu</strong>
    // <em>(tổng hợp)</em></p>` is one block.
    let mut blocks: Vec<ElementRef> = Vec::new();
    for node in body.descendants().take(50_000) {
        if node.value().as_text().is_none_or(|t| t.trim().is_empty()) {
            continue;
        }
        let block = node
            .ancestors()
            .take(MAX_ANCESTORS)
            .filter_map(ElementRef::wrap)
            .find(|e| is_block_tag(e.value().name()) || e.id() == body.id());
        if let Some(block) = block
            && blocks.last().is_none_or(|last| last.id() != block.id())
        {
            blocks.push(block);
        }
    }
    let mut seen = 0;
    for el in blocks.iter().rev().take(MAX_CANDIDATES) {
        // Captions, related boxes and link lists (ads, teasers) may follow the signature.
        if el.id() == body.id()
            || in_excluded_region(*el, layout)
            || in_caption(*el)
            || el.value().name() == "li"
            || is_link_text(*el)
        {
            continue;
        }
        let text = element_text(*el, MAX_FIELD_CHARS);
        if text.is_empty() {
            continue;
        }
        if text.chars().count() >= SIGNATURE_PROSE_CHARS {
            break;
        }
        // Bare names closing the body are a Vietnamese convention; elsewhere only credit
        // lines ("By …") and author-classed elements count.
        let name = if vietnamese {
            byline_name(&text).or_else(|| {
                // A bare title-case name counts when the page sets it apart: bold,
                // right-aligned, an author class, or the very last line of the body.
                (seen == 0 || is_emphasised(*el) || has_author_class(*el))
                    .then(|| signature_name(&text))
                    .flatten()
            })
        } else {
            credit_name(&text).or_else(|| {
                has_author_class(*el)
                    .then(|| signature_name(&text))
                    .flatten()
            })
        };
        if let Some(name) = name {
            return Some(split_names(&name));
        }
        seen += 1;
        if seen >= SIGNATURE_LOOKBACK_BLOCKS {
            break;
        }
    }
    // A credit line ("Tin, ảnh: …") may also open the body.
    for el in blocks.iter().take(SIGNATURE_LOOKBACK_BLOCKS) {
        let text = element_text(*el, MAX_BYLINE_CHARS + 1);
        if text.chars().count() <= MAX_BYLINE_CHARS
            && let Some(name) = credit_name(&text)
        {
            return Some(split_names(&name));
        }
    }
    None
}

/// The article body container: the first [`BODY_SELECTORS`] match holding some prose, else
/// the parent of the most long paragraphs.
fn main_body<'a>(document: &'a Html, page: &Candidates<'a>) -> Option<ElementRef<'a>> {
    BODIES
        .iter()
        .find_map(|sel| {
            matching(&page.bodies, sel)
                .take(MAX_CANDIDATES)
                .find(|el| element_text(*el, MIN_BODY_CHARS).chars().count() >= MIN_BODY_CHARS)
        })
        .or_else(|| densest_paragraph_parent(document, &page.paragraphs))
}

/// The parent of the most paragraphs of 80+ characters: the body when no selector matches.
fn densest_paragraph_parent<'a>(
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
    let (id, _) = counts
        .into_iter()
        .max_by_key(|(id, n)| (*n, std::cmp::Reverse(*id)))?;
    document.tree.get(id).and_then(ElementRef::wrap)
}

/// Names in the text of a byline element: prefixes ("Theo", "Tác giả:"), dates and
/// separators ("Nguyên Minh - 07/03/2026 08:47", "Đỗ Trung • 07:12") removed.
fn byline_element_names(text: &str) -> Vec<String> {
    let mut text = text.trim().to_string();
    if let Some(name) = credit_name(&text) {
        text = name;
    }
    let lower = text.to_lowercase();
    for prefix in BYLINE_ELEMENT_PREFIXES {
        if lower.starts_with(prefix) {
            text = text[prefix.len()..].trim().to_string();
            break;
        }
    }
    // Cut at the first date-like part or bullet.
    let mut kept = String::new();
    for part in text.split(['•', '|', '·', '\n']) {
        if part.chars().any(|c| c.is_ascii_digit()) {
            // "Nguyên Minh - 07/03/2026": keep what precedes the date inside the part.
            let before: Vec<&str> = part
                .split(" - ")
                .take_while(|p| !p.chars().any(|c| c.is_ascii_digit()))
                .collect();
            kept.push_str(&before.join(" - "));
            break;
        }
        if !kept.is_empty() {
            kept.push_str(", ");
        }
        kept.push_str(part);
    }
    let lower = kept.to_lowercase();
    let kept = match lower
        .find(" và ")
        .filter(|_| lower.contains("tác giả khác"))
    {
        Some(at) => kept[..at].to_string(),
        None => kept,
    };
    split_names(&kept)
        .into_iter()
        .filter(|n| is_name_like(n))
        .collect()
}

/// Recognises a credit or signature line of an article body and returns the credited
/// name(s) as written, for `clean` to drop such lines from the body.
///
/// Recognised: writer credits ("Tin, ảnh: HÀ PHƯƠNG", "Bài và ảnh: Minh Anh", "Tác giả:
/// …", "By …"); an upper-case short line ("NHẬT XUÂN - NGHI VŨ", "Q.C"); a name marked as
/// compiled or translated ("Hà Thu (tổng hợp)", "Minh Anh (theo Reuters)"). Not
/// recognised: sources ("Theo TTXVN", "Nguồn: …"), photo credits ("Ảnh: …"), and title-case
/// names on their own (see [`signature_name`], which needs the line's emphasis as context).
pub(crate) fn byline_name(line: &str) -> Option<String> {
    let line = clean_text(line);
    if line.is_empty() || line.chars().count() > MAX_BYLINE_CHARS {
        return None;
    }
    if let Some(name) = credit_name(&line) {
        return Some(name);
    }
    let (name, marked) = strip_compile_marker(&line);
    if name.is_empty() {
        return None;
    }
    if marked && split_names(&name).iter().all(|n| is_name_like(n)) {
        return Some(name);
    }
    let names = split_names(&name);
    let upper_names = !names.is_empty()
        && names.iter().all(|n| is_name_like(n) && is_all_upper(n))
        && name.chars().filter(|c| c.is_alphabetic()).count() >= 2;
    let multi_word_or_initials = names
        .iter()
        .all(|n| n.split_whitespace().count() >= 2 || is_initials(n));
    let not_label = !name
        .split(|c: char| !c.is_alphabetic())
        .any(|w| NOT_NAME_WORDS.contains(&w));
    (upper_names && multi_word_or_initials && not_label).then_some(name)
}

/// Like [`byline_name`], and also accepts a title-case name on its own ("Anh Dũng") — only
/// for a line the page marks as a signature (bold, right-aligned, or an author class) at
/// the end of the body.
pub(crate) fn signature_name(line: &str) -> Option<String> {
    if let Some(name) = byline_name(line) {
        return Some(name);
    }
    let line = clean_text(line);
    let (name, _) = strip_compile_marker(&line);
    let names = split_names(&name);
    let ok = !names.is_empty()
        && names.iter().all(|n| {
            is_name_like(n)
                && (n.split_whitespace().count() >= 2 || is_initials(n))
                && n.split_whitespace()
                    .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        })
        && !name.split(|c: char| !c.is_alphabetic()).any(|w| {
            NOT_NAME_WORDS.contains(&w) || NOT_NAME_WORDS.contains(&w.to_uppercase().as_str())
        });
    ok.then_some(name)
}

/// The name after a writer credit prefix ("Tin, ảnh: HÀ PHƯƠNG" → "HÀ PHƯƠNG").
fn credit_name(line: &str) -> Option<String> {
    let line = clean_text(line);
    let lower = line.to_lowercase();
    let prefix = AUTHOR_CREDIT_PREFIXES
        .iter()
        .find(|p| lower.starts_with(**p))?;
    // Byte offsets agree: lowercase of these prefixes keeps their length.
    let rest = line
        .get(prefix.len()..)?
        .trim()
        .trim_start_matches(':')
        .trim();
    let (rest, _) = strip_compile_marker(rest);
    let names = split_names(&rest);
    (!names.is_empty() && names.iter().all(|n| is_name_like(n))).then_some(rest)
}

/// `line` without a trailing "(tổng hợp)", "(theo …)", "(dịch)" marker, and whether one
/// was there.
fn strip_compile_marker(line: &str) -> (String, bool) {
    let line = line.trim();
    if let Some(open) = line.rfind('(')
        && line.ends_with(')')
    {
        let inner = line[open + 1..line.len() - 1].trim().to_lowercase();
        let marker = [
            "tổng hợp",
            "theo ",
            "dịch",
            "lược dịch",
            "biên dịch",
            "tổng hợp)",
        ]
        .iter()
        .any(|m| inner.starts_with(m));
        if marker {
            return (line[..open].trim().to_string(), true);
        }
    }
    (line.to_string(), false)
}

/// Splits a credit holding several names: "THUẬN VĂN - LÊ ÁNH", "A, B và C", "A; B".
fn split_names(text: &str) -> Vec<String> {
    let mut parts = vec![text.to_string()];
    for sep in [
        ";", ",", " và ", " - ", " – ", " & ", " and ", " und ", " et ", " y ", " og ", " och ",
        " e ", " i ", " ve ", " и ",
    ] {
        parts = parts
            .iter()
            .flat_map(|p| p.split(sep).map(str::to_string).collect::<Vec<_>>())
            .collect();
    }
    parts
        .into_iter()
        .map(|p| {
            let p = p
                .trim()
                .trim_matches(|c: char| matches!(c, ':' | '-' | '–' | '—' | ',' | '*'));
            // A full stop after a name, but not after initials ("Q.C.").
            let p = match p.strip_suffix('.') {
                Some(stripped) if !is_initials(p) => stripped,
                _ => p,
            };
            // A job title after the name ("신현주 기자", "山田太郎記者").
            let p = ROLE_SUFFIXES
                .iter()
                .find_map(|suffix| p.strip_suffix(suffix))
                .unwrap_or(p);
            clean_text(p)
        })
        .filter(|p| !p.is_empty())
        .take(MAX_AUTHORS)
        .collect()
}

/// Whether `name` can be a person's name: 1–6 words, no digits or URL characters, starting
/// with an upper-case letter.
fn is_name_like(name: &str) -> bool {
    let words = name.split_whitespace().count();
    (1..=MAX_NAME_WORDS).contains(&words)
        && name.chars().count() <= MAX_NAME_CHARS
        // Upper-case first letter, or a script without case (Arabic, CJK).
        && name.chars().next().is_some_and(|c| c.is_alphabetic() && !c.is_lowercase())
        && name.chars().all(|c| {
            c.is_alphabetic()
                || c.is_whitespace()
                || matches!(c, '.' | '-' | '\'' | '’' | '/' | '·' | '・')
                || unicode_normalization::char::is_combining_mark(c)
        })
        && !NOT_AUTHOR_NAMES.contains(&name.to_lowercase().as_str())
}

/// Initials such as "Q.C", "P.Y", "T.L.".
fn is_initials(name: &str) -> bool {
    name.contains('.')
        && !name.contains(' ')
        && name.chars().all(|c| c == '.' || c.is_uppercase())
        && name.chars().filter(|c| c.is_uppercase()).count() >= 2
}

fn is_all_upper(text: &str) -> bool {
    let mut letters = text.chars().filter(|c| c.is_alphabetic()).peekable();
    letters.peek().is_some() && letters.all(char::is_uppercase)
}

/// Removes duplicates (ignoring case) and caps the list.
fn dedupe_names(names: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for name in names {
        if !out.iter().any(|n| n.to_lowercase() == name.to_lowercase()) {
            out.push(name);
        }
        if out.len() >= MAX_AUTHORS {
            break;
        }
    }
    out
}

/// Whether the element is bold or right-aligned, as signatures are.
fn is_emphasised(el: ElementRef) -> bool {
    let bold_tag = |e: ElementRef| matches!(e.value().name(), "strong" | "b");
    let right = |e: ElementRef| {
        e.value()
            .attr("align")
            .is_some_and(|a| a.eq_ignore_ascii_case("right"))
            || e.value().attr("style").is_some_and(|s| {
                let s = s.to_ascii_lowercase().replace(' ', "");
                s.contains("text-align:right")
                    || s.contains("font-weight:bold")
                    || s.contains("font-weight:700")
            })
            || e.value().classes().any(|c| {
                let c = c.to_ascii_lowercase();
                c.contains("right") || c.contains("bold")
            })
    };
    if bold_tag(el) || right(el) {
        return true;
    }
    // A block whose whole text sits in one bold child: <p><strong>Anh Dũng</strong></p>.
    let own = element_text(el, MAX_BYLINE_CHARS);
    el.child_elements()
        .any(|c| (bold_tag(c) || right(c)) && element_text(c, MAX_BYLINE_CHARS) == own)
        || el
            .parent()
            .and_then(ElementRef::wrap)
            .is_some_and(|p| right(p) && element_text(p, MAX_BYLINE_CHARS) == own)
}

/// Whether the element or its parent has an author/signature class.
fn has_author_class(el: ElementRef) -> bool {
    let marks = |e: ElementRef| {
        e.value().classes().any(|c| {
            let c = c.to_ascii_lowercase();
            c.contains("author") || c.contains("signature") || c.contains("tacgia") || c == "name"
        })
    };
    marks(el) || el.parent().and_then(ElementRef::wrap).is_some_and(marks)
}

/// Whether all of the element's text is link text (a teaser or an ad, not a signature).
fn is_link_text(el: ElementRef) -> bool {
    static LINKS: LazyLock<Selector> = LazyLock::new(|| selector("a"));
    let total = element_text(el, MAX_FIELD_CHARS).chars().count();
    let linked: usize = el
        .select(&LINKS)
        .take(MAX_CANDIDATES)
        .map(|a| element_text(a, MAX_FIELD_CHARS).chars().count())
        .sum();
    total > 0 && linked * 10 >= total * 8
}

/// Whether the element is inside a caption or figure.
fn in_caption(el: ElementRef) -> bool {
    std::iter::once(*el)
        .chain(el.ancestors())
        .take(MAX_ANCESTORS)
        .filter_map(ElementRef::wrap)
        .any(|e| {
            matches!(e.value().name(), "figure" | "figcaption")
                || e.value().classes().any(|c| {
                    let c = c.to_ascii_lowercase();
                    c.contains("caption") || c.contains("image") || c.contains("photo")
                })
        })
}

// ---------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------

/// A point in time as a page writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    year: i32,
    month: u32,
    day: u32,
    /// Hour, minute, second; `None` for a bare date.
    time: Option<(u32, u32, u32)>,
    /// UTC offset in minutes, when the page gives one.
    offset: Option<i32>,
}

impl Stamp {
    /// RFC 3339 with seconds and offset; `default_offset` (minutes) fills a missing offset.
    fn rfc3339(&self, default_offset: i32) -> String {
        let (h, mi, s) = self.time.unwrap_or((0, 0, 0));
        let offset = self.offset.unwrap_or(default_offset);
        let sign = if offset < 0 { '-' } else { '+' };
        let abs = offset.unsigned_abs();
        format!(
            "{:04}-{:02}-{:02}T{h:02}:{mi:02}:{s:02}{sign}{:02}:{:02}",
            self.year,
            self.month,
            self.day,
            abs / 60,
            abs % 60
        )
    }

    fn same_day(&self, other: &Self) -> bool {
        (self.year, self.month, self.day) == (other.year, other.month, other.day)
    }
}

fn published(
    page: &Candidates,
    layout: &Layout,
    metas: &MetaTags,
    json_ld: &JsonLd,
    title_node: Option<ego_tree::NodeId>,
    default_offset: i32,
) -> Option<String> {
    let mut candidates: Vec<Stamp> = Vec::new();
    candidates.extend(
        json_ld
            .article_str("datePublished")
            .as_deref()
            .and_then(parse_date),
    );
    candidates.extend(
        PUBLISHED_META_KEYS
            .iter()
            .filter_map(|k| metas.first(&[k]))
            .find_map(parse_date),
    );
    candidates.extend(itemprop_date(page, &ITEMPROP_PUBLISHED, layout));
    candidates.extend(
        json_ld
            .any_str("datePublished")
            .as_deref()
            .and_then(parse_date),
    );
    candidates.extend(time_element(page, title_node, layout));
    candidates.extend(date_line(page, title_node, layout));
    best_stamp(&candidates).map(|s| s.rfc3339(default_offset))
}

fn modified(
    page: &Candidates,
    layout: &Layout,
    metas: &MetaTags,
    json_ld: &JsonLd,
    default_offset: i32,
) -> Option<String> {
    let mut candidates: Vec<Stamp> = Vec::new();
    candidates.extend(
        json_ld
            .article_str("dateModified")
            .as_deref()
            .and_then(parse_date),
    );
    candidates.extend(
        MODIFIED_META_KEYS
            .iter()
            .filter_map(|k| metas.first(&[k]))
            .find_map(parse_date),
    );
    candidates.extend(itemprop_date(page, &ITEMPROP_MODIFIED, layout));
    best_stamp(&candidates).map(|s| s.rfc3339(default_offset))
}

/// The first candidate, with its time taken from a later candidate of the same day when it
/// has none (JSON-LD gives "2026-01-08", the date line "08/01/2026 - 18:21").
fn best_stamp(candidates: &[Stamp]) -> Option<Stamp> {
    let mut best = *candidates.first()?;
    if best.time.is_none()
        && let Some(timed) = candidates
            .iter()
            .find(|c| c.time.is_some() && c.same_day(&best))
    {
        best = *timed;
    }
    if best.offset.is_none()
        && let Some(offset) = candidates
            .iter()
            .find(|c| c.same_day(&best) && c.time == best.time && c.offset.is_some())
            .and_then(|c| c.offset)
    {
        best.offset = Some(offset);
    }
    Some(best)
}

/// A date from an `itemprop` element outside `<meta>` (those are in [`MetaTags`]).
fn itemprop_date(page: &Candidates, sel: &Selector, layout: &Layout) -> Option<Stamp> {
    matching(&page.itemprops, sel)
        .take(MAX_CANDIDATES)
        .filter(|el| el.value().name() != "meta" && !in_excluded_region(*el, layout))
        .find_map(|el| {
            el.value()
                .attr("content")
                .or_else(|| el.value().attr("datetime"))
                .and_then(parse_date)
                .or_else(|| parse_date(&element_text(el, MAX_DATE_LINE_CHARS)))
        })
}

/// The `<time datetime>` of the article: a `pubdate` one, else the first after the headline,
/// else the first.
fn time_element(
    page: &Candidates,
    title_node: Option<ego_tree::NodeId>,
    layout: &Layout,
) -> Option<Stamp> {
    let mut first = None;
    let mut after_title = None;
    for el in matching(&page.times, &TIMES).take(MAX_CANDIDATES) {
        if in_excluded_region(el, layout) {
            continue;
        }
        let Some(stamp) = el.value().attr("datetime").and_then(parse_date) else {
            continue;
        };
        if el.value().attr("pubdate").is_some() {
            return Some(stamp);
        }
        first = first.or(Some(stamp));
        if after_title.is_none() && title_node.is_some_and(|t| el.id() > t) {
            after_title = Some(stamp);
        }
    }
    after_title.or(first)
}

/// A visible date line ("Thứ Hai, 17/11/2025 10:30 (GMT+7)"): the first after the headline,
/// else the first on the page.
fn date_line(
    page: &Candidates,
    title_node: Option<ego_tree::NodeId>,
    layout: &Layout,
) -> Option<Stamp> {
    let mut first = None;
    for el in matching(&page.date_lines, &DATE_LINES).take(MAX_CANDIDATES) {
        if in_excluded_region(el, layout) {
            continue;
        }
        let text = element_text(el, MAX_DATE_LINE_CHARS + 1);
        if text.is_empty() || text.chars().count() > MAX_DATE_LINE_CHARS {
            continue;
        }
        let Some(stamp) = parse_text_date(&text) else {
            continue;
        };
        if title_node.is_none_or(|t| el.id() > t) {
            return Some(stamp);
        }
        first = first.or(Some(stamp));
    }
    first
}

/// Parses a machine-readable or displayed date: ISO 8601 variants first
/// ("2025-10-22T19:25:52+07:00", "+0700", ".000 +07:00", "2015-03-23 08:06 +07:00"), then
/// the displayed forms of [`parse_text_date`].
fn parse_date(text: &str) -> Option<Stamp> {
    let text = clean_text(truncate_chars(text, MAX_DATE_LINE_CHARS));
    parse_iso(&text).or_else(|| parse_text_date(&text))
}

/// Reads ASCII digits at `*i`, at most `max` of them; returns the value and the count.
fn read_number(bytes: &[u8], i: &mut usize, max: usize) -> Option<(u32, usize)> {
    let start = *i;
    let mut value: u32 = 0;
    while *i < bytes.len() && bytes[*i].is_ascii_digit() && *i - start < max {
        value = value * 10 + u32::from(bytes[*i] - b'0');
        *i += 1;
    }
    (*i > start).then_some((value, *i - start))
}

/// ISO 8601 as pages write it: `YYYY-MM-DD`, then optionally `T` or spaces, `HH:MM[:SS[.f]]`,
/// spaces, and `Z`, `±HH:MM`, `±HHMM` or `±HH`.
fn parse_iso(text: &str) -> Option<Stamp> {
    let bytes = text.as_bytes();
    let mut i = 0;
    let (year, 4) = read_number(bytes, &mut i, 4)? else {
        return None;
    };
    let sep = *bytes.get(i)?;
    if sep != b'-' && sep != b'/' {
        return None;
    }
    i += 1;
    let (month, _) = read_number(bytes, &mut i, 2)?;
    if bytes.get(i) != Some(&sep) {
        return None;
    }
    i += 1;
    let (day, _) = read_number(bytes, &mut i, 2)?;
    let mut stamp = valid_date(i32::try_from(year).ok()?, month, day)?;
    // Time.
    let mut j = i;
    while matches!(bytes.get(j), Some(b' ' | b'T' | b't')) {
        j += 1;
    }
    let Some((hour, _)) = read_number(bytes, &mut j, 2) else {
        return Some(stamp);
    };
    if bytes.get(j) != Some(&b':') {
        return Some(stamp);
    }
    j += 1;
    let (minute, 2) = read_number(bytes, &mut j, 2)? else {
        return Some(stamp);
    };
    let mut second = 0;
    if bytes.get(j) == Some(&b':') {
        j += 1;
        second = read_number(bytes, &mut j, 2).map_or(0, |(s, _)| s);
        if bytes.get(j) == Some(&b'.') || bytes.get(j) == Some(&b',') {
            j += 1;
            while bytes.get(j).is_some_and(u8::is_ascii_digit) {
                j += 1;
            }
        }
    }
    if hour > 23 || minute > 59 || second > 60 {
        return Some(stamp);
    }
    stamp.time = Some((hour, minute, second.min(59)));
    // A 12-hour suffix ("7:12:35 AM") is not ISO; leave it to the text parser.
    let rest = text[j..].trim_start();
    let lower = rest.to_ascii_lowercase();
    if lower.starts_with("am") || lower.starts_with("pm") {
        return None;
    }
    stamp.offset = parse_offset(rest);
    Some(stamp)
}

/// A UTC offset at the start of `text`: `Z`, `±HH:MM`, `±HHMM`, `±HH`, optionally after
/// `GMT`/`UTC` and an opening parenthesis.
fn parse_offset(text: &str) -> Option<i32> {
    let mut rest = text.trim_start().trim_start_matches('(').trim_start();
    let upper = rest.to_ascii_uppercase();
    if upper.starts_with("GMT") || upper.starts_with("UTC") {
        rest = rest[3..].trim_start();
        if !rest.starts_with(['+', '-', '−']) {
            return Some(0);
        }
    } else if upper.starts_with('Z') {
        return Some(0);
    }
    let (sign, rest) = if let Some(r) = rest.strip_prefix('+') {
        (1, r)
    } else if let Some(r) = rest.strip_prefix('-').or_else(|| rest.strip_prefix('−')) {
        (-1, r)
    } else {
        return None;
    };
    let bytes = rest.trim_start().as_bytes();
    let mut i = 0;
    let (first, digits) = read_number(bytes, &mut i, 4)?;
    let (hours, minutes) = if digits >= 3 {
        (first / 100, first % 100)
    } else if bytes.get(i) == Some(&b':') {
        i += 1;
        (first, read_number(bytes, &mut i, 2).map_or(0, |(m, _)| m))
    } else {
        (first, 0)
    };
    (hours <= 14 && minutes < 60).then(|| sign * i32::try_from(hours * 60 + minutes).unwrap_or(0))
}

/// A checked calendar date from 1970 to 2100.
fn valid_date(year: i32, month: u32, day: u32) -> Option<Stamp> {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    ((1970..=2100).contains(&year) && (1..=days).contains(&day)).then_some(Stamp {
        year,
        month,
        day,
        time: None,
        offset: None,
    })
}

/// Parses a displayed date: day first ("17/11/2025", "17-11-2025", "17.11.2025", "ngày 17
/// tháng 11 năm 2025"; month first only when the second number cannot be a month), with
/// an optional time before or after it ("10:30", "10:30:15", "10h30", "AM"/"PM") and an
/// optional offset ("GMT+7", "(GMT+07:00)", "+07:00"). Weekday names and other words are
/// ignored. Dates without a year ("Sáng 28-2") are not dates here.
fn parse_text_date(text: &str) -> Option<Stamp> {
    let text = truncate_chars(text, MAX_DATE_LINE_CHARS);
    let bytes = text.as_bytes();
    let mut date: Option<Stamp> = None;
    let mut time: Option<((u32, u32, u32), usize)> = None;
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() || (i > 0 && bytes[i - 1].is_ascii_alphanumeric()) {
            i += 1;
            continue;
        }
        let start = i;
        let Some((a, a_digits)) = read_number(bytes, &mut i, 4) else {
            i += 1;
            continue;
        };
        if bytes.get(i).is_some_and(u8::is_ascii_digit) {
            // A run of 5+ digits: an id or a timestamp, not a date part.
            while bytes.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            continue;
        }
        let sep = bytes.get(i).copied();
        match sep {
            Some(sep @ (b'/' | b'-' | b'.')) if date.is_none() => {
                let mut j = i + 1;
                let Some((b, _)) = read_number(bytes, &mut j, 2) else {
                    i += 1;
                    continue;
                };
                if bytes.get(j) != Some(&sep) {
                    i = j;
                    continue;
                }
                j += 1;
                let Some((c, c_digits)) = read_number(bytes, &mut j, 4) else {
                    i = j;
                    continue;
                };
                if bytes.get(j).is_some_and(u8::is_ascii_digit) {
                    i = j;
                    continue;
                }
                let found = if a_digits == 4 {
                    valid_date(i32::try_from(a).ok()?, b, c)
                } else if c_digits == 4 && a_digits <= 2 {
                    let year = i32::try_from(c).ok()?;
                    valid_date(year, b, a)
                        .or_else(|| (a <= 12).then(|| valid_date(year, a, b)).flatten())
                } else {
                    None
                };
                if found.is_some() {
                    date = found;
                }
                i = j;
            }
            Some(b':') if a_digits <= 2 && time.is_none() => {
                let mut j = i + 1;
                let Some((minute, 2)) = read_number(bytes, &mut j, 2) else {
                    i += 1;
                    continue;
                };
                let mut second = 0;
                if bytes.get(j) == Some(&b':') {
                    let mut k = j + 1;
                    if let Some((s, 2)) = read_number(bytes, &mut k, 2) {
                        second = s;
                        j = k;
                    }
                }
                if a <= 23 && minute <= 59 && second <= 59 {
                    time = Some(((a, minute, second.min(59)), j));
                }
                i = j;
            }
            Some(b'h' | b'H') if a_digits <= 2 && time.is_none() => {
                // "10h30"; a bare "19h" is too vague.
                let mut j = i + 1;
                match read_number(bytes, &mut j, 2) {
                    Some((minute, 2))
                        if a <= 23
                            && minute <= 59
                            && !bytes.get(j).is_some_and(u8::is_ascii_alphanumeric) =>
                    {
                        time = Some(((a, minute, 0), j));
                    }
                    _ => {}
                }
                i = j;
            }
            _ => {
                let _ = start;
            }
        }
    }
    let mut stamp = date.or_else(|| long_vietnamese_date(text))?;
    if let Some(((mut hour, minute, second), end)) = time {
        let rest = text[end..].trim_start();
        let lower = rest.to_ascii_lowercase();
        let word_end = |s: &str| !s.chars().nth(2).is_some_and(char::is_alphanumeric);
        if (lower.starts_with("pm") || lower.starts_with("ch")) && word_end(&lower) && hour < 12 {
            hour += 12;
        } else if (lower.starts_with("am") || lower.starts_with("sa"))
            && word_end(&lower)
            && hour == 12
        {
            hour = 0;
        }
        stamp.time = Some((hour, minute, second));
        stamp.offset = find_offset(text);
    } else {
        stamp.offset = None;
    }
    Some(stamp)
}

/// "ngày 17 tháng 11 năm 2025".
fn long_vietnamese_date(text: &str) -> Option<Stamp> {
    let words: Vec<String> = text
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    words.windows(5).find_map(|w| {
        if w[1] != "tháng" || w[3] != "năm" {
            return None;
        }
        let day = w[0].parse().ok()?;
        let month = w[2].parse().ok()?;
        let year = w[4].parse().ok()?;
        valid_date(year, month, day)
    })
}

/// The first "GMT+7"/"UTC+07:00" in `text`, or a bare "+07:00" after a time.
fn find_offset(text: &str) -> Option<i32> {
    let upper = text.to_ascii_uppercase();
    for marker in ["GMT", "UTC"] {
        if let Some(at) = upper.find(marker)
            && let Some(offset) = parse_offset(&text[at..])
        {
            return Some(offset);
        }
    }
    // "09:30:00 +07:00": a sign right after a digit and a space.
    let bytes = text.as_bytes();
    (1..bytes.len()).find_map(|i| {
        (matches!(bytes[i], b'+')
            && bytes[i - 1] == b' '
            && bytes.get(i + 1).is_some_and(u8::is_ascii_digit))
        .then(|| parse_offset(&text[i..]))
        .flatten()
    })
}

// ---------------------------------------------------------------------------------------
// Text helpers
// ---------------------------------------------------------------------------------------

/// The element's text, whitespace collapsed, at most `cap` characters. Block boundaries
/// and `<br>` become spaces; inline boundaries do not ("<b>Deutschlandticket</b>: Länder"
/// stays "Deutschlandticket: Länder"); scripts and styles are skipped.
fn element_text(el: ElementRef, cap: usize) -> String {
    let mut text = String::new();
    push_visible_text(el, &mut text, true, cap.saturating_mul(4));
    let collapsed = collapse(&text);
    truncate_chars(&collapsed, cap).to_string()
}

/// Appends the text of `el` to `text`, without the text of scripts, styles and the other
/// [`is_hidden_tag`] elements; a space around each block element when `block_spaces`.
/// Stops after the text node that takes `text` past `limit` bytes.
fn push_visible_text(el: ElementRef, text: &mut String, block_spaces: bool, limit: usize) {
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
                Node::Element(e) if is_hidden_tag(e.name()) => hidden += 1,
                Node::Element(e) if block_spaces && is_block_tag(e.name()) => text.push(' '),
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(e) = node.value() {
                    if is_hidden_tag(e.name()) {
                        hidden = hidden.saturating_sub(1);
                    } else if block_spaces && is_block_tag(e.name()) {
                        text.push(' ');
                    }
                }
            }
        }
    }
}

/// Tags whose content is not visible text.
fn is_hidden_tag(name: &str) -> bool {
    matches!(name, "script" | "style" | "noscript" | "template" | "svg")
}

/// Tags that separate words: block elements and `<br>`.
fn is_block_tag(name: &str) -> bool {
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

/// Whitespace runs (including NBSP) collapsed to one space, ends trimmed.
fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Text from JSON-LD or a `<meta>` value: HTML entities decoded (twice, as some CMSs
/// double-encode: "Chi&amp;#7871;n"), tags dropped, whitespace collapsed, NFC.
fn clean_text(text: &str) -> String {
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
fn truncate_chars(text: &str, max: usize) -> &str {
    match text.char_indices().nth(max) {
        Some((at, _)) => &text[..at],
        None => text,
    }
}

/// Lowercase letters and digits only, diacritics removed: compares names across spellings
/// ("Tuổi Trẻ Online" = "TUOI TRE ONLINE" = "tuoitreonline").
fn fold(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    text.nfd()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'đ' { 'd' } else { c })
        .collect()
}

/// Distinct lowercase words of `text`.
fn word_set(text: &str) -> Vec<String> {
    let mut words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.sort();
    words.dedup();
    words
}

/// Dice coefficient of two sorted word sets.
fn dice(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let common = a.iter().filter(|w| b.binary_search(w).is_ok()).count();
    #[allow(clippy::cast_precision_loss)]
    let score = 2.0 * common as f64 / (a.len() + b.len()) as f64;
    score
}

fn looks_like_url(text: &str) -> bool {
    let lower = text.trim().to_ascii_lowercase();
    lower.starts_with("http://")
        || lower.starts_with("https://")
        || lower.starts_with("//")
        || lower.starts_with("www.")
}

/// "vnexpress.net", "Znews.vn", "VCCorp.vn": one word with a dot and a letter TLD.
fn looks_like_domain(text: &str) -> bool {
    let text = text.trim();
    !text.contains(' ')
        && text.rsplit_once('.').is_some_and(|(head, tld)| {
            !head.is_empty() && tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic())
        })
}

/// A lowercase ASCII slug such as "cafef" or "baodautu".
fn is_slug(text: &str) -> bool {
    !text.contains(' ')
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// Resolves `raw` against `base` when it is relative; returns it unchanged otherwise.
fn resolve(raw: &str, base: Option<&url::Url>) -> String {
    let raw = raw.trim();
    if let Ok(absolute) = url::Url::parse(raw) {
        return absolute.to_string();
    }
    base.and_then(|b| b.join(raw).ok())
        .map_or_else(|| raw.to_string(), |u| u.to_string())
}

/// Ancestors of the article body and of the headline: page layout, whose class names
/// ("sidebar-1" holds VnExpress's main column) say nothing about the article's parts.
/// The page layout around the article (ancestors of the body and the headline), which is
/// never an excluded region, with a memo of which elements carry an excluded mark.
#[derive(Default)]
struct Layout {
    nodes: HashSet<ego_tree::NodeId>,
    marked: std::cell::RefCell<HashMap<ego_tree::NodeId, bool>>,
}

impl Layout {
    fn new() -> Self {
        Self::default()
    }

    fn extend(&mut self, nodes: impl IntoIterator<Item = ego_tree::NodeId>) {
        self.nodes.extend(nodes);
    }

    fn contains(&self, node: &ego_tree::NodeId) -> bool {
        self.nodes.contains(node)
    }

    /// Whether `element` itself carries an excluded tag, class or id, computed once per
    /// element.
    fn is_marked(&self, element: ElementRef) -> bool {
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
fn in_excluded_region(el: ElementRef, layout: &Layout) -> bool {
    std::iter::once(*el)
        .chain(el.ancestors())
        .take(MAX_ANCESTORS)
        .take_while(|node| !layout.contains(&node.id()))
        .filter_map(ElementRef::wrap)
        .any(|e| layout.is_marked(e))
}

/// Whether `element` itself has an excluded tag, or a class or id with an excluded stem.
fn has_excluded_mark(element: ElementRef) -> bool {
    let value = element.value();
    if EXCLUDED_REGION_TAGS.contains(&value.name()) {
        return true;
    }
    let mut marks = String::new();
    if let Some(class) = value.attr("class") {
        marks.push_str(class);
    }
    if let Some(id) = value.id() {
        marks.push(' ');
        marks.push_str(id);
    }
    if marks.is_empty() {
        return false;
    }
    /// All the stems in one automaton: one pass over the class and id, not one per stem.
    static STEMS: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(EXCLUDED_REGION_STEMS.iter())
            .unwrap_or_else(|_| unreachable!("the excluded-region stems compile"))
    });
    STEMS.is_match(&marks)
}

/// The grandparent (else parent) of `el`: bylines split over sibling links share it.
fn grandparent(el: ElementRef) -> Option<ego_tree::NodeId> {
    let parent = el.parent()?;
    Some(parent.parent().map_or(parent.id(), |g| g.id()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every element a selector matches on a page is among that selector's candidates: the
    /// one-walk index loses nothing the full-tree `select` would find. Checked on every
    /// fixture page and on markup that reaches each list only through an attribute or a
    /// stem.
    #[test]
    fn candidates_hold_every_selector_match() {
        let mut pages: Vec<String> = vec![
            "<html lang=vi><head><title>T</title><link rel=canonical href=/a>\
             <link rel=image_src href=/i.jpg><meta name=x content=y></head><body>\
             <div class='Title-Detail'>h</div><span itemprop=headline>h</span>\
             <div data-role=author>a</div><a rel=author>a</a><p class=tacgia>a</p>\
             <div id=PostDate>d</div><span class=ngay-dang>d</span><time datetime=x>d</time>\
             <div itemprop=datePublished>d</div><div itemprop=dateModified>d</div>\
             <div data-role=publishdate>d</div><div id=Article-Body><p>b</p></div>\
             <div class=fck_detail>b</div><article>b</article><div itemprop=articleBody>b</div>\
             <h2 class=entry-title>h</h2><div class=post-content>b</div><p class=news-title>h</p>\
             <div class='x content-fck'>b</div><div class=ArticleContent>b</div>\
             <div class=article__title>h</div><span class=article-credit>a</span>\
             <script type='application/ld+json'>{}</script></body></html>"
                .to_string(),
        ];
        for (_, bytes) in crate::fixture_pages() {
            pages.push(String::from_utf8_lossy(&bytes).into_owned());
        }
        for html in &pages {
            let document = Html::parse_document(html);
            let page = Candidates::collect(&document);
            let mut checks: Vec<(&Selector, &[ElementRef])> = vec![
                (&TITLE, &page.titles),
                (&JSON_LD, &page.scripts),
                (&HEADLINES, &page.headlines),
                (&H1, &page.h1),
                (&HTML_LANG, &page.html_lang),
                (&CANONICAL, &page.links),
                (&IMAGE_SRC, &page.links),
                (&DATE_LINES, &page.date_lines),
                (&TIMES, &page.times),
                (&ITEMPROP_PUBLISHED, &page.itemprops),
                (&ITEMPROP_MODIFIED, &page.itemprops),
                (&ARTICLE_BODY, &page.itemprops),
            ];
            checks.extend(BYLINES.iter().map(|s| (s, page.bylines.as_slice())));
            checks.extend(BODIES.iter().map(|s| (s, page.bodies.as_slice())));
            for (sel, list) in checks {
                let mut want: Vec<_> = document.select(sel).map(|e| e.id()).collect();
                let mut got: Vec<_> = matching(list, sel).map(|e| e.id()).collect();
                want.sort();
                got.sort();
                assert_eq!(got, want, "{sel:?} on {}", &html[..html.len().min(80)]);
            }
            let metas = document.select(&selector("meta")).count();
            let paragraphs = document.select(&selector("p")).count();
            assert_eq!(
                (page.metas.len(), page.paragraphs.len()),
                (metas, paragraphs)
            );
        }
    }

    fn meta(html: &str) -> Metadata {
        extract(&Html::parse_document(html), None)
    }

    #[test]
    fn json_ld_graph_headline_author_dates() {
        let html = r#"<html><head><script type="application/ld+json">
            {"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Báo Mẫu"},
            {"@type":"NewsArticle","headline":"Gi&#225; v&#224;ng tăng","datePublished":"2025-11-17T10:30:00+0700",
             "dateModified":"2025-11-17T11:00:00.000 +07:00","author":[{"@type":"Person","name":"Hà Phương"}],
             "publisher":{"@type":"Organization","name":"Báo Mẫu"}}]}</script></head>
            <body><p>x</p></body></html>"#;
        let m = meta(html);
        assert_eq!(m.title.as_deref(), Some("Giá vàng tăng"));
        assert_eq!(m.published.as_deref(), Some("2025-11-17T10:30:00+07:00"));
        assert_eq!(m.modified.as_deref(), Some("2025-11-17T11:00:00+07:00"));
        assert_eq!(m.authors, vec!["Hà Phương".to_string()]);
        assert_eq!(m.site_name.as_deref(), Some("Báo Mẫu"));
    }

    #[test]
    fn h1_agreeing_with_title_wins_and_suffix_is_stripped() {
        let html = "<html lang='vi'><head><title>Giá vàng giảm mạnh - VnExpress</title></head><body>\
            <div class='popup'><h1>Thông báo</h1></div><h1 class='title-detail'>Giá vàng giảm mạnh</h1></body></html>";
        assert_eq!(meta(html).title.as_deref(), Some("Giá vàng giảm mạnh"));
        let html = "<html><head><title>Giá vàng giảm mạnh trong phiên sáng | Báo Dân trí</title></head></html>";
        assert_eq!(
            meta(html).title.as_deref(),
            Some("Giá vàng giảm mạnh trong phiên sáng")
        );
    }

    #[test]
    fn vietnamese_date_lines() {
        let cases = [
            (
                "Thứ Hai, 17/11/2025 10:30 (GMT+7)",
                "2025-11-17T10:30:00+07:00",
            ),
            (
                "Thứ tư, 22/10/2025, 19:25 (GMT+7)",
                "2025-10-22T19:25:00+07:00",
            ),
            ("17/11/2025 - 10:30", "2025-11-17T10:30:00+07:00"),
            ("17-11-2025 10:30", "2025-11-17T10:30:00+07:00"),
            ("10:30 | 17/11/2025", "2025-11-17T10:30:00+07:00"),
            ("10:30, 17/11/2025", "2025-11-17T10:30:00+07:00"),
            ("07-03-2026 - 09:40 PM", "2026-03-07T21:40:00+07:00"),
            (
                "Thứ Tư, 24/12/2025 09:30:00 +07:00",
                "2025-12-24T09:30:00+07:00",
            ),
            ("07:12 ngày 24/03/2024", "2024-03-24T07:12:00+07:00"),
            ("3/24/2024 7:12:35 AM", "2024-03-24T07:12:35+07:00"),
            ("ngày 17 tháng 11 năm 2025", "2025-11-17T00:00:00+07:00"),
            ("08/01/2026", "2026-01-08T00:00:00+07:00"),
        ];
        for (text, want) in cases {
            let got = parse_date(text).map(|s| s.rfc3339(VIETNAM_OFFSET_MINUTES));
            assert_eq!(got.as_deref(), Some(want), "{text}");
        }
        for text in [
            "Sáng 28-2",
            "19h tối 8/2",
            "22h30",
            "31/02/2025",
            "id 1234567",
        ] {
            assert_eq!(parse_date(text), None, "{text}");
        }
    }

    #[test]
    fn iso_variants() {
        let cases = [
            ("2025-10-22T19:25:52+07:00", "2025-10-22T19:25:52+07:00"),
            ("2025-10-11T10:02:08+0700", "2025-10-11T10:02:08+07:00"),
            (
                "2026-03-07T08:52:11.000 +07:00",
                "2026-03-07T08:52:11+07:00",
            ),
            ("2015-03-23 08:06 +07:00", "2015-03-23T08:06:00+07:00"),
            ("2026-03-07T00:01:00", "2026-03-07T00:01:00+07:00"),
            ("2024-08-08T23:53:17Z", "2024-08-08T23:53:17+00:00"),
            ("2024-08-08T10:00:00-04:00", "2024-08-08T10:00:00-04:00"),
        ];
        for (text, want) in cases {
            let got = parse_date(text).map(|s| s.rfc3339(VIETNAM_OFFSET_MINUTES));
            assert_eq!(got.as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn date_line_after_headline_not_sidebar_or_comments() {
        let html = "<html lang='vi'><body><div class='sidebar'><span class='time'>01/01/2024 08:00</span></div>\
            <h1>Tiêu đề bài</h1><span class='date'>Thứ Hai, 17/11/2025 10:30 (GMT+7)</span>\
            <div class='comment'><span class='time'>18/11/2025 09:00</span></div></body></html>";
        assert_eq!(
            meta(html).published.as_deref(),
            Some("2025-11-17T10:30:00+07:00")
        );
    }

    #[test]
    fn date_only_gets_time_from_date_line() {
        let html = r#"<html lang="vi"><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Tin A","datePublished":"2026-01-08"}</script></head>
            <body><span class="pubdate">08/01/2026 - 18:21</span><h1>Tin A</h1></body></html>"#;
        assert_eq!(
            meta(html).published.as_deref(),
            Some("2026-01-08T18:21:00+07:00")
        );
    }

    #[test]
    fn byline_lines() {
        assert_eq!(
            byline_name("Tin, ảnh: HÀ PHƯƠNG").as_deref(),
            Some("HÀ PHƯƠNG")
        );
        assert_eq!(
            byline_name("Bài và ảnh: Minh Anh").as_deref(),
            Some("Minh Anh")
        );
        assert_eq!(
            byline_name("NHẬT XUÂN - NGHI VŨ").as_deref(),
            Some("NHẬT XUÂN - NGHI VŨ")
        );
        assert_eq!(byline_name("Q.C").as_deref(), Some("Q.C"));
        assert_eq!(byline_name("Hà Thu (tổng hợp)").as_deref(), Some("Hà Thu"));
        assert_eq!(byline_name("Theo TTXVN"), None);
        assert_eq!(byline_name("Ảnh: QUỐC THANH"), None);
        assert_eq!(byline_name("TIN LIÊN QUAN"), None);
        assert_eq!(byline_name("Anh Dũng"), None);
        assert_eq!(signature_name("Anh Dũng").as_deref(), Some("Anh Dũng"));
        assert_eq!(signature_name("Xem thêm"), None);
        assert_eq!(
            byline_name("Giá vàng tăng mạnh trong phiên sáng nay."),
            None
        );
    }

    #[test]
    fn authors_from_byline_signature_and_meta() {
        let html = "<html><body><h1>Tiêu đề</h1><div class='author-info'><a class='name'>Minh Chiến</a></div>\
            <div class='comment'><span class='author'>Bạn Đọc</span></div></body></html>";
        assert_eq!(meta(html).authors, vec!["Minh Chiến".to_string()]);
        let html = "<html><body><h1>Tiêu đề</h1><article class='fck_detail'><p>Một đoạn văn rất dài của bài báo, \
            đủ dài để được coi là văn xuôi chứ không phải là một dòng chữ ký ở cuối bài viết này đâu nhé bạn.</p>\
            <p style='text-align:right'><strong>Anh Dũng</strong></p></article></body></html>";
        assert_eq!(meta(html).authors, vec!["Anh Dũng".to_string()]);
        let html = "<html><head><meta name='author' content='baochinhphu.vn'>\
            <meta property='article:author' content='https://facebook.com/x'>\
            <meta property='dable:author' content='NHẬT XUÂN;NGHI VŨ'></head><body></body></html>";
        assert_eq!(
            meta(html).authors,
            vec!["NHẬT XUÂN".to_string(), "NGHI VŨ".to_string()]
        );
    }

    #[test]
    fn language_declared_detected_and_template_default() {
        let vi = "<p>Giá vàng trong nước hôm nay tiếp tục giảm mạnh sau nhiều phiên tăng liên tiếp, \
            khiến nhiều nhà đầu tư lo lắng về xu hướng của thị trường trong những tuần tới.</p>";
        assert_eq!(
            meta(&format!("<html lang='vi-VN'><body>{vi}</body></html>"))
                .language
                .as_deref(),
            Some("vi")
        );
        assert_eq!(
            meta(&format!("<html lang='en'><body>{vi}</body></html>"))
                .language
                .as_deref(),
            Some("vi")
        );
        assert_eq!(
            meta(&format!("<html><body>{vi}</body></html>"))
                .language
                .as_deref(),
            Some("vi")
        );
        assert_eq!(
            meta("<html lang='fr'><body><p>x</p></body></html>")
                .language
                .as_deref(),
            Some("fr")
        );
    }

    #[test]
    fn image_url_tags_and_page_type() {
        let html = "<html><head><meta property='og:image' content='/img/a.jpg'>\
            <link rel='canonical' href='/bai-viet-1.html'><meta name='keywords' content='vàng, giá vàng,Vàng'>\
            <meta property='og:type' content='website'></head><body></body></html>";
        let base = url::Url::parse("https://example.vn/x/").ok();
        let m = extract(&Html::parse_document(html), base.as_ref());
        assert_eq!(m.image.as_deref(), Some("https://example.vn/img/a.jpg"));
        assert_eq!(m.url.as_deref(), Some("https://example.vn/bai-viet-1.html"));
        assert_eq!(m.tags, vec!["vàng".to_string(), "giá vàng".to_string()]);
        assert_eq!(m.page_type, PageType::Listing);
    }

    #[test]
    fn hostile_input_does_not_panic() {
        let deep = "<div>".repeat(5000) + "<h1>T</h1>" + &"</div>".repeat(5000);
        let _ = meta(&deep);
        let json = format!(
            "<script type='application/ld+json'>{}{}</script>",
            "[".repeat(10_000),
            "]".repeat(10_000)
        );
        let _ = meta(&json);
        for text in [
            "99/99/9999 99:99",
            "2025-13-45T25:61",
            "+99:99",
            "GMT+",
            "1/1/1",
            "ngày tháng năm",
        ] {
            let _ = parse_date(text);
        }
    }
}

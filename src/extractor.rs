//! `Extractor`: the options, and the one function that runs the stages in order.

use crate::article::Article;
use crate::body::{Block, BlockKind, Body, Inline};
use crate::error::NoArticleKind;
use crate::metadata::{Metadata, PageType};
use crate::options::{Budget, Limits, Policy, RenderOptions, Scope, Settings};
use crate::page::Page;
use crate::score::Scored;
use crate::select::{Rejection, Selection};
use crate::trace::{self, Trace};
use crate::{Error, clean, comments, decode, html, metadata, score, segment, select};

/// Default for [`Extractor::max_input_bytes`]: 64 MiB.
const DEFAULT_MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;
/// Default for [`Extractor::max_nodes`]: 2 million nodes, about ten times a heavy portal page.
const DEFAULT_MAX_NODES: usize = 2_000_000;
/// Nodes every document may have whatever its length: a small page is no memory risk, and
/// tiny pages run to one node per 10 bytes (readability's test pages).
const FREE_NODES: usize = 4096;
/// Bytes of input per node allowed past [`FREE_NODES`], which bounds the tree, and the
/// blocks and scores built per node, by the input. A node costs up to about 500 bytes
/// through the stages: `<p>a` repeated peaked at 205× its input (0.5 nodes per byte), and
/// `<p class=x>` paragraphs at 16 bytes per node at 29.8× (10 MB, 2026-12-05); 20 bytes
/// per node keeps every shape tried under 25×. Real pages run 20–60 bytes per node
/// (html5ever's count on the untrimmed page: 17 at the densest of the 707 corpus and
/// fixture pages, nhk.or.jp, 18 KB, well inside [`FREE_NODES`]; 20.7 at the densest
/// large one, 266 KB, whose trimmed markup has fewer nodes).
const INPUT_BYTES_PER_NODE: usize = 20;
/// Default for [`Extractor::max_depth`]: 512 nested elements, where Blink stops nesting.
/// Real pages in the corpora stay under 30 levels; html5ever's cost grows with depth.
const DEFAULT_MAX_DEPTH: usize = 512;
/// Default for [`Extractor::min_text_chars`]: a body shorter than this is "no article".
/// Tuned on fixtures/ (short Vietnamese briefs run 250–400 chars) 2026-11-23.
const DEFAULT_MIN_TEXT_CHARS: usize = 100;

/// A body from the markup shorter than this, in characters, gives way to the JSON-LD
/// `articleBody` when there is one. Start: trafilatura's 250. Tuned on corpus/fundus.
const MIN_MARKUP_BODY_CHARS: usize = 250;
/// Fewest characters [`Scope::Any`] answers with (the article scope's minimum is
/// [`Extractor::min_text_chars`]). Tuned on the WCXB dev split 2026-12-05.
const MIN_CHARS_IN_WIDE_SCOPE: usize = 1;
/// In [`Scope::Any`], an article of at least this many characters is the answer on a page
/// typed as an article; a shorter one gives way to a longer wide reading. Tuned on the
/// WCXB dev split 2026-12-05.
const MIN_ARTICLE_CHARS_IN_WIDE_SCOPE: usize = 500;
/// On a product page, a reading whose kept blocks are all customer reviews, or whose
/// container has more than this share of its weight from them, is read again without
/// them: the reviews outweighed the description (WCXB dev 2026-12-06: a music store's
/// page answered with its reviews only).
const MAX_REVIEW_SHARE: f64 = 0.5;
/// …when what the reading keeps outside the reviews is shorter than this, in characters.
const MIN_OWN_PRODUCT_TEXT_CHARS: usize = 300;
/// On a page typed as a listing, the wide reading replaces an article this many times
/// smaller. Tuned on the WCXB dev split 2026-12-05.
const WIDE_OVER_ARTICLE_FACTOR: f64 = 2.0;
/// Longest article reading, in characters, that is taken for one teaser of a run of like
/// items (and gives way to the wide reading). Tuned on the WCXB dev split 2026-12-05.
const MAX_TEASER_ITEM_CHARS: usize = 1000;
/// Shortest JSON-LD `articleBody` taken as the body.
const MIN_JSON_LD_BODY_CHARS: usize = 250;

/// Extracts articles. Build one, set options, and reuse it for many pages.
///
/// ```
/// let extractor = tinhloc::Extractor::new().keep_tables(false).language("vi");
/// let html = "<html><body><article><p>Một câu đủ dài để là nội dung chính của bài báo này, \
///             với dấu câu và nhiều chữ. Câu thứ hai của đoạn văn cũng khá dài.</p></article></body></html>";
/// let article = extractor.min_text_chars(20).extract(html)?;
/// assert!(article.text().starts_with("Một câu"));
/// # Ok::<(), tinhloc::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Extractor {
    policy: Policy,
    scope: Scope,
    min_text_chars: usize,
    keep_tables: bool,
    keep_captions: bool,
    keep_images: bool,
    keep_links: bool,
    language: Option<String>,
    base_url: Option<url::Url>,
    max_input_bytes: usize,
    max_nodes: usize,
    max_depth: usize,
    time_budget: Option<std::time::Duration>,
    /// Whether the pre-scan cuts the markup no stage reads; off only in tests.
    trim_markup: bool,
}

impl Default for Extractor {
    fn default() -> Self {
        Self::new()
    }
}

impl Extractor {
    /// An extractor with the defaults listed on each setter.
    #[must_use]
    pub fn new() -> Self {
        Self {
            policy: Policy::Balanced,
            scope: Scope::Article,
            min_text_chars: DEFAULT_MIN_TEXT_CHARS,
            keep_tables: true,
            keep_captions: false,
            keep_images: false,
            keep_links: false,
            language: None,
            base_url: None,
            max_input_bytes: DEFAULT_MAX_INPUT_BYTES,
            max_nodes: DEFAULT_MAX_NODES,
            max_depth: DEFAULT_MAX_DEPTH,
            time_budget: None,
            trim_markup: true,
        }
    }

    /// Sets the precision/recall trade-off. The default is [`Policy::Balanced`].
    #[must_use]
    pub fn policy(mut self, policy: Policy) -> Self {
        self.policy = policy;
        self
    }

    /// Sets what part of a page to return. The default is [`Scope::Article`]; with
    /// [`Scope::Any`] a listing, forum, product or documentation page gives its main
    /// content instead of [`Error::NoArticle`].
    #[must_use]
    pub fn scope(mut self, scope: Scope) -> Self {
        self.scope = scope;
        self
    }

    /// Sets the shortest body, in characters, that counts as an article; shorter gives
    /// [`Error::NoArticle`]. The default is 100.
    #[must_use]
    pub fn min_text_chars(mut self, chars: usize) -> Self {
        self.min_text_chars = chars;
        self
    }

    /// Keeps data tables in the body. The default is `true`.
    #[must_use]
    pub fn keep_tables(mut self, keep: bool) -> Self {
        self.keep_tables = keep;
        self
    }

    /// Keeps image captions in the body. The default is `false`: captions and photo credits
    /// are not main text under the gold convention.
    #[must_use]
    pub fn keep_captions(mut self, keep: bool) -> Self {
        self.keep_captions = keep;
        self
    }

    /// Keeps images (source and alt) in the body, for Markdown and HTML output. The default
    /// is `false`.
    #[must_use]
    pub fn keep_images(mut self, keep: bool) -> Self {
        self.keep_images = keep;
        self
    }

    /// Keeps link targets in Markdown and HTML output. The default is `false` (link text is
    /// always kept).
    #[must_use]
    pub fn keep_links(mut self, keep: bool) -> Self {
        self.keep_links = keep;
        self
    }

    /// Sets the page language, such as `"vi"`, overriding `<html lang>` and detection. The
    /// default is none: `<html lang>`, else guessed from the text.
    #[must_use]
    pub fn language(mut self, language: &str) -> Self {
        self.language = Some(language.trim().to_ascii_lowercase());
        self
    }

    /// Sets the page's URL, used to resolve relative links and images. The default is none:
    /// links and images stay as written.
    ///
    /// ```
    /// let extractor = tinhloc::Extractor::new().base_url("https://example.com/news/")?;
    /// assert!(tinhloc::Extractor::new().base_url("not a url").is_err());
    /// # let _ = extractor;
    /// # Ok::<(), tinhloc::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidUrl`] when `url` is not an absolute URL.
    pub fn base_url(mut self, url: &str) -> Result<Self, Error> {
        match url::Url::parse(url.trim()) {
            Ok(parsed) => {
                self.base_url = Some(parsed);
                Ok(self)
            }
            Err(error) => Err(Error::InvalidUrl {
                url: url.to_owned(),
                reason: error.to_string(),
            }),
        }
    }

    /// Sets the largest input accepted, in bytes; larger gives [`Error::InputTooLarge`].
    /// The default is 64 MiB.
    #[must_use]
    pub fn max_input_bytes(mut self, bytes: usize) -> Self {
        self.max_input_bytes = bytes;
        self
    }

    /// Sets the most nodes a parsed document may have; more gives [`Error::TooManyNodes`].
    /// The default is 2,000,000.
    ///
    /// Whatever this is set to, a document may have at most 4,096 nodes plus one per 20
    /// bytes of input (2,000,000 at 40 MB): that keeps an extraction's peak memory under
    /// 30 times its input on any page. Real pages hold one node per 20 to 60 bytes;
    /// markup denser than one per 20 (such as `<p>a` repeated) gives
    /// [`Error::TooManyNodes`].
    #[must_use]
    pub fn max_nodes(mut self, nodes: usize) -> Self {
        self.max_nodes = nodes;
        self
    }

    /// Sets the deepest element nesting accepted; deeper gives [`Error::TooDeep`]. The
    /// default is 512.
    #[must_use]
    pub fn max_depth(mut self, depth: usize) -> Self {
        self.max_depth = depth;
        self
    }

    /// Sets the time one extraction may take; past it the extraction stops and gives
    /// [`Error::TimeBudgetExceeded`]. The default is none: no limit.
    ///
    /// The clock is read between stages and every thousand or so steps of the long loops
    /// (tokenizing and tree building, segmentation), so a page stops within a millisecond
    /// or so of its budget. A hostile page that would hold a thread for seconds is given
    /// up on instead, which keeps [`Extractor::extract_many`] moving. Timing depends on the
    /// machine: a page near its budget may give an article on one run and this error on
    /// another.
    ///
    /// ```
    /// use std::time::Duration;
    /// use tinhloc::{Error, Extractor};
    /// let html = "<p>Một câu văn khá dài của bài báo, có dấu chấm câu.</p>".repeat(2000);
    /// let hurried = Extractor::new().time_budget(Duration::ZERO);
    /// assert!(matches!(hurried.extract(&html), Err(Error::TimeBudgetExceeded { .. })));
    /// ```
    #[must_use]
    pub fn time_budget(mut self, budget: std::time::Duration) -> Self {
        self.time_budget = Some(budget);
        self
    }

    /// Extracts the article from an HTML string.
    ///
    /// # Errors
    /// [`Error::NoArticle`] for listing, home and empty pages; the limit errors past the
    /// configured limits.
    pub fn extract(&self, html: &str) -> Result<Article, Error> {
        self.extract_str(html, None)
    }

    /// Extracts the article from raw bytes, finding the charset from the BOM, the
    /// `content_type` header value, the `<meta>` tags, or the bytes themselves.
    ///
    /// # Errors
    /// As [`Extractor::extract`].
    pub fn extract_bytes(
        &self,
        bytes: &[u8],
        content_type: Option<&str>,
    ) -> Result<Article, Error> {
        self.extract_raw(bytes, content_type, None)
    }

    /// Extracts the article from an HTML string, and says what each stage decided on every
    /// text block: kept or dropped, by which stage, and why (see [`Trace`]). The article is
    /// the one [`Extractor::extract`] gives; recording the trace costs a copy of every
    /// block's text.
    pub fn extract_with_trace(&self, html: &str) -> (Result<Article, Error>, Trace) {
        let mut trace = Trace::default();
        let article = self.extract_str(html, Some(&mut trace));
        (article, trace)
    }

    /// [`Extractor::extract_bytes`] with the [`Trace`] of
    /// [`Extractor::extract_with_trace`].
    pub fn extract_bytes_with_trace(
        &self,
        bytes: &[u8],
        content_type: Option<&str>,
    ) -> (Result<Article, Error>, Trace) {
        let mut trace = Trace::default();
        let article = self.extract_raw(bytes, content_type, Some(&mut trace));
        (article, trace)
    }

    fn extract_str(&self, html: &str, trace: Option<&mut Trace>) -> Result<Article, Error> {
        let budget = Budget::starting_now(self.time_budget);
        self.check_size(html.len())?;
        if decode::looks_binary(html.as_bytes()) {
            return Err(no_article(NoArticleKind::NotHtml, PageType::default()));
        }
        if decode::implausible(html) {
            return Err(no_article(NoArticleKind::Undecodable, PageType::default()));
        }
        let html = decode::normalized(std::borrow::Cow::Borrowed(html));
        self.run(&html, encoding_rs::UTF_8, budget, trace)
    }

    fn extract_raw(
        &self,
        bytes: &[u8],
        content_type: Option<&str>,
        trace: Option<&mut Trace>,
    ) -> Result<Article, Error> {
        let budget = Budget::starting_now(self.time_budget);
        self.check_size(bytes.len())?;
        let decoded = decode::decode(bytes, content_type);
        if decoded.binary {
            return Err(no_article(NoArticleKind::NotHtml, PageType::default()));
        }
        if decode::implausible(&decoded.text) {
            return Err(no_article(NoArticleKind::Undecodable, PageType::default()));
        }
        budget.check()?;
        self.run(&decoded.text, decoded.encoding, budget, trace)
    }

    /// Reads only the page's metadata, without extracting the body: works on listing
    /// pages too.
    ///
    /// # Errors
    /// The limit errors of [`Extractor::extract`]; never [`Error::NoArticle`].
    pub fn metadata(&self, html: &str) -> Result<Metadata, Error> {
        let budget = Budget::starting_now(self.time_budget);
        self.check_size(html.len())?;
        let html = decode::normalized(std::borrow::Cow::Borrowed(html));
        self.metadata_of(&html, budget)
    }

    /// Reads only the page's metadata from raw bytes; see [`Extractor::extract_bytes`] for
    /// the charset and [`Extractor::metadata`] for what is read.
    ///
    /// # Errors
    /// As [`Extractor::metadata`].
    pub fn metadata_bytes(
        &self,
        bytes: &[u8],
        content_type: Option<&str>,
    ) -> Result<Metadata, Error> {
        let budget = Budget::starting_now(self.time_budget);
        self.check_size(bytes.len())?;
        let decoded = decode::decode(bytes, content_type);
        self.metadata_of(&decoded.text, budget)
    }

    /// Extracts many pages with this extractor, in parallel across cores with the `rayon`
    /// feature, one after another without it. Results are in the order of `pages`. Each
    /// [`Page`] gives its bytes, its Content-Type and its URL, which resolves its links as
    /// [`Extractor::base_url`] does; a page whose URL does not parse gives
    /// [`Error::InvalidUrl`]. Set
    /// [`Extractor::time_budget`] so that one hostile page cannot stall the batch.
    ///
    /// ```
    /// use std::time::Duration;
    /// use tinhloc::{Extractor, Page};
    /// let article = "<article><p>Một câu đủ dài để là nội dung chính của bài báo này, với \
    ///     dấu câu và nhiều chữ. Câu thứ hai của đoạn văn cũng khá dài.</p>\
    ///     <p><a href='/tin/2'>Đọc tiếp</a></p></article>";
    /// let pages = [
    ///     Page::new(article.as_bytes()).url("https://baomau.vn/tin/1"),
    ///     Page::new(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0"),
    ///     Page::new(article.as_bytes()).content_type("text/html; charset=utf-8").url("no url"),
    /// ];
    /// let extractor = Extractor::new().min_text_chars(20).time_budget(Duration::from_secs(2));
    /// let results = extractor.extract_many(&pages);
    /// assert!(results[0].is_ok());
    /// assert!(results[1].is_err() && results[2].is_err());
    /// ```
    #[must_use]
    pub fn extract_many(&self, pages: &[Page<'_>]) -> Vec<Result<Article, Error>> {
        #[cfg(feature = "rayon")]
        {
            use rayon::prelude::*;
            pages
                .par_iter()
                .map(|page| self.extract_page(page))
                .collect()
        }
        #[cfg(not(feature = "rayon"))]
        {
            pages.iter().map(|page| self.extract_page(page)).collect()
        }
    }

    /// One page of [`Extractor::extract_many`].
    fn extract_page(&self, page: &Page<'_>) -> Result<Article, Error> {
        match page.url {
            Some(url) => self
                .clone()
                .base_url(url)?
                .extract_bytes(page.bytes, page.content_type),
            None => self.extract_bytes(page.bytes, page.content_type),
        }
    }

    /// The limits for a page of `input_len` bytes: at most [`FREE_NODES`] plus one node
    /// per [`INPUT_BYTES_PER_NODE`].
    fn limits(&self, input_len: usize) -> Limits {
        let by_input = FREE_NODES.saturating_add(input_len / INPUT_BYTES_PER_NODE);
        Limits {
            max_nodes: self.max_nodes.min(by_input),
            max_depth: self.max_depth,
            trim: self.trim_markup,
        }
    }

    /// The metadata of decoded NFC text.
    fn metadata_of(&self, html: &str, budget: Budget) -> Result<Metadata, Error> {
        let document = html::parse(html, self.limits(html.len()), budget)?;
        Ok(self.read_metadata(&document).0)
    }

    /// Reads the metadata (the language option applied) and the page's other signs.
    fn read_metadata(&self, document: &scraper::Html) -> (Metadata, metadata::Signs) {
        let (mut metadata, signs) = metadata::extract(document, self.base_url.as_ref());
        if let Some(language) = &self.language {
            metadata.language = Some(language.clone());
        }
        (metadata, signs)
    }

    fn check_size(&self, size: usize) -> Result<(), Error> {
        if size > self.max_input_bytes {
            return Err(Error::InputTooLarge {
                size,
                limit: self.max_input_bytes,
            });
        }
        Ok(())
    }

    /// The options the stages read.
    pub(crate) fn settings(&self) -> Settings {
        Settings {
            budget: Budget::default(),
            policy: self.policy,
            wide: false,
            keep_tables: self.keep_tables,
            keep_captions: self.keep_captions,
            keep_images: self.keep_images,
            base_url: self.base_url.clone(),
        }
    }

    /// Runs the stages on decoded NFC text, filling `trace`, when given, with what they
    /// decided. A page that gives no article but holds its text in `<noscript>` fallbacks
    /// (forums that render with scripts, such as Discourse, serve their posts there) is
    /// read again with those fallbacks as markup.
    fn run(
        &self,
        html: &str,
        encoding: &'static encoding_rs::Encoding,
        budget: Budget,
        mut trace: Option<&mut Trace>,
    ) -> Result<Article, Error> {
        if html.trim().is_empty() {
            return Err(no_article(NoArticleKind::EmptyInput, PageType::default()));
        }
        let first = self.run_once(html, encoding, budget, trace.as_deref_mut());
        let short = match &first {
            Err(Error::NoArticle { .. }) => true,
            Ok(article) => plain_chars(article.body()) < MIN_MARKUP_BODY_CHARS,
            Err(_) => false,
        };
        if !short {
            return first;
        }
        // The fallbacks in turn: `<noscript>` markup, then markup a script carries as a
        // string, unless the page is a listing (its cards' templates are no article). The
        // first that reads a longer body wins.
        let listing = match &first {
            Err(Error::NoArticle { kind, page_type }) => {
                *kind == NoArticleKind::Listing || page_type.is_listing()
            }
            Ok(article) => article.page_type().is_listing(),
            Err(_) => false,
        };
        let fallbacks: &[fn(&str) -> Option<String>] = if listing {
            &[unwrap_noscript]
        } else {
            &[unwrap_noscript, with_script_markup]
        };
        for fallback in fallbacks {
            let Some(markup) = fallback(html) else {
                continue;
            };
            let mut second_trace = Trace::default();
            let second = self.run_once(&markup, encoding, budget, Some(&mut second_trace));
            let second_wins = match (&second, &first) {
                (Ok(second), Ok(first)) => plain_chars(second.body()) > plain_chars(first.body()),
                (Ok(_), Err(_)) => true,
                (Err(_), _) => false,
            };
            if second_wins {
                if let Some(trace) = trace {
                    *trace = second_trace;
                }
                return second;
            }
        }
        first
    }

    /// Runs the stages once: the one place that knows their order.
    fn run_once(
        &self,
        html: &str,
        encoding: &'static encoding_rs::Encoding,
        budget: Budget,
        trace: Option<&mut Trace>,
    ) -> Result<Article, Error> {
        let document = html::parse(html, self.limits(html.len()), budget)?;
        let settings = Settings {
            budget,
            ..self.settings()
        };
        let segmented = segment::segment(&document, &settings);
        // Segmentation stops early when the budget runs out.
        budget.check()?;
        let (mut metadata, signs) = self.read_metadata(&document);
        let json_ld = &signs.json_ld;
        let canonical = metadata
            .url
            .as_deref()
            .and_then(|url| url::Url::parse(url).ok());
        let sites: Vec<&str> = [self.base_url.as_ref(), canonical.as_ref()]
            .into_iter()
            .flatten()
            .filter_map(url::Url::host_str)
            .collect();
        let mut scored = score::score(segmented, &sites);
        budget.check()?;
        let mut selected = select::select(&scored);
        let mut kept = match &selected {
            Ok(selection) => clean::kept_blocks(&scored, selection, &metadata, &settings),
            Err(_) => Vec::new(),
        };
        let mut body = clean::body_of(&scored, &kept);
        budget.check()?;
        let mut listing = selected
            .as_ref()
            .is_err_and(|rejection| rejection.is_listing());
        if self.scope == Scope::Any {
            // The wide reading of the same blocks; it answers unless the article does.
            let wide = Settings {
                wide: true,
                ..settings.clone()
            };
            let mut wide_scored = scored.clone();
            score::reweigh(&mut wide_scored, true);
            let mut wide_selected = select::select_wide(&wide_scored);
            let mut wide_kept = match &wide_selected {
                Ok(selection) => clean::kept_blocks(&wide_scored, selection, &metadata, &wide),
                Err(_) => Vec::new(),
            };
            let mut whole = clean::body_of(&wide_scored, &wide_kept);
            if plain_chars(&whole) < MIN_ARTICLE_CHARS_IN_WIDE_SCOPE {
                // Little but furniture: a listing whose every entry sits in a
                // furniture-classed box (arXiv's `div.meta`) has a structure.
                let mut structural = scored.clone();
                score::reweigh_structural(&mut structural);
                if let Ok(selection) = select::select_wide(&structural) {
                    let kept = clean::kept_blocks(&structural, &selection, &metadata, &wide);
                    let body = clean::body_of(&structural, &kept);
                    if plain_chars(&body) > STRUCTURE_OVER_WIDE_FACTOR * plain_chars(&whole) {
                        (wide_scored, wide_selected, wide_kept, whole) =
                            (structural, Ok(selection), kept, body);
                    }
                }
            }
            // An "article" that is one item of a run of like items (a teaser on a home
            // page, one product card) is no article: the run is the page's content.
            let item_of = |index: &usize| wide_scored.scores[*index].item;
            // A story set in the same template as its teasers is larger than a teaser.
            let one_item = kept.first().and_then(item_of).is_some_and(|item| {
                kept.iter().all(|index| item_of(index) == Some(item))
                    && wide_kept.len() > kept.len()
                    && plain_chars(&body) < MAX_TEASER_ITEM_CHARS
            });
            let same_container = match (&selected, &wide_selected) {
                (Ok(article), Ok(wide)) => article.container == wide.container,
                _ => false,
            };
            if listing
                || one_item
                || !prefer_article(
                    &body,
                    &whole,
                    metadata.page_type,
                    same_container,
                    signs.type_named,
                )
            {
                (scored, selected, kept, body, listing) =
                    (wide_scored, wide_selected, wide_kept, whole, false);
            }
        }
        budget.check()?;
        let mut forum_body = false;
        // A forum's posts, found once: the body may come from them, the comments do.
        let posts = if metadata.page_type == PageType::Forum {
            comments::forum_posts(&document)
        } else {
            Vec::new()
        };
        if !posts.is_empty() {
            // A thread's posts are its text: the opening post is the article and the
            // replies its comments; the wide scope takes every post.
            // Taken only when the posts hold most of what the reading found, so a
            // "post" class on something else cannot replace a good body.
            let contents: Vec<_> = posts
                .iter()
                .map(|&post| comments::post_content(&document, post))
                .collect();
            let thread_kept = clean::blocks_under(&scored, &contents);
            let thread = clean::body_of(&scored, &thread_kept);
            let thread_chars = plain_chars(&thread) as f64;
            if thread_chars >= MIN_THREAD_SHARE * plain_chars(&body) as f64 {
                let (forum_kept, forum) = match self.scope {
                    Scope::Any => (thread_kept, thread),
                    _ => {
                        let opening = clean::blocks_under(&scored, &contents[..1]);
                        let body = clean::body_of(&scored, &opening);
                        (opening, body)
                    }
                };
                if plain_chars(&forum) > 0 {
                    (kept, body, listing, forum_body) = (forum_kept, forum, false, true);
                }
            }
        }
        clean::drop_copies(&scored, &mut kept, &mut body);
        clean::drop_quoted_copies(&scored, &mut kept, &mut body);
        clean::drop_calls_to_action(&scored, &mut kept, &mut body);
        let product = metadata.page_type == PageType::Product;
        if product {
            clean::drop_reviews(&scored, &mut kept, &mut body);
            let reading = Settings {
                wide: self.scope == Scope::Any,
                ..settings.clone()
            };
            if let Ok(selection) = &selected
                && let Some(reread) =
                    read_without_reviews(&scored, selection, &kept, &metadata, &reading)
            {
                (scored, selected, kept, body) = (
                    reread.scored,
                    Ok(reread.selection),
                    reread.kept,
                    reread.body,
                );
            }
        }
        if !forum_body {
            clean::drop_closing_promo(&scored, &mut kept, &mut body);
        }
        budget.check()?;
        let chars = plain_chars;
        let mut json_ld_body = false;
        if !listing && chars(&body) < MIN_MARKUP_BODY_CHARS.max(self.min_text_chars) {
            // Pages that render their text with scripts still state it in JSON-LD.
            if let Some(text) = json_ld.article_body(MIN_JSON_LD_BODY_CHARS) {
                body = Body {
                    blocks: vec![Block::new(BlockKind::Paragraph, vec![Inline::Text(text)])],
                };
                json_ld_body = true;
            }
        } else if !listing && !forum_body {
            // A paywall shows the first paragraphs and states the whole story in JSON-LD.
            if let Some(text) = json_ld.article_body(MIN_JSON_LD_BODY_CHARS)
                && let Some(opening) = truncated_opening(&body, &text)
            {
                body.blocks.truncate(opening);
                body.blocks
                    .push(Block::new(BlockKind::Paragraph, vec![Inline::Text(text)]));
                json_ld_body = true;
            }
        }
        if self.scope == Scope::Any
            && product
            && let Some(description) = json_ld.product_description(MIN_PRODUCT_DESCRIPTION_CHARS)
            && !mostly_in(&description, &body)
        {
            // A product's description that the markup does not show (rendered by a
            // script, or in a tab the reading missed) opens the product's content.
            body.blocks.insert(
                0,
                Block::new(BlockKind::Paragraph, vec![Inline::Text(description)]),
            );
            json_ld_body = true;
        }
        if let Some(trace) = trace {
            *trace = trace::record(&scored, &selected, &kept, metadata.page_type, json_ld_body);
        }
        if listing {
            return Err(no_article(NoArticleKind::Listing, metadata.page_type));
        }
        // The wide scope answers with what a page has, however short: its gold is the
        // page's own text, which a short collection intro or event list still is.
        let min_chars = match self.scope {
            Scope::Any => self.min_text_chars.min(MIN_CHARS_IN_WIDE_SCOPE),
            _ => self.min_text_chars,
        };
        if chars(&body) < min_chars && !forum_body {
            // Too little text among many teasers, or on a page whose markup says it lists
            // articles, is a listing.
            let listing = metadata.page_type.is_listing()
                || selected.is_err_and(|rejection| rejection == Rejection::WeakAmongTeasers);
            let kind = if listing {
                NoArticleKind::Listing
            } else {
                NoArticleKind::TooShort
            };
            return Err(no_article(kind, metadata.page_type));
        }
        if mostly_markup(&body) {
            return Err(no_article(NoArticleKind::MarkupAsText, metadata.page_type));
        }
        if metadata.language.is_none() {
            metadata.language = metadata::text_language(&crate::render::to_text(&body));
        }
        if metadata.authors.is_empty()
            && metadata
                .language
                .as_deref()
                .is_some_and(|l| l.starts_with("zh"))
            && let Some(lead) = crate::render::to_text(&body).lines().next()
        {
            metadata.authors = metadata::lead_reporters(lead);
        }
        let comments = comments::read(
            &document,
            &scored.page.comment_nodes,
            if product {
                &scored.page.review_nodes
            } else {
                &[]
            },
            &posts,
            &body,
            signs.date_locale.in_zone_of(metadata.published.as_deref()),
        );
        if let Some(base) = &self.base_url {
            body.resolve_links(base);
        }
        Ok(Article {
            metadata,
            body,
            comments,
            encoding: encoding.name().into(),
            render_options: RenderOptions {
                links: self.keep_links,
                images: self.keep_images,
            },
        })
    }
}

/// Whether [`Scope::Any`] answers with the article reading of a page rather than its wide
/// reading: a long enough article wins on a page named an article or documentation
/// (unless, on documentation, both readings chose the same container, as on a listing);
/// on a product page unless the wide reading is [`WIDE_OVER_PRODUCT_FACTOR`] times
/// larger; on any other page (a listing, a collection, a forum whose replies are its
/// content, a page that names no type: `type_named` false) unless it is
/// [`WIDE_OVER_ARTICLE_FACTOR`] times larger, or, on a listing, both readings chose the
/// same container (`same_container`), which the wide reading reads more of.
fn prefer_article(
    article_body: &Body,
    whole_body: &Body,
    page_type: PageType,
    same_container: bool,
    type_named: bool,
) -> bool {
    let article = plain_chars(article_body);
    let whole = plain_chars(whole_body);
    if article < MIN_ARTICLE_CHARS_IN_WIDE_SCOPE {
        return article >= whole;
    }
    // Where both readings agree on the page's main container, what the article reading
    // dropped from it (labels, short items, a course list's lines, a guide's module
    // cards) is a listing's or a documentation page's content.
    if matches!(page_type, PageType::Listing | PageType::Documentation)
        && same_container
        && whole as f64 >= MIN_WIDE_GAIN_IN_SAME_CONTAINER * article as f64
    {
        return false;
    }
    // A long story on a page typed as a listing (`og:type` `website` on every page of
    // many sites) keeps it when what the wide reading adds is mostly short lines:
    // teasers, archives, link lists.
    if page_type == PageType::Listing
        && article >= MIN_LONG_ARTICLE_CHARS
        && short_line_share(whole_body, article_body) >= MIN_SHORT_LINE_SHARE
    {
        return true;
    }
    if page_type == PageType::Product {
        return (whole as f64) < WIDE_OVER_PRODUCT_FACTOR * article as f64;
    }
    let own_text = matches!(page_type, PageType::Article | PageType::Documentation) && type_named;
    own_text || (whole as f64) < WIDE_OVER_ARTICLE_FACTOR * article as f64
}

/// A product page answers with its wide reading when that is at least this many times
/// the article reading: the product's own text was one panel of it. Tuned on the WCXB
/// dev split 2026-12-07 (2: -0.0001, 3: +0.0007 with two collections worse, 5 to 7:
/// +0.0007 with none worse, 10: +0.0003).
const WIDE_OVER_PRODUCT_FACTOR: f64 = 5.0;

/// Shortest JSON-LD product description, in characters, that scope any adds to a product
/// page's body when the body lacks it. Tuned on the WCXB dev split 2026-12-06 (product
/// pages 0.642 -> 0.661: five pages gain, one loses).
const MIN_PRODUCT_DESCRIPTION_CHARS: usize = 100;

/// Share of a text's words that a body must hold for the text to count as shown.
const MIN_SHOWN_WORD_SHARE: f64 = 0.5;

/// Whether most words of `text` ([`MIN_SHOWN_WORD_SHARE`]) occur in `body`.
fn mostly_in(text: &str, body: &Body) -> bool {
    let shown: std::collections::HashSet<String> = body
        .blocks
        .iter()
        .flat_map(|block| crate::lexicon::words(&block.plain_text()).collect::<Vec<_>>())
        .collect();
    let wanted: Vec<String> = crate::lexicon::words(text).collect();
    let found = wanted.iter().filter(|word| shown.contains(*word)).count();
    found as f64 >= MIN_SHOWN_WORD_SHARE * wanted.len() as f64
}

/// Where the wide reading found little, a reading of repeated furniture classes as the
/// page's structure (`score::reweigh_structural`) answers when it finds at least this many
/// times as much. Tuned on the WCXB dev split 2026-12-06.
const STRUCTURE_OVER_WIDE_FACTOR: usize = 2;

/// On a page typed as a listing or documentation whose two readings chose the same
/// container, the wide reading answers when it is at least this many times the article.
/// Tuned on the WCXB dev split 2026-12-06 (1.05 to 1.2 give +0.0019 to +0.0021; on pages
/// typed as articles or products the wide reading of the same container is worse);
/// documentation added 2026-12-07 (a guide's module cards, a reference's method list:
/// documentation pages 0.9263 -> 0.9287, 7 better, 2 worse).
const MIN_WIDE_GAIN_IN_SAME_CONTAINER: f64 = 1.05;

/// On a page typed as a listing, an article reading this long, in characters…
const MIN_LONG_ARTICLE_CHARS: usize = 3000;
/// …wins over a wide reading whose added text is at least this share in lines shorter
/// than [`MAX_SHORT_LINE_CHARS`]. Both tuned on the WCXB dev split 2026-12-05 (11 pages
/// change, articles +0.0025).
const MIN_SHORT_LINE_SHARE: f64 = 0.5;
/// Longest line, in characters, counted as a short line: a title, a date, a label.
const MAX_SHORT_LINE_CHARS: usize = 100;

/// Share of the characters `whole` adds to `article` (its blocks whose text `article`
/// lacks) that stand in short lines.
fn short_line_share(whole: &Body, article: &Body) -> f64 {
    let own: std::collections::HashSet<String> =
        article.blocks.iter().map(|b| b.plain_text()).collect();
    let (mut added, mut short) = (0usize, 0usize);
    for block in &whole.blocks {
        let text = block.plain_text();
        if own.contains(&text) {
            continue;
        }
        let chars = text.chars().count();
        added += chars;
        if chars < MAX_SHORT_LINE_CHARS {
            short += chars;
        }
    }
    short as f64 / added.max(1) as f64
}

/// A JSON-LD `articleBody` this many times longer than the body read from the markup,
/// holding one of its first paragraphs, is the whole story of which the markup shows the
/// part before a paywall. Start: a paywall shows one to three paragraphs of ten or more.
const MIN_PAYWALL_GROWTH: usize = 2;
/// Paragraphs of the markup body, from the top, looked for in the `articleBody`: a lead
/// set apart (a sapo in `<h2>`) may come first and stay.
const PAYWALL_OPENING_BLOCKS: usize = 3;
/// Characters, letters and digits only, compared between a paragraph and the
/// `articleBody`.
const PAYWALL_MATCH_CHARS: usize = 60;

/// Where the `articleBody` takes over a body the markup cut short: the index of the first
/// of its opening paragraphs that the `articleBody` holds, when the `articleBody` is
/// [`MIN_PAYWALL_GROWTH`] times longer. Blocks before it (a lead) stay.
fn truncated_opening(body: &Body, article_body: &str) -> Option<usize> {
    let body_chars = plain_chars(body);
    if article_body.chars().count() < MIN_PAYWALL_GROWTH * body_chars.max(1) {
        return None;
    }
    let whole = clean::comparable(article_body);
    body.blocks
        .iter()
        .take(PAYWALL_OPENING_BLOCKS)
        .position(|block| {
            let start: String = clean::comparable_chars(&block.plain_text())
                .take(PAYWALL_MATCH_CHARS)
                .collect();
            start.chars().count() == PAYWALL_MATCH_CHARS && whole.contains(&start)
        })
}

/// Share of the reading's characters a forum's posts must hold for the posts to become
/// the body (the opening post in the article scope, every post in the wide one). Tuned
/// on the WCXB dev split's forum pages and the two forum fixtures.
const MIN_THREAD_SHARE: f64 = 0.5;

/// Fewest paragraphs (`<p`) in the markup a script carries as a string for it to be read
/// as the page's text: an article's body, not a widget's template. Tuned on corpus/fundus
/// 2026-12-06 (Hankook Ilbo serves its body only in a script's string).
const MIN_SCRIPT_MARKUP_PARAGRAPHS: usize = 5;

/// The page with the longest string of escaped markup its scripts hold (`"\u003cp
/// class=…\u003e…"`, a server-rendered body handed to the client's renderer) added as
/// markup at the end of its body; `None` when no string holds
/// [`MIN_SCRIPT_MARKUP_PARAGRAPHS`] paragraphs.
fn with_script_markup(html: &str) -> Option<String> {
    const ESCAPED_PARAGRAPH: &[u8] = b"\\u003cp";
    let lower = html.as_bytes().to_ascii_lowercase();
    let bytes = html.as_bytes();
    let mut best: Option<String> = None;
    let mut at = 0;
    while let Some(found) = memchr::memmem::find(&lower[at..], ESCAPED_PARAGRAPH) {
        let hit = at + found;
        // The string literal around the hit: from the unescaped quote before it to the
        // one after it.
        let unescaped_quote = |i: usize| {
            bytes[i] == b'"'
                && bytes[..i].iter().rev().take_while(|&&b| b == b'\\').count() % 2 == 0
        };
        let Some(start) = (0..hit).rev().find(|&i| unescaped_quote(i)) else {
            break;
        };
        let Some(end) = (hit..bytes.len()).find(|&i| unescaped_quote(i)) else {
            break;
        };
        at = end + 1;
        let literal = html.get(start..=end)?;
        if let Ok(markup) = serde_json::from_str::<String>(literal)
            && markup.matches("<p").count() >= MIN_SCRIPT_MARKUP_PARAGRAPHS
            && best.as_ref().is_none_or(|best| markup.len() > best.len())
        {
            best = Some(markup);
        }
    }
    let markup = best?;
    let body_end = memchr::memmem::rfind(&lower, b"</body").unwrap_or(html.len());
    let mut out = String::with_capacity(html.len() + markup.len() + 16);
    out.push_str(html.get(..body_end)?);
    out.push_str("<div>");
    out.push_str(&markup);
    out.push_str("</div>");
    out.push_str(html.get(body_end..)?);
    Some(out)
}

/// Fewest characters of markup inside `<noscript>` elements worth a second reading.
/// Discourse's crawler view holds whole threads there; a tracking pixel is under 200.
const MIN_NOSCRIPT_MARKUP_BYTES: usize = 2000;

/// `html` with its `<noscript>` start and end tags removed, so their fallbacks parse as
/// markup; `None` when the fallbacks hold less than [`MIN_NOSCRIPT_MARKUP_BYTES`].
fn unwrap_noscript(html: &str) -> Option<String> {
    const OPEN: &[u8] = b"<noscript";
    const CLOSE: &[u8] = b"</noscript";
    let lower = html.as_bytes().to_ascii_lowercase();
    let mut out = String::with_capacity(html.len());
    let mut inside_bytes = 0;
    let mut copied = 0;
    let mut at = 0;
    while let Some(found) = memchr::memmem::find(&lower[at..], OPEN) {
        let start = at + found;
        let Some(open_end) = memchr::memchr(b'>', &lower[start..]).map(|i| start + i + 1) else {
            break;
        };
        let Some(close) = memchr::memmem::find(&lower[open_end..], CLOSE).map(|i| open_end + i)
        else {
            break;
        };
        let close_end =
            memchr::memchr(b'>', &lower[close..]).map_or(lower.len(), |i| close + i + 1);
        inside_bytes += close - open_end;
        out.push_str(html.get(copied..start)?);
        out.push_str(html.get(open_end..close)?);
        copied = close_end;
        at = close_end;
    }
    if inside_bytes < MIN_NOSCRIPT_MARKUP_BYTES {
        return None;
    }
    out.push_str(html.get(copied..)?);
    Some(out)
}

/// Share of a body's text, in percent, that may be tags (`<` and a letter, `/` or `!`, up
/// to the next `>`) before the body counts as markup read as text. A code sample in a
/// tutorial is a few tags in a page of prose; a `<plaintext>` or `<xmp>` left open turns
/// the rest of the page into text, where tags are most of it. Start value 2026-12-05: no
/// page of the 707 in the corpora and fixtures changes.
const MAX_MARKUP_TEXT_PERCENT: usize = 30;

/// Fewest bytes of tags a body must hold before [`MAX_MARKUP_TEXT_PERCENT`] applies.
const MIN_MARKUP_TEXT_BYTES: usize = 500;

/// A single block holding this many tags…
const MIN_MARKUP_BLOCK_TAGS: usize = 40;
/// …of which they make at least this share, in percent, is a page read as text too,
/// whatever the rest of the body holds: a `<plaintext>` left open before a hand-written
/// homepage whose publication list outweighs its light markup (23 % of the text; a
/// tutorial's unmarked code lines are blocks of a few tags each). Set 2026-12-07.
const MIN_MARKUP_BLOCK_PERCENT: usize = 15;

/// Longest tag, in bytes, counted by [`mostly_markup`]: a `<` further from its `>` is text.
const MAX_COUNTED_TAG_BYTES: usize = 256;

/// Whether a body's text outside code is mostly raw markup (see
/// [`MAX_MARKUP_TEXT_PERCENT`]).
fn mostly_markup(body: &Body) -> bool {
    let mut total = 0usize;
    let mut markup = 0usize;
    // Code is where markup is text by right (a tutorial's HTML examples): not counted.
    let prose = body
        .blocks
        .iter()
        .filter(|block| block.kind != BlockKind::Preformatted)
        .map(|block| {
            block
                .inlines
                .iter()
                .filter(|inline| !matches!(inline, Inline::Code(_)))
                .map(Inline::text)
                .collect::<String>()
        });
    let mut markup_block = false;
    for text in prose {
        let bytes = text.as_bytes();
        total += bytes.len();
        let markup_before = markup;
        let mut tags = 0usize;
        let mut at = 0;
        while let Some(found) = memchr::memchr(b'<', bytes.get(at..).unwrap_or_default()) {
            let start = at + found;
            let opens_tag = bytes
                .get(start + 1)
                .is_some_and(|&b| b.is_ascii_alphabetic() || b == b'/' || b == b'!');
            let window = bytes
                .get(start..(start + MAX_COUNTED_TAG_BYTES).min(bytes.len()))
                .unwrap_or_default();
            match memchr::memchr(b'>', window) {
                Some(end) if opens_tag => {
                    markup += end + 1;
                    tags += 1;
                    at = start + end + 1;
                }
                _ => at = start + 1,
            }
        }
        markup_block |= tags >= MIN_MARKUP_BLOCK_TAGS
            && (markup - markup_before) * 100 >= bytes.len() * MIN_MARKUP_BLOCK_PERCENT;
    }
    markup >= MIN_MARKUP_TEXT_BYTES
        && (markup_block || markup * 100 > total * MAX_MARKUP_TEXT_PERCENT)
}

/// Characters of a body's plain text.
fn plain_chars(body: &Body) -> usize {
    body.blocks
        .iter()
        .map(|b| b.plain_text().chars().count())
        .sum()
}

/// Whether customer reviews give the selection more than [`MAX_REVIEW_SHARE`] of its
/// weight.
fn reviews_weigh_most(scored: &Scored, selection: &Selection) -> bool {
    let review_weight: f64 = selection
        .blocks
        .clone()
        .filter(|&index| scored.in_reviews(index))
        .map(|index| f64::from(scored.scores[index].weight.max(0.0)))
        .sum();
    review_weight > MAX_REVIEW_SHARE * scored.weight_sum(&selection.blocks)
}

/// Characters of the kept blocks outside customer reviews: what a reading says of the
/// product itself.
fn product_text_chars(scored: &Scored, kept: &[usize]) -> usize {
    kept.iter()
        .filter(|&&index| !scored.in_reviews(index))
        .map(|&index| scored.page.blocks[index].chars)
        .sum()
}

/// One reading of a page: its scores, the container chosen, the blocks kept and the body.
struct Reading {
    scored: Scored,
    selection: Selection,
    kept: Vec<usize>,
    body: Body,
}

/// A product page's reading again with its customer reviews weighing nothing, where they
/// outweighed the description (see [`MAX_REVIEW_SHARE`]) and the new reading says more of
/// the product itself; `None` where the first reading stands.
fn read_without_reviews(
    scored: &Scored,
    selection: &Selection,
    kept: &[usize],
    metadata: &Metadata,
    settings: &Settings,
) -> Option<Reading> {
    let own = product_text_chars(scored, kept);
    let outweighed = kept.iter().all(|&index| scored.in_reviews(index))
        || (reviews_weigh_most(scored, selection) && own < MIN_OWN_PRODUCT_TEXT_CHARS);
    if !outweighed {
        return None;
    }
    let mut muted = scored.clone();
    score::mute_reviews(&mut muted);
    let reselected = if settings.wide {
        select::select_wide(&muted)
    } else {
        select::select(&muted)
    }
    .ok()?;
    let mut muted_kept = clean::kept_blocks(&muted, &reselected, metadata, settings);
    let mut muted_body = clean::body_of(&muted, &muted_kept);
    clean::drop_reviews(&muted, &mut muted_kept, &mut muted_body);
    (product_text_chars(&muted, &muted_kept) > own).then_some(Reading {
        scored: muted,
        selection: reselected,
        kept: muted_kept,
        body: muted_body,
    })
}

/// The "no article" error of a page.
fn no_article(kind: NoArticleKind, page_type: PageType) -> Error {
    Error::NoArticle { kind, page_type }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A body of one paragraph of `chars` letters.
    fn body_of_chars(chars: usize) -> Body {
        Body {
            blocks: vec![crate::body::Block::new(
                crate::body::BlockKind::Paragraph,
                vec![crate::body::Inline::Text("a".repeat(chars))],
            )],
        }
    }

    #[test]
    fn scope_any_weighs_the_article_reading_by_what_the_page_names_itself() {
        let article = body_of_chars(600);
        let twice = body_of_chars(1_300);
        let five_times = body_of_chars(3_100);
        // A named article keeps its reading however much more the wide reading finds.
        assert!(prefer_article(
            &article,
            &five_times,
            PageType::Article,
            false,
            true
        ));
        // A page that names no type gives way to a wide reading twice as large.
        assert!(!prefer_article(
            &article,
            &twice,
            PageType::Article,
            false,
            false
        ));
        // A product gives way only to five times as much: its own text was one panel.
        assert!(prefer_article(
            &article,
            &twice,
            PageType::Product,
            false,
            true
        ));
        assert!(!prefer_article(
            &article,
            &five_times,
            PageType::Product,
            false,
            true
        ));
    }

    /// Fragments the generated pages are made of: the markup the pre-scan cuts (scripts,
    /// styles, comments, unread attributes) mixed with what it must keep.
    const PIECES: &[&str] = &[
        "<p>",
        "</p>",
        "<div class='content x' data-track=1 id=d>",
        "</div>",
        "<b>",
        "</b>",
        "<a href=/x data-id=2>",
        "</a>",
        "<svg viewBox='0 0 1 1'>",
        "</svg>",
        "<g>",
        "</g>",
        "<path d=M0/>",
        "<title>",
        "</title>",
        "<foreignObject>",
        "</foreignObject>",
        "<script>",
        "</script>",
        "<script type=application/ld+json>",
        "<!--",
        "-->",
        "<style>",
        "</style>",
        "<table>",
        "<tr>",
        "<td>",
        "</table>",
        "<li>",
        "<ul>",
        "</ul>",
        "<h1>",
        "</h1>",
        "<font color=red>",
        "<noscript>",
        "</noscript>",
        "<br/>",
        "/",
        ">",
        "'",
        "\"",
        "=",
        " ",
        "\n",
        "Một câu văn khá dài về kinh tế, với dấu chấm câu. ",
        "A fairly long sentence of English prose, which ends with a full stop. ",
        "e\u{301}",
        "&amp;",
        "<p class=caption>",
        "<span style='display:none'>",
        "</span>",
        "<math>",
        "</math>",
        "<mi>",
        "<annotation-xml encoding=text/html>",
        "<annotation-xml>",
        "</annotation-xml>",
        "<textarea>",
        "</textarea>",
        "<template>",
        "</template>",
        "<xmp>",
        "<iframe>",
        "</iframe>",
        "<select>",
        "<option>",
        "</select>",
        "<desc>",
        "<font face=x>",
        "<![CDATA[",
        "]]>",
        "<!-->",
        "<script><!--",
        "<SCRIPT>",
        "</script >",
        "<i data-a>",
        "<time datetime=2026-01-02>",
        "<noembed>",
        "<img src=/a.jpg alt=b srcset=c>",
    ];

    proptest! {
        // A fixed seed: the same pages on every run, so CI cannot fail by chance. Random
        // seeds found model gaps (font breakout, namespaces, `</p>` in SVG, comments in
        // tables, misnesting in SVG) that are fixed or guarded now; one page in about
        // 100,000 more still parted once, a table cell whose script held nested comment
        // openers before an `<xmp>`, not chased.
        #![proptest_config(ProptestConfig {
            cases: 4000,
            rng_seed: proptest::test_runner::RngSeed::Fixed(20_261_201),
            failure_persistence: None,
            ..ProptestConfig::default()
        })]
        /// The pre-scan's cuts change no result on generated markup either.
        #[test]
        fn trimming_changes_no_result_on_generated_pages(
            pieces in prop::collection::vec(0..PIECES.len(), 0..120)
        ) {
            let html: String = pieces.iter().map(|&i| PIECES[i]).collect();
            let trimmed = Extractor::new().keep_images(true).keep_links(true);
            let untrimmed = Extractor {
                trim_markup: false,
                ..trimmed.clone()
            };
            prop_assert_eq!(
                format!("{:?}", trimmed.extract(&html)),
                format!("{:?}", untrimmed.extract(&html))
            );
        }
    }

    /// The pre-scan's cuts (unread raw text, unread attributes) change no result: every
    /// fixture page gives the same article, metadata and errors with and without them,
    /// with the default settings and with images, links, tables and captions kept.
    #[test]
    fn trimming_changes_no_result() {
        let mut pages: Vec<Vec<u8>> = crate::fixture_pages()
            .into_iter()
            .map(|(_, bytes)| bytes)
            .collect();
        pages.push(
            "<html><body><article><h1 data-x=1 class=t>Tiêu đề</h1>\
             <p style='color:red' data-track=a onclick=\"go('>')\">Đoạn một đủ dài để thành bài \
             báo, với nhiều câu chữ và dấu chấm câu.</p><img data-src=/a.jpg alt='Ảnh' width=3>\
             <p><b data-k=1>Đậm</b> và <a href=/x data-id=2 target=_blank>liên kết</a> trong \
             một đoạn văn thứ hai cũng khá dài.</p><table border=1><tr><td colspan=2>ô</td>\
             </tr></table><input type=hidden><svg viewBox='0 0 1 1'><title>t</title></svg>\
             </article></body></html>"
                .into(),
        );
        let configurations = [
            Extractor::new(),
            Extractor::new()
                .keep_images(true)
                .keep_links(true)
                .keep_captions(true)
                .keep_tables(true),
        ];
        for extractor in configurations {
            let untrimmed = Extractor {
                trim_markup: false,
                ..extractor.clone()
            };
            for page in &pages {
                let trimmed = extractor.extract_bytes(page, None);
                let full = untrimmed.extract_bytes(page, None);
                assert_eq!(
                    format!("{trimmed:?}"),
                    format!("{full:?}"),
                    "{}",
                    String::from_utf8_lossy(&page[..page.len().min(200)])
                );
            }
        }
    }
}

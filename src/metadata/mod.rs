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

mod authors;
mod dates;
pub(crate) mod json_ld;
mod language;
mod meta_tags;
mod page_type;
mod regions;
mod site;
mod text;
mod title;

use authors::{Anchors, authors};
pub(crate) use dates::DateLocale;
use dates::{default_offset_minutes, modified, month_first_locale, published};
use json_ld::{JSON_LD, JsonLd};
use language::{language, locale_tags};
use meta_tags::MetaTags;
use page_type::page_type;
use regions::{Candidates, Layout, TITLE, main_body, matching};
use scraper::Html;
use site::{canonical_url, description, image, site_name, site_name_variants, tags};
use text::{MAX_FIELD_CHARS, element_text};
use title::title;

/// What kind of page this is, from its JSON-LD, `og:type`, `generator` and URL: a single
/// article (the default when nothing says otherwise), a listing of many, or one of the
/// other kinds [`Scope::Any`](crate::Scope::Any) reads.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum PageType {
    /// One article.
    #[default]
    Article,
    /// A home, section, tag or search page listing many articles.
    Listing,
    /// A forum thread or a question-and-answer page.
    Forum,
    /// One product for sale.
    Product,
    /// A shop's collection or category page listing products.
    Collection,
    /// A documentation or reference page.
    Documentation,
    /// A page presenting what an organisation offers: an agency's or a firm's service, a
    /// software product's features. Told by a JSON-LD `Service` or a first path segment
    /// such as `/services/`; most service pages say neither and stay `Article` or
    /// `Listing`. With [`Scope::Any`](crate::Scope::Any) its wide reading answers when it
    /// finds several times what the article reading finds.
    Service,
}

impl PageType {
    /// Whether the page lists other pages (articles or products) rather than holding
    /// its own text: a short answer on such a page is a listing.
    #[must_use]
    pub fn is_listing(self) -> bool {
        matches!(self, Self::Listing | Self::Collection)
    }

    /// The lower-case name used in JSON and the command line (`"forum"`).
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Article => "article",
            Self::Listing => "listing",
            Self::Forum => "forum",
            Self::Product => "product",
            Self::Collection => "collection",
            Self::Documentation => "documentation",
            Self::Service => "service",
        }
    }
}

impl std::fmt::Display for PageType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// What the page says about its article. Every field is optional: pages often omit them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
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
// Entry point
// ---------------------------------------------------------------------------------------

/// What reading the metadata found besides [`Metadata`].
pub(crate) struct Signs {
    /// The page's JSON-LD, parsed once (for the extractor's body fallback too).
    pub json_ld: JsonLd,
    /// Whether anything on the page named its type: `false` for a page typed article
    /// only for want of any sign (no JSON-LD type, no `og:type`, no address).
    pub type_named: bool,
    /// How the page writes its dates: the offset of times that give none, and whether
    /// numeric dates put the month first (read for its comments' dates too).
    pub date_locale: DateLocale,
}

/// Bytes of a page's title, description and first paragraphs read for the language its
/// dates are written in, when it declares none: a Vietnamese title and description
/// decide it, and the detector's cost grows with the sample (whatlang took 1.6 % of the
/// scrapinghub run on 600 characters).
const DATE_LANGUAGE_SAMPLE_BYTES: usize = 300;

/// Reads the metadata of `document`, and returns it with the signs the extractor reads
/// too. `base_url` resolves relative URLs.
pub(crate) fn extract(document: &Html, base_url: Option<&url::Url>) -> (Metadata, Signs) {
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

    let raw_title = matching(&page.titles, &TITLE)
        .next()
        .map(|el| element_text(el, MAX_FIELD_CHARS));
    let language = language(&page, &metas, &json_ld);
    // A page that declares no language (an old CMS's `<html>` without `lang`) writes its
    // dates as its text's language does: a Vietnamese page's "07:42" is +07:00.
    let written_language = language.clone().or_else(|| {
        let mut sample = raw_title.clone().unwrap_or_default();
        for line in ["description", "keywords"].map(|key| metas.first(&[key])) {
            sample.push(' ');
            sample.push_str(line.unwrap_or_default());
        }
        for paragraph in &page.paragraphs {
            if sample.len() >= DATE_LANGUAGE_SAMPLE_BYTES {
                break;
            }
            sample.push(' ');
            sample.push_str(&element_text(*paragraph, MAX_FIELD_CHARS));
        }
        let mut end = sample.len().min(DATE_LANGUAGE_SAMPLE_BYTES);
        while !sample.is_char_boundary(end) {
            end -= 1;
        }
        text_language(&sample[..end])
    });
    let vietnamese = written_language.as_deref() == Some("vi")
        || host.as_deref().is_some_and(|h| h.ends_with(".vn"));
    let locales = locale_tags(&page, &metas, &json_ld);
    let date_locale = DateLocale {
        offset_minutes: default_offset_minutes(written_language.as_deref(), host.as_deref()),
        month_first: month_first_locale(&locales, written_language.as_deref(), host.as_deref()),
    };
    let site_name = site_name(
        &page,
        &metas,
        &json_ld,
        raw_title.as_deref(),
        host.as_deref(),
    );
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
    let headline = title_node
        .and_then(|id| document.tree.get(id))
        .and_then(scraper::ElementRef::wrap);
    let published = published(&page, &layout, &metas, &json_ld, headline, date_locale);
    let modified = modified(&page, &layout, &metas, &json_ld, date_locale);
    let (page_type, type_named) = page_type(&page, &metas, &json_ld, url.as_deref());
    let anchors = Anchors {
        product: page_type == PageType::Product,
        forum: page_type == PageType::Forum,
        layout: &layout,
        body,
        headline,
    };
    let authors = authors(&page, &anchors, &metas, &json_ld, &site_names, vietnamese);

    let metadata = Metadata {
        title,
        authors,
        published,
        modified,
        site_name,
        url,
        description: description(&metas, &json_ld),
        image: image(&page, &metas, &json_ld, page_url.as_ref()),
        language,
        tags: tags(&page, &layout, &metas, &json_ld),
        page_type,
    };
    (
        metadata,
        Signs {
            json_ld,
            type_named,
            date_locale,
        },
    )
}

/// The language of an extracted text, for a page whose markup and paragraphs gave none
/// (a table-laid-out page or a forum without `<p>`).
pub(crate) fn text_language(text: &str) -> Option<String> {
    language::detect_sample(text).map(|(language, _)| language)
}

/// Role words of a Chinese news lead's credit: "（记者 林晓 通讯员 王芳）".
const CHINESE_CREDIT_ROLES: [&str; 6] = ["记者", "通讯员", "实习生", "见习记者", "摄影", "编译"];
/// Characters of a Chinese lead read for its credit.
const MAX_CHINESE_LEAD_CHARS: usize = 120;

/// The reporters a Chinese news lead credits in parentheses ("本报讯（记者 林晓）…",
/// "新华社北京9月14日电（记者 张三、李四）"): the names after a role word, two to four
/// Han characters each. For a page whose markup names no author.
pub(crate) fn lead_reporters(lead: &str) -> Vec<String> {
    let lead: String = lead.chars().take(MAX_CHINESE_LEAD_CHARS).collect();
    let Some(open) = lead.find(['（', '(']) else {
        return Vec::new();
    };
    let inside = lead[open..].trim_start_matches(['（', '(']);
    let Some(close) = inside.find(['）', ')']) else {
        return Vec::new();
    };
    let credit = &inside[..close];
    if !CHINESE_CREDIT_ROLES
        .iter()
        .any(|role| credit.contains(role))
    {
        return Vec::new();
    }
    let mut names: Vec<String> = Vec::new();
    for token in credit.split(|c: char| c.is_whitespace() || matches!(c, '、' | '，' | ',' | '/'))
    {
        // A role word may run into the name ("记者林晓").
        let mut name = token;
        while let Some(role) = CHINESE_CREDIT_ROLES.iter().find(|r| name.starts_with(**r)) {
            name = &name[role.len()..];
        }
        let chars = name.chars().count();
        if authors::HAN_NAME_CHARS.contains(&chars)
            && name.chars().all(authors::is_han)
            && !names.iter().any(|n| n == name)
        {
            names.push(name.to_string());
        }
    }
    names
}

/// `text` read as a date (ISO forms, then displayed forms such as "17/11/2025 08:30"),
/// in RFC 3339 as a page of `locale` means it (its offset when the text gives none): how
/// comment dates are written.
pub(crate) fn date_text(text: &str, locale: DateLocale) -> Option<String> {
    dates::parse_date(text).map(|stamp| stamp.rfc3339(locale))
}

#[cfg(test)]
mod tests {
    use super::authors::*;
    use super::dates::*;
    use super::json_ld::*;
    use super::regions::*;
    use super::text::*;
    use super::*;
    use scraper::{ElementRef, Selector};

    /// How Vietnamese pages write dates: +07:00, day first.
    const VIETNAM_DATES: DateLocale = DateLocale {
        offset_minutes: VIETNAM_OFFSET_MINUTES,
        month_first: false,
    };

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
        extract(&Html::parse_document(html), None).0
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
    fn a_blogs_name_linking_home_is_not_the_headline() {
        // Blogger: the blog's name in the h1, the post's in an entry-title h3.
        let html = "<html><head><title>Notes from the Shed: Saving bean seed</title></head><body>\
            <h1 class='title'><a href='http://shed.example.com/'>Notes from the Shed</a></h1>\
            <div class='post hentry'><h3 class='post-title entry-title'>Saving bean seed</h3>\
            <div class='post-body entry-content'>Every autumn I leave a handful of pods on the best \
            plants and let them dry on the vine, which saves buying seed in spring.</div>\
            <div class='post-footer'><span class='post-author vcard'>Posted by \
            <span class='fn'>Margaret Hale</span></span></div></div></body></html>";
        let m = meta(html);
        assert_eq!(m.title.as_deref(), Some("Saving bean seed"));
        assert_eq!(
            m.authors,
            vec!["Margaret Hale".to_string()],
            "the post's own footer"
        );
        // Kubrick: the post's headline in a plain h2 that repeats a part of the title.
        let html = "<html><head><title>Bike Commuter &raquo; Blog Archive &raquo; Fixing a slow leak\
            </title></head><body><div id='header'><h1><a href='/'>Bike Commuter</a></h1></div>\
            <div class='post'><h2>Fixing a slow leak</h2><div class='entry'><h2>What the sink test \
            missed</h2><p>For three weeks my back tyre lost a little air every day.</p></div></div>\
            </body></html>";
        let m = meta(html);
        assert_eq!(m.title.as_deref(), Some("Fixing a slow leak"));
        assert_eq!(m.site_name.as_deref(), Some("Bike Commuter"));
        // A section heading sharing words with the title is not the headline.
        let html = "<html><head><title>Which marketing certificate is best?</title></head><body>\
            <h2>What is marketing?</h2></body></html>";
        assert_eq!(
            meta(html).title.as_deref(),
            Some("Which marketing certificate is best?")
        );
    }

    #[test]
    fn byline_names_stop_at_the_date() {
        let names = |text: &str| super::authors::byline_element_names(text);
        assert_eq!(names("By Nora Feld April 12, 2026"), vec!["Nora Feld"]);
        assert_eq!(
            names("By Ruth Penrose Wednesday 11 February 2026 08:40"),
            vec!["Ruth Penrose"]
        );
        assert_eq!(
            names("Dylan Bailey Published on 3 May 2025"),
            vec!["Dylan Bailey"]
        );
        assert_eq!(
            names("Post by gravelgus » Mon Nov 03, 2026 9:12 pm"),
            vec!["gravelgus"]
        );
        assert!(names("Reviewed by Justin Meserole, May 2, 2025").is_empty());
        // A month's name that is also a given name opens no date without a figure after.
        assert_eq!(names("By Mei Chen 12 March 2026"), vec!["Mei Chen"]);
        // A theme's "Posted on" label before the date is no name.
        assert!(names("Posted on").is_empty());
        // Figures inside words are footnote marks, not a date: nothing is cut there.
        assert!(names("Authors of this article: Jennifer Huberty1, PhD; Jeni Green1").is_empty());
    }

    #[test]
    fn root_addresses() {
        for href in [
            "/",
            "./",
            "index.html",
            "https://shed.example.com/",
            "//shed.example.com",
        ] {
            assert!(title::is_root_address(href), "{href}");
        }
        for href in [
            "/?p=12",
            "#top",
            "",
            "/2012/10/post.html",
            "https://a.example/b",
        ] {
            assert!(!title::is_root_address(href), "{href}");
        }
    }

    #[test]
    fn a_credit_line_under_the_headline_names_the_writer() {
        let body = "<div class='text'><p>The morning ferry left forty minutes late on Tuesday because a gull \
            had nested on the radar mast, the operator said in a statement.</p></div>";
        let html = format!(
            "<html><body><h1>Why the ferry was late</h1><div class='info'><span>Written by Jane \
            Morrow</span> <span>3 March 2019</span></div>{body}</body></html>"
        );
        assert_eq!(meta(&html).authors, vec!["Jane Morrow".to_string()]);
        // The prefix alone in its element, after a standfirst longer than a byline.
        let html = format!(
            "<html><body><div><h1>Why the ferry was late</h1><div>A gull, a radar mast and forty \
            minutes: what happened to the morning crossing on Tuesday, and why it will not happen \
            again.</div></div><div><span>By </span><b>Jane Morrow</b></div>{body}</body></html>"
        );
        assert_eq!(meta(&html).authors, vec!["Jane Morrow".to_string()]);
        // A maker under a product's name is not a writer.
        let html = format!(
            "<html><body><h1>Oakhurst Task Chair</h1><p><a href='/brand/marlow-and-finch'>By \
            Marlow &amp; Finch</a></p>{body}</body></html>"
        );
        assert!(meta(&html).authors.is_empty());
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
            ("2011年09月14日09:32", "2011-09-14T09:32:00+07:00"),
            ("2026年3月5日 (木)", "2026-03-05T00:00:00+07:00"),
            ("2026년 3월 5일 오후", "2026-03-05T00:00:00+07:00"),
        ];
        for (text, want) in cases {
            let got = parse_date(text).map(|s| s.rfc3339(VIETNAM_DATES));
            assert_eq!(got.as_deref(), Some(want), "{text}");
        }
        for text in [
            "Sáng 28-2",
            "19h tối 8/2",
            "22h30",
            "31/02/2025",
            "id 1234567",
            "2026年13月5日",
            "11年9月14日",
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
            ("20180619T055000+0900", "2018-06-19T05:50:00+09:00"),
            ("20180619T0550Z", "2018-06-19T05:50:00+00:00"),
            ("2022-5-3T23:57:00", "2022-05-03T23:57:00+07:00"),
        ];
        for (text, want) in cases {
            let got = parse_date(text).map(|s| s.rfc3339(VIETNAM_DATES));
            assert_eq!(got.as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn a_title_suffix_in_another_script_than_the_host_names_the_site() {
        let suffix = |title: &str, host: &str| super::site::title_suffix(title, Some(host));
        assert_eq!(
            suffix(
                "Открыли новый мост | Новости региона",
                "region-news.example.ru"
            )
            .as_deref(),
            Some("Новости региона")
        );
        // In Latin letters the suffix must still name the host.
        assert_eq!(
            suffix("A bridge opens | Other Paper", "region-news.example"),
            None
        );
        assert_eq!(
            suffix("A bridge opens | Region News", "regionnews.example").as_deref(),
            Some("Region News")
        );
    }

    #[test]
    fn a_short_tail_after_the_sites_name_goes_with_it() {
        let names = vec!["millbrookfalls-in".to_string()];
        let strip = |title: &str| super::title::strip_site_suffix(title, &names);
        assert_eq!(
            strip("Building Department | Millbrook Falls, IN - Official Website"),
            "Building Department"
        );
        // A short tail after a part that is not the site's name stays.
        assert_eq!(
            strip("Building Department | Permits - Part 2"),
            "Building Department | Permits - Part 2"
        );
    }

    #[test]
    fn a_page_without_headings_shows_its_headline_in_bold() {
        // A 2000s table layout: the paper's name before the headline in `<title>`, the
        // headline a bold `<font>` line, the byline and date plain lines under it.
        let page = meta(
            "<html><head><title>Harbor Gazette - Council approves new ferry schedule</title>\
             </head><body><table><tr><td><font size=1><a href=/>Home</a><br>\
             <b>Weather</b><br>Partly cloudy</font></td><td>\
             <font size=5><b>Council approves new ferry schedule</b></font><br>\
             <font size=1>By Thomas Wendt, Staff Writer<br>Thursday, October 12, 2006</font>\
             <p><font size=2>The town council voted 5-2 Tuesday night to approve a winter \
             ferry schedule that adds two early crossings to the mainland.<br><br>\
             The new schedule takes effect Nov. 1 and will be reviewed in March.</font></p>\
             </td></tr></table></body></html>",
        );
        assert_eq!(
            page.title.as_deref(),
            Some("Council approves new ferry schedule")
        );
        assert_eq!(page.site_name, None);
        assert_eq!(page.authors, ["Thomas Wendt"]);
        assert_eq!(page.published.as_deref(), Some("2006-10-12T00:00:00+00:00"));
        // A short name shown bold in the masthead is still the site's name.
        let named = meta(
            "<html><head><title>Ask about ferries | Hacker News</title></head><body>\
             <b><a href=news>Hacker News</a></b><h1>Ask about ferries</h1></body></html>",
        );
        assert_eq!(named.site_name.as_deref(), Some("Hacker News"));
    }

    #[test]
    fn a_chinese_lead_credits_its_reporters() {
        assert_eq!(
            lead_reporters("本报讯（记者 林晓）记者昨日从市住建部门获悉"),
            vec!["林晓"]
        );
        assert_eq!(
            lead_reporters("新华社北京9月14日电（记者张三、李四 通讯员 王芳）国务院"),
            vec!["张三", "李四", "王芳"]
        );
        assert!(lead_reporters("（原标题：老街区改造启动）市住建部门").is_empty());
        assert!(lead_reporters("No credit here (AP).").is_empty());
    }

    #[test]
    fn single_zone_languages_and_domains_set_the_default_offset() {
        assert_eq!(default_offset_minutes(Some("vi"), None), 7 * 60);
        assert_eq!(default_offset_minutes(Some("zh-TW"), None), 8 * 60);
        assert_eq!(
            default_offset_minutes(None, Some("www.example.co.jp")),
            9 * 60
        );
        assert_eq!(
            default_offset_minutes(Some("ko"), Some("example.com")),
            9 * 60
        );
        // Several zones, or daylight saving: no default.
        assert_eq!(default_offset_minutes(Some("ru"), Some("example.ru")), 0);
        assert_eq!(default_offset_minutes(Some("en"), None), 0);
        assert_eq!(default_offset_minutes(None, None), 0);
        // Greenwich time named in Chinese is UTC.
        assert_eq!(
            find_offset("2012年12月10日, 格林尼治标准时间 10:41"),
            Some(0)
        );
    }

    #[test]
    fn dates_with_month_names() {
        let cases = [
            ("Tuesday, November 03, 2026", (2026, 11, 3, None)),
            (
                "Nov. 3rd, 2026 at 10:14 PM",
                (2026, 11, 3, Some((22, 14, 0))),
            ),
            ("3 November 2026", (2026, 11, 3, None)),
            ("3. März 2026, 14:05", (2026, 3, 3, Some((14, 5, 0)))),
            ("14 września 2011", (2011, 9, 14, None)),
            (
                "14 сентября 2011 г., 12:47",
                (2011, 9, 14, Some((12, 47, 0))),
            ),
            (
                "Τετάρτη, 14 Σεπτεμβρίου 2011 11:05",
                (2011, 9, 14, Some((11, 5, 0))),
            ),
            ("3 de noviembre de 2026", (2026, 11, 3, None)),
            ("le 12 août 2025", (2025, 8, 12, None)),
            (
                "Tue Apr 13 08:14:22 EDT 2004",
                (2004, 4, 13, Some((8, 14, 22))),
            ),
        ];
        for (text, (year, month, day, time)) in cases {
            let got = parse_date(text).map(|s| (s.year, s.month, s.day, s.time));
            assert_eq!(got, Some((year, month, day, time)), "{text}");
        }
        // A mail archive's zone abbreviation gives the offset, unless it names several.
        let offset = |text: &str| parse_date(text).map(|s| s.rfc3339(DateLocale::default()));
        assert_eq!(
            offset("Tue Apr 13 08:14:22 EDT 2004").as_deref(),
            Some("2004-04-13T08:14:22-04:00")
        );
        assert_eq!(
            offset("Wed Sep 14 09:32:00 CST 2011").as_deref(),
            Some("2011-09-14T09:32:00+00:00")
        );
        // A month and a year without a day, or a month name with no figures, is no date.
        for text in ["May 2026", "posted in March", "April 31, 2026"] {
            assert_eq!(parse_date(text), None, "{text}");
        }
    }

    #[test]
    fn numeric_dates_read_in_the_pages_order() {
        let us = DateLocale {
            offset_minutes: 0,
            month_first: true,
        };
        let read = |text: &str, locale| parse_date(text).map(|s| s.rfc3339(locale));
        // Both numbers could be the month: the locale decides.
        assert_eq!(
            read("03/04/2025", DateLocale::default()).as_deref(),
            Some("2025-04-03T00:00:00+00:00")
        );
        assert_eq!(
            read("03/04/2025", us).as_deref(),
            Some("2025-03-04T00:00:00+00:00")
        );
        // Only one order makes a date: it holds in every locale.
        for locale in [DateLocale::default(), us] {
            assert_eq!(
                read("12/25/2025", locale).as_deref(),
                Some("2025-12-25T00:00:00+00:00")
            );
            assert_eq!(
                read("25/12/2025", locale).as_deref(),
                Some("2025-12-25T00:00:00+00:00")
            );
            assert_eq!(
                read("05/05/2025", locale).as_deref(),
                Some("2025-05-05T00:00:00+00:00")
            );
        }
    }

    #[test]
    fn month_first_is_the_united_states_order() {
        assert!(month_first_locale(&["en-US"], Some("en"), None));
        assert!(month_first_locale(&["en_us"], Some("en"), None));
        assert!(month_first_locale(
            &["en"],
            Some("en"),
            Some("www.cityofmarion.in.gov")
        ));
        assert!(!month_first_locale(
            &["en-GB"],
            Some("en"),
            Some("example.co.uk")
        ));
        assert!(!month_first_locale(
            &["en"],
            Some("en"),
            Some("example.com")
        ));
        assert!(!month_first_locale(
            &["vi"],
            Some("vi"),
            Some("example.gov")
        ));
        assert!(!month_first_locale(&[] as &[&str], None, None));
    }

    #[test]
    fn update_lines_and_run_together_lines_give_way_to_the_publication() {
        let html = "<html><body><header><div class='dateline-wrapper'><a href='/c'>Health</a>\
            <span class='dateline'>DECEMBER 22, 2022</span>\
            <span class='dateline updated'>Updated: JANUARY 02, 2026</span></div>\
            <h1>Ten ways to sleep better</h1></header></body></html>";
        assert_eq!(
            meta(html).published.as_deref(),
            Some("2022-12-22T00:00:00+00:00")
        );
        // An update line is still the date when it is the only one.
        let html = "<html><body><h1>Ten ways to sleep better</h1>\
            <p class='post-date'>Last updated: August 1, 2025</p></body></html>";
        assert_eq!(
            meta(html).published.as_deref(),
            Some("2025-08-01T00:00:00+00:00")
        );
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
    fn a_job_is_published_when_posted_and_an_events_dates_are_not_the_pages() {
        let job = r#"<html><head><script type="application/ld+json">{"@type":"JobPosting","title":"Data Engineer","datePosted":"2024-03-05"}</script></head>
            <body><h1>Data Engineer</h1></body></html>"#;
        assert_eq!(
            meta(job).published.as_deref(),
            Some("2024-03-05T00:00:00+00:00")
        );
        let event = r#"<html><head><script type="application/ld+json">{"@type":"EducationEvent","name":"Lost Rivers","startDate":"2024-05-18T10:30:00+01:00"}</script></head>
            <body><time class="start-date" datetime="2024-05-18">May 18</time><h1>Lost Rivers</h1></body></html>"#;
        assert_eq!(meta(event).published, None);
    }

    #[test]
    fn shop_chrome_is_no_author_and_screen_reader_words_no_title() {
        let html = "<html><body class='tweak-blog-item-show-author-name'>\
            <ul class='header links'><li class='link authorization-link'><a href='/login'>Sign In</a></li></ul>\
            <h1 class='collection-hero__title'><span class='visually-hidden'>Collection: </span>Stoneware</h1>\
            <p>Hand-thrown stoneware for everyday use, glazed in small batches.</p></body></html>";
        let metadata = meta(html);
        assert!(metadata.authors.is_empty(), "{:?}", metadata.authors);
        assert_eq!(metadata.title.as_deref(), Some("Stoneware"));
        // Punctuation kept for screen readers joins a kicker and its headline.
        let html = "<html><head><title>Euroleague: Sanktionen und Reue | ZEIT ONLINE</title></head>\
            <body><h1><span>Euroleague</span><span class='visually-hidden'>: </span>\
            <span>Sanktionen und Reue</span></h1></body></html>";
        assert_eq!(
            meta(html).title.as_deref(),
            Some("Euroleague: Sanktionen und Reue")
        );
    }

    #[test]
    fn a_posts_rel_tag_links_are_its_tags_and_a_sidebars_are_not() {
        let html = "<html><body><article><h1>Restoring a plane</h1><p>Text of the post.</p>\
            <footer class='entry-meta'>Tagged <a href='/t/planes' rel='tag'>hand planes</a>, \
            <a href='/c/tools' rel='category tag'>Stanley</a></footer></article>\
            <aside class='sidebar'><a href='/t/other' rel='tag'>Tag cloud entry</a></aside></body></html>";
        assert_eq!(meta(html).tags, ["hand planes", "Stanley"]);
    }

    #[test]
    fn a_chinese_official_papers_title_reporter_and_time() {
        let html = "<html lang=zh-CN><head><title>候鸟数量创新高--社会·法治--人民网</title>\
            <meta name=publishdate content=2025-03-12></head><body>\
            <h1>候鸟数量创新高</h1><div class='author cf'>本报记者\u{3000}王晓明</div>\
            <div class='col-1-1 fl'>2025年03月12日08:31 | 来源：人民网－人民日报</div>\
            <div class='rm_txt_con'><p>鄱阳湖区今冬越冬候鸟数量达到近十年来的最高水平。</p></div></body></html>";
        let metadata = meta(html);
        assert_eq!(metadata.title.as_deref(), Some("候鸟数量创新高"));
        assert_eq!(metadata.authors, ["王晓明"]);
        assert_eq!(
            metadata.published.as_deref(),
            Some("2025-03-12T08:31:00+08:00")
        );
    }

    #[test]
    fn a_chinese_bylines_reporters_are_each_an_author() {
        for (byline, names) in [
            ("本报记者 刘芳 陈宇航", vec!["刘芳", "陈宇航"]),
            ("本报记者\u{3000}刘芳\u{3000}陈宇航", vec!["刘芳", "陈宇航"]),
            ("本报记者 刘芳、陈宇航", vec!["刘芳", "陈宇航"]),
            ("记者 刘芳", vec!["刘芳"]),
        ] {
            let html = format!(
                "<html lang=zh-CN><head><title>候鸟数量创新高</title></head><body>\
                <h1>候鸟数量创新高</h1><p class='author'>{byline}</p>\
                <div class='rm_txt_con'><p>鄱阳湖区今冬越冬候鸟数量达到近十年来的最高水平。</p></div></body></html>"
            );
            assert_eq!(meta(&html).authors, names, "{byline}");
        }
    }

    #[test]
    fn an_author_boxs_social_links_are_no_authors() {
        let html = "<html lang=en><head><title>Onboarding checklists</title></head><body>\
            <h1>Onboarding checklists</h1><div class='blog-post__author'>\
            <a class='blog-post__author-name' href='/author/dana'>Dana Okafor</a>\
            <div class='blog-post__author-social'><a href='https://linkedin.com/in/dana'>LinkedIn</a></div></div>\
            <div class='blog-post__body'><p>A checklist keeps every new customer on the same path.</p></div></body></html>";
        assert_eq!(meta(html).authors, ["Dana Okafor"]);
    }

    #[test]
    fn an_old_portals_styled_title_update_line_and_undeclared_language() {
        let html = "<html><head><title>Báo Bình Dương Online - Nông dân Phú Giáo chuyển đổi vườn cao su già sang trồng bưởi</title>\
            <meta name=description content='Báo Bình Dương Online - Cơ quan của Đảng bộ tỉnh Bình Dương, tin tức nông nghiệp'></head><body><table>\
            <tr><td class=dateline>Thứ Ba, 22/05/2014</td></tr>\
            <tr><td><span class=title>Nông dân Phú Giáo chuyển đổi vườn cao su già sang trồng bưởi</span></td></tr>\
            <tr><td><span class=date>Cập nhật: 13/05/2014 - 07:42</span></td></tr>\
            <tr><td>Giá mủ cao su xuống thấp kéo dài, nhiều nông dân chuyển sang trồng bưởi da xanh.<br>\
            <p align=right><b>Bài, ảnh: MINH TÂM</b></p></td></tr>\
            <tr><td class=othernews><a href=/a>Giá mủ cao su tiếp tục giảm</a> <span class=otherdate>(12/05/2014)</span></td></tr>\
            </table></body></html>";
        let metadata = meta(html);
        assert_eq!(
            metadata.title.as_deref(),
            Some("Nông dân Phú Giáo chuyển đổi vườn cao su già sang trồng bưởi")
        );
        assert_eq!(metadata.authors, ["MINH TÂM"]);
        assert_eq!(
            metadata.published.as_deref(),
            Some("2014-05-13T07:42:00+07:00")
        );
    }

    #[test]
    fn a_search_boxs_dates_are_the_visitors_not_the_pages() {
        let paragraphs =
            "<p>A courtyard hotel in the old town, five minutes from the cathedral.</p>".repeat(4);
        let html = format!(
            "<html lang=en><head><title>Casa Alameda, Seville</title></head><body>\
            <form class=searchbox action=/search><label>Check-in</label>\
            <span class=sb-date-field__display>Friday 12 April 2024</span><button>Search</button></form>\
            <h1>Casa Alameda, Seville</h1><div class=description>{paragraphs}</div></body></html>"
        );
        assert_eq!(meta(&html).published, None);
        // A page that an ASP.NET form wraps whole keeps its dates.
        let html = format!(
            "<html lang=en><head><title>Casa Alameda, Seville</title></head><body><form id=aspnetForm>\
            <h1>Casa Alameda, Seville</h1><span class=date>12/04/2024</span>\
            <div class=description>{}</div></form></body></html>",
            paragraphs.repeat(4)
        );
        assert_eq!(
            meta(&html).published.as_deref().map(|d| &d[..10]),
            Some("2024-04-12")
        );
    }

    #[test]
    fn a_mastheads_today_is_not_the_date_line_nearest_the_headline() {
        let html = "<html lang=vi><head><title>Đà Nẵng thí điểm xe buýt điện</title></head><body>\
            <div class=header__date>Thứ sáu, 15/08/2025</div><nav><a href=/>Trang chủ</a></nav>\
            <div class=detail-time><div data-role=publishdate>12/08/2025 09:30 GMT+7</div></div>\
            <h1 class=detail-title>Đà Nẵng thí điểm xe buýt điện</h1>\
            <div class=detail-content><p>Thành phố thí điểm xe buýt điện miễn phí cho học sinh từ tháng 9.</p></div></body></html>";
        assert_eq!(
            meta(html).published.as_deref(),
            Some("2025-08-12T09:30:00+07:00")
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
    fn newsroom_jobs_are_not_authors() {
        let cases = [
            ("Mark Ellis, Transport Reporter", vec!["Mark Ellis"]),
            ("Meghan Holmes, Writer", vec!["Meghan Holmes"]),
            (
                "Linda Rosencrance Contributing Writer",
                vec!["Linda Rosencrance"],
            ),
            ("Staff Writer", vec![]),
            ("Ann Lee and Tom Baker", vec!["Ann Lee", "Tom Baker"]),
            // The outlet a republished story credits after the name.
            ("Minh Khang (Dân Việt)", vec!["Minh Khang"]),
            // The outlet or desk after a slash.
            ("Nguyễn Trang/VOV-Miền Trung", vec!["Nguyễn Trang"]),
            ("Hồng Hạnh/TTXVN", vec!["Hồng Hạnh"]),
        ];
        for (credit, want) in cases {
            assert_eq!(authors::split_names(credit), want, "{credit}");
        }
        // "Home-" shares the title's second half; the rest is left to the name test.
        let parts = authors::split_names("Cort Honey, Home- and Digital-Security Expert");
        assert!(!parts.iter().any(|part| part == "Home"), "{parts:?}");
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

    /// A customer review's byline is the reviewer's, not the page's author.
    #[test]
    fn reviewers_are_not_authors() {
        let html = "<html><body><main><h1>Ridgeline Pack</h1>\
            <p>A light pack with a stiff back panel and two stretch bottle pockets.</p>\
            <section class='product-reviews'><article class='review'>\
            <p class='byline'>By Tamsin</p><p>Great pack for long ridge walks.</p>\
            </article></section></main></body></html>";
        assert!(meta(html).authors.is_empty(), "{:?}", meta(html).authors);
        // A review long enough to pass for the body container is still a review: the
        // page's only `<article>` must not let its byline through.
        let review = "The neck is slim and the cedar top is warm; after a month of daily \
            practice the strings have settled and the tuning holds through a whole lesson. ";
        let html = format!(
            "<html><body><h1>Larkwood Concert Guitar</h1><p>A cedar-top classical guitar.</p>\
            <section class='product-reviews'><article class='review'>\
            <div><span class='review-intro__author'>Gwendolyn M.</span></div>\
            <p>{}</p></article></section></body></html>",
            review.repeat(3)
        );
        assert!(meta(&html).authors.is_empty(), "{:?}", meta(&html).authors);
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
        // Credentials after a name are not further authors.
        let html = "<html><head><meta name='author' content='Dylan Bailey, MS, RD, FAND; Ann Lee, Ph.D.'>\
            </head><body></body></html>";
        assert_eq!(
            meta(html).authors,
            vec!["Dylan Bailey".to_string(), "Ann Lee".to_string()]
        );
    }

    #[test]
    fn a_writer_whose_surname_is_the_site_is_a_person() {
        let on_site = |author: &str| {
            meta(&format!(
                "<html><head><meta name='author' content='{author}'>\
                 <link rel='canonical' href='https://whatever.harrow.example/post'>\
                 <meta property='og:site_name' content='Harrow'></head><body></body></html>"
            ))
            .authors
        };
        assert_eq!(on_site("Ines Harrow"), ["Ines Harrow"]);
        // The site's own bylines and credits ending with its name are not.
        assert!(on_site("Team Harrow").is_empty());
        assert!(on_site("Harrow").is_empty());
        assert!(on_site("CEO of Harrow").is_empty());
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
        let m = extract(&Html::parse_document(html), base.as_ref()).0;
        assert_eq!(m.image.as_deref(), Some("https://example.vn/img/a.jpg"));
        assert_eq!(m.url.as_deref(), Some("https://example.vn/bai-viet-1.html"));
        assert_eq!(m.tags, vec!["vàng".to_string(), "giá vàng".to_string()]);
        assert_eq!(m.page_type, PageType::Listing);
    }

    #[test]
    fn forum_threads_by_the_script_or_the_section_that_shows_them() {
        let typed = |canonical: &str| {
            let html = format!(
                "<html><head><link rel='canonical' href='{canonical}'></head><body></body></html>"
            );
            extract(&Html::parse_document(&html), None).0.page_type
        };
        // phpBB and vBulletin name the thread by the script that shows it.
        assert_eq!(
            typed("https://forums.example.org/viewtopic.php?t=4821"),
            PageType::Forum
        );
        assert_eq!(
            typed("https://example.org/showthread.php?t=77"),
            PageType::Forum
        );
        assert_eq!(
            typed("https://example.org/forums/topic/lost-keys"),
            PageType::Forum
        );
        // A section's own page is no thread, nor is another script.
        assert_ne!(typed("https://example.org/forums"), PageType::Forum);
        assert_ne!(typed("https://example.org/index.php?id=3"), PageType::Forum);
    }

    #[test]
    fn service_pages_by_path_and_json_ld() {
        // The page's URL is its canonical link.
        let typed = |html: &str, url: &str| {
            let html = html.replace(
                "<head>",
                &format!("<head><link rel='canonical' href='{url}'>"),
            );
            extract(&Html::parse_document(&html), None).0.page_type
        };
        let plain =
            "<html><head><meta property='og:type' content='website'></head><body></body></html>";
        assert_eq!(
            typed(plain, "https://firm.example/services/tax-advice/"),
            PageType::Service
        );
        assert_eq!(
            typed(plain, "https://firm.example/en-us/solutions/cloud"),
            PageType::Service
        );
        let declared = r#"<html><head><script type="application/ld+json">{"@type":"Service","name":"Gutter cleaning"}</script></head><body></body></html>"#;
        assert_eq!(
            typed(declared, "https://firm.example/gutters"),
            PageType::Service
        );
        // An article about services stays an article.
        let article =
            "<html><head><meta property='og:type' content='article'></head><body></body></html>";
        assert_eq!(
            typed(
                article,
                "https://news.example/services/why-tax-advice-costs-more-this-year"
            ),
            PageType::Article
        );
        assert_eq!(PageType::Service.name(), "service");
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

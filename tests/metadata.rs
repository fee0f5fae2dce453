//! Metadata accuracy on the fixtures: one test per field, each listing every mismatch and
//! asserting an aggregate floor (issue 7: title and published exact on ≥ 95 % of pages,
//! authors set-match on ≥ 90 %).
//!
//! The gold is `metadata` in `fixtures/*/meta.json` (and the top-level `language`), on
//! article pages only: a listing page gives `Error::NoArticle` and so no metadata through
//! the public API. Matching rules are those of `benches/metadata.rs`:
//! title and site name equal after collapsing whitespace; published the same instant at
//! the gold's precision; authors equal as sets ignoring case; language equal primary subtag.

#[path = "common/instant.rs"]
mod instant;
use instant::same_instant;
#[path = "common/fixture.rs"]
#[allow(dead_code)] // each test file uses part of the fixture reader
mod fixture;

use std::sync::LazyLock;

use serde_json::Value;

/// Floors, as fractions of the pages whose gold has the field.
const MIN_TITLE: f64 = 0.95;
const MIN_PUBLISHED: f64 = 0.95;
const MIN_AUTHORS: f64 = 0.90;
/// Site names are not in issue 7's targets, and the fixtures' gold mixes conventions
/// (`og:site_name` as written vs. the name with diacritics); this floor guards regressions.
const MIN_SITE_NAME: f64 = 0.75;
const MIN_LANGUAGE: f64 = 0.95;

/// One article fixture: its id, its gold, and what the extractor returned.
struct Case {
    id: String,
    gold: Value,
    language: Option<String>,
    got: Result<tinhloc::Metadata, String>,
}

static CASES: LazyLock<Vec<Case>> = LazyLock::new(load);

fn load() -> Vec<Case> {
    let mut cases = Vec::new();
    for f in fixture::list().unwrap_or_default() {
        let Ok(meta) = f.meta() else {
            continue;
        };
        let meta = meta.raw;
        let Some(gold) = meta.get("metadata").filter(|m| m.is_object()).cloned() else {
            continue;
        };
        if meta.get("kind").and_then(Value::as_str) != Some("article") {
            continue;
        }
        let Ok(bytes) = f.source() else {
            continue;
        };
        let mut extractor = tinhloc::Extractor::new().min_text_chars(0);
        if let Some(url) = meta.get("url").and_then(Value::as_str) {
            extractor = match extractor.clone().base_url(url) {
                Ok(with_url) => with_url,
                Err(_) => extractor,
            };
        }
        let content_type = meta.get("content_type").and_then(Value::as_str);
        let got = extractor
            .extract_bytes(&bytes, content_type)
            .map(|article| article.metadata().clone())
            .map_err(|e| e.to_string());
        cases.push(Case {
            id: f.name,
            gold,
            language: meta
                .get("language")
                .and_then(Value::as_str)
                .map(str::to_string),
            got,
        });
    }
    cases
}

/// Scores one field over all cases: `check` gives `None` when the gold lacks the field,
/// else whether it matches and what was expected/found. Fails below `floor`, listing every
/// mismatch.
fn score(
    field: &str,
    floor: f64,
    check: impl Fn(&Case, &tinhloc::Metadata) -> Option<(bool, String, String)>,
    has_gold: impl Fn(&Case) -> bool,
) {
    let mut total = 0_usize;
    let mut ok = 0_usize;
    let mut misses: Vec<String> = Vec::new();
    for case in CASES.iter() {
        if !has_gold(case) {
            continue;
        }
        total += 1;
        match &case.got {
            Err(error) => misses.push(format!("{}: extraction failed: {error}", case.id)),
            Ok(metadata) => match check(case, metadata) {
                Some((true, ..)) => ok += 1,
                Some((false, want, got)) => {
                    misses.push(format!("{}: want {want} got {got}", case.id));
                }
                None => total -= 1,
            },
        }
    }
    #[allow(clippy::cast_precision_loss)]
    let accuracy = if total == 0 {
        1.0
    } else {
        ok as f64 / total as f64
    };
    eprintln!("{field}: {ok}/{total} = {:.1} %", accuracy * 100.0);
    for miss in &misses {
        eprintln!("  {miss}");
    }
    assert!(
        accuracy >= floor,
        "{field}: {ok}/{total} below {:.0} %; mismatches:\n{}",
        floor * 100.0,
        misses.join("\n")
    );
}

fn gold_str<'a>(case: &'a Case, key: &str) -> Option<&'a str> {
    case.gold.get(key).and_then(Value::as_str)
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn title() {
    score(
        "title",
        MIN_TITLE,
        |case, m| {
            let want = gold_str(case, "title")?;
            let ok = m.title.as_deref().map(collapse) == Some(collapse(want));
            Some((ok, format!("{want:?}"), format!("{:?}", m.title)))
        },
        |case| gold_str(case, "title").is_some(),
    );
}

#[test]
fn published() {
    score(
        "published",
        MIN_PUBLISHED,
        |case, m| {
            let want = gold_str(case, "published")?;
            let ok = m
                .published
                .as_deref()
                .is_some_and(|got| same_instant(want, got));
            Some((ok, want.to_string(), format!("{:?}", m.published)))
        },
        |case| gold_str(case, "published").is_some(),
    );
}

#[test]
fn authors() {
    let set = |names: &[String]| {
        let mut set: Vec<String> = names.iter().map(|n| collapse(n).to_lowercase()).collect();
        set.sort();
        set.dedup();
        set
    };
    score(
        "authors",
        MIN_AUTHORS,
        |case, m| {
            // An article whose gold omits `authors` credits nobody.
            let want: Vec<String> = case
                .gold
                .get("authors")
                .and_then(Value::as_array)
                .map(|a| {
                    a.iter()
                        .filter_map(Value::as_str)
                        .map(str::to_string)
                        .collect()
                })
                .unwrap_or_default();
            let ok = set(&want) == set(&m.authors);
            Some((ok, format!("{want:?}"), format!("{:?}", m.authors)))
        },
        |_| true,
    );
}

#[test]
fn site_name() {
    score(
        "site_name",
        MIN_SITE_NAME,
        |case, m| {
            let want = gold_str(case, "site_name")?;
            let ok = m.site_name.as_deref().map(collapse) == Some(collapse(want));
            Some((ok, format!("{want:?}"), format!("{:?}", m.site_name)))
        },
        |case| gold_str(case, "site_name").is_some(),
    );
}

#[test]
fn language() {
    let primary = |l: &str| {
        l.split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase()
    };
    score(
        "language",
        MIN_LANGUAGE,
        |case, m| {
            let want = case.language.as_deref()?;
            let ok = m.language.as_deref().map(primary) == Some(primary(want));
            Some((ok, want.to_string(), format!("{:?}", m.language)))
        },
        |case| case.language.is_some(),
    );
}

#[test]
fn published_is_rfc3339_with_offset() {
    for case in CASES.iter() {
        let Ok(metadata) = &case.got else {
            continue;
        };
        for value in [&metadata.published, &metadata.modified]
            .into_iter()
            .flatten()
        {
            let bytes = value.as_bytes();
            let shape = value.len() == 25
                && bytes[4] == b'-'
                && bytes[7] == b'-'
                && bytes[10] == b'T'
                && bytes[13] == b':'
                && bytes[16] == b':'
                && matches!(bytes[19], b'+' | b'-')
                && bytes[22] == b':';
            assert!(
                shape,
                "{}: {value} is not YYYY-MM-DDTHH:MM:SS±HH:MM",
                case.id
            );
        }
    }
}

/// Every fixture whose `meta.json` names a `page_type` gets that type, in both scopes:
/// the type is read from the page's declarations, never from what the extractor kept.
#[test]
fn page_type_of_fixtures() {
    let mut checked = 0;
    let mut misses = Vec::new();
    for f in fixture::list().unwrap_or_default() {
        let (Ok(meta), Ok(bytes)) = (f.meta(), f.source()) else {
            continue;
        };
        let Some(want) = meta.raw.get("page_type").and_then(Value::as_str) else {
            continue;
        };
        let content_type = meta.raw.get("content_type").and_then(Value::as_str);
        for scope in [tinhloc::Scope::Article, tinhloc::Scope::Any] {
            let mut extractor = tinhloc::Extractor::new().scope(scope);
            if let Some(url) = meta.raw.get("url").and_then(Value::as_str) {
                extractor = extractor.base_url(url).expect("a fixture's url parses");
            }
            let got = match extractor.extract_bytes(&bytes, content_type) {
                Ok(article) => article.metadata().page_type,
                Err(tinhloc::Error::NoArticle { page_type, .. }) => page_type,
                Err(other) => panic!("{}: {other}", f.name),
            };
            checked += 1;
            if got.name() != want {
                misses.push(format!("{} ({scope:?}): want {want}, got {got}", f.name));
            }
        }
    }
    assert!(checked >= 20, "only {checked} page types checked");
    assert!(misses.is_empty(), "page types:\n{}", misses.join("\n"));
}

/// A story page in language `lang`: its headline, then `header` (a byline, a date line),
/// then six paragraphs of body.
fn story_page(lang: &str, header: &str) -> String {
    let body: String = (0..6)
        .map(|i| format!("<p>Paragraph {i} of the harbour story, with enough words to be read as the body of this page.</p>"))
        .collect();
    format!(
        r#"<html lang="{lang}"><head><title>Harbour story</title></head><body><main><h1>Harbour story</h1>{header}<div class="story-body">{body}</div></main></body></html>"#
    )
}

/// A numeric date that reads either way ("03/04/2026") is read in the order of the page's
/// locale: month first on an `en-US` page, day first elsewhere. One that reads one way
/// only ("25/03/2026") is the same everywhere.
#[test]
fn numeric_dates_follow_the_pages_locale() {
    let published = |lang: &str, date: &str| {
        let header =
            format!(r#"<div class="byline">By A. Writer</div><div class="post-date">{date}</div>"#);
        tinhloc::extract(&story_page(lang, &header))
            .expect("an article")
            .metadata()
            .published
            .clone()
    };
    assert_eq!(
        published("en-US", "03/04/2026 2:15 PM").as_deref(),
        Some("2026-03-04T14:15:00+00:00")
    );
    assert_eq!(
        published("en-GB", "03/04/2026 2:15 PM").as_deref(),
        Some("2026-04-03T14:15:00+00:00")
    );
    assert_eq!(
        published("fr", "03/04/2026").as_deref(),
        Some("2026-04-03T00:00:00+00:00")
    );
    for lang in ["en-US", "en-GB"] {
        assert_eq!(
            published(lang, "25/03/2026").as_deref(),
            Some("2026-03-25T00:00:00+00:00"),
            "{lang}"
        );
    }
}

/// On a Q&A page, the author is the question's (JSON-LD `QAPage` > `Question`), also when
/// it is a user name, not an answerer shown in a byline.
#[test]
fn a_qa_pages_author_is_the_askers() {
    let html = r#"<html lang="en"><head><title>Is changing the MSRV a breaking change? - help</title>
<script type="application/ld+json">{"@context":"http://schema.org","@type":"QAPage","name":"Is changing the MSRV a breaking change?","mainEntity":{"@type":"Question","name":"Is changing the MSRV a breaking change?","text":"Is it?","upvoteCount":3,"dateCreated":"2025-02-01T10:00:00Z","author":{"@type":"Person","name":"tide_reader","url":"https://forum.example/u/tide_reader"}}}</script>
<meta property="og:type" content="website"></head><body><div id="main-outlet"><h1>Is changing the MSRV a breaking change?</h1>
<div class="topic-body crawler-post" itemprop="mainEntity"><div class="crawler-post-meta"><span class="creator" itemprop="author"><a href="/u/tide_reader"><span itemprop="name">tide_reader</span></a></span></div>
<div class="post" itemprop="text"><p>My crate raised its minimum supported Rust version from 1.70 to 1.74 in a patch release, and a user says that broke their build. Should that have been a minor release instead?</p></div></div>
<div class="topic-body crawler-post"><div class="crawler-post-meta"><span class="creator"><a href="/u/Ferris_Helper"><span>Ferris Helper</span></a></span></div>
<div class="post"><p>Opinions differ. Many crates treat an MSRV bump as a minor change, and document the policy in their README so users can pin accordingly.</p></div></div></div></body></html>"#;
    let article = tinhloc::extract(html).expect("an article");
    assert_eq!(article.metadata().authors, vec!["tide_reader".to_string()]);
}

/// Bylines open with a credit word in the page's language: Greek "Της"/"Του" (the
/// genitive of "by"), Polish "Autor:", Russian "Автор:", Chinese "作者：".
#[test]
fn bylines_lose_their_credit_word_in_other_languages() {
    for (lang, byline, want) in [
        ("el", "Της Ελένης Παππά", "Ελένης Παππά"),
        ("pl", "Autor: Jan Nowak", "Jan Nowak"),
        ("ru", "Автор: Анна Смирнова", "Анна Смирнова"),
        ("zh", "作者：李海燕", "李海燕"),
    ] {
        let header = format!(r#"<div class="byline author">{byline}</div>"#);
        let article = tinhloc::extract(&story_page(lang, &header)).expect("an article");
        assert_eq!(
            article.metadata().authors,
            vec![want.to_string()],
            "{byline}"
        );
    }
}

/// A documentation page titled with a trail of colons ("Product: Documentation: 7: 4.2.
/// Compaction") is titled by its own section heading, the trail's last part; one colon is
/// a title with its subtitle and stays whole.
#[test]
fn a_title_trail_of_colons_gives_the_sections_heading() {
    let page = |title: &str, heading: &str| {
        let body: String = (0..6)
            .map(|i| format!("<p>Paragraph {i} of the manual's section, with enough words to be read as the body.</p>"))
            .collect();
        format!(
            r#"<html lang="en"><head><title>{title}</title></head><body><div class="nav">Prev Up Home Next</div><div class="sect1"><h2>{heading}</h2>{body}</div></body></html>"#
        )
    };
    let title = |title: &str, heading: &str| {
        tinhloc::extract(&page(title, heading))
            .expect("an article")
            .metadata()
            .title
            .clone()
    };
    assert_eq!(
        title(
            "Quillstore: Documentation: 7: 4.2. Compaction",
            "4.2. Compaction"
        )
        .as_deref(),
        Some("4.2. Compaction")
    );
    assert_eq!(
        title(
            "Retirement Calculator: How Much Do I Need To Retire?",
            "How much do I need to retire?"
        )
        .as_deref(),
        Some("Retirement Calculator: How Much Do I Need To Retire?")
    );
}

/// A 2012-style story whose author meta tag carries the byline as printed ("By Dana
/// Whitfield, CNN") and whose only date line gives the last update with a time first and
/// a zone after "PM" ("updated 6:41 PM EDT, Tue June 12, 2012"): the name without its
/// credit word, and that line's instant with the zone's offset.
#[test]
fn a_printed_byline_meta_and_an_update_line_give_author_and_date() {
    let html = r#"<html lang="en"><head><title>River town cleans up - Example News</title>
<meta name="author" content="By Dana Whitfield, Example News"></head><body>
<div class="story"><h1>River town cleans up</h1><div class="stamp">updated 6:41 PM EDT, Tue June 12, 2012</div>
<p>The river slipped back inside its banks on Tuesday and left a brown line on every wall in the lower town, and a foot of silt on the floors beneath it.</p>
<p>About 140 homes and 30 businesses took on water, the mayor said, and the water plant was running on a backup generator through the night.</p>
<p>Neighbours hauled soaked carpet to the curb while a church on the hill opened its basement for washing clothes and charging phones.</p></div></body></html>"#;
    let article = tinhloc::extract(html).expect("an article");
    let metadata = article.metadata();
    assert_eq!(metadata.authors, vec!["Dana Whitfield".to_string()]);
    assert_eq!(
        metadata.published.as_deref(),
        Some("2012-06-12T18:41:00-04:00")
    );
}

/// A blog post whose `<title>` runs its headline into the blog's motto ("Headline | I'm
/// attempting to … Because everyone deserves peace."): the headline is the `<h1>` that
/// repeats the title's first part (the motto's words drowned it, and the whole title came
/// out). Its `<article>` carries state and taxonomy tokens (`has-comments`, `tag-…`),
/// which mark no region for the metadata readers.
#[test]
fn a_posts_headline_survives_a_title_ending_in_the_blogs_motto() {
    let html = r#"<html lang="en"><head><title>Affordable Ethical Clothing Brands  |  I am trying to live slowly and kindly. Vegan, minimalist and mindful. It is imperfect. So I lean on gratitude.</title></head><body>
<main><article class="BlogItem hentry tag-ethical-clothing tag-slow-fashion author-kristen has-comments">
<h1 class="BlogItem-title">Affordable Ethical Clothing Brands</h1>
<div class="Blog-meta"><span class="byline author">Kristen Hale</span></div>
<div class="entry-content"><p>Buying fewer clothes is the most sustainable choice, but when I need something new these are the brands I look at first, sorted by alphabet.</p>
<p>Each entry lists what the brand offers that matters to me: organic fabrics, recycled materials, fair trade work and small family workshops.</p></div>
</article></main></body></html>"#;
    let article = tinhloc::extract(html).expect("an article");
    let metadata = article.metadata();
    assert_eq!(
        metadata.title.as_deref(),
        Some("Affordable Ethical Clothing Brands")
    );
    assert_eq!(metadata.authors, vec!["Kristen Hale".to_string()]);
}

//! `Article::comments` on the fixtures whose `meta.json` has a `comments` key: the
//! authors in page order (an empty list: no comments at all), their dates where listed
//! (`published`), each `must` snippet in some comment, and no comment text in the body.
//! Plus the serde round trip of a comment.

#[path = "common/fixture.rs"]
#[allow(dead_code)] // each test file uses part of the fixture reader
mod fixture;

use fixture::squash;
use serde_json::Value;

#[test]
fn fixture_comments() {
    let mut checked = 0;
    let mut problems = Vec::new();
    for f in fixture::list().expect("fixtures") {
        let (Ok(meta), Ok(bytes)) = (f.meta(), f.source()) else {
            continue;
        };
        let Some(want) = meta.raw.get("comments") else {
            continue;
        };
        checked += 1;
        let content_type = meta.raw.get("content_type").and_then(Value::as_str);
        let article = match tinhloc::Extractor::new().extract_bytes(&bytes, content_type) {
            Ok(article) => article,
            Err(err) => {
                problems.push(format!("{}: {err}", f.name));
                continue;
            }
        };
        let comments = article.comments();
        let authors: Vec<&str> = comments
            .iter()
            .map(|c| c.author.as_deref().unwrap_or("?"))
            .collect();
        let want_authors: Vec<&str> = want["authors"]
            .as_array()
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        if authors != want_authors {
            problems.push(format!(
                "{}: authors {authors:?}, want {want_authors:?}",
                f.name
            ));
        }
        // Where the fixture lists them, each comment's date, in page order.
        if let Some(dates) = want["published"].as_array() {
            let got: Vec<Option<&str>> = comments.iter().map(|c| c.published.as_deref()).collect();
            let dates: Vec<Option<&str>> = dates.iter().map(Value::as_str).collect();
            if got != dates {
                problems.push(format!("{}: dates {got:?}, want {dates:?}", f.name));
            }
        }
        let body = squash(&article.text());
        for snippet in want["must"].as_array().into_iter().flatten() {
            let snippet = squash(snippet.as_str().unwrap_or_default());
            if !comments.iter().any(|c| squash(&c.text).contains(&snippet)) {
                problems.push(format!("{}: no comment holds {snippet:?}", f.name));
            }
            if body.contains(&snippet) {
                problems.push(format!("{}: the body holds comment {snippet:?}", f.name));
            }
        }
        for comment in comments {
            if body.contains(&squash(&comment.text)) {
                problems.push(format!(
                    "{}: comment in the body: {:?}",
                    f.name, comment.text
                ));
            }
        }
    }
    assert!(
        checked >= 5,
        "only {checked} fixtures say what comments they have"
    );
    assert!(problems.is_empty(), "comments:\n{}", problems.join("\n"));
}

/// A post of eight paragraphs followed by `comments` (the comment region's markup).
fn post_with(comments: &str) -> String {
    let body: String = (0..8)
        .map(|i| format!("<p>Paragraph {i} of the post, long enough to be the article body of this page without doubt.</p>"))
        .collect();
    format!(
        r#"<html><body><article class="post"><h1>A post</h1><div class="body">{body}</div></article>
{comments}</body></html>"#
    )
}

/// A WordPress comment list: nested replies are comments of their own, the name loses
/// its "says:", the date comes from `<time datetime>`, and the reply form is not one.
#[test]
fn wordpress_thread_with_a_nested_reply() {
    let body: String = (0..8)
        .map(|i| format!("<p>Paragraph {i} of the post, long enough to be the article body of this page without doubt.</p>"))
        .collect();
    let html = format!(
        r##"<html><body><article class="post"><h1>A post</h1><div class="entry-content">{body}</div></article>
<div id="comments" class="comments-area"><h2 class="comments-title">2 thoughts on "A post"</h2>
<ol class="comment-list">
<li id="comment-1" class="comment even thread-even depth-1"><article class="comment-body">
<footer class="comment-meta"><div class="comment-author vcard"><img class="avatar" src="a.png" alt=""><b class="fn">Ana Pereira</b> <span class="says">says:</span></div>
<div class="comment-metadata"><a href="#comment-1"><time datetime="2026-11-09T18:02:44+00:00">November 9, 2026 at 6:02 pm</time></a></div></footer>
<div class="comment-content"><p>First comment text, with two sentences. It is plain prose.</p></div>
<div class="reply"><a class="comment-reply-link" href="#">Reply</a></div></article>
<ol class="children"><li id="comment-2" class="comment odd alt depth-2"><article class="comment-body">
<footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Bo Lind</b> <span class="says">says:</span></div>
<div class="comment-metadata"><time datetime="2026-11-10T08:00:00+00:00">November 10</time></div></footer>
<div class="comment-content"><p>A reply to the first comment.</p></div></article></li></ol></li>
</ol>
<div id="respond" class="comment-respond"><h3 class="comment-reply-title">Leave a Reply</h3><form class="comment-form"><p class="comment-notes">Your email address will not be published.</p><textarea></textarea></form></div>
</div></body></html>"##
    );
    let article = tinhloc::extract(&html).expect("an article");
    let comments = article.comments();
    assert_eq!(comments.len(), 2, "{comments:#?}");
    assert_eq!(comments[0].author.as_deref(), Some("Ana Pereira"));
    assert_eq!(
        comments[0].published.as_deref(),
        Some("2026-11-09T18:02:44+00:00")
    );
    assert_eq!(
        comments[0].text,
        "First comment text, with two sentences. It is plain prose."
    );
    assert_eq!(comments[1].author.as_deref(), Some("Bo Lind"));
    assert_eq!(comments[1].text, "A reply to the first comment.");
    assert!(!article.text().contains("First comment text"));
}

/// A comment's meta line that holds the poster's name and a dated link
/// (`div.comment-meta` > `a.commenter-name` + `a.comment-date`): the date is the link's,
/// not the whole line's.
#[test]
fn the_date_is_the_innermost_date_element() {
    let html = post_with(
        r##"<div id="comments" class="comments-page"><div class="comment-list">
<div class="comment"><div class="comment-meta"><a class="commenter-name" href="/@tom">Tom Reyes</a><a class="comment-date" href="#c1">March 3, 2026</a></div>
<div class="comment-body"><p>The weed line on the posts is what my grandfather watched.</p></div></div>
<div class="comment"><div class="comment-meta"><a class="commenter-name" href="/@ana">Ana Vieira</a><a class="comment-date" href="#c2">March 4, 2026</a></div>
<div class="comment-body"><p>Same here: the gulls never lie about the tide.</p></div></div>
</div></div>"##,
    );
    let article = tinhloc::extract(&html).expect("an article");
    let comments = article.comments();
    assert_eq!(comments.len(), 2, "{comments:#?}");
    assert_eq!(comments[0].author.as_deref(), Some("Tom Reyes"));
    assert_eq!(
        comments[0].published.as_deref(),
        Some("2026-03-03T00:00:00+00:00")
    );
    assert_eq!(
        comments[1].published.as_deref(),
        Some("2026-03-04T00:00:00+00:00")
    );
}

/// A reply that quotes the post it answers: the quote's expander ("Click to expand...")
/// is the forum widget's, not the poster's.
#[test]
fn a_quotes_expander_is_not_comment_text() {
    let html = post_with(
        r##"<div id="comments" class="comments"><ol class="comment-list">
<li class="comment"><span class="comment-author">Marta K</span><span class="comment-date">April 12, 2025</span>
<div class="comment-content"><blockquote class="quote"><div class="quote-title">Pete said:</div><div class="quote-content">What have people had luck with on mud?</div><div class="quote-expand"><a role="button">Click to expand...</a></div></blockquote>A fluke anchor one size up from the chart. Mud needs surface area, not weight.</div></li>
<li class="comment"><span class="comment-author">Gull Wing</span><span class="comment-date">April 13, 2025</span>
<div class="comment-content">Same here: a fluke anchor and no dragging since.</div></li>
</ol></div>"##,
    );
    let article = tinhloc::extract(&html).expect("an article");
    let comments = article.comments();
    assert_eq!(comments.len(), 2, "{comments:#?}");
    assert!(
        comments[0].text.contains("Mud needs surface area"),
        "{comments:#?}"
    );
    assert!(
        !comments[0].text.contains("Click to expand"),
        "{comments:#?}"
    );
}

/// A page without comment markup has none.
#[test]
fn no_comment_markup_no_comments() {
    let body: String = (0..8)
        .map(|i| format!("<p>Paragraph {i} of a plain article that has no reader comments at all, only text.</p>"))
        .collect();
    let article = tinhloc::extract(&format!(
        "<html><body><article>{body}</article></body></html>"
    ))
    .expect("an article");
    assert!(article.comments().is_empty());
}

/// A link aggregator's comment keeps its text in the form its author edits it in
/// (old Reddit's `form.usertext > div.usertext-body`): the form is read, its inputs not.
#[test]
fn a_comment_written_in_an_edit_form_is_read() {
    let body: String = (0..8)
        .map(|i| format!("<p>Paragraph {i} of the post, long enough to be the article body of this page without doubt.</p>"))
        .collect();
    let comment = |id: &str, author: &str, text: &str| {
        format!(
            r##"<div class="thing comment" id="thing_{id}"><div class="entry">
<p class="tagline"><a class="expand" href="#">[–]</a><a class="author" href="/user/{author}">{author}</a> <span class="score unvoted">12 points</span> <time datetime="2026-03-04T19:34:47+00:00">17 hours ago</time> <a class="numchildren">(3 children)</a></p>
<form action="#" class="usertext" id="form-{id}"><input type="hidden" name="thing_id" value="{id}"><div class="usertext-body"><div class="md"><p>{text}</p></div></div></form>
<ul class="flat-list buttons"><li><a href="/permalink/{id}">permalink</a></li><li><a href="#">reply</a></li></ul></div></div>"##
        )
    };
    let html = format!(
        r##"<html><body><div class="thing link"><h1>Lab-grown hair follicles</h1><div class="usertext-body">{body}</div></div>
<div class="commentarea"><div class="sitetable nestedlisting">{}{}</div></div></body></html>"##,
        comment(
            "t1_a",
            "Ragnar",
            "Might this also help the inner ear grow back?"
        ),
        comment(
            "t1_b",
            "Zissoo",
            "The person reading this now hears the ringing."
        ),
    );
    let article = tinhloc::extract(&html).expect("an article");
    let texts: Vec<&str> = article.comments().iter().map(|c| c.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Might this also help the inner ear grow back?",
            "The person reading this now hears the ringing."
        ]
    );
}

/// A comment's date is its meta line's dated part, not the whole line with the name
/// ("Tom Achterberg · Mar 12", Substack), and a time without a zone is in the story's
/// zone (a Polish portal's "09.07.2024 08:05" under a story of 07:32+02:00).
#[test]
fn a_comments_date_is_its_dated_part_in_the_storys_zone() {
    let body: String = (0..8)
        .map(|i| format!("<p>Paragraph {i} of the post, long enough to be the article body of this page without doubt.</p>"))
        .collect();
    let comment = |name: &str, date: &str, text: &str| {
        format!(
            r#"<div class="comment"><div class="comment-meta"><span class="commenter-name"><a href="/u">{name}</a></span><span>·</span><a href="/c">{date}</a></div>
<div class="comment-body"><p>{text}</p></div></div>"#
        )
    };
    let html = format!(
        r#"<html><head><meta property="article:published_time" content="2024-07-09T07:32:00+02:00"></head>
<body><article class="post"><h1>A post</h1><div class="body">{body}</div></article>
<div id="discussion" class="comments-section"><div class="comment-list">{}{}</div></div></body></html>"#,
        comment(
            "Tom Achterberg",
            "Mar 12",
            "My grandfather kept a light on the east coast."
        ),
        comment(
            "Priya S",
            "09.07.2024 08:05",
            "Have you compared the counts with the marine records?"
        ),
    );
    let article = tinhloc::extract(&html).expect("an article");
    let dates: Vec<Option<&str>> = article
        .comments()
        .iter()
        .map(|c| c.published.as_deref())
        .collect();
    assert_eq!(dates, [Some("Mar 12"), Some("2024-07-09T08:05:00+02:00")]);
}

/// A comments area whose class sets where its form goes (Astra's
/// `comment-form-position-below`) is no form; a list rendered twice (a mobile and a
/// desktop copy) gives each comment once.
#[test]
fn a_form_setting_is_no_form_and_a_twice_rendered_list_is_read_once() {
    let list = r##"<ol class="comment-list">
<li class="comment"><span class="comment-author">Marta K</span><span class="comment-date">April 12, 2025</span>
<div class="comment-content">A fluke anchor one size up from the chart. Mud needs surface area, not weight.</div></li>
<li class="comment"><span class="comment-author">Gull Wing</span><span class="comment-date">April 13, 2025</span>
<div class="comment-content">Same here: a fluke anchor and no dragging since.</div></li>
</ol>"##;
    let html = post_with(&format!(
        r##"<div id="comments" class="comments-area comment-form-position-below">{list}</div>
<div class="comments-area comment-form-position-below mobile-copy">{list}</div>"##
    ));
    let article = tinhloc::extract(&html).expect("an article");
    let authors: Vec<_> = article
        .comments()
        .iter()
        .map(|c| c.author.as_deref().unwrap_or("?"))
        .collect();
    assert_eq!(authors, ["Marta K", "Gull Wing"]);
}

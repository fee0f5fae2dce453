//! One test per bug found on real pages, named after what went wrong.

const PARAGRAPH: &str = "Ngày 20/11, Sở Giao thông vận tải thành phố cho biết tuyến đường ven sông \
    sẽ được mở rộng thêm hai làn xe, hoàn thành trước mùa mưa năm sau theo kế hoạch đã duyệt.";

/// React's streaming renderer sends late content in `<div hidden id="S:f">` and moves it
/// with a script (fundus `tr_AnadoluAjansi`): it was dropped as hidden.
#[test]
fn react_streamed_hidden_content_is_read() {
    let page = format!(
        "<html><body><main><div id=\"B:f\"></div></main>\
         <div hidden id=\"S:f\"><article><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></article></div>\
         <div hidden><p>Nội dung ẩn thật sự không bao giờ hiện ra với người đọc trang này.</p></div>\
         </body></html>"
    );
    let text = tinhloc::extract(&page).expect("an article").text();
    assert!(text.contains("Sở Giao thông vận tải"));
    assert!(!text.contains("Nội dung ẩn"));
}

/// Pages that render their text with scripts still state it in JSON-LD `articleBody`.
#[test]
fn json_ld_article_body_when_the_markup_has_none() {
    let body = [PARAGRAPH; 3].join(" ");
    let page = format!(
        "<html><head><script type=\"application/ld+json\">\
         {{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":\"Mở rộng đường\",\
         \"articleBody\":\"{body}\"}}</script></head><body><div id=\"root\"></div></body></html>"
    );
    let text = tinhloc::extract(&page).expect("an article").text();
    assert!(text.starts_with("Ngày 20/11"));
}

/// The fallback must not turn a listing into an article.
#[test]
fn json_ld_fallback_leaves_listings_alone() {
    let teaser = "<article><h3><a href='/x'>Một tiêu đề tin khá dài để làm ví dụ thử</a></h3>\
        <p>Một đoạn tóm tắt đầy đủ câu chữ của bài báo, dài như các trang tin vẫn viết ra.</p></article>";
    let page = format!(
        "<html><body><h1>Giao thông</h1>{}</body></html>",
        teaser.repeat(12)
    );
    assert!(matches!(
        tinhloc::extract(&page),
        Err(tinhloc::Error::NoArticle { .. })
    ));
}

/// A `<!--` comment scan looked for `--!>` to the end of the page for every comment, so a
/// 2 MB page with many comments took seconds (fundus `de_BoersenZeitung`). Checked by
/// result, not by time: many comments and the article still comes out.
#[test]
fn many_comments_do_not_hide_the_article() {
    let comments = "<!-- ad slot -->".repeat(20_000);
    let page = format!(
        "<html><body>{comments}<article><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></article>{comments}</body></html>"
    );
    let text = tinhloc::extract(&page).expect("an article").text();
    assert!(text.contains("hai làn xe"));
}

/// An ellipsis ending an enumeration inside the body ("tiêu phân có máu...") was read as a
/// cut teaser and dropped (corpus `vietnamese`, VnExpress).
#[test]
fn ellipsis_inside_the_body_is_not_a_teaser() {
    let page = format!(
        "<html><body><article class=\"fck_detail\"><p>{PARAGRAPH}</p>\
         <p>Bệnh thường có các triệu chứng như đau bụng, sụt cân, buồn nôn, tiêu chảy...</p>\
         <p>{PARAGRAPH}</p></article></body></html>"
    );
    let text = tinhloc::extract(&page).expect("an article").text();
    assert!(text.contains("tiêu chảy..."), "{text}");
}

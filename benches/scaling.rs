//! How extraction cost grows with page size, and what hostile pages cost (issue 5).
//!
//! `cargo bench --bench scaling` (release). Builds article pages of about 10 KB, 100 KB,
//! 1 MB and 10 MB from fixture-like markup (menus, an article body with inline related
//! boxes and captions, teaser lists, sidebar, footer; all scaled together), times
//! `Extractor::extract_bytes` (median of several runs, the sizes in turns) and measures the peak memory of one
//! extraction as the rise of the peak RSS (`VmHWM` in `/proc/self/status`, reset through
//! `/proc/self/clear_refs`) in a fresh child process, so the figure is real memory, with
//! allocator overhead, and nothing freed earlier hides in it. Then runs the hostile pages
//! of `tests/api.rs` once each. Prints two Markdown tables; `-- --quick` skips 10 MB.
//! Memory needs Linux; elsewhere it shows "n/a".
//!
//! Targets: time per byte roughly flat across sizes; peak memory within the README's bound of 30×
//! the input (small pages carry a fixed overhead of about 2 MB: 10 KB shows 240×).

use std::fmt::Write as _;
use std::hint::black_box;
use std::time::{Duration, Instant};

use tinhloc::Extractor;

#[path = "common/peak_rss.rs"]
mod peak_rss;

/// In the measuring child ([`peak_rss`]): builds the page and measures one extraction.
fn memory_child(kind: &str, which: usize) {
    let bytes = match kind {
        "page" => page(which),
        _ => hostile_pages().swap_remove(which).1,
    };
    peak_rss::print_rise(|| {
        Extractor::new().extract_bytes(black_box(&bytes), Some("text/html; charset=utf-8"))
    });
}

fn megabytes(bytes: Option<usize>) -> String {
    bytes.map_or_else(
        || "n/a".to_owned(),
        |b| format!("{:.1} MB", b as f64 / (1024.0 * 1024.0)),
    )
}

// --- Pages -------------------------------------------------------------------------------------

const PARAGRAPHS: &[&str] = &[
    "Theo báo cáo của Sở Công Thương, tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng trong tháng ước đạt hơn 12.000 tỷ đồng, tăng 9,5% so với cùng kỳ năm trước.",
    "Nhiều doanh nghiệp cho biết sức mua đã cải thiện rõ rệt từ đầu quý, nhất là ở nhóm hàng thiết yếu và hàng tiêu dùng nhanh, trong khi nhóm hàng lâu bền vẫn tăng chậm.",
    "“Chúng tôi chủ động dự trữ nguồn hàng lớn hơn 20% so với năm ngoái và cam kết không tăng giá trong dịp cao điểm”, đại diện một chuỗi siêu thị cho biết.",
    "Cơ quan quản lý thị trường tăng cường kiểm tra, kiểm soát, xử lý nghiêm các hành vi đầu cơ, găm hàng, kinh doanh hàng giả, hàng không rõ nguồn gốc xuất xứ.",
];

const TEASERS: &[&str] = &[
    "Giá xăng dầu hôm nay đồng loạt giảm",
    "Xuất khẩu rau quả năm 2025 lập kỷ lục mới",
    "Hà Nội chuẩn bị nguồn hàng Tết trị giá hàng chục nghìn tỷ đồng",
    "Doanh nghiệp da giày tăng tốc hoàn thành đơn hàng cuối năm",
];

fn teaser_list(out: &mut String, class: &str, title: &str, start: usize, count: usize) {
    let _ = write!(
        out,
        "<div class=\"{class}\"><h3 class=\"box-title\">{title}</h3><ul>"
    );
    for i in start..start + count {
        let _ = write!(
            out,
            "<li class=\"story\"><a href=\"/tin-{i}.html\"><img src=\"/img/{i}.jpg\" alt=\"\"></a>\
             <h4><a href=\"/tin-{i}.html\">{} ({i})</a></h4>\
             <p class=\"sapo\">{}</p></li>",
            TEASERS[i % TEASERS.len()],
            PARAGRAPHS[i % PARAGRAPHS.len()]
                .chars()
                .take(60)
                .collect::<String>()
        );
    }
    out.push_str("</ul></div>\n");
}

/// An article page of about `target` bytes: every part grows with the page.
fn page(target: usize) -> Vec<u8> {
    // One "unit" is about 2.5 KB: eight body paragraphs, one inline box, a few teasers.
    let units = (target / 2600).max(1);
    let mut out = String::with_capacity(target + 8192);
    out.push_str(
        "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\">\
         <title>Sức mua cuối năm tăng mạnh</title>\
         <meta property=\"og:title\" content=\"Sức mua cuối năm tăng mạnh\">\
         <script>window.cfg={\"zone\":\"thi-truong\",\"ads\":true};</script>\
         <style>.a{color:red}</style></head><body>\
         <header><nav class=\"main-menu\"><ul><li><a href=\"/\">Trang chủ</a></li>\
         <li><a href=\"/thoi-su\">Thời sự</a></li><li><a href=\"/kinh-te\">Kinh tế</a></li></ul></nav></header>\
         <main><div class=\"col-main\"><article class=\"article-detail\">\
         <h1 class=\"article-detail-title\">Sức mua cuối năm tăng mạnh</h1>\
         <h2 class=\"article-detail-desc\">Sức mua tăng rõ rệt trong những tuần cuối năm, nhiều doanh nghiệp bán lẻ ghi nhận doanh thu cao nhất từ đầu năm.</h2>\
         <div class=\"article__body cms-body\">\n",
    );
    for unit in 0..units {
        for (i, p) in PARAGRAPHS.iter().enumerate() {
            let _ = writeln!(out, "<p>{p} (Đoạn {unit}.{i}.)</p>");
        }
        if unit % 4 == 1 {
            teaser_list(
                &mut out,
                "box-tinlienquan related",
                "Tin liên quan",
                unit * 10,
                2,
            );
        }
        if unit % 4 == 3 {
            let _ = writeln!(
                out,
                "<figure class=\"image\"><img src=\"/img/a{unit}.jpg\" alt=\"Sức mua cuối năm\">\
                 <figcaption>Người dân mua sắm tại siêu thị. Ảnh: Minh Thu</figcaption></figure>"
            );
        }
        for (i, p) in PARAGRAPHS.iter().enumerate() {
            let _ = writeln!(out, "<p><strong>Ý {unit}.{i}:</strong> {p}</p>");
        }
    }
    out.push_str("<p class=\"author\"><strong>Minh Thu</strong></p></div></article>\n");
    teaser_list(
        &mut out,
        "box-related",
        "Tin cùng chuyên mục",
        0,
        units.div_ceil(2),
    );
    out.push_str("</div><aside class=\"col-side\">");
    teaser_list(
        &mut out,
        "box-most-read",
        "Đọc nhiều",
        1000,
        units.div_ceil(2),
    );
    out.push_str(
        "</aside></main><footer class=\"site-footer\"><p>Cơ quan chủ quản: Bộ Công Thương</p>\
         <p>© Bản quyền thuộc về Báo Công Thương.</p></footer>\
         <script src=\"/js/main.js\"></script></body></html>",
    );
    out.into_bytes()
}

// --- Hostile pages ------------------------------------------------------------------------------

fn hostile_pages() -> Vec<(&'static str, Vec<u8>)> {
    let mut bomb = String::from("<html><body><div>");
    for i in 0..3000 {
        let _ = write!(bomb, "<b id=b{i}>");
    }
    bomb.push_str("</div>");
    bomb.push_str(&"<div>x</div>".repeat(3000));
    let attributes: String = (0..100_000).map(|i| format!(" a{i}=\"{i}\"")).collect();
    vec![
        (
            "100,000 nested <div>",
            format!(
                "<html><body>{}x{}</body></html>",
                "<div>".repeat(100_000),
                "</div>".repeat(100_000)
            )
            .into_bytes(),
        ),
        (
            "<b><div></b> x 50,000",
            "<b><div></b>".repeat(50_000).into_bytes(),
        ),
        ("<b id=i> x 3,000 + <div>x</div> x 3,000", bomb.into_bytes()),
        (
            "one tag, 100,000 attributes",
            format!(
                "<html><body><div{attributes}><p>{}</p></div></body></html>",
                PARAGRAPHS[0]
            )
            .into_bytes(),
        ),
        (
            "4,000 open <div> + <div>x</div> x 100,000",
            format!(
                "<html><body>{}{}</body></html>",
                "<div>".repeat(4000),
                "<div>x</div>".repeat(100_000)
            )
            .into_bytes(),
        ),
        (
            "500 open <div> + <div>x</div> x 100,000",
            format!(
                "<html><body>{}{}</body></html>",
                "<div>".repeat(500),
                "<div>x</div>".repeat(100_000)
            )
            .into_bytes(),
        ),
        (
            "<p><font color=i>t</p> x 10,000",
            (0..10_000)
                .map(|i| format!("<p><font color=c{i}>t</p>\n"))
                .collect::<String>()
                .into_bytes(),
        ),
        ("random bytes, 1 MB", random_bytes(1 << 20)),
    ]
}

fn random_bytes(len: usize) -> Vec<u8> {
    let mut seed = 0x9E37_79B9_7F4A_7C15u64;
    let mut out = Vec::with_capacity(len);
    while out.len() < len {
        seed ^= seed >> 12;
        seed ^= seed << 25;
        seed ^= seed >> 27;
        out.extend_from_slice(&seed.wrapping_mul(0x2545_F491_4F6C_DD1D).to_le_bytes());
    }
    out.truncate(len);
    out
}

fn outcome(result: &Result<tinhloc::Article, tinhloc::Error>) -> String {
    match result {
        Ok(article) => format!("article, {} chars", article.text().chars().count()),
        Err(error) => format!("{error:?}"),
    }
}

fn median(mut values: Vec<Duration>) -> Duration {
    values.sort();
    values.get(values.len() / 2).copied().unwrap_or_default()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(at) = args.iter().position(|a| a == peak_rss::CHILD_FLAG) {
        let kind = args.get(at + 1).map_or("page", String::as_str);
        let which = args.get(at + 2).and_then(|w| w.parse().ok()).unwrap_or(0);
        memory_child(kind, which);
        return;
    }
    let quick = args.iter().any(|a| a == "--quick");
    let extractor = Extractor::new();
    let content_type = Some("text/html; charset=utf-8");

    println!("Scaling: Extractor::extract_bytes on synthetic article pages (release build)\n");
    println!(
        "| page | input | runs | median time | ns/byte | peak memory | peak / input | result |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---|");
    // The sizes are timed in turns, round after round, so that a slow spell of the shared
    // machine falls on all of them alike: timed one after the other, 21 runs of the 10 KB
    // page spread from 27 to 49 ns/B between runs of this bench while 10 MB stayed put
    // (2026-12-02). Each round gives every size about the same time.
    const ROUNDS: usize = 9;
    let sizes: &[(&str, usize, usize)] = &[
        ("10 KB", 10 * 1024, 64),
        ("100 KB", 100 * 1024, 8),
        ("1 MB", 1024 * 1024, 1),
        ("10 MB", 10 * 1024 * 1024, 1),
    ];
    let sizes: Vec<_> = sizes
        .iter()
        .filter(|&&(_, size, _)| !quick || size <= 2 * 1024 * 1024)
        .collect();
    let pages: Vec<Vec<u8>> = sizes.iter().map(|&&(_, size, _)| page(size)).collect();
    // Warm-up, and the results to show.
    let results: Vec<_> = pages
        .iter()
        .map(|bytes| extractor.extract_bytes(bytes, content_type))
        .collect();
    let mut times: Vec<Vec<Duration>> = vec![Vec::new(); sizes.len()];
    for _ in 0..ROUNDS {
        for ((&&(_, _, runs), bytes), times) in sizes.iter().zip(&pages).zip(&mut times) {
            for _ in 0..runs {
                let start = Instant::now();
                let out = black_box(extractor.extract_bytes(black_box(bytes), content_type));
                times.push(start.elapsed());
                drop(out);
            }
        }
    }
    for (((&&(label, size, _), bytes), times), result) in
        sizes.iter().zip(&pages).zip(times).zip(&results)
    {
        let runs = times.len();
        let time = median(times);
        let peak = peak_rss::peak_rise("page", size);
        println!(
            "| {label} | {} B | {runs} | {:.2} ms | {:.0} | {} | {} | {} |",
            bytes.len(),
            time.as_secs_f64() * 1e3,
            time.as_nanos() as f64 / bytes.len() as f64,
            megabytes(peak),
            peak.map_or_else(
                || "n/a".to_owned(),
                |p| format!("{:.1}×", p as f64 / bytes.len() as f64)
            ),
            outcome(result)
        );
    }

    println!("\nHostile pages (default limits; one run each)\n");
    println!("| page | input | time | peak memory | result |");
    println!("|---|---:|---:|---:|---|");
    for (index, (label, bytes)) in hostile_pages().into_iter().enumerate() {
        let start = Instant::now();
        let result = extractor.extract_bytes(&bytes, None);
        let time = start.elapsed();
        println!(
            "| {label} | {} B | {:.1} ms | {} | {} |",
            bytes.len(),
            time.as_secs_f64() * 1e3,
            megabytes(peak_rss::peak_rise("hostile", index)),
            outcome(&result)
        );
    }
}

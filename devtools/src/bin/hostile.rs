//! One hostile page of issue 15, built at a given size, extracted once: prints the case,
//! the input size, the time and the outcome. `hostile <case> <bytes>`; run it under
//! `/usr/bin/time -v` for the peak RSS. Cases: `attrs` (an unterminated tag with many
//! attributes), `span-y` (505 open `<span>` and ignored `</y>`), `div-dd` (505 open
//! `<div>` and ignored `</dd>`), `ff` (0xFF after every byte of a page), `x80` (every
//! other byte 0x80), `utf16le`, `utf16be` (a page without BOM), `png`, `elf`, `empty`.

use std::time::Instant;

use tinhloc::Extractor;

const PAGE: &str = "<html><head><title>Giá xăng dầu hôm nay</title></head><body><article><h1>Giá xăng dầu hôm nay đồng loạt giảm</h1><p>Theo báo cáo của Sở Công Thương, tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng trong tháng ước đạt hơn 12.000 tỷ đồng, tăng 9,5% so với cùng kỳ năm trước.</p><p>Nhiều doanh nghiệp cho biết sức mua đã cải thiện rõ rệt từ đầu quý, nhất là ở nhóm hàng thiết yếu và hàng tiêu dùng nhanh, trong khi nhóm hàng lâu bền vẫn tăng chậm.</p><p>Cơ quan quản lý thị trường tăng cường kiểm tra, kiểm soát, xử lý nghiêm các hành vi đầu cơ, găm hàng, kinh doanh hàng giả, hàng không rõ nguồn gốc xuất xứ.</p></article></body></html>";

fn build(case: &str, size: usize) -> Vec<u8> {
    match case {
        "attrs" => {
            let mut s = String::from("<div ");
            let mut i = 0;
            while s.len() < size {
                s.push_str(&format!("a{i}=x "));
                i += 1;
            }
            s.into_bytes()
        }
        "span-y" => {
            let mut s = "<span>".repeat(505);
            while s.len() < size {
                s.push_str("</y>");
            }
            s.into_bytes()
        }
        "div-dd" => {
            let mut s = "<div>".repeat(505);
            while s.len() < size {
                s.push_str("</dd>");
            }
            s.into_bytes()
        }
        "ff" => PAGE.bytes().flat_map(|b| [b, 0xFF]).collect(),
        "x80" => PAGE.bytes().flat_map(|b| [b, 0x80]).collect(),
        "utf16le" => PAGE.encode_utf16().flat_map(u16::to_le_bytes).collect(),
        "utf16be" => PAGE.encode_utf16().flat_map(u16::to_be_bytes).collect(),
        "png" => {
            let mut v = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
            let mut seed = 7u64;
            while v.len() < size.max(64) {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                v.push((seed >> 33) as u8);
            }
            v
        }
        "elf" => std::fs::read("/bin/ls").unwrap_or_default(),
        "empty" => Vec::new(),
        other => panic!("unknown case {other}"),
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let case = args.get(1).map_or("attrs", String::as_str);
    let size: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1 << 20);
    let bytes = build(case, size);
    let start = Instant::now();
    let result = Extractor::new().extract_bytes(&bytes, None);
    let elapsed = start.elapsed();
    let outcome = match &result {
        Ok(article) => format!("article, {} chars", article.text().chars().count()),
        Err(error) => format!("{error:?}"),
    };
    println!(
        "{case} {} bytes: {:.1} ms, {outcome}",
        bytes.len(),
        elapsed.as_secs_f64() * 1e3
    );
}

//! The hostile pages of issue 15 and the mutation generator of its campaign, built from a
//! seed so every run sees the same bytes. Shared by `tests/hostile.rs`,
//! `benches/hostile.rs` and `devtools/src/bin/hostile.rs` (through `#[path]`).
//!
//! Cases by kind:
//! - **markup** (must extract or give a limit error, in linear time and bounded memory):
//!   `attrs` (a tag cut off by the end of input with many attributes), `span-y` (505 open
//!   `<span>` then ignored `</y>`), `div-dd` (505 open `<div>` then ignored `</dd>`), `p-a`
//!   (`<p>a` repeated), `td-a` (`<td>a` repeated in a table), `p-word` (sibling
//!   `<p>word</p>`), `p-dense` and `td-dense` (paragraphs and cells at two nodes per 40
//!   bytes, the densest the node budget admits), `p-same` (one long sentence as every
//!   paragraph: the copy finder's worst case), `quotes` (distinct block quotes, each
//!   looked for in all the text before it), `comments` (an article over half the page,
//!   then reader comments, each looked for in the body), `plain-text` (text without
//!   markup);
//! - **garbage** (must give a typed error, never an article): `ff` (0xFF after every byte
//!   of a page), `x80` (every other byte 0x80), `high-bytes` (random bytes 0x80–0xFF),
//!   `png`, `elf`, `zip` (a magic number and random bytes), `controls` (text made mostly
//!   of control characters), `stray-tags` (500 raw-text tags inserted into a page);
//! - **encoding** (must extract like their BOM twin): `utf16le`, `utf16be` (a page without
//!   BOM);
//! - `empty` (no bytes: must say empty input).

/// An article page of about 1.6 KB, the seed of the garbage and encoding cases.
pub const PAGE: &str = "<html><head><title>Giá xăng dầu hôm nay</title></head><body><article><h1>Giá xăng dầu hôm nay đồng loạt giảm</h1><p>Theo báo cáo của Sở Công Thương, tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng trong tháng ước đạt hơn 12.000 tỷ đồng, tăng 9,5% so với cùng kỳ năm trước.</p><p>Nhiều doanh nghiệp cho biết sức mua đã cải thiện rõ rệt từ đầu quý, nhất là ở nhóm hàng thiết yếu và hàng tiêu dùng nhanh, trong khi nhóm hàng lâu bền vẫn tăng chậm.</p><p>Cơ quan quản lý thị trường tăng cường kiểm tra, kiểm soát, xử lý nghiêm các hành vi đầu cơ, găm hàng, kinh doanh hàng giả, hàng không rõ nguồn gốc xuất xứ.</p></article></body></html>";

/// What a case must give.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    /// An article or any typed error, within the time and memory bounds.
    Any,
    /// A typed error: the input is not text, or not text in the encoding it was read with.
    Garbage,
    /// The article of [`PAGE`].
    Article,
    /// `NoArticleKind::EmptyInput`.
    Empty,
}

/// One hostile case: its name and what it must give.
#[derive(Debug, Clone, Copy)]
pub struct Case {
    /// The name [`build`] takes.
    pub name: &'static str,
    /// What the extraction must give.
    pub expect: Expect,
    /// Whether the case grows with the requested size (the others have a fixed size).
    pub scales: bool,
}

/// Every case, in the order the bench prints them.
pub const CASES: &[Case] = &[
    Case {
        name: "attrs",
        expect: Expect::Any,
        scales: true,
    },
    Case {
        name: "span-y",
        expect: Expect::Any,
        scales: true,
    },
    Case {
        name: "div-dd",
        expect: Expect::Any,
        scales: true,
    },
    Case {
        name: "p-a",
        expect: Expect::Any,
        scales: true,
    },
    Case {
        name: "td-a",
        expect: Expect::Any,
        scales: true,
    },
    Case {
        name: "p-word",
        expect: Expect::Any,
        scales: true,
    },
    Case {
        name: "p-dense",
        expect: Expect::Any,
        scales: true,
    },
    Case {
        name: "td-dense",
        expect: Expect::Any,
        scales: true,
    },
    Case {
        name: "p-same",
        expect: Expect::Any,
        scales: true,
    },
    Case {
        name: "quotes",
        expect: Expect::Any,
        scales: true,
    },
    Case {
        name: "comments",
        expect: Expect::Any,
        scales: true,
    },
    Case {
        name: "plain-text",
        expect: Expect::Any,
        scales: true,
    },
    Case {
        name: "ff",
        expect: Expect::Garbage,
        scales: true,
    },
    Case {
        name: "x80",
        expect: Expect::Garbage,
        scales: true,
    },
    Case {
        name: "high-bytes",
        expect: Expect::Garbage,
        scales: true,
    },
    Case {
        name: "png",
        expect: Expect::Garbage,
        scales: true,
    },
    Case {
        name: "elf",
        expect: Expect::Garbage,
        scales: true,
    },
    Case {
        name: "zip",
        expect: Expect::Garbage,
        scales: true,
    },
    Case {
        name: "controls",
        expect: Expect::Garbage,
        scales: true,
    },
    Case {
        name: "stray-tags",
        expect: Expect::Garbage,
        scales: false,
    },
    Case {
        name: "utf16le",
        expect: Expect::Article,
        scales: false,
    },
    Case {
        name: "utf16be",
        expect: Expect::Article,
        scales: false,
    },
    Case {
        name: "empty",
        expect: Expect::Empty,
        scales: false,
    },
];

/// A small seeded generator (SplitMix64): the same bytes on every run and platform.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator started at `seed`.
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }

    /// A random byte.
    pub fn byte(&mut self) -> u8 {
        (self.next_u64() >> 56) as u8
    }
}

/// `unit` repeated after `head` until the result holds at least `size` bytes.
fn repeat_to(head: &str, unit: &str, size: usize) -> Vec<u8> {
    let count = size.saturating_sub(head.len()).div_ceil(unit.len().max(1));
    let mut out = String::with_capacity(head.len() + count * unit.len());
    out.push_str(head);
    for _ in 0..count {
        out.push_str(unit);
    }
    out.into_bytes()
}

/// `unit` with full stops added to `bytes` bytes.
fn padded(unit: &str, bytes: usize) -> String {
    let mut out = unit.to_owned();
    while out.len() < bytes {
        out.push('.');
    }
    out
}

/// `magic` then random bytes up to `size`.
fn magic_then_random(magic: &[u8], size: usize, seed: u64) -> Vec<u8> {
    let mut rng = Rng::new(seed);
    let mut out = magic.to_vec();
    while out.len() < size.max(magic.len() + 64) {
        out.push(rng.byte());
    }
    out
}

/// [`PAGE`] repeated (its articles one after another) to about `size` bytes.
fn pages(size: usize) -> String {
    PAGE.repeat(size.div_ceil(PAGE.len()).max(1))
}

/// The raw-text and markup tags the stray-tag cases insert.
pub const STRAY_TAGS: &[&str] = &[
    "<textarea>",
    "<xmp>",
    "<title>",
    "<style>",
    "<script>",
    "<plaintext>",
    "<iframe>",
    "<noembed>",
    "<noframes>",
    "<select>",
    "<table>",
    "<td>",
    "<svg>",
    "<math>",
    "<!--",
    "</p>",
    "</div>",
    "<li>",
    "<b>",
    "<a href=x>",
];

/// `count` tags from [`STRAY_TAGS`] inserted at random places in `page` (never inside a
/// UTF-8 sequence).
pub fn insert_tags(page: &[u8], count: usize, rng: &mut Rng) -> Vec<u8> {
    let mut out = page.to_vec();
    for _ in 0..count {
        let tag = STRAY_TAGS[rng.below(STRAY_TAGS.len())];
        let mut at = rng.below(out.len() + 1);
        while out.get(at).is_some_and(|b| b & 0xC0 == 0x80) {
            at += 1;
        }
        out.splice(at..at, tag.bytes());
    }
    out
}

/// The bytes of case `name` at about `size` bytes (the fixed-size cases ignore `size`);
/// `None` for an unknown name.
pub fn build(name: &str, size: usize) -> Option<Vec<u8>> {
    Some(match name {
        "attrs" => {
            let mut s = String::from("<div ");
            let mut i = 0;
            while s.len() < size {
                s.push_str(&format!("a{i}=x "));
                i += 1;
            }
            s.into_bytes()
        }
        "span-y" => repeat_to(&"<span>".repeat(505), "</y>", size),
        "div-dd" => repeat_to(&"<div>".repeat(505), "</dd>", size),
        "p-a" => repeat_to("", "<p>a", size),
        "td-a" => repeat_to("<table>", "<td>a", size),
        "p-word" => repeat_to("", "<p>word</p>", size),
        // The densest markup the node budget admits: two nodes per 40 bytes.
        "p-dense" => repeat_to("", &padded("<p class=x>Một câu có dấu", 40), size),
        "td-dense" => repeat_to("<table>", &padded("<td>Một ô ngắn, có dấu", 40), size),
        // Copies of one paragraph long enough to count as a copied block; near the end of
        // the page every earlier place matched the whole rest again (minutes at 12 MB).
        "p-same" => repeat_to(
            "",
            &format!(
                "<p>{}</p>",
                "Một câu dài lặp lại, có dấu và có nghĩa. ".repeat(9)
            ),
            size,
        ),
        "quotes" => {
            const WORDS: [&str; 8] = ["mưa", "nắng", "gió", "sông", "núi", "biển", "đồng", "rừng"];
            let mut rng = Rng::new(6);
            let mut s = String::from("<article>");
            while s.len() < size {
                s.push_str("<blockquote><p>");
                for _ in 0..40 {
                    s.push_str(WORDS[rng.below(WORDS.len())]);
                    s.push(' ');
                }
                s.push_str("nữa.</p></blockquote>");
            }
            s.into_bytes()
        }
        // An article as long as half the page, then distinct reader comments, each of
        // whose lines was searched for in the whole body (quadratic at 10 MB).
        "comments" => {
            const WORDS: [&str; 8] = ["mưa", "nắng", "gió", "sông", "núi", "biển", "đồng", "rừng"];
            let mut rng = Rng::new(7);
            let mut sentence = |words: usize| {
                let mut text = String::new();
                for _ in 0..words {
                    text.push_str(WORDS[rng.below(WORDS.len())]);
                    text.push(' ');
                }
                text.push_str("nữa.");
                text
            };
            let mut s = String::from("<html><body><article>");
            while s.len() < size / 2 {
                s.push_str(&format!("<p>{}</p>", sentence(40)));
            }
            s.push_str("</article><div id=\"comments\">");
            let mut n = 0;
            while s.len() < size {
                n += 1;
                s.push_str(&format!(
                    "<div class=\"comment\"><span class=\"author\">Bạn đọc {n}</span>\
                     <span class=\"date\">10/11/2025 08:{:02}</span><p>{}</p></div>",
                    n % 60,
                    sentence(12)
                ));
            }
            s.push_str("</div></body></html>");
            s.into_bytes()
        }
        "plain-text" => repeat_to(
            "",
            "Theo báo cáo của Sở Công Thương, tổng mức bán lẻ tăng 9,5% so với cùng kỳ. ",
            size,
        ),
        "ff" => pages(size / 2).bytes().flat_map(|b| [b, 0xFF]).collect(),
        "x80" => pages(size / 2).bytes().flat_map(|b| [b, 0x80]).collect(),
        "high-bytes" => {
            let mut rng = Rng::new(15);
            (0..size.max(64)).map(|_| 0x80 | rng.byte()).collect()
        }
        "png" => magic_then_random(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", size, 1),
        "elf" => magic_then_random(b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x02\0>\0", size, 2),
        "zip" => magic_then_random(b"PK\x03\x04\x14\0\0\0\x08\0", size, 3),
        "controls" => {
            let mut rng = Rng::new(4);
            (0..size.max(64))
                .map(|i| {
                    if i % 2 == 0 {
                        b'a' + rng.byte() % 26
                    } else {
                        1 + rng.byte() % 8
                    }
                })
                .collect()
        }
        "stray-tags" => insert_tags(pages(6000).as_bytes(), 500, &mut Rng::new(5)),
        "utf16le" => PAGE.encode_utf16().flat_map(u16::to_le_bytes).collect(),
        "utf16be" => PAGE.encode_utf16().flat_map(u16::to_be_bytes).collect(),
        "empty" => Vec::new(),
        _ => return None,
    })
}

/// One mutation of the campaign, applied to `page` with `rng`: bytes flipped, the page
/// cut short, tags inserted, a range deleted or a range duplicated.
pub fn mutate(page: &[u8], rng: &mut Rng) -> Vec<u8> {
    let mut out = page.to_vec();
    let len = out.len();
    match rng.below(5) {
        0 => {
            for _ in 0..1 + rng.below(64) {
                if let Some(byte) = out.get_mut(rng.below(len)) {
                    *byte ^= 1 << rng.below(8);
                }
            }
        }
        1 => out.truncate(rng.below(len + 1)),
        2 => out = insert_tags(&out, 1 + rng.below(64), rng),
        3 => {
            let start = rng.below(len + 1);
            let end = (start + rng.below(len / 4 + 1)).min(len);
            out.drain(start..end);
        }
        _ => {
            let start = rng.below(len + 1);
            let end = (start + rng.below(len / 4 + 1)).min(len);
            let copy = out[start..end].to_vec();
            let at = rng.below(len + 1);
            out.splice(at..at, copy);
        }
    }
    out
}

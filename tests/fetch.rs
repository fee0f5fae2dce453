//! Integration tests of `examples/fetch.rs`: the example binary run against a loopback HTTP
//! server started inside each test (127.0.0.1, an ephemeral port, scripted responses), and
//! on files and standard input. No test touches any other address.
//!
//! The example is built once per run with `cargo build --example fetch` (a no-op when
//! `cargo test` has already built it), so `cargo test --test fetch` on a clean tree works
//! and never runs a stale binary.

#[path = "common/example.rs"]
mod example;

use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex, OnceLock, mpsc};
use std::thread;
use std::time::{Duration, Instant};

use flate2::Compression;
use flate2::write::GzEncoder;
use tiny_http::{Header, Response, ResponseBox, StatusCode};
use unicode_normalization::UnicodeNormalization;

/// Longest any one run of the example may take before the test kills it.
const RUN_DEADLINE: Duration = Duration::from_secs(20);

// ---------------------------------------------------------------------------------------
// The page under test: an article written for these tests, inside portal chrome.
// ---------------------------------------------------------------------------------------

/// Headline of the test article (not main text under the gold convention).
const TITLE: &str = "Hợp tác xã ở Đồng Tháp giảm một phần ba chi phí bơm tưới nhờ cảm biến độ ẩm";

/// Main text of the test article, one block per line: the lead and four body paragraphs.
const PARAGRAPHS: [&str; 5] = [
    "Sau ba năm thử nghiệm, hợp tác xã nông nghiệp Tân Phú ở huyện Lấp Vò, tỉnh Đồng Tháp cho \
     biết mô hình tưới tiết kiệm nước đã giúp các hộ xã viên giảm gần một phần ba chi phí bơm \
     tưới, trong khi năng suất lúa vụ đông xuân vẫn giữ ổn định so với các vùng lân cận.",
    "Ông Nguyễn Văn Thắng, giám đốc hợp tác xã, kể rằng những năm trước, cứ đến tháng Ba là bà \
     con lại thấp thỏm vì nước mặn xâm nhập sâu vào kênh rạch. Nhiều gia đình phải thuê máy bơm \
     chạy suốt đêm, tiền dầu chiếm phần lớn lợi nhuận của cả vụ, có hộ còn phải bỏ ruộng không \
     gieo sạ.",
    "Từ năm 2023, hợp tác xã phối hợp với một trường đại học trong vùng lắp đặt hệ thống cảm \
     biến đo độ ẩm đất tại mười hai cánh đồng mẫu. Dữ liệu được gửi về điện thoại của từng tổ \
     trưởng, nhờ vậy người dân chỉ bơm nước khi mặt ruộng thật sự khô, thay vì tưới theo thói \
     quen như trước đây.",
    "Theo số liệu của hợp tác xã, lượng nước bơm vào đồng trong vụ vừa qua giảm khoảng ba mươi \
     phần trăm, còn chi phí nhiên liệu bình quân mỗi héc-ta giảm hơn một triệu đồng. Một số hộ \
     trẻ đã mạnh dạn đầu tư thêm thiết bị bay không người lái để phun thuốc, rút ngắn thời gian \
     chăm sóc lúa.",
    "Dù vậy, ông Thắng thừa nhận mô hình vẫn còn không ít khó khăn. Giá thiết bị cảm biến còn \
     cao, nhiều xã viên lớn tuổi chưa quen dùng điện thoại thông minh, và sóng di động ở những \
     cánh đồng xa thường chập chờn. Hợp tác xã đang kiến nghị địa phương hỗ trợ vốn để mở rộng \
     mô hình ra toàn xã trong năm tới.",
];

/// Text of the page chrome that must never reach the output.
const CRUFT: [&str; 4] = [
    "Thời sự",
    "Giá vàng hôm nay tiếp tục tăng mạnh",
    "Bản quyền thuộc về Báo Đồng Bằng",
    "Theo dõi chúng tôi trên mạng xã hội",
];

/// The whole test page. `meta_charset` adds a `<meta charset>` tag.
fn article_page(meta_charset: Option<&str>) -> String {
    let meta = meta_charset.map_or(String::new(), |c| format!("<meta charset=\"{c}\">\n"));
    let body: String = PARAGRAPHS[1..]
        .iter()
        .map(|p| format!("      <p>{p}</p>\n"))
        .collect();
    format!(
        "<!DOCTYPE html>
<html lang=\"vi\">
<head>
{meta}<title>{TITLE} - Báo Đồng Bằng</title>
<script>window.dataLayer = [];</script>
</head>
<body>
  <header>
    <nav class=\"main-menu\"><ul>
      <li><a href=\"/thoi-su\">{nav}</a></li><li><a href=\"/kinh-te\">Kinh tế</a></li>
      <li><a href=\"/xa-hoi\">Xã hội</a></li><li><a href=\"/the-thao\">Thể thao</a></li>
    </ul></nav>
  </header>
  <main>
    <article class=\"detail\">
      <h1 class=\"detail-title\">{TITLE}</h1>
      <p class=\"detail-sapo\">{sapo}</p>
{body}    </article>
    <aside class=\"most-read\"><h3>Đọc nhiều</h3><ul>
      <li><a href=\"/kinh-te/gia-vang-1.html\">{teaser}</a></li>
      <li><a href=\"/xa-hoi/mua-lu-2.html\">Miền Trung chuẩn bị ứng phó đợt mưa lớn</a></li>
    </ul></aside>
  </main>
  <footer><p>{copyright}</p><p>{follow}</p></footer>
</body>
</html>
",
        nav = CRUFT[0],
        sapo = PARAGRAPHS[0],
        teaser = CRUFT[1],
        copyright = CRUFT[2],
        follow = CRUFT[3],
    )
}

/// A section page: only teaser links, no article.
fn listing_page() -> String {
    let items: String = (1..=24)
        .map(|i| {
            format!(
                "<li class=\"story\"><a href=\"/kinh-te/tin-{i}.html\">Bản tin kinh tế số {i}: \
                 thị trường nông sản trong tuần</a><span class=\"time\">{i} giờ trước</span></li>\n"
            )
        })
        .collect();
    format!(
        "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Kinh tế - Báo \
         Đồng Bằng</title></head><body><nav><a href=\"/\">Trang chủ</a> <a href=\"/kinh-te\">Kinh \
         tế</a></nav><h1>Kinh tế</h1><ul class=\"list-news\">\n{items}</ul><footer>{}</footer>\
         </body></html>",
        CRUFT[2]
    )
}

/// The main text as `fetch` prints it by default: one block per line.
fn expected_text() -> String {
    let mut text = PARAGRAPHS.join("\n");
    text.push('\n');
    text
}

/// `text` in windows-1258: Vietnamese letters decomposed the way that code page needs them
/// (vowel with circumflex, breve or horn precomposed; tone marks as combining characters).
fn to_windows_1258(text: &str) -> Vec<u8> {
    const TONE_MARKS: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];
    let mut staged = String::new();
    let mut base: Option<char> = None;
    let mut tones: Vec<char> = Vec::new();
    let flush = |base: &mut Option<char>, tones: &mut Vec<char>, staged: &mut String| {
        staged.extend(base.take());
        staged.extend(tones.drain(..));
    };
    for c in text.nfd() {
        let is_mark = ('\u{300}'..='\u{36f}').contains(&c);
        if !is_mark {
            flush(&mut base, &mut tones, &mut staged);
            base = Some(c);
        } else if TONE_MARKS.contains(&c) {
            tones.push(c);
        } else if let Some(composed) = base.and_then(|b| unicode_normalization::char::compose(b, c))
        {
            base = Some(composed);
        } else {
            tones.push(c);
        }
    }
    flush(&mut base, &mut tones, &mut staged);
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1258.encode(&staged);
    assert!(!unmappable, "test text has characters windows-1258 lacks");
    bytes.into_owned()
}

// ---------------------------------------------------------------------------------------
// Running the example.
// ---------------------------------------------------------------------------------------

/// The fetch example's binary, built once per test run.
fn fetch_binary() -> &'static Path {
    static BINARY: OnceLock<PathBuf> = OnceLock::new();
    BINARY.get_or_init(|| example::example_binary("fetch"))
}

/// What one run of the example gave.
#[derive(Debug)]
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
    elapsed: Duration,
}

/// Runs `fetch ARGS`, feeding `stdin` to it.
fn fetch_with_stdin(args: &[&str], stdin: &[u8]) -> Run {
    let binary = fetch_binary();
    let started = Instant::now();
    let mut child = Command::new(binary)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the fetch example");
    let mut input = child.stdin.take().expect("stdin pipe");
    let stdin = stdin.to_vec();
    // The example may exit before reading all of it: a write error is expected then.
    let writer = thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    let mut out = child.stdout.take().expect("stdout pipe");
    let mut err = child.stderr.take().expect("stderr pipe");
    let out_reader = thread::spawn(move || {
        let mut s = Vec::new();
        let _ = out.read_to_end(&mut s);
        s
    });
    let err_reader = thread::spawn(move || {
        let mut s = Vec::new();
        let _ = err.read_to_end(&mut s);
        s
    });
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for fetch") {
            break status;
        }
        if started.elapsed() > RUN_DEADLINE {
            let _ = child.kill();
            panic!("fetch {args:?} still running after {RUN_DEADLINE:?}");
        }
        thread::sleep(Duration::from_millis(10));
    };
    let elapsed = started.elapsed();
    let _ = writer.join();
    let stdout = String::from_utf8_lossy(&out_reader.join().unwrap_or_default()).into_owned();
    let stderr = String::from_utf8_lossy(&err_reader.join().unwrap_or_default()).into_owned();
    Run {
        code: status.code(),
        stdout,
        stderr,
        elapsed,
    }
}

/// Runs `fetch ARGS` with empty standard input.
fn fetch(args: &[&str]) -> Run {
    fetch_with_stdin(args, b"")
}

/// Asserts that `run` printed the test article: every block on its own line, no chrome.
fn assert_article(run: &Run) {
    assert_eq!(run.code, Some(0), "{run:#?}");
    let lines: Vec<&str> = run.stdout.lines().collect();
    for paragraph in PARAGRAPHS {
        assert!(
            lines.contains(&paragraph),
            "missing paragraph {paragraph:?} in {run:#?}"
        );
    }
    for cruft in CRUFT {
        assert!(!run.stdout.contains(cruft), "cruft {cruft:?} in {run:#?}");
    }
    assert!(
        run.stderr.contains(TITLE),
        "no title in the summary: {run:#?}"
    );
}

/// Asserts the exit code and that standard error says `needle`.
fn assert_failure(run: &Run, code: i32, needle: &str) {
    assert_eq!(run.code, Some(code), "{run:#?}");
    assert!(
        run.stderr.contains(needle),
        "stderr lacks {needle:?}: {run:#?}"
    );
    assert!(run.stdout.is_empty(), "output on failure: {run:#?}");
}

// ---------------------------------------------------------------------------------------
// The loopback server.
// ---------------------------------------------------------------------------------------

/// A header for a scripted response.
fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("valid test header")
}

/// A response with `body` and a `Content-Type`.
fn page(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> ResponseBox {
    Response::from_data(body.into())
        .with_status_code(status)
        .with_header(header("Content-Type", content_type))
        .boxed()
}

/// A redirect to `location`.
fn redirect(location: &str) -> ResponseBox {
    Response::from_data(Vec::new())
        .with_status_code(302)
        .with_header(header("Location", location))
        .boxed()
}

/// Starts a server on 127.0.0.1 with an ephemeral port; `respond` answers each request (on
/// its own thread) from the request path. Returns the base URL, `http://127.0.0.1:<port>`.
/// The server lives until the test process ends.
fn serve<F>(respond: F) -> String
where
    F: Fn(&tiny_http::Request) -> ResponseBox + Send + Sync + 'static,
{
    let server = tiny_http::Server::http("127.0.0.1:0").expect("bind a loopback port");
    let port = server.server_addr().to_ip().expect("an IP listener").port();
    let respond = Arc::new(respond);
    thread::spawn(move || {
        for request in server.incoming_requests() {
            let respond = Arc::clone(&respond);
            thread::spawn(move || {
                let response = respond(&request);
                // The client may hang up early (limits, timeouts): nothing to do then.
                let _ = request.respond(response);
            });
        }
    });
    format!("http://127.0.0.1:{port}")
}

/// A reader that yields `chunk`-byte pieces, sleeping `pause` before each, `count` times.
struct Drip {
    chunk: usize,
    pause: Duration,
    count: usize,
}

impl Read for Drip {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.count == 0 {
            return Ok(0);
        }
        self.count -= 1;
        thread::sleep(self.pause);
        let n = self.chunk.min(buf.len());
        buf[..n].fill(b' ');
        Ok(n)
    }
}

/// A path in the temporary directory, unique to this process and `name`.
fn temp_path(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("tinhloc-fetch-test-{}-{name}", std::process::id()))
}

// ---------------------------------------------------------------------------------------
// HTTP: charsets and encodings.
// ---------------------------------------------------------------------------------------

#[test]
fn charset_only_in_header_windows_1258() {
    let bytes = to_windows_1258(&article_page(None));
    // The bytes really are windows-1258: not UTF-8, and they decode back to the page.
    assert!(std::str::from_utf8(&bytes).is_err());
    let (decoded, _, _) = encoding_rs::WINDOWS_1258.decode(&bytes);
    assert_eq!(decoded.nfc().collect::<String>(), article_page(None));
    let base = serve(move |_| page(200, "text/html; charset=windows-1258", bytes.clone()));
    let run = fetch(&[&format!("{base}/thoi-su/bai-viet.html")]);
    assert_article(&run);
    assert!(run.stderr.contains("encoding windows-1258"), "{run:#?}");
}

#[test]
fn header_charset_wins_over_meta() {
    let body = article_page(Some("windows-1252"));
    let base = serve(move |_| page(200, "text/html; charset=utf-8", body.clone()));
    let run = fetch(&[&format!("{base}/bai-viet.html")]);
    assert_article(&run);
    assert!(!run.stdout.contains('Ã'), "read as windows-1252: {run:#?}");
    assert!(run.stderr.contains("encoding UTF-8"), "{run:#?}");
}

#[test]
fn gzip_body_is_decompressed() {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
    encoder
        .write_all(article_page(Some("utf-8")).as_bytes())
        .expect("gzip in memory");
    let gzipped = encoder.finish().expect("gzip in memory");
    let base = serve(move |_| {
        Response::from_data(gzipped.clone())
            .with_header(header("Content-Type", "text/html; charset=utf-8"))
            .with_header(header("Content-Encoding", "gzip"))
            .boxed()
    });
    let run = fetch(&[&format!("{base}/bai-viet.html")]);
    assert_article(&run);
}

#[test]
fn request_headers_are_descriptive() {
    let (sender, receiver) = mpsc::channel::<Vec<(String, String)>>();
    let sender = Mutex::new(sender);
    let body = article_page(Some("utf-8"));
    let base = serve(move |request| {
        let headers = request
            .headers()
            .iter()
            .map(|h| {
                (
                    h.field.as_str().as_str().to_ascii_lowercase(),
                    h.value.as_str().to_owned(),
                )
            })
            .collect();
        if let Ok(sender) = sender.lock() {
            let _ = sender.send(headers);
        }
        page(200, "text/html; charset=utf-8", body.clone())
    });
    let run = fetch(&[&format!("{base}/bai-viet.html")]);
    assert_eq!(run.code, Some(0), "{run:#?}");
    let headers = receiver
        .recv_timeout(Duration::from_secs(5))
        .expect("the server saw the request");
    let get = |name: &str| {
        headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    assert!(
        get("user-agent").starts_with("tinhloc-fetch/"),
        "{headers:?}"
    );
    assert!(get("user-agent").contains("(+http"), "{headers:?}");
    assert_eq!(get("accept-language"), "vi,en;q=0.8");
    assert!(get("accept").starts_with("text/html"), "{headers:?}");
    for coding in ["gzip", "br", "deflate"] {
        assert!(get("accept-encoding").contains(coding), "{headers:?}");
    }
}

#[test]
fn missing_content_type_is_read_as_html() {
    let body = article_page(Some("utf-8"));
    let base = serve(move |_| Response::from_data(body.clone().into_bytes()).boxed());
    let run = fetch(&[&format!("{base}/bai-viet")]);
    assert_article(&run);
}

// ---------------------------------------------------------------------------------------
// HTTP: redirects, statuses, timeouts, limits, content types.
// ---------------------------------------------------------------------------------------

#[test]
fn redirect_chain_is_followed() {
    let body = article_page(Some("utf-8"));
    let base = serve(move |request| match request.url() {
        "/tin-cu" => redirect("/chuyen-1"),
        "/chuyen-1" => redirect("/chuyen-2"),
        "/chuyen-2" => redirect("/bai-viet.html"),
        "/bai-viet.html" => page(200, "text/html; charset=utf-8", body.clone()),
        _ => page(404, "text/html", "không có"),
    });
    let run = fetch(&[&format!("{base}/tin-cu")]);
    assert_article(&run);
    // The summary names the final URL.
    assert!(
        run.stderr.contains(&format!("{base}/bai-viet.html")),
        "{run:#?}"
    );
}

#[test]
fn redirect_loop_exits_6() {
    let base = serve(|request| match request.url() {
        "/a" => redirect("/b"),
        _ => redirect("/a"),
    });
    let run = fetch(&[&format!("{base}/a")]);
    assert_failure(&run, 6, "too many redirects");
}

#[test]
fn not_found_exits_5_with_status() {
    let base = serve(|_| {
        page(
            404,
            "text/html; charset=utf-8",
            "<h1>Không tìm thấy trang</h1>",
        )
    });
    let run = fetch(&[&format!("{base}/khong-co.html")]);
    assert_failure(&run, 5, "404");
}

#[test]
fn server_error_exits_5_with_status() {
    let base = serve(|_| page(503, "text/html", "<p>Bảo trì</p>"));
    let run = fetch(&[&format!("{base}/")]);
    assert_failure(&run, 5, "503");
}

#[test]
fn slow_server_times_out_with_4() {
    let base = serve(|_| {
        thread::sleep(Duration::from_secs(4));
        page(200, "text/html", article_page(Some("utf-8")))
    });
    let run = fetch(&[&format!("{base}/cham.html"), "--timeout", "1"]);
    assert_failure(&run, 4, "timed out after 1s (--timeout)");
    assert!(run.elapsed < Duration::from_secs(3), "{run:#?}");
}

#[test]
fn dripping_body_times_out_with_4() {
    // Headers at once, then 8 KiB every 50 ms for ~10 s: each read is quick, only the total
    // timeout can stop it.
    let base = serve(|_| {
        let drip = Drip {
            chunk: 8192,
            pause: Duration::from_millis(50),
            count: 200,
        };
        Response::new(
            StatusCode(200),
            vec![header("Content-Type", "text/html")],
            drip,
            None,
            None,
        )
        .boxed()
    });
    let run = fetch(&[&format!("{base}/nho-giot.html"), "--timeout", "1"]);
    assert_failure(&run, 4, "timed out after 1s reading the body");
    assert!(run.elapsed < Duration::from_secs(4), "{run:#?}");
}

#[test]
fn connection_refused_exits_3() {
    // A port that was just free on loopback: nothing listens there.
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("bind a loopback port")
        .port();
    let run = fetch(&[
        &format!("http://127.0.0.1:{port}/"),
        "--connect-timeout",
        "2",
    ]);
    assert_failure(&run, 3, "cannot connect");
}

#[test]
fn declared_oversized_body_exits_8() {
    let base = serve(|_| page(200, "text/html", vec![b' '; 20_000]));
    let run = fetch(&[&format!("{base}/lon.html"), "--max-bytes", "1000"]);
    assert_failure(&run, 8, "over the limit of 1000 bytes");
}

#[test]
fn endless_body_stops_at_the_limit_with_8() {
    // Chunked, no Content-Length, 1 GiB: only the streaming limit can stop it.
    let base = serve(|_| {
        Response::new(
            StatusCode(200),
            vec![header("Content-Type", "text/html; charset=utf-8")],
            std::io::repeat(b'a').take(1 << 30),
            None,
            None,
        )
        .boxed()
    });
    let run = fetch(&[&format!("{base}/vo-tan.html"), "--max-bytes", "100000"]);
    assert_failure(&run, 8, "over the limit of 100000 bytes");
    assert!(run.elapsed < Duration::from_secs(5), "{run:#?}");
}

#[test]
fn gzip_bomb_stops_at_the_limit_with_8() {
    // 4 MiB of zeros gzip to a few KiB; the limit counts decompressed bytes.
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder
        .write_all(&vec![0u8; 4 << 20])
        .expect("gzip in memory");
    let gzipped = encoder.finish().expect("gzip in memory");
    assert!(gzipped.len() < 100_000);
    let base = serve(move |_| {
        Response::from_data(gzipped.clone())
            .with_header(header("Content-Type", "text/html"))
            .with_header(header("Content-Encoding", "gzip"))
            .boxed()
    });
    let run = fetch(&[&format!("{base}/bom.html"), "--max-bytes", "1000000"]);
    assert_failure(&run, 8, "over the limit of 1000000 bytes");
}

#[test]
fn non_html_types_exit_7() {
    let base = serve(|request| match request.url() {
        "/bao-cao.pdf" => page(200, "application/pdf", "%PDF-1.4 ..."),
        "/anh.jpg" => page(200, "image/jpeg", vec![0xff, 0xd8, 0xff, 0xe0]),
        "/api" => page(200, "application/json; charset=utf-8", "{\"tin\": []}"),
        _ => page(200, "text/plain; charset=utf-8", "chỉ là văn bản"),
    });
    for (path, media_type) in [
        ("/bao-cao.pdf", "application/pdf"),
        ("/anh.jpg", "image/jpeg"),
        ("/api", "application/json"),
        ("/ghi-chu.txt", "text/plain"),
    ] {
        let run = fetch(&[&format!("{base}{path}")]);
        assert_failure(&run, 7, media_type);
        assert!(run.stderr.contains("not HTML"), "{run:#?}");
    }
}

#[test]
fn listing_page_exits_9() {
    let body = listing_page();
    let base = serve(move |_| page(200, "text/html; charset=utf-8", body.clone()));
    let run = fetch(&[&format!("{base}/kinh-te")]);
    assert_failure(&run, 9, "no article");
}

// ---------------------------------------------------------------------------------------
// Files, standard input, formats and usage.
// ---------------------------------------------------------------------------------------

#[test]
fn file_input_prints_exactly_the_article() {
    let path = temp_path("article.html");
    std::fs::write(&path, article_page(Some("utf-8"))).expect("write a temporary file");
    let run = fetch(&[path.to_str().expect("UTF-8 temp path")]);
    let _ = std::fs::remove_file(&path);
    assert_article(&run);
    assert_eq!(run.stdout, expected_text());
}

#[test]
fn stdin_input_with_meta_charset_windows_1258() {
    let bytes = to_windows_1258(&article_page(Some("windows-1258")));
    let run = fetch_with_stdin(&["-"], &bytes);
    assert_article(&run);
    assert!(run.stderr.contains("encoding windows-1258"), "{run:#?}");
    assert!(
        run.stderr.contains(&format!("{} bytes", bytes.len())),
        "{run:#?}"
    );
}

#[test]
fn stdin_over_the_limit_exits_8() {
    let run = fetch_with_stdin(&["-", "--max-bytes", "500"], article_page(None).as_bytes());
    assert_failure(&run, 8, "over the limit of 500 bytes");
}

#[test]
fn json_format_has_metadata_and_text() {
    let run = fetch_with_stdin(
        &["--format", "json", "-"],
        article_page(Some("utf-8")).as_bytes(),
    );
    assert_eq!(run.code, Some(0), "{run:#?}");
    let value: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON output");
    assert_eq!(value["metadata"]["title"], TITLE);
    assert_eq!(value["encoding"], "UTF-8");
    assert_eq!(value["metadata"]["language"], "vi");
    assert_eq!(value["metadata"]["page_type"], "article");
    assert_eq!(
        value["text"].as_str().map(str::trim_end),
        Some(expected_text().trim_end())
    );
}

#[test]
fn json_format_lists_the_comments() {
    let page = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/wordpress-short-post-many-comments/source.html");
    let bytes = std::fs::read(&page).expect("fixture page");
    let run = fetch_with_stdin(&["--format", "json", "-"], &bytes);
    assert_eq!(run.code, Some(0), "{run:#?}");
    let value: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON output");
    let comments = value["comments"].as_array().expect("a comments array");
    assert_eq!(comments.len(), 8, "{run:#?}");
    assert_eq!(comments[0]["author"], "Paul R");
    let texts: Vec<&str> = comments.iter().filter_map(|c| c["text"].as_str()).collect();
    assert!(
        texts
            .iter()
            .any(|text| text.contains("Steel studs are soft and round off within a season")),
        "{texts:#?}"
    );
    // The body stays apart from its comments.
    let text = value["text"].as_str().unwrap_or_default();
    assert!(!text.contains("Steel studs are soft"), "{text}");
}

#[test]
fn html_and_markdown_formats() {
    let input = article_page(Some("utf-8"));
    let html = fetch_with_stdin(&["-", "--format=html"], input.as_bytes());
    assert_eq!(html.code, Some(0), "{html:#?}");
    assert!(
        html.stdout.contains(&format!("<p>{}</p>", PARAGRAPHS[2])),
        "{html:#?}"
    );
    assert!(!html.stdout.contains("<script"), "{html:#?}");
    let markdown = fetch_with_stdin(&["-", "--format", "markdown"], input.as_bytes());
    assert_eq!(markdown.code, Some(0), "{markdown:#?}");
    assert!(markdown.stdout.contains(PARAGRAPHS[4]), "{markdown:#?}");
}

#[test]
fn listing_file_exits_9() {
    let run = fetch_with_stdin(&["-"], listing_page().as_bytes());
    assert_failure(&run, 9, "no article");
}

#[test]
fn missing_file_exits_11() {
    let path = temp_path("khong-ton-tai.html");
    let run = fetch(&[path.to_str().expect("UTF-8 temp path")]);
    assert_failure(&run, 11, "cannot open");
}

#[test]
fn usage_errors_exit_2() {
    for (args, needle) in [
        (&[][..], "no URL"),
        (&["-", "--format", "pdf"][..], "unknown format"),
        (&["-", "--timeout", "0"][..], "--timeout"),
        (&["-", "--max-bytes", "nhiều"][..], "--max-bytes"),
        (&["-", "--timeout"][..], "needs a value"),
        (&["-", "--bogus"][..], "unknown option"),
        (&["a.html", "b.html"][..], "more than one input"),
    ] {
        let run = fetch(args);
        assert_failure(&run, 2, needle);
    }
}

#[test]
fn help_exits_0() {
    let run = fetch(&["--help"]);
    assert_eq!(run.code, Some(0), "{run:#?}");
    assert!(run.stdout.contains("--max-bytes"), "{run:#?}");
}

/// `fetch --help | head -1`: the reader closes the pipe after one line, and the example
/// must exit 0 instead of panicking on the broken pipe (exit 101). Issue 13.
#[test]
fn issue_13_help_into_a_closed_pipe_does_not_panic() {
    use std::process::Stdio;
    let mut child = std::process::Command::new(fetch_binary())
        .arg("--help")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run fetch");
    // Close the read end before the example writes.
    drop(child.stdout.take());
    let output = child.wait_with_output().expect("wait for fetch");
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

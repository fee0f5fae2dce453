//! The `tinhloc` binary end to end: every input kind (file, folder, `.html.gz`, stdin,
//! WARC.gz written here), every output format, a listing's JSONL record, a bad file not
//! stopping its batch, exit codes, `explain` and `eval`. No network, no `../shared`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use flate2::Compression;
use flate2::write::GzEncoder;
use serde_json::Value;

const ARTICLE: &str = "guardian-style-world";
const LISTING: &str = "en-news-home-listing";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../fixtures")
        .join(name)
        .join("source.html")
}

fn tinhloc(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tinhloc"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run tinhloc")
}

fn records(output: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).expect("a JSON line"))
        .collect()
}

/// A scratch folder under the target dir, emptied first.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

#[test]
fn one_file_gives_one_ok_record_with_metadata_and_text() {
    let out = tinhloc(&["extract", path_str(&fixture(ARTICLE))]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let recs = records(&out);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["ok"], true);
    assert!(recs[0]["source"].as_str().unwrap().ends_with("source.html"));
    assert!(recs[0]["text"].as_str().unwrap().len() > 200);
    assert!(recs[0]["metadata"]["title"].is_string());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("1 pages, 1 ok"), "{stderr}");
    assert!(stderr.contains("pages/s"), "{stderr}");
}

#[test]
fn text_matches_the_library() {
    let bytes = std::fs::read(fixture(ARTICLE)).unwrap();
    let article = tinhloc::extract_bytes(&bytes, None).unwrap();
    let out = tinhloc(&["extract", path_str(&fixture(ARTICLE))]);
    assert_eq!(records(&out)[0]["text"], article.text());
}

#[test]
fn listing_page_gives_a_listing_record_and_exit_126() {
    let out = tinhloc(&["extract", path_str(&fixture(LISTING))]);
    let recs = records(&out);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["ok"], false);
    assert_eq!(recs[0]["error"], "listing");
    // One page, all failed: "nearly all failed".
    assert_eq!(out.status.code(), Some(126));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("listing 1"), "{stderr}");
}

#[test]
fn scope_any_extracts_the_listing() {
    let out = tinhloc(&["extract", "--scope", "any", path_str(&fixture(LISTING))]);
    assert_eq!(records(&out)[0]["ok"], true, "{out:?}");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn folder_with_a_bad_file_keeps_going_and_exits_1() {
    let dir = scratch("folder");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::copy(fixture(ARTICLE), dir.join("a.html")).unwrap();
    std::fs::copy(fixture(ARTICLE), dir.join("sub/b.htm")).unwrap();
    let mut gz = GzEncoder::new(Vec::new(), Compression::default());
    gz.write_all(&std::fs::read(fixture(ARTICLE)).unwrap())
        .unwrap();
    std::fs::write(dir.join("sub/c.html.gz"), gz.finish().unwrap()).unwrap();
    // Binary junk, an empty page, and a file that is not a page at all (skipped).
    std::fs::write(dir.join("bad.html"), [0u8, 159, 146, 150, 0, 0, 1, 2, 3]).unwrap();
    std::fs::write(dir.join("empty.html"), "").unwrap();
    std::fs::write(dir.join("notes.txt"), "not a page").unwrap();
    let missing = dir.join("missing.html");
    let out = tinhloc(&["extract", "-p", "2", path_str(&dir), path_str(&missing)]);
    let recs = records(&out);
    assert_eq!(recs.len(), 6, "{recs:?}");
    let by_name = |name: &str| {
        recs.iter()
            .find(|r| r["source"].as_str().unwrap().ends_with(name))
            .unwrap_or_else(|| panic!("no record for {name}"))
    };
    assert_eq!(by_name("a.html")["ok"], true);
    assert_eq!(by_name("b.htm")["ok"], true);
    assert_eq!(by_name("c.html.gz")["ok"], true);
    assert_eq!(by_name("c.html.gz")["text"], by_name("a.html")["text"]);
    assert_eq!(by_name("bad.html")["error"], "not_html");
    assert_eq!(by_name("empty.html")["error"], "empty_input");
    assert_eq!(by_name("missing.html")["error"], "unreadable");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn stdin_is_one_page() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tinhloc"))
        .args(["extract", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let bytes = std::fs::read(fixture(ARTICLE)).unwrap();
    child.stdin.take().unwrap().write_all(&bytes).unwrap();
    let out = child.wait_with_output().unwrap();
    let recs = records(&out);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["source"], "-");
    assert_eq!(recs[0]["ok"], true);
}

/// One WARC record, as its own gzip member.
fn warc_record(kind: &str, uri: &str, id: &str, block: &[u8]) -> Vec<u8> {
    let mut record = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\n\
WARC-Date: 2026-12-05T12:00:00Z\r\nWARC-Record-ID: <urn:uuid:{id}>\r\n\
Content-Type: application/http; msgtype={kind}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    record.extend_from_slice(block);
    record.extend_from_slice(b"\r\n\r\n");
    let mut gz = GzEncoder::new(Vec::new(), Compression::default());
    gz.write_all(&record).unwrap();
    gz.finish().unwrap()
}

fn http_response(content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    out.extend_from_slice(body);
    out
}

#[test]
fn warc_gz_gives_one_record_per_html_response() {
    let dir = scratch("warc");
    let article = std::fs::read(fixture(ARTICLE)).unwrap();
    let listing = std::fs::read(fixture(LISTING)).unwrap();
    let mut warc = Vec::new();
    warc.extend(warc_record(
        "request",
        "https://example.com/world/story",
        "00000000-0000-0000-0000-000000000001",
        b"GET /world/story HTTP/1.1\r\nHost: example.com\r\n\r\n",
    ));
    warc.extend(warc_record(
        "response",
        "https://example.com/world/story",
        "00000000-0000-0000-0000-000000000002",
        &http_response("text/html; charset=utf-8", &article),
    ));
    warc.extend(warc_record(
        "response",
        "https://example.com/logo.png",
        "00000000-0000-0000-0000-000000000003",
        &http_response("image/png", b"\x89PNG\r\n\x1a\n"),
    ));
    warc.extend(warc_record(
        "response",
        "https://example.com/",
        "00000000-0000-0000-0000-000000000004",
        &http_response("text/html", &listing),
    ));
    let path = dir.join("crawl.warc.gz");
    std::fs::write(&path, warc).unwrap();

    let out = tinhloc(&["extract", path_str(&path)]);
    let recs = records(&out);
    assert_eq!(recs.len(), 2, "{recs:?} {out:?}");
    let story = &recs[0];
    assert_eq!(story["ok"], true);
    assert_eq!(
        story["source"]["target_uri"],
        "https://example.com/world/story"
    );
    assert_eq!(
        story["source"]["record_id"],
        "<urn:uuid:00000000-0000-0000-0000-000000000002>"
    );
    assert!(story["source"]["offset"].as_u64().unwrap() > 0);
    assert!(
        story["source"]["warc"]
            .as_str()
            .unwrap()
            .ends_with("crawl.warc.gz")
    );
    let library = tinhloc::extract_bytes(&article, Some("text/html; charset=utf-8")).unwrap();
    assert_eq!(story["text"], library.text());
    assert_eq!(recs[1]["error"], "listing");
    assert_eq!(recs[1]["source"]["target_uri"], "https://example.com/");
    // One ok, one listing: some failed.
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn warc_output_is_in_archive_order_whatever_the_thread_count() {
    // More pages than the reader may run ahead of the writer (512), alternating an
    // article with a listing, so workers finish out of order.
    let dir = scratch("warc-order");
    let article = std::fs::read(fixture(ARTICLE)).unwrap();
    let listing = std::fs::read(fixture(LISTING)).unwrap();
    let mut warc = Vec::new();
    let pages = 700;
    for i in 0..pages {
        let body = if i % 3 == 0 { &listing } else { &article };
        warc.extend(warc_record(
            "response",
            &format!("https://example.com/page/{i}"),
            &format!("00000000-0000-0000-0000-{i:012}"),
            &http_response("text/html", body),
        ));
    }
    let path = dir.join("many.warc.gz");
    std::fs::write(&path, warc).unwrap();

    let one = tinhloc(&["extract", "-p", "1", path_str(&path)]);
    let three = tinhloc(&["extract", "-p", "3", path_str(&path)]);
    assert_eq!(one.stdout, three.stdout);
    let recs = records(&three);
    assert_eq!(recs.len(), pages);
    for (i, rec) in recs.iter().enumerate() {
        assert_eq!(
            rec["source"]["target_uri"],
            format!("https://example.com/page/{i}")
        );
        assert_eq!(rec["ok"], i % 3 != 0, "page {i}");
    }
}

#[test]
fn broken_warc_is_one_failed_record_and_the_batch_goes_on() {
    let dir = scratch("broken-warc");
    let path = dir.join("broken.warc.gz");
    std::fs::write(&path, b"this is not a WARC file at all").unwrap();
    let out = tinhloc(&["extract", path_str(&path), path_str(&fixture(ARTICLE))]);
    let recs = records(&out);
    assert!(recs.iter().any(|r| r["ok"] == true), "{recs:?}");
    assert_ne!(out.status.code(), Some(0));
    assert_ne!(out.status.code(), Some(2));
}

#[test]
fn file_formats_write_one_file_per_page() {
    let bytes = std::fs::read(fixture(ARTICLE)).unwrap();
    let article = tinhloc::extract_bytes(&bytes, None).unwrap();
    for (format, ext, expected) in [
        ("text", "txt", article.text()),
        ("markdown", "md", article.markdown()),
        ("html", "html", article.html()),
    ] {
        let dir = scratch(&format!("out-{format}"));
        let out = tinhloc(&[
            "extract",
            "--format",
            format,
            "--output-dir",
            path_str(&dir),
            path_str(&fixture(ARTICLE)),
            path_str(&fixture(LISTING)),
        ]);
        assert_eq!(out.status.code(), Some(1), "{out:?}");
        assert!(out.stdout.is_empty());
        let written = std::fs::read_to_string(dir.join(format!("source.{ext}"))).unwrap();
        assert_eq!(written, expected, "{format}");
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
    }
}

/// Two pages whose output names collide (both `source.html`, given as files) are both
/// written: the second as `source-2`, neither overwriting the other.
#[test]
fn pages_with_the_same_name_get_their_own_files() {
    const OTHER_ARTICLE: &str = "us-weekly-numeric-dateline";
    let dir = scratch("out-same-name");
    let out = tinhloc(&[
        "extract",
        "--format",
        "text",
        "--output-dir",
        path_str(&dir),
        path_str(&fixture(ARTICLE)),
        path_str(&fixture(OTHER_ARTICLE)),
    ]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    for (name, file) in [(ARTICLE, "source.txt"), (OTHER_ARTICLE, "source-2.txt")] {
        let bytes = std::fs::read(fixture(name)).unwrap();
        let expected = tinhloc::extract_bytes(&bytes, None).unwrap().text();
        let written = std::fs::read_to_string(dir.join(file)).unwrap();
        assert_eq!(written, expected, "{name} -> {file}");
    }
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 2);
}

/// An output folder whose name is not UTF-8 is written into as named, not under a
/// lossy copy of its name.
#[cfg(unix)]
#[test]
fn an_output_folder_named_in_other_bytes_is_kept() {
    use std::os::unix::ffi::OsStrExt;
    let dir = scratch("out-bytes").join(std::ffi::OsStr::from_bytes(b"pages-\xff"));
    let out = Command::new(env!("CARGO_BIN_EXE_tinhloc"))
        .args(["extract", "--format", "text", "--output-dir"])
        .arg(&dir)
        .arg(fixture(ARTICLE))
        .stdin(Stdio::null())
        .output()
        .expect("run tinhloc");
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let bytes = std::fs::read(fixture(ARTICLE)).unwrap();
    let expected = tinhloc::extract_bytes(&bytes, None).unwrap().text();
    let written = std::fs::read_to_string(dir.join("source.txt")).unwrap();
    assert_eq!(written, expected);
}

#[test]
fn file_format_without_output_dir_is_a_usage_error() {
    let out = tinhloc(&["extract", "--format", "text", path_str(&fixture(ARTICLE))]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn explain_writes_a_report_with_kept_and_dropped_blocks() {
    let dir = scratch("explain");
    let report = dir.join("report.html");
    let out = tinhloc(&[
        "explain",
        path_str(&fixture(ARTICLE)),
        "-o",
        path_str(&report),
    ]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let html = std::fs::read_to_string(&report).unwrap();
    assert!(html.contains("class=\"block kept\""));
    assert!(html.contains("class=\"block dropped\""));
    assert!(html.contains("data-reason=\"kept\""));
    assert!(html.contains("id=\"hide-dropped\""));
    assert!(html.contains("id=\"page-type\">article<"));
    // Every dropped block carries a reason other than "kept".
    for line in html
        .lines()
        .filter(|l| l.contains("class=\"block dropped\""))
    {
        assert!(!line.contains("data-reason=\"kept\""), "{line}");
        assert!(line.contains(" title=\""), "{line}");
    }
}

#[test]
fn explain_json_is_the_library_trace() {
    let out = tinhloc(&["explain", "--json", path_str(&fixture(ARTICLE))]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let trace: Value = serde_json::from_slice(&out.stdout).unwrap();
    let bytes = std::fs::read(fixture(ARTICLE)).unwrap();
    let (_, library) = tinhloc::Extractor::new().extract_bytes_with_trace(&bytes, None);
    let blocks = trace["blocks"].as_array().unwrap();
    assert_eq!(blocks.len(), library.blocks.len());
    for (json, block) in blocks.iter().zip(&library.blocks) {
        assert_eq!(json["kept"], block.kept);
        assert_eq!(json["reason"], block.reason.code());
    }
    assert_eq!(trace["outcome"]["ok"], true);
}

/// A scratch folder holding the article and the listing fixture as `<id>.html` +
/// `<id>.txt` gold pairs.
fn gold_pairs(name: &str) -> PathBuf {
    let dir = scratch(name);
    for name in [ARTICLE, LISTING] {
        let src = fixture(name);
        std::fs::copy(&src, dir.join(format!("{name}.html"))).unwrap();
        std::fs::copy(
            src.with_file_name("expected.txt"),
            dir.join(format!("{name}.txt")),
        )
        .unwrap();
    }
    dir
}

#[test]
fn eval_scores_gold_pairs() {
    let dir = gold_pairs("eval");
    let out = tinhloc(&["eval", path_str(&dir)]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.starts_with("2 pages  P "), "{stdout}");
    assert!(stdout.contains("worst pages:"), "{stdout}");
    assert!(
        stdout.contains(ARTICLE) && stdout.contains(LISTING),
        "{stdout}"
    );
}

/// Writes `index.jsonl` lines for the eval folder.
fn write_index(dir: &Path, lines: &[Value]) {
    let text: Vec<String> = lines.iter().map(Value::to_string).collect();
    std::fs::write(dir.join("index.jsonl"), text.join("\n")).unwrap();
}

#[test]
fn eval_checks_snippets_from_index_jsonl() {
    let dir = gold_pairs("eval-snippets");
    // A true must, a must the page never says, and a must_not the body holds.
    let body_line = "More than 3,000 people living along the Douro valley";
    write_index(
        &dir,
        &[
            serde_json::json!({
                "id": ARTICLE, "kind": "article",
                "must": [body_line, "a sentence this page never wrote"],
                "must_not": ["Warnings ignored"],
            }),
            serde_json::json!({"id": LISTING, "kind": "listing", "must": [], "must_not": []}),
        ],
    );
    let out = tinhloc(&["eval", path_str(&dir)]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("listings answered with no text: 1/1"),
        "{stdout}"
    );
    assert!(
        stdout.contains("snippet checks: 1 of 1 pages fail"),
        "{stdout}"
    );
    assert!(
        stdout.contains("missing must \"a sentence this page never wrote\""),
        "{stdout}"
    );
    assert!(
        stdout.contains("leaked must_not \"Warnings ignored\""),
        "{stdout}"
    );
    assert!(
        !stdout.contains(&format!("missing must {body_line:?}")),
        "{stdout}"
    );

    let strict = tinhloc(&["eval", "--strict", path_str(&dir)]);
    assert_eq!(strict.status.code(), Some(1), "{strict:?}");
}

#[test]
fn eval_of_the_fixture_layout_reads_each_meta() {
    let dir = scratch("eval-fixtures");
    for name in [ARTICLE, LISTING] {
        let to = dir.join(name);
        std::fs::create_dir_all(&to).unwrap();
        let from = fixture(name).with_file_name("");
        for file in ["source.html", "expected.txt", "meta.json"] {
            std::fs::copy(from.join(file), to.join(file)).unwrap();
        }
    }
    let out = tinhloc(&["eval", "--strict", path_str(&dir)]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("listings answered with no text: 1/1"),
        "{stdout}"
    );
    assert!(
        stdout.contains("snippet checks: 0 of 2 pages fail"),
        "{stdout}"
    );
}

/// Serves `routes` (path → status, content type, body) on a local port until the
/// returned handle's server is dropped; gives the base URL.
fn serve(routes: Vec<(&'static str, u16, &'static str, Vec<u8>)>) -> String {
    let server = tiny_http::Server::http("127.0.0.1:0").expect("bind a local port");
    let base = format!("http://{}", server.server_addr());
    std::thread::spawn(move || {
        for request in server.incoming_requests() {
            let route = routes.iter().find(|r| r.0 == request.url());
            let response = match route {
                Some((_, status, content_type, body)) => {
                    let header =
                        tiny_http::Header::from_bytes("Content-Type", *content_type).unwrap();
                    tiny_http::Response::from_data(body.clone())
                        .with_status_code(*status)
                        .with_header(header)
                }
                None => tiny_http::Response::from_data(b"not here".to_vec()).with_status_code(404),
            };
            let _ = request.respond(response);
        }
    });
    base
}

#[test]
fn urls_are_fetched_with_their_own_url_and_failures_are_records() {
    let page = std::fs::read(fixture(ARTICLE)).unwrap();
    let base = serve(vec![
        (
            "/world/flood.html",
            200,
            "text/html; charset=utf-8",
            page.clone(),
        ),
        ("/report.pdf", 200, "application/pdf", b"%PDF-1.7".to_vec()),
    ]);
    let dir = scratch("urls");
    let list = dir.join("urls.txt");
    let urls = [
        format!("{base}/world/flood.html"),
        format!("{base}/missing.html"),
        format!("{base}/report.pdf"),
    ];
    std::fs::write(
        &list,
        format!(
            "# pages to fetch\n{}\n\n{}\n{}\n",
            urls[0], urls[1], urls[2]
        ),
    )
    .unwrap();
    let out = tinhloc(&["extract", "--urls", path_str(&list)]);
    // One page of three ok: "some failed".
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let recs = records(&out);
    assert_eq!(recs.len(), 3, "{recs:?}");
    assert_eq!(recs[0]["source"]["url"], urls[0].as_str());
    assert_eq!(recs[0]["ok"], true);
    let library = tinhloc::Extractor::new()
        .base_url(&urls[0])
        .unwrap()
        .extract_bytes(&page, Some("text/html; charset=utf-8"))
        .unwrap();
    assert_eq!(recs[0]["text"], library.text());
    assert_eq!(
        recs[0]["metadata"]["url"],
        serde_json::to_value(library.metadata().url.as_deref()).unwrap()
    );
    assert_eq!(recs[1]["ok"], false);
    assert_eq!(recs[1]["error"], "unreadable");
    assert!(
        recs[1]["message"].as_str().unwrap().contains("404"),
        "{recs:?}"
    );
    assert_eq!(recs[2]["error"], "unreadable");
    assert!(
        recs[2]["message"]
            .as_str()
            .unwrap()
            .contains("application/pdf, not HTML"),
        "{recs:?}"
    );
}

#[test]
fn a_page_over_the_time_budget_is_one_failed_record() {
    let dir = scratch("budget");
    let big = format!("<div>{}</div>", "<p>word ".repeat(300_000));
    std::fs::write(dir.join("big.html"), big).unwrap();
    std::fs::copy(fixture(ARTICLE), dir.join("ok.html")).unwrap();
    let out = tinhloc(&["extract", "--time-budget", "0.000001", path_str(&dir)]);
    let recs = records(&out);
    assert_eq!(recs.len(), 2, "{out:?}");
    assert_eq!(recs[0]["error"], "time_budget_exceeded", "{recs:?}");
    // The same budget is too short for any page: both fail, the batch still ends.
    assert_eq!(out.status.code(), Some(126));
    let out = tinhloc(&["extract", path_str(&dir)]);
    let recs = records(&out);
    assert_eq!(recs[1]["ok"], true, "{recs:?}");
}

#[test]
fn eval_stops_quietly_when_its_reader_closes_the_pipe() {
    let dir = gold_pairs("eval-closed-pipe");
    let mut child = Command::new(env!("CARGO_BIN_EXE_tinhloc"))
        .args(["eval", path_str(&dir)])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run tinhloc");
    // The reader goes away before the report is written (`tinhloc eval DIR | head -0`).
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("wait for tinhloc");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(out.status.code(), Some(0), "{stderr}");
}

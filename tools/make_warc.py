#!/usr/bin/env python3
"""Writes a WARC.gz of HTTP response records built from saved pages, for the CLI's
batch speed figure (issue 16): `tinhloc extract --parallel 1` against `--parallel 2`.

    python3 tools/make_warc.py OUT.warc.gz RECORDS DIR [DIR ...]

Every `*.html` under the folders is one page; pages are used in sorted order and
repeated until RECORDS response records are written, each with a warcinfo-free minimal
header set (WARC-Type, WARC-Record-ID, WARC-Date, WARC-Target-URI, Content-Type,
Content-Length) and one gzip member per record, as crawlers write them. A page's
charset, when its bytes are not UTF-8, is left to the page's own <meta>.
"""

import gzip
import sys
import uuid
from pathlib import Path


def record(target_uri: str, body: bytes) -> bytes:
    http = (
        b"HTTP/1.1 200 OK\r\n"
        b"Content-Type: text/html\r\n"
        + f"Content-Length: {len(body)}\r\n\r\n".encode()
        + body
    )
    header = (
        "WARC/1.0\r\n"
        "WARC-Type: response\r\n"
        f"WARC-Record-ID: <urn:uuid:{uuid.uuid4()}>\r\n"
        "WARC-Date: 2026-12-05T00:00:00Z\r\n"
        f"WARC-Target-URI: {target_uri}\r\n"
        "Content-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http)}\r\n\r\n"
    ).encode()
    return gzip.compress(header + http + b"\r\n\r\n")


def main() -> None:
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    out, records, dirs = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
    pages = sorted(p for d in dirs for p in Path(d).rglob("*.html"))
    if not pages:
        sys.exit("no .html pages under " + " ".join(dirs))
    with open(out, "wb") as warc:
        for i in range(records):
            page = pages[i % len(pages)]
            warc.write(record(f"https://example.org/{i}/{page.name}", page.read_bytes()))
    print(f"{out}: {records} records from {len(pages)} pages")


if __name__ == "__main__":
    main()

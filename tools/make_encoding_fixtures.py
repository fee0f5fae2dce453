#!/usr/bin/env python3
"""Generates the encoding-* fixtures from their clean UTF-8 twin.

    python3 tools/make_encoding_fixtures.py           # (re)write the variant folders
    python3 tools/make_encoding_fixtures.py --check   # exit 1 when a variant is out of date

fixtures/encoding-utf8-twin/ is written by hand. Every variant below holds the same page
in other bytes, with the same expected.txt, so the extractor must give the same NFC text
for each (issue 5):

| folder | bytes | declaration | served as |
|---|---|---|---|
| encoding-windows-1258-meta | windows-1258, tone marks as combining characters | `<meta http-equiv content-type ... charset=windows-1258>` | text/html |
| encoding-windows-1258-undeclared | the same bytes | none | text/html |
| encoding-nfd | UTF-8, every character in NFD | `<meta charset="utf-8">` | utf-8 |
| encoding-utf16-bom | UTF-16LE with a BOM | `<meta charset="utf-16">` | text/html |
| encoding-utf16-no-bom | UTF-16BE without a BOM | `<meta charset="utf-16">` | text/html |
| encoding-mislabeled | UTF-8 | `<meta charset="iso-8859-1">` | text/html |
| encoding-header-vs-meta | UTF-8 | `<meta charset="windows-1252">` | utf-8 |

windows-1258 has precomposed letters for a, e, o, u with circumflex, breve and horn, and
d with stroke, but the five tone marks only as combining characters (like the Vietnamese
Windows keyboard's output). Each character the code page lacks is therefore written as
its base letter (precomposed where possible) followed by its tone mark; decoding gives
combining marks that NFC turns back into the twin's text.

The fixture checker in tests/fixtures.rs decodes pages by their labels only, so it cannot
read the undeclared and mislabeled variants; their must_not lists keep only the ASCII
snippets, which read the same in any ASCII-compatible charset. It cannot read UTF-16
without a BOM either, so that variant has no must_not snippets (issue 15: the extractor
finds the encoding from the zero bytes alone).

Standard library only.
"""

import json
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
TWIN = FIXTURES / "encoding-utf8-twin"
TWIN_META = '<meta charset="utf-8">'

# The combining tone marks of windows-1258: grave, acute, tilde, hook above, dot below.
TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}

HTTP_EQUIV_1258 = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">'


def to_cp1258(text: str) -> bytes:
    """`text` in windows-1258, tone marks split off where the code page needs it."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in decomposed if c in TONE_MARKS)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS))
        out += (base + tones).encode("cp1258")  # raises on a character it cannot hold
    return bytes(out)


def declare(page: str, meta_tag: str) -> str:
    if TWIN_META not in page:
        raise SystemExit(f"{TWIN}/source.html has no {TWIN_META}")
    return page.replace(TWIN_META, meta_tag, 1)


def undeclare(page: str) -> str:
    return page.replace(TWIN_META + "\n", "", 1)


def ascii_only(snippets):
    return [s for s in snippets if s.isascii()]


def variants(page: str):
    """(folder, source bytes, content_type, note, must_not filter) for every variant."""
    utf16_page = declare(page, '<meta charset="utf-16">')
    return [
        (
            "encoding-windows-1258-meta",
            to_cp1258(declare(page, HTTP_EQUIV_1258)),
            "text/html",
            "windows-1258 bytes (tone marks as combining characters), declared by "
            "<meta http-equiv=\"Content-Type\">, served without a charset",
            None,
        ),
        (
            "encoding-windows-1258-undeclared",
            to_cp1258(undeclare(page)),
            "text/html",
            "windows-1258 bytes (tone marks as combining characters) with no declaration "
            "anywhere: the charset must be detected",
            ascii_only,
        ),
        (
            "encoding-nfd",
            unicodedata.normalize("NFD", page).encode("utf-8"),
            "text/html; charset=utf-8",
            "UTF-8 with every character decomposed (NFD)",
            None,
        ),
        (
            "encoding-utf16-bom",
            b"\xff\xfe" + utf16_page.encode("utf-16-le"),
            "text/html",
            "UTF-16LE with a byte order mark, <meta charset=\"utf-16\">",
            None,
        ),
        (
            "encoding-utf16-no-bom",
            utf16_page.encode("utf-16-be"),
            "text/html",
            "UTF-16BE without a byte order mark, <meta charset=\"utf-16\">, served without a charset",
            lambda _: [],
        ),
        (
            "encoding-mislabeled",
            declare(page, '<meta charset="iso-8859-1">').encode("utf-8"),
            "text/html",
            "UTF-8 bytes mislabeled by <meta charset=\"iso-8859-1\">, served without a charset",
            ascii_only,
        ),
        (
            "encoding-header-vs-meta",
            declare(page, '<meta charset="windows-1252">').encode("utf-8"),
            "text/html; charset=utf-8",
            "UTF-8 bytes; the Content-Type header says utf-8 and the page's "
            "<meta charset=\"windows-1252\"> disagrees (the header wins)",
            None,
        ),
    ]


def main() -> int:
    check = "--check" in sys.argv[1:]
    page = (TWIN / "source.html").read_text(encoding="utf-8")
    expected = (TWIN / "expected.txt").read_bytes()
    meta = json.loads((TWIN / "meta.json").read_text(encoding="utf-8"))
    stale = []
    for folder, source, content_type, note, must_not_filter in variants(page):
        variant = dict(meta)
        variant["content_type"] = content_type
        variant["provenance"] = (
            f"generated from encoding-utf8-twin by tools/make_encoding_fixtures.py: {note}; "
            "markup modeled on congthuong.vn (MasterCMS) article template, text written by the project"
        )
        if must_not_filter is not None:
            variant["must_not"] = must_not_filter(meta["must_not"])
        files = {
            "source.html": source,
            "expected.txt": expected,
            "meta.json": (json.dumps(variant, ensure_ascii=False, indent=2) + "\n").encode("utf-8"),
        }
        target = FIXTURES / folder
        for name, data in files.items():
            path = target / name
            if check:
                if not path.exists() or path.read_bytes() != data:
                    stale.append(str(path.relative_to(ROOT)))
            else:
                target.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
    if stale:
        print("out of date (run python3 tools/make_encoding_fixtures.py):")
        for path in stale:
            print("  " + path)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

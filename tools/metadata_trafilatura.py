#!/usr/bin/env python3
"""Metadata accuracy of trafilatura's extract_metadata, scored like benches/metadata.rs.

    ../shared/bench/.venv/bin/python tools/metadata_trafilatura.py            # all sets
    ../shared/bench/.venv/bin/python tools/metadata_trafilatura.py --verbose  # and mismatches
    ../shared/bench/.venv/bin/python tools/metadata_trafilatura.py --set fundus

Sets and gold are those of benches/metadata.rs (fixtures/*/meta.json,
../shared/corpus/vietnamese-portals/metadata.jsonl + index.jsonl, ../shared/corpus/fundus/
index.jsonl; FUNDUS_EXTRA_GOLD=<jsonl> adds {"id", "authors", "published"}), and so are the
matching rules: title and site name equal after collapsing whitespace; published the same
instant at the gold's precision; published_day the same calendar date as written; authors
equal sets ignoring case; language equal primary subtag; page type equal.

trafilatura is asked for a full timestamp (htmldate outputformat "%Y-%m-%dT%H:%M:%S%z",
extensive search, original date); its "author" string is split on ";". It has no language
detection in extract_metadata, so "language" is only what the page declares, when it
reports one.
"""

import json
import os
import sys
import time
from datetime import date
from pathlib import Path

from trafilatura import extract_metadata
from trafilatura.utils import load_html

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
FIELDS = ["title", "published", "published_day", "authors", "site_name", "language", "page_type"]
DATE_CONFIG = {
    "outputformat": "%Y-%m-%dT%H:%M:%S%z",
    "extensive_search": True,
    "original_date": True,
}


def collapse(text):
    return " ".join(str(text).split())


def read_jsonl(path):
    try:
        with open(path, encoding="utf-8") as f:
            return [json.loads(line) for line in f if line.strip()]
    except OSError:
        return []


def fixture_pages():
    pages = []
    for d in sorted((ROOT / "fixtures").iterdir()) if (ROOT / "fixtures").is_dir() else []:
        meta_path = d / "meta.json"
        if not meta_path.is_file():
            continue
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        md = meta.get("metadata")
        kind = meta.get("kind")
        authors = md.get("authors") if isinstance(md, dict) else None
        if authors is None and isinstance(md, dict) and kind == "article":
            authors = []
        pages.append({
            "id": d.name,
            "html": d / "source.html",
            "url": meta.get("url"),
            "gold": {
                "title": md.get("title") if isinstance(md, dict) else None,
                "published": md.get("published") if isinstance(md, dict) else None,
                "authors": authors,
                "site_name": md.get("site_name") if isinstance(md, dict) else None,
                "language": meta.get("language"),
                "page_type": kind,
            },
        })
    return pages


def portal_pages():
    folder = CORPUS / "vietnamese-portals"
    meta = {r["id"]: r for r in read_jsonl(folder / "metadata.jsonl")}
    pages = []
    for record in read_jsonl(folder / "index.jsonl"):
        m = meta.get(record["id"], {})
        pages.append({
            "id": record["id"],
            "html": folder / f"{record['id']}.html",
            "url": record.get("url"),
            "gold": {
                "title": m.get("title"),
                "published": m.get("published"),
                "authors": m.get("authors"),
                "site_name": m.get("site_name"),
                "language": m.get("lang"),
                "page_type": record.get("kind"),
            },
        })
    return pages


def fundus_pages():
    folder = CORPUS / "fundus"
    extra_path = os.environ.get("FUNDUS_EXTRA_GOLD")
    extra = {r["id"]: r for r in read_jsonl(extra_path)} if extra_path else {}
    pages = []
    for record in read_jsonl(folder / "index.jsonl"):
        more = extra.get(record["id"], {})
        pages.append({
            "id": record["id"],
            "html": folder / f"{record['id']}.html",
            "url": record.get("url"),
            "gold": {
                "title": record.get("title"),
                "language": record.get("lang"),
                "published": more.get("published"),
                "authors": more.get("authors"),
            },
        })
    return pages


def days_from_civil(y, m, d):
    return (date(y, m, d) - date(1970, 1, 1)).days


def instant(text):
    """(UTC seconds, precision 0 date / 1 minutes / 2 seconds), or None."""
    t = str(text).strip()
    try:
        days = days_from_civil(int(t[0:4]), int(t[5:7]), int(t[8:10]))
        rest = t[10:]
        if not rest:
            return days * 86400, 0
        rest = rest.lstrip("T ")
        h, mi = int(rest[0:2]), int(rest[3:5])
        tail = rest[5:]
        precision, s = 1, 0
        if tail.startswith(":"):
            s = int(tail[1:3])
            precision = 2
            tail = tail[3:]
        tail = tail.lstrip(".0123456789").strip()
        offset = 0
        if tail and tail != "Z":
            sign = -1 if tail.startswith("-") else 1
            digits = "".join(c for c in tail if c.isdigit())
            offset = sign * (int(digits[0:2]) * 3600 + (int(digits[2:4]) if len(digits) >= 4 else 0) * 60)
        return days * 86400 + h * 3600 + mi * 60 + s - offset, precision
    except (ValueError, IndexError):
        return None


def local(text):
    """The wall-clock part of a time and whether an offset followed it."""
    t = str(text).strip()
    for i, c in enumerate(t):
        if i >= 11 and c in "+-Z":
            return t[:i].rstrip(), True
    return t, False


def same_instant(want, got):
    """Same instant at the gold's precision; a gold without offset is a wall-clock time."""
    wall, has_offset = local(want)
    if not has_offset:
        want, got = wall, local(got)[0]
    w, g = instant(want), instant(got)
    if w is None or g is None:
        return False
    if w[1] == 0:
        return str(want)[0:10] == str(got)[0:10]
    if w[1] == 1:
        return w[0] // 60 == g[0] // 60
    return w[0] == g[0]


def author_set(names):
    return sorted({collapse(n).lower() for n in names})


def predict(page):
    html = load_html(page["html"].read_bytes())
    if html is None:
        return None
    doc = extract_metadata(html, default_url=page["url"], date_config=DATE_CONFIG)
    if doc is None:
        return None
    d = doc.as_dict()
    authors = [a.strip() for a in (d.get("author") or "").split(";") if a.strip()]
    pagetype = (d.get("pagetype") or "").lower()
    return {
        "title": d.get("title"),
        "published": d.get("date"),
        "authors": authors,
        "site_name": d.get("sitename"),
        "language": d.get("language"),
        # trafilatura's pagetype is og:type; anything but a listing-like type is an article.
        "page_type": "listing" if pagetype in ("website", "homepage", "listing") else "article",
    }


def compare(field, gold, got):
    """(ok, want, got) or None when the gold lacks the field."""
    got = got or {}
    if field in ("title", "site_name"):
        want = gold.get(field)
        if want is None:
            return None
        return (got.get(field) is not None and collapse(got[field]) == collapse(want)), want, got.get(field)
    if field == "published":
        want = gold.get("published")
        if want is None:
            return None
        return bool(got.get("published")) and same_instant(want, got["published"]), want, got.get("published")
    if field == "published_day":
        want = gold.get("published")
        if want is None:
            return None
        return bool(got.get("published")) and str(got["published"])[0:10] == str(want)[0:10], want[0:10], got.get("published")
    if field == "authors":
        want = gold.get("authors")
        if want is None:
            return None
        return author_set(want) == author_set(got.get("authors") or []), want, got.get("authors")
    if field == "language":
        want = gold.get("language")
        if want is None:
            return None
        primary = lambda l: str(l).replace("_", "-").split("-")[0].lower()
        return bool(got.get("language")) and primary(got["language"]) == primary(want), want, got.get("language")
    if field == "page_type":
        want = gold.get("page_type")
        if want is None:
            return None
        return got.get("page_type") == want, want, got.get("page_type")
    return None


def score(name, pages, verbose):
    tally = {f: [0, 0] for f in FIELDS}
    misses = []
    failures = 0
    start = time.time()
    for page in pages:
        try:
            got = predict(page)
        except Exception as error:  # a crash on one page is a miss, not the end
            got = None
            misses.append(f"{page['id']}: error {error!r}")
        if got is None:
            failures += 1
        for field in FIELDS:
            result = compare(field, page["gold"], got)
            if result is None:
                continue
            ok, want, found = result
            tally[field][1] += 1
            if ok:
                tally[field][0] += 1
            else:
                misses.append(f"{page['id']}: {field}: want {want!r} got {found!r}")
    print(f"== {name}: {len(pages)} pages, {failures} extraction errors, {time.time() - start:.2f}s")
    for field in FIELDS:
        ok, total = tally[field]
        if total:
            print(f"{field:<14} {ok:>4}/{total:<4} {100.0 * ok / total:>6.1f} %")
    if verbose:
        for line in misses:
            print("  " + line)
    print()


def main():
    args = sys.argv[1:]
    verbose = "--verbose" in args or "-v" in args
    only = args[args.index("--set") + 1] if "--set" in args and args.index("--set") + 1 < len(args) else None
    for name, loader in (("fixtures", fixture_pages), ("vietnamese-portals", portal_pages), ("fundus", fundus_pages)):
        if only and only != name:
            continue
        pages = [p for p in loader() if p["html"].is_file()]
        if not pages:
            print(f"== {name}: no pages found, skipped\n")
            continue
        score(name, pages, verbose)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Quick tuning loop on the WCXB dev split (laid out by ../shared/tools/wcxb_dev.py into
the git-ignored wcxb/ folder): extract every page with the built CLI, score each page with
WCXB's bag-of-words F1 (lower-cased \\w+ tokens), print the means by page kind, and compare
with an earlier run page by page.

    python3 tools/wcxb_loop.py run NAME [--scope any|article]   # $TINHLOC_BIN or target/release/tinhloc
    python3 tools/wcxb_loop.py diff OLD NEW [N]                  # N largest changes each way

Runs are kept in /tmp/wcxb-loop/NAME (texts/tinhloc/<id>.txt, pages.json, and the CLI's
records.jsonl with page types and errors), so a
harness peer's texts can be scored the same way (see `score`):

    python3 tools/wcxb_loop.py score /tmp/runs/X/texts/rs_trafilatura rs
"""
import json
import os
import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATASET = ROOT / "wcxb" / "all-dev"
RUNS = Path("/tmp/wcxb-loop")


def tokens(text):
    return re.findall(r"\w+", (text or "").lower())


def page_f1(pred, ref):
    p, r = tokens(pred), tokens(ref)
    if not r:
        return (1.0, 1.0, 1.0) if not p else (0.0, 0.0, 0.0)
    if not p:
        return (0.0, 0.0, 0.0)
    overlap = sum((Counter(p) & Counter(r)).values())
    precision, recall = overlap / len(p), overlap / len(r)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return (precision, recall, f1)


def index():
    lines = (DATASET / "index.jsonl").read_text().splitlines()
    return {json.loads(l)["id"]: json.loads(l) for l in lines if l.strip()}


def score(texts, name):
    out = RUNS / name
    out.mkdir(parents=True, exist_ok=True)
    pages, by_kind = {}, defaultdict(list)
    for fid, rec in index().items():
        pred = texts.get(fid, "")
        p, r, f = page_f1(pred, (DATASET / f"{fid}.txt").read_text(encoding="utf-8"))
        pages[fid] = {"kind": rec["kind"], "P": p, "R": r, "F": f, "url": rec["url"]}
        by_kind["all"].append((p, r, f))
        by_kind[rec["kind"]].append((p, r, f))
    (out / "pages.json").write_text(json.dumps(pages))
    for kind, rows in sorted(by_kind.items(), key=lambda kv: (kv[0] != "all", kv[0])):
        n = len(rows)
        means = [sum(row[i] for row in rows) / n for i in range(3)]
        print(f"{kind:14s} {n:5d} P {means[0]:.3f} R {means[1]:.3f} F {means[2]:.4f}")


def run(name, scope):
    cli = os.environ.get("TINHLOC_BIN") or ROOT / "target" / "release" / "tinhloc"
    jsonl = subprocess.run([str(cli), "extract", "-q", "--scope", scope, str(DATASET)],
                           capture_output=True, text=True).stdout
    folder = RUNS / name / "texts" / "tinhloc"
    folder.mkdir(parents=True, exist_ok=True)
    (RUNS / name / "records.jsonl").write_text(jsonl)
    texts = {}
    for line in jsonl.splitlines():
        record = json.loads(line)
        fid = Path(record["source"]).stem
        texts[fid] = record.get("text") or ""
        (folder / f"{fid}.txt").write_text(texts[fid], encoding="utf-8")
    score(texts, name)


def diff(old, new, n):
    a = json.loads((RUNS / old / "pages.json").read_text())
    b = json.loads((RUNS / new / "pages.json").read_text())
    changes = sorted((b[k]["F"] - a[k]["F"], k) for k in a)
    for label, rows in (("worse", changes[:n]), ("better", changes[::-1][:n])):
        print(f"{label}:")
        for delta, k in rows:
            if abs(delta) > 0.001 and (delta < 0) == (label == "worse"):
                print(f"  {delta:+.3f} {k} {a[k]['kind']:13s} {a[k]['F']:.3f}->{b[k]['F']:.3f} {a[k]['url'][:70]}")


if __name__ == "__main__":
    args = sys.argv[1:]
    if len(args) >= 2 and args[0] == "run":
        scope = args[3] if len(args) > 3 and args[2] == "--scope" else "any"
        run(args[1], scope)
    elif len(args) >= 3 and args[0] == "diff":
        diff(args[1], args[2], int(args[3]) if len(args) > 3 else 10)
    elif len(args) == 3 and args[0] == "score":
        folder = Path(args[1])
        score({f.stem: f.read_text(errors="replace") for f in folder.glob("*.txt")}, args[2])
    else:
        sys.exit(__doc__)

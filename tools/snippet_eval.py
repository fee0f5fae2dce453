#!/usr/bin/env python3
"""Score extracted texts against with/without snippets, the way trafilatura's own evaluation
does (tests/eval_common.py): per page, each `with` snippet found in the output (whitespace
normalised) is a true positive, missing a false negative; each `without` snippet found is a
false positive, missing a true negative. Precision, recall, accuracy and F1 are pooled over
all pages.

The corpus is ../shared/corpus/trafilatura-eval-multilingual (111 pages, es fr pl pt zh ...):
a set we measure on and never tune on.

    python3 tools/snippet_eval.py run [CORPUS]        # $TINHLOC_BIN or target/release/tinhloc
    python3 tools/snippet_eval.py score TEXTS_DIR... [--corpus CORPUS]

`score` takes folders of `<id>.txt` (the side-by-side harness writes one per peer under
`--out DIR/texts/<peer>`; run it on a copy of the corpus holding an empty `<id>.txt` per page,
as the harness needs a gold file to pick a page up).
"""
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "trafilatura-eval-multilingual"


def normalise(text):
    return " ".join((text or "").split())


def found(snippets, text):
    """How many of the (non-null) snippets occur in the normalised text, and how many not."""
    snippets = [normalise(s) for s in snippets or [] if s is not None]
    hits = sum(1 for s in snippets if s in text)
    return hits, len(snippets) - hits


def score(texts, corpus):
    tp = fn = fp = tn = 0
    for snippets_path in sorted(corpus.glob("*.snippets.json")):
        page = snippets_path.name[: -len(".snippets.json")]
        gold = json.loads(snippets_path.read_text(encoding="utf-8"))
        text = normalise(texts.get(page, ""))
        kept, lost = found(gold.get("with"), text)
        leaked, left_out = found(gold.get("without"), text)
        tp, fn, fp, tn = tp + kept, fn + lost, fp + leaked, tn + left_out
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = (tp + tn) / (tp + tn + fp + fn) if tp + tn + fp + fn else 0.0
    return {"P": precision, "R": recall, "F1": f1, "accuracy": accuracy,
            "tp": tp, "fn": fn, "fp": fp, "tn": tn}


def report(name, result):
    print(f"{name:24s} P {result['P']:.3f} R {result['R']:.3f} F1 {result['F1']:.3f} "
          f"acc {result['accuracy']:.3f} (tp {result['tp']} fn {result['fn']} "
          f"fp {result['fp']} tn {result['tn']})")


def run(corpus):
    cli = os.environ.get("TINHLOC_BIN") or ROOT / "target" / "release" / "tinhloc"
    jsonl = subprocess.run([str(cli), "extract", "-q", str(corpus)],
                           capture_output=True, text=True).stdout
    texts = {}
    for line in jsonl.splitlines():
        record = json.loads(line)
        texts[Path(record["source"]).stem] = record.get("text") or ""
    report("tinhloc", score(texts, corpus))


def score_folders(folders, corpus):
    for folder in folders:
        texts = {p.stem: p.read_text(encoding="utf-8", errors="replace")
                 for p in Path(folder).glob("*.txt")}
        report(Path(folder).name, score(texts, corpus))


if __name__ == "__main__":
    args = sys.argv[1:]
    corpus = CORPUS
    if "--corpus" in args:
        at = args.index("--corpus")
        corpus = Path(args[at + 1])
        del args[at : at + 2]
    if args and args[0] == "run":
        run(Path(args[1]) if len(args) > 1 else corpus)
    elif len(args) >= 2 and args[0] == "score":
        score_folders(args[1:], corpus)
    else:
        sys.exit(__doc__)

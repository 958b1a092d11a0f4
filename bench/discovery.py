#!/usr/bin/env python3
"""Score govcrawl's list-page reading on the labelled list pages with ../shared/eval/score_lists.py."""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
LISTS = ROOT.parent / "shared" / "corpus" / "lists"
SCORE_LISTS_PY = ROOT.parent / "shared" / "eval" / "score_lists.py"
ROWS = ("mean_recall", "mean_precision", "mean_f1", "pages_recall_ge_0.9", "pages_zero_found",
        "next_page_found", "not_list_predicted")


def load_scorer() -> ModuleType:
    """The shared list metric, imported by path (never copied)."""
    spec = importlib.util.spec_from_file_location("govcrawl_bench_score_lists", SCORE_LISTS_PY)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot import {SCORE_LISTS_PY}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def predict(label: dict[str, Any], folder: Path) -> dict[str, Any]:
    """What govcrawl reads on one saved list page, in score_lists.py's prediction shape."""
    from govcrawl.extract import decode_html
    from govcrawl.extract.listing import extract_listing

    listing = extract_listing(decode_html((folder / label["file"]).read_bytes()), label["url"])
    nexts = [r.url for r in listing.list_requests if r.rel == "next"]
    pages = sorted((r for r in listing.list_requests if r.rel == "page" and r.page), key=lambda r: r.page)
    return {"file": label["file"], "article_urls": listing.article_urls,
            "next_page": (nexts or [r.url for r in pages])[:1][0] if nexts or pages else None,
            "list_urls": [r.url for r in listing.list_requests]}


def main(argv: list[str] | None = None) -> int:
    """Predict, score and print the summary (and the misses with --show-misses)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lists", type=Path, default=LISTS, metavar="DIR")
    ap.add_argument("--json", type=Path, metavar="FILE", help="also write the figures here")
    ap.add_argument("--show-misses", action="store_true")
    args = ap.parse_args(argv)
    scorer = load_scorer()
    labels = scorer.load(str(args.lists / "labels.jsonl"))
    start = time.perf_counter()
    predictions = {key: predict(label, args.lists) for key, label in labels.items()}
    seconds = time.perf_counter() - start
    results = [scorer.score_page(labels[key], predictions.get(key)) for key in sorted(labels)]
    summary = {**scorer.summarise(results), "pages/s": len(labels) / seconds}
    print(f"{len(labels)} labelled list pages from {args.lists}")
    for result in results:
        recall = f"{result['recall']:.3f}" if "recall" in result else "-"
        precision = f"{result['precision']:.3f}" if "precision" in result else "-"
        nxt = "-" if "next_found" not in result else ("found" if result["next_found"] else "MISSED")
        print(f"  {result['id']:12s} {result['kind']:9s} labelled {result['n_labelled']:>4} "
              f"predicted {result['n_predicted']:>4}  recall {recall:>5}  precision {precision:>5}  next {nxt}")
    for row in ROWS:
        value = summary[row]
        print(f"{row:24s} {value:.3f}" if isinstance(value, float) else f"{row:24s} {value}")
    print(f"{'next_page_labelled':24s} {summary['next_page_labelled']}")
    print(f"{'pages/s':24s} {summary['pages/s']:.1f}")
    if args.show_misses:
        for result in results:
            for url in result["missed"]:
                print(f"{result['id']}: missed {url}")
            for url in result["false_positives"]:
                print(f"{result['id']}: wrong  {url}")
    if args.json:
        args.json.write_text(json.dumps({"summary": summary, "pages": results}, ensure_ascii=False, indent=1),
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Score govcrawl's list-page reader (``extract_listing``) on the labelled list pages."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from govcrawl.extract.encoding import decode_html  # noqa: E402
from govcrawl.extract.listing import ListingPage, extract_listing  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import import_by_path  # noqa: E402

DEFAULT_LISTS = ROOT.parent / "shared" / "corpus" / "lists"
SCORE_LISTS_PY = ROOT.parent / "shared" / "eval" / "score_lists.py"


def load_scorer() -> ModuleType:
    """The shared list metric, score_lists.py."""
    return import_by_path(SCORE_LISTS_PY, "govcrawl_bench_score_lists")


def prediction(file: str, page: ListingPage) -> dict[str, Any]:
    """score_lists.py's prediction shape for one list page."""
    nexts = [r.url for r in page.list_requests if r.rel == "next"]
    return {"file": file, "article_urls": page.article_urls, "next_page": nexts[0] if nexts else None,
            "list_urls": [r.url for r in page.list_requests if r.formdata is None]}


def run(lists: Path, repeat: int) -> tuple[dict[str, dict[str, Any]], float]:
    """Predictions for every labelled page, and pages per second of extract_listing."""
    scorer = load_scorer()
    labels = scorer.load(str(lists / "labels.jsonl"))
    pages = {f: decode_html((lists / f).read_bytes()) for f in labels}
    predictions: dict[str, dict[str, Any]] = {}
    start = time.perf_counter()
    for _ in range(repeat):
        for file, html in pages.items():
            predictions[file] = prediction(file, extract_listing(html, labels[file]["url"]))
    elapsed = time.perf_counter() - start
    return predictions, len(pages) * repeat / elapsed if elapsed else 0.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--lists", type=Path, default=DEFAULT_LISTS, help="folder with labels.jsonl")
    ap.add_argument("--repeat", type=int, default=3, help="timing passes")
    ap.add_argument("--json", type=Path, help="write the summary and per-page rows here")
    ap.add_argument("--show-misses", action="store_true")
    args = ap.parse_args(argv)
    scorer = load_scorer()
    labels = scorer.load(str(args.lists / "labels.jsonl"))
    predictions, rate = run(args.lists, args.repeat)
    results = [scorer.score_page(labels[f], predictions.get(f)) for f in sorted(labels)]
    s = scorer.summarise(results)
    fmt = scorer.fmt
    n = s["list_pages_scored"]
    print(f"list pages {s['pages']} (scored {n}, not_list {s['not_list_pages']})")
    print(f"mean recall     {fmt(s['mean_recall'])}")
    print(f"mean precision  {fmt(s['mean_precision'])}")
    print(f"mean F1         {fmt(s['mean_f1'])}")
    print(f"recall >= 0.9   {s['pages_recall_ge_0.9']}/{n}")
    print(f"nothing found   {s['pages_zero_found']}/{n}")
    print(f"next page found {s['next_page_found']}/{s['next_page_labelled']}")
    print(f"not_list pages: article URLs predicted {s['not_list_predicted']}")
    print(f"pages/s         {rate:.1f}")
    if args.show_misses:
        for r in results:
            print(f"\n== {r['id']} ({r['group']}) labelled {r['n_labelled']} predicted {r['n_predicted']}")
            for u in r["missed"]:
                print(f"  missed  {u}")
            for u in r["false_positives"]:
                print(f"  wrong   {u}")
            if r.get("next_found") is False:
                print(f"  next page not found: {r['next_labelled']}")
    if args.json:
        summary = {**s, "pages/s": rate}
        args.json.write_text(json.dumps({"summary": summary, "pages": results}, ensure_ascii=False,
                                        indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

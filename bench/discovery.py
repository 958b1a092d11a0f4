#!/usr/bin/env python3
"""Score govcrawl's list-page reader (``extract_listing``) on the labelled list pages.

Three sets by default: the shared pages (``../shared/corpus/lists``), the real pages kept as
fixtures (``tests/extract/fixtures/lists/real``) and the real pages waiting beside them
(``…/lists/pending``, see its README); each is scored alone and all together.
"""

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
REAL_LISTS = ROOT / "tests" / "extract" / "fixtures" / "lists" / "real"
PENDING_LISTS = ROOT / "tests" / "extract" / "fixtures" / "lists" / "pending"
DEFAULT_SETS = {"shared": DEFAULT_LISTS, "real": REAL_LISTS, "pending": PENDING_LISTS}
SCORE_LISTS_PY = ROOT.parent / "shared" / "eval" / "score_lists.py"
ARTICLE_PAGES = ROOT.parent / "shared" / "corpus"


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


def score_set(lists: Path, repeat: int) -> tuple[list[dict[str, Any]], float]:
    """score_lists.py's per-page rows for one folder of labelled list pages, and pages/s."""
    scorer = load_scorer()
    labels = scorer.load(str(lists / "labels.jsonl"))
    predictions, rate = run(lists, repeat)
    return [scorer.score_page(labels[f], predictions.get(f)) for f in sorted(labels)], rate


def score_sets(sets: dict[str, Path], repeat: int) -> dict[str, dict[str, Any]]:
    """Each set's summary and rows, and "all": the sets' pages together."""
    scorer = load_scorer()
    out: dict[str, dict[str, Any]] = {}
    for name, folder in sets.items():
        rows, rate = score_set(folder, repeat)
        for row in rows:
            row["set"] = name
        out[name] = {"summary": {**scorer.summarise(rows), "pages/s": rate}, "pages": rows}
    if len(sets) > 1:
        rows = [row for name in sets for row in out[name]["pages"]]
        out["all"] = {"summary": scorer.summarise(rows), "pages": rows}
    return out


def print_summary(name: str, s: dict[str, Any]) -> None:
    """One set's figures, one a line."""
    fmt = load_scorer().fmt
    n = s["list_pages_scored"]
    print(f"== {name}: list pages {s['pages']} (scored {n}, ajax {s['no_article_list_pages']}, "
          f"not_list {s['not_list_pages']})")
    print(f"mean recall     {fmt(s['mean_recall'])}")
    print(f"mean precision  {fmt(s['mean_precision'])}")
    print(f"mean F1         {fmt(s['mean_f1'])}")
    print(f"recall >= 0.9   {s['pages_recall_ge_0.9']}/{n}")
    print(f"nothing found   {s['pages_zero_found']}/{n}")
    print(f"next page found {s['next_page_found']}/{s['next_page_labelled']}")
    print(f"not_list pages: article URLs predicted {s['not_list_predicted']}")
    if "pages/s" in s:
        print(f"pages/s         {s['pages/s']:.1f}")


def articles_read_as_lists(corpus: Path) -> list[tuple[str, int]]:
    """The labelled article pages that extract_listing reads as lists, with their link counts."""
    labels = corpus / "labels.jsonl"
    if not labels.exists():
        return []
    urls = {row["file"]: row.get("url") for line in labels.read_text(encoding="utf-8").splitlines()
            if line and (row := json.loads(line))}
    found = []
    for file, url in sorted(urls.items()):
        page = extract_listing(decode_html((corpus / "pages" / file).read_bytes()), url or "http://example.com/a.html")
        if page.kind == "list":
            found.append((file, len(page.article_urls)))
    return found


def print_misses(rows: list[dict[str, Any]]) -> None:
    """Every missed article, wrong article and missed next page."""
    for r in rows:
        print(f"\n== {r.get('set', '')}/{r['id']} ({r['group']}) labelled {r['n_labelled']} "
              f"predicted {r['n_predicted']}")
        for u in r["missed"]:
            print(f"  missed  {u}")
        for u in r["false_positives"]:
            print(f"  wrong   {u}")
        if r.get("next_found") is False:
            print(f"  next page not found: {r['next_labelled']}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lists", type=Path, action="append",
                    help="folder with labels.jsonl (repeatable; default: the shared, real and pending sets)")
    ap.add_argument("--repeat", type=int, default=3, help="timing passes")
    ap.add_argument("--json", type=Path, help="write the summaries and per-page rows here")
    ap.add_argument("--show-misses", action="store_true")
    args = ap.parse_args(argv)
    sets = {p.name: p for p in args.lists} if args.lists else DEFAULT_SETS
    scored = score_sets(sets, args.repeat)
    for name, result in scored.items():
        print_summary(name, result["summary"])
    together = scored.get("all") or next(iter(scored.values()))
    if not args.lists:
        misread = articles_read_as_lists(ARTICLE_PAGES)
        print(f"== article pages (../shared/corpus/pages) read as lists: {len(misread)} "
              f"({', '.join(f'{f} {n}' for f, n in misread)})")
    if args.show_misses:
        print_misses(together["pages"])
    if args.json:
        report = {"summary": together["summary"], "pages": together["pages"],
                  "sets": {name: result["summary"] for name, result in scored.items()}}
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

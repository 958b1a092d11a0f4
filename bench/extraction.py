#!/usr/bin/env python3
"""Score govcrawl, trafilatura, GNE and readability-lxml on the labelled corpus, side by side."""

from __future__ import annotations

import argparse
import importlib.util
import json
import logging
import re
import resource
import statistics
import sys
import time
from collections.abc import Callable
from itertools import cycle, islice
from pathlib import Path
from types import ModuleType
from typing import Any

import lxml.html
from corpus import DEFAULT_CORPUS, FETCHED_AT, Page, load_pages, load_score

EXTRACTORS = ("govcrawl", "trafilatura", "gne", "readability")
ROWS = ("title", "date", "time", "source", "source_when_none", "body_p", "body_r", "body_f1",
        "pages_f1_ge_0.95", "pages_with_chrome_leak", "pages/s", "x_parse_time")

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([-\w.:]+)""", re.I)
# Peers hand back dates as 2019-09-18 06:23:12, 2019/9/18, 2019年09月18日 06:23 and the like.
_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
                   r"(?:(?:\s*|T)(\d{1,2})\s*[:：时]\s*(\d{1,2}))?")
_BLOCKS = frozenset({"p", "div", "br", "li", "ul", "ol", "tr", "table", "pre", "blockquote",
                     "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "figure",
                     "figcaption", "center", "dd", "dt", "dl", "hr", "body"})

Extractor = Callable[[bytes, str], dict[str, Any]]


def decode(body: bytes) -> str:
    """Page text for the peers: UTF-8 when it decodes, else the declared GB or Big5 charset."""
    try:
        return body.decode("utf-8-sig")
    except UnicodeDecodeError:
        match = _META_CHARSET.search(body[:16384])
    # A Chinese page that is not UTF-8 is GB (GB18030 covers gb2312/gbk) or, rarely, Big5.
    big5 = match is not None and b"big5" in match.group(1).lower()
    return body.decode("big5hkscs" if big5 else "gb18030", errors="replace")


def iso_date(text: str | None) -> str | None:
    """A peer's date string as YYYY-MM-DDTHH:MM or YYYY-MM-DD; None when there is no date."""
    match = _DATE.search(text or "")
    if not match or not (1 <= int(match[2]) <= 12 and 1 <= int(match[3]) <= 31):
        return None
    year, month, day, hour, minute = match.groups()
    date = f"{year}-{int(month):02d}-{int(day):02d}"
    timed = hour is not None and int(hour) < 24 and int(minute) < 60
    return f"{date}T{int(hour):02d}:{int(minute):02d}" if timed else date


def html_text(html: str) -> str:
    """Text of an HTML fragment, one block element per line."""
    if not html.strip():
        return ""
    tree = lxml.html.fromstring(html)
    for el in tree.iter():
        if el.tag in _BLOCKS:
            el.text, el.tail = "\n" + (el.text or ""), "\n" + (el.tail or "")
    return tree.text_content()


def record(title: str | None, published: str | None, body: str | None) -> dict[str, Any]:
    """A peer's prediction in govcrawl's record shape (no peer reports a 来源, so source=None)."""
    lines = (line.strip() for line in (body or "").splitlines())
    return {"title": title, "published_at": iso_date(published), "source": None,
            "body": "\n".join(line for line in lines if line)}


def make_govcrawl() -> Extractor:
    """govcrawl's whole record (extraction, hash, schema check), as ``govcrawl extract`` makes it."""
    from govcrawl.offline import SavedPageSite, extract_saved_page

    site = SavedPageSite()
    return lambda body, url: extract_saved_page(body, url, site, FETCHED_AT)


def make_trafilatura() -> Extractor:
    """trafilatura: one bare_extraction gives title, date and the same text as extract(txt)."""
    import trafilatura

    def run(body: bytes, url: str) -> dict[str, Any]:
        doc = trafilatura.bare_extraction(decode(body), url=url, include_tables=True,
                                          with_metadata=True)
        if doc is None:
            return record(None, None, None)
        # extract(output_format="txt") appends the comments it found; so do we.
        return record(doc.title, doc.date, "\n".join(filter(None, (doc.text, doc.comments))))

    return run


def make_gne() -> Extractor:
    """GNE (GeneralNewsExtractor): title, publish_time and content."""
    from gne import GeneralNewsExtractor
    from gne.exceptions import NoContentException

    extractor = GeneralNewsExtractor()

    def run(body: bytes, url: str) -> dict[str, Any]:
        try:
            out = extractor.extract(decode(body))
        except NoContentException:
            out = {}
        return record(out.get("title"), out.get("publish_time"), out.get("content"))

    return run


def make_readability() -> Extractor:
    """readability-lxml: short_title() and summary() as text; it reports no date."""
    from readability import Document

    def run(body: bytes, url: str) -> dict[str, Any]:
        doc = Document(decode(body), url=url)
        return record(doc.short_title(), None, html_text(doc.summary(html_partial=True)))

    return run


MAKERS: dict[str, Callable[[], Extractor]] = {
    "govcrawl": make_govcrawl, "trafilatura": make_trafilatura,
    "gne": make_gne, "readability": make_readability,
}


def best_pass(extract: Callable[[bytes, str], Any], pages: list[Page], passes: int) -> list[float]:
    """Seconds of each timed pass over the pages (results dropped at once, as a crawl does)."""
    times = []
    for _ in range(passes):
        start = time.perf_counter()
        for page in pages:
            extract(page.body, page.url)
        times.append(time.perf_counter() - start)
    return times


def parse_floor(pages: list[Page], passes: int) -> float:
    """pages/s of ``lxml.html.fromstring`` alone: what any extractor that parses once must pay."""
    return len(pages) / min(best_pass(lambda body, _url: lxml.html.fromstring(body), pages, passes))


def bench_one(name: str, pages: list[Page], labels: list[dict[str, Any]], passes: int,
              scorer: ModuleType, copies: int) -> dict[str, Any]:
    """Score one extractor on the pages; time passes over ``copies`` copies of them, keep the best."""
    extract = MAKERS[name]()
    preds = {page.file: {"file": page.file, **extract(page.body, page.url)} for page in pages}
    summary, _rows = scorer.score(labels, preds)
    timed = pages * copies
    times = best_pass(extract, timed, passes)
    summary["pages/s"] = len(timed) / min(times)
    summary["timing"] = {"passes": passes, "pages_per_pass": len(timed), "best_s": min(times),
                         "median_s": statistics.median(times)}
    summary["rejected"] = sum(1 for pred in preds.values() if pred.get("rejected"))
    return summary


def cell(value: Any) -> str:
    """One table cell: shares to three places, counts as integers, speeds to one place."""
    if value is None:
        return "n/a"
    if isinstance(value, int):
        return str(value)
    return f"{value:.1f}" if value >= 10 else f"{value:.3f}"


def print_table(results: dict[str, dict[str, Any]], passes: int) -> None:
    """The side-by-side table: one row per figure, one column per extractor."""
    names = list(results)
    print(f"{'':24s}" + "".join(f"{n:>13s}" for n in names))
    for row in ROWS:
        print(f"{row:24s}" + "".join(f"{cell(results[n].get(row)):>13s}" for n in names))
    print(f"\npages/s: extraction only, pages preloaded as bytes, one process, "
          f"best of {passes} timed passes for every extractor and for the bare parse.")
    for name in names:
        if results[name]["rejected"]:
            print(f"{name}: {results[name]['rejected']} page(s) rejected by the pipelines")


def rss_mib() -> float:
    """Resident set size now (VmRSS); peak RSS where there is no /proc."""
    status = Path("/proc/self/status")
    if status.exists():
        line = next(ln for ln in status.read_text().splitlines() if ln.startswith("VmRSS:"))
        return int(line.split()[1]) / 1024
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


def run_memory(pages: list[Page], total: int) -> dict[str, Any]:
    """govcrawl over the corpus cycled to ``total`` pages, RSS sampled every 1,000 pages."""
    extract = make_govcrawl()
    print(f"govcrawl over {total} pages ({len(pages)} corpus pages cycled); "
          f"RSS before: {rss_mib():.1f} MiB")
    samples: list[tuple[int, float]] = []
    start = window = time.perf_counter()
    for done, page in enumerate(islice(cycle(pages), total), 1):
        extract(page.body, page.url)
        if done % 1000 == 0 or done == total:
            step = done - (samples[-1][0] if samples else 0)
            samples.append((done, rss_mib()))
            rate, window = step / (time.perf_counter() - window), time.perf_counter()
            print(f"{done:>8d} pages  RSS {samples[-1][1]:8.1f} MiB  {rate:7.1f} pages/s")
    rate, (first, last) = total / (time.perf_counter() - start), (samples[0][1], samples[-1][1])
    print(f"first {first:.1f} MiB (after {samples[0][0]} pages), last {last:.1f} MiB, "
          f"growth {last - first:+.1f} MiB; {rate:.1f} pages/s overall")
    return {"pages": total, "samples": samples, "first_mib": first, "last_mib": last,
            "growth_mib": last - first, "pages/s": rate}


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The command line."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", action="append", choices=EXTRACTORS, help="run just these")
    ap.add_argument("--json", type=Path, metavar="FILE", help="also write the figures here")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, metavar="DIR")
    # --repeat: the old spelling, which tests/test_bench.py still passes
    ap.add_argument("--passes", "--repeat", type=int, default=5, metavar="N",
                    help="timed passes of every extractor and of the bare parse (the best counts)")
    ap.add_argument("--copies", type=int, default=8, help="copies of the corpus in a timed pass")
    ap.add_argument("--memory", type=int, metavar="N", help="memory run over N pages instead")
    return ap.parse_args(argv)


def run_bench(args: argparse.Namespace, scorer: ModuleType, labels: list[dict[str, Any]],
              pages: list[Page]) -> dict[str, Any]:
    """Every requested extractor that is installed, scored and timed; prints the table."""
    results, skipped = {}, []
    for name in args.only or EXTRACTORS:
        if name != "govcrawl" and importlib.util.find_spec(name) is None:
            print(f"skipped {name}: not installed (pip install -e .[bench])")
            skipped.append(name)
            continue
        results[name] = bench_one(name, pages, labels, args.passes, scorer, args.copies)
    floor = parse_floor(pages * args.copies, args.passes)
    for summary in results.values():
        summary["x_parse_time"] = floor / summary["pages/s"]
    print(f"{len(pages)} labelled pages from {args.corpus}; timed on {args.copies} copies of them\n")
    print_table(results, args.passes)
    print(f"lxml.html.fromstring alone: {floor:.1f} pages/s (x_parse_time: an extractor's time per page "
          "over the bare parse's)")
    return {"corpus": str(args.corpus), "pages": len(pages), "copies": args.copies, "passes": args.passes,
            "lxml_parse_pages/s": floor, "extractors": results, "skipped": skipped}


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark (or the memory run) and print the figures."""
    args = parse_args(argv)
    for noisy in ("trafilatura", "htmldate", "readability", "gne"):
        logging.getLogger(noisy).setLevel(logging.ERROR)
    scorer = load_score()
    labels = scorer.load(args.corpus / "labels.jsonl")
    pages = load_pages(args.corpus, scorer, labels)
    if args.memory:
        figures = {"memory": run_memory(pages, args.memory)}
    else:
        figures = run_bench(args, scorer, labels, pages)
    if args.json:
        args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=2) + "\n",
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

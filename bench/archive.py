#!/usr/bin/env python3
"""What the WARC archive costs: crawl time with and without --archive, archive size against the
bytes fetched, and `govcrawl reextract` records/s over the archive.

Generates a TRS-style site of N articles (default 1,000, 20 to a list page), serves it on loopback
(answering at once: the crawl is CPU-bound, the worst case for the archive's share of the time),
and runs `govcrawl crawl` with and without `--archive`, alternating for --rounds rounds so that a
busy spell of the machine falls on both. Crawl time is the run report's `duration_s` (first to
last request); wall time includes process start-up. Then `govcrawl reextract` of the last archive,
timed whole (start-up included) and per record. Goals (issue #22): overhead ≤ 10%; reextract at
least the extraction bench's rate, less the reading. With --against CHECKOUT (another govcrawl
tree: `git archive main | tar -x -C /tmp/main`), reextract of that same archive by that tree's
code and by this one's, each in a fresh warmed-up process, alternating for --rounds rounds.

usage: bench/archive.py [--articles N] [--rounds R] [--against CHECKOUT]… [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cli_run import run_govcrawl  # noqa: E402

from govcrawl.siteserver import serve_site  # noqa: E402
from tests.sitegen import GeneratedSite  # noqa: E402

LOOPBACK = ["DOWNLOAD_DELAY=0", "AUTOTHROTTLE_ENABLED=False", "CONCURRENT_REQUESTS=16",
            "CONCURRENT_REQUESTS_PER_DOMAIN=16", "ROBOTSTXT_OBEY=False"]
#: reextract timed in a process of its own, after a warm-up run (argv: entry, out, archives…): the
#: whole path of the command, records written (a tree from before reextract_run: reextract, then
#: write_run, which wrote them all at the end)
TIMED_REEXTRACT = """
import json, sys, time
from pathlib import Path
import govcrawl.reextract as rx
from govcrawl.sites import resolve_site
site, out, archives = resolve_site(sys.argv[1]), Path(sys.argv[2]), [Path(p) for p in sys.argv[3:]]
def run():
    if hasattr(rx, "reextract_run"):
        return rx.reextract_run(archives, site, out)[0].exported
    result = rx.reextract(archives, site)
    rx.write_run(result, archives, site.key, out)
    return len(result.records)
run()
started = time.perf_counter()
records = run()
print(json.dumps({"records": records, "per_s": records / (time.perf_counter() - started)}))
"""


def crawl(tmp: Path, entry: Path, name: str, archive: bool) -> dict:
    """One `govcrawl crawl` into its own folder; its report, wall time and archive bytes."""
    out, warc = tmp / name / "out", tmp / name / "warc"
    args = ["crawl", str(entry), "--out", str(out), *(["--archive", str(warc)] if archive else [])]
    _, wall = run_govcrawl(args, LOOPBACK, tmp)
    [report] = out.glob("*/*/*.report.json")
    data = json.loads(report.read_text(encoding="utf-8"))
    archives = sorted(warc.rglob("*.warc.gz"))
    return {"duration_s": data["duration_s"], "wall_s": round(wall, 3), "requests": data["requests"],
            "exported": data["exported"], "archives": [str(p) for p in archives],
            "archive_bytes": sum(p.stat().st_size for p in archives),
            "response_bytes": _response_bytes(out)}


def _response_bytes(out: Path) -> int:
    """The bytes the crawl received (Scrapy's downloader/response_bytes, from its log)."""
    for log in out.glob("logs/*.log"):
        for line in log.read_text(encoding="utf-8").splitlines():
            if "'downloader/response_bytes':" in line:
                return int(line.rsplit(":", 1)[1].strip(" ,}"))
    return 0


def reextract(tmp: Path, entry: Path, archives: list[str]) -> dict:
    """`govcrawl reextract` of one crawl's archive; records and seconds."""
    out = tmp / "reextract"
    _, wall = run_govcrawl(["reextract", *archives, "--site", str(entry), "--out", str(out)], [], tmp)
    records = sum(1 for path in out.rglob("*.jsonl") for line in path.open(encoding="utf-8") if line.strip())
    extraction = extraction_rate([Path(a) for a in archives], entry)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import govcrawl.cli, govcrawl.reextract"], cwd=tmp, check=True)
    start_up = time.perf_counter() - started
    return {"records": records, "wall_s": round(wall, 3), "start_up_s": round(start_up, 3),
            "records_per_s": round(records / max(wall - start_up, 1e-6), 1), **extraction}


def extraction_rate(archives: list[Path], entry: Path) -> dict:
    """In this process, warmed up: reextract itself over the archive, the reading of the archive
    alone, and the same pages' extraction alone with their bodies in memory, both the bare fields
    (``extract_record``) and the whole record as bench/extraction.py times govcrawl (id, hash and
    schema check too). Reading plus extraction is reextract's floor; with the whole record, the
    issue's."""
    from warcio.archiveiterator import ArchiveIterator

    from govcrawl.extract import extract_record
    from govcrawl.offline import SavedPageSite, extract_saved_page
    from govcrawl.reextract import reextract_run
    from govcrawl.sites import resolve_site
    from govcrawl.warc_pages import archived_pages

    site, out = resolve_site(str(entry)), entry.parent / "reextract-in-process"
    reextract_run(archives, site, out)  # warm-up: lazy set-up (script conversion, caches)
    started = time.perf_counter()
    records = reextract_run(archives, site, out)[0].exported
    whole = time.perf_counter() - started
    started = time.perf_counter()
    pages = [page for path in archives for page in archived_pages(path, [])]
    reading = time.perf_counter() - started
    started = time.perf_counter()
    for path in archives:  # the reading as warcio does it, digests checked (reextract's until 2026-12)
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream, check_digests=True):
                record.content_stream().read()
    warcio_reading = time.perf_counter() - started
    articles = [page for page in pages if page.kind == "article"]
    started = time.perf_counter()
    for page in articles:
        extract_record(page.body, page.url, fetched_at=page.fetched_at)
    extracting = time.perf_counter() - started
    saved_site = SavedPageSite()
    started = time.perf_counter()
    for page in articles:  # the whole record, as bench/extraction.py times govcrawl (the rate)
        extract_saved_page(page.body, page.url, saved_site, page.fetched_at)
    recording = time.perf_counter() - started
    return {"in_process_per_s": round(records / whole, 1), "archive_read_s": round(reading, 3),
            "extraction_only_per_s": round(len(articles) / extracting, 1),
            "floor_per_s": round(len(articles) / (reading + extracting), 1),
            "record_only_per_s": round(len(articles) / recording, 1),
            "record_floor_per_s": round(len(articles) / (reading + recording), 1),
            "warcio_read_s": round(warcio_reading, 3),
            "warcio_floor_per_s": round(len(articles) / (warcio_reading + extracting), 1)}


def compare(checkouts: list[Path], entry: Path, archives: list[str], rounds: int) -> dict:
    """reextract's records/s by this tree's code and by each checkout's, on one archive, in
    alternating rounds; medians."""
    trees = [ROOT, *checkouts]
    rates: dict[str, list[float]] = {str(tree): [] for tree in trees}
    for _ in range(rounds):
        for tree in trees:
            out = entry.parent / "reextract-compared"
            proc = subprocess.run([sys.executable, "-c", TIMED_REEXTRACT, str(entry), str(out), *archives],
                                  cwd=entry.parent,
                                  env={**os.environ, "PYTHONPATH": str(tree)}, capture_output=True, text=True,
                                  check=True)
            rates[str(tree)].append(json.loads(proc.stdout)["per_s"])
    return {tree: round(statistics.median(values), 1) for tree, values in rates.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--against", type=Path, action="append", default=[], metavar="CHECKOUT",
                        help="another govcrawl tree whose reextract to time on the same archive")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    runs: dict[str, list[dict]] = {"plain": [], "archive": []}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        site = GeneratedSite(tmp / "site", per_page=20)
        site.add(args.articles)
        with serve_site(site.root) as base:
            entry = tmp / "gen.toml"
            entry.write_text(site.entry_toml(base), encoding="utf-8")
            for n in range(args.rounds):
                for kind in ("plain", "archive"):
                    runs[kind].append(crawl(tmp, entry, f"{kind}-{n}", archive=kind == "archive"))
            again = reextract(tmp, entry, runs["archive"][-1]["archives"])
            if args.against:
                again["compared"] = compare(args.against, entry, runs["archive"][-1]["archives"], args.rounds)
    figures = summarise(runs, again)
    print_table(args.articles, args.rounds, figures)
    if args.json:
        args.json.write_text(json.dumps({"runs": runs, **figures}, indent=2), encoding="utf-8")
    return 0


def summarise(runs: dict[str, list[dict]], again: dict) -> dict:
    """Medians of each kind, the overhead, the size ratio and reextract's rate."""
    plain = statistics.median(r["duration_s"] for r in runs["plain"])
    archived = statistics.median(r["duration_s"] for r in runs["archive"])
    last = runs["archive"][-1]
    return {"plain_s": plain, "archive_s": archived, "overhead": archived / plain - 1,
            "plain_wall_s": statistics.median(r["wall_s"] for r in runs["plain"]),
            "archive_wall_s": statistics.median(r["wall_s"] for r in runs["archive"]),
            "requests": last["requests"], "exported": last["exported"],
            "archive_bytes": last["archive_bytes"], "response_bytes": last["response_bytes"],
            "size_ratio": last["archive_bytes"] / max(last["response_bytes"], 1), "reextract": again}


def print_table(articles: int, rounds: int, f: dict) -> None:
    print(f"site: {articles} articles, answered at once; median of {rounds} alternating round(s)")
    print(f"  crawl time (first to last request): plain {f['plain_s']:.2f} s, --archive {f['archive_s']:.2f} s:"
          f" overhead {f['overhead']:+.1%} (goal ≤ 10%)")
    print(f"  wall time incl. start-up:          plain {f['plain_wall_s']:.2f} s,"
          f" --archive {f['archive_wall_s']:.2f} s")
    print(f"  {f['requests']} requests, {f['exported']} exported; archive {f['archive_bytes']:,} bytes for"
          f" {f['response_bytes']:,} bytes received: {f['size_ratio']:.2f}×")
    r = f["reextract"]
    print(f"  reextract: {r['records']} records in {r['wall_s']:.2f} s wall ({r['start_up_s']:.2f} s of it"
          f" process start-up): {r['records_per_s']} records/s on one core")
    print(f"  in one warmed-up process: reextract {r['in_process_per_s']} records/s; its floor (reading the archive,"
          f" {r['archive_read_s']:.2f} s, plus extraction alone at {r['extraction_only_per_s']} pages/s):"
          f" {r['floor_per_s']} records/s")
    print(f"  the issue's floor (the reading plus the whole record as bench/extraction.py times it, id, hash and"
          f" schema check included, at {r['record_only_per_s']} pages/s): {r['record_floor_per_s']} records/s;"
          f" reextract at {r['in_process_per_s'] / r['record_floor_per_s']:.0%} of it")
    print(f"  (reading it with warcio's readers instead, digests checked: {r['warcio_read_s']:.2f} s, a floor of"
          f" {r['warcio_floor_per_s']} records/s)")
    if compared := r.get("compared"):
        ours = compared[str(ROOT)]
        print(f"  reextract of that archive in fresh warmed-up processes, median of {rounds} alternating round(s):")
        for tree, rate in compared.items():
            print(f"    {tree}: {rate} records/s" + ("" if tree == str(ROOT) else f" (this tree: ×{ours / rate:.2f})"))


if __name__ == "__main__":
    sys.exit(main())

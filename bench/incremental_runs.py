#!/usr/bin/env python3
"""Incremental re-runs: requests and time of an unchanged re-run against the first run.

Generates a TRS-style site of N articles (default 2,000, 20 to a list page), serves it on
loopback, runs `govcrawl run` twice with one state file and prints both runs' figures. The
targets: the re-run issues ≤ 5% of the first run's requests and takes ≤ 1/10 of its time.

(Not named incremental.py: that would shadow the `incremental` package Twisted imports.)

usage: bench/incremental_runs.py [--articles N] [--per-page K] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cli_run import run_govcrawl  # noqa: E402

from govcrawl.siteserver import serve_site  # noqa: E402
from tests.sitegen import GeneratedSite  # noqa: E402

LOOPBACK = ["DOWNLOAD_DELAY=0", "AUTOTHROTTLE_START_DELAY=0", "CONCURRENT_REQUESTS_PER_DOMAIN=16",
            "LOG_LEVEL=WARNING"]


def run_once(tmp: Path, entry: Path) -> dict:
    """One `govcrawl run` in its own process; its report plus the wall time."""
    _, wall = run_govcrawl(["run", str(entry), "--state", str(tmp / "state.sqlite"), "--out", str(tmp / "exports")],
                           LOOPBACK, tmp)
    reports = sorted((tmp / "exports").glob("*/*/*.report.json"),
                     key=lambda p: p.stat().st_mtime_ns)
    return {**json.loads(reports[-1].read_text(encoding="utf-8")), "wall_s": round(wall, 3)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--per-page", type=int, default=20)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        site = GeneratedSite(tmp / "site", per_page=args.per_page)
        site.add(args.articles)
        with serve_site(site.root) as base:
            entry = tmp / "gen.toml"
            entry.write_text(site.entry_toml(base), encoding="utf-8")
            first, second = run_once(tmp, entry), run_once(tmp, entry)
    figures = summarise(first, second)
    print_table(args.articles, first, second, figures)
    if args.json:
        args.json.write_text(json.dumps({"first": first, "second": second, **figures},
                                        ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


def summarise(first: dict, second: dict) -> dict:
    """The two ratios the targets are stated in."""
    return {
        "request_ratio": second["requests"] / first["requests"],
        "crawl_time_ratio": second["duration_s"] / first["duration_s"],
        "wall_time_ratio": second["wall_s"] / first["wall_s"],
    }


def print_table(articles: int, first: dict, second: dict, figures: dict) -> None:
    print(f"site: {articles} articles; first run vs unchanged re-run")
    rows = [("requests", "requests"), ("list pages", "list_pages"),
            ("article pages", "article_pages"), ("exported", "exported"),
            ("crawl time (s)", "duration_s"), ("wall time incl. start-up (s)", "wall_s")]
    for label, key in rows:
        print(f"  {label:30s} {first[key]:>10} {second[key]:>10}")
    print(f"  re-run requests: {figures['request_ratio']:.2%} of the first run (target ≤ 5%)")
    print(f"  re-run crawl time: {figures['crawl_time_ratio']:.2%} (target ≤ 10%); "
          f"wall time incl. process start-up: {figures['wall_time_ratio']:.2%}")


if __name__ == "__main__":
    sys.exit(main())

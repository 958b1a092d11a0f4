#!/usr/bin/env python3
"""Distributed runs: pages/s of 1, 2 and 4 workers, and what Redis costs one worker.

Generates a TRS-style site of N articles (default 1,200, 20 to a list page) and serves it on
loopback, starts a throwaway redis-server, and:

1. on the site answering each request after 50 ms (a remote server's latency), runs
   `govcrawl run --redis` with 1, 2 and 4 worker processes at the polite per-worker
   concurrency (CONCURRENT_REQUESTS_PER_DOMAIN=2: scaling out is for sites that throttle one
   IP); target: 4 workers ≥ 3× one worker's pages/s;
2. on the site answering at once, runs one worker with --redis and one plain `govcrawl run`
   (SQLite state, in-memory frontier), and gives their ratio: the cost of Redis.

Pages/s counts the requests the site served between its first and last request of a run, so
that process start-up and the idle wait before exiting do not blur it; the wall time of the
whole run is reported beside it.

usage: bench/distributed.py [--articles N] [--latency S] [--workers 1,2,4] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from govcrawl.siteserver import serve_site  # noqa: E402
from tests.redis_server import find_binary, running_redis  # noqa: E402
from tests.sitegen import GeneratedSite  # noqa: E402

COMMON = ["DOWNLOAD_DELAY=0", "AUTOTHROTTLE_ENABLED=False", "LOG_LEVEL=WARNING", "TELNETCONSOLE_ENABLED=False",
          "GOVCRAWL_IDLE_EXIT_SECONDS=1"]


class TimedLog(list):
    """The site's request log, with the moment of each request."""

    def append(self, entry: tuple[str, str]) -> None:
        super().append((time.monotonic(), *entry))


def crawl(tmp: Path, entry: Path, log: TimedLog, workers: int, redis_url: str | None, concurrency: int) -> dict:
    """One run of `workers` processes (0: the plain, non-distributed mode); its figures."""
    name = f"w{workers}-{'redis' if redis_url else 'plain'}-{time.monotonic_ns()}"
    args = [sys.executable, "-m", "govcrawl.cli", "run", str(entry), "--out", str(tmp / name),
            "--state", str(tmp / f"{name}.sqlite")]
    if redis_url:
        args += ["--redis", redis_url]
    for setting in [*COMMON, f"CONCURRENT_REQUESTS_PER_DOMAIN={concurrency}"]:
        args += ["-s", setting]
    log.clear()
    started = time.perf_counter()
    procs = [subprocess.Popen(args, cwd=tmp, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(max(workers, 1))]
    for proc in procs:
        out, err = proc.communicate()
        if proc.returncode != 0:
            sys.exit(f"govcrawl run failed ({proc.returncode}):\n{out}\n{err[-3000:]}")
    wall = time.perf_counter() - started
    records = sum(1 for p in (tmp / name).glob("*/*/*.jsonl") for _ in p.open(encoding="utf-8"))
    span = log[-1][0] - log[0][0]
    return {"workers": workers, "pages": len(log), "articles": records, "crawl_s": round(span, 2),
            "pages_per_s": round(len(log) / span, 1), "wall_s": round(wall, 2)}


def flush(redis_url: str) -> None:
    import redis

    with redis.Redis.from_url(redis_url) as client:
        client.flushall()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1200)
    parser.add_argument("--latency", type=float, default=0.05, help="seconds before each answer")
    parser.add_argument("--workers", default="1,2,4")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    binary = find_binary()
    if binary is None:
        sys.exit("no redis-server on PATH")
    counts = [int(n) for n in args.workers.split(",")]
    with tempfile.TemporaryDirectory() as tmp_name, running_redis(binary, Path(tmp_name) / "redis") as server:
        tmp, url = Path(tmp_name), server.url()
        site = GeneratedSite(tmp / "site", per_page=20)
        site.add(args.articles)
        log = TimedLog()
        figures: dict = {"articles": args.articles, "latency_s": args.latency, "scaling": [], "zero_latency": {}}
        with serve_site(site.root, delay=args.latency, seen=log) as base:
            entry = tmp / "slow.toml"
            entry.write_text(site.entry_toml(base, key="slow"), encoding="utf-8")
            for n in counts:
                flush(url)
                figures["scaling"].append(crawl(tmp, entry, log, n, url, concurrency=2))
                print(json.dumps(figures["scaling"][-1]), flush=True)
        with serve_site(site.root, seen=log) as base:
            entry = tmp / "fast.toml"
            entry.write_text(site.entry_toml(base, key="fast"), encoding="utf-8")
            plain = crawl(tmp, entry, log, 0, None, concurrency=16)
            flush(url)
            one = crawl(tmp, entry, log, 1, url, concurrency=16)
        figures["zero_latency"] = {"plain": plain, "redis_1_worker": one,
                                   "ratio": round(one["pages_per_s"] / plain["pages_per_s"], 2)}
    base_rate = figures["scaling"][0]["pages_per_s"]
    for row in figures["scaling"]:
        row["speedup"] = round(row["pages_per_s"] / base_rate, 2)
    _print(figures)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


def _print(figures: dict) -> None:
    print(f"\n{figures['articles']} articles, {figures['latency_s'] * 1000:.0f} ms a response, "
          "CONCURRENT_REQUESTS_PER_DOMAIN=2 per worker")
    print(f"{'workers':>8} {'pages':>6} {'crawl s':>8} {'pages/s':>8} {'speedup':>8} {'wall s':>7}")
    for row in figures["scaling"]:
        print(f"{row['workers']:>8} {row['pages']:>6} {row['crawl_s']:>8} {row['pages_per_s']:>8} "
              f"{row['speedup']:>8} {row['wall_s']:>7}")
    zero = figures["zero_latency"]
    print(f"\nzero latency, one process, CONCURRENT_REQUESTS_PER_DOMAIN=16: plain {zero['plain']['pages_per_s']} "
          f"pages/s, --redis {zero['redis_1_worker']['pages_per_s']} pages/s: ratio {zero['ratio']}")


if __name__ == "__main__":
    sys.exit(main())

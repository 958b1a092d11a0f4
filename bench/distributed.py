#!/usr/bin/env python3
"""Distributed runs: what more workers add over one worker, when latency or CPU is the limit.

Generates a TRS-style site of N articles (default 1,200, 20 to a list page), serves it on
loopback, starts a throwaway redis-server, and runs `govcrawl run --redis` (a fresh Redis
database each time) in these cases, one run each:

1. latency-bound, the site answering each request after 50 ms (a remote server's latency):
   a. per-IP throttle: 1, 2 and 4 worker processes, each at the polite
      CONCURRENT_REQUESTS_PER_DOMAIN=2. It models a site that limits each client IP, where
      every worker runs from an IP of its own; on one loopback address it is simply 2, 4 and
      8 requests in flight;
   b. one IP allowed more: one worker at N x 2 concurrent requests for each N of 1a above 1,
      the same requests in flight as N workers: what more workers give over one worker that is
      allowed more concurrency;
2. CPU-bound, the site answering at once, so Scrapy and extraction are the limit: 1 and 2
   workers at 16 concurrent requests each (2 shared cores), one worker at 32 (the same requests
   in flight as two), and the plain `govcrawl run` without Redis (SQLite state, in-memory
   frontier) at 16, whose ratio to the 1-worker row is the cost of Redis.

Pages/s counts the requests the site served between its first and last request of a run, so
that process start-up and the idle wait before exiting do not blur it; the wall time of the
whole run is beside it. CPU seconds are the workers' (user + sys, all processes), the loopback
server's (this process) and redis-server's, over the run.

usage: bench/distributed.py [--articles N] [--latency S] [--workers 1,2,4] [--cpu-workers 1,2]
                            [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from govcrawl.siteserver import serve_site  # noqa: E402
from tests.redis_server import RedisServer, find_binary, running_redis  # noqa: E402
from tests.sitegen import GeneratedSite  # noqa: E402

COMMON = ["DOWNLOAD_DELAY=0", "AUTOTHROTTLE_ENABLED=False", "LOG_LEVEL=WARNING", "TELNETCONSOLE_ENABLED=False",
          "GOVCRAWL_IDLE_EXIT_SECONDS=1"]
POLITE = 2  # CONCURRENT_REQUESTS_PER_DOMAIN of a worker in the per-IP model (govcrawl's default)
FAST = 16  # a worker's concurrency when the site answers at once


@dataclass(frozen=True)
class Case:
    """One run: how many workers (0: the plain mode, no Redis), at what concurrency each."""

    model: str
    workers: int
    concurrency: int

    @property
    def in_flight(self) -> int:
        return max(self.workers, 1) * self.concurrency


class TimedLog(list):
    """The site's request log, with the moment of each request."""

    def append(self, entry: tuple[str, str]) -> None:
        super().append((time.monotonic(), *entry))


def latency_cases(counts: list[int]) -> list[Case]:
    """Per-IP workers at the polite concurrency, then one worker allowed as many in flight."""
    cases = [Case("per-IP throttle, one IP a worker", n, POLITE) for n in counts]
    cases += [Case("one IP allowed more", 1, n * POLITE) for n in counts if n > 1]
    return cases


def cpu_cases(counts: list[int]) -> list[Case]:
    """Workers sharing the cores, one worker with as many in flight, and the plain mode."""
    cases = [Case("CPU-bound, workers share 2 cores", n, FAST) for n in counts]
    cases += [Case("CPU-bound, one worker more in flight", 1, n * FAST) for n in counts if n > 1]
    return [*cases, Case("CPU-bound, plain mode (no Redis)", 0, FAST)]


def command(tmp: Path, entry: Path, name: str, case: Case, redis_url: str) -> list[str]:
    """The `govcrawl run` command line of one worker of the case."""
    args = [sys.executable, "-m", "govcrawl.cli", "run", str(entry), "--out", str(tmp / name),
            "--state", str(tmp / f"{name}.sqlite")]
    if case.workers:
        args += ["--redis", redis_url]
    # Both set on the command line, so every mode fetches exactly `concurrency` at once.
    settings = [*COMMON, f"CONCURRENT_REQUESTS={case.concurrency}",
                f"CONCURRENT_REQUESTS_PER_DOMAIN={case.concurrency}"]
    for setting in settings:
        args += ["-s", setting]
    return args


def cpu_seconds(redis: RedisServer) -> dict[str, float]:
    """CPU seconds (user + sys) so far: waited-for children, this process, redis-server."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    fields = Path(f"/proc/{redis.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return {"workers": children.ru_utime + children.ru_stime, "server": time.process_time(),
            "redis": (int(fields[11]) + int(fields[12])) / ticks}


def crawl(tmp: Path, entry: Path, log: TimedLog, case: Case, redis: RedisServer) -> dict:
    """One run of the case's worker processes; its figures."""
    name = f"w{case.workers}-c{case.concurrency}-{time.monotonic_ns()}"
    args = command(tmp, entry, name, case, redis.url())
    log.clear()
    before, started = cpu_seconds(redis), time.perf_counter()
    procs = [subprocess.Popen(args, cwd=tmp, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(max(case.workers, 1))]
    for proc in procs:
        out, err = proc.communicate()
        if proc.returncode != 0:
            sys.exit(f"govcrawl run failed ({proc.returncode}):\n{out}\n{err[-3000:]}")
    wall, after = time.perf_counter() - started, cpu_seconds(redis)
    records = sum(1 for p in (tmp / name).glob("*/*/*.jsonl") for _ in p.open(encoding="utf-8"))
    span = log[-1][0] - log[0][0]
    cpu = {f"cpu_{key}_s": round(after[key] - before[key], 2) for key in before}
    return {"pages": len(log), "records": records,
            "crawl_s": round(span, 2), "pages_per_s": round(len(log) / span, 1), "wall_s": round(wall, 2), **cpu}


def make_site(root: Path, articles: int) -> GeneratedSite:
    """A generated TRS-style site of ``articles`` articles, 20 to a list page."""
    site = GeneratedSite(root, per_page=20)
    site.add(articles)
    return site


def run_block(site: GeneratedSite, tmp: Path, redis: RedisServer, latency: float, cases: list[Case],
              rounds: int) -> list[dict]:
    """Serve the site at one latency and run the cases in turn, ``rounds`` times over; a row a case."""
    log, runs = TimedLog(), {case: [] for case in cases}
    with serve_site(site.root, delay=latency, seen=log) as base:
        entry = site.root.with_suffix(".toml")
        entry.write_text(site.entry_toml(base, key="bench"), encoding="utf-8")
        # Round robin, so that a busy spell of the shared machine does not fall on one case only.
        for _ in range(rounds):
            for case in cases:
                redis.flush()
                runs[case].append(crawl(tmp, entry, log, case, redis))
                print(json.dumps({**asdict(case), **runs[case][-1]}), flush=True)
    rows = [summarise(case, case_runs) for case, case_runs in runs.items()]
    for row in rows:
        row["speedup"] = round(row["pages_per_s"] / rows[0]["pages_per_s"], 2)
    return rows


def summarise(case: Case, runs: list[dict]) -> dict:
    """A case's row: the median of its runs, the range of pages/s, every run kept."""
    rates = [run["pages_per_s"] for run in runs]
    median = {key: statistics.median(run[key] for run in runs)
              for key in ("pages", "crawl_s", "pages_per_s", "wall_s", "cpu_workers_s", "cpu_server_s",
                          "cpu_redis_s")}
    return {**asdict(case), "in_flight": case.in_flight, **median, "records": min(run["records"] for run in runs),
            "pages_per_s_range": [min(rates), max(rates)], "runs": runs}


def parse_args() -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1200, help="articles of the latency-bound case's site")
    parser.add_argument("--latency", type=float, default=0.05, help="seconds before each answer")
    parser.add_argument("--workers", default="1,2,4", help="worker counts of the latency-bound case ('': none)")
    parser.add_argument("--cpu-workers", default="1,2", help="worker counts of the CPU-bound case ('': none)")
    parser.add_argument("--cpu-articles", type=int, default=4000,
                        help="articles of the CPU-bound case's site (long enough to dwarf start-up)")
    parser.add_argument("--rounds", type=int, default=1, help="runs of each case, taken in turn (median)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    return parser.parse_args()


def main() -> int:
    args = parse_args()
    binary = find_binary()
    if binary is None:
        sys.exit("no redis-server on PATH")
    counts, cpu_counts = ([int(n) for n in text.split(",") if n] for text in (args.workers, args.cpu_workers))
    figures: dict = {"articles": args.articles, "cpu_articles": args.cpu_articles, "latency_s": args.latency,
                     "cores": os.cpu_count(), "rounds": args.rounds, "load_before": os.getloadavg(),
                     "latency_bound": [], "cpu_bound": []}
    with tempfile.TemporaryDirectory() as tmp_name, running_redis(binary, Path(tmp_name) / "redis") as redis:
        tmp = Path(tmp_name)
        if counts:
            site = make_site(tmp / "slow", args.articles)
            figures["latency_bound"] = run_block(site, tmp, redis, args.latency, latency_cases(counts), args.rounds)
        if cpu_counts:
            site = make_site(tmp / "fast", args.cpu_articles)
            figures["cpu_bound"] = run_block(site, tmp, redis, 0.0, cpu_cases(cpu_counts), args.rounds)
    figures["load_after"] = os.getloadavg()
    _print(figures)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


HEADER = (f"{'models':<37} {'workers':>7} {'conc':>4} {'flight':>6} {'recs':>5} {'crawl s':>7} {'pages/s':>7} "
          f"{'(min-max)':>13} {'x 1st':>5} {'wk cpu':>6} {'wk cores':>8} {'srv cpu':>7} {'rds cpu':>7} {'wall s':>6}")


def _row(row: dict) -> str:
    workers = row["workers"] or "plain"
    low, high = row["pages_per_s_range"]
    cores = row["cpu_workers_s"] / row["wall_s"]
    return (f"{row['model']:<37} {workers:>7} {row['concurrency']:>4} {row['in_flight']:>6} {row['records']:>5} "
            f"{row['crawl_s']:>7.2f} {row['pages_per_s']:>7.1f} {f'({low:.1f}-{high:.1f})':>13} "
            f"{row['speedup']:>5.2f} {row['cpu_workers_s']:>6.1f} {cores:>8.2f} {row['cpu_server_s']:>7.1f} "
            f"{row['cpu_redis_s']:>7.1f} {row['wall_s']:>6.1f}")


def _print(figures: dict) -> None:
    before, after = ("/".join(f"{x:.2f}" for x in figures[key]) for key in ("load_before", "load_after"))
    print(f"\n{figures['cores']} cores, load average {before} before, {after} after; "
          f"median of {figures['rounds']} run(s) a row.\n"
          "conc: CONCURRENT_REQUESTS(_PER_DOMAIN) of each worker; flight: requests in flight in all; recs: records "
          "exported (fewest of the runs);\ncrawl s, pages/s: first to last request the site served; x 1st: pages/s "
          "over the block's first row;\nwk cpu: CPU seconds of all workers over the whole run, start-up included; "
          "wk cores: wk cpu / wall s;\nsrv cpu: the loopback server (this process); rds cpu: redis-server; "
          "wall s: the whole command, start-up and idle exit included")
    blocks = ((f"latency-bound: {figures['articles']} articles, {figures['latency_s'] * 1000:.0f} ms before "
               "each answer", "latency_bound", figures["articles"]),
              (f"CPU-bound: {figures['cpu_articles']} articles, answered at once", "cpu_bound",
               figures["cpu_articles"]))
    for title, key, articles in blocks:
        if not figures[key]:
            continue
        print(f"\n{title}\n{HEADER}")
        for row in figures[key]:
            print(_row(row))
        for row in figures[key]:
            if row["records"] != articles:
                print(f"NOTE: {row['workers']} worker(s) at {row['concurrency']}: {row['records']} records "
                      f"of {articles} articles")


if __name__ == "__main__":
    sys.exit(main())

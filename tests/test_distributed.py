"""Distributed runs (--redis): worker processes share one frontier in a real redis-server and
between them export every article of a loopback site exactly once, even when one is killed."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from govcrawl.siteserver import serve_site
from govcrawl.state.redis import RedisState
from tests.conftest import FAST_SETTINGS, read_jsonl, run_cli
from tests.redis_server import RedisServer
from tests.sitegen import GeneratedSite

#: a dead worker's requests are taken over once its heartbeat is this old (s)
HEARTBEAT_TTL = "3"


class Workers:
    """Starts `govcrawl run --redis` worker processes on one generated site and reads their parts."""

    def __init__(self, tmp: Path, base: str, site: GeneratedSite, redis_url: str, seen: list):
        self.tmp, self.base, self.site, self.redis_url, self.seen = tmp, base, site, redis_url, seen
        self.entry = tmp / "gen.toml"
        self.entry.write_text(site.entry_toml(base), encoding="utf-8")
        self.out = tmp / "exports"

    def start(self, n: int, *extra: str) -> list[subprocess.Popen[str]]:
        args = [sys.executable, "-m", "govcrawl.cli", "run", str(self.entry), "--redis", self.redis_url,
                "--out", str(self.out), "--state", str(self.tmp / "unused.sqlite"), *extra]
        for setting in [*FAST_SETTINGS, f"GOVCRAWL_LOCK_TTL={HEARTBEAT_TTL}"]:
            args += ["-s", setting]
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        return [subprocess.Popen(args, cwd=self.tmp, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 text=True) for _ in range(n)]

    def run(self, n: int, *extra: str) -> None:
        """n workers of one run, all exiting by themselves with success."""
        for proc in self.start(n, *extra):
            out, err = proc.communicate(timeout=120)
            assert proc.returncode == 0, out + err[-3000:]

    def parts(self, run_id: str) -> list[Path]:
        return sorted(self.out.glob(f"gen/*/{run_id}-w*.jsonl"))

    def run_reports(self) -> list[dict]:
        files = sorted(self.out.glob("gen/*/*.run-report.json"), key=lambda p: p.stat().st_mtime_ns)
        return [json.loads(p.read_text(encoding="utf-8")) for p in files]

    def urls(self, numbers: range | list[int]) -> set[str]:
        return {self.base + self.site.article_path(n) for n in numbers}


@pytest.fixture
def workers(tmp_path: Path, redis_db: RedisServer, request: pytest.FixtureRequest) -> Iterator[Workers]:
    count, delay = getattr(request, "param", (1000, 0.0))
    site = GeneratedSite(tmp_path / "site", per_page=20)
    site.add(count)
    seen: list[tuple[str, str]] = []
    with serve_site(site.root, delay=delay, seen=seen) as base:
        yield Workers(tmp_path, base, site, redis_db.url(), seen)


def _exactly_once(workers: Workers, report: dict, expected: set[str]) -> None:
    records = [r for part in workers.parts(report["run_id"]) for r in read_jsonl(part)]
    counts = Counter(r["url"] for r in records)
    assert [u for u, c in counts.items() if c > 1] == []
    assert set(counts) == expected
    assert report["exported"] == len(expected)


def test_three_workers_export_every_article_once(workers: Workers, redis_db: RedisServer) -> None:
    workers.run(3)
    [report] = workers.run_reports()
    _exactly_once(workers, report, workers.urls(range(1, 1001)))
    assert report["workers"] == ["w1", "w2", "w3"] and report["workers_lost"] == []
    assert report["outcomes"] == {"links_found": 1000, "exported_new": 1000, "unaccounted": 0}
    assert len(workers.parts(report["run_id"])) == 3  # every worker took a share
    with redis_db.client() as client:  # the run cleaned up after itself
        assert client.keys("govcrawl:dist:*") == [f"govcrawl:dist:gen:{report['run_id']}:closing"]
        assert not client.exists("govcrawl:lock:gen")
    # the parts are runs of their own to the dataset builder, the run report is not
    built = run_cli("dataset", "--exports", str(workers.out), "--out", str(workers.tmp / "dataset"),
                    "--format", "jsonl", cwd=workers.tmp)
    assert built.returncode == 0, built.stderr
    assert "1000 rows (1000 articles, 1 sites); read 3 new run files" in built.stdout


@pytest.mark.parametrize("workers", [(1000, 0.005)], indirect=True)
def test_a_worker_killed_midway_loses_nothing(workers: Workers, redis_db: RedisServer) -> None:
    procs = workers.start(3)
    deadline = time.monotonic() + 60
    while len(workers.seen) < 300:  # well into the crawl, with every worker busy
        assert time.monotonic() < deadline, "the crawl did not get going"
        time.sleep(0.05)
    procs[0].send_signal(signal.SIGKILL)
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == (-signal.SIGKILL if proc is procs[0] else 0), out + err[-3000:]
    [report] = workers.run_reports()
    assert len(report["workers_lost"]) == 1 and len(report["workers"]) == 2
    _exactly_once(workers, report, workers.urls(range(1, 1001)))
    assert not list(workers.out.glob("gen/*/*.part"))  # the dead worker's part was dropped


@pytest.mark.parametrize("workers", [(60, 0.0)], indirect=True)
def test_incremental_runs_with_two_workers(workers: Workers, redis_db: RedisServer) -> None:
    workers.run(2)
    first = workers.run_reports()[-1]
    _exactly_once(workers, first, workers.urls(range(1, 61)))

    workers.run(2)
    second = workers.run_reports()[-1]
    assert (second["exported"], second["article_pages"]) == (0, 0)
    assert workers.parts(second["run_id"]) == []  # nothing new: no part file, only reports

    workers.site.add(3)
    workers.site.edit(1)
    workers.site.edit(2)
    workers.run(2, "--refresh")
    third = workers.run_reports()[-1]
    _exactly_once(workers, third, workers.urls([1, 2, 61, 62, 63]))
    records = {r["url"]: r for part in workers.parts(third["run_id"]) for r in read_jsonl(part)}
    assert {u: r["revision"] for u, r in records.items()} == {
        **dict.fromkeys(workers.urls([1, 2]), 2), **dict.fromkeys(workers.urls([61, 62, 63]), 1)}
    assert (third["new"], third["changed"]) == (3, 2)
    state = RedisState.from_url(workers.redis_url)
    # three runs, not one per worker part: back-off of pending pages counts runs
    assert state.run_number("gen") == 4 and state.recent_reports("gen", 1)[0]["run_id"] == third["run_id"]
    state.close()


@pytest.mark.parametrize("workers", [(300, 0.005)], indirect=True)
def test_a_run_whose_workers_all_died_is_resumed(workers: Workers, redis_db: RedisServer) -> None:
    procs = workers.start(2)
    deadline = time.monotonic() + 60
    while len(workers.seen) < 100:
        assert time.monotonic() < deadline, "the crawl did not get going"
        time.sleep(0.05)
    for proc in procs:
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=30)
    with redis_db.client() as client:  # the site lock lapses with the heartbeats
        deadline = time.monotonic() + 30
        while client.exists("govcrawl:lock:gen"):
            assert time.monotonic() < deadline, "the dead workers' site lock never lapsed"
            time.sleep(0.05)
    workers.run(1)  # the next worker finishes the dead run rather than losing its frontier
    [report] = workers.run_reports()
    assert report["workers"] == ["w3"] and report["workers_lost"] == ["w1", "w2"]
    _exactly_once(workers, report, workers.urls(range(1, 301)))

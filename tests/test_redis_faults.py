"""Redis faults in a distributed run, tried on a real redis-server: killed and started again
mid-run, gone for good, never there, and a second entry file under a running key."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from govcrawl.distributed.run import DistributedRun
from govcrawl.exit_codes import ExitCode
from govcrawl.siteserver import serve_site
from tests.conftest import FAST_SETTINGS, read_jsonl, whole_log
from tests.redis_server import RedisServer, find_binary, redis_required
from tests.sitegen import GeneratedSite

N_ARTICLES = 300

pytestmark = pytest.mark.skipif(find_binary() is None and not redis_required(), reason="no redis-server")


@pytest.fixture
def durable_redis(tmp_path: Path) -> Iterator[RedisServer]:
    """A redis-server of this test's own, which writes every command to disk before answering
    (so that it can be killed and come back with what it held)."""
    folder = tmp_path / "redis"
    folder.mkdir()
    server = RedisServer(find_binary(), folder, persistent=True)
    server.start()
    yield server
    server.stop()


class Site:
    """A generated site served slowly enough that a fault lands mid-run, and its workers."""

    def __init__(self, tmp: Path, base: str, site: GeneratedSite, seen: list):
        self.tmp, self.base, self.site, self.seen = tmp, base, site, seen
        self.entry = tmp / "gen.toml"
        self.entry.write_text(site.entry_toml(base), encoding="utf-8")
        self.out = tmp / "exports"

    def workers(self, n: int, redis: RedisServer, *settings: str, stderr: Any = subprocess.PIPE
                ) -> list[subprocess.Popen[str]]:
        args = [sys.executable, "-m", "govcrawl.cli", "run", str(self.entry), "--redis", redis.url(),
                "--out", str(self.out), "--state", str(self.tmp / "unused.sqlite")]
        for setting in [*FAST_SETTINGS, "GOVCRAWL_LOCK_TTL=10", *settings]:
            args += ["-s", setting]
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        return [subprocess.Popen(args, cwd=self.tmp, env=env, stdout=subprocess.PIPE, stderr=stderr,
                                 text=True) for _ in range(n)]

    def logged_workers(self, n: int, redis: RedisServer, *settings: str) -> list[tuple[subprocess.Popen[str], Path]]:
        """Workers whose log goes to a file each, to be read while they run."""
        procs = []
        for i in range(n):
            log = self.tmp / f"worker-{i}.log"
            with log.open("w", encoding="utf-8") as err:
                procs.append((self.workers(1, redis, *settings, stderr=err)[0], log))
        return procs

    def wait_for(self, pages: int) -> None:
        deadline = time.monotonic() + 60
        while len(self.seen) < pages:
            assert time.monotonic() < deadline, "the crawl did not get going"
            time.sleep(0.05)

    def exported(self) -> Counter:
        """Every published record's URL, over every run and part."""
        return Counter(r["url"] for part in self.out.glob("gen/*/*.jsonl") for r in read_jsonl(part))

    def every_article(self) -> set[str]:
        return {self.base + self.site.article_path(n) for n in range(1, N_ARTICLES + 1)}


@pytest.fixture
def slow_site(tmp_path: Path) -> Iterator[Site]:
    site = GeneratedSite(tmp_path / "site", per_page=20)
    site.add(N_ARTICLES)
    seen: list[tuple[str, str]] = []
    with serve_site(site.root, delay=0.02, seen=seen) as base:
        yield Site(tmp_path, base, site, seen)


def wait_for_line(log: Path, text: str) -> None:
    """Until a worker's log holds this text (the worker got there), within a minute."""
    deadline = time.monotonic() + 60
    while text not in log.read_text(encoding="utf-8"):
        assert time.monotonic() < deadline, f"{log.name} never said {text!r}"
        time.sleep(0.05)


def test_redis_killed_and_back_loses_and_repeats_nothing(slow_site: Site, durable_redis: RedisServer) -> None:
    workers = slow_site.logged_workers(2, durable_redis, "GOVCRAWL_REDIS_WAIT=60")
    slow_site.wait_for(60)
    port = durable_redis.port
    durable_redis.kill()
    for _, log in workers:  # each worker met the outage and waits, paused
        wait_for_line(log, f"Redis at 127.0.0.1:{port}/0 does not answer")
    durable_redis.start(port=port)
    for proc, log in workers:
        out, _ = proc.communicate(timeout=240)
        err = log.read_text(encoding="utf-8")
        assert proc.returncode == 0, out + err[-3000:]
    exported = slow_site.exported()
    assert [u for u, c in exported.items() if c > 1] == []
    assert set(exported) == slow_site.every_article()


def test_redis_gone_for_good_ends_the_worker_naming_it(slow_site: Site, durable_redis: RedisServer) -> None:
    # a short heartbeat: the next run takes up the dead worker's run once it lapses
    [proc] = slow_site.workers(1, durable_redis, "GOVCRAWL_REDIS_WAIT=2", "GOVCRAWL_LOCK_TTL=3")
    slow_site.wait_for(60)
    port = durable_redis.port
    durable_redis.kill()
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == ExitCode.STORAGE, out + err[-3000:]
    assert f"lost Redis at redis://127.0.0.1:{port}/0" in err
    assert "Traceback" not in whole_log(err)  # nor in Scrapy's log, which goes to a file
    assert slow_site.exported() == Counter()  # its part was not published
    # Redis back: the next run takes up the same run and exports every article, once
    durable_redis.start(port=port)
    [proc] = slow_site.workers(1, durable_redis, "GOVCRAWL_LOCK_TTL=3")
    out, err = proc.communicate(timeout=240)
    assert proc.returncode == 0, out + err[-3000:]
    exported = slow_site.exported()
    assert set(exported) == slow_site.every_article() and set(exported.values()) == {1}


def test_unreachable_redis_is_one_line_and_the_storage_code(slow_site: Site, durable_redis: RedisServer) -> None:
    url = durable_redis.url()
    durable_redis.stop()
    [proc] = slow_site.workers(1, durable_redis)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == ExitCode.STORAGE, out + err
    assert f"cannot reach Redis at {url}" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) <= 2  # what failed, and the site's verdict


def test_a_second_entry_under_a_running_key_is_refused(durable_redis: RedisServer) -> None:
    first = DistributedRun(durable_redis.url(), "gen", ttl=5)
    first.join("entry-a")
    same = DistributedRun(durable_redis.url(), "gen", ttl=5)
    same.join("entry-a")
    other = DistributedRun(durable_redis.url(), "gen", ttl=5)
    other.join("entry-b")
    assert first.worker == "w1" and same.worker == "w2" and other.worker is None
    with pytest.raises(Exception, match="another entry file with this key"):
        other.acquire()
    for run in (first, same):
        run.release()

"""`govcrawl run` with its state and site lock in a real redis-server: GOVCRAWL_REDIS_URL (a
distributed run of one worker), and ``--state redis://…`` (one process, Scrapy's own scheduler)."""

from __future__ import annotations

import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from govcrawl.siteserver import serve_site
from govcrawl.state.redis import RedisState
from govcrawl.state.redis_lock import RedisSiteLock
from tests.crash import killed_at
from tests.redis_server import RedisServer
from tests.sitegen import GeneratedSite
from tests.test_incremental import N_ARTICLES, Runner, assert_exactly_once


@pytest.fixture
def on_redis(tmp_path: Path, redis_db: RedisServer, monkeypatch: pytest.MonkeyPatch) -> Iterator[Runner]:
    """A generated site and a runner whose runs keep their state in Redis."""
    monkeypatch.setenv("GOVCRAWL_REDIS_URL", redis_db.url())
    site = GeneratedSite(tmp_path / "site", per_page=10)
    site.add(N_ARTICLES)
    with serve_site(site.root) as base:
        yield Runner(tmp_path, base, site)


def test_new_then_nothing_then_only_the_additions(on_redis: Runner, redis_db: RedisServer) -> None:
    runner = on_redis
    runner.run()
    assert len(runner.records(runner.published()[-1])) == N_ARTICLES
    assert not runner.state.exists()  # the --state file was never opened: Redis holds the state
    state = RedisState.from_url(redis_db.url())
    assert state.run_number("gen") == 2 and state.unfinished_runs("gen") == []
    urls = [runner.base + runner.site.article_path(n) for n in range(1, N_ARTICLES + 1)]
    assert len(state.articles(urls)) == N_ARTICLES

    runner.run()
    assert len(runner.published()) == 1  # a run that exports nothing leaves no file, only its report
    report = runner.reports()[-1]
    assert (report["exported"], report["article_pages"], report["list_pages"]) == (0, 0, 1)
    assert report["not_modified"] == N_ARTICLES  # the recent ones rechecked, answered 304 from the state's ETags

    runner.site.add(3)
    runner.run()
    added = {runner.base + runner.site.article_path(n) for n in (46, 47, 48)}
    assert {r["url"] for r in runner.records(runner.published()[-1])} == added
    assert state.run_number("gen") == 4 and state.recent_reports("gen", 1)[0]["new"] == 3
    state.close()


def test_a_run_killed_after_publishing_is_committed_by_the_next(on_redis: Runner, redis_db: RedisServer) -> None:
    # the killed run's lock outlives it by its TTL: keep that short
    kill, env = killed_at("after_publish")
    proc = on_redis.run(*kill, "-s", "GOVCRAWL_LOCK_TTL=1", check=False, env=env)
    assert proc.returncode == -signal.SIGKILL
    with redis_db.client() as client:
        deadline = time.monotonic() + 5
        while client.exists("govcrawl:lock:gen"):
            assert time.monotonic() < deadline, "the killed run's lock never expired"
            time.sleep(0.1)
    on_redis.run()
    on_redis.run()
    assert_exactly_once(on_redis)


def test_a_run_is_refused_while_another_holds_the_site(on_redis: Runner, redis_db: RedisServer) -> None:
    lock = RedisSiteLock(redis_db.client(), "gen")
    lock.acquire()
    try:
        proc = on_redis.run(check=False)
    finally:
        lock.release()
    assert proc.returncode == 4
    assert "gen is being crawled by pid" in proc.stderr
    assert on_redis.published() == []


def test_a_single_process_run_keeps_its_state_in_redis(tmp_path: Path, redis_db: RedisServer,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GOVCRAWL_REDIS_URL", raising=False)
    site = GeneratedSite(tmp_path / "site", per_page=10)
    site.add(N_ARTICLES)
    with serve_site(site.root) as base:
        runner = Runner(tmp_path, base, site)
        runner.state = redis_db.url()  # --state redis://…: not distributed
        runner.run()
        site.add(2)
        runner.run()
    first, second = runner.published()
    assert not first.stem.endswith("-w1")  # one export per run, not a worker's part
    assert len(runner.records(first)) == N_ARTICLES and len(runner.records(second)) == 2
    assert "part_of" not in runner.reports()[-1] and not list(runner.out.glob("gen/*/*.run-report.json"))
    with redis_db.client() as client:
        assert client.keys("govcrawl:dist:*") == []
    state = RedisState.from_url(redis_db.url())
    assert state.run_number("gen") == 3
    state.close()

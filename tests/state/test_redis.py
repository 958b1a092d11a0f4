"""What only the Redis store must show, against a real redis-server: the site lock between
processes, its expiry when a holder dies, and publishes that are all-or-nothing."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time

import pytest
import redis

from govcrawl.state.base import ArticleState, Rejected, RunRecord
from govcrawl.state.lock import SiteLocked
from govcrawl.state.redis import RedisState
from govcrawl.state.redis_lock import RedisSiteLock
from tests.conftest import ROOT
from tests.redis_server import RedisServer

SITE = "ex"
#: a process that says it is ready, takes the lock when the test says go, reports, and holds it
#: until the test says release (or ``hold`` seconds)
CONTENDER = """
import sys, time, redis
from govcrawl.state.lock import SiteLocked
from govcrawl.state.redis_lock import RedisSiteLock
url, hold, ttl = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
client = redis.Redis.from_url(url, decode_responses=True)
lock = RedisSiteLock(redis.Redis.from_url(url, decode_responses=True), "ex", ttl=ttl)
client.rpush("ready", 1)
client.blpop(["go"], timeout=30)
try:
    lock.acquire()
except SiteLocked as exc:
    print("refused:", exc, flush=True)
    sys.exit(0)
print("locked", flush=True)
client.blpop(["release"], timeout=hold)
lock.release()
"""


def contender(server: RedisServer, hold: float, ttl: float = 30.0) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", CONTENDER, server.url(), str(hold), str(ttl)], cwd=ROOT,
                            stdout=subprocess.PIPE, text=True)


def new_lock(server: RedisServer, ttl: float = 30.0) -> RedisSiteLock:
    return RedisSiteLock(server.client(), SITE, ttl=ttl)


def test_of_processes_racing_for_the_lock_exactly_one_wins(redis_db: RedisServer) -> None:
    procs = [contender(redis_db, hold=30) for _ in range(4)]
    with redis_db.client() as client:
        for _ in procs:  # every contender is connected and about to wait on "go"
            assert client.blpop(["ready"], timeout=30), "a contender never got ready"
        client.rpush("go", *["go"] * len(procs))
        outputs = [p.stdout.readline().strip() for p in procs]  # each tried while the winner holds it
        client.rpush("release", "go")
    for p in procs:
        p.communicate(timeout=30)
    assert sorted(o.split(":")[0] for o in outputs) == ["locked", "refused", "refused", "refused"]
    assert all("ex is being crawled by" in o and "pid" in o for o in outputs if o != "locked")
    new_lock(redis_db).acquire()  # the winner released it


def test_a_live_holder_keeps_the_lock_beyond_its_ttl(redis_db: RedisServer) -> None:
    holder = new_lock(redis_db, ttl=1.0)
    holder.acquire()
    with redis_db.client() as client:  # three renewals seen: the key's time to live went up again
        renewals, last, deadline = 0, client.pttl(holder.key), time.monotonic() + 30
        while renewals < 3:
            assert time.monotonic() < deadline, "the holder did not renew its lock"
            now = client.pttl(holder.key)
            assert now > 0, "the lock lapsed under its live holder"
            renewals, last = renewals + (now > last), now
            time.sleep(0.01)
    with pytest.raises(SiteLocked, match=r"ex is being crawled by pid \d+ on "):
        new_lock(redis_db).acquire()
    holder.release()
    assert not holder.lost.is_set()
    new_lock(redis_db).acquire()


def test_the_lock_of_a_killed_holder_expires(redis_db: RedisServer) -> None:
    proc = contender(redis_db, hold=60, ttl=1.0)
    redis_db.client().rpush("go", "go")
    assert proc.stdout.readline().strip() == "locked"
    with pytest.raises(SiteLocked):
        new_lock(redis_db).acquire()
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    proc.stdout.close()
    deadline = time.monotonic() + 5
    while True:
        try:
            new_lock(redis_db).acquire()
            break
        except SiteLocked:
            assert time.monotonic() < deadline, "the dead holder's lock never expired"
            time.sleep(0.1)


def test_a_holder_that_lost_its_lock_does_not_release_the_next_ones(redis_db: RedisServer) -> None:
    first = new_lock(redis_db, ttl=0.3)
    first.acquire()
    redis_db.client().delete(first.key)  # as if it had expired while the holder stalled
    second = new_lock(redis_db)
    second.acquire()
    assert first.lost.wait(2), "the renewal did not notice the lost lock"
    first.release()
    with pytest.raises(SiteLocked):
        new_lock(redis_db).acquire()
    second.release()
    new_lock(redis_db).acquire()


def _articles(n: int) -> list[ArticleState]:
    return [ArticleState(url=f"http://ex.gov.cn/{i}.html", site=SITE, first_seen="2026-11-01T00:00:00+00:00",
                         last_seen="2026-11-01T00:00:00+00:00", content_hash="h") for i in range(n)]


def test_readers_see_a_publish_whole_or_not_at_all(redis_db: RedisServer) -> None:
    state, reader = RedisState.from_url(redis_db.url()), RedisState.from_url(redis_db.url())
    articles = _articles(1000)  # one HMGET: a read of all of them is itself atomic
    state.begin_run(RunRecord("r1", SITE, "/exports/r1.jsonl"))
    state.stage_many("r1", articles)
    seen: set[int] = set()
    stop = threading.Event()

    def read() -> None:
        while not stop.is_set():
            seen.add(len(reader.articles(a.url for a in articles)))

    thread = threading.Thread(target=read)
    thread.start()
    time.sleep(0.05)
    state.publish_run("r1", {"site": SITE})
    time.sleep(0.05)
    stop.set()
    thread.join()
    assert seen == {0, 1000}
    state.close()
    reader.close()


def test_workers_publishing_the_same_run_commit_it_once(redis_db: RedisServer) -> None:
    url = "http://ex.gov.cn/failed.html"
    states = [RedisState.from_url(redis_db.url()) for _ in range(4)]
    states[0].begin_run(RunRecord("r1", SITE, "/exports/r1.jsonl"))
    states[0].stage_many("r1", _articles(100))
    barrier = threading.Barrier(len(states))

    def publish(state: RedisState) -> None:
        barrier.wait()
        state.publish_run("r1", {"site": SITE}, rejected=[Rejected(url, "http_503", transient=True)],
                          run_number=1, max_attempts=5)

    threads = [threading.Thread(target=publish, args=(s,)) for s in states]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert states[0].failed_articles([url])[url].attempts == 1
    assert states[0].run_number(SITE) == 2 and len(states[0].recent_reports(SITE, 10)) == 1
    for state in states:
        state.close()


def test_a_publish_that_fails_changes_nothing(redis_db: RedisServer) -> None:
    state = RedisState.from_url(redis_db.url())
    state.begin_run(RunRecord("r1", SITE, "/exports/r1.jsonl"))
    state.stage_many("r1", _articles(10))
    state.client.hset("govcrawl:staged:r1", "http://ex.gov.cn/bad.html", "{not json")
    with pytest.raises(redis.ResponseError, match="Expected"):
        state.publish_run("r1", {"site": SITE}, complete_columns=["http://ex.gov.cn/"],
                          rejected=[Rejected("http://ex.gov.cn/x.html", "http_503", transient=True)])
    assert state.articles(a.url for a in _articles(10)) == {}
    assert state.complete_columns(SITE) == set() and state.pending_articles(SITE) == []
    assert [r.run_id for r in state.unfinished_runs(SITE)] == ["r1"]
    state.close()


def test_a_store_that_fails_under_a_run_is_named(tmp_path) -> None:
    """Whichever part of a run meets a lost store says which store it was."""
    from govcrawl.state.sqlite import SQLiteState

    lost = redis.ConnectionError("Connection refused")
    state = RedisState.from_url("redis://127.0.0.1:1/0", wait=0)
    assert state.failure_message(lost).startswith("lost Redis at redis://127.0.0.1:1/0 for longer than")
    assert SQLiteState(tmp_path / "s.sqlite").failure_message(lost) == "the crawl state failed: Connection refused"

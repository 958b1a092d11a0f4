"""Joining a distributed run and merging its report, in process against a real redis-server."""

from __future__ import annotations

import pytest

from govcrawl.distributed.report import merge_reports
from govcrawl.distributed.run import DistributedRun
from govcrawl.outcomes import Outcomes
from govcrawl.state.lock import SiteLocked
from govcrawl.state.redis_lock import RedisSiteLock
from tests.redis_server import RedisServer


def _joined(server: RedisServer) -> DistributedRun:
    run = DistributedRun(server.url(), "gen", ttl=5)
    run.join()
    return run


def test_workers_started_together_join_one_run(redis_db: RedisServer) -> None:
    first, second = _joined(redis_db), _joined(redis_db)
    try:
        assert (first.worker, second.worker) == ("w1", "w2")
        assert first.run_id == second.run_id and first.started == second.started
        assert first.claim_seeding() and not second.claim_seeding()
        # a run that is not distributed is refused, and told which run holds the site
        with pytest.raises(SiteLocked, match=f"distributed run {first.run_id}"):
            RedisSiteLock(redis_db.client(), "gen").acquire()
        # nor is a distributed crawl (no state): the run's workers have the site
        crawl = DistributedRun(redis_db.url(), "gen", kind="crawl", ttl=5)
        crawl.join()
        assert crawl.worker is None and "distributed run" in str(crawl.refused)
    finally:
        first.release()
        second.release()


def test_a_worker_is_refused_while_a_plain_run_holds_the_site(redis_db: RedisServer) -> None:
    lock = RedisSiteLock(redis_db.client(), "gen")
    lock.acquire()
    try:
        run = _joined(redis_db)
        assert run.worker is None
        with pytest.raises(SiteLocked, match="gen is being crawled by pid"):
            run.acquire()
    finally:
        lock.release()


def test_parts_add_up_to_the_run_report() -> None:
    def part(worker: int, exported: int, title: float) -> dict:
        return {"run_id": f"r-w{worker}", "site": "gen", "run_kind": "run", "finish_reason": "finished",
                "started": f"2026-11-27T03:00:0{worker}+00:00", "finished": f"2026-11-27T03:01:0{worker}+00:00",
                "pages_fetched": exported + 1, "list_pages": 1, "exported": exported, "new": exported,
                "rejected": {"http_404": worker}, "coverage": {"title": title}, "given_up": [],
                "columns_discovered": [], "export": f"/x/r-w{worker}.jsonl",
                "archives": [f"/a/r-w{worker}-{n:03d}.warc.gz" for n in range(1, worker + 1)]}

    outcomes = Outcomes(found={"a", "b", "c"}, settled={"a": "exported_new", "b": "exported_new"})
    report = merge_reports("r", {"w2": part(2, 1, 0.0), "w1": part(1, 3, 1.0)}, outcomes)
    assert report["workers"] == ["w1", "w2"] and report["exported"] == 4 and report["pages_fetched"] == 6
    assert report["rejected"] == {"http_404": 3} and report["coverage"] == {"title": 0.75}
    assert (report["started"], report["duration_s"]) == ("2026-11-27T03:00:01+00:00", 61.0)
    assert report["outcomes"] == {"links_found": 3, "exported_new": 2, "unaccounted": 1}
    assert report["exports"] == ["/x/r-w1.jsonl", "/x/r-w2.jsonl"]
    assert report["archives"] == ["/a/r-w1-001.warc.gz", "/a/r-w2-001.warc.gz", "/a/r-w2-002.warc.gz"]


def test_a_pop_sent_again_after_a_lost_answer_takes_the_same_request(redis_db: RedisServer) -> None:
    """Redis can die after popping and before its answer reaches the worker, which sends the
    command again: the retry must hand over the request already taken (and held in flight for
    this worker), never a second one, which would leave the first in flight for no one."""
    import redis

    from govcrawl.distributed.scheduler import POP

    client = redis.Redis.from_url(redis_db.url(), decode_responses=True)
    client.sadd("workers", "w1")
    client.zadd("queue", {"first": 1, "second": 2})
    pop = client.register_script(POP)
    keys = ["queue", "inflight:w1", "idle:w1", "workers", "lastpop:w1"]
    assert pop(keys=keys, args=["w1", "t1"]) == "first"
    assert pop(keys=keys, args=["w1", "t1"]) == "first"  # the same command again: the same pop
    assert client.hkeys("inflight:w1") == ["first"]
    assert pop(keys=keys, args=["w1", "t2"]) == "second"
    assert pop(keys=keys, args=["w1", "t3"]) is None
    assert sorted(client.hkeys("inflight:w1")) == ["first", "second"]

"""scrapy-redis's scheduler, adapted: one frontier per distributed run, and no request lost.

scrapy-redis (pinned) predates Scrapy's async ``start()``: its scheduler keys the queue by
spider name, flushes it on close and counts stats with the old ``spider=`` argument. Here the
queue and duplicate filter belong to the run (several workers, one key), closing a worker
leaves them to the others, and taking a request out of the queue records it, in the same Lua
call, among the worker's requests in flight, which a survivor puts back if the worker dies.
"""

from __future__ import annotations

import logging
import secrets
from typing import Self

import redis
from scrapy import Request, Spider
from scrapy.core.engine import ExecutionEngine
from scrapy.crawler import Crawler
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.queue import PriorityQueue
from scrapy_redis.scheduler import Scheduler

from govcrawl import request_meta as meta
from govcrawl.distributed import lost_redis, redis_url
from govcrawl.distributed.mode import DistributedMode
from govcrawl.distributed.run import DistributedRun
from govcrawl.state.redis_client import connect

logger = logging.getLogger(__name__)
#: added to the priority of list pages in the shared queue (articles have ARTICLE_PRIORITY, 10)
LIST_BOOST = 100

# KEYS: queue, inflight:<w>, idle:<w>, workers, lastpop:<w>. ARGV: worker, token. The best request
# (lowest score: highest priority), recorded as in flight; the worker is no longer idle. -1: the
# worker was taken out of the run (its heartbeat expired), and may take nothing more.
# The token makes a retry the same pop: when Redis dies after popping but before its answer
# arrives, the client sends the command again, and must get that request, not the next one (the
# first would wait in flight for a worker that never had it, and be lost when the part publishes).
POP = """
if redis.call('SISMEMBER', KEYS[4], ARGV[1]) == 0 then return -1 end
if redis.call('HGET', KEYS[5], 'token') == ARGV[2] then return redis.call('HGET', KEYS[5], 'request') or false end
local got = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if #got == 0 then
  redis.call('DEL', KEYS[5])
  return false
end
redis.call('ZREM', KEYS[1], got[1])
redis.call('HSET', KEYS[2], got[1], got[2])
redis.call('DEL', KEYS[3])
redis.call('HSET', KEYS[5], 'token', ARGV[2], 'request', got[1])
return got[1]
"""

# KEYS: seen, queue, workers. ARGV: fingerprint ('' : not filtered), score, request, worker.
# The duplicate filter and the queue in one step: a worker killed between the two would leave a
# request marked seen that no one fetches. 1 queued, 0 a duplicate, -1 taken out of the run.
PUSH = """
if redis.call('SISMEMBER', KEYS[3], ARGV[4]) == 0 then return -1 end
if ARGV[1] ~= '' and redis.call('SADD', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3])
return 1
"""


class TakenOut(Exception):
    """This worker was taken out of the run: the frontier is no longer its to touch."""


class RunQueue(PriorityQueue):
    """scrapy-redis's priority queue for one run, with its duplicate filter, popped into the
    worker's in-flight hash; pushes and pops only while the worker belongs to the run.

    List pages go before articles here (a single process takes articles first, to keep its
    frontier small): a column's pages can only be read one after another, and every worker
    waits while the next one is fetched, whereas articles queued in Redis cost no worker memory.
    """

    def __init__(self, server, spider: Spider, run: DistributedRun, df: RFPDupeFilter):
        super().__init__(server, spider, run.key("queue"))
        self.df, self.worker = df, run.worker
        self.keys = {"inflight": run.key("inflight", run.worker), "idle": run.key("idle", run.worker),
                     "workers": run.key("workers"), "lastpop": run.key("lastpop", run.worker)}
        self._pop, self._push = server.register_script(POP), server.register_script(PUSH)

    def push_new(self, request: Request) -> bool:
        """Queue the request unless the duplicate filter has seen it; False if it had."""
        boost = LIST_BOOST if request.meta.get(meta.KIND) in ("list", "discovery") else 0
        fingerprint = "" if request.dont_filter else self.df.request_fingerprint(request)
        done = self._push(keys=[self.df.key, self.key, self.keys["workers"]],
                          args=[fingerprint, -(request.priority + boost), self._encode_request(request), self.worker])
        if done == -1:
            raise TakenOut
        return bool(done)

    def pop(self, timeout: int = 0) -> Request | None:
        data = self._pop(keys=[self.key, self.keys["inflight"], self.keys["idle"], self.keys["workers"],
                               self.keys["lastpop"]], args=[self.worker, secrets.token_hex(8)])
        if data == -1:
            raise TakenOut
        return self._decode_request(data) if data else None


class DistributedScheduler(Scheduler):
    """The shared frontier of a distributed run (``SCHEDULER`` in distributed mode).

    The engine opens the scheduler before the run component joins the run (at
    ``spider_opened``), so the run's queue is made on first use; no request comes before."""

    def __init__(self, server, crawler: Crawler):
        super().__init__(server, persist=True)
        self.crawler, self.stats = crawler, crawler.stats
        self._queue: RunQueue | None = None
        #: requests taken from the shared queue and handed to the engine by ``feed``
        self.ready: list[Request] = []
        self._handing: Request | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        # pickled requests: bytes, not decoded text
        server = connect(redis_url(crawler.settings), wait=crawler.settings.getfloat("GOVCRAWL_REDIS_WAIT"),
                         decode=False)
        return cls(server, crawler)

    def open(self, spider: Spider) -> None:
        self.spider = spider

    def close(self, reason: str) -> None:
        """Leave the frontier to the other workers: the last one out deletes it."""

    @property
    def run(self) -> DistributedRun | None:
        """The run this worker joined; None before it did, or if it was refused."""
        run = DistributedMode.run_of(self.crawler)
        return run if run is not None and run.worker is not None else None

    @property
    def queue(self) -> RunQueue | None:
        if self._queue is None and (run := self.run) is not None:
            self.df = RFPDupeFilter(self.server, key=run.key("seen"),
                                    debug=self.crawler.settings.getbool("DUPEFILTER_DEBUG"))
            self._queue = RunQueue(self.server, self.spider, run, self.df)
            if len(self._queue):
                logger.info("Joining run %s: %d requests queued", run.run_id, len(self._queue))
        return self._queue

    def __len__(self) -> int:
        return len(self.ready) + (len(self._queue) if self._queue is not None else 0)

    def feed(self, engine: ExecutionEngine) -> bool:
        """Take the best request of the shared queue and give it to the engine now (the engine
        looks at the scheduler again only at its next heartbeat, every 5 s); False if none."""
        request = self.take()
        if request is None:
            return False
        self._handing = request
        try:
            engine.crawl(request)  # which schedules it here again: see enqueue_request
        finally:
            self._handing = None
        return True

    def enqueue_request(self, request: Request) -> bool:
        if request is self._handing:
            self.ready.append(request)  # taken from the shared queue already, by ``feed``
            return True
        queue = self.queue
        if queue is None or self.run.reaped.is_set():
            return False  # refused, or taken out: the others read again what led here
        try:
            queued = queue.push_new(request)
        except TakenOut:
            self.run.reaped.set()
            return False
        except redis.RedisError as exc:
            lost_redis(self.crawler, exc)
            return False
        if not queued:
            self.df.log(request, self.spider)
            return False
        self.stats.inc_value("scheduler/enqueued/redis")
        return True

    def next_request(self) -> Request | None:
        if self.ready:
            return self.ready.pop(0)
        return self.take()

    def take(self) -> Request | None:
        """The best request of the shared queue, now in this worker's hands (in flight)."""
        queue = self.queue
        if queue is None or self.run.reaped.is_set():
            return None  # refused, or taken out: the others have its requests
        try:
            request = queue.pop()
        except TakenOut:
            self.run.reaped.set()
            return None
        except redis.RedisError as exc:
            lost_redis(self.crawler, exc)
            return None
        if request is not None:
            self.stats.inc_value("scheduler/dequeued/redis")
        return request

    def has_pending_requests(self) -> bool:
        return len(self) > 0

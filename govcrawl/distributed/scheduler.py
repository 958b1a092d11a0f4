"""scrapy-redis's scheduler, adapted: one frontier per distributed run, and no request lost.

scrapy-redis (pinned) predates Scrapy's async ``start()``: its scheduler keys the queue by
spider name, flushes it on close and counts stats with the old ``spider=`` argument. Here the
queue and duplicate filter belong to the run (several workers, one key), closing a worker
leaves them to the others, and taking a request out of the queue records it, in the same Lua
call, among the worker's requests in flight, which a survivor puts back if the worker dies.
"""

from __future__ import annotations

import logging
from typing import Self

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy_redis import connection
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.queue import PriorityQueue
from scrapy_redis.scheduler import Scheduler

from govcrawl import request_meta as meta
from govcrawl.distributed import redis_url
from govcrawl.distributed.run import DistributedRun

logger = logging.getLogger(__name__)
#: added to the priority of list pages in the shared queue (articles have ARTICLE_PRIORITY, 10)
LIST_BOOST = 100

# KEYS: queue, inflight:<w>, idle:<w>. The best request (lowest score: highest priority),
# recorded as in flight; the worker is no longer idle.
POP = """
local got = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if #got == 0 then return false end
redis.call('ZREM', KEYS[1], got[1])
redis.call('HSET', KEYS[2], got[1], got[2])
redis.call('DEL', KEYS[3])
return got[1]
"""


class RunQueue(PriorityQueue):
    """scrapy-redis's priority queue, popped into the worker's in-flight hash.

    List pages go before articles here (a single process takes articles first, to keep its
    frontier small): a column's pages can only be read one after another, and every worker
    waits while the next one is fetched, whereas articles queued in Redis cost no worker memory.
    """

    def __init__(self, server, spider: Spider, key: str, inflight_key: str, idle_key: str):
        super().__init__(server, spider, key)
        self.inflight_key, self.idle_key = inflight_key, idle_key
        self._pop = server.register_script(POP)

    def push(self, request: Request) -> None:
        boost = LIST_BOOST if request.meta.get(meta.KIND) in ("list", "discovery") else 0
        self.server.execute_command("ZADD", self.key, -(request.priority + boost), self._encode_request(request))

    def pop(self, timeout: int = 0) -> Request | None:
        data = self._pop(keys=[self.key, self.inflight_key, self.idle_key])
        return self._decode_request(data) if data else None


class DistributedScheduler(Scheduler):
    """The shared frontier of a distributed run (``SCHEDULER`` in distributed mode)."""

    def __init__(self, server, crawler: Crawler):
        super().__init__(server, persist=True)
        self.crawler, self.stats = crawler, crawler.stats
        self.queue: RunQueue | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        server = connection.get_redis(url=redis_url(crawler.settings))
        server.ping()
        return cls(server, crawler)

    def open(self, spider: Spider) -> None:
        self.spider = spider
        run = self.run = DistributedRun.for_crawler(self.crawler)
        if run.worker is None:
            return  # refused: the run export closes the spider
        self.queue = RunQueue(self.server, spider, run.key("queue"), run.key("inflight", run.worker),
                              run.key("idle", run.worker))
        self.df = RFPDupeFilter(self.server, key=run.key("seen"),
                                debug=self.crawler.settings.getbool("DUPEFILTER_DEBUG"))
        if len(self.queue):
            logger.info("Joining run %s: %d requests queued", run.run_id, len(self.queue))

    def close(self, reason: str) -> None:
        """Leave the frontier to the other workers: the last one out deletes it."""

    def __len__(self) -> int:
        return len(self.queue) if self.queue is not None else 0

    def enqueue_request(self, request: Request) -> bool:
        if self.queue is None:
            return False
        if not request.dont_filter and self.df.request_seen(request):
            self.df.log(request, self.spider)
            return False
        self.stats.inc_value("scheduler/enqueued/redis")
        self.queue.push(request)
        return True

    def next_request(self) -> Request | None:
        if self.queue is None or self.run.reaped.is_set():
            return None  # refused, or taken out: the others have its requests
        request = self.queue.pop()
        if request is not None:
            self.stats.inc_value("scheduler/dequeued/redis")
        return request

    def has_pending_requests(self) -> bool:
        return len(self) > 0

"""A worker of a distributed run: seeds the run once, polls the shared frontier, exits when
the run has nothing left to do, and takes over the requests of workers that died."""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator
from typing import Any, Self

import redis
from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider, NotConfigured
from scrapy.utils.asyncio import create_looping_call
from scrapy.utils.defer import deferred_from_coro

from govcrawl import request_meta as meta
from govcrawl.distributed import is_distributed, lost_redis
from govcrawl.distributed.mode import DistributedMode
from govcrawl.distributed.run import DistributedRun
from govcrawl.run_context import RunContext

logger = logging.getLogger(__name__)
#: how long an idle worker's mark lasts unless it renews it (it does at every check)
IDLE_MARK_MS = 2000


class SeedOnceMiddleware:
    """Only the first worker of a run feeds the start pages (columns, retries, rechecks) into
    the shared frontier; the others start with what it queued."""

    def __init__(self, crawler: Crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        if not is_distributed(crawler.settings):
            raise NotConfigured
        return cls(crawler)

    async def process_start(self, start: AsyncIterator[Any]) -> AsyncIterator[Any]:
        run = DistributedMode.run_of(self.crawler)  # joined at spider_opened, before the start
        if run is None or not run.claim_seeding():
            logger.info("Run %s is seeded by another worker", run.run_id)
            return
        self.crawler.stats.set_value("govcrawl/distributed/seeded", True)
        async for item_or_request in start:
            yield item_or_request
        run.seeded()


class DistributedWorker:
    """Keeps an idle worker polling Redis (Scrapy alone looks again only every 5 s) and closes
    it once the frontier is empty and every worker idle for GOVCRAWL_IDLE_EXIT_SECONDS."""

    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        settings = crawler.settings
        self.idle_exit = settings.getfloat("GOVCRAWL_IDLE_EXIT_SECONDS")
        self.poll = settings.getfloat("GOVCRAWL_POLL_INTERVAL")
        self.quiet_since: float | None = None
        self.last_check = 0.0
        self.loop = None
        self.closing = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        if not is_distributed(crawler.settings):
            raise NotConfigured
        ext = cls(crawler)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_idle, signal=signals.spider_idle)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(ext.request_reached_downloader, signal=signals.request_reached_downloader)
        return ext

    @property
    def run(self) -> DistributedRun | None:
        """The run this worker joined (None if its run did not open)."""
        return DistributedMode.run_of(self.crawler)

    def spider_opened(self, spider: Spider) -> None:
        if self.run is None or self.run.worker is None:
            return
        self.crawler.stats.set_value("govcrawl/distributed/run", self.run.run_id)
        self.crawler.stats.set_value("govcrawl/distributed/worker", self.run.worker)
        self.loop = create_looping_call(self._wake)
        self.loop.start(self.poll, now=False)

    def spider_closed(self, spider: Spider) -> None:
        self.closing = True
        if self.loop is not None and self.loop.running:
            self.loop.stop()

    def request_reached_downloader(self, request: Request, spider: Spider) -> None:
        """An article fetched here may have been found by another worker's list: count it as
        found here, so that a failure is remembered (pending retries) and its outcome tallied."""
        if request.meta.get(meta.KIND) == "article":
            listed = (request.meta.get("redirect_urls") or [request.url])[0]
            RunContext.for_crawler(self.crawler).outcomes.found.add(listed)

    def _wake(self) -> None:
        """Give the engine a request of the shared queue now, rather than at its next heartbeat;
        and end an idle worker as soon as the run is quiet (Scrapy asks spider_idle only every
        5 s, which kept every worker up to 20 s past the end of its run)."""
        if self.run.reaped.is_set():
            if not self.closing:  # the others took its requests over: publishing would repeat them
                self.closing = True
                deferred_from_coro(self.crawler.engine.close_spider_async(reason="reaped"))
            return
        engine = self.crawler.engine
        if self.closing or engine.needs_backout():
            return
        if engine.scheduler.feed(engine) or not engine.spider_is_idle():  # a lost Redis is told by the scheduler
            return
        try:
            done = self._quiet_long_enough(self.run)
        except redis.RedisError as exc:
            lost_redis(self.crawler, exc)  # which closes the worker, with its reason
            return
        if done:
            self.closing = True
            self._log_exit(self.run)
            deferred_from_coro(engine.close_spider_async(reason="finished"))

    def spider_idle(self, spider: Spider) -> None:
        run = self.run
        if run is None or run.worker is None or run.reaped.is_set():
            return  # refused or taken out: close
        try:
            done = self._quiet_long_enough(run)
        except redis.RedisError as exc:
            lost_redis(self.crawler, exc)  # which closes the worker, with its reason
            raise DontCloseSpider from None
        if done:
            self._log_exit(run)
            return
        raise DontCloseSpider

    def _quiet_long_enough(self, run: DistributedRun) -> bool:
        """Whether the run has been quiet for GOVCRAWL_IDLE_EXIT_SECONDS (asked of Redis at most
        every half second, from the poll loop or the engine's idle signal, whichever comes)."""
        now = time.monotonic()
        if now - self.last_check >= min(self.poll * 2, 0.5):
            self.last_check = now
            self.quiet_since = (self.quiet_since or now) if self._run_quiet(run) else None
        return self.quiet_since is not None and now - self.quiet_since >= self.idle_exit

    @staticmethod
    def _log_exit(run: DistributedRun) -> None:
        logger.info("Frontier of run %s empty: worker %s exits", run.run_id, run.worker)

    async def _seed_again(self, run: DistributedRun) -> None:
        """The worker that seeded the run died half-way: queue the start pages again (the
        duplicate filter drops those it had queued)."""
        logger.warning("Seeding run %s again: its seeding worker died", run.run_id)
        async for request in self.crawler.spider.start():
            if isinstance(request, Request):
                self.crawler.engine.crawl(request)
        run.seeded()

    def _run_quiet(self, run: DistributedRun) -> bool:
        """Queue empty and every live worker idle (dead ones are taken out first)."""
        client = run.client
        # short-lived, renewed at each check: a worker that died idle soon stops counting as idle
        client.set(run.key("idle", run.worker), 1, px=IDLE_MARK_MS)
        if run.reap_dead(RunContext.for_crawler(self.crawler)):
            return False
        if run.needs_seeding() and run.claim_seeding():
            deferred_from_coro(self._seed_again(run))
            return False
        workers = client.smembers(run.key("workers"))
        if client.zcard(run.key("queue")):
            return False
        with client.pipeline(transaction=False) as pipe:
            for worker in workers:
                pipe.exists(run.key("idle", worker))
            return all(pipe.execute())

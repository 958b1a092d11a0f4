"""Distributed mode: workers on one or several machines crawl a site list as one, through Redis.

One switch turns it on: ``--redis redis://host:port/db`` (or ``GOVCRAWL_REDIS_URL``). The
scheduler and duplicate filter then live in Redis (scrapy-redis, adapted in ``scheduler``), one
worker seeds the start pages of a run (``worker.SeedOnceMiddleware``), and every worker started
with the same command joins that run (``run.DistributedRun``): one run id, one site lock, one
frontier, one part file per worker, and one run report that the last worker merges.
"""

from __future__ import annotations

import os

from scrapy.crawler import Crawler
from scrapy.settings import SETTINGS_PRIORITIES, BaseSettings

from govcrawl.run_context import storage_failed

SCHEDULER = "govcrawl.distributed.scheduler.DistributedScheduler"
RUN_MODE = "govcrawl.distributed.mode.DistributedMode"


def redis_url(settings: BaseSettings) -> str | None:
    """The Redis URL of the distributed mode: the setting, else the environment variable."""
    return settings.get("GOVCRAWL_REDIS_URL") or os.environ.get("GOVCRAWL_REDIS_URL") or None


def enable(settings: BaseSettings) -> bool:
    """Switch the settings to the distributed scheduler when a Redis URL is given; True if so."""
    url = redis_url(settings)
    if not url:
        return False
    settings.set("GOVCRAWL_REDIS_URL", url, priority="cmdline")
    settings.set("SCHEDULER", SCHEDULER, priority="cmdline")
    settings.set("GOVCRAWL_RUN_MODE", RUN_MODE, priority="cmdline")
    if settings.getpriority("CONCURRENT_REQUESTS") < SETTINGS_PRIORITIES["cmdline"]:
        # A worker takes from the shared queue only what it can fetch at once (a site's
        # requests share one download slot): what it held back would idle the other workers.
        concurrency = min(settings.getint("CONCURRENT_REQUESTS"), settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN"))
        settings.set("CONCURRENT_REQUESTS", concurrency, priority="cmdline")
    return True


def is_distributed(settings: BaseSettings) -> bool:
    """Does this crawler run as one worker of a distributed run?"""
    return settings.get("SCHEDULER") == SCHEDULER and bool(redis_url(settings))


def lost_redis(crawler: Crawler, exc: Exception) -> None:
    """Redis stayed away longer than GOVCRAWL_REDIS_WAIT: the worker ends, naming it, with the
    state/export exit code (its part is not published; the run's requests stay in Redis)."""
    url = redis_url(crawler.settings)
    storage_failed(crawler, f"lost Redis at {url} for longer than GOVCRAWL_REDIS_WAIT: {exc}", lost=True)

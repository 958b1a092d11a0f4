"""How a run holds its site and ends: alone in this process, or as one worker of a larger run.

The run component (``extensions.run.RunComponent``) loads the class named by
``GOVCRAWL_RUN_MODE``. ``LocalRun`` is the single-process mode; the distributed mode supplies its
own (``govcrawl.distributed.mode.DistributedMode``) behind this interface, which the core never
imports.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from datetime import datetime
from typing import TYPE_CHECKING, Any, Self

from scrapy.crawler import Crawler

from govcrawl.state.factory import open_site_lock
from govcrawl.state.lock import SiteLock
from govcrawl.state.redis_lock import RedisSiteLock

if TYPE_CHECKING:
    from govcrawl.run_context import RunContext


class RunMode(ABC):
    """The site's lock and the end of a run, as one mode of running has them."""

    #: the whole run this process's run is a part of (its id and start), or None: a whole run
    group_run_id: str | None = None
    group_started: datetime | None = None

    @classmethod
    @abstractmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        """The mode of the crawler's run (may reach a store: raises what the store raises)."""

    def part_id(self) -> str | None:
        """This process's run id when it is a part of a larger run; None to make one."""
        return None

    @abstractmethod
    def acquire(self, ctx: RunContext) -> None:
        """Take the site for this run or raise ``SiteLocked`` naming who holds it."""

    @abstractmethod
    def release(self) -> None:
        """Give the site up without publishing (the run could not start)."""

    @abstractmethod
    def abandon(self) -> None:
        """The store is gone: let go of the site without a word to it (a lock that dies with
        the process, or expires)."""

    def hands_over(self, reason: str) -> bool:
        """Does this process stop early and leave its requests to others (publishing nothing)?"""
        return False

    def finish(self, ctx: RunContext, report: dict[str, Any] | None, *, published: bool) -> dict[str, Any] | None:
        """End the run after its part is published (or not); the report of a larger run this
        process closed, else None."""
        self.release()
        return None


class LocalRun(RunMode):
    """A run by one process: the site lock is a file, or a Redis key beside a Redis state."""

    def __init__(self, crawler: Crawler):
        self.settings = crawler.settings
        self.lock: SiteLock | RedisSiteLock | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def acquire(self, ctx: RunContext) -> None:
        lock = open_site_lock(self.settings, ctx.site, ctx.lock_dir)
        lock.acquire()
        self.lock = lock

    def release(self) -> None:
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def abandon(self) -> None:
        if self.lock is not None:
            self.lock.abandon()
            self.lock = None

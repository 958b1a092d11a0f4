"""The distributed run mode: a worker's run is its part of the site's distributed run.

It stands behind the core's ``RunMode`` interface: the site lock is the run's membership, a
worker that stops early hands its requests over, and the last worker out merges the report.
"""

from __future__ import annotations

import hashlib
import json
import logging
from typing import TYPE_CHECKING, Any, Self

from scrapy.crawler import Crawler

from govcrawl.distributed import redis_url
from govcrawl.distributed.run import DistributedRun
from govcrawl.run_context import RunContext
from govcrawl.run_mode import RunMode
from govcrawl.sites import SiteEntry

if TYPE_CHECKING:
    from datetime import datetime

logger = logging.getLogger(__name__)


def entry_digest(entry: SiteEntry) -> str:
    """What the workers of one run must agree on: the whole site entry, not only its key."""
    text = json.dumps(entry.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


class DistributedMode(RunMode):
    """This worker's membership of the site's current distributed run, joined when made."""

    def __init__(self, run: DistributedRun):
        self.run = run

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        # an incremental run and a full crawl of a site are not one run: they keep apart
        kind = "run" if settings.get("GOVCRAWL_STATE_PATH") else "crawl"
        run = DistributedRun(redis_url(settings), crawler.spider.name, kind=kind,
                             ttl=settings.getfloat("GOVCRAWL_LOCK_TTL"), wait=settings.getfloat("GOVCRAWL_REDIS_WAIT"))
        entry = getattr(crawler.spider, "entry", None)
        run.join(entry_digest(entry) if entry is not None else "")
        return cls(run)

    @classmethod
    def run_of(cls, crawler: Crawler) -> DistributedRun | None:
        """The distributed run of the crawler's worker, or None before its run opened."""
        ctx = RunContext.opened(crawler)
        mode = ctx.mode if ctx is not None else None
        return mode.run if isinstance(mode, cls) else None

    @property
    def group_run_id(self) -> str | None:  # type: ignore[override]
        return self.run.run_id if self.run.worker is not None else None

    @property
    def group_started(self) -> datetime | None:  # type: ignore[override]
        return self.run.started if self.run.worker is not None else None

    def part_id(self) -> str | None:
        return f"{self.run.run_id}-{self.run.worker}" if self.run.worker is not None else None

    def acquire(self, ctx: RunContext) -> None:
        self.run.acquire()

    def release(self) -> None:
        self.run.release()

    def abandon(self) -> None:
        self.run.abandon()

    def hands_over(self, reason: str) -> bool:
        # taken out: its requests are queued again already, whatever the close reason
        handed = not self.run.is_member() or (reason != "finished" and self.run.others_alive())
        if handed:
            logger.warning("Worker %s stopped (%s): its requests go to the other workers", self.run.worker, reason)
        return handed

    def finish(self, ctx: RunContext, report: dict[str, Any] | None, *, published: bool) -> dict[str, Any] | None:
        return self.run.finish(ctx, report, published=published)

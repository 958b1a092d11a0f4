"""One run of one site: its id, its files, its state store and its ledger of outcomes.

The spider owns it (``spider.run_context``); the middlewares, pipelines and extensions reach it
through ``RunContext.for_crawler``.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from scrapy.crawler import Crawler

from govcrawl.column_coverage import Coverage
from govcrawl.distributed import is_distributed
from govcrawl.distributed.run import DistributedRun
from govcrawl.outcomes import Outcomes
from govcrawl.state.base import CrawlState
from govcrawl.state.factory import is_redis_url, open_state, state_url

CHINA = timezone(timedelta(hours=8), "Asia/Shanghai")


@dataclass(slots=True)
class RunContext:
    """Where a run writes and what it remembers; one per crawler."""

    site: str
    run_id: str
    started: datetime
    export_dir: Path | None
    state: CrawlState | None
    lock_dir: Path
    #: columns (start URLs) this run paged, paged to the end (or to known articles), and
    #: those with a list page that failed
    columns_visited: set[str] = field(default_factory=set)
    columns_ended: set[str] = field(default_factory=set)
    columns_failed: set[str] = field(default_factory=set)
    #: columns a home-only entry's run found and crawled: name, url, article links on page 1
    columns_discovered: list[dict[str, Any]] = field(default_factory=list)
    #: the article links this run found and what became of each
    outcomes: Outcomes = field(default_factory=Outcomes)
    #: what the run read of each column, and why its paging ended
    coverage: Coverage = field(default_factory=Coverage)
    #: the site's run number in the state (back-off of pending pages counts runs); 0 without state
    run_number: int = 0
    #: a worker of a distributed run: ``run_id`` is its part, ``<run>-<worker>``, and its files
    #: go to the folder of the day the run (not the worker) started
    group_run_id: str | None = None
    run_started: datetime | None = None

    @classmethod
    def for_crawler(cls, crawler: Crawler) -> RunContext:
        """The run context of the crawler's spider, which owns it; made on first use, so that
        a state that cannot be opened fails where the run export can report it."""
        spider = crawler.spider
        context = getattr(spider, "run_context", None)
        if context is None:
            context = spider.run_context = cls._create(crawler)
        return context

    @classmethod
    def _create(cls, crawler: Crawler) -> RunContext:
        settings = crawler.settings
        started = datetime.now(UTC)
        run_id = settings.get("GOVCRAWL_RUN_ID") or (
            f"{started:%Y%m%dT%H%M%SZ}-{secrets.token_hex(3)}")
        group = distributed_run(crawler)
        if group is not None:
            run_id = f"{group.run_id}-{group.worker}"
        export_dir = settings.get("GOVCRAWL_EXPORT_DIR")
        state = open_state(settings)
        state_path = None if is_redis_url(state_url(settings)) else state_url(settings)
        lock_dir = settings.get("GOVCRAWL_LOCK_DIR") or (
            Path(state_path).parent / "locks" if state_path else Path(export_dir or ".") / ".locks")
        # Absolute: the state remembers export paths, and the next run may start elsewhere.
        return cls(site=crawler.spider.name, run_id=run_id, started=started,
                   export_dir=Path(export_dir).resolve() if export_dir else None, state=state,
                   lock_dir=Path(lock_dir).resolve(),
                   run_number=state.run_number(crawler.spider.name) if state is not None else 0,
                   group_run_id=group.run_id if group else None, run_started=group.started if group else None)

    @property
    def run_dir(self) -> Path:
        """``<export dir>/<site>/<YYYY-MM-DD>``, the date of the run's start in China."""
        if self.export_dir is None:
            raise RuntimeError("this run has no export folder")
        started = self.run_started or self.started
        return self.export_dir / self.site / f"{started.astimezone(CHINA):%Y-%m-%d}"

    def path(self, suffix: str) -> Path:
        """A file of this run: ``.jsonl``, ``.jsonl.part`` or ``.report.json``."""
        return self.run_dir / f"{self.run_id}{suffix}"

    @property
    def rejects_path(self) -> Path:
        """``rejects/<run-id>.jsonl``: out of the way of consumers globbing ``*.jsonl``."""
        return self.run_dir / "rejects" / f"{self.run_id}.jsonl"


def distributed_run(crawler: Crawler) -> DistributedRun | None:
    """The distributed run this crawler's worker joined, or None (not distributed, or refused)."""
    if not is_distributed(crawler.settings):
        return None
    run = DistributedRun.for_crawler(crawler)
    return run if run.worker is not None else None


def is_scrapy_parse(crawler: Crawler) -> bool:
    """Whether ``scrapy parse URL`` runs this crawler: a look at one page, which must leave no
    export, rejects file, report or state behind. Scrapy's parse command replaces the spider
    class's ``start`` with a function of its own, and that is the one sign it leaves."""
    start = getattr(crawler.spidercls, "start", None)
    return getattr(start, "__module__", "") == "scrapy.commands.parse"

"""One run of one site: its id, its files, its state store and its ledger of outcomes.

The run component (``extensions.run.RunComponent``) opens it once, at ``spider_opened``, and
hands it to the other components through the crawler, as Scrapy hands ``crawler.stats``:
``RunContext.for_crawler`` only looks it up.
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from scrapy.crawler import Crawler
from scrapy.utils.defer import deferred_from_coro

from govcrawl.column_coverage import Coverage
from govcrawl.outcomes import Outcomes
from govcrawl.run_mode import LocalRun, RunMode
from govcrawl.state.base import CrawlState
from govcrawl.state.factory import is_redis_url, open_state, state_url

logger = logging.getLogger(__name__)
CHINA = timezone(timedelta(hours=8), "Asia/Shanghai")
#: the close reason of a run whose records could not be stored, and the stats that say why
STORAGE_ERROR = "storage_error"
STORAGE_ERROR_STAT = "govcrawl/run/storage_error"
#: set when the store went away mid-run: closing must not wait on it again
STORE_LOST = "govcrawl/run/store_lost"
#: set once the run's export (or its empty report) is published: what a summary may call exported
PUBLISHED = "govcrawl/run/published"
#: the crawler attribute that holds its run, as ``crawler.stats`` holds its stats
ATTRIBUTE = "govcrawl_run"


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

    #: how the run holds its site and ends (alone, or as one worker of a distributed run)
    mode: RunMode | None = None

    @classmethod
    def for_crawler(cls, crawler: Crawler) -> RunContext:
        """The run the crawler's run component opened."""
        context = getattr(crawler, ATTRIBUTE, None)
        if context is None:
            raise RuntimeError("no run is open: govcrawl's RunComponent extension opens it at spider_opened")
        return context

    @classmethod
    def opened(cls, crawler: Crawler) -> RunContext | None:
        """The crawler's run, or None before it opened (or when it could not open)."""
        return getattr(crawler, ATTRIBUTE, None)

    @classmethod
    def open(cls, crawler: Crawler, mode: RunMode | None = None) -> RunContext:
        """Open the crawler's run: its id, folders and state store (which may fail to open:
        the store's error is raised). Called once, by the run component."""
        settings = crawler.settings
        mode = mode or LocalRun.from_crawler(crawler)
        started = datetime.now(UTC)
        run_id = mode.part_id() or settings.get("GOVCRAWL_RUN_ID") or (
            f"{started:%Y%m%dT%H%M%SZ}-{secrets.token_hex(3)}")
        export_dir = settings.get("GOVCRAWL_EXPORT_DIR")
        state = open_state(settings)
        state_path = None if is_redis_url(state_url(settings)) else state_url(settings)
        lock_dir = settings.get("GOVCRAWL_LOCK_DIR") or (
            Path(state_path).parent / "locks" if state_path else Path(export_dir or ".") / ".locks")
        # Absolute: the state remembers export paths, and the next run may start elsewhere.
        context = cls(site=crawler.spider.name, run_id=run_id, started=started,
                      export_dir=Path(export_dir).resolve() if export_dir else None, state=state,
                      lock_dir=Path(lock_dir).resolve(),
                      run_number=state.run_number(crawler.spider.name) if state is not None else 0,
                      group_run_id=mode.group_run_id, run_started=mode.group_started, mode=mode)
        setattr(crawler, ATTRIBUTE, context)
        return context

    @property
    def day(self) -> str:
        """``YYYY-MM-DD``: the date of the run's start in China, which names its folders."""
        return f"{(self.run_started or self.started).astimezone(CHINA):%Y-%m-%d}"

    @property
    def run_dir(self) -> Path:
        """``<export dir>/<site>/<YYYY-MM-DD>``, the date of the run's start in China."""
        if self.export_dir is None:
            raise RuntimeError("this run has no export folder")
        return self.export_dir / self.site / self.day

    def path(self, suffix: str) -> Path:
        """A file of this run: ``.jsonl``, ``.jsonl.part`` or ``.report.json``."""
        return self.run_dir / f"{self.run_id}{suffix}"

    @property
    def rejects_path(self) -> Path:
        """``rejects/<run-id>.jsonl``: out of the way of consumers globbing ``*.jsonl``."""
        return self.run_dir / "rejects" / f"{self.run_id}.jsonl"


def is_parse_only(crawler: Crawler) -> bool:
    """Whether ``scrapy parse URL`` runs this crawler (govcrawl's parse command says so): a look
    at one page, which must leave no export, rejects file, report or state behind."""
    return crawler.settings.getbool("GOVCRAWL_PARSE_ONLY")


def run_published(stats: dict[str, Any]) -> bool:
    """Whether a run's files were published, from its stats (a crawl into Scrapy's feeds has no
    publish: it counts as published unless its records could not be stored)."""
    if "govcrawl/run/id" in stats:
        return bool(stats.get(PUBLISHED))
    return not stats.get(STORAGE_ERROR_STAT)


def state_failed(crawler: Crawler, exc: Exception) -> None:
    """The crawl state failed under a middleware or pipeline: the run ends, unpublished, naming
    the store (the next run fetches these pages again)."""
    state = RunContext.for_crawler(crawler).state
    storage_failed(crawler, state.failure_message(exc) if state is not None else f"the crawl state failed: {exc}",
                   lost=True)


def storage_failed(crawler: Crawler, message: str, *, lost: bool = False) -> None:
    """Note that records could not be stored: the run must not look like a success. A store
    ``lost`` (Redis gone for longer than GOVCRAWL_REDIS_WAIT) ends the run, which touches it no more."""
    logger.error("%s", message)
    stats = crawler.stats
    if not stats.get_value(STORAGE_ERROR_STAT):
        stats.set_value(STORAGE_ERROR_STAT, message)
    if lost and not stats.get_value(STORE_LOST):
        stats.set_value(STORE_LOST, True)
        deferred_from_coro(crawler.engine.close_spider_async(reason=STORAGE_ERROR))

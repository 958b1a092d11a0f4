"""The interface of a crawl-state store: a SQLite file (one machine) or Redis (several).

Exactly-once export rests on one rule: what a run learns about articles it exported is
*staged* under the run's id and becomes the committed state only when the run's export file
has been published. A run that dies before publishing leaves staged rows that recovery drops;
one that dies after publishing leaves rows that recovery commits.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(slots=True)
class ArticleState:
    """What is known about one article URL."""

    url: str
    site: str
    first_seen: str
    last_seen: str
    content_hash: str
    revision: int = 1
    etag: str | None = None
    last_modified: str | None = None
    #: the column its last revision was exported under: a recheck's revision keeps it
    column: str | None = None
    #: what its last revision had (govcrawl.record_quality): a worse recheck is held, not exported
    quality: str | None = None


@dataclass(slots=True, frozen=True)
class Rejected:
    """A page that did not become a record in a run: its URL, why, and the column that listed it."""

    url: str
    reason: str
    column_name: str | None = None
    #: whether a later run should try it again (5xx, timeouts, block pages …)
    transient: bool = False
    #: what its link asked of an undated page (warc.DateNeed), for the retry to ask it again
    needs_date: str | None = None


@dataclass(slots=True, frozen=True)
class FailedArticle:
    """A page that earlier runs could not turn into a record."""

    url: str
    reason: str
    column_name: str | None
    transient: bool
    #: how many runs failed on it, and the number of the last of them
    attempts: int
    failed_run: int
    given_up: bool
    #: what its link asked of an undated page (warc.DateNeed)
    needs_date: str | None = None

    def is_due(self, run_number: int) -> bool:
        """Retry now? Back-off doubles in runs: the next run, then every 2nd, 4th, 8th …"""
        return self.transient and not self.given_up and run_number - self.failed_run >= 2 ** (self.attempts - 1)


@dataclass(slots=True)
class RunRecord:
    """One run of one site: its export file and, once finished, its report."""

    run_id: str
    site: str
    export_path: str
    status: str = "running"  # running | published | aborted
    report: dict[str, Any] = field(default_factory=dict)
    #: the distributed run this is one worker's part of (its parts are not runs of their own)
    part_of: str | None = None


class CrawlState(ABC):
    """Per-article and per-run memory shared by the runs of a site."""

    def failure_message(self, exc: Exception) -> str:
        """What a user reads when this store fails under a run (where it is, and why)."""
        return f"the crawl state failed: {exc}"

    @abstractmethod
    def articles(self, urls: Iterable[str]) -> dict[str, ArticleState]:
        """Committed state of those URLs that earlier runs exported."""

    @abstractmethod
    def touch(self, run_id: str, url: str, seen_at: str, etag: str | None, last_modified: str | None) -> None:
        """Note that a known article was seen unchanged (304 or same hash); staged like the
        run's articles, so it counts only once the run is published."""

    @abstractmethod
    def recheck_candidates(self, site: str, first_seen_since: str, limit: int) -> list[ArticleState]:
        """Articles first seen since then, the longest unchecked first: what a run refetches
        (conditionally) to catch edits without --refresh."""

    @abstractmethod
    def begin_run(self, run: RunRecord) -> None:
        """Register a run before it exports anything."""

    @abstractmethod
    def stage_many(self, run_id: str, articles: Iterable[ArticleState]) -> None:
        """Remember the run's exported articles (durably); committed by ``publish_run``."""

    @abstractmethod
    def publish_run(
        self,
        run_id: str,
        report: dict[str, Any],
        *,
        complete_columns: Iterable[str] = (),
        incomplete_columns: Iterable[str] = (),
        rejected: Iterable[Rejected] = (),
        run_number: int = 0,
        max_attempts: int = 1,
    ) -> None:
        """The run's export file is published: commit its staged articles and its report,
        the columns it paged to the end (or not: they must be paged fully next time), and the
        pages it rejected (a transient failure counts one more attempt; at ``max_attempts`` it
        is given up). An exported article is no longer failed. Publishing a published run
        again changes nothing."""

    @abstractmethod
    def publish_group(self, run_id: str, site: str, started: datetime, report: dict[str, Any]) -> None:
        """A run made of parts (the workers of a distributed run), each published on its own:
        its report counts as one run of the site (in ``run_number`` and ``recent_reports``)."""

    @abstractmethod
    def complete_columns(self, site: str) -> set[str]:
        """Start URLs of the site's columns that some published run paged to the end."""

    @abstractmethod
    def failed_articles(self, urls: Iterable[str]) -> dict[str, FailedArticle]:
        """Those of the URLs that earlier runs could not turn into records."""

    @abstractmethod
    def pending_articles(self, site: str) -> list[FailedArticle]:
        """The site's transient failures not yet given up (due or not)."""

    @abstractmethod
    def run_number(self, site: str) -> int:
        """The number of the site's next run: its published runs plus one."""

    @abstractmethod
    def unfinished_runs(self, site: str) -> list[RunRecord]:
        """Runs of the site that neither published nor aborted (killed runs)."""

    @abstractmethod
    def abort_run(self, run_id: str) -> None:
        """Drop a run's staged articles: its export was never published (a published run
        stays published)."""

    @abstractmethod
    def recent_reports(self, site: str, limit: int) -> list[dict[str, Any]]:
        """Reports of the site's last published runs, newest first."""

    @abstractmethod
    def close(self) -> None:
        """Release the store."""

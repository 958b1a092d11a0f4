"""A run's lifecycle: lock the site, recover killed runs, export atomically, commit the state.

Order on close, so that a kill at any moment leaves every article in exactly one published
file (a run that exported nothing publishes no file, only its report): (1) the ``.part`` file
is flushed and fsynced, (2) the articles it holds are staged in the state, (3) the file is
renamed to its final name (the publish), (4) the staged articles become the committed state.
Recovery at the next start finishes (4) when the final file exists, and otherwise drops the
staged rows and the ``.part`` file.
"""

from __future__ import annotations

import json
import logging
import os
import signal
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any, Self

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import CloseSpider, NotConfigured
from scrapy.utils.defer import deferred_from_coro

from govcrawl.distributed import is_distributed
from govcrawl.distributed.run import DistributedRun
from govcrawl.health import assess_health
from govcrawl.items import Article
from govcrawl.pipelines.validate import export_dict
from govcrawl.run_context import RunContext, is_scrapy_parse
from govcrawl.state.base import ArticleState, RunRecord
from govcrawl.state.factory import STATE_ERRORS, open_site_lock
from govcrawl.state.lock import SiteLock, SiteLocked
from govcrawl.state.redis_lock import RedisSiteLock

logger = logging.getLogger(__name__)
#: the close reason of a run whose records could not be stored
STORAGE_ERROR = "storage_error"
COVERED_FIELDS = ("title", "published_at", "source", "body")


class RunExport:
    """Writes ``<export dir>/<site>/<date>/<run-id>.jsonl`` and its report; keeps the state."""

    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self.ctx: RunContext | None = None
        self.lock: SiteLock | RedisSiteLock | DistributedRun | None = None
        self.out: IO[str] | None = None
        self.staged: list[ArticleState] = []
        # written in batches, to keep memory flat on long runs
        self.stage_batch = crawler.settings.getint("GOVCRAWL_STAGE_BATCH")
        self.coverage = dict.fromkeys(COVERED_FIELDS, 0)
        self.max_attempts = crawler.settings.getint("GOVCRAWL_RETRY_MAX_ATTEMPTS")
        self.exported = 0
        self.storage_error: str | None = None
        #: a distributed worker that stopped early leaves its requests to the others, unpublished
        self.handed_over = False
        self.report: dict[str, Any] | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        if not settings.get("GOVCRAWL_EXPORT_DIR") or settings.getdict("FEEDS"):
            raise NotConfigured  # exports go through FEEDS (-o/-O on the command line)
        if is_scrapy_parse(crawler):
            raise NotConfigured
        ext = cls(crawler)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_opened(self, spider: Spider) -> None:
        try:
            ctx = RunContext.for_crawler(self.crawler)
        except STATE_ERRORS as exc:
            self._storage_failed(f"cannot open the crawl state: {exc}")
            raise CloseSpider(STORAGE_ERROR) from None
        if is_distributed(self.crawler.settings):  # the run's membership stands for the lock
            lock = DistributedRun.for_crawler(self.crawler)
        else:
            lock = open_site_lock(self.crawler.settings, ctx.site, ctx.lock_dir)
        try:
            lock.acquire()
        except STATE_ERRORS as exc:
            self._storage_failed(f"cannot lock the site: {exc}")
            raise CloseSpider(STORAGE_ERROR) from None
        except SiteLocked as exc:
            logger.error("%s", exc)
            self.crawler.stats.set_value("govcrawl/run/locked", str(exc))
            raise CloseSpider("site_locked") from None
        try:
            self._open_run(ctx)
        except STATE_ERRORS as exc:
            # Crawling on without a place to put the records would only look like success.
            self._storage_failed(f"cannot start the run: {exc}")
            lock.release()
            raise CloseSpider(STORAGE_ERROR) from None
        self.ctx, self.lock = ctx, lock

    def _open_run(self, ctx: RunContext) -> None:
        if ctx.state is not None:
            self._recover(ctx)
            ctx.state.begin_run(RunRecord(ctx.run_id, ctx.site, str(ctx.path(".jsonl")), part_of=ctx.group_run_id))
        ctx.run_dir.mkdir(parents=True, exist_ok=True)
        self.out = ctx.path(".jsonl.part").open("w", encoding="utf-8")
        self.crawler.stats.set_value("govcrawl/run/id", ctx.run_id)
        self.crawler.stats.set_value("govcrawl/run/export", str(ctx.path(".jsonl")))

    def item_scraped(self, item: Article) -> None:
        if self.out is None:
            return
        record = item.record if item.record is not None else export_dict(item)
        try:
            self.out.write(json.dumps(record, ensure_ascii=False) + "\n")
        except OSError as exc:
            self._storage_failed(f"cannot write the export {self.ctx.path('.jsonl.part')}: {exc}")
            deferred_from_coro(self.crawler.engine.close_spider_async(reason=STORAGE_ERROR))
            return
        self.exported += 1
        kind = "new" if item.revision == 1 else "changed"
        self.crawler.stats.inc_value("govcrawl/run/exported")
        self.crawler.stats.inc_value(f"govcrawl/state/{kind}")
        if self.ctx is not None:
            self.ctx.outcomes.settle(item.listed_url or item.url, f"exported_{kind}")
        for name in COVERED_FIELDS:
            self.coverage[name] += bool(record.get(name))
        if self.ctx is not None and self.ctx.state is not None:
            self.staged.append(_article_state(item, item.url))
            if item.listed_url and item.listed_url != item.url:
                # Lists keep linking to the URL that redirected: know the article by it too.
                self.staged.append(_article_state(item, item.listed_url))
            if len(self.staged) >= self.stage_batch:
                self._stage()

    def spider_closed(self, spider: Spider, reason: str) -> None:
        if self.ctx is None or self.out is None:
            return
        try:
            self._close_run(reason)
        except STATE_ERRORS as exc:
            self._storage_failed(f"cannot publish the run: {exc}")
        unpublished = bool(self.storage_error) or self.handed_over
        if unpublished and self.ctx.state is not None:
            # nothing of this run may count: the next run fetches its articles again
            self.ctx.state.abort_run(self.ctx.run_id)
            self.ctx.state.close()
        if isinstance(self.lock, DistributedRun):
            self._finish_distributed(published=not unpublished)
        else:
            self.lock.release()

    def _finish_distributed(self, *, published: bool) -> None:
        """Leave the distributed run; the last worker out reports on the whole run."""
        try:
            report = self.lock.finish(self.ctx, self.report, published=published)
        except STATE_ERRORS as exc:
            self._storage_failed(f"cannot finish the distributed run: {exc}")
            return
        if report is None:
            return
        stats = self.crawler.stats
        stats.set_value("govcrawl/distributed/run_report", report["report"])
        # workers that died read pages too, uncounted: a resumed run may have had little left
        read = report["list_pages"] + report["exported"] + len(report["workers_lost"])
        stats.set_value("govcrawl/distributed/run_read_pages", read)
        if report["health"]["status"] == "alert":
            stats.set_value("govcrawl/run/health_alert", report["health"]["flags"])
            for flag in report["health"]["flags"]:
                logger.warning("HEALTH %s: %s", self.ctx.site, flag)

    def _storage_failed(self, message: str) -> None:
        """Note that records could not be stored: the run must not look like a success."""
        logger.error("%s", message)
        self.storage_error = self.storage_error or message
        self.crawler.stats.set_value("govcrawl/run/storage_error", self.storage_error)

    def _close_run(self, reason: str) -> None:
        """Publish the export, write the report, commit the state, in the order that keeps
        every article exactly once."""
        ctx, final = self.ctx, self.ctx.path(".jsonl")
        if self.storage_error or self._hand_over(reason):
            self.out.close()
            ctx.path(".jsonl.part").unlink(missing_ok=True)
            return
        self.out.flush()
        os.fsync(self.out.fileno())
        self.out.close()
        self._crash_point("before_stage")
        if ctx.state is not None:
            self._stage()
        self._crash_point("before_publish")
        if self.exported:
            os.replace(ctx.path(".jsonl.part"), final)
            _fsync_dir(final.parent)
        else:
            # An empty file breaks readers (pyarrow's read_json fails on 0 bytes); the report
            # alone says the run happened and found nothing new.
            ctx.path(".jsonl.part").unlink()
            self.crawler.stats.set_value("govcrawl/run/export", None)
        self._crash_point("after_publish")
        report = self.report = self._report(reason)
        _write_json(ctx.path(".report.json"), report)
        self.crawler.stats.set_value("govcrawl/run/report", str(ctx.path(".report.json")))
        if ctx.state is not None:
            self._commit(ctx, report, finished=reason == "finished")
        if report["health"]["status"] == "alert":
            self.crawler.stats.set_value("govcrawl/run/health_alert", report["health"]["flags"])
            for flag in report["health"]["flags"]:
                logger.warning("HEALTH %s: %s", ctx.site, flag)

    def _hand_over(self, reason: str) -> bool:
        """A distributed worker stopped before the run's end (or taken out for a missed
        heartbeat) while others go on: they take its requests over, so it publishes nothing."""
        lock = self.lock
        if not isinstance(lock, DistributedRun):
            return False
        # taken out: its requests are queued again already, whatever the close reason
        self.handed_over = not lock.is_member() or (reason != "finished" and lock.others_alive())
        if self.handed_over:
            logger.warning("Worker %s stopped (%s): its requests go to the other workers", lock.worker, reason)
            self.crawler.stats.set_value("govcrawl/distributed/handed_over", True)
            self.crawler.stats.set_value("govcrawl/run/export", None)
        return self.handed_over

    def _stage(self) -> None:
        """Stage what is buffered: harmless before the publish, which alone makes it count."""
        self.ctx.state.stage_many(self.ctx.run_id, self.staged)
        self.staged.clear()

    def _commit(self, ctx: RunContext, report: dict[str, Any], *, finished: bool) -> None:
        """Make the published run the state; only a finished run can mark columns complete."""
        complete = ctx.columns_ended - ctx.columns_failed if finished else set()
        incomplete = ctx.columns_failed if finished else ctx.columns_visited
        ctx.state.publish_run(ctx.run_id, report, complete_columns=complete,
                              incomplete_columns=incomplete, rejected=ctx.outcomes.rejected,
                              run_number=ctx.run_number, max_attempts=self.max_attempts)
        ctx.state.close()

    def _given_up(self) -> list[str]:
        """Pages this run failed on for a transient reason for the last allowed time."""
        transient = [r.url for r in self.ctx.outcomes.rejected if r.transient]
        if self.ctx.state is None or not transient:
            return []
        known = self.ctx.state.failed_articles(transient)
        attempts = {url: known[url].attempts if url in known else 0 for url in transient}
        return sorted(url for url in transient if attempts[url] + 1 >= self.max_attempts)

    def _crash_point(self, name: str) -> None:
        """Fault injection for the exactly-once tests: die here as SIGKILL would."""
        if self.crawler.settings.get("GOVCRAWL_CRASH_AT") == name:
            os.kill(os.getpid(), signal.SIGKILL)

    def _recover(self, ctx: RunContext) -> None:
        """Finish or undo runs of this site that a kill interrupted."""
        for run in ctx.state.unfinished_runs(ctx.site):
            if ctx.group_run_id and run.run_id.startswith(f"{ctx.group_run_id}-"):
                continue  # a part of this very run: its worker is alive, or the others reap it
            if Path(run.export_path).exists():
                logger.warning("Run %s was published but not committed: committing", run.run_id)
                ctx.state.publish_run(run.run_id, {"run_id": run.run_id, "recovered": True})
            else:
                logger.warning("Run %s was killed before publishing: discarding", run.run_id)
                Path(run.export_path + ".part").unlink(missing_ok=True)
                ctx.state.abort_run(run.run_id)

    def _columns(self) -> list[dict[str, Any]]:
        ctx = self.ctx
        for url in ctx.columns_failed:
            ctx.coverage.stop(url, "failed")
        return ctx.coverage.table(ctx.outcomes.settled)

    def _report(self, reason: str) -> dict[str, Any]:
        stats = self.crawler.stats.get_stats()
        ctx = self.ctx
        finished = datetime.now(UTC)
        counts = {k: int(stats.get(f"govcrawl/state/{k}", 0))
                  for k in ("new", "changed", "unchanged", "not_modified", "skipped_known")}
        report = {
            "run_id": ctx.run_id, "site": ctx.site, "finish_reason": reason,
            # a crawl (no state) exports every article it finds: a full snapshot; a run only
            # what is new or changed since the state's last run: an increment
            "run_kind": "run" if ctx.state is not None else "crawl",
            "started": ctx.started.isoformat(timespec="seconds"),
            "finished": finished.isoformat(timespec="seconds"),
            "duration_s": round((finished - ctx.started).total_seconds(), 3),
            "pages_fetched": int(stats.get("downloader/response_count", 0)),
            "requests": int(stats.get("downloader/request_count", 0)),
            "list_pages": int(stats.get("govcrawl/list/pages", 0)),
            "article_links": int(stats.get("govcrawl/list/article_links", 0)),
            "article_pages": int(stats.get("govcrawl/article/pages", 0)),
            "exported": self.exported, **counts,
            "rejected": {k.removeprefix("govcrawl/rejected/"): v for k, v in stats.items()
                         if k.startswith("govcrawl/rejected/")},
            "errors": int(stats.get("log_count/ERROR", 0)),
            "outcomes": ctx.outcomes.table(),
            "columns_discovered": ctx.columns_discovered,
            # GOVCRAWL_DISCOVERY_MAX_PAGES stopped the search for columns: pin them in the entry
            "discovery_capped": bool(stats.get("govcrawl/discovery/capped")),
            "discovery": _discovery(stats),
            # per column: list pages read, links seen, what became of them, why paging ended
            "columns": self._columns(),
            "bounds_reached": ctx.coverage.bounds(),
            "given_up": self._given_up(),
            "coverage": {k: round(v / self.exported, 3) for k, v in self.coverage.items()}
            if self.exported else {},
            "export": str(ctx.path(".jsonl")) if self.exported else None,
        }
        # compared with the last healthy runs only, so that an alert lasts until the site recovers
        recent = ctx.state.recent_reports(ctx.site, 30) if ctx.state is not None else []
        history = [h for h in recent if h.get("health", {}).get("status") != "alert"][:10]
        report["health"] = assess_health(report, history)
        if ctx.group_run_id:  # a part: its health is judged on the whole run
            report.update(part_of=ctx.group_run_id, health={"status": "part", "flags": []})
        return report


def _discovery(stats: dict[str, Any]) -> dict[str, Any]:
    """What the search for columns of a home-only entry read, and what its budget left out."""
    counts = {key: int(stats.get(f"govcrawl/discovery/{key}", 0))
              for key in ("pages", "columns", "channels", "article_pages", "headline_articles", "failed")}
    return {**counts, "left_out": stats.get("govcrawl/discovery/left_out") or []}


def _article_state(item: Article, url: str) -> ArticleState:
    return ArticleState(
        url=url, site=item.site, first_seen=item.first_seen or item.crawled_at,
        last_seen=item.crawled_at, content_hash=item.content_hash, revision=item.revision,
        etag=item.etag, last_modified=item.last_modified, column=item.column)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_json(path: Path, data: dict[str, Any]) -> None:
    """Write a small JSON file whole or not at all."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, path)

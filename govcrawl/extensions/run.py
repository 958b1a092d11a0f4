"""The run component: one owner of a run's life — store, lock, export, report — in Scrapy's manner.

It opens the run once, at ``spider_opened`` (``RunContext.open``: its id, folders and state
store), takes the site through the run mode (``GOVCRAWL_RUN_MODE``: alone, or one worker of a
distributed run), and closes it once. The other components find the run with
``RunContext.for_crawler``, as they find ``crawler.stats``.

Order on close, so that a kill at any moment leaves every article in exactly one published
file (a run that exported nothing publishes no file, only its report): (1) the ``.part`` file
is flushed and fsynced, (2) the articles it holds are staged in the state, (3) the file is
renamed to its final name (the publish), (4) the staged articles become the committed state.
Recovery at the next start finishes (4) when the final file exists, and otherwise drops the
staged rows and the ``.part`` file.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from pathlib import Path
from typing import IO, Any, Self

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import CloseSpider
from scrapy.utils.defer import deferred_from_coro
from scrapy.utils.misc import load_object

from govcrawl import files
from govcrawl.items import Article
from govcrawl.pipelines.validate import export_dict
from govcrawl.reasons import Outcome
from govcrawl.record_quality import RecordQuality
from govcrawl.run_context import (
    PUBLISHED,
    STORAGE_ERROR,
    STORAGE_ERROR_STAT,
    STORE_LOST,
    RunContext,
    is_parse_only,
    storage_failed,
)
from govcrawl.run_mode import LocalRun, RunMode
from govcrawl.run_report import COVERED_FIELDS, run_report
from govcrawl.signals import run_step
from govcrawl.state.base import ArticleState, RunRecord
from govcrawl.state.factory import STATE_ERRORS
from govcrawl.state.lock import SiteLocked

logger = logging.getLogger(__name__)
#: the close reason of a run whose records could not be stored


class RunComponent:
    """Opens and closes the crawler's run; writes ``<export dir>/<site>/<date>/<run-id>.jsonl``
    and its report, and keeps the state. With Scrapy's feeds (``-o``) or under ``scrapy parse``
    the run is opened for the others to note outcomes in, and nothing is written or locked."""

    def __init__(self, crawler: Crawler, *, exports: bool):
        self.crawler = crawler
        self.exports = exports
        self.ctx: RunContext | None = None
        self.out: IO[str] | None = None
        self.staged: list[ArticleState] = []
        # written in batches, to keep memory flat on long runs
        self.stage_batch = crawler.settings.getint("GOVCRAWL_STAGE_BATCH")
        self.covered = dict.fromkeys(COVERED_FIELDS, 0)
        self.max_attempts = crawler.settings.getint("GOVCRAWL_RETRY_MAX_ATTEMPTS")
        self.exported = 0
        #: a worker of a larger run that stopped early leaves its requests to the others, unpublished
        self.handed_over = False
        self.report: dict[str, Any] | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        # exports go through FEEDS instead when set (-o/-O on the command line)
        exports = bool(settings.get("GOVCRAWL_EXPORT_DIR")) and not settings.getdict("FEEDS") \
            and not is_parse_only(crawler)
        component = cls(crawler, exports=exports)
        crawler.signals.connect(component.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(component.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(component.spider_closed, signal=signals.spider_closed)
        return component

    # ---- opening

    def spider_opened(self, spider: Spider) -> None:
        try:
            ctx = self.open()
        except STATE_ERRORS as exc:
            self._storage_failed(f"cannot open the crawl state: {exc}")
            raise CloseSpider(STORAGE_ERROR) from None
        if not self.exports:
            return
        try:
            ctx.mode.acquire(ctx)
        except STATE_ERRORS as exc:
            self._storage_failed(f"cannot lock the site: {exc}")
            raise CloseSpider(STORAGE_ERROR) from None
        except SiteLocked as exc:
            logger.error("%s", exc)
            self.crawler.stats.set_value("govcrawl/run/locked", str(exc))
            raise CloseSpider("site_locked") from None
        try:
            self._open_export(ctx)
        except STATE_ERRORS as exc:
            # Crawling on without a place to put the records would only look like success.
            self._storage_failed(f"cannot start the run: {exc}")
            ctx.mode.release()
            raise CloseSpider(STORAGE_ERROR) from None

    def open(self) -> RunContext:
        """Open the run (once): its mode, id, folders and state store."""
        if self.ctx is None:
            settings = self.crawler.settings
            mode_class: type[RunMode] = load_object(settings["GOVCRAWL_RUN_MODE"]) if self.exports else LocalRun
            self.ctx = RunContext.open(self.crawler, mode_class.from_crawler(self.crawler))
        return self.ctx

    def _open_export(self, ctx: RunContext) -> None:
        if ctx.state is not None:
            self._recover(ctx)
            ctx.state.begin_run(RunRecord(ctx.run_id, ctx.site, str(ctx.path(".jsonl")), part_of=ctx.group_run_id))
        try:
            ctx.run_dir.mkdir(parents=True, exist_ok=True)
            self.out = ctx.path(".jsonl.part").open("w", encoding="utf-8")
        except OSError:
            if ctx.state is not None:  # a run that never had a file must not haunt the next ones
                ctx.state.abort_run(ctx.run_id)
            raise
        self.crawler.stats.set_value("govcrawl/run/id", ctx.run_id)
        self.crawler.stats.set_value("govcrawl/run/export", str(ctx.path(".jsonl")))
        if ctx.group_run_id:
            self.crawler.stats.set_value("govcrawl/run/part_of", ctx.group_run_id)

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
                _discard_part(Path(run.export_path + ".part"))
                ctx.state.abort_run(run.run_id)

    # ---- records

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
        self.ctx.outcomes.settle(item.listed_url or item.url,
                                 Outcome.EXPORTED_NEW if item.revision == 1 else Outcome.EXPORTED_CHANGED)
        for name in COVERED_FIELDS:
            self.covered[name] += bool(record.get(name))
        if self.ctx.state is not None:
            quality = RecordQuality.of(record).encode()
            self.staged.append(_article_state(item, item.url, quality))
            if item.listed_url and item.listed_url != item.url:
                # Lists keep linking to the URL that redirected: know the article by it too.
                self.staged.append(_article_state(item, item.listed_url, quality))
            if len(self.staged) >= self.stage_batch:
                self._stage()

    # ---- closing

    def spider_closed(self, spider: Spider, reason: str) -> None:
        ctx = self.ctx
        if ctx is None:
            return
        if self.out is not None:
            self._close_export(ctx, reason)
        if ctx.state is not None:
            ctx.state.close()

    def _close_export(self, ctx: RunContext, reason: str) -> None:
        if self.crawler.stats.get_value(STORE_LOST):
            # nothing more can reach the store: the next run recovers what this one staged
            self.out.close()
            ctx.mode.abandon()
            return
        try:
            self._close_run(reason)
        except STATE_ERRORS as exc:
            self._storage_failed(f"cannot publish the run: {exc}")
        unpublished = bool(self.storage_error) or self.handed_over
        if unpublished:
            self._drop_part(ctx)  # a failed publish (disk full …) leaves no half file behind
        else:
            self.crawler.stats.set_value(PUBLISHED, True)
        try:
            if unpublished and ctx.state is not None:
                # nothing of this run may count: the next run fetches its articles again
                ctx.state.abort_run(ctx.run_id)
            whole = ctx.mode.finish(ctx, self.report, published=not unpublished)
        except STATE_ERRORS as exc:
            self._storage_failed(f"cannot finish the run: {exc}")
            return
        if whole is not None:
            self._note_whole_run(whole)

    def _close_run(self, reason: str) -> None:
        """Publish the export, write the report, commit the state, in the order that keeps
        every article exactly once."""
        ctx, final = self.ctx, self.ctx.path(".jsonl")
        if self.storage_error or self._hand_over(reason):
            self._drop_part(ctx)
            return
        self.out.flush()
        os.fsync(self.out.fileno())
        self.out.close()
        self._step("before_stage")
        if ctx.state is not None:
            self._stage()
        self._step("before_publish")  # the archive (--archive) is made durable here
        if self.storage_error:  # … or could not be: the run publishes nothing
            self._drop_part(ctx)
            return
        if self.exported:
            os.replace(ctx.path(".jsonl.part"), final)
            files.fsync_dir(final.parent)
        else:
            # An empty file breaks readers (pyarrow's read_json fails on 0 bytes); the report
            # alone says the run happened and found nothing new.
            ctx.path(".jsonl.part").unlink()
            self.crawler.stats.set_value("govcrawl/run/export", None)
        self._step("after_publish")
        stats = self.crawler.stats.get_stats()
        report = self.report = run_report(ctx, stats, reason, exported=self.exported, covered=self.covered,
                                          max_attempts=self.max_attempts)
        if log := self.crawler.settings.get("LOG_FILE"):
            report["log"] = log  # the process's whole Scrapy log (govcrawl.logfile)
        files.write_json(ctx.path(".report.json"), report)
        self.crawler.stats.set_value("govcrawl/run/report", str(ctx.path(".report.json")))
        if ctx.state is not None:
            self._commit(ctx, report, finished=reason == "finished")
        self._note_health(report)

    def _drop_part(self, ctx: RunContext) -> None:
        """Close and remove the part file of a run that publishes nothing."""
        with contextlib.suppress(OSError):  # the disk refused the buffered end: the file goes anyway
            self.out.close()
        _discard_part(ctx.path(".jsonl.part"))

    def _hand_over(self, reason: str) -> bool:
        """A worker of a larger run stopped before the run's end (or was taken out) while others
        go on: they take its requests over, so it publishes nothing."""
        self.handed_over = self.ctx.mode.hands_over(reason)
        if self.handed_over:
            self.crawler.stats.set_value("govcrawl/run/handed_over", True)
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

    def _note_whole_run(self, report: dict[str, Any]) -> None:
        """This process closed a larger run (the last of its workers): its report in the stats."""
        stats = self.crawler.stats
        stats.set_value("govcrawl/run/whole_report", report["report"])
        # workers that died read pages too, uncounted: a resumed run may have had little left
        read = report["list_pages"] + report["exported"] + len(report.get("workers_lost", []))
        stats.set_value("govcrawl/run/whole_read_pages", read)
        self._note_health(report)

    def _note_health(self, report: dict[str, Any]) -> None:
        if report["health"]["status"] == "alert":
            self.crawler.stats.set_value("govcrawl/run/health_alert", report["health"]["flags"])
            for flag in report["health"]["flags"]:
                logger.warning("HEALTH %s: %s", report["site"], flag)

    @property
    def storage_error(self) -> str | None:
        return self.crawler.stats.get_value(STORAGE_ERROR_STAT)

    def _storage_failed(self, message: str) -> None:
        storage_failed(self.crawler, message)

    def _step(self, name: str) -> None:
        self.crawler.signals.send_catch_log(run_step, step=name)


def _discard_part(part: Path) -> None:
    """Remove an unpublished run's part file; one that cannot be reached (its folder was a file
    or is gone) is said once and left, never carried into every later run."""
    try:
        part.unlink(missing_ok=True)
    except OSError as exc:
        logger.warning("Cannot remove %s (%s): left as it is", part, exc)


def _article_state(item: Article, url: str, quality: str) -> ArticleState:
    return ArticleState(
        url=url, site=item.site, first_seen=item.first_seen or item.crawled_at,
        last_seen=item.crawled_at, content_hash=item.content_hash, revision=item.revision,
        etag=item.etag, last_modified=item.last_modified, column=item.column, quality=quality)

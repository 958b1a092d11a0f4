"""Every page or item that does not become a record is written down with its reason."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any, Self

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Request, Response
from twisted.python.failure import Failure

from govcrawl import paths
from govcrawl import request_meta as meta
from govcrawl.exceptions import HeldRevision, UnchangedArticle
from govcrawl.reasons import Reason
from govcrawl.run_context import RunContext, is_parse_only, state_failed
from govcrawl.signals import page_rejected
from govcrawl.state.factory import STATE_ERRORS

logger = logging.getLogger(__name__)

class RejectsLog:
    """Writes rejections to a JSON Lines file and counts them as govcrawl/rejected/<reason>."""

    def __init__(self, crawler: Crawler, uri_template: str | None):
        self.crawler = crawler
        self.uri_template = uri_template
        self.path: Path | None = None
        self._file: IO[str] | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        if is_parse_only(crawler):
            raise NotConfigured
        ext = cls(crawler, crawler.settings.get("GOVCRAWL_REJECTS_URI"))
        crawler.signals.connect(ext.item_dropped, signal=signals.item_dropped)
        crawler.signals.connect(ext.page_rejected, signal=page_rejected)
        crawler.signals.connect(ext.spider_error, signal=signals.spider_error)
        crawler.signals.connect(ext.item_error, signal=signals.item_error)
        crawler.signals.connect(ext.request_dropped, signal=signals.request_dropped)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def item_dropped(self, item: Any, response: Response | None, exception: Exception) -> None:
        if isinstance(exception, UnchangedArticle | HeldRevision):
            return  # dropped on purpose, not rejected
        reason = getattr(exception, "reason", Reason.DROPPED)
        detail = getattr(exception, "detail", str(exception))
        self.record(_listed_url(item, response), reason, detail, getattr(item, "column", None))

    def page_rejected(self, url: str, reason: Reason | str, detail: str, column_name: str | None = None,
                      needs_date: str | None = None) -> None:
        self.record(url, reason, detail, column_name, needs_date)

    def spider_error(self, failure: Failure, response: Response) -> None:
        self._store_failed(failure)
        self.record(_listed_url(None, response), Reason.SPIDER_ERROR, f"{failure.type.__name__}: {failure.value}",
                    _column_name(response))

    def item_error(self, item: Any, response: Response | None, failure: Failure) -> None:
        self._store_failed(failure)
        self.record(_listed_url(item, response), Reason.PIPELINE_ERROR, f"{failure.type.__name__}: {failure.value}",
                    getattr(item, "column", None))

    def _store_failed(self, failure: Failure) -> None:
        """The state store failed under a middleware or pipeline: the run cannot be trusted."""
        if failure.check(*STATE_ERRORS):
            state_failed(self.crawler, failure.value)

    def request_dropped(self, request: Request) -> None:
        """A redirect the scheduler dropped as a duplicate: a loop (A → B → A), or a second
        link to a page already fetched under another URL."""
        chain = request.meta.get("redirect_urls")
        if not chain or request.meta.get(meta.KIND) != "article":
            return  # a list or article linked twice: one fetch is enough
        reason = Reason.REDIRECT_LOOP if request.url in chain else Reason.DUPLICATE
        self.record(chain[0], reason, f"redirected to {request.url}, already requested",
                    request.cb_kwargs.get("column_name"))

    def record(self, url: str | None, reason: Reason | str, detail: str, column_name: str | None = None,
               needs_date: str | None = None) -> None:
        """Count one rejection, note its outcome, and append it to the rejects file; ``needs_date``
        is what its link asked of an undated page, kept for a retry."""
        stats = self.crawler.stats
        if url and (ctx := RunContext.opened(self.crawler)) is not None:
            ctx.outcomes.reject(url, reason, column_name, needs_date)
        stats.inc_value("govcrawl/rejected")
        stats.inc_value(f"govcrawl/rejected/{reason}")
        logger.info("Rejected %s (%s): %s", url, reason, detail)
        out = self._open()
        if out is not None:
            row = {"url": url, "reason": reason, "detail": detail,
                   "at": datetime.now(UTC).isoformat(timespec="seconds")}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            out.flush()

    def _open(self) -> IO[str] | None:
        if self._file is None:
            self.path = self._path()
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._file = self.path.open("a", encoding="utf-8")
            self.crawler.stats.set_value("govcrawl/rejects_file", str(self.path))
        return self._file

    def _path(self) -> Path:
        """The URI template's file, else ``rejects/<run-id>.jsonl`` in the run's folder."""
        spider: Spider = self.crawler.spider
        if self.uri_template:
            stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H-%M-%S")
            return Path(self.uri_template % {"name": spider.name, "time": stamp})
        ctx = RunContext.for_crawler(self.crawler)
        if ctx.export_dir is not None:
            return ctx.rejects_path
        return paths.exports_dir() / spider.name / f"rejects-{ctx.run_id}.jsonl"

    def spider_closed(self) -> None:
        if self._file is not None:
            self._file.close()


def _listed_url(item: Any, response: Response | None) -> str | None:
    """The URL a list linked to: an item's or a response's first URL before any redirect."""
    if getattr(item, "listed_url", None):
        return item.listed_url
    if getattr(item, "url", None):
        return item.url
    if response is None:
        return None
    return (response.meta.get("redirect_urls") or [response.url])[0] if response.request else response.url


def _column_name(response: Response | None) -> str | None:
    request = response.request if response is not None else None
    return request.cb_kwargs.get("column_name") if request is not None else None

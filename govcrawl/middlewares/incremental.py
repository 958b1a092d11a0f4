"""Incremental runs: skip known articles, ask for changed ones conditionally, stop paging early.

Both middlewares are off (NotConfigured) unless GOVCRAWL_STATE_PATH names a state store.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from datetime import UTC, datetime, timedelta
from functools import cached_property
from typing import Any, Self

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest, NotConfigured, UsageError
from scrapy.http import Response

from govcrawl import request_meta as meta
from govcrawl.exceptions import NotModified
from govcrawl.extract.listing.shapes import on_domains
from govcrawl.reasons import Outcome
from govcrawl.run_context import RunContext, state_failed
from govcrawl.state.base import ArticleState, CrawlState, FailedArticle
from govcrawl.state.factory import STATE_ERRORS


class _StateUser:
    def __init__(self, crawler: Crawler):
        if not crawler.settings.get("GOVCRAWL_STATE_PATH"):
            raise NotConfigured  # no crawl state: a full crawl
        if crawler.settings.getdict("FEEDS"):
            # Scrapy's feeds cannot publish in step with the state: articles would become known
            # without ever being in a published file.
            raise UsageError("GOVCRAWL_STATE_PATH and FEEDS (-o/-O) together are not supported: an "
                             "incremental run writes its own export (govcrawl run --out DIR)")
        self.crawler = crawler
        self.refresh_all = crawler.settings.getbool("GOVCRAWL_REFRESH")
        days = crawler.settings.getfloat("GOVCRAWL_REFRESH_AFTER_DAYS")
        self.refresh_after = timedelta(days=days) if days > 0 else None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    @property
    def ctx(self) -> RunContext:
        return RunContext.for_crawler(self.crawler)

    @property
    def state(self) -> CrawlState:
        return self.ctx.state

    def is_due(self, known: ArticleState) -> bool:
        """Should a known article be fetched again (conditionally) in this run?"""
        if self.refresh_all:
            return True
        if self.refresh_after is None:
            return False
        last_seen = datetime.fromisoformat(known.last_seen)
        return datetime.now(UTC) - last_seen >= self.refresh_after


class IncrementalSpiderMiddleware(_StateUser):
    """Drops requests for known articles that are not due; pages a list one page at a time,
    and stops after GOVCRAWL_STOP_AFTER_KNOWN_PAGES pages in a row with nothing to fetch,
    once an earlier run has paged that column to its end."""

    def process_spider_output(self, response: Response, result: Iterable[Any]) -> Iterable[Any]:
        yield from self._filter(response, list(result))

    async def process_spider_output_async(
        self, response: Response, result: AsyncIterator[Any]
    ) -> AsyncIterator[Any]:
        for output in self._filter(response, [o async for o in result]):
            yield output

    def process_spider_exception(self, response: Response, exception: Exception) -> None:
        if response.meta.get(meta.KIND) == "list":
            self.ctx.columns_failed.add(response.meta.get(meta.COLUMN_URL))

    @cached_property
    def complete_columns(self) -> set[str]:
        return self.state.complete_columns(self.ctx.site)

    def _filter(self, response: Response, outputs: list[Any]) -> list[Any]:
        if response.meta.get(meta.KIND) != "list":
            return outputs
        articles = [o for o in outputs if _kind(o) == "article"]
        on_site = [r for r in articles if self._on_site(r.url)]
        try:
            known = self.state.articles(r.url for r in on_site)
            failed = self.state.failed_articles(r.url for r in on_site if r.url not in known)
        except STATE_ERRORS as exc:  # the run ends, unpublished: the next run reads this page again
            state_failed(self.crawler, exc)
            return []
        decided = (self._article(r, known.get(r.url), failed.get(r.url)) for r in articles)
        kept = [r for r in decided if r is not None]
        # failed pages do not keep a column paging: the due ones are requested from the state
        fresh = [r for r in kept if r.url not in failed and self._on_site(r.url)]
        quiet = bool(on_site) and not fresh
        streak = response.meta.get(meta.QUIET_PAGES, 0) + 1 if quiet else 0
        others = [o for o in outputs if _kind(o) not in ("article", "list")]
        return others + kept + self._lists(response, outputs, streak)

    def _article(self, request: Request, known: ArticleState | None,
                 failed: FailedArticle | None) -> Request | None:
        if request.url in self.ctx.outcomes.requested:
            return None  # already requested from the state this run
        if failed is not None:
            return self._failed_article(request, failed)
        if known is None:
            return request
        if not self.is_due(known):
            self.crawler.stats.inc_value("govcrawl/state/skipped_known")
            self.ctx.outcomes.settle(request.url, Outcome.SKIPPED_KNOWN)
            return None
        return meta.conditional(request, known)

    def _failed_article(self, request: Request, failed: FailedArticle) -> Request | None:
        """A page earlier runs failed on: fetched when its back-off ran out (or on --refresh)."""
        if self.refresh_all or failed.is_due(self.ctx.run_number):
            return request
        outcome = Outcome.RETRY_LATER if failed.transient and not failed.given_up else Outcome.SKIPPED_FAILED
        self.crawler.stats.inc_value(f"govcrawl/state/{outcome}")
        self.ctx.outcomes.settle(request.url, outcome)
        return None

    def _lists(self, response: Response, outputs: list[Any], streak: int) -> list[Request]:
        lists = [o for o in outputs if _kind(o) == "list"]
        # Sub-columns and Hanweb data-proxy pages (all issued from the column's first page)
        # are not a chain to walk one by one.
        side = [r for r in lists if r.meta.get(meta.REL) == "list" or r.method == "POST"]
        column = response.meta.get(meta.COLUMN_URL)
        stop_after = self.crawler.settings.getint("GOVCRAWL_STOP_AFTER_KNOWN_PAGES")
        self.ctx.columns_visited.add(column)
        if column in self.complete_columns and 0 < stop_after <= streak:
            self.crawler.stats.inc_value("govcrawl/state/pagination_stopped")
            self.ctx.columns_ended.add(column)  # reached what earlier runs exported
            self.ctx.coverage.stop(column, "known")
            return side
        # the spider marked the page after this one (pagination.next_page): the same rule as the crawl's
        nexts = [r for r in lists if r.meta.get(meta.NEXT)][:1]
        if not nexts:
            self.ctx.columns_ended.add(column)
        return side + [r.replace(meta={**r.meta, meta.QUIET_PAGES: streak}) for r in nexts]

    def _on_site(self, url: str) -> bool:
        domains = getattr(self.crawler.spider, "allowed_domains", None) or []
        return not domains or on_domains(url, domains)


class ConditionalFetchMiddleware(_StateUser):
    """A 304 answer to a conditional article request: the article is unchanged, and seen.

    Also notes list pages that failed, so that their column is not taken as fully paged.
    """

    def process_response(self, request: Request, response: Response) -> Response:
        if request.meta.get(meta.KIND) == "list" and response.status >= 400:
            self.ctx.columns_failed.add(request.meta.get(meta.COLUMN_URL))
        if not request.meta.get(meta.KNOWN):
            return response
        if response.status == 304 or 200 <= response.status < 300:
            # a known article fetched again (a recheck, a refresh): progress counts it as read
            self.crawler.stats.inc_value("govcrawl/state/refetched")
        if response.status != 304:
            return response
        now = datetime.now(UTC).isoformat(timespec="seconds")
        etag = response.headers.get(b"ETag")
        try:
            self.state.touch(self.ctx.run_id, request.url, now, etag.decode("latin-1") if etag else None, None)
        except STATE_ERRORS as exc:
            state_failed(self.crawler, exc)
            raise IgnoreRequest(f"not stored: {request.url}") from None
        self.crawler.stats.inc_value("govcrawl/state/not_modified")
        self.ctx.outcomes.settle((request.meta.get("redirect_urls") or [request.url])[0], Outcome.NOT_MODIFIED)
        raise NotModified(request.url)

    def process_exception(self, request: Request, exception: Exception) -> None:
        if request.meta.get(meta.KIND) == "list":
            self.ctx.columns_failed.add(request.meta.get(meta.COLUMN_URL))


def _kind(output: Any) -> str | None:
    return output.meta.get(meta.KIND) if isinstance(output, Request) else None

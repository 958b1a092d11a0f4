"""Incremental runs: skip known articles, ask for changed ones conditionally, stop paging early.

Both middlewares are off (NotConfigured) unless GOVCRAWL_STATE_PATH names a state store.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from datetime import UTC, datetime, timedelta
from typing import Any, Self

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Response

from govcrawl.run import RunContext
from govcrawl.state.base import ArticleState


class _StateUser:
    def __init__(self, crawler: Crawler):
        if not crawler.settings.get("GOVCRAWL_STATE_PATH"):
            raise NotConfigured  # no crawl state: a full crawl
        self.crawler = crawler
        self.refresh_all = crawler.settings.getbool("GOVCRAWL_REFRESH")
        days = crawler.settings.getfloat("GOVCRAWL_REFRESH_AFTER_DAYS")
        self.refresh_after = timedelta(days=days) if days > 0 else None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    @property
    def state(self):
        return RunContext.for_crawler(self.crawler).state

    def is_due(self, known: ArticleState) -> bool:
        """Should a known article be fetched again (conditionally) in this run?"""
        if self.refresh_all:
            return True
        if self.refresh_after is None:
            return False
        last_seen = datetime.fromisoformat(known.last_seen)
        return datetime.now(UTC) - last_seen >= self.refresh_after


class IncrementalSpiderMiddleware(_StateUser):
    """Drops requests for known articles that are not due; pages a list one page at a time
    and stops after GOVCRAWL_STOP_AFTER_KNOWN_PAGES pages in a row held nothing to fetch."""

    def process_spider_output(self, response: Response, result: Iterable[Any]) -> Iterable[Any]:
        yield from self._filter(response, list(result))

    async def process_spider_output_async(
        self, response: Response, result: AsyncIterator[Any]
    ) -> AsyncIterator[Any]:
        for output in self._filter(response, [o async for o in result]):
            yield output

    def _filter(self, response: Response, outputs: list[Any]) -> list[Any]:
        if response.meta.get("govcrawl_kind") != "list":
            return outputs
        articles = [o for o in outputs if _kind(o) == "article"]
        known = self.state.articles(r.url for r in articles)
        kept_articles = [self._article(r, known.get(r.url)) for r in articles]
        kept_articles = [r for r in kept_articles if r is not None]
        quiet = bool(articles) and not kept_articles
        streak = response.meta.get("govcrawl_quiet_pages", 0) + 1 if quiet else 0
        others = [o for o in outputs if _kind(o) not in ("article", "list")]
        return others + kept_articles + self._next_pages(response, outputs, streak)

    def _article(self, request: Request, known: ArticleState | None) -> Request | None:
        if known is None:
            return request
        if not self.is_due(known):
            self.crawler.stats.inc_value("govcrawl/state/skipped_known")
            return None
        headers = {}
        if known.etag:
            headers["If-None-Match"] = known.etag
        if known.last_modified:
            headers["If-Modified-Since"] = known.last_modified
        return request.replace(headers={**request.headers.to_unicode_dict(), **headers},
                               meta={**request.meta, "govcrawl_known": True})

    def _next_pages(self, response: Response, outputs: list[Any], streak: int) -> list[Request]:
        if streak >= self.crawler.settings.getint("GOVCRAWL_STOP_AFTER_KNOWN_PAGES"):
            self.crawler.stats.inc_value("govcrawl/state/pagination_stopped")
            return []
        page = response.meta.get("govcrawl_page", 1)
        lists = [o for o in outputs if _kind(o) == "list"]
        # Sequential paging, so that a run can stop where the known articles begin.
        nexts = [r for r in lists if r.meta.get("govcrawl_page") == page + 1
                 and r.meta.get("govcrawl_rel") != "last"]
        nexts = nexts[:1] or [r for r in lists if r.meta.get("govcrawl_rel") == "next"][:1]
        return [r.replace(meta={**r.meta, "govcrawl_quiet_pages": streak}) for r in nexts]


class ConditionalFetchMiddleware(_StateUser):
    """A 304 answer to a conditional article request: the article is unchanged, and seen."""

    def process_response(self, request: Request, response: Response) -> Response:
        if response.status != 304 or not request.meta.get("govcrawl_known"):
            return response
        now = datetime.now(UTC).isoformat(timespec="seconds")
        etag = response.headers.get(b"ETag")
        self.state.touch(request.url, now, etag.decode("latin-1") if etag else None, None)
        self.crawler.stats.inc_value("govcrawl/state/not_modified")
        raise IgnoreRequest(f"not modified: {request.url}")


def _kind(output: Any) -> str | None:
    return output.meta.get("govcrawl_kind") if isinstance(output, Request) else None

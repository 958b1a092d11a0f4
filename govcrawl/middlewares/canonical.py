"""Every request the spider makes, in its canonical form (``govcrawl.extract.urls``).

A spider middleware closest to the spider, so that the duplicate filter, the incremental
middleware (state lookups, skipped articles) and the run's outcome ledger all see one URL per
page, whatever session id or share tracking the link carried.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from typing import Any, Self

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.http import Response

from govcrawl import request_meta as meta
from govcrawl.extract.urls import canonical_url


class CanonicalUrlMiddleware:
    """Rewrites outgoing requests (start requests included) to their canonical URL; the
    column a request belongs to is named canonically too, so that paging state matches."""

    def __init__(self, crawler: Crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    async def process_start(self, start: AsyncIterator[Any]) -> AsyncIterator[Any]:
        async for output in start:
            yield self._canonical(output)

    def process_spider_output(self, response: Response, result: Iterable[Any]) -> Iterable[Any]:
        return (self._canonical(output) for output in result)

    async def process_spider_output_async(
        self, response: Response, result: AsyncIterator[Any]
    ) -> AsyncIterator[Any]:
        async for output in result:
            yield self._canonical(output)

    def _canonical(self, output: Any) -> Any:
        if not isinstance(output, Request):
            return output
        url, column = canonical_url(output.url), output.meta.get(meta.COLUMN_URL)
        column_url = canonical_url(column) if column else column
        if url == output.url and column_url == column:
            return output
        if url != output.url:
            self.crawler.stats.inc_value("govcrawl/canonical/rewritten")
        return output.replace(url=url, meta={**output.meta, meta.COLUMN_URL: column_url} if column else output.meta)

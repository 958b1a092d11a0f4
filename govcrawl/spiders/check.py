"""The live side of ``govcrawl check``: fetch start pages, page 2, columns and sample articles.

It runs through Scrapy with the crawl's own downloader settings (User-Agent, robots.txt,
timeouts, encodings), so a page that the probe can read is one the crawl can read; what it
makes of each page comes from ``govcrawl.check``. It exports nothing and keeps no state.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from typing import Any

import scrapy
from scrapy.http import Response
from scrapy.settings import BaseSettings
from twisted.python.failure import Failure

from govcrawl import request_meta as meta
from govcrawl.check import EXAMPLES, MAX_COLUMNS, PageCheck, Warning_, check_page, read_column, sample_article
from govcrawl.extract.listing import ListingPage
from govcrawl.reasons import Outcome
from govcrawl.sites import SiteEntry
from govcrawl.spiders.failures import failure_reason
from govcrawl.spiders.site import parse_response, read_listing, response_encoding, set_user_agent


class CheckSpider(scrapy.Spider):
    """Probes the start pages of one site entry; findings collect in ``checks``."""

    name = "govcrawl-check"

    @classmethod
    def update_settings(cls, settings: BaseSettings) -> None:
        super().update_settings(settings)
        set_user_agent(settings)  # the crawl's own: a firewall answers check as it answers the crawl

    def __init__(self, entry: SiteEntry, start_pages: list[str], **kwargs: Any):
        super().__init__(**kwargs)
        self.entry = entry
        self.start_pages = start_pages
        self.allowed_domains = list(entry.domains)
        self.checks: list[PageCheck] = []

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for url in self.start_pages:
            found = PageCheck(url=url)
            self.checks.append(found)
            yield self._request(url, self.parse_start, found)

    def _request(self, url: str, callback: Any, found: PageCheck, **kwargs: Any) -> scrapy.Request:
        return scrapy.Request(url, callback=callback, errback=self.on_error, dont_filter=True,
                              cb_kwargs={"found": found, **kwargs})

    def parse_start(self, response: Response, found: PageCheck) -> Iterator[scrapy.Request]:
        checked, listing = check_page(response.body, response.url, self.entry, fetched_at=datetime.now(UTC),
                                      http_encoding=self._encoding(response), status=response.status)
        index = self.checks.index(found)
        self.checks[index] = checked
        if checked.kind == "list":
            if checked.page_2:
                page_2 = self._request(checked.page_2, self.parse_page_2, checked)
                page_2.meta[meta.LIST_SHAPE] = listing.shape  # read as the crawl reads it
                yield page_2
            for url in listing.article_urls[:EXAMPLES]:
                yield self._request(url, self.parse_sample, checked, listed_undated=listing.undated)
        elif checked.kind != "article":  # a home or channel page: which of its links are columns?
            for column in checked.columns[:MAX_COLUMNS]:
                yield self._request(column["url"], self.parse_column, checked, column=column)

    def parse_page_2(self, response: Response, found: PageCheck) -> None:
        found.page_2_items = len(self._listing(response).article_urls)
        if not found.page_2_items:
            found.warnings.append(Warning_(f"page 2 ({response.url}) lists no article",
                                           "check the pager: set max_pages = 1 if the column has one page"))

    def parse_column(self, response: Response, found: PageCheck, column: dict[str, Any]) -> Iterator[scrapy.Request]:
        reading, loaded = read_column(response.body, response.url, self.entry, fetched_at=datetime.now(UTC),
                                      http_encoding=self._encoding(response))
        listing = reading.listing
        column["kind"], column["items"] = reading.kind, len(listing.article_urls)
        if loaded:  # the crawl reads these as lists too: iframes, zTree menus, a data proxy
            column["loads"] = [r.url for r in loaded]
        column["pages"] = max((r.page or 0 for r in listing.list_requests if r.rel in ("page", "last")), default=0) or 1
        wanted = EXAMPLES - sum(1 for c in found.columns if c.get("sampled"))
        if reading.kind == "list" and listing.article_urls and wanted > 0:
            column["sampled"] = True
            yield self._request(listing.article_urls[0], self.parse_sample, found, listed_undated=listing.undated)

    def parse_sample(self, response: Response, found: PageCheck, listed_undated: bool = False) -> None:
        found.articles.append(self._sample(response, listed_undated))

    def on_error(self, failure: Failure) -> None:
        request = failure.request
        found = request.cb_kwargs["found"]
        reason = failure_reason(failure) or (Outcome.NOT_MODIFIED, "")
        found.warnings.append(Warning_(f"could not fetch {request.url}: {reason[0]} {reason[1]}".strip(),
                                       "check the URL in a browser; the site may be down or refuse us"))
        if request.url == found.url:
            found.kind = "unreachable"

    def _sample(self, response: Response, listed_undated: bool) -> dict[str, Any]:
        return sample_article(response.body, response.url, self.entry, datetime.now(UTC), self._encoding(response),
                              listed_undated=listed_undated)

    def _listing(self, response: Response) -> ListingPage:
        return read_listing(parse_response(response, self.entry), response, self.entry)

    def _encoding(self, response: Response) -> str | None:
        return response_encoding(response, self.entry)

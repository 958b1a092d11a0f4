"""A page the search for columns fetched is not fetched again in the same run.

The search for columns (discovery) reads every page a link of the home page leads to, and many
are articles: a 头条, a dated notice in the navigation. The spider exports those only when the
columns have been read (a column that lists one gives it its column), by requesting them again
as articles, and a column may list a page discovery read too. Each later request of such a page
is answered here from the answer discovery had: the server is asked once.

Discovery's answers (2xx to a GET, under the URL that answered) are kept in memory up to
GOVCRAWL_DISCOVERY_KEEP_BYTES of body in all, each given once and then let go; a page beyond the
bound is fetched again as before. A directory and its index file are one page (``/xwzx/`` and
``/xwzx/index.html``, the menu linking one and a channel's refresh leading to the other): the
search itself is answered from what it kept under the other name, and reads nothing twice.
The fetch time goes with the answer, so the record is the one a second fetch at that moment
would give, and the archive writes the reuse down (``page_reused``) for ``govcrawl reextract``.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Self

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response

from govcrawl import request_meta as meta
from govcrawl.extract.urls import page_key
from govcrawl.signals import page_reused


class DiscoveredPageMiddleware:
    """Answers a request for a page discovery fetched with discovery's answer, once."""

    def __init__(self, crawler: Crawler, keep_bytes: int):
        self.crawler, self.keep_bytes = crawler, keep_bytes
        self.kept: dict[str, Response] = {}
        self.kept_bytes = 0

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        keep_bytes = crawler.settings.getint("GOVCRAWL_DISCOVERY_KEEP_BYTES")
        if keep_bytes <= 0:
            raise NotConfigured
        return cls(crawler, keep_bytes)

    def process_request(self, request: Request, spider: Spider | None = None) -> Response | None:
        if request.method != "GET":
            return None
        key = page_key(request.url)
        if request.meta.get(meta.KIND) == "discovery":
            # the search met this page again (its other name, a channel's refresh to it): read
            # from what it kept, which stays for the article request to come
            kept = self.kept.get(key)
        elif (kept := self.kept.pop(key, None)) is not None:
            self.kept_bytes -= len(kept.body)
        if kept is None:
            return None
        request.meta[meta.FETCHED_AT] = kept.meta[meta.FETCHED_AT]
        request.meta[meta.REUSED_FROM] = kept.url
        self.crawler.stats.inc_value("govcrawl/discovery/pages_reused")
        self.crawler.signals.send_catch_log(page_reused, request=request, response=kept)
        # under the URL asked for: the record's URL and id are the ones a fetch would give
        return kept.replace(url=request.url, request=request, flags=[*kept.flags, "reused"])

    def process_response(self, request: Request, response: Response, spider: Spider | None = None) -> Response:
        if self._keeps(request, response):
            # the archive set it as the page came in; without an archive, this is as near
            request.meta.setdefault(meta.FETCHED_AT, datetime.now(UTC))
            self.kept[page_key(request.url)] = response
            self.kept_bytes += len(response.body)
        return response

    def _keeps(self, request: Request, response: Response) -> bool:
        return (request.meta.get(meta.KIND) == "discovery" and request.method == "GET"
                and 200 <= response.status < 300
                and "reused" not in response.flags and page_key(request.url) not in self.kept
                and self.kept_bytes + len(response.body) <= self.keep_bytes)


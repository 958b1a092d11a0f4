"""A page the search for columns fetched is not fetched again in the same run.

The search for columns (discovery) reads every page a link of the home page leads to, and many
are articles: a 头条, a dated notice in the navigation. The spider exports those only when the
columns have been read (a column that lists one gives it its column), by requesting them again
as articles, and a column may list a page discovery read too. The next request for the same URL
is answered here with the answer discovery had: the server is asked once.

Discovery's answers (2xx to a GET) are kept as bytes up to GOVCRAWL_DISCOVERY_KEEP_BYTES of body
in all, each given once and then let go; a page beyond the bound is fetched again as before, and
so is a known article's conditional recheck, whose 304 says more than a copy. The answer goes
with its fetch time and its archive record (``page_reused``), so the record is the one a second
fetch at that moment would give, and ``govcrawl reextract`` finds the page the archive kept.

A column may list a page while discovery's request for it is still on its way (the column
answered first): that request waits for discovery's answer rather than asking the server a second
time, as long as a fetch with its retries may take; past that it is fetched itself, and so is
every later request for that URL. The wait ends too when the scheduler drops discovery's request
(a redirect to a page already seen) or the spider closes; under a reactor other than asyncio's
nothing waits (the page may then be fetched twice).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Self

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Headers, Response
from scrapy.utils.asyncio import is_asyncio_available

from govcrawl import request_meta as meta
from govcrawl.signals import page_reused


@dataclass(slots=True, frozen=True)
class KeptAnswer:
    """What a fresh response is made from (never the response itself, whose decoded text and
    request would stay in memory with it)."""

    kind: type[Response]
    status: int
    headers: Headers
    body: bytes
    protocol: str | None
    fetched_at: datetime
    #: the WARC-Record-ID of its response record, when the run is archived
    record: str | None

    def answer(self, request: Request) -> Response:
        return self.kind(url=request.url, status=self.status, headers=self.headers, body=self.body,
                         flags=["reused"], request=request, protocol=self.protocol)


class DiscoveredPageMiddleware:
    """Answers a request for a page discovery fetched with discovery's answer, once."""

    def __init__(self, crawler: Crawler, keep_bytes: int):
        self.crawler, self.keep_bytes = crawler, keep_bytes
        self.kept: dict[str, KeptAnswer] = {}
        self.kept_bytes = 0
        #: discovery's requests on their way, set when their answer (or failure) comes back
        self.fetching: dict[str, asyncio.Event] = {}
        settings = crawler.settings
        self.wait_seconds = settings.getfloat("DOWNLOAD_TIMEOUT") * (settings.getint("RETRY_TIMES") + 1)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        keep_bytes = crawler.settings.getint("GOVCRAWL_DISCOVERY_KEEP_BYTES")
        if keep_bytes <= 0:
            raise NotConfigured
        middleware = cls(crawler, keep_bytes)
        crawler.signals.connect(middleware._answered, signal=signals.request_dropped)
        crawler.signals.connect(middleware._release_all, signal=signals.spider_closed)
        return middleware

    async def process_request(self, request: Request) -> Response | None:
        """Discovery's answer for a later request of its URL (not for a recheck of a known article),
        once discovery has it."""
        if request.meta.get(meta.KNOWN) or request.method != "GET":
            return None
        if request.meta.get(meta.KIND) == "discovery":
            self.fetching.setdefault(request.url, asyncio.Event())
            return None
        if (fetching := self.fetching.get(request.url)) is not None and is_asyncio_available():
            try:
                await asyncio.wait_for(fetching.wait(), self.wait_seconds)
            except TimeoutError:
                self.fetching.pop(request.url, None)  # whatever became of it, nobody waits again
                return None
        return self._kept_answer(request)

    def _kept_answer(self, request: Request) -> Response | None:
        kept = self.kept.pop(request.url, None)
        if kept is None:
            return None
        self.kept_bytes -= len(kept.body)
        request.meta[meta.FETCHED_AT] = kept.fetched_at
        self.crawler.stats.inc_value("govcrawl/discovery/pages_reused")
        self.crawler.signals.send_catch_log(page_reused, request=request, record=kept.record)
        return kept.answer(request)

    def process_response(self, request: Request, response: Response) -> Response:
        """Keep discovery's whole answers, within the bound."""
        if request.meta.get(meta.KIND) == "discovery" and request.method == "GET" and 200 <= response.status < 300 \
                and request.url not in self.kept and self.kept_bytes + len(response.body) <= self.keep_bytes:
            self.kept[request.url] = KeptAnswer(
                type(response), response.status, response.headers, response.body, response.protocol,
                # the archive set both as the page came in; without one, the time is as near
                request.meta.get(meta.FETCHED_AT) or datetime.now(UTC), request.meta.get(meta.WARC_RECORD))
            self.kept_bytes += len(response.body)
        self._answered(request)
        return response

    def process_exception(self, request: Request, exception: Exception) -> None:
        """A discovery request that failed lets the requests waiting for it go."""
        self._answered(request)

    def _release_all(self) -> None:
        for fetching in self.fetching.values():
            fetching.set()
        self.fetching.clear()

    def _answered(self, request: Request, **_: object) -> None:
        if request.meta.get(meta.KIND) != "discovery":
            return
        # a redirect's request carries the URLs it came from: each was waited for
        for url in {request.url, *request.meta.get("redirect_urls", [])}:
            if (fetching := self.fetching.pop(url, None)) is not None:
                fetching.set()

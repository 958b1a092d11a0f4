"""Ctrl-C (or SIGTERM) ends a run within seconds, and the run still publishes what it has.

Scrapy's first Ctrl-C closes the spider gracefully: it stops scheduling and waits for every
download in flight. Against a slow site that wait is as long as its slowest answer, up to
DOWNLOAD_TIMEOUT (18 s on one county portal). ``ShutdownGrace`` waits
``GOVCRAWL_SHUTDOWN_GRACE`` seconds once the crawler is told to stop, then has
``CuttableDownloadHandler`` cut the downloads still in flight (and refuse those still queued in
the downloader). Each cut page is a rejects row
with the transient reason ``interrupted``, so the next run fetches it again; the articles
already read are published as usual.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any, Self

from scrapy import Request, Spider, signals
from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from scrapy.utils.asyncio import create_looping_call

from govcrawl.exceptions import DownloadCut
from govcrawl.signals import cut_downloads

logger = logging.getLogger(__name__)


class CuttableDownloadHandler(HTTP11DownloadHandler):
    """Scrapy's HTTP/1.1 handler, whose downloads in flight can all be cut at once
    (on the ``cut_downloads`` signal)."""

    def __init__(self, crawler: Crawler):
        super().__init__(crawler)
        self._in_flight: set[asyncio.Future[Response]] = set()
        self._cut_all = False
        crawler.signals.connect(self._cut, signal=cut_downloads)

    async def download_request(self, request: Request) -> Response:
        if self._cut_all:  # queued in the downloader before the cut: never started
            raise DownloadCut(request.url)
        if not _asyncio_running():  # another reactor than asyncio's: downloads are not cut
            return await super().download_request(request)
        download = asyncio.ensure_future(super().download_request(request))
        self._in_flight.add(download)
        try:
            return await download
        except asyncio.CancelledError:
            if download.cancelled():  # cut here (the Twisted download is cancelled with it)
                raise DownloadCut(request.url) from None
            raise
        finally:
            self._in_flight.discard(download)

    def _cut(self) -> int:
        self._cut_all = True
        for download in list(self._in_flight):
            download.cancel()
        return len(self._in_flight)


def _asyncio_running() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


class ShutdownGrace:
    """Once the crawler is asked to stop, give the downloads in flight a few seconds, then cut them."""

    def __init__(self, crawler: Crawler, grace: float):
        self.crawler, self.grace = crawler, grace
        self.stopping_since: float | None = None
        self.loop: Any = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        grace = crawler.settings.getfloat("GOVCRAWL_SHUTDOWN_GRACE")
        if grace <= 0:
            raise NotConfigured
        ext = cls(crawler, grace)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_opened(self, spider: Spider) -> None:
        self.loop = create_looping_call(self._watch)
        self.loop.start(0.25, now=False)

    def spider_closed(self, spider: Spider) -> None:
        if self.loop is not None and self.loop.running:
            self.loop.stop()

    def _watch(self) -> None:
        if self.crawler.crawling:  # Crawler.stop() (Ctrl-C, SIGTERM) clears it; a spider's own close does not
            return
        now = time.monotonic()
        self.stopping_since = self.stopping_since or now
        if now - self.stopping_since < self.grace:
            return
        self.loop.stop()
        cut = sum(result for _, result in self.crawler.signals.send_catch_log(cut_downloads) if result)
        for slot in self.crawler.engine.downloader.slots.values():
            slot.delay = 0.0  # the requests still queued are refused at once, not one per delay
        if cut:
            logger.warning("Shutting down: %d download(s) still in flight after %.0f s were cut;"
                           " the next run fetches them again", cut, self.grace)

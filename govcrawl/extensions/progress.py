"""Per-site progress while a run is long: one line every GOVCRAWL_PROGRESS_INTERVAL seconds.

Scrapy's own periodic line has no site name; with several sites in one process it says little.
"""

from __future__ import annotations

import logging
from typing import Self

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.utils.asyncio import create_looping_call

logger = logging.getLogger(__name__)


class SiteProgress:
    """Logs site, list and article pages (rechecks and 304s included), exported, rejected and
    pending retries of a run."""

    def __init__(self, crawler: Crawler, interval: float):
        self.crawler, self.interval = crawler, interval
        self.task = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        interval = crawler.settings.getfloat("GOVCRAWL_PROGRESS_INTERVAL")
        if interval <= 0:
            raise NotConfigured
        extension = cls(crawler, interval)
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def spider_opened(self, spider: Spider) -> None:
        self.task = create_looping_call(self.log, spider)
        self.task.start(self.interval, now=False)

    def log(self, spider: Spider) -> None:
        """One progress line for this site."""
        stats = self.crawler.stats
        value = lambda key: int(stats.get_value(key, 0))  # noqa: E731
        not_modified, refetched = value("govcrawl/state/not_modified"), value("govcrawl/state/refetched")
        # a 304 never reaches the spider, which counts the article pages: a run of rechecks
        # answered 304 would read "0 article pages" however busy it is
        articles = value("govcrawl/article/pages") + not_modified
        known = f" ({refetched} known ones fetched again, {not_modified} not modified)" if refetched else ""
        logger.info("%s: %d list pages, %d article pages%s, %d exported, %d rejected, %d retried from earlier runs",
                    spider.name, value("govcrawl/list/pages"), articles, known,
                    value("govcrawl/run/exported") or value("item_scraped_count"), value("govcrawl/rejected"),
                    value("govcrawl/state/retried"))

    def spider_closed(self, spider: Spider) -> None:
        if self.task is not None and self.task.running:
            self.task.stop()

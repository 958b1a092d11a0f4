"""What pipelines that count in the crawl stats share."""

from __future__ import annotations

from typing import Self

from scrapy.crawler import Crawler


class CrawlerPipeline:
    """A pipeline built from the crawler, for its stats and settings."""

    def __init__(self, crawler: Crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

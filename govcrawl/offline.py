"""The crawl's item pipelines, run in-process on saved pages (``govcrawl extract``)."""

from __future__ import annotations

from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.statscollectors import MemoryStatsCollector
from scrapy.utils.conf import build_component_list
from scrapy.utils.misc import build_from_crawler, load_object

from govcrawl.article import build_article
from govcrawl.crawling import project_settings
from govcrawl.items import Article
from govcrawl.pipelines.validate import export_dict
from govcrawl.sites import SiteEntry
from govcrawl.spiders.site import SiteSpider


class OfflinePipelines:
    """The ITEM_PIPELINES of a crawl, in order, minus those listed in GOVCRAWL_OFFLINE_SKIP."""

    def __init__(self, site: str = "local", site_name: str = "saved page"):
        settings = project_settings()
        entry = SiteEntry(key=site, name=site_name, domains=["localhost"],
                          start_urls=["http://localhost/"])
        self.site, self.site_name = site, site_name
        crawler = Crawler(SiteSpider.for_entry(entry), settings)
        # A crawler that never runs: it only lends settings and stats to the pipelines.
        crawler.stats = MemoryStatsCollector(crawler)
        skip = set(settings.getlist("GOVCRAWL_OFFLINE_SKIP"))
        paths = build_component_list(settings.getwithbase("ITEM_PIPELINES"))
        self.pipelines = [
            build_from_crawler(load_object(path), crawler) for path in paths if path not in skip
        ]

    def extract(self, body: bytes, url: str) -> dict[str, Any]:
        """One saved page through extraction and the pipelines; a rejection says why."""
        try:
            item = build_article(body, url, site=self.site, site_name=self.site_name)
        except Exception as exc:  # a crawl records this as spider_error and goes on
            return {"url": url, "rejected": "extraction_error",
                    "detail": f"{type(exc).__name__}: {exc}"}
        try:
            for pipeline in self.pipelines:
                item = pipeline.process_item(item)
        except DropItem as exc:
            return _rejected(item, getattr(exc, "reason", "dropped"), str(exc))
        except Exception as exc:  # as in a crawl: one bad page never ends the run
            return _rejected(item, "pipeline_error", f"{type(exc).__name__}: {exc}")
        return export_dict(item)


def _rejected(item: Article, reason: str, detail: str) -> dict[str, Any]:
    return {**export_dict(item), "rejected": reason, "detail": detail}

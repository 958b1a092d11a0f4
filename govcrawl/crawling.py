"""Running site crawls in this process, and reading what they did."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from scrapy.crawler import AsyncCrawlerProcess, Crawler
from scrapy.settings import Settings
from scrapy.utils.project import get_project_settings

from govcrawl.sites import SiteEntry
from govcrawl.spiders.site import SiteSpider


def project_settings(overrides: dict[str, Any] | None = None) -> Settings:
    """govcrawl's settings, wherever the command runs from, plus command-line overrides."""
    settings = get_project_settings()
    if settings.get("BOT_NAME") != "govcrawl":
        settings.setmodule("govcrawl.settings", priority="project")
    settings.setdict(overrides or {}, priority="cmdline")
    return settings


@dataclass(slots=True)
class CrawlSummary:
    """What one site's crawl did, from its stats."""

    site: str
    export: Path | None
    stats: dict[str, Any] = field(default_factory=dict)

    @property
    def pages(self) -> int:
        return int(self.stats.get("downloader/response_count", 0))

    @property
    def exported(self) -> int:
        return int(self.stats.get("item_scraped_count", 0))

    @property
    def rejected(self) -> int:
        return int(self.stats.get("govcrawl/rejected", 0))

    @property
    def failed(self) -> bool:
        return self.stats.get("finish_reason") not in ("finished", "closespider_itemcount")

    def rejected_by_reason(self) -> dict[str, int]:
        prefix = "govcrawl/rejected/"
        return {k[len(prefix):]: v for k, v in self.stats.items() if k.startswith(prefix)}


def crawl_sites(
    entries: list[SiteEntry],
    settings: Settings,
    *,
    out_dir: Path | None = None,
) -> list[CrawlSummary]:
    """Crawl the sites on one process (the reactor cannot restart) and summarise each."""
    stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H-%M-%S")
    exports: dict[str, Path | None] = {}
    if out_dir is not None:
        settings.set("FEEDS", {str(out_dir / "%(name)s" / f"{stamp}.jsonl"): {
            "format": "jsonlines"}}, priority="cmdline")
        settings.set("GOVCRAWL_REJECTS_URI", str(out_dir / "%(name)s" / "rejects-%(time)s.jsonl"),
                     priority="cmdline")
    process = AsyncCrawlerProcess(settings)
    crawlers: list[Crawler] = []
    for entry in entries:
        crawler = process.create_crawler(SiteSpider.for_entry(entry))
        crawlers.append(crawler)
        process.crawl(crawler)
        exports[entry.key] = _feed_path(settings, entry.key)
    process.start()
    return [
        CrawlSummary(entry.key, exports[entry.key], dict(crawler.stats.get_stats()))
        for entry, crawler in zip(entries, crawlers, strict=True)
    ]


def _feed_path(settings: Settings, site: str) -> Path | None:
    """The export file of a site when FEEDS names one local file without %(time)s."""
    for uri in settings.getdict("FEEDS"):
        if "%(time)s" not in uri and "://" not in str(uri):
            return Path(str(uri) % {"name": site})
    return None

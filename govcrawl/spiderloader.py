"""A spider loader that exposes one spider per site entry: `scrapy list` shows the sites."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Self

from scrapy import Request, Spider
from scrapy.settings import BaseSettings

from govcrawl.sites import SiteEntryError, load_entries
from govcrawl.spiders.site import SiteSpider

logger = logging.getLogger(__name__)


class SiteSpiderLoader:
    """Spiders named after site entries: bundled, data/sites/, then GOVCRAWL_SITE_DIRS.

    GOVCRAWL_SITE_DIRS is read both from the environment (``os.pathsep``-separated folders)
    and from the setting of that name (a list, or a comma-separated string with ``-s``); the
    setting's folders come last and so win on a clash. On a Scrapyd host use the environment
    variable: Scrapyd validates a job's spider name with ``scrapy list`` run without the job's
    settings, so entries known only through the setting are refused by ``schedule.json``.
    """

    def __init__(self, settings: BaseSettings):
        dirs = [Path(d) for d in settings.getlist("GOVCRAWL_SITE_DIRS")]
        errors: list[SiteEntryError] = []
        entries = load_entries(dirs, errors)
        for error in errors:  # one broken file must not take every other site down with it
            logger.warning("Skipped an unreadable site entry: %s", error)
        self._spiders = {key: SiteSpider.for_entry(entry) for key, entry in entries.items()}

    @classmethod
    def from_settings(cls, settings: BaseSettings) -> Self:
        return cls(settings)

    def load(self, spider_name: str) -> type[Spider]:
        try:
            return self._spiders[spider_name]
        except KeyError:
            raise KeyError(f"Spider not found: {spider_name}") from None

    def list(self) -> list[str]:
        return sorted(self._spiders)

    def find_by_request(self, request: Request) -> list[str]:
        return [name for name, cls in self._spiders.items() if cls.handles_request(request)]

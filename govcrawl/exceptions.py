"""Why an item does not become a record: shared by the pipelines that raise and the
extensions that count, so that neither imports the other."""

from __future__ import annotations

from scrapy.exceptions import DropItem, IgnoreRequest

from govcrawl.reasons import Reason


class RejectItem(DropItem):
    """An item that fails a check; ``reason`` is a short slug for stats and the rejects file."""

    def __init__(self, reason: Reason | str, detail: str = ""):
        super().__init__(f"{reason}: {detail}" if detail else str(reason))
        self.reason = reason
        self.detail = detail


class DownloadCut(Exception):
    """A download in flight cut short because the crawl is shutting down (Ctrl-C, SIGTERM)."""

    def __init__(self, url: str):
        super().__init__(f"cut by the shutdown: {url}")


class NotAnArticle(Exception):
    """A page that answered but is not an article (soft 404, block page, login wall …)."""

    def __init__(self, reason: Reason | str, detail: str):
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


class UnchangedArticle(DropItem):
    """A known article whose content hash is the same: nothing to export (not a rejection)."""

    def __init__(self, url: str):
        super().__init__(f"unchanged: {url}", log_level="DEBUG")


class HeldRevision(DropItem):
    """A recheck whose record lost what the known revision had, while the site's health alarm is
    on (a redesign, most likely): held back, not exported, tried again once the site is healthy."""

    def __init__(self, url: str, lost: list[str]):
        super().__init__(f"held: {url} lost {', '.join(lost)}", log_level="INFO")
        self.lost = lost


class NotModified(IgnoreRequest):
    """A 304 to a conditional request for a known article: seen, unchanged (not a failure)."""

    def __init__(self, url: str):
        super().__init__(f"not modified: {url}")
        self.url = url

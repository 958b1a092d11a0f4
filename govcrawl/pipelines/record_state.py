"""Tell new, changed and unchanged articles apart using the state of earlier runs."""

from __future__ import annotations

from scrapy.exceptions import DropItem

from govcrawl.items import Article
from govcrawl.pipelines.base import CrawlerPipeline
from govcrawl.run import RunContext


class UnchangedArticle(DropItem):
    """A known article whose content hash is the same: nothing to export (not a rejection)."""

    def __init__(self, url: str):
        super().__init__(f"unchanged: {url}", log_level="DEBUG")


class RecordStatePipeline(CrawlerPipeline):
    """Fills first_seen, revision and previous_hash; drops unchanged articles.

    The state itself is written by the run export once the record is in the export file.
    """

    def process_item(self, item: Article) -> Article:
        state = self._state()
        known = state.articles([item.url]).get(item.url) if state is not None else None
        stats = self.crawler.stats
        if known is None:
            item.first_seen, item.revision, item.previous_hash = item.crawled_at, 1, None
        elif known.content_hash == item.content_hash:
            state.touch(item.url, item.crawled_at, item.validators.get("etag"),
                        item.validators.get("last_modified"))
            stats.inc_value("govcrawl/state/unchanged")
            raise UnchangedArticle(item.url)
        else:
            item.first_seen, item.revision = known.first_seen, known.revision + 1
            item.previous_hash = known.content_hash
        return item

    def _state(self):
        if self.crawler.spider is None or not self.crawler.settings.get("GOVCRAWL_STATE_PATH"):
            return None
        return RunContext.for_crawler(self.crawler).state

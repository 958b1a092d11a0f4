"""Pick the publish date from the page's date evidence and normalise it to ISO 8601 +08:00."""

from __future__ import annotations

from govcrawl.extract import choose_published
from govcrawl.items import Article
from govcrawl.pipelines.base import CrawlerPipeline


class NormalizePublishedPipeline(CrawlerPipeline):
    """Fills published_at, published_precision and published_from."""

    def process_item(self, item: Article) -> Article:
        if item.draft is None or item.published_at:
            return item
        published = choose_published(item.draft.date_candidates)
        if published is None:
            self.crawler.stats.inc_value("govcrawl/published/missing")
            return item
        item.published_at = published.value.isoformat()
        item.published_precision = published.precision
        item.published_from = published.origin
        self.crawler.stats.inc_value(f"govcrawl/published/from_{published.origin}")
        return item

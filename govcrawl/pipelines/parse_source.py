"""Split the source footer into 来源, authors (记者/作者/通讯员) and editors (责任编辑)."""

from __future__ import annotations

from govcrawl.extract import parse_credits, repair_text
from govcrawl.items import Article
from govcrawl.pipelines.base import CrawlerPipeline


class ParseSourcePipeline(CrawlerPipeline):
    """Fills source, authors and editors from the draft's source text and credit lines."""

    def process_item(self, item: Article) -> Article:
        if item.draft is None:
            return item
        source_text = item.draft.source_text
        lines = [repair_text(line) for line in item.draft.credit_lines]
        credits = parse_credits(repair_text(source_text) if source_text else None, lines)
        item.source = credits.source
        item.authors = list(credits.authors)
        item.editors = list(credits.editors)
        if item.source is None:
            self.crawler.stats.inc_value("govcrawl/source/missing")
        return item

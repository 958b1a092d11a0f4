"""Repair the text (pinyin groups, whitespace) and strip navigation chrome from title and body."""

from __future__ import annotations

from typing import Self

from scrapy.crawler import Crawler

from govcrawl.extract import repair_text, strip_chrome_lines
from govcrawl.items import Article


class StripChromePipeline:
    """Turns the draft's body lines into the clean ``body`` text, one paragraph per line."""

    def __init__(self, crawler: Crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def process_item(self, item: Article) -> Article:
        if item.title:
            item.title = repair_text(item.title)
        if item.draft is None:
            return item
        repaired = [repair_text(line) for line in item.draft.body_lines]
        kept = strip_chrome_lines([line for line in repaired if line])
        removed = len(repaired) - len(kept)
        if removed:
            self.crawler.stats.inc_value("govcrawl/chrome/lines_removed", removed)
        item.body = "\n".join(kept)
        return item

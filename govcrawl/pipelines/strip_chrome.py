"""Repair the text (pinyin groups, whitespace) and strip navigation chrome from title and body."""

from __future__ import annotations

from govcrawl.extract import repair_text, strip_chrome_lines
from govcrawl.items import Article
from govcrawl.pipelines.base import CrawlerPipeline


class StripChromePipeline(CrawlerPipeline):
    """Turns the draft's body lines into the clean ``body`` text, one paragraph per line."""

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

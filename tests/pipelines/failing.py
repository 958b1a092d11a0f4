"""A pipeline that breaks on one article, to show a crashing pipeline costs one record only."""

from __future__ import annotations

from govcrawl.items import Article

#: the sample-site article this pipeline fails on
FAILING_PATH = "/xwzx/sxyw/202312/t20231201_7003.html"


class FailOnePipeline:
    """Raises an unexpected error (not DropItem) for one URL."""

    def process_item(self, item: Article) -> Article:
        if item.url.endswith(FAILING_PATH):
            raise RuntimeError("boom in a pipeline")
        return item

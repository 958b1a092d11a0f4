"""Offer simplified-script copies of title and body (OpenCC), keeping the originals as shown."""

from __future__ import annotations

from govcrawl.extract import to_simplified
from govcrawl.items import Article


class SimplifyScriptPipeline:
    """Fills title_simplified and body_simplified."""

    def process_item(self, item: Article) -> Article:
        item.title_simplified = to_simplified(item.title) if item.title else None
        item.body_simplified = to_simplified(item.body) if item.body else ""
        return item

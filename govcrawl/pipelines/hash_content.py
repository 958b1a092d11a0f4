"""Fingerprint what a reader sees, so that a changed article can be told from an unchanged one."""

from __future__ import annotations

import hashlib

from govcrawl.items import Article


def content_hash(item: Article) -> str:
    """SHA-256 over title, publish time, source and body; a record without body text (a notice
    that is only a PDF or a picture) hashes its attachment and image URLs instead, so that a
    replaced document is a new revision."""
    parts = (item.title or "", item.published_at or "", item.source or "", item.body or _media_urls(item))
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def _media_urls(item: Article) -> str:
    return "\n".join([a["url"] for a in item.attachments] + [i["url"] for i in item.images])


class HashContentPipeline:
    """Fills content_hash."""

    def process_item(self, item: Article) -> Article:
        item.content_hash = content_hash(item)
        return item

"""Pure extraction: HTML (plus URL) in, fields out. No Scrapy or Twisted imports here.

The spider and ``govcrawl extract`` both call these, so a crawled page and a saved page
give the same record.
"""

from __future__ import annotations

from govcrawl.extract.model import (
    ArticleDraft,
    Credits,
    DateCandidate,
    Link,
    PublishedDate,
)

__all__ = [
    "ArticleDraft",
    "Credits",
    "DateCandidate",
    "Link",
    "PublishedDate",
]

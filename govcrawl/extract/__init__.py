"""Pure extraction: HTML (plus URL) in, fields out. No Scrapy or Twisted imports here.

The spider and ``govcrawl extract`` both call these, so a crawled page and a saved page
give the same record.
"""

from __future__ import annotations

from govcrawl.extract.article import extract_article
from govcrawl.extract.chrome import strip_chrome_lines
from govcrawl.extract.credits import parse_credits
from govcrawl.extract.dates import choose_published
from govcrawl.extract.encoding import decode_html
from govcrawl.extract.model import (
    ArticleDraft,
    Credits,
    DateCandidate,
    Link,
    PublishedDate,
)
from govcrawl.extract.text import repair_text, to_simplified

__all__ = [
    "ArticleDraft",
    "Credits",
    "DateCandidate",
    "Link",
    "PublishedDate",
    "choose_published",
    "decode_html",
    "extract_article",
    "parse_credits",
    "repair_text",
    "strip_chrome_lines",
    "to_simplified",
]

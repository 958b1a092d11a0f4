"""The article record: one JSON Lines object per article, and how a fetched page becomes one."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from typing import Any

from w3lib.url import canonicalize_url

from govcrawl.exceptions import NotAnArticle
from govcrawl.extract import FieldSelectors, PageFields, ParsedPage, extract_record
from govcrawl.extract.dates import china_time
from govcrawl.extract.urls import canonical_url
from govcrawl.reasons import Reason
from govcrawl.state.base import ArticleState


@dataclass(slots=True, kw_only=True)
class Article(PageFields):
    """One article as exported: the page's fields (``extract.PageFields``) and the crawl's; every
    field is documented in the README."""

    id: str
    """Stable identifier: SHA-1 (first 16 hex digits) of the canonical URL."""
    url: str
    """URL of the article page (after redirects), without session ids and tracking keys."""
    site: str
    """Site key of the entry that crawled it (an ASCII slug)."""
    site_name: str
    """Human name of the site (from the entry)."""
    column: str | None = None
    """Column (栏目) the article was listed under: the entry's column name, else ColumnName meta."""
    crawled_at: str
    """When the page was fetched, ISO 8601 UTC."""
    content_hash: str = ""
    """SHA-256 of title, published_at, source and body: changes when the article does."""
    first_seen: str | None = None
    """When govcrawl first exported this URL, ISO 8601 UTC."""
    revision: int = 1
    """1 for a new article, +1 each time its content hash changes."""
    previous_hash: str | None = None
    """The content hash of the previous revision (null on revision 1)."""
    etag: str | None = None
    """The response's ETag, kept in the crawl state for conditional requests; never exported."""
    last_modified: str | None = None
    """The response's Last-Modified, kept like the ETag; never exported."""
    listed_url: str | None = None
    """The URL the list page linked to, when a redirect led elsewhere; never exported."""
    record: dict[str, Any] | None = None
    """The exported dict, built once by validation and written as is; never exported itself."""
    known: ArticleState | None = None
    """What the crawl state knew of the article when it was requested again; never exported."""


#: fields that serve the crawl and never reach an export
INTERNAL_FIELDS = frozenset({"etag", "last_modified", "listed_url", "record", "known", "has_media"})
#: the record fields that the page itself decides (the rest are the crawl's)
PAGE_FIELDS = tuple(f.name for f in fields(PageFields))
#: which article a record is: first in an export, before the page's fields
IDENTITY_FIELDS = ("id", "url", "site", "site_name", "column")
#: the shortest undated text a catalogue links that is writing of its own (a speech, a report,
#: an article whose column shows no dates) rather than a card
LONG_FORM_CHARS = 1000
#: the exported fields, in order (FEED_EXPORT_FIELDS): who, what the page says, then the crawl's
EXPORT_FIELDS: list[str] = [*IDENTITY_FIELDS, *(f.name for f in fields(Article)
                                                if f.name not in INTERNAL_FIELDS and f.name not in IDENTITY_FIELDS)]


def article_id(url: str) -> str:
    """Stable id of an article: first 16 hex digits of the SHA-1 of its canonical URL.

    Canonical: without session ids and tracking keys (``canonical_url``), then w3lib's canonical
    form (sorted query, no fragment) without the scheme, because these sites serve the same page
    over http and https.
    """
    canonical = canonicalize_url(canonical_url(url)).split("://", 1)[-1]
    return hashlib.sha1(canonical.encode("utf-8")).hexdigest()[:16]


def article_from_page(
    body: ParsedPage | bytes,
    url: str,
    *,
    site: str,
    site_name: str,
    fetched_at: datetime,
    column: str | None = None,
    http_encoding: str | None = None,
    selectors: FieldSelectors | None = None,
) -> Article:
    """An article page as a new record (revision 1, first seen now); the pipelines add the rest.
    A page that is not an article raises NotAnArticle with the reason."""
    page = extract_record(body, url, fetched_at=fetched_at, http_encoding=http_encoding, selectors=selectors)
    if page.rejection is not None:
        raise NotAnArticle(page.rejection.reason, page.rejection.detail)
    # a naive fetch time is China time, as extraction reads it
    crawled_at = china_time(fetched_at).astimezone(UTC).isoformat(timespec="seconds")
    url = canonical_url(url)  # a redirect may have added a session id; links resolve against the page's own
    return Article(
        id=article_id(url), url=url, site=site, site_name=site_name, column=column or page.column,
        crawled_at=crawled_at, first_seen=crawled_at, **{name: getattr(page, name) for name in PAGE_FIELDS},
    )


def catalogue_card(article: Article) -> NotAnArticle | None:
    """Why a page an undated list linked is a card of a catalogue (a product, a person, a
    service), not a publication: it shows no date either, no file, no player, and less text
    than long-form writing. A column that dates none of its items still publishes its long
    articles, and a video column its clips."""
    player = article.has_media and not article.images  # media without pictures: a video or audio
    if article.published_from is not None or article.attachments or player or len(article.body) >= LONG_FORM_CHARS:
        return None
    return NotAnArticle(Reason.CATALOGUE_CARD, f"undated, {len(article.body)} characters, listed by a list "
                                               "that dates none of its items")

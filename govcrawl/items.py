"""The article record: one JSON Lines object per article."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from govcrawl.extract.model import ArticleDraft


@dataclass(slots=True, kw_only=True)
class Article:
    """One article as exported; every field is documented in the README."""

    id: str
    """Stable identifier: SHA-1 (first 16 hex digits) of the canonical URL."""
    url: str
    """Canonical URL of the article page."""
    site: str
    """Site key of the entry that crawled it (an ASCII slug)."""
    site_name: str
    """Human name of the site (from the entry)."""
    column: str | None = None
    """Column (栏目) the article was listed under: the entry's column name, else ColumnName meta."""
    title: str | None = None
    """Headline as displayed, in the page's own script."""
    title_simplified: str | None = None
    """The headline in simplified script."""
    published_at: str | None = None
    """Publish time, ISO 8601 with +08:00 offset."""
    published_precision: str | None = None
    """How much of published_at the page showed: day, minute or second."""
    published_from: str | None = None
    """Where the date was found: label, near_title, document, meta or url."""
    source: str | None = None
    """来源 as shown on the page, null when the page shows none."""
    authors: list[str] = field(default_factory=list)
    """Reporters and writers (记者, 作者, 通讯员)."""
    editors: list[str] = field(default_factory=list)
    """Editors (责任编辑, 编辑, 审核)."""
    body: str = ""
    """Clean article text, one paragraph per line."""
    body_simplified: str = ""
    """The body in simplified script."""
    images: list[dict[str, Any]] = field(default_factory=list)
    """Images in the body: {"url": absolute URL, "caption": alt text or caption or null}."""
    attachments: list[dict[str, Any]] = field(default_factory=list)
    """Attachments linked from the body: {"url": absolute URL, "name": link text or null}."""
    document: dict[str, str] | None = None
    """政府信息公开 table (index_no, doc_no, issuer, written_on, …) when the page has one."""
    keywords: list[str] = field(default_factory=list)
    """Keywords from the page metadata."""
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
    draft: ArticleDraft | None = None
    """Raw extraction evidence for the pipelines; never exported."""
    validators: dict[str, str] = field(default_factory=dict)
    """The response's ETag / Last-Modified, kept in the crawl state; never exported."""
    listed_url: str | None = None
    """The URL the list page linked to, when a redirect led elsewhere; never exported."""


#: fields that serve the crawl and never reach an export
INTERNAL_FIELDS = frozenset({"draft", "validators", "listed_url"})
#: the exported fields, in order (FEED_EXPORT_FIELDS)
EXPORT_FIELDS: list[str] = [f.name for f in fields(Article) if f.name not in INTERNAL_FIELDS]

"""From a fetched (or saved) article page to an Article item for the pipelines.

Shared by the spider and ``govcrawl extract``: a crawled page and a saved page go through
exactly this function and then the same item pipelines.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from parsel import Selector
from w3lib.url import canonicalize_url

from govcrawl.extract import ArticleDraft, DateCandidate, decode_html, extract_article
from govcrawl.items import Article
from govcrawl.sites import Selectors

#: ColumnName meta tag, used when the entry names no column
COLUMN_META = "ColumnName"


def article_id(url: str) -> str:
    """Stable id of an article: first 16 hex digits of the SHA-1 of its canonical URL.

    Canonical: w3lib's canonical form (sorted query, no fragment) without the scheme, because
    these sites serve the same page over http and https.
    """
    canonical = canonicalize_url(url).split("://", 1)[-1]
    return hashlib.sha1(canonical.encode("utf-8")).hexdigest()[:16]


def build_article(
    body: bytes,
    url: str,
    *,
    site: str,
    site_name: str,
    column: str | None = None,
    http_encoding: str | None = None,
    selectors: Selectors | None = None,
) -> Article:
    """Extract an article page into an Article whose draft the pipelines finish."""
    draft = extract_article(body, url, http_encoding=http_encoding)
    if selectors is not None:
        apply_selectors(draft, body, http_encoding, selectors)
    canonical = url
    return Article(
        id=article_id(canonical),
        url=canonical,
        site=site,
        site_name=site_name,
        column=column or draft.meta.get(COLUMN_META) or None,
        title=draft.title,
        keywords=_keywords(draft.meta.get("Keywords", "")),
        document=dict(draft.document) or None,
        images=[{"url": i.url, "caption": i.text} for i in draft.images],
        attachments=[{"url": a.url, "name": a.text} for a in draft.attachments],
        crawled_at=datetime.now(UTC).isoformat(timespec="seconds"),
        draft=draft,
    )


def apply_selectors(
    draft: ArticleDraft, body: bytes, http_encoding: str | None, selectors: Selectors
) -> None:
    """Let a site entry's selectors override what detection found."""
    if not any(selectors.model_dump().values()):
        return
    page = Selector(text=decode_html(body, http_encoding))
    if text := _select_text(page, selectors.title):
        draft.title = text
    if text := _select_text(page, selectors.published):
        draft.date_candidates.insert(0, DateCandidate(text, "label"))
    if text := _select_text(page, selectors.source):
        draft.source_text = text
    if selectors.body:
        lines = [_squash(t) for t in _select(page, selectors.body).xpath(".//text()").getall()]
        draft.body_lines = [t for t in lines if t]


def _select(page: Selector, query: str):
    return page.xpath(query) if query.startswith(("/", "(")) else page.css(query)


def _select_text(page: Selector, query: str | None) -> str | None:
    if not query:
        return None
    text = _squash(" ".join(_select(page, query).xpath("string()").getall()))
    return text or None


def _squash(text: str) -> str:
    return " ".join(text.split())


def _keywords(raw: str) -> list[str]:
    parts = raw.replace("，", ",").replace("；", ",").replace(";", ",").replace(" ", ",").split(",")
    return [p.strip() for p in parts if p.strip()]

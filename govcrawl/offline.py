"""``govcrawl extract``: saved pages to records, by the crawl's own steps and without a crawler."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from govcrawl.exceptions import NotAnArticle, RejectItem
from govcrawl.extract import FieldSelectors, ParsedPage
from govcrawl.items import article_from_page, catalogue_card
from govcrawl.pipelines.hash_content import HashContentPipeline
from govcrawl.pipelines.validate import checked_record, export_dict


@dataclass(slots=True, frozen=True)
class SavedPageSite:
    """What a crawl would know about the site a saved page comes from."""

    key: str = "local"
    name: str = "saved page"
    column: str | None = None
    selectors: FieldSelectors | None = None


def extract_saved_page(body: ParsedPage | bytes, url: str, site: SavedPageSite, fetched_at: datetime,
                       http_encoding: str | None = None, *, listed_undated: bool = False) -> dict[str, Any]:
    """The record a crawl without state exports for this page at this fetch time; a page that
    fails gives the record so far with ``rejected`` and ``detail``. ``listed_undated``: a list
    that dates none of its items linked it, so a short undated page is a catalogue's card."""
    try:
        item = article_from_page(body, url, site=site.key, site_name=site.name, column=site.column,
                                 fetched_at=fetched_at, http_encoding=http_encoding, selectors=site.selectors)
        if listed_undated and (card := catalogue_card(item)):
            raise card
    except NotAnArticle as exc:
        return {"url": url, "rejected": exc.reason, "detail": exc.detail}
    except Exception as exc:  # a crawl records this as spider_error and goes on
        return {"url": url, "rejected": "extraction_error", "detail": f"{type(exc).__name__}: {exc}"}
    item = HashContentPipeline().process_item(item)
    try:
        return checked_record(item)
    except RejectItem as exc:
        return {**export_dict(item), "rejected": exc.reason, "detail": exc.detail}

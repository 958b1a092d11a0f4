"""Check every record against the JSON Schema; a failing one is rejected with its reason."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any, Self

import fastjsonschema
from jsonschema import Draft202012Validator
from scrapy.crawler import Crawler
from scrapy.exceptions import UsageError
from scrapy.utils.misc import load_object

from govcrawl.exceptions import RejectItem
from govcrawl.items import EXPORT_FIELDS, Article
from govcrawl.reasons import invalid_reason


@cache
def article_schema() -> dict[str, Any]:
    """govcrawl/schema/article.json."""
    return json.loads(resources.files("govcrawl.schema").joinpath("article.json").read_text())


@cache
def article_validator() -> Draft202012Validator:
    """The reference validator: slow, but it explains every violation."""
    return Draft202012Validator(article_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)


@cache
def _fast_check():
    """The schema compiled to Python: ~70× faster, so every record can afford it."""
    return fastjsonschema.compile(article_schema())


def export_dict(item: Article) -> dict[str, Any]:
    """The record as exported: the export fields, in order."""
    return {name: getattr(item, name) for name in EXPORT_FIELDS}


def schema_errors(record: dict[str, Any]) -> list[str]:
    """Human-readable schema violations of one record, most relevant first."""
    errors = sorted(article_validator().iter_errors(record), key=lambda e: list(e.path))
    return [f"{'/'.join(map(str, e.path)) or '(record)'}: {e.message[:200]}" for e in errors]


def checked_record(item: Article) -> dict[str, Any]:
    """The item's export dict, built here once and kept on the item; RejectItem if invalid."""
    record = export_dict(item)
    try:
        _fast_check()(record)
    except fastjsonschema.JsonSchemaValueException as exc:
        name = exc.name.removeprefix("data").strip(".") or "(record)"
        errors = schema_errors(record) or [f"{name}: {exc.message}"]
        field = errors[0].split(":", 1)[0].split("/", 1)[0].split(".", 1)[0].strip("()")
        raise RejectItem(invalid_reason(field), "; ".join(errors)) from None
    item.record = record
    return record


class ValidateArticlePipeline:
    """Rejects records that break the schema (reason ``invalid_<field>``); the last pipeline.

    The record it checks is the line the run exports (``item.record``): a pipeline ordered after
    it would change Scrapy's ``-o`` feeds but not the export, so a crawl with one is refused."""

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        order = crawler.settings.getwithbase("ITEM_PIPELINES")
        own = next((v for k, v in order.items() if load_object(k) is cls and v is not None), None)
        later = sorted(load_object(k).__name__ for k, v in order.items()
                       if v is not None and own is not None and v > own)
        if later:
            raise UsageError(f"ValidateArticlePipeline must be the last item pipeline (its record is the exported "
                             f"line), but {', '.join(later)} come after it: order them before {own}")
        return cls()

    def process_item(self, item: Article) -> Article:
        checked_record(item)
        return item

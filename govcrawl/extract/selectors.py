"""A site entry's ``[selectors]``: CSS or XPath overrides, run on the tree extraction parsed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from cssselect import HTMLTranslator, SelectorError
from lxml import etree

_SPACES = re.compile(r"\s+")


@dataclass(slots=True, frozen=True)
class FieldSelectors:
    """Queries for fields that detection gets wrong on a site (XPath when it starts with / or ()."""

    title: str | None = None
    body: str | None = None
    published: str | None = None
    source: str | None = None


@dataclass(slots=True, frozen=True)
class Selected:
    """What the selectors found on one page: texts, and the element holding the body."""

    title: str | None = None
    published: str | None = None
    source: str | None = None
    body: etree._Element | None = None


@lru_cache(maxsize=256)
def compile_query(query: str) -> etree.XPath:
    """A CSS or XPath query compiled once; ValueError says what is wrong with it."""
    try:
        if query.startswith(("/", "(")):
            return etree.XPath(query)
        return etree.XPath(HTMLTranslator().css_to_xpath(query))
    except (etree.XPathSyntaxError, SelectorError) as exc:
        raise ValueError(f"not a valid CSS or XPath query {query!r}: {exc}") from exc


def _results(root: etree._Element, query: str | None) -> list:
    return list(compile_query(query)(root)) if query else []


def _text(root: etree._Element, query: str | None) -> str | None:
    """The selected elements' (or strings') text, whitespace collapsed; None when empty."""
    pieces = [r if isinstance(r, str) else "".join(r.itertext()) for r in _results(root, query)]
    text = _SPACES.sub(" ", " ".join(pieces)).strip()
    return text or None


def select_fields(root: etree._Element, selectors: FieldSelectors) -> Selected:
    """Run the selectors on the parsed page."""
    body = next((r for r in _results(root, selectors.body) if isinstance(r, etree._Element)), None)
    return Selected(
        title=_text(root, selectors.title),
        published=_text(root, selectors.published),
        source=_text(root, selectors.source),
        body=body,
    )

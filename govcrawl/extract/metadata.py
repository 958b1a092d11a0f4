"""Page-metadata standard tags (<meta name=… content=…>) and the canonical URL."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from lxml import etree

from govcrawl.extract.page import find_all

_SPACE = re.compile(r"\s+")


def extract_meta(root: etree._Element) -> dict[str, str]:
    """Meta tags by name as found (first occurrence wins), values whitespace-trimmed."""
    meta: dict[str, str] = {}
    divs: dict[str, str] = {}
    # meta tags, and kaili.gov.cn-style hidden divs carrying the same facts, in one pass
    for el in find_all(root, "meta", "div"):
        if el.tag == "div":
            eid = el.get("id")
            if eid is not None and eid.startswith("NewsArticle"):
                divs.setdefault(eid, _SPACE.sub(" ", "".join(el.itertext())).strip())
            continue
        content = el.get("content")
        if content is None:
            continue
        name = (el.get("name") or el.get("property") or el.get("itemprop") or "").strip()
        if name and name not in meta:
            meta[name] = _SPACE.sub(" ", content).strip()
    for name, value in divs.items():
        meta.setdefault(name, value)
    return meta


def meta_value(meta: dict[str, str], *names: str) -> str | None:
    """The first non-empty value among names, matched case-insensitively (as HTML matches meta
    names: keywords is Keywords); among tags whose names differ only in case, the page's first."""
    for name in names:
        wanted = name.lower()
        for key, value in meta.items():
            if value and key.lower() == wanted:
                return value
    return None


def _absolute(href: str, base: str | None) -> str | None:
    """An absolute http(s) URL for href, resolved against base when needed."""
    href = href.strip()
    if not href or href.startswith(("javascript:", "#")):
        return None
    if base:
        href = urljoin(base, href)
    return href if urlsplit(href).scheme in {"http", "https"} else None


def extract_canonical(root: etree._Element, meta: dict[str, str], url: str | None) -> str | None:
    """<link rel=canonical>, else og:url or the standard Url tag, made absolute."""
    for el in find_all(root, "link"):  # a link without rel or href is no canonical anyway
        if "canonical" in el.get("rel", "").lower().split():
            found = _absolute(el.get("href", ""), url)
            if found:
                return found
    value = meta_value(meta, "og:url", "Url")
    return _absolute(value, url) if value else None

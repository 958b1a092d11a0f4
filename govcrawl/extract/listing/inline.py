"""Lists a page ships outside its live markup: Hanweb records, document.write, JSON (a comment's
links are opened in place: ``document.ParsedPage.opened``)."""

from __future__ import annotations

import re
from urllib.parse import urljoin

from govcrawl.extract.document import Element, ParsedPage
from govcrawl.extract.listing.shapes import article_evidence
from govcrawl.extract.listing.structure import Candidate, Item

HANWEB_RECORD = re.compile(r"<record>\s*<!\[CDATA\[(.*?)\]\]>\s*</record>", re.S)
DOCUMENT_WRITE = re.compile(r"document\.write(?:ln)?\(\s*(['\"])(.*?)(?<!\\)\1\s*\)", re.S)
# Inline JSON lists (UCAP listData), where a URL may sit in a JSON string inside a string.
JSON_URL = re.compile(
    r'\\?"(?:url|urls|link|docUrl|href|linkUrl|pc)\\?"\s*:\s*\\?"([^"\\]+?\.s?html?)\\?"')
#: a URL's shape: numbers and hex hashes (/20240511/9f3c2a7b….html) count as one slot
_ID = re.compile(r"[0-9a-f]*\d[0-9a-f]*", re.I)
_ESCAPE = re.compile(r"\\(['\"/])")


def fragments(page: ParsedPage) -> list[Element]:
    """Markup shipped inside scripts: Hanweb ``<record>`` CDATA and ``document.write`` strings."""
    found = []
    if records := HANWEB_RECORD.findall(page.markup):
        found.append(page.fragment("<div><ul>" + "".join(records) + "</ul></div>"))
    writes = written(page.markup)
    if any("<a" in w for w in writes):
        found.append(page.fragment("<div>" + "".join(writes) + "</div>"))
    return [tree for tree in found if tree is not None]


def written(html: str) -> list[str]:
    """The strings a page's scripts pass to ``document.write``, unescaped."""
    return [_ESCAPE.sub(r"\1", m.group(2)) for m in DOCUMENT_WRITE.finditer(html)]


def json_list(html: str, page_url: str) -> Candidate | None:
    """The URLs of an inline JSON list, as one candidate list."""
    urls = list(dict.fromkeys(urljoin(page_url, u.replace("\\/", "/")) for u in JSON_URL.findall(html)))
    # Menus ship as JSON too: the list is the largest run of URLs of one shape.
    shapes: dict[str, list[str]] = {}
    for url in urls:
        shapes.setdefault(_ID.sub("#", url), []).append(url)
    urls = max(shapes.values(), key=len, default=[])
    if len(urls) < 2:
        return None
    # the objects carry titles and dates too: credit them as headline and date
    score = sum(3 + article_evidence(url, page_url) for url in urls)
    return Candidate([Item(url, "", True) for url in urls], score)

"""Lists a page ships outside its live markup: comments, Hanweb records, document.write, JSON."""

from __future__ import annotations

import re
from urllib.parse import urljoin

import lxml.html
from lxml.html import HtmlElement

from govcrawl.extract.listing.shapes import article_evidence
from govcrawl.extract.listing.structure import Candidate, Item

# A comment that holds links is markup the site switched off or a template keeps, so it is
# read in place (its region still tells chrome from content).
COMMENT = re.compile(r"<!--(.*?)-->", re.S)
HANWEB_RECORD = re.compile(r"<record>\s*<!\[CDATA\[(.*?)\]\]>\s*</record>", re.S)
DOCUMENT_WRITE = re.compile(r"document\.write(?:ln)?\(\s*(['\"])(.*?)(?<!\\)\1\s*\)", re.S)
# Inline JSON lists (UCAP listData), where a URL may sit in a JSON string inside a string.
JSON_URL = re.compile(
    r'\\?"(?:url|urls|link|docUrl|href|linkUrl|pc)\\?"\s*:\s*\\?"([^"\\]+?\.s?html?)\\?"')
#: a URL's shape: numbers and hex hashes (/20240511/9f3c2a7b….html) count as one slot
_ID = re.compile(r"[0-9a-f]*\d[0-9a-f]*", re.I)
_ESCAPE = re.compile(r"\\(['\"/])")


def uncomment_links(html: str) -> str:
    """The page with every comment that holds a link opened up."""
    def open_up(match: re.Match[str]) -> str:
        inner = match.group(1)
        return inner if "<a " in inner.lower() and "href" in inner.lower() else match.group(0)
    return COMMENT.sub(open_up, html)


def parse(html: str) -> HtmlElement | None:
    """An lxml tree of a page or fragment; None when there is nothing to parse."""
    if not html.strip():
        return None
    try:
        return lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return None


def fragments(html: str) -> list[HtmlElement]:
    """Markup shipped inside scripts: Hanweb ``<record>`` CDATA and ``document.write`` strings."""
    found = []
    if records := HANWEB_RECORD.findall(html):
        found.append(parse("<div><ul>" + "".join(records) + "</ul></div>"))
    writes = [_ESCAPE.sub(r"\1", m.group(2)) for m in DOCUMENT_WRITE.finditer(html)]
    if any("<a" in w for w in writes):
        found.append(parse("<div>" + "".join(writes) + "</div>"))
    return [tree for tree in found if tree is not None]


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

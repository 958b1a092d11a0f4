"""Articles an article page links to as its kin: 上一篇/下一篇, 相关阅读, a sidebar's latest items.

A site's columns list its recent articles; older ones are often reachable only from other
articles (the live site's column page 30, a copy's missing pager, a list a script pages). Those
links are told from an article's navigation, its columns and its single pages by their URL: the
same CMS writes an article's URL in one shape (``/EPL/1025.html`` beside ``/NBA/1603.html``,
``/2020_11/07_09/content-21782.html``), with an id where a column or a page has a name.
"""

from __future__ import annotations

from govcrawl.extract.document import ParsedPage
from govcrawl.extract.listing.columns import MAX_HEADLINE_CHARS, site_links
from govcrawl.extract.listing.shapes import is_trap, is_view, on_domains
from govcrawl.extract.listing.structure import HEADLINE_CHARS, link_text
from govcrawl.extract.listing.templates import url_shape


def related_articles(html: ParsedPage | str, page_url: str, domains: list[str]) -> list[str]:
    """The site's articles an article page links by a headline (a link text of headline length),
    whose URLs have the page's own shape; each once, in page order, the page itself left out."""
    own = url_shape(page_url)
    if own is None:
        return []
    found: dict[str, None] = {}
    for a, url in site_links(html, page_url):
        if url in found or url.rstrip("/") == page_url.rstrip("/") or url_shape(url) != own:
            continue
        if not on_domains(url, domains) or is_trap(url) or is_view(url):
            continue
        if HEADLINE_CHARS <= len(link_text(a)) <= MAX_HEADLINE_CHARS:
            found[url] = None
    return list(found)

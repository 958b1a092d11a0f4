"""Is an "article" page really a list? A column page reached by an article link (a sub-column,
a 更多 page, a search result) must be crawled as a list, never exported as a record.

Most article pages have a body of prose (or pictures), or are a dated notice, and for them this
costs nothing. Any other page, and any whose body is mostly links, is read as a list page too,
with the list reader the crawl's list pages use; when that finds a list of several articles,
the page is a list.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urldefrag, urljoin

from govcrawl.extract.document import ParsedPage, as_parsed
from govcrawl.extract.listing import ListingPage, PageKind, extract_listing

#: prose has at least this many visible characters (and two sentences)
SHORT_BODY = 100
#: a body this share of which sits in links is a list of links
LINKED_BODY = 0.3
#: the fewest article links a list page shows (a short article lists fewer related links)
MIN_LIST_LINKS = 5
SENTENCE_END = re.compile(r"[。！？!?]")
SAVED_PAGE_BASE = "http://localhost/saved/page.html"
#: where a date that makes a page an article comes from: a label, the headline's line, or a 政务公开
#: table (成文日期, 发布日期); a ``PubDate`` meta alone dates column pages too
#: characters of an article reading's first line looked for in the list's own text
LIST_TEXT_PROBE = 20
#: ... in the first line of at least that length among its first lines
OPENING_LINES = 3
DATED = ("label", "near_title", "document", "url_year", "issue")


def list_page_detail(page: ParsedPage | str, url: str | None, *, body: str, body_link_ratio: float,
                     has_media: bool, published_from: str | None,
                     body_hrefs: list[str] | None = None) -> str | None:
    """Why a page read as an article is a list page ("a list of 20 article links such as …"),
    or None when it is not one. ``published_from``: where its publish date was found;
    ``body_hrefs``: the links of the body's container as written (None when it has no element)."""
    # A labelled 发布时间 under the headline makes an article, however short (停水通知, a video
    # with a one-line caption), whatever lists sit beside it; so does prose, or pictures and
    # players. A list page's "body" is its headlines, a form or a footer.
    notice = published_from == "label" or (published_from == "near_title" and SENTENCE_END.search(body) is not None)
    # a player or a picture makes an article under a dated headline; an undated page's is a banner
    # (the link share of a box that gave no text at all says nothing: its links were not the body)
    linked = body_link_ratio >= LINKED_BODY and bool(body.strip())
    if not linked and (notice or _prose(body, has_media and published_from is not None)):
        return None
    # a saved file's links resolve against a stand-in web address: the list reader takes only
    # http(s) links, and what matters here is how many there are
    base = url if url and url.startswith(("http://", "https://")) else SAVED_PAGE_BASE
    listing = extract_listing(page, base)
    # without a body of its own, a page whose list reader finds a list is that list, however short
    # (a column of one or two notices); beside a body, only a long list outweighs it
    fewest = 1 if not body.strip() else MIN_LIST_LINKS
    if listing.kind != "list" or len(listing.article_urls) < fewest:
        return None
    if notice and body_hrefs is not None and _list_beside(listing, body_hrefs, base):
        return None  # a dated roundup of links (its table of links), with related reading beside it
    return f"a list of {len(listing.article_urls)} article links such as {listing.article_urls[0]}"


def _list_beside(listing: ListingPage, body_hrefs: list[str], base: str) -> bool:
    """Whether the list the list reader found lies outside the body: none of its articles is
    linked from the body's container."""
    in_body = {urldefrag(urljoin(base, href.strip())).url for href in body_hrefs if href.strip()}
    return in_body.isdisjoint(listing.article_urls)


def reads_as_article(listing_kind: str, *, published_from: str | None, body: str, has_media: bool) -> bool:
    """Whether a page reached as a list (or a start page) is an article to export: a dated
    headline (labelled, or by the headline) over prose, pictures or a player, or over running
    text the list reader takes for an article's. Anything else stays a list page, so that a
    list loaded by a script, or a column with a long introduction, is never a record."""
    if published_from not in DATED:
        return False
    return listing_kind == "article" or _prose(body, has_media)


def _prose(body: str, has_media: bool) -> bool:
    """Two sentences of running text, or pictures, video or audio."""
    return has_media or (len(SENTENCE_END.findall(body)) >= 2 and len("".join(body.split())) >= SHORT_BODY)


@dataclass(slots=True)
class PageReading:
    """What a page reached as a list, a column candidate or a start page is, read once: its kind,
    the list read from it, and the article read from it when that was needed to decide."""

    kind: PageKind
    listing: ListingPage
    #: what ``read_article`` gave (an article's fields, or why the page is none); None when the
    #: list reader alone decided
    article: Any = None


def read_page(html: ParsedPage | str, url: str, read_article: Callable[[ParsedPage], Any],
              **listing_options: Any) -> PageReading:
    """The one decision of what a page is, for the crawl, the nightly run, discovery, ``govcrawl
    check`` and ``scrapy parse``: a list when the list reader finds one; else an article when
    ``read_article(page)`` gives a dated headline over prose, pictures or a player; else a column
    with a long introduction (read again as a list) or another page (a home or channel page, a
    form). The list reader and ``read_article`` read the one parsed page. ``listing_options`` go
    to ``extract_listing`` (patterns, the column's list shape)."""
    page = as_parsed(html)
    listing = extract_listing(page, url, **listing_options)
    if listing.kind == "list" and not listing_options.get("shape"):
        # a list beside a dated text: an article with related reading, or a column? The article
        # reading decides; a later page of a column (its list's shape known) is a list page
        article = read_article(page)
        if _is_article(article) and _dated_prose(article) and not _read_from_list(article, listing):
            return PageReading("article", listing, article)
        return PageReading("list", listing, article)
    if listing.kind == "list":
        return PageReading("list", listing)
    article = read_article(page)
    if _is_article(article) and reads_as_article(listing.kind, published_from=article.published_from,
                                                 body=article.body, has_media=article.has_media):
        return PageReading("article", listing, article)
    if listing.kind == "article":  # no article after all: a column with a long introduction
        listing = extract_listing(page, url, as_list=True, **listing_options)
    return PageReading("list" if listing.kind == "list" else "other", listing, article)


def _read_from_list(article: Any, listing: ListingPage) -> bool:
    """Whether the article reading took its text from the list's own items (a column whose
    items show a summary, a byline and a date): then the page is that list."""
    # the first line long enough to tell (a column's tab names may come first)
    lines = ("".join(line.split()) for line in article.body.split("\n", OPENING_LINES)[:OPENING_LINES])
    opening = next((line[:LIST_TEXT_PROBE] for line in lines if len(line) >= LIST_TEXT_PROBE), "")
    return bool(opening) and opening in listing.items_text


def _dated_prose(article: Any) -> bool:
    """A headline dated by a label, by the headline or by a 政务公开 table, over running text."""
    return article.published_from in DATED and _prose(article.body, False)


def _is_article(found: Any) -> bool:
    """An article's fields, not an exception or a rejected record."""
    return hasattr(found, "published_from") and getattr(found, "rejection", None) is None

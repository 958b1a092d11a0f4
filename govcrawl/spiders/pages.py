"""What the crawl makes of a page it fetched, by the way it asked for it: the decisions the site
spider acts on, and that ``govcrawl reextract`` takes again over archived pages (one function
for each, so that a re-extraction never decides otherwise than the crawl).

No Scrapy request or response here: the spider hands over a response, reextract an archived
record, both as a ``Fetched`` page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from govcrawl.exceptions import NotAnArticle
from govcrawl.extract.document import ParsedPage, parse_page
from govcrawl.extract.encoding import http_charset
from govcrawl.extract.listing import ListingPage, PageKind, extract_listing
from govcrawl.extract.page_kind import PageReading, read_page
from govcrawl.items import LONG_FORM_CHARS, Article, article_from_page, catalogue_card
from govcrawl.reasons import Reason
from govcrawl.sites import SiteEntry
from govcrawl.warc import DateNeed

HTML_TYPES = (b"text/html", b"application/xhtml", b"text/xml", b"application/xml")
#: sites serve attachments as text/html too: the first bytes tell what the file is
SIGNATURES = ((b"%PDF", "PDF"), (b"PK\x03\x04", "zip (docx, xlsx …)"), (b"\x89PNG", "PNG"),
              (b"GIF8", "GIF"), (b"\xff\xd8\xff", "JPEG"), (b"\xd0\xcf\x11\xe0", "Office (doc, xls …)"))
#: what the crawl does with a page: exports its record, reads it as a list, rejects it, or leaves
#: it (a page the search for columns had read as a column; an undated channel page)
Use = Literal["record", "list", "rejected", "followed_as_list", "channel_page"]


@dataclass(slots=True, frozen=True)
class Fetched:
    """A page that answered (2xx), as the spider's callbacks get it."""

    url: str
    #: the Content-Type header as received; None when there was none (read as HTML)
    content_type: bytes | None
    body: bytes
    fetched_at: datetime
    #: the column whose list (or start page) led to it
    column: str | None = None


@dataclass(slots=True)
class PageUse:
    """What the crawl does with one page, and what it read to decide."""

    use: Use
    #: the page as parsed, when it was read (not when its type, or an earlier reading, decided)
    page: ParsedPage | None = None
    article: Article | None = None
    #: the list to follow (``use == "list"``)
    listing: ListingPage | None = None
    #: why it is no record (``use == "rejected"``)
    rejection: NotAnArticle | None = None


def html_refusal(content_type: bytes | None, body: bytes) -> str | None:
    """Why a page is not read as HTML (the detail of a ``not_html`` rejection), or None."""
    content_type = (b"text/html" if content_type is None else content_type).lower()
    if not any(t in content_type for t in HTML_TYPES):
        return content_type.decode("latin-1")
    found = next((name for magic, name in SIGNATURES if body.startswith(magic)), None)
    return None if found is None else f"{content_type.decode('latin-1')}, but the body is {found}"


def page_encoding(content_type: bytes | None, entry: SiteEntry) -> str | None:
    """The charset to decode a page with: the entry's forced one, else the HTTP header's."""
    return entry.encoding or http_charset((content_type or b"").decode("latin-1"))


def parse_fetched(fetched: Fetched, entry: SiteEntry) -> ParsedPage:
    """A fetched page decoded and parsed: the one parse that every reader of the page shares."""
    return parse_page(fetched.body, page_encoding(fetched.content_type, entry))


def listing_options(entry: SiteEntry, shape: str | None) -> dict[str, Any]:
    """How the list reader reads this site's pages: the entry's patterns, the column's list shape."""
    return {"article_pattern": entry.article_pattern, "list_pattern": entry.list_pattern, "shape": shape}


def read_article(page: ParsedPage, fetched: Fetched, entry: SiteEntry) -> Article:
    """The page's record at its fetch time, under its column; NotAnArticle when it is none."""
    return article_from_page(page, fetched.url, site=entry.key, site_name=entry.name, column=fetched.column,
                             fetched_at=fetched.fetched_at, selectors=entry.selectors.for_extraction())


def try_article(page: ParsedPage, fetched: Fetched, entry: SiteEntry) -> Article | NotAnArticle:
    """The page read as an article, or why it is none."""
    try:
        return read_article(page, fetched, entry)
    except NotAnArticle as exc:
        return exc


def read_article_link(fetched: Fetched, entry: SiteEntry, discovered: PageKind | None, *,
                      needs_date: DateNeed | None = None, as_list: bool = True) -> PageUse:
    """What an article link's page gives: its record; a list (a sub-column, a 更多 page) to crawl
    as a column when ``as_list``; a rejection (a catalogue's card too); or nothing, when the search
    for columns read the page (``discovered``) as a column, or as a channel and it shows no date
    (unless a column's list linked it, ``needs_date``, and it is long-form writing), or when a home
    page's block linked it and it shows none."""
    if detail := html_refusal(fetched.content_type, fetched.body):
        return PageUse("rejected", rejection=NotAnArticle(Reason.NOT_HTML, detail))
    if discovered == "list":
        return PageUse("followed_as_list")
    page = parse_fetched(fetched, entry)
    try:
        article = read_article(page, fetched, entry)
    except NotAnArticle as exc:
        if exc.reason == Reason.LIST_PAGE and as_list:
            return PageUse("list", page, listing=extract_listing(page, fetched.url, **listing_options(entry, None)))
        return PageUse("rejected", page, rejection=exc)
    # what the search for columns read as a channel stays one, unless a column's list links it
    # and it is writing of its own (a speech the navigation links too)
    channel = discovered == "other" and (needs_date == "headline" or len(article.body) < LONG_FORM_CHARS)
    if article.published_from is None and (needs_date == "block" or channel):
        return PageUse("channel_page", page, article=article)
    if needs_date == "catalogue" and (card := catalogue_card(article)):
        return PageUse("rejected", page, rejection=card)
    return PageUse("record", page, article=article)


def read_list_link(fetched: Fetched, entry: SiteEntry, page_no: int, shape: str | None = None) -> PageUse:
    """What page ``page_no`` of a column gives: its list, or its record when a column's first page
    (a start URL, a list link) is an article; a page with no link at all that is a block page,
    soft 404 or login wall rather than an empty list is rejected."""
    if detail := html_refusal(fetched.content_type, fetched.body):
        return PageUse("rejected", rejection=NotAnArticle(Reason.NOT_HTML, detail))
    page = parse_fetched(fetched, entry)
    if may_be_article(page_no):
        reading = read_page(page, fetched.url, lambda page: try_article(page, fetched, entry),
                            **listing_options(entry, shape))
    else:
        reading = PageReading("list", extract_listing(page, fetched.url, **listing_options(entry, shape)))
    if reading.kind == "article":
        return PageUse("record", page, article=reading.article)
    listing = reading.listing
    if not listing.article_urls and not listing.list_requests:
        attempt = reading.article if reading.article is not None else try_article(page, fetched, entry)
        if refusal := refusal_of(attempt):
            return PageUse("rejected", page, listing=listing, rejection=refusal)
    return PageUse("list", page, listing=listing)


def may_be_article(page_no: int) -> bool:
    """Whether a column's page ``page_no`` may be an article rather than a list: the first page
    decides what the column is (a column of one page is an article); later pages are its pages."""
    return page_no == 1


def read_discovered(page: ParsedPage, fetched: Fetched, entry: SiteEntry, depth: int) -> PageReading:
    """What the search for columns reads a page as, ``depth`` links from the home page: the home
    page itself is the site's front, never one of its columns."""
    if not depth:
        return PageReading("other", ListingPage())
    return read_page(page, fetched.url, lambda page: try_article(page, fetched, entry), **listing_options(entry, None))


def refusal_of(attempt: Article | NotAnArticle | None) -> NotAnArticle | None:
    """Why a page that gave no list is no page at all (firewall, soft 404, login wall …); a list
    page or an empty template is just an empty list."""
    if isinstance(attempt, NotAnArticle) and attempt.reason not in (Reason.LIST_PAGE, Reason.EMPTY_PAGE):
        return attempt
    return None

"""Is an "article" page really a list? A column page reached by an article link (a sub-column,
a 更多 page, a search result) must be crawled as a list, never exported as a record.

Most article pages have a body of prose (or pictures), or are a dated notice, and for them this
costs nothing. Any other page, and any whose body is mostly links, is read as a list page too,
with the list reader the crawl's list pages use; when that finds a list of several articles,
the page is a list.
"""

from __future__ import annotations

import re

from govcrawl.extract.listing import extract_listing

#: prose has at least this many visible characters (and two sentences)
SHORT_BODY = 100
#: a body this share of which sits in links is a list of links
LINKED_BODY = 0.3
#: the fewest article links a list page shows (a short article lists fewer related links)
MIN_LIST_LINKS = 5
SENTENCE_END = re.compile(r"[。！？!?]")
SAVED_PAGE_BASE = "http://localhost/saved/page.html"


def list_page_detail(markup: str, url: str | None, *, body: str, body_link_ratio: float,
                     has_media: bool, published_from: str | None) -> str | None:
    """Why a page read as an article is a list page ("a list of 20 article links such as …"),
    or None when it is not one. ``published_from``: where its publish date was found."""
    # A labelled 发布时间 under the headline makes an article, however short (停水通知, a video
    # with a one-line caption), whatever lists sit beside it; so does prose, or pictures and
    # players. A list page's "body" is its headlines, a form or a footer.
    notice = published_from == "label" or (published_from == "near_title" and SENTENCE_END.search(body) is not None)
    if body_link_ratio < LINKED_BODY and (notice or _prose(body, has_media)):
        return None
    # a saved file's links resolve against a stand-in web address: the list reader takes only
    # http(s) links, and what matters here is how many there are
    base = url if url and url.startswith(("http://", "https://")) else SAVED_PAGE_BASE
    listing = extract_listing(markup, base)
    if listing.kind != "list" or len(listing.article_urls) < MIN_LIST_LINKS:
        return None
    return f"a list of {len(listing.article_urls)} article links such as {listing.article_urls[0]}"


def reads_as_article(listing_kind: str, *, published_from: str | None, body: str, has_media: bool) -> bool:
    """Whether a page reached as a list (or a start page) is an article to export: a dated
    headline (labelled, or by the headline) over prose, pictures or a player, or over running
    text the list reader takes for an article's. Anything else stays a list page, so that a
    list loaded by a script, or a column with a long introduction, is never a record."""
    if published_from not in ("label", "near_title"):
        return False
    return listing_kind == "article" or _prose(body, has_media)


def _prose(body: str, has_media: bool) -> bool:
    """Two sentences of running text, or pictures, video or audio."""
    return has_media or (len(SENTENCE_END.findall(body)) >= 2 and len("".join(body.split())) >= SHORT_BODY)

"""The keys govcrawl keeps in ``Request.meta``, in one place, and the conditional refetch.

Redirects carry a request's meta over to the redirected request, so every key below still
describes the page its list linked to.
"""

from __future__ import annotations

from scrapy import Request

from govcrawl.state.base import ArticleState

#: "list" (a column page) or "article"
KIND = "govcrawl_kind"
#: the start URL of the column a request belongs to (its paging is judged per column)
COLUMN_URL = "govcrawl_column"
#: a list page's 1-based number in its column
PAGE = "govcrawl_page"
#: how a list link relates to its page: "page", "next", "last" or "list" (a sub-column)
REL = "govcrawl_rel"
#: where the column's first page had its main list ("div.main > ul.list > li"): later pages look there
LIST_SHAPE = "govcrawl_list_shape"
#: this list request is the page after its page (``pagination.next_page``): the one the nightly run walks
NEXT = "govcrawl_next"
#: the numbered pages after that next page that its page's pager showed, ``[[url, number], …]``:
#: where the walk goes on when the next page fails
LATER = "govcrawl_later_pages"
#: list pages in a row that held nothing to fetch (early stop counts them)
QUIET_PAGES = "govcrawl_quiet_pages"
#: the crawl state of a known article fetched again (conditionally): its revision comes from it
KNOWN = "govcrawl_known"
#: an article requested from the state to retry an earlier failure
RETRY = "govcrawl_retry"
#: what an article link asks of an undated page (warc.DateNeed): "block", a home page's
#: block links it by a URL that says nothing (undated, it is a channel or single page);
#: "catalogue", a list that dates none of its items links it (undated and short, it is a card);
#: "headline", no column's list links it: a home or channel page or an article's 上一篇 does
#: (undated, a channel page if the search for columns read it as one)
NEEDS_DATE = "govcrawl_needs_date"
#: how many related-article links (上一篇, 相关阅读) led from a listed article to this one
HOPS = "govcrawl_hops"
#: when the response came off the wire (set by the archive, whose WARC-Date it is): the fetch time
#: extraction counts relative dates from
FETCHED_AT = "govcrawl_fetched_at"
#: the WARC-Record-ID of the response record the archive wrote for this fetch
WARC_RECORD = "govcrawl_warc_record"


def conditional(request: Request, known: ArticleState) -> Request:
    """The request again with If-None-Match / If-Modified-Since from what the state knows."""
    headers = request.headers.to_unicode_dict()
    if known.etag:
        headers["If-None-Match"] = known.etag
    if known.last_modified:
        headers["If-Modified-Since"] = known.last_modified
    return request.replace(headers=headers, meta={**request.meta, KNOWN: known})

"""List (column) pages: which links are articles, which are further pages of the list."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal, TypeAlias
from urllib.parse import urldefrag, urljoin, urlparse

import lxml.html

#: URL shapes of article pages on the common CMS families
DEFAULT_ARTICLE_PATTERN = re.compile(
    r"/t\d{8}_\d+\.s?html?$"  # TRS WCM: /202307/t20230724_1234567.html
    r"|/t_\d+\.s?html?$"  # TRS without the date: /qtzdgk/t_5947092.shtml
    r"|/art/\d{4}/\d{1,2}/\d{1,2}/art_\d+_\d+\.html$"  # Hanweb JCMS
    r"|/\d{6}/[\w-]+\.s?html?$"  # month directories
    r"|/\d{4}-\d{2}/\d{2}/[\w-]+\.s?html?$"
    r"|/(?:content|detail|article|info|show|news)[_/-]?\d+[\w-]*\.s?html?$"
    r"|/(?:content|detail|article|info|show)\.(?:jsp|php|aspx?)\?.*\bid=\w+",
    re.I,
)
#: list pages reachable by numbered pagination: index_3.html, index_3.shtml
PAGINATION_PATTERN = re.compile(r"/index_\d+\.s?html?$", re.I)
NEXT_TEXTS = ("下一页", "下页", "后页", "下一頁", "下頁")
LAST_TEXTS = ("尾页", "末页", "最后一页", "尾頁", "末頁")
INDEX_NUMBER = re.compile(r"index_(\d+)\.s?html?$", re.I)
CREATE_PAGE_HTML = re.compile(r"createPageHTML\(([^)]*)\)")
HANWEB_RECORD = re.compile(r"<record>\s*<!\[CDATA\[(.*?)\]\]>\s*</record>", re.S)
HANWEB_TOTAL = re.compile(r"<totalrecord>\s*(\d+)\s*</totalrecord>")
HANWEB_PROXY_PARAM = re.compile(
    r"\b(columnid|unitid|webid|webname|path|perpage)\s*[:=]\s*['\"]?([^'\",&\s}<>\]\[]+)")
# Inline JSON lists (UCAP listData), where a URL may sit in a JSON string inside a string.
JSON_URL = re.compile(
    r'\\?"(?:url|urls|link|docUrl|href|linkUrl|pc)\\?"\s*:\s*\\?"([^"\\]+?\.s?html?)\\?"')
IGNORED_SCHEMES = ("javascript:", "mailto:", "tel:", "#")
#: elements that repeat once per entry of a list
LIST_ITEM_TAGS = frozenset({"li", "tr", "dd", "dt", "p", "div", "h3", "h4"})
#: a headline is at least this long (menu and pager links are shorter)
MIN_HEADLINE = 8
#: fewer entries than this are not a list
MIN_LIST_ITEMS = 3


#: how a list link relates to the page: a numbered page, 下一页, 尾页, or another list (sub-column)
ListRel: TypeAlias = Literal["page", "next", "last", "list"]


@dataclass(slots=True, frozen=True)
class ListRequest:
    """A further list page; ``formdata`` set means POST it (Hanweb data proxy)."""

    url: str
    formdata: dict[str, str] | None = None
    rel: ListRel = "page"
    #: 1-based page number when the link tells it (index_2.html is page 3)
    page: int | None = None


@dataclass(slots=True)
class ListingPage:
    """What a list page links to."""

    article_urls: list[str] = field(default_factory=list)
    list_requests: list[ListRequest] = field(default_factory=list)


def extract_listing(
    html: str,
    url: str,
    *,
    article_pattern: str | None = None,
    list_pattern: str | None = None,
) -> ListingPage:
    """Article links and further list pages found on one list page."""
    is_article = _matcher(article_pattern, DEFAULT_ARTICLE_PATTERN)
    is_list = _matcher(list_pattern, PAGINATION_PATTERN)
    page = ListingPage()
    root = _parse(html)
    for href, text in _links(root, html, url):
        if is_article(href):
            page.article_urls.append(href)
        elif any(t in text for t in NEXT_TEXTS):
            page.list_requests.append(ListRequest(href, rel="next"))
        elif any(t in text for t in LAST_TEXTS):
            page.list_requests.append(ListRequest(href, rel="last", page=_page_of(href, text)))
        elif is_list(href) or _is_number(text):
            number = _page_of(href, text)
            # A list link that gives no page number is another list (a sub-column), not a page.
            rel = "page" if number is not None or _is_number(text) else "list"
            page.list_requests.append(ListRequest(href, rel=rel, page=number))
    if article_pattern is None and not page.article_urls:
        # URL shapes we do not know: the page's main list, found by its structure, says which
        # links are the articles (the first step of reading lists by structure, not by URL)
        found = main_list_urls(root, url)
        page.article_urls += found
        page.list_requests = [r for r in page.list_requests if r.url not in set(found)]
    page.list_requests += [ListRequest(u, page=_page_of(u, "")) for u in trs_page_urls(html, url)]
    page.list_requests += hanweb_proxy_requests(html, url)
    page.article_urls = _unique(page.article_urls)
    page.list_requests = _unique(r for r in page.list_requests if r.url != url)
    return page


def _matcher(custom: str | None, default: re.Pattern[str]):
    pattern = re.compile(custom) if custom else default
    return lambda href: bool(pattern.search(urlparse(href).path if not custom else href))


def _links(root: lxml.html.HtmlElement | None, html: str, base_url: str) -> list[tuple[str, str]]:
    """(absolute URL, link text) of every link, Hanweb records and inline JSON lists included."""
    found = _anchor_links(root, base_url)
    for record in HANWEB_RECORD.findall(html):
        found += _anchor_links(_parse(record), base_url)
    found += [(urljoin(base_url, u.replace("\\/", "/")), "") for u in JSON_URL.findall(html)]
    return found


def _parse(html: str) -> lxml.html.HtmlElement | None:
    if not html.strip():
        return None
    try:
        return lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return None


def _href(a: lxml.html.HtmlElement, base_url: str) -> str | None:
    """A link's absolute http(s) URL without its fragment; None for script and mail links."""
    href = (a.get("href") or "").strip()
    if not href or href.lower().startswith(IGNORED_SCHEMES):
        return None
    absolute = urldefrag(urljoin(base_url, href)).url
    return absolute if absolute.startswith(("http://", "https://")) else None


def _anchor_links(root: lxml.html.HtmlElement | None, base_url: str) -> list[tuple[str, str]]:
    if root is None:
        return []
    links = []
    for a in root.iter("a"):
        if href := _href(a, base_url):
            links.append((href, a.text_content().strip()))
    return links


def main_list_urls(root: lxml.html.HtmlElement | None, base_url: str) -> list[str]:
    """The links of the page's main list: the largest group of sibling items (li, tr, dd, div …
    under one parent) that each carry a headline-length link to the page's own host."""
    if root is None:
        return []
    host = urlparse(base_url).hostname
    groups: dict[tuple[lxml.html.HtmlElement, str], list[str]] = {}
    for a in root.iter("a"):
        href = _href(a, base_url)
        item = _list_item(a)
        if href is None or item is None or urlparse(href).hostname != host:
            continue
        if len(" ".join(a.text_content().split())) >= MIN_HEADLINE:
            groups.setdefault((item.getparent(), item.tag), []).append(href)
    best = _unique(max(groups.values(), key=lambda urls: len(set(urls)), default=[]))
    return best if len(best) >= MIN_LIST_ITEMS else []


def _list_item(a: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    """The element that repeats once per entry of a list, around a link."""
    item = a.getparent()
    while item is not None and item.tag not in LIST_ITEM_TAGS:
        item = item.getparent()
    return item if item is not None and item.getparent() is not None else None


def _page_of(url: str, text: str) -> int | None:
    """The page number a list link leads to, when its URL or text tells."""
    if match := INDEX_NUMBER.search(urlparse(url).path):
        return int(match.group(1)) + 1
    return int(text) if _is_number(text) else None


def _is_number(text: str) -> bool:
    # isdigit() is true for ① and ², which int() refuses
    return text.isascii() and text.isdecimal()


def trs_page_urls(html: str, url: str) -> list[str]:
    """Every page of a TRS list from its ``createPageHTML(count, current, "index", "html")``."""
    # Pages often also define the function (createPageHTML(_nPageCount, …)): skip that.
    for match in CREATE_PAGE_HTML.finditer(html):
        args = [a.strip().strip("'\"") for a in match.group(1).split(",")]
        numbers = [int(a) for a in args if _is_number(a)]
        words = [a for a in args if a and not _is_number(a)]
        if numbers and len(words) >= 2:
            count, (prefix, ext) = numbers[0], words[-2:]
            return [urljoin(url, f"{prefix}_{n}.{ext}") for n in range(1, min(count, 1000))]
    return []


def hanweb_proxy_requests(html: str, url: str) -> list[ListRequest]:
    """Hanweb JCMS lists paged through ``dataproxy.jsp``: one POST per page of records."""
    if "dataproxy.jsp" not in html:
        return []
    total = HANWEB_TOTAL.search(html)
    params = dict(HANWEB_PROXY_PARAM.findall(html))
    if not total or "columnid" not in params:
        return []
    per_page = params.pop("perpage", "15")
    per_page = int(per_page) if _is_number(per_page) and int(per_page) > 0 else 15
    form = {"col": "1", "appid": "1", "permissiontype": "0", "sourceContentType": "1", **params}
    proxy = urljoin(url, "/module/web/jpage/dataproxy.jsp")
    requests = []
    for start in range(1, int(total.group(1)) + 1, per_page):
        end = start + per_page - 1
        query = f"?startrecord={start}&endrecord={end}&perpage={per_page}"
        page = (start - 1) // per_page + 1
        requests.append(ListRequest(proxy + query, dict(form), page=page))
    return requests


def _unique(items):
    seen: set = set()
    out = []
    for item in items:
        key = item if isinstance(item, str) else (item.url, str(item.formdata))
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out

"""What a link's URL and text say about it: article, column, date-bearing, chrome region."""

from __future__ import annotations

import re
from urllib.parse import urlparse

from govcrawl.extract.document import Element

#: URL shapes of article pages on the common CMS families
DEFAULT_ARTICLE_PATTERN = re.compile(
    r"/t\d{8}_\d+\.s?html?$"  # TRS WCM: /202307/t20230724_1234567.html
    r"|/t_\d+\.s?html?$"  # TRS without the date: /qtzdgk/t_5947092.shtml
    r"|/art/\d{4}/\d{1,2}/\d{1,2}/art_\d+_\d+\.html$"  # Hanweb JCMS
    r"|/\d{6}/[\w-]+\.s?html?$"  # month directories
    r"|/\d{4}-\d{2}/\d{2}/[\w-]+\.s?html?$"
    r"|/(?:content|detail|article|info|show|news)[_/-]?\d+[\w-]*\.s?html?$"
    r"|/info/\d+/\d+\.s?html?$"  # VSB (博达), schools' and bureaus' sites: /info/1028/1435.htm
    r"|/(?:content|detail|article|info|show)\.(?:jsp|php|aspx?)\?.*\bid=\w+",
    re.I,
)
# Weaker hints that a URL is one document rather than a column: a long number or hash in
# the last segments (post_4100825, t19107548, 1833316118612205569, /2188837/index.html),
# a date in the path, or an id in the query (ItemDetail.html?docId=, bencandy.php?fid-40-id-1).
_LONG_ID = re.compile(r"\d{5,}|[0-9a-f]{16,}", re.I)
_DATE_PATH = re.compile(r"/(?:19|20)\d{2}[-/]?[01]?\d[-/]?(?:[0-3]?\d)?/")
_QUERY_ID = re.compile(r"(?:^|[?&;-])(?:doc_?id|article_?id|news_?id|info_?id|content_?id|id|aid|itemid)[=-]\w+",
                       re.I)
# index.html, index_2.html, list-3.html and index7.html (page 7, or a sub-site's home) end a column
_COLUMN_END = re.compile(
    r"/(?:(?:index|default|list|more)[._-]?\d{0,3}|[._-]\d{1,3})?(?:\.s?html?|\.jsp|\.php|\.aspx?)?$", re.I)
#: dates as list items show them: 2024-05-11, 2024/5/11, 2024.05.11, 2024年5月11日, 05-11, [05-11],
#: and as media sites do: 3小时前, 4年前, 昨天
DATE_TEXT = re.compile(r"(?:19|20)\d{2}\s*[-/.年]\s*[01]?\d\s*[-/.月]\s*[0-3]?\d|(?<!\d)[01]?\d[-/.月][0-3]\d(?!\d)"
                       r"|\d+\s*(?:分钟|小时|天|个月|年)前|昨天|前天")
#: an article's byline labels (来源：新华社, 作者：李四, 责任编辑：王五); a column page shows none
#: outside its items
BYLINE = re.compile(r"(?:来源|稿源|作者|责任编辑)\s*[：:]")
#: the label of an article's links to its neighbours in the column (上一篇：, 下一条, 下一篇>>, 下一篇：没有了);
#: a list page pages with 上一页/下一页 instead
NEIGHBOUR_LABEL = re.compile(r"^\s*[<《«]*\s*[上下]一?[篇条]\s*[：:>》»]*\s*(?:没有了|无)?\s*$")
#: links that lead to a column's full list rather than naming it
MORE = re.compile(r"^(?:更多|更多>+|more|MORE|More|>>|》》|\+|查看更多|更多信息|更多内容|查看全部)\W*$")
#: class/id words of navigation, header, footer and sidebars
_CHROME_WORDS = frozenset({
    "nav", "navbar", "menu", "menus", "submenu", "header", "head", "top", "topbar", "footer",
    "foot", "bottom", "side", "sidebar", "aside", "crumb", "crumbs", "breadcrumb", "position",
    "location", "copyright", "friend", "friendlink", "yqlj", "links", "banner", "dh", "daohang",
    "sitemap", "share", "tool", "toolbar", "login", "search", "hot", "rank", "ranking", "tags",
    "subnav", "leftnav", "mainnav",
})
#: a site search or a login, however it is linked: never a column, never an article (a search
#: pages without end, and its "no result" page reads like a short notice)
_SEARCH = re.compile(
    r"/(?:search|so|jsearch|fulltext|was5|login|logon|signin)(?:[/._?]|$)"
    r"|[/_-](?:search|login)[\w-]*\.(?:s?html?|jsp|php|aspx?|do|action)"
    r"|[?&](?:q|wd|kw|keyword|keywords|searchword|searchWord|query|word)=",
    re.I)
#: pages that are no column however they are linked: a search, login or sign-up under names an
#: article may have too (WeChat's articles are under ``/s/``, ``key=`` is an id on some sites, a
#: police site's 出入境 news may sit under ``/passport/``), foreign-language versions, players,
#: print, share and comment views, calendars and date archives (endless: each day or month links
#: the next), and feeds
_TRAP = re.compile(
    r"/(?:s|query|register|passport|sso|en|english|eng|print|printer|dayin|share|comment|comments|pinglun|"
    r"calendar|rili|rss|feed|player|vod)(?:[/._?]|$)"
    r"|[/_-](?:print|share|comment|calendar)[\w-]*\.(?:s?html?|jsp|php|aspx?|do|action)"
    r"|[?&](?:key|date|day|lang)=",
    re.I)
#: another view of an article: never an article of its own
_VIEW = re.compile(r"/(?:print|printer|dayin|share|comment|comments|pinglun)(?:[/._?]|$)"
                   r"|[/_-](?:print|share|comment)[\w-]*\.(?:s?html?|jsp|php|aspx?|do|action)"
                   r"|[?&](?:print|printable|share)=", re.I)
_CHROME_TAGS = frozenset({"nav", "header", "footer", "aside", "form", "select"})
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_NON_LETTERS = re.compile(r"[^a-z]+")


def on_domains(url: str, domains: list[str]) -> bool:
    """Whether a URL's host is one of the domains or under one (www.x.gov.cn under x.gov.cn),
    whatever its port."""
    host = (urlparse(url).hostname or "").lower()
    return any(host == d or host.endswith(f".{d}") for d in domains)


def is_trap(url: str) -> bool:
    """True for a site search, login, print or share view, calendar, feed or foreign-language
    version: furniture that a crawl never enters (a search or a calendar pages without end)."""
    return is_search(url) or _TRAP.search(url) is not None


def is_search(url: str) -> bool:
    """True for a site search or a login page: not an article even where a list links it."""
    return _SEARCH.search(url) is not None


def is_view(url: str) -> bool:
    """True for a print, share or comment view of an article (the article is linked too)."""
    return _VIEW.search(url) is not None


def article_evidence(url: str, page_url: str) -> float:
    """How strongly a URL's shape says article (+1) or column (-1); 0 when it says nothing."""
    parts = urlparse(url)
    if url.rstrip("/") == page_url.rstrip("/"):
        return -1.0
    if DEFAULT_ARTICLE_PATTERN.search(parts.path):
        return 1.0
    tail = "/".join(parts.path.split("/")[-3:])
    if _QUERY_ID.search(parts.query) or _LONG_ID.search(tail) or _DATE_PATH.search(parts.path):
        return 0.7
    if _COLUMN_END.search(parts.path) and not parts.query:
        return -0.5
    return 0.0


def in_chrome(element: Element) -> bool:
    """True when the element sits in navigation, a header, a footer or a sidebar."""
    for node in element.iterancestors():
        if node.tag in _CHROME_TAGS:
            return True
        if node.tag in ("body", "html"):
            return False
        if _chrome_words(node):
            return True
    return False


def _chrome_words(node: Element) -> bool:
    names = _CAMEL.sub(" ", f"{node.get('class') or ''} {node.get('id') or ''}").lower()
    words = set(_NON_LETTERS.split(names))
    return bool(words & _CHROME_WORDS)

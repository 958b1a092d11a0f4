"""Columns (栏目) a home or channel page leads to: where a home-only site entry starts.

A site's columns are reached from its home page by short named links: the navigation bar and its
sub-navigation (新闻中心, 课题研究, 行政执法), block headings (部门动态) and their 更多 links. Those
links are told from article links by their short text and their URL shape, whatever they are
called; the site's furniture (网站地图, 登录, 无障碍, search, foreign-language versions, players,
print and share views) stays out by what its URL or its name says it is. Columns named for news
and notices come first, the others follow. Whether a candidate really is a list is decided when it
is fetched, by the list reader, not here.

A home or channel page also links articles straight from its blocks (``headline_links``, and
``block_headlines`` where the URLs say nothing): the crawl exports those its columns did not list.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from itertools import islice
from urllib.parse import urlparse

from govcrawl.extract.document import Element, ParsedPage, as_parsed
from govcrawl.extract.listing.shapes import (
    DEFAULT_ARTICLE_PATTERN,
    MORE,
    article_evidence,
    is_trap,
    on_domains,
)
from govcrawl.extract.listing.structure import HEADLINE_CHARS, find_lists, link_text, link_url
from govcrawl.extract.listing.templates import ID_RUN

#: column names are short; a longer link text is a headline
MAX_NAME_CHARS = 10
#: a longer name (13.7米毫米波望远镜, 超导成像频谱仪（多波束系统）最新观测结果) is a column's when it
#: has no headline's punctuation (a headline is a sentence or quotes one) and sits in a menu:
#: most links of its list have short names (a list of headlines has long ones)
MAX_LONG_NAME_CHARS = 20
_HEADLINE_MARKS = re.compile(r"[，,。：:；;！!？?“”\"《》、]|\s")
#: a picture link that says nothing (an arrow or 更多 icon) beside its block's heading is the
#: block's 更多: the heading is found this close to it, in its row or cell
PICTURE_HEADING_DEPTH = 3
#: an icon is at most this tall, in pixels (a banner, 256×64, leads to a topic or a sub-site)
MAX_ICON_HEIGHT = 30
_MORE_PICTURE = re.compile(r"(?:^|[_-])(?:more|gengduo)\w*\.(?:gif|png|jpe?g|svg)$", re.I)
_PIXELS = re.compile(r"(\d+(?:\.\d+)?)\s*(?:px)?", re.A)
#: a menu's links read to tell it from a list of headlines (a page's every link when it has no
#: nearer holder would cost a read of all of them for each link)
MAX_MENU_LINKS = 40
#: what news and notice columns are called (simplified and traditional)
NEWS_WORDS = re.compile(
    r"新闻|新聞|要闻|要聞|动态|動態|资讯|資訊|通知|公告|公示|快讯|快訊|头条|頭條|聚焦|播报|播報|时政|時政|"
    r"发布|發布|图片|圖片|视频|視頻|信息|工作|部门|部門|乡镇|鄉鎮|基层|基層|政务|政務|媒体|媒體|热点|熱點|"
    r"解读|解讀|政策|文件")
#: site furniture: never a column of articles
NOT_A_COLUMN = re.compile(
    r"首页|首頁|主页|网站地图|網站地圖|联系我们|聯繫我們|关于我们|關於我們|登录|登錄|注册|註冊|无障碍|無障礙|关怀|關懷|"
    r"长者|長者|English|繁體|繁体|简体|簡體|设为|設為|收藏|帮助|幫助|隐私|隱私|版权|版權|声明|聲明|邮箱|郵箱|"
    r"手机|手機|微信|微博|抖音|搜索|检索|檢索|返回|顶部|頂部|留言|信箱|投诉|投訴|纠错|糾錯|问卷|問卷|"
    r"在线办理|在線辦理|网上办事|網上辦事|app|APP|RSS", re.I)
#: the link under a featured story's summary: [详情], 【阅读全文】, 查看详细>>
DETAIL = re.compile(r"^[\[【(（]?\s*(?:详情|详细|全文|阅读全文|查看全文|查看详情|查看详细|详细内容)\s*[\]】)）>»]*$")
#: a headline linked from a home or channel page is at most this long (longer is a summary)
MAX_HEADLINE_CHARS = 120
_NUMERIC = re.compile(r"^[\d\W_]+$")
#: files, not pages
_FILE = re.compile(r"\.(?:pdf|docx?|xlsx?|pptx?|zip|rar|7z|jpe?g|png|gif|mp4|apk)$", re.I)
#: a block of headlines weighs at least this much (the list reader's main-list floor), so that a
#: pair of links in a footer is no block
MIN_BLOCK_SCORE = 4.0
#: a block's articles share one URL template, at least this many of them
MIN_TEMPLATE_ITEMS = 3
_HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "strong", "b", "span", "em", "a", "div", "p", "li", "td", "th")


@dataclass(frozen=True, slots=True)
class ColumnLink:
    """A link that may lead to a column: its name as the site shows it, and its URL."""

    name: str
    url: str
    #: it names news or notices (新闻, 动态, 通知公告 …)
    news: bool
    #: a block's 更多 (查看全部) link: the block's whole list is behind it
    more: bool = False


def column_links(html: ParsedPage | str, page_url: str, domains: list[str]) -> list[ColumnLink]:
    """Links of a home or channel page that may lead to columns, news and notices first, then
    every other column-like link, each URL once, in page order within each group."""
    found: dict[str, ColumnLink] = {}
    for a, url in site_links(html, page_url):
        if url in found:
            if not found[url].more and _is_more(a, _shown(a)):  # the menu named it first: a block's 更多 too
                found[url] = replace(found[url], more=True)
            continue
        if not _may_be_column(url, page_url, domains):
            continue
        name, more = _name(a)
        if name and not NOT_A_COLUMN.search(name):
            found[url] = ColumnLink(name, url, bool(NEWS_WORDS.search(name)), more)
    links = list(found.values())
    return [link for link in links if link.news] + [link for link in links if not link.news]


def headline_links(html: ParsedPage | str, page_url: str, domains: list[str]) -> list[str]:
    """Article links a home or channel page shows in its blocks: a headline's text over an
    article-shaped URL on the site, each once, in page order."""
    found: dict[str, None] = {}
    for a, url in site_links(html, page_url):
        if url in found or not on_domains(url, domains) or is_trap(url):
            continue
        text = " ".join(link_text(a).split())
        evidence = article_evidence(url, page_url)
        # wherever the block sits (a "topNews" box, a sidebar): a headline over an article URL, or
        # a picture (a 图片新闻 carousel) over a URL of a CMS's article shape
        headline = HEADLINE_CHARS <= len(text) <= MAX_HEADLINE_CHARS and evidence > 0
        # a featured story's headline is a heading beside its summary, its link a [详情]
        pointer = evidence >= 1 and (next(a.iter("img"), None) is not None or DETAIL.match(text) is not None)
        if headline or pointer:
            found[url] = None
    return list(found)


def block_headlines(html: ParsedPage | str, page_url: str, domains: list[str]) -> list[str]:
    """Article links a home or channel page shows as blocks of headlines (repeated items, one
    headline link each, outside the navigation), or as a carousel of pictures without words,
    whose URLs say nothing of their kind (``getPro2-report_public_show_02e60.html``,
    ``contents/10/3985.html``): pages that are articles only if they show a date."""
    root = as_parsed(html).opened()
    found: dict[str, None] = {}
    for block in find_lists(root, page_url) if root is not None else ():
        if block.score < MIN_BLOCK_SCORE:
            break  # best first
        urls = [item.url for item in block.items
                if HEADLINE_CHARS <= len(item.text) <= MAX_HEADLINE_CHARS and on_domains(item.url, domains)
                and not is_trap(item.url) and article_evidence(item.url, page_url) >= 0]
        found.update(dict.fromkeys(_one_template(urls)))
    for urls in _carousels(root, page_url, domains).values() if root is not None else ():
        found.update(dict.fromkeys(_one_template(urls)))
    return list(found)


def _carousels(root: Element, page_url: str, domains: list[str]) -> dict[Element, list[str]]:
    """The links of each run of pictures without words (li > a > img, repeated), by the element
    that holds the run: a 图片新闻 carousel's slides."""
    runs: dict[Element, list[str]] = {}
    for a in root.iter("a"):
        url = link_url(a, page_url)
        if url is None or next(a.iter("img"), None) is None or " ".join(a.itertext()).strip() \
                or not on_domains(url, domains) or is_trap(url) or article_evidence(url, page_url) < 0:
            continue
        slide = a.getparent()
        if slide is not None and (holder := slide.getparent()) is not None:
            runs.setdefault(holder, []).append(url)
    return runs


def _one_template(urls: list[str]) -> list[str]:
    """The URLs of a block that share one template with an id in it (``…_show_{id}.html``), when
    most of the block does: articles of one CMS; a block of named pages (``rules.html``,
    ``declare.html``: a site's single pages) has none."""
    templates = [ID_RUN.sub("{id}", urlparse(url).path) for url in urls]
    best, count = max(Counter(t for t in templates if "{id}" in t).items(), key=lambda tc: tc[1], default=("", 0))
    if count < MIN_TEMPLATE_ITEMS or count * 2 < len(urls):
        return []
    return [url for url, template in zip(urls, templates, strict=True) if template == best]


def site_links(html: ParsedPage | str, page_url: str) -> Iterator[tuple[Element, str]]:
    """Every link of a page (those a comment keeps included) with its absolute http(s) URL."""
    root = as_parsed(html).opened()
    for a in root.iter("a") if root is not None else ():
        if (url := link_url(a, page_url)) is not None:
            yield a, url


def _may_be_column(url: str, page_url: str, domains: list[str]) -> bool:
    parts = urlparse(url)
    if not on_domains(url, domains):
        return False
    if url.rstrip("/") == page_url.rstrip("/") or parts.path in ("", "/") or is_trap(url):
        return False
    return not (_FILE.search(parts.path) or DEFAULT_ARTICLE_PATTERN.search(parts.path))


def _name(a: Element) -> tuple[str | None, bool]:
    """A column link's name: its own short text, or for a 更多 link (a 更多 icon too) the heading
    of its block; and whether it is a 更多 link."""
    shown = _shown(a)
    if _is_more(a, shown):
        return _block_heading(a, PICTURE_HEADING_DEPTH if not shown else None), True
    text = shown or _alt(a)
    # a column has a name: "2017" or "3" beside a list is a year or a page number
    long_name = MAX_NAME_CHARS < len(text) <= MAX_LONG_NAME_CHARS and not _HEADLINE_MARKS.search(text)
    named = 2 <= len(text) <= MAX_NAME_CHARS or (long_name and _in_menu(a))
    return (text if named and not _NUMERIC.match(text) else None), False


def _in_menu(a: Element) -> bool:
    """Whether a link sits in a menu: in the nearest element holding other links (below the
    body), half of them or more have a column's short name, two at least."""
    for holder in a.iterancestors():
        if holder.tag in ("body", "html"):
            return False
        names = [_link_text(other) for other in islice(holder.iter("a"), MAX_MENU_LINKS) if other is not a]
        if len(names) >= 2:
            short = sum(2 <= len(name) <= MAX_NAME_CHARS for name in names)
            return short >= 2 and short * 2 >= len(names)
    return False


def _is_more(a: Element, shown: str) -> bool:
    """A 更多 link: its words say so, or it is an icon that shows no words (an arrow, a 更多
    picture, whatever its alt text)."""
    return MORE.match(shown) is not None or (not shown and any(_icon(img) for img in a.iter("img")))


def _icon(img: Element) -> bool:
    """A small picture (its declared height), or one whose file is named 更多 (more.gif)."""
    height = _PIXELS.fullmatch((img.get("height") or "").strip())
    file_name = (img.get("src") or "").rsplit("/", 1)[-1]
    small = height is not None and float(height.group(1)) <= MAX_ICON_HEIGHT
    return small or _MORE_PICTURE.search(file_name) is not None


def _shown(a: Element) -> str:
    """A link's text as shown, spaces collapsed; its title attribute when it shows none."""
    return " ".join(" ".join(a.itertext()).split()) or " ".join((a.get("title") or "").split())


def _alt(a: Element) -> str:
    """The alt text of a link's pictures (what a picture link says)."""
    return " ".join(" ".join(img.get("alt") or "" for img in a.iter("img")).split())


def _link_text(a: Element) -> str:
    """A link's text as shown, else its pictures' alt text."""
    return _shown(a) or _alt(a)


def _block_heading(more: Element, depth: int | None = None) -> str | None:
    """The short text a 更多 link sits beside: the heading of the block it belongs to, within
    ``depth`` of its ancestors when given."""
    around = set(more.iterancestors())
    for node in islice(more.iterancestors(), depth):
        for element in node.iter(*_HEADING_TAGS):
            if element is more or element in around:
                continue
            text = " ".join("".join(element.itertext()).split())
            if 2 <= len(text) <= MAX_NAME_CHARS and not MORE.match(text):
                return text
        if node.tag in ("body", "html"):
            break
    return None

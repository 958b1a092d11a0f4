"""Columns (栏目) a home or channel page leads to: where a home-only site entry starts.

A site's news and notice columns are reached from its home page by short named links: the
navigation bar (新闻中心, 通知公告), block headings (部门动态) and their 更多 links. Those links are
told from article links by their short text and their URL shape, and from the site's other
furniture (网站地图, 登录, 无障碍) by what they say. News and notice columns come first; when no
link says news or notice, every column-like link is a candidate. Whether a candidate really is a
list is decided when it is fetched, by the list reader, not here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlparse

from lxml.html import HtmlElement

from govcrawl.extract.listing.inline import parse, uncomment_links
from govcrawl.extract.listing.shapes import DEFAULT_ARTICLE_PATTERN, MORE, on_domains
from govcrawl.extract.listing.structure import link_url

#: column names are short; a longer link text is a headline
MAX_NAME_CHARS = 10
#: what news and notice columns are called (simplified and traditional)
NEWS_WORDS = re.compile(
    r"新闻|新聞|要闻|要聞|动态|動態|资讯|資訊|通知|公告|公示|快讯|快訊|头条|頭條|聚焦|播报|播報|时政|時政|"
    r"发布|發布|图片|圖片|视频|視頻|信息|工作|部门|部門|乡镇|鄉鎮|基层|基層|政务|政務|媒体|媒體|热点|熱點|"
    r"解读|解讀|政策|文件")
#: site furniture: never a column of articles
NOT_A_COLUMN = re.compile(
    r"首页|首頁|主页|网站地图|網站地圖|联系我们|聯繫我們|关于我们|關於我們|登录|登錄|注册|註冊|无障碍|無障礙|关怀|關懷|"
    r"长者|長者|English|繁體|繁体|简体|簡體|设为|設為|收藏|帮助|幫助|隐私|隱私|版权|版權|声明|聲明|邮箱|郵箱|"
    r"手机|手機|微信|微博|抖音|搜索|检索|檢索|返回|顶部|頂部|留言|信箱|投诉|投訴|纠错|糾錯|问卷|問卷|办事|辦事|"
    r"服务|服務|app|APP|RSS", re.I)
#: files, not pages
_FILE = re.compile(r"\.(?:pdf|docx?|xlsx?|pptx?|zip|rar|7z|jpe?g|png|gif|mp4|apk)$", re.I)
_HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "strong", "b", "span", "em", "a", "div", "p", "li", "td", "th")


@dataclass(frozen=True, slots=True)
class ColumnLink:
    """A link that may lead to a column: its name as the site shows it, and its URL."""

    name: str
    url: str
    #: it names news or notices (新闻, 动态, 通知公告 …)
    news: bool


def column_links(html: str, page_url: str, domains: list[str]) -> list[ColumnLink]:
    """Links of a home or channel page that may lead to columns, news and notices first, each
    URL once, in page order within each group."""
    root = parse(uncomment_links(html))
    if root is None:
        return []
    found: dict[str, ColumnLink] = {}
    for a in root.iter("a"):
        url = link_url(a, page_url)
        if url is None or url in found or not _may_be_column(url, page_url, domains):
            continue
        name = _name(a)
        if name and not NOT_A_COLUMN.search(name):
            found[url] = ColumnLink(name, url, bool(NEWS_WORDS.search(name)))
    links = list(found.values())
    news = [link for link in links if link.news]
    return news or links


def _may_be_column(url: str, page_url: str, domains: list[str]) -> bool:
    parts = urlparse(url)
    if not on_domains(url, domains):
        return False
    if url.rstrip("/") == page_url.rstrip("/") or parts.path in ("", "/"):
        return False
    return not (_FILE.search(parts.path) or DEFAULT_ARTICLE_PATTERN.search(parts.path))


def _name(a: HtmlElement) -> str | None:
    """A column link's name: its own short text, or for a 更多 link the heading of its block."""
    text = " ".join(" ".join(a.itertext()).split()) or " ".join((a.get("title") or "").split())
    if MORE.match(text):
        return _block_heading(a)
    return text if 2 <= len(text) <= MAX_NAME_CHARS else None


def _block_heading(more: HtmlElement) -> str | None:
    """The short text a 更多 link sits beside: the heading of the block it belongs to."""
    around = set(more.iterancestors())
    for node in more.iterancestors():
        for element in node.iter(*_HEADING_TAGS):
            if element is more or element in around:
                continue
            text = " ".join("".join(element.itertext()).split())
            if 2 <= len(text) <= MAX_NAME_CHARS and not MORE.match(text):
                return text
        if node.tag in ("body", "html"):
            break
    return None

"""Further pages of a list: pager links, script pagers, page-count templates, Hanweb's proxy."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal, TypeAlias
from urllib.parse import parse_qsl, unquote, urldefrag, urljoin, urlparse

from govcrawl.extract.document import Element, text_content
from govcrawl.extract.listing.structure import HEADLINE_CHARS, link_text, link_url

NEXT_TEXTS = ("下一页", "下页", "后页", "下一頁", "下頁", "下一页>", "next")
LAST_TEXTS = ("尾页", "末页", "最后一页", "尾頁", "末頁", "last")
#: links back to where the walk came from: never the page after this one
BACK_TEXTS = ("首页", "首頁", "第一页", "第一頁", "上一页", "上页", "前页", "上一頁", "上頁", "前頁", "prev",
              "previous", "first")
PAGER_WORDS = ("下一页", "上一页", "下页", "上页", "首页", "尾页", "末页", "页次", "跳转", "Next")
#: a page number in a list URL: index_2.html, list-3.html, ?page=4, pageNo=5, page-6.htm
PAGE_SLOT = re.compile(
    r"(index_|list_|[_-]|[?&](?:page|pageNo|pageIndex|pageNum|curPage|currentPage|pn|p)=|page-)(\d{1,4})"
    r"(?=\.s?html?|\.jsp|\.php|\.aspx?|&|$)", re.I)
#: URLs that are further pages of a list even without a pager around them
PAGE_URL = re.compile(r"/index_\d+\.s?html?$|[?&](?:page|pageNo|pageIndex|pageNum|curPage|currentPage)=\d+",
                      re.I)
INDEX_NUMBER = re.compile(r"index_(\d+)\.s?html?$", re.I)
PAGE_COUNT = re.compile(r"共\s*(\d{1,4})\s*页|(?<!\d)\d{1,4}\s*/\s*(\d{1,4})\s*页|"
                        r"(?:countPage|pageCount|totalPages?|pageTotal)\s*[=:]\s*['\"]?(\d{1,4})", re.I)
CREATE_PAGE_HTML = re.compile(r"createPageHTML\(([^)]*)\)")
#: a page URL a pager script builds from the page number: location.href = 'index_' + i + '.html'
SCRIPT_PAGE_URL = re.compile(
    r"""['"]([^'"\s<>()+]*?[_-])['"]\s*\+\s*\w+\s*\+\s*['"](\.s?html?)['"]""")
HANWEB_TOTAL = re.compile(r"<totalrecord>\s*(\d+)\s*</totalrecord>")
#: what a Hanweb page tells its jpage script (perPage: 15, groupSize: 3) or its data-proxy URL
#: (columnid=1234&unitid=…), and what a proxy answer's <nextgroup> link repeats
HANWEB_PROXY_PARAM = re.compile(
    r"\b(columnid|unitid|webid|webname|path|perpage|groupsize|startrecord|endrecord)\s*[:=]\s*['\"]?"
    r"([^'\",&\s}<>\]\[]+)", re.I)
HANWEB_PROXY_PATH = "/module/web/jpage/dataproxy.jsp"
#: the proxy's form fields a page names; the rest of the form is the same on every site
HANWEB_FORM_FIELDS = ("columnid", "unitid", "webid", "webname", "path")
_RANGE_FIELDS = ("perpage", "startrecord", "endrecord")
#: jpage asks for this many pages of records at once unless the page says otherwise
HANWEB_GROUP_SIZE = 3
HANWEB_PER_PAGE = 15
#: a URL carried by a script call: queryArticleByCondition(this,'/a/17081-2.html')
JS_URL = re.compile(r"['\"]((?:https?://|/|\?|\.\.?/)[^'\"\s]*|[^'\"\s/]+\.(?:s?html?|jsp|php|aspx?)[^'\"\s]*)['\"]")
JS_NUMBER = re.compile(r"\w\(\s*['\"]?(\d{1,4})['\"]?\s*\)")
PAGE_PARAM = re.compile(r"[?&](?:page|pageNo|pageIndex|pageNum|curPage|currentPage|pn|p)=(\d+)", re.I)
_PAGER_NAMES = re.compile(r"pag|fenye|paging|turn|pg", re.I)
#: the most pages one page-count template expands to
MAX_PAGES = 1000

#: how a list link relates to the page: a numbered page, 下一页, 尾页, 首页 or 上一页 ("back"), or
#: another list (a sub-column)
ListRel: TypeAlias = Literal["page", "next", "last", "back", "list"]
#: the relations of the list's own pages (a sub-column is another list)
PAGER_RELS: frozenset[ListRel] = frozenset(("page", "next", "last", "back"))


@dataclass(slots=True, frozen=True)
class ListRequest:
    """A further list page; ``formdata`` set means POST it (Hanweb data proxy)."""

    url: str
    formdata: dict[str, str] | None = None
    rel: ListRel = "page"
    #: 1-based page number when the link tells it (index_2.html is page 3)
    page: int | None = None
    #: what the page calls the list, when it names it (a zTree node, a script-written menu item)
    name: str = ""


def pager_requests(root: Element, page_url: str, is_list: re.Pattern[str] | None) -> list[ListRequest]:
    """Further pages named by the page's links, onclick and javascript: pagers included."""
    found, labels = [], []
    for a in root.iter("a"):
        url = link_url(a, page_url) or _script_url(a, page_url)
        if url is None:
            continue
        label = " ".join((text_content(a) or a.get("title") or "").split())
        if request := _classify(a, url, label, is_list):
            found.append(request)
            labels.append(label)
    return _index_numbering(found, labels)


def _index_numbering(found: list[ListRequest], labels: list[str]) -> list[ListRequest]:
    """Pages numbered as the pager shows them: where a link "2" leads to index_2.html (Guangdong),
    not index_1.html (TRS), index_N.html is page N under 上一页 and 尾页 links too."""
    shown = [(INDEX_NUMBER.search(urlparse(r.url).path), label) for r, label in zip(found, labels, strict=True)]
    if not any(m and _is_number(label) and int(label) == int(m.group(1)) for m, label in shown):
        return found
    return [replace(r, page=int(m.group(1))) if m and r.page is not None else r
            for r, (m, _) in zip(found, shown, strict=True)]


def _classify(a: Element, url: str, label: str, is_list: re.Pattern[str] | None) -> ListRequest | None:
    short = label if len(label) <= 8 else ""
    if any(t in short for t in NEXT_TEXTS) or short in (">", "›", "»"):
        return ListRequest(url, rel="next")
    if any(t in short for t in LAST_TEXTS) or short in (">>", "»»"):
        return ListRequest(url, rel="last", page=_page_of(url, label))
    if _is_back(short) and (PAGE_SLOT.search(url) or _pager_named(a)):
        # 首页 is ?page=1 or index.html, 上一页 the page before: pages of the column, never its next
        return ListRequest(url, rel="back", page=_page_of(url, label))
    if is_list is not None and is_list.search(url):
        number = _page_of(url, label)
        # A list link that gives no page number is another list (a sub-column), not a page.
        return ListRequest(url, rel="page" if number is not None else "list", page=number)
    pager = _in_pager(a)
    if _is_number(label) and (pager or PAGE_SLOT.search(url)) and not _year_link(url, label):
        return ListRequest(url, page=_page_of(url, label))
    if PAGE_URL.search(url) and (pager or not label):
        return ListRequest(url, page=_page_of(url, label))
    return None


def _is_back(label: str) -> bool:
    return any(t in label.lower() for t in BACK_TEXTS) or label in ("<", "‹", "«", "<<", "««")


def _year_link(url: str, label: str) -> bool:
    """A link 2024 … 2008 (a sidebar's years), unless its URL carries that number as a page."""
    if not 1900 <= int(label) <= 2100:
        return False
    return not any(m.group(2) == label for m in PAGE_SLOT.finditer(url))


def _script_url(a: Element, page_url: str) -> str | None:
    """The URL an onclick or ``javascript:`` pager call carries."""
    script = f"{a.get('onclick') or ''} {a.get('href') or ''}"
    if "(" not in script:
        return None
    if match := JS_URL.search(script):
        return urldefrag(urljoin(page_url, match.group(1))).url
    # goPage(3): only the number; the page's own URL is the template when it carries one
    number, slot = JS_NUMBER.search(script), PAGE_PARAM.search(page_url)
    if number is None or slot is None:
        return None
    return f"{page_url[:slot.start(1)]}{number.group(1)}{page_url[slot.end(1):]}"


def _in_pager(a: Element) -> bool:
    """True when a link sits in a pager: a page/fenye class, or beside 下一页 / 首页 / 尾页."""
    for depth, node in enumerate(a.iterancestors()):
        if depth > 3 or node.tag in ("body", "html"):
            return False
        if _PAGER_NAMES.search(f"{node.get('class') or ''} {node.get('id') or ''}"):
            return True
        # a pager holds short links only: a block with headlines is a list or a sidebar
        if any(len(link_text(x)) >= HEADLINE_CHARS for x in node.iter("a")):
            return False
        if any(w in text_content(node) for w in PAGER_WORDS):
            return True
    return False


def _pager_named(a: Element) -> bool:
    """True when a link sits in an element named a pager (class or id page, fenye …): the site's
    首页 in the navigation is no pager link, though the word is the same."""
    return any(_PAGER_NAMES.search(f"{node.get('class') or ''} {node.get('id') or ''}")
               for _, node in zip(range(4), a.iterancestors(), strict=False))


def _page_of(url: str, text: str) -> int | None:
    """The page number a list link leads to, when its text or URL tells."""
    # the number a pager shows wins: TRS's index_2.html is page 3, Guangdong's is page 2
    if _is_number(text):
        return int(text)
    if match := INDEX_NUMBER.search(urlparse(url).path):
        return int(match.group(1)) + 1
    return url_page(url)


def url_page(url: str) -> int | None:
    """The page number a ``?page=N`` style query names (the number is the page itself)."""
    match = PAGE_PARAM.search(url)
    return int(match.group(1)) if match else None


def next_page(requests: list[ListRequest], url: str, page_no: int = 1) -> ListRequest | None:
    """The one list page after this one (page ``page_no`` of its column, at ``url``): its 下一页
    link, else the lowest numbered page above it. 首页, 上一页, 尾页 and sub-columns never are.
    The crawl, the nightly run and ``govcrawl check`` all walk a column by this one rule."""
    current = max(page_no, url_page(url) or 0)
    chain = [r for r in requests if r.formdata is None and r.url != url and r.rel in ("page", "next")]
    nexts = [r for r in chain if r.rel == "next" and (r.page is None or r.page > current)]
    if nexts:
        return nexts[0]
    later = sorted((r for r in chain if r.page and r.page > current), key=lambda r: r.page or 0)
    return later[0] if later else None


#: how many pages past a failed one a walk may try in turn
LATER_PAGES = 3


def later_pages(requests: list[ListRequest], next_no: int) -> list[list[str | int]]:
    """The numbered pages a pager shows after page ``next_no`` (the page after this one), in
    order, ``[[url, number], …]``: where a walk goes on when that page cannot be fetched. 尾页
    (the last page, past everything between) and sub-columns never are."""
    numbered = {r.page: r.url for r in requests if r.formdata is None and r.rel in ("page", "next")
                and r.page and r.page > next_no}
    return [[numbered[number], number] for number in sorted(numbered)[:LATER_PAGES]]


def _is_number(text: str) -> bool:
    # isdigit() is true for ① and ², which int() refuses
    return text.isascii() and text.isdecimal() and len(text) <= 5


def template_pages(text: str, requests: list[ListRequest]) -> list[ListRequest]:
    """Every page of a list that says 共N页 and links one numbered page to copy the URL from."""
    if not any(r.page and r.page >= 2 for r in requests):
        return []
    count = next((int(n) for m in PAGE_COUNT.finditer(text) for n in m.groups() if n), None)
    if not count or count < 2:
        return []
    for request in requests:
        slots = list(PAGE_SLOT.finditer(request.url))
        if request.page is None or request.page < 2 or not slots:
            continue
        slot = slots[-1]
        shift = int(slot.group(2)) - request.page
        head, tail = request.url[:slot.start(2)], request.url[slot.end(2):]
        return [ListRequest(f"{head}{n + shift}{tail}", page=n) for n in range(2, min(count, MAX_PAGES) + 1)]
    return []


def script_pages(html: str, url: str, requests: list[ListRequest]) -> list[ListRequest]:
    """Pages 2..N of a pager drawn by script (totalPage: N) whose callback builds index_<n>.html."""
    if any(r.page and r.page >= 2 for r in requests):
        return []
    template = SCRIPT_PAGE_URL.search(html)
    count = next((int(n) for m in PAGE_COUNT.finditer(html) for n in m.groups() if n), None)
    if template is None or not count or count < 2:
        return []
    head, ext = template.groups()
    return [ListRequest(urljoin(url, f"{head}{n}{ext}"), page=n) for n in range(2, min(count, MAX_PAGES) + 1)]


def trs_page_urls(html: str, url: str) -> list[str]:
    """Every page of a TRS list from its ``createPageHTML(count, current, "index", "html")``."""
    # Pages often also define the function (createPageHTML(_nPageCount, …)): skip that.
    for match in CREATE_PAGE_HTML.finditer(html):
        args = [a.strip().strip("'\"") for a in match.group(1).split(",")]
        numbers = [int(a) for a in args if _is_number(a)]
        words = [a for a in args if a and not _is_number(a)]
        if numbers and len(words) >= 2:
            count, (prefix, ext) = numbers[0], words[-2:]
            return [urljoin(url, f"{prefix}_{n}.{ext}") for n in range(1, min(count, MAX_PAGES))]
    return []


@dataclass(slots=True, frozen=True)
class HanwebProxy:
    """The Hanweb data proxy a page asks for its records, or answers for."""

    form: dict[str, str]
    per_page: int
    #: records per request: perPage × groupSize (startrecord=1&endrecord=45&perpage=15)
    group: int
    #: <totalrecord>, once a page or an answer tells it
    total: int | None
    #: the page is itself an answer of the proxy
    answer: bool


def hanweb_proxy(html: str, url: str) -> HanwebProxy | None:
    """The data proxy a Hanweb page names (with the column it asks for), None when it names none."""
    if "dataproxy.jsp" not in html and "dataproxy.jsp" not in url:
        return None
    found = {key.lower(): unquote(value) for key, value in HANWEB_PROXY_PARAM.findall(html)}
    answer = urlparse(url).path.endswith("dataproxy.jsp")
    if answer:  # the range asked for, not what the answer's <nextgroup> link repeats
        found.update((k.lower(), v) for k, v in parse_qsl(urlparse(url).query) if k.lower() in _RANGE_FIELDS)
    if "columnid" not in found:
        return None
    per_page = _positive(found.get("perpage"), HANWEB_PER_PAGE)
    group = per_page * _positive(found.get("groupsize"), HANWEB_GROUP_SIZE)
    start, end = _positive(found.get("startrecord"), 0), _positive(found.get("endrecord"), 0)
    if start and end >= start:
        group = end - start + 1
    form = {"col": "1", "appid": "1", "permissiontype": "0", "sourceContentType": "1",
            **{k: found[k] for k in HANWEB_FORM_FIELDS if k in found}}
    total = HANWEB_TOTAL.search(html)
    return HanwebProxy(form, per_page, group, int(total.group(1)) if total else None, answer)


def _positive(value: str | None, default: int) -> int:
    return int(value) if value and _is_number(value) and int(value) > 0 else default


def hanweb_proxy_requests(html: str, url: str) -> list[ListRequest]:
    """Hanweb JCMS lists paged through ``dataproxy.jsp``: one POST per page of records, or on a
    proxy answer one per group of records like the one answered."""
    proxy = hanweb_proxy(html, url)
    if proxy is None or proxy.total is None:
        return []
    step = proxy.group if proxy.answer else proxy.per_page
    return [_proxy_request(url, proxy, start, step) for start in range(1, proxy.total + 1, step)]


def hanweb_first_request(html: str, url: str) -> ListRequest | None:
    """The proxy request a Hanweb column page's script makes for its first group of records,
    when the page tells no total (its records come from the proxy alone): the answer does."""
    proxy = hanweb_proxy(html, url)
    if proxy is None or proxy.answer or proxy.total is not None:
        return None
    return _proxy_request(url, proxy, 1, proxy.group)


def _proxy_request(url: str, proxy: HanwebProxy, start: int, count: int) -> ListRequest:
    query = f"?startrecord={start}&endrecord={start + count - 1}&perpage={proxy.per_page}"
    page = (start - 1) // proxy.per_page + 1
    return ListRequest(urljoin(url, HANWEB_PROXY_PATH) + query, dict(proxy.form), page=page)

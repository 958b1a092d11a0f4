"""List (column) pages: which links are the main list's articles, which are further pages."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import islice
from typing import Literal, NamedTuple
from urllib.parse import urlparse

from govcrawl.extract.document import Element, ParsedPage, as_parsed, text_content
from govcrawl.extract.listing.inline import fragments, json_list
from govcrawl.extract.listing.pagination import (
    PAGER_RELS,
    ListRel,
    ListRequest,
    hanweb_proxy_requests,
    pager_requests,
    script_pages,
    template_pages,
    trs_page_urls,
)
from govcrawl.extract.listing.shapes import (
    DATE_TEXT,
    DEFAULT_ARTICLE_PATTERN,
    MORE,
    article_evidence,
    in_chrome,
    is_search,
    is_view,
)
from govcrawl.extract.listing.structure import (
    HEADLINE_CHARS,
    Candidate,
    Item,
    body_chars,
    bylines,
    find_lists,
    items_at,
    link_text,
    link_url,
    list_shape,
    merge_siblings,
    neighbour_labels,
)

__all__ = ["DEFAULT_ARTICLE_PATTERN", "ListRel", "ListRequest", "ListingPage", "PageKind", "extract_listing",
           "hanweb_proxy_requests", "trs_page_urls"]

#: below this weight of evidence no run of items is taken for the main list, and article
#: links are chosen by URL shape alone
MIN_LIST_SCORE = 4.0
#: running text a page needs to be taken for an article, unless a list of LONG_LIST items beats it
ARTICLE_BODY_CHARS = 250
LONG_LIST = 10
#: an article's text outweighs this many times the headlines of its longest list (related news)
BODY_OVER_HEADLINES = 2
#: a home or channel page: beside its best short block of headlines, this many other content
#: blocks weigh at least RIVAL_SHARE of it, and the page has this many 更多 links
HOME_RIVALS = 2
RIVAL_SHARE = 0.5
HOME_MORE_LINKS = 2
#: how many wrapper levels up from a 更多 link the block it heads is sought
MORE_BLOCK_DEPTH = 3
#: a list with this share of its items under the page's folder is the column's own; one with at
#: most ELSEWHERE gathers other columns' headlines
OWN_FOLDER = 0.8
ELSEWHERE = 0.2
#: an article's links to the articles before and after it in its column, as labelled beside them
NEIGHBOUR = re.compile(r"[上下]一?[篇条则页]\s*[：:]?")
NEIGHBOUR_CHARS = 200
#: an article shows its byline labels (来源, 作者, 责任编辑) a few times at most
MAX_BYLINES = 5


#: what a page is: a list of articles, an article, or neither (a home or channel page, a form)
PageKind = Literal["list", "article", "other"]


@dataclass(slots=True)
class ListingPage:
    """What a list page links to, and what kind of page it turned out to be."""

    article_urls: list[str] = field(default_factory=list)
    list_requests: list[ListRequest] = field(default_factory=list)
    kind: PageKind = "other"
    #: where the main list sits ("div.main > ul.list > li"): later pages of the column look there
    #: first, so that a last page with a single item is still read
    shape: str | None = None
    #: the first block of the main list's text, without whitespace: what an article reading of
    #: the page must not have taken for its body (a column whose items show summaries and dates)
    items_text: str = ""
    #: the main list was found in the page and none of its items shows a date: a catalogue
    #: (products, people, services) rather than a column of publications
    undated: bool = False


def extract_listing(
    html: ParsedPage | str,
    url: str,
    *,
    article_pattern: str | None = None,
    list_pattern: str | None = None,
    shape: str | None = None,
    as_list: bool = False,
) -> ListingPage:
    """The main list's article links and the further list pages found on one list page;
    ``shape`` is where the column's first page had its list (``ListingPage.shape``); ``as_list``
    reads the page as a list even when its running text outweighs its list (a column page with a
    long introduction)."""
    parsed = as_parsed(html)
    markup = parsed.markup
    root = parsed.opened()
    trees = [t for t in (root, *fragments(parsed)) if t is not None]
    page = ListingPage(list_requests=_list_requests(root, markup, url, list_pattern))
    if article_pattern:
        pattern = re.compile(article_pattern)
        page.article_urls = [u for u in _all_links(trees, url) if pattern.search(u)]
        page.kind = "list" if page.article_urls else "other"
    else:
        pager = {r.url for r in page.list_requests if r.rel in PAGER_RELS}
        found_list = _main_list(trees, markup, url, shape, as_list, pager)
        page.kind, page.article_urls, page.shape = found_list.kind, [i.url for i in found_list.items], found_list.shape
        page.items_text = found_list.items_text
        # inline data's items count as dated: only a list the page shows can be undated
        page.undated = bool(found_list.items) and not any(item.dated for item in found_list.items)
    # a print or share view beside each headline is the same article again; a search link in an
    # item (all the events of this street) is none
    page.article_urls = [u for u in dict.fromkeys(page.article_urls)
                         if not is_view(u) and (article_pattern or not is_search(u))]
    page.list_requests = _unique(r for r in page.list_requests if r.url != url)
    return page


def _list_requests(root: Element | None, markup: str, url: str, list_pattern: str | None) -> list[ListRequest]:
    """The column's further pages and lists the page names: its pager, TRS's and Hanweb's
    scripted pagers, pages a script writes."""
    found: list[ListRequest] = []
    if root is not None:
        found = pager_requests(root, url, re.compile(list_pattern) if list_pattern else None)
        found += template_pages(text_content(root), found)
    found += [ListRequest(u, page=_index_page(u)) for u in trs_page_urls(markup, url)]
    found += hanweb_proxy_requests(markup, url)
    return found + script_pages(markup, url, found)


class _MainList(NamedTuple):
    kind: PageKind
    items: list[Item]
    shape: str | None = None
    items_text: str = ""


def _main_list(trees: list[Element], html: str, url: str, shape: str | None, as_list: bool,
               pager: set[str]) -> _MainList:
    """The page's kind, the best-evidenced list's items and where that list sits; URL shapes
    outside chrome and the ``pager`` when no list stands out."""
    candidates: list[Candidate] = [c for tree in trees for c in find_lists(tree, url)]
    if data := json_list(html, url):
        candidates.append(data)
    candidates.sort(key=lambda c: -c.score)
    # a later page of a column: its list sits where the first page's did, however short
    if shape and (not candidates or list_shape(candidates[0]) != shape) and (hinted := _items_at(trees, shape, url)):
        return _MainList("list", hinted, shape)
    if not as_list and trees and _is_article(trees[0], candidates[0] if candidates else None):
        return _MainList("article", [])  # its lists are related reading, not a column
    candidates = _own_first(_dated_first(candidates), url)
    if candidates and candidates[0].score >= MIN_LIST_SCORE:
        if trees and _is_home(candidates, trees[0], url):
            return _MainList("other", [])  # its blocks lead to columns; no one of them is the page's list
        best = candidates[0]
        items = [item for item in merge_siblings(best, _kin(best, candidates, url)) if not _furniture(item, url)]
        shown = "".join("".join(text_content(part).split()) for part in best.parts)
        return _MainList("list", items, list_shape(best), shown)
    items = _shaped_items(trees, url, pager)
    items += [i for i in (data.items if data else []) if DEFAULT_ARTICLE_PATTERN.search(i.url)]
    return _MainList("list" if items else "other", items)


def _shaped_items(trees: list[Element], url: str, pager: set[str]) -> list[Item]:
    """Links outside chrome and the pager whose URL has an article's shape (a grid of cards that
    no list reading found; a later page whose list is lost has its pager's links), each dated
    when the element holding it shows a date."""
    return [Item(u, link_text(a), DATE_TEXT.search(text_content(_holder(a))) is not None)
            for tree in trees for a in tree.iter("a")
            if (u := link_url(a, url)) and u not in pager and not in_chrome(a) and not _neighbour(a)
            and DEFAULT_ARTICLE_PATTERN.search(urlparse(u).path)]


#: what a pager's links say
PAGER_LABEL = re.compile(r"^(?:首|尾|末|上一?|下一?|前一?|后一?)页$")


def _furniture(item: Item, url: str) -> bool:
    """An entry of the list's run that is no article: a short name over a column's URL (the
    breadcrumb's 首页 that sits as the first of the items' look-alike blocks), or the pager's
    row (下页, 尾页) that ends a table of items."""
    short = len(item.text) < HEADLINE_CHARS
    return short and (article_evidence(item.url, url) < 0 or PAGER_LABEL.match(item.text.strip()) is not None)


def _items_at(trees: list[Element], shape: str, url: str) -> list[Item]:
    return next((items for tree in trees if (items := items_at(tree, shape, url))), [])


def _is_article(root: Element, best: Candidate | None) -> bool:
    """True when running text outweighs the best list (few items, or fewer words than the body),
    or when the page shows an article's byline or 上一篇/下一篇 links outside that list."""
    if best is not None and 0 < bylines(root, best.parts) < min(MAX_BYLINES, len(best.items)):
        return True  # 来源：/作者： under a headline; a list showing them per item has one an item
    if neighbour_labels(root):
        return True  # 上一篇/下一篇: an article's links to its neighbours in the column, never a list's items
    body = body_chars(root)
    if body < ARTICLE_BODY_CHARS:
        return False
    if best is None or len(best.items) < LONG_LIST:
        return True
    return body > BODY_OVER_HEADLINES * sum(len(item.text) for item in best.items)


def _is_home(candidates: list[Candidate], root: Element, url: str) -> bool:
    """True when no short list stands out: blocks of like weight, or the best list's own block,
    each a column's latest headlines under its 更多 link to another page, as on a home or channel
    page (a list cut into look-alike blocks has no 更多 links between them)."""
    best = candidates[0]
    if len(best.items) >= LONG_LIST:
        return False
    more = [a for a in root.iter("a") if MORE.match(" ".join(link_text(a).split())) and not in_chrome(a)]
    if len(more) < HOME_MORE_LINKS:
        return False
    rivals = [c for c in candidates[1:]
              if c.score >= RIVAL_SHARE * best.score and c.parts and not in_chrome(c.parts[0])]
    if len(rivals) >= HOME_RIVALS:
        return True
    # a lone block under its 更多 link; look-alike blocks beside it make a channel page's list
    alone = len(merge_siblings(best, candidates)) == len(best.items)
    return alone and any(_block_list(a, candidates) is best and not _same_folder(link_url(a, url), url) for a in more)


def _block_list(more: Element, candidates: list[Candidate]) -> Candidate | None:
    """The list whose block a 更多 link heads: the first found in the link's nearest wrappers."""
    for node in islice(more.iterancestors(), MORE_BLOCK_DEPTH):
        for candidate in candidates:
            if candidate.container is not None and (candidate.container is node or node in
                                                    candidate.container.iterancestors()):
                return candidate
    return None


def _same_folder(link: str | None, url: str) -> bool:
    """Whether a link leads to the folder of the page itself (a column's 更多 on its own page)."""
    if link is None:
        return True
    return _folder(link) == _folder(url)


def _folder(url: str) -> str:
    path = urlparse(url).path
    head, _, last = path.rpartition("/")
    return head if "." in last else path.rstrip("/")


def _dated_first(candidates: list[Candidate]) -> list[Candidate]:
    """Lists whose items show dates before lists that show none: beside a column's dated list,
    an undated run of headlines is a 热点, 排行 or 推荐 block, however many items it has."""
    if not any(c.score >= MIN_LIST_SCORE and _mostly_dated(c) for c in candidates):
        return candidates
    return sorted(candidates, key=lambda c: not any(item.dated for item in c.items))  # stable: by score within


def _own_first(candidates: list[Candidate], url: str) -> list[Candidate]:
    """A column's own list before a block of the site's latest headlines: when the best list's
    items lie outside the page's folder and another list of articles lies within it, that one
    first (a 最新 or 热点 sidebar gathers every column; a column's pages list its own)."""
    strong = [c for c in candidates if c.score >= MIN_LIST_SCORE]
    if len(strong) < 2 or not _folder(url) or _own_share(strong[0], url) > ELSEWHERE:
        return candidates
    # dated, as a column's items are: a column's menu of sub-columns may sit in its folder too
    own = next((c for c in strong[1:] if _own_share(c, url) >= OWN_FOLDER and _mostly_dated(c)), None)
    return candidates if own is None else [own, *(c for c in candidates if c is not own)]


def _kin(best: Candidate, candidates: list[Candidate], url: str) -> list[Candidate]:
    """The lists that may be blocks of the best one: when its items lie in the page's folder, those
    whose items do too (a look-alike 最新 block of other columns' headlines is no part of it)."""
    if not _folder(url) or _own_share(best, url) < OWN_FOLDER:
        return candidates
    return [c for c in candidates if _own_share(c, url) >= OWN_FOLDER]


def _own_share(candidate: Candidate, url: str) -> float:
    folder = _folder(url) + "/"
    return sum(urlparse(item.url).path.startswith(folder) for item in candidate.items) / len(candidate.items)


def _mostly_dated(candidate: Candidate) -> bool:
    return sum(item.dated for item in candidate.items) * 2 >= len(candidate.items)


def _holder(a: Element) -> Element:
    """The element a link sits in (the link itself when it is a fragment's root)."""
    parent = a.getparent()
    return a if parent is None else parent


def _all_links(trees: list[Element], url: str) -> list[str]:
    return [u for tree in trees for a in tree.iter("a") if (u := link_url(a, url))]


def _neighbour(a: Element) -> bool:
    """A 上一篇/下一篇 link: an article's neighbour in its column, not an item of a list."""
    parent = a.getparent()
    shown = text_content(parent) if parent is not None else ""
    return len(shown) <= NEIGHBOUR_CHARS and NEIGHBOUR.search(shown) is not None


def _index_page(url: str) -> int | None:
    match = re.search(r"index_(\d+)\.s?html?$", url)
    return int(match.group(1)) + 1 if match else None


def _unique(requests) -> list[ListRequest]:
    """Each request once; a page that a pager links both as 首页/上一页 and by its number keeps
    its number."""
    found: dict[tuple[str, str], ListRequest] = {}
    for request in requests:
        key = (request.url, str(request.formdata))
        if key not in found or (found[key].rel == "back" and request.rel != "back"):
            found[key] = request
    return list(found.values())

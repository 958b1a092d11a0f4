"""The page after a list page: one rule for the crawl, the nightly run and ``govcrawl check``."""

from __future__ import annotations

import pytest

from govcrawl.extract.listing import extract_listing
from govcrawl.extract.listing.pagination import ListRequest, next_page

BASE = "http://x.gov.cn/bdxw/list.html"
ITEMS = "".join(f'<li><a href="/bdxw/202401/c{n}.html">测试县第{n}期民生实事项目稳步推进</a><span>2024-01-0{n}</span></li>'
                for n in range(1, 6))


def _page(pager: str, url: str = BASE) -> list[ListRequest]:
    return extract_listing(f'<html><body><ul class="list">{ITEMS}</ul><div class="page">{pager}</div></body></html>',
                           url).list_requests


def test_first_page_back_and_last_links_are_never_the_next_page() -> None:
    pager = ('<a href="?page=1">首页</a><a href="?page=1">上一页</a><span>1</span><a href="?page=2">2</a>'
             '<a href="?page=3">3</a><a href="?page=3">尾页</a>')
    requests = _page(pager)
    assert {r.url: r.rel for r in requests}[f"{BASE}?page=1"] == "back"
    assert next_page(requests, BASE, 1).url == f"{BASE}?page=2"


def test_the_walk_goes_on_from_a_query_page() -> None:
    url = f"{BASE}?page=2"
    pager = ('<a href="?page=1">首页</a><a href="?page=1">上一页</a><a href="?page=1">1</a><span>2</span>'
             '<a href="?page=3">3</a><a href="?page=3">尾页</a>')
    assert next_page(_page(pager, url), url, 2).url == f"{BASE}?page=3"


def test_the_last_page_has_no_next_page() -> None:
    url = f"{BASE}?page=3"
    pager = '<a href="?page=1">首页</a><a href="?page=2">上一页</a><a href="?page=1">1</a><a href="?page=2">2</a><span>3</span>'
    assert next_page(_page(pager, url), url, 3) is None


@pytest.mark.parametrize(("pager", "expected"), [
    ('<span>共3页</span><a href="list_2.html">下一页</a>', "http://x.gov.cn/bdxw/list_2.html"),
    ('<a href="index_1.html">2</a><a href="index_2.html">3</a><a href="index_2.html">尾页</a>',
     "http://x.gov.cn/bdxw/index_1.html"),
    ('<a href="list.html">上一页</a><a href="list.html">首页</a>', None),
])
def test_next_page_in_each_pager_style(pager: str, expected: str | None) -> None:
    found = next_page(_page(pager), BASE, 1)
    assert (found.url if found else None) == expected


def test_a_next_link_back_to_the_page_itself_ends_the_walk() -> None:
    assert next_page([ListRequest(BASE, rel="next")], BASE, 4) is None


def test_nav_home_link_is_no_pager_link() -> None:
    html = f'<html><body><div class="nav"><a href="/">首页</a></div><ul class="list">{ITEMS}</ul></body></html>'
    assert extract_listing(html, BASE).list_requests == []


def test_a_pager_link_is_never_an_article_of_the_list_it_pages() -> None:
    # a later page whose list the copy lost: its pager is all the links it has, and a pager page
    # read as an article would be exported as a record
    url = "http://x.gov.cn/news/news_21.html"
    pager = "".join(f'<a href="news_{n}1.html">{n}</a>' for n in range(3, 10))
    html = (f'<html><body><div class="list"></div><div class="page"><a href="news1.html">首页</a>'
            f'<a href="news1.html">1</a><span>2</span>{pager}<a href="news_31.html">&gt;&gt;</a>'
            '<a href="news_39.html">末页</a></div></body></html>')
    listing = extract_listing(html, url)
    pages = {r.url for r in listing.list_requests}
    assert "http://x.gov.cn/news/news_39.html" in pages
    assert not pages & set(listing.article_urls)


def test_items_linked_twice_by_a_next_arrow_each_stay_articles() -> None:
    # each item's » detail link reads like a pager's next link; the list's items are articles
    items = "".join(f'<li><a href="/bdxw/show.asp?id={n}">测试县第{n}期民生实事项目稳步推进</a>'
                    f'<span>2024-01-0{n}</span><a href="/bdxw/show.asp?id={n}">»</a></li>' for n in range(1, 7))
    listing = extract_listing(f'<html><body><ul class="list">{items}</ul></body></html>', BASE)
    assert len(listing.article_urls) == 6

"""The discovered-page middleware: a page the search for columns fetched answers the next request
for it once, within a bound on the bytes kept."""

from __future__ import annotations

import pytest
from scrapy import Request
from scrapy.exceptions import NotConfigured
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from govcrawl import request_meta as meta
from govcrawl.extract.urls import page_key
from govcrawl.middlewares.discovered import DiscoveredPageMiddleware
from govcrawl.signals import page_reused

BODY = b"<html><body><h1>t</h1>" + b"x" * 978 + b"</body></html>"  # 1,014 bytes


def _middleware(keep_bytes: int) -> tuple[DiscoveredPageMiddleware, list[tuple[Request, HtmlResponse]]]:
    crawler = get_crawler(settings_dict={"GOVCRAWL_DISCOVERY_KEEP_BYTES": keep_bytes})
    reused: list[tuple[Request, HtmlResponse]] = []
    crawler.signals.connect(lambda request, response: reused.append((request, response)), signal=page_reused,
                            weak=False)
    crawler.stats.open_spider()
    return DiscoveredPageMiddleware.from_crawler(crawler), reused


def _discovered(middleware: DiscoveredPageMiddleware, url: str, status: int = 200, **extra: object) -> None:
    request = Request(url, meta={meta.KIND: "discovery", **extra})
    middleware.process_response(request, HtmlResponse(url, status=status, body=BODY, request=request))


def test_a_discovered_page_answers_the_next_request_for_it_once_with_its_fetch_time() -> None:
    middleware, reused = _middleware(10_000)
    _discovered(middleware, "http://a.test/zn.html")
    article = Request("http://a.test/zn.html", meta={meta.KIND: "article"})
    answer = middleware.process_request(article)
    assert answer is not None and answer.body == BODY and answer.request is article and "reused" in answer.flags
    assert article.meta[meta.FETCHED_AT] == reused[0][1].meta[meta.FETCHED_AT]
    assert [request for request, _ in reused] == [article]
    assert middleware.process_request(Request("http://a.test/zn.html", meta={meta.KIND: "article"})) is None
    assert middleware.kept_bytes == 0


def test_answers_to_the_search_are_kept_once_within_the_bound() -> None:
    middleware, _ = _middleware(2 * len(BODY))
    _discovered(middleware, "http://a.test/1.html")
    _discovered(middleware, "http://a.test/404.html", status=404)
    _discovered(middleware, "http://a.test/1.html")  # the same page again: kept once
    _discovered(middleware, "http://a.test/2.html")
    _discovered(middleware, "http://a.test/3.html")  # past the bound: fetched again when asked for
    assert sorted(middleware.kept) == ["http://a.test/1.html", "http://a.test/2.html"]
    assert middleware.process_request(Request("http://a.test/1.html", meta={meta.KIND: "list"})) is not None
    _discovered(middleware, "http://a.test/3.html")  # room again
    assert "http://a.test/3.html" in middleware.kept


def test_a_bound_of_zero_turns_it_off() -> None:
    with pytest.raises(NotConfigured):
        _middleware(0)


def test_a_directory_and_its_index_file_are_one_page_under_the_url_asked_for() -> None:
    """The menu links ``/xwzx/index.html`` and a channel's refresh leads to ``/xwzx/``: the search
    reads the second from what it kept, and still leaves it to the article request, which gets
    it under its own URL (the record's URL and id are the ones a fetch would give)."""
    middleware, reused = _middleware(10_000)
    _discovered(middleware, "http://a.test/xwzx/index.html")
    again = Request("http://a.test/xwzx/", meta={meta.KIND: "discovery", "redirect_urls": ["http://a.test/xw/"]})
    answer = middleware.process_request(again)
    assert answer is not None and answer.url == "http://a.test/xwzx/" and answer.body == BODY
    assert again.meta[meta.REUSED_FROM] == "http://a.test/xwzx/index.html"
    assert middleware.process_response(again, answer) is answer and middleware.kept_bytes == len(BODY)
    article = middleware.process_request(Request("http://a.test/xwzx/?page=", meta={meta.KIND: "article"}))
    assert article is None  # another page: its query differs
    article = middleware.process_request(Request("http://a.test/xwzx/", meta={meta.KIND: "article"}))
    assert article is not None and article.url == "http://a.test/xwzx/" and middleware.kept == {}
    assert len(reused) == 2


@pytest.mark.parametrize(("url", "key"), [
    ("http://a.test/xwzx/index.html", "http://a.test/xwzx/"),
    ("http://a.test/xwzx/index.shtml?a=1", "http://a.test/xwzx/?a=1"),
    ("http://a.test/xwzx/index.htm", "http://a.test/xwzx/"),
    ("http://a.test/xwzx/index_2.html", "http://a.test/xwzx/index_2.html"),
    ("http://a.test/xwzx/myindex.html", "http://a.test/xwzx/myindex.html"),
    ("http://a.test/xwzx/", "http://a.test/xwzx/"),
])
def test_page_key(url: str, key: str) -> None:
    assert page_key(url) == key

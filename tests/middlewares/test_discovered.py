"""The discovered-page middleware: a page the search for columns fetched answers the next request
for its URL once, within a bound on the bytes kept."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest
from scrapy import Request, signals
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from govcrawl import request_meta as meta
from govcrawl.middlewares.discovered import DiscoveredPageMiddleware
from govcrawl.signals import page_reused

BODY = b"<html><body><h1>t</h1>" + b"x" * 978 + b"</body></html>"  # 1,014 bytes
FETCHED = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)


def _middleware(keep_bytes: int) -> tuple[DiscoveredPageMiddleware, list[tuple[Request, str | None]]]:
    crawler = get_crawler(settings_dict={"GOVCRAWL_DISCOVERY_KEEP_BYTES": keep_bytes})
    reused: list[tuple[Request, str | None]] = []
    crawler.signals.connect(lambda request, record: reused.append((request, record)), signal=page_reused,
                            weak=False)
    crawler.stats.open_spider()
    return DiscoveredPageMiddleware.from_crawler(crawler), reused


def _discovered(middleware: DiscoveredPageMiddleware, url: str, status: int = 200) -> None:
    """A discovery answer as the archive leaves it: its fetch time and record id in the meta."""
    request = Request(url, meta={meta.KIND: "discovery", meta.FETCHED_AT: FETCHED, meta.WARC_RECORD: f"<{url}>"})
    middleware.process_response(request, HtmlResponse(url, status=status, body=BODY, request=request))


def _asked(middleware: DiscoveredPageMiddleware, request: Request) -> HtmlResponse | None:
    return asyncio.run(middleware.process_request(request))


def test_a_discovered_page_answers_the_next_request_for_it_once_with_its_fetch_time() -> None:
    middleware, reused = _middleware(10_000)
    _discovered(middleware, "http://a.test/zn.html")
    article = Request("http://a.test/zn.html", meta={meta.KIND: "article"})
    answer = _asked(middleware, article)
    assert answer is not None and answer.body == BODY and answer.request is article and answer.flags == ["reused"]
    assert isinstance(answer, HtmlResponse) and answer.url == article.url and answer.status == 200
    assert article.meta[meta.FETCHED_AT] == FETCHED and reused == [(article, "<http://a.test/zn.html>")]
    assert _asked(middleware, Request("http://a.test/zn.html", meta={meta.KIND: "article"})) is None
    assert middleware.kept_bytes == 0


def test_answers_to_the_search_are_kept_once_within_the_bound() -> None:
    middleware, _ = _middleware(2 * len(BODY))
    _discovered(middleware, "http://a.test/1.html")
    _discovered(middleware, "http://a.test/404.html", status=404)
    _discovered(middleware, "http://a.test/1.html")  # the same page again: kept once
    _discovered(middleware, "http://a.test/2.html")
    _discovered(middleware, "http://a.test/3.html")  # past the bound: fetched again when asked for
    assert sorted(middleware.kept) == ["http://a.test/1.html", "http://a.test/2.html"]
    assert _asked(middleware, Request("http://a.test/1.html", meta={meta.KIND: "list"})) is not None
    _discovered(middleware, "http://a.test/3.html")  # room again
    assert "http://a.test/3.html" in middleware.kept


def test_the_search_itself_and_a_known_articles_recheck_are_never_answered_from_it() -> None:
    """A recheck asks the server whether the page changed (a 304 says so): a copy would not."""
    middleware, reused = _middleware(10_000)
    _discovered(middleware, "http://a.test/1.html")
    assert _asked(middleware, Request("http://a.test/1.html", meta={meta.KIND: "discovery"})) is None
    recheck = Request("http://a.test/1.html", meta={meta.KIND: "article", meta.KNOWN: object()})
    assert _asked(middleware, recheck) is None and reused == []


def test_a_bound_of_zero_turns_it_off() -> None:
    with pytest.raises(NotConfigured):
        _middleware(0)


def test_a_page_discovery_is_still_fetching_is_waited_for_not_fetched_twice() -> None:
    """The column listing the page answered before discovery's request for it did."""
    middleware, reused = _middleware(10_000)
    url = "http://a.test/zn.html"

    async def column_first() -> HtmlResponse | None:
        assert await middleware.process_request(Request(url, meta={meta.KIND: "discovery"})) is None
        article = asyncio.ensure_future(middleware.process_request(Request(url, meta={meta.KIND: "article"})))
        await asyncio.sleep(0.01)
        assert not article.done()  # waiting, not on its way to the server
        _discovered(middleware, url)
        return await article

    answer = asyncio.run(column_first())
    assert answer is not None and answer.flags == ["reused"] and answer.body == BODY and len(reused) == 1


def test_a_failed_or_redirected_discovery_request_lets_the_waiting_request_go() -> None:
    middleware, _ = _middleware(10_000)

    async def failed() -> HtmlResponse | None:
        discovery = Request("http://a.test/1.html", meta={meta.KIND: "discovery"})
        await middleware.process_request(discovery)
        article = asyncio.ensure_future(middleware.process_request(Request(discovery.url, meta={meta.KIND: "article"})))
        await asyncio.sleep(0.01)
        middleware.process_exception(discovery, IgnoreRequest())
        return await asyncio.wait_for(article, 1)

    assert asyncio.run(failed()) is None  # fetched by itself
    redirected = Request("http://a.test/new.html", meta={meta.KIND: "discovery", "redirect_urls": ["http://a.test/2.html"]})

    async def moved() -> HtmlResponse | None:
        await middleware.process_request(Request("http://a.test/2.html", meta={meta.KIND: "discovery"}))
        await middleware.process_request(redirected)
        article = asyncio.ensure_future(middleware.process_request(Request("http://a.test/2.html")))
        await asyncio.sleep(0.01)
        middleware.process_response(redirected, HtmlResponse(redirected.url, body=BODY, request=redirected))
        return await asyncio.wait_for(article, 1)

    assert asyncio.run(moved()) is None and middleware.fetching == {}


def test_a_wait_is_bounded_by_what_a_fetch_with_its_retries_may_take_and_paid_once() -> None:
    middleware, _ = _middleware(10_000)
    middleware.wait_seconds = 0.05
    url = "http://a.test/1.html"

    async def never_answered() -> HtmlResponse | None:
        await middleware.process_request(Request(url, meta={meta.KIND: "discovery"}))
        assert await middleware.process_request(Request(url)) is None
        middleware.wait_seconds = 60.0  # a second wait would now outlast the bound below
        return await asyncio.wait_for(middleware.process_request(Request(url)), 5)  # nobody waits again

    assert asyncio.run(never_answered()) is None and middleware.fetching == {}


def test_a_discovery_request_the_scheduler_dropped_or_a_closing_spider_lets_the_waiting_requests_go() -> None:
    """A redirect to a page already requested is dropped by the duplicate filter: nothing of it
    comes back through the middleware, and Scrapy says so with request_dropped."""
    middleware, _ = _middleware(10_000)
    crawler = middleware.crawler

    async def dropped_then_closed() -> list[HtmlResponse | None]:
        first = Request("http://a.test/1.html", meta={meta.KIND: "discovery"})
        await middleware.process_request(first)
        await middleware.process_request(Request("http://a.test/2.html", meta={meta.KIND: "discovery"}))
        waiting = [asyncio.ensure_future(middleware.process_request(Request(f"http://a.test/{n}.html")))
                   for n in (1, 2)]
        await asyncio.sleep(0.01)
        moved = first.replace(url="https://a.test/1.html", meta={**first.meta, "redirect_urls": [first.url]})
        crawler.signals.send_catch_log(signals.request_dropped, request=moved, spider=None)
        done = await asyncio.wait_for(waiting[0], 1)
        assert not waiting[1].done()
        crawler.signals.send_catch_log(signals.spider_closed, spider=None, reason="finished")
        return [done, await asyncio.wait_for(waiting[1], 1)]

    assert asyncio.run(dropped_then_closed()) == [None, None] and middleware.fetching == {}

"""Every branch of the incremental middlewares, unit by unit, with a crawler from get_crawler."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from scrapy import Request
from scrapy.exceptions import IgnoreRequest, NotConfigured, UsageError
from scrapy.http import HtmlResponse, Response
from scrapy.utils.test import get_crawler

from govcrawl import request_meta as meta
from govcrawl import settings as project
from govcrawl.middlewares.incremental import ConditionalFetchMiddleware, IncrementalSpiderMiddleware
from govcrawl.run_context import RunContext
from govcrawl.sites import SiteEntry
from govcrawl.spiders.site import SiteSpider
from govcrawl.state.base import ArticleState, Rejected, RunRecord
from tests.conftest import StateStore, opened_run

BASE = "http://www.example.gov.cn"
COLUMN = f"{BASE}/xwzx/"
ENTRY = SiteEntry(key="ex", name="示例", domains=["www.example.gov.cn"], start_urls=[COLUMN])


#: govcrawl's own settings, as a crawl gets them
PROJECT = {name: getattr(project, name) for name in dir(project) if name.isupper()}


def _crawler(store: StateStore, **settings):
    crawler = get_crawler(SiteSpider.for_entry(ENTRY), {
        **PROJECT, "GOVCRAWL_STATE_PATH": store.location, "GOVCRAWL_EXPORT_DIR": str(store.tmp / "out"),
        "TELNETCONSOLE_ENABLED": False, **settings})
    opened_run(crawler)
    return crawler


def _known(url: str, *, days_ago: float = 0, etag: str | None = '"v1"') -> ArticleState:
    seen = (datetime.now(UTC) - timedelta(days=days_ago)).isoformat(timespec="seconds")
    return ArticleState(url=url, site="ex", first_seen=seen, last_seen=seen, content_hash="h", revision=1,
                        etag=etag, last_modified="Mon, 20 May 2024 08:00:00 GMT")


def _commit(store: StateStore, articles=(), rejected=(), complete=(), run_number: int = 1) -> None:
    """An earlier published run that knew these articles and failed on these pages."""
    state = store.open()
    run_id = f"earlier-{len(state.recent_reports('ex', 100))}"
    state.begin_run(RunRecord(run_id, "ex", "/dev/null"))
    state.stage_many(run_id, articles)
    state.publish_run(run_id, {"site": "ex"}, rejected=rejected, complete_columns=complete, run_number=run_number,
                      max_attempts=3)
    state.close()


def _list_response(page: int = 1, quiet: int = 0) -> Response:
    request = Request(f"{COLUMN}index_{page - 1}.html" if page > 1 else COLUMN,
                      meta={meta.KIND: "list", meta.COLUMN_URL: COLUMN, meta.PAGE: page, meta.QUIET_PAGES: quiet})
    return HtmlResponse(request.url, body=b"<html></html>", request=request)


def _article(n: int) -> Request:
    return Request(f"{BASE}/xwzx/202405/t20240520_{n}.html", meta={meta.KIND: "article", meta.COLUMN_URL: COLUMN})


def _next_page(page: int) -> Request:
    # marked by the spider as the page after this one (pagination.next_page)
    return Request(f"{COLUMN}index_{page}.html", meta={meta.KIND: "list", meta.PAGE: page + 1, meta.REL: "page",
                                                       meta.COLUMN_URL: COLUMN, meta.NEXT: True})


def _filter(crawler, outputs, response=None) -> list[Request]:
    middleware = IncrementalSpiderMiddleware.from_crawler(crawler)
    return list(middleware.process_spider_output(response or _list_response(), outputs))


def test_off_without_a_state(tmp_path: Path) -> None:
    crawler = get_crawler(SiteSpider.for_entry(ENTRY), {"TELNETCONSOLE_ENABLED": False})
    with pytest.raises(NotConfigured):
        IncrementalSpiderMiddleware.from_crawler(crawler)


def test_a_state_with_scrapy_feeds_is_refused(state_store: StateStore) -> None:
    crawler = _crawler(state_store, FEEDS={str(state_store.tmp / "x.jsonl"): {"format": "jsonlines"}})
    with pytest.raises(UsageError, match="FEEDS"):
        IncrementalSpiderMiddleware.from_crawler(crawler)


def test_new_articles_pass_and_article_responses_are_left_alone(state_store: StateStore) -> None:
    crawler = _crawler(state_store)
    new = _article(1)
    assert _filter(crawler, [new]) == [new]
    article_response = HtmlResponse(new.url, body=b"", request=new)
    assert _filter(crawler, ["an item"], article_response) == ["an item"]


def test_known_articles_are_skipped_and_counted(state_store: StateStore) -> None:
    _commit(state_store, [_known(_article(1).url)])
    crawler = _crawler(state_store)
    assert [r.url for r in _filter(crawler, [_article(1), _article(2)])] == [_article(2).url]
    assert crawler.stats.get_value("govcrawl/state/skipped_known") == 1
    assert RunContext.for_crawler(crawler).outcomes.settled[_article(1).url] == "skipped_known"


@pytest.mark.parametrize(("settings", "days_ago", "due"), [
    ({"GOVCRAWL_REFRESH": True}, 0, True),
    ({"GOVCRAWL_REFRESH_AFTER_DAYS": 7}, 8, True),
    ({"GOVCRAWL_REFRESH_AFTER_DAYS": 7}, 6, False),
])
def test_due_known_articles_are_asked_for_conditionally(state_store: StateStore, settings, days_ago, due) -> None:
    _commit(state_store, [_known(_article(1).url, days_ago=days_ago)])
    crawler = _crawler(state_store, **settings)
    out = _filter(crawler, [_article(1)])
    if not due:
        assert out == []
        return
    [request] = out
    assert request.headers[b"If-None-Match"] == b'"v1"'
    assert request.headers[b"If-Modified-Since"] == b"Mon, 20 May 2024 08:00:00 GMT"
    assert request.meta[meta.KNOWN].content_hash == "h"


def test_without_an_etag_only_if_modified_since(state_store: StateStore) -> None:
    _commit(state_store, [_known(_article(1).url, etag=None)])
    crawler = _crawler(state_store, GOVCRAWL_REFRESH=True)
    [request] = _filter(crawler, [_article(1)])
    assert b"If-None-Match" not in request.headers and b"If-Modified-Since" in request.headers


def test_failed_articles_wait_for_their_back_off(state_store: StateStore) -> None:
    _commit(state_store, rejected=[Rejected(_article(1).url, "http_503", None, True),
                                Rejected(_article(2).url, "http_404", None, False)])
    crawler = _crawler(state_store)
    ctx = RunContext.for_crawler(crawler)
    assert ctx.run_number == 2
    # run 2: the 503 failed once (run 1), so it is due; the 404 failed for good
    assert [r.url for r in _filter(crawler, [_article(1), _article(2)])] == [_article(1).url]
    assert ctx.outcomes.settled[_article(2).url] == "skipped_failed"


def test_a_failure_not_yet_due_is_retried_later(state_store: StateStore) -> None:
    _commit(state_store, rejected=[Rejected(_article(1).url, "http_503", None, True)])
    _commit(state_store, rejected=[Rejected(_article(1).url, "http_503", None, True)], run_number=2)
    crawler = _crawler(state_store)
    ctx = RunContext.for_crawler(crawler)
    failed = ctx.state.failed_articles([_article(1).url])[_article(1).url]
    # failed at runs 1 and 2: the back-off skips run 3 and tries again at run 4
    assert (failed.attempts, ctx.run_number) == (2, 3) and failed.is_due(4)
    assert _filter(crawler, [_article(1)]) == []
    assert ctx.outcomes.settled[_article(1).url] == "retry_later"


def test_articles_requested_from_the_state_are_not_requested_twice(state_store: StateStore) -> None:
    crawler = _crawler(state_store)
    RunContext.for_crawler(crawler).outcomes.requested.add(_article(1).url)
    assert _filter(crawler, [_article(1)]) == []
    assert _article(1).url not in RunContext.for_crawler(crawler).outcomes.settled


def test_paging_stops_after_a_quiet_page_only_in_a_complete_column(state_store: StateStore) -> None:
    _commit(state_store, [_known(_article(1).url)], complete=[COLUMN])
    crawler = _crawler(state_store)
    assert _filter(crawler, [_article(1), _next_page(1)]) == []
    assert crawler.stats.get_value("govcrawl/state/pagination_stopped") == 1
    _commit(state_store.other(), [_known(_article(1).url)])  # never paged to its end
    other = _crawler(state_store.other())
    [next_page] = _filter(other, [_article(1), _next_page(1)])
    assert next_page.meta[meta.QUIET_PAGES] == 1


def test_a_page_with_something_new_keeps_paging(state_store: StateStore) -> None:
    _commit(state_store, [_known(_article(1).url)], complete=[COLUMN])
    crawler = _crawler(state_store)
    out = _filter(crawler, [_article(1), _article(2), _next_page(1)])
    assert [r.url for r in out] == [_article(2).url, _next_page(1).url]
    assert out[1].meta[meta.QUIET_PAGES] == 0


def test_a_304_to_a_conditional_request_is_staged_as_seen(state_store: StateStore) -> None:
    known = _known(_article(1).url, days_ago=3)
    _commit(state_store, [known])
    crawler = _crawler(state_store)
    request = meta.conditional(_article(1), known)
    middleware = ConditionalFetchMiddleware.from_crawler(crawler)
    with pytest.raises(IgnoreRequest, match="not modified"):
        middleware.process_response(request, Response(request.url, status=304, headers={"ETag": '"v2"'}))
    ctx = RunContext.for_crawler(crawler)
    assert ctx.outcomes.settled[request.url] == "not_modified"
    assert ctx.state.articles([request.url])[request.url].last_seen == known.last_seen  # staged only
    ctx.state.begin_run(RunRecord(ctx.run_id, "ex", "/dev/null"))
    ctx.state.publish_run(ctx.run_id, {"site": "ex"})
    after = ctx.state.articles([request.url])[request.url]
    assert after.last_seen > known.last_seen and after.etag == '"v2"'


def test_a_304_to_an_unconditional_request_is_an_answer_like_any(state_store: StateStore) -> None:
    middleware = ConditionalFetchMiddleware.from_crawler(_crawler(state_store))
    response = Response(_article(1).url, status=304)
    assert middleware.process_response(_article(1), response) is response


def test_a_failed_list_page_leaves_its_column_incomplete(state_store: StateStore) -> None:
    crawler = _crawler(state_store)
    middleware = ConditionalFetchMiddleware.from_crawler(crawler)
    listing = _next_page(1)
    middleware.process_response(listing, Response(listing.url, status=503))
    assert RunContext.for_crawler(crawler).columns_failed == {COLUMN}
    middleware.process_exception(_next_page(2), TimeoutError())
    assert RunContext.for_crawler(crawler).columns_failed == {COLUMN}

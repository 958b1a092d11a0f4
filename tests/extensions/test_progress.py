"""The progress line counts every article page a run reads, known ones answered 304 included."""

from __future__ import annotations

import logging

import pytest
from scrapy.http import HtmlResponse, Response

from govcrawl import request_meta as meta
from govcrawl.exceptions import NotModified
from govcrawl.extensions.progress import SiteProgress
from govcrawl.middlewares.incremental import ConditionalFetchMiddleware
from tests.conftest import StateStore
from tests.middlewares.test_incremental import _article, _commit, _crawler, _known


def test_rechecks_answered_304_count_as_article_pages(state_store: StateStore,
                                                     caplog: pytest.LogCaptureFixture) -> None:
    known = [_known(_article(n).url, days_ago=3) for n in range(1, 4)]
    _commit(state_store, known)
    crawler = _crawler(state_store)
    middleware = ConditionalFetchMiddleware.from_crawler(crawler)
    for n in (1, 2):  # two rechecks unchanged: 304, never seen by the spider
        request = meta.conditional(_article(n), known[n - 1])
        with pytest.raises(NotModified):
            middleware.process_response(request, Response(request.url, status=304))
    edited = meta.conditional(_article(3), known[2])  # one edited: 200, read by the spider
    middleware.process_response(edited, HtmlResponse(edited.url, body=b"<html></html>", request=edited))
    crawler.stats.inc_value("govcrawl/article/pages")
    with caplog.at_level(logging.INFO, logger="govcrawl.extensions.progress"):
        SiteProgress(crawler, 30).log(crawler.spider)
    assert "ex: 0 list pages, 3 article pages (3 known ones fetched again, 2 not modified), 0 exported" \
        in caplog.text

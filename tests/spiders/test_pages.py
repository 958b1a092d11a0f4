"""What the crawl makes of a page by the way it asked for it (spiders/pages.py)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from govcrawl.sites import SiteEntry
from govcrawl.spiders.pages import Fetched, read_article_link

ENTRY = SiteEntry(key="bx", name="保险", domains=["www.example.cn"], start_urls=["http://www.example.cn/"])


def _card(extra: str) -> bytes:
    return ('<html><head><meta charset="utf-8"><title>团体意外伤害保险</title></head><body><h1>团体意外伤害保险</h1>'
            f'<div class="content">{extra}<p>本产品为团体客户提供意外伤害保障，投保手续简便，欢迎咨询。</p></div>'
            '</body></html>').encode()


@pytest.mark.parametrize(("extra", "use"), [
    ("", "rejected"),  # a catalogue's card
    ('<video src="/v/xcp.mp4" controls></video>', "record"),  # a video column's clip
    ('<p><a href="/files/tsh.pdf">投保提示书.pdf</a></p>', "record"),  # a file to publish
])
def test_an_undated_short_page_an_undated_list_linked_is_a_card_unless_it_plays_or_files(extra: str, use: str) -> None:
    fetched = Fetched("http://www.example.cn/cp/detail1.html", b"text/html; charset=utf-8", _card(extra),
                      datetime(2026, 12, 8, tzinfo=UTC))
    found = read_article_link(fetched, ENTRY, None, needs_date="catalogue")
    assert found.use == use, found.rejection
    if use == "rejected":
        assert found.rejection.reason == "catalogue_card"


@pytest.mark.parametrize(("paragraphs", "needs_date", "use"), [
    (30, "headline", "channel_page"),  # a home page's link to what the search read as a channel
    (30, None, "record"),  # a column's list links it, and it is long-form writing: the list's article
    (30, "catalogue", "record"),
    (2, None, "channel_page"),  # short: a channel's overview, listed or not
])
def test_what_the_search_read_as_a_channel_is_one_unless_a_list_links_long_writing(
        paragraphs: int, needs_date: str | None, use: str) -> None:
    speech = "各位同志：今天我们召开全县经济工作会议，总结今年工作，部署明年任务，请大家认真抓好落实。" * paragraphs
    html = ('<html><head><meta charset="utf-8"><title>在全县经济工作会议上的讲话</title></head><body>'
            f'<h1>在全县经济工作会议上的讲话</h1><div class="content"><p>{speech}</p></div></body></html>').encode()
    fetched = Fetched("http://www.example.cn/ldjh/speech.html", b"text/html; charset=utf-8", html,
                      datetime(2026, 12, 8, tzinfo=UTC))
    assert read_article_link(fetched, ENTRY, "other", needs_date=needs_date).use == use

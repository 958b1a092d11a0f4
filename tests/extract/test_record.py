"""extract_record as a whole: relative dates pinned to the fetch day, selectors on the one tree."""

from __future__ import annotations

from datetime import datetime

import pytest

from govcrawl.extract import FieldSelectors, extract_record
from govcrawl.extract.dates import CST
from govcrawl.offline import SavedPageSite, extract_saved_page

PAGE = """<html><head><title>市政府召开常务会议_示例市人民政府</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/xw/">新闻</a></div>
<h1 class="title">市政府召开常务会议</h1>
<div class="info"><span>{when}</span> <span>来源：示例日报</span></div>
<div class="TRS_Editor"><p>11月26日上午，市政府召开第十次常务会议，研究部署冬季安全生产和民生保障工作。</p>
<p>会议强调，要压实各方责任，抓好隐患排查整治，确保群众温暖过冬、平安过冬。</p></div>
<div class="foot">责任编辑：周雁</div>
</body></html>"""
MORNING = datetime(2026, 11, 26, 9, 0, tzinfo=CST)
AFTERNOON = datetime(2026, 11, 26, 15, 37, 12, tzinfo=CST)


@pytest.mark.parametrize(("when", "published", "precision"), [
    ("3天前", "2026-11-23T00:00:00+08:00", "day"),
    ("2小时前", "2026-11-26T00:00:00+08:00", "day"),
    ("30分钟前", "2026-11-26T00:00:00+08:00", "day"),
    ("刚刚", "2026-11-26T00:00:00+08:00", "day"),
    ("昨天 14:20", "2026-11-25T14:20:00+08:00", "minute"),
    ("前天 08:05", "2026-11-24T08:05:00+08:00", "minute"),
])
def test_relative_date_is_the_same_all_day(when: str, published: str, precision: str) -> None:
    html = PAGE.format(when=when).encode("utf-8")
    url = "http://www.example.gov.cn/xw/202611/t20261126_1.html"
    morning = extract_saved_page(html, url, SavedPageSite(), MORNING)
    afternoon = extract_saved_page(html, url, SavedPageSite(), AFTERNOON)
    assert morning["published_at"] == afternoon["published_at"] == published
    assert morning["published_precision"] == precision
    assert morning["published_from"] == "near_title"
    assert morning["content_hash"] == afternoon["content_hash"]


def test_relative_date_counts_from_the_fetch_time_not_the_clock() -> None:
    html = PAGE.format(when="昨天 14:20").encode("utf-8")
    fields = extract_record(html, fetched_at=datetime(2024, 3, 1, 10, 0, tzinfo=CST))
    assert fields.published_at == "2024-02-29T14:20:00+08:00"


def test_fields_of_a_plain_page() -> None:
    fields = extract_record(PAGE.format(when="2026-11-26 10:30").encode("utf-8"), fetched_at=MORNING)
    assert fields.title == "市政府召开常务会议"
    assert (fields.published_at, fields.published_from) == ("2026-11-26T10:30:00+08:00", "near_title")
    assert fields.source == "示例日报" and fields.editors == ["周雁"]
    assert fields.body.splitlines()[0].startswith("11月26日上午")
    assert fields.body_simplified == fields.body


def test_selectors_run_on_the_parsed_page() -> None:
    html = PAGE.format(when="2026-11-26").replace("<div class=\"foot\">", "<p id=\"d\">2025年1月2日</p><div class=\"foot\">")
    selectors = FieldSelectors(title="//title", published="#d", source="//div[@class='info']/span[2]",
                               body="div.TRS_Editor p:last-child")
    fields = extract_record(html.encode("utf-8"), fetched_at=MORNING, selectors=selectors)
    assert fields.title == "市政府召开常务会议_示例市人民政府"
    assert fields.published_at == "2025-01-02T00:00:00+08:00"
    assert fields.source == "示例日报"  # the label the selected element holds is not the value
    assert fields.body == "会议强调，要压实各方责任，抓好隐患排查整治，确保群众温暖过冬、平安过冬。"


def test_traditional_page_gets_simplified_copies() -> None:
    html = PAGE.format(when="2026-11-26").replace("市政府召开常务会议", "市政府召開常務會議")
    fields = extract_record(html.encode("utf-8"), fetched_at=MORNING)
    assert fields.title == "市政府召開常務會議" and fields.title_simplified == "市政府召开常务会议"

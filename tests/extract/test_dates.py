"""choose_published: the common formats, relative dates, plausibility bounds."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govcrawl.extract import DateCandidate, choose_published, parse_date
from govcrawl.extract.dates import CST, EARLIEST
from govcrawl.extract.types import ParsedDate

NOW = datetime(2024, 10, 1, 12, 0, tzinfo=CST)
ORIGINS = ["label", "near_title", "document", "meta"]


def _one(text: str, origin: str = "label", now: datetime = NOW) -> str | None:
    found = choose_published([DateCandidate(text, origin)], now=now)
    return found.value.isoformat() if found else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("發布時間:2023年07月24日", "2023-07-24T00:00:00+08:00"),
        ("发布时间：2023-07-24 10:30", "2023-07-24T10:30:00+08:00"),
        ("2023年7月24日 星期一", "2023-07-24T00:00:00+08:00"),
        ("2023年7月24日 星期一 08:15", "2023-07-24T08:15:00+08:00"),
        ("2023/07/24", "2023-07-24T00:00:00+08:00"),
        ("2023.07.24", "2023-07-24T00:00:00+08:00"),
        ("23-07-24", "2023-07-24T00:00:00+08:00"),
        ("2024-06-27  16:18:03", "2024-06-27T16:18:03+08:00"),
        ("2022-05-07  07:05 ", "2022-05-07T07:05:00+08:00"),
        ("2020年09月15日 09时32分", "2020-09-15T09:32:00+08:00"),
        ("( 2024-05-11)", "2024-05-11T00:00:00+08:00"),
        ("（2007年6月29日第十届全国人民代表大会常务委员会第二十八次会议通过）", "2007-06-29T00:00:00+08:00"),
        ("新华网河北频道 ( 2012-06-04 09:20:26 )", "2012-06-04T09:20:26+08:00"),
        ("2019-09-18T06:23", "2019-09-18T06:23:00+08:00"),
        # relative dates say which day, not which moment: 00:00 of that day in China
        ("3小时前", "2024-10-01T00:00:00+08:00"),
        ("13小时前", "2024-09-30T00:00:00+08:00"),
        ("30分钟前", "2024-10-01T00:00:00+08:00"),
        ("2天前", "2024-09-29T00:00:00+08:00"),
        ("刚刚", "2024-10-01T00:00:00+08:00"),
        ("今天", "2024-10-01T00:00:00+08:00"),
        ("前天", "2024-09-29T00:00:00+08:00"),
        # … unless the page shows the time
        ("昨天 10:20", "2024-09-30T10:20:00+08:00"),
        ("今天 08:05", "2024-10-01T08:05:00+08:00"),
    ],
)
def test_formats(text: str, expected: str) -> None:
    assert _one(text) == expected


@pytest.mark.parametrize(
    ("text", "precision"),
    [
        ("2023-07-24", "day"), ("2023-07-24 10:30", "minute"), ("2023-07-24 10:30:15", "second"),
        ("3小时前", "day"), ("2天前", "day"), ("刚刚", "day"), ("昨天 14:20", "minute"),
    ],
)
def test_precision(text: str, precision: str) -> None:
    found = choose_published([DateCandidate(text, "meta")], now=NOW)
    assert found is not None and found.precision == precision and found.origin == "meta"


@pytest.mark.parametrize("text", ["3小时前", "2天前", "刚刚", "昨天 14:20", "59分钟前"])
def test_relative_date_does_not_move_with_the_fetch_time(text: str) -> None:
    # the same page extracted twice on one day gives the same date (and so the same content hash)
    morning, evening = NOW.replace(hour=9, minute=0), NOW.replace(hour=23, minute=59, second=59)
    assert _one(text, now=morning) == _one(text, now=evening) is not None


def test_relative_date_counts_in_china_time() -> None:
    # 20:00 UTC on 30 September is 04:00 on 1 October in China: 3小时前 is 1 October there
    now = datetime(2024, 9, 30, 20, 0, tzinfo=UTC)
    assert _one("3小时前", now=now) == "2024-10-01T00:00:00+08:00"
    assert _one("昨天 10:20", now=now) == "2024-09-30T10:20:00+08:00"


def test_parse_date_needs_now_only_for_relative_forms() -> None:
    assert parse_date("2023-07-24 10:30", NOW) == ParsedDate(datetime(2023, 7, 24, 10, 30, tzinfo=CST), "minute")
    assert parse_date("2天前", NOW) == ParsedDate(datetime(2024, 9, 29, tzinfo=CST), "day")
    assert parse_date("2天前", datetime(2025, 1, 1, 8, tzinfo=CST)) == ParsedDate(datetime(2024, 12, 30, tzinfo=CST), "day")


@pytest.mark.parametrize("text", ["2024-10-05", "1989-12-31", "2023年5月", "", "浏览次数：12", "2023-02-30"])
def test_rejects(text: str) -> None:
    assert _one(text) is None


def test_first_valid_candidate_wins() -> None:
    candidates = [
        DateCandidate("发布时间：", "label"),
        DateCandidate("2031-01-01", "near_title"),
        DateCandidate("2023-05-11", "document"),
        DateCandidate("2023-08-16 10:33:59", "meta"),
    ]
    found = choose_published(candidates, now=NOW)
    assert found is not None and found.origin == "document"
    assert found.value.date().isoformat() == "2023-05-11"


def test_a_date_read_when_matched_is_not_parsed_again() -> None:
    read = ParsedDate(datetime(2023, 7, 24, 10, 30, tzinfo=CST), "minute")
    found = choose_published([DateCandidate("2023年07月24日 10:30", "label", read)], now=NOW)
    assert found is not None and (found.value, found.precision, found.origin) == (read.value, "minute", "label")
    # … and an implausible one is still passed over
    future = ParsedDate(datetime(2031, 1, 1, tzinfo=CST), "day")
    candidates = [DateCandidate("2031-01-01", "label", future), DateCandidate("2023-05-11", "meta")]
    found = choose_published(candidates, now=NOW)
    assert found is not None and found.origin == "meta"


def test_naive_now_is_china_time() -> None:
    found = choose_published([DateCandidate("2024-10-02", "meta")], now=datetime(2024, 10, 1, 12))
    assert found is not None and found.value.utcoffset() == timedelta(hours=8)
    assert _one("3小时前", now=datetime(2024, 10, 1, 2)) == "2024-09-30T00:00:00+08:00"


@given(st.lists(st.builds(DateCandidate, st.text(max_size=40), st.sampled_from(ORIGINS)), max_size=4))
def test_never_crashes_never_implausible(candidates: list[DateCandidate]) -> None:
    found = choose_published(candidates, now=NOW)
    if found is not None:
        assert EARLIEST <= found.value <= NOW + timedelta(days=1)
        assert found.precision in {"day", "minute", "second"}


@given(st.datetimes(min_value=datetime(1950, 1, 1), max_value=datetime(2100, 1, 1)))
def test_formatted_dates_round_trip_or_reject(value: datetime) -> None:
    text = value.strftime("%Y年%m月%d日 %H:%M")
    found = choose_published([DateCandidate(text, "label")], now=NOW)
    aware = value.replace(second=0, microsecond=0, tzinfo=CST)
    if EARLIEST <= aware <= NOW + timedelta(days=1):
        assert found is not None and found.value == aware
    else:
        assert found is None


# ---- dates the page and its URL give beside the displayed one (extract/date_context.py)

_PARAGRAPHS = "".join(f"<p>第{n}段，记者从市里获悉，相关工作正在有序推进，群众反映良好，效果明显。</p>" for n in range(1, 4))


def _media_page(header: str, under_title: str, body: str = _PARAGRAPHS) -> str:
    return f"""<html><head><meta charset="utf-8"><title>某市召开会议_某市新闻网</title></head><body>
<div class="top">{header}</div><h1>某市召开会议</h1><div class="info">{under_title}</div>
<div class="content">{body}</div><div class="footer">版权所有 某市新闻网</div></body></html>"""


def _published(html: str, url: str) -> tuple[str | None, str | None]:
    from govcrawl.extract import extract_record

    fields = extract_record(html, url, fetched_at=NOW)
    return fields.published_at, fields.published_from


def test_a_month_day_under_the_headline_takes_the_urls_year() -> None:
    html = _media_page("", "<span>09-27 20:12</span> <span>来源：某市日报</span>")
    assert _published(html, "http://www.x.com.cn/news/2022-09/27/content_1.html") == (
        "2022-09-27T20:12:00+08:00", "url_year")
    # a URL of another month lends no year: no date rather than a wrong one
    assert _published(html, "http://www.x.com.cn/news/2022-08/30/content_1.html") == (None, None)
    assert _published(html, "http://www.x.com.cn/news/content_1.html") == (None, None)


def test_a_date_that_starts_a_phrase_is_no_publish_date() -> None:
    html = _media_page("", "<span>2007年11月18号以前的新闻请到旧版网站查看</span>")
    assert _published(html, "http://www.x.com.cn/news/2022-09/27/content_1.html") == (None, None)


def test_an_e_paper_pages_only_date_is_its_issue_date() -> None:
    html = _media_page("2022年02月13日 星期日 <span>第A01版：要闻</span>", "")
    assert _published(html, "http://epaper.x.com.cn/html/content_1.htm") == ("2022-02-13T00:00:00+08:00", "issue")
    # a weekday-named date without a 版 beside it is a "today is" widget, not the page's date
    widget = _media_page("今天是2022年02月13日 星期日", "")
    assert _published(widget, "http://www.x.com.cn/html/content_1.htm") == (None, None)


def test_a_date_far_from_every_other_date_of_the_page_and_url_is_refused() -> None:
    body = _PARAGRAPHS + "<p>2022年9月26日，市里召开了专题会议，部署了下一阶段的工作任务和具体要求。</p>"
    html = _media_page("", "2007-11-18", body)
    assert _published(html, "http://www.x.com.cn/news/2022-09/27/content_1.html") == (None, None)
    near = _media_page("", "2022-09-27", body)  # the same date a year later would be near them
    assert _published(near, "http://www.x.com.cn/news/2022-09/27/content_1.html") == (
        "2022-09-27T00:00:00+08:00", "near_title")


def test_a_republished_pages_one_date_wins_over_its_urls() -> None:
    """A TRS site moved in 2019 keeps the move's date in its URLs; the page shows its own."""
    html = _media_page("", "2017-05-12 &nbsp; 某县北关小学")
    assert _published(html, "http://www.x.gov.cn/dyyd/201905/t20190515_112056.html") == (
        "2017-05-12T00:00:00+08:00", "near_title")


@pytest.mark.parametrize(("row", "expected"), [
    ("<p>2019-05-16 11:45 &nbsp;(点击： )</p>", ("2019-05-16T11:45:00+08:00", "near_title")),
    ("<p>时间：2016-06-27 17:14:50&nbsp;&nbsp;来源：</p>", ("2016-06-27T17:14:50+08:00", "label")),
])
def test_the_info_row_a_body_box_starts_with_dates_the_page(row: str, expected: tuple[str, str]) -> None:
    """The info row sits inside the body's box, under a headline far above it: it dates the
    page, and is not body text."""
    html = (f"<html><head><title>数字校园_某电大</title></head><body><h1>数字校园</h1>"
            f"<div class='nav'>{'<a href=/>首页</a> ' * 40}</div>"
            f"<div class='article'>{row}{_PARAGRAPHS}</div></body></html>")
    assert _published(html, "http://www.x.edu.cn/info/1013/1061.html") == expected
    from govcrawl.extract import extract_record
    assert extract_record(html, "http://www.x.edu.cn/info/1013/1061.html", fetched_at=NOW).body.startswith("第1段")


def test_a_span_of_months_is_no_date() -> None:
    """2020年1-11月 (January to November) is no 11 January: 年 goes with 月."""
    from govcrawl.extract.dates import ABSOLUTE
    assert ABSOLUTE.search("2020年1-11月公路水路交通固定资产投资完成情况") is None
    assert ABSOLUTE.search("2020年11月1日").group(0) == "2020年11月1日"


def test_a_summary_list_whose_first_item_is_dated_is_not_dated_by_it() -> None:
    """A column whose items show a headline with its date and a summary: the first item's row
    is no info row of the page (only a row that starts with its date or a date label is)."""
    items = "".join(f"<li><h3><a href='/a/{n}.html'>二百五十个初中语文常见的易错成语总结第{n}篇</a> 2019-09-16</h3>"
                    "<p>本篇文章为同学们整理了常见的易错成语，同学们可以收藏本篇文章，为以后的复习更好地掌握这些知识点。"
                    "<a href='javascript:;'>【详情】</a></p></li>" for n in range(1, 4))
    html = (f"<html><head><title>成语_初中_某教育网</title></head><body><h1>二百五十个初中语文常见的易错成语总结第1篇</h1>"
            f"<div class='nav'>{'<a href=/>首页</a> ' * 40}</div><div class='list'><ul>{items}</ul></div></body></html>")
    assert _published(html, "http://www.x.com.cn/chuzhong/list_leibie_1_1/index.html")[1] != "near_title"

"""choose_published: the common formats, relative dates, plausibility bounds."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govcrawl.extract import DateCandidate, choose_published
from govcrawl.extract.dates import CST, EARLIEST

NOW = datetime(2024, 10, 1, 12, 0, tzinfo=CST)


def _one(text: str, origin: str = "label") -> str | None:
    found = choose_published([DateCandidate(text, origin)], now=NOW)
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
        ("3小时前", "2024-10-01T09:00:00+08:00"),
        ("昨天 10:20", "2024-09-30T10:20:00+08:00"),
        ("2天前", "2024-09-29T12:00:00+08:00"),
    ],
)
def test_formats(text: str, expected: str) -> None:
    assert _one(text) == expected


@pytest.mark.parametrize(
    ("text", "precision"),
    [("2023-07-24", "day"), ("2023-07-24 10:30", "minute"), ("2023-07-24 10:30:15", "second")],
)
def test_precision(text: str, precision: str) -> None:
    found = choose_published([DateCandidate(text, "meta")], now=NOW)
    assert found is not None and found.precision == precision and found.origin == "meta"


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


def test_naive_now_is_china_time() -> None:
    found = choose_published([DateCandidate("2024-10-02", "url")], now=datetime(2024, 10, 1, 12))
    assert found is not None and found.value.utcoffset() == timedelta(hours=8)


@given(st.lists(st.builds(DateCandidate, st.text(max_size=40), st.sampled_from(["label", "meta", "url"])), max_size=4))
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

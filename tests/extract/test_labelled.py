"""Labelled fields in the page text: a label only counts where it starts a word."""

from __future__ import annotations

from datetime import datetime

from govcrawl.extract import DateCandidate
from govcrawl.extract.dates import CST
from govcrawl.extract.labelled import labelled_author, labelled_dates, labelled_source
from govcrawl.extract.types import ParsedDate


def test_label_inside_a_word_is_not_a_label() -> None:
    text = "工作时间：2023-01-01\n发布时间：2023-07-24 10:30"
    primary, document = labelled_dates(text, None, None)
    assert [c.text for c in primary] == ["2023-07-24 10:30"] and document == []


def test_labelled_dates_are_read_as_they_are_matched() -> None:
    text = "成文日期：2023年05月11日\n发布时间：2023-07-24 10:30\n正文"
    primary, document = labelled_dates(text, None, None)
    minute = ParsedDate(datetime(2023, 7, 24, 10, 30, tzinfo=CST), "minute")
    assert primary == [DateCandidate("2023-07-24 10:30", "label", minute)]
    day = ParsedDate(datetime(2023, 5, 11, tzinfo=CST), "day")
    assert document == [DateCandidate("2023年05月11日", "document", day)]


def test_labelled_dates_nearest_the_headline_first_and_none_inside_the_body() -> None:
    text = "发布时间：2020-01-01\n标题\n发布时间：2023-07-24\n正文 发布时间：2023-07-25 正文"
    anchor, body = text.index("标题"), (text.index("正文"), len(text))
    primary, _ = labelled_dates(text, anchor, body)
    assert [c.text for c in primary] == ["2023-07-24", "2020-01-01"]


def test_source_after_a_rejected_label_in_the_same_line() -> None:
    # 的来源： continues a word; the 文章来源： after it on the same line still counts
    assert labelled_source("本文的来源：不详 文章来源：新华社", None) == "新华社"


def test_labels_at_text_start_and_after_separators() -> None:
    assert labelled_source("来源：人民日报", None) == "人民日报"
    assert labelled_author("\x1f作者：张三\n", None, None) == "作者：张三"


def test_empty_source_placeholder_gives_way_to_the_filled_one_beside_it() -> None:
    text = "标题\n发布时间：2020-12-29 11:07\n来源：\n来源：省文化和旅游厅\n访问次数："
    assert labelled_source(text, 0) == "省文化和旅游厅"


def test_empty_source_stays_empty_when_the_other_is_far_away() -> None:
    text = "标题\n来源：\n" + "正文内容。" * 60 + "\n相关新闻 来源：新华网"
    assert labelled_source(text, 0) == ""

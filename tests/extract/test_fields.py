"""Labelled fields in the page text: a label only counts where it starts a word."""

from __future__ import annotations

from govcrawl.extract.fields import labelled_author, labelled_dates, labelled_source


def test_label_inside_a_word_is_not_a_label() -> None:
    text = "工作时间：2023-01-01\n发布时间：2023-07-24 10:30"
    primary, document = labelled_dates(text, None, None)
    assert [h.value for h in primary] == ["2023-07-24 10:30"] and document == []


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

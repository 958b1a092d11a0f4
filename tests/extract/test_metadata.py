"""Meta tags: names match case-insensitively, as HTML matches them."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from lxml import html

from govcrawl.extract import extract_record
from govcrawl.extract.metadata import extract_meta, meta_value

PAGE = """<html><head><meta charset="utf-8"><title>市政府召开常务会议</title>{meta}</head><body>
<h1>市政府召开常务会议</h1><div class="info">2026-11-26 来源：示例日报</div>
<div class="TRS_Editor"><p>11月26日上午，市政府召开第十次常务会议，研究部署冬季安全生产和民生保障工作。</p>
<p>会议强调，要压实各方责任，抓好隐患排查整治，确保群众温暖过冬、平安过冬。</p></div></body></html>"""


@pytest.mark.parametrize("name", ["Keywords", "keywords", "KEYWORDS"])
def test_keywords_are_read_whatever_the_case_of_the_meta_name(name: str) -> None:
    page = PAGE.format(meta=f'<meta name="{name}" content="常务会议，安全生产；民生">')
    fields = extract_record(page, "http://www.example.gov.cn/xw/1.html", fetched_at=datetime.now(UTC))
    assert fields.keywords == ["常务会议", "安全生产", "民生"]


@pytest.mark.parametrize(("tags", "want"), [
    ('<meta name="columnname" content="要闻">', "要闻"),
    ('<meta name="ColumnName" content=""><meta name="COLUMNNAME" content="要闻">', "要闻"),  # first non-empty
    ('<meta name="columnName" content="要闻"><meta name="ColumnName" content="通知">', "要闻"),  # the page's first
    ('<meta name="Column" content="要闻">', None),
])
def test_meta_value_matches_names_case_insensitively(tags: str, want: str | None) -> None:
    meta = extract_meta(html.fromstring(f"<html><head>{tags}</head><body></body></html>"))
    assert meta_value(meta, "ColumnName") == want

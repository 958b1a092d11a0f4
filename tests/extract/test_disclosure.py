"""extract_disclosure_table: the 政府信息公开 table above a document, only when it is one."""

from __future__ import annotations

from datetime import datetime

from govcrawl.extract import extract_record
from govcrawl.extract.dates import CST
from govcrawl.extract.disclosure import extract_disclosure_table

TABLE = "索 引 号：\t014717475N/2023-0040295\t发布机构：\t宜春市统计局\n成文日期：\t2023-04-18\t有效性：\t有效\n"


def test_table_fields_by_key() -> None:
    assert extract_disclosure_table(TABLE + "正文", None) == {
        "index_no": "014717475N/2023-0040295", "issuer": "宜春市统计局", "written_on": "2023-04-18",
        "written_on_iso": "2023-04-18", "validity": "有效"}


def test_only_what_comes_before_the_body() -> None:
    text = "标题\n正文提到文号：宜统字〔2023〕3号 和索引号：123"
    assert extract_disclosure_table(text, text.index("正文")) == {}
    assert extract_disclosure_table(TABLE + text, len(TABLE))["index_no"] == "014717475N/2023-0040295"


def test_a_table_needs_an_index_or_document_number_and_one_more_field() -> None:
    assert extract_disclosure_table("发布机构：宜春市统计局\n有效性：有效\n", None) == {}
    assert extract_disclosure_table("文号：宜统字〔2023〕3号\n", None) == {}
    assert extract_disclosure_table("文号：宜统字〔2023〕3号\n有效性：有效\n", None) == {
        "doc_no": "宜统字〔2023〕3号", "validity": "有效"}


def test_an_empty_cell_stays_empty_and_dates_come_in_iso_too() -> None:
    table = ("<table><tr><th>索引号：</th><td>11420000/2026-01234</td><th>主题分类：</th><td>综合政务</td></tr>"
             "<tr><th>发文字号：</th><td></td><th>发布日期：</th><td>2026年11月07日</td></tr>"
             "<tr><th>成文日期：</th><td>2026年11月06日</td><th>有效性：</th><td>有效</td></tr></table>")
    paragraphs = "".join(f"<p>第{n}条，各单位要认真落实本通知要求，确保各项工作按时完成，并及时报送情况。</p>" for n in range(1, 4))
    html = (f'<html><head><meta charset="utf-8"><title>关于做好有关工作的通知</title></head><body>{table}'
            f'<h1>关于做好有关工作的通知</h1><div class="content">{paragraphs}</div></body></html>')
    fields = extract_record(html, "http://www.x.gov.cn/zwgk/202611/t20261107_1.html",
                            fetched_at=datetime(2026, 11, 8, tzinfo=CST))
    assert fields.document == {
        "index_no": "11420000/2026-01234", "topic": "综合政务", "published_on": "2026年11月07日",
        "published_on_iso": "2026-11-07", "written_on": "2026年11月06日", "written_on_iso": "2026-11-06",
        "validity": "有效"}

"""extract_disclosure_table: the 政府信息公开 table above a document, only when it is one."""

from __future__ import annotations

from govcrawl.extract.disclosure import extract_disclosure_table

TABLE = "索 引 号：\t014717475N/2023-0040295\t发布机构：\t宜春市统计局\n成文日期：\t2023-04-18\t有效性：\t有效\n"


def test_table_fields_by_key() -> None:
    assert extract_disclosure_table(TABLE + "正文", None) == {
        "index_no": "014717475N/2023-0040295", "issuer": "宜春市统计局", "written_on": "2023-04-18",
        "validity": "有效"}


def test_only_what_comes_before_the_body() -> None:
    text = "标题\n正文提到文号：宜统字〔2023〕3号 和索引号：123"
    assert extract_disclosure_table(text, text.index("正文")) == {}
    assert extract_disclosure_table(TABLE + text, len(TABLE))["index_no"] == "014717475N/2023-0040295"


def test_a_table_needs_an_index_or_document_number_and_one_more_field() -> None:
    assert extract_disclosure_table("发布机构：宜春市统计局\n有效性：有效\n", None) == {}
    assert extract_disclosure_table("文号：宜统字〔2023〕3号\n", None) == {}
    assert extract_disclosure_table("文号：宜统字〔2023〕3号\n有效性：有效\n", None) == {
        "doc_no": "宜统字〔2023〕3号", "validity": "有效"}

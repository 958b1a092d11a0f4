"""parse_credits: 来源 values, bylines, trailing bracketed credits, editors."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govcrawl.extract import Credits, extract_record, parse_credits
from govcrawl.extract.credits import split_broken_credit
from govcrawl.extract.dates import CST


@pytest.mark.parametrize(
    ("line", "authors", "editors"),
    [
        ("（天门市融媒体中心记者吴述明）", ["吴述明"], []),
        ("天門市融媒體中心記者吳述明)", ["吳述明"], []),
        ("（张巨峰）", ["张巨峰"], []),
        ("（德清县发改局）", [], []),
        ("（朝阳报）", [], []),
        ("（刘通摄）", [], []),
        ("来源：人民网 记者：木胜玉", ["木胜玉"], []),
        ("（特约通讯员：林兴勇）", ["林兴勇"], []),
        ("(文/图 刘玺东 易赛楠)", ["刘玺东", "易赛楠"], []),
        ("长江网10月4日讯（记者陈智 整合）", ["陈智"], []),
        ("作者：记者王敬照", ["王敬照"], []),
        ("作者: 记者 郑晨子", ["郑晨子"], []),
        ("记者 张三 通讯员 李四", ["张三", "李四"], []),
        ("中央纪委国家监委网站 李鹃", ["李鹃"], []),
        ("来源：澎湃新闻 2017-02-26 15:18 作者：武汉大学历史学院郭伦", ["郭伦"], []),
        ("责任编辑：周雁", [], ["周雁"]),
        ("（责任编辑：周雁）", [], ["周雁"]),
        ("【编辑：姚昊】", [], ["姚昊"]),
        ("编辑：（胡冠山）", [], ["胡冠山"]),
        ("责任编辑：秭归融媒体中心", [], []),
        ("新华社记者 谢环驰 摄", [], []),
        ("(责编：汤诗瑶、丁涛)", [], ["汤诗瑶", "丁涛"]),
        ("【纠错】 【责任编辑:常宁】", [], ["常宁"]),
        ("湖北日报讯（记者张宇、通讯员李文）", ["张宇", "李文"], []),
        ("作者：記者 陳曦 通訊員 王濤", ["陳曦", "王濤"], []),
        ("編輯：張敏 審覈：李強 終審：王華", [], ["張敏", "李強", "王華"]),
    ],
)
def test_credit_lines(line: str, authors: list[str], editors: list[str]) -> None:
    credits = parse_credits(None, [line])
    assert credits.authors == authors
    assert credits.editors == editors


@pytest.mark.parametrize(
    ("source_text", "expected"),
    [
        ("本网", "本网"),
        ("  山西日报 ", "山西日报"),
        ("中国空间技术研究院、中国运载火箭技术研究院等", "中国空间技术研究院、中国运载火箭技术研究院等"),
        ("湘潭日报·新湘潭客户端", "湘潭日报·新湘潭客户端"),
        ("", None),
        ("  ：", None),
        (None, None),
    ],
)
def test_source(source_text: str | None, expected: str | None) -> None:
    assert parse_credits(source_text, []).source == expected


def test_editor_is_not_author() -> None:
    credits = parse_credits("新华社", ["记者 王五", "责任编辑：王五 审核：赵六"])
    assert credits == Credits(source="新华社", authors=[], editors=["王五", "赵六"])


@given(st.one_of(st.none(), st.text(max_size=30)), st.lists(st.text(max_size=60), max_size=5))
def test_never_crashes(source_text: str | None, lines: list[str]) -> None:
    credits = parse_credits(source_text, lines)
    assert credits.source is None or credits.source.strip() == credits.source != ""
    assert all(isinstance(name, str) and name for name in credits.authors + credits.editors)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # a scrape lost the opening bracket: the credit leaves the paragraph
        ("市直各單位主要負責人參加會議。天門市融媒體中心記者吳述明)", ("市直各單位主要負責人參加會議。", "（天門市融媒體中心記者吳述明）")),
        ("活动吸引了众多市民参与。张巨峰）", ("活动吸引了众多市民参与。", "（张巨峰）")),
        ("天门市融媒体中心记者吴述明）", ("", "（天门市融媒体中心记者吴述明）")),
        # proper bracketed credits stay where they are
        ("市直各单位主要负责人参加会议。（天门市融媒体中心记者吴述明）", None),
        # a closing bracket that is not a credit
        ("会议由张华忠主持。详见附件2）", None),
        ("一是加强领导。二是落实责任，压实各方面工作）", None),
    ],
)
def test_split_broken_credit(line: str, expected: tuple[str, str] | None) -> None:
    assert split_broken_credit(line) == expected


def test_editor_line_below_the_body_is_a_credit() -> None:
    html = (
        "<html><head><title>全市春季植树活动启动_某市人民政府</title></head><body>"
        "<h1>全市春季植树活动启动</h1><div class='info'>发布时间：2024-03-12 来源：市林业局</div>"
        "<div class='TRS_Editor'><p>3月12日，全市春季义务植树活动在城东湿地公园启动，机关干部和志愿者共栽下树苗三千余株。</p>"
        "<p>活动现场还开展了林业政策宣传和苗木养护知识讲解，吸引了周边群众积极参与。</p></div>"
        "<div class='editor'>（责任编辑：周雁）</div>"
        "<div class='footer'>主办单位：某市人民政府办公室 网站标识码：4290060001</div></body></html>"
    )
    fields = extract_record(html, fetched_at=datetime(2026, 11, 26, 10, 0, tzinfo=CST))
    assert fields.editors == ["周雁"]
    assert fields.authors == []
    assert "周雁" not in fields.body
    assert fields.source == "市林业局"


@pytest.mark.parametrize(("line", "editors"), [
    ("松花江网编辑 孙桂芳", ["孙桂芳"]),  # an outlet's editor, no colon
    ("编审：李四 监制：赵六", ["李四", "赵六"]),
    ("制作：钱七", ["钱七"]),
    ("策划：周八 统筹：吴九", ["周八", "吴九"]),
])
def test_media_credit_lines_are_editors_not_body(line: str, editors: list[str]) -> None:
    paragraphs = "".join(f"<p>第{n}段，记者从市里获悉，相关工作正在有序推进，群众反映良好，效果明显。</p>" for n in range(1, 4))
    html = (f'<html><head><meta charset="utf-8"><title>某市召开会议</title></head><body><h1>某市召开会议</h1>'
            f'<div>2024-03-05 来源：某市日报</div><div class="content">{paragraphs}<p>{line}</p></div></body></html>')
    fields = extract_record(html, "http://www.x.com.cn/a.html", fetched_at=datetime(2024, 3, 6, tzinfo=CST))
    assert fields.editors == editors and line not in fields.body and fields.authors == []


@pytest.mark.parametrize(("shown", "source"), [
    ("广西日报】", "广西日报"), ("【广西日报", "广西日报"), ("广西日报（南宁）", "广西日报（南宁）"), ("《人民日报》", "《人民日报》"),
])
def test_bracket_residue_never_ends_a_source(shown: str, source: str) -> None:
    assert parse_credits(shown, []).source == source
